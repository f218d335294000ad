//! What a manifest fills in, what it may not overrule, and what it says
//! when it names nothing.

use super::*;
use crate::model::Provenance;
use crate::parse::parse_document;

/// A file of one resolution, with designation, title and (when `body` is
/// true) its adopting body.
fn text(body: bool) -> String {
    let body = if body {
        "The Commission on Crime Prevention and Criminal Justice,\n\n"
    } else {
        ""
    };
    format!(
        "Resolution 33/1\n\nCountering trafficking in persons\n\n{body}\
         *Recalling* its resolutions,\n\n1. *Urges* States to act.\n"
    )
}

fn entry(toml: &str) -> FileEntry {
    let manifest = Manifest::from_toml(toml).expect("a manifest");
    manifest.file("a.txt").expect("an entry for a.txt").clone()
}

#[test]
fn a_body_the_text_lacks_is_filled_from_the_manifest_and_says_so() {
    let src = text(false);
    let mut doc = parse_document("a.txt", &src);
    assert_eq!(doc.instruments[0].body, None, "the text has no body");
    let e = entry(
        "[[file]]\nname = \"a.txt\"\n[[file.instrument]]\ntitle = \"Countering\"\n\
         body = \"The Commission on Crime Prevention and Criminal Justice\"\nyear = 2024\n",
    );
    apply(&mut doc, &e, &src);
    let inst = &doc.instruments[0];
    let expected = (
        Some("The Commission on Crime Prevention and Criminal Justice"),
        Some(Provenance::Manifest),
        Some(2024),
        Some(Provenance::Manifest),
    );
    let got = (
        inst.body.as_deref(),
        inst.body_from,
        inst.year,
        inst.year_from,
    );
    assert_eq!(got, expected);
    assert_eq!(doc.warnings, []);
}

#[test]
fn a_body_the_text_gives_stays_from_the_text() {
    let src = text(true);
    let mut doc = parse_document("a.txt", &src);
    let e = entry(
        "[[file]]\nname = \"a.txt\"\n[[file.instrument]]\ntitle = \"Countering\"\n\
         body = \"The Commission on Crime Prevention and Criminal Justice\"\n",
    );
    apply(&mut doc, &e, &src);
    assert_eq!(doc.instruments[0].body_from, Some(Provenance::Text));
    assert_eq!(doc.warnings, []);
}

#[test]
fn a_manifest_value_that_contradicts_the_text_loses_with_a_warning_on_its_line() {
    let src = format!("Front matter\n\n{}", text(true));
    let mut doc = parse_document("a.txt", &src);
    let warnings_before = doc.warnings.len();
    let e = entry(
        "[[file]]\nname = \"a.txt\"\n[[file.instrument]]\ntitle = \"countering TRAFFICKING\"\n\
         symbol = \"34/2\"\n",
    );
    apply(&mut doc, &e, &src);
    let inst = &doc.instruments[0];
    assert_eq!(
        (inst.symbol.as_deref(), inst.symbol_from),
        (Some("33/1"), Some(Provenance::Text))
    );
    let got: Vec<(&WarningKind, usize)> = doc.warnings[warnings_before..]
        .iter()
        .map(|w| (&w.kind, w.line))
        .collect();
    let expected = WarningKind::ManifestConflict {
        field: "symbol".to_owned(),
        text: "33/1".to_owned(),
        manifest: "34/2".to_owned(),
    };
    assert_eq!(got, [(&expected, line_of(&src, inst.span.start))]);
    assert!(line_of(&src, inst.span.start) > 1);
    assert_eq!(
        expected.to_string(),
        "manifest gives symbol \u{201c}34/2\u{201d} but the text says \u{201c}33/1\u{201d}; the text wins"
    );
}

#[test]
fn an_entry_that_matches_no_instrument_is_a_warning_and_changes_nothing() {
    let src = text(false);
    let mut doc = parse_document("a.txt", &src);
    let before = doc.instruments.clone();
    let e = entry(
        "[[file]]\nname = \"a.txt\"\n[[file.instrument]]\ntitle = \"Strengthening\"\nyear = 2020\n\
         [[file.instrument]]\ntitle = \"Countering\"\nkind = \"decision\"\nyear = 2021\n",
    );
    apply(&mut doc, &e, &src);
    assert_eq!(doc.instruments, before);
    let got: Vec<&WarningKind> = doc.warnings.iter().map(|w| &w.kind).collect();
    assert_eq!(
        got,
        [
            &WarningKind::ManifestUnmatched {
                entry: "Strengthening".to_owned()
            },
            // The title matches, the kind does not.
            &WarningKind::ManifestUnmatched {
                entry: "Countering".to_owned()
            },
        ]
    );
}

#[test]
fn a_manifest_with_an_unknown_field_is_refused_with_its_name() {
    let got = Manifest::from_toml("[[file]]\nname = \"a.txt\"\nsymbl = \"1/1\"\n");
    let message = got.expect_err("an unknown field");
    assert!(message.contains("symbl"), "{message}");
}
