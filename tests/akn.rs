//! The UN's own Akoma Ntoso files (`../shared/un-akn`, 2,267 resolutions):
//! every one imports without an error, with as many paragraphs and
//! sub-paragraphs as its markup has, and every word of its text outside
//! `meta` kept exactly once.
//!
//! The whole folder (110 MB) takes about a minute in a debug build; the
//! suite reads every fifth file. `CLAUSE_EXPLORER_AKN_ALL=1 cargo test
//! --test akn` reads them all (and `cargo bench --bench akn` times them).

mod common;

use std::path::{Path, PathBuf};

use clause_explorer::akn;
use clause_explorer::model::{Document, Subparagraph};
use clause_explorer::warning::WarningKind;
use common::Words;

/// The files this run reads: all of them, or every fifth.
fn sample() -> Vec<PathBuf> {
    common::un_akn_files(5)
}

/// Elements whose text joins the words around it (all others are blocks).
const INLINE: &[&str] = &["span", "a", "sup", "sub", "i", "b", "u", "inline"];

/// The words of the file's text outside `meta`, read straight from the
/// tree: text nodes in order, a space at every element boundary but
/// inline ones.
fn input_words(xml: &roxmltree::Document<'_>) -> Words {
    fn walk(node: roxmltree::Node<'_, '_>, out: &mut String, notes: &mut String) {
        for c in node.children() {
            if c.is_text() {
                out.push_str(c.text().unwrap_or_default());
            } else if c.tag_name().name() == "authorialNote" {
                // A footnote is not text where it is cited: the words
                // around its mark join ("a<note/>nd" is "and").
                notes.push(' ');
                let mut inner = String::new();
                walk(c, &mut inner, notes);
                notes.push_str(&inner);
            } else if c.is_element() && c.tag_name().name() != "meta" {
                let inline = INLINE.contains(&c.tag_name().name());
                if !inline {
                    out.push(' ');
                }
                walk(c, out, notes);
                if !inline {
                    out.push(' ');
                }
            }
        }
    }
    let (mut text, mut notes) = (String::new(), String::new());
    walk(xml.root_element(), &mut text, &mut notes);
    let mut words = Words::new();
    common::add(&mut words, &text);
    common::add(&mut words, &notes);
    words
}

/// What the markup itself counts: preambular paragraphs (`container`s and
/// `blockList`s of a `preamble`), operative paragraphs (`paragraph`s with
/// content in a statement's `mainBody`, in sections or not) and their
/// sub-paragraphs (`point`s and `item`s).
#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    preambular: usize,
    operative: usize,
    subparagraphs: usize,
}

const SECTIONS: &[&str] = &[
    "section",
    "part",
    "chapter",
    "title",
    "subsection",
    "division",
];

fn markup_counts(xml: &roxmltree::Document<'_>) -> Counts {
    let mut c = Counts::default();
    let name = |n: roxmltree::Node<'_, '_>| n.tag_name().name().to_owned();
    for n in xml.descendants().filter(|n| n.is_element()) {
        let parent = n.parent_element().map(name).unwrap_or_default();
        let clause_parent = || {
            n.ancestors()
                .skip(1)
                .find(|a| !SECTIONS.contains(&a.tag_name().name()))
                .is_some_and(|a| {
                    a.tag_name().name() == "mainBody"
                        && a.parent_element()
                            .is_some_and(|s| s.tag_name().name() == "statement")
                })
        };
        match name(n).as_str() {
            // A list straight in the preamble with no introduction of its
            // own continues the paragraph before it (75/55).
            "container" | "blockList" if parent == "preamble" => {
                let stray = name(n) == "blockList"
                    && !n
                        .children()
                        .any(|k| k.tag_name().name() == "listIntroduction")
                    && n.prev_sibling_element()
                        .is_some_and(|p| name(p) == "container");
                c.preambular += usize::from(!stray);
                c.subparagraphs += n
                    .descendants()
                    .filter(|d| d.tag_name().name() == "item")
                    .count();
            }
            // A paragraph with no words ("* * *") separates; it is no clause.
            "paragraph"
                if clause_parent()
                    && n.children().any(|k| {
                        matches!(k.tag_name().name(), "content" | "list" | "p" | "blockList")
                    })
                    && n.descendants().any(|d| {
                        d.is_text()
                            && d.text()
                                .is_some_and(|t| t.chars().any(char::is_alphanumeric))
                    }) =>
            {
                c.operative += 1;
                // A quoted text (`embeddedStructure`: a draft recommended
                // for adoption) is text of the paragraph that quotes it.
                c.subparagraphs += n
                    .descendants()
                    .filter(|d| matches!(d.tag_name().name(), "point" | "item"))
                    .filter(|d| {
                        !d.ancestors()
                            .any(|a| a.tag_name().name() == "embeddedStructure")
                    })
                    .count();
            }
            _ => {}
        }
    }
    c
}

/// An instrument the importer made of an annex (a `doc` of the file).
fn is_annex(inst: &clause_explorer::model::Instrument, src: &str) -> bool {
    src.get(inst.span.start..)
        .is_some_and(|s| s.starts_with("<doc"))
}

fn model_counts(doc: &Document, src: &str) -> Counts {
    fn subs(list: &[Subparagraph]) -> usize {
        list.iter().map(|s| 1 + subs(&s.subparagraphs)).sum()
    }
    let mut c = Counts::default();
    // Annexes of numbered paragraphs are instruments of their own, beyond
    // what the markup counts as the resolution's (their words are still
    // checked below).
    for inst in doc.instruments.iter().filter(|i| !is_annex(i, src)) {
        c.preambular += inst.preambular.len();
        c.operative += inst.operative.len();
        c.subparagraphs += inst
            .paragraphs()
            .map(|p| subs(&p.subparagraphs))
            .sum::<usize>();
    }
    c
}

/// The words of an element's text, footnotes left out, in order.
fn source_words(node: roxmltree::Node<'_, '_>) -> String {
    fn walk(node: roxmltree::Node<'_, '_>, out: &mut String) {
        for c in node.children() {
            if c.is_text() {
                out.push_str(c.text().unwrap_or_default());
            } else if c.is_element() && c.tag_name().name() != "authorialNote" {
                let inline = INLINE.contains(&c.tag_name().name());
                if !inline {
                    out.push(' ');
                }
                walk(c, out);
                if !inline {
                    out.push(' ');
                }
            }
        }
    }
    let mut out = String::new();
    walk(node, &mut out);
    out
}

/// Paragraphs whose words (number, text, sub-paragraphs depth first) are
/// not in the order of their element's text.
fn out_of_order(doc: &Document, xml: &roxmltree::Document<'_>) -> Vec<String> {
    let by_start: std::collections::HashMap<usize, roxmltree::Node<'_, '_>> = xml
        .descendants()
        .filter(|n| n.is_element())
        .map(|n| (n.range().start, n))
        .collect();
    let mut problems = Vec::new();
    for p in doc.instruments.iter().flat_map(|i| i.paragraphs()) {
        let Some(node) = by_start.get(&p.span.start) else {
            problems.push(format!("{}: {}: no element at its span", doc.source, p.id));
            continue;
        };
        let mut text = source_words(*node);
        // Sub-paragraphs the markup put outside their paragraph (a list
        // after a preambular container) follow its text.
        // (repaired: a list after a preambular container, a sub-paragraph
        // marked up as a paragraph after it), depth first.
        fn outside<'a>(
            subs: &'a [Subparagraph],
            range: &std::ops::Range<usize>,
            out: &mut Vec<&'a Subparagraph>,
        ) {
            for s in subs {
                if !range.contains(&s.span.start) {
                    out.push(s);
                }
                outside(&s.subparagraphs, range, out);
            }
        }
        let mut strays = Vec::new();
        outside(&p.subparagraphs, &node.range(), &mut strays);
        for sub in strays {
            if let Some(n) = by_start.get(&sub.span.start) {
                text.push(' ');
                text.push_str(&source_words(*n));
            }
        }
        let source = common::word_sequence(&text);
        let words = common::paragraph_words(p);
        if let Some(k) = common::first_out_of_order(&words, &source) {
            problems.push(format!(
                "{}: {}: word {k} {:?} out of source order\n  import: {}\n  source: {}",
                doc.source,
                p.id,
                words[k],
                words.join(" "),
                source.join(" ")
            ));
        }
    }
    problems
}

/// Checks one file; the problems found, one line each.
fn check(path: &Path) -> Vec<String> {
    let src = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut problems = Vec::new();
    let doc = match akn::import(&name, &src) {
        Ok(doc) => doc,
        Err(e) => return vec![format!("{}: {e}", path.display())],
    };
    let doc = {
        let mut docs = vec![doc];
        clause_explorer::cite::assign(&mut docs);
        docs.pop().unwrap()
    };
    if doc.instruments.is_empty() {
        problems.push(format!("{name}: no instrument"));
    }
    let xml = roxmltree::Document::parse(&src).unwrap();
    let mut markup = markup_counts(&xml);
    // Sub-paragraphs the markup calls paragraphs are repaired, and warned of.
    // (Those inside an annex read as an instrument are not the markup's
    // count of the resolution.)
    let annexes: Vec<_> = doc
        .instruments
        .iter()
        .filter(|i| is_annex(i, &src))
        .map(|i| i.span)
        .collect();
    let repaired = doc
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::SubparagraphMarkedAsParagraph { .. }))
        .filter(|w| {
            !annexes
                .iter()
                .any(|a| a.start <= w.span.start && w.span.start < a.end)
        })
        .count();
    markup.operative -= repaired;
    markup.subparagraphs += repaired;
    let model = model_counts(&doc, &src);
    if markup != model {
        problems.push(format!(
            "{name}: markup has {markup:?}, the import {model:?}"
        ));
    }
    let diff = common::difference(&input_words(&xml), &common::output_words(&doc));
    if !diff.is_empty() {
        let shown: Vec<_> = diff.iter().take(12).collect();
        problems.push(format!("{name}: words lost (+) or invented (-): {shown:?}"));
    }
    problems.extend(out_of_order(&doc, &xml));
    problems
}

#[test]
fn every_un_file_imports_with_its_counts_and_every_word() {
    let files = sample();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunks: Vec<&[PathBuf]> = files.chunks(files.len().div_ceil(threads)).collect();
    let problems: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| s.spawn(move || chunk.iter().flat_map(|p| check(p)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        problems.is_empty(),
        "{} problems in {} files:\n{}",
        problems.len(),
        files.len(),
        problems.join("\n")
    );
}

/// Golden outlines of six files of different shapes, each checked by eye
/// against its XML: footnotes (78/228), sub-paragraphs two deep (77/226),
/// an annex (77/5), parts A and B (75/101), the Human Rights Council
/// with a recorded vote (54/20) and ECOSOC (2021/25).
#[test]
fn six_files_of_different_shapes_import_to_their_reviewed_outlines() {
    let files = [
        ("ga-78-228", "ga/78session/A_RES_78_228-2325978E.xml"),
        ("ga-77-226", "ga/77session/A_RES_77_226-2228992E.xml"),
        ("ga-77-5", "ga/77session/A_RES_77_5-2225005E.xml"),
        ("ga-75-101", "ga/75session/75_101A-B_E.xml"),
        ("hrc-54-20", "hrc/54session/A_HRC_RES_54_20E.xml"),
        ("ecosoc-2021-25", "ecosoc/2021/E_RES_2021_25-2110321E.xml"),
    ];
    for (name, path) in files {
        let path = common::un_akn_dir().join(path);
        let (doc, _) = clause_explorer::corpus::read_document(&path).unwrap();
        let mut docs = vec![doc];
        clause_explorer::cite::assign(&mut docs);
        insta::assert_snapshot!(name, clause_explorer::outline::outline(&docs[0]));
    }
}
