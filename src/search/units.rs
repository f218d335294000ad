//! The units that search finds, paragraphs and sub-paragraphs, in document
//! order, with what facets and the interface need to know of each.
//!
//! Stored as parallel columns of small numbers (postcard writes them as
//! varints). A sub-paragraph's place is its depth and its index among its
//! siblings; its full path is recovered by walking back to its parents,
//! which come before it in document order. Ids are stored as the segment
//! each unit adds to its parent's id ("op-7", then "b"), which the model's
//! id scheme guarantees; an id that does not extend its parent's is stored
//! whole.
//!
//! What only the hits shown need (paragraph and sub-paragraph index, id
//! segment) is kept apart, [`Chunked`] by unit as each unit's "place", so
//! that a split index leaves it out of its head: search reads it for the
//! hits alone, while facets and scoring read the other columns for every
//! unit found.

use serde::{Deserialize, Serialize};

use super::chunked::Chunked;
use super::deltas::AsDeltas;
use super::varint::{self, Reader};
use super::UnitRef;
use crate::model::{Origin, Part};

/// Marks a segment that is a whole id rather than a suffix.
const WHOLE_ID: char = '/';

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Units {
    /// Index of the unit's instrument in `Corpus::instruments()` order.
    #[serde(with = "super::deltas")]
    instrument: Vec<u32>,
    /// `depth << 1 | operative`; depth 0 is a paragraph.
    shape: Vec<u8>,
    /// 1 + index into [`Instruments::lead_groups`]; 0 for none.
    lead_group: Vec<u32>,
    /// Words of the unit's own text, for length normalisation.
    length: Vec<u32>,
    /// Each unit's place: the index of its paragraph in its part, its
    /// index among its parent's sub-paragraphs (0 for a paragraph), as
    /// varints, then its id segment.
    pub(crate) places: Chunked,
}

/// Where a unit sits and what it is, as the builder gives it.
#[derive(Clone, Debug)]
pub struct UnitInfo<'c> {
    pub instrument: u32,
    pub part: Part,
    pub paragraph: u32,
    pub depth: u8,
    pub sub_index: u32,
    pub lead_group: u32,
    pub length: u32,
    pub id: &'c str,
    pub parent_id: &'c str,
}

impl Units {
    pub fn len(&self) -> usize {
        self.instrument.len()
    }

    pub fn push(&mut self, u: &UnitInfo<'_>) {
        self.instrument.push(u.instrument);
        let operative = u8::from(u.part == Part::Operative);
        self.shape.push((u.depth << 1) | operative);
        self.lead_group.push(u.lead_group);
        self.length.push(u.length);
        let suffix =
            u.id.strip_prefix(u.parent_id)
                .and_then(|s| s.strip_prefix('-'))
                .filter(|s| !s.is_empty() && !s.starts_with(WHOLE_ID));
        let mut place = Vec::with_capacity(8);
        varint::push(&mut place, u.paragraph);
        varint::push(&mut place, u.sub_index);
        match suffix {
            Some(s) => place.extend_from_slice(s.as_bytes()),
            None => {
                place.extend_from_slice(WHOLE_ID.encode_utf8(&mut [0; 4]).as_bytes());
                place.extend_from_slice(u.id.as_bytes());
            }
        }
        self.places.push(&place);
    }

    /// The postcard bytes of each column, for measuring a split head.
    pub fn column_bytes(&self) -> Result<Vec<(&'static str, Vec<u8>)>, postcard::Error> {
        Ok(vec![
            (
                "instrument",
                postcard::to_allocvec(&AsDeltas(&self.instrument))?,
            ),
            ("shape", postcard::to_allocvec(&self.shape)?),
            ("lead_group", postcard::to_allocvec(&self.lead_group)?),
            ("length", postcard::to_allocvec(&self.length)?),
            ("places layout", postcard::to_allocvec(&self.places)?),
        ])
    }

    pub fn instrument(&self, unit: u32) -> u32 {
        self.instrument.get(unit as usize).copied().unwrap_or(0)
    }

    pub fn part(&self, unit: u32) -> Part {
        match self.shape.get(unit as usize).copied().unwrap_or(0) & 1 {
            1 => Part::Operative,
            _ => Part::Preambular,
        }
    }

    /// 0 for a paragraph, 1 for (a), 2 for (i)…
    pub fn depth(&self, unit: u32) -> u8 {
        self.shape.get(unit as usize).copied().unwrap_or(0) >> 1
    }

    pub fn is_paragraph(&self, unit: u32) -> bool {
        self.depth(unit) == 0
    }

    /// 1 + lead group index, 0 for none.
    pub fn lead_group(&self, unit: u32) -> u32 {
        self.lead_group.get(unit as usize).copied().unwrap_or(0)
    }

    pub fn length(&self, unit: u32) -> u32 {
        self.length.get(unit as usize).copied().unwrap_or(0)
    }

    /// The unit and its ancestors, nearest first: the unit itself, its
    /// parent sub-paragraph… up to its paragraph.
    fn chain(&self, unit: u32) -> Vec<u32> {
        let mut chain = vec![unit];
        let mut want = self.depth(unit);
        let mut k = unit;
        while want > 0 && k > 0 {
            k -= 1;
            let d = self.depth(k);
            if d < want {
                chain.push(k);
                want = d;
            }
        }
        chain
    }

    /// Where the unit is in the corpus.
    pub fn unit_ref(&self, unit: u32) -> UnitRef {
        let chain = self.chain(unit);
        let paragraph_unit = chain.last().copied().unwrap_or(unit);
        UnitRef {
            instrument: self.instrument(unit) as usize,
            part: self.part(unit),
            paragraph: self.place(paragraph_unit).0 as usize,
            subparagraph: chain
                .iter()
                .rev()
                .skip(1)
                .map(|&u| self.place(u).1 as usize)
                .collect(),
        }
    }

    /// The unit's id, rebuilt from its instrument's id and the segments.
    pub fn id(&self, unit: u32, instrument_id: &str) -> String {
        let mut id = instrument_id.to_owned();
        for &u in self.chain(unit).iter().rev() {
            let segment = self.place(u).2;
            match segment.strip_prefix(WHOLE_ID) {
                Some(whole) => whole.clone_into(&mut id),
                None => {
                    id.push('-');
                    id.push_str(segment);
                }
            }
        }
        id
    }

    /// The unit's paragraph index, sub-paragraph index and id segment.
    fn place(&self, unit: u32) -> (u32, u32, &str) {
        let mut reader = Reader::new(self.places.get(unit));
        let paragraph = reader.next();
        let sub_index = reader.next();
        let segment = std::str::from_utf8(reader.rest()).unwrap_or("");
        (paragraph, sub_index, segment)
    }

    pub fn shrink(&mut self) {
        self.instrument.shrink_to_fit();
        self.shape.shrink_to_fit();
        self.lead_group.shrink_to_fit();
        self.length.shrink_to_fit();
        self.places.shrink();
    }
}

/// What facets need of each instrument, and the facet value tables.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instruments {
    /// Instrument ids in `Corpus::instruments()` order.
    pub ids: Vec<String>,
    /// 1 + index into `bodies`; 0 when the text names none.
    pub body: Vec<u32>,
    /// Year of adoption; 0 when unknown.
    pub year: Vec<u16>,
    /// Adopting bodies, in order of first appearance.
    pub bodies: Vec<String>,
    /// Lead phrase groups, in order of first appearance.
    pub lead_groups: Vec<String>,
    /// 1 + index into `sessions`; 0 when the record has none.
    pub session: Vec<u32>,
    /// Sessions ([`super::session_name`]), in order of first appearance.
    pub sessions: Vec<String>,
    /// Subject terms, in order of first appearance.
    pub subjects: Vec<String>,
    /// Each instrument's subjects (indexes into `subjects`), flat; the
    /// instrument's run ends at `subject_ends[i]`.
    pub subject_ids: Vec<u32>,
    pub subject_ends: Vec<u32>,
    /// Per instrument, whether its document was added in the page rather
    /// than published with the explorer (the facet "Source").
    pub added: Vec<bool>,
}

impl Instruments {
    pub fn body(&self, instrument: u32) -> u32 {
        self.body.get(instrument as usize).copied().unwrap_or(0)
    }

    pub fn year(&self, instrument: u32) -> u16 {
        self.year.get(instrument as usize).copied().unwrap_or(0)
    }

    pub fn origin(&self, instrument: u32) -> Origin {
        match self.added.get(instrument as usize) {
            Some(true) => Origin::Added,
            _ => Origin::Shipped,
        }
    }

    pub fn session(&self, instrument: u32) -> u32 {
        self.session.get(instrument as usize).copied().unwrap_or(0)
    }

    /// The subjects of an instrument, as indexes into `subjects`.
    pub fn subjects_of(&self, instrument: u32) -> &[u32] {
        let i = instrument as usize;
        let end = self.subject_ends.get(i).map_or(0, |&e| e as usize);
        let start = match i.checked_sub(1) {
            Some(p) => self.subject_ends.get(p).map_or(0, |&e| e as usize),
            None => 0,
        };
        self.subject_ids.get(start..end).unwrap_or(&[])
    }

    pub fn id(&self, instrument: u32) -> &str {
        self.ids.get(instrument as usize).map_or("", String::as_str)
    }
}
