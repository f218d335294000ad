//! Clause Explorer: UN resolutions as a citable corpus of clauses.
//!
//! The domain lives here, in plain Rust with no web dependency, so that the
//! command-line tool and the browser app share it: the document model, the
//! parser that builds it from resolution texts converted from PDF, the
//! tables of lead phrases and adopting bodies it relies on, and the
//! comparison engine: word diffs of clauses ([`diff`]), alignments of
//! instruments ([`align`]) and the agreed-language trail ([`trail`]); and
//! pictures of the corpus as SVG ([`pictures`]).
//!
//! ```
//! let doc = clause_explorer::parse::parse_document(
//!     "example.txt",
//!     "Resolution 33/1\n\nA title\n\nThe Commission on Crime Prevention and Criminal Justice,\n\n\
//!      1. *Urges* Member States to act.\n",
//! );
//! let urges = &doc.instruments[0].operative[0];
//! assert_eq!(urges.citation, "CCPCJ res. 33/1, op. 1");
//! assert_eq!(urges.id, "ccpcj-res-33-1-op-1");
//! assert_eq!(urges.lead.as_deref(), Some("Urges"));
//! ```

pub mod akn;
pub mod align;
pub mod bodies;
pub mod bundle;
pub mod cite;
pub mod diff;
pub mod docx;
pub mod export;
pub mod input;
pub mod leads;
pub mod manifest;
pub mod model;
pub mod outline;
pub mod parse;
pub mod pictures;
pub mod refs;
pub mod render;
pub mod search;
pub mod shingles;
pub mod synth;
pub mod trail;
pub mod warning;

#[cfg(feature = "native")]
pub mod cli;
#[cfg(feature = "native")]
pub mod corpus;
#[cfg(feature = "native")]
pub mod site;
