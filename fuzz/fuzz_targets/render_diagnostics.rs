//! Hand-built diagnostics with spans anywhere — past the end, inside a multibyte character,
//! `start > end` (the fields are public, so `Span::new`'s swap can be bypassed), near
//! `usize::MAX` — rendered against any text with `render`, `render_all` (which must equal
//! the renderings joined) and `Display`, with and without a file name. None may panic.
#![no_main]

use arbitrary::Arbitrary;
use fcc_notice::{Diagnostic, DiagnosticCode, Severity, Span};
use fcc_notice_fuzz::check;
use libfuzzer_sys::fuzz_target;

/// A position, mostly near the text so that the interesting offsets are often hit.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Pos {
    /// Any offset.
    Raw(usize),
    /// `n % (len + 4)`: inside the text or just past it.
    In(u16),
    /// `len + n`.
    Past(u8),
    /// `usize::MAX - n`.
    Max(u8),
}

impl Pos {
    fn at(self, len: usize) -> usize {
        match self {
            Pos::Raw(n) => n,
            Pos::In(n) => usize::from(n) % (len + 4),
            Pos::Past(n) => len.saturating_add(usize::from(n)),
            Pos::Max(n) => usize::MAX - usize::from(n),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    /// (severity index, code index, start, end, built with `Span::new` or as a literal, message).
    diagnostics: Vec<(u8, u8, Pos, Pos, bool, String)>,
    name: Option<String>,
}

fuzz_target!(|input: Input| {
    let Input {
        text,
        diagnostics,
        name,
    } = input;
    let len = text.len();
    let diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .take(256)
        .map(|(severity, code, start, end, normalised, message)| {
            let severity = Severity::ALL[usize::from(severity) % Severity::ALL.len()];
            let code = DiagnosticCode::ALL[usize::from(code) % DiagnosticCode::ALL.len()];
            let (start, end) = (start.at(len), end.at(len));
            let span = if normalised {
                Span::new(start, end)
            } else {
                Span { start, end }
            };
            Diagnostic::new(severity, code, span, message)
        })
        .collect();

    check::render(&diagnostics, &text, None);
    check::render(&diagnostics, &text, name.as_deref());
    for d in &diagnostics {
        let shown = d.to_string();
        assert!(shown.ends_with(d.message.as_str()), "{shown:?}");
        // JSON round trip: exact for a span in order (`[start, end]` reads back through
        // `Span::new`, which would swap a reversed one).
        let json = serde_json::to_string(d).expect("a diagnostic serialises");
        let back: Diagnostic = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("a diagnostic's JSON does not read back: {e}: {json}"));
        if d.span.start <= d.span.end {
            assert_eq!(&back, d, "{json}");
        }
    }
});
