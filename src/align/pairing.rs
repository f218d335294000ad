//! Pairing clauses one to one, best first.

use super::units::{for_each_score, Unit};
use super::{Piece, Settings};

/// One-to-one pairs `(a index, b index, score)` of units scoring at least
/// the threshold, taken best first. A pair involving a piece of a paragraph
/// ranks by its score times [`Settings::piece_factor`]; ties go to the pair
/// closest in relative position, then to the earlier units.
///
/// A whole paragraph and its own pieces exclude each other: once one is
/// paired, the other cannot be.
pub(super) fn pair(a: &[&Unit], b: &[&Unit], settings: &Settings) -> Vec<(usize, usize, f32)> {
    let mut candidates: Vec<(usize, usize, f32, f32, f32)> = Vec::new();
    for_each_score(a, b, |i, j, score| {
        if score < settings.threshold || score <= 0.0 {
            return;
        }
        let (x, y) = (a[i], b[j]);
        let whole = x.place.piece == Piece::Whole && y.place.piece == Piece::Whole;
        let rank = if whole {
            score
        } else {
            score * settings.piece_factor
        };
        let distance = (x.position - y.position).abs();
        candidates.push((i, j, score, rank, distance));
    });
    candidates.sort_by(|x, y| {
        y.3.total_cmp(&x.3)
            .then(x.4.total_cmp(&y.4))
            .then(x.0.cmp(&y.0))
            .then(x.1.cmp(&y.1))
    });
    let mut taken_a = Taken::new(a);
    let mut taken_b = Taken::new(b);
    let mut pairs = Vec::new();
    for (i, j, score, _, _) in candidates {
        if taken_a.is_free(i) && taken_b.is_free(j) {
            taken_a.take(i);
            taken_b.take(j);
            pairs.push((i, j, score));
        }
    }
    pairs
}

/// Which units of one instrument are paired, directly or through their
/// paragraph.
struct Taken {
    /// The paragraph and piece of each unit.
    units: Vec<(usize, Piece)>,
    taken: Vec<bool>,
    /// Per paragraph: the whole is paired; some piece is paired.
    whole: Vec<bool>,
    piece: Vec<bool>,
}

impl Taken {
    fn new(units: &[&Unit]) -> Taken {
        let paragraphs = units
            .iter()
            .map(|u| u.place.paragraph + 1)
            .max()
            .unwrap_or(0);
        Taken {
            units: units
                .iter()
                .map(|u| (u.place.paragraph, u.place.piece))
                .collect(),
            taken: vec![false; units.len()],
            whole: vec![false; paragraphs],
            piece: vec![false; paragraphs],
        }
    }

    fn is_free(&self, u: usize) -> bool {
        let (p, piece) = self.units[u];
        !self.taken[u] && !self.whole[p] && (piece != Piece::Whole || !self.piece[p])
    }

    fn take(&mut self, u: usize) {
        let (p, piece) = self.units[u];
        self.taken[u] = true;
        if piece == Piece::Whole {
            self.whole[p] = true;
        } else {
            self.piece[p] = true;
        }
    }
}
