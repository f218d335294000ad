//! The trail: dots set apart, no year, no similar paragraph, odd years.

use super::*;

fn point(id: &str, year: Option<u16>, similarity: f32) -> TrailPoint {
    TrailPoint {
        id: id.into(),
        citation: format!("Res. {id}"),
        year,
        similarity,
    }
}

/// The `(cx, cy)` of every dot of a picture.
fn dots(svg: &str) -> Vec<(f64, f64)> {
    let doc = roxmltree::Document::parse(svg).expect("well formed");
    doc.descendants()
        .filter(|n| n.has_tag_name("circle"))
        .map(|n| {
            let at = |a| {
                n.attribute(a)
                    .and_then(|v: &str| v.parse().ok())
                    .unwrap_or(0.0)
            };
            (at("cx"), at("cy"))
        })
        .collect()
}

#[test]
fn dots_of_one_year_and_similarity_are_set_apart_not_stacked() {
    let t = Trail {
        paragraph: point("a", Some(2020), 1.0),
        similar: vec![
            point("b", Some(2021), 0.5),
            point("c", Some(2021), 0.5),
            point("d", Some(2021), 0.5),
            point("e", None, 0.3),
        ],
    };
    let picture = trail(&t);
    check(&picture);
    let got = dots(&picture.svg);
    assert_eq!(got.len(), 4);
    for (k, a) in got.iter().enumerate() {
        for b in &got[k + 1..] {
            assert!(a != b, "{a:?} drawn twice");
        }
    }
    // Same similarity, same height; the unknown year far right.
    assert!(got[..3].iter().all(|d| d.1 == got[0].1));
    assert!(got[3].0 > got[..3].iter().map(|d| d.0).fold(0.0, f64::max));
    let rows: Vec<String> = picture
        .alt_table
        .rows
        .iter()
        .map(|r| r[1].plain())
        .collect();
    assert_eq!(rows, ["2020", "2021", "2021", "2021", "unknown"]);
}

#[test]
fn a_trail_with_nothing_similar_or_no_year_at_all_still_draws() {
    let lonely = Trail {
        paragraph: point("a", Some(2020), 1.0),
        similar: vec![],
    };
    let picture = trail(&lonely);
    check(&picture);
    assert!(picture
        .svg
        .contains("No paragraph of another instrument shares the language"));
    let undated = Trail {
        paragraph: point("a", None, 1.0),
        similar: vec![point("b", None, 0.4)],
    };
    let picture = trail(&undated);
    assert_eq!(check(&picture), ["#/p/a", "#/compare?a=a&b=b"]);
    assert!(!picture.svg.contains("Year adopted"));
}

#[test]
fn a_hostile_citation_is_escaped_on_the_trail() {
    let mut t = Trail {
        paragraph: point("a", Some(2020), 1.0),
        similar: vec![point("b", Some(2022), 0.4)],
    };
    t.similar[0].citation = HOSTILE.into();
    let picture = trail(&t);
    check(&picture);
    assert!(!picture.svg.contains("<script"));
}

#[test]
fn a_trail_over_centuries_labels_a_few_years_and_does_not_overflow() {
    let t = Trail {
        paragraph: point("a", Some(0), 1.0),
        similar: vec![
            point("b", Some(u16::MAX), f32::NAN),
            point("c", Some(1990), 0.5),
        ],
    };
    let picture = trail(&t);
    check(&picture);
    let doc = roxmltree::Document::parse(&picture.svg).expect("well formed");
    let years: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .filter(|t| t.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    assert_eq!(
        years,
        ["0", "10000", "20000", "30000", "40000", "50000", "60000"]
    );
}
