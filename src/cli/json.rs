//! The JSON that `clause-explorer parse` prints: a documented contract,
//! separate from the in-memory model so that either can change alone.
//!
//! ```text
//! {"documents": [{"source": "<file name>", "unassigned": ["…"],
//!   "warnings": [{"line": 12, "message": "…", "kind": "FootnoteWithoutText"}],
//!   "instruments": [{"id", "kind": "resolution"|"decision", "symbol": "33/1"|null,
//!     "title", "body": "…"|null, "citation", "designation", "year", "adopted",
//!     "preambular": [P], "operative": [P], "footnotes": [{"mark": "24", "text": "…"}],
//!     "annex": ["…"], "record": R}]}]}
//! P = {"id", "citation", "number": 7|null, "ordinal", "lead", "lead_group", "heading": "…"|null,
//!      "text", "subparagraphs": [S], "footnote_refs": ["30"], "links": [L]}
//! L = {"text": "70/1", "href": "https://undocs.org/en/A/RES/70/1"}
//! R = {"document_symbol", "date": "2023-12-19", "session", "agenda_item", "draft", "meeting",
//!      "vote": "without a vote" | {"in_favour", "against", "abstaining"} | null,
//!      "subjects": ["…"], "language": "eng"}   (null fields for text sources)
//! S = {"id", "citation", "label": "a", "text", "footnote_refs": [], "subparagraphs": [S]}
//! ```

use std::io::{self, Write};

use serde::Serialize;

use crate::leads;
use crate::model::{
    Corpus, Document, Footnote, Instrument, Paragraph, Record, Subparagraph, Text, Vote,
};

#[derive(Serialize)]
struct Output<'a> {
    documents: Vec<DocumentOut<'a>>,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    source: &'a str,
    unassigned: Vec<&'a str>,
    warnings: Vec<WarningOut>,
    instruments: Vec<InstrumentOut<'a>>,
}

#[derive(Serialize)]
struct WarningOut {
    line: usize,
    message: String,
    kind: String,
}

#[derive(Serialize)]
struct InstrumentOut<'a> {
    id: &'a str,
    kind: &'a str,
    symbol: Option<&'a str>,
    title: &'a str,
    body: Option<&'a str>,
    citation: &'a str,
    designation: Option<&'a str>,
    year: Option<u16>,
    adopted: Option<&'a str>,
    preambular: Vec<ParagraphOut<'a>>,
    operative: Vec<ParagraphOut<'a>>,
    footnotes: Vec<FootnoteOut<'a>>,
    annex: Vec<&'a str>,
    record: RecordOut<'a>,
}

#[derive(Serialize)]
struct RecordOut<'a> {
    document_symbol: Option<&'a str>,
    date: Option<&'a str>,
    session: Option<&'a str>,
    agenda_item: Option<&'a str>,
    draft: Option<&'a str>,
    meeting: Option<&'a str>,
    vote: Option<VoteOut>,
    subjects: &'a [String],
    language: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum VoteOut {
    Without(&'static str),
    Recorded {
        in_favour: u32,
        against: u32,
        abstaining: u32,
    },
}

#[derive(Serialize)]
struct ParagraphOut<'a> {
    id: &'a str,
    citation: &'a str,
    number: Option<u32>,
    ordinal: u32,
    lead: Option<&'a str>,
    lead_group: Option<&'static str>,
    heading: Option<&'a str>,
    text: &'a str,
    subparagraphs: Vec<SubparagraphOut<'a>>,
    footnote_refs: Vec<&'a str>,
    links: Vec<LinkOut<'a>>,
}

#[derive(Serialize)]
struct LinkOut<'a> {
    text: &'a str,
    href: &'a str,
}

#[derive(Serialize)]
struct SubparagraphOut<'a> {
    id: &'a str,
    citation: &'a str,
    label: &'a str,
    text: &'a str,
    footnote_refs: Vec<&'a str>,
    subparagraphs: Vec<SubparagraphOut<'a>>,
}

#[derive(Serialize)]
struct FootnoteOut<'a> {
    mark: &'a str,
    text: &'a str,
}

/// Writes the corpus as pretty-printed JSON.
pub fn write(out: &mut impl Write, corpus: &Corpus) -> io::Result<()> {
    let output = Output {
        documents: corpus.documents.iter().map(document).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}

fn document(d: &Document) -> DocumentOut<'_> {
    DocumentOut {
        source: &d.source,
        unassigned: d.unassigned.iter().map(|p| p.text.as_str()).collect(),
        warnings: d
            .warnings
            .iter()
            .map(|w| WarningOut {
                line: w.line,
                message: w.kind.to_string(),
                kind: kind_name(&w.kind),
            })
            .collect(),
        instruments: d.instruments.iter().map(instrument).collect(),
    }
}

fn kind_name(kind: &crate::warning::WarningKind) -> String {
    let debug = format!("{kind:?}");
    debug
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn instrument(i: &Instrument) -> InstrumentOut<'_> {
    InstrumentOut {
        id: &i.id,
        kind: i.kind.as_str(),
        symbol: i.symbol.as_deref(),
        title: &i.title,
        body: i.body.as_deref(),
        citation: &i.citation,
        designation: i.designation.as_deref(),
        year: i.year,
        adopted: i.adopted.as_deref(),
        preambular: i.preambular.iter().map(paragraph).collect(),
        operative: i.operative.iter().map(paragraph).collect(),
        footnotes: i.footnotes.iter().map(footnote).collect(),
        annex: i.annex.iter().map(|p| p.text.as_str()).collect(),
        record: record(&i.record),
    }
}

fn record(r: &Record) -> RecordOut<'_> {
    RecordOut {
        document_symbol: r.document_symbol.as_deref(),
        date: r.date.as_deref(),
        session: r.session.as_deref(),
        agenda_item: r.agenda_item.as_deref(),
        draft: r.draft.as_deref(),
        meeting: r.meeting.as_deref(),
        vote: r.vote.as_ref().map(|v| match *v {
            Vote::WithoutVote => VoteOut::Without("without a vote"),
            Vote::Recorded {
                in_favour,
                against,
                abstaining,
            } => VoteOut::Recorded {
                in_favour,
                against,
                abstaining,
            },
        }),
        subjects: &r.subjects,
        language: r.language.as_deref(),
    }
}

fn links(t: &Text) -> Vec<LinkOut<'_>> {
    t.links
        .iter()
        .map(|l| LinkOut {
            text: t.plain.get(l.span.start..l.span.end).unwrap_or_default(),
            href: &l.href,
        })
        .collect()
}

fn paragraph(p: &Paragraph) -> ParagraphOut<'_> {
    ParagraphOut {
        id: &p.id,
        citation: &p.citation,
        number: p.number,
        ordinal: p.ordinal,
        lead: p.lead.as_deref(),
        lead_group: p.lead.as_deref().and_then(|l| leads::group_of(l, p.part)),
        heading: p.heading.as_deref(),
        text: &p.text.plain,
        subparagraphs: p.subparagraphs.iter().map(subparagraph).collect(),
        footnote_refs: p.text.footnote_refs(),
        links: links(&p.text),
    }
}

fn subparagraph(s: &Subparagraph) -> SubparagraphOut<'_> {
    SubparagraphOut {
        id: &s.id,
        citation: &s.citation,
        label: &s.label,
        text: &s.text.plain,
        footnote_refs: s.text.footnote_refs(),
        subparagraphs: s.subparagraphs.iter().map(subparagraph).collect(),
    }
}

fn footnote(f: &Footnote) -> FootnoteOut<'_> {
    FootnoteOut {
        mark: &f.mark,
        text: &f.text.plain,
    }
}
