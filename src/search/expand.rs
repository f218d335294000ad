//! Expanding a query word over the vocabulary: the word itself, the words
//! it begins (while it is being typed) and the words within a few typos.
//!
//! Prefixes come from the alphabetical order in one binary search. Typos
//! are found by walking the same order as a trie with a bounded edit
//! distance: a table row per distinct prefix, and a whole run of words
//! skipped as soon as their common prefix is out of reach. The distance
//! counts a swap of two neighbouring letters as one edit
//! ("traffikcing"). A word still being typed may also carry a typo in what
//! is typed so far ("trafic" begins "trafficking" after one edit).

use super::vocabulary::Vocabulary;
use super::{MatchKind, Tuning};

/// Query words longer than this (in characters) are matched exactly or by
/// prefix only: no corpus word is that long by accident.
const MAX_TYPO_WORD: usize = 32;

/// A vocabulary word that a query word matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expansion {
    pub word: u32,
    pub kind: MatchKind,
    /// Edits between the query word and the word (or its prefix).
    pub typos: u8,
}

/// The words that `word` (folded) matches, best first: exact, then prefix
/// completions, then by number of typos; among equals, frequent first.
/// `typing` says the word is the one still being typed.
pub fn expand(
    vocabulary: &Vocabulary,
    word: &str,
    typing: bool,
    tuning: &Tuning,
) -> Vec<Expansion> {
    let mut out = Vec::new();
    if word.is_empty() {
        return out;
    }
    let exact = vocabulary.find(word);
    if let Some(id) = exact {
        out.push(Expansion {
            word: id,
            kind: MatchKind::Exact,
            typos: 0,
        });
    }
    if typing {
        let mut completions: Vec<u32> = vocabulary
            .with_prefix(word)
            .iter()
            .copied()
            .filter(|&w| Some(w) != exact)
            .collect();
        keep_most_frequent(
            &mut completions,
            tuning.completions_for(word.chars().count()),
        );
        out.extend(completions.into_iter().map(|w| Expansion {
            word: w,
            kind: MatchKind::Prefix,
            typos: 0,
        }));
    }
    let chars: Vec<char> = word.chars().collect();
    let allowed = tuning.typos_allowed(chars.len());
    if allowed > 0 && chars.len() <= MAX_TYPO_WORD {
        let mut typos = typo_matches(vocabulary, &chars, allowed, typing);
        typos.retain(|&(w, _)| !out.iter().any(|e| e.word == w));
        typos.sort_unstable_by_key(|&(w, d)| (d, w));
        typos.truncate(tuning.max_typo_expansions);
        out.extend(typos.into_iter().map(|(w, d)| Expansion {
            word: w,
            kind: MatchKind::Typo,
            typos: d,
        }));
    }
    out
}

/// The vocabulary words within `max_typos` edits of `word` (folded), with
/// their distance, nearest first and, among equals, most frequent first.
pub fn nearest(vocabulary: &Vocabulary, word: &str, max_typos: u8) -> Vec<(u32, u8)> {
    let chars: Vec<char> = word.chars().collect();
    if chars.is_empty() || chars.len() > MAX_TYPO_WORD {
        return Vec::new();
    }
    let mut found = typo_matches(vocabulary, &chars, max_typos, false);
    if let Some(w) = vocabulary.find(word) {
        found.push((w, 0));
    }
    found.sort_unstable_by_key(|&(w, d)| (d, w));
    found
}

/// Keeps the `max` most frequent words (ids are ranked by frequency), in
/// frequency order.
fn keep_most_frequent(words: &mut Vec<u32>, max: usize) {
    if words.len() > max {
        words.select_nth_unstable(max);
        words.truncate(max);
    }
    words.sort_unstable();
}

/// Words within `allowed` edits of `query`, or, when `typing`, whose
/// beginning is; with the number of edits, never 0.
///
/// The alphabetical order is walked as a trie: consecutive words share a
/// prefix, and the rows of the edit-distance table for that prefix are
/// kept, so each row is computed once per distinct prefix (the vocabulary
/// stores how much each word shares with the one before). When a row's
/// smallest cell exceeds the allowance, no word that extends the prefix can
/// come back within reach, and the whole run of them is passed over.
fn typo_matches(
    vocabulary: &Vocabulary,
    query: &[char],
    allowed: u8,
    typing: bool,
) -> Vec<(u32, u8)> {
    let n = query.len();
    let max = u32::from(allowed);
    let words = vocabulary.alphabetical();
    let shared = vocabulary.shared();
    let shared_at = |k: usize| usize::from(shared.get(k).copied().unwrap_or(0));
    let mut table = Table::new(query);
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let w = words[k];
        // The path is a prefix of the previous word; keep what this one
        // shares with it.
        table.rewind(shared_at(k));
        let mut pruned = false;
        for c in vocabulary.word(w).chars().skip(table.depth()) {
            let row_min = table.push(c);
            if row_min > max || (!typing && table.depth() > n + usize::from(allowed)) {
                pruned = true;
                break;
            }
        }
        let distance = if typing {
            Some(table.best_prefix_distance())
        } else if pruned {
            None
        } else {
            Some(table.distance())
        };
        let found = distance.filter(|&d| d <= max && d > 0).map(|d| d as u8);
        if let Some(d) = found {
            out.push((w, d));
        }
        k += 1;
        if pruned {
            // Every following word that extends the pruned prefix ends the
            // same way: with the same prefix distance when typing, else out
            // of reach.
            let depth = table.depth();
            while k < words.len() && shared_at(k) >= depth {
                if let (true, Some(d)) = (typing, found) {
                    out.push((words[k], d));
                }
                k += 1;
            }
        }
    }
    out
}

/// The edit-distance table of the query against a path down the trie of
/// vocabulary words: one row per character of the path.
struct Table<'q> {
    query: &'q [char],
    /// Rows of `query.len() + 1` cells, row `d` for the first `d`
    /// characters of the path.
    rows: Vec<u32>,
    path: Vec<char>,
    /// For each depth, the smallest last cell so far: the distance from the
    /// whole query to the closest prefix of the path.
    best: Vec<u32>,
}

impl<'q> Table<'q> {
    fn new(query: &'q [char]) -> Self {
        let n = query.len();
        let first: Vec<u32> = (0..=n as u32).collect();
        Table {
            query,
            best: vec![first[n]],
            rows: first,
            path: Vec::new(),
        }
    }

    fn width(&self) -> usize {
        self.query.len() + 1
    }

    /// Characters of the path.
    fn depth(&self) -> usize {
        self.path.len()
    }

    /// Keeps the first `depth` characters of the path (or all, if fewer).
    fn rewind(&mut self, depth: usize) {
        let depth = depth.min(self.path.len());
        self.path.truncate(depth);
        self.rows.truncate((depth + 1) * self.width());
        self.best.truncate(depth + 1);
    }

    /// Extends the path by `c`; returns the smallest cell of the new row.
    /// The distance counts a swap of neighbours as one edit (optimal
    /// string alignment).
    fn push(&mut self, c: char) -> u32 {
        let w = self.width();
        let d = self.path.len();
        let previous = d * w;
        let before = previous.checked_sub(w);
        let last = self.path.last().copied();
        let j = d as u32 + 1;
        self.rows.push(j);
        let mut row_min = j;
        for i in 1..w {
            let q = self.query[i - 1];
            let cost = u32::from(q != c);
            let mut v = (self.rows[previous + i] + 1)
                .min(self.rows[previous + w + i - 1] + 1)
                .min(self.rows[previous + i - 1] + cost);
            if let (Some(before), Some(last)) = (before, last) {
                if i > 1 && q == last && self.query[i - 2] == c {
                    v = v.min(self.rows[before + i - 2] + 1);
                }
            }
            self.rows.push(v);
            row_min = row_min.min(v);
        }
        self.path.push(c);
        let end = self.rows[self.rows.len() - 1];
        let best = self.best.last().copied().unwrap_or(u32::MAX).min(end);
        self.best.push(best);
        row_min
    }

    /// Distance from the query to the whole path.
    fn distance(&self) -> u32 {
        self.rows.last().copied().unwrap_or(u32::MAX)
    }

    /// Distance from the query to the closest prefix of the path.
    fn best_prefix_distance(&self) -> u32 {
        self.best.last().copied().unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(query: &str, word: &str, max: u8, prefix: bool) -> Option<u8> {
        let v = vocabulary(&[(word, 1)]);
        let q: Vec<char> = query.chars().collect();
        // Distance 0 is an exact match or a completion, found elsewhere.
        if query == word || (prefix && word.starts_with(query)) {
            return Some(0);
        }
        typo_matches(&v, &q, max, prefix).first().map(|&(_, d)| d)
    }

    fn vocabulary(words: &[(&str, u32)]) -> Vocabulary {
        Vocabulary::build(words.iter().map(|&(w, d)| (w.to_owned(), d)).collect()).0
    }

    fn expanded(v: &Vocabulary, word: &str, typing: bool) -> Vec<(String, MatchKind, u8)> {
        expand(v, word, typing, &Tuning::DEFAULT)
            .into_iter()
            .map(|e| (v.word(e.word).to_owned(), e.kind, e.typos))
            .collect()
    }

    /// The textbook table, for checking the trie walk against.
    fn reference(a: &str, b: &str) -> u32 {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut d = vec![vec![0u32; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i as u32;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j as u32;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = u32::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    proptest::proptest! {
        #[test]
        fn the_trie_walk_finds_what_the_textbook_table_finds(
            words in proptest::collection::btree_set("[abc]{1,7}", 1..40),
            query in "[abcd]{1,7}",
            typing in proptest::bool::ANY,
        ) {
            let v = Vocabulary::build(words.iter().map(|w| (w.clone(), 1)).collect()).0;
            let q: Vec<char> = query.chars().collect();
            let mut got: Vec<(String, u8)> = typo_matches(&v, &q, 2, typing)
                .into_iter()
                .map(|(w, d)| (v.word(w).to_owned(), d))
                .collect();
            got.sort();
            let expected: Vec<(String, u8)> = words
                .iter()
                .filter_map(|w| {
                    let d = if typing {
                        (0..=w.len()).map(|k| reference(&query, &w[..k])).min().unwrap_or(u32::MAX)
                    } else {
                        reference(&query, w)
                    };
                    (d > 0 && d <= 2).then(|| (w.clone(), d as u8))
                })
                .collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_substitutions_and_swaps() {
        assert_eq!(distance("trafficing", "trafficking", 2, false), Some(1));
        assert_eq!(distance("trafficking", "trafficing", 2, false), Some(1));
        assert_eq!(distance("traffikcing", "trafficking", 2, false), Some(1));
        assert_eq!(distance("persons", "persona", 1, false), Some(1));
        assert_eq!(distance("persons", "parsonx", 1, false), None);
        assert_eq!(distance("abc", "abc", 0, false), Some(0));
    }

    #[test]
    fn a_prefix_distance_measures_against_the_closest_beginning() {
        assert_eq!(distance("trafic", "trafficking", 1, true), Some(1));
        assert_eq!(distance("traf", "trafficking", 1, true), Some(0));
        assert_eq!(distance("xyzq", "trafficking", 1, true), None);
    }

    #[test]
    fn short_words_allow_no_typo_and_long_words_two() {
        let v = vocabulary(&[("law", 5), ("lay", 5), ("trafficking", 9), ("criminal", 4)]);
        assert_eq!(expanded(&v, "lax", false), []);
        assert_eq!(
            expanded(&v, "trafiking", false),
            [("trafficking".to_owned(), MatchKind::Typo, 2)]
        );
        assert_eq!(
            expanded(&v, "crminal", false),
            [("criminal".to_owned(), MatchKind::Typo, 1)]
        );
    }

    #[test]
    fn the_word_being_typed_expands_to_its_completions_after_itself() {
        let v = vocabulary(&[("ratify", 1), ("ratifying", 3), ("ratification", 2)]);
        assert_eq!(
            expanded(&v, "ratify", true),
            [
                ("ratify".to_owned(), MatchKind::Exact, 0),
                ("ratifying".to_owned(), MatchKind::Prefix, 0),
                ("ratification".to_owned(), MatchKind::Typo, 1),
            ]
        );
    }
}
