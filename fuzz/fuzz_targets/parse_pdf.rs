//! Any bytes as a PDF: `parse_pdf` (lopdf, then the crate's content-stream interpreter,
//! then the text parser). Every `Ok` is checked against `Parsed::text`, which its spans
//! index, and used whole.
#![no_main]

use fcc_notice_fuzz::check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match fcc_notice::parse_pdf(data) {
        Ok(parsed) => {
            let text = parsed.text.as_deref().expect("a PDF parse keeps its text");
            check::parsed(&parsed, text);
        }
        Err(e) => check::error(&e),
    }
});
