//! The page frame: header with the site's name and navigation, the view of
//! the current route, and a footer. The route lives in the URL hash; this
//! component keeps a signal in step with it.

use leptos::prelude::*;

use super::align::AlignView;
use super::compare::ComparisonView;
use super::documents::AddButton;
use super::instrument::InstrumentView;
use super::keyboard::{self, ShortcutsPanel};
use super::library::Library;
use super::list_view::ListView;
use super::pictures::PicturesView;
use super::references::CitedView;
use super::search::{SearchBox, SearchView};
use super::{current_hash, Clause, Data, Session};
use crate::route::Route;

/// The whole app, given the session's data.
#[component]
pub fn App(data: &'static Data) -> impl IntoView {
    let session = Session::new(Route::parse(&current_hash()));
    let route = session.route;
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&current_hash()));
    });
    on_cleanup(move || handle.remove());
    provide_context(session);
    provide_context(data);

    Effect::new(move |_| {
        let title = page_title(data, &route.get());
        document().set_title(&title);
    });

    let offline = window().location().protocol().is_ok_and(|p| p == "file:");
    // The view to show changes with the route, except that typing in the
    // search box (a new query) keeps the results view and updates it.
    let view_key = Memo::new(move |_| match route.get() {
        Route::Search(_) => Route::Search(Default::default()),
        other => other,
    });
    keyboard::listen(session);
    // A new view takes the focus to its heading, which a screen reader
    // reads out; an instrument places it itself (its title, or the
    // permalinked clause), and typing in the search box keeps it there.
    Effect::new(move |before: Option<Route>| {
        let now = view_key.get();
        let moved = before.as_ref().is_some_and(|b| *b != now);
        if moved && !matches!(now, Route::Instrument { .. } | Route::Clause { .. }) {
            request_animation_frame(focus_heading);
        }
        now
    });
    let listed = move || session.list.with(|l| l.len());
    let announce = session.announce;

    view! {
        <a class="skip" href="#main" on:click=skip_to_main>"Skip to content"</a>
        <header class="site">
            <a class="brand" href="#/">"Clause Explorer"</a>
            <SearchBox/>
            <AddButton/>
            <nav aria-label="Main">
                <ul>
                    <li>
                        <a href="#/" aria-current=move || current(&route.get(), "library")>
                            "Library"
                        </a>
                    </li>
                    <li>
                        <a href="#/search" aria-current=move || current(&route.get(), "search")>
                            "Search"
                        </a>
                    </li>
                    <li>
                        <a href="#/align" aria-current=move || current(&route.get(), "align")>
                            "Compare instruments"
                        </a>
                    </li>
                    <li>
                        <a href="#/pictures" aria-current=move || current(&route.get(), "pictures")>
                            "Pictures"
                        </a>
                    </li>
                    <li>
                        <a href="#/list" aria-current=move || current(&route.get(), "list")>
                            "My list"
                            {move || (listed() > 0).then(|| view! {
                                " " <span class="count">{format!("({})", listed())}</span>
                            })}
                        </a>
                    </li>
                </ul>
            </nav>
        </header>
        <main id="main" tabindex="-1">
            {move || match view_key.get() {
                Route::Library => view! { <Library data/> }.into_any(),
                Route::Search(_) => view! { <SearchView data/> }.into_any(),
                Route::Instrument { id } => match data.get(&id) {
                    Some(Clause::Instrument(inst)) => {
                        view! { <InstrumentView data inst focus=None/> }.into_any()
                    }
                    _ => not_found(&id).into_any(),
                },
                Route::Clause { id } => match data.get(&id) {
                    Some(clause) => {
                        let inst = clause.instrument();
                        view! { <InstrumentView data inst focus=Some(id.clone())/> }.into_any()
                    }
                    None => not_found(&id).into_any(),
                },
                Route::Compare { left, right } => {
                    view! { <ComparisonView data left right/> }.into_any()
                }
                Route::Align { first, second } => {
                    view! { <AlignView data first second/> }.into_any()
                }
                Route::List => view! { <ListView data/> }.into_any(),
                Route::Cited { key } => view! { <CitedView data key/> }.into_any(),
                Route::Pictures => view! { <PicturesView data/> }.into_any(),
                Route::NotFound { hash } => not_found(&hash).into_any(),
            }}
        </main>
        <Tray data session/>
        <ShortcutsPanel/>
        <p id="announcer" class="sr-only" aria-live="polite">{move || announce.get()}</p>
        <footer class="site">
            <p>
                {data.instruments.len()} " instruments, " {data.paragraph_count()}
                " paragraphs. Texts as adopted; parsed for reading and citation."
            </p>
            <p>
                <button type="button" class="link-like" aria-keyshortcuts="?" on:click=|_| keyboard::toggle_help()>
                    "Keyboard shortcuts"
                </button>
                " (press " <kbd>"?"</kbd> ")"
            </p>
            {data.collection.attribution.iter().map(|a| view! {
                <p class="attribution">{a.clone()}</p>
            }).collect_view()}
            {(!offline).then(|| view! {
                <p>
                    <a href="clause-explorer.html" download="clause-explorer.html">
                        "Download for offline use"
                    </a>
                    " (one file that opens in any browser, no network needed)"
                </p>
            })}
        </footer>
    }
}

/// While a clause waits for its counterpart: what is chosen, and a way out.
#[component]
fn Tray(data: &'static Data, session: Session) -> impl IntoView {
    let waiting = move || {
        session.pending.get().and_then(|(id, _)| {
            let citation = data.citation(&id)?;
            let on_compare_view = matches!(session.route.get(), Route::Compare { .. });
            (!on_compare_view).then(|| {
                let choose = Route::Compare {
                    left: id.clone(),
                    right: String::new(),
                }
                .to_hash();
                view! {
                    <p>
                        "Comparing " <strong>{citation}</strong>
                        ": choose a second clause with its " <em>"Compare"</em> " button, or "
                        <a href=choose>"see similar clauses"</a> ". "
                        <button type="button" on:click=move |_| session.pending.set(None)>
                            "Cancel"
                        </button>
                    </p>
                }
            })
        })
    };
    view! {
        <aside class="tray" aria-label="Comparison in progress" aria-live="polite">
            {waiting}
        </aside>
    }
}

/// `aria-current="page"` on the link of the current view.
fn current(route: &Route, link: &str) -> Option<&'static str> {
    let here = match route {
        Route::Library => "library",
        Route::Align { .. } => "align",
        Route::Search(_) => "search",
        Route::List => "list",
        Route::Pictures => "pictures",
        _ => "",
    };
    (here == link).then_some("page")
}

/// Gives the new view's heading the focus, unless the reader is typing
/// in the search box.
fn focus_heading() {
    use wasm_bindgen::JsCast;
    let doc = document();
    if doc.active_element().is_some_and(|e| e.id() == "search") {
        return;
    }
    window().scroll_to_with_x_and_y(0.0, 0.0);
    if let Some(h1) = doc
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = h1.focus_with_options(&options);
    }
}

/// Moves focus to the main region without changing the route hash.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        use wasm_bindgen::JsCast;
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}

fn page_title(data: &'static Data, route: &Route) -> String {
    let what = match route {
        Route::Library => "Library".to_owned(),
        Route::Instrument { id } | Route::Clause { id } => match data.get(id) {
            Some(Clause::Instrument(i)) => i.citation.clone(),
            Some(Clause::Paragraph(_, p)) => p.citation.clone(),
            Some(Clause::Subparagraph(_, _, s)) => s.citation.clone(),
            None => "Not found".to_owned(),
        },
        Route::Compare { left, right } => match (data.citation(left), data.citation(right)) {
            (Some(l), Some(r)) => format!("{l} compared with {r}"),
            _ => "Comparison".to_owned(),
        },
        Route::Align { .. } => "Compare instruments".to_owned(),
        Route::List => "My list".to_owned(),
        Route::Cited { key } => match data.citations.target(key) {
            Some(t) => format!("Cited: {}", super::references::name(data, t)),
            None => "Not cited".to_owned(),
        },
        Route::Pictures => "Pictures".to_owned(),
        Route::Search(q) if q.text.trim().is_empty() => "Search".to_owned(),
        Route::Search(q) => format!("Search: {}", q.text.trim()),
        Route::NotFound { .. } => "Not found".to_owned(),
    };
    format!("{what} \u{2014} {}", data.collection.display_title())
}

fn not_found(what: &str) -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Not found"</h1>
        <p>
            "There is no " <code>{what.to_owned()}</code> " in this corpus. "
            <a href="#/">"Back to the library"</a>
        </p>
    }
}
