//! The citation graph and its ranking.

use super::*;

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
