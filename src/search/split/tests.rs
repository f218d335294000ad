//! A split index searches as the whole one does: the behaviour table and
//! equal results for every query, with small shards so that there are many;
//! and fetching that fails or returns garbage ends, reported.

use std::collections::HashMap;

use super::super::tests::{shipped, table_failures, CASES};
use super::*;
use crate::model::Part;
use crate::search::{search, BENCH_QUERIES, PAGE};

/// Small enough that the shipped corpus makes dozens of shards of each kind.
const SMALL: ShardTargets = ShardTargets {
    lists: 512,
    positions: 256,
    streams: 1024,
    places: 32,
};

fn split() -> &'static (Split, HashMap<ShardId, Vec<u8>>) {
    static SPLIT: std::sync::OnceLock<(Split, HashMap<ShardId, Vec<u8>>)> =
        std::sync::OnceLock::new();
    SPLIT.get_or_init(|| {
        let split = shipped().1.split(&SMALL).expect("the index splits");
        let host = split.shards.iter().cloned().collect();
        (split, host)
    })
}

fn head() -> SplitIndex {
    SplitIndex::from_head(&split().0.head).expect("the head loads")
}

/// A host that has every shard.
fn host(wanted: &[ShardId]) -> Vec<(ShardId, Result<Vec<u8>, &'static str>)> {
    let shards = &split().1;
    wanted
        .iter()
        .map(|id| (*id, shards.get(id).cloned().ok_or("no such file")))
        .collect()
}

/// Searches a freshly loaded head, fetching from [`host`].
fn fetching(query: &Query, limit: usize) -> Fetched<&'static str> {
    search_fetching(&mut head(), query, limit, host)
}

/// The table's queries, every prefix of the benchmark's, and the queries
/// of the rule tests with their filters.
fn queries() -> Vec<Query> {
    let mut out: Vec<Query> = CASES.iter().map(|c| Query::new(c.query)).collect();
    for q in BENCH_QUERIES {
        for (end, _) in q.char_indices().skip(1) {
            out.push(Query::new(&q[..end]));
        }
        out.push(Query::new(q));
    }
    for text in [
        "",
        "trafficking",
        "urges ",
        "forced labour -slavery",
        "trffckng ",
    ] {
        let mut query = Query::new(text);
        query.filters.parts.insert(Part::Operative);
        out.push(query.clone());
        query.filters.years.insert(2024);
        out.push(query);
    }
    out
}

#[test]
fn the_small_targets_make_many_shards_of_each_kind() {
    let index = head();
    for kind in KINDS {
        let n = index.shards().filter(|s| s.kind == kind).count();
        assert!(n >= 20, "{n} shards of {kind:?}");
    }
    assert!(index.shards().all(|s| !index.has(s)));
}

#[test]
fn the_behaviour_table_puts_the_expected_paragraphs_on_top_of_a_split_index_too() {
    let failures = table_failures(|query, limit| {
        let fetched = fetching(query, limit);
        assert!(fetched.failed.is_empty(), "{:?}", fetched.failed);
        fetched.results
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_query_gives_the_same_results_split_as_whole() {
    let whole = &shipped().1;
    for query in queries() {
        for limit in [1, PAGE, usize::MAX] {
            let expected = search(whole, &query, limit);
            let got = fetching(&query, limit);
            assert!(got.failed.is_empty(), "{query:?}: {:?}", got.failed);
            assert!(got.rounds <= 5, "{query:?}: {} rounds", got.rounds);
            assert_eq!(got.results, expected, "{query:?}, limit {limit}");
        }
    }
}

#[test]
fn one_index_fetching_as_it_goes_gives_the_same_results_query_after_query() {
    let whole = &shipped().1;
    let mut index = head();
    for query in queries() {
        let got = search_fetching(&mut index, &query, PAGE, host);
        assert_eq!(got.results, search(whole, &query, PAGE), "{query:?}");
    }
}

#[test]
fn a_head_with_every_shard_searches_in_one_round() {
    let mut index = head();
    for (id, blob) in &split().0.shards {
        index.add(*id, blob).expect("the shard loads");
    }
    let query = Query::new("\"trafficking in persons\" online");
    let got = search_fetching(&mut index, &query, PAGE, host);
    assert_eq!((got.rounds, got.fetched.len()), (1, 0));
    assert_eq!(got.results, search(&shipped().1, &query, PAGE));
}

#[test]
fn a_shard_that_fails_to_fetch_is_reported_and_the_rest_still_found() {
    let query = Query::new("awareness raising campaigns");
    let mut broken = None;
    let got = search_fetching(&mut head(), &query, PAGE, |wanted| {
        // The first streams shard asked for is unavailable.
        let mut answers = host(wanted);
        for (id, answer) in &mut answers {
            if id.kind == ShardKind::Streams && broken.is_none_or(|b| b == *id) {
                broken = Some(*id);
                *answer = Err("503");
            }
        }
        answers
    });
    let broken = broken.expect("some streams shard was needed");
    assert_eq!(got.failed.len(), 1, "{:?}", got.failed);
    assert!(matches!(got.failed[0], (id, Failure::Fetch("503")) if id == broken));
    let whole = search(&shipped().1, &query, PAGE);
    assert_eq!(got.results.total, whole.total);
    assert!(!got.results.hits.is_empty());
}

#[test]
fn a_corrupt_shard_is_an_error_and_never_a_panic() {
    let (split, _) = split();
    let mut index = head();
    let (id, blob) = &split.shards[3];
    let (other, other_blob) = &split.shards[4];
    let truncated = &blob[..blob.len() / 2];
    assert!(matches!(
        index.add(*id, truncated),
        Err(ShardError::Unreadable(_))
    ));
    assert!(matches!(
        index.add(*id, other_blob),
        Err(ShardError::NotThisShard { asked, found }) if asked == *id && found == *other
    ));
    let mut flipped = blob.clone();
    for b in flipped.iter_mut().take(12) {
        *b ^= 0x55;
    }
    assert!(index.add(*id, &flipped).is_err());
    assert!(!index.has(*id));
    for garbage in [&[][..], &[0xff; 40][..], b"not a shard"] {
        assert!(SplitIndex::from_head(garbage).is_err());
        assert!(index.add(*id, garbage).is_err());
    }
}

#[test]
fn garbage_from_the_host_ends_in_reported_failures_within_the_rounds() {
    let query = Query::new("consider ratifying");
    let got = search_fetching(&mut head(), &query, PAGE, |wanted| {
        wanted
            .iter()
            .map(|id| (*id, Ok::<_, ()>(vec![1, 2, 3])))
            .collect()
    });
    assert!(got.rounds <= MAX_ROUNDS);
    assert!(got.fetched.is_empty());
    assert!(!got.failed.is_empty());
    assert!(got
        .failed
        .iter()
        .all(|(_, why)| matches!(why, Failure::Unreadable(_))));
    assert_eq!(got.results.total, 0);
}

#[test]
fn a_host_that_answers_nothing_ends_after_two_rounds() {
    let query = Query::new("supply chains");
    let got = search_fetching(&mut head(), &query, PAGE, |_| {
        Vec::<(_, Result<_, ()>)>::new()
    });
    assert_eq!(got.rounds, 2);
    assert!(got
        .failed
        .iter()
        .all(|(_, why)| matches!(why, Failure::NotReturned)));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(60))]

    #[test]
    fn a_shard_whose_bytes_are_damaged_but_still_fit_gives_results_never_a_panic(
        shard in 0usize..10_000,
        at in 0usize..10_000,
        flip in 1u8..=255,
    ) {
        let shards = &split().0.shards;
        let (id, blob) = &shards[shard % shards.len()];
        let mut damaged = blob.clone();
        let k = at % damaged.len();
        damaged[k] ^= flip;
        let mut index = head();
        // Whether it loads or not, every search gives a result.
        let _ = index.add(*id, &damaged);
        for q in ["trafficking", "\"consider ratifying\"", "urges states -online"] {
            let got = search_fetching(&mut index, &Query::new(q), 10, host);
            proptest::prop_assert!(got.rounds <= MAX_ROUNDS);
            proptest::prop_assert!(got.results.hits.len() <= 10);
        }
    }

    #[test]
    fn any_query_string_gives_the_same_results_split_as_whole(text in "(?s).{0,60}") {
        let query = Query::new(&text);
        let got = fetching(&query, 10);
        proptest::prop_assert!(got.failed.is_empty());
        proptest::prop_assert_eq!(got.results, search(&shipped().1, &query, 10));
    }
}
