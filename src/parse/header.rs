//! Recognising the lines around an instrument's text: its designation
//! ("Resolution 33/1"), the General Assembly's "78/228. Title" form, and
//! the adoption line ("7th meeting, 16 May 2024").
//!
//! Each function takes a block's plain text (markup removed).

use crate::model::InstrumentKind;

/// A designation: what the instrument is and its symbol if printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Designation {
    pub kind: InstrumentKind,
    pub symbol: Option<String>,
    /// For the "78/228. Title" form, the title that follows the symbol.
    pub title: Option<String>,
}

/// "Resolution 33/1", "Decision 33/1", "Draft resolution I", "Resolution
/// 2331 (2016)", "Resolution": at most four words.
pub fn designation(plain: &str) -> Option<Designation> {
    if plain.len() > 48 || !plain.starts_with(['R', 'r', 'D', 'd']) {
        return None;
    }
    let mut words: Vec<&str> = plain.split(' ').collect();
    if words.len() > 4 {
        return None;
    }
    if words[0].eq_ignore_ascii_case("draft") {
        words.remove(0);
    }
    let kind = match words.first().map(|w| w.to_ascii_lowercase()).as_deref() {
        Some("resolution") => InstrumentKind::Resolution,
        Some("decision") => InstrumentKind::Decision,
        _ => return None,
    };
    if !words[0].starts_with(|c: char| c.is_uppercase()) && !plain.starts_with("Draft") {
        return None;
    }
    let symbol = match &words[1..] {
        [] => None,
        [id] if is_roman_upper(id) => None,
        [id] if is_symbol(id) => Some((*id).to_owned()),
        [id, year] if is_symbol(id) && is_year_in_brackets(year) => Some(format!("{id} {year}")),
        _ => return None,
    };
    Some(Designation {
        kind,
        symbol,
        title: None,
    })
}

/// The General Assembly's heading form: "78/228. Improving the coordination
/// of efforts against trafficking in persons".
pub fn numbered_title(plain: &str) -> Option<Designation> {
    if !plain.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (symbol, title) = plain.split_once(". ")?;
    let (session, number) = symbol.split_once('/')?;
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(session) || !digits(number) || !title.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    Some(Designation {
        kind: InstrumentKind::Resolution,
        symbol: Some(symbol.to_owned()),
        title: Some(title.trim_end_matches('.').to_owned()),
    })
}

/// "33/1", "11/5", "2331", "S-17/1": a symbol has a digit and no spaces.
fn is_symbol(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
        && s.len() <= 16
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '.'))
        && !s.ends_with('.')
}

fn is_roman_upper(s: &str) -> bool {
    !s.is_empty() && s.len() <= 6 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

fn is_year_in_brackets(s: &str) -> bool {
    s.len() == 6
        && s.starts_with('(')
        && s.ends_with(')')
        && s[1..5].bytes().all(|b| b.is_ascii_digit())
}

/// The line under a Security Council designation: "Adopted by the Security
/// Council at its 7847th meeting, on 20 December 2016", "… at its 8700th
/// (resumed) meeting, on10 January 2020", or, for the written procedure,
/// "Adopted by the Security Council on 30 March 2020". Returns the year.
pub fn adopted_by(plain: &str) -> Option<Option<u16>> {
    let rest = plain.strip_prefix("Adopted by ")?;
    let dated = date_in(rest).is_some();
    ((rest.contains("meeting") || dated) && plain.split(' ').count() <= 20).then(|| year_in(plain))
}

/// The first date written "29 May 2020" (spaces may be missing:
/// "on29 May 2020") in a text, as ISO 8601: "2020-05-29".
pub fn date_in(text: &str) -> Option<String> {
    for (m, month) in crate::model::MONTHS.iter().enumerate() {
        let Some(at) = text.find(month) else {
            continue;
        };
        let before = text[..at].trim_end();
        let day_digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
        let after = text[at + month.len()..].trim_start();
        let year_digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&day_digits) || year_digits != 4 {
            continue;
        }
        let day: u32 = before[before.len() - day_digits..].parse().ok()?;
        let year: u16 = after[..4].parse().ok()?;
        if (1..=31).contains(&day) && (1945..=2099).contains(&year) {
            return Some(format!("{year}-{:02}-{day:02}", m + 1));
        }
    }
    None
}

/// Lines of a cover page that stand before an instrument and are never
/// its title: "United Nations", "Distr.: General", "Seventy-eighth
/// session", "Agenda item 3", a document symbol ("A/RES/78/10"), a date,
/// "Resolution adopted by the General Assembly on 1 December 2023",
/// "[on the report of the Third Committee (A/78/482)]".
pub fn is_front_matter(plain: &str) -> bool {
    let words = plain.split(' ').count();
    let symbol = words <= 2
        && plain.starts_with(|c: char| c.is_ascii_uppercase())
        && plain.split(' ').next().is_some_and(|w| w.contains('/'));
    plain == "United Nations"
        || plain.starts_with("Distr.")
        || plain.starts_with("Original:")
        || plain.starts_with("Agenda item")
        || (words <= 3 && plain.ends_with(" session") && !plain.starts_with("The "))
        || (plain.starts_with("Resolution adopted by ")
            || plain.starts_with("Decision adopted by "))
        || (plain.starts_with('[') && plain.ends_with(']'))
        || symbol
        || (words == 3 && date_in(plain).is_some())
}

/// The adoption line that follows an instrument: "7th meeting", "50th
/// plenary meeting, 19 December 2023", "69th (resumed) plenary meeting".
/// Returns the year when it names one.
pub fn adoption(plain: &str) -> Option<Option<u16>> {
    let (ordinal, rest) = plain.split_once(' ')?;
    let digits = ordinal.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &ordinal[digits..];
    if digits == 0 || !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    // "69th (resumed) plenary meeting": a meeting of a resumed session.
    let rest = rest.strip_prefix("(resumed) ").unwrap_or(rest);
    let rest = rest.strip_prefix("plenary ").unwrap_or(rest);
    if !rest.starts_with("meeting") || plain.split(' ').count() > 10 {
        return None;
    }
    Some(year_in(plain))
}

/// The last four-digit year (1945–2099) in a text.
pub fn year_in(text: &str) -> Option<u16> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<u16>().ok())
        .rfind(|y| (1945..=2099).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn designations_give_kind_and_symbol() {
        let d = designation("Resolution 33/1").unwrap();
        assert_eq!(d.kind, InstrumentKind::Resolution);
        assert_eq!(d.symbol.as_deref(), Some("33/1"));
        assert_eq!(
            designation("Decision 33/1").unwrap().kind,
            InstrumentKind::Decision
        );
        assert_eq!(
            designation("Resolution 2331 (2016)")
                .unwrap()
                .symbol
                .as_deref(),
            Some("2331 (2016)")
        );
        assert_eq!(designation("Draft resolution II").unwrap().symbol, None);
    }

    #[test]
    fn a_sentence_about_a_resolution_is_not_a_designation() {
        assert_eq!(
            designation("Resolution adopted by the General Assembly"),
            None
        );
        assert_eq!(designation("Resolutions and decisions"), None);
    }

    #[test]
    fn the_general_assembly_numbers_its_titles() {
        let d = numbered_title("78/228. Improving the coordination of efforts").unwrap();
        assert_eq!(d.symbol.as_deref(), Some("78/228"));
        assert_eq!(
            d.title.as_deref(),
            Some("Improving the coordination of efforts")
        );
        assert_eq!(numbered_title("4. The following resolution"), None);
    }

    #[test]
    fn the_security_council_says_when_it_adopted_under_the_designation() {
        assert_eq!(
            adopted_by(
                "Adopted by the Security Council at its 7847th meeting, on 20 December 2016"
            ),
            Some(Some(2016))
        );
        assert_eq!(adopted_by("Adopted resolutions"), None);
        assert_eq!(
            adopted_by("Adopted by the Security Council on 29 May 2020"),
            Some(Some(2020))
        );
        assert_eq!(
            adopted_by("Adopted by the Security Council at its 8700th (resumed) meeting, on10 January 2020"),
            Some(Some(2020))
        );
    }

    #[test]
    fn dates_are_read_with_or_without_spaces() {
        assert_eq!(date_in("on 29 May 2020").as_deref(), Some("2020-05-29"));
        assert_eq!(
            date_in("meeting, on10 January 2020").as_deref(),
            Some("2020-01-10")
        );
        assert_eq!(date_in("on 29 May"), None);
    }

    #[test]
    fn cover_page_lines_are_front_matter() {
        for line in [
            "Seventy-eighth session",
            "Agenda item 3",
            "A/RES/78/10",
            "Distr.: General",
            "1 December 2023",
        ] {
            assert!(is_front_matter(line), "{line}");
        }
        assert!(!is_front_matter("Credentials of representatives"));
        assert!(!is_front_matter(
            "Improving the coordination of efforts against trafficking in persons"
        ));
    }

    #[test]
    fn adoption_lines_give_the_year() {
        assert_eq!(adoption("7th meeting, 16 May 2024"), Some(Some(2024)));
        assert_eq!(
            adoption("50th plenary meeting 19 December 2023"),
            Some(Some(2023))
        );
        assert_eq!(adoption("7th meeting"), Some(None));
        assert_eq!(
            adoption("69th (resumed) plenary meeting 30 December 2025"),
            Some(Some(2025))
        );
        assert_eq!(adoption("5th session of the Commission"), None);
    }
}
