//! No input may panic or hang: every line-boundary truncation of every fixture, random cuts,
//! and a seeded mutation run (2,000 cases here; a million in the ignored test). A debug build
//! runs a quarter of the truncations and mutations, to keep `cargo test` quick; `cargo test
//! --release --test robustness` runs them all.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // test code

use std::time::{Duration, Instant};

/// Every text fixture, by name (not `synthetic/large/`, whose 10,000 rows repeat one shape:
/// truncating it at each of its lines would take hours and find nothing the others do not).
fn fixtures() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut out = Vec::new();
    for dir in ["letters", "excerpts", "synthetic"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    out
}

/// A small xorshift generator: the same cases on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that mean something to the grammars, to insert where they can do harm.
const TOKENS: &[&str] = &[
    "<sup>",
    "</sup>",
    "<sup>7</sup>",
    "**",
    "*",
    "[",
    "](mailto:",
    ")",
    "\t",
    "\n",
    "\u{c}",
    "---\n",
    "§",
    "§§ ",
    "47 CFR ",
    "47 U.S.C. ",
    "(k)(3)-(",
    "35 FCC Rcd at ",
    "Id. at ",
    "supra note ",
    "within fourteen (",
    "Dear ",
    "Re: ",
    "To: ",
    "ATTACHMENT A\n",
    "Customer\tDate of Call\tViolation\n",
    "\u{a0}",
    "’",
    "\r\n",
    "April 31, 2021",
    "(202) 418-",
    "Sincerely,\n",
    "1. ",
    "(",
    "99999999999999999999",
];

/// One mutation of `text`: byte-level flips, insertions, deletions and duplicated lines,
/// kept valid UTF-8 by working on chars.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..=rng.below(8) {
        let at = rng.below(chars.len() + 1);
        match rng.below(5) {
            0 if at < chars.len() => {
                chars[at] = char::from_u32(rng.below(0x3000) as u32).unwrap_or('?')
            }
            1 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                chars.splice(at..at, token.chars());
            }
            2 => {
                let end = (at + rng.below(80)).min(chars.len());
                chars.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(300)).min(chars.len());
                let copy: Vec<char> = chars[at..end].to_vec();
                let to = rng.below(chars.len() + 1);
                chars.splice(to..to, copy);
            }
            _ => chars.truncate(at),
        }
    }
    chars.into_iter().collect()
}

/// Parses `text` (and its citations alone), failing on a panic or a parse over 100 ms.
fn check(text: &str, slowest: &mut Duration) {
    let start = Instant::now();
    let parsed = fcc_notice::parse_text(text);
    let _ = fcc_notice::Parser::new().strict(true).parse_text(text);
    let _ = fcc_notice::cite::extract(text);
    if let Ok(parsed) = parsed {
        let json = serde_json::to_string(&parsed).unwrap();
        assert!(!json.is_empty());
        for d in &parsed.diagnostics {
            assert!(
                d.span.end <= text.len() && text.is_char_boundary(d.span.start),
                "{d:?}"
            );
            let _ = d.render(text).to_string();
        }
    }
    let took = start.elapsed();
    *slowest = (*slowest).max(took);
    // Generous for debug builds; release runs take a fraction of a millisecond.
    assert!(
        took < Duration::from_millis(if cfg!(debug_assertions) { 1_000 } else { 100 }),
        "{took:?} for {text:?}"
    );
}

/// Parses bytes as `parse-notice` does: whatever they decode to, spans index the text parsed.
fn check_bytes(bytes: &[u8]) {
    if let Ok(parsed) = fcc_notice::parse_bytes(bytes) {
        let text = match &parsed.text {
            Some(text) => text.clone(),
            None => String::from_utf8(bytes.to_vec()).unwrap(),
        };
        for d in &parsed.diagnostics {
            assert!(
                d.span.end <= text.len() && text.is_char_boundary(d.span.start),
                "{d:?}"
            );
            let _ = d.render(&text).to_string();
        }
    }
}

/// One case in `SAMPLE` is run: every case in release builds, an eighth in debug builds.
const SAMPLE: usize = if cfg!(debug_assertions) { 8 } else { 1 };

#[test]
fn every_line_truncation_and_random_cuts() {
    let mut slowest = Duration::ZERO;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for (_, text) in fixtures() {
        let mut cut = 0;
        for (i, line) in text.split_inclusive('\n').enumerate() {
            cut += line.len();
            if i % SAMPLE == 0 {
                check(&text[..cut], &mut slowest);
                check(&text[cut..], &mut slowest);
            }
        }
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for _ in 0..200 / SAMPLE {
            let at = bounds[rng.below(bounds.len())];
            check(&text[..at], &mut slowest);
        }
        // Cuts at any byte, inside characters too: `parse_bytes` decodes what is not UTF-8.
        for _ in 0..100 / SAMPLE {
            let bytes = text.as_bytes();
            let (a, b) = (rng.below(bytes.len()), rng.below(bytes.len()));
            check_bytes(&bytes[a.min(b)..a.max(b)]);
            check_bytes(&bytes[a..]);
        }
    }
}

fn mutations(cases: usize) -> Duration {
    let fixtures = fixtures();
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut slowest = Duration::ZERO;
    for i in 0..cases {
        let (_, text) = &fixtures[i % fixtures.len()];
        check(&mutate(text, &mut rng), &mut slowest);
    }
    slowest
}

#[test]
fn seeded_mutations() {
    mutations(2_000 / SAMPLE);
}

/// `cargo test --release --test robustness -- --ignored` (about a million parses).
#[test]
#[ignore]
fn a_million_mutations() {
    let slowest = mutations(1_000_000);
    println!("slowest parse: {slowest:?}");
}
