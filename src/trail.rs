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
//! Comparing a paragraph with every other one costs too much at a million
//! paragraphs, so candidates are found with MinHash and locality-sensitive
//! hashing, then verified exactly:
//!
//! - each paragraph, and each of its top-level sub-paragraphs (texts are
//!   often restructured, so a paragraph's language may live on as another
//!   paragraph's sub-paragraph), is reduced to its set of
//!   [`Settings::shingle_words`]-word shingles;
//! - a MinHash signature of `bands × rows` values summarises each set: the
//!   share of equal values between two signatures estimates the Jaccard
//!   similarity of the sets;
//! - the signature is cut into [`Settings::bands`] bands of
//!   [`Settings::rows`] values, each hashed to a bucket; paragraphs that
//!   share a bucket in any band are candidates. Two texts with Jaccard
//!   similarity `s` share at least one bucket with probability
//!   `1 − (1 − s^rows)^bands`;
//! - candidates are ranked by the number of bands they share, the best
//!   [`Query::max_verified`] are verified with the exact similarity, and
//!   the results ranked by it.
//!
//! The **similarity** reported is the exact Jaccard similarity of the
//! shingle sets (shared shingles over all distinct shingles), taking for
//! two paragraphs the best of their wholes and top-level sub-paragraphs.
//!
//! Only the band tables are stored, as `(bucket, paragraph)` entries sorted
//! by bucket; a bucket holding one paragraph alone can never produce a
//! candidate for another paragraph of the corpus, so it is left out. The
//! signature of the queried paragraph is recomputed from its text, and the
//! candidates' texts are read from the corpus, which the app holds anyway.
//! The index is built ahead of time (when the web app is built), and
//! serialized with postcard in a packed form (bucket gaps and paragraph
//! numbers as variable-length integers).

mod minhash;
mod packed;
mod pieces;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::model::{Corpus, Instrument, Paragraph, Part};
use crate::shingles;

pub use packed::IndexError;
pub use pieces::Shingled;

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

/// How the index is built; stored in it, since queries must hash the same
/// way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Words per shingle. Valid: 1 to 8. 3 makes a shared shingle a shared
    /// phrase ("to prevent and", "that have not"), rare by chance between
    /// unrelated paragraphs.
    pub shingle_words: u8,
    /// Bands of the LSH table. Valid: 1 to 64. More bands find less
    /// similar paragraphs, at the cost of a larger index.
    pub bands: u8,
    /// MinHash values per band. Valid: 1 to 16. More rows make a shared
    /// bucket rarer by chance. With 16 bands of 2 rows, a pair at
    /// similarity 0.2 is found about half the time, at 0.3 78 %, at 0.5
    /// 99 %; at 0.05, 4 % (such chance candidates are then verified and
    /// dropped). On the shipped corpus, where paragraphs and sub-paragraphs
    /// are indexed alike, 97 % of the pairs of instruments' paragraphs at
    /// 0.3 or more are found, and 86 % at 0.2 or more.
    pub rows: u8,
}

impl Settings {
    pub const DEFAULT: Settings = Settings {
        shingle_words: 3,
        bands: 16,
        rows: 2,
    };

    fn is_valid(&self) -> bool {
        (1..=8).contains(&self.shingle_words)
            && (1..=64).contains(&self.bands)
            && (1..=16).contains(&self.rows)
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
    /// The most candidates verified with the exact similarity, those that
    /// share the most bands first (at least `limit` are). Valid: 1 and
    /// above; it bounds the cost of a query (each verification reads and
    /// shingles one paragraph), whatever the corpus.
    pub max_verified: usize,
    /// The lowest exact similarity returned. Valid: 0.0 to 1.0; below 0.1
    /// results share a phrase or two by chance.
    pub min_similarity: f32,
}

impl Query {
    pub const DEFAULT: Query = Query {
        limit: 10,
        same_instrument: SameInstrument::Exclude,
        max_verified: 64,
        min_similarity: 0.1,
    };
}

impl Default for Query {
    fn default() -> Self {
        Query::DEFAULT
    }
}

/// The band tables of a corpus, for finding similar paragraphs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "packed::Packed", try_from = "packed::Packed")]
pub struct SimilarityIndex {
    settings: Settings,
    /// Bits of a bucket number.
    bucket_bits: u8,
    /// Per instrument: preambular and operative paragraph counts.
    instruments: Vec<(u32, u32)>,
    /// Per instrument: the number of its first paragraph.
    starts: Vec<u32>,
    bands: Vec<Band>,
}

/// One band's table: entries sorted by bucket, then paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Band {
    buckets: Vec<u32>,
    units: Vec<u32>,
}

impl Band {
    /// The paragraphs in a bucket.
    fn get(&self, bucket: u32) -> &[u32] {
        let start = self.buckets.partition_point(|&b| b < bucket);
        let end = start + self.buckets[start..].partition_point(|&b| b == bucket);
        &self.units[start..end]
    }
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
        let hasher = minhash::Hasher::new(settings);
        let mut entries: Vec<Vec<(u64, u32)>> = vec![Vec::new(); settings.bands as usize];
        let mut unit = 0u32;
        for inst in corpus.instruments() {
            for p in inst.paragraphs() {
                for piece in pieces(p, settings.shingle_words) {
                    for (band, key) in hasher.band_keys(&piece).into_iter().enumerate() {
                        entries[band].push((key, unit));
                    }
                }
                unit += 1;
            }
        }
        let total = unit as usize;
        let bucket_bits = bucket_bits(total);
        let bands = entries
            .into_iter()
            .map(|mut band| {
                for e in &mut band {
                    e.0 = bucket(e.0, bucket_bits) as u64;
                }
                band.sort_unstable();
                band.dedup();
                shared_buckets(&band)
            })
            .collect();
        SimilarityIndex::from_parts(settings, bucket_bits, instruments, bands)
    }

    fn from_parts(
        settings: Settings,
        bucket_bits: u8,
        instruments: Vec<(u32, u32)>,
        bands: Vec<Band>,
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
            bands,
        }
    }

    /// The settings the index was built with.
    pub fn settings(&self) -> Settings {
        self.settings
    }

    /// The number of paragraphs indexed.
    pub fn paragraphs(&self) -> usize {
        self.instruments
            .iter()
            .map(|&(pp, op)| pp as usize + op as usize)
            .sum()
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

    /// The paragraphs most similar to `unit`, best first. Empty when the
    /// corpus has no such paragraph.
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
        let n = self.settings.shingle_words;
        let query_pieces = pieces(paragraph, n);
        let hasher = minhash::Hasher::new(self.settings);
        let mut hits: Vec<u32> = Vec::new();
        for piece in &query_pieces {
            for (band, key) in hasher.band_keys(piece).into_iter().enumerate() {
                if let Some(table) = self.bands.get(band) {
                    hits.extend_from_slice(table.get(bucket(key, self.bucket_bits)));
                }
            }
        }
        let keep = |u: &UnitRef| {
            *u != unit
                && (query.same_instrument == SameInstrument::Include
                    || u.instrument != unit.instrument)
        };
        // Candidates by the number of bands they share, most first.
        hits.sort_unstable();
        let mut candidates: Vec<(u32, UnitRef)> = Vec::new();
        for run in hits.chunk_by(|a, b| a == b) {
            if let Some(u) = self.unit(run[0]) {
                if keep(&u) {
                    candidates.push((run.len() as u32, u));
                }
            }
        }
        candidates.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(a.1.reading_order().cmp(&b.1.reading_order()))
        });
        candidates.truncate(query.max_verified.max(query.limit).max(1));
        let mut results: Vec<(UnitRef, f32)> = candidates
            .into_iter()
            .filter_map(|(_, u)| {
                let p = u.in_instrument(instruments.get(u.instrument as usize)?)?;
                let similarity = best_jaccard(&query_pieces, &pieces(p, n));
                (similarity >= query.min_similarity && similarity > 0.0).then_some((u, similarity))
            })
            .collect();
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

/// The shingle sets a paragraph is indexed and compared by.
fn pieces(p: &Paragraph, n: u8) -> Vec<Vec<u64>> {
    Shingled::of(p, n).pieces().to_vec()
}

/// The best Jaccard similarity between any piece of one paragraph and any
/// piece of the other.
fn best_jaccard(a: &[Vec<u64>], b: &[Vec<u64>]) -> f32 {
    a.iter()
        .flat_map(|x| b.iter().map(move |y| shingles::jaccard(x, y)))
        .fold(0.0, f32::max)
}

/// Bits of a bucket number for an index of `paragraphs`: about four
/// buckets per entry, so that unrelated paragraphs rarely share one.
fn bucket_bits(paragraphs: usize) -> u8 {
    let wanted = (paragraphs.max(1) * 4).next_power_of_two().trailing_zeros();
    wanted.clamp(8, 32) as u8
}

/// The bucket of a band key.
fn bucket(key: u64, bits: u8) -> u32 {
    (key >> (64 - u32::from(bits.clamp(1, 32)))) as u32
}

/// The entries of a band (sorted, distinct) whose bucket holds more than
/// one paragraph.
fn shared_buckets(entries: &[(u64, u32)]) -> Band {
    let mut band = Band::default();
    for run in entries.chunk_by(|a, b| a.0 == b.0) {
        if run.len() > 1 {
            for &(bucket, unit) in run {
                band.buckets.push(bucket as u32);
                band.units.push(unit);
            }
        }
    }
    band
}
