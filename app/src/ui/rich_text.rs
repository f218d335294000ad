//! A paragraph's text as printed: lead in italics, italic spans, search
//! highlights, and footnote marks that reveal their footnote in place.

use clause_explorer::model::{Instrument, Span, Text};
use leptos::prelude::*;

use crate::pieces::{pieces, Piece};

/// The text of one paragraph or sub-paragraph, and the footnote its reader
/// opened (at most one at a time, shown right after the text).
#[component]
pub fn RichText(
    inst: &'static Instrument,
    text: &'static Text,
    /// Bytes of `text.plain` to print in italics as the lead phrase.
    #[prop(default = 0)]
    lead_len: usize,
    /// Byte ranges to mark, e.g. search matches.
    #[prop(default = Vec::new())]
    highlights: Vec<Span>,
    /// Prefix for the ids of the footnote notes (the clause id).
    id: String,
) -> impl IntoView {
    let open: RwSignal<Option<String>> = RwSignal::new(None);
    let note_id = {
        let id = id.clone();
        move |mark: &str| format!("{id}-fn-{mark}")
    };
    let rendered = pieces(text, lead_len, &highlights)
        .into_iter()
        .map(|piece| match piece {
            Piece::Words {
                text,
                italic,
                highlight,
            } => {
                let words = text.to_owned();
                match (italic, highlight) {
                    (true, true) => view! { <mark><em>{words}</em></mark> }.into_any(),
                    (true, false) => view! { <em>{words}</em> }.into_any(),
                    (false, true) => view! { <mark>{words}</mark> }.into_any(),
                    (false, false) => words.into_any(),
                }
            }
            Piece::Mark(mark) => {
                let mark = mark.to_owned();
                let controls = note_id(&mark);
                let label = format!("Footnote {mark}");
                let toggled = mark.clone();
                let expanded = {
                    let mark = mark.clone();
                    move || (open.get().as_deref() == Some(mark.as_str())).to_string()
                };
                view! {
                    <sup class="fn-ref">
                        <button
                            type="button"
                            class="fn-mark"
                            aria-label=label
                            aria-expanded=expanded
                            aria-controls=controls
                            on:click=move |_| {
                                open.update(|o| {
                                    *o = if o.as_deref() == Some(toggled.as_str()) {
                                        None
                                    } else {
                                        Some(toggled.clone())
                                    };
                                });
                            }
                        >
                            {mark.clone()}
                        </button>
                    </sup>
                }
                .into_any()
            }
        })
        .collect_view();
    let note = move || {
        open.get().map(|mark| {
            let body = match inst.footnote(&mark) {
                Some(f) => f.text.plain.clone(),
                None => {
                    "This footnote is cited, but its text is not in the source document.".to_owned()
                }
            };
            view! {
                <span class="fn-note" role="note" id=note_id(&mark)>
                    <span class="fn-note-mark">{mark.clone()}</span>
                    " "
                    {body}
                    " "
                    <button type="button" class="fn-close" on:click=move |_| open.set(None)>
                        "Close footnote"
                    </button>
                </span>
            }
        })
    };
    view! {
        <span class="text">{rendered}</span>
        {note}
    }
}
