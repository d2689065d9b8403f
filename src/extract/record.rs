//! Typing the rows of Attachment A: cells to [`CallRecord`]s, with diagnostics for what cannot
//! be read, and each Violation cell's citations as indices into the letter's list.

use crate::diagnostic::{Diagnostic, DiagnosticCode, Diagnostics, Severity};
use crate::grammar::date::parse_date;
use crate::grammar::phone::parse_phone;
use crate::layout::{within, Cell, Found, Layout, Row, Table};
use crate::model::{Attachment, CallRecord, CampaignCategory, ColumnKind, ViolationCell};
use crate::text::squash;
use std::collections::BTreeMap;

/// The table's records, typed row by row; a `limit` warning over the rows the table reader
/// left unread.
pub(super) fn attachment(
    layout: &Layout<'_>,
    table: &Table<'_>,
    found: &[Found],
    max_records: usize,
    diagnostics: &mut Diagnostics,
) -> Attachment {
    let mut last_category = None;
    let records = table
        .rows
        .iter()
        .map(|row| record(layout, table, row, found, &mut last_category, diagnostics))
        .collect();
    if let Some(unread) = &table.unread {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            DiagnosticCode::Limit,
            layout.span(unread.clone()),
            format!("the rows after the first {max_records} are not read (Limits::max_records)"),
        ));
    }
    Attachment {
        title: squash(layout.slice(table.title.clone())),
        columns: table.columns.clone(),
        records,
    }
}

/// A record from a row's cells: dates and phone numbers typed (what cannot be read kept raw,
/// with a diagnostic), the Violation cell's citations looked up in `found` by its range.
/// `last_category` carries the previous row's description and category: rows repeat their
/// campaign.
fn record(
    layout: &Layout<'_>,
    table: &Table<'_>,
    row: &Row<'_>,
    found: &[Found],
    last_category: &mut Option<(String, CampaignCategory)>,
    diagnostics: &mut Diagnostics,
) -> CallRecord {
    let cell = |kind: ColumnKind| table.cell(row, kind);
    let text = |kind| cell(kind).map(|c| squash(&c.text));
    let mut raw = BTreeMap::new();
    // A cell with no typed value is kept raw, with a diagnostic where it looks like a value
    // that could not be read.
    let mut unread = |kind, c: &Cell<'_>, problem: Option<(DiagnosticCode, &str)>| {
        let raw_text = squash(&c.text);
        if let Some((code, what)) = problem {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                code,
                layout.span(c.range.clone()),
                format!("cannot read {what} {raw_text:?}"),
            ));
        }
        raw.insert(kind, raw_text);
    };
    let date = cell(ColumnKind::Date).and_then(|c| {
        let date = parse_date(&c.text);
        if date.is_none() {
            let problem = (DiagnosticCode::UnparseableDate, "the date");
            unread(ColumnKind::Date, c, Some(problem));
        }
        date
    });
    let mut phone = |kind| {
        let c = cell(kind)?;
        let phone = parse_phone(&c.text);
        if phone.is_none() {
            let looks_like_one = c.text.bytes().filter(u8::is_ascii_digit).count() >= 7;
            let problem = (DiagnosticCode::UnparseablePhone, "the phone number");
            unread(kind, c, looks_like_one.then_some(problem));
        }
        phone
    };
    let caller_id = phone(ColumnKind::CallerId);
    let called_number = phone(ColumnKind::CalledNumber);
    let description = text(ColumnKind::Description);
    let violation = cell(ColumnKind::Violation).map(|c| ViolationCell {
        text: squash(&c.text),
        citations: within(found, c.range.clone()).collect(),
    });
    let category = match (description.as_deref(), last_category.as_ref()) {
        (None, _) => CampaignCategory::Other,
        (Some(d), Some((last, category))) if last == d => *category,
        (Some(d), _) => {
            let category = CampaignCategory::from_description(d);
            *last_category = Some((d.to_owned(), category));
            category
        }
    };
    CallRecord {
        customer: text(ColumnKind::Customer),
        date,
        caller_id,
        called_number,
        category,
        description,
        violation,
        raw,
        span: layout.span(row.span.clone()),
    }
}
