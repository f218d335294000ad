//! Writing a published site so that `--out` never holds half a site: the
//! whole site is written into a fresh folder beside it, then moved into
//! place.

use std::path::{Path, PathBuf};

use super::page::{served_page, single_file};
use super::shell::Shell;
use super::{CORPUS_FILE, SINGLE_FILE};
use crate::bundle::Bundle;

/// The boot script and icon every published folder carries: the
/// repository's own, so that a shell read from a single file (which holds
/// neither) publishes the same folder.
const BOOT_JS: &str = include_str!("../../boot.js");
const FAVICON: &str = include_str!("../../favicon.svg");

/// What was written, for the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    pub dir: PathBuf,
    /// Bytes of the shell: glue, wasm, styles.
    pub shell_bytes: usize,
    /// Bytes of the document reader: glue and wasm.
    pub worker_bytes: usize,
    /// Bytes of `corpus.bin`.
    pub corpus_bytes: usize,
    /// Bytes of the single file.
    pub single_file_bytes: usize,
}

/// Writes the site of `bundle` with `shell` to `out`, replacing what was
/// there only once the new site is complete.
pub fn publish(shell: &Shell, bundle: &Bundle, out: &Path) -> std::io::Result<Published> {
    let corpus = bundle.to_file();
    let names = shell.names();
    let single = single_file(shell, &corpus, &bundle.collection);
    let staging = sibling(out, "publishing");
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging)?;
    let written = (|| {
        let put = |name: &str, bytes: &[u8]| std::fs::write(staging.join(name), bytes);
        put(
            "index.html",
            served_page(&names, &bundle.collection).as_bytes(),
        )?;
        put(
            "boot.js",
            format!("{}{BOOT_JS}", super::page::CORPUS_JS).as_bytes(),
        )?;
        put("favicon.svg", FAVICON.as_bytes())?;
        put(&names.glue, shell.glue.as_bytes())?;
        put(&names.wasm, &shell.wasm)?;
        put(&names.css, shell.css.as_bytes())?;
        if let (Some(worker), Some(worker_names)) = (&shell.worker, &names.worker) {
            put(super::page::WORKER_FILE, super::page::WORKER_JS.as_bytes())?;
            put(&worker_names.glue, worker.glue.as_bytes())?;
            put(&worker_names.wasm, &worker.wasm)?;
        }
        put(CORPUS_FILE, &corpus)?;
        put(SINGLE_FILE, single.as_bytes())
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    replace(&staging, out)?;
    Ok(Published {
        dir: out.to_owned(),
        shell_bytes: shell.glue.len() + shell.wasm.len() + shell.css.len(),
        worker_bytes: shell
            .worker
            .as_ref()
            .map_or(0, |w| w.glue.len() + w.wasm.len()),
        corpus_bytes: corpus.len(),
        single_file_bytes: single.len(),
    })
}

/// `dir` with a suffix, in the same parent folder (so that a rename is a
/// move within one file system).
fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    parent.join(format!(".{name}.{suffix}-{}", std::process::id()))
}

/// Moves the finished site to `out`: the old one (if any) aside first,
/// then removed.
fn replace(staging: &Path, out: &Path) -> std::io::Result<()> {
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    if out.exists() {
        let old = sibling(out, "replaced");
        let _ = std::fs::remove_dir_all(&old);
        std::fs::rename(out, &old)?;
        if let Err(e) = std::fs::rename(staging, out) {
            // Put the old site back rather than leave none.
            let _ = std::fs::rename(&old, out);
            return Err(e);
        }
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    } else {
        std::fs::rename(staging, out)
    }
}
