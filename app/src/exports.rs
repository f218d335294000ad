//! What the download buttons write: the clauses of a search (all of them,
//! not only those drawn) or of the reader's list, an instrument, a
//! comparison; each with a file name that says what it holds. The formats
//! themselves are `clause_explorer::export`; this module chooses the
//! records, the title and the name.
//!
//! ```
//! use clause_explorer::search::Query;
//! use clause_explorer_app::exports::{search_title, Format};
//! let q = Query::new("supply chains");
//! assert_eq!(search_title(&q), "Clauses matching \u{201c}supply chains\u{201d}");
//! assert_eq!(Format::Csv.file_name(&search_title(&q)), "clauses-matching-supply-chains.csv");
//! ```

use clause_explorer::export::{self, ClauseRecord};
use clause_explorer::model::{Corpus, Instrument};
use clause_explorer::search::{search, Query, SearchIndex};

use crate::route::Route;

/// A way to write a set of clauses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A spreadsheet: one row per clause (UTF-8 with a byte-order mark, so
    /// that Excel reads the accents).
    Csv,
    Json,
    Markdown,
    /// An HTML table of precedents that opens in, and pastes into, a word
    /// processor.
    Precedents,
}

impl Format {
    pub const ALL: [Format; 4] = [
        Format::Csv,
        Format::Json,
        Format::Markdown,
        Format::Precedents,
    ];

    /// The button's label.
    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::Markdown => "Markdown",
            Format::Precedents => "Precedents table",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Precedents => "html",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json => "application/json;charset=utf-8",
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Precedents => "text/html;charset=utf-8",
        }
    }

    /// The file's name for a download titled `title`.
    pub fn file_name(self, title: &str) -> String {
        export::file_name(title, self.extension())
    }

    /// The file's content.
    pub fn write(self, title: &str, records: &[ClauseRecord]) -> String {
        match self {
            Format::Csv => export::csv(records),
            Format::Json => export::json(records),
            Format::Markdown => export::markdown(title, records),
            Format::Precedents => export::precedents_html(title, records),
        }
    }
}

/// Where a clause opens: the explorer's own address (`page`, the location
/// without its hash) and the clause's route.
pub fn link(page: &str, id: &str) -> String {
    let page = page.split('#').next().unwrap_or_default();
    format!("{page}{}", Route::Clause { id: id.to_owned() }.to_hash())
}

/// Every clause a search finds, in the order it ranks them (not only the
/// page drawn).
pub fn search_records(
    corpus: &Corpus,
    index: &SearchIndex,
    query: &Query,
    page: &str,
) -> Vec<ClauseRecord> {
    let results = search(index, query, usize::MAX);
    results
        .hits
        .iter()
        .filter_map(|hit| {
            let unit = hit.unit.resolve(corpus)?;
            Some(ClauseRecord::of(&unit, link(page, &hit.id)))
        })
        .collect()
}

/// What a search's download is called: its words and its filters.
pub fn search_title(query: &Query) -> String {
    let text = query.text.trim();
    let mut title = if text.is_empty() {
        "Clauses".to_owned()
    } else {
        format!("Clauses matching \u{201c}{text}\u{201d}")
    };
    let f = &query.filters;
    let mut filters: Vec<String> = Vec::new();
    filters.extend(f.bodies.iter().cloned());
    filters.extend(f.sessions.iter().cloned());
    filters.extend(f.years.iter().map(u16::to_string));
    filters.extend(f.parts.iter().map(|p| format!("{p:?}").to_lowercase()));
    filters.extend(f.lead_groups.iter().cloned());
    filters.extend(f.subjects.iter().cloned());
    filters.extend(f.instruments.iter().cloned());
    if !filters.is_empty() {
        title.push_str(&format!(" ({})", filters.join(", ")));
    }
    title
}

/// An instrument's downloads: Markdown, and plain text; each paragraph
/// with its citation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstrumentFormat {
    Markdown,
    Text,
}

impl InstrumentFormat {
    pub const ALL: [InstrumentFormat; 2] = [InstrumentFormat::Markdown, InstrumentFormat::Text];

    pub fn label(self) -> &'static str {
        match self {
            InstrumentFormat::Markdown => "Markdown",
            InstrumentFormat::Text => "Plain text",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            InstrumentFormat::Markdown => "text/markdown;charset=utf-8",
            InstrumentFormat::Text => "text/plain;charset=utf-8",
        }
    }

    pub fn file_name(self, inst: &Instrument) -> String {
        let ext = match self {
            InstrumentFormat::Markdown => "md",
            InstrumentFormat::Text => "txt",
        };
        export::file_name(&inst.citation, ext)
    }

    pub fn write(self, inst: &Instrument) -> String {
        match self {
            InstrumentFormat::Markdown => export::instrument_markdown(inst),
            InstrumentFormat::Text => export::instrument_text(inst),
        }
    }
}

/// What a comparison's download is called.
pub fn comparison_title(left: &str, right: &str) -> String {
    format!("{left} compared with {right}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clause_explorer::parse::parse_document;

    const PAGE: &str = "file:///home/me/clause-explorer.html#/search?q=x";

    fn corpus() -> Corpus {
        let mut documents = vec![parse_document(
            "ccpcj-33-1.txt",
            include_str!("../../corpus/ccpcj-33-1-rapid-technological-change.txt"),
        )];
        clause_explorer::cite::assign(&mut documents);
        Corpus { documents }
    }

    #[test]
    fn a_search_exports_every_match_not_only_the_page_drawn() {
        let corpus = corpus();
        let index = SearchIndex::build(&corpus);
        let q = Query::new("trafficking");
        let shown = search(&index, &q, 12);
        let records = search_records(&corpus, &index, &q, PAGE);
        assert!(shown.total > 12, "{}", shown.total);
        assert_eq!(records.len(), shown.total);
        assert_eq!(records[0].citation, {
            let r = shown.hits[0].unit.resolve(&corpus).unwrap();
            r.citation().to_owned()
        });
        let first = &records[0];
        assert!(first
            .link
            .starts_with("file:///home/me/clause-explorer.html#/p/ccpcj-res-33-1-"));
        assert!(!first.link.contains("search"));
    }

    #[test]
    fn a_link_is_the_page_without_its_hash_and_the_clause_route() {
        assert_eq!(
            link(PAGE, "ccpcj-res-33-1-op-7-b"),
            "file:///home/me/clause-explorer.html#/p/ccpcj-res-33-1-op-7-b"
        );
        assert_eq!(
            link("https://intranet.example/explorer/", "x-op-1"),
            "https://intranet.example/explorer/#/p/x-op-1"
        );
    }

    #[test]
    fn titles_and_file_names_say_what_a_download_holds() {
        let mut q = Query::new("  consider ratifying ");
        q.filters.bodies.insert("General Assembly".into());
        q.filters.years.insert(2023);
        let title = search_title(&q);
        assert_eq!(
            title,
            "Clauses matching \u{201c}consider ratifying\u{201d} (General Assembly, 2023)"
        );
        assert_eq!(
            Format::Json.file_name(&title),
            "clauses-matching-consider-ratifying-general-assembly-2023.json"
        );
        assert_eq!(search_title(&Query::default()), "Clauses");
        assert_eq!(Format::Precedents.file_name("My list"), "my-list.html");
    }

    #[test]
    fn every_format_writes_the_records_it_is_given() {
        let corpus = corpus();
        let index = SearchIndex::build(&corpus);
        let records = search_records(
            &corpus,
            &index,
            &Query::new("\"technological change\""),
            PAGE,
        );
        let r = records.first().expect("a clause on technological change");
        for f in Format::ALL {
            let out = f.write("List", std::slice::from_ref(&r));
            assert!(out.contains(&r.citation), "{f:?}");
        }
        let inst = corpus.instruments().next().unwrap();
        for f in InstrumentFormat::ALL {
            let out = f.write(inst);
            let p = &inst.operative[0];
            assert!(out.contains(&p.citation), "{f:?}");
            assert!(
                f.file_name(inst).starts_with("ccpcj-res-33-1"),
                "{}",
                f.file_name(inst)
            );
        }
    }
}
