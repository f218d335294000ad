//! What a corpus maintainer reads to see at a glance whether a file parsed
//! well: instruments found, paragraph counts, what is missing and where it
//! came from, each warning with its line. `clause-explorer check` prints
//! it; the page shows it for each document a reader adds.

use std::io::{self, Write};

use crate::model::{readable_date, Corpus, Document, Instrument, Provenance, Subparagraph};
use crate::refs::Recovered;

/// Writes one summary per document, with what was recovered from
/// citations between them.
pub fn write(out: &mut impl Write, corpus: &Corpus, recovered: &[Recovered]) -> io::Result<()> {
    for doc in &corpus.documents {
        document(out, doc, recovered)?;
    }
    Ok(())
}

/// One document's summary, ending with a blank line.
pub fn document(out: &mut impl Write, doc: &Document, recovered: &[Recovered]) -> io::Result<()> {
    writeln!(out, "{}", doc.source)?;
    for inst in &doc.instruments {
        instrument(out, inst)?;
        for r in recovered.iter().filter(|r| r.instrument == inst.id) {
            recovery(out, r)?;
        }
    }
    if !doc.unassigned.is_empty() {
        let words: usize = doc
            .unassigned
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum();
        writeln!(
            out,
            "  unassigned: {} passage{} ({words} words) outside any instrument",
            doc.unassigned.len(),
            plural(doc.unassigned.len())
        )?;
    }
    if doc.warnings.is_empty() {
        writeln!(out, "  no warnings")?;
    }
    for w in &doc.warnings {
        writeln!(out, "  warning: {w}")?;
    }
    writeln!(out)
}

fn instrument(out: &mut impl Write, inst: &Instrument) -> io::Result<()> {
    writeln!(out, "  {} ({})", inst.citation, inst.id)?;
    if !inst.title.is_empty() {
        writeln!(out, "    title: {}", inst.title)?;
    }
    if let Some(body) = &inst.body {
        writeln!(out, "    body: {body}")?;
    }
    let subs: usize = inst
        .paragraphs()
        .map(|p| count_subs(&p.subparagraphs))
        .sum();
    writeln!(
        out,
        "    {} preambular, {} operative, {} sub-paragraph{}, {} footnote{}",
        inst.preambular.len(),
        inst.operative.len(),
        subs,
        plural(subs),
        inst.footnotes.len(),
        plural(inst.footnotes.len())
    )?;
    let mut missing = Vec::new();
    if inst.symbol.is_none() {
        missing.push("symbol");
    }
    if inst.year.is_none() {
        missing.push("year");
    }
    if inst.body.is_none() {
        missing.push("adopting body");
    }
    if !missing.is_empty() {
        writeln!(
            out,
            "    missing: {} (neither the text, the manifest nor a citation gives it)",
            missing.join(", ")
        )?;
    }
    let from_manifest: Vec<&str> = [
        (inst.symbol_from, "symbol"),
        (inst.year_from, "year"),
        (inst.body_from, "adopting body"),
    ]
    .iter()
    .filter(|(from, _)| *from == Some(Provenance::Manifest))
    .map(|(_, name)| *name)
    .collect();
    if !from_manifest.is_empty() {
        writeln!(out, "    from the manifest: {}", from_manifest.join(", "))?;
    }
    Ok(())
}

/// What citations told of an instrument, and where.
fn recovery(out: &mut impl Write, r: &Recovered) -> io::Result<()> {
    match &r.outcome {
        Ok(from) => {
            let mut filled = Vec::new();
            if let Some(s) = &r.symbol {
                filled.push(format!("symbol {s}"));
            }
            if let Some(y) = r.year {
                filled.push(format!("year {y}"));
            }
            writeln!(
                out,
                "    recovered from a citation: {} (adopted {}), from {} ({})",
                filled.join(", "),
                readable_date(&from.date),
                from.citation,
                from.clause
            )?;
            if !from.also.is_empty() {
                writeln!(out, "      also cited so by {}", from.also.join("; "))?;
            }
        }
        Err(readings) => writeln!(
            out,
            "    not recovered: the citations disagree: {}",
            readings.join("; ")
        )?,
    }
    Ok(())
}

fn count_subs(subs: &[Subparagraph]) -> usize {
    subs.iter().map(|s| 1 + count_subs(&s.subparagraphs)).sum()
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
