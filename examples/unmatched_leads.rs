//! The leads of the UN's XML (the italics opening each paragraph) that the
//! lead table does not know, most frequent first:
//! `cargo run --release --example unmatched_leads -- ../shared/un-akn`.
use std::collections::BTreeMap;
use std::path::Path;

use clause_explorer::model::Part;

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/un-akn".into());
    let files = clause_explorer::corpus::xml_files_under(Path::new(&root));
    let mut counts: BTreeMap<(String, &str), usize> = BTreeMap::new();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let Ok(doc) = clause_explorer::akn::import("x.xml", &src) else {
            continue;
        };
        for inst in &doc.instruments {
            if inst.record.language.as_deref().is_some_and(|l| l != "eng") {
                continue;
            }
            for p in inst.paragraphs() {
                let Some(lead) = &p.lead else { continue };
                if clause_explorer::leads::match_lead(&p.text.plain, p.part).is_none() {
                    let part = if p.part == Part::Preambular {
                        "pp"
                    } else {
                        "op"
                    };
                    *counts.entry((lead.clone(), part)).or_default() += 1;
                }
            }
        }
    }
    let mut list: Vec<_> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1));
    for ((lead, part), n) in list.iter().take(120) {
        println!("{n:5} {part} {lead}");
    }
}
