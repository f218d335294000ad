//! The view layer: Leptos components that wire signals to the pure logic
//! of this crate and of `clause-explorer`. No parsing, ranking or diffing
//! happens here.

mod align;
mod app;
mod compare;
mod diff_view;
mod documents;
mod download;
mod instrument;
mod keyboard;
mod library;
mod list_view;
mod load;
mod paragraph;
mod pictures;
mod references;
mod rich_text;
mod search;
mod similar;
mod warm;

use std::collections::HashMap;

use clause_explorer::bundle::{Bundle, Collection};
use clause_explorer::model::{Corpus, Instrument, Paragraph, Part, Subparagraph};
use clause_explorer::refs::CitationIndex;
use clause_explorer::search::{Resolved, SearchIndex};
use clause_explorer::trail::{SimilarityIndex, UnitRef};
use leptos::prelude::*;

pub use app::App;

use crate::list::{self, ClauseList};
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
    /// What each clause cites, and who cites each thing.
    pub citations: CitationIndex,
    /// Shares of paragraphs reused between instruments (row, column in
    /// corpus order), when the collection is small enough to draw them.
    pub reuse: Vec<Vec<f32>>,
    by_id: HashMap<&'static str, Clause>,
    units: HashMap<&'static str, UnitRef>,
    /// Instrument id → the file it came from, for instruments of added
    /// documents.
    added: HashMap<&'static str, &'static str>,
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
        let added = corpus
            .documents
            .iter()
            .filter(|d| d.origin == clause_explorer::model::Origin::Added)
            .flat_map(|d| {
                d.instruments
                    .iter()
                    .map(move |i| (i.id.as_str(), d.source.as_str()))
            })
            .collect();
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
            citations: CitationIndex::default(),
            reuse: Vec::new(),
            by_id,
            units,
            added,
        }
    }

    /// The file an instrument was added from, when the reader added it.
    pub fn added_from(&self, id: &str) -> Option<&'static str> {
        self.added.get(id).copied()
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

    /// A paragraph or sub-paragraph as search and the exports address it.
    pub fn resolved(&self, id: &str) -> Option<Resolved<'static>> {
        match self.get(id)? {
            Clause::Paragraph(instrument, paragraph) => Some(Resolved {
                instrument,
                paragraph,
                subparagraph: None,
            }),
            Clause::Subparagraph(instrument, paragraph, s) => Some(Resolved {
                instrument,
                paragraph,
                subparagraph: Some(s),
            }),
            Clause::Instrument(_) => None,
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

/// Loads the corpus (see [`load`]) and mounts the app on the page's body;
/// or, when the corpus cannot be read, a page that says what is wrong,
/// with which file, and what to do.
pub fn start() {
    console_error_panic_hook::set_once();
    mark("clause-explorer-start");
    if let Some(begun) = load::started() {
        wasm_bindgen_futures::spawn_local(async { show(load::from_start(begun).await) });
        return;
    }
    match load::embedded() {
        Some(loaded) => show(loaded),
        // Leptos sets up its executor when it mounts; until then, the
        // browser's own microtask queue runs the fetch.
        None => wasm_bindgen_futures::spawn_local(async { show(load::fetched().await) }),
    }
}

/// Mounts the app on its corpus, or the page that says why there is none.
fn show(loaded: Result<(Bundle, Vec<u8>), crate::startup::Notice>) {
    match loaded {
        Ok((bundle, file)) => {
            mark("clause-explorer-corpus-read");
            let data = leak_bundle(bundle);
            clear_loading();
            // The app is drawn again, whole, when added documents change
            // the corpus; the documents' own state lives above it.
            leptos::mount::mount_to_body(move || {
                let documents = documents::Documents::new(data, file);
                provide_context(documents);
                view! {
                    {move || {
                        let data = documents.data.get();
                        view! { <App data/> }
                    }}
                    <documents::FilePicker documents/>
                }
            });
            mark("clause-explorer-interactive");
            warm::search_paths(data);
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
        citations: clause_explorer::refs::CitationIndex::build(&corpus),
        reuse: Vec::new(),
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
    data.citations = bundle.citations;
    data.reuse = bundle.reuse;
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

/// State shared by the views: the route, the clause chosen for a
/// comparison while its counterpart is being chosen, the reader's list,
/// and what to say to a screen reader.
#[derive(Clone, Copy)]
pub struct Session {
    pub route: RwSignal<Route>,
    pub pending: RwSignal<Option<(String, Side)>>,
    /// Clauses set aside for export, kept in the tab's storage.
    pub list: RwSignal<ClauseList>,
    /// Read out by the page's polite live region (see `App`).
    pub announce: RwSignal<String>,
}

impl Session {
    pub fn new(route: Route) -> Session {
        let stored = storage()
            .and_then(|s| s.get_item(list::STORAGE_KEY).ok().flatten())
            .unwrap_or_default();
        Session {
            route: RwSignal::new(route),
            pending: RwSignal::new(None),
            list: RwSignal::new(ClauseList::parse(&stored)),
            announce: RwSignal::new(String::new()),
        }
    }

    /// Puts a clause on the reader's list or takes it off, and says so.
    pub fn toggle_listed(&self, id: &str, citation: &str) {
        let mut added = false;
        self.list.update(|l| added = l.toggle(id));
        self.save_list();
        let n = self.list.with_untracked(ClauseList::len);
        let said = if added {
            format!("Added {citation} to your list ({n})")
        } else if self.list.with_untracked(|l| l.len() >= list::MAX) {
            format!("Your list is full ({n} clauses)")
        } else {
            format!("Took {citation} off your list ({n})")
        };
        self.announce.set(said);
    }

    /// Changes the list in place (remove, reorder, clear) and keeps it.
    pub fn edit_list(&self, edit: impl FnOnce(&mut ClauseList)) {
        self.list.update(edit);
        self.save_list();
    }

    fn save_list(&self) {
        if let Some(s) = storage() {
            let stored = self.list.with_untracked(ClauseList::to_stored);
            // Storage may be full or refused (a private window): the list
            // still lasts until the page is left.
            let _ = s.set_item(list::STORAGE_KEY, &stored);
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

/// The tab's storage, where the page may use it.
fn storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// The session of the app this component is in.
pub fn session() -> Session {
    use_context::<Session>().unwrap_or_else(|| Session::new(Route::Library))
}

/// The explorer's address without its hash: what exported links start
/// with.
pub fn page_address() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
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
