//! Golden outlines of the shipped corpus: every instrument, paragraph id,
//! lead, first and last words, sub-paragraph labels, footnotes and the
//! words on either side of every page-break join. Each snapshot was checked
//! by eye against its source; a parser change shows up as a readable diff.

mod common;

use clause_explorer::corpus::load_dir;
use clause_explorer::outline::outline;

#[test]
fn the_shipped_corpus_parses_to_its_reviewed_outlines() {
    let loaded = load_dir(&common::corpus_dir()).expect("corpus folder is readable");
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    // Five texts of the crime bodies, nine Akoma Ntoso files of the
    // General Assembly and ECOSOC.
    assert_eq!(loaded.corpus.documents.len(), 14);
    for doc in &loaded.corpus.documents {
        let name = doc.source.trim_end_matches(".txt").to_owned();
        insta::assert_snapshot!(name, outline(doc));
    }
}

#[test]
fn the_corpus_holds_seventeen_instruments() {
    let loaded = load_dir(&common::corpus_dir()).expect("corpus folder is readable");
    let citations: Vec<_> = loaded
        .corpus
        .instruments()
        .map(|i| i.citation.as_str())
        .collect();
    assert_eq!(
        citations,
        vec![
            "CCPCJ res. 33/1",
            "CCPCJ dec. 33/1",
            // Symbols recovered from the Assembly's citations of them.
            "CCPCJ res. 27/3",
            "CCPCJ res. 27/2",
            "CCPCJ res. 27/4",
            "UNTOC COP res. 11/5",
            "ECOSOC res. 2021/25",
            "A/RES/75/158",
            "A/RES/76/186",
            "A/RES/76/7",
            "A/RES/76/7, annex",
            "A/RES/77/194",
            "A/RES/78/228",
            "A/RES/79/154",
            "A/RES/80/228",
            "A/RES/80/9",
            "A/RES/80/9, annex",
        ]
    );
}

#[test]
fn operative_paragraph_7_of_33_1_has_twelve_sub_paragraphs() {
    let loaded = load_dir(&common::corpus_dir()).expect("corpus folder is readable");
    let res = loaded
        .corpus
        .instruments()
        .find(|i| i.id == "ccpcj-res-33-1")
        .expect("33/1 is in the corpus");
    let op7 = &res.operative[6];
    assert_eq!(op7.number, Some(7));
    assert_eq!(op7.lead.as_deref(), Some("Further encourages"));
    let labels: Vec<_> = op7.subparagraphs.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        labels,
        "abcdefghijkl"
            .chars()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
    );
    assert_eq!(op7.subparagraphs[1].citation, "CCPCJ res. 33/1, op. 7 (b)");
}
