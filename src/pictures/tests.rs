//! What every picture must be (well-formed, accessible, linked to app
//! routes only, hostile text escaped), on small instruments; the shipped
//! corpus's real figures are in `shipped`.

use super::*;
use crate::cite;
use crate::model::{Corpus, Document, Instrument};
use crate::parse::parse_document;

#[cfg(feature = "native")]
mod shipped;

const HEADER: &str = "The Commission on Crime Prevention and Criminal Justice,\n\n";

/// A corpus of one instrument per `(title, body)`, numbered `1/1`, `2/1`, …
fn corpus(texts: &[(&str, &str)]) -> Corpus {
    let mut documents: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, (title, body))| {
            parse_document(
                &format!("{i}.txt"),
                &format!("Resolution {}/1\n\n{title}\n\n{HEADER}{body}", i + 1),
            )
        })
        .collect();
    cite::assign(&mut documents);
    Corpus { documents }
}

fn instruments(c: &Corpus) -> Vec<&Instrument> {
    c.instruments().collect()
}

/// Whether `href` is one of the app routes a picture may link to.
fn is_route(href: &str) -> bool {
    let id = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b))
    };
    let pair = |query: &str| {
        let Some((a, b)) = query.split_once("&b=") else {
            return false;
        };
        a.strip_prefix("a=").is_some_and(id) && id(b)
    };
    if let Some(rest) = href.strip_prefix("#/i/") {
        id(rest)
    } else if let Some(rest) = href.strip_prefix("#/p/") {
        id(rest)
    } else if let Some(rest) = href.strip_prefix("#/align?") {
        pair(rest)
    } else if let Some(rest) = href.strip_prefix("#/compare?") {
        pair(rest)
    } else {
        false
    }
}

/// Checks what every picture must be, and returns its links' hrefs in
/// document order.
fn check(picture: &Picture) -> Vec<String> {
    let doc =
        roxmltree::Document::parse(&picture.svg).unwrap_or_else(|e| panic!("{e}\n{}", picture.svg));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(root.attribute("width"), Some("100%"));
    assert!(root.attribute("height").is_none(), "no fixed height");
    let view_box: Vec<f64> = root
        .attribute("viewBox")
        .expect("a viewBox")
        .split(' ')
        .map(|n| n.parse().expect("a number"))
        .collect();
    assert!(view_box.len() == 4 && view_box[2] > 0.0 && view_box[3] > 0.0);
    let labelled_by: Vec<&str> = root
        .attribute("aria-labelledby")
        .expect("aria-labelledby")
        .split(' ')
        .collect();
    let tags: Vec<&str> = labelled_by
        .iter()
        .map(|id| {
            doc.descendants()
                .find(|n| n.attribute("id") == Some(id))
                .unwrap_or_else(|| panic!("no element {id}"))
                .tag_name()
                .name()
        })
        .collect();
    assert_eq!(tags, ["title", "desc"]);
    // The module doc lists every class for the app's stylesheet.
    let documented = include_str!("../pictures.rs");
    let mut hrefs = Vec::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        for class in node.attribute("class").unwrap_or_default().split(' ') {
            let share = class
                .strip_prefix("pic-share-")
                .is_some_and(|l| ["0", "1", "2", "3", "4"].contains(&l));
            assert!(
                share || documented.contains(&format!("`{class}`")),
                "class {class} is not in the module doc"
            );
        }
        assert!(node.attribute("style").is_none(), "no style attribute");
        assert!(
            node.attribute(("http://www.w3.org/1999/xlink", "href"))
                .is_none(),
            "no xlink"
        );
        for paint in ["fill", "stroke"] {
            if let Some(v) = node.attribute(paint) {
                assert!(v == "currentColor" || v == "none", "{paint}={v}");
            }
        }
        if node.tag_name().name() == "a" {
            let href = node.attribute("href").expect("an href");
            assert!(is_route(href), "{href}");
            let name = node.attribute("aria-label").unwrap_or_default();
            assert!(!name.trim().is_empty(), "a link with no name: {href}");
            let title = node.first_element_child().expect("a title");
            assert_eq!(title.tag_name().name(), "title");
            assert_eq!(title.text(), Some(name));
            hrefs.push(href.to_owned());
        }
    }
    for row in &picture.alt_table.rows {
        assert_eq!(row.len(), picture.alt_table.header.len(), "{row:?}");
        for segment in row.iter().flat_map(|c| &c.segments) {
            if let Some(href) = &segment.href {
                assert!(is_route(href), "{href}");
            }
        }
    }
    hrefs
}

/// The table as lines of cells separated by " | ", links marked `[text]`.
fn outline(table: &Table) -> String {
    let cell = |c: &Cell| -> String {
        c.segments
            .iter()
            .map(|s| match &s.href {
                Some(_) => format!("[{}]", s.text),
                None => s.text.clone(),
            })
            .collect()
    };
    let mut out = format!("{}\n{}\n", table.caption, table.header.join(" | "));
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(cell).collect();
        out.push_str(cells.join(" | ").trim_end());
        out.push('\n');
    }
    out
}

const HOSTILE: &str = "<script>alert(\"x\")</script> & 'friends'";

#[test]
fn a_verb_profile_puts_the_strongest_family_first_and_links_each_bar_to_its_first_paragraph() {
    let c = corpus(&[(
        "A title",
        "1. *Welcomes* the report;\n\n2. *Encourages* States to act;\n\n\
         3. *Strongly urges* States to act;\n\n4. *Also encourages* donors;\n\n\
         5. *Takes note with appreciation* of the work;\n\n6. *Decides* to remain seized.\n",
    )]);
    let picture = verb_profile(instruments(&c)[0]);
    let hrefs = check(&picture);
    let expected = "\
Operative language of CCPCJ res. 1/1
Family | Lead phrase | Paragraphs | Clauses
Decides | [Decides] | 1 | [op. 6]
Urges | [Urges] | 1 | [op. 3]
Encourages | [Encourages] | 2 | [op. 2], [op. 4]
Notes and welcomes | [Takes note of] | 1 | [op. 5]
Notes and welcomes | [Welcomes] | 1 | [op. 1]
";
    assert_eq!(outline(&picture.alt_table), expected);
    assert_eq!(
        hrefs,
        [
            "#/p/ccpcj-res-1-1-op-6",
            "#/p/ccpcj-res-1-1-op-3",
            "#/p/ccpcj-res-1-1-op-2",
            "#/p/ccpcj-res-1-1-op-5",
            "#/p/ccpcj-res-1-1-op-1"
        ]
    );
}

#[test]
fn an_instrument_with_no_operative_paragraph_gives_a_picture_that_says_so() {
    let inst = Instrument {
        id: "x".into(),
        citation: "CCPCJ res. 1/1".into(),
        ..Default::default()
    };
    let picture = verb_profile(&inst);
    assert!(check(&picture).is_empty());
    assert!(picture.svg.contains("has no operative paragraphs"));
    assert!(picture.alt_table.rows.is_empty());
    assert_eq!(picture.alt_table.header.len(), 4);
}

#[test]
fn a_hostile_citation_is_escaped_in_every_picture() {
    let inst = Instrument {
        id: "x".into(),
        citation: HOSTILE.into(),
        operative: vec![crate::model::Paragraph {
            id: "x-op-1".into(),
            citation: format!("{HOSTILE}, op. 1"),
            lead: Some("Urges".into()),
            ..Default::default()
        }],
        ..Default::default()
    };
    let picture = verb_profile(&inst);
    check(&picture);
    assert!(!picture.svg.contains("<script"), "{}", picture.svg);
    assert!(picture.svg.contains("&lt;script&gt;"));
    assert!(picture.svg.contains("&amp; &apos;friends&apos;"));
}

/// Instruments with nothing but an id and a citation.
fn bare(n: usize) -> Vec<Instrument> {
    (0..n)
        .map(|k| Instrument {
            id: format!("i-{k}"),
            citation: format!("Res. {k}"),
            ..Default::default()
        })
        .collect()
}

#[test]
fn a_matrix_cell_is_shaded_by_its_share_and_links_to_the_alignment_unless_nothing_is_shared() {
    let insts = bare(3);
    let refs: Vec<&Instrument> = insts.iter().collect();
    let shares = vec![
        vec![1.0, 0.8, 0.0],
        vec![0.3, 1.0, 0.1],
        vec![0.0, 0.6, 1.0],
    ];
    let picture = reuse_matrix(&refs, &shares);
    let hrefs = check(&picture);
    let cells: Vec<&String> = hrefs.iter().filter(|h| h.starts_with("#/align")).collect();
    assert_eq!(
        cells,
        [
            "#/align?a=i-0&b=i-1",
            "#/align?a=i-1&b=i-0",
            "#/align?a=i-1&b=i-2",
            "#/align?a=i-2&b=i-1"
        ]
    );
    for class in [
        "pic-share-0",
        "pic-share-1",
        "pic-share-2",
        "pic-share-3",
        "pic-share-4",
    ] {
        assert!(picture.svg.contains(class), "{class}");
    }
    let expected = "\
Shared language between instruments: share of each row's paragraphs with a counterpart in the column
Paragraphs of | Res. 0 | Res. 1 | Res. 2
[Res. 0] | — | [80%] | 0%
[Res. 1] | [30%] | — | [10%]
[Res. 2] | 0% | [60%] | —
";
    assert_eq!(outline(&picture.alt_table), expected);
}

#[test]
fn a_matrix_of_no_instruments_says_there_is_nothing_to_compare_and_a_ragged_one_does_not_panic() {
    let picture = reuse_matrix(&[], &[]);
    check(&picture);
    assert!(picture.svg.contains("No instruments to compare."));
    assert!(picture.alt_table.rows.is_empty());
    assert!(reuse_shares(&[]).is_empty());
    let insts = bare(2);
    let refs: Vec<&Instrument> = insts.iter().collect();
    let picture = reuse_matrix(&refs, &[vec![1.0, f32::NAN]]);
    check(&picture);
    assert_eq!(picture.alt_table.rows[1][1].plain(), "0%");
}

#[test]
fn above_the_cap_the_most_connected_instruments_are_shown_in_their_order() {
    let n = MATRIX_MAX + 5;
    let insts = bare(n);
    let refs: Vec<&Instrument> = insts.iter().collect();
    // Instruments 0 to 4 share nothing; the others share a little each.
    let shares: Vec<Vec<f32>> = (0..n)
        .map(|a| {
            (0..n)
                .map(|b| match (a, b) {
                    _ if a == b => 1.0,
                    (0..5, _) | (_, 0..5) => 0.0,
                    _ => 0.1,
                })
                .collect()
        })
        .collect();
    let picture = reuse_matrix(&refs, &shares);
    check(&picture);
    let rows: Vec<String> = picture
        .alt_table
        .rows
        .iter()
        .map(|r| r[0].plain())
        .collect();
    let expected: Vec<String> = (5..n).map(|k| format!("Res. {k}")).collect();
    assert_eq!(rows, expected);
    assert!(picture
        .svg
        .contains("The 40 most connected of 45 instruments are shown."));
}

#[test]
fn a_hostile_citation_is_escaped_in_the_matrix() {
    let mut insts = bare(2);
    insts[0].citation = HOSTILE.into();
    let refs: Vec<&Instrument> = insts.iter().collect();
    let picture = reuse_matrix(&refs, &[vec![1.0, 0.5], vec![0.5, 1.0]]);
    check(&picture);
    assert!(!picture.svg.contains("<script"));
    assert_eq!(picture.alt_table.header[1], HOSTILE);
}

fn point(id: &str, year: Option<u16>, similarity: f32) -> TrailPoint {
    TrailPoint {
        id: id.into(),
        citation: format!("Res. {id}"),
        year,
        similarity,
    }
}

/// The `(cx, cy)` of every dot of a picture.
fn dots(svg: &str) -> Vec<(f64, f64)> {
    let doc = roxmltree::Document::parse(svg).expect("well formed");
    doc.descendants()
        .filter(|n| n.has_tag_name("circle"))
        .map(|n| {
            let at = |a| {
                n.attribute(a)
                    .and_then(|v: &str| v.parse().ok())
                    .unwrap_or(0.0)
            };
            (at("cx"), at("cy"))
        })
        .collect()
}

#[test]
fn dots_of_one_year_and_similarity_are_set_apart_not_stacked() {
    let t = Trail {
        paragraph: point("a", Some(2020), 1.0),
        similar: vec![
            point("b", Some(2021), 0.5),
            point("c", Some(2021), 0.5),
            point("d", Some(2021), 0.5),
            point("e", None, 0.3),
        ],
    };
    let picture = trail(&t);
    check(&picture);
    let got = dots(&picture.svg);
    assert_eq!(got.len(), 4);
    for (k, a) in got.iter().enumerate() {
        for b in &got[k + 1..] {
            assert!(a != b, "{a:?} drawn twice");
        }
    }
    // Same similarity, same height; the unknown year far right.
    assert!(got[..3].iter().all(|d| d.1 == got[0].1));
    assert!(got[3].0 > got[..3].iter().map(|d| d.0).fold(0.0, f64::max));
    let rows: Vec<String> = picture
        .alt_table
        .rows
        .iter()
        .map(|r| r[1].plain())
        .collect();
    assert_eq!(rows, ["2020", "2021", "2021", "2021", "unknown"]);
}

#[test]
fn a_trail_with_nothing_similar_or_no_year_at_all_still_draws() {
    let lonely = Trail {
        paragraph: point("a", Some(2020), 1.0),
        similar: vec![],
    };
    let picture = trail(&lonely);
    check(&picture);
    assert!(picture
        .svg
        .contains("No paragraph of another instrument shares the language"));
    let undated = Trail {
        paragraph: point("a", None, 1.0),
        similar: vec![point("b", None, 0.4)],
    };
    let picture = trail(&undated);
    assert_eq!(check(&picture), ["#/p/a", "#/compare?a=a&b=b"]);
    assert!(!picture.svg.contains("Year adopted"));
}

#[test]
fn a_hostile_citation_is_escaped_on_the_trail() {
    let mut t = Trail {
        paragraph: point("a", Some(2020), 1.0),
        similar: vec![point("b", Some(2022), 0.4)],
    };
    t.similar[0].citation = HOSTILE.into();
    let picture = trail(&t);
    check(&picture);
    assert!(!picture.svg.contains("<script"));
}

fn node(id: &str, citation: &str, year: Option<u16>) -> GraphNode {
    GraphNode {
        id: id.into(),
        citation: citation.into(),
        year,
    }
}

fn edge(from: usize, to: usize, count: u32) -> GraphEdge {
    GraphEdge { from, to, count }
}

#[test]
fn a_citation_graph_links_the_corpus_instruments_and_leaves_the_others_unlinked() {
    let nodes = [
        node("ga-res-80-228", "A/RES/80/228", Some(2025)),
        node("ga-res-78-228", "A/RES/78/228", Some(2023)),
        node("", "A/RES/70/1", None),
        node("ecosoc-res-2021-25", "ECOSOC res. 2021/25", Some(2021)),
    ];
    let edges = [
        edge(0, 1, 2),
        edge(0, 1, 1),
        edge(0, 2, 1),
        edge(1, 2, 1),
        edge(1, 3, 1),
        edge(3, 2, 1),
        // Left out: to itself, out of range, no count.
        edge(2, 2, 1),
        edge(0, 9, 1),
        edge(3, 0, 0),
    ];
    let picture = citation_graph(&nodes, &edges);
    let hrefs = check(&picture);
    // Reading order: the unknown year first, then by year.
    assert_eq!(
        hrefs,
        [
            "#/i/ecosoc-res-2021-25",
            "#/i/ga-res-78-228",
            "#/i/ga-res-80-228"
        ]
    );
    let expected = "\
Which instruments cite which, by year
Instrument | Year | Cites | Cited by
A/RES/70/1 | year unknown | none | [A/RES/80/228], [A/RES/78/228], [ECOSOC res. 2021/25]
[ECOSOC res. 2021/25] | 2021 | A/RES/70/1 | [A/RES/78/228]
[A/RES/78/228] | 2023 | A/RES/70/1, [ECOSOC res. 2021/25] | [A/RES/80/228]
[A/RES/80/228] | 2025 | [A/RES/78/228], A/RES/70/1 | none
";
    assert_eq!(outline(&picture.alt_table), expected);
    assert_eq!(picture.svg.matches("class=\"pic-edge\"").count(), 5);
    assert!(picture
        .svg
        .contains("A/RES/80/228 cites A/RES/78/228 (3 times)"));
    assert!(picture.svg.contains("pic-node-outside"));
}

#[test]
fn too_many_instruments_for_a_graph_give_the_most_cited_as_bars() {
    let mut nodes: Vec<GraphNode> = (0..GRAPH_MAX_NODES)
        .map(|k| {
            node(
                &format!("i-{k}"),
                &format!("Res. {k}"),
                Some(2000 + k as u16),
            )
        })
        .collect();
    nodes.push(node("", "A/RES/70/1", None));
    let outside = nodes.len() - 1;
    let mut edges: Vec<GraphEdge> = (1..GRAPH_MAX_NODES).map(|k| edge(k, outside, 1)).collect();
    edges.extend((2..5).map(|k| edge(k, 1, 2)));
    edges.push(edge(3, 2, 1));
    let picture = citation_graph(&nodes, &edges);
    check(&picture);
    assert!(picture.svg.contains("pic-ranking"));
    let rows: Vec<String> = picture
        .alt_table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .take(3)
                .map(Cell::plain)
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    assert_eq!(
        rows,
        ["A/RES/70/1 | 24 | 24", "Res. 1 | 3 | 6", "Res. 2 | 1 | 1"]
    );
}

#[test]
fn a_graph_of_nothing_says_so_and_so_does_a_ranking_of_nothing_cited() {
    let picture = citation_graph(&[], &[edge(0, 1, 1)]);
    check(&picture);
    assert!(picture.svg.contains("No instruments to draw."));
    let nodes: Vec<GraphNode> = (0..=GRAPH_MAX_NODES)
        .map(|k| node(&format!("i-{k}"), "Res.", None))
        .collect();
    let picture = citation_graph(&nodes, &[]);
    check(&picture);
    assert!(picture.svg.contains("No instrument cites another."));
}

#[test]
fn a_hostile_citation_is_escaped_in_the_graph_and_the_ranking() {
    let nodes = [node("a", HOSTILE, Some(2020)), node("", HOSTILE, None)];
    let picture = citation_graph(&nodes, &[edge(0, 1, 1)]);
    check(&picture);
    assert!(!picture.svg.contains("<script"));
    let many: Vec<GraphNode> = (0..=GRAPH_MAX_NODES)
        .map(|_| node("", HOSTILE, None))
        .collect();
    let picture = citation_graph(&many, &[edge(0, 1, 1)]);
    check(&picture);
    assert!(!picture.svg.contains("<script"));
}

#[test]
fn a_trail_over_centuries_labels_a_few_years_and_does_not_overflow() {
    let t = Trail {
        paragraph: point("a", Some(0), 1.0),
        similar: vec![
            point("b", Some(u16::MAX), f32::NAN),
            point("c", Some(1990), 0.5),
        ],
    };
    let picture = trail(&t);
    check(&picture);
    let doc = roxmltree::Document::parse(&picture.svg).expect("well formed");
    let years: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    assert_eq!(
        years,
        ["0", "10000", "20000", "30000", "40000", "50000", "60000"]
    );
}
