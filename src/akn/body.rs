//! From the Akoma Ntoso tree to instruments: where each element's text
//! goes.
//!
//! | element                                   | becomes                                   |
//! |-------------------------------------------|-------------------------------------------|
//! | `statement` (anywhere), `doc` at the top   | an instrument                             |
//! | `coverPage`                               | passages of the document; symbol, session, agenda item |
//! | `preface` `docNumber`, `docTitle`          | designation (and symbol), title           |
//! | `preamble/formula`                        | the adopting body                         |
//! | `preamble/container`, `blockList`          | a preambular paragraph                    |
//! | `mainBody//paragraph` with content         | an operative paragraph                    |
//! | `list/point`, `sublist/point`, `item`      | sub-paragraphs, `sublist` under the point before it |
//! | `num`, `heading`, `subheading`, `crossHeading`, `preamble/p` | the heading of the next paragraph |
//! | `authorialNote`                           | a footnote, marked where cited            |
//! | `conclusions`                             | the adoption line                         |
//! | `attachments`, tables, anything else      | passages of the instrument's annex        |

use roxmltree::Node;

use super::meta::{self, Meta};
use super::text::{append_text, plain_of, span_of, text_from, TextBuilder};
use crate::leads;
use crate::model::{
    Document, Footnote, Instrument, InstrumentKind, Paragraph, Part, Passage, Provenance, Record,
    Subparagraph, Text,
};
use crate::warning::{line_of, Warning, WarningKind};

/// Reads the document under the `akomaNtoso` element.
pub fn read(name: &str, src: &str, root: Node<'_, '_>) -> Document {
    let mut reader = Reader {
        src,
        doc: Document {
            source: name.to_owned(),
            ..Default::default()
        },
    };
    reader.level(root, &mut Context::default());
    if reader.doc.instruments.is_empty() {
        reader.warn(WarningKind::NoInstrument, span_of(root));
    }
    reader.doc
}

/// What a file or collection says once for all the instruments in it.
#[derive(Clone, Debug, Default)]
struct Context {
    meta: Meta,
    /// From the cover page: "A/RES/75/101 A-B".
    document_symbol: Option<String>,
    session: Option<String>,
    agenda_item: Option<String>,
    /// A collection's number ("75/101"), which its parts ("A", "B") extend.
    number: Option<String>,
}

struct Reader<'s> {
    src: &'s str,
    doc: Document,
}

/// Element names that hold other blocks: an element with none of these
/// inside it is read as one passage.
const STRUCTURE: &[&str] = &[
    "paragraph",
    "point",
    "item",
    "list",
    "sublist",
    "blockList",
    "container",
    "section",
    "part",
    "chapter",
    "title",
    "subsection",
    "division",
    "hcontainer",
    "table",
    "tr",
    "doc",
    "mainBody",
    "attachment",
    "attachments",
    "preamble",
    "preface",
    "conclusions",
    "coverPage",
    "components",
    "component",
    "collectionBody",
    "embeddedStructure",
    "statement",
];

/// Headings of the main body: kept with the paragraph after them.
const HEADINGS: &[&str] = &["num", "heading", "subheading", "crossHeading"];

/// Groups of paragraphs in the main body.
const SECTIONS: &[&str] = &[
    "section",
    "part",
    "chapter",
    "title",
    "subsection",
    "division",
    "subdivision",
    "hcontainer",
    "book",
    "tome",
];

impl Reader<'_> {
    fn warn(&mut self, kind: WarningKind, span: crate::model::Span) {
        let line = line_of(self.src, span.start);
        self.doc.warnings.push(Warning { kind, span, line });
    }

    /// The document or collection level: metadata, cover pages, and the
    /// instruments.
    fn level(&mut self, node: Node<'_, '_>, ctx: &mut Context) {
        for child in node.children() {
            if child.is_text() {
                self.unassigned_text(child);
                continue;
            }
            if !child.is_element() {
                continue;
            }
            match child.tag_name().name() {
                "meta" => ctx.meta = meta::read(child),
                "coverPage" => self.cover(child, ctx),
                "preface" => self.collection_preface(child, ctx),
                "statement" | "doc" => self.instrument(child, ctx.clone()),
                "documentCollection" | "components" | "component" | "collectionBody" => {
                    self.level(child, ctx)
                }
                _ => {
                    let passages = self.passages(child, &mut Vec::new());
                    self.doc.unassigned.extend(passages);
                }
            }
        }
    }

    fn unassigned_text(&mut self, node: Node<'_, '_>) {
        let text = node.text().unwrap_or_default();
        if !text.trim().is_empty() {
            let mut b = TextBuilder::default();
            b.push_str(text);
            self.doc.unassigned.push(Passage {
                text: b.finish().0.plain,
                footnote_mark: None,
                span: span_of(node),
            });
        }
    }

    /// The cover page: kept as passages of the document, and read for the
    /// symbol, the session and the agenda item.
    fn cover(&mut self, node: Node<'_, '_>, ctx: &mut Context) {
        let mut item_number = None;
        let mut item_name = None;
        for el in node.descendants().filter(Node::is_element) {
            match el.tag_name().name() {
                "docNumber" => ctx.document_symbol = Some(plain_of(el).0),
                "session" => ctx.session = el.attribute("value").map(|v| v.trim().to_owned()),
                "inline" => match el.attribute("name") {
                    Some("agenda item") => {
                        item_number = el.attribute("title").map(str::to_owned).or_else(|| {
                            let t = plain_of(el).0;
                            t.strip_prefix("Agenda item ").map(str::to_owned)
                        })
                    }
                    Some("agenda item name") => item_name = Some(plain_of(el).0),
                    _ => {}
                },
                _ => {}
            }
        }
        ctx.agenda_item = match (item_number, item_name) {
            (Some(n), Some(name)) => Some(format!("{n}: {name}")),
            (n, name) => n.or(name),
        }
        .or(ctx.agenda_item.take());
        // One passage a line of the cover page.
        for line in node.children() {
            if line.is_element() {
                let passages = self.passages(line, &mut Vec::new());
                self.doc.unassigned.extend(passages);
            } else if line.is_text() {
                self.unassigned_text(line);
            }
        }
    }

    /// A collection's preface ("75/101. Questions relating to
    /// information"): its number names the parts; its text is kept.
    fn collection_preface(&mut self, node: Node<'_, '_>, ctx: &mut Context) {
        if let Some(n) = node
            .descendants()
            .find(|e| e.tag_name().name() == "docNumber")
        {
            ctx.number = Some(number_of(&plain_of(n).0));
        }
        let passages = self.passages(node, &mut Vec::new());
        self.doc.unassigned.extend(passages);
    }

    /// One instrument, and after it any instrument it quotes (a draft
    /// resolution it recommends).
    fn instrument(&mut self, node: Node<'_, '_>, mut ctx: Context) {
        let kind = if node
            .attribute("name")
            .is_some_and(|n| n.contains("decision"))
        {
            InstrumentKind::Decision
        } else {
            InstrumentKind::Resolution
        };
        let own_meta = node
            .children()
            .find(|c| c.tag_name().name() == "meta")
            .map(meta::read);
        let mut b = Builder {
            inst: Instrument {
                kind,
                span: span_of(node),
                ..Default::default()
            },
            heading: Vec::new(),
            last_number: None,
            annex: node.tag_name().name() == "doc",
        };
        let mut quoted = Vec::new();
        let mut annexes = Vec::new();
        for child in node.children() {
            if child.is_text() {
                self.unassigned_text(child);
                continue;
            }
            if !child.is_element() {
                continue;
            }
            match child.tag_name().name() {
                "meta" => {}
                "coverPage" => self.cover(child, &mut ctx),
                "preface" => self.preface(child, &mut b, &ctx),
                "preamble" => self.preamble(child, &mut b),
                "mainBody" => self.main_body(child, &mut b),
                "conclusions" => {
                    let mut t = TextBuilder::default();
                    t.read(child, &|_| false);
                    let (text, notes) = t.finish();
                    b.inst.footnotes.extend(notes);
                    if !text.plain.is_empty() {
                        let adopted = b.inst.adopted.take();
                        b.inst.adopted = Some(match adopted {
                            Some(a) => format!("{a} {}", text.plain),
                            None => text.plain,
                        });
                    }
                }
                "components" => quoted.push(child),
                "attachments" => {
                    let docs = child.children().flat_map(|a| a.children());
                    for doc in docs.filter(|d| is_numbered_annex(*d)) {
                        annexes.push(doc);
                    }
                    b.flush_heading_to_annex(span_of(child));
                    let passages = self.passages_outside(child, &annexes, &mut b.inst.footnotes);
                    b.inst.annex.extend(passages);
                }
                _ => {
                    b.flush_heading_to_annex(span_of(child));
                    let passages = self.passages(child, &mut b.inst.footnotes);
                    b.inst.annex.extend(passages);
                }
            }
        }
        b.flush_heading_to_annex(b.inst.span);
        let meta = own_meta.unwrap_or_else(|| ctx.meta.clone());
        self.finish(&mut b.inst, &meta, &ctx);
        self.doc.instruments.push(b.inst);
        let parent = self.doc.instruments.len() - 1;
        for a in annexes {
            self.annex_instrument(a, parent, &ctx);
        }
        for q in quoted {
            // A quoted draft has no cover page or number of its own.
            let inner = Context {
                meta: Meta::default(),
                ..Default::default()
            };
            self.level(q, &mut inner.clone());
        }
    }

    /// An annex of numbered paragraphs (a declaration, a programme of
    /// action) as an instrument of its own, so that its paragraphs are
    /// searched, compared and cited: "A/RES/80/9, annex, op. 4". Its
    /// headings name it ("Annex", then its title); body and record are its
    /// resolution's.
    fn annex_instrument(&mut self, doc: Node<'_, '_>, parent: usize, ctx: &Context) {
        let before = self.doc.instruments.len();
        self.instrument(
            doc,
            Context {
                meta: Meta::default(),
                ..ctx.clone()
            },
        );
        let Some(parent) = self.doc.instruments.get(parent).cloned() else {
            return;
        };
        for inst in &mut self.doc.instruments[before..] {
            // The first paragraph's heading names the annex: "Annex",
            // "Annex II", then its title. It becomes designation and title.
            let first = inst.preambular.first_mut().or(inst.operative.first_mut());
            let heading = first.and_then(|p| p.heading.take()).unwrap_or_default();
            let (designation, title) = split_annex_heading(&heading);
            inst.symbol = parent.symbol.as_ref().map(|s| {
                let which = designation.as_deref().unwrap_or("Annex");
                format!("{s}, {}", which.to_lowercase())
            });
            inst.designation = designation;
            inst.title = title;
            inst.symbol_from = parent.symbol_from;
            inst.body = parent.body.clone();
            inst.body_from = parent.body.as_ref().map(|_| Provenance::Metadata);
            inst.year = parent.year;
            inst.year_from = parent.year_from;
            inst.record = parent.record.clone();
        }
    }

    /// Passages of `node` outside the annexes read as instruments.
    fn passages_outside(
        &mut self,
        node: Node<'_, '_>,
        skip: &[Node<'_, '_>],
        footnotes: &mut Vec<Footnote>,
    ) -> Vec<Passage> {
        if skip.iter().any(|s| s == &node) {
            return Vec::new();
        }
        if !skip.iter().any(|s| s.ancestors().any(|a| a == node)) {
            return self.passages(node, footnotes);
        }
        let mut out = Vec::new();
        for child in node.children() {
            out.extend(self.passages_outside(child, skip, footnotes));
        }
        out
    }

    /// The record, and the body, symbol and year where the text is silent.
    fn finish(&mut self, inst: &mut Instrument, meta: &Meta, ctx: &Context) {
        let mut record: Record = meta.record.clone();
        if record == Record::default() {
            record = ctx.meta.record.clone();
        }
        record.document_symbol = ctx
            .document_symbol
            .clone()
            .map(|s| match &inst.designation {
                // The cover names the collection ("A/RES/75/101 A-B"); a part is
                // one of its letters.
                Some(part) if is_part_letter(part) => {
                    let base = s.trim_end_matches(|c: char| c.is_ascii_uppercase() || c == '-');
                    format!("{} {}", base.trim_end(), part.trim())
                }
                _ => s,
            });
        record.session = ctx.session.clone();
        record.agenda_item = ctx.agenda_item.clone();
        let frbr_body = meta.body.or(ctx.meta.body);
        match (&inst.body, frbr_body) {
            (None, Some(name)) => {
                inst.body = Some(format!("The {name}"));
                inst.body_from = Some(Provenance::Metadata);
            }
            (Some(text), Some(name)) => {
                if crate::bodies::known(text).is_some_and(|b| b.name != name) {
                    let span = inst.span;
                    self.warn(
                        WarningKind::MetadataConflict {
                            field: "body".into(),
                            text: text.clone(),
                            metadata: name.into(),
                        },
                        span,
                    );
                }
            }
            _ => {}
        }
        if inst.symbol.is_none() {
            if let Some(n) = meta.number.clone() {
                inst.symbol = Some(n);
                inst.symbol_from = Some(Provenance::Metadata);
            }
        }
        if let Some(year) = record.date.as_ref().and_then(|d| d[..4].parse().ok()) {
            inst.year = Some(year);
            inst.year_from = Some(Provenance::Metadata);
        }
        inst.record = record;
    }

    /// The preface: "78/228." and the title.
    fn preface(&mut self, node: Node<'_, '_>, b: &mut Builder, ctx: &Context) {
        let mut rest = TextBuilder::default();
        for el in node.children() {
            if el.tag_name().name() != "p" {
                rest.element(el, &|_| false);
                continue;
            }
            for c in el.children() {
                match c.tag_name().name() {
                    "docNumber" if b.inst.designation.is_none() => {
                        let (text, notes) = plain_of(c);
                        b.inst.footnotes.extend(notes);
                        let symbol = if is_part_letter(&text) {
                            ctx.number.as_ref().map(|n| format!("{n} {}", text.trim()))
                        } else if text.starts_with(|c: char| c.is_ascii_digit())
                            || (text.contains('/') && !text.contains(' '))
                        {
                            Some(number_of(&text))
                        } else {
                            None
                        };
                        b.inst.symbol_from = symbol.as_ref().map(|_| Provenance::Text);
                        b.inst.symbol = symbol;
                        b.inst.designation = Some(text);
                    }
                    "docTitle" if b.inst.title.is_empty() => {
                        let (text, notes) = plain_of(c);
                        b.inst.footnotes.extend(notes);
                        b.inst.title = text;
                    }
                    _ if c.is_text() => rest.push_str(c.text().unwrap_or_default()),
                    _ if c.is_element() => rest.element(c, &|_| false),
                    _ => {}
                }
            }
        }
        let (text, notes) = rest.finish();
        b.inst.footnotes.extend(notes);
        if !text.plain.is_empty() {
            self.doc.unassigned.push(Passage {
                text: text.plain,
                footnote_mark: None,
                span: span_of(node),
            });
        }
    }

    /// The preamble: the enacting formula and the preambular paragraphs.
    fn preamble(&mut self, node: Node<'_, '_>, b: &mut Builder) {
        for child in node.children() {
            if child.is_text() {
                if !child.text().unwrap_or_default().trim().is_empty() {
                    b.heading.push(plain_of(child).0);
                }
                continue;
            }
            match child.tag_name().name() {
                "formula" if b.inst.body.is_none() => {
                    let (text, notes) = plain_of(child);
                    b.inst.footnotes.extend(notes);
                    let body = text.trim_end_matches([',', ' ', ':']).to_owned();
                    if !body.is_empty() {
                        b.inst.body = Some(body);
                        b.inst.body_from = Some(Provenance::Text);
                    }
                }
                "blockList"
                    if !b.inst.preambular.is_empty()
                        && !child
                            .children()
                            .any(|c| c.tag_name().name() == "listIntroduction") =>
                {
                    // Items after a paragraph, outside it: its sub-paragraphs.
                    let mut stray = TextBuilder::default();
                    let mut subs = Vec::new();
                    self.list(child, &mut stray, &mut subs, &mut b.inst.footnotes);
                    let (stray, notes) = stray.finish();
                    b.inst.footnotes.extend(notes);
                    let count = subs.len();
                    if let Some(last) = b.inst.preambular.last_mut() {
                        append_text(&mut last.text, stray);
                        last.subparagraphs.extend(subs);
                    }
                    self.warn(
                        WarningKind::MarkupRepaired {
                            repair: format!(
                                "a list of {count} items follows preambular paragraph {} \
                                 outside it; read as its sub-paragraphs",
                                b.inst.preambular.len()
                            ),
                        },
                        span_of(child),
                    );
                }
                "container" | "blockList" => self.paragraph(child, b, Part::Preambular),
                "p" => {
                    let (text, notes) = plain_of(child);
                    b.inst.footnotes.extend(notes);
                    if !text.is_empty() {
                        b.heading.push(text);
                    }
                }
                _ if child.is_element() => {
                    b.flush_heading_to_annex(span_of(child));
                    let passages = self.passages(child, &mut b.inst.footnotes);
                    b.inst.annex.extend(passages);
                }
                _ => {}
            }
        }
    }

    /// The main body: operative paragraphs, in sections or not, and the
    /// headings between them.
    fn main_body(&mut self, node: Node<'_, '_>, b: &mut Builder) {
        for child in node.children() {
            if child.is_text() {
                if !child.text().unwrap_or_default().trim().is_empty() {
                    b.heading.push(plain_of(child).0);
                }
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child.tag_name().name();
            if name == "paragraph" && b.annex && is_title_line(child) {
                let (text, notes) = plain_of(child);
                b.inst.footnotes.extend(notes);
                b.heading.push(text);
            } else if name == "paragraph" && is_clause(child) && self.stray_label(child, b) {
                // Read as a sub-paragraph of the paragraph before it.
            } else if name == "paragraph" && is_clause(child) {
                self.paragraph(child, b, Part::Operative);
            } else if name == "paragraph" || HEADINGS.contains(&name) {
                let (text, notes) = plain_of(child);
                b.inst.footnotes.extend(notes);
                if !text.is_empty() {
                    b.heading.push(text);
                }
            } else if SECTIONS.contains(&name) {
                self.main_body(child, b);
            } else {
                b.flush_heading_to_annex(span_of(child));
                let passages = self.passages(child, &mut b.inst.footnotes);
                b.inst.annex.extend(passages);
            }
        }
    }

    /// A sub-paragraph marked up as a paragraph: no number, its text opens
    /// with a label ("(a) To cooperate…") and follows an operative
    /// paragraph. It is read as that paragraph's sub-paragraph, and said so.
    fn stray_label(&mut self, node: Node<'_, '_>, b: &mut Builder) -> bool {
        if b.inst.operative.is_empty() {
            return false;
        }
        let num = node.children().find(|c| c.tag_name().name() == "num");
        let num_label = num.map(|n| plain_of(n).0);
        if num_label
            .as_deref()
            .is_some_and(|l| split_label(&format!("{l} x")).is_none())
        {
            return false;
        }
        let span = span_of(node);
        let after = u32::try_from(b.inst.operative.len()).unwrap_or(u32::MAX);
        let sub = if num_label.is_some() {
            // Read as a point is: its number the label, its list deeper.
            self.subparagraph(node, &mut b.inst.footnotes)
        } else {
            let mut t = TextBuilder::default();
            t.read(node, &|_| false);
            let (text, notes) = t.finish();
            let Some((label, rest)) = split_label(&text.plain) else {
                return false;
            };
            let (label, rest) = (label.to_owned(), rest.to_owned());
            b.inst.footnotes.extend(notes);
            let cut = text.plain.len() - rest.len();
            Subparagraph {
                label,
                text: text_from(&text, cut),
                span,
                ..Default::default()
            }
        };
        let label = sub.label.clone();
        let parent = b.inst.operative.last_mut().expect("checked above");
        // "(i)" under a sub-paragraph that ends with a colon, or after a
        // roman sibling, is one level down; after "(h)" it is a letter.
        let nests = parent.subparagraphs.last().is_some_and(|last| {
            is_roman(&label)
                && ((label == "i"
                    && last.text.plain.ends_with(':')
                    && last.subparagraphs.is_empty())
                    || !last.subparagraphs.is_empty())
        });
        match parent.subparagraphs.last_mut() {
            Some(last) if nests => last.subparagraphs.push(sub),
            _ => parent.subparagraphs.push(sub),
        }
        self.warn(
            WarningKind::SubparagraphMarkedAsParagraph { label, after },
            span,
        );
        true
    }

    /// A preambular `container` or an operative `paragraph`.
    fn paragraph(&mut self, node: Node<'_, '_>, b: &mut Builder, part: Part) {
        let mut text = TextBuilder::default();
        let mut subs = Vec::new();
        let mut number_text = None;
        let mut heading = std::mem::take(&mut b.heading);
        let children: Box<dyn Iterator<Item = Node<'_, '_>>> =
            if node.tag_name().name() == "blockList" {
                self.list(node, &mut text, &mut subs, &mut b.inst.footnotes);
                Box::new(std::iter::empty())
            } else {
                Box::new(node.children())
            };
        for child in children {
            if child.is_text() {
                text.push_str(child.text().unwrap_or_default());
                continue;
            }
            match child.tag_name().name() {
                "num" if number_text.is_none() && text.is_empty() => {
                    let (t, notes) = plain_of(child);
                    b.inst.footnotes.extend(notes);
                    number_text = Some(t);
                }
                "heading" | "subheading" if text.is_empty() && subs.is_empty() => {
                    let (t, notes) = plain_of(child);
                    b.inst.footnotes.extend(notes);
                    heading.push(t);
                }
                "list" | "blockList" => {
                    self.list(child, &mut text, &mut subs, &mut b.inst.footnotes)
                }
                _ if child.is_element() => text.element(child, &|_| false),
                _ => {}
            }
        }
        let mut number = number_text.as_deref().and_then(parse_number);
        if number_text.is_none() && part == Part::Operative {
            // "6.\u{200e} Reaffirms …": the number inside the text (75/248).
            if let Some((n, rest)) = leading_number(&text) {
                number = Some(n);
                text = rest;
                self.warn(
                    WarningKind::MarkupRepaired {
                        repair: format!(
                            "operative paragraph {n} has its number inside its text; read as its number"
                        ),
                    },
                    span_of(node),
                );
            }
        }
        if let (Some(t), None) = (&number_text, number) {
            // "I", "A.": a number that is not one is text of the paragraph.
            let mut with = TextBuilder::default();
            with.push_str(t);
            with.space();
            let (rest, notes) = text.finish();
            b.inst.footnotes.extend(notes);
            text = with;
            text.append(rest);
        }
        let (plain, notes) = text.finish();
        b.inst.footnotes.extend(notes);
        let span = span_of(node);
        if let (Some(n), Some(last)) = (number, b.last_number) {
            if n != last + 1 {
                self.warn(
                    WarningKind::NumberOutOfSequence {
                        expected: last + 1,
                        found: n,
                    },
                    span,
                );
            }
        }
        if number.is_some() {
            b.last_number = number;
        }
        // An annex's paragraphs ("We, the States Members …") have no lead
        // phrase by nature: no warning for them.
        let lead = self.lead(node, &plain, part, span, !b.annex);
        let list = match part {
            Part::Preambular => &mut b.inst.preambular,
            Part::Operative => &mut b.inst.operative,
        };
        let ordinal = u32::try_from(list.len() + 1).unwrap_or(u32::MAX);
        list.push(Paragraph {
            part,
            ordinal,
            number,
            lead,
            heading: (!heading.is_empty()).then(|| heading.join(" ")),
            text: plain,
            subparagraphs: subs,
            span,
            ..Default::default()
        });
    }

    /// The lead phrase: the italics that open the paragraph, checked
    /// against the container's name and the lead table.
    fn lead(
        &mut self,
        node: Node<'_, '_>,
        text: &Text,
        part: Part,
        span: crate::model::Span,
        warn_missing: bool,
    ) -> Option<String> {
        let italic = text.emphasis.first().filter(|e| e.start == 0).map(|e| {
            text.plain[e.start..e.end]
                .trim_end_matches([',', ':', ';'])
                .to_owned()
        });
        let name = node
            .attribute("name")
            .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|n| !n.is_empty());
        if let (Some(i), Some(n)) = (&italic, &name) {
            if !i.eq_ignore_ascii_case(n) {
                self.warn(
                    WarningKind::LeadDisagrees {
                        name: n.clone(),
                        italic: i.clone(),
                    },
                    span,
                );
            }
        }
        let table = leads::match_lead(&text.plain, part).map(|m| m.phrase.to_owned());
        let lead = italic
            .or_else(|| name.filter(|n| text.plain.starts_with(n.as_str())))
            .or(table.clone());
        if lead.is_none() && !text.plain.is_empty() && warn_missing {
            let excerpt: String = text.plain.chars().take(60).collect();
            self.warn(WarningKind::NoLeadPhrase { excerpt }, span);
        }
        lead
    }

    /// A `list` (chapeau and points) or `blockList` (introduction and
    /// items): the chapeau joins the paragraph's text, each point is a
    /// sub-paragraph, and a `sublist` belongs to the point before it.
    fn list(
        &mut self,
        node: Node<'_, '_>,
        text: &mut TextBuilder,
        subs: &mut Vec<Subparagraph>,
        footnotes: &mut Vec<Footnote>,
    ) {
        for child in node.children() {
            if child.is_text() {
                text.push_str(child.text().unwrap_or_default());
                continue;
            }
            match child.tag_name().name() {
                "point" | "item" => subs.push(self.subparagraph(child, footnotes)),
                "sublist" | "list" | "blockList" => {
                    let mut ignored = TextBuilder::default();
                    let mut deeper = Vec::new();
                    self.list(child, &mut ignored, &mut deeper, footnotes);
                    let (stray, notes) = ignored.finish();
                    footnotes.extend(notes);
                    match subs.last_mut() {
                        Some(parent) => {
                            append_text(&mut parent.text, stray);
                            parent.subparagraphs.extend(deeper);
                        }
                        None => {
                            text.append(stray);
                            subs.extend(deeper);
                        }
                    }
                }
                _ if child.is_element() => text.element(child, &|_| false),
                _ => {}
            }
        }
    }

    fn subparagraph(&mut self, node: Node<'_, '_>, footnotes: &mut Vec<Footnote>) -> Subparagraph {
        let mut label = None;
        let mut text = TextBuilder::default();
        let mut subs = Vec::new();
        for child in node.children() {
            if child.is_text() {
                text.push_str(child.text().unwrap_or_default());
                continue;
            }
            match child.tag_name().name() {
                "num" if label.is_none() && text.is_empty() => {
                    let (t, notes) = plain_of(child);
                    footnotes.extend(notes);
                    label = Some(t);
                }
                "list" | "sublist" | "blockList" => {
                    self.list(child, &mut text, &mut subs, footnotes)
                }
                _ if child.is_element() => text.element(child, &|_| false),
                _ => {}
            }
        }
        let (plain, notes) = text.finish();
        footnotes.extend(notes);
        Subparagraph {
            label: label.as_deref().map(bare_label).unwrap_or_default(),
            text: plain,
            subparagraphs: subs,
            span: span_of(node),
            ..Default::default()
        }
    }

    /// An element kept as it reads: one passage per block that holds no
    /// other block, footnotes taken out into `footnotes`.
    fn passages(&mut self, node: Node<'_, '_>, footnotes: &mut Vec<Footnote>) -> Vec<Passage> {
        let mut out = Vec::new();
        self.collect_passages(node, footnotes, &mut out);
        out
    }

    fn collect_passages(
        &mut self,
        node: Node<'_, '_>,
        footnotes: &mut Vec<Footnote>,
        out: &mut Vec<Passage>,
    ) {
        let holds_blocks = node.descendants().skip(1).any(|d| {
            d.is_element()
                && STRUCTURE.contains(&d.tag_name().name())
                && !d
                    .ancestors()
                    .any(|a| a.tag_name().name() == "authorialNote")
        });
        if !holds_blocks || node.is_text() {
            let (text, notes) = if node.is_text() {
                let mut b = TextBuilder::default();
                b.push_str(node.text().unwrap_or_default());
                b.finish()
            } else {
                let mut b = TextBuilder::default();
                b.element(node, &|_| false);
                b.finish()
            };
            footnotes.extend(notes);
            if !text.plain.is_empty() {
                out.push(Passage {
                    text: text.plain,
                    footnote_mark: None,
                    span: span_of(node),
                });
            }
            return;
        }
        for child in node.children() {
            if child.is_element() && child.tag_name().name() == "meta" {
                continue;
            }
            if child.is_element() || child.is_text() {
                self.collect_passages(child, footnotes, out);
            }
        }
    }
}

/// An instrument being read: the headings waiting for their paragraph.
struct Builder {
    inst: Instrument,
    heading: Vec<String>,
    last_number: Option<u32>,
    /// An annex read as an instrument: its unnumbered lines with no
    /// closing punctuation ("Annex", its title) are headings.
    annex: bool,
}

impl Builder {
    /// Headings with no paragraph after them are kept in the annex.
    fn flush_heading_to_annex(&mut self, span: crate::model::Span) {
        if !self.heading.is_empty() {
            self.inst.annex.push(Passage {
                text: self.heading.join(" "),
                footnote_mark: None,
                span,
            });
            self.heading.clear();
        }
    }
}

/// "Annex II Programme of Action" is ("Annex II", "Programme of Action");
/// a heading that does not open with "Annex" is all title.
fn split_annex_heading(heading: &str) -> (Option<String>, String) {
    let Some(rest) = heading.strip_prefix("Annex") else {
        return (None, heading.to_owned());
    };
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return (None, heading.to_owned());
    }
    let rest = rest.trim_start();
    let numeral = rest.split(' ').next().unwrap_or_default();
    if !numeral.is_empty() && numeral.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        let title = rest[numeral.len()..].trim_start().to_owned();
        return (Some(format!("Annex {numeral}")), title);
    }
    (Some("Annex".to_owned()), rest.to_owned())
}

/// An unnumbered paragraph whose text does not end as a sentence does:
/// in an annex, a title line ("Annex", "2025 Political Declaration …").
fn is_title_line(node: Node<'_, '_>) -> bool {
    if node.children().any(|c| c.tag_name().name() == "num") {
        return false;
    }
    let text = plain_of(node).0;
    let last = text.trim_end_matches(['”', '’', '"', ')']).chars().last();
    !text.is_empty() && !matches!(last, Some('.' | ';' | ':' | ','))
}

/// An annex (`doc` in `attachments`) whose main body holds numbered
/// paragraphs: read as an instrument of its own.
fn is_numbered_annex(node: Node<'_, '_>) -> bool {
    node.tag_name().name() == "doc"
        && node
            .parent_element()
            .is_some_and(|p| p.tag_name().name() == "attachment")
        && node.children().any(|c| {
            c.tag_name().name() == "mainBody"
                && c.descendants().any(|p| {
                    p.tag_name().name() == "paragraph"
                        && p.children().any(|n| n.tag_name().name() == "num")
                        && !p
                            .ancestors()
                            .any(|a| a.tag_name().name() == "embeddedStructure")
                })
        })
}

/// Whether a `paragraph` is a clause (it has content, and words in it)
/// rather than a heading or a separator ("* * *") marked up as one.
fn is_clause(node: Node<'_, '_>) -> bool {
    node.children()
        .any(|c| matches!(c.tag_name().name(), "content" | "list" | "p" | "blockList"))
        && node.descendants().filter(|d| d.is_text()).any(|t| {
            t.text()
                .is_some_and(|s| s.chars().any(char::is_alphanumeric))
        })
}

/// A text that opens with a paragraph number ("6." and perhaps a
/// left-to-right mark): the number, and the text without it.
fn leading_number(text: &TextBuilder) -> Option<(u32, TextBuilder)> {
    let plain = text.plain();
    let digits = plain.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || plain.starts_with('0') {
        return None;
    }
    let after = plain[digits..].strip_prefix('.')?;
    let rest = after.trim_start_matches(['\u{200e}', '\u{200f}']);
    let rest = rest.strip_prefix(' ')?;
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let n = plain[..digits].parse().ok()?;
    let cut = plain.len() - rest.len();
    Some((n, text.after(cut)))
}

/// "1." is 1.
fn parse_number(num: &str) -> Option<u32> {
    num.trim().trim_end_matches('.').trim().parse().ok()
}

/// "78/228." is "78/228".
fn number_of(designation: &str) -> String {
    designation.trim().trim_end_matches('.').trim().to_owned()
}

/// "A", "B": a part of a collection.
fn is_part_letter(s: &str) -> bool {
    let s = s.trim().trim_end_matches('.');
    s.len() == 1 && s.chars().all(|c| c.is_ascii_uppercase())
}

/// "(a) To cooperate" is ("a", "To cooperate"): a label of one to four
/// letters in brackets opening a text.
fn split_label(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix('(')?;
    let close = rest.find(')')?;
    let label = &rest[..close];
    let after = rest[close + 1..].strip_prefix(' ')?;
    let is_label = (1..=4).contains(&label.len()) && label.chars().all(|c| c.is_ascii_lowercase());
    is_label.then_some((label, after))
}

fn is_roman(label: &str) -> bool {
    !label.is_empty() && label.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
}

/// "(a)" is "a", "(ii)" is "ii", "a." is "a".
fn bare_label(num: &str) -> String {
    num.trim()
        .trim_start_matches('(')
        .trim_end_matches(['.', ')'])
        .trim()
        .to_owned()
}
