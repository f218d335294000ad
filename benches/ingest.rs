//! What adding documents costs the document reader (the engine under the
//! page's "Add documents"), printed as figures: reading and joining twenty
//! of the General Assembly's XML files (every 25th file, about 1 MB) to
//! the shipped corpus, split into reading the files and rebuilding the
//! bundle; and one Word file. The page's own figure, keystroke-free, from
//! the file input to the report on screen: `node scripts/bench-documents.mjs`.
//!
//! `cargo bench --bench ingest`

use std::path::{Path, PathBuf};
use std::time::Instant;

use clause_explorer::corpus::{prepare, CollectionOptions};
use clause_explorer::ingest::session::{Session, Source};

fn ga_files() -> Vec<Source> {
    let ga = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/un-akn/ga");
    let mut sessions: Vec<PathBuf> = std::fs::read_dir(&ga)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    sessions.sort();
    let mut all = Vec::new();
    for s in sessions {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&s)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|f| f.extension().is_some_and(|e| e == "xml"));
        files.sort();
        all.extend(files);
    }
    all.iter()
        .step_by(25)
        .take(20)
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some(Source::new(name, std::fs::read(p).ok()?))
        })
        .collect()
}

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let Ok(prepared) = prepare(&[corpus], &CollectionOptions::default()) else {
        eprintln!("the shipped corpus does not build");
        return;
    };
    let files = ga_files();
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let mut best = (f64::MAX, f64::MAX);
    for _ in 0..3 {
        let mut session = Session::new(prepared.bundle.clone());
        let start = Instant::now();
        let update = session.add(files.clone(), |_, _| {});
        let total = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let again = session.bundle();
        let rebuild = start.elapsed().as_secs_f64();
        assert_eq!(again, update.bundle);
        best = (best.0.min(total), best.1.min(rebuild));
    }
    println!(
        "{} GA XML files ({:.2} MB) added to the shipped corpus: {:.0} ms (best of 3), of which rebuilding the bundle {:.0} ms",
        files.len(),
        bytes as f64 / 1e6,
        best.0 * 1e3,
        best.1 * 1e3
    );
    // Where the rebuild goes: each index of the bundle, over the corpus
    // with the twenty files added.
    let mut session = Session::new(prepared.bundle.clone());
    let bundle = session.add(files.clone(), |_, _| {}).bundle;
    let corpus = bundle.corpus.clone();
    let time = |f: &dyn Fn()| {
        let start = Instant::now();
        f();
        start.elapsed().as_secs_f64() * 1e3
    };
    let instruments: Vec<_> = corpus.instruments().collect();
    println!(
        "  of which: citation index {:.0} ms, search index {:.0} ms, similarity index {:.0} ms, reuse matrix ({} instruments) {:.0} ms, encoding {:.0} ms",
        time(&|| drop(clause_explorer::refs::CitationIndex::build(&corpus))),
        time(&|| drop(clause_explorer::search::SearchIndex::build(&corpus))),
        time(&|| drop(clause_explorer::trail::SimilarityIndex::build(&corpus))),
        instruments.len(),
        time(&|| drop(clause_explorer::pictures::reuse_shares(&instruments))),
        time(&|| drop(postcard::to_allocvec(&bundle).unwrap())),
    );
    let docx =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docx/ccpcj-33-1-excerpt.docx");
    if let Ok(bytes) = std::fs::read(&docx) {
        let start = Instant::now();
        let got = clause_explorer::docx::to_text(&bytes);
        println!(
            "one Word file ({} KB) read to text: {:.2} ms ({})",
            bytes.len() / 1000,
            start.elapsed().as_secs_f64() * 1e3,
            if got.is_ok() { "ok" } else { "failed" }
        );
    }
}
