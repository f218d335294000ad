//! The view layer: Leptos components that wire signals to the pure logic
//! of this crate and of `clause-explorer`. No parsing, ranking or diffing
//! happens here.

mod app;
mod instrument;
mod library;
mod paragraph;
mod rich_text;

use std::collections::HashMap;

use clause_explorer::bundle::Bundle;
use clause_explorer::model::{Corpus, Instrument, Paragraph, Subparagraph};
use leptos::prelude::*;

pub use app::App;

use crate::route::Route;

/// The corpus and the lookups the views need, built once at start-up and
/// alive for the whole session.
pub struct Data {
    pub corpus: &'static Corpus,
    /// Instruments in corpus order.
    pub instruments: Vec<&'static Instrument>,
    by_id: HashMap<&'static str, Clause>,
}

/// Anything an id can name.
#[derive(Clone, Copy)]
pub enum Clause {
    Instrument(&'static Instrument),
    Paragraph(&'static Instrument, &'static Paragraph),
    Subparagraph(
        &'static Instrument,
        &'static Paragraph,
        &'static Subparagraph,
    ),
}

impl Clause {
    pub fn instrument(self) -> &'static Instrument {
        match self {
            Clause::Instrument(i) | Clause::Paragraph(i, _) | Clause::Subparagraph(i, _, _) => i,
        }
    }
}

impl Data {
    /// Indexes a corpus that lives for the rest of the session.
    pub fn new(corpus: &'static Corpus) -> Data {
        let instruments: Vec<&'static Instrument> = corpus.instruments().collect();
        let mut by_id = HashMap::new();
        for &inst in &instruments {
            by_id.insert(inst.id.as_str(), Clause::Instrument(inst));
            for p in inst.paragraphs() {
                by_id.insert(p.id.as_str(), Clause::Paragraph(inst, p));
                index_subs(&mut by_id, inst, p, &p.subparagraphs);
            }
        }
        Data {
            corpus,
            instruments,
            by_id,
        }
    }

    pub fn get(&self, id: &str) -> Option<Clause> {
        self.by_id.get(id).copied()
    }

    /// Total paragraphs (preambular and operative) in the corpus.
    pub fn paragraph_count(&self) -> usize {
        self.instruments
            .iter()
            .map(|i| i.preambular.len() + i.operative.len())
            .sum()
    }
}

fn index_subs(
    by_id: &mut HashMap<&'static str, Clause>,
    inst: &'static Instrument,
    p: &'static Paragraph,
    subs: &'static [Subparagraph],
) {
    for s in subs {
        by_id.insert(s.id.as_str(), Clause::Subparagraph(inst, p, s));
        index_subs(by_id, inst, p, &s.subparagraphs);
    }
}

/// Reads the embedded bundle and mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    mark("clause-explorer-start");
    match Bundle::decode(crate::BUNDLE) {
        Ok(bundle) => {
            let data = leak(bundle.corpus);
            leptos::mount::mount_to_body(move || view! { <App data/> });
            mark("clause-explorer-interactive");
        }
        Err(e) => {
            let message = e.to_string();
            leptos::mount::mount_to_body(move || {
                view! {
                    <main id="main">
                        <h1>"Clause Explorer could not start"</h1>
                        <p role="alert">{message.clone()}</p>
                    </main>
                }
            });
        }
    }
}

/// A performance mark: what the start-up figures measure
/// (scripts/figures.mjs).
fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// Makes a corpus and its lookups live for the rest of the session: the
/// page never unloads its data, and views borrow it freely.
pub fn leak(corpus: Corpus) -> &'static Data {
    let corpus: &'static Corpus = Box::leak(Box::new(corpus));
    Box::leak(Box::new(Data::new(corpus)))
}

/// The current location hash.
pub fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Goes to a route, adding a history entry (the back button returns).
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(&route.to_hash());
}

/// Replaces the current history entry's route without adding one (for
/// typing in the search box: one entry per search, not per keystroke).
pub fn replace_route(route: &Route) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&route.to_hash()),
        );
    }
}
