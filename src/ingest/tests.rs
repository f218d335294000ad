use std::path::{Path, PathBuf};

use super::session::{Outcome, Session, Source};
use super::{read, Format, ReadErrorKind, MAX_TEXT_BYTES};
use crate::bundle::{Bundle, Collection};
use crate::model::{Corpus, Origin};
use crate::search::{search, Query};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn source(path: &str) -> Source {
    let path = repo(path);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    Source::new(name, std::fs::read(&path).unwrap())
}

/// The explorer's shipped corpus, as `publish` builds it.
fn shipped() -> Bundle {
    let options = crate::corpus::CollectionOptions::default();
    crate::corpus::prepare(&[repo("corpus")], &options)
        .unwrap()
        .bundle
}

/// Twenty of the General Assembly's files, as the speed goal names them.
fn ga_files(n: usize) -> Vec<Source> {
    let dir = repo("../shared/un-akn/ga/78session");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .take(n)
        .map(|p| {
            Source::new(
                p.file_name().unwrap().to_string_lossy(),
                std::fs::read(p).unwrap(),
            )
        })
        .collect()
}

fn hits(bundle: &Bundle, query: &str) -> Vec<String> {
    search(&bundle.search, &Query::new(query), 50)
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn the_format_is_told_by_the_extension_whatever_its_case() {
    assert_eq!(Format::of("Draft.DOCX"), Ok(Format::Docx));
    assert_eq!(Format::of("78_228_E.xml"), Ok(Format::Akn));
    assert_eq!(Format::of("notes.md"), Ok(Format::Text));
    assert_eq!(
        Format::of("scan.pdf"),
        Err(ReadErrorKind::Refused {
            extension: "pdf".into()
        })
    );
}

#[test]
fn a_refused_file_is_told_what_to_do_instead() {
    let got = read("resolution.pdf", b"%PDF-1.7").unwrap_err().to_string();
    assert!(got.contains("a .pdf file cannot be read"), "{got}");
    assert!(got.contains("convert a PDF to text first"), "{got}");
    let got = read("old.doc", b"\xd0\xcf\x11\xe0")
        .unwrap_err()
        .to_string();
    assert!(got.contains("save it as a Word .docx file first"), "{got}");
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let big = vec![b'a'; MAX_TEXT_BYTES + 1];
    let got = read("huge.txt", &big).unwrap_err();
    assert!(matches!(got.kind, ReadErrorKind::TooLarge { .. }));
    assert!(got.to_string().contains("more than the 16 MB"), "{got}");
}

#[test]
fn added_documents_follow_the_shipped_ones_whose_ids_do_not_change() {
    let shipped = shipped();
    let before: Vec<String> = shipped.corpus.instruments().map(|i| i.id.clone()).collect();
    let mut session = Session::new(shipped.clone());
    let update = session.add(ga_files(3), |_, _| {});
    let after: Vec<String> = update
        .bundle
        .corpus
        .instruments()
        .map(|i| i.id.clone())
        .collect();
    assert_eq!(after[..before.len()], before[..]);
    assert!(after.len() > before.len());
    let origins: Vec<Origin> = update
        .bundle
        .corpus
        .documents
        .iter()
        .map(|d| d.origin)
        .collect();
    let shipped_docs = shipped.corpus.documents.len();
    assert!(origins[..shipped_docs]
        .iter()
        .all(|&o| o == Origin::Shipped));
    assert!(origins[shipped_docs..].iter().all(|&o| o == Origin::Added));
}

#[test]
fn an_added_resolution_is_found_by_search_and_its_report_says_what_it_holds() {
    let mut session = Session::new(shipped());
    let file = source("../shared/un-akn/ga/78session/A_RES_78_123-2325275E.xml");
    let update = session.add(vec![file], |_, _| {});
    let report = &update.reports[0];
    assert_eq!(report.outcome, Outcome::Added);
    let doc = report.document.as_ref().unwrap();
    assert_eq!(doc.format, Format::Akn);
    let inst = &doc.instruments[0];
    assert_eq!(inst.citation, "A/RES/78/123");
    assert!(inst.operative > 0, "{inst:?}");
    assert!(doc.details.contains("A/RES/78/123"), "{}", doc.details);
    let first = update
        .bundle
        .corpus
        .instruments()
        .find(|i| i.id == inst.id)
        .unwrap();
    let words: String = first.operative[0]
        .text
        .plain
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    let found = hits(&update.bundle, &format!("\"{words}\""));
    assert!(found.contains(&first.operative[0].id), "{words}: {found:?}");
    // The facet "Source" offers the added document's clauses alone.
    let mut query = Query::new("");
    query.filters.sources.insert(Origin::Added);
    let added = search(&update.bundle.search, &query, 10_000);
    assert!(added.total > 0);
    assert!(
        added.hits.iter().all(|h| h.id.starts_with(&inst.id)),
        "{:?}",
        added.hits[0].id
    );
}

#[test]
fn bad_files_are_refused_each_with_its_reason_and_the_good_ones_still_join() {
    let mut session = Session::new(shipped());
    let files = vec![
        Source::new("binary.txt", b"\x00\x01\x02PK".to_vec()),
        Source::new("empty.txt", Vec::new()),
        Source::new("broken.xml", b"<akomaNtoso><act>".to_vec()),
        Source::new(
            "notes.txt",
            b"Minutes of the meeting.\n\nWe talked.\n".to_vec(),
        ),
        Source::new("photo.png", b"\x89PNG".to_vec()),
        source("corpus/ccpcj-children-and-ict.txt"),
    ];
    let update = session.add(files, |_, _| {});
    let outcome = |name: &str| {
        update
            .reports
            .iter()
            .find(|r| r.name == name)
            .unwrap()
            .outcome
            .clone()
    };
    let refused = |name: &str| match outcome(name) {
        Outcome::Refused(why) => why,
        other => panic!("{name}: {other:?}"),
    };
    assert!(refused("binary.txt").contains("binary data"));
    assert!(refused("empty.txt").contains("empty"));
    assert!(refused("broken.xml").starts_with("line 1"));
    assert!(
        refused("notes.txt").contains("no resolution or decision"),
        "{}",
        refused("notes.txt")
    );
    assert!(refused("photo.png").contains("cannot be read"));
    assert_eq!(outcome("ccpcj-children-and-ict.txt"), Outcome::Added);
    assert_eq!(session.sources().count(), 1);
}

#[test]
fn the_same_file_twice_is_added_once_and_a_new_version_replaces_the_old() {
    let mut session = Session::new(Bundle::build(Corpus::default(), Collection::default()));
    let file = source("corpus/ccpcj-children-and-ict.txt");
    let update = session.add(vec![file.clone(), file.clone()], |_, _| {});
    assert_eq!(update.reports[0].outcome, Outcome::Added);
    assert_eq!(
        update.reports[1].outcome,
        Outcome::AlreadyAdded {
            as_name: file.name.clone()
        }
    );
    let mut edited = file.clone();
    edited
        .bytes
        .extend_from_slice(b"\n3. *Decides* to remain seized of the matter.\n");
    let update = session.add(vec![edited], |_, _| {});
    assert_eq!(update.reports[0].outcome, Outcome::Replaced);
    assert_eq!(session.sources().count(), 1);
}

#[test]
fn removing_every_added_document_gives_back_the_shipped_corpus() {
    let shipped = shipped();
    let mut session = Session::new(shipped.clone());
    session.add(ga_files(2), |_, _| {});
    let names: Vec<String> = session.sources().map(|s| s.name.clone()).collect();
    assert!(session.remove(&names[0]));
    assert!(!session.remove(&names[0]));
    assert_eq!(session.sources().count(), 1);
    session.clear();
    assert_eq!(session.bundle(), shipped);
}

#[test]
fn five_hundred_files_at_once_are_each_reported_with_progress_counted() {
    let mut session = Session::new(Bundle::build(Corpus::default(), Collection::default()));
    let files: Vec<Source> = (0..500)
        .map(|k| {
            let text = format!(
                "Resolution {k}/1\n\nTitle {k}\n\nThe Commission on Narcotic Drugs,\n\n1. *Decides* to meet {k} times.\n"
            );
            Source::new(format!("draft-{k}.txt"), text.into_bytes())
        })
        .collect();
    let mut ticks = Vec::new();
    let update = session.add(files, |done, total| ticks.push((done, total)));
    assert_eq!(ticks.len(), 500);
    assert_eq!(ticks.last(), Some(&(500, 500)));
    assert_eq!(update.reports.len(), 500);
    assert!(update.reports.iter().all(|r| r.outcome == Outcome::Added));
    assert_eq!(update.bundle.corpus.instruments().count(), 500);
}

#[test]
fn a_protocol_message_carries_a_session_update_unchanged() {
    use super::protocol::{Corpus as Changed, Reply, Storage};
    let mut session = Session::new(Bundle::build(Corpus::default(), Collection::default()));
    let update = session.add(vec![source("corpus/ccpcj-children-and-ict.txt")], |_, _| {});
    let reply = Reply::Changed(Changed {
        bundle: postcard::to_allocvec(&update.bundle).unwrap(),
        added: session.documents(&update.bundle),
        reports: update.reports.clone(),
        storage: Storage::NotKept {
            why: "private window".into(),
        },
    });
    let Reply::Changed(got) = Reply::decode(&reply.encode()).unwrap() else {
        panic!("not a change");
    };
    assert_eq!(Bundle::decode(&got.bundle).unwrap(), update.bundle);
    assert_eq!(got.added[0].name, "ccpcj-children-and-ict.txt");
}

#[test]
fn an_export_of_added_documents_adds_them_all_back() {
    let mut session = Session::new(Bundle::build(Corpus::default(), Collection::default()));
    session.add(
        vec![
            source("corpus/ccpcj-children-and-ict.txt"),
            source("../shared/un-akn/ga/78session/A_RES_78_123-2325275E.xml"),
        ],
        |_, _| {},
    );
    let export = super::archive::write(session.sources());
    let mut elsewhere = Session::new(Bundle::build(Corpus::default(), Collection::default()));
    let update = elsewhere.add(
        vec![Source::new(super::archive::EXPORT_NAME, export)],
        |_, _| {},
    );
    let names: Vec<&str> = update.reports.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        ["ccpcj-children-and-ict.txt", "A_RES_78_123-2325275E.xml"]
    );
    assert!(update.reports.iter().all(|r| r.outcome == Outcome::Added));
    assert_eq!(update.bundle, session.bundle());
}

#[test]
fn a_zip_bomb_is_refused_and_nothing_already_added_is_lost() {
    let mut session = Session::new(Bundle::build(Corpus::default(), Collection::default()));
    session.add(vec![source("corpus/ccpcj-children-and-ict.txt")], |_, _| {});
    // 300 MB of zeros deflates to a few hundred kilobytes.
    let zeros = Source::new("zeros.txt", vec![0u8; 300 << 20]);
    let bomb = super::archive::write([zeros].iter());
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    let update = session.add(vec![Source::new("bomb.zip", bomb)], |_, _| {});
    match &update.reports[0].outcome {
        Outcome::Refused(why) => assert!(why.contains("more than 256 MB"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(session.sources().count(), 1);
    let update = session.add(
        vec![Source::new("fake.zip", b"PK\x03\x04 not really".to_vec())],
        |_, _| {},
    );
    assert!(
        matches!(&update.reports[0].outcome, Outcome::Refused(why) if why.contains("not a zip"))
    );
}
