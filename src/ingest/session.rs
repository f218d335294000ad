//! The documents a reader has added in the page, and the corpus they make
//! with the published one.
//!
//! Every change (files added, one removed, all removed) rebuilds the whole
//! bundle, indexes and all, from the published documents followed by the
//! added ones: the published documents come first and [`super::settle`]
//! names in document order, so their ids, and every link to them, never
//! change; and search, Similar, comparison, alignment, citations and the
//! pictures take the added documents in with no second code path.
//!
//! ```
//! use clause_explorer::bundle::{Bundle, Collection};
//! use clause_explorer::ingest::session::{Outcome, Session, Source};
//! use clause_explorer::model::Corpus;
//! let mut session = Session::new(Bundle::build(Corpus::default(), Collection::default()));
//! let text = b"Resolution 1/1\n\nA title\n\nThe Commission on Narcotic Drugs,\n\n1. *Decides* to act.\n".to_vec();
//! let update = session.add(vec![Source::new("draft.txt", text.clone())], |_, _| {});
//! assert_eq!(update.reports[0].outcome, Outcome::Added);
//! assert_eq!(update.bundle.corpus.instruments().count(), 1);
//! let again = session.add(vec![Source::new("copy.txt", text)], |_, _| {});
//! assert_eq!(again.reports[0].outcome, Outcome::AlreadyAdded { as_name: "draft.txt".into() });
//! ```

use std::hash::{Hash, Hasher};

use serde::{Deserialize, Serialize};

use super::{read, Format};
use crate::bundle::Bundle;
use crate::model::{Document, Origin};
use crate::warning::WarningKind;

/// A file as the reader gave it: its name and bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Source {
    pub fn new(name: impl Into<String>, bytes: Vec<u8>) -> Source {
        Source {
            name: name.into(),
            bytes,
        }
    }
}

/// The published corpus and what the reader added to it.
pub struct Session {
    shipped: Bundle,
    added: Vec<Entry>,
}

struct Entry {
    source: Source,
    format: Format,
    /// Parsed, before ids are given (they depend on what precedes it).
    doc: Document,
    digest: u64,
}

/// What became of one file given to [`Session::add`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// It was read and joined the corpus.
    Added,
    /// It was read and took the place of the added file of the same name.
    Replaced,
    /// The same bytes were already added, under this name: not added twice.
    AlreadyAdded { as_name: String },
    /// It was not read: why, for the reader.
    Refused(String),
}

/// One file's report: what became of it and, when it joined, what it
/// holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub name: String,
    pub outcome: Outcome,
    pub document: Option<AddedDocument>,
}

/// An added document, as the library lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AddedDocument {
    /// The file's name, which names the document among the added ones.
    pub name: String,
    pub format: Format,
    pub bytes: u64,
    pub instruments: Vec<Found>,
    pub warnings: usize,
    /// What `clause-explorer check` prints of it.
    pub details: String,
}

/// An instrument of an added document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    pub id: String,
    pub citation: String,
    pub title: String,
    pub preambular: u32,
    pub operative: u32,
}

/// The corpus after a change, and the report of each file given.
pub struct Update {
    pub bundle: Bundle,
    pub reports: Vec<FileReport>,
}

impl Session {
    pub fn new(shipped: Bundle) -> Session {
        Session {
            shipped,
            added: Vec::new(),
        }
    }

    /// Reads each file, calling `progress(done, total)` after each, and
    /// joins those that hold a resolution or decision. A file that cannot
    /// be read is refused with its reason, and the others still join.
    /// A `.zip` (such as an export of added documents) adds the files it
    /// holds.
    pub fn add(&mut self, files: Vec<Source>, mut progress: impl FnMut(usize, usize)) -> Update {
        let mut outcomes = Vec::with_capacity(files.len());
        let mut unpacked = Vec::with_capacity(files.len());
        for source in files {
            if !is_zip_name(&source.name) {
                unpacked.push(source);
                continue;
            }
            match super::archive::read(&source.bytes) {
                Ok(inside) => unpacked.extend(inside),
                Err(why) => outcomes.push((source.name, Outcome::Refused(why))),
            }
        }
        let total = unpacked.len();
        for (done, source) in unpacked.into_iter().enumerate() {
            let name = source.name.clone();
            outcomes.push((name, self.take(source)));
            progress(done + 1, total);
        }
        let bundle = self.bundle();
        let documents = self.documents(&bundle);
        let reports = outcomes
            .into_iter()
            .map(|(name, outcome)| {
                let document = matches!(outcome, Outcome::Added | Outcome::Replaced)
                    .then(|| documents.iter().find(|d| d.name == name).cloned())
                    .flatten();
                FileReport {
                    name,
                    outcome,
                    document,
                }
            })
            .collect();
        Update { bundle, reports }
    }

    fn take(&mut self, source: Source) -> Outcome {
        let digest = digest(&source.bytes);
        if let Some(same) = self
            .added
            .iter()
            .find(|e| e.digest == digest && e.source.bytes == source.bytes)
        {
            return Outcome::AlreadyAdded {
                as_name: same.source.name.clone(),
            };
        }
        let format = match Format::of(&source.name) {
            Ok(f) => f,
            Err(kind) => return Outcome::Refused(super::ReadError { kind }.to_string()),
        };
        let (mut doc, _) = match read(&source.name, &source.bytes) {
            Ok(read) => read,
            Err(e) => return Outcome::Refused(located(&e)),
        };
        if let Some(w) = doc
            .warnings
            .iter()
            .find(|w| w.kind == WarningKind::NoInstrument)
        {
            return Outcome::Refused(format!("line {}: {}", w.line, w.kind));
        }
        doc.origin = Origin::Added;
        let replaced = self.remove(&source.name);
        self.added.push(Entry {
            source,
            format,
            doc,
            digest,
        });
        if replaced {
            Outcome::Replaced
        } else {
            Outcome::Added
        }
    }

    /// Removes the added document of that file name; whether there was one.
    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.added.len();
        self.added.retain(|e| e.source.name != name);
        self.added.len() != before
    }

    /// Removes every added document.
    pub fn clear(&mut self) {
        self.added.clear();
    }

    /// The published corpus with the added documents after it, settled
    /// and indexed.
    pub fn bundle(&self) -> Bundle {
        if self.added.is_empty() {
            return self.shipped.clone();
        }
        let mut corpus = self.shipped.corpus.clone();
        corpus
            .documents
            .extend(self.added.iter().map(|e| e.doc.clone()));
        super::settle(&mut corpus);
        Bundle::build(corpus, self.shipped.collection.clone())
    }

    /// The added documents as `bundle` (from [`Session::bundle`]) names
    /// them.
    pub fn documents(&self, bundle: &Bundle) -> Vec<AddedDocument> {
        let shipped = self.shipped.corpus.documents.len();
        self.added
            .iter()
            .zip(bundle.corpus.documents.iter().skip(shipped))
            .map(|(entry, doc)| describe(entry, doc))
            .collect()
    }

    /// The added files, in the order they were added.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.added.iter().map(|e| &e.source)
    }
}

fn describe(entry: &Entry, doc: &Document) -> AddedDocument {
    let mut details = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = crate::report::document(&mut details, doc, &[]);
    AddedDocument {
        name: entry.source.name.clone(),
        format: entry.format,
        bytes: entry.source.bytes.len() as u64,
        instruments: doc
            .instruments
            .iter()
            .map(|i| Found {
                id: i.id.clone(),
                citation: i.citation.clone(),
                title: i.title.clone(),
                preambular: i.preambular.len() as u32,
                operative: i.operative.len() as u32,
            })
            .collect(),
        warnings: doc.warnings.len(),
        details: String::from_utf8_lossy(&details).into_owned(),
    }
}

/// A read error with its line, as `check` words it.
fn located(e: &super::ReadError) -> String {
    match e.location() {
        Some((line, Some(column))) => format!("line {line}, column {column}: {e}"),
        Some((line, None)) => format!("line {line}: {e}"),
        None => e.to_string(),
    }
}

fn is_zip_name(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("zip"))
}

/// Tells files apart without comparing every byte of every pair.
fn digest(bytes: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}
