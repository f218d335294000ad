//! Search benchmark: index build time, index size, peak heap and latency
//! per keystroke, over the shipped corpus and synthetic corpora.
//!
//! ```text
//! cargo bench --bench search                  # corpus, 10 k, 100 k, 1 M paragraphs
//! cargo bench --bench search -- --quick       # without 1 M (or SEARCH_BENCH_QUICK=1)
//! cargo bench --bench search -- --sizes 10000,50000
//! cargo bench --bench search -- --repeat 5     # type every query 5 times
//! cargo bench --bench search -- --only "supply ch"   # type one query instead
//! ```
//!
//! Each of `search::BENCH_QUERIES` is typed a character at a time and every
//! prefix is one search (`search::PAGE` hits, no filters), as the interface
//! does. The
//! figures are printed, never asserted: timing depends on the machine.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use clause_explorer::model::Corpus;
use clause_explorer::search::{search, Query, SearchIndex, BENCH_QUERIES, PAGE};
use clause_explorer::{corpus, synth};

/// The system allocator, counting live and peak heap bytes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counters are only bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// Resets the peak to the current live size and returns it.
fn reset_peak() -> usize {
    let live = live();
    PEAK.store(live, Ordering::Relaxed);
    live
}

fn peak() -> usize {
    PEAK.load(Ordering::Relaxed)
}

const DEFAULT_SIZES: &[usize] = &[10_000, 100_000, 1_000_000];
/// Hits asked for per keystroke: what the interface asks.
const LIMIT: usize = PAGE;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick =
        args.iter().any(|a| a == "--quick") || std::env::var_os("SEARCH_BENCH_QUICK").is_some();
    let mut sizes: Vec<usize> = DEFAULT_SIZES.to_vec();
    if let Some(k) = args.iter().position(|a| a == "--sizes") {
        sizes = args
            .get(k + 1)
            .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
            .unwrap_or_default();
    }
    if quick {
        sizes.retain(|&n| n < 1_000_000);
    }
    let only: Option<String> = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|k| args.get(k + 1))
        .cloned();
    let queries: Vec<&str> = match &only {
        Some(q) => vec![q.as_str()],
        None => BENCH_QUERIES.to_vec(),
    };
    let repeat: usize = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|k| args.get(k + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);

    let loaded = match corpus::load_dir(Path::new("corpus")) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("search bench: {e}");
            std::process::exit(2);
        }
    };
    let seed = loaded.corpus;
    println!(
        "Search benchmark: {} queries typed keystroke by keystroke ({repeat}x), limit {LIMIT}.\n",
        queries.len()
    );
    println!(
        "| corpus | paragraphs | units | words | build | index (postcard) | load | heap: corpus | heap: index | heap: build peak | keystrokes | p50 | p95 | max |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    run_with("shipped", &seed, 0, &queries, repeat);
    for &n in &sizes {
        let before = live();
        let corpus = synthetic(&seed, n);
        let corpus_heap = live().saturating_sub(before);
        run_with(
            &format!("synthetic {}", short(n)),
            &corpus,
            corpus_heap,
            &queries,
            repeat,
        );
    }
}

/// Builds the index of `corpus`, measures it, types every query.
fn run_with(name: &str, corpus: &Corpus, corpus_heap: usize, queries: &[&str], repeat: usize) {
    let paragraphs: usize = corpus
        .instruments()
        .map(|i| i.preambular.len() + i.operative.len())
        .sum();
    let base = reset_peak();
    let started = Instant::now();
    let index = SearchIndex::build(corpus);
    let build = started.elapsed();
    let build_peak = peak().saturating_sub(base);
    let index_heap = live().saturating_sub(base);
    let bytes = match postcard::to_allocvec(&index) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("search bench: cannot serialize the index: {e}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let loaded: Result<SearchIndex, _> = postcard::from_bytes(&bytes);
    let load = started.elapsed();
    if loaded.as_ref().ok() != Some(&index) {
        eprintln!("search bench: the index does not read back as written");
        std::process::exit(2);
    }
    let size = bytes.len();
    drop(loaded);
    drop(bytes);

    let mut latencies: Vec<Duration> = Vec::new();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    for q in queries.iter().cycle().take(queries.len() * repeat) {
        let mut typed = String::new();
        for c in q.chars() {
            typed.push(c);
            let query = Query::new(&typed);
            let started = Instant::now();
            let results = search(&index, &query, LIMIT);
            let took = started.elapsed();
            std::hint::black_box(&results);
            latencies.push(took);
            slowest.push((took, typed.clone()));
        }
    }
    latencies.sort_unstable();
    slowest.sort_unstable_by_key(|x| std::cmp::Reverse(x.0));
    let at = |p: f64| latencies[((latencies.len() - 1) as f64 * p).round() as usize];
    println!(
        "| {name} | {paragraphs} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
        index.units(),
        index.words(),
        ms(build),
        mib(size),
        ms(load),
        mib(corpus_heap),
        mib(index_heap),
        mib(build_peak),
        latencies.len(),
        ms(at(0.5)),
        ms(at(0.95)),
        ms(at(1.0)),
    );
    // The slowest keystroke of each query, slowest queries first.
    let mut worst: Vec<(Duration, &str)> = Vec::new();
    for q in queries {
        let max = slowest
            .iter()
            .filter(|(_, typed)| q.starts_with(typed.as_str()))
            .map(|(d, _)| *d)
            .max()
            .unwrap_or_default();
        worst.push((max, q));
    }
    worst.sort_unstable_by_key(|x| std::cmp::Reverse(x.0));
    let worst: Vec<String> = worst
        .iter()
        .take(8)
        .map(|(d, q)| format!("{} {q:?}", ms(*d)))
        .collect();
    eprintln!(
        "  {name}: slowest queries (worst keystroke): {}",
        worst.join(", ")
    );
}

/// A synthetic corpus of `paragraphs` paragraphs recombined from `seed`,
/// parsed as the explorer parses files.
fn synthetic(seed: &Corpus, paragraphs: usize) -> Corpus {
    synth::corpus(
        seed,
        &synth::Options {
            paragraphs,
            seed: 7,
        },
    )
}

fn short(n: usize) -> String {
    match n {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{} M", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("{} k", n / 1_000),
        n => n.to_string(),
    }
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 1000.0 {
        format!("{:.1} s", ms / 1000.0)
    } else if ms >= 10.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.2} ms")
    }
}

fn mib(bytes: usize) -> String {
    let m = bytes as f64 / (1024.0 * 1024.0);
    if m >= 10.0 {
        format!("{m:.0} MiB")
    } else {
        format!("{m:.2} MiB")
    }
}
