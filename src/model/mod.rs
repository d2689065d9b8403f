//! The public output types: plain owned data with serde impls and no parsing logic.
//!
//! # JSON
//!
//! One policy for every type, so that every object of the output always has the same keys
//! (what `jq` paths and the JSON Schema `schema/parsed.schema.json` rely on):
//!
//! - **Every field is written.** An absent value is `null` (`Option::None`), an empty list
//!   `[]`, an empty map `{}`, a flag `false`; no field is ever left out.
//! - **Reading is lenient**, so that JSON written by a later version (or by hand) loads:
//!   unknown fields are ignored (no type denies them), a missing optional field or list
//!   reads as `None` or empty (`#[serde(default)]` on each), and a name a unit enum does not
//!   have becomes its fallback: `Other` for [`NoticeKind`], [`ColumnKind`] and
//!   [`CampaignCategory`], `Unknown` for [`DeadlineKind`], [`ContactRole`], [`PeriodUnit`],
//!   [`CitationKind`], [`Severity`](crate::Severity) and
//!   [`DiagnosticCode`](crate::DiagnosticCode). The fields that are not optional (a kind,
//!   a name, a span) are required.
//! - **Enum names** are `snake_case`, one table per enum (the `named_enum!` macro) giving the JSON
//!   name, `as_str`, `Display`, `FromStr` and `ALL`. `FromStr` is strict (an unknown name is a
//!   [`ParseEnumError`]): it is for names a program or a person typed, where a typo should
//!   fail; deserialising is lenient because it reads data written elsewhere.
//!
//! The structs are `#[non_exhaustive]`: downstream code builds values with `new(…)` (the
//! required fields) or `Default`, then sets the public fields.

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
