//! Round trip: letters the crate has never seen.
//!
//! For each seed the generator (`tests/support/synth`) draws a letter's facts, composes them
//! into a document, renders it in one form, parses the rendering with the crate and compares
//! the result with the facts field by field. Each form's test prints a per-field accuracy
//! table and the first failures, and asserts every field's accuracy is at least the floor in
//! [`FLOORS`] (ratchet the floors up as the parser improves).
//!
//! Forms: `markdown` (the sample letter's dialect), `plain`, `collapsed` (the FCC's one-line
//! `.txt`), `layout` (`pdftotext -layout`-style text), `pdf` (the crate reads the PDF) and
//! `pdftotext` (the PDF through poppler's `pdftotext -layout`; skipped with a note when it is
//! not installed).
//!
//! Environment:
//! - `FCC_SYNTH_SEEDS=n`: seeds per form in the default tests (default [`DEFAULT_SEEDS`]).
//! - `FCC_SYNTH_FAILURES=n`: how many failing checks to print per form (default 12);
//!   `FCC_SYNTH_PER_FIELD=n`: at most how many of them per field (default 2).
//! - `FCC_SYNTH_SEED=n FCC_SYNTH_FORM=plain`: the `dump` test prints that seed's rendering in
//!   that form (a PDF is written to a temporary file) and every check that failed, expected
//!   against got:
//!
//!   ```sh
//!   FCC_SYNTH_SEED=42 FCC_SYNTH_FORM=collapsed cargo test --test roundtrip dump -- --nocapture
//!   ```
//! - `FCC_SYNTH_OUTPUTS=dir`: every parse's JSON (or error) is written to
//!   `dir/<form>-<seed>.json`, to diff two versions' outputs seed by seed after a refactor.
//! - The full table (10,000 seeds per form, in release mode it takes a minute or two):
//!
//!   ```sh
//!   cargo test --release --test roundtrip full_accuracy_table -- --ignored --nocapture
//!   ```
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

mod support;

use fcc_notice::{Parsed, Parser};
use std::collections::BTreeMap;
use std::ops::Range;
use std::process::Command;
use support::synth::compare::{self, Check, FIELDS};
use support::synth::facts::Profile;
use support::synth::rng::Rng;
use support::synth::{collapsed, layout, markdown, plain, Letter};

/// Seeds per form in the default tests.
const DEFAULT_SEEDS: u64 = 300;

/// The lowest accuracy (correct / applicable checks) each field may have, per form, in the
/// default run (asserted only when at least [`DEFAULT_SEEDS`] seeds run). A field not listed
/// has floor 0. A ratchet: each is the accuracy measured on the default seeds less half a point
/// (the default run is deterministic, so a drop below it is a regression). Raise them as the
/// parser is fixed.
const FLOORS: &[(Form, &[(&str, f64)])] = &[
    (
        Form::Markdown,
        &[
            ("parse", 0.995),
            ("kind", 0.995),
            ("date", 0.995),
            ("issuer", 0.995),
            ("delivery", 0.995),
            ("recipient.name", 0.995),
            ("recipient.title", 0.995),
            ("recipient.organization", 0.995),
            ("recipient.address", 0.995),
            ("recipient.emails", 0.995),
            ("provider.name", 0.995),
            ("provider.short_name", 0.995),
            ("providers", 0.995),
            ("subject", 0.995),
            ("deadlines", 0.995),
            ("deadline.within", 0.995),
            ("deadline.due", 0.995),
            ("deadline.stated", 0.995),
            ("actions", 0.995),
            ("action", 0.995),
            ("contacts", 0.995),
            ("contact.role", 0.995),
            ("contact.name", 0.995),
            ("contact.title", 0.995),
            ("contact.organization", 0.995),
            ("contact.email", 0.995),
            ("contact.phone", 0.995),
            ("signatory", 0.995),
            ("footnotes", 0.995),
            ("footnote.text", 0.995),
            ("citations", 0.995),
            ("citations.refers", 0.995),
            ("attachment.columns", 0.995),
            ("records.count", 0.995),
            ("record.customer", 0.995),
            ("record.date", 0.995),
            ("record.caller_id", 0.995),
            ("record.called_number", 0.995),
            ("record.description", 0.995),
            ("record.violation", 0.995),
            ("record.raw", 0.995),
            ("records.exact", 0.995),
            ("customers", 0.995),
        ],
    ),
    (
        Form::Plain,
        &[
            ("parse", 0.995),
            ("kind", 0.995),
            ("date", 0.995),
            ("issuer", 0.995),
            ("delivery", 0.995),
            ("recipient.name", 0.995),
            ("recipient.title", 0.995),
            ("recipient.organization", 0.995),
            ("recipient.address", 0.995),
            ("recipient.emails", 0.995),
            ("provider.name", 0.995),
            ("provider.short_name", 0.995),
            ("providers", 0.995),
            ("subject", 0.995),
            ("deadlines", 0.995),
            ("deadline.within", 0.995),
            ("deadline.due", 0.995),
            ("deadline.stated", 0.995),
            ("actions", 0.995),
            ("action", 0.995),
            ("contacts", 0.995),
            ("contact.role", 0.995),
            ("contact.name", 0.995),
            ("contact.title", 0.995),
            ("contact.organization", 0.995),
            ("contact.email", 0.995),
            ("contact.phone", 0.995),
            ("signatory", 0.995),
            ("footnotes", 0.995),
            ("footnote.text", 0.995),
            ("citations", 0.995),
            ("citations.refers", 0.995),
            ("attachment.columns", 0.995),
            ("records.count", 0.995),
            ("record.customer", 0.995),
            ("record.date", 0.995),
            ("record.caller_id", 0.995),
            ("record.called_number", 0.995),
            ("record.description", 0.995),
            ("record.violation", 0.995),
            ("record.raw", 0.995),
            ("records.exact", 0.995),
            ("customers", 0.995),
        ],
    ),
    (
        Form::Collapsed,
        &[
            ("parse", 0.995),
            ("kind", 0.995),
            ("date", 0.995),
            ("issuer", 0.995),
            ("delivery", 0.995),
            ("recipient.name", 0.995),
            ("recipient.title", 0.995),
            ("recipient.organization", 0.995),
            ("recipient.address", 0.995),
            ("recipient.emails", 0.995),
            ("provider.name", 0.995),
            ("provider.short_name", 0.995),
            ("providers", 0.995),
            ("subject", 0.995),
            ("deadlines", 0.995),
            ("deadline.within", 0.995),
            ("deadline.due", 0.995),
            ("deadline.stated", 0.995),
            ("actions", 0.995),
            ("action", 0.995),
            ("contacts", 0.995),
            ("contact.role", 0.995),
            ("contact.name", 0.995),
            ("contact.title", 0.995),
            ("contact.organization", 0.995),
            ("contact.email", 0.995),
            ("contact.phone", 0.995),
            ("signatory", 0.995),
            ("footnotes", 0.995),
            ("footnote.text", 0.995),
            ("citations", 0.995),
            ("citations.refers", 0.995),
            ("attachment.columns", 0.995),
            ("records.count", 0.995),
            ("record.customer", 0.995),
            ("record.date", 0.995),
            ("record.caller_id", 0.995),
            ("record.called_number", 0.995),
            ("record.description", 0.995),
            ("record.violation", 0.995),
            ("record.raw", 0.995),
            ("records.exact", 0.995),
            ("customers", 0.995),
        ],
    ),
    (
        Form::Layout,
        &[
            ("parse", 0.995),
            ("kind", 0.995),
            ("date", 0.995),
            ("issuer", 0.995),
            ("delivery", 0.995),
            ("recipient.name", 0.995),
            ("recipient.title", 0.995),
            ("recipient.organization", 0.995),
            ("recipient.address", 0.995),
            ("recipient.emails", 0.995),
            ("provider.name", 0.995),
            ("provider.short_name", 0.995),
            ("providers", 0.995),
            ("subject", 0.995),
            ("deadlines", 0.995),
            ("deadline.within", 0.995),
            ("deadline.due", 0.995),
            ("deadline.stated", 0.995),
            ("actions", 0.995),
            ("action", 0.995),
            ("contacts", 0.995),
            ("contact.role", 0.995),
            ("contact.name", 0.995),
            ("contact.title", 0.995),
            ("contact.organization", 0.995),
            ("contact.email", 0.995),
            ("contact.phone", 0.995),
            ("signatory", 0.995),
            ("footnotes", 0.995),
            ("footnote.text", 0.995),
            ("citations", 0.995),
            ("citations.refers", 0.995),
            ("attachment.columns", 0.995),
            ("records.count", 0.995),
            ("record.customer", 0.995),
            ("record.date", 0.995),
            ("record.caller_id", 0.995),
            ("record.called_number", 0.995),
            ("record.description", 0.995),
            ("record.violation", 0.995),
            ("record.raw", 0.995),
            ("records.exact", 0.995),
            ("customers", 0.995),
        ],
    ),
    (
        Form::Pdf,
        &[
            ("parse", 0.995),
            ("kind", 0.995),
            ("date", 0.995),
            ("issuer", 0.995),
            ("delivery", 0.995),
            ("recipient.name", 0.995),
            ("recipient.title", 0.995),
            ("recipient.organization", 0.995),
            ("recipient.address", 0.995),
            ("recipient.emails", 0.995),
            ("provider.name", 0.995),
            ("provider.short_name", 0.991),
            ("providers", 0.995),
            ("subject", 0.995),
            ("deadlines", 0.995),
            ("deadline.within", 0.995),
            ("deadline.due", 0.995),
            ("deadline.stated", 0.995),
            ("actions", 0.995),
            ("action", 0.995),
            ("contacts", 0.995),
            ("contact.role", 0.995),
            ("contact.name", 0.995),
            ("contact.title", 0.995),
            ("contact.organization", 0.995),
            ("contact.email", 0.995),
            ("contact.phone", 0.995),
            ("signatory", 0.995),
            ("footnotes", 0.995),
            ("footnote.text", 0.995),
            ("citations", 0.995),
            ("citations.refers", 0.995),
            ("attachment.columns", 0.995),
            ("records.count", 0.995),
            ("record.customer", 0.995),
            ("record.date", 0.995),
            ("record.caller_id", 0.995),
            ("record.called_number", 0.995),
            ("record.description", 0.995),
            ("record.violation", 0.995),
            ("record.raw", 0.995),
            ("records.exact", 0.995),
            ("customers", 0.995),
        ],
    ),
    (
        Form::PdfToText,
        &[
            ("parse", 0.995),
            ("kind", 0.995),
            ("date", 0.995),
            ("issuer", 0.995),
            ("delivery", 0.995),
            ("recipient.name", 0.995),
            ("recipient.title", 0.995),
            ("recipient.organization", 0.995),
            ("recipient.address", 0.995),
            ("recipient.emails", 0.995),
            ("provider.name", 0.995),
            ("provider.short_name", 0.995),
            ("providers", 0.995),
            ("subject", 0.995),
            ("deadlines", 0.995),
            ("deadline.within", 0.995),
            ("deadline.due", 0.995),
            ("deadline.stated", 0.995),
            ("actions", 0.995),
            ("action", 0.995),
            ("contacts", 0.995),
            ("contact.role", 0.995),
            ("contact.name", 0.995),
            ("contact.title", 0.995),
            ("contact.organization", 0.995),
            ("contact.email", 0.995),
            ("contact.phone", 0.995),
            ("signatory", 0.995),
            ("footnotes", 0.995),
            ("footnote.text", 0.995),
            ("citations", 0.995),
            ("citations.refers", 0.995),
            ("attachment.columns", 0.995),
            ("records.count", 0.995),
            ("record.customer", 0.995),
            ("record.date", 0.995),
            ("record.caller_id", 0.995),
            ("record.called_number", 0.995),
            ("record.description", 0.995),
            ("record.violation", 0.995),
            ("record.raw", 0.995),
            ("records.exact", 0.995),
            ("customers", 0.995),
        ],
    ),
];

/// A text form of a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Markdown,
    Plain,
    Collapsed,
    Layout,
    Pdf,
    PdfToText,
}

const FORMS: [Form; 6] = [
    Form::Markdown,
    Form::Plain,
    Form::Collapsed,
    Form::Layout,
    Form::Pdf,
    Form::PdfToText,
];

impl Form {
    fn name(self) -> &'static str {
        match self {
            Form::Markdown => "markdown",
            Form::Plain => "plain",
            Form::Collapsed => "collapsed",
            Form::Layout => "layout",
            Form::Pdf => "pdf",
            Form::PdfToText => "pdftotext",
        }
    }

    fn from_name(name: &str) -> Option<Form> {
        FORMS.into_iter().find(|f| f.name() == name)
    }

    fn profile(self) -> Profile {
        Profile {
            collapsed: self == Form::Collapsed,
        }
    }

    /// The renderer's generator for `seed`: independent of the letter's.
    fn rng(self, seed: u64) -> Rng {
        Rng::new(
            seed.wrapping_mul(0x9E37_79B9_7F4A_7C15)
                ^ (self as u64 + 1).wrapping_mul(0xD1B5_4A32_D192_ED03),
        )
    }
}

/// A rendering ready to parse.
enum Input {
    Text(String),
    Pdf(Vec<u8>),
}

/// Whether `pdftotext` can be run.
fn have_pdftotext() -> bool {
    Command::new("pdftotext").arg("-v").output().is_ok()
}

/// `pdftotext -layout` of a PDF, through a temporary file.
fn pdftotext(bytes: &[u8], seed: u64) -> String {
    let path = std::env::temp_dir().join(format!("fcc-synth-{}-{seed}.pdf", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn render(form: Form, letter: &Letter, seed: u64) -> Input {
    let mut rng = form.rng(seed);
    let doc = &letter.doc;
    match form {
        Form::Markdown => Input::Text(markdown::render(doc, &mut rng)),
        Form::Plain => Input::Text(plain::render(doc, &mut rng)),
        Form::Collapsed => Input::Text(collapsed::render(doc, &mut rng)),
        Form::Layout => Input::Text(layout::render(doc, &mut rng)),
        Form::Pdf => Input::Pdf(pdf_bytes(doc, &mut rng)),
        Form::PdfToText => Input::Text(pdftotext(&pdf_bytes(doc, &mut rng), seed)),
    }
}

#[cfg(feature = "pdf")]
fn pdf_bytes(doc: &support::synth::doc::Doc, rng: &mut Rng) -> Vec<u8> {
    support::synth::pdf::render(doc, rng)
}

#[cfg(not(feature = "pdf"))]
fn pdf_bytes(_: &support::synth::doc::Doc, _: &mut Rng) -> Vec<u8> {
    unreachable!("the PDF forms are skipped without the `pdf` feature")
}

fn parse(input: &Input) -> Option<Parsed> {
    let parser = Parser::new();
    match input {
        Input::Text(t) => parser.parse_text(t).ok(),
        #[cfg(feature = "pdf")]
        Input::Pdf(b) => parser.parse_pdf(b).ok(),
        #[cfg(not(feature = "pdf"))]
        Input::Pdf(_) => None,
    }
}

/// Why a form cannot run here, if it cannot.
fn unavailable(form: Form) -> Option<&'static str> {
    match form {
        Form::Pdf | Form::PdfToText if !cfg!(feature = "pdf") => Some("the `pdf` feature is off"),
        Form::PdfToText if !have_pdftotext() => Some("pdftotext (poppler-utils) is not installed"),
        _ => None,
    }
}

/// The checks of one seed in one form.
fn round_trip(form: Form, seed: u64) -> (Letter, Input, Vec<Check>) {
    let letter = Letter::draw(seed, form.profile());
    let input = render(form, &letter, seed);
    let parsed = parse(&input);
    if let Ok(dir) = std::env::var("FCC_SYNTH_OUTPUTS") {
        let json = match &parsed {
            Some(p) => serde_json::to_string_pretty(p).unwrap(),
            None => "not parsed".to_owned(),
        };
        let path = format!("{dir}/{}-{seed}.json", form.name());
        std::fs::write(path, json).unwrap();
    }
    let checks = compare::compare(
        &letter,
        parsed.as_ref().map(|p| &p.notice),
        form == Form::Collapsed,
    );
    (letter, input, checks.items)
}

/// Accumulated accuracy of one form.
#[derive(Default)]
struct Stats {
    /// Field → (correct, applicable).
    tally: BTreeMap<&'static str, (usize, usize)>,
    /// Failing checks with their seed, in seed order.
    failures: Vec<(u64, Check)>,
    letters: usize,
}

impl Stats {
    fn add(&mut self, seed: u64, checks: Vec<Check>) {
        self.letters += 1;
        for c in checks {
            let t = self.tally.entry(c.field).or_default();
            t.1 += 1;
            if c.ok {
                t.0 += 1;
            } else if self.failures.len() < 5000 {
                self.failures.push((seed, c));
            }
        }
    }

    fn accuracy(&self, field: &str) -> Option<f64> {
        self.tally.get(field).map(|&(ok, n)| ok as f64 / n as f64)
    }

    /// Up to `n` failures, at most two per field first so that every failing field shows.
    fn sample_failures(&self, n: usize) -> Vec<&(u64, Check)> {
        let per_field_cap = env_u64("FCC_SYNTH_PER_FIELD").unwrap_or(2) as usize;
        let mut per_field: BTreeMap<&str, usize> = BTreeMap::new();
        let mut out: Vec<&(u64, Check)> = Vec::new();
        for f in &self.failures {
            let k = per_field.entry(f.1.field).or_default();
            if *k < per_field_cap && out.len() < n {
                *k += 1;
                out.push(f);
            }
        }
        out
    }
}

fn run(form: Form, seeds: Range<u64>) -> Stats {
    let mut stats = Stats::default();
    for seed in seeds {
        let (_, _, checks) = round_trip(form, seed);
        stats.add(seed, checks);
    }
    stats
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

fn print_table(forms: &[(Form, &Stats)]) {
    print!("| field |");
    for (f, s) in forms {
        print!(" {} ({} letters) |", f.name(), s.letters);
    }
    println!();
    print!("| --- |");
    for _ in forms {
        print!(" ---: |");
    }
    println!();
    for field in FIELDS {
        if forms.iter().all(|(_, s)| !s.tally.contains_key(field)) {
            continue;
        }
        print!("| {field} |");
        for (_, s) in forms {
            match s.tally.get(field) {
                Some(&(ok, n)) => print!(" {:.1}% ({ok}/{n}) |", 100.0 * ok as f64 / n as f64),
                None => print!(" – |"),
            }
        }
        println!();
    }
}

fn print_failures(stats: &Stats, n: usize) {
    for (seed, c) in stats.sample_failures(n) {
        println!(
            "seed {seed} {}:\n    expected {}\n    got      {}",
            c.field, c.expected, c.got
        );
    }
}

fn floors(form: Form) -> &'static [(&'static str, f64)] {
    FLOORS
        .iter()
        .find(|(f, _)| *f == form)
        .map_or(&[], |(_, fl)| fl)
}

/// The default test of one form: run, print, assert the floors.
fn check_form(form: Form) {
    if let Some(why) = unavailable(form) {
        println!("{}: skipped, {why}", form.name());
        return;
    }
    let seeds = env_u64("FCC_SYNTH_SEEDS").unwrap_or(DEFAULT_SEEDS);
    let started = std::time::Instant::now();
    let stats = run(form, 0..seeds);
    println!(
        "{}: {} letters in {:.1?}",
        form.name(),
        stats.letters,
        started.elapsed()
    );
    print_table(&[(form, &stats)]);
    print_failures(&stats, env_u64("FCC_SYNTH_FAILURES").unwrap_or(12) as usize);
    if seeds < DEFAULT_SEEDS {
        println!(
            "{}: floors not checked on fewer than {DEFAULT_SEEDS} seeds",
            form.name()
        );
        return;
    }
    let below: Vec<String> = floors(form)
        .iter()
        .filter_map(|&(field, floor)| {
            let acc = stats.accuracy(field).unwrap_or(1.0);
            (acc < floor)
                .then(|| format!("{field}: {:.1}% < floor {:.1}%", 100.0 * acc, 100.0 * floor))
        })
        .collect();
    assert!(
        below.is_empty(),
        "{}: fields below their floor:\n{}",
        form.name(),
        below.join("\n")
    );
}

#[test]
fn markdown_round_trip() {
    check_form(Form::Markdown);
}

#[test]
fn plain_round_trip() {
    check_form(Form::Plain);
}

#[test]
fn collapsed_round_trip() {
    check_form(Form::Collapsed);
}

#[test]
fn layout_round_trip() {
    check_form(Form::Layout);
}

#[test]
fn pdf_round_trip() {
    check_form(Form::Pdf);
}

#[test]
fn pdftotext_round_trip() {
    check_form(Form::PdfToText);
}

/// 10,000 seeds per form: the full per-field accuracy table, in markdown.
#[test]
#[ignore = "slow: run with --ignored (in release mode)"]
fn full_accuracy_table() {
    let seeds = env_u64("FCC_SYNTH_SEEDS").unwrap_or(10_000);
    let mut all = Vec::new();
    for form in FORMS {
        if let Some(why) = unavailable(form) {
            println!("{}: skipped, {why}", form.name());
            continue;
        }
        all.push((form, run(form, 0..seeds)));
    }
    let refs: Vec<(Form, &Stats)> = all.iter().map(|(f, s)| (*f, s)).collect();
    print_table(&refs);
}

/// The same seed renders to the same text, in every form.
#[test]
fn deterministic() {
    for form in FORMS {
        if unavailable(form).is_some() {
            continue;
        }
        for seed in [0, 7, 1234, u64::MAX] {
            let a = Letter::draw(seed, form.profile());
            let b = Letter::draw(seed, form.profile());
            assert_eq!(
                a.doc,
                b.doc,
                "{} seed {seed}: documents differ",
                form.name()
            );
            let (x, y) = (render(form, &a, seed), render(form, &b, seed));
            let same = match (&x, &y) {
                (Input::Text(x), Input::Text(y)) => x == y,
                (Input::Pdf(x), Input::Pdf(y)) => x == y,
                _ => false,
            };
            assert!(same, "{} seed {seed}: renderings differ", form.name());
        }
    }
}

/// `FCC_SYNTH_SEED=n FCC_SYNTH_FORM=form`: print that letter and its failed checks.
#[test]
fn dump() {
    let Some(seed) = env_u64("FCC_SYNTH_SEED") else {
        return;
    };
    let name = std::env::var("FCC_SYNTH_FORM").unwrap_or_else(|_| "markdown".into());
    let form = Form::from_name(&name)
        .unwrap_or_else(|| panic!("unknown form {name}; one of {:?}", FORMS.map(Form::name)));
    if let Some(why) = unavailable(form) {
        println!("{name}: skipped, {why}");
        return;
    }
    let (letter, input, checks) = round_trip(form, seed);
    println!("seed {seed}, {name}, template {:?}", letter.facts.template);
    match &input {
        Input::Text(t) => println!("----- text -----\n{t}\n----- end -----"),
        Input::Pdf(b) => {
            let path = std::env::temp_dir().join(format!("fcc-synth-{seed}.pdf"));
            std::fs::write(&path, b).unwrap();
            println!("PDF written to {}", path.display());
            #[cfg(all(feature = "pdf", feature = "phases"))]
            if let Ok(text) = fcc_notice::phases::pdf_text(b) {
                println!("----- the text read from it -----\n{text}\n----- end -----");
            }
        }
    }
    let failed: Vec<&Check> = checks.iter().filter(|c| !c.ok).collect();
    println!("{} of {} checks failed", failed.len(), checks.len());
    for c in failed {
        println!(
            "{}:\n    expected {}\n    got      {}",
            c.field, c.expected, c.got
        );
    }
}
