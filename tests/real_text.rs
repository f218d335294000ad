//! The text parser on real resolutions of every body: each instrument of
//! the UN's Akoma Ntoso files (`../shared/un-akn`) is written as text the
//! way PDF conversions write it ([`render::Style::varied`]: italic or
//! plain leads, `<sup>` or superscript marks, footnote blocks inside a
//! paragraph, CRLF, hard wrap), parsed, and compared paragraph by
//! paragraph with the XML's own structure: part, number, lead, words,
//! sub-paragraph labels and words, footnotes cited.
//!
//! The agreement (paragraphs read exactly as the XML has them, of all
//! paragraphs) is printed per body. The suite reads every tenth file;
//! `CLAUSE_EXPLORER_AKN_ALL=1 cargo test --test real_text -- --nocapture`
//! reads all and prints the figures and the first disagreements;
//! `CLAUSE_EXPLORER_SHOW="paragraph missing"` (a kind) shows only those.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use clause_explorer::model::{Instrument, Paragraph, Subparagraph};
use clause_explorer::render::{to_text, Style};
use clause_explorer::{akn, bodies, parse};

fn files() -> Vec<PathBuf> {
    common::un_akn_files(10)
}

/// A paragraph as both readers must agree on it.
#[derive(Debug, PartialEq)]
struct Shape {
    part: &'static str,
    number: Option<u32>,
    lead: Option<String>,
    words: String,
    subs: Vec<(String, String)>,
    notes: Vec<String>,
}

fn shape(p: &Paragraph) -> Shape {
    fn subs(list: &[Subparagraph], out: &mut Vec<(String, String)>) {
        for s in list {
            out.push((s.label.clone(), words(&s.text.plain)));
            subs(&s.subparagraphs, out);
        }
    }
    let mut list = Vec::new();
    subs(&p.subparagraphs, &mut list);
    Shape {
        part: p.part.abbreviation(),
        number: p.number,
        lead: p.lead.clone(),
        words: words(&p.text.plain),
        subs: list,
        notes: p
            .text
            .footnote_refs()
            .into_iter()
            .map(str::to_owned)
            .collect(),
    }
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The same paragraph: its first eight words agree.
fn same_start(a: &Shape, b: &Shape) -> bool {
    let first = |s: &Shape| s.words.split(' ').take(8).collect::<Vec<_>>().join(" ");
    first(a) == first(b)
}

/// Two leads name the same lead phrase when one is the other or a word
/// prefix of it: DGACM italicises "Taking note" where the lead table reads
/// "Taking note of", and "Reaffirming its deep concern" where a text
/// without italics shows only "Reaffirming".
fn same_lead(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
            long == short
                || long
                    .strip_prefix(short.as_str())
                    .is_some_and(|r| r.starts_with(' '))
        }
        (None, None) => true,
        _ => false,
    }
}

fn agree(x: &Shape, t: &Shape) -> bool {
    x.part == t.part
        && x.number == t.number
        && same_lead(&x.lead, &t.lead)
        && x.words == t.words
        && x.subs == t.subs
        && x.notes == t.notes
}

/// What went wrong with one paragraph, for the tally.
fn kind_of(x: &Shape, t: Option<&Shape>) -> &'static str {
    let Some(t) = t else {
        return "paragraph missing";
    };
    if x.part != t.part {
        "part"
    } else if x.number != t.number {
        "number"
    } else if !same_lead(&x.lead, &t.lead) {
        "lead"
    } else if x.words != t.words {
        "words"
    } else if x.subs.len() != t.subs.len() {
        "sub-paragraph count"
    } else if x.subs != t.subs {
        "sub-paragraph words or labels"
    } else {
        "footnotes"
    }
}

#[derive(Default)]
struct Tally {
    paragraphs: usize,
    agreeing: usize,
    instruments: usize,
    instruments_exact: usize,
    kinds: BTreeMap<&'static str, usize>,
    examples: Vec<String>,
}

fn compare(inst: &Instrument, seed: u64, tally: &mut Tally, name: &str) {
    let style = Style::varied(seed);
    let text = to_text(inst, &style);
    let doc = parse::parse_document("real.txt", &text);
    tally.instruments += 1;
    let xml: Vec<Shape> = inst.paragraphs().map(shape).collect();
    // An instrument the parser ends too early (and goes on as another) is
    // an instrument not read exactly, but its paragraphs are still read:
    // they are compared in order across the instruments found.
    let parsed: Vec<Shape> = doc
        .instruments
        .iter()
        .flat_map(|i| i.paragraphs())
        .map(shape)
        .collect();
    let mut exact = doc.instruments.len() == 1 && xml.len() == parsed.len();
    // Paragraphs are paired by their words, eight places ahead at most, so
    // that one paragraph too many or too few is one disagreement, not a
    // shift of every paragraph after it.
    let mut cursor = 0;
    for (k, x) in xml.iter().enumerate() {
        tally.paragraphs += 1;
        let found = (cursor..parsed.len().min(cursor + 8)).find(|&j| same_start(&parsed[j], x));
        let t = match found {
            Some(j) => {
                cursor = j + 1;
                Some(&parsed[j])
            }
            None => None,
        };
        if t.is_some_and(|t| agree(x, t)) {
            tally.agreeing += 1;
            continue;
        }
        if t.is_none() {
            // Read as part of another paragraph, or not at all: look on.
            cursor = cursor.min(parsed.len());
        }
        exact = false;
        let kind = kind_of(x, t);
        *tally.kinds.entry(kind).or_default() += 1;
        let wanted = std::env::var("CLAUSE_EXPLORER_SHOW").ok();
        let shown = wanted.as_deref().is_none_or(|w| w == kind);
        let limit = if wanted.is_some() { 3000 } else { 60 };
        if shown && tally.examples.len() < limit {
            tally.examples.push(format!(
                "{name} {} {}{} ({kind}, style {seed})\n    xml:  {x:?}\n    text: {t:?}",
                inst.citation,
                x.part,
                x.number
                    .map_or_else(|| format!(" #{}", k + 1), |n| format!(" {n}")),
            ));
        }
    }
    if exact {
        tally.instruments_exact += 1;
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

#[test]
fn real_texts_of_every_body_parse_as_the_un_marks_them_up() {
    let mut by_body: BTreeMap<String, Tally> = BTreeMap::new();
    for (k, path) in files().iter().enumerate() {
        let src = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut docs = vec![akn::import(&name, &src).expect("imports (tests/akn.rs)")];
        clause_explorer::cite::assign(&mut docs);
        // The English folders hold four texts in French, Spanish and
        // Russian (75/274 F, HRC 57/18 F, S, R): the parser reads English.
        // An annex the importer reads as an instrument of its own is, in a
        // text, text after its resolution: not measured here.
        let english = |i: &&Instrument| {
            i.record.language.as_deref().is_none_or(|l| l == "eng")
                && !i.symbol.as_deref().is_some_and(|s| s.contains(", annex"))
        };
        for (j, inst) in docs[0].instruments.iter().filter(english).enumerate() {
            let body = inst
                .body
                .as_deref()
                .map_or("?".to_owned(), bodies::abbreviation);
            let tally = by_body.entry(body).or_default();
            compare(inst, (k + j) as u64, tally, &name);
        }
    }
    let mut report = String::new();
    for (body, t) in &by_body {
        report.push_str(&format!(
            "{body}: {} of {} paragraphs agree ({:.2} %); {} of {} instruments exactly ({:.1} %); \
             disagreements by kind: {:?}\n",
            t.agreeing,
            t.paragraphs,
            percent(t.agreeing, t.paragraphs),
            t.instruments_exact,
            t.instruments,
            percent(t.instruments_exact, t.instruments),
            t.kinds
        ));
    }
    println!("{report}");
    for t in by_body.values() {
        let show = if std::env::var_os("CLAUSE_EXPLORER_SHOW").is_some() {
            60
        } else {
            8
        };
        for e in t.examples.iter().take(show) {
            println!("{e}");
        }
    }
    // The floor: today's agreement, so that the parser can only get
    // better (the goal is 99.5 % per body, see the parser issue).
    for (body, t) in &by_body {
        let floor = match body.as_str() {
            "GA" => FLOOR_GA,
            "HRC" => FLOOR_HRC,
            "ECOSOC" => FLOOR_ECOSOC,
            _ => 0.0,
        };
        assert!(
            percent(t.agreeing, t.paragraphs) >= floor,
            "{body} fell below {floor} %:\n{report}"
        );
    }
}

const FLOOR_GA: f64 = 98.2;
const FLOOR_HRC: f64 = 99.2;
const FLOOR_ECOSOC: f64 = 98.9;
