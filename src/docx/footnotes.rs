//! Footnotes: numbering the references as Word shows them, and reading
//! their text from `word/footnotes.xml`.
//!
//! Word numbers footnotes by the order of their references in the body,
//! from `w:numStart` (1 unless `w:footnotePr` says otherwise, in the
//! settings or the document's section), in `w:numFmt` (decimal unless
//! said). A reference with `w:customMarkFollows` takes no number: its mark
//! is the text that follows it. Numbering that restarts on each page or
//! section (`w:numRestart`) is not followed: the count runs on.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::numbering::NumFormat;
use super::paragraphs;
use super::runs::Piece;
use super::styles::Styles;
use super::{archive, xml, DocxError};

/// How footnote references are numbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct MarkStyle {
    start: u32,
    format: NumFormat,
}

impl MarkStyle {
    /// Reads `w:footnotePr` from the settings, then from the document's
    /// first section that has one (which wins).
    pub fn read(settings: Option<&Document<'_>>, document: &Document<'_>) -> MarkStyle {
        let mut style = MarkStyle {
            start: 1,
            format: NumFormat::Decimal,
        };
        let from_settings = settings.and_then(|s| xml::child(s.root_element(), "footnotePr"));
        let from_section = document
            .descendants()
            .filter(|n| xml::is(*n, "sectPr"))
            .find_map(|s| xml::child(s, "footnotePr"));
        for props in [from_settings, from_section].into_iter().flatten() {
            if let Some(start) = xml::child_number(props, "numStart") {
                style.start = start;
            }
            if let Some(format) = xml::child_val(props, "numFmt") {
                style.format = NumFormat::from_name(format);
            }
        }
        style
    }
}

/// A footnote referenced from the body.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Referenced {
    id: String,
    mark: String,
    /// The mark is custom: the footnote's text starts with it again.
    custom: bool,
}

/// The footnote marks given so far, in order.
#[derive(Debug)]
pub(super) struct Marks {
    style: MarkStyle,
    next: u32,
    order: Vec<Referenced>,
    by_id: HashMap<String, usize>,
    /// A custom-mark reference waiting for its mark text.
    pending_custom: Option<String>,
}

impl Marks {
    pub fn new(style: MarkStyle) -> Marks {
        Marks {
            style,
            next: style.start,
            order: Vec::new(),
            by_id: HashMap::new(),
            pending_custom: None,
        }
    }

    /// A reference to footnote `id`: its mark, or `None` when the mark is
    /// custom and comes with the next text (see [`Marks::claim_custom`]).
    pub fn reference(&mut self, id: &str, custom: bool) -> Option<String> {
        if let Some(&i) = self.by_id.get(id) {
            return Some(self.order[i].mark.clone());
        }
        if custom {
            self.pending_custom = Some(id.to_owned());
            return None;
        }
        let mark = self.style.format.format(self.next);
        self.next = self.next.saturating_add(1);
        self.record(id.to_owned(), mark.clone(), false);
        Some(mark)
    }

    /// The text after a custom-mark reference is its mark.
    pub fn claim_custom(&mut self, text: &str) -> Option<String> {
        let id = self.pending_custom.take()?;
        let mark = text.trim();
        let mark = if mark.is_empty() { "*" } else { mark };
        self.record(id, mark.to_owned(), true);
        Some(mark.to_owned())
    }

    /// A custom-mark reference that no text followed in its paragraph:
    /// its mark is "*".
    pub fn unclaimed_custom_mark(&mut self) -> Option<String> {
        self.pending_custom.as_ref()?;
        self.claim_custom("")
    }

    fn record(&mut self, id: String, mark: String, custom: bool) {
        self.by_id.insert(id.clone(), self.order.len());
        self.order.push(Referenced { id, mark, custom });
    }
}

/// A footnote's text, with the mark that refers to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Note {
    pub mark: String,
    pub pieces: Vec<Piece>,
}

/// The text of each referenced footnote, in the order of the marks. A
/// footnote of several paragraphs is one paragraph here (the text format
/// has one paragraph per footnote). Footnotes that nothing refers to are
/// not shown by Word and not read; separators are skipped.
pub(super) fn read_bodies(
    doc: &Document<'_>,
    styles: &Styles,
    marks: &Marks,
) -> Result<Vec<Note>, DocxError> {
    let by_id: HashMap<&str, Node<'_, '_>> = xml::children(doc.root_element(), "footnote")
        .filter(|n| xml::attr(*n, "type").is_none_or(|t| t == "normal"))
        .filter_map(|n| Some((xml::attr(n, "id")?, n)))
        .collect();
    let mut notes = Vec::new();
    for referenced in &marks.order {
        let Some(node) = by_id.get(referenced.id.as_str()) else {
            continue;
        };
        let paragraphs = paragraphs::read_blocks(*node, archive::FOOTNOTES, styles, None, None)?;
        let mut pieces = Vec::new();
        for (i, p) in paragraphs.into_iter().enumerate() {
            if i > 0 {
                pieces.push(Piece::Text {
                    text: " ".to_owned(),
                    italic: false,
                });
            }
            pieces.extend(p.pieces);
        }
        if referenced.custom {
            strip_custom_mark(&mut pieces, &referenced.mark);
        }
        notes.push(Note {
            mark: referenced.mark.clone(),
            pieces,
        });
    }
    Ok(notes)
}

/// A custom mark is typed again at the start of its footnote (Word has no
/// `w:footnoteRef` for it): removes it there.
fn strip_custom_mark(pieces: &mut [Piece], mark: &str) {
    for piece in pieces.iter_mut() {
        match piece {
            Piece::Mark(m) if m == mark => {
                *m = String::new();
                return;
            }
            Piece::Text { text, .. } | Piece::Super { text, .. } => {
                let trimmed = text.trim_start();
                if trimmed.is_empty() {
                    continue;
                }
                if let Some(rest) = trimmed.strip_prefix(mark) {
                    *text = rest.to_owned();
                }
                return;
            }
            _ => return,
        }
    }
}
