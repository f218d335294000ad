//! Nothing is lost and nothing invented: the words of every input (markup
//! and footnote marks stripped) are, as a multiset, exactly the words of
//! the parsed output across all its fields.
//!
//! The input side is stripped here independently of the parser, with the
//! simplest rules that cover the markup the sources use.
//!
//! And nothing is reordered: each paragraph's words (number, text,
//! sub-paragraphs) appear in its source span in the order the model
//! holds them.

mod common;

use common::{assert_conserved, assert_in_source_order};

#[test]
fn every_word_of_every_corpus_file_is_kept_exactly_once() {
    for (name, text) in common::corpus_texts() {
        assert_conserved(&name, &text);
    }
}

#[test]
fn every_word_of_every_fixture_is_kept_exactly_once() {
    let fixtures = common::texts_in(&common::fixtures_dir());
    assert!(!fixtures.is_empty());
    for (name, text) in fixtures {
        assert_conserved(&name, &text);
    }
}

#[test]
fn a_hand_made_text_with_every_kind_of_markup_keeps_its_words() {
    assert_conserved(
        "markup.txt",
        "Front matter\n\n##### **Resolution 9/9**\n\n#### **A title**\n\n*The General Assembly,*\n\n\
         *Recalling* [71/167](#) and the *Treaty Series*,<sup>1</sup>\n\n---\n\n<sup>1</sup> *Ibid.*\n\n\
         1. *Urges* States:\n\n(a) To act¹ on\n\n¹ Note.\n\npage two;\n\n(b) To report.\n\n7th meeting\n\nAfterword.\n",
    );
}

#[test]
fn every_paragraph_of_every_corpus_file_keeps_its_words_in_source_order() {
    for (name, text) in common::corpus_texts() {
        assert_in_source_order(&name, &text);
    }
}

#[test]
fn every_paragraph_of_every_fixture_keeps_its_words_in_source_order() {
    for (name, text) in common::texts_in(&common::fixtures_dir()) {
        assert_in_source_order(&name, &text);
    }
}

#[test]
fn a_paragraph_split_by_a_page_break_keeps_its_words_in_order() {
    assert_in_source_order(
        "split.txt",
        "Resolution 9/9\n\nA title\n\nThe General Assembly,\n\n\
         1. *Urges* States to act¹ on trafficking\n\n¹ A note.\n\nin persons, and:\n\n\
         (a) To report;\n\n(b) To cooperate.\n\n2. *Decides* to remain seized of the matter.\n",
    );
}
