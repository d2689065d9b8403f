//! The fatal errors: when no notice can be returned at all.

use crate::diagnostic::Diagnostic;
use crate::span::Span;
use std::fmt;
use std::sync::Arc;

/// Why a parse returned no notice.
///
/// Recoverable problems are not errors: they are [`Diagnostic`]s in
/// [`Parsed::diagnostics`](crate::Parsed::diagnostics), unless the parser is
/// [`strict`](crate::Parser::strict).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input does not read as an FCC Enforcement Bureau robocall letter, notice or order:
    /// it fails one of the notice gate's rules (the agency named; a letter's salutation or an
    /// order's opening after a letterhead, caption or addressee block; not an email, a memo
    /// or a letter to the Commission; a date; a robocall or traceback cue). Other Enforcement
    /// Bureau documents (a Notice of Violation to a broadcaster, a pirate radio forfeiture)
    /// fail the last.
    NotANotice {
        /// What was missing: the first rule the input fails, as a sentence (`it never
        /// mentions the FCC or the Commission`, `it has no letterhead, caption or addressee:
        /// it reads as prose, not a letter or order`, …).
        reason: &'static str,
        /// The part of the input that was examined.
        span: Span,
    },
    /// The bytes are not a letter's text or PDF, but something [`parse_bytes`] knows by its
    /// first bytes: an empty file, a Word document or ZIP archive, an image, an executable,
    /// compressed data, binary data.
    ///
    /// [`parse_bytes`]: crate::Parser::parse_bytes
    UnsupportedInput {
        /// What the bytes are: `"a Word document or ZIP archive"`.
        what: &'static str,
        /// What to do instead: `"save it as PDF or plain text, or unzip it, and parse that"`.
        advice: &'static str,
    },
    /// The PDF could not be read: damaged or truncated, or using a feature lopdf lacks.
    Pdf {
        /// What went wrong, as the PDF reader put it.
        reason: String,
        /// The PDF reader's own error, where it gave one; also
        /// [`source()`](std::error::Error::source).
        source: Option<PdfSource>,
    },
    /// The PDF is encrypted with a password that is not empty; documents that open without
    /// a password (RC4, AES-128, AES-256) are read.
    Encrypted,
    /// The PDF has no text to extract (scanned pages: images only); OCR is out of scope.
    NoText {
        /// How many pages it has.
        pages: usize,
        /// How many images they draw.
        images: usize,
    },
    /// The input is over one of the parser's [`Limits`](crate::Limits) (a PDF whose page
    /// contents inflate past their bound, say); nothing past the limit is read, so hostile
    /// files end quickly.
    TooLarge {
        /// What was counted, in the plural: `"bytes of input"`, `"bytes of inflated page
        /// content"`, `"pages"`, `"glyphs"`.
        what: &'static str,
        /// The limit, in those units.
        limit: usize,
        /// The [`Limits`](crate::Limits) field that sets it: `"max_inflated"`.
        setting: &'static str,
    },
    /// Strict mode: the letter parsed, but with warnings or errors.
    Strict {
        /// Every diagnostic of severity warning or worse, in input order.
        diagnostics: Vec<Diagnostic>,
    },
}

impl Error {
    /// The variant's name in snake_case, as `parse-notice` writes it in an NDJSON error line:
    /// `not_a_notice`, `unsupported_input`, `pdf`, `encrypted`, `no_text`, `too_large` or
    /// `strict`.
    ///
    /// ```
    /// let error = fcc_notice::parse_bytes(b"").unwrap_err();
    /// assert_eq!(error.kind(), "unsupported_input");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Error::NotANotice { .. } => "not_a_notice",
            Error::UnsupportedInput { .. } => "unsupported_input",
            Error::Pdf { .. } => "pdf",
            Error::Encrypted => "encrypted",
            Error::NoText { .. } => "no_text",
            Error::TooLarge { .. } => "too_large",
            Error::Strict { .. } => "strict",
        }
    }

    /// Where in the input the error applies (for `Strict`, the first diagnostic's span).
    pub fn span(&self) -> Option<Span> {
        match self {
            Error::NotANotice { span, .. } => Some(*span),
            Error::Strict { diagnostics } => diagnostics.first().map(|d| d.span),
            Error::UnsupportedInput { .. }
            | Error::Pdf { .. }
            | Error::Encrypted
            | Error::NoText { .. }
            | Error::TooLarge { .. } => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotANotice { reason, .. } => write!(f, "not an FCC notice: {reason}"),
            Error::UnsupportedInput { what, advice } => {
                write!(f, "unsupported input: {what}; {advice}")
            }
            // The PDF reader's words are the `source()`, not repeated here.
            Error::Pdf {
                source: Some(_), ..
            } => f.write_str("damaged or truncated PDF"),
            Error::Pdf { reason, .. } => write!(f, "damaged or truncated PDF: {reason}"),
            Error::Encrypted => f.write_str(
                "the PDF is encrypted with a password: open it with the password and save \
                 or print it as a PDF without one, or save its text",
            ),
            Error::NoText { pages, images } => write!(
                f,
                "no text in the PDF ({pages} page(s), {images} image(s)): a scan? run OCR on it \
                 (ocrmypdf adds a text layer) and parse the result"
            ),
            Error::TooLarge {
                what,
                limit,
                setting,
            } => write!(f, "too large: more than {limit} {what} (Limits::{setting})"),
            Error::Strict { diagnostics } => {
                write!(f, "strict mode: {} problem(s)", diagnostics.len())?;
                if let Some(first) = diagnostics.first() {
                    write!(f, ", first: {first}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Pdf {
                source: Some(source),
                ..
            } => Some(source.0.as_ref()),
            _ => None,
        }
    }
}

/// The PDF reader's error behind an [`Error::Pdf`], opaque so that the reader's version is
/// not part of this crate's API; reach it through [`std::error::Error::source`]. Two are
/// equal when they say the same.
#[derive(Debug, Clone)]
pub struct PdfSource(Arc<dyn std::error::Error + Send + Sync>);

impl PdfSource {
    #[cfg(feature = "pdf")]
    pub(crate) fn new(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        PdfSource(Arc::new(error))
    }
}

impl PartialEq for PdfSource {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0.to_string() == other.0.to_string()
    }
}

impl Eq for PdfSource {}

impl fmt::Display for PdfSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
