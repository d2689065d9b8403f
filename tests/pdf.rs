//! PDFs of the sample letter from real producers: each gives the notice its text gives.
#![cfg(feature = "pdf")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

mod common;
use common::{check_spans, without_spans};
#[path = "hostile/pdf_families.rs"]
mod pdf_families;

use fcc_notice::{parse_pdf, parse_text, pdf_text, Error, Limits, Parser};
use serde_json::Value;
use std::fs;

const SAMPLE: &str = include_str!("../fixtures/letters/2021-04-13-r-squared-telecom.txt");
const READABLE: [&str; 5] = ["lo", "chromium", "reportlab", "lo_hard", "lo_aes256"];

fn pdf(name: &str) -> Vec<u8> {
    fs::read(format!(
        "{}/fixtures/pdf/r-squared-{name}.pdf",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn every_producer_gives_the_text_notice() {
    let text = without_spans(&parse_text(SAMPLE).unwrap());
    for name in READABLE {
        let parsed = parse_pdf(&pdf(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(without_spans(&parsed), text, "{name}");
        // Spans index the extracted text.
        let extracted = parsed.text.as_deref().unwrap();
        let first = &parsed.notice.records()[0];
        assert!(
            extracted[first.span.range()].starts_with("Dawz Telecom\tMar. 19, 2021"),
            "{name}"
        );
        let fn1 = &parsed.notice.footnotes[0];
        assert_eq!(
            &extracted[fn1.mark.unwrap().range()],
            "<sup>1</sup>",
            "{name}"
        );
    }
}

#[test]
fn every_table_cell() {
    let expected: Value = serde_json::from_str(include_str!(
        "../fixtures/pdf/r-squared-expected-table.json"
    ))
    .unwrap();
    let columns: Vec<&str> = expected["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let rows: Vec<Vec<&str>> = expected["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r.as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(rows.len() * columns.len(), 138);
    for name in READABLE {
        let parsed = parse_pdf(&pdf(name)).unwrap();
        let text = parsed.text.unwrap();
        let table: Vec<Vec<&str>> = text
            .lines()
            .filter(|l| l.contains('\t'))
            .map(|l| l.split('\t').collect())
            .collect();
        assert_eq!(table[0], columns, "{name}: header");
        assert_eq!(&table[1..], rows.as_slice(), "{name}: rows");
    }
}

/// Every PDF fixture is the sample letter: those that read are held to its notice by
/// [`every_producer_gives_the_text_notice`], their spans checked against the extracted text;
/// those that do not give a reviewed error.
#[test]
fn snapshots() {
    insta::glob!("../fixtures", "pdf/*.pdf", |path| {
        let bytes = fs::read(path).unwrap();
        match parse_pdf(&bytes) {
            Ok(parsed) => {
                let text = parsed.text.clone().unwrap();
                check_spans(&parsed, &text, &path.display().to_string());
            }
            Err(e) => insta::assert_snapshot!(e.to_string()),
        }
    });
}

#[test]
fn unreadable_pdfs_are_errors() {
    assert!(matches!(
        parse_pdf(&pdf("scan")),
        Err(Error::NoText {
            pages: 5,
            images: 5
        })
    ));
    assert!(matches!(
        parse_pdf(&pdf("lo_password")),
        Err(Error::Encrypted)
    ));
    assert!(matches!(
        parse_pdf(b"%PDF-1.4 nonsense"),
        Err(Error::Pdf { .. })
    ));
    assert!(matches!(parse_pdf(b""), Err(Error::Pdf { .. })));
    // The PDF reader's own error is the source (and the reason), not repeated in the message.
    let broken = parse_pdf(b"%PDF-1.4 nonsense").unwrap_err();
    let source = std::error::Error::source(&broken).expect("lopdf's error");
    assert_eq!(broken.to_string(), "damaged or truncated PDF");
    assert!(
        matches!(&broken, Error::Pdf { reason, .. } if *reason == source.to_string()),
        "{broken:?}"
    );
}

#[test]
fn every_kibibyte_cut_is_an_error_or_a_parse() {
    for name in READABLE.iter().chain(&["scan", "lo_password"]) {
        let bytes = pdf(name);
        for cut in (0..bytes.len()).step_by(1024) {
            let _ = parse_pdf(&bytes[..cut]);
        }
    }
}

/// A one-page PDF whose `/Contents` lists `stream` `times` times.
fn pdf_with_contents(stream: lopdf::Stream, times: usize) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object};
    let mut pdf = Document::with_version("1.5");
    let pages_id = pdf.new_object_id();
    let content_id = pdf.add_object(stream);
    let contents: Vec<Object> = std::iter::repeat_n(content_id.into(), times).collect();
    let page_id = pdf.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => contents,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    });
    pdf.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog_id = pdf.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    pdf.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    pdf.save_to(&mut out).unwrap();
    out
}

/// Page contents that inflate past the document's bound are a `TooLarge` error, not gigabytes
/// of memory: one stream of 4 MiB of spaces (4 KB deflated) listed 100 times.
#[test]
fn inflating_page_contents_are_bounded() {
    let mut stream = lopdf::Stream::new(lopdf::Dictionary::new(), vec![b' '; 4 << 20]);
    stream.compress().unwrap();
    assert!(stream.content.len() < 64 << 10);
    let bomb = pdf_with_contents(stream.clone(), 100);
    assert!(matches!(
        parse_pdf(&bomb),
        Err(Error::TooLarge { limit, .. }) if limit >= 4 << 20
    ));
    // Listed once, the same stream is within bounds: an ordinary page without text.
    assert!(matches!(
        parse_pdf(&pdf_with_contents(stream, 1)),
        Err(Error::NoText { .. })
    ));
}

/// Arrays nested a hundred thousand deep in a content stream are skipped, not recursed into.
#[test]
fn deeply_nested_content_arrays_do_not_overflow_the_stack() {
    let mut content = vec![b'['; 100_000];
    content.extend(std::iter::repeat_n(b']', 100_000));
    content.extend_from_slice(b" TJ");
    let pdf = pdf_with_contents(lopdf::Stream::new(lopdf::Dictionary::new(), content), 1);
    assert!(matches!(parse_pdf(&pdf), Err(Error::NoText { .. })));
}

/// The sample letter saved with its objects in object streams (whose values are counted
/// before lopdf parses them) reads as saved without.
#[test]
fn object_streams_read_as_plain_objects() {
    for name in ["reportlab", "lo"] {
        let original = pdf(name);
        let mut doc = lopdf::Document::load_mem(&original).unwrap();
        let mut packed = Vec::new();
        doc.save_modern(&mut packed).unwrap();
        assert!(packed.windows(6).any(|w| w == b"ObjStm"), "{name}");
        assert_eq!(
            pdf_text(&packed).unwrap(),
            pdf_text(&original).unwrap(),
            "{name}"
        );
    }
}

/// An object of the file nested 100,000 deep neither overflows lopdf's stack nor stops the
/// page from being read; the file's values past `max_objects` are an error before lopdf
/// reads them.
#[test]
fn deep_and_large_objects_of_the_file() {
    let families = pdf_families::families();
    let build = |name: &str| families.iter().find(|(n, _)| *n == name).unwrap().1;
    let nested = build("body_nested")(400_000);
    assert!(pdf_text(&nested).unwrap().contains("The Commission finds"));
    let mut limits = Limits::default();
    limits.max_objects = 10_000;
    let error = Parser::new()
        .limits(limits)
        .parse_pdf(&build("values")(100_000))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "too large: more than 10000 values in the PDF's objects (Limits::max_objects)"
    );
}

/// Every hostile family, at 20 KB and 100 KB, is read or refused within small limits; the
/// families that reach one are refused with its name.
#[test]
fn hostile_families_are_bounded() {
    let mut limits = Limits::default();
    limits.max_inflated = 4 << 20;
    limits.max_operators = 300_000;
    limits.max_pages = 500;
    limits.max_glyphs = 200_000;
    limits.max_objects = 200_000;
    limits.max_cmap_codes = 1 << 12;
    limits.max_text = 1 << 20;
    let parser = Parser::new().limits(limits);
    for (name, build) in pdf_families::families() {
        for size in [20_000, 100_000] {
            match parser.parse_pdf(&build(size)) {
                Err(Error::TooLarge { setting, .. }) => assert!(
                    [
                        "max_inflated",
                        "max_inflated_stream",
                        "max_operators",
                        "max_pages",
                        "max_glyphs",
                        "max_text",
                        "max_objects"
                    ]
                    .contains(&setting),
                    "{name}: {setting}"
                ),
                Err(Error::NotANotice { .. } | Error::NoText { .. } | Error::Pdf { .. }) => {}
                other => panic!("{name} {size}: {other:?}"),
            }
        }
    }
}
