//! Cross-references: the resolutions, decisions, treaties and plans that a
//! text cites, each normalised to one key, so that "its resolution 27/2" in
//! a Commission text, "Commission on Crime Prevention and Criminal Justice
//! resolution 27/2 of 18 May 2018" in an Assembly text and a link to the
//! same resolution all meet at `ccpcj-res-27-2`.
//!
//! Keys of resolutions and decisions are the ids the corpus would give the
//! instrument ([`crate::cite`]): body abbreviation, kind, symbol, as a slug
//! (`ga-res-70-1`, `sc-res-2331-2016`, `ga-res-217-a-iii`), so a reference
//! to an instrument of the corpus is found by its id or its symbol. Named
//! treaties and plans have the keys of [`named::TABLE`] (`untoc`,
//! `trafficking-protocol`). Links to other UN documents (reports) are keyed
//! by their symbol (`doc-a-78-535`).
//!
//! Detection runs when a corpus is published or imported, never per
//! keystroke: [`CitationIndex`] holds what it found.
//!
//! ```
//! use clause_explorer::refs::{detect, Context};
//! let found = detect(
//!     "Recalling its resolution 27/2 of 18 May 2018 and General Assembly resolutions 64/293, 72/1 and 76/7",
//!     &Context::body("CCPCJ"),
//! );
//! let keys: Vec<&str> = found.iter().map(|r| r.key.as_str()).collect();
//! assert_eq!(keys, ["ccpcj-res-27-2", "ga-res-64-293", "ga-res-72-1", "ga-res-76-7"]);
//! assert_eq!(found[0].date.as_deref(), Some("2018-05-18"));
//! ```

mod index;
pub mod named;
mod recover;
mod scan;
mod symbol;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::model::{InstrumentKind, Link, Span};

pub use index::{
    all_references, context_of, each_text, key_of, CitationIndex, Place, Target, Where,
};
pub use recover::{recover, Recovered};
pub use symbol::{document_symbol, link_target, Symbol};

/// One reference found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The bytes of the text that name it: "resolution 70/1", or just
    /// "72/1" in a list, or a treaty's name.
    pub span: Span,
    /// Its normalised key.
    pub key: String,
    /// What it is.
    pub what: Cited,
    /// The adoption date the text gives ("of 25 September 2015"), ISO.
    pub date: Option<String>,
    /// The title the text gives (", entitled “…”"), without quotes.
    pub title: Option<String>,
}

/// What a reference names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cited {
    /// A resolution or decision of a body.
    Instrument {
        /// The body's abbreviation: "GA", "HRC", "CCPCJ", "UNTOC COP".
        body: String,
        kind: InstrumentKind,
        /// As the UN writes it: "70/1", "2331 (2016)", "217 A (III)".
        symbol: String,
    },
    /// A treaty or plan of [`named::TABLE`]: its key.
    Named(String),
    /// Another UN document, by its symbol ("A/78/535").
    Document(String),
}

impl Cited {
    /// The normalised key.
    pub fn key(&self) -> String {
        match self {
            Cited::Instrument { body, kind, symbol } => instrument_key(body, *kind, symbol),
            Cited::Named(key) => key.clone(),
            Cited::Document(symbol) => format!("doc-{}", crate::cite::slug(symbol)),
        }
    }

    /// How a reader names it: "GA res. 70/1", "Organized Crime Convention",
    /// "A/78/535".
    pub fn label(&self) -> String {
        match self {
            Cited::Instrument { body, kind, symbol } => {
                format!("{body} {} {symbol}", kind.abbreviation())
            }
            Cited::Named(key) => named::label(key).unwrap_or(key).to_owned(),
            Cited::Document(symbol) => symbol.clone(),
        }
    }
}

/// The key of a body's resolution or decision: `ga-res-70-1`.
pub fn instrument_key(body: &str, kind: InstrumentKind, symbol: &str) -> String {
    crate::cite::slug(&format!("{body} {} {symbol}", kind.abbreviation()))
}

/// A key without part letters: "ga-res-217-a-iii" and "ga-res-217-iii"
/// name one resolution, as the text and the UN's link write it.
pub fn loose(key: &str) -> String {
    key.split('-')
        .filter(|s| !(s.len() == 1 && s.as_bytes()[0].is_ascii_lowercase()))
        .collect::<Vec<_>>()
        .join("-")
}

/// What detection needs to know of the citing text.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// The abbreviation of the body that adopted the citing text: what
    /// "its resolution" and a bare "resolution 5/2" refer to. `None` when
    /// the text does not say; such references are then left out rather
    /// than guessed.
    pub body: Option<String>,
}

impl Context {
    pub fn body(abbreviation: &str) -> Context {
        Context {
            body: Some(abbreviation.to_owned()),
        }
    }
}

/// Every reference in `text`, in text order, none overlapping.
pub fn detect(text: &str, context: &Context) -> Vec<Reference> {
    let mut found = scan::instruments(text, context);
    found.extend(symbol::document_symbols(text));
    named::find(text, &mut found);
    found.sort_by_key(|r| (r.span.start, r.span.end));
    // Earlier (and, at one place, longer) references win an overlap.
    let mut out: Vec<Reference> = Vec::with_capacity(found.len());
    for r in found {
        if out.last().is_some_and(|l| l.span.end > r.span.start) {
            continue;
        }
        out.push(r);
    }
    out
}

/// [`detect`], then the links the source carries (the UN's XML links
/// "70/1" to undocs.org/en/A/RES/70/1): a link names its target exactly, so
/// where it covers a detected reference its key replaces the detected one,
/// and a link nothing detected is a reference of its own.
pub fn detect_with_links(text: &str, links: &[Link], context: &Context) -> Vec<Reference> {
    let mut found = detect(text, context);
    for link in links {
        let Some(what) = symbol::link_target(&link.href) else {
            continue;
        };
        let key = what.key();
        match found
            .iter_mut()
            .find(|r| r.span.start < link.span.end && link.span.start < r.span.end)
        {
            // The text's reading is kept where it only says more: "217 A
            // (III)" where the link says A/RES/217(III).
            Some(r) => {
                if !matches!(r.what, Cited::Named(_)) && loose(&r.key) != loose(&key) {
                    r.key = key;
                    r.what = what;
                }
            }
            None => found.push(Reference {
                span: link.span,
                key,
                what,
                date: None,
                title: None,
            }),
        }
    }
    found.sort_by_key(|r| (r.span.start, r.span.end));
    found
}
