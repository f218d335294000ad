//! The text alternative of a picture: a table that the app renders as an
//! HTML `<table>`, holding what the picture shows and every place it links
//! to, for screen readers and for anyone who wants the figures.

/// A table: a caption, a header row and rows of cells.
///
/// Render the caption as `<caption>`, the header cells as `<th
/// scope="col">`, and the first cell of each row as `<th scope="row">`:
/// it names the row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub caption: String,
    pub header: Vec<String>,
    /// As many cells each as the header has.
    pub rows: Vec<Vec<Cell>>,
}

/// One cell: text, some of it links. Most cells are one segment; a cell
/// that lists clauses is their links with separators between them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// Rendered one after the other, in order.
    pub segments: Vec<Segment>,
}

/// A stretch of a cell's text, a link when it has an `href`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Plain text, not escaped.
    pub text: String,
    /// An app route (`#/…`), not escaped.
    pub href: Option<String>,
}

impl Cell {
    /// A cell of plain text.
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            segments: vec![Segment {
                text: text.into(),
                href: None,
            }],
        }
    }

    /// A cell that is one link.
    pub fn link(text: impl Into<String>, href: String) -> Cell {
        Cell {
            segments: vec![Segment {
                text: text.into(),
                href: Some(href),
            }],
        }
    }

    /// A cell of `(text, href)` items, links where they have an href,
    /// separated by ", ".
    pub fn list(items: impl IntoIterator<Item = (String, Option<String>)>) -> Cell {
        let mut segments = Vec::new();
        for (text, href) in items {
            if !segments.is_empty() {
                segments.push(Segment {
                    text: ", ".to_owned(),
                    href: None,
                });
            }
            segments.push(Segment { text, href });
        }
        Cell { segments }
    }

    /// The cell's text, links and all, as it reads.
    pub fn plain(&self) -> String {
        self.segments.iter().map(|s| s.text.as_str()).collect()
    }
}
