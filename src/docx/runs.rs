//! The inline content of a paragraph: runs (`w:r`) and what they hold,
//! read into [`Piece`]s that `markup` writes as text.

use roxmltree::Node;

use super::footnotes::Marks;
use super::styles::Styles;
use super::xml;
use super::DocxError;

/// The math namespace (equations keep their text).
const MATH_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/math";

/// One piece of a paragraph's content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Piece {
    /// Text as Word has it, whitespace included.
    Text { text: String, italic: bool },
    /// Superscript text, until `settle_superscripts` decides whether it
    /// is a footnote mark typed by hand.
    Super { text: String, italic: bool },
    /// A footnote mark.
    Mark(String),
    /// A line break inside the paragraph.
    Break,
}

/// Reads runs for one paragraph.
pub(super) struct RunReader<'a> {
    pub part: &'static str,
    pub styles: &'a Styles,
    pub para_style: Option<&'a str>,
    /// Where footnote references are numbered; `None` inside footnotes.
    pub marks: Option<&'a mut Marks>,
}

impl RunReader<'_> {
    /// Reads the inline content of `node` (a paragraph, a hyperlink, …).
    pub fn content(
        &mut self,
        node: Node<'_, '_>,
        out: &mut Vec<Piece>,
        depth: usize,
    ) -> Result<(), DocxError> {
        if depth > xml::MAX_DEPTH {
            return Err(xml::too_deep(self.part));
        }
        for child in node.children().filter(Node::is_element) {
            if child.tag_name().namespace() == Some(MATH_NS) {
                if matches!(child.tag_name().name(), "oMath" | "oMathPara") {
                    math(child, out);
                }
                continue;
            }
            // Other namespaces (mc:AlternateContent: drawings and text
            // boxes) are not body text.
            match xml::w_name(child) {
                Some("r") => self.run(child, out, depth + 1)?,
                // Containers of runs whose text Word shows.
                Some(
                    "hyperlink" | "smartTag" | "customXml" | "ins" | "moveTo" | "fldSimple" | "dir"
                    | "bdo" | "sdt" | "sdtContent",
                ) => self.content(child, out, depth + 1)?,
                // Deleted and moved-away text; properties, bookmarks,
                // proofing marks and the like.
                _ => {}
            }
        }
        Ok(())
    }

    fn run(
        &mut self,
        run: Node<'_, '_>,
        out: &mut Vec<Piece>,
        depth: usize,
    ) -> Result<(), DocxError> {
        let props = xml::child(run, "rPr");
        let run_style = props.and_then(|p| xml::child_val(p, "rStyle"));
        let hidden = props
            .and_then(|p| xml::toggle(p, "vanish"))
            .unwrap_or_else(|| self.styles.hidden(run_style, self.para_style));
        if hidden {
            return Ok(());
        }
        let italic = props
            .and_then(|p| xml::toggle(p, "i"))
            .unwrap_or_else(|| self.styles.italic(run_style, self.para_style));
        let superscript = props.and_then(|p| xml::child_val(p, "vertAlign")) == Some("superscript");
        let text = |s: &str| Piece::Text {
            text: s.to_owned(),
            italic,
        };
        for child in run.children() {
            let Some(name) = xml::w_name(child) else {
                continue;
            };
            match name {
                "t" => {
                    let t = child.text().unwrap_or("");
                    let custom = self.marks.as_deref_mut().and_then(|m| m.claim_custom(t));
                    out.push(match custom {
                        Some(mark) => Piece::Mark(mark),
                        None if superscript => Piece::Super {
                            text: t.to_owned(),
                            italic,
                        },
                        None => text(t),
                    });
                }
                "tab" | "ptab" => out.push(text(" ")),
                "br" => match xml::attr(child, "type") {
                    Some("page" | "column") => out.push(text(" ")),
                    _ => out.push(Piece::Break),
                },
                "cr" => out.push(Piece::Break),
                "noBreakHyphen" => out.push(text("-")),
                "footnoteReference" => {
                    if let (Some(marks), Some(id)) =
                        (self.marks.as_deref_mut(), xml::attr(child, "id"))
                    {
                        let custom = matches!(
                            xml::attr(child, "customMarkFollows"),
                            Some("1" | "true" | "on")
                        );
                        if let Some(mark) = marks.reference(id, custom) {
                            out.push(Piece::Mark(mark));
                        }
                    }
                }
                "ruby" => {
                    if let Some(base) = xml::child(child, "rubyBase") {
                        self.content(base, out, depth + 1)?;
                    }
                }
                // Field instructions, deleted text, a footnote's own mark,
                // separators, drawings, symbols in symbol fonts, endnote
                // references (endnotes are not read).
                _ => {}
            }
        }
        Ok(())
    }
}

/// An equation's text, in order.
fn math(node: Node<'_, '_>, out: &mut Vec<Piece>) {
    let text: String = node
        .descendants()
        .filter(|d| d.tag_name().name() == "t" && d.tag_name().namespace() == Some(MATH_NS))
        .filter_map(|d| d.text())
        .collect();
    if !text.is_empty() {
        out.push(Piece::Text {
            text: format!(" {text} "),
            italic: false,
        });
    }
}

/// Joins adjacent superscript runs ("2" "4" is "24"), then makes each a
/// footnote mark if it is one typed by hand (up to four digits, or one of
/// `*` `†` `‡` `§`), or plain text otherwise ("th", "2, 3").
pub(super) fn settle_superscripts(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if let (Piece::Super { text, .. }, Some(Piece::Super { text: last, .. })) =
            (&piece, out.last_mut())
        {
            last.push_str(text);
            continue;
        }
        out.push(piece);
    }
    out.into_iter()
        .map(|piece| match piece {
            Piece::Super { text, italic } => {
                let mark = text.trim();
                if is_hand_mark(mark) {
                    Piece::Mark(mark.to_owned())
                } else {
                    Piece::Text { text, italic }
                }
            }
            other => other,
        })
        .collect()
}

fn is_hand_mark(s: &str) -> bool {
    let digits = !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    digits || matches!(s, "*" | "†" | "‡" | "§")
}
