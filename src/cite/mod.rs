//! Legal citations in any text, shaped like eyecite: tokenize → parse → resolve.
//!
//! 1. **Tokenize**: one literal-heavy regex finds anchors (`U.S.C.`, `CFR`, `FCC Rcd`,
//!    `Docket`, `Id.`, `supra`, `section 1`…); the number a code or reporter needs is read
//!    backwards from its anchor.
//! 2. **Parse**: a nom grammar per family reads the whole cite from there: statutes and rules
//!    with paragraph paths, lists and ranges; reporters with pins and defined names; dockets,
//!    file and document numbers; `Id.` and `supra`.
//! 3. **Resolve**: short forms get the index of what they refer to; every U.S.C. and CFR
//!    citation its URL; a Title 47 section its heading, place (part and subpart, or chapter)
//!    and the edition the heading was read from, out of built-in tables of all 5,760 CFR and
//!    407 U.S.C. sections of Title 47 (`known: false` and an issue for one they lack); and
//!    paragraph paths are checked against the codes' level order.
//!
//! [`extract`] serves any text, not only letters; `parse-notice --citations FILE` prints its
//! result as JSON.

mod docket;
mod path;
mod prose;
mod reporter;
mod resolve;
mod sections;
mod short_form;
mod statute;
mod tokenize;

use crate::model::Citation;
use crate::span::Span;
use std::ops::Range;
use std::str::FromStr;

/// Every citation in `text`, in reading order, with spans that index `text`.
///
/// Short forms are resolved: `refers_to` is the index, in the returned list, of the full
/// citation an `Id.`, a `supra` or a named short form refers to.
///
/// ```
/// let text = "See 47 CFR § 64.1200(k)(3)-(4); Order, 35 FCC Rcd 7614 (2020). Id. at 7630, para. 42.";
/// let found = fcc_notice::cite::extract(text);
/// let canonical: Vec<String> = found.iter().map(|c| c.to_string()).collect();
/// assert_eq!(
///     canonical,
///     ["47 CFR § 64.1200(k)(3)", "47 CFR § 64.1200(k)(4)", "35 FCC Rcd 7614", "35 FCC Rcd 7614, 7630, para. 42"]
/// );
/// assert_eq!(found[0].paragraphs, ["k", "3"]);
/// assert_eq!(found[3].refers_to, Some(2));
/// assert_eq!(found[0].heading.as_deref(), Some("Delivery restrictions."));
/// ```
pub fn extract(text: &str) -> Vec<Citation> {
    into_citations(scan(text, &[], &[], &Span::from, usize::MAX).found)
}

/// A citation found and what it needs before it can be resolved.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    /// Where it stands in the text scanned.
    pub(crate) range: Range<usize>,
    /// Held inline: each is moved a few times (pushed, resolved, put in order), which costs
    /// less than a box of its own per citation.
    pub(crate) citation: Citation,
    pub(crate) hint: Hint,
}

/// A grammar: reads the citation at a position of the text, pushes what it found and
/// returns where its text ends; pushes nothing when there is no citation there.
pub(crate) type Grammar = fn(&str, usize, &mut Vec<Piece>) -> Option<usize>;

/// Runs a grammar on its own (for tests): the end and the pieces.
#[cfg(test)]
fn run(grammar: Grammar, text: &str, at: usize) -> Option<(usize, Vec<Piece>)> {
    let mut out = Vec::new();
    grammar(text, at, &mut out).map(|end| (end, out))
}

/// How a piece finds its antecedent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Hint {
    /// A full citation.
    Full,
    /// A further pin of the full citation just before it (`& 1904, para. 86`).
    SamePin,
    /// A reporter short cite, possibly after a name (the candidate name's range).
    Short(Option<Range<usize>>),
    /// `Id.` with a page pin, with a section, or alone.
    Id(IdForm),
    /// `supra note N`, possibly after a name.
    Supra(Option<u32>, Option<Range<usize>>),
}

/// The shape of an `Id.`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IdForm {
    /// `Id.` alone.
    Bare,
    /// `Id. at 7630`.
    Pin,
    /// `Id. § 64.1200(n)(6)`.
    Section,
}

/// A problem met while resolving, for the notice's diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Issue {
    pub(crate) range: Range<usize>,
    pub(crate) kind: IssueKind,
    pub(crate) message: String,
}

/// What went wrong with a citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IssueKind {
    /// A Title 47 section or part the built-in tables do not know.
    UnknownSection,
    /// A paragraph path out of the code's level order.
    InvalidPath,
    /// A short form with nothing to refer to.
    Unresolved,
    /// More citations than `Limits::max_citations`: the text was not read past here.
    TooMany,
}

/// A citation and its range in the text scanned, by which the parts of a letter claim it.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub(crate) range: Range<usize>,
    pub(crate) citation: Citation,
}

/// The result of scanning a text: its citations in text order, and the problems met.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub(crate) found: Vec<Found>,
    pub(crate) issues: Vec<Issue>,
}

impl Scan {
    /// The citations alone.
    fn citations(self) -> impl Iterator<Item = Citation> {
        self.found.into_iter().map(|f| f.citation)
    }
}

/// The citations of `found`, in a vector of their own: each moved once (collecting in
/// place would move them, then copy the whole buffer again to shrink it).
pub(crate) fn into_citations(found: Vec<Found>) -> Vec<Citation> {
    let mut out = Vec::with_capacity(found.len());
    out.extend(found.into_iter().map(|f| f.citation));
    out
}

/// Finds and resolves every citation in `text`. `footnotes` (number, range) lets
/// `supra note N` find the first citation of footnote N; `span_of` gives the span of a range
/// of `text` in the caller's input (each citation's span is set once, from its final range).
/// `cells` (in order, apart) are read each as a unit of its own (a table's cells).
pub(crate) fn scan(
    text: &str,
    cells: &[Range<usize>],
    footnotes: &[(u32, Range<usize>)],
    span_of: &dyn Fn(Range<usize>) -> Span,
    max: usize,
) -> Scan {
    let (pieces, stopped) = tokenize::pieces(text, cells, max);
    let mut scan = resolve::resolve(text, pieces, footnotes, span_of);
    if let Some(at) = stopped {
        scan.issues.push(Issue {
            kind: IssueKind::TooMany,
            range: at..at,
            message: format!(
                "more than {max} citations: the rest of the text is not read for citations \
                 (Limits::max_citations)"
            ),
        });
    }
    scan
}

/// Why [`Citation::from_str`](std::str::FromStr::from_str) failed: the text is not exactly
/// one citation (none, several, or one with other words around it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseCitationError {
    span: Span,
}

impl ParseCitationError {
    /// The part of the text examined (surrounding whitespace left out).
    pub fn span(&self) -> Span {
        self.span
    }
}

impl std::fmt::Display for ParseCitationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not exactly one citation (at {})", self.span)
    }
}

impl std::error::Error for ParseCitationError {}

impl FromStr for Citation {
    type Err = ParseCitationError;

    /// Parses text that is exactly one citation (surrounding whitespace ignored).
    ///
    /// ```
    /// use fcc_notice::Citation;
    /// let c: Citation = "47 C.F.R. § 64.1200(k)(4)".parse()?;
    /// assert_eq!(c.to_string(), "47 CFR § 64.1200(k)(4)");
    /// assert_eq!(c.url(), Some("https://www.ecfr.gov/current/title-47/section-64.1200#p-64.1200(k)(4)"));
    /// assert_eq!(c.heading(), Some("Delivery restrictions."));
    /// assert!("47 calls".parse::<Citation>().is_err());
    /// # Ok::<(), fcc_notice::cite::ParseCitationError>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lead = s.len() - s.trim_start().len();
        let end = s.trim_end().len();
        let mut found = scan(s, &[], &[], &Span::from, usize::MAX).citations();
        match (found.next(), found.next()) {
            (Some(c), None) if c.span.start == lead && c.span.end == end => Ok(c),
            _ => Err(ParseCitationError {
                span: Span::new(lead, end.max(lead)),
            }),
        }
    }
}
