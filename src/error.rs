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
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotANotice { reason, .. } => write!(f, "not an FCC notice: {reason}"),
            Error::NotACitation { span } => write!(f, "not exactly one citation (at {span})"),
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
