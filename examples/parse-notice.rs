//! `parse-notice [OPTIONS] FILE...`: parse FCC robocall letters and print them as JSON or CSV.
//!
//! Run `parse-notice --help` for the options. Each FILE may be text or a PDF (known by its
//! `%PDF-` magic bytes), a directory (searched for `.txt`, `.md` and `.pdf` files), or `-` for
//! standard input. Results go to standard output as each input is read, diagnostics to
//! standard error, so one bad file never loses the others' output.

use fcc_notice::{Error, Parsed, Parser};
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP: &str = "\
parse-notice: FCC Enforcement Bureau robocall letters as data

Usage: parse-notice [OPTIONS] FILE...

Arguments:
  FILE...  letters as text or PDF; directories are searched for .txt, .md and .pdf
           files; - reads standard input

Options:
  -f, --format FORMAT  json    one pretty JSON document (the default for one file;
                               an array of them, each with its source, for several)
                       ndjson  one notice per line, with a \"source\" field
                               (the default for several files or a directory)
                       csv     one row per Attachment A call, with the letter's
                               source, date and provider: a spreadsheet of calls
      --citations      print only the citations (of any text or PDF, not only letters)
      --strict         treat every diagnostic as an error
  -h, --help           print this help
  -V, --version        print the version

Diagnostics go to standard error as FILE:LINE:COL: severity[code]: message, with the
line and a caret under the place.

Exit status: 0 success; 1 some input was not a notice (the others are still printed);
2 usage or I/O error.";

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
    let parser = Parser::new().strict(options.strict);

    let stdout = io::stdout();
    let mut out = Output::new(
        BufWriter::new(stdout.lock()),
        format,
        single,
        options.citations,
    );
    for source in &sources {
        let Some(bytes) = read(source, &mut status) else {
            continue;
        };
        let name = source.name();
        // Text is decoded once; a PDF's bytes are not text at all.
        let pdf = is_pdf(&bytes);
        let text = if pdf {
            Cow::Borrowed("")
        } else {
            String::from_utf8_lossy(&bytes)
        };
        let result = if options.citations {
            // Citations of any text, letter or not (a PDF's as the crate reads its text).
            let read = if pdf {
                pdf_text(&bytes).map(Cow::Owned)
            } else {
                Ok(text)
            };
            read.map(|text| Item::Citations(fcc_notice::cite::extract(&text)))
        } else {
            let parsed = if pdf {
                parse_pdf(&parser, &bytes)
            } else {
                parser.parse_text(&text)
            };
            parsed.map(|parsed| {
                // Spans index the text read (for a PDF, the text extracted from it).
                let shown = parsed.text.as_deref().unwrap_or(&text);
                for d in &parsed.diagnostics {
                    eprintln!("{}", d.render(shown).with_name(&name));
                }
                if options.citations {
                    Item::Citations(parsed.notice.citations.clone())
                } else {
                    Item::Notice(Box::new(parsed))
                }
            })
        };
        match result {
            Ok(item) => {
                if let Err(e) = out.write(&name, &item) {
                    return broken_output(&e);
                }
            }
            Err(e) => {
                eprintln!("parse-notice: {name}: {e}");
                status.not_a_notice = true;
            }
        }
    }
    if let Err(e) = out.finish() {
        return broken_output(&e);
    }
    status.code()
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
    not_a_notice: bool,
}

impl Status {
    fn code(&self) -> ExitCode {
        if self.io_error {
            ExitCode::from(2)
        } else if self.not_a_notice {
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

/// The inputs in order, directories expanded (sorted, recursively) to their letters.
fn sources(inputs: &[String], status: &mut Status) -> Vec<Source> {
    let mut out = Vec::new();
    for input in inputs {
        if input == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let path = PathBuf::from(input);
        if path.is_dir() {
            let mut found = Vec::new();
            if let Err(e) = walk(&path, &mut found) {
                eprintln!("parse-notice: {input}: {e}");
                status.io_error = true;
            }
            found.sort();
            out.extend(found.into_iter().map(Source::File));
        } else {
            out.push(Source::File(path));
        }
    }
    out
}

/// Collects the `.txt`, `.md` and `.pdf` files under `dir`.
fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, found)?;
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["txt", "md", "pdf"]
                .iter()
                .any(|want| e.eq_ignore_ascii_case(want))
        }) {
            found.push(path);
        }
    }
    Ok(())
}

fn read(source: &Source, status: &mut Status) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    let read = match source {
        Source::Stdin => io::stdin().read_to_end(&mut bytes).map(|_| ()),
        Source::File(path) => std::fs::read(path).map(|b| bytes = b),
    };
    match read {
        Ok(()) => Some(bytes),
        Err(e) => {
            eprintln!("parse-notice: {}: {e}", source.name());
            status.io_error = true;
            None
        }
    }
}

/// A PDF is known by its magic bytes, not its name.
fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

#[cfg(feature = "pdf")]
fn parse_pdf(parser: &Parser, bytes: &[u8]) -> Result<Parsed, Error> {
    parser.parse_pdf(bytes)
}

#[cfg(feature = "pdf")]
fn pdf_text(bytes: &[u8]) -> Result<String, Error> {
    fcc_notice::pdf_text(bytes)
}

#[cfg(not(feature = "pdf"))]
fn pdf_text(_: &[u8]) -> Result<String, Error> {
    Err(Error::Pdf {
        reason: "this build of parse-notice has no PDF support (feature `pdf`)".to_owned(),
        source: None,
    })
}

#[cfg(not(feature = "pdf"))]
fn parse_pdf(_: &Parser, bytes: &[u8]) -> Result<Parsed, Error> {
    pdf_text(bytes).and_then(|text| Parser::new().parse_text(&text))
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

    fn write(&mut self, source: &str, item: &Item) -> io::Result<()> {
        match self.format {
            Format::Json if self.single => match item {
                Item::Notice(parsed) => serde_json::to_writer_pretty(&mut self.w, parsed)?,
                Item::Citations(c) => serde_json::to_writer_pretty(&mut self.w, c)?,
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

    fn json(&mut self, source: &str, item: &Item, pretty: bool) -> io::Result<()> {
        fn put<T: Serialize>(w: impl Write, value: &T, pretty: bool) -> serde_json::Result<()> {
            if pretty {
                serde_json::to_writer_pretty(w, value)
            } else {
                serde_json::to_writer(w, value)
            }
        }
        match item {
            Item::Notice(parsed) => put(
                &mut self.w,
                &Sourced {
                    source,
                    item: parsed,
                },
                pretty,
            ),
            Item::Citations(citations) => put(
                &mut self.w,
                &Sourced {
                    source,
                    item: CitationList { citations },
                },
                pretty,
            ),
        }?;
        Ok(())
    }

    fn csv(&mut self, source: &str, item: &Item) -> io::Result<()> {
        if self.written == 0 {
            let header: &[&str] = if self.citations {
                &[
                    "source",
                    "kind",
                    "text",
                    "canonical",
                    "heading",
                    "url",
                    "refers_to",
                ]
            } else {
                &[
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
                ]
            };
            write_row(&mut self.w, header)?;
        }
        let row = |w: &mut W, cells: &[&str]| write_row(w, cells);
        match item {
            Item::Notice(parsed) => {
                let notice = &parsed.notice;
                let date = notice.date.map(|d| d.to_string()).unwrap_or_default();
                let provider = notice.provider.as_ref().map_or("", |p| p.name.as_str());
                for r in notice.records() {
                    let day = r.date.map(|d| d.to_string()).unwrap_or_default();
                    let category = snake_case(&r.category);
                    row(
                        &mut self.w,
                        &[
                            source,
                            &date,
                            provider,
                            r.customer.as_deref().unwrap_or(""),
                            &day,
                            r.caller_id.as_deref().unwrap_or(""),
                            r.called_number.as_deref().unwrap_or(""),
                            r.description.as_deref().unwrap_or(""),
                            &category,
                            r.violation.as_ref().map_or("", |v| v.text.as_str()),
                        ],
                    )?;
                }
            }
            Item::Citations(citations) => {
                for c in citations {
                    let refers_to = c.refers_to.map(|i| i.to_string()).unwrap_or_default();
                    row(
                        &mut self.w,
                        &[
                            source,
                            &snake_case(&c.kind),
                            &c.text,
                            &c.to_string(),
                            c.heading.as_deref().unwrap_or(""),
                            c.url.as_deref().unwrap_or(""),
                            &refers_to,
                        ],
                    )?;
                }
            }
        }
        Ok(())
    }

    fn finish(mut self) -> io::Result<()> {
        if self.format == Format::Json && !self.single {
            self.w
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.w.flush()
    }
}

/// A unit enum's JSON name: `auto_warranty`.
fn snake_case<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
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
