//! What paragraphs are compared by: their shingle sets, whole and by
//! top-level sub-paragraph, and the exact similarity of two paragraphs.
//!
//! Public so that measurements and tests can compute the exact answer the
//! index must find, with the very definition the index uses.

use crate::model::Paragraph;
use crate::shingles;

/// The shingle sets of a paragraph: the whole paragraph first, then each
/// top-level sub-paragraph with its own sub-paragraphs. Texts are often
/// restructured, so a paragraph's language may live on as another
/// paragraph's sub-paragraph. Empty sets are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shingled {
    pieces: Vec<Vec<u64>>,
}

impl Shingled {
    /// The shingle sets of `p`, with shingles of `shingle_words` words.
    pub fn of(p: &Paragraph, shingle_words: u8) -> Shingled {
        let n = usize::from(shingle_words);
        let mut pieces = vec![shingles::paragraph_shingles(p, n)];
        for s in &p.subparagraphs {
            let mut words = Vec::new();
            shingles::push_subparagraph_words(s, &mut words);
            pieces.push(shingles::shingles_of(&words, n));
        }
        pieces.retain(|s| !s.is_empty());
        Shingled { pieces }
    }

    /// The exact similarity of two paragraphs: the best Jaccard similarity
    /// between any piece of one and any piece of the other (0.0 when
    /// either has no words).
    pub fn similarity(&self, other: &Shingled) -> f32 {
        self.pieces
            .iter()
            .flat_map(|x| other.pieces.iter().map(move |y| shingles::jaccard(x, y)))
            .fold(0.0, f32::max)
    }

    /// The sets, whole paragraph first (when it has words).
    pub(super) fn pieces(&self) -> &[Vec<u64>] {
        &self.pieces
    }

    /// The shingles of the whole paragraph (empty when it has no words).
    pub(super) fn whole(&self) -> &[u64] {
        self.pieces.first().map_or(&[], Vec::as_slice)
    }

    /// Every shingle of every piece, sorted and distinct: the whole's,
    /// and those of sub-paragraphs shorter than a shingle (one short
    /// shingle each).
    pub(super) fn union(&self) -> Vec<u64> {
        let mut all: Vec<u64> = self.pieces.concat();
        all.sort_unstable();
        all.dedup();
        all
    }
}
