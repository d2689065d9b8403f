//! Structure-aware PDFs: an `arbitrary` description of a document (page tree with `/Kids`,
//! content streams of text, path and XObject operators, fonts with `/ToUnicode` CMaps, Form
//! XObjects drawing one another, loose objects), written as a PDF with a correct xref table
//! (or one deliberately off) by `fcc_notice_fuzz::pdf`, then `parse_pdf`.
#![no_main]

use fcc_notice_fuzz::{check, pdf::Doc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|doc: Doc| {
    let bytes = doc.write();
    match fcc_notice::parse_pdf(&bytes) {
        Ok(parsed) => {
            let text = parsed.text.as_deref().expect("a PDF parse keeps its text");
            check::parsed(&parsed, text);
        }
        Err(e) => check::error(&e),
    }
});
