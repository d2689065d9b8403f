//! Attachment A: the table of traced calls.

use super::name::named_enum;
use super::{CampaignCategory, CitationIndex};
use crate::span::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The attachment table of a letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attachment {
    /// Its title as written: `Attachment A`.
    pub title: String,
    /// The header cells in order, with the meaning each was recognised as.
    #[serde(default)]
    pub columns: Vec<Column>,
    /// One record per table row, in table order.
    #[serde(default)]
    pub records: Vec<CallRecord>,
}

impl Attachment {
    /// An attachment titled `title` with no columns and no records.
    ///
    /// ```
    /// use fcc_notice::{Attachment, CallRecord, CampaignCategory, Column, ColumnKind};
    /// let mut table = Attachment::new("Attachment A");
    /// table.columns.push(Column::new("Date of Call", ColumnKind::Date));
    /// let mut record = CallRecord::default();
    /// record.date = "2021-03-02".parse().ok();
    /// record.category = CampaignCategory::AutoWarranty;
    /// table.records.push(record);
    /// ```
    pub fn new(title: impl Into<String>) -> Self {
        Attachment {
            title: title.into(),
            columns: Vec::new(),
            records: Vec::new(),
        }
    }
}

/// A header cell of the attachment table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Column {
    /// The header text as written: `Date of Call`.
    pub header: String,
    /// What the column holds.
    pub kind: ColumnKind,
}

impl Column {
    /// A header cell `header` read as `kind`.
    pub fn new(header: impl Into<String>, kind: ColumnKind) -> Self {
        Column {
            header: header.into(),
            kind,
        }
    }
}

named_enum! {
    /// What an attachment column holds, recognised from its header's wording.
    #[non_exhaustive]
    pub enum ColumnKind {
        /// `Customer`: the upstream source of the calls.
        Customer = "customer",
        /// `Date of Call`.
        Date = "date",
        /// `Caller ID`.
        CallerId = "caller_id",
        /// `Called Number`.
        CalledNumber = "called_number",
        /// `Description`: the campaign.
        Description = "description",
        /// `Violation`: the rules the call apparently broke.
        Violation = "violation",
        /// A header the parser does not recognise (and, when deserialising, a kind this
        /// version does not know).
        Other = "other",
    }
    unknown = Other;
}

/// One traced call: a row of Attachment A. [`Default`] is an empty row (category
/// [`Other`](CampaignCategory::Other), span `0..0`): set the fields you need.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CallRecord {
    /// The provider's customer the call came from.
    #[serde(default)]
    pub customer: Option<String>,
    /// When the call was made.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// The calling number in E.164 form (often redacted, then `None`).
    #[serde(default)]
    pub caller_id: Option<String>,
    /// The called number in E.164 form (often redacted, then `None`).
    #[serde(default)]
    pub called_number: Option<String>,
    /// The campaign description as written.
    #[serde(default)]
    pub description: Option<String>,
    /// The campaign's category, from the description.
    pub category: CampaignCategory,
    /// The violation cell.
    #[serde(default)]
    pub violation: Option<ViolationCell>,
    /// The text of each cell that has something written in it but no typed value: a
    /// redaction (`[REDACTED]`, `XXX-XXX-XXXX`) or a date or number the parser could not read.
    /// Keyed by column; empty cells are not listed:
    /// `record.raw.get(&ColumnKind::CallerId).map(String::as_str) == Some("[REDACTED]")`.
    #[serde(default)]
    pub raw: BTreeMap<ColumnKind, String>,
    /// Where the row stands.
    pub span: Span,
}

/// The Violation cell of a row: its text and the citations in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ViolationCell {
    /// The cell text: `47 U.S.C. § 227(b); 47 CFR § 64.1200`.
    pub text: String,
    /// Indices into [`Notice::citations`](crate::Notice::citations) of the citations in the
    /// cell, as [`Footnote::citations`](crate::Footnote::citations) are; every row citing the
    /// same rules shares one list of citations instead of a copy each.
    /// [`Notice::cited`](crate::Notice::cited) looks them up.
    #[serde(default)]
    pub citations: Vec<CitationIndex>,
}

impl ViolationCell {
    /// A cell reading `text`, with no citations.
    pub fn new(text: impl Into<String>) -> Self {
        ViolationCell {
            text: text.into(),
            citations: Vec::new(),
        }
    }
}
