//! Akoma Ntoso import throughput over the UN's whole folder
//! (`../shared/un-akn`, 2,267 files, 110 MB), printed as figures: files
//! read into memory first, so this is the importer alone (XML parse,
//! tree walk, model), one thread, and again with citations assigned.
//!
//! `cargo bench --bench akn`

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use clause_explorer::akn::import;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/un-akn");
    let paths = clause_explorer::corpus::xml_files_under(&dir);
    if paths.is_empty() {
        eprintln!("no XML files under {}: nothing to measure", dir.display());
        return;
    }
    let files: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(p).expect("UTF-8 XML"))
        })
        .collect();
    let bytes: usize = files.iter().map(|(_, s)| s.len()).sum();
    for round in 1..=3 {
        let start = Instant::now();
        let mut instruments = 0;
        let mut paragraphs = 0;
        let mut docs = Vec::with_capacity(files.len());
        for (name, src) in &files {
            let doc = import(name, src).expect("every UN file imports");
            instruments += doc.instruments.len();
            paragraphs += doc
                .instruments
                .iter()
                .map(|i| i.paragraphs().count())
                .sum::<usize>();
            docs.push(doc);
        }
        let imported = start.elapsed();
        clause_explorer::cite::assign(&mut docs);
        let total = start.elapsed();
        black_box(&docs);
        let mb = bytes as f64 / 1e6;
        println!(
            "round {round}: {} files, {mb:.1} MB, {instruments} instruments, {paragraphs} paragraphs: \
             import {:.0} ms ({:.1} MB/s), with ids and citations {:.0} ms ({:.1} MB/s)",
            files.len(),
            imported.as_secs_f64() * 1e3,
            mb / imported.as_secs_f64(),
            total.as_secs_f64() * 1e3,
            mb / total.as_secs_f64(),
        );
    }
}
