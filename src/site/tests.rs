use super::page::{hash_source, marks};
use super::*;
use crate::bundle::{Bundle, Collection};
use crate::model::Corpus;

fn shell() -> Shell {
    Shell {
        glue: "export function f() { return \"</script>\"; }\nexport { initSync, __wbg_init as default };".into(),
        wasm: b"\0asm\x01\0\0\0 a tiny module".to_vec(),
        css: "body { color: red }\n/* </style> */".into(),
        worker: None,
    }
}

fn shell_with_worker() -> Shell {
    Shell {
        worker: Some(WorkerShell {
            glue: "let reader = (function() { const s = \"</script>\"; return Object.assign(__wbg_init, {}); })();".into(),
            wasm: b"\0asm\x01\0\0\0 the reader".to_vec(),
        }),
        ..shell()
    }
}

#[test]
fn the_document_reader_reads_back_from_a_single_file_and_only_it_may_run_from_blob() {
    let corpus = Bundle::build(Corpus::default(), collection()).to_file();
    let html = single_file(&shell_with_worker(), &corpus, &collection());
    assert_eq!(Shell::from_single_file(&html).unwrap(), shell_with_worker());
    // The app starts before the reader's blocks are parsed.
    let app = html.find("<script type=\"module\" async>").unwrap();
    assert!(app < html.find(page::marks::WORKER_GLUE_OPEN).unwrap());
    assert!(app > html.find(page::marks::CORPUS_OPEN).unwrap());
    let csp = block(
        &html,
        "http-equiv=\"Content-Security-Policy\" content=\"",
        "\"",
    );
    assert!(csp.contains("worker-src blob:;"), "{csp}");
    assert!(!csp.contains("connect-src"), "{csp}");
    let without = single_file(&shell(), &corpus, &collection());
    assert!(!without.contains("worker-src"));
    assert!(!without.contains("ce-worker"));
}

#[test]
fn a_published_folder_names_its_document_reader_and_reads_back_with_it() {
    let dir = std::env::temp_dir().join(format!("ce-site-worker-{}", std::process::id()));
    let bundle = Bundle::build(Corpus::default(), collection());
    publish(&shell_with_worker(), &bundle, &dir).unwrap();
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(index.contains("data-worker=\"./worker.js\""), "{index}");
    assert!(
        !index.contains("rel=\"preload\" href=\"./clause-explorer-worker"),
        "{index}"
    );
    assert!(dir.join("worker.js").is_file());
    assert_eq!(Shell::from_folder(&dir).unwrap(), shell_with_worker());
    let _ = std::fs::remove_dir_all(&dir);
}

fn collection() -> Collection {
    Collection {
        title: "Our <300> resolutions".into(),
        description: "Searchable & comparable".into(),
        attribution: vec![],
    }
}

/// The text of the first element opened by `open`, as the HTML holds it.
fn block<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).unwrap() + open.len();
    let end = html[start..].find(close).unwrap() + start;
    &html[start..end]
}

#[test]
fn the_shell_reads_back_from_a_single_file_unchanged() {
    let src = shell();
    let corpus = Bundle::build(Corpus::default(), collection()).to_file();
    let html = single_file(&src, &corpus, &collection());
    let got = Shell::from_single_file(&html).unwrap();
    assert_eq!(got, src);
}

#[test]
fn the_single_files_policy_names_the_hash_of_each_inline_block() {
    use base64::Engine;
    let corpus = Bundle::build(Corpus::default(), collection()).to_file();
    let html = single_file(&shell(), &corpus, &collection());
    let csp = block(
        &html,
        "http-equiv=\"Content-Security-Policy\" content=\"",
        "\"",
    );
    // Hash the blocks as they stand in the page, with the hash function
    // itself rather than the page's helper.
    let sha = |text: &str| {
        let digest = <sha2::Sha256 as sha2::Digest>::digest(text.as_bytes());
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    };
    let script = block(&html, "<script type=\"module\" async>", "</script>");
    let style = block(&html, "<style>", "</style>");
    assert!(
        csp.contains(&format!("script-src {} 'wasm-unsafe-eval'", sha(script))),
        "{csp}"
    );
    assert!(csp.contains(&format!("style-src {};", sha(style))), "{csp}");
    assert!(csp.starts_with("default-src 'none';"), "{csp}");
    // Nothing but the two blocks runs: no other inline script or style.
    assert_eq!(html.matches("<script type=\"module\"").count(), 1);
    assert_eq!(html.matches("<style").count(), 1);
}

#[test]
fn the_hash_of_a_block_is_the_standard_sha256() {
    // Expected value from Python: base64(hashlib.sha256(b"x").digest()).
    assert_eq!(
        hash_source("x"),
        "'sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE='"
    );
}

#[test]
fn the_single_file_carries_the_corpus_file_as_written() {
    use base64::Engine;
    let corpus = Bundle::build(Corpus::default(), collection()).to_file();
    let html = single_file(&shell(), &corpus, &collection());
    let data = block(&html, marks::CORPUS_OPEN, marks::BLOCK_CLOSE);
    let got = base64::engine::general_purpose::STANDARD
        .decode(data)
        .unwrap();
    assert_eq!(got, corpus);
}

#[test]
fn the_collection_names_both_pages_escaped() {
    let corpus = Bundle::build(Corpus::default(), collection()).to_file();
    let single = single_file(&shell(), &corpus, &collection());
    let served = served_page(&shell().names(), &collection());
    for html in [&single, &served] {
        assert!(
            html.contains("<title>Our &lt;300&gt; resolutions · Clause Explorer</title>"),
            "{html}"
        );
        assert!(html.contains("content=\"Searchable &amp; comparable\""));
    }
}

#[test]
fn the_served_page_starts_the_glue_and_wasm_it_names() {
    let names = shell().names();
    let html = served_page(&names, &Collection::default());
    assert!(html.contains(&format!("data-glue=\"./{}\"", names.glue)));
    assert!(html.contains(&format!("data-wasm=\"./{}\"", names.wasm)));
    assert!(html.contains(&format!("href=\"./{}\"", names.css)));
    assert!(html.contains(page::SERVED_CSP));
    assert!(!html.contains("<style"));
    assert!(
        !html.contains("<script type=\"module\">"),
        "no inline script"
    );
}

#[test]
fn a_published_folder_is_a_shell_again_and_replaces_the_old_site_whole() {
    let root = std::env::temp_dir().join(format!("ce-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let out = root.join("site");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("stale.txt"), "from an older site").unwrap();
    let bundle = Bundle::build(Corpus::default(), collection());
    let published = publish(&shell(), &bundle, &out).unwrap();
    assert!(!out.join("stale.txt").exists());
    assert_eq!(Shell::read(&out).unwrap(), shell());
    assert_eq!(Shell::read(&out.join(SINGLE_FILE)).unwrap(), shell());
    let corpus = std::fs::read(out.join(CORPUS_FILE)).unwrap();
    assert_eq!(corpus.len(), published.corpus_bytes);
    assert_eq!(Bundle::from_file(&corpus).unwrap(), bundle);
    // Only the site is left in the parent: no staging folder.
    let left: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("site")]);
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn publishing_in_place_reads_the_shell_before_replacing_it() {
    let root = std::env::temp_dir().join(format!("ce-inplace-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let bundle = Bundle::build(Corpus::default(), collection());
    publish(&shell(), &bundle, &root).unwrap();
    let again = Shell::read(&root).unwrap();
    publish(
        &again,
        &Bundle::build(Corpus::default(), Collection::default()),
        &root,
    )
    .unwrap();
    assert_eq!(Shell::read(&root).unwrap(), shell());
    std::fs::remove_dir_all(&root).unwrap();
}
