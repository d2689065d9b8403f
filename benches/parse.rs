//! Throughput of the whole parse on the sample letter.
#![allow(missing_docs)] // criterion_group! generates an undocumented function

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const SAMPLE: &str = include_str!("../fixtures/letters/2021-04-13-r-squared-telecom.txt");
const SAMPLE_PLAIN: &str =
    include_str!("../fixtures/letters/2021-04-13-r-squared-telecom-plain.txt");

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_text");
    for (name, text) in [("sample-markdown", SAMPLE), ("sample-plain", SAMPLE_PLAIN)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| fcc_notice::parse_text(std::hint::black_box(text)))
        });
    }
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
