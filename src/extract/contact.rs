//! Contacts named in the body.
//!
//! The contact sentence of a letter lists the people to write to. The first wording below is a
//! real letter's; the others are the ways letters and public notices vary it (phone before
//! email, phone only, `; or` / `, or` between entries):
//!
//! ```text
//! Please direct any inquiries regarding this letter to Daniel Stepanicich, Attorney Advisor,
//! Telecommunications Consumers Division, Enforcement Bureau, FCC, at Daniel.Stepanicich@fcc.gov
//! or (202) 418-7451; and cc: to Kristi Thompson, Division Chief, Telecommunications Consumers
//! Division, Enforcement Bureau, FCC, at kristi.thompson@fcc.gov.
//!
//! If you have any questions, please contact Ann Smith, Attorney Advisor, Enforcement Bureau,
//! at 202.555.0150 or ann.smith@fcc.gov; or Bob Jones, Paralegal Specialist, at (202) 555-0199.
//!
//! Please contact Alex Example, Attorney Advisor, at alex.example@fcc.gov with any questions.
//!
//! For further information, contact Alex Example, Attorney Advisor, Enforcement Bureau, at
//! 202-555-0100.
//! ```
//!
//! The grammar, after the cue (`inquiries … to`, `questions … to`, `contact`):
//!
//! ```text
//! sentence = entry (SEPARATOR entry)*
//! entry    = NAME [, TITLE] [, ORGANIZATION]* [,] at POINT ([,] (or | and) POINT)*
//! POINT    = EMAIL | PHONE                      (any NANP form: (202) 418-7451, 202.418.7451, …)
//! SEPARATOR = (, | ;) [and | or] [COPY] | (and | or) [COPY]
//! COPY     = [with | send] [a] (cc[:] | copy) [to]  (this entry and the later ones are copies)
//! ```
//!
//! TITLE is the first comma part after the name, ORGANIZATION the comma parts after it, joined
//! with `, `; an email may sit in `<…>`. An entry's parts stay within one clause: no `;` or
//! sentence end comes before its `at`, so a later `at` is not the entry's. Whitespace is
//! squashed first (justified lines space a phone's groups widely). Each entry is read once,
//! left to right, so the whole sentence takes linear time.

use crate::grammar::email::find_email;
use crate::grammar::phone::{may_hold_phone, phone_at_start};
use crate::model::{Contact, ContactRole};
use crate::text::{find_words, is_abbreviation, squash, ws0, ws1};
use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while};
use nom::character::complete::{char, one_of};
use nom::combinator::{opt, recognize};
use nom::sequence::terminated;
use nom::{IResult, Parser};

/// The contacts of the first paragraph that directs inquiries somewhere.
pub(crate) fn contacts(text: &str) -> Vec<Contact> {
    // Every contact has an email address or a phone number: most paragraphs are ruled out by
    // one scan.
    if !text.contains('@') && !may_hold_phone(text) {
        return Vec::new();
    }
    let Some(start) = first_name(text) else {
        return Vec::new();
    };
    // Justified lines space words (and a phone's groups) widely: one space between words.
    let sentence = squash(text.get(start..).unwrap_or(""));
    let mut out = Vec::new();
    let mut rest = sentence.as_str();
    let mut role = ContactRole::Inquiries;
    while let Some((contact, after)) = entry(rest, role) {
        out.push(contact);
        let Some((copy, next)) = separator(after) else {
            break;
        };
        if copy {
            role = ContactRole::Copy;
        }
        rest = next;
    }
    out
}

/// Where the first name of the contact sentence starts: after `inquiries … to` or
/// `questions … to` in the same clause, else after `contact`.
fn first_name(text: &str) -> Option<usize> {
    // "… inquiries regarding this letter to NAME": the `to` in the same clause.
    let cues = find_words(text, "inquiries").map(|at| at + "inquiries".len());
    let cues = cues.chain(find_words(text, "questions").map(|at| at + "questions".len()));
    let to = cues.into_iter().find_map(|end| {
        let after = text.get(end..)?;
        let clause = after.get(..after.find(['.', ';']).unwrap_or(after.len()))?;
        let to = find_words(clause, "to").find(|&at| {
            clause
                .get(at + 2..)
                .is_some_and(|r| r.starts_with(char::is_whitespace))
        })?;
        let name = clause.get(to + 2..)?;
        Some(end + clause.len() - name.trim_start().len())
    });
    // "Please contact NAME, …" / "For further information, contact NAME, …".
    let contact = || {
        find_words(text, "contact").find_map(|at| {
            let rest = text.get(at + "contact".len()..)?;
            let name = rest.trim_start();
            (rest.starts_with(char::is_whitespace) && name.starts_with(char::is_uppercase))
                .then(|| text.len() - name.len())
        })
    };
    to.or_else(contact)
}

/// One entry, `NAME[, TITLE][, ORGANIZATION…][,] at POINT [or POINT]`, at the start of `text`,
/// and the text after it.
fn entry(text: &str, role: ContactRole) -> Option<(Contact, &str)> {
    let (at, points) = at_point(text)?;
    let who = text.get(..at)?.trim_end().trim_end_matches(',');
    let mut parts = who.split(',').map(str::trim).filter(|p| !p.is_empty());
    let name = parts.next()?;
    if name.split_whitespace().count() > 5 || !name.starts_with(char::is_uppercase) {
        return None;
    }
    let title = parts.next().map(squash);
    let organization: Vec<&str> = parts.collect();
    let (mut email, mut phone) = (None, None);
    let mut rest = points;
    let mut first = true;
    loop {
        // The first point follows `at`; further ones follow `or` / `and` (or a comma).
        let candidate = if first { Some(rest) } else { or_point(rest) };
        let Some((found, after)) = candidate.and_then(point) else {
            break;
        };
        match found {
            Point::Email(address) => {
                email.get_or_insert_with(|| address.to_owned());
            }
            Point::Phone(number) => {
                phone.get_or_insert(number);
            }
        }
        rest = after;
        first = false;
    }
    let contact = Contact {
        role,
        name: squash(name),
        title,
        organization: (!organization.is_empty()).then(|| squash(&organization.join(", "))),
        email,
        phone,
    };
    Some((contact, rest))
}

/// The offset of the `at` that introduces the first contact point of `text`, and the text
/// after that `at`; `None` when a `;` or a sentence end comes first.
fn at_point(text: &str) -> Option<(usize, &str)> {
    let mut checked = 0;
    for at in find_words(text, "at") {
        // Each stretch of text is checked for a clause end once.
        if clause_ends(text, checked, at) {
            return None;
        }
        checked = at;
        let after = text.get(at + 2..)?;
        if after.starts_with(char::is_whitespace) && point(after).is_some() {
            return Some((at, after));
        }
    }
    None
}

/// Whether `text[from..to]` holds a `;` or a sentence end (`.`, `?` or `!` before whitespace,
/// where a `.` after an initial or an abbreviation, `J.` or `U.S.`, ends none).
fn clause_ends(text: &str, from: usize, to: usize) -> bool {
    let Some(stretch) = text.get(from..to) else {
        return true;
    };
    // Only `;`, `?`, `!` and `.` (ASCII: their bytes are their characters) end a clause.
    let mut ends = stretch
        .bytes()
        .enumerate()
        .filter(|(_, b)| matches!(b, b';' | b'?' | b'!' | b'.'));
    ends.any(|(i, b)| {
        let before = text.get(..from + i).unwrap_or("");
        let next = text.get(from + i + 1..).unwrap_or("");
        let spaced = next.is_empty() || next.starts_with(char::is_whitespace);
        match b {
            b';' => true,
            b'?' | b'!' => spaced,
            // The word before is only looked at for a spaced `.`: each word once.
            b'.' if spaced => {
                let word = before
                    .rsplit(|c: char| c.is_whitespace() || c == ',' || c == '(')
                    .next()
                    .unwrap_or("");
                word.chars().nth(1).is_some() && !is_abbreviation(word)
            }
            _ => false,
        }
    })
}

/// A contact point: an email address or a phone number.
enum Point<'t> {
    /// `Daniel.Stepanicich@fcc.gov`.
    Email(&'t str),
    /// E.164: `+12024187451`.
    Phone(String),
}

/// The contact point at the start of `text` (after whitespace), and the text after it.
fn point(text: &str) -> Option<(Point<'_>, &str)> {
    if let Some((number, range)) = phone_at_start(text) {
        return Some((Point::Phone(number), text.get(range.end..)?));
    }
    let lead = text.len() - text.trim_start().len();
    let body = text.get(lead..)?;
    // Only the first word is searched, so a later address is never taken for this one.
    let word = body.get(..body.find(char::is_whitespace).unwrap_or(body.len()))?;
    let (address, range) = find_email(word)?;
    let opening = word.get(..range.start)?;
    if !opening
        .chars()
        .all(|c| matches!(c, '<' | '(' | '[' | '“' | '"'))
    {
        return None;
    }
    Some((Point::Email(address), body.get(range.end..)?))
}

/// What may stand before a separator: whitespace and the closings of what came before
/// (`>`, `)`, `]`, `”`).
fn closers(input: &str) -> IResult<&str, &str> {
    take_while(|c: char| c.is_whitespace() || matches!(c, '>' | ')' | ']' | '”'))(input)
}

/// `or` or `and`, any case, and the whitespace after it.
fn conjunction(input: &str) -> IResult<&str, &str> {
    terminated(alt((tag_no_case("or"), tag_no_case("and"))), ws1).parse(input)
}

/// A comma or semicolon (`punctuation`) with an optional `or`/`and` after it, or the word
/// alone.
fn joiner<'a>(
    punctuation: &'static str,
) -> impl Parser<&'a str, Output = (), Error = nom::error::Error<&'a str>> {
    alt((
        (one_of(punctuation), ws0, opt(conjunction)).map(|_| ()),
        conjunction.map(|_| ()),
    ))
}

/// The text after `or` / `and` (or a comma, or both) that may join a further contact point.
fn or_point(text: &str) -> Option<&str> {
    let (rest, _) = (closers, joiner(",")).parse(text).ok()?;
    Some(rest)
}

/// The separator before the next entry: `;`, `,`, `, or`, `; and`, `and`, … optionally with
/// `cc:` or `copy to` (whether it makes the rest copies), and the text after it.
fn separator(text: &str) -> Option<(bool, &str)> {
    let copy_to = (
        opt(terminated(
            alt((tag_no_case("with"), tag_no_case("send"))),
            ws1,
        )),
        opt(terminated(tag_no_case("a"), ws1)),
        alt((
            recognize((tag_no_case("cc"), opt(char(':')))),
            tag_no_case("copy"),
        )),
        ws0,
        opt(terminated(tag_no_case("to"), ws1)),
    );
    let (rest, (_, _, copy)) = (closers, joiner(";,"), opt(copy_to)).parse(text).ok()?;
    rest.starts_with(char::is_uppercase)
        .then_some((copy.is_some(), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_as_the_patterns_say() {
        // The rules, as regular expressions.
        let or_rule =
            regex::Regex::new(r"(?i)^[\s>)\]”]*(?:,\s*(?:(?:or|and)\s+)?|(?:or|and)\s+)").unwrap();
        let rule = regex::Regex::new(
            r"(?i)^[\s>)\]”]*(?:[;,]\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)(?:(?:(?:with|send)\s+)?(?:a\s+)?(cc:?|copy)\s*(?:to\s+)?)?",
        )
        .unwrap();
        for text in [
            " or (202) 418-7451",
            ", or Bob",
            ",order",
            "; and cc: to Kristi",
            ") AND CC:Kristi",
            "> ; with a copy to Ann",
            ", send copy Ann",
            "; and a b",
            "and Bob",
            "andBob",
            "” ,\u{a0}or  Cy",
            "; Di",
            ".",
            "",
        ] {
            let want = or_rule.find(text).map(|m| &text[m.end()..]);
            assert_eq!(or_point(text), want, "{text:?}");
            let want = rule.captures(text).and_then(|c| {
                let rest = &text[c.get(0).unwrap().end()..];
                rest.starts_with(char::is_uppercase)
                    .then_some((c.get(1).is_some(), rest))
            });
            assert_eq!(separator(text), want, "{text:?}");
        }
    }

    #[test]
    fn contact_table() {
        let sample = "Please direct any inquiries regarding this letter to Daniel Stepanicich, Attorney Advisor, Telecommunications Consumers Division, Enforcement Bureau, FCC, at Daniel.Stepanicich@fcc.gov or (202) 418-7451; and cc: to Kristi Thompson, Division Chief, Telecommunications Consumers Division, Enforcement Bureau, FCC, at kristi.thompson@fcc.gov. A copy of this letter has been sent to the Traceback Consortium.";
        let got = contacts(sample);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].role, ContactRole::Inquiries);
        assert_eq!(got[0].name, "Daniel Stepanicich");
        assert_eq!(got[0].title.as_deref(), Some("Attorney Advisor"));
        assert_eq!(
            got[0].organization.as_deref(),
            Some("Telecommunications Consumers Division, Enforcement Bureau, FCC")
        );
        assert_eq!(got[0].email.as_deref(), Some("Daniel.Stepanicich@fcc.gov"));
        assert_eq!(got[0].phone.as_deref(), Some("+12024187451"));
        assert_eq!(got[1].role, ContactRole::Copy);
        assert_eq!(got[1].name, "Kristi Thompson");
        assert_eq!(got[1].title.as_deref(), Some("Division Chief"));
        assert_eq!(got[1].email.as_deref(), Some("kristi.thompson@fcc.gov"));
        assert_eq!(got[1].phone, None);

        let short = contacts("Please contact Alex Example, Attorney Advisor, Telecommunications Consumers Division, Enforcement Bureau, at alex.example@fcc.test or (202) 555-0100 with any questions.");
        let short: Vec<_> = short
            .iter()
            .map(|c| (c.name.as_str(), c.title.as_deref(), c.phone.as_deref()))
            .collect();
        assert_eq!(
            short,
            [(
                "Alex Example",
                Some("Attorney Advisor"),
                Some("+12025550100")
            )]
        );

        // Every person the sentence names is a contact, whatever joins them.
        let many = contacts("If you have questions, please contact Ann Smith, Attorney Advisor, at ann.smith@fcc.gov or (202) 555-0100, or Bob Jones, Paralegal Specialist, at bob.jones@fcc.gov or 202-555-0199, or Cy Young, at cy@fcc.gov; and cc: to Di Ross, Deputy Chief, at di.ross@fcc.gov. Other mail goes to ops@fcc.gov.");
        let many: Vec<_> = many
            .iter()
            .map(|c| {
                (
                    c.role,
                    c.name.as_str(),
                    c.title.as_deref(),
                    c.phone.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            many,
            [
                (
                    ContactRole::Inquiries,
                    "Ann Smith",
                    Some("Attorney Advisor"),
                    Some("+12025550100")
                ),
                (
                    ContactRole::Inquiries,
                    "Bob Jones",
                    Some("Paralegal Specialist"),
                    Some("+12025550199")
                ),
                (ContactRole::Inquiries, "Cy Young", None, None),
                (ContactRole::Copy, "Di Ross", Some("Deputy Chief"), None),
            ]
        );

        // Every wording of an entry: the phone before the email, phone-only entries, any
        // joiner between entries, copies, widely spaced (justified) text.
        type Row<'a> = (
            ContactRole,
            &'a str,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
        );
        let (inq, copy) = (ContactRole::Inquiries, ContactRole::Copy);
        let tcd = "Telecommunications Consumers Division, Enforcement Bureau";
        let wordings: &[(&str, &[Row<'_>])] = &[
            (
                "If you have any questions, please contact Ann Smith, Attorney Advisor, Enforcement Bureau, at 202.555.0150 or ann.smith@fcc.gov.",
                &[(inq, "Ann Smith", Some("Attorney Advisor"), Some("Enforcement Bureau"), Some("ann.smith@fcc.gov"), Some("+12025550150"))],
            ),
            (
                "For further information, contact Alex Example, Attorney Advisor, Telecommunications Consumers Division, Enforcement Bureau, at (202) 555-0100.",
                &[(inq, "Alex Example", Some("Attorney Advisor"), Some(tcd), None, Some("+12025550100"))],
            ),
            (
                "Please direct any inquiries regarding this letter to Ann Smith, Attorney Advisor, at 202-555-0101; or Bob Jones, Special Counsel, Enforcement Bureau, FCC, at (202) 555-0102; and cc: to Cy Young, Division Chief, at cy.young@fcc.gov.",
                &[
                    (inq, "Ann Smith", Some("Attorney Advisor"), None, None, Some("+12025550101")),
                    (inq, "Bob Jones", Some("Special Counsel"), Some("Enforcement Bureau, FCC"), None, Some("+12025550102")),
                    (copy, "Cy Young", Some("Division Chief"), None, Some("cy.young@fcc.gov"), None),
                ],
            ),
            (
                "Please contact Ann Smith, Attorney Advisor, Telecommunications Consumers Division, Enforcement Bureau, at 202.555.0101, or Bob Jones, Paralegal Specialist, at +1 202 555 0102 or bob.jones@fcc.gov, and Cy Young at cy@fcc.gov.",
                &[
                    (inq, "Ann Smith", Some("Attorney Advisor"), Some(tcd), None, Some("+12025550101")),
                    (inq, "Bob Jones", Some("Paralegal Specialist"), None, Some("bob.jones@fcc.gov"), Some("+12025550102")),
                    (inq, "Cy Young", None, None, Some("cy@fcc.gov"), None),
                ],
            ),
            (
                "If you have any questions, please contact Daniel J. Stepanicich, Assistant Division Chief, at\ndaniel.stepanicich@fcc.gov   or   (202)    555-0174;   Shana   Yates,   Deputy   Division  Chief,  at\n<shana.yates@fcc.gov>, (202) 555-0114.",
                &[
                    (inq, "Daniel J. Stepanicich", Some("Assistant Division Chief"), None, Some("daniel.stepanicich@fcc.gov"), Some("+12025550174")),
                    (inq, "Shana Yates", Some("Deputy Division Chief"), None, Some("shana.yates@fcc.gov"), Some("+12025550114")),
                ],
            ),
            (
                "Please contact Ann Smith, Attorney Advisor, at ann.smith@fcc.gov, with a copy to Bob Jones, Division Chief, at 1-202-555-0102 with any questions.",
                &[
                    (inq, "Ann Smith", Some("Attorney Advisor"), None, Some("ann.smith@fcc.gov"), None),
                    (copy, "Bob Jones", Some("Division Chief"), None, None, Some("+12025550102")),
                ],
            ),
            // An `at` after the sentence (or clause) ends is not the entry's.
            ("Please contact Jane Roe. She is at 202-555-0100.", &[]),
            ("Please contact Jane Roe; she is at jane.roe@fcc.gov.", &[]),
            ("Please contact Jane Roe at any time, or at the office.", &[]),
            // A second entry must reach its own contact point within its clause.
            (
                "Please contact Ann Smith, Attorney Advisor, at (202) 555-0100, or Bob Jones. Mail goes to ops@fcc.gov.",
                &[(inq, "Ann Smith", Some("Attorney Advisor"), None, None, Some("+12025550100"))],
            ),
        ];
        for (text, want) in wordings {
            let got = contacts(text);
            let got: Vec<Row<'_>> = got
                .iter()
                .map(|c| {
                    (
                        c.role,
                        c.name.as_str(),
                        c.title.as_deref(),
                        c.organization.as_deref(),
                        c.email.as_deref(),
                        c.phone.as_deref(),
                    )
                })
                .collect();
            assert_eq!(got, *want, "{text}");
        }

        // Long runs are read once: no rescans from every entry or `at`.
        let many = format!(
            "Please contact {}Zed Last, at z@fcc.gov.",
            "Ann Smith, Attorney Advisor, at (202) 555-0100; ".repeat(20_000)
        );
        assert_eq!(contacts(&many).len(), 20_001);
        let ats = format!("Please contact Ann Smith{}.", " at a.b.c".repeat(50_000));
        assert!(contacts(&ats).is_empty());
        let dots = format!("Please contact Ann {}a at a@fcc.gov", "a.".repeat(100_000));
        assert_eq!(contacts(&dots).len(), 1);

        let cases: &[(&str, usize)] = &[
            ("Direct questions to Jane Roe at jane.roe@fcc.gov.", 1),
            ("No contact here.", 0),
            (
                "For further information, contact Alex Example, Attorney Advisor, Enforcement Bureau, at alex.example@fcc.test.",
                1,
            ),
            ("Direct inquiries to", 0),
            ("Direct inquiries to the Enforcement Bureau of the Federal Communications Commission by writing at x@fcc.gov", 0),
        ];
        for (text, n) in cases {
            assert_eq!(contacts(text).len(), *n, "{text}");
        }
    }
}
