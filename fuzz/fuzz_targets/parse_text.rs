//! Any bytes: `parse_text` when they are UTF-8, and `parse_bytes` on them as they are (the
//! encodings it sniffs: UTF-8 with or without BOM, UTF-16, Windows-1252). Bytes that
//! `parse_bytes` would read as a PDF are left to `parse_pdf`. Every `Ok` is checked and
//! used whole (spans, JSON round trip, views, citations, `render` and `render_all`).
#![no_main]

use fcc_notice_fuzz::check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match fcc_notice::parse_text(text) {
            Ok(parsed) => {
                assert!(parsed.text.is_none(), "text input keeps no text of its own");
                check::parsed(&parsed, text);
            }
            Err(e) => check::error(&e),
        }
    }
    if check::looks_like_pdf(data) {
        return;
    }
    match fcc_notice::parse_bytes(data) {
        Ok(parsed) => {
            // Spans index the caller's bytes when they were UTF-8 without a BOM, else the
            // decoded text in `Parsed::text`.
            let text = match &parsed.text {
                Some(text) => text.as_str(),
                None => std::str::from_utf8(data).expect("no Parsed::text only for UTF-8 input"),
            };
            check::parsed(&parsed, text);
        }
        Err(e) => check::error(&e),
    }
});
