//! The corpus as the explorer receives it: parsed and indexed once (by
//! `clause-explorer publish`), written as one compressed file that the app
//! shell reads when it starts, so that the page parses no resolution text
//! and any corpus can be published without compiling the app.
//!
//! The file (`corpus.bin` beside the served page, or a data block inside
//! the single-file explorer) is a small fixed header followed by the
//! bundle, postcard-encoded and zlib-compressed:
//!
//! | bytes  | what |
//! |--------|------|
//! | 0..8   | the magic `CLAUSEXB`: tells a corpus from an HTML error page or any other file |
//! | 8..12  | the format number, little-endian: a shell refuses a format it cannot read |
//! | 12..20 | the length of the encoded bundle once inflated, little-endian: inflating stops there (no zip bomb) |
//! | 20..28 | the length of the file, little-endian: a file cut short is told from a damaged one |
//! | 28..   | the encoded bundle, zlib (deflate with an Adler-32 checksum) |
//!
//! ```
//! use clause_explorer::bundle::{Bundle, BundleError, Collection};
//! use clause_explorer::model::Corpus;
//! let bundle = Bundle::build(Corpus::default(), Collection::default());
//! let file = bundle.to_file();
//! assert_eq!(Bundle::from_file(&file).unwrap(), bundle);
//! assert!(matches!(Bundle::from_file(&file[..file.len() - 4]), Err(BundleError::Truncated { .. })));
//! assert_eq!(Bundle::from_file(b""), Err(BundleError::Empty));
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::Corpus;
use crate::refs::CitationIndex;
use crate::search::SearchIndex;
use crate::trail::SimilarityIndex;

/// Bumped whenever the encoding changes (5: the Akoma Ntoso record,
/// annexes, headings and links in the model; 6: the citation index and
/// metadata recovered from citations; 7: each document's origin, shipped
/// or added in the page; 8: the search index knows it, for the facet
/// "Source"; 9: the search index's stores in chunks, its growing columns
/// as differences and its vocabulary as words, so that it can be split),
/// so that a stale corpus file is
/// refused with a clear message rather than misread.
pub const FORMAT: u32 = 9;

/// The corpus file's name beside the served page; the app fetches it by
/// this relative URL.
pub const FILE_NAME: &str = "corpus.bin";

/// The first bytes of every corpus file.
pub const MAGIC: [u8; 8] = *b"CLAUSEXB";

/// Header length: magic, format, inflated length, file length.
const HEADER: usize = 28;

/// The largest inflated bundle a shell accepts (1 GiB): well above the
/// whole UN record as one bundle, far below what would exhaust a browser
/// tab. A header that declares more is corrupt.
pub const MAX_INFLATED: u64 = 1 << 30;

/// zlib level for publishing: best compression (published once, read
/// many times).
const LEVEL: u8 = 9;

/// Everything the app needs, built once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// What the collection is called and where it comes from.
    pub collection: Collection,
    pub corpus: Corpus,
    /// Vocabulary, postings and statistics for search as you type.
    pub search: SearchIndex,
    /// Where else each paragraph's language occurs (shingle postings).
    pub similar: SimilarityIndex,
    /// What each clause cites and who cites each thing.
    pub citations: CitationIndex,
    /// Per pair of instruments, the share of one's paragraphs with a close
    /// counterpart in the other ([`crate::pictures::reuse_shares`]), for
    /// at most [`REUSE_MAX`] instruments; empty above.
    pub reuse: Vec<Vec<f32>>,
}

/// The most instruments whose reuse matrix is computed when publishing:
/// each pair is aligned, so the cost grows with the square (17 instruments,
/// 136 alignments: 0.25 s).
pub const REUSE_MAX: usize = crate::pictures::MATRIX_MAX;

/// The name of a published collection, shown in the library heading, the
/// page title and the footer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collection {
    /// "Trafficking in persons: resolutions"; empty when nobody named it.
    pub title: String,
    /// One line on what the collection holds.
    pub description: String,
    /// Where the texts come from, as their publisher asks to be credited
    /// ("Unofficial copies prepared by …"); one entry per source.
    pub attribution: Vec<String>,
}

impl Collection {
    /// The title to show: the collection's, or the tool's name.
    pub fn display_title(&self) -> &str {
        if self.title.trim().is_empty() {
            "Clause Explorer"
        } else {
            self.title.trim()
        }
    }
}

/// Why a corpus file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleError {
    /// Occurs when the file has no bytes at all.
    Empty,
    /// Occurs when the file does not start with [`MAGIC`]: another kind of
    /// file, often a server's HTML error page. `starts` is its first bytes,
    /// as text where they are.
    NotABundle { starts: String },
    /// Occurs when the file was written in another format than this shell
    /// reads.
    Format { found: u32 },
    /// Occurs when the file ends before its declared length: an
    /// interrupted copy or download.
    Truncated { have: u64, expected: Option<u64> },
    /// Occurs when the bytes are damaged: a failed checksum, an impossible
    /// length, or data that does not decode.
    Corrupt(String),
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::Empty => write!(f, "the corpus file is empty"),
            BundleError::NotABundle { starts } => write!(
                f,
                "the file is not a Clause Explorer corpus (it begins {starts:?})"
            ),
            BundleError::Format { found } => write!(
                f,
                "the corpus was written in format {found}, and this explorer reads format {FORMAT}"
            ),
            BundleError::Truncated {
                have,
                expected: Some(expected),
            } => write!(
                f,
                "the corpus file is incomplete: it ends after {have} bytes of its {expected}"
            ),
            BundleError::Truncated {
                have,
                expected: None,
            } => write!(
                f,
                "the corpus file is incomplete: it ends after {have} bytes"
            ),
            BundleError::Corrupt(why) => write!(f, "the corpus file is damaged: {why}"),
        }
    }
}

impl std::error::Error for BundleError {}

impl Bundle {
    /// Builds the bundle of a parsed corpus: its search and similarity
    /// indexes.
    pub fn build(corpus: Corpus, collection: Collection) -> Bundle {
        let citations = CitationIndex::build(&corpus);
        let search = SearchIndex::build_with_citations(&corpus, &citations);
        let similar = SimilarityIndex::build(&corpus);
        let instruments: Vec<_> = corpus.instruments().collect();
        let reuse = if instruments.len() <= REUSE_MAX {
            crate::pictures::reuse_shares(&instruments)
        } else {
            Vec::new()
        };
        Bundle {
            collection,
            corpus,
            search,
            similar,
            citations,
            reuse,
        }
    }

    /// The corpus file: header, then the compressed encoding.
    pub fn to_file(&self) -> Vec<u8> {
        // Encoding plain owned data into a Vec cannot fail.
        let encoded = postcard::to_allocvec(self).unwrap_or_default();
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&encoded, LEVEL);
        let mut file = Vec::with_capacity(HEADER + packed.len());
        file.extend_from_slice(&MAGIC);
        file.extend_from_slice(&FORMAT.to_le_bytes());
        file.extend_from_slice(&(encoded.len() as u64).to_le_bytes());
        file.extend_from_slice(&((HEADER + packed.len()) as u64).to_le_bytes());
        file.extend_from_slice(&packed);
        file
    }

    /// Reads a corpus file, checking each layer in turn so that the error
    /// says what is wrong: not a corpus, another format, cut short,
    /// damaged.
    pub fn from_file(bytes: &[u8]) -> Result<Bundle, BundleError> {
        Bundle::decode(&unpack(bytes)?)
    }

    /// Decodes what [`unpack`] returns.
    pub fn decode(encoded: &[u8]) -> Result<Bundle, BundleError> {
        postcard::from_bytes(encoded).map_err(|e| BundleError::Corrupt(e.to_string()))
    }
}

/// Checks a corpus file's header and inflates its payload: the first half
/// of [`Bundle::from_file`], apart so that the app can time each half.
pub fn unpack(bytes: &[u8]) -> Result<Vec<u8>, BundleError> {
    let limit = inflated_len(bytes)?;
    let encoded = inflate(&bytes[HEADER..], limit)?;
    if encoded.len() != limit {
        return Err(BundleError::Corrupt(format!(
            "it inflates to {} bytes, not the {limit} its header declares",
            encoded.len()
        )));
    }
    Ok(encoded)
}

/// [`unpack`] when the payload was already inflated elsewhere (the page
/// has the browser's own zlib do it while the wasm compiles): the header
/// is checked all the same, and an inflation of the wrong length is
/// done again here, so that the error says what is wrong.
pub fn unpack_inflated(bytes: &[u8], inflated: Vec<u8>) -> Result<Vec<u8>, BundleError> {
    if inflated_len(bytes)? == inflated.len() {
        Ok(inflated)
    } else {
        unpack(bytes)
    }
}

/// The length the header declares for the inflated payload, once the
/// header says the file is a whole corpus file of this format.
fn inflated_len(bytes: &[u8]) -> Result<usize, BundleError> {
    if bytes.is_empty() {
        return Err(BundleError::Empty);
    }
    let magic_len = bytes.len().min(MAGIC.len());
    if bytes[..magic_len] != MAGIC[..magic_len] {
        return Err(BundleError::NotABundle {
            starts: beginning(bytes),
        });
    }
    if bytes.len() < HEADER {
        return Err(BundleError::Truncated {
            have: bytes.len() as u64,
            expected: None,
        });
    }
    let format = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
    if format != FORMAT {
        return Err(BundleError::Format { found: format });
    }
    let inflated_len = u64_at(bytes, 12);
    let file_len = u64_at(bytes, 20);
    let have = bytes.len() as u64;
    if have < file_len {
        return Err(BundleError::Truncated {
            have,
            expected: Some(file_len),
        });
    }
    if have > file_len {
        return Err(BundleError::Corrupt(format!(
            "it holds {have} bytes, more than the {file_len} its header declares"
        )));
    }
    if inflated_len > MAX_INFLATED {
        return Err(BundleError::Corrupt(format!(
            "its header declares {inflated_len} bytes, more than the {MAX_INFLATED} a corpus may hold"
        )));
    }
    // Within MAX_INFLATED, so it fits in usize on every target.
    Ok(usize::try_from(inflated_len).unwrap_or(usize::MAX))
}

/// The little-endian `u64` at `at` (the caller checked the length).
fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// Inflates at most `limit` bytes. The file's length was checked, so a
/// stream that ends early was damaged, not cut short.
fn inflate(packed: &[u8], limit: usize) -> Result<Vec<u8>, BundleError> {
    use miniz_oxide::inflate::TINFLStatus;
    // One byte past the limit so that a stream longer than declared is
    // caught rather than silently cut.
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(packed, limit.saturating_add(1))
        .map_err(|e| match e.status {
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                BundleError::Corrupt("its compressed data ends early".to_owned())
            }
            TINFLStatus::HasMoreOutput => BundleError::Corrupt(format!(
                "it inflates to more than the {limit} bytes its header declares"
            )),
            TINFLStatus::Adler32Mismatch => {
                BundleError::Corrupt("its checksum does not match its contents".to_owned())
            }
            other => BundleError::Corrupt(format!("it does not inflate ({other:?})")),
        })
}

/// The first bytes of a file, for a message: as text, control characters
/// escaped, at most 24 characters.
fn beginning(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(24)];
    String::from_utf8_lossy(head).chars().take(24).collect()
}

#[cfg(test)]
mod tests;
