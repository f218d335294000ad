//! Similarity index behaviour: what a query returns, what it leaves out,
//! and that stored bytes round-trip or fail cleanly.

use super::*;
use crate::cite;
use crate::model::{Corpus, Document};
use crate::parse::parse_document;

const HEADER: &str = "A title\n\nThe Commission on Crime Prevention and Criminal Justice,\n\n";

/// A corpus of one instrument per body, numbered `1/1`, `2/1`, …
fn corpus(bodies: &[&str]) -> Corpus {
    let mut documents: Vec<Document> = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| {
            parse_document(
                &format!("{i}.txt"),
                &format!("Resolution {}/1\n\n{HEADER}{body}", i + 1),
            )
        })
        .collect();
    cite::assign(&mut documents);
    Corpus { documents }
}

const URGES: &str = "*Urges* Member States that have not yet done so to consider ratifying or \
    acceding to the United Nations Convention against Transnational Organized Crime and the \
    Protocols thereto, and calls upon States parties to implement them fully and effectively";
const DONORS: &str =
    "*Invites* Member States and other donors to provide extrabudgetary resources \
    for these purposes, in accordance with the rules and procedures of the United Nations";
const REPORT: &str = "*Requests* the Secretary-General to report to the Commission at its next \
    session on the implementation of the present resolution";

fn ids(corpus: &Corpus, results: &[(UnitRef, f32)]) -> Vec<String> {
    results
        .iter()
        .map(|(u, _)| u.id(corpus).unwrap_or("?").to_owned())
        .collect()
}

#[test]
fn a_paragraph_finds_its_language_in_other_instruments_but_not_itself_or_its_own_instrument() {
    let c = corpus(&[
        &format!("1. {URGES};\n\n2. {DONORS}.\n"),
        &format!("1. {REPORT};\n\n2. {URGES}.\n"),
        &format!("1. {DONORS};\n\n2. {URGES}, and to report thereon.\n"),
        &format!("1. {URGES};\n\n2. *Decides* to remain seized of the matter.\n"),
    ]);
    let index = SimilarityIndex::build(&c);
    let urges = UnitRef::of_id(&c, "ccpcj-res-1-1-op-1").expect("a paragraph");
    let results = index.similar_to(&c, urges, 10);
    let mut got = ids(&c, &results);
    got.sort();
    assert_eq!(
        got,
        [
            "ccpcj-res-2-1-op-2",
            "ccpcj-res-3-1-op-2",
            "ccpcj-res-4-1-op-1"
        ]
    );
    // Identical text first, the edited one last.
    assert_eq!(results[0].1, 1.0);
    assert_eq!(ids(&c, &results[2..]), ["ccpcj-res-3-1-op-2"]);
    assert!(results[2].1 < 1.0 && results[2].1 > 0.7);
}

#[test]
fn the_own_instrument_can_be_included() {
    let c = corpus(&[
        &format!("1. {URGES};\n\n2. {URGES}, and to report thereon.\n"),
        &format!("1. {URGES}.\n"),
    ]);
    let index = SimilarityIndex::build(&c);
    let urges = UnitRef::of_id(&c, "ccpcj-res-1-1-op-1").expect("a paragraph");
    let query = Query {
        same_instrument: SameInstrument::Include,
        ..Query::DEFAULT
    };
    assert_eq!(
        ids(&c, &index.similar_to_with(&c, urges, &query)),
        ["ccpcj-res-2-1-op-1", "ccpcj-res-1-1-op-2"]
    );
    assert_eq!(
        ids(&c, &index.similar_to(&c, urges, 10)),
        ["ccpcj-res-2-1-op-1"]
    );
}

#[test]
fn a_paragraph_folded_into_a_sub_paragraph_is_found_at_its_sub_paragraph_similarity() {
    let c = corpus(&[
        "1. *Encourages* Member States to cooperate with civil society organizations in preventing \
         and combating trafficking in persons facilitated by the criminal misuse of information and \
         communications technologies, including through awareness-raising campaigns;\n\n\
         2. *Decides* to remain seized of the matter.\n",
        "1. *Further encourages* Member States, inter alia:\n\n\
         (a) To reinforce efforts to combat trafficking in persons online in the context of rapid \
         technological change;\n\n\
         (b) To advance digital literacy and education on the safe and secure use of technologies \
         as means of prevention;\n\n\
         (c) To cooperate with relevant civil society organizations in preventing and combating \
         trafficking in persons facilitated by the criminal misuse of information and \
         communications technologies, including through awareness-raising campaigns;\n\n\
         (d) To prevent and counter online trafficking in persons by organized criminal groups;\n\n\
         2. *Decides* to remain seized of the matter.\n",
    ]);
    let index = SimilarityIndex::build(&c);
    let encourages = UnitRef::of_id(&c, "ccpcj-res-1-1-op-1").expect("a paragraph");
    let results = index.similar_to(&c, encourages, 10);
    assert_eq!(ids(&c, &results), ["ccpcj-res-2-1-op-1"]);
    assert!(results[0].1 > 0.6, "{}", results[0].1);
}

#[test]
fn paragraphs_sharing_only_a_phrase_or_two_are_not_results() {
    let c = corpus(&[
        &format!("1. {URGES}.\n"),
        "1. *Calls upon* Member States to strengthen their efforts to protect children from \
         trafficking in persons, and calls upon States parties to share information.\n",
    ]);
    let index = SimilarityIndex::build(&c);
    let urges = UnitRef::of_id(&c, "ccpcj-res-1-1-op-1").expect("a paragraph");
    assert_eq!(index.similar_to(&c, urges, 10), []);
}

#[test]
fn queries_outside_the_corpus_or_on_an_empty_one_return_nothing() {
    let empty = Corpus::default();
    let index = SimilarityIndex::build(&empty);
    assert_eq!(index.paragraphs(), 0);
    let nowhere = UnitRef {
        instrument: 7,
        part: Part::Operative,
        paragraph: 3,
    };
    assert_eq!(index.similar_to(&empty, nowhere, 10), []);

    // An index queried against a corpus it was not built from answers
    // without panicking, and says it does not fit. Its postings name
    // paragraph numbers of the other corpus: the paragraph they stand for
    // here (the second instrument's) does not exist, so nothing is
    // returned, although the queried text is in the index twice.
    let c = corpus(&[&format!("1. {URGES}.\n"), &format!("1. {URGES}.\n")]);
    let other = corpus(&[&format!("1. {DONORS};\n\n2. {URGES}.\n")]);
    let index = SimilarityIndex::build(&c);
    assert!(index.fits(&c) && !index.fits(&other));
    let urges = UnitRef::of_id(&other, "ccpcj-res-1-1-op-2").expect("a paragraph");
    assert_eq!(index.similar_to(&other, urges, 10), []);

    // A paragraph the corpus does not have, in an instrument it has.
    let beyond = UnitRef {
        instrument: 0,
        part: Part::Operative,
        paragraph: 1,
    };
    assert_eq!(index.similar_to(&c, beyond, 10), []);
    // And a limit of nothing.
    let first = UnitRef::of_id(&c, "ccpcj-res-1-1-op-1").expect("a paragraph");
    assert_eq!(index.similar_to(&c, first, 0), []);
    assert_eq!(
        ids(&c, &index.similar_to(&c, first, 10)),
        ["ccpcj-res-2-1-op-1"]
    );
}

#[test]
fn an_index_round_trips_through_bytes_and_damaged_bytes_are_an_error() {
    let c = corpus(&[
        &format!("1. {URGES};\n\n2. {DONORS}.\n"),
        &format!("1. {DONORS};\n\n2. {URGES}.\n"),
        &format!("1. {URGES}, and to report thereon.\n"),
    ]);
    let index = SimilarityIndex::build(&c);
    let bytes = index.to_bytes();
    assert_eq!(SimilarityIndex::from_bytes(&bytes), Ok(index.clone()));
    for cut in 0..bytes.len() {
        assert!(
            SimilarityIndex::from_bytes(&bytes[..cut]).is_err(),
            "cut at {cut}"
        );
    }
    for at in 0..bytes.len() {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x55;
        // Either an error or an index that answers without panicking.
        if let Ok(d) = SimilarityIndex::from_bytes(&damaged) {
            let u = UnitRef::of_id(&c, "ccpcj-res-1-1-op-1").expect("a paragraph");
            let _ = d.similar_to(&c, u, 10);
        }
    }
}

#[test]
fn a_huge_paragraph_is_indexed_and_queried() {
    let huge: String = (0..30_000)
        .map(|i| format!("measure {i} of trafficking, "))
        .collect();
    let c = corpus(&[
        &format!("1. *Urges* States to adopt {huge};\n\n2. {URGES}.\n"),
        &format!("1. *Urges* States to adopt {huge}.\n"),
    ]);
    let index = SimilarityIndex::build(&c);
    let first = UnitRef::of_id(&c, "ccpcj-res-1-1-op-1").expect("a paragraph");
    assert_eq!(
        ids(&c, &index.similar_to(&c, first, 10)),
        ["ccpcj-res-2-1-op-1"]
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            let _ = SimilarityIndex::from_bytes(&bytes);
        }
    }
}

#[cfg(feature = "native")]
mod shipped_corpus {
    use super::*;

    fn shipped() -> Corpus {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        crate::corpus::load_dir(&dir)
            .expect("the corpus loads")
            .corpus
    }

    /// Every pair of paragraphs of different instruments at the
    /// threshold or above, computed exactly: `(a, b, similarity)`, each
    /// pair both ways.
    fn exact_pairs(c: &Corpus, words: u8, threshold: f32) -> Vec<(UnitRef, UnitRef, f32)> {
        let all = UnitRef::all(c);
        let shingled: Vec<Shingled> = all
            .iter()
            .map(|u| Shingled::of(u.paragraph(c).expect("a paragraph"), words))
            .collect();
        let mut out = Vec::new();
        for (i, a) in all.iter().enumerate() {
            for (j, b) in all.iter().enumerate() {
                if a.instrument != b.instrument {
                    let s = shingled[i].similarity(&shingled[j]);
                    if s >= threshold {
                        out.push((*a, *b, s));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn every_pair_at_the_threshold_is_found_as_the_exact_all_pairs_answer_has_it() {
        let c = shipped();
        let index = SimilarityIndex::build(&c);
        let query = Query {
            limit: usize::MAX,
            ..Query::DEFAULT
        };
        let expected = exact_pairs(&c, index.settings().shingle_words, query.min_similarity);
        // The near-copies are among them.
        assert!(expected.len() > 300, "{} pairs", expected.len());
        let mut missed = Vec::new();
        for a in UnitRef::all(&c) {
            let got = index.similar_to_with(&c, a, &query);
            assert!(
                got.windows(2).all(|w| w[0].1 >= w[1].1),
                "ranked by similarity"
            );
            for &(_, b, similarity) in expected.iter().filter(|e| e.0 == a) {
                match got.iter().find(|(u, _)| *u == b) {
                    Some(&(_, s)) => assert_eq!(s, similarity, "{:?} ⇄ {:?}", a.id(&c), b.id(&c)),
                    None => missed.push((a.id(&c), b.id(&c), similarity)),
                }
            }
            // Nothing below the threshold or from the own instrument.
            assert!(got
                .iter()
                .all(|(u, s)| *s >= query.min_similarity && u.instrument != a.instrument));
            assert_eq!(got.len(), expected.iter().filter(|e| e.0 == a).count());
        }
        let recall = 1.0 - missed.len() as f64 / expected.len() as f64;
        assert!(recall >= 0.99, "recall {recall:.3}, missed {missed:?}");
    }

    #[test]
    fn the_trail_the_interface_shows_is_the_exact_best() {
        let c = shipped();
        let index = SimilarityIndex::build(&c);
        let limit = 8;
        let expected = exact_pairs(
            &c,
            index.settings().shingle_words,
            Query::DEFAULT.min_similarity,
        );
        for a in UnitRef::all(&c) {
            let mut best: Vec<f32> = expected.iter().filter(|e| e.0 == a).map(|e| e.2).collect();
            best.sort_by(|x, y| y.total_cmp(x));
            best.truncate(limit);
            let got: Vec<f32> = index.similar_to(&c, a, limit).iter().map(|r| r.1).collect();
            assert_eq!(got, best, "{:?}", a.id(&c));
        }
    }

    #[test]
    fn on_a_synthetic_corpus_every_paragraph_at_the_threshold_is_found_own_instrument_included() {
        let c = crate::synth::corpus(
            &shipped(),
            &crate::synth::Options {
                paragraphs: 1200,
                seed: 11,
            },
        );
        let index = SimilarityIndex::build(&c);
        let words = index.settings().shingle_words;
        let all = UnitRef::all(&c);
        let shingled: Vec<Shingled> = all
            .iter()
            .map(|u| Shingled::of(u.paragraph(&c).expect("a paragraph"), words))
            .collect();
        let query = Query {
            limit: usize::MAX,
            same_instrument: SameInstrument::Include,
            ..Query::DEFAULT
        };
        let with_subparagraphs = all
            .iter()
            .filter(|u| {
                !u.paragraph(&c)
                    .expect("a paragraph")
                    .subparagraphs
                    .is_empty()
            })
            .count();
        assert!(with_subparagraphs >= 5, "{with_subparagraphs}");
        for (i, a) in all.iter().enumerate().step_by(7) {
            let mut expected: Vec<(UnitRef, f32)> = all
                .iter()
                .zip(&shingled)
                .filter(|(b, _)| *b != a)
                .map(|(b, s)| (*b, shingled[i].similarity(s)))
                .filter(|&(_, s)| s >= query.min_similarity)
                .collect();
            expected.sort_by(|x, y| {
                y.1.total_cmp(&x.1)
                    .then(x.0.reading_order().cmp(&y.0.reading_order()))
            });
            let got = index.similar_to_with(&c, *a, &query);
            assert_eq!(got, expected, "{:?}", a.id(&c));
        }
    }

    /// The trails of a few paragraphs, for review by eye.
    #[test]
    fn trails_of_well_travelled_paragraphs() {
        let c = shipped();
        let index = SimilarityIndex::build(&c);
        let mut out = String::new();
        for id in [
            "ccpcj-res-33-1-op-1",
            "ccpcj-res-33-1-op-11",
            "ccpcj-res-preventing-combating-trafficking-persons-facilitated-op-7",
            "ccpcj-res-improving-protection-children-trafficking-persons-op-3",
            "untoc-cop-res-11-5-pp-31",
            "ccpcj-res-strengthening-measures-trafficking-persons-pp-1",
        ] {
            let Some(unit) = UnitRef::of_id(&c, id) else {
                out.push_str(&format!("{id}: not in the corpus\n"));
                continue;
            };
            let p = unit.paragraph(&c).expect("a paragraph");
            out.push_str(&format!("{}\n", p.citation));
            for (u, similarity) in index.similar_to(&c, unit, 10) {
                let q = u.paragraph(&c).expect("a paragraph");
                let start: String = q.text.plain.chars().take(60).collect();
                out.push_str(&format!("  {similarity:.2}  {}  {start}…\n", q.citation));
            }
        }
        insta::assert_snapshot!(out);
    }
}
