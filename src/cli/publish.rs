//! `clause-explorer publish`: an explorer of any corpus, from a built
//! shell, without a wasm toolchain.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use super::Options;
use crate::corpus::{self, CollectionOptions};
use crate::site::{self, Shell};

/// How many warnings are printed; the rest are counted.
const MAX_WARNINGS: usize = 20;

/// Where the shell comes from when `--from` is not given: the `dist/` that
/// the README's main command builds, in the current folder or in this
/// checkout.
pub fn default_shell() -> Option<PathBuf> {
    let here = PathBuf::from("dist");
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    [here, checkout]
        .into_iter()
        .find(|d| d.join("index.html").is_file())
}

pub fn run(args: &Options, paths: &[PathBuf]) -> Result<ExitCode, String> {
    let started = Instant::now();
    let Some(out) = &args.out else {
        return Err("publish needs --out DIR".to_owned());
    };
    if paths.is_empty() {
        return Err("publish: no corpus folders or files given".to_owned());
    }
    let from = match &args.from {
        Some(f) => f.clone(),
        None => default_shell().ok_or(
            "publish: no built explorer to take the shell from: run scripts/serve.sh (or \
             `trunk build --release`) once, or pass --from FILE naming any explorer's \
             clause-explorer.html",
        )?,
    };
    let shell = Shell::read(&from).map_err(|e| e.to_string())?;
    let options = CollectionOptions {
        title: args.title.clone(),
        description: args.description.clone(),
    };
    let prepared = match corpus::prepare(paths, &options) {
        Ok(p) => p,
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!(
                "clause-explorer: nothing published: {} problem(s); {} is unchanged",
                problems.len(),
                out.display()
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    for w in prepared.warnings.iter().take(MAX_WARNINGS) {
        eprintln!("warning: {w}");
    }
    if prepared.warnings.len() > MAX_WARNINGS {
        eprintln!(
            "… and {} more warnings (run `clause-explorer check`)",
            prepared.warnings.len() - MAX_WARNINGS
        );
    }
    let published = site::publish(&shell, &prepared.bundle, out)
        .map_err(|e| format!("{}: {e}", out.display()))?;
    let corpus = &prepared.bundle.corpus;
    let paragraphs: usize = corpus
        .instruments()
        .map(|i| i.preambular.len() + i.operative.len())
        .sum();
    eprintln!(
        "clause-explorer: published \"{}\": {} instruments, {paragraphs} paragraphs, from the shell in {}\n  \
         {}/  (shell {} KB, {} {} KB)\n  {}/{}  ({} KB)\n  in {} ms",
        prepared.bundle.collection.display_title(),
        corpus.instruments().count(),
        from.display(),
        out.display(),
        published.shell_bytes / 1024,
        site::CORPUS_FILE,
        published.corpus_bytes / 1024,
        out.display(),
        site::SINGLE_FILE,
        published.single_file_bytes / 1024,
        started.elapsed().as_millis(),
    );
    Ok(ExitCode::SUCCESS)
}
