//! The query language: words, `"quoted phrases"` and `-exclusions`.
//!
//! ```text
//! query   = { space } , { item , { space } } ;
//! item    = [ "-" ] , ( phrase | word ) ;
//! phrase  = quote , { any but quote } , [ quote ] ;   (* unclosed: runs to the end *)
//! word    = { any but space or quote } ;
//! ```
//!
//! Quotes may be straight or curly. A word that folds into several words
//! ("awareness-raising", "33/1") is taken as a phrase of them. The last item
//! is still being typed unless the query ends with a space or a closing
//! quote, so its last word also matches as a prefix. Anything else (stray
//! minus signs, emoji, punctuation) is ignored: every string is a query.
//!
//! ```
//! use clause_explorer::search::query::{parse, Term};
//! let q = parse(r#"urges "supply chains" -smuggling ratif"#);
//! assert_eq!(q.terms, [
//!     Term { words: vec!["urges".into()], phrase: false, negated: false, typing: false },
//!     Term { words: vec!["supply".into(), "chains".into()], phrase: true, negated: false, typing: false },
//!     Term { words: vec!["smuggling".into()], phrase: false, negated: true, typing: false },
//!     Term { words: vec!["ratif".into()], phrase: false, negated: false, typing: true },
//! ]);
//! ```

use super::tokenize::words;

/// Items kept from one query; the rest are ignored, so that a pasted page
/// of text cannot make one keystroke slow.
pub const MAX_TERMS: usize = 16;
/// Words kept from one phrase.
pub const MAX_PHRASE_WORDS: usize = 16;

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    pub terms: Vec<Term>,
}

/// One word or phrase of a query, folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// One word, or the words of a phrase.
    pub words: Vec<String>,
    /// The words must appear consecutively, exactly.
    pub phrase: bool,
    /// Units containing the term are left out.
    pub negated: bool,
    /// The last word is still being typed: it also matches as a prefix.
    pub typing: bool,
}

impl ParsedQuery {
    /// The terms that units must match (not excluded).
    pub fn positive(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| !t.negated)
    }

    pub fn negative(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| t.negated)
    }
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}'
    )
}

/// Parses a query string. Never fails.
pub fn parse(text: &str) -> ParsedQuery {
    let mut terms: Vec<Term> = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() || terms.len() >= MAX_TERMS {
            break;
        }
        let mut negated = false;
        if let Some(r) = rest.strip_prefix('-') {
            negated = true;
            rest = r;
        }
        let (raw, quoted, open, after) = match rest.chars().next() {
            Some(q) if is_quote(q) => {
                let body = &rest[q.len_utf8()..];
                match body.find(is_quote) {
                    Some(end) => {
                        let close = body[end..].chars().next().map_or(1, char::len_utf8);
                        (&body[..end], true, false, &body[end + close..])
                    }
                    None => (body, true, true, ""),
                }
            }
            _ => {
                let end = rest
                    .find(|c: char| c.is_whitespace() || is_quote(c))
                    .unwrap_or(rest.len());
                (&rest[..end], false, true, &rest[end..])
            }
        };
        rest = after;
        let mut folded: Vec<String> = words(raw).into_iter().map(|w| w.text).collect();
        folded.truncate(MAX_PHRASE_WORDS);
        if folded.is_empty() {
            continue;
        }
        // Still being typed: the item runs to the end of the query.
        let typing = open && after.is_empty() && !negated;
        terms.push(Term {
            phrase: quoted || folded.len() > 1,
            words: folded,
            negated,
            typing,
        });
    }
    ParsedQuery { terms }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(words: &[&str], phrase: bool, negated: bool, typing: bool) -> Term {
        Term {
            words: words.iter().map(|w| (*w).to_owned()).collect(),
            phrase,
            negated,
            typing,
        }
    }

    #[test]
    fn the_last_word_is_being_typed_unless_a_space_follows() {
        assert_eq!(
            parse("supply ch").terms[1],
            term(&["ch"], false, false, true)
        );
        assert_eq!(
            parse("supply ch ").terms[1],
            term(&["ch"], false, false, false)
        );
    }

    #[test]
    fn a_quoted_phrase_matches_its_words_in_order() {
        let src = "\u{201c}supply chains\u{201d} business";
        let expected = vec![
            term(&["supply", "chains"], true, false, false),
            term(&["business"], false, false, true),
        ];
        let got = parse(src).terms;
        assert_eq!(got, expected);
    }

    #[test]
    fn an_unclosed_phrase_runs_to_the_end_and_is_being_typed() {
        assert_eq!(
            parse("\"consider rat").terms,
            [term(&["consider", "rat"], true, false, true)]
        );
    }

    #[test]
    fn a_minus_excludes_a_word_or_a_phrase() {
        assert_eq!(
            parse("trafficking -\"drug trafficking\" -smuggling ").terms,
            [
                term(&["trafficking"], false, false, false),
                term(&["drug", "trafficking"], true, true, false),
                term(&["smuggling"], false, true, false),
            ]
        );
    }

    #[test]
    fn a_hyphenated_word_is_a_phrase() {
        assert_eq!(
            parse("awareness-raising ").terms,
            [term(&["awareness", "raising"], true, false, false)]
        );
    }

    #[test]
    fn stray_signs_and_emoji_are_ignored() {
        assert_eq!(parse("- -- \" \u{1F600} ,;").terms, []);
        assert_eq!(parse("").terms, []);
    }

    #[test]
    fn a_flood_of_items_is_cut_to_the_maximum() {
        let src = "word ".repeat(1000);
        assert_eq!(parse(&src).terms.len(), MAX_TERMS);
    }
}
