//! WordprocessingML as roxmltree sees it: decoding a part, parsing it, and
//! naming elements and attributes in Word's namespace.

use std::borrow::Cow;

use roxmltree::{Document, Node};

use super::{DocxError, DocxErrorKind};

/// The deepest element nesting the readers walk into: 256. Word nests
/// tables in tables and content controls in content controls, but a
/// resolution never needs more than a few dozen levels; the limit keeps a
/// crafted file from exhausting the stack (the walk is recursive).
pub const MAX_DEPTH: usize = 256;

/// Word's main namespace, transitional and strict.
const W_NAMESPACES: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// A part's bytes as text: UTF-8 (a byte-order mark dropped) or UTF-16
/// with a byte-order mark, the encodings XML allows without a declaration
/// to read first.
pub(super) fn decode<'a>(part: &str, bytes: &'a [u8]) -> Result<Cow<'a, str>, DocxError> {
    let xml_error = |reason: String| {
        DocxError::new(DocxErrorKind::Xml {
            part: part.to_owned(),
            reason,
        })
    };
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units = rest.chunks_exact(2).map(|c| unit([c[0], c[1]]));
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map(Cow::Owned)
            .map_err(|_| xml_error("invalid UTF-16".to_owned()))
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    let rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(rest).map(Cow::Borrowed).map_err(|e| {
        xml_error(format!(
            "not UTF-8 text: invalid byte at offset {}",
            e.valid_up_to()
        ))
    })
}

/// Parses a part. A DTD is refused (roxmltree's default), so no entity is
/// expanded.
pub(super) fn parse<'a>(part: &str, text: &'a str) -> Result<Document<'a>, DocxError> {
    Document::parse(text).map_err(|e| {
        DocxError::new(DocxErrorKind::Xml {
            part: part.to_owned(),
            reason: e.to_string(),
        })
    })
}

/// [`decode`] for a part the archive may lack.
pub(super) fn decode_optional<'a>(
    part: &str,
    bytes: &'a Option<Vec<u8>>,
) -> Result<Option<Cow<'a, str>>, DocxError> {
    bytes.as_deref().map(|b| decode(part, b)).transpose()
}

/// [`parse`] for a part the archive may lack.
pub(super) fn parse_optional<'a>(
    part: &str,
    text: &'a Option<Cow<'_, str>>,
) -> Result<Option<Document<'a>>, DocxError> {
    text.as_deref().map(|t| parse(part, t)).transpose()
}

/// The error for an element nested deeper than [`MAX_DEPTH`].
pub(super) fn too_deep(part: &str) -> DocxError {
    DocxError::new(DocxErrorKind::Xml {
        part: part.to_owned(),
        reason: format!("elements nested more than {MAX_DEPTH} deep"),
    })
}

/// Whether `node` is the Word element `w:name`.
pub(super) fn is(node: Node<'_, '_>, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node
            .tag_name()
            .namespace()
            .is_some_and(|ns| W_NAMESPACES.contains(&ns))
}

/// The local name of `node` if it is a Word element.
pub(super) fn w_name<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    let name = node.tag_name();
    (node.is_element()
        && name
            .namespace()
            .is_some_and(|ns| W_NAMESPACES.contains(&ns)))
    .then(|| name.name())
}

/// The first child `w:name` of `node`.
pub(super) fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is(*c, name))
}

/// The children `w:name` of `node`.
pub(super) fn children<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |c| is(*c, name))
}

/// The value of the attribute `w:name`.
pub(super) fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name && a.namespace().is_some_and(|ns| W_NAMESPACES.contains(&ns)))
        .map(|a| a.value())
}

/// `w:val` of the child `w:name`.
pub(super) fn child_val<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name).and_then(|c| attr(c, "val"))
}

/// `w:val` of the child `w:name` as a number.
pub(super) fn child_number(node: Node<'_, '_>, name: &str) -> Option<u32> {
    child_val(node, name).and_then(|v| v.trim().parse().ok())
}

/// A toggle property such as `<w:i/>`: on unless its `w:val` says off.
/// `None` when the property is absent.
pub(super) fn toggle(props: Node<'_, '_>, name: &str) -> Option<bool> {
    let prop = child(props, name)?;
    Some(!matches!(
        attr(prop, "val"),
        Some("0" | "false" | "off" | "none")
    ))
}
