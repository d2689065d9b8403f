//! The fixtures every parse of the model tests is held to: the text letters of
//! `fixtures/letters`, `fixtures/excerpts` and `fixtures/synthetic` (recursively), and, with
//! the `pdf` feature, the PDFs of `fixtures/pdf`. Shared by `tests/downstream.rs` and
//! `tests/schema.rs`.

use fcc_notice::Parsed;
use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, ext: &str, recursive: bool, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if recursive {
                files(&path, ext, recursive, out);
            }
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Every fixture that parses, with its name (its path under `fixtures/`) and its parse: the
/// text fixtures, then (feature `pdf`) the PDFs.
pub(crate) fn parses() -> Vec<(String, Parsed)> {
    let parses = text_parses();
    #[cfg(feature = "pdf")]
    let parses = {
        let mut all = parses;
        all.extend(pdf_parses());
        all
    };
    parses
}

/// Every text fixture that parses.
fn text_parses() -> Vec<(String, Parsed)> {
    let mut paths = Vec::new();
    for (dir, recursive) in [("letters", false), ("excerpts", false), ("synthetic", true)] {
        files(&root().join(dir), "txt", recursive, &mut paths);
    }
    paths.sort();
    let parses: Vec<_> = paths
        .iter()
        .filter_map(|path| {
            let text = fs::read_to_string(path).unwrap();
            let parsed = fcc_notice::parse_text(&text).ok()?;
            Some((name(path), parsed))
        })
        .collect();
    assert!(parses.len() >= 20, "only {} text fixtures", parses.len());
    parses
}

/// Every PDF fixture that parses (a scan, an encrypted file and a memo do not).
#[cfg(feature = "pdf")]
fn pdf_parses() -> Vec<(String, Parsed)> {
    let mut paths = Vec::new();
    files(&root().join("pdf"), "pdf", false, &mut paths);
    paths.sort();
    let parser = fcc_notice::Parser::new();
    let parses: Vec<_> = paths
        .iter()
        .filter_map(|path| {
            let parsed = parser.parse_pdf(&fs::read(path).unwrap()).ok()?;
            Some((name(path), parsed))
        })
        .collect();
    assert!(parses.len() >= 3, "only {} PDF fixtures", parses.len());
    parses
}

fn name(path: &Path) -> String {
    path.strip_prefix(root()).unwrap().display().to_string()
}
