//! Instrument against instrument: every paragraph of the first aligned
//! with its counterpart in the second (moved and edited paragraphs still
//! pair; boilerplate does not), each pair with its word diff.

use clause_explorer::align::{align, AlignedRow, Status};
use clause_explorer::diff::{clause_diff, Clause as DiffClause};
use clause_explorer::model::{Instrument, Part};
use leptos::prelude::*;

use super::diff_view::{percent, segments};
use super::{navigate, Clause, Data};
use crate::route::Route;

#[component]
pub fn AlignView(data: &'static Data, first: String, second: String) -> impl IntoView {
    let instrument = |id: &str| match data.get(id) {
        Some(Clause::Instrument(i)) => Some(i),
        _ => None,
    };
    let (a, b) = (instrument(&first), instrument(&second));
    let picker = {
        let (first, second) = (first.clone(), second.clone());
        view! { <Pickers data first second/> }
    };
    let body = match (a, b) {
        (Some(a), Some(b)) => view! { <Aligned a b/> }.into_any(),
        _ => view! {
            <p>"Choose two instruments to see which paragraphs of the first reappear in the second: identical, changed, or only in one."</p>
        }
        .into_any(),
    };
    view! {
        <section class="alignment" aria-label="Comparison of two instruments">
            <h1 tabindex="-1">"Compare instruments"</h1>
            {picker}
            {body}
        </section>
    }
}

#[component]
fn Pickers(data: &'static Data, first: String, second: String) -> impl IntoView {
    let options = move |selected: String| {
        let mut opts = vec![
            view! { <option value="" selected=selected.is_empty()>"Choose\u{2026}"</option> }
                .into_any(),
        ];
        opts.extend(data.instruments.iter().map(|i| {
            let chosen = i.id == selected;
            view! { <option value=i.id.clone() selected=chosen>{i.citation.clone()}</option> }
                .into_any()
        }));
        opts
    };
    let go = move |first: String, second: String| navigate(&Route::Align { first, second });
    let on_first = {
        let second = second.clone();
        move |ev| go(event_target_value(&ev), second.clone())
    };
    let on_second = {
        let first = first.clone();
        move |ev| go(first.clone(), event_target_value(&ev))
    };
    let swap = {
        let (first, second) = (first.clone(), second.clone());
        move |_| go(second.clone(), first.clone())
    };
    view! {
        <div class="pickers">
            <label>"First instrument " <select on:change=on_first>{options(first.clone())}</select></label>
            <label>"Second instrument " <select on:change=on_second>{options(second.clone())}</select></label>
            <button type="button" on:click=swap>"Swap"</button>
        </div>
    }
}

#[component]
fn Aligned(a: &'static Instrument, b: &'static Instrument) -> impl IntoView {
    let alignment = align(a, b);
    let s = alignment.summary;
    let summary = format!(
        "{} identical \u{b7} {} changed \u{b7} {} only in the first \u{b7} {} only in the second",
        s.identical, s.changed, s.only_in_first, s.only_in_second
    );
    let pairs_only = RwSignal::new(false);
    let rows = alignment
        .rows
        .into_iter()
        .map(|row| {
            let paired = row.first.is_some() && row.second.is_some();
            view! {
                <AlignedRowView a b row hidden=Signal::derive(move || pairs_only.get() && !paired)/>
            }
        })
        .collect_view();
    view! {
        <p class="summary">{summary}</p>
        <p class="note">"Renumbering alone is not a change; footnote marks are ignored."</p>
        <label class="toggle">
            <input
                type="checkbox"
                prop:checked=move || pairs_only.get()
                on:change=move |ev| pairs_only.set(event_target_checked(&ev))
            />
            " Show only paragraphs found in both"
        </label>
        <table class="diff alignment-table">
            <thead>
                <tr>
                    <th scope="col"><a href=Route::Instrument { id: a.id.clone() }.to_hash()>{a.citation.clone()}</a></th>
                    <th scope="col"><a href=Route::Instrument { id: b.id.clone() }.to_hash()>{b.citation.clone()}</a></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn AlignedRowView(
    a: &'static Instrument,
    b: &'static Instrument,
    row: AlignedRow,
    hidden: Signal<bool>,
) -> impl IntoView {
    let part = row.part;
    let first = row
        .first
        .and_then(|p| p.clause(a, part).map(|c| (c, place_citation(a, part, p))));
    let second = row
        .second
        .and_then(|p| p.clause(b, part).map(|c| (c, place_citation(b, part, p))));
    let (status_class, status_text) = match row.status {
        Status::Identical => ("identical", "Identical".to_owned()),
        Status::Changed => (
            "changed",
            format!(
                "Changed ({})",
                percent(row.diff.as_ref().map_or(0.0, |d| d.similarity))
            ),
        ),
        Status::OnlyInFirst => ("only-first", "Only in the first".to_owned()),
        Status::OnlyInSecond => ("only-second", "Only in the second".to_owned()),
    };
    let (left, right) = match (&row.diff, first, second) {
        (Some(diff), Some((_, lc)), Some((_, rc))) => {
            let left: Vec<_> = diff.rows.iter().flat_map(|r| r.left.clone()).collect();
            let right: Vec<_> = diff.rows.iter().flat_map(|r| r.right.clone()).collect();
            (
                cell(lc, segments(&left).into_any()),
                cell(rc, segments(&right).into_any()),
            )
        }
        (_, first, second) => (
            first.map_or_else(empty_cell, |(c, citation)| cell(citation, unpaired(c))),
            second.map_or_else(empty_cell, |(c, citation)| cell(citation, unpaired(c))),
        ),
    };
    view! {
        <tr class=format!("aligned {status_class}") hidden=move || hidden.get()>
            <td class="left">{left}</td>
            <td class="right">{right}<p class="status">{status_text}</p></td>
        </tr>
    }
}

fn cell(citation: (String, String), body: AnyView) -> AnyView {
    let (id, text) = citation;
    view! {
        <p class="cell-cite"><a href=Route::Clause { id }.to_hash()>{text}</a></p>
        <div class="cell-text">{body}</div>
    }
    .into_any()
}

fn empty_cell() -> AnyView {
    view! { <p class="cell-empty">"\u{2014}"</p> }.into_any()
}

/// The words of a clause with its sub-paragraph labels.
fn plain(clause: DiffClause<'static>) -> String {
    clause_diff(clause, clause).left_text()
}

/// A clause in one instrument only: its opening words, the rest on demand.
fn unpaired(clause: DiffClause<'static>) -> AnyView {
    const OPENING_WORDS: usize = 16;
    let text = plain(clause);
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() <= OPENING_WORDS + 4 {
        return text.into_any();
    }
    let opening = format!("{}\u{2026}", words[..OPENING_WORDS].join(" "));
    view! {
        <details>
            <summary>{opening}</summary>
            {text.clone()}
        </details>
    }
    .into_any()
}

/// The id and citation of a place: the paragraph, its chapeau or one of its
/// sub-paragraphs.
fn place_citation(
    inst: &Instrument,
    part: Part,
    place: clause_explorer::align::Place,
) -> (String, String) {
    use clause_explorer::align::Piece;
    let Some(p) = place.paragraph(inst, part) else {
        return (inst.id.clone(), inst.citation.clone());
    };
    match place.piece {
        Piece::Whole => (p.id.clone(), p.citation.clone()),
        Piece::Chapeau => (p.id.clone(), format!("{} (chapeau)", p.citation)),
        Piece::Subparagraph(k) => match p.subparagraphs.get(k) {
            Some(s) => (s.id.clone(), s.citation.clone()),
            None => (p.id.clone(), p.citation.clone()),
        },
    }
}
