//! The zip archive: finding the parts a .docx is made of and inflating them
//! within size limits.
//!
//! The limits are counted on the bytes actually inflated (each part is read
//! through [`Read::take`]), because a zip's declared sizes are the
//! attacker's to choose; a declared size over the limit is refused early,
//! but a small one is never believed.

use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::ZipArchive;

use super::{DocxError, DocxErrorKind, SizeLimit};

/// The most bytes one part may inflate to: 32 MiB. A long report's
/// `document.xml` is a few MiB.
pub const MAX_PART_BYTES: u64 = 32 << 20;
/// The most bytes all the parts read may inflate to together: 64 MiB.
pub const MAX_TOTAL_BYTES: u64 = 64 << 20;

pub(super) const DOCUMENT: &str = "word/document.xml";
pub(super) const STYLES: &str = "word/styles.xml";
pub(super) const NUMBERING: &str = "word/numbering.xml";
pub(super) const FOOTNOTES: &str = "word/footnotes.xml";
pub(super) const SETTINGS: &str = "word/settings.xml";

/// The first bytes of an OLE compound file (.doc, encrypted .docx).
const COMPOUND_FILE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The parts that are read, as raw bytes (decoded by `xml::parse`).
pub(super) struct Parts {
    pub document: Vec<u8>,
    pub styles: Option<Vec<u8>>,
    pub numbering: Option<Vec<u8>>,
    pub footnotes: Option<Vec<u8>>,
    pub settings: Option<Vec<u8>>,
}

/// Opens the archive and inflates the parts, the document first.
pub(super) fn read(bytes: &[u8]) -> Result<Parts, DocxError> {
    if bytes.starts_with(&COMPOUND_FILE_MAGIC) {
        return Err(DocxError::new(DocxErrorKind::CompoundFile));
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| DocxError::new(DocxErrorKind::NotAZip(reason(&e))))?;
    let mut budget = MAX_TOTAL_BYTES;
    let document = part(&mut archive, DOCUMENT, &mut budget)?
        .ok_or(DocxError::new(DocxErrorKind::NoDocument))?;
    Ok(Parts {
        document,
        styles: part(&mut archive, STYLES, &mut budget)?,
        numbering: part(&mut archive, NUMBERING, &mut budget)?,
        footnotes: part(&mut archive, FOOTNOTES, &mut budget)?,
        settings: part(&mut archive, SETTINGS, &mut budget)?,
    })
}

/// Inflates one part, if the archive has it, taking its size from
/// `budget`.
fn part(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut u64,
) -> Result<Option<Vec<u8>>, DocxError> {
    let err = |kind| Err(DocxError::new(kind));
    let too_large = |limit| {
        err(DocxErrorKind::TooLarge {
            part: name.to_owned(),
            limit,
        })
    };
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e @ (ZipError::Io(_) | ZipError::InvalidArchive(_))) => {
            return err(DocxErrorKind::Corrupt {
                part: name.to_owned(),
                reason: reason(&e),
            })
        }
        Err(e) => {
            return err(DocxErrorKind::Unsupported {
                part: name.to_owned(),
                reason: reason(&e),
            })
        }
    };
    // Refused early when declared too large; believed in nothing else.
    if file.size() > MAX_PART_BYTES {
        return too_large(SizeLimit::Part);
    }
    if file.size() > *budget {
        return too_large(SizeLimit::Total);
    }
    let allowed = MAX_PART_BYTES.min(*budget);
    let mut data = Vec::new();
    if let Err(e) = (&mut file).take(allowed + 1).read_to_end(&mut data) {
        return err(DocxErrorKind::Corrupt {
            part: name.to_owned(),
            reason: e.to_string(),
        });
    }
    let len = data.len() as u64;
    if len > allowed {
        return too_large(if allowed == MAX_PART_BYTES {
            SizeLimit::Part
        } else {
            SizeLimit::Total
        });
    }
    *budget -= len;
    Ok(Some(data))
}

/// The zip reader's reason, for messages.
fn reason(e: &ZipError) -> String {
    e.to_string()
}
