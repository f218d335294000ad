//! Search as you type: the search box in the page header, and the results
//! view with its facets. The query and filters live in the URL, so a search
//! can be shared and survives reloading and the back button.

use clause_explorer::bodies;
use clause_explorer::model::Part;
use clause_explorer::search::{search, FacetCount, Hit, Query, Results, PAGE};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::paragraph::Tools;
use super::rich_text::RichText;
use super::{navigate, replace_route, session, Data};
use crate::clip;
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
    view! {
        <h1 tabindex="-1" class="search-heading">"Search"</h1>
        <div class="search-layout">
            <aside class="facets" aria-label="Filters">
                {move || facets(data, &query.get(), &results.get())}
            </aside>
            <section class="results-column" aria-label="Results">
                <p class="result-summary" role="status">
                    {move || summary(&query.get(), &results.get())}
                </p>
                {move || suggestions(&query.get(), &results.get())}
                {move || (query.get().text.trim().is_empty() && query.get().filters.is_empty()).then(examples)}
                <ol class="results">
                    {move || {
                        results
                            .get()
                            .hits
                            .into_iter()
                            .filter_map(|hit| result_item(data, hit))
                            .collect_view()
                    }}
                </ol>
                {move || {
                    let r = results.get();
                    (r.total > r.hits.len()).then(|| {
                        let next = (r.total - r.hits.len()).min(PAGE);
                        view! {
                            <button
                                type="button"
                                class="more"
                                on:click=move |_| {
                                    let q = query.get_untracked();
                                    more.update(|(asked, n)| {
                                        *n = if *asked == q { *n + 1 } else { 1 };
                                        *asked = q;
                                    });
                                }
                            >
                                {format!("Show {next} more of {}", r.total - r.hits.len())}
                            </button>
                        }
                    })
                }}
            </section>
        </div>
    }
}

fn summary(query: &Query, results: &Results) -> String {
    let text = query.text.trim();
    match (text.is_empty(), results.total) {
        (true, _) if query.filters.is_empty() => {
            "Type in the search box: words, \"quoted phrases\", -excluded words. Or choose filters."
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

/// One hit: the clause with its matches marked, its citation and
/// instrument, and its actions.
fn result_item(data: &'static Data, hit: Hit) -> Option<impl IntoView> {
    let r = hit.unit.resolve(data.corpus)?;
    let inst = r.instrument;
    let p = r.paragraph;
    let highlights: Vec<_> = hit.highlights.iter().map(|h| h.span).collect();
    let year = inst
        .year
        .map(|y| format!(" \u{b7} {y}"))
        .unwrap_or_default();
    let title = if inst.title.is_empty() {
        inst.citation.clone()
    } else {
        inst.title.clone()
    };
    let (body, citation, copy) = match r.subparagraph {
        Some(s) => {
            let opening: Vec<&str> = p.text.plain.split(' ').take(12).collect();
            let number = p.number.map(|n| format!("{n}. ")).unwrap_or_default();
            let body = view! {
                <p class="result-context">{format!("{number}{}\u{2026}", opening.join(" "))}</p>
                <p class="clause-text">
                    <span class="label">{format!("({})", s.label)}</span>
                    " "
                    <RichText inst text=&s.text highlights id=s.id.clone()/>
                </p>
            }
            .into_any();
            (
                body,
                s.citation.clone(),
                clip::subparagraph_with_citation(s),
            )
        }
        None => {
            let lead_len = p.lead.as_ref().map_or(0, String::len);
            let number = p
                .number
                .map(|n| view! { <span class="number">{format!("{n}. ")}</span> });
            let body = view! {
                <p class="clause-text">
                    {number}
                    <RichText inst text=&p.text lead_len highlights id=p.id.clone()/>
                </p>
            }
            .into_any();
            (body, p.citation.clone(), clip::paragraph_with_citation(p))
        }
    };
    let open = Route::Clause { id: hit.id.clone() }.to_hash();
    Some(view! {
        <li class="result" data-clause-id=hit.id.clone()>
            <p class="result-source">
                <a href=open.clone()>{citation.clone()}</a>
                <span class="result-instrument">{format!(" \u{b7} {title}{year}")}</span>
            </p>
            {body}
            <Tools id=hit.id.clone() citation copy permalink=false/>
        </li>
    })
}

/// The facet groups: kind, lead phrase, adopting body, instrument, year,
/// session, subject.
fn facets(data: &'static Data, query: &Query, results: &Results) -> impl IntoView {
    let f = &results.facets;
    let instrument_label =
        move |id: &String| data.citation(id).map_or_else(|| id.clone(), str::to_owned);
    view! {
        <h2 class="sr-only">"Filters"</h2>
        {group("Kind", "part", query, &f.parts, |p: &Part| match p {
            Part::Preambular => "Preambular".to_owned(),
            Part::Operative => "Operative".to_owned(),
        }, |q, p| toggle(&mut q.filters.parts, *p))}
        {group("Lead phrase", "group", query, &f.lead_groups, String::clone, |q, g| {
            toggle(&mut q.filters.lead_groups, g.clone())
        })}
        {group("Adopting body", "body", query, &f.bodies, |b: &String| bodies::bare(b).to_owned(), |q, b| {
            toggle(&mut q.filters.bodies, b.clone())
        })}
        {group("Instrument", "instrument", query, &f.instruments, instrument_label, |q, i| {
            toggle(&mut q.filters.instruments, i.clone())
        })}
        {group("Year", "year", query, &f.years, u16::to_string, |q, y| toggle(&mut q.filters.years, *y))}
        {group("Session", "session", query, &f.sessions, String::clone, |q, s| {
            toggle(&mut q.filters.sessions, s.clone())
        })}
        {group("Subject", "subject", query, &f.subjects, String::clone, |q, s| {
            toggle(&mut q.filters.subjects, s.clone())
        })}
        {(!query.filters.is_empty()).then(|| {
            let mut cleared = query.clone();
            cleared.filters = Default::default();
            let href = Route::Search(cleared).to_hash();
            view! { <p><a href=href>"Clear all filters"</a></p> }
        })}
    }
}

fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

/// One facet: a group of checkboxes, each with its live count. Choosing
/// one is a new history entry, so the back button undoes it.
fn group<T: Clone + 'static>(
    legend: &'static str,
    key: &'static str,
    query: &Query,
    values: &[FacetCount<T>],
    label: impl Fn(&T) -> String,
    apply: impl Fn(&mut Query, &T) + Copy + 'static,
) -> Option<impl IntoView> {
    if values.is_empty() {
        return None;
    }
    let items = values
        .iter()
        .enumerate()
        .map(|(k, v)| {
            let id = format!("facet-{key}-{k}");
            let mut next = query.clone();
            apply(&mut next, &v.value);
            let text = label(&v.value);
            let count = v.count;
            view! {
                <li>
                    <input
                        type="checkbox"
                        id=id.clone()
                        prop:checked=v.selected
                        on:change=move |_| navigate(&Route::Search(next.clone()))
                    />
                    <label for=id>{text} " " <span class="count">{format!("({count})")}</span></label>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <fieldset class="facet">
            <legend>{legend}</legend>
            <ul>{items}</ul>
        </fieldset>
    })
}
