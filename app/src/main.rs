//! The app's entry point: Trunk builds this binary for the browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    clause_explorer_app::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "the Clause Explorer app runs in a browser: build it with `trunk build` (see README)"
    );
}
