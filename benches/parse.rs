//! Throughput: the whole parse of each letter fixture, and the citation extractor alone
//! (per letter over ~10 MB of letters, and on one text 1×, 10× and 100× the letter long),
//! Attachment A grown from 10 to 10,000 rows, and each PDF fixture.
#![allow(missing_docs)] // criterion_group! generates undocumented functions

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

const SAMPLE: &str = include_str!("../fixtures/letters/2021-04-13-r-squared-telecom.txt");
const SAMPLE_PLAIN: &str =
    include_str!("../fixtures/letters/2021-04-13-r-squared-telecom-plain.txt");

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_text");
    for (name, text) in [("sample-markdown", SAMPLE), ("sample-plain", SAMPLE_PLAIN)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| fcc_notice::parse_text(black_box(text))));
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
            "{}/fixtures/pdf/r-squared-{name}.pdf",
            env!("CARGO_MANIFEST_DIR")
        );
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| fcc_notice::parse_pdf(black_box(&bytes)))
        });
    }
    group.finish();
}

#[cfg(not(feature = "pdf"))]
fn pdf(_: &mut Criterion) {}

criterion_group!(benches, parse, cite, attachment_scaling, pdf);
criterion_main!(benches);
