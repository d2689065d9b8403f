//! `parse-notice [--citations] FILE`: parse an FCC robocall letter and print it as JSON.
//!
//! FILE may be text or a PDF (known by its `%PDF-` magic bytes); `-` reads standard input.
//! `--citations` prints only the citations, as a JSON array. Diagnostics go to standard error.
//! Exit status: 0 on success, 1 when the input is not a notice, 2 on usage or I/O errors.

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: parse-notice [--citations] FILE   (- for standard input)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (citations, path) = match args.as_slice() {
        [flag, path] if flag == "--citations" => (true, path),
        [path] if !path.starts_with("--") => (false, path),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    if let Err(e) = read {
        eprintln!("parse-notice: {path}: {e}");
        return ExitCode::from(2);
    }
    // A PDF is known by its magic bytes, not its name.
    let pdf = bytes.starts_with(b"%PDF-");
    let text = if pdf {
        Default::default()
    } else {
        String::from_utf8_lossy(&bytes)
    };
    let json = if citations && !pdf {
        serde_json::to_string_pretty(&fcc_notice::cite::extract(&text))
    } else {
        let parsed = if pdf {
            parse_pdf(&bytes)
        } else {
            fcc_notice::parse_text(&text)
        };
        match parsed {
            Ok(parsed) => {
                // Spans of a PDF parse index the text extracted from it.
                let source = parsed.text.as_deref().unwrap_or(&text);
                for d in &parsed.diagnostics {
                    eprintln!("{}", d.render(source).with_name(path));
                }
                if citations {
                    serde_json::to_string_pretty(&parsed.notice.citations)
                } else {
                    serde_json::to_string_pretty(&parsed)
                }
            }
            Err(e) => {
                eprintln!("parse-notice: {path}: {e}");
                return ExitCode::from(1);
            }
        }
    };
    match json {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("parse-notice: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(feature = "pdf")]
fn parse_pdf(bytes: &[u8]) -> Result<fcc_notice::Parsed, fcc_notice::Error> {
    fcc_notice::parse_pdf(bytes)
}

#[cfg(not(feature = "pdf"))]
fn parse_pdf(_: &[u8]) -> Result<fcc_notice::Parsed, fcc_notice::Error> {
    let reason = "this build of parse-notice has no PDF support (feature `pdf`)".to_owned();
    Err(fcc_notice::Error::Pdf { reason })
}
