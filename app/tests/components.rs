//! Component tests in a real browser (headless Chromium through
//! wasm-bindgen-test): a few behaviours, checked as a user sees them.
#![cfg(target_arch = "wasm32")]

use clause_explorer::cite;
use clause_explorer::model::Corpus;
use clause_explorer::parse::parse_document;
use clause_explorer_app::ui::{leak, App, Data};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Two real corpus files: CCPCJ res. 33/1 with decision 33/1, and UNTOC COP
/// res. 11/5.
fn data() -> &'static Data {
    let mut documents = vec![
        parse_document(
            "ccpcj-33-1.txt",
            include_str!("../../corpus/ccpcj-33-1-rapid-technological-change.txt"),
        ),
        parse_document(
            "cop-11-5.txt",
            include_str!("../../corpus/cop-untoc-11-5-trafficking-protocol.txt"),
        ),
    ];
    cite::assign(&mut documents);
    leak(Corpus { documents })
}

/// Mounts the app at `hash` in a fresh container; keep the handle alive.
async fn mount(hash: &str) -> (web_sys::HtmlElement, impl Drop) {
    window().location().set_hash(hash).unwrap();
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let data = data();
    let handle = leptos::mount::mount_to(container.clone(), move || view! { <App data/> });
    leptos::task::tick().await;
    (container.clone(), Guard(Some(handle), container))
}

/// Unmounts and removes the container when a test ends.
struct Guard<T>(Option<T>, web_sys::HtmlElement);

impl<T> Drop for Guard<T> {
    fn drop(&mut self) {
        drop(self.0.take());
        self.1.remove();
    }
}

fn all(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

fn one(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

/// Waits for the browser to deliver events (hashchange is asynchronous).
async fn settle() {
    let promise = js_sys_promise_timeout(30);
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    leptos::task::tick().await;
}

fn js_sys_promise_timeout(ms: i32) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    })
}

#[wasm_bindgen_test]
async fn the_library_lists_every_instrument_with_its_citation() {
    let (root, _guard) = mount("#/").await;
    let entries = all(&root, "li.entry");
    assert_eq!(entries.len(), 3);
    let text = root.text_content().unwrap();
    assert!(text.contains(
        "Countering trafficking in persons in the context of rapid technological change"
    ));
    assert!(text.contains("UNTOC COP res. 11/5"));
}

#[wasm_bindgen_test]
async fn an_instrument_reads_like_the_original() {
    let (root, _guard) = mount("#/i/ccpcj-res-33-1").await;
    assert_eq!(
        one(&root, "h1").text_content().unwrap(),
        "Countering trafficking in persons in the context of rapid technological change"
    );
    let op7 = one(&root, r#"[data-clause-id="ccpcj-res-33-1-op-7"]"#);
    assert_eq!(
        all(&op7, ":scope > .subparagraphs > .subparagraph").len(),
        12
    );
    let lead = one(&op7, "em").text_content().unwrap();
    assert_eq!(lead, "Further encourages");
    assert!(op7
        .text_content()
        .unwrap()
        .contains("CCPCJ res. 33/1, op. 7"));
}

#[wasm_bindgen_test]
async fn a_footnote_mark_reveals_its_text_in_place() {
    let (root, _guard) = mount("#/i/ccpcj-res-33-1").await;
    let mark = one(&root, r#"button[aria-label="Footnote 24"]"#);
    assert_eq!(
        mark.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    mark.click();
    leptos::task::tick().await;
    assert_eq!(mark.get_attribute("aria-expanded").as_deref(), Some("true"));
    let note = one(&root, r#"[role="note"]"#);
    assert!(note
        .text_content()
        .unwrap()
        .contains("United Nations, Treaty Series, vol. 2225, No. 39574."));
    mark.click();
    leptos::task::tick().await;
    assert!(all(&root, r#"[role="note"]"#).is_empty());
}

#[wasm_bindgen_test]
async fn a_paragraph_permalink_opens_its_instrument_at_that_paragraph() {
    let (root, _guard) = mount("#/p/ccpcj-res-33-1-op-7-b").await;
    settle().await;
    let target = one(&root, r#"[data-clause-id="ccpcj-res-33-1-op-7-b"]"#);
    assert!(target
        .text_content()
        .unwrap()
        .contains("To counter human traffickers"));
    let active = document().active_element().unwrap();
    assert_eq!(
        active.get_attribute("data-clause-id").as_deref(),
        Some("ccpcj-res-33-1-op-7-b")
    );
}

#[wasm_bindgen_test]
async fn following_a_link_changes_the_view() {
    let (root, _guard) = mount("#/").await;
    one(&root, r##"a[href="#/i/untoc-cop-res-11-5"]"##).click();
    settle().await;
    assert!(one(&root, "h1")
        .text_content()
        .unwrap()
        .starts_with("Implementation of the Protocol"));
}

#[wasm_bindgen_test]
async fn an_unknown_clause_says_so() {
    let (root, _guard) = mount("#/p/no-such-paragraph").await;
    assert_eq!(one(&root, "h1").text_content().unwrap(), "Not found");
}

#[wasm_bindgen_test]
async fn choosing_compare_on_two_paragraphs_opens_their_comparison() {
    let (root, _guard) = mount("#/i/untoc-cop-res-11-5").await;
    one(
        &root,
        r#"[data-clause-id="untoc-cop-res-11-5-op-1"] > .tools button.compare"#,
    )
    .click();
    leptos::task::tick().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("Comparing UNTOC COP res. 11/5, op. 1"));
    window().location().set_hash("#/i/ccpcj-res-33-1").unwrap();
    settle().await;
    one(
        &root,
        r#"[data-clause-id="ccpcj-res-33-1-op-1"] > .tools button.compare"#,
    )
    .click();
    settle().await;
    let region = one(&root, "section.comparison");
    let name = region.get_attribute("aria-label").unwrap();
    assert!(name.contains("Comparison"), "{name}");
    let deleted: Vec<String> = all(&region, "del")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    let inserted: Vec<String> = all(&region, "ins")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert!(
        deleted.iter().any(|d| d.contains("consider acceding to")),
        "{deleted:?}"
    );
    assert!(
        inserted.iter().any(|i| i.contains("ratifying")),
        "{inserted:?}"
    );
}

#[wasm_bindgen_test]
async fn two_instruments_align_with_a_summary() {
    let (root, _guard) = mount("#/align?a=ccpcj-res-33-1&b=untoc-cop-res-11-5").await;
    let summary = one(&root, ".alignment .summary").text_content().unwrap();
    assert!(
        summary.contains("changed") && summary.contains("only in the first"),
        "{summary}"
    );
    assert!(!all(&root, "tr.aligned").is_empty());
}

#[wasm_bindgen_test]
async fn replacing_the_left_side_keeps_the_right_one_in_place() {
    let (root, _guard) = mount("#/compare?a=untoc-cop-res-11-5-op-1&b=ccpcj-res-33-1-op-1").await;
    let replace = all(&root, "section.comparison .actions button")
        .into_iter()
        .find(|b| b.text_content().unwrap() == "Replace left")
        .expect("a Replace left button");
    replace.click();
    settle().await;
    let region = one(&root, "section.comparison");
    assert!(region
        .text_content()
        .unwrap()
        .contains("Comparing CCPCJ res. 33/1, op. 1"));
    let links: Vec<String> = all(&region, "ol.similar a.button-link")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert!(!links.is_empty());
    assert!(
        links.iter().all(|h| h.ends_with("&b=ccpcj-res-33-1-op-1")),
        "{links:?}"
    );
}

#[wasm_bindgen_test]
async fn show_more_adds_results_and_a_new_query_starts_from_the_first_page() {
    let (root, _guard) = mount("#/search?q=trafficking").await;
    assert_eq!(all(&root, "ol.results > li.result").len(), 50);
    one(&root, "button.more").click();
    leptos::task::tick().await;
    assert!(all(&root, "ol.results > li.result").len() > 50);
    let input: web_sys::HtmlInputElement = one(&root, "#search").unchecked_into();
    input.set_value("trafficking persons");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(all(&root, "ol.results > li.result").len(), 50);
}
