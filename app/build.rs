//! Parses and indexes the corpus at build time and writes the bundle the
//! app embeds, so that the page parses nothing when it starts.
//!
//! The corpus folder is `corpus/` at the repository root, or the folder
//! named by `CLAUSE_EXPLORER_CORPUS` (relative paths are taken from the
//! repository root). A file that cannot be read, or that holds no
//! resolution or decision, stops the build with its name, line and reason
//! (see `clause_explorer::corpus::prepare`).

use std::path::{Path, PathBuf};

/// How many parser warnings are echoed as cargo warnings.
const MAX_ECHOED_WARNINGS: usize = 20;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    println!("cargo:rerun-if-env-changed=CLAUSE_EXPLORER_CORPUS");
    let dir = match std::env::var_os("CLAUSE_EXPLORER_CORPUS") {
        Some(d) => root.join(PathBuf::from(d)),
        None => root.join("corpus"),
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        println!("cargo:rerun-if-changed={}", entry.path().display());
    }
    let prepared = match clause_explorer::corpus::prepare(&dir) {
        Ok(p) => p,
        Err(problems) => {
            eprintln!(
                "\nerror: cannot build the explorer from the corpus in {}:\n  {}\n",
                dir.display(),
                problems.join("\n  ")
            );
            std::process::exit(1);
        }
    };
    for w in prepared.warnings.iter().take(MAX_ECHOED_WARNINGS) {
        println!("cargo:warning={w}");
    }
    if prepared.warnings.len() > MAX_ECHOED_WARNINGS {
        println!(
            "cargo:warning=… and {} more (run `clause-explorer check` on the corpus)",
            prepared.warnings.len() - MAX_ECHOED_WARNINGS
        );
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(e) = std::fs::write(out.join("bundle.bin"), prepared.bundle.encode()) {
        eprintln!("error: cannot write the bundle: {e}");
        std::process::exit(1);
    }
}
