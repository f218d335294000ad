//! What an Akoma Ntoso `meta` block says of its instrument: the adopting
//! body and date (FRBR identification), subjects (classification), draft
//! and meeting (workflow) and the vote (analysis).
//!
//! None of this is text of the resolution; it becomes the instrument's
//! [`Record`] and, where the text is silent, its body and year (marked as
//! [`Provenance::Metadata`](crate::model::Provenance::Metadata)).

use roxmltree::Node;

use crate::model::{Record, Vote};

/// The metadata of one `meta` element.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    /// The adopting body named by the work's FRBR identifier
    /// ("/akn/un/statement/deliberation/unga-hrc/…" is the Human Rights
    /// Council; the FRBR author says "ga" for it too, so the path decides).
    pub body: Option<&'static str>,
    /// "78/228", from the FRBR identifier ("…/78-228/").
    pub number: Option<String>,
    pub record: Record,
}

/// The bodies of the UN's FRBR identifiers.
const FRBR_BODIES: &[(&str, &str)] = &[
    ("unga-hrc", "Human Rights Council"),
    ("unga", "General Assembly"),
    ("unecosoc", "Economic and Social Council"),
    ("unsc", "Security Council"),
];

/// Reads a `meta` element.
pub fn read(meta: Node<'_, '_>) -> Meta {
    let mut out = Meta::default();
    for el in meta.descendants().filter(Node::is_element) {
        match el.tag_name().name() {
            "FRBRthis" if in_work(el) && out.body.is_none() => {
                if let Some(value) = el.attribute("value") {
                    read_frbr_this(value, &mut out);
                }
            }
            "FRBRdate" if in_work(el) && el.attribute("name") == Some("adoption") => {
                out.record.date = el
                    .attribute("date")
                    .filter(|d| is_date(d))
                    .map(str::to_owned);
            }
            "keyword" => {
                if let Some(term) = subject(el) {
                    if !out
                        .record
                        .subjects
                        .iter()
                        .any(|s| s.eq_ignore_ascii_case(&term))
                    {
                        out.record.subjects.push(term);
                    }
                }
            }
            "step" => {
                let symbol = el.attribute("as").map(str::trim).filter(|s| !s.is_empty());
                match el.attribute("outcome") {
                    Some("draftResolution" | "draftDecision") if out.record.draft.is_none() => {
                        out.record.draft = symbol.map(str::to_owned);
                    }
                    // The GA's meeting records are documents ("A/78/PV.50");
                    // the HRC's step says "Adopted 20-10-17, 47th meeting",
                    // which the adoption line already reads.
                    Some("adopted") => {
                        out.record.meeting = symbol.filter(|s| s.contains('/')).map(str::to_owned)
                    }
                    _ => {}
                }
            }
            "voting" => out.record.vote = vote(el),
            "FRBRlanguage" => {
                out.record.language = el.attribute("language").map(str::to_owned);
            }
            _ => {}
        }
    }
    out
}

fn in_work(el: Node<'_, '_>) -> bool {
    el.parent_element()
        .is_some_and(|p| p.tag_name().name() == "FRBRWork")
}

/// `/akn/un/statement/deliberation/unga/2023-12-19/78-228/!main/`: the
/// body, and the number "78/228".
fn read_frbr_this(value: &str, out: &mut Meta) {
    let parts: Vec<&str> = value.split('/').filter(|p| !p.is_empty()).collect();
    let Some(date_at) = parts.iter().position(|p| is_date(p)) else {
        return;
    };
    if date_at > 0 {
        let body = parts[date_at - 1];
        out.body = FRBR_BODIES
            .iter()
            .find(|(code, _)| *code == body)
            .map(|(_, name)| *name);
    }
    if let Some(number) = parts.get(date_at + 1) {
        if number.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            out.number = Some(number.replacen('-', "/", 1));
        }
    }
}

/// "2023-12-19".
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// A subject term as a reader writes it, from the UNBIS Thesaurus and the
/// SDGs (EuroVoc repeats the thesaurus in other words; DHLAUTH names
/// bodies and events, not subjects).
fn subject(el: Node<'_, '_>) -> Option<String> {
    let value = el.attribute("value")?.trim();
    if value.is_empty() {
        return None;
    }
    match el.attribute("dictionary")? {
        "SDGO" => Some(format!("SDG {value}")),
        "UNBIS" | "UNBIS Thesaurus" => Some(sentence_case(&value.replace('_', " "))),
        _ => None,
    }
}

/// Words kept in capitals when a thesaurus term in capitals is lowered.
const ACRONYMS: &[&str] = &[
    "UN", "UNDP", "UNICEF", "UNHCR", "UNESCO", "HIV", "AIDS", "COVID-19", "ICT", "ICTS", "LDCS",
    "NGOS", "SDG", "SDGS", "WHO", "ILO", "WTO", "IMF", "OECD", "EU", "AU", "ASEAN",
];

/// "TRAFFICKING IN PERSONS" and "trafficking in persons" both read
/// "Trafficking in persons"; acronyms stay in capitals.
fn sentence_case(term: &str) -> String {
    let mut out = String::with_capacity(term.len());
    for (i, word) in term.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let upper = word.to_uppercase();
        if ACRONYMS.contains(&upper.as_str()) {
            out.push_str(&upper);
        } else if i == 0 {
            let lower = word.to_lowercase();
            let mut chars = lower.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(&word.to_lowercase());
        }
    }
    out
}

fn vote(el: Node<'_, '_>) -> Option<Vote> {
    match el.attribute("outcome")? {
        "adoptedWithoutVote" => Some(Vote::WithoutVote),
        "adoptedRecordedVote" => {
            let count = |what: &str| -> u32 {
                el.children()
                    .filter(|c| {
                        c.tag_name().name() == "count" && c.attribute("refersTo") == Some(what)
                    })
                    .find_map(|c| c.attribute("value")?.trim().parse().ok())
                    .unwrap_or(0)
            };
            Some(Vote::Recorded {
                in_favour: count("inFavour"),
                against: count("against"),
                abstaining: count("abstaining"),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thesaurus_terms_read_as_a_reader_writes_them() {
        assert_eq!(
            sentence_case("TRAFFICKING IN PERSONS"),
            "Trafficking in persons"
        );
        assert_eq!(sentence_case("women's rights"), "Women's rights");
        assert_eq!(
            sentence_case("COORDINATION WITHIN UN SYSTEM"),
            "Coordination within UN system"
        );
    }

    #[test]
    fn the_frbr_identifier_names_the_body_and_the_number() {
        let mut m = Meta::default();
        read_frbr_this(
            "/akn/un/statement/deliberation/unga-hrc/2023-10-11/54-10/!main/",
            &mut m,
        );
        assert_eq!(m.body, Some("Human Rights Council"));
        assert_eq!(m.number.as_deref(), Some("54/10"));
        let mut m = Meta::default();
        read_frbr_this(
            "/akn/un/statement/deliberation/unecosoc/2021-07-22/2021-25/!main/",
            &mut m,
        );
        assert_eq!(m.body, Some("Economic and Social Council"));
        assert_eq!(m.number.as_deref(), Some("2021/25"));
    }
}
