//! The corpus manifest: an optional sidecar (`manifest.toml`) that records
//! where each text came from and fills in metadata the texts do not carry.
//!
//! The parser never invents metadata. The manifest fills gaps; where it
//! contradicts the text, the text wins and a warning says so.

use serde::Deserialize;

#[cfg(test)]
mod tests;

use crate::model::{Document, InstrumentKind, Provenance, Span};
use crate::warning::{line_of, Warning, WarningKind};

/// The name of the manifest file in a corpus folder.
pub const FILE_NAME: &str = "manifest.toml";

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// What the published collection is called (`[collection]`).
    #[serde(default)]
    pub collection: CollectionEntry,
    #[serde(default, rename = "file")]
    pub files: Vec<FileEntry>,
}

/// The `[collection]` table: the name, description and attribution the
/// published explorer shows (library heading, page title, footer).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollectionEntry {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// How the source asks to be credited.
    #[serde(default)]
    pub attribution: Option<String>,
}

/// What the manifest says about one source file.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    /// The file name in the corpus folder.
    pub name: String,
    /// Where the file came from, when it was renamed.
    #[serde(default)]
    pub seed: Option<String>,
    /// Where the file came from, for whoever maintains the corpus
    /// ("UNxml/GAresolutions, ga/78session/A_RES_78_228-2325978E.xml").
    pub source: Option<String>,
    #[serde(default, rename = "instrument")]
    pub instruments: Vec<InstrumentEntry>,
}

/// Metadata for one instrument, matched by the start of its title.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentEntry {
    /// The start of the title as printed: selects the instrument.
    pub title: String,
    /// "resolution" or "decision": selects among instruments whose titles
    /// both match.
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub symbol: Option<String>,
    #[serde(default)]
    pub year: Option<u16>,
    #[serde(default)]
    pub body: Option<String>,
}

impl Manifest {
    /// Reads a manifest from TOML.
    #[cfg(feature = "native")]
    pub fn from_toml(text: &str) -> Result<Manifest, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    pub fn file(&self, name: &str) -> Option<&FileEntry> {
        self.files.iter().find(|f| f.name == name)
    }
}

/// Applies a file's manifest entry to its parsed document. Ids and
/// citations must be assigned again afterwards (see [`crate::cite`]).
pub fn apply(doc: &mut Document, entry: &FileEntry, source: &str) {
    for e in &entry.instruments {
        let kind = e.kind.as_deref().map(|k| match k {
            "decision" => InstrumentKind::Decision,
            _ => InstrumentKind::Resolution,
        });
        let wanted = e.title.to_lowercase();
        let found = doc.instruments.iter_mut().find(|inst| {
            inst.title.to_lowercase().starts_with(&wanted) && kind.is_none_or(|k| k == inst.kind)
        });
        let Some(inst) = found else {
            doc.warnings.push(Warning {
                kind: WarningKind::ManifestUnmatched {
                    entry: e.title.clone(),
                },
                span: Span::default(),
                line: 1,
            });
            continue;
        };
        let mut conflicts = Vec::new();
        fill(
            &mut inst.symbol,
            &mut inst.symbol_from,
            e.symbol.clone(),
            "symbol",
            &mut conflicts,
        );
        fill(
            &mut inst.year,
            &mut inst.year_from,
            e.year,
            "year",
            &mut conflicts,
        );
        fill(
            &mut inst.body,
            &mut inst.body_from,
            e.body.clone(),
            "body",
            &mut conflicts,
        );
        for kind in conflicts {
            doc.warnings.push(Warning {
                kind,
                span: inst.span,
                line: line_of(source, inst.span.start),
            });
        }
    }
}

/// Fills `slot` from the manifest when the text left it empty; records a
/// conflict when both have a value and they differ.
fn fill<T: PartialEq + ToString>(
    slot: &mut Option<T>,
    from: &mut Option<Provenance>,
    manifest: Option<T>,
    field: &str,
    conflicts: &mut Vec<WarningKind>,
) {
    let Some(value) = manifest else { return };
    match slot {
        None => {
            *slot = Some(value);
            *from = Some(Provenance::Manifest);
        }
        Some(text) if *text != value => conflicts.push(WarningKind::ManifestConflict {
            field: field.to_owned(),
            text: text.to_string(),
            manifest: value.to_string(),
        }),
        Some(_) => {}
    }
}
