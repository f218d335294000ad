//! What the reader sees of added documents: the "Add documents" button in
//! the header, the file picker and the page-wide drop target, and the
//! library's panel (progress, reports, the added documents, where they are
//! kept, save and export).

use clause_explorer::ingest::protocol::Storage;
use clause_explorer::ingest::session::{AddedDocument, FileReport, Outcome};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{plural, Documents, Status};
use crate::route::Route;

/// The id of the page's one file input.
const PICKER: &str = "add-documents-input";

/// What the picker offers (a `.zip` is an export of added documents, or
/// any archive of documents).
const ACCEPT: &str = ".txt,.md,.xml,.docx,.zip,text/plain,text/markdown,application/xml,text/xml,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/zip";

/// Opens the file picker, starting the reader meanwhile.
fn open_picker(documents: Option<Documents>) {
    if let Some(d) = documents {
        d.warm();
    }
    if let Some(input) = document()
        .get_element_by_id(PICKER)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.click();
    }
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|k| list.item(k)).collect()
}

/// The page's file input, and dropping files anywhere on the page.
#[component]
pub fn FilePicker(documents: Documents) -> impl IntoView {
    let on_drag = window_event_listener(leptos::ev::dragover, move |ev| {
        let carries_files = ev.data_transfer().is_some_and(|t| {
            t.types()
                .iter()
                .any(|k| k.as_string().as_deref() == Some("Files"))
        });
        if carries_files {
            ev.prevent_default();
            documents.warm();
        }
    });
    let on_drop = window_event_listener(leptos::ev::drop, move |ev| {
        let files = files_of(ev.data_transfer().and_then(|t| t.files()));
        if !files.is_empty() {
            ev.prevent_default();
            documents.add(files);
        }
    });
    on_cleanup(move || {
        on_drag.remove();
        on_drop.remove();
    });
    view! {
        <input
            type="file"
            id=PICKER
            class="sr-only"
            multiple
            accept=ACCEPT
            tabindex="-1"
            aria-hidden="true"
            on:change=move |ev| {
                let input: web_sys::HtmlInputElement = event_target(&ev);
                let files = files_of(input.files());
                // The same file chosen again is a change too.
                input.set_value("");
                documents.add(files);
            }
        />
    }
}

/// The header's button, and beside it what the reader is doing, so that
/// a batch read while the reader searches elsewhere is still seen to end
/// (the line links to the report, in the library).
#[component]
pub fn AddButton() -> impl IntoView {
    let documents = use_context::<Documents>();
    let line = move || {
        let d = documents?;
        let text = match d.status.get() {
            Status::Idle | Status::Failed(_) => d.reports.with(|r| {
                (!r.is_empty()).then(|| {
                    let joined = r.iter().filter(|x| x.document.is_some()).count();
                    format!("{joined} of {} file{} added", r.len(), plural(r.len()))
                })
            })?,
            Status::Working(what) => what,
            Status::Reading { done, total } => {
                format!("Reading {done} of {total} file{}…", plural(total as usize))
            }
        };
        Some(view! { <a href="#/" title="The report on each file, in the library">{text}</a> })
    };
    Documents::available().then(|| {
        view! {
            <button type="button" class="add-documents" on:click=move |_| open_picker(documents)>
                "Add documents"
            </button>
            <span class="add-status">{line}</span>
        }
    })
}

/// The library's panel of added documents.
#[component]
pub fn DocumentsPanel(documents: Documents) -> impl IntoView {
    if !Documents::available() {
        return None;
    }
    let status = documents.status;
    let added = documents.added;
    let busy = move || matches!(status.get(), Status::Working(_) | Status::Reading { .. });
    Some(view! {
        <section class="documents" aria-labelledby="documents-heading">
            <h2 id="documents-heading">"Your documents"</h2>
            <p class="hint">
                "Add your own texts (" <strong>".docx"</strong> " Word, the UN's " <strong>".xml"</strong>
                ", or " <strong>".txt"</strong> "/" <strong>".md"</strong>
                "): drop them anywhere on the page or choose them. They are read in this browser, "
                "never sent anywhere, and join search, Similar and comparison at once."
            </p>
            <p class="actions">
                <button type="button" class="add-documents" on:click=move |_| open_picker(Some(documents))>
                    "Add documents"
                </button>
            </p>
            <div class="progress" aria-live="polite">{move || progress(status.get())}</div>
            <Reports documents/>
            {move || {
                let list = added.get();
                (!list.is_empty()).then(|| view! {
                    <h3>"Added (" {list.len()} ")"</h3>
                    <ul class="added" aria-label="Added documents">
                        {list.into_iter().map(|doc| view! { <AddedEntry doc documents/> }).collect_view()}
                    </ul>
                    <p class="actions">
                        <button type="button" disabled=busy on:click=move |_| documents.remove_all()>
                            "Remove all added documents"
                        </button>
                    </p>
                })
            }}
            <StorageLine documents/>
            <p class="actions keep">
                <button type="button" disabled=busy on:click=move |_| documents.save()>
                    "Save as one file"
                </button>
                " "
                <button
                    type="button"
                    disabled=move || busy() || added.with(Vec::is_empty)
                    on:click=move |_| documents.export()
                >
                    "Export added documents"
                </button>
                " "
                <button type="button" disabled=busy on:click=move |_| open_picker(Some(documents))>
                    "Import added documents"
                </button>
            </p>
            <p class="saved" role="status">{move || documents.saved.get()}</p>
        </section>
    })
}

fn progress(status: Status) -> impl IntoView {
    match status {
        Status::Idle => None,
        Status::Working(what) => Some(view! { <p>{what}</p> }.into_any()),
        Status::Reading { done, total } => Some(
            view! {
                <label>
                    {format!("Reading {done} of {total} file{}", plural(total as usize))}
                    " "
                    <progress max=total value=done></progress>
                </label>
            }
            .into_any(),
        ),
        Status::Failed(why) => Some(view! { <p role="alert" class="problem">{why}</p> }.into_any()),
    }
}

/// What became of each file of the last batch.
#[component]
fn Reports(documents: Documents) -> impl IntoView {
    move || {
        let reports = documents.reports.get();
        (!reports.is_empty()).then(|| {
            let joined = reports.iter().filter(|r| r.document.is_some()).count();
            view! {
                <div class="reports">
                    <h3>"Report"</h3>
                    <p>
                        {format!(
                            "{joined} of {} file{} added.",
                            reports.len(),
                            plural(reports.len())
                        )}
                    </p>
                    <ul aria-label="Report on each file">
                        {reports.into_iter().map(report_line).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

fn report_line(report: FileReport) -> impl IntoView {
    let (class, what) = match &report.outcome {
        Outcome::Added => ("added", "added".to_owned()),
        Outcome::Replaced => (
            "added",
            "added, replacing the earlier file of that name".to_owned(),
        ),
        Outcome::AlreadyAdded { as_name } if *as_name == report.name => {
            ("same", "already added".to_owned())
        }
        Outcome::AlreadyAdded { as_name } => ("same", format!("already added, as {as_name}")),
        Outcome::Refused(why) => ("refused", format!("not added: {why}")),
    };
    view! {
        <li class=format!("report {class}")>
            <strong class="file">{report.name.clone()}</strong> ": " {what}
            {report.document.map(|doc| view! { " " <Summary doc/> })}
        </li>
    }
}

/// Instruments found, paragraph counts, warnings, and what `check` says.
#[component]
fn Summary(doc: AddedDocument) -> impl IntoView {
    let warnings = doc.warnings;
    view! {
        <span class="summary">
            {doc.instruments.iter().map(|i| {
                let href = Route::Instrument { id: i.id.clone() }.to_hash();
                view! {
                    <a href=href>{i.citation.clone()}</a>
                    {format!(" ({} preambular, {} operative) ", i.preambular, i.operative)}
                }
            }).collect_view()}
            {format!("{} warning{}", warnings, plural(warnings))}
        </span>
        <details>
            <summary>"Details"</summary>
            <pre class="check">{doc.details.clone()}</pre>
        </details>
    }
}

#[component]
fn AddedEntry(doc: AddedDocument, documents: Documents) -> impl IntoView {
    let name = doc.name.clone();
    let label = format!("Remove {}", doc.name);
    let format = doc.format.label();
    let size = if doc.bytes >= 1_000_000 {
        format!("{:.1} MB", doc.bytes as f64 / 1e6)
    } else {
        format!("{} KB", doc.bytes.div_ceil(1000))
    };
    view! {
        <li class="added-document">
            <strong class="file">{doc.name.clone()}</strong>
            {format!(" ({format}, {size}): ")}
            <Summary doc/>
            <button
                type="button"
                aria-label=label
                on:click=move |_| documents.remove(name.clone())
            >
                "Remove"
            </button>
        </li>
    }
}

/// Where the added documents are kept, said plainly, with the two ways to
/// keep them where the browser will not.
#[component]
fn StorageLine(documents: Documents) -> impl IntoView {
    move || {
        let any = !documents.added.with(Vec::is_empty);
        let line = match (documents.storage.get(), documents.persisted.get()) {
            (None, _) => return None,
            (Some(Storage::Kept), Some(true)) => {
                "Kept in this browser: they will be here when you come back.".to_owned()
            }
            (Some(Storage::Kept), _) => "Kept in this browser, which may still clear them when it runs short of space \
                 or when you clear its data: to be sure, save as one file or export them."
                .to_owned(),
            (Some(Storage::NotKept { why }), _) => format!(
                "This browser cannot keep them here ({why}): they will be gone when this page closes. \
                 To keep them, save as one file or export them."
            ),
        };
        (any || !matches!(documents.storage.get(), Some(Storage::Kept))).then(|| {
            view! { <p class="storage" role="note">{line}</p> }
        })
    }
}
