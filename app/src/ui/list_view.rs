//! The reader's list (`#/list`): the clauses set aside with "Add to list",
//! in the order chosen, to reorder, prune and export together — as a
//! spreadsheet, JSON, Markdown, or a table of precedents for a word
//! processor.

use std::sync::Arc;

use clause_explorer::export::{paragraph_text, subparagraph_text, ClauseRecord};
use leptos::prelude::*;

use super::download::{Downloads, File, Make};
use super::paragraph::Tools;
use super::{page_address, session, Clause, Data};
use crate::clip;
use crate::exports::{link, Format};
use crate::route::Route;

const TITLE: &str = "Clauses of my list";

#[component]
pub fn ListView(data: &'static Data) -> impl IntoView {
    let session = session();
    let list = session.list;
    let missing = move || {
        list.with(|l| {
            l.ids()
                .iter()
                .filter(|id| data.resolved(id).is_none())
                .count()
        })
    };
    let files: Vec<(&'static str, Make)> = Format::ALL
        .into_iter()
        .map(|format| {
            let make: Make = Arc::new(move || {
                let page = page_address();
                let records: Vec<ClauseRecord> = list.with_untracked(|l| {
                    l.ids()
                        .iter()
                        .filter_map(|id| {
                            let unit = data.resolved(id)?;
                            Some(ClauseRecord::of(&unit, link(&page, id)))
                        })
                        .collect()
                });
                (!records.is_empty()).then(|| File {
                    name: format.file_name("my-clauses"),
                    mime: format.mime(),
                    content: format.write(TITLE, &records),
                })
            });
            (format.label(), make)
        })
        .collect();
    let ids = move || list.with(|l| l.ids().to_vec());
    view! {
        <section class="my-list" aria-labelledby="list-title">
            <h1 id="list-title" tabindex="-1">"My list"</h1>
            {move || {
                let n = list.with(|l| l.len());
                if n == 0 {
                    view! {
                        <p class="lede">
                            "Your list is empty. Use " <strong>"Add to list"</strong>
                            " on any clause (or press " <kbd>"l"</kbd>
                            " on a focused clause) to set it aside here, then download the list "
                            "as a spreadsheet, JSON, Markdown or a table of precedents. The list "
                            "is kept in this tab until you close it."
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <p class="lede">
                            {n} {if n == 1 { " clause" } else { " clauses" }}
                            ", kept in this tab until you close it."
                        </p>
                    }
                    .into_any()
                }
            }}
            {move || (missing() > 0).then(|| view! {
                <p class="notice">
                    {missing()} " clauses of your list are not in this corpus. "
                    <button
                        type="button"
                        on:click=move |_| session.edit_list(|l| {
                            let gone: Vec<String> = l.ids().iter().filter(|id| data.resolved(id).is_none()).cloned().collect();
                            for id in gone { l.remove(&id); }
                        })
                    >
                        "Take them off"
                    </button>
                </p>
            })}
            <Show when=move || list.with(|l| !l.is_empty())>
                <Downloads label="Download my list".to_owned() files=files.clone()/>
            </Show>
            <ol class="results listed">
                <For each=ids key=|id| id.clone() let:id>
                    {listed_item(data, id)}
                </For>
            </ol>
            <Show when=move || list.with(|l| !l.is_empty())>
                <p>
                    <button type="button" on:click=move |_| session.edit_list(|l| l.clear())>
                        "Clear the list"
                    </button>
                </p>
            </Show>
        </section>
    }
}

/// One clause of the list: its citation, instrument and text, its tools,
/// and buttons to move it.
fn listed_item(data: &'static Data, id: String) -> Option<impl IntoView> {
    let session = session();
    let unit = data.resolved(&id)?;
    let inst = unit.instrument;
    let (text, citation, copy) = match data.get(&id)? {
        Clause::Subparagraph(_, _, s) => (
            subparagraph_text(s),
            s.citation.clone(),
            clip::subparagraph_with_citation(s),
        ),
        Clause::Paragraph(_, p) => (
            paragraph_text(p),
            p.citation.clone(),
            clip::paragraph_with_citation(p),
        ),
        Clause::Instrument(_) => return None,
    };
    let title = if inst.title.is_empty() {
        inst.citation.clone()
    } else {
        inst.title.clone()
    };
    let open = Route::Clause { id: id.clone() }.to_hash();
    let (up, down) = (id.clone(), id.clone());
    let up_label = format!("Move up: {citation}");
    let down_label = format!("Move down: {citation}");
    Some(view! {
        <li class="result" data-clause-id=id.clone() tabindex="-1">
            <p class="result-source">
                <a href=open>{citation.clone()}</a>
                <span class="result-instrument">{format!(" \u{b7} {title}")}</span>
            </p>
            <p class="clause-text">{text}</p>
            <Tools id=id.clone() citation copy permalink=false/>
            <div class="reorder">
                <button type="button" aria-label=up_label on:click=move |_| session.edit_list(|l| l.shift(&up, -1))>
                    "Move up"
                </button>
                <button type="button" aria-label=down_label on:click=move |_| session.edit_list(|l| l.shift(&down, 1))>
                    "Move down"
                </button>
            </div>
        </li>
    })
}
