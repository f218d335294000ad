//! Fuzzy clause search as you type: find agreed language in paragraphs and
//! sub-paragraphs, forgiving typos, with facets.
//!
//! ```
//! use clause_explorer::parse::parse_document;
//! use clause_explorer::search::{search, Query, SearchIndex};
//! use clause_explorer::model::Corpus;
//!
//! let corpus = Corpus { documents: vec![parse_document("r.txt",
//!     "Resolution 1/1\n\nA title\n\nThe General Assembly,\n\n\
//!      *Recalling* its resolutions on supply chains,\n\n\
//!      1. *Urges* Member States to consider ratifying the Protocol;\n\n\
//!      2. *Encourages* Member States to cooperate with businesses.\n")] };
//! let index = SearchIndex::build(&corpus);
//!
//! // A typo, and the last word still being typed.
//! let results = search(&index, &Query::new("urges ratfy"), 10);
//! assert_eq!(results.total, 1);
//! let hit = &results.hits[0];
//! assert_eq!(hit.id, "ga-res-1-1-op-1");
//! let text = &corpus.documents[0].instruments[0].operative[0].text.plain;
//! let marked: Vec<&str> = hit.highlights.iter().map(|h| &text[h.span.start..h.span.end]).collect();
//! assert_eq!(marked, ["Urges", "ratifying"]);
//! ```
//!
//! # How it works
//!
//! The unit found is a paragraph, or a sub-paragraph where the match is in
//! one. [`SearchIndex::build`] folds every word (case, diacritics,
//! apostrophes; see [`tokenize`]), ranks the vocabulary by frequency, and
//! writes for each word the units that contain it (postings, with the
//! word's positions in a buffer of their own) and for each unit its words
//! in order with their byte ranges (token streams), all as varints. It
//! derives `Serialize` and `Deserialize`, for postcard.
//!
//! At query time each query word is expanded over the vocabulary: the word
//! itself, its completions if it is still being typed (one binary search in
//! the alphabetical order), and the words within a few typos (a bounded
//! edit-distance walk of the vocabulary as a trie). Matching is per word,
//! never per character across a clause. The postings of the expansions are
//! merged into one score per unit; phrases are checked against positions.
//! Words in more than a fifth of the units ("in", "States") are not walked
//! when the query has a rarer word, and one search walks at most
//! [`Tuning::max_walk`] postings: what is left out is looked for in the
//! token streams of the best few hundred units, so a keystroke stays fast
//! on a million paragraphs.
//!
//! The index can also be split into a head and shards fetched as searches
//! need them, with the same results ([`split`]).
//!
//! Results are ranked by how many query terms a unit contains, then by how
//! few typos it took, then by score (rarity of the words, a match in the
//! lead phrase, and how close together and in order the words are), then
//! by document order. [`Tuning`] holds every weight and limit.
//!
//! A sub-paragraph inherits its paragraph's lead phrase, so "urges" finds
//! the sub-paragraphs of a paragraph that urges; it is found only when at
//! least one query word is in its own text.

mod chunked;
pub mod cites;
mod deltas;
mod expand;
mod facets;
mod fold;
mod highlight;
mod index;
mod matching;
mod postings;
pub mod query;
mod rank;
pub mod split;
mod suggest;
pub mod tokenize;
mod tokens;
mod units;
mod url;
mod varint;
mod vocabulary;

#[cfg(all(test, feature = "native"))]
mod tests;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

pub use index::SearchIndex;
pub use rank::Tuning;
pub use url::{from_url_hash, to_url_hash};

use crate::model::{Corpus, Instrument, Origin, Paragraph, Part, Span, Subparagraph};

/// A search: the text typed and the facet filters chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    /// Words, `"quoted phrases"` and `-exclusions` (see [`query`]).
    pub text: String,
    pub filters: Filters,
}

impl Query {
    /// A query with no filters.
    pub fn new(text: &str) -> Query {
        Query {
            text: text.to_owned(),
            filters: Filters::default(),
        }
    }
}

/// Facet filters. Each is a set of accepted values; an empty set accepts
/// any. A unit passes when it passes every filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    /// Instrument ids (`ccpcj-res-33-1`).
    pub instruments: BTreeSet<String>,
    /// Adopting bodies as named in the text.
    pub bodies: BTreeSet<String>,
    pub parts: BTreeSet<Part>,
    /// Lead phrase groups (`leads::group_of`): "Urges", "Calls upon".
    pub lead_groups: BTreeSet<String>,
    pub years: BTreeSet<u16>,
    /// Sessions as [`session_name`] writes them ("GA session 78").
    pub sessions: BTreeSet<String>,
    /// Subject terms of the UN's record ("Trafficking in persons", "SDG
    /// 16"): an instrument passes when it has any of them.
    pub subjects: BTreeSet<String>,
    /// Keys of what a unit cites ([`crate::refs`]: "ga-res-70-1",
    /// "untoc"): a unit passes when it cites any of them.
    pub cites: BTreeSet<String>,
    /// Where the instrument's document came from: published with the
    /// explorer, or added by the reader in the page.
    pub sources: BTreeSet<Origin>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.instruments.is_empty()
            && self.bodies.is_empty()
            && self.parts.is_empty()
            && self.lead_groups.is_empty()
            && self.years.is_empty()
            && self.subjects.is_empty()
            && self.sessions.is_empty()
            && self.cites.is_empty()
            && self.sources.is_empty()
    }
}

/// What a search found.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// Units matching the query and the filters: every unit that contains
    /// at least one walked query term in its own text (see
    /// [`Tuning::common_share`] and [`Tuning::max_walk`] for the terms that
    /// are only looked for among the best units).
    pub total: usize,
    /// The best `limit` of them, best first.
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// For each query word that matches no word of the corpus, the nearest
    /// words that do ("did you mean …").
    pub suggestions: Vec<Suggestion>,
}

/// One paragraph or sub-paragraph found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Where the unit is in the corpus the index was built from.
    pub unit: UnitRef,
    /// The unit's id (`ccpcj-res-33-1-op-7-b`).
    pub id: String,
    /// Higher is better; comparable within one search only.
    pub score: f32,
    /// The unit contains every term of the query.
    pub all_terms: bool,
    /// Words to mark in the unit's own `text.plain`, in text order.
    pub highlights: Vec<Highlight>,
}

/// A word to mark in a unit's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    /// Byte range in the unit's `text.plain`.
    pub span: Span,
    pub kind: MatchKind,
}

/// How a word of the text matched a word of the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MatchKind {
    /// The same word once folded ("Côte" for "cote").
    Exact,
    /// The query word, still being typed, begins it ("ratif" for "ratifying").
    Prefix,
    /// Within the allowed number of typos ("trafficing" for "trafficking").
    Typo,
}

/// Where a unit is in the corpus: indices, so that the interface can
/// render the text, citation and footnote marks from the model.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UnitRef {
    /// Index in `Corpus::instruments()` order.
    pub instrument: usize,
    pub part: Part,
    /// Index in the instrument's `preambular` or `operative` list.
    pub paragraph: usize,
    /// Path of sub-paragraph indices, outermost first; empty for the
    /// paragraph itself.
    pub subparagraph: Vec<usize>,
}

/// A unit looked up in the corpus.
#[derive(Clone, Copy, Debug)]
pub struct Resolved<'c> {
    pub instrument: &'c Instrument,
    pub paragraph: &'c Paragraph,
    /// The sub-paragraph found, if the unit is one.
    pub subparagraph: Option<&'c Subparagraph>,
}

impl Resolved<'_> {
    /// The unit's own text.
    pub fn plain(&self) -> &str {
        match self.subparagraph {
            Some(s) => &s.text.plain,
            None => &self.paragraph.text.plain,
        }
    }

    pub fn citation(&self) -> &str {
        match self.subparagraph {
            Some(s) => &s.citation,
            None => &self.paragraph.citation,
        }
    }
}

impl UnitRef {
    /// Looks the unit up in the corpus the index was built from; `None` if
    /// it is not there (another corpus).
    pub fn resolve<'c>(&self, corpus: &'c Corpus) -> Option<Resolved<'c>> {
        let instrument = corpus.instruments().nth(self.instrument)?;
        let paragraph = match self.part {
            Part::Preambular => instrument.preambular.get(self.paragraph)?,
            Part::Operative => instrument.operative.get(self.paragraph)?,
        };
        let mut subparagraph: Option<&Subparagraph> = None;
        for &k in &self.subparagraph {
            let subs = match subparagraph {
                Some(s) => &s.subparagraphs,
                None => &paragraph.subparagraphs,
            };
            subparagraph = Some(subs.get(k)?);
        }
        Some(Resolved {
            instrument,
            paragraph,
            subparagraph,
        })
    }
}

/// Facet values with the number of units each would give, counted under
/// the query and every *other* active filter, so that choosing a value
/// gives the count shown. Values with no unit are left out unless chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// Instrument ids, most units first, at most [`Tuning::max_facet_values`].
    pub instruments: Vec<FacetCount<String>>,
    /// Adopting bodies, most units first.
    pub bodies: Vec<FacetCount<String>>,
    /// Preambular, then operative.
    pub parts: Vec<FacetCount<Part>>,
    /// Lead phrase groups, most units first.
    pub lead_groups: Vec<FacetCount<String>>,
    /// Years, latest first.
    pub years: Vec<FacetCount<u16>>,
    /// Sessions, latest first.
    pub sessions: Vec<FacetCount<String>>,
    /// Subject terms, most units first, at most
    /// [`Tuning::max_facet_values`].
    pub subjects: Vec<FacetCount<String>>,
    /// What the units cite (keys), most units first, at most
    /// [`Tuning::max_facet_values`].
    pub cites: Vec<FacetCount<String>>,
    /// Shipped, then added; empty while the corpus holds no added
    /// document and the filter is off (there is nothing to choose).
    pub sources: Vec<FacetCount<Origin>>,
}

/// One facet value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount<T> {
    pub value: T,
    pub count: usize,
    /// The value is among the active filters.
    pub selected: bool,
}

/// "Did you mean": a query word that matches nothing, and the nearest
/// corpus words, nearest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The query word, folded.
    pub word: String,
    pub instead: Vec<String>,
}

/// Searches the index with the default [`Tuning`], returning at most
/// `limit` hits. An empty query (or one of exclusions only) browses: every
/// paragraph that passes the filters, in document order.
pub fn search(index: &SearchIndex, query: &Query, limit: usize) -> Results {
    search_with(index, query, limit, &Tuning::DEFAULT)
}

/// [`search`] with other weights and limits.
pub fn search_with(index: &SearchIndex, query: &Query, limit: usize, tuning: &Tuning) -> Results {
    // `cites:70/1` items are filters written in the text.
    let (text, cited) = cites::split(&query.text);
    let typed;
    let chosen = if cited.is_empty() {
        &query.filters
    } else {
        typed = Filters {
            cites: cites::wanted(&index.cites, &cited, &query.filters.cites),
            ..query.filters.clone()
        };
        &typed
    };
    let parsed = query::parse(&text);
    let plan = matching::plan(index, &parsed, tuning);
    let matched = matching::run(index, &plan, tuning);
    let filters = facets::Active::resolve(index, chosen);
    let mut counter = facets::Counter::new(index);
    let mut passing = Vec::with_capacity(matched.units.len());
    for &unit in &matched.units {
        if counter.count(index, &filters, unit) {
            passing.push(unit);
        }
    }
    let total = passing.len();
    let facets = counter.finish(index, chosen, tuning);
    let ranked = if plan.browsing() {
        passing.truncate(limit);
        passing.into_iter().map(rank::Ranked::browsed).collect()
    } else {
        rank::rank(index, &plan, &matched, passing, limit, tuning)
    };
    let highlighter = highlight::Highlighter::new(index, &plan);
    let hits = ranked
        .into_iter()
        .map(|r| {
            let instrument = index.units.instrument(r.unit);
            Hit {
                unit: index.units.unit_ref(r.unit),
                id: index.units.id(r.unit, index.instruments.id(instrument)),
                score: r.score,
                all_terms: r.terms == plan.positive_terms(),
                highlights: highlighter.highlights(r.unit),
            }
        })
        .collect();
    Results {
        total,
        hits,
        facets,
        suggestions: suggest::suggestions(index, &plan, tuning),
    }
}

/// Hits the interface asks for at a time: a search shows this many first,
/// and "Show more" asks for as many again. Here so that the benchmarks ask
/// what the interface asks.
pub const PAGE: usize = 50;

/// Thirty queries typed keystroke by keystroke in the benchmark (each
/// prefix of each is one search): what drafters look for, with typos,
/// phrases, exclusions and lead verbs. Kept here so that the browser
/// benchmark runs the same list.
pub const BENCH_QUERIES: &[&str] = &[
    "consider ratifying",
    "trafficing",
    "supply chains",
    "awareness raising campaigns",
    "urges ratify",
    "technical assistance developing countries",
    "\"trafficking in persons\" online",
    "criminal misuse of information and communications technologies",
    "victim-centred trauma-informed",
    "mutual legal assistance extradition",
    "private sector businesses",
    "sexual exploitation of children",
    "forced labour -smuggling",
    "calls upon states parties",
    "gender perspective mainstream",
    "extrabudgetary resources",
    "interpol",
    "organised crime convention",
    "rapid technological change",
    "survivors",
    "root causes gender responsive",
    "money-laundering confiscate proceeds",
    "children adolescents smartphones",
    "requests unodc study",
    "demand that fosters exploitation",
    "inter-agency coordination group",
    "2030 agenda sustainable development goals",
    "informaton comunications",
    "welcomes",
    "data collection gender-disaggregated",
];

/// The session of an instrument as the Session facet names it: the
/// body's abbreviation and the session as the body numbers it ("GA
/// session 78", "HRC session 54", "ECOSOC session 2021"); `None` when the
/// record has no session.
///
/// ```
/// use clause_explorer::model::Instrument;
/// let mut inst = Instrument { body: Some("The General Assembly".into()), ..Default::default() };
/// inst.record.session = Some("78".into());
/// assert_eq!(clause_explorer::search::session_name(&inst).as_deref(), Some("GA session 78"));
/// ```
pub fn session_name(inst: &crate::model::Instrument) -> Option<String> {
    let session = inst.record.session.as_deref()?;
    Some(match inst.body.as_deref() {
        Some(b) => format!("{} session {session}", crate::bodies::abbreviation(b)),
        None => format!("session {session}"),
    })
}
