//! Whole letters: one reviewed JSON snapshot per distinct letter (every form of the sample
//! letter held to it), every span checked, the sample letter's facts asserted one by one, and
//! the excerpts' header facts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

mod common;
use common::{check_spans, without_spans};

use fcc_notice::{
    parse_text, ContactRole, DeadlineKind, DiagnosticCode, NoticeKind, Parsed, Parser, Period,
    PeriodUnit,
};
use std::fs;

const SAMPLE: &str = include_str!("../fixtures/letters/2021-04-13-r-squared-telecom.txt");
const SAMPLE_PLAIN: &str =
    include_str!("../fixtures/letters/2021-04-13-r-squared-telecom-plain.txt");

/// The other forms of the sample letter (`2021-04-13-r-squared-telecom-plain.txt`, the
/// pdftotext copies, the collapsed copy): one letter, so one snapshot, and
/// [`every_form_of_the_sample_letter_gives_its_notice`] holds each form to it.
fn is_other_form(path: &std::path::Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.starts_with("2021-04-13-r-squared-telecom-"))
}

/// One reviewed JSON snapshot per distinct letter; every span of every text fixture indexes
/// its input.
#[test]
fn snapshots() {
    insta::glob!(
        "../fixtures",
        "{letters,excerpts,synthetic}/*.txt",
        |path| {
            let text = fs::read_to_string(path).unwrap();
            let parsed = parse_text(&text).unwrap();
            check_spans(&parsed, &text, &path.display().to_string());
            if !is_other_form(path) {
                insta::assert_json_snapshot!(parsed);
            }
        }
    );
}

/// Every text form of the sample letter gives the sample's notice, all of it but the spans
/// (each indexes its own input). The collapsed copy, which lost its line breaks, reads the
/// two address lines of the addressee block as one.
#[test]
fn every_form_of_the_sample_letter_gives_its_notice() {
    let base = without_spans(&parse_text(SAMPLE).unwrap());
    let dir = format!("{}/fixtures/letters", env!("CARGO_MANIFEST_DIR"));
    let mut forms = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if !is_other_form(&path) {
            continue;
        }
        forms += 1;
        let mut got = without_spans(&parse_text(&fs::read_to_string(&path).unwrap()).unwrap());
        if path.to_string_lossy().ends_with("-collapsed.txt") {
            let address = got["recipient"]["address"].as_array_mut().unwrap();
            assert_eq!(address[0], "526 S Main St. Suite 802");
            address.splice(0..1, ["526 S Main St.".into(), "Suite 802".into()]);
        }
        assert_eq!(got, base, "{}", path.display());
    }
    assert_eq!(forms, 6);
}

fn date(s: &str) -> Option<chrono::NaiveDate> {
    Some(s.parse().unwrap())
}

#[test]
fn sample_letter_facts() {
    let parsed = parse_text(SAMPLE).unwrap();
    assert_eq!(parsed.diagnostics, []);
    let n = &parsed.notice;
    assert_eq!(n.kind, NoticeKind::CeaseAndDesist);
    assert_eq!(n.date, date("2021-04-13"));
    let provider = n.provider.as_ref().unwrap();
    assert_eq!(provider.name, "R Squared Telecom LLC");
    assert_eq!(provider.short_name.as_deref(), Some("R Squared"));
    let r = n.recipient.as_ref().unwrap();
    assert_eq!(r.name.as_deref(), Some("Omar Luna"));
    assert_eq!(r.title.as_deref(), Some("CEO"));
    assert_eq!(r.organization.as_deref(), Some("R Squared Telecom LLC"));
    assert_eq!(
        r.address,
        ["526 S Main St.", "Suite 802", "Akron, OH 44311"]
    );
    assert_eq!(r.emails, ["omar.luna@rsquaredtelecom.com"]);
    assert_eq!(
        n.subject.as_deref(),
        Some("Official Correspondence from the Federal Communications Commission")
    );
    assert_eq!(
        n.delivery.as_deref(),
        Some("VIA CERTIFIED MAIL - RETURN RECEIPT REQUESTED")
    );

    let d: Vec<_> = n
        .deadlines
        .iter()
        .map(|d| (d.kind, d.within, d.due, d.stated))
        .collect();
    assert_eq!(
        d,
        [
            (
                DeadlineKind::Mitigate,
                Period::new(48, PeriodUnit::Hours),
                date("2021-04-15"),
                None
            ),
            (
                DeadlineKind::Report,
                Period::new(14, PeriodUnit::Days),
                date("2021-04-27"),
                date("2021-04-27")
            ),
        ]
    );
    assert_eq!(
        &SAMPLE[n.deadlines[1].span.range()],
        "within fourteen (14) days of this letter (April 27, 2021)"
    );

    assert_eq!(n.actions.len(), 5);
    assert_eq!(
        n.actions[0],
        "Promptly investigate the transmissions identified above."
    );
    assert!(n.actions[4].ends_with("to prevent customers from using its network to transmit illegal robocalls. You must also include a declaration attesting to the truthfulness and accuracy of your response under section 1.17 of the Commission's rules. Failure to provide this information within 14 days shall be equivalent to having failed to put effective measures in place."), "{}", n.actions[4]);

    let c: Vec<_> = n
        .contacts
        .iter()
        .map(|c| {
            (
                c.role,
                c.name.as_str(),
                c.email.as_deref(),
                c.phone.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        c,
        [
            (
                ContactRole::Inquiries,
                "Daniel Stepanicich",
                Some("Daniel.Stepanicich@fcc.gov"),
                Some("+12024187451")
            ),
            (
                ContactRole::Copy,
                "Kristi Thompson",
                Some("kristi.thompson@fcc.gov"),
                None
            ),
        ]
    );
    let s = n.signatory.as_ref().unwrap();
    assert_eq!(
        (s.name.as_str(), s.title.as_deref()),
        ("Kristi Thompson", Some("Division Chief"))
    );

    let numbers: Vec<u32> = n.footnotes.iter().map(|f| f.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    assert_eq!(n.footnotes[0].text, "See 47 CFR § 64.1200(k)(4).");
    assert_eq!(
        &SAMPLE[n.footnotes[0].mark.unwrap().range()],
        "<sup>1</sup>"
    );
    assert!(n.footnotes[4]
        .text
        .ends_with("Id. at 7630, para. 43; 47 CFR § 64.1200(k)(4)."));
    for f in &n.footnotes {
        for &i in &f.citations {
            let c = &n.citations[i];
            assert!(
                f.span.start <= c.span.start && c.span.end <= f.span.end,
                "{c:?} outside footnote {}",
                f.number
            );
        }
    }

    let records = n.records();
    assert_eq!(records.len(), 23);
    assert!(records
        .iter()
        .all(|r| r.caller_id.is_none() && r.called_number.is_none()));
    let first = &records[0];
    assert_eq!(
        (
            first.customer.as_deref(),
            first.date,
            first.description.as_deref()
        ),
        (
            Some("Dawz Telecom"),
            date("2021-03-19"),
            Some("Auto Warranty Sales Robocall")
        )
    );
    let last = &records[22];
    assert_eq!(
        (last.customer.as_deref(), last.date),
        (Some("Omiz Solutions"), date("2021-02-02"))
    );
    assert!(SAMPLE[last.span.range()].starts_with("Omiz Solutions\tFeb. 2, 2021"));
    // A row's citations are indices into the letter's list, spans and all.
    let cell = last.violation.as_ref().unwrap();
    let cited: Vec<String> = n.cited(&cell.citations).map(ToString::to_string).collect();
    assert_eq!(cited, ["47 U.S.C. § 227(b)", "47 CFR § 64.1200"]);
    let cell_span = n.citations[cell.citations[1]].span;
    assert_eq!(&SAMPLE[cell_span.range()], "47 CFR § 64.1200");

    let customers: Vec<_> = n
        .customers()
        .into_iter()
        .map(|c| (c.name, c.calls))
        .collect();
    let want = [
        ("Mash Telecom", 19),
        ("Marketing Maestros", 2),
        ("Dawz Telecom", 1),
        ("Omiz Solutions", 1),
    ];
    assert_eq!(customers, want.map(|(n, c)| (n.to_owned(), c)));
    let campaigns: Vec<usize> = n.campaigns().iter().map(|c| c.calls).collect();
    assert_eq!(campaigns, [13, 6, 2, 1, 1]);
    let violations = n.violations();
    assert_eq!(violations.len(), 1);
    assert_eq!(violations[0].calls, 23);
    let cites: Vec<String> = violations[0]
        .citations
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(cites, ["47 U.S.C. § 227(b)", "47 CFR § 64.1200"]);
}

#[test]
fn markdown_and_plain_renderings_agree() {
    let markdown = parse_text(SAMPLE).unwrap();
    let plain = parse_text(SAMPLE_PLAIN).unwrap();
    assert_eq!(without_spans(&markdown), without_spans(&plain));
    // Spans index each input: the same facts stand at different offsets.
    let provider_mark =
        |p: &Parsed, text: &str| text[p.notice.footnotes[0].mark.unwrap().range()].to_owned();
    assert_eq!(provider_mark(&plain, SAMPLE_PLAIN), "1");
}

/// The collapsed form also gives the contacts and signatory, and no diagnostics: its inlined
/// footnote bodies are matched to their marks and cut out of the text they interrupt.
#[test]
fn collapsed_form_gives_contacts_signatory_and_footnotes() {
    let text = fs::read_to_string(format!(
        "{}/fixtures/letters/2021-04-13-r-squared-telecom-collapsed.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let collapsed = parse_text(&text).unwrap();
    assert_eq!(collapsed.diagnostics, []);
    let base = parse_text(SAMPLE).unwrap().notice;
    let n = collapsed.notice;
    assert_eq!(n.contacts, base.contacts);
    assert_eq!(n.signatory, base.signatory);
    assert_eq!(n.actions, base.actions);
    let citations = |n: &fcc_notice::Notice| -> Vec<Vec<String>> {
        n.footnotes
            .iter()
            .map(|f| {
                f.citations
                    .iter()
                    .map(|&i| n.citations[i].to_string())
                    .collect()
            })
            .collect()
    };
    assert_eq!(citations(&n), citations(&base));
}

/// The sample with every long paragraph line re-wrapped at about 72 columns.
fn rewrapped(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.len() <= 100 || line.contains('\t') {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut width = 0;
        for word in line.split(' ') {
            if width > 0 && width + word.len() > 72 {
                out.push('\n');
                width = 0;
            } else if width > 0 {
                out.push(' ');
                width += 1;
            }
            out.push_str(word);
            width += word.len();
        }
        out.push('\n');
    }
    out
}

#[test]
fn crlf_nbsp_trailing_space_and_rewrapped_variants_agree() {
    let base = without_spans(&parse_text(SAMPLE).unwrap());
    let trailing: String = SAMPLE.lines().map(|l| format!("{l}   \n")).collect();
    for variant in [
        SAMPLE.replace('\n', "\r\n"),
        SAMPLE
            .replace("Mr. Luna", "Mr.\u{a0}Luna")
            .replace("48 hours", "48\u{a0}hours"),
        trailing,
        rewrapped(SAMPLE),
        rewrapped(SAMPLE_PLAIN),
    ] {
        assert_eq!(without_spans(&parse_text(&variant).unwrap()), base);
    }
}

#[test]
fn excerpts_give_their_header_facts() {
    // (file, date, kind, provider, short name)
    let cases = [
        (
            "2020-02-04-telcast-networks-gateway-letter",
            "2020-02-04",
            NoticeKind::Other,
            "Telcast Networks, LLC",
            None,
        ),
        (
            "2020-05-20-ptgi-international-carrier-services",
            "2020-05-20",
            NoticeKind::CeaseAndDesist,
            "PTGi International Carrier Services, Inc.",
            Some("PTGi"),
        ),
        (
            "2022-07-07-cox-jones-sumco-public-notice-da-22-727",
            "2022-07-07",
            NoticeKind::PublicNotice,
            "Call Pipe",
            None,
        ),
        (
            "2022-11-10-urth-access",
            "2022-11-10",
            NoticeKind::CeaseAndDesist,
            "Urth Access LLC",
            Some("Urth Access"),
        ),
        (
            "2023-04-03-one-eye-initial-determination-da-23-279",
            "2023-04-03",
            NoticeKind::InitialDetermination,
            "One Eye LLC",
            Some("One Eye"),
        ),
    ];
    for (file, when, kind, name, short) in cases {
        let text = fs::read_to_string(format!(
            "{}/fixtures/excerpts/{file}.txt",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let parsed = parse_text(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let n = &parsed.notice;
        assert_eq!(n.date, date(when), "{file}");
        assert_eq!(n.kind, kind, "{file}");
        let provider = n.provider.as_ref().unwrap();
        assert_eq!(
            (provider.name.as_str(), provider.short_name.as_deref()),
            (name, short),
            "{file}"
        );
        // No excerpt reaches its attachment.
        assert_eq!(n.records().len(), 0, "{file}");
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::Truncated),
            "{file}: no truncation diagnostic in {:?}",
            parsed.diagnostics
        );
        assert!(
            Parser::new().strict(true).parse_text(&text).is_err(),
            "{file}: strict mode accepted a truncated letter"
        );
    }
}

#[test]
fn synthetic_letters_give_their_facts() {
    type Row<'a> = (&'a str, &'a str);
    type Case<'a> = (
        &'a str,
        &'a str,
        NoticeKind,
        &'a str,
        Option<&'a str>,
        usize,
        Option<Row<'a>>,
        Option<Row<'a>>,
    );
    // (file, date, kind, provider, short name, records, first record, last record)
    let cases: [Case; 10] = [
        (
            "2023-12-20-nsit-example-voice",
            "2023-12-20",
            NoticeKind::SuspectedIllegalTraffic,
            "Example Voice LLC",
            Some("Example Voice"),
            4,
            Some(("Alpha Leads Inc.", "2023-12-01")),
            Some(("Beta Dialer Co.", "2023-09-04")),
        ),
        (
            "2024-05-01-final-determination-acme",
            "2024-05-01",
            NoticeKind::FinalDetermination,
            "Acme Gateway Corp.",
            Some("Acme"),
            0,
            None,
            None,
        ),
        (
            "2024-06-03-cd-letter-sample-telco-plain",
            "2024-06-03",
            NoticeKind::CeaseAndDesist,
            "Sample Telco LLC",
            Some("Sample Telco"),
            2,
            Some(("Gamma Media", "2024-03-19")),
            Some(("Gamma Media", "2024-03-20")),
        ),
        (
            "2025-01-21-cd-letter-omicron-repeated-header",
            "2025-01-21",
            NoticeKind::CeaseAndDesist,
            "Omicron Carrier Services Inc.",
            Some("Omicron"),
            5,
            Some(("Delta Dial Co.", "2025-01-08")),
            Some(("Zeta Outreach", "2024-12-30")),
        ),
        (
            "2020-03-02-cd-letter-nu-networks-old-letterhead",
            "2020-03-02",
            NoticeKind::CeaseAndDesist,
            "Nu Networks LLC",
            Some("Nu Networks"),
            1,
            Some(("Omega Calls Ltd.", "2020-02-27")),
            Some(("Omega Calls Ltd.", "2020-02-27")),
        ),
        (
            "2025-03-14-public-notice-pi-operation",
            "2025-03-14",
            NoticeKind::PublicNotice,
            "Pi Telecom LLC",
            Some("Pi Telecom"),
            0,
            None,
            None,
        ),
        (
            "2025-04-02-order-kappa-collective",
            "2025-04-02",
            NoticeKind::Other,
            "Kappa Voice, LLC",
            Some("Kappa"),
            0,
            None,
            None,
        ),
        (
            "2024-09-10-initial-determination-belmont",
            "2024-09-10",
            NoticeKind::InitialDetermination,
            "Belmont Route LLC",
            Some("Belmont"),
            0,
            None,
            None,
        ),
        (
            "2024-08-15-cd-letter-problems-tolerated",
            "2024-08-15",
            NoticeKind::CeaseAndDesist,
            "Xi Voice LLC",
            Some("Xi Voice"),
            3,
            Some(("Omicron Leads", "")),
            Some(("Pi Dialers", "2024-08-05")),
        ),
        (
            "large/2025-06-30-cd-letter-10000-rows",
            "2025-06-30",
            NoticeKind::CeaseAndDesist,
            "Tau Carrier Services LLC",
            Some("Tau Carrier"),
            10_000,
            Some(("Tau Leads LLC", "2025-06-28")),
            Some(("Upsilon Dialer Inc.", "2023-07-30")),
        ),
    ];
    for (file, when, kind, name, short, count, first, last) in cases {
        let text = fs::read_to_string(format!(
            "{}/fixtures/synthetic/{file}.txt",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let n = parse_text(&text)
            .unwrap_or_else(|e| panic!("{file}: {e}"))
            .notice;
        assert_eq!((n.date, n.kind), (date(when), kind), "{file}");
        let provider = n.provider.as_ref().unwrap();
        assert_eq!(
            (provider.name.as_str(), provider.short_name.as_deref()),
            (name, short),
            "{file}"
        );
        let records = n.records();
        assert_eq!(records.len(), count, "{file}");
        let fact = |r: &fcc_notice::CallRecord| (r.customer.clone().unwrap_or_default(), r.date);
        // An empty date in the table above: the record's date is `None`.
        let want = |row: Option<Row>| {
            row.map(|(c, d)| (c.to_owned(), if d.is_empty() { None } else { date(d) }))
        };
        assert_eq!(records.first().map(fact), want(first), "{file}");
        assert_eq!(records.last().map(fact), want(last), "{file}");
    }

    // The table's variations: synonyms in another order, every NANP form, redactions, dates.
    let text = fs::read_to_string(format!(
        "{}/fixtures/synthetic/2023-12-20-nsit-example-voice.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let parsed = parse_text(&text).unwrap();
    let phones: Vec<_> = parsed
        .notice
        .records()
        .iter()
        .map(|r| (r.caller_id.as_deref(), r.called_number.as_deref()))
        .collect();
    assert_eq!(
        phones,
        [
            (Some("+12025550111"), Some("+13125550122")),
            (Some("+12025550113"), None),
            (None, Some("+13125550124")),
            (Some("+12025550115"), Some("+13125550125")),
        ]
    );
    let codes: Vec<_> = parsed.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [DiagnosticCode::RowCellCount]);
    let n = &parsed.notice;
    assert_eq!(
        n.recipient.as_ref().unwrap().emails,
        ["info@example-voice.test", "support@example-voice.test"]
    );
    let due: Vec<_> = n.deadlines.iter().map(|d| (d.kind, d.due)).collect();
    assert_eq!(
        due,
        [
            (DeadlineKind::Mitigate, date("2023-12-22")),
            (DeadlineKind::Report, date("2024-01-03"))
        ]
    );
}

fn synthetic(file: &str) -> String {
    fs::read_to_string(format!(
        "{}/fixtures/synthetic/{file}.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn names(providers: &[fcc_notice::Provider]) -> Vec<(&str, Option<&str>)> {
    providers
        .iter()
        .map(|p| (p.name.as_str(), p.short_name.as_deref()))
        .collect()
}

/// A public notice lists the providers carriers may block, one bullet per line; its deadline
/// runs from the notice's date; it names a contact and no signatory.
#[test]
fn public_notice_lists_its_providers() {
    let parsed = parse_text(&synthetic("2025-03-14-public-notice-pi-operation")).unwrap();
    assert_eq!(parsed.diagnostics, []);
    let n = &parsed.notice;
    assert_eq!(
        names(&n.providers),
        [
            ("Pi Telecom LLC", Some("Pi Telecom")),
            ("Rho Networks, Inc.", None),
            ("Sigma Voice Corp.", None)
        ]
    );
    let d: Vec<_> = n.deadlines.iter().map(|d| (d.kind, d.due)).collect();
    assert_eq!(d, [(DeadlineKind::Mitigate, date("2025-03-16"))]);
    assert_eq!(n.recipient, None);
    assert_eq!(n.signatory, None);
    let contact = n.contacts.first().unwrap();
    assert_eq!(
        (contact.name.as_str(), contact.email.as_deref()),
        ("Alex Example", Some("alex.example@fcc.test"))
    );
    assert_eq!(n.footnotes.len(), 3);
}

/// An order to all providers defines its subjects in a numbered collective list and is
/// signed under `FEDERAL COMMUNICATIONS COMMISSION`.
#[test]
fn numbered_collective_definition() {
    let parsed = parse_text(&synthetic("2025-04-02-order-kappa-collective")).unwrap();
    assert_eq!(parsed.diagnostics, []);
    let n = &parsed.notice;
    assert_eq!(
        names(&n.providers),
        [
            ("Kappa Voice, LLC", Some("Kappa")),
            ("Lambda Leads LLC", None),
            ("Mu Data Inc.", Some("Mu Data")),
            ("Nu Outreach Corp.", None)
        ]
    );
    let s = n.signatory.as_ref().unwrap();
    assert_eq!(
        (s.name.as_str(), s.title.as_deref(), s.bureau.as_deref()),
        ("Morgan Example", Some("Chief"), Some("Enforcement Bureau"))
    );
    let d: Vec<_> = n.deadlines.iter().map(|d| (d.kind, d.due)).collect();
    assert_eq!(d, [(DeadlineKind::Report, date("2025-04-16"))]);
    // `Id. § 64.1200(n)(2)(i)` in footnote 2 refers to footnote 1's CFR cite.
    let id = n.citations.last().unwrap();
    let target = &n.citations[id.refers_to.unwrap()];
    assert_eq!(target.to_string(), "47 CFR § 64.1200(n)(2)");
}

/// The old headquarters letterhead, `To:`, a title, one email, a comma after the salutation,
/// two curly-quoted aliases, a deadline in words and digits with its date, and a one-row
/// table with a subset of the columns under other synonyms.
#[test]
fn old_letterhead_two_aliases_and_a_one_row_table() {
    let parsed = parse_text(&synthetic(
        "2020-03-02-cd-letter-nu-networks-old-letterhead",
    ))
    .unwrap();
    assert_eq!(parsed.diagnostics, []);
    let n = &parsed.notice;
    let issuer = n.issuer.as_ref().unwrap();
    assert_eq!(
        issuer.address,
        ["445 12th Street, SW", "Washington, DC 20554"]
    );
    let r = n.recipient.as_ref().unwrap();
    assert_eq!(
        (r.name.as_deref(), r.title.as_deref(), r.emails.as_slice()),
        (
            Some("Riley Example"),
            Some("Chief Executive Officer"),
            &["riley@nunetworks.test".to_owned()][..]
        )
    );
    let kinds: Vec<_> = n
        .attachment
        .as_ref()
        .unwrap()
        .columns
        .iter()
        .map(|c| c.kind)
        .collect();
    use fcc_notice::ColumnKind::*;
    assert_eq!(kinds, [Customer, Date, CallerId, Description, Violation]);
    let row = &n.records()[0];
    assert_eq!(
        (row.caller_id.as_deref(), row.called_number.as_deref()),
        (Some("+12025550177"), None)
    );
    let d: Vec<_> = n
        .deadlines
        .iter()
        .map(|d| (d.kind, d.due, d.stated))
        .collect();
    assert_eq!(
        d,
        [
            (DeadlineKind::Mitigate, date("2020-03-04"), None),
            (DeadlineKind::Report, date("2020-03-16"), date("2020-03-16"))
        ]
    );
    assert_eq!(n.actions.len(), 3);
    assert_eq!(n.contacts[0].phone.as_deref(), Some("+12025550100"));
}

/// 10,000 rows over 250 pages: every header repeat and page number skipped, every date form
/// and redaction read, the same facts as the generator wrote.
#[test]
fn ten_thousand_rows() {
    let text = synthetic("large/2025-06-30-cd-letter-10000-rows");
    let parsed = parse_text(&text).unwrap();
    assert_eq!(parsed.diagnostics, []);
    let records = parsed.notice.records();
    assert_eq!(records.len(), 10_000);
    assert!(records.iter().all(|r| r.date.is_some()
        && r.customer.is_some()
        && r.violation.as_ref().is_some_and(|v| v.citations.len() == 2)));
    // Every seventh phone cell of each column is one of the two redactions, kept raw.
    let redacted = |kind| records.iter().filter(|r| r.raw.contains_key(&kind)).count();
    use fcc_notice::ColumnKind::{CalledNumber, CallerId};
    assert_eq!(redacted(CallerId), 2856);
    assert_eq!(redacted(CalledNumber), 2850);
    assert!(records
        .iter()
        .all(|r| r.caller_id.is_some() != r.raw.contains_key(&CallerId)));
    let customers: Vec<_> = parsed
        .notice
        .customers()
        .into_iter()
        .map(|c| c.calls)
        .collect();
    assert_eq!(customers, [1429, 1429, 1429, 1429, 1428, 1428, 1428]);
    let summary = serde_json::json!({
        "records": records.len(),
        "first": records.first(),
        "last": records.last(),
        "customers": parsed.notice.customers(),
        "campaigns": parsed.notice.campaigns(),
    });
    insta::assert_json_snapshot!(summary);
}

/// Everything the parser tolerates, once each, with its code, severity and place; strict
/// mode refuses the letter.
#[test]
fn tolerated_problems_are_diagnostics() {
    use fcc_notice::Severity::*;
    let text = synthetic("2024-08-15-cd-letter-problems-tolerated");
    let parsed = parse_text(&text).unwrap();
    let got: Vec<_> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.code, d.severity, &text[d.span.range()]))
        .collect();
    assert_eq!(
        got,
        [
            (DiagnosticCode::DueDateMismatch, Warning, "August 30, 2024"),
            (DiagnosticCode::UnmatchedFootnote, Warning, "2"),
            (DiagnosticCode::UnresolvedShortForm, Warning, "supra note 7"),
            (DiagnosticCode::UnknownColumn, Warning, "Carrier"),
            (DiagnosticCode::UnparseableDate, Warning, "Febtember 3, 2024"),
            (DiagnosticCode::UnparseablePhone, Warning, "(202) 555-01"),
            (
                DiagnosticCode::RowCellCount,
                Warning,
                "Pi Dialers\tAug. 5, 2024\t(202) 555-0183\t(312) 555-0193\tSample Carrier\tAmazon Imposter"
            ),
        ]
    );
    // What could not be typed is kept as written.
    let records = parsed.notice.records();
    use fcc_notice::ColumnKind::{CalledNumber, CallerId, Date};
    assert_eq!(
        records[0].raw.get(&Date).map(String::as_str),
        Some("Febtember 3, 2024")
    );
    assert_eq!(
        (
            records[1].raw.get(&CallerId).map(String::as_str),
            records[1].raw.get(&CalledNumber).map(String::as_str)
        ),
        (Some("(202) 555-01"), Some("[REDACTED]"))
    );
    assert_eq!(records[2].violation, None);
    let shown = parsed.diagnostics[4]
        .render(&text)
        .with_name("x.txt")
        .to_string();
    assert!(
        shown.starts_with("x.txt:36:15: warning[unparseable_date]: "),
        "{shown}"
    );
    assert!(Parser::new().strict(true).parse_text(&text).is_err());
}

/// Collapsing a letter onto one line (as the FCC's `.txt` renditions do) keeps its records:
/// phone numbers and redactions after the date, a header repeated mid-table, a last row with
/// no violation cell.
#[test]
fn collapsed_copies_keep_their_records() {
    let records = |text: &str| {
        let parsed = parse_text(text).unwrap();
        let records: Vec<_> = parsed
            .notice
            .records()
            .iter()
            .map(|r| {
                (
                    r.customer.clone(),
                    r.date,
                    r.caller_id.clone(),
                    r.called_number.clone(),
                    r.description.clone(),
                    r.violation.as_ref().map(|v| v.text.clone()),
                    r.raw.clone(),
                )
            })
            .collect();
        records
    };
    for file in [
        "2020-03-02-cd-letter-nu-networks-old-letterhead",
        "2023-12-20-nsit-example-voice",
        "2024-06-03-cd-letter-sample-telco-plain",
        "2025-01-21-cd-letter-omicron-repeated-header",
    ] {
        let text = synthetic(file);
        let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let want = records(&text);
        assert!(!want.is_empty(), "{file}");
        assert_eq!(records(&collapsed), want, "{file}");
    }
}

/// A tab table over two pages: its header repeated after the form feed and a page number at
/// the first page's foot are not rows, and give no diagnostics.
#[test]
fn repeated_header_and_page_number_are_not_rows() {
    let text = fs::read_to_string(format!(
        "{}/fixtures/synthetic/2025-01-21-cd-letter-omicron-repeated-header.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let parsed = parse_text(&text).unwrap();
    assert_eq!(parsed.diagnostics, []);
    let rows: Vec<_> = parsed
        .notice
        .records()
        .iter()
        .map(|r| {
            (
                r.date,
                r.caller_id.as_deref(),
                r.called_number.as_deref(),
                r.description.as_deref(),
            )
        })
        .collect();
    let want = [
        (
            "2025-01-08",
            Some("+12025550151"),
            Some("+13125550161"),
            "Social Security Imposter",
        ),
        (
            "2025-01-09",
            Some("+12025550152"),
            Some("+13125550162"),
            "Social Security Imposter",
        ),
        (
            "2024-09-02",
            Some("+12025550153"),
            None,
            "Utility Disconnect",
        ),
        (
            "2024-09-03",
            None,
            Some("+13125550164"),
            "Utility Disconnect",
        ),
        (
            "2024-12-30",
            Some("+12025550155"),
            Some("+13125550165"),
            "Student Loan Relief",
        ),
    ]
    .map(|(d, from, to, what)| (date(d), from, to, Some(what)));
    assert_eq!(rows, want);
    let report = parsed
        .notice
        .deadlines
        .iter()
        .find(|d| d.kind == DeadlineKind::Report);
    assert_eq!(
        report.map(|d| (d.due, d.stated)),
        Some((date("2025-02-04"), date("2025-02-04")))
    );
}

#[test]
fn collapsed_recipient_blocks() {
    let text = fs::read_to_string(format!(
        "{}/fixtures/excerpts/2022-11-10-urth-access.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let n = parse_text(&text).unwrap().notice;
    let r = n.recipient.unwrap();
    assert_eq!(r.name.as_deref(), Some("Fawaz Saleem"));
    assert_eq!(r.organization.as_deref(), Some("Urth Access, LLC"));
    assert_eq!(
        r.address,
        ["2901 W. Coast Hwy, Suite 200", "Newport Beach, CA 92663"]
    );
    assert_eq!(r.emails, ["f.saleem@urthaccess.com"]);
    // The letter states November 25 for a 14-day deadline from November 10: a real mismatch.
    let report = n
        .deadlines
        .iter()
        .find(|d| d.kind == DeadlineKind::Report)
        .unwrap();
    assert_eq!(
        (report.due, report.stated),
        (date("2022-11-24"), date("2022-11-25"))
    );
}

#[test]
fn not_a_notice() {
    for text in [
        "",
        "hello world",
        "Dear friend, the Commission meets on Tuesday",
        "\u{c}\n---\n",
    ] {
        assert!(
            matches!(parse_text(text), Err(fcc_notice::Error::NotANotice { .. })),
            "{text:?}"
        );
    }
}

#[test]
fn strict_mode_promotes_warnings() {
    let mismatched = SAMPLE.replace(
        "(April 27, 2021) of the steps",
        "(April 28, 2021) of the steps",
    );
    let lenient = parse_text(&mismatched).unwrap();
    let codes: Vec<_> = lenient.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [DiagnosticCode::DueDateMismatch]);
    assert_eq!(
        &mismatched[lenient.diagnostics[0].span.range()],
        "April 28, 2021"
    );
    match Parser::new().strict(true).parse_text(&mismatched) {
        Err(fcc_notice::Error::Strict { diagnostics }) => {
            assert_eq!(diagnostics, lenient.diagnostics)
        }
        other => panic!("expected a strict error, got {other:?}"),
    }
    insta::assert_snapshot!(lenient.diagnostics[0].render(&mismatched).to_string());
}
