//! The first keystroke as quick as the rest. The browser compiles a wasm
//! function the first time it runs, so the first search of a visit paid for
//! compiling the search engine's code: on the shipped corpus the first
//! keystroke took 59 ms (a long task) where the next ones take 5–12 ms.
//! Once the page has started and the browser is idle, a few searches that
//! take each path (a prefix of one letter, a word, a typo, a phrase, an
//! exclusion, `cites:`) run one per idle period, and their results are
//! dropped.

use clause_explorer::search::{search, Query, PAGE};
use wasm_bindgen::prelude::*;

use super::Data;

const QUERIES: &[&str] = &[
    "t",
    "tra",
    "trafficking in persons",
    "victims of traficking",
    "\"organized crime\" protocol",
    "cooperation -maritime",
    "cites:70/1",
];

/// Runs the warm-up searches, one per idle period, from the first.
pub fn search_paths(data: &'static Data) {
    step(data, 0);
}

fn step(data: &'static Data, k: usize) {
    let Some(&text) = QUERIES.get(k) else {
        return;
    };
    let run = Closure::once_into_js(move || {
        let _ = search(&data.search, &Query::new(text), PAGE);
        step(data, k + 1);
    });
    let _ = web_sys::window().map(|w| w.request_idle_callback(run.unchecked_ref()));
}
