//! Search as you type: the search box in the page header, and the results
//! view with its facets. The query and filters live in the URL, so a search
//! can be shared and survives reloading and the back button.

mod facets;
mod results;

use std::sync::Arc;

use clause_explorer::search::{search, Query, Results, PAGE};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use self::facets::FacetPanel;
use self::results::ResultList;
use super::download::{Downloads, File, Make};
use super::{navigate, page_address, replace_route, session, Data};
use crate::exports::{search_records, search_title, Format};
use crate::route::Route;

/// Queries to start from when the box is empty.
const EXAMPLES: &[&str] = &[
    "consider ratifying",
    "\"supply chains\"",
    "awareness raising campaigns",
    "urges ratify",
    "trafficing online",
];

/// The search box of the page header. Typing searches at once: the first
/// keystroke opens the results (a history entry), later ones update them
/// in place (no entry per keystroke). `/` focuses it from anywhere.
#[component]
pub fn SearchBox() -> impl IntoView {
    let session = session();
    let route = session.route;
    let value = move || match route.get() {
        Route::Search(q) => q.text,
        _ => String::new(),
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match route.get_untracked() {
            Route::Search(mut q) => {
                q.text = text;
                let next = Route::Search(q);
                replace_route(&next);
                route.set(next);
            }
            _ => navigate(&Route::Search(Query::new(&text))),
        }
    };
    let key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/"
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
            || typing_in_a_field(&ev)
        {
            return;
        }
        if let Some(input) = document()
            .get_element_by_id("search")
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            ev.prevent_default();
            let _ = input.focus();
            input.select();
        }
    });
    on_cleanup(move || key.remove());
    view! {
        <form role="search" class="search-form" on:submit=|ev| ev.prevent_default()>
            <label for="search" class="sr-only">"Search clauses"</label>
            <input
                id="search"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder="Search agreed language  ( / )"
                aria-keyshortcuts="/"
                prop:value=value
                on:input=on_input
            />
        </form>
    }
}

/// Whether a key press goes to a text field (where `/` is just a slash).
fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || e.has_attribute("contenteditable")
        })
}

/// The results of the current search, with facets.
#[component]
pub fn SearchView(data: &'static Data) -> impl IntoView {
    let route = session().route;
    let query = Memo::new(move |_| match route.get() {
        Route::Search(q) => q,
        _ => Query::default(),
    });
    // "Show more" pages of the query they were asked for: a new query
    // starts again from the first page, with one search per keystroke.
    let more: RwSignal<(Query, usize)> = RwSignal::new((Query::default(), 0));
    let results = Memo::new(move |_| {
        let q = query.get();
        let pages = more.with(|(asked, n)| if *asked == q { *n } else { 0 });
        search(&data.search, &q, PAGE * (1 + pages))
    });
    let blank = move || query.with(|q| q.text.trim().is_empty() && q.filters.is_empty());
    announce_quietly(query, results);
    let files: Vec<(&'static str, Make)> = Format::ALL
        .into_iter()
        .map(|format| {
            let make: Make = Arc::new(move || {
                let q = query.get_untracked();
                let title = search_title(&q);
                let records = search_records(data.corpus, &data.search, &q, &page_address());
                (!records.is_empty()).then(|| File {
                    name: format.file_name(&title),
                    mime: format.mime(),
                    content: format.write(&title, &records),
                })
            });
            (format.label(), make)
        })
        .collect();
    // A memo: the downloads are drawn again only when results appear or
    // vanish, not at every keystroke.
    let any = Memo::new(move |_| results.with(|r| r.total > 0));
    view! {
        <h1 tabindex="-1" class="search-heading">"Search"</h1>
        <div class="search-layout">
            <aside class="facets" aria-label="Filters">
                <FacetPanel data query results/>
            </aside>
            <section class="results-column" aria-label="Results">
                <p class="result-summary">
                    {move || query.with(|q| results.with(|r| summary(q, r)))}
                </p>
                {move || any.get().then(|| view! {
                    <Downloads label="Download all these results".to_owned() files=files.clone()/>
                })}
                {move || query.with(|q| results.with(|r| suggestions(q, r)))}
                {move || blank().then(examples)}
                <ResultList data query results more/>
            </section>
        </div>
    }
}

/// How long the results must stay the same before their count is read
/// out: a screen reader hears the count once typing pauses, not once per
/// keystroke.
const QUIET: std::time::Duration = std::time::Duration::from_millis(750);

/// Puts the results' count in the page's live region once they have
/// stayed unchanged for [`QUIET`].
fn announce_quietly(query: Memo<Query>, results: Memo<Results>) {
    let announce = session().announce;
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let said = query.with(|q| results.with(|r| summary(q, r)));
        let now = generation.get_value() + 1;
        generation.set_value(now);
        set_timeout(
            move || {
                if generation.try_get_value() == Some(now) {
                    let _ = announce.try_set(said);
                }
            },
            QUIET,
        );
    });
}

fn summary(query: &Query, results: &Results) -> String {
    let text = query.text.trim();
    match (text.is_empty(), results.total) {
        (true, _) if query.filters.is_empty() => {
            "Type in the search box: words, \"quoted phrases\", -excluded words, cites:70/1 (clauses that cite resolution 70/1; also cites:A/RES/70/1, cites:untoc). Or choose filters."
                .to_owned()
        }
        (true, n) => format!("{n} {} with these filters", clauses(n)),
        (false, 0) => format!("No clause matches \u{201c}{text}\u{201d}."),
        (false, n) => format!("{n} {} match \u{201c}{text}\u{201d}", clauses(n)),
    }
}

fn clauses(n: usize) -> &'static str {
    if n == 1 {
        "clause"
    } else {
        "clauses"
    }
}

/// "Did you mean …", each suggestion a link to the query with the word
/// replaced.
fn suggestions(query: &Query, results: &Results) -> Option<impl IntoView> {
    if results.suggestions.is_empty() {
        return None;
    }
    let links = results
        .suggestions
        .iter()
        .flat_map(|s| {
            s.instead.iter().take(3).map(|word| {
                let mut q = query.clone();
                q.text = replace_word(&q.text, &s.word, word);
                let href = Route::Search(q).to_hash();
                view! { <li><a href=href>{word.clone()}</a></li> }
            })
        })
        .collect_view();
    Some(view! {
        <div class="did-you-mean">
            <p>"Did you mean:"</p>
            <ul>{links}</ul>
        </div>
    })
}

/// The query text with the word that matched nothing replaced (compared
/// case-insensitively; the folded form is what search reports).
fn replace_word(text: &str, word: &str, with: &str) -> String {
    text.split(' ')
        .map(|w| {
            let bare = w.trim_start_matches(['-', '"']).trim_end_matches('"');
            if bare.to_lowercase() == word {
                w.replace(bare, with)
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn examples() -> impl IntoView {
    let links = EXAMPLES
        .iter()
        .map(|e| {
            let href = Route::Search(Query::new(e)).to_hash();
            view! { <li><a href=href>{*e}</a></li> }
        })
        .collect_view();
    view! {
        <div class="examples">
            <p>"For example:"</p>
            <ul>{links}</ul>
        </div>
    }
}
