//! Throughput (`Throughput::Bytes` of the input everywhere):
//! - `phase/*`: each phase of the sample letter's parse alone —
//!   text source, layout, extraction (fields, citations, Attachment A), the citation
//!   extractor, and a PDF's text;
//! - `parse_text/*`: the whole parse of every text fixture;
//! - `cite_extract/*`: the citation extractor per letter over ~10 MB of letters, and on one
//!   text 1×, 10× and 100× the letter long;
//! - `attachment_rows/*`: Attachment A grown from 10 to 10,000 rows;
//! - `parse_pdf/*`: each PDF fixture, whole.
#![allow(missing_docs)] // criterion_group! generates undocumented functions

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

const SAMPLE: &str = include_str!("../fixtures/letters/2021-04-13-r-squared-telecom.txt");

/// Each phase alone on the sample letter; each takes the previous phase's output, made
/// outside the timed loop. The phases are not public API: the `phases` feature, which this
/// package turns on, opens them.
fn phases(c: &mut Criterion) {
    use fcc_notice::phases;
    let mut group = c.benchmark_group("phase");
    group.throughput(Throughput::Bytes(SAMPLE.len() as u64));
    group.bench_function("source", |b| {
        b.iter(|| phases::source(black_box(SAMPLE)).lines())
    });
    let source = phases::source(SAMPLE);
    group.bench_function("layout", |b| b.iter(|| source.layout().paragraphs()));
    group.bench_function("extract", |b| {
        b.iter_batched(
            || source.layout(),
            |layout| layout.extract().map(|n| n.records().len()),
            criterion::BatchSize::SmallInput,
        )
    });
    group.bench_function("cite", |b| {
        b.iter(|| fcc_notice::cite::extract(black_box(SAMPLE)).len())
    });
    #[cfg(feature = "pdf")]
    {
        let path = format!(
            "{}/../fixtures/pdf/r-squared-lo.pdf",
            env!("CARGO_MANIFEST_DIR")
        );
        // (A missing fixture is an error: a benchmark that silently measures nothing is worse.)
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        {
            group.throughput(Throughput::Bytes(bytes.len() as u64));
            group.bench_function("pdf_text", |b| {
                b.iter(|| phases::pdf_text(black_box(&bytes)).map(|t| t.len()))
            });
        }
    }
    group.finish();
}

/// The whole parse of every text fixture (the 10,000-row letter is `attachment_rows`' job).
fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_text");
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures");
    for dir in ["letters", "excerpts", "synthetic"] {
        let entries = std::fs::read_dir(format!("{root}/{dir}"))
            .unwrap_or_else(|e| panic!("{root}/{dir}: {e}"));
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let name = path
                .file_stem()
                .map_or_else(String::new, |s| format!("{dir}/{}", s.to_string_lossy()));
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(name, |b| {
                b.iter(|| fcc_notice::parse_text(black_box(&text)))
            });
        }
    }
    group.finish();
}

fn cite(c: &mut Criterion) {
    let mut group = c.benchmark_group("cite_extract");
    let letters = (10 << 20) / SAMPLE.len();
    group.throughput(Throughput::Bytes((letters * SAMPLE.len()) as u64));
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("letters", letters), |b| {
        b.iter(|| {
            (0..letters)
                .map(|_| fcc_notice::cite::extract(black_box(SAMPLE)).len())
                .sum::<usize>()
        })
    });
    for times in [1, 10, 100] {
        let text = SAMPLE.repeat(times);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("one-text", times), &text, |b, text| {
            b.iter(|| fcc_notice::cite::extract(black_box(text)).len())
        });
    }
    group.finish();
}

/// The sample letter with Attachment A grown to 10, 100, 1,000 and 10,000 rows (its own rows
/// repeated): the time should grow linearly.
fn attachment_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("attachment_rows");
    group.sample_size(10);
    let (letter, table) = SAMPLE.split_at(SAMPLE.find("<b>Customer</b>").unwrap_or(SAMPLE.len()));
    let mut lines = table.lines();
    let header = lines.next().unwrap_or("");
    let rows: Vec<&str> = lines.filter(|l| l.contains('\t')).collect();
    for n in [10usize, 100, 1_000, 10_000] {
        let mut text = format!("{letter}{header}\n");
        for row in rows.iter().cycle().take(n) {
            text.push_str(row);
            text.push('\n');
        }
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| fcc_notice::parse_text(black_box(text)).map(|p| p.notice.records().len()))
        });
    }
    group.finish();
}

/// Each PDF fixture, whole: lopdf load, interpretation, layout and the parse of its text.
#[cfg(feature = "pdf")]
fn pdf(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_pdf");
    for name in ["lo", "chromium", "reportlab", "lo_hard", "lo_aes256"] {
        let path = format!(
            "{}/../fixtures/pdf/r-squared-{name}.pdf",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| fcc_notice::parse_pdf(black_box(&bytes)))
        });
    }
    group.finish();
}

#[cfg(not(feature = "pdf"))]
fn pdf(_: &mut Criterion) {}

criterion_group!(benches, phases, parse, cite, attachment_scaling, pdf);
criterion_main!(benches);
