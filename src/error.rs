//! The fatal errors: when no notice can be returned at all.

use crate::diagnostic::Diagnostic;
use crate::span::Span;
use std::fmt;

/// Why a parse returned no notice (or no citation).
///
/// Recoverable problems are not errors: they are [`Diagnostic`]s in
/// [`Parsed::diagnostics`](crate::Parsed::diagnostics), unless the parser is
/// [`strict`](crate::Parser::strict).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input does not read as an FCC letter, notice or order.
    NotANotice {
        /// What was missing.
        reason: &'static str,
        /// The part of the input that was examined.
        span: Span,
    },
    /// The PDF could not be read: broken, truncated, or using a feature lopdf lacks.
    Pdf {
        /// What went wrong, as the PDF reader put it.
        reason: String,
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
    /// The text given to `Citation::from_str` is not exactly one citation.
    NotACitation {
        /// The text examined.
        span: Span,
    },
    /// Strict mode: the letter parsed, but with warnings or errors.
    Strict {
        /// Every diagnostic of severity warning or worse, in input order.
        diagnostics: Vec<Diagnostic>,
    },
}

impl Error {
    /// Where in the input the error applies (for `Strict`, the first diagnostic's span).
    pub fn span(&self) -> Option<Span> {
        match self {
            Error::NotANotice { span, .. } | Error::NotACitation { span } => Some(*span),
            Error::Strict { diagnostics } => diagnostics.first().map(|d| d.span),
            Error::Pdf { .. } | Error::Encrypted | Error::NoText { .. } => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotANotice { reason, .. } => write!(f, "not an FCC notice: {reason}"),
            Error::NotACitation { span } => write!(f, "not exactly one citation (at {span})"),
            Error::Pdf { reason } => write!(f, "cannot read the PDF: {reason}"),
            Error::Encrypted => f.write_str("the PDF is encrypted with a password"),
            Error::NoText { pages, images } => write!(
                f,
                "no extractable text (scanned?): {pages} page(s), {images} image(s), no text layer"
            ),
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

impl std::error::Error for Error {}
