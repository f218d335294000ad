//! Alignment behaviour on small instruments, and golden alignments of real
//! instrument pairs of the corpus.

use super::*;
use crate::model::Document;
use crate::parse::parse_document;

fn instrument(body: &str) -> Document {
    parse_document(
        "test.txt",
        &format!(
            "Resolution 1/1\n\nA title\n\nThe Commission on Crime Prevention and Criminal Justice,\n\n{body}"
        ),
    )
}

/// `(part, first, second, status)` of each row, with 1-based ordinals.
fn shape(a: &Alignment) -> Vec<(Part, Option<usize>, Option<usize>, Status)> {
    a.rows
        .iter()
        .map(|r| {
            let ordinal = |p: Place| {
                assert_eq!(p.piece, Piece::Whole);
                p.paragraph + 1
            };
            (
                r.part,
                r.first.map(ordinal),
                r.second.map(ordinal),
                r.status,
            )
        })
        .collect()
}

#[test]
fn renumbering_alone_is_no_change() {
    let first = instrument(
        "1. *Welcomes* the report of the Secretary-General;\n\n\
         2. *Takes note* of the meeting held in Vienna;\n\n\
         3. *Requests* the Office to report to the Commission at its next session.\n",
    );
    let second = instrument(
        "1. *Decides* to hold an intersessional meeting on the protection of victims;\n\n\
         2. *Encourages* the exchange of good practices among practitioners;\n\n\
         3. *Welcomes* the report of the Secretary-General;\n\n\
         4. *Takes note* of the meeting held in Vienna;\n\n\
         5. *Requests* the Office to report to the Commission at its next session.\n",
    );
    let a = align(&first.instruments[0], &second.instruments[0]);
    use Part::Operative as Op;
    assert_eq!(
        shape(&a),
        [
            (Op, None, Some(1), Status::OnlyInSecond),
            (Op, None, Some(2), Status::OnlyInSecond),
            (Op, Some(1), Some(3), Status::Identical),
            (Op, Some(2), Some(4), Status::Identical),
            (Op, Some(3), Some(5), Status::Identical),
        ]
    );
    assert_eq!(
        a.summary,
        Summary {
            identical: 3,
            changed: 0,
            only_in_first: 0,
            only_in_second: 2
        }
    );
}

#[test]
fn a_paragraph_that_moved_and_was_edited_keeps_its_counterpart() {
    let first = instrument(
        "1. *Urges* Member States that have not yet done so to consider ratifying or acceding to \
         the Convention and the Protocol, and calls upon States parties to implement them fully;\n\n\
         2. *Requests* the Office to continue providing technical assistance to Member States.\n",
    );
    let second = instrument(
        "1. *Requests* the Office to continue providing technical assistance to Member States, \
         upon request;\n\n\
         2. *Invites* Member States to share information with the Office;\n\n\
         3. *Also urges* Member States that have not yet done so to consider ratifying or acceding \
         to the Convention and the Protocol, and calls upon States parties to implement them \
         fully and effectively.\n",
    );
    let a = align(&first.instruments[0], &second.instruments[0]);
    use Part::Operative as Op;
    assert_eq!(
        shape(&a),
        [
            (Op, Some(1), Some(3), Status::Changed),
            (Op, Some(2), Some(1), Status::Changed),
            (Op, None, Some(2), Status::OnlyInSecond),
        ]
    );
}

#[test]
fn paragraphs_sharing_only_boilerplate_are_not_paired() {
    let first = instrument(
        "*Recalling* its resolution on the protection of victims,\n\n\
         1. *Requests* the United Nations Office on Drugs and Crime to assist Member States in \
         training judges and prosecutors to try cases of trafficking in persons;\n\n\
         2. *Invites* Member States to fund the activities described above.\n",
    );
    let second = instrument(
        "*Noting with concern* the rise of forced labour in supply chains,\n\n\
         1. *Encourages* Member States to collect and share data on trafficking in persons with \
         the United Nations Office on Drugs and Crime and with regional organizations;\n\n\
         2. *Decides* to remain seized of the matter.\n",
    );
    let a = align(&first.instruments[0], &second.instruments[0]);
    assert_eq!(
        a.summary.identical + a.summary.changed,
        0,
        "{:?}",
        shape(&a)
    );
}

#[test]
fn preambular_paragraphs_pair_only_with_preambular_ones() {
    let first = instrument(
        "*Recognizing* the need to protect victims of trafficking in persons from prosecution,\n\n\
         1. *Decides* to remain seized of the matter.\n",
    );
    let second = instrument(
        "1. *Recognizes* the need to protect victims of trafficking in persons from prosecution;\n\n\
         2. *Decides* to remain seized of the matter.\n",
    );
    let a = align(&first.instruments[0], &second.instruments[0]);
    use Part::{Operative as Op, Preambular as Pp};
    assert_eq!(
        shape(&a),
        [
            (Pp, Some(1), None, Status::OnlyInFirst),
            (Op, None, Some(1), Status::OnlyInSecond),
            (Op, Some(1), Some(2), Status::Identical),
        ]
    );
}

#[test]
fn paragraphs_only_in_the_second_follow_their_nearest_paired_predecessor() {
    let first = instrument(
        "1. *Welcomes* the report of the Secretary-General on the trust fund;\n\n\
         2. *Takes note* of the meeting of the working group held in Vienna;\n\n\
         3. *Requests* the Office to report to the Commission at its next session.\n",
    );
    let second = instrument(
        "1. *Takes note* of the meeting of the working group held in Vienna;\n\n\
         2. *Decides* to hold an intersessional meeting on the protection of victims;\n\n\
         3. *Welcomes* the report of the Secretary-General on the trust fund;\n\n\
         4. *Requests* the Office to report to the Commission at its next session;\n\n\
         5. *Encourages* the exchange of good practices among practitioners.\n",
    );
    let a = align(&first.instruments[0], &second.instruments[0]);
    use Part::Operative as Op;
    assert_eq!(
        shape(&a),
        [
            (Op, Some(1), Some(3), Status::Identical),
            (Op, Some(2), Some(1), Status::Identical),
            (Op, None, Some(2), Status::OnlyInSecond),
            // The closing full stop became a semicolon.
            (Op, Some(3), Some(4), Status::Changed),
            (Op, None, Some(5), Status::OnlyInSecond),
        ]
    );
}

#[test]
fn instruments_without_paragraphs_align_to_nothing() {
    let empty = instrument("");
    let some = instrument("1. *Decides* to remain seized of the matter.\n");
    let empty = empty
        .instruments
        .first()
        .expect("a designation, a title and a body make an instrument");
    assert_eq!(empty.paragraphs().count(), 0);
    let a = align(empty, &some.instruments[0]);
    assert_eq!(a.summary.only_in_second, 1);
    assert_eq!(align(empty, empty).rows, []);
}

#[test]
fn huge_and_hostile_paragraphs_align_without_trouble() {
    let huge = "Urges Member States to act on trafficking in persons, ".repeat(20_000);
    let first = instrument(&format!(
        "1. *Urges* {huge};\n\n2. *Invites* <script>alert('States')</script> to act;\n\n3. ;\n"
    ));
    let second = instrument(&format!(
        "1. *Invites* <script>alert('States')</script> to act;\n\n2. *Urges* {huge} and more.\n"
    ));
    let a = align(&first.instruments[0], &second.instruments[0]);
    assert!(
        a.summary.identical + a.summary.changed >= 2,
        "{:?}",
        shape(&a)
    );
}

#[cfg(feature = "native")]
mod golden {
    use super::*;
    use crate::model::{Corpus, Instrument};

    fn corpus() -> Corpus {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        crate::corpus::load_dir(&dir)
            .expect("the corpus loads")
            .corpus
    }

    fn find<'c>(corpus: &'c Corpus, id: &str) -> &'c Instrument {
        corpus
            .instruments()
            .find(|i| i.id == id)
            .unwrap_or_else(|| panic!("no instrument {id}"))
    }

    fn golden(first: &str, second: &str) -> String {
        let corpus = corpus();
        let (a, b) = (find(&corpus, first), find(&corpus, second));
        let alignment = align(a, b);
        let s = alignment.summary;
        format!(
            "{} ⇄ {}\nidentical {}, changed {}, only in first {}, only in second {}\n\n{}",
            a.citation,
            b.citation,
            s.identical,
            s.changed,
            s.only_in_first,
            s.only_in_second,
            render(&alignment, a, b)
        )
    }

    const ICT_FACILITATED: &str = "ccpcj-res-preventing-combating-trafficking-persons-facilitated";
    const RES_33_1: &str = "ccpcj-res-33-1";
    const STRENGTHENING: &str = "ccpcj-res-strengthening-measures-trafficking-persons";
    const COP_11_5: &str = "untoc-cop-res-11-5";
    const CHILDREN: &str = "ccpcj-res-improving-protection-children-trafficking-persons";

    #[test]
    fn ict_facilitated_trafficking_against_ccpcj_33_1() {
        insta::assert_snapshot!(golden(ICT_FACILITATED, RES_33_1));
    }

    #[test]
    fn strengthening_measures_against_cop_11_5() {
        insta::assert_snapshot!(golden(STRENGTHENING, COP_11_5));
    }

    #[test]
    fn children_and_ict_against_ict_facilitated_trafficking() {
        insta::assert_snapshot!(golden(CHILDREN, ICT_FACILITATED));
    }

    #[test]
    fn children_and_ict_against_ccpcj_33_1() {
        insta::assert_snapshot!(golden(CHILDREN, RES_33_1));
    }

    #[test]
    fn an_instrument_against_itself_is_identical_throughout() {
        let corpus = corpus();
        for inst in corpus.instruments() {
            let a = align(inst, inst);
            assert_eq!(
                a.summary.identical,
                inst.paragraphs().count(),
                "{}",
                inst.id
            );
        }
    }
}
