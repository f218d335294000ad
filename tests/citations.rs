//! Citations between instruments on real text: the shipped corpus (what it
//! cites, what is recovered from citations, and `check`'s report of it)
//! and the UN's XML (the detector against the links the UN put in).

mod common;

use std::time::Instant;

use clause_explorer::model::{Corpus, Provenance};
use clause_explorer::refs::{self, CitationIndex, Cited, Context};

fn shipped() -> clause_explorer::corpus::Loaded {
    clause_explorer::corpus::load_dir(&common::corpus_dir()).expect("the corpus loads")
}

fn find<'c>(corpus: &'c Corpus, id: &str) -> &'c clause_explorer::model::Instrument {
    corpus.instruments().find(|i| i.id == id).unwrap()
}

#[test]
fn the_three_commission_texts_without_a_symbol_get_theirs_from_the_assemblys_citations() {
    let loaded = shipped();
    let c = &loaded.corpus;
    let expected = [
        (
            "ccpcj-res-preventing-combating-trafficking-persons-facilitated",
            "27/2",
            "A/RES/76/186, pp. 15",
        ),
        (
            "ccpcj-res-improving-protection-children-trafficking-persons",
            "27/3",
            "A/RES/78/228, pp. 14",
        ),
        (
            "ccpcj-res-strengthening-measures-trafficking-persons",
            "27/4",
            "A/RES/78/228, pp. 14",
        ),
    ];
    for (id, symbol, from) in expected {
        // The id stays; the symbol, year and citations follow the citation.
        let inst = find(c, id);
        assert_eq!(inst.symbol.as_deref(), Some(symbol), "{id}");
        assert_eq!(inst.symbol_from, Some(Provenance::Citation));
        assert_eq!(inst.year, Some(2018));
        assert_eq!(inst.year_from, Some(Provenance::Citation));
        assert_eq!(inst.citation, format!("CCPCJ res. {symbol}"));
        assert_eq!(
            inst.operative[0].citation,
            format!("CCPCJ res. {symbol}, op. 1")
        );
        assert!(inst.operative[0].id.starts_with(id));
        let recovery = inst.recovered.as_ref().unwrap();
        assert_eq!(recovery.citation, from);
        assert_eq!(recovery.date, "2018-05-18");
    }
    assert_eq!(loaded.recovered.len(), 3);
    // Nothing else lacked a symbol, and what had one kept it.
    assert_eq!(
        find(c, "ccpcj-res-33-1").symbol_from,
        Some(Provenance::Text)
    );
}

#[test]
fn check_says_what_was_recovered_and_from_where() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clause-explorer"))
        .arg("check")
        .arg(common::corpus_dir())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "    recovered from a citation: symbol 27/2, year 2018 (adopted 18 May 2018), from A/RES/76/186, pp. 15 (ga-res-76-186-pp-15)\n      also cited so by A/RES/78/228, pp. 14; A/RES/80/228, pp. 14\n"
        ),
        "{text}"
    );
    assert!(!text.contains("missing: symbol"), "{text}");
}

#[test]
fn a_manifest_symbol_wins_over_a_citation() {
    let dir = tempdir();
    for name in [
        "ccpcj-ict-facilitated-trafficking.txt",
        "ga-76-186-coordination-trafficking.xml",
    ] {
        std::fs::copy(common::corpus_dir().join(name), dir.join(name)).unwrap();
    }
    std::fs::write(
        dir.join("manifest.toml"),
        "[[file]]\nname = \"ccpcj-ict-facilitated-trafficking.txt\"\n\n[[file.instrument]]\ntitle = \"Preventing and combating\"\nsymbol = \"99/9\"\n",
    )
    .unwrap();
    let loaded = clause_explorer::corpus::load_dir(&dir).unwrap();
    let inst = find(&loaded.corpus, "ccpcj-res-99-9");
    assert_eq!(inst.symbol_from, Some(Provenance::Manifest));
    // A symbol given, nothing is recovered: not even the year, since the
    // citation of 27/2 is not one of 99/9.
    assert_eq!(inst.year, None);
    assert!(inst.recovered.is_none());
    assert!(loaded.recovered.is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

fn tempdir() -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("clause-explorer-citations-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_shipped_corpus_cites_and_is_cited() {
    let loaded = shipped();
    let c = &loaded.corpus;
    let index = CitationIndex::build(c);
    let instruments: Vec<_> = c.instruments().collect();
    let position = |id: &str| instruments.iter().position(|i| i.id == id).unwrap() as u32;
    // CCPCJ 27/2 is in the corpus and cited by the Assembly.
    let t = index.target("ccpcj-res-27-2").unwrap();
    assert_eq!(
        t.instrument,
        Some(position(
            "ccpcj-res-preventing-combating-trafficking-persons-facilitated"
        ))
    );
    let citing: Vec<&str> = t
        .cited_by
        .iter()
        .map(|&p| index.places[p as usize].unit.as_str())
        .collect();
    assert_eq!(
        citing,
        [
            "ga-res-76-186-pp-15",
            "ga-res-78-228-pp-14",
            "ga-res-80-228-pp-14"
        ]
    );
    // The 2021 Political Declaration is cited by the resolutions after it.
    let decl = index.target("ga-res-76-7").unwrap();
    assert_eq!(decl.instrument, Some(position("ga-res-76-7")));
    assert!(decl.cited_by.len() >= 4, "{}", decl.cited_by.len());
    // What 80/228 cites includes its predecessor and the Protocol.
    let cites: Vec<&str> = index
        .cites(position("ga-res-80-228"))
        .iter()
        .map(|(t, _)| index.targets[*t as usize].key.as_str())
        .collect();
    for key in [
        "ga-res-78-228",
        "trafficking-protocol",
        "untoc",
        "global-plan-of-action",
        "ccpcj-res-33-1",
    ] {
        assert!(cites.contains(&key), "{key} not in {cites:?}");
    }
    // Footnotes cite too: a place keyed by instrument and mark.
    assert!(index.places.iter().any(|p| p.unit.contains("#fn-")));
    eprintln!(
        "shipped corpus: {} targets, {} citing places, {} in the corpus",
        index.targets.len(),
        index.places.len(),
        index
            .targets
            .iter()
            .filter(|t| t.instrument.is_some())
            .count()
    );
}

#[test]
fn cites_filters_search_by_what_clauses_cite() {
    use clause_explorer::search::{search, Query, SearchIndex};
    let c = shipped().corpus;
    let index = SearchIndex::build(&c);
    let by_symbol = search(&index, &Query::new("cites:27/2"), usize::MAX);
    let ids: Vec<&str> = by_symbol.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(ids.contains(&"ga-res-76-186-pp-15"));
    let by_key = search(&index, &Query::new("cites:ccpcj-res-27-2"), usize::MAX);
    assert_eq!(by_key.total, 3);
    let by_document = search(&index, &Query::new("cites:A/RES/76/7"), usize::MAX);
    assert!(by_document.total >= 4);
    // With words: the words must match too.
    let narrowed = search(&index, &Query::new("cites:untoc ratify"), usize::MAX);
    let all_untoc = search(&index, &Query::new("cites:untoc"), usize::MAX);
    assert!(narrowed.total > 0 && narrowed.total < all_untoc.total);
    // Nothing cites it: nothing found, and no panic.
    assert_eq!(search(&index, &Query::new("cites:99/999"), 10).total, 0);
    assert_eq!(
        search(&index, &Query::new("cites:"), 10).total,
        search(&index, &Query::new(""), 10).total
    );
    // The facet counts what the results cite.
    let f = &all_untoc.facets.cites;
    let untoc = f.iter().find(|v| v.value == "untoc").unwrap();
    assert!(untoc.selected);
    assert_eq!(untoc.count, all_untoc.total);
}

/// The UN's XML links many references to undocs.org: the detector, run on
/// the text alone, must find the same instrument where each link is.
#[test]
fn the_detector_agrees_with_the_links_of_the_uns_xml() {
    let files = common::un_akn_files(10);
    let started = Instant::now();
    let (mut links, mut agreed, mut bytes) = (0usize, 0usize, 0usize);
    let mut disagreements = Vec::new();
    for path in &files {
        let Ok((doc, _)) = clause_explorer::corpus::read_document(path) else {
            continue;
        };
        for inst in &doc.instruments {
            let context = refs::context_of(inst);
            refs::each_text(inst, &mut |_, text| {
                bytes += text.plain.len();
                let found = refs::detect(&text.plain, &context);
                for link in &text.links {
                    let Some(target @ Cited::Instrument { .. }) = refs::link_target(&link.href)
                    else {
                        continue;
                    };
                    links += 1;
                    let here = found
                        .iter()
                        .find(|r| r.span.start < link.span.end && link.span.start < r.span.end);
                    if here.is_some_and(|r| refs::loose(&r.key) == refs::loose(&target.key())) {
                        agreed += 1;
                    } else if disagreements.len() < 40 {
                        let s = link.span.start.saturating_sub(60);
                        let s = (0..=s)
                            .rev()
                            .find(|&i| text.plain.is_char_boundary(i))
                            .unwrap_or(0);
                        let e = (link.span.end..=text.plain.len())
                            .find(|&i| text.plain.is_char_boundary(i))
                            .unwrap();
                        disagreements.push(format!(
                            "{}: link {} found {:?}: …{}",
                            path.display(),
                            target.key(),
                            here.map(|r| &r.key),
                            &text.plain[s..e]
                        ));
                    }
                }
            });
        }
    }
    let share = agreed as f64 / links.max(1) as f64;
    eprintln!(
        "{} files, {links} links to resolutions and decisions, {agreed} found by the text alone ({:.2}%), {:.1} MB of text in {:?}",
        files.len(),
        share * 100.0,
        bytes as f64 / 1e6,
        started.elapsed()
    );
    assert!(links > 1000, "{links}");
    assert!(share >= 0.97, "{:.4}\n{}", share, disagreements.join("\n"));
}

#[test]
fn references_in_context_of_a_body_the_text_does_not_name_are_left_out() {
    assert!(refs::detect("Recalling its resolution 5/2", &Context::default()).is_empty());
}
