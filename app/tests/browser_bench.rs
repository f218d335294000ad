//! Benchmarks in the browser, in WebAssembly inside headless Chromium, with
//! the profile the app ships with: the 30 search benchmark queries typed
//! keystroke by keystroke against the shipped corpus and a synthetic corpus
//! of 100 000 paragraphs; the alignment of the two largest instruments and
//! a paragraph diff; the similarity index at 100 000 paragraphs. Prints
//! figures; asserts nothing about time.
//!
//! Run with `scripts/bench-browser.sh` (not part of the test suite).
#![cfg(all(target_arch = "wasm32", feature = "browser-bench"))]

use clause_explorer::align::align;
use clause_explorer::cite;
use clause_explorer::diff::{paragraph_diff, Scope};
use clause_explorer::model::Corpus;
use clause_explorer::parse::parse_document;
use clause_explorer::search::{search, Query, SearchIndex, BENCH_QUERIES, PAGE};
use clause_explorer::synth::{self, Options};
use clause_explorer::trail::{SimilarityIndex, UnitRef, LISTED};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn log(line: &str) {
    web_sys::console::log_1(&line.into());
}

/// Types every benchmark query one character at a time; returns the
/// latency of each keystroke in milliseconds.
fn keystrokes(index: &SearchIndex) -> Vec<f64> {
    let mut times = Vec::new();
    for q in BENCH_QUERIES {
        let mut typed = String::new();
        for c in q.chars() {
            typed.push(c);
            let query = Query::new(&typed);
            let start = now();
            let results = search(index, &query, PAGE);
            times.push(now() - start);
            std::hint::black_box(results);
        }
    }
    times
}

fn report(name: &str, paragraphs: usize, build_ms: f64, bytes: usize, mut times: Vec<f64>) {
    times.sort_by(f64::total_cmp);
    let pick = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    log(&format!(
        "{name:<24} {paragraphs:>8} paragraphs  index build {build_ms:>8.0} ms  size {:>7.1} MiB  \
         {} keystrokes: p50 {:.2} ms  p95 {:.2} ms  max {:.2} ms",
        bytes as f64 / 1048576.0,
        times.len(),
        pick(0.5),
        pick(0.95),
        pick(1.0),
    ));
}

fn measure(name: &str, corpus: &Corpus) {
    let paragraphs = corpus
        .instruments()
        .map(|i| i.preambular.len() + i.operative.len())
        .sum();
    let start = now();
    let index = SearchIndex::build(corpus);
    let build_ms = now() - start;
    let bytes = postcard::to_allocvec(&index).map_or(0, |b| b.len());
    report(name, paragraphs, build_ms, bytes, keystrokes(&index));
}

/// The median of `runs` timings of `f`, in milliseconds.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = now();
            f();
            now() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn compare_figures(corpus: &Corpus) {
    let mut instruments: Vec<_> = corpus.instruments().collect();
    instruments.sort_by_key(|i| std::cmp::Reverse(i.preambular.len() + i.operative.len()));
    let (a, b) = (instruments[0], instruments[1]);
    let t = median_ms(50, || {
        std::hint::black_box(align(a, b));
    });
    log(&format!(
        "alignment of {} and {} ({} and {} paragraphs): median {t:.2} ms",
        a.citation,
        b.citation,
        a.preambular.len() + a.operative.len(),
        b.preambular.len() + b.operative.len()
    ));
    let (p, q) = (&a.operative[0], &b.operative[0]);
    let t = median_ms(1000, || {
        std::hint::black_box(paragraph_diff(p, q, Scope::WithSubparagraphs));
    });
    log(&format!(
        "diff of {} and {}: median {:.3} ms",
        p.citation, q.citation, t
    ));
}

fn trail_figures(corpus: &Corpus) {
    let start = now();
    let index = SimilarityIndex::build(corpus);
    let build = now() - start;
    let units: Vec<UnitRef> = corpus
        .instruments()
        .take(200)
        .enumerate()
        .map(|(i, _)| UnitRef {
            instrument: i as u32,
            part: clause_explorer::model::Part::Operative,
            paragraph: 0,
        })
        .collect();
    let mut k = 0;
    let t = median_ms(units.len(), || {
        std::hint::black_box(index.similar_to(corpus, units[k % units.len()], LISTED));
        k += 1;
    });
    log(&format!(
        "similarity index at 100 000: build {build:.0} ms, {:.1} MiB, similar_to median {t:.2} ms",
        index.to_bytes().len() as f64 / 1048576.0
    ));
}

/// The shipped corpus's texts, parsed in the page (the app itself reads a
/// published corpus file instead).
fn shipped_texts() -> Corpus {
    let files = [
        (
            "a.txt",
            include_str!("../../corpus/ccpcj-33-1-rapid-technological-change.txt"),
        ),
        (
            "b.txt",
            include_str!("../../corpus/ccpcj-children-and-ict.txt"),
        ),
        (
            "c.txt",
            include_str!("../../corpus/ccpcj-ict-facilitated-trafficking.txt"),
        ),
        (
            "d.txt",
            include_str!("../../corpus/ccpcj-strengthening-measures.txt"),
        ),
        (
            "e.txt",
            include_str!("../../corpus/cop-untoc-11-5-trafficking-protocol.txt"),
        ),
    ];
    let mut documents: Vec<_> = files.iter().map(|(n, t)| parse_document(n, t)).collect();
    cite::assign(&mut documents);
    Corpus { documents }
}

#[wasm_bindgen_test]
fn figures_in_the_browser() {
    let seed = shipped_texts();
    measure("shipped corpus", &seed);
    compare_figures(&seed);

    let start = now();
    let corpus = synth::corpus(
        &seed,
        &Options {
            paragraphs: 100_000,
            seed: 7,
        },
    );
    log(&format!(
        "synthetic corpus generated and parsed in {:.0} ms",
        now() - start
    ));
    measure("synthetic 100 000", &corpus);
    trail_figures(&corpus);
}
