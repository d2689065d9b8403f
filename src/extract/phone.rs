//! Telephone numbers and email addresses in FCC Enforcement Bureau letters.
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

use crate::text::regex;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1, take_while_m_n};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{not, opt, recognize, verify};
use nom::multi::many1;
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};
use std::ops::Range;

/// Whether `c` counts as whitespace: ASCII whitespace or U+00A0 (NBSP).
fn is_ws(c: char) -> bool {
    c.is_ascii_whitespace() || c == '\u{a0}'
}

/// Zero or more whitespace characters.
fn ws0(i: &str) -> IResult<&str, &str> {
    take_while(is_ws).parse(i)
}

/// A short run (one to three characters) of whitespace between number groups.
fn short_ws(i: &str) -> IResult<&str, &str> {
    take_while_m_n(1, 3, is_ws).parse(i)
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
    let trimmed = input.trim_matches(is_ws);
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
    let start = text.len() - text.trim_start_matches(is_ws).len();
    let rest_in = text.get(start..)?;
    let (rest, e164) = phone(rest_in).ok()?;
    let end = start + (rest_in.len() - rest.len());
    (!joined_after(text.get(end..).unwrap_or(""))).then_some((e164, start..end))
}

/// Whether `c` may appear in the local part (before `@`) of an address.
fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

/// Whether `c` may appear in a domain label.
fn is_label_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

/// The local part: local characters, not starting or ending with `.`.
fn local_part(i: &str) -> IResult<&str, &str> {
    verify(take_while1(is_local_char), |s: &str| {
        !s.starts_with('.') && !s.ends_with('.')
    })
    .parse(i)
}

/// One domain label: letters, digits and `-`, not starting or ending with `-`, at most 63 characters.
fn label(i: &str) -> IResult<&str, &str> {
    verify(take_while_m_n(1, 63, is_label_char), |s: &str| {
        !s.starts_with('-') && !s.ends_with('-')
    })
    .parse(i)
}

/// A domain of at least two labels whose last label (the TLD) is two or more letters.
///
/// A trailing `.` (end of sentence) is left unconsumed.
fn domain(i: &str) -> IResult<&str, &str> {
    verify(
        recognize((label, many1(preceded(tag("."), label)))),
        |s: &str| {
            s.rsplit('.')
                .next()
                .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
        },
    )
    .parse(i)
}

/// An email address, e.g. `Daniel.Stepanicich@fcc.gov`, not followed by more address characters.
fn email(i: &str) -> IResult<&str, &str> {
    terminated(
        recognize((local_part, char('@'), domain)),
        not(satisfy(|c: char| is_label_char(c) || c == '@' || c == '_')),
    )
    .parse(i)
}

/// Finds the first email address in `haystack`; returns it (borrowed) and its byte range. Trailing sentence punctuation (`.`, `,`, `;`, `)`) is not part of the address.
pub(crate) fn find_email(haystack: &str) -> Option<(&str, Range<usize>)> {
    // Places where an address may start: local characters, `@`, a domain character.
    let re = regex!(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9]");
    let mut pos = 0;
    while let Some(m) = re.find_at(haystack, pos) {
        // Leading dots (an ellipsis, say) cannot start an address.
        let start = m.start() + (m.as_str().len() - m.as_str().trim_start_matches('.').len());
        if let Some(rest_in) = haystack.get(start..) {
            if let Ok((_, address)) = email(rest_in) {
                return Some((address, start..start + address.len()));
            }
        }
        // Resume at the domain's first (ASCII) character, just after the `@`;
        // this is always past the candidate's start, so the loop progresses.
        pos = m.end().saturating_sub(1);
    }
    None
}

/// Every email address in `haystack`, in order.
pub(crate) fn find_emails(haystack: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut pos = 0;
    while let Some((address, range)) = haystack.get(pos..).and_then(find_email) {
        found.push(address);
        pos += range.end;
    }
    found
}

/// The addresses of a line that holds nothing but email addresses and separators
/// (`info@callwin.net support@callwin.net`, `a@b.co; c@d.co`), or `None`.
pub(crate) fn email_list(line: &str) -> Option<Vec<&str>> {
    let found = find_emails(line);
    let mut rest = line;
    for address in &found {
        let at = rest.find(address)?;
        let gap = rest.get(..at)?;
        if !gap
            .split(|c: char| is_ws(c) || matches!(c, ',' | ';' | '/'))
            .all(|w| w.is_empty() || w == "and" || w == "or")
        {
            return None;
        }
        rest = rest.get(at + address.len()..)?;
    }
    let tail_ok = rest
        .trim_matches(|c: char| is_ws(c) || matches!(c, ',' | ';'))
        .is_empty();
    (!found.is_empty() && tail_ok).then_some(found)
}

/// Table-driven tests of the phone and email grammars and finders.
#[cfg(test)]
mod tests {
    use super::*;

    /// A `find_*` row: input and the expected match with its byte range.
    type FindRow = (&'static str, Option<(&'static str, Range<usize>)>);

    /// The E.164 form of the FCC contact number used throughout.
    const E164: &str = "+12024187451";

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

    /// The first email address in running text, with its byte range.
    #[test]
    fn find_email_table() {
        let rows: &[FindRow] = &[
            (
                "contact Daniel.Stepanicich@fcc.gov or",
                Some(("Daniel.Stepanicich@fcc.gov", 8..34)),
            ),
            (
                "f.saleem@urthaccess.com",
                Some(("f.saleem@urthaccess.com", 0..23)),
            ),
            (
                "to omar.luna@rsquaredtelecom.com.",
                Some(("omar.luna@rsquaredtelecom.com", 3..32)),
            ),
            (
                "info@callwin.net support@callwin.net",
                Some(("info@callwin.net", 0..16)),
            ),
            ("(a@b.co), x", Some(("a@b.co", 1..7))),
            ("a@b.co; x", Some(("a@b.co", 0..6))),
            ("’…x@y.org’", Some(("x@y.org", 6..13))),
            ("...x@y.org", Some(("x@y.org", 3..10))),
            (
                "\u{a0}x_y+z@mail.example-host.com\u{a0}",
                Some(("x_y+z@mail.example-host.com", 2..29)),
            ),
            (
                "bad@localhost then good@fcc.gov",
                Some(("good@fcc.gov", 19..31)),
            ),
            ("no address here", None),
            ("@fcc.gov", None),
            ("user@", None),
            ("user@fcc", None),
            ("user@fcc.", None),
            ("user@fcc.g", None),
            ("user@-fcc.gov", None),
            ("user@fcc.gov2", None),
            ("[REDACTED]@fcc.gov", None),
            ("", None),
        ];
        for (input, expected) in rows {
            assert_eq!(find_email(input), *expected, "input {input:?}");
        }
    }

    /// Lines that hold only email addresses.
    #[test]
    fn email_list_table() {
        let rows: &[(&str, Option<&[&str]>)] = &[
            (
                "Daniel.Stepanicich@fcc.gov",
                Some(&["Daniel.Stepanicich@fcc.gov"]),
            ),
            (
                "  f.saleem@urthaccess.com\n",
                Some(&["f.saleem@urthaccess.com"]),
            ),
            ("\u{a0}info@callwin.net\u{a0}", Some(&["info@callwin.net"])),
            (
                "info@callwin.net support@callwin.net",
                Some(&["info@callwin.net", "support@callwin.net"]),
            ),
            (
                "info@callwin.net; support@callwin.net,",
                Some(&["info@callwin.net", "support@callwin.net"]),
            ),
            (
                "info@callwin.net and support@callwin.net",
                Some(&["info@callwin.net", "support@callwin.net"]),
            ),
            ("omar.luna@rsquaredtelecom.com.", None),
            ("write to info@callwin.net", None),
            (".info@callwin.net", None),
            ("info.@callwin.net", None),
            ("info@@callwin.net", None),
            ("info@callwin", None),
            ("info@callwin.", None),
            ("info@", None),
            ("@callwin.net", None),
            ("info", None),
            ("", None),
            ("[REDACTED]", None),
        ];
        for (input, expected) in rows {
            assert_eq!(email_list(input).as_deref(), *expected, "input {input:?}");
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
                let _ = find_email(part);
                let _ = email_list(part);
            }
        }
    }
}
