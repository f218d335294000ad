//! Instrument against instrument: each paragraph of the first paired with
//! its counterpart in the second, wherever it moved.
//!
//! ```
//! use clause_explorer::{align, parse::parse_document};
//!
//! let header = "Resolution 1/1\n\nA title\n\nThe Commission on Crime Prevention and Criminal Justice,\n\n";
//! let first = parse_document("a.txt", &format!("{header}\
//!     1. *Urges* Member States that have not yet done so to ratify the Convention;\n\n\
//!     2. *Requests* the Office to report to the Commission at its next session.\n"));
//! let second = parse_document("b.txt", &format!("{header}\
//!     1. *Welcomes* the work of the Office;\n\n\
//!     2. *Requests* the Office to report to the Commission at its thirty-fifth session;\n\n\
//!     3. *Urges* Member States that have not yet done so to ratify the Convention.\n"));
//! let a = align::align(&first.instruments[0], &second.instruments[0]);
//! let rows: Vec<String> = a.rows.iter().map(|r| {
//!     let op = |p: Option<align::Place>| p.map_or("-".to_string(), |p| format!("op {}", p.paragraph + 1));
//!     format!("{} ⇄ {}: {:?}", op(r.first), op(r.second), r.status)
//! }).collect();
//! assert_eq!(rows, [
//!     "- ⇄ op 1: OnlyInSecond", // placed first: no paragraph before it is paired
//!     "op 1 ⇄ op 3: Changed",   // moved; its full stop became a semicolon
//!     "op 2 ⇄ op 2: Changed",
//! ]);
//! assert_eq!((a.summary.identical, a.summary.changed, a.summary.only_in_second), (0, 2, 1));
//! ```
//!
//! Paragraphs are paired one to one, preambular with preambular and
//! operative with operative (a paragraph that moved between the parts is
//! reported once in each, unpaired).
//!
//! A pair needs shared *language*, not a shared subject: paragraphs are
//! compared on their word shingles (runs of [`Settings::shingle_words`]
//! words), each weighted by its rarity in the two instruments (inverse
//! document frequency, squared), and shingles that only name something
//! ("United Nations Office on Drugs and Crime", "Member States") weigh less
//! still. The score of two paragraphs is the weighted Jaccard similarity of
//! their shingles: the sum over shingles of the smaller weight over the sum
//! of the larger. Pairs scoring at least [`Settings::threshold`] are taken
//! greedily, best first, so a paragraph that moved and was edited still
//! finds its counterpart, and a paragraph with two candidates keeps the
//! better one.
//!
//! Texts are often restructured: several paragraphs of one text become the
//! sub-paragraphs of one paragraph in the next. So the chapeau (the words
//! before the sub-paragraphs) and each top-level sub-paragraph of a
//! paragraph can also be paired on their own, when that pairs better than
//! the whole paragraph (by [`Settings::piece_factor`]). Such a paragraph is
//! then shown in pieces, one row each, paired or not.
//!
//! Each pair carries the word diff of its two clauses, sub-paragraphs
//! included. The operative number is not part of a paragraph's text, so a
//! renumbered paragraph with the same words is identical.

mod pairing;
mod render;
mod rows;
mod units;

#[cfg(test)]
mod tests;

use crate::diff::{Clause, Scope, SideBySide};
use crate::model::{Instrument, Paragraph, Part};

pub use render::render;

/// How a clause fares in the other instrument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Paired, with the same language (numbering and footnote marks aside).
    Identical,
    /// Paired, with some language changed.
    Changed,
    /// In the first instrument only.
    OnlyInFirst,
    /// In the second instrument only.
    OnlyInSecond,
}

/// Which part of a paragraph a row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Piece {
    /// The whole paragraph, sub-paragraphs included.
    Whole,
    /// The paragraph's own words before its sub-paragraphs.
    Chapeau,
    /// One top-level sub-paragraph (index into `subparagraphs`), with its
    /// own sub-paragraphs.
    Subparagraph(usize),
}

/// A paragraph, or a piece of one, of one part of an instrument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Place {
    /// Index into the paragraphs of the row's part (`preambular` or
    /// `operative`).
    pub paragraph: usize,
    pub piece: Piece,
}

impl Place {
    /// The paragraph this place is in.
    pub fn paragraph<'a>(&self, inst: &'a Instrument, part: Part) -> Option<&'a Paragraph> {
        paragraphs(inst, part).get(self.paragraph)
    }

    /// The clause at this place, to compare or show.
    pub fn clause<'a>(&self, inst: &'a Instrument, part: Part) -> Option<Clause<'a>> {
        let p = self.paragraph(inst, part)?;
        Some(match self.piece {
            Piece::Whole => Clause::Paragraph(p, Scope::WithSubparagraphs),
            Piece::Chapeau => Clause::Paragraph(p, Scope::Text),
            Piece::Subparagraph(k) => Clause::Subparagraph(p.subparagraphs.get(k)?),
        })
    }
}

/// One row of an alignment: a pair, or a clause of one instrument only.
#[derive(Clone, Debug, PartialEq)]
pub struct AlignedRow {
    pub part: Part,
    /// Where in the first instrument; `None` for [`Status::OnlyInSecond`].
    pub first: Option<Place>,
    /// Where in the second instrument; `None` for [`Status::OnlyInFirst`].
    pub second: Option<Place>,
    pub status: Status,
    /// The pairing score (weighted shingle similarity, 0.0–1.0) that made
    /// the pair; 0.0 for an unpaired clause.
    pub score: f32,
    /// The word diff of a pair; its `similarity` is the figure to show.
    /// `None` for an unpaired clause.
    pub diff: Option<SideBySide>,
}

/// How many rows of each status an alignment has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub identical: usize,
    pub changed: usize,
    pub only_in_first: usize,
    pub only_in_second: usize,
}

/// Two instruments aligned.
#[derive(Clone, Debug, PartialEq)]
pub struct Alignment {
    /// Preambular rows, then operative rows. Within a part, rows follow
    /// the first instrument's reading order; a clause only in the second
    /// comes right after the row of the nearest clause before it (in the
    /// second instrument) that is paired, or first in its part when none
    /// is.
    pub rows: Vec<AlignedRow>,
    pub summary: Summary,
}

/// Tuning of the alignment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// Words per shingle. Valid: 1 to 4. With 1, paragraphs pair on shared
    /// vocabulary; with 3 or more, an edit every few words hides shared
    /// language. 2 keeps "to ensure that" and "capacity-building support"
    /// while ignoring word order noise.
    pub shingle_words: usize,
    /// The weight of a shingle that only names something, relative to one
    /// of ordinary phrasing. Valid: 0.0 (names do not count) to 1.0 (names
    /// count as phrasing). At 0.1 two paragraphs that share the full title
    /// of the Trafficking in Persons Protocol and little else stay apart.
    pub name_weight: f32,
    /// The power the rarity of a shingle (its inverse document frequency in
    /// the two instruments, `ln(1 + paragraphs / paragraphs holding it)`) is
    /// raised to. Valid: 0.0 (rarity ignored) to 3.0. 1 is plain IDF; 2, as
    /// in a TF-IDF cosine, lets phrasing found in one paragraph of each
    /// instrument outweigh a theme repeated all through both ("facilitated
    /// by the criminal misuse of information and communications
    /// technologies").
    pub rarity_exponent: f32,
    /// The lowest score at which two clauses are paired. Valid: 0.0 to
    /// 1.0. Chosen on the corpus (all pairs of its instruments, reviewed by
    /// eye): clauses that share only names, a theme or a lead phrase score
    /// up to 0.085; clauses that share language from 0.09 up ("Organized
    /// criminal groups, including terrorist groups …" against "Noting with
    /// concern the criminal misuse by terrorist groups …", 0.092). The zone
    /// from 0.06 to 0.09 holds both related rewordings and chance overlap.
    /// Checked on four real renewals of the General Assembly (76/186 →
    /// 78/228 → 80/228, 75/158 → 77/194 → 79/154; `tests/ga_renewals.rs`):
    /// 323 pairs made, none by chance (precision 1.0); one counterpart
    /// missed, a rewritten paragraph at 0.065 (recall 0.997); the lowest
    /// counterpart paired scores 0.091 ("Second Work Plan" renewed as
    /// "Third Work Plan"), the highest chance pairing 0.026.
    pub threshold: f32,
    /// How a pairing that involves a piece of a paragraph (chapeau or
    /// sub-paragraph) ranks against one of two whole paragraphs: its score
    /// is multiplied by this factor when pairs are taken best first. Valid:
    /// 0.0 (never split a paragraph) to 1.0 (split whenever a piece pairs
    /// as well as the whole). At 0.7 an identical paragraph is never split,
    /// and an edited one only when a piece scores over 1.4 times the whole
    /// ("Requests the Office to …" stays paired with "Requests the Office:
    /// (a) To … (b) To …" rather than with its (a)).
    pub piece_factor: f32,
}

impl Settings {
    pub const DEFAULT: Settings = Settings {
        shingle_words: 2,
        name_weight: 0.1,
        rarity_exponent: 2.0,
        threshold: 0.09,
        piece_factor: 0.7,
    };
}

impl Default for Settings {
    fn default() -> Self {
        Settings::DEFAULT
    }
}

/// Aligns two instruments with the default [`Settings`].
pub fn align(first: &Instrument, second: &Instrument) -> Alignment {
    align_with(first, second, &Settings::DEFAULT)
}

/// Aligns two instruments.
pub fn align_with(first: &Instrument, second: &Instrument, settings: &Settings) -> Alignment {
    let [units_a, units_b] = units::units(first, second, settings);
    let mut rows = Vec::new();
    for part in [Part::Preambular, Part::Operative] {
        let a: Vec<&units::Unit> = units_a.iter().filter(|u| u.part == part).collect();
        let b: Vec<&units::Unit> = units_b.iter().filter(|u| u.part == part).collect();
        let pairs = pairing::pair(&a, &b, settings);
        rows.extend(rows::part_rows(part, first, second, &a, &b, &pairs));
    }
    let mut summary = Summary::default();
    for row in &rows {
        *match row.status {
            Status::Identical => &mut summary.identical,
            Status::Changed => &mut summary.changed,
            Status::OnlyInFirst => &mut summary.only_in_first,
            Status::OnlyInSecond => &mut summary.only_in_second,
        } += 1;
    }
    Alignment { rows, summary }
}

/// An instrument made ready to be aligned with many others (its words
/// cut into shingles once), for [`paired_paragraphs`].
pub struct Prepared(units::Prepared);

/// Prepares an instrument for [`paired_paragraphs`].
pub fn prepare(inst: &Instrument) -> Prepared {
    Prepared(units::prepare(inst, &Settings::DEFAULT))
}

/// The paragraphs of each instrument that [`align`] pairs (itself or a
/// piece of it) with a clause of the other, as (part, paragraph index):
/// what an alignment's paired rows name, without the word diffs that
/// drawing the rows needs. The reuse matrix asks this of every pair of
/// instruments.
pub fn paired_paragraphs(
    first: &Prepared,
    second: &Prepared,
) -> [std::collections::BTreeSet<(Part, usize)>; 2] {
    let settings = &Settings::DEFAULT;
    let [units_a, units_b] = units::weigh_pair(&first.0, &second.0, settings);
    let mut paired = [
        std::collections::BTreeSet::new(),
        std::collections::BTreeSet::new(),
    ];
    for part in [Part::Preambular, Part::Operative] {
        let a: Vec<&units::Unit> = units_a.iter().filter(|u| u.part == part).collect();
        let b: Vec<&units::Unit> = units_b.iter().filter(|u| u.part == part).collect();
        for (i, j, _) in pairing::pair(&a, &b, settings) {
            paired[0].insert((part, a[i].place.paragraph));
            paired[1].insert((part, b[j].place.paragraph));
        }
    }
    paired
}

/// The pairing score of every clause of one part of the first instrument
/// against every clause of the same part of the second (whole paragraphs
/// and their pieces), for inspection and tuning, highest first.
pub fn scores(
    first: &Instrument,
    second: &Instrument,
    part: Part,
    settings: &Settings,
) -> Vec<(Place, Place, f32)> {
    let [units_a, units_b] = units::units(first, second, settings);
    let mut out: Vec<(Place, Place, f32)> = units_a
        .iter()
        .filter(|u| u.part == part)
        .flat_map(|a| {
            units_b
                .iter()
                .filter(|u| u.part == part)
                .map(move |b| (a.place, b.place, a.score(b)))
        })
        .collect();
    out.sort_by(|x, y| y.2.total_cmp(&x.2));
    out
}

fn paragraphs(inst: &Instrument, part: Part) -> &[Paragraph] {
    match part {
        Part::Preambular => &inst.preambular,
        Part::Operative => &inst.operative,
    }
}
