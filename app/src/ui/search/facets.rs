//! The filters beside the results, drawn after the results: the counts of
//! a keystroke's search (the first one's rows too) are put on screen a
//! frame after its results, and a row is drawn once per value: later
//! keystrokes change its count and state in place.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use clause_explorer::search::{Facets, Query, Results};
use leptos::prelude::*;

use super::super::{navigate, Data};
use crate::facet_rows::{facet_groups, FacetRow, FacetValue};
use crate::route::Route;

/// Ids for the checkboxes, unique in the page: a row keeps its id for as
/// long as it is drawn, wherever it moves.
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

#[component]
pub fn FacetPanel(
    data: &'static Data,
    query: Memo<Query>,
    results: Memo<Results>,
) -> impl IntoView {
    // The facets on screen, one step behind the results while they paint;
    // none at first, so that the view's first frame (the keystroke that
    // leaves another view) draws only the results.
    let shown: RwSignal<Facets> = RwSignal::new(Facets::default());
    Effect::new(move |_| {
        results.with(|_| ());
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if let Some(f) = results.try_with_untracked(|r| r.facets.clone()) {
                        let _ = shown.try_set(f);
                    }
                },
                // A frame's time after the results' frame began: their
                // paint is done.
                Duration::from_millis(16),
            );
        });
    });
    let groups = Memo::new(move |_| {
        shown.with(|f| {
            facet_groups(f, |id| {
                data.citation(id).map(str::to_owned).unwrap_or_else(|| {
                    data.citations.target(id).map_or_else(
                        || id.to_owned(),
                        |t| super::super::references::name(data, t),
                    )
                })
            })
        })
    });
    // Each row is keyed by its value alone and reads its count and state
    // from here: a keystroke that changes counts changes text, not rows.
    let counts = Memo::new(move |_| {
        groups.with(|gs| {
            gs.iter()
                .flat_map(|g| g.rows.iter())
                .map(|r| (r.value.clone(), (r.count, r.selected)))
                .collect::<BTreeMap<FacetValue, (usize, bool)>>()
        })
    });
    let clear = move || {
        query.with(|q| {
            (!q.filters.is_empty()).then(|| {
                let mut cleared = q.clone();
                cleared.filters = Default::default();
                let href = Route::Search(cleared).to_hash();
                view! { <p><a href=href>"Clear all filters"</a></p> }
            })
        })
    };
    view! {
        <h2 class="sr-only">"Filters"</h2>
        <For each=move || groups.with(|gs| gs.iter().map(|g| (g.key, g.legend)).collect::<Vec<_>>())
            key=|(key, _)| *key
            let:((key, legend))
        >
            <fieldset class="facet">
                <legend>{legend}</legend>
                <ul>
                    <For
                        each=move || groups.with(|gs| {
                            gs.iter().find(|g| g.key == key).map(|g| g.rows.clone()).unwrap_or_default()
                        })
                        key=|row| row.value.clone()
                        let:row
                    >
                        {facet_row(query, counts, row)}
                    </For>
                </ul>
            </fieldset>
        </For>
        {clear}
    }
}

/// One value: a checkbox with its live count. Choosing one is a new
/// history entry, so the back button undoes it.
fn facet_row(
    query: Memo<Query>,
    counts: Memo<BTreeMap<FacetValue, (usize, bool)>>,
    row: FacetRow,
) -> impl IntoView {
    let id = format!("facet-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let FacetRow { value, label, .. } = row;
    let state = {
        let value = value.clone();
        move || counts.with(|c| c.get(&value).copied().unwrap_or((0, false)))
    };
    let count = {
        let state = state.clone();
        move || format!("({})", state().0)
    };
    let checked = move || state().1;
    view! {
        <li>
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=checked
                on:change=move |_| {
                    let mut next = query.get_untracked();
                    value.toggle(&mut next.filters);
                    navigate(&Route::Search(next));
                }
            />
            <label for=id>{label} " " <span class="count">{count}</span></label>
        </li>
    }
}
