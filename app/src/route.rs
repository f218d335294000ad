//! Routes: every view of the app has a URL, kept in the hash so that it
//! works from any sub-path, inside an iframe, and from `file://`, and so
//! that the back button and reloading just work.
//!
//! ```
//! use clause_explorer_app::route::Route;
//! let route = Route::parse("#/p/ccpcj-res-33-1-op-7");
//! assert_eq!(route, Route::Clause { id: "ccpcj-res-33-1-op-7".into() });
//! assert_eq!(route.to_hash(), "#/p/ccpcj-res-33-1-op-7");
//! ```

use clause_explorer::search::{from_url_hash, to_url_hash, Query};

/// A view of the app.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Route {
    /// Every instrument of the corpus.
    #[default]
    Library,
    /// One instrument, read like the original.
    Instrument { id: String },
    /// One paragraph or sub-paragraph, shown in its instrument.
    Clause { id: String },
    /// Search results for a query and its filters.
    Search(Query),
    /// Two clauses side by side; either may still be empty while choosing.
    Compare { left: String, right: String },
    /// Two instruments aligned paragraph by paragraph.
    Align { first: String, second: String },
    /// The reader's list of clauses set aside for export.
    List,
    /// Everything that cites one thing (a key of `clause_explorer::refs`:
    /// "ga-res-70-1", "untoc"), in the corpus or outside it.
    Cited { key: String },
    /// The corpus in pictures: who cites whom, how much each text reuses
    /// another.
    Pictures,
    /// A hash this version does not know.
    NotFound { hash: String },
}

impl Route {
    /// Reads a location hash (`#/…`; an empty hash is the library).
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let get = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] | ["library"] => Route::Library,
            ["i", id] if is_id(id) => Route::Instrument {
                id: (*id).to_owned(),
            },
            ["p", id] if is_id(id) => Route::Clause {
                id: (*id).to_owned(),
            },
            ["search"] => Route::Search(from_url_hash(query)),
            ["list"] => Route::List,
            ["cited", key] if is_id(key) => Route::Cited {
                key: (*key).to_owned(),
            },
            ["pictures"] => Route::Pictures,
            ["compare"] => Route::Compare {
                left: get("a"),
                right: get("b"),
            },
            ["align"] => Route::Align {
                first: get("a"),
                second: get("b"),
            },
            _ => Route::NotFound {
                hash: hash.to_owned(),
            },
        }
    }

    /// The location hash of this route.
    pub fn to_hash(&self) -> String {
        let query = |pairs: &[(&str, &str)]| {
            let mut s = form_urlencoded::Serializer::new(String::new());
            for (k, v) in pairs {
                if !v.is_empty() {
                    s.append_pair(k, v);
                }
            }
            let s = s.finish();
            if s.is_empty() {
                s
            } else {
                format!("?{s}")
            }
        };
        match self {
            Route::Library => "#/".to_owned(),
            Route::Instrument { id } => format!("#/i/{id}"),
            Route::Clause { id } => format!("#/p/{id}"),
            Route::Search(q) => {
                let params = to_url_hash(q);
                if params.is_empty() {
                    "#/search".to_owned()
                } else {
                    format!("#/search?{params}")
                }
            }
            Route::Compare { left, right } => {
                format!("#/compare{}", query(&[("a", left), ("b", right)]))
            }
            Route::Align { first, second } => {
                format!("#/align{}", query(&[("a", first), ("b", second)]))
            }
            Route::List => "#/list".to_owned(),
            Route::Cited { key } => format!("#/cited/{key}"),
            Route::Pictures => "#/pictures".to_owned(),
            Route::NotFound { hash } => hash.clone(),
        }
    }
}

/// Ids are lower-case ASCII letters, digits and hyphens (see the parser's
/// `cite` module); anything else is not an id.
pub(crate) fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_hash_is_the_library() {
        assert_eq!(Route::parse(""), Route::Library);
        assert_eq!(Route::parse("#"), Route::Library);
        assert_eq!(Route::parse("#/"), Route::Library);
    }

    #[test]
    fn every_route_survives_a_round_trip_through_its_hash() {
        let routes = [
            Route::Library,
            Route::Instrument {
                id: "untoc-cop-res-11-5".into(),
            },
            Route::Clause {
                id: "ccpcj-res-33-1-op-7-b".into(),
            },
            Route::Search({
                let mut q = Query::new("\"consider ratifying\" -smuggling & more");
                q.filters
                    .parts
                    .insert(clause_explorer::model::Part::Operative);
                q.filters.lead_groups.insert("Calls upon".into());
                q
            }),
            Route::Compare {
                left: "a-op-1".into(),
                right: "b-op-1".into(),
            },
            Route::Align {
                first: "a".into(),
                second: "b".into(),
            },
            Route::List,
            Route::Cited {
                key: "ga-res-70-1".into(),
            },
            Route::Pictures,
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }

    #[test]
    fn an_empty_search_has_a_short_hash() {
        assert_eq!(Route::Search(Query::default()).to_hash(), "#/search");
        assert_eq!(Route::parse("#/search"), Route::Search(Query::default()));
    }

    #[test]
    fn a_half_chosen_comparison_keeps_its_first_side() {
        let route = Route::Compare {
            left: "x-op-1".into(),
            right: String::new(),
        };
        assert_eq!(route.to_hash(), "#/compare?a=x-op-1");
        assert_eq!(Route::parse("#/compare?a=x-op-1"), route);
    }

    #[test]
    fn hostile_hashes_are_not_found_rather_than_trusted() {
        for hash in ["#/i/<script>", "#/p/../../etc", "#/unknown", "#/i/a/b/c"] {
            assert!(
                matches!(Route::parse(hash), Route::NotFound { .. }),
                "{hash}"
            );
        }
    }
}
