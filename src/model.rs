//! The document model: an owned tree of plain data.
//!
//! A source file ([`Document`]) holds instruments ([`Instrument`]: a
//! resolution or a decision), each with preambular and operative
//! [`Paragraph`]s, their [`Subparagraph`]s and the [`Footnote`]s the
//! instrument cites. Text outside any instrument is kept as [`Passage`]s so
//! that nothing of the source is lost.
//!
//! Every instrument, paragraph and sub-paragraph has a stable, URL-safe `id`
//! and a human `citation`, and every node keeps a byte [`Span`] back into its
//! source text. Line and column are computed only when a problem is reported.
//!
//! The model derives `Serialize`/`Deserialize` so that a parsed corpus can be
//! bundled into the web app; the JSON printed by the command-line tool is a
//! separate, documented contract (see `json`).

use serde::{Deserialize, Serialize};

use crate::warning::Warning;

/// A byte range `start..end` into a source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A parsed corpus: the documents of one folder, in file-name order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub documents: Vec<Document>,
}

impl Corpus {
    /// Every instrument of the corpus, in document order.
    pub fn instruments(&self) -> impl Iterator<Item = &Instrument> {
        self.documents.iter().flat_map(|d| d.instruments.iter())
    }
}

/// One source file, parsed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The file name the text came from (no directory).
    pub source: String,
    pub instruments: Vec<Instrument>,
    /// Text that belongs to no instrument (report front matter, agenda
    /// items, footnotes nobody cites), in source order.
    pub unassigned: Vec<Passage>,
    pub warnings: Vec<Warning>,
    /// Published with the explorer, or added by its reader in the page.
    pub origin: Origin,
}

/// Where a document came from, for the library's marks and the search
/// facet "Source".
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Origin {
    /// Published with the explorer (`clause-explorer publish`).
    #[default]
    Shipped,
    /// Added by the reader in the page (see [`crate::ingest`]).
    Added,
}

impl Origin {
    /// The facet value and its label: "shipped", "added".
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Shipped => "shipped",
            Origin::Added => "added",
        }
    }
}

/// A stretch of source text kept as it reads, markup removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub text: String,
    /// Set when the passage is a footnote that no instrument claims.
    pub footnote_mark: Option<String>,
    pub span: Span,
}

/// Whether an instrument is a resolution or a decision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InstrumentKind {
    #[default]
    Resolution,
    Decision,
}

impl InstrumentKind {
    /// The word used in text: "resolution" or "decision".
    pub fn as_str(self) -> &'static str {
        match self {
            InstrumentKind::Resolution => "resolution",
            InstrumentKind::Decision => "decision",
        }
    }

    /// The abbreviation used in citations: "res." or "dec.".
    pub fn abbreviation(self) -> &'static str {
        match self {
            InstrumentKind::Resolution => "res.",
            InstrumentKind::Decision => "dec.",
        }
    }
}

/// Where a piece of metadata came from: the text itself, the corpus
/// manifest, or the metadata an XML file carries beside its text (Akoma
/// Ntoso's `meta`). The parser never invents metadata.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Provenance {
    Text,
    Manifest,
    Metadata,
    /// Another text of the corpus cites the instrument by symbol, date and
    /// its exact title (see [`Instrument::recovered`]).
    Citation,
}

/// Where an instrument's recovered symbol and date were read: the clause
/// of another instrument that cites it by body, symbol, date and exact
/// title ("resolution 27/2 of 18 May 2018, entitled “…”").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recovery {
    /// The citing clause's id ("ga-res-76-186-pp-16"), or the citing
    /// instrument's for a footnote.
    pub clause: String,
    /// As a reader cites it: "A/RES/76/186, pp. 16", "A/RES/78/228,
    /// footnote 12".
    pub citation: String,
    /// The date given, ISO ("2018-05-18").
    pub date: String,
    /// Other clauses that cite it the same way.
    pub also: Vec<String>,
}

/// A resolution or decision.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Instrument {
    /// Stable, URL-safe id, e.g. `ccpcj-res-33-1`.
    pub id: String,
    pub kind: InstrumentKind,
    /// The designation as printed ("Resolution 33/1", "Decision 33/1").
    pub designation: Option<String>,
    /// "33/1", "11/5", "2331 (2016)"; `None` when neither the text nor the
    /// manifest gives one.
    pub symbol: Option<String>,
    pub symbol_from: Option<Provenance>,
    /// Empty when the text has none (Security Council resolutions).
    pub title: String,
    /// The adopting body as the text names it, without the trailing comma
    /// ("The Commission on Crime Prevention and Criminal Justice").
    pub body: Option<String>,
    pub body_from: Option<Provenance>,
    /// Year of adoption, from an adoption line or the manifest.
    pub year: Option<u16>,
    pub year_from: Option<Provenance>,
    /// The adoption line as printed ("7th meeting, 16 May 2024").
    pub adopted: Option<String>,
    /// "CCPCJ res. 33/1".
    pub citation: String,
    pub preambular: Vec<Paragraph>,
    pub operative: Vec<Paragraph>,
    pub footnotes: Vec<Footnote>,
    /// What the instrument holds that is not a clause, in source order:
    /// annexes, tables, a signature, headings after the last paragraph.
    /// Kept as it reads so that nothing is lost.
    pub annex: Vec<Passage>,
    /// What the UN's records say of the instrument beyond its text (empty
    /// for plain-text sources, which carry none of it).
    pub record: Record,
    /// Set when the symbol or year came from another text's citation of
    /// this one ([`Provenance::Citation`]): where.
    pub recovered: Option<Recovery>,
    pub span: Span,
}

/// The record of an instrument as the UN keeps it: document symbol,
/// session, agenda item, how and where it was adopted, its subjects.
/// Read from Akoma Ntoso files; none of it is clause text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The document symbol as the UN writes it: "A/RES/78/228",
    /// "E/RES/2021/25", "A/HRC/RES/54/10".
    pub document_symbol: Option<String>,
    /// The adoption date, ISO 8601 ("2023-12-19").
    pub date: Option<String>,
    /// The session as the body numbers it: "78", "54", "2021".
    pub session: Option<String>,
    /// "107: Crime prevention and criminal justice".
    pub agenda_item: Option<String>,
    /// The draft adopted: "A/C.3/78/L.12/Rev.1".
    pub draft: Option<String>,
    /// The record of the meeting that adopted it: "A/78/PV.50".
    pub meeting: Option<String>,
    pub vote: Option<Vote>,
    /// Subject terms (UNBIS Thesaurus, Sustainable Development Goals), as
    /// a reader would write them: "Trafficking in persons", "SDG 16".
    pub subjects: Vec<String>,
    /// The language of this text, as an ISO 639-2 code ("eng", "fra"):
    /// the UN's English folders hold a few texts in other languages.
    pub language: Option<String>,
}

impl Record {
    /// The record as a reader reads it, one (label, value) a field that
    /// is set, in the order of an instrument's cover page.
    ///
    /// ```
    /// use clause_explorer::model::{Record, Vote};
    /// let r = Record {
    ///     date: Some("2023-12-19".into()),
    ///     vote: Some(Vote::Recorded { in_favour: 120, against: 3, abstaining: 40 }),
    ///     ..Default::default()
    /// };
    /// assert_eq!(r.facts(), vec![
    ///     ("Adopted", "19 December 2023".to_owned()),
    ///     ("Vote", "recorded vote: 120 in favour, 3 against, 40 abstentions".to_owned()),
    /// ]);
    /// ```
    pub fn facts(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let date = self.date.as_deref().map(readable_date);
        let fields = [
            ("Symbol", &self.document_symbol),
            ("Adopted", &date),
            ("Session", &self.session),
            ("Agenda item", &self.agenda_item),
            ("Draft", &self.draft),
            ("Meeting", &self.meeting),
        ];
        for (label, value) in fields {
            if let Some(v) = value {
                out.push((label, v.clone()));
            }
        }
        match &self.vote {
            Some(Vote::WithoutVote) => out.push(("Vote", "adopted without a vote".to_owned())),
            Some(Vote::Recorded {
                in_favour,
                against,
                abstaining,
            }) => out.push((
                "Vote",
                format!(
                    "recorded vote: {in_favour} in favour, {against} against, \
                     {abstaining} abstentions"
                ),
            )),
            None => {}
        }
        if !self.subjects.is_empty() {
            out.push(("Subjects", self.subjects.join("; ")));
        }
        if let Some(l) = self.language.as_ref().filter(|l| *l != "eng") {
            out.push(("Language", l.clone()));
        }
        out
    }
}

/// The months as the UN prints them in dates ("19 December 2023").
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2023-12-19" as the UN prints it: "19 December 2023"; anything else
/// as it is.
pub fn readable_date(iso: &str) -> String {
    let mut parts = iso.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_owned();
    };
    match (m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(m @ 1..=12), Ok(d @ 1..=31)) if y.len() == 4 => format!("{d} {} {y}", MONTHS[m - 1]),
        _ => iso.to_owned(),
    }
}

/// How an instrument was adopted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Vote {
    WithoutVote,
    Recorded {
        in_favour: u32,
        against: u32,
        abstaining: u32,
    },
}

impl Instrument {
    /// All paragraphs, preambular first, in reading order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.preambular.iter().chain(self.operative.iter())
    }

    pub fn footnote(&self, mark: &str) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.mark == mark)
    }
}

/// Preambular or operative: decided by the paragraph number, never by
/// italics. Ordered as they read: preambular first.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Part {
    #[default]
    Preambular,
    Operative,
}

impl Part {
    /// The abbreviation used in citations and ids: "pp" or "op".
    pub fn abbreviation(self) -> &'static str {
        match self {
            Part::Preambular => "pp",
            Part::Operative => "op",
        }
    }
}

/// A preambular or operative paragraph.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// `ccpcj-res-33-1-op-7`, `ccpcj-res-33-1-pp-3`.
    pub id: String,
    /// `CCPCJ res. 33/1, op. 7`.
    pub citation: String,
    pub part: Part,
    /// 1-based position within its part (preambular paragraphs carry no
    /// printed number; this is how they are cited).
    pub ordinal: u32,
    /// The printed number of an operative paragraph.
    pub number: Option<u32>,
    /// The lead phrase as it reads ("Recalling also", "Further encourages");
    /// `None` when the paragraph opens with none.
    pub lead: Option<String>,
    /// The heading printed above the paragraph, if any ("I. Prevention",
    /// "Follow-up"): the source's section and part headings, kept with the
    /// paragraph they introduce.
    pub heading: Option<String>,
    /// The paragraph's own words, lead included, sub-paragraphs excluded.
    pub text: Text,
    pub subparagraphs: Vec<Subparagraph>,
    pub span: Span,
}

/// A lettered or numbered sub-paragraph: (a), (i), a., i.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Subparagraph {
    /// `ccpcj-res-33-1-op-7-b`.
    pub id: String,
    /// `CCPCJ res. 33/1, op. 7 (b)`.
    pub citation: String,
    /// The label without its brackets or dot: "b", "ii".
    pub label: String,
    pub text: Text,
    /// Deeper levels: (a) → (i) → a. → i.
    pub subparagraphs: Vec<Subparagraph>,
    pub span: Span,
}

impl Subparagraph {
    /// The label as it is printed: "(b)", or a bullet ("•", "–") as it is.
    pub fn printed_label(&self) -> String {
        if self.label.chars().any(char::is_alphanumeric) {
            format!("({})", self.label)
        } else {
            self.label.clone()
        }
    }
}

/// A footnote: its mark and its text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    pub mark: String,
    pub text: Text,
    pub span: Span,
}

/// Running text with markup removed, keeping what a reader needs to see it
/// as printed: where footnotes are cited and which words are in italics.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// Words separated by single spaces: no markup, no footnote marks.
    pub plain: String,
    /// Footnote marks in citation order, each with the byte offset in
    /// `plain` right after which it is printed.
    pub marks: Vec<MarkRef>,
    /// Byte ranges of `plain` printed in italics.
    pub emphasis: Vec<Span>,
    /// Offsets in `plain` where the parser joined text that the source
    /// split across a page break (or other furniture): the start of the
    /// second half. Kept so that every join can be reviewed.
    pub joins: Vec<usize>,
    /// Links the source makes to other documents ("resolution 70/1" to
    /// undocs.org): kept as references for cross-referencing, shown as
    /// text, never fetched.
    pub links: Vec<Link>,
}

/// A stretch of running text that the source links to another document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// Byte range of `Text::plain`.
    pub span: Span,
    /// The target as the source gives it ("https://undocs.org/en/A/RES/70/1").
    pub href: String,
}

impl Text {
    /// Footnote marks in citation order, without repeats.
    pub fn footnote_refs(&self) -> Vec<&str> {
        let mut refs: Vec<&str> = Vec::new();
        for m in &self.marks {
            if !refs.contains(&m.mark.as_str()) {
                refs.push(&m.mark);
            }
        }
        refs
    }
}

/// A footnote mark cited in running text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkRef {
    pub mark: String,
    /// Byte offset into `Text::plain`.
    pub at: usize,
}
