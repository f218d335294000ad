//! An instrument read like the original: designation, title, adopting
//! body, the preamble, the numbered operative paragraphs, the footnotes.

use std::sync::Arc;

use clause_explorer::model::{Instrument, Provenance};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use clause_explorer::search::Query;

use super::download::{Downloads, File, Make};
use super::paragraph::ParagraphView;
use super::pictures::PictureView;
use super::references::CitationsOf;
use super::rich_text::FootnoteText;
use super::Data;
use crate::exports::InstrumentFormat;
use crate::route::Route;

/// `focus`: the id of a paragraph or sub-paragraph to bring into view (a
/// permalink).
#[component]
pub fn InstrumentView(
    data: &'static Data,
    inst: &'static Instrument,
    focus: Option<String>,
) -> impl IntoView {
    let index = data
        .instruments
        .iter()
        .position(|i| std::ptr::eq(*i, inst))
        .map(|i| i as u32)
        .unwrap_or(u32::MAX);
    // Where a symbol and date came from when another text's citation gave
    // them.
    let recovered = inst.recovered.clone().map(|r| {
        let href = Route::Clause {
            id: r.clause.clone(),
        }
        .to_hash();
        let date = clause_explorer::model::readable_date(&r.date);
        view! {
            <p class="recovered">
                {format!("Symbol and date ({date}) from ")}
                <a href=href>{r.citation.clone()}</a>
                {(!r.also.is_empty()).then(|| format!("; also cited so by {}", r.also.join("; ")))}
                ": the text itself carries neither."
            </p>
        }
    });
    let profile =
        (!inst.operative.is_empty()).then(|| clause_explorer::pictures::verb_profile(inst));
    // Once the view is in the document: bring the permalinked clause into
    // view and focus it, or else start at the top with focus on the title.
    Effect::new(move |_| {
        let focus = focus.clone();
        request_animation_frame(move || match &focus {
            Some(id) => focus_element(id, Scroll::Centre),
            None => {
                window().scroll_to_with_x_and_y(0.0, 0.0);
                focus_element("instrument-title", Scroll::None);
            }
        });
    });
    let meta = [
        inst.designation.clone(),
        inst.year.map(|y| y.to_string()),
        Some(inst.citation.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" \u{b7} ");
    let title = if inst.title.is_empty() {
        inst.citation.clone()
    } else {
        inst.title.clone()
    };
    let facts = inst.record.facts();
    let search_here = {
        let mut q = Query::default();
        q.filters.instruments.insert(inst.id.clone());
        Route::Search(q).to_hash()
    };
    let files: Vec<(&'static str, Make)> = InstrumentFormat::ALL
        .into_iter()
        .map(|format| {
            let make: Make = Arc::new(move || {
                Some(File {
                    name: format.file_name(inst),
                    mime: format.mime(),
                    content: format.write(inst),
                })
            });
            (format.label(), make)
        })
        .collect();
    let align_with = Route::Align {
        first: inst.id.clone(),
        second: String::new(),
    }
    .to_hash();
    view! {
        <article class="instrument" data-clause-id=inst.id.clone()>
            <nav aria-label="Breadcrumb" class="breadcrumb">
                <a href="#/">"Library"</a>
                " \u{203a} "
                <span aria-current="page">{inst.citation.clone()}</span>
            </nav>
            <header>
                <p class="meta">{meta}</p>
                <h1 id="instrument-title" tabindex="-1">{title}</h1>
                <p class="instrument-actions">
                    <a href=search_here>"Search in this instrument"</a>
                    <a href=align_with>"Compare with another instrument"</a>
                </p>
                <Downloads label="Download this instrument".to_owned() files/>
            </header>
            {recovered}
            {(!facts.is_empty()).then(|| view! {
                <dl class="record">
                    {facts.into_iter().map(|(label, value)| view! {
                        <div><dt>{label}</dt><dd>{value}</dd></div>
                    }).collect_view()}
                </dl>
            })}
            // The enacting line as the text has it (or the manifest gives
            // it); a body known only from metadata (an annex, whose
            // resolution's body it is) opens no line of its own.
            {inst.body.clone().filter(|_| inst.body_from != Some(Provenance::Metadata)).map(|b| view! { <p class="body"><em>{format!("{b},")}</em></p> })}
            {(!inst.preambular.is_empty()).then(|| view! {
                <section aria-labelledby="preamble-heading">
                    <h2 id="preamble-heading" class="sr-only">"Preamble"</h2>
                    <ul class="preamble">
                        {inst.preambular.iter().map(|p| view! { <ParagraphView inst p/> }).collect_view()}
                    </ul>
                </section>
            })}
            {(!inst.operative.is_empty()).then(|| view! {
                <section aria-labelledby="operative-heading">
                    <h2 id="operative-heading" class="sr-only">"Operative paragraphs"</h2>
                    <ol class="operative">
                        {inst.operative.iter().map(|p| view! { <ParagraphView inst p/> }).collect_view()}
                    </ol>
                </section>
            })}
            {inst.adopted.clone().map(|a| view! { <p class="adopted">{a}</p> })}
            {(!inst.annex.is_empty()).then(|| view! {
                <section class="annex" aria-labelledby="annex-heading">
                    <h2 id="annex-heading">"Annex and other text"</h2>
                    {inst.annex.iter().map(|a| view! { <p>{a.text.clone()}</p> }).collect_view()}
                </section>
            })}
            {profile.map(|picture| view! {
                <section class="picture" aria-labelledby="profile-heading">
                    <h2 id="profile-heading">"Its operative language"</h2>
                    <PictureView picture/>
                </section>
            })}
            <CitationsOf data index/>
            {(!inst.footnotes.is_empty()).then(|| view! {
                <section class="footnotes" aria-labelledby="footnotes-heading">
                    <h2 id="footnotes-heading">"Footnotes"</h2>
                    <ul>
                        {inst.footnotes.iter().map(|f| view! {
                            <li>
                                <span class="fn-note-mark">{f.mark.clone()}</span>
                                " "
                                <FootnoteText inst mark=f.mark.clone() text=&f.text/>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
        </article>
    }
}

enum Scroll {
    Centre,
    None,
}

/// Gives an element focus (it has tabindex="-1"), scrolling it to the
/// middle of the window if asked.
fn focus_element(id: &str, scroll: Scroll) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    if let Scroll::Centre = scroll {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}
