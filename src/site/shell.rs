//! The app shell: the wasm-bindgen glue, the wasm and the styles, and the
//! document reader's glue and wasm (a Web Worker, loaded only when a reader
//! adds documents), read from a built explorer.

use std::fmt;
#[cfg(feature = "native")]
use std::path::Path;
use std::path::PathBuf;

use base64::Engine;

use super::page::{self, marks};

/// The corpus-independent part of the explorer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shell {
    /// The wasm-bindgen glue (an ES module exporting `__wbg_init`).
    pub glue: String,
    pub wasm: Vec<u8>,
    pub css: String,
    /// The document reader; `None` in explorers published before it
    /// existed, whose pages cannot add documents.
    pub worker: Option<WorkerShell>,
}

/// The document reader: wasm-bindgen glue built for a worker (no
/// modules: it defines one global, the reader's start function) and its wasm.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkerShell {
    pub glue: String,
    pub wasm: Vec<u8>,
}

/// The names Trunk gives the document reader in the folder it builds
/// (a worker's files are named by its binary, without a hash).
#[cfg(feature = "native")]
const TRUNK_WORKER_GLUE: &str = "clause-explorer-worker.js";
#[cfg(feature = "native")]
const TRUNK_WORKER_WASM: &str = "clause-explorer-worker_bg.wasm";

/// Why no shell could be read.
#[derive(Debug)]
pub enum ShellError {
    /// Occurs when a file of the shell cannot be read.
    Io(PathBuf, std::io::Error),
    /// Occurs when the folder or file is not a built explorer, or lacks a
    /// part of one; says which part.
    NotAnExplorer(PathBuf, String),
}

impl fmt::Display for ShellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShellError::Io(path, e) => write!(f, "{}: {e}", path.display()),
            ShellError::NotAnExplorer(path, what) => write!(
                f,
                "{}: not a built Clause Explorer ({what}); give a folder built by `scripts/serve.sh` \
                 or `trunk build`, a folder written by `publish`, or an explorer's clause-explorer.html",
                path.display()
            ),
        }
    }
}

impl std::error::Error for ShellError {}

/// How wasm-bindgen's glue ends: recognises it whatever its file name.
#[cfg(feature = "native")]
const GLUE_EXPORT: &str = "__wbg_init as default";

impl Shell {
    /// Reads the shell from a built folder or from a single file.
    #[cfg(feature = "native")]
    pub fn read(path: &Path) -> Result<Shell, ShellError> {
        if path.is_dir() {
            Shell::from_folder(path)
        } else {
            let html = read_text(path)?;
            Shell::from_single_file(&html)
                .map_err(|what| ShellError::NotAnExplorer(path.into(), what))
        }
    }

    /// Reads the shell of a served folder: the glue and wasm that its
    /// `index.html` starts (`data-glue`, `data-wasm` on the boot script) and
    /// the stylesheets it links; the document reader that it names
    /// (`data-worker-glue`, `data-worker-wasm`) or that Trunk built.
    #[cfg(feature = "native")]
    pub fn from_folder(dir: &Path) -> Result<Shell, ShellError> {
        let index_path = dir.join("index.html");
        let not = |what: &str| ShellError::NotAnExplorer(dir.into(), what.to_owned());
        let index = read_text(&index_path).map_err(|_| not("no index.html"))?;
        let glue_href =
            attribute(&index, "data-glue").ok_or_else(|| not("index.html starts no glue"))?;
        let wasm_href =
            attribute(&index, "data-wasm").ok_or_else(|| not("index.html names no wasm"))?;
        let glue = read_text(&dir.join(local(&glue_href)))?;
        if !glue.contains(GLUE_EXPORT) {
            return Err(not("its glue is not wasm-bindgen's"));
        }
        let wasm = std::fs::read(dir.join(local(&wasm_href)))
            .map_err(|e| ShellError::Io(dir.join(local(&wasm_href)), e))?;
        let sheets = stylesheets(&index)
            .iter()
            .map(|href| read_text(&dir.join(local(href))))
            .collect::<Result<Vec<_>, _>>()?;
        let css = sheets.join("\n");
        let worker_glue = attribute(&index, "data-worker-glue")
            .map_or_else(|| TRUNK_WORKER_GLUE.to_owned(), |h| local(&h).to_owned());
        let worker_wasm = attribute(&index, "data-worker-wasm")
            .map_or_else(|| TRUNK_WORKER_WASM.to_owned(), |h| local(&h).to_owned());
        let worker = if dir.join(&worker_glue).is_file() {
            let glue = read_text(&dir.join(&worker_glue))?;
            if !glue.contains(WORKER_GLUE_MARK) {
                return Err(not("its document reader's glue is not wasm-bindgen's"));
            }
            let wasm = std::fs::read(dir.join(&worker_wasm))
                .map_err(|e| ShellError::Io(dir.join(&worker_wasm), e))?;
            Some(WorkerShell { glue, wasm })
        } else {
            None
        };
        Ok(Shell {
            glue,
            wasm,
            css,
            worker,
        })
    }

    /// Reads the shell back from an explorer single file; the error says
    /// which part is missing.
    pub fn from_single_file(html: &str) -> Result<Shell, String> {
        if !html.contains(page::GENERATOR) {
            return Err("no Clause Explorer shell marker".to_owned());
        }
        let css = between(html, marks::STYLE_OPEN, marks::STYLE_CLOSE)
            .ok_or("no style block")?
            .replace("<\\/style", "</style");
        let glue = between(html, marks::GLUE_BEGIN, marks::GLUE_END)
            .ok_or("no glue")?
            .replace("<\\/script", "</script");
        let packed = between(html, marks::WASM_OPEN, marks::BLOCK_CLOSE).ok_or("no wasm block")?;
        let wasm = inflate_block(packed).map_err(|e| format!("the wasm block {e}"))?;
        let worker = match (
            between(html, marks::WORKER_GLUE_OPEN, marks::BLOCK_CLOSE),
            between(html, marks::WORKER_WASM_OPEN, marks::BLOCK_CLOSE),
        ) {
            (Some(glue), Some(packed)) => Some(WorkerShell {
                glue: glue.replace("<\\/script", "</script"),
                wasm: inflate_block(packed)
                    .map_err(|e| format!("the document reader's wasm block {e}"))?,
            }),
            _ => None,
        };
        Ok(Shell {
            glue: glue.to_owned(),
            wasm,
            css: css.to_owned(),
            worker,
        })
    }

    /// The file names of the shell's parts, by a hash of their contents so
    /// that a browser never mixes parts of two versions from its cache.
    pub fn names(&self) -> ShellNames {
        let tag = |bytes: &[u8]| {
            let digest = <sha2::Sha256 as sha2::Digest>::digest(bytes);
            digest[..6]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        };
        ShellNames {
            glue: format!("clause-explorer-{}.js", tag(self.glue.as_bytes())),
            wasm: format!("clause-explorer-{}_bg.wasm", tag(&self.wasm)),
            css: format!("style-{}.css", tag(self.css.as_bytes())),
            worker: self.worker.as_ref().map(|w| WorkerNames {
                glue: format!("clause-explorer-worker-{}.js", tag(w.glue.as_bytes())),
                wasm: format!("clause-explorer-worker-{}_bg.wasm", tag(&w.wasm)),
            }),
        }
    }
}

/// Where each part of the shell is written in a served folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShellNames {
    pub glue: String,
    pub wasm: String,
    pub css: String,
    pub worker: Option<WorkerNames>,
}

/// Where the document reader is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkerNames {
    pub glue: String,
    pub wasm: String,
}

/// How wasm-bindgen's glue for a worker (`--target no-modules`) ends: it
/// hands out its start function. Recognises it whatever its file name.
#[cfg(feature = "native")]
const WORKER_GLUE_MARK: &str = "Object.assign(__wbg_init";

/// A data block's wasm: base64 of zlib.
pub fn inflate_block(block: &str) -> Result<Vec<u8>, String> {
    let packed = base64::engine::general_purpose::STANDARD
        .decode(block.trim())
        .map_err(|e| format!("is not base64: {e}"))?;
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, 256 << 20)
        .map_err(|e| format!("does not inflate: {:?}", e.status))
}

#[cfg(feature = "native")]
fn read_text(path: &Path) -> Result<String, ShellError> {
    std::fs::read_to_string(path).map_err(|e| ShellError::Io(path.to_owned(), e))
}

/// A relative URL as a path in the folder ("./a.js" → "a.js").
#[cfg(feature = "native")]
fn local(href: &str) -> &str {
    href.trim_start_matches("./")
}

/// The text between `open` and the next `close`.
fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

/// The `href`s of `<link rel="stylesheet">` tags, in order.
#[cfg(feature = "native")]
fn stylesheets(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        let tag_end = rest[start..]
            .find('>')
            .map_or(rest.len(), |e| start + e + 1);
        let tag = &rest[start..tag_end];
        if attribute(tag, "rel").as_deref() == Some("stylesheet") {
            if let Some(href) = attribute(tag, "href") {
                out.push(href);
            }
        }
        rest = &rest[tag_end..];
    }
    out
}

/// The value of ` name="…"` in a tag.
#[cfg(feature = "native")]
fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stylesheets_are_found_by_rel_not_by_name() {
        let html = r#"<link rel="modulepreload" href="./a.js"><link rel="stylesheet" href="./main-1a2b.css" integrity="sha384-x">"#;
        assert_eq!(stylesheets(html), vec!["./main-1a2b.css"]);
    }

    #[test]
    fn a_page_that_is_no_explorer_says_what_it_lacks() {
        let got = Shell::from_single_file("<!doctype html><title>Notes</title>").unwrap_err();
        assert_eq!(got, "no Clause Explorer shell marker");
    }
}
