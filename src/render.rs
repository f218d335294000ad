//! The text format written back from the document model: what a
//! resolution looks like once converted from PDF, in the several ways
//! conversions write it.
//!
//! The parser's inverse, for round-trip tests: an instrument read from the
//! UN's XML is written as text (leads in italics or plain, footnote marks
//! as `<sup>` or superscript digits, footnote blocks after the paragraph
//! that cites them or inside it where a page would break, CRLF or LF,
//! hard-wrapped or not), parsed again, and compared with itself. What the
//! parser gets wrong is then measured on real texts of every body (see
//! `tests/real_text.rs`).
//!
//! ```
//! use clause_explorer::render::{to_text, Style};
//! let doc = clause_explorer::parse::parse_document(
//!     "a.txt",
//!     "78/228. A title\n\nThe General Assembly,\n\n*Recalling* its resolutions,\n\n1. *Urges* States:\n\n(a) To act.\n",
//! );
//! let text = to_text(&doc.instruments[0], &Style::default());
//! assert_eq!(text, "78/228. A title\n\nThe General Assembly,\n\n*Recalling* its resolutions,\n\n1. *Urges* States:\n\n(a) To act.\n");
//! ```

use crate::model::{Footnote, Instrument, Paragraph, Provenance, Subparagraph, Text};

/// How a conversion wrote the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// "78/228. Title" (the GA's way) or "Resolution 78/228" then the title.
    pub symbol_first: bool,
    /// Leads in `*italics*`, or plain.
    pub italic_leads: bool,
    /// Footnote marks as superscript digits ("¹"), or `<sup>1</sup>`.
    pub superscript_marks: bool,
    /// A paragraph's footnote blocks inside it, between its first half and
    /// its second (a page break), or after it.
    pub notes_inside: bool,
    /// Lines end with CRLF.
    pub crlf: bool,
    /// Lines wrapped at this many characters (0: one line a block).
    pub wrap: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            symbol_first: true,
            italic_leads: true,
            superscript_marks: false,
            notes_inside: false,
            crlf: false,
            wrap: 0,
        }
    }
}

impl Style {
    /// A style chosen by `seed`: every combination is reached as the seed
    /// runs through 0..64.
    pub fn varied(seed: u64) -> Style {
        let bit = |k: u32| seed >> k & 1 == 1;
        Style {
            symbol_first: !bit(0),
            italic_leads: !bit(1),
            superscript_marks: bit(2),
            notes_inside: bit(3),
            crlf: bit(4),
            wrap: if bit(5) { 90 } else { 0 },
        }
    }
}

/// One instrument as text, with its footnotes.
pub fn to_text(inst: &Instrument, style: &Style) -> String {
    let mut w = Writer {
        style: *style,
        blocks: Vec::new(),
        inst,
    };
    match (&inst.designation, &inst.symbol) {
        (Some(_), Some(symbol)) if style.symbol_first && !inst.title.is_empty() => {
            w.blocks.push(format!("{symbol}. {}", inst.title));
        }
        (_, Some(symbol)) => {
            w.blocks.push(format!("Resolution {symbol}"));
            if !inst.title.is_empty() {
                w.blocks.push(inst.title.clone());
            }
        }
        _ => {
            if !inst.title.is_empty() {
                w.blocks.push(inst.title.clone());
            }
        }
    }
    if let Some(body) = inst
        .body
        .as_ref()
        .filter(|_| inst.body_from == Some(Provenance::Text))
    {
        w.blocks.push(format!("{body},"));
    }
    for p in inst.paragraphs() {
        w.paragraph(p);
    }
    if let Some(a) = &inst.adopted {
        w.blocks.push(a.clone());
    }
    let eol = if style.crlf { "\r\n" } else { "\n" };
    let mut out = String::new();
    for (k, b) in w.blocks.iter().enumerate() {
        if k > 0 {
            out.push_str(eol);
        }
        for line in wrap(b, style.wrap) {
            out.push_str(line);
            out.push_str(eol);
        }
    }
    out
}

struct Writer<'i> {
    style: Style,
    blocks: Vec<String>,
    inst: &'i Instrument,
}

impl Writer<'_> {
    fn paragraph(&mut self, p: &Paragraph) {
        if let Some(h) = &p.heading {
            self.blocks.push(h.clone());
        }
        let lead_len = p.lead.as_ref().map_or(0, String::len);
        let mut body = self.text(&p.text, lead_len);
        if let Some(n) = p.number {
            body = format!("{n}. {body}");
        }
        let notes = self.notes(&p.text);
        if self.style.notes_inside && !notes.is_empty() {
            // A page break in the middle of the paragraph, at a space.
            let mut half = body.len() / 2;
            while !body.is_char_boundary(half) {
                half -= 1;
            }
            let cut = body[..half].rfind(' ').filter(|&c| c > 0);
            if let Some(cut) = cut {
                let (first, second) = body.split_at(cut);
                self.blocks.push(first.to_owned());
                self.blocks.extend(notes);
                self.blocks.push(second.trim_start().to_owned());
                self.subparagraphs(&p.subparagraphs);
                return;
            }
        }
        self.blocks.push(body);
        self.blocks.extend(notes);
        self.subparagraphs(&p.subparagraphs);
    }

    fn subparagraphs(&mut self, subs: &[Subparagraph]) {
        for s in subs {
            let body = self.text(&s.text, 0);
            self.blocks.push(format!("{} {body}", s.printed_label()));
            let notes = self.notes(&s.text);
            self.blocks.extend(notes);
            self.subparagraphs(&s.subparagraphs);
        }
    }

    /// The footnote blocks a text cites, in citation order.
    fn notes(&self, text: &Text) -> Vec<String> {
        text.footnote_refs()
            .into_iter()
            .filter_map(|m| self.inst.footnote(m))
            .map(|f: &Footnote| format!("{} {}", self.mark(&f.mark), self.text(&f.text, 0)))
            .collect()
    }

    fn mark(&self, mark: &str) -> String {
        if self.style.superscript_marks && mark.chars().all(|c| c.is_ascii_digit()) {
            mark.chars()
                .map(|c| crate::parse::to_superscript(c).unwrap_or(c))
                .collect()
        } else {
            format!("<sup>{mark}</sup>")
        }
    }

    /// Running text with its italics (`*…*`), marks where cited, and
    /// characters the text format reads as markup escaped. The lead's
    /// italics (the first `lead_len` bytes) follow the style.
    fn text(&self, t: &Text, lead_len: usize) -> String {
        let mut out = String::with_capacity(t.plain.len() + 16);
        let mut marks = t.marks.iter().peekable();
        let mut opens: Vec<usize> = Vec::new();
        let mut closes: Vec<usize> = Vec::new();
        for e in &t.emphasis {
            let is_lead = lead_len > 0 && e.start == 0;
            if is_lead && !self.style.italic_leads {
                continue;
            }
            // `*…*` hugs its words: spaces at either end stay outside.
            let inner = t.plain.get(e.start..e.end).unwrap_or_default();
            let start = e.start + (inner.len() - inner.trim_start().len());
            let end = e.end - (inner.len() - inner.trim_end().len());
            // Italics that a conversion cannot show as `*…*` are written
            // plain: on punctuation alone (an italic comma looks like any
            // other), or beginning or ending inside a word ("Saf*er*Guard",
            // where stars are text).
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let visible = start < end
                && t.plain[start..end].chars().any(char::is_alphanumeric)
                && !word(t.plain[..start].chars().next_back())
                && !word(t.plain[end..].chars().next());
            if visible {
                opens.push(start);
                closes.push(end);
            }
        }
        for (i, c) in t.plain.char_indices() {
            while closes.first() == Some(&i) {
                closes.remove(0);
                trim_into(&mut out);
                out.push('*');
            }
            while let Some(m) = marks.next_if(|m| m.at == i) {
                out.push_str(&self.mark(&m.mark));
            }
            if opens.first() == Some(&i) {
                opens.remove(0);
                out.push('*');
            }
            match c {
                '*' | '\\' | '<' | '[' => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
        if !closes.is_empty() {
            trim_into(&mut out);
            out.push('*');
        }
        for m in marks {
            out.push_str(&self.mark(&m.mark));
        }
        out
    }
}

/// Drops trailing spaces, so that a closing `*` touches its word.
fn trim_into(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
}

/// `block` broken at spaces into lines of at most `width` characters (a
/// longer word on a line of its own); `width` 0 keeps one line.
fn wrap(block: &str, width: usize) -> Vec<&str> {
    if width == 0 {
        return vec![block];
    }
    let mut lines = Vec::new();
    let mut start = 0;
    let mut last_space = None;
    let mut count = 0;
    for (i, c) in block.char_indices() {
        if c == ' ' {
            last_space = Some(i);
        }
        count += 1;
        if count > width {
            if let Some(s) = last_space.filter(|&s| s > start) {
                lines.push(&block[start..s]);
                start = s + 1;
                count = block[start..i + c.len_utf8()].chars().count();
                last_space = None;
            }
        }
    }
    lines.push(&block[start..]);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_document;

    const SRC: &str = "78/228. Improving coordination\n\nThe General Assembly,\n\n\
        *Recalling* the Convention,<sup>1</sup> and its *Treaty Series*,\n\n\
        <sup>1</sup> United Nations, *Treaty Series*, vol. 2225.\n\n\
        1. *Urges* Member States:\n\n(a) To act;\n\n(i) At home;\n\n(b) To report.\n";

    fn round_trip(style: &Style) -> crate::model::Document {
        let doc = parse_document("a.txt", SRC);
        let text = to_text(&doc.instruments[0], style);
        parse_document("b.txt", &text)
    }

    #[test]
    fn every_style_reads_back_to_the_same_clauses() {
        let original = parse_document("a.txt", SRC);
        let a = &original.instruments[0];
        for seed in 0..64 {
            let style = Style::varied(seed);
            let doc = round_trip(&style);
            let b = &doc.instruments[0];
            assert_eq!(b.symbol, a.symbol, "{style:?}");
            assert_eq!(b.title, a.title, "{style:?}");
            for (p, q) in a.paragraphs().zip(b.paragraphs()) {
                assert_eq!(p.text.plain, q.text.plain, "{style:?}");
                assert_eq!(p.lead, q.lead, "{style:?}");
                assert_eq!(p.text.footnote_refs(), q.text.footnote_refs(), "{style:?}");
                assert_eq!(p.subparagraphs.len(), q.subparagraphs.len(), "{style:?}");
            }
            assert_eq!(b.footnotes.len(), 1, "{style:?}");
            assert_eq!(
                b.footnotes[0].text.plain, a.footnotes[0].text.plain,
                "{style:?}"
            );
        }
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_keeps_every_character() {
        let block = "Recalling its resolutions 70/1 of 25 September 2015 and 76/186";
        let lines = wrap(block, 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), block);
    }
}
