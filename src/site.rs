//! A published explorer: one app shell that is the same for every corpus,
//! and a corpus file beside it, written as a served folder and as one
//! self-contained HTML file.
//!
//! ```text
//! DIR/index.html             the page: strict CSP, loads boot.js
//! DIR/boot.js                starts the glue and the wasm
//! DIR/clause-explorer-….js   wasm-bindgen glue   } the shell, named by the
//! DIR/clause-explorer-….wasm the app             } hash of their contents
//! DIR/style-….css            styles              }
//! DIR/worker.js                  starts the document reader (a Web Worker)
//! DIR/clause-explorer-worker-….js   } its glue and wasm, loaded when
//! DIR/clause-explorer-worker-….wasm } a reader first adds a document
//! DIR/favicon.svg
//! DIR/corpus.bin             the corpus (see `bundle`), fetched by relative URL
//! DIR/clause-explorer.html   all of the above in one file, for file://
//! ```
//!
//! The shell comes from a built explorer: a folder that Trunk built
//! (`dist/`), a folder published before, or any explorer single file,
//! whose blocks are laid out so that the shell can be read back from it
//! (see [`page`]). Publishing needs no wasm toolchain.

mod page;
mod shell;
#[cfg(feature = "native")]
mod write;

#[cfg(test)]
mod tests;

pub use page::{marks, served_page, single_file, WORKER_FILE, WORKER_JS};
pub use shell::{inflate_block, Shell, ShellError, WorkerShell};
#[cfg(feature = "native")]
pub use write::{publish, Published};

/// The corpus file's name beside `index.html`.
pub const CORPUS_FILE: &str = crate::bundle::FILE_NAME;

/// The single file's name in a published folder.
pub const SINGLE_FILE: &str = "clause-explorer.html";
