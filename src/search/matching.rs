//! Matching: which units contain which query terms, and a first score.
//!
//! Each positive term (a word or a phrase) has a bit. Its expansions are
//! visited best first (exact, prefix, fewer typos, more frequent), and the
//! postings of each add the term to the units that do not have it yet, so
//! that a unit records its best match of every term without a second pass.
//! Scores go into one dense array indexed by unit: a few bytes per unit,
//! touched only where postings point, and listed as they are first reached.
//!
//! A phrase's candidates are the units holding all its exactly matched
//! words (a merge of postings, rarest word first), each checked against the
//! positions of its words. Exclusions are marked before any positive term is matched, so excluded
//! units are never scored.
//!
//! Words in more than [`Tuning::common_share`] of the units ("in", "States",
//! "persons") are not walked when the query has a rarer word: they would
//! visit nearly every unit on every keystroke and find nothing the rarer
//! words do not. Ranking looks for them in the best candidates only (the
//! "common terms" idea of Lucene's cutoff frequency). A query of common
//! words only walks them, up to [`Tuning::max_walk`] postings.

use super::expand::{expand, Expansion};
use super::index::SearchIndex;
use super::postings::Cursor;
use super::query::{ParsedQuery, Term};
use super::{MatchKind, Tuning};

// Each positive term has a bit in a `u16` mask.
const _: () = assert!(super::query::MAX_TERMS <= 16);

/// Completions kept for the word being typed at the end of a phrase.
const MAX_PHRASE_COMPLETIONS: usize = 8;

/// The unit has the term in its own text, not only in an inherited lead.
const OWN: u8 = 1;
/// The unit contains an excluded term.
const EXCLUDED: u8 = 2;
/// The unit has been listed in [`Matched::units`].
const LISTED: u8 = 4;

/// A query, expanded over the vocabulary and ready to run.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// Positive terms in query order; bit `k` of a unit's mask is term `k`.
    pub terms: Vec<PlannedTerm>,
    pub excluded: Vec<PlannedTerm>,
    /// Folded query words that match no word of the corpus.
    pub unmatched: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct PlannedTerm {
    pub phrase: bool,
    /// For each word of the term, the vocabulary words it matches.
    pub words: Vec<Vec<Expansion>>,
    /// The expansions of a word term whose postings are walked: all of
    /// them, or none for a common word in a query with rarer terms (see
    /// [`Tuning::common_share`]), which is looked for in the token streams
    /// of the best candidates only.
    pub walked: Vec<Expansion>,
    /// A phrase of common words in a query with rarer terms: checked only
    /// in the units those terms found.
    pub restricted: bool,
    /// How much the term weighs where found: the rarity of its best
    /// expansion (of all its words, for a phrase).
    pub weight: f32,
}

impl Plan {
    /// No positive term: the query browses.
    pub fn browsing(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn positive_terms(&self) -> u32 {
        self.terms.len() as u32
    }
}

/// Expands every term of the query.
pub fn plan(index: &SearchIndex, query: &ParsedQuery, tuning: &Tuning) -> Plan {
    let mut plan = Plan::default();
    for term in query.positive() {
        let planned = plan_term(index, term, tuning);
        for (word, expansions) in term.words.iter().zip(&planned.words) {
            if expansions.is_empty() && !plan.unmatched.contains(word) {
                plan.unmatched.push(word.clone());
            }
        }
        plan.terms.push(planned);
    }
    for term in query.negative() {
        plan.excluded.push(plan_term(index, term, tuning));
    }
    // Common words are left out of the walk when some term is rarer: they
    // would list nearly every unit and add nothing to what is found.
    let cutoff = tuning.common_share * index.units.len() as f32;
    let rare = |e: &Expansion| index.vocabulary.df(e.word) as f32 <= cutoff;
    // A word is as common as its best match (its typos and rarer
    // completions follow it); a phrase, as its rarest word.
    let common = |t: &PlannedTerm| {
        let mut best = t.words.iter().filter_map(|w| w.first());
        if t.phrase {
            best.all(|e| !rare(e))
        } else {
            best.any(|e| !rare(e))
        }
    };
    let any_rare = plan.terms.iter().any(|t| !common(t));
    for t in &mut plan.terms {
        let deferred = any_rare && common(t);
        if t.phrase {
            t.restricted = deferred;
        } else if !deferred {
            t.walked = t.words.iter().flatten().copied().collect();
        }
    }
    keep_within_budget(index, &mut plan.terms, tuning.max_walk);
    plan
}

/// Bounds the postings walked by one search to about `budget`: the
/// rarest terms' expansions are kept first, each term's best first, and
/// an expansion that does not fit is deferred like a common word. This
/// is what keeps the first keystroke of a word fast ("i" would otherwise
/// walk "in", "including", "international"… through the whole corpus).
/// If nothing fits, the cheapest expansion is walked all the same.
fn keep_within_budget(index: &SearchIndex, terms: &mut [PlannedTerm], budget: usize) {
    let df = |e: &Expansion| index.vocabulary.df(e.word) as usize;
    let mut order: Vec<usize> = (0..terms.len())
        .filter(|&k| !terms[k].walked.is_empty())
        .collect();
    order.sort_by_key(|&k| terms[k].walked.first().map_or(0, df));
    let mut spent = 0usize;
    let mut kept: Vec<Vec<Expansion>> = vec![Vec::new(); terms.len()];
    for &k in &order {
        for e in &terms[k].walked {
            if spent + df(e) <= budget {
                spent += df(e);
                kept[k].push(*e);
            }
        }
    }
    if spent == 0 {
        let cheapest = order
            .iter()
            .flat_map(|&k| terms[k].walked.iter().map(move |e| (df(e), k, *e)))
            .min_by_key(|x| x.0);
        if let Some((_, k, e)) = cheapest {
            kept[k].push(e);
        }
    }
    for &k in &order {
        terms[k].walked = std::mem::take(&mut kept[k]);
    }
}

fn plan_term(index: &SearchIndex, term: &Term, tuning: &Tuning) -> PlannedTerm {
    let v = &index.vocabulary;
    let last = term.words.len().saturating_sub(1);
    let words: Vec<Vec<Expansion>> = term
        .words
        .iter()
        .enumerate()
        .map(|(k, w)| {
            let typing = term.typing && k == last;
            let mut e = expand(v, w, typing, tuning);
            if term.phrase || term.negated {
                // Phrases and exclusions are exact; a phrase's last word
                // may still be being typed, and is checked at every
                // candidate, so it keeps only its commonest completions.
                e.retain(|x| x.kind != MatchKind::Typo);
                e.truncate(MAX_PHRASE_COMPLETIONS);
            }
            e
        })
        .collect();
    let idf = |e: &Expansion| idf(index, v.df(e.word));
    // A quoted single word is a word matched exactly (or as typed).
    let phrase = term.phrase && words.len() > 1;
    let weight = if phrase {
        words.iter().filter_map(|w| w.first()).map(idf).sum()
    } else {
        words.iter().flatten().map(idf).next().unwrap_or(0.0)
    };
    PlannedTerm {
        phrase,
        words,
        walked: Vec::new(),
        restricted: false,
        weight,
    }
}

/// Inverse document frequency (the BM25 form): rare words weigh more.
pub fn idf(index: &SearchIndex, df: u32) -> f32 {
    let n = index.units.len() as f32;
    let df = df as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// What a unit has matched so far.
#[derive(Clone, Copy, Debug, Default)]
pub struct Acc {
    pub score: f32,
    /// Bit `k`: term `k` found.
    pub mask: u16,
    /// Typos summed over the best match of each term found.
    pub typos: u8,
    flags: u8,
}

/// The units that match at least one positive term in their own text
/// (every paragraph when browsing), not excluded.
pub struct Matched {
    /// Indexed by unit.
    pub acc: Vec<Acc>,
    /// Matching units: in document order when browsing, otherwise in the
    /// order first reached.
    pub units: Vec<u32>,
}

/// Runs the plan over the postings.
pub fn run(index: &SearchIndex, plan: &Plan, tuning: &Tuning) -> Matched {
    let n = index.units.len();
    let mut acc = if plan.browsing() && plan.excluded.is_empty() {
        Vec::new()
    } else {
        vec![Acc::default(); n]
    };
    for term in &plan.excluded {
        exclude(index, term, &mut acc);
    }
    if plan.browsing() {
        let units = (0..n as u32)
            .filter(|&u| index.units.is_paragraph(u))
            .filter(|&u| acc.get(u as usize).is_none_or(|a| a.flags & EXCLUDED == 0))
            .collect();
        return Matched { acc, units };
    }
    let mut units = Vec::new();
    let scorer = Scorer::new(index, tuning);
    // Word terms, then phrases, then phrases restricted to what the others
    // found; the bit of each term stays its place in the query.
    let mut order: Vec<usize> = (0..plan.terms.len()).collect();
    order.sort_by_key(|&k| (plan.terms[k].phrase, plan.terms[k].restricted));
    let mut restrict: Vec<u32> = Vec::new();
    for k in order {
        let term = &plan.terms[k];
        let bit = 1u16 << k;
        if term.restricted && restrict.is_empty() {
            restrict.clone_from(&units);
            restrict.sort_unstable();
        }
        let mut add = |unit: u32, tf: u32, in_lead: bool, typos: u8, quality: f32, weight: f32| {
            let Some(a) = acc.get_mut(unit as usize) else {
                return;
            };
            if a.flags & EXCLUDED != 0 {
                return;
            }
            if tf > 0 {
                a.flags |= OWN;
            }
            if a.mask & bit != 0 {
                return;
            }
            if a.flags & LISTED == 0 {
                a.flags |= LISTED;
                units.push(unit);
            }
            a.mask |= bit;
            a.typos = a.typos.saturating_add(typos);
            a.score += scorer.score(unit, tf, in_lead, quality, weight);
        };
        if term.phrase {
            let within = term.restricted.then_some(restrict.as_slice());
            for m in phrase_matches(index, term, within) {
                add(
                    m.unit,
                    m.count,
                    m.in_lead,
                    0,
                    m.quality(tuning),
                    term.weight,
                );
            }
            continue;
        }
        for e in &term.walked {
            let quality = tuning.quality(e.kind, e.typos);
            let weight = idf(index, index.vocabulary.df(e.word));
            for p in index.postings.of(e.word) {
                add(p.unit, p.tf, p.in_lead, e.typos, quality, weight);
            }
        }
    }
    units.retain(|&u| acc.get(u as usize).is_some_and(|a| a.flags & OWN != 0));
    Matched { acc, units }
}

/// The score a term adds to a unit where it is found: BM25 with a bonus
/// for the lead phrase.
pub struct Scorer<'i> {
    index: &'i SearchIndex,
    tuning: &'i Tuning,
}

impl<'i> Scorer<'i> {
    pub fn new(index: &'i SearchIndex, tuning: &'i Tuning) -> Self {
        Scorer { index, tuning }
    }

    pub fn score(&self, unit: u32, tf: u32, in_lead: bool, quality: f32, weight: f32) -> f32 {
        let t = self.tuning;
        let tf = tf as f32;
        let length = self.index.units.length(unit) as f32 / self.index.average_length;
        let saturated = tf * (t.k1 + 1.0) / (tf + t.k1 * (1.0 - t.b + t.b * length));
        let lead = if in_lead { t.lead } else { 0.0 };
        quality * weight * (saturated + lead)
    }
}

fn exclude(index: &SearchIndex, term: &PlannedTerm, acc: &mut [Acc]) {
    let mut mark = |unit: u32| {
        if let Some(a) = acc.get_mut(unit as usize) {
            a.flags |= EXCLUDED;
        }
    };
    if term.phrase {
        phrase_matches(index, term, None)
            .iter()
            .for_each(|m| mark(m.unit));
        return;
    }
    for e in term.words.iter().flatten() {
        index.postings.of(e.word).for_each(|p| mark(p.unit));
    }
}

/// A unit where a phrase occurs in the unit's own text.
#[derive(Clone, Copy, Debug)]
pub struct PhraseMatch {
    pub unit: u32,
    /// Occurrences counted: 1, the first (see `first_occurrence`).
    pub count: u32,
    /// An occurrence starts in the lead phrase.
    pub in_lead: bool,
    /// The last word was matched only as a prefix.
    pub prefix: bool,
}

impl PhraseMatch {
    fn quality(&self, tuning: &Tuning) -> f32 {
        let kind = if self.prefix {
            MatchKind::Prefix
        } else {
            MatchKind::Exact
        };
        tuning.quality(kind, 0)
    }
}

/// The units whose own text contains the phrase, in document order; only
/// among `within` (sorted) when given.
pub fn phrase_matches(
    index: &SearchIndex,
    term: &PlannedTerm,
    within: Option<&[u32]>,
) -> Vec<PhraseMatch> {
    if term.words.is_empty() || term.words.iter().any(Vec::is_empty) {
        return Vec::new();
    }
    let df = |w: &Vec<Expansion>| -> u64 {
        w.iter()
            .map(|e| u64::from(index.vocabulary.df(e.word)))
            .sum()
    };
    // Candidates come from the exactly matched words, rarest first; a word
    // still being typed, with its many completions, is left to the check.
    let mut order: Vec<usize> = (0..term.words.len())
        .filter(|&k| term.words[k].iter().all(|e| e.kind == MatchKind::Exact))
        .collect();
    if order.is_empty() {
        order = (0..term.words.len()).collect();
    }
    order.sort_by_key(|&k| df(&term.words[k]));
    // The rarest word's units are the candidates; at each, the other words
    // are sought in the same order, so a missing one ends the check early.
    let candidates = match within {
        Some(units) => units.to_vec(),
        None => units_with(index, &term.words[order[0]]),
    };
    let typed: Vec<usize> = (0..term.words.len())
        .filter(|k| !order.contains(k))
        .collect();
    order.extend(typed);
    let mut cursors: Vec<Vec<(Cursor<'_>, MatchKind)>> = term
        .words
        .iter()
        .map(|w| {
            w.iter()
                .map(|e| (index.postings.cursor(e.word), e.kind))
                .collect()
        })
        .collect();
    // Per word: positions in the unit, each with whether it was a prefix.
    let mut positions: Vec<Vec<(u32, bool)>> = vec![Vec::new(); term.words.len()];
    let mut out = Vec::new();
    'units: for unit in candidates {
        for &k in &order {
            let at = &mut positions[k];
            let word = &mut cursors[k];
            at.clear();
            for (cursor, kind) in word.iter_mut() {
                if cursor.seek(unit) {
                    cursor.positions(at, *kind == MatchKind::Prefix);
                }
            }
            if at.is_empty() {
                continue 'units;
            }
            if word.len() > 1 {
                at.sort_unstable();
            }
        }
        if let Some((start, prefix)) = first_occurrence(&positions) {
            // The phrase starts in the lead phrase only if its first word
            // is in the lead, which the postings say: the token stream
            // (for the lead's length) is read only then. A split index
            // would otherwise fetch the stream of every unit with the
            // phrase.
            let first_in_lead = cursors[0].iter().any(|(c, _)| c.is_in_lead_at(unit));
            out.push(PhraseMatch {
                unit,
                count: 1,
                in_lead: first_in_lead && start < index.tokens.lead_words(unit),
                prefix,
            });
        }
    }
    out
}

/// Where the phrase first starts, given each word's positions, and whether
/// a word was matched only as a prefix there. Counting further occurrences
/// would add little to the score.
fn first_occurrence(positions: &[Vec<(u32, bool)>]) -> Option<(u32, bool)> {
    let (first, rest) = positions.split_first()?;
    'starts: for &(start, mut prefix) in first {
        for (k, at) in rest.iter().enumerate() {
            let want = start + k as u32 + 1;
            let from = at.partition_point(|&(p, _)| p < want);
            match at.get(from) {
                Some(&(p, is_prefix)) if p == want => prefix |= is_prefix,
                _ => continue 'starts,
            }
        }
        return Some((start, prefix));
    }
    None
}

/// The units whose own text has one of the words, in order.
fn units_with(index: &SearchIndex, expansions: &[Expansion]) -> Vec<u32> {
    let mut units: Vec<u32> = Vec::new();
    for e in expansions {
        units.extend(
            index
                .postings
                .of(e.word)
                .filter(|p| p.tf > 0)
                .map(|p| p.unit),
        );
    }
    if expansions.len() > 1 {
        units.sort_unstable();
        units.dedup();
    }
    units
}
