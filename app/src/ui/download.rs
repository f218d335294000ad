//! Downloads made in the page: the file is written by the pure exports,
//! put in a Blob and saved through a link with `download`; nothing leaves
//! the page, and it works from `file://` as from a server.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A file to save.
pub struct File {
    pub name: String,
    pub mime: &'static str,
    pub content: String,
}

/// Makes the file's content on demand (a search's export walks every
/// match: only when asked).
pub type Make = Arc<dyn Fn() -> Option<File> + Send + Sync>;

/// Saves a file through the browser's download.
pub fn save(file: &File) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(&file.content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(file.mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    link_download(&blob, &file.name)
}

/// Downloads a Blob under a name, through a hidden link.
fn link_download(blob: &web_sys::Blob, name: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document().body().ok_or("no body")?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    // The download has read the Blob by the time a second has passed;
    // revoking at once can cancel it in some browsers.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(2),
    );
    Ok(())
}

/// Saves bytes (an archive) through the browser's download.
pub fn save_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    link_download(&blob, name)
}

/// A row of download buttons: "Download as: CSV · JSON · …", and a status
/// line that says what was saved (or why not).
#[component]
pub fn Downloads(
    /// What the downloads hold, for the group's name ("Download these
    /// results").
    label: String,
    files: Vec<(&'static str, Make)>,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let buttons = files
        .into_iter()
        .map(|(format, make)| {
            let aria = format!("{label} as {format}");
            view! {
                <button
                    type="button"
                    aria-label=aria
                    on:click=move |_| {
                        let said = match make() {
                            Some(file) => match save(&file) {
                                Ok(()) => format!("Saved {}", file.name),
                                Err(_) => "The browser refused the download".to_owned(),
                            },
                            None => "Nothing to download".to_owned(),
                        };
                        status.set(said);
                    }
                >
                    {format}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="downloads" role="group" aria-label=label>
            <span class="downloads-label" aria-hidden="true">"Download:"</span>
            {buttons}
            <span class="status" role="status">{move || status.get()}</span>
        </div>
    }
}
