//! The keyboard: one window listener that reads `keys::action` for the
//! key and the focus, and does it; and the shortcuts panel, drawn from
//! the same table. Clauses that take part are the list items with a
//! clause id that can take focus (`li[data-clause-id][tabindex]`): search
//! results, an instrument's paragraphs and sub-paragraphs, the reader's
//! list.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::{navigate, Session};
use crate::keys::{action, Action, Focus, SHORTCUTS};
use crate::route::Route;

const CLAUSES: &str = "main li[data-clause-id][tabindex]";
const DIALOG: &str = "shortcuts";

/// Listens for the keys of [`SHORTCUTS`] for as long as the app is
/// mounted.
pub fn listen(session: Session) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || ev.is_composing() {
            return;
        }
        let active = document().active_element();
        if dialog().is_some_and(|d| d.open()) {
            // The open panel keeps the keyboard: Esc closes it (the
            // browser's own), and so does `?`.
            if ev.key() == "?" {
                ev.prevent_default();
                toggle_help();
            }
            return;
        }
        let focus = focus_of(active.as_ref());
        let modified = ev.ctrl_key() || ev.alt_key() || ev.meta_key();
        let Some(act) = action(&ev.key(), modified, focus) else {
            return;
        };
        let clause = active.filter(|_| focus == Focus::Clause);
        if perform(session, act, clause, focus) {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}

/// Where the focus is, for the table of keys.
fn focus_of(active: Option<&Element>) -> Focus {
    let Some(el) = active else {
        return Focus::Page;
    };
    if el.id() == "search" {
        return Focus::SearchBox;
    }
    let tag = el.tag_name();
    if matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.has_attribute("contenteditable")
    {
        return Focus::Field;
    }
    if el.matches(CLAUSES).unwrap_or(false) {
        return Focus::Clause;
    }
    Focus::Page
}

/// Does what a key asks; says whether it did anything (the key's own
/// effect, such as scrolling, is then prevented).
fn perform(session: Session, act: Action, clause: Option<Element>, focus: Focus) -> bool {
    let id = clause
        .as_ref()
        .and_then(|c| c.get_attribute("data-clause-id"));
    match act {
        Action::Next | Action::Previous => {
            let step = if act == Action::Next { 1 } else { -1 };
            move_focus(clause.as_ref(), focus, step)
        }
        Action::Open => id.is_some_and(|id| {
            navigate(&Route::Clause { id });
            true
        }),
        Action::Compare => id.is_some_and(|id| {
            session.choose(&id);
            true
        }),
        Action::Similar => click_tool(clause.as_ref(), ".similar-toggle"),
        Action::Copy => click_tool(clause.as_ref(), ".copy"),
        Action::AddToList => click_tool(clause.as_ref(), ".add-to-list"),
        Action::ToSearch => focus_search(),
        Action::Help => {
            toggle_help();
            true
        }
    }
}

/// The clause after (`step` 1) or before (-1) the focused one; from the
/// search box the first; from elsewhere the first one on screen. Before
/// the first clause is the search box (the combobox pattern).
fn move_focus(current: Option<&Element>, focus: Focus, step: i32) -> bool {
    let Ok(list) = document().query_selector_all(CLAUSES) else {
        return false;
    };
    let clauses: Vec<Element> = (0..list.length())
        .filter_map(|k| list.item(k)?.dyn_into::<Element>().ok())
        .collect();
    if clauses.is_empty() {
        return false;
    }
    let at = current.and_then(|c| clauses.iter().position(|e| e == c));
    let target = match (at, focus) {
        (Some(k), _) if step > 0 => Some(k + 1),
        (Some(0), _) => return focus_search(),
        (Some(k), _) => Some(k - 1),
        (None, Focus::SearchBox) => (step > 0).then_some(0),
        (None, _) => {
            // The first clause whose bottom is below the top of the
            // window: reading resumes where the eye is.
            let first = clauses
                .iter()
                .position(|e| e.get_bounding_client_rect().bottom() > 0.0)
                .unwrap_or(0);
            if step > 0 {
                Some(first)
            } else {
                first.checked_sub(1)
            }
        }
    };
    let Some(el) = target.and_then(|k| clauses.get(k)) else {
        return false;
    };
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let _ = el.focus();
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
    true
}

/// Presses one of the clause's own buttons (not a sub-paragraph's), so
/// that the key does exactly what the button does, status line included.
fn click_tool(clause: Option<&Element>, tool: &str) -> bool {
    let Some(button) = clause
        .and_then(|c| c.query_selector(&format!(":scope > .tools > {tool}")).ok())
        .flatten()
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
    else {
        return false;
    };
    button.click();
    true
}

fn focus_search() -> bool {
    let Some(input) = document()
        .get_element_by_id("search")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return false;
    };
    let _ = input.focus();
    input.select();
    true
}

fn dialog() -> Option<web_sys::HtmlDialogElement> {
    document()
        .get_element_by_id(DIALOG)
        .and_then(|d| d.dyn_into().ok())
}

/// Opens the shortcuts panel, or closes it.
pub fn toggle_help() {
    if let Some(d) = dialog() {
        if d.open() {
            d.close();
        } else {
            let _ = d.show_modal();
        }
    }
}

/// The shortcuts panel: every key of the table, and how to close it. A
/// modal `<dialog>`: it keeps focus while open, Esc closes it, and focus
/// returns where it was.
#[component]
pub fn ShortcutsPanel() -> impl IntoView {
    let rows = SHORTCUTS
        .iter()
        .map(|s| {
            let keys = s
                .keys
                .iter()
                .enumerate()
                .map(|(k, key)| {
                    view! {
                        {(k > 0).then_some(" or ")}
                        <kbd>{*key}</kbd>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{keys}</th>
                    <td>{s.does}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <dialog id=DIALOG class="shortcuts" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
            <p>
                "Clause keys act on the focused search result or paragraph. Letters never act "
                "while you type in a field. Press " <kbd>"Esc"</kbd> " or " <kbd>"?"</kbd>
                " to close this panel."
            </p>
            <table>
                <thead>
                    <tr><th scope="col">"Key"</th><th scope="col">"What it does"</th></tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <form method="dialog">
                <button type="submit">"Close"</button>
            </form>
        </dialog>
    }
}
