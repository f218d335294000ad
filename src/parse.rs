//! The parser: resolution texts (markdown-ish, converted from PDF) into the
//! document model.
//!
//! ```
//! use clause_explorer::parse::parse_document;
//! let src = "Resolution 1/1\n\nA title\n\nThe General Assembly,\n\n\
//!            *Recalling also* its resolutions,\n\n1. *Urges* Member States:\n\n\
//!            (a) To act;\n\n(b) To report.\n";
//! let doc = parse_document("example.txt", src);
//! let res = &doc.instruments[0];
//! assert_eq!(res.citation, "A/RES/1/1");
//! assert_eq!(res.preambular[0].lead.as_deref(), Some("Recalling also"));
//! assert_eq!(res.operative[0].subparagraphs[1].citation, "A/RES/1/1, op. 1 (b)");
//! ```
//!
//! # Grammar
//!
//! Over blocks (runs of non-blank lines, see `blocks`), once page furniture
//! is set aside:
//!
//! ```text
//! document     = { instrument | unassigned } ;
//! instrument   = header , { preambular } , { { heading } , operative } , [ adoption ] ;
//! heading      = short line, no closing punctuation, before the next number or item
//!              | section-block ;
//! section-block = text before operative paragraphs numbered again from 1 ;
//!                (* "II", "Financial performance report", "Recalling …," *)
//! header       = designation , [ adopted-by ] , { front-matter | title } , [ body-line ]
//!              | { front-matter | title } , body-line ;  (* at most 3 titles *)
//! adopted-by   = "Adopted by the " , Body Name , [ " at its " , ordinal , [ "(resumed)" ] , " meeting," ] ,
//!                " on" , date ;                          (* metadata: adopted, record.date *)
//! front-matter = "Agenda item …" | "… session" | symbol | date | "Distr.: …" | … ;
//!                (* kept as unassigned text, never in the title *)
//! designation  = ( "Resolution" | "Decision" ) , [ symbol ]      (* "Resolution 33/1" *)
//!              | symbol , ". " , title ;                 (* "78/228. Title" *)
//! body-line    = "The " , Body Name , "," ;             (* "The General Assembly," *)
//! preambular   = lead-phrase , text , { subparagraph } ;  (* or a finite verb: "Recalls", "Takes note of" *)
//! operative    = [ number , "." ] , lead-verb , text , { subparagraph }
//!                (* unnumbered: the only one, ending "." or ":" *)
//!              | number , "." , subparagraph , { subparagraph }   (* "3. (a) Requests": no chapeau *)
//!              | item-label , text ;                    (* "1.1 . Raise", "Action 3. We will" *)
//! lead-verb    = operative-lead
//!              | participial-clause , ", " , operative-lead ;
//!                (* "Noting the report of the Panel, decides": the lead
//!                   is all of it, a prefix of the text; its group is the verb's *)
//! subparagraph = label , text , { subparagraph } ;       (* (a) → (i) → a. → i. *)
//! label        = "(a)" | "(i)" | "a." | "i." | "(1)" | bullet
//!              | "1." ;                                  (* only inside a sub-paragraph, after ":" *)
//! bullet       = "•" | "–" | "-" ;                       (* any level; cited "bullet 2" *)
//! adoption     = ordinal , [ "plenary" ] , "meeting" , [ date ] ;
//! furniture    = rule | footnote ;                       (* anywhere between blocks *)
//! ```
//!
//! A PDF page ends anywhere, so a block can continue the unit before it,
//! with or without furniture in between. A block continues the open unit
//! when it starts in lower case, or when the open unit has no closing
//! punctuation (`.`, `;`, `:`, `,`) and the block is not the number or label
//! that comes next; and, inside an instrument, when a paragraph can only
//! start with a lead phrase (preamble) or a number (operative) and the
//! block has neither. Two exceptions: after a preambular paragraph that
//! lost its final comma, a block opening with a preambular lead of the
//! table starts the next paragraph; and after a line with no final
//! punctuation ("…the Mission shall"), a label is a list item when it
//! goes on an open sequence or the next block is the label after it (a
//! page that starts "(a) of the Agreement" is neither). Inside an open
//! quotation (more “ than ”), labels and numbers stay in the quoting
//! paragraph. Text after a list ("…; and further requests …") continues
//! the last sub-paragraph: the model has no place for a wrap-up.
//! Preambular versus operative is decided by the number,
//! never by italics. An operative paragraph that ends with "." closes the
//! instrument; what follows belongs to it only if it continues it, or if
//! the next number, an item or a section numbered again from 1 follows.
//! Whether an unnumbered paragraph ends as an operative one does is read
//! at its end, past any page break inside it.
//!
//! Nothing is dropped: text outside every instrument is kept as unassigned
//! passages, footnotes are attached to the instrument that cites them, and
//! every problem becomes a [`Warning`] with its line.

mod blocks;
mod header;
mod inline;
mod labels;
pub(crate) use labels::to_roman;

use std::collections::{HashMap, HashSet};

use crate::bodies;
use crate::cite;
use crate::leads;
use crate::model::{
    Document, Footnote, Instrument, InstrumentKind, Paragraph, Part, Passage, Provenance, Span,
    Subparagraph, Text,
};
use crate::warning::{line_of, Warning, WarningKind};

use blocks::{Block, BlockKind};
use labels::{Delimiter, Level, Placement, RawLabel};

pub use header::year_in;
pub use inline::{parse_inline, to_superscript};

/// How many words of a passage a warning quotes.
const EXCERPT_WORDS: usize = 8;
/// The most title blocks an instrument header may have.
const MAX_TITLE_BLOCKS: usize = 3;
/// The most words a title block may have.
const MAX_TITLE_WORDS: usize = 60;

/// Parses one source text. Never fails: what cannot be understood is kept
/// as unassigned text and reported as a warning.
pub fn parse_document(source_name: &str, text: &str) -> Document {
    let mut parser = Parser::new(text);
    parser.document();
    let mut doc = parser.finish(source_name);
    cite::assign(std::slice::from_mut(&mut doc));
    doc
}

/// A footnote's text found between blocks.
struct Note {
    mark: String,
    text: Text,
    span: Span,
}

/// A recognised instrument header: blocks `start..end` of the content.
struct Header {
    start: usize,
    end: usize,
    designation: Option<header::Designation>,
    designation_text: Option<String>,
    /// "Adopted by the Security Council at its … meeting, on …": the block
    /// and the year it names.
    adopted: Option<(usize, Option<u16>)>,
    titles: Vec<usize>,
    /// Cover-page lines among the title blocks ("Agenda item 3"): kept as
    /// unassigned text, never in the title.
    front: Vec<usize>,
    body: Option<String>,
}

struct Parser<'a> {
    src: &'a str,
    /// Blocks other than furniture, in order.
    content: Vec<Block<'a>>,
    /// The inline text of each content block's body.
    texts: Vec<Text>,
    /// For each content block, the footnotes that precede it.
    notes_before: Vec<Vec<Note>>,
    /// Footnotes after the last content block.
    trailing_notes: Vec<Note>,
    pos: usize,
    instruments: Vec<Instrument>,
    notes: Vec<Note>,
    unassigned: Vec<Passage>,
    warnings: Vec<(WarningKind, Span)>,
    /// Whether the last thing parsed was unassigned text (one warning per
    /// run of it).
    in_unassigned_run: bool,
}

/// Where the next sub-paragraph or continuation goes.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Open {
    /// Nothing yet: the instrument has no paragraph.
    Nothing,
    /// The last paragraph of the current part.
    Paragraph,
    /// A sub-paragraph of it, by index at each depth.
    Sub(Vec<usize>),
}

/// An instrument being parsed.
struct Draft {
    inst: Instrument,
    part: Part,
    open: Open,
    levels: Vec<Level>,
    closed: bool,
    last_number: Option<u32>,
    /// Headings read since the last paragraph, for the next one.
    heading: Vec<String>,
}

/// What a block is, in the context of the instrument being parsed.
enum Step {
    /// Appended to the open unit.
    Continue,
    Paragraph(Part, Option<u32>),
    Sub(Placement),
    /// A heading of the paragraphs that follow ("Enhanced cooperation",
    /// "I. Prevention").
    Heading,
    /// Kept as unassigned text; the instrument goes on.
    Aside,
    /// Not part of this instrument.
    End,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        let mut content = Vec::new();
        let mut notes_before = Vec::new();
        let mut pending = Vec::new();
        for block in blocks::blocks(src) {
            match &block.kind {
                BlockKind::Rule => {}
                BlockKind::Footnote { mark } => pending.push(Note {
                    mark: mark.clone(),
                    text: inline::parse_inline(block.body),
                    span: block.span,
                }),
                _ => {
                    content.push(block);
                    notes_before.push(std::mem::take(&mut pending));
                }
            }
        }
        let texts = content
            .iter()
            .map(|b| inline::parse_inline(b.body))
            .collect();
        Parser {
            src,
            content,
            texts,
            notes_before,
            trailing_notes: pending,
            pos: 0,
            instruments: Vec::new(),
            notes: Vec::new(),
            unassigned: Vec::new(),
            warnings: Vec::new(),
            in_unassigned_run: false,
        }
    }

    // ----- document = { instrument | unassigned } -----

    fn document(&mut self) {
        while self.pos < self.content.len() {
            self.take_notes();
            if let Some(header) = self.header_at(self.pos) {
                self.instrument(header);
            } else {
                self.unassigned_block(self.pos);
                self.pos += 1;
            }
        }
        let trailing = std::mem::take(&mut self.trailing_notes);
        self.notes.extend(trailing);
    }

    /// Moves the footnotes before the current block to the pool.
    fn take_notes(&mut self) {
        if let Some(notes) = self.notes_before.get_mut(self.pos) {
            self.notes.append(notes);
        }
    }

    fn plain(&self, i: usize) -> &str {
        &self.texts[i].plain
    }

    /// A block's whole text, number or label included.
    fn full_text(&self, i: usize) -> Text {
        let b = &self.content[i];
        match b.kind {
            BlockKind::Numbered { .. } | BlockKind::Label(_) => {
                let start = b.body.as_ptr() as usize - self.src.as_ptr() as usize;
                let prefix = blocks::trim(&self.src[b.span.start..start]);
                let mut text = inline::parse_inline(prefix);
                inline::join(&mut text, &self.texts[i]);
                text
            }
            _ => self.texts[i].clone(),
        }
    }

    fn unassigned_block(&mut self, i: usize) {
        let text = self.full_text(i).plain;
        let span = self.content[i].span;
        if !self.in_unassigned_run {
            self.warnings.push((
                WarningKind::UnassignedText {
                    excerpt: excerpt(&text),
                },
                span,
            ));
        }
        self.in_unassigned_run = true;
        if !text.is_empty() {
            self.unassigned.push(Passage {
                text,
                footnote_mark: None,
                span,
            });
        }
    }

    // ----- header = designation , { title } , [ body-line ] | { title } , body-line -----

    /// Recognises an instrument header starting at content block `i`.
    fn header_at(&self, i: usize) -> Option<Header> {
        let mut j = i;
        let mut designation = None;
        let mut designation_text = None;
        let first = self.content.get(i)?;
        if matches!(first.kind, BlockKind::Heading | BlockKind::Text) {
            if let Some(d) = header::designation(self.plain(i)) {
                designation = Some(d);
                designation_text = Some(self.plain(i).to_owned());
                j += 1;
            } else if let Some(d) = header::numbered_title(self.plain(i)) {
                designation_text = d.symbol.clone();
                // Only a header when the body line follows.
                let next_is_body = self
                    .content
                    .get(i + 1)
                    .is_some_and(|_| bodies::body_line(self.plain(i + 1)).is_some());
                if !next_is_body {
                    return None;
                }
                designation = Some(d);
                j += 1;
            }
        }
        let mut adopted = None;
        let mut titles = Vec::new();
        let mut front = Vec::new();
        while j < self.content.len() && titles.len() < MAX_TITLE_BLOCKS {
            if adopted.is_none() {
                if let Some(year) = header::adopted_by(self.plain(j)) {
                    adopted = Some((j, year));
                    j += 1;
                    continue;
                }
            }
            let plain = self.plain(j);
            if bodies::body_line(plain).is_some() || !self.is_title_like(j) {
                break;
            }
            if titles.is_empty() && header::is_front_matter(plain) {
                front.push(j);
                j += 1;
                continue;
            }
            if header::designation(plain).is_some() || header::numbered_title(plain).is_some() {
                // A later designation starts the header, not this block.
                return None;
            }
            titles.push(j);
            j += 1;
        }
        let body = self
            .content
            .get(j)
            .filter(|b| matches!(b.kind, BlockKind::Text | BlockKind::Heading))
            .and_then(|_| bodies::body_line(self.plain(j)))
            .map(str::to_owned);
        if body.is_some() {
            j += 1;
        }
        if designation.is_none() && body.is_none() {
            return None;
        }
        Some(Header {
            start: i,
            end: j,
            designation,
            designation_text,
            adopted,
            titles,
            front,
            body,
        })
    }

    /// A heading, or a short line without closing punctuation.
    fn is_title_like(&self, i: usize) -> bool {
        let plain = self.plain(i);
        match self.content[i].kind {
            BlockKind::Heading => true,
            BlockKind::Text => {
                !plain.is_empty()
                    && !plain.ends_with(['.', ',', ';', ':'])
                    && plain.split(' ').count() <= MAX_TITLE_WORDS
                    && plain
                        .chars()
                        .find(|c| c.is_alphanumeric())
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            }
            _ => false,
        }
    }

    // ----- instrument = header , { preambular } , { operative } , [ adoption ] -----

    fn instrument(&mut self, header: Header) {
        self.in_unassigned_run = false;
        for k in header.start + 1..header.end {
            if let Some(notes) = self.notes_before.get_mut(k) {
                self.notes.append(notes);
            }
        }
        let designation = header.designation.unwrap_or(header::Designation {
            kind: InstrumentKind::Resolution,
            symbol: None,
            title: None,
        });
        let mut title = designation.title.clone().unwrap_or_default();
        for &t in &header.titles {
            if !title.is_empty() {
                title.push(' ');
            }
            title.push_str(self.plain(t));
        }
        let has_body_line = header.body.is_some();
        let span = self.content[header.start]
            .span
            .to(self.content[header.end - 1].span);
        let (adopted, year) = match header.adopted {
            Some((k, year)) => (Some(self.plain(k).to_owned()), year),
            None => (None, None),
        };
        let date = adopted.as_deref().and_then(header::date_in);
        for &k in &header.front {
            self.unassigned_block(k);
        }
        self.in_unassigned_run = false;
        let inst = Instrument {
            id: String::new(),
            kind: designation.kind,
            designation: header.designation_text,
            symbol_from: designation.symbol.as_ref().map(|_| Provenance::Text),
            symbol: designation.symbol,
            title,
            body_from: header.body.as_ref().map(|_| Provenance::Text),
            body: header.body,
            year_from: year.map(|_| Provenance::Text),
            year,
            adopted,
            citation: String::new(),
            preambular: Vec::new(),
            operative: Vec::new(),
            footnotes: Vec::new(),
            annex: Vec::new(),
            record: crate::model::Record {
                date,
                ..Default::default()
            },
            recovered: None,
            span,
        };
        let mut draft = Draft {
            inst,
            // Without a body line (a decision in a report) there is no
            // preamble: the text is operative.
            part: if has_body_line {
                Part::Preambular
            } else {
                Part::Operative
            },
            open: Open::Nothing,
            levels: Vec::new(),
            closed: false,
            last_number: None,
            heading: Vec::new(),
        };
        self.pos = header.end;
        while self.pos < self.content.len() {
            if self.header_at(self.pos).is_some() {
                break;
            }
            let i = self.pos;
            if let Some(year) = header::adoption(self.plain(i)) {
                self.take_notes();
                draft.inst.adopted = Some(self.plain(i).to_owned());
                if year.is_some() {
                    draft.inst.year = year;
                    draft.inst.year_from = Some(Provenance::Text);
                }
                draft.inst.span = draft.inst.span.to(self.content[i].span);
                self.pos += 1;
                break;
            }
            let step = self.step(&draft, i);
            if matches!(step, Step::End) {
                break;
            }
            self.take_notes();
            match step {
                Step::Continue => {
                    let text = self.full_text(i);
                    draft.append(text, self.content[i].span);
                }
                Step::Paragraph(part, number) => self.paragraph(&mut draft, i, part, number),
                Step::Sub(placement) => self.subparagraph(&mut draft, i, placement),
                Step::Heading => {
                    let text = self.full_text(i);
                    draft.heading.push(text.plain);
                }
                Step::Aside => {
                    self.unassigned_block(i);
                    self.in_unassigned_run = false;
                }
                Step::End => break,
            }
            draft.inst.span = draft.inst.span.to(self.content[i].span);
            draft.closed = draft.part == Part::Operative && draft.open_text().is_some_and(is_final);
            self.pos += 1;
        }
        if !draft.heading.is_empty() {
            // Headings with no paragraph after them: kept, as for XML.
            draft.inst.annex.push(Passage {
                text: draft.heading.join(" "),
                footnote_mark: None,
                span: draft.inst.span,
            });
        }
        self.finish_leads(&mut draft.inst);
        self.instruments.push(draft.inst);
    }

    /// Decides what block `i` is within `d`.
    fn step(&self, d: &Draft, i: usize) -> Step {
        let block = &self.content[i];
        let open_complete = d.open_text().is_none_or(is_complete);
        let nothing_open = d.open == Open::Nothing;
        match &block.kind {
            BlockKind::Heading => {
                if d.closed {
                    Step::End
                } else {
                    Step::Aside
                }
            }
            BlockKind::Numbered { number } => {
                let expected = d.last_number.map_or(1, |n| n + 1);
                if !open_complete && *number != expected || *number != expected && in_quotation(d) {
                    Step::Continue
                } else if let Some(placement) = (*number != expected)
                    .then(|| numbered_item(d, *number))
                    .flatten()
                {
                    // "1. the size of the force;" inside "(b) … the
                    // following:": an item, not operative paragraph 1.
                    Step::Sub(placement)
                } else if d.closed
                    && *number != expected
                    && !(*number == 1 && !d.heading.is_empty())
                {
                    // A section that ends with "." is followed by the
                    // headings of the next, numbered again from 1.
                    Step::End
                } else {
                    Step::Paragraph(Part::Operative, Some(*number))
                }
            }
            BlockKind::Label(raw) if !nothing_open => {
                if in_quotation(d) {
                    // Quoted text belongs to its paragraph whatever
                    // labels it holds.
                    return Step::Continue;
                }
                let placement = labels::place(&d.levels, raw);
                let in_sequence = placement.expected.is_none();
                // "a." opens a list only where a list can start: after
                // a complete unit, with its first label.
                if raw.delimiter == Delimiter::Dotted
                    && d.levels.is_empty()
                    && !(open_complete && in_sequence)
                {
                    return self.text_step(d, i, open_complete);
                }
                // A sub-paragraph follows a unit that ended with punctuation
                // ("Recognizing that:", "(a) …;"); after an unfinished one,
                // "(a)" is a page that starts inside "article 3 (a) of",
                // unless the label goes on a list ("…shall" / "(a) …" /
                // "(b) …").
                if !open_complete {
                    if in_sequence && self.continues_list(d, i, raw, &placement) {
                        Step::Sub(placement)
                    } else {
                        Step::Continue
                    }
                } else if d.closed && !in_sequence {
                    Step::End
                } else {
                    Step::Sub(placement)
                }
            }
            _ => self.text_step(d, i, open_complete),
        }
    }

    fn text_step(&self, d: &Draft, i: usize, open_complete: bool) -> Step {
        let text = &self.texts[i];
        if d.open == Open::Nothing {
            // "Recommends … the adoption of the following draft resolution:"
            // straight after the body line: an operative paragraph alone.
            if d.part == Part::Preambular && self.opens_unnumbered_operative(i) {
                return Step::Paragraph(Part::Operative, None);
            }
            return Step::Paragraph(d.part, None);
        }
        // A preambular paragraph that lost its final comma: the next
        // block that opens with a preambular lead of the table still
        // starts a paragraph (a page break does not fall before a lead).
        if !open_complete
            && d.part == Part::Preambular
            && d.open == Open::Paragraph
            && matches!(self.content[i].kind, BlockKind::Text)
            && leads::match_lead(&text.plain, Part::Preambular).is_some()
        {
            return Step::Paragraph(Part::Preambular, None);
        }
        if starts_lowercase(&text.plain) || !open_complete {
            return Step::Continue;
        }
        if self.heads_next_paragraph(d, i) {
            return Step::Heading;
        }
        // "1.1 . Raise awareness …", "Action 3. We will end hunger …": an
        // item numbered in a scheme of its own, between or after numbered
        // paragraphs, is a paragraph of its own, its label kept in its text.
        if d.part == Part::Operative
            && opens_item(&text.plain)
            && (!d.closed
                || !d.heading.is_empty()
                || d.last_paragraph()
                    .is_some_and(|p| p.number.is_none() && opens_item(&p.text.plain))
                || self.number_follows(d, i))
        {
            return Step::Paragraph(Part::Operative, None);
        }
        // A paragraph that quotes replacement text ("… to read: The
        // General Assembly shall meet … day.") seems to end with the
        // quotation's full stop; the instrument goes on if the next number
        // follows a few blocks on.
        if d.closed && !self.number_follows(d, i) {
            return Step::End;
        }
        match d.part {
            // A resolution with one operative paragraph does not number
            // it: after the preamble, an operative lead ("Takes note",
            // "Decides") whose paragraph ends as operative ones do (a
            // preambular one ends with a comma) opens the operative part.
            Part::Preambular if self.opens_unnumbered_operative(i) => {
                Step::Paragraph(Part::Operative, None)
            }
            Part::Preambular if opens_with_lead(text, Part::Preambular) => {
                Step::Paragraph(Part::Preambular, None)
            }
            // Some bodies open preambular paragraphs with finite verbs
            // ("Recalls …,", "Takes note of …,"): an operative lead of
            // the table after a complete unit starts the next one.
            Part::Preambular if leads::match_lead(&text.plain, Part::Operative).is_some() => {
                Step::Paragraph(Part::Preambular, None)
            }
            Part::Preambular => Step::Continue,
            // An operative paragraph starts with its number; unnumbered
            // text continues the last one, unless nothing is numbered.
            Part::Operative if d.last_number.is_none() => Step::Paragraph(Part::Operative, None),
            Part::Operative => Step::Continue,
        }
    }

    /// A heading: a short block with no closing punctuation, after a
    /// complete unit, right before the operative paragraph numbered next
    /// (or the first one). A page that ends mid-sentence is told apart by
    /// its punctuation: a heading has none, the first half of a sentence
    /// is never followed by the next number.
    fn heads_next_paragraph(&self, d: &Draft, i: usize) -> bool {
        let text = &self.texts[i];
        if text.plain.is_empty() {
            return false;
        }
        if self.opens_section(d, i) {
            return true;
        }
        if is_complete(text) || !is_short(&text.plain) {
            return false;
        }
        let expected = d.last_number.map_or(1, |n| n + 1);
        // Headings in a row ("Part I", "Overall policymaking", "Section 1",
        // its title) head the same paragraph.
        let next = (i + 1..self.content.len().min(i + 1 + MAX_HEADINGS)).find(|&k| {
            !matches!(self.content[k].kind, BlockKind::Text if !is_complete(&self.texts[k])
                && is_short(&self.texts[k].plain))
        });
        next.is_some_and(|k| match self.content[k].kind {
            BlockKind::Numbered { number } => number == expected,
            BlockKind::Text => d.part == Part::Operative && opens_item(&self.texts[k].plain),
            _ => false,
        })
    }

    /// A block of a new section: operative paragraphs numbered again from
    /// 1 follow within a few blocks, after text only ("II", "Financial
    /// performance report", "Recalling …,", "Having considered …,", then
    /// "1. Takes note"). Its title and preamble head the section's first
    /// paragraph, as the UN's markup has them. After a colon, numbered text
    /// is the quotation or list the colon announces, not a section.
    fn opens_section(&self, d: &Draft, i: usize) -> bool {
        if d.part != Part::Operative
            || d.last_number.is_none()
            || d.open_text()
                .is_some_and(|t| last_significant(&t.plain) == Some(':'))
        {
            return false;
        }
        (i + 1..self.content.len().min(i + 1 + QUOTED_BLOCKS))
            .take_while(|&k| self.header_at(k).is_none())
            .find_map(|k| match self.content[k].kind {
                BlockKind::Numbered { number } => Some(number == 1),
                BlockKind::Text | BlockKind::Heading => None,
                _ => Some(false),
            })
            .unwrap_or(false)
    }

    /// An unnumbered operative paragraph: an operative lead of the table
    /// (and no preambular one), and the paragraph ends with "." or ":" —
    /// the paragraph as a page break may have cut it: its first block and
    /// the text blocks that continue it, up to one that ends as a unit does.
    fn opens_unnumbered_operative(&self, i: usize) -> bool {
        let mut end = i;
        while !is_complete(&self.texts[end])
            && end - i < UNIT_BLOCKS
            && self
                .content
                .get(end + 1)
                .is_some_and(|b| matches!(b.kind, BlockKind::Text))
        {
            end += 1;
        }
        // The ending first: a look at the last characters; the leads are
        // a search of the table.
        let plain = &self.texts[i].plain;
        matches!(last_significant(&self.texts[end].plain), Some('.' | ':'))
            && leads::match_lead(plain, Part::Operative).is_some()
            && leads::match_lead(plain, Part::Preambular).is_none()
    }

    /// After a unit with no closing punctuation ("…the Mission shall"),
    /// whether the label at `i` is an item of a list rather than a page
    /// that starts inside a sentence ("article 3" / "(a) of the
    /// Agreement"): it goes on a sequence already open, or the next block
    /// is the label that follows it.
    fn continues_list(&self, d: &Draft, i: usize, raw: &RawLabel<'_>, at: &Placement) -> bool {
        if at.depth < d.levels.len() {
            return true;
        }
        let next = labels::next(raw.label, at.counter);
        self.content.get(i + 1).is_some_and(|b| match &b.kind {
            BlockKind::Label(n) => n.delimiter == raw.delimiter && n.label == next,
            _ => false,
        })
    }

    /// Whether the operative paragraph numbered next comes within a few
    /// blocks after `i`, before any other number or instrument.
    fn number_follows(&self, d: &Draft, i: usize) -> bool {
        let Some(last) = d.last_number else {
            return false;
        };
        (i + 1..self.content.len().min(i + 1 + QUOTED_BLOCKS))
            .take_while(|&k| self.header_at(k).is_none())
            .find_map(|k| match self.content[k].kind {
                BlockKind::Numbered { number } => Some(number == last + 1),
                _ => None,
            })
            .unwrap_or(false)
    }

    // ----- preambular | operative -----

    fn paragraph(&mut self, d: &mut Draft, i: usize, part: Part, number: Option<u32>) {
        if let Some(n) = number {
            let expected = d.last_number.map_or(1, |n| n + 1);
            let first_of_decision =
                d.last_number.is_none() && d.inst.kind == InstrumentKind::Decision;
            if n != expected && !first_of_decision {
                self.warnings.push((
                    WarningKind::NumberOutOfSequence { expected, found: n },
                    self.content[i].span,
                ));
            }
            d.last_number = Some(n);
        }
        d.part = part;
        let text = match self.content[i].kind {
            BlockKind::Numbered { .. } => self.texts[i].clone(),
            _ => self.full_text(i),
        };
        let list = match part {
            Part::Preambular => &mut d.inst.preambular,
            Part::Operative => &mut d.inst.operative,
        };
        let ordinal = u32::try_from(list.len() + 1).unwrap_or(u32::MAX);
        list.push(Paragraph {
            id: String::new(),
            citation: String::new(),
            part,
            ordinal,
            number,
            lead: None,
            heading: (!d.heading.is_empty()).then(|| d.heading.join(" ")),
            text,
            subparagraphs: Vec::new(),
            span: self.content[i].span,
        });
        d.heading.clear();
        d.open = Open::Paragraph;
        d.levels.clear();
        // "3. (a) Requests …;" / "(b) Urges …": a numbered paragraph with
        // no chapeau opens with its first sub-paragraph.
        if let BlockKind::Numbered { .. } = self.content[i].kind {
            let body = self.content[i].body;
            let first = labels::label_at_start(body).filter(|raw| {
                raw.delimiter == Delimiter::Parenthesised
                    && labels::place(&[], raw).expected.is_none()
            });
            if let Some(raw) = first {
                let placement = labels::place(&[], &raw);
                let text = inline::parse_inline(&body[raw.len..]);
                if let Some(p) = d.last_paragraph_mut() {
                    p.text = Text::default();
                }
                self.subparagraph_with(d, i, placement, raw.label.to_owned(), raw.delimiter, text);
            }
        }
    }

    // ----- subparagraph = label , text , { subparagraph } -----

    fn subparagraph(&mut self, d: &mut Draft, i: usize, placement: Placement) {
        let (label, delimiter) = match &self.content[i].kind {
            BlockKind::Label(raw) => (raw.label.to_owned(), raw.delimiter),
            BlockKind::Numbered { number } => (number.to_string(), Delimiter::Dotted),
            _ => return,
        };
        self.subparagraph_with(d, i, placement, label, delimiter, self.texts[i].clone());
    }

    fn subparagraph_with(
        &mut self,
        d: &mut Draft,
        i: usize,
        placement: Placement,
        label: String,
        delimiter: Delimiter,
        text: Text,
    ) {
        if let Some(expected) = &placement.expected {
            self.warnings.push((
                WarningKind::LabelOutOfSequence {
                    expected: expected.clone(),
                    found: label.clone(),
                },
                self.content[i].span,
            ));
        }
        d.levels.truncate(placement.depth);
        d.levels.push(Level {
            delimiter,
            counter: placement.counter,
            last: label.clone(),
        });
        let sub = Subparagraph {
            id: String::new(),
            citation: String::new(),
            label,
            text,
            subparagraphs: Vec::new(),
            span: self.content[i].span,
        };
        let mut path = match &d.open {
            Open::Sub(path) => path.clone(),
            _ => Vec::new(),
        };
        path.truncate(placement.depth);
        // The parent of the new sub-paragraph: the paragraph, or the
        // sub-paragraph at `path`. Deeper than one below the current
        // depth is not possible: `place` opens one level at a time.
        let Some(paragraph) = d.last_paragraph_mut() else {
            return;
        };
        let mut siblings = &mut paragraph.subparagraphs;
        for &k in &path {
            siblings = &mut siblings[k].subparagraphs;
        }
        siblings.push(sub);
        path.push(siblings.len() - 1);
        d.open = Open::Sub(path);
    }

    /// Gives every paragraph its lead phrase, warning where none is found.
    fn finish_leads(&mut self, inst: &mut Instrument) {
        let kind = inst.kind;
        for p in inst.preambular.iter_mut().chain(inst.operative.iter_mut()) {
            p.lead = lead_of(&p.text, p.part);
            let no_chapeau = p.text.plain.is_empty() && !p.subparagraphs.is_empty();
            if p.lead.is_none() && kind == InstrumentKind::Resolution && !no_chapeau {
                self.warnings.push((
                    WarningKind::NoLeadPhrase {
                        excerpt: excerpt(&p.text.plain),
                    },
                    p.span,
                ));
            }
        }
    }

    // ----- footnotes and the finished document -----

    fn finish(mut self, source_name: &str) -> Document {
        self.attach_notes();
        self.check_citations();
        if self.instruments.is_empty() {
            self.warnings
                .push((WarningKind::NoInstrument, Span::new(0, 0)));
        }
        let src = self.src;
        let mut warnings: Vec<Warning> = self
            .warnings
            .into_iter()
            .map(|(kind, span)| Warning {
                kind,
                span,
                line: line_of(src, span.start),
            })
            .collect();
        warnings.sort_by_key(|w| w.span.start);
        let mut unassigned = self.unassigned;
        unassigned.sort_by_key(|p| p.span.start);
        Document {
            source: source_name.to_owned(),
            instruments: self.instruments,
            unassigned,
            warnings,
            origin: Default::default(),
        }
    }

    /// Attaches each footnote to the instrument whose citation of its mark
    /// comes nearest before it; an uncited footnote to the instrument it
    /// sits in; anything else is unassigned.
    fn attach_notes(&mut self) {
        // Where each mark is cited: (start of the citing unit, instrument),
        // in source order, so that each footnote is placed by one search.
        let mut cited: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for c in citations(&self.instruments) {
            cited
                .entry(c.mark)
                .or_default()
                .push((c.span.start, c.instrument));
        }
        for places in cited.values_mut() {
            places.sort_unstable();
        }
        for note in std::mem::take(&mut self.notes) {
            // The nearest citation before the footnote, else the first after.
            let citing = cited.get(&note.mark).and_then(|places| {
                let after = places.partition_point(|&(start, _)| start <= note.span.start);
                after
                    .checked_sub(1)
                    .and_then(|k| places.get(k))
                    .or(places.first())
                    .map(|&(_, instrument)| instrument)
            });
            let target = match citing {
                Some(t) => Some(t),
                None => {
                    self.warnings.push((
                        WarningKind::FootnoteNotCited {
                            mark: note.mark.clone(),
                        },
                        note.span,
                    ));
                    self.instruments.iter().position(|inst| {
                        inst.span.start <= note.span.start && note.span.start <= inst.span.end
                    })
                }
            };
            match target {
                Some(t) => self.instruments[t].footnotes.push(Footnote {
                    mark: note.mark,
                    text: note.text,
                    span: note.span,
                }),
                None => self.unassigned.push(Passage {
                    text: note.text.plain,
                    footnote_mark: Some(note.mark),
                    span: note.span,
                }),
            }
        }
        for inst in &mut self.instruments {
            inst.footnotes.sort_by_key(|f| f.span.start);
        }
    }

    /// Warns about every mark cited without a footnote in its instrument,
    /// once, at its first citation.
    fn check_citations(&mut self) {
        let mut seen = HashSet::new();
        for c in citations(&self.instruments) {
            let inst = &self.instruments[c.instrument];
            if inst.footnote(&c.mark).is_none() && seen.insert((c.instrument, c.mark.clone())) {
                self.warnings
                    .push((WarningKind::FootnoteWithoutText { mark: c.mark }, c.span));
            }
        }
    }
}

impl Draft {
    fn last_paragraph_mut(&mut self) -> Option<&mut Paragraph> {
        match self.part {
            Part::Preambular => self.inst.preambular.last_mut(),
            Part::Operative => self.inst.operative.last_mut(),
        }
    }

    fn last_paragraph(&self) -> Option<&Paragraph> {
        match self.part {
            Part::Preambular => self.inst.preambular.last(),
            Part::Operative => self.inst.operative.last(),
        }
    }

    /// The text of the unit that a continuation would extend.
    fn open_text(&self) -> Option<&Text> {
        let p = self.last_paragraph()?;
        match &self.open {
            Open::Nothing => None,
            Open::Paragraph => Some(&p.text),
            Open::Sub(path) => {
                let mut subs = &p.subparagraphs;
                let mut last = None;
                for &k in path {
                    let s = subs.get(k)?;
                    last = Some(&s.text);
                    subs = &s.subparagraphs;
                }
                last
            }
        }
    }

    /// Appends a continuation to the open unit, recording the join.
    fn append(&mut self, more: Text, span: Span) {
        fn join(text: &mut Text, own_span: &mut Span, more: &Text, span: Span) {
            let at = text.plain.len() + usize::from(!text.plain.is_empty());
            inline::join(text, more);
            text.joins.push(at.min(text.plain.len()));
            *own_span = own_span.to(span);
        }
        let open = self.open.clone();
        let Some(p) = self.last_paragraph_mut() else {
            return;
        };
        match open {
            Open::Nothing => {}
            Open::Paragraph => join(&mut p.text, &mut p.span, &more, span),
            Open::Sub(path) => {
                let mut subs = &mut p.subparagraphs;
                for (depth, &k) in path.iter().enumerate() {
                    if depth + 1 == path.len() {
                        if let Some(s) = subs.get_mut(k) {
                            join(&mut s.text, &mut s.span, &more, span);
                        }
                        return;
                    }
                    subs = &mut subs[k].subparagraphs;
                }
            }
        }
    }
}

/// One citation of a footnote mark.
struct Citation {
    instrument: usize,
    mark: String,
    span: Span,
}

fn citations(instruments: &[Instrument]) -> Vec<Citation> {
    let mut out = Vec::new();
    for (k, inst) in instruments.iter().enumerate() {
        for (mark, span) in citations_of(inst) {
            out.push(Citation {
                instrument: k,
                mark,
                span,
            });
        }
    }
    out
}

/// Every mark an instrument cites, with the span of the citing unit.
fn citations_of(inst: &Instrument) -> Vec<(String, Span)> {
    fn subs(list: &[Subparagraph], out: &mut Vec<(String, Span)>) {
        for s in list {
            out.extend(s.text.marks.iter().map(|m| (m.mark.clone(), s.span)));
            subs(&s.subparagraphs, out);
        }
    }
    let mut out = Vec::new();
    for p in inst.paragraphs() {
        out.extend(p.text.marks.iter().map(|m| (m.mark.clone(), p.span)));
        subs(&p.subparagraphs, &mut out);
    }
    out
}

/// The lead phrase of a paragraph: from the table; else the phrase in
/// italics that opens it; else a participle or verb that looks like one.
fn lead_of(text: &Text, part: Part) -> Option<String> {
    let plain = &text.plain;
    if let Some(m) = leads::match_lead(plain, part) {
        return Some(m.phrase.to_owned());
    }
    let other = match part {
        Part::Preambular => Part::Operative,
        Part::Operative => Part::Preambular,
    };
    match part {
        // "Noting the report of the Panel, decides to renew": the
        // participial clause and the operative verb it leads to.
        Part::Operative => {
            if let Some(m) = leads::lead_after_clause(plain) {
                return Some(m.phrase.to_owned());
            }
        }
        // "Recalls its resolution 6/1,": a finite verb some bodies use.
        Part::Preambular => {
            if let Some(m) = leads::match_lead(plain, other) {
                return Some(m.phrase.to_owned());
            }
        }
    }
    if let Some(e) = text.emphasis.first().filter(|e| e.start == 0) {
        let italic = plain[e.start..e.end]
            .trim_end_matches([',', ':', ';', ' '])
            .trim_end_matches(" that")
            .trim();
        let words = italic.split(' ').count();
        if !italic.is_empty() && words <= 6 {
            return Some(italic.to_owned());
        }
    }
    match leads::lead_like(plain) {
        Some((end, p)) if p == part => Some(plain[..end].to_owned()),
        _ => None,
    }
}

/// Whether a block can open a preambular paragraph: a known lead, an
/// italic opening, or a participle.
fn opens_with_lead(text: &Text, part: Part) -> bool {
    leads::match_lead(&text.plain, part).is_some()
        || text.emphasis.first().is_some_and(|e| e.start == 0)
        || leads::lead_like(&text.plain).is_some_and(|(_, p)| p == part)
}

/// Whether the open unit is inside a quotation: it opens more
/// quotation marks (“) than it closes.
fn in_quotation(d: &Draft) -> bool {
    d.open_text().is_some_and(|t| {
        let opened = t.plain.matches('\u{201c}').count();
        opened > 0 && opened > t.plain.matches('\u{201d}').count()
    })
}

/// Where "1." goes when it is an item of a sub-paragraph's list ("(b) …
/// the following:" / "1. the size of the force;") rather than an
/// operative paragraph: under an open sub-paragraph, as the first
/// number after a colon or the next of an open numbered level; never
/// after a heading (a section numbered again from 1).
fn numbered_item(d: &Draft, number: u32) -> Option<Placement> {
    let after_colon = d
        .open_text()
        .is_some_and(|t| last_significant(&t.plain) == Some(':'));
    if !matches!(d.open, Open::Sub(_)) || !d.heading.is_empty() || number == 1 && !after_colon {
        return None;
    }
    let label = number.to_string();
    let raw = RawLabel {
        label: &label,
        delimiter: Delimiter::Dotted,
        len: 0,
    };
    let placement = labels::place(&d.levels, &raw);
    placement.expected.is_none().then_some(placement)
}

/// How many blocks of quoted text an operative paragraph may carry
/// before the next number.
const QUOTED_BLOCKS: usize = 8;

/// The most blocks a page break and its footnotes cut one paragraph into,
/// looked at to find where it ends.
const UNIT_BLOCKS: usize = 4;

/// The most headings in a row before one paragraph.
const MAX_HEADINGS: usize = 6;

/// The longest heading, in words: "Conditions of service and compensation
/// for officials other than Secretariat officials: members of the
/// International Court of Justice …" (A/RES/80/243, section I) is 31.
const MAX_HEADING_WORDS: usize = 40;

/// Whether a block opens with the label of an item numbered in a scheme
/// of its own, not the operative paragraphs' numbers: a decimal number
/// ("1.1 . Raise", "2.10. Promote", "3.4 Enhance") or a capitalised word
/// and a number with a full stop ("Action 3. We will", "Action 13 . We").
fn opens_item(plain: &str) -> bool {
    let b = plain.as_bytes();
    let digits = |from: usize| {
        b[from.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let first = digits(0);
    if first > 0 && first <= 2 && b.get(first) == Some(&b'.') {
        let second = digits(first + 1);
        if second == 0 || second > 2 {
            return false;
        }
        let rest = plain[first + 1 + second..].trim_start_matches(['.', ' ']);
        let label_len = plain.len() - rest.len();
        return rest.starts_with(char::is_uppercase)
            && plain[first + 1 + second..label_len].contains(' ');
    }
    let word = plain.split(' ').next().unwrap_or_default();
    let Some(rest) = plain.get(word.len() + 1..) else {
        return false;
    };
    let n = digits(word.len() + 1);
    word.len() >= 3
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word[1..].bytes().all(|c| c.is_ascii_lowercase())
        && n > 0
        && n <= 3
        && rest[n..]
            .trim_start_matches(' ')
            .strip_prefix(". ")
            .is_some_and(|r| r.starts_with(char::is_uppercase))
}

/// At most [`MAX_HEADING_WORDS`] words, counted no further than that.
fn is_short(plain: &str) -> bool {
    plain.split(' ').nth(MAX_HEADING_WORDS).is_none()
}

fn starts_lowercase(plain: &str) -> bool {
    plain
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

/// The last character that counts, past closing quotes and brackets.
fn last_significant(plain: &str) -> Option<char> {
    plain
        .trim_end_matches(['\u{201d}', '"', '\u{2019}', '\'', ')', ']', ' '])
        .chars()
        .next_back()
}

/// Ends with the punctuation that closes a unit.
fn is_complete(text: &Text) -> bool {
    matches!(last_significant(&text.plain), Some('.' | ';' | ':' | ',')) || text.plain.is_empty()
}

/// Ends with a full stop: the last operative paragraph.
fn is_final(text: &Text) -> bool {
    last_significant(&text.plain) == Some('.')
}

fn excerpt(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() <= EXCERPT_WORDS {
        text.to_owned()
    } else {
        format!("{}\u{2026}", words[..EXCERPT_WORDS].join(" "))
    }
}

#[cfg(test)]
mod tests;
