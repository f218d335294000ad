//! The trail of a paragraph's language over time: the similar paragraphs
//! of other instruments, placed by year of adoption and similarity.

use super::bars::WIDTH;
use super::svg::{num, percent, Anchor, Svg, FONT};
use super::{nothing, Cell, Picture, Route, Table};
use crate::model::Corpus;
use crate::trail::{SimilarityIndex, UnitRef};

/// How many similar paragraphs a trail asks for: more than the interface
/// lists (a picture shows where language went, not only the best), few
/// enough to stay apart on the plot.
pub const TRAIL_POINTS: usize = 40;

/// A paragraph on the trail.
#[derive(Clone, Debug, PartialEq)]
pub struct TrailPoint {
    pub id: String,
    pub citation: String,
    /// Year of adoption of its instrument; `None` when unknown.
    pub year: Option<u16>,
    /// Similarity to the trail's paragraph, 0.0 to 1.0 (see
    /// [`crate::trail`]); 1.0 for the paragraph itself.
    pub similarity: f32,
}

/// A paragraph, and the similar paragraphs of other instruments.
#[derive(Clone, Debug, PartialEq)]
pub struct Trail {
    pub paragraph: TrailPoint,
    /// Best first, as [`SimilarityIndex::similar_to`] ranks them.
    pub similar: Vec<TrailPoint>,
}

impl Trail {
    /// The trail of `unit`: its `limit` most similar paragraphs in other
    /// instruments. `None` when the corpus has no such paragraph.
    pub fn of(
        corpus: &Corpus,
        index: &SimilarityIndex,
        unit: UnitRef,
        limit: usize,
    ) -> Option<Trail> {
        let point = |u: UnitRef, similarity: f32| -> Option<TrailPoint> {
            let p = u.paragraph(corpus)?;
            Some(TrailPoint {
                id: p.id.clone(),
                citation: p.citation.clone(),
                year: u.instrument(corpus)?.year,
                similarity,
            })
        };
        Some(Trail {
            paragraph: point(unit, 1.0)?,
            similar: index
                .similar_to(corpus, unit, limit)
                .into_iter()
                .filter_map(|(u, s)| point(u, s))
                .collect(),
        })
    }
}

const HEIGHT: f64 = 300.0;
const LEFT: f64 = 48.0;
const TOP: f64 = 28.0;
const BOTTOM: f64 = 248.0;
const UNKNOWN_W: f64 = 72.0;
const R: f64 = 5.0;

/// Where years and similarities fall on the plot.
struct Scale {
    first_year: u16,
    years: u16,
    x0: f64,
    band: f64,
    /// The centre of the "year unknown" column, when there is one.
    unknown_x: Option<f64>,
}

impl Scale {
    fn new(points: &[&TrailPoint]) -> Scale {
        let known = points.iter().filter_map(|p| p.year);
        let (lo, hi) = known.fold((u16::MAX, 0), |(lo, hi), y| (lo.min(y), hi.max(y)));
        let any_unknown = points.iter().any(|p| p.year.is_none());
        let right = WIDTH - 16.0 - if any_unknown { UNKNOWN_W + 8.0 } else { 0.0 };
        let years = if lo > hi {
            0
        } else {
            (hi - lo).saturating_add(1)
        };
        Scale {
            first_year: lo,
            years,
            x0: LEFT,
            band: (right - LEFT) / f64::from(years.max(1)),
            unknown_x: any_unknown.then_some(WIDTH - 16.0 - UNKNOWN_W / 2.0),
        }
    }

    fn x(&self, year: Option<u16>) -> f64 {
        match year {
            Some(y) => self.x0 + (f64::from(y - self.first_year) + 0.5) * self.band,
            None => self.unknown_x.unwrap_or(self.x0),
        }
    }

    fn y(similarity: f32) -> f64 {
        BOTTOM - f64::from(similarity.clamp(0.0, 1.0)) * (BOTTOM - TOP)
    }

    /// How far apart year labels are: every year, or every 2, 5, 10, 20 …
    /// years, whichever labels 8 years at most.
    fn tick_step(&self) -> u16 {
        [1, 10, 100, 1000, 10_000]
            .into_iter()
            .flat_map(|magnitude| [1, 2, 5].map(|m| m * magnitude))
            .find(|&step| self.years / step <= 8)
            .unwrap_or(10_000)
    }
}

/// The trail as a picture: x the year of adoption (a separate "year
/// unknown" column on the right for instruments with none), y the
/// similarity; the paragraph itself a diamond at 100% linking to it, each
/// similar paragraph a dot linking to the comparison of the two
/// (`#/compare?a=this&b=other`). A trail with no similar paragraph gives a
/// picture that says so.
pub fn trail(trail: &Trail) -> Picture {
    let this = &trail.paragraph;
    let title = format!("Where the language of {} appears", this.citation);
    let mut table = Table {
        caption: format!("{title}: similar paragraphs of other instruments by year"),
        header: ["Paragraph", "Year", "Similarity", "Comparison"]
            .map(str::to_owned)
            .to_vec(),
        rows: Vec::new(),
    };
    if trail.similar.is_empty() {
        let message = format!(
            "No paragraph of another instrument shares the language of {}.",
            this.citation
        );
        return nothing("trail", &this.id, &title, &message, table);
    }
    let all: Vec<&TrailPoint> = std::iter::once(this).chain(&trail.similar).collect();
    let scale = Scale::new(&all);
    let mut svg = Svg::begin("trail", &this.id, (WIDTH, HEIGHT), &title, &describe(trail));
    axes(&mut svg, &scale);
    let placed = place(&all, &scale);
    for (point, &(x, y)) in all.iter().zip(&placed) {
        let year = point
            .year
            .map_or("year unknown".to_owned(), |y| y.to_string());
        if std::ptr::eq(*point, this) {
            let name = format!("{}: this paragraph ({year})", point.citation);
            svg.link(&Route::Clause(&point.id).href(), &name, |svg| {
                let d = format!(
                    "M{} {}L{} {}L{} {}L{} {}Z",
                    num(x),
                    num(y - 8.0),
                    num(x + 8.0),
                    num(y),
                    num(x),
                    num(y + 8.0),
                    num(x - 8.0),
                    num(y)
                );
                svg.path("pic-self", &d, " fill=\"currentColor\"");
            });
            continue;
        }
        let name = format!(
            "{}: {} similar ({year})",
            point.citation,
            percent(point.similarity)
        );
        svg.link(&Route::Compare(&this.id, &point.id).href(), &name, |svg| {
            svg.circle("pic-point", (x, y), R);
        });
    }
    table.rows = rows(trail);
    Picture {
        svg: svg.finish(),
        alt_table: table,
    }
}

/// Each point's position: its year and similarity, moved sideways within
/// its year when it would cover a point placed before it (0, +1, −1, +2 …
/// diameters), the paragraph itself placed first.
fn place(points: &[&TrailPoint], scale: &Scale) -> Vec<(f64, f64)> {
    let mut placed: Vec<(f64, f64)> = Vec::new();
    let step = 2.0 * R + 2.0;
    let room = (scale.band / 2.0 - R).max(0.0);
    for p in points {
        let (x, y) = (scale.x(p.year), Scale::y(p.similarity));
        let mut k = 0i32;
        let dx = loop {
            let offset = f64::from((k + 1) / 2 * if k % 2 == 1 { 1 } else { -1 }) * step;
            let offset = offset.clamp(-room, room);
            let free = placed
                .iter()
                .all(|&(px, py)| (px - (x + offset)).abs() >= step || (py - y).abs() >= step);
            if free || k > 12 {
                break offset;
            }
            k += 1;
        };
        placed.push((x + dx, y));
    }
    placed
}

/// Similarity grid lines and labels, year labels, axis titles, and the
/// "year unknown" column.
fn axes(svg: &mut Svg, scale: &Scale) {
    let right = WIDTH - 16.0;
    for k in 0..=4 {
        let s = k as f32 / 4.0;
        let y = Scale::y(s);
        svg.line(
            "pic-grid",
            (LEFT, y),
            (right, y),
            " stroke-opacity=\"0.15\"",
        );
        svg.text(
            "pic-label",
            (LEFT - 6.0, y + FONT * 0.35),
            Anchor::End,
            &percent(s),
        );
    }
    svg.text(
        "pic-label",
        (LEFT - 6.0, TOP - 14.0),
        Anchor::Start,
        "Similarity",
    );
    svg.line("pic-axis", (LEFT, BOTTOM), (right, BOTTOM), "");
    let step = scale.tick_step();
    for k in (0..scale.years).step_by(usize::from(step)) {
        let year = scale.first_year + k;
        let x = scale.x(Some(year));
        svg.line("pic-axis", (x, BOTTOM), (x, BOTTOM + 4.0), "");
        svg.text(
            "pic-label",
            (x, BOTTOM + 18.0),
            Anchor::Middle,
            &year.to_string(),
        );
    }
    if scale.years > 0 {
        let middle = scale.x0 + scale.band * f64::from(scale.years) / 2.0;
        svg.text(
            "pic-label",
            (middle, BOTTOM + 38.0),
            Anchor::Middle,
            "Year adopted",
        );
    }
    if let Some(x) = scale.unknown_x {
        svg.rect(
            "pic-unknown",
            (
                x - UNKNOWN_W / 2.0,
                TOP - 4.0,
                UNKNOWN_W,
                BOTTOM - TOP + 8.0,
            ),
            " fill-opacity=\"0.06\"",
        );
        svg.text(
            "pic-label",
            (x, BOTTOM + 18.0),
            Anchor::Middle,
            "year unknown",
        );
    }
}

/// "A/RES/78/228, op. 3 and 12 similar paragraphs of other instruments,
/// 2020 to 2025, 14% to 100% similar; 2 with no year."
fn describe(trail: &Trail) -> String {
    let years: Vec<u16> = trail.similar.iter().filter_map(|p| p.year).collect();
    let unknown = trail.similar.len() - years.len();
    let (lo, hi) = trail.similar.iter().fold((1.0f32, 0.0f32), |(lo, hi), p| {
        (lo.min(p.similarity), hi.max(p.similarity))
    });
    let n = trail.similar.len();
    let mut desc = format!(
        "{} and {n} similar {} of other instruments",
        trail.paragraph.citation,
        if n == 1 { "paragraph" } else { "paragraphs" }
    );
    if let (Some(first), Some(last)) = (years.iter().min(), years.iter().max()) {
        if first == last {
            desc.push_str(&format!(", adopted in {first}"));
        } else {
            desc.push_str(&format!(", adopted {first} to {last}"));
        }
    }
    desc.push_str(&format!(", {} to {} similar", percent(lo), percent(hi)));
    if unknown > 0 {
        desc.push_str(&format!("; {unknown} with no year"));
    }
    desc.push('.');
    desc
}

/// The table: the paragraph itself, then the similar ones by year (no
/// year last), most similar first within a year.
fn rows(trail: &Trail) -> Vec<Vec<Cell>> {
    let this = &trail.paragraph;
    let year = |p: &TrailPoint| p.year.map_or("unknown".to_owned(), |y| y.to_string());
    let mut rows = vec![vec![
        Cell::link(this.citation.clone(), Route::Clause(&this.id).href()),
        Cell::text(year(this)),
        Cell::text("this paragraph"),
        Cell::text(""),
    ]];
    let mut similar: Vec<&TrailPoint> = trail.similar.iter().collect();
    similar.sort_by(|a, b| {
        (a.year.is_none(), a.year)
            .cmp(&(b.year.is_none(), b.year))
            .then(b.similarity.total_cmp(&a.similarity))
            .then(a.citation.cmp(&b.citation))
    });
    for p in similar {
        rows.push(vec![
            Cell::link(p.citation.clone(), Route::Clause(&p.id).href()),
            Cell::text(year(p)),
            Cell::text(percent(p.similarity)),
            Cell::link("Compare", Route::Compare(&this.id, &p.id).href()),
        ]);
    }
    rows
}
