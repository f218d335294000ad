//! The strength families of operative lead phrases: one table, strongest
//! first, for the verb profile.
//!
//! An operative paragraph's force is in its verb: a body *decides* what it
//! can decide, *urges* and *calls upon* those it cannot bind, *requests*
//! its secretariat, *encourages* and *invites*, and *notes* or *welcomes*
//! what others did. Each lead group of [`crate::leads::TABLE`] is placed in
//! one family here; a group not listed is "Other".

/// A family of lead groups of like strength.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Family {
    pub name: &'static str,
    /// Lead groups, as [`crate::leads::Lead::group`] names them.
    pub groups: &'static [&'static str],
}

/// The families, strongest first; the last, "Other", holds every group
/// not listed and the paragraphs with no known lead.
pub const FAMILIES: &[Family] = &[
    Family {
        name: "Decides",
        // What the body itself settles, or binds others to.
        groups: &[
            "Decides",
            "Adopts",
            "Agrees",
            "Amends",
            "Appoints",
            "Appropriates",
            "Approves",
            "Authorizes",
            "Designates",
            "Determines",
            "Directs",
            "Endorses",
            "Establishes",
            "Instructs",
            "Refers",
            "Renews",
            "Resolves",
            "Revises",
        ],
    },
    Family {
        name: "Urges",
        groups: &["Urges", "Demands"],
    },
    Family {
        name: "Calls upon",
        groups: &[
            "Calls upon",
            "Calls on",
            "Calls for",
            "Calls again upon",
            "Calls once again upon",
            "Calls once again for",
            "Calls once more upon",
            "Appeals",
        ],
    },
    Family {
        name: "Requests",
        groups: &["Requests"],
    },
    Family {
        name: "Encourages",
        groups: &["Encourages", "Recommends"],
    },
    Family {
        name: "Invites",
        groups: &["Invites", "Proposes", "Suggests"],
    },
    Family {
        name: "Affirms and stresses",
        // Positions stated, concerns and condemnations expressed.
        groups: &[
            "Reaffirms",
            "Affirms",
            "Asserts",
            "Bears in mind",
            "Brings to the attention",
            "Calls attention",
            "Commits",
            "Condemns",
            "Confirms",
            "Considers",
            "Declares",
            "Denounces",
            "Deplores",
            "Draws",
            "Draws the attention",
            "Emphasises",
            "Emphasizes",
            "Expresses",
            "Expresses concern",
            "Expresses deep concern",
            "Expresses its concern",
            "Expresses its deep concern",
            "Highlights",
            "Maintains",
            "Objects",
            "Pledges",
            "Proclaims",
            "Raises awareness",
            "Re-emphasizes",
            "Realizes",
            "Recalls",
            "Recognises",
            "Recognizes",
            "Recommits",
            "Reconfirms",
            "Regrets",
            "Reiterates",
            "Rejects",
            "Reminds",
            "Respects",
            "Stresses",
            "Strongly condemns",
            "Underlines",
            "Underscores",
            "Understands",
            "Values",
        ],
    },
    Family {
        name: "Notes and welcomes",
        // What others did or will do, acknowledged.
        groups: &[
            "Takes note of",
            "Notes",
            "Welcomes",
            "Acknowledges",
            "Anticipates",
            "Applauds",
            "Appreciates",
            "Commends",
            "Congratulates",
            "Expresses its appreciation",
            "Expresses its gratitude",
            "Greets",
            "Looks forward",
            "Pays tribute",
            "Supports",
            "Takes into account",
        ],
    },
    Family {
        name: OTHER,
        groups: &[],
    },
];

/// The family, and the group, of what no entry names.
pub const OTHER: &str = "Other";

/// The strength family of an operative lead group ("Strongly urges" is in
/// the group "Urges", hence the family "Urges").
///
/// ```
/// use clause_explorer::pictures::family;
/// assert_eq!(family("Takes note of"), "Notes and welcomes");
/// assert_eq!(family("Expresses deep concern"), "Affirms and stresses");
/// assert_eq!(family("Remains"), "Other");
/// ```
pub fn family(group: &str) -> &'static str {
    FAMILIES
        .iter()
        .find(|f| f.groups.contains(&group))
        .map_or(OTHER, |f| f.name)
}

/// A family's place in the strength order (0 strongest; unknown names
/// with "Other", last).
pub(super) fn rank(family: &str) -> usize {
    FAMILIES
        .iter()
        .position(|f| f.name == family)
        .unwrap_or(FAMILIES.len() - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::leads::TABLE;
    use crate::model::Part;

    fn operative_groups() -> Vec<&'static str> {
        let mut groups: Vec<&str> = TABLE
            .iter()
            .filter(|l| l.part == Part::Operative)
            .map(|l| l.group)
            .collect();
        groups.sort_unstable();
        groups.dedup();
        groups
    }

    #[test]
    fn every_group_a_family_names_is_an_operative_group_of_the_lead_table_named_once() {
        let known = operative_groups();
        let mut seen: Vec<&str> = Vec::new();
        for f in FAMILIES {
            for g in f.groups {
                assert!(known.contains(g), "{g} ({}) is not in leads::TABLE", f.name);
                assert!(!seen.contains(g), "{g} is in two families");
                seen.push(g);
            }
        }
    }

    #[test]
    fn the_groups_left_to_other_are_few_and_named() {
        let got: Vec<&str> = operative_groups()
            .into_iter()
            .filter(|g| family(g) == OTHER)
            .collect();
        assert_eq!(got, ["Continues", "Remains", "Strives"]);
    }

    #[test]
    fn families_are_in_the_strength_order_the_issue_asks_for() {
        let got: Vec<&str> = FAMILIES.iter().map(|f| f.name).collect();
        let expected = [
            "Decides",
            "Urges",
            "Calls upon",
            "Requests",
            "Encourages",
            "Invites",
            "Affirms and stresses",
            "Notes and welcomes",
            "Other",
        ];
        assert_eq!(got, expected);
    }
}
