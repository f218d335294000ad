//! A split index: a head to load first, and shards fetched as searches
//! need them, so that a static host can serve a million paragraphs a few
//! kilobytes at a time.
//!
//! ```
//! use clause_explorer::parse::parse_document;
//! use clause_explorer::model::Corpus;
//! use clause_explorer::search::split::{search_fetching, ShardTargets, SplitIndex};
//! use clause_explorer::search::{search, Query, SearchIndex};
//!
//! let corpus = Corpus { documents: vec![parse_document("r.txt",
//!     "Resolution 1/1\n\nA title\n\nThe General Assembly,\n\n\
//!      1. *Urges* Member States to consider ratifying the Protocol;\n\n\
//!      2. *Encourages* Member States to cooperate with businesses.\n")] };
//! let index = SearchIndex::build(&corpus);
//! let split = index.split(&ShardTargets { lists: 8, positions: 8, streams: 8, places: 8 }).unwrap();
//!
//! let mut loaded = SplitIndex::from_head(&split.head).unwrap();
//! let query = Query::new("urges ratfy");
//! let fetched = search_fetching(&mut loaded, &query, 10, |wanted| {
//!     let found = wanted.iter().map(|id| {
//!         let blob = split.shards.iter().find(|(s, _)| s == id).map(|(_, b)| b.clone());
//!         (*id, blob.ok_or("not on the host"))
//!     });
//!     found.collect()
//! });
//! assert!(fetched.failed.is_empty());
//! assert!(fetched.rounds > 1);
//! assert_eq!(fetched.results, search(&index, &query, 10));
//! ```
//!
//! The head is the whole index but for the bytes of the postings lists,
//! positions and token streams, and the units' places (ids), which only
//! the hits need: vocabulary, what facets and scoring read of every unit,
//! facet tables, and where each shard's range of words or units begins.
//! Postings lists and positions are cut by word id, token streams and
//! places by unit (packs of consecutive units), each into shards of about
//! a target number of bytes.
//!
//! Search over a split index is the unchanged search. A list or stream
//! whose shard is absent reads as empty, and the shard is recorded; when a
//! search recorded any, its results are provisional: the caller fetches
//! those shards and searches again ([`search_fetching`] loops so). Each run
//! reads what the present data leads it to, so the shards needed come to
//! light a step at a time (the query words' lists, then the best
//! candidates' streams). Search is deterministic, so a run that missed
//! nothing read exactly what it would have read in the whole index, and its
//! results are the whole index's.

#[cfg(all(test, feature = "native"))]
mod tests;

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::chunked::{Chunk, ChunkError, Chunked};
use super::postings::Postings;
use super::tokens::TokenStreams;
use super::{search_with, Query, Results, SearchIndex, Tuning};

/// Searches a [`search_fetching`] run at most: one with what is loaded,
/// and then one after each fetch. A search's reads depend on at most a few
/// earlier reads (lists, then positions and candidates' streams, then the
/// hits' places), so real queries take three or four.
pub const MAX_ROUNDS: usize = 8;

/// One shard: its kind and its number among the shards of that kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ShardId {
    pub kind: ShardKind,
    pub number: u32,
}

/// What a shard holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ShardKind {
    /// Postings lists of a range of word ids.
    Lists,
    /// Word positions of a range of word ids, read only for phrases.
    Positions,
    /// Token streams of a range of units.
    Streams,
    /// Places (paragraph, sub-paragraph index, id segment) of a range of
    /// units, read only for the hits.
    Places,
}

/// Every kind, in the order shards are listed.
const KINDS: [ShardKind; 4] = [
    ShardKind::Lists,
    ShardKind::Positions,
    ShardKind::Streams,
    ShardKind::Places,
];

/// Names a shard as a file name would: `lists-3`, `streams-120`.
impl fmt::Display for ShardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            ShardKind::Lists => "lists",
            ShardKind::Positions => "positions",
            ShardKind::Streams => "streams",
            ShardKind::Places => "places",
        };
        write!(f, "{kind}-{}", self.number)
    }
}

/// How many bytes each kind of shard should hold. A shard closes once it
/// reaches its target, so it may be larger by one word's list or one
/// unit's stream (a very common word's list is a shard of its own). Any
/// value works; 0 gives a shard per word or unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShardTargets {
    pub lists: usize,
    pub positions: usize,
    pub streams: usize,
    pub places: usize,
}

impl ShardTargets {
    /// A search reads the whole lists of a few words, so list and position
    /// shards can hold many words; but it reads the streams of a few
    /// hundred best candidates scattered over the corpus, about one pack
    /// each, so stream packs are small. At a million paragraphs an
    /// unquoted query of three or four words then fetches about 250–300
    /// KiB compressed (`cargo bench --bench split`). Places are read for
    /// the hits shown, as scattered.
    pub const DEFAULT: ShardTargets = ShardTargets {
        lists: 16 * 1024,
        positions: 16 * 1024,
        streams: 1024,
        places: 1024,
    };
}

/// An index split for shipping: the head and every shard, each its own
/// postcard blob (compressing them is left to the writer).
#[derive(Clone, Debug, Default)]
pub struct Split {
    pub head: Vec<u8>,
    pub shards: Vec<(ShardId, Vec<u8>)>,
}

/// Why a head or a shard could not be loaded.
#[derive(Debug)]
pub enum ShardError {
    /// Occurs when the bytes are not a head or shard blob (truncated,
    /// corrupt, or from another version); fetch it again.
    Unreadable(postcard::Error),
    /// Occurs when the blob is another shard than the one asked for: the
    /// host serves the wrong file under this name.
    NotThisShard { asked: ShardId, found: ShardId },
    /// Occurs when the shard does not fit the head: its range of words or
    /// units differs, or the head has no such shard. The shard and head are
    /// probably from two different builds of the index.
    DoesNotFit(ShardId),
    /// Occurs when a head's shard layout is inconsistent (ranges out of
    /// order): it is corrupt or from another version.
    BadHead,
}

impl fmt::Display for ShardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShardError::Unreadable(e) => write!(f, "the blob cannot be read ({e}); fetch it again"),
            ShardError::NotThisShard { asked, found } => {
                write!(
                    f,
                    "asked for shard {asked} but got {found}: the host serves the wrong file"
                )
            }
            ShardError::DoesNotFit(id) => write!(
                f,
                "shard {id} does not fit the index's head: are they from the same build?"
            ),
            ShardError::BadHead => write!(f, "the index head is inconsistent: is it corrupt?"),
        }
    }
}

impl std::error::Error for ShardError {}

impl SearchIndex {
    /// Splits the index into a head and shards of about `targets` bytes.
    /// Meant for a whole index; the shards of chunks it lacks are empty.
    pub fn split(&self, targets: &ShardTargets) -> Result<Split, postcard::Error> {
        let (lists, list_shards) = self.postings.lists.cut(targets.lists);
        let (positions, position_shards) = self.postings.positions.cut(targets.positions);
        let (streams, stream_shards) = self.tokens.streams.cut(targets.streams);
        let (places, place_shards) = self.units.places.cut(targets.places);
        let mut units = self.units.clone();
        units.places = places;
        let head = SearchIndex {
            vocabulary: self.vocabulary.clone(),
            postings: Postings { lists, positions },
            tokens: TokenStreams { streams },
            units,
            instruments: self.instruments.clone(),
            average_length: self.average_length,
            cites: self.cites.clone(),
        };
        let mut shards = Vec::new();
        for (kind, chunks) in [
            (ShardKind::Lists, list_shards),
            (ShardKind::Positions, position_shards),
            (ShardKind::Streams, stream_shards),
            (ShardKind::Places, place_shards),
        ] {
            for (number, chunk) in chunks.iter().enumerate() {
                let id = ShardId {
                    kind,
                    number: number as u32,
                };
                shards.push((id, postcard::to_allocvec(&(id, chunk))?));
            }
        }
        Ok(Split {
            head: postcard::to_allocvec(&head)?,
            shards,
        })
    }
}

/// A split index being loaded: its head, and the shards fetched so far.
#[derive(Clone, Debug)]
pub struct SplitIndex {
    index: SearchIndex,
}

/// One search over a split index.
#[derive(Clone, Debug)]
pub struct Attempt {
    /// The whole index's results if `missing` is empty; else provisional,
    /// computed as if the missing shards held nothing.
    pub results: Results,
    /// Shards the search needed and did not have, in order.
    pub missing: Vec<ShardId>,
}

impl SplitIndex {
    /// Loads a head written by [`SearchIndex::split`]; no shard is present.
    pub fn from_head(head: &[u8]) -> Result<SplitIndex, ShardError> {
        let index: SearchIndex = postcard::from_bytes(head).map_err(ShardError::Unreadable)?;
        let split = SplitIndex { index };
        if !KINDS.iter().all(|&k| split.store(k).is_well_formed()) {
            return Err(ShardError::BadHead);
        }
        Ok(split)
    }

    /// Adds a fetched shard, checking that it is the one asked for and fits.
    pub fn add(&mut self, id: ShardId, blob: &[u8]) -> Result<(), ShardError> {
        let (found, chunk): (ShardId, Chunk) =
            postcard::from_bytes(blob).map_err(ShardError::Unreadable)?;
        if found != id {
            return Err(ShardError::NotThisShard { asked: id, found });
        }
        self.store_mut(id.kind)
            .insert(id.number, chunk)
            .map_err(|e| match e {
                ChunkError::NoSuchChunk | ChunkError::Malformed => ShardError::DoesNotFit(id),
            })
    }

    /// Whether the shard is loaded.
    pub fn has(&self, id: ShardId) -> bool {
        self.store(id.kind).has(id.number)
    }

    /// Every shard of the index, loaded or not.
    pub fn shards(&self) -> impl Iterator<Item = ShardId> + '_ {
        KINDS.into_iter().flat_map(move |kind| {
            (0..self.store(kind).len() as u32).map(move |number| ShardId { kind, number })
        })
    }

    /// The postcard bytes of each part of the head (the units and cites
    /// tables column by column), largest first: where a head's size goes,
    /// for measuring.
    pub fn head_parts(&self) -> Result<Vec<(&'static str, Vec<u8>)>, postcard::Error> {
        let i = &self.index;
        let mut parts = vec![
            ("vocabulary", postcard::to_allocvec(&i.vocabulary)?),
            ("instruments", postcard::to_allocvec(&i.instruments)?),
            (
                "shard layout",
                postcard::to_allocvec(&(&i.postings, &i.tokens))?,
            ),
        ];
        parts.extend(i.units.column_bytes()?);
        parts.extend(i.cites.column_bytes()?);
        parts.sort_by_key(|p| std::cmp::Reverse(p.1.len()));
        Ok(parts)
    }

    /// The index as loaded so far (absent shards read as empty).
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Runs the search with what is loaded, and says what it missed.
    /// Takes `&mut self` so that no other search records its misses into
    /// this one's.
    pub fn search(&mut self, query: &Query, limit: usize, tuning: &Tuning) -> Attempt {
        for kind in KINDS {
            self.store(kind).take_misses();
        }
        let results = search_with(&self.index, query, limit, tuning);
        let mut missing = Vec::new();
        for kind in KINDS {
            let misses = self.store(kind).take_misses();
            missing.extend(misses.into_iter().map(|number| ShardId { kind, number }));
        }
        Attempt { results, missing }
    }

    fn store(&self, kind: ShardKind) -> &Chunked {
        match kind {
            ShardKind::Lists => &self.index.postings.lists,
            ShardKind::Positions => &self.index.postings.positions,
            ShardKind::Streams => &self.index.tokens.streams,
            ShardKind::Places => &self.index.units.places,
        }
    }

    fn store_mut(&mut self, kind: ShardKind) -> &mut Chunked {
        match kind {
            ShardKind::Lists => &mut self.index.postings.lists,
            ShardKind::Positions => &mut self.index.postings.positions,
            ShardKind::Streams => &mut self.index.tokens.streams,
            ShardKind::Places => &mut self.index.units.places,
        }
    }
}

/// What [`search_fetching`] found.
#[derive(Debug)]
pub struct Fetched<E> {
    /// The whole index's results when `failed` is empty; else the best
    /// that the shards obtained give (as if the failed ones held nothing).
    pub results: Results,
    /// Searches run, at most [`MAX_ROUNDS`].
    pub rounds: usize,
    /// Shards fetched and added, in the order they came.
    pub fetched: Vec<ShardId>,
    /// Shards needed and not obtained, with why.
    pub failed: Vec<(ShardId, Failure<E>)>,
}

/// Why a shard needed was not obtained.
#[derive(Debug)]
pub enum Failure<E> {
    /// The fetch failed.
    Fetch(E),
    /// The fetched blob did not load.
    Unreadable(ShardError),
    /// The fetch returned nothing for it.
    NotReturned,
    /// It was needed after the last round: searching went on too long.
    OutOfRounds,
}

/// Searches a split index, fetching the shards it needs: `fetch` gets the
/// ids wanted and returns what it obtained for each, then the search runs
/// again, until it misses nothing, or misses only shards that failed, or
/// [`MAX_ROUNDS`] searches ran. A failed shard is not asked for again in
/// this search (the caller may retry with the next one).
pub fn search_fetching<E>(
    index: &mut SplitIndex,
    query: &Query,
    limit: usize,
    mut fetch: impl FnMut(&[ShardId]) -> Vec<(ShardId, Result<Vec<u8>, E>)>,
) -> Fetched<E> {
    let mut fetched = Vec::new();
    let mut failed: Vec<(ShardId, Failure<E>)> = Vec::new();
    let mut given_up: BTreeSet<ShardId> = BTreeSet::new();
    let mut rounds = 0;
    loop {
        rounds += 1;
        let attempt = index.search(query, limit, &Tuning::DEFAULT);
        let wanted: Vec<ShardId> = attempt
            .missing
            .into_iter()
            .filter(|id| !given_up.contains(id))
            .collect();
        if wanted.is_empty() || rounds >= MAX_ROUNDS {
            failed.extend(wanted.into_iter().map(|id| (id, Failure::OutOfRounds)));
            return Fetched {
                results: attempt.results,
                rounds,
                fetched,
                failed,
            };
        }
        let mut answered = BTreeSet::new();
        for (id, got) in fetch(&wanted) {
            // What was not asked for, or was already answered, is ignored:
            // each round then adds only shards it needs.
            if !wanted.contains(&id) || !answered.insert(id) {
                continue;
            }
            let outcome = match got {
                Ok(blob) => index.add(id, &blob).map_err(Failure::Unreadable),
                Err(e) => Err(Failure::Fetch(e)),
            };
            match outcome {
                Ok(()) => fetched.push(id),
                Err(why) => {
                    given_up.insert(id);
                    failed.push((id, why));
                }
            }
        }
        for &id in wanted.iter().filter(|id| !answered.contains(id)) {
            given_up.insert(id);
            failed.push((id, Failure::NotReturned));
        }
    }
}
