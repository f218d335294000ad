//! The view layer: Leptos components that wire signals to the pure logic
//! of this crate and of `clause-explorer`. No parsing, ranking or diffing
//! happens here.

mod align;
mod app;
mod compare;
mod diff_view;
mod instrument;
mod library;
mod load;
mod paragraph;
mod rich_text;
mod search;
mod similar;

use std::collections::HashMap;

use clause_explorer::bundle::{Bundle, Collection};
use clause_explorer::model::{Corpus, Instrument, Paragraph, Part, Subparagraph};
use clause_explorer::search::SearchIndex;
use clause_explorer::trail::{SimilarityIndex, UnitRef};
use leptos::prelude::*;

pub use app::App;

use crate::route::Route;

/// The corpus and the lookups the views need, built once at start-up and
/// alive for the whole session.
pub struct Data {
    /// What the published collection is called and where it comes from.
    pub collection: Collection,
    pub corpus: &'static Corpus,
    /// Instruments in corpus order.
    pub instruments: Vec<&'static Instrument>,
    /// Search as you type.
    pub search: SearchIndex,
    /// Where else each paragraph's language occurs.
    pub similar: SimilarityIndex,
    by_id: HashMap<&'static str, Clause>,
    units: HashMap<&'static str, UnitRef>,
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
    pub fn new(corpus: &'static Corpus, search: SearchIndex, similar: SimilarityIndex) -> Data {
        let instruments: Vec<&'static Instrument> = corpus.instruments().collect();
        let mut by_id = HashMap::new();
        let mut units = HashMap::new();
        for (i, &inst) in instruments.iter().enumerate() {
            by_id.insert(inst.id.as_str(), Clause::Instrument(inst));
            for (part, list) in [
                (Part::Preambular, &inst.preambular),
                (Part::Operative, &inst.operative),
            ] {
                for (k, p) in list.iter().enumerate() {
                    by_id.insert(p.id.as_str(), Clause::Paragraph(inst, p));
                    index_subs(&mut by_id, inst, p, &p.subparagraphs);
                    let unit = UnitRef {
                        instrument: u32::try_from(i).unwrap_or(u32::MAX),
                        part,
                        paragraph: u32::try_from(k).unwrap_or(u32::MAX),
                    };
                    units.insert(p.id.as_str(), unit);
                }
            }
        }
        Data {
            collection: Collection::default(),
            corpus,
            instruments,
            search,
            similar,
            by_id,
            units,
        }
    }

    /// The paragraph a clause id names, or the paragraph of a
    /// sub-paragraph, as the similarity index addresses it.
    pub fn unit(&self, id: &str) -> Option<UnitRef> {
        match self.get(id)? {
            Clause::Paragraph(_, p) | Clause::Subparagraph(_, p, _) => {
                self.units.get(p.id.as_str()).copied()
            }
            Clause::Instrument(_) => None,
        }
    }

    /// The citation of whatever an id names.
    pub fn citation(&self, id: &str) -> Option<&'static str> {
        Some(match self.get(id)? {
            Clause::Instrument(i) => &i.citation,
            Clause::Paragraph(_, p) => &p.citation,
            Clause::Subparagraph(_, _, s) => &s.citation,
        })
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

/// Loads the corpus (see [`load`]) and mounts the app on the page's body;
/// or, when the corpus cannot be read, a page that says what is wrong,
/// with which file, and what to do.
pub fn start() {
    console_error_panic_hook::set_once();
    mark("clause-explorer-start");
    match load::embedded() {
        Some(loaded) => show(loaded),
        // Leptos sets up its executor when it mounts; until then, the
        // browser's own microtask queue runs the fetch.
        None => wasm_bindgen_futures::spawn_local(async { show(load::fetched().await) }),
    }
}

/// Mounts the app on its corpus, or the page that says why there is none.
fn show(loaded: Result<Bundle, crate::startup::Notice>) {
    match loaded {
        Ok(bundle) => {
            mark("clause-explorer-corpus-read");
            let data = leak_bundle(bundle);
            clear_loading();
            leptos::mount::mount_to_body(move || view! { <App data/> });
            mark("clause-explorer-interactive");
        }
        Err(notice) => {
            clear_loading();
            leptos::mount::mount_to_body(move || view! { <StartFailure notice=notice.clone()/> });
        }
    }
}

/// The page shown when the corpus cannot be read.
#[component]
fn StartFailure(notice: crate::startup::Notice) -> impl IntoView {
    view! {
        <main id="main" class="start-failure">
            <h1>"Clause Explorer could not open its corpus"</h1>
            <div role="alert">
                <p class="problem">{notice.problem}</p>
                <p class="file">"File: " <code>{notice.file}</code></p>
                <p class="remedy">{notice.remedy}</p>
            </div>
        </main>
    }
}

/// Removes the page's "Loading…" line, if it has one.
fn clear_loading() {
    if let Some(el) = document().get_element_by_id("ce-loading") {
        el.remove();
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
pub fn leak_with(corpus: Corpus, search: SearchIndex, similar: SimilarityIndex) -> &'static Data {
    leak_bundle(Bundle {
        collection: Collection::default(),
        corpus,
        search,
        similar,
    })
}

/// Makes a published bundle live for the rest of the session.
pub fn leak_bundle(bundle: Bundle) -> &'static Data {
    let corpus: &'static Corpus = Box::leak(Box::new(bundle.corpus));
    let mut data = Data::new(corpus, bundle.search, bundle.similar);
    data.collection = bundle.collection;
    Box::leak(Box::new(data))
}

/// As [`leak_with`], building the indexes here (for tests; the app gets
/// them prebuilt in its bundle).
pub fn leak(corpus: Corpus) -> &'static Data {
    let search = SearchIndex::build(&corpus);
    let similar = SimilarityIndex::build(&corpus);
    leak_with(corpus, search, similar)
}

/// Which side of a comparison a chosen clause is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// State shared by the views: the route, and the clause chosen for a
/// comparison while its counterpart is being chosen.
#[derive(Clone, Copy)]
pub struct Session {
    pub route: RwSignal<Route>,
    pub pending: RwSignal<Option<(String, Side)>>,
}

impl Session {
    pub fn new(route: Route) -> Session {
        Session {
            route: RwSignal::new(route),
            pending: RwSignal::new(None),
        }
    }

    /// Chooses a clause for comparison: the first choice waits, the second
    /// opens the comparison; choosing the waiting one again cancels it.
    pub fn choose(&self, id: &str) {
        match self.pending.get_untracked() {
            None => self.pending.set(Some((id.to_owned(), Side::Left))),
            Some((waiting, _)) if waiting == id => self.pending.set(None),
            Some((waiting, side)) => {
                self.pending.set(None);
                let (left, right) = match side {
                    Side::Left => (waiting, id.to_owned()),
                    Side::Right => (id.to_owned(), waiting),
                };
                navigate(&Route::Compare { left, right });
            }
        }
    }
}

/// The session of the app this component is in.
pub fn session() -> Session {
    use_context::<Session>().unwrap_or_else(|| Session::new(Route::Library))
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
