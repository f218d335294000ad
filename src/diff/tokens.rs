//! Tokens: what a comparison is made of.
//!
//! A token is a word, one punctuation character or a sub-paragraph label.
//! Whitespace is not a token: each token only records whether a space was
//! printed before it, so that a change of spacing or a line break is never
//! a change of language, yet each side can be shown as it reads.
//!
//! A word is a run of letters and digits, kept whole across an inner
//! hyphen or apostrophe ("capacity-building", "children's") and across the
//! separators of a number or symbol ("71/167", "2,500", "5.2"). Any other
//! character is punctuation, one token each, so that "States," and
//! "States;" share the word "States" and differ only in the punctuation.

use std::borrow::Cow;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits, with inner joiners.
    Word,
    /// One character that is neither a letter, a digit nor whitespace.
    Punctuation,
    /// A sub-paragraph label such as "(a)", only in whole-paragraph diffs.
    Label,
}

/// One token of a text, borrowed from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// The token as printed.
    pub text: Cow<'a, str>,
    pub kind: Kind,
    /// Whether whitespace was printed before the token.
    pub space_before: bool,
    /// Whether this is the first word of a paragraph or sub-paragraph,
    /// capitalised because of where it stands.
    pub initial: bool,
}

/// Appends the tokens of `text` to `out`. The first word is marked
/// [`Token::initial`]; when `space_before` is set, the first token is
/// marked as following a space.
pub(crate) fn push_tokens<'a>(text: &'a str, space_before: bool, out: &mut Vec<Token<'a>>) {
    let mut seen_word = false;
    for (i, (token, kind, space)) in scan(text).enumerate() {
        let initial = kind == Kind::Word && !seen_word;
        seen_word |= kind == Kind::Word;
        out.push(Token {
            text: Cow::Borrowed(token),
            kind,
            space_before: space || (i == 0 && space_before),
            initial,
        });
    }
}

/// The tokens of `text`, as printed: words, punctuation characters.
///
/// ```
/// use clause_explorer::diff::tokens;
/// assert_eq!(
///     tokens("Member States, in resolution 71/167 of the “Global Plan”;"),
///     ["Member", "States", ",", "in", "resolution", "71/167", "of", "the", "“", "Global", "Plan", "”", ";"],
/// );
/// ```
pub fn tokens(text: &str) -> Vec<&str> {
    scan(text).map(|(token, _, _)| token).collect()
}

/// Calls `f` with each word of `text` (punctuation left out), as printed.
/// The word rule is the same as for diff tokens.
pub(crate) fn for_each_word<'a>(text: &'a str, mut f: impl FnMut(&'a str)) {
    scan(text)
        .filter(|&(_, kind, _)| kind == Kind::Word)
        .for_each(|(word, _, _)| f(word));
}

/// The tokens of `text`: each with its kind and whether whitespace comes
/// before it.
fn scan(text: &str) -> impl Iterator<Item = (&str, Kind, bool)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let trimmed = match rest.as_bytes().first() {
            Some(b) if b.is_ascii_graphic() => rest,
            _ => rest.trim_start(),
        };
        let space = trimmed.len() < rest.len();
        let first = *trimmed.as_bytes().first()?;
        let (len, kind) = if first.is_ascii_alphanumeric() {
            (word_len(trimmed), Kind::Word)
        } else if first.is_ascii() {
            (1, Kind::Punctuation)
        } else {
            let c = trimmed.chars().next()?;
            if c.is_alphanumeric() {
                (word_len(trimmed), Kind::Word)
            } else {
                (c.len_utf8(), Kind::Punctuation)
            }
        };
        let (token, tail) = trimmed.split_at(len);
        rest = tail;
        Some((token, kind, space))
    })
}

/// The byte length of the word at the start of `s`, which starts with a
/// letter or digit.
fn word_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut end = 0;
    let mut prev_digit = false;
    while i < bytes.len() {
        // ASCII letters and digits, the bulk of the corpus, byte by byte.
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            prev_digit = b.is_ascii_digit();
            i += 1;
            end = i;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if c.is_alphanumeric() {
            prev_digit = c.is_numeric();
            i += len;
            end = i;
            continue;
        }
        let joins = match s[i + len..].chars().next() {
            Some(n) if n.is_alphanumeric() => {
                is_inner_joiner(c) || (prev_digit && n.is_numeric() && is_number_separator(c))
            }
            _ => false,
        };
        if !joins {
            break;
        }
        i += len;
    }
    end
}

/// Characters that keep a word whole between two letters or digits:
/// hyphens and apostrophes.
fn is_inner_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}')
}

/// Characters that keep a number or symbol whole between two digits.
fn is_number_separator(c: char) -> bool {
    matches!(c, '/' | '.' | ',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_is_split_from_the_word_it_follows() {
        assert_eq!(tokens("States, and"), ["States", ",", "and"]);
        assert_eq!(tokens("States;"), ["States", ";"]);
    }

    #[test]
    fn hyphenated_and_possessive_words_stay_whole() {
        assert_eq!(
            tokens("capacity-building children's traffickers' use"),
            ["capacity-building", "children's", "traffickers", "'", "use"]
        );
    }

    #[test]
    fn numbers_and_symbols_stay_whole_but_a_comma_after_a_number_is_punctuation() {
        assert_eq!(
            tokens("resolutions 71/167 and 2,500 of 2016, 5.2"),
            [
                "resolutions",
                "71/167",
                "and",
                "2,500",
                "of",
                "2016",
                ",",
                "5.2"
            ]
        );
    }

    #[test]
    fn only_the_first_word_is_initial_and_spacing_is_recorded() {
        let mut got = Vec::new();
        push_tokens("“Urges  States,\nto", false, &mut got);
        let flags: Vec<(&str, bool, bool)> = got
            .iter()
            .map(|t| (t.text.as_ref(), t.initial, t.space_before))
            .collect();
        assert_eq!(
            flags,
            [
                ("“", false, false),
                ("Urges", true, false),
                ("States", false, true),
                (",", false, false),
                ("to", false, true)
            ]
        );
    }

    #[test]
    fn words_leave_out_punctuation() {
        let mut got = Vec::new();
        for_each_word("(a) To act, inter alia;", |w| got.push(w));
        assert_eq!(got, ["a", "To", "act", "inter", "alia"]);
    }
}
