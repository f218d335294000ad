//! Inline markup: from the markdown-ish text of one block to [`Text`].
//!
//! What is recognised, and what becomes of it:
//!
//! | source                          | result                                   |
//! |---------------------------------|------------------------------------------|
//! | `*Recalling*`                   | "Recalling", recorded as emphasis        |
//! | `**Decision 33/1**`             | "Decision 33/1"                          |
//! | `<sup>24</sup>`, `¹³`           | a footnote mark, removed from the words  |
//! | `[71/167](#)`                   | "71/167"                                 |
//! | `[text](https://…)`             | "text (https://…)": the address is kept  |
//! | `\*`                            | "*"                                      |
//! | `&amp;`, `&nbsp;`, `&#8220;`    | the character                            |
//! | `<br>`, newlines, NBSP, tabs    | one space                                |
//!
//! Any other HTML stays as text, so hostile markup in a clause is shown,
//! never run. Every step is linear in the length of the block: emphasis
//! delimiters are paired on a stack, never by searching ahead.

use crate::model::{MarkRef, Span, Text};

/// The longest footnote mark taken from `<sup>…</sup>`.
const MAX_MARK_LEN: usize = 4;
/// How far ahead a link's `](` and `)` are looked for.
const MAX_LINK_LABEL: usize = 400;
const MAX_LINK_TARGET: usize = 2000;

/// Parses the inline markup of `src`.
pub fn parse_inline(src: &str) -> Text {
    let delims = pair_emphasis(src);
    let mut out = Builder::default();
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < src.len() {
        let rest = &src[i..];
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '*' => {
                let run = rest.bytes().take_while(|&b| b == b'*').count();
                match delims.binary_search_by_key(&i, |d| d.at) {
                    Ok(k) => {
                        let d = delims[k];
                        if d.italic {
                            if d.opens {
                                out.open_emphasis();
                            } else {
                                out.close_emphasis();
                            }
                        }
                        // Bold delimiters are dropped silently.
                    }
                    Err(_) => out.push_str(&rest[..run]),
                }
                i += run;
            }
            '\\' => {
                let next = rest[1..].chars().next();
                match next {
                    Some(n) if n.is_ascii_punctuation() => {
                        out.push(n);
                        i += 1 + n.len_utf8();
                    }
                    _ => {
                        out.push('\\');
                        i += 1;
                    }
                }
            }
            '<' => {
                if let Some((mark, len)) = sup_mark(rest) {
                    match mark {
                        SupContent::Mark(m) => out.mark(m),
                        SupContent::Text(t) => out.push_str(t),
                    }
                    i += len;
                } else if let Some(len) = line_break_tag(rest) {
                    out.space();
                    i += len;
                } else {
                    out.push('<');
                    i += 1;
                }
            }
            '&' => {
                if let Some((ch, len)) = entity(rest) {
                    if ch.is_whitespace() {
                        out.space();
                    } else {
                        out.push(ch);
                    }
                    i += len;
                } else {
                    out.push('&');
                    i += 1;
                }
            }
            '[' => {
                if let Some(link) = link(rest) {
                    // The label may itself carry emphasis or marks: parse it.
                    let label = parse_inline(link.label);
                    // "0[71/167](#)": the bracket parted two words in the
                    // source; it still does.
                    if src[..i].ends_with(char::is_alphanumeric)
                        && label.plain.starts_with(char::is_alphanumeric)
                    {
                        out.space();
                    }
                    out.append(&label);
                    if src[i + link.len..].starts_with(char::is_alphanumeric)
                        && label.plain.ends_with(char::is_alphanumeric)
                        && (link.target.is_empty() || link.target == "#")
                    {
                        out.space();
                    }
                    if !link.target.is_empty() && link.target != "#" {
                        out.push_str(" (");
                        out.push_str(link.target);
                        out.push(')');
                    }
                    i += link.len;
                } else {
                    out.push('[');
                    i += 1;
                }
            }
            c if superscript_digit(c).is_some() => {
                let mut mark = String::new();
                let mut len = 0;
                for ch in rest.chars() {
                    match superscript_digit(ch) {
                        Some(d) => {
                            mark.push(d);
                            len += ch.len_utf8();
                        }
                        None => break,
                    }
                }
                out.mark(&mark);
                i += len;
            }
            c if c.is_whitespace() => {
                out.space();
                i += c.len_utf8();
            }
            _ => {
                // A run of ordinary characters goes in at once.
                let run = rest
                    .char_indices()
                    .find(|&(_, ch)| is_special(ch))
                    .map_or(rest.len(), |(k, _)| k);
                out.push_run(&rest[..run]);
                i += run;
            }
        }
        debug_assert!(i <= bytes.len());
    }
    out.finish()
}

/// Characters that start markup, end a word, or are footnote marks.
fn is_special(c: char) -> bool {
    matches!(c, '*' | '\\' | '<' | '&' | '[') || c.is_whitespace() || superscript_digit(c).is_some()
}

/// Appends `more` to `text` with one space between, as when a paragraph
/// continues after a page break.
pub fn join(text: &mut Text, more: &Text) {
    let mut b = Builder {
        text: std::mem::take(text),
        pending_space: true,
        ..Builder::default()
    };
    b.append(more);
    *text = b.text;
}

/// Builds plain text with single spaces, tracking marks and emphasis.
#[derive(Default)]
struct Builder {
    text: Text,
    pending_space: bool,
    open: Option<usize>,
    /// Set right after a footnote mark: a mark ends a word, so letters on
    /// both sides of it ("Convention¹and") are two words.
    after_mark: bool,
}

impl Builder {
    fn flush_space(&mut self) {
        if self.pending_space && !self.text.plain.is_empty() {
            self.text.plain.push(' ');
        }
        self.pending_space = false;
    }

    fn push(&mut self, c: char) {
        if self.after_mark
            && c.is_alphanumeric()
            && self.text.plain.ends_with(char::is_alphanumeric)
        {
            self.pending_space = true;
        }
        self.after_mark = false;
        self.flush_space();
        self.text.plain.push(c);
    }

    /// Pushes characters none of which is whitespace or markup.
    fn push_run(&mut self, run: &str) {
        let Some(first) = run.chars().next() else {
            return;
        };
        self.push(first);
        self.text.plain.push_str(&run[first.len_utf8()..]);
    }

    fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.space();
            } else {
                self.push(c);
            }
        }
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn mark(&mut self, mark: &str) {
        self.text.marks.push(MarkRef {
            mark: mark.to_owned(),
            at: self.text.plain.len(),
        });
        self.after_mark = true;
    }

    fn open_emphasis(&mut self) {
        self.flush_space();
        self.open = Some(self.text.plain.len());
    }

    fn close_emphasis(&mut self) {
        if let Some(start) = self.open.take() {
            let end = self.text.plain.len();
            if end > start {
                self.text.emphasis.push(Span::new(start, end));
            }
        }
    }

    /// Appends already-parsed text, shifting its offsets.
    fn append(&mut self, other: &Text) {
        if other.plain.is_empty() {
            for m in &other.marks {
                self.mark(&m.mark);
            }
            return;
        }
        self.flush_space();
        let base = self.text.plain.len();
        self.text.plain.push_str(&other.plain);
        self.text.marks.extend(other.marks.iter().map(|m| MarkRef {
            mark: m.mark.clone(),
            at: base + m.at,
        }));
        self.text.emphasis.extend(
            other
                .emphasis
                .iter()
                .map(|s| Span::new(base + s.start, base + s.end)),
        );
        self.text.joins.extend(other.joins.iter().map(|j| base + j));
    }

    fn finish(mut self) -> Text {
        self.close_emphasis();
        let len = self.text.plain.len();
        for m in &mut self.text.marks {
            m.at = m.at.min(len);
        }
        self.text
    }
}

/// A `*` run that is an emphasis delimiter.
#[derive(Clone, Copy, Debug)]
struct Delim {
    at: usize,
    opens: bool,
    /// A single `*` (italic) rather than `**` (bold).
    italic: bool,
}

/// Pairs `*` and `**` delimiters the way markdown does, roughly: an opener
/// is followed by a non-space, a closer preceded by one. Unpaired stars are
/// text. Returns the paired delimiters sorted by position.
fn pair_emphasis(src: &str) -> Vec<Delim> {
    let bytes = src.as_bytes();
    let mut stacks: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] != b'*' {
            i += 1;
            continue;
        }
        let run = bytes[i..].iter().take_while(|&&b| b == b'*').count();
        let before = src[..i].chars().next_back();
        let after = src[i + run..].chars().next();
        // Emphasis starts and ends at word boundaries: a star inside a word
        // ("a*b") is text, so removing stars never merges two words.
        let left_flanking =
            after.is_some_and(|c| !c.is_whitespace()) && before.is_none_or(|c| !is_word_char(c));
        let right_flanking =
            before.is_some_and(|c| !c.is_whitespace()) && after.is_none_or(|c| !is_word_char(c));
        let kind = usize::from(run != 1); // 0: italic, 1: bold (or longer)
        if right_flanking && !stacks[kind].is_empty() {
            let open = stacks[kind].pop().unwrap_or(0);
            out.push(Delim {
                at: open,
                opens: true,
                italic: kind == 0,
            });
            out.push(Delim {
                at: i,
                opens: false,
                italic: kind == 0,
            });
        } else if left_flanking {
            stacks[kind].push(i);
        }
        i += run;
    }
    out.sort_by_key(|d| d.at);
    out
}

/// A letter or digit of a word; a superscript digit is a footnote mark,
/// which ends a word ("*Urges*²" closes the italics).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && superscript_digit(c).is_none()
}

enum SupContent<'a> {
    Mark(&'a str),
    Text(&'a str),
}

/// `<sup>24</sup>`: a footnote mark when the content is a short number or
/// symbol, text otherwise ("1<sup>st</sup>").
fn sup_mark(rest: &str) -> Option<(SupContent<'_>, usize)> {
    let open_len = tag_len(rest, "sup")?;
    let body = &rest[open_len..];
    let close = window(body, 64).find("</")?;
    if body[..close].contains(['\n', '\r']) {
        // A tag broken across lines is text, not a mark.
        return None;
    }
    let close_tag = &body[close..];
    let close_len = closing_tag_len(close_tag, "sup")?;
    let content = body[..close].trim();
    let len = open_len + close + close_len;
    Some(if is_footnote_mark(content) {
        (SupContent::Mark(content), len)
    } else {
        (SupContent::Text(content), len)
    })
}

/// What `<sup>…</sup>` holds when it is a footnote mark: up to four
/// digits, or one symbol or lower-case letter.
pub(crate) fn is_footnote_mark(content: &str) -> bool {
    let mut chars = content.chars();
    let single = chars.next().is_some() && chars.next().is_none();
    (!content.is_empty()
        && content.len() <= MAX_MARK_LEN
        && content.bytes().all(|b| b.is_ascii_digit()))
        || (single
            && content
                .chars()
                .all(|c| matches!(c, '*' | '†' | '‡' | '§') || c.is_ascii_lowercase()))
}

/// The length of an opening tag `<name>` (case-insensitive, no attributes).
fn tag_len(rest: &str, name: &str) -> Option<usize> {
    delimited_tag_len(rest, "<", name)
}

/// The length of a closing tag `</name>`.
fn closing_tag_len(rest: &str, name: &str) -> Option<usize> {
    delimited_tag_len(rest, "</", name)
}

fn delimited_tag_len(rest: &str, open: &str, name: &str) -> Option<usize> {
    let inner = rest.strip_prefix(open)?;
    let candidate = inner.get(..name.len())?;
    if !candidate.eq_ignore_ascii_case(name) {
        return None;
    }
    let after = &inner[name.len()..];
    let gt = window(after, 8).find('>')?;
    after[..gt]
        .trim()
        .is_empty()
        .then_some(open.len() + name.len() + gt + 1)
}

/// `<br>`, `<br/>`, `<br />`.
fn line_break_tag(rest: &str) -> Option<usize> {
    let inner = rest.strip_prefix('<')?;
    if !inner.get(..2)?.eq_ignore_ascii_case("br") {
        return None;
    }
    let after = &inner[2..];
    let gt = window(after, 4).find('>')?;
    matches!(after[..gt].trim(), "" | "/").then_some(1 + 2 + gt + 1)
}

/// A few HTML character references that PDF converters emit.
fn entity(rest: &str) -> Option<(char, usize)> {
    let semi = window(rest, 12).find(';')?;
    let name = &rest[1..semi];
    let ch = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace())?
        }
    };
    Some((ch, semi + 1))
}

struct Link<'a> {
    label: &'a str,
    target: &'a str,
    len: usize,
}

/// `[label](target)`, looked for within bounded distances.
fn link(rest: &str) -> Option<Link<'_>> {
    let mid = window(rest, MAX_LINK_LABEL).find("](")?;
    let label = &rest[1..mid];
    if label.contains('[') {
        return None;
    }
    let after = &rest[mid + 2..];
    let close = window(after, MAX_LINK_TARGET).find(')')?;
    let target = after[..close].trim();
    if target.contains(char::is_whitespace) {
        return None;
    }
    Some(Link {
        label,
        target,
        len: mid + 2 + close + 1,
    })
}

/// The longest prefix of `s` of at most `max` bytes that ends on a
/// character boundary: bounded look-ahead keeps parsing linear.
pub(crate) fn window(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The digit a Unicode superscript character stands for.
pub fn superscript_digit(c: char) -> Option<char> {
    SUPERSCRIPTS
        .iter()
        .position(|&s| s == c)
        .and_then(|d| char::from_digit(d as u32, 10))
}

/// The superscript form of an ASCII digit ("1" is "¹"), for writers of the
/// text format (`render`, `synth`).
pub fn to_superscript(digit: char) -> Option<char> {
    digit.to_digit(10).map(|d| SUPERSCRIPTS[d as usize])
}

/// Superscript digits, by value.
const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(src: &str) -> String {
        parse_inline(src).plain
    }

    #[test]
    fn italics_are_removed_and_recorded() {
        let got = parse_inline("*Recalling also* the importance");
        assert_eq!(got.plain, "Recalling also the importance");
        assert_eq!(got.emphasis, vec![Span::new(0, 14)]);
    }

    #[test]
    fn a_sup_mark_is_removed_and_recorded_where_cited() {
        let got = parse_inline("Organized Crime<sup>24</sup> and the Protocol,<sup>25</sup>");
        assert_eq!(got.plain, "Organized Crime and the Protocol,");
        let marks: Vec<_> = got.marks.iter().map(|m| (m.mark.as_str(), m.at)).collect();
        assert_eq!(marks, vec![("24", 15), ("25", 33)]);
    }

    #[test]
    fn a_mark_between_letters_separates_two_words() {
        assert_eq!(
            plain("Convention¹and Protocol<sup>2</sup>which"),
            "Convention and Protocol which"
        );
        assert_eq!(plain("Convention¹, and"), "Convention, and");
    }

    #[test]
    fn unicode_superscripts_are_marks() {
        let got = parse_inline("Crime,¹³ taking into consideration");
        assert_eq!(got.plain, "Crime, taking into consideration");
        assert_eq!(got.marks[0].mark, "13");
        assert_eq!(got.marks[0].at, 6);
    }

    #[test]
    fn placeholder_links_keep_their_label_only() {
        assert_eq!(
            plain("General Assembly resolution [71/167](#) of 19 December 2016"),
            "General Assembly resolution 71/167 of 19 December 2016"
        );
    }

    /// Found by the mutation property test: a link glued to a word on
    /// either side keeps the two words apart, as the bracket did.
    #[test]
    fn a_link_glued_to_a_word_stays_a_word_of_its_own() {
        assert_eq!(
            plain("resolution 0[71/167](#)0 of"),
            "resolution 0 71/167 0 of"
        );
        assert_eq!(plain("resolution [71/167](#), of"), "resolution 71/167, of");
    }

    #[test]
    fn real_link_targets_are_kept() {
        assert_eq!(
            plain("see [the report](https://undocs.org/E/2022/27)"),
            "see the report (https://undocs.org/E/2022/27)"
        );
    }

    #[test]
    fn whitespace_of_every_kind_becomes_one_space() {
        assert_eq!(
            plain("Member\u{a0}States  that\nhave\r\n not\tyet  \n"),
            "Member States that have not yet"
        );
    }

    #[test]
    fn a_mark_right_after_italics_closes_them() {
        let got = parse_inline("*Also calls upon*² Member States");
        assert_eq!(got.plain, "Also calls upon Member States");
        assert_eq!(got.emphasis, vec![Span::new(0, 15)]);
        assert_eq!(got.marks[0].at, 15);
    }

    #[test]
    fn bold_is_dropped_without_emphasis() {
        let got = parse_inline("**Decision 33/1**");
        assert_eq!(got.plain, "Decision 33/1");
        assert!(got.emphasis.is_empty());
    }

    #[test]
    fn an_unpaired_star_is_text() {
        assert_eq!(plain("5 * 3 and *open"), "5 * 3 and *open");
    }

    #[test]
    fn hostile_html_stays_text() {
        assert_eq!(
            plain("<script>alert(1)</script> <img src=x onerror=alert(1)>"),
            "<script>alert(1)</script> <img src=x onerror=alert(1)>"
        );
    }

    #[test]
    fn sup_that_is_not_a_mark_is_text() {
        assert_eq!(plain("the 1<sup>st</sup> meeting"), "the 1st meeting");
    }

    #[test]
    fn italic_titles_inside_a_paragraph_are_emphasis() {
        let got =
            parse_inline("the publication of the *Global Report on Trafficking in Persons* and");
        let s = got.emphasis[0];
        assert_eq!(
            &got.plain[s.start..s.end],
            "Global Report on Trafficking in Persons"
        );
    }

    #[test]
    fn joining_texts_shifts_marks_and_emphasis() {
        let mut a = parse_inline("on 27 and 28 September");
        join(
            &mut a,
            &parse_inline("2017, of the *political declaration*,⁷ in which"),
        );
        assert_eq!(
            a.plain,
            "on 27 and 28 September 2017, of the political declaration, in which"
        );
        let e = a.emphasis[0];
        assert_eq!(&a.plain[e.start..e.end], "political declaration");
        assert_eq!(
            &a.plain[..a.marks[0].at],
            "on 27 and 28 September 2017, of the political declaration,"
        );
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            plain("A &amp; B&nbsp;C &#8220;x&#8221;"),
            "A & B C \u{201c}x\u{201d}"
        );
    }

    #[test]
    fn many_openers_without_closers_are_linear_not_quadratic() {
        let src = "&[<sup<".repeat(300_000);
        let got = parse_inline(&src);
        assert_eq!(got.plain.len(), src.len());
    }

    #[test]
    fn many_stars_are_linear_not_quadratic() {
        let src = "*a ".repeat(200_000);
        let got = parse_inline(&src);
        assert_eq!(got.plain.matches('a').count(), 200_000);
    }
}
