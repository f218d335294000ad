//! Component tests in a real browser (headless Chromium through
//! wasm-bindgen-test): a few behaviours, checked as a user sees them.
#![cfg(target_arch = "wasm32")]

use clause_explorer::cite;
use clause_explorer::model::Corpus;
use clause_explorer::model::Part;
use clause_explorer::parse::parse_document;
use clause_explorer::search::Query;
use clause_explorer_app::route::Route;
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

/// Waits until `cond` holds, giving Leptos a tick and the browser a few
/// milliseconds (hashchange events, animation frames) between tries; panics
/// naming `what` if it still does not hold after about two seconds.
async fn until(what: &str, cond: impl Fn() -> bool) {
    const PATIENCE_MS: f64 = 2000.0;
    let start = js_sys::Date::now();
    loop {
        leptos::task::tick().await;
        if cond() {
            return;
        }
        if js_sys::Date::now() - start > PATIENCE_MS {
            panic!("waited {PATIENCE_MS} ms, still not: {what}");
        }
        sleep(5).await;
    }
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Whether something in `root` matches `selector`.
fn has(root: &web_sys::HtmlElement, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
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
    let focused = || {
        document()
            .active_element()
            .and_then(|e| e.get_attribute("data-clause-id"))
            .as_deref()
            == Some("ccpcj-res-33-1-op-7-b")
    };
    until("focus is on the linked sub-paragraph op. 7 (b)", focused).await;
    let target = one(&root, r#"[data-clause-id="ccpcj-res-33-1-op-7-b"]"#);
    assert!(target
        .text_content()
        .unwrap()
        .contains("To counter human traffickers"));
}

#[wasm_bindgen_test]
async fn following_a_link_changes_the_view() {
    let (root, _guard) = mount("#/").await;
    one(&root, r##"a[href="#/i/untoc-cop-res-11-5"]"##).click();
    let title = || {
        root.query_selector("h1")
            .unwrap()
            .and_then(|h| h.text_content())
    };
    until("the title is UNTOC COP res. 11/5's", || {
        title().is_some_and(|t| t.starts_with("Implementation of the Protocol"))
    })
    .await;
    assert_eq!(
        title().as_deref(),
        Some("Implementation of the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime")
    );
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
    let button = r#"[data-clause-id="ccpcj-res-33-1-op-1"] > .tools button.compare"#;
    until("CCPCJ res. 33/1 shows its op. 1", || has(&root, button)).await;
    one(&root, button).click();
    until("a comparison opens", || has(&root, "section.comparison")).await;
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
    assert_eq!(
        summary,
        "0 identical \u{b7} 5 changed \u{b7} 39 only in the first \u{b7} 48 only in the second"
    );
    let rows = |status: &str| all(&root, &format!("tr.aligned.{status}")).len();
    assert_eq!(
        [
            rows("identical"),
            rows("changed"),
            rows("only-first"),
            rows("only-second")
        ],
        [0, 5, 39, 48]
    );
    assert_eq!(all(&root, "tr.aligned").len(), 92);
    // The pairs, in the first instrument's reading order: the clause each
    // side's citation links to, and that citation.
    let cite = |cell: &web_sys::HtmlElement| {
        cell.query_selector(".cell-cite a").unwrap().map(|a| {
            let href = a.get_attribute("href").unwrap();
            let id = href.strip_prefix("#/p/").unwrap_or(&href).to_owned();
            (id, a.text_content().unwrap())
        })
    };
    let pairs: Vec<_> = all(&root, "tr.aligned")
        .iter()
        .filter_map(|row| Some((cite(&one(row, "td.left"))?, cite(&one(row, "td.right"))?)))
        .collect();
    let pair = |a: (&str, &str), b: (&str, &str)| {
        (
            (a.0.to_owned(), a.1.to_owned()),
            (b.0.to_owned(), b.1.to_owned()),
        )
    };
    assert_eq!(
        pairs,
        [
            pair(
                ("ccpcj-res-33-1-pp-11-e", "CCPCJ res. 33/1, pp. 11 (e)"),
                ("untoc-cop-res-11-5-pp-8", "UNTOC COP res. 11/5, pp. 8")
            ),
            pair(
                ("ccpcj-res-33-1-pp-13", "CCPCJ res. 33/1, pp. 13"),
                ("untoc-cop-res-11-5-pp-31", "UNTOC COP res. 11/5, pp. 31")
            ),
            pair(
                ("ccpcj-res-33-1-op-1", "CCPCJ res. 33/1, op. 1"),
                ("untoc-cop-res-11-5-op-1", "UNTOC COP res. 11/5, op. 1")
            ),
            pair(
                ("ccpcj-res-33-1-op-7-c", "CCPCJ res. 33/1, op. 7 (c)"),
                ("untoc-cop-res-11-5-op-10", "UNTOC COP res. 11/5, op. 10")
            ),
            pair(
                ("ccpcj-res-33-1-op-11", "CCPCJ res. 33/1, op. 11"),
                ("untoc-cop-res-11-5-op-21", "UNTOC COP res. 11/5, op. 21")
            ),
        ]
    );
    // Every pair is in a row marked changed.
    let changed: Vec<_> = all(&root, "tr.aligned.changed")
        .iter()
        .filter_map(|row| cite(&one(row, "td.left")).map(|(id, _)| id))
        .collect();
    assert_eq!(
        changed,
        [
            "ccpcj-res-33-1-pp-11-e",
            "ccpcj-res-33-1-pp-13",
            "ccpcj-res-33-1-op-1",
            "ccpcj-res-33-1-op-7-c",
            "ccpcj-res-33-1-op-11"
        ]
    );
}

#[wasm_bindgen_test]
async fn replacing_the_left_side_keeps_the_right_one_in_place() {
    let (root, _guard) = mount("#/compare?a=untoc-cop-res-11-5-op-1&b=ccpcj-res-33-1-op-1").await;
    let replace = all(&root, "section.comparison .actions button")
        .into_iter()
        .find(|b| b.text_content().unwrap() == "Replace left")
        .expect("a Replace left button");
    replace.click();
    let comparing = || {
        root.query_selector("section.comparison")
            .unwrap()
            .and_then(|r| r.text_content())
            .is_some_and(|t| t.contains("Comparing CCPCJ res. 33/1, op. 1"))
    };
    until("the left side is CCPCJ res. 33/1, op. 1", comparing).await;
    let region = one(&root, "section.comparison");
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

/// Scrolls the end of the result list into view until `n` results are
/// drawn.
async fn scroll_until_drawn(root: &web_sys::HtmlElement, n: usize) {
    let drawn = || all(root, "ol.results > li.result").len();
    let start = js_sys::Date::now();
    while drawn() < n {
        one(root, ".results-end").scroll_into_view();
        leptos::task::tick().await;
        sleep(20).await;
        assert!(
            js_sys::Date::now() - start < 5000.0,
            "scrolled for 5 s, {} results drawn, not {n}",
            drawn()
        );
    }
}

#[wasm_bindgen_test]
async fn the_list_draws_a_screenful_then_more_as_it_scrolls_and_show_more_fetches_the_next_page() {
    let (root, _guard) = mount("#/search?q=trafficking").await;
    let drawn = || all(&root, "ol.results > li.result").len();
    // A screenful at once; the count says how many there are in all.
    assert_eq!(drawn(), 12);
    let summary = one(&root, ".result-summary").text_content().unwrap();
    assert!(
        summary.ends_with("clauses match \u{201c}trafficking\u{201d}"),
        "{summary}"
    );
    assert!(
        !has(&root, "button.more"),
        "Show more waits until the fetched page is drawn"
    );
    scroll_until_drawn(&root, 50).await;
    assert_eq!(drawn(), 50);
    until("Show more is offered", || has(&root, "button.more")).await;
    one(&root, "button.more").click();
    scroll_until_drawn(&root, 51).await;
    let input: web_sys::HtmlInputElement = one(&root, "#search").unchecked_into();
    input.set_value("trafficking persons");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(drawn(), 12, "a new query starts again from a screenful");
}

/// A change of the results keeps the drawing of the results that stay
/// (same clause, same words marked): choosing "Operative" keeps the
/// operative results of the same words as the same elements.
#[wasm_bindgen_test]
async fn results_that_stay_keep_their_elements() {
    let (root, _guard) = mount("#/search?q=protocol").await;
    let ids = |els: &[web_sys::HtmlElement]| -> Vec<String> {
        els.iter()
            .map(|e| e.get_attribute("data-clause-id").unwrap())
            .collect()
    };
    let before = all(&root, "ol.results > li.result");
    let mut q = Query::new("protocol");
    q.filters.parts.insert(Part::Operative);
    window()
        .location()
        .set_hash(&Route::Search(q).to_hash())
        .unwrap();
    until("only operative results", || {
        ids(&all(&root, "ol.results > li.result"))
            .iter()
            .all(|id| id.contains("-op-"))
    })
    .await;
    let after = all(&root, "ol.results > li.result");
    let mut kept = 0;
    for b in &after {
        let id = b.get_attribute("data-clause-id").unwrap();
        if let Some(a) = before
            .iter()
            .find(|a| a.get_attribute("data-clause-id").unwrap() == id)
        {
            assert!(a.is_same_node(Some(b)), "{id} was redrawn");
            kept += 1;
        }
    }
    assert!(
        kept > 0,
        "some operative results were drawn before: {:?}",
        ids(&before)
    );
}
