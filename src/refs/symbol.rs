//! Symbols as the texts write them ("70/1", "2331 (2016)", "217 A (III)",
//! "ES-10/21") and document symbols ("A/RES/70/1", "S/RES/2331(2016)"),
//! read into one normal form.
//!
//! ```
//! use clause_explorer::refs::{document_symbol, Cited};
//! use clause_explorer::model::InstrumentKind;
//! assert_eq!(
//!     document_symbol("A/RES/2625(XXV)"),
//!     Some(Cited::Instrument { body: "GA".into(), kind: InstrumentKind::Resolution, symbol: "2625 (XXV)".into() })
//! );
//! assert_eq!(document_symbol("A/78/535"), Some(Cited::Document("A/78/535".into())));
//! ```

use super::{Cited, Reference};
use crate::model::{InstrumentKind, Span};

/// A symbol read from text: its normal form and where it ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub text: String,
    pub end: usize,
    /// Its shape says whose it is: "2331 (2016)" is the Security
    /// Council's, "2021/25" the Economic and Social Council's (or the old
    /// Commission on Human Rights').
    pub shape: Shape,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// "70/1", "5/2", "48/218 B": session and number.
    Session,
    /// "2021/25": year and number.
    Year,
    /// "2331 (2016)".
    SecurityCouncil,
    /// "217 A (III)", "1514 (XV)": before 1976, session in Roman numerals.
    Roman,
    /// "ES-10/21": an emergency special session.
    Emergency,
}

fn digits(b: &[u8], at: usize, max: usize) -> usize {
    let mut n = 0;
    while at + n < b.len() && b[at + n].is_ascii_digit() && n <= max {
        n += 1;
    }
    if n > max {
        0
    } else {
        n
    }
}

fn boundary(b: &[u8], at: usize) -> bool {
    b.get(at)
        .is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'/')
}

fn roman(b: &[u8], at: usize) -> usize {
    let mut n = 0;
    while at + n < b.len() && b"IVXLC".contains(&b[at + n]) {
        n += 1;
    }
    n
}

/// The symbol that starts at byte `at` of `text`, if one does.
pub fn symbol_at(text: &str, at: usize) -> Option<Symbol> {
    let b = text.as_bytes();
    if at > 0 && b[at - 1].is_ascii_alphanumeric() {
        return None;
    }
    if b[at..].starts_with(b"ES-") {
        let s = digits(b, at + 3, 2);
        if s > 0 && b.get(at + 3 + s) == Some(&b'/') {
            let n = digits(b, at + 4 + s, 4);
            let end = at + 4 + s + n;
            if n > 0 && boundary(b, end) {
                return Some(Symbol {
                    text: text[at..end].to_owned(),
                    end,
                    shape: Shape::Emergency,
                });
            }
        }
        return None;
    }
    let first = digits(b, at, 4);
    if first == 0 {
        return None;
    }
    let mut end = at + first;
    if b.get(end) == Some(&b'/') {
        let n = digits(b, end + 1, 4);
        if n == 0 {
            return None;
        }
        let head = &text[at..end];
        end += 1 + n;
        if !boundary(b, end) {
            return None;
        }
        let mut out = text[at..end].to_owned();
        // A part letter: "48/218 B of 29 July 1994", "53/77 W".
        if b.get(end) == Some(&b' ')
            && b.get(end + 1).is_some_and(|c| c.is_ascii_uppercase())
            && boundary(b, end + 2)
            && b.get(end + 2) != Some(&b'.')
        {
            out.push(' ');
            out.push(b[end + 1] as char);
            end += 2;
        }
        let shape = if head.len() == 4 && head.starts_with(['1', '2']) {
            Shape::Year
        } else {
            Shape::Session
        };
        return Some(Symbol {
            text: out,
            end,
            shape,
        });
    }
    // "2331 (2016)", "217 A (III)", "1514 (XV)"; also without the space,
    // as links write them.
    let number = &text[at..end];
    let mut part = None;
    let mut p = end;
    if b.get(p) == Some(&b' ')
        && b.get(p + 1).is_some_and(|c| (b'A'..=b'H').contains(c))
        && b.get(p + 2) == Some(&b' ')
    {
        part = Some(b[p + 1] as char);
        p += 2;
    }
    if b.get(p) == Some(&b' ') {
        p += 1;
    }
    if b.get(p) != Some(&b'(') {
        return None;
    }
    let years = digits(b, p + 1, 4);
    if years == 4 && part.is_none() && b.get(p + 5) == Some(&b')') {
        return Some(Symbol {
            text: format!("{number} ({})", &text[p + 1..p + 5]),
            end: p + 6,
            shape: Shape::SecurityCouncil,
        });
    }
    // Special and emergency special sessions: "1874 (S-IV)", "(ES-V)".
    let special = if b[p + 1..].starts_with(b"S-") {
        2
    } else if b[p + 1..].starts_with(b"ES-") {
        3
    } else {
        0
    };
    let r = special + roman(b, p + 1 + special);
    if r > special && b.get(p + 1 + r) == Some(&b')') {
        let session = &text[p + 1..p + 1 + r];
        let text = match part {
            Some(c) => format!("{number} {c} ({session})"),
            None => format!("{number} ({session})"),
        };
        return Some(Symbol {
            text,
            end: p + 2 + r,
            shape: Shape::Roman,
        });
    }
    None
}

/// Document-symbol prefixes of resolutions and decisions, longest first,
/// with the body and kind they name.
const PREFIXES: &[(&str, &str, InstrumentKind)] = &[
    ("A/HRC/RES/", "HRC", InstrumentKind::Resolution),
    ("A/HRC/DEC/", "HRC", InstrumentKind::Decision),
    ("A/RES/", "GA", InstrumentKind::Resolution),
    ("A/DEC/", "GA", InstrumentKind::Decision),
    ("S/RES/", "SC", InstrumentKind::Resolution),
    ("E/RES/", "ECOSOC", InstrumentKind::Resolution),
    ("E/DEC/", "ECOSOC", InstrumentKind::Decision),
];

/// What a document symbol names: a resolution or decision ("A/RES/70/1",
/// "A/RES/48/218b", "S/RES/2331(2016)"), or another document.
pub fn document_symbol(symbol: &str) -> Option<Cited> {
    let symbol = symbol.trim();
    if symbol.is_empty() || symbol.len() > 80 || !symbol.contains('/') {
        return None;
    }
    for &(prefix, body, kind) in PREFIXES {
        let Some(rest) = symbol.strip_prefix(prefix) else {
            continue;
        };
        // Links write a part letter in lower case, glued: "48/218b".
        let mut rest = rest.to_owned();
        if let Some(last) = rest.chars().last().filter(|c| c.is_ascii_lowercase()) {
            if rest.len() > 1 && rest.as_bytes()[rest.len() - 2].is_ascii_digit() {
                rest.pop();
                rest.push(' ');
                rest.push(last.to_ascii_uppercase());
            }
        }
        let parsed = symbol_at(&rest, 0).filter(|s| s.end == rest.len());
        return parsed.map(|s| Cited::Instrument {
            body: body.to_owned(),
            kind,
            symbol: s.text,
        });
    }
    let plausible = symbol.split('/').all(|p| {
        !p.is_empty()
            && p.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-')
    });
    plausible.then(|| Cited::Document(symbol.to_owned()))
}

/// What a link of the source points at, when it is a UN document
/// (undocs.org, docs.un.org); other links are no references.
pub fn link_target(href: &str) -> Option<Cited> {
    let rest = href
        .strip_prefix("https://")
        .or_else(|| href.strip_prefix("http://"))?;
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let path = rest
        .strip_prefix("undocs.org/")
        .or_else(|| rest.strip_prefix("docs.un.org/"))?;
    let path = path
        .strip_prefix("en/")
        .or_else(|| path.strip_prefix("EN/"))
        .unwrap_or(path);
    let path = path
        .replace("%2F", "/")
        .replace("%2f", "/")
        .replace("%20", " ");
    document_symbol(path.split(['?', '#']).next().unwrap_or(""))
}

/// Resolution and decision symbols written out in text: "S/RES/2331
/// (2016)", "A/RES/70/1".
pub fn document_symbols(text: &str) -> Vec<Reference> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for &(prefix, body, kind) in PREFIXES {
        for (at, _) in text.match_indices(prefix) {
            if at > 0 && (b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'/') {
                continue;
            }
            let from = at + prefix.len();
            if from >= text.len() {
                continue;
            }
            let Some(s) = symbol_at(text, from) else {
                continue;
            };
            let what = Cited::Instrument {
                body: body.to_owned(),
                kind,
                symbol: s.text,
            };
            out.push(Reference {
                span: Span::new(at, s.end),
                key: what.key(),
                what,
                date: None,
                title: None,
            });
        }
    }
    out
}
