//! The parse one phase at a time, for the benches (`benches/parse.rs`) and the round-trip
//! tests' dump, behind the `phases` feature. Not part of the API: hidden from the docs and
//! free to change.

use crate::model::Notice;

/// Phase 1: the input as lines of clean text.
#[derive(Debug)]
pub struct Source<'a>(crate::source::Document<'a>);

/// Phase 2: the letter's parts.
#[derive(Debug)]
pub struct Layout(crate::layout::Layout);

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
    pub fn layout(&self) -> Layout {
        Layout(crate::layout::layout(&self.0))
    }

    /// Runs extraction (fields, citations, Attachment A) on this source and its layout.
    pub fn extract(&self, layout: &Layout) -> Option<Notice> {
        crate::extract::notice(&self.0, &layout.0, &mut Vec::new()).ok()
    }
}

impl Layout {
    /// How many body paragraphs the layout found.
    pub fn paragraphs(&self) -> usize {
        self.0.body.len()
    }
}

/// The PDF phase: a PDF's bytes to the text the rest of the parse reads.
#[cfg(feature = "pdf")]
pub fn pdf_text(bytes: &[u8]) -> Result<String, crate::Error> {
    crate::source::pdf::to_text(bytes)
}
