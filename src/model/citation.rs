//! A legal citation found in the text.

use super::name::named_enum;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

named_enum! {
    /// What a citation cites.
    #[non_exhaustive]
    pub enum CitationKind {
        /// A section of the United States Code: `47 U.S.C. § 227(b)`, `section 227(b) of the Act`.
        Usc = "usc",
        /// The Code of Federal Regulations: `47 CFR § 64.1200(k)(4)`, `47 CFR Part 64, Subpart L`,
        /// `section 1.17 of the Commission's rules`.
        Cfr = "cfr",
        /// The FCC Record: `35 FCC Rcd 7614, 7630, para. 42 (2020)`.
        FccRecord = "fcc_record",
        /// The Federal Register: `85 Fed. Reg. 21785`.
        FederalRegister = "federal_register",
        /// A public law, with its Statutes at Large cite: `Pub. L. No. 116-105, 133 Stat. 3274`.
        PublicLaw = "public_law",
        /// The Statutes at Large alone: `133 Stat. 3274`.
        StatutesAtLarge = "statutes_at_large",
        /// Westlaw: `2025 WL 2622184`.
        Westlaw = "westlaw",
        /// A docket: `CG Docket No. 17-59`.
        Docket = "docket",
        /// An Enforcement Bureau file number: `File No. EB-TCD-22-00034232`.
        FileNumber = "file_number",
        /// An FCC document number: `DA 22-1271`, `FCC 20-34`.
        FccDocument = "fcc_document",
        /// `Id.`, `Id. at 7630, para. 42`, `Id. § 64.1200(n)(6)`: the citation before it.
        Id = "id",
        /// `supra note 5`: a citation in an earlier footnote.
        Supra = "supra",
        /// A short cite to a reporter, often after a defined name:
        /// `Call Blocking Safe Harbor Report and Order, 35 FCC Rcd at 7630`.
        ShortForm = "short_form",
        /// A kind this version does not know, read from JSON written by a later one. The parser
        /// never gives it.
        Unknown = "unknown",
    }
    unknown = Unknown;
}

/// The position of a citation in the list it belongs to: [`Notice::citations`](crate::Notice)
/// for a letter's, the returned list for [`cite::extract`](crate::cite::extract). Footnotes,
/// Violation cells and short forms ([`Citation::refers_to`]) name citations by it, so that a
/// citation is stored once however often it is referred to.
pub type CitationIndex = usize;

/// One citation: where it stands, what it cites, and what a short form refers to.
///
/// Fields that do not apply to a kind are `None` (`null` in JSON), `[]` or `false`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Citation {
    /// What it cites.
    pub kind: CitationKind,
    /// The text as written (a line break inside it written as a space).
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
    /// The canonical form: `47 CFR § 64.1200(k)(4)`; a resolved short form gives the full
    /// cite with its pins: `35 FCC Rcd 7614, 7630, para. 42`.
    pub canonical: String,
    /// The title of the code: `47`.
    #[serde(default)]
    pub title: Option<u32>,
    /// The section: `64.1200`, `227`.
    #[serde(default)]
    pub section: Option<String>,
    /// The paragraph path below the section: `["k", "4"]`.
    #[serde(default)]
    pub paragraphs: Vec<Cow<'static, str>>,
    /// `et seq.`: the section and those after it.
    #[serde(default)]
    pub et_seq: bool,
    /// A CFR part: `64` in `47 CFR Part 64, Subpart L`; for a 47 CFR section the table
    /// knows, the part it sits in (`64` for § 64.1200).
    #[serde(default)]
    pub part: Option<Cow<'static, str>>,
    /// A CFR subpart: `L`; for a 47 CFR section the table knows, the subpart it sits in.
    #[serde(default)]
    pub subpart: Option<Cow<'static, str>>,
    /// For a 47 U.S.C. section the table knows, the chapter of Title 47 it sits in: `5` for
    /// § 227.
    #[serde(default)]
    pub chapter: Option<Cow<'static, str>>,
    /// The reporter or series: `FCC Rcd`, `Fed. Reg.`, `Stat.`, `WL`, `CG Docket`, `File`,
    /// `DA`, `FCC`, `Pub. L.`.
    #[serde(default)]
    pub series: Option<Cow<'static, str>>,
    /// A document, docket or law number: `17-59`, `EB-TCD-22-00034232`, `22-1271`, `116-105`.
    #[serde(default)]
    pub number: Option<String>,
    /// The reporter volume (for Westlaw, the year): `35`.
    #[serde(default)]
    pub volume: Option<u32>,
    /// The first page (for Westlaw, the document number): `7614`.
    #[serde(default)]
    pub page: Option<u32>,
    /// The pin page: `7630`; `7628` in `7628-29`.
    #[serde(default)]
    pub pin: Option<u32>,
    /// The last pin page of a range: `7629` in `7628-29`.
    #[serde(default)]
    pub pin_end: Option<u32>,
    /// The paragraph pin: `42` in `para. 42`.
    #[serde(default)]
    pub paragraph_pin: Option<u32>,
    /// The last paragraph of a range: `40` in `paras. 39-40`.
    #[serde(default)]
    pub paragraph_pin_end: Option<u32>,
    /// The year in parentheses: `2020`.
    #[serde(default)]
    pub year: Option<u16>,
    /// On a full cite, the short name it defines (`Call Blocking Safe Harbor Report and
    /// Order`); on a short form, the name it uses.
    #[serde(default)]
    pub name: Option<String>,
    /// The section's heading, as the code prints it: `Delivery restrictions.` (CFR headings
    /// end with a period), `Restrictions on use of telephone equipment` (U.S.C. headings do
    /// not); apostrophes straight. For a CFR part or subpart, its name where the table gives
    /// it. Set for Title 47 only; see [`edition`](Self::edition) for where it was read.
    #[serde(default)]
    pub heading: Option<Cow<'static, str>>,
    /// The edition of the code the heading was read from: `ecfr-2025-04-02` (the eCFR of that
    /// day), `cfr-2011-10-01` (the CFR annual edition, for sections the 2025 tree lacks),
    /// `olrc-2023-04-20` (the U.S. Code as the Office of the Law Revision Counsel published
    /// it), or `hand-checked` (a heading checked by hand against the code).
    #[serde(default)]
    pub edition: Option<Cow<'static, str>>,
    /// Whether the built-in Title 47 tables know the cited section (or part): `Some(false)`
    /// for a 47 CFR or 47 U.S.C. section that is in neither (a typo, a section since
    /// renumbered, or one the tables lack: an absent U.S.C. section is not proof that it
    /// does not exist); `None` where nothing was looked up (other titles, other kinds).
    #[serde(default)]
    pub known: Option<bool>,
    /// Where to read it: for every U.S.C. and CFR citation of any title, the section on the
    /// U.S. Code of the House (`uscode.house.gov`) or on eCFR (`ecfr.gov`, with the paragraph
    /// as a fragment: `…/section-64.1200#p-64.1200(k)(4)`), or the CFR part or subpart.
    #[serde(default)]
    pub url: Option<Cow<'static, str>>,
    /// For short forms and added pins, the index of the full citation referred to.
    #[serde(default)]
    pub refers_to: Option<CitationIndex>,
}

impl Citation {
    /// A citation of `kind` with only its text set: the [`canonical`](Self::canonical) form
    /// empty, the span `0..0`, every other field `None`, empty or `false`. The text is read
    /// as the parser reads a letter (a line break becomes a space, `**` and `<sup>` markup
    /// go). For building values in tests; to read a citation from its text, parse it.
    ///
    /// ```
    /// use fcc_notice::{Citation, CitationKind, Span};
    /// let mut c = Citation::new(CitationKind::Usc, "47 U.S.C. § 227(b)");
    /// c.canonical = c.text.clone();
    /// c.span = Span::new(10, 28);
    /// c.title = Some(47);
    /// c.section = Some("227".into());
    /// c.paragraphs.push("b".into());
    /// let parsed: Citation = "47 U.S.C. § 227(b)".parse()?;
    /// assert_eq!((parsed.kind, parsed.canonical), (c.kind, c.canonical));
    /// # Ok::<(), fcc_notice::cite::ParseCitationError>(())
    /// ```
    pub fn new(kind: CitationKind, text: &str) -> Self {
        Citation {
            kind,
            text: crate::text::as_read(text).into_owned(),
            span: Span::default(),
            canonical: String::new(),
            title: None,
            section: None,
            paragraphs: Vec::new(),
            et_seq: false,
            part: None,
            subpart: None,
            chapter: None,
            series: None,
            number: None,
            volume: None,
            page: None,
            pin: None,
            pin_end: None,
            paragraph_pin: None,
            paragraph_pin_end: None,
            year: None,
            name: None,
            heading: None,
            edition: None,
            known: None,
            url: None,
            refers_to: None,
        }
    }
}

impl Citation {
    /// The section's heading ([`heading`](Self::heading)), as text.
    pub fn heading(&self) -> Option<&str> {
        self.heading.as_deref()
    }

    /// Where to read the cited section or part ([`url`](Self::url)), as text.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// Where the cited section sits in its code, when the tables know it (or, for a
    /// `47 CFR Part 64, Subpart L` cite, what it cites): printed `Part 64, Subpart L` or
    /// `Chapter 5`.
    ///
    /// ```
    /// use fcc_notice::{Citation, Place};
    /// let c: Citation = "47 CFR § 64.1200(k)(4)".parse()?;
    /// assert_eq!(c.place(), Some(Place::Cfr { part: "64", subpart: Some("L") }));
    /// assert_eq!(c.place().unwrap().to_string(), "Part 64, Subpart L");
    /// let c: Citation = "47 U.S.C. § 227(b)".parse()?;
    /// assert_eq!(c.place().map(|p| p.to_string()).as_deref(), Some("Chapter 5"));
    /// # Ok::<(), fcc_notice::cite::ParseCitationError>(())
    /// ```
    pub fn place(&self) -> Option<Place<'_>> {
        match (&self.part, &self.chapter) {
            (Some(part), _) => Some(Place::Cfr {
                part,
                subpart: self.subpart.as_deref(),
            }),
            (None, Some(chapter)) => Some(Place::Usc { chapter }),
            (None, None) => None,
        }
    }
}

/// Where a section sits in its code: see [`Citation::place`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Place<'a> {
    /// A CFR part and subpart.
    Cfr {
        /// `64`.
        part: &'a str,
        /// `L`.
        subpart: Option<&'a str>,
    },
    /// A chapter of the U.S. Code.
    Usc {
        /// `5`.
        chapter: &'a str,
    },
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Cfr { part, subpart } => {
                write!(f, "Part {part}")?;
                match subpart {
                    Some(sub) => write!(f, ", Subpart {sub}"),
                    None => Ok(()),
                }
            }
            Place::Usc { chapter } => write!(f, "Chapter {chapter}"),
        }
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical)
    }
}
