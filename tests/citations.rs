//! Citations: the table of cases in `fixtures/citations/cases.tsv`, the sample letter's
//! citations as a snapshot, and inputs cut anywhere.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

use fcc_notice::{cite, Citation, CitationKind};

const SAMPLE: &str = include_str!("../fixtures/letters/2021-04-13-r-squared-telecom.txt");
const CASES: &str = include_str!("../fixtures/citations/cases.tsv");

/// `MATCHED => CANONICAL @N` for each citation, as the fixture file writes them.
fn describe(found: &[Citation]) -> String {
    if found.is_empty() {
        return "-".to_owned();
    }
    let one = |c: &Citation| match c.refers_to {
        Some(n) => format!("{} => {} @{n}", c.text, c.canonical),
        None => format!("{} => {}", c.text, c.canonical),
    };
    found.iter().map(one).collect::<Vec<_>>().join(" | ")
}

#[test]
fn fixture_cases() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (number, line) in CASES.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (input, expected) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("line {}: no tab", number + 1));
        let input = input.replace("\\t", "\t").replace("\\n", "\n");
        count += 1;
        let found = cite::extract(&input);
        for c in &found {
            assert_eq!(
                &input[c.span.range()],
                c.text,
                "line {}: span and text disagree",
                number + 1
            );
        }
        let got = describe(&found);
        if got != expected.trim() {
            failures.push(format!(
                "line {}: {input:?}\n  expected {expected}\n  got      {got}",
                number + 1
            ));
        }
    }
    assert!(count >= 150, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn sample_letter_citations() {
    let found = cite::extract(SAMPLE);
    insta::assert_json_snapshot!(found);

    // Every citation eyecite 2.7 finds (53 statute cites, 1 full and 3 short FCC Rcd cites),
    // plus the second cite of each `(k)(3)-(4)`, both `Id.`s, the docket and the prose cite.
    let count = |kind| found.iter().filter(|c| c.kind == kind).count();
    assert_eq!(found.len(), 63);
    assert_eq!(count(CitationKind::Cfr) + count(CitationKind::Usc), 56);
    assert_eq!(
        (
            count(CitationKind::FccRecord),
            count(CitationKind::ShortForm),
            count(CitationKind::Id)
        ),
        (1, 3, 2)
    );
    assert_eq!(count(CitationKind::Docket), 1);

    let full = found
        .iter()
        .position(|c| c.canonical == "35 FCC Rcd 7614")
        .unwrap();
    assert_eq!(
        found[full].name.as_deref(),
        Some("Call Blocking Safe Harbor Report and Order")
    );
    let id = found
        .iter()
        .find(|c| c.text.starts_with("Id.") && c.paragraph_pin == Some(42))
        .unwrap();
    assert_eq!(
        (id.refers_to, id.pin, id.canonical.as_str()),
        (Some(full), Some(7630), "35 FCC Rcd 7614, 7630, para. 42")
    );
    for short in found.iter().filter(|c| c.kind == CitationKind::ShortForm) {
        assert_eq!(short.refers_to, Some(full), "{short:?}");
    }
    let k = found
        .iter()
        .filter(|c| c.section.as_deref() == Some("64.1200") && c.paragraphs == ["k", "4"])
        .count();
    assert_eq!(
        k, 5,
        "(k)(4): footnote 1, twice in footnote 5, and the second cite of each (k)(3)-(4)"
    );
    let declarations: Vec<&str> = found
        .iter()
        .filter_map(|c| c.section.as_deref())
        .filter(|s| s.starts_with("1.1"))
        .collect();
    assert_eq!(declarations, ["1.17", "1.17", "1.16"]);
    for c in &found {
        assert_eq!(&SAMPLE[c.span.range()], c.text);
        if c.section.is_some() {
            assert!(c.url.is_some() && c.heading.is_some(), "{c:?}");
        }
    }
}

#[test]
fn notice_citations_index_the_input() {
    let parsed = fcc_notice::parse_text(SAMPLE).unwrap();
    let n = &parsed.notice;
    assert_eq!(n.citations.len(), 63);
    let fn5 = n.footnotes.iter().find(|f| f.number == 5).unwrap();
    assert_eq!(fn5.citations.len(), 12);
    for c in &n.citations {
        if let Some(target) = c.refers_to {
            assert!(target < n.citations.len());
            assert!(
                n.citations[target].refers_to.is_none(),
                "refers_to always names a full citation"
            );
        }
    }
    let plain = fcc_notice::parse_text(include_str!(
        "../fixtures/letters/2021-04-13-r-squared-telecom-plain.txt"
    ))
    .unwrap();
    let canon = |n: &fcc_notice::Notice| {
        n.citations
            .iter()
            .map(|c| (c.canonical.clone(), c.refers_to))
            .collect::<Vec<_>>()
    };
    assert_eq!(canon(&plain.notice), canon(n));
}

#[test]
fn from_str_and_display() {
    for (text, canonical) in [
        ("47 U.S.C. § 227(b)", "47 U.S.C. § 227(b)"),
        (" 47 CFR 64.1200(k)(4) ", "47 CFR § 64.1200(k)(4)"),
        ("35 FCC Rcd 7614", "35 FCC Rcd 7614"),
        ("CG Docket No. 17-59", "CG Docket No. 17-59"),
        (
            "Pub. L. No. 116-105, 133 Stat. 3274",
            "Pub. L. No. 116-105, 133 Stat. 3274",
        ),
    ] {
        let c: Citation = text.parse().unwrap();
        assert_eq!(c.to_string(), canonical);
        let again: Citation = c.to_string().parse().unwrap();
        assert_eq!(again.canonical, c.canonical);
    }
    for text in [
        "",
        "47 calls",
        "47 CFR §",
        "47 U.S.C. § 227(b) and 47 CFR § 1.17",
        "see 47 CFR § 1.17",
    ] {
        assert!(text.parse::<Citation>().is_err(), "{text:?}");
    }
}

#[test]
fn truncated_inputs_never_panic() {
    // Every cut of the sample letter's footnotes (where the citations are), and every
    // line of the fixture table cut at every character.
    let notes = &SAMPLE
        [SAMPLE.find("<sup>5</sup>").unwrap()..SAMPLE.find("Enforcement Bureau, FCC, at").unwrap()];
    for (i, _) in notes.char_indices() {
        let _ = cite::extract(&notes[..i]);
        let _ = cite::extract(&notes[i..]);
    }
    for line in CASES.lines() {
        for (i, _) in line.char_indices() {
            let _ = cite::extract(&line[..i]);
        }
    }
    for text in [
        "47 CFR §",
        "Id. at",
        "47 U.S.C. §§ 227(b), (",
        "35 FCC Rcd at 7628-",
        "supra note",
        "Pub. L. No. 116-",
        "File No. EB-",
        "(k)(3)-(",
    ] {
        let _ = cite::extract(text);
    }
}
