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
use crate::text::{find_words, is_abbreviation, regex, squash};
use nom::bytes::complete::{tag, take_till1};
use nom::character::complete::{char, multispace0};
use nom::combinator::{opt, verify};
use nom::sequence::delimited;
use nom::{IResult, Parser};
use std::ops::Range;

/// Quotation marks that may wrap a short name.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’')
}

/// The aliases of a parenthesised definition, split at the word `or` (`“Veritas” or
/// “Company”`), whatever whitespace (a line break) stands around it.
fn aliases(inside: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(inside);
    std::iter::from_fn(move || {
        let text = rest?;
        let split = find_words(text, "or").find(|&at| {
            text.get(..at).is_some_and(|b| b.ends_with(char::is_whitespace))
                && text.get(at + 2..).is_some_and(|a| a.starts_with(char::is_whitespace))
        });
        match split {
            Some(at) => {
                rest = text.get(at + 2..);
                text.get(..at)
            }
            None => rest.take(),
        }
    })
}

/// `R Squared Telecom LLC (R Squared)`: the name and the parenthesised short name, quotes and
/// a second alias (`(“Nu Networks” or “Company”)`) dropped.
fn definition(input: &str) -> IResult<&str, (&str, &str)> {
    // Either part may wrap over a line break.
    let (input, name) = verify(take_till1(|c| c == '(' || c == ')'), |n: &str| {
        n.len() <= 120 && name_start(n) == Some(0)
    })
    .parse(input)?;
    let (input, inside) = delimited(
        char('('),
        verify(take_till1(|c: char| c == ')' || c == '('), |a: &str| a.len() <= 80),
        char(')'),
    )
    .parse(input)?;
    let first = aliases(inside).next().unwrap_or(inside);
    let short = first.trim().trim_matches(is_quote).trim();
    let (input, _) = (multispace0, opt(tag("is"))).parse(input)?;
    Ok((input, (name, short)))
}

/// Finds the provider's definition in a body paragraph; returns it and its byte range.
pub(crate) fn defined(text: &str) -> Option<(Provider, Range<usize>)> {
    // `determined that `, `finds that `…: a cue word, whitespace, `that`, whitespace. A byte
    // scan for `that` (no regex to compile for a cue this simple).
    const CUES: &[&str] = &[
        "determined",
        "determine",
        "determines",
        "find",
        "finds",
        "found",
        "believe",
        "believes",
        "concluded",
    ];
    let is_ws = |c: char| c.is_whitespace();
    find_words(text, "that").find_map(|at| {
        let before = text.get(..at)?;
        let cue = before.trim_end_matches(is_ws);
        let word_start = cue
            .rfind(|c: char| !c.is_ascii_alphabetic())
            .map_or(0, |i| i + 1);
        let word = cue.get(word_start..)?;
        if cue.len() == before.len() || !CUES.iter().any(|c| c.eq_ignore_ascii_case(word)) {
            return None;
        }
        let after_that = text.get(at + "that".len()..)?;
        let rest = after_that.trim_start_matches(is_ws);
        if rest.len() == after_that.len() {
            return None;
        }
        let start = text.len() - rest.len();
        let (after, (name, short)) = definition(rest).ok()?;
        if short.is_empty() || short.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        let provider = Provider {
            name: squash(name),
            short_name: Some(squash(short)),
        };
        let end = text.len() - after.len();
        Some((provider, start..end))
    })
}

/// Words that end a company's name: `LLC`, `Inc.`, `Corp.`, …
const COMPANY_SUFFIXES: &[&str] = &[
    "LLC",
    "L.L.C.",
    "Inc.",
    "Inc",
    "Corp.",
    "Corp",
    "Corporation",
    "Co.",
    "Company",
    "Ltd.",
    "Ltd",
    "LP",
    "L.P.",
    "LLP",
    "PLLC",
    "Limited",
];

/// Words a name may hold besides capitalised ones: `Acme & Sons`, `Bank of Calls`.
const NAME_CONNECTORS: &[&str] = &["&", "and", "of", "d/b/a", "dba"];

/// A provider defined by a parenthesised short name anywhere in `text`, without a cue verb
/// before it: `provides this notice to CallWin LLC (CallWin or Company) that it is …`,
/// `to Felix Hernandez, Compliance Officer, Veriwave Telco, LLC (Veriwave)`. The name is the
/// run of capitalised words before the parenthesis. It counts when it is one of `names` (the
/// addressee's organization, an order's caption), when `Company` is its second alias, or when
/// it ends in a company suffix (`LLC`, `Inc.`); the agency's own terms (`Federal
/// Communications Commission (FCC or Commission)`) do not.
pub(crate) fn defined_anywhere(text: &str, names: &[&str]) -> Option<(Provider, Range<usize>)> {
    let mut fallback = None;
    for (open, _) in text.match_indices('(') {
        let Some((inside, close)) = text.get(open + 1..).and_then(|rest| {
            let end = rest.find([')', '(']).filter(|&end| end <= 80)?;
            rest.get(end..)?
                .starts_with(')')
                .then(|| (rest.get(..end), end))
        }) else {
            continue;
        };
        let Some(inside) = inside else { continue };
        let mut aliases = inside
            .split(" or ")
            .map(|a| a.trim().trim_matches(is_quote).trim());
        let Some(short) = aliases.next() else {
            continue;
        };
        let company_alias = aliases.any(|a| a == "Company");
        let short_words = short.split_whitespace().count();
        if !short.starts_with(|c: char| c.is_uppercase()) || short_words == 0 || short_words > 6 {
            continue;
        }
        let before = text.get(..open).unwrap_or("");
        let Some(name_start) = name_start(before) else {
            continue;
        };
        let name = before.get(name_start..).unwrap_or("").trim_end();
        let last = name.split_whitespace().next_back().unwrap_or("");
        let agency = ["Commission", "Bureau", "Consortium", "Division"]
            .iter()
            .any(|w| find_words(name, w).next().is_some() || find_words(short, w).next().is_some());
        if name.is_empty() || agency {
            continue;
        }
        let provider = Provider {
            name: squash(name),
            short_name: Some(squash(short)),
        };
        let range = name_start..open + 1 + close + 1;
        let named = names.iter().any(|n| same_name(n, name));
        if named || company_alias {
            return Some((provider, range));
        }
        if fallback.is_none() && COMPANY_SUFFIXES.contains(&last.trim_end_matches(',')) {
            fallback = Some((provider, range));
        }
    }
    fallback
}

/// Where the name that ends `before` (a parenthesis follows) starts: the run of capitalised
/// words, connectors and company suffixes before it, at most eight words, not across a
/// sentence end or a lowercase word.
fn name_start(before: &str) -> Option<usize> {
    let trimmed = before.trim_end();
    let mut start = None;
    let mut words = 0;
    let mut rest = trimmed;
    while let Some(at) = rest.rfind(char::is_whitespace).map(|i| i + 1).or(Some(0)) {
        let word = rest.get(at..)?;
        let bare = word.trim_end_matches(',');
        let capital = bare.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        let connector = NAME_CONNECTORS.contains(&bare) && start.is_some();
        // A period ends the sentence before the name, unless it is the name's own suffix.
        let ends_sentence =
            word.ends_with('.') && start.is_some() && !COMPANY_SUFFIXES.contains(&bare);
        if word.is_empty() || !(capital || connector) || ends_sentence || words == 8 {
            break;
        }
        start = Some(at);
        words += 1;
        if at == 0 {
            break;
        }
        rest = rest.get(..at)?.trim_end();
    }
    // A name does not start with a connector.
    let mut start = start?;
    while let Some(word) = trimmed.get(start..)?.split_whitespace().next() {
        if !NAME_CONNECTORS.contains(&word) {
            break;
        }
        start += word.len() + trimmed.get(start + word.len()..)?.len()
            - trimmed.get(start + word.len()..)?.trim_start().len();
    }
    Some(start)
}

/// Whether two spellings name the same company (`Urth Access, LLC` and `Urth Access LLC`):
/// the same words ignoring commas, periods and case.
fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_matches('.'))
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
    };
    let (a, b) = (words(a), words(b));
    !a.is_empty() && a == b
}

/// Whether the period at byte `at` of `text` ends an abbreviation rather than a sentence.
fn abbreviation_before(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let word = before.rsplit([' ', ',']).next().unwrap_or(before);
    is_abbreviation(word)
}

/// One named entity of a list: `Pi Telecom LLC (Pi Telecom)` or `Rho Networks, Inc.`, with a
/// trailing `and`, separator or inline footnote number cut off.
fn item(text: &str) -> Option<Provider> {
    // An inline footnote body starts after its number: `Call Pipe 1 The Cox/Jones/...`; a
    // sentence end (not `Inc.`) closes the last item of a collapsed list.
    let end = regex!(r"\s[0-9]{1,3}\s+[A-Z]|[;•·▪\n]|\.(?:\s|$)|\s\(collectively(?-u:\b)")
        .find_iter(text)
        .find(|m| !(m.as_str().starts_with('.') && abbreviation_before(text, m.start())))
        .map_or(text.len(), |m| m.start());
    let text = text.get(..end).unwrap_or(text).trim();
    let text = text.trim_end_matches([',', ':']).trim_end();
    let text = text
        .strip_suffix(" and")
        .unwrap_or(text)
        .trim_end_matches(',');
    let text = text.strip_prefix("and ").unwrap_or(text).trim();
    if !text.starts_with(|c: char| c.is_uppercase()) || text.len() > 120 {
        return None;
    }
    Some(match definition(text) {
        Ok((rest, (name, short))) if rest.trim().is_empty() => Provider {
            name: squash(name.trim().trim_end_matches(',')),
            short_name: Some(squash(short)),
        },
        _ => Provider {
            name: squash(text),
            short_name: None,
        },
    })
}

/// Whether a list's lead-in names providers: `each of the following voice service providers
/// (the Originating Providers):`.
fn introduces_providers(lead: &str) -> bool {
    let lead = lead.trim_end();
    let lead = lead
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    lead.ends_with(':')
        && (find_words(lead, "provider").next().is_some()
            || find_words(lead, "providers").next().is_some())
}

/// The providers a document lists: the bulleted list after a lead-in that names providers
/// (`(the Originating Providers): • Call Pipe • …`, one paragraph per bullet or all in one
/// collapsed paragraph), or a numbered collective definition (`(1) Urth Access, LLC (Urth
/// Access); (2) Fire Data LLC; … (collectively, the Student Loan Robocall Operation)`).
pub(crate) fn listed<S: AsRef<str>>(paragraphs: &[S]) -> Vec<Provider> {
    let bullet = |c: char| matches!(c, '•' | '·' | '▪');
    // The first bullet, found by three memchr scans rather than a char-by-char one.
    let first_bullet = |p: &str| ['•', '·', '▪'].iter().filter_map(|b| p.find(*b)).min();
    for (i, p) in paragraphs.iter().enumerate() {
        let p = p.as_ref();
        let lead_end = first_bullet(p).unwrap_or(p.len());
        if introduces_providers(p.get(..lead_end).unwrap_or(p)) {
            let inline = p.get(lead_end..).unwrap_or("");
            let following = paragraphs
                .get(i + 1..)
                .unwrap_or(&[])
                .iter()
                .map(AsRef::as_ref)
                .take_while(|q| q.trim_start().starts_with(bullet));
            let providers: Vec<Provider> = std::iter::once(inline)
                .chain(following)
                .flat_map(|q| q.split(bullet).skip(1))
                .filter_map(item)
                .collect();
            if !providers.is_empty() {
                return providers;
            }
        }
        if let Some(providers) = numbered(p) {
            return providers;
        }
    }
    Vec::new()
}

/// `(1) A (A); (2) B; and (3) C (collectively, the X)`: the items of a numbered collective
/// definition, or `None` when the paragraph has none.
fn numbered(p: &str) -> Option<Vec<Provider>> {
    let start = p.find("(1) ")?;
    let rest = p.get(start..)?;
    let end = regex!(r"\(collectively(?-u:\b)").find(rest)?.start();
    let list = rest.get(..end)?;
    let marks = regex!(r"\(([0-9]{1,2})\)\s+");
    let mut providers = Vec::new();
    let mut marks_found = marks.find_iter(list).peekable();
    while let Some(m) = marks_found.next() {
        let until = marks_found.peek().map_or(list.len(), |n| n.start());
        let text = list.get(m.end()..until).unwrap_or("");
        // Each item but the last ends with `;` (or `,`): `(2) Fire Data LLC; (3) …`.
        let closed = text.trim_end();
        let closed = closed.strip_suffix(" and").unwrap_or(closed);
        if marks_found.peek().is_some() && !closed.ends_with([';', ',']) {
            return None;
        }
        providers.push(item(text)?);
    }
    (providers.len() >= 2).then_some(providers)
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
                "We have determined that Nu Networks LLC (“Nu Networks” or “Company”) is",
                Some(("Nu Networks LLC", "Nu Networks")),
            ),
            (
                "the Bureau initially determines that Belmont Route LLC (Belmont or Company) has not",
                Some(("Belmont Route LLC", "Belmont")),
            ),
            (
                "We have determined that the traffic (collectively, the Calls) is",
                None,
            ),
            (
                "We have determined that R Squared Telecom LLC is apparently",
                None,
            ),
            // The definition wraps over a line break.
            (
                "determined that Veritas Networks Co. (“Veritas” or\n“Company”) is apparently",
                Some(("Veritas Networks Co.", "Veritas")),
            ),
            (
                "determined that Urth Carrier Services, LLC (“Urth Carrier\nServices”) is apparently",
                Some(("Urth Carrier Services, LLC", "Urth Carrier Services")),
            ),
            // A parenthesis later in the sentence is no definition of the provider.
            (
                "determined that Cobalt Data LLC is apparently routing and transmitting Novel Coronavirus Disease (COVID-19) scam robocall traffic",
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
    fn definitions_without_a_cue() {
        type Case<'a> = (&'a str, &'a [&'a str], Option<(&'a str, &'a str)>);
        let cases: &[Case] = &[
            (
                "The Enforcement Bureau (Bureau) of the Federal Communications Commission (FCC or Commission) provides this notice to CallWin LLC (CallWin or Company) that it is",
                &[],
                Some(("CallWin LLC", "CallWin")),
            ),
            (
                "we hereby notify all providers of the traffic. Veriwave Telco, LLC (Veriwave) apparently",
                &[],
                Some(("Veriwave Telco, LLC", "Veriwave")),
            ),
            (
                "the letter to Blue Sky Voice (Blue Sky) and USTelecom’s Industry Traceback Group (Traceback Consortium)",
                &["Blue Sky Voice"],
                Some(("Blue Sky Voice", "Blue Sky")),
            ),
            ("the Traceback Consortium (ITG) and the Bureau (EB)", &[], None),
            ("a cease-and-desist letter (CDL) was sent", &[], None),
            ("(", &[], None),
        ];
        for (text, names, want) in cases {
            let got = defined_anywhere(text, names)
                .map(|(p, _)| (p.name, p.short_name.unwrap_or_default()));
            assert_eq!(
                got.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
                *want,
                "{text}"
            );
        }
    }

    #[test]
    fn lists() {
        type Case<'a> = (&'a [&'a str], &'a [(&'a str, Option<&'a str>)]);
        let cases: &[Case] = &[
            (
                &["(the Originating Providers): • Call Pipe 1 The Cox/Jones"],
                &[("Call Pipe", None)],
            ),
            (
                &["to these providers: · Urth Access, LLC · One Owl"],
                &[("Urth Access, LLC", None), ("One Owl", None)],
            ),
            (
                &[
                    "each of the following voice service providers (the Originating Providers):3",
                    "• Pi Telecom LLC (Pi Telecom);",
                    "• Rho Networks, Inc.; and",
                    "• Sigma Voice Corp.",
                    "If any of the Originating Providers fails",
                ],
                &[
                    ("Pi Telecom LLC", Some("Pi Telecom")),
                    ("Rho Networks, Inc.", None),
                    ("Sigma Voice Corp.", None),
                ],
            ),
            (
                &["originating from (1) Urth Access, LLC (Urth Access); (2) Fire Data LLC; and (3) Davis Telecom Inc. (collectively, the Student Loan Robocall Operation)."],
                &[
                    ("Urth Access, LLC", Some("Urth Access")),
                    ("Fire Data LLC", None),
                    ("Davis Telecom Inc.", None),
                ],
            ),
            // Bullets without a lead-in naming providers, and numbered steps, are not lists of
            // providers.
            (&["Individuals: • Roy Cox • Aaron Jones"], &[]),
            (&["You must (1) investigate; and (2) report."], &[]),
            (&["no bullets here"], &[]),
            (&[], &[]),
        ];
        for (paragraphs, want) in cases {
            let got: Vec<_> = listed(paragraphs)
                .into_iter()
                .map(|p| (p.name, p.short_name))
                .collect();
            let want: Vec<_> = want
                .iter()
                .map(|(n, s)| ((*n).to_owned(), s.map(str::to_owned)))
                .collect();
            assert_eq!(got, want, "{paragraphs:?}");
        }
    }
}
