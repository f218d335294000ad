//! Building the index from a corpus, at build time.
//!
//! Two passes over the corpus: the first folds every word to count
//! document frequencies, so that word ids can be ranked by frequency; the
//! second writes the postings and token streams with those ids. Tokenizing
//! twice costs less memory than keeping every token of a million paragraphs
//! between the passes.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::postings::{Posting, Postings, PostingsBuilder};
use super::tokenize::for_each_word;
use super::tokens::{OwnWord, TokenStreams, TokenStreamsBuilder};
use super::units::{Instruments, UnitInfo, Units};
use super::vocabulary::Vocabulary;
use crate::leads;
use crate::model::{Corpus, Origin, Paragraph, Part, Subparagraph};

/// The search index of a corpus: vocabulary, postings, token streams,
/// units and facet tables. Build it once with [`SearchIndex::build`], ship
/// it serialized with postcard, and query it with [`super::search`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    pub(crate) vocabulary: Vocabulary,
    pub(crate) postings: Postings,
    pub(crate) tokens: TokenStreams,
    pub(crate) units: Units,
    pub(crate) instruments: Instruments,
    /// Mean number of own words per unit, for length normalisation.
    pub(crate) average_length: f32,
    /// What each unit cites.
    pub(crate) cites: super::cites::Cites,
}

/// One unit as the corpus walk yields it.
struct Source<'c> {
    info: UnitInfo<'c>,
    text: &'c str,
    /// Byte length of the lead phrase at the start of `text`; 0 for none.
    lead_len: usize,
    /// The paragraph's lead phrase, inherited by a sub-paragraph.
    inherited: &'c str,
}

impl SearchIndex {
    /// Indexes every paragraph and sub-paragraph of the corpus, with
    /// what each cites.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        SearchIndex::build_with_citations(corpus, &crate::refs::CitationIndex::build(corpus))
    }

    /// [`SearchIndex::build`] with the corpus's citations already found.
    pub fn build_with_citations(
        corpus: &Corpus,
        citations: &crate::refs::CitationIndex,
    ) -> SearchIndex {
        let mut instruments = Instruments::default();
        let mut groups: HashMap<&'static str, u32> = HashMap::new();
        let mut bodies: HashMap<String, u32> = HashMap::new();
        let mut subjects: HashMap<&str, u32> = HashMap::new();
        let mut sessions: HashMap<String, u32> = HashMap::new();
        for (inst, origin) in corpus
            .documents
            .iter()
            .flat_map(|d| d.instruments.iter().map(move |i| (i, d.origin)))
        {
            instruments.added.push(origin == Origin::Added);
            let session = match super::session_name(inst) {
                Some(name) => {
                    let next = sessions.len() as u32 + 1;
                    *sessions.entry(name.clone()).or_insert_with(|| {
                        instruments.sessions.push(name);
                        next
                    })
                }
                None => 0,
            };
            instruments.session.push(session);
            for s in &inst.record.subjects {
                let next = subjects.len() as u32;
                let k = *subjects.entry(s.as_str()).or_insert_with(|| {
                    instruments.subjects.push(s.clone());
                    next
                });
                instruments.subject_ids.push(k);
            }
            instruments
                .subject_ends
                .push(u32::try_from(instruments.subject_ids.len()).unwrap_or(u32::MAX));
            instruments.ids.push(inst.id.clone());
            let body = match &inst.body {
                Some(b) => {
                    let next = bodies.len() as u32 + 1;
                    *bodies.entry(b.clone()).or_insert_with(|| {
                        instruments.bodies.push(b.clone());
                        next
                    })
                }
                None => 0,
            };
            instruments.body.push(body);
            instruments.year.push(inst.year.unwrap_or(0));
        }

        // Pass 1: document frequencies.
        let mut df: HashMap<String, (u32, u32)> = HashMap::new();
        let mut unit = 0u32;
        walk(corpus, &mut groups, &mut instruments.lead_groups, |s| {
            let mut count = |w: &str| match df.get_mut(w) {
                Some((n, last)) => {
                    if *last != unit {
                        *n += 1;
                        *last = unit;
                    }
                }
                None => {
                    df.insert(w.to_owned(), (1, unit));
                }
            };
            for_each_word(s.inherited, |w, _, _| count(w));
            for_each_word(s.text, |w, _, _| count(w));
            unit += 1;
        });
        let words: Vec<(String, u32)> = df.into_iter().map(|(w, (n, _))| (w, n)).collect();
        let (vocabulary, _) = Vocabulary::build(words);

        // Pass 2: postings and token streams.
        let ids: HashMap<&str, u32> = (0..vocabulary.len() as u32)
            .map(|id| (vocabulary.word(id), id))
            .collect();
        let mut postings = PostingsBuilder::new(vocabulary.len());
        let mut tokens = TokenStreamsBuilder::new();
        let mut units = Units::default();
        let mut total_length = 0u64;
        let mut unit = 0u32;
        let mut inherited: Vec<u32> = Vec::new();
        let mut unit_ids: Vec<&str> = Vec::new();
        let mut own: Vec<OwnWord> = Vec::new();
        let mut counts: Vec<Occurrence> = Vec::new();
        walk(
            corpus,
            &mut groups,
            &mut instruments.lead_groups,
            |mut s| {
                inherited.clear();
                own.clear();
                counts.clear();
                let mut lead_words = 0u32;
                for_each_word(s.inherited, |w, _, _| {
                    if let Some(&id) = ids.get(w) {
                        inherited.push(id);
                        counts.push(Occurrence {
                            word: id,
                            own: None,
                            in_lead: true,
                        });
                    }
                });
                for_each_word(s.text, |w, start, end| {
                    if let Some(&id) = ids.get(w) {
                        let in_lead = start < s.lead_len;
                        lead_words += u32::from(in_lead);
                        counts.push(Occurrence {
                            word: id,
                            own: Some(own.len() as u32),
                            in_lead,
                        });
                        own.push(OwnWord {
                            word: id,
                            start,
                            end,
                        });
                    }
                });
                tokens.push(&vocabulary, &inherited, &own, lead_words);
                add_postings(&mut postings, unit, &mut counts);
                s.info.length = own.len() as u32;
                total_length += u64::from(s.info.length);
                units.push(&s.info);
                unit_ids.push(s.info.id);
                unit += 1;
            },
        );
        // The streams' spare capacity goes before the postings are
        // concatenated, which is the build's peak.
        let tokens = tokens.finish();
        units.shrink();
        let average_length = match units.len() {
            0 => 1.0,
            n => (total_length as f64 / n as f64).max(1.0) as f32,
        };
        let cites = super::cites::Cites::build(
            corpus,
            citations,
            (0..units.len() as u32).map(|u| (units.instrument(u), unit_ids[u as usize])),
        );
        SearchIndex {
            vocabulary,
            postings: postings.finish(),
            tokens,
            units,
            instruments,
            average_length,
            cites,
        }
    }

    /// Paragraphs and sub-paragraphs indexed.
    pub fn units(&self) -> usize {
        self.units.len()
    }

    /// Distinct words indexed.
    pub fn words(&self) -> usize {
        self.vocabulary.len()
    }
}

/// One word of a unit as the postings see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Occurrence {
    word: u32,
    /// Position among the unit's own words; `None` for a word of the
    /// inherited lead, which counts as lead but not as an occurrence.
    own: Option<u32>,
    in_lead: bool,
}

/// Adds one unit to the postings of its words.
fn add_postings(postings: &mut PostingsBuilder, unit: u32, counts: &mut Vec<Occurrence>) {
    counts.sort_unstable();
    let mut positions: Vec<u32> = Vec::new();
    let mut k = 0;
    while k < counts.len() {
        let word = counts[k].word;
        let mut in_lead = false;
        positions.clear();
        while k < counts.len() && counts[k].word == word {
            in_lead |= counts[k].in_lead;
            positions.extend(counts[k].own);
            k += 1;
        }
        let tf = positions.len() as u32;
        postings.add(word, Posting { unit, tf, in_lead }, &positions);
    }
    counts.clear();
}

/// Calls `f` for every unit of the corpus in document order: each
/// instrument's preambular then operative paragraphs, each paragraph
/// followed by its sub-paragraphs, depth first.
fn walk<'c>(
    corpus: &'c Corpus,
    groups: &mut HashMap<&'static str, u32>,
    group_names: &mut Vec<String>,
    mut f: impl FnMut(Source<'c>),
) {
    for (i, inst) in corpus.instruments().enumerate() {
        for part in [Part::Preambular, Part::Operative] {
            let paragraphs = match part {
                Part::Preambular => &inst.preambular,
                Part::Operative => &inst.operative,
            };
            for (k, p) in paragraphs.iter().enumerate() {
                let group = match p.lead.as_deref().and_then(|l| leads::group_of(l, part)) {
                    Some(g) => {
                        let next = groups.len() as u32 + 1;
                        *groups.entry(g).or_insert_with(|| {
                            group_names.push(g.to_owned());
                            next
                        })
                    }
                    None => 0,
                };
                let info = UnitInfo {
                    instrument: i as u32,
                    part,
                    paragraph: k as u32,
                    depth: 0,
                    sub_index: 0,
                    lead_group: group,
                    length: 0,
                    id: &p.id,
                    parent_id: &inst.id,
                };
                let lead = p.lead.as_deref().unwrap_or("");
                f(Source {
                    info: info.clone(),
                    text: &p.text.plain,
                    lead_len: lead_len(p),
                    inherited: "",
                });
                walk_subs(&p.subparagraphs, &info, &p.id, lead, &mut f);
            }
        }
    }
}

fn walk_subs<'c>(
    subs: &'c [Subparagraph],
    parent: &UnitInfo<'c>,
    parent_id: &'c str,
    lead: &'c str,
    f: &mut impl FnMut(Source<'c>),
) {
    for (k, s) in subs.iter().enumerate() {
        let info = UnitInfo {
            depth: parent.depth.saturating_add(1),
            sub_index: k as u32,
            id: &s.id,
            parent_id,
            ..parent.clone()
        };
        f(Source {
            info: info.clone(),
            text: &s.text.plain,
            lead_len: 0,
            inherited: lead,
        });
        walk_subs(&s.subparagraphs, &info, &s.id, lead, f);
    }
}

/// The byte length of the lead phrase that opens the paragraph's text.
fn lead_len(p: &Paragraph) -> usize {
    match &p.lead {
        Some(lead) if p.text.plain.starts_with(lead.as_str()) => lead.len(),
        _ => 0,
    }
}
