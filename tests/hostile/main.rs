//! Hostile input, built in code: each family of `families.rs` (text) and `pdf_families.rs`
//! (PDF) — markup never closed, short forms with nothing to refer to, lists and tables that
//! go on for megabytes, deflate bombs, self-drawing forms, … — must end with an answer or a
//! typed error, in bounded memory, and in release builds within its time budget.
//!
//! Each case runs in a child process (this test binary again, running only `child`), which
//! reports its time and its peak resident memory (`VmHWM`, Linux): a parse's memory is the
//! process's, not shared with the tests running beside it.
//!
//! `cargo test --test hostile` runs every family at 256 KB and checks memory alone (a debug
//! build's times say nothing); `cargo test --release --test hostile` runs them at 10 MB and
//! checks the time too: at most a second each on the machine this was written on.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

mod families;
#[cfg(feature = "pdf")]
mod pdf_families;

use std::process::Command;
use std::time::{Duration, Instant};

/// Peak resident memory allowed to one parse, input included.
const MAX_RSS_KB: u64 = 256 << 10;
/// Time allowed to one parse in a release build.
const MAX_TIME: Duration = Duration::from_secs(1);

/// The size each family is built at.
fn size() -> usize {
    if cfg!(debug_assertions) {
        256 << 10
    } else {
        10_000_000
    }
}

/// What a child reports.
struct Report {
    elapsed: Duration,
    rss_kb: Option<u64>,
    outcome: String,
}

/// Peak resident memory of this process so far, in KiB (Linux only).
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// One child at a time, whichever test runs it: each is timed alone.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs family `name` of `kind` (`text` or `pdf`) at `size` bytes in a child process.
fn run_child(kind: &str, name: &str, size: usize) -> Report {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["child", "--exact", "--nocapture", "--test-threads=1"])
        .env("HOSTILE_KIND", kind)
        .env("HOSTILE_FAMILY", name)
        .env("HOSTILE_SIZE", size.to_string())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{kind} family {name} at {size} bytes: the child failed\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = stdout
        .lines()
        .find_map(|l| l.split_once("HOSTILE ").map(|(_, report)| report))
        .unwrap_or_else(|| panic!("{name}: no report in\n{stdout}"));
    let mut fields = line.splitn(3, ' ');
    let micros: u64 = fields.next().unwrap().parse().unwrap();
    let rss = fields.next().unwrap().parse().ok();
    Report {
        elapsed: Duration::from_micros(micros),
        rss_kb: rss,
        outcome: fields.next().unwrap_or("").to_owned(),
    }
}

/// The child: builds one case, parses it, renders its diagnostics, reports.
#[test]
fn child() {
    let (Ok(kind), Ok(name), Ok(size)) = (
        std::env::var("HOSTILE_KIND"),
        std::env::var("HOSTILE_FAMILY"),
        std::env::var("HOSTILE_SIZE"),
    ) else {
        return; // not a child: nothing to do
    };
    let size: usize = size.parse().unwrap();
    let (elapsed, outcome) = match kind.as_str() {
        "text" => {
            let build = families::families()
                .into_iter()
                .find(|(n, _)| *n == name)
                .unwrap()
                .1;
            let text = build(size);
            let start = Instant::now();
            let outcome = match fcc_notice::parse_text(&text) {
                Ok(parsed) => {
                    let shown = fcc_notice::Diagnostic::render_all(&parsed.diagnostics, &text);
                    let rendered = shown.to_string().len();
                    format!(
                        "ok: {} citations, {} records, {} diagnostics ({rendered} bytes shown)",
                        parsed.notice.citations.len(),
                        parsed.notice.records().len(),
                        parsed.diagnostics.len()
                    )
                }
                Err(e) => format!("error: {e}"),
            };
            (start.elapsed(), outcome)
        }
        #[cfg(feature = "pdf")]
        "pdf" => {
            let build = pdf_families::families()
                .into_iter()
                .find(|(n, _)| *n == name)
                .unwrap()
                .1;
            let pdf = build(size);
            let start = Instant::now();
            let outcome = match fcc_notice::parse_pdf(&pdf) {
                Ok(parsed) => format!(
                    "ok: {} bytes of text, {} diagnostics",
                    parsed.text.as_deref().map_or(0, str::len),
                    parsed.diagnostics.len()
                ),
                Err(e) => format!("error: {e}"),
            };
            (start.elapsed(), outcome)
        }
        "file" => {
            let bytes = std::fs::read(&name).unwrap();
            let start = Instant::now();
            let outcome = match fcc_notice::parse_bytes(&bytes) {
                Ok(parsed) => format!("ok: {} diagnostics", parsed.diagnostics.len()),
                Err(e) => format!("error: {e}"),
            };
            (start.elapsed(), outcome)
        }
        other => panic!("unknown kind {other}"),
    };
    let rss = peak_rss_kb().map_or("-".to_owned(), |kb| kb.to_string());
    println!("\nHOSTILE {} {rss} {outcome}", elapsed.as_micros());
}

/// Every family of `kind`, at this build's size: within memory, and in release within time.
fn check_all(kind: &str, names: &[&str]) {
    check_all_at(kind, names, size());
}

/// Every case of `kind` at `size`: within memory, and in release within time.
fn check_all_at(kind: &str, names: &[&str], size: usize) {
    let mut over = Vec::new();
    for name in names {
        let report = run_child(kind, name, size);
        let rss = report
            .rss_kb
            .map_or("-".to_owned(), |kb| format!("{} MiB", kb >> 10));
        eprintln!(
            "{kind:4} {name:24} {size:>9} B  {:>8.3} s  {rss:>8}  {}",
            report.elapsed.as_secs_f64(),
            report.outcome
        );
        if report.rss_kb.is_some_and(|kb| kb > MAX_RSS_KB) {
            over.push(format!("{name}: {rss}"));
        }
        if !cfg!(debug_assertions) && report.elapsed > MAX_TIME {
            over.push(format!("{name}: {:?}", report.elapsed));
        }
    }
    assert!(over.is_empty(), "over budget: {over:?}");
}

#[test]
fn every_text_family_is_bounded() {
    let names: Vec<&str> = families::families().iter().map(|(n, _)| *n).collect();
    check_all("text", &names);
}

#[cfg(feature = "pdf")]
#[test]
fn every_pdf_family_is_bounded() {
    let names: Vec<&str> = pdf_families::families().iter().map(|(n, _)| *n).collect();
    check_all("pdf", &names);
}

/// Every input the fuzzers found (`fuzz/regressions/<target>/`, minimised) ends within the
/// same budgets.
#[test]
fn every_fuzz_regression_is_bounded() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/regressions");
    let mut files = Vec::new();
    for target in std::fs::read_dir(root).unwrap() {
        let target = target.unwrap().path();
        if target.is_dir() {
            for file in std::fs::read_dir(&target).unwrap() {
                files.push(file.unwrap().path().display().to_string());
            }
        }
    }
    files.sort();
    assert!(!files.is_empty());
    let names: Vec<&str> = files.iter().map(String::as_str).collect();
    check_all_at("file", &names, 0);
}

/// Each family is what it says: the size asked for, within a few percent, at every size
/// the benchmarks use.
#[test]
fn families_are_built_at_the_size_asked() {
    for (name, build) in families::families() {
        for size in [10_000, 100_000] {
            let len = build(size).len();
            assert!(
                len >= size * 9 / 10 && len <= size * 11 / 10 + 10_000,
                "{name}: {len} for {size}"
            );
        }
    }
}
