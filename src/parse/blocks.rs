//! The first pass: source lines into blocks.
//!
//! A block is a run of non-blank lines (a markdown paragraph), so a
//! hard-wrapped paragraph is one block. A block is also split where a line
//! plainly starts a new unit after a line that ended one: a footnote, a
//! heading, a rule, or — after a line ending in `.`, `;`, `:` or `,` — a
//! numbered paragraph, a sub-paragraph label or a known lead phrase. That
//! makes texts that separate paragraphs by single newlines parse like the
//! rest.
//!
//! Each block is classified by how it begins; the parser decides what it
//! means in context.

use crate::leads;
use crate::model::{Part, Span};

use super::inline::{is_footnote_mark, superscript_digit, window};
use super::labels::{self, RawLabel};

/// A block of source text, classified by its opening.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block<'a> {
    pub kind: BlockKind<'a>,
    /// The whole block in the source.
    pub span: Span,
    /// The block's text after its structural prefix (heading hashes,
    /// footnote mark, paragraph number, sub-paragraph label).
    pub body: &'a str,
}

/// How a block begins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind<'a> {
    /// `---`, `***` or `___`: page furniture.
    Rule,
    /// `# …` to `###### …`, or a block entirely in bold.
    Heading,
    /// A footnote's text, opened by its mark (`<sup>24</sup>`, `¹`).
    Footnote { mark: String },
    /// `7. …`: a numbered paragraph.
    Numbered { number: u32 },
    /// `(a) …`, `(iv) …`, `a. …`: a sub-paragraph.
    Label(RawLabel<'a>),
    /// Anything else.
    Text,
}

/// Splits `src` into blocks.
pub fn blocks(src: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut current: Option<(usize, usize)> = None; // byte start, byte end
    let mut prev_line: Option<&str> = None;
    let mut prev_single = false;
    for (start, line) in lines(src) {
        let end = start + line.len();
        let trimmed = trim(line);
        if trimmed.is_empty() {
            if let Some((s, e)) = current.take() {
                out.push(classify(src, s, e));
            }
            prev_line = None;
            continue;
        }
        let single = is_rule(trimmed) || trimmed.starts_with('#') || is_header_line(trimmed);
        let starts_new = current.is_none()
            || single
            || prev_single
            || footnote_mark(trimmed).is_some()
            || (prev_line.is_some_and(ends_unit) && opens_unit(trimmed));
        if starts_new {
            if let Some((s, e)) = current.take() {
                out.push(classify(src, s, e));
            }
            current = Some((start, end));
        } else if let Some((_, e)) = current.as_mut() {
            *e = end;
        }
        prev_line = Some(trimmed);
        prev_single = single;
    }
    if let Some((s, e)) = current {
        out.push(classify(src, s, e));
    }
    out
}

/// Lines with their byte offsets, without terminators (`\n`, `\r\n`, `\r`).
fn lines(src: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = src.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let mut end = start;
        while end < bytes.len() && bytes[end] != b'\n' && bytes[end] != b'\r' {
            end += 1;
        }
        pos = end;
        if pos < bytes.len() && bytes[pos] == b'\r' {
            pos += 1;
        }
        if pos < bytes.len() && bytes[pos] == b'\n' {
            pos += 1;
        }
        Some((start, &src[start..end]))
    })
}

/// Trims whitespace of every kind, non-breaking spaces included.
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace())
}

fn is_rule(line: &str) -> bool {
    let mut chars = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    let mut n = 1;
    for c in chars {
        if c != first {
            return false;
        }
        n += 1;
    }
    matches!(first, '-' | '*' | '_') && n >= 3
}

/// A line naming the adopting body ("The General Assembly,") or a
/// designation ("Resolution 33/1") stands alone even without blank lines
/// around it.
fn is_header_line(line: &str) -> bool {
    if line.len() > 200 {
        return false;
    }
    let plain = super::inline::parse_inline(line).plain;
    crate::bodies::body_line(&plain).is_some() || super::header::designation(&plain).is_some()
}

/// Whether a line ends a unit: its last character, past footnote marks and
/// emphasis, is `.`, `;`, `:` or `,`.
fn ends_unit(line: &str) -> bool {
    let mut s = line.trim_end();
    loop {
        let before = s;
        s = s.trim_end_matches(['*', '_', ' ']);
        s = s.trim_end_matches(|c: char| superscript_digit(c).is_some());
        if let Some(stripped) = s.strip_suffix("</sup>") {
            if let Some(open) = stripped.rfind("<sup>") {
                s = &stripped[..open];
            }
        }
        if s == before {
            break;
        }
    }
    s.ends_with(['.', ';', ':', ',', '\u{201d}', '"'])
}

/// Whether a line plainly starts a unit: a paragraph number, a label, or a
/// known lead phrase.
fn opens_unit(line: &str) -> bool {
    if paragraph_number(line).is_some() || labels::label_at_start(line).is_some() {
        return true;
    }
    let head = super::inline::parse_inline(window(line, 80));
    leads::match_lead(&head.plain, Part::Preambular).is_some()
        || leads::match_lead(&head.plain, Part::Operative).is_some()
}

/// `7. ` at the start: the number and the length of number, dot and
/// whitespace.
pub fn paragraph_number(text: &str) -> Option<(u32, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    // Paragraphs are numbered from 1, without leading zeros: "0." and
    // "07." are text (and "07" stays a word of it).
    if digits == 0 || digits > 4 || !text[digits..].starts_with('.') || text.starts_with('0') {
        return None;
    }
    let after = &text[digits + 1..];
    let rest = after.trim_start_matches(|c: char| c.is_whitespace());
    let space = after.len() - rest.len();
    if space == 0 || rest.is_empty() {
        return None;
    }
    let number = text[..digits].parse().ok()?;
    Some((number, digits + 1 + space))
}

/// A footnote mark opening a line: `<sup>24</sup>` or `²⁴`, and the length
/// of mark and following whitespace.
fn footnote_mark(line: &str) -> Option<(String, usize)> {
    let (mark, len) = if let Some(rest) = line.strip_prefix("<sup>") {
        let close = window(rest, 16).find("</sup>")?;
        let mark = rest[..close].trim();
        if !is_footnote_mark(mark) {
            return None;
        }
        (mark.to_owned(), 5 + close + 6)
    } else {
        let mut mark = String::new();
        let mut len = 0;
        for c in line.chars() {
            match superscript_digit(c) {
                Some(d) => {
                    mark.push(d);
                    len += c.len_utf8();
                }
                None => break,
            }
        }
        if mark.is_empty() {
            return None;
        }
        (mark, len)
    };
    let after = &line[len..];
    let rest = after.trim_start();
    if rest.is_empty() {
        return None;
    }
    Some((mark, len + (after.len() - rest.len())))
}

fn classify(src: &str, start: usize, end: usize) -> Block<'_> {
    let raw = &src[start..end];
    let lead_ws = raw.len() - raw.trim_start().len();
    let text = trim(raw);
    let text_start = start + lead_ws;
    let span = Span::new(start, end);
    let block = |kind, prefix: usize| Block {
        kind,
        span,
        body: &src[text_start + prefix..text_start + text.len()],
    };
    if is_rule(text) {
        return block(BlockKind::Rule, text.len());
    }
    if text.starts_with('#') {
        let hashes = text.bytes().take_while(|&b| b == b'#').count();
        let after = &text[hashes..];
        if hashes <= 6 && (after.is_empty() || after.starts_with(char::is_whitespace)) {
            let prefix = text.len() - after.trim_start().len();
            return block(BlockKind::Heading, prefix);
        }
    }
    if let Some((mark, len)) = footnote_mark(text) {
        return block(BlockKind::Footnote { mark }, len);
    }
    if let Some((number, len)) = paragraph_number(text) {
        return block(BlockKind::Numbered { number }, len);
    }
    if let Some(label) = labels::label_at_start(text) {
        let len = label.len;
        return block(BlockKind::Label(label), len);
    }
    if is_all_bold(text) {
        return block(BlockKind::Heading, 0);
    }
    block(BlockKind::Text, 0)
}

fn is_all_bold(text: &str) -> bool {
    text.len() > 4
        && text.starts_with("**")
        && text.ends_with("**")
        && !text[2..text.len() - 2].contains("**")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<String> {
        blocks(src)
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Rule => "rule".to_owned(),
                BlockKind::Heading => format!("heading {}", b.body),
                BlockKind::Footnote { mark } => format!("footnote {mark}"),
                BlockKind::Numbered { number } => format!("{number}."),
                BlockKind::Label(l) => format!("({})", l.label),
                BlockKind::Text => format!("text {}", b.body.replace('\n', "/")),
            })
            .collect()
    }

    #[test]
    fn blank_lines_separate_blocks_and_hard_wraps_do_not() {
        assert_eq!(
            kinds("Recalling the\nimportance of\n\n1. Urges"),
            vec!["text Recalling the/importance of", "1."]
        );
    }

    #[test]
    fn footnotes_rules_and_headings_are_recognised() {
        assert_eq!(
            kinds("---\n\n<sup>24</sup> United Nations\n\n¹ Ibid.\n\n#### **Title**"),
            vec!["rule", "footnote 24", "footnote 1", "heading **Title**"]
        );
    }

    #[test]
    fn a_line_opening_a_unit_after_a_complete_line_starts_a_block() {
        assert_eq!(
            kinds("Recalling its resolution,\nNoting with concern that\n(a) Traffickers use,\n(b) Children are"),
            vec![
                "text Recalling its resolution,",
                "text Noting with concern that/(a) Traffickers use,",
                "(b)"
            ]
        );
    }

    #[test]
    fn a_year_at_the_start_of_a_page_is_not_a_paragraph_number() {
        assert_eq!(
            kinds("2017, of the political"),
            vec!["text 2017, of the political"]
        );
    }

    #[test]
    fn crlf_and_cr_line_endings_are_lines() {
        assert_eq!(kinds("A\r\nb\r\n\r\nC\rd"), vec!["text A\r/b", "text C\rd"]);
    }

    #[test]
    fn every_footnote_line_starts_a_block_even_without_blank_lines() {
        assert_eq!(
            kinds("¹ United Nations, Treaty Series.\n² Ibid., vol. 2237."),
            vec!["footnote 1", "footnote 2"]
        );
    }
}
