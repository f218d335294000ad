//! The citations of a corpus, found once when it is published: what each
//! clause and footnote cites, and for everything cited, who cites it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{detect_with_links, Cited, Context, Reference};
use crate::bodies;
use crate::model::{Corpus, Instrument, Span, Subparagraph, Text};

/// Every reference of a corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CitationIndex {
    /// Everything cited, sorted by key.
    pub targets: Vec<Target>,
    /// The texts that cite something, sorted by [`Place::unit`].
    pub places: Vec<Place>,
}

/// One thing cited.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub key: String,
    pub what: Cited,
    /// The instrument of the corpus it is (index in corpus order).
    pub instrument: Option<u32>,
    /// The places that cite it ([`CitationIndex::places`]), in corpus
    /// order.
    pub cited_by: Vec<u32>,
}

/// A clause or footnote that cites something.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The clause id, or `{instrument id}#fn-{mark}` for a footnote.
    pub unit: String,
    /// The citing instrument (index in corpus order).
    pub instrument: u32,
    pub at: Where,
    /// Position in corpus reading order.
    pub order: u32,
    /// The references, in text order: bytes of the text and the target
    /// (index in [`CitationIndex::targets`]).
    pub refs: Vec<(Span, u32)>,
}

/// Where in an instrument a place is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Where {
    /// A paragraph or sub-paragraph: its id and citation.
    Clause { id: String, citation: String },
    /// A footnote, by its mark.
    Footnote { mark: String },
}

/// The key a corpus instrument is cited by, when it has a symbol.
pub fn key_of(inst: &Instrument) -> Option<String> {
    let body = bodies::abbreviation(inst.body.as_deref()?);
    Some(super::instrument_key(
        &body,
        inst.kind,
        inst.symbol.as_deref()?,
    ))
}

/// The context in which an instrument's text is read.
pub fn context_of(inst: &Instrument) -> Context {
    Context {
        body: inst.body.as_deref().map(bodies::abbreviation),
    }
}

/// Calls `f` with every text of an instrument that can cite: its clauses
/// and footnotes, in reading order.
pub fn each_text<'i>(inst: &'i Instrument, f: &mut dyn FnMut(Where, &'i Text)) {
    fn clause(id: &str, citation: &str) -> Where {
        Where::Clause {
            id: id.to_owned(),
            citation: citation.to_owned(),
        }
    }
    fn subs<'i>(list: &'i [Subparagraph], f: &mut dyn FnMut(Where, &'i Text)) {
        for s in list {
            f(clause(&s.id, &s.citation), &s.text);
            subs(&s.subparagraphs, f);
        }
    }
    for p in inst.paragraphs() {
        f(clause(&p.id, &p.citation), &p.text);
        subs(&p.subparagraphs, f);
    }
    for n in &inst.footnotes {
        f(
            Where::Footnote {
                mark: n.mark.clone(),
            },
            &n.text,
        );
    }
}

/// Every reference of the corpus with where it is: (instrument index,
/// place, references), in corpus order.
pub fn all_references(corpus: &Corpus) -> Vec<(u32, Where, Vec<Reference>)> {
    let mut out = Vec::new();
    for (i, inst) in corpus.instruments().enumerate() {
        let context = context_of(inst);
        each_text(inst, &mut |at, text| {
            let refs = detect_with_links(&text.plain, &text.links, &context);
            if !refs.is_empty() {
                out.push((i as u32, at, refs));
            }
        });
    }
    out
}

impl CitationIndex {
    pub fn build(corpus: &Corpus) -> CitationIndex {
        let instruments: Vec<&Instrument> = corpus.instruments().collect();
        let by_key: HashMap<String, u32> = instruments
            .iter()
            .enumerate()
            .filter_map(|(i, inst)| Some((key_of(inst)?, i as u32)))
            .collect();
        let found = all_references(corpus);
        let mut keys: Vec<(String, Cited)> = found
            .iter()
            .flat_map(|(_, _, refs)| refs.iter().map(|r| (r.key.clone(), r.what.clone())))
            .collect();
        keys.sort_by(|a, b| a.0.cmp(&b.0));
        keys.dedup_by(|a, b| a.0 == b.0);
        let slot: HashMap<&str, u32> = keys
            .iter()
            .enumerate()
            .map(|(k, (key, _))| (key.as_str(), k as u32))
            .collect();
        let mut places: Vec<Place> = found
            .iter()
            .enumerate()
            .map(|(order, (inst, at, refs))| Place {
                unit: match at {
                    Where::Clause { id, .. } => id.clone(),
                    Where::Footnote { mark } => {
                        format!("{}#fn-{mark}", instruments[*inst as usize].id)
                    }
                },
                instrument: *inst,
                at: at.clone(),
                order: order as u32,
                refs: refs
                    .iter()
                    .map(|r| (r.span, slot[r.key.as_str()]))
                    .collect(),
            })
            .collect();
        places.sort_by(|a, b| a.unit.cmp(&b.unit));
        let mut targets: Vec<Target> = keys
            .into_iter()
            .map(|(key, what)| Target {
                instrument: by_key.get(&key).copied(),
                key,
                what,
                cited_by: Vec::new(),
            })
            .collect();
        for (p, place) in places.iter().enumerate() {
            for &(_, t) in &place.refs {
                let list = &mut targets[t as usize].cited_by;
                if list.last() != Some(&(p as u32)) {
                    list.push(p as u32);
                }
            }
        }
        for t in &mut targets {
            t.cited_by.sort_by_key(|&p| places[p as usize].order);
            t.cited_by.dedup();
        }
        CitationIndex { targets, places }
    }

    /// The place of a clause id or footnote unit.
    pub fn place(&self, unit: &str) -> Option<&Place> {
        self.places
            .binary_search_by(|p| p.unit.as_str().cmp(unit))
            .ok()
            .map(|k| &self.places[k])
    }

    /// The references in a clause's own text.
    pub fn in_clause(&self, id: &str) -> &[(Span, u32)] {
        self.place(id).map(|p| p.refs.as_slice()).unwrap_or(&[])
    }

    /// The references in a footnote of an instrument.
    pub fn in_footnote(&self, instrument_id: &str, mark: &str) -> &[(Span, u32)] {
        self.place(&format!("{instrument_id}#fn-{mark}"))
            .map(|p| p.refs.as_slice())
            .unwrap_or(&[])
    }

    pub fn target(&self, key: &str) -> Option<&Target> {
        self.targets
            .binary_search_by(|t| t.key.as_str().cmp(key))
            .ok()
            .map(|k| &self.targets[k])
    }

    /// The target that is this corpus instrument, if anything cites it.
    pub fn target_of_instrument(&self, instrument: u32) -> Option<&Target> {
        self.targets
            .iter()
            .find(|t| t.instrument == Some(instrument))
    }

    /// What an instrument cites: each target once, with the places of the
    /// instrument that cite it, in reading order.
    pub fn cites(&self, instrument: u32) -> Vec<(u32, Vec<&Place>)> {
        let mut mine: Vec<&Place> = self
            .places
            .iter()
            .filter(|p| p.instrument == instrument)
            .collect();
        mine.sort_by_key(|p| p.order);
        let mut out: Vec<(u32, Vec<&Place>)> = Vec::new();
        for p in mine {
            for &(_, t) in &p.refs {
                match out.iter_mut().find(|(k, _)| *k == t) {
                    Some((_, list)) => {
                        if !list.iter().any(|q| std::ptr::eq(*q, p)) {
                            list.push(p);
                        }
                    }
                    None => out.push((t, vec![p])),
                }
            }
        }
        out
    }
}
