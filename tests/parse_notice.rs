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

mod common;

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
    assert!(String::from_utf8_lossy(&scan.stderr).contains("no text in the PDF"));
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
        "source,letter_date,provider,customer,date,caller_id,called_number,description,category,violation,raw,error"
    );
    assert_eq!(
        rows[1],
        format!("{SAMPLE},2021-04-13,R Squared Telecom LLC,Dawz Telecom,2021-03-19,,,Auto Warranty Sales Robocall,auto_warranty,47 U.S.C. § 227(b); 47 CFR § 64.1200,,")
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
    assert_eq!(sources.len(), 7, "{sources:?}");
    let (letters, failed) = sources.split_at(5);
    assert!(
        letters.iter().all(|s| s.starts_with("fixtures/excerpts/")),
        "{sources:?}"
    );
    let mut sorted = letters.to_vec();
    sorted.sort_unstable();
    assert_eq!(letters, sorted);
    // A failed input is a line of its own, with its error.
    assert_eq!(failed, ["no/such/file.txt", "-"]);
    assert_eq!(docs[5]["error"]["kind"], "io");
    assert_eq!(docs[6]["error"]["kind"], "not_a_notice");
    assert!(docs[6]["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("not an FCC notice: "));
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
    assert_eq!(lines(&out).len(), 2);
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

#[test]
fn strict_mode_shows_every_problem_as_lenient_mode_does() {
    let urth = "fixtures/excerpts/2022-11-10-urth-access.txt";
    let lenient = String::from_utf8(run(&[urth], None).stderr).unwrap();
    let strict = String::from_utf8(run(&["--strict", urth], None).stderr).unwrap();
    // The same rendering (`file:line:col: severity[code]: message`, the line, a caret), and
    // one line more saying why the input failed.
    assert!(strict.starts_with(&lenient), "{strict}");
    let last = strict.strip_prefix(&lenient).unwrap();
    assert!(
        last.starts_with(&format!("parse-notice: {urth}: strict mode: ")),
        "{last}"
    );
    assert!(lenient.contains(&format!("{urth}:1:")), "{lenient}");
    assert!(lenient.contains('^'), "{lenient}");
    // --help says which severities fail.
    let help = String::from_utf8(run(&["--help"], None).stdout).unwrap();
    assert!(help.contains("warning diagnostic"), "{help}");
    assert!(help.contains("info diagnostics"), "{help}");
}

/// A scratch directory of its own for one test, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("parse-notice-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn put(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn sample_bytes() -> Vec<u8> {
    std::fs::read(format!("{}/{SAMPLE}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The one line `parse-notice` printed on standard error for a failed single input.
fn refusal(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Each kind of file that is not a letter gets its own message, not "never mentions the FCC".
#[test]
fn wrong_kinds_of_input_say_what_they_are() {
    let dir = Scratch::new("kinds");
    let cases: &[(&str, Vec<u8>, &str)] = &[
        ("empty.txt", Vec::new(), "unsupported input: an empty file"),
        (
            "blank.txt",
            b"\n\n  \n".to_vec(),
            "unsupported input: a file of white space only",
        ),
        (
            // A Word file renamed .pdf: known by its bytes, not its name.
            "letter.pdf",
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml word/document.xml".to_vec(),
            "unsupported input: a Word document or ZIP archive; save it as PDF or plain text",
        ),
        (
            "old.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00\x00".to_vec(),
            "an old-format Word or Office document",
        ),
        (
            "news.txt",
            b"The Commission met on May 5, 2024 to discuss spectrum auctions.".to_vec(),
            "not an FCC notice: it has no letterhead, caption or addressee",
        ),
        (
            // A Word file renamed .txt too.
            "letter.txt",
            b"PK\x03\x04\x14\x00\x06\x00".to_vec(),
            "a Word document or ZIP archive",
        ),
        (
            "program",
            b"\x7FELF\x02\x01\x01\x00\x00\x00".to_vec(),
            "an executable (ELF)",
        ),
        (
            "scan.png",
            b"\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR".to_vec(),
            "a PNG image; run OCR",
        ),
        (
            "letter.txt.gz",
            b"\x1F\x8B\x08\x00\x00\x00".to_vec(),
            "gzip-compressed data",
        ),
        (
            "noise.bin",
            (0..4096u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
            "unsupported input: binary data",
        ),
    ];
    for (name, bytes, message) in cases {
        let path = dir.put(name, bytes);
        let stderr = refusal(&run(&[&path], None));
        assert!(stderr.contains(message), "{name}: {stderr}");
        assert!(!stderr.contains("never mentions"), "{name}: {stderr}");
    }
}

#[cfg(feature = "pdf")]
#[test]
fn damaged_encrypted_and_scanned_pdfs_say_what_to_do() {
    let dir = Scratch::new("pdfs");
    let whole = std::fs::read(format!(
        "{}/fixtures/pdf/r-squared-lo.pdf",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let cut = dir.put("cut.pdf", &whole[..whole.len() / 3]);
    let stderr = refusal(&run(&[&cut], None));
    // The PDF reader's own words follow, as the error's source.
    assert!(stderr.contains("damaged or truncated PDF: "), "{stderr}");
    let stderr = refusal(&run(&["fixtures/pdf/r-squared-lo_password.pdf"], None));
    assert!(
        stderr.contains("encrypted with a password: open it with the password"),
        "{stderr}"
    );
    let stderr = refusal(&run(&["fixtures/pdf/r-squared-scan.pdf"], None));
    assert!(stderr.contains("run OCR on it"), "{stderr}");
}

/// UTF-16 (by its byte-order mark) and UTF-8 with one parse as the UTF-8 letter does; a
/// Windows-1252 copy parses too, with a warning where its first non-UTF-8 byte is.
#[test]
fn text_in_other_encodings() {
    let dir = Scratch::new("encodings");
    let text = String::from_utf8(sample_bytes()).unwrap();
    let expected = success_json(&run(&[SAMPLE], None));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let bom: Vec<u8> = b"\xEF\xBB\xBF"
        .iter()
        .chain(text.as_bytes())
        .copied()
        .collect();
    for (name, bytes) in [("utf16.txt", utf16), ("bom.txt", bom)] {
        let out = run(&[&dir.put(name, &bytes)], None);
        let json = success_json(&out);
        assert_eq!(json["provider"], expected["provider"], "{name}");
        assert_eq!(json["attachment"], expected["attachment"], "{name}");
        assert_eq!(json["diagnostics"], serde_json::json!([]), "{name}");
    }
    let cp1252 = common::windows_1252(&text);
    let path = dir.put("cp1252.txt", &cp1252);
    let out = run(&[&path], None);
    let json = success_json(&out);
    assert_eq!(json["provider"]["short_name"], "R Squared");
    assert_eq!(json["citations"], expected["citations"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning[encoding]: the text is not UTF-8"),
        "{stderr}"
    );
    assert_eq!(json["diagnostics"][0]["code"], "encoding");
    // Strict mode fails it: the warning is a problem.
    assert_eq!(run(&["--strict", &path], None).status.code(), Some(1));
}

#[test]
fn folders_note_what_they_skip_and_empty_ones_fail() {
    let dir = Scratch::new("folders");
    let empty = dir.0.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = run(&[empty.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no .txt, .md or .pdf files under"),
        "{out:?}"
    );

    let letters = dir.0.join("letters");
    dir.put("letters/a.txt", &sample_bytes());
    dir.put("letters/b.docx", b"PK\x03\x04");
    dir.put("letters/c.text", b"text");
    dir.put("letters/d.text", b"text");
    dir.put("letters/.hidden.txt", b"never read");
    let out = run(&[letters.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(lines(&out).len(), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("skipped 1 .docx file(s)"), "{stderr}");
    assert!(stderr.contains("skipped 2 .text file(s)"), "{stderr}");
    assert!(!stderr.contains("hidden"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_is_walked_once() {
    let dir = Scratch::new("loop");
    dir.put("letters/a.txt", &sample_bytes());
    std::os::unix::fs::symlink(dir.0.join("letters"), dir.0.join("letters/again")).unwrap();
    std::os::unix::fs::symlink(&dir.0, dir.0.join("letters/up")).unwrap();
    let out = run(&[dir.path()], None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(lines(&out).len(), 1, "{out:?}");
}

/// Every input is a CSV row at least: a letter without Attachment A has one with empty call
/// cells, a failed input one with its error; redacted cells read as written, named in `raw`;
/// phone numbers stay text in spreadsheets.
#[test]
fn csv_rows_for_every_input() {
    let no_table = "fixtures/synthetic/2025-04-02-order-kappa-collective.txt";
    let nsit = "fixtures/synthetic/2023-12-20-nsit-example-voice.txt";
    let out = run(&["-f", "csv", no_table, nsit, "-"], Some(b"not a letter"));
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows = csv(&text);
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let of =
        |source: &str| -> Vec<&Vec<String>> { rows.iter().filter(|r| r[0] == source).collect() };
    let order = of(no_table);
    assert_eq!(order.len(), 1, "{text}");
    assert_eq!(order[0].len(), header.len());
    assert_eq!(order[0][col("customer")], "");
    assert_eq!(order[0][col("error")], "");

    let calls = of(nsit);
    assert!(calls.len() > 1, "{text}");
    assert!(calls
        .iter()
        .any(|r| r[col("caller_id")].starts_with("+1 202-555-")));
    let redacted: Vec<_> = calls
        .iter()
        .filter(|r| r[col("called_number")] == "[REDACTED]")
        .collect();
    assert!(!redacted.is_empty(), "{text}");
    assert!(redacted
        .iter()
        .all(|r| r[col("raw")].split(' ').any(|c| c == "called_number")));

    let failed = of("-");
    assert_eq!(failed.len(), 1, "{text}");
    assert!(
        failed[0][col("error")].starts_with("not_a_notice: not an FCC notice"),
        "{text}"
    );
}

/// RFC 4180 records: cells split at commas outside quotes, `""` inside quotes a quote.
fn csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for line in text.lines() {
        let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (',', false) => row.push(std::mem::take(&mut cell)),
                (c, _) => cell.push(c),
            }
        }
        row.push(cell);
        rows.push(row);
    }
    rows
}
