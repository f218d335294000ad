//! Words as search sees them: the same rule for the corpus and the query.
//!
//! A word is a run of letters and digits. It is folded so that what a
//! drafter types finds what was printed: lower case, diacritics dropped
//! ("Côte" → "cote"), a few letters spelled out ("ß" → "ss"). Hyphens and
//! slashes separate words, so "awareness-raising" is two words and the
//! query "awareness raising" finds it. Apostrophes, straight or curly,
//! separate words too, and a possessive "s" after one is dropped:
//! "traffickers’ use" and "traffickers' use" both read "traffickers use".
//!
//! ```
//! use clause_explorer::search::tokenize::words;
//! let got: Vec<(String, usize, usize)> = words("Côte d’Ivoire’s awareness-raising")
//!     .into_iter()
//!     .map(|w| (w.text, w.start, w.end))
//!     .collect();
//! assert_eq!(got, [
//!     ("cote".to_owned(), 0, 5),
//!     ("d".to_owned(), 6, 7),
//!     ("ivoire".to_owned(), 10, 16),
//!     ("awareness".to_owned(), 21, 30),
//!     ("raising".to_owned(), 31, 38),
//! ]);
//! ```

use super::fold::{fold_latin, is_combining_mark};

/// A word of a text: its folded form and its byte range in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Folded: lower case, no diacritics.
    pub text: String,
    /// Byte offset of the first character in the source text.
    pub start: usize,
    /// Byte offset just past the last character in the source text.
    pub end: usize,
}

/// The words of `text`, folded, with their byte ranges.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for_each_word(text, |folded, start, end| {
        out.push(Word {
            text: folded.to_owned(),
            start,
            end,
        });
    });
    out
}

/// Calls `f(folded, start, end)` for each word of `text`, reusing one
/// buffer so that indexing a large corpus allocates nothing per word.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, usize, usize)) {
    let mut folded = String::new();
    let mut start: Option<usize> = None;
    let mut skip_possessive = false;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if skip_possessive {
            skip_possessive = false;
            let next_is_word = chars.peek().is_some_and(|&(_, n)| is_word_char(n));
            if (c == 's' || c == 'S') && !next_is_word {
                continue;
            }
        }
        if is_word_char(c) {
            if start.is_none() {
                start = Some(at);
            }
            fold_char(c, &mut folded);
            continue;
        }
        if let Some(s) = start.take() {
            emit(&mut folded, s, at, &mut f);
            skip_possessive = is_apostrophe(c);
        }
    }
    if let Some(s) = start {
        emit(&mut folded, s, text.len(), &mut f);
    }
}

fn emit(folded: &mut String, start: usize, end: usize, f: &mut impl FnMut(&str, usize, usize)) {
    // A word made only of combining marks folds to nothing.
    if !folded.is_empty() {
        f(folded, start, end);
    }
    folded.clear();
}

/// Folds a query word or phrase the way the corpus is folded, joining its
/// words with single spaces: "Côte d’Ivoire" → "cote d ivoire".
pub fn fold(text: &str) -> String {
    let mut out = String::new();
    for_each_word(text, |w, _, _| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{2032}')
}

/// Appends the folded form of one character of a word: lower case, and
/// Latin letters without their diacritics (see [`super::fold`]).
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        if is_combining_mark(lower) {
            continue;
        }
        match fold_latin(lower) {
            Some(folded) => out.push_str(folded),
            None => out.push(lower),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn case_and_diacritics_fold_away() {
        assert_eq!(
            folded("São Tomé, CÔTE, Türkiye, Straße"),
            ["sao", "tome", "cote", "turkiye", "strasse"]
        );
    }

    #[test]
    fn curly_and_straight_apostrophes_read_the_same() {
        assert_eq!(
            folded("traffickers’ use"),
            folded("traffickers' use"),
            "curly vs straight"
        );
        assert_eq!(folded("the victims’ family"), ["the", "victims", "family"]);
        assert_eq!(folded("a child’s rights"), ["a", "child", "rights"]);
    }

    #[test]
    fn hyphens_and_slashes_separate_words() {
        assert_eq!(
            folded("awareness-raising E/CN.15/2024/9"),
            ["awareness", "raising", "e", "cn", "15", "2024", "9"]
        );
    }

    #[test]
    fn byte_ranges_point_into_the_source_text() {
        let src = "Noting “trafficking in persons”,";
        for w in words(src) {
            assert_eq!(fold(&src[w.start..w.end]), w.text);
        }
    }

    #[test]
    fn decomposed_text_folds_like_composed_text() {
        assert_eq!(folded("Cote\u{0301}"), folded("Coté"));
    }

    #[test]
    fn marks_alone_make_no_word() {
        assert_eq!(folded("\u{0301}\u{0301} x"), ["x"]);
    }
}
