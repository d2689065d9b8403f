//! The addressee block: name, title, organization, address lines and email.
//!
//! ```text
//! To: Omar Luna
//! CEO
//! R Squared Telecom LLC
//! 526 S Main St.
//! Suite 802
//! Akron, OH 44311
//! omar.luna@rsquaredtelecom.com
//! ```
//!
//! Collapsed copies run the block together (`Fawaz Saleem CEO Urth Access, LLC 2901 W. Coast
//! Hwy, Suite 200 Newport Beach, CA 92663 f.saleem@urthaccess.com`); there the title is found
//! from a list of titles and the address from its house number and city line.

use crate::grammar::address;
use crate::grammar::email::{email_list, find_email, find_emails};
use crate::model::Recipient;
use crate::text::{pieces, regex, squash};

/// Reads the addressee block (without `To:`).
pub(crate) fn recipient(block: &str) -> Recipient {
    let lines: Vec<&str> = pieces(block, '\n').map(|(_, l)| l).collect();
    if lines.len() > 1 {
        from_lines(&lines)
    } else {
        collapsed(lines.first().copied().unwrap_or(""))
    }
}

fn from_lines(lines: &[&str]) -> Recipient {
    let emails = lines
        .iter()
        .filter_map(|l| email_list(l))
        .flatten()
        .map(str::to_owned)
        .collect();
    let lines: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| email_list(l).is_none())
        .collect();
    let street = lines
        .iter()
        .skip(1)
        .position(|l| address::is_street_start(l))
        .map(|i| i + 1);
    let (head, address) = match street {
        Some(i) => lines.split_at(i),
        None => match lines.iter().position(|l| address::is_city_line(l)) {
            Some(i) => lines.split_at(i),
            None => (lines.as_slice(), &[][..]),
        },
    };
    let name = head.first().map(|s| squash(s));
    let organization = head
        .get(1..)
        .and_then(|rest| rest.last())
        .map(|s| squash(s));
    let titles = head.get(1..head.len().saturating_sub(1)).unwrap_or(&[]);
    let title = (!titles.is_empty()).then(|| squash(&titles.join(", ")));
    Recipient {
        name,
        title,
        organization,
        address: address.iter().map(|s| squash(s)).collect(),
        emails,
    }
}

fn collapsed(text: &str) -> Recipient {
    // The addresses close the block: `... CA 92663 info@callwin.net support@callwin.net`.
    let (text, emails) = match find_email(text) {
        Some((_, r)) => (
            text.get(..r.start).unwrap_or(text),
            find_emails(text.get(r.start..).unwrap_or(""))
                .into_iter()
                .map(str::to_owned)
                .collect(),
        ),
        None => (text, Vec::new()),
    };
    let title = regex!(
        r"(?-u)\b(?:Chief (?:Executive|Operating|Compliance|Technology|Financial) Officer|General Counsel|Compliance Officer|Managing (?:Member|Director|Partner)|(?:Executive |Senior )?Vice President|President|CEO|COO|CFO|CTO|Owner|Founder|Director|Manager|Registered Agent|Principal|Partner)(?-u:\b)"
    )
    .find(text);
    let (name, after_title) = match title {
        Some(t) => (text.get(..t.start()).unwrap_or(""), t.end()),
        None => {
            // Without a title, the name is the first two words, and a middle initial between
            // them (`Hector O. Tanaka Lumen Path Networks, Inc.`).
            let mut words = text.split_whitespace();
            let first = words.next();
            let second = words.next();
            let initial = second.is_some_and(|w| {
                w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_uppercase())
            });
            let last = if initial { words.next() } else { second };
            let end = last
                .or(second)
                .or(first)
                .map_or(0, |w| crate::text::offset_in(text, w) + w.len());
            (text.get(..end).unwrap_or(""), end)
        }
    };
    let rest = text.get(after_title..).unwrap_or("");
    let street = regex!(r"(?:^|\s)([0-9]|P\.?\s?O\.?\s+Box)")
        .captures(rest)
        .and_then(|c| c.get(1));
    let (organization, address) = match street {
        Some(m) => (
            rest.get(..m.start()).unwrap_or(""),
            rest.get(m.start()..).unwrap_or(""),
        ),
        None => (rest, ""),
    };
    let some = |s: &str| {
        let s = squash(s.trim().trim_end_matches(','));
        (!s.is_empty()).then_some(s)
    };
    Recipient {
        name: some(name),
        title: title.and_then(|t| some(t.as_str())),
        organization: some(organization),
        address: address::split_collapsed(address)
            .into_iter()
            .map(squash)
            .collect(),
        emails,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks() {
        type Want<'a> = (
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            &'a [&'a str],
            &'a [&'a str],
        );
        let cases: &[(&str, Want)] = &[
            (
                "Omar Luna\nCEO\nR Squared Telecom LLC\n526 S Main St.\nSuite 802\nAkron, OH 44311\nomar.luna@rsquaredtelecom.com",
                (Some("Omar Luna"), Some("CEO"), Some("R Squared Telecom LLC"), &["526 S Main St.", "Suite 802", "Akron, OH 44311"], &["omar.luna@rsquaredtelecom.com"]),
            ),
            (
                "Brisa Cruz\nBelthrough, LLC\n1 Main St.\nDover, DE 19901",
                (Some("Brisa Cruz"), None, Some("Belthrough, LLC"), &["1 Main St.", "Dover, DE 19901"], &[]),
            ),
            (
                "Talal Khalid Chief Executive Officer Telcast Networks, LLC 8 The Green, STE A, Suite 7044 Dover, DE 19901",
                (Some("Talal Khalid"), Some("Chief Executive Officer"), Some("Telcast Networks, LLC"), &["8 The Green, STE A, Suite 7044", "Dover, DE 19901"], &[]),
            ),
            (
                "Fawaz Saleem CEO Urth Access, LLC 2901 W. Coast Hwy, Suite 200 Newport Beach, CA 92663 f.saleem@urthaccess.com",
                (Some("Fawaz Saleem"), Some("CEO"), Some("Urth Access, LLC"), &["2901 W. Coast Hwy, Suite 200", "Newport Beach, CA 92663"], &["f.saleem@urthaccess.com"]),
            ),
            (
                "Craig Denson CEO PTGi International Carrier Services, Inc. 4115 Wisconsin Avenue Suite 203 Washington, DC 20016",
                (Some("Craig Denson"), Some("CEO"), Some("PTGi International Carrier Services, Inc."), &["4115 Wisconsin Avenue Suite 203", "Washington, DC 20016"], &[]),
            ),
            (
                "Ana Ruiz\nCompliance Officer\nCallWin LLC\n1 Main St.\nDover, DE 19901\ninfo@callwin.test support@callwin.test",
                (Some("Ana Ruiz"), Some("Compliance Officer"), Some("CallWin LLC"), &["1 Main St.", "Dover, DE 19901"], &["info@callwin.test", "support@callwin.test"]),
            ),
            (
                "Ana Ruiz\nCallWin LLC\n1 Main St.\nDover, DE 19901\ninfo@callwin.test\nsupport@callwin.test",
                (Some("Ana Ruiz"), None, Some("CallWin LLC"), &["1 Main St.", "Dover, DE 19901"], &["info@callwin.test", "support@callwin.test"]),
            ),
            // No title, and a middle initial.
            (
                "Hector O. Tanaka Lumen Path Networks, Inc. 1200 Commerce Drive Dover, DE 19901 info@lumenpath.test",
                (Some("Hector O. Tanaka"), None, Some("Lumen Path Networks, Inc."), &["1200 Commerce Drive", "Dover, DE 19901"], &["info@lumenpath.test"]),
            ),
            (
                "Brisa Cruz Belthrough, LLC 1 Main St. Dover, DE 19901",
                (Some("Brisa Cruz"), None, Some("Belthrough, LLC"), &["1 Main St.", "Dover, DE 19901"], &[]),
            ),
            // A unit after the street stays on the street line.
            (
                "Mateo Cruz CEO Ironwood Data Co. 2901 W. Coast Hwy, Unit 4B Miami, FL 33131",
                (Some("Mateo Cruz"), Some("CEO"), Some("Ironwood Data Co."), &["2901 W. Coast Hwy, Unit 4B", "Miami, FL 33131"], &[]),
            ),
            (
                "Ana Ruiz CEO CallWin LLC 1 Main St. Dover, DE 19901 info@callwin.test support@callwin.test",
                (Some("Ana Ruiz"), Some("CEO"), Some("CallWin LLC"), &["1 Main St.", "Dover, DE 19901"], &["info@callwin.test", "support@callwin.test"]),
            ),
            ("", (None, None, None, &[], &[])),
        ];
        for (block, want) in cases {
            let r = recipient(block);
            let got = (
                r.name.as_deref(),
                r.title.as_deref(),
                r.organization.as_deref(),
                r.address.iter().map(String::as_str).collect::<Vec<_>>(),
                r.emails.iter().map(String::as_str).collect::<Vec<_>>(),
            );
            assert_eq!(
                (got.0, got.1, got.2, got.3.as_slice(), got.4.as_slice()),
                *want,
                "{block}"
            );
        }
    }
}
