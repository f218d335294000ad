//! Facet filters and live counts, with the usual faceted-search rule: the
//! count shown for a value is the number of results the search would give
//! if that value were chosen in its facet, keeping the query and the
//! filters of every other facet.
//!
//! Each matching unit is checked against the nine filters once. A unit
//! that passes all is a result and counts in every facet; a unit that
//! fails exactly one filter counts in that facet only (choosing another
//! value there could admit it); any other unit counts nowhere. Instrument,
//! body, year, session and subjects are properties of the instrument, so units are
//! counted by instrument and the counts folded into bodies, years, sources
//! and subjects at the end (an instrument's units count in each of its
//! subjects).

use std::collections::{BTreeMap, BTreeSet};

use super::index::SearchIndex;
use super::{FacetCount, Facets, Filters, Tuning};
use crate::model::{Origin, Part};

const INSTRUMENT: u16 = 1;
const BODY: u16 = 2;
const PART: u16 = 4;
const GROUP: u16 = 8;
const YEAR: u16 = 16;
const SUBJECT: u16 = 32;
const SESSION: u16 = 64;
const CITES: u16 = 128;
const SOURCE: u16 = 256;

/// Years counted in an array (the United Nations' years); others in a map.
const FIRST_YEAR: usize = 1945;
const RECENT_YEARS: usize = 160;

/// The filters resolved against the index's tables.
pub struct Active {
    /// No filter is active: every unit passes.
    none: bool,
    /// Per instrument: which of the instrument, body and year filters it
    /// fails.
    instrument_fails: Vec<u16>,
    /// Per part (preambular, operative): fails the part filter.
    part_fails: [bool; 2],
    /// Per lead group (0: none): fails the lead group filter.
    group_fails: Vec<bool>,
    /// Per citation target, chosen; empty when the filter is off.
    cites_chosen: Vec<bool>,
}

impl Active {
    pub fn resolve(index: &SearchIndex, filters: &Filters) -> Active {
        let t = &index.instruments;
        let bodies: BTreeSet<u32> = t
            .bodies
            .iter()
            .enumerate()
            .filter(|(_, b)| filters.bodies.contains(*b))
            .map(|(k, _)| k as u32 + 1)
            .collect();
        let sessions: BTreeSet<u32> = t
            .sessions
            .iter()
            .enumerate()
            .filter(|(_, s)| filters.sessions.contains(*s))
            .map(|(k, _)| k as u32 + 1)
            .collect();
        let instrument_fails = (0..t.ids.len() as u32)
            .map(|i| {
                let mut fails = 0;
                if !filters.instruments.is_empty() && !filters.instruments.contains(t.id(i)) {
                    fails |= INSTRUMENT;
                }
                if !filters.bodies.is_empty() && !bodies.contains(&t.body(i)) {
                    fails |= BODY;
                }
                if !filters.years.is_empty() && !filters.years.contains(&t.year(i)) {
                    fails |= YEAR;
                }
                if !filters.sessions.is_empty() && !sessions.contains(&t.session(i)) {
                    fails |= SESSION;
                }
                if !filters.sources.is_empty() && !filters.sources.contains(&t.origin(i)) {
                    fails |= SOURCE;
                }
                if !filters.subjects.is_empty()
                    && !t
                        .subjects_of(i)
                        .iter()
                        .any(|&k| filters.subjects.contains(&t.subjects[k as usize]))
                {
                    fails |= SUBJECT;
                }
                fails
            })
            .collect();
        let part_fails = [Part::Preambular, Part::Operative]
            .map(|p| !filters.parts.is_empty() && !filters.parts.contains(&p));
        let group_fails = std::iter::once(!filters.lead_groups.is_empty())
            .chain(
                t.lead_groups
                    .iter()
                    .map(|g| !filters.lead_groups.is_empty() && !filters.lead_groups.contains(g)),
            )
            .collect();
        let cites_chosen = if filters.cites.is_empty() {
            Vec::new()
        } else {
            index
                .cites
                .keys
                .iter()
                .map(|k| filters.cites.contains(k))
                .collect()
        };
        Active {
            none: filters.is_empty(),
            instrument_fails,
            part_fails,
            group_fails,
            cites_chosen,
        }
    }

    fn fails(&self, index: &SearchIndex, unit: u32) -> u16 {
        if self.none {
            return 0;
        }
        let u = &index.units;
        let mut fails = self
            .instrument_fails
            .get(u.instrument(unit) as usize)
            .copied()
            .unwrap_or(0);
        if self.part_fails[usize::from(u.part(unit) == Part::Operative)] {
            fails |= PART;
        }
        if self
            .group_fails
            .get(u.lead_group(unit) as usize)
            .copied()
            .unwrap_or(false)
        {
            fails |= GROUP;
        }
        if !self.cites_chosen.is_empty()
            && !index
                .cites
                .of(unit)
                .iter()
                .any(|&t| self.cites_chosen.get(t as usize).copied().unwrap_or(false))
        {
            fails |= CITES;
        }
        fails
    }
}

/// Facet counts being gathered.
pub struct Counter {
    /// Per instrument, units that pass every filter: they count in the
    /// instrument, body and year facets alike.
    passing: Vec<u32>,
    /// Per instrument, units that fail only the instrument, the body or
    /// the year filter, counted in that facet alone.
    instrument_only: Vec<u32>,
    body_only: Vec<u32>,
    year_only: Vec<u32>,
    subject_only: Vec<u32>,
    session_only: Vec<u32>,
    source_only: Vec<u32>,
    parts: [u32; 2],
    groups: Vec<u32>,
    /// Per citation target: units that cite it and pass every other
    /// filter.
    cites: Vec<u32>,
}

impl Counter {
    pub fn new(index: &SearchIndex) -> Counter {
        let n = index.instruments.ids.len();
        Counter {
            passing: vec![0; n],
            instrument_only: vec![0; n],
            body_only: vec![0; n],
            year_only: vec![0; n],
            subject_only: vec![0; n],
            session_only: vec![0; n],
            source_only: vec![0; n],
            parts: [0; 2],
            groups: vec![0; index.instruments.lead_groups.len() + 1],
            cites: vec![0; index.cites.keys.len()],
        }
    }

    /// Counts a matching unit; true when it passes every filter.
    pub fn count(&mut self, index: &SearchIndex, active: &Active, unit: u32) -> bool {
        let fails = active.fails(index, unit);
        if fails == 0 || fails == CITES {
            for &t in index.cites.of(unit) {
                if let Some(c) = self.cites.get_mut(t as usize) {
                    *c += 1;
                }
            }
        }
        let u = &index.units;
        let i = u.instrument(unit) as usize;
        let per_instrument = match fails {
            0 => &mut self.passing,
            INSTRUMENT => &mut self.instrument_only,
            BODY => &mut self.body_only,
            YEAR => &mut self.year_only,
            SUBJECT => &mut self.subject_only,
            SESSION => &mut self.session_only,
            SOURCE => &mut self.source_only,
            _ => {
                if fails == GROUP {
                    if let Some(c) = self.groups.get_mut(u.lead_group(unit) as usize) {
                        *c += 1;
                    }
                } else if fails == PART {
                    self.parts[usize::from(u.part(unit) == Part::Operative)] += 1;
                }
                return false;
            }
        };
        if let Some(c) = per_instrument.get_mut(i) {
            *c += 1;
        }
        if fails == 0 {
            if let Some(c) = self.groups.get_mut(u.lead_group(unit) as usize) {
                *c += 1;
            }
            self.parts[usize::from(u.part(unit) == Part::Operative)] += 1;
        }
        fails == 0
    }

    pub fn finish(self, index: &SearchIndex, filters: &Filters, tuning: &Tuning) -> Facets {
        let t = &index.instruments;
        let facet_count = |only: &[u32], i: usize| {
            self.passing.get(i).copied().unwrap_or(0) + only.get(i).copied().unwrap_or(0)
        };
        let by_instrument: Vec<u32> = (0..t.ids.len())
            .map(|i| facet_count(&self.instrument_only, i))
            .collect();
        // Select the instruments to list before naming them: at a million
        // paragraphs there are a hundred thousand, and only a few are shown.
        let chosen: BTreeSet<usize> = if filters.instruments.is_empty() {
            BTreeSet::new()
        } else {
            (0..t.ids.len())
                .filter(|&i| filters.instruments.contains(t.id(i as u32)))
                .collect()
        };
        let mut listed: Vec<usize> = (0..by_instrument.len())
            .filter(|&i| by_instrument[i] > 0 && !chosen.contains(&i))
            .collect();
        let most_first =
            |&i: &usize, &j: &usize| by_instrument[j].cmp(&by_instrument[i]).then(i.cmp(&j));
        let keep = tuning.max_facet_values.saturating_sub(chosen.len());
        if listed.len() > keep {
            if keep > 0 {
                listed.select_nth_unstable_by(keep - 1, most_first);
            }
            listed.truncate(keep);
        }
        listed.extend(chosen.iter().copied());
        listed.sort_by(most_first);
        let mut instruments: Vec<FacetCount<String>> = listed
            .into_iter()
            .map(|i| {
                facet(
                    t.id(i as u32).to_owned(),
                    by_instrument[i],
                    chosen.contains(&i),
                )
            })
            .collect();
        add_missing(&mut instruments, &filters.instruments);

        let mut by_body = vec![0usize; t.bodies.len() + 1];
        let mut by_year: BTreeMap<u16, usize> = BTreeMap::new();
        // Years of adoption fall in a narrow range: count in a small array
        // first, rather than a map lookup per instrument.
        let mut recent = [0usize; RECENT_YEARS];
        for i in 0..t.ids.len() {
            if let Some(c) = by_body.get_mut(t.body(i as u32) as usize) {
                *c += facet_count(&self.body_only, i) as usize;
            }
            let year = t.year(i as u32);
            let count = facet_count(&self.year_only, i) as usize;
            match usize::from(year).checked_sub(FIRST_YEAR) {
                _ if year == 0 || count == 0 => {}
                Some(k) if k < RECENT_YEARS => recent[k] += count,
                _ => *by_year.entry(year).or_default() += count,
            }
        }
        for (k, &count) in recent.iter().enumerate() {
            if count > 0 {
                *by_year.entry((FIRST_YEAR + k) as u16).or_default() += count;
            }
        }
        // Subjects are many to an instrument: each counts the units that
        // would pass were it chosen.
        let mut by_subject = vec![0usize; t.subjects.len() + 1];
        for i in 0..t.ids.len() {
            let count = facet_count(&self.subject_only, i) as usize;
            if count == 0 {
                continue;
            }
            for &k in t.subjects_of(i as u32) {
                if let Some(c) = by_subject.get_mut(k as usize + 1) {
                    *c += count;
                }
            }
        }
        let mut subjects = named(&t.subjects, &by_subject, &filters.subjects);
        subjects.retain(|f| f.selected || f.count > 0);
        let chosen_subjects = subjects.iter().filter(|f| f.selected).count();
        let keep = tuning.max_facet_values.max(chosen_subjects);
        if subjects.len() > keep {
            // Most first, then keep the chosen ones past the cut.
            let (head, tail) = subjects.split_at(keep);
            let mut kept: Vec<FacetCount<String>> = head.to_vec();
            kept.extend(tail.iter().filter(|f| f.selected).cloned());
            subjects = kept;
        }
        add_missing(&mut subjects, &filters.subjects);
        let mut by_session = vec![0usize; t.sessions.len() + 1];
        for i in 0..t.ids.len() {
            if let Some(c) = by_session.get_mut(t.session(i as u32) as usize) {
                *c += facet_count(&self.session_only, i) as usize;
            }
        }
        let mut sessions = named(&t.sessions, &by_session, &filters.sessions);
        // Latest first, as years are: by body, then session number down.
        sessions.sort_by(|a, b| session_key(b).cmp(&session_key(a)));
        add_missing(&mut sessions, &filters.sessions);
        let mut by_source = [0usize; 2];
        for i in 0..t.ids.len() {
            by_source[usize::from(t.origin(i as u32) == Origin::Added)] +=
                facet_count(&self.source_only, i) as usize;
        }
        let sources = if filters.sources.is_empty() && !t.added.contains(&true) {
            Vec::new()
        } else {
            [Origin::Shipped, Origin::Added]
                .into_iter()
                .zip(by_source)
                .map(|(o, c)| facet(o, c, filters.sources.contains(&o)))
                .filter(|f| f.count > 0 || f.selected)
                .collect()
        };
        let mut bodies = named(&t.bodies, &by_body, &filters.bodies);
        add_missing(&mut bodies, &filters.bodies);
        let groups: Vec<usize> = self.groups.iter().map(|&c| c as usize).collect();
        let mut lead_groups = named(&t.lead_groups, &groups, &filters.lead_groups);
        add_missing(&mut lead_groups, &filters.lead_groups);

        let parts = [Part::Preambular, Part::Operative]
            .into_iter()
            .zip(self.parts)
            .map(|(p, c)| facet(p, c as usize, filters.parts.contains(&p)))
            .filter(|f| f.count > 0 || f.selected)
            .collect();
        let mut years: Vec<FacetCount<u16>> = by_year
            .into_iter()
            .rev()
            .map(|(y, c)| facet(y, c, filters.years.contains(&y)))
            .filter(|f| f.count > 0 || f.selected)
            .collect();
        for &y in filters.years.iter().rev() {
            if !years.iter().any(|f| f.value == y) {
                years.push(facet(y, 0, true));
            }
        }
        let counts: Vec<usize> = std::iter::once(0)
            .chain(self.cites.iter().map(|&c| c as usize))
            .collect();
        let mut cites = named(&index.cites.keys, &counts, &filters.cites);
        let chosen_cites = cites.iter().filter(|f| f.selected).count();
        let keep = tuning.max_facet_values.max(chosen_cites);
        if cites.len() > keep {
            let (head, tail) = cites.split_at(keep);
            let mut kept: Vec<FacetCount<String>> = head.to_vec();
            kept.extend(tail.iter().filter(|f| f.selected).cloned());
            cites = kept;
        }
        add_missing(&mut cites, &filters.cites);
        Facets {
            instruments,
            bodies,
            parts,
            lead_groups,
            years,
            sessions,
            subjects,
            cites,
            sources,
        }
    }
}

/// "GA session 78" orders as ("GA", 78): by body, then by number.
fn session_key(f: &FacetCount<String>) -> (std::cmp::Reverse<&str>, u32) {
    let (body, number) = f.value.rsplit_once(' ').unwrap_or(("", &f.value));
    (std::cmp::Reverse(body), number.parse().unwrap_or(0))
}

fn facet<T>(value: T, count: impl TryInto<usize>, selected: bool) -> FacetCount<T> {
    FacetCount {
        value,
        count: count.try_into().unwrap_or(usize::MAX),
        selected,
    }
}

/// Values named by a table, counted by `1 + index` (0: none), most first.
fn named(names: &[String], counts: &[usize], chosen: &BTreeSet<String>) -> Vec<FacetCount<String>> {
    let mut out: Vec<FacetCount<String>> = names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let count = counts.get(k + 1).copied().unwrap_or(0);
            facet(name.clone(), count, chosen.contains(name))
        })
        .filter(|f| f.count > 0 || f.selected)
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out
}

/// Chosen values the index does not know, listed so they can be unchosen.
fn add_missing(facets: &mut Vec<FacetCount<String>>, chosen: &BTreeSet<String>) {
    for value in chosen {
        if !facets.iter().any(|f| &f.value == value) {
            facets.push(facet(value.clone(), 0usize, true));
        }
    }
}
