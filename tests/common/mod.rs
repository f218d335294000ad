//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The shipped corpus folder.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The corpus texts, as (file name, text), in file-name order.
pub fn corpus_texts() -> Vec<(String, String)> {
    texts_in(&corpus_dir())
}

/// Every `.txt` and `.md` file under `dir`, recursively, in path order.
pub fn texts_in(dir: &Path) -> Vec<(String, String)> {
    let mut paths = Vec::new();
    collect(dir, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("fixture is UTF-8 text");
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, text)
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")) {
            out.push(p);
        }
    }
}

/// The UN's Akoma Ntoso files (`../shared/un-akn`), in path order: all
/// of them with `CLAUSE_EXPLORER_AKN_ALL` set, else every `step`-th.
pub fn un_akn_files(step: usize) -> Vec<PathBuf> {
    let all = clause_explorer::corpus::xml_files_under(&un_akn_dir());
    assert!(
        all.len() >= 2000,
        "expected the 2,267 files of ../shared/un-akn, found {}",
        all.len()
    );
    if std::env::var_os("CLAUSE_EXPLORER_AKN_ALL").is_some() {
        all
    } else {
        all.into_iter().step_by(step).collect()
    }
}

/// `../shared/un-akn`, beside the checkout.
pub fn un_akn_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/un-akn")
}

/// The test fixtures folder.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

// ----- word conservation -----

use std::collections::BTreeMap;

use clause_explorer::model::{Document, Provenance, Subparagraph, Text};
use clause_explorer::parse::parse_document;

pub type Words = BTreeMap<String, i64>;

/// Words of a source text: runs of letters and digits, after removing
/// `<sup>…</sup>` marks, superscript digits, `<br>` and link targets `(#)`.
fn input_words(src: &str) -> Words {
    words_of(&stripped(src))
}

/// A source text with `<sup>…</sup>` marks, superscript digits, `<br>` and
/// link targets `(#)` replaced by spaces.
fn stripped(src: &str) -> String {
    let mut s = String::with_capacity(src.len());
    let mut rest = src;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<sup>") {
            // A tag is on one line: a paragraph break ends it.
            if let Some(end) = after
                .find("</sup>")
                .filter(|&e| e <= 16 && !after[..e].contains('\n'))
            {
                let inner = &after[..end];
                let inner_mark = inner.trim();
                let is_mark = (!inner_mark.is_empty()
                    && inner_mark.len() <= 4
                    && inner_mark.chars().all(|c| c.is_ascii_digit()))
                    || (inner_mark.chars().count() == 1
                        && inner_mark
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || "*†‡§".contains(c)));
                if is_mark {
                    s.push(' ');
                } else {
                    s.push_str(inner);
                }
                rest = &after[end + 6..];
                continue;
            }
        }
        if let Some(after) = rest.strip_prefix("](#)") {
            s.push(' ');
            rest = after;
            continue;
        }
        for tag in ["<br>", "<br/>", "<br />"] {
            if let Some(after) = rest.strip_prefix(tag) {
                s.push(' ');
                rest = after;
            }
        }
        let Some(c) = rest.chars().next() else { break };
        if !"⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c) {
            s.push(c);
        } else {
            s.push(' ');
        }
        rest = &rest[c.len_utf8()..];
    }
    s
}

fn words_of(text: &str) -> Words {
    let mut words = Words::new();
    add(&mut words, text);
    words
}

pub fn add(words: &mut Words, text: &str) {
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if !w.is_empty() {
            *words.entry(w.to_owned()).or_default() += 1;
        }
    }
}

/// Words of every field of the parsed document that comes from the text.
pub fn output_words(doc: &Document) -> Words {
    fn text(words: &mut Words, t: &Text) {
        add(words, &t.plain);
    }
    fn subs(words: &mut Words, list: &[Subparagraph]) {
        for s in list {
            add(words, &s.label);
            text(words, &s.text);
            subs(words, &s.subparagraphs);
        }
    }
    let mut words = Words::new();
    for p in &doc.unassigned {
        add(&mut words, &p.text);
    }
    for inst in &doc.instruments {
        for p in &inst.annex {
            add(&mut words, &p.text);
        }
        if let Some(d) = &inst.designation {
            add(&mut words, d);
        }
        add(&mut words, &inst.title);
        if inst.body_from == Some(Provenance::Text) {
            add(&mut words, inst.body.as_deref().unwrap_or_default());
        }
        if let Some(a) = &inst.adopted {
            add(&mut words, a);
        }
        for p in inst.paragraphs() {
            if let Some(n) = p.number {
                add(&mut words, &n.to_string());
            }
            if let Some(h) = &p.heading {
                add(&mut words, h);
            }
            text(&mut words, &p.text);
            subs(&mut words, &p.subparagraphs);
        }
        for f in &inst.footnotes {
            text(&mut words, &f.text);
        }
    }
    words
}

/// The words in one multiset and not the other, with their counts.
pub fn difference(input: &Words, output: &Words) -> Vec<(String, i64)> {
    let mut diff: Words = input.clone();
    for (w, n) in output {
        *diff.entry(w.clone()).or_default() -= n;
    }
    diff.into_iter().filter(|(_, n)| *n != 0).collect()
}

/// Panics with the differing words unless the parse of `src` keeps every
/// word of it exactly once.
pub fn assert_conserved(name: &str, src: &str) {
    let doc = parse_document(name, src);
    let diff = difference(&input_words(src), &output_words(&doc));
    assert!(
        diff.is_empty(),
        "{name}: words lost (+) or invented (-): {diff:?}"
    );
}

// ----- word order -----

/// The words of a text in order.
pub fn word_sequence(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words of a paragraph as the model holds them, in reading order:
/// number, text, then each sub-paragraph's label and text, depth first.
pub fn paragraph_words(p: &clause_explorer::model::Paragraph) -> Vec<String> {
    fn subs(out: &mut Vec<String>, list: &[Subparagraph]) {
        for s in list {
            out.extend(word_sequence(&s.label).into_iter().map(str::to_owned));
            out.extend(word_sequence(&s.text.plain).into_iter().map(str::to_owned));
            subs(out, &s.subparagraphs);
        }
    }
    let mut out: Vec<String> = p.number.map(|n| n.to_string()).into_iter().collect();
    out.extend(word_sequence(&p.text.plain).into_iter().map(str::to_owned));
    subs(&mut out, &p.subparagraphs);
    out
}

/// Where `words` stop being a subsequence of `source`: `None` when each
/// word is found in `source` after the one before it.
pub fn first_out_of_order(words: &[String], source: &[&str]) -> Option<usize> {
    let mut rest = source.iter();
    words.iter().position(|w| !rest.by_ref().any(|s| s == w))
}

/// Where a paragraph's source ends: the end of its own span or of its
/// last sub-paragraph's, whichever is later.
fn source_end(p: &clause_explorer::model::Paragraph) -> usize {
    fn subs(list: &[Subparagraph]) -> usize {
        list.iter()
            .map(|s| s.span.end.max(subs(&s.subparagraphs)))
            .max()
            .unwrap_or(0)
    }
    p.span.end.max(subs(&p.subparagraphs))
}

/// Panics unless, for every paragraph of the parse of `src`, its words
/// appear in its source text (its span to its last sub-paragraph's end) in
/// the same order (words of a footnote block inside a paragraph, kept
/// elsewhere, may come between).
pub fn assert_in_source_order(name: &str, src: &str) {
    assert_document_in_source_order(&parse_document(name, src), src);
}

/// [`assert_in_source_order`] for a document read from `src` by any
/// reader (an XML file's markup is skipped over like footnote blocks).
pub fn assert_document_in_source_order(doc: &Document, src: &str) {
    let name = &doc.source;
    let mut checked = 0;
    for inst in &doc.instruments {
        for p in inst.paragraphs() {
            let source = src.get(p.span.start..source_end(p)).unwrap_or_default();
            let source = stripped(source);
            let source = word_sequence(&source);
            let words = paragraph_words(p);
            if let Some(k) = first_out_of_order(&words, &source) {
                panic!(
                    "{name}: {}: word {k} {:?} is out of source order\n  parsed: {}\n  source: {}",
                    p.id,
                    words[k],
                    words.join(" "),
                    source.join(" ")
                );
            }
            checked += 1;
        }
    }
    assert!(
        checked > 0 || doc.instruments.iter().all(|i| i.paragraphs().count() == 0),
        "{name}: no paragraph checked"
    );
}
