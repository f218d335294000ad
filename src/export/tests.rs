//! The exports on real text: GA res. 78/228 (from the UN's XML) and CCPCJ
//! res. 33/1 (text format), and a clause made of everything that breaks
//! formats: commas, quotes, line breaks, markup, Markdown and formulas.

use super::*;
use crate::diff::word_diff;
use crate::model::Document;
use crate::parse::parse_document;
use crate::search::{search, Query, SearchIndex};

fn ga_78_228() -> Document {
    let src = include_str!("../../corpus/ga-78-228-coordination-trafficking.xml");
    let mut docs = vec![crate::akn::import("ga-78-228.xml", src).expect("imports")];
    crate::cite::assign(&mut docs);
    docs.remove(0)
}

fn ccpcj_33_1() -> Document {
    let mut docs = vec![parse_document(
        "ccpcj-33-1.txt",
        include_str!("../../corpus/ccpcj-33-1-rapid-technological-change.txt"),
    )];
    crate::cite::assign(&mut docs);
    docs.remove(0)
}

/// Every character that a format could take for its own.
const HOSTILE: &str =
    "=SUM(A1) Urges States, \"in particular\", to act;\n<script>alert('x')</script> *not emphasis* _ # | ~~ [link](http://x) \\ & 4. end";

fn hostile() -> ClauseRecord {
    ClauseRecord {
        citation: "X res. 1, op. 1".into(),
        instrument: "A \"quoted\", title <b>".into(),
        symbol: "A/RES/1".into(),
        year: "2024".into(),
        body: "The General Assembly".into(),
        kind: "operative".into(),
        lead: "Urges".into(),
        text: HOSTILE.into(),
        link: "https://example.org/explorer/#/c/x-op-1".into(),
    }
}

fn found(doc: &Document, query: &str) -> Vec<ClauseRecord> {
    let corpus = crate::model::Corpus {
        documents: vec![doc.clone()],
    };
    let index = SearchIndex::build(&corpus);
    let r = search(&index, &Query::new(query), 1000);
    r.hits
        .iter()
        .map(|h| {
            let unit = h.unit.resolve(&corpus).unwrap();
            ClauseRecord::of(&unit, format!("#/c/{}", h.id))
        })
        .collect()
}

#[test]
fn a_record_carries_the_clause_and_what_identifies_it() {
    let doc = ga_78_228();
    let rows = found(&doc, "\"Global Plan of Action\"");
    assert!(rows.len() > 3);
    let r = &rows[0];
    assert_eq!(r.symbol, "A/RES/78/228");
    assert_eq!(r.year, "2023");
    assert_eq!(r.body, "The General Assembly");
    assert!(
        r.citation
            .starts_with(&format!("{}, ", doc.instruments[0].citation)),
        "{}",
        r.citation
    );
    assert!(r.text.contains("Global Plan of Action"), "{}", r.text);
    assert!(r.link.starts_with("#/c/ga-res-78-228-"), "{}", r.link);
    // A paragraph with sub-paragraphs (CCPCJ res. 33/1, op. 7): each on a
    // line of its own.
    let doc = ccpcj_33_1();
    let inst = &doc.instruments[0];
    let p = inst
        .operative
        .iter()
        .find(|p| !p.subparagraphs.is_empty())
        .unwrap();
    let text = paragraph_text(p);
    assert_eq!(text.lines().count(), 1 + p.subparagraphs.len());
    assert!(text.lines().nth(1).unwrap().starts_with("(a) "), "{text}");
}

#[test]
fn csv_quotes_what_needs_it_and_never_starts_a_formula() {
    let out = csv(&[hostile()]);
    assert!(out.starts_with("\u{feff}citation,instrument,symbol,year,body,kind,lead,text,link\r\n"));
    let expected_text = format!("\"'{}\"", HOSTILE.replace('"', "\"\""));
    assert!(out.contains(&expected_text), "{out}");
    assert!(out.contains(",\"A \"\"quoted\"\", title <b>\","), "{out}");
    assert!(out.ends_with(",https://example.org/explorer/#/c/x-op-1\r\n"));
    // Read back by the RFC's rules: the same fields.
    assert_eq!(
        read_csv(&out[3..]),
        vec![COLUMNS.map(str::to_owned).to_vec(), {
            let mut f: Vec<String> = hostile().fields().map(str::to_owned).to_vec();
            f[7] = format!("'{HOSTILE}");
            f
        }]
    );
}

/// A small RFC 4180 reader, for checking.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn json_is_what_serde_json_reads_back() {
    let doc = ccpcj_33_1();
    let mut rows = found(&doc, "technology");
    rows.push(hostile());
    rows.push(ClauseRecord {
        text: "control \u{1} and \u{2028} separators\ttab\r".into(),
        ..hostile()
    });
    let out = json(&rows);
    let back: Vec<std::collections::BTreeMap<String, String>> =
        serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(back.len(), rows.len());
    for (b, r) in back.iter().zip(&rows) {
        for (name, value) in COLUMNS.iter().zip(r.fields()) {
            assert_eq!(b[*name], value);
        }
    }
    assert_eq!(json(&[]), "[]\n");
}

#[test]
fn markdown_quotes_the_clause_and_escapes_its_markup() {
    let out = markdown("Clauses matching \"x\"", &[hostile()]);
    assert!(out.starts_with("# Clauses matching \"x\"\n\n"), "{out}");
    assert!(out.contains("**[X res. 1, op. 1](<https://example.org/explorer/#/c/x-op-1>)** \u{2014} A \"quoted\", title \\<b\\> (2024)"), "{out}");
    assert!(out.contains("> =SUM(A1) Urges States, \"in particular\", to act;  \n> \\<script\\>alert('x')\\</script\\> \\*not emphasis\\* \\_ \\# \\| \\~\\~ \\[link\\](http://x) \\\\ & 4. end"), "{out}");
    // A paragraph number that opens a line stays a number, not a list.
    let mut numbered = hostile();
    numbered.text = "4. Urges States".into();
    assert!(markdown("t", &[numbered]).contains("> 4\\. Urges States"));
}

#[test]
fn the_precedents_table_is_html_with_every_clause_escaped() {
    let doc = ga_78_228();
    let mut rows = found(&doc, "Urges");
    rows.push(hostile());
    let out = precedents_html("Precedents: \"Urges\"", &rows);
    assert!(out.starts_with("<!doctype html>"));
    assert_eq!(out.matches("<tr><td>").count(), rows.len());
    assert!(!out.contains("<script>"));
    assert!(out.contains("=SUM(A1) Urges States, &quot;in particular&quot;, to act;<br>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "{out}");
    assert!(out.contains("<a href=\"https://example.org/explorer/#/c/x-op-1\">X res. 1, op. 1</a>"));
}

#[test]
fn an_instrument_exports_every_paragraph_with_its_citation() {
    let doc = ga_78_228();
    let inst = &doc.instruments[0];
    let text = instrument_text(inst);
    let md = instrument_markdown(inst);
    for p in inst.preambular.iter().chain(&inst.operative) {
        let line = format!("{} ({})", p.text.plain, p.citation);
        assert!(text.contains(&line), "missing in text: {line}");
        assert!(
            md.contains(&format!("({})", p.citation)),
            "missing in markdown: {}",
            p.citation
        );
        for s in &p.subparagraphs {
            assert!(text.contains(&format!(
                "    ({}) {} ({})",
                s.label, s.text.plain, s.citation
            )));
        }
    }
    for f in &inst.footnotes {
        assert!(text.contains(&f.text.plain));
    }
    // The citation, then the symbol unless the citation is the symbol, then
    // the date.
    assert_eq!(inst.citation, "A/RES/78/228");
    assert!(
        text.starts_with(&format!(
            "{}\n\nA/RES/78/228 \u{b7} 19 December 2023\n\n",
            inst.title
        )),
        "{}",
        &text[..200]
    );
    assert!(md.starts_with(&format!("# {}\n\n", inst.title)));
    // The lead in italics.
    let first = &inst.operative[0];
    let lead = first.lead.as_deref().unwrap();
    assert!(md.contains(&format!("1\\. *{lead}*")), "{lead}");
}

#[test]
fn a_comparison_exports_as_html_and_as_a_markdown_redline() {
    let d = word_diff(
        "Urges Member States to strengthen efforts, in particular for women,",
        "Also urges Member States to enhance efforts <b>, in particular for women;",
    );
    let html = comparison_html("A, op. 1", "B, op. 2", &d);
    assert!(html.contains("<del>strengthen</del>"), "{html}");
    assert!(html.contains("<ins>enhance</ins>"), "{html}");
    assert!(html.contains("<ins>&lt;b&gt;</ins>"), "{html}");
    assert!(html.contains("<title>A, op. 1 compared with B, op. 2</title>"));
    let md = comparison_markdown("A, op. 1", "B, op. 2", &d);
    assert!(
        md.contains("**Also** urges Member States to ~~strengthen~~ **enhance** efforts **\\<b\\>**, in particular for women~~,~~**;**"),
        "{md}"
    );
    assert!(md.contains(
        "## A, op. 1\n\n> Urges Member States to strengthen efforts, in particular for women,"
    ));
}

#[test]
fn file_names_say_what_they_hold_and_are_safe() {
    assert_eq!(
        file_name("Clauses: \"trafficking in persons\"", "csv"),
        "clauses-trafficking-in-persons.csv"
    );
    assert_eq!(file_name("../../etc/passwd", "md"), "etc-passwd.md");
    assert_eq!(file_name("", "json"), "export.json");
    assert_eq!(file_name("Résolution 33/1", "txt"), "résolution-33-1.txt");
    assert!(file_name(&"a".repeat(500), "csv").len() <= 64);
}
