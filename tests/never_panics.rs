//! Bad input gets a best-effort result, never a panic, and loses nothing.

mod common;

use clause_explorer::input::decode;
use clause_explorer::parse::parse_document;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_string_parses_without_panicking(src in "\\PC{0,600}") {
        let _ = parse_document("any.txt", &src);
    }

    #[test]
    fn any_markup_soup_parses_without_panicking(
        src in "([-*#_()\\[\\]<>/&;:.,¹²³ \\n\\r\u{a0}a-c1-3]|<sup>|</sup>|\\*\\*|\\(a\\) |1\\. |The General Assembly,\\n\\n|Resolution 1/1\\n\\n){0,200}"
    ) {
        let _ = parse_document("soup.txt", &src);
    }

    #[test]
    fn any_bytes_are_read_or_refused_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..800)) {
        if let Ok(text) = decode(&bytes) {
            let _ = parse_document("bytes.txt", &text);
        }
    }

    #[test]
    fn mutated_seed_texts_parse_and_keep_every_word(
        file in 0usize..5,
        edits in prop::collection::vec((0usize..6, any::<prop::sample::Index>(), any::<prop::sample::Index>(), "[a-zA-Z0-9 ,.;:()*#\\n-]{0,12}"), 1..6),
    ) {
        let texts = common::corpus_texts();
        let (name, text) = &texts[file % texts.len()];
        let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        for (op, a, b, insert) in edits {
            let i = a.index(lines.len().max(1));
            let j = b.index(lines.len().max(1));
            match op {
                0 if lines.len() > 1 => { lines.remove(i); }
                1 => { let l = lines[i].clone(); lines.insert(j, l); }
                2 => lines.swap(i, j),
                3 => lines.insert(i, insert),
                4 => {
                    let line = &mut lines[i];
                    let at = (0..=line.len()).rev().filter(|&k| line.is_char_boundary(k)).nth(j % (line.len() + 1)).unwrap_or(0);
                    line.insert_str(at, &insert);
                }
                _ => lines.truncate(i + 1),
            }
        }
        let mutated = lines.join("\n");
        common::assert_conserved(name, &mutated);
    }
}

#[test]
fn a_ten_megabyte_single_line_parses() {
    let line = "Recalling the importance of the Convention, ".repeat(10 * 1024 * 1024 / 44);
    let doc = parse_document("long.txt", &line);
    let words: usize = doc
        .unassigned
        .iter()
        .map(|p| p.text.split(' ').count())
        .sum();
    assert_eq!(words, line.split_whitespace().count());
}

#[test]
fn empty_and_binary_files_are_refused_with_a_reason() {
    assert_eq!(decode(b"").unwrap_err().to_string(), "the file is empty");
    let pdf = b"%PDF-1.7\n\x00\x01\x02binary";
    assert!(decode(pdf)
        .unwrap_err()
        .to_string()
        .starts_with("binary data at byte"));
    let latin1 = b"R\xe9solution";
    assert!(decode(latin1)
        .unwrap_err()
        .to_string()
        .starts_with("not UTF-8 text"));
}
