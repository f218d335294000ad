//! Resolutions and decisions cited in running text: "its resolution 5/2",
//! "General Assembly resolution 70/1 of 25 September 2015", "Human Rights
//! Council resolutions 5/1 and 5/2 of 18 June 2007", "Security Council
//! resolution 2331 (2016)", "decision 33/1", "resolutions 64/293, 72/1 and
//! 76/7", "Council resolution 2019/18".
//!
//! A reference is the word "resolution(s)" or "decision(s)" followed by a
//! symbol ([`super::symbol`]); without a symbol ("the present resolution",
//! "paragraph 5/2", "decision-making") there is none. Whose it is, read
//! from the words before the keyword:
//! - a body's name ("General Assembly", "the Human Rights Council"): that
//!   body, also before "in its" ("the General Assembly, in its resolution");
//! - "its": the body that adopted the citing text;
//! - "Assembly", "Council", "Commission", "Conference" alone: the last body
//!   of that kind the text named, else the citing body if it is one, else
//!   (for "Assembly") the General Assembly;
//! - nothing: by the symbol's shape ("2331 (2016)" is the Security
//!   Council's, "2021/25" the Economic and Social Council's), else the body
//!   the same clause last named, else the citing body.

use super::symbol::{symbol_at, Shape};
use super::{Cited, Context, Reference};
use crate::bodies;
use crate::model::{InstrumentKind, Span, MONTHS};

/// Names of bodies a text cites, besides the adopting bodies' table.
const FORMER_BODIES: &[(&str, &str)] = &[
    ("Commission on Human Rights", "CHR"),
    // How texts name the treaty bodies after naming their treaty.
    ("Conference of the Parties to the Convention", "UNTOC COP"),
    (
        "Conference of the States Parties to the Convention",
        "UNCAC CoSP",
    ),
];

/// Words between a body's name and "its": "the Assembly, in its
/// resolution", "the Council, by its decision".
const BRIDGES: &[&str] = &[
    "in",
    "by",
    "pursuant to",
    "under",
    "through",
    "and",
    "as requested in",
];

/// Words that open a clause or a footnote, not a body's name.
const NOT_BODY: &[&str] = &[
    "See",
    "Also",
    "Further",
    "And",
    "Under",
    "In",
    "By",
    "Pursuant",
    "Annex",
    "Recalling",
    "Reaffirming",
    "Noting",
    "Welcoming",
    "Taking",
    "Bearing",
    "Guided",
    "Recognizing",
];

/// How far before a keyword a body's name may start (the longest name in
/// the tables is 97 bytes).
const LOOKBACK: usize = 200;

/// The short names a text uses for a body it has named, or its own.
const SHORT: &[&str] = &["Assembly", "Council", "Commission", "Conference"];

pub fn instruments(text: &str, context: &Context) -> Vec<Reference> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // The last body the text named, and where: bare references inherit it
    // within a sentence.
    let mut named: Option<(String, usize)> = None;
    let mut at = 0;
    let mut keywords = Keywords::new(text);
    let mentions = mentions(text);
    while let Some((start, kind, after)) = keywords.next(at) {
        at = after;
        // The words that can name a body are the few before the keyword.
        let mut from = start.saturating_sub(LOOKBACK);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = &text[from..start];
        // Bodies the text named before, most recent first: what "the
        // Council" is.
        let mut recent: Vec<&str> = mentions
            .iter()
            .rev()
            .filter(|(at, _)| *at < start)
            .map(|(_, a)| *a)
            .collect();
        if let Some((n, at)) = &named {
            let later = mentions
                .iter()
                .rev()
                .find(|(m, _)| *m < start)
                .is_none_or(|(m, _)| m < at);
            if later {
                recent.insert(0, n.as_str());
            }
        }
        let explicit = body_before(before, context, &recent);
        if let Some(body) = &explicit {
            // Named even without a symbol: "Human Rights Council
            // resolutions, including resolutions 23/9 and 29/11".
            named = Some((body.clone(), start));
        }
        let first = match b.get(after) {
            Some(b' ') => symbol_at_checked(text, after + 1),
            _ => None,
        };
        let Some(first) = first else {
            continue;
        };
        let body = match explicit {
            Some(body) => Some(body),
            None => match first.shape {
                Shape::SecurityCouncil => Some("SC".to_owned()),
                Shape::Year => Some("ECOSOC".to_owned()),
                Shape::Roman | Shape::Emergency => Some("GA".to_owned()),
                Shape::Session => {
                    // The body last named in the sentence, with a keyword
                    // or without ("the Conference of the Parties to the
                    // Convention … taking note of resolutions 10/1").
                    let mentioned = mentions
                        .iter()
                        .rev()
                        .find(|(at, _)| *at < start)
                        .map(|(at, a)| ((*a).to_owned(), *at));
                    let latest = match (&named, mentioned) {
                        (Some(n), Some(m)) => Some(if m.1 > n.1 { m } else { n.clone() }),
                        (Some(n), None) => Some(n.clone()),
                        (None, m) => m,
                    };
                    let inherited = latest
                        .filter(|(_, at)| {
                            start - at < LOOKBACK * 2 && !text[*at..start].contains([';', '.'])
                        })
                        .map(|(n, _)| n);
                    if let Some(n) = &inherited {
                        // A list of bare references goes on inheriting.
                        named = Some((n.clone(), start));
                    }
                    inherited.or_else(|| context.body.clone())
                }
            },
        };
        // The Economic and Social Council's own symbols are years
        // ("2021/25"): "its resolution 70/125" in its text is the Assembly's.
        let body = match (body, first.shape) {
            (Some(b), Shape::Session) if b == "ECOSOC" => Some("GA".to_owned()),
            (body, _) => body,
        };
        let Some(body) = body else {
            continue;
        };
        let mut span_start = start;
        let mut symbol = first;
        loop {
            let cited = Cited::Instrument {
                body: body.clone(),
                kind,
                symbol: symbol.text.clone(),
            };
            let mut end = symbol.end;
            let (date, after_date) = date_at(text, end);
            end = after_date;
            // A title is read, but the words in it are still searched: it
            // may name a resolution ("Review of the implementation of
            // General Assembly resolution 61/16").
            let (title, after_title) = title_at(text, end);
            at = at.max(end);
            end = pinpoint(text, after_title);
            out.push(Reference {
                span: Span::new(span_start, symbol.end),
                key: cited.key(),
                what: cited,
                date,
                title,
            });
            // The list goes on: ", 72/1", " and 76/7", ", and 76/7", or
            // after what the item is about: "74/134 of 18 December 2019 on
            // the girl child and 73/148".
            let Some(next) = continuation(text, end).or_else(|| past_subject(text, end)) else {
                break;
            };
            let Some(s) = symbol_at_checked(text, next) else {
                break;
            };
            span_start = next;
            symbol = s;
        }
    }
    out
}

fn symbol_at_checked(text: &str, at: usize) -> Option<super::symbol::Symbol> {
    if at >= text.len() || !text.is_char_boundary(at) {
        return None;
    }
    symbol_at(text, at)
}

/// Finds the keywords "resolution(s)" and "decision(s)" in order. Each
/// word's next occurrence is searched once and kept until passed, so a text
/// is read in one pass however many keywords it holds.
struct Keywords<'t> {
    text: &'t str,
    next: [Option<usize>; 2],
}

const STEMS: [(&str, u8, InstrumentKind); 2] = [
    ("esolution", b'r', InstrumentKind::Resolution),
    ("ecision", b'd', InstrumentKind::Decision),
];

impl<'t> Keywords<'t> {
    fn new(text: &'t str) -> Self {
        Keywords {
            text,
            next: STEMS.map(|(stem, _, _)| text.find(stem)),
        }
    }

    /// The next keyword at or after `from`: its start, its kind and the
    /// byte after it.
    fn next(&mut self, from: usize) -> Option<(usize, InstrumentKind, usize)> {
        let b = self.text.as_bytes();
        loop {
            for (k, (stem, _, _)) in STEMS.iter().enumerate() {
                // A stem found before `from` (or before its first letter
                // could be) is searched again from there.
                while let Some(at) = self.next[k].filter(|&at| at < from + 1) {
                    self.next[k] = self.text[at + 1..].find(stem).map(|n| at + 1 + n);
                }
            }
            let (k, hit) = self
                .next
                .iter()
                .enumerate()
                .filter_map(|(k, n)| n.map(|n| (k, n)))
                .min_by_key(|&(_, n)| n)?;
            let (stem, first, kind) = STEMS[k];
            self.next[k] = self.text[hit + 1..].find(stem).map(|n| hit + 1 + n);
            let start = hit - 1;
            if b[start].to_ascii_lowercase() != first
                || (start > 0 && b[start - 1].is_ascii_alphanumeric())
            {
                continue;
            }
            let mut end = hit + stem.len();
            if b.get(end) == Some(&b's') {
                end += 1;
            }
            return Some((start, kind, end));
        }
    }
}

/// Whose instrument "… resolution" names, from the words before it.
fn body_before(before: &str, context: &Context, named: &[&str]) -> Option<String> {
    let trimmed = before.trim_end();
    if let Some(head) = strip_word(trimmed, "its") {
        // "the General Assembly, in its resolution": the named body.
        let mut head = head.trim_end();
        for bridge in BRIDGES {
            if let Some(h) = strip_word(head, bridge) {
                head = h.trim_end();
                break;
            }
        }
        let head = head.trim_end_matches(',').trim_end();
        return named_at_end(head, context, named).or_else(|| context.body.clone());
    }
    named_at_end(trimmed, context, named)
}

/// The body whose name (or short name) ends `s`.
fn named_at_end(s: &str, context: &Context, named: &[&str]) -> Option<String> {
    if let Some(body) = known_at_end(s) {
        return Some(body);
    }
    let run = capitalised_run(s);
    let words: Vec<&str> = run
        .iter()
        .copied()
        .skip_while(|w| NOT_BODY.contains(w) || w.ends_with("ing") || w.eq_ignore_ascii_case("the"))
        .collect();
    let last = *words.last()?;
    if words.len() == 1 {
        if !SHORT.contains(&last) {
            return None;
        }
        let is_kind =
            |abbreviation: &str| full_name(abbreviation).is_some_and(|n| n.contains(last));
        if let Some(n) = named.iter().find(|n| is_kind(n)) {
            return Some((*n).to_owned());
        }
        if let Some(own) = context.body.as_deref().filter(|b| is_kind(b)) {
            return Some(own.to_owned());
        }
        return (last == "Assembly").then(|| "GA".to_owned());
    }
    // A body the tables do not know ("World Health Assembly"): named by
    // its initials, when its name ends as a body's does.
    let institution =
        SHORT.contains(&last) || matches!(last, "Organization" | "Board" | "Committee");
    institution.then(|| bodies::abbreviation(&words.join(" ")))
}

/// Where the text names a known body, in text order: (start,
/// abbreviation).
fn mentions(text: &str) -> Vec<(usize, &'static str)> {
    if !SHORT.iter().any(|w| text.contains(w)) {
        return Vec::new();
    }
    let names = bodies::BODIES
        .iter()
        .map(|b| (b.name, b.abbreviation))
        .chain(FORMER_BODIES.iter().copied());
    let mut out: Vec<(usize, &'static str)> = names
        .flat_map(|(name, a)| text.match_indices(name).map(move |(at, _)| (at, a)))
        .collect();
    out.sort_unstable();
    out
}

/// The full name of a body by its abbreviation.
fn full_name(abbreviation: &str) -> Option<&'static str> {
    bodies::BODIES
        .iter()
        .find(|b| b.abbreviation == abbreviation)
        .map(|b| b.name)
        .or_else(|| {
            FORMER_BODIES
                .iter()
                .find(|(_, a)| *a == abbreviation)
                .map(|(n, _)| *n)
        })
}

/// `s` without its last word `word` (whole word, any case).
fn strip_word<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let n = s.len().checked_sub(word.len())?;
    if !s.is_char_boundary(n) || !s[n..].eq_ignore_ascii_case(word) {
        return None;
    }
    let head = &s[..n];
    (head.is_empty() || head.ends_with([' ', ','])).then_some(head)
}

/// The known body whose name ends `s` ("Recalling General Assembly").
fn known_at_end(s: &str) -> Option<String> {
    let names = bodies::BODIES
        .iter()
        .map(|b| (b.name, b.abbreviation))
        .chain(FORMER_BODIES.iter().copied());
    let mut best: Option<(&str, &str)> = None;
    for (name, abbreviation) in names {
        let Some(n) = s.len().checked_sub(name.len()) else {
            continue;
        };
        if !s.is_char_boundary(n) || !s[n..].eq_ignore_ascii_case(name) {
            continue;
        }
        if n > 0 && s.as_bytes()[n - 1].is_ascii_alphanumeric() {
            continue;
        }
        if best.is_none_or(|(b, _)| b.len() < name.len()) {
            best = Some((name, abbreviation));
        }
    }
    best.map(|(_, a)| a.to_owned())
}

/// The words at the end of `s` that could name a body: capitalised words
/// and the small words inside names, back to the first other word.
fn capitalised_run(s: &str) -> Vec<&str> {
    let tail = s
        .rsplit([',', ';', ':', '(', ')', '.', '“', '"'])
        .next()
        .unwrap_or(s);
    let mut run: Vec<&str> = tail
        .split(' ')
        .rev()
        .take_while(|w| {
            !w.is_empty()
                && (w.starts_with(|c: char| c.is_uppercase()) || bodies::CONNECTIVES.contains(w))
        })
        .take(16)
        .collect();
    run.reverse();
    while run
        .first()
        .is_some_and(|w| bodies::CONNECTIVES.contains(w) && *w != "the")
    {
        run.remove(0);
    }
    run
}

/// " of 25 September 2015" at `at`: the date, ISO, and where it ends.
fn date_at(text: &str, at: usize) -> (Option<String>, usize) {
    let Some(rest) = text.get(at..).and_then(|r| r.strip_prefix(" of ")) else {
        return (None, at);
    };
    let mut words = rest.splitn(4, ' ');
    let (Some(d), Some(m), Some(y)) = (words.next(), words.next(), words.next()) else {
        return (None, at);
    };
    let y4: String = y.chars().take(4).collect();
    let (Ok(day), Some(month), Ok(year)) = (
        d.parse::<u8>(),
        MONTHS.iter().position(|n| *n == m),
        y4.parse::<u16>(),
    ) else {
        return (None, at);
    };
    if !(1..=31).contains(&day) || y4.len() != 4 || !(1945..=2200).contains(&year) {
        return (None, at);
    }
    let end = at + 4 + d.len() + 1 + m.len() + 1 + 4;
    (Some(format!("{year}-{:02}-{day:02}", month + 1)), end)
}

/// ", entitled “…”" at `at`: the title and where it ends.
fn title_at(text: &str, at: usize) -> (Option<String>, usize) {
    let Some(rest) = text.get(at..) else {
        return (None, at);
    };
    let opener = [
        ", entitled “",
        " entitled “",
        ", entitled \"",
        " entitled \"",
    ]
    .into_iter()
    .find(|o| rest.starts_with(o));
    let Some(opener) = opener else {
        return (None, at);
    };
    let body = &rest[opener.len()..];
    let close = if opener.ends_with('"') { '"' } else { '”' };
    match body.find(close) {
        Some(n) if n > 0 => (
            Some(body[..n].trim().to_owned()),
            at + opener.len() + n + close.len_utf8(),
        ),
        _ => (None, at),
    }
}

/// Past a pinpoint after a symbol (", para. 8", ", paras. 7–8", ", annex
/// II"): where a list would go on.
fn pinpoint(text: &str, at: usize) -> usize {
    let Some(rest) = text.get(at..) else {
        return at;
    };
    for lead in [", paras. ", ", para. ", ", annex "] {
        if let Some(tail) = rest.strip_prefix(lead) {
            let n = tail
                .char_indices()
                .find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '–' | '-')))
                .map(|(i, _)| i)
                .unwrap_or(tail.len());
            if n > 0 {
                return at + lead.len() + n;
            }
        }
    }
    at
}

/// What may follow an item of a list before the next: its subject ("on
/// the girl child"), what it did ("by which it proclaimed 2005 the
/// International Year of Physics").
const SUBJECT_OPENERS: &[&str] = &[
    " on ",
    ", on ",
    " by which ",
    ", by which ",
    " in which ",
    ", in which ",
    ", which ",
];

/// How far past an item's subject the next item may start.
const SUBJECT_REACH: usize = 200;

/// Where the list goes on after an item's subject: the first joint
/// followed by a symbol of the session/number or year/number shape, before
/// any semicolon, full stop or other keyword.
fn past_subject(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let opener = SUBJECT_OPENERS.iter().find(|o| rest.starts_with(*o))?;
    let mut end = (at + opener.len() + SUBJECT_REACH).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[at + opener.len()..end];
    let stop = window
        .find([';', '.'])
        .into_iter()
        .chain(window.find("esolution"))
        .chain(window.find("ecision"))
        .min()
        .unwrap_or(window.len());
    let window = &window[..stop];
    let base = at + opener.len();
    let mut joints: Vec<usize> = window
        .match_indices(", ")
        .chain(window.match_indices(" and "))
        .map(|(k, _)| k)
        .collect();
    joints.sort_unstable();
    for k in joints {
        let Some(next) = continuation(text, base + k) else {
            continue;
        };
        if symbol_at_checked(text, next)
            .is_some_and(|s| matches!(s.shape, Shape::Session | Shape::Year))
        {
            return Some(next);
        }
    }
    None
}

/// Where the next symbol of a list would start after `at`, if the list
/// goes on.
fn continuation(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    for joint in [", and ", " and ", ", ", " or ", " to ", ","] {
        if rest.starts_with(joint) {
            let next = at + joint.len();
            let symbol_next = text
                .as_bytes()
                .get(next)
                .is_some_and(|c| c.is_ascii_digit())
                || text[next..].starts_with("ES-");
            return symbol_next.then_some(next);
        }
    }
    None
}
