//! Postal addresses: the `Akron, OH 44311` city line and street lines, in address blocks that
//! keep their line breaks and in copies that collapsed them onto one line
//! (`8 The Green, STE A, Suite 7044 Dover, DE 19901`).

use crate::text::regex;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{char, space0, space1};
use nom::combinator::{all_consuming, opt, recognize};
use nom::sequence::preceded;
use nom::{IResult, Parser};
use std::ops::Range;

/// `City, ST 12345` or `City, ST 12345-6789`: the city, state and ZIP code.
fn city_state_zip(input: &str) -> IResult<&str, (&str, &str, &str)> {
    let (input, city) = take_while1(|c: char| c != ',' && c != '\n')(input)?;
    let (input, _) = (char(','), space0).parse(input)?;
    let (input, state) = take_while_m_n(2, 2, |c: char| c.is_ascii_uppercase())(input)?;
    let (input, _) = space1(input)?;
    let (input, zip) = recognize((
        take_while_m_n(5, 5, |c: char| c.is_ascii_digit()),
        opt(preceded(
            tag("-"),
            take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        )),
    ))
    .parse(input)?;
    Ok((input, (city.trim(), state, zip)))
}

/// Whether the whole of `line` is a city line.
pub(crate) fn is_city_line(line: &str) -> bool {
    all_consuming((city_state_zip, space0))
        .parse(line.trim())
        .is_ok()
}

/// Whether `line` starts a street address: a house number, a P.O. box or a suite.
pub(crate) fn is_street_start(line: &str) -> bool {
    regex!(
        r"(?i-u)^\s*(?:[0-9]+[a-z]?(?:-[0-9]+)?\s+[a-z0-9]|(?:p\.?\s?o\.?\s+box|suite|ste\.?)\b)"
    )
    .is_match(line)
}

/// Compass words that end a street line rather than start a city: `45 L Street, NE`.
const DIRECTIONS: &[&str] = &[
    "N", "S", "E", "W", "NE", "NW", "SE", "SW", "N.E.", "N.W.", "S.E.", "S.W.",
];

/// Unit designators, each followed by its number or letter: `STE A`, `Unit 4B`.
const UNITS: &[&str] = &[
    "STE", "Ste", "Suite", "SUITE", "Unit", "UNIT", "Apt", "APT", "Rm", "Room", "Fl", "Floor",
    "Bldg", "Building",
];

/// Words that end a street line: `Main St.`, `Coast Hwy`.
const STREET_SUFFIXES: &[&str] = &[
    "St",
    "Street",
    "Ave",
    "Avenue",
    "Rd",
    "Road",
    "Blvd",
    "Boulevard",
    "Hwy",
    "Highway",
    "Dr",
    "Drive",
    "Ln",
    "Lane",
    "Way",
    "Pkwy",
    "Parkway",
    "Ct",
    "Court",
    "Pl",
    "Place",
    "Cir",
    "Circle",
    "Ter",
    "Terrace",
    "Sq",
    "Square",
    "Pike",
    "Trl",
    "Trail",
    "Plaza",
    "Center",
];

/// Finds a city line (`Newport Beach, CA 92663`) in text that lost its line breaks: the city
/// is the run of capitalised words before the comma. Returns its byte range.
pub(crate) fn find_city_line(text: &str) -> Option<Range<usize>> {
    // The city's first word starts a word: `Unit 4B Miami, FL` is not the city `B Miami`.
    let m = regex!(r"(?-u)\b[A-Z][A-Za-z.'\-]*(?:[ \t]+[A-Z][A-Za-z.'\-]*){0,5},[ \t]*[A-Z]{2}[ \t]+[0-9]{5}(?:-[0-9]{4})?\b")
        .find(text)?;
    let mut start = m.start();
    let mut found = text.get(start..m.end()).unwrap_or(m.as_str());
    // `Main St. Dover, DE`: the city starts after the street's last suffix word.
    let city_words = found.split(',').next().unwrap_or("");
    // A suffix right after another starts the city: `Elm Way St. Louis, MO`.
    let (mut pos, mut after_suffix) = (0, false);
    for word in city_words.split([' ', '\t']) {
        let end = pos + word.len();
        let more = city_words.get(end..).is_some_and(|r| !r.trim().is_empty());
        let suffix = STREET_SUFFIXES.contains(&word.trim_end_matches('.'));
        if more && suffix && !after_suffix {
            start = m.start() + end + 1;
        }
        (pos, after_suffix) = (end + 1, suffix);
    }
    found = text.get(start..m.end()).unwrap_or(found);
    // A unit (`STE A`, `Unit 4B`, `Suite C`) ends the street line; the city follows it.
    let city_words: Vec<&str> = found
        .split(',')
        .next()
        .unwrap_or("")
        .split([' ', '\t'])
        .collect();
    if let [unit, id, _, ..] = city_words.as_slice() {
        if UNITS.contains(&unit.trim_end_matches('.')) {
            start += unit.len() + 1 + id.len() + 1;
            found = text.get(start..m.end()).unwrap_or(found);
        }
    }
    if let Some((first, rest)) = found.split_once(' ') {
        let first = first.trim_end_matches(',');
        if DIRECTIONS.contains(&first)
            && !rest.starts_with(|c: char| c.is_ascii_digit())
            && rest.contains(' ')
        {
            start += first.len() + 1;
        }
    }
    Some(start..m.end())
}

/// Splits a collapsed address (`2901 W. Coast Hwy, Suite 200 Newport Beach, CA 92663`) into
/// its street part and its city line. Text after the city line is ignored.
pub(crate) fn split_collapsed(text: &str) -> Vec<&str> {
    let Some(city) = find_city_line(text) else {
        let t = text.trim();
        return if t.is_empty() { Vec::new() } else { vec![t] };
    };
    let street = text
        .get(..city.start)
        .unwrap_or("")
        .trim()
        .trim_end_matches(',')
        .trim_end();
    let city_line = text.get(city).unwrap_or("");
    [street, city_line]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn city_lines() {
        let cases = [
            ("Akron, OH 44311", true),
            ("Washington, DC 20554", true),
            ("Newport Beach, CA 92663-1234", true),
            ("Dover,DE 19901", true),
            ("Suite 802", false),
            ("Akron, Ohio 44311", false),
            ("Akron, OH 4431", false),
            ("Akron, OH 44311 and more", false),
            ("", false),
            (", OH 44311", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_city_line(line), want, "{line:?}");
        }
    }

    #[test]
    fn street_starts() {
        for (line, want) in [
            ("526 S Main St.", true),
            ("Suite 802", true),
            ("P.O. Box 12", true),
            ("STE A", true),
            ("CEO", false),
            ("Stevens Road", false),
            ("14", false),
            ("14 ", false),
            ("8 The Green", true),
        ] {
            assert_eq!(is_street_start(line), want, "{line}");
        }
    }

    #[test]
    fn collapsed_addresses() {
        let cases: &[(&str, &[&str])] = &[
            (
                "8 The Green, STE A, Suite 7044 Dover, DE 19901",
                &["8 The Green, STE A, Suite 7044", "Dover, DE 19901"],
            ),
            (
                "2901 W. Coast Hwy, Suite 200 Newport Beach, CA 92663 f.saleem@urthaccess.com",
                &["2901 W. Coast Hwy, Suite 200", "Newport Beach, CA 92663"],
            ),
            (
                "445 12th Street, SW Washington, DC 20554",
                &["445 12th Street, SW", "Washington, DC 20554"],
            ),
            (
                "4115 Wisconsin Avenue Suite 203 Washington, DC 20016",
                &["4115 Wisconsin Avenue Suite 203", "Washington, DC 20016"],
            ),
            (
                "1 Main St. Dover, DE 19901",
                &["1 Main St.", "Dover, DE 19901"],
            ),
            (
                "77 Harbor Blvd Salt Lake City, UT 84101",
                &["77 Harbor Blvd", "Salt Lake City, UT 84101"],
            ),
            (
                "9 Elm Way St. Louis, MO 63101",
                &["9 Elm Way", "St. Louis, MO 63101"],
            ),
            (
                "8 The Green, STE A Miami, FL 33131",
                &["8 The Green, STE A", "Miami, FL 33131"],
            ),
            (
                "2901 W. Coast Hwy, Unit 4B Miami, FL 33131",
                &["2901 W. Coast Hwy, Unit 4B", "Miami, FL 33131"],
            ),
            (
                "4115 Wisconsin Avenue Suite C Salt Lake City, UT 84101",
                &["4115 Wisconsin Avenue Suite C", "Salt Lake City, UT 84101"],
            ),
            ("no city here", &["no city here"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(split_collapsed(text), *want, "{text}");
        }
    }
}
