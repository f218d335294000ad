//! Block content: the paragraphs of the body (and of a footnote), with
//! tables, content controls and tracked insertions opened up so that no
//! paragraph is lost, and each paragraph's heading level and automatic
//! number.

use roxmltree::{Document, Node};

use super::footnotes::Marks;
use super::numbering::{Counters, Numbering};
use super::runs::{settle_superscripts, Piece, RunReader};
use super::styles::Styles;
use super::{archive, xml, DocxError, DocxErrorKind};

/// A paragraph as read from Word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Paragraph {
    /// From its style: 1 for Title and Heading 1, and so on.
    pub heading: Option<u8>,
    /// Its automatic number as Word shows it ("3.", "(b)").
    pub label: Option<String>,
    pub pieces: Vec<Piece>,
}

/// The paragraphs of `word/document.xml`'s body.
pub(super) fn read_document(
    doc: &Document<'_>,
    styles: &Styles,
    numbering: &Numbering,
    marks: &mut Marks,
) -> Result<Vec<Paragraph>, DocxError> {
    let Some(body) = xml::child(doc.root_element(), "body") else {
        return Err(DocxError::new(DocxErrorKind::Xml {
            part: archive::DOCUMENT.to_owned(),
            reason: "no w:body element under the root".to_owned(),
        }));
    };
    read_blocks(
        body,
        archive::DOCUMENT,
        styles,
        Some(numbering),
        Some(marks),
    )
}

/// The paragraphs inside `node`, in order. Without `numbering`, automatic
/// numbers are not counted; without `marks`, footnote references are not
/// read.
pub(super) fn read_blocks(
    node: Node<'_, '_>,
    part: &'static str,
    styles: &Styles,
    numbering: Option<&Numbering>,
    marks: Option<&mut Marks>,
) -> Result<Vec<Paragraph>, DocxError> {
    let mut reader = BlockReader {
        part,
        styles,
        numbering,
        counters: Counters::default(),
        marks,
        out: Vec::new(),
    };
    reader.blocks(node, 0)?;
    Ok(reader.out)
}

struct BlockReader<'a, 'm> {
    part: &'static str,
    styles: &'a Styles,
    numbering: Option<&'a Numbering>,
    counters: Counters,
    marks: Option<&'m mut Marks>,
    out: Vec<Paragraph>,
}

impl BlockReader<'_, '_> {
    fn blocks(&mut self, node: Node<'_, '_>, depth: usize) -> Result<(), DocxError> {
        if depth > xml::MAX_DEPTH {
            return Err(xml::too_deep(self.part));
        }
        for child in node.children() {
            match xml::w_name(child) {
                Some("p") => self.paragraph(child, depth + 1)?,
                // Each cell's paragraphs are paragraphs; content controls,
                // custom XML and tracked insertions hold paragraphs too.
                Some(
                    "tbl" | "tr" | "tc" | "sdt" | "sdtContent" | "customXml" | "ins" | "moveTo",
                ) => self.blocks(child, depth + 1)?,
                // Section and table properties, deleted and moved-away
                // paragraphs, bookmarks.
                _ => {}
            }
        }
        Ok(())
    }

    fn paragraph(&mut self, p: Node<'_, '_>, depth: usize) -> Result<(), DocxError> {
        let props = xml::child(p, "pPr");
        let style = props.and_then(|pp| xml::child_val(pp, "pStyle"));
        let heading = style.and_then(|s| self.styles.heading(s));
        let label = self.label(props, style);
        let mut pieces = Vec::new();
        let mut runs = RunReader {
            part: self.part,
            styles: self.styles,
            para_style: style,
            marks: self.marks.as_deref_mut(),
        };
        runs.content(p, &mut pieces, depth)?;
        if let Some(mark) = self
            .marks
            .as_deref_mut()
            .and_then(Marks::unclaimed_custom_mark)
        {
            pieces.push(Piece::Mark(mark));
        }
        self.out.push(Paragraph {
            heading,
            label,
            pieces: settle_superscripts(pieces),
        });
        Ok(())
    }

    /// Counts the paragraph's automatic number, set directly (`w:numPr`)
    /// or by its style, and returns its label. `w:numId` 0 turns a style's
    /// numbering off.
    fn label(&mut self, props: Option<Node<'_, '_>>, style: Option<&str>) -> Option<String> {
        let numbering = self.numbering?;
        let direct = props.and_then(|pp| xml::child(pp, "numPr"));
        let from_style = style.and_then(|s| self.styles.numbering(s));
        let num_id = direct
            .and_then(|n| xml::child_number(n, "numId"))
            .or(from_style.map(|r| r.num_id))?;
        if num_id == 0 {
            return None;
        }
        let level = direct
            .and_then(|n| xml::child_number(n, "ilvl"))
            .map(|l| u8::try_from(l).unwrap_or(u8::MAX))
            .or(from_style.map(|r| r.level))
            .unwrap_or(0);
        numbering.label(&mut self.counters, num_id, level)
    }
}
