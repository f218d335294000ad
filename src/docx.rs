//! Word documents (.docx) into the corpus text format, so that the parser
//! reads a Word file exactly as it reads a text file.
//!
//! ```
//! use clause_explorer::docx::{is_docx_name, to_text, DocxErrorKind};
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/docx/ccpcj-33-1-excerpt.docx");
//! let text = to_text(&std::fs::read(path).unwrap()).unwrap();
//! assert!(text.contains("\n\n*Guided* by the purposes and principles of the Charter"));
//! assert!(text.contains("\n\n1. *Urges* Member States"));
//! assert!(is_docx_name("Resolution 33-1.DOCX"));
//! assert!(matches!(to_text(b"plain text").unwrap_err().kind, DocxErrorKind::NotAZip(_)));
//! ```
//!
//! # What is read
//!
//! A .docx is a zip archive of XML parts. Read are `word/document.xml` (the
//! body), and when present `word/styles.xml` (which styles are italic, which
//! are headings, which carry numbering), `word/numbering.xml` (automatic
//! numbering), `word/footnotes.xml` and `word/settings.xml` (where footnote
//! numbering starts). Parts are found by their usual names, not through the
//! package's relationships.
//!
//! # What is written
//!
//! | Word                                     | text                               |
//! |------------------------------------------|------------------------------------|
//! | a paragraph (also in a table cell)       | a line, then a blank line          |
//! | a line break (`w:br`, `w:cr`)            | a new line in the same paragraph   |
//! | a tab, a page or column break            | a space                            |
//! | an italic run                            | `*…*`, spaces outside the stars    |
//! | a Heading *n* or Title paragraph         | `#` × *n* (Title: one), a space    |
//! | automatic numbering                      | its label ("3.", "(b)", "•"), a space |
//! | a footnote reference                     | `<sup>k</sup>`, k as Word numbers it |
//! | a superscript run "24", "*", "†"         | `<sup>24</sup>`: a mark typed by hand |
//! | the footnotes' text                      | after a `---` line, `<sup>k</sup> text` each |
//!
//! Skipped, because Word does not show them as text of the body: deleted
//! and moved-away text, hidden runs (`w:vanish`), field instructions, text
//! boxes and drawings, page headers and footers, comments. Kept: inserted
//! and moved-to text, hyperlinks, content controls, field results.
//!
//! # Markup characters in Word's text
//!
//! The text format gives meaning to a few characters (see `parse::inline`),
//! so where they are Word's own text they are escaped, the way the parser
//! reads escapes: `\`, `*`, `<`, `&` and `[` get a backslash before them
//! (`\*` reads as a literal star, never as emphasis, `\<sup>` as text,
//! `\&amp;` as "&amp;"). Unicode superscript digits ("m²") would be read as
//! footnote marks; they are written as character references (`&#178;`),
//! which the parser reads back as the character itself. A line that would
//! open a heading (`#`) or be a rule (`---`) gets a backslash first. A
//! paragraph that would start with a footnote mark (which would make it a
//! footnote) has the mark moved after its first word.

mod archive;
mod footnotes;
mod markup;
mod numbering;
mod paragraphs;
mod runs;
mod styles;
mod xml;

#[cfg(test)]
mod tests;

use std::fmt;

pub use archive::{MAX_PART_BYTES, MAX_TOTAL_BYTES};
pub use xml::MAX_DEPTH;

/// Converts a Word document to the corpus text format.
///
/// Fails on what is not a readable .docx; never panics, and never inflates
/// more than [`MAX_TOTAL_BYTES`] whatever the archive declares.
pub fn to_text(bytes: &[u8]) -> Result<String, DocxError> {
    let parts = archive::read(bytes)?;
    let document_text = xml::decode(archive::DOCUMENT, &parts.document)?;
    let styles_text = xml::decode_optional(archive::STYLES, &parts.styles)?;
    let numbering_text = xml::decode_optional(archive::NUMBERING, &parts.numbering)?;
    let footnotes_text = xml::decode_optional(archive::FOOTNOTES, &parts.footnotes)?;
    let settings_text = xml::decode_optional(archive::SETTINGS, &parts.settings)?;

    let document = xml::parse(archive::DOCUMENT, &document_text)?;
    let styles = match xml::parse_optional(archive::STYLES, &styles_text)? {
        Some(doc) => styles::Styles::read(&doc),
        None => styles::Styles::default(),
    };
    let numbering = match xml::parse_optional(archive::NUMBERING, &numbering_text)? {
        Some(doc) => numbering::Numbering::read(&doc),
        None => numbering::Numbering::default(),
    };
    let settings = xml::parse_optional(archive::SETTINGS, &settings_text)?;
    let footnote_doc = xml::parse_optional(archive::FOOTNOTES, &footnotes_text)?;

    let mut marks = footnotes::Marks::new(footnotes::MarkStyle::read(settings.as_ref(), &document));
    let body = paragraphs::read_document(&document, &styles, &numbering, &mut marks)?;
    let notes = match &footnote_doc {
        Some(doc) => footnotes::read_bodies(doc, &styles, &marks)?,
        None => Vec::new(),
    };
    Ok(markup::write(&body, &notes))
}

/// Whether a file name is a Word document's: it ends in ".docx", in any
/// case.
pub fn is_docx_name(name: &str) -> bool {
    let suffix = ".docx";
    name.len() >= suffix.len()
        && name
            .get(name.len() - suffix.len()..)
            .is_some_and(|end| end.eq_ignore_ascii_case(suffix))
}

/// Why a file cannot be read as a Word document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocxError {
    pub kind: DocxErrorKind,
}

/// The kinds of unreadable Word files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocxErrorKind {
    /// Occurs when the bytes are not a zip archive, or a truncated one (its
    /// directory, at the end, is missing): an empty file, a text or PDF
    /// file renamed .docx, a download cut short. Holds the zip reader's
    /// reason.
    NotAZip(String),
    /// Occurs when the file is an OLE compound file rather than a zip: a
    /// Word 97–2003 `.doc`, or a `.docx` protected by a password (Word
    /// encrypts those into a compound file).
    CompoundFile,
    /// Occurs when the archive has no `word/document.xml`: a zip that is
    /// not a Word document (a spreadsheet, a presentation, any zip).
    NoDocument,
    /// Occurs when a part inflates past [`MAX_PART_BYTES`], or the parts
    /// read together past [`MAX_TOTAL_BYTES`] (a zip bomb, or a document
    /// far larger than any resolution). Sizes are counted while
    /// inflating, never taken from the archive's own declarations.
    TooLarge { part: String, limit: SizeLimit },
    /// Occurs when a part is stored with a compression method other than
    /// deflate, or encrypted inside the zip.
    Unsupported { part: String, reason: String },
    /// Occurs when a part's compressed data is damaged: it does not inflate,
    /// or its checksum does not match.
    Corrupt { part: String, reason: String },
    /// Occurs when a part is not well-formed XML (or not UTF-8 / UTF-16
    /// text), or nests elements deeper than [`MAX_DEPTH`].
    Xml { part: String, reason: String },
}

/// Which size limit a part went past.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeLimit {
    /// [`MAX_PART_BYTES`], for one part.
    Part,
    /// [`MAX_TOTAL_BYTES`], for all the parts read.
    Total,
}

impl DocxError {
    fn new(kind: DocxErrorKind) -> Self {
        DocxError { kind }
    }
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            DocxErrorKind::NotAZip(reason) => write!(
                f,
                "not a Word document: the file is not a .docx (zip) archive, or it is \
                 truncated ({reason}); open it in Word and save it as .docx again"
            ),
            DocxErrorKind::CompoundFile => write!(
                f,
                "this is an old Word .doc file or a password-protected .docx; \
                 save it from Word as a .docx without a password"
            ),
            DocxErrorKind::NoDocument => write!(
                f,
                "the archive has no word/document.xml, so it is not a Word document \
                 (a spreadsheet or presentation, perhaps); save the text from Word as .docx"
            ),
            DocxErrorKind::TooLarge { part, limit } => match limit {
                SizeLimit::Part => write!(
                    f,
                    "{part} inflates past {} MiB, more than any resolution needs \
                     (a damaged file or a zip bomb); split the document",
                    MAX_PART_BYTES >> 20
                ),
                SizeLimit::Total => write!(
                    f,
                    "the document's parts inflate past {} MiB in all (stopped at {part}), \
                     more than any resolution needs; split the document",
                    MAX_TOTAL_BYTES >> 20
                ),
            },
            DocxErrorKind::Unsupported { part, reason } => write!(
                f,
                "{part} cannot be read ({reason}); save the document from Word again \
                 as a plain .docx"
            ),
            DocxErrorKind::Corrupt { part, reason } => write!(
                f,
                "{part} is damaged ({reason}); the file may be cut short or corrupted, \
                 download or save it again"
            ),
            DocxErrorKind::Xml { part, reason } => write!(
                f,
                "{part} is not readable XML ({reason}); save the document from Word again"
            ),
        }
    }
}

impl std::error::Error for DocxError {}
