//! The alignment threshold on real renewals: three General Assembly
//! resolutions of each of two series, each aligned with the one it
//! renewed ("Improving the coordination of efforts against trafficking in
//! persons" 76/186 → 78/228 → 80/228; "Trafficking in women and girls"
//! 75/158 → 77/194 → 79/154).
//!
//! The texts in `tests/fixtures/ga-renewals/` were converted by hand (a
//! throwaway script) from the Akoma Ntoso XML of DGACM, United Nations
//! (unofficial copies, `../shared/un-akn/ga`), footnotes left out.
//!
//! Every pairing the alignment makes below 0.2 when nothing is cut off
//! (threshold 0) was judged by eye, in [`JUDGED`]; above 0.2 the pairs
//! whose openings differ were read too, and all are counterparts. The
//! test fails when the alignment pairs differently in that zone (judge
//! the new pairs), when a chance pairing is made at the default threshold
//! (precision), or when recall falls below 99 %.

use clause_explorer::align::{align, align_with, Settings};
use clause_explorer::model::{Instrument, Part};
use clause_explorer::parse::parse_document;

/// Each renewal: the earlier text, the later.
const RENEWALS: [(&str, &str); 4] = [
    ("ga-76-186", "ga-78-228"),
    ("ga-78-228", "ga-80-228"),
    ("ga-75-158", "ga-77-194"),
    ("ga-77-194", "ga-79-154"),
];

/// A pairing judged by eye: renewal (index into [`RENEWALS`]), part,
/// 1-based paragraph in the earlier and the later text, and whether they
/// are counterparts (the later one renews the earlier one's clause).
struct Judged {
    renewal: usize,
    part: Part,
    first: usize,
    second: usize,
    counterpart: bool,
}

const fn judged(
    renewal: usize,
    part: Part,
    first: usize,
    second: usize,
    counterpart: bool,
) -> Judged {
    Judged {
        renewal,
        part,
        first,
        second,
        counterpart,
    }
}

use Part::{Operative as Op, Preambular as Pp};

const JUDGED: &[Judged] = &[
    // Unrelated: COVID-19 and unemployment, against migration and trafficking.
    judged(0, Pp, 5, 17, false),
    // Unrelated: multilateralism against detection of abuse material.
    judged(0, Op, 18, 18, false),
    // Counterparts at 0.065, the one miss: "the COVID-19 pandemic is one
    // of the greatest global challenges" became "was one of …", and the
    // rest of the paragraph was rewritten.
    judged(0, Pp, 4, 4, true),
    // "Second Work Plan … Western Hemisphere" renewed as "Third Work Plan".
    judged(0, Pp, 36, 40, true),
    // The thematic focus of the Inter-Agency Coordination Group.
    judged(0, Pp, 21, 23, true),
    // The "Welcoming the adoption" clause of each text: the modalities
    // resolution 75/283, then the 2021 Political Declaration it led to.
    judged(0, Pp, 15, 14, true),
    // "Also encourages Member States to cooperate … with the
    // Inter-Agency Coordination Group".
    judged(0, Op, 21, 25, true),
    // The "Takes note" clause of each text, now noting the Group's Plan
    // of Action instead of its briefing.
    judged(0, Op, 11, 11, true),
    // Unrelated: the 2022 Co-Chairs against protection of victims.
    judged(1, Pp, 21, 44, false),
    // The Co-Chairs clause renewed for another year (2021 → 2025, 2023 → 2024).
    judged(1, Pp, 20, 22, true),
    judged(1, Pp, 22, 21, true),
    // The "Welcoming the adoption" clause again: the 2021 Political
    // Declaration, then the modalities resolution 79/286.
    judged(1, Pp, 14, 14, true),
    // Unrelated: world summits against the International Migration Review Forum.
    judged(2, Pp, 7, 10, false),
    // Unrelated: tourism against the central role of UNODC.
    judged(2, Op, 23, 23, false),
    // The agreed conclusions of the Commission on the Status of Women,
    // sixty-second session renewed as sixty-sixth.
    judged(2, Pp, 13, 13, true),
    // The global compact for migration: negotiations concluded, then adopted.
    judged(2, Pp, 10, 9, true),
    // Unrelated: ICTs against forced labour.
    judged(3, Pp, 29, 9, false),
];

fn load(name: &str) -> Instrument {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ga-renewals")
        .join(format!("{name}.txt"));
    let text = std::fs::read_to_string(&path).expect("a fixture");
    let mut doc = parse_document(&format!("{name}.txt"), &text);
    assert_eq!(doc.instruments.len(), 1, "{name}");
    doc.instruments.remove(0)
}

/// `(part, first, second, score)` of each paired row, 1-based.
fn pairs(a: &clause_explorer::align::Alignment) -> Vec<(Part, usize, usize, f32)> {
    a.rows
        .iter()
        .filter_map(|r| {
            Some((
                r.part,
                r.first?.paragraph + 1,
                r.second?.paragraph + 1,
                r.score,
            ))
        })
        .collect()
}

#[test]
fn at_the_threshold_renewals_pair_their_counterparts_and_no_chance_overlap() {
    let (mut made, mut wrong, mut missed) = (0, 0, 0);
    for (k, (earlier, later)) in RENEWALS.iter().enumerate() {
        let (first, second) = (load(earlier), load(later));
        let judged_here: Vec<&Judged> = JUDGED.iter().filter(|j| j.renewal == k).collect();
        let find = |part: Part, a: usize, b: usize| {
            judged_here
                .iter()
                .find(|j| j.part == part && j.first == a && j.second == b)
        };
        // The zone below 0.2 is judged in full.
        let everything = align_with(
            &first,
            &second,
            &Settings {
                threshold: 0.0,
                ..Settings::DEFAULT
            },
        );
        let low: Vec<_> = pairs(&everything)
            .into_iter()
            .filter(|p| p.3 < 0.2)
            .collect();
        for &(part, a, b, score) in &low {
            assert!(
                find(part, a, b).is_some(),
                "{earlier} → {later}: {part:?} {a} ⇄ {b} at {score:.3} is not judged; read it and add it to JUDGED"
            );
        }
        assert_eq!(
            low.len(),
            judged_here.len(),
            "{earlier} → {later}: a judged pairing is no longer made"
        );
        // At the default threshold.
        let at_threshold = pairs(&align(&first, &second));
        made += at_threshold.len();
        wrong += at_threshold
            .iter()
            .filter(|p| find(p.0, p.1, p.2).is_some_and(|j| !j.counterpart))
            .count();
        missed += judged_here
            .iter()
            .filter(|j| j.counterpart)
            .filter(|j| {
                !at_threshold
                    .iter()
                    .any(|p| (p.0, p.1, p.2) == (j.part, j.first, j.second))
            })
            .count();
    }
    let precision = (made - wrong) as f64 / made as f64;
    let recall = (made - wrong) as f64 / (made - wrong + missed) as f64;
    assert_eq!(
        (made, wrong, missed),
        (323, 0, 1),
        "precision {precision:.3}, recall {recall:.3}"
    );
    assert!(precision == 1.0 && recall >= 0.99);
}
