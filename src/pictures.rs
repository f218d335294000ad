//! Pictures of the corpus, drawn as SVG strings: the verb profile of an
//! instrument, the reuse matrix of instruments, the trail of a paragraph's
//! language over the years, and the graph of which instruments cite which.
//!
//! ```
//! use clause_explorer::{parse::parse_document, pictures};
//!
//! let doc = parse_document("a.txt", "Resolution 33/1\n\nA title\n\n\
//!     The Commission on Crime Prevention and Criminal Justice,\n\n\
//!     1. *Urges* Member States to act;\n\n2. *Also urges* them to report.\n");
//! let picture = pictures::verb_profile(&doc.instruments[0]);
//! assert!(picture.svg.starts_with("<svg "));
//! assert!(picture.svg.contains("href=\"#/p/ccpcj-res-33-1-op-1\""));
//! let row: Vec<String> = picture.alt_table.rows[0].iter().map(|c| c.plain()).collect();
//! assert_eq!(row, ["Urges", "Urges", "2", "op. 1, op. 2"]);
//! ```
//!
//! # What every picture is
//!
//! A [`Picture`]: the `<svg>` element, and a [`Table`] that says the same
//! in text (render it beside the picture, or in a `<details>`, for screen
//! readers and for the figures). The `<svg>`
//!
//! - has `role="group"`, and `aria-labelledby` naming its `<title>` and
//!   `<desc>` (a summary of what it shows); not `role="img"`, which would
//!   make its links unreachable (axe: nested-interactive);
//! - has a `viewBox` and `width="100%"`: it scales to its container;
//! - links with SVG 2 `<a href="#/…">` to app routes only ([`Route`]),
//!   each link named by its `<title>`, which begins with the mark's
//!   visible text, if it has one. The table holds every link too;
//! - is deterministic: the same input writes the same bytes;
//! - paints with classes only, falling back to `currentColor` (and
//!   opacity steps) when no stylesheet defines them, so it reads in light
//!   and dark schemes and in print. No `style` attribute (the
//!   Content-Security-Policy forbids them), nothing external.
//!
//! Empty input (an instrument with no operative paragraph, a matrix of no
//! instruments, a trail with no similar paragraph, a graph of no node)
//! gives a picture that says there is nothing to draw, and a table with
//! its header and no rows; nothing here panics on it.
//!
//! # CSS classes
//!
//! Every `<svg>` has `pic` and `pic-{kind}` (`pic-profile`, `pic-reuse`,
//! `pic-trail`, `pic-citations`, `pic-ranking`, `pic-empty`). Inside:
//!
//! | class | what | fallback |
//! |---|---|---|
//! | `pic-link` | every `<a>` (style `:focus` and `:hover` here) | |
//! | `pic-hit` | an invisible rectangle widening a link's target | `fill-opacity="0"` |
//! | `pic-label` | a label: bar name, axis tick, row or column name | `currentColor` |
//! | `pic-run` | a bar run's name (the verb profile's family) | bold |
//! | `pic-value` | the figure at the end of a bar | `currentColor` |
//! | `pic-bar` | a bar | `currentColor` |
//! | `pic-rule` | a line between runs of bars | `stroke-opacity="0.3"` |
//! | `pic-unlinked` | a `<g>` around a bar or node with no link | |
//! | `pic-share-0` … `pic-share-4` | a matrix cell: none, under 25%, under 50%, under 75%, 75% and over | `fill-opacity` 0.04 to 0.8 |
//! | `pic-cell-label` | a cell's percentage on a light cell | `currentColor` |
//! | `pic-cell-label-inverse` | a cell's percentage on a dark cell (`pic-share-3`, `pic-share-4`): give it the background colour | `currentColor` |
//! | `pic-diagonal` | an instrument against itself (not drawn as a share) | `fill-opacity="0.15"` |
//! | `pic-axis` | an axis line | `currentColor` |
//! | `pic-grid` | a grid line | `stroke-opacity="0.15"` |
//! | `pic-point` | a similar paragraph on the trail | `currentColor` |
//! | `pic-self` | the paragraph itself on the trail | `currentColor` |
//! | `pic-unknown` | the "year unknown" column's band | `fill-opacity="0.06"` |
//! | `pic-node` | an instrument of the citation graph | `fill-opacity="0.08"`, `currentColor` outline |
//! | `pic-node-outside` | an instrument outside the corpus (no link) | dashed outline |
//! | `pic-edge` | a citation, citing to cited | `stroke-opacity="0.55"` |
//! | `pic-arrowhead` | the arrowhead of a citation | `currentColor` |
//! | `pic-message` | the text of a picture with nothing to draw | `currentColor` |

mod bars;
mod cites;
mod families;
mod graph;
mod matrix;
mod profile;
mod reuse;
mod route;
mod svg;
mod table;
mod timeline;

#[cfg(test)]
mod tests;

pub use cites::citations;
pub use families::{family, Family, FAMILIES};
pub use graph::{citation_graph, GraphEdge, GraphNode, GRAPH_MAX_EDGES, GRAPH_MAX_NODES};
pub use matrix::{reuse_matrix, MATRIX_MAX};
pub use profile::verb_profile;
pub use reuse::reuse_shares;
pub use route::Route;
pub use table::{Cell, Segment, Table};
pub use timeline::{trail, Trail, TrailPoint, TRAIL_POINTS};

use svg::{Anchor, Svg};

/// A picture and its text alternative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    /// A complete `<svg>` element, to insert as markup.
    pub svg: String,
    /// What the picture shows, as a table (see [`Table`]).
    pub alt_table: Table,
}

/// A picture with nothing to draw: its title, and `message` as its
/// description and its only text.
fn nothing(kind: &str, key: &str, title: &str, message: &str, table: Table) -> Picture {
    let mut svg = Svg::begin(
        &format!("{kind} pic-empty"),
        key,
        (bars::WIDTH, 40.0),
        title,
        message,
    );
    svg.text("pic-message", (8.0, 24.0), Anchor::Start, message);
    Picture {
        svg: svg.finish(),
        alt_table: table,
    }
}

/// A paragraph's citation without its instrument's ("op. 3" for
/// "CCPCJ res. 33/1, op. 3"), for tables whose caption names the
/// instrument.
fn short_citation(inst: &crate::model::Instrument, citation: &str) -> String {
    citation
        .strip_prefix(inst.citation.as_str())
        .and_then(|rest| rest.strip_prefix(", "))
        .unwrap_or(citation)
        .to_owned()
}
