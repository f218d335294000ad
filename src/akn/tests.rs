//! The importer on hand-made files, shaped as the UN's are, and on hostile
//! ones; the UN's own files are read by `tests/akn.rs`.

use super::*;
use crate::model::Vote;
use crate::warning::WarningKind;

const NS: &str = r#"xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0""#;

fn file(body: &str) -> String {
    format!(r#"<akomaNtoso {NS}><statement name="resolution">{body}</statement></akomaNtoso>"#)
}

fn imported(body: &str) -> Document {
    let mut docs = vec![import("t.xml", &file(body)).unwrap()];
    crate::cite::assign(&mut docs);
    docs.pop().unwrap()
}

const PREFACE: &str =
    r#"<preface><p><docNumber>54/10.</docNumber><docTitle>A title</docTitle></p></preface>"#;

#[test]
fn a_sublist_beside_its_point_belongs_to_that_point() {
    let doc = imported(&format!(
        r#"{PREFACE}<preamble><formula name="enactingFormula"><p><span class="italic">The Human Rights Council</span>,</p></formula></preamble>
        <mainBody><paragraph><num>1.</num><list><intro><p><span class="italic">Calls upon</span> States:</p></intro>
          <point><num>(a)</num><content><p>To act;</p></content></point>
          <sublist><point><num>(i)</num><content><p>At home;</p></content></point><point><num>(ii)</num><content><p>Abroad;</p></content></point></sublist>
          <point><num>(b)</num><content><p>To report.</p></content></point>
        </list></paragraph></mainBody>"#
    ));
    let inst = &doc.instruments[0];
    assert_eq!(inst.citation, "HRC res. 54/10");
    let op1 = &inst.operative[0];
    assert_eq!(op1.text.plain, "Calls upon States:");
    assert_eq!(op1.lead.as_deref(), Some("Calls upon"));
    let labels: Vec<_> = op1.subparagraphs.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["a", "b"]);
    let a = &op1.subparagraphs[0];
    assert_eq!(a.subparagraphs.len(), 2);
    assert_eq!(
        a.subparagraphs[1].citation,
        "HRC res. 54/10, op. 1 (a) (ii)"
    );
    assert_eq!(a.subparagraphs[1].text.plain, "Abroad;");
}

#[test]
fn a_container_name_that_disagrees_with_its_italics_is_warned_of() {
    let doc = imported(&format!(
        r#"{PREFACE}<preamble><formula name="enactingFormula"><p>The General Assembly,</p></formula>
        <container name="Recalling"><p><span class="italic">Recalling also</span> its resolution,</p></container></preamble>"#
    ));
    let pp1 = &doc.instruments[0].preambular[0];
    assert_eq!(pp1.lead.as_deref(), Some("Recalling also"));
    assert!(doc.warnings.iter().any(|w| matches!(
        &w.kind,
        WarningKind::LeadDisagrees { name, italic } if name == "Recalling" && italic == "Recalling also"
    )));
}

#[test]
fn meta_gives_the_record_and_what_the_text_does_not_say() {
    let doc = imported(&format!(
        r#"<meta><identification><FRBRWork><FRBRthis value="/akn/un/statement/deliberation/unga/2023-12-19/78-228/!main/"/>
        <FRBRdate date="2023-12-19" name="adoption"/></FRBRWork></identification>
        <classification><keyword value="16" dictionary="SDGO"/><keyword value="TRAFFICKING IN PERSONS" dictionary="UNBIS Thesaurus"/>
        <keyword value="trafficking_in_persons" dictionary="UNBIS"/><keyword value="crime" dictionary="EuroVoc"/></classification>
        <workflow><step outcome="draftResolution" as="A/C.3/78/L.12/Rev.1"/><step outcome="adopted" as="A/78/PV.50"/></workflow>
        <analysis><parliamentary><voting outcome="adoptedRecordedVote"><count value="120" refersTo="inFavour"/><count value="3" refersTo="against"/><count value="40" refersTo="abstaining"/></voting></parliamentary></analysis></meta>
        <coverPage><p><docNumber refersTo="symbol">A/RES/78/228</docNumber></p><p><session value="78">Seventy-eighth session</session></p>
        <p><inline title="107" name="agenda item">Agenda item 107</inline></p><p><inline name="agenda item name">Crime prevention and criminal justice</inline></p></coverPage>
        <preface><p><docNumber>78/228.</docNumber><docTitle>Improving</docTitle></p></preface>
        <mainBody><paragraph><num>1.</num><content><p><span class="italic">Urges</span> States to act.</p></content></paragraph></mainBody>
        <conclusions><p><event><location>50th plenary meeting</location><eol/><docDate date="2023-12-19">19 December 2023</docDate></event></p></conclusions>"#
    ));
    let inst = &doc.instruments[0];
    assert_eq!(inst.citation, "A/RES/78/228");
    assert_eq!(inst.body.as_deref(), Some("The General Assembly"));
    assert_eq!(inst.body_from, Some(crate::model::Provenance::Metadata));
    assert_eq!(inst.year, Some(2023));
    assert_eq!(
        inst.adopted.as_deref(),
        Some("50th plenary meeting 19 December 2023")
    );
    let r = &inst.record;
    assert_eq!(r.document_symbol.as_deref(), Some("A/RES/78/228"));
    assert_eq!(r.date.as_deref(), Some("2023-12-19"));
    assert_eq!(r.session.as_deref(), Some("78"));
    assert_eq!(
        r.agenda_item.as_deref(),
        Some("107: Crime prevention and criminal justice")
    );
    assert_eq!(r.draft.as_deref(), Some("A/C.3/78/L.12/Rev.1"));
    assert_eq!(r.meeting.as_deref(), Some("A/78/PV.50"));
    assert_eq!(
        r.vote,
        Some(Vote::Recorded {
            in_favour: 120,
            against: 3,
            abstaining: 40
        })
    );
    assert_eq!(r.subjects, ["SDG 16", "Trafficking in persons"]);
    // The cover page is kept, one passage a line.
    let cover: Vec<_> = doc.unassigned.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        cover,
        [
            "A/RES/78/228",
            "Seventy-eighth session",
            "Agenda item 107",
            "Crime prevention and criminal justice"
        ]
    );
}

#[test]
fn parts_of_a_collection_are_instruments_named_by_their_letter() {
    let xml = format!(
        r#"<akomaNtoso {NS}><documentCollection name="publication">
        <coverPage><p><docNumber refersTo="symbol">A/RES/75/101 A-B</docNumber></p></coverPage>
        <preface><p><docNumber>75/101.</docNumber><docTitle>Questions relating to information</docTitle></p></preface>
        <collectionBody><component><documentRef href="a"/></component></collectionBody></documentCollection>
        <components><component><statement name="resolution"><preface><p><docNumber>A</docNumber><docTitle>Information in the service of humanity</docTitle></p></preface>
        <preamble><formula name="enactingFormula"><p>The General Assembly,</p></formula></preamble>
        <mainBody><paragraph><num>1.</num><content><p><span class="italic">Urges</span> all.</p></content></paragraph></mainBody></statement></component>
        <component><statement name="resolution"><preface><p><docNumber>B</docNumber><docTitle>United Nations global communications policies</docTitle></p></preface>
        <preamble><formula name="enactingFormula"><p>The General Assembly,</p></formula></preamble>
        <mainBody><paragraph><num>1.</num><content><p><span class="italic">Requests</span> all.</p></content></paragraph></mainBody></statement></component></components></akomaNtoso>"#
    );
    let mut docs = vec![import("t.xml", &xml).unwrap()];
    crate::cite::assign(&mut docs);
    let cites: Vec<_> = docs[0]
        .instruments
        .iter()
        .map(|i| (i.id.as_str(), i.citation.as_str()))
        .collect();
    assert_eq!(
        cites,
        [
            ("ga-res-75-101-a", "A/RES/75/101 A"),
            ("ga-res-75-101-b", "A/RES/75/101 B")
        ]
    );
    assert_eq!(
        docs[0].instruments[1].record.document_symbol.as_deref(),
        Some("A/RES/75/101 B")
    );
    assert_eq!(
        docs[0].instruments[0].title,
        "Information in the service of humanity"
    );
}

#[test]
fn headings_go_with_the_paragraph_after_them_and_annexes_are_kept() {
    let doc = imported(&format!(
        r#"{PREFACE}<mainBody><section><num>I</num><heading>Prevention</heading>
        <paragraph><num>1.</num><content><p><span class="italic">Urges</span> all.</p></content></paragraph></section>
        <container><table><tr><td><p>Post</p></td><td><p>P-5</p></td></tr></table></container></mainBody>
        <attachments><attachment><doc name="annex"><mainBody><paragraph><content><p>Annex</p></content></paragraph><paragraph><content><p>Model strategies.</p></content></paragraph></mainBody></doc></attachment></attachments>"#
    ));
    let inst = &doc.instruments[0];
    assert_eq!(inst.operative[0].heading.as_deref(), Some("I Prevention"));
    let annex: Vec<_> = inst.annex.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(annex, ["Post P-5", "Annex", "Model strategies."]);
}

#[test]
fn links_are_kept_as_references_and_footnotes_where_cited() {
    let doc = imported(&format!(
        r#"{PREFACE}<preamble><container name="Recalling"><p><span class="italic">Recalling</span> its resolution <a href="https://undocs.org/en/A/RES/70/1">70/1</a>,<authorialNote marker="1" placement="bottom"><p>Of 25 September 2015.</p></authorialNote> and</p></container></preamble>"#
    ));
    let inst = &doc.instruments[0];
    let t = &inst.preambular[0].text;
    assert_eq!(t.plain, "Recalling its resolution 70/1, and");
    assert_eq!(t.links[0].href, "https://undocs.org/en/A/RES/70/1");
    assert_eq!(t.marks[0].mark, "1");
    assert_eq!(t.marks[0].at, "Recalling its resolution 70/1,".len());
    assert_eq!(
        inst.footnote("1").unwrap().text.plain,
        "Of 25 September 2015."
    );
}

// ----- bad input -----

fn error(xml: &str) -> AknError {
    import("bad.xml", xml).unwrap_err()
}

#[test]
fn malformed_and_truncated_xml_is_an_error_with_its_place() {
    let truncated = &file(PREFACE)[..60];
    let e = error(truncated);
    assert!(matches!(e.kind, AknErrorKind::Malformed(_)), "{e:?}");
    assert_eq!(e.line, 1);
    let e = error("<akomaNtoso>\n<statement>\n</akomaNtoso>");
    assert!(matches!(e.kind, AknErrorKind::Malformed(_)));
    assert_eq!(e.line, 3);
    assert!(e.to_string().starts_with("malformed XML: "), "{e}");
}

#[test]
fn another_root_is_not_akoma_ntoso() {
    let e = error(r#"<?xml version="1.0"?><html><body>Recalling</body></html>"#);
    assert_eq!(
        e.kind,
        AknErrorKind::NotAkomaNtoso {
            root: "html".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "not an Akoma Ntoso file: the root element is <html>, expected <akomaNtoso>"
    );
}

#[test]
fn entity_declarations_are_never_expanded_nor_fetched() {
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><akomaNtoso>&lol3;</akomaNtoso>"#;
    assert_eq!(error(laughs).kind, AknErrorKind::Doctype);
    let external = r#"<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "http://example.org/x">]><akomaNtoso>&x;</akomaNtoso>"#;
    assert_eq!(error(external).kind, AknErrorKind::Doctype);
    // An entity never declared is malformed, not looked up.
    assert!(matches!(
        error("<akomaNtoso>&x;</akomaNtoso>").kind,
        AknErrorKind::Malformed(_)
    ));
}

#[test]
fn deep_nesting_is_refused_without_recursing() {
    let depth = 100_000;
    let xml = format!(
        "<akomaNtoso>{}{}</akomaNtoso>",
        "<p>".repeat(depth),
        "</p>".repeat(depth)
    );
    let e = error(&xml);
    assert_eq!(e.kind, AknErrorKind::TooDeep);
    assert!(e.column > 1);
}

#[test]
fn an_akoma_ntoso_file_with_no_resolution_warns_and_keeps_its_text() {
    let doc = import(
        "t.xml",
        &format!("<akomaNtoso {NS}><p>Stray words</p></akomaNtoso>"),
    )
    .unwrap();
    assert!(doc.instruments.is_empty());
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::NoInstrument));
    assert_eq!(doc.unassigned[0].text, "Stray words");
}

#[test]
fn a_large_file_with_one_huge_paragraph_imports() {
    let words = "trafficking in persons ".repeat(400_000);
    let doc = imported(&format!(
        r#"{PREFACE}<mainBody><paragraph><num>1.</num><content><p><span class="italic">Urges</span> {words}</p></content></paragraph></mainBody>"#
    ));
    assert!(doc.instruments[0].operative[0].text.plain.len() > 9_000_000);
}
