//! Real figures of the shipped corpus, pinned.

use super::*;

fn shipped() -> Corpus {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    crate::corpus::load_dir(&dir)
        .expect("the corpus loads")
        .corpus
}

fn find<'c>(corpus: &'c Corpus, id: &str) -> &'c Instrument {
    corpus
        .instruments()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no instrument {id}"))
}

#[test]
fn the_verb_profile_of_ccpcj_33_1() {
    let c = shipped();
    let picture = verb_profile(find(&c, "ccpcj-res-33-1"));
    check(&picture);
    insta::assert_snapshot!(outline(&picture.alt_table));
}

/// The General Assembly's two renewed series: trafficking in women and
/// girls (75/158, 77/194, 79/154) and coordination (76/186, 78/228,
/// 80/228).
const GA_RENEWALS: [&str; 6] = [
    "ga-res-75-158",
    "ga-res-76-186",
    "ga-res-77-194",
    "ga-res-78-228",
    "ga-res-79-154",
    "ga-res-80-228",
];

#[test]
fn the_reuse_of_ga_78_228_in_80_228_counts_its_paired_paragraphs() {
    let c = shipped();
    let (a, b) = (find(&c, "ga-res-78-228"), find(&c, "ga-res-80-228"));
    let shares = reuse_shares(&[a, b]);
    // 80 of the 81 paragraphs of 78/228 live on in 80/228, and they make
    // 80 of its 87.
    assert_eq!(a.paragraphs().count(), 81);
    assert_eq!(b.paragraphs().count(), 87);
    assert_eq!(shares, [[1.0, 80.0 / 81.0], [80.0 / 87.0, 1.0]]);
    let picture = reuse_matrix(&[a, b], &shares);
    let hrefs = check(&picture);
    assert!(hrefs.contains(&"#/align?a=ga-res-78-228&b=ga-res-80-228".to_owned()));
    let expected = "\
Shared language between instruments: share of each row's paragraphs with a counterpart in the column
Paragraphs of | A/RES/78/228 | A/RES/80/228
[A/RES/78/228] | — | [99%]
[A/RES/80/228] | [92%] | —
";
    assert_eq!(outline(&picture.alt_table), expected);
}

#[test]
fn the_reuse_matrix_of_the_general_assembly_renewals() {
    let c = shipped();
    let renewals: Vec<&Instrument> = GA_RENEWALS.iter().map(|id| find(&c, id)).collect();
    let shares = reuse_shares(&renewals);
    let picture = reuse_matrix(&renewals, &shares);
    check(&picture);
    insta::assert_snapshot!(outline(&picture.alt_table));
}

#[test]
fn the_trail_of_the_call_to_accede_to_the_trafficking_protocol() {
    let c = shipped();
    let index = crate::trail::SimilarityIndex::build(&c);
    let unit = crate::trail::UnitRef::of_id(&c, "untoc-cop-res-11-5-op-1").expect("a paragraph");
    let trail_ = Trail::of(&c, &index, unit, TRAIL_POINTS).expect("a trail");
    let picture = trail(&trail_);
    let hrefs = check(&picture);
    assert_eq!(hrefs.len(), 1 + TRAIL_POINTS);
    assert_eq!(hrefs[0], "#/p/untoc-cop-res-11-5-op-1");
    assert!(hrefs[1..]
        .iter()
        .all(|h| h.starts_with("#/compare?a=untoc-cop-res-11-5-op-1&b=")));
    // The CCPCJ texts read from plain text carry no year, but the
    // Assembly's citations of them give it: every point has its year.
    assert!(!picture.svg.contains(">year unknown</text>"));
    insta::assert_snapshot!(outline(&picture.alt_table));
}

#[test]
fn the_shipped_corpus_cites_too_much_for_a_graph_and_ranks_the_most_cited() {
    let c = shipped();
    let (nodes, edges) = citations(&c, &crate::refs::CitationIndex::build(&c));
    assert_eq!(
        (nodes.len(), edges.len()),
        (17 + 61, 194),
        "17 instruments and 61 outside the corpus: the texts' words and the UN's links"
    );
    let picture = citation_graph(&nodes, &edges);
    check(&picture);
    assert!(picture.svg.contains("pic-ranking"));
    insta::assert_snapshot!(outline(&picture.alt_table));
}

#[test]
fn the_citations_within_the_corpus_draw_as_a_graph() {
    let c = shipped();
    let (nodes, edges) = citations(&c, &crate::refs::CitationIndex::build(&c));
    // Keep the instruments that cite or are cited within the corpus.
    let inside = |k: usize| !nodes[k].id.is_empty();
    let edges: Vec<GraphEdge> = edges
        .into_iter()
        .filter(|e| inside(e.from) && inside(e.to))
        .collect();
    let kept: Vec<usize> = (0..nodes.len())
        .filter(|&k| edges.iter().any(|e| e.from == k || e.to == k))
        .collect();
    let renumber = |k: usize| kept.iter().position(|&x| x == k).expect("kept");
    let nodes: Vec<GraphNode> = kept.iter().map(|&k| nodes[k].clone()).collect();
    let edges: Vec<GraphEdge> = edges
        .iter()
        .map(|e| GraphEdge {
            from: renumber(e.from),
            to: renumber(e.to),
            count: e.count,
        })
        .collect();
    let picture = citation_graph(&nodes, &edges);
    check(&picture);
    assert!(picture.svg.contains("pic-citations"));
    insta::assert_snapshot!(outline(&picture.alt_table));
}
