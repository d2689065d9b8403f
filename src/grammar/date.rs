//! Dates as FCC Enforcement Bureau letters write them.
//!
//! The letters date themselves and their deadlines in prose, e.g.
//! "April 13, 2021", "APRIL 13, 2021" (all-caps letterheads),
//! "Mar. 19, 2021" / "Sept. 2, 2021" (abbreviated months in footnote
//! citations), "June 1, 2021", "March 19,2021" (comma without a space) and
//! "March 19 2021" (no comma). Tables and call-detail exhibits use numeric
//! forms: "3/19/2021", "03/19/21" and "2021-03-19".
//!
//! The grammar is written with `nom`; a `regex` only locates the places in a
//! longer text where a date may start. Everything that merely looks numeric —
//! "47 CFR § 64.1200", "(202) 418-7451", "7628-29", "22-174",
//! "EB-TCD-22-00034232" — and a bare "May" or "March 2021" is not a date.

use crate::text::{ws0, ws1};
use chrono::NaiveDate;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{char, satisfy};
use nom::combinator::{map_res, not, opt};
use nom::sequence::terminated;
use nom::{IResult, Parser};
use std::ops::Range;

/// Full month names; matched case-insensitively and never followed by a dot.
const FULL_MONTHS: [(&str, u32); 12] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

/// Abbreviated month names (longest first where one is a prefix of another);
/// matched case-insensitively, optionally followed by a dot.
const SHORT_MONTHS: [(&str, u32); 13] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Earliest year accepted.
const MIN_YEAR: i32 = 1900;

/// Latest year accepted.
const MAX_YEAR: i32 = 2199;

/// Between `min` and `max` ASCII digits, not followed by a further digit, as a number.
fn number(min: usize, max: usize) -> impl Fn(&str) -> IResult<&str, u32> {
    move |i: &str| {
        map_res(
            terminated(
                take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
                not(satisfy(|c: char| c.is_ascii_digit())),
            ),
            str::parse::<u32>,
        )
        .parse(i)
    }
}

/// The month whose name in `names` is `word`, ignoring case.
fn month_named(word: &str, names: &[(&str, u32)]) -> Option<u32> {
    names
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, month)| month)
}

/// A month name followed by the whitespace that separates it from the day.
///
/// A full name (`April`, `APRIL`, `june`) or a bare abbreviation (`Mar`, `Sept`) must be
/// followed by whitespace; a dotted abbreviation (`Mar.`) may run straight into the day. The
/// word is read once and looked up in both lists.
fn month_then_space(i: &str) -> IResult<&str, u32> {
    let (rest, word) = take_while1(|c: char| c.is_ascii_alphabetic()).parse(i)?;
    if let Some(month) = month_named(word, &FULL_MONTHS) {
        if let Ok((rest, _)) = ws1(rest) {
            return Ok((rest, month));
        }
    }
    if let Some(month) = month_named(word, &SHORT_MONTHS) {
        if let Ok((rest, _)) = alt(((char('.'), ws0).map(|_| ""), ws1)).parse(rest) {
            return Ok((rest, month));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Tag,
    )))
}

/// `April 13, 2021`, `Mar. 19, 2021`, `March 19,2021`, `March 19 2021` as (year, month, day).
fn named_date(i: &str) -> IResult<&str, (i32, u32, u32)> {
    let (i, month) = month_then_space(i)?;
    let (i, day) = number(1, 2)(i)?;
    let (i, comma) = opt((ws0, char(','))).parse(i)?;
    let (i, _) = if comma.is_some() { ws0(i)? } else { ws1(i)? };
    let (i, year) = number(4, 4)(i)?;
    Ok((i, (i32::try_from(year).unwrap_or(i32::MAX), month, day)))
}

/// `2021-03-19` as (year, month, day).
fn iso_date(i: &str) -> IResult<&str, (i32, u32, u32)> {
    let (i, year) = number(4, 4)(i)?;
    let (i, _) = tag("-").parse(i)?;
    let (i, month) = number(2, 2)(i)?;
    let (i, _) = tag("-").parse(i)?;
    let (i, day) = number(2, 2)(i)?;
    Ok((i, (i32::try_from(year).unwrap_or(i32::MAX), month, day)))
}

/// `3/19/2021` or `03/19/21` (two-digit years are 20yy) as (year, month, day).
fn slash_date(i: &str) -> IResult<&str, (i32, u32, u32)> {
    let (i, month) = number(1, 2)(i)?;
    let (i, _) = tag("/").parse(i)?;
    let (i, day) = number(1, 2)(i)?;
    let (i, _) = tag("/").parse(i)?;
    let (i, year) = alt((number(4, 4), |i| {
        number(2, 2)(i).map(|(rest, yy)| (rest, 2000 + yy))
    }))
    .parse(i)?;
    Ok((i, (i32::try_from(year).unwrap_or(i32::MAX), month, day)))
}

/// Any accepted date form, validated against the calendar and the year range.
fn date(i: &str) -> IResult<&str, NaiveDate> {
    // Every date starts with a digit or a month's initial: most words are ruled out at once.
    let starts = i
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b"JFMASONDjfmasond".contains(&b));
    if !starts {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )));
    }
    let (rest, (year, month, day)) = alt((named_date, iso_date, slash_date)).parse(i)?;
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) if (MIN_YEAR..=MAX_YEAR).contains(&year) => Ok((rest, d)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// Parses a date at the very start of `input`; returns the date and the number of bytes consumed.
pub(crate) fn parse_date_prefix(input: &str) -> Option<(NaiveDate, usize)> {
    let (rest, d) = date(input).ok()?;
    Some((d, input.len().saturating_sub(rest.len())))
}

/// The month and day that start a named date wrapped before its year (`September 19,` with
/// `2026` on the next line of a table cell): their length in bytes, when what follows is
/// whitespace or nothing.
pub(crate) fn date_head_len(input: &str) -> Option<usize> {
    let (rest, (_, day, _, _)) = (month_then_space, number(1, 2), ws0, char(','))
        .parse(input)
        .ok()?;
    let ends = rest.chars().next().is_none_or(char::is_whitespace);
    (ends && (1..=31).contains(&day)).then(|| input.len() - rest.len())
}

/// Parses `input` (surrounding whitespace ignored) when it is exactly one date, e.g. a table cell.
pub(crate) fn parse_date(input: &str) -> Option<NaiveDate> {
    let trimmed = input.trim();
    match parse_date_prefix(trimmed)? {
        (d, used) if used == trimmed.len() => Some(d),
        _ => None,
    }
}

/// Finds the first date anywhere in `haystack` (starting at a word boundary, not followed by a
/// letter or digit); returns it with its byte range.
pub(crate) fn find_date(haystack: &str) -> Option<(NaiveDate, Range<usize>)> {
    const MONTHS: [&[u8; 3]; 12] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
        b"dec",
    ];
    let bytes = haystack.as_bytes();
    // Places where a date may start: a digit or a month's first three letters, at a word
    // boundary (a cheap byte scan; the grammar then decides).
    (0..bytes.len())
        .filter(|&i| {
            let boundary = i == 0 || bytes.get(i - 1).is_some_and(|b| !b.is_ascii_alphanumeric());
            let month = |b: &[u8]| MONTHS.iter().any(|m| b.eq_ignore_ascii_case(*m));
            boundary
                && match bytes.get(i) {
                    Some(b) if b.is_ascii_digit() => true,
                    Some(b) if b.is_ascii_alphabetic() => bytes.get(i..i + 3).is_some_and(month),
                    _ => false,
                }
        })
        .find_map(|start| {
            let (d, used) = haystack.get(start..).and_then(parse_date_prefix)?;
            let end = start + used;
            let next = haystack.get(end..).and_then(|s| s.chars().next());
            (!next.is_some_and(char::is_alphanumeric)).then_some((d, start..end))
        })
}

/// Table-driven tests of the date grammar and finders.
#[cfg(test)]
mod tests {
    use super::*;

    /// A `find_date` row: input and the expected date with its byte range.
    type FindRow = (&'static str, Option<(NaiveDate, Range<usize>)>);

    /// Shorthand for a calendar date (None when invalid).
    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// Whole-input dates, including negatives and truncated inputs.
    #[test]
    fn parse_date_table() {
        let rows: &[(&str, Option<NaiveDate>)] = &[
            ("April 13, 2021", ymd(2021, 4, 13)),
            ("APRIL 13, 2021", ymd(2021, 4, 13)),
            ("april 13, 2021", ymd(2021, 4, 13)),
            ("Mar. 19, 2021", ymd(2021, 3, 19)),
            ("Mar 19, 2021", ymd(2021, 3, 19)),
            ("Mar.19, 2021", ymd(2021, 3, 19)),
            ("Sept. 2, 2021", ymd(2021, 9, 2)),
            ("Sep. 2, 2021", ymd(2021, 9, 2)),
            ("Sept 2, 2021", ymd(2021, 9, 2)),
            ("September 2, 2021", ymd(2021, 9, 2)),
            ("June 1, 2021", ymd(2021, 6, 1)),
            ("May 20, 2020", ymd(2020, 5, 20)),
            ("May. 20, 2020", ymd(2020, 5, 20)),
            ("March 19,2021", ymd(2021, 3, 19)),
            ("March 19 2021", ymd(2021, 3, 19)),
            ("March 19 , 2021", ymd(2021, 3, 19)),
            ("March\u{a0}19,\u{a0}2021", ymd(2021, 3, 19)),
            ("  March 19, 2021 \n", ymd(2021, 3, 19)),
            ("\u{a0}3/19/2021\u{a0}", ymd(2021, 3, 19)),
            ("3/19/2021", ymd(2021, 3, 19)),
            ("03/19/2021", ymd(2021, 3, 19)),
            ("03/19/21", ymd(2021, 3, 19)),
            ("2021-03-19", ymd(2021, 3, 19)),
            ("December 31, 1900", ymd(1900, 12, 31)),
            ("January 1, 2199", ymd(2199, 1, 1)),
            // Negatives.
            ("", None),
            ("   ", None),
            ("June. 1, 2021", None),
            ("Feb. 30, 2021", None),
            ("February 29, 2021", None),
            ("13/45/2021", None),
            ("2021-13-01", None),
            ("0/1/2021", None),
            ("March 0, 2021", None),
            ("December 31, 1899", None),
            ("January 1, 2200", None),
            ("March 2021", None),
            ("May we", None),
            ("May", None),
            ("Marc 19, 2021", None),
            ("47 CFR § 64.1200", None),
            ("(202) 418-7451", None),
            ("7628-29", None),
            ("22-174", None),
            ("EB-TCD-22-00034232", None),
            ("March 19, 20211", None),
            ("March 123, 2021", None),
            ("3/19/202", None),
            ("3/19/2021 x", None),
            ("2021-3-19", None),
            // Truncated.
            ("April 13, 202", None),
            ("April 13, 20", None),
            ("April 13,", None),
            ("April 13", None),
            ("April ", None),
            ("Apr", None),
            ("3/19/", None),
            ("3/19", None),
            ("3/", None),
            ("2021-03-", None),
            ("2021-03", None),
            ("2021-", None),
        ];
        for (input, expected) in rows {
            assert_eq!(parse_date(input), *expected, "input {input:?}");
        }
    }

    /// Dates at the start of a longer text, with bytes consumed.
    #[test]
    fn parse_date_prefix_table() {
        let rows: &[(&str, Option<(NaiveDate, usize)>)] = &[
            (
                "April 13, 2021, the Bureau",
                Some((ymd(2021, 4, 13).unwrap(), 14)),
            ),
            ("3/19/2021 call", Some((ymd(2021, 3, 19).unwrap(), 9))),
            ("2021-03-19T10:00", Some((ymd(2021, 3, 19).unwrap(), 10))),
            (
                "March\u{a0}19,\u{a0}2021.",
                Some((ymd(2021, 3, 19).unwrap(), 16)),
            ),
            (" April 13, 2021", None),
            ("on April 13, 2021", None),
            ("§ 64", None),
            ("’", None),
        ];
        for (input, expected) in rows {
            assert_eq!(parse_date_prefix(input), *expected, "input {input:?}");
        }
    }

    /// The first date in running text, with its byte range.
    #[test]
    fn find_date_table() {
        let rows: &[FindRow] = &[
            (
                "Dated: April 13, 2021.",
                Some((ymd(2021, 4, 13).unwrap(), 7..21)),
            ),
            (
                "May we remind you that on May 20, 2020 you",
                Some((ymd(2020, 5, 20).unwrap(), 26..38)),
            ),
            (
                "See 47 CFR § 64.1200; call (202) 418-7451 by Mar. 19, 2021",
                Some((ymd(2021, 3, 19).unwrap(), 46..59)),
            ),
            (
                "Company’s call on\u{a0}3/19/2021\u{a0}at",
                Some((ymd(2021, 3, 19).unwrap(), 21..30)),
            ),
            ("EB-TCD-22-00034232 and 7628-29, 22-174", None),
            ("In March 2021 the Commission", None),
            ("Mayday 13, 2021", None),
            ("x3/19/2021", None),
            ("3/19/2021x", None),
            ("13/19/2021", None),
            (
                "123/19/2021 then 2021-03-19",
                Some((ymd(2021, 3, 19).unwrap(), 17..27)),
            ),
            ("Feb. 30, 2021", None),
            ("", None),
            ("’§\u{a0}", None),
            ("April 13,", None),
        ];
        for (input, expected) in rows {
            assert_eq!(find_date(input), *expected, "input {input:?}");
            if let Some((_, range)) = expected {
                assert!(input.get(range.clone()).is_some(), "range {range:?}");
            }
        }
    }

    /// Every prefix and suffix of a multi-byte text is handled without panicking.
    #[test]
    fn never_panics_on_any_prefix_or_suffix() {
        let text = "Dated: April 13, 2021 — § 64.1200 ’ (202)\u{a0}418-7451 3/19/21 Sept.";
        for (i, _) in text.char_indices() {
            let tail = &text[i..];
            let _ = parse_date(tail);
            let _ = parse_date_prefix(tail);
            let _ = find_date(tail);
            let head = &text[..i];
            let _ = find_date(head);
            let _ = parse_date(head);
        }
    }
}
