//! Telephone numbers in FCC Enforcement Bureau letters (email addresses: `email`).
//!
//! Contact lines read like "please contact Daniel Stepanicich at
//! (202) 418-7451 or Daniel.Stepanicich@fcc.gov", and the letters quote the
//! recipient's details as "f.saleem@urthaccess.com" or end a sentence with
//! "omar.luna@rsquaredtelecom.com." Phone numbers also appear as
//! "202-418-7451", "202.418.7451", "1-202-418-7451", "+1 (202) 418-7451" or
//! "+12024187451". Redacted exhibits show "XXX-XXX-XXXX" or "[REDACTED]",
//! which are not numbers.
//!
//! The grammars are written with `nom`; a `regex` only locates the places in
//! a longer text where a number or an address may start. Phone numbers must be
//! valid NANP numbers (area code and exchange start with 2–9) and are never
//! taken from inside a longer run of digits such as "EB-TCD-22-00034232",
//! "2025 WL 2622184" or "36 FCC Rcd 1859, 1903".

use crate::text::ws0;
use nom::branch::alt;
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{not, opt, recognize, verify};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};
use std::ops::Range;

/// A short run (one to three characters) of whitespace between number groups.
fn short_ws(i: &str) -> IResult<&str, &str> {
    take_while_m_n(1, 3, char::is_whitespace).parse(i)
}

/// A three-digit group (area code or exchange) starting with 2–9, as NANP requires.
fn nanp_group(i: &str) -> IResult<&str, &str> {
    verify(
        take_while_m_n(3, 3, |c: char| c.is_ascii_digit()),
        |g: &str| g.starts_with(['2', '3', '4', '5', '6', '7', '8', '9']),
    )
    .parse(i)
}

/// The four-digit line number, not followed by a further digit.
fn line_number(i: &str) -> IResult<&str, &str> {
    terminated(
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        not(satisfy(|c: char| c.is_ascii_digit())),
    )
    .parse(i)
}

/// A separator between number groups: `-` or `.` (optionally spaced), or whitespace.
fn separator(i: &str) -> IResult<&str, &str> {
    alt((recognize((ws0, one_of("-."), ws0)), short_ws)).parse(i)
}

/// The country code: `+1` or `1`, with an optional separator after it.
fn country_code(i: &str) -> IResult<&str, &str> {
    recognize((opt(char('+')), char('1'), opt(separator))).parse(i)
}

/// The area code: `202` or `(202)`; a parenthesised one may be followed directly by the exchange.
fn area_code(i: &str) -> IResult<&str, &str> {
    alt((
        terminated(
            delimited((char('('), ws0), nanp_group, (ws0, char(')'))),
            opt(separator),
        ),
        terminated(nanp_group, opt(separator)),
    ))
    .parse(i)
}

/// The ten national digits: area code, exchange and line number, as one string.
fn national(i: &str) -> IResult<&str, String> {
    let (i, area) = area_code(i)?;
    let (i, exchange) = terminated(nanp_group, opt(separator)).parse(i)?;
    let (i, line) = line_number(i)?;
    Ok((i, format!("{area}{exchange}{line}")))
}

/// A NANP phone number in any common written form, as E.164 (`+12024187451`).
fn phone(i: &str) -> IResult<&str, String> {
    let (i, digits) = alt((preceded(country_code, national), national)).parse(i)?;
    Ok((i, format!("+1{digits}")))
}

/// Normalises a NANP phone number written in any common form to E.164 (`+12024187451`); None if it is not a valid NANP number.
pub(crate) fn parse_phone(input: &str) -> Option<String> {
    let trimmed = input.trim();
    match phone(trimmed) {
        Ok(("", e164)) => Some(e164),
        _ => None,
    }
}

/// Whether the text after a match joins it to a longer token: a letter or
/// digit, or a `-`, `.` or `/` that is followed by a digit.
fn joined_after(after: &str) -> bool {
    let mut chars = after.chars();
    match chars.next() {
        Some(c) if c.is_alphanumeric() => true,
        Some('-' | '.' | '/') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// A phone number at the start of `text`, after any whitespace: its E.164 form and its byte
/// range (`None` when something else comes first).
pub(crate) fn phone_at_start(text: &str) -> Option<(String, Range<usize>)> {
    let start = text.len() - text.trim_start().len();
    let rest_in = text.get(start..)?;
    // Every number starts with a digit, `(` or `+`: most words are ruled out at once.
    let first = rest_in.bytes().next()?;
    if !(first.is_ascii_digit() || first == b'(' || first == b'+') {
        return None;
    }
    let (rest, e164) = phone(rest_in).ok()?;
    let end = start + (rest_in.len() - rest.len());
    (!joined_after(text.get(end..).unwrap_or(""))).then_some((e164, start..end))
}

/// Whether `text` may hold a phone number: ten or more digits in one run of digits and the
/// characters that may stand between a number's groups (white space, `-`, `.`, `(`, `)`,
/// `+`; any non-ASCII character counts as one). Never false where [`phone_at_start`] would
/// find a number; one pass over the bytes.
pub(crate) fn may_hold_phone(text: &str) -> bool {
    // Fewer than ten digits in all: told by one branch-free (vectorised) count.
    if text.bytes().filter(u8::is_ascii_digit).count() < 10 {
        return false;
    }
    let mut digits = 0;
    for &b in text.as_bytes() {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if digits >= 10 {
                    return true;
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'-' | b'.' | b'(' | b')' | b'+' => {}
            0x80.. => {}
            _ => digits = 0,
        }
    }
    false
}

/// Table-driven tests of the phone grammar and finder.
#[cfg(test)]
mod tests {
    use super::*;

    /// The E.164 form of the FCC contact number used throughout.
    const E164: &str = "+12024187451";

    /// The pre-check never rules out a number the finder reads, and rules out the numbers
    /// of citations and dates.
    #[test]
    fn may_hold_phone_table() {
        for text in [
            "at (202) 418-7451;",
            "+1 (202) 418-7451",
            "202.418.7451",
            "1-202-418-7451",
            "202\u{a0}418\u{a0}7451",
            "2024187451",
            "202 - 418 - 7451",
        ] {
            assert!(
                phone_at_start(text.trim_start_matches("at ")).is_some(),
                "{text}"
            );
            assert!(may_hold_phone(text), "{text}");
        }
        for text in [
            "47 CFR § 64.1200(k)(4); 35 FCC Rcd 7614, 7630",
            "within fourteen (14) days of this letter (April 27, 2021)",
            "3/20/2021",
        ] {
            assert!(!may_hold_phone(text), "{text}");
        }
    }

    /// Whole-input phone numbers, including negatives, redactions and truncated inputs.
    #[test]
    fn parse_phone_table() {
        let rows: &[(&str, Option<&str>)] = &[
            ("(202) 418-7451", Some(E164)),
            ("202-418-7451", Some(E164)),
            ("202.418.7451", Some(E164)),
            ("202 418 7451", Some(E164)),
            ("2024187451", Some(E164)),
            ("1-202-418-7451", Some(E164)),
            ("1 (202) 418-7451", Some(E164)),
            ("+1 202 418 7451", Some(E164)),
            ("+1 (202) 418-7451", Some(E164)),
            ("+1-202-418-7451", Some(E164)),
            ("+12024187451", Some(E164)),
            ("12024187451", Some(E164)),
            ("(202)418-7451", Some(E164)),
            ("(202)-418-7451", Some(E164)),
            ("( 202 ) 418-7451", Some(E164)),
            ("  (202)\u{a0}418-7451\n", Some(E164)),
            ("(800) 555-1212", Some("+18005551212")),
            // Not valid NANP numbers.
            ("(102) 418-7451", None),
            ("(202) 118-7451", None),
            ("002-418-7451", None),
            ("1-102-418-7451", None),
            ("+2 202 418 7451", None),
            ("+44 20 7946 0958", None),
            // Redactions and other non-numbers.
            ("", None),
            ("   ", None),
            ("XXX-XXX-XXXX", None),
            ("(XXX) XXX-XXXX", None),
            ("[REDACTED]", None),
            ("202-418-745X", None),
            ("202-418-74511", None),
            ("202-418-7451 ext. 5", None),
            ("Tel: 202-418-7451", None),
            ("2024-18-7451", None),
            ("20241874511", None),
            ("EB-TCD-22-00034232", None),
            ("2021-03-19", None),
            // Truncated.
            ("(202) 418-745", None),
            ("(202) 418-", None),
            ("(202) 418", None),
            ("(202", None),
            ("(", None),
            ("+1", None),
            ("+", None),
            ("202418745", None),
        ];
        for (input, expected) in rows {
            assert_eq!(parse_phone(input).as_deref(), *expected, "input {input:?}");
        }
    }

    /// Every prefix and suffix of a multi-byte text is handled without panicking.
    #[test]
    fn never_panics_on_any_prefix_or_suffix() {
        let text = "Tel:\u{a0}+1 (202) 418-7451 — f.saleem@urthaccess.com. ’§ XXX-XXX-XXXX";
        for (i, _) in text.char_indices() {
            for part in [&text[i..], &text[..i]] {
                let _ = parse_phone(part);
                let _ = phone_at_start(part);
            }
        }
    }
}
