//! Where else is this language: for any paragraph, the most similar
//! paragraphs in the rest of the corpus, best first (the agreed-language
//! trail).
//!
//! ```
//! use clause_explorer::{cite, model::Corpus, parse::parse_document};
//! use clause_explorer::trail::{SimilarityIndex, UnitRef};
//!
//! let header = "A title\n\nThe Commission on Crime Prevention and Criminal Justice,\n\n";
//! let mut documents = vec![
//!     parse_document("a.txt", &format!("Resolution 1/1\n\n{header}\
//!         1. *Urges* Member States that have not yet done so to consider ratifying or acceding to the Convention;\n\n\
//!         2. *Decides* to remain seized of the matter.\n")),
//!     parse_document("b.txt", &format!("Resolution 2/1\n\n{header}\
//!         1. *Welcomes* the report of the Secretary-General;\n\n\
//!         2. *Urges* Member States that have not yet done so to consider ratifying or acceding to the Convention and the Protocol.\n")),
//! ];
//! cite::assign(&mut documents);
//! let corpus = Corpus { documents };
//!
//! let index = SimilarityIndex::build(&corpus);
//! let urges = UnitRef::of_id(&corpus, "ccpcj-res-1-1-op-1").unwrap();
//! let trail = index.similar_to(&corpus, urges, 5);
//! assert_eq!(trail.len(), 1);
//! assert_eq!(trail[0].0.id(&corpus), Some("ccpcj-res-2-1-op-2"));
//! assert!(trail[0].1 > 0.7);
//!
//! // Built once, shipped as bytes.
//! let bytes = index.to_bytes();
//! assert_eq!(SimilarityIndex::from_bytes(&bytes).unwrap(), index);
//! ```
//!
//! # Method
//!
//! Recall comes first: a paragraph whose language is elsewhere must not
//! be shown alone. So candidates are found exactly, from the shingles
//! themselves, then verified exactly:
//!
//! - each paragraph, and each of its top-level sub-paragraphs (texts are
//!   often restructured, so a paragraph's language may live on as another
//!   paragraph's sub-paragraph), is reduced to its set of
//!   [`Settings::shingle_words`]-word shingles ([`Shingled`]);
//! - the index holds the postings of every shingle shared by two
//!   paragraphs or more (a paragraph's sub-paragraphs are filed under it),
//!   and the size of each paragraph's shingle set;
//! - a query reads the postings of the queried paragraph's shingles,
//!   rarest first, leaving out the commonest ones that no paragraph at the
//!   threshold can need (prefix filtering), and bounds each candidate's
//!   similarity from the shingles it was counted for;
//! - candidates are verified best bound first, and verification stops
//!   when no bound left can reach the results. Every paragraph at
//!   [`Query::min_similarity`] or above is found (unless
//!   [`Query::max_verified`] is reached first), and the results are ranked
//!   by the exact similarity.
//!
//! The **similarity** reported is the exact Jaccard similarity of the
//! shingle sets (shared shingles over all distinct shingles), taking for
//! two paragraphs the best of their wholes and top-level sub-paragraphs
//! ([`Shingled::similarity`]).
//!
//! The queried paragraph's shingles are recomputed from its text, and the
//! candidates' texts are read from the corpus, which the app holds anyway.
//! The index is built ahead of time (when the web app is built), and
//! serialized with postcard in a packed form (bucket and paragraph numbers
//! as gaps, in variable-length integers).

mod candidates;
mod packed;
mod pieces;
mod postings;

#[cfg(test)]
mod tests;

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use serde::{Deserialize, Serialize};

use crate::model::{Corpus, Instrument, Paragraph, Part};

use candidates::Unit;
use postings::Postings;

pub use packed::IndexError;
pub use pieces::Shingled;

/// How many similar paragraphs the interface lists under "Similar". Here
/// so that the benchmarks ask what the interface asks.
pub const LISTED: usize = 8;

/// A paragraph of a corpus: the instrument's index in
/// [`Corpus::instruments`] order, its part, and its index in that part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UnitRef {
    pub instrument: u32,
    pub part: Part,
    pub paragraph: u32,
}

impl UnitRef {
    /// The instrument the paragraph belongs to.
    pub fn instrument<'c>(&self, corpus: &'c Corpus) -> Option<&'c Instrument> {
        corpus.instruments().nth(self.instrument as usize)
    }

    /// The paragraph, if the corpus has it.
    pub fn paragraph<'c>(&self, corpus: &'c Corpus) -> Option<&'c Paragraph> {
        self.in_instrument(self.instrument(corpus)?)
    }

    /// The paragraph's id ("ccpcj-res-33-1-op-7").
    pub fn id<'c>(&self, corpus: &'c Corpus) -> Option<&'c str> {
        self.paragraph(corpus).map(|p| p.id.as_str())
    }

    /// Every paragraph of the corpus, in reading order.
    pub fn all(corpus: &Corpus) -> Vec<UnitRef> {
        let mut out = Vec::new();
        for (i, inst) in corpus.instruments().enumerate() {
            for (part, len) in [
                (Part::Preambular, inst.preambular.len()),
                (Part::Operative, inst.operative.len()),
            ] {
                out.extend((0..len).map(|k| UnitRef {
                    instrument: i as u32,
                    part,
                    paragraph: k as u32,
                }));
            }
        }
        out
    }

    /// The paragraph with the given id.
    pub fn of_id(corpus: &Corpus, id: &str) -> Option<UnitRef> {
        corpus.instruments().enumerate().find_map(|(i, inst)| {
            [Part::Preambular, Part::Operative]
                .into_iter()
                .find_map(|part| {
                    let k = part_of(inst, part).iter().position(|p| p.id == id)?;
                    Some(UnitRef {
                        instrument: i as u32,
                        part,
                        paragraph: k as u32,
                    })
                })
        })
    }

    /// Reading order: instrument, then preambular before operative, then
    /// paragraph.
    fn reading_order(&self) -> (u32, bool, u32) {
        (
            self.instrument,
            self.part == Part::Operative,
            self.paragraph,
        )
    }

    fn in_instrument<'c>(&self, inst: &'c Instrument) -> Option<&'c Paragraph> {
        part_of(inst, self.part).get(self.paragraph as usize)
    }
}

fn part_of(inst: &Instrument, part: Part) -> &[Paragraph] {
    match part {
        Part::Preambular => &inst.preambular,
        Part::Operative => &inst.operative,
    }
}

/// How the index is built; stored in it, since queries must shingle the
/// same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Words per shingle. Valid: 1 to 8. 3 makes a shared shingle a shared
    /// phrase ("to prevent and", "that have not"), rare by chance between
    /// unrelated paragraphs.
    pub shingle_words: u8,
}

impl Settings {
    pub const DEFAULT: Settings = Settings { shingle_words: 3 };

    fn is_valid(&self) -> bool {
        (1..=8).contains(&self.shingle_words)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings::DEFAULT
    }
}

/// Whether paragraphs of the queried paragraph's own instrument are
/// results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SameInstrument {
    /// Only other instruments: where the language came from or went.
    Exclude,
    /// Every other paragraph, the queried one's instrument included.
    Include,
}

/// What a query returns.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Query {
    /// The most results returned. Valid: any.
    pub limit: usize,
    pub same_instrument: SameInstrument,
    /// The most candidates verified with the exact similarity, best bound
    /// first. Valid: 1 and above; it bounds the cost of a query (each
    /// verification reads and shingles one paragraph), whatever the
    /// corpus. Verification stops by itself once no candidate left can
    /// enter the results: at the interface's limit, after 6 candidates on
    /// average (25 at most) on the shipped corpus, 9 (129 at most) on
    /// 100 000 synthetic paragraphs. The default, far above that, only
    /// guards against a pathological corpus (thousands of paragraphs tied
    /// at the top), where results beyond it could be missed.
    pub max_verified: usize,
    /// The lowest exact similarity returned. Valid: 0.0 to 1.0; below 0.1
    /// results share a phrase or two by chance. The lower it is, the more
    /// postings a query reads (at 0.0, every shared shingle's).
    pub min_similarity: f32,
}

impl Query {
    pub const DEFAULT: Query = Query {
        limit: 10,
        same_instrument: SameInstrument::Exclude,
        max_verified: 4096,
        min_similarity: 0.1,
    };
}

impl Default for Query {
    fn default() -> Self {
        Query::DEFAULT
    }
}

/// The shingle postings of a corpus, for finding similar paragraphs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "packed::Packed", try_from = "packed::Packed")]
pub struct SimilarityIndex {
    settings: Settings,
    /// Bits of a bucket number (see `postings`).
    bucket_bits: u8,
    /// Per instrument: preambular and operative paragraph counts.
    instruments: Vec<(u32, u32)>,
    /// Per instrument: the number of its first paragraph.
    starts: Vec<u32>,
    /// Per paragraph, by number: what bounds its similarity.
    units: Vec<Unit>,
    postings: Postings,
}

impl SimilarityIndex {
    /// Builds the index of a corpus with the default [`Settings`].
    pub fn build(corpus: &Corpus) -> SimilarityIndex {
        SimilarityIndex::build_with(corpus, Settings::DEFAULT)
    }

    /// Builds the index of a corpus. Invalid settings are replaced by the
    /// defaults.
    pub fn build_with(corpus: &Corpus, settings: Settings) -> SimilarityIndex {
        let settings = if settings.is_valid() {
            settings
        } else {
            Settings::DEFAULT
        };
        let instruments: Vec<(u32, u32)> = corpus
            .instruments()
            .map(|i| (i.preambular.len() as u32, i.operative.len() as u32))
            .collect();
        let mut units = Vec::new();
        let mut sets: Vec<Vec<u64>> = Vec::new();
        for p in corpus.instruments().flat_map(Instrument::paragraphs) {
            let shingled = Shingled::of(p, settings.shingle_words);
            units.push(Unit {
                size: shingled.whole().len() as u32,
                has_subparagraphs: shingled.pieces().len() > 1,
            });
            sets.push(shingled.union());
        }
        let bits = postings::bucket_bits(sets.iter().map(Vec::len).sum());
        let postings = Postings::build(&sets, bits);
        SimilarityIndex::from_parts(settings, bits, instruments, units, postings)
    }

    fn from_parts(
        settings: Settings,
        bucket_bits: u8,
        instruments: Vec<(u32, u32)>,
        units: Vec<Unit>,
        postings: Postings,
    ) -> SimilarityIndex {
        let mut starts = Vec::with_capacity(instruments.len());
        let mut n = 0u32;
        for &(pp, op) in &instruments {
            starts.push(n);
            n = n.saturating_add(pp).saturating_add(op);
        }
        SimilarityIndex {
            settings,
            bucket_bits,
            instruments,
            starts,
            units,
            postings,
        }
    }

    /// The settings the index was built with.
    pub fn settings(&self) -> Settings {
        self.settings
    }

    /// The number of paragraphs indexed.
    pub fn paragraphs(&self) -> usize {
        self.units.len()
    }

    /// Whether the index was built from a corpus with this shape (same
    /// instruments, same paragraph counts).
    pub fn fits(&self, corpus: &Corpus) -> bool {
        corpus
            .instruments()
            .map(|i| (i.preambular.len() as u32, i.operative.len() as u32))
            .eq(self.instruments.iter().copied())
    }

    /// The paragraphs most similar to `unit`, best first, with their
    /// similarity, excluding `unit` itself and the rest of its instrument
    /// (see [`Query::DEFAULT`]).
    pub fn similar_to(&self, corpus: &Corpus, unit: UnitRef, limit: usize) -> Vec<(UnitRef, f32)> {
        self.similar_to_with(
            corpus,
            unit,
            &Query {
                limit,
                ..Query::DEFAULT
            },
        )
    }

    /// The paragraphs most similar to `unit`, best first (ties in reading
    /// order). Empty when the corpus has no such paragraph.
    pub fn similar_to_with(
        &self,
        corpus: &Corpus,
        unit: UnitRef,
        query: &Query,
    ) -> Vec<(UnitRef, f32)> {
        let instruments: Vec<&Instrument> = corpus.instruments().collect();
        let Some(paragraph) = instruments
            .get(unit.instrument as usize)
            .and_then(|inst| unit.in_instrument(inst))
        else {
            return Vec::new();
        };
        if query.limit == 0 {
            return Vec::new();
        }
        let words = self.settings.shingle_words;
        let queried = Shingled::of(paragraph, words);
        let candidates = candidates::candidates(
            &self.postings,
            self.bucket_bits,
            &self.units,
            &queried,
            query.min_similarity,
            self.excluded(unit, query.same_instrument),
        );
        // The best `limit` similarities so far, least on top.
        let mut best: BinaryHeap<Reverse<u32>> = BinaryHeap::new();
        let mut results: Vec<(UnitRef, f32)> = Vec::new();
        for (n, bound) in candidates.into_iter().take(query.max_verified.max(1)) {
            let full = best.len() >= query.limit;
            if full
                && best
                    .peek()
                    .is_some_and(|&Reverse(least)| bound.to_bits() <= least)
            {
                break;
            }
            let Some(u) = self.unit(n).filter(|u| match query.same_instrument {
                SameInstrument::Exclude => u.instrument != unit.instrument,
                SameInstrument::Include => *u != unit,
            }) else {
                continue;
            };
            let Some(p) = instruments
                .get(u.instrument as usize)
                .and_then(|inst| u.in_instrument(inst))
            else {
                continue;
            };
            let similarity = queried.similarity(&Shingled::of(p, words));
            if similarity >= query.min_similarity && similarity > 0.0 {
                results.push((u, similarity));
                // Similarities are not negative: their bits order as they do.
                best.push(Reverse(similarity.to_bits()));
                if best.len() > query.limit {
                    best.pop();
                }
            }
        }
        results.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(a.0.reading_order().cmp(&b.0.reading_order()))
        });
        results.truncate(query.limit);
        results
    }

    /// The index as bytes (postcard), to embed in the app.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serializing plain vectors and numbers into a vector cannot fail.
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// An index from bytes made by [`SimilarityIndex::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<SimilarityIndex, IndexError> {
        postcard::from_bytes(bytes).map_err(|e| IndexError::Decode(e.to_string()))
    }

    /// The paragraph numbers a query on `unit` leaves out: its own, and
    /// those of its instrument unless they are included.
    fn excluded(&self, unit: UnitRef, same: SameInstrument) -> std::ops::Range<u32> {
        let i = unit.instrument as usize;
        let (Some(&start), Some(&(pp, op))) = (self.starts.get(i), self.instruments.get(i)) else {
            return 0..0;
        };
        match same {
            SameInstrument::Exclude => start..start.saturating_add(pp).saturating_add(op),
            SameInstrument::Include => {
                let k = match unit.part {
                    Part::Preambular => unit.paragraph,
                    Part::Operative => pp.saturating_add(unit.paragraph),
                };
                let n = start.saturating_add(k);
                n..n.saturating_add(1)
            }
        }
    }

    /// The address of paragraph number `n`.
    fn unit(&self, n: u32) -> Option<UnitRef> {
        let i = self.starts.partition_point(|&s| s <= n).checked_sub(1)?;
        let (pp, op) = *self.instruments.get(i)?;
        let k = n - self.starts[i];
        let (part, paragraph) = if k < pp {
            (Part::Preambular, k)
        } else if k - pp < op {
            (Part::Operative, k - pp)
        } else {
            return None;
        };
        Some(UnitRef {
            instrument: i as u32,
            part,
            paragraph,
        })
    }
}
