//! Other resolutions in the same families must parse as the seeds do: each
//! test rewrites every corpus file the way another source or converter
//! would, and expects the same structure (and every word kept).

mod common;

use clause_explorer::model::Document;
use clause_explorer::outline::{instrument_outline, outline};
use clause_explorer::parse::parse_document;

/// The outline without the file name and with warning lines masked: what
/// must not change when only the formatting does.
fn structure(doc: &Document) -> String {
    outline(doc)
        .lines()
        .filter(|l| !l.starts_with("source:"))
        .map(|l| match l.strip_prefix("warning: line ") {
            Some(rest) => format!("warning: line _{}", &rest[rest.find(':').unwrap_or(0)..]),
            None => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Checks that `rewrite` changes nothing that matters, for every seed.
fn same_structure_after(rewrite: impl Fn(&str) -> String) {
    for (name, text) in common::corpus_texts() {
        let variant = rewrite(&text);
        assert_ne!(variant, text, "{name}: the rewrite changed nothing");
        let expected = structure(&parse_document(&name, &text));
        let got = structure(&parse_document(&name, &variant));
        assert_eq!(got, expected, "{name}");
        common::assert_conserved(&name, &variant);
    }
}

#[test]
fn crlf_line_endings_parse_like_lf() {
    same_structure_after(|s| s.replace('\n', "\r\n"));
}

#[test]
fn non_breaking_spaces_parse_like_spaces() {
    same_structure_after(|s| {
        s.replace(", ", ",\u{a0}")
            .replace(" of ", "\u{a0}of\u{a0}")
            .replace("1. ", "1.\u{a0}")
    });
}

/// Wraps every line longer than `width` at spaces, as a converter that
/// hard-wraps paragraphs does. Headings are left alone.
fn hard_wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.split('\n') {
        if line.starts_with('#') || line.len() <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut len = 0;
        for (k, word) in line.split(' ').filter(|w| !w.is_empty()).enumerate() {
            if k > 0 {
                if len + 1 + word.len() > width {
                    out.push('\n');
                    len = 0;
                } else {
                    out.push(' ');
                    len += 1;
                }
            }
            out.push_str(word);
            len += word.len();
        }
        out.push('\n');
    }
    out
}

#[test]
fn hard_wrapped_paragraphs_parse_like_long_lines() {
    same_structure_after(|s| hard_wrap(s, 72));
}

#[test]
fn a_narrow_hard_wrap_still_parses_the_same() {
    same_structure_after(|s| hard_wrap(s, 30));
}

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// `<sup>24</sup>` becomes `²⁴` and `²⁴` becomes `<sup>24</sup>`.
fn swap_footnote_style(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("<sup>") {
            if let Some(end) = after.find("</sup>") {
                let digits = &after[..end];
                out.extend(digits.bytes().map(|b| SUPERSCRIPTS[usize::from(b - b'0')]));
                rest = &after[end + 6..];
                continue;
            }
        }
        if let Some(d) = SUPERSCRIPTS.iter().position(|&s| s == c) {
            let mut digits = d.to_string();
            let mut tail = &rest[c.len_utf8()..];
            while let Some(n) = tail
                .chars()
                .next()
                .and_then(|n| SUPERSCRIPTS.iter().position(|&s| s == n))
            {
                digits.push_str(&n.to_string());
                tail = &tail[SUPERSCRIPTS[n].len_utf8()..];
            }
            out.push_str(&format!("<sup>{digits}</sup>"));
            rest = tail;
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[test]
fn swapped_footnote_styles_parse_the_same() {
    same_structure_after(swap_footnote_style);
}

#[test]
fn texts_without_italics_parse_the_same() {
    same_structure_after(|s| {
        // Single stars only: bold (`**`) marks headings and stays.
        let mut out = String::new();
        let chars: Vec<char> = s.chars().collect();
        for (k, &c) in chars.iter().enumerate() {
            let bold =
                c == '*' && (chars.get(k + 1) == Some(&'*') || (k > 0 && chars[k - 1] == '*'));
            if c != '*' || bold {
                out.push(c);
            }
        }
        out
    });
}

#[test]
fn two_resolutions_in_one_file_parse_as_each_alone() {
    let texts = common::corpus_texts();
    for pair in texts.windows(2) {
        let ((a_name, a), (b_name, b)) = (&pair[0], &pair[1]);
        let joined = format!("{a}\n\n{b}");
        let both = parse_document("both.txt", &joined);
        let alone: Vec<String> = [parse_document(a_name, a), parse_document(b_name, b)]
            .iter()
            .flat_map(|d| {
                d.instruments
                    .iter()
                    .map(instrument_outline)
                    .collect::<Vec<_>>()
            })
            .collect();
        let together: Vec<String> = both.instruments.iter().map(instrument_outline).collect();
        assert_eq!(together, alone, "{a_name} + {b_name}");
        common::assert_conserved("both.txt", &joined);
    }
}

#[test]
fn a_byte_order_mark_is_not_text() {
    let (name, text) = &common::corpus_texts()[0];
    let with_bom = format!("\u{feff}{text}");
    let decoded = clause_explorer::input::decode(with_bom.as_bytes()).unwrap();
    assert_eq!(
        structure(&parse_document(name, &decoded)),
        structure(&parse_document(name, text))
    );
}
