//! The list of results, drawn so that a keystroke costs one frame: a
//! result that stays from one keystroke to the next (same clause, same
//! words marked) keeps its DOM; only the results that cover the screen are
//! drawn at once, and more are drawn as the end of the list comes within a
//! screen of the bottom edge (scrolling, or moving focus with Tab), before
//! the frame that would show them is painted. The count of all matches is
//! in the status line above; "Show more" asks the engine for the next page
//! once every result fetched is drawn.

use clause_explorer::search::{Hit, Query, Results, PAGE};
use leptos::prelude::*;

use super::super::paragraph::Tools;
use super::super::rich_text::RichText;
use super::super::Data;
use crate::clip;
use crate::route::Route;

/// Results drawn when a query changes: enough to fill a tall screen (a
/// result is at least about 100 px high).
const FIRST: usize = 12;
/// Results added each time the end of the list comes near.
const STEP: usize = 12;

/// A hit with the key that says whether its drawing can be kept.
#[derive(Clone, PartialEq)]
struct Row {
    key: String,
    hit: Hit,
}

fn row(hit: &Hit) -> Row {
    use std::fmt::Write;
    let mut key = hit.id.clone();
    for h in &hit.highlights {
        let _ = write!(key, " {}-{}", h.span.start, h.span.end);
    }
    Row {
        key,
        hit: hit.clone(),
    }
}

#[component]
pub fn ResultList(
    data: &'static Data,
    query: Memo<Query>,
    results: Memo<Results>,
    /// Pages asked for beyond the first, for the query they were asked
    /// for.
    more: RwSignal<(Query, usize)>,
) -> impl IntoView {
    // How many results are drawn, for the query they were drawn for: a new
    // query starts again from FIRST.
    let drawn: RwSignal<(Query, usize)> = RwSignal::new((Query::default(), FIRST));
    // Read with `try_`: `grow` also runs from an animation frame or a
    // scroll event that may come after the view is gone.
    let count = move || {
        drawn
            .try_with(|(q, n)| query.try_with(|now| if q == now { *n } else { FIRST }))
            .flatten()
            .unwrap_or(FIRST)
    };
    let rows = Memo::new(move |_| {
        let n = count();
        results.with(|r| r.hits.iter().take(n).map(row).collect::<Vec<_>>())
    });
    let end = NodeRef::<leptos::html::Div>::new();
    // Draws more when the end of the list is less than a screen below the
    // bottom edge and fetched results are left to draw.
    let grow = move || {
        let Some(end) = end.try_get_untracked().flatten() else {
            return;
        };
        let screen = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let near = end.get_bounding_client_rect().top() < 2.0 * screen;
        let fetched = results.try_with_untracked(|r| r.hits.len()).unwrap_or(0);
        let n = count();
        if near && n < fetched {
            if let Some(q) = query.try_get_untracked() {
                let _ = drawn.try_set((q, n + STEP));
            }
        }
    };
    let scroll = window_event_listener(leptos::ev::scroll, move |_| grow());
    let resize = window_event_listener(leptos::ev::resize, move |_| grow());
    on_cleanup(move || {
        scroll.remove();
        resize.remove();
    });
    // A drawing may still end on screen (a very tall window, "Show more"
    // at the bottom): check once it is laid out.
    Effect::new(move |_| {
        rows.with(|_| ());
        request_animation_frame(grow);
    });
    let show_more = move || {
        results.with(|r| {
            let all_drawn = count() >= r.hits.len();
            (all_drawn && r.total > r.hits.len()).then(|| {
                let next = (r.total - r.hits.len()).min(PAGE);
                let left = r.total - r.hits.len();
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
                        {format!("Show {next} more of {left}")}
                    </button>
                }
            })
        })
    };
    view! {
        <ol class="results">
            <For each=move || rows.get() key=|r| r.key.clone() let:r>
                {result_item(data, r.hit)}
            </For>
        </ol>
        <div class="results-end" node_ref=end></div>
        {show_more}
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
                    <span class="label">{s.printed_label()}</span>
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
        <li class="result" data-clause-id=hit.id.clone() tabindex="-1">
            <p class="result-source">
                <a href=open.clone()>{citation.clone()}</a>
                <span class="result-instrument">{format!(" \u{b7} {title}{year}")}</span>
            </p>
            {body}
            <Tools id=hit.id.clone() citation copy permalink=false/>
        </li>
    })
}
