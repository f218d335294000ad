//! The two pages of a published explorer.
//!
//! The served `index.html` declares the policy an intranet serves it under
//! (`default-src 'self'`, no inline script or style) and starts the app
//! from `boot.js`; it asks the browser to fetch the corpus, the glue and
//! the wasm at once (`preload`), so that the corpus downloads while the
//! wasm compiles.
//!
//! The single file works from `file://`, where a page may fetch nothing:
//! the styles are inline, the wasm and the corpus travel in data blocks
//! (`<script type="application/octet-stream">`, which no browser runs) as
//! base64, and one inline module holds the glue and starts it with the
//! inflated wasm. Its policy allows exactly its style block and its module
//! (by hash) and WebAssembly, and nothing may be fetched. The blocks are
//! marked ([`marks`]) so that a shell can be read back from any single
//! file (`publish --from clause-explorer.html`).

use base64::Engine;

use super::shell::{Shell, ShellNames};
use super::CORPUS_FILE;
use crate::bundle::Collection;

/// Names the page as an explorer single file of this layout.
pub const GENERATOR: &str = "<meta name=\"generator\" content=\"clause-explorer-shell 1\">";

/// The markers around the single file's blocks.
pub mod marks {
    pub const STYLE_OPEN: &str = "<style>\n";
    pub const STYLE_CLOSE: &str = "\n</style>";
    pub const WASM_OPEN: &str = "<script type=\"application/octet-stream\" id=\"ce-wasm\">";
    pub const CORPUS_OPEN: &str = "<script type=\"application/octet-stream\" id=\"ce-corpus\">";
    /// The document reader's glue: text no browser runs, until the page
    /// starts it as a worker from a `blob:` URL.
    pub const WORKER_GLUE_OPEN: &str = "<script type=\"text/plain\" id=\"ce-worker-glue\">";
    pub const WORKER_WASM_OPEN: &str =
        "<script type=\"application/octet-stream\" id=\"ce-worker-wasm\">";
    pub const BLOCK_CLOSE: &str = "</script>";
    pub const GLUE_BEGIN: &str = "\n// clause-explorer glue begins\n";
    pub const GLUE_END: &str = "\n// clause-explorer glue ends\n";
}

/// The policy the served page declares (and the README documents).
pub const SERVED_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// Starts the glue with the wasm of the `ce-wasm` block, inflated by the
/// browser's own `DecompressionStream` while it compiles; the corpus
/// block is decoded and inflated meanwhile (`inflateCorpus`, before this
/// in the page), and the app takes it from `clauseExplorerCorpus`. A
/// block is decoded by `Uint8Array.fromBase64` where the browser has it
/// (0.3 ms for the shipped wasm), else by a loop (2.6 ms);
/// `Uint8Array.from` with a mapping function took 24 ms of every start
/// from `file://`. A corpus block that is not base64 gives no file, and the
/// app reads the block itself to say so.
const SINGLE_BOOT: &str = "const fromBase64 = (text) => { if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text); const b = atob(text); const u = new Uint8Array(b.length); for (let i = 0; i < b.length; i++) u[i] = b.charCodeAt(i); return u; };\n\
globalThis.clauseExplorerCorpus = (async () => { let file; try { file = fromBase64(document.getElementById(\"ce-corpus\").textContent.trim()); } catch { return {}; } return { file, inflated: await inflateCorpus(file) }; })();\n\
const packed = fromBase64(document.getElementById(\"ce-wasm\").textContent.trim());\n\
const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream(\"deflate\"));\n\
await __wbg_init({ module_or_path: new Response(inflated, { headers: { \"Content-Type\": \"application/wasm\" } }) });\n";

/// Inflates the corpus file in the browser: before the served page's boot
/// script and the single file's start, which both use it.
pub const CORPUS_JS: &str = include_str!("../../corpus.js");

/// Shown until the app mounts (it removes the line), so that a slow
/// corpus download is never a blank page.
const LOADING: &str = "<p id=\"ce-loading\" class=\"loading\">Loading Clause Explorer…</p>";

const NOSCRIPT: &str =
    "<noscript>Clause Explorer needs JavaScript and WebAssembly, which this browser has turned off.</noscript>";

/// The document reader's start, beside the served page (and, in the single
/// file, after the reader's glue in the worker's script).
pub const WORKER_JS: &str = include_str!("../../worker.js");

/// The document reader's start script's name beside the served page.
pub const WORKER_FILE: &str = "worker.js";

/// The served `index.html` for a shell written under `names`.
pub fn served_page(names: &ShellNames, collection: &Collection) -> String {
    let (title, description) = head_text(collection);
    let glue = &names.glue;
    let wasm = &names.wasm;
    let css = &names.css;
    // The document reader is named, not preloaded: it loads when a reader
    // first adds a document.
    let worker = names.worker.as_ref().map_or_else(String::new, |w| {
        format!(
            " data-worker=\"./{WORKER_FILE}\" data-worker-glue=\"./{}\" data-worker-wasm=\"./{}\"",
            w.glue, w.wasm
        )
    });
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{SERVED_CSP}\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"description\" content=\"{description}\">\n\
         <title>{title}</title>\n\
         <link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n\
         <link rel=\"stylesheet\" href=\"./{css}\">\n\
         <link rel=\"preload\" href=\"./{CORPUS_FILE}\" as=\"fetch\" crossorigin=\"anonymous\">\n\
         <link rel=\"modulepreload\" href=\"./{glue}\">\n\
         <link rel=\"preload\" href=\"./{wasm}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\">\n\
         <script type=\"module\" src=\"./boot.js\" data-glue=\"./{glue}\" data-wasm=\"./{wasm}\"{worker}></script>\n\
         </head>\n<body>\n{NOSCRIPT}\n{LOADING}\n</body>\n</html>\n"
    )
}

/// The whole explorer in one page: shell and corpus file.
pub fn single_file(shell: &Shell, corpus_file: &[u8], collection: &Collection) -> String {
    use marks::*;
    let b64 = &base64::engine::general_purpose::STANDARD;
    let (title, description) = head_text(collection);
    // "</script" may only appear inside string literals of the glue; the
    // escaped form means the same there and cannot end the element.
    let glue = shell.glue.replace("</script", "<\\/script");
    let css = shell.css.replace("</style", "<\\/style");
    let script = format!("{GLUE_BEGIN}{glue}{GLUE_END}{}{SINGLE_BOOT}", CORPUS_JS);
    let style = format!("\n{css}\n");
    let wasm = b64.encode(miniz_oxide::deflate::compress_to_vec_zlib(&shell.wasm, 9));
    let corpus = b64.encode(corpus_file);
    // The document reader runs from a `blob:` URL made in the page: the
    // only thing besides the page's own blocks that the policy lets run.
    // Its blocks come last and the app's module is `async`, so the app
    // starts as soon as its own blocks are parsed, not after the reader's
    // half megabyte (a deferred module would wait for the whole file).
    let (worker_src, worker_blocks) = match &shell.worker {
        Some(w) => (
            " worker-src blob:;",
            format!(
                "{WORKER_GLUE_OPEN}{}{BLOCK_CLOSE}\n{WORKER_WASM_OPEN}{}{BLOCK_CLOSE}\n",
                w.glue.replace("</script", "<\\/script"),
                b64.encode(miniz_oxide::deflate::compress_to_vec_zlib(&w.wasm, 9))
            ),
        ),
        None => ("", String::new()),
    };
    let csp = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {};{worker_src} \
         img-src data:; base-uri 'none'; form-action 'none'",
        hash_source(&script),
        hash_source(&style)
    );
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n{GENERATOR}\n\
         <meta name=\"description\" content=\"{description}\">\n\
         <title>{title}</title>\n\
         <link rel=\"icon\" href=\"data:,\">\n\
         <style>{style}</style>\n</head>\n<body>\n{NOSCRIPT}\n{LOADING}\n\
         {WASM_OPEN}{wasm}{BLOCK_CLOSE}\n\
         {CORPUS_OPEN}{corpus}{BLOCK_CLOSE}\n\
         <script type=\"module\" async>{script}</script>\n{worker_blocks}</body>\n</html>\n"
    )
}

/// The page title and description, escaped for HTML.
fn head_text(collection: &Collection) -> (String, String) {
    let title = if collection.title.trim().is_empty() {
        "Clause Explorer".to_owned()
    } else {
        format!("{} · Clause Explorer", collection.title.trim())
    };
    let description = if collection.description.trim().is_empty() {
        "Find and compare the agreed language of UN resolutions, clause by clause."
    } else {
        collection.description.trim()
    };
    (escape(&title), escape(description))
}

/// Escapes text for an HTML attribute or element.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::export::escape_html(&mut out, text);
    out
}

/// A CSP source for an inline block: `'sha256-…'`.
pub fn hash_source(content: &str) -> String {
    let digest = <sha2::Sha256 as sha2::Digest>::digest(content.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}
