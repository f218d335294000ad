//! The reuse matrix: shading, links, the cap, ragged input.

use super::*;

/// Instruments with nothing but an id and a citation.
fn bare(n: usize) -> Vec<Instrument> {
    (0..n)
        .map(|k| Instrument {
            id: format!("i-{k}"),
            citation: format!("Res. {k}"),
            ..Default::default()
        })
        .collect()
}

#[test]
fn a_matrix_cell_is_shaded_by_its_share_and_links_to_the_alignment_unless_nothing_is_shared() {
    let insts = bare(3);
    let refs: Vec<&Instrument> = insts.iter().collect();
    let shares = vec![
        vec![1.0, 0.8, 0.0],
        vec![0.3, 1.0, 0.1],
        vec![0.0, 0.6, 1.0],
    ];
    let picture = reuse_matrix(&refs, &shares);
    let hrefs = check(&picture);
    let cells: Vec<&String> = hrefs.iter().filter(|h| h.starts_with("#/align")).collect();
    assert_eq!(
        cells,
        [
            "#/align?a=i-0&b=i-1",
            "#/align?a=i-1&b=i-0",
            "#/align?a=i-1&b=i-2",
            "#/align?a=i-2&b=i-1"
        ]
    );
    for class in [
        "pic-share-0",
        "pic-share-1",
        "pic-share-2",
        "pic-share-3",
        "pic-share-4",
    ] {
        assert!(picture.svg.contains(class), "{class}");
    }
    let expected = "\
Shared language between instruments: share of each row's paragraphs with a counterpart in the column
Paragraphs of | Res. 0 | Res. 1 | Res. 2
[Res. 0] | — | [80%] | 0%
[Res. 1] | [30%] | — | [10%]
[Res. 2] | 0% | [60%] | —
";
    assert_eq!(outline(&picture.alt_table), expected);
}

#[test]
fn a_matrix_of_no_instruments_says_there_is_nothing_to_compare_and_a_ragged_one_does_not_panic() {
    let picture = reuse_matrix(&[], &[]);
    check(&picture);
    assert!(picture.svg.contains("No instruments to compare."));
    assert!(picture.alt_table.rows.is_empty());
    assert!(reuse_shares(&[]).is_empty());
    let insts = bare(2);
    let refs: Vec<&Instrument> = insts.iter().collect();
    let picture = reuse_matrix(&refs, &[vec![1.0, f32::NAN]]);
    check(&picture);
    assert_eq!(picture.alt_table.rows[1][1].plain(), "0%");
}

#[test]
fn above_the_cap_the_most_connected_instruments_are_shown_in_their_order() {
    let n = MATRIX_MAX + 5;
    let insts = bare(n);
    let refs: Vec<&Instrument> = insts.iter().collect();
    // Instruments 0 to 4 share nothing; the others share a little each.
    let shares: Vec<Vec<f32>> = (0..n)
        .map(|a| {
            (0..n)
                .map(|b| match (a, b) {
                    _ if a == b => 1.0,
                    (0..5, _) | (_, 0..5) => 0.0,
                    _ => 0.1,
                })
                .collect()
        })
        .collect();
    let picture = reuse_matrix(&refs, &shares);
    check(&picture);
    let rows: Vec<String> = picture
        .alt_table
        .rows
        .iter()
        .map(|r| r[0].plain())
        .collect();
    let expected: Vec<String> = (5..n).map(|k| format!("Res. {k}")).collect();
    assert_eq!(rows, expected);
    assert!(picture
        .svg
        .contains("The 40 most connected of 45 instruments are shown."));
}

#[test]
fn a_hostile_citation_is_escaped_in_the_matrix() {
    let mut insts = bare(2);
    insts[0].citation = HOSTILE.into();
    let refs: Vec<&Instrument> = insts.iter().collect();
    let picture = reuse_matrix(&refs, &[vec![1.0, 0.5], vec![0.5, 1.0]]);
    check(&picture);
    assert!(!picture.svg.contains("<script"));
    assert_eq!(picture.alt_table.header[1], HOSTILE);
}
