//! Writes `clause-explorer.html`: the whole explorer (CSS, wasm-bindgen
//! glue, WebAssembly, corpus) in one HTML file that works when opened from
//! `file://`, with no server and no network.
//!
//! Browsers refuse module scripts and `fetch` of `.wasm` from a `file://`
//! page, so the glue runs as an inline module and the wasm travels inside
//! the page: gzip-compressed, as base64, inflated by the browser's own
//! `DecompressionStream` and handed to the glue's init as a streaming
//! response, so that compiling overlaps inflating. (Base64 of the raw
//! wasm would make the file 2.5 times larger, and 35 % larger even when
//! served compressed.) The file carries its own Content-Security-Policy:
//! only its two inline blocks (by hash) and WebAssembly may run, and
//! nothing may be fetched.
//!
//! Run by Trunk as a post-build hook (it reads `TRUNK_STAGING_DIR`), or by
//! hand on a built folder: `cargo run -p single-file -- dist`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::io::Write;

use base64::Engine;
use flate2::write::GzEncoder;
use flate2::Compression;
use sha2::{Digest, Sha256};

/// The name of the file written next to `index.html`.
const OUTPUT: &str = "clause-explorer.html";
/// How wasm-bindgen's glue ends: the way to recognise it among the `.js`
/// files, whatever hash Trunk put in its name.
const GLUE_EXPORT: &str = "__wbg_init as default";

#[derive(Debug)]
enum Error {
    Io(PathBuf, std::io::Error),
    Missing(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(path, e) => write!(f, "{}: {e}", path.display()),
            Error::Missing(what) => write!(f, "{what}"),
        }
    }
}

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from);
    let Some(dir) = dir else {
        eprintln!("single-file: give the built folder (e.g. dist) or run as a Trunk hook");
        return ExitCode::from(2);
    };
    match write_single_file(&dir) {
        Ok((path, size)) => {
            eprintln!("single-file: wrote {} ({} KB)", path.display(), size / 1024);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("single-file: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| Error::Io(path.to_owned(), e))
}

fn read_text(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error::Io(path.to_owned(), e))
}

fn write_single_file(dir: &Path) -> Result<(PathBuf, usize), Error> {
    let index = read_text(&dir.join("index.html"))?;
    let mut css = String::new();
    for href in stylesheets(&index) {
        css.push_str(&read_text(&dir.join(href.trim_start_matches("./")))?);
        css.push('\n');
    }
    let entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::Io(dir.to_owned(), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    let mut glue = None;
    for path in entries.iter().filter(|p| has_extension(p, "js")) {
        let text = read_text(path)?;
        if text.contains(GLUE_EXPORT) {
            glue = Some(text);
        }
    }
    let glue = glue.ok_or_else(|| {
        Error::Missing(format!(
            "no wasm-bindgen glue (a .js file exporting `{GLUE_EXPORT}`) in {}",
            dir.display()
        ))
    })?;
    let wasm_path = entries
        .iter()
        .find(|p| has_extension(p, "wasm"))
        .ok_or_else(|| Error::Missing(format!("no .wasm file in {}", dir.display())))?;
    let wasm = base64::engine::general_purpose::STANDARD.encode(gzip(&read(wasm_path)?));
    let html = page(&index, &css, &glue, &wasm);
    let out = dir.join(OUTPUT);
    std::fs::write(&out, &html).map_err(|e| Error::Io(out.clone(), e))?;
    Ok((out, html.len()))
}

/// gzip at the best compression.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension().is_some_and(|e| e == ext)
}

/// The `href`s of `<link rel="stylesheet">` tags, in order.
fn stylesheets(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        let tag_end = rest[start..]
            .find('>')
            .map_or(rest.len(), |e| start + e + 1);
        let tag = &rest[start..tag_end];
        if attribute(tag, "rel").as_deref() == Some("stylesheet") {
            if let Some(href) = attribute(tag, "href") {
                out.push(href);
            }
        }
        rest = &rest[tag_end..];
    }
    out
}

/// The value of `name="…"` in a tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_owned())
}

/// The `<title>` and description of the served page, reused.
fn head_element(index: &str, open: &str, close: &str) -> String {
    index
        .find(open)
        .and_then(|s| {
            index[s..]
                .find(close)
                .map(|e| index[s..s + e + close.len()].to_owned())
        })
        .unwrap_or_default()
}

/// A CSP source for an inline block: `'sha256-…'`.
fn hash_source(content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn page(index: &str, css: &str, glue: &str, wasm_base64: &str) -> String {
    // "</script" may only appear inside string literals of the glue; the
    // escaped form means the same there and cannot end the element.
    let glue = glue.replace("</script", "<\\/script");
    let css = css.replace("</style", "<\\/style");
    let script = format!(
        "\n{glue}\nconst packed = Uint8Array.from(atob(\"{wasm_base64}\"), (c) => c.charCodeAt(0));\n\
         const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream(\"gzip\"));\n\
         await __wbg_init({{ module_or_path: new Response(inflated, {{ headers: {{ \"Content-Type\": \"application/wasm\" }} }}) }});\n"
    );
    let style = format!("\n{css}\n");
    let csp = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; \
         img-src data:; base-uri 'none'; form-action 'none'",
        hash_source(&script),
        hash_source(&style)
    );
    let title = head_element(index, "<title>", "</title>");
    let description = head_element(index, "<meta name=\"description\"", ">");
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n{description}\n{title}\n\
         <link rel=\"icon\" href=\"data:,\">\n\
         <style>{style}</style>\n</head>\n<body>\n\
         <noscript>Clause Explorer needs JavaScript and WebAssembly, which this browser has turned off.</noscript>\n\
         <script type=\"module\">{script}</script>\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_output_inflates_to_the_input() {
        use std::io::Read;
        let input = b"(module) ".repeat(1000);
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&gzip(&input)[..])
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, input);
    }

    #[test]
    fn stylesheets_are_found_by_rel_not_by_name() {
        let html = r#"<link rel="modulepreload" href="./a.js"><link rel="stylesheet" href="./main-1a2b.css" integrity="sha384-x">"#;
        assert_eq!(stylesheets(html), vec!["./main-1a2b.css"]);
    }

    #[test]
    fn the_page_allows_exactly_its_own_inline_blocks() {
        let html = page("<title>T</title>", "body{}", "export { x as y };", "AAAA");
        let csp_start = html.find("script-src ").unwrap();
        let csp = &html[csp_start..html[csp_start..].find('"').unwrap() + csp_start];
        let script_start = html.find("<script type=\"module\">").unwrap() + 22;
        let script_end = html.find("</script>").unwrap();
        assert!(csp.contains(&hash_source(&html[script_start..script_end])));
        assert!(html.contains("default-src 'none'"));
        assert!(html.contains("<title>T</title>"));
    }
}
