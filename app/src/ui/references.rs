//! Citations in the page: where a reference leads, "Cited by" and "Cites"
//! on an instrument, and the view of everything that cites one thing.

use clause_explorer::model::Span;
use clause_explorer::refs::{Place, Target, Where};
use clause_explorer::search::Query;
use leptos::prelude::*;

use super::Data;
use crate::route::Route;

/// A reference as the text shows it: its bytes, where it leads, and what
/// a screen reader hears it named.
#[derive(Clone, Debug, PartialEq)]
pub struct RefLink {
    pub span: Span,
    pub href: String,
    pub label: String,
}

/// Where a target leads: the instrument, when the corpus has it; else the
/// list of every clause that cites it.
pub fn href(data: &Data, target: &Target) -> String {
    match target
        .instrument
        .and_then(|i| data.instruments.get(i as usize))
    {
        Some(inst) => Route::Instrument {
            id: inst.id.clone(),
        }
        .to_hash(),
        None => Route::Cited {
            key: target.key.clone(),
        }
        .to_hash(),
    }
}

/// The name of a target: the corpus instrument's citation, or the label
/// of what it is.
pub fn name(data: &Data, target: &Target) -> String {
    match target
        .instrument
        .and_then(|i| data.instruments.get(i as usize))
    {
        Some(inst) => inst.citation.clone(),
        None => target.what.label(),
    }
}

/// The links of a clause's text, or of a footnote's (`mark`).
pub fn links(data: &Data, instrument_id: &str, unit: &str, mark: Option<&str>) -> Vec<RefLink> {
    let refs = match mark {
        Some(m) => data.citations.in_footnote(instrument_id, m),
        None => data.citations.in_clause(unit),
    };
    refs.iter()
        .filter_map(|&(span, t)| {
            let target = data.citations.targets.get(t as usize)?;
            let inside = target.instrument.is_some();
            let label = if inside {
                format!("Open {}", name(data, target))
            } else {
                format!("Everything that cites {}", name(data, target))
            };
            Some(RefLink {
                span,
                href: href(data, target),
                label,
            })
        })
        .collect()
}

/// How a place is cited and where it opens.
fn place_link(data: &Data, place: &Place) -> (String, String) {
    let inst = data.instruments.get(place.instrument as usize);
    match &place.at {
        Where::Clause { id, citation } => {
            (citation.clone(), Route::Clause { id: id.clone() }.to_hash())
        }
        Where::Footnote { mark } => match inst {
            Some(i) => (
                format!("{}, footnote {mark}", i.citation),
                Route::Instrument { id: i.id.clone() }.to_hash(),
            ),
            None => (format!("footnote {mark}"), "#/".to_owned()),
        },
    }
}

/// The opening words of a place's text.
fn opening(data: &Data, place: &Place) -> String {
    let text = match &place.at {
        Where::Clause { id, .. } => data.resolved(id).map(|r| match r.subparagraph {
            Some(s) => s.text.plain.as_str(),
            None => r.paragraph.text.plain.as_str(),
        }),
        Where::Footnote { mark } => data
            .instruments
            .get(place.instrument as usize)
            .and_then(|i| i.footnote(mark))
            .map(|f| f.text.plain.as_str()),
    };
    let words: Vec<&str> = text.unwrap_or("").split(' ').take(24).collect();
    format!("{}\u{2026}", words.join(" "))
}

/// A list of the places citing something, each with its opening words.
#[component]
fn Places(data: &'static Data, places: Vec<&'static Place>) -> impl IntoView {
    view! {
        <ul class="cited-by">
            {places.into_iter().map(|p| {
                let (citation, href) = place_link(data, p);
                view! {
                    <li>
                        <a href=href>{citation}</a>
                        " "
                        <span class="opening">{opening(data, p)}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Everything that cites one thing (`#/cited/KEY`).
#[component]
pub fn CitedView(data: &'static Data, key: String) -> impl IntoView {
    let Some(target) = data.citations.target(&key) else {
        return view! {
            <h1 tabindex="-1">"Not cited"</h1>
            <p>"Nothing in this corpus cites " <code>{key}</code> ". " <a href="#/">"Back to the library"</a></p>
        }
        .into_any();
    };
    let title = name(data, target);
    let places: Vec<&'static Place> = target
        .cited_by
        .iter()
        .filter_map(|&p| data.citations.places.get(p as usize))
        .collect();
    let instruments = {
        let mut v: Vec<u32> = places.iter().map(|p| p.instrument).collect();
        v.dedup();
        v.len()
    };
    let search = {
        let mut q = Query::default();
        q.filters.cites.insert(key.clone());
        Route::Search(q).to_hash()
    };
    let open = target
        .instrument
        .and_then(|i| data.instruments.get(i as usize))
        .map(|i| view! { <p><a href=Route::Instrument { id: i.id.clone() }.to_hash()>{format!("Open {}", i.citation)}</a></p> });
    let summary = format!(
        "Cited by {} clause{} and footnote{} in {} instrument{}.",
        places.len(),
        if places.len() == 1 { "" } else { "s" },
        if places.len() == 1 { "" } else { "s" },
        instruments,
        if instruments == 1 { "" } else { "s" },
    );
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href="#/">"Library"</a>
            " \u{203a} "
            <span aria-current="page">{title.clone()}</span>
        </nav>
        <h1 tabindex="-1">{title}</h1>
        <p class="meta">{summary} " " <a href=search>"Search these clauses"</a></p>
        {open}
        <Places data places/>
    }
    .into_any()
}

/// "Cited by" and "Cites" of an instrument.
#[component]
pub fn CitationsOf(data: &'static Data, index: u32) -> impl IntoView {
    let c = &data.citations;
    let cited_by: Vec<&'static Place> = c
        .target_of_instrument(index)
        .map(|t| {
            t.cited_by
                .iter()
                .filter_map(|&p| c.places.get(p as usize))
                .filter(|p| p.instrument != index)
                .collect()
        })
        .unwrap_or_default();
    let cites = c.cites(index);
    if cited_by.is_empty() && cites.is_empty() {
        return ().into_any();
    }
    view! {
        <section class="citations" aria-labelledby="cited-by-heading">
            <h2 id="cited-by-heading">"Cited by"</h2>
            {if cited_by.is_empty() {
                view! { <p class="meta">"No other text of this corpus cites it."</p> }.into_any()
            } else {
                view! { <Places data places=cited_by/> }.into_any()
            }}
        </section>
        <section class="citations" aria-labelledby="cites-heading">
            <h2 id="cites-heading">"Cites"</h2>
            <ul class="cites">
                {cites.into_iter().filter_map(|(t, places)| {
                    let target = c.targets.get(t as usize)?;
                    let count = places.len();
                    let wheres: Vec<String> = places.iter().take(4).map(|p| match &p.at {
                        Where::Clause { citation, .. } => citation.rsplit(", ").next().unwrap_or(citation).to_owned(),
                        Where::Footnote { mark } => format!("fn. {mark}"),
                    }).collect();
                    let more = if count > 4 { ", \u{2026}" } else { "" };
                    Some(view! {
                        <li>
                            <a href=href(data, target)>{name(data, target)}</a>
                            " "
                            <span class="meta">{format!("({}{more})", wheres.join(", "))}</span>
                        </li>
                    })
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}
