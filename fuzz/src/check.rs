//! What every target does with a result: use all of it (JSON, views, rendering, `Display`)
//! and assert the properties the crate documents and its own tests check.

use fcc_notice::{Citation, Diagnostic, Error, Parsed, Span};

/// Whether `span` can slice `text`: in range, both ends on character boundaries.
fn slices(text: &str, span: Span) -> bool {
    span.start <= span.end && text.get(span.range()).is_some()
}

/// The span checks of `tests/robustness.rs`: a diagnostic's span ends inside the text parsed
/// and starts on a character boundary.
pub fn diagnostic_spans(diagnostics: &[Diagnostic], text: &str) {
    for d in diagnostics {
        assert!(
            d.span.end <= text.len() && text.is_char_boundary(d.span.start),
            "diagnostic span out of the text ({} bytes): {d:?}",
            text.len()
        );
    }
}

/// A citation's span slices the text it was found in ("spans that index `text`").
pub fn citation_spans(citations: &[Citation], text: &str) {
    for (i, c) in citations.iter().enumerate() {
        assert!(
            slices(text, c.span),
            "citation {i} span {} does not slice the text ({} bytes): {c:?}",
            c.span,
            text.len()
        );
        if let Some(to) = c.refers_to {
            // `refers_to` is an index into the same list.
            let _ = citations.get(to);
        }
    }
}

/// Walks every citation: `Display`, place, heading, URL, and `FromStr` of its canonical form.
pub fn walk_citations(citations: &[Citation]) -> usize {
    let mut n = 0;
    for c in citations {
        let shown = c.to_string();
        n += shown.len() + c.text.len();
        if let Some(place) = c.place() {
            n += place.to_string().len();
        }
        n += c.heading().map_or(0, str::len) + c.url().map_or(0, str::len);
        n += c.kind.to_string().len();
        // The canonical form may or may not read back as one citation; it must not panic.
        if let Ok(back) = shown.parse::<Citation>() {
            n += back.canonical.len();
        }
    }
    n
}

/// Uses every part of a successful parse of `text` (the text its spans index): span checks,
/// JSON (and its round trip, as `tests/downstream.rs` asserts for the fixtures), the views,
/// every citation, and every diagnostic rendered one by one and all at once.
pub fn parsed(parsed: &Parsed, text: &str) {
    diagnostic_spans(&parsed.diagnostics, text);
    citation_spans(&parsed.notice.citations, text);
    std::hint::black_box(walk_citations(&parsed.notice.citations));

    let json = serde_json::to_string(parsed).expect("a Parsed serialises");
    let back: Parsed = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("the JSON of a Parsed does not read back: {e}\n{json}"));
    assert!(
        back.notice == parsed.notice && back.diagnostics == parsed.diagnostics,
        "the JSON of a Parsed reads back different\n{json}"
    );
    assert_eq!(
        serde_json::to_string(&back).expect("a Parsed serialises"),
        json,
        "the JSON read back writes different JSON"
    );

    let notice = &parsed.notice;
    std::hint::black_box((
        notice.records().len(),
        notice.customers().len(),
        notice.campaigns().len(),
        notice.violations().len(),
        notice.kind.to_string(),
    ));

    render(&parsed.diagnostics, text, None);
    render(&parsed.diagnostics, text, Some("letter.txt"));
}

/// Renders `diagnostics` against `text` one by one and with `render_all`, and checks what
/// `render_all` documents: it is the one-by-one renderings joined by line breaks. Each
/// rendering ends with its caret line (`^`).
pub fn render(diagnostics: &[Diagnostic], text: &str, name: Option<&str>) {
    let mut one_by_one = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let _ = d.to_string();
        let rendered = d.render(text);
        let shown = match name {
            Some(name) => rendered.with_name(name).to_string(),
            None => rendered.to_string(),
        };
        assert!(
            shown.ends_with('^'),
            "a rendering without its caret: {shown:?}"
        );
        one_by_one.push(shown);
    }
    let all = Diagnostic::render_all(diagnostics, text);
    let all = match name {
        Some(name) => all.with_name(name).to_string(),
        None => all.to_string(),
    };
    assert_eq!(
        all,
        one_by_one.join("\n"),
        "render_all differs from the renderings joined"
    );
}

/// Uses an error: its message and its source chain.
pub fn error(e: &Error) {
    let mut shown = e.to_string();
    let mut source = std::error::Error::source(e);
    let mut depth = 0;
    while let Some(s) = source {
        shown.push_str(&s.to_string());
        source = s.source();
        depth += 1;
        assert!(depth < 64, "an error source chain of 64 links");
    }
    std::hint::black_box(shown);
}

/// Whether `parse_bytes` would read `bytes` as a PDF: `%PDF-` within the first KiB (as the
/// crate's sniffer looks). The text targets leave those to the PDF targets.
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    head.windows(5).any(|w| w == b"%PDF-")
}
