//! Clause against clause: the two texts side by side with the words that
//! changed, a similarity figure, and ways to swap or replace either side.
//! While only one side is chosen, it shows that side and suggests
//! counterparts.

use std::sync::Arc;

use clause_explorer::diff::{clause_diff, Clause as DiffClause, Scope};
use clause_explorer::export::{comparison_html, comparison_markdown, file_name};
use leptos::prelude::*;

use super::diff_view::{changed_words, diff_rows, percent};
use super::download::{Downloads, File, Make};
use super::similar::SimilarList;
use super::{navigate, session, Clause, Data, Side};
use crate::exports::comparison_title;
use crate::route::Route;

#[component]
pub fn ComparisonView(data: &'static Data, left: String, right: String) -> impl IntoView {
    let session = session();
    let sides = (data.get(&left), data.get(&right));
    match sides {
        (Some(l), Some(r)) if comparable(l) && comparable(r) => {
            view! { <Pair data left right l r/> }.into_any()
        }
        (Some(one), None) | (None, Some(one)) if comparable(one) => {
            // Half chosen: the other side is to be picked.
            let (id, side) = if data.get(&left).is_some() {
                (left.clone(), Side::Left)
            } else {
                (right.clone(), Side::Right)
            };
            session.pending.set(Some((id.clone(), side)));
            view! { <Choosing data id one side/> }.into_any()
        }
        _ => view! {
            <h1 tabindex="-1">"Comparison"</h1>
            <p>
                "Choose two clauses to compare: use " <strong>"Compare"</strong>
                " on a paragraph in an instrument, then on a second one. "
                <a href="#/">"Open the library"</a>
            </p>
        }
        .into_any(),
    }
}

fn comparable(clause: Clause) -> bool {
    !matches!(clause, Clause::Instrument(_))
}

fn diff_clause(clause: Clause, scope: Scope) -> Option<DiffClause<'static>> {
    match clause {
        Clause::Paragraph(_, p) => Some(DiffClause::Paragraph(p, scope)),
        Clause::Subparagraph(_, _, s) => Some(DiffClause::Subparagraph(s)),
        Clause::Instrument(_) => None,
    }
}

fn has_subparagraphs(clause: Clause) -> bool {
    matches!(clause, Clause::Paragraph(_, p) if !p.subparagraphs.is_empty())
}

#[component]
fn Pair(data: &'static Data, left: String, right: String, l: Clause, r: Clause) -> impl IntoView {
    let with_subs = RwSignal::new(true);
    let diff = Memo::new(move |_| {
        let scope = if with_subs.get() {
            Scope::WithSubparagraphs
        } else {
            Scope::Text
        };
        match (diff_clause(l, scope), diff_clause(r, scope)) {
            (Some(a), Some(b)) => Some(clause_diff(a, b)),
            _ => None,
        }
    });
    let left_citation = data.citation(&left).unwrap_or_default();
    let right_citation = data.citation(&right).unwrap_or_default();
    let region = format!("Comparison of {left_citation} and {right_citation}");
    let swap = {
        let (left, right) = (left.clone(), right.clone());
        move |_| {
            navigate(&Route::Compare {
                left: right.clone(),
                right: left.clone(),
            })
        }
    };
    let replace_left = {
        let right = right.clone();
        move |_| {
            navigate(&Route::Compare {
                left: String::new(),
                right: right.clone(),
            })
        }
    };
    let replace_right = {
        let left = left.clone();
        move |_| {
            navigate(&Route::Compare {
                left: left.clone(),
                right: String::new(),
            })
        }
    };
    let subs_toggle = (has_subparagraphs(l) || has_subparagraphs(r)).then(|| {
        view! {
            <label class="toggle">
                <input
                    type="checkbox"
                    prop:checked=move || with_subs.get()
                    on:change=move |ev| with_subs.set(event_target_checked(&ev))
                />
                " Include sub-paragraphs"
            </label>
        }
    });
    let summary = move || {
        diff.get().map(|d| {
            let (removed, added) = changed_words(&d);
            let verdict = if d.is_unchanged() {
                "Same language".to_owned()
            } else {
                format!("{removed} words removed, {added} added")
            };
            format!("Similarity {} \u{b7} {verdict}", percent(d.similarity))
        })
    };
    let title = comparison_title(left_citation, right_citation);
    let write = move |html: bool| -> Make {
        let title = title.clone();
        Arc::new(move || {
            let d = diff.get_untracked()?;
            let (ext, mime, content) = if html {
                let content = comparison_html(left_citation, right_citation, &d);
                ("html", "text/html;charset=utf-8", content)
            } else {
                let content = comparison_markdown(left_citation, right_citation, &d);
                ("md", "text/markdown;charset=utf-8", content)
            };
            Some(File {
                name: file_name(&title, ext),
                mime,
                content,
            })
        })
    };
    let files: Vec<(&'static str, Make)> =
        vec![("HTML (redline)", write(true)), ("Markdown", write(false))];
    let open_left = Route::Clause { id: left.clone() }.to_hash();
    let open_right = Route::Clause { id: right.clone() }.to_hash();
    view! {
        <section class="comparison" aria-label=region>
            <h1 tabindex="-1">"Comparison"</h1>
            <p class="summary" aria-live="polite">{summary}</p>
            <div class="actions">
                <button type="button" on:click=swap>"Swap sides"</button>
                <button type="button" on:click=replace_left>"Replace left"</button>
                <button type="button" on:click=replace_right>"Replace right"</button>
                {subs_toggle}
            </div>
            <Downloads label="Download this comparison".to_owned() files/>
            <table class="diff">
                <thead>
                    <tr>
                        <th scope="col"><a href=open_left>{left_citation}</a></th>
                        <th scope="col"><a href=open_right>{right_citation}</a></th>
                    </tr>
                </thead>
                <tbody>{move || diff.get().map(|d| diff_rows(&d))}</tbody>
            </table>
            <details class="trail">
                <summary>"Where else is the left clause\u{2019}s language"</summary>
                <SimilarList data id=left.clone()/>
            </details>
        </section>
    }
}

/// One side chosen: show it and suggest counterparts.
#[component]
fn Choosing(data: &'static Data, id: String, one: Clause, side: Side) -> impl IntoView {
    let session = session();
    let citation = data.citation(&id).unwrap_or_default();
    let text = match one {
        Clause::Paragraph(_, p) => p.text.plain.clone(),
        Clause::Subparagraph(_, _, s) => s.text.plain.clone(),
        Clause::Instrument(i) => i.title.clone(),
    };
    let cancel = move |_| {
        session.pending.set(None);
        navigate(&Route::Library);
    };
    view! {
        <section class="comparison" aria-label="Comparison: choose the second clause">
            <h1 tabindex="-1">"Comparison"</h1>
            <p>
                "Comparing " <a href=Route::Clause { id: id.clone() }.to_hash()>{citation}</a>
                ". Choose the clause to compare it with: a similar one below, or any paragraph's "
                <strong>"Compare"</strong> " button in the library or search."
            </p>
            <blockquote class="chosen">{text}</blockquote>
            <h2>"Similar language"</h2>
            <SimilarList data id=id.clone() side/>
            <p><button type="button" on:click=cancel>"Cancel the comparison"</button></p>
        </section>
    }
}
