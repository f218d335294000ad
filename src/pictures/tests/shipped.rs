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
