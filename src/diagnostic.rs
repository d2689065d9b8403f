//! Recoverable problems found while parsing, each with a code, a severity and a span.

use crate::model::named_enum;
use crate::span::{LineIndex, Span};
use serde::{Deserialize, Serialize};
use std::fmt;

named_enum! {
    /// How much a diagnostic matters.
    #[non_exhaustive]
    pub enum Severity {
        /// A fact worth knowing; the parse is complete.
        Info = "info",
        /// Something was guessed, skipped or is inconsistent; `strict` mode rejects it.
        Warning = "warning",
        /// A severity this version does not know, read from JSON written by a later one. It sorts
        /// above [`Warning`](Self::Warning), so [`Parser::strict`](crate::Parser::strict)'s test
        /// (`severity >= Warning`) counts it. The parser never gives it.
        Unknown = "unknown",
    }
    unknown = Unknown;
}

named_enum! {
    /// What a diagnostic records. Each variant names the leniency that let the parse go on.
    #[non_exhaustive]
    pub enum DiagnosticCode {
        /// The text stops before the letter ends (no closing, or mid-sentence); what is there was parsed.
        Truncated = "truncated",
        /// No letter date was found; due dates could not be computed.
        MissingDate = "missing_date",
        /// No recipient block was found.
        MissingRecipient = "missing_recipient",
        /// The provider is not defined in the text; the recipient's organization was used, or none.
        MissingProvider = "missing_provider",
        /// No signatory block was found after the closing.
        MissingSignatory = "missing_signatory",
        /// The date a letter states for a deadline differs from the one computed from the letter date.
        DueDateMismatch = "due_date_mismatch",
        /// A footnote mark has no footnote text, or a footnote has no mark.
        UnmatchedFootnote = "unmatched_footnote",
        /// An Attachment A header cell has a meaning the parser does not know; its cells are ignored.
        UnknownColumn = "unknown_column",
        /// The letter refers to an attachment table that is not in the text, or it has no header row.
        MissingTable = "missing_table",
        /// A table row has more or fewer cells than the header; missing cells are `null`.
        RowCellCount = "row_cell_count",
        /// A table line could not be read as a row and was skipped.
        SkippedLine = "skipped_line",
        /// A date cell could not be read; the record's date is `null`.
        UnparseableDate = "unparseable_date",
        /// A phone-number cell could not be read; the number is `null`.
        UnparseablePhone = "unparseable_phone",
        /// A cited Title 47 section (or CFR part) is in neither built-in table: it has a URL but
        /// no heading, and `known: false`.
        UnknownSection = "unknown_section",
        /// A citation's paragraph path is out of the code's level order ((a) → (1) → (i) → (A)).
        InvalidParagraphPath = "invalid_paragraph_path",
        /// An `Id.`, `supra` or short cite has nothing it can refer to; `refers_to` is `null`.
        UnresolvedShortForm = "unresolved_short_form",
        /// The bytes were not UTF-8 ([`Parser::parse_bytes`](crate::Parser::parse_bytes)):
        /// read as Windows-1252, or a broken UTF-8 or UTF-16 sequence read as U+FFFD.
        Encoding = "encoding",
        /// One of the parser's [`Limits`](crate::Limits) was reached and what was past it was
        /// skipped: diagnostics past `max_diagnostics` (this one says how many), Form XObjects
        /// drawn too often or nested too deep.
        Limit = "limit",
        /// A code this version does not know, read from JSON written by a later one. The parser
        /// never gives it.
        Unknown = "unknown",
    }
    unknown = Unknown;
}

/// A problem the parser tolerated, with where it stands in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How much it matters.
    pub severity: Severity,
    /// What kind of problem it is.
    pub code: DiagnosticCode,
    /// A sentence for people.
    pub message: String,
    /// Where in the input it applies.
    pub span: Span,
}

impl Diagnostic {
    /// A diagnostic of `severity` and `code` at `span`, saying `message`.
    ///
    /// ```
    /// use fcc_notice::{Diagnostic, DiagnosticCode, Severity, Span};
    /// let d = Diagnostic::new(Severity::Info, DiagnosticCode::UnknownSection, Span::new(4, 9), "no heading");
    /// assert_eq!(d.to_string(), "info[unknown_section] at 4..9: no heading");
    /// ```
    pub fn new(
        severity: Severity,
        code: DiagnosticCode,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            span,
        }
    }

    /// Renders the diagnostic against the `source` it was found in: a
    /// `line:col: severity[code]: message` line, the source line and a caret under the span.
    ///
    /// ```
    /// let text = "Federal Communications Commission\nEnforcement Bureau\n\nApril 13, 2021\n\n\
    ///             Dear Acme LLC:\n\nWe have determined that Acme LLC (Acme) is apparently \
    ///             transmitting robocalls for the Commission";
    /// let parsed = fcc_notice::parse_text(text)?;
    /// let last = parsed.diagnostics.last().unwrap();
    /// let shown = last.render(text).with_name("letter.txt").to_string();
    /// assert!(shown.starts_with("letter.txt:8:86: warning[truncated]: "));
    /// assert!(shown.ends_with(" ^^^^^^^^^^")); // under "Commission"
    /// # Ok::<(), fcc_notice::Error>(())
    /// ```
    pub fn render<'a>(&'a self, source: &'a str) -> Rendered<'a> {
        Rendered {
            diagnostic: self,
            source,
            name: None,
        }
    }

    /// Renders every diagnostic of `diagnostics` against their `source`, one after another
    /// (each as [`render`](Self::render) shows it, a line break between them), finding the
    /// lines of the source once for all of them: use it rather than `render` in a loop when a
    /// text has many diagnostics, whose cost would otherwise grow with their number times the
    /// text's length.
    ///
    /// ```
    /// let text = include_str!("../fixtures/excerpts/2022-11-10-urth-access.txt");
    /// let parsed = fcc_notice::parse_text(text)?;
    /// let all = fcc_notice::Diagnostic::render_all(&parsed.diagnostics, text).with_name("urth.txt");
    /// let one_by_one: Vec<String> = parsed
    ///     .diagnostics
    ///     .iter()
    ///     .map(|d| d.render(text).with_name("urth.txt").to_string())
    ///     .collect();
    /// assert_eq!(all.to_string(), one_by_one.join("\n"));
    /// # Ok::<(), fcc_notice::Error>(())
    /// ```
    pub fn render_all<'a>(diagnostics: &'a [Diagnostic], source: &'a str) -> RenderedAll<'a> {
        RenderedAll {
            diagnostics,
            source,
            name: None,
        }
    }
}

/// Where a parse puts its diagnostics: at most `max` are kept, the first in input order
/// (by span), and one more says how many were dropped, so that an input with a diagnostic
/// on every line costs bounded memory. Sorting and trimming whenever twice `max` have
/// piled up keeps exactly the first `max` of all, in O(n log max) time.
#[derive(Debug)]
pub(crate) struct Diagnostics {
    kept: Vec<Diagnostic>,
    max: usize,
    /// How many were dropped, the gravest of them, and the span they cover.
    dropped: usize,
    severity: Option<Severity>,
    start: usize,
    end: usize,
}

impl Diagnostics {
    /// A sink that keeps at most `max` diagnostics (`Limits::max_diagnostics`).
    pub(crate) fn new(max: usize) -> Self {
        Diagnostics {
            kept: Vec::new(),
            max,
            dropped: 0,
            severity: None,
            start: usize::MAX,
            end: 0,
        }
    }

    /// A sink that keeps every diagnostic (for the phases and tests).
    #[cfg(any(test, feature = "phases"))]
    pub(crate) fn unbounded() -> Self {
        Diagnostics::new(usize::MAX)
    }

    /// Adds a diagnostic.
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.kept.push(d);
        if self.kept.len() >= self.max.saturating_mul(2).max(64) {
            self.trim(self.max);
        }
    }

    /// The diagnostics kept so far, in the order they were found or sorted.
    #[cfg(test)]
    pub(crate) fn as_slice(&self) -> &[Diagnostic] {
        &self.kept
    }

    /// Sorts by span and keeps the first `keep`, counting the rest as dropped.
    fn trim(&mut self, keep: usize) {
        self.kept.sort_by_key(|d| (d.span.start, d.span.end));
        if self.kept.len() <= keep {
            return;
        }
        for d in self.kept.drain(keep..) {
            self.dropped += 1;
            self.severity = self.severity.max(Some(d.severity));
            self.start = self.start.min(d.span.start);
            self.end = self.end.max(d.span.end);
        }
    }

    /// The diagnostics in input order: the first `max`, the last of them saying how many
    /// more there were when there were more.
    pub(crate) fn finish(mut self) -> Vec<Diagnostic> {
        let total = self.kept.len() + self.dropped;
        if total <= self.max {
            self.trim(self.max);
            return self.kept;
        }
        self.trim(self.max.saturating_sub(1));
        if let (Some(severity), true) = (self.severity, self.max > 0) {
            self.kept.push(Diagnostic::new(
                severity,
                DiagnosticCode::Limit,
                Span::new(self.start, self.end.max(self.start)),
                format!(
                    "{} more diagnostics, here and after, are not listed (Limits::max_diagnostics)",
                    self.dropped
                ),
            ));
        }
        self.kept
    }
}

/// Diagnostics shown against their source text; see [`Diagnostic::render_all`].
#[derive(Debug, Clone)]
pub struct RenderedAll<'a> {
    diagnostics: &'a [Diagnostic],
    source: &'a str,
    name: Option<&'a str>,
}

impl<'a> RenderedAll<'a> {
    /// Prefixes each location with a file name (`file:line:col`).
    pub fn with_name(mut self, name: &'a str) -> Self {
        self.name = Some(name);
        self
    }
}

impl fmt::Display for RenderedAll<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let index = LineIndex::new(self.source);
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write_rendered(f, d, self.source, &index, self.name)?;
        }
        Ok(())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}] at {}: {}",
            self.severity, self.code, self.span, self.message
        )
    }
}

/// A [`Diagnostic`] shown against its source text; see [`Diagnostic::render`].
#[derive(Debug, Clone)]
pub struct Rendered<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a str,
    name: Option<&'a str>,
}

impl<'a> Rendered<'a> {
    /// Prefixes the location with a file name (`file:line:col`).
    pub fn with_name(mut self, name: &'a str) -> Self {
        self.name = Some(name);
        self
    }
}

/// Lines longer than this are shown as a window around the span.
const WINDOW: usize = 100;

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let index = LineIndex::new(self.source);
        write_rendered(f, self.diagnostic, self.source, &index, self.name)
    }
}

/// One diagnostic as [`Diagnostic::render`] shows it, with the source's lines found.
fn write_rendered(
    f: &mut fmt::Formatter<'_>,
    d: &Diagnostic,
    source: &str,
    index: &LineIndex,
    name: Option<&str>,
) -> fmt::Result {
    let (line, col) = index.line_col(source, d.span.start);
    let (end_line, end_col) = index.line_col(source, d.span.end);
    if let Some(name) = name {
        write!(f, "{name}:")?;
    }
    writeln!(f, "{line}:{col}: {}[{}]: {}", d.severity, d.code, d.message)?;
    let chars = index.line_window(source, line, 0, 0).chars;
    // (Total on any span and text: a hand-built or deserialised diagnostic, or one shown
    // against the wrong text, may point anywhere; columns are clamped to the line.)
    let col = col.clamp(1, chars + 1);
    let width = if end_line == line {
        end_col.saturating_sub(col)
    } else {
        (chars + 1).saturating_sub(col)
    };
    // Show at most WINDOW characters of a long line, starting a little before the span.
    let skip = if chars > WINDOW {
        (col - 1).saturating_sub(WINDOW / 4).min(chars - WINDOW)
    } else {
        0
    };
    let window = index.line_window(source, line, skip, WINDOW);
    let (shown, lead, tail) = (
        window.shown,
        if skip > 0 { "…" } else { "" },
        if window.more { "…" } else { "" },
    );
    let pad = col - 1 - skip + lead.chars().count();
    let width = width.clamp(1, WINDOW);
    let gutter = line.to_string().len();
    writeln!(f, "{:gutter$} |", "")?;
    writeln!(f, "{line} | {lead}{shown}{tail}")?;
    write!(f, "{:gutter$} | {:pad$}{}", "", "", "^".repeat(width))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rendering_is_total_on_any_span() {
        let text = "Re: “Acme”\r\nnext — line\n";
        for start in 0..=text.len() + 2 {
            for end in start..=text.len() + 2 {
                let d = Diagnostic::new(
                    Severity::Info,
                    DiagnosticCode::Truncated,
                    Span::new(start, end),
                    "x",
                );
                let shown = d.render(text).to_string();
                assert!(shown.ends_with('^'), "{start}..{end}: {shown}");
            }
        }
        // Inside the “ (bytes 4..7): the caret stands under it.
        let d = Diagnostic::new(
            Severity::Info,
            DiagnosticCode::Truncated,
            Span::new(5, 6),
            "x",
        );
        assert!(
            d.render(text).to_string().starts_with("1:5: "),
            "{}",
            d.render(text)
        );
    }

    #[test]
    fn the_sink_keeps_the_first_in_input_order_and_counts_the_rest() {
        let d = |at: usize, severity| {
            Diagnostic::new(
                severity,
                DiagnosticCode::SkippedLine,
                Span::new(at, at + 1),
                "x",
            )
        };
        // Found out of order, many times the bound: trimmed as they come.
        let mut sink = Diagnostics::new(10);
        for i in 0..1_000 {
            let severity = if i == 500 {
                Severity::Warning
            } else {
                Severity::Info
            };
            sink.push(d((i * 7919) % 1_000, severity));
            assert!(sink.as_slice().len() <= 64);
        }
        let kept = sink.finish();
        assert_eq!(kept.len(), 10);
        let starts: Vec<usize> = kept.iter().map(|d| d.span.start).collect();
        assert_eq!(starts, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        let last = kept.last().unwrap();
        assert_eq!(last.code, DiagnosticCode::Limit);
        assert_eq!(last.severity, Severity::Warning); // (7919 · 500) % 1000 = 500: dropped
        assert_eq!(last.span, Span::new(9, 1_000));
        assert!(
            last.message.starts_with("991 more diagnostics"),
            "{}",
            last.message
        );
        // Within the bound, all are kept, sorted.
        let mut sink = Diagnostics::new(10);
        for at in [5, 3, 9] {
            sink.push(d(at, Severity::Info));
        }
        let kept: Vec<usize> = sink.finish().iter().map(|d| d.span.start).collect();
        assert_eq!(kept, [3, 5, 9]);
        // A bound of zero keeps none.
        let mut sink = Diagnostics::new(0);
        sink.push(d(1, Severity::Info));
        assert!(sink.finish().is_empty());
    }

    #[test]
    fn rendering() {
        let d = |start, end| {
            Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::Truncated,
                Span::new(start, end),
                "cut",
            )
        };
        let short = "first\nsecond line\n";
        let cases: &[(&str, Diagnostic, &str)] = &[
            (
                short,
                d(6, 12),
                "2:1: warning[truncated]: cut\n  |\n2 | second line\n  | ^^^^^^",
            ),
            (
                short,
                d(8, 8),
                "2:3: warning[truncated]: cut\n  |\n2 | second line\n  |   ^",
            ),
            (
                short,
                d(99, 99),
                "3:1: warning[truncated]: cut\n  |\n3 | \n  | ^",
            ),
            (
                "",
                d(0, 0),
                "1:1: warning[truncated]: cut\n  |\n1 | \n  | ^",
            ),
        ];
        for (source, diagnostic, want) in cases {
            assert_eq!(diagnostic.render(source).to_string(), *want);
        }
        let long = format!("{}TARGET{}", "a".repeat(300), "b".repeat(300));
        let shown = d(300, 306).render(&long).with_name("f.txt").to_string();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[0], "f.txt:1:301: warning[truncated]: cut");
        assert!(
            lines[2].starts_with("1 | …a") && lines[2].ends_with("b…"),
            "{}",
            lines[2]
        );
        let caret = lines[3].chars().position(|c| c == '^').unwrap();
        let under: String = lines[2].chars().skip(caret).take(6).collect();
        assert_eq!(under, "TARGET");
    }
}
