//! Metadata recovered from citations. Three Commission texts of the shipped
//! corpus carry no symbol and no date; the Assembly's texts cite one of them
//! as "Commission on Crime Prevention and Criminal Justice resolution 27/2
//! of 18 May 2018, entitled “Preventing and combating trafficking in
//! persons facilitated by the criminal misuse of information and
//! communications technologies”". When a citation gives the body, the
//! kind, a symbol, a date *and* the exact title of an instrument that has no
//! symbol, the symbol and year are filled from it, with where they came
//! from.
//!
//! Never from a partial match: the title must be equal (spaces and quote
//! marks aside), the body and kind the same, and every citation that
//! matches must agree; citations that disagree recover nothing and say so.
//! What a text or the manifest gives is never replaced. Ids do not change
//! (see [`crate::cite`]); citations do ("CCPCJ res. 27/2, op. 7").

use super::index::{all_references, Where};
use super::Cited;
use crate::bodies;
use crate::model::{Corpus, Provenance, Recovery};

/// What was recovered for one instrument, or why nothing was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovered {
    /// The instrument's id.
    pub instrument: String,
    /// The symbol and date the citations give, and where: `Err` with the
    /// disagreeing readings when they disagree.
    pub outcome: Result<Recovery, Vec<String>>,
    /// The symbol filled in (none when the citations disagree).
    pub symbol: Option<String>,
    /// The year filled in (none when the text or manifest gives one).
    pub year: Option<u16>,
}

/// The title as compared: words separated by single spaces, one kind of
/// quote mark, no final full stop.
fn normal(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for word in title.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            out.push(match c {
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201c}' | '\u{201d}' => '"',
                c => c,
            });
        }
    }
    out.trim_end_matches('.').to_owned()
}

/// Fills the symbol (and year, where missing) of every instrument without
/// a symbol that another instrument cites by body, symbol, date and exact
/// title. Returns what it did, in corpus order.
pub fn recover(corpus: &mut Corpus) -> Vec<Recovered> {
    let wanting: Vec<usize> = corpus
        .instruments()
        .enumerate()
        .filter(|(_, i)| i.symbol.is_none() && i.body.is_some() && !i.title.trim().is_empty())
        .map(|(k, _)| k)
        .collect();
    if wanting.is_empty() {
        return Vec::new();
    }
    let found = all_references(corpus);
    let instruments: Vec<_> = corpus.instruments().collect();
    let existing: Vec<Option<String>> = instruments
        .iter()
        .map(|i| super::index::key_of(i))
        .collect();
    let mut plans = Vec::new();
    for &k in &wanting {
        let inst = instruments[k];
        let body = bodies::abbreviation(inst.body.as_deref().unwrap_or_default());
        let title = normal(&inst.title);
        // (symbol, date, clause id, citation) of each matching citation.
        let mut readings: Vec<(String, String, String, String)> = Vec::new();
        for (citing, at, refs) in &found {
            if *citing as usize == k {
                continue;
            }
            for r in refs {
                let Cited::Instrument {
                    body: b,
                    kind,
                    symbol,
                } = &r.what
                else {
                    continue;
                };
                let (Some(t), Some(date)) = (&r.title, &r.date) else {
                    continue;
                };
                if *b != body || *kind != inst.kind || normal(t) != title {
                    continue;
                }
                let source = instruments[*citing as usize];
                let (clause, citation) = match at {
                    Where::Clause { id, citation } => (id.clone(), citation.clone()),
                    Where::Footnote { mark } => (
                        source.id.clone(),
                        format!("{}, footnote {mark}", source.citation),
                    ),
                };
                readings.push((symbol.clone(), date.clone(), clause, citation));
            }
        }
        let Some(first) = readings.first().cloned() else {
            continue;
        };
        let key = super::instrument_key(&body, inst.kind, &first.0);
        let taken = existing.iter().any(|e| e.as_deref() == Some(key.as_str()));
        let agree = readings.iter().all(|r| r.0 == first.0 && r.1 == first.1);
        let outcome = if agree && !taken {
            Ok(Recovery {
                clause: first.2.clone(),
                citation: first.3.clone(),
                date: first.1.clone(),
                also: readings[1..].iter().map(|r| r.3.clone()).collect(),
            })
        } else {
            let mut seen: Vec<String> = readings
                .iter()
                .map(|r| format!("{} of {} ({})", r.0, r.1, r.3))
                .collect();
            if taken {
                seen.push(format!("{key} is another instrument of the corpus"));
            }
            Err(seen)
        };
        plans.push((k, outcome, first.0));
    }
    let mut out = Vec::new();
    let mut all: Vec<&mut crate::model::Instrument> = corpus
        .documents
        .iter_mut()
        .flat_map(|d| d.instruments.iter_mut())
        .collect();
    for (k, outcome, symbol) in plans {
        let inst = &mut *all[k];
        let mut done = Recovered {
            instrument: inst.id.clone(),
            outcome: outcome.clone(),
            symbol: None,
            year: None,
        };
        if let Ok(recovery) = outcome {
            inst.symbol = Some(symbol.clone());
            inst.symbol_from = Some(Provenance::Citation);
            done.symbol = Some(symbol);
            if inst.year.is_none() {
                inst.year = recovery.date.get(..4).and_then(|y| y.parse().ok());
                inst.year_from = inst.year.map(|_| Provenance::Citation);
                done.year = inst.year;
            }
            inst.recovered = Some(recovery);
            crate::cite::recite(inst);
        }
        out.push(done);
    }
    out
}
