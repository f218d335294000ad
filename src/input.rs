//! Turning the bytes of a file into text the parser can read, or a clear
//! reason why not.
//!
//! The parser itself accepts any `&str`; this is the gate in front of it
//! for files, where emptiness, binary data and foreign encodings are the
//! usual mistakes.

use std::fmt;

/// Why a file cannot be read as a resolution text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub kind: InputErrorKind,
    /// The 1-based line where the problem is (1 for an empty file).
    pub line: usize,
}

/// The kinds of unreadable input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputErrorKind {
    /// Occurs when the file has no bytes, or only whitespace.
    Empty,
    /// Occurs when the file holds NUL bytes or other control characters
    /// that text never contains: a PDF, an image, a word-processor file.
    Binary { offset: usize },
    /// Occurs when the bytes are not UTF-8 (nor UTF-16 with a byte-order
    /// mark).
    NotUtf8 { offset: usize },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            InputErrorKind::Empty => write!(f, "the file is empty"),
            InputErrorKind::Binary { offset } => write!(
                f,
                "binary data at byte {offset} (line {}): this is not a text file \
                 (convert PDF or Word files to text first)",
                self.line
            ),
            InputErrorKind::NotUtf8 { offset } => write!(
                f,
                "not UTF-8 text (invalid byte at offset {offset}, line {}); \
                 re-save the file as UTF-8",
                self.line
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// Decodes a file's bytes as UTF-8 (a byte-order mark is dropped) or as
/// UTF-16 with a byte-order mark.
///
/// ```
/// use clause_explorer::input::{decode, InputErrorKind};
/// assert_eq!(decode(b"\xEF\xBB\xBFRecalling").unwrap(), "Recalling");
/// assert_eq!(decode(b"  \n").unwrap_err().kind, InputErrorKind::Empty);
/// assert!(matches!(decode(b"%PDF\x00\x01").unwrap_err().kind, InputErrorKind::Binary { .. }));
/// ```
pub fn decode(bytes: &[u8]) -> Result<String, InputError> {
    decode_text(bytes).map_err(|kind| {
        let offset = match kind {
            InputErrorKind::Empty => 0,
            InputErrorKind::Binary { offset } | InputErrorKind::NotUtf8 { offset } => offset,
        };
        let before = &bytes[..offset.min(bytes.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        InputError { kind, line }
    })
}

fn decode_text(bytes: &[u8]) -> Result<String, InputErrorKind> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        utf8(bytes)?
    };
    if let Some(offset) = text
        .char_indices()
        .find_map(|(i, c)| is_binary(c).then_some(i))
    {
        return Err(InputErrorKind::Binary { offset });
    }
    if text.trim().is_empty() {
        return Err(InputErrorKind::Empty);
    }
    Ok(text)
}

/// Control characters that do not occur in text files (tab, newline,
/// carriage return and form feed do).
fn is_binary(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') && (c as u32) < 0x20
}

fn utf8(bytes: &[u8]) -> Result<String, InputErrorKind> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let offset = e.valid_up_to();
            // A NUL-laden file is binary rather than "not UTF-8": say so.
            Err(match bytes.iter().position(|&b| b == 0) {
                Some(nul) => InputErrorKind::Binary { offset: nul },
                None => InputErrorKind::NotUtf8 { offset },
            })
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, InputErrorKind> {
    let units = bytes
        .chunks(2)
        .map(|c| unit([c[0], *c.get(1).unwrap_or(&0)]));
    let mut out = String::with_capacity(bytes.len() / 2);
    for (i, r) in char::decode_utf16(units).enumerate() {
        match r {
            Ok(c) => out.push(c),
            Err(_) => return Err(InputErrorKind::NotUtf8 { offset: 2 + i * 2 }),
        }
    }
    Ok(out)
}
