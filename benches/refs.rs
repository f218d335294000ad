//! What finding citations costs when a corpus is published, printed as
//! figures: the citation index and the recovery pass over the shipped
//! corpus and over the UN's whole folder (`../shared/un-akn`, 2,267 files),
//! and what the index adds to the corpus file.
//!
//! `cargo bench --bench refs`

use std::path::Path;
use std::time::Instant;

use clause_explorer::model::Corpus;
use clause_explorer::refs::{recover, CitationIndex};

fn measure(name: &str, corpus: &Corpus) {
    let paragraphs: usize = corpus.instruments().map(|i| i.paragraphs().count()).sum();
    let mut best = f64::MAX;
    let mut index = CitationIndex::default();
    for _ in 0..3 {
        let start = Instant::now();
        index = CitationIndex::build(corpus);
        best = best.min(start.elapsed().as_secs_f64());
    }
    let mut copy = corpus.clone();
    let start = Instant::now();
    let recovered = recover(&mut copy);
    let recovery = start.elapsed().as_secs_f64();
    let encoded = postcard::to_allocvec(&index).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&encoded, 9);
    let references: usize = index.places.iter().map(|p| p.refs.len()).sum();
    println!(
        "{name}: {paragraphs} paragraphs, {references} references to {} targets: index {:.1} ms (best of 3), recovery {:.1} ms ({} recovered); index {} KB encoded, {} KB compressed",
        index.targets.len(),
        best * 1e3,
        recovery * 1e3,
        recovered.len(),
        encoded.len() / 1024,
        packed.len() / 1024,
    );
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shipped =
        clause_explorer::corpus::load_dir(&root.join("corpus")).expect("the corpus loads");
    measure("shipped corpus", &shipped.corpus);
    let un = root.join("../shared/un-akn");
    let paths = clause_explorer::corpus::xml_files_under(&un);
    if paths.is_empty() {
        eprintln!(
            "no XML under {}: the UN folder is not measured",
            un.display()
        );
        return;
    }
    let loaded = clause_explorer::corpus::load_files(&paths, None);
    measure("the UN's 2,267 files", &loaded.corpus);
}
