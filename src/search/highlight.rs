//! Highlights: the byte ranges of the words that matched, for `<mark>`.
//!
//! Read from the unit's token stream, so they are exactly the words the
//! search matched: every expansion of a query word (exact, completion or
//! typo) and the words of each occurrence of a phrase.

use super::expand::Expansion;
use super::index::SearchIndex;
use super::matching::Plan;
use super::{Highlight, MatchKind};
use crate::model::Span;

/// Finds the words to mark in the hits of one search.
pub struct Highlighter<'i> {
    index: &'i SearchIndex,
    /// Expansions of the word terms, sorted by word.
    words: Vec<(u32, MatchKind)>,
    /// For each phrase, its words' expansions, each sorted by word.
    phrases: Vec<Vec<Vec<(u32, MatchKind)>>>,
}

fn sorted(expansions: &[Expansion]) -> Vec<(u32, MatchKind)> {
    let mut v: Vec<(u32, MatchKind)> = expansions.iter().map(|e| (e.word, e.kind)).collect();
    v.sort_unstable_by_key(|x| x.0);
    v
}

fn find(set: &[(u32, MatchKind)], word: u32) -> Option<MatchKind> {
    set.binary_search_by_key(&word, |x| x.0)
        .ok()
        .map(|k| set[k].1)
}

impl<'i> Highlighter<'i> {
    pub fn new(index: &'i SearchIndex, plan: &Plan) -> Self {
        let mut words = Vec::new();
        let mut phrases = Vec::new();
        for term in &plan.terms {
            if term.phrase {
                phrases.push(term.words.iter().map(|w| sorted(w)).collect());
            } else {
                words.extend(term.words.iter().flat_map(|w| sorted(w)));
            }
        }
        // Where a word matches several terms, keep its closest match.
        words.sort_unstable_by_key(|&(w, kind)| (w, closeness(kind)));
        words.dedup_by_key(|x| x.0);
        Highlighter {
            index,
            words,
            phrases,
        }
    }

    /// The words to mark in `unit`'s own text, in text order.
    pub fn highlights(&self, unit: u32) -> Vec<Highlight> {
        let mut tokens: Vec<(u32, Span)> = Vec::new();
        let mut it = self.index.tokens.of(unit);
        while let Some(t) = it.next_with(&self.index.vocabulary) {
            if let Some(span) = t.span {
                tokens.push((t.word, span));
            }
        }
        let mut marks: Vec<Option<MatchKind>> =
            tokens.iter().map(|&(w, _)| find(&self.words, w)).collect();
        for phrase in &self.phrases {
            let len = phrase.len();
            if len == 0 || tokens.len() < len {
                continue;
            }
            for start in 0..=tokens.len() - len {
                let kinds: Option<Vec<MatchKind>> = phrase
                    .iter()
                    .enumerate()
                    .map(|(k, set)| find(set, tokens[start + k].0))
                    .collect();
                if let Some(kinds) = kinds {
                    for (k, kind) in kinds.into_iter().enumerate() {
                        let m = &mut marks[start + k];
                        *m = Some(m.map_or(kind, |old| better(old, kind)));
                    }
                }
            }
        }
        tokens
            .iter()
            .zip(marks)
            .filter_map(|(&(_, span), kind)| kind.map(|kind| Highlight { span, kind }))
            .collect()
    }
}

/// 0 for the closest kind of match.
fn closeness(kind: MatchKind) -> u8 {
    match kind {
        MatchKind::Exact => 0,
        MatchKind::Prefix => 1,
        MatchKind::Typo => 2,
    }
}

/// The closer of two kinds of match.
fn better(a: MatchKind, b: MatchKind) -> MatchKind {
    if closeness(b) < closeness(a) {
        b
    } else {
        a
    }
}
