//! Running text from Akoma Ntoso inline markup: the words of an element
//! with single spaces, where its italics, footnote marks and links are.
//!
//! XML keeps layout whitespace (indentation, tabs after `xml:space=
//! "preserve"`) that is not text: every run of whitespace becomes one
//! space, and a block boundary (`p`, `num`, a table cell) is a space too,
//! while inline elements (`span`, `a`, `sup`) join their neighbours as they
//! read: `<span class="italic">Recall</span>ing` is one word.

use roxmltree::Node;

use crate::model::{Footnote, Link, MarkRef, Span, Text};

/// Elements that are part of the running text around them: they neither
/// start nor end a word. Everything else is a block, read with a space on
/// either side.
const INLINE: &[&str] = &[
    "span",
    "a",
    "sup",
    "sub",
    "i",
    "b",
    "u",
    "inline",
    "ref",
    "mref",
    "rref",
    "term",
    "abbr",
    "def",
    "docNumber",
    "docTitle",
    "docDate",
    "docAuthority",
    "docStatus",
    "docProponent",
    "docType",
    "session",
    "location",
    "date",
    "role",
    "quantity",
    "entity",
    "concept",
    "object",
    "decoration",
    "img",
    "marker",
    "noteRef",
];

/// Whether `name` is an inline element (see [`INLINE`]).
pub fn is_inline(name: &str) -> bool {
    INLINE.contains(&name)
}

/// Builds one [`Text`] from text nodes and inline elements, and collects
/// the footnotes cited in it.
#[derive(Default)]
pub struct TextBuilder {
    text: Text,
    /// A space is owed before the next word.
    space: bool,
    pub footnotes: Vec<Footnote>,
}

impl TextBuilder {
    /// Adds a run of source text, whitespace collapsed.
    pub fn push_str(&mut self, s: &str) {
        for (i, piece) in s.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if piece.is_empty() {
                continue;
            }
            self.flush_space();
            self.text.plain.push_str(piece);
        }
    }

    /// Owes a space: a block boundary.
    pub fn space(&mut self) {
        self.space = true;
    }

    fn flush_space(&mut self) {
        if self.space && !self.text.plain.is_empty() {
            self.text.plain.push(' ');
        }
        self.space = false;
    }

    /// Where the next word will start.
    fn next_start(&self) -> usize {
        self.text.plain.len() + usize::from(self.space && !self.text.plain.is_empty())
    }

    pub fn is_empty(&self) -> bool {
        self.text.plain.is_empty()
    }

    /// The text so far.
    pub fn plain(&self) -> &str {
        &self.text.plain
    }

    /// A builder holding the text from byte `cut` on (offsets moved, what
    /// lies before dropped), with the same footnotes.
    pub fn after(&self, cut: usize) -> TextBuilder {
        TextBuilder {
            text: text_from(&self.text, cut),
            space: self.space,
            footnotes: self.footnotes.clone(),
        }
    }

    /// Reads `node`'s content into the text: text nodes, inline elements
    /// (italics recorded, links kept as references), blocks with a space
    /// around them, footnotes (`authorialNote`) taken out and marked where
    /// cited. `skip` names child elements the caller reads itself.
    pub fn read(&mut self, node: Node<'_, '_>, skip: &dyn Fn(Node<'_, '_>) -> bool) {
        for child in node.children() {
            if child.is_text() {
                self.push_str(child.text().unwrap_or_default());
                continue;
            }
            if !child.is_element() || skip(child) {
                continue;
            }
            self.element(child, skip);
        }
    }

    /// Reads one element (see [`TextBuilder::read`]).
    pub fn element(&mut self, el: Node<'_, '_>, skip: &dyn Fn(Node<'_, '_>) -> bool) {
        let name = el.tag_name().name();
        match name {
            "authorialNote" | "note" => {
                let mark = el
                    .attribute("marker")
                    .map(str::trim)
                    .filter(|m| !m.is_empty())
                    .unwrap_or("*")
                    .to_owned();
                let mut note = TextBuilder::default();
                note.read(el, &|_| false);
                let (text, mut nested) = note.finish();
                self.text.marks.push(MarkRef {
                    mark: mark.clone(),
                    at: self.text.plain.len(),
                });
                self.footnotes.push(Footnote {
                    mark,
                    text,
                    span: span_of(el),
                });
                self.footnotes.append(&mut nested);
            }
            "eol" | "br" => self.space(),
            _ if is_inline(name) => {
                let start = self.next_start();
                self.read(el, skip);
                let end = self.text.plain.len();
                if end > start {
                    let span = Span::new(start, end);
                    if name == "a" {
                        if let Some(href) = el.attribute("href") {
                            self.text.links.push(Link {
                                span,
                                href: href.to_owned(),
                            });
                        }
                    } else if name == "i" || el.attribute("class").is_some_and(is_italic_class) {
                        self.text.emphasis.push(span);
                    }
                }
            }
            _ => {
                self.space();
                self.read(el, skip);
                self.space();
            }
        }
    }

    /// Adds a finished text after what is there, with a space between.
    pub fn append(&mut self, other: Text) {
        self.space = false;
        append_text(&mut self.text, other);
    }

    /// The text, emphasis ordered and merged where adjacent, and the
    /// footnotes it cited.
    pub fn finish(mut self) -> (Text, Vec<Footnote>) {
        let e = &mut self.text.emphasis;
        e.sort_by_key(|s| s.start);
        let mut merged: Vec<Span> = Vec::with_capacity(e.len());
        for s in e.drain(..) {
            match merged.last_mut() {
                Some(last) if s.start <= last.end + 1 => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        self.text.emphasis = merged;
        (self.text, self.footnotes)
    }
}

/// The part of `t` from byte `cut` on, its offsets moved; marks, italics
/// and links before `cut` are dropped.
pub fn text_from(t: &Text, cut: usize) -> Text {
    let shift = |s: Span| Span::new(s.start - cut, s.end - cut);
    Text {
        plain: t.plain.get(cut..).unwrap_or_default().to_owned(),
        marks: t
            .marks
            .iter()
            .filter(|m| m.at >= cut)
            .map(|m| MarkRef {
                mark: m.mark.clone(),
                at: m.at - cut,
            })
            .collect(),
        emphasis: t
            .emphasis
            .iter()
            .filter(|e| e.start >= cut)
            .map(|e| shift(*e))
            .collect(),
        links: t
            .links
            .iter()
            .filter(|l| l.span.start >= cut)
            .map(|l| Link {
                span: shift(l.span),
                href: l.href.clone(),
            })
            .collect(),
        joins: Vec::new(),
    }
}

/// Appends `more` to `text` with a space between, moving its offsets.
pub fn append_text(text: &mut Text, more: Text) {
    if more.plain.is_empty() {
        return;
    }
    if !text.plain.is_empty() {
        text.plain.push(' ');
    }
    let base = text.plain.len();
    text.plain.push_str(&more.plain);
    let shift = |s: Span| Span::new(s.start + base, s.end + base);
    text.emphasis.extend(more.emphasis.into_iter().map(shift));
    text.marks.extend(more.marks.into_iter().map(|mut m| {
        m.at += base;
        m
    }));
    text.links.extend(more.links.into_iter().map(|mut l| {
        l.span = shift(l.span);
        l
    }));
    text.joins.extend(more.joins.into_iter().map(|j| j + base));
}

fn is_italic_class(class: &str) -> bool {
    class.split_whitespace().any(|c| c == "italic")
}

/// The byte range of a node in its source.
pub fn span_of(node: Node<'_, '_>) -> Span {
    let r = node.range();
    Span::new(r.start, r.end)
}

/// The plain text of `node` (footnotes taken out), and its footnotes.
pub fn plain_of(node: Node<'_, '_>) -> (String, Vec<Footnote>) {
    let mut b = TextBuilder::default();
    b.element(node, &|_| false);
    let (text, notes) = b.finish();
    (text.plain, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(xml: &str) -> (Text, Vec<Footnote>) {
        let doc = roxmltree::Document::parse(xml).unwrap();
        let mut b = TextBuilder::default();
        b.read(doc.root_element(), &|_| false);
        b.finish()
    }

    #[test]
    fn layout_whitespace_collapses_and_blocks_are_spaced() {
        let (t, _) = read("<c>\n\t<p>\tOne\n two</p><p>three</p>\u{a0}four</c>");
        assert_eq!(t.plain, "One two three four");
    }

    #[test]
    fn inline_elements_join_their_neighbours() {
        let (t, _) = read(
            r#"<p><span class="italic">Recall</span>ing its resolution <a href="https://undocs.org/en/A/RES/70/1">70/1</a>.</p>"#,
        );
        assert_eq!(t.plain, "Recalling its resolution 70/1.");
        assert_eq!(t.emphasis, vec![Span::new(0, 6)]);
        assert_eq!(&t.plain[t.links[0].span.start..t.links[0].span.end], "70/1");
        assert_eq!(t.links[0].href, "https://undocs.org/en/A/RES/70/1");
    }

    #[test]
    fn a_footnote_is_taken_out_and_marked_where_cited() {
        let (t, notes) = read(
            r#"<p>the Convention,<authorialNote marker="5" placement="bottom"><p>	 	United Nations, <span class="italic">Treaty Series</span>, vol. 2225.</p></authorialNote> as well</p>"#,
        );
        assert_eq!(t.plain, "the Convention, as well");
        assert_eq!(
            t.marks,
            vec![MarkRef {
                mark: "5".into(),
                at: 15
            }]
        );
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].mark, "5");
        assert_eq!(
            notes[0].text.plain,
            "United Nations, Treaty Series, vol. 2225."
        );
        assert_eq!(notes[0].text.emphasis, vec![Span::new(16, 29)]);
    }

    #[test]
    fn italics_in_pieces_are_one_emphasis() {
        let (t, _) = read(
            r#"<p><span class="italic">Recalling</span> <span class="italic">also</span> its</p>"#,
        );
        assert_eq!(t.emphasis, vec![Span::new(0, 14)]);
    }
}
