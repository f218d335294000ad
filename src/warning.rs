//! Problems found while parsing: typed, located, and worded for whoever
//! maintains a corpus.
//!
//! A warning never stops a parse: the parser always returns its best
//! result and loses no text. Errors that stop a file from being read at all
//! live in [`crate::input`].

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::Span;

/// A problem in a source text, with the line it was found on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub kind: WarningKind,
    pub span: Span,
    /// 1-based line of `span.start`.
    pub line: usize,
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WarningKind {
    /// Occurs when a footnote mark is cited but no footnote with that mark
    /// follows in the file.
    FootnoteWithoutText { mark: String },
    /// Occurs when a footnote's text is present but nothing cites its mark.
    FootnoteNotCited { mark: String },
    /// Occurs when an operative paragraph's number is not the one after the
    /// previous paragraph's.
    NumberOutOfSequence { expected: u32, found: u32 },
    /// Occurs when a sub-paragraph label does not follow the previous one at
    /// its level ((a) then (c)).
    LabelOutOfSequence { expected: String, found: String },
    /// Occurs when text lies outside every instrument: report front matter,
    /// agenda items, a stray page. It is kept as unassigned text.
    UnassignedText { excerpt: String },
    /// Occurs when a file holds no resolution or decision at all.
    NoInstrument,
    /// Occurs when a paragraph opens with no recognisable lead phrase.
    NoLeadPhrase { excerpt: String },
    /// Occurs when the manifest gives a value that contradicts the text.
    ManifestConflict {
        field: String,
        text: String,
        manifest: String,
    },
    /// Occurs when the manifest names an instrument the file does not hold.
    ManifestUnmatched { entry: String },
    /// Occurs when an XML file's markup names a preambular paragraph by
    /// one phrase (the container's name) and its italics read another.
    LeadDisagrees { name: String, italic: String },
    /// Occurs when an XML file's markup is wrong in a way whose intent is
    /// plain, and the importer read it as intended.
    MarkupRepaired { repair: String },
    /// Occurs when an XML file marks up a sub-paragraph ("(a) To …") as
    /// an unnumbered paragraph after operative paragraph `after`; it is
    /// read as that paragraph's sub-paragraph.
    SubparagraphMarkedAsParagraph { label: String, after: u32 },
    /// Occurs when an XML file's metadata contradicts its text (the FRBR
    /// identifier names another body than the enacting formula).
    MetadataConflict {
        field: String,
        text: String,
        metadata: String,
    },
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WarningKind::FootnoteWithoutText { mark } => write!(
                f,
                "footnote {mark} is cited but its text is not in the file \
                 (the page that carried it may be missing from the conversion)"
            ),
            WarningKind::FootnoteNotCited { mark } => write!(
                f,
                "footnote {mark} has text but is never cited \
                 (its mark may have been lost in conversion)"
            ),
            WarningKind::NumberOutOfSequence { expected, found } => write!(
                f,
                "operative paragraph {found} found where {expected} was expected \
                 (a paragraph may be missing or misnumbered)"
            ),
            WarningKind::LabelOutOfSequence { expected, found } => write!(
                f,
                "sub-paragraph ({found}) found where ({expected}) was expected"
            ),
            WarningKind::UnassignedText { excerpt } => write!(
                f,
                "text outside any instrument, kept as unassigned: \u{201c}{excerpt}\u{201d}"
            ),
            WarningKind::NoInstrument => write!(
                f,
                "no resolution or decision found (expected a line naming the \
                 adopting body, such as \u{201c}The General Assembly,\u{201d}, \
                 or a heading such as \u{201c}Resolution 33/1\u{201d})"
            ),
            WarningKind::NoLeadPhrase { excerpt } => write!(
                f,
                "paragraph opens without a known lead phrase: \u{201c}{excerpt}\u{201d} \
                 (if this is a lead, add it to the table in leads.rs)"
            ),
            WarningKind::ManifestConflict {
                field,
                text,
                manifest,
            } => write!(
                f,
                "manifest gives {field} \u{201c}{manifest}\u{201d} but the text says \
                 \u{201c}{text}\u{201d}; the text wins"
            ),
            WarningKind::ManifestUnmatched { entry } => write!(
                f,
                "manifest entry \u{201c}{entry}\u{201d} matches no instrument in the file"
            ),
            WarningKind::LeadDisagrees { name, italic } => write!(
                f,
                "the markup names the paragraph \u{201c}{name}\u{201d} but its italics read \
                 \u{201c}{italic}\u{201d}; the italics are kept as its lead"
            ),
            WarningKind::MarkupRepaired { repair } => write!(f, "markup repaired: {repair}"),
            WarningKind::SubparagraphMarkedAsParagraph { label, after } => write!(
                f,
                "markup repaired: sub-paragraph ({label}) is marked up as a paragraph \
                 without a number; read as a sub-paragraph of operative paragraph {after}"
            ),
            WarningKind::MetadataConflict {
                field,
                text,
                metadata,
            } => write!(
                f,
                "the file's metadata gives {field} \u{201c}{metadata}\u{201d} but its text \
                 says \u{201c}{text}\u{201d}; the text wins"
            ),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

/// The 1-based line number of a byte offset.
pub fn line_of(source: &str, offset: usize) -> usize {
    let end = floor_char_boundary(source, offset.min(source.len()));
    source.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
