//! One test per section of `VARIATIONS.md` (the ways real FCC letters differ from the sample
//! letter): each case is a short text written from a bullet's example, parsed with
//! [`fcc_notice::parse_text`] (or [`fcc_notice::cite::extract`] for citation forms), with the
//! field that bullet is about asserted. `fixtures/VARIATIONS-COVERAGE.md` maps every bullet to
//! its case here, to the generator switch that draws it and to the other tests that assert it.
//!
//! A case the crate does not yet pass is `#[ignore]`d with the section and what fails, so that
//! `cargo test --test variations -- --ignored` lists the work left.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

use chrono::NaiveDate;
use fcc_notice::{cite, parse_text, DeadlineKind, Notice, NoticeKind};
use std::fs;

fn date(s: &str) -> Option<NaiveDate> {
    Some(s.parse().unwrap())
}

/// Parses `text`, failing with the case's name.
fn parse(name: &str, text: &str) -> Notice {
    parse_text(text)
        .unwrap_or_else(|e| panic!("{name}: {e}\n{text}"))
        .notice
}

/// Every run of whitespace as one space: the docs.fcc.gov `.txt` form (§1).
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn excerpt(file: &str) -> String {
    fs::read_to_string(format!(
        "{}/fixtures/excerpts/{file}.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The canonical strings `cite::extract` finds in `text`.
fn canonical(text: &str) -> Vec<String> {
    cite::extract(text)
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Deadlines as (kind, within, due, stated).
type DeadlineRow = (DeadlineKind, String, Option<NaiveDate>, Option<NaiveDate>);

fn deadlines(n: &Notice) -> Vec<DeadlineRow> {
    n.deadlines
        .iter()
        .map(|d| (d.kind, d.within.to_string(), d.due, d.stated))
        .collect()
}

fn footnote(n: &Notice, number: u32) -> Option<&str> {
    n.footnotes
        .iter()
        .find(|f| f.number == number)
        .map(|f| f.text.as_str())
}

fn providers(n: &Notice) -> Vec<(String, Option<String>)> {
    n.providers
        .iter()
        .map(|p| (p.name.clone(), p.short_name.clone()))
        .collect()
}

fn provider(n: &Notice) -> Option<(String, Option<String>)> {
    n.provider
        .as_ref()
        .map(|p| (p.name.clone(), p.short_name.clone()))
}

fn named(name: &str, short: Option<&str>) -> Option<(String, Option<String>)> {
    Some((name.to_owned(), short.map(str::to_owned)))
}

// ---------------------------------------------------------------------------------------------
// A cease-and-desist letter in parts, the sample's by default; a case replaces one part.

const SAMPLE_HEAD: &str =
    "Federal Communications Commission\nEnforcement Bureau\n45 L Street, NE\nWashington, DC 20554";
const SAMPLE_RECIPIENT: &str = "To: Omar Luna\nCEO\nR Squared Telecom LLC\n526 S Main St.\nSuite 802\nAkron, OH 44311\nomar.luna@rsquaredtelecom.com";
const SAMPLE_SUBJECT: &str =
    "Re: Official Correspondence from the Federal Communications Commission";
const SAMPLE_BODY: &str = "We have determined that R Squared Telecom LLC (R Squared) is apparently transmitting illegal robocall traffic on behalf of one or more of its clients. You should investigate and, if necessary, cease transmitting such traffic immediately and take steps to prevent your network from continuing to be a source of apparently illegal robocalls. As noted below, downstream voice service providers will be authorized to block all of R Squared's traffic if you do not take steps to \"effectively mitigate illegal traffic\" within 48 hours, or if you fail to inform the Commission and the Traceback Consortium within fourteen (14) days of this letter (April 27, 2021) of the steps you have taken to \"implement effective measures\" to prevent customers from using your network to make illegal calls.";
const SAMPLE_CLOSE: &str = "Sincerely,\n\nKristi Thompson\nDivision Chief\nTelecommunications Consumers Division\nEnforcement Bureau\nFederal Communications Commission";

#[derive(Clone, Copy)]
struct Letter<'a> {
    /// Lines before the letterhead (a hosting site's page number or title).
    before: &'a str,
    letterhead: Option<&'a str>,
    date: &'a str,
    delivery: Option<&'a str>,
    recipient: &'a str,
    subject: Option<&'a str>,
    salutation: &'a str,
    body: &'a str,
    close: &'a str,
}

impl Default for Letter<'_> {
    fn default() -> Self {
        Letter {
            before: "",
            letterhead: Some(SAMPLE_HEAD),
            date: "April 13, 2021",
            delivery: Some("VIA CERTIFIED MAIL - RETURN RECEIPT REQUESTED"),
            recipient: SAMPLE_RECIPIENT,
            subject: Some(SAMPLE_SUBJECT),
            salutation: "Dear Mr. Luna,",
            body: SAMPLE_BODY,
            close: SAMPLE_CLOSE,
        }
    }
}

impl Letter<'_> {
    /// The letter with its blocks one blank line apart.
    fn text(&self) -> String {
        let mut blocks: Vec<&str> = Vec::new();
        if !self.before.is_empty() {
            blocks.push(self.before);
        }
        blocks.extend(self.letterhead);
        blocks.push(self.date);
        blocks.extend(self.delivery);
        blocks.push(self.recipient);
        blocks.extend(self.subject);
        blocks.push(self.salutation);
        blocks.push(self.body);
        blocks.push(self.close);
        let mut out = blocks.join("\n\n");
        out.push('\n');
        out
    }
}

// ---------------------------------------------------------------------------------------------
// §1. Text form

#[test]
fn s1_text_form() {
    let sample_deadlines = || {
        vec![
            (
                DeadlineKind::Mitigate,
                "48 hours".to_owned(),
                date("2021-04-15"),
                None,
            ),
            (
                DeadlineKind::Report,
                "14 days".to_owned(),
                date("2021-04-27"),
                date("2021-04-27"),
            ),
        ]
    };

    // All whitespace collapsed into one line: header, recipient block, Re: line, body and
    // closing run together.
    let one_line = collapse(&Letter::default().text());
    assert!(!one_line.contains('\n'));
    let n = parse("collapsed", &one_line);
    assert_eq!(n.date, date("2021-04-13"), "collapsed: date");
    assert_eq!(
        n.delivery.as_deref(),
        Some("VIA CERTIFIED MAIL - RETURN RECEIPT REQUESTED"),
        "collapsed: delivery"
    );
    let r = n.recipient.as_ref().expect("collapsed: recipient");
    assert_eq!(
        (
            r.name.as_deref(),
            r.title.as_deref(),
            r.organization.as_deref()
        ),
        (
            Some("Omar Luna"),
            Some("CEO"),
            Some("R Squared Telecom LLC")
        ),
        "collapsed: recipient"
    );
    assert_eq!(r.emails, ["omar.luna@rsquaredtelecom.com"]);
    assert_eq!(
        n.subject.as_deref(),
        Some("Official Correspondence from the Federal Communications Commission"),
        "collapsed: subject"
    );
    assert_eq!(
        provider(&n),
        named("R Squared Telecom LLC", Some("R Squared")),
        "collapsed: provider"
    );
    assert_eq!(deadlines(&n), sample_deadlines(), "collapsed: deadlines");
    assert_eq!(
        n.signatory.as_ref().map(|s| s.name.as_str()),
        Some("Kristi Thompson"),
        "collapsed: signatory"
    );

    // A third-party transcription keeping paragraph newlines but with the recipient block on
    // one line (PTGi).
    let ptgi = Letter {
        letterhead: None,
        delivery: None,
        recipient: "To: Craig Denson CEO PTGi International Carrier Services, Inc. 4115 Wisconsin Avenue Suite 203 Washington, DC 20016",
        ..Letter::default()
    };
    let n = parse("paragraph newlines", &ptgi.text());
    let r = n.recipient.as_ref().expect("paragraph newlines: recipient");
    assert_eq!(
        (
            r.name.as_deref(),
            r.title.as_deref(),
            r.organization.as_deref()
        ),
        (
            Some("Craig Denson"),
            Some("CEO"),
            Some("PTGi International Carrier Services, Inc.")
        ),
        "paragraph newlines: recipient"
    );
    assert_eq!(deadlines(&n), sample_deadlines(), "paragraph newlines");

    // A hosting site's leading line: a page number (`14`), or a title line then `Transcription`.
    for before in ["14", "Robocall Letter to R Squared Telecom\nTranscription"] {
        let text = Letter {
            before,
            ..Letter::default()
        }
        .text();
        // The leading line keeps its newline; the letter after it may be collapsed.
        let collapsed = format!("{before}\n{}", collapse(&Letter::default().text()));
        for (form, text) in [("lines", text), ("collapsed", collapsed)] {
            let n = parse(before, &text);
            assert_eq!(n.date, date("2021-04-13"), "{before:?} ({form}): date");
            let issuer = n.issuer.as_ref().expect("issuer");
            assert_eq!(
                (issuer.agency.as_deref(), issuer.address.as_slice()),
                (
                    Some("Federal Communications Commission"),
                    &[
                        "45 L Street, NE".to_owned(),
                        "Washington, DC 20554".to_owned()
                    ][..]
                ),
                "{before:?} ({form}): issuer"
            );
            assert_eq!(
                provider(&n),
                named("R Squared Telecom LLC", Some("R Squared")),
                "{before:?} ({form}): provider"
            );
        }
    }

    // No Markdown or HTML markup at all: the plain letter gives what the sample gives.
    let plain = Letter::default().text();
    assert!(!plain.contains("**") && !plain.contains('<'));
    let n = parse("plain", &plain);
    assert_eq!(deadlines(&n), sample_deadlines(), "plain");
    assert_eq!(n.kind, NoticeKind::CeaseAndDesist, "plain: kind");
}

/// Line breaks joined without a space (the wixlib copy of DA 22-727): the glued words must
/// not cost the notice its date, kind or citation.
#[test]
fn s1_glued_words() {
    let text = "DA 22-727 Released: July 7, 2022 ROBOCALL ENFORCEMENT NOTICE TO ALL U.S.-BASED VOICE SERVICEPROVIDERSFCC Enforcement Bureau Notifies All U.S.-Based Telecommunications Providers They May Block Auto Warranty Robocalls Originating From Certain Providers File No. EB-TCD-21-00031913 By the Acting Chief, Enforcement Bureau: The Enforcement Bureau (Bureau) of the Federal Communications Commission (FCC or Commission) issues this Public Notice to notify all U.S.-based voice service providers about substantial amounts ofapparently unlawful robocalls originating from a robocalling enterprise (collectively, the Cox/Jones/Sumco Panama Operation). Pursuant to section 64.1200(k)(4) of the Commission’s Rules, we hereby notifyall U.S.-based voice service providers that they may block voice calls or cease to accept traffic from certain originating providers listed in this Notice without liability under the Communications Act or the Commission’s rules.";
    let n = parse("glued", text);
    assert_eq!(n.date, date("2022-07-07"), "glued: date");
    assert_eq!(n.kind, NoticeKind::PublicNotice, "glued: kind");
    let cites: Vec<String> = n.citations.iter().map(ToString::to_string).collect();
    assert_eq!(cites, ["47 CFR § 64.1200(k)(4)"], "glued");
    // The document's own number and file number are header facts.
    assert_eq!(n.document_number.as_deref(), Some("DA 22-727"));
    assert_eq!(n.file_numbers, ["EB-TCD-21-00031913"]);
}

/// The only bracket-style marker seen (`[5]`, the Identidad HTML copy): footnote marks in
/// brackets, bodies at the page foot with the same bracket label.
#[test]
fn s1_bracket_footnote_marks() {
    let body = "We have determined that R Squared Telecom LLC (R Squared) is apparently transmitting illegal robocall traffic on behalf of one or more of its clients.[4] As noted below, downstream voice service providers will be authorized to block all of R Squared's traffic if you do not take steps to effectively mitigate illegal traffic within 48 hours.[5]";
    let close = format!(
        "{SAMPLE_CLOSE}\n\n[4] See 47 CFR § 64.1200(k)(4).\n\n[5] See 47 CFR § 64.1200(k)(3)-(4)."
    );
    let n = parse(
        "brackets",
        &Letter {
            body,
            close: &close,
            ..Letter::default()
        }
        .text(),
    );
    assert_eq!(
        (footnote(&n, 4), footnote(&n, 5)),
        (
            Some("See 47 CFR § 64.1200(k)(4)."),
            Some("See 47 CFR § 64.1200(k)(3)-(4).")
        ),
        "{:?}",
        n.footnotes
    );
}

// ---------------------------------------------------------------------------------------------
// §2. Footnotes

/// Footnote bodies inlined with no marker, mid-sentence: their citations are still found,
/// in the text and in the notice.
#[test]
fn s2_inlined_footnotes_without_marker() {
    let cases: &[(&str, &[&str])] = &[
        (
            "cease to accept traffic A voice service provider may not block a voice call if the call is an emergency call placed to 911. See 47 CFR § 64.1200(k)(5). from Veriwave, without liability",
            &["47 CFR § 64.1200(k)(5)"],
        ),
        (
            "section 64.1200(n)(2) of the Commission’s rules 47 CFR § 64.1200(n)(2). to provide actual written notice",
            &["47 CFR § 64.1200(n)(2)", "47 CFR § 64.1200(n)(2)"],
        ),
        (
            "...source of apparent illegal robocalls. See 47 CFR § 64.1200(k)(4), (f)(18). As noted below,",
            &["47 CFR § 64.1200(k)(4)", "47 CFR § 64.1200(f)(18)"],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(canonical(text), *want, "{text}");
        // The same sentence inside a collapsed letter: the notice lists the citations.
        let body = format!("{SAMPLE_BODY} The Bureau may {text} under the rules.");
        let n = parse(
            text,
            &collapse(
                &Letter {
                    body: &body,
                    ..Letter::default()
                }
                .text(),
            ),
        );
        let got: Vec<String> = n.citations.iter().map(ToString::to_string).collect();
        for w in *want {
            assert!(got.contains(&(*w).to_owned()), "{text}: {got:?}");
        }
        assert!(n.footnotes.is_empty(), "{text}: {:?}", n.footnotes);
    }
}

/// A numeric mark glued to the word, its body dumped at the page foot in the middle of a
/// sentence, which then resumes (CallWin, DOC-399170A1).
#[test]
fn s2_glued_mark_body_mid_sentence() {
    let body = "The Enforcement Bureau has determined that CallWin LLC (CallWin or Company) is apparently originating illegal robocall traffic on behalf of at least four clients. If CallWin fails to take these steps, downstream providers may be authorized to begin blocking all of CallWin’s traffic, permanently.1 CallWin Apparently Originated Illegal Calls. The calls were illegal absent an emergency purpose or 1 A response by CallWin to this letter does not preclude further enforcement action. prior express consent of the called party.2 CallWin must effectively mitigate the identified traffic within 48 hours and must inform the Commission within 14 days of the date of this letter of the steps it has taken.";
    let close = "Sincerely, Kristi Thompson Division Chief Telecommunications Consumers Division Enforcement Bureau 2 See 47 U.S.C. § 227(b).";
    let text = collapse(
        &Letter {
            subject: Some("Re: Notice of Suspected Illegal Robocall Traffic"),
            body,
            close,
            ..Letter::default()
        }
        .text(),
    );
    let n = parse("callwin", &text);
    assert_eq!(
        footnote(&n, 1),
        Some("A response by CallWin to this letter does not preclude further enforcement action."),
        "{:?}",
        n.footnotes
    );
    assert_eq!(footnote(&n, 2), Some("See 47 U.S.C. § 227(b)."));
    assert_eq!(provider(&n), named("CallWin LLC", Some("CallWin")));
}

/// DA 22-727: `(the Originating Providers):3 • Call Pipe 1 The Cox/Jones/Sumco …`: the
/// provider list item ends where footnote 1's body starts.
#[test]
fn s2_footnote_body_after_a_bullet() {
    let n = parse(
        "DA 22-727",
        &excerpt("2022-07-07-cox-jones-sumco-public-notice-da-22-727"),
    );
    assert_eq!(providers(&n), [("Call Pipe".to_owned(), None)]);
    assert!(
        footnote(&n, 1).is_some_and(|t| {
            t.starts_with(
                "The Cox/Jones/Sumco Panama Operation includes the following individuals:",
            )
        }),
        "{:?}",
        n.footnotes
    );
}

/// Telcast (pdfslide): the body of footnote 1 interrupts `to combat apparently illegal`, the
/// sentence resuming after it.
#[test]
fn s2_footnote_body_interrupts_a_sentence() {
    let body = "We are writing to encourage Telcast Networks to assist the Federal Communications Commission in stopping the flow of malicious robocalls. Over the last year, one of the most prominent phone scams has involved individuals impersonating agents from the Social Security Administration to trick people into divulging personal information or transferring money.1 Telcast Networks is uniquely situated to assist government and industry efforts to combat apparently illegal 1 Office of the Inspector General, Social Security Administration, Fraud Advisory: IG Warns Public About Caller ID Spoofing of Social Security Numbers (Mar. 2019). robocalls that originate overseas. Please take steps to effectively mitigate illegal traffic within 48 hours.";
    let n = parse(
        "telcast",
        &collapse(
            &Letter {
                letterhead: Some("United States of America\nFederal Communications Commission\n445 12th Street, SW\nWashington, DC 20554"),
                date: "February 4, 2020",
                recipient: "To: Talal Khalid\nChief Executive Officer\nTelcast Networks, LLC\n8 The Green, STE A, Suite 7044\nDover, DE 19901",
                salutation: "Dear Mr. Khalid,",
                body,
                ..Letter::default()
            }
            .text(),
        ),
    );
    assert_eq!(
        footnote(&n, 1),
        Some("Office of the Inspector General, Social Security Administration, Fraud Advisory: IG Warns Public About Caller ID Spoofing of Social Security Numbers (Mar. 2019)."),
        "{:?}",
        n.footnotes
    );
}

/// The wixlib copy of DA 22-727: marks spaced from the word (`Operation). 1 Pursuant`) or
/// glued to the next one (`rules. 2Combatting`), a body glued to the list item
/// (`Call Pipe1The Cox/Jones/…`) and the bullet lost.
#[test]
fn s2_wixlib_marks() {
    let text = "DA 22-727 Released: July 7, 2022 ROBOCALL ENFORCEMENT NOTICE TO ALL U.S.-BASED VOICE SERVICE PROVIDERS File No. EB-TCD-21-00031913 By the Acting Chief, Enforcement Bureau: The Enforcement Bureau (Bureau) of the Federal Communications Commission (FCC or Commission) issues this Public Notice about apparently unlawful robocalls originating from a robocalling enterprise (collectively, the Cox/Jones/Sumco Panama Operation). 1 Pursuant to section 64.1200(k)(4) of the Commission’s Rules, we hereby notify all U.S.-based voice service providers that they may block voice calls from certain originating providers listed in this Notice without liability under the Commission’s rules. 2Combatting Apparently Unlawful Robocall Traffic Originating From Cox/Jones/Sumco Panama Operation. Contemporaneous with this Notice, the Bureau is issuing a cease-and-desist letter to each of the following voice service providers (the Originating Providers): 3 Call Pipe1The Cox/Jones/Sumco Panama Operation includes the following individuals: Roy Melvin Cox Jr., resident of Tustin, California.";
    let n = parse("wixlib", text);
    assert_eq!(providers(&n), [("Call Pipe".to_owned(), None)], "providers");
    assert!(
        footnote(&n, 1).is_some_and(|t| t.starts_with("The Cox/Jones/Sumco Panama Operation")),
        "{:?}",
        n.footnotes
    );
}

/// PTGi: a footnote paragraph with its URLs stripped in the middle of the text, the sentence
/// resuming after it.
#[test]
fn s2_footnote_paragraph_mid_text() {
    let n = parse(
        "PTGi",
        &excerpt("2020-05-20-ptgi-international-carrier-services"),
    );
    let numbers: Vec<u32> = n.footnotes.iter().map(|f| f.number).collect();
    assert_eq!(numbers, [1, 2]);
    assert!(footnote(&n, 1)
        .unwrap()
        .starts_with("Proclamation on Declaring a National Emergency"));
    assert!(footnote(&n, 2)
        .unwrap()
        .starts_with("The Federal Trade Commission recently obtained"));
    // Neither body keeps the text that resumes after the paragraph.
    assert!(n
        .footnotes
        .iter()
        .all(|f| !f.text.contains("COVID-19 robocalls originating")));
}

// ---------------------------------------------------------------------------------------------
// §3. Letterhead and date line

#[test]
fn s3_letterhead_and_date_line() {
    type Issuer<'a> = Option<(&'a str, Option<&'a str>, Option<&'a str>, &'a [&'a str])>;
    let cases: &[(&str, Option<&str>, &str, Issuer)] = &[
        (
            "sample",
            Some(SAMPLE_HEAD),
            "April 13, 2021",
            Some((
                "Federal Communications Commission",
                Some("Enforcement Bureau"),
                None,
                &["45 L Street, NE", "Washington, DC 20554"],
            )),
        ),
        (
            "caps with division (CallWin)",
            Some("FEDERAL COMMUNICATIONS COMMISSION\nEnforcement Bureau\nTelecommunications Consumers Division\n45 L Street, NE\nWashington, DC 20554"),
            "December 20, 2023",
            Some((
                "FEDERAL COMMUNICATIONS COMMISSION",
                Some("Enforcement Bureau"),
                Some("Telecommunications Consumers Division"),
                &["45 L Street, NE", "Washington, DC 20554"],
            )),
        ),
        (
            "old headquarters (Telcast)",
            Some("United States of America\nFederal Communications Commission\n445 12th Street, SW\nWashington, DC 20554"),
            "February 4, 2020",
            Some((
                "Federal Communications Commission",
                None,
                None,
                &["445 12th Street, SW", "Washington, DC 20554"],
            )),
        ),
        ("no letterhead (Urth, PTGi)", None, "November 10, 2022", None),
    ];
    for (name, head, when, want) in cases {
        let text = Letter {
            letterhead: *head,
            date: when,
            ..Letter::default()
        }
        .text();
        // With its lines, and collapsed: the date follows the letterhead with no separator.
        for (form, text) in [("lines", text.clone()), ("collapsed", collapse(&text))] {
            let n = parse(name, &text);
            let when: NaiveDate = NaiveDate::parse_from_str(when, "%B %d, %Y").unwrap();
            assert_eq!(n.date, Some(when), "{name} ({form}): date");
            let got = n.issuer.as_ref().map(|i| {
                (
                    i.agency.clone().unwrap_or_default(),
                    i.bureau.clone(),
                    i.division.clone(),
                    i.address.clone(),
                )
            });
            let want = want.map(|(a, b, d, addr)| {
                (
                    a.to_owned(),
                    b.map(str::to_owned),
                    d.map(str::to_owned),
                    addr.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>(),
                )
            });
            assert_eq!(got, want, "{name} ({form}): issuer");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// §4. Delivery line, recipient block, Re: line, salutation

#[test]
fn s4_delivery_recipient_subject_salutation() {
    // Delivery line: the two forms, or none.
    for want in [
        Some("VIA CERTIFIED MAIL - RETURN RECEIPT REQUESTED"),
        Some("VIA ELECTRONIC DELIVERY AND CERTIFIED MAIL - RETURN RECEIPT REQUESTED"),
        None,
    ] {
        let text = Letter {
            delivery: want,
            ..Letter::default()
        }
        .text();
        for text in [text.clone(), collapse(&text)] {
            let n = parse("delivery", &text);
            assert_eq!(n.delivery.as_deref(), want, "delivery: {text:.200}");
            assert_eq!(
                n.recipient.as_ref().and_then(|r| r.name.as_deref()),
                Some("Omar Luna"),
                "delivery {want:?}: the recipient's name"
            );
        }
    }

    // `To:` present or absent; titles; 0–2 emails (each block as printed, then collapsed).
    type Want<'a> = (&'a str, Option<&'a str>, &'a str, &'a [&'a str]);
    let blocks: &[(&str, Want)] = &[
        (
            "To: Talal Khalid\nChief Executive Officer\nTelcast Networks, LLC\n8 The Green, STE A, Suite 7044\nDover, DE 19901",
            ("Talal Khalid", Some("Chief Executive Officer"), "Telcast Networks, LLC", &[]),
        ),
        (
            "Fawaz Saleem\nCEO\nUrth Access, LLC\n2901 W. Coast Hwy, Suite 200\nNewport Beach, CA 92663\nf.saleem@urthaccess.com",
            ("Fawaz Saleem", Some("CEO"), "Urth Access, LLC", &["f.saleem@urthaccess.com"]),
        ),
        (
            "Felix Hernandez\nCompliance Officer\nVeriwave Telco, LLC\n100 Fictional Way\nMiami, FL 33131",
            ("Felix Hernandez", Some("Compliance Officer"), "Veriwave Telco, LLC", &[]),
        ),
        (
            "To: Brisa Cruz\nBelthrough, LLC\n77 Harbor Blvd.\nLas Vegas, NV 89101",
            ("Brisa Cruz", None, "Belthrough, LLC", &[]),
        ),
        (
            "Omar Rizwan\nCEO\nCallWin LLC\n1200 Commerce Drive\nAustin, TX 78701\ninfo@callwin.net support@callwin.net",
            ("Omar Rizwan", Some("CEO"), "CallWin LLC", &["info@callwin.net", "support@callwin.net"]),
        ),
        (
            "Omar Rizwan\nCEO\nCallWin LLC\n1200 Commerce Drive\nAustin, TX 78701\ninfo@callwin.net\nsupport@callwin.net",
            ("Omar Rizwan", Some("CEO"), "CallWin LLC", &["info@callwin.net", "support@callwin.net"]),
        ),
    ];
    for (block, (name, title, org, emails)) in blocks {
        let text = Letter {
            recipient: block,
            ..Letter::default()
        }
        .text();
        for (form, text) in [("lines", text.clone()), ("collapsed", collapse(&text))] {
            let n = parse(block, &text);
            let r = n
                .recipient
                .as_ref()
                .unwrap_or_else(|| panic!("{block:?} ({form}): no recipient"));
            assert_eq!(
                (
                    r.name.as_deref(),
                    r.title.as_deref(),
                    r.organization.as_deref(),
                    r.emails.clone()
                ),
                (
                    Some(*name),
                    *title,
                    Some(*org),
                    emails.iter().map(|e| (*e).to_owned()).collect::<Vec<_>>()
                ),
                "{block:?} ({form})"
            );
        }
    }

    // The Re: line's variants.
    for subject in [
        "Official Correspondence from the Federal Communications Commission",
        "Official Correspondence from the Federal Communications Commission and Federal Trade Commission",
        "Notice of Suspected Illegal Robocall Traffic",
    ] {
        let line = format!("Re: {subject}");
        let text = Letter {
            subject: Some(&line),
            ..Letter::default()
        }
        .text();
        for text in [text.clone(), collapse(&text)] {
            let n = parse(subject, &text);
            assert_eq!(n.subject.as_deref(), Some(subject), "subject");
        }
    }
    // The Notice of Suspected Illegal Robocall Traffic is its own kind.
    let n = parse(
        "nsit",
        &Letter {
            subject: Some("Re: Notice of Suspected Illegal Robocall Traffic"),
            ..Letter::default()
        }
        .text(),
    );
    assert_eq!(n.kind, NoticeKind::SuspectedIllegalTraffic);

    // The salutation ends with a comma or a colon: either way the subject stops before it and
    // the body after it is read.
    for salutation in [
        "Dear Mr. Khalid,",
        "Dear Mr. Rizwan,",
        "Dear Mr. Denson,",
        "Dear Mr. Saleem:",
        "Dear Quinn Example:",
    ] {
        let text = Letter {
            salutation,
            ..Letter::default()
        }
        .text();
        for text in [text.clone(), collapse(&text)] {
            let n = parse(salutation, &text);
            assert_eq!(
                n.subject.as_deref(),
                Some("Official Correspondence from the Federal Communications Commission"),
                "{salutation}: subject"
            );
            assert_eq!(
                provider(&n),
                named("R Squared Telecom LLC", Some("R Squared")),
                "{salutation}: provider"
            );
            assert_eq!(n.deadlines.len(), 2, "{salutation}: deadlines");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// §5. Short-name definitions and naming

#[test]
fn s5_short_names() {
    // (sentence defining the provider, name, short name)
    let cases: &[(&str, &str, Option<&str>)] = &[
        // Sample-letter style.
        (
            "We have determined that R Squared Telecom LLC (R Squared) is apparently transmitting illegal robocall traffic on behalf of one or more of its clients.",
            "R Squared Telecom LLC",
            Some("R Squared"),
        ),
        (
            "We have determined that PTGi International Carrier Services, Inc. (PTGi) is apparently routing and transmitting Novel Coronavirus Disease (COVID-19) scam robocall traffic originating from at least one wholesale provider.",
            "PTGi International Carrier Services, Inc.",
            Some("PTGi"),
        ),
        (
            "We have determined that Veriwave Telco, LLC (Veriwave) is apparently transmitting illegal robocall traffic on behalf of one or more of its clients.",
            "Veriwave Telco, LLC",
            Some("Veriwave"),
        ),
        (
            "We have determined that One Owl Telecom Inc. (One Owl) is apparently transmitting illegal robocall traffic on behalf of one or more of its clients.",
            "One Owl Telecom Inc.",
            Some("One Owl"),
        ),
        // Curly quotes inside the parentheses, the comma missing.
        (
            "We have determined that Urth Access LLC (“Urth Access”) is apparently originating illegal robocall traffic on behalf of one or more of its clients.",
            "Urth Access LLC",
            Some("Urth Access"),
        ),
        // Two aliases joined by `or`.
        (
            "The Enforcement Bureau has determined that CallWin LLC (CallWin or Company) is apparently originating illegal robocall traffic on behalf of at least four clients.",
            "CallWin LLC",
            Some("CallWin"),
        ),
        (
            "We have determined that Belthrough LLC (Belthrough or Company) is apparently originating illegal robocall traffic on behalf of one or more of its clients.",
            "Belthrough LLC",
            Some("Belthrough"),
        ),
        // `(FCC or Commission)` and `(Traceback Consortium)` come first and are not the provider.
        (
            "The Enforcement Bureau (Bureau) of the Federal Communications Commission (FCC or Commission) works closely with USTelecom’s Industry Traceback Group (Traceback Consortium). We have determined that One Eye LLC (One Eye or Company) is apparently originating illegal robocall traffic on behalf of one or more of its clients.",
            "One Eye LLC",
            Some("One Eye"),
        ),
        // Other defined terms before the definition: a letter, a CDL.
        (
            "The Bureau sent a cease-and-desist letter (CDL) to Veriwave Telco, LLC on June 1, 2024 (Veriwave Letter). We have determined that Veriwave Telco, LLC (Veriwave) is apparently transmitting illegal robocall traffic on behalf of one or more of its clients.",
            "Veriwave Telco, LLC",
            Some("Veriwave"),
        ),
        // The core verb varies.
        (
            "We have determined that Urth Access, LLC (Urth Access) is apparently originating illegal robocall traffic on behalf of one or more of its clients.",
            "Urth Access, LLC",
            Some("Urth Access"),
        ),
        (
            "We have determined that Nimbus Voice LLC (Nimbus) is apparently routing and transmitting Novel Coronavirus Disease (COVID-19) scam robocall traffic on behalf of one or more of its clients.",
            "Nimbus Voice LLC",
            Some("Nimbus"),
        ),
        // The object varies.
        (
            "We have determined that CallWin LLC (CallWin) is apparently originating illegal robocall traffic on behalf of at least four clients.",
            "CallWin LLC",
            Some("CallWin"),
        ),
    ];
    for (sentence, name, short) in cases {
        let body = format!("{sentence} You should take steps to effectively mitigate illegal traffic within 48 hours, and inform the Commission within fourteen (14) days of this letter (April 27, 2021) of the steps you have taken.");
        let text = Letter {
            body: &body,
            ..Letter::default()
        }
        .text();
        for (form, text) in [("lines", text.clone()), ("collapsed", collapse(&text))] {
            let n = parse(sentence, &text);
            assert_eq!(provider(&n), named(name, *short), "{sentence} ({form})");
        }
    }

    // The recipient block writes the comma the definition leaves out: both kept as written.
    let n = parse(
        "Urth",
        &Letter {
            recipient: "Fawaz Saleem\nCEO\nUrth Access, LLC\n2901 W. Coast Hwy, Suite 200\nNewport Beach, CA 92663",
            body: "We have determined that Urth Access LLC (“Urth Access”) is apparently originating illegal robocall traffic on behalf of one or more of its clients. Downstream providers may block all of Urth Access’s traffic if you do not take steps to “effectively mitigate illegal traffic within 48 hours,”",
            ..Letter::default()
        }
        .text(),
    );
    assert_eq!(
        (
            provider(&n),
            n.recipient.as_ref().and_then(|r| r.organization.clone())
        ),
        (
            named("Urth Access LLC", Some("Urth Access")),
            Some("Urth Access, LLC".to_owned())
        )
    );

    // Curly-apostrophe possessives of the short name (`CallWin’s network`) and the straight
    // one of the sample: the short name is the name, not the possessive.
    for poss in ["’s", "'s"] {
        let body = format!("Downstream providers may block all of R Squared{poss} traffic. We have determined that R Squared Telecom LLC (R Squared) is apparently transmitting illegal robocall traffic on behalf of one or more of its clients. R Squared{poss} network must effectively mitigate illegal traffic within 48 hours.");
        let n = parse(
            poss,
            &Letter {
                body: &body,
                ..Letter::default()
            }
            .text(),
        );
        assert_eq!(
            provider(&n),
            named("R Squared Telecom LLC", Some("R Squared")),
            "{poss}"
        );
    }

    // Collective or numbered definitions: every entity listed, the collective name none.
    let order = "Federal Communications Commission DA 23-999 Before the Federal Communications Commission Washington, D.C. 20554 In the Matter of Urth Access, LLC ) ) ) File No. EB-TCD-22-00034232 ORDER Adopted: May 1, 2023 Released: May 2, 2023 By the Chief, Enforcement Bureau: 1. By this Order, the Enforcement Bureau directs all U.S.-based voice service providers to take steps to effectively mitigate suspected illegal student loan robocall traffic originating from (1) Urth Access, LLC (Urth Access); (2) Fire Data LLC; and (3) Davis Telecom Inc. (collectively, the Student Loan Robocall Operation). Each provider must provide a report to the Bureau within 14 days.";
    let n = parse("numbered", order);
    assert_eq!(
        providers(&n),
        [
            (
                "Urth Access, LLC".to_owned(),
                Some("Urth Access".to_owned())
            ),
            ("Fire Data LLC".to_owned(), None),
            ("Davis Telecom Inc.".to_owned(), None),
        ]
    );
    assert!(
        n.providers
            .iter()
            .chain(&n.provider)
            .all(|p| !p.name.contains("Operation") && !p.name.contains("Originating Providers")),
        "{:?}",
        n.providers
    );
}

// ---------------------------------------------------------------------------------------------
// §6. Deadlines

#[test]
fn s6_deadlines() {
    let letter_body = |sentence: &str| {
        format!("We have determined that R Squared Telecom LLC (R Squared) is apparently transmitting illegal robocall traffic on behalf of one or more of its clients. {sentence}")
    };
    // (sentence, letter date, deadlines as (kind, within, due, stated))
    type Row<'a> = (DeadlineKind, &'a str, &'a str, Option<&'a str>);
    let cases: &[(&str, &str, &[Row])] = &[
        // The sample.
        (
            "Downstream providers may block R Squared's traffic if you do not take steps to effectively mitigate illegal traffic within 48 hours, or if you fail to inform the Commission within fourteen (14) days of this letter (April 27, 2021) of the steps you have taken.",
            "April 13, 2021",
            &[
                (DeadlineKind::Mitigate, "48 hours", "2021-04-15", None),
                (DeadlineKind::Report, "14 days", "2021-04-27", Some("2021-04-27")),
            ],
        ),
        // Urth: `of the date of this letter`, and the 48-hour phrase inside the quotation.
        (
            "As noted below, downstream voice service providers will be authorized to block all of Urth Access’s traffic if you do not (1) take steps to “effectively mitigate illegal traffic within 48 hours,” and (2) inform the Commission and the Traceback Consortium within fourteen (14) days of the date of this letter (November 24, 2022) of the steps you have taken.",
            "November 10, 2022",
            &[
                (DeadlineKind::Mitigate, "48 hours", "2022-11-12", None),
                (DeadlineKind::Report, "14 days", "2022-11-24", Some("2022-11-24")),
            ],
        ),
        // Written without digits.
        (
            "You must effectively mitigate illegal traffic within 48 hours and inform the Commission within fourteen days of the steps that Urth Access, LLC has taken.",
            "November 10, 2022",
            &[
                (DeadlineKind::Mitigate, "48 hours", "2022-11-12", None),
                (DeadlineKind::Report, "14 days", "2022-11-24", None),
            ],
        ),
        (
            "You must effectively mitigate illegal traffic within forty-eight hours.",
            "November 10, 2022",
            &[(DeadlineKind::Mitigate, "48 hours", "2022-11-12", None)],
        ),
        // A report within 14 days of the letter.
        (
            "Each provider must provide a report to the Bureau within 14 days.",
            "May 2, 2023",
            &[(DeadlineKind::Report, "14 days", "2023-05-16", None)],
        ),
    ];
    for (sentence, when, want) in cases {
        let body = letter_body(sentence);
        let text = Letter {
            date: when,
            body: &body,
            ..Letter::default()
        }
        .text();
        for (form, text) in [("lines", text.clone()), ("collapsed", collapse(&text))] {
            let n = parse(sentence, &text);
            let want: Vec<DeadlineRow> = want
                .iter()
                .map(|(k, w, due, stated)| (*k, (*w).to_owned(), date(due), stated.and_then(date)))
                .collect();
            assert_eq!(deadlines(&n), want, "{sentence} ({form})");
        }
    }

    // Order and notice forms.
    let ido = "Federal Communications Commission DA 23-279 Before the FEDERAL COMMUNICATIONS COMMISSION WASHINGTON, D.C. 20554 In the Matter of One Eye LLC ) ) ) ) ) EB-TCD-20-00031678 EB Docket No. 22-174 INITIAL DETERMINATION ORDER Adopted: April 3, 2023 Released: April 3, 2023 By the Chief, Enforcement Bureau: 1. By this Initial Determination Order, the Enforcement Bureau (Bureau) apparently finds that One Eye LLC (One Eye or Company) has not complied with the Commission’s call blocking rules for gateway providers. One Eye has 14 days to respond to this order. Any provider immediately downstream from One Eye will then be required to block all traffic received from One Eye beginning 30 days after release of the Final Determination Order.";
    let n = parse("IDO", ido);
    assert_eq!(
        deadlines(&n),
        [(
            DeadlineKind::Report,
            "14 days".to_owned(),
            date("2023-04-17"),
            None
        )],
        "IDO: `has 14 days to respond`; `30 days after release` is no deadline"
    );
    let fdo = "Federal Communications Commission DA 24-999 Before the Federal Communications Commission Washington, D.C. 20554 In the Matter of Acme Gateway Corp. ) ) ) File No. EB-TCD-23-00099999 FINAL DETERMINATION ORDER Adopted: April 30, 2024 Released: May 1, 2024 By the Chief, Enforcement Bureau: 1. By this Final Determination Order, the Bureau finds that Acme Gateway Corp. (Acme or Company) has not complied with the Commission’s call blocking rules. Any provider immediately downstream from Acme must block all traffic received from Acme beginning 30 days after release of this Order.";
    assert_eq!(
        deadlines(&parse("FDO", fdo)),
        [],
        "FDO: `beginning 30 days after release` is not a deadline"
    );
    let pn = "DA 25-301 Released: March 14, 2025 ROBOCALL ENFORCEMENT NOTICE TO ALL U.S.-BASED VOICE SERVICE PROVIDERS File No. EB-TCD-24-00030001 By the Chief, Enforcement Bureau: Pursuant to section 64.1200(k)(4) of the Commission’s Rules, we hereby notify all U.S.-based voice service providers that they may block calls from Pi Telecom LLC (Pi Telecom). If Pi Telecom fails to effectively mitigate the identified traffic within 48 hours of the date of this Public Notice, all U.S.-based voice service providers may block all calls from Pi Telecom.";
    assert_eq!(
        deadlines(&parse("public notice", pn)),
        [(
            DeadlineKind::Mitigate,
            "48 hours".to_owned(),
            date("2025-03-16"),
            None
        )],
        "public notice: `within 48 hours of the date of this Public Notice`"
    );
}

/// `within 14 days of the date of the CDL`: a period that runs from an earlier letter, not from
/// this document's date.
#[test]
fn s6_deadline_from_another_letter() {
    let order = "Federal Communications Commission DA 24-886 Before the Federal Communications Commission Washington, D.C. 20554 In the Matter of Veriwave Telco, LLC ) ) ) File No. EB-TCD-24-00036000 ORDER Adopted: June 3, 2024 Released: June 3, 2024 By the Chief, Enforcement Bureau: 1. On May 1, 2024, the Bureau sent Veriwave Telco, LLC (Veriwave) a cease-and-desist letter (CDL). Veriwave was required to report to the Bureau within 14 days of the date of the CDL.";
    let n = parse("CDL", order);
    let report: Vec<_> = n
        .deadlines
        .iter()
        .filter(|d| d.kind == DeadlineKind::Report)
        .map(|d| (d.within.to_string(), d.due))
        .collect();
    // 14 days from the CDL of May 1 is May 15; from this order's date it would be June 17.
    assert!(
        report
            .iter()
            .all(|(w, due)| *w == "14 days" && *due != date("2024-06-17")),
        "{report:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// §7. Citation forms seen

#[test]
fn s7_citation_forms() {
    let cases: &[(&str, &[&str])] = &[
        (
            "See 47 CFR § 64.1200(k)(4), (f)(18).",
            &["47 CFR § 64.1200(k)(4)", "47 CFR § 64.1200(f)(18)"],
        ),
        ("47 CFR § 64.6305.", &["47 CFR § 64.6305"]),
        ("47 U.S.C. § 227.", &["47 U.S.C. § 227"]),
        (
            "See 47 CFR § 64.1200(n)(5)(iii).",
            &["47 CFR § 64.1200(n)(5)(iii)"],
        ),
        // `Id. §` after a full cite, with and without an explanatory parenthetical.
        (
            "See 47 CFR § 64.1200(n)(5)(iii). Id. § 64.1200(n)(6).",
            &["47 CFR § 64.1200(n)(5)(iii)", "47 CFR § 64.1200(n)(6)"],
        ),
        (
            "See 47 CFR § 64.1200(k)(3). Id. § 64.1200(k)(4) (permitting downstream voice service providers to block calls).",
            &["47 CFR § 64.1200(k)(3)", "47 CFR § 64.1200(k)(4)"],
        ),
        // Prose forms, `rules` and `Rules`.
        (
            "Pursuant to section 64.1200(n)(5)(i)(A) of the Commission rules, One Eye has 14 days to respond.",
            &["47 CFR § 64.1200(n)(5)(i)(A)"],
        ),
        (
            "Pursuant to section 64.1200(k)(4) of the Commission’s Rules, we hereby notify all providers.",
            &["47 CFR § 64.1200(k)(4)"],
        ),
        // FCC Rcd with pin cites joined by `&`.
        (
            "Call Authentication Trust Anchor, WC Docket No. 17-97, Second Report and Order, 36 FCC Rcd 1859, 1903, para. 83 & 1904, para. 86 (2020).",
            &[
                "WC Docket No. 17-97",
                "36 FCC Rcd 1859, 1903, para. 83",
                "36 FCC Rcd 1859, 1904, para. 86",
            ],
        ),
        // Westlaw with a URL; `(last visited …)` is no citation.
        (
            "Letter from Patrick Webre, Chief, Enforcement Bureau, FCC, to Brisa Cruz, Belthrough, LLC, 2025 WL 2622184 (Sept. 10, 2025), https://docs.fcc.gov/public/attachments/DOC-414391A1.pdf (Notice).",
            &["2025 WL 2622184"],
        ),
        (
            "FCC, Consumer Guide: Stop Unwanted Robocalls and Texts, https://www.fcc.gov/consumers/guides/stop-unwanted-robocalls-and-texts (last visited Jan. 24, 2023).",
            &[],
        ),
        // Letter citations: a letter cited by its date only is no citation, in every month form.
        (
            "Letter from Loyaan A. Egal, Chief, FCC Enforcement Bureau, to Fawaz Saleem, CEO, Urth Access, LLC (Nov. 10, 2022).",
            &[],
        ),
        (
            "Letter from Loyaan A. Egal, Chief, FCC Enforcement Bureau, to Felix Hernandez, Compliance Officer, Veriwave Telco, LLC (Aug. 1, 2023).",
            &[],
        ),
        (
            "Letter from Loyaan A. Egal, Chief, FCC Enforcement Bureau, to Brisa Cruz, Belthrough, LLC (April 4, 2024).",
            &[],
        ),
        ("Letter to Identidad, 2024 WL 1234567 (April 4, 2024).", &["2024 WL 1234567"]),
        (
            "Proclamation on Declaring a National Emergency, The White House (Mar. 13, 2020).",
            &[],
        ),
        // File and docket numbers: labelled, bare in a caption, the `File No. at` typo.
        (
            "Urth Access, LLC, File No. EB-TCD-22-00034232.",
            &["File No. EB-TCD-22-00034232"],
        ),
        (
            "In the Matter of One Eye LLC ) ) ) ) ) EB-TCD-20-00031678 EB Docket No. 22-174 INITIAL DETERMINATION ORDER",
            &["File No. EB-TCD-20-00031678", "EB Docket No. 22-174"],
        ),
        (
            "Belthrough, LLC, File No. at EB-TCD-24-00037229.",
            &["File No. EB-TCD-24-00037229"],
        ),
        ("WC Docket No. 17-97", &["WC Docket No. 17-97"]),
        // DA numbers; a running header printing the number twice.
        ("See Order, DA 22-1271.", &["DA 22-1271"]),
        ("Final Determination Order, DA 26-172.", &["DA 26-172"]),
        (
            "Federal Communications Commission DA 22-1182 DA 22-1182 Released: November 10, 2022",
            &["DA 22-1182", "DA 22-1182"],
        ),
        // `47 C.F.R. §` with periods (older EB documents), `§§`, `supra`, `Fed. Reg.`: not in
        // the excerpts, read all the same.
        ("47 C.F.R. § 20.19(i)(1)", &["47 CFR § 20.19(i)(1)"]),
        (
            "See 47 CFR §§ 1.16, 1.17.",
            &["47 CFR § 1.16", "47 CFR § 1.17"],
        ),
        (
            "Advanced Methods to Target and Eliminate Unlawful Robocalls, Notice of Proposed Rulemaking, 85 Fed. Reg. 21785 (Apr. 20, 2020).",
            &["85 Fed. Reg. 21785"],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(canonical(text), *want, "{text}");
    }

    // A Title 47 section the tables lack: a URL, no heading, `known: false`, and an Info
    // diagnostic with the citation's span.
    let text = format!("{SAMPLE_BODY} See 47 CFR § 64.99999.");
    let letter = Letter {
        body: &text,
        ..Letter::default()
    }
    .text();
    let parsed = fcc_notice::parse_text(&letter).unwrap();
    let c = parsed
        .notice
        .citations
        .iter()
        .find(|c| c.section.as_deref() == Some("64.99999"))
        .unwrap();
    assert_eq!((c.known, c.heading()), (Some(false), None));
    assert_eq!(
        c.url(),
        Some("https://www.ecfr.gov/current/title-47/section-64.99999")
    );
    let d = parsed
        .diagnostics
        .iter()
        .find(|d| d.code == fcc_notice::DiagnosticCode::UnknownSection)
        .unwrap();
    assert_eq!((d.severity, d.span), (fcc_notice::Severity::Info, c.span));

    // What the short forms refer to.
    let found = cite::extract("See 47 CFR § 64.1200(n)(5)(iii). Id. § 64.1200(n)(6).");
    assert_eq!(found[1].refers_to, Some(0));
    let found = cite::extract(
        "Second Report and Order, 36 FCC Rcd 1859, 1903, para. 83 & 1904, para. 86 (2020).",
    );
    assert_eq!(found[1].refers_to, Some(0));

    // In a notice, the running header's own DA number is the notice's `document_number`,
    // printed twice or not; it is not a citation.
    let order = "Federal Communications Commission DA 22-1182 DA 22-1182 Released: November 10, 2022 In the Matter of Urth Access, LLC ) ) ) File No. EB-TCD-22-00034232 ORDER By the Chief, Enforcement Bureau: 1. By this Order, the Bureau directs all providers to take steps regarding Urth Access, LLC (Urth Access).";
    let n = parse("DA twice", order);
    assert_eq!(n.date, date("2022-11-10"));
    assert_eq!(n.document_number.as_deref(), Some("DA 22-1182"));
    assert_eq!(n.file_numbers, ["EB-TCD-22-00034232"]);
    assert!(
        !n.citations.iter().any(|c| c.canonical == "DA 22-1182"),
        "{:?}",
        n.citations
    );
}

// ---------------------------------------------------------------------------------------------
// §8. Attachment A

#[test]
fn s8_attachment_a() {
    // The text refers to Attachment A, but the table is not in it (Urth: cut off; Belthrough:
    // in another document): no attachment, no records, no row made of prose.
    for sentence in [
        "You are receiving this letter because our investigation revealed that R Squared apparently originated multiple illegal robocall campaigns, as set forth in Attachment A.",
        "The Bureau identified the suspected illegal calls in Attachment A to the Notice.",
    ] {
        let body = format!("{SAMPLE_BODY} {sentence}");
        let text = Letter {
            body: &body,
            ..Letter::default()
        }
        .text();
        for (form, text) in [("lines", text.clone()), ("collapsed", collapse(&text))] {
            let n = parse(sentence, &text);
            assert!(n.attachment.is_none(), "{sentence} ({form})");
            assert_eq!(n.records().len(), 0, "{sentence} ({form})");
        }
    }

    // An order identifying entities and traffic in prose has no call table.
    let n = parse(
        "One Eye",
        &excerpt("2023-04-03-one-eye-initial-determination-da-23-279"),
    );
    assert!(n.attachment.is_none() && n.records().is_empty());

    // A small table (`five specific calls`): every row read.
    let table = "ATTACHMENT A\n\nCustomer\tDate of Call\tCaller ID\tCalled Number\tDescription\tViolation\nMash Telecom\tMar. 19, 2021\t\t\tAuto Warranty Sales Robocall\t47 U.S.C. § 227(b)\nMash Telecom\tMar. 20, 2021\t\t\tAuto Warranty Sales Robocall\t47 U.S.C. § 227(b)\nDawz Telecom\tMar. 21, 2021\t\t\tAmazon Imposter\t47 U.S.C. § 227(b)\nDawz Telecom\tMar. 22, 2021\t\t\tAmazon Imposter\t47 U.S.C. § 227(b)\nOmiz Solutions\tMar. 23, 2021\t\t\tDebt Relief\t47 U.S.C. § 227(b)";
    let text = format!("{}\n\u{c}\n{table}\n", Letter::default().text());
    let n = parse("five calls", &text);
    let rows: Vec<_> = n
        .records()
        .iter()
        .map(|r| (r.customer.clone().unwrap_or_default(), r.date))
        .collect();
    assert_eq!(rows.len(), 5, "{rows:?}");
    assert_eq!(rows[4], ("Omiz Solutions".to_owned(), date("2021-03-23")));
}

/// `(customer, date, caller ID, description)` of each record.
fn rows(n: &Notice) -> Vec<(String, Option<NaiveDate>, Option<String>, String)> {
    n.records()
        .iter()
        .map(|r| {
            (
                r.customer.clone().unwrap_or_default(),
                r.date,
                r.caller_id.as_ref().map(ToString::to_string),
                r.description.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn s8_aligned_tables_set_tight() {
    // `pdftotext -layout` sets a line one space tighter than its page when a cell is long.
    let parsed = |table: &str| {
        let text = format!("{}\n\u{c}\n{table}", Letter::default().text());
        rows(&parse("tight table", &text))
    };
    let want = |customer: &str, day: &str, caller: Option<&str>, description: &str| {
        (
            customer.to_owned(),
            date(day),
            caller.map(ToOwned::to_owned),
            description.to_owned(),
        )
    };
    const HEAD: &str = "ATTACHMENT A\n\nCustomer            Date of Call    Caller ID        Description                Violation\n";

    // Every date one space after its customer: `Co.` starts under the date's header.
    let got = parsed(&format!(
        "{HEAD}Gamma Media August 9, 2023        202-555-0101     Auto Warranty Sales        47 U.S.C. § 227(b)\n\
         Beta Dialer Co. October 5, 2023   202-555-0102     Auto Warranty Sales        47 U.S.C. § 227(b)\n"
    ));
    assert_eq!(
        got,
        [
            want(
                "Gamma Media",
                "2023-08-09",
                Some("+12025550101"),
                "Auto Warranty Sales"
            ),
            want(
                "Beta Dialer Co.",
                "2023-10-05",
                Some("+12025550102"),
                "Auto Warranty Sales"
            ),
        ]
    );

    // A date wrapped before its year, one space after the customer, in a one-row table.
    let got = parsed(&format!(
        "{HEAD}Omiz Solutions September 19,      202-555-0103     Auto Warranty Sales        47 U.S.C. § 227(b)\n\
         \x20              2023\n"
    ));
    assert_eq!(
        got,
        [want(
            "Omiz Solutions",
            "2023-09-19",
            Some("+12025550103"),
            "Auto Warranty Sales"
        )]
    );

    // A row set tighter than the rest starts its citations left of the others': the
    // description's last word before them is still the description's.
    let got = parsed(
        "ATTACHMENT A\n\n\
         Customer           Call Date      Called Number       Description                  Violation\n\
         Delta Dial Co.     Sept. 20, 2023 808-555-0110        Auto Warranty Sales Robocall 47 U.S.C. § 227(b)\n\
         Marketing Maestros Sept. 15, 2023 XXX-XXX-XXXX Auto Warranty Sales Robocall 47 U.S.C. § 227(b)\n\
         Gamma Media        2023-09-28     15125550144         Auto Warranty Sales Robocall 47 U.S.C. § 227(b)\n",
    );
    let descriptions: Vec<&str> = got.iter().map(|r| r.3.as_str()).collect();
    assert_eq!(descriptions, ["Auto Warranty Sales Robocall"; 3]);

    // The rest of a citation wrapped in its cell, set a little left of its column on a page
    // without a header whose description and violation have no gutter between them.
    let page = "Tau Leads LLC   1/3/2022   7025550129   Customer          47 U.S.C. §\n\
                \x20                                       Service Imposter 227(b)(1)(A)(iii)\n";
    let got = parsed(&format!(
        "{HEAD}Zeta Outreach       1/24/2022       415-555-0139     Customer Service           47 U.S.C. §\n\
         \x20                                                    Imposter                   227(b)(1)(A)(iii)\n\n\u{c}{page}"
    ));
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(
        got[1],
        want(
            "Tau Leads LLC",
            "2022-01-03",
            Some("+17025550129"),
            "Customer Service Imposter"
        )
    );

    // A citation wrapped one space before the next column (`47 CFR §` with `§` under
    // `Calling Number`) is not a new row, even after a redacted number.
    let table = "Attachment A\n\n\
         \x20 Description         Violation       Calling Number      Called Number         Upstream        Call Date\n\
         \x20                                                                               Provider\n\
         Amazon Imposter 47 U.S.C. §      1-202-555-0143                              Omiz Solutions   Dec. 20, 2024\n\
         \x20               227(e); 47 CFR §\n\
         \x20               64.1604\n\
         Health Insurance   47 U.S.C. §      [REDACTED]           (808) 555-0190      Omega Calls Ltd. Dec. 27, 2024\n\
         Sales              227(e); 47 CFR §\n\
         \x20                  64.1604\n";
    let got = parsed(table);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(
        got[1],
        want(
            "Omega Calls Ltd.",
            "2024-12-27",
            None,
            "Health Insurance Sales"
        )
    );
    let n = parse(
        "tight table",
        &format!("{}\n\u{c}\n{table}", Letter::default().text()),
    );
    let violations: Vec<&str> = n
        .records()
        .iter()
        .filter_map(|r| Some(r.violation.as_ref()?.text.as_str()))
        .collect();
    assert_eq!(violations, ["47 U.S.C. § 227(e); 47 CFR § 64.1604"; 2]);

    // A row's last wrapped lines alone on the next page, and a page whose dates wrap
    // before their years: both keep the header's columns.
    let got = parsed(&format!(
        "{HEAD}Zeta Outreach       Feb. 12, 2025   415-555-0162     Social Security            47 U.S.C. § 227(b)\n\
         Chi Outreach        Mar. 1, 2025    305-555-0157     Social Security            47 U.S.C. § 227(b)\n\
         Co.                                                  Administration\n\n\u{c}\
         \x20                                                    Imposter Robocall\n\n\u{c}\
         Mash Telecom        September 11,   702-555-0102     Debt Relief                47 U.S.C. § 227(b)\n\
         \x20                   2022\n\
         Delta Dial Co.      November 4,     213-555-0115     Debt Relief                47 U.S.C. § 227(b)\n\
         \x20                   2022\n"
    ));
    assert_eq!(
        got,
        [
            want(
                "Zeta Outreach",
                "2025-02-12",
                Some("+14155550162"),
                "Social Security"
            ),
            want(
                "Chi Outreach Co.",
                "2025-03-01",
                Some("+13055550157"),
                "Social Security Administration Imposter Robocall"
            ),
            want(
                "Mash Telecom",
                "2022-09-11",
                Some("+17025550102"),
                "Debt Relief"
            ),
            want(
                "Delta Dial Co.",
                "2022-11-04",
                Some("+12135550115"),
                "Debt Relief"
            ),
        ]
    );

    // Without dates, a wrapped customer beside a wrapped citation is one row.
    let got = parsed(
        "ATTACHMENT A\n\n\
         \x20    Customer              Caller ID        Dialed Number            Violation\n\
         Epsilon Leads                                                   47 U.S.C. §\n\
         \x20                                                               227(b)(1)(A)(iii)\n\
         Sunrise VoIP                                                    47 U.S.C. §\n\
         Partners                                                        227(b)(1)(A)(iii)\n",
    );
    let customers: Vec<&str> = got.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(customers, ["Epsilon Leads", "Sunrise VoIP Partners"]);

    // A customer one space after a finished citation list; a customer set before its
    // centred header.
    let got = parsed(
        "ATTACHMENT A\n\n\
         \x20           Description        Called Number        Violation          Source       Call Date\n\
         Fraudulent Credit Card Rate   6175550172        47 U.S.C. § 227(b) Epsilon Leads    08/03/21\n\
         Reduction Robocalls\n",
    );
    assert_eq!(got[0].0, "Epsilon Leads");
    let got = parsed(
        "ATTACHMENT A\n\n\
         \x20                Description                               Customer                  Date of Call\n\n\
         Auto Warranty Sales Robocall              Psi Contact Group           May 22, 2024\n\n\
         Auto Warranty Sales Robocall              Psi Contact Group           June 12, 2024\n",
    );
    assert_eq!(
        got,
        [
            want(
                "Psi Contact Group",
                "2024-05-22",
                None,
                "Auto Warranty Sales Robocall"
            ),
            want(
                "Psi Contact Group",
                "2024-06-12",
                None,
                "Auto Warranty Sales Robocall"
            ),
        ]
    );

    // A page set far left of its header's page, told by what its columns hold: its phone
    // columns in the table's order, the called number first.
    let got = parsed(
        "ATTACHMENT A\n\n\
         \x20       Customer           Called Number      Date of Call      Description            Caller ID            Violation\n\
         Omiz Solutions             617-555-0101       2024-03-05        Debt Relief            202-555-0101         47 U.S.C. § 227(b)\n\n\u{c}\
         Sunrise VoIP   13125550177   2024-03-06   Debt Relief   1-305-555-0169   47 U.S.C. § 227(b)\n\
         Sunrise VoIP   4045550105    2024-01-22   Debt Relief   213-555-0177     47 U.S.C. § 227(b)\n",
    );
    assert_eq!(
        got,
        [
            want(
                "Omiz Solutions",
                "2024-03-05",
                Some("+12025550101"),
                "Debt Relief"
            ),
            want(
                "Sunrise VoIP",
                "2024-03-06",
                Some("+13055550169"),
                "Debt Relief"
            ),
            want(
                "Sunrise VoIP",
                "2024-01-22",
                Some("+12135550177"),
                "Debt Relief"
            ),
        ]
    );

    // Thirty pages without a header, each with a row set a character tighter than the
    // others (its date one space after `Marketing Maestros`), and then a page that drops
    // the empty Caller ID column and sets the rest further left.
    let row = |customer: &str, date: &str, caller: &str| {
        let cells = if customer.len() >= 18 {
            format!("{customer} {date} {caller}")
        } else {
            format!("{customer:<20}{date:<16}{caller}")
        };
        format!("{cells:<53}Auto Warranty Sales        47 U.S.C. § 227(b)\n")
    };
    let mut table = HEAD.to_owned();
    for page in 1..=30 {
        if page > 1 {
            table += "\u{c}";
        }
        table += &row("Psi Contact Group", "Mar. 29, 2025", "415-555-0180");
        table += &row("Marketing Maestros", "Apr. 1, 2025", "415-555-0181");
        table += &format!("\n                                        {page}\n");
    }
    table += "\u{c}Zeta Outreach       March 14, 2023  Debt Relief        47 CFR § 64.1200(a)(2)\n\
              Marketing Maestros March 2, 2023    Debt Relief        47 CFR § 64.1200(a)(2)\n\
              Sunrise VoIP Limited March 3, 2023  Debt Relief        47 CFR § 64.1200(a)(2)\n";
    let got = parsed(&table);
    assert_eq!(got.len(), 63, "{got:#?}");
    for pair in got[..60].chunks(2) {
        assert_eq!(
            pair[0],
            want(
                "Psi Contact Group",
                "2025-03-29",
                Some("+14155550180"),
                "Auto Warranty Sales"
            )
        );
        assert_eq!(
            pair[1],
            want(
                "Marketing Maestros",
                "2025-04-01",
                Some("+14155550181"),
                "Auto Warranty Sales"
            )
        );
    }
    assert_eq!(
        got[60],
        want("Zeta Outreach", "2023-03-14", None, "Debt Relief")
    );
    assert_eq!(
        got[61],
        want("Marketing Maestros", "2023-03-02", None, "Debt Relief")
    );
    assert_eq!(
        got[62],
        want("Sunrise VoIP Limited", "2023-03-03", None, "Debt Relief")
    );
}

// ---------------------------------------------------------------------------------------------
// §9. Orders, notices and their captions

#[test]
fn s9_orders_and_captions() {
    // The caption's parenthesis column collapsed into a run; the title; the signer line.
    let caption = |title: &str, signer: &str| {
        format!("Federal Communications Commission DA 23-279 Before the FEDERAL COMMUNICATIONS COMMISSION WASHINGTON, D.C. 20554 In the Matter of One Eye LLC ) ) ) ) ) EB-TCD-20-00031678 EB Docket No. 22-174 {title} Adopted: April 3, 2023 Released: April 3, 2023 By the {signer}, Enforcement Bureau: 1. By this Order, the Enforcement Bureau (Bureau) apparently finds that One Eye LLC (One Eye or Company) has not complied with section 64.1200(n)(5) of the Commission’s rules. One Eye has 14 days to respond to this order.")
    };
    for (title, kind) in [
        (
            "INITIAL DETERMINATION ORDER",
            NoticeKind::InitialDetermination,
        ),
        (
            "INITIAL DETERMINATION ORDER AND ORDER TO SHOW CAUSE",
            NoticeKind::InitialDetermination,
        ),
        ("FINAL DETERMINATION ORDER", NoticeKind::FinalDetermination),
        ("ORDER", NoticeKind::Other),
    ] {
        let n = parse(title, &caption(title, "Chief"));
        assert_eq!(n.kind, kind, "{title}: kind");
        assert_eq!(n.date, date("2023-04-03"), "{title}: date");
        assert_eq!(
            provider(&n),
            named("One Eye LLC", Some("One Eye")),
            "{title}: provider"
        );
        let cites: Vec<String> = n.citations.iter().map(ToString::to_string).collect();
        assert!(
            cites.contains(&"47 CFR § 64.1200(n)(5)".to_owned()),
            "{title}: {cites:?}"
        );
        // The caption's file number and docket are the order's own, not citations.
        assert_eq!(n.file_numbers, ["EB-TCD-20-00031678"], "{title}");
        assert_eq!(n.dockets, ["EB Docket No. 22-174"], "{title}");
        assert!(
            !cites.iter().any(|c| c.contains("22-174")),
            "{title}: {cites:?}"
        );
    }

    // The rule base moves to (n)(2)(ii)/(iii) (2026).
    assert_eq!(
        canonical("See 47 CFR § 64.1200(n)(2)(ii), (iii)."),
        ["47 CFR § 64.1200(n)(2)(ii)", "47 CFR § 64.1200(n)(2)(iii)"]
    );

    // Signed `By the Chief` or `By the Acting Chief`, the signature block at the end.
    for (title, name) in [
        ("Chief", "Loyaan A. Egal"),
        ("Acting Chief", "Patrick Webre"),
    ] {
        let text = format!(
            "{}\n\nFEDERAL COMMUNICATIONS COMMISSION\n\n{name}\n{title}\nEnforcement Bureau\n",
            caption("INITIAL DETERMINATION ORDER", title)
        );
        let n = parse(title, &text);
        let s = n.signatory.as_ref().expect("signatory");
        assert_eq!(
            (s.name.as_str(), s.title.as_deref(), s.bureau.as_deref()),
            (name, Some(title), Some("Enforcement Bureau")),
            "{title}"
        );
    }

    // Letter signatories named in citations are not the letter's signer.
    let body = format!("{SAMPLE_BODY} See Letter from Loyaan A. Egal, Chief, FCC Enforcement Bureau, to Fawaz Saleem, CEO, Urth Access, LLC (Nov. 10, 2022).");
    let n = parse(
        "cited signer",
        &Letter {
            body: &body,
            ..Letter::default()
        }
        .text(),
    );
    assert_eq!(
        n.signatory.as_ref().map(|s| s.name.as_str()),
        Some("Kristi Thompson")
    );

    // Bullet glyphs: `·` (U+00B7) and `•` (U+2022), on one line (collapsed) or one per line.
    let lead = "DA 22-727 Released: July 7, 2022 ROBOCALL ENFORCEMENT NOTICE TO ALL U.S.-BASED VOICE SERVICE PROVIDERS File No. EB-TCD-21-00031913 By the Acting Chief, Enforcement Bureau: Pursuant to section 64.1200(k)(4) of the Commission’s Rules, we hereby notify all U.S.-based voice service providers that they may block calls from certain providers. Contemporaneous with this Notice, the Bureau is issuing a cease-and-desist letter to each of the following voice service providers (the Originating Providers):";
    let after = "If any of the Originating Providers fails to effectively mitigate the identified traffic within 48 hours of the date of this Public Notice, all U.S.-based voice service providers may block all calls from that provider.";
    for glyph in ['·', '•'] {
        let items = ["Urth Access, LLC", "One Owl", "Identidad"];
        let one_line = format!(
            "{lead} {} {after}",
            items.map(|i| format!("{glyph} {i}")).join(" ")
        );
        let lines = format!(
            "{lead}\n\n{}\n\n{after}\n",
            items.map(|i| format!("{glyph} {i}")).join("\n")
        );
        for (form, text) in [("one line", one_line), ("lines", lines)] {
            let n = parse(&format!("{glyph}"), &text);
            assert_eq!(
                providers(&n),
                items.map(|i| (i.to_owned(), None)),
                "{glyph} ({form})"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// §10. `pdftotext -layout` copies of orders

/// A two-page Final Determination Order as `pdftotext -layout` prints it: the running header
/// with the DA number at the right margin, the caption's `)` column with an unlabelled file
/// number, the title centred, numbered paragraphs indented, sub-items `a.`–`c.` with a hanging
/// indent, marks glued to words, footnote bodies at the page foot after a blank line, footnote
/// 2's body running over `split` (`2025 WL` / … / `2622184 (Sept. 10, 2025), https://…`), and
/// `page_break` between the pages.
fn layout_order(page_break: &str, split: Split) -> String {
    let header = format!(
        "Federal Communications Commission{}DA 26-237",
        " ".repeat(54)
    );
    let (same_page, next_page) = match split {
        Split::None => (
            "  Letter from Patrick Webre, Chief, Enforcement Bureau, FCC, to Brisa Cruz, Belthrough, LLC, 2025 WL\n2622184 (Sept. 10, 2025), https://docs.fcc.gov/public/attachments/DOC-414391A1.pdf (Notice).",
            "",
        ),
        Split::BlankLine => (
            "  Letter from Patrick Webre, Chief, Enforcement Bureau, FCC, to Brisa Cruz, Belthrough, LLC, 2025 WL\n\n2622184 (Sept. 10, 2025), https://docs.fcc.gov/public/attachments/DOC-414391A1.pdf (Notice).",
            "",
        ),
        Split::NextPage => (
            "  Letter from Patrick Webre, Chief, Enforcement Bureau, FCC, to Brisa Cruz, Belthrough, LLC, 2025 WL",
            "2622184 (Sept. 10, 2025), https://docs.fcc.gov/public/attachments/DOC-414391A1.pdf (Notice).\n",
        ),
    };
    format!(
        "{header}

                                      Before the
                         FEDERAL COMMUNICATIONS COMMISSION
                               Washington, D.C. 20554

In the Matter of                              )
                                              )
Belthrough, LLC                               )      EB-TCD-24-00037229
                                              )
                                              )

                 FINAL DETERMINATION ORDER AND REMOVAL ORDER

Adopted: March 2, 2026                                        Released: March 3, 2026

By the Chief, Enforcement Bureau:

     1.     By this Final Determination Order, the Enforcement Bureau (Bureau) finds that
Belthrough, LLC (Belthrough or Company) has not complied with the Commission’s rules for
voice service providers.1 Any provider immediately downstream from Belthrough must block
and cease accepting all traffic received from Belthrough beginning 30 days after release of
this Order.2

     2.     The Bureau finds that Belthrough failed to:
              a.    investigate the traffic identified in the Notice, although the Bureau
                    gave it every opportunity to do so;
              b.    effectively mitigate that traffic; and
              c.    report the steps it took to the Bureau.

1
  See 47 CFR § 64.1200(n)(2)(ii), (iii).
2
{same_page}

                                           1
{page_break}{header}

     3.     Belthrough did not respond to the Notice within the time allowed.3 Its traffic
therefore remains subject to blocking by all downstream providers.

{next_page}3
  See 47 CFR § 64.1200(n)(5)(iii).

                                           2
"
    )
}

/// Where footnote 2's body breaks.
#[derive(Debug, Clone, Copy)]
enum Split {
    /// Over a line break only.
    None,
    /// Over a blank line on the same page.
    BlankLine,
    /// Onto the next page's foot.
    NextPage,
}

const NOTE_2: &str = "Letter from Patrick Webre, Chief, Enforcement Bureau, FCC, to Brisa Cruz, Belthrough, LLC, 2025 WL 2622184 (Sept. 10, 2025), https://docs.fcc.gov/public/attachments/DOC-414391A1.pdf (Notice).";

fn citations(n: &Notice) -> Vec<String> {
    n.citations.iter().map(ToString::to_string).collect()
}

#[test]
fn s10_layout_copies_of_orders() {
    for (name, page_break) in [("form feed", "\u{c}"), ("no form feed", "\n")] {
        let text = layout_order(page_break, Split::None);
        let n = parse(name, &text);
        // The title centred under the caption; the caption's name and unlabelled file number.
        assert_eq!(n.kind, NoticeKind::FinalDetermination, "{name}: kind");
        assert_eq!(n.date, date("2026-03-03"), "{name}: date");
        assert_eq!(
            provider(&n),
            named("Belthrough, LLC", Some("Belthrough")),
            "{name}: provider"
        );
        let cites = citations(&n);
        assert_eq!(n.file_numbers, ["EB-TCD-24-00037229"], "{name}");
        for want in [
            "47 CFR § 64.1200(n)(2)(ii)",
            "47 CFR § 64.1200(n)(2)(iii)",
            "2025 WL 2622184",
            "47 CFR § 64.1200(n)(5)(iii)",
        ] {
            assert!(
                cites.contains(&want.to_owned()),
                "{name}: {want} in {cites:?}"
            );
        }
        // The running header is furniture: no footnote keeps its text, and the page break
        // (a form feed, or only the repeated header) cuts no footnote.
        assert!(
            n.footnotes
                .iter()
                .all(|f| !f.text.contains("Federal Communications Commission")),
            "{name}: {:?}",
            n.footnotes
        );
        // `beginning 30 days after release` sets no deadline.
        assert_eq!(n.deadlines, [], "{name}: deadlines");
        // Marks glued to words and punctuation; bodies at the foot after a blank line.
        let notes: Vec<(u32, String)> = n
            .footnotes
            .iter()
            .map(|f| (f.number, collapse(&f.text)))
            .collect();
        assert_eq!(
            notes,
            [
                (1, "See 47 CFR § 64.1200(n)(2)(ii), (iii).".to_owned()),
                (2, NOTE_2.to_owned()),
                (3, "See 47 CFR § 64.1200(n)(5)(iii).".to_owned()),
            ],
            "{name}"
        );
    }
}

/// A footnote body running over a blank line, or onto the next page's foot: one footnote,
/// its citation read whole.
#[test]
fn s10_footnote_body_over_a_blank_line() {
    let n = parse("blank line", &layout_order("\u{c}", Split::BlankLine));
    assert_eq!(footnote(&n, 2).map(collapse).as_deref(), Some(NOTE_2));
    assert!(citations(&n).contains(&"2025 WL 2622184".to_owned()));
}

#[test]
fn s10_footnote_body_onto_the_next_page() {
    for (name, page_break) in [("form feed", "\u{c}"), ("no form feed", "\n")] {
        let n = parse(name, &layout_order(page_break, Split::NextPage));
        assert_eq!(
            footnote(&n, 2).map(collapse).as_deref(),
            Some(NOTE_2),
            "{name}"
        );
        assert!(
            citations(&n).contains(&"2025 WL 2622184".to_owned()),
            "{name}: {:?}",
            citations(&n)
        );
    }
}

/// The running header repeated on every page is page furniture, not a citation: the document's
/// own DA number is its `document_number`, however many pages repeat it.
#[test]
fn s10_running_header_is_not_a_citation() {
    for (name, page_break) in [("form feed", "\u{c}"), ("no form feed", "\n")] {
        let n = parse(name, &layout_order(page_break, Split::None));
        assert_eq!(n.document_number.as_deref(), Some("DA 26-237"), "{name}");
        let own = n
            .citations
            .iter()
            .filter(|c| c.canonical == "DA 26-237")
            .count();
        assert_eq!(own, 0, "{name}: {:?}", citations(&n));
    }
}
