//! A query and its filters as a URL fragment, so that a search can be
//! linked and restored: `q=urges%20ratify&part=op&group=Urges&year=2024`.
//!
//! Keys: `q` (the text), `instrument`, `body`, `part` (`pp` or `op`),
//! `group`, `year`, `session`, `subject`, `cites`, `source` (`shipped` or
//! `added`); filter keys repeat for several values. Values are
//! percent-encoded (everything but ASCII letters, digits and `-._~`).
//! Unknown keys and malformed values are skipped, so any fragment reads as
//! some query.
//!
//! ```
//! use clause_explorer::search::{from_url_hash, to_url_hash, Query};
//! use clause_explorer::model::Part;
//! let mut q = Query::new("\"supply chains\" -smuggling");
//! q.filters.parts.insert(Part::Operative);
//! q.filters.lead_groups.insert("Calls upon".to_owned());
//! let hash = to_url_hash(&q);
//! assert_eq!(hash, "q=%22supply%20chains%22%20-smuggling&part=op&group=Calls%20upon");
//! assert_eq!(from_url_hash(&format!("#{hash}")), q);
//! ```

use super::Query;
use crate::model::{Origin, Part};

/// The query as a URL fragment, without the leading `#`.
pub fn to_url_hash(query: &Query) -> String {
    let f = &query.filters;
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if !query.text.is_empty() {
        pairs.push(("q", query.text.clone()));
    }
    pairs.extend(f.instruments.iter().map(|v| ("instrument", v.clone())));
    pairs.extend(f.bodies.iter().map(|v| ("body", v.clone())));
    pairs.extend(
        f.parts
            .iter()
            .map(|p| ("part", p.abbreviation().to_owned())),
    );
    pairs.extend(f.lead_groups.iter().map(|v| ("group", v.clone())));
    pairs.extend(f.years.iter().map(|y| ("year", y.to_string())));
    pairs.extend(f.sessions.iter().map(|v| ("session", v.clone())));
    pairs.extend(f.subjects.iter().map(|v| ("subject", v.clone())));
    pairs.extend(f.cites.iter().map(|v| ("cites", v.clone())));
    pairs.extend(f.sources.iter().map(|o| ("source", o.as_str().to_owned())));
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Reads a fragment written by [`to_url_hash`] (a leading `#` is allowed).
pub fn from_url_hash(hash: &str) -> Query {
    let mut q = Query::default();
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    for pair in hash.split('&') {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        let value = decode(value);
        let f = &mut q.filters;
        match key {
            "q" => q.text = value,
            "instrument" => {
                f.instruments.insert(value);
            }
            "body" => {
                f.bodies.insert(value);
            }
            "part" => match value.as_str() {
                "pp" => {
                    f.parts.insert(Part::Preambular);
                }
                "op" => {
                    f.parts.insert(Part::Operative);
                }
                _ => {}
            },
            "group" => {
                f.lead_groups.insert(value);
            }
            "session" => {
                f.sessions.insert(value);
            }
            "subject" => {
                f.subjects.insert(value);
            }
            "cites" => {
                f.cites.insert(value);
            }
            "source" => match value.as_str() {
                "shipped" => {
                    f.sources.insert(Origin::Shipped);
                }
                "added" => {
                    f.sources.insert(Origin::Added);
                }
                _ => {}
            },
            "year" => {
                if let Ok(y) = value.parse() {
                    f.years.insert(y);
                }
            }
            _ => {}
        }
    }
    q
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-decodes; a malformed escape is kept as written, and invalid
/// UTF-8 is replaced.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut k = 0;
    while k < bytes.len() {
        let hex = bytes
            .get(k + 1..k + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[k], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                k += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                k += 1;
            }
            (b, _) => {
                out.push(b);
                k += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_filter_survives_the_round_trip() {
        let mut q = Query::new("Côte d’Ivoire & 100%");
        q.filters.instruments.insert("ccpcj-res-33-1".to_owned());
        q.filters.bodies.insert("General Assembly".to_owned());
        q.filters.parts.insert(Part::Preambular);
        q.filters.years.insert(2024);
        q.filters.years.insert(2022);
        assert_eq!(from_url_hash(&to_url_hash(&q)), q);
    }

    #[test]
    fn a_malformed_fragment_still_reads_as_a_query() {
        let got = from_url_hash("#q=50%&year=x&part=zz&&=&nokey");
        assert_eq!(got, Query::new("50%"));
    }
}
