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
    pub columns: Vec<Column>,
    /// One record per table row, in table order.
    pub records: Vec<CallRecord>,
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

/// One traced call: a row of Attachment A.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CallRecord {
    /// The provider's customer the call came from.
    pub customer: Option<String>,
    /// When the call was made.
    pub date: Option<NaiveDate>,
    /// The calling number in E.164 form (often redacted, then `None`).
    pub caller_id: Option<String>,
    /// The called number in E.164 form (often redacted, then `None`).
    pub called_number: Option<String>,
    /// The campaign description as written.
    pub description: Option<String>,
    /// The campaign's category, from the description.
    pub category: CampaignCategory,
    /// The violation cell.
    pub violation: Option<ViolationCell>,
    /// The text of each cell that has something written in it but no typed value: a
    /// redaction (`[REDACTED]`, `XXX-XXX-XXXX`) or a date or number the parser could not read.
    /// Keyed by column; empty cells are not listed:
    /// `record.raw.get(&ColumnKind::CallerId).map(String::as_str) == Some("[REDACTED]")`.
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
    pub citations: Vec<CitationIndex>,
}
