//! Clause Explorer's document reader: a Web Worker that reads the files a
//! reader adds, keeps them, and rebuilds the corpus, so that the page's
//! thread never parses or indexes and typing never stalls. All it does is
//! carry [`clause_explorer::ingest::protocol`] messages to
//! [`clause_explorer::ingest::session`] and IndexedDB ([`store`]).

#[cfg(target_arch = "wasm32")]
mod reader;
#[cfg(target_arch = "wasm32")]
mod store;

fn main() {}
