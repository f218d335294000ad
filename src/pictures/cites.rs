//! The citations of a corpus, for the citation graph: read from the links
//! the UN's texts make to other documents (`Text::links`, such as
//! "resolution 70/1" linked to `https://undocs.org/en/A/RES/70/1`).

use std::collections::{BTreeMap, HashMap};

use super::graph::{GraphEdge, GraphNode};
use crate::model::{Corpus, Instrument, Subparagraph, Text};

/// The nodes and edges of a corpus's citations: every instrument of the
/// corpus first (in [`Corpus::instruments`] order, whether it cites or is
/// cited or not), then each cited instrument outside the corpus, keyed by
/// its symbol ("A/RES/70/1", no id, no year), in order of first citation.
/// An edge counts the links from one instrument to another, its
/// paragraphs, sub-paragraphs and footnotes together; edges come in order
/// of citing, then cited, node.
///
/// A link is a citation when it leads to a UN document symbol
/// (`undocs.org` or `docs.un.org`, with or without a language) that is an
/// instrument of the corpus (the first with that document symbol, so
/// "A/RES/76/7" is the resolution, not its annex) or a resolution or
/// decision (`…/RES/…`, `…/DEC/…`). Links to reports, records and
/// general comments are not citations of instruments, and are left out.
/// Plain-text sources carry no links, so they cite nothing here.
pub fn citations(corpus: &Corpus) -> (Vec<GraphNode>, Vec<GraphEdge>) {
    let instruments: Vec<&Instrument> = corpus.instruments().collect();
    let mut nodes: Vec<GraphNode> = instruments
        .iter()
        .map(|i| GraphNode {
            id: i.id.clone(),
            citation: i.citation.clone(),
            year: i.year,
        })
        .collect();
    // Each symbol's node: the corpus's first instrument with it, or else
    // the node added for it.
    let mut node_of: HashMap<String, usize> = HashMap::new();
    for (k, inst) in instruments.iter().enumerate().rev() {
        if let Some(symbol) = &inst.record.document_symbol {
            node_of.insert(symbol.clone(), k);
        }
    }
    let mut counts: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    for (from, inst) in instruments.iter().enumerate() {
        for symbol in linked_symbols(inst) {
            let to = match node_of.get(&symbol) {
                Some(&k) => k,
                None if is_instrument(&symbol) => {
                    nodes.push(GraphNode {
                        id: String::new(),
                        citation: symbol.clone(),
                        year: None,
                    });
                    node_of.insert(symbol, nodes.len() - 1);
                    nodes.len() - 1
                }
                None => continue,
            };
            if to != from {
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

/// Whether a document symbol is a resolution's or a decision's.
fn is_instrument(symbol: &str) -> bool {
    symbol.contains("/RES/") || symbol.contains("/DEC/")
}

/// The document symbols an instrument links to, one per link, in reading
/// order.
fn linked_symbols(inst: &Instrument) -> Vec<String> {
    fn sub<'a>(s: &'a Subparagraph, texts: &mut Vec<&'a Text>) {
        texts.push(&s.text);
        for inner in &s.subparagraphs {
            sub(inner, texts);
        }
    }
    let mut texts: Vec<&Text> = Vec::new();
    for p in inst.paragraphs() {
        texts.push(&p.text);
        for s in &p.subparagraphs {
            sub(s, &mut texts);
        }
    }
    texts.extend(inst.footnotes.iter().map(|f| &f.text));
    texts
        .iter()
        .flat_map(|t| &t.links)
        .filter_map(|l| symbol(&l.href))
        .collect()
}

/// The document symbol a link leads to: "A/RES/70/1" for
/// `https://undocs.org/en/A/RES/70/1`; `None` for any other link.
fn symbol(href: &str) -> Option<String> {
    let rest = href
        .strip_prefix("https://")
        .or_else(|| href.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/')?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    if host != "undocs.org" && host != "docs.un.org" {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or_default();
    // An optional language: "en", "fr", "zh".
    let path = match path.split_once('/') {
        Some((lang, rest)) if lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_lowercase()) => {
            rest
        }
        _ => path,
    };
    let path = path.trim_end_matches('/');
    let is_symbol = path.contains('/')
        && path.starts_with(|c: char| c.is_ascii_uppercase())
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/.-()".contains(&b));
    is_symbol.then(|| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_to_a_un_symbol_is_read_with_or_without_a_language() {
        let got: Vec<Option<String>> = [
            "https://undocs.org/en/A/RES/70/1",
            "http://undocs.org/A/RES/64/293",
            "https://docs.un.org/en/A/HRC/RES/53/9",
            "https://undocs.org/en/E/RES/2021/25?lang=x",
            "https://example.org/en/A/RES/70/1",
            "https://undocs.org/en/",
            "javascript:alert(1)",
        ]
        .into_iter()
        .map(symbol)
        .collect();
        let expected = [
            Some("A/RES/70/1"),
            Some("A/RES/64/293"),
            Some("A/HRC/RES/53/9"),
            Some("E/RES/2021/25"),
            None,
            None,
            None,
        ]
        .map(|s| s.map(str::to_owned));
        assert_eq!(got, expected);
    }
}
