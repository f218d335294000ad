use super::*;
use crate::cite;
use crate::parse::parse_document;

/// A small real bundle: CCPCJ res. 33/1 and dec. 33/1.
fn bundle() -> Bundle {
    let mut documents = vec![parse_document(
        "ccpcj-33-1.txt",
        include_str!("../../corpus/ccpcj-33-1-rapid-technological-change.txt"),
    )];
    cite::assign(&mut documents);
    Bundle::build(
        Corpus { documents },
        Collection {
            title: "Trafficking in persons".into(),
            description: "Two instruments".into(),
            attribution: vec!["UNODC".into()],
        },
    )
}

#[test]
fn a_corpus_file_reads_back_as_the_bundle_written() {
    let src = bundle();
    let got = Bundle::from_file(&src.to_file()).unwrap();
    assert_eq!(got, src);
    assert_eq!(got.collection.display_title(), "Trafficking in persons");
}

#[test]
fn the_file_is_compressed() {
    let src = bundle();
    let encoded = postcard::to_allocvec(&src).unwrap();
    let file = src.to_file();
    assert!(
        file.len() * 3 < encoded.len() * 2,
        "{} vs {}",
        file.len(),
        encoded.len()
    );
}

#[test]
fn a_file_of_another_format_is_refused_by_its_number() {
    let mut file = bundle().to_file();
    file[8..12].copy_from_slice(&3u32.to_le_bytes());
    let got = Bundle::from_file(&file).unwrap_err();
    assert_eq!(got, BundleError::Format { found: 3 });
    assert_eq!(
        got.to_string(),
        "the corpus was written in format 3, and this explorer reads format 9"
    );
}

#[test]
fn a_file_cut_short_says_how_much_is_there() {
    let file = bundle().to_file();
    let half = file.len() / 2;
    let got = Bundle::from_file(&file[..half]).unwrap_err();
    assert_eq!(
        got,
        BundleError::Truncated {
            have: half as u64,
            expected: Some(file.len() as u64)
        }
    );
    assert!(matches!(
        Bundle::from_file(&file[..12]),
        Err(BundleError::Truncated { expected: None, .. })
    ));
}

#[test]
fn an_html_error_page_is_not_a_corpus() {
    let got = Bundle::from_file(b"<!doctype html><title>404 Not Found</title>").unwrap_err();
    assert_eq!(
        got,
        BundleError::NotABundle {
            starts: "<!doctype html><title>40".into()
        }
    );
    assert_eq!(Bundle::from_file(b""), Err(BundleError::Empty));
}

#[test]
fn a_damaged_byte_fails_the_checksum_or_the_inflate() {
    let file = bundle().to_file();
    for at in [HEADER + 2, file.len() / 2, file.len() - 2] {
        let mut damaged = file.clone();
        damaged[at] ^= 0x5a;
        let got = Bundle::from_file(&damaged);
        assert!(
            matches!(got, Err(BundleError::Corrupt(_))),
            "byte {at}: {got:?}"
        );
    }
}

#[test]
fn a_header_that_declares_too_much_is_refused_before_inflating() {
    let mut file = bundle().to_file();
    file[12..20].copy_from_slice(&(MAX_INFLATED + 1).to_le_bytes());
    assert!(matches!(
        Bundle::from_file(&file),
        Err(BundleError::Corrupt(_))
    ));
}

#[test]
fn a_stream_that_inflates_past_its_declared_length_is_refused() {
    // A zip bomb in miniature: a megabyte of zeros declared as 10 bytes.
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&vec![0u8; 1 << 20], 9);
    let mut file = Vec::new();
    file.extend_from_slice(&MAGIC);
    file.extend_from_slice(&FORMAT.to_le_bytes());
    file.extend_from_slice(&10u64.to_le_bytes());
    file.extend_from_slice(&((HEADER + packed.len()) as u64).to_le_bytes());
    file.extend_from_slice(&packed);
    let got = Bundle::from_file(&file).unwrap_err();
    assert!(got.to_string().contains("more than the 10 bytes"), "{got}");
}

#[test]
fn an_untitled_collection_shows_the_tools_name() {
    assert_eq!(Collection::default().display_title(), "Clause Explorer");
}

/// The page may inflate the payload with the browser's zlib: what it
/// inflated is taken as it is when the header agrees with it, and the
/// header's errors and a wrong inflation still say what is wrong.
#[test]
fn a_payload_inflated_elsewhere_is_checked_against_the_header() {
    let file = bundle().to_file();
    let right = unpack(&file).unwrap();
    assert_eq!(unpack_inflated(&file, right.clone()).unwrap(), right);
    // A short inflation: the file is inflated here again, and it is fine.
    assert_eq!(unpack_inflated(&file, right[..10].to_vec()).unwrap(), right);
    let mut other = file.clone();
    other[8..12].copy_from_slice(&3u32.to_le_bytes());
    assert_eq!(
        unpack_inflated(&other, right.clone()).unwrap_err(),
        BundleError::Format { found: 3 }
    );
    let mut damaged = file.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 0xff;
    assert!(matches!(
        unpack_inflated(&damaged, Vec::new()).unwrap_err(),
        BundleError::Corrupt(_)
    ));
    assert!(matches!(
        unpack_inflated(&file[..file.len() / 2], right).unwrap_err(),
        BundleError::Truncated { .. }
    ));
}
