//! Synthetic corpora parse back into exactly the paragraphs written, with
//! no warnings and every word kept: a parser check at scale, in every
//! style the generator mixes (footnote styles, italics, page breaks inside
//! paragraphs, several instruments a file).

mod common;

use clause_explorer::corpus::load_dir;
use clause_explorer::parse::parse_document;
use clause_explorer::synth::{synthesize, Options};

#[test]
fn synthetic_texts_parse_back_into_every_paragraph_written() {
    let seed_corpus = load_dir(&common::corpus_dir()).unwrap().corpus;
    for seed in 1..=4 {
        let files = synthesize(
            &seed_corpus,
            &Options {
                paragraphs: 10_000,
                seed,
            },
        );
        let mut parsed = 0;
        for f in &files {
            let doc = parse_document(&f.name, &f.text);
            assert!(
                doc.warnings.is_empty(),
                "seed {seed}, {}: {:?}",
                f.name,
                doc.warnings.first()
            );
            parsed += doc
                .instruments
                .iter()
                .map(|i| i.preambular.len() + i.operative.len())
                .sum::<usize>();
        }
        assert_eq!(parsed, 10_000, "seed {seed}");
    }
}

#[test]
fn synthetic_texts_keep_every_word() {
    let seed_corpus = load_dir(&common::corpus_dir()).unwrap().corpus;
    for f in synthesize(
        &seed_corpus,
        &Options {
            paragraphs: 3_000,
            seed: 11,
        },
    ) {
        common::assert_conserved(&f.name, &f.text);
    }
}

#[test]
fn the_same_seed_gives_the_same_corpus() {
    let seed_corpus = load_dir(&common::corpus_dir()).unwrap().corpus;
    let a = synthesize(
        &seed_corpus,
        &Options {
            paragraphs: 500,
            seed: 3,
        },
    );
    let b = synthesize(
        &seed_corpus,
        &Options {
            paragraphs: 500,
            seed: 3,
        },
    );
    let c = synthesize(
        &seed_corpus,
        &Options {
            paragraphs: 500,
            seed: 4,
        },
    );
    assert_eq!(a, b);
    assert_ne!(a, c);
}
