//! The citations of a corpus, for the citation graph: read from the
//! citation index ([`crate::refs::CitationIndex`]), so the graph shows what
//! the pages link (the texts' own words as well as the UN's links).

use std::collections::{BTreeMap, HashMap};

use super::graph::{GraphEdge, GraphNode};
use crate::model::Corpus;
use crate::refs::{CitationIndex, Cited};

/// The nodes and edges of a corpus's citations: every instrument of the
/// corpus first (in [`Corpus::instruments`] order, whether it cites or is
/// cited or not), then each cited resolution or decision outside the
/// corpus (no id, no year; labelled "GA res. 70/1"), in key order. An edge
/// counts the clauses and footnotes of one instrument that cite another;
/// edges come in order of citing, then cited, node. Treaties and reports
/// are not instruments of a body, and are left out.
pub fn citations(corpus: &Corpus, index: &CitationIndex) -> (Vec<GraphNode>, Vec<GraphEdge>) {
    let mut nodes: Vec<GraphNode> = corpus
        .instruments()
        .map(|i| GraphNode {
            id: i.id.clone(),
            citation: i.citation.clone(),
            year: i.year,
        })
        .collect();
    let mut node_of: HashMap<u32, usize> = HashMap::new();
    for (k, t) in index.targets.iter().enumerate() {
        let node = match (t.instrument, &t.what) {
            (Some(i), _) => i as usize,
            (None, Cited::Instrument { .. }) => {
                nodes.push(GraphNode {
                    id: String::new(),
                    citation: t.what.label(),
                    year: None,
                });
                nodes.len() - 1
            }
            _ => continue,
        };
        node_of.insert(k as u32, node);
    }
    let mut counts: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    for place in &index.places {
        let from = place.instrument as usize;
        let mut seen: Vec<usize> = Vec::new();
        for (_, t) in &place.refs {
            let Some(&to) = node_of.get(t) else {
                continue;
            };
            if to != from && !seen.contains(&to) {
                seen.push(to);
                let count = counts.entry((from, to)).or_default();
                *count = count.saturating_add(1);
            }
        }
    }
    let edges = counts
        .into_iter()
        .map(|((from, to), count)| GraphEdge { from, to, count })
        .collect();
    (nodes, edges)
}
