//! The JSON that `clause-explorer parse` prints: a documented contract,
//! separate from the in-memory model so that either can change alone.
//!
//! ```text
//! {"documents": [{"source": "<file name>", "unassigned": ["…"],
//!   "warnings": [{"line": 12, "message": "…", "kind": "FootnoteWithoutText"}],
//!   "instruments": [{"id", "kind": "resolution"|"decision", "symbol": "33/1"|null,
//!     "title", "body": "…"|null, "citation", "designation", "year", "adopted",
//!     "preambular": [P], "operative": [P], "footnotes": [{"mark": "24", "text": "…"}]}]}]}
//! P = {"id", "citation", "number": 7|null, "ordinal", "lead", "lead_group", "text",
//!      "subparagraphs": [S], "footnote_refs": ["30"]}
//! S = {"id", "citation", "label": "a", "text", "footnote_refs": [], "subparagraphs": [S]}
//! ```

use std::io::{self, Write};

use serde::Serialize;

use crate::leads;
use crate::model::{Corpus, Document, Footnote, Instrument, Paragraph, Subparagraph};

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
}

#[derive(Serialize)]
struct ParagraphOut<'a> {
    id: &'a str,
    citation: &'a str,
    number: Option<u32>,
    ordinal: u32,
    lead: Option<&'a str>,
    lead_group: Option<&'static str>,
    text: &'a str,
    subparagraphs: Vec<SubparagraphOut<'a>>,
    footnote_refs: Vec<&'a str>,
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
    }
}

fn paragraph(p: &Paragraph) -> ParagraphOut<'_> {
    ParagraphOut {
        id: &p.id,
        citation: &p.citation,
        number: p.number,
        ordinal: p.ordinal,
        lead: p.lead.as_deref(),
        lead_group: p.lead.as_deref().and_then(|l| leads::group_of(l, p.part)),
        text: &p.text.plain,
        subparagraphs: p.subparagraphs.iter().map(subparagraph).collect(),
        footnote_refs: p.text.footnote_refs(),
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
