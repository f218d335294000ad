//! Real figures of the shipped corpus, pinned.

use super::*;

fn shipped() -> Corpus {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    crate::corpus::load_dir(&dir)
        .expect("the corpus loads")
        .corpus
}

fn find<'c>(corpus: &'c Corpus, id: &str) -> &'c Instrument {
    corpus
        .instruments()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no instrument {id}"))
}

#[test]
fn the_verb_profile_of_ccpcj_33_1() {
    let c = shipped();
    let picture = verb_profile(find(&c, "ccpcj-res-33-1"));
    check(&picture);
    insta::assert_snapshot!(outline(&picture.alt_table));
}

/// The General Assembly's two renewed series: trafficking in women and
/// girls (75/158, 77/194, 79/154) and coordination (76/186, 78/228,
/// 80/228).
const GA_RENEWALS: [&str; 6] = [
    "ga-res-75-158",
    "ga-res-76-186",
    "ga-res-77-194",
    "ga-res-78-228",
    "ga-res-79-154",
    "ga-res-80-228",
];

#[test]
fn the_reuse_of_ga_78_228_in_80_228_counts_its_paired_paragraphs() {
    let c = shipped();
    let (a, b) = (find(&c, "ga-res-78-228"), find(&c, "ga-res-80-228"));
    let shares = reuse_shares(&[a, b]);
    // 80 of the 81 paragraphs of 78/228 live on in 80/228, and they make
    // 80 of its 87.
    assert_eq!(a.paragraphs().count(), 81);
    assert_eq!(b.paragraphs().count(), 87);
    assert_eq!(shares, [[1.0, 80.0 / 81.0], [80.0 / 87.0, 1.0]]);
    let picture = reuse_matrix(&[a, b], &shares);
    let hrefs = check(&picture);
    assert!(hrefs.contains(&"#/align?a=ga-res-78-228&b=ga-res-80-228".to_owned()));
    let expected = "\
Shared language between instruments: share of each row's paragraphs with a counterpart in the column
Paragraphs of | A/RES/78/228 | A/RES/80/228
[A/RES/78/228] | — | [99%]
[A/RES/80/228] | [92%] | —
";
    assert_eq!(outline(&picture.alt_table), expected);
}

#[test]
fn the_reuse_matrix_of_the_general_assembly_renewals() {
    let c = shipped();
    let renewals: Vec<&Instrument> = GA_RENEWALS.iter().map(|id| find(&c, id)).collect();
    let shares = reuse_shares(&renewals);
    let picture = reuse_matrix(&renewals, &shares);
    check(&picture);
    insta::assert_snapshot!(outline(&picture.alt_table));
}
