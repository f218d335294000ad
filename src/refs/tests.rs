//! Reference forms found and normalised, on sentences from the shipped
//! corpus and from ../shared/un-akn; look-alikes that are not references.

use super::*;

fn keys(text: &str, body: &str) -> Vec<String> {
    detect(text, &Context::body(body))
        .into_iter()
        .map(|r| r.key)
        .collect()
}

/// (citing body, text, keys found in order).
const FORMS: &[(&str, &str, &[&str])] = &[
    ("CCPCJ", "Recalling its resolution 5/2 of 22 October 2010", &["ccpcj-res-5-2"]),
    ("HRC", "Recalling its resolution 5/2", &["hrc-res-5-2"]),
    ("CCPCJ", "Recalling General Assembly resolution 70/1 of 25 September 2015, entitled “Transforming our world”", &["ga-res-70-1"]),
    ("GA", "Recalling its resolution 70/1 of 25 September 2015", &["ga-res-70-1"]),
    ("GA", "Recalling also Security Council resolution 2331 (2016) of 20 December 2016", &["sc-res-2331-2016"]),
    ("GA", "Recalling S/RES/2331 (2016)", &["sc-res-2331-2016"]),
    ("HRC", "Recalling A/RES/70/1 and A/HRC/RES/5/2", &["ga-res-70-1", "hrc-res-5-2"]),
    ("CCPCJ", "Recalling its decision 33/1", &["ccpcj-dec-33-1"]),
    ("GA", "Recalling its resolutions 64/293, 72/1 and 76/7", &["ga-res-64-293", "ga-res-72-1", "ga-res-76-7"]),
    ("GA", "Recalling its resolutions 64/293 of 30 July 2010, 72/1 of 27 September 2017 and 76/7 of 22 November 2021", &["ga-res-64-293", "ga-res-72-1", "ga-res-76-7"]),
    ("GA", "Recalling its resolutions 72/1, and 76/7", &["ga-res-72-1", "ga-res-76-7"]),
    ("HRC", "Recalling Human Rights Council resolutions 5/1 and 5/2 of 18 June 2007", &["hrc-res-5-1", "hrc-res-5-2"]),
    ("GA", "Recalling the Human Rights Council resolution 54/3", &["hrc-res-54-3"]),
    ("ECOSOC", "Recalling Economic and Social Council resolution 2021/25 of 22 July 2021", &["ecosoc-res-2021-25"]),
    ("GA", "Recalling Economic and Social Council decision 2021/225", &["ecosoc-dec-2021-225"]),
    ("GA", "Recalling Commission on Crime Prevention and Criminal Justice resolution 27/2 of 18 May 2018", &["ccpcj-res-27-2"]),
    ("CCPCJ", "Recalling Conference of the Parties to the United Nations Convention against Transnational Organized Crime resolution 11/5", &["untoc-cop-res-11-5"]),
    ("HRC", "Recalling also Commission on Human Rights resolution 2005/35 of 19 April 2005", &["chr-res-2005-35"]),
    ("HRC", "Recalling further General Assembly in its resolution 60/251 of 15 March 2006", &["ga-res-60-251"]),
    ("HRC", "Recalling that the General Assembly, in its resolution 60/251, decided", &["ga-res-60-251"]),
    ("HRC", "Recalling General Assembly resolution 60/251 and Council resolution 5/1", &["ga-res-60-251", "hrc-res-5-1"]),
    ("ECOSOC", "Recalling Council resolution 2019/18", &["ecosoc-res-2019-18"]),
    ("CCPCJ", "Recalling Assembly resolution 70/1", &["ga-res-70-1"]),
    ("GA", "Recalling resolution 2331 (2016)", &["sc-res-2331-2016"]),
    ("GA", "Recalling its resolution 217 A (III) of 10 December 1948", &["ga-res-217-a-iii"]),
    ("GA", "Recalling its resolution 1514 (XV) of 14 December 1960", &["ga-res-1514-xv"]),
    ("GA", "Recalling its resolution 48/218 B of 29 July 1994", &["ga-res-48-218-b"]),
    ("GA", "Recalling its resolution ES-10/21", &["ga-res-es-10-21"]),
    ("GA", "Resolution 55/25, annex II.", &["ga-res-55-25"]),
    ("CCPCJ", "General Assembly resolution 55/25, annex I.", &["ga-res-55-25"]),
    ("GA", "Recalling United Nations Environment Assembly resolution 5/14 of 2 March 2022", &["unea-res-5-14"]),
    ("GA", "Noting Security Council resolutions 2331 (2016) and 2388 (2017)", &["sc-res-2331-2016", "sc-res-2388-2017"]),
    ("GA", "the United Nations Convention against Transnational Organized Crime and the Protocols thereto", &["untoc"]),
    ("GA", "the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime", &["trafficking-protocol"]),
    ("CCPCJ", "States parties to the Trafficking in Persons Protocol", &["trafficking-protocol"]),
    ("GA", "the United Nations Global Plan of Action to Combat Trafficking in Persons", &["global-plan-of-action"]),
    ("GA", "the 2030 Agenda for Sustainable Development", &["agenda-2030"]),
    ("GA", "Guided by the Charter of the United Nations and the Universal Declaration of Human Rights", &["un-charter", "udhr"]),
];

#[test]
fn reference_forms_are_found_and_normalised() {
    let mut wrong = Vec::new();
    for (body, text, expected) in FORMS {
        let got = keys(text, body);
        if got != *expected {
            wrong.push(format!("{text:?} ({body}): {got:?}, expected {expected:?}"));
        }
    }
    assert!(FORMS.len() >= 30);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Texts that look like references and are not.
const LOOK_ALIKES: &[&str] = &[
    "as set out in paragraph 5/2 of the report",
    "the present resolution, adopted on 16 May 2024",
    "Adopted at the 7th meeting, on 24/7 basis",
    "see pp. 12/13 of the annex",
    "decision-making processes 2015/16",
    "in the resolution of 2015",
    "the draft resolution 5",
    "available 24/7 to victims",
    "report A/78/535 of the Secretary-General",
    "the convention against corruption of officials",
    "in its resolutions on the subject",
];

#[test]
fn look_alikes_are_no_references() {
    let mut wrong = Vec::new();
    for text in LOOK_ALIKES {
        let got = keys(text, "GA");
        if !got.is_empty() {
            wrong.push(format!("{text:?}: {got:?}"));
        }
    }
    assert!(LOOK_ALIKES.len() >= 10);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_date_and_a_title_are_read_with_the_reference() {
    let text = "Recalling also Commission on Crime Prevention and Criminal Justice resolution 27/2 of 18 May 2018, entitled “Preventing and combating trafficking in persons facilitated by the criminal misuse of information and communications technologies”,";
    let found = detect(text, &Context::body("GA"));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].key, "ccpcj-res-27-2");
    assert_eq!(found[0].date.as_deref(), Some("2018-05-18"));
    assert_eq!(
        found[0].title.as_deref(),
        Some("Preventing and combating trafficking in persons facilitated by the criminal misuse of information and communications technologies")
    );
    assert_eq!(
        &text[found[0].span.start..found[0].span.end],
        "resolution 27/2"
    );
}

#[test]
fn a_link_names_its_target_exactly() {
    let text = "Recalling resolution 48/218 and the report A/78/535";
    let at = |s: &str| {
        let start = text.find(s).unwrap();
        Span::new(start, start + s.len())
    };
    let links = [
        Link {
            span: at("48/218"),
            href: "https://undocs.org/en/A/RES/48/218b".into(),
        },
        Link {
            span: at("A/78/535"),
            href: "https://undocs.org/en/A/78/535".into(),
        },
    ];
    let found = detect_with_links(text, &links, &Context::body("HRC"));
    let keys: Vec<&str> = found.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["ga-res-48-218-b", "doc-a-78-535"]);
    assert_eq!(
        super::symbol::link_target("https://example.org/A/RES/1/1"),
        None
    );
    assert_eq!(
        super::symbol::link_target("https://undocs.org/en/S/RES/2331(2016)").map(|c| c.key()),
        Some("sc-res-2331-2016".into())
    );
}

#[test]
fn hostile_text_gives_no_panic() {
    let long = "resolution 1/".repeat(100_000);
    for text in [
        "",
        "resolution",
        "resolution ",
        "resolutions 5/",
        "its resolution 5/2 of 31 Smarch 2020",
        ", entitled “",
        "resolution 5/2, entitled “unclosed",
        "Résolution 5/2 ééé decision 3/1",
        "decision 9999999/1",
        "resolution (2016)",
        "resolution 12 (",
        "A/RES/",
        "S/RES/12(",
        long.as_str(),
        "\u{0}resolution\u{0}5/2",
        "resolution 5/2 to 5/9",
    ] {
        let _ = detect(text, &Context::body("GA"));
        let _ = detect(text, &Context::default());
    }
}

#[test]
fn without_a_citing_body_its_references_are_left_out() {
    assert!(keys("Recalling its resolution 5/2", "").len() <= 1);
    assert!(detect("Recalling its resolution 5/2", &Context::default()).is_empty());
}

#[test]
fn a_body_named_without_a_keyword_is_inherited_in_its_sentence() {
    let text = "Recognizing that the Conference of the Parties to the Convention is established to review the implementation of the Convention, and in this regard taking note of resolutions 10/1 of 16 October 2020 and 10/3";
    assert_eq!(
        keys(text, "GA"),
        ["untoc-cop-res-10-1", "untoc-cop-res-10-3"]
    );
}
