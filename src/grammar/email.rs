//! Email addresses in FCC Enforcement Bureau letters: `Daniel.Stepanicich@fcc.gov` in a
//! contact sentence, `omar.luna@rsquaredtelecom.com.` ending one (the period is not the
//! address's), lists of addresses on a line of their own. A `regex` locates where an address
//! may start; the grammar is written with `nom`.

use crate::text::regex;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{char, satisfy};
use nom::combinator::{not, recognize, verify};
use nom::multi::many1;
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};
use std::ops::Range;

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
    // Most text has no `@` at all: one vectorised scan says so.
    memchr::memchr(b'@', haystack.as_bytes())?;
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
    if found.is_empty() {
        return None;
    }
    let mut rest = line;
    for address in &found {
        let at = rest.find(address)?;
        let gap = rest.get(..at)?;
        if !gap
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/'))
            .all(|w| w.is_empty() || w == "and" || w == "or")
        {
            return None;
        }
        rest = rest.get(at + address.len()..)?;
    }
    let tail_ok = rest
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';'))
        .is_empty();
    (!found.is_empty() && tail_ok).then_some(found)
}

/// Table-driven tests of the email grammar and finders.
#[cfg(test)]
mod tests {
    use super::*;

    /// A `find_*` row: input and the expected match with its byte range.
    type FindRow = (&'static str, Option<(&'static str, Range<usize>)>);

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
                let _ = find_email(part);
                let _ = email_list(part);
            }
        }
    }
}
