//! The parse one phase at a time, for the benches (`benches/parse.rs`) and the round-trip
//! tests' dump, behind the `phases` feature. Not part of the API: hidden from the docs and
//! free to change.

use crate::model::Notice;

/// Phase 1: the input as lines of clean text.
#[derive(Debug)]
pub struct Source<'a>(crate::source::Document<'a>);

/// Phase 2: the letter's parts, its citations and its Attachment A cells.
#[derive(Debug)]
pub struct Layout<'d>(crate::layout::Layout<'d>);

/// Runs the text source (markup set aside, lines, footnote marks).
pub fn source(text: &str) -> Source<'_> {
    Source(crate::source::Document::from_text(text))
}

impl Source<'_> {
    /// How many lines the source found.
    pub fn lines(&self) -> usize {
        self.0.lines.len()
    }

    /// Runs the layout on this source.
    pub fn layout(&self) -> Layout<'_> {
        Layout(crate::layout::layout(
            &self.0,
            &crate::Limits::default(),
            &mut crate::diagnostic::Diagnostics::unbounded(),
        ))
    }
}

impl Layout<'_> {
    /// How many body paragraphs the layout found.
    pub fn paragraphs(&self) -> usize {
        self.0.parts.body.len()
    }

    /// Runs extraction (the typed fields and records) on this layout.
    pub fn extract(self) -> Option<Notice> {
        crate::extract::notice(
            self.0,
            &crate::Limits::default(),
            &mut crate::diagnostic::Diagnostics::unbounded(),
        )
        .ok()
    }
}

/// The PDF phase: a PDF's bytes to the text the rest of the parse reads.
#[cfg(feature = "pdf")]
pub fn pdf_text(bytes: &[u8]) -> Result<String, crate::Error> {
    crate::source::pdf::to_text(bytes, &crate::Limits::default()).map(|(text, _)| text)
}
