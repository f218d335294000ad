//! The search view's filters as rows to draw: one group per facet, one row
//! per value with its label, live count and whether it is chosen.
//!
//! The rows are keyed by what they show, so that from one keystroke to the
//! next only the rows whose count or state changed are redrawn; and a row
//! knows how to toggle its own value, so that choosing it applies to the
//! query of the moment (not to the one the row was drawn for).

use clause_explorer::bodies;
use clause_explorer::model::{Origin, Part};
use clause_explorer::search::{FacetCount, Facets, Filters};

/// One value of one facet.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FacetValue {
    Part(Part),
    LeadGroup(String),
    Body(String),
    Instrument(String),
    Year(u16),
    Session(String),
    Subject(String),
    /// What a clause cites: a key of the citation index.
    Cites(String),
    /// Published with the explorer, or added by the reader.
    Source(Origin),
}

impl FacetValue {
    /// Chooses the value if it was not chosen, and the reverse.
    pub fn toggle(&self, filters: &mut Filters) {
        fn flip<T: Ord + Clone>(set: &mut std::collections::BTreeSet<T>, v: &T) {
            if !set.remove(v) {
                set.insert(v.clone());
            }
        }
        match self {
            FacetValue::Part(p) => flip(&mut filters.parts, p),
            FacetValue::LeadGroup(g) => flip(&mut filters.lead_groups, g),
            FacetValue::Body(b) => flip(&mut filters.bodies, b),
            FacetValue::Instrument(i) => flip(&mut filters.instruments, i),
            FacetValue::Year(y) => flip(&mut filters.years, y),
            FacetValue::Session(s) => flip(&mut filters.sessions, s),
            FacetValue::Subject(s) => flip(&mut filters.subjects, s),
            FacetValue::Cites(k) => flip(&mut filters.cites, k),
            FacetValue::Source(o) => flip(&mut filters.sources, o),
        }
    }
}

/// A value as drawn. Two rows are equal when they draw the same.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FacetRow {
    pub value: FacetValue,
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

/// One facet: its legend, the key of its values in ids and the URL, and
/// its rows (the search's order: most results first, latest years first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetGroup {
    pub legend: &'static str,
    pub key: &'static str,
    pub rows: Vec<FacetRow>,
}

/// The groups with at least one value, in the order the view shows them:
/// source (only once documents are added), kind, lead phrase, adopting
/// body, instrument, year, session, subject, cites. `instrument_label` names an instrument id, and a key of what clauses
/// cite ("ga-res-70-1", "untoc").
pub fn facet_groups(facets: &Facets, instrument_label: impl Fn(&str) -> String) -> Vec<FacetGroup> {
    fn rows<T>(
        values: &[FacetCount<T>],
        value: impl Fn(&T) -> FacetValue,
        label: impl Fn(&T) -> String,
    ) -> Vec<FacetRow> {
        values
            .iter()
            .map(|v| FacetRow {
                value: value(&v.value),
                label: label(&v.value),
                count: v.count,
                selected: v.selected,
            })
            .collect()
    }
    let part_label = |p: &Part| match p {
        Part::Preambular => "Preambular".to_owned(),
        Part::Operative => "Operative".to_owned(),
    };
    let source_label = |o: &Origin| match o {
        Origin::Shipped => "Published with the explorer".to_owned(),
        Origin::Added => "Added by you".to_owned(),
    };
    let groups = [
        (
            "Source",
            "source",
            rows(&facets.sources, |o| FacetValue::Source(*o), source_label),
        ),
        (
            "Kind",
            "part",
            rows(&facets.parts, |p| FacetValue::Part(*p), part_label),
        ),
        (
            "Lead phrase",
            "group",
            rows(
                &facets.lead_groups,
                |g| FacetValue::LeadGroup(g.clone()),
                String::clone,
            ),
        ),
        (
            "Adopting body",
            "body",
            rows(
                &facets.bodies,
                |b| FacetValue::Body(b.clone()),
                |b| bodies::bare(b).to_owned(),
            ),
        ),
        (
            "Instrument",
            "instrument",
            rows(
                &facets.instruments,
                |i| FacetValue::Instrument(i.clone()),
                |i| instrument_label(i),
            ),
        ),
        (
            "Year",
            "year",
            rows(&facets.years, |y| FacetValue::Year(*y), u16::to_string),
        ),
        (
            "Session",
            "session",
            rows(
                &facets.sessions,
                |s| FacetValue::Session(s.clone()),
                String::clone,
            ),
        ),
        (
            "Subject",
            "subject",
            rows(
                &facets.subjects,
                |s| FacetValue::Subject(s.clone()),
                String::clone,
            ),
        ),
        (
            "Cites",
            "cites",
            rows(
                &facets.cites,
                |k| FacetValue::Cites(k.clone()),
                |k| instrument_label(k),
            ),
        ),
    ];
    groups
        .into_iter()
        .filter(|(_, _, rows)| !rows.is_empty())
        .map(|(legend, key, rows)| FacetGroup { legend, key, rows })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clause_explorer::cite;
    use clause_explorer::model::Corpus;
    use clause_explorer::parse::parse_document;
    use clause_explorer::search::{search, Query, SearchIndex};

    /// CCPCJ 33/1 and COP 11/5, the second added by the reader when
    /// `added`.
    fn index_with(added: bool) -> SearchIndex {
        let mut documents = vec![
            parse_document(
                "ccpcj-33-1.txt",
                include_str!("../../corpus/ccpcj-33-1-rapid-technological-change.txt"),
            ),
            parse_document(
                "cop-11-5.txt",
                include_str!("../../corpus/cop-untoc-11-5-trafficking-protocol.txt"),
            ),
        ];
        cite::assign(&mut documents);
        if added {
            documents[1].origin = Origin::Added;
        }
        SearchIndex::build(&Corpus { documents })
    }

    fn index() -> SearchIndex {
        index_with(false)
    }

    #[test]
    fn groups_come_in_the_views_order_with_counts_and_labels() {
        let index = index();
        let r = search(&index, &Query::new("trafficking"), 10);
        let groups = facet_groups(&r.facets, |id| format!("<{id}>"));
        let legends: Vec<_> = groups.iter().map(|g| g.legend).collect();
        // Neither text states its year, and neither has a session or
        // subjects: those groups are left out. Both cite the Protocol.
        assert_eq!(
            legends,
            [
                "Kind",
                "Lead phrase",
                "Adopting body",
                "Instrument",
                "Cites"
            ]
        );
        let cites = &groups[4].rows;
        assert!(
            cites.iter().any(|r| r.label == "<trafficking-protocol>"),
            "{cites:?}"
        );
        let kind = &groups[0].rows;
        assert_eq!(kind[0].label, "Preambular");
        assert_eq!(kind[1].label, "Operative");
        assert_eq!(kind[0].count + kind[1].count, r.total);
        let instrument = &groups[3].rows;
        assert!(
            instrument.iter().all(|row| row.label.starts_with("<")),
            "{instrument:?}"
        );
        let body = &groups[2].rows;
        assert!(
            body.iter().all(|row| !row.label.starts_with("The ")),
            "{body:?}"
        );
    }

    #[test]
    fn once_a_document_is_added_the_source_comes_first() {
        let index = index_with(true);
        let r = search(&index, &Query::new("trafficking"), 10);
        let groups = facet_groups(&r.facets, str::to_owned);
        assert_eq!((groups[0].legend, groups[0].key), ("Source", "source"));
        let labels: Vec<&str> = groups[0].rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Published with the explorer", "Added by you"]);
        let mut q = Query::new("trafficking");
        groups[0].rows[1].value.toggle(&mut q.filters);
        assert!(q.filters.sources.contains(&Origin::Added));
    }

    #[test]
    fn a_row_toggles_its_own_value_in_any_query() {
        let index = index();
        let r = search(&index, &Query::new("trafficking"), 10);
        let groups = facet_groups(&r.facets, str::to_owned);
        let operative = groups[0]
            .rows
            .iter()
            .find(|r| r.label == "Operative")
            .unwrap();
        // The row was drawn for "trafficking"; it applies to whatever the
        // query has become since.
        let mut q = Query::new("victims of trafficking");
        operative.value.toggle(&mut q.filters);
        assert!(q.filters.parts.contains(&Part::Operative));
        let chosen = search(&index, &q, 10);
        let groups = facet_groups(&chosen.facets, str::to_owned);
        let row = groups[0]
            .rows
            .iter()
            .find(|r| r.label == "Operative")
            .unwrap();
        assert!(row.selected);
        assert_eq!(row.count, chosen.total);
        operative.value.toggle(&mut q.filters);
        assert!(q.filters.is_empty());
    }
}
