//! What the explorer's build makes of a corpus folder: the shipped corpus
//! builds (with its warnings echoed), and a folder that cannot make an
//! explorer stops the build with each file, line and reason.

mod common;

use std::path::PathBuf;

use clause_explorer::bundle::Bundle;
use clause_explorer::corpus::prepare;

/// A fresh folder holding the given files.
fn folder(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("clause-explorer-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).unwrap();
    }
    dir
}

#[test]
fn the_shipped_corpus_prepares_a_bundle_that_decodes() {
    let prepared = prepare(&common::corpus_dir()).expect("the corpus builds");
    assert_eq!(prepared.bundle.corpus.instruments().count(), 6);
    assert_eq!(prepared.warnings.len(), 4, "{:#?}", prepared.warnings);
    let bytes = prepared.bundle.encode();
    assert_eq!(Bundle::decode(&bytes).unwrap(), prepared.bundle);
}

#[test]
fn unreadable_files_stop_the_build_with_file_line_and_reason() {
    let dir = folder(
        "bad",
        &[
            (
                "good.txt",
                b"T\n\nThe General Assembly,\n\n1. *Urges* States.\n",
            ),
            ("empty.txt", b""),
            ("scan.txt", b"%PDF-1.7\nline two\n\x00\x01binary"),
            ("notes.md", b"Some notes\n\nabout nothing in particular.\n"),
        ],
    );
    let problems = prepare(&dir).expect_err("the build must stop");
    let prefix = format!("{}/", dir.display());
    let names: Vec<&str> = problems
        .iter()
        .map(|p| p.strip_prefix(&prefix).unwrap_or(p))
        .collect();
    assert_eq!(names.len(), 3, "{problems:#?}");
    assert!(
        names
            .iter()
            .any(|p| p.starts_with("empty.txt:1: the file is empty")),
        "{names:?}"
    );
    assert!(
        names
            .iter()
            .any(|p| p.starts_with("scan.txt:3: binary data")),
        "{names:?}"
    );
    assert!(
        names
            .iter()
            .any(|p| p.starts_with("notes.md:1: no resolution or decision found")),
        "{names:?}"
    );
}

#[test]
fn a_folder_without_texts_stops_the_build() {
    let dir = folder("none", &[("readme.pdf", b"%PDF")]);
    let problems = prepare(&dir).expect_err("the build must stop");
    assert!(
        problems[0].ends_with("the folder holds no .txt or .md files"),
        "{problems:?}"
    );
}
