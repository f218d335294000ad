//! The clauses an alignment pairs, and their weighted shingles.
//!
//! Every paragraph is a unit; a paragraph with sub-paragraphs also yields
//! its chapeau and each top-level sub-paragraph as units of their own.
//! Rarity is counted over whole paragraphs of both instruments, so that
//! pieces do not count a shingle twice.

use super::{Piece, Place, Settings};
use crate::model::{Instrument, Paragraph, Part, Subparagraph};
use crate::shingles::{self, Word};

/// A clause that can be paired.
pub(super) struct Unit {
    pub part: Part,
    pub place: Place,
    /// Relative position of its paragraph in the part, 0.0 to 1.0.
    pub position: f32,
    /// Shingles with their weights, sorted by shingle.
    shingles: Vec<(u64, f32)>,
    total: f32,
}

impl Unit {
    /// Weighted Jaccard: Σ min(w₁, w₂) / Σ max(w₁, w₂) over all shingles.
    pub fn score(&self, other: &Unit) -> f32 {
        let (a, b) = (&self.shingles, &other.shingles);
        let (mut i, mut j, mut min_sum) = (0, 0, 0.0f32);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    min_sum += a[i].1.min(b[j].1);
                    i += 1;
                    j += 1;
                }
            }
        }
        // Σ max = total₁ + total₂ − Σ min.
        let max_sum = self.total + other.total - min_sum;
        if max_sum > 0.0 {
            (min_sum / max_sum).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

/// A unit before weighing: its shingles, each with whether it reads as a
/// name.
struct Raw {
    part: Part,
    place: Place,
    position: f32,
    shingles: Vec<(u64, bool)>,
}

/// The units of both instruments, in reading order.
pub(super) fn units(
    first: &Instrument,
    second: &Instrument,
    settings: &Settings,
) -> [Vec<Unit>; 2] {
    let n = settings.shingle_words.clamp(1, 4);
    let raw = [raw_units(first, n), raw_units(second, n)];
    // Document frequency over whole paragraphs.
    let mut all: Vec<u64> = raw
        .iter()
        .flatten()
        .filter(|u| u.place.piece == Piece::Whole)
        .flat_map(|u| u.shingles.iter().map(|&(h, _)| h))
        .collect();
    all.sort_unstable();
    let mut frequency: Vec<(u64, u32)> = Vec::new();
    for h in all {
        match frequency.last_mut() {
            Some((last, count)) if *last == h => *count += 1,
            _ => frequency.push((h, 1)),
        }
    }
    let paragraphs = (first.paragraphs().count() + second.paragraphs().count()) as f32;
    let name_weight = settings.name_weight.clamp(0.0, 1.0);
    let weigh = |u: Raw| -> Unit {
        let shingles: Vec<(u64, f32)> = u
            .shingles
            .iter()
            .map(|&(h, name)| {
                let df = frequency
                    .binary_search_by_key(&h, |&(s, _)| s)
                    .map_or(1, |i| frequency[i].1);
                let rarity = (1.0 + paragraphs / df.max(1) as f32)
                    .ln()
                    .powf(settings.rarity_exponent);
                (h, if name { rarity * name_weight } else { rarity })
            })
            .collect();
        let total = shingles.iter().map(|&(_, w)| w).sum();
        Unit {
            part: u.part,
            place: u.place,
            position: u.position,
            shingles,
            total,
        }
    };
    raw.map(|units| units.into_iter().map(weigh).collect())
}

fn raw_units(inst: &Instrument, n: usize) -> Vec<Raw> {
    let mut out = Vec::new();
    for (part, paragraphs) in [
        (Part::Preambular, &inst.preambular),
        (Part::Operative, &inst.operative),
    ] {
        for (i, p) in paragraphs.iter().enumerate() {
            let position = i as f32 / paragraphs.len().max(1) as f32;
            let mut push = |piece: Piece, shingles: Vec<(u64, bool)>| {
                out.push(Raw {
                    part,
                    place: Place {
                        paragraph: i,
                        piece,
                    },
                    position,
                    shingles,
                });
            };
            push(Piece::Whole, paragraph_shingles(p, n));
            if p.subparagraphs.is_empty() {
                continue;
            }
            push(Piece::Chapeau, shingles_of(&words_of(&[&p.text.plain]), n));
            for (k, s) in p.subparagraphs.iter().enumerate() {
                let mut texts = Vec::new();
                subparagraph_texts(s, &mut texts);
                push(Piece::Subparagraph(k), shingles_of(&words_of(&texts), n));
            }
        }
    }
    out
}

fn paragraph_shingles(p: &Paragraph, n: usize) -> Vec<(u64, bool)> {
    let mut words: Vec<Word> = Vec::new();
    shingles::for_each_text(p, |text| shingles::push_words(text, &mut words));
    shingles_of(&words, n)
}

fn subparagraph_texts<'a>(s: &'a Subparagraph, out: &mut Vec<&'a str>) {
    out.push(&s.text.plain);
    for child in &s.subparagraphs {
        subparagraph_texts(child, out);
    }
}

fn words_of(texts: &[&str]) -> Vec<Word> {
    let mut words = Vec::new();
    for text in texts {
        shingles::push_words(text, &mut words);
    }
    words
}

/// The distinct shingles of `n` words, sorted, each with whether it reads
/// as a name wherever it occurs.
fn shingles_of(words: &[Word], n: usize) -> Vec<(u64, bool)> {
    let mut out: Vec<(u64, bool)> = if words.len() < n {
        if words.is_empty() {
            Vec::new()
        } else {
            vec![(shingles::shingle_hash(words), shingles::is_name(words))]
        }
    } else {
        words
            .windows(n)
            .map(|w| (shingles::shingle_hash(w), shingles::is_name(w)))
            .collect()
    };
    // Sorting puts a shingle's plain occurrence (false) first: dedup keeps
    // it, so a shingle is a name only if it is one everywhere.
    out.sort_unstable();
    out.dedup_by_key(|&mut (h, _)| h);
    out
}
