//! What a drafter takes elsewhere: clauses as CSV, JSON, Markdown or a
//! "precedents" table for a word processor; an instrument as Markdown or
//! plain text with every paragraph's citation; a comparison as HTML with
//! `<del>`/`<ins>` or as Markdown with ~~removed~~ and **added** words.
//!
//! Every format keeps the text exactly: commas, quotes, line breaks and
//! markup in a clause come out escaped for the format, never dropped and
//! never interpreted (a `<script>` in a clause is text in the HTML, and
//! `*` is not emphasis in the Markdown).
//!
//! ```
//! use clause_explorer::export::{csv, ClauseRecord};
//! let row = ClauseRecord {
//!     citation: "GA res. 78/228, op. 4".into(),
//!     text: "Urges States, \"in particular\", to act".into(),
//!     ..Default::default()
//! };
//! let out = csv(&[row]);
//! assert!(out.contains("\"Urges States, \"\"in particular\"\", to act\""));
//! ```

mod json;
mod markdown;
mod table;

#[cfg(test)]
mod tests;

pub use self::json::json;
pub use self::markdown::{comparison_markdown, instrument_markdown, instrument_text, markdown};
pub use self::table::{comparison_html, csv, escape_html, precedents_html};

use crate::model::{Instrument, Paragraph, Part, Subparagraph};
use crate::search::Resolved;

/// One clause as the exports write it: a paragraph or sub-paragraph with
/// what identifies it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClauseRecord {
    /// "GA res. 78/228, op. 4 (b)".
    pub citation: String,
    /// The instrument's title (its citation when it has none).
    pub instrument: String,
    /// "A/RES/78/228"; empty when unknown.
    pub symbol: String,
    /// Empty when unknown.
    pub year: String,
    /// The adopting body; empty when unknown.
    pub body: String,
    /// "preambular", "operative", "preambular sub-paragraph" or
    /// "operative sub-paragraph".
    pub kind: String,
    /// The paragraph's lead phrase ("Urges"); a sub-paragraph's is its
    /// paragraph's.
    pub lead: String,
    /// The clause as it reads: number or label first, its sub-paragraphs
    /// on lines of their own.
    pub text: String,
    /// Where the clause opens in the explorer.
    pub link: String,
}

impl ClauseRecord {
    /// The record of a unit found by search (or any resolved unit);
    /// `link` is the address of the clause in the explorer.
    pub fn of(unit: &Resolved<'_>, link: String) -> ClauseRecord {
        let inst = unit.instrument;
        let p = unit.paragraph;
        let part = match p.part {
            Part::Preambular => "preambular",
            Part::Operative => "operative",
        };
        let (citation, kind, text) = match unit.subparagraph {
            Some(s) => (
                s.citation.clone(),
                format!("{part} sub-paragraph"),
                subparagraph_text(s),
            ),
            None => (p.citation.clone(), part.to_owned(), paragraph_text(p)),
        };
        ClauseRecord {
            citation,
            instrument: instrument_name(inst).to_owned(),
            symbol: symbol(inst).to_owned(),
            year: inst.year.map(|y| y.to_string()).unwrap_or_default(),
            body: inst.body.clone().unwrap_or_default(),
            kind,
            lead: p.lead.clone().unwrap_or_default(),
            text,
            link,
        }
    }
}

/// The columns of the tabular exports, in order.
pub const COLUMNS: [&str; 9] = [
    "citation",
    "instrument",
    "symbol",
    "year",
    "body",
    "kind",
    "lead",
    "text",
    "link",
];

impl ClauseRecord {
    fn fields(&self) -> [&str; 9] {
        [
            &self.citation,
            &self.instrument,
            &self.symbol,
            &self.year,
            &self.body,
            &self.kind,
            &self.lead,
            &self.text,
            &self.link,
        ]
    }
}

/// The document symbol as the UN writes it ("A/RES/78/228"), or the
/// symbol the text gives ("78/228"), or nothing.
fn symbol(inst: &Instrument) -> &str {
    inst.record
        .document_symbol
        .as_deref()
        .or(inst.symbol.as_deref())
        .unwrap_or_default()
}

/// The date of adoption, readable: from the record, else as the text
/// states it, else the year.
fn adopted(inst: &Instrument) -> Option<String> {
    inst.record
        .date
        .as_deref()
        .map(crate::model::readable_date)
        .or_else(|| inst.adopted.clone())
        .or_else(|| inst.year.map(|y| y.to_string()))
}

fn instrument_name(inst: &Instrument) -> &str {
    if inst.title.trim().is_empty() {
        &inst.citation
    } else {
        &inst.title
    }
}

/// A paragraph as it reads: "4. Urges …", each sub-paragraph on a line of
/// its own (what the exports and "Copy with citation" write).
pub fn paragraph_text(p: &Paragraph) -> String {
    let mut out = String::new();
    if let Some(n) = p.number {
        out.push_str(&format!("{n}. "));
    }
    out.push_str(&p.text.plain);
    for s in &p.subparagraphs {
        out.push('\n');
        out.push_str(&subparagraph_text(s));
    }
    out
}

/// A sub-paragraph as it reads: "(b) To …", its own sub-paragraphs below.
pub fn subparagraph_text(s: &Subparagraph) -> String {
    let mut out = format!("({}) {}", s.label, s.text.plain);
    for c in &s.subparagraphs {
        out.push('\n');
        out.push_str(&subparagraph_text(c));
    }
    out
}

/// A file name that says what a download holds, safe on every system:
/// `clauses-trafficking-in-persons.csv`. Letters and digits are kept
/// (any script), everything else becomes one hyphen; at most 60
/// characters of description.
pub fn file_name(what: &str, extension: &str) -> String {
    let mut out = String::new();
    for c in what.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let stem = out.trim_end_matches('-');
    let stem = if stem.is_empty() { "export" } else { stem };
    format!("{stem}.{extension}")
}
