//! The library: every instrument of the corpus, with adopting body, symbol,
//! title and paragraph counts.

use clause_explorer::model::Instrument;
use leptos::prelude::*;

use super::documents::{Documents, DocumentsPanel};
use super::Data;
use crate::route::Route;

#[component]
pub fn Library(data: &'static Data) -> impl IntoView {
    let collection = &data.collection;
    let heading = if collection.title.trim().is_empty() {
        "Library".to_owned()
    } else {
        collection.title.trim().to_owned()
    };
    let description = collection.description.trim().to_owned();
    let total = data.instruments.len();
    let all = RwSignal::new(false);
    view! {
        <h1 tabindex="-1">{heading}</h1>
        {(!description.is_empty()).then(|| view! { <p class="description">{description}</p> })}
        <p class="lede">
            "Agreed language from " {data.instruments.len()} " resolutions and decisions, "
            "clause by clause. Open one to read it as adopted, with its footnotes and a "
            "citable link to every paragraph."
        </p>
        {use_context::<Documents>().map(|documents| view! { <DocumentsPanel documents/> })}
        <ul class="library" aria-label="Instruments">
            {move || {
                let n = if all.get() { total } else { total.min(FIRST) };
                data.instruments[..n]
                    .iter()
                    .map(|&inst| view! { <Entry inst added=data.added_from(&inst.id)/> })
                    .collect_view()
            }}
        </ul>
        {move || (!all.get() && total > FIRST).then(|| view! {
            <p class="more">
                <button type="button" on:click=move |_| all.set(true)>
                    "Show all " {total} " instruments"
                </button>
                " (the first " {FIRST} " are listed; search finds any clause in all of them)"
            </p>
        })}
    }
}

/// How many instruments the library lists before "Show all": a large
/// corpus's library then opens at once.
const FIRST: usize = 200;

#[component]
fn Entry(
    inst: &'static Instrument,
    /// The file it was added from, when the reader added it.
    added: Option<&'static str>,
) -> impl IntoView {
    let href = Route::Instrument {
        id: inst.id.clone(),
    }
    .to_hash();
    let symbol = inst
        .symbol
        .clone()
        .unwrap_or_else(|| "no symbol".to_owned());
    let kind = capitalise(inst.kind.as_str());
    let title = if inst.title.is_empty() {
        inst.citation.clone()
    } else {
        inst.title.clone()
    };
    view! {
        <li class="entry" class:added=added.is_some() data-instrument-id=inst.id.clone()>
            <h2>
                <a href=href>{title}</a>
            </h2>
            {added.map(|file| view! {
                <p class="added-from">"Added by you, from " <span class="file">{file}</span></p>
            })}
            <dl>
                <div>
                    <dt>{kind}</dt>
                    <dd class="symbol">{symbol}</dd>
                </div>
                <div>
                    <dt>"Adopted by"</dt>
                    <dd>{inst.body.clone().unwrap_or_else(|| "not stated".to_owned())}</dd>
                </div>
                <div>
                    <dt>"Year"</dt>
                    <dd>{inst.year.map_or_else(|| "not stated".to_owned(), |y| y.to_string())}</dd>
                </div>
                <div>
                    <dt>"Paragraphs"</dt>
                    <dd>
                        {inst.preambular.len()} " preambular, " {inst.operative.len()}
                        " operative"
                    </dd>
                </div>
            </dl>
            <p class="citation">{inst.citation.clone()}</p>
        </li>
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
