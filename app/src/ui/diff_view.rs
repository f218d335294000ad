//! A word diff laid out side by side: two columns whose rows stay in step
//! while long prose wraps within each column. Removed words are `<del>` on
//! the left, added words `<ins>` on the right.

use clause_explorer::diff::{Segment, SideBySide, Tag};
use leptos::prelude::*;

/// The rows of a diff as table rows (the caller supplies the table and its
/// header).
pub fn diff_rows(diff: &SideBySide) -> impl IntoView {
    diff.rows
        .iter()
        .map(|row| {
            view! {
                <tr>
                    <td class="left">{segments(&row.left)}</td>
                    <td class="right">{segments(&row.right)}</td>
                </tr>
            }
        })
        .collect_view()
}

/// One side of a row.
pub fn segments(segments: &[Segment]) -> impl IntoView {
    segments
        .iter()
        .map(|s| {
            let text = s.text.clone();
            match s.tag {
                Tag::Equal => text.into_any(),
                Tag::Delete => view! { <del>{text}</del> }.into_any(),
                Tag::Insert => view! { <ins>{text}</ins> }.into_any(),
            }
        })
        .collect_view()
}

/// Words removed and added, for the summary line.
pub fn changed_words(diff: &SideBySide) -> (usize, usize) {
    let count = |tag: Tag| {
        diff.rows
            .iter()
            .flat_map(|r| r.left.iter().chain(&r.right))
            .filter(|s| s.tag == tag)
            .flat_map(|s| s.text.split_whitespace())
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    (count(Tag::Delete), count(Tag::Insert))
}

/// "87 %".
pub fn percent(similarity: f32) -> String {
    format!("{:.0}\u{a0}%", similarity * 100.0)
}
