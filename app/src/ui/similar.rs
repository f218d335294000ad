//! Where else this language is: the paragraphs of the rest of the corpus
//! most similar to one, ranked, each one click from a comparison.

use clause_explorer::trail::LISTED;
use leptos::prelude::*;

use super::diff_view::percent;
use super::pictures::PictureView;
use super::{Data, Side};
use crate::route::Route;

/// The ranked list for the clause `id` (a sub-paragraph is looked up by
/// its paragraph). Compare links put `id` on the `side` given (left by
/// default).
#[component]
pub fn SimilarList(
    data: &'static Data,
    id: String,
    #[prop(default = Side::Left)] side: Side,
) -> impl IntoView {
    let Some(unit) = data.unit(&id) else {
        return view! { <p class="similar-none">"No paragraph to compare."</p> }.into_any();
    };
    let found = data.similar.similar_to(data.corpus, unit, LISTED);
    if found.is_empty() {
        return view! {
            <p class="similar-none">"No paragraph elsewhere in the corpus shares this language."</p>
        }
        .into_any();
    }
    let items = found
        .into_iter()
        .filter_map(|(other, similarity)| {
            let p = other.paragraph(data.corpus)?;
            let words: Vec<&str> = p.text.plain.split(' ').take(14).collect();
            let opening = format!("{}\u{2026}", words.join(" "));
            let (left, right) = match side {
                Side::Left => (id.clone(), p.id.clone()),
                Side::Right => (p.id.clone(), id.clone()),
            };
            let compare = Route::Compare { left, right }.to_hash();
            let open = Route::Clause { id: p.id.clone() }.to_hash();
            let label = format!("Compare with {}", p.citation);
            Some(view! {
                <li data-clause-id=p.id.clone()>
                    <span class="similarity">{percent(similarity)}</span>
                    " "
                    <a href=open>{p.citation.clone()}</a>
                    " "
                    <a class="button-link" href=compare aria-label=label>"Compare"</a>
                    <span class="opening">{opening}</span>
                </li>
            })
        })
        .collect_view();
    let trail = clause_explorer::pictures::Trail::of(
        data.corpus,
        &data.similar,
        unit,
        clause_explorer::pictures::TRAIL_POINTS,
    )
    .map(|t| clause_explorer::pictures::trail(&t));
    view! {
        <ol class="similar">{items}</ol>
        {trail.map(|picture| view! {
            <details class="trail">
                <summary>"This language over the years"</summary>
                <PictureView picture/>
            </details>
        })}
    }
    .into_any()
}
