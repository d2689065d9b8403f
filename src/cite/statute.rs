//! `47 U.S.C. § 227(b)` and `47 CFR § 64.1200(k)(4)`: title, code, section, paragraph path.
//!
//! ```text
//! citation  = title WS code [WS] ["§" | "§§"] [WS] section { "(" para ")" }
//! code      = "U.S.C." | "USC" | "C.F.R." | "CFR"
//! section   = digits [letter] ["." digits [letter]]
//! ```

use crate::model::CitationKind;
use crate::text::regex;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{char, digit1};
use nom::combinator::{map_opt, opt, recognize};
use nom::multi::many0;
use nom::sequence::delimited;
use nom::{IResult, Parser};

/// The pieces of a statute or rule citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Parts<'a> {
    pub(super) kind: CitationKind,
    pub(super) title: u32,
    pub(super) section: &'a str,
    pub(super) paragraphs: Vec<&'a str>,
}

impl Parts<'_> {
    /// `47 U.S.C. § 227(b)`, `47 CFR § 64.1200(k)(4)`.
    pub(super) fn canonical(&self) -> String {
        let code = match self.kind {
            CitationKind::Usc => "U.S.C.",
            CitationKind::Cfr => "CFR",
        };
        let mut s = format!("{} {code} § {}", self.title, self.section);
        for p in &self.paragraphs {
            s.push('(');
            s.push_str(p);
            s.push(')');
        }
        s
    }
}

/// Offsets in `text` where a citation may start: a title number before a code name.
pub(super) fn candidates(text: &str) -> impl Iterator<Item = usize> + '_ {
    regex!(r"(?-u:\b)\d{1,2}[ \u{a0}]+(?:U\.[ \u{a0}]?S\.[ \u{a0}]?C\.|USC|C\.[ \u{a0}]?F\.[ \u{a0}]?R\.|CFR)")
        .find_iter(text)
        .map(|m| m.start())
}

fn ws(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c == ' ' || c == '\u{a0}')(input)
}

fn code(input: &str) -> IResult<&str, CitationKind> {
    alt((
        alt((
            recognize((tag("U."), opt(ws), tag("S."), opt(ws), tag("C."))),
            tag("USC"),
        ))
        .map(|_| CitationKind::Usc),
        alt((
            recognize((tag("C."), opt(ws), tag("F."), opt(ws), tag("R."))),
            tag("CFR"),
        ))
        .map(|_| CitationKind::Cfr),
    ))
    .parse(input)
}

/// `227`, `227b`, `64.1200`, `1.17`.
fn section(input: &str) -> IResult<&str, &str> {
    let lower = |c: char| c.is_ascii_lowercase();
    recognize((
        digit1,
        opt(take_while_m_n(1, 1, lower)),
        opt((char('.'), digit1, opt(take_while_m_n(1, 1, lower)))),
    ))
    .parse(input)
}

/// `(k)`, `(4)`, `(iii)`, `(A)`.
fn paragraph(input: &str) -> IResult<&str, &str> {
    delimited(
        char('('),
        take_while_m_n(1, 4, |c: char| c.is_ascii_alphanumeric()),
        char(')'),
    )
    .parse(input)
}

fn citation(input: &str) -> IResult<&str, Parts<'_>> {
    let (input, title) = map_opt(digit1, |d: &str| d.parse().ok()).parse(input)?;
    let (input, kind) = nom::sequence::preceded(ws, code).parse(input)?;
    let (input, _) = opt((opt(ws), alt((tag("§§"), tag("§"))))).parse(input)?;
    let (input, _) = opt(ws).parse(input)?;
    let (input, section) = section(input)?;
    let (input, paragraphs) = many0(paragraph).parse(input)?;
    Ok((
        input,
        Parts {
            kind,
            title,
            section,
            paragraphs,
        },
    ))
}

/// Parses a citation at the start of `input`; returns its length and parts.
pub(super) fn parse(input: &str) -> Option<(usize, Parts<'_>)> {
    let (rest, parts) = citation(input).ok()?;
    Some((input.len() - rest.len(), parts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statute_table() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "47 U.S.C. § 227(b); 47 CFR",
                Some(("47 U.S.C. § 227(b)", "47 U.S.C. § 227(b)")),
            ),
            (
                "47 CFR § 64.1200(k)(4).",
                Some(("47 CFR § 64.1200(k)(4)", "47 CFR § 64.1200(k)(4)")),
            ),
            (
                "47 CFR § 64.1200",
                Some(("47 CFR § 64.1200", "47 CFR § 64.1200")),
            ),
            (
                "47 C.F.R. § 20.19(i)(1)",
                Some(("47 C.F.R. § 20.19(i)(1)", "47 CFR § 20.19(i)(1)")),
            ),
            (
                "47 CFR 64.1200(n)(5)(iii)",
                Some(("47 CFR 64.1200(n)(5)(iii)", "47 CFR § 64.1200(n)(5)(iii)")),
            ),
            (
                "47 U.S.C. §227(b)(1)(A)(iii)",
                Some((
                    "47 U.S.C. §227(b)(1)(A)(iii)",
                    "47 U.S.C. § 227(b)(1)(A)(iii)",
                )),
            ),
            (
                "47 U.S.C. § 227b",
                Some(("47 U.S.C. § 227b", "47 U.S.C. § 227b")),
            ),
            (
                "47\u{a0}CFR\u{a0}§\u{a0}1.17",
                Some(("47\u{a0}CFR\u{a0}§\u{a0}1.17", "47 CFR § 1.17")),
            ),
            ("47 CFR §", None),
            ("47 CFR", None),
            ("47 calls", None),
            ("47 U.S.", None),
        ];
        for (text, want) in cases {
            let got = parse(text).map(|(len, p)| (&text[..len], p.canonical()));
            assert_eq!(got.as_ref().map(|(a, b)| (*a, b.as_str())), *want, "{text}");
        }
    }

    #[test]
    fn candidates_are_cheap_and_exact() {
        let text = "See 47 CFR § 64.1200(k)(4); 47 calls on Mar. 15, 2021 to (202) 418-7451; 47 U.S.C. § 227.";
        let starts: Vec<usize> = candidates(text).collect();
        assert_eq!(starts, [4, 74]);
    }
}
