//! Which instruments cite which: a graph laid out in layers by year, or,
//! when that would not read, the most cited instruments as bars.

use super::bars::{self, Bar};
use super::svg::{clip, num, text_width, Anchor, Svg, FONT};
use super::{nothing, Cell, Picture, Route, Table};

/// An instrument of the graph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphNode {
    /// The instrument's id in the corpus; empty for an instrument outside
    /// it (drawn without a link).
    pub id: String,
    /// What the node says: the instrument's citation, or the key it is
    /// cited by when it is outside the corpus ("A/RES/70/1").
    pub citation: String,
    /// Year of adoption; `None` when unknown.
    pub year: Option<u16>,
}

/// `from` cites `to` (indices into the nodes), `count` times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GraphEdge {
    pub from: usize,
    pub to: usize,
    pub count: u32,
}

/// The most nodes drawn as a graph.
pub const GRAPH_MAX_NODES: usize = 25;
/// The most edges drawn as a graph (after merging repeats).
pub const GRAPH_MAX_EDGES: usize = 60;

const NODE_H: f64 = 24.0;
const ROW: f64 = 36.0;
const GAP: f64 = 64.0;
const TOP: f64 = 32.0;
const PAD: f64 = 8.0;
const LABEL_CHARS: usize = 24;

/// Which instruments cite which. Up to [`GRAPH_MAX_NODES`] nodes and
/// [`GRAPH_MAX_EDGES`] edges, a graph: one column a year, oldest on the
/// left (a "year unknown" column first), an arrow from each citing
/// instrument to the one it cites, each instrument of the corpus a link to
/// it. Beyond, the [`GRAPH_MAX_NODES`] most cited instruments as bars (by
/// how many instruments cite them). Edges out of range, from a node to
/// itself, or with a count of 0 are left out; repeated edges are merged.
/// No node gives a picture that says so.
pub fn citation_graph(nodes: &[GraphNode], edges: &[GraphEdge]) -> Picture {
    let edges = merged(nodes.len(), edges);
    if nodes.len() > GRAPH_MAX_NODES || edges.len() > GRAPH_MAX_EDGES {
        return ranking(nodes, &edges);
    }
    let title = "Which instruments cite which".to_owned();
    let mut table = Table {
        caption: format!("{title}, by year"),
        header: ["Instrument", "Year", "Cites", "Cited by"]
            .map(str::to_owned)
            .to_vec(),
        rows: Vec::new(),
    };
    if nodes.is_empty() {
        return nothing("citations", "", &title, "No instruments to draw.", table);
    }
    let layout = Layout::new(nodes);
    let desc = format!(
        "{} instruments in {} columns by year, oldest on the left; {}.",
        nodes.len(),
        layout.columns.len(),
        match edges.len() {
            0 => "none cites another".to_owned(),
            1 => "1 citation, an arrow from the citing instrument to the cited".to_owned(),
            n => format!("{n} citations, arrows from the citing instrument to the cited"),
        }
    );
    let mut svg = Svg::begin("citations", "", layout.size(), &title, &desc);
    let arrow = svg.id("arrow");
    svg.raw(&format!(
        "<defs><marker id=\"{arrow}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" \
         markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path class=\"pic-arrowhead\" \
         d=\"M0 0L10 5L0 10Z\" fill=\"currentColor\"/></marker></defs>"
    ));
    for (c, year) in layout.columns.iter().enumerate() {
        let label = year.map_or("year unknown".to_owned(), |y| y.to_string());
        let x = layout.x(c) + layout.node_w / 2.0;
        svg.text("pic-label", (x, TOP - 14.0), Anchor::Middle, &label);
    }
    for e in &edges {
        let d = layout.edge(e.from, e.to);
        let (a, b) = (&nodes[e.from].citation, &nodes[e.to].citation);
        let tooltip = match e.count {
            1 => format!("{a} cites {b}"),
            n => format!("{a} cites {b} ({n} times)"),
        };
        let width = 1.0 + 0.5 * f64::from(e.count.clamp(1, 5) - 1);
        svg.path_titled(
            "pic-edge",
            &d,
            &format!(
                " fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.55\" \
                 stroke-width=\"{}\" marker-end=\"url(#{arrow})\"",
                num(width)
            ),
            &tooltip,
        );
    }
    for &n in &layout.order {
        let node = &nodes[n];
        let (x, y) = layout.at[n];
        let cites = edges.iter().filter(|e| e.from == n).count();
        let cited = edges.iter().filter(|e| e.to == n).count();
        let draw = |svg: &mut Svg| {
            let outline = if node.id.is_empty() {
                " stroke-dasharray=\"3 2\""
            } else {
                ""
            };
            svg.rect(
                if node.id.is_empty() {
                    "pic-node pic-node-outside"
                } else {
                    "pic-node"
                },
                (x, y, layout.node_w, NODE_H),
                &format!(" fill-opacity=\"0.08\" stroke=\"currentColor\" rx=\"4\"{outline}"),
            );
            svg.text(
                "pic-label",
                (x + layout.node_w / 2.0, y + NODE_H / 2.0 + FONT * 0.35),
                Anchor::Middle,
                &clip(&node.citation, LABEL_CHARS),
            );
        };
        let year = node
            .year
            .map_or("year unknown".to_owned(), |y| y.to_string());
        let name = format!(
            "{} ({year}): cites {cites}, cited by {cited}",
            node.citation
        );
        if node.id.is_empty() {
            svg.group("pic-unlinked", &format!("{name}; not in the corpus"), draw);
        } else {
            svg.link(&Route::Instrument(&node.id).href(), &name, draw);
        }
        table.rows.push(vec![
            node_cell(node),
            Cell::text(year),
            listed(nodes, edges.iter().filter(|e| e.from == n).map(|e| e.to)),
            listed(nodes, edges.iter().filter(|e| e.to == n).map(|e| e.from)),
        ]);
    }
    Picture {
        svg: svg.finish(),
        alt_table: table,
    }
}

/// The valid edges, repeats merged (counts added), by `(from, to)`.
fn merged(n: usize, edges: &[GraphEdge]) -> Vec<GraphEdge> {
    let mut out: Vec<GraphEdge> = edges
        .iter()
        .filter(|e| e.from < n && e.to < n && e.from != e.to && e.count > 0)
        .copied()
        .collect();
    out.sort_by_key(|e| (e.from, e.to));
    out.dedup_by(|later, kept| {
        let same = later.from == kept.from && later.to == kept.to;
        if same {
            kept.count = kept.count.saturating_add(later.count);
        }
        same
    });
    out
}

/// A node as a table cell: a link when it is in the corpus.
fn node_cell(node: &GraphNode) -> Cell {
    if node.id.is_empty() {
        Cell::text(node.citation.clone())
    } else {
        Cell::link(node.citation.clone(), Route::Instrument(&node.id).href())
    }
}

/// Nodes as a cell listing them, "none" when there are none.
fn listed(nodes: &[GraphNode], which: impl Iterator<Item = usize>) -> Cell {
    let cell = Cell::list(which.map(|k| {
        let node = &nodes[k];
        let href = (!node.id.is_empty()).then(|| Route::Instrument(&node.id).href());
        (node.citation.clone(), href)
    }));
    if cell.segments.is_empty() {
        Cell::text("none")
    } else {
        cell
    }
}

/// Where each node goes: columns by year, rows by citation.
struct Layout {
    /// The year of each column, `None` (unknown) first.
    columns: Vec<Option<u16>>,
    /// Top-left corner of each node's box.
    at: Vec<(f64, f64)>,
    /// Nodes in reading order: by column, then down.
    order: Vec<usize>,
    /// Column of each node.
    column: Vec<usize>,
    node_w: f64,
    rows: usize,
}

impl Layout {
    fn new(nodes: &[GraphNode]) -> Layout {
        let mut columns: Vec<Option<u16>> = nodes.iter().map(|n| n.year).collect();
        columns.sort_unstable();
        columns.dedup();
        let mut order: Vec<usize> = (0..nodes.len()).collect();
        let column_of = |n: usize| {
            columns
                .iter()
                .position(|&y| y == nodes[n].year)
                .unwrap_or(0)
        };
        order.sort_by(|&a, &b| {
            column_of(a)
                .cmp(&column_of(b))
                .then(nodes[a].citation.cmp(&nodes[b].citation))
                .then(a.cmp(&b))
        });
        let node_w = nodes
            .iter()
            .map(|n| text_width(&clip(&n.citation, LABEL_CHARS), FONT) + 16.0)
            .fold(60.0, f64::max);
        let mut layout = Layout {
            at: vec![(0.0, 0.0); nodes.len()],
            column: (0..nodes.len()).map(column_of).collect(),
            columns,
            order,
            node_w,
            rows: 0,
        };
        let mut row_in_column = vec![0usize; layout.columns.len()];
        for &n in &layout.order {
            let c = layout.column[n];
            let row = row_in_column[c];
            row_in_column[c] += 1;
            layout.at[n] = (layout.x(c), TOP + ROW * row as f64);
            layout.rows = layout.rows.max(row + 1);
        }
        layout
    }

    fn x(&self, column: usize) -> f64 {
        PAD + column as f64 * (self.node_w + GAP)
    }

    fn size(&self) -> (f64, f64) {
        let n = self.columns.len() as f64;
        // Room on the right for arrows between nodes of the last column.
        let width = 2.0 * PAD + n * self.node_w + (n - 1.0).max(0.0) * GAP + GAP / 2.0;
        (width, TOP + ROW * self.rows as f64 + PAD)
    }

    /// The path of an arrow from node `from` to node `to`: between facing
    /// sides across columns, a loop on the right within one.
    fn edge(&self, from: usize, to: usize) -> String {
        let (fx, fy) = self.at[from];
        let (tx, ty) = self.at[to];
        let (w, mid) = (self.node_w, NODE_H / 2.0);
        let (sy, ey) = (fy + mid, ty + mid);
        let (sx, ex, c1, c2) = match self.column[from].cmp(&self.column[to]) {
            std::cmp::Ordering::Greater => {
                let bend = (fx - tx - w) / 2.0;
                (fx, tx + w, fx - bend, tx + w + bend)
            }
            std::cmp::Ordering::Less => {
                let bend = (tx - fx - w) / 2.0;
                (fx + w, tx, fx + w + bend, tx - bend)
            }
            std::cmp::Ordering::Equal => {
                let bulge = 24.0 + (ty - fy).abs() / 6.0;
                (fx + w, tx + w, fx + w + bulge, tx + w + bulge)
            }
        };
        format!(
            "M{} {}C{} {} {} {} {} {}",
            num(sx),
            num(sy),
            num(c1),
            num(sy),
            num(c2),
            num(ey),
            num(ex),
            num(ey)
        )
    }
}

/// The most cited instruments, as bars: by how many instruments cite
/// them, then by how many citations, then by citation.
fn ranking(nodes: &[GraphNode], edges: &[GraphEdge]) -> Picture {
    let title = "Most cited instruments".to_owned();
    // Per node: how many instruments cite it, and how many times.
    let mut counts = vec![(0usize, 0u32); nodes.len()];
    for e in edges {
        let (by, total) = &mut counts[e.to];
        *by += 1;
        *total = total.saturating_add(e.count);
    }
    let mut cited: Vec<(usize, usize, u32)> = counts
        .iter()
        .enumerate()
        .filter(|(_, &(by, _))| by > 0)
        .map(|(n, &(by, total))| (n, by, total))
        .collect();
    cited.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.2.cmp(&a.2))
            .then(nodes[a.0].citation.cmp(&nodes[b.0].citation))
            .then(a.0.cmp(&b.0))
    });
    cited.truncate(GRAPH_MAX_NODES);
    let mut table = Table {
        caption: format!("{title}, by the number of instruments citing them"),
        header: ["Instrument", "Cited by", "Citations", "Citing instruments"]
            .map(str::to_owned)
            .to_vec(),
        rows: Vec::new(),
    };
    if cited.is_empty() {
        let message = "No instrument cites another.";
        return nothing("ranking", "", &title, message, table);
    }
    let mut bars = Vec::new();
    for &(n, by, total) in &cited {
        let node = &nodes[n];
        let href = (!node.id.is_empty()).then(|| Route::Instrument(&node.id).href());
        bars.push(Bar {
            run: None,
            label: node.citation.clone(),
            value: by as u32,
            name: format!(
                "{}: cited by {by} {}",
                node.citation,
                if by == 1 { "instrument" } else { "instruments" }
            ),
            href,
        });
        table.rows.push(vec![
            node_cell(node),
            Cell::text(by.to_string()),
            Cell::text(total.to_string()),
            listed(nodes, edges.iter().filter(|e| e.to == n).map(|e| e.from)),
        ]);
    }
    let mut desc = format!(
        "Too many to draw as a graph ({} instruments, {} citations): the {} most cited, \
         by the number of instruments citing them.",
        nodes.len(),
        edges.len(),
        cited.len()
    );
    if let Some(&(n, by, _)) = cited.first() {
        desc.push_str(&format!(" Most cited: {}, by {by}.", nodes[n].citation));
    }
    Picture {
        svg: bars::picture("ranking", "", &title, &desc, &bars),
        alt_table: table,
    }
}
