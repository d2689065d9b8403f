//! Deadlines: the 48-hour mitigation and the 14-day report.
//!
//! ```text
//! … take steps to "effectively mitigate illegal traffic" within 48 hours, or if you fail to
//! inform the Commission and the Traceback Consortium within fourteen (14) days of this letter
//! (April 27, 2021) …
//! ```
//!
//! Orders: `One Eye has 14 days to respond to this order`.
//!
//! Grammar: `within PERIOD [(DATE)]` or `has|have PERIOD to`, where PERIOD is `AMOUNT UNIT
//! [of [the date of] this letter|notice|order]` and AMOUNT is digits, a number word, or both
//! (`fourteen (14)`).

use crate::grammar::date::parse_date_prefix;
use crate::model::{DeadlineKind, Period, PeriodUnit};
use crate::text::{find_words, ws0, ws1};
use chrono::{Days, NaiveDate};
use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while1};
use nom::character::complete::{char, digit1};
use nom::combinator::{map_opt, opt};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};
use std::ops::Range;

/// A deadline phrase as read, before due dates are computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub(crate) kind: DeadlineKind,
    pub(crate) amount: u32,
    pub(crate) hours: bool,
    /// The period runs from another document (`of the date of the CDL`), whose date this one
    /// does not give: no due date is computed.
    pub(crate) elsewhere: bool,
    /// The date in parentheses after the phrase, and its range.
    pub(crate) stated: Option<(NaiveDate, Range<usize>)>,
    /// The phrase's range in the text searched.
    pub(crate) range: Range<usize>,
}

impl Phrase {
    /// `48 hours`, `14 days`.
    pub(crate) fn within(&self) -> Period {
        let unit = if self.hours {
            PeriodUnit::Hours
        } else {
            PeriodUnit::Days
        };
        Period::new(self.amount, unit)
    }

    /// The phrase with its ranges moved by `offset` (from a paragraph into the whole text).
    pub(crate) fn shifted(mut self, offset: usize) -> Self {
        self.range = self.range.start + offset..self.range.end + offset;
        if let Some((_, r)) = &mut self.stated {
            *r = r.start + offset..r.end + offset;
        }
        self
    }

    /// The letter date plus the period (hours rounded up to whole days); `None` for a period
    /// that runs from another document.
    pub(crate) fn due(&self, letter: NaiveDate) -> Option<NaiveDate> {
        if self.elsewhere {
            return None;
        }
        let days = if self.hours {
            self.amount.div_ceil(24)
        } else {
            self.amount
        };
        letter.checked_add_days(Days::new(u64::from(days)))
    }
}

const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("twenty-one", 21),
    ("twenty-four", 24),
    ("thirty", 30),
    ("forty-five", 45),
    ("forty-eight", 48),
    ("sixty", 60),
    ("seventy-two", 72),
    ("ninety", 90),
];

fn number(input: &str) -> IResult<&str, u32> {
    map_opt(digit1, |d: &str| d.parse().ok()).parse(input)
}

fn number_word(input: &str) -> IResult<&str, u32> {
    map_opt(
        take_while1(|c: char| c.is_ascii_alphabetic() || c == '-'),
        |w: &str| {
            NUMBER_WORDS
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(w))
                .map(|&(_, n)| n)
        },
    )
    .parse(input)
}

/// `14`, `fourteen`, or `fourteen (14)` (the digits win if they disagree).
fn amount(input: &str) -> IResult<&str, u32> {
    alt((
        number,
        (
            number_word,
            opt(preceded(ws1, delimited(char('('), number, char(')')))),
        )
            .map(|(word, digits)| digits.unwrap_or(word)),
    ))
    .parse(input)
}

/// `hours` → true, `days` / `calendar days` → false.
fn unit(input: &str) -> IResult<&str, bool> {
    alt((
        alt((tag_no_case("hours"), tag_no_case("hour"))).map(|_| true),
        preceded(
            opt((tag_no_case("calendar"), ws1)),
            alt((tag_no_case("days"), tag_no_case("day"))),
        )
        .map(|_| false),
    ))
    .parse(input)
}

/// ` of ` or ` of the date of ` (any whitespace between the words: the phrase may wrap).
fn of_the_date_of(input: &str) -> IResult<&str, ()> {
    (
        ws1,
        tag_no_case("of"),
        ws1,
        opt((
            tag_no_case("the"),
            ws1,
            tag_no_case("date"),
            ws1,
            tag_no_case("of"),
            ws1,
        )),
    )
        .map(|_| ())
        .parse(input)
}

/// ` of the date of this letter`, ` of this letter`, ` of the date of the Notice`.
fn of_this_letter(input: &str) -> IResult<&str, ()> {
    (
        of_the_date_of,
        alt((tag_no_case("this"), tag_no_case("the"))),
        ws1,
        alt((
            tag_no_case("letter"),
            tag_no_case("notice"),
            tag_no_case("order"),
        )),
    )
        .map(|_| ())
        .parse(input)
}

/// ` of the date of the CDL`, ` of the Initial Determination Order`: a period that runs from
/// another document, named by a capitalised word.
fn of_another_document(input: &str) -> IResult<&str, ()> {
    (
        of_the_date_of,
        tag_no_case("the"),
        ws1,
        take_while1(|c: char| c.is_uppercase()),
    )
        .map(|_| ())
        .parse(input)
}

/// The phrase after `within `: amount, unit, and whether it counts from this document.
fn period(input: &str) -> IResult<&str, (u32, bool, bool)> {
    let (input, n) = amount(input)?;
    let (input, hours) = preceded(ws1, unit).parse(input)?;
    let (input, elsewhere) = opt(alt((
        of_this_letter.map(|_| false),
        of_another_document.map(|_| true),
    )))
    .parse(input)?;
    Ok((input, (n, hours, elsewhere.unwrap_or(false))))
}

/// Every deadline phrase in `text`, in text order: `within 48 hours`, and an order's `One
/// Eye has 14 days to respond to this order` (`has`/`have` PERIOD `to`).
pub(crate) fn phrases(text: &str) -> Vec<Phrase> {
    let within = find_words(text, "within").filter_map(|at| phrase(text, at, "within", false));
    let has = ["has", "have"]
        .into_iter()
        .flat_map(|cue| find_words(text, cue).filter_map(move |at| phrase(text, at, cue, true)));
    let mut out: Vec<Phrase> = within.chain(has).collect();
    out.sort_by_key(|p| p.range.start);
    out
}

/// The deadline phrase whose cue word `cue` stands at `at`; with `then_to`, the period must
/// be followed by `to` (`has 14 days to respond`).
fn phrase(text: &str, at: usize, cue: &str, then_to: bool) -> Option<Phrase> {
    let after = text.get(at + cue.len()..)?;
    let rest = after.trim_start();
    if rest.len() == after.len() {
        return None;
    }
    let (after, (amount, hours, elsewhere)) = period(rest).ok()?;
    if then_to {
        (ws1, tag_no_case("to"), ws1).parse(after).ok()?;
    }
    let mut end = text.len() - after.len();
    // An optional `(April 27, 2021)` right after the phrase.
    let stated = (|| {
        let (inner, _) = (ws0, char('(')).parse(after).ok()?;
        let (date, len) = parse_date_prefix(inner)?;
        let start = text.len() - inner.len();
        let (close, _) = (ws0, char(')')).parse(inner.get(len..)?).ok()?;
        Some((date, start..start + len, text.len() - close.len()))
    })();
    let stated = stated.map(|(date, range, close)| {
        end = close;
        (date, range)
    });
    let kind = if hours {
        DeadlineKind::Mitigate
    } else {
        DeadlineKind::Report
    };
    Some(Phrase {
        kind,
        amount,
        hours,
        elsewhere,
        stated,
        range: at..end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_table() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        type Want<'a> = Option<(&'a str, Option<NaiveDate>)>;
        let cases: &[(&str, Want)] = &[
            ("within 48 hours, or", Some(("48 hours", None))),
            (
                "within fourteen (14) days of this letter (April 27, 2021) of",
                Some(("14 days", Some(d(2021, 4, 27)))),
            ),
            (
                "within fourteen (14) days of the date of this letter (November 25, 2022)",
                Some(("14 days", Some(d(2022, 11, 25)))),
            ),
            ("within fourteen days of the steps", Some(("14 days", None))),
            (
                "within 14 days of the\ndate of this letter (March 12, 2025) of",
                Some(("14 days", Some(d(2025, 3, 12)))),
            ),
            ("within forty-eight (48) hours", Some(("48 hours", None))),
            ("within\u{a0}48\u{a0}hours", Some(("48 hours", None))),
            ("Within 14 calendar days", Some(("14 days", None))),
            ("within 1 day", Some(("1 day", None))),
            ("within fourteen (15) days", Some(("15 days", None))),
            ("within 14 days (not a date)", Some(("14 days", None))),
            ("within the network", None),
            ("within 48", None),
            ("within", None),
            ("within fourteen (14", None),
            // An order gives its period with `has … to`.
            (
                "One Eye has 14 days to respond to this order",
                Some(("14 days", None)),
            ),
            (
                "the providers have forty-eight (48) hours to act",
                Some(("48 hours", None)),
            ),
            ("One Eye has 14 days", None),
            ("it has 30 employees to pay", None),
        ];
        for (text, want) in cases {
            let got = phrases(text)
                .into_iter()
                .next()
                .map(|p| (p.within().to_string(), p.stated.map(|s| s.0)));
            assert_eq!(got.as_ref().map(|(w, s)| (w.as_str(), *s)), *want, "{text}");
        }
    }

    #[test]
    fn due_dates() {
        let letter = NaiveDate::from_ymd_opt(2021, 4, 13).unwrap();
        let p = &phrases("within 48 hours and within fourteen (14) days")[..];
        assert_eq!(p[0].kind, DeadlineKind::Mitigate);
        assert_eq!(p[0].due(letter), NaiveDate::from_ymd_opt(2021, 4, 15));
        assert_eq!(p[1].kind, DeadlineKind::Report);
        assert_eq!(p[1].due(letter), NaiveDate::from_ymd_opt(2021, 4, 27));
        let edge = phrases("within 4294967295 days");
        assert_eq!(edge[0].due(letter), None);
        // From another document's date: not this letter's.
        let other = phrases("report within 14 days of the date of the CDL.");
        assert_eq!(other[0].due(letter), None);
        let own = phrases("report within 14 days of the date of the Notice.");
        assert_eq!(own[0].due(letter), NaiveDate::from_ymd_opt(2021, 4, 27));
    }
}
