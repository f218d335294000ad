//! Where the app gets its corpus: the single file's data block, or
//! `corpus.bin` fetched beside the served page (by relative URL, so any
//! sub-path works; the page preloads it while the wasm compiles).

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
                let bundle =
                    open(&bytes).map_err(|e| notice(Place::SingleFile, &Failure::Bundle(e)))?;
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
    let bundle = open(&bytes).map_err(|e| notice(place, &Failure::Bundle(e)))?;
    Ok((bundle, bytes))
}

/// Inflates and decodes the corpus file, marking each step for the
/// start-up figures (scripts/figures.mjs).
fn open(bytes: &[u8]) -> Result<Bundle, clause_explorer::bundle::BundleError> {
    super::mark("clause-explorer-corpus-bytes");
    let encoded = clause_explorer::bundle::unpack(bytes)?;
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
