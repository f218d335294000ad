//! A readable rendering of an alignment, one line per row, for review by
//! eye and for golden tests:
//!
//! ```text
//! op 1  ⇄ op 3   0.93 changed        [0.81]  Urges Member States that have  │ Urges Member States that have
//! pp 4  ⇥        ---- only in first  [----]  Recalling all relevant United  │
//!       ⇤ pp 2   ---- only in second [----]                                 │ Guided by the purposes and
//! ```
//!
//! A pair shows the diff similarity (the figure a reader sees) and, in
//! brackets, the pairing score that made the pair; then the first words of
//! both paragraphs.

use std::fmt::Write;

use super::{Alignment, Piece, Place, Status};
use crate::model::{Instrument, Part};

/// Characters of each clause shown.
const EXCERPT_CHARS: usize = 30;
/// Width of the column that says where a clause is ("op 12 chapeau").
const LABEL_CHARS: usize = 13;

/// One line per row of `alignment`, which aligns `first` with `second`.
pub fn render(alignment: &Alignment, first: &Instrument, second: &Instrument) -> String {
    let mut out = String::new();
    for row in &alignment.rows {
        let label = |inst: &Instrument, place: Option<Place>| {
            place.map_or(String::new(), |p| label(inst, row.part, p))
        };
        let excerpt = |inst: &Instrument, place: Option<Place>| {
            place.map_or(String::new(), |p| excerpt(inst, row.part, p))
        };
        let arrow = match row.status {
            Status::Identical | Status::Changed => "⇄",
            Status::OnlyInFirst => "⇥",
            Status::OnlyInSecond => "⇤",
        };
        let (similarity, score) = match &row.diff {
            Some(d) => (format!("{:.2}", d.similarity), format!("{:.2}", row.score)),
            None => ("----".to_owned(), "----".to_owned()),
        };
        let line = format!(
            "{:<LABEL_CHARS$} {arrow} {:<LABEL_CHARS$}  {similarity} {:<14} [{score}]  {:<width$} │ {}",
            label(first, row.first),
            label(second, row.second),
            status(row.status),
            excerpt(first, row.first),
            excerpt(second, row.second),
            width = EXCERPT_CHARS
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Identical => "identical",
        Status::Changed => "changed",
        Status::OnlyInFirst => "only in first",
        Status::OnlyInSecond => "only in second",
    }
}

/// "op 7", "op 7 chapeau", "op 7 (j)".
fn label(inst: &Instrument, part: Part, place: Place) -> String {
    let Some(p) = place.paragraph(inst, part) else {
        return String::new();
    };
    let base = format!("{} {}", part.abbreviation(), p.ordinal);
    match place.piece {
        Piece::Whole => base,
        Piece::Chapeau => format!("{base} chapeau"),
        Piece::Subparagraph(k) => {
            let letter = p.subparagraphs.get(k).map_or("?", |s| s.label.as_str());
            format!("{base} ({letter})")
        }
    }
}

/// The first characters of a clause, cut at a word.
fn excerpt(inst: &Instrument, part: Part, place: Place) -> String {
    let Some(p) = place.paragraph(inst, part) else {
        return String::new();
    };
    let text = match place.piece {
        Piece::Whole | Piece::Chapeau => &p.text.plain,
        Piece::Subparagraph(k) => p
            .subparagraphs
            .get(k)
            .map_or(&p.text.plain, |s| &s.text.plain),
    };
    let mut out = String::new();
    for word in text.split_whitespace() {
        let len = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if len > EXCERPT_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
