//! `word/styles.xml`: what a paragraph or character style means for the
//! text: italics, hidden text, heading level and numbering, each through
//! the style's `w:basedOn` chain.
//!
//! Word's toggle rule (an italic character style in an italic paragraph
//! style is upright) is not applied: the nearest setting wins, which is
//! what documents that set italics directly (as the UN's do) need.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::xml;

/// The longest `w:basedOn` chain followed (a loop in a crafted file ends
/// here).
const MAX_CHAIN: usize = 32;

/// A paragraph's automatic numbering: `w:numId` and `w:ilvl`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct NumberingRef {
    pub num_id: u32,
    pub level: u8,
}

#[derive(Default)]
struct Style {
    based_on: Option<String>,
    italic: Option<bool>,
    hidden: Option<bool>,
    /// 1 for "heading 1" and "Title", and so on.
    heading: Option<u8>,
    num_id: Option<u32>,
    level: Option<u8>,
}

/// The styles of a document, by style id.
#[derive(Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
    /// `w:docDefaults` italics.
    default_italic: bool,
}

impl Styles {
    /// Reads `word/styles.xml`.
    pub fn read(doc: &Document<'_>) -> Styles {
        let root = doc.root_element();
        let default_italic = xml::child(root, "docDefaults")
            .and_then(|d| xml::child(d, "rPrDefault"))
            .and_then(|d| xml::child(d, "rPr"))
            .and_then(|r| xml::toggle(r, "i"))
            .unwrap_or(false);
        let by_id = xml::children(root, "style")
            .filter_map(|node| Some((xml::attr(node, "styleId")?.to_owned(), style(node))))
            .collect();
        Styles {
            by_id,
            default_italic,
        }
    }

    /// Whether text in character style `run_style` inside paragraph style
    /// `para_style` is italic, when the run does not say.
    pub fn italic(&self, run_style: Option<&str>, para_style: Option<&str>) -> bool {
        self.find(run_style, |s| s.italic)
            .or_else(|| self.find(para_style, |s| s.italic))
            .unwrap_or(self.default_italic)
    }

    /// Whether text in these styles is hidden (`w:vanish`).
    pub fn hidden(&self, run_style: Option<&str>, para_style: Option<&str>) -> bool {
        self.find(run_style, |s| s.hidden)
            .or_else(|| self.find(para_style, |s| s.hidden))
            .unwrap_or(false)
    }

    /// The heading level of a paragraph style: from its name ("heading 2",
    /// "Title") in styles.xml, or, for a style it does not define, from the
    /// id Word's English templates give ("Heading2", "Title").
    pub fn heading(&self, para_style: &str) -> Option<u8> {
        if !self.by_id.contains_key(para_style) {
            return heading_level(para_style);
        }
        self.find(Some(para_style), |s| s.heading)
    }

    /// The numbering a paragraph style carries.
    pub fn numbering(&self, para_style: &str) -> Option<NumberingRef> {
        let num_id = self.find(Some(para_style), |s| s.num_id)?;
        let level = self.find(Some(para_style), |s| s.level).unwrap_or(0);
        Some(NumberingRef { num_id, level })
    }

    /// The first setting found along the style's `w:basedOn` chain.
    fn find<T>(&self, id: Option<&str>, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut id = id?;
        for _ in 0..MAX_CHAIN {
            let style = self.by_id.get(id)?;
            if let Some(v) = get(style) {
                return Some(v);
            }
            id = style.based_on.as_deref()?;
        }
        None
    }
}

fn style(node: Node<'_, '_>) -> Style {
    let run = xml::child(node, "rPr");
    let para = xml::child(node, "pPr");
    let num = para.and_then(|p| xml::child(p, "numPr"));
    let name = xml::child_val(node, "name").unwrap_or("");
    Style {
        based_on: xml::child_val(node, "basedOn").map(str::to_owned),
        italic: run.and_then(|r| xml::toggle(r, "i")),
        hidden: run.and_then(|r| xml::toggle(r, "vanish")),
        heading: heading_level(name),
        num_id: num.and_then(|n| xml::child_number(n, "numId")),
        level: num
            .and_then(|n| xml::child_number(n, "ilvl"))
            .and_then(|l| u8::try_from(l).ok()),
    }
}

/// "heading 3" / "Heading3" → 3, "Title" → 1.
fn heading_level(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    if lower == "title" {
        return Some(1);
    }
    let digits = lower.strip_prefix("heading")?.trim_start();
    match digits.parse::<u8>() {
        Ok(n @ 1..=6) => Some(n),
        _ => None,
    }
}
