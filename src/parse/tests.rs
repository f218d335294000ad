//! Parser behaviour on small texts shaped like the corpus.

use super::*;

fn parse(src: &str) -> Document {
    parse_document("test.txt", src)
}

const HEADER: &str =
    "Resolution 1/1\n\nA title\n\nThe Commission on Crime Prevention and Criminal Justice,\n\n";

#[test]
fn joins_a_paragraph_split_by_a_footnote_block() {
    let src = format!(
        "{HEADER}Welcoming the adoption, at the meeting held on 27 and 28 September\n\n\
         ¹ United Nations, *Treaty Series*, vol. 2225.\n\n\
         2017, of the political declaration,¹\n\n1. *Urges* States to act.\n"
    );
    let doc = parse(&src);
    let inst = &doc.instruments[0];
    assert_eq!(inst.preambular.len(), 1);
    assert_eq!(
        inst.preambular[0].text.plain,
        "Welcoming the adoption, at the meeting held on 27 and 28 September 2017, of the political declaration,"
    );
    assert_eq!(
        inst.footnotes[0].text.plain,
        "United Nations, Treaty Series, vol. 2225."
    );
}

#[test]
fn a_footnote_block_after_a_complete_paragraph_does_not_glue_paragraphs() {
    let src = format!(
        "{HEADER}*Recalling* the Charter,<sup>1</sup>\n\n---\n\n<sup>1</sup> Text.\n\n\
         *Recognizing also* that change is rapid,\n\n1. *Urges* States to act.\n"
    );
    let doc = parse(&src);
    let leads: Vec<_> = doc.instruments[0]
        .preambular
        .iter()
        .map(|p| p.lead.clone().unwrap_or_default())
        .collect();
    assert_eq!(leads, vec!["Recalling", "Recognizing also"]);
}

#[test]
fn a_page_break_right_after_a_comma_joins_a_lowercase_continuation() {
    let src = format!(
        "{HEADER}1. *Urges* States to discourage demand and, as appropriate,\n\n\
         strengthening domestic laws;\n\n2. *Invites* States to act.\n"
    );
    let doc = parse(&src);
    let ops = &doc.instruments[0].operative;
    assert_eq!(ops.len(), 2);
    assert!(ops[0]
        .text
        .plain
        .ends_with("as appropriate, strengthening domestic laws;"));
}

#[test]
fn a_page_break_without_footnotes_joins_the_halves() {
    let src = format!(
        "{HEADER}1. *Calls upon* States to address factors, including those in\n\n\
         vulnerable situations;\n\n2. *Invites* States to act.\n"
    );
    let doc = parse(&src);
    assert_eq!(
        doc.instruments[0].operative[0].text.plain,
        "Calls upon States to address factors, including those in vulnerable situations;"
    );
}

#[test]
fn a_capitalised_second_half_joins_an_unfinished_first_half() {
    let src = format!(
        "{HEADER}1. *Urges* ratification of the Protocol, Especially Women and\n\n---\n\n\
         <sup>2</sup> Ibid.\n\nChildren, supplementing the Convention,<sup>2</sup> and urges States;\n\n\
         2. *Invites* States to act.\n"
    );
    let doc = parse(&src);
    let op1 = &doc.instruments[0].operative[0];
    assert!(op1
        .text
        .plain
        .contains("Especially Women and Children, supplementing"));
    assert_eq!(op1.text.footnote_refs(), vec!["2"]);
}

#[test]
fn operative_paragraphs_are_numbered_and_keep_their_number() {
    let src = format!("{HEADER}1. *Urges* States;\n\n2. *Also urges* States.\n");
    let doc = parse(&src);
    let ops = &doc.instruments[0].operative;
    assert_eq!(ops[1].number, Some(2));
    assert_eq!(ops[1].lead.as_deref(), Some("Also urges"));
    assert_eq!(ops[1].text.plain, "Also urges States.");
}

#[test]
fn sub_paragraphs_nest_under_their_paragraph() {
    let src = format!(
        "{HEADER}1. *Requests* the Office:\n\n(a) To continue;\n\n(i) first;\n\n(ii) second;\n\n(b) To encourage.\n"
    );
    let doc = parse(&src);
    let op = &doc.instruments[0].operative[0];
    let labels: Vec<_> = op.subparagraphs.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, vec!["a", "b"]);
    assert_eq!(op.subparagraphs[0].subparagraphs.len(), 2);
    assert_eq!(
        op.subparagraphs[0].subparagraphs[1].citation,
        "CCPCJ res. 1/1, op. 1 (a) (ii)"
    );
    assert_eq!(
        op.subparagraphs[0].subparagraphs[1].id,
        "ccpcj-res-1-1-op-1-a-ii"
    );
}

#[test]
fn a_preambular_paragraph_can_have_sub_paragraphs() {
    let src = format!(
        "{HEADER}*Recognizing that:*\n\n(a) Traffickers use technology,\n\n(b) Children are vulnerable,\n\n\
         *Recalling* its resolution,\n\n1. *Urges* States.\n"
    );
    let doc = parse(&src);
    let pp = &doc.instruments[0].preambular;
    assert_eq!(pp.len(), 2);
    assert_eq!(pp[0].lead.as_deref(), Some("Recognizing"));
    assert_eq!(pp[0].text.plain, "Recognizing that:");
    assert_eq!(pp[0].subparagraphs.len(), 2);
}

#[test]
fn text_before_the_first_instrument_is_unassigned_not_operative() {
    let src = format!(
        "11. Provisional agenda.\n\n12. Other business.\n\n4. The following resolution is brought to the attention of the Council:\n\n{HEADER}1. *Urges* States.\n"
    );
    let doc = parse(&src);
    assert_eq!(doc.instruments.len(), 1);
    assert_eq!(doc.instruments[0].operative.len(), 1);
    let unassigned: Vec<_> = doc.unassigned.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(unassigned[0], "11. Provisional agenda.");
    assert_eq!(unassigned.len(), 3);
    assert!(doc
        .warnings
        .iter()
        .any(|w| matches!(w.kind, WarningKind::UnassignedText { .. }) && w.line == 1));
}

#[test]
fn a_decision_after_a_resolution_is_its_own_instrument() {
    let src = format!(
        "{HEADER}1. *Urges* States.\n\n**Decision 1/1**\n\n**Report of the Board of the United Nations  \nInstitute**\n\n\
         5. At its 7th meeting, on 16 May 2024, the Commission decided to transmit the report.\n"
    );
    let doc = parse(&src);
    assert_eq!(doc.instruments.len(), 2);
    let dec = &doc.instruments[1];
    assert_eq!(dec.kind, InstrumentKind::Decision);
    assert_eq!(
        dec.title,
        "Report of the Board of the United Nations Institute"
    );
    assert_eq!(dec.operative[0].number, Some(5));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn a_title_and_body_line_start_an_instrument_without_a_designation() {
    let doc = parse(
        "\n\nPreventing trafficking\n\nThe Commission on Crime Prevention and Criminal Justice,\n\n\
         Recalling its resolutions,\n\n1. *Urges* States.\n\nProtecting children\n\n\
         The Commission on Crime Prevention and Criminal Justice,\n\nNoting the work,\n\n1. *Invites* States.\n",
    );
    let titles: Vec<_> = doc.instruments.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        vec!["Preventing trafficking", "Protecting children"]
    );
    assert_eq!(doc.instruments[1].symbol, None);
}

#[test]
fn footnotes_go_to_the_instrument_that_cites_them() {
    let doc = parse(
        "T one\n\nThe General Assembly,\n\nRecalling the Convention,¹\n\n¹ First one.\n\n1. *Urges* States.\n\n\
         T two\n\nThe General Assembly,\n\nRecalling the Protocol,¹\n\n¹ First two.\n\n1. *Urges* States.\n",
    );
    assert_eq!(doc.instruments[0].footnotes[0].text.plain, "First one.");
    assert_eq!(doc.instruments[1].footnotes[0].text.plain, "First two.");
}

#[test]
fn a_footnote_after_the_last_paragraph_belongs_to_the_instrument_citing_it() {
    let src = format!(
        "{HEADER}1. *Invites* the Office to implement the Agenda<sup>5</sup> relevant to it;\n\n\
         2. *Invites* States to act.\n\n---\n\n<sup>5</sup> General Assembly resolution 70/1.\n"
    );
    let doc = parse(&src);
    assert_eq!(doc.instruments[0].footnotes.len(), 1);
    assert!(doc.unassigned.is_empty());
}

#[test]
fn a_mark_cited_without_footnote_text_is_a_warning() {
    let src = format!("{HEADER}1. *Urges* ratification of the Convention¹³ and the Protocol.¹⁴\n");
    let doc = parse(&src);
    let missing: Vec<_> = doc
        .warnings
        .iter()
        .filter_map(|w| match &w.kind {
            WarningKind::FootnoteWithoutText { mark } => Some(mark.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(missing, vec!["13", "14"]);
}

#[test]
fn a_mark_cited_twice_needs_one_footnote() {
    let src = format!(
        "{HEADER}Recognizing the potential to assist survivors,<sup>30</sup>\n\n<sup>30</sup> The term.\n\n\
         1. *Encourages* States to provide redress to victims;<sup>30</sup>\n\n2. *Invites* States.\n"
    );
    let doc = parse(&src);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(
        doc.instruments[0].operative[0].text.footnote_refs(),
        vec!["30"]
    );
}

#[test]
fn an_operative_number_out_of_sequence_is_a_warning() {
    let src = format!("{HEADER}1. *Urges* States;\n\n3. *Invites* States.\n");
    let doc = parse(&src);
    assert!(doc.warnings.iter().any(|w| w.kind
        == WarningKind::NumberOutOfSequence {
            expected: 2,
            found: 3
        }));
}

#[test]
fn report_text_after_the_last_paragraph_is_unassigned() {
    let src = format!("{HEADER}1. *Urges* States.\n\n6. The Commission then closed its session.\n");
    let doc = parse(&src);
    assert_eq!(doc.instruments[0].operative.len(), 1);
    assert_eq!(
        doc.unassigned[0].text,
        "6. The Commission then closed its session."
    );
}

#[test]
fn the_adoption_line_gives_the_year() {
    let src = format!("{HEADER}1. *Urges* States.\n\n7th meeting\n16 May 2024\n");
    let doc = parse(&src);
    assert_eq!(doc.instruments[0].year, Some(2024));
    assert_eq!(
        doc.instruments[0].adopted.as_deref(),
        Some("7th meeting 16 May 2024")
    );
}

#[test]
fn a_file_without_instruments_keeps_its_text_and_says_so() {
    let doc = parse("Just some notes\n\nabout nothing.\n");
    assert!(doc.instruments.is_empty());
    assert_eq!(doc.unassigned.len(), 2);
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::NoInstrument));
}

#[test]
fn an_empty_text_parses_to_an_empty_document() {
    let doc = parse("");
    assert!(doc.instruments.is_empty() && doc.unassigned.is_empty());
}

#[test]
fn single_newlines_between_paragraphs_still_separate_them() {
    let doc = parse(
        "A title\nThe General Assembly,\nRecalling its resolutions,\nNoting the report,\n1. *Urges* States;\n2. *Invites* States.\n",
    );
    let inst = &doc.instruments[0];
    assert_eq!(inst.preambular.len(), 2);
    assert_eq!(inst.operative.len(), 2);
}

/// GA 75/165: one operative paragraph, unnumbered, after the preamble.
#[test]
fn a_single_unnumbered_operative_paragraph_is_operative() {
    for lead in ["*Takes note*", "Takes note"] {
        let doc = parse(&format!(
            "75/165. Report of the Human Rights Council\n\nThe General Assembly,\n\n\
             *Recalling* its resolutions 60/251 of 15 March 2006,\n\n\
             *Having considered* the recommendations contained in the report of the Human Rights Council,\n\n\
             {lead} of the report of the Human Rights Council, including the addendum thereto, and its recommendations.\n"
        ));
        let inst = &doc.instruments[0];
        assert_eq!(inst.preambular.len(), 2, "{lead}");
        assert_eq!(inst.operative.len(), 1, "{lead}");
        let op = &inst.operative[0];
        assert_eq!(op.number, None);
        assert_eq!(op.lead.as_deref(), Some("Takes note of"));
        assert_eq!(op.id, "ga-res-75-165-op-1");
    }
}

/// A preambular paragraph never ends with a full stop; one that opens
/// with an operative-looking word but ends with a comma stays preambular.
#[test]
fn an_operative_looking_preambular_paragraph_ending_with_a_comma_stays_preambular() {
    let doc = parse(
        "A title\n\nThe General Assembly,\n\n*Recalling* its resolutions,\n\n\
         Decides nothing here but reads on,\n\n1. *Urges* States.\n",
    );
    let inst = &doc.instruments[0];
    assert_eq!(inst.operative.len(), 1);
    assert_eq!(inst.operative[0].number, Some(1));
}

/// ECOSOC 2021/28 and GA 75/101: headings between operative paragraphs
/// head the paragraph after them, and are never glued to the one before.
#[test]
fn a_heading_before_the_next_number_heads_that_paragraph() {
    let doc = parse(
        "A title\n\nThe Economic and Social Council,\n\n*Recalling* its resolutions,\n\n\
         Taking stock: reviewing the implementation of the outcomes\n\n\
         1. *Welcomes* the report;\n\n2. *Reaffirms* paragraphs 55 to 65 of resolution 70/125;\n\n\
         II\n\nEnhanced cooperation\n\n3. *Notes* the work of the Group.\n",
    );
    let inst = &doc.instruments[0];
    assert_eq!(inst.preambular.len(), 1);
    let ops: Vec<_> = inst
        .operative
        .iter()
        .map(|p| (p.number, p.heading.as_deref(), p.text.plain.as_str()))
        .collect();
    assert_eq!(
        ops,
        [
            (
                Some(1),
                Some("Taking stock: reviewing the implementation of the outcomes"),
                "Welcomes the report;"
            ),
            (
                Some(2),
                None,
                "Reaffirms paragraphs 55 to 65 of resolution 70/125;"
            ),
            (
                Some(3),
                Some("II Enhanced cooperation"),
                "Notes the work of the Group."
            ),
        ]
    );
}

/// A page that breaks inside a sentence is not a heading: its first half
/// has no closing punctuation, but what follows is not the next number.
#[test]
fn half_a_sentence_before_a_page_break_is_not_a_heading() {
    let doc = parse(
        "A title\n\nThe General Assembly,\n\n*Recalling* its resolutions,\n\n\
         1. *Urges* States to act;\n\n2. *Requests* the Secretary-General to report to the General\n\n\
         Assembly at its next session.\n",
    );
    let op2 = &doc.instruments[0].operative[1];
    assert_eq!(op2.heading, None);
    assert_eq!(
        op2.text.plain,
        "Requests the Secretary-General to report to the General Assembly at its next session."
    );
}

#[test]
fn a_number_with_a_leading_zero_is_text() {
    let doc = parse("A title\n\nThe General Assembly,\n\n*Recalling* its resolutions,\n\n1. *Urges* States;\n\n07. text\n");
    let inst = &doc.instruments[0];
    assert_eq!(inst.operative.len(), 1);
    assert!(inst.operative[0].text.plain.ends_with("07. text"));
}

/// GA 75/325 op. 50: quoted replacement text ending with a full stop does
/// not end the resolution; the quotation belongs to its paragraph.
#[test]
fn quoted_replacement_text_belongs_to_its_paragraph_and_the_instrument_goes_on() {
    let doc = parse(
        "A title\n\nThe General Assembly,\n\n*Recalling* its resolutions,\n\n\
         50. *Decides* to amend rule 1 to read:\n\n\
         The General Assembly shall meet every year in regular session.\n\n\
         The general debate shall open on the Tuesday of the fourth week;\n\n\
         51. *Reaffirms* the important role of the Secretary-General;\n",
    );
    assert!(doc.unassigned.is_empty(), "{:?}", doc.unassigned);
    let ops = &doc.instruments[0].operative;
    assert_eq!(ops.len(), 2);
    assert!(
        ops[0].text.plain.ends_with("fourth week;"),
        "{}",
        ops[0].text.plain
    );
    assert_eq!(ops[1].number, Some(51));
}

/// ECOSOC 2021/20: no preamble, one unnumbered operative paragraph.
#[test]
fn an_unnumbered_operative_paragraph_right_after_the_body_line_is_operative() {
    let doc = parse(
        "2021/20. Fourteenth United Nations Congress\n\nThe Economic and Social Council,\n\n\
         *Recommends* to the General Assembly the adoption of the following draft resolution:\n",
    );
    let inst = &doc.instruments[0];
    assert!(inst.preambular.is_empty());
    assert_eq!(inst.operative.len(), 1);
    assert_eq!(inst.operative[0].lead.as_deref(), Some("Recommends"));
}
