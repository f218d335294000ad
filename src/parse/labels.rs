//! Sub-paragraph labels and their sequences.
//!
//! UN texts nest sub-paragraphs as (a), (b), (c) → (i), (ii), (iii) → a., b.,
//! c. → i., ii., iii. Security Council texts also use numbers ("(1)", and
//! "1." inside a sub-paragraph) and bullets or dashes ("•", "–", "-"), at
//! any level. The same label can belong to two sequences: "(i)" is
//! the ninth letter after "(h)" and the first roman numeral after "(a)". A
//! label is placed where it continues a sequence already open, deepest
//! level first; failing that it opens a new, deeper level; failing that it
//! is out of sequence and stays at the current level.

/// How a label is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    /// "(a)", "(iv)"
    Parenthesised,
    /// "a.", "iv.", and "1." inside a sub-paragraph
    Dotted,
    /// "•", "–", "-": the label is the bullet itself.
    Bullet,
}

/// What a sequence counts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counter {
    /// a, b, … z, aa, bb, …
    Letter,
    /// i, ii, iii, iv, …
    Roman,
    /// 1, 2, 3, …
    Number,
    /// The same bullet again and again.
    Bullet,
}

/// One open level of sub-paragraphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Level {
    pub delimiter: Delimiter,
    pub counter: Counter,
    /// The last label placed at this level.
    pub last: String,
}

impl Level {
    fn expects(&self) -> String {
        next(&self.last, self.counter)
    }
}

/// A label at the start of a block: its text without brackets or dot, how it
/// is delimited, and the byte length of label and following whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawLabel<'a> {
    pub label: &'a str,
    pub delimiter: Delimiter,
    pub len: usize,
}

/// The characters that open a bulleted or dashed item.
const BULLETS: &[char] = &['\u{2022}', '\u{2013}', '-'];

/// Recognises "(a) ", "(iv) ", "(1) ", "a. ", "iv. " and a bullet ("• ",
/// "– ", "- ") at the start of `text`. Dotted labels are single letters or
/// roman numerals; numbered ones have one or two digits; a bullet is
/// followed by a word.
pub fn label_at_start(text: &str) -> Option<RawLabel<'_>> {
    if let Some(bullet) = text.chars().next().filter(|c| BULLETS.contains(c)) {
        let n = bullet.len_utf8();
        let after = &text[n..];
        let rest = after.trim_start();
        let space = after.len() - rest.len();
        let word = rest.starts_with(|c: char| c.is_alphabetic() || matches!(c, '\u{201c}' | '"'));
        return (space > 0 && word).then(|| RawLabel {
            label: &text[..n],
            delimiter: Delimiter::Bullet,
            len: n + space,
        });
    }
    // Labels are short: look no further than a few bytes.
    let (label, delimiter, consumed) = if let Some(rest) = text.strip_prefix('(') {
        let close = rest.bytes().take(8).position(|b| b == b')')?;
        let label = &rest[..close];
        (label, Delimiter::Parenthesised, close + 2)
    } else {
        let dot = text.bytes().take(8).position(|b| b == b'.')?;
        let label = &text[..dot];
        let single_letter = label.len() == 1;
        if !(single_letter || roman_value(label).is_some()) {
            return None;
        }
        (label, Delimiter::Dotted, dot + 1)
    };
    let number = delimiter == Delimiter::Parenthesised && is_number_label(label);
    let valid = number
        || (!label.is_empty()
            && label.len() <= 5
            && label.bytes().all(|b| b.is_ascii_lowercase())
            && (is_letter_label(label) || roman_value(label).is_some()));
    if !valid {
        return None;
    }
    let after = &text[consumed..];
    let space = after.len() - after.trim_start().len();
    if space == 0 {
        return None;
    }
    Some(RawLabel {
        label,
        delimiter,
        len: consumed + space,
    })
}

/// Where a label goes, given the levels open now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    /// 0 for the outermost level.
    pub depth: usize,
    pub counter: Counter,
    /// Set when the label does not continue any sequence: what was expected
    /// at that depth.
    pub expected: Option<String>,
}

/// Places `raw` among the open `levels` (outermost first).
pub fn place(levels: &[Level], raw: &RawLabel<'_>) -> Placement {
    // A bullet continues the level of the same bullet, or opens one.
    if raw.delimiter == Delimiter::Bullet {
        let depth = levels
            .iter()
            .rposition(|l| l.delimiter == Delimiter::Bullet && l.last == raw.label)
            .unwrap_or(levels.len());
        return Placement {
            depth,
            counter: Counter::Bullet,
            expected: None,
        };
    }
    // Continue an open sequence, deepest first.
    for (depth, level) in levels.iter().enumerate().rev() {
        if level.delimiter == raw.delimiter && level.expects() == raw.label {
            return Placement {
                depth,
                counter: level.counter,
                expected: None,
            };
        }
    }
    // Open a deeper level with a first label.
    if let Some(counter) = first_of(raw.label) {
        return Placement {
            depth: levels.len(),
            counter,
            expected: None,
        };
    }
    // Out of sequence: stay at the deepest level of the same delimiter.
    match levels.iter().rposition(|l| l.delimiter == raw.delimiter) {
        Some(depth) => Placement {
            depth,
            counter: levels[depth].counter,
            expected: Some(levels[depth].expects()),
        },
        None => Placement {
            depth: levels.len(),
            counter: if is_number_label(raw.label) {
                Counter::Number
            } else if is_letter_label(raw.label) {
                Counter::Letter
            } else {
                Counter::Roman
            },
            expected: Some(if is_number_label(raw.label) { "1" } else { "a" }.to_owned()),
        },
    }
}

fn first_of(label: &str) -> Option<Counter> {
    match label {
        "a" => Some(Counter::Letter),
        "i" => Some(Counter::Roman),
        "1" => Some(Counter::Number),
        _ => None,
    }
}

/// "1" to "99", without a leading zero.
pub fn is_number_label(label: &str) -> bool {
    (1..=2).contains(&label.len())
        && !label.starts_with('0')
        && label.bytes().all(|b| b.is_ascii_digit())
}

/// a … z, then aa, bb, … zz as UN texts do after (z).
fn is_letter_label(label: &str) -> bool {
    let mut chars = label.chars();
    let first = chars.next();
    first.is_some() && chars.all(|c| Some(c) == first)
}

/// The label after `label` in its sequence.
pub fn next(label: &str, counter: Counter) -> String {
    match counter {
        Counter::Letter => {
            let first = label.chars().next().unwrap_or('a');
            let n = label.chars().count();
            if first == 'z' {
                "a".repeat(n + 1)
            } else {
                let c = char::from(first as u8 + 1);
                c.to_string().repeat(n.max(1))
            }
        }
        Counter::Roman => to_roman(roman_value(label).unwrap_or(0) + 1),
        Counter::Number => (label.parse::<u32>().unwrap_or(0) + 1).to_string(),
        Counter::Bullet => label.to_owned(),
    }
}

/// The value of a lower-case roman numeral, if it is one written the
/// standard way.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            'c' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (to_roman(total) == s).then_some(total)
}

/// Lower-case Roman numerals, by the subtractive rule (the parser's
/// labels and Word's automatic numbering write them alike).
pub fn to_roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for &(v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(delimiter: Delimiter, counter: Counter, last: &str) -> Level {
        Level {
            delimiter,
            counter,
            last: last.to_owned(),
        }
    }

    fn raw(text: &str) -> RawLabel<'_> {
        label_at_start(text).unwrap()
    }

    #[test]
    fn labels_are_recognised_at_the_start_of_a_block() {
        assert_eq!(raw("(a) To reinforce").label, "a");
        assert_eq!(raw("(iv) Train").label, "iv");
        assert_eq!(raw("b. Assess").delimiter, Delimiter::Dotted);
        assert_eq!(label_at_start("(COVID-19) pandemic"), None);
        assert_eq!(label_at_start("(a)no space"), None);
        assert_eq!(label_at_start("No. 39574."), None);
    }

    #[test]
    fn i_after_h_is_the_ninth_letter() {
        let levels = [level(Delimiter::Parenthesised, Counter::Letter, "h")];
        let p = place(&levels, &raw("(i) To put the rights"));
        assert_eq!((p.depth, p.counter), (0, Counter::Letter));
    }

    #[test]
    fn i_after_a_opens_a_roman_level() {
        let levels = [level(Delimiter::Parenthesised, Counter::Letter, "a")];
        let p = place(&levels, &raw("(i) first"));
        assert_eq!((p.depth, p.counter), (1, Counter::Roman));
    }

    #[test]
    fn a_letter_after_romans_closes_the_roman_level() {
        let levels = [
            level(Delimiter::Parenthesised, Counter::Letter, "a"),
            level(Delimiter::Parenthesised, Counter::Roman, "ii"),
        ];
        let p = place(&levels, &raw("(b) second"));
        assert_eq!(p.depth, 0);
        assert_eq!(p.expected, None);
    }

    #[test]
    fn a_skipped_letter_is_out_of_sequence() {
        let levels = [level(Delimiter::Parenthesised, Counter::Letter, "a")];
        let p = place(&levels, &raw("(c) third"));
        assert_eq!(p.depth, 0);
        assert_eq!(p.expected.as_deref(), Some("b"));
    }

    #[test]
    fn letters_double_after_z() {
        assert_eq!(next("z", Counter::Letter), "aa");
        assert_eq!(next("aa", Counter::Letter), "bb");
        assert_eq!(next("viii", Counter::Roman), "ix");
    }

    #[test]
    fn roman_numerals_must_be_standard() {
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(roman_value("ic"), None);
    }
}
