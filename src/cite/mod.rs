//! Legal citations in any text: a cheap scan finds candidates, then a nom grammar reads each.
//!
//! This version reads the statute and rule forms: `47 U.S.C. § 227(b)`, `47 CFR § 64.1200(k)(4)`,
//! `47 C.F.R. § 1.17`, `47 CFR 64.1200`.

mod statute;

use crate::model::Citation;
use crate::span::Span;
use std::ops::Range;

/// Every citation in `text`, in reading order, with spans that index `text`.
///
/// ```
/// let found = fcc_notice::cite::extract("See 47 CFR § 64.1200(k)(4) and 47 U.S.C. § 227(b).");
/// let canonical: Vec<String> = found.iter().map(|c| c.to_string()).collect();
/// assert_eq!(canonical, ["47 CFR § 64.1200(k)(4)", "47 U.S.C. § 227(b)"]);
/// assert_eq!(found[0].paragraphs, ["k", "4"]);
/// ```
pub fn extract(text: &str) -> Vec<Citation> {
    find(text).map(|(_, c)| c).collect()
}

/// Citations in `text` with their ranges in it (the citation's span is that range too).
pub(crate) fn find(text: &str) -> impl Iterator<Item = (Range<usize>, Citation)> + '_ {
    statute::candidates(text).filter_map(move |start| {
        let rest = text.get(start..)?;
        let (len, parts) = statute::parse(rest)?;
        let range = start..start + len;
        let citation = Citation {
            kind: parts.kind,
            text: text.get(range.clone())?.to_owned(),
            span: Span::from(range.clone()),
            canonical: parts.canonical(),
            title: parts.title,
            section: parts.section.to_owned(),
            paragraphs: parts.paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        };
        Some((range, citation))
    })
}
