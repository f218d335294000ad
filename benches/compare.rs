//! Figures for the comparison engine, printed (never asserted): run with
//! `cargo bench --bench compare`.
//!
//! - a word diff of two paragraphs (median of many runs);
//! - the alignment of the two largest instruments of the corpus;
//! - building the similarity index for the corpus and for a synthetic
//!   corpus of 100 000 paragraphs, its size serialized, and the time of a
//!   `similar_to` query on it (50th and 95th percentiles);
//! - the recall of the index against the exact computation: on the
//!   shipped corpus over all pairs of paragraphs of different instruments,
//!   on the synthetic corpus and on the General Assembly's texts of
//!   `../shared/un-akn/ga` for a sample of queried paragraphs (the exact
//!   answer for each compares it with every paragraph).

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use clause_explorer::diff::{paragraph_diff, Scope};
use clause_explorer::model::{Corpus, Instrument};
use clause_explorer::trail::{self, Query, Shingled, SimilarityIndex, UnitRef};
use clause_explorer::{align, corpus, synth};

/// Paragraphs of the synthetic corpus.
const SYNTHETIC_PARAGRAPHS: usize = 100_000;
/// Queried paragraphs whose exact answer is computed on the synthetic
/// corpus.
const RECALL_SAMPLE: usize = 200;
/// Results the interface lists under "Similar".
const TRAIL_LIMIT: usize = trail::LISTED;

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
    let units = UnitRef::all(&corpus);
    let (p50, p95) = query_percentiles(&index, &corpus, &units);
    println!(
        "  {paragraphs} paragraphs: build {}, {} bytes, similar_to p50 {}, p95 {}",
        show(t),
        index.to_bytes().len(),
        show(p50),
        show(p95)
    );
    report_recall(&index, &corpus, &units);

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
    index_figures(&big, big_paragraphs);

    general_assembly();
}

/// Builds the similarity index of `corpus` and prints its build time,
/// size and reload time, `similar_to` percentiles over 1,000 paragraphs,
/// and its recall for [`RECALL_SAMPLE`] queried paragraphs.
fn index_figures(corpus: &Corpus, paragraphs: usize) {
    let started = Instant::now();
    let index = SimilarityIndex::build(corpus);
    let build = started.elapsed();
    let bytes = index.to_bytes();
    let started = Instant::now();
    let reloaded = SimilarityIndex::from_bytes(&bytes);
    let load = started.elapsed();
    println!(
        "  build {}, serialized {} bytes ({:.1} bytes per paragraph), load {}{}",
        show(build),
        bytes.len(),
        bytes.len() as f64 / paragraphs.max(1) as f64,
        show(load),
        if reloaded.as_ref() == Ok(&index) {
            ""
        } else {
            " (RELOAD DIFFERS)"
        }
    );
    let units = UnitRef::all(corpus);
    let step = (units.len() / 1000).max(1);
    let sample: Vec<UnitRef> = units.iter().step_by(step).copied().collect();
    let (p50, p95) = query_percentiles(&index, corpus, &sample);
    println!(
        "  similar_to (limit {TRAIL_LIMIT}) over {} paragraphs: p50 {}, p95 {}",
        sample.len(),
        show(p50),
        show(p95)
    );
    let step = (units.len() / RECALL_SAMPLE).max(1);
    let sample: Vec<UnitRef> = units.iter().step_by(step).copied().collect();
    report_recall(&index, corpus, &sample);
}

/// The General Assembly's own texts (`../shared/un-akn/ga`, sessions
/// 75-80, Akoma Ntoso): index build and size, query time, and recall for
/// a sample of queried paragraphs against the exact answer.
fn general_assembly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/un-akn/ga");
    let Ok(entries) = std::fs::read_dir(&root) else {
        println!(
            "\n(no {}: General Assembly figures skipped)",
            root.display()
        );
        return;
    };
    let mut dirs: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    println!("\nsimilarity index, General Assembly sessions 75-80 (Akoma Ntoso)");
    let started = Instant::now();
    let (loaded, _) = corpus::load_paths(&dirs);
    let ga = loaded.corpus;
    let paragraphs: usize = ga.instruments().map(|i| i.paragraphs().count()).sum();
    println!(
        "  imported {} files, {} instruments, {paragraphs} paragraphs in {} ({} files not read)",
        ga.documents.len(),
        ga.instruments().count(),
        show(started.elapsed()),
        loaded.errors.len()
    );
    index_figures(&ga, paragraphs);
}

fn paragraph<'c>(corpus: &'c Corpus, id: &str) -> Option<&'c clause_explorer::model::Paragraph> {
    UnitRef::of_id(corpus, id).and_then(|u| u.paragraph(corpus))
}

/// The 50th and 95th percentile times of a query as the interface asks
/// it, over `units`, each queried once.
fn query_percentiles(
    index: &SimilarityIndex,
    corpus: &Corpus,
    units: &[UnitRef],
) -> (Duration, Duration) {
    let mut times: Vec<Duration> = units
        .iter()
        .map(|u| {
            let started = Instant::now();
            black_box(index.similar_to(corpus, *u, TRAIL_LIMIT));
            started.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: usize| {
        times
            .get((times.len() * q / 100).min(times.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    (at(50), at(95))
}

/// Prints the recall of the index for the `queried` paragraphs against
/// the exact answer (every paragraph of another instrument compared with
/// each): of the pairs at or above the threshold, by similarity band, the
/// share found with no limit; and of the interface's trails (the best
/// [`TRAIL_LIMIT`]), the share of the exact best found.
fn report_recall(index: &SimilarityIndex, corpus: &Corpus, queried: &[UnitRef]) {
    let query = Query::DEFAULT;
    let words = index.settings().shingle_words;
    let all = UnitRef::all(corpus);
    let started = Instant::now();
    let shingled: Vec<Shingled> = all
        .iter()
        .map(|u| {
            u.paragraph(corpus)
                .map(|p| Shingled::of(p, words))
                .unwrap_or_default()
        })
        .collect();
    let position = |u: &UnitRef| all.iter().position(|v| v == u);
    // [0.1, 0.2), [0.2, 0.3), [0.3, 0.5), [0.5, 1.0]: (pairs, found).
    let bands = [0.1f32, 0.2, 0.3, 0.5];
    let mut by_band = [(0usize, 0usize); 4];
    let (mut due, mut listed) = (0usize, 0usize);
    for a in queried {
        let Some(ka) = position(a) else { continue };
        let mut exact: Vec<(UnitRef, f32)> = all
            .iter()
            .zip(&shingled)
            .filter(|(b, _)| b.instrument != a.instrument)
            .map(|(b, s)| (*b, shingled[ka].similarity(s)))
            .filter(|&(_, s)| s >= query.min_similarity)
            .collect();
        exact.sort_by(|x, y| y.1.total_cmp(&x.1));
        let found = index.similar_to_with(
            corpus,
            *a,
            &Query {
                limit: usize::MAX,
                max_verified: usize::MAX,
                ..query
            },
        );
        for &(b, s) in &exact {
            let band = bands.iter().rposition(|&t| s >= t).unwrap_or(0);
            by_band[band].0 += 1;
            if found.iter().any(|(u, _)| *u == b) {
                by_band[band].1 += 1;
            }
        }
        // The trail: the best TRAIL_LIMIT, ties at the last place alike.
        let trail = index.similar_to(corpus, *a, TRAIL_LIMIT);
        if let Some(&(_, last)) = exact.get(TRAIL_LIMIT.min(exact.len()).wrapping_sub(1)) {
            due += TRAIL_LIMIT.min(exact.len());
            listed += trail.iter().filter(|(_, s)| *s >= last).count();
        }
    }
    let (pairs, found) = by_band
        .iter()
        .fold((0, 0), |acc, b| (acc.0 + b.0, acc.1 + b.1));
    println!(
        "  recall over {} queried paragraphs ({}): {found} of {pairs} pairs at {} or more ({})",
        queried.len(),
        show(started.elapsed()),
        query.min_similarity,
        percent(found, pairs)
    );
    for (k, (pairs, found)) in by_band.iter().enumerate() {
        let upper = bands
            .get(k + 1)
            .map_or("1.0".to_owned(), |u| format!("{u}"));
        println!(
            "    [{}, {upper}): {found} of {pairs} ({})",
            bands[k],
            percent(*found, *pairs)
        );
    }
    println!(
        "    trails of {TRAIL_LIMIT}: {listed} of the {due} exact best listed ({})",
        percent(listed, due)
    );
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "none to find".to_owned()
    } else {
        format!("{:.1} %", 100.0 * part as f64 / whole as f64)
    }
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
