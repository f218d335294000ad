//! The Clause Explorer web app.
//!
//! The view layer (`ui`, Leptos) exists only in the browser and stays thin:
//! it wires signals to pure functions. Those pure pieces (routes, text
//! pieces, clipboard text) are plain Rust, tested natively with
//! `cargo test -p clause-explorer-app`; the domain (parsing, search,
//! comparison) is the `clause-explorer` crate.

pub mod clip;
pub mod exports;
pub mod facet_rows;
pub mod keys;
pub mod list;
pub mod pieces;
pub mod route;
pub mod startup;

#[cfg(target_arch = "wasm32")]
pub mod ui;
