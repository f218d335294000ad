//! The message loop: requests from the page, one at a time, in order.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use clause_explorer::bundle::Bundle;
use clause_explorer::ingest::protocol::{Corpus, Packed, Reply, Request, ShellParts, Storage};
use clause_explorer::ingest::session::{FileReport, Session, Source, Update};
use clause_explorer::site::{self, Shell, WorkerShell};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::store::Store;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    let reader = Rc::new(Reader::default());
    let on_message = {
        let reader = reader.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let bytes = event
                .data()
                .dyn_ref::<Uint8Array>()
                .map(Uint8Array::to_vec)
                .unwrap_or_default();
            reader.queue.borrow_mut().push_back(bytes);
            if !reader.busy.replace(true) {
                wasm_bindgen_futures::spawn_local(pump(reader.clone()));
            }
        })
    };
    let scope = scope();
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[derive(Default)]
struct Reader {
    queue: RefCell<VecDeque<Vec<u8>>>,
    busy: std::cell::Cell<bool>,
    state: RefCell<Option<State>>,
}

struct State {
    session: Session,
    store: Result<Store, String>,
    /// The order number the next kept file gets.
    next: u64,
}

/// Answers the queued requests in order; an await inside one never lets
/// the next begin.
async fn pump(reader: Rc<Reader>) {
    loop {
        let next = reader.queue.borrow_mut().pop_front();
        let Some(bytes) = next else {
            reader.busy.set(false);
            return;
        };
        let reply = match Request::decode(&bytes) {
            Ok(request) => answer(&reader, request).await,
            Err(message) => Reply::Failed { message },
        };
        send(&reply);
    }
}

async fn answer(reader: &Reader, request: Request) -> Reply {
    if let Request::Open { corpus, store } = request {
        return open(reader, &corpus, &store).await;
    }
    let mut slot = reader.state.borrow_mut();
    let Some(state) = slot.as_mut() else {
        return Reply::Failed {
            message: "the document reader was not given the corpus".to_owned(),
        };
    };
    match request {
        Request::Open { .. } => unreachable_reply(),
        Request::Add { files } => {
            let update = state.session.add(files, |done, total| {
                send(&Reply::Progress {
                    done: done as u32,
                    total: total as u32,
                })
            });
            let kept: Vec<&Source> = update
                .reports
                .iter()
                .filter(|r| r.document.is_some())
                .filter_map(|r| state.session.sources().find(|s| s.name == r.name))
                .collect();
            let storage = match &state.store {
                Ok(store) => {
                    let result = store.put(&kept, state.next).await;
                    state.next += kept.len() as u64;
                    storage_after(result)
                }
                Err(why) => not_kept(why),
            };
            Reply::Changed(changed(&state.session, update, storage))
        }
        Request::Remove { name } => {
            state.session.remove(&name);
            let storage = match &state.store {
                Ok(store) => storage_after(store.delete(&name).await),
                Err(why) => not_kept(why),
            };
            after_removal(&state.session, storage)
        }
        Request::RemoveAll => {
            state.session.clear();
            let storage = match &state.store {
                Ok(store) => storage_after(store.clear().await),
                Err(why) => not_kept(why),
            };
            after_removal(&state.session, storage)
        }
        Request::Export => Reply::Exported {
            bytes: clause_explorer::ingest::archive::write(state.session.sources()),
        },
        Request::Save { shell } => match saved(&state.session, shell) {
            Ok(html) => Reply::Saved { html },
            Err(message) => Reply::Failed { message },
        },
    }
}

fn unreachable_reply() -> Reply {
    Reply::Failed {
        message: "the corpus was given twice".to_owned(),
    }
}

async fn open(reader: &Reader, corpus: &[u8], name: &str) -> Reply {
    let shipped = match Bundle::from_file(corpus) {
        Ok(b) => b,
        Err(e) => {
            return Reply::Failed {
                message: e.to_string(),
            }
        }
    };
    let mut session = Session::new(shipped);
    let store = Store::open(name).await;
    let mut storage = match &store {
        Ok(_) => Storage::Kept,
        Err(why) => not_kept(why),
    };
    let kept = match &store {
        Ok(store) => match store.load().await {
            Ok(files) => files,
            Err(why) => {
                storage = not_kept(&why);
                Vec::new()
            }
        },
        Err(_) => Vec::new(),
    };
    let next = kept.len() as u64;
    let corpus = (!kept.is_empty()).then(|| {
        let update = session.add(kept, |_, _| {});
        changed(&session, update, storage.clone())
    });
    *reader.state.borrow_mut() = Some(State {
        session,
        store,
        next,
    });
    Reply::Opened { storage, corpus }
}

fn changed(session: &Session, update: Update, storage: Storage) -> Corpus {
    let added = session.documents(&update.bundle);
    let reports: Vec<FileReport> = update.reports;
    Corpus {
        bundle: postcard::to_allocvec(&update.bundle).unwrap_or_default(),
        added,
        reports,
        storage,
    }
}

/// The corpus once documents are removed: rebuilt, with no report.
fn after_removal(session: &Session, storage: Storage) -> Reply {
    let update = Update {
        bundle: session.bundle(),
        reports: Vec::new(),
    };
    Reply::Changed(changed(session, update, storage))
}

fn storage_after(result: Result<(), String>) -> Storage {
    match result {
        Ok(()) => Storage::Kept,
        Err(why) => not_kept(&why),
    }
}

fn not_kept(why: &str) -> Storage {
    Storage::NotKept {
        why: why.to_owned(),
    }
}

/// The single file of the whole explorer, added documents built in.
fn saved(session: &Session, parts: ShellParts) -> Result<String, String> {
    let unpack = |packed: Packed| match packed {
        Packed::Bytes(bytes) => Ok(bytes),
        Packed::Block(text) => site::inflate_block(&text),
    };
    let shell = Shell {
        glue: parts.glue,
        wasm: unpack(parts.wasm).map_err(|e| format!("the explorer's wasm {e}"))?,
        css: parts.css,
        worker: Some(WorkerShell {
            glue: parts.worker_glue,
            wasm: unpack(parts.worker_wasm)
                .map_err(|e| format!("the document reader's wasm {e}"))?,
        }),
    };
    let bundle = session.bundle();
    Ok(site::single_file(
        &shell,
        &bundle.to_file(),
        &bundle.collection,
    ))
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts a reply, handing its buffer over rather than copying it.
fn send(reply: &Reply) {
    let bytes = Uint8Array::from(reply.encode().as_slice());
    let transfer = Array::of1(&bytes.buffer());
    let _ = scope().post_message_with_transfer(&bytes, &transfer);
}
