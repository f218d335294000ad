//! The Markdown and plain-text exports.
//!
//! A clause's own characters never act as Markdown: every ASCII
//! punctuation mark that Markdown gives a meaning is escaped with a
//! backslash (CommonMark allows it before any punctuation), and a number
//! that opens a line ("4. Urges") has its dot escaped, so that it stays a
//! paragraph number and does not become a list.

use super::{adopted, instrument_name, symbol, ClauseRecord};
use crate::diff::{SideBySide, Tag};
use crate::model::{Instrument, Paragraph, Subparagraph};

/// Text for Markdown. A text of several lines keeps them: each ends in a
/// hard break and the next starts with `continuation` (the block's
/// prefix, such as `> `).
fn escape(out: &mut String, text: &str, continuation: &str) {
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            // A hard line break (two spaces), then the block's prefix.
            out.push_str("  \n");
            out.push_str(continuation);
        }
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        for (i, c) in line.char_indices() {
            let opens_list = digits > 0 && i == digits && (c == '.' || c == ')');
            if opens_list || "\\`*_{}[]<>#+-!|~".contains(c) && c.is_ascii() {
                out.push('\\');
            }
            out.push(c);
        }
    }
}

/// Clauses as Markdown: a heading, then per clause its citation (a link
/// into the explorer), instrument and year, and its text as a quotation.
pub fn markdown(title: &str, records: &[ClauseRecord]) -> String {
    let mut out = String::from("# ");
    escape(&mut out, title, "");
    out.push_str("\n\n");
    for r in records {
        out.push_str("**");
        if r.link.is_empty() {
            escape(&mut out, &r.citation, "");
        } else {
            out.push('[');
            escape(&mut out, &r.citation, "");
            out.push_str("](<");
            // Inside <…> only the angle brackets and line breaks matter.
            out.push_str(&r.link.replace(['<', '>', '\n', '\r'], ""));
            out.push_str(">)");
        }
        out.push_str("** \u{2014} ");
        escape(&mut out, &r.instrument, "");
        if !r.year.is_empty() {
            out.push_str(" (");
            out.push_str(&r.year);
            out.push(')');
        }
        out.push_str("\n\n> ");
        escape(&mut out, &r.text, "> ");
        out.push_str("\n\n");
    }
    out
}

/// A paragraph's text with its lead in italics (Markdown) or as is, and
/// its citation; its sub-paragraphs on lines of their own, indented.
fn paragraph_line(out: &mut String, p: &Paragraph, md: bool) {
    let number = p.number.map(|n| format!("{n}. ")).unwrap_or_default();
    let lead_len = p.lead.as_ref().map_or(0, String::len);
    let plain = &p.text.plain;
    let (lead, rest) = if lead_len <= plain.len() && plain.is_char_boundary(lead_len) {
        plain.split_at(lead_len)
    } else {
        ("", plain.as_str())
    };
    if md {
        escape(out, &number, "");
        if !lead.is_empty() {
            out.push('*');
            escape(out, lead, "");
            out.push('*');
        }
        escape(out, rest, "");
        out.push_str(" (");
        escape(out, &p.citation, "");
        out.push(')');
    } else {
        out.push_str(&number);
        out.push_str(plain);
        out.push_str(" (");
        out.push_str(&p.citation);
        out.push(')');
    }
    for s in &p.subparagraphs {
        sub_line(out, s, 1, md);
    }
    out.push('\n');
}

fn sub_line(out: &mut String, s: &Subparagraph, depth: usize, md: bool) {
    let text = format!("{} {}", s.printed_label(), s.text.plain);
    if md {
        // A hard line break, then an indent of non-breaking spaces (four
        // real spaces would start a code block).
        out.push_str("  \n");
        out.push_str(&"\u{a0}".repeat(4 * depth));
        escape(out, &text, "");
        out.push_str(" (");
        escape(out, &s.citation, "");
        out.push(')');
    } else {
        out.push('\n');
        out.push_str(&"    ".repeat(depth));
        out.push_str(&text);
        out.push_str(" (");
        out.push_str(&s.citation);
        out.push(')');
    }
    for c in &s.subparagraphs {
        sub_line(out, c, depth + 1, md);
    }
}

fn instrument(inst: &Instrument, md: bool) -> String {
    let mut out = String::new();
    let name = instrument_name(inst);
    let mut facts = vec![inst.citation.clone()];
    facts.extend(Some(symbol(inst).to_owned()).filter(|s| !s.is_empty() && *s != inst.citation));
    facts.extend(adopted(inst));
    let heading = |out: &mut String, text: &str, level: &str| {
        if md {
            out.push_str(level);
            out.push(' ');
            escape(out, text, "");
            out.push_str("\n\n");
        } else {
            out.push_str(text);
            out.push_str("\n\n");
        }
    };
    heading(&mut out, name, "#");
    if md {
        escape(&mut out, &facts.join(" \u{b7} "), "");
    } else {
        out.push_str(&facts.join(" \u{b7} "));
    }
    out.push_str("\n\n");
    if let Some(body) = &inst.body {
        if md {
            out.push('*');
            escape(&mut out, body, "");
            out.push_str("*,\n\n");
        } else {
            out.push_str(body);
            out.push_str(",\n\n");
        }
    }
    for p in inst.preambular.iter().chain(&inst.operative) {
        if let Some(h) = &p.heading {
            heading(&mut out, h, "##");
        }
        paragraph_line(&mut out, p, md);
        out.push('\n');
    }
    if !inst.annex.is_empty() {
        heading(&mut out, "Annex", "##");
        for a in &inst.annex {
            if md {
                escape(&mut out, &a.text, "");
            } else {
                out.push_str(&a.text);
            }
            out.push_str("\n\n");
        }
    }
    if !inst.footnotes.is_empty() {
        heading(&mut out, "Notes", "##");
        for f in &inst.footnotes {
            if md {
                out.push_str(&format!(
                    "{}\\. ",
                    f.mark.replace(|c: char| !c.is_alphanumeric(), "")
                ));
                escape(&mut out, &f.text.plain, "");
            } else {
                out.push_str(&format!("{}. {}", f.mark, f.text.plain));
            }
            out.push_str("\n\n");
        }
    }
    out
}

/// An instrument as Markdown: its title, citation, symbol and date, the
/// enacting body, every paragraph (lead in italics) with its citation, the
/// annex and the footnotes.
pub fn instrument_markdown(inst: &Instrument) -> String {
    instrument(inst, true)
}

/// The same as plain text: sub-paragraphs indented, no markup.
pub fn instrument_text(inst: &Instrument) -> String {
    instrument(inst, false)
}

/// A comparison as Markdown: the changes in one text (~~removed~~,
/// **added**, as a redline reads), then each side in full.
pub fn comparison_markdown(left: &str, right: &str, diff: &SideBySide) -> String {
    let mut out = String::from("# ");
    escape(&mut out, left, "");
    out.push_str(" compared with ");
    escape(&mut out, right, "");
    out.push_str(&format!(
        "\n\n{:.0}% of the words unchanged. ~~Struck out~~: only in {}; **bold**: only in {}.\n\n## Changes\n\n",
        diff.similarity * 100.0,
        left.replace(['*', '~', '_'], ""),
        right.replace(['*', '~', '_'], "")
    ));
    for row in &diff.rows {
        let (mut i, mut j) = (0, 0);
        while i < row.left.len() || j < row.right.len() {
            let l = row.left.get(i);
            let r = row.right.get(j);
            match (l, r) {
                (Some(l), _) if l.tag == Tag::Delete => {
                    mark(&mut out, "~~", &l.text);
                    i += 1;
                }
                (_, Some(r)) if r.tag == Tag::Insert => {
                    // "~~strengthen~~ **enhance**": a word replaced by a
                    // word reads as two words.
                    let replaces_word = i > 0
                        && row.left[i - 1].tag == Tag::Delete
                        && out.ends_with(|c: char| c == '~')
                        && r.text.starts_with(char::is_alphanumeric)
                        && row.left[i - 1].text.ends_with(char::is_alphanumeric);
                    if replaces_word {
                        out.push(' ');
                    }
                    mark(&mut out, "**", &r.text);
                    j += 1;
                }
                (_, Some(r)) => {
                    escape(&mut out, &r.text, "");
                    i += 1;
                    j += 1;
                }
                (Some(l), None) => {
                    escape(&mut out, &l.text, "");
                    i += 1;
                }
                (None, None) => break,
            }
        }
    }
    for (name, side) in [(left, diff.left_text()), (right, diff.right_text())] {
        out.push_str("\n\n## ");
        escape(&mut out, name, "");
        out.push_str("\n\n> ");
        escape(&mut out, &side, "> ");
    }
    out.push('\n');
    out
}

/// A changed passage between markers, its own spaces kept outside them
/// (Markdown does not close `**` before a space).
fn mark(out: &mut String, marker: &str, text: &str) {
    let inner = text.trim();
    if inner.is_empty() {
        out.push_str(text);
        return;
    }
    let before = &text[..text.len() - text.trim_start().len()];
    let after = &text[text.trim_end().len()..];
    out.push_str(before);
    out.push_str(marker);
    escape(out, inner, "");
    out.push_str(marker);
    out.push_str(after);
}
