//! Treaties, declarations and plans cited by name: one table, each entry a
//! key, the name a reader knows it by, and the ways texts write it (its
//! full title and the short titles resolutions define for it, "hereinafter
//! the Trafficking in Persons Protocol").
//!
//! Names are matched as written (capitals matter: "the Convention against
//! Corruption" is a name, "a convention against corruption" is not), as
//! whole words, longest first, so that the Trafficking in Persons Protocol
//! "supplementing the United Nations Convention against Transnational
//! Organized Crime" is one reference to the protocol, not also one to the
//! Convention.
//!
//! To add a treaty: add an entry; its key must be a slug and must not
//! contain "-res-" or "-dec-" (those are instruments' keys).

use super::{Cited, Reference};
use crate::model::Span;

/// One named instrument.
pub struct Named {
    pub key: &'static str,
    pub label: &'static str,
    /// Full titles first, then short titles.
    pub names: &'static [&'static str],
}

/// The treaties, declarations and plans the corpus cites by name.
pub const TABLE: &[Named] = &[
    Named {
        key: "untoc",
        label: "United Nations Convention against Transnational Organized Crime",
        names: &[
            "United Nations Convention against Transnational Organized Crime",
            "Organized Crime Convention",
        ],
    },
    Named {
        key: "trafficking-protocol",
        label: "Trafficking in Persons Protocol",
        names: &[
            "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime",
            "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children",
            "Trafficking in Persons Protocol",
        ],
    },
    Named {
        key: "smuggling-protocol",
        label: "Smuggling of Migrants Protocol",
        names: &[
            "Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime",
            "Protocol against the Smuggling of Migrants by Land, Sea and Air",
            "Smuggling of Migrants Protocol",
            "Migrant Smuggling Protocol",
        ],
    },
    Named {
        key: "firearms-protocol",
        label: "Firearms Protocol",
        names: &[
            "Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition",
            "Firearms Protocol",
        ],
    },
    Named {
        key: "uncac",
        label: "United Nations Convention against Corruption",
        names: &["United Nations Convention against Corruption", "Convention against Corruption"],
    },
    Named {
        key: "global-plan-of-action",
        label: "Global Plan of Action to Combat Trafficking in Persons",
        names: &[
            "United Nations Global Plan of Action to Combat Trafficking in Persons",
            "Global Plan of Action to Combat Trafficking in Persons",
        ],
    },
    Named {
        key: "agenda-2030",
        label: "2030 Agenda for Sustainable Development",
        names: &[
            "Transforming our world: the 2030 Agenda for Sustainable Development",
            "2030 Agenda for Sustainable Development",
        ],
    },
    Named {
        key: "un-charter",
        label: "Charter of the United Nations",
        names: &["Charter of the United Nations"],
    },
    Named {
        key: "udhr",
        label: "Universal Declaration of Human Rights",
        names: &["Universal Declaration of Human Rights"],
    },
    Named {
        key: "iccpr",
        label: "International Covenant on Civil and Political Rights",
        names: &["International Covenant on Civil and Political Rights"],
    },
    Named {
        key: "icescr",
        label: "International Covenant on Economic, Social and Cultural Rights",
        names: &["International Covenant on Economic, Social and Cultural Rights"],
    },
    Named {
        key: "cedaw",
        label: "Convention on the Elimination of All Forms of Discrimination against Women",
        names: &["Convention on the Elimination of All Forms of Discrimination against Women"],
    },
    Named {
        key: "crc-opsc",
        label: "Optional Protocol to the Convention on the Rights of the Child on the sale of children",
        names: &[
            "Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography",
        ],
    },
    Named {
        key: "crc",
        label: "Convention on the Rights of the Child",
        names: &["Convention on the Rights of the Child"],
    },
    Named {
        key: "crpd",
        label: "Convention on the Rights of Persons with Disabilities",
        names: &["Convention on the Rights of Persons with Disabilities"],
    },
    Named {
        key: "migrant-workers-convention",
        label: "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
        names: &["International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families"],
    },
    Named {
        key: "refugee-convention",
        label: "Convention relating to the Status of Refugees",
        names: &["Convention relating to the Status of Refugees"],
    },
    Named {
        key: "forced-labour-protocol",
        label: "Protocol of 2014 to the Forced Labour Convention, 1930",
        names: &["Protocol of 2014 to the Forced Labour Convention, 1930"],
    },
    Named {
        key: "forced-labour-convention",
        label: "Forced Labour Convention, 1930 (No. 29)",
        names: &["Forced Labour Convention, 1930 (No. 29)", "Forced Labour Convention, 1930"],
    },
    Named {
        key: "worst-forms-child-labour",
        label: "Worst Forms of Child Labour Convention, 1999 (No. 182)",
        names: &[
            "Worst Forms of Child Labour Convention, 1999 (No. 182)",
            "Worst Forms of Child Labour Convention, 1999",
        ],
    },
    Named {
        key: "beijing-platform",
        label: "Beijing Declaration and Platform for Action",
        names: &["Beijing Declaration and Platform for Action"],
    },
    Named {
        key: "global-compact-migration",
        label: "Global Compact for Safe, Orderly and Regular Migration",
        names: &["Global Compact for Safe, Orderly and Regular Migration"],
    },
    Named {
        key: "kyoto-declaration",
        label: "Kyoto Declaration on Advancing Crime Prevention, Criminal Justice and the Rule of Law",
        names: &[
            "Kyoto Declaration on Advancing Crime Prevention, Criminal Justice and the Rule of Law: Towards the Achievement of the 2030 Agenda for Sustainable Development",
            "Kyoto Declaration on Advancing Crime Prevention, Criminal Justice and the Rule of Law",
            "Kyoto Declaration",
        ],
    },
    Named {
        key: "doha-declaration",
        label: "Doha Declaration",
        names: &[
            "Doha Declaration on Integrating Crime Prevention and Criminal Justice into the Wider United Nations Agenda to Address Social and Economic Challenges and to Promote the Rule of Law at the National and International Levels, and Public Participation",
            "Doha Declaration",
        ],
    },
    Named {
        key: "nelson-mandela-rules",
        label: "Nelson Mandela Rules",
        names: &[
            "United Nations Standard Minimum Rules for the Treatment of Prisoners",
            "Nelson Mandela Rules",
        ],
    },
];

/// Every name of the table holds one of these words: most clauses hold
/// none, and are passed over without looking for fifty names (a test
/// keeps the table to it).
const ANCHORS: &[&str] = &[
    "Convention",
    "Protocol",
    "Plan of Action",
    "Agenda",
    "Charter",
    "Declaration",
    "Covenant",
    "Rules",
    "Compact",
];

/// The label of a named key.
pub fn label(key: &str) -> Option<&'static str> {
    TABLE.iter().find(|n| n.key == key).map(|n| n.label)
}

/// Whether `key` is one of the table's.
pub fn is_named(key: &str) -> bool {
    TABLE.iter().any(|n| n.key == key)
}

/// Adds every name of the table found in `text` and not inside a reference
/// already in `found`, longest names first.
pub fn find(text: &str, found: &mut Vec<Reference>) {
    if !ANCHORS.iter().any(|a| text.contains(a)) {
        return;
    }
    let mut names: Vec<(&str, &str)> = TABLE
        .iter()
        .flat_map(|n| n.names.iter().map(move |name| (*name, n.key)))
        .collect();
    names.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    let b = text.as_bytes();
    // A body's name is no citation of the treaty it serves: "the
    // Conference of the Parties to the United Nations Convention against
    // Transnational Organized Crime".
    let mut taken: Vec<Span> = crate::bodies::BODIES
        .iter()
        .filter(|body| body.name.contains("Convention"))
        .flat_map(|body| {
            text.match_indices(body.name)
                .map(|(at, n)| Span::new(at, at + n.len()))
        })
        .collect();
    for (name, key) in names {
        for (at, _) in text.match_indices(name) {
            let end = at + name.len();
            let whole = (at == 0 || !b[at - 1].is_ascii_alphanumeric())
                && b.get(end).is_none_or(|c| !c.is_ascii_alphanumeric());
            let inside = |s: &Span| s.start < end && at < s.end;
            if !whole || taken.iter().any(inside) || found.iter().any(|r| inside(&r.span)) {
                continue;
            }
            taken.push(Span::new(at, end));
            found.push(Reference {
                span: Span::new(at, end),
                key: key.to_owned(),
                what: Cited::Named(key.to_owned()),
                date: None,
                title: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_holds_an_anchor_and_every_key_is_a_slug() {
        for n in TABLE {
            assert_eq!(crate::cite::slug(n.key), n.key);
            assert!(!n.key.contains("-res-") && !n.key.contains("-dec-"));
            for name in n.names {
                assert!(ANCHORS.iter().any(|a| name.contains(a)), "{name}");
            }
        }
    }
}
