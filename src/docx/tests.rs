//! The Word reader on the CCPCJ 33/1 excerpt (typed numbers, and Word's
//! automatic numbering), checked against the corpus's own text of the same
//! resolution, and on the files a user may drop by mistake or by malice.

use std::io::{Cursor, Write};
use std::path::Path;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::{to_text, DocxErrorKind, SizeLimit, MAX_PART_BYTES};
use crate::model::{Instrument, Paragraph};
use crate::parse::parse_document;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/docx")
        .join(name);
    std::fs::read(path).unwrap()
}

fn instrument_of(name: &str, text: &str) -> Instrument {
    let doc = parse_document(name, text);
    assert!(doc.warnings.is_empty(), "{name}: {:?}", doc.warnings);
    assert_eq!(doc.instruments.len(), 1, "{name}");
    doc.instruments.into_iter().next().unwrap()
}

/// CCPCJ 33/1 as the corpus holds it (converted from the report's PDF).
fn corpus_resolution() -> Instrument {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/ccpcj-33-1-rapid-technological-change.txt");
    let text = std::fs::read_to_string(path).unwrap();
    parse_document("ccpcj-33-1.txt", &text)
        .instruments
        .into_iter()
        .find(|i| i.designation.as_deref() == Some("Resolution 33/1"))
        .expect("the corpus holds resolution 33/1")
}

/// A paragraph's words with its sub-paragraphs', as one comparable string.
fn words(p: &Paragraph) -> String {
    let mut out = p.text.plain.clone();
    let mut stack: Vec<_> = p.subparagraphs.iter().rev().collect();
    while let Some(s) = stack.pop() {
        out.push_str(&format!(" {} {}", s.label, s.text.plain));
        stack.extend(s.subparagraphs.iter().rev());
    }
    out
}

/// A .docx of `document.xml` (the body's inner XML) and any other parts.
fn docx(body: &str, others: &[(&str, &[u8])]) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}</w:body></w:document>"
    );
    let mut parts = vec![("word/document.xml", document.as_bytes())];
    parts.extend_from_slice(others);
    zip_of(&parts)
}

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn para(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

#[test]
fn typed_and_automatic_numbering_read_as_the_same_resolution() {
    let typed = to_text(&fixture("ccpcj-33-1-excerpt.docx")).unwrap();
    let numbered = to_text(&fixture("ccpcj-33-1-excerpt-numbered.docx")).unwrap();
    let a = instrument_of("typed.docx", &typed);
    let b = instrument_of("numbered.docx", &numbered);
    assert_eq!(a.designation.as_deref(), Some("Resolution 33/1"));
    assert_eq!(
        a.body.as_deref(),
        Some("The Commission on Crime Prevention and Criminal Justice")
    );
    assert_eq!((a.preambular.len(), a.operative.len()), (6, 11));
    let leads = |i: &Instrument| -> Vec<Option<String>> {
        i.preambular
            .iter()
            .chain(&i.operative)
            .map(|p| p.lead.clone())
            .collect()
    };
    assert_eq!(leads(&a), leads(&b));
    assert_eq!(a.operative[0].lead.as_deref(), Some("Urges"));
    assert_eq!(a.operative[2].lead.as_deref(), Some("Also reaffirms"));
    let all = |i: &Instrument| -> Vec<String> {
        i.preambular.iter().chain(&i.operative).map(words).collect()
    };
    assert_eq!(all(&a), all(&b));
    let labels: Vec<&str> = a.preambular[4]
        .subparagraphs
        .iter()
        .map(|s| s.label.as_str())
        .collect();
    assert_eq!(labels, ["a", "b", "c", "d", "e", "f", "g"]);
    // Footnotes keep the report's numbering (w:numStart 24) and their place.
    let marks: Vec<&str> = a.footnotes.iter().map(|f| f.mark.as_str()).collect();
    assert_eq!(marks, ["24", "25", "26"]);
    assert_eq!(
        a.footnotes[0].text.plain,
        "United Nations, Treaty Series, vol. 2225, No. 39574."
    );
    assert!(
        a.preambular[2].text.marks.iter().any(|m| m.mark == "24"),
        "{:?}",
        a.preambular[2].text.marks
    );
}

#[test]
fn every_paragraph_of_the_word_excerpt_is_the_corpus_text_word_for_word() {
    let corpus = corpus_resolution();
    for name in [
        "ccpcj-33-1-excerpt.docx",
        "ccpcj-33-1-excerpt-numbered.docx",
    ] {
        let word = instrument_of(name, &to_text(&fixture(name)).unwrap());
        for p in &word.operative {
            let same = corpus
                .operative
                .iter()
                .find(|c| c.number == p.number)
                .unwrap();
            assert_eq!(words(p), words(same), "{name} operative {:?}", p.number);
        }
        for p in &word.preambular {
            assert!(
                corpus.preambular.iter().any(|c| words(c) == words(p)),
                "{name}: {} is not in the corpus text",
                p.text.plain
            );
        }
    }
}

#[test]
fn files_that_are_not_word_documents_are_told_apart() {
    let kind = |bytes: &[u8]| to_text(bytes).unwrap_err().kind;
    assert!(matches!(kind(b""), DocxErrorKind::NotAZip(_)));
    assert!(matches!(
        kind(b"%PDF-1.7\n%\xe2\xe3"),
        DocxErrorKind::NotAZip(_)
    ));
    assert!(matches!(kind(&[0xFF; 4096]), DocxErrorKind::NotAZip(_)));
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(2048, 0);
    assert_eq!(kind(&ole), DocxErrorKind::CompoundFile);
    let sheet = zip_of(&[("xl/workbook.xml", b"<workbook/>")]);
    assert_eq!(kind(&sheet), DocxErrorKind::NoDocument);
    // A download cut short loses the zip's directory, at its end.
    let whole = fixture("ccpcj-33-1-excerpt.docx");
    assert!(matches!(
        kind(&whole[..whole.len() / 2]),
        DocxErrorKind::NotAZip(_)
    ));
    for kind in [DocxErrorKind::CompoundFile, DocxErrorKind::NoDocument] {
        let message = super::DocxError::new(kind).to_string();
        assert!(message.contains("save"), "{message}");
    }
}

#[test]
fn a_damaged_part_or_broken_xml_is_an_error_naming_the_part() {
    let mut bytes = docx(&para(&"Recalling its resolutions ".repeat(200)), &[]);
    // Damage the deflated data in the middle of document.xml's entry.
    let at = bytes
        .windows(17)
        .position(|w| w == b"word/document.xml")
        .unwrap()
        + 17
        + 40;
    for b in &mut bytes[at..at + 16] {
        *b ^= 0x5A;
    }
    match to_text(&bytes).unwrap_err().kind {
        DocxErrorKind::Corrupt { part, .. } | DocxErrorKind::Xml { part, .. } => {
            assert_eq!(part, "word/document.xml")
        }
        other => panic!("{other:?}"),
    }
    let broken = zip_of(&[("word/document.xml", b"<w:document><w:body><w:p>")]);
    assert!(
        matches!(to_text(&broken).unwrap_err().kind, DocxErrorKind::Xml { part, .. } if part == "word/document.xml")
    );
    let bad_styles = docx(&para("Text"), &[("word/styles.xml", b"\xFF\xFE\x00\xD8")]);
    assert!(
        matches!(to_text(&bad_styles).unwrap_err().kind, DocxErrorKind::Xml { part, .. } if part == "word/styles.xml")
    );
}

#[test]
fn a_zip_bomb_stops_at_the_limit_counted_while_inflating() {
    // 40 MiB of one byte deflates to about 40 KiB; the zip declares it.
    let big = vec![b' '; (MAX_PART_BYTES + (8 << 20)) as usize];
    let bomb = zip_of(&[("word/document.xml", &big)]);
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    assert_eq!(
        to_text(&bomb).unwrap_err().kind,
        DocxErrorKind::TooLarge {
            part: "word/document.xml".into(),
            limit: SizeLimit::Part
        }
    );
    // A declared size that lies small: the entry's header says 100 bytes.
    let mut lying = bomb.clone();
    let size = (big.len() as u32).to_le_bytes();
    let small = 100u32.to_le_bytes();
    let mut patched = 0;
    let mut i = 0;
    while let Some(at) = lying[i..].windows(4).position(|w| w == size) {
        lying[i + at..i + at + 4].copy_from_slice(&small);
        patched += 1;
        i += at + 4;
    }
    assert!(
        patched >= 2,
        "the local and central headers both carry the size"
    );
    let kind = to_text(&lying).unwrap_err().kind;
    assert!(
        matches!(
            kind,
            DocxErrorKind::TooLarge { .. }
                | DocxErrorKind::Corrupt { .. }
                | DocxErrorKind::Xml { .. }
        ),
        "{kind:?}"
    );
}

#[test]
fn entities_and_deep_nesting_cannot_blow_up() {
    let laughs = "<?xml version=\"1.0\"?><!DOCTYPE w:document [\
        <!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\
        <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\
        <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\
        <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>\
        <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
        <w:body><w:p><w:r><w:t>&h;</w:t></w:r></w:p></w:body></w:document>";
    let bytes = zip_of(&[("word/document.xml", laughs.as_bytes())]);
    match to_text(&bytes) {
        Err(e) => assert!(matches!(e.kind, DocxErrorKind::Xml { .. }), "{e:?}"),
        Ok(text) => assert!(text.len() < 1 << 20, "{} bytes", text.len()),
    }
    let deep = format!(
        "{}{}{}",
        "<w:sdt><w:sdtContent>".repeat(5000),
        para("Deep"),
        "</w:sdtContent></w:sdt>".repeat(5000)
    );
    let kind = to_text(&docx(&deep, &[])).unwrap_err().kind;
    assert!(
        matches!(kind, DocxErrorKind::Xml { ref reason, .. } if reason.contains("deep") || reason.contains("nest")),
        "{kind:?}"
    );
}

#[test]
fn word_text_that_looks_like_markup_reads_back_as_itself() {
    let body = [
        para("# not a heading"),
        para("---"),
        para("5 * 3 &lt;sup&gt;4&lt;/sup&gt; \\ [a](b) &amp;amp; m² and *stars*"),
        "<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Recalling</w:t></w:r><w:r><w:t xml:space=\"preserve\"> its resolution 32/1,</w:t></w:r></w:p>".to_owned(),
    ]
    .concat();
    let text = to_text(&docx(&body, &[])).unwrap();
    let doc = parse_document("markup.docx", &text);
    let plain: Vec<String> = doc
        .unassigned
        .iter()
        .map(|p| p.text.clone())
        .chain(
            doc.instruments
                .iter()
                .flat_map(|i| i.preambular.iter().map(|p| p.text.plain.clone())),
        )
        .collect();
    let all = plain.join("\n");
    for expected in [
        "# not a heading",
        "---",
        "5 * 3 <sup>4</sup> \\ [a](b) &amp; m² and *stars*",
    ] {
        assert!(
            all.contains(expected),
            "{expected:?} not in {all:?}\nfrom {text:?}"
        );
    }
    assert!(text.contains("*Recalling* its resolution 32/1,"), "{text}");
}
