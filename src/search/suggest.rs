//! "Did you mean": for a query word that matches nothing, the nearest words
//! of the corpus.
//!
//! First the words within three edits (one more than matching allows),
//! nearest and then most frequent first. Then, for words typed as
//! abbreviations or with letters left out ("intl", "trfckng"), which no
//! small number of edits reaches, the `fuzzy-matcher` crate's skim scorer:
//! subsequence matching is what it is good at, and over single vocabulary
//! words, unlike over whole clauses, a subsequence match is a fair guess.
//! Only words that begin with the same letter and are longer are scored, to
//! keep the scan short.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use super::expand::nearest;
use super::index::SearchIndex;
use super::matching::Plan;
use super::{Suggestion, Tuning};

/// Edits allowed between a word and a suggestion.
const MAX_SUGGESTION_TYPOS: u8 = 3;

/// Suggestions for the query words that match no corpus word.
pub fn suggestions(index: &SearchIndex, plan: &Plan, tuning: &Tuning) -> Vec<Suggestion> {
    if tuning.max_suggestions == 0 {
        return Vec::new();
    }
    plan.unmatched
        .iter()
        .map(|word| Suggestion {
            word: word.clone(),
            instead: suggest(index, word, tuning.max_suggestions),
        })
        .filter(|s| !s.instead.is_empty())
        .collect()
}

fn suggest(index: &SearchIndex, word: &str, max: usize) -> Vec<String> {
    let v = &index.vocabulary;
    let mut ids: Vec<u32> = nearest(v, word, MAX_SUGGESTION_TYPOS)
        .into_iter()
        .map(|(w, _)| w)
        .take(max)
        .collect();
    if ids.len() < max {
        let matcher = SkimMatcherV2::default();
        let letters = word.chars().count();
        let first = word.chars().next();
        let mut scored: Vec<(i64, u32)> = v
            .of_length(letters + 1, usize::MAX)
            .iter()
            .filter(|&&w| v.word(w).chars().next() == first && !ids.contains(&w))
            .filter_map(|&w| matcher.fuzzy_match(v.word(w), word).map(|s| (s, w)))
            .collect();
        scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        ids.extend(scored.into_iter().map(|(_, w)| w).take(max - ids.len()));
    }
    ids.into_iter().map(|w| v.word(w).to_owned()).collect()
}
