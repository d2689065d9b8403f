//! `Notice` and the letter-level facts it is made of.

use super::name::named_enum;
use super::{
    Attachment, CallRecord, Campaign, Citation, CitationIndex, Customer, Period, Violation,
};
use crate::span::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One FCC Enforcement Bureau letter, notice or order, as typed data.
///
/// Optional facts are `None` when the document does not contain them (a truncated copy, a
/// template without a letterhead); the parse's diagnostics say what was missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Notice {
    /// Which template the document follows.
    pub kind: NoticeKind,
    /// The letter date (for orders and public notices, the release date).
    pub date: Option<NaiveDate>,
    /// The document's own number, from its letterhead or running header: `DA 22-727`,
    /// `FCC 22-99` (orders and public notices carry one; letters seldom do). It is not among
    /// the [`citations`](Self::citations): the document does not cite itself.
    pub document_number: Option<String>,
    /// The Enforcement Bureau file numbers in the header (caption, `File No.` line):
    /// `EB-TCD-22-00034232`.
    pub file_numbers: Vec<String>,
    /// The dockets of the caption: `EB Docket No. 22-174`.
    pub dockets: Vec<String>,
    /// Who sent it, from the letterhead.
    pub issuer: Option<Issuer>,
    /// The delivery line, e.g. `VIA CERTIFIED MAIL - RETURN RECEIPT REQUESTED`.
    pub delivery: Option<String>,
    /// The addressee block.
    pub recipient: Option<Recipient>,
    /// The voice service provider the letter is about, and the short name the letter gives it.
    /// For a document that only lists providers (a public notice), the first one listed.
    pub provider: Option<Provider>,
    /// The providers the document lists: those a public notice names (`each of the following
    /// voice service providers (the Originating Providers): • Call Pipe • …`), or the members
    /// of a numbered collective definition (`(1) Urth Access, LLC (Urth Access); (2) …
    /// (collectively, the Student Loan Robocall Operation)`). Empty for a letter about one
    /// provider.
    pub providers: Vec<Provider>,
    /// The `Re:` line, without `Re:`.
    pub subject: Option<String>,
    /// The deadlines the letter sets, with due dates computed from the letter date.
    pub deadlines: Vec<Deadline>,
    /// The numbered steps the provider should take, without their numbers.
    pub actions: Vec<String>,
    /// The people to write to, as the letter names them.
    pub contacts: Vec<Contact>,
    /// Who signed the letter.
    pub signatory: Option<Signatory>,
    /// The footnotes, in order.
    pub footnotes: Vec<Footnote>,
    /// Every legal citation in reading order (body, footnotes, attachment).
    pub citations: Vec<Citation>,
    /// Attachment A: the calls traced to the provider.
    pub attachment: Option<Attachment>,
}

impl Notice {
    /// The Attachment A records, or an empty slice when there is no attachment.
    pub fn records(&self) -> &[CallRecord] {
        self.attachment
            .as_ref()
            .map_or(&[], |a| a.records.as_slice())
    }

    /// The customers (upstream sources) named in Attachment A, most calls first.
    pub fn customers(&self) -> Vec<Customer> {
        super::views::customers(self.records())
    }

    /// The robocall campaigns in Attachment A, grouped by description, most calls first.
    pub fn campaigns(&self) -> Vec<Campaign> {
        super::views::campaigns(self.records())
    }

    /// The violations cited in Attachment A, grouped by their text, most calls first.
    pub fn violations(&self) -> Vec<Violation> {
        super::views::violations(self.records(), &self.citations)
    }

    /// The citations that `indices` (a [`Footnote`]'s or a [`ViolationCell`]'s) refer to.
    ///
    /// [`ViolationCell`]: super::ViolationCell
    pub fn cited<'n>(&'n self, indices: &'n [usize]) -> impl Iterator<Item = &'n Citation> + 'n {
        indices.iter().filter_map(|&i| self.citations.get(i))
    }
}

named_enum! {
    /// The template a document follows.
    #[non_exhaustive]
    pub enum NoticeKind {
        /// A cease-and-desist letter to a provider transmitting or originating illegal
        /// robocalls.
        CeaseAndDesist = "cease_and_desist",
        /// A "Notice of Suspected Illegal Robocall Traffic" under 47 CFR § 64.1200(n)(2).
        SuspectedIllegalTraffic = "suspected_illegal_traffic",
        /// An Initial Determination Order.
        InitialDetermination = "initial_determination",
        /// A Final Determination Order.
        FinalDetermination = "final_determination",
        /// A public notice to all U.S.-based voice service providers naming the providers
        /// whose traffic they may block.
        PublicNotice = "public_notice",
        /// Any other Enforcement Bureau letter, order or notice (and, when deserialising, a
        /// kind this version does not know).
        Other = "other",
    }
    unknown = Other;
}

/// The sender, from the letterhead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Issuer {
    /// `Federal Communications Commission`.
    pub agency: Option<String>,
    /// `Enforcement Bureau`.
    pub bureau: Option<String>,
    /// `Telecommunications Consumers Division`, when the letterhead names one.
    pub division: Option<String>,
    /// Street and city lines.
    pub address: Vec<String>,
}

/// The addressee block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Recipient {
    /// The person addressed.
    pub name: Option<String>,
    /// Their title, e.g. `CEO`.
    pub title: Option<String>,
    /// Their company as the address block writes it.
    pub organization: Option<String>,
    /// Street, suite and city lines.
    pub address: Vec<String>,
    /// Their email addresses: none, one, or two (`info@callwin.net support@callwin.net`).
    pub emails: Vec<String>,
}

/// The voice service provider a letter is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Provider {
    /// The name as the letter defines it: `R Squared Telecom LLC`.
    pub name: String,
    /// The short name the letter gives it: `R Squared` from `(R Squared)`.
    pub short_name: Option<String>,
}

named_enum! {
    /// What a deadline requires.
    #[non_exhaustive]
    pub enum DeadlineKind {
        /// Effectively mitigate the identified traffic (48 hours).
        Mitigate = "mitigate",
        /// Report the measures taken to the Commission (14 days).
        Report = "report",
        /// A kind of deadline this version does not know, read from JSON written by a later
        /// one. The parser never gives it.
        Unknown = "unknown",
    }
    unknown = Unknown;
}

/// A deadline the letter sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Deadline {
    /// What must be done.
    pub kind: DeadlineKind,
    /// The period: `48 hours`, `14 days` (serialised as that phrase).
    pub within: Period,
    /// The letter date plus the period.
    pub due: Option<NaiveDate>,
    /// The date the letter itself gives, e.g. `(April 27, 2021)`.
    pub stated: Option<NaiveDate>,
    /// Where the deadline is written.
    pub span: Span,
}

named_enum! {
    /// Why a contact is named.
    #[non_exhaustive]
    pub enum ContactRole {
        /// Inquiries about the letter go to this person.
        Inquiries = "inquiries",
        /// Responses are copied (`cc:`) to this person.
        Copy = "copy",
        /// A role this version does not know, read from JSON written by a later one. The
        /// parser never gives it.
        Unknown = "unknown",
    }
    unknown = Unknown;
}

/// A person the letter says to write to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Contact {
    /// Why they are named.
    pub role: ContactRole,
    /// Their name.
    pub name: String,
    /// Their title: `Attorney Advisor`.
    pub title: Option<String>,
    /// Division, bureau and agency as written: `Telecommunications Consumers Division, Enforcement Bureau, FCC`.
    pub organization: Option<String>,
    /// Their email address.
    pub email: Option<String>,
    /// Their phone number in E.164 form: `+12024187451`.
    pub phone: Option<String>,
}

/// Who signed the letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Signatory {
    /// Their name.
    pub name: String,
    /// Their title: `Division Chief`.
    pub title: Option<String>,
    /// Their division.
    pub division: Option<String>,
    /// Their bureau.
    pub bureau: Option<String>,
}

/// A footnote and the citations in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Footnote {
    /// Its number.
    pub number: u32,
    /// Its text, whitespace collapsed.
    pub text: String,
    /// Indices into [`Notice::citations`] of the citations in this footnote.
    pub citations: Vec<CitationIndex>,
    /// Where the footnote text stands.
    pub span: Span,
    /// Where its reference mark stands in the body (`None` if the body has no mark).
    pub mark: Option<Span>,
}
