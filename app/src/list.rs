//! The reader's list: clauses set aside with "Add to list" to be exported
//! together (a table of precedents, a briefing note). It is kept for the
//! session in the tab's storage, as one id per line, so that it survives
//! reloading and moving between views, and is gone when the tab closes.
//!
//! ```
//! use clause_explorer_app::list::ClauseList;
//! let mut list = ClauseList::default();
//! assert!(list.toggle("ga-res-78-228-op-4"));
//! assert!(list.contains("ga-res-78-228-op-4"));
//! assert_eq!(ClauseList::parse(&list.to_stored()), list);
//! assert!(!list.toggle("ga-res-78-228-op-4"));
//! assert!(list.is_empty());
//! ```

use crate::route::is_id;

/// Where the list is kept (`sessionStorage`).
pub const STORAGE_KEY: &str = "clause-explorer-list";

/// Most clauses a list holds: storage is small, and a list is chosen by
/// hand (a search's export takes every match).
pub const MAX: usize = 1000;

/// Clause ids in the order they were added, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClauseList {
    ids: Vec<String>,
}

impl ClauseList {
    /// Reads a stored list, keeping only what looks like an id (storage
    /// is the page's, but another version may have written it).
    pub fn parse(stored: &str) -> ClauseList {
        let mut list = ClauseList::default();
        for line in stored.lines() {
            let id = line.trim();
            if is_id(id) && !list.contains(id) && list.ids.len() < MAX {
                list.ids.push(id.to_owned());
            }
        }
        list
    }

    pub fn to_stored(&self) -> String {
        self.ids.join("\n")
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.iter().any(|i| i == id)
    }

    /// Adds the clause, or takes it off if it is there; says whether it is
    /// on the list now. A full list adds nothing.
    pub fn toggle(&mut self, id: &str) -> bool {
        if let Some(k) = self.ids.iter().position(|i| i == id) {
            self.ids.remove(k);
            false
        } else if is_id(id) && self.ids.len() < MAX {
            self.ids.push(id.to_owned());
            true
        } else {
            false
        }
    }

    pub fn remove(&mut self, id: &str) {
        self.ids.retain(|i| i != id);
    }

    /// Moves a clause one place up (`-1`) or down (`1`) the list.
    pub fn shift(&mut self, id: &str, by: isize) {
        let Some(k) = self.ids.iter().position(|i| i == id) else {
            return;
        };
        let to = k.saturating_add_signed(by);
        if to < self.ids.len() && to != k {
            self.ids.swap(k, to);
        }
    }

    pub fn clear(&mut self) {
        self.ids.clear();
    }

    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_list_keeps_its_order_and_drops_what_is_not_an_id() {
        let list = ClauseList::parse("b-op-2\n\n<script>\na-pp-1\nb-op-2\r\n  c-op-1-a  \n");
        assert_eq!(list.ids(), ["b-op-2", "a-pp-1", "c-op-1-a"]);
        assert_eq!(ClauseList::parse(&list.to_stored()), list);
        assert!(ClauseList::parse("").is_empty());
        assert!(ClauseList::parse("\u{0}\u{ffff}binary").is_empty());
    }

    #[test]
    fn clauses_move_up_and_down_and_stop_at_the_ends() {
        let mut list = ClauseList::parse("a\nb\nc");
        list.shift("c", -1);
        assert_eq!(list.ids(), ["a", "c", "b"]);
        list.shift("a", -1);
        list.shift("b", 1);
        assert_eq!(list.ids(), ["a", "c", "b"]);
        list.shift("missing", 1);
        list.remove("c");
        assert_eq!(list.ids(), ["a", "b"]);
        list.clear();
        assert!(list.is_empty());
    }

    #[test]
    fn a_full_list_adds_nothing_more() {
        let stored: Vec<String> = (0..MAX + 5).map(|k| format!("x-op-{k}")).collect();
        let mut list = ClauseList::parse(&stored.join("\n"));
        assert_eq!(list.len(), MAX);
        assert!(!list.toggle("y-op-1"));
        assert!(!list.contains("y-op-1"));
        assert!(!list.toggle("x-op-0"), "taking one off still works");
        assert!(list.toggle("y-op-1"));
    }
}
