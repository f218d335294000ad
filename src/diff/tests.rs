//! Diff behaviour, as tables of small clauses shaped like the corpus.

use super::*;
use crate::model::Paragraph;
use crate::parse::parse_document;

/// A comparison written on one line: rows separated by ` ‖ `, each row as
/// `left | right`, removed text as `[-…-]`, new text as `{+…+}`.
fn show(d: &SideBySide) -> String {
    let side = |segments: &[Segment]| -> String {
        segments
            .iter()
            .map(|s| match s.tag {
                Tag::Equal => s.text.clone(),
                Tag::Delete => format!("[-{}-]", s.text),
                Tag::Insert => format!("{{+{}+}}", s.text),
            })
            .collect()
    };
    d.rows
        .iter()
        .map(|r| format!("{} | {}", side(&r.left), side(&r.right)))
        .collect::<Vec<_>>()
        .join(" ‖ ")
}

/// The first paragraph of a one-instrument text.
fn first_paragraph(body: &str) -> Paragraph {
    let src = format!(
        "Resolution 1/1\n\nA title\n\nThe Commission on Crime Prevention and Criminal Justice,\n\n{body}"
    );
    let doc = parse_document("test.txt", &src);
    let paragraph = doc.instruments[0].paragraphs().next().cloned();
    paragraph.expect("a paragraph")
}

#[test]
fn word_diff_behaviour() {
    // (what, left, right, expected rows, unchanged)
    let table: &[(&str, &str, &str, &str, bool)] = &[
        (
            "a changed word is removed on the left and new on the right",
            "Urges Member States to strengthen efforts;",
            "Urges Member States to enhance efforts;",
            "Urges Member States to [-strengthen-] efforts; | Urges Member States to {+enhance+} efforts;",
            false,
        ),
        (
            "an inserted clause is new on the right only, with its commas",
            "Encourages Member States to cooperate with civil society;",
            "Encourages Member States, in accordance with domestic law, to cooperate with civil society;",
            "Encourages Member States to cooperate with civil society; | \
             Encourages Member States{+, in accordance with domestic law,+} to cooperate with civil society;",
            false,
        ),
        (
            "a punctuation change leaves the word before it unchanged",
            "Recalling its resolution on the rights of victims, including children,",
            "Recalling its resolution on the rights of victims, including children;",
            "Recalling its resolution on the rights of victims,  | \
             Recalling its resolution on the rights of victims,  ‖ \
             including children[-,-] | including children{+;+}",
            false,
        ),
        (
            "identical text is one unchanged row",
            "Invites Member States to act.",
            "Invites Member States to act.",
            "Invites Member States to act. | Invites Member States to act.",
            true,
        ),
        (
            "reordered words show as a move: removed in one place, new in another",
            "especially women and children",
            "especially children and women",
            "especially women [-and children-] | especially {+children and+} women",
            false,
        ),
        (
            "whitespace and line breaks are not changes",
            "Urges  Member\nStates to act ;",
            "Urges Member States to act ;",
            "Urges Member States to act ; | Urges Member States to act ;",
            true,
        ),
        (
            "a first word capitalised only by its place is the same word",
            "Encourages Member States to act;",
            "Also encourages Member States to act;",
            "Encourages Member States to act; | {+Also+} encourages Member States to act;",
            false,
        ),
        (
            "a first word that is a name still matches the name further on",
            "United Nations entities are invited to act;",
            "All United Nations entities are invited to act;",
            "United Nations entities are invited to act; | {+All+} United Nations entities are invited to act;",
            false,
        ),
        (
            "a change of case inside the text is a change",
            "Urges Member States to act;",
            "Urges member States to act;",
            "Urges [-Member-] States to act; | Urges {+member+} States to act;",
            false,
        ),
        (
            "markup is just text",
            "<b>Urges</b> States",
            "Urges States",
            "[-<b>-]Urges[-</b>-] States | Urges States",
            false,
        ),
        (
            "two empty texts are identical and have no rows",
            "",
            "",
            "",
            true,
        ),
        (
            "against an empty text, everything is new",
            "",
            "Urges States;",
            " | {+Urges States;+}",
            false,
        ),
    ];
    for &(what, left, right, expected, unchanged) in table {
        let d = word_diff(left, right);
        assert_eq!(show(&d), expected, "{what}");
        assert_eq!(d.is_unchanged(), unchanged, "{what}");
        assert_eq!(d.similarity == 1.0, unchanged, "{what}");
    }
}

#[test]
fn a_footnote_mark_alone_is_no_change() {
    let with_mark = first_paragraph(
        "*Reaffirming* the United Nations Convention against Transnational Organized Crime,¹\n\n\
         ¹ United Nations, *Treaty Series*, vol. 2225.\n\n1. *Urges* States to act.\n",
    );
    let without = first_paragraph(
        "*Reaffirming* the United Nations Convention against Transnational Organized Crime,\n\n\
         1. *Urges* States to act.\n",
    );
    assert_eq!(with_mark.text.marks.len(), 1);
    let d = paragraph_diff(&with_mark, &without, Scope::WithSubparagraphs);
    assert!(d.is_unchanged(), "{}", show(&d));
    assert_eq!(d.similarity, 1.0);
}

#[test]
fn the_operative_number_is_no_change() {
    let three = first_paragraph("3. *Urges* States to act;\n\n4. *Invites* States.\n");
    let five = first_paragraph("5. *Urges* States to act;\n\n6. *Invites* States.\n");
    assert_eq!((three.number, five.number), (Some(3), Some(5)));
    assert!(paragraph_diff(&three, &five, Scope::Text).is_unchanged());
}

#[test]
fn the_similarity_counts_unchanged_tokens_on_both_sides() {
    // 5 tokens against 6, 5 unchanged: 2 × 5 / 11.
    let d = word_diff("Urges States to act;", "Urges all States to act;");
    assert!((d.similarity - 10.0 / 11.0).abs() < 1e-6);
    assert_eq!(word_diff("Urges", "Invites").similarity, 0.0);
}

const SUBS_LEFT: &str = "7. *Encourages* Member States, inter alia:\n\n\
    (a) To reinforce efforts to combat trafficking;\n\n\
    (b) To counter the use of technology;\n\n\
    8. *Invites* States.\n";
const SUBS_RIGHT: &str = "7. *Encourages* Member States, inter alia:\n\n\
    (a) To reinforce efforts to combat trafficking;\n\n\
    (b) To advance digital literacy;\n\n\
    (c) To counter the use of technology;\n\n\
    8. *Invites* States.\n";

#[test]
fn a_whole_paragraph_diff_shows_each_sub_paragraph_in_its_own_row_with_its_label() {
    let left = first_paragraph(SUBS_LEFT);
    let right = first_paragraph(SUBS_RIGHT);
    let d = paragraph_diff(&left, &right, Scope::WithSubparagraphs);
    let rows: Vec<String> = show(&d).split(" ‖ ").map(str::to_owned).collect();
    assert_eq!(
        rows,
        [
            "Encourages Member States, inter alia:  | Encourages Member States, inter alia: ",
            "(a) To reinforce efforts to combat trafficking;  | (a) To reinforce efforts to combat trafficking; ",
            " | {+(b) To advance digital literacy;+} ",
            "(b) To counter the use of technology; | (c) To counter the use of technology;",
        ]
    );
}

#[test]
fn a_paragraph_text_diff_leaves_sub_paragraphs_out() {
    let left = first_paragraph(SUBS_LEFT);
    let right = first_paragraph(SUBS_RIGHT);
    let d = paragraph_diff(&left, &right, Scope::Text);
    assert!(d.is_unchanged());
    assert_eq!(d.left_text(), "Encourages Member States, inter alia:");
}

#[test]
fn relabelled_sub_paragraphs_with_the_same_words_are_unchanged() {
    let left = first_paragraph("1. *Urges* States:\n\n(a) To act;\n\n(b) To report.\n");
    let right = first_paragraph("1. *Urges* States:\n\n(i) To act;\n\n(ii) To report.\n");
    let d = paragraph_diff(&left, &right, Scope::WithSubparagraphs);
    assert!(d.is_unchanged(), "{}", show(&d));
    assert!(d.right_text().contains("(ii) To report."));
}

#[test]
fn rows_are_cut_at_clause_ends_in_the_unchanged_stretches_between_changes() {
    let d = word_diff(
        "Calls upon Member States to strengthen cooperation, to share information on trends \
         and patterns, and to support victims, in particular children;",
        "Calls upon States to strengthen cooperation, to share information on trends \
         and patterns, and to support victims, in particular women and children;",
    );
    let rows: Vec<String> = show(&d).split(" ‖ ").map(str::to_owned).collect();
    assert_eq!(
        rows,
        [
            "Calls upon [-Member-] States to strengthen cooperation,  | Calls upon States to strengthen cooperation, ",
            "to share information on trends and patterns, and to support victims,  | \
             to share information on trends and patterns, and to support victims, ",
            "in particular children; | in particular {+women and+} children;",
        ]
    );
}

#[test]
fn texts_too_long_to_compare_word_by_word_are_compared_as_passages() {
    let sentence = "Urges Member States to act on trafficking in persons, ";
    let left = sentence.repeat(20_000);
    let right = format!(
        "{}Invites{}",
        sentence.repeat(10_000),
        sentence.repeat(10_000)
    );
    let d = word_diff(&left, &right);
    assert_eq!(d.granularity, Granularity::Passage);
    assert!(!d.is_unchanged());
    assert_eq!(tokens(&d.left_text()), tokens(left.trim()));
    assert_eq!(tokens(&d.right_text()), tokens(right.trim()));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Clause-like text: words, punctuation, labels, markup, spacing.
    fn clause() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                Just("States"),
                Just("states"),
                Just("Urges"),
                Just("urges"),
                Just("the"),
                Just(","),
                Just(";"),
                Just("(a)"),
                Just("71/167"),
                Just("children's"),
                Just("<i>"),
                Just(" "),
                Just("\n"),
                Just("é"),
            ],
            0..40,
        )
        .prop_map(|parts| parts.join(""))
    }

    fn check(a: &str, b: &str) {
        let d = word_diff(a, b);
        assert_eq!(tokens(&d.left_text()), tokens(a));
        assert_eq!(tokens(&d.right_text()), tokens(b));
        for row in &d.rows {
            assert!(row.left.iter().all(|s| s.tag != Tag::Insert));
            assert!(row.right.iter().all(|s| s.tag != Tag::Delete));
        }
        assert!((0.0..=1.0).contains(&d.similarity));
        assert_eq!(
            d.is_unchanged(),
            tokens(a).len() == tokens(b).len() && d.similarity == 1.0
        );
    }

    proptest! {
        #[test]
        fn segments_reassemble_the_tokens_of_arbitrary_strings(a in any::<String>(), b in any::<String>()) {
            check(&a, &b);
        }

        #[test]
        fn segments_reassemble_the_tokens_of_clause_like_strings(a in clause(), b in clause()) {
            check(&a, &b);
        }
    }
}
