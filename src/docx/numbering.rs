//! `word/numbering.xml`: Word's automatic numbering, turned into the label
//! ("3.", "(b)") it shows before a paragraph.
//!
//! A paragraph names a numbering instance (`w:num`, by `w:numId`) and a
//! level (`w:ilvl`). The instance points at an abstract definition
//! (`w:abstractNum`) whose levels give the format (`w:numFmt`), the label
//! pattern (`w:lvlText`, "%1." or "(%2)") and the first value (`w:start`);
//! the instance may override a level's first value
//! (`w:lvlOverride/w:startOverride`) or the whole level.
//!
//! Counting follows Word: instances of one abstract definition share their
//! counters (a list split by other paragraphs, or copied under a new
//! `w:numId`, goes on counting), except that an instance with a start
//! override restarts those levels the first time it is used. A level
//! restarts when a lower level (a smaller `w:ilvl`) advances, unless its
//! `w:lvlRestart` says otherwise.

use std::collections::{HashMap, HashSet};

use roxmltree::{Document, Node};

use super::xml;

/// Word's nine list levels.
const LEVELS: usize = 9;

/// How a level writes its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NumFormat {
    /// 1, 2, 3 (also the fallback for formats not listed here).
    Decimal,
    /// 01, 02, … 10.
    DecimalZero,
    /// a, b, … z, aa, bb.
    LowerLetter,
    /// A, B, … Z, AA, BB.
    UpperLetter,
    /// i, ii, iii, iv.
    LowerRoman,
    /// I, II, III, IV.
    UpperRoman,
    /// The level's text is a bullet character, written "•".
    Bullet,
    /// No number: the label is the level's text without it.
    None,
    /// *, †, ‡, § and then doubled (footnotes only, `chicago`).
    Chicago,
}

impl NumFormat {
    /// Reads a `w:numFmt` value.
    pub fn from_name(name: &str) -> NumFormat {
        match name {
            "decimalZero" => NumFormat::DecimalZero,
            "lowerLetter" => NumFormat::LowerLetter,
            "upperLetter" => NumFormat::UpperLetter,
            "lowerRoman" => NumFormat::LowerRoman,
            "upperRoman" => NumFormat::UpperRoman,
            "bullet" => NumFormat::Bullet,
            "none" => NumFormat::None,
            "chicago" => NumFormat::Chicago,
            _ => NumFormat::Decimal,
        }
    }

    /// Writes `n` in this format.
    pub fn format(self, n: u32) -> String {
        match self {
            NumFormat::Decimal => n.to_string(),
            NumFormat::DecimalZero => format!("{n:02}"),
            NumFormat::LowerLetter => letters(n),
            NumFormat::UpperLetter => letters(n).to_ascii_uppercase(),
            NumFormat::LowerRoman => roman(n),
            NumFormat::UpperRoman => roman(n).to_ascii_uppercase(),
            NumFormat::Bullet | NumFormat::None => String::new(),
            NumFormat::Chicago => {
                const SYMBOLS: [char; 4] = ['*', '†', '‡', '§'];
                let n = n.max(1) as usize - 1;
                let symbol = SYMBOLS[n % SYMBOLS.len()];
                std::iter::repeat_n(symbol, (n / SYMBOLS.len() + 1).min(8)).collect()
            }
        }
    }
}

/// Word's letters: 1 → a, 26 → z, 27 → aa, 53 → aaa.
fn letters(n: u32) -> String {
    if n == 0 {
        return "0".to_owned();
    }
    let index = (n - 1) % 26;
    let repeat = ((n - 1) / 26 + 1).min(50) as usize;
    let letter = char::from(b'a' + index as u8);
    std::iter::repeat_n(letter, repeat).collect()
}

/// Lower-case Roman numerals; 0 and past 3999 in decimal.
fn roman(n: u32) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    crate::parse::to_roman(n)
}

/// One level of a list definition.
#[derive(Clone, Debug)]
struct Level {
    start: u32,
    format: NumFormat,
    /// `w:lvlText`: the label, with `%1`…`%9` for the levels' numbers.
    text: String,
    /// `w:lvlRestart`: restart after a level below this 1-based level
    /// advances; 0 is never. Absent: after any lower level.
    restart: Option<u32>,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            format: NumFormat::Decimal,
            text: String::new(),
            restart: None,
        }
    }
}

/// A `w:num`: which definition, and its overrides by level.
#[derive(Default)]
struct Instance {
    abstract_id: u32,
    start_overrides: Vec<(usize, u32)>,
    level_overrides: HashMap<usize, Level>,
}

/// The numbering definitions of a document.
#[derive(Default)]
pub(super) struct Numbering {
    instances: HashMap<u32, Instance>,
    definitions: HashMap<u32, [Level; LEVELS]>,
}

/// The counters while a document is read.
#[derive(Default)]
pub(super) struct Counters {
    /// The last value shown at each level, by abstract definition.
    values: HashMap<u32, [Option<u32>; LEVELS]>,
    /// The instances already used (their start overrides applied).
    used: HashSet<u32>,
}

impl Numbering {
    /// Reads `word/numbering.xml`.
    pub fn read(doc: &Document<'_>) -> Numbering {
        let root = doc.root_element();
        let definitions = xml::children(root, "abstractNum")
            .filter_map(|node| {
                let id = xml::attr(node, "abstractNumId")?.trim().parse().ok()?;
                let mut levels: [Level; LEVELS] = Default::default();
                for lvl in xml::children(node, "lvl") {
                    if let Some((i, level)) = level(lvl) {
                        levels[i] = level;
                    }
                }
                Some((id, levels))
            })
            .collect();
        let instances = xml::children(root, "num")
            .filter_map(|node| {
                let id = xml::attr(node, "numId")?.trim().parse().ok()?;
                let mut instance = Instance {
                    abstract_id: xml::child_number(node, "abstractNumId")?,
                    ..Instance::default()
                };
                for o in xml::children(node, "lvlOverride") {
                    let Some(i) = level_index(o) else { continue };
                    if let Some(start) = xml::child_number(o, "startOverride") {
                        instance.start_overrides.push((i, start));
                    }
                    if let Some((_, level)) = xml::child(o, "lvl").and_then(level) {
                        instance.level_overrides.insert(i, level);
                    }
                }
                Some((id, instance))
            })
            .collect();
        Numbering {
            instances,
            definitions,
        }
    }

    /// Counts one paragraph of instance `num_id` at `level`, and returns
    /// the label Word shows for it (`None` for no numbering, or a label
    /// that is empty).
    pub fn label(&self, counters: &mut Counters, num_id: u32, level: u8) -> Option<String> {
        let instance = self.instances.get(&num_id)?;
        let definition = self.definitions.get(&instance.abstract_id);
        let ilvl = usize::from(level).min(LEVELS - 1);
        let level_of = |i: usize| -> Level {
            instance
                .level_overrides
                .get(&i)
                .cloned()
                .or_else(|| definition.map(|d| d[i].clone()))
                .unwrap_or_default()
        };
        let values = counters.values.entry(instance.abstract_id).or_default();
        if counters.used.insert(num_id) {
            for &(i, start) in &instance.start_overrides {
                // The value "shown last", so that the next is `start` (a
                // start of 0 leaves none, and the override below applies).
                values[i] = start.checked_sub(1);
            }
        }
        let this = level_of(ilvl);
        let start_override = instance
            .start_overrides
            .iter()
            .find(|(i, _)| *i == ilvl)
            .map(|&(_, s)| s);
        let next = match values[ilvl] {
            Some(v) => v.saturating_add(1),
            None => start_override.unwrap_or(this.start),
        };
        values[ilvl] = Some(next);
        for (deeper, value) in values.iter_mut().enumerate().skip(ilvl + 1) {
            let restarts = level_of(deeper).restart.is_none_or(|r| (ilvl as u32) < r);
            if restarts {
                *value = None;
            }
        }
        if this.format == NumFormat::Bullet {
            return Some("•".to_owned());
        }
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match (c, digit) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let i = d as usize - 1;
                    let l = level_of(i);
                    let n = values[i].unwrap_or(l.start);
                    label.push_str(&l.format.format(n));
                }
                _ => label.push(c),
            }
        }
        let label = label.trim().to_owned();
        (!label.is_empty()).then_some(label)
    }
}

/// `w:ilvl` of a `w:lvl` or `w:lvlOverride`, if it is one of the nine.
fn level_index(node: Node<'_, '_>) -> Option<usize> {
    let i: usize = xml::attr(node, "ilvl")?.trim().parse().ok()?;
    (i < LEVELS).then_some(i)
}

fn level(node: Node<'_, '_>) -> Option<(usize, Level)> {
    let i = level_index(node)?;
    Some((
        i,
        Level {
            start: xml::child_number(node, "start").unwrap_or(1),
            format: xml::child_val(node, "numFmt").map_or(NumFormat::Decimal, NumFormat::from_name),
            text: xml::child_val(node, "lvlText").unwrap_or("").to_owned(),
            restart: xml::child_number(node, "lvlRestart"),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_repeat_past_z_as_word_does() {
        let got: Vec<String> = [1, 2, 26, 27, 28].map(letters).to_vec();
        assert_eq!(got, ["a", "b", "z", "aa", "bb"]);
    }

    #[test]
    fn roman_numerals_follow_the_subtractive_rule() {
        let got: Vec<String> = [1, 4, 9, 14, 40, 1999].map(roman).to_vec();
        assert_eq!(got, ["i", "iv", "ix", "xiv", "xl", "mcmxcix"]);
    }

    #[test]
    fn chicago_marks_double_after_the_fourth() {
        let got: Vec<String> = [1, 2, 4, 5].map(|n| NumFormat::Chicago.format(n)).to_vec();
        assert_eq!(got, ["*", "†", "§", "**"]);
    }
}
