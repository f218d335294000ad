//! Figures for the comparison engine, printed (never asserted): run with
//! `cargo bench --bench compare`.
//!
//! - a word diff of two paragraphs (median of many runs);
//! - the alignment of the two largest instruments of the corpus;
//! - building the similarity index for the corpus and for a synthetic
//!   corpus of 100 000 paragraphs, its size serialized, and the time of a
//!   `similar_to` query on it.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use clause_explorer::diff::{paragraph_diff, Scope};
use clause_explorer::model::{Corpus, Instrument, Part};
use clause_explorer::trail::{SimilarityIndex, UnitRef};
use clause_explorer::{align, corpus, synth};

/// Paragraphs of the synthetic corpus.
const SYNTHETIC_PARAGRAPHS: usize = 100_000;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let corpus = match corpus::load_dir(&dir) {
        Ok(loaded) => loaded.corpus,
        Err(e) => {
            eprintln!("cannot load the corpus: {e}");
            return;
        }
    };
    let instruments: Vec<&Instrument> = corpus.instruments().collect();

    println!("word diff (paragraph_diff, sub-paragraphs included)");
    let diff_pairs = [
        (
            "ccpcj-res-preventing-combating-trafficking-persons-facilitated-op-12",
            "ccpcj-res-33-1-op-10",
        ),
        (
            "ccpcj-res-preventing-combating-trafficking-persons-facilitated-pp-3",
            "ccpcj-res-33-1-pp-14",
        ),
        (
            "ccpcj-res-strengthening-measures-trafficking-persons-op-1",
            "untoc-cop-res-11-5-op-1",
        ),
        ("ccpcj-res-33-1-op-7", "untoc-cop-res-11-5-op-4"),
    ];
    for (a, b) in diff_pairs {
        let (Some(pa), Some(pb)) = (paragraph(&corpus, a), paragraph(&corpus, b)) else {
            println!("  {a} or {b}: not in the corpus");
            continue;
        };
        let t = median(2000, || {
            black_box(paragraph_diff(pa, pb, Scope::WithSubparagraphs));
        });
        let d = paragraph_diff(pa, pb, Scope::WithSubparagraphs);
        let tokens = clause_explorer::diff::tokens(&d.left_text()).len()
            + clause_explorer::diff::tokens(&d.right_text()).len();
        println!(
            "  {:<48} {:>9}  (similarity {:.2}, {} rows, {} tokens in all)",
            format!("{} ⇄ {}", pa.citation, pb.citation),
            show(t),
            d.similarity,
            d.rows.len(),
            tokens
        );
    }

    println!("\nalignment of the two largest instruments");
    let mut by_size = instruments.clone();
    by_size.sort_by_key(|i| std::cmp::Reverse(i.paragraphs().count()));
    if let [a, b, ..] = by_size[..] {
        let t = median(500, || {
            black_box(align::align(a, b));
        });
        let s = align::align(a, b).summary;
        println!(
            "  {} ({} paragraphs) ⇄ {} ({}): {}  (identical {}, changed {}, only in first {}, only in second {})",
            a.citation,
            a.paragraphs().count(),
            b.citation,
            b.paragraphs().count(),
            show(t),
            s.identical,
            s.changed,
            s.only_in_first,
            s.only_in_second
        );
    }

    println!("\nsimilarity index, shipped corpus");
    let paragraphs = corpus
        .instruments()
        .map(|i| i.paragraphs().count())
        .sum::<usize>();
    let t = median(50, || {
        black_box(SimilarityIndex::build(&corpus));
    });
    let index = SimilarityIndex::build(&corpus);
    let units = all_units(&corpus);
    let q = median_over(&units, 20, |u| {
        black_box(index.similar_to(&corpus, *u, 10));
    });
    println!(
        "  {paragraphs} paragraphs: build {}, {} bytes, similar_to median {}",
        show(t),
        index.to_bytes().len(),
        show(q)
    );

    println!("\nsimilarity index, synthetic corpus");
    let started = Instant::now();
    let big = synthetic(&corpus, SYNTHETIC_PARAGRAPHS);
    let big_paragraphs = big
        .instruments()
        .map(|i| i.paragraphs().count())
        .sum::<usize>();
    println!(
        "  generated and parsed {big_paragraphs} paragraphs in {} instruments in {}",
        big.instruments().count(),
        show(started.elapsed())
    );
    let started = Instant::now();
    let index = SimilarityIndex::build(&big);
    let build = started.elapsed();
    let bytes = index.to_bytes();
    let started = Instant::now();
    let reloaded = SimilarityIndex::from_bytes(&bytes);
    let load = started.elapsed();
    println!(
        "  build {}, serialized {} bytes ({:.1} bytes per paragraph), load {}{}",
        show(build),
        bytes.len(),
        bytes.len() as f64 / big_paragraphs.max(1) as f64,
        show(load),
        if reloaded.as_ref() == Ok(&index) {
            ""
        } else {
            " (RELOAD DIFFERS)"
        }
    );
    let units = all_units(&big);
    let step = (units.len() / 1000).max(1);
    let sample: Vec<UnitRef> = units.iter().step_by(step).copied().collect();
    let mut times: Vec<Duration> = Vec::with_capacity(sample.len());
    let mut found = 0usize;
    for u in &sample {
        let started = Instant::now();
        let r = index.similar_to(&big, *u, 10);
        times.push(started.elapsed());
        found += r.len();
    }
    times.sort();
    println!(
        "  similar_to over {} paragraphs: median {}, 90th percentile {}, max {} ({:.1} results per query)",
        sample.len(),
        show(times[times.len() / 2]),
        show(times[times.len() * 9 / 10]),
        show(times[times.len() - 1]),
        found as f64 / sample.len() as f64
    );
}

fn paragraph<'c>(corpus: &'c Corpus, id: &str) -> Option<&'c clause_explorer::model::Paragraph> {
    UnitRef::of_id(corpus, id).and_then(|u| u.paragraph(corpus))
}

fn all_units(corpus: &Corpus) -> Vec<UnitRef> {
    let mut out = Vec::new();
    for (i, inst) in corpus.instruments().enumerate() {
        for (part, len) in [
            (Part::Preambular, inst.preambular.len()),
            (Part::Operative, inst.operative.len()),
        ] {
            for k in 0..len {
                out.push(UnitRef {
                    instrument: i as u32,
                    part,
                    paragraph: k as u32,
                });
            }
        }
    }
    out
}

/// A synthetic corpus of about `paragraphs` paragraphs, parsed.
fn synthetic(seed: &Corpus, paragraphs: usize) -> Corpus {
    synth::corpus(
        seed,
        &synth::Options {
            paragraphs,
            seed: 7,
        },
    )
}

/// The median time of `runs` calls of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// The median time of `f` over every item, each run `runs` times.
fn median_over<T>(items: &[T], runs: usize, mut f: impl FnMut(&T)) -> Duration {
    let mut times: Vec<Duration> = Vec::new();
    for item in items {
        for _ in 0..runs {
            let started = Instant::now();
            f(item);
            times.push(started.elapsed());
        }
    }
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn show(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.1} µs")
    } else if us < 1e6 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{:.2} s", us / 1e6)
    }
}
