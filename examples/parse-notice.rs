//! `parse-notice FILE`: parse an FCC robocall letter and print it as JSON.
//!
//! `-` reads standard input. Diagnostics go to standard error. Exit status: 0 on success,
//! 1 when the input is not a notice, 2 on usage or I/O errors.

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path] = args.as_slice() else {
        eprintln!("usage: parse-notice FILE   (- for standard input)");
        return ExitCode::from(2);
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
    let text = String::from_utf8_lossy(&bytes);
    match fcc_notice::parse_text(&text) {
        Ok(parsed) => {
            for d in &parsed.diagnostics {
                eprintln!("{}", d.render(&text).with_name(path));
            }
            match serde_json::to_string_pretty(&parsed) {
                Ok(json) => println!("{json}"),
                Err(e) => {
                    eprintln!("parse-notice: {e}");
                    return ExitCode::from(2);
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("parse-notice: {path}: {e}");
            ExitCode::from(1)
        }
    }
}
