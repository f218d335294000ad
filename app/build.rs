//! Parses the corpus at build time and writes the bundle the app embeds.
//!
//! The corpus folder is `corpus/` at the repository root, or the folder
//! named by `CLAUSE_EXPLORER_CORPUS` (relative paths are taken from the
//! repository root). A file that cannot be read, or that holds no
//! resolution or decision, stops the build with its name, line and reason.

use std::path::{Path, PathBuf};

use clause_explorer::bundle::Bundle;
use clause_explorer::corpus::{fatal_problems, is_text_file, load_dir};

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
    if let Err(message) = build(&dir) {
        eprintln!(
            "\nerror: cannot build the explorer's corpus from {}:\n{message}\n",
            dir.display()
        );
        std::process::exit(1);
    }
}

fn build(dir: &Path) -> Result<(), String> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let entries = std::fs::read_dir(dir).map_err(|e| format!("  {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        println!("cargo:rerun-if-changed={}", entry.path().display());
    }
    let loaded = load_dir(dir).map_err(|e| format!("  {e}"))?;
    let mut problems: Vec<String> = loaded.errors.iter().map(|e| format!("  {e}")).collect();
    problems.extend(
        fatal_problems(&loaded.corpus)
            .into_iter()
            .map(|(file, line, reason)| format!("  {file}:{line}: {reason}")),
    );
    if loaded.corpus.documents.is_empty() && problems.is_empty() {
        let any = std::fs::read_dir(dir)
            .map(|r| r.flatten().any(|e| is_text_file(&e.path())))
            .unwrap_or(false);
        if !any {
            problems.push("  the folder holds no .txt or .md files".to_owned());
        }
    }
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    let warnings: Vec<String> = loaded
        .corpus
        .documents
        .iter()
        .flat_map(|d| d.warnings.iter().map(move |w| format!("{}:{w}", d.source)))
        .collect();
    for w in warnings.iter().take(MAX_ECHOED_WARNINGS) {
        println!("cargo:warning={w}");
    }
    if warnings.len() > MAX_ECHOED_WARNINGS {
        println!(
            "cargo:warning=… and {} more (run `clause-explorer check` on the corpus)",
            warnings.len() - MAX_ECHOED_WARNINGS
        );
    }
    let bytes = Bundle::build(loaded.corpus).encode();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    std::fs::write(out.join("bundle.bin"), bytes).map_err(|e| e.to_string())?;
    Ok(())
}
