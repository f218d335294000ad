//! A paragraph's text as printed: lead in italics, italic spans, search
//! highlights, references to other instruments as links, and footnote
//! marks that reveal their footnote in place.

use clause_explorer::model::{Instrument, Span, Text};
use leptos::prelude::*;

use super::references::{links, RefLink};
use super::Data;
use crate::pieces::{pieces_with_links, Piece};

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
    let refs: Vec<RefLink> = use_context::<&'static Data>()
        .map(|data| links(data, &inst.id, &id, None))
        .unwrap_or_default();
    let rendered = words_and_marks(text, lead_len, &highlights, &refs)
        .into_iter()
        .map(|piece| match piece {
            Shown::Words(view) => view,
            Shown::Mark(mark) => {
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
                Some(f) => {
                    view! { <FootnoteText inst mark=f.mark.clone() text=&f.text/> }.into_any()
                }
                None => {
                    "This footnote is cited, but its text is not in the source document.".into_any()
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

/// A piece as shown: words already rendered (a link where they name
/// another instrument), or a footnote mark for the caller to render.
enum Shown<'a> {
    Words(AnyView),
    Mark(&'a str),
}

/// The words of `text` as views, runs inside one reference joined into
/// one link.
fn words_and_marks<'a>(
    text: &'a Text,
    lead_len: usize,
    highlights: &[Span],
    refs: &[RefLink],
) -> Vec<Shown<'a>> {
    let spans: Vec<Span> = refs.iter().map(|r| r.span).collect();
    let mut out: Vec<Shown<'a>> = Vec::new();
    let mut link: Option<(usize, Vec<AnyView>)> = None;
    let close = |link: &mut Option<(usize, Vec<AnyView>)>, out: &mut Vec<Shown<'a>>| {
        if let Some((k, views)) = link.take() {
            let r = &refs[k];
            out.push(Shown::Words(
                view! { <a class="ref" href=r.href.clone() title=r.label.clone()>{views}</a> }
                    .into_any(),
            ));
        }
    };
    for piece in pieces_with_links(text, lead_len, highlights, &spans) {
        match piece {
            Piece::Words {
                text,
                italic,
                highlight,
                link: here,
            } => {
                let words = text.to_owned();
                let shown = match (italic, highlight) {
                    (true, true) => view! { <mark><em>{words}</em></mark> }.into_any(),
                    (true, false) => view! { <em>{words}</em> }.into_any(),
                    (false, true) => view! { <mark>{words}</mark> }.into_any(),
                    (false, false) => words.into_any(),
                };
                match (here, &mut link) {
                    (Some(k), Some((open, views))) if *open == k => views.push(shown),
                    (Some(k), _) => {
                        close(&mut link, &mut out);
                        link = Some((k, vec![shown]));
                    }
                    (None, _) => {
                        close(&mut link, &mut out);
                        out.push(Shown::Words(shown));
                    }
                }
            }
            Piece::Mark(mark) => {
                close(&mut link, &mut out);
                out.push(Shown::Mark(mark));
            }
        }
    }
    close(&mut link, &mut out);
    out
}

/// A footnote's text, its references as links.
#[component]
pub fn FootnoteText(inst: &'static Instrument, mark: String, text: &'static Text) -> impl IntoView {
    let refs: Vec<RefLink> = use_context::<&'static Data>()
        .map(|data| links(data, &inst.id, "", Some(&mark)))
        .unwrap_or_default();
    words_and_marks(text, 0, &[], &refs)
        .into_iter()
        .map(|s| match s {
            Shown::Words(v) => v,
            Shown::Mark(m) => m.to_owned().into_any(),
        })
        .collect_view()
}
