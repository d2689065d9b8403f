//! Cost growth: each hostile family of `tests/hostile` (text, and PDF with the `pdf` feature)
//! built at 10 KB, 20 KB, 50 KB, … 10 MB and parsed, printing the time per input byte at
//! each size (the median of several runs) and its growth: the most the cost per byte rises
//! from one size to a larger one between 100 KB and 10 MB. A parse whose cost grows
//! linearly keeps it near 1 (a fixed cost spread over more bytes lowers the cost per byte,
//! which does not count); quadratic cost would show 100.
//!
//!   cargo bench -p fcc-notice-benches --bench growth            # every family
//!   cargo bench -p fcc-notice-benches --bench growth -- unclosed  # families whose name has it
//!
//! Not criterion: its minimum measuring time per case would make the 400-odd cases take an
//! hour, and the table wants the median and the spread at each size side by side.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../tests/hostile/families.rs"]
mod families;
#[cfg(feature = "pdf")]
#[path = "../tests/hostile/pdf_families.rs"]
mod pdf_families;

use std::hint::black_box;
use std::time::{Duration, Instant};

/// The sizes each family is built at.
const SIZES: [usize; 10] = [
    10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000,
];

/// The median and the spread (fastest, slowest) of `runs` timings of `f`.
fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration, Duration) {
    let mut all: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    all.sort();
    (all[all.len() / 2], all[0], all[all.len() - 1])
}

/// Times one family at every size; prints its row.
fn family(kind: &str, name: &str, mut parse_at: impl FnMut(usize) -> Box<dyn FnMut()>) {
    let mut per_byte = Vec::new();
    let mut cells = Vec::new();
    for size in SIZES {
        let mut run = parse_at(size);
        run(); // warm
        let runs = if size >= 1_000_000 { 3 } else { 7 };
        let (median, fastest, slowest) = time(runs, &mut run);
        let ns = median.as_nanos() as f64 / size as f64;
        per_byte.push((size, ns));
        let spread = (slowest.as_nanos() as f64 - fastest.as_nanos() as f64) / size as f64;
        cells.push(format!("{ns:.0}±{:.0}", spread / 2.0));
    }
    // Growth: the most the cost per byte rises from a smaller size to a larger one, 100 KB
    // and up (a fixed cost that is spread thinner as the input grows does not count).
    let linear: Vec<f64> = per_byte
        .iter()
        .filter(|(size, _)| *size >= 100_000)
        .map(|(_, ns)| *ns)
        .collect();
    let growth = linear
        .iter()
        .enumerate()
        .flat_map(|(i, a)| {
            linear
                .iter()
                .skip(i + 1)
                .map(move |b| b / a.max(f64::MIN_POSITIVE))
        })
        .fold(1f64, f64::max);
    println!(
        "| {kind} | {name} | {} | {:.2} |",
        cells.join(" | "),
        growth
    );
}

fn main() {
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wanted = |name: &str| filter.is_empty() || filter.iter().any(|f| name.contains(f));
    let header: Vec<String> = SIZES
        .iter()
        .map(|s| match s {
            s if *s >= 1_000_000 => format!("{} MB", s / 1_000_000),
            s => format!("{} KB", s / 1_000),
        })
        .collect();
    println!("ns per input byte, median ± half the spread; growth = the most the cost per byte rises from one size to a larger one, 100 KB … 10 MB\n");
    println!("| input | family | {} | growth |", header.join(" | "));
    println!("|---|---|{}---|", "---|".repeat(SIZES.len()));
    for (name, build) in families::families() {
        if wanted(name) {
            family("text", name, |size| {
                let text = build(size);
                Box::new(move || {
                    let parsed = fcc_notice::parse_text(black_box(&text));
                    if let Ok(parsed) = &parsed {
                        let shown = fcc_notice::Diagnostic::render_all(&parsed.diagnostics, &text);
                        black_box(shown.to_string());
                    }
                    black_box(parsed.is_ok());
                })
            });
        }
    }
    #[cfg(feature = "pdf")]
    for (name, build) in pdf_families::families() {
        if wanted(name) {
            family("pdf", name, |size| {
                let pdf = build(size);
                Box::new(move || {
                    black_box(fcc_notice::parse_pdf(black_box(&pdf)).is_ok());
                })
            });
        }
    }
}
