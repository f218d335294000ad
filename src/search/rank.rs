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

use super::index::SearchIndex;
use super::matching::{idf, Matched, Plan};
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
    /// order, relative to the rarer term's weight; it falls as 1/distance.
    /// 0 to 5; default 1.
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
    /// How many of the best units by first score are re-ranked with
    /// proximity (the only part that reads token streams). 0 or more;
    /// default 300.
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
        proximity: 1.0,
        reversed: 0.5,
        k1: 1.2,
        b: 0.4,
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
    typos: u8,
}

impl Ranked {
    /// A unit listed while browsing: no score, document order.
    pub fn browsed(unit: u32) -> Ranked {
        Ranked {
            unit,
            score: 0.0,
            terms: 0,
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
    let mut ranked: Vec<Ranked> = units
        .into_iter()
        .filter_map(|unit| {
            let a = matched.acc.get(unit as usize)?;
            Some(Ranked {
                unit,
                score: a.score,
                terms: a.mask.count_ones(),
                typos: a.typos,
            })
        })
        .collect();
    let window = tuning.rerank_window.max(limit);
    if ranked.len() > window && window > 0 {
        ranked.select_nth_unstable_by(window - 1, Ranked::order);
        ranked.truncate(window);
    }
    if plan.terms.len() > 1 {
        let mut proximity = Proximity::new(index, plan);
        for r in &mut ranked {
            r.score += tuning.proximity * proximity.bonus(r.unit, tuning);
        }
    }
    ranked.sort_unstable_by(Ranked::order);
    ranked.truncate(limit);
    ranked
}

/// Positions kept per term and unit: enough to find the closest pair.
const MAX_POSITIONS: usize = 64;

/// Measures how close together and in order the query terms are in a unit.
struct Proximity<'i> {
    index: &'i SearchIndex,
    /// `(word, term)` for every expansion, sorted; a phrase is placed by
    /// its first word.
    lookup: Vec<(u32, usize)>,
    /// Bit per vocabulary word: in `lookup`.
    wanted: Vec<u64>,
    weights: Vec<f32>,
    positions: Vec<Vec<u32>>,
}

impl<'i> Proximity<'i> {
    fn new(index: &'i SearchIndex, plan: &Plan) -> Self {
        let mut lookup = Vec::new();
        for (k, term) in plan.terms.iter().enumerate() {
            // A word term has one word; a phrase is placed by its first.
            let words = term.words.first().map(Vec::as_slice).unwrap_or(&[]);
            lookup.extend(words.iter().map(|e| (e.word, k)));
        }
        lookup.sort_unstable();
        let mut wanted = vec![0u64; index.vocabulary.len() / 64 + 1];
        for &(w, _) in &lookup {
            if let Some(b) = wanted.get_mut(w as usize / 64) {
                *b |= 1 << (w % 64);
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
        Proximity {
            index,
            lookup,
            wanted,
            weights,
            positions: vec![Vec::new(); plan.terms.len()],
        }
    }

    /// Sum over consecutive terms found of closeness (1 when adjacent and
    /// in order) times the rarer term's weight.
    fn bonus(&mut self, unit: u32, tuning: &Tuning) -> f32 {
        for p in &mut self.positions {
            p.clear();
        }
        for (position, word) in self.index.tokens.all_words(unit).enumerate() {
            let bit = self.wanted.get(word as usize / 64).copied().unwrap_or(0);
            if bit & (1 << (word % 64)) == 0 {
                continue;
            }
            let from = self.lookup.partition_point(|&(w, _)| w < word);
            for &(_, term) in self.lookup[from..].iter().take_while(|&&(w, _)| w == word) {
                if let Some(p) = self.positions.get_mut(term) {
                    if p.len() < MAX_POSITIONS {
                        p.push(position as u32);
                    }
                }
            }
        }
        let mut bonus = 0.0;
        let mut previous: Option<usize> = None;
        for k in 0..self.positions.len() {
            if self.positions[k].is_empty() {
                continue;
            }
            if let Some(j) = previous {
                let closeness = closeness(&self.positions[j], &self.positions[k], tuning);
                bonus += closeness * self.weights[j].min(self.weights[k]);
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
