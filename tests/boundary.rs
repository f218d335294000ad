//! The domain crate is plain Rust: no module of it uses the web stack, so
//! the command-line tool, the build script and the browser share it. The
//! view layer lives in `app/src/ui`.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_domain_module_uses_the_web_stack() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20);
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a source file is readable");
        for word in ["leptos", "web_sys", "wasm_bindgen"] {
            assert!(!text.contains(word), "{} mentions {word}", file.display());
        }
    }
}
