//! Any UTF-8 text through the strict parser: an `Ok` has no diagnostic of severity warning
//! or worse (else it is `Error::Strict`), and is the lenient parse with the same notice.
#![no_main]

use fcc_notice::{Parser, Severity};
use fcc_notice_fuzz::check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match Parser::new().strict(true).parse_text(text) {
        Ok(parsed) => {
            assert!(
                parsed
                    .diagnostics
                    .iter()
                    .all(|d| d.severity < Severity::Warning),
                "strict Ok with a warning: {:?}",
                parsed.diagnostics
            );
            check::parsed(&parsed, text);
            let lenient = fcc_notice::parse_text(text).expect("lenient fails where strict passed");
            assert!(
                lenient.notice == parsed.notice,
                "strict and lenient parses of the same text differ"
            );
        }
        Err(e) => check::error(&e),
    }
});
