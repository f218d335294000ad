//! The messages between the page and its document reader, a Web Worker:
//! postcard bytes each way, so that both ends are typed Rust and the
//! protocol is tested natively rather than through JavaScript objects.
//!
//! The page sends [`Request::Open`] first, with the published corpus
//! file; the worker answers [`Reply::Opened`] with the documents kept from
//! an earlier visit. Each later request is answered by one reply
//! ([`Reply::Progress`] may come before it).
//!
//! ```
//! use clause_explorer::ingest::protocol::{Reply, Request};
//! let asked = Request::Remove { name: "draft.docx".into() };
//! assert_eq!(Request::decode(&asked.encode()).unwrap(), asked);
//! assert!(Reply::decode(b"\xff\xff").is_err());
//! ```

use serde::{Deserialize, Serialize};

use super::session::{AddedDocument, FileReport, Source};

/// From the page to the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// The published corpus file, as fetched or as the single file holds
    /// it; `store` names where added documents are kept (by the page's
    /// address, so that two explorers served from one site keep theirs
    /// apart).
    Open { corpus: Vec<u8>, store: String },
    /// Files to read and add.
    Add { files: Vec<Source> },
    /// Remove the added document of that file name.
    Remove { name: String },
    /// Remove every added document.
    RemoveAll,
    /// The added documents' sources in one file.
    Export,
    /// The whole explorer, published and added documents built in, as one
    /// HTML file.
    Save { shell: ShellParts },
}

/// From the worker to the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The worker is ready: whether it can keep documents, and the
    /// corpus with the documents kept from an earlier visit (none when
    /// none were kept).
    Opened {
        storage: Storage,
        corpus: Option<Corpus>,
    },
    /// `done` of `total` files read.
    Progress { done: u32, total: u32 },
    /// The corpus after a change.
    Changed(Corpus),
    /// The export file's bytes.
    Exported { bytes: Vec<u8> },
    /// The single file's HTML.
    Saved { html: String },
    /// A request that could not be carried out, and why.
    Failed { message: String },
}

/// The corpus as it now stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// The bundle, postcard-encoded (not compressed: it crosses threads,
    /// not a network).
    pub bundle: Vec<u8>,
    /// The added documents, in the order they were added.
    pub added: Vec<AddedDocument>,
    /// What became of each file of the request.
    pub reports: Vec<FileReport>,
    pub storage: Storage,
}

/// Whether the added documents outlive the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Storage {
    /// Kept in the browser's storage (IndexedDB).
    Kept,
    /// Not kept: why (storage unavailable, refused, full).
    NotKept { why: String },
}

/// The app shell, for the single file: what the page holds of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShellParts {
    pub glue: String,
    pub wasm: Packed,
    pub css: String,
    pub worker_glue: String,
    pub worker_wasm: Packed,
}

/// A wasm binary as the page has it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Packed {
    /// Fetched beside the served page.
    Bytes(Vec<u8>),
    /// A single file's data block: base64 of the zlib-compressed binary.
    Block(String),
}

impl Request {
    pub fn encode(&self) -> Vec<u8> {
        // Encoding plain owned data into a Vec cannot fail.
        postcard::to_allocvec(self).unwrap_or_default()
    }

    pub fn decode(bytes: &[u8]) -> Result<Request, String> {
        postcard::from_bytes(bytes).map_err(|e| format!("a request that does not decode: {e}"))
    }
}

impl Reply {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    pub fn decode(bytes: &[u8]) -> Result<Reply, String> {
        postcard::from_bytes(bytes).map_err(|e| format!("a reply that does not decode: {e}"))
    }
}
