//! Fuzzes the whole path a file takes: bytes, decoding, parsing. Nothing may
//! panic, and every span must lie inside the text.
//!
//! Run with `cargo +nightly fuzz run parse` from the repository root (see
//! README: "Fuzzing").
#![no_main]

use clause_explorer::input::decode;
use clause_explorer::parse::parse_document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = decode(bytes) else {
        return;
    };
    let doc = parse_document("fuzz.txt", &text);
    for inst in &doc.instruments {
        assert!(inst.span.start <= inst.span.end && inst.span.end <= text.len());
        for p in inst.paragraphs() {
            assert!(p.span.end <= text.len());
            for m in &p.text.marks {
                assert!(m.at <= p.text.plain.len());
            }
        }
    }
});
