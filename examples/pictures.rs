//! How long the pictures take on a corpus, the reuse matrix above all (it
//! aligns every pair of instruments):
//! `cargo run --profile bench --example pictures -- [CORPUS_DIR] [--out DIR]`.
//!
//! Prints figures only. With `--out`, also writes each picture to DIR as
//! an `.svg` and all of them in `preview.html`, with a stylesheet giving
//! the pictures' classes the app's colours, light and dark, to look at.
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clause_explorer::model::Instrument;
use clause_explorer::pictures::{self, Picture, Trail};
use clause_explorer::trail::{SimilarityIndex, UnitRef};

const RUNS: usize = 3;

fn main() {
    let mut dir = PathBuf::from("corpus");
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = Some(args.next().expect("a folder after --out").into()),
            _ => dir = arg.into(),
        }
    }
    let corpus = clause_explorer::corpus::load_dir(&dir)
        .expect("a corpus folder")
        .corpus;
    let instruments: Vec<&Instrument> = corpus.instruments().collect();
    let n = instruments.len();
    println!(
        "{}: {} documents, {n} instruments, {} paragraphs; {} alignments a matrix",
        dir.display(),
        corpus.documents.len(),
        instruments
            .iter()
            .map(|i| i.paragraphs().count())
            .sum::<usize>(),
        n * n.saturating_sub(1) / 2
    );

    let (shares, took) = timed(|| pictures::reuse_shares(&instruments));
    println!("reuse shares: {}", runs(&took));
    let (matrix, took) = timed(|| pictures::reuse_matrix(&instruments, &shares));
    println!(
        "reuse matrix picture: {} ({} bytes)",
        runs(&took),
        matrix.svg.len()
    );

    let (profiles, took) = timed(|| -> Vec<Picture> {
        instruments
            .iter()
            .map(|i| pictures::verb_profile(i))
            .collect()
    });
    println!("{n} verb profiles: {}", runs(&took));

    let index = SimilarityIndex::build(&corpus);
    // A well-travelled paragraph of the shipped corpus, or the first.
    let unit = UnitRef::of_id(&corpus, "untoc-cop-res-11-5-op-1")
        .or_else(|| UnitRef::all(&corpus).into_iter().next());
    let (trail, took) = timed(|| {
        let t = unit.and_then(|u| Trail::of(&corpus, &index, u, pictures::TRAIL_POINTS));
        t.map(|t| pictures::trail(&t))
    });
    println!("a trail, query and picture: {}", runs(&took));

    let (graph, took) = timed(|| {
        let (nodes, edges) = pictures::citations(
            &corpus,
            &clause_explorer::refs::CitationIndex::build(&corpus),
        );
        pictures::citation_graph(&nodes, &edges)
    });
    println!("citations and their picture: {}", runs(&took));

    if let Some(out) = out {
        let mut all: Vec<(String, &Picture)> = vec![("reuse".into(), &matrix)];
        all.extend(
            instruments
                .iter()
                .zip(&profiles)
                .map(|(i, p)| (format!("profile-{}", i.id), p)),
        );
        all.extend(trail.iter().map(|t| ("trail".to_owned(), t)));
        all.push(("citations".into(), &graph));
        write(&out, &all);
    }
}

/// Runs `f` [`RUNS`] times: its last result and each run's time.
fn timed<T>(mut f: impl FnMut() -> T) -> (T, Vec<Duration>) {
    let mut took = Vec::new();
    let mut result = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        result = Some(f());
        took.push(start.elapsed());
    }
    (result.expect("at least one run"), took)
}

fn runs(took: &[Duration]) -> String {
    let each: Vec<String> = took.iter().map(|d| format!("{d:.2?}")).collect();
    let best = took.iter().min().copied().unwrap_or_default();
    format!("best {best:.2?} of {}", each.join(", "))
}

/// The app's own stylesheet: the pictures look here as in the page.
const STYLE: &str = include_str!("../style/main.css");

fn write(out: &std::path::Path, pictures: &[(String, &Picture)]) {
    std::fs::create_dir_all(out).expect("a folder to write to");
    let mut html =
        format!("<!doctype html><meta charset=utf-8><title>Pictures</title><style>{STYLE}</style>");
    for (name, p) in pictures {
        std::fs::write(out.join(format!("{name}.svg")), &p.svg).expect("writable");
        let caption = p
            .alt_table
            .caption
            .replace('&', "&amp;")
            .replace('<', "&lt;");
        html.push_str(&format!("<h2>{caption}</h2>{}", p.svg));
    }
    std::fs::write(out.join("preview.html"), html).expect("writable");
    println!("wrote {} pictures to {}", pictures.len(), out.display());
}
