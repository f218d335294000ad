//! What each unit cites, for the facet "Cites" and the query syntax
//! `cites:70/1`: per unit, the targets of the citation index
//! ([`crate::refs::CitationIndex`]) that its own text or one of its
//! footnotes cites.
//!
//! A `cites:` item of the query names a target by key (`cites:ga-res-70-1`,
//! `cites:untoc`), by symbol (`cites:70/1`: any body's 70/1), by document
//! symbol (`cites:A/RES/70/1`) or by a treaty's label written as one word
//! (`cites:trafficking-in-persons-protocol`). Items are taken out of the
//! text before it is searched; several are alternatives (either cited).

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::deltas::AsDeltas;

use crate::cite::slug;
use crate::model::Corpus;
use crate::refs::{document_symbol, CitationIndex, Cited};

/// The prefix of a query item that filters by what units cite.
pub const PREFIX: &str = "cites:";

/// Per unit, the targets it cites (compressed sparse rows).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cites {
    /// Target keys, in the citation index's order.
    pub(crate) keys: Vec<String>,
    /// Per target, the slug a `cites:` item may name it by besides its key:
    /// its symbol ("70-1") or, for a treaty, its label.
    aliases: Vec<String>,
    /// Per unit, the end of its targets in `targets`.
    #[serde(with = "super::deltas")]
    ends: Vec<u32>,
    targets: Vec<u32>,
}

impl Cites {
    /// The postcard bytes of each column, for measuring a split head.
    pub fn column_bytes(&self) -> Result<Vec<(&'static str, Vec<u8>)>, postcard::Error> {
        Ok(vec![
            ("cites keys", postcard::to_allocvec(&self.keys)?),
            ("cites aliases", postcard::to_allocvec(&self.aliases)?),
            ("cites ends", postcard::to_allocvec(&AsDeltas(&self.ends))?),
            ("cites targets", postcard::to_allocvec(&self.targets)?),
        ])
    }

    /// The table for units whose ids are given in index order.
    pub fn build<'c>(
        corpus: &'c Corpus,
        citations: &CitationIndex,
        unit_ids: impl Iterator<Item = (u32, &'c str)>,
    ) -> Cites {
        let instruments: Vec<_> = corpus.instruments().collect();
        // A clause's footnote marks, by clause id: what its footnotes cite,
        // it cites.
        let mut marks: HashMap<String, Vec<&str>> = HashMap::new();
        for inst in &instruments {
            crate::refs::each_text(inst, &mut |at, text| {
                if let (crate::refs::Where::Clause { id, .. }, false) = (at, text.marks.is_empty())
                {
                    marks
                        .entry(id)
                        .or_default()
                        .extend(text.marks.iter().map(|m| m.mark.as_str()));
                }
            });
        }
        let mut out = Cites {
            keys: citations.targets.iter().map(|t| t.key.clone()).collect(),
            aliases: citations
                .targets
                .iter()
                .map(|t| match &t.what {
                    Cited::Instrument { symbol, .. } => slug(symbol),
                    Cited::Named(_) => slug(&t.what.label()),
                    Cited::Document(_) => String::new(),
                })
                .collect(),
            ..Default::default()
        };
        let mut mine: Vec<u32> = Vec::new();
        for (instrument, id) in unit_ids {
            mine.clear();
            mine.extend(citations.in_clause(id).iter().map(|&(_, t)| t));
            if let (Some(list), Some(inst)) = (marks.get(id), instruments.get(instrument as usize))
            {
                for mark in list {
                    mine.extend(
                        citations
                            .in_footnote(&inst.id, mark)
                            .iter()
                            .map(|&(_, t)| t),
                    );
                }
            }
            mine.sort_unstable();
            mine.dedup();
            out.targets.extend_from_slice(&mine);
            out.ends.push(out.targets.len() as u32);
        }
        out
    }

    /// The targets unit `unit` cites.
    pub fn of(&self, unit: u32) -> &[u32] {
        let u = unit as usize;
        let Some(&end) = self.ends.get(u) else {
            return &[];
        };
        let start = if u == 0 { 0 } else { self.ends[u - 1] };
        &self.targets[start as usize..end as usize]
    }

    /// The target keys a `cites:` value names (see the module doc).
    pub fn resolve(&self, wanted: &str) -> Vec<&str> {
        let wanted = wanted
            .trim()
            .trim_matches(|c| c == '"' || c == '“' || c == '”');
        let s = slug(wanted);
        if s.is_empty() {
            return Vec::new();
        }
        let document = document_symbol(wanted).map(|c| c.key());
        self.keys
            .iter()
            .zip(&self.aliases)
            .filter(|(key, alias)| {
                **key == s || **alias == s || document.as_deref() == Some(key.as_str())
            })
            .map(|(key, _)| key.as_str())
            .collect()
    }

    /// Index of a key.
    pub fn position(&self, key: &str) -> Option<u32> {
        self.keys
            .binary_search_by(|k| k.as_str().cmp(key))
            .ok()
            .map(|k| k as u32)
    }
}

/// Takes the `cites:` items out of a query's text: the text left to
/// search, and the values named.
///
/// ```
/// use clause_explorer::search::cites::split;
/// assert_eq!(split("urges cites:70/1 ratify"), ("urges ratify".to_owned(), vec!["70/1".to_owned()]));
/// assert_eq!(split("Cites:untoc"), (String::new(), vec!["untoc".to_owned()]));
/// ```
pub fn split(text: &str) -> (String, Vec<String>) {
    // Per keystroke: most queries have no `cites:`, and cost one scan.
    let has_prefix = text
        .as_bytes()
        .windows(PREFIX.len())
        .any(|w| w.eq_ignore_ascii_case(PREFIX.as_bytes()));
    if !has_prefix {
        return (text.to_owned(), Vec::new());
    }
    let mut rest = Vec::new();
    let mut values = Vec::new();
    for item in text.split_whitespace() {
        match item.get(..PREFIX.len()) {
            Some(p) if p.eq_ignore_ascii_case(PREFIX) => {
                let v = &item[PREFIX.len()..];
                if !v.is_empty() && values.len() < 16 {
                    values.push(v.to_owned());
                }
            }
            _ => rest.push(item),
        }
    }
    (rest.join(" "), values)
}

/// The keys a query's `cites:` values and its Cites filter name together.
pub fn wanted(cites: &Cites, values: &[String], chosen: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = chosen.clone();
    for v in values {
        let keys = cites.resolve(v);
        if keys.is_empty() {
            // Nothing cites it: a key no unit has, so that no unit passes.
            out.insert(format!("{PREFIX}{v}"));
        }
        out.extend(keys.into_iter().map(str::to_owned));
    }
    out
}
