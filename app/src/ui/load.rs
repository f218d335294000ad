//! Where the app gets its corpus: the single file's data block, or
//! `corpus.bin` fetched beside the served page (by relative URL, so any
//! sub-path works; the page preloads it while the wasm compiles). The
//! page's start script has usually begun already: it fetched or decoded
//! the file and had the browser inflate it (`corpus.js`), and the app
//! takes both from `clauseExplorerCorpus`.

use base64::Engine;
use clause_explorer::bundle::{Bundle, FILE_NAME};
use js_sys::Uint8Array;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::startup::{notice, Failure, Notice, Place};

/// The id of the single file's corpus block.
const BLOCK_ID: &str = "ce-corpus";

/// The single file's corpus, read at once (no await, so that the app
/// mounts in the same task as the wasm starts); `None` in a served page.
/// With the corpus file's bytes, which the document reader starts from.
pub fn embedded() -> Option<Result<(Bundle, Vec<u8>), Notice>> {
    let block = document().get_element_by_id(BLOCK_ID)?;
    let text = block.text_content().unwrap_or_default();
    Some(
        base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .map_err(|e| notice(Place::SingleFile, &Failure::Block(e.to_string())))
            .and_then(|bytes| {
                let bundle = open(&bytes, None)
                    .map_err(|e| notice(Place::SingleFile, &Failure::Bundle(e)))?;
                Ok((bundle, bytes))
            }),
    )
}

/// The served page's corpus, fetched beside it.
pub async fn fetched() -> Result<(Bundle, Vec<u8>), Notice> {
    let local = window().location().protocol().is_ok_and(|p| p == "file:");
    let place = if local {
        Place::LocalFolder
    } else {
        Place::Served
    };
    let bytes = fetch(FILE_NAME).await.map_err(|f| notice(place, &f))?;
    let bundle = open(&bytes, None).map_err(|e| notice(place, &Failure::Bundle(e)))?;
    Ok((bundle, bytes))
}

/// What the page's start script began for the corpus, if it began it.
pub fn started() -> Option<js_sys::Promise> {
    js_sys::Reflect::get(&js_sys::global(), &"clauseExplorerCorpus".into())
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}

/// The corpus the start script fetched (served) or decoded (single file),
/// with the browser's inflation of it when it has one. A single file
/// whose block the script could not decode is read here again, so that
/// the message says what is wrong with it.
pub async fn from_start(begun: js_sys::Promise) -> Result<(Bundle, Vec<u8>), Notice> {
    let single = document().get_element_by_id(BLOCK_ID).is_some();
    let local = window().location().protocol().is_ok_and(|p| p == "file:");
    let place = match (single, local) {
        (true, _) => Place::SingleFile,
        (false, true) => Place::LocalFolder,
        (false, false) => Place::Served,
    };
    let answer = JsFuture::from(begun).await.map_err(|e| {
        notice(
            place,
            &Failure::Unreachable(
                e.dyn_ref::<js_sys::Error>()
                    .map_or_else(|| "no answer".to_owned(), |e| String::from(e.message())),
            ),
        )
    })?;
    // The page keeps no reference to the file or its inflation once the
    // app has them (at 100,000 paragraphs, 130 MB of JS heap).
    let _ =
        js_sys::Reflect::delete_property(&js_sys::global().into(), &"clauseExplorerCorpus".into());
    let field = |name: &str| js_sys::Reflect::get(&answer, &name.into()).ok();
    if let Some(status) = field("status").and_then(|s| s.as_f64()) {
        return Err(notice(place, &Failure::Http(status as u16)));
    }
    // Each buffer is copied into the app and then taken out of the answer,
    // which the browser may keep alive with its promise.
    let bytes = |name: &str| {
        let taken = field(name)
            .and_then(|v| v.dyn_into::<Uint8Array>().ok())
            .map(|a| a.to_vec());
        let _ = js_sys::Reflect::set(&answer, &name.into(), &wasm_bindgen::JsValue::UNDEFINED);
        taken
    };
    let Some(file) = bytes("file") else {
        return match embedded() {
            Some(read) => read,
            None => Err(notice(place, &Failure::Unreachable("no answer".to_owned()))),
        };
    };
    let bundle = open(&file, bytes("inflated")).map_err(|e| notice(place, &Failure::Bundle(e)))?;
    Ok((bundle, file))
}

/// Inflates (unless the browser did) and decodes the corpus file, marking
/// each step for the start-up figures (scripts/figures.mjs).
fn open(
    bytes: &[u8],
    inflated: Option<Vec<u8>>,
) -> Result<Bundle, clause_explorer::bundle::BundleError> {
    super::mark("clause-explorer-corpus-bytes");
    let encoded = match inflated {
        Some(done) => clause_explorer::bundle::unpack_inflated(bytes, done)?,
        None => clause_explorer::bundle::unpack(bytes)?,
    };
    super::mark("clause-explorer-corpus-inflated");
    Bundle::decode(&encoded)
}

async fn fetch(url: &str) -> Result<Vec<u8>, Failure> {
    let unreachable = |e: wasm_bindgen::JsValue| {
        Failure::Unreachable(
            e.dyn_ref::<js_sys::Error>()
                .map_or_else(|| "no answer".to_owned(), |e| String::from(e.message())),
        )
    };
    let answer = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(unreachable)?;
    let response: web_sys::Response = answer
        .dyn_into()
        .map_err(|_| Failure::Unreachable("not a response".to_owned()))?;
    if !response.ok() {
        return Err(Failure::Http(response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(unreachable)?)
        .await
        .map_err(unreachable)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
