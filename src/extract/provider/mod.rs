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

mod lists;

pub(crate) use self::lists::listed;

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
            text.get(..at)
                .is_some_and(|b| b.ends_with(char::is_whitespace))
                && text
                    .get(at + 2..)
                    .is_some_and(|a| a.starts_with(char::is_whitespace))
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
        verify(take_till1(|c: char| c == ')' || c == '('), |a: &str| {
            a.len() <= 80
        }),
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
        // A definition is short: read it within a window (linear on hostile input).
        let rest = window(rest, DEFINITION_REACH);
        let Ok((after, (name, short))) = definition(rest) else {
            // Named without a short name: `determined that Northgate Access LLC is apparently`.
            return undefined_name(rest).map(|name| {
                let end = start + name.len();
                (
                    Provider {
                        name: squash(name),
                        short_name: None,
                    },
                    start..end,
                )
            });
        };
        if short.is_empty() || short.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        let provider = Provider {
            name: squash(name),
            short_name: Some(squash(short)),
        };
        let end = start + (rest.len() - after.len());
        Some((provider, start..end))
    })
}

/// How far past its cue a definition may reach: a name (at most 120 bytes), its parenthesis
/// (at most 80) and what follows it.
const DEFINITION_REACH: usize = 240;

/// The first `max` bytes of `text` (at a character boundary).
fn window(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or(text)
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
        let mut aliases = aliases(inside).map(|a| a.trim().trim_matches(is_quote).trim());
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
        let company = COMPANY_SUFFIXES.contains(&last.trim_end_matches(','));
        if fallback.is_none() && (company || leading_words(short, name)) {
            fallback = Some((provider, range));
        }
    }
    fallback
}

/// Whether `short` is the first words of `name` and shorter than it (`Nimbus` of `Nimbus
/// VoIP`, `Tidewater Carrier` of `Tidewater Carrier Services`): the way a company's short name
/// is made, where a document's or an act's short name is not (`Second Caller ID Order`,
/// `TCPA`).
fn leading_words(short: &str, name: &str) -> bool {
    let mut name_words = name.split_whitespace().map(|w| w.trim_end_matches(','));
    let mut short_words = short.split_whitespace().peekable();
    short_words.peek().is_some()
        && short_words.all(|s| name_words.next() == Some(s))
        && name_words.next().is_some()
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

/// A provider the letter names without defining it, by the first words of the addressee's
/// company (`Telcast Networks` for `Telcast Networks, LLC`), gets the company's full name.
pub(crate) fn completed(provider: Provider, organization: Option<&str>) -> Provider {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_matches('.').to_ascii_lowercase())
            .filter(|w| !w.is_empty())
            .collect()
    };
    match organization {
        Some(org) if provider.short_name.is_none() => {
            let (ours, theirs) = (words(&provider.name), words(org));
            if ours.len() < theirs.len() && theirs.starts_with(&ours) {
                Provider {
                    name: squash(org),
                    short_name: None,
                }
            } else {
                provider
            }
        }
        _ => provider,
    }
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

/// The name a sentence goes on from without defining a short name: the run of capitalised
/// words before `is`, `has` or `was` (`Northgate Access LLC is apparently routing …`).
fn undefined_name(text: &str) -> Option<&str> {
    let verb = ["is", "has", "was"]
        .iter()
        .filter_map(|v| {
            find_words(text, v).find(|&at| {
                text.get(..at)
                    .is_some_and(|b| b.ends_with(char::is_whitespace))
            })
        })
        .min()?;
    let name = text.get(..verb)?.trim_end();
    (name.len() <= 120 && !name.is_empty() && name_start(name) == Some(0)).then_some(name)
}

/// Whether the period at byte `at` of `text` ends an abbreviation rather than a sentence.
fn abbreviation_before(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let word = before.rsplit([' ', ',']).next().unwrap_or(before);
    is_abbreviation(word)
}

#[cfg(test)]
mod tests {
    use super::lists::is_entity_name;
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
            // Named without a short name.
            (
                "We have determined that R Squared Telecom LLC is apparently",
                Some(("R Squared Telecom LLC", "")),
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
            (
                "determined that Silverline Telecommunications Corp.\n(“Silverline”) is apparently",
                Some(("Silverline Telecommunications Corp.", "Silverline")),
            ),
            // A parenthesis later in the sentence is no definition of the provider.
            (
                "determined that Cobalt Data LLC is apparently routing and transmitting Novel Coronavirus Disease (COVID-19) scam robocall traffic",
                Some(("Cobalt Data LLC", "")),
            ),
            ("determined that the traffic is apparently illegal", None),
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
            (
                "they may cease accepting traffic from Nimbus VoIP (Nimbus) without liability",
                &[],
                Some(("Nimbus VoIP", "Nimbus")),
            ),
            (
                "the Telephone Consumer Protection Act (TCPA) and the Second Report and Order (Second Caller ID Order) apply",
                &[],
                None,
            ),
            ("a Robocall Mitigation Database (Robocall Mitigation Database) entry", &[], None),
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
        let cases: &[ListCase] = &[
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
            // A collapsed copy that lost the bullet, the footnote body glued to the name.
            (
                &["to each of the following voice service providers (the Originating Providers): 3 Call Pipe1The Cox/Jones/Sumco Panama Operation includes the following individuals: Roy Cox."],
                &[("Call Pipe", None)],
            ),
            (&["We notify these providers: they may block calls."], &[]),
            (&[], &[]),
        ];
        check_lists(cases);
    }
    /// Paragraphs, and the providers (name, short name) `listed` should give for them.
    type ListCase<'a> = (&'a [&'a str], &'a [(&'a str, Option<&'a str>)]);

    /// Asserts `listed` gives each case's providers.
    fn check_lists(cases: &[ListCase<'_>]) {
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

    #[test]
    fn provider_lists() {
        type Case<'a> = (&'a [&'a str], &'a [(&'a str, Option<&'a str>)]);
        let lead = "Contemporaneous with this Notice, the Bureau is issuing a cease-and-desist letter to each of the following voice service providers (the Originating Providers):";
        let cases: &[Case] = &[
            // Names without a legal suffix, trailing `;`, `; and`, `.` dropped, in list order.
            (
                &[lead, "• Northgate Connect (Northgate);", "• Ironwood Data Corp. (Ironwood Data); and", "• Zenith Carrier Services."],
                &[
                    ("Northgate Connect", Some("Northgate")),
                    ("Ironwood Data Corp.", Some("Ironwood Data")),
                    ("Zenith Carrier Services", None),
                ],
            ),
            // Dash bullets, one per line in one paragraph.
            (
                &[lead, "- Ironwood Data Corp. (Ironwood Data); and\n- Zenith Carrier Services."],
                &[("Ironwood Data Corp.", Some("Ironwood Data")), ("Zenith Carrier Services", None)],
            ),
            // `▪` bullets; the last item's line followed by prose.
            (
                &[lead, "▪ Alpha Voice LLC\n▪ Beta Telecom\nIf any of the Originating Providers fails"],
                &[("Alpha Voice LLC", None), ("Beta Telecom", None)],
            ),
            // A collapsed copy: all run together, the last item running on into the prose.
            (
                &["notify all U.S.-based voice service providers. Contemporaneous with this Notice, the Bureau is issuing a letter to each of the following voice service providers (the Originating Providers): • Blue Heron Communications, LLC (Blue Heron) • Stratus VoIP Ltd. • Blue Heron Telco LLC If any of the Originating Providers fails to act"],
                &[
                    ("Blue Heron Communications, LLC", Some("Blue Heron")),
                    ("Stratus VoIP Ltd.", None),
                    ("Blue Heron Telco LLC", None),
                ],
            ),
            (
                &["following voice service providers (the Originating Providers): · Ironwood Connect LLC (Ironwood) · Bluejay Global LLC (Bluejay) If any of the Originating Providers fails"],
                &[("Ironwood Connect LLC", Some("Ironwood")), ("Bluejay Global LLC", Some("Bluejay"))],
            ),
            (
                &["following voice service providers (the Originating Providers): - Alpha Voice; - Zenith Carrier Services If any of them fails"],
                &[("Alpha Voice", None), ("Zenith Carrier Services", None)],
            ),
            // Steps of a letter are no providers, whatever the text before them says of
            // providers, and a lead-in's earlier sentences do not count.
            (
                &["downstream voice service providers may block. Lumen Path should take the following steps to resolve this matter: • Promptly investigate the calls identified above. • Implement effective safeguards."],
                &[],
            ),
            (
                &["each of the following providers:", "• Promptly investigate the calls identified above.", "• Within 48 hours, inform the Commission."],
                &[],
            ),
            // A dash inside prose is no bullet.
            (&["the following providers: VIA MAIL - RETURN RECEIPT"], &[]),
        ];
        check_lists(cases);
    }

    #[test]
    fn entity_names() {
        for (name, want) in [
            ("Northgate Connect", true),
            ("Rho Networks, Inc.", true),
            ("Bank of Calls & Sons", true),
            ("Urth Access, L.L.C.", true),
            ("Promptly investigate the calls identified above", false),
            ("Within 48 hours, inform the Commission", false),
            ("If necessary, \"effectively mitigate\" the traffic", false),
            ("Zenith Carrier Services. If", false),
            ("", false),
        ] {
            assert_eq!(is_entity_name(name), want, "{name}");
        }
    }
}
