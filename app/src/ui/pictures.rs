//! Pictures in the page: the SVG the pure `pictures` module draws, with
//! its table alternative; and the view of the corpus in pictures.

use clause_explorer::pictures::{self, Picture};
use leptos::prelude::*;

use super::Data;

/// One picture: the drawing, then the same figures as a table (closed by
/// default; screen readers and printouts get every figure and link).
#[component]
pub fn PictureView(picture: Picture) -> impl IntoView {
    let Picture { svg, alt_table } = picture;
    let table = alt_table;
    view! {
        <figure class="picture">
            <div class="svg" inner_html=svg></div>
            <details class="picture-table">
                <summary>"The figures as a table"</summary>
                <table>
                    <caption>{table.caption.clone()}</caption>
                    <thead>
                        <tr>{table.header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {table.rows.iter().map(|row| view! {
                            <tr>
                                {row.iter().enumerate().map(|(k, cell)| {
                                    let segments = cell.segments.iter().map(|s| match &s.href {
                                        Some(h) => view! { <a href=h.clone()>{s.text.clone()}</a> }.into_any(),
                                        None => s.text.clone().into_any(),
                                    }).collect_view();
                                    if k == 0 {
                                        view! { <th scope="row">{segments}</th> }.into_any()
                                    } else {
                                        view! { <td>{segments}</td> }.into_any()
                                    }
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

/// The corpus in pictures (`#/pictures`): who cites whom, and how much
/// each instrument reuses another.
#[component]
pub fn PicturesView(data: &'static Data) -> impl IntoView {
    let (nodes, edges) = pictures::citations(data.corpus, &data.citations);
    let graph = pictures::citation_graph(&nodes, &edges);
    let matrix =
        (!data.reuse.is_empty()).then(|| pictures::reuse_matrix(&data.instruments, &data.reuse));
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href="#/">"Library"</a>
            " \u{203a} "
            <span aria-current="page">"Pictures"</span>
        </nav>
        <h1 tabindex="-1">"The corpus in pictures"</h1>
        <section class="picture" aria-labelledby="graph-heading">
            <h2 id="graph-heading">"Who cites whom"</h2>
            <PictureView picture=graph/>
        </section>
        <section class="picture" aria-labelledby="reuse-heading">
            <h2 id="reuse-heading">"How much each text reuses another"</h2>
            {match matrix {
                Some(picture) => view! { <PictureView picture/> }.into_any(),
                None => view! {
                    <p class="meta">{format!(
                        "The reuse matrix is drawn when the collection is published, for at most {} instruments; this one has {}.",
                        clause_explorer::bundle::REUSE_MAX,
                        data.instruments.len()
                    )}</p>
                }.into_any(),
            }}
        </section>
    }
}
