//! The verb profile: families in strength order, links, nothing to draw.

use super::*;

#[test]
fn a_verb_profile_puts_the_strongest_family_first_and_links_each_bar_to_its_first_paragraph() {
    let c = corpus(&[(
        "A title",
        "1. *Welcomes* the report;\n\n2. *Encourages* States to act;\n\n\
         3. *Strongly urges* States to act;\n\n4. *Also encourages* donors;\n\n\
         5. *Takes note with appreciation* of the work;\n\n6. *Decides* to remain seized.\n",
    )]);
    let picture = verb_profile(instruments(&c)[0]);
    let hrefs = check(&picture);
    let expected = "\
Operative language of CCPCJ res. 1/1
Family | Lead phrase | Paragraphs | Clauses
Decides | [Decides] | 1 | [op. 6]
Urges | [Urges] | 1 | [op. 3]
Encourages | [Encourages] | 2 | [op. 2], [op. 4]
Notes and welcomes | [Takes note of] | 1 | [op. 5]
Notes and welcomes | [Welcomes] | 1 | [op. 1]
";
    assert_eq!(outline(&picture.alt_table), expected);
    assert_eq!(
        hrefs,
        [
            "#/p/ccpcj-res-1-1-op-6",
            "#/p/ccpcj-res-1-1-op-3",
            "#/p/ccpcj-res-1-1-op-2",
            "#/p/ccpcj-res-1-1-op-5",
            "#/p/ccpcj-res-1-1-op-1"
        ]
    );
}

#[test]
fn an_instrument_with_no_operative_paragraph_gives_a_picture_that_says_so() {
    let inst = Instrument {
        id: "x".into(),
        citation: "CCPCJ res. 1/1".into(),
        ..Default::default()
    };
    let picture = verb_profile(&inst);
    assert!(check(&picture).is_empty());
    assert!(picture.svg.contains("has no operative paragraphs"));
    assert!(picture.alt_table.rows.is_empty());
    assert_eq!(picture.alt_table.header.len(), 4);
}

#[test]
fn a_hostile_citation_is_escaped_in_the_verb_profile() {
    let inst = Instrument {
        id: "x".into(),
        citation: HOSTILE.into(),
        operative: vec![crate::model::Paragraph {
            id: "x-op-1".into(),
            citation: format!("{HOSTILE}, op. 1"),
            lead: Some("Urges".into()),
            ..Default::default()
        }],
        ..Default::default()
    };
    let picture = verb_profile(&inst);
    check(&picture);
    assert!(!picture.svg.contains("<script"), "{}", picture.svg);
    assert!(picture.svg.contains("&lt;script&gt;"));
    assert!(picture.svg.contains("&amp; &apos;friends&apos;"));
}
