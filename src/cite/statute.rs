//! Statutes and rules: `47 U.S.C. § 227(b)`, `47 CFR § 64.1200(k)(4)`, and their lists and
//! ranges (the forms without a code name are in `prose`).
//!
//! ```text
//! code-cite  = title WS code [WS] ( part | [sign] [WS] items )
//! code       = "U.S.C." | "USC" | "C.F.R." | "CFR"
//! part       = "Part" WS digits [", Subpart" WS letters]          47 CFR Part 64, Subpart L
//! sign       = "§§" | "§"
//! items      = item { ("-" | "–") (section | paths)                §§ 64.1200-64.1204, (k)(3)-(4)
//!                   | ("," | "and" | "or") (paths | section) }     (k)(4), (f)(18); §§ 1.16, 1.17
//!                   [ "et seq." ]
//! item       = section paths
//! section    = digits [letters] | digits "." digits [letter]       227, 227b, 64.1200
//! paths      = { "(" (1-2 letters | roman | 1-3 digits) ")" }
//! ```
//!
//! A continuation path replaces the path from its own level down: after `(k)(3)`, `(4)` is
//! `(k)(4)` and `(f)(18)` is `(f)(18)`; levels follow each code's order (CFR: (a) → (1) →
//! (i) → (A); U.S.C.: (a) → (1) → (A) → (i) → (I)).

use super::path::{merge, Level, Path};
use super::{Hint, Piece};
use crate::model::{Citation, CitationKind};
use crate::text::{offset_of, ws0, ws1};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{char, digit1};
use nom::combinator::{map_opt, opt, recognize, verify};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};
use std::borrow::Cow;
use std::ops::Range;

/// Which code a statute cite is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Code {
    Usc,
    Cfr,
}

impl Code {
    /// The series name used in canonical forms.
    pub(super) fn series(self) -> &'static str {
        match self {
            Code::Usc => "U.S.C.",
            Code::Cfr => "CFR",
        }
    }

    pub(super) fn from_series(series: &str) -> Option<Self> {
        match series {
            "U.S.C." => Some(Code::Usc),
            "CFR" => Some(Code::Cfr),
            _ => None,
        }
    }

    fn kind(self) -> CitationKind {
        match self {
            Code::Usc => CitationKind::Usc,
            Code::Cfr => CitationKind::Cfr,
        }
    }
}

/// How a section number may look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// U.S.C.: `227`, `227b`.
    Usc,
    /// CFR: `64.1200`.
    Cfr,
    /// Not known yet (prose and `Id. §`): either.
    Any,
}

impl From<Code> for Style {
    fn from(code: Code) -> Self {
        match code {
            Code::Usc => Style::Usc,
            Code::Cfr => Style::Cfr,
        }
    }
}

/// One cited section and its paragraph path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Item<'a> {
    pub(super) range: Range<usize>,
    pub(super) section: &'a str,
    pub(super) paths: Path<'a>,
    pub(super) et_seq: bool,
}

type Res<'a, T> = IResult<&'a str, T>;

/// `227`, `227b`, `64.1200`, `1.17`.
fn section(style: Style) -> impl Fn(&str) -> Res<'_, &str> {
    move |input| {
        let lower = |c: char| c.is_ascii_lowercase();
        let mut usc = recognize((digit1, opt(take_while_m_n(1, 2, lower))));
        let mut cfr = recognize((digit1, char('.'), digit1, opt(take_while_m_n(1, 1, lower))));
        let (rest, s) = match style {
            Style::Usc => usc.parse(input)?,
            Style::Cfr => cfr.parse(input)?,
            Style::Any => alt((cfr, usc)).parse(input)?,
        };
        let (rest, s) = match hyphenated(input, s, rest) {
            Some(whole) => (input.get(whole.len()..).unwrap_or(""), whole),
            None => (rest, s),
        };
        if glued(rest) {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Verify,
            )));
        }
        Ok((rest, s))
    }
}

/// Whether a section runs on into `rest`: a letter, a digit or `.digit` follows (a section
/// is a whole token).
fn glued(rest: &str) -> bool {
    let mut next = rest.chars();
    match next.next() {
        Some('.') => next.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => c.is_ascii_alphanumeric(),
        None => false,
    }
}

/// A section whose number has a hyphen (`227b-1`, `615a-1`, `19.735-101`), not a range: for
/// the U.S.C., a hyphen after a section's letter; for the CFR, a hyphen and a number lower
/// than the section's own (`64.1600-1606` is a range, `19.735-101` a section). `section` is
/// the number read at the start of `input`, `rest` what follows it.
fn hyphenated<'a>(input: &'a str, section: &str, rest: &str) -> Option<&'a str> {
    let after = rest.strip_prefix('-')?;
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let tail = after.get(digits..)?;
    if digits == 0 || digits > 4 || glued(tail) {
        return None;
    }
    let suffix: u32 = after.get(..digits)?.parse().ok()?;
    let ok = match section.rsplit_once('.') {
        Some((_, own)) => own.parse::<u32>().is_ok_and(|own| suffix < own),
        None => section.ends_with(|c: char| c.is_ascii_lowercase()),
    };
    ok.then(|| input.get(..section.len() + 1 + digits))?
}

/// `(k)`, `(4)`, `(iii)`, `(A)`.
fn path(input: &str) -> Res<'_, &str> {
    delimited(
        char('('),
        verify(
            take_while1(|c: char| c.is_ascii_alphanumeric()),
            |t: &str| {
                Level::Lower.fits(t)
                    || Level::Digit.fits(t)
                    || Level::Upper.fits(t)
                    || Level::Roman.fits(t)
                    || Level::UpperRoman.fits(t)
            },
        ),
        char(')'),
    )
    .parse(input)
}

/// One to eight paragraph designations: `(k)(4)`.
fn paths1(input: &str) -> Res<'_, Path<'_>> {
    let (mut rest, first) = path(input)?;
    let mut out = Path::default();
    out.push(first);
    while let Ok((r, token)) = path(rest) {
        if !out.push(token) {
            break;
        }
        rest = r;
    }
    Ok((rest, out))
}

fn dash(input: &str) -> Res<'_, &str> {
    delimited(ws0, alt((tag("-"), tag("–"), tag("through"))), ws0).parse(input)
}

fn list_sep(input: &str) -> Res<'_, ()> {
    alt((
        (char(','), ws0, opt((alt((tag("and"), tag("or"))), ws1))).map(|_| ()),
        (ws1, alt((tag("and"), tag("or"))), ws1).map(|_| ()),
    ))
    .parse(input)
}

fn et_seq(input: &str) -> Res<'_, &str> {
    recognize((ws1, tag("et"), ws1, tag("seq"), opt(char('.')))).parse(input)
}

/// `section paths`, with its range.
fn item<'a>(text: &'a str, input: &'a str, style: Style) -> Option<(&'a str, Item<'a>)> {
    let (rest, section) = section(style)(input).ok()?;
    let (rest, paths) = opt(paths1).parse(rest).ok()?;
    let item = Item {
        range: offset_of(text, input)..offset_of(text, rest),
        section,
        paths: paths.unwrap_or_default(),
        et_seq: false,
    };
    Some((rest, item))
}

/// Most items one list of sections or paragraphs reads (real lists have a handful); the
/// text after them is read as prose.
const MAX_LIST_ITEMS: usize = 256;

/// A list of items (`§§ 1.16, 1.17`, `(k)(3)-(4)`, `227 et seq.`), each given to `emit` in
/// order; new sections after the first only when the sign was plural or in prose. Returns
/// the text after the list, or `None` (having emitted nothing) when there is no first item.
pub(super) fn items<'a>(
    text: &'a str,
    input: &'a str,
    style: Style,
    plural: bool,
    mut emit: impl FnMut(Item<'a>),
) -> Option<&'a str> {
    let code = match style {
        Style::Usc => Some(Code::Usc),
        Style::Cfr => Some(Code::Cfr),
        Style::Any => None,
    };
    let (mut rest, mut last) = item(text, input, style)?;
    for _ in 1..MAX_LIST_ITEMS {
        if let Ok((r, _)) = et_seq(rest) {
            last.et_seq = true;
            last.range.end = offset_of(text, r);
            rest = r;
            break;
        }
        let after_sep = dash(rest)
            .map(|(r, _)| (r, true))
            .or_else(|_| list_sep(rest).map(|(r, _)| (r, false)));
        let Ok((r, is_range)) = after_sep else { break };
        if let Ok((r2, cont)) = paths1(r) {
            if last.paths.len == 0 {
                break;
            }
            let next = Item {
                range: offset_of(text, r)..offset_of(text, r2),
                section: last.section,
                paths: merge(code, last.paths, cont),
                et_seq: false,
            };
            emit(std::mem::replace(&mut last, next));
            rest = r2;
            continue;
        }
        if plural || is_range {
            if let Some((r2, next)) = item(text, r, style) {
                emit(std::mem::replace(&mut last, next));
                rest = r2;
                continue;
            }
        }
        break;
    }
    emit(last);
    Some(rest)
}

/// A citation piece for one item, standing at `range`.
pub(super) fn piece(
    text: &str,
    range: Range<usize>,
    code: Code,
    title: u32,
    item: &Item<'_>,
) -> Piece {
    let mut c = Citation::new(code.kind(), text.get(range.clone()).unwrap_or(""));
    c.title = Some(title);
    c.series = Some(Cow::Borrowed(code.series()));
    c.section = Some(item.section.to_owned());
    c.paragraphs = item.paths.to_vec();
    c.et_seq = item.et_seq;
    Piece {
        range,
        citation: c,
        hint: Hint::Full,
    }
}

fn code_name(input: &str) -> Res<'_, Code> {
    let dotted = |a, b, c| recognize((tag(a), opt(ws1), tag(b), opt(ws1), tag(c)));
    alt((
        alt((dotted("U.", "S.", "C."), tag("USC"))).map(|_| Code::Usc),
        alt((dotted("C.", "F.", "R."), tag("CFR"))).map(|_| Code::Cfr),
    ))
    .parse(input)
}

fn title(input: &str) -> Res<'_, u32> {
    map_opt(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        |d: &str| d.parse().ok().filter(|&t| t > 0),
    )
    .parse(input)
}

/// `47 CFR § 64.1200(k)(4)` and its lists, from the title at `start`.
pub(super) fn code(text: &str, start: usize, out: &mut Vec<Piece>) -> Option<usize> {
    let input = text.get(start..)?;
    let (rest, (title, _, code)) = (title, ws1, code_name).parse(input).ok()?;
    if code == Code::Cfr {
        if let Some(end) = part(text, start, rest, title, out) {
            return Some(end);
        }
    }
    let (rest, sign) = (ws0, opt(alt((tag("§§"), tag("§")))), ws0)
        .parse(rest)
        .ok()?;
    let plural = sign.1 == Some("§§");
    let mut first = true;
    let rest = items(text, rest, code.into(), plural, |item| {
        // The first cite starts at the title; the others are their own text.
        let range = if first {
            start..item.range.end
        } else {
            item.range.clone()
        };
        first = false;
        out.push(piece(text, range, code, title, &item));
    })?;
    Some(offset_of(text, rest))
}

/// `47 CFR Part 64, Subpart L`.
fn part(text: &str, start: usize, input: &str, title: u32, out: &mut Vec<Piece>) -> Option<usize> {
    let subpart = preceded(
        (char(','), ws0, tag("Subpart"), ws1),
        take_while_m_n(1, 3, |c: char| c.is_ascii_uppercase()),
    );
    let (rest, (_, _, part, subpart)) = (ws0, tag("Part"), preceded(ws1, digit1), opt(subpart))
        .parse(input)
        .ok()?;
    let range = start..offset_of(text, rest);
    let mut c = Citation::new(CitationKind::Cfr, text.get(range.clone())?);
    c.title = Some(title);
    c.series = Some(Cow::Borrowed(Code::Cfr.series()));
    c.part = Some(Cow::Owned(part.to_owned()));
    c.subpart = subpart.map(|s| Cow::Owned(s.to_owned()));
    out.push(Piece {
        range: range.clone(),
        citation: c,
        hint: Hint::Full,
    });
    Some(range.end)
}

#[cfg(test)]
mod tests {
    use super::super::run;
    use super::*;

    fn canon(p: &Piece) -> String {
        let c = &p.citation;
        let mut s = format!(
            "{} {} ",
            c.title.unwrap_or(0),
            c.series.as_deref().unwrap_or("")
        );
        if let Some(part) = &c.part {
            s.push_str(&format!("Part {part}"));
        } else {
            s.push_str(&format!("§ {}", c.section.as_deref().unwrap_or("")));
        }
        for p in &c.paragraphs {
            s.push_str(&format!("({p})"));
        }
        s
    }

    #[test]
    fn code_cites() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "47 U.S.C. § 227(b); 47 CFR",
                &[("47 U.S.C. § 227(b)", "47 U.S.C. § 227(b)")],
            ),
            (
                "47 U.S.C. §227(b)(1)(A)(iii)",
                &[(
                    "47 U.S.C. §227(b)(1)(A)(iii)",
                    "47 U.S.C. § 227(b)(1)(A)(iii)",
                )],
            ),
            (
                "47 U.S.C. 227(b)",
                &[("47 U.S.C. 227(b)", "47 U.S.C. § 227(b)")],
            ),
            (
                "47 U.S.C. §§ 227(b), (e)",
                &[
                    ("47 U.S.C. §§ 227(b)", "47 U.S.C. § 227(b)"),
                    ("(e)", "47 U.S.C. § 227(e)"),
                ],
            ),
            (
                "47 U.S.C. § 227 et seq.",
                &[("47 U.S.C. § 227 et seq.", "47 U.S.C. § 227")],
            ),
            (
                "47 U.S.C. § 227b.",
                &[("47 U.S.C. § 227b", "47 U.S.C. § 227b")],
            ),
            (
                "47 CFR § 64.1200(k)(4).",
                &[("47 CFR § 64.1200(k)(4)", "47 CFR § 64.1200(k)(4)")],
            ),
            (
                "47 C.F.R. § 20.19(i)(1)",
                &[("47 C.F.R. § 20.19(i)(1)", "47 CFR § 20.19(i)(1)")],
            ),
            (
                "47 CFR 64.1200(n)(5)(iii)",
                &[("47 CFR 64.1200(n)(5)(iii)", "47 CFR § 64.1200(n)(5)(iii)")],
            ),
            (
                "47 CFR §§ 1.16, 1.17",
                &[
                    ("47 CFR §§ 1.16", "47 CFR § 1.16"),
                    ("1.17", "47 CFR § 1.17"),
                ],
            ),
            (
                "47 CFR §§ 64.1200-64.1204",
                &[
                    ("47 CFR §§ 64.1200", "47 CFR § 64.1200"),
                    ("64.1204", "47 CFR § 64.1204"),
                ],
            ),
            (
                "47 CFR § 64.1200(k)(3)-(4).",
                &[
                    ("47 CFR § 64.1200(k)(3)", "47 CFR § 64.1200(k)(3)"),
                    ("(4)", "47 CFR § 64.1200(k)(4)"),
                ],
            ),
            (
                "47 CFR § 64.1200(k)(4), (f)(18).",
                &[
                    ("47 CFR § 64.1200(k)(4)", "47 CFR § 64.1200(k)(4)"),
                    ("(f)(18)", "47 CFR § 64.1200(f)(18)"),
                ],
            ),
            (
                "47 CFR § 64.1200(a)(1)(iii) and (a)(2)",
                &[
                    ("47 CFR § 64.1200(a)(1)(iii)", "47 CFR § 64.1200(a)(1)(iii)"),
                    ("(a)(2)", "47 CFR § 64.1200(a)(2)"),
                ],
            ),
            (
                "47 CFR § 64.1200(a)(1)(i)-(ii)",
                &[
                    ("47 CFR § 64.1200(a)(1)(i)", "47 CFR § 64.1200(a)(1)(i)"),
                    ("(ii)", "47 CFR § 64.1200(a)(1)(ii)"),
                ],
            ),
            (
                "47 CFR Part 64, Subpart L",
                &[("47 CFR Part 64, Subpart L", "47 CFR Part 64")],
            ),
            ("47 CFR § 1.17, 1.16", &[("47 CFR § 1.17", "47 CFR § 1.17")]),
            (
                "47 CFR § 64.1200 (2020)",
                &[("47 CFR § 64.1200", "47 CFR § 64.1200")],
            ),
            (
                "47\u{a0}CFR\u{a0}§\u{a0}1.17",
                &[("47\u{a0}CFR\u{a0}§\u{a0}1.17", "47 CFR § 1.17")],
            ),
        ];
        for (text, want) in cases {
            let (_, pieces) = run(code, text, 0).unwrap_or_else(|| panic!("no cite in {text:?}"));
            let got: Vec<(String, String)> = pieces
                .iter()
                .map(|p| (text[p.range.clone()].to_owned(), canon(p)))
                .collect();
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
        for text in [
            "47 CFR §",
            "47 CFR",
            "47 U.S.C.",
            "47 CFR § 64",
            "47 U.S.C. § 64.1200",
            "47 CFR 1.1.2",
            "47 CFR Part",
            "47 CFR § (k)",
        ] {
            assert!(run(code, text, 0).is_none(), "{text:?}");
        }
    }
}
