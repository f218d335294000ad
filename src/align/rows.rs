//! The rows of one part of an alignment, in reading order.

use super::units::Unit;
use super::{AlignedRow, Piece, Place, Status};
use crate::diff::clause_diff;
use crate::model::{Instrument, Part};

/// The rows of one part: the first instrument's clauses in reading order
/// (a paragraph with a paired piece shown in pieces), each paired or not,
/// with the second instrument's unpaired clauses after the row of their
/// nearest paired predecessor.
pub(super) fn part_rows(
    part: Part,
    first: &Instrument,
    second: &Instrument,
    a: &[&Unit],
    b: &[&Unit],
    pairs: &[(usize, usize, f32)],
) -> Vec<AlignedRow> {
    let mut partner_of_a: Vec<Option<(usize, f32)>> = vec![None; a.len()];
    let mut partner_of_b: Vec<Option<usize>> = vec![None; b.len()];
    for &(i, j, score) in pairs {
        partner_of_a[i] = Some((j, score));
        partner_of_b[j] = Some(i);
    }
    let shown_a = shown(a, &partner_of_a);
    let shown_b = shown(b, &partner_of_b);
    // For each unpaired unit of `b` shown: the unit of `a` whose row it
    // follows, or `None` for the start of the part.
    let mut after: Vec<(Option<usize>, usize)> = Vec::new();
    let mut anchor = None;
    for &j in &shown_b {
        match partner_of_b[j] {
            Some(i) => anchor = Some(i),
            None => after.push((anchor, j)),
        }
    }
    let only_in_second = |j: usize| AlignedRow {
        part,
        first: None,
        second: Some(b[j].place),
        status: Status::OnlyInSecond,
        score: 0.0,
        diff: None,
    };
    let mut rows: Vec<AlignedRow> = after
        .iter()
        .filter(|(anchor, _)| anchor.is_none())
        .map(|&(_, j)| only_in_second(j))
        .collect();
    for &i in &shown_a {
        rows.push(match partner_of_a[i] {
            Some((j, score)) => pair_row(part, first, second, a[i].place, b[j].place, score),
            None => AlignedRow {
                part,
                first: Some(a[i].place),
                second: None,
                status: Status::OnlyInFirst,
                score: 0.0,
                diff: None,
            },
        });
        rows.extend(
            after
                .iter()
                .filter(|(anchor, _)| *anchor == Some(i))
                .map(|&(_, j)| only_in_second(j)),
        );
    }
    rows
}

/// The units shown, in reading order: a paragraph's whole, or its pieces
/// when one of them is paired.
fn shown<T>(units: &[&Unit], partner: &[Option<T>]) -> Vec<usize> {
    let split: Vec<usize> = units
        .iter()
        .zip(partner)
        .filter(|(u, p)| u.place.piece != Piece::Whole && p.is_some())
        .map(|(u, _)| u.place.paragraph)
        .collect();
    units
        .iter()
        .enumerate()
        .filter(|(_, u)| (u.place.piece == Piece::Whole) != split.contains(&u.place.paragraph))
        .map(|(k, _)| k)
        .collect()
}

fn pair_row(
    part: Part,
    first: &Instrument,
    second: &Instrument,
    a: Place,
    b: Place,
    score: f32,
) -> AlignedRow {
    let diff = match (a.clause(first, part), b.clause(second, part)) {
        (Some(x), Some(y)) => Some(clause_diff(x, y)),
        _ => None,
    };
    let identical = diff.as_ref().is_some_and(|d| d.is_unchanged());
    AlignedRow {
        part,
        first: Some(a),
        second: Some(b),
        status: if identical {
            Status::Identical
        } else {
            Status::Changed
        },
        score,
        diff,
    }
}
