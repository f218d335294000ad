//! What "Copy with citation" puts on the clipboard: the clause as it reads,
//! sub-paragraphs on their own lines, and its citation.
//!
//! ```
//! use clause_explorer::parse::parse_document;
//! use clause_explorer_app::clip::paragraph_with_citation;
//! let doc = parse_document("x.txt", "T\n\nThe General Assembly,\n\n1. *Urges* States:\n\n(a) To act;\n\n(b) To report.\n");
//! let op1 = &doc.instruments[0].operative[0];
//! assert_eq!(
//!     paragraph_with_citation(op1),
//!     "1. Urges States:\n(a) To act;\n(b) To report.\n(GA res. \u{201c}T\u{201d}, op. 1)"
//! );
//! ```

use clause_explorer::export::{paragraph_text, subparagraph_text};
use clause_explorer::model::{Paragraph, Subparagraph};

/// A paragraph with its number, sub-paragraphs and citation.
pub fn paragraph_with_citation(p: &Paragraph) -> String {
    format!("{}\n({})", paragraph_text(p), p.citation)
}

/// A sub-paragraph with its label and citation.
pub fn subparagraph_with_citation(s: &Subparagraph) -> String {
    format!("{}\n({})", subparagraph_text(s), s.citation)
}
