//! Synthetic corpora for measuring at scale: resolution texts in the same
//! format as the shipped corpus, recombined and varied from it,
//! deterministically from a seed.
//!
//! Paragraphs are drawn from the source corpus and varied: lead phrases
//! modified ("Also …"), common phrases swapped, and invented programme names
//! added so that the vocabulary grows with the corpus as a real record's
//! does (about one new word per 20 paragraphs). Texts use both footnote
//! styles, italic and plain leads, page breaks with footnote blocks inside
//! paragraphs, and several instruments per file, so a synthetic corpus also
//! exercises the parser: it parses back into exactly the paragraphs written.
//!
//! ```
//! use clause_explorer::{parse::parse_document, synth};
//! let seed_corpus = clause_explorer::model::Corpus {
//!     documents: vec![parse_document("s.txt",
//!         "T\n\nThe General Assembly,\n\n*Recalling* its resolutions,\n\n1. *Urges* States to act;\n\n2. *Invites* States.\n")],
//! };
//! let files = synth::synthesize(&seed_corpus, &synth::Options { paragraphs: 40, seed: 1 });
//! let parsed: usize = files.iter()
//!     .map(|f| parse_document(&f.name, &f.text))
//!     .flat_map(|d| d.instruments)
//!     .map(|i| i.preambular.len() + i.operative.len())
//!     .sum();
//! assert_eq!(parsed, 40);
//! ```

use crate::cite;
use crate::model::{Corpus, Paragraph, Part, Subparagraph};
use crate::parse::parse_document;

/// What to synthesise.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Paragraphs (preambular and operative) in all.
    pub paragraphs: usize,
    pub seed: u64,
}

/// One synthetic source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub text: String,
}

/// Adopting bodies the synthetic instruments are attributed to.
const BODIES: &[&str] = &[
    "General Assembly",
    "Commission on Crime Prevention and Criminal Justice",
    "Human Rights Council",
    "Economic and Social Council",
    "Commission on the Status of Women",
    "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
];

/// Phrase swaps that vary wording the way successive texts do.
const SWAPS: &[(&str, &str)] = &[
    ("Member States", "States"),
    ("trafficking in persons", "human trafficking"),
    ("technical assistance", "capacity-building assistance"),
    ("in particular", "especially"),
    ("to prevent and combat", "to prevent, combat and eradicate"),
    ("children", "children and adolescents"),
    ("women and girls", "women and children"),
    ("Internet", "online platforms"),
    ("within its existing mandate", "within existing resources"),
    (
        "civil society organizations",
        "non-governmental organizations",
    ),
];

const NAME_KINDS: &[&str] = &[
    "Initiative",
    "Programme",
    "Partnership",
    "Network",
    "Framework",
    "Platform",
];
const SYLLABLES: &[&str] = &[
    "ka", "ro", "lan", "te", "su", "mi", "dor", "va", "lei", "tan", "bri", "os", "ne", "ku", "zal",
    "pe", "ri", "mon", "sa", "vel",
];
use crate::model::MONTHS;

/// Paragraphs per output file, roughly.
const PARAGRAPHS_PER_FILE: usize = 2000;
/// Chance that a paragraph is split by a page break with a footnote.
const PAGE_BREAK_CHANCE: f64 = 0.05;
/// Chance that a paragraph mentions an invented programme name.
const NAME_CHANCE: f64 = 0.3;
/// Paragraphs per distinct invented name.
const PARAGRAPHS_PER_NAME: usize = 20;

/// A paragraph taken from the source corpus.
struct Material {
    lead: String,
    rest: String,
    subs: Vec<String>,
}

/// Writes synthetic resolution texts holding `options.paragraphs`
/// paragraphs. The same source and options give the same files.
pub fn synthesize(source: &Corpus, options: &Options) -> Vec<File> {
    let mut rng = fastrand::Rng::with_seed(options.seed);
    let (preambular, operative, titles, notes) = materials(source);
    if preambular.is_empty() || operative.is_empty() {
        return Vec::new();
    }
    let names = (options.paragraphs / PARAGRAPHS_PER_NAME).max(1);
    let mut files = Vec::new();
    let mut text = String::new();
    let mut in_file = 0;
    let mut written = 0;
    let mut number = 0;
    while written < options.paragraphs {
        let left = options.paragraphs - written;
        let mut pp = rng.usize(3..=15).min(left.saturating_sub(1));
        let op = rng.usize(3..=15).min(left - pp).max(1);
        if pp + op > left {
            pp = left - op;
        }
        number += 1;
        let year = rng.u16(1995..=2025);
        let body = BODIES[rng.usize(..BODIES.len())];
        let style = Style {
            italic_leads: rng.bool(),
            unicode_marks: rng.bool(),
        };
        let mut w = Writer {
            out: &mut text,
            rng: &mut rng,
            style,
            footnote: 0,
            notes: &notes,
            names,
        };
        let title = titles[w.rng.usize(..titles.len())].clone();
        w.instrument_header(year, number, &title, body);
        for k in 0..pp {
            let m = &preambular[w.rng.usize(..preambular.len())];
            w.paragraph(m, None, Ending::for_preambular(k + 1 == pp && op == 0));
        }
        for k in 0..op {
            let m = &operative[w.rng.usize(..operative.len())];
            let last = k + 1 == op;
            w.paragraph(m, Some(k + 1), Ending::for_operative(last));
        }
        let meeting = w.rng.u32(1..=90);
        let day = w.rng.u32(1..=28);
        let month = MONTHS[w.rng.usize(..MONTHS.len())];
        w.out.push_str(&format!(
            "{}{} meeting\n{day} {month} {year}\n\n",
            meeting,
            ordinal_suffix(meeting)
        ));
        written += pp + op;
        in_file += pp + op;
        if in_file >= PARAGRAPHS_PER_FILE || written >= options.paragraphs {
            files.push(File {
                name: format!("synth-{:05}.txt", files.len() + 1),
                text: std::mem::take(&mut text),
            });
            in_file = 0;
        }
    }
    files
}

/// A synthetic corpus, parsed as the explorer parses files: for measuring
/// search, comparison and start-up at scale without writing files.
pub fn corpus(source: &Corpus, options: &Options) -> Corpus {
    let files = synthesize(source, options);
    let mut documents: Vec<_> = files
        .iter()
        .map(|f| parse_document(&f.name, &f.text))
        .collect();
    drop(files);
    cite::assign(&mut documents);
    Corpus { documents }
}

type Materials = (Vec<Material>, Vec<Material>, Vec<String>, Vec<String>);

fn materials(source: &Corpus) -> Materials {
    let mut preambular = Vec::new();
    let mut operative = Vec::new();
    let mut titles = Vec::new();
    let mut notes = Vec::new();
    for inst in source.instruments() {
        if !inst.title.is_empty() {
            titles.push(inst.title.clone());
        }
        notes.extend(inst.footnotes.iter().map(|f| f.text.plain.clone()));
        for p in inst.paragraphs() {
            if let Some(m) = material(p) {
                match p.part {
                    Part::Preambular => preambular.push(m),
                    Part::Operative => operative.push(m),
                }
            }
        }
    }
    if titles.is_empty() {
        titles.push("Untitled".to_owned());
    }
    if notes.is_empty() {
        notes.push("General Assembly resolution 70/1.".to_owned());
    }
    (preambular, operative, titles, notes)
}

fn material(p: &Paragraph) -> Option<Material> {
    let lead = p.lead.clone()?;
    let rest = p.text.plain.get(lead.len()..)?.trim().to_owned();
    if rest.is_empty() || !rest.starts_with(|c: char| c.is_lowercase() || c.is_uppercase()) {
        return None;
    }
    let subs = flatten(&p.subparagraphs);
    Some(Material {
        lead,
        rest: strip_end(&rest).to_owned(),
        subs,
    })
}

fn flatten(subs: &[Subparagraph]) -> Vec<String> {
    subs.iter()
        .filter(|s| s.subparagraphs.is_empty())
        .map(|s| strip_end(&s.text.plain).to_owned())
        .filter(|s| s.starts_with(|c: char| c.is_uppercase()))
        .collect()
}

fn strip_end(s: &str) -> &str {
    s.trim_end_matches(['.', ',', ';', ':', ' '])
}

fn ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

#[derive(Clone, Copy)]
struct Style {
    italic_leads: bool,
    unicode_marks: bool,
}

/// How a paragraph (or its last sub-paragraph) ends.
#[derive(Clone, Copy)]
enum Ending {
    Comma,
    Semicolon,
    FullStop,
}

impl Ending {
    fn for_preambular(_last: bool) -> Ending {
        Ending::Comma
    }

    fn for_operative(last: bool) -> Ending {
        if last {
            Ending::FullStop
        } else {
            Ending::Semicolon
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Ending::Comma => ",",
            Ending::Semicolon => ";",
            Ending::FullStop => ".",
        }
    }
}

struct Writer<'a> {
    out: &'a mut String,
    rng: &'a mut fastrand::Rng,
    style: Style,
    footnote: u32,
    notes: &'a [String],
    names: usize,
}

impl Writer<'_> {
    fn instrument_header(&mut self, year: u16, number: usize, title: &str, body: &str) {
        let session = year.saturating_sub(1945);
        self.out.push_str(&format!(
            "Resolution {session}/{number}\n\n{title}\n\nThe {body},\n\n"
        ));
        self.footnote = 0;
    }

    fn mark(&mut self) -> String {
        self.footnote += 1;
        if self.style.unicode_marks {
            self.footnote
                .to_string()
                .chars()
                .map(|d| crate::parse::to_superscript(d).unwrap_or(d))
                .collect()
        } else {
            format!("<sup>{}</sup>", self.footnote)
        }
    }

    fn vary(&mut self, text: &str) -> String {
        let mut s = text.to_owned();
        for (a, b) in SWAPS {
            if self.rng.f64() < 0.15 && s.contains(a) {
                s = s.replacen(a, b, 1);
            }
        }
        if self.rng.f64() < NAME_CHANCE {
            let name = self.name();
            let kind = NAME_KINDS[self.rng.usize(..NAME_KINDS.len())];
            s.push_str(&format!(", including through the {name} {kind}"));
        }
        s
    }

    /// An invented proper name, one of `self.names`.
    fn name(&mut self) -> String {
        let mut k = self.rng.usize(..self.names);
        let mut name = String::new();
        loop {
            name.push_str(SYLLABLES[k % SYLLABLES.len()]);
            k /= SYLLABLES.len();
            if k == 0 {
                break;
            }
        }
        name.push_str(SYLLABLES[name.len() % SYLLABLES.len()]);
        let mut chars = name.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => name,
        }
    }

    fn lead(&mut self, lead: &str, part: Part) -> String {
        let modified = match part {
            Part::Operative if self.rng.f64() < 0.2 && !lead.contains(' ') => {
                format!("Also {}", lead.to_lowercase())
            }
            Part::Preambular if self.rng.f64() < 0.2 && !lead.contains(' ') => {
                format!("{lead} also")
            }
            _ => lead.to_owned(),
        };
        if self.style.italic_leads {
            format!("*{modified}*")
        } else {
            modified
        }
    }

    fn paragraph(&mut self, m: &Material, number: Option<usize>, ending: Ending) {
        let part = if number.is_some() {
            Part::Operative
        } else {
            Part::Preambular
        };
        if let Some(n) = number {
            self.out.push_str(&format!("{n}. "));
        }
        let lead = self.lead(&m.lead, part);
        let rest = self.vary(&m.rest);
        let has_subs = !m.subs.is_empty() && self.rng.f64() < 0.5;
        let body = format!(
            "{lead} {rest}{}",
            if has_subs { ":" } else { ending.as_str() }
        );
        self.page_broken(&body);
        if has_subs {
            let n = self.rng.usize(2..=5).min(m.subs.len().max(2));
            for k in 0..n {
                let label = char::from(b'a' + u8::try_from(k).unwrap_or(0));
                let sub = &m.subs[self.rng.usize(..m.subs.len())];
                let end = if k + 1 == n {
                    ending
                } else if part == Part::Preambular {
                    Ending::Comma
                } else {
                    Ending::Semicolon
                };
                let varied = self.vary_sub(sub);
                self.out
                    .push_str(&format!("({label}) {varied}{}\n\n", end.as_str()));
            }
        }
    }

    fn vary_sub(&mut self, sub: &str) -> String {
        let mut s = sub.to_owned();
        for (a, b) in SWAPS {
            if self.rng.f64() < 0.1 && s.contains(a) {
                s = s.replacen(a, b, 1);
            }
        }
        s
    }

    /// Writes a paragraph, sometimes split by a page break that carries a
    /// footnote cited earlier in the paragraph.
    fn page_broken(&mut self, text: &str) {
        let words: Vec<&str> = text.split(' ').collect();
        if words.len() < 12 || self.rng.f64() >= PAGE_BREAK_CHANCE {
            self.out.push_str(text);
            self.out.push_str("\n\n");
            return;
        }
        // Cite after a word in the first third; break after a word without
        // punctuation in the middle third, so the halves must be joined.
        let cite_at = self.rng.usize(2..words.len() / 3);
        let break_at = (words.len() / 3..2 * words.len() / 3).find(|&k| {
            words[k].ends_with(|c: char| c.is_alphanumeric())
                && words[k + 1].starts_with(|c: char| c.is_alphabetic())
        });
        let Some(break_at) = break_at else {
            self.out.push_str(text);
            self.out.push_str("\n\n");
            return;
        };
        let mark = self.mark();
        let note = self.notes[self.rng.usize(..self.notes.len())].clone();
        let rule = if self.rng.bool() { "---\n\n" } else { "" };
        for (k, w) in words[..=break_at].iter().enumerate() {
            if k > 0 {
                self.out.push(' ');
            }
            self.out.push_str(w);
            if k == cite_at {
                self.out.push_str(&mark);
            }
        }
        self.out.push_str(&format!(
            "\n\n{rule}{mark} {note}\n\n{}",
            words[break_at + 1..].join(" ")
        ));
        self.out.push_str("\n\n");
    }
}
