//! Any file the explorer reads, by its name and bytes: the corpus text
//! format (`.txt`, `.md`), the UN's Akoma Ntoso XML (`.xml`) and Word
//! (`.docx`), each turned into a [`Document`] or refused with a reason that
//! names the file's problem. The command-line tool reads folders through
//! it; the page reads the files its reader adds through it, in a Web Worker
//! ([`session`]), and joins them to the published corpus.
//!
//! ```
//! use clause_explorer::ingest::{read, ReadErrorKind};
//! let text = b"Resolution 1/1\n\nA title\n\nThe Commission on Narcotic Drugs,\n\n1. *Decides* to act.\n";
//! let (doc, _) = read("draft.txt", text).unwrap();
//! assert_eq!(doc.instruments[0].operative.len(), 1);
//! let refused = read("minutes.pdf", b"%PDF-1.7").unwrap_err();
//! assert!(matches!(refused.kind, ReadErrorKind::Refused { .. }));
//! ```

pub mod archive;
pub mod protocol;
pub mod session;

#[cfg(test)]
mod tests;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::akn::{self, AknError};
use crate::docx::{self, DocxError};
use crate::input::{self, InputError};
use crate::model::Document;
use crate::parse::parse_document;

/// The formats a file can be read in, told by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    /// The corpus text format (`.txt`, `.md`): text converted from PDF,
    /// markdown-ish.
    Text,
    /// The UN's Akoma Ntoso XML (`.xml`).
    Akn,
    /// A Word document (`.docx`), read into the text format.
    Docx,
}

impl Format {
    /// The format a file name says, or why the file cannot be read.
    pub fn of(name: &str) -> Result<Format, ReadErrorKind> {
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "txt" | "md" | "markdown" => Ok(Format::Text),
            "xml" => Ok(Format::Akn),
            "docx" => Ok(Format::Docx),
            _ => Err(ReadErrorKind::Refused { extension: ext }),
        }
    }

    /// As the page names it: "text", "UN XML", "Word".
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Akn => "UN XML",
            Format::Docx => "Word",
        }
    }

    /// The most bytes a file of this format may have. Texts and XML are
    /// read whole (the longest resolution in the UN's record is under
    /// 1 MB of XML); a Word file may carry pictures beside its text, and
    /// only its text parts are inflated (within [`docx`]'s own limit).
    pub fn max_bytes(self) -> usize {
        match self {
            Format::Text | Format::Akn => MAX_TEXT_BYTES,
            Format::Docx => MAX_DOCX_BYTES,
        }
    }
}

/// The largest text or XML file read: 16 MiB, sixteen times the longest
/// resolution file there is, small enough to parse and index in a tab.
pub const MAX_TEXT_BYTES: usize = 16 << 20;

/// The largest Word file read: 64 MiB (pictures included).
pub const MAX_DOCX_BYTES: usize = 64 << 20;

/// Why a file was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub kind: ReadErrorKind,
}

/// The kinds of unreadable file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadErrorKind {
    /// Occurs when the file's extension is none the explorer reads.
    Refused { extension: String },
    /// Occurs when the file is larger than its format's limit.
    TooLarge { bytes: usize, limit: usize },
    /// Occurs when a text or XML file is empty, binary or not UTF-8.
    Input(InputError),
    /// Occurs when an `.xml` file is not well-formed Akoma Ntoso.
    Xml(AknError),
    /// Occurs when a `.docx` file is not a Word document that can be read.
    Docx(DocxError),
}

impl ReadError {
    /// The line (and column) the problem is at, when it has one.
    pub fn location(&self) -> Option<(usize, Option<usize>)> {
        match &self.kind {
            ReadErrorKind::Input(e) => Some((e.line, None)),
            ReadErrorKind::Xml(e) => Some((e.line as usize, Some(e.column as usize))),
            _ => None,
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ReadErrorKind::Refused { extension } => {
                let hint = match extension.as_str() {
                    "pdf" => " (convert a PDF to text first, or use the UN's XML or Word version)",
                    "doc" | "rtf" | "odt" => " (save it as a Word .docx file first)",
                    _ => "",
                };
                let what = if extension.is_empty() {
                    "a file without an extension".to_owned()
                } else {
                    format!("a .{extension} file")
                };
                write!(
                    f,
                    "{what} cannot be read: add .txt, .md, .xml (UN Akoma Ntoso) or .docx (Word) files{hint}"
                )
            }
            ReadErrorKind::TooLarge { bytes, limit } => write!(
                f,
                "the file is {:.1} MB, more than the {} MB a document may have; split it",
                *bytes as f64 / 1e6,
                limit >> 20
            ),
            ReadErrorKind::Input(e) => write!(f, "{e}"),
            ReadErrorKind::Xml(e) => write!(f, "{e}"),
            ReadErrorKind::Docx(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<ReadErrorKind> for ReadError {
    fn from(kind: ReadErrorKind) -> ReadError {
        ReadError { kind }
    }
}

/// Reads one file by its name and bytes: the document, and the text it
/// was parsed from (a Word file's converted text), against which a
/// manifest's entries are checked.
pub fn read(name: &str, bytes: &[u8]) -> Result<(Document, String), ReadError> {
    let format = Format::of(name)?;
    if bytes.len() > format.max_bytes() {
        return Err(ReadErrorKind::TooLarge {
            bytes: bytes.len(),
            limit: format.max_bytes(),
        }
        .into());
    }
    match format {
        Format::Text => {
            let text = input::decode(bytes).map_err(ReadErrorKind::Input)?;
            Ok((parse_document(name, &text), text))
        }
        Format::Akn => {
            let text = input::decode(bytes).map_err(ReadErrorKind::Input)?;
            let doc = akn::import(name, &text).map_err(ReadErrorKind::Xml)?;
            Ok((doc, text))
        }
        Format::Docx => {
            let text = docx::to_text(bytes).map_err(ReadErrorKind::Docx)?;
            Ok((parse_document(name, &text), text))
        }
    }
}

/// Names every instrument and clause of a corpus (ids unique across it,
/// in document order, so that the documents before a new one keep theirs),
/// then fills what citations between the texts tell of instruments without
/// a symbol; returns what was recovered.
pub fn settle(corpus: &mut crate::model::Corpus) -> Vec<crate::refs::Recovered> {
    crate::cite::assign(&mut corpus.documents);
    crate::refs::recover(corpus)
}
