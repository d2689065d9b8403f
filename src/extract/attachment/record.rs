//! Typing a table row: cells to a [`CallRecord`], with diagnostics for what cannot be read.

use crate::diagnostic::{Diagnostic, DiagnosticCode, Severity};
use crate::extract::date::parse_date;
use crate::extract::phone::parse_phone;
use crate::extract::Found;
use crate::model::{CallRecord, CampaignCategory, Column, ColumnKind, ViolationCell};
use crate::source::Document;
use crate::text::squash;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

/// What the rows of a table share while it is read, and what they leave for the letter's
/// citation list: the citations of cells that wrap over lines, and each record's Violation
/// cell range, whose citations become indices into the letter's list once it is complete.
#[derive(Debug, Default)]
pub(crate) struct Rows {
    /// Citations read from the joined text of a cell wrapped over lines (the letter-wide scan
    /// could not see them whole); each has the cell's range.
    pub(crate) wrapped: Vec<Found>,
    /// The clean range of each record's Violation cell, in record order.
    pub(crate) violations: Vec<Option<Range<usize>>>,
    /// The last description and its category: rows repeat their campaign.
    last_category: Option<(String, CampaignCategory)>,
}

impl Rows {
    /// The campaign category of `description`, from the previous row when it is the same.
    fn category(&mut self, description: &str) -> CampaignCategory {
        match &self.last_category {
            Some((last, category)) if last == description => *category,
            _ => {
                let category = CampaignCategory::from_description(description);
                self.last_category = Some((description.to_owned(), category));
                category
            }
        }
    }
}

/// A table cell: its text (joined when it wraps over lines) and the clean range it covers.
#[derive(Debug, Clone)]
pub(super) struct Cell<'d> {
    pub(super) text: Cow<'d, str>,
    pub(super) range: Range<usize>,
    /// Its text is one piece of the document (its citations can be looked up by range).
    pub(super) whole: bool,
}

/// A record from a row's cells under `columns`: dates and phone numbers typed (what cannot
/// be read kept raw, with a diagnostic), the Violation cell's citations left for the letter's
/// list.
pub(super) fn record(
    doc: &Document<'_>,
    columns: &[Column],
    row: &[Cell<'_>],
    line: Range<usize>,
    rows: &mut Rows,
    diagnostics: &mut Vec<Diagnostic>,
) -> CallRecord {
    let cell = |kind: ColumnKind| {
        let i = columns.iter().position(|c| c.kind == kind)?;
        row.get(i).filter(|c| !c.text.trim().is_empty())
    };
    let text = |kind| cell(kind).map(|c| squash(&c.text));
    let mut raw = BTreeMap::new();
    let date = cell(ColumnKind::Date).and_then(|c| {
        let date = parse_date(&c.text);
        if date.is_none() {
            raw.insert(ColumnKind::Date, squash(&c.text));
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::UnparseableDate,
                doc.span(c.range.clone()),
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
                doc.span(c.range.clone()),
                format!("cannot read the phone number {:?}", squash(&c.text)),
            ));
        }
        phone
    };
    let caller_id = phone(ColumnKind::CallerId);
    let called_number = phone(ColumnKind::CalledNumber);
    let description = text(ColumnKind::Description);
    let violation_cell = cell(ColumnKind::Violation);
    // The cell's citations become indices once the letter's citation list is complete.
    rows.violations
        .push(violation_cell.map(|c| c.range.clone()));
    let violation = violation_cell.map(|c| {
        let text = squash(&c.text);
        if !c.whole {
            // A cell wrapped over lines: its citations are read from its joined text and
            // stand where the cell does.
            let span = doc.span(c.range.clone());
            rows.wrapped
                .extend(crate::cite::extract(&text).into_iter().map(|mut citation| {
                    citation.span = span;
                    Found {
                        range: c.range.clone(),
                        citation,
                    }
                }));
        }
        ViolationCell {
            text,
            citations: Vec::new(),
        }
    });
    CallRecord {
        customer: text(ColumnKind::Customer),
        date,
        caller_id,
        called_number,
        category: description
            .as_deref()
            .map_or(CampaignCategory::Other, |d| rows.category(d)),
        description,
        violation,
        raw,
        span: doc.span(line),
    }
}

/// An empty cell standing at `at`.
pub(super) fn empty_cell<'d>(at: usize) -> Cell<'d> {
    Cell {
        text: Cow::Borrowed(""),
        range: at..at,
        whole: true,
    }
}

/// The cell that is `range` of the document's text.
pub(super) fn whole_cell<'d>(doc: &'d Document<'_>, range: Range<usize>) -> Cell<'d> {
    Cell {
        text: Cow::Borrowed(doc.slice(range.clone())),
        range,
        whole: true,
    }
}
