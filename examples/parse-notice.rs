//! `parse-notice [OPTIONS] FILE...`: parse FCC robocall letters and print them as JSON or CSV.
//!
//! Run `parse-notice --help` for the options. Each FILE may be text or a PDF (told apart by
//! their bytes, [`fcc_notice::parse_bytes`]), a directory (searched for `.txt`, `.md` and
//! `.pdf` files), or `-` for standard input. Results go to standard output as each input is
//! read, diagnostics to standard error, so one bad file never loses the others' output.

use fcc_notice::{ColumnKind, Error, Parsed, Parser, Severity};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP: &str = "\
parse-notice: FCC Enforcement Bureau robocall letters as data

Usage: parse-notice [OPTIONS] FILE...

Arguments:
  FILE...  letters as text (UTF-8, UTF-16 or Windows-1252) or PDF, known by their bytes;
           directories are searched for .txt, .md and .pdf files (others are noted and
           skipped, as are hidden ones; symbolic links are followed once); - reads
           standard input

Options:
  -f, --format FORMAT  json    one pretty JSON document (the default for one file;
                               an array of them, each with its source, for several)
                       ndjson  one notice per line, with a \"source\" field
                               (the default for several files or a directory); an
                               input that fails is a line {\"source\", \"error\":
                               {\"kind\", \"message\"}}
                       csv     one row per Attachment A call, with the letter's
                               source, date and provider: a spreadsheet of calls (a
                               letter without calls is one row; a failed input is a
                               row with its error)
      --citations      print only the citations (of any text or PDF, not only letters)
      --strict         fail an input (no output for it, exit 1) when it has a
                       warning diagnostic; info diagnostics are shown but do not
                       fail it
  -h, --help           print this help
  -V, --version        print the version

Diagnostics go to standard error as FILE:LINE:COL: severity[code]: message, with the
line and a caret under the place.

Exit status: 0 success; 1 some input was not a notice or failed --strict, or a
directory held no letters (the others are still printed); 2 usage or I/O error.";

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Ndjson,
    Csv,
}

/// The parsed command line.
#[derive(Debug)]
struct Options {
    format: Option<Format>,
    citations: bool,
    strict: bool,
    inputs: Vec<String>,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        format: None,
        citations: false,
        strict: false,
        inputs: Vec::new(),
    };
    let mut args = args.into_iter();
    let mut only_files = false;
    while let Some(arg) = args.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            options.inputs.push(arg);
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (arg.clone(), None),
        };
        match flag.as_str() {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(None),
            "-V" | "--version" => {
                println!("parse-notice {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            "--citations" => options.citations = true,
            "--strict" => options.strict = true,
            "-f" | "--format" => {
                let value = inline
                    .or_else(|| args.next())
                    .ok_or("--format needs a value: json, ndjson or csv")?;
                options.format = Some(match value.as_str() {
                    "json" => Format::Json,
                    "ndjson" | "jsonl" => Format::Ndjson,
                    "csv" => Format::Csv,
                    other => {
                        return Err(format!("unknown format {other:?}: use json, ndjson or csv"))
                    }
                });
            }
            _ => return Err(format!("unknown option {arg:?}")),
        }
    }
    if options.inputs.is_empty() {
        return Err("no FILE given (use - for standard input)".to_owned());
    }
    Ok(Some(options))
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!(
                "parse-notice: {message}\nUsage: parse-notice [OPTIONS] FILE...  (--help for more)"
            );
            return ExitCode::from(2);
        }
    };
    let mut status = Status::default();
    let sources = sources(&options.inputs, &mut status);
    let single = match (options.inputs.as_slice(), sources.as_slice()) {
        ([input], [_]) => !Path::new(input).is_dir(),
        _ => false,
    };
    let format = options
        .format
        .unwrap_or(if single { Format::Json } else { Format::Ndjson });
    // Strictness is judged here, on the lenient parse, so that a strict run shows every
    // diagnostic as a lenient one does.
    let parser = Parser::new();

    let stdout = io::stdout();
    let mut out = Output::new(
        BufWriter::new(stdout.lock()),
        format,
        single,
        options.citations,
    );
    for source in &sources {
        let name = source.name();
        let result = read(source)
            .map_err(|e| Failure {
                kind: "io",
                message: e.to_string(),
            })
            .and_then(|bytes| {
                if options.citations {
                    // Citations of any text, letter or not (a PDF's as the crate reads it).
                    fcc_notice::bytes_to_text(&bytes)
                        .map(|text| Item::Citations(fcc_notice::cite::extract(&text)))
                        .map_err(Failure::from)
                } else {
                    letter(&parser, &bytes, &name, options.strict)
                }
            });
        if let Err(failure) = &result {
            eprintln!("parse-notice: {name}: {}", failure.message);
            if failure.kind == "io" {
                status.io_error = true;
            } else {
                status.failed = true;
            }
        }
        if let Err(e) = out.write(&name, &result) {
            return broken_output(&e);
        }
    }
    if let Err(e) = out.finish() {
        return broken_output(&e);
    }
    status.code()
}

/// Parses one input as a letter, its diagnostics printed against the text they index.
fn letter(parser: &Parser, bytes: &[u8], name: &str, strict: bool) -> Result<Item, Failure> {
    let parsed = parser.parse_bytes(bytes)?;
    // Spans index the text read: the input, or the text decoded or extracted from it.
    let shown: Cow<'_, str> = match &parsed.text {
        Some(text) => Cow::Borrowed(text),
        None => String::from_utf8_lossy(bytes),
    };
    if !parsed.diagnostics.is_empty() {
        // One pass over the text's lines for all of them.
        let all = fcc_notice::Diagnostic::render_all(&parsed.diagnostics, &shown);
        eprintln!("{}", all.with_name(name));
    }
    let problems = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .count();
    if strict && problems > 0 {
        return Err(Failure {
            kind: "strict",
            message: format!("strict mode: {problems} warning(s) (above)"),
        });
    }
    Ok(Item::Notice(Box::new(parsed)))
}

/// Why an input gave no item: an error's kind (`Error::kind`, or `io`) and its message.
#[derive(Debug, Serialize)]
struct Failure {
    kind: &'static str,
    message: String,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        // The message with its causes: `damaged or truncated PDF: <what lopdf said>`.
        let mut message = e.to_string();
        let mut cause = std::error::Error::source(&e);
        while let Some(c) = cause {
            message.push_str(": ");
            message.push_str(&c.to_string());
            cause = c.source();
        }
        Failure {
            kind: e.kind(),
            message,
        }
    }
}

/// Standard output went away (a closed pipe) or failed.
fn broken_output(e: &io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("parse-notice: cannot write the output: {e}");
    ExitCode::from(2)
}

/// What went wrong over the run, for the exit status.
#[derive(Debug, Default)]
struct Status {
    io_error: bool,
    failed: bool,
}

impl Status {
    fn code(&self) -> ExitCode {
        if self.io_error {
            ExitCode::from(2)
        } else if self.failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// An input: a file or standard input.
#[derive(Debug)]
enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_owned(),
            Source::File(path) => path.display().to_string(),
        }
    }
}

/// The file name endings a directory is searched for.
const LETTER_EXTENSIONS: [&str; 3] = ["txt", "md", "pdf"];
/// How deep a directory is searched.
const MAX_DEPTH: usize = 64;

/// The inputs in order, directories expanded (sorted, recursively) to their letters.
fn sources(inputs: &[String], status: &mut Status) -> Vec<Source> {
    let mut out = Vec::new();
    for input in inputs {
        if input == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let path = PathBuf::from(input);
        if !path.is_dir() {
            // A file named on the command line is read whatever its name.
            out.push(Source::File(path));
            continue;
        }
        let mut walk = Walk::default();
        walk.dir(&path, 0, status);
        walk.found.sort();
        for (extension, count) in &walk.skipped {
            eprintln!(
                "parse-notice: note: {input}: skipped {count} {} file(s) (only .txt, .md and \
                 .pdf files are read from directories; name a file to read it anyway)",
                if extension.is_empty() {
                    "extension-less".to_owned()
                } else {
                    format!(".{extension}")
                }
            );
        }
        if walk.found.is_empty() {
            eprintln!("parse-notice: no .txt, .md or .pdf files under {input}");
            status.failed = true;
        }
        out.extend(walk.found.into_iter().map(Source::File));
    }
    out
}

/// A directory search: the letters found, the other files counted by extension, and the
/// directories seen (by their canonical path: a symbolic link loop is walked once).
#[derive(Debug, Default)]
struct Walk {
    found: Vec<PathBuf>,
    skipped: BTreeMap<String, usize>,
    seen: HashSet<PathBuf>,
}

impl Walk {
    /// Walks `dir`: a stack of directories, not recursion, so any depth is safe.
    fn dir(&mut self, root: &Path, depth: usize, status: &mut Status) {
        let mut stack = vec![(root.to_path_buf(), depth)];
        while let Some((dir, depth)) = stack.pop() {
            let Ok(canonical) = std::fs::canonicalize(&dir) else {
                continue;
            };
            if !self.seen.insert(canonical) {
                continue;
            }
            if depth > MAX_DEPTH {
                eprintln!(
                    "parse-notice: note: {}: not searched, deeper than {MAX_DEPTH} levels",
                    dir.display()
                );
                continue;
            }
            let entries = match std::fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) => {
                    eprintln!("parse-notice: {}: {e}", dir.display());
                    status.io_error = true;
                    continue;
                }
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let hidden = entry.file_name().to_string_lossy().starts_with('.');
                if hidden {
                    continue;
                }
                if path.is_dir() {
                    stack.push((path, depth + 1));
                    continue;
                }
                let extension = path
                    .extension()
                    .map(|e| e.to_string_lossy().to_ascii_lowercase())
                    .unwrap_or_default();
                if LETTER_EXTENSIONS.contains(&extension.as_str()) {
                    self.found.push(path);
                } else {
                    *self.skipped.entry(extension).or_default() += 1;
                }
            }
        }
    }
}

fn read(source: &Source) -> io::Result<Vec<u8>> {
    match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes)?;
            Ok(bytes)
        }
        Source::File(path) => std::fs::read(path),
    }
}

/// What one input gives.
enum Item {
    Notice(Box<Parsed>),
    Citations(Vec<fcc_notice::Citation>),
}

/// An item with the input it came from, as JSON: `{"source": …, …the item's fields}`.
#[derive(Serialize)]
struct Sourced<'a, T: Serialize> {
    source: &'a str,
    #[serde(flatten)]
    item: T,
}

#[derive(Serialize)]
struct CitationList<'a> {
    citations: &'a [fcc_notice::Citation],
}

#[derive(Serialize)]
struct FailureLine<'a> {
    error: &'a Failure,
}

/// The columns of the CSV of calls.
const CALL_COLUMNS: &[&str] = &[
    "source",
    "letter_date",
    "provider",
    "customer",
    "date",
    "caller_id",
    "called_number",
    "description",
    "category",
    "violation",
    "raw",
    "error",
];

/// The columns of the CSV of citations.
const CITATION_COLUMNS: &[&str] = &[
    "source",
    "kind",
    "text",
    "canonical",
    "heading",
    "url",
    "refers_to",
    "error",
];

/// Writes items as they come in the chosen format.
struct Output<W: Write> {
    w: W,
    format: Format,
    single: bool,
    citations: bool,
    written: usize,
}

impl<W: Write> Output<W> {
    fn new(w: W, format: Format, single: bool, citations: bool) -> Self {
        Output {
            w,
            format,
            single,
            citations,
            written: 0,
        }
    }

    fn write(&mut self, source: &str, item: &Result<Item, Failure>) -> io::Result<()> {
        match self.format {
            Format::Json if self.single => match item {
                Ok(Item::Notice(parsed)) => serde_json::to_writer_pretty(&mut self.w, parsed)?,
                Ok(Item::Citations(c)) => serde_json::to_writer_pretty(&mut self.w, c)?,
                // One input: its error is on standard error and in the exit status.
                Err(_) => return Ok(()),
            },
            Format::Json => {
                self.w
                    .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                self.json(source, item, true)?;
            }
            Format::Ndjson => self.json(source, item, false)?,
            Format::Csv => self.csv(source, item)?,
        }
        if self.format == Format::Ndjson || self.single && self.format == Format::Json {
            self.w.write_all(b"\n")?;
        }
        self.written += 1;
        // Each input's output is complete once written, whatever happens to the next.
        self.w.flush()
    }

    fn json(&mut self, source: &str, item: &Result<Item, Failure>, pretty: bool) -> io::Result<()> {
        fn put<T: Serialize>(w: impl Write, value: &T, pretty: bool) -> serde_json::Result<()> {
            if pretty {
                serde_json::to_writer_pretty(w, value)
            } else {
                serde_json::to_writer(w, value)
            }
        }
        let w = &mut self.w;
        match item {
            Ok(Item::Notice(item)) => put(w, &Sourced { source, item }, pretty),
            Ok(Item::Citations(citations)) => {
                let item = CitationList { citations };
                put(w, &Sourced { source, item }, pretty)
            }
            Err(error) => put(
                w,
                &Sourced {
                    source,
                    item: FailureLine { error },
                },
                pretty,
            ),
        }?;
        Ok(())
    }

    fn csv(&mut self, source: &str, item: &Result<Item, Failure>) -> io::Result<()> {
        let columns = if self.citations {
            CITATION_COLUMNS
        } else {
            CALL_COLUMNS
        };
        if self.written == 0 {
            write_row(&mut self.w, columns)?;
        }
        match item {
            Ok(Item::Notice(parsed)) => calls(&mut self.w, source, &parsed.notice),
            Ok(Item::Citations(citations)) => {
                for c in citations {
                    let refers_to = c.refers_to.map(|i| i.to_string()).unwrap_or_default();
                    write_row(
                        &mut self.w,
                        &[
                            source,
                            c.kind.as_str(),
                            &c.text,
                            &c.to_string(),
                            c.heading.as_deref().unwrap_or(""),
                            c.url.as_deref().unwrap_or(""),
                            &refers_to,
                            "",
                        ],
                    )?;
                }
                Ok(())
            }
            Err(failure) => {
                let message = format!("{}: {}", failure.kind, failure.message);
                let mut cells = vec![""; columns.len()];
                if let Some(first) = cells.first_mut() {
                    *first = source;
                }
                if let Some(last) = cells.last_mut() {
                    *last = &message;
                }
                write_row(&mut self.w, &cells)
            }
        }
    }

    fn finish(mut self) -> io::Result<()> {
        if self.format == Format::Json && !self.single {
            self.w
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.w.flush()
    }
}

/// A letter's rows of the CSV of calls: one per Attachment A record, or one with empty call
/// cells when it has none. A cell with no typed value shows its text as written (a
/// redaction: `[REDACTED]`), and the row's `raw` cell names those columns, so redacted and
/// empty cells differ. Phone numbers are written `+1 202-555-0123`, which spreadsheets keep
/// as text (E.164's bare `+12025550123` would become the number 12025550123).
fn calls(w: &mut impl Write, source: &str, notice: &fcc_notice::Notice) -> io::Result<()> {
    let date = notice.date.map(|d| d.to_string()).unwrap_or_default();
    let provider = notice.provider.as_ref().map_or("", |p| p.name.as_str());
    let records = notice.records();
    if records.is_empty() {
        let mut cells = [""; CALL_COLUMNS.len()];
        let [s, d, p, ..] = &mut cells;
        (*s, *d, *p) = (source, &date, provider);
        return write_row(w, &cells);
    }
    for r in records {
        let raw = |kind: ColumnKind| r.raw.get(&kind).map_or("", String::as_str);
        let or_raw = |typed: Option<String>, kind| typed.unwrap_or_else(|| raw(kind).to_owned());
        let raw_columns: Vec<&str> = r.raw.keys().map(|k| k.as_str()).collect();
        let customer = or_raw(r.customer.clone(), ColumnKind::Customer);
        let day = or_raw(r.date.map(|d| d.to_string()), ColumnKind::Date);
        let caller = or_raw(r.caller_id.as_deref().map(phone_cell), ColumnKind::CallerId);
        let called = or_raw(
            r.called_number.as_deref().map(phone_cell),
            ColumnKind::CalledNumber,
        );
        let description = or_raw(r.description.clone(), ColumnKind::Description);
        let violation = or_raw(
            r.violation.as_ref().map(|v| v.text.clone()),
            ColumnKind::Violation,
        );
        write_row(
            w,
            &[
                source,
                &date,
                provider,
                &customer,
                &day,
                &caller,
                &called,
                &description,
                r.category.as_str(),
                &violation,
                &raw_columns.join(" "),
                "",
            ],
        )?;
    }
    Ok(())
}

/// An E.164 number as spreadsheets keep it, as text: a space after the country code, and
/// North American numbers as `+1 202-555-0123`.
fn phone_cell(e164: &str) -> String {
    let Some(digits) = e164.strip_prefix('+') else {
        return e164.to_owned();
    };
    if let Some(national) = digits.strip_prefix('1') {
        if let (Some(area), Some(exchange), Some(line)) =
            (national.get(..3), national.get(3..6), national.get(6..))
        {
            if national.len() == 10 {
                return format!("+1 {area}-{exchange}-{line}");
            }
        }
    }
    let cc = country_code_len(digits);
    match (digits.get(..cc), digits.get(cc..)) {
        (Some(code), Some(rest)) if !rest.is_empty() => format!("+{code} {rest}"),
        _ => e164.to_owned(),
    }
}

/// The length of the ITU country code `digits` start with (codes are prefix-free: 1 and 7
/// stand alone, these two-digit codes are taken, and every other code has three digits).
fn country_code_len(digits: &str) -> usize {
    const TWO: &[&str] = &[
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
        "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
        "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
    ];
    if digits.starts_with(['1', '7']) {
        1
    } else if TWO.iter().any(|two| digits.starts_with(two)) {
        2
    } else {
        3
    }
}

/// One CSV record and its line break (RFC 4180): cells quoted when they hold a comma, quote
/// or line break.
fn write_row(w: &mut impl Write, cells: &[&str]) -> io::Result<()> {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        if cell.contains([',', '"', '\n', '\r']) {
            write!(w, "\"{}\"", cell.replace('"', "\"\""))?;
        } else {
            w.write_all(cell.as_bytes())?;
        }
    }
    w.write_all(b"\n")
}
