//! The `layout` and `pdf` renderers of the letter generator on a hand-built letter like the
//! sample: each render must read back as the letter it was made from.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

mod support;

use fcc_notice::{Parsed, Parser};
use support::synth::doc::{Align, Block, Doc, Inline, ListStyle, Table};
use support::synth::layout;
use support::synth::rng::Rng;

/// Seeds each renderer is tried with.
const SEEDS: std::ops::Range<u64> = 0..24;

fn lines(lines: &[&str], align: Align, bold: bool) -> Block {
    Block::Lines {
        lines: lines.iter().map(|l| (*l).to_string()).collect(),
        align,
        bold,
    }
}

fn text(s: &str) -> Inline {
    Inline::Text(s.to_string())
}

fn para(run_in: Option<&str>, text: Vec<Inline>) -> Block {
    Block::Para {
        run_in: run_in.map(str::to_string),
        number: None,
        text,
    }
}

const FOOTNOTES: [&str; 3] = [
    "See 47 CFR § 64.1200(k)(4).",
    "47 CFR § 1.17. See also 47 CFR § 1.16 (describing the format such declarations).",
    "In July 2020, the Commission adopted the Call Blocking Safe Harbor Report and Order, which \
     authorized voice service providers to block illegal robocalls. Advanced Methods to Target and \
     Eliminate Unlawful Robocalls, CG Docket No. 17-59, Third Report and Order, Order on \
     Reconsideration, and Fourth Further Notice of Proposed Rulemaking, 35 FCC Rcd 7614 (2020) \
     (Call Blocking Safe Harbor Report and Order); see also 47 CFR § 64.1200(k)(3)-(4). If the \
     notified voice service provider fails to take effective mitigation measures within 48 hours, \
     any downstream voice service provider may block the calls from the notified provider. Call \
     Blocking Safe Harbor Report and Order, 35 FCC Rcd at 7628-29, para. 39.",
];

const CUSTOMERS: [&str; 5] = [
    "Dawz Telecom",
    "Mash Telecom",
    "Marketing Maestros",
    "Omiz Solutions",
    "Blue Heron Voice LLC",
];

const DESCRIPTIONS: [&str; 5] = [
    "Auto Warranty Sales Robocall",
    "Fraudulent Credit Card Rate Reduction Robocalls",
    "Customer Service Imposter Offering Discount on Monthly Bill",
    "Social Security Administration Imposter Robocall Threatening Suspension of Benefits",
    "Fraudulent Google Business Listing Offer",
];

const MONTHS: [&str; 3] = ["Jan.", "Feb.", "Mar."];

/// The customer of row `r`.
fn customer(r: usize) -> &'static str {
    CUSTOMERS[(r * 7 / 5) % CUSTOMERS.len()]
}

/// The 30 rows of Attachment A.
fn rows() -> Vec<Vec<String>> {
    (0..30)
        .map(|r| {
            let caller = if r % 3 == 0 {
                format!("(202) 555-01{:02}", r)
            } else {
                String::new()
            };
            // Called numbers redacted, as in the sample: an empty column.
            let called = String::new();
            vec![
                customer(r).to_string(),
                format!("{} {}, 2021", MONTHS[2 - r / 10], 28 - (r % 10) * 2),
                caller,
                called,
                DESCRIPTIONS[r % DESCRIPTIONS.len()].to_string(),
                "47 U.S.C. § 227(b); 47 CFR § 64.1200".to_string(),
            ]
        })
        .collect()
}

/// A cease-and-desist letter like the sample.
fn sample() -> Doc {
    let blocks = vec![
        lines(
            &["Federal Communications Commission", "Enforcement Bureau", "45 L Street, NE", "Washington, DC 20554"],
            Align::Center,
            false,
        ),
        Block::Gap,
        lines(&["April 13, 2021"], Align::Left, false),
        lines(&["VIA CERTIFIED MAIL - RETURN RECEIPT REQUESTED"], Align::Left, true),
        lines(
            &[
                "To: Omar Luna",
                "CEO",
                "R Squared Telecom LLC",
                "526 S Main St.",
                "Suite 802",
                "Akron, OH 44311",
                "omar.luna@rsquaredtelecom.com",
            ],
            Align::Left,
            false,
        ),
        lines(&["Re: Official Correspondence from the Federal Communications Commission"], Align::Left, true),
        lines(&["Dear Mr. Luna,"], Align::Left, false),
        para(
            None,
            vec![
                text(
                    "We have determined that R Squared Telecom LLC (R Squared) is apparently transmitting \
                     illegal robocall traffic on behalf of one or more of its clients. You should investigate \
                     and, if necessary, cease transmitting such traffic immediately and take steps to prevent \
                     your network from continuing to be a source of apparently illegal robocalls. As noted \
                     below, downstream voice service providers will be authorized to block all of R Squared’s \
                     traffic if you do not take steps to “effectively mitigate illegal traffic” within 48 hours, \
                     or if you fail to inform the Commission and the Traceback Consortium within fourteen (14) \
                     days of this letter (April 27, 2021) of the steps you have taken to “implement effective \
                     measures” to prevent customers from using your network to make illegal calls.",
                ),
                Inline::Mark(1),
            ],
        ),
        para(
            Some("Why You Are Receiving This Notification."),
            vec![text(
                "You are receiving this letter because one or more investigations conducted by the \
                 Commission, in conjunction with the Traceback Consortium, revealed that R Squared \
                 apparently transmitted multiple illegal robocall campaigns from the sources listed in \
                 Attachment A.",
            )],
        ),
        para(
            Some("Actions You Should Take Now."),
            vec![text("R Squared should take the following steps to resolve this matter:")],
        ),
        Block::List {
            style: ListStyle::Numbered,
            items: vec![
                vec![text("Promptly investigate the transmissions identified above.")],
                vec![text(
                    "If necessary, “effectively mitigate” the identified unlawful traffic by determining the \
                     source of the traffic and preventing that source from continuing to originate such traffic.",
                )],
                vec![text(
                    "Implement effective safeguards to prevent customers from using your network as a platform \
                     to originate illegal calls.",
                )],
                vec![text(
                    "Within 48 hours, inform the Commission and the Traceback Consortium of steps taken to \
                     mitigate the identified apparent illegal traffic.",
                )],
                vec![
                    text(
                        "Within fourteen (14) days of the date of this letter (April 27, 2021), inform the \
                         Commission and the Traceback Consortium of the steps R Squared is taking to prevent \
                         customers from using its network to transmit illegal robocalls. You must also include \
                         a declaration attesting to the truthfulness and accuracy of your response under \
                         section 1.17 of the Commission’s rules.",
                    ),
                    Inline::Mark(2),
                ],
            ],
        },
        para(
            Some("Consequences for Failure to Comply."),
            vec![
                text(
                    "If after 48 hours of issuance of this letter R Squared continues to route or transmit \
                     harmful robocall traffic from the entities involved in these campaigns, downstream \
                     U.S.-based voice service providers may begin blocking all calls from R Squared after \
                     notifying the Commission of their decision and providing a brief summary of their basis \
                     for making such a determination.",
                ),
                Inline::Mark(3),
                text(
                    " Furthermore, if R Squared fails to take sufficient mitigating actions to prevent its \
                     network from continuing to be used to transmit illegal robocalls, then downstream \
                     U.S.-based providers may block calls following notice to the ",
                ),
                Inline::Italic("Commission".to_string()),
                text("."),
            ],
        ),
        para(
            None,
            vec![text(
                "Please direct any inquiries regarding this letter to Daniel Stepanicich, Attorney Advisor, \
                 Telecommunications Consumers Division, Enforcement Bureau, FCC, at \
                 Daniel.Stepanicich@fcc.gov or (202) 418-7451; and cc: to Kristi Thompson, Division Chief, \
                 Telecommunications Consumers Division, Enforcement Bureau, FCC, at \
                 kristi.thompson@fcc.gov. A copy of this letter has been sent to the Traceback Consortium.",
            )],
        ),
        lines(&["Sincerely,"], Align::Left, false),
        Block::SignatureImage("A handwritten signature in black ink.".to_string()),
        lines(
            &[
                "Kristi Thompson",
                "Division Chief",
                "Telecommunications Consumers Division",
                "Enforcement Bureau",
                "Federal Communications Commission",
            ],
            Align::Left,
            false,
        ),
    ];
    Doc {
        blocks,
        footnotes: FOOTNOTES.iter().map(|f| (*f).to_string()).collect(),
        table: Some(Table {
            title: "ATTACHMENT A".to_string(),
            header: [
                "Customer",
                "Date of Call",
                "Caller ID",
                "Called Number",
                "Description",
                "Violation",
            ]
            .iter()
            .map(|h| (*h).to_string())
            .collect(),
            rows: rows(),
        }),
        running_header: None,
        page_numbers: true,
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a parse of the sample must give; the problems found, one line each.
fn problems(parsed: &Parsed) -> Vec<String> {
    let notice = &parsed.notice;
    let mut out = Vec::new();
    if notice.date.map(|d| d.to_string()).as_deref() != Some("2021-04-13") {
        out.push(format!("date {:?}", notice.date));
    }
    let records = notice.records();
    if records.len() != 30 {
        out.push(format!("{} records", records.len()));
    }
    for (r, record) in records.iter().enumerate().take(30) {
        if record.customer.as_deref() != Some(customer(r)) {
            out.push(format!("row {r}: customer {:?}", record.customer));
        }
        if record.description.as_deref() != Some(DESCRIPTIONS[r % DESCRIPTIONS.len()]) {
            out.push(format!("row {r}: description {:?}", record.description));
        }
    }
    let notes: Vec<String> = notice.footnotes.iter().map(|f| collapse(&f.text)).collect();
    let want: Vec<String> = FOOTNOTES.iter().map(|f| collapse(f)).collect();
    if notes != want {
        out.push(format!("footnotes {notes:#?}"));
    }
    out
}

/// Runs `check` on every seed and fails listing the seeds that failed.
fn every_seed(name: &str, check: impl Fn(u64) -> Vec<String>) {
    let failures: Vec<String> = SEEDS
        .filter_map(|seed| {
            let p = check(seed);
            (!p.is_empty()).then(|| format!("seed {seed}: {}", p.join("; ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{name}: {} of {} seeds fail:\n{}",
        failures.len(),
        SEEDS.end,
        failures.join("\n")
    );
}

/// Writes the renders of a few seeds to `$SYNTH_OUT` (a directory), to look at.
fn dump(name: &str, seed: u64, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("SYNTH_OUT") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(format!("{dir}/{name}-{seed}"), bytes).unwrap();
    }
}

#[test]
fn layout_reads_back() {
    let doc = sample();
    every_seed("layout", |seed| {
        let text = layout::render(&doc, &mut Rng::new(seed));
        dump("layout", seed, text.as_bytes());
        match Parser::new().parse_text(&text) {
            Ok(parsed) => problems(&parsed),
            Err(e) => vec![format!("error {e}")],
        }
    });
}

#[test]
fn layout_is_deterministic() {
    let doc = sample();
    assert_eq!(
        layout::render(&doc, &mut Rng::new(5)),
        layout::render(&doc, &mut Rng::new(5))
    );
}

#[cfg(feature = "pdf")]
mod pdf {
    use super::{collapse, customer, dump, every_seed, problems, rows, sample, FOOTNOTES};
    use crate::support::synth::pdf;
    use crate::support::synth::rng::Rng;
    use fcc_notice::Parser;
    use std::process::Command;

    #[test]
    fn pdf_reads_back() {
        let doc = sample();
        every_seed("pdf", |seed| {
            let bytes = pdf::render(&doc, &mut Rng::new(seed));
            dump("pdf", seed, &bytes);
            match Parser::new().parse_pdf(&bytes) {
                Ok(parsed) => problems(&parsed),
                Err(e) => vec![format!("error {e}")],
            }
        });
    }

    #[test]
    fn pdf_is_deterministic() {
        let doc = sample();
        assert_eq!(
            pdf::render(&doc, &mut Rng::new(3)),
            pdf::render(&doc, &mut Rng::new(3))
        );
    }

    /// `pdftotext -layout` of the PDF, or `None` when poppler is not installed.
    fn pdftotext(bytes: &[u8], seed: u64) -> Option<String> {
        let path =
            std::env::temp_dir().join(format!("synth-render-{}-{seed}.pdf", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        let out = Command::new("pdftotext")
            .arg("-layout")
            .arg(&path)
            .arg("-")
            .output();
        std::fs::remove_file(&path).unwrap();
        let out = out.ok()?;
        assert!(
            out.status.success(),
            "pdftotext failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(String::from_utf8(out.stdout).unwrap())
    }

    #[test]
    fn pdftotext_reads_every_row_and_footnote() {
        let doc = sample();
        if pdftotext(&pdf::render(&doc, &mut Rng::new(0)), 0).is_none() {
            eprintln!("pdftotext is not installed: skipped");
            return;
        }
        every_seed("pdftotext", |seed| {
            let text = pdftotext(&pdf::render(&doc, &mut Rng::new(seed)), seed).unwrap();
            dump("pdftotext", seed, text.as_bytes());
            let flat = collapse(&text);
            let mut missing = Vec::new();
            for (r, row) in rows().iter().enumerate() {
                // A cell wraps inside its column: the row's first line has the date and the
                // customer's first word.
                let name = customer(r).split(' ').next().unwrap_or_default();
                if !text
                    .lines()
                    .any(|l| l.contains(&row[1]) && l.trim_start().starts_with(name))
                {
                    missing.push(format!("row {r} ({name}, {})", row[1]));
                }
            }
            for (i, note) in FOOTNOTES.iter().enumerate() {
                // The body wraps and may run on to the next page: look for its opening words.
                let opening: String = collapse(note).chars().take(40).collect();
                if !flat.contains(&opening) {
                    missing.push(format!("footnote {}", i + 1));
                }
            }
            missing
        });
    }
}
