//! Reporters: the FCC Record, the Federal Register, the Statutes at Large, Westlaw, and
//! public laws.
//!
//! ```text
//! full   = volume WS series WS page [pins] { [","] WS "&" WS pin } [WS "(" [date] year ")"]
//!          [WS "(" name ")"]                    35 FCC Rcd 7614 (2020) (Call Blocking … Order)
//! short  = volume WS series WS "at" WS pin      35 FCC Rcd at 7628-29, para. 39
//! pins   = "," WS pin
//! pin    = [page ["-" page]] [","] [WS ("para." | "paras." | "¶" | "¶¶") WS n ["-" n]]
//! series = "FCC Rcd" | "Fed. Reg." | "Stat." | "WL"
//! law    = "Pub. L." [WS "No."] WS n "-" n ["," WS volume WS "Stat." WS page]
//! ```
//!
//! A short cite may follow a name (`Call Blocking Safe Harbor Report and Order, 35 FCC Rcd
//! at 7630`); the name is noted here and matched against defined names when resolving.

use super::{Hint, Piece};
use crate::model::{Citation, CitationKind};
use crate::text::{offset_of, ws0, ws1};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_till1, take_while1, take_while_m_n};
use nom::character::complete::{char, digit1};
use nom::combinator::{map_opt, opt, recognize, verify};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};
use std::borrow::Cow;
use std::ops::Range;

type Res<'a, T> = IResult<&'a str, T>;

fn number(input: &str) -> Res<'_, u32> {
    map_opt(
        take_while_m_n(1, 7, |c: char| c.is_ascii_digit()),
        |d: &str| d.parse().ok(),
    )
    .parse(input)
}

/// The second page of a range, written short (`7628-29` → 7629) or in full.
fn range_end(first: u32, written: &str) -> Option<u32> {
    let n: u32 = written.parse().ok()?;
    let digits = u32::try_from(written.len()).ok()?;
    let scale = 10u32.checked_pow(digits)?;
    let end = if n < first && written.len() < first.to_string().len() {
        first - first % scale + n
    } else {
        n
    };
    (end >= first).then_some(end)
}

/// `7628-29` → (7628, Some(7629)).
fn pages(input: &str) -> Res<'_, (u32, Option<u32>)> {
    let (rest, first) = number(input)?;
    let dash = alt((char('-'), char('–')));
    match opt(preceded(
        dash,
        take_while_m_n(1, 7, |c: char| c.is_ascii_digit()),
    ))
    .parse(rest)?
    {
        (rest, Some(written)) => range_end(first, written)
            .map(|end| (rest, (first, Some(end))))
            .ok_or_else(|| {
                nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
            }),
        (rest, None) => Ok((rest, (first, None))),
    }
}

/// `para. 42`, `paras. 39-40`, `¶ 42`.
fn paragraph(input: &str) -> Res<'_, (u32, Option<u32>)> {
    preceded(
        (alt((tag("paras."), tag("para."), tag("¶¶"), tag("¶"))), ws0),
        pages,
    )
    .parse(input)
}

/// A pin: page(s), paragraph(s), or both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Pin {
    page: Option<(u32, Option<u32>)>,
    paragraph: Option<(u32, Option<u32>)>,
}

/// A pin cite: `7630`, `7628-29, para. 39`, `para. 42`.
pub(super) fn pin(input: &str) -> Res<'_, Pin> {
    let with_page =
        (pages, opt(preceded((opt(char(',')), ws1), paragraph))).map(|(page, paragraph)| Pin {
            page: Some(page),
            paragraph,
        });
    let only_paragraph = paragraph.map(|p| Pin {
        page: None,
        paragraph: Some(p),
    });
    alt((with_page, only_paragraph)).parse(input)
}

/// Sets a citation's pin fields.
pub(super) fn apply(c: &mut Citation, pin: Pin) {
    if let Some((p, end)) = pin.page {
        c.pin = Some(p);
        c.pin_end = end;
    }
    if let Some((p, end)) = pin.paragraph {
        c.paragraph_pin = Some(p);
        c.paragraph_pin_end = end;
    }
}

/// `(2020)`, `(Apr. 20, 2020)`, `(Sept. 10, 2025)`: the year.
fn year(input: &str) -> Res<'_, u16> {
    let inner = take_till1(|c| c == '(' || c == ')' || c == '\n');
    map_opt(
        delimited(char('('), verify(inner, |s: &str| s.len() <= 24), char(')')),
        |s: &str| {
            let digits = s.get(s.len().checked_sub(4)?..)?;
            let before = s.get(..s.len() - 4)?;
            let ok = digits.bytes().all(|b| b.is_ascii_digit())
                && !before.ends_with(|c: char| c.is_ascii_digit());
            digits
                .parse()
                .ok()
                .filter(|y| ok && (1900..=2199).contains(y))
        },
    )
    .parse(input)
}

/// `(Call Blocking Safe Harbor Report and Order)`: a short name defined for the cite before
/// it. Emphasis marks and quotes around the name are dropped.
fn defined_name(input: &str) -> Res<'_, &str> {
    let marks = |c: char| matches!(c, '*' | '_' | '"' | '“' | '”');
    delimited(
        (char('('), opt(take_while1(marks))),
        verify(
            take_till1(move |c: char| c == ')' || c == '(' || c == '\n' || marks(c)),
            |name: &str| {
                name.len() <= 120
                    && name.starts_with(|c: char| c.is_ascii_uppercase())
                    && !name.contains(|c: char| c.is_ascii_digit())
            },
        ),
        (opt(take_while1(marks)), char(')')),
    )
    .parse(input)
}

fn series(input: &str) -> Res<'_, (CitationKind, &'static str)> {
    alt((
        recognize((tag("FCC"), ws1, tag("Rcd"))).map(|_| (CitationKind::FccRecord, "FCC Rcd")),
        recognize((tag("Fed."), opt(ws1), tag("Reg.")))
            .map(|_| (CitationKind::FederalRegister, "Fed. Reg.")),
        tag("Stat.").map(|_| (CitationKind::StatutesAtLarge, "Stat.")),
        tag("WL").map(|_| (CitationKind::Westlaw, "WL")),
    ))
    .parse(input)
}

/// A reporter cite from its volume at `start`.
pub(super) fn reporter(text: &str, start: usize, out: &mut Vec<Piece>) -> Option<usize> {
    let input = text.get(start..)?;
    let (rest, (volume, _, (kind, name), _)) = (number, ws1, series, ws1).parse(input).ok()?;
    if let Ok((rest, pin)) = preceded((tag("at"), ws1), pin).parse(rest) {
        let range = start..offset_of(text, rest);
        let mut c = Citation::new(CitationKind::ShortForm, text.get(range.clone())?);
        c.series = Some(Cow::Borrowed(name));
        c.volume = Some(volume);
        apply(&mut c, pin);
        let hint = Hint::Short(name_before(text, start));
        out.push(Piece {
            range: range.clone(),
            citation: c,
            hint,
        });
        return Some(range.end);
    }
    let (mut rest, page) = number(rest).ok()?;
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    let mut c = Citation::new(kind, "");
    c.series = Some(Cow::Borrowed(name));
    c.volume = Some(volume);
    c.page = Some(page);
    if let Ok((r, p)) = preceded((char(','), ws1), pin).parse(rest) {
        apply(&mut c, p);
        rest = r;
    }
    let first_end = offset_of(text, rest);
    let mut extra = Vec::new();
    while let Ok((r, (_, p))) = (delimited((opt(char(',')), ws0), char('&'), ws0), pin).parse(rest)
    {
        let from = offset_of(text, rest)
            + (rest.len() - rest.trim_start_matches([',', ' ', '&', '\u{a0}']).len());
        let range = from..offset_of(text, r);
        let mut more = Citation::new(kind, text.get(range.clone())?);
        more.series = c.series.clone();
        more.volume = c.volume;
        more.page = c.page;
        apply(&mut more, p);
        extra.push(Piece {
            range,
            citation: more,
            hint: Hint::SamePin,
        });
        rest = r;
    }
    if let Ok((r, y)) = preceded(ws1, year).parse(rest) {
        c.year = Some(y);
        rest = r;
    }
    let mut end = offset_of(text, rest);
    if let Ok((r, defined)) = preceded(ws0, defined_name).parse(rest) {
        c.name = Some(defined.trim().to_owned());
        end = offset_of(text, r);
    }
    let range = start..if extra.is_empty() { end } else { first_end };
    c.text = crate::text::as_read(text.get(range.clone())?).into_owned();
    out.push(Piece {
        range,
        citation: c,
        hint: Hint::Full,
    });
    out.extend(extra);
    Some(end)
}

/// `Pub. L. No. 116-105, 133 Stat. 3274`.
pub(super) fn public_law(text: &str, start: usize, out: &mut Vec<Piece>) -> Option<usize> {
    let input = text.get(start..)?;
    let law = recognize((digit1, char('-'), digit1));
    let stat = preceded((char(','), ws1), (number, ws1, tag("Stat."), ws1, number));
    let (rest, (_, _, number, stat)) = (
        (tag("Pub."), ws0, tag("L.")),
        opt((ws1, tag("No."))),
        preceded(ws1, law),
        opt(stat),
    )
        .parse(input)
        .ok()?;
    let (rest, year) = opt(preceded(ws1, year)).parse(rest).ok()?;
    let range = start..offset_of(text, rest);
    let mut c = Citation::new(CitationKind::PublicLaw, text.get(range.clone())?);
    c.series = Some(Cow::Borrowed("Pub. L."));
    c.year = year;
    c.number = Some(number.to_owned());
    if let Some((volume, _, _, _, page)) = stat {
        c.volume = Some(volume);
        c.page = Some(page);
    }
    out.push(Piece {
        range: range.clone(),
        citation: c,
        hint: Hint::Full,
    });
    Some(range.end)
}

/// Signals that may stand before a name: `See`, `see also`, `Cf.`.
const SIGNALS: &[&str] = &[
    "See, e.g., ",
    "See also ",
    "see also ",
    "See generally ",
    "But see ",
    "See ",
    "see ",
    "Cf. ",
    "cf. ",
    "Compare ",
];

/// The name written before a short cite or `supra` (`…; Order Name, 35 FCC Rcd at`): the
/// text back to a sentence, clause or parenthesis boundary, signals and emphasis dropped.
pub(super) fn name_before(text: &str, start: usize) -> Option<Range<usize>> {
    let before = text.get(..start)?;
    let before = before
        .strip_suffix(' ')
        .or_else(|| before.strip_suffix('\u{a0}'))?;
    let before = before.strip_suffix(',')?;
    let before = before.trim_end_matches(['*', '_', '”', '"']);
    let window = before.len().saturating_sub(160);
    let from = (window..before.len())
        .rev()
        .filter(|&i| before.is_char_boundary(i))
        .find(|&i| {
            let tail = before.get(i..).unwrap_or("");
            let mut chars = tail.chars();
            match (chars.next(), chars.next()) {
                (Some('.' | ';' | ':'), Some(c)) => c.is_whitespace(),
                (Some('(' | '>'), _) => true,
                // A line break ends the name when the line before it ends a sentence or is a
                // footnote's number; otherwise the name was only wrapped.
                (Some('\n'), _) => {
                    let line = before
                        .get(..i)
                        .unwrap_or("")
                        .rsplit('\n')
                        .next()
                        .unwrap_or("")
                        .trim();
                    line.is_empty()
                        || line.ends_with(['.', ';', ':', ')'])
                        || line.bytes().all(|b| b.is_ascii_digit())
                }
                _ => false,
            }
        })
        .map_or(window, |i| i + 1);
    let mut name = before.get(from..)?.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '(' | ';' | ':' | '.' | '>')
    });
    // A footnote's number at the start of its line (`2 See Order, …`) is not part of a name.
    name = name
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start();
    for signal in SIGNALS {
        if let Some(rest) = name.strip_prefix(signal) {
            name = rest;
            break;
        }
    }
    let name = name.trim_start_matches(['*', '_', '“', '"']);
    let begin = before.len() - name.len();
    (!name.is_empty() && name.starts_with(char::is_alphabetic)).then_some(begin..before.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(p: &Piece) -> String {
        let c = &p.citation;
        let o = |v: Option<u32>| v.map_or("None".to_owned(), |v| v.to_string());
        format!(
            "{:?} v{} p{} pin{}-{} para{}-{} y{} n{:?}",
            c.kind,
            o(c.volume),
            o(c.page),
            o(c.pin),
            o(c.pin_end),
            o(c.paragraph_pin),
            o(c.paragraph_pin_end),
            o(c.year.map(u32::from)),
            c.name
        )
    }

    #[test]
    fn reporter_cites() {
        let cases: &[(&str, &[&str])] = &[
            ("35 FCC Rcd 7614 (2020)", &["FccRecord v35 p7614 pinNone-None paraNone-None y2020 nNone"]),
            ("35 FCC Rcd 7614 (2020) (*Call Blocking Safe Harbor Report and Order*);", &["FccRecord v35 p7614 pinNone-None paraNone-None y2020 nSome(\"Call Blocking Safe Harbor Report and Order\")"]),
            ("35 FCC Rcd at 7628-29, para. 39.", &["ShortForm v35 pNone pin7628-7629 para39-None yNone nNone"]),
            ("35 FCC Rcd at 7630 para. 43;", &["ShortForm v35 pNone pin7630-None para43-None yNone nNone"]),
            ("35 FCC Rcd 7614, 7630, para. 42", &["FccRecord v35 p7614 pin7630-None para42-None yNone nNone"]),
            (
                "36 FCC Rcd 1859, 1903, para. 83 & 1904, para. 86 (2020); 47",
                &["FccRecord v36 p1859 pin1903-None para83-None y2020 nNone", "FccRecord v36 p1859 pin1904-None para86-None yNone nNone"],
            ),
            ("85 Fed. Reg. 21785 (Apr. 20, 2020)", &["FederalRegister v85 p21785 pinNone-None paraNone-None y2020 nNone"]),
            ("133 Stat. 3274", &["StatutesAtLarge v133 p3274 pinNone-None paraNone-None yNone nNone"]),
            ("2025 WL 2622184 (Sept. 10, 2025)", &["Westlaw v2025 p2622184 pinNone-None paraNone-None y2025 nNone"]),
            ("35 FCC Rcd 7614, paras. 39-40", &["FccRecord v35 p7614 pinNone-None para39-40 yNone nNone"]),
        ];
        for (text, want) in cases {
            let (_, pieces) =
                super::super::run(reporter, text, 0).unwrap_or_else(|| panic!("{text}"));
            let got: Vec<String> = pieces.iter().map(summary).collect();
            assert_eq!(got, *want, "{text}");
        }
        for text in [
            "35 FCC Rcd",
            "35 FCC Rcd at",
            "35 FCC Rcd 76x",
            "35 FCC Rcd at 7630-20",
        ] {
            assert!(super::super::run(reporter, text, 0).is_none(), "{text}");
        }
        let (end, law) =
            super::super::run(public_law, "Pub. L. No. 116-105, 133 Stat. 3274 (2019).", 0)
                .unwrap();
        assert_eq!(end, 42);
        assert_eq!(
            (
                law[0].citation.number.as_deref(),
                law[0].citation.volume,
                law[0].citation.page
            ),
            (Some("116-105"), Some(133), Some(3274))
        );
    }

    #[test]
    fn names_before_short_cites() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "See Call Blocking Safe Harbor Report and Order, 35",
                Some("Call Blocking Safe Harbor Report and Order"),
            ),
            (
                "calls. *Call Blocking Order*, 35",
                Some("Call Blocking Order"),
            ),
            (
                "para. 42; Order on Reconsideration, 35",
                Some("Order on Reconsideration"),
            ),
            ("blocking. 35", None),
            ("x.\n2 See Safe Harbor Order, 35", Some("Safe Harbor Order")),
            ("which the order, 35", Some("which the order")),
            (", 35", None),
        ];
        for (text, want) in cases {
            let start = text.len() - 2;
            let got = name_before(text, start).map(|r| &text[r]);
            assert_eq!(got, *want, "{text}");
        }
        assert_eq!(range_end(7628, "29"), Some(7629));
        assert_eq!(range_end(7698, "02"), None);
        assert_eq!(range_end(39, "40"), Some(40));
    }
}
