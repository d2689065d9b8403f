//! Statute and rule cites without a code name: `section 64.1200(k)(4) of the Commission's
//! rules`, `section 227(b) of the Act`, and a bare section sign, `§ 73.51`.
//!
//! ```text
//! prose-cite = ("section" | "sections") WS items tail
//! bare-cite  = ("§" | "§§") [WS] items [tail]
//! tail       = WS "of" WS ["the" WS] ( "Commission's rules" | "Communications Act" | "Act" )
//! ```
//!
//! The tail names the code: the rules are 47 CFR, the Act 47 U.S.C.; a bare sign without one
//! is read only before a dotted number (`§ 73.51`: in the Commission's documents, its rules).

use super::statute::{items, piece, Code, Item, Style};
use super::Piece;
use crate::text::{offset_of, ws0, ws1};
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case};
use nom::character::complete::char;
use nom::combinator::opt;
use nom::sequence::preceded;
use nom::{IResult, Parser};

type Res<'a, T> = IResult<&'a str, T>;

/// `of the Commission's rules` → CFR; `of the Communications Act`, `of the Act` → U.S.C.
fn tail(input: &str) -> Res<'_, Code> {
    let rules = (
        tag_no_case("Commission"),
        opt(alt((tag("'s"), tag("’s")))),
        ws1,
        alt((tag_no_case("rules"), tag_no_case("regulations"))),
    );
    let act = (
        opt((tag("Communications"), ws1)),
        tag("Act"),
        opt((ws1, tag("of"), ws1, tag("1934"))),
        opt((char(','), ws1, tag("as"), ws1, tag("amended"))),
    );
    preceded(
        (ws1, tag("of"), ws1, opt((tag("the"), ws1))),
        alt((rules.map(|_| Code::Cfr), act.map(|_| Code::Usc))),
    )
    .parse(input)
}

/// `section 64.1200(k)(4) of the Commission's rules`, `section 227(b) of the Act`.
pub(super) fn prose(text: &str, start: usize, out: &mut Vec<Piece>) -> Option<usize> {
    let input = text.get(start..)?;
    let (rest, word) = (
        alt((
            tag("sections"),
            tag("Sections"),
            tag("section"),
            tag("Section"),
        )),
        ws1,
    )
        .parse(input)
        .ok()?;
    // Which code it is shows only at the end (`of the Act`): gather the items first.
    let mut found = Vec::new();
    let rest = items(text, rest, Style::Any, word.0.ends_with('s'), |item| {
        found.push(item)
    })?;
    let (rest, code) = tail(rest).ok()?;
    emit(text, start..offset_of(text, rest), &found, code, out)
}

/// `§ 73.51`, `§§ 1.16 and 1.17`, `§ 227(b) of the Act`; the sign may end a line.
pub(super) fn bare(text: &str, start: usize, out: &mut Vec<Piece>) -> Option<usize> {
    let input = text.get(start..)?;
    let (rest, (sign, _)) = (alt((tag("§§"), tag("§"))), ws0).parse(input).ok()?;
    let mut found = Vec::new();
    let rest = items(text, rest, Style::Any, sign == "§§", |item| {
        found.push(item)
    })?;
    let (rest, code) = tail(rest).unwrap_or((rest, Code::Cfr));
    emit(text, start..offset_of(text, rest), &found, code, out)
}

/// Pushes a piece per item of a cite at `range` in `code` (each of Title 47), the first from
/// the cite's start, the last to its end; nothing when a number does not fit the code
/// (CFR numbers are dotted, U.S.C. numbers are not).
fn emit(
    text: &str,
    range: std::ops::Range<usize>,
    found: &[Item<'_>],
    code: Code,
    out: &mut Vec<Piece>,
) -> Option<usize> {
    if !found
        .iter()
        .all(|i| i.section.contains('.') == (code == Code::Cfr))
    {
        return None;
    }
    let last = found.len().saturating_sub(1);
    for (i, item) in found.iter().enumerate() {
        let from = if i == 0 {
            range.start
        } else {
            item.range.start
        };
        let to = if i == last { range.end } else { item.range.end };
        out.push(piece(text, from..to, code, 47, item));
    }
    Some(range.end)
}

#[cfg(test)]
mod tests {
    use super::super::run;
    use super::*;

    #[test]
    fn prose_cites() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "section 1.17 of the Commission's rules.",
                Some("section 1.17 of the Commission's rules"),
            ),
            (
                "section 64.1200(k)(4) of the Commission’s Rules",
                Some("section 64.1200(k)(4) of the Commission’s Rules"),
            ),
            (
                "section 64.1200(n)(5)(i)(A) of the Commission rules",
                Some("section 64.1200(n)(5)(i)(A) of the Commission rules"),
            ),
            (
                "section 227(b) of the Communications Act",
                Some("section 227(b) of the Communications Act"),
            ),
            (
                "Section 503(b) of the Act",
                Some("Section 503(b) of the Act"),
            ),
            ("Section 2 of this letter", None),
            ("section 1.17 of the Act", None),
            ("section 227 of the Commission's rules", None),
            ("section 1.17 of", None),
        ];
        reads(prose, cases);
    }

    #[test]
    fn bare_signs() {
        let cases: &[(&str, Option<&str>)] = &[
            ("§ 73.51 of the rules", Some("§ 73.51")),
            ("§\n73.51(a).", Some("§\n73.51(a)")),
            ("§§ 1.16 and 1.17;", Some("§§ 1.16 and 1.17")),
            ("§ 227(b) of the Act", Some("§ 227(b) of the Act")),
            (
                "§ 1.80 of the Commission's rules",
                Some("§ 1.80 of the Commission's rules"),
            ),
            ("§ 227(b)", None),
            ("§ 10(b) of the TRACED Act", None),
            ("§ 1.80 of the Act", None),
            ("§", None),
        ];
        reads(bare, cases);
    }

    /// Each text read by `grammar` from its start: how much of it the cite takes, if any.
    fn reads(grammar: crate::cite::Grammar, cases: &[(&str, Option<&str>)]) {
        for (text, want) in cases {
            let got = run(grammar, text, 0).map(|(end, _)| &text[..end]);
            assert_eq!(got, *want, "{text:?}");
        }
    }
}
