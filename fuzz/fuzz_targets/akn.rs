//! Fuzzes the Akoma Ntoso importer: any bytes that decode as text either
//! import or give an error; nothing panics, and every span and offset lies
//! inside what it points into.
//!
//! Run with `cargo +nightly fuzz run akn` from the repository root (see
//! README: "Fuzzing"); seed it with files of ../shared/un-akn.
#![no_main]

use clause_explorer::akn::import;
use clause_explorer::input::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = decode(bytes) else {
        return;
    };
    let Ok(doc) = import("fuzz.xml", &text) else {
        return;
    };
    for inst in &doc.instruments {
        assert!(inst.span.start <= inst.span.end && inst.span.end <= text.len());
        for p in inst.paragraphs() {
            assert!(p.span.end <= text.len());
            for m in &p.text.marks {
                assert!(m.at <= p.text.plain.len());
            }
            for e in p.text.emphasis.iter().chain(p.text.links.iter().map(|l| &l.span)) {
                assert!(e.start <= e.end && e.end <= p.text.plain.len());
                assert!(p.text.plain.is_char_boundary(e.start) && p.text.plain.is_char_boundary(e.end));
            }
        }
    }
});
