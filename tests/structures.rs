//! Golden outlines of the structures other bodies' texts use (Security
//! Council especially), one fixture each in `tests/fixtures/structures/`:
//! written-procedure and resumed adoption lines, a preambular paragraph
//! without its comma, bullets and dashes, dotted and numeric labels,
//! quoted replacement text, headings, a participial clause before the
//! operative verb, a list after a line with no final punctuation, a
//! numbered paragraph with no chapeau, text after a list, finite-verb
//! preambular leads, and cover-page front matter. Each snapshot was
//! checked by eye against its fixture.

mod common;

use clause_explorer::outline::outline;
use clause_explorer::parse::parse_document;

#[test]
fn each_structure_parses_to_its_reviewed_outline() {
    let dir = common::fixtures_dir().join("structures");
    let texts = common::texts_in(&dir);
    assert_eq!(texts.len(), 7);
    for (name, text) in texts {
        let doc = parse_document(&name, &text);
        insta::assert_snapshot!(name.trim_end_matches(".txt").to_owned(), outline(&doc));
    }
}

#[test]
fn a_written_procedure_resolution_has_no_title_and_a_date() {
    let dir = common::fixtures_dir().join("structures");
    let text = std::fs::read_to_string(dir.join("sc-2520.txt")).expect("fixture");
    let doc = parse_document("sc-2520.txt", &text);
    let res = &doc.instruments[0];
    assert_eq!(res.title, "");
    assert_eq!(res.record.date.as_deref(), Some("2020-05-29"));
    assert_eq!(
        res.operative[0].subparagraphs[1].citation,
        "SC res. 2520 (2020), op. 1, bullet 2"
    );
    assert_eq!(
        res.operative[3].lead.as_deref(),
        Some("Noting the report of the Panel, decides")
    );
}
