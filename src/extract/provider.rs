//! The provider a letter is about and the short name it defines for it.
//!
//! ```text
//! We have determined that R Squared Telecom LLC (R Squared) is apparently transmitting …
//! … apparently finds that One Eye LLC (One Eye or Company) has not complied …
//! We have determined that Urth Access LLC (“Urth Access”) is apparently originating …
//! ```
//!
//! Public notices list the providers instead (`(the Originating Providers): • Call Pipe`).

use crate::model::Provider;
use crate::text::{regex, squash};
use nom::bytes::complete::{tag, take_till1, take_while1};
use nom::character::complete::{char, multispace0};
use nom::combinator::{opt, verify};
use nom::sequence::delimited;
use nom::{IResult, Parser};
use std::ops::Range;

/// Quotation marks that may wrap a short name.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’')
}

/// `R Squared Telecom LLC (R Squared)`: the name and the parenthesised short name, quotes and
/// a second alias (`or Company`) dropped.
fn definition(input: &str) -> IResult<&str, (&str, &str)> {
    let (input, name) = verify(take_till1(|c| c == '(' || c == '\n'), |n: &str| {
        n.len() <= 120 && n.trim().starts_with(|c: char| c.is_uppercase())
    })
    .parse(input)?;
    let (input, short) = delimited(
        (char('('), opt(take_while1(is_quote))),
        take_till1(|c: char| c == ')' || is_quote(c) || c == '\n'),
        (opt(take_while1(is_quote)), char(')')),
    )
    .parse(input)?;
    let (input, _) = (multispace0, opt(tag("is"))).parse(input)?;
    Ok((input, (name, short)))
}

/// Finds the provider's definition in a body paragraph; returns it and its byte range.
pub(crate) fn defined(text: &str) -> Option<(Provider, Range<usize>)> {
    let cues = regex!(r"(?i-u)\b(?:determined|finds?|found|believes?|concluded)\s+that\s+");
    cues.find_iter(text).find_map(|m| {
        let rest = text.get(m.end()..)?;
        let (after, (name, short)) = definition(rest).ok()?;
        let short = short.split(" or ").next().unwrap_or(short).trim();
        if short.is_empty() || short.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        let provider = Provider {
            name: squash(name),
            short_name: Some(squash(short)),
        };
        let end = text.len() - after.len();
        Some((provider, m.end()..end))
    })
}

/// The first provider of a bulleted list (`• Call Pipe`), for notices that list providers.
pub(crate) fn listed(text: &str) -> Option<(Provider, Range<usize>)> {
    let m =
        regex!(r"[•·▪]\s*([A-Z][^•·▪\n]*?)(?:\s+[0-9]+\s|\s*[•·▪\n;]|\.\s|$)").captures(text)?;
    let name = m.get(1)?;
    let provider = Provider {
        name: squash(name.as_str()),
        short_name: None,
    };
    Some((provider, name.range()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "We have determined that R Squared Telecom LLC (R Squared) is apparently",
                Some(("R Squared Telecom LLC", "R Squared")),
            ),
            (
                "We have determined that Urth Access LLC (“Urth Access”) is apparently",
                Some(("Urth Access LLC", "Urth Access")),
            ),
            (
                "apparently finds that One Eye LLC (One Eye or Company) has not",
                Some(("One Eye LLC", "One Eye")),
            ),
            (
                "determined that PTGi International Carrier Services, Inc. (PTGi) is",
                Some(("PTGi International Carrier Services, Inc.", "PTGi")),
            ),
            (
                "We have determined that the traffic (collectively, the Calls) is",
                None,
            ),
            (
                "We have determined that R Squared Telecom LLC is apparently",
                None,
            ),
            ("determined that X (", None),
            ("", None),
        ];
        for (text, want) in cases {
            let got = defined(text).map(|(p, _)| (p.name, p.short_name.unwrap_or_default()));
            assert_eq!(
                got.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
                *want,
                "{text}"
            );
        }
    }

    #[test]
    fn lists() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "(the Originating Providers): • Call Pipe 1 The Cox/Jones",
                Some("Call Pipe"),
            ),
            (
                "providers: · Urth Access, LLC · One Owl",
                Some("Urth Access, LLC"),
            ),
            ("no bullets here", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                listed(text).map(|(p, _)| p.name).as_deref(),
                *want,
                "{text}"
            );
        }
    }
}
