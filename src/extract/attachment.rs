//! Attachment A: the table of traced calls.
//!
//! ```text
//! Customer | Date of Call | Caller ID | Called Number | Description | Violation
//! Dawz Telecom | Mar. 19, 2021 | | | Auto Warranty Sales Robocall | 47 U.S.C. § 227(b); 47 CFR § 64.1200
//! ```
//!
//! Cells are tab-separated. The header is recognised by what its cells mean (synonyms, any
//! order, any subset), not by position; blank lines, page rules and repeated headers between
//! rows are skipped; empty cells are `None`.

use super::date::parse_date;
use super::phone::parse_phone;
use super::Found;
use crate::diagnostic::{Diagnostic, DiagnosticCode, Severity};
use crate::layout::AttachmentLines;
use crate::model::{Attachment, CallRecord, CampaignCategory, Column, ColumnKind, ViolationCell};
use crate::source::{Document, LineKind};
use crate::text::squash;
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
    found: &[Found],
    diagnostics: &mut Vec<Diagnostic>,
) -> Attachment {
    let title = squash(doc.slice(part.title.clone()));
    let lines = doc.lines.get(part.lines.clone()).unwrap_or(&[]);
    let mut columns: Vec<Column> = Vec::new();
    let mut records = Vec::new();
    for line in lines.iter().filter(|l| l.kind == LineKind::Text) {
        let row = cells(doc, line.range.clone());
        if columns.is_empty() {
            let kinds: Vec<ColumnKind> = row
                .iter()
                .map(|c| column_kind(doc.slice(c.clone())))
                .collect();
            let recognised = kinds.iter().filter(|k| **k != ColumnKind::Other).count();
            if row.len() > 1 && recognised >= 2 {
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
                columns = row
                    .iter()
                    .zip(kinds)
                    .map(|(c, kind)| Column {
                        header: squash(doc.slice(c.clone())),
                        kind,
                    })
                    .collect();
            }
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
        records.push(record(
            doc,
            &columns,
            &row,
            line.range.clone(),
            found,
            diagnostics,
        ));
    }
    if columns.is_empty() {
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

fn record(
    doc: &Document<'_>,
    columns: &[Column],
    row: &[Range<usize>],
    line: Range<usize>,
    found: &[Found],
    diagnostics: &mut Vec<Diagnostic>,
) -> CallRecord {
    let cell = |kind: ColumnKind| {
        let i = columns.iter().position(|c| c.kind == kind)?;
        let range = row.get(i)?.clone();
        (!range.is_empty()).then_some(range)
    };
    let text = |kind| cell(kind).map(|r| squash(doc.slice(r)));
    let date = cell(ColumnKind::Date).and_then(|r| {
        let date = parse_date(doc.slice(r.clone()));
        if date.is_none() {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::UnparseableDate,
                doc.span(r.clone()),
                format!("cannot read the date {:?}", doc.slice(r)),
            ));
        }
        date
    });
    let mut phone = |kind| {
        let r = cell(kind)?;
        let raw = doc.slice(r.clone());
        let phone = parse_phone(raw);
        if phone.is_none() && raw.bytes().filter(u8::is_ascii_digit).count() >= 7 {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::UnparseablePhone,
                doc.span(r),
                format!("cannot read the phone number {raw:?}"),
            ));
        }
        phone
    };
    let caller_id = phone(ColumnKind::CallerId);
    let called_number = phone(ColumnKind::CalledNumber);
    let description = text(ColumnKind::Description);
    let violation = cell(ColumnKind::Violation).map(|r| ViolationCell {
        text: squash(doc.slice(r.clone())),
        citations: super::within(found, r)
            .map(|f| f.citation.clone())
            .collect(),
    });
    CallRecord {
        customer: text(ColumnKind::Customer),
        date,
        caller_id,
        called_number,
        category: description
            .as_deref()
            .map_or(CampaignCategory::Other, CampaignCategory::from_description),
        description,
        violation,
        span: doc.span(line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
