//! Clause against clause: which words changed, laid out side by side.
//!
//! ```
//! use clause_explorer::diff::{word_diff, Tag};
//!
//! let d = word_diff(
//!     "Urges Member States to strengthen efforts, in particular for women,",
//!     "Also urges Member States to enhance efforts, in particular for women;",
//! );
//! let show = |segments: &[clause_explorer::diff::Segment]| -> String {
//!     segments.iter().map(|s| match s.tag {
//!         Tag::Equal => s.text.clone(),
//!         Tag::Delete => format!("[-{}-]", s.text),
//!         Tag::Insert => format!("{{+{}+}}", s.text),
//!     }).collect()
//! };
//! let rows: Vec<(String, String)> =
//!     d.rows.iter().map(|r| (show(&r.left), show(&r.right))).collect();
//! assert_eq!(rows, [
//!     ("Urges Member States to [-strengthen-] efforts, ".to_string(),
//!      "{+Also+} urges Member States to {+enhance+} efforts, ".to_string()),
//!     ("in particular for women[-,-]".to_string(),
//!      "in particular for women{+;+}".to_string()),
//! ]);
//! // 10 of 12 tokens unchanged on the left, 10 of 13 on the right.
//! assert_eq!(d.similarity, 20.0 / 25.0);
//! ```
//!
//! What is not a change of language is not shown as one:
//! - footnote marks and the operative number (absent from
//!   [`Text::plain`](crate::model::Text::plain) already);
//! - whitespace: tokens are words and punctuation, and only record whether a
//!   space came before them (see [`tokens`]);
//! - the case of the first word of a paragraph or sub-paragraph, which is
//!   capitalised because of where it stands: "Encourages" against "Also
//!   encourages" shows "Also" inserted and nothing else. The first word is
//!   compared in lower case whenever its lower-case form appears elsewhere
//!   in either text, so that a first word that is a name ("United Nations")
//!   still matches the same name further on;
//! - the letters of sub-paragraph labels: "(c)" against "(d)" is a
//!   renumbering, as for operative paragraphs. Each side shows its own label.
//!
//! Punctuation is compared token by token, so "States," against "States;"
//! keeps "States" unchanged and shows only the punctuation as changed.
//!
//! The diff is computed by `similar` over the tokens, with the histogram
//! algorithm (as in `git diff --histogram`): it anchors on the rarest
//! tokens the texts share, so that a rewritten passage shows as one block
//! rather than as a scatter of shared "the" and "of", and it is several
//! times faster than Myers' on texts that share little. Inputs longer than
//! [`Settings::max_tokens`] are compared coarsely instead (see
//! [`Granularity::Passage`]), so that no input can make a diff slow.

mod rows;
mod tokens;

#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::ops::Range;

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::model::{Paragraph, Subparagraph};

pub use tokens::tokens;
pub(crate) use tokens::{for_each_word, Kind, Token};

/// Whether a segment is the same on both sides or only on one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Unchanged text, shown on both sides.
    Equal,
    /// Text only in the left (first) clause; shown on the left, struck out.
    Delete,
    /// Text only in the right (second) clause; shown on the right, marked new.
    Insert,
}

/// A stretch of text of one side, all with the same [`Tag`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The text as printed, with single spaces; the space between two
    /// segments belongs to the unchanged one, so that a struck-out or new
    /// segment holds only words and punctuation.
    pub text: String,
    pub tag: Tag,
}

/// One row of a side-by-side view: a passage of the left clause and its
/// counterpart in the right one. A row is rendered as two cells side by
/// side, each wrapping its own prose; the rows keep the columns in step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    /// Segments of the left clause, tagged [`Tag::Equal`] or [`Tag::Delete`];
    /// empty when the row holds only new text.
    pub left: Vec<Segment>,
    /// Segments of the right clause, tagged [`Tag::Equal`] or [`Tag::Insert`];
    /// empty when the row holds only removed text.
    pub right: Vec<Segment>,
}

/// How finely two texts were compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Granularity {
    /// Word by word: every token is matched or marked changed.
    Words,
    /// The texts were too long to compare word by word: only their common
    /// beginning and end are matched, everything between is one change.
    Passage,
}

/// Two clauses compared, ready for a side-by-side view.
#[derive(Clone, Debug, PartialEq)]
pub struct SideBySide {
    /// The rows, in reading order. Concatenating the left segments of all
    /// rows gives the left text with single spaces; likewise the right.
    pub rows: Vec<Row>,
    /// The share of tokens (words and punctuation) left unchanged, counted
    /// on both sides: `2 × unchanged / (left tokens + right tokens)`. 1.0
    /// for identical texts (or two empty ones), 0.0 when nothing is shared.
    pub similarity: f32,
    pub granularity: Granularity,
}

impl SideBySide {
    /// Whether the two texts have the same language: no segment is changed.
    pub fn is_unchanged(&self) -> bool {
        self.rows
            .iter()
            .flat_map(|r| r.left.iter().chain(&r.right))
            .all(|s| s.tag == Tag::Equal)
    }

    /// The left text as shown, all rows joined.
    pub fn left_text(&self) -> String {
        self.rows
            .iter()
            .flat_map(|r| &r.left)
            .map(|s| s.text.as_str())
            .collect()
    }

    /// The right text as shown, all rows joined.
    pub fn right_text(&self) -> String {
        self.rows
            .iter()
            .flat_map(|r| &r.right)
            .map(|s| s.text.as_str())
            .collect()
    }
}

/// How much of a paragraph to compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The paragraph's own words only, sub-paragraphs left out.
    Text,
    /// The paragraph's words and all its sub-paragraphs, each preceded by
    /// its label as printed ("(a)"); each sub-paragraph starts a new row.
    WithSubparagraphs,
}

/// Tuning of the diff layout and of its cost bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The shortest unchanged stretch, in tokens, that a row may be cut in.
    /// Shorter stretches keep the changes around them in one row. Valid:
    /// 1 and above; 4 keeps "to strengthen, and" in one row.
    pub min_stretch: usize,
    /// An unchanged stretch between two changes, in tokens, long enough to
    /// be cut in its middle when it holds no clause punctuation to cut at.
    /// Valid: above `min_stretch`; `usize::MAX` never cuts without
    /// punctuation.
    pub long_stretch: usize,
    /// The most tokens, both sides together, compared word by word; longer
    /// inputs get a [`Granularity::Passage`] comparison. Valid: any. A
    /// paragraph of the corpus has 10 to 700 tokens; two paragraphs that
    /// share most of their words compare in well under a millisecond
    /// whatever their length, and the worst case at 5 000 tokens (two
    /// unrelated texts drawn from a vocabulary of 15 words) takes some
    /// 30 ms natively.
    pub max_tokens: usize,
}

impl Settings {
    pub const DEFAULT: Settings = Settings {
        min_stretch: 4,
        long_stretch: 16,
        max_tokens: 5_000,
    };
}

impl Default for Settings {
    fn default() -> Self {
        Settings::DEFAULT
    }
}

/// Compares two clauses word by word, with the default [`Settings`].
pub fn word_diff(a: &str, b: &str) -> SideBySide {
    word_diff_with(a, b, &Settings::DEFAULT)
}

/// Compares two clauses word by word.
pub fn word_diff_with(a: &str, b: &str, settings: &Settings) -> SideBySide {
    let mut left = Vec::new();
    tokens::push_tokens(a, false, &mut left);
    let mut right = Vec::new();
    tokens::push_tokens(b, false, &mut right);
    compare(&left, &right, settings)
}

/// Something to compare: a paragraph, or one sub-paragraph (with its own
/// sub-paragraphs, its label left out so that it compares with a paragraph
/// on its words alone).
#[derive(Clone, Copy, Debug)]
pub enum Clause<'a> {
    Paragraph(&'a Paragraph, Scope),
    Subparagraph(&'a Subparagraph),
}

/// Compares two paragraphs, with or without their sub-paragraphs.
pub fn paragraph_diff(a: &Paragraph, b: &Paragraph, scope: Scope) -> SideBySide {
    clause_diff(Clause::Paragraph(a, scope), Clause::Paragraph(b, scope))
}

/// Compares any two clauses: paragraphs or sub-paragraphs.
pub fn clause_diff(a: Clause, b: Clause) -> SideBySide {
    compare(&clause_tokens(a), &clause_tokens(b), &Settings::DEFAULT)
}

/// The tokens of a clause; sub-paragraph labels are one token each.
fn clause_tokens(clause: Clause<'_>) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    match clause {
        Clause::Paragraph(p, scope) => {
            tokens::push_tokens(&p.text.plain, false, &mut out);
            if scope == Scope::WithSubparagraphs {
                push_subparagraphs(&p.subparagraphs, &mut out);
            }
        }
        Clause::Subparagraph(s) => {
            tokens::push_tokens(&s.text.plain, false, &mut out);
            push_subparagraphs(&s.subparagraphs, &mut out);
        }
    }
    out
}

fn push_subparagraphs<'a>(subs: &'a [Subparagraph], out: &mut Vec<Token<'a>>) {
    for s in subs {
        out.push(Token {
            text: Cow::Owned(format!("({})", s.label)),
            kind: Kind::Label,
            space_before: !out.is_empty(),
            initial: false,
        });
        tokens::push_tokens(&s.text.plain, true, out);
        push_subparagraphs(&s.subparagraphs, out);
    }
}

/// One step of the comparison, in token indices.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    /// `len` tokens equal from `left` and `right` on.
    Same {
        left: usize,
        right: usize,
        len: usize,
    },
    /// Tokens removed from the left and put in on the right (either range
    /// may be empty, not both).
    Change {
        left: Range<usize>,
        right: Range<usize>,
    },
}

fn compare(left: &[Token], right: &[Token], settings: &Settings) -> SideBySide {
    let (steps, granularity) = if left.len().saturating_add(right.len()) > settings.max_tokens {
        (coarse_steps(left, right), Granularity::Passage)
    } else {
        let (lk, rk) = keys(left, right);
        let ops = capture_diff_slices(Algorithm::Histogram, &lk, &rk);
        let mut steps = steps_of(&ops);
        slide_to_labels(&mut steps, &lk, &rk);
        (steps, Granularity::Words)
    };
    let same: usize = steps
        .iter()
        .map(|s| match s {
            Step::Same { len, .. } => *len,
            Step::Change { .. } => 0,
        })
        .sum();
    let total = left.len() + right.len();
    let similarity = if total == 0 {
        1.0
    } else {
        (2 * same) as f32 / total as f32
    };
    SideBySide {
        rows: rows::layout(left, right, &steps, settings),
        similarity,
        granularity,
    }
}

/// What tokens are compared by.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key<'a> {
    /// A word or punctuation character, as printed (or in lower case for a
    /// first word, see the module docs).
    Text(Cow<'a, str>),
    /// A sub-paragraph label, whatever its letter.
    Label,
}

/// The comparison keys of both sides.
fn keys<'a>(left: &'a [Token], right: &'a [Token]) -> (Vec<Key<'a>>, Vec<Key<'a>>) {
    // First words whose lower-case form is also used as an ordinary word.
    let mut initials: Vec<String> = left
        .iter()
        .chain(right)
        .filter(|t| t.initial)
        .map(|t| t.text.to_lowercase())
        .collect();
    initials.sort();
    initials.dedup();
    let mut used = vec![false; initials.len()];
    if !initials.is_empty() {
        for t in left.iter().chain(right) {
            if t.kind == Kind::Word && !t.initial {
                if let Ok(i) = initials.binary_search_by(|s| s.as_str().cmp(t.text.as_ref())) {
                    used[i] = true;
                }
            }
        }
    }
    let folded: Vec<String> = initials
        .into_iter()
        .zip(used)
        .filter_map(|(word, used)| used.then_some(word))
        .collect();
    let key = |t: &'a Token| -> Key<'a> {
        match t.kind {
            Kind::Label => Key::Label,
            Kind::Word if t.initial && !folded.is_empty() => {
                let lower = t.text.to_lowercase();
                if folded.binary_search(&lower).is_ok() {
                    Key::Text(Cow::Owned(lower))
                } else {
                    Key::Text(Cow::Borrowed(t.text.as_ref()))
                }
            }
            _ => Key::Text(Cow::Borrowed(t.text.as_ref())),
        }
    };
    (
        left.iter().map(key).collect(),
        right.iter().map(key).collect(),
    )
}

/// Merges `similar`'s operations into steps: consecutive deletions,
/// insertions and replacements become one change.
fn steps_of(ops: &[DiffOp]) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::with_capacity(ops.len());
    for op in ops {
        let (old, new) = (op.old_range(), op.new_range());
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = *op
        {
            if len > 0 {
                steps.push(Step::Same {
                    left: old_index,
                    right: new_index,
                    len,
                });
            }
            continue;
        }
        if old.is_empty() && new.is_empty() {
            continue;
        }
        match steps.last_mut() {
            Some(Step::Change { left, right }) => {
                left.end = old.end;
                right.end = new.end;
            }
            _ => steps.push(Step::Change {
                left: old,
                right: new,
            }),
        }
    }
    steps
}

/// Moves each sub-paragraph added or removed whole so that it starts at
/// its label. The diff is free to put an insertion anywhere in a run of
/// equal tokens, and since labels match each other it may report "(b) To
/// [advance …; (c) To] counter" where a reader sees "[(b) To advance …;]
/// (c) To counter".
fn slide_to_labels(steps: &mut [Step], left: &[Key], right: &[Key]) {
    for k in 1..steps.len().saturating_sub(1) {
        let (before, rest) = steps.split_at_mut(k);
        let (change, after) = rest.split_at_mut(1);
        let (
            Some(Step::Same { len: prev_len, .. }),
            Step::Change { left: l, right: r },
            Some(Step::Same {
                left: next_left,
                right: next_right,
                len: next_len,
            }),
        ) = (before.last_mut(), &mut change[0], after.first_mut())
        else {
            continue;
        };
        let (keys, range) = match (l.start == l.end, r.start == r.end) {
            (true, false) => (right, r.clone()),
            (false, true) => (left, l.clone()),
            _ => continue,
        };
        if keys[range.start] == Key::Label {
            continue;
        }
        let (a, b) = (range.start, range.end);
        // Shifting by `d` keeps the same tokens on both sides as long as
        // every token moved across the change equals the one it replaces.
        let back = (1..*prev_len)
            .take_while(|&d| keys[a - d] == keys[b - d])
            .find(|&d| keys[a - d] == Key::Label)
            .map(|d| -(d as isize));
        let forward = (1..*next_len)
            .take_while(|&d| keys[a + d - 1] == keys[b + d - 1])
            .find(|&d| keys[a + d] == Key::Label)
            .map(|d| d as isize);
        let Some(d) = [back, forward]
            .into_iter()
            .flatten()
            .min_by_key(|d| d.unsigned_abs())
        else {
            continue;
        };
        let shift = |i: usize| i.saturating_add_signed(d);
        *prev_len = shift(*prev_len);
        *next_left = shift(*next_left);
        *next_right = shift(*next_right);
        *next_len = next_len.saturating_add_signed(-d);
        *l = shift(l.start)..shift(l.end);
        *r = shift(r.start)..shift(r.end);
    }
}

/// The coarse comparison: common beginning, one change, common end.
fn coarse_steps(left: &[Token], right: &[Token]) -> Vec<Step> {
    let same =
        |a: &Token, b: &Token| a.text == b.text || (a.kind == Kind::Label && a.kind == b.kind);
    let prefix = left
        .iter()
        .zip(right)
        .take_while(|(a, b)| same(a, b))
        .count();
    let suffix = left[prefix..]
        .iter()
        .rev()
        .zip(right[prefix..].iter().rev())
        .take_while(|(a, b)| same(a, b))
        .count();
    let mut steps = Vec::new();
    if prefix > 0 {
        steps.push(Step::Same {
            left: 0,
            right: 0,
            len: prefix,
        });
    }
    let (l_end, r_end) = (left.len() - suffix, right.len() - suffix);
    if prefix < l_end || prefix < r_end {
        steps.push(Step::Change {
            left: prefix..l_end,
            right: prefix..r_end,
        });
    }
    if suffix > 0 {
        steps.push(Step::Same {
            left: l_end,
            right: r_end,
            len: suffix,
        });
    }
    steps
}
