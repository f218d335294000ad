//! Adopting bodies: how each is abbreviated in citations and ids.
//!
//! ```
//! use clause_explorer::bodies::abbreviation;
//! assert_eq!(abbreviation("Commission on Crime Prevention and Criminal Justice"), "CCPCJ");
//! // A body not in the table is abbreviated by its initials.
//! assert_eq!(abbreviation("Committee on the Peaceful Uses of Outer Space"), "CPUOS");
//! ```

/// One known adopting body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Body {
    /// The name as it opens an instrument, without "The" and the comma.
    pub name: &'static str,
    /// Used in citations ("CCPCJ res. 33/1") and, lower-cased, in ids.
    pub abbreviation: &'static str,
    /// The document-symbol prefix of its resolutions, where the UN cites
    /// them that way ("A/RES/" gives "A/RES/78/228").
    pub resolution_prefix: Option<&'static str>,
    pub decision_prefix: Option<&'static str>,
}

const fn body(name: &'static str, abbreviation: &'static str) -> Body {
    Body {
        name,
        abbreviation,
        resolution_prefix: None,
        decision_prefix: None,
    }
}

/// The bodies whose abbreviations are not simply their initials, or whose
/// instruments are cited by document symbol.
pub const BODIES: &[Body] = &[
    Body {
        name: "General Assembly",
        abbreviation: "GA",
        resolution_prefix: Some("A/RES/"),
        decision_prefix: Some("A/DEC/"),
    },
    // Security Council resolutions are cited "SC res. 2504 (2020)"; the
    // document symbol "S/RES/2504 (2020)" is the record's.
    body("Security Council", "SC"),
    body("Economic and Social Council", "ECOSOC"),
    body("Human Rights Council", "HRC"),
    body("Commission on Crime Prevention and Criminal Justice", "CCPCJ"),
    body("Commission on Narcotic Drugs", "CND"),
    body("Commission on the Status of Women", "CSW"),
    body("Commission for Social Development", "CSocD"),
    body("Commission on Population and Development", "CPD"),
    body(
        "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
        "UNTOC COP",
    ),
    body(
        "Conference of the States Parties to the United Nations Convention against Corruption",
        "UNCAC CoSP",
    ),
    body("United Nations Environment Assembly", "UNEA"),
];

/// The name without a leading "The": "The General Assembly" is the
/// General Assembly.
pub fn bare(name: &str) -> &str {
    name.strip_prefix("The ").unwrap_or(name)
}

/// The table entry for a body name ("The General Assembly" or "General
/// Assembly"), if known.
pub fn known(name: &str) -> Option<&'static Body> {
    let name = bare(name);
    BODIES.iter().find(|b| b.name.eq_ignore_ascii_case(name))
}

/// The abbreviation used in citations: from the table, or the initials of
/// the capitalised words of the name.
pub fn abbreviation(name: &str) -> String {
    if let Some(b) = known(name) {
        return b.abbreviation.to_owned();
    }
    let initials: String = bare(name)
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    if initials.is_empty() {
        "UN".to_owned()
    } else {
        initials
    }
}

/// Small words that stay lower case inside a body's name.
pub const CONNECTIVES: &[&str] = &[
    "of", "the", "on", "and", "for", "to", "against", "in", "at", "de", "des", "du", "la",
];

/// Whether `line` (markup removed) is the line that opens an instrument by
/// naming its adopting body: "The General Assembly," or "The Conference of
/// the Parties to the United Nations Convention against Transnational
/// Organized Crime,". Returns the body as named, without the comma.
pub fn body_line(line: &str) -> Option<&str> {
    if line.len() > 240 {
        return None;
    }
    let named = line.strip_suffix(',')?.trim();
    let name = named.strip_prefix("The ")?;
    if name.is_empty() || name.split(' ').count() > 20 || name.contains([',', ';', ':', '.']) {
        return None;
    }
    let title_case = name.split(' ').all(|w| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || CONNECTIVES.contains(&w)
    });
    let starts_capitalised = name.starts_with(|c: char| c.is_uppercase());
    (title_case && starts_capitalised).then_some(named)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opening_line_of_an_instrument_names_its_body() {
        assert_eq!(
            body_line("The Commission on Crime Prevention and Criminal Justice,"),
            Some("The Commission on Crime Prevention and Criminal Justice")
        );
        assert_eq!(
            body_line("The General Assembly,"),
            Some("The General Assembly")
        );
    }

    #[test]
    fn a_sentence_is_not_a_body_line() {
        assert_eq!(
            body_line("The following resolution and decision adopted by the Commission are brought to the attention of the Economic and Social Council:"),
            None
        );
        assert_eq!(body_line("The term is not defined,"), None);
    }

    #[test]
    fn known_bodies_are_cited_by_their_usual_abbreviation() {
        assert_eq!(
            abbreviation("Conference of the Parties to the United Nations Convention against Transnational Organized Crime"),
            "UNTOC COP"
        );
        assert_eq!(abbreviation("The General Assembly"), "GA");
    }
}
