//! The verb profile of an instrument: how many of its operative
//! paragraphs open with each lead phrase, strongest family first.

use super::bars::{self, Bar};
use super::families::{family, rank, OTHER};
use super::{nothing, short_citation, Cell, Picture, Route, Table};
use crate::leads::{group_of, match_lead};
use crate::model::{Instrument, Paragraph, Part};

/// The operative paragraphs of one lead group.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Group<'i> {
    pub family: &'static str,
    /// The lead group, or "Other" for paragraphs with no known lead.
    pub name: &'static str,
    /// In reading order.
    pub paragraphs: Vec<&'i Paragraph>,
}

/// The lead group of an operative paragraph: its stored lead's group, or
/// else the group of the lead phrase its text opens with. The fallback is
/// needed: the UN's XML italicises "Takes note with appreciation" without
/// its "of", so the stored lead alone matches no entry (5 paragraphs of
/// A/RES/75/158 would be "Other").
fn group(p: &Paragraph) -> Option<&'static str> {
    p.lead
        .as_deref()
        .and_then(|lead| group_of(lead, Part::Operative))
        .or_else(|| match_lead(&p.text.plain, Part::Operative).map(|m| m.group))
}

/// The lead groups of an instrument's operative paragraphs, strongest
/// family first, then most paragraphs first, then by name.
pub(super) fn groups(inst: &Instrument) -> Vec<Group<'_>> {
    let mut out: Vec<Group<'_>> = Vec::new();
    for p in &inst.operative {
        let name = group(p).unwrap_or(OTHER);
        match out.iter_mut().find(|g| g.name == name) {
            Some(g) => g.paragraphs.push(p),
            None => out.push(Group {
                family: family(name),
                name,
                paragraphs: vec![p],
            }),
        }
    }
    out.sort_by(|a, b| {
        rank(a.family)
            .cmp(&rank(b.family))
            .then(b.paragraphs.len().cmp(&a.paragraphs.len()))
            .then(a.name.cmp(b.name))
    });
    out
}

/// The profile of an instrument's operative language: one bar per lead
/// group, grouped by strength family (strongest first), each a link to the
/// group's first paragraph. An instrument with no operative paragraph
/// gives a picture that says so.
pub fn verb_profile(inst: &Instrument) -> Picture {
    let title = format!("Operative language of {}", inst.citation);
    let header = ["Family", "Lead phrase", "Paragraphs", "Clauses"];
    let groups = groups(inst);
    let mut table = Table {
        caption: title.clone(),
        header: header.map(str::to_owned).to_vec(),
        rows: Vec::new(),
    };
    if groups.is_empty() {
        let message = format!("{} has no operative paragraphs.", inst.citation);
        return nothing("profile", &inst.id, &title, &message, table);
    }
    let mut bars = Vec::new();
    for g in &groups {
        let first = g.paragraphs[0];
        let n = g.paragraphs.len();
        let href = Route::Clause(&first.id).href();
        bars.push(Bar {
            run: Some(g.family.to_owned()),
            label: g.name.to_owned(),
            value: n as u32,
            name: format!(
                "{}: {n} {}, first {}",
                g.name,
                if n == 1 { "paragraph" } else { "paragraphs" },
                first.citation
            ),
            href: Some(href.clone()),
        });
        table.rows.push(vec![
            Cell::text(g.family),
            Cell::link(g.name, href),
            Cell::text(n.to_string()),
            Cell::list(g.paragraphs.iter().map(|p| {
                (
                    short_citation(inst, &p.citation),
                    Some(Route::Clause(&p.id).href()),
                )
            })),
        ]);
    }
    let desc = format!(
        "{} operative paragraphs by the strength of their lead phrase: {}.",
        inst.operative.len(),
        family_counts(&groups).join(", ")
    );
    Picture {
        svg: bars::picture("profile", &inst.id, &title, &desc, &bars),
        alt_table: table,
    }
}

/// "Urges 1", one a family, in the order of the groups.
fn family_counts(groups: &[Group<'_>]) -> Vec<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for g in groups {
        match counts.iter_mut().find(|(f, _)| *f == g.family) {
            Some((_, n)) => *n += g.paragraphs.len(),
            None => counts.push((g.family, g.paragraphs.len())),
        }
    }
    counts.iter().map(|(f, n)| format!("{f} {n}")).collect()
}
