//! The corpus as the web app receives it: parsed (and, as the app grows,
//! indexed) at build time and encoded compactly, so that the page parses
//! no resolution text at start-up.
//!
//! ```
//! use clause_explorer::bundle::Bundle;
//! use clause_explorer::model::Corpus;
//! let bytes = Bundle::build(Corpus::default()).encode();
//! assert_eq!(Bundle::decode(&bytes).unwrap().corpus, Corpus::default());
//! assert!(Bundle::decode(&bytes[..bytes.len() / 2]).is_err());
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::Corpus;
use crate::search::SearchIndex;
use crate::trail::SimilarityIndex;

/// Bumped whenever the encoding changes, so that a stale bundle is refused
/// with a clear message rather than misread.
pub const FORMAT: u32 = 4;

/// Everything the app needs, built once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: u32,
    pub corpus: Corpus,
    /// Vocabulary, postings and statistics for search as you type.
    pub search: SearchIndex,
    /// Where else each paragraph's language occurs (shingle postings).
    pub similar: SimilarityIndex,
}

/// Why a bundle could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleError {
    /// Occurs when the bytes are not a bundle (truncated or corrupt).
    Corrupt(String),
    /// Occurs when the bundle was written by another version of the tool.
    Format { found: u32 },
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::Corrupt(e) => write!(f, "the corpus bundle is corrupt: {e}"),
            BundleError::Format { found } => write!(
                f,
                "the corpus bundle has format {found}, this build reads format {FORMAT}; rebuild the app"
            ),
        }
    }
}

impl std::error::Error for BundleError {}

impl Bundle {
    /// Builds the bundle of a parsed corpus.
    pub fn build(corpus: Corpus) -> Bundle {
        let search = SearchIndex::build(&corpus);
        let similar = SimilarityIndex::build(&corpus);
        Bundle {
            format: FORMAT,
            corpus,
            search,
            similar,
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        // Encoding plain owned data into a Vec cannot fail.
        postcard::to_allocvec(self).unwrap_or_default()
    }

    pub fn decode(bytes: &[u8]) -> Result<Bundle, BundleError> {
        let bundle: Bundle =
            postcard::from_bytes(bytes).map_err(|e| BundleError::Corrupt(e.to_string()))?;
        if bundle.format != FORMAT {
            return Err(BundleError::Format {
                found: bundle.format,
            });
        }
        Ok(bundle)
    }
}
