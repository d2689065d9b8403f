//! The facts of a drawn letter — what a careful reader would write down from it — and how
//! they are drawn from a seed.
//!
//! The facts are the truth the round-trip harness compares the crate's output with. They say
//! what the letter means, not how it is worded; `compose` chooses the wording. A few facts are
//! themselves texts that the crate reports verbatim (action steps, footnote bodies, table
//! cells); those are drawn here with the citations they contain.

use super::cites::{self, CiteContext, CiteTruth};
use super::rng::Rng;
use chrono::{Datelike, Duration, NaiveDate};
use fcc_notice::{ColumnKind, ContactRole, DeadlineKind, NoticeKind};
use std::collections::BTreeMap;

/// The letter templates the generator writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// A 2020 cease-and-desist letter (COVID-19 scam traffic, FCC and FTC).
    CeaseAndDesist2020,
    /// A cease-and-desist letter under 47 CFR § 64.1200(k)(4), like the sample letter.
    CeaseAndDesistK4,
    /// A Notice of Suspected Illegal Robocall Traffic under 47 CFR § 64.1200(n)(2).
    SuspectedTraffic,
    /// An Initial Determination Order.
    InitialDetermination,
    /// A Final Determination Order.
    FinalDetermination,
    /// A public notice to all U.S.-based voice service providers.
    PublicNotice,
}

impl Template {
    /// The kind the crate should report.
    pub fn kind(self) -> NoticeKind {
        match self {
            Template::CeaseAndDesist2020 | Template::CeaseAndDesistK4 => NoticeKind::CeaseAndDesist,
            Template::SuspectedTraffic => NoticeKind::SuspectedIllegalTraffic,
            Template::InitialDetermination => NoticeKind::InitialDetermination,
            Template::FinalDetermination => NoticeKind::FinalDetermination,
            Template::PublicNotice => NoticeKind::PublicNotice,
        }
    }

    /// Whether the template is a letter to one provider (with recipient, salutation, closing).
    pub fn is_letter(self) -> bool {
        matches!(
            self,
            Template::CeaseAndDesist2020 | Template::CeaseAndDesistK4 | Template::SuspectedTraffic
        )
    }

    /// Whether the template is a determination order.
    pub fn is_order(self) -> bool {
        matches!(
            self,
            Template::InitialDetermination | Template::FinalDetermination
        )
    }
}

/// What the drawing must respect for the text form the letter will be rendered in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Profile {
    /// The letter will be collapsed onto one line: Attachment A must stay readable when
    /// empty cells vanish and cells run together (see [`collapsed_safe`]).
    pub collapsed: bool,
}

/// The letterhead of a letter (VARIATIONS.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Letterhead {
    /// `Federal Communications Commission / Enforcement Bureau / 45 L Street, NE / …`.
    Sample,
    /// `FEDERAL COMMUNICATIONS COMMISSION / Enforcement Bureau / Telecommunications Consumers
    /// Division / 45 L Street, NE / …`.
    Caps,
    /// `United States of America / Federal Communications Commission / 445 12th Street, SW / …`.
    Old,
    /// None: the letter starts with its date.
    None,
}

/// The sender as the letterhead gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuerTruth {
    pub agency: String,
    pub bureau: Option<String>,
    pub division: Option<String>,
    pub address: Vec<String>,
}

/// The addressee block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientTruth {
    /// Printed with a `To:` prefix.
    pub to_prefix: bool,
    pub name: String,
    pub title: Option<String>,
    pub organization: String,
    /// Street lines, then the `City, ST ZIP` line.
    pub address: Vec<String>,
    pub emails: Vec<String>,
    /// `Mr.` or `Ms.`.
    pub honorific: &'static str,
    /// For the salutation.
    pub last_name: String,
}

/// How the short name is defined after the provider's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShortStyle {
    /// `X LLC (X)`.
    Plain,
    /// `X LLC (“X”)`.
    Quoted,
    /// `X LLC (X or Company)`.
    OrCompany,
    /// `X LLC (“X” or “Company”)`.
    OrCompanyQuoted,
    /// No definition: the full name throughout.
    None,
}

/// A voice service provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderTruth {
    /// The name as the defining sentence writes it.
    pub name: String,
    pub short_name: Option<String>,
    pub style: ShortStyle,
}

impl ProviderTruth {
    /// The name followed by its definition: `R Squared Telecom LLC (R Squared)`.
    pub fn defined(&self) -> String {
        let Some(short) = &self.short_name else {
            return self.name.clone();
        };
        match self.style {
            ShortStyle::Plain => format!("{} ({short})", self.name),
            ShortStyle::Quoted => format!("{} (“{short}”)", self.name),
            ShortStyle::OrCompany => format!("{} ({short} or Company)", self.name),
            ShortStyle::OrCompanyQuoted => format!("{} (“{short}” or “Company”)", self.name),
            ShortStyle::None => self.name.clone(),
        }
    }

    /// How the letter refers to the provider after defining it.
    pub fn short(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }
}

/// How a period is written: `fourteen (14) days`, `14 days`, `fourteen days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numeral {
    WordsDigits,
    Digits,
    Words,
}

/// A deadline the letter sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineTruth {
    pub kind: DeadlineKind,
    /// `48 hours`, `14 days`.
    pub within: &'static str,
    pub due: NaiveDate,
    /// The date the letter itself states.
    pub stated: Option<NaiveDate>,
}

/// A contact the letter names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactTruth {
    pub role: ContactRole,
    pub name: String,
    pub title: String,
    pub organization: Option<String>,
    pub email: Option<String>,
    /// The phone as written and in E.164 form.
    pub phone: Option<(String, String)>,
}

/// How the contact paragraph is worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactForm {
    /// `Please direct any inquiries regarding this letter to A, …; and cc: to B, ….`
    DirectInquiries,
    /// `If you have any questions, please contact A, …, or B, ….`
    PleaseContact,
    /// `For further information, contact A, ….`
    FurtherInformation,
}

/// Who signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatoryTruth {
    pub name: String,
    pub title: String,
    pub division: Option<String>,
    pub bureau: String,
    /// The signature image's description, as a text converter prints it.
    pub image: Option<String>,
    /// A page break between the closing and the signature block.
    pub page_break: bool,
}

/// A footnote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteTruth {
    pub text: String,
    pub cites: Vec<CiteTruth>,
}

/// An action step and the citations in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionTruth {
    pub text: String,
    pub cites: Vec<CiteTruth>,
}

/// One row of Attachment A: its cells as printed and what they mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowTruth {
    /// The cells in column order, as printed (empty string: empty cell).
    pub cells: Vec<String>,
    pub customer: Option<String>,
    pub date: Option<NaiveDate>,
    pub caller_id: Option<String>,
    pub called_number: Option<String>,
    pub description: Option<String>,
    pub violation: Option<String>,
    /// Cells with text but no typed value (redactions).
    pub raw: BTreeMap<ColumnKind, String>,
    pub cites: Vec<CiteTruth>,
}

/// Attachment A.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableTruth {
    pub title: String,
    /// Header text and the column's meaning.
    pub columns: Vec<(String, ColumnKind)>,
    pub rows: Vec<RowTruth>,
}

/// An order's caption and numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderTruth {
    /// `24-888` (the document is `DA 24-888`).
    pub da: String,
    /// `EB-TCD-24-00088888`.
    pub file: String,
    /// `24-188` (`EB Docket No. 24-188`).
    pub docket: Option<String>,
    pub adopted: NaiveDate,
    /// `Chief` or `Acting Chief`.
    pub signer_title: &'static str,
}

/// Everything drawn for one letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub seed: u64,
    pub template: Template,
    /// The letter date; for orders and notices, the release date.
    pub date: NaiveDate,
    pub letterhead: Letterhead,
    pub issuer: Option<IssuerTruth>,
    pub delivery: Option<String>,
    pub recipient: Option<RecipientTruth>,
    pub provider: ProviderTruth,
    /// The providers a public notice lists; `None` where the field's expected value is not
    /// settled (a notice about one provider named in prose).
    pub providers: Option<Vec<ProviderTruth>>,
    pub subject: Option<String>,
    pub deadlines: Vec<DeadlineTruth>,
    /// How the 14-day period is written.
    pub report_numeral: Numeral,
    /// How the 48-hour period is written.
    pub mitigate_numeral: Numeral,
    /// The stated date uses an abbreviated month (`(Apr. 27, 2021)`).
    pub stated_abbreviated: bool,
    pub actions: Vec<ActionTruth>,
    pub contacts: Vec<ContactTruth>,
    pub contact_form: ContactForm,
    pub signatory: Option<SignatoryTruth>,
    pub footnotes: Vec<FootnoteTruth>,
    pub table: Option<TableTruth>,
    pub order: Option<OrderTruth>,
    /// The salutation ends with a colon rather than a comma.
    pub salutation_colon: bool,
}

const FIRST: &[&str] = &[
    "Omar", "Craig", "Fawaz", "Talal", "Felix", "Brisa", "Jordan", "Casey", "Riley", "Morgan",
    "Avery", "Dana", "Quinn", "Harper", "Priya", "Mateo", "Lena", "Victor", "Nadia", "Elena",
    "Samuel", "Grace", "Tomas", "Yusuf", "Irene", "Hector", "Marisol", "Declan", "Aisha", "Kofi",
];
const LAST: &[&str] = &[
    "Luna",
    "Denson",
    "Saleem",
    "Khalid",
    "Hernandez",
    "Cruz",
    "Whitfield",
    "Okafor",
    "Brandt",
    "Castillo",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Novak",
    "Abernathy",
    "Delgado",
    "Fairbanks",
    "Ivanova",
    "Kowalski",
    "Marchetti",
    "Oyelaran",
    "Petrov",
    "Quintero",
    "Rasmussen",
    "Sandoval",
    "Takahashi",
    "Underwood",
    "Valdez",
    "Whitaker",
    "Zamora",
];
const FEMININE: &[&str] = &[
    "Brisa", "Casey", "Morgan", "Dana", "Harper", "Priya", "Lena", "Nadia", "Elena", "Grace",
    "Irene", "Marisol", "Aisha",
];
const PREFIX: &[&str] = &[
    "R Squared",
    "Urth",
    "Kestrel",
    "Bluejay",
    "Orbis",
    "Nimbus",
    "Tessel",
    "Quanta",
    "Veritas",
    "Halcyon",
    "Lumen Path",
    "Stratus",
    "Copperline",
    "Redwood",
    "Harborview",
    "Solace",
    "Zenith",
    "Arcadia",
    "Pinnacle",
    "Meridian",
    "Cobalt",
    "Northgate",
    "Silverline",
    "Tri-County",
    "Apex",
    "Granite",
    "Blue Heron",
    "Ironwood",
    "Sable",
    "Tidewater",
];
const MIDDLE: &[&str] = &[
    "Telecom",
    "Networks",
    "Voice",
    "Communications",
    "Access",
    "Telco",
    "Connect",
    "Carrier Services",
    "Global",
    "Data",
    "Telecommunications",
    "VoIP",
];
const SUFFIX: &[&str] = &[
    "LLC",
    "LLC",
    "LLC",
    "Inc.",
    "Inc.",
    "Corp.",
    "Ltd.",
    "Co.",
    "Corporation",
    "",
];
const STREETS: &[&str] = &[
    "526 S Main St.",
    "2901 W. Coast Hwy",
    "4115 Wisconsin Avenue",
    "8 The Green, STE A",
    "100 Fictional Way",
    "PO Box 55",
    "1200 Commerce Drive",
    "77 Harbor Blvd.",
    "3500 Lenox Road NE",
    "15 Exchange Place",
    "901 Market Street",
    "2450 Hollywood Blvd.",
    "6 Liberty Square",
    "410 N. Michigan Ave.",
    "1717 Arch Street",
];
const UNITS: &[&str] = &[
    "Suite 802",
    "Suite 200",
    "Floor 3",
    "STE 110",
    "Unit 4B",
    "Suite 7044",
    "Room 12",
];
const CITIES: &[(&str, &str, &str)] = &[
    ("Akron", "OH", "44311"),
    ("Newport Beach", "CA", "92663"),
    ("Dover", "DE", "19901"),
    ("Washington", "DC", "20016"),
    ("Springfield", "IL", "62701"),
    ("Miami", "FL", "33131"),
    ("Austin", "TX", "78701"),
    ("Las Vegas", "NV", "89101"),
    ("Wilmington", "DE", "19801"),
    ("New York", "NY", "10001"),
    ("Sheridan", "WY", "82801"),
    ("Phoenix", "AZ", "85004"),
    ("Salt Lake City", "UT", "84101"),
];
const STAFF: &[(&str, &str)] = &[
    ("Daniel", "Stepanicich"),
    ("Kristi", "Thompson"),
    ("Alex", "Example"),
    ("Pat", "Example"),
    ("Lisa", "Zaina"),
    ("Kimbarly", "Taylor"),
    ("Jeremy", "Marcus"),
    ("Shana", "Yates"),
    ("Daniel", "Ruiz"),
    ("Mika", "Savir"),
    ("Rosemary", "Cabral"),
    ("Ashley", "Tyson"),
];
const STAFF_TITLES: &[&str] = &[
    "Attorney Advisor",
    "Attorney Advisor",
    "Special Counsel",
    "Deputy Division Chief",
    "Assistant Division Chief",
    "Division Chief",
];
const SIGNERS: &[&str] = &[
    "Kristi Thompson",
    "Loyaan A. Egal",
    "Patrick Webre",
    "Morgan Example",
    "Rosemary C. Harold",
    "Lee Placeholder",
];
const CUSTOMERS: &[&str] = &[
    "Mash Telecom",
    "Dawz Telecom",
    "Marketing Maestros",
    "Omiz Solutions",
    "Alpha Leads Inc.",
    "Beta Dialer Co.",
    "Gamma Media",
    "Delta Dial Co.",
    "Epsilon Leads",
    "Zeta Outreach",
    "Omega Calls Ltd.",
    "Tau Leads LLC",
    "Chi Outreach Co.",
    "Phi Media",
    "Psi Contact Group",
    "Sunrise VoIP Partners",
    "Blue Ocean Dialing",
    "Westgate Marketing Group",
];
const DESCRIPTIONS: &[&str] = &[
    "Auto Warranty Sales Robocall",
    "Fraudulent Credit Card Rate Reduction Robocalls",
    "Social Security Administration Imposter Robocall",
    "Customer Service Imposter Offering Discount on Monthly Bill",
    "Fraudulent Google Business Listing Offer",
    "Amazon Imposter",
    "Student Loan Forgiveness",
    "Health Insurance Sales",
    "Utility Disconnect",
    "Medicare Benefits Imposter",
    "IRS Imposter Demanding Payment",
    "COVID-19 Test Kit Scam",
    "Vehicle Service Contract Sales Robocall Offering Extended Coverage for Used Vehicles Purchased From Dealers",
    "Prerecorded Message Claiming to Be From the Electric Company Threatening Disconnection Within One Hour",
    "Debt Relief",
];
const SIGNATURE_IMAGES: &[&str] = &[
    "A handwritten signature in black ink, appearing to read \"K. THOMPSON\", with a long horizontal flourish extending to the right.",
    "A handwritten signature in blue ink.",
    "[signature]",
    "A cursive signature, partly illegible, written above the printed name.",
];

/// `April 27, 2021`.
pub fn long_date(d: NaiveDate) -> String {
    format!("{} {}, {}", MONTHS[d.month0() as usize], d.day(), d.year())
}

/// `Apr. 27, 2021` (Bluebook abbreviations: `May`, `June`, `July` unabbreviated; `Sept.`).
pub fn abbr_date(d: NaiveDate) -> String {
    format!(
        "{} {}, {}",
        MONTHS_ABBR[d.month0() as usize],
        d.day(),
        d.year()
    )
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_ABBR: [&str; 12] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];

/// A date in one of the forms Attachment A tables use.
fn table_date(rng: &mut Rng, d: NaiveDate, form: usize) -> String {
    match form {
        0 => abbr_date(d),
        1 => long_date(d),
        2 => format!("{}/{}/{}", d.month(), d.day(), d.year()),
        3 => format!("{}-{:02}-{:02}", d.year(), d.month(), d.day()),
        4 => format!("{:02}/{:02}/{:02}", d.month(), d.day(), d.year() % 100),
        5 => format!("{:02}/{:02}/{}", d.month(), d.day(), d.year()),
        // `Sep. 3, 2024` for September, else the Bluebook form.
        _ => {
            if d.month() == 9 && rng.chance(0.5) {
                format!("Sep. {}, {}", d.day(), d.year())
            } else {
                abbr_date(d)
            }
        }
    }
}

/// A NANP number (fictional 555-01XX lines) in a drawn written form, and its E.164 form.
pub fn phone(rng: &mut Rng, area: &[&str]) -> (String, String) {
    let a = *rng.pick(area);
    let line = format!("01{:02}", rng.below(100));
    let e164 = format!("+1{a}555{line}");
    let written = match rng.below(10) {
        0 | 1 => format!("({a}) 555-{line}"),
        2 | 3 => format!("{a}-555-{line}"),
        4 => format!("{a}.555.{line}"),
        5 => format!("+1 {a} 555 {line}"),
        6 => format!("1{a}555{line}"),
        7 => format!("{a}555{line}"),
        8 => format!("1-{a}-555-{line}"),
        _ => format!("+1 ({a}) 555-{line}"),
    };
    (written, e164)
}

fn person(rng: &mut Rng) -> (String, String, &'static str) {
    let first = *rng.pick(FIRST);
    let last = *rng.pick(LAST);
    let honorific = if FEMININE.contains(&first) {
        "Ms."
    } else {
        "Mr."
    };
    let name = if rng.chance(0.15) {
        let initial = (b'A' + rng.below(26) as u8) as char;
        format!("{first} {initial}. {last}")
    } else {
        format!("{first} {last}")
    };
    (name, last.to_string(), honorific)
}

/// A fictional provider: its defining name, its recipient-block spelling, its short name.
fn provider(rng: &mut Rng, style: ShortStyle) -> (ProviderTruth, String) {
    let prefix = *rng.pick(PREFIX);
    let middle = *rng.pick(MIDDLE);
    let suffix = *rng.pick(SUFFIX);
    let base = format!("{prefix} {middle}");
    let comma_suffix = matches!(suffix, "LLC" | "Inc.") && rng.chance(0.4);
    let name_of = |comma: bool| match (suffix, comma) {
        ("", _) => base.clone(),
        (s, true) => format!("{base}, {s}"),
        (s, false) => format!("{base} {s}"),
    };
    let name = name_of(comma_suffix);
    // The recipient block sometimes writes the comma the definition leaves out (Urth Access).
    let organization = if !matches!(suffix, "LLC" | "Inc.") || rng.chance(0.75) {
        name.clone()
    } else {
        name_of(!comma_suffix)
    };
    let short = if style == ShortStyle::None {
        None
    } else if suffix.is_empty() || rng.chance(0.5) {
        Some(prefix.to_string())
    } else {
        Some(base.clone())
    };
    (
        ProviderTruth {
            name,
            short_name: short,
            style,
        },
        organization,
    )
}

fn short_style(rng: &mut Rng, none_ok: bool) -> ShortStyle {
    let styles = [
        ShortStyle::Plain,
        ShortStyle::Quoted,
        ShortStyle::OrCompany,
        ShortStyle::OrCompanyQuoted,
        ShortStyle::None,
    ];
    let weights = [5, 2, 3, 1, if none_ok { 1 } else { 0 }];
    styles[rng.weighted(&weights)]
}

fn random_date(rng: &mut Rng, from: (i32, u32, u32), to: (i32, u32, u32)) -> NaiveDate {
    let a = NaiveDate::from_ymd_opt(from.0, from.1, from.2).unwrap();
    let b = NaiveDate::from_ymd_opt(to.0, to.1, to.2).unwrap();
    let span = (b - a).num_days() as usize;
    a + Duration::days(rng.below(span + 1) as i64)
}

fn email_domain(org: &str) -> String {
    let mut s: String = org
        .split_whitespace()
        .take_while(|w| {
            !matches!(
                w.trim_matches(','),
                "LLC" | "Inc." | "Corp." | "Ltd." | "Co." | "Corporation"
            )
        })
        .collect::<String>()
        .to_ascii_lowercase();
    s.retain(|c| c.is_ascii_alphanumeric() || c == '-');
    s.push_str(".com");
    s
}

impl Facts {
    /// Draws a letter's facts from `seed`.
    pub fn draw(seed: u64, profile: Profile) -> Facts {
        let mut rng = Rng::new(seed);
        let template = [
            Template::CeaseAndDesist2020,
            Template::CeaseAndDesistK4,
            Template::SuspectedTraffic,
            Template::InitialDetermination,
            Template::FinalDetermination,
            Template::PublicNotice,
        ][rng.weighted(&[2, 6, 3, 2, 2, 2])];
        let date = match template {
            Template::CeaseAndDesist2020 => random_date(&mut rng, (2020, 1, 6), (2021, 6, 30)),
            Template::CeaseAndDesistK4 => random_date(&mut rng, (2020, 7, 1), (2026, 12, 31)),
            Template::SuspectedTraffic
            | Template::InitialDetermination
            | Template::FinalDetermination => random_date(&mut rng, (2023, 1, 3), (2026, 12, 31)),
            Template::PublicNotice => random_date(&mut rng, (2020, 1, 6), (2026, 12, 31)),
        };

        // Letterhead and issuer (letters only).
        let letterhead = if template.is_letter() {
            let options = [
                Letterhead::Sample,
                Letterhead::Caps,
                Letterhead::Old,
                Letterhead::None,
            ];
            let old_ok = date < NaiveDate::from_ymd_opt(2020, 7, 1).unwrap();
            options[rng.weighted(&[5, 3, if old_ok { 4 } else { 0 }, 3])]
        } else {
            Letterhead::None
        };
        let new_address = vec![
            "45 L Street, NE".to_string(),
            "Washington, DC 20554".to_string(),
        ];
        let issuer = match letterhead {
            Letterhead::Sample => Some(IssuerTruth {
                agency: "Federal Communications Commission".into(),
                bureau: Some("Enforcement Bureau".into()),
                division: None,
                address: new_address,
            }),
            Letterhead::Caps => Some(IssuerTruth {
                agency: "FEDERAL COMMUNICATIONS COMMISSION".into(),
                bureau: Some("Enforcement Bureau".into()),
                division: Some("Telecommunications Consumers Division".into()),
                address: new_address,
            }),
            Letterhead::Old => Some(IssuerTruth {
                agency: "Federal Communications Commission".into(),
                bureau: None,
                division: None,
                address: vec!["445 12th Street, SW".into(), "Washington, DC 20554".into()],
            }),
            Letterhead::None => None,
        };

        let delivery = if template.is_letter() {
            let options = [
                Some("VIA CERTIFIED MAIL - RETURN RECEIPT REQUESTED"),
                Some("VIA ELECTRONIC DELIVERY AND CERTIFIED MAIL - RETURN RECEIPT REQUESTED"),
                Some("VIA ELECTRONIC DELIVERY"),
                Some("VIA ELECTRONIC MAIL"),
                None,
            ];
            options[rng.weighted(&[4, 4, 2, 1, 2])].map(str::to_string)
        } else {
            None
        };

        // The provider.
        let style = short_style(&mut rng, template.is_letter());
        let (provider, organization) = provider(&mut rng, style);

        let recipient = template.is_letter().then(|| {
            let (name, last_name, honorific) = person(&mut rng);
            let title = [
                Some("CEO"),
                Some("Chief Executive Officer"),
                Some("Compliance Officer"),
                Some("President"),
                None,
            ][rng.weighted(&[4, 3, 2, 1, 2])]
            .map(str::to_string);
            let mut address = Vec::new();
            let street = *rng.pick(STREETS);
            match rng.below(3) {
                0 => {
                    address.push(street.to_string());
                    address.push(rng.pick(UNITS).to_string());
                }
                1 if !street.starts_with("PO Box") => {
                    address.push(format!("{street}, {}", rng.pick(UNITS)));
                }
                _ => address.push(street.to_string()),
            }
            let (city, state, zip) = *rng.pick(CITIES);
            let zip = if rng.chance(0.15) {
                format!("{zip}-{:04}", rng.below(10_000))
            } else {
                zip.to_string()
            };
            address.push(format!("{city}, {state} {zip}"));
            let domain = email_domain(&organization);
            let first = name.split(' ').next().unwrap().to_ascii_lowercase();
            let last = last_name.to_ascii_lowercase();
            let emails = match rng.weighted(&[2, 5, 2]) {
                0 => vec![],
                1 => vec![match rng.below(3) {
                    0 => format!("{first}.{last}@{domain}"),
                    1 => format!("{}.{last}@{domain}", &first[..1]),
                    _ => format!("compliance@{domain}"),
                }],
                _ => vec![format!("info@{domain}"), format!("support@{domain}")],
            };
            RecipientTruth {
                to_prefix: rng.chance(0.5),
                name,
                title,
                organization: organization.clone(),
                address,
                emails,
                honorific,
                last_name,
            }
        });

        // Public notices list providers.
        let providers = if template == Template::PublicNotice {
            if rng.chance(0.7) {
                let mut list = vec![provider_for_list(&mut rng, &provider, true)];
                for _ in 0..rng.range(0, 4) {
                    let (p, _) = self::provider(&mut rng, ShortStyle::Plain);
                    let p = provider_for_list(&mut rng, &p, false);
                    if !list
                        .iter()
                        .any(|q: &ProviderTruth| q.name == p.name || q.short() == p.short())
                    {
                        list.push(p);
                    }
                }
                Some(list)
            } else {
                None
            }
        } else {
            Some(Vec::new())
        };
        let provider = match &providers {
            Some(list) if template == Template::PublicNotice => list[0].clone(),
            _ => provider,
        };

        let subject = match template {
            Template::CeaseAndDesist2020 => Some(
                *rng.pick(&[
                    "Official Correspondence from the Federal Communications Commission and Federal Trade Commission",
                    "Official Correspondence from the Federal Communications Commission",
                ]),
            ),
            Template::CeaseAndDesistK4 => Some(
                *rng.pick(&[
                    "Official Correspondence from the Federal Communications Commission",
                    "Official Correspondence from the Federal Communications Commission",
                    "Notification from the Federal Communications Commission",
                ]),
            ),
            Template::SuspectedTraffic => Some("Notice of Suspected Illegal Robocall Traffic"),
            _ => None,
        }
        .map(str::to_string);

        // Deadlines.
        let report_numeral =
            [Numeral::WordsDigits, Numeral::Digits, Numeral::Words][rng.weighted(&[5, 3, 2])];
        let mitigate_numeral = if template == Template::CeaseAndDesist2020 && rng.chance(0.6) {
            Numeral::WordsDigits
        } else {
            Numeral::Digits
        };
        let stated_abbreviated = rng.chance(0.3);
        let mitigate = DeadlineTruth {
            kind: DeadlineKind::Mitigate,
            within: "48 hours",
            due: date + Duration::days(2),
            stated: None,
        };
        let report_stated = template.is_letter() && rng.chance(0.65);
        let report = DeadlineTruth {
            kind: DeadlineKind::Report,
            within: "14 days",
            due: date + Duration::days(14),
            stated: report_stated.then(|| date + Duration::days(14)),
        };
        let deadlines = match template {
            Template::CeaseAndDesist2020
            | Template::CeaseAndDesistK4
            | Template::SuspectedTraffic => vec![mitigate, report],
            Template::InitialDetermination => vec![DeadlineTruth {
                stated: None,
                ..report
            }],
            Template::FinalDetermination => vec![],
            Template::PublicNotice => vec![mitigate],
        };

        let actions = if template.is_letter()
            && (template != Template::SuspectedTraffic || rng.chance(0.5))
        {
            draw_actions(
                &mut rng,
                &provider,
                &deadlines,
                report_numeral,
                stated_abbreviated,
            )
        } else {
            Vec::new()
        };

        // Contacts.
        let contact_form = match template {
            Template::PublicNotice => ContactForm::FurtherInformation,
            _ => [ContactForm::DirectInquiries, ContactForm::PleaseContact][rng.weighted(&[3, 2])],
        };
        let contacts = if template.is_order() || (template.is_letter() && rng.chance(0.1)) {
            Vec::new()
        } else {
            draw_contacts(&mut rng, template, contact_form)
        };

        let signatory = match template {
            Template::PublicNotice => None,
            t if t.is_order() => {
                let title = if rng.chance(0.3) {
                    "Acting Chief"
                } else {
                    "Chief"
                };
                Some(SignatoryTruth {
                    name: rng.pick(SIGNERS).to_string(),
                    title: title.into(),
                    division: None,
                    bureau: "Enforcement Bureau".into(),
                    image: None,
                    page_break: false,
                })
            }
            _ => {
                let bureau_chief = rng.chance(0.3);
                Some(SignatoryTruth {
                    name: rng.pick(SIGNERS).to_string(),
                    title: if bureau_chief {
                        "Chief".into()
                    } else {
                        rng.pick(&[
                            "Division Chief",
                            "Division Chief",
                            "Chief",
                            "Deputy Division Chief",
                        ])
                        .to_string()
                    },
                    division: (!bureau_chief)
                        .then(|| "Telecommunications Consumers Division".to_string()),
                    bureau: "Enforcement Bureau".into(),
                    image: rng
                        .chance(0.4)
                        .then(|| rng.pick(SIGNATURE_IMAGES).to_string()),
                    page_break: rng.chance(0.2),
                })
            }
        };
        let order = template.is_order().then(|| {
            let yy = date.year() % 100;
            let released_gap = if rng.chance(0.3) { rng.range(1, 3) } else { 0 };
            OrderTruth {
                da: format!("{yy}-{}", rng.range(100, 1399)),
                file: format!("EB-TCD-{}-000{}", yy - 1, rng.range(30_000, 39_999)),
                docket: rng
                    .chance(0.6)
                    .then(|| format!("{}-{}", yy - 1, rng.range(100, 299))),
                adopted: date - Duration::days(released_gap as i64),
                signer_title: if signatory.as_ref().unwrap().title == "Acting Chief" {
                    "Acting Chief"
                } else {
                    "Chief"
                },
            }
        });
        let order = order.or_else(|| {
            (template == Template::PublicNotice).then(|| OrderTruth {
                da: format!("{}-{}", date.year() % 100, rng.range(100, 1399)),
                file: format!(
                    "EB-TCD-{}-000{}",
                    date.year() % 100 - 1,
                    rng.range(30_000, 39_999)
                ),
                docket: None,
                adopted: date,
                signer_title: if rng.chance(0.3) {
                    "Acting Chief"
                } else {
                    "Chief"
                },
            })
        });

        // Footnotes.
        let count = match template {
            Template::PublicNotice => rng.range(1, 3),
            _ => [0, 1, 2, 3, 4, 5, 6, 7, 8][rng.weighted(&[3, 4, 4, 4, 3, 3, 2, 1, 1])],
        };
        let mut ctx = CiteContext {
            provider: provider.short().to_string(),
            organization: recipient.as_ref().map_or(provider.name.clone(), |r| {
                format!("{}, {}", r.name, r.organization)
            }),
            year: date.year(),
            ..CiteContext::default()
        };
        let footnotes = (1..=count as u32)
            .map(|n| {
                let c = cites::footnote(&mut rng, n, &mut ctx);
                FootnoteTruth {
                    text: c.text,
                    cites: c.cites,
                }
            })
            .collect();

        let table = if template.is_letter() {
            draw_table(&mut rng, date, profile)
        } else {
            None
        };

        Facts {
            seed,
            template,
            date,
            letterhead,
            issuer,
            delivery,
            recipient,
            provider,
            providers,
            subject,
            deadlines,
            report_numeral,
            mitigate_numeral,
            stated_abbreviated,
            actions,
            contacts,
            contact_form,
            signatory,
            footnotes,
            table,
            order,
            salutation_colon: rng.chance(0.4),
        }
    }

    /// The deadline of `kind`, if the letter sets one.
    pub fn deadline(&self, kind: DeadlineKind) -> Option<&DeadlineTruth> {
        self.deadlines.iter().find(|d| d.kind == kind)
    }
}

/// A listed provider of a public notice: the first may carry a short-name definition.
fn provider_for_list(rng: &mut Rng, p: &ProviderTruth, first: bool) -> ProviderTruth {
    let keep_short = if first {
        rng.chance(0.6)
    } else {
        rng.chance(0.25)
    };
    ProviderTruth {
        name: p.name.clone(),
        short_name: if keep_short {
            p.short_name.clone()
        } else {
            None
        },
        style: if keep_short {
            ShortStyle::Plain
        } else {
            ShortStyle::None
        },
    }
}

/// The period written as the letter writes it.
pub fn period(numeral: Numeral, days: bool) -> &'static str {
    match (numeral, days) {
        (Numeral::WordsDigits, true) => "fourteen (14) days",
        (Numeral::Digits, true) => "14 days",
        (Numeral::Words, true) => "fourteen days",
        (Numeral::WordsDigits, false) => "forty-eight (48) hours",
        (Numeral::Digits, false) => "48 hours",
        (Numeral::Words, false) => "forty-eight hours",
    }
}

/// The stated date in parentheses, with a leading space, or nothing.
pub fn stated_text(d: &DeadlineTruth, abbreviated: bool) -> String {
    match d.stated {
        Some(s) if abbreviated => format!(" ({})", abbr_date(s)),
        Some(s) => format!(" ({})", long_date(s)),
        None => String::new(),
    }
}

fn draw_actions(
    rng: &mut Rng,
    provider: &ProviderTruth,
    deadlines: &[DeadlineTruth],
    numeral: Numeral,
    abbreviated: bool,
) -> Vec<ActionTruth> {
    let s = provider.short();
    let plain = |t: &str| ActionTruth {
        text: t.to_string(),
        cites: vec![],
    };
    let first: &[&str] = &[
        "Promptly investigate the transmissions identified above.",
        "Promptly investigate the transmissions identified in Attachment A.",
        "Promptly investigate the calls identified above.",
    ];
    let mut out = vec![plain(rng.pick::<&str>(first))];
    if rng.chance(0.7) {
        out.push(plain("If necessary, \"effectively mitigate\" the identified unlawful traffic by determining the source of the traffic and preventing that source from continuing to originate such traffic."));
    }
    if rng.chance(0.7) {
        out.push(plain("Implement effective safeguards to prevent customers from using your network as a platform to originate illegal calls."));
    }
    if rng.chance(0.8) {
        out.push(plain(
            "Within 48 hours, inform the Commission and the Traceback Consortium of steps taken to mitigate the identified apparent illegal traffic.",
        ));
    }
    if rng.chance(0.8) {
        let report = deadlines
            .iter()
            .find(|d| d.kind == DeadlineKind::Report)
            .unwrap();
        let mut text = format!(
            "Within {} of the date of this letter{}, inform the Commission and the Traceback Consortium of the steps {s} is taking to prevent customers from using its network to transmit illegal robocalls.",
            period(numeral, true),
            stated_text(report, abbreviated)
        );
        let mut cites = vec![];
        if rng.chance(0.6) {
            text.push_str(" You must also include a declaration attesting to the truthfulness and accuracy of your response under section 1.17 of the Commission's rules.");
            cites.push(CiteTruth::full("47 CFR § 1.17"));
        }
        if rng.chance(0.4) {
            text.push_str(" Failure to provide this information within 14 days shall be equivalent to having failed to put effective measures in place.");
        }
        out.push(ActionTruth { text, cites });
    }
    if rng.chance(0.2) {
        out.push(plain(
            "Identify the upstream providers from which the traffic was received.",
        ));
    }
    out
}

fn draw_contacts(rng: &mut Rng, template: Template, form: ContactForm) -> Vec<ContactTruth> {
    let total = match form {
        ContactForm::FurtherInformation => rng.range(1, 2),
        ContactForm::PleaseContact => rng.range(1, 3),
        ContactForm::DirectInquiries => [1, 2, 3, 4, 5][rng.weighted(&[3, 4, 2, 1, 1])],
    };
    let copies = match (form, total) {
        (ContactForm::DirectInquiries, 1) => 0,
        (ContactForm::DirectInquiries, 2) => rng.below(2),
        (ContactForm::DirectInquiries, n) => rng.range(1, 2.min(n - 1)),
        _ => 0,
    };
    let mut used = Vec::new();
    let mut out = Vec::new();
    let org_choices = [
        "Telecommunications Consumers Division, Enforcement Bureau, FCC",
        "Telecommunications Consumers Division, Enforcement Bureau",
        "Enforcement Bureau, FCC",
    ];
    let with_org = form != ContactForm::PleaseContact || rng.chance(0.3);
    let org = *rng.pick(&org_choices);
    for i in 0..total {
        let (first, last) = loop {
            let p = *rng.pick(STAFF);
            if !used.contains(&p) {
                used.push(p);
                break p;
            }
        };
        let role = if i >= total - copies {
            ContactRole::Copy
        } else {
            ContactRole::Inquiries
        };
        let email_first = if rng.chance(0.3) {
            first.to_string()
        } else {
            first.to_ascii_lowercase()
        };
        let email_last = if email_first.starts_with(char::is_uppercase) {
            last.to_string()
        } else {
            last.to_ascii_lowercase()
        };
        let domain = if template == Template::PublicNotice && rng.chance(0.3) {
            "fcc.test"
        } else {
            "fcc.gov"
        };
        let email = format!("{email_first}.{email_last}@{domain}");
        let phone_ok = role == ContactRole::Inquiries && rng.chance(0.7);
        let has_email = !phone_ok || rng.chance(0.85);
        out.push(ContactTruth {
            role,
            name: format!("{first} {last}"),
            title: rng.pick(STAFF_TITLES).to_string(),
            organization: with_org.then(|| org.to_string()),
            email: has_email.then_some(email),
            phone: phone_ok.then(|| {
                // Staff numbers: `(202) 555-0100`, `202-555-0100` or `202.555.0100`.
                let line = format!("01{:02}", rng.below(100));
                let written = match rng.below(3) {
                    0 => format!("(202) 555-{line}"),
                    1 => format!("202-555-{line}"),
                    _ => format!("202.555.{line}"),
                };
                (written, format!("+1202555{line}"))
            }),
        });
    }
    out
}

/// Whether a table's columns stay readable once collapsed onto one line, where empty cells
/// vanish and neighbouring cells run together: the free-text columns (customer, description)
/// must be separated, cyclically from row to row, by a column that is never empty and reads
/// as a typed value (a date or a violation cite); phone columns do not count, since their
/// cells may be empty.
pub fn collapsed_safe(kinds: &[ColumnKind]) -> bool {
    let solid: Vec<ColumnKind> = kinds
        .iter()
        .copied()
        .filter(|k| !matches!(k, ColumnKind::CallerId | ColumnKind::CalledNumber))
        .collect();
    let text = |k: ColumnKind| matches!(k, ColumnKind::Customer | ColumnKind::Description);
    let n = solid.len();
    if n < 2 {
        return n == 1 && !text(solid[0]);
    }
    (0..n).all(|i| !(text(solid[i]) && text(solid[(i + 1) % n])))
}

fn draw_table(rng: &mut Rng, date: NaiveDate, profile: Profile) -> Option<TableTruth> {
    let rows = match rng.weighted(&[18, 14, 45, 12, 6, 3]) {
        0 => return None,
        1 => 1,
        2 => rng.range(2, 8),
        3 => rng.range(9, 30),
        4 => 60,
        _ => 400,
    };
    let synonyms: &[(ColumnKind, &[&str])] = &[
        (
            ColumnKind::Customer,
            &["Customer", "Customer", "Upstream Provider", "Source"],
        ),
        (
            ColumnKind::Date,
            &["Date of Call", "Date of Call", "Call Date", "Date"],
        ),
        (
            ColumnKind::CallerId,
            &["Caller ID", "Caller ID", "Calling Number", "ANI"],
        ),
        (
            ColumnKind::CalledNumber,
            &["Called Number", "Called Number", "Dialed Number"],
        ),
        (
            ColumnKind::Description,
            &["Description", "Description", "Campaign"],
        ),
        (ColumnKind::Violation, &["Violation"]),
    ];
    let columns: Vec<(String, ColumnKind)> = loop {
        let mut cols: Vec<usize> = (0..synonyms.len()).collect();
        if rng.chance(0.45) {
            // A subset of at least three columns, in any order.
            let keep = rng.range(3, 6);
            while cols.len() > keep {
                let i = rng.below(cols.len());
                cols.remove(i);
            }
            if rng.chance(0.5) {
                for i in (1..cols.len()).rev() {
                    let j = rng.below(i + 1);
                    cols.swap(i, j);
                }
            }
        }
        let standard = rng.chance(0.6);
        let chosen: Vec<(String, ColumnKind)> = cols
            .iter()
            .map(|&i| {
                let (kind, names) = synonyms[i];
                (
                    if standard { names[0] } else { *rng.pick(names) }.to_string(),
                    kind,
                )
            })
            .collect();
        let kinds: Vec<ColumnKind> = chosen.iter().map(|c| c.1).collect();
        // Tables lead with a name, a date or a campaign (never with a cell that may be
        // empty), and keep at least two columns that are never empty.
        let solid = kinds
            .iter()
            .filter(|k| {
                matches!(
                    k,
                    ColumnKind::Customer
                        | ColumnKind::Date
                        | ColumnKind::Description
                        | ColumnKind::Violation
                )
            })
            .count();
        let leads_with_text = matches!(
            kinds[0],
            ColumnKind::Customer | ColumnKind::Date | ColumnKind::Description
        );
        if solid >= 2 && leads_with_text && (!profile.collapsed || collapsed_safe(&kinds)) {
            break chosen;
        }
    };

    let n_customers = rng.range(1, 5);
    let customers: Vec<&str> = (0..n_customers).map(|_| *rng.pick(CUSTOMERS)).collect();
    let n_desc = rng.range(1, 4);
    let descriptions: Vec<&str> = (0..n_desc).map(|_| *rng.pick(DESCRIPTIONS)).collect();
    let violations: Vec<(&str, &[&str])> = (0..rng.range(1, 2))
        .map(|_| *rng.pick(cites::VIOLATIONS))
        .collect();
    let date_form = rng.below(7);
    let mixed_dates = rng.chance(0.2);
    // Phones: all empty (as in the sample), or filled with some redactions.
    let phones_filled = rng.chance(0.65);
    let redaction_rate = if rng.chance(0.5) { 0.15 } else { 0.0 };
    let empty_rate = if phones_filled && !profile.collapsed && rng.chance(0.3) {
        0.15
    } else {
        0.0
    };
    let violation_empty_rate = if !profile.collapsed && rng.chance(0.1) {
        0.2
    } else {
        0.0
    };

    let mut out = Vec::with_capacity(rows);
    for _ in 0..rows {
        let call = date - Duration::days(rng.range(1, 90) as i64);
        let customer = *rng.pick(&customers);
        let description = *rng.pick(&descriptions);
        let (violation, vcites) = *rng.pick(&violations);
        let form = if mixed_dates { rng.below(7) } else { date_form };
        let mut row = RowTruth {
            cells: Vec::new(),
            customer: None,
            date: None,
            caller_id: None,
            called_number: None,
            description: None,
            violation: None,
            raw: BTreeMap::new(),
            cites: Vec::new(),
        };
        // In a collapsed-safe table a row's phone cells are all filled or all empty, so a
        // lone number cannot be mistaken for the other column's.
        let row_empty = rng.chance(empty_rate);
        for (_, kind) in &columns {
            let cell = match kind {
                ColumnKind::Customer => {
                    row.customer = Some(customer.to_string());
                    customer.to_string()
                }
                ColumnKind::Date => {
                    row.date = Some(call);
                    table_date(rng, call, form)
                }
                ColumnKind::CallerId | ColumnKind::CalledNumber => {
                    let empty = if profile.collapsed {
                        row_empty
                    } else {
                        rng.chance(empty_rate)
                    };
                    if !phones_filled || empty {
                        String::new()
                    } else if rng.chance(redaction_rate) {
                        let r = rng.pick(&["[REDACTED]", "XXX-XXX-XXXX"]).to_string();
                        row.raw.insert(*kind, r.clone());
                        r
                    } else {
                        let area: &[&str] = if *kind == ColumnKind::CallerId {
                            &["202", "213", "305", "646", "702", "415"]
                        } else {
                            &["312", "404", "617", "808", "971", "512"]
                        };
                        let (w, e) = phone(rng, area);
                        if *kind == ColumnKind::CallerId {
                            row.caller_id = Some(e);
                        } else {
                            row.called_number = Some(e);
                        }
                        w
                    }
                }
                ColumnKind::Description => {
                    row.description = Some(description.to_string());
                    description.to_string()
                }
                ColumnKind::Violation => {
                    if rng.chance(violation_empty_rate) {
                        String::new()
                    } else {
                        row.violation = Some(violation.to_string());
                        row.cites = vcites.iter().map(|c| CiteTruth::full(c)).collect();
                        violation.to_string()
                    }
                }
                _ => String::new(),
            };
            row.cells.push(cell);
        }
        out.push(row);
    }
    Some(TableTruth {
        title: rng
            .pick(&["ATTACHMENT A", "ATTACHMENT A", "Attachment A"])
            .to_string(),
        columns,
        rows: out,
    })
}
