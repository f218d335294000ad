//! The command-line tool as a user runs it: exit codes, what goes to
//! stdout (the output) and to stderr (the errors), for `parse`, `check`
//! and `synth`.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the tool from the repository root.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clause-explorer"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the tool runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("clause-explorer-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

const RES_33_1: &str = "corpus/ccpcj-33-1-rapid-technological-change.txt";
const COP_11_5: &str = "corpus/cop-untoc-11-5-trafficking-protocol.txt";

#[test]
fn parse_prints_one_json_document_per_file_with_the_manifest_applied() {
    let o = run(&["parse", RES_33_1, COP_11_5]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("stdout is JSON");
    let documents = json["documents"].as_array().expect("a list of documents");
    let sources: Vec<&str> = documents
        .iter()
        .map(|d| d["source"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(
        sources,
        [
            "ccpcj-33-1-rapid-technological-change.txt",
            "cop-untoc-11-5-trafficking-protocol.txt"
        ]
    );
    let first = &documents[0]["instruments"][0];
    assert_eq!(first["id"], "ccpcj-res-33-1");
    assert_eq!(first["symbol"], "33/1");
    // The year comes from the manifest next to the file.
    assert_eq!(first["year"], 2024);
    let op7 = &first["operative"][6];
    assert_eq!(op7["id"], "ccpcj-res-33-1-op-7");
    assert_eq!(op7["number"], 7);
    assert_eq!(op7["subparagraphs"][0]["label"], "a");
    // The documented shape of a paragraph (`src/cli/json.rs`), no more.
    let mut keys: Vec<&str> = op7
        .as_object()
        .expect("a paragraph object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "citation",
            "footnote_refs",
            "heading",
            "id",
            "lead",
            "lead_group",
            "links",
            "number",
            "ordinal",
            "subparagraphs",
            "text"
        ]
    );
}

#[test]
fn check_summarises_each_file_and_what_the_manifest_supplied() {
    let o = run(&["check", RES_33_1]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "ccpcj-33-1-rapid-technological-change.txt");
    assert_eq!(lines[1], "  CCPCJ res. 33/1 (ccpcj-res-33-1)");
    assert!(lines.contains(&"    14 preambular, 11 operative, 21 sub-paragraphs, 7 footnotes"));
    // The decision's body and year are the manifest's, not the text's.
    let decision = lines
        .iter()
        .position(|l| *l == "  CCPCJ dec. 33/1 (ccpcj-dec-33-1)")
        .expect("the decision");
    assert!(
        lines[decision..].contains(&"    from the manifest: year, adopting body"),
        "{out}"
    );
    assert!(out.contains("  warning: line 3: text outside any instrument"));
}

#[test]
fn a_file_that_cannot_be_read_is_named_on_stderr_and_the_others_are_still_checked() {
    let o = run(&["check", "corpus/no-such-file.txt", COP_11_5]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.starts_with("cop-untoc-11-5-trafficking-protocol.txt\n"),
        "{out}"
    );
    assert!(!out.contains("no-such-file"));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("clause-explorer: corpus/no-such-file.txt: cannot read"),
        "{err}"
    );
}

#[test]
fn a_manifest_that_does_not_parse_is_an_error_naming_it() {
    let dir = scratch("bad-manifest");
    std::fs::write(
        dir.join("a.txt"),
        "Resolution 1/1\n\nA title\n\nThe General Assembly,\n\n1. *Urges* States.\n",
    )
    .expect("a file");
    std::fs::write(dir.join("manifest.toml"), "[[file]]\nnaem = \"a.txt\"\n").expect("a file");
    let file = dir.join("a.txt");
    let o = run(&["check", path_str(&file)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("manifest.toml") && err.contains("naem"),
        "{err}"
    );
    // The file itself is still checked, without the manifest.
    assert!(stdout(&o).starts_with("a.txt\n"));
}

#[test]
fn usage_errors_exit_with_2_and_the_usage_on_stderr() {
    for (args, message) in [
        (&[][..], "clause-explorer: no command given"),
        (&["check"][..], "clause-explorer: check: no files given"),
        (
            &["summarise", RES_33_1][..],
            "clause-explorer: unknown command \"summarise\"",
        ),
        (
            &["synth", "--paragraphs", "5"][..],
            "clause-explorer: synth needs --paragraphs N and --out DIR",
        ),
        (
            &["synth", "--paragraphs", "many"][..],
            "clause-explorer: expected a number, got \"many\"",
        ),
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&o), "", "{args:?}");
        let err = stderr(&o);
        assert!(err.starts_with(message), "{args:?}: {err}");
        if args.len() < 3 {
            assert!(
                err.contains("usage: clause-explorer <command> FILE..."),
                "{args:?}: {err}"
            );
        }
    }
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).starts_with("usage: clause-explorer"));
}

#[test]
fn synth_writes_a_corpus_of_the_paragraphs_asked_for_the_same_for_the_same_seed() {
    let (a, b) = (scratch("synth-a"), scratch("synth-b"));
    for dir in [&a, &b] {
        let o = run(&[
            "synth",
            "--paragraphs",
            "1_200",
            "--seed",
            "3",
            "--out",
            path_str(dir),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(stdout(&o), "");
        let err = stderr(&o);
        assert!(
            err.starts_with("clause-explorer: wrote ") && err.contains(" with 1200 paragraphs to "),
            "{err}"
        );
    }
    let (texts_a, texts_b) = (common::texts_in(&a), common::texts_in(&b));
    assert!(!texts_a.is_empty());
    assert_eq!(texts_a, texts_b);
    let corpus = clause_explorer::corpus::load_dir(&a)
        .expect("the synthetic corpus loads")
        .corpus;
    let paragraphs: usize = corpus.instruments().map(|i| i.paragraphs().count()).sum();
    assert_eq!(paragraphs, 1200);
    // And the tool reads it back.
    let files: Vec<String> = texts_a
        .iter()
        .map(|(name, _)| path_str(&a.join(name)).to_owned())
        .collect();
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn xml_files_are_read_beside_text_and_a_bad_one_is_named_with_its_line() {
    let dir = scratch("xml");
    let bad = dir.join("truncated.xml");
    std::fs::write(&bad, "<akomaNtoso>\n<statement>\n<preface>").unwrap();
    let html = dir.join("page.xml");
    std::fs::write(&html, "<html><body>Recalling</body></html>").unwrap();
    let o = run(&[
        "check",
        path_str(&bad),
        "corpus/ga-78-228-coordination-trafficking.xml",
        path_str(&html),
        COP_11_5,
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("ga-78-228-coordination-trafficking.xml\n  A/RES/78/228 (ga-res-78-228)"),
        "{out}"
    );
    assert!(
        out.contains("cop-untoc-11-5-trafficking-protocol.txt\n"),
        "{out}"
    );
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].contains("truncated.xml:3:"), "{err}");
    assert!(lines[0].contains("malformed XML"), "{err}");
    assert!(
        lines[1].contains("page.xml:1:1: not an Akoma Ntoso file: the root element is <html>"),
        "{err}"
    );
}

#[test]
fn parse_prints_an_xml_file_with_its_record_links_and_annex() {
    let o = run(&["parse", "corpus/ga-80-9-political-declaration-2025.xml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let inst = &json["documents"][0]["instruments"][0];
    assert_eq!(inst["citation"], "A/RES/80/9");
    let record = &inst["record"];
    assert_eq!(record["document_symbol"], "A/RES/80/9");
    assert_eq!(record["session"], "80");
    assert_eq!(record["language"], "eng");
    assert!(
        record["vote"] == "without a vote" || record["vote"]["in_favour"].is_u64(),
        "{record}"
    );
    assert!(record["subjects"].as_array().is_some_and(|s| !s.is_empty()));
    // The declaration it adopts is annexed: an instrument of its own.
    let annex = &json["documents"][0]["instruments"][1];
    assert_eq!(annex["citation"], "A/RES/80/9, annex");
    assert_eq!(annex["designation"], "Annex");
    assert!(annex["title"]
        .as_str()
        .is_some_and(|t| t.starts_with("2025 Political Declaration")));
    assert_eq!(
        annex["operative"][3]["citation"],
        "A/RES/80/9, annex, op. 4"
    );
    // Links are kept as references, with the words they stand on.
    let o = run(&["parse", "corpus/ga-78-228-coordination-trafficking.xml"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let pp8 = &json["documents"][0]["instruments"][0]["preambular"][7];
    assert_eq!(pp8["links"][0]["text"], "64/293");
    assert_eq!(
        pp8["links"][0]["href"],
        "https://undocs.org/en/A/RES/64/293"
    );
}
