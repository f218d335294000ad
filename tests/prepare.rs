//! What `publish` makes of a corpus folder: the shipped corpus prepares
//! (with its warnings), and a folder that cannot make an explorer stops
//! with each file, line and reason.

mod common;

use std::path::PathBuf;

use clause_explorer::bundle::Bundle;
use clause_explorer::corpus::{prepare, CollectionOptions};

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
    let prepared =
        prepare(&[common::corpus_dir()], &CollectionOptions::default()).expect("the corpus builds");
    assert_eq!(prepared.bundle.corpus.instruments().count(), 17);
    // The texts' four known problems; the UN's XML only warns of the
    // markup it repaired (sub-paragraphs marked up as paragraphs).
    let (xml, text): (Vec<&String>, Vec<&String>) =
        prepared.warnings.iter().partition(|w| w.contains(".xml:"));
    assert_eq!(text.len(), 4, "{text:#?}");
    assert!(
        !xml.is_empty() && xml.iter().all(|w| w.contains("markup repaired")),
        "{xml:#?}"
    );
    let bytes = prepared.bundle.to_file();
    assert_eq!(Bundle::from_file(&bytes).unwrap(), prepared.bundle);
    assert_eq!(
        prepared.bundle.collection.title,
        "Trafficking in persons: UN resolutions"
    );
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
    let problems =
        prepare(&[dir.clone()], &CollectionOptions::default()).expect_err("the build must stop");
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
    let problems =
        prepare(&[dir.clone()], &CollectionOptions::default()).expect_err("the build must stop");
    assert!(
        problems[0].ends_with("no .txt, .md, .xml or .docx files to read"),
        "{problems:?}"
    );
}

#[test]
fn the_title_given_overrides_the_manifests() {
    let options = CollectionOptions {
        title: Some("Our texts".into()),
        description: None,
    };
    let prepared = prepare(&[common::corpus_dir()], &options).unwrap();
    assert_eq!(prepared.bundle.collection.title, "Our texts");
    assert!(!prepared.bundle.collection.description.is_empty());
}

#[test]
fn files_from_two_folders_keep_each_folders_manifest() {
    let a = folder(
        "a",
        &[(
            "one.txt",
            b"T one\n\nThe General Assembly,\n\n1. *Urges* States.\n",
        )],
    );
    std::fs::write(
        a.join("manifest.toml"),
        "[collection]\ntitle = \"A\"\nattribution = \"Source A\"\n",
    )
    .unwrap();
    let b = folder(
        "b",
        &[(
            "two.txt",
            b"T two\n\nThe General Assembly,\n\n1. *Decides* to act.\n",
        )],
    );
    std::fs::write(
        b.join("manifest.toml"),
        "[collection]\ntitle = \"B\"\nattribution = \"Source B\"\n",
    )
    .unwrap();
    let prepared = prepare(
        &[a.join("one.txt"), b.clone()],
        &CollectionOptions::default(),
    )
    .unwrap();
    assert_eq!(prepared.bundle.corpus.instruments().count(), 2);
    assert_eq!(prepared.bundle.collection.title, "A");
    assert_eq!(
        prepared.bundle.collection.attribution,
        vec!["Source A", "Source B"]
    );
}

/// The UN's folders hold one folder a session (`ga/75session/…`): a
/// folder given to `publish` is read with its sub-folders, in path order,
/// and what is not a text is passed over there as at the top.
#[test]
fn a_folder_is_read_with_its_sub_folders() {
    let dir = folder(
        "nested",
        &[(
            "top.txt",
            b"T top\n\nThe General Assembly,\n\n1. *Urges* States.\n",
        )],
    );
    for (sub, name, verb) in [
        ("75session", "a.txt", "Decides"),
        ("76session", "b.txt", "Requests"),
    ] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        std::fs::write(
            dir.join(sub).join(name),
            format!("T {name}\n\nThe General Assembly,\n\n1. *{verb}* something.\n"),
        )
        .unwrap();
    }
    std::fs::write(dir.join("76session").join("notes.pdf"), b"%PDF").unwrap();
    let prepared = prepare(&[dir], &CollectionOptions::default()).unwrap();
    let sources: Vec<&str> = prepared
        .bundle
        .corpus
        .documents
        .iter()
        .map(|d| d.source.as_str())
        .collect();
    // A document is named by its file, as the manifest names it.
    assert_eq!(sources, ["a.txt", "b.txt", "top.txt"]);
}
