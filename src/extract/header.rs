//! The letter header: letterhead, date, delivery line, addressee block and `Re:` line.
//!
//! ```text
//! Federal Communications Commission
//! Enforcement Bureau
//! 45 L Street, NE
//! Washington, DC 20554
//!
//! April 13, 2021
//!
//! VIA CERTIFIED MAIL - RETURN RECEIPT REQUESTED
//!
//! To: Omar Luna
//! …
//! Re: Official Correspondence from the Federal Communications Commission
//! ```
//!
//! Parts are found by their cue words, so the same code reads copies whose line breaks were
//! collapsed (`… DC 20554 February 4, 2020 VIA CERTIFIED MAIL … To: Talal Khalid …`).

use crate::grammar::address;
use crate::grammar::date::{find_date, parse_date_prefix};
use crate::model::Issuer;
use crate::text::{find_words, pieces, regex, squash};
use chrono::NaiveDate;
use std::ops::Range;

/// What the header holds, as ranges relative to the header text.
#[derive(Debug, Default)]
pub(crate) struct Header<'a> {
    pub(crate) date: Option<(NaiveDate, Range<usize>)>,
    pub(crate) letterhead: &'a str,
    pub(crate) delivery: Option<&'a str>,
    /// The addressee block without its `To:`.
    pub(crate) recipient: Option<&'a str>,
    pub(crate) subject: Option<&'a str>,
}

/// Finds the header's parts in `header`.
pub(crate) fn header(header: &str) -> Header<'_> {
    let mut out = Header::default();
    let released = find_words(header, "released:").next().and_then(|at| {
        let after = header.get(at + "released:".len()..)?;
        let start = header.len() - after.trim_start().len();
        let (date, len) = parse_date_prefix(header.get(start..)?)?;
        Some((date, start..start + len))
    });
    out.date = released.or_else(|| find_date(header));
    let after_date = match &out.date {
        Some((_, r)) => {
            out.letterhead = header.get(..r.start).unwrap_or("");
            r.end
        }
        None => 0,
    };
    let rest = header.get(after_date..).unwrap_or("");
    let mut block_start = after_date;
    // The line may wrap (`… RETURN RECEIPT` / `REQUESTED`): a next line that goes on with
    // the words of a delivery line belongs to it.
    if let Some(m) = regex!(
        r"(?-u:\b)VIA(?:[ \t]+(?:[A-Z]+(?-u:\b)|[-–&/]))+(?:[ \t]*\n[ \t]*(?:REQUESTED|RECEIPT|RETURN|MAIL|CERTIFIED|AND|DELIVERY|ELECTRONIC|E-?MAIL|OVERNIGHT|FIRST[- ]CLASS|[-–&/])(?-u:\b)(?:[ \t]+(?:[A-Z]+(?-u:\b)|[-–&/]))*)?"
    )
    .find(rest)
    {
        if m.start() < 200 {
            out.delivery = Some(m.as_str().trim());
            block_start = after_date + m.end();
        }
    }
    // `Re:` and `To:`, each as (start, end of the cue and the blanks after it).
    let cue = |word: &str| {
        let at = find_words(rest, word).next()?;
        let after = rest.get(at + word.len()..)?;
        Some((at, rest.len() - after.trim_start_matches([' ', '\t']).len()))
    };
    let re = cue("Re:");
    if let Some((_, end)) = re {
        // The line, and the lines it wraps onto up to a blank line (at most two more).
        let subject = rest.get(end..).unwrap_or("");
        let mut len = 0;
        for (i, line) in subject.split('\n').enumerate() {
            if i > 2 || (i > 0 && line.trim().is_empty()) {
                break;
            }
            len += line.len() + 1;
        }
        let subject = subject
            .get(..len.saturating_sub(1))
            .unwrap_or(subject)
            .trim();
        out.subject = (!subject.is_empty()).then_some(subject);
    }
    let to = cue("To:");
    if re.is_some() || to.is_some() {
        let start = to.map_or(block_start, |(_, end)| after_date + end);
        let end = re.map_or(header.len(), |(at, _)| after_date + at);
        let block = header.get(start..end).unwrap_or("").trim();
        out.recipient = (!block.is_empty()).then_some(block);
    }
    out
}

/// The party an order's caption names: `In the Matter of One Eye LLC ) ) ) EB-TCD-…`, or
/// set in a `)` column over several lines (`In the Matter of )` / `)` / `Acme Gateway Corp. )
/// File No. …`): the text before each line's `)`, up to the file number or the title.
pub(crate) fn caption(header: &str) -> Option<String> {
    const MATTER: &str = "In the Matter of";
    let at = header.find(MATTER)? + MATTER.len();
    let rest = header.get(at..)?;
    let end = regex!(r"File No|EB-[A-Z]|Docket No|ORDER|Adopted:|Released:|By the ")
        .find(rest)
        .map_or(rest.len(), |m| m.start())
        .min(400);
    let mut name = String::new();
    for (_, line) in pieces(rest.get(..end).unwrap_or(""), '\n') {
        let before = line.split(')').next().unwrap_or("").trim();
        if !before.is_empty() {
            if !name.is_empty() {
                name.push(' ');
            }
            name.push_str(before);
        }
    }
    let name = squash(name.trim_end_matches(','));
    (!name.is_empty()).then_some(name)
}

/// The issuer from the letterhead lines (`Federal Communications Commission`, `Enforcement
/// Bureau`, street, city). A long line is a collapsed letterhead, read by its cue words.
pub(crate) fn issuer(letterhead: &str) -> Option<Issuer> {
    let mut issuer = Issuer {
        agency: None,
        bureau: None,
        division: None,
        address: Vec::new(),
    };
    let fill = |slot: &mut Option<String>, value: Option<String>| {
        if slot.is_none() {
            *slot = value;
        }
    };
    for (_, line) in pieces(letterhead, '\n') {
        let lower = line.to_ascii_lowercase();
        if line.len() > 60 {
            let agency = find_words(line, crate::cues::AGENCY).next();
            let agency = agency.and_then(|at| line.get(at..at + crate::cues::AGENCY.len()));
            fill(&mut issuer.agency, agency.map(squash));
            fill(&mut issuer.bureau, named_unit(line, "Bureau"));
            fill(&mut issuer.division, named_unit(line, "Division"));
            if let Some(city) = address::find_city_line(line) {
                let before = line.get(..city.start).unwrap_or("");
                let street = regex!(r"[0-9][^\n]*$")
                    .find(before)
                    .map_or(city.start, |m| m.start());
                let block = line.get(street..city.end).unwrap_or("");
                issuer
                    .address
                    .extend(address::split_collapsed(block).into_iter().map(squash));
            }
        } else if lower.ends_with("commission") {
            fill(&mut issuer.agency, Some(squash(line)));
        } else if lower.ends_with("bureau") {
            fill(&mut issuer.bureau, Some(squash(line)));
        } else if lower.ends_with("division") {
            fill(&mut issuer.division, Some(squash(line)));
        } else if address::is_street_start(line) || address::is_city_line(line) {
            issuer.address.push(squash(line));
        }
    }
    let empty = issuer.agency.is_none() && issuer.bureau.is_none() && issuer.address.is_empty();
    (!empty).then_some(issuer)
}

/// `Enforcement Bureau` or `Telecommunications Consumers Division` in running text: the
/// capitalised words before `kind`, stopping at another unit's name.
fn named_unit(text: &str, kind: &str) -> Option<String> {
    let at = text
        .match_indices(kind)
        .find(|(i, _)| {
            let after = text.get(i + kind.len()..).and_then(|s| s.chars().next());
            !after.is_some_and(char::is_alphanumeric)
        })?
        .0;
    let words: Vec<&str> = text
        .get(..at)?
        .split_whitespace()
        .rev()
        .take_while(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).all(char::is_lowercase)
                && !matches!(*w, "Bureau" | "Commission" | "Division")
        })
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut name: Vec<&str> = words.into_iter().rev().collect();
    name.push(kind);
    Some(name.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        struct Case {
            text: &'static str,
            date: &'static str,
            delivery: Option<&'static str>,
            recipient: Option<&'static str>,
            subject: Option<&'static str>,
        }
        let cases = [
            Case {
                text: "Federal Communications Commission\nEnforcement Bureau\n\nApril 13, 2021\n\nVIA CERTIFIED MAIL - RETURN RECEIPT REQUESTED\n\nTo: Omar Luna\nCEO\n\nRe: Official Correspondence\n\n",
                date: "2021-04-13",
                delivery: Some("VIA CERTIFIED MAIL - RETURN RECEIPT REQUESTED"),
                recipient: Some("Omar Luna\nCEO"),
                subject: Some("Official Correspondence"),
            },
            Case {
                text: "November 10, 2022 VIA ELECTRONIC DELIVERY AND CERTIFIED MAIL - RETURN RECEIPT REQUESTED Fawaz Saleem CEO Urth Access, LLC f.saleem@urthaccess.com Re: Official Correspondence from the Federal Communications Commission ",
                date: "2022-11-10",
                delivery: Some("VIA ELECTRONIC DELIVERY AND CERTIFIED MAIL - RETURN RECEIPT REQUESTED"),
                recipient: Some("Fawaz Saleem CEO Urth Access, LLC f.saleem@urthaccess.com"),
                subject: Some("Official Correspondence from the Federal Communications Commission"),
            },
            // A `Re:` line wrapped over two lines.
            Case {
                text: "May 1, 2024\n\nTo: Jo Roe\n\nRe: Official Correspondence from the Federal Communications Commission and Federal Trade\nCommission\n\n",
                date: "2024-05-01",
                delivery: None,
                recipient: Some("Jo Roe"),
                subject: Some("Official Correspondence from the Federal Communications Commission and Federal Trade\nCommission"),
            },
            // A delivery line wrapped over two lines; the addressee's name is not part of it.
            Case {
                text: "December 20, 2023\n\nVIA ELECTRONIC DELIVERY AND CERTIFIED MAIL - RETURN RECEIPT\nREQUESTED\n\nJANE DOE\nCEO\n\nRe: Notice\n",
                date: "2023-12-20",
                delivery: Some("VIA ELECTRONIC DELIVERY AND CERTIFIED MAIL - RETURN RECEIPT\nREQUESTED"),
                recipient: Some("JANE DOE\nCEO"),
                subject: Some("Notice"),
            },
            Case {
                text: "May 1, 2024\nVIA ELECTRONIC MAIL\nTo: JANE DOE\nRe: Notice\n",
                date: "2024-05-01",
                delivery: Some("VIA ELECTRONIC MAIL"),
                recipient: Some("JANE DOE"),
                subject: Some("Notice"),
            },
            Case {
                text: "DA 23-279 In the Matter of One Eye LLC ) ) ) Adopted: April 3, 2023 Released: April 4, 2023 By the Chief, Enforcement Bureau:",
                date: "2023-04-04",
                delivery: None,
                recipient: None,
                subject: None,
            },
        ];
        for case in cases {
            let h = header(case.text);
            assert_eq!(
                h.date.map(|d| d.0.to_string()).as_deref(),
                Some(case.date),
                "{}",
                case.text
            );
            assert_eq!(h.delivery, case.delivery);
            assert_eq!(h.recipient, case.recipient);
            assert_eq!(h.subject, case.subject);
        }
        assert!(header("no date at all").date.is_none());
    }

    #[test]
    fn captions() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "In the Matter of One Eye LLC ) ) ) ) ) EB-TCD-20-00031678 EB Docket No. 22-174 INITIAL DETERMINATION ORDER",
                Some("One Eye LLC"),
            ),
            (
                "In the Matter of                      )\n                                      )\nAcme Gateway Corp.                    )     File No. EB-TCD-23-00099999\n     )\n\nFINAL DETERMINATION ORDER\n",
                Some("Acme Gateway Corp."),
            ),
            (
                "In the Matter of )\n )\nKappa Voice, LLC ) File No. EB-TCD-25-00012345\n )\n\nORDER\n",
                Some("Kappa Voice, LLC"),
            ),
            ("April 13, 2021 To: Omar Luna", None),
        ];
        for (text, want) in cases {
            assert_eq!(caption(text).as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn issuers() {
        let lines = issuer("Federal Communications Commission\nEnforcement Bureau\n45 L Street, NE\nWashington, DC 20554\n").unwrap();
        assert_eq!(
            lines.agency.as_deref(),
            Some("Federal Communications Commission")
        );
        assert_eq!(lines.bureau.as_deref(), Some("Enforcement Bureau"));
        assert_eq!(lines.address, ["45 L Street, NE", "Washington, DC 20554"]);
        let collapsed = issuer("United States of America Federal Communications Commission 445 12th Street, SW Washington, DC 20554 ").unwrap();
        assert_eq!(
            collapsed.agency.as_deref(),
            Some("Federal Communications Commission")
        );
        assert_eq!(
            collapsed.address,
            ["445 12th Street, SW", "Washington, DC 20554"]
        );
        let caps = issuer("FEDERAL COMMUNICATIONS COMMISSION Enforcement Bureau Telecommunications Consumers Division 45 L Street, NE Washington, DC 20554").unwrap();
        assert_eq!(caps.bureau.as_deref(), Some("Enforcement Bureau"));
        assert_eq!(
            caps.division.as_deref(),
            Some("Telecommunications Consumers Division")
        );
        assert!(issuer("14").is_none());
        let page_number = issuer("14\nUnited States of America Federal Communications Commission 445 12th Street, SW Washington, DC 20554 ").unwrap();
        assert_eq!(
            page_number.address,
            ["445 12th Street, SW", "Washington, DC 20554"]
        );
    }
}
