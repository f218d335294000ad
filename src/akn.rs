//! The UN's own machine-readable resolutions: Akoma Ntoso (AKN4UN) XML,
//! read into the same [`Document`] model as the text parser's.
//!
//! DGACM marks up each adopted resolution: preambular paragraphs as
//! `container`s named by their opening phrase, numbered operative
//! `paragraph`s, sub-paragraphs as `list`/`point` (and `sublist`, which
//! some files put beside its parent point rather than inside it),
//! footnotes inline where cited (`authorialNote`), and a `meta` block with
//! the FRBR identification, subjects, workflow and vote. What is not a
//! clause (the cover page, annexes, tables, headings) is kept as passages,
//! so that every word of the file's text outside `meta` lands in exactly
//! one place of the output, as for text.
//!
//! The XML is read with `roxmltree`: a document type declaration is
//! refused (so no entity is ever expanded or fetched), and nesting deeper
//! than [`MAX_DEPTH`] is an error rather than a deep recursion.
//!
//! ```
//! let xml = r#"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
//!   <statement name="resolution"><preface><p><docNumber>78/228.</docNumber>
//!   <docTitle>Improving coordination</docTitle></p></preface>
//!   <preamble><formula name="enactingFormula"><p><span class="italic">The General Assembly</span>,</p></formula>
//!   <container name="Recalling"><p><span class="italic">Recalling</span> its resolutions,</p></container></preamble>
//!   <mainBody><paragraph><num>1.</num><content><p><span class="italic">Urges</span> States to act.</p></content></paragraph></mainBody>
//!   </statement></akomaNtoso>"#;
//! let mut docs = vec![clause_explorer::akn::import("a.xml", xml).unwrap()];
//! clause_explorer::cite::assign(&mut docs);
//! let inst = &docs[0].instruments[0];
//! assert_eq!(inst.citation, "A/RES/78/228");
//! assert_eq!(inst.operative[0].citation, "A/RES/78/228, op. 1");
//! assert_eq!(inst.preambular[0].lead.as_deref(), Some("Recalling"));
//! ```

mod body;
mod meta;
mod text;

use std::fmt;

use crate::model::Document;

/// Nesting deeper than this is refused: the UN's files nest about 15
/// levels deep.
pub const MAX_DEPTH: usize = 200;

/// The Akoma Ntoso namespace (version 3.0, which AKN4UN uses).
pub const NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// Why a file cannot be read as Akoma Ntoso.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AknError {
    pub kind: AknErrorKind,
    /// 1-based line and column of the problem.
    pub line: u32,
    pub column: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AknErrorKind {
    /// Occurs when the XML is not well-formed (truncated, unclosed,
    /// unknown entity); the parser's own words.
    Malformed(String),
    /// Occurs when the file declares a document type: its entities are
    /// never expanded (a "billion laughs") nor fetched (external ones).
    Doctype,
    /// Occurs when the root element is not `akomaNtoso`.
    NotAkomaNtoso { root: String },
    /// Occurs when elements nest deeper than [`MAX_DEPTH`].
    TooDeep,
}

impl fmt::Display for AknError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            AknErrorKind::Malformed(why) => write!(f, "malformed XML: {why}"),
            AknErrorKind::Doctype => write!(
                f,
                "the file declares a document type (<!DOCTYPE>); Akoma Ntoso files have \
                 none, and its entities are not read"
            ),
            AknErrorKind::NotAkomaNtoso { root } => write!(
                f,
                "not an Akoma Ntoso file: the root element is <{root}>, expected <akomaNtoso>"
            ),
            AknErrorKind::TooDeep => {
                write!(f, "elements nest more than {MAX_DEPTH} levels deep")
            }
        }
    }
}

impl std::error::Error for AknError {}

/// Whether a file name is an XML file, to be read by [`import`].
pub fn is_xml_name(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("xml"))
}

/// Reads one Akoma Ntoso file into a document: one instrument per
/// resolution, decision or part it holds. Ids and citations are given by
/// [`crate::cite::assign`], as for text.
pub fn import(name: &str, src: &str) -> Result<Document, AknError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..Default::default()
    };
    let xml = roxmltree::Document::parse_with_options(src, options).map_err(|e| {
        let pos = e.pos();
        let (kind, line, column) = match e {
            roxmltree::Error::DtdDetected => (AknErrorKind::Doctype, pos.row, pos.col),
            // A truncated file: where it ends is where the reader looks.
            roxmltree::Error::UnclosedRootNode | roxmltree::Error::UnexpectedEndOfStream => {
                let (line, column) = end_of(src);
                let why = "the file ends before its root element is closed (truncated?)";
                (AknErrorKind::Malformed(why.into()), line, column)
            }
            other => (AknErrorKind::Malformed(other.to_string()), pos.row, pos.col),
        };
        AknError { kind, line, column }
    })?;
    let at = |node: roxmltree::Node<'_, '_>, kind| {
        let pos = xml.text_pos_at(node.range().start);
        AknError {
            kind,
            line: pos.row,
            column: pos.col,
        }
    };
    let root = xml.root_element();
    if root.tag_name().name() != "akomaNtoso" {
        let root_name = root.tag_name().name().to_owned();
        return Err(at(root, AknErrorKind::NotAkomaNtoso { root: root_name }));
    }
    if let Some(deep) = too_deep(root) {
        return Err(at(deep, AknErrorKind::TooDeep));
    }
    Ok(body::read(name, src, root))
}

/// The 1-based line and column just past the end of `src`.
fn end_of(src: &str) -> (u32, u32) {
    let line = src.bytes().filter(|&b| b == b'\n').count() + 1;
    let column = src.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

/// The first element deeper than [`MAX_DEPTH`], found in one linear walk
/// (each node's depth from its parent's, by node index).
fn too_deep<'a, 'i>(root: roxmltree::Node<'a, 'i>) -> Option<roxmltree::Node<'a, 'i>> {
    let mut depth: Vec<u16> = Vec::new();
    for n in root.descendants() {
        let d = n
            .parent()
            .and_then(|p| depth.get(p.id().get_usize()).copied())
            .map_or(1, |d| d.saturating_add(1));
        let i = n.id().get_usize();
        if depth.len() <= i {
            depth.resize(i + 1, 0);
        }
        depth[i] = d;
        if usize::from(d) > MAX_DEPTH {
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests;
