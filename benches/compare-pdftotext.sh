#!/usr/bin/env bash
# Whole-process time of `parse-notice` on each PDF fixture against `pdftotext -layout` on the
# same file (poppler-utils), as a ratio. A comparison, not a test: run it by hand.
#   apt-get install poppler-utils   # for pdftotext
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftotext >/dev/null || { echo "pdftotext not found (apt-get install poppler-utils)"; exit 1; }
cargo build -q --release --example parse-notice
bin=target/release/examples/parse-notice
runs=${RUNS:-50}

# Milliseconds per run of a command over $runs runs.
per_run() {
    local start end
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done
    end=$(date +%s%N)
    echo "scale=2; ($end - $start) / 1000000 / $runs" | bc
}

printf '%-28s %14s %16s %8s\n' file parse-notice "pdftotext -layout" ratio
for pdf in fixtures/pdf/r-squared-{lo,chromium,reportlab,lo_hard,lo_aes256}.pdf; do
    ours=$(per_run "$bin" "$pdf")
    theirs=$(per_run pdftotext -layout "$pdf" -)
    printf '%-28s %11s ms %13s ms %8s\n' "$(basename "$pdf")" "$ours" "$theirs" "$(echo "scale=2; $ours / $theirs" | bc)"
done
