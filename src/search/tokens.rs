//! Token streams: for each unit, its words in order, as word ids with their
//! byte ranges in the unit's `text.plain`.
//!
//! Postings say which units hold a word; the stream says where, with the
//! byte ranges. Ranking reads it for the few hundred best candidates
//! (proximity, order) and highlighting for the hits shown. Keeping byte ranges here lets the index
//! answer without the corpus text.
//!
//! A stream is `inherited, lead, inherited word ids…, own tokens…`, all
//! varints. `inherited` counts the words of the paragraph's lead phrase that
//! a sub-paragraph inherits (they have no range in its text); `lead` counts
//! the own tokens that form the unit's lead phrase. An own token is
//! `(word << 1) | irregular, gap` where `gap` is the bytes since the
//! previous token's end; `irregular` tokens, whose printed length differs
//! from the folded word's ("Côte" is 5 bytes, "cote" 4), add their length.

use serde::{Deserialize, Serialize};

use super::chunked::{Chunk, Chunked};
use super::varint::{self, Reader};
use super::vocabulary::Vocabulary;
use crate::model::Span;

/// The streams, [`Chunked`] by unit: a split index ships them in packs of
/// consecutive units.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TokenStreams {
    pub(crate) streams: Chunked,
}

/// Writes the streams as units arrive in document order.
#[derive(Debug)]
pub struct TokenStreamsBuilder {
    chunk: Chunk,
}

/// One word of a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub word: u32,
    /// 0-based: inherited lead words first, then the unit's own words.
    pub position: u32,
    pub in_lead: bool,
    /// Byte range in the unit's `text.plain`; `None` for inherited words.
    pub span: Option<Span>,
}

/// A word of a unit as re-ranking reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StreamWord {
    pub word: u32,
    /// In the unit's own text (not an inherited lead word).
    pub own: bool,
    pub in_lead: bool,
}

/// An own word of a unit, as the builder receives it.
#[derive(Clone, Copy, Debug)]
pub struct OwnWord {
    pub word: u32,
    pub start: usize,
    pub end: usize,
}

impl TokenStreams {
    /// The tokens of `unit`, in order.
    pub fn of(&self, unit: u32) -> TokenIter<'_> {
        let mut reader = Reader::new(self.streams.get(unit));
        let inherited = reader.next();
        let lead = reader.next();
        TokenIter {
            reader,
            inherited,
            lead,
            position: 0,
            end: 0,
        }
    }

    /// How many of the unit's own words form its lead phrase.
    pub fn lead_words(&self, unit: u32) -> u32 {
        self.of(unit).lead
    }

    /// All the unit's words, inherited lead first, in order (the index of
    /// each is its position), without byte ranges: what re-ranking reads.
    pub fn words(&self, unit: u32) -> impl Iterator<Item = StreamWord> + '_ {
        let it = self.of(unit);
        let mut inherited = it.inherited;
        let mut lead = it.lead;
        let mut reader = it.reader;
        std::iter::from_fn(move || {
            if reader.is_empty() {
                return None;
            }
            if inherited > 0 {
                inherited -= 1;
                return Some(StreamWord {
                    word: reader.next(),
                    own: false,
                    in_lead: true,
                });
            }
            let packed = reader.next();
            reader.next();
            if packed & 1 == 1 {
                reader.next();
            }
            let in_lead = lead > 0;
            lead = lead.saturating_sub(1);
            Some(StreamWord {
                word: packed >> 1,
                own: true,
                in_lead,
            })
        })
    }
}

impl TokenStreamsBuilder {
    pub fn new() -> Self {
        TokenStreamsBuilder {
            chunk: Chunk::new(),
        }
    }

    /// Appends the stream of the next unit.
    pub fn push(&mut self, vocabulary: &Vocabulary, inherited: &[u32], own: &[OwnWord], lead: u32) {
        let out = self.chunk.bytes_mut();
        varint::push(out, inherited.len() as u32);
        varint::push(out, lead);
        for &w in inherited {
            varint::push(out, w);
        }
        let mut end = 0;
        for w in own {
            let len = w.end.saturating_sub(w.start);
            let irregular = len != vocabulary.word(w.word).len();
            varint::push(out, (w.word << 1) | u32::from(irregular));
            varint::push(out, w.start.saturating_sub(end) as u32);
            if irregular {
                varint::push(out, len as u32);
            }
            end = w.end;
        }
        self.chunk.close_run();
    }

    /// The streams, spare capacity released.
    pub fn finish(mut self) -> TokenStreams {
        self.chunk.shrink();
        TokenStreams {
            streams: Chunked::whole(self.chunk),
        }
    }
}

/// Reads one unit's stream. Needs the vocabulary to know a regular token's
/// length, so [`TokenIter::next_with`] takes it.
pub struct TokenIter<'a> {
    reader: Reader<'a>,
    inherited: u32,
    lead: u32,
    position: u32,
    end: usize,
}

impl TokenIter<'_> {
    /// The next token, or `None` at the end of the stream.
    #[inline]
    pub fn next_with(&mut self, vocabulary: &Vocabulary) -> Option<Token> {
        if self.reader.is_empty() {
            return None;
        }
        let position = self.position;
        self.position += 1;
        if position < self.inherited {
            let word = self.reader.next();
            return Some(Token {
                word,
                position,
                in_lead: true,
                span: None,
            });
        }
        let packed = self.reader.next();
        let word = packed >> 1;
        let start = self.end + self.reader.next() as usize;
        let len = if packed & 1 == 1 {
            self.reader.next() as usize
        } else {
            vocabulary.word(word).len()
        };
        self.end = start + len;
        Some(Token {
            word,
            position,
            in_lead: position - self.inherited < self.lead,
            span: Some(Span::new(start, self.end)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_gives_back_words_lead_and_byte_ranges() {
        let (vocabulary, _) = Vocabulary::build(vec![
            ("urges".to_owned(), 2),
            ("cote".to_owned(), 1),
            ("states".to_owned(), 1),
        ]);
        let id = |w: &str| vocabulary.find(w).unwrap();
        let mut streams = TokenStreamsBuilder::new();
        // "Côte states" under the inherited lead "Urges".
        let own = [
            OwnWord {
                word: id("cote"),
                start: 0,
                end: 5,
            },
            OwnWord {
                word: id("states"),
                start: 6,
                end: 12,
            },
        ];
        streams.push(&vocabulary, &[id("urges")], &own, 0);
        let streams = streams.finish();
        let mut it = streams.of(0);
        let mut got = Vec::new();
        while let Some(t) = it.next_with(&vocabulary) {
            got.push((
                vocabulary.word(t.word).to_owned(),
                t.position,
                t.in_lead,
                t.span,
            ));
        }
        assert_eq!(
            got,
            [
                ("urges".to_owned(), 0, true, None),
                ("cote".to_owned(), 1, false, Some(Span::new(0, 5))),
                ("states".to_owned(), 2, false, Some(Span::new(6, 12))),
            ]
        );
        assert!(streams.of(1).next_with(&vocabulary).is_none());
    }
}
