//! The clauses an alignment pairs, and their weighted shingles.
//!
//! Every paragraph is a unit; a paragraph with sub-paragraphs also yields
//! its chapeau and each top-level sub-paragraph as units of their own.
//! Rarity is counted over whole paragraphs of both instruments, so that
//! pieces do not count a shingle twice.

use super::{Piece, Place, Settings};
use crate::model::{Instrument, Part, Subparagraph};
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

/// Calls `f(i, j, score)` for every pair of units of `a` and `b` that share
/// a shingle, with their [`Unit::score`]. Each shingle of `a` is looked up
/// in an inverted list of `b`'s, so the cost grows with the shingles the
/// units share rather than with the product of their sizes.
pub(super) fn for_each_score(a: &[&Unit], b: &[&Unit], mut f: impl FnMut(usize, usize, f32)) {
    let mut postings: Vec<(u64, u32, f32)> = b
        .iter()
        .enumerate()
        .flat_map(|(j, u)| u.shingles.iter().map(move |&(h, w)| (h, j as u32, w)))
        .collect();
    postings.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)));
    let mut shared = vec![0.0f32; b.len()];
    let mut seen = vec![false; b.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (i, x) in a.iter().enumerate() {
        for &(h, w) in &x.shingles {
            let start = postings.partition_point(|p| p.0 < h);
            for &(_, j, wb) in postings[start..].iter().take_while(|p| p.0 == h) {
                let j = j as usize;
                if !seen[j] {
                    seen[j] = true;
                    touched.push(j);
                }
                shared[j] += w.min(wb);
            }
        }
        touched.sort_unstable();
        for &j in &touched {
            let max_sum = x.total + b[j].total - shared[j];
            if max_sum > 0.0 {
                f(i, j, (shared[j] / max_sum).clamp(0.0, 1.0));
            }
            shared[j] = 0.0;
            seen[j] = false;
        }
        touched.clear();
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

/// One instrument's units before weighing, which depends on the other
/// instrument: computed once when one instrument is aligned with many.
pub(super) struct Prepared {
    raw: Vec<Raw>,
    paragraphs: usize,
    /// The shingles of whole paragraphs with the number of paragraphs
    /// holding each, sorted by shingle.
    frequency: Vec<(u64, u32)>,
}

pub(super) fn prepare(inst: &Instrument, settings: &Settings) -> Prepared {
    let raw = raw_units(inst, settings.shingle_words.clamp(1, 4));
    let mut all: Vec<u64> = raw
        .iter()
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
    Prepared {
        raw,
        paragraphs: inst.paragraphs().count(),
        frequency,
    }
}

/// Two sorted frequency lists as one: the counts of shared shingles added.
fn merged(a: &[(u64, u32)], b: &[(u64, u32)]) -> Vec<(u64, u32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The units of both instruments, in reading order.
pub(super) fn units(
    first: &Instrument,
    second: &Instrument,
    settings: &Settings,
) -> [Vec<Unit>; 2] {
    weigh_pair(
        &prepare(first, settings),
        &prepare(second, settings),
        settings,
    )
}

/// The units of two prepared instruments, weighed by rarity over both.
pub(super) fn weigh_pair(
    first: &Prepared,
    second: &Prepared,
    settings: &Settings,
) -> [Vec<Unit>; 2] {
    let raw = [&first.raw, &second.raw];
    // Document frequency over whole paragraphs of both.
    let frequency = merged(&first.frequency, &second.frequency);
    let paragraphs = first.paragraphs + second.paragraphs;
    // The rarity of a shingle held by `df` paragraphs, for every `df`.
    let rarity: Vec<f32> = (0..=paragraphs)
        .map(|df| {
            (1.0 + paragraphs as f32 / df.max(1) as f32)
                .ln()
                .powf(settings.rarity_exponent)
        })
        .collect();
    let name_weight = settings.name_weight.clamp(0.0, 1.0);
    let weigh = |u: &Raw| -> Unit {
        let shingles: Vec<(u64, f32)> = u
            .shingles
            .iter()
            .map(|&(h, name)| {
                let df = frequency
                    .binary_search_by_key(&h, |&(s, _)| s)
                    .map_or(1, |i| frequency[i].1 as usize);
                let weight = rarity.get(df).copied().unwrap_or(0.0);
                (h, if name { weight * name_weight } else { weight })
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
    raw.map(|units| units.iter().map(weigh).collect())
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
            let mut own = Vec::new();
            shingles::push_words(&p.text.plain, &mut own);
            let subs: Vec<Vec<Word>> = p
                .subparagraphs
                .iter()
                .map(|s| {
                    let mut texts = Vec::new();
                    subparagraph_texts(s, &mut texts);
                    words_of(&texts)
                })
                .collect();
            let whole: Vec<Word> = own.iter().chain(subs.iter().flatten()).copied().collect();
            push(Piece::Whole, shingles_of(&whole, n));
            if subs.is_empty() {
                continue;
            }
            push(Piece::Chapeau, shingles_of(&own, n));
            for (k, words) in subs.iter().enumerate() {
                push(Piece::Subparagraph(k), shingles_of(words, n));
            }
        }
    }
    out
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
