//! Dockets, Enforcement Bureau file numbers and FCC document numbers.
//!
//! ```text
//! docket   = [bureau WS] "Docket" WS ("No." | "Nos.") WS nn "-" n     CG Docket No. 17-59
//! file     = "File" WS ("No." | "Nos.") WS ["at" WS] file-no          File No. EB-TCD-22-00034232
//! file-no  = "EB" ["-" LETTERS] "-" nn "-" digits
//! document = ("DA" | "FCC") WS nn "-" n                              DA 22-1271, FCC 20-34
//! ```

use super::{Hint, Piece};
use crate::model::{Citation, CitationKind};
use crate::text::ws1;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::char;
use nom::combinator::{opt, recognize};
use nom::sequence::preceded;
use nom::{IResult, Parser};
use std::borrow::Cow;

type Res<'a, T> = IResult<&'a str, T>;

fn digits<'a>(min: usize, max: usize) -> impl FnMut(&'a str) -> Res<'a, &'a str> {
    take_while_m_n(min, max, |c: char| c.is_ascii_digit())
}

/// `17-59`, `22-1271`: two digits, a dash, one to five digits, ending the token.
fn year_number(input: &str) -> Res<'_, &str> {
    let (rest, n) = recognize((digits(2, 2), char('-'), digits(1, 5))).parse(input)?;
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-') {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, n))
}

/// `EB-TCD-22-00034232`.
fn file_number(input: &str) -> Res<'_, &str> {
    let (rest, n) = recognize((
        tag("EB"),
        opt(preceded(
            char('-'),
            take_while_m_n(2, 6, |c: char| c.is_ascii_uppercase()),
        )),
        char('-'),
        digits(2, 2),
        char('-'),
        digits(4, 12),
    ))
    .parse(input)?;
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, n))
}

fn piece(
    text: &str,
    start: usize,
    rest: &str,
    kind: CitationKind,
    series: Cow<'static, str>,
    number: &str,
    out: &mut Vec<Piece>,
) -> Option<usize> {
    let range = start..text.len() - rest.len();
    let mut c = Citation::new(kind, text.get(range.clone())?);
    c.series = Some(series);
    c.number = Some(number.to_owned());
    out.push(Piece {
        range: range.clone(),
        citation: c,
        hint: Hint::Full,
    });
    Some(range.end)
}

/// `CG Docket No. 17-59` from `Docket` at `at` (the bureau is read backwards).
pub(super) fn docket(text: &str, at: usize, out: &mut Vec<Piece>) -> Option<usize> {
    let before = text.get(..at)?;
    let trimmed = before.trim_end_matches(char::is_whitespace);
    let letters = trimmed.len()
        - trimmed
            .trim_end_matches(|c: char| c.is_ascii_uppercase())
            .len();
    let bureau_start = trimmed.len() - letters;
    let alone = !trimmed
        .get(..bureau_start)
        .and_then(|s| s.chars().next_back())
        .is_some_and(char::is_alphanumeric);
    let bureau = (trimmed.len() < before.len() && (2..=3).contains(&letters) && alone)
        .then(|| trimmed.get(bureau_start..))
        .flatten();
    let input = text.get(at..)?;
    let (rest, number) = preceded(
        (tag("Docket"), ws1, alt((tag("Nos."), tag("No."))), ws1),
        year_number,
    )
    .parse(input)
    .ok()?;
    let (start, series) = match bureau {
        Some(b) => (bureau_start, Cow::Owned(format!("{b} Docket"))),
        None => (at, Cow::Borrowed("Docket")),
    };
    piece(text, start, rest, CitationKind::Docket, series, number, out)
}

/// `File No. EB-TCD-22-00034232` (also `File No. at EB-…`, a typo seen in a real copy).
pub(super) fn file(text: &str, at: usize, out: &mut Vec<Piece>) -> Option<usize> {
    let input = text.get(at..)?;
    let (rest, number) = preceded(
        (
            tag("File"),
            ws1,
            alt((tag("Nos."), tag("No."))),
            ws1,
            opt((tag("at"), ws1)),
        ),
        file_number,
    )
    .parse(input)
    .ok()?;
    piece(
        text,
        at,
        rest,
        CitationKind::FileNumber,
        Cow::Borrowed("File"),
        number,
        out,
    )
}

/// A file number standing alone: `EB-TCD-20-00031678`.
pub(super) fn bare_file(text: &str, at: usize, out: &mut Vec<Piece>) -> Option<usize> {
    let (rest, number) = file_number(text.get(at..)?).ok()?;
    piece(
        text,
        at,
        rest,
        CitationKind::FileNumber,
        Cow::Borrowed("File"),
        number,
        out,
    )
}

/// `DA 22-1271`, `FCC 20-34`.
pub(super) fn document(text: &str, at: usize, out: &mut Vec<Piece>) -> Option<usize> {
    let series = alt((tag("DA").map(|_| "DA"), tag("FCC").map(|_| "FCC")));
    let (rest, (series, _, number)) = (series, ws1, year_number).parse(text.get(at..)?).ok()?;
    piece(
        text,
        at,
        rest,
        CitationKind::FccDocument,
        Cow::Borrowed(series),
        number,
        out,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        type Finder = super::super::Grammar;
        type Want<'a> = Option<(&'a str, &'a str, &'a str)>;
        let cases: &[(Finder, &str, usize, Want)] = &[
            (
                docket,
                "CG Docket No. 17-59,",
                3,
                Some(("CG Docket No. 17-59", "CG Docket", "17-59")),
            ),
            (
                docket,
                "WC Docket No. 17-97",
                3,
                Some(("WC Docket No. 17-97", "WC Docket", "17-97")),
            ),
            (
                docket,
                "EB Docket No. 22-174 INITIAL",
                3,
                Some(("EB Docket No. 22-174", "EB Docket", "22-174")),
            ),
            (
                docket,
                "Docket No. 22-174",
                0,
                Some(("Docket No. 22-174", "Docket", "22-174")),
            ),
            (docket, "the Docket is open", 4, None),
            (docket, "CG Docket No. 17-59a", 3, None),
            (
                file,
                "File No. EB-TCD-22-00034232.",
                0,
                Some(("File No. EB-TCD-22-00034232", "File", "EB-TCD-22-00034232")),
            ),
            (
                file,
                "File No. at EB-TCD-24-00037229",
                0,
                Some((
                    "File No. at EB-TCD-24-00037229",
                    "File",
                    "EB-TCD-24-00037229",
                )),
            ),
            (file, "File No. 12", 0, None),
            (
                bare_file,
                "EB-TCD-20-00031678 EB Docket",
                0,
                Some(("EB-TCD-20-00031678", "File", "EB-TCD-20-00031678")),
            ),
            (bare_file, "EB-TCD-2", 0, None),
            (
                document,
                "DA 22-1271.",
                0,
                Some(("DA 22-1271", "DA", "22-1271")),
            ),
            (
                document,
                "FCC 20-34,",
                0,
                Some(("FCC 20-34", "FCC", "20-34")),
            ),
            (document, "DA 2", 0, None),
            (document, "FCC 2020-34", 0, None),
        ];
        for (find, text, at, want) in cases {
            let got = super::super::run(*find, text, *at).map(|(end, p)| {
                let c = &p[0].citation;
                (
                    &text[p[0].range.start..end],
                    c.series.as_deref().unwrap_or("").to_owned(),
                    c.number.clone().unwrap_or_default(),
                )
            });
            let got = got.as_ref().map(|(a, b, c)| (*a, b.as_str(), c.as_str()));
            assert_eq!(got, *want, "{text}");
        }
    }
}
