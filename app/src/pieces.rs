//! Cutting a paragraph's text into the pieces a view renders: runs of
//! words (in italics or not, highlighted or not, inside a reference to
//! another instrument or not) and footnote marks at the places they are
//! cited.
//!
//! ```
//! use clause_explorer::parse::parse_inline;
//! use clause_explorer_app::pieces::{pieces, Piece};
//! let text = parse_inline("*Recalling* the Convention,¹ and");
//! let got = pieces(&text, 9, &[]);
//! assert_eq!(got[0], Piece::Words { text: "Recalling", italic: true, highlight: false, link: None });
//! assert_eq!(got[2], Piece::Mark("1"));
//! ```

use clause_explorer::model::{Span, Text};

/// One piece of rendered text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// A run of text with one style.
    Words {
        text: &'a str,
        italic: bool,
        highlight: bool,
        /// The reference (index into the `links` given) the words name.
        link: Option<usize>,
    },
    /// A footnote mark, cited here.
    Mark(&'a str),
}

/// The pieces of `text`. The first `lead_len` bytes (the lead phrase) are
/// in italics, as UN texts print them, whether or not the source had
/// italics; `highlights` are byte ranges to mark (search matches).
pub fn pieces<'a>(text: &'a Text, lead_len: usize, highlights: &[Span]) -> Vec<Piece<'a>> {
    pieces_with_links(text, lead_len, highlights, &[])
}

/// [`pieces`], with `links`: byte ranges that name other instruments (the
/// references of [`clause_explorer::refs`]), each run inside one told by
/// its index.
pub fn pieces_with_links<'a>(
    text: &'a Text,
    lead_len: usize,
    highlights: &[Span],
    links: &[Span],
) -> Vec<Piece<'a>> {
    let plain = text.plain.as_str();
    let len = plain.len();
    let clamp = |at: usize| floor_boundary(plain, at.min(len));
    let mut cuts: Vec<usize> = vec![0, len, clamp(lead_len)];
    for s in text.emphasis.iter().chain(highlights).chain(links) {
        cuts.push(clamp(s.start));
        cuts.push(clamp(s.end));
    }
    cuts.extend(text.marks.iter().map(|m| clamp(m.at)));
    cuts.sort_unstable();
    cuts.dedup();
    let inside = |spans: &[Span], a: usize, b: usize| {
        spans
            .iter()
            .any(|s| s.start <= a && b <= s.end && s.start < s.end)
    };
    let mut marks = text.marks.iter().peekable();
    let mut out = Vec::new();
    // The run being built: start, end, italic, highlight, link.
    type Run = Option<(usize, usize, bool, bool, Option<usize>)>;
    let mut run: Run = None;
    let flush = |run: &mut Run, out: &mut Vec<Piece<'a>>| {
        if let Some((a, b, italic, highlight, link)) = run.take() {
            out.push(Piece::Words {
                text: &plain[a..b],
                italic,
                highlight,
                link,
            });
        }
    };
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        while let Some(m) = marks.next_if(|m| clamp(m.at) <= a) {
            flush(&mut run, &mut out);
            out.push(Piece::Mark(&m.mark));
        }
        if a == b {
            continue;
        }
        let italic = b <= lead_len || inside(&text.emphasis, a, b);
        let highlight = inside(highlights, a, b);
        let link = links
            .iter()
            .position(|s| s.start <= a && b <= s.end && s.start < s.end);
        match &mut run {
            Some((_, end, i, h, l))
                if *end == a && *i == italic && *h == highlight && *l == link =>
            {
                *end = b
            }
            _ => {
                flush(&mut run, &mut out);
                run = Some((a, b, italic, highlight, link));
            }
        }
    }
    flush(&mut run, &mut out);
    out.extend(marks.map(|m| Piece::Mark(&m.mark)));
    out
}

fn floor_boundary(s: &str, mut at: usize) -> usize {
    while at > 0 && !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use clause_explorer::parse::parse_inline;

    fn render(text: &Text, lead: usize, highlights: &[Span]) -> String {
        pieces(text, lead, highlights)
            .iter()
            .map(|p| match p {
                Piece::Words {
                    text,
                    italic,
                    highlight,
                    ..
                } => {
                    let mut s = (*text).to_owned();
                    if *italic {
                        s = format!("_{s}_");
                    }
                    if *highlight {
                        s = format!("[{s}]");
                    }
                    s
                }
                Piece::Mark(m) => format!("^{m}"),
            })
            .collect()
    }

    #[test]
    fn the_lead_is_in_italics_even_without_italics_in_the_source() {
        let text = parse_inline("Recalling also the Charter,");
        assert_eq!(render(&text, 14, &[]), "_Recalling also_ the Charter,");
    }

    #[test]
    fn marks_sit_where_they_are_cited() {
        let text = parse_inline("the Convention¹ and the Protocol,² taking");
        assert_eq!(
            render(&text, 0, &[]),
            "the Convention^1 and the Protocol,^2 taking"
        );
    }

    #[test]
    fn highlights_cut_across_italics() {
        let text = parse_inline("the *Global Report* on trafficking");
        let got = render(&text, 0, &[Span::new(11, 25)]);
        assert_eq!(got, "the _Global _[_Report_][ on traf]ficking");
    }

    #[test]
    fn a_mark_at_the_very_end_is_kept() {
        let text = parse_inline("victims;<sup>30</sup>");
        assert_eq!(render(&text, 0, &[]), "victims;^30");
    }

    #[test]
    fn ranges_outside_the_text_are_clamped() {
        let text = parse_inline("Urges States");
        assert_eq!(
            render(&text, 99, &[Span::new(3, 999)]),
            "_Urg_[_es States_]"
        );
    }

    #[test]
    fn a_reference_is_one_run_even_across_a_highlight() {
        let text = parse_inline("Recalling its resolution 27/2 of 18 May 2018");
        let links = [Span::new(14, 29)];
        let got = pieces_with_links(&text, 9, &[Span::new(25, 29)], &links);
        let linked: Vec<(&str, bool)> = got
            .iter()
            .filter_map(|p| match p {
                Piece::Words {
                    text,
                    highlight,
                    link: Some(0),
                    ..
                } => Some((*text, *highlight)),
                _ => None,
            })
            .collect();
        assert_eq!(linked, [("resolution ", false), ("27/2", true)]);
        let after = got.last().unwrap();
        assert!(matches!(
            after,
            Piece::Words {
                text: " of 18 May 2018",
                link: None,
                ..
            }
        ));
    }
}
