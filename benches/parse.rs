//! Parse throughput, printed as figures (not asserted): the shipped corpus,
//! a synthetic corpus of 100 000 paragraphs, and a 10 MB single line.
//!
//! `cargo bench --bench parse`

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use clause_explorer::corpus::load_dir;
use clause_explorer::parse::parse_document;
use clause_explorer::synth::{synthesize, Options};

/// Runs `f` repeatedly for about `budget` and returns the median duration.
fn median(budget: Duration, mut f: impl FnMut()) -> Duration {
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 5 || (start.elapsed() < budget && times.len() < 1000) {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

fn report(name: &str, bytes: usize, time: Duration) {
    let mb = bytes as f64 / 1e6;
    println!(
        "{name:<34} {mb:>8.2} MB  {:>9.2} ms  {:>7.1} MB/s",
        time.as_secs_f64() * 1e3,
        mb / time.as_secs_f64()
    );
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let corpus = load_dir(&dir).expect("corpus folder is readable").corpus;
    let texts: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("corpus folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("corpus file is UTF-8");
            (p.display().to_string(), text)
        })
        .collect();
    println!(
        "{:<34} {:>11}  {:>12}  {:>12}",
        "input", "size", "median", "throughput"
    );

    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let time = median(Duration::from_secs(2), || {
        for (name, text) in &texts {
            black_box(parse_document(name, text));
        }
    });
    report("shipped corpus (5 files)", bytes, time);

    let synthetic = synthesize(
        &corpus,
        &Options {
            paragraphs: 100_000,
            seed: 7,
        },
    );
    let bytes: usize = synthetic.iter().map(|f| f.text.len()).sum();
    let time = median(Duration::from_secs(5), || {
        for f in &synthetic {
            black_box(parse_document(&f.name, &f.text));
        }
    });
    report("synthetic, 100 000 paragraphs", bytes, time);

    let line = "Recalling the importance of the Convention,¹ ".repeat(10_000_000 / 46);
    let time = median(Duration::from_secs(3), || {
        black_box(parse_document("line.txt", &line));
    });
    report("one 10 MB line", line.len(), time);
}
