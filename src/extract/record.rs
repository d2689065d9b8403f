//! Typing the rows of Attachment A: cells to [`CallRecord`]s, with diagnostics for what cannot
//! be read, and each Violation cell's citations as indices into the letter's list.

use crate::diagnostic::{Diagnostic, DiagnosticCode, Severity};
use crate::grammar::date::parse_date;
use crate::grammar::phone::parse_phone;
use crate::layout::{within, Found, Layout, Row, Table};
use crate::model::{Attachment, CallRecord, CampaignCategory, ColumnKind, ViolationCell};
use crate::text::squash;
use std::collections::BTreeMap;

/// The table's records, typed row by row.
pub(super) fn attachment(
    layout: &Layout<'_>,
    table: &Table<'_>,
    found: &[Found],
    diagnostics: &mut Vec<Diagnostic>,
) -> Attachment {
    let mut last_category = None;
    let records = table
        .rows
        .iter()
        .map(|row| record(layout, table, row, found, &mut last_category, diagnostics))
        .collect();
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
    diagnostics: &mut Vec<Diagnostic>,
) -> CallRecord {
    let cell = |kind: ColumnKind| table.cell(row, kind);
    let text = |kind| cell(kind).map(|c| squash(&c.text));
    let mut raw = BTreeMap::new();
    let date = cell(ColumnKind::Date).and_then(|c| {
        let date = parse_date(&c.text);
        if date.is_none() {
            raw.insert(ColumnKind::Date, squash(&c.text));
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::UnparseableDate,
                layout.span(c.range.clone()),
                format!("cannot read the date {:?}", squash(&c.text)),
            ));
        }
        date
    });
    let mut phone = |kind| {
        let c = cell(kind)?;
        let phone = parse_phone(&c.text);
        if phone.is_none() {
            raw.insert(kind, squash(&c.text));
        }
        if phone.is_none() && c.text.bytes().filter(u8::is_ascii_digit).count() >= 7 {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::UnparseablePhone,
                layout.span(c.range.clone()),
                format!("cannot read the phone number {:?}", squash(&c.text)),
            ));
        }
        phone
    };
    let caller_id = phone(ColumnKind::CallerId);
    let called_number = phone(ColumnKind::CalledNumber);
    let description = text(ColumnKind::Description);
    let violation = cell(ColumnKind::Violation).map(|c| {
        let first = found.partition_point(|f| f.range.start < c.range.start);
        let count = within(found, c.range.clone()).count();
        ViolationCell {
            text: squash(&c.text),
            citations: (first..first + count).collect(),
        }
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
