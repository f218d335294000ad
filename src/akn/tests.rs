//! The importer on hand-made files; the UN's own files are read by
//! `tests/akn.rs`.
