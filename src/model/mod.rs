//! The public output types: plain owned data with serde derives and no parsing logic.

mod call;
mod citation;
mod name;
mod notice;
mod period;
mod views;

pub use call::{Attachment, CallRecord, Column, ColumnKind, ViolationCell};
pub use citation::{Citation, CitationIndex, CitationKind, Place};
pub(crate) use name::named_enum;
pub use name::ParseEnumError;
pub use notice::{
    Contact, ContactRole, Deadline, DeadlineKind, Footnote, Issuer, Notice, NoticeKind, Provider,
    Recipient, Signatory,
};
pub use period::{ParsePeriodError, Period, PeriodUnit};
pub use views::{Campaign, CampaignCategory, Customer, Violation};
