//! Documents the reader adds in the page: the files go to the document
//! reader (a Web Worker, started on the first file, or at start-up when
//! documents were kept from an earlier visit), which reads them, keeps them
//! in IndexedDB and sends back the whole corpus; the page then swaps its
//! data and redraws. Nothing is parsed or indexed on the page's thread,
//! and nothing leaves the machine.

mod panel;
mod shell;

use std::cell::RefCell;

use clause_explorer::bundle::Bundle;
use clause_explorer::ingest::protocol::{Corpus, Reply, Request, Storage};
use clause_explorer::ingest::session::{AddedDocument, FileReport, Outcome, Source};
use clause_explorer::ingest::{archive, Format, ReadError, ReadErrorKind};
use js_sys::{Array, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

pub use panel::{AddButton, DocumentsPanel, FilePicker};

use super::Data;

/// What the page shows of the added documents; one per page, outliving
/// every redraw of the app.
#[derive(Clone, Copy)]
pub struct Documents {
    /// The data the app draws.
    pub data: RwSignal<&'static Data>,
    pub added: RwSignal<Vec<AddedDocument>>,
    /// The last batch's reports, newest batch only.
    pub reports: RwSignal<Vec<FileReport>>,
    pub storage: RwSignal<Option<Storage>>,
    /// What `navigator.storage.persist()` answered, once asked.
    pub persisted: RwSignal<Option<bool>>,
    pub status: RwSignal<Status>,
    /// What the last save or export did, for its status line.
    pub saved: RwSignal<String>,
}

/// What the document reader is doing.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Idle,
    /// Starting the reader or sending it files.
    Working(String),
    /// `done` of `total` files read.
    Reading {
        done: u32,
        total: u32,
    },
    Failed(String),
}

thread_local! {
    static READER: RefCell<Option<Link>> = const { RefCell::new(None) };
    /// The published corpus file, for the reader's first message.
    static SHIPPED: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The running reader: its worker, and requests waiting until it is ready.
struct Link {
    worker: web_sys::Worker,
    ready: bool,
    waiting: Vec<Vec<u8>>,
    /// Keeps the message handler alive as long as the worker.
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

/// The key of the hint that this page has documents kept: start-up starts
/// the reader only then.
fn hint_key() -> String {
    format!("clause-explorer-added:{}", store_name())
}

/// Where this page's documents are kept: by its address without the file
/// name, so that two explorers on one site keep theirs apart.
fn store_name() -> String {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
    format!("clause-explorer{dir}")
}

impl Documents {
    /// Made once, when the app first mounts, with the published corpus
    /// file it started from.
    pub fn new(data: &'static Data, shipped: Vec<u8>) -> Documents {
        SHIPPED.with(|s| *s.borrow_mut() = shipped);
        let documents = Documents {
            data: RwSignal::new(data),
            added: RwSignal::new(Vec::new()),
            reports: RwSignal::new(Vec::new()),
            storage: RwSignal::new(None),
            persisted: RwSignal::new(None),
            status: RwSignal::new(Status::Idle),
            saved: RwSignal::new(String::new()),
        };
        let kept = super::storage()
            .and_then(|s| s.get_item(&hint_key()).ok().flatten())
            .is_some();
        if kept {
            documents.status.set(Status::Working(
                "Opening the documents you added on an earlier visit…".to_owned(),
            ));
            documents.ensure_reader();
        }
        documents
    }

    /// Whether this explorer carries the document reader.
    pub fn available() -> bool {
        shell::reader_parts().is_some()
    }

    /// Reads the files' bytes (on the browser's I/O, not this thread) and
    /// sends them to the reader; files too large or of an unknown kind
    /// are refused here, unread.
    pub fn add(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        // The progress and the report are in the library's panel: go there,
        // whichever view the files were dropped on.
        if crate::route::Route::parse(&super::current_hash()) != crate::route::Route::Library {
            super::navigate(&crate::route::Route::Library);
        }
        self.status.set(Status::Working(format!(
            "Reading {} file{}…",
            files.len(),
            plural(files.len())
        )));
        self.ask_persistence();
        wasm_bindgen_futures::spawn_local(async move {
            let mut sources = Vec::with_capacity(files.len());
            let mut refused = Vec::new();
            for file in files {
                let name = file.name();
                let size = file.size() as usize;
                if let Some(why) = refusal(&name, size) {
                    refused.push(FileReport {
                        name,
                        outcome: Outcome::Refused(why),
                        document: None,
                    });
                    continue;
                }
                match JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => {
                        sources.push(Source::new(name, Uint8Array::new(&buffer).to_vec()))
                    }
                    Err(_) => refused.push(FileReport {
                        name,
                        outcome: Outcome::Refused("the browser could not read the file".to_owned()),
                        document: None,
                    }),
                }
            }
            LOCAL_REFUSALS.with(|r| *r.borrow_mut() = refused.clone());
            if sources.is_empty() {
                self.reports.set(refused);
                self.status.set(Status::Idle);
                return;
            }
            self.send(&Request::Add { files: sources });
        });
    }

    pub fn remove(self, name: String) {
        self.status
            .set(Status::Working(format!("Removing {name}…")));
        self.send(&Request::Remove { name });
    }

    pub fn remove_all(self) {
        self.status
            .set(Status::Working("Removing every added document…".to_owned()));
        self.send(&Request::RemoveAll);
    }

    pub fn export(self) {
        self.saved.set("Preparing the export…".to_owned());
        self.send(&Request::Export);
    }

    /// Asks the reader for the whole explorer as one file, with the shell
    /// this page runs (fetched beside it, or read from its own blocks).
    pub fn save(self) {
        self.saved.set("Preparing the file…".to_owned());
        wasm_bindgen_futures::spawn_local(async move {
            match shell::parts().await {
                Ok(parts) => self.send(&Request::Save { shell: parts }),
                Err(why) => self.saved.set(format!("Not saved: {why}")),
            }
        });
    }

    fn send(self, request: &Request) {
        let bytes = request.encode();
        if !self.ensure_reader() {
            return;
        }
        READER.with(|r| {
            if let Some(link) = r.borrow_mut().as_mut() {
                if link.ready {
                    post(&link.worker, &bytes);
                } else {
                    link.waiting.push(bytes);
                }
            }
        });
    }

    /// Starts the reader ahead of the files (the picker opening, files
    /// dragged over the page), so that its wasm compiles and the corpus
    /// opens while the reader chooses them.
    pub fn warm(self) {
        if READER.with(|r| r.borrow().is_none()) {
            let _ = self.ensure_reader();
        }
    }

    /// Starts the reader unless it runs; false (and says why) when this
    /// explorer has none.
    fn ensure_reader(self) -> bool {
        if READER.with(|r| r.borrow().is_some()) {
            return true;
        }
        match start_reader(self) {
            Ok(link) => {
                READER.with(|r| *r.borrow_mut() = Some(link));
                true
            }
            Err(why) => {
                self.status.set(Status::Failed(why));
                false
            }
        }
    }

    fn ask_persistence(self) {
        if self.persisted.get_untracked().is_some() {
            return;
        }
        let Ok(promise) = window().navigator().storage().persist() else {
            self.persisted.set(Some(false));
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let granted = JsFuture::from(promise)
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            self.persisted.set(Some(granted));
        });
    }

    fn receive(self, reply: Reply) {
        match reply {
            Reply::Opened { storage, corpus } => {
                self.storage.set(Some(storage));
                match corpus {
                    Some(corpus) => self.apply(corpus),
                    None => {
                        self.status.set(Status::Idle);
                        if let Some(s) = super::storage() {
                            let _ = s.remove_item(&hint_key());
                        }
                    }
                }
            }
            Reply::Progress { done, total } => self.status.set(Status::Reading { done, total }),
            Reply::Changed(corpus) => self.apply(corpus),
            Reply::Exported { bytes } => {
                let done =
                    super::download::save_bytes(archive::EXPORT_NAME, "application/zip", &bytes);
                self.saved.set(match done {
                    Ok(()) => format!(
                        "Exported {} document{} as {}.",
                        self.added.with_untracked(Vec::len),
                        plural(self.added.with_untracked(Vec::len)),
                        archive::EXPORT_NAME
                    ),
                    Err(_) => "The browser refused the download.".to_owned(),
                });
            }
            Reply::Saved { html } => {
                let saved = self.saved;
                wasm_bindgen_futures::spawn_local(async move {
                    saved.set(shell::save_html(html).await);
                });
            }
            Reply::Failed { message } => {
                self.status.set(Status::Failed(message.clone()));
                self.saved.set(String::new());
            }
        }
    }

    /// Draws the corpus the reader sent.
    fn apply(self, corpus: Corpus) {
        let bundle = match Bundle::decode(&corpus.bundle) {
            Ok(b) => b,
            Err(e) => {
                self.status.set(Status::Failed(e.to_string()));
                return;
            }
        };
        let mut reports = LOCAL_REFUSALS.with(|r| std::mem::take(&mut *r.borrow_mut()));
        reports.extend(corpus.reports);
        if let Some(s) = super::storage() {
            let _ = if corpus.added.is_empty() {
                s.remove_item(&hint_key())
            } else {
                s.set_item(&hint_key(), "1")
            };
        }
        self.data.set(super::leak_bundle(bundle));
        self.added.set(corpus.added);
        self.reports.set(reports);
        self.storage.set(Some(corpus.storage));
        self.status.set(Status::Idle);
    }
}

thread_local! {
    /// Files refused before they reached the reader, for the next report.
    static LOCAL_REFUSALS: RefCell<Vec<FileReport>> = const { RefCell::new(Vec::new()) };
}

/// Why a file is refused unread: an unknown kind, or too large for its
/// kind.
fn refusal(name: &str, size: usize) -> Option<String> {
    let zip = name.to_ascii_lowercase().ends_with(".zip");
    let limit = if zip {
        archive::MAX_INFLATED as usize
    } else {
        match Format::of(name) {
            Ok(format) => format.max_bytes(),
            Err(kind) => return Some(ReadError { kind }.to_string()),
        }
    };
    (size > limit).then(|| {
        ReadError {
            kind: ReadErrorKind::TooLarge { bytes: size, limit },
        }
        .to_string()
    })
}

fn start_reader(documents: Documents) -> Result<Link, String> {
    let parts = shell::reader_parts().ok_or(
        "this explorer was published without the document reader; publish it again to add documents",
    )?;
    let worker = parts.spawn()?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            if data.as_string().as_deref() == Some("ready") {
                // Sent once, to the one reader a page starts: no copy is kept.
                let corpus = SHIPPED.with(|s| s.take());
                let open = Request::Open {
                    corpus,
                    store: store_name(),
                }
                .encode();
                READER.with(|r| {
                    if let Some(link) = r.borrow_mut().as_mut() {
                        post(&link.worker, &open);
                        for waiting in link.waiting.drain(..) {
                            post(&link.worker, &waiting);
                        }
                        link.ready = true;
                    }
                });
                return;
            }
            if let Some(bytes) = data.dyn_ref::<Uint8Array>() {
                match Reply::decode(&bytes.to_vec()) {
                    Ok(reply) => documents.receive(reply),
                    Err(message) => documents.status.set(Status::Failed(message)),
                }
                return;
            }
            let failed = js_sys::Reflect::get(&data, &JsValue::from_str("failed"))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_else(|| "the document reader stopped".to_owned());
            documents.status.set(Status::Failed(format!(
                "The document reader could not start: {failed}"
            )));
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    parts.boot(&worker)?;
    Ok(Link {
        worker,
        ready: false,
        waiting: Vec::new(),
        _on_message: on_message,
    })
}

/// Posts bytes, handing the buffer over.
fn post(worker: &web_sys::Worker, bytes: &[u8]) {
    let array = Uint8Array::from(bytes);
    let transfer = Array::of1(&array.buffer());
    let _ = worker.post_message_with_transfer(&array, &transfer);
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
