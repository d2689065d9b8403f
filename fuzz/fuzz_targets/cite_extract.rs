//! Any UTF-8 text through `cite::extract`: every citation's span slices the text, every
//! `refers_to` points into the list, and every citation is walked and shown.
#![no_main]

use fcc_notice_fuzz::check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let found = fcc_notice::cite::extract(text);
    check::citation_spans(&found, text);
    for (i, c) in found.iter().enumerate() {
        if let Some(to) = c.refers_to {
            assert!(
                to < found.len(),
                "citation {i} refers to {to} of {}",
                found.len()
            );
        }
    }
    std::hint::black_box(check::walk_citations(&found));
    let json = serde_json::to_string(&found).expect("citations serialise");
    std::hint::black_box(json);
});
