//! [`Limits`]: how much of a file the parser will read, so that any input ends quickly in
//! bounded memory.

/// Bounds on what one parse may read, allocate and repeat. The defaults are far above any
/// real letter (a 10,000-row Attachment A is about 1 MB of text or 3 MB of PDF) and keep
/// every input, however made, to well under a second and a few hundred megabytes.
///
/// A limit that is reached either ends the parse with [`Error::TooLarge`] (the input itself,
/// inflated page content, pages, glyphs, operators: the rest could not be read) or, where
/// what was read can still be parsed, skips the rest with a
/// [`DiagnosticCode::Limit`](crate::DiagnosticCode::Limit) diagnostic (Form XObjects drawn
/// too often or nested too deep, `/ToUnicode` CMaps past the document's codes, diagnostics
/// past [`max_diagnostics`](Self::max_diagnostics)).
///
/// ```
/// let mut limits = fcc_notice::Limits::default();
/// limits.max_input = 1 << 10;
/// let parser = fcc_notice::Parser::new().limits(limits);
/// let error = parser.parse_text(&"x".repeat(2_000)).unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "too large: more than 1024 bytes of input (Limits::max_input)"
/// );
/// ```
///
/// [`Error::TooLarge`]: crate::Error::TooLarge
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Limits {
    /// Largest input, in bytes: the text given to `parse_text`, the bytes given to
    /// `parse_bytes` or `parse_pdf`. Default 64 MiB.
    pub max_input: usize,
    /// Most lines of text (the text given, decoded or extracted from a PDF): each costs the
    /// layout about a microsecond and a hundred bytes however short it is. Default 500,000
    /// (a 10,000-row Attachment A is about 10,000 lines).
    pub max_lines: usize,
    /// Largest text a PDF's pages may give, in bytes: their glyphs' text, and the text
    /// written from it. Default 32 MiB.
    pub max_text: usize,
    /// Most bytes one PDF stream (a font program, a CMap, a Form XObject) may inflate to;
    /// a stream over it is read as empty. Default 16 MiB.
    pub max_inflated_stream: usize,
    /// Most bytes a PDF's page contents may inflate to in all: every stream of every page,
    /// as often as it is listed or drawn (Form XObjects too); and, counted apart, its object
    /// streams as the file is read. Default 64 MiB.
    pub max_inflated: usize,
    /// Most content-stream operators interpreted in a PDF, over all pages and forms.
    /// Default 5,000,000 (a 10,000-row Attachment A takes about a million).
    pub max_operators: usize,
    /// Deepest nesting of arrays in a content stream (256 at most, whatever this says);
    /// deeper operands are skipped, as dictionaries there are, without recursion. Default 16.
    pub max_nesting: usize,
    /// Deepest nesting of Form XObjects drawn inside one another. Default 8.
    pub max_form_depth: usize,
    /// Most Form XObject draws in a PDF, over all pages. Default 10,000.
    pub max_form_draws: usize,
    /// Most pages of a PDF. Default 10,000.
    pub max_pages: usize,
    /// Most character codes one `/ToUnicode` CMap may map (its `bfchar` entries and the
    /// codes of its `bfrange`s), and, with bytes of text 16 times as many, what it may map
    /// them to; all of a PDF's CMaps together map at most 8 times as many codes (later
    /// CMaps are read as empty, with a [`DiagnosticCode::Limit`](crate::DiagnosticCode::Limit)
    /// diagnostic). Default 65,536 · 4.
    pub max_cmap_codes: usize,
    /// Most glyphs placed on a PDF's pages in all (every character code shown, with text or
    /// not). Default 2,000,000 (a 10,000-row Attachment A is about a million).
    pub max_glyphs: usize,
    /// Most citations read from a text; past it, the rest of the text is not searched for
    /// citations (a [`DiagnosticCode::Limit`](crate::DiagnosticCode::Limit) warning says
    /// where). Default 50,000 (a 10,000-row Attachment A cites about 20,000).
    pub max_citations: usize,
    /// Most Attachment A rows typed into records; past it, the rest are not (a
    /// [`DiagnosticCode::Limit`](crate::DiagnosticCode::Limit) warning says where). Default
    /// 20,000 (real letters list a few hundred calls at most).
    pub max_records: usize,
    /// Most values a PDF's objects may hold (every number, name, string, array and
    /// dictionary, nested ones too, in the file and in its object streams), counted before
    /// and as the file is read: lopdf keeps 120 bytes for each. Default 1,000,000 (a letter
    /// of a thousand pages holds a few tens of thousands).
    pub max_objects: usize,
    /// Most diagnostics returned; past it, the first (by position) are kept and the last
    /// ([`DiagnosticCode::Limit`](crate::DiagnosticCode::Limit)) says how many more there
    /// were. Default 1,000.
    pub max_diagnostics: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input: 64 << 20,
            max_lines: 500_000,
            max_text: 32 << 20,
            max_inflated_stream: 16 << 20,
            max_inflated: 64 << 20,
            max_operators: 5_000_000,
            max_nesting: 16,
            max_form_depth: 8,
            max_form_draws: 10_000,
            max_pages: 10_000,
            max_cmap_codes: 4 << 16,
            max_glyphs: 2_000_000,
            max_objects: 1_000_000,
            max_citations: 50_000,
            max_records: 20_000,
            max_diagnostics: 1_000,
        }
    }
}

impl Limits {
    /// The default limits.
    pub fn new() -> Self {
        Limits::default()
    }

    /// [`Error::TooLarge`](crate::Error::TooLarge) when an input of `len` bytes is over
    /// [`max_input`](Self::max_input).
    pub(crate) fn check_input(&self, len: usize) -> Result<(), crate::Error> {
        if len > self.max_input {
            return Err(crate::Error::TooLarge {
                what: "bytes of input",
                limit: self.max_input,
                setting: "max_input",
            });
        }
        Ok(())
    }

    /// [`Error::TooLarge`](crate::Error::TooLarge) when `text` has more than
    /// [`max_lines`](Self::max_lines) lines.
    pub(crate) fn check_lines(&self, text: &str) -> Result<(), crate::Error> {
        let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        if breaks >= self.max_lines {
            return Err(crate::Error::TooLarge {
                what: "lines of text",
                limit: self.max_lines,
                setting: "max_lines",
            });
        }
        Ok(())
    }
}
