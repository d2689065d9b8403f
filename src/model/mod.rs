//! The public output types: plain owned data with serde derives and no parsing logic.

mod call;
mod citation;
mod notice;
mod views;

pub use call::{Attachment, CallRecord, Column, ColumnKind, ViolationCell};
pub use citation::{Citation, CitationKind};
pub use notice::{
    Contact, ContactRole, Deadline, DeadlineKind, Footnote, Issuer, Notice, NoticeKind, Provider,
    Recipient, Signatory,
};
pub use views::{Campaign, CampaignCategory, Customer, Violation};
