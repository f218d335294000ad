//! How much of one instrument lives on in another: the shares behind the
//! reuse matrix, computed apart from the picture so that they can be
//! tested, and computed once when the corpus is published.

use std::collections::BTreeSet;

use crate::align::{paired_paragraphs, prepare};
use crate::model::{Instrument, Part};

/// `shares[a][b]`: the share (0.0 to 1.0) of instrument `a`'s paragraphs,
/// preambular and operative, that have a close counterpart in instrument
/// `b`. The diagonal is 1.0; an instrument with no paragraph has 0.0
/// everywhere else.
///
/// A paragraph has a close counterpart when [`align`] pairs it, or a piece
/// of it (its chapeau, a sub-paragraph), with a clause of the other
/// instrument: a row [`Status::Identical`] or [`Status::Changed`]. The
/// alignment pairs only clauses that share language (see
/// [`crate::align::Settings::threshold`]), one to one, so a paragraph
/// counts once however many of its pieces are paired, and two instruments
/// that share only a subject share little.
///
/// One alignment serves both directions of a pair (`a` against `b` gives
/// `shares[a][b]` from its first side and `shares[b][a]` from its second),
/// so `n` instruments cost `n (n − 1) / 2` alignments.
///
/// ```
/// use clause_explorer::{parse::parse_document, pictures::reuse_shares};
/// let header = "A title\n\nThe Commission on Crime Prevention and Criminal Justice,\n\n";
/// let a = parse_document("a.txt", &format!("Resolution 1/1\n\n{header}\
///     1. *Urges* Member States that have not yet done so to ratify the Convention;\n\n\
///     2. *Requests* the Office to report to the Commission at its next session.\n"));
/// let b = parse_document("b.txt", &format!("Resolution 2/1\n\n{header}\
///     1. *Welcomes* the work of the Office on the protection of victims;\n\n\
///     2. *Decides* to hold an intersessional meeting on data collection;\n\n\
///     3. *Urges* Member States that have not yet done so to ratify the Convention.\n"));
/// let shares = reuse_shares(&[&a.instruments[0], &b.instruments[0]]);
/// assert_eq!(shares, [[1.0, 0.5], [1.0 / 3.0, 1.0]]);
/// ```
pub fn reuse_shares(instruments: &[&Instrument]) -> Vec<Vec<f32>> {
    let n = instruments.len();
    let prepared: Vec<_> = instruments.iter().map(|i| prepare(i)).collect();
    let mut shares = vec![vec![0.0; n]; n];
    for i in 0..n {
        shares[i][i] = 1.0;
        for j in i + 1..n {
            let (a, b) = (instruments[i], instruments[j]);
            let [in_a, in_b] = paired_paragraphs(&prepared[i], &prepared[j]);
            shares[i][j] = share(in_a, a);
            shares[j][i] = share(in_b, b);
        }
    }
    shares
}

fn share(paired: BTreeSet<(Part, usize)>, inst: &Instrument) -> f32 {
    let total = inst.preambular.len() + inst.operative.len();
    if total == 0 {
        0.0
    } else {
        paired.len() as f32 / total as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{align, Alignment, Status};

    /// Which instrument of an alignment.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Side {
        First,
        Second,
    }

    /// The paragraphs of one side that a pair of the alignment involves.
    fn paired(alignment: &Alignment, side: Side) -> BTreeSet<(Part, usize)> {
        alignment
            .rows
            .iter()
            .filter(|r| matches!(r.status, Status::Identical | Status::Changed))
            .filter(|r| r.first.is_some() && r.second.is_some())
            .filter_map(|r| {
                let place = match side {
                    Side::First => r.first,
                    Side::Second => r.second,
                }?;
                Some((r.part, place.paragraph))
            })
            .collect()
    }

    /// The shortcut names exactly the paragraphs of the alignment's paired
    /// rows, for every pair of the shipped corpus.
    #[test]
    fn paired_paragraphs_are_the_alignments_paired_rows() {
        let loaded = crate::corpus::load_dir(std::path::Path::new("corpus")).unwrap();
        let all: Vec<&Instrument> = loaded.corpus.instruments().collect();
        let mut pairs = 0;
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                let alignment = align(a, b);
                let [in_a, in_b] = paired_paragraphs(&prepare(a), &prepare(b));
                assert_eq!(in_a, paired(&alignment, Side::First), "{} / {}", a.id, b.id);
                assert_eq!(
                    in_b,
                    paired(&alignment, Side::Second),
                    "{} / {}",
                    a.id,
                    b.id
                );
                pairs += usize::from(!in_a.is_empty());
            }
        }
        assert!(pairs > 20, "{pairs} pairs share paragraphs");
    }
}
