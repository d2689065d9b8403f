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
const TITLE47: &str = include_str!("../fixtures/citations/title47.tsv");

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
            // The text is the span's, a line break read as a space.
            assert_eq!(
                input[c.span.range()].replace('\n', " "),
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

/// What a citation resolves to, in the columns of `title47.tsv` (`-` for none).
fn resolved(c: &Citation) -> [String; 5] {
    let or_dash = |s: Option<String>| s.unwrap_or_else(|| "-".to_owned());
    [
        or_dash(c.heading().map(str::to_owned)),
        or_dash(c.place().map(|p| p.to_string())),
        or_dash(c.edition.as_deref().map(str::to_owned)),
        or_dash(c.known.map(|k| k.to_string())),
        or_dash(c.url().map(str::to_owned)),
    ]
}

/// Title 47 sections across parts 0, 1, 11, 20, 25, 51, 64, 73 and 76 and 47 U.S.C.
/// §§ 151–1754, each resolved to its heading, place, edition and URL as the reference tables
/// give them (`tools/title47_cases.py` wrote the expected columns from those tables).
#[test]
fn title47_cases() {
    let mut failures = Vec::new();
    let mut count = 0;
    for line in TITLE47.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (input, want) = (cols[0], &cols[1..]);
        count += 1;
        let found = cite::extract(input);
        let got = match found.as_slice() {
            [c] => resolved(c).to_vec(),
            _ => vec![format!("{} citations", found.len())],
        };
        if got != want {
            failures.push(format!("{input}\n  expected {want:?}\n  got      {got:?}"));
        }
    }
    assert!(count >= 60, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// With the shared reference tables beside the checkout: every section of every row resolves
/// to a heading, and every hand-checked heading is the one given (skipped without them).
#[test]
fn every_reference_row_resolves() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference");
    let Ok(hand) = std::fs::read_to_string(dir.join("sections.tsv")) else {
        eprintln!("skipped: no ../shared/reference");
        return;
    };
    let mut checked = 0;
    for (file, code) in [
        ("title47/cfr47-sections.tsv", "CFR"),
        ("title47/usc47-sections.tsv", "U.S.C."),
    ] {
        let table = std::fs::read_to_string(dir.join(file)).unwrap();
        for row in table.lines().skip(1) {
            let (section, heading) = row.split_once('\t').unwrap();
            // Ranges (`11.12-11.14  §§ 11.12-11.14 [Reserved]`, `731 to 735`) stand for the
            // sections in them; `19.735-101` is one section.
            let range =
                heading.contains("[Reserved]") && section.contains('-') || section.contains(" to ");
            let first = match range {
                true => section.split(['-', ' ']).next().unwrap(),
                false => section,
            };
            let text = format!("47 {code} § {first}");
            let c: Citation = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert!(
                c.heading().is_some() && c.known == Some(true),
                "{section}: {c:?}"
            );
            checked += 1;
        }
    }
    for row in hand.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let code = if cols[0] == "usc" { "U.S.C." } else { "CFR" };
        let c: Citation = format!("47 {code} § {}", cols[2]).parse().unwrap();
        let heading = cols[3].replace('\u{2019}', "'");
        let same = |a: &str| {
            a.trim_end_matches('.').to_lowercase() == heading.trim_end_matches('.').to_lowercase()
        };
        assert!(
            c.heading().is_some_and(same),
            "{}: {:?} vs {heading:?}",
            cols[2],
            c.heading()
        );
        checked += 1;
    }
    assert!(checked > 6_000, "{checked}");
}

/// Every 47 CFR and U.S.C. citation of every text fixture (parsed as a letter where it is one,
/// cited as text otherwise) and of every citation case has a URL; a Title 47 one is looked up,
/// and one the tables know carries its heading and edition.
#[test]
fn every_code_citation_in_the_fixtures_resolves() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut texts: Vec<(String, String)> = Vec::new();
    for dir in ["letters", "excerpts", "synthetic"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for path in files {
            texts.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    for line in CASES
        .lines()
        .chain(TITLE47.lines())
        .filter(|l| !l.starts_with('#'))
    {
        let input = line.split('\t').next().unwrap();
        texts.push((
            input.to_owned(),
            input.replace("\\t", "\t").replace("\\n", "\n"),
        ));
    }
    let (mut code_cites, mut known) = (0, 0);
    for (name, text) in &texts {
        let cites = match fcc_notice::parse_text(text) {
            Ok(parsed) => parsed.notice.citations,
            Err(_) => cite::extract(text),
        };
        for c in cites
            .iter()
            .filter(|c| matches!(c.series.as_deref(), Some("CFR" | "U.S.C.")))
        {
            if c.section.is_none() && c.part.is_none() {
                continue; // an `Id.` that took only the code
            }
            code_cites += 1;
            assert!(c.url().is_some(), "{name}: {c:?}");
            if c.title == Some(47) {
                assert!(c.known.is_some(), "{name}: {c:?}");
            }
            if c.known == Some(false) {
                eprintln!("unknown: {name}: {}", c.canonical);
            }
            if c.known == Some(true) && c.section.is_some() {
                known += 1;
                assert!(
                    c.heading().is_some() && c.edition.is_some(),
                    "{name}: {c:?}"
                );
            }
        }
    }
    eprintln!(
        "{code_cites} code citations in {} texts, {known} of known sections",
        texts.len()
    );
    assert!(code_cites > 500 && known > 400, "{code_cites} {known}");
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
        // The text as read: the span's text without its markdown emphasis.
        assert_eq!(SAMPLE[c.span.range()].replace('*', ""), c.text);
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
