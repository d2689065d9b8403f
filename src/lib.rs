//! Turn FCC Enforcement Bureau robocall letters into typed, serde-ready data.
//!
//! Since 2020 the FCC's Enforcement Bureau has sent voice service providers letters —
//! cease-and-desist letters, Notices of Suspected Illegal Traffic, determination orders —
//! saying that traceback found illegal robocalls on their network. This crate reads such a
//! letter's text into a [`Notice`]: its date and [`NoticeKind`], the [`Recipient`] and the
//! [`Provider`] with its defined short name, the [`Deadline`]s with computed due dates, the
//! numbered actions, [`Contact`]s, [`Signatory`], [`Footnote`]s, every [`Citation`], and the
//! Attachment A table as [`CallRecord`]s, with views grouped from it: [`Customer`]s,
//! [`Campaign`]s and [`Violation`]s.
//!
//! # Example
//!
//! ```
//! let text = include_str!("../fixtures/letters/2021-04-13-r-squared-telecom.txt");
//! let parsed = fcc_notice::parse_text(text)?;
//! let notice = &parsed.notice;
//!
//! assert_eq!(notice.kind, fcc_notice::NoticeKind::CeaseAndDesist);
//! assert_eq!(notice.date.map(|d| d.to_string()).as_deref(), Some("2021-04-13"));
//! let provider = notice.provider.as_ref().unwrap();
//! assert_eq!(provider.short_name.as_deref(), Some("R Squared"));
//! assert_eq!(notice.deadlines[1].due.map(|d| d.to_string()).as_deref(), Some("2021-04-27"));
//! assert_eq!(notice.records().len(), 23);
//! assert_eq!(notice.customers()[0].name, "Mash Telecom");
//!
//! // The JSON that `parse-notice` prints:
//! let json = serde_json::to_value(&parsed).unwrap();
//! assert_eq!(json["provider"]["name"], "R Squared Telecom LLC");
//! # Ok::<(), fcc_notice::Error>(())
//! ```
//!
//! # How it works
//!
//! 1. **source** — the input becomes a `Document`: lines of clean text, markup (`**`,
//!    `<sup>1</sup>`, `[x](mailto:x)`, `---`) set aside without rewriting the input, so every
//!    [`Span`] indexes the caller's text. A PDF (`parse_pdf`, feature `pdf`) is first turned
//!    into that same text by a content-stream interpreter on lopdf; its spans index
//!    [`Parsed::text`].
//! 2. **layout** — lines become letter parts: header, body paragraphs (rejoined across page
//!    breaks and footnotes), footnotes, closing and signatory; Attachment A as rows of cells
//!    (tab-separated, aligned with spaces, or collapsed onto one line); and the letter's
//!    citations, read in one pass over the text in reading order, each cut paragraph,
//!    footnote and wrapped table cell whole ([`cite`]: tokenize → parse → resolve, each short
//!    form linked to the full citation it stands for).
//! 3. **extract** — the typed fields from the layout alone: one grammar per field (nom for
//!    dates, phone numbers, addresses, deadlines and citations; regex only to find where to
//!    look), the table's cells typed into [`CallRecord`]s.
//! 4. **views** — [`Notice::customers`], [`Notice::campaigns`], [`Notice::violations`].
//!
//! Parsing is lenient: what was guessed, skipped or inconsistent is a [`Diagnostic`] with a
//! span in [`Parsed::diagnostics`]; [`Parser::strict`] turns those into an [`Error`].
//!
//! # Limitations
//!
//! - PDFs need a text layer (scanned letters are an [`Error::NoText`]; there is no OCR), and
//!   the table reader needs Attachment A to be ruled, as Word and LibreOffice draw it.
//! - Collapsed one-line copies (the FCC's own `.txt` renditions) have no line breaks to go
//!   by. Their parts are found by cue words; each footnote body printed where its page ended
//!   is found by its number and ends where the interrupted sentence resumes or its citations
//!   stop, which is a heuristic: a body that ends in plain prose may be cut short.
//! - In `pdftotext -layout` text, a citation in a table cell that wraps over lines spans from
//!   its first word to its last, the other columns' text on those lines included.
//! - Campaign categories come from keywords of the description; a description none of them
//!   match is [`CampaignCategory::Other`].
//! - Section headings come from built-in tables of every 47 CFR and 47 U.S.C. section
//!   (the eCFR of 2025-04-02, the CFR of 2011-10-01 where that lacks a section, the U.S. Code
//!   text of 2023-04-20, and hand-checked rows): a heading may have changed since its
//!   [`edition`](Citation::edition). Sections of other titles get a URL but no heading. The
//!   U.S.C. table holds only sections with text, so a repealed section is `known: false`.
//! - Named short forms are recognised when their name was defined in parentheses after a full
//!   cite in the same text; a name used without a reporter cite (`the Order`) is not a citation.
#![cfg_attr(docsrs, feature(doc_cfg))]

mod cues;
mod diagnostic;
mod error;
mod extract;
mod grammar;
mod input;
mod layout;
mod limits;
mod model;
mod parser;
mod source;
mod span;
mod text;

pub mod cite;
#[cfg(feature = "phases")]
#[doc(hidden)]
pub mod phases;

pub use diagnostic::{Diagnostic, DiagnosticCode, Rendered, RenderedAll, Severity};
pub use error::{Error, PdfSource};
pub use limits::Limits;
pub use model::{
    Attachment, CallRecord, Campaign, CampaignCategory, Citation, CitationIndex, CitationKind,
    Column, ColumnKind, Contact, ContactRole, Customer, Deadline, DeadlineKind, Footnote, Issuer,
    Notice, NoticeKind, ParseEnumError, ParsePeriodError, Period, PeriodUnit, Place, Provider,
    Recipient, Signatory, Violation, ViolationCell,
};
pub use parser::{Parsed, Parser};
pub use span::Span;

/// Parses a letter's text leniently; the same as `Parser::new().parse_text(text)`.
///
/// # Errors
/// [`Error::NotANotice`] when the text does not read as an FCC letter, notice or order.
pub fn parse_text(text: &str) -> Result<Parsed, Error> {
    Parser::new().parse_text(text)
}

/// Parses a letter from bytes of any kind (PDF or text in any common encoding) leniently;
/// the same as `Parser::new().parse_bytes(bytes)`.
///
/// # Errors
/// See [`Parser::parse_bytes`].
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, Error> {
    Parser::new().parse_bytes(bytes)
}

/// The text [`parse_bytes`] would parse, of any bytes, letter or not: a PDF's text as
/// `pdf_text` reads it (feature `pdf`), or the decoded text (UTF-8 with or without a byte-order mark,
/// UTF-16, else Windows-1252) — for [`cite::extract`] on files of any kind.
///
/// ```
/// let found = fcc_notice::bytes_to_text(b"\xEF\xBB\xBFsee 47 U.S.C. \xC2\xA7 227(b)")
///     .map(|text| fcc_notice::cite::extract(&text))?;
/// assert_eq!(found[0].to_string(), "47 U.S.C. § 227(b)");
/// # Ok::<(), fcc_notice::Error>(())
/// ```
///
/// # Errors
/// As [`parse_bytes`]: [`Error::UnsupportedInput`] for what is neither text nor PDF, the PDF
/// errors for a PDF that cannot be read.
pub fn bytes_to_text(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, Error> {
    match input::sniff(bytes)? {
        #[cfg(feature = "pdf")]
        input::Input::Pdf => pdf_text(bytes).map(std::borrow::Cow::Owned),
        #[cfg(not(feature = "pdf"))]
        input::Input::Pdf => Err(Error::UnsupportedInput {
            what: "a PDF",
            advice: "this build has no PDF reader: enable the `pdf` feature, or give the text",
        }),
        input::Input::Text(decoded) => Ok(decoded.text),
    }
}

/// Parses a letter from its PDF leniently; the same as `Parser::new().parse_pdf(bytes)`.
///
/// # Errors
/// [`Error::Pdf`], [`Error::Encrypted`] or [`Error::NoText`] when no text can be read, and
/// [`Error::NotANotice`] when the text does not read as an FCC letter.
#[cfg(feature = "pdf")]
pub fn parse_pdf(bytes: &[u8]) -> Result<Parsed, Error> {
    Parser::new().parse_pdf(bytes)
}

/// The text of a PDF, any PDF, as this crate reads it: its pages' lines in reading order,
/// raised footnote marks as `<sup>n</sup>`, a table's rows with tab-separated cells, form
/// feeds between pages. This is the text [`parse_pdf`] parses (and [`Parsed::text`] gives
/// back), for a PDF that is not a letter too: [`cite::extract`] its citations, or search it.
///
/// ```no_run
/// let bytes = std::fs::read("memo.pdf")?;
/// let text = fcc_notice::pdf_text(&bytes)?;
/// for c in fcc_notice::cite::extract(&text) {
///     println!("{c}");
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Error::Pdf`] when the file cannot be read as a PDF, [`Error::Encrypted`] when it needs a
/// password, [`Error::NoText`] when its pages hold no text (a scan), [`Error::TooLarge`]
/// past one of the default [`Limits`].
#[cfg(feature = "pdf")]
pub fn pdf_text(bytes: &[u8]) -> Result<String, Error> {
    source::pdf::to_text(bytes, &Limits::default()).map(|(text, _)| text)
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
