//! The added documents' sources in one file, to move them to another
//! browser: a zip archive of the files as they were given, which any
//! system opens. Adding a `.zip` adds the files it holds, so that
//! "Import added documents" is adding that file.
//!
//! ```
//! use clause_explorer::ingest::archive;
//! use clause_explorer::ingest::session::Source;
//! let files = vec![Source::new("draft.txt", b"1. *Decides* to act.".to_vec())];
//! let zip = archive::write(files.iter());
//! assert_eq!(archive::read(&zip).unwrap(), files);
//! assert!(archive::read(b"not a zip").is_err());
//! ```

use std::io::{Cursor, Read, Write};

use super::session::Source;

/// The most files an archive may hold.
pub const MAX_ENTRIES: usize = 2_000;

/// The most bytes an archive's files may inflate to, together: far above
/// a negotiation's documents, far below what would exhaust a tab (so that
/// a zip bomb stops here).
pub const MAX_INFLATED: u64 = 256 << 20;

/// The export file's name.
pub const EXPORT_NAME: &str = "clause-explorer-added-documents.zip";

/// A zip of the files, deflated.
pub fn write<'a>(files: impl Iterator<Item = &'a Source>) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for file in files {
        // Writing into memory fails only on a name the format cannot
        // hold; such a file is left out rather than the export lost.
        if zip.start_file(file.name.as_str(), options).is_ok() {
            let _ = zip.write_all(&file.bytes);
        }
    }
    zip.finish().map(Cursor::into_inner).unwrap_or_default()
}

/// The files of a zip, folders flattened (each file by its own name),
/// or why it cannot be read.
pub fn read(bytes: &[u8]) -> Result<Vec<Source>, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a zip archive that can be read ({e})"))?;
    if zip.len() > MAX_ENTRIES {
        return Err(format!(
            "the archive holds {} files, more than the {MAX_ENTRIES} it may",
            zip.len()
        ));
    }
    let mut out = Vec::new();
    let mut budget = MAX_INFLATED;
    for k in 0..zip.len() {
        let mut entry = zip
            .by_index(k)
            .map_err(|e| format!("file {} of the archive cannot be read ({e})", k + 1))?;
        if entry.is_dir() {
            continue;
        }
        let full = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let name = full
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or_default()
            .to_owned();
        // Never trust the sizes an archive declares: read through a limit.
        let mut data = Vec::new();
        (&mut entry)
            .take(budget + 1)
            .read_to_end(&mut data)
            .map_err(|e| format!("{name} in the archive cannot be read ({e})"))?;
        if data.len() as u64 > budget {
            return Err(format!(
                "the archive inflates to more than {} MB: not read",
                MAX_INFLATED >> 20
            ));
        }
        budget -= data.len() as u64;
        if name.is_empty() || name.starts_with('.') || name.starts_with("__MACOSX") {
            continue;
        }
        out.push(Source::new(name, data));
    }
    Ok(out)
}
