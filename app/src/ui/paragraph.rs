//! One preambular or operative paragraph with its sub-paragraphs, its
//! citation and permalink, and its actions.

use clause_explorer::model::{Instrument, Paragraph, Part, Subparagraph};
use leptos::prelude::*;

use super::rich_text::RichText;
use super::similar::SimilarList;
use super::{session, Data};
use crate::clip;
use crate::route::Route;

#[component]
pub fn ParagraphView(inst: &'static Instrument, p: &'static Paragraph) -> impl IntoView {
    let lead_len = p.lead.as_ref().map_or(0, String::len);
    let class = match p.part {
        Part::Preambular => "paragraph preambular",
        Part::Operative => "paragraph operative",
    };
    let number = p
        .number
        .map(|n| view! { <span class="number" aria-hidden="true">{format!("{n}.")}</span> });
    let value = p.number.map(|n| n.to_string());
    view! {
        <li class=class id=p.id.clone() data-clause-id=p.id.clone() tabindex="-1" value=value>
            {p.heading.clone().map(|h| view! { <p class="clause-heading">{h}</p> })}
            <p class="clause-text">
                {number}
                <RichText inst text=&p.text lead_len id=p.id.clone()/>
            </p>
            {(!p.subparagraphs.is_empty()).then(|| view! { <Subparagraphs inst subs=&p.subparagraphs/> })}
            <Tools id=p.id.clone() citation=p.citation.clone() copy=clip::paragraph_with_citation(p)/>
        </li>
    }
}

#[component]
fn Subparagraphs(inst: &'static Instrument, subs: &'static [Subparagraph]) -> impl IntoView {
    view! {
        <ol class="subparagraphs">
            {subs.iter().map(|s| view! { <SubparagraphView inst s/> }).collect_view()}
        </ol>
    }
}

#[component]
fn SubparagraphView(inst: &'static Instrument, s: &'static Subparagraph) -> impl IntoView {
    let children = (!s.subparagraphs.is_empty()).then(|| {
        view! {
            <ol class="subparagraphs">
                {s.subparagraphs.iter().map(|c| view! { <SubparagraphView inst s=c/> }.into_any()).collect_view()}
            </ol>
        }
    });
    view! {
        <li class="subparagraph" id=s.id.clone() data-clause-id=s.id.clone() tabindex="-1">
            <p class="clause-text">
                <span class="label">{s.printed_label()}</span>
                " "
                <RichText inst text=&s.text id=s.id.clone()/>
            </p>
            {children}
            <Tools id=s.id.clone() citation=s.citation.clone() copy=clip::subparagraph_with_citation(s)/>
        </li>
    }
}

/// The citation (a permalink), "Copy with citation", "Compare", "Add to
/// list" and "Similar" (where else its language is).
#[component]
pub fn Tools(
    id: String,
    citation: String,
    copy: String,
    /// Show the citation as a permalink; otherwise (search results, which
    /// show the citation above) an "Open in context" link.
    #[prop(default = true)]
    permalink: bool,
) -> impl IntoView {
    let session = session();
    let data = use_context::<&'static Data>();
    let copied = RwSignal::new(false);
    let show_similar = RwSignal::new(false);
    let href = Route::Clause { id: id.clone() }.to_hash();
    let label = format!("Copy {citation} with its citation");
    let compare_label = {
        let (id, citation) = (id.clone(), citation.clone());
        move || match session.pending.get() {
            Some((waiting, _)) if waiting == id => {
                format!("Compare: {citation} is chosen; press again to cancel")
            }
            Some(_) => format!("Compare {citation} with the chosen clause"),
            None => format!("Compare {citation} with another clause"),
        }
    };
    let chosen = {
        let id = id.clone();
        move || {
            let is = matches!(session.pending.get(), Some((w, _)) if w == id);
            is.to_string()
        }
    };
    let compare = {
        let id = id.clone();
        move |_| session.choose(&id)
    };
    let listed = {
        let id = id.clone();
        move || session.list.with(|l| l.contains(&id))
    };
    // A toggle: its name stays and `aria-pressed` says whether the clause
    // is listed; the name begins with the visible text (WCAG 2.5.3).
    let list_label = format!("Add to list: {citation}");
    let toggle_listed = {
        let (id, citation) = (id.clone(), citation.clone());
        move |_| session.toggle_listed(&id, &citation)
    };
    let similar_id = id.clone();
    let panel_id = format!("{id}-similar");
    view! {
        <div class="tools">
            {if permalink {
                view! { <a class="cite" href=href.clone() title="Link to this paragraph">{citation.clone()}</a> }.into_any()
            } else {
                view! { <a class="open" href=href.clone()>"Open in context"</a> }.into_any()
            }}
            <button
                type="button"
                class="copy"
                aria-label=label
                on:click=move |_| {
                    let clipboard = window().navigator().clipboard();
                    let _ = clipboard.write_text(&copy);
                    copied.set(true);
                    set_timeout(move || copied.set(false), std::time::Duration::from_secs(2));
                }
            >
                "Copy"
            </button>
            <span class="status" role="status">{move || copied.get().then_some("Copied")}</span>
            <button type="button" class="compare" aria-label=compare_label aria-pressed=chosen on:click=compare>
                "Compare"
            </button>
            <button
                type="button"
                class="add-to-list"
                aria-label=list_label
                aria-pressed=move || listed().to_string()
                on:click=toggle_listed
            >
                "Add to list"
            </button>
            {data.map(|data| {
                let panel = panel_id.clone();
                view! {
                    <button
                        type="button"
                        class="similar-toggle"
                        aria-expanded=move || show_similar.get().to_string()
                        aria-controls=panel.clone()
                        on:click=move |_| show_similar.update(|s| *s = !*s)
                    >
                        "Similar"
                    </button>
                    {move || show_similar.get().then(|| view! {
                        <div class="similar-panel" id=panel_id.clone()>
                            <p class="similar-title">"Where else this language is"</p>
                            <SimilarList data id=similar_id.clone()/>
                        </div>
                    })}
                }
            })}
        </div>
    }
}
