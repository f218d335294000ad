//! Laying compared tokens out in rows for a side-by-side view.
//!
//! Rows are cut only inside unchanged stretches, where both sides read the
//! same, so that a changed passage and its counterpart always share a row.
//! A cut falls after clause punctuation (`,` `;` `:` `.`) when the stretch
//! has some, and before every sub-paragraph label:
//! - between two changes, at the first and the last clause end of the
//!   stretch (leaving an unchanged middle row) when they are far enough
//!   apart, else at the clause end nearest its middle; a long stretch with
//!   no clause end is cut in its middle;
//! - before the first change, at the last clause end; after the last
//!   change, at the first one;
//! - an identical text is one row (or one per sub-paragraph).

use super::{Kind, Row, Segment, Settings, Step, Tag, Token};

/// The rows of a comparison.
pub(super) fn layout(
    left: &[Token],
    right: &[Token],
    steps: &[Step],
    settings: &Settings,
) -> Vec<Row> {
    let cuts = cuts(left, right, steps, settings);
    let mut left_tags = vec![Tag::Equal; left.len()];
    let mut right_tags = vec![Tag::Equal; right.len()];
    for step in steps {
        if let Step::Change { left: l, right: r } = step {
            left_tags[l.clone()].fill(Tag::Delete);
            right_tags[r.clone()].fill(Tag::Insert);
        }
    }
    let mut rows = vec![Row::default(); cuts.len() + 1];
    let left_cuts: Vec<usize> = cuts.iter().map(|c| c.0).collect();
    let right_cuts: Vec<usize> = cuts.iter().map(|c| c.1).collect();
    side(&mut rows, left, &left_tags, &left_cuts, |r| &mut r.left);
    side(&mut rows, right, &right_tags, &right_cuts, |r| &mut r.right);
    rows.retain(|r| !(r.left.is_empty() && r.right.is_empty()));
    rows
}

/// Where rows start: `(left token, right token)` pairs, ascending.
fn cuts(
    left: &[Token],
    right: &[Token],
    steps: &[Step],
    settings: &Settings,
) -> Vec<(usize, usize)> {
    let is_change = |s: &Step| matches!(s, Step::Change { .. });
    let first_change = steps.iter().position(is_change);
    let last_change = steps.iter().rposition(is_change);
    let mut cuts = Vec::new();
    for (k, step) in steps.iter().enumerate() {
        match step {
            Step::Change { left: l, right: r } => {
                let starts_label = |tokens: &[Token], range: &std::ops::Range<usize>| {
                    !range.is_empty() && tokens[range.start].kind == Kind::Label
                };
                if starts_label(left, l) || starts_label(right, r) {
                    cuts.push((l.start, r.start));
                }
            }
            &Step::Same {
                left: l0,
                right: r0,
                len,
            } => {
                let run = &left[l0..l0 + len];
                for (j, t) in run.iter().enumerate() {
                    if t.kind == Kind::Label {
                        cuts.push((l0 + j, r0 + j));
                    }
                }
                let before = first_change.is_some_and(|f| f < k);
                let after = last_change.is_some_and(|f| f > k);
                if len < settings.min_stretch || !(before || after) {
                    continue;
                }
                let ends: Vec<usize> = (1..len).filter(|&j| is_clause_end(&run[j - 1])).collect();
                let chosen: Vec<usize> = match (before, after) {
                    (true, true) => between_changes(&ends, len, settings),
                    (false, _) => ends.last().copied().into_iter().collect(),
                    (true, false) => ends.first().copied().into_iter().collect(),
                };
                cuts.extend(chosen.into_iter().map(|j| (l0 + j, r0 + j)));
            }
        }
    }
    cuts.retain(|&c| c != (0, 0));
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// Where to cut an unchanged stretch of `len` tokens between two changes,
/// given the offsets just after its clause ends.
fn between_changes(ends: &[usize], len: usize, settings: &Settings) -> Vec<usize> {
    match (ends.first(), ends.last()) {
        (Some(&first), Some(&last)) if last - first >= settings.min_stretch => vec![first, last],
        (Some(_), Some(_)) => {
            let middle = len / 2;
            ends.iter()
                .copied()
                .min_by_key(|&j| j.abs_diff(middle))
                .into_iter()
                .collect()
        }
        _ if len >= settings.long_stretch => vec![len / 2],
        _ => Vec::new(),
    }
}

fn is_clause_end(t: &Token) -> bool {
    t.kind == Kind::Punctuation && matches!(t.text.as_ref(), "," | ";" | ":" | ".")
}

/// Fills one side of the rows. The space between two tokens is unchanged
/// text: it goes with the earlier token when that one is unchanged or ends
/// a row (no row starts with a space), else with the later one. A changed
/// segment thus never starts or ends with a space.
fn side(
    rows: &mut [Row],
    tokens: &[Token],
    tags: &[Tag],
    cuts: &[usize],
    pick: fn(&mut Row) -> &mut Vec<Segment>,
) {
    let mut row = 0;
    let mut prev: Option<(usize, Tag)> = None;
    for (i, (t, &tag)) in tokens.iter().zip(tags).enumerate() {
        while row < cuts.len() && cuts[row] <= i {
            row += 1;
        }
        if let (true, Some((prev_row, prev_tag))) = (t.space_before, prev) {
            if prev_tag == Tag::Equal || prev_row != row {
                push(pick(&mut rows[prev_row]), Tag::Equal, " ");
            } else {
                push(pick(&mut rows[row]), tag, " ");
            }
        }
        push(pick(&mut rows[row]), tag, &t.text);
        prev = Some((row, tag));
    }
}

fn push(segments: &mut Vec<Segment>, tag: Tag, text: &str) {
    match segments.last_mut() {
        Some(last) if last.tag == tag => last.text.push_str(text),
        _ => segments.push(Segment {
            text: text.to_owned(),
            tag,
        }),
    }
}
