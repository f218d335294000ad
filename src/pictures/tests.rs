//! What every picture must be (well-formed, accessible, linked to app
//! routes only, hostile text escaped), on small instruments; the shipped
//! corpus's real figures are in `shipped`.

use super::*;
use crate::cite;
use crate::model::{Corpus, Document, Instrument};
use crate::parse::parse_document;

mod graph;
mod matrix;
mod profile;
#[cfg(feature = "native")]
mod shipped;
mod trail;

const HEADER: &str = "The Commission on Crime Prevention and Criminal Justice,\n\n";

/// A corpus of one instrument per `(title, body)`, numbered `1/1`, `2/1`, …
fn corpus(texts: &[(&str, &str)]) -> Corpus {
    let mut documents: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, (title, body))| {
            parse_document(
                &format!("{i}.txt"),
                &format!("Resolution {}/1\n\n{title}\n\n{HEADER}{body}", i + 1),
            )
        })
        .collect();
    cite::assign(&mut documents);
    Corpus { documents }
}

fn instruments(c: &Corpus) -> Vec<&Instrument> {
    c.instruments().collect()
}

/// Whether `href` is one of the app routes a picture may link to.
fn is_route(href: &str) -> bool {
    let id = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b))
    };
    let pair = |query: &str| {
        let Some((a, b)) = query.split_once("&b=") else {
            return false;
        };
        a.strip_prefix("a=").is_some_and(id) && id(b)
    };
    if let Some(rest) = href.strip_prefix("#/i/") {
        id(rest)
    } else if let Some(rest) = href.strip_prefix("#/p/") {
        id(rest)
    } else if let Some(rest) = href.strip_prefix("#/align?") {
        pair(rest)
    } else if let Some(rest) = href.strip_prefix("#/compare?") {
        pair(rest)
    } else {
        false
    }
}

/// Checks what every picture must be, and returns its links' hrefs in
/// document order.
fn check(picture: &Picture) -> Vec<String> {
    let doc =
        roxmltree::Document::parse(&picture.svg).unwrap_or_else(|e| panic!("{e}\n{}", picture.svg));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("group"));
    assert_eq!(root.attribute("width"), Some("100%"));
    assert!(root.attribute("height").is_none(), "no fixed height");
    let view_box: Vec<f64> = root
        .attribute("viewBox")
        .expect("a viewBox")
        .split(' ')
        .map(|n| n.parse().expect("a number"))
        .collect();
    assert!(view_box.len() == 4 && view_box[2] > 0.0 && view_box[3] > 0.0);
    let labelled_by: Vec<&str> = root
        .attribute("aria-labelledby")
        .expect("aria-labelledby")
        .split(' ')
        .collect();
    let tags: Vec<&str> = labelled_by
        .iter()
        .map(|id| {
            doc.descendants()
                .find(|n| n.attribute("id") == Some(id))
                .unwrap_or_else(|| panic!("no element {id}"))
                .tag_name()
                .name()
        })
        .collect();
    assert_eq!(tags, ["title", "desc"]);
    // The module doc lists every class for the app's stylesheet.
    let documented = include_str!("../pictures.rs");
    let mut hrefs = Vec::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        for class in node.attribute("class").unwrap_or_default().split(' ') {
            let share = class
                .strip_prefix("pic-share-")
                .is_some_and(|l| ["0", "1", "2", "3", "4"].contains(&l));
            assert!(
                share || documented.contains(&format!("`{class}`")),
                "class {class} is not in the module doc"
            );
        }
        assert!(node.attribute("style").is_none(), "no style attribute");
        assert!(
            node.attribute(("http://www.w3.org/1999/xlink", "href"))
                .is_none(),
            "no xlink"
        );
        for paint in ["fill", "stroke"] {
            if let Some(v) = node.attribute(paint) {
                assert!(v == "currentColor" || v == "none", "{paint}={v}");
            }
        }
        if node.tag_name().name() == "a" {
            let href = node.attribute("href").expect("an href");
            assert!(is_route(href), "{href}");
            assert!(node.attribute("aria-label").is_none(), "named by its title");
            let title = node.first_element_child().expect("a title");
            assert_eq!(title.tag_name().name(), "title");
            let name = title.text().unwrap_or_default();
            assert!(!name.trim().is_empty(), "a link with no name: {href}");
            hrefs.push(href.to_owned());
        }
    }
    for row in &picture.alt_table.rows {
        assert_eq!(row.len(), picture.alt_table.header.len(), "{row:?}");
        for segment in row.iter().flat_map(|c| &c.segments) {
            if let Some(href) = &segment.href {
                assert!(is_route(href), "{href}");
            }
        }
    }
    hrefs
}

/// The table as lines of cells separated by " | ", links marked `[text]`.
fn outline(table: &Table) -> String {
    let cell = |c: &Cell| -> String {
        c.segments
            .iter()
            .map(|s| match &s.href {
                Some(_) => format!("[{}]", s.text),
                None => s.text.clone(),
            })
            .collect()
    };
    let mut out = format!("{}\n{}\n", table.caption, table.header.join(" | "));
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(cell).collect();
        out.push_str(cells.join(" | ").trim_end());
        out.push('\n');
    }
    out
}

const HOSTILE: &str = "<script>alert(\"x\")</script> & 'friends'";
