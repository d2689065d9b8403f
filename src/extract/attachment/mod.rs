//! Attachment A: the table of traced calls.
//!
//! ```text
//! Customer | Date of Call | Caller ID | Called Number | Description | Violation
//! Dawz Telecom | Mar. 19, 2021 | | | Auto Warranty Sales Robocall | 47 U.S.C. § 227(b); 47 CFR § 64.1200
//! ```
//!
//! The header is recognised by what its cells mean (synonyms, any order, any subset), not by
//! position; blank lines, page rules and repeated headers between rows are skipped; empty
//! cells are `None`. Three readers, one per way a copy sets the table: tab-separated cells
//! (here), cells aligned with spaces (`aligned`, `pdftotext -layout`) and a table whose line
//! breaks were collapsed (`collapsed`); `record` types each row's cells.

mod aligned;
mod cells;
mod collapsed;
mod record;

use self::aligned::aligned;
use self::cells::*;
pub(crate) use self::collapsed::collapsed;
pub(crate) use self::record::Rows;
use self::record::{record, Cell};
use crate::diagnostic::{Diagnostic, DiagnosticCode, Severity};
use crate::layout::AttachmentLines;
use crate::model::{Attachment, Column, ColumnKind};
use crate::source::{Document, LineKind};
use crate::text::squash;
use std::borrow::Cow;
use std::ops::Range;

/// Header wordings, compared word by word ignoring case and punctuation.
const SYNONYMS: &[(&str, ColumnKind)] = &[
    ("customer", ColumnKind::Customer),
    ("customer name", ColumnKind::Customer),
    ("upstream provider", ColumnKind::Customer),
    ("upstream customer", ColumnKind::Customer),
    ("originating provider", ColumnKind::Customer),
    ("source", ColumnKind::Customer),
    ("date of call", ColumnKind::Date),
    ("date of calls", ColumnKind::Date),
    ("call date", ColumnKind::Date),
    ("date", ColumnKind::Date),
    ("date time", ColumnKind::Date),
    ("date and time", ColumnKind::Date),
    ("caller id", ColumnKind::CallerId),
    ("caller id number", ColumnKind::CallerId),
    ("calling number", ColumnKind::CallerId),
    ("calling party number", ColumnKind::CallerId),
    ("ani", ColumnKind::CallerId),
    ("called number", ColumnKind::CalledNumber),
    ("called party number", ColumnKind::CalledNumber),
    ("dialed number", ColumnKind::CalledNumber),
    ("dnis", ColumnKind::CalledNumber),
    ("description", ColumnKind::Description),
    ("call description", ColumnKind::Description),
    ("campaign", ColumnKind::Description),
    ("campaign description", ColumnKind::Description),
    ("violation", ColumnKind::Violation),
    ("violations", ColumnKind::Violation),
    ("apparent violation", ColumnKind::Violation),
    ("rule violated", ColumnKind::Violation),
];

/// What a header cell means, from its words (`Date of Call`, `CALL DATE`, `Date/Time`).
pub(crate) fn column_kind(header: &str) -> ColumnKind {
    let words = || {
        header
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    SYNONYMS
        .iter()
        .find(|(synonym, _)| {
            let mut theirs = synonym.split(' ');
            let mut ours = words();
            loop {
                match (ours.next(), theirs.next()) {
                    (Some(a), Some(b)) if a.eq_ignore_ascii_case(b) => {}
                    (None, None) => break true,
                    _ => break false,
                }
            }
        })
        .map_or(ColumnKind::Other, |&(_, kind)| kind)
}

/// The tab-separated cells of clean range `line`, trimmed, as clean ranges.
fn cells(doc: &Document<'_>, line: Range<usize>) -> Vec<Range<usize>> {
    let text = doc.slice(line.clone());
    let mut out = Vec::new();
    let mut start = 0;
    for cell in text.split('\t') {
        let lead = cell.len() - cell.trim_start().len();
        let s = line.start + start + lead;
        out.push(s..s + cell.trim().len());
        start += cell.len() + 1;
    }
    out
}

/// Reads the table under the attachment title.
pub(crate) fn attachment(
    doc: &Document<'_>,
    part: &AttachmentLines,
    rows: &mut Rows,
    diagnostics: &mut Vec<Diagnostic>,
) -> Attachment {
    let title = squash(doc.slice(part.title.clone()));
    let lines = doc.lines.get(part.lines.clone()).unwrap_or(&[]);
    let mut columns: Vec<Column> = Vec::new();
    let mut records = Vec::new();
    for line in lines.iter().filter(|l| l.kind == LineKind::Text) {
        let row = cells(doc, line.range.clone());
        if columns.is_empty() {
            columns = tab_header(doc, &row, diagnostics).unwrap_or_default();
            continue;
        }
        let repeated_header = row.len() == columns.len()
            && row.iter().zip(&columns).all(|(cell, column)| {
                crate::text::same_words(doc.slice(cell.clone()), &column.header)
            });
        if repeated_header {
            continue; // a header repeated on a new page
        }
        if row.len() < 2 {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::SkippedLine,
                doc.span(line.range.clone()),
                "line in the attachment is not a table row; skipped",
            ));
            continue;
        }
        if row.len() != columns.len() {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::RowCellCount,
                doc.span(line.range.clone()),
                format!(
                    "row has {} cells, the header has {}",
                    row.len(),
                    columns.len()
                ),
            ));
        }
        let cells: Vec<Cell<'_>> = row
            .iter()
            .map(|r| Cell {
                text: Cow::Borrowed(doc.slice(r.clone())),
                range: r.clone(),
                whole: true,
            })
            .collect();
        records.push(record(
            doc,
            &columns,
            &cells,
            line.range.clone(),
            rows,
            diagnostics,
        ));
    }
    if columns.is_empty() {
        if let Some((aligned_columns, aligned_records)) = aligned(doc, lines, rows, diagnostics) {
            return Attachment {
                title,
                columns: aligned_columns,
                records: aligned_records,
            };
        }
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            DiagnosticCode::MissingTable,
            doc.span(part.title.clone()),
            "the attachment has no table header row",
        ));
    }
    Attachment {
        title,
        columns,
        records,
    }
}

/// The columns a tab-separated line names, when it is a header (two or more cells, two or
/// more of them known); each unknown column gets a diagnostic.
fn tab_header(
    doc: &Document<'_>,
    row: &[Range<usize>],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<Column>> {
    let kinds: Vec<ColumnKind> = row
        .iter()
        .map(|c| column_kind(doc.slice(c.clone())))
        .collect();
    let recognised = kinds.iter().filter(|k| **k != ColumnKind::Other).count();
    if row.len() < 2 || recognised < 2 {
        return None;
    }
    for (cell, kind) in row.iter().zip(&kinds) {
        if *kind == ColumnKind::Other {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::UnknownColumn,
                doc.span(cell.clone()),
                format!(
                    "unknown column {:?}; its cells are ignored",
                    doc.slice(cell.clone())
                ),
            ));
        }
    }
    Some(
        row.iter()
            .zip(kinds)
            .map(|(c, kind)| Column {
                header: squash(doc.slice(c.clone())),
                kind,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CallRecord;

    /// (customer, date, caller ID, called number, description, violation) of each record.
    type Row<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
    );

    #[test]
    fn collapsed_tables() {
        let cases: &[(&str, &[Row], usize)] = &[
            // The sample's order; empty phone cells are gone.
            (
                "ATTACHMENT A Customer Date of Call Caller ID Called Number Description Violation Dawz Telecom Mar. 19, 2021 Auto Warranty 47 U.S.C. § 227(b); 47 CFR § 64.1200 Mash Telecom Mar. 20, 2021 Health Insurance 47 CFR § 64.1200(a)(2)",
                &[
                    (Some("Dawz Telecom"), Some("2021-03-19"), None, None, Some("Auto Warranty"), Some("47 U.S.C. § 227(b); 47 CFR § 64.1200")),
                    (Some("Mash Telecom"), Some("2021-03-20"), None, None, Some("Health Insurance"), Some("47 CFR § 64.1200(a)(2)")),
                ],
                0,
            ),
            // Any column order: the customer last, a redaction kept raw.
            (
                "Attachment A Date of Call Called Number Caller ID Violation Customer 12/22/23 5125550146 [REDACTED] 47 U.S.C. § 227(b) Omega Calls Ltd. 12/11/23 18085550138 305.555.0181 47 CFR § 64.1200(a)(2) Sunrise VoIP",
                &[
                    (Some("Omega Calls Ltd."), Some("2023-12-22"), None, Some("+15125550146"), None, Some("47 U.S.C. § 227(b)")),
                    (Some("Sunrise VoIP"), Some("2023-12-11"), Some("+13055550181"), Some("+18085550138"), None, Some("47 CFR § 64.1200(a)(2)")),
                ],
                0,
            ),
            // No violation column: the description runs to the next row's date.
            (
                "ATTACHMENT A Call Date Caller ID Called Number Campaign 08/22/24 Debt Relief 6/14/2024 XXX-XXX-XXXX 2025550100 Utility Disconnect",
                &[
                    (None, Some("2024-08-22"), None, None, Some("Debt Relief"), None),
                    (None, Some("2024-06-14"), None, Some("+12025550100"), Some("Utility Disconnect"), None),
                ],
                0,
            ),
            // One number for two phone columns side by side: not guessed.
            (
                "ATTACHMENT A Customer Date of Call Caller ID Called Number Violation Dawz 3/1/2021 2025550100 47 CFR § 64.1200(a)(2)",
                &[(Some("Dawz"), Some("2021-03-01"), None, None, None, Some("47 CFR § 64.1200(a)(2)"))],
                1,
            ),
            // Description and the next row's customer side by side: not split.
            (
                "ATTACHMENT A Customer Date of Call Description Dawz 3/1/2021 Robocall Mash 3/2/2021 Other",
                &[
                    (Some("Dawz"), Some("2021-03-01"), None, None, None, None),
                    (None, Some("2021-03-02"), None, None, Some("Other"), None),
                ],
                1,
            ),
        ];
        for (text, want, problems) in cases {
            let doc = Document::from_text(text);
            let layout = crate::layout::layout(&doc);
            let mut diagnostics = Vec::new();
            let found = super::super::citations(&doc, &layout, &mut diagnostics);
            let before = diagnostics.len();
            let table = collapsed(&doc, &found, &mut Rows::default(), &mut diagnostics);
            let records = table.map(|t| t.records).unwrap_or_default();
            let date = |r: &CallRecord| r.date.map(|d| d.to_string());
            let dates: Vec<Option<String>> = records.iter().map(date).collect();
            let got: Vec<Row> = records
                .iter()
                .zip(&dates)
                .map(|(r, d)| {
                    (
                        r.customer.as_deref(),
                        d.as_deref(),
                        r.caller_id.as_deref(),
                        r.called_number.as_deref(),
                        r.description.as_deref(),
                        r.violation.as_ref().map(|v| v.text.as_str()),
                    )
                })
                .collect();
            assert_eq!(got, *want, "{text}");
            let raised = diagnostics
                .iter()
                .skip(before)
                .filter(|d| d.code == DiagnosticCode::RowCellCount)
                .count();
            assert_eq!(raised, *problems, "{text}");
        }
    }

    #[test]
    fn column_synonyms() {
        let cases = [
            ("Customer", ColumnKind::Customer),
            ("Upstream Provider", ColumnKind::Customer),
            ("Date of Call", ColumnKind::Date),
            ("Call Date", ColumnKind::Date),
            ("Caller ID", ColumnKind::CallerId),
            ("Calling Number", ColumnKind::CallerId),
            ("ANI", ColumnKind::CallerId),
            ("Called Number", ColumnKind::CalledNumber),
            ("Dialed Number", ColumnKind::CalledNumber),
            ("Description", ColumnKind::Description),
            ("Campaign", ColumnKind::Description),
            ("Violation", ColumnKind::Violation),
            ("VIOLATION", ColumnKind::Violation),
            ("Notes", ColumnKind::Other),
            ("", ColumnKind::Other),
        ];
        for (header, want) in cases {
            assert_eq!(column_kind(header), want, "{header}");
        }
    }
}
