//! The notice gate: whether a document is an FCC robocall letter, notice or order at all,
//! before any fact is read from it.
//!
//! A document that merely mentions the Commission and holds a date (a news paragraph, a
//! README, a memo about a traceback) is not a notice. The gate asks for the evidence a notice
//! carries by its shape — a letter's header before its salutation, an order's caption before
//! its opening — and for the words of the robocall templates, and says which was missing.
//! See [`gate`] for the rules.

use super::header::Header;
use crate::cues::{AGENCY, ORDER_OPENINGS, PUBLIC_NOTICE_TITLES};
use crate::error::Error;
use crate::layout::Layout;
use crate::text::{find_words, offset_in, pieces, regex};
use std::ops::Range;

/// The longest header, in bytes of clean text, a letter or order has before its salutation
/// or opening. A real one is well under half of it (letterhead, date, delivery line,
/// addressee block, a wrapped `Re:` line; a caption with its `)` column); a `Dear` deep
/// inside a README or an email thread is not the salutation of a letter.
pub(crate) const MAX_HEADER: usize = 3_000;

/// Rule 4: a header with a run of this many words in lower case (`the FCC wrote to the
/// provider that it had`) is prose, not a letterhead, an addressee block or a caption: their
/// lines are names, titles, addresses and title-case subjects (at most two such words in a
/// row in every fixture and generated letter).
pub(crate) const PROSE_RUN: usize = 7;

/// Rule 1: no mention of the agency at all.
pub(crate) const NO_AGENCY: &str = "it never mentions the FCC or the Commission";
/// Rules 2 and 4: not shaped as a letter or an order.
pub(crate) const PROSE: &str =
    "it has no letterhead, caption or addressee: it reads as prose, not a letter or order";
/// Rule 2: a letterhead or caption, but neither a salutation nor the Bureau's opening.
pub(crate) const UNOPENED: &str = "it has a letterhead or caption but no salutation (Dear …) or Bureau opening (By the Chief, Enforcement Bureau:): not a letter or order of the Bureau";
/// Rule 3: headed by an email's or a memo's fields.
pub(crate) const CORRESPONDENCE: &str =
    "it is headed like an email or a memo (From:, Subject:, Sent:), not an FCC letter or order";
/// Rule 5: addressed to the Commission.
pub(crate) const TO_AGENCY: &str =
    "it is a letter to the FCC, not from it: its addressee block names the Commission";
/// Rule 5: addressed to a public official.
pub(crate) const TO_OFFICIAL: &str =
    "it is a letter to a public official (The Honorable, Dear Senator), not a notice to a provider";
/// Rule 6: no date in the header.
pub(crate) const UNDATED: &str =
    "it has no date before its salutation or opening: letters, notices and orders are dated";
/// Rule 7: shaped as an FCC document, but not about robocalls.
pub(crate) const NO_CUES: &str =
    "it reads as a letter or order, but has no robocall or traceback cues: not a robocall notice";

/// The shape of a document's start: what ends its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// A salutation (`Dear Mr. Luna,`): a letter.
    Letter,
    /// An order's or public notice's opening (`By the Chief, Enforcement Bureau:`).
    Order,
}

/// A rejection: the reason and the clean-text range it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rejection {
    reason: &'static str,
    range: Option<Range<usize>>,
}

fn reject(reason: &'static str, range: Option<Range<usize>>) -> Result<(), Rejection> {
    Err(Rejection { reason, range })
}

/// Whether the document is an FCC robocall letter, notice or order; `Err(`[`Error::NotANotice`]`)`
/// with the first rule it fails, in this order (each reason says what was missing):
///
/// 1. **Agency.** The text names the FCC or the Commission somewhere. Else: *it never
///    mentions the FCC or the Commission*.
/// 2. **Form.** Its header ends at a letter's salutation (`Dear Mr. Luna,` / `Dear Mr.
///    Saleem:`) or an order's or public notice's opening (`By the Chief, Enforcement
///    Bureau:`, `By the Acting Chief, …`), and is at most [`MAX_HEADER`] bytes long (a
///    `Dear` deep inside a README is not a salutation). Else, from the lines of the first
///    [`MAX_HEADER`] bytes: *it is headed like an email or a memo* when one starts with an
///    email's or a memo's field (`FROM:`); *it has a letterhead or caption but no salutation
///    or Bureau opening* when one is the agency's name, `Before the` or `In the Matter of …`
///    (a filing in a docket, a Commission-level order, a news release on letterhead);
///    otherwise *it has no letterhead, caption or addressee: it reads as prose, not a letter
///    or order*.
/// 3. **Not correspondence.** The header has no email or memo field (`From:`, `Subject:`,
///    `Sent:`, `Cc:`); no FCC letter or order is headed by one. Else: *it is headed like an
///    email or a memo*.
/// 4. **Heading.** A letter's header names the FCC or its Enforcement Bureau before the date
///    (the letterhead) or holds an addressee block (a `To:` or `Re:` line); an order's holds
///    a caption (`In the Matter of`, `Before the`), a public notice's title in capitals
///    (`PUBLIC NOTICE`, `NOTICE TO ALL`), a `Released:` date or the letterhead; and no header
///    has a run of [`PROSE_RUN`] words in lower case (a blog post that quotes a salutation
///    after a paragraph). Else: *it has no letterhead, caption or addressee: it reads as
///    prose*.
/// 5. **Addressee.** A letter's addressee is not the Commission (an addressee block naming
///    the Federal Communications Commission or the Enforcement Bureau: a provider's reply)
///    nor a public official (`The Honorable`, `Dear Senator`, `Dear Chairman`: the
///    Commission's correspondence with Congress). Else: *it is a letter to the FCC, not from
///    it* / *it is a letter to a public official*.
/// 6. **Date.** The header holds a date (a letter's date, an order's `Released:` date).
///    Else: *it has no date before its salutation or opening*.
/// 7. **Robocall cues.** The text uses a word of the robocall templates: `robocall`,
///    `traceback` (the Industry Traceback Group, the Traceback Consortium), `64.1200`,
///    `64.6305`, `227(b)`, `227(e)`, `illegal traffic`, `illegal calls`, `unlawful traffic`,
///    `call blocking`, `Determination Order`, `Truth in Caller ID`, `TRACED Act`,
///    `cease-and-desist letter` (the noun: the program's CDL), `EB-TCD-` and
///    `Telecommunications Consumers Division` (the division that sends the robocall letters,
///    and its file numbers), any case, glued words allowed. Else: *it reads as a letter or order, but has no robocall or
///    traceback cues*. This is how other Enforcement Bureau documents (a Notice of Violation
///    to a broadcaster about its EAS equipment, a Notice of Apparent Liability for a pirate
///    radio station, a Citation for marketing unauthorized devices) are told apart: they are
///    not notices, and [`NoticeKind::Other`](crate::NoticeKind::Other) is kept for the
///    robocall documents that follow none of the named templates (a gateway provider
///    letter). `cease and desist` as a verb (`cease and desist all unlicensed operation`),
///    `mitigate` and `Attachment A` are not cues: the Bureau's other letters use them too.
///
/// A short-name definition (`(“Acme” or “Company”)`) is not evidence of a notice: news
/// releases define short names as well. The rules read the header and one scan of the text
/// for the cues; nothing is allocated.
pub(crate) fn gate(layout: &Layout<'_>, head: &Header<'_>) -> Result<(), Error> {
    let header = layout.parts.header.clone();
    let salutation = layout.parts.salutation.clone().map(|r| layout.slice(r));
    let evidence = Evidence {
        text: layout.text(),
        mentions_fcc: layout.mentions_fcc,
        header: layout.slice(header.clone()),
        salutation,
        head,
    };
    evidence.check().map_err(|r| Error::NotANotice {
        reason: r.reason,
        span: match r.range {
            // Header-relative ranges, shifted to the text.
            Some(range) => layout.span(header.start + range.start..header.start + range.end),
            None => layout.whole(),
        },
    })
}

/// What the gate reads of a document.
struct Evidence<'a> {
    /// The whole clean text.
    text: &'a str,
    /// Whether the text names the FCC or the Commission.
    mentions_fcc: bool,
    /// The header: up to the salutation or the opening (else the first line).
    header: &'a str,
    /// The salutation line, when there is one.
    salutation: Option<&'a str>,
    /// The header's parts.
    head: &'a Header<'a>,
}

impl Evidence<'_> {
    /// The rules in order; ranges are relative to the header (`None`: the whole text).
    fn check(&self) -> Result<(), Rejection> {
        let header = self.header;
        let whole = 0..header.len();
        if !self.mentions_fcc {
            return reject(NO_AGENCY, None);
        }
        let Some(form) = form(header, self.salutation.is_some()) else {
            return reject(unshaped(self.text), None);
        };
        if let Some(field) = correspondence_field(header) {
            return reject(CORRESPONDENCE, Some(field));
        }
        let headed = match form {
            Form::Letter => {
                names_agency(self.head.letterhead)
                    || self.head.recipient.is_some()
                    || self.head.subject.is_some()
            }
            Form::Order => order_heading(header) || names_agency(self.head.letterhead),
        };
        if !headed || lowercase_run(header) >= PROSE_RUN {
            return reject(PROSE, Some(whole));
        }
        if form == Form::Letter {
            if let Some(block) = self.head.recipient {
                let at = offset_in(header, block);
                if names_agency(block) {
                    return reject(TO_AGENCY, Some(at..at + block.len()));
                }
                if find_words(block, "The Honorable").next().is_some() {
                    return reject(TO_OFFICIAL, Some(at..at + block.len()));
                }
            }
            if self.salutation.is_some_and(to_official) {
                return reject(TO_OFFICIAL, None);
            }
        }
        if self.head.date.is_none() {
            return reject(UNDATED, Some(whole));
        }
        if !has_robocall_cue(self.text) {
            return reject(NO_CUES, None);
        }
        Ok(())
    }
}

/// Rule 2: a letter when a salutation ends the header, an order when an opening does; none
/// when neither does or the header is longer than [`MAX_HEADER`].
fn form(header: &str, salutation: bool) -> Option<Form> {
    if header.len() > MAX_HEADER {
        None
    } else if salutation {
        Some(Form::Letter)
    } else if ORDER_OPENINGS.iter().any(|o| header.ends_with(o)) {
        Some(Form::Order)
    } else {
        None
    }
}

/// Rule 2's reason for a document with neither salutation nor opening, from the lines of its
/// first [`MAX_HEADER`] bytes: [`CORRESPONDENCE`] when one starts with an email's or a memo's
/// field (`FROM:`), [`UNOPENED`] when one is a letterhead's or a caption's (`Federal
/// Communications Commission`, `Before the`, `In the Matter of …`), else [`PROSE`].
fn unshaped(text: &str) -> &'static str {
    let starts = |line: &str, word: &str| {
        line.get(..word.len())
            .is_some_and(|l| l.eq_ignore_ascii_case(word))
    };
    let mut headed = false;
    for (_, line) in pieces(text, '\n').take_while(|(at, _)| *at < MAX_HEADER) {
        if FIELDS.iter().any(|f| starts(line, f)) {
            return CORRESPONDENCE;
        }
        headed |= line.eq_ignore_ascii_case(AGENCY)
            || line.eq_ignore_ascii_case("Before the")
            || starts(line, "In the Matter of");
    }
    if headed {
        UNOPENED
    } else {
        PROSE
    }
}

/// The longest run of words in `header` that start with a lowercase letter.
fn lowercase_run(header: &str) -> usize {
    let mut run = 0;
    let mut longest = 0;
    for word in header.split_whitespace() {
        if word.starts_with(|c: char| c.is_lowercase()) {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

/// An email's or a memo's header fields.
const FIELDS: [&str; 4] = ["From:", "Subject:", "Sent:", "Cc:"];

/// Rule 3: the first email or memo field of `header` (`From:`, `Subject:`, `Sent:`, `Cc:`,
/// any case, as a word).
fn correspondence_field(header: &str) -> Option<Range<usize>> {
    FIELDS
        .iter()
        .filter_map(|field| {
            find_words(header, field)
                .next()
                .map(|at| at..at + field.len())
        })
        .min_by_key(|r| r.start)
}

/// Whether `text` names the Federal Communications Commission or its Enforcement Bureau.
fn names_agency(text: &str) -> bool {
    find_words(text, AGENCY).next().is_some()
        || find_words(text, "Enforcement Bureau").next().is_some()
}

/// Rule 4 for orders: a caption (`In the Matter of`, `Before the`), a public notice's title
/// in capitals, or a `Released:` date.
fn order_heading(header: &str) -> bool {
    find_words(header, "In the Matter of").next().is_some()
        || find_words(header, "Before the").next().is_some()
        || find_words(header, "Released:").next().is_some()
        || PUBLIC_NOTICE_TITLES.iter().any(|t| header.contains(t))
}

/// Rule 5: a salutation to a public official (`Dear Senator Doe:`, `Dear Chairman Roe,`).
fn to_official(salutation: &str) -> bool {
    const TITLES: [&str; 9] = [
        "Senator",
        "Representative",
        "Congressman",
        "Congresswoman",
        "Chairman",
        "Chairwoman",
        "Commissioner",
        "Governor",
        "Attorney General",
    ];
    let rest = salutation
        .get(crate::cues::SALUTATION.len()..)
        .unwrap_or("")
        .trim_start();
    TITLES.iter().any(|t| {
        rest.get(..t.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(t))
            && rest
                .get(t.len()..)
                .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// Rule 7: a word of the robocall templates anywhere in `text` (one scan, any case; `\s*`
/// between words, for copies that glued them).
fn has_robocall_cue(text: &str) -> bool {
    regex!(
        r"(?i-u)robocall|traceback|64\.1200|64\.6305|227\s*\([be]\)|illegal\s*(?:traffic|calls?\b)|unlawful\s*traffic|call\s*blocking|determination\s*order|truth\s*in\s*caller\s*id|traced\s*act|cease[-\s]*and[-\s]*desist\s*letter|eb-tcd-|telecommunications\s*consumers\s*division"
    )
    .is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reason `text` is refused, or `None` when it parses.
    fn refused(text: &str) -> Option<&'static str> {
        match crate::parse_text(text) {
            Ok(_) => None,
            Err(Error::NotANotice { reason, .. }) => Some(reason),
            Err(e) => Some(match e {
                Error::Strict { .. } => "strict",
                _ => "other error",
            }),
        }
    }

    /// A minimal letter the gate lets through, with `{HEAD}` and `{BODY}` to vary.
    const LETTER: &str = "Federal Communications Commission\nEnforcement Bureau\n45 L Street, NE\nWashington, DC 20554\n\nMay 1, 2024\n\nTo: Jo Roe\nCEO\nAcme Voice LLC\n1 Main St.\nDover, DE 19901\n\nRe: Official Correspondence from the Federal Communications Commission\n\nDear Ms. Roe:\n\nWe have determined that Acme Voice LLC (Acme) is apparently transmitting illegal robocall traffic.\n\nSincerely,\n\nLee Example\nChief\n";

    #[test]
    fn the_minimal_letter_passes() {
        assert_eq!(refused(LETTER), None);
    }

    #[test]
    fn rule_1_agency() {
        let text = LETTER
            .replace("Federal Communications Commission", "Federal Bureau")
            .replace("Enforcement Bureau", "Bureau");
        assert_eq!(refused(&text), Some(NO_AGENCY));
        assert_eq!(refused(""), Some(NO_AGENCY));
        assert_eq!(refused("robocall traceback 64.1200"), Some(NO_AGENCY));
    }

    #[test]
    fn rule_2_form() {
        // No salutation or opening: prose, however many cues it has.
        let news = "On May 1, 2024, the Commission's Enforcement Bureau sent a cease-and-desist letter to Acme Voice LLC (Acme) about illegal robocall traffic found by traceback.";
        assert_eq!(refused(news), Some(PROSE));
        // The salutation 3,000 bytes in is not a letter's.
        let long = format!(
            "# Notes\n\nMay 1, 2024. Re: the Commission.\n\n{}\n\nDear Ms. Roe,\n\nrobocall\n",
            "The FCC said so. ".repeat(200)
        );
        assert_eq!(refused(&long), Some(PROSE));
        assert_eq!(form("", true), Some(Form::Letter));
        assert_eq!(form("x", false), None);
        assert_eq!(
            form(
                "In the Matter of … By the Chief, Enforcement Bureau:",
                false
            ),
            Some(Form::Order)
        );
        // Without either, the reason says what the start of the text does hold.
        let memo = "MEMORANDUM\n\nTO: File\nFROM: Counsel\nDATE: May 1, 2024\nRE: robocall rules of the Commission\n";
        assert_eq!(refused(memo), Some(CORRESPONDENCE));
        let release = "Federal Communications Commission\n45 L Street NE\n\nFOR IMMEDIATE RELEASE\nMay 1, 2024\n\nFCC ORDERS ACME TO STOP ROBOCALLS\n";
        assert_eq!(refused(release), Some(UNOPENED));
        let filing = "Before the\nFederal Communications Commission\n\nIn the Matter of Unlawful Robocalls ) CG Docket No. 17-59\n\nCOMMENTS OF ACME\n";
        assert_eq!(refused(filing), Some(UNOPENED));
        assert_eq!(unshaped("the FCC said\nFrom: x"), CORRESPONDENCE);
        assert_eq!(unshaped("IN THE MATTER OF Acme"), UNOPENED);
        assert_eq!(
            unshaped("the Federal Communications Commission said"),
            PROSE
        );
        assert_eq!(
            unshaped(&format!(
                "{}\nFederal Communications Commission",
                "x".repeat(MAX_HEADER)
            )),
            PROSE
        );
        assert_eq!(form(&"x".repeat(MAX_HEADER + 1), true), None);
        assert_eq!(form(&"x".repeat(MAX_HEADER), true), Some(Form::Letter));
    }

    #[test]
    fn rule_3_correspondence() {
        let email = format!(
            "From: Pat Example <pat@fcc.test>\nSent: Monday, May 6, 2024 9:12 AM\n{LETTER}"
        );
        assert_eq!(refused(&email), Some(CORRESPONDENCE));
        let memo = LETTER.replace("To: Jo Roe", "TO: Jo Roe\nFROM: Lee Example");
        assert_eq!(refused(&memo), Some(CORRESPONDENCE));
        assert_eq!(correspondence_field("a\nSubject: b From: c"), Some(2..10));
        assert_eq!(
            correspondence_field("Official Correspondence from the FCC"),
            None
        );
        assert_eq!(correspondence_field("Recc: x"), None);
    }

    #[test]
    fn rule_4_heading() {
        // A salutation with nothing before it.
        assert_eq!(
            refused("Dear friend, the Commission meets on May 1, 2024 about robocalls."),
            Some(PROSE)
        );
        // A letter with only a date and a name before its salutation.
        let bare =
            "May 1, 2024\n\nJo Roe\n\nDear Ms. Roe:\n\nThe Commission found robocall traffic.\n";
        assert_eq!(refused(bare), Some(PROSE));
        // A paragraph before a quoted salutation: a run of lower-case words.
        let blog = "On April 13, 2021 the FCC wrote to a carrier. It starts with a Re: Official Correspondence line and then goes on like this:\n\nDear Mr. Luna,\n\nillegal robocall traffic.\n";
        assert_eq!(refused(blog), Some(PROSE));
        assert_eq!(lowercase_run("Re: Official Correspondence from the Federal Communications Commission and the Federal Trade Commission"), 2);
        assert_eq!(lowercase_run("It starts with a line and then goes on"), 8);
        assert_eq!(lowercase_run(""), 0);
        // Its letterhead alone is enough.
        let letterhead = format!("Federal Communications Commission\n{bare}");
        assert_eq!(refused(&letterhead), None);
        // So is a `Re:` line.
        assert_eq!(refused(&bare.replace("Jo Roe\n", "Re: Notice\n")), None);
        // An order needs its caption, title or release date above the opening.
        let order = "Federal Communications Commission DA 24-1\n\nMay 1, 2024\n\nBy the Chief, Enforcement Bureau:\n\n1. Acme Voice LLC originated robocall traffic, the Commission finds.\n";
        assert_eq!(
            refused(&order.replace("Federal Communications Commission ", "")),
            Some(PROSE)
        );
        assert_eq!(refused(order), None);
        for heading in [
            "In the Matter of",
            "Before the",
            "Released: May 1, 2024",
            "PUBLIC NOTICE",
            "NOTICE TO ALL",
        ] {
            assert!(order_heading(heading), "{heading}");
        }
        assert!(!order_heading("a public notice"));
        assert!(!order_heading("released"));
    }

    #[test]
    fn rule_5_addressee() {
        let reply = "Acme Voice LLC\n1 Main St.\nDover, DE 19901\n\nMay 15, 2024\n\nLoyaan A. Egal\nChief, Enforcement Bureau\nFederal Communications Commission\n45 L Street, NE\nWashington, DC 20554\n\nRe: Response to the Bureau's letter of May 1, 2024\n\nDear Chief Egal:\n\nAcme has blocked the robocall traffic.\n";
        assert_eq!(refused(reply), Some(TO_AGENCY));
        let congress = LETTER.replace(
            "To: Jo Roe\nCEO\nAcme Voice LLC",
            "The Honorable Jo Roe\nUnited States Senate",
        );
        assert_eq!(refused(&congress), Some(TO_OFFICIAL));
        let senator = LETTER.replace("Dear Ms. Roe:", "Dear Senator Roe:");
        assert_eq!(refused(&senator), Some(TO_OFFICIAL));
        for yes in [
            "Dear Senator Roe:",
            "Dear CHAIRWOMAN Roe,",
            "Dear Attorney General Roe:",
            "Dear Governor:",
        ] {
            assert!(to_official(yes), "{yes}");
        }
        for no in [
            "Dear Ms. Roe:",
            "Dear Senatorial Roe,",
            "Dear Mr. Governor,",
        ] {
            assert!(!to_official(no), "{no}");
        }
    }

    #[test]
    fn rule_6_date() {
        let undated = LETTER.replace("May 1, 2024\n", "");
        assert_eq!(refused(&undated), Some(UNDATED));
        // An order's release date.
        let order = "In the Matter of Acme )\n\nBy the Chief, Enforcement Bureau:\n\n1. Acme originated robocall traffic, the Commission finds.\n";
        assert_eq!(refused(order), Some(UNDATED));
        assert_eq!(
            refused(&order.replace("By the", "Released: May 1, 2024\n\nBy the")),
            None
        );
    }

    #[test]
    fn rule_7_cues() {
        let eas = LETTER.replace(
            "is apparently transmitting illegal robocall traffic",
            "failed to maintain operational Emergency Alert System equipment",
        );
        assert_eq!(refused(&eas), Some(NO_CUES));
        for yes in [
            "ROBOCALLS",
            "the Industry Traceback Group",
            "47 CFR § 64.1200(k)(4)",
            "47 CFR § 64.6305",
            "47 U.S.C. § 227(b)",
            "227 (e)",
            "effectively mitigate illegal traffic",
            "illegal calls",
            "unlawfultraffic",
            "call blocking",
            "Final Determination Order",
            "the Truth in Caller ID Act",
            "the TRACED Act",
            "a cease-and-desist letter (CDL)",
            "the Cease and Desist Letter",
            "File No. EB-TCD-24-00036000",
            "Telecommunications Consumers Division",
        ] {
            assert!(has_robocall_cue(yes), "{yes}");
        }
        for no in [
            "cease and desist",
            "you must cease and desist all unlicensed operation",
            "EB-FIELDNER-23-00000456",
            "mitigate the interference",
            "Attachment A",
            "illegal callsign",
            "47 U.S.C. § 227(c)",
            "64.120",
            "unauthorized devices",
        ] {
            assert!(!has_robocall_cue(no), "{no}");
        }
    }
}
