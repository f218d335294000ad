//! Ranking: the weights and limits in one place, and the order of results.
//!
//! Units are ordered by, in turn:
//! 1. how many query terms they contain (all above some);
//! 2. how few typos it took to match them (exact above fuzzy);
//! 3. score: for each term found, its rarity (BM25 idf) times the match
//!    quality times the saturated, length-normalised term frequency, plus a
//!    bonus when it is in the lead phrase; for the best
//!    [`Tuning::rerank_window`] units, plus how close together and in order
//!    the terms are;
//! 4. document order.
//!
//! The first three keys are first computed from the postings; the best
//! units by them are then re-read from their token streams, which adds
//! the common words left out of the walk (see `matching`) and proximity.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::index::SearchIndex;
use super::matching::{idf, Matched, Plan, Scorer};
use super::MatchKind;

/// Every weight and limit of matching and ranking, documented with its
/// valid range. [`Tuning::DEFAULT`] is what [`super::search`] uses.
#[derive(Clone, Debug, PartialEq)]
pub struct Tuning {
    // Matching.
    /// Query words of at least this many letters may have one typo.
    /// 1 or more; default 4.
    pub one_typo_from: usize,
    /// Query words of at least this many letters may have two typos.
    /// At least `one_typo_from`; default 8.
    pub two_typos_from: usize,
    /// The most completions a word still being typed expands to, the most
    /// frequent kept, once three letters are typed; a third of it per
    /// letter before that, to bound the work of the first keystrokes. 1 or
    /// more; default 30.
    pub max_prefix_expansions: usize,
    /// The most vocabulary words a query word matches with typos, fewest
    /// typos kept. 0 or more; default 40.
    pub max_typo_expansions: usize,

    // Ranking.
    /// Weight of a completion of the word being typed, against 1 for an
    /// exact match. 0 to 1; default 0.9.
    pub prefix: f32,
    /// Weight of a match per typo (two typos: squared), against 1 for an
    /// exact match. 0 to 1; default 0.6.
    pub typo: f32,
    /// Bonus for a term found in the unit's lead phrase, in the units of
    /// a term frequency (a word found once weighs about 1). 0 to 10;
    /// default 1.5, so "urges ratify" puts paragraphs that urge first.
    pub lead: f32,
    /// Weight of two consecutive query terms found next to each other, in
    /// order, relative to the pair's mean weight; it falls as 1/distance.
    /// 0 to 5; default 2.
    pub proximity: f32,
    /// Share of the proximity weight for terms found in reverse order.
    /// 0 to 1; default 0.5.
    pub reversed: f32,
    /// BM25 term-frequency saturation: higher lets repeated words count
    /// longer. 0 to 3; default 1.2.
    pub k1: f32,
    /// BM25 length normalisation: 0 ignores unit length, 1 fully favours
    /// short units. 0 to 1; default 0.4 (sub-paragraphs are short).
    pub b: f32,

    // Work.
    /// Share of the units above which a word is common: when the query
    /// has a rarer word, a common one does not make a unit a result by
    /// itself and is looked for only in the re-ranked units. 0 to 1;
    /// default 0.2.
    pub common_share: f32,
    /// The most postings one search walks, rarest terms first; what does
    /// not fit is looked for in the re-ranked units only, like a common
    /// word. Bounds the first keystrokes of a common prefix on a large
    /// corpus. 1 or more; default 100 000 (a millisecond or two).
    pub max_walk: usize,
    /// How many of the best units by first score are re-ranked with
    /// proximity and common words (the only part that reads token
    /// streams). 1 or more; default 300.
    pub rerank_window: usize,
    /// The most instruments listed in the instrument facet (active ones
    /// always are). 1 or more; default 50.
    pub max_facet_values: usize,
    /// The most words suggested for a word that matches nothing. 0 or
    /// more; default 5.
    pub max_suggestions: usize,
}

impl Tuning {
    pub const DEFAULT: Tuning = Tuning {
        one_typo_from: 4,
        two_typos_from: 8,
        max_prefix_expansions: 30,
        max_typo_expansions: 40,
        prefix: 0.9,
        typo: 0.6,
        lead: 1.5,
        proximity: 2.0,
        reversed: 0.5,
        k1: 1.2,
        b: 0.4,
        common_share: 0.2,
        max_walk: 100_000,
        rerank_window: 300,
        max_facet_values: 50,
        max_suggestions: 5,
    };

    /// Typos allowed in a query word of `letters` characters.
    pub fn typos_allowed(&self, letters: usize) -> u8 {
        if letters >= self.two_typos_from {
            2
        } else if letters >= self.one_typo_from {
            1
        } else {
            0
        }
    }

    /// Completions allowed for a prefix of `letters` characters.
    pub fn completions_for(&self, letters: usize) -> usize {
        (self.max_prefix_expansions * letters.min(3) / 3).max(1)
    }

    /// The weight of a match of this kind.
    pub fn quality(&self, kind: MatchKind, typos: u8) -> f32 {
        match kind {
            MatchKind::Exact => 1.0,
            MatchKind::Prefix => self.prefix,
            MatchKind::Typo => self.typo.powi(i32::from(typos.max(1))),
        }
    }
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning::DEFAULT
    }
}

/// A unit with its place in the ranking.
#[derive(Clone, Copy, Debug)]
pub struct Ranked {
    pub unit: u32,
    pub score: f32,
    /// Query terms found.
    pub terms: u32,
    /// Bit `k`: term `k` found.
    mask: u16,
    typos: u8,
}

impl Ranked {
    /// A unit listed while browsing: no score, document order.
    pub fn browsed(unit: u32) -> Ranked {
        Ranked {
            unit,
            score: 0.0,
            terms: 0,
            mask: 0,
            typos: 0,
        }
    }

    /// Best first.
    fn order(a: &Ranked, b: &Ranked) -> std::cmp::Ordering {
        b.terms
            .cmp(&a.terms)
            .then(a.typos.cmp(&b.typos))
            .then(b.score.total_cmp(&a.score))
            .then(a.unit.cmp(&b.unit))
    }
}

/// The best `limit` of the matching units, best first.
pub fn rank(
    index: &SearchIndex,
    plan: &Plan,
    matched: &Matched,
    units: Vec<u32>,
    limit: usize,
    tuning: &Tuning,
) -> Vec<Ranked> {
    // The best `window` units by the keys from the postings, kept in a
    // heap whose worst is on top: most units are turned away by one
    // comparison with it.
    // No larger than the units there are: a caller asking for "all"
    // (`usize::MAX`) must not size the heap by its limit.
    let window = tuning.rerank_window.max(limit).min(units.len()).max(1);
    let mut heap: BinaryHeap<Reverse<(u64, Reverse<u32>)>> = BinaryHeap::with_capacity(window + 1);
    for unit in units {
        let Some(a) = matched.acc.get(unit as usize) else {
            continue;
        };
        let key = (
            first_key(a.mask.count_ones(), a.typos, a.score),
            Reverse(unit),
        );
        if heap.len() < window {
            heap.push(Reverse(key));
        } else if heap.peek().is_some_and(|worst| key > worst.0) {
            heap.pop();
            heap.push(Reverse(key));
        }
    }
    let mut ranked: Vec<Ranked> = heap
        .into_iter()
        .filter_map(|Reverse((_, Reverse(unit)))| {
            let a = matched.acc.get(unit as usize)?;
            Some(Ranked {
                unit,
                score: a.score,
                terms: a.mask.count_ones(),
                mask: a.mask,
                typos: a.typos,
            })
        })
        .collect();
    let deferred = plan
        .terms
        .iter()
        .any(|t| t.walked.len() < t.words.iter().map(Vec::len).sum());
    if plan.terms.len() > 1 || deferred {
        let mut reread = Reread::new(index, plan, tuning);
        for r in &mut ranked {
            reread.apply(r);
        }
    }
    ranked.sort_unstable_by(Ranked::order);
    ranked.truncate(limit);
    ranked
}

/// Terms found, typos and score packed so that a larger number ranks
/// higher, for a quick first selection. Scores are never negative, and a
/// non-negative `f32`'s bits order as the number does.
fn first_key(terms: u32, typos: u8, score: f32) -> u64 {
    let terms = u64::from(terms.min(31));
    let exactness = u64::from(u8::MAX - typos);
    let score = u64::from(score.max(0.0).to_bits());
    (terms << 40) | (exactness << 32) | score
}

/// Positions kept per term and unit: enough to find the closest pair.
const MAX_POSITIONS: usize = 64;

/// An expansion looked for in token streams.
#[derive(Clone, Copy, Debug)]
struct Wanted {
    word: u32,
    term: usize,
    /// Not walked: a match adds the term if the unit lacks it.
    deferred: bool,
    quality: f32,
    typos: u8,
}

/// The best match of a deferred term in one unit.
#[derive(Clone, Copy, Debug, Default)]
struct Found {
    word: u32,
    quality: f32,
    typos: u8,
    tf: u32,
    in_lead: bool,
}

/// Re-reads the best units' token streams: adds the deferred common words
/// and measures how close together and in order the terms are.
struct Reread<'i> {
    index: &'i SearchIndex,
    tuning: &'i Tuning,
    scorer: Scorer<'i>,
    /// Sorted by word; a phrase is placed by its first word.
    wanted: Vec<Wanted>,
    /// Bit per vocabulary word: in `wanted`.
    bits: Vec<u64>,
    weights: Vec<f32>,
    positions: Vec<Vec<u32>>,
    found: Vec<Option<Found>>,
}

impl<'i> Reread<'i> {
    fn new(index: &'i SearchIndex, plan: &Plan, tuning: &'i Tuning) -> Self {
        let mut wanted = Vec::new();
        for (k, term) in plan.terms.iter().enumerate() {
            // A word term has one word; a phrase is placed by its first.
            let words = term.words.first().map(Vec::as_slice).unwrap_or(&[]);
            wanted.extend(words.iter().map(|e| Wanted {
                word: e.word,
                term: k,
                deferred: !term.phrase && !term.walked.iter().any(|w| w.word == e.word),
                quality: tuning.quality(e.kind, e.typos),
                typos: e.typos,
            }));
        }
        wanted.sort_unstable_by_key(|w| (w.word, w.term));
        let mut bits = vec![0u64; index.vocabulary.len() / 64 + 1];
        for w in &wanted {
            if let Some(b) = bits.get_mut(w.word as usize / 64) {
                *b |= 1 << (w.word % 64);
            }
        }
        let weights = plan
            .terms
            .iter()
            .map(|t| {
                let first = t.words.iter().flatten().next();
                first.map_or(t.weight, |e| {
                    t.weight.max(idf(index, index.vocabulary.df(e.word)))
                })
            })
            .collect();
        Reread {
            index,
            tuning,
            scorer: Scorer::new(index, tuning),
            wanted,
            bits,
            weights,
            positions: vec![Vec::new(); plan.terms.len()],
            found: vec![None; plan.terms.len()],
        }
    }

    fn apply(&mut self, r: &mut Ranked) {
        self.read(r.unit);
        for (k, found) in self.found.iter().enumerate() {
            let bit = 1u16 << k;
            let Some(f) = found else { continue };
            if r.mask & bit != 0 || (f.tf == 0 && !f.in_lead) {
                continue;
            }
            r.mask |= bit;
            r.terms += 1;
            r.typos = r.typos.saturating_add(f.typos);
            let weight = idf(self.index, self.index.vocabulary.df(f.word));
            r.score += self
                .scorer
                .score(r.unit, f.tf, f.in_lead, f.quality, weight);
        }
        r.score += self.tuning.proximity * self.proximity();
    }

    /// Collects the positions of every term and the deferred matches.
    fn read(&mut self, unit: u32) {
        for p in &mut self.positions {
            p.clear();
        }
        self.found.iter_mut().for_each(|f| *f = None);
        for (position, t) in self.index.tokens.words(unit).enumerate() {
            let bit = self.bits.get(t.word as usize / 64).copied().unwrap_or(0);
            if bit & (1 << (t.word % 64)) == 0 {
                continue;
            }
            let from = self.wanted.partition_point(|w| w.word < t.word);
            for w in self.wanted[from..].iter().take_while(|w| w.word == t.word) {
                if let Some(p) = self.positions.get_mut(w.term) {
                    if p.len() < MAX_POSITIONS {
                        p.push(position as u32);
                    }
                }
                if !w.deferred {
                    continue;
                }
                let Some(slot) = self.found.get_mut(w.term) else {
                    continue;
                };
                let f = slot.get_or_insert(Found {
                    word: w.word,
                    quality: w.quality,
                    typos: w.typos,
                    ..Found::default()
                });
                if w.quality > f.quality {
                    f.word = w.word;
                    f.quality = w.quality;
                    f.typos = w.typos;
                }
                f.tf += u32::from(t.own);
                f.in_lead |= t.in_lead;
            }
        }
    }

    /// Sum over consecutive terms found of closeness (1 when adjacent and
    /// in order) times the pair's mean weight.
    fn proximity(&self) -> f32 {
        let mut bonus = 0.0;
        let mut previous: Option<usize> = None;
        for k in 0..self.positions.len() {
            if self.positions[k].is_empty() {
                continue;
            }
            if let Some(j) = previous {
                let closeness = closeness(&self.positions[j], &self.positions[k], self.tuning);
                bonus += closeness * (self.weights[j] + self.weights[k]) / 2.0;
            }
            previous = Some(k);
        }
        bonus
    }
}

/// 1 / distance for the closest pair with `b` after `a`; reversed pairs
/// count for `tuning.reversed` of that.
fn closeness(a: &[u32], b: &[u32], tuning: &Tuning) -> f32 {
    let mut best: f32 = 0.0;
    for &x in a {
        for &y in b {
            let c = match y.cmp(&x) {
                std::cmp::Ordering::Greater => 1.0 / (y - x) as f32,
                std::cmp::Ordering::Less => tuning.reversed / (x - y) as f32,
                std::cmp::Ordering::Equal => 0.0,
            };
            best = best.max(c);
        }
    }
    best
}
