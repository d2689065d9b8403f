#!/usr/bin/env bash
# Whole-process time of `parse-notice` on each PDF fixture against `pdftotext -layout` on the
# same file (poppler-utils), as a ratio. A comparison, not a test: run it by hand.
#   apt-get install poppler-utils hyperfine   # hyperfine is optional but steadier
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftotext >/dev/null || { echo "pdftotext not found (apt-get install poppler-utils)"; exit 1; }
cargo build -q --release --example parse-notice
bin=target/release/examples/parse-notice
runs=${RUNS:-40}

# Mean milliseconds per run of a command.
per_run() {
    if command -v hyperfine >/dev/null; then
        local json
        json=$(mktemp)
        hyperfine -N -w 5 -r "$runs" --export-json "$json" "$*" >/dev/null 2>&1
        python3 -c "import json,sys; print('%.2f' % (json.load(open(sys.argv[1]))['results'][0]['mean'] * 1000))" "$json"
        rm -f "$json"
    else
        local start end
        start=$(date +%s%N)
        for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done
        end=$(date +%s%N)
        echo "scale=2; ($end - $start) / 1000000 / $runs" | bc
    fi
}

printf '%-28s %14s %18s %7s\n' file parse-notice "pdftotext -layout" ratio
for pdf in fixtures/pdf/r-squared-{lo,chromium,reportlab,lo_hard,lo_aes256}.pdf; do
    ours=$(per_run "$bin" "$pdf")
    theirs=$(per_run pdftotext -layout "$pdf" -)
    printf '%-28s %11s ms %15s ms %7s\n' "$(basename "$pdf")" "$ours" "$theirs" \
        "$(python3 -c "print('%.2f' % ($ours / $theirs))")"
done
