//! Runs the `parse-notice` example as a user would: stdout JSON, stderr diagnostics, exit codes.
//!
//! `cargo test` builds the example first; `cargo test --test parse_notice` alone does not, so
//! build it (`cargo build --example parse-notice`) before running only this file.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const SAMPLE: &str = "fixtures/letters/2021-04-13-r-squared-telecom.txt";

/// The example binary cargo built next to this test (`target/<profile>/examples/`).
fn binary() -> PathBuf {
    let mut dir = std::env::current_exe().unwrap();
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    dir.join("examples")
        .join(format!("parse-notice{}", std::env::consts::EXE_SUFFIX))
}

/// The JSON a successful run printed (the run's standard error shown if it failed).
fn success_json(out: &Output) -> serde_json::Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(binary())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", binary().display()));
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

#[test]
fn prints_the_notice_as_json() {
    let out = run(&[SAMPLE], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["date"], "2021-04-13");
    assert_eq!(json["kind"], "cease_and_desist");
    assert_eq!(json["provider"]["short_name"], "R Squared");
    assert_eq!(json["attachment"]["records"].as_array().unwrap().len(), 23);
    assert_eq!(json["customers"][0]["name"], "Mash Telecom");
    assert_eq!(json["diagnostics"], serde_json::json!([]));
}

#[test]
fn reads_stdin_and_reports_diagnostics_on_stderr() {
    let text = std::fs::read(format!(
        "{}/fixtures/excerpts/2022-11-10-urth-access.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let out = run(&["-"], Some(&text));
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["provider"]["short_name"], "Urth Access");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("-:1:"), "{stderr}");
    assert!(stderr.contains("warning[truncated]"), "{stderr}");
}

#[test]
fn citations_of_any_text() {
    let json = success_json(&run(&["--citations", SAMPLE], None));
    let cites = json.as_array().unwrap();
    assert_eq!(cites.len(), 63);
    assert_eq!(cites[0]["canonical"], "47 CFR § 64.1200(k)(4)");
    assert_eq!(cites[0]["heading"], "Delivery restrictions.");

    // Not a letter at all: still its citations.
    let out = run(
        &["--citations", "-"],
        Some("Id. at 5. See 47 U.S.C. § 227(b)(1)(A); CG Docket No. 02-278.".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let canonical: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["canonical"].as_str().unwrap())
        .collect();
    assert_eq!(
        canonical,
        [
            "Id. at 5",
            "47 U.S.C. § 227(b)(1)(A)",
            "CG Docket No. 02-278"
        ]
    );
}

/// `--citations` reads a PDF that is not a letter: the citations of its text, across pages,
/// while parsing it as a notice fails.
#[cfg(feature = "pdf")]
#[test]
fn citations_of_a_pdf_that_is_not_a_letter() {
    let memo = "fixtures/pdf/memo-not-a-letter.pdf";
    let json = success_json(&run(&["--citations", memo], None));
    let got: Vec<(&str, Option<&str>)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["canonical"].as_str().unwrap(), c["heading"].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("47 CFR § 73.1820(a)", Some("Station log.")),
            (
                "47 CFR § 11.52(d)(1)",
                Some("EAS code and Attention Signal Monitoring requirements.")
            ),
            (
                "47 CFR § 17.49",
                Some("Recording of antenna structure light inspections in the owner record.")
            ),
            ("47 U.S.C. § 503(b)", Some("Forfeitures")),
            ("47 CFR § 1.80", Some("Forfeiture proceedings.")),
            // On the second page; another title: a URL, no heading.
            ("18 U.S.C. § 1343", None),
        ]
    );
    assert!(json[5]["url"]
        .as_str()
        .unwrap()
        .contains("title18-section1343"));
    // The same file is no notice.
    assert_eq!(run(&[memo], None).status.code(), Some(1));
}

#[cfg(feature = "pdf")]
#[test]
fn reads_pdfs_by_their_magic_bytes() {
    let bytes = std::fs::read(format!(
        "{}/fixtures/pdf/r-squared-reportlab.pdf",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    // Through standard input: no file name to go by.
    let json = success_json(&run(&["-"], Some(&bytes)));
    assert_eq!(json["attachment"]["records"].as_array().unwrap().len(), 23);
    let scan = run(&["fixtures/pdf/r-squared-scan.pdf"], None);
    assert_eq!(scan.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&scan.stderr).contains("no extractable text"));
}

#[test]
fn exit_codes() {
    let not_a_notice = run(&["-"], Some(b"just some text"));
    assert_eq!(not_a_notice.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&not_a_notice.stderr).contains("not an FCC notice"));
    assert!(not_a_notice.stdout.is_empty());

    let missing = run(&["no/such/file.txt"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/file.txt"));

    assert_eq!(run(&[], None).status.code(), Some(2));
    assert_eq!(run(&["--frobnicate", SAMPLE], None).status.code(), Some(2));
    assert_eq!(run(&["--citations"], None).status.code(), Some(2));
    assert_eq!(
        run(&["--format", "xml", SAMPLE], None).status.code(),
        Some(2)
    );
    assert_eq!(run(&["--format"], None).status.code(), Some(2));

    let help = run(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(
        help.contains("Usage: parse-notice [OPTIONS] FILE..."),
        "{help}"
    );
    assert!(help.contains("ndjson"), "{help}");
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[cfg(feature = "pdf")]
#[test]
fn ndjson_one_line_per_input_with_its_source() {
    let pdf = "fixtures/pdf/r-squared-lo.pdf";
    let out = run(&["--format", "ndjson", SAMPLE, pdf], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["source"], SAMPLE);
    assert_eq!(docs[1]["source"], pdf);
    for doc in &docs {
        assert_eq!(doc["provider"]["short_name"], "R Squared");
        assert_eq!(doc["attachment"]["records"].as_array().unwrap().len(), 23);
    }
    // Several files are ndjson without asking; `--format json` makes them one array.
    assert_eq!(lines(&run(&[SAMPLE, SAMPLE], None)).len(), 2);
    let array = run(&["-f", "json", SAMPLE, SAMPLE], None);
    let array: serde_json::Value = serde_json::from_slice(&array.stdout).unwrap();
    assert_eq!(array.as_array().unwrap().len(), 2);
    assert_eq!(array[1]["source"], SAMPLE);
}

#[test]
fn csv_is_a_spreadsheet_of_calls() {
    let out = run(&["--format=csv", SAMPLE], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 24, "{text}");
    assert_eq!(
        rows[0],
        "source,letter_date,provider,customer,date,caller_id,called_number,description,category,violation"
    );
    assert_eq!(
        rows[1],
        format!("{SAMPLE},2021-04-13,R Squared Telecom LLC,Dawz Telecom,2021-03-19,,,Auto Warranty Sales Robocall,auto_warranty,47 U.S.C. § 227(b); 47 CFR § 64.1200")
    );
    // Cells with commas or quotes are quoted.
    let out = run(
        &[
            "--format",
            "csv",
            "fixtures/synthetic/2024-08-15-cd-letter-problems-tolerated.txt",
        ],
        None,
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(",\"Xi Voice LLC\",") || text.contains(",Xi Voice LLC,"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 4);
    // `--citations` as CSV: one row per citation.
    let out = run(&["--citations", "--format", "csv", SAMPLE], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 64);
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .contains(",cfr,47 CFR § 64.1200(k)(4),"),
        "{text}"
    );
}

/// A directory is searched for letters; a missing file and a text that is not a notice are
/// reported, the others still printed, and the exit status is the worst.
#[test]
fn many_inputs_one_failure_never_loses_the_others() {
    let out = run(
        &["fixtures/excerpts", "no/such/file.txt", "-"],
        Some(b"not a letter"),
    );
    assert_eq!(out.status.code(), Some(2));
    let docs = lines(&out);
    let sources: Vec<&str> = docs.iter().map(|d| d["source"].as_str().unwrap()).collect();
    assert_eq!(sources.len(), 5, "{sources:?}");
    assert!(
        sources.iter().all(|s| s.starts_with("fixtures/excerpts/")),
        "{sources:?}"
    );
    let mut sorted = sources.clone();
    sorted.sort_unstable();
    assert_eq!(sources, sorted);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("parse-notice: no/such/file.txt: "),
        "{stderr}"
    );
    assert!(stderr.contains("parse-notice: -: "), "{stderr}");
    // Diagnostics name their file.
    assert!(
        stderr.contains("fixtures/excerpts/2022-11-10-urth-access.txt:1:"),
        "{stderr}"
    );

    // Without the I/O error, a text that is not a notice makes it 1.
    let out = run(&[SAMPLE, "-"], Some(b"not a letter"));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out).len(), 1);
}

#[test]
fn strict_mode_refuses_letters_with_diagnostics() {
    let urth = "fixtures/excerpts/2022-11-10-urth-access.txt";
    assert_eq!(run(&[urth], None).status.code(), Some(0));
    let strict = run(&["--strict", urth], None);
    assert_eq!(strict.status.code(), Some(1));
    assert!(strict.stdout.is_empty());
    assert_eq!(run(&["--strict", SAMPLE], None).status.code(), Some(0));
}
