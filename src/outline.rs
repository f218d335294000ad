//! A readable outline of a parsed document, for review by eye and for
//! golden tests: every instrument, every paragraph's id and lead, its first
//! and last words, sub-paragraph labels, footnotes, and the words on either
//! side of every page-break join.

use std::fmt::Write;

use crate::model::{Document, Instrument, Paragraph, Subparagraph, Text};

/// Words shown at each end of a paragraph.
const END_WORDS: usize = 6;
/// Words shown on each side of a join.
const JOIN_WORDS: usize = 4;

/// The outline of `doc`.
pub fn outline(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "source: {}", doc.source);
    for p in &doc.unassigned {
        match &p.footnote_mark {
            Some(mark) => {
                let _ = writeln!(out, "unassigned footnote {mark}: {}", ends(&p.text));
            }
            None => {
                let _ = writeln!(out, "unassigned: {}", ends(&p.text));
            }
        }
    }
    for inst in &doc.instruments {
        instrument(&mut out, inst);
    }
    for w in &doc.warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    out
}

/// The outline of one instrument.
pub fn instrument_outline(inst: &Instrument) -> String {
    let mut out = String::new();
    instrument(&mut out, inst);
    out
}

fn instrument(out: &mut String, inst: &Instrument) {
    let _ = writeln!(out, "\n{} [{}]", inst.id, inst.citation);
    let _ = writeln!(
        out,
        "  {} {}",
        inst.kind.as_str(),
        inst.symbol.as_deref().unwrap_or("(no symbol)")
    );
    if let Some(d) = &inst.designation {
        let _ = writeln!(out, "  designation: {d}");
    }
    let _ = writeln!(out, "  title: {}", inst.title);
    let _ = writeln!(out, "  body: {}", inst.body.as_deref().unwrap_or("(none)"));
    if let Some(a) = &inst.adopted {
        let _ = writeln!(out, "  adopted: {a}");
    }
    if let Some(y) = inst.year {
        let _ = writeln!(out, "  year: {y}");
    }
    record(out, &inst.record);
    for p in inst.paragraphs() {
        paragraph(out, p);
    }
    for f in &inst.footnotes {
        let _ = writeln!(out, "  footnote {}: {}", f.mark, f.text.plain);
    }
    for a in &inst.annex {
        let _ = writeln!(out, "  annex: {}", ends(&a.text));
    }
}

/// The record, one line a field that is set (none for text sources).
fn record(out: &mut String, r: &crate::model::Record) {
    let fields = [
        ("symbol", &r.document_symbol),
        ("date", &r.date),
        ("session", &r.session),
        ("agenda item", &r.agenda_item),
        ("draft", &r.draft),
        ("meeting", &r.meeting),
    ];
    for (name, value) in fields {
        if let Some(v) = value {
            let _ = writeln!(out, "  {name}: {v}");
        }
    }
    match &r.vote {
        Some(crate::model::Vote::WithoutVote) => {
            let _ = writeln!(out, "  vote: without a vote");
        }
        Some(crate::model::Vote::Recorded {
            in_favour,
            against,
            abstaining,
        }) => {
            let _ = writeln!(out, "  vote: {in_favour}-{against}-{abstaining}");
        }
        None => {}
    }
    if !r.subjects.is_empty() {
        let _ = writeln!(out, "  subjects: {}", r.subjects.join("; "));
    }
}

fn paragraph(out: &mut String, p: &Paragraph) {
    let short_id =
        p.id.rsplit_once(&format!("-{}-", p.part.abbreviation()))
            .map_or(p.id.as_str(), |(_, n)| n);
    if let Some(h) = &p.heading {
        let _ = writeln!(out, "  heading: {}", ends(h));
    }
    let _ = writeln!(
        out,
        "  {} {short_id} [{}] {}{}",
        p.part.abbreviation(),
        p.lead.as_deref().unwrap_or("-"),
        ends(&p.text.plain),
        marks(&p.text)
    );
    joins(out, &p.text, "      ");
    links(out, &p.text, "      ");
    for s in &p.subparagraphs {
        subparagraph(out, s, 1);
    }
}

fn subparagraph(out: &mut String, s: &Subparagraph, depth: usize) {
    let indent = "    ".repeat(depth + 1);
    let _ = writeln!(
        out,
        "{indent}{} {}{}",
        s.printed_label(),
        ends(&s.text.plain),
        marks(&s.text)
    );
    joins(out, &s.text, &format!("{indent}    "));
    for child in &s.subparagraphs {
        subparagraph(out, child, depth + 1);
    }
}

/// Each link: its words and where it points.
fn links(out: &mut String, text: &Text, indent: &str) {
    for l in &text.links {
        let words = text.plain.get(l.span.start..l.span.end).unwrap_or_default();
        let _ = writeln!(out, "{indent}link: {words} -> {}", l.href);
    }
}

fn marks(text: &Text) -> String {
    let refs = text.footnote_refs();
    if refs.is_empty() {
        String::new()
    } else {
        format!(" ^{}", refs.join(" ^"))
    }
}

fn joins(out: &mut String, text: &Text, indent: &str) {
    for &at in &text.joins {
        let (before, after) = text.plain.split_at(at.min(text.plain.len()));
        let before: Vec<&str> = before.split_whitespace().collect();
        let after: Vec<&str> = after.split_whitespace().collect();
        let left = before[before.len().saturating_sub(JOIN_WORDS)..].join(" ");
        let right = after[..after.len().min(JOIN_WORDS)].join(" ");
        let _ = writeln!(out, "{indent}page break: \u{2026}{left} | {right}\u{2026}");
    }
}

/// The first and last words of a text, or all of it when short.
fn ends(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= END_WORDS * 2 + 2 {
        return format!("\u{201c}{text}\u{201d}");
    }
    format!(
        "\u{201c}{} \u{2026} {}\u{201d}",
        words[..END_WORDS].join(" "),
        words[words.len() - END_WORDS..].join(" ")
    )
}
