//! The page's own shell: where its document reader is (files beside the
//! served page, or blocks of the single file), and the parts the reader
//! needs to write the explorer as one file.

use base64::Engine;
use clause_explorer::ingest::protocol::{Packed, ShellParts};
use clause_explorer::site::{marks, WORKER_JS};
use js_sys::{Array, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How this page starts its document reader.
pub enum ReaderParts {
    /// Files beside the served page (named on its boot script).
    Served {
        worker: String,
        glue: String,
        wasm: String,
    },
    /// The single file's blocks: the reader's glue, and its wasm as
    /// zlib bytes.
    Single { glue: String, wasm: Vec<u8> },
}

pub fn reader_parts() -> Option<ReaderParts> {
    if let Some(boot) = boot_script() {
        return Some(ReaderParts::Served {
            worker: boot.get_attribute("data-worker")?,
            glue: boot.get_attribute("data-worker-glue")?,
            wasm: boot.get_attribute("data-worker-wasm")?,
        });
    }
    let glue = block_text("ce-worker-glue")?.replace("<\\/script", "</script");
    let wasm = base64::engine::general_purpose::STANDARD
        .decode(block_text("ce-worker-wasm")?.trim())
        .ok()?;
    Some(ReaderParts::Single { glue, wasm })
}

impl ReaderParts {
    /// The worker, not yet told where its wasm is.
    pub fn spawn(&self) -> Result<web_sys::Worker, String> {
        let failed = |e: JsValue| format!("the document reader could not start ({e:?})");
        match self {
            ReaderParts::Served { worker, .. } => web_sys::Worker::new(worker).map_err(failed),
            ReaderParts::Single { glue, .. } => {
                // The glue defines `wasm_bindgen`; the start script after it
                // calls it. One script, from a blob: URL, the only source
                // the single file's policy lets a worker come from.
                let text = format!("{glue}\n{WORKER_JS}");
                let parts = Array::of1(&JsValue::from_str(&text));
                let options = web_sys::BlobPropertyBag::new();
                options.set_type("text/javascript");
                let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
                    .map_err(failed)?;
                let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
                web_sys::Worker::new(&url).map_err(failed)
            }
        }
    }

    /// Tells the worker where its glue and wasm are (see `worker.js`).
    pub fn boot(&self, worker: &web_sys::Worker) -> Result<(), String> {
        let message = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| {
            let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), value);
        };
        match self {
            ReaderParts::Served { glue, wasm, .. } => {
                set("glue", &JsValue::from_str(glue));
                set("wasm", &JsValue::from_str(wasm));
            }
            ReaderParts::Single { wasm, .. } => {
                set("wasm", &Uint8Array::from(wasm.as_slice()));
            }
        }
        worker
            .post_message(&message)
            .map_err(|e| format!("the document reader could not start ({e:?})"))
    }
}

/// The served page's boot script (it names the glue), if this is one.
fn boot_script() -> Option<web_sys::Element> {
    document()
        .query_selector("script[data-glue]")
        .ok()
        .flatten()
}

fn block_text(id: &str) -> Option<String> {
    document().get_element_by_id(id)?.text_content()
}

/// The shell this page runs, for "Save as one file".
pub async fn parts() -> Result<ShellParts, String> {
    if let Some(boot) = boot_script() {
        let attr = |name: &str| {
            boot.get_attribute(name)
                .ok_or_else(|| format!("the page names no {name}"))
        };
        let css_href = document()
            .query_selector("link[rel=stylesheet]")
            .ok()
            .flatten()
            .and_then(|l| l.get_attribute("href"))
            .ok_or("the page links no stylesheet")?;
        return Ok(ShellParts {
            glue: text(&fetch(&attr("data-glue")?).await?),
            wasm: Packed::Bytes(fetch(&attr("data-wasm")?).await?),
            css: text(&fetch(&css_href).await?),
            worker_glue: text(&fetch(&attr("data-worker-glue")?).await?),
            worker_wasm: Packed::Bytes(fetch(&attr("data-worker-wasm")?).await?),
        });
    }
    // The single file: its blocks, as `site::single_file` wrote them.
    let style = document()
        .query_selector("style")
        .ok()
        .flatten()
        .and_then(|s| s.text_content())
        .ok_or("the page has no style block")?;
    let css = style
        .strip_prefix('\n')
        .unwrap_or(&style)
        .strip_suffix('\n')
        .unwrap_or(&style)
        .replace("<\\/style", "</style");
    let module = document()
        .query_selector("script[type=module]")
        .ok()
        .flatten()
        .and_then(|s| s.text_content())
        .ok_or("the page has no module")?;
    let glue = between(&module, marks::GLUE_BEGIN, marks::GLUE_END)
        .ok_or("the page's module holds no glue")?
        .replace("<\\/script", "</script");
    Ok(ShellParts {
        glue,
        wasm: Packed::Block(block_text("ce-wasm").ok_or("the page has no wasm block")?),
        css,
        worker_glue: block_text("ce-worker-glue")
            .ok_or("the page has no document reader")?
            .replace("<\\/script", "</script"),
        worker_wasm: Packed::Block(
            block_text("ce-worker-wasm").ok_or("the page has no document reader")?,
        ),
    })
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// One of the page's own files, by its relative URL.
async fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let failed = |_| format!("{url} could not be read");
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The file's name when saved.
const SAVED_NAME: &str = "clause-explorer.html";

/// Saves the single file: through the browser's save dialog where it has
/// one (`showSaveFilePicker`), else as a download. Says what happened.
pub async fn save_html(html: String) -> String {
    let size = format!("{:.1} MB", html.len() as f64 / 1e6);
    let picker = js_sys::Reflect::get(&window(), &JsValue::from_str("showSaveFilePicker"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(picker) = picker {
        match save_with_picker(&picker, &html).await {
            Ok(true) => return format!("Saved the explorer ({size}) as one file."),
            Ok(false) => return "Not saved (the save dialog was closed).".to_owned(),
            // A picker that fails (an iframe, a policy) falls back to a
            // download.
            Err(_) => {}
        }
    }
    let file = super::super::download::File {
        name: SAVED_NAME.to_owned(),
        mime: "text/html",
        content: html,
    };
    match super::super::download::save(&file) {
        Ok(()) => format!("Downloaded the explorer ({size}) as {SAVED_NAME}."),
        Err(_) => "The browser refused the download.".to_owned(),
    }
}

/// Ok(false) when the reader closed the dialog.
async fn save_with_picker(picker: &js_sys::Function, html: &str) -> Result<bool, JsValue> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"suggestedName".into(), &SAVED_NAME.into())?;
    let handle =
        match JsFuture::from(js_sys::Promise::from(picker.call1(&window(), &options)?)).await {
            Ok(h) => h,
            Err(e) => {
                let aborted = js_sys::Reflect::get(&e, &"name".into())
                    .ok()
                    .and_then(|n| n.as_string())
                    .is_some_and(|n| n == "AbortError");
                return if aborted { Ok(false) } else { Err(e) };
            }
        };
    let call = |target: &JsValue, method: &str, args: &Array| -> Result<JsValue, JsValue> {
        let f: js_sys::Function = js_sys::Reflect::get(target, &method.into())?.dyn_into()?;
        f.apply(target, args)
    };
    let writable = JsFuture::from(js_sys::Promise::from(call(
        &handle,
        "createWritable",
        &Array::new(),
    )?))
    .await?;
    JsFuture::from(js_sys::Promise::from(call(
        &writable,
        "write",
        &Array::of1(&html.into()),
    )?))
    .await?;
    JsFuture::from(js_sys::Promise::from(call(
        &writable,
        "close",
        &Array::new(),
    )?))
    .await?;
    Ok(true)
}
