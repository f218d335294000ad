//! The keyboard: which key does what, in one table that both the key
//! handler and the shortcuts panel read, so that the panel lists every key
//! there is and nothing else.
//!
//! ```
//! use clause_explorer_app::keys::{action, Action, Focus};
//! assert_eq!(action("j", false, Focus::Page), Some(Action::Next));
//! // Letters type into a field; they never act there.
//! assert_eq!(action("j", false, Focus::Field), None);
//! assert_eq!(action("ArrowDown", false, Focus::SearchBox), Some(Action::Next));
//! ```

/// What a key can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Focus the next clause of the list (from the search box: the first
    /// result).
    Next,
    /// Focus the previous clause (from the first: back to the search box).
    Previous,
    /// Open the focused clause in its instrument.
    Open,
    /// Choose the focused clause for a comparison.
    Compare,
    /// Show or hide where else the focused clause's language is.
    Similar,
    /// Copy the focused clause with its citation.
    Copy,
    /// Add the focused clause to the list of clauses to export, or take it
    /// off.
    AddToList,
    /// Back to the search box.
    ToSearch,
    /// Open or close the shortcuts panel.
    Help,
}

/// Where the keyboard focus is when a key is pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The search box.
    SearchBox,
    /// Another text field: every key types.
    Field,
    /// A clause of a list (a result, a paragraph).
    Clause,
    /// Anything else: a link, a button, the page.
    Page,
}

/// One row of the shortcuts panel: the keys, and what they do.
pub struct Shortcut {
    pub keys: &'static [&'static str],
    pub does: &'static str,
    pub action: Option<Action>,
}

/// Every key, in the order the panel lists them. `/` is handled by the
/// search box itself; it is listed here so that the panel is complete.
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        keys: &["/"],
        does: "Go to the search box",
        action: None,
    },
    Shortcut {
        keys: &["\u{2193}", "j"],
        does: "Next clause (from the search box: the first result)",
        action: Some(Action::Next),
    },
    Shortcut {
        keys: &["\u{2191}", "k"],
        does: "Previous clause",
        action: Some(Action::Previous),
    },
    Shortcut {
        keys: &["Enter"],
        does: "Open the clause in its instrument",
        action: Some(Action::Open),
    },
    Shortcut {
        keys: &["c"],
        does: "Compare the clause (choose a second one the same way)",
        action: Some(Action::Compare),
    },
    Shortcut {
        keys: &["s"],
        does: "Show or hide similar clauses",
        action: Some(Action::Similar),
    },
    Shortcut {
        keys: &["y"],
        does: "Copy the clause with its citation",
        action: Some(Action::Copy),
    },
    Shortcut {
        keys: &["l"],
        does: "Add the clause to your list, or take it off",
        action: Some(Action::AddToList),
    },
    Shortcut {
        keys: &["Esc"],
        does: "Back to the search box (or close this panel)",
        action: Some(Action::ToSearch),
    },
    Shortcut {
        keys: &["?"],
        does: "Show or hide these shortcuts",
        action: Some(Action::Help),
    },
];

/// What `key` (a `KeyboardEvent.key`) does with the focus where it is;
/// `modified` is Ctrl, Alt or Meta held (the browser's and the system's
/// shortcuts are left alone).
pub fn action(key: &str, modified: bool, focus: Focus) -> Option<Action> {
    if modified {
        return None;
    }
    match (focus, key) {
        (Focus::Field, _) => None,
        (Focus::SearchBox, "ArrowDown") => Some(Action::Next),
        (Focus::SearchBox, _) => None,
        // Arrows move between clauses only from a clause; elsewhere they
        // scroll the page as usual.
        (Focus::Clause, "ArrowDown") => Some(Action::Next),
        (Focus::Clause, "ArrowUp") => Some(Action::Previous),
        (Focus::Clause, "Enter") => Some(Action::Open),
        (Focus::Clause, "c") => Some(Action::Compare),
        (Focus::Clause, "s") => Some(Action::Similar),
        (Focus::Clause, "y") => Some(Action::Copy),
        (Focus::Clause, "l") => Some(Action::AddToList),
        (_, "j") => Some(Action::Next),
        (_, "k") => Some(Action::Previous),
        (_, "Escape") => Some(Action::ToSearch),
        (_, "?") => Some(Action::Help),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_in_the_panel_and_every_listed_key_acts() {
        let keys = |name: &str| {
            match name {
                "\u{2193}" => "ArrowDown",
                "\u{2191}" => "ArrowUp",
                "Esc" => "Escape",
                k => k,
            }
            .to_owned()
        };
        for s in SHORTCUTS {
            let Some(a) = s.action else { continue };
            for k in s.keys {
                assert_eq!(action(&keys(k), false, Focus::Clause), Some(a), "{k}");
            }
        }
        for a in [
            Action::Next,
            Action::Previous,
            Action::Open,
            Action::Compare,
            Action::Similar,
            Action::Copy,
            Action::AddToList,
            Action::ToSearch,
            Action::Help,
        ] {
            assert!(
                SHORTCUTS.iter().any(|s| s.action == Some(a)),
                "{a:?} is not listed"
            );
        }
    }

    #[test]
    fn letters_never_act_while_typing_and_modifiers_are_left_to_the_browser() {
        for k in [
            "j",
            "k",
            "c",
            "s",
            "y",
            "l",
            "?",
            "Enter",
            "ArrowDown",
            "Escape",
        ] {
            assert_eq!(action(k, false, Focus::Field), None, "{k}");
            assert_eq!(action(k, true, Focus::Clause), None, "{k}");
        }
        for k in ["j", "k", "c", "s", "y", "l", "?", "Enter", "ArrowUp"] {
            assert_eq!(action(k, false, Focus::SearchBox), None, "{k}");
        }
        assert_eq!(
            action("ArrowDown", false, Focus::SearchBox),
            Some(Action::Next)
        );
    }

    #[test]
    fn clause_keys_act_only_on_a_clause_and_arrows_scroll_elsewhere() {
        for k in ["c", "s", "y", "l", "Enter", "ArrowDown", "ArrowUp"] {
            assert_eq!(action(k, false, Focus::Page), None, "{k}");
        }
        assert_eq!(action("j", false, Focus::Page), Some(Action::Next));
        assert_eq!(action("Escape", false, Focus::Page), Some(Action::ToSearch));
    }
}
