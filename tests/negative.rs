//! The notice gate on documents that are not notices, and on every letter that is.
//!
//! - `fixtures/negative/expected.tsv` lists the negative corpus (`fixtures/negative/`, and the
//!   repository's own README, CHANGELOG, fixture notes, citation cases and `Cargo.toml`, read
//!   where they are) with the reason each must be refused for: no false positive.
//! - The reasons are the useful ones: a document that names the Commission is never refused
//!   for not naming it, one with robocall cues never for lacking them.
//! - Every fixture letter, excerpt and synthetic letter (and the real excerpts of
//!   `../shared/letters/`, when that directory is there) is still a notice: no false negative.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

use fcc_notice::{parse_text, Error, NoticeKind};
use std::fs;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Each reason's key in `expected.tsv`, and how its text starts.
const REASONS: &[(&str, &str)] = &[
    ("agency", "it never mentions the FCC or the Commission"),
    ("prose", "it has no letterhead, caption or addressee"),
    (
        "unopened",
        "it has a letterhead or caption but no salutation",
    ),
    ("correspondence", "it is headed like an email or a memo"),
    ("to-agency", "it is a letter to the FCC, not from it"),
    ("to-official", "it is a letter to a public official"),
    ("undated", "it has no date"),
    (
        "no-cues",
        "it reads as a letter or order, but has no robocall or traceback cues",
    ),
];

/// The start of the reason `key` names (`None` for `any`).
fn reason_start(key: &str) -> Option<&'static str> {
    if key == "any" {
        return None;
    }
    let found = REASONS.iter().find(|(k, _)| *k == key);
    Some(
        found
            .unwrap_or_else(|| panic!("unknown reason key {key:?}"))
            .1,
    )
}

/// `expected.tsv`: (path from the crate root, reason key).
fn expected() -> Vec<(String, String)> {
    let tsv = fs::read_to_string(format!("{ROOT}/fixtures/negative/expected.tsv")).unwrap();
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (path, key) = l.split_once('\t').unwrap_or_else(|| panic!("{l:?}"));
            (path.to_owned(), key.trim().to_owned())
        })
        .collect()
}

/// The reason `text` is refused for; panics when it parses (a false positive) or fails
/// otherwise. The span must index the input.
fn refusal(path: &str, text: &str) -> &'static str {
    match parse_text(text) {
        Err(Error::NotANotice { reason, span }) => {
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{path}: span {span:?} outside the input"
            );
            reason
        }
        Ok(parsed) => panic!(
            "{path}: a false positive, parsed as {:?} (provider {:?})",
            parsed.notice.kind, parsed.notice.provider
        ),
        Err(e) => panic!("{path}: {e}"),
    }
}

#[test]
fn every_negative_is_refused_for_its_reason() {
    let cases = expected();
    let mut failures = Vec::new();
    for (path, key) in &cases {
        let text = fs::read_to_string(format!("{ROOT}/{path}")).unwrap();
        let reason = refusal(path, &text);
        if let Some(start) = reason_start(key) {
            if !reason.starts_with(start) {
                failures.push(format!("{path}: expected {key} ({start}…), got {reason:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every file of `fixtures/negative/` is listed in `expected.tsv` (but its README and the
/// table itself), with at least 25 of them, and the repository's own files are among the
/// cases.
#[test]
fn the_corpus_is_listed_whole() {
    let listed: Vec<String> = expected().into_iter().map(|(p, _)| p).collect();
    let dir = format!("{ROOT}/fixtures/negative");
    let mut files = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name == "README.md" || name == "expected.tsv" {
            continue;
        }
        files += 1;
        let path = format!("fixtures/negative/{name}");
        assert!(listed.contains(&path), "{path} is not in expected.tsv");
    }
    assert!(files >= 25, "only {files} negative files");
    for own in [
        "README.md",
        "CHANGELOG.md",
        "fixtures/README.md",
        "fixtures/VARIATIONS-COVERAGE.md",
        "fixtures/citations/cases.tsv",
        "Cargo.toml",
    ] {
        assert!(listed.iter().any(|p| p == own), "{own} is not a case");
    }
}

/// A document that names the Commission is not refused for not naming it; one that uses
/// the robocall words is not refused for lacking them; only the Bureau's own letters and
/// orders get the no-cues reason, and none of them is `kind: other`.
#[test]
fn no_wrong_reasons() {
    for (path, _) in expected() {
        let text = fs::read_to_string(format!("{ROOT}/{path}")).unwrap();
        let reason = refusal(&path, &text);
        let lower = text.to_lowercase();
        if lower.contains("commission") || lower.contains("fcc") {
            assert!(
                !reason.starts_with(reason_start("agency").unwrap()),
                "{path}: {reason}"
            );
        }
        if lower.contains("robocall") || lower.contains("traceback") {
            assert!(
                !reason.starts_with(reason_start("no-cues").unwrap()),
                "{path}: {reason}"
            );
        }
    }
    // The one-line news sentence: the Commission, a date, a company, "robocall".
    let sentence =
        fs::read_to_string(format!("{ROOT}/fixtures/negative/news-sentence.txt")).unwrap();
    let reason = refusal("news-sentence.txt", &sentence);
    assert!(
        reason.starts_with(reason_start("prose").unwrap()),
        "{reason}"
    );
    // The Bureau's other documents are refused for their subject, not their shape.
    for name in [
        "eb-nov-eas-broadcaster.txt",
        "eb-nov-tower-lighting.txt",
        "eb-nal-pirate-radio.txt",
        "eb-citation-unauthorized-devices.txt",
        "eb-notice-of-unlicensed-operation.txt",
        "eb-consent-decree-order.txt",
    ] {
        let text = fs::read_to_string(format!("{ROOT}/fixtures/negative/{name}")).unwrap();
        assert_eq!(
            refusal(name, &text),
            "it reads as a letter or order, but has no robocall or traceback cues: not a robocall notice",
            "{name}"
        );
    }
}

/// The shortest changes that turn a refused document into a notice, or a notice into a
/// refused one: each rule on a real letter.
#[test]
fn each_rule_on_the_sample_letter() {
    let sample = fs::read_to_string(format!(
        "{ROOT}/fixtures/letters/2021-04-13-r-squared-telecom.txt"
    ))
    .unwrap();
    assert!(parse_text(&sample).is_ok());
    // Forwarded by email: refused for its fields.
    let forwarded = format!("From: someone@example.test\nSubject: FW: letter\n\n{sample}");
    assert!(refusal("forwarded", &forwarded).starts_with(reason_start("correspondence").unwrap()));
    // Without its salutation it is not a letter.
    let unsaluted = sample.replace("Dear Mr. Luna", "Mr. Luna");
    assert!(parse_text(&unsaluted).is_err());
    // Without the robocall words (the gate's documented list) it is not a robocall notice.
    let cues = regex::Regex::new(
        r"(?i)robocall|traceback|64\.1200|64\.6305|227\s*\([be]\)|illegal\s*(?:traffic|calls?\b)|unlawful\s*traffic|call\s*blocking|determination\s*order|truth\s*in\s*caller\s*id|traced\s*act|cease[-\s]*and[-\s]*desist\s*letter|eb-tcd-|telecommunications\s*consumers\s*division",
    )
    .unwrap();
    let stripped = cues.replace_all(&sample, "interference");
    let reason = match parse_text(&stripped) {
        Err(Error::NotANotice { reason, .. }) => reason,
        other => panic!("{:?}", other.map(|p| p.notice.kind)),
    };
    assert!(
        reason.starts_with(reason_start("no-cues").unwrap()),
        "{reason}"
    );
}

/// Every `.txt` file under `dir`, recursively (the directories are small and shallow).
fn texts(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            texts(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// No false negative: every letter, excerpt and synthetic letter of the fixtures (the
/// 10,000-row letter too), and the real excerpts and sample letter of `../shared/letters/`
/// when that directory is there.
#[test]
fn every_fixture_letter_is_a_notice() {
    let mut paths = Vec::new();
    for dir in ["letters", "excerpts", "synthetic"] {
        texts(&Path::new(ROOT).join("fixtures").join(dir), &mut paths);
    }
    let fixtures = paths.len();
    texts(&Path::new(ROOT).join("../shared/letters"), &mut paths);
    assert!(fixtures >= 22, "only {fixtures} fixture letters");
    for path in &paths {
        let text = fs::read_to_string(path).unwrap();
        match parse_text(&text) {
            Ok(parsed) => {
                let n = parsed.notice;
                assert!(n.date.is_some(), "{}: no date", path.display());
                if n.kind == NoticeKind::Other {
                    // Robocall documents of no named template: the gateway letter, the
                    // order to all providers.
                    let name = path.to_string_lossy();
                    assert!(
                        name.contains("telcast") || name.contains("order-kappa"),
                        "{name}"
                    );
                }
            }
            Err(e) => panic!("{}: a false negative: {e}", path.display()),
        }
    }
    println!(
        "{} letters ({} from ../shared/letters)",
        paths.len(),
        paths.len() - fixtures
    );
}
