//! Loading a corpus folder: every `.txt`, `.md`, `.xml` and `.docx` file, in file-name
//! order, parsed, with the folder's manifest applied and ids made unique
//! across the whole corpus.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::bundle::{Bundle, Collection};
use crate::ingest::{self, ReadError};
use crate::manifest::{self, Manifest};
use crate::model::{Corpus, Document};
use crate::warning::WarningKind;

/// A corpus made ready for the explorer: the bundle to publish, and the
/// parser's warnings, one line each (`file:line: message`).
#[derive(Debug)]
pub struct Prepared {
    pub bundle: Bundle,
    pub warnings: Vec<String>,
}

/// What `publish` may say of the collection over its manifests.
#[derive(Clone, Debug, Default)]
pub struct CollectionOptions {
    pub title: Option<String>,
    pub description: Option<String>,
}

/// Reads, parses and indexes corpus folders and files for the explorer
/// (`clause-explorer publish`). Fails with one line per problem,
/// `file:line: reason`, when a file cannot be read, holds no resolution
/// or decision, or nothing was given to read.
pub fn prepare(paths: &[PathBuf], options: &CollectionOptions) -> Result<Prepared, Vec<String>> {
    let (loaded, manifests) = load_paths(paths);
    let mut problems: Vec<String> = loaded
        .errors
        .iter()
        .map(|e| match &e.kind {
            FileErrorKind::Read(read) => match read.location() {
                Some((line, None)) => format!("{}:{line}: {read}", e.path.display()),
                _ => e.to_string(),
            },
            _ => e.to_string(),
        })
        .collect();
    // Each document's problems name the path it was read from: a file
    // that holds no instrument stops publishing, anything else warns.
    let mut warnings = Vec::new();
    for (doc, path) in loaded.corpus.documents.iter().zip(&loaded.paths) {
        for w in &doc.warnings {
            let line = format!("{}:{}: {}", path.display(), w.line, w.kind);
            if w.kind == WarningKind::NoInstrument {
                problems.push(line);
            } else {
                warnings.push(line);
            }
        }
    }
    if loaded.corpus.documents.is_empty() && problems.is_empty() {
        let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        problems.push(format!(
            "{}: no .txt, .md, .xml or .docx files to read",
            named.join(", ")
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let collection = collection(&manifests, options);
    Ok(Prepared {
        bundle: Bundle::build(loaded.corpus, collection),
        warnings,
    })
}

/// The collection's name: the options first, then the first manifest that
/// names it; every distinct attribution, in the order given.
fn collection(manifests: &[Manifest], options: &CollectionOptions) -> Collection {
    let first = |field: fn(&Manifest) -> Option<&String>| {
        manifests
            .iter()
            .find_map(field)
            .cloned()
            .unwrap_or_default()
    };
    let mut attribution: Vec<String> = Vec::new();
    for a in manifests
        .iter()
        .filter_map(|m| m.collection.attribution.as_ref())
    {
        if !attribution.contains(a) {
            attribution.push(a.clone());
        }
    }
    Collection {
        title: options
            .title
            .clone()
            .unwrap_or_else(|| first(|m| m.collection.title.as_ref())),
        description: options
            .description
            .clone()
            .unwrap_or_else(|| first(|m| m.collection.description.as_ref())),
        attribution,
    }
}

/// Loads folders (every text file in them) and files, applying the
/// manifest of each folder; returns the manifests found, in order.
/// Sources are named relative to what was given, so that two folders'
/// files with one name stay apart in messages.
pub fn load_paths(paths: &[PathBuf]) -> (Loaded, Vec<Manifest>) {
    let mut groups: Vec<(PathBuf, Vec<PathBuf>)> = Vec::new();
    let mut loaded = Loaded::default();
    for path in paths {
        if path.is_dir() {
            match text_files(path) {
                Ok(files) => groups.push((path.clone(), files)),
                Err(e) => loaded.errors.push(e),
            }
            continue;
        }
        let dir = path.parent().unwrap_or(Path::new("")).to_owned();
        match groups.iter_mut().find(|(d, _)| *d == dir) {
            Some((_, files)) => files.push(path.clone()),
            None => groups.push((dir, vec![path.clone()])),
        }
    }
    let mut manifests = Vec::new();
    for (dir, files) in &groups {
        let manifest = match read_manifest(&dir.join(manifest::FILE_NAME)) {
            Ok(m) => m,
            Err(e) => {
                loaded.errors.push(e);
                None
            }
        };
        let mut one = load_files(files, manifest.as_ref());
        loaded.corpus.documents.append(&mut one.corpus.documents);
        loaded.paths.append(&mut one.paths);
        loaded.errors.append(&mut one.errors);
        loaded.recovered.append(&mut one.recovered);
        manifests.extend(manifest);
    }
    settle(&mut loaded);
    (loaded, manifests)
}

/// Names every instrument and clause, then fills what citations between
/// the texts tell of instruments without a symbol.
fn settle(loaded: &mut Loaded) {
    let more = ingest::settle(&mut loaded.corpus);
    loaded
        .recovered
        .retain(|r| !more.iter().any(|m| m.instrument == r.instrument));
    loaded.recovered.extend(more);
}

/// A file that could not be read as a resolution text.
#[derive(Debug)]
pub struct FileError {
    pub path: PathBuf,
    pub kind: FileErrorKind,
}

#[derive(Debug)]
pub enum FileErrorKind {
    /// Occurs when the file cannot be opened or read.
    Io(std::io::Error),
    /// Occurs when the file cannot be read in its format: not text, not
    /// well-formed XML, not a Word document (see [`ReadError`]).
    Read(ReadError),
    /// Occurs when the manifest is not valid TOML or has unknown fields.
    Manifest(String),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.kind {
            FileErrorKind::Io(e) => write!(f, "{path}: cannot read: {e}"),
            FileErrorKind::Read(e) => match e.location() {
                Some((line, Some(column))) => write!(f, "{path}:{line}:{column}: {e}"),
                _ => write!(f, "{path}: {e}"),
            },
            FileErrorKind::Manifest(e) => write!(f, "{path}: invalid manifest: {e}"),
        }
    }
}

impl std::error::Error for FileError {}

/// A loaded corpus and the files that could not be read.
#[derive(Debug, Default)]
pub struct Loaded {
    pub corpus: Corpus,
    /// The path each document was read from, in document order.
    pub paths: Vec<PathBuf>,
    pub errors: Vec<FileError>,
    /// Symbols and years filled from other texts' citations, and
    /// citations that disagreed ([`crate::refs::recover`]).
    pub recovered: Vec<crate::refs::Recovered>,
}

/// Whether a path names a resolution by its extension: a text (`.txt`,
/// `.md`), the UN's Akoma Ntoso XML (`.xml`) or Word (`.docx`).
pub fn is_text_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| ingest::Format::of(n).is_ok())
}

/// Every `.xml` file under `dir`, in any sub-folder, in path order (the
/// UN's folders hold a folder a session); an unreadable folder holds none.
pub fn xml_files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    walk(
        dir,
        &mut |p| p.extension().is_some_and(|e| e == "xml"),
        &mut out,
    );
    out.sort();
    out
}

/// Collects the files under `dir` that `keep` accepts, sub-folders
/// included; unreadable sub-folders are skipped, so only the top folder
/// can fail.
fn walk(dir: &Path, keep: &mut dyn FnMut(&Path) -> bool, out: &mut Vec<PathBuf>) {
    for p in std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
    {
        if p.is_dir() {
            walk(&p, keep, out);
        } else if p.is_file() && keep(&p) {
            out.push(p);
        }
    }
}

/// Reads and parses one file.
pub fn read_document(path: &Path) -> Result<(Document, String), FileError> {
    let error = |kind| FileError {
        path: path.to_owned(),
        kind,
    };
    let bytes = std::fs::read(path).map_err(|e| error(FileErrorKind::Io(e)))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    ingest::read(&name, &bytes).map_err(|e| error(FileErrorKind::Read(e)))
}

/// Loads every text file of `dir` with its manifest, if any.
pub fn load_dir(dir: &Path) -> Result<Loaded, FileError> {
    let paths = text_files(dir)?;
    let manifest = read_manifest(&dir.join(manifest::FILE_NAME))?;
    Ok(load_files(&paths, manifest.as_ref()))
}

/// The text files of a folder and of its sub-folders (the UN's folders
/// hold one a session), in path order.
fn text_files(dir: &Path) -> Result<Vec<PathBuf>, FileError> {
    // Reading the top folder first gives its own error a name.
    std::fs::read_dir(dir).map_err(|e| FileError {
        path: dir.to_owned(),
        kind: FileErrorKind::Io(e),
    })?;
    let mut paths = Vec::new();
    walk(dir, &mut |p| is_text_file(p), &mut paths);
    paths.sort();
    Ok(paths)
}

/// Reads the manifest at `path`; `None` when there is none.
pub fn read_manifest(path: &Path) -> Result<Option<Manifest>, FileError> {
    if !path.exists() {
        return Ok(None);
    }
    let error = |kind| FileError {
        path: path.to_owned(),
        kind,
    };
    let text = std::fs::read_to_string(path).map_err(|e| error(FileErrorKind::Io(e)))?;
    Manifest::from_toml(&text)
        .map(Some)
        .map_err(|e| error(FileErrorKind::Manifest(e)))
}

/// Loads the given files, applying the manifest entries that name them.
pub fn load_files(paths: &[PathBuf], manifest: Option<&Manifest>) -> Loaded {
    let mut loaded = Loaded::default();
    for path in paths {
        match read_document(path) {
            Ok((mut doc, text)) => {
                if let Some(entry) = manifest.and_then(|m| m.file(&doc.source)) {
                    manifest::apply(&mut doc, entry, &text);
                }
                loaded.corpus.documents.push(doc);
                loaded.paths.push(path.clone());
            }
            Err(e) => loaded.errors.push(e),
        }
    }
    settle(&mut loaded);
    loaded
}
