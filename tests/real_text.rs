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
//! `CLAUSE_EXPLORER_SHOW="paragraph missing"` (a kind) shows only those;
//! `CLAUSE_EXPLORER_DUMP=FILE` writes every disagreement to `FILE` (both
//! readings; `cargo run --example render` shows the text), to group them.

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
    /// Every disagreement, with its text, when `CLAUSE_EXPLORER_DUMP` is set.
    dump: Vec<String>,
    agreeing: usize,
    instruments: usize,
    instruments_exact: usize,
    /// Headings the markup gives as paragraphs, not compared.
    headings_excused: usize,
    kinds: BTreeMap<&'static str, usize>,
    examples: Vec<String>,
}

/// Files whose markup gives headings as paragraphs: a `paragraph` with no
/// number whose text is a section number or title ("II", "Part I",
/// "Section 29A", "B. Office of Investment Management", "Capacity-building",
/// often in bold), between numbered operative paragraphs or lead-phrase
/// preambular ones. The text shows a heading, and the parser reads one:
/// in these files such a paragraph (see [`is_heading_marked_up_as_paragraph`])
/// is not compared, and is counted apart. Found among the disagreements
/// of the whole set; the words of every paragraph so excused were read
/// by eye (section numbers and titles, all of them).
const HEADINGS_MARKED_UP_AS_PARAGRAPHS: &[&str] = &[
    "A_HRC_RES_55_29E.xml",
    "A_HRC_RES_55_8E.xml",
    "A_RES_76_147-2119187E_reissue.xml",
    "A_RES_76_246-2119713E.xml",
    "A_RES_76_3_E.xml",
    "A_RES_77_118-2228394E.xml",
    "A_RES_77_128-2228507E.xml",
    "A_RES_77_256_A-B-2300172E.xml",
    "A_RES_77_258-2300161E.xml",
    "A_RES_78_148-2325914E.xml",
    "A_RES_78_149-2325913E.xml",
    "A_RES_78_245-2326259E.xml",
    "A_RES_78_253-2326236E.xml",
    "A_RES_78_298-2412117E.xml",
    "A_RES_78_318-2413498E.xml",
    "A_RES_78_69-2324917E.xml",
    "A_RES_79_1-2416433E.xml",
    "A_RES_79_144-2423832E.xml",
    "A_RES_79_145-2423839E.xml",
    "A_RES_79_161-2424154E.xml",
    "A_RES_79_232-2424238E.xml",
    "A_RES_79_253-2424694E.xml",
    "A_RES_79_254-2424695E.xml",
    "A_RES_79_317-2511209E.xml",
    "A_RES_79_329-2514299E.xml",
    "A_RES_79_333-2514352E.xml",
    "A_RES_80_109-2520235E.xml",
    "A_RES_80_11-2519633E.xml",
    "A_RES_80_110-2520236E.xml",
    "A_RES_80_131-2520746E.xml",
    "A_RES_80_132-2520747E.xml",
    "A_RES_80_161-2520854E.xml",
    "A_RES_80_173-2520874E.xml",
    "A_RES_80_193-2520895E.xml",
    "A_RES_80_234-2521254E.xml",
    "A_RES_80_236AB-2521243E.xml",
    "A_RES_80_237-2521249E.xml",
    "A_RES_80_238-2521252E.xml",
    "A_RES_80_241-2521245E.xml",
    "A_RES_80_242-2521246E.xml",
    "A_RES_80_243-2521248E.xml",
    "A_RES_80_84AB-2520072E.xml",
    "E_RES_2022_5-2209365E.xml",
    "E_RES_2024_15-2414125E.xml",
    "E_RES_2025_3-2512991E.xml",
];

/// An XML paragraph that is a heading: no number, no lead phrase, no
/// sub-paragraphs, and no closing punctuation (`.`, `;`, `:`, `,`).
fn is_heading_marked_up_as_paragraph(x: &Shape) -> bool {
    let last = x
        .words
        .trim_end_matches(['\u{201d}', '\u{2019}', '"', ')', ']'])
        .chars()
        .next_back();
    x.number.is_none()
        && x.lead.is_none()
        && x.subs.is_empty()
        && !matches!(last, Some('.' | ';' | ':' | ',') | None)
}

fn compare(inst: &Instrument, seed: u64, tally: &mut Tally, name: &str) {
    let style = Style::varied(seed);
    let text = to_text(inst, &style);
    let doc = parse::parse_document("real.txt", &text);
    tally.instruments += 1;
    let mut xml: Vec<Shape> = inst.paragraphs().map(shape).collect();
    if HEADINGS_MARKED_UP_AS_PARAGRAPHS.contains(&name) {
        let before = xml.len();
        xml.retain(|x| !is_heading_marked_up_as_paragraph(x));
        tally.headings_excused += before - xml.len();
    }
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
        if std::env::var_os("CLAUSE_EXPLORER_DUMP").is_some() {
            tally.dump.push(format!(
                "=== {name} {} {}{} ({kind}, style {seed})\n    xml:  {x:?}\n    text: {t:?}\n",
                inst.citation,
                x.part,
                x.number
                    .map_or_else(|| format!(" #{}", k + 1), |n| format!(" {n}")),
            ));
        }
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
             disagreements by kind: {:?}; not compared: {} headings marked up as paragraphs\n",
            t.agreeing,
            t.paragraphs,
            percent(t.agreeing, t.paragraphs),
            t.instruments_exact,
            t.instruments,
            percent(t.instruments_exact, t.instruments),
            t.kinds,
            t.headings_excused
        ));
    }
    println!("{report}");
    if let Some(path) = std::env::var_os("CLAUSE_EXPLORER_DUMP") {
        let all: Vec<&str> = by_body
            .values()
            .flat_map(|t| t.dump.iter().map(String::as_str))
            .collect();
        std::fs::write(&path, all.concat()).expect("the dump file is writable");
    }
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
    // The floor: the goal of the parser issue, 99.5 % per body, reached
    // on every file and on the suite's tenth; the parser can only get
    // better.
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

const FLOOR_GA: f64 = 99.5;
const FLOOR_HRC: f64 = 99.5;
const FLOOR_ECOSOC: f64 = 99.5;

/// Golden outlines of real texts of the structures the parser learned
/// from this test, each written as text in one fixed style, parsed, and
/// checked by eye against its XML: sections numbered again from 1 under
/// headings ("I", a title of 31 words) after the preamble (A/RES/80/243);
/// headings "I. Introduction" and "Overarching objective 1: …" over items
/// numbered "1.1 .", "1.2 ." between numbered paragraphs (A/RES/76/3);
/// a single unnumbered "Recommends … the following draft resolution:"
/// cut by a page break and its footnotes (ECOSOC 2023/24).
#[test]
fn real_texts_of_new_shapes_parse_to_their_reviewed_outlines() {
    let files = [
        (
            "text-ga-80-243",
            "ga/80session/A_RES_80_243-2521248E.xml",
            0,
        ),
        ("text-ga-76-3", "ga/76session/A_RES_76_3_E.xml", 0),
        (
            "text-ecosoc-2023-24",
            "ecosoc/2023/E_RES_2023_24-2314955E.xml",
            8,
        ),
    ];
    for (name, path, seed) in files {
        let path = common::un_akn_dir().join(path);
        let src = std::fs::read_to_string(&path).unwrap();
        let xml = akn::import("real.xml", &src).expect("imports");
        let inst = xml
            .instruments
            .iter()
            .find(|i| !i.symbol.as_deref().is_some_and(|s| s.contains(", annex")))
            .expect("an instrument");
        let text = to_text(inst, &Style::varied(seed));
        let doc = parse::parse_document(&format!("{name}.txt"), &text);
        insta::assert_snapshot!(name, clause_explorer::outline::outline(&doc));
    }
}
