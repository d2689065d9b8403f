//! The configurable [`Parser`] and its result, [`Parsed`].

use crate::diagnostic::{Diagnostic, DiagnosticCode, Severity};
use crate::error::Error;
use crate::input::{Encoding, Input};
use crate::limits::Limits;
use crate::model::{Campaign, Customer, Notice, Violation};
use crate::source::Document;
use crate::span::Span;
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// A parser with options. [`parse_text`](crate::parse_text) is `Parser::new().parse_text(..)`.
///
/// ```
/// let text = include_str!("../fixtures/letters/2021-04-13-r-squared-telecom.txt");
/// let parsed = fcc_notice::Parser::new().strict(true).parse_text(text)?;
/// assert!(parsed.diagnostics.is_empty());
/// # Ok::<(), fcc_notice::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Parser {
    strict: bool,
    limits: Limits,
}

impl Parser {
    /// A lenient parser: problems it can work around become [`Parsed::diagnostics`].
    pub fn new() -> Self {
        Parser::default()
    }

    /// In strict mode, a diagnostic of severity warning or worse makes the parse fail with
    /// [`Error::Strict`]. The parse itself is the same.
    pub fn strict(mut self, yes: bool) -> Self {
        self.strict = yes;
        self
    }

    /// Sets the bounds on what a parse may read and keep (the defaults are far above any
    /// real letter); see [`Limits`].
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The bounds this parser works within.
    pub fn current_limits(&self) -> &Limits {
        &self.limits
    }

    /// Parses a letter from its text: the markdown-ish conversion of the PDF or plain text.
    ///
    /// # Errors
    /// [`Error::NotANotice`] when the text does not read as an FCC letter, notice or order;
    /// [`Error::Strict`] in strict mode when anything was tolerated; [`Error::TooLarge`]
    /// past [`Limits::max_input`].
    pub fn parse_text(&self, text: &str) -> Result<Parsed, Error> {
        self.limits.check_input(text.len())?;
        self.parse_document(text)
    }

    /// Parses a letter from its PDF: the text is extracted with lopdf (tables from their
    /// rulings, footnote marks from raised small glyphs), then parsed as text. Spans index
    /// that text, kept in [`Parsed::text`].
    ///
    /// # Errors
    /// [`Error::Pdf`] for a broken file, [`Error::Encrypted`] when it needs a password,
    /// [`Error::NoText`] for scanned pages, [`Error::TooLarge`] past one of the
    /// [`Limits`], and the errors of [`Parser::parse_text`].
    #[cfg(feature = "pdf")]
    pub fn parse_pdf(&self, bytes: &[u8]) -> Result<Parsed, Error> {
        let (text, notes) = crate::source::pdf::to_text(bytes, &self.limits)?;
        let diagnostics = notes
            .into_iter()
            .map(|(at, message)| {
                Diagnostic::new(
                    Severity::Warning,
                    DiagnosticCode::Limit,
                    Span::new(at, at),
                    message,
                )
            })
            .collect();
        let mut parsed = self.parse_with(&text, diagnostics)?;
        parsed.text = Some(text);
        Ok(parsed)
    }

    /// Parses a letter from bytes of any kind, known by their first bytes rather than a file
    /// name: a PDF (`%PDF-` in the first KiB) as `parse_pdf` does (feature `pdf`), text
    /// as [`parse_text`](Parser::parse_text) does once decoded — UTF-8 with or without a
    /// byte-order mark, UTF-16 (by its byte-order mark, or by the NUL bytes of ASCII text in
    /// UTF-16), and anything else as Windows-1252, with a warning. Files that are neither are
    /// refused with an [`Error::UnsupportedInput`] that says what they are.
    ///
    /// Spans index the text parsed: the caller's bytes when they were UTF-8 without a
    /// byte-order mark ([`Parsed::text`] is `None`), otherwise the decoded or extracted text
    /// in [`Parsed::text`].
    ///
    /// ```
    /// let bytes = std::fs::read("fixtures/letters/2021-04-13-r-squared-telecom.txt")?;
    /// let parsed = fcc_notice::Parser::new().parse_bytes(&bytes)?;
    /// assert_eq!(parsed.notice.kind, fcc_notice::NoticeKind::CeaseAndDesist);
    ///
    /// let docx = b"PK\x03\x04\x14\x00\x06\x00word/document.xml";
    /// let error = fcc_notice::parse_bytes(docx).unwrap_err();
    /// assert_eq!(
    ///     error.to_string(),
    ///     "unsupported input: a Word document or ZIP archive; \
    ///      save it as PDF or plain text, or unzip it, and parse that"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::UnsupportedInput`] for empty input and files that are neither text nor PDF
    /// (a PDF too when the `pdf` feature is off); otherwise the errors of
    /// `parse_pdf` or [`parse_text`](Parser::parse_text).
    pub fn parse_bytes(&self, bytes: &[u8]) -> Result<Parsed, Error> {
        self.limits.check_input(bytes.len())?;
        match crate::input::sniff(bytes)? {
            #[cfg(feature = "pdf")]
            Input::Pdf => self.parse_pdf(bytes),
            #[cfg(not(feature = "pdf"))]
            Input::Pdf => Err(Error::UnsupportedInput {
                what: "a PDF",
                advice: "this build has no PDF reader: enable the `pdf` feature, or give the text",
            }),
            Input::Text(decoded) => {
                let mut diagnostics = Vec::new();
                if let Some(at) = decoded.first_odd {
                    let end = decoded.text.get(at..).and_then(|rest| rest.chars().next());
                    let span = Span::new(at, at + end.map_or(0, char::len_utf8));
                    diagnostics.push(Diagnostic::new(
                        Severity::Warning,
                        DiagnosticCode::Encoding,
                        span,
                        if decoded.encoding == Encoding::Windows1252 {
                            "the text is not UTF-8: read as Windows-1252 from here on".to_owned()
                        } else {
                            format!(
                                "broken {} text: what could not be decoded, here first, reads as U+FFFD",
                                decoded.encoding.name()
                            )
                        },
                    ));
                }
                let mut parsed = self.parse_with(&decoded.text, diagnostics)?;
                if let Cow::Owned(text) = decoded.text {
                    parsed.text = Some(text);
                }
                Ok(parsed)
            }
        }
    }

    fn parse_document(&self, text: &str) -> Result<Parsed, Error> {
        self.parse_with(text, Vec::new())
    }

    /// Parses `text`, whose reading already noted `diagnostics`.
    fn parse_with(&self, text: &str, mut diagnostics: Vec<Diagnostic>) -> Result<Parsed, Error> {
        let doc = Document::from_text(text);
        let layout = crate::layout::layout(&doc, &mut diagnostics);
        let notice = crate::extract::notice(layout, &mut diagnostics)?;
        diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
        cap(&mut diagnostics, self.limits.max_diagnostics);
        if self.strict && diagnostics.iter().any(|d| d.severity >= Severity::Warning) {
            diagnostics.retain(|d| d.severity >= Severity::Warning);
            return Err(Error::Strict { diagnostics });
        }
        Ok(Parsed {
            notice,
            diagnostics,
            text: None,
        })
    }
}

/// Keeps the first `max` diagnostics of `diagnostics` (in input order), the last of them one
/// that says how many more there were, over the span they cover, as grave as the gravest.
fn cap(diagnostics: &mut Vec<Diagnostic>, max: usize) {
    if diagnostics.len() <= max {
        return;
    }
    let keep = max.saturating_sub(1);
    let dropped = diagnostics.split_off(keep);
    let severity = dropped.iter().map(|d| d.severity).max();
    let start = dropped.iter().map(|d| d.span.start).min();
    let end = dropped.iter().map(|d| d.span.end).max();
    if let (Some(severity), Some(start), Some(end), true) = (severity, start, end, max > 0) {
        diagnostics.push(Diagnostic::new(
            severity,
            DiagnosticCode::Limit,
            Span::new(start, end.max(start)),
            format!(
                "{} more diagnostics here and after are not listed (Limits::max_diagnostics)",
                dropped.len()
            ),
        ));
    }
}

/// A parsed letter: the notice and what was tolerated on the way.
///
/// # JSON
///
/// Serialises as the notice's fields followed by its views (`customers`, `campaigns`,
/// `violations`) and the `diagnostics`: the JSON `parse-notice` prints, described by the
/// JSON Schema `schema/parsed.schema.json` in the repository. Every field of every object
/// is written, `null` when absent and `[]` when empty, so each object always has the same
/// keys.
///
/// It deserialises back into an equal `Parsed`, except [`text`](Self::text), which is not
/// serialised (it can be megabytes, and the caller has it): it reads back as `None`. The
/// views are derived from the notice, so they are ignored on input. Reading is lenient, so
/// that JSON written by a later version loads: unknown fields are ignored, missing optional
/// fields and lists are `None` and empty, and an unknown enum name becomes the enum's
/// documented fallback ([`NoticeKind::Other`](crate::NoticeKind::Other),
/// [`DiagnosticCode::Unknown`](crate::DiagnosticCode::Unknown), …).
///
/// ```
/// let text = include_str!("../fixtures/letters/2021-04-13-r-squared-telecom.txt");
/// let parsed = fcc_notice::parse_text(text)?;
/// let json = serde_json::to_string(&parsed).unwrap();
/// let back: fcc_notice::Parsed = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, parsed);
/// # Ok::<(), fcc_notice::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Parsed {
    /// The letter as data.
    pub notice: Notice,
    /// Problems found and worked around, in input order.
    pub diagnostics: Vec<Diagnostic>,
    /// For PDF input, the text extracted from the PDF, which every span indexes; `None` for
    /// text input, whose spans index the caller's text. Not serialised.
    pub text: Option<String>,
}

impl Parsed {
    /// A parse of `notice` with no diagnostics and no text, for building test values.
    ///
    /// ```
    /// use fcc_notice::{Diagnostic, DiagnosticCode, Notice, NoticeKind, Parsed, Severity, Span};
    /// let mut parsed = Parsed::new(Notice::new(NoticeKind::CeaseAndDesist));
    /// parsed.diagnostics.push(Diagnostic::new(
    ///     Severity::Warning,
    ///     DiagnosticCode::MissingDate,
    ///     Span::new(0, 0),
    ///     "no letter date",
    /// ));
    /// assert_eq!(parsed.notice.kind, NoticeKind::CeaseAndDesist);
    /// ```
    pub fn new(notice: Notice) -> Self {
        Parsed {
            notice,
            diagnostics: Vec::new(),
            text: None,
        }
    }
}

impl Serialize for Parsed {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Output<'a> {
            #[serde(flatten)]
            notice: &'a Notice,
            customers: Vec<Customer>,
            campaigns: Vec<Campaign>,
            violations: Vec<Violation>,
            diagnostics: &'a [Diagnostic],
        }
        Output {
            notice: &self.notice,
            customers: self.notice.customers(),
            campaigns: self.notice.campaigns(),
            violations: self.notice.violations(),
            diagnostics: &self.diagnostics,
        }
        .serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Parsed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// The views (`customers`, `campaigns`, `violations`) are left to the flattened
        /// notice, which ignores them as it ignores any field it does not have.
        #[derive(serde::Deserialize)]
        struct Input {
            #[serde(flatten)]
            notice: Notice,
            #[serde(default)]
            diagnostics: Vec<Diagnostic>,
        }
        let Input {
            notice,
            diagnostics,
        } = serde::Deserialize::deserialize(deserializer)?;
        Ok(Parsed {
            notice,
            diagnostics,
            text: None,
        })
    }
}
