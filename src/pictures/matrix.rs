//! The reuse matrix: instrument against instrument, each cell the share of
//! the row's paragraphs that have a counterpart in the column's.

use super::svg::{clip, num, percent, text_width, Anchor, Svg};
use super::{nothing, Cell, Picture, Route, Table};
use crate::model::Instrument;

/// The most instruments a matrix shows: 40 rows of 40 cells still read
/// on a wide screen. Beyond it, the most connected are shown (see
/// [`reuse_matrix`]).
pub const MATRIX_MAX: usize = 40;

const CELL: f64 = 36.0;
const CELL_FONT: f64 = 10.0;
const LABEL_FONT: f64 = 11.0;
const LABEL_CHARS: usize = 26;
const PAD: f64 = 8.0;
/// Legend swatches, one a class, and what they mean.
const LEVELS: [&str; 5] = ["none", "under 25%", "25–49%", "50–74%", "75% and over"];
/// Fill opacity of each level without a stylesheet: at most 0.4, so that
/// the percentage in `currentColor` still reads on the darkest cell.
const FALLBACK_OPACITY: [&str; 5] = ["0.03", "0.1", "0.2", "0.3", "0.4"];

/// The class level (0 to 4) of a share: `pic-share-{level}`.
fn level(share: f32) -> usize {
    if share <= 0.0 {
        0
    } else {
        1 + ((share * 4.0) as usize).min(3)
    }
}

/// The matrix of `instruments` from `shares` as [`super::reuse_shares`]
/// computes them (same order; a missing entry counts as 0). Each cell with
/// a share above nothing links to the alignment of its row against its
/// column (`#/align?a=row&b=column`); the row and column names link to the
/// instruments. The diagonal is drawn blank.
///
/// Above [`MATRIX_MAX`] instruments, the `MATRIX_MAX` most connected (the
/// highest sum of shares, to and from the others; ties to the earlier)
/// are shown, in their given order, and the description says how many
/// were left out. No instrument gives a picture that says so.
pub fn reuse_matrix(instruments: &[&Instrument], shares: &[Vec<f32>]) -> Picture {
    let title = "Shared language between instruments".to_owned();
    let share = |a: usize, b: usize| -> f32 {
        shares
            .get(a)
            .and_then(|row| row.get(b))
            .copied()
            .filter(|s| s.is_finite())
            .unwrap_or(0.0)
            .clamp(0.0, 1.0)
    };
    let shown = most_connected(instruments.len(), &share);
    let mut header = vec!["Paragraphs of".to_owned()];
    header.extend(shown.iter().map(|&k| instruments[k].citation.clone()));
    let mut table = Table {
        caption: format!(
            "{title}: share of each row's paragraphs with a counterpart in the column"
        ),
        header,
        rows: Vec::new(),
    };
    if shown.is_empty() {
        let message = "No instruments to compare.";
        return nothing("reuse", "", &title, message, table);
    }
    let labels: Vec<String> = shown
        .iter()
        .map(|&k| clip(&instruments[k].citation, LABEL_CHARS))
        .collect();
    let label_w = labels
        .iter()
        .map(|l| text_width(l, LABEL_FONT))
        .fold(0.0, f64::max);
    let n = shown.len() as f64;
    let left = PAD + label_w + 8.0;
    // Column names slant up to the right at 45°.
    let slant = label_w * std::f64::consts::FRAC_1_SQRT_2;
    let top = PAD + slant + 8.0;
    let width = (left + n * CELL + (slant - CELL / 2.0).max(0.0)).max(left + legend_width()) + PAD;
    let legend_y = top + n * CELL + 16.0;
    let height = legend_y + 16.0 + PAD;
    let desc = describe(instruments, &shown, &share);
    let mut svg = Svg::begin("reuse", "", (width, height), &title, &desc);
    for (r, &a) in shown.iter().enumerate() {
        let inst = instruments[a];
        let y = top + CELL * r as f64;
        svg.link(&Route::Instrument(&inst.id).href(), &inst.citation, |svg| {
            svg.text_with(
                "pic-label",
                (left - 8.0, y + CELL / 2.0 + LABEL_FONT * 0.35),
                Anchor::End,
                &labels[r],
                &format!(" font-size=\"{}\"", num(LABEL_FONT)),
            );
        });
        let x = left + CELL * r as f64 + CELL / 2.0;
        let at = (x, top - 6.0);
        svg.link(&Route::Instrument(&inst.id).href(), &inst.citation, |svg| {
            svg.text_with(
                "pic-label",
                at,
                Anchor::Start,
                &labels[r],
                &format!(
                    " font-size=\"{}\" transform=\"rotate(-45 {} {})\"",
                    num(LABEL_FONT),
                    num(at.0),
                    num(at.1)
                ),
            );
        });
    }
    for (r, &a) in shown.iter().enumerate() {
        let mut row = vec![Cell::link(
            instruments[a].citation.clone(),
            Route::Instrument(&instruments[a].id).href(),
        )];
        for (c, &b) in shown.iter().enumerate() {
            let cell = (
                left + CELL * c as f64 + 1.0,
                top + CELL * r as f64 + 1.0,
                CELL - 2.0,
                CELL - 2.0,
            );
            if a == b {
                svg.rect("pic-diagonal", cell, " fill-opacity=\"0.15\"");
                row.push(Cell::text("—"));
                continue;
            }
            let s = share(a, b);
            let text = percent(s);
            let (first, second) = (instruments[a], instruments[b]);
            row.push(if s > 0.0 {
                Cell::link(text.clone(), Route::Align(&first.id, &second.id).href())
            } else {
                Cell::text(text.clone())
            });
            let draw = |svg: &mut Svg| {
                let l = level(s);
                svg.rect(
                    &format!("pic-share-{l}"),
                    cell,
                    &format!(" fill-opacity=\"{}\"", FALLBACK_OPACITY[l]),
                );
                let class = if l >= 3 {
                    "pic-cell-label-inverse"
                } else {
                    "pic-cell-label"
                };
                svg.text_with(
                    class,
                    (
                        cell.0 + cell.2 / 2.0,
                        cell.1 + cell.3 / 2.0 + CELL_FONT * 0.35,
                    ),
                    Anchor::Middle,
                    &text,
                    &format!(" font-size=\"{}\"", num(CELL_FONT)),
                );
            };
            let name = format!(
                "{text} of the paragraphs of {} have a counterpart in {}",
                first.citation, second.citation
            );
            if s > 0.0 {
                svg.link(&Route::Align(&first.id, &second.id).href(), &name, draw);
            } else {
                svg.group("pic-unlinked", &name, draw);
            }
        }
        table.rows.push(row);
    }
    legend(&mut svg, left, legend_y);
    Picture {
        svg: svg.finish(),
        alt_table: table,
    }
}

/// The indices shown: all, or the [`MATRIX_MAX`] most connected in their
/// given order.
fn most_connected(n: usize, share: &impl Fn(usize, usize) -> f32) -> Vec<usize> {
    if n <= MATRIX_MAX {
        return (0..n).collect();
    }
    let connection = |a: usize| -> f32 {
        (0..n)
            .filter(|&b| b != a)
            .map(|b| share(a, b) + share(b, a))
            .sum()
    };
    let mut ranked: Vec<(usize, f32)> = (0..n).map(|a| (a, connection(a))).collect();
    ranked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    let mut shown: Vec<usize> = ranked.iter().take(MATRIX_MAX).map(|x| x.0).collect();
    shown.sort_unstable();
    shown
}

/// The description: how many instruments, the pair sharing the most, and
/// how many were left out.
fn describe(
    instruments: &[&Instrument],
    shown: &[usize],
    share: &impl Fn(usize, usize) -> f32,
) -> String {
    let mut best: Option<(usize, usize, f32)> = None;
    for &a in shown {
        for &b in shown {
            let s = share(a, b);
            if a != b && s > 0.0 && best.is_none_or(|x| s > x.2) {
                best = Some((a, b, s));
            }
        }
    }
    let mut desc = format!(
        "{} instruments; each cell is the share of the row's paragraphs that have a \
         counterpart in the column's.",
        shown.len()
    );
    match best {
        Some((a, b, s)) => desc.push_str(&format!(
            " Most shared: {} of {} in {}.",
            percent(s),
            instruments[a].citation,
            instruments[b].citation
        )),
        None => desc.push_str(" No two share a paragraph."),
    }
    if shown.len() < instruments.len() {
        desc.push_str(&format!(
            " The {} most connected of {} instruments are shown.",
            shown.len(),
            instruments.len()
        ));
    }
    desc
}

fn legend_width() -> f64 {
    LEVELS
        .iter()
        .map(|meaning| 30.0 + text_width(meaning, CELL_FONT))
        .sum()
}

/// One swatch a level, and what it means.
fn legend(svg: &mut Svg, left: f64, y: f64) {
    let mut x = left;
    for (l, meaning) in LEVELS.iter().enumerate() {
        svg.rect(
            &format!("pic-share-{l}"),
            (x, y - 10.0, 12.0, 12.0),
            &format!(" fill-opacity=\"{}\"", FALLBACK_OPACITY[l]),
        );
        svg.text_with(
            "pic-label",
            (x + 16.0, y),
            Anchor::Start,
            meaning,
            &format!(" font-size=\"{}\"", num(CELL_FONT)),
        );
        x += 16.0 + text_width(meaning, CELL_FONT) + 14.0;
    }
}
