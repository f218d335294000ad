//! Word documents (placeholder until the reader lands on this branch).

use std::fmt;

/// Why a Word document could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocxError {
    pub kind: DocxErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocxErrorKind {
    NotAZip(String),
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            DocxErrorKind::NotAZip(why) => write!(f, "not a Word document: {why}"),
        }
    }
}

impl std::error::Error for DocxError {}

pub fn is_docx_name(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("docx"))
}

pub fn to_text(_bytes: &[u8]) -> Result<String, DocxError> {
    Err(DocxError {
        kind: DocxErrorKind::NotAZip("Word files are not read yet".into()),
    })
}
