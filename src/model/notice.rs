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
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// The document's own number, from its letterhead or running header: `DA 22-727`,
    /// `FCC 22-99` (orders and public notices carry one; letters seldom do). It is not among
    /// the [`citations`](Self::citations): the document does not cite itself.
    #[serde(default)]
    pub document_number: Option<String>,
    /// The Enforcement Bureau file numbers in the header (caption, `File No.` line):
    /// `EB-TCD-22-00034232`.
    #[serde(default)]
    pub file_numbers: Vec<String>,
    /// The dockets of the caption: `EB Docket No. 22-174`.
    #[serde(default)]
    pub dockets: Vec<String>,
    /// Who sent it, from the letterhead.
    #[serde(default)]
    pub issuer: Option<Issuer>,
    /// The delivery line, e.g. `VIA CERTIFIED MAIL - RETURN RECEIPT REQUESTED`.
    #[serde(default)]
    pub delivery: Option<String>,
    /// The addressee block.
    #[serde(default)]
    pub recipient: Option<Recipient>,
    /// The voice service provider the letter is about, and the short name the letter gives it.
    /// For a document that only lists providers (a public notice), the first one listed.
    #[serde(default)]
    pub provider: Option<Provider>,
    /// The providers the document lists: those a public notice names (`each of the following
    /// voice service providers (the Originating Providers): • Call Pipe • …`), or the members
    /// of a numbered collective definition (`(1) Urth Access, LLC (Urth Access); (2) …
    /// (collectively, the Student Loan Robocall Operation)`). Empty for a letter about one
    /// provider.
    #[serde(default)]
    pub providers: Vec<Provider>,
    /// The `Re:` line, without `Re:`.
    #[serde(default)]
    pub subject: Option<String>,
    /// The deadlines the letter sets, with due dates computed from the letter date.
    #[serde(default)]
    pub deadlines: Vec<Deadline>,
    /// The numbered steps the provider should take, without their numbers.
    #[serde(default)]
    pub actions: Vec<String>,
    /// The people to write to, as the letter names them.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Who signed the letter.
    #[serde(default)]
    pub signatory: Option<Signatory>,
    /// The footnotes, in order.
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    /// Every legal citation in reading order (body, footnotes, attachment).
    #[serde(default)]
    pub citations: Vec<Citation>,
    /// Attachment A: the calls traced to the provider.
    #[serde(default)]
    pub attachment: Option<Attachment>,
}

impl Notice {
    /// A notice of `kind` with every other fact absent (`None`, empty), for building values
    /// in tests: the fields are public, so set the ones you need.
    ///
    /// ```
    /// use fcc_notice::{Deadline, DeadlineKind, Notice, NoticeKind, Period, PeriodUnit, Provider};
    /// let mut notice = Notice::new(NoticeKind::CeaseAndDesist);
    /// notice.date = "2021-04-13".parse().ok();
    /// let mut provider = Provider::new("R Squared Telecom LLC");
    /// provider.short_name = Some("R Squared".into());
    /// notice.provider = Some(provider);
    /// let mut report = Deadline::new(DeadlineKind::Report, Period::new(14, PeriodUnit::Days));
    /// report.due = "2021-04-27".parse().ok();
    /// notice.deadlines.push(report);
    /// assert!(notice.records().is_empty() && notice.customers().is_empty());
    /// ```
    pub fn new(kind: NoticeKind) -> Self {
        Notice {
            kind,
            date: None,
            document_number: None,
            file_numbers: Vec::new(),
            dockets: Vec::new(),
            issuer: None,
            delivery: None,
            recipient: None,
            provider: None,
            providers: Vec::new(),
            subject: None,
            deadlines: Vec::new(),
            actions: Vec::new(),
            contacts: Vec::new(),
            signatory: None,
            footnotes: Vec::new(),
            citations: Vec::new(),
            attachment: None,
        }
    }

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
        /// Any other Enforcement Bureau robocall letter, order or notice: one of none of the
        /// named templates, such as a gateway provider letter or an order to all providers
        /// (and, when deserialising, a kind this version does not know). Bureau documents
        /// about other matters are not notices at all ([`Error::NotANotice`](crate::Error)).
        Other = "other",
    }
    unknown = Other;
}

/// The sender, from the letterhead. [`Default`] is an issuer with nothing known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Issuer {
    /// `Federal Communications Commission`.
    #[serde(default)]
    pub agency: Option<String>,
    /// `Enforcement Bureau`.
    #[serde(default)]
    pub bureau: Option<String>,
    /// `Telecommunications Consumers Division`, when the letterhead names one.
    #[serde(default)]
    pub division: Option<String>,
    /// Street and city lines.
    #[serde(default)]
    pub address: Vec<String>,
}

/// The addressee block. [`Default`] is an empty block: set the fields you need.
///
/// ```
/// let mut recipient = fcc_notice::Recipient::default();
/// recipient.organization = Some("R Squared Telecom LLC".into());
/// recipient.emails.push("ceo@example.com".into());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Recipient {
    /// The person addressed.
    #[serde(default)]
    pub name: Option<String>,
    /// Their title, e.g. `CEO`.
    #[serde(default)]
    pub title: Option<String>,
    /// Their company as the address block writes it.
    #[serde(default)]
    pub organization: Option<String>,
    /// Street, suite and city lines.
    #[serde(default)]
    pub address: Vec<String>,
    /// Their email addresses: none, one, or two (`info@callwin.net support@callwin.net`).
    #[serde(default)]
    pub emails: Vec<String>,
}

/// The voice service provider a letter is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Provider {
    /// The name as the letter defines it: `R Squared Telecom LLC`.
    pub name: String,
    /// The short name the letter gives it: `R Squared` from `(R Squared)`.
    #[serde(default)]
    pub short_name: Option<String>,
}

impl Provider {
    /// A provider named `name`, with no short name.
    pub fn new(name: impl Into<String>) -> Self {
        Provider {
            name: name.into(),
            short_name: None,
        }
    }
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
    #[serde(default)]
    pub due: Option<NaiveDate>,
    /// The date the letter itself gives, e.g. `(April 27, 2021)`.
    #[serde(default)]
    pub stated: Option<NaiveDate>,
    /// Where the deadline is written.
    pub span: Span,
}

impl Deadline {
    /// A deadline to do `kind` `within` the period, with no dates and an empty span (`0..0`).
    pub fn new(kind: DeadlineKind, within: Period) -> Self {
        Deadline {
            kind,
            within,
            due: None,
            stated: None,
            span: Span::default(),
        }
    }
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
    #[serde(default)]
    pub title: Option<String>,
    /// Division, bureau and agency as written: `Telecommunications Consumers Division, Enforcement Bureau, FCC`.
    #[serde(default)]
    pub organization: Option<String>,
    /// Their email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Their phone number in E.164 form: `+12024187451`.
    #[serde(default)]
    pub phone: Option<String>,
}

impl Contact {
    /// A contact named `name` for `role`, with nothing else known.
    ///
    /// ```
    /// use fcc_notice::{Contact, ContactRole};
    /// let mut contact = Contact::new(ContactRole::Inquiries, "Kristi Thompson");
    /// contact.phone = Some("+12024181318".into());
    /// ```
    pub fn new(role: ContactRole, name: impl Into<String>) -> Self {
        Contact {
            role,
            name: name.into(),
            title: None,
            organization: None,
            email: None,
            phone: None,
        }
    }
}

/// Who signed the letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Signatory {
    /// Their name.
    pub name: String,
    /// Their title: `Division Chief`.
    #[serde(default)]
    pub title: Option<String>,
    /// Their division.
    #[serde(default)]
    pub division: Option<String>,
    /// Their bureau.
    #[serde(default)]
    pub bureau: Option<String>,
}

impl Signatory {
    /// A signatory named `name`, with nothing else known.
    pub fn new(name: impl Into<String>) -> Self {
        Signatory {
            name: name.into(),
            title: None,
            division: None,
            bureau: None,
        }
    }
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
    #[serde(default)]
    pub citations: Vec<CitationIndex>,
    /// Where the footnote text stands.
    pub span: Span,
    /// Where its reference mark stands in the body (`None` if the body has no mark).
    #[serde(default)]
    pub mark: Option<Span>,
}

impl Footnote {
    /// Footnote `number` with its `text`, no citations, an empty span (`0..0`) and no mark.
    pub fn new(number: u32, text: impl Into<String>) -> Self {
        Footnote {
            number,
            text: text.into(),
            citations: Vec::new(),
            span: Span::default(),
            mark: None,
        }
    }
}
