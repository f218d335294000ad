//! Ids and citations: how instruments and paragraphs are named.
//!
//! Ids are URL-safe and readable, derived from the adopting body, the kind
//! and the symbol (or, without a symbol, the title), then the part and
//! number: `ccpcj-res-33-1-op-7-b`. They depend only on the corpus content
//! and manifest, so they are the same from build to build. Citations are
//! what a drafter writes: "CCPCJ res. 33/1, op. 7 (b)".
//!
//! ```
//! assert_eq!(clause_explorer::cite::slug("Resolution 2331 (2016)"), "resolution-2331-2016");
//! ```

use std::collections::HashSet;

use crate::bodies;
use crate::model::{Document, Instrument, Paragraph, Subparagraph};

/// Words left out of ids made from titles.
const ID_STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "the",
    "of",
    "in",
    "to",
    "by",
    "on",
    "for",
    "against",
    "including",
    "its",
    "at",
    "with",
];
/// How many title words an id made from a title keeps.
const ID_TITLE_WORDS: usize = 5;
/// How many title words a citation made from a title keeps.
const CITATION_TITLE_WORDS: usize = 6;

/// Lower-case ASCII letters and digits joined by single hyphens.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Gives every instrument, paragraph and sub-paragraph of the documents
/// its id and citation. Instrument ids are made unique across all the
/// documents given, in order, by a numeric suffix.
pub fn assign(documents: &mut [Document]) {
    let mut taken = HashSet::new();
    for doc in documents {
        for inst in &mut doc.instruments {
            inst.id = unique(&mut taken, instrument_id(inst));
            inst.citation = instrument_citation(inst);
            name_paragraphs(inst);
        }
    }
}

/// `base`, or `base-2`, `base-3`… if taken; the result is taken.
fn unique(taken: &mut HashSet<String>, base: String) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn instrument_id(inst: &Instrument) -> String {
    let body = inst.body.as_deref().map(bodies::abbreviation);
    let kind = match inst.kind {
        crate::model::InstrumentKind::Resolution => "res",
        crate::model::InstrumentKind::Decision => "dec",
    };
    // A symbol recovered from another text's citation names the instrument
    // in citations but not in its id: ids must not change when a text that
    // cites it joins or leaves the corpus.
    let symbol = inst
        .symbol
        .as_ref()
        .filter(|_| inst.symbol_from != Some(crate::model::Provenance::Citation));
    let what = match symbol {
        Some(symbol) => slug(symbol),
        None => {
            let words: Vec<String> = inst
                .title
                .split_whitespace()
                .map(slug)
                .filter(|w| !w.is_empty() && !ID_STOP_WORDS.contains(&w.as_str()))
                .take(ID_TITLE_WORDS)
                .collect();
            if words.is_empty() {
                "untitled".to_owned()
            } else {
                words.join("-")
            }
        }
    };
    match body {
        Some(b) => format!("{}-{kind}-{what}", slug(&b)),
        None => format!("{kind}-{what}"),
    }
}

fn instrument_citation(inst: &Instrument) -> String {
    let known = inst.body.as_deref().and_then(bodies::known);
    if let (Some(symbol), Some(b)) = (&inst.symbol, known) {
        let prefix = match inst.kind {
            crate::model::InstrumentKind::Resolution => b.resolution_prefix,
            crate::model::InstrumentKind::Decision => b.decision_prefix,
        };
        if let Some(prefix) = prefix {
            return format!("{prefix}{symbol}");
        }
    }
    let who = match &inst.body {
        Some(b) => format!("{} {}", bodies::abbreviation(b), inst.kind.abbreviation()),
        None => inst.kind.abbreviation().to_owned(),
    };
    match &inst.symbol {
        Some(symbol) => format!("{who} {symbol}"),
        None => {
            let words: Vec<&str> = inst.title.split_whitespace().collect();
            let short = words[..words.len().min(CITATION_TITLE_WORDS)].join(" ");
            let ellipsis = if words.len() > CITATION_TITLE_WORDS {
                "\u{2026}"
            } else {
                ""
            };
            if short.is_empty() {
                who
            } else {
                format!("{who} \u{201c}{short}{ellipsis}\u{201d}")
            }
        }
    }
}

fn name_paragraphs(inst: &mut Instrument) {
    let mut taken = HashSet::new();
    let inst_id = inst.id.clone();
    let inst_citation = inst.citation.clone();
    for p in inst.preambular.iter_mut().chain(inst.operative.iter_mut()) {
        let number = p.number.unwrap_or(p.ordinal);
        p.id = unique(
            &mut taken,
            format!("{inst_id}-{}-{number}", p.part.abbreviation()),
        );
        p.citation = format!("{inst_citation}, {}. {number}", p.part.abbreviation());
        name_subparagraphs(p);
    }
}

/// Names an instrument and its clauses again after its symbol changed
/// (recovered from a citation, [`crate::refs::recover`]), keeping every id.
pub fn recite(inst: &mut Instrument) {
    fn walk(subs: &mut [Subparagraph], citation: &str) {
        for (k, s) in subs.iter_mut().enumerate() {
            s.citation = sub_citation(citation, &s.label, k);
            let citation = s.citation.clone();
            walk(&mut s.subparagraphs, &citation);
        }
    }
    inst.citation = instrument_citation(inst);
    let inst_citation = inst.citation.clone();
    for p in inst.preambular.iter_mut().chain(inst.operative.iter_mut()) {
        let number = p.number.unwrap_or(p.ordinal);
        p.citation = format!("{inst_citation}, {}. {number}", p.part.abbreviation());
        walk(&mut p.subparagraphs, &p.citation);
    }
}

/// A sub-paragraph's part of an id: its label ("b", "ii"), or for a
/// bullet ("•", "–"), which has no name, "bullet-" and its position
/// among its siblings, from 1.
fn label_slug(label: &str, k: usize) -> String {
    match slug(label) {
        s if s.is_empty() => format!("bullet-{}", k + 1),
        s => s,
    }
}

/// "A/RES/1/1, op. 7 (b)"; for a bullet, "S/RES/2520 (2020), op. 1, bullet 2".
fn sub_citation(parent: &str, label: &str, k: usize) -> String {
    if slug(label).is_empty() {
        format!("{parent}, bullet {}", k + 1)
    } else {
        format!("{parent} ({label})")
    }
}

fn name_subparagraphs(p: &mut Paragraph) {
    fn walk(subs: &mut [Subparagraph], id: &str, citation: &str, taken: &mut HashSet<String>) {
        for (k, s) in subs.iter_mut().enumerate() {
            s.id = unique(taken, format!("{id}-{}", label_slug(&s.label, k)));
            s.citation = sub_citation(citation, &s.label, k);
            let (id, citation) = (s.id.clone(), s.citation.clone());
            walk(&mut s.subparagraphs, &id, &citation, taken);
        }
    }
    let mut taken = HashSet::new();
    walk(&mut p.subparagraphs, &p.id, &p.citation, &mut taken);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::InstrumentKind;

    fn instrument(body: Option<&str>, symbol: Option<&str>, title: &str) -> Instrument {
        Instrument {
            id: String::new(),
            kind: InstrumentKind::Resolution,
            designation: None,
            symbol: symbol.map(str::to_owned),
            symbol_from: None,
            title: title.to_owned(),
            body: body.map(str::to_owned),
            body_from: None,
            year: None,
            year_from: None,
            adopted: None,
            citation: String::new(),
            preambular: vec![],
            operative: vec![],
            ..Default::default()
        }
    }

    #[test]
    fn an_instrument_with_a_symbol_is_named_by_body_kind_and_symbol() {
        let inst = instrument(
            Some("Commission on Crime Prevention and Criminal Justice"),
            Some("33/1"),
            "Countering trafficking",
        );
        assert_eq!(instrument_id(&inst), "ccpcj-res-33-1");
        assert_eq!(instrument_citation(&inst), "CCPCJ res. 33/1");
    }

    #[test]
    fn general_assembly_resolutions_are_cited_by_document_symbol() {
        let inst = instrument(Some("General Assembly"), Some("78/228"), "Improving");
        assert_eq!(instrument_citation(&inst), "A/RES/78/228");
        assert_eq!(instrument_id(&inst), "ga-res-78-228");
    }

    #[test]
    fn security_council_resolutions_are_cited_with_their_year() {
        let inst = instrument(Some("The Security Council"), Some("2504 (2020)"), "");
        assert_eq!(instrument_citation(&inst), "SC res. 2504 (2020)");
        assert_eq!(instrument_id(&inst), "sc-res-2504-2020");
    }

    #[test]
    fn human_rights_council_and_ecosoc_resolutions_are_cited_by_body_and_number() {
        let hrc = instrument(Some("The Human Rights Council"), Some("54/10"), "");
        assert_eq!(instrument_citation(&hrc), "HRC res. 54/10");
        let ecosoc = instrument(Some("The Economic and Social Council"), Some("2021/25"), "");
        assert_eq!(instrument_citation(&ecosoc), "ECOSOC res. 2021/25");
    }

    #[test]
    fn without_a_symbol_the_title_names_the_instrument() {
        let inst = instrument(
            Some("Commission on Crime Prevention and Criminal Justice"),
            None,
            "Strengthening measures against trafficking in persons",
        );
        assert_eq!(
            instrument_id(&inst),
            "ccpcj-res-strengthening-measures-trafficking-persons"
        );
        assert_eq!(
            instrument_citation(&inst),
            "CCPCJ res. \u{201c}Strengthening measures against trafficking in persons\u{201d}"
        );
    }
}
