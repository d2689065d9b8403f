#!/usr/bin/env bash
# fcc-notice against the tools users would otherwise reach for, side by side in one run:
#   1. citations: `cite::extract` (criterion `phase/cite`) vs eyecite's `get_citations` on
#      the same text, in process;
#   2. whole process: `parse-notice` vs `pdftotext -layout` on each PDF fixture (hyperfine);
#   3. tables: our whole PDF parse (criterion `parse_pdf/*`, tables included) vs pdfplumber's
#      `extract_tables()` over every page, in process;
#   4. peak memory of `parse-notice` on each PDF fixture (GNU time).
# A comparison, not a test: run it by hand. Peers that are not installed are skipped:
#   pip install eyecite pdfplumber
#   apt-get install poppler-utils hyperfine time
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-30}
pdfs=(lo chromium reportlab lo_hard lo_aes256)
sample=fixtures/letters/2021-04-13-r-squared-telecom.txt

echo "machine: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs; $(rustc --version)"
cargo build -q --release --example parse-notice
bin=target/release/examples/parse-notice

# Seconds per iteration of the criterion benchmark $1 (the estimate's middle value).
criterion_secs() {
    cargo bench -q -p fcc-notice-benches --bench parse -- "^$1\$" --warm-up-time 1 --measurement-time 3 2>/dev/null |
        python3 -c '
import re, sys
text = sys.stdin.read()
m = re.search(r"time:\s+\[\S+ \S+ (\S+) (\S+) \S+ \S+\]", text)
unit = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
print(float(m.group(1)) * unit[m.group(2)] if m else "nan")'
}

has_python_module() { python3 -c "import $1" 2>/dev/null; }
ratio() { python3 -c "a, b = float('$1'), float('$2'); print('%.2f' % (a / b) if b == b and b > 0 else '-')"; }

echo
echo "## 1. Citations on the sample letter ($(wc -c <"$sample") bytes)"
ours=$(criterion_secs phase/cite)
printf '%-32s %10.1f µs  %8.1f MB/s\n' "fcc-notice cite::extract" \
    "$(python3 -c "print($ours * 1e6)")" "$(python3 -c "print($(wc -c <"$sample") / $ours / 1e6)")"
if has_python_module eyecite; then
    theirs=$(python3 - "$sample" <<'EOF'
import sys, time
from eyecite import get_citations
text = open(sys.argv[1], encoding="utf-8").read()
get_citations(text)
n, start = 0, time.perf_counter()
while time.perf_counter() - start < 3:
    get_citations(text)
    n += 1
print((time.perf_counter() - start) / n)
EOF
)
    printf '%-32s %10.1f µs  %8.2f MB/s\n' "eyecite get_citations" \
        "$(python3 -c "print($theirs * 1e6)")" "$(python3 -c "print($(wc -c <"$sample") / $theirs / 1e6)")"
    echo "ratio: fcc-notice is $(ratio "$theirs" "$ours")× eyecite"
else
    echo "eyecite not installed (pip install eyecite): skipped"
fi

echo
echo "## 2. Whole process on each PDF: parse-notice vs pdftotext -layout (median ms of $runs runs)"
if command -v pdftotext >/dev/null && command -v hyperfine >/dev/null; then
    printf '%-12s %14s %19s %7s\n' pdf parse-notice "pdftotext -layout" ratio
    for name in "${pdfs[@]}"; do
        pdf=fixtures/pdf/r-squared-$name.pdf
        json=$(mktemp)
        hyperfine -N -w 5 -r "$runs" --export-json "$json" \
            "$bin $pdf" "pdftotext -layout $pdf -" >/dev/null 2>&1
        read -r ours theirs < <(python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))['results']
print(r[0]['median'] * 1000, r[1]['median'] * 1000)" "$json")
        rm -f "$json"
        printf '%-12s %11.1f ms %16.1f ms %7s\n' "$name" "$ours" "$theirs" "$(ratio "$ours" "$theirs")"
    done
else
    echo "pdftotext or hyperfine not installed (apt-get install poppler-utils hyperfine): skipped"
fi

echo
echo "## 3. Tables: whole parse_pdf (in process) vs pdfplumber extract_tables() on every page"
if has_python_module pdfplumber; then
    printf '%-12s %12s %14s %8s\n' pdf fcc-notice pdfplumber ratio
    for name in "${pdfs[@]}"; do
        pdf=fixtures/pdf/r-squared-$name.pdf
        ours=$(criterion_secs "parse_pdf/$name")
        theirs=$(python3 - "$pdf" <<'EOF'
import sys, time, pdfplumber
def tables(path):
    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_tables()) for page in pdf.pages)
tables(sys.argv[1])
n, start = 0, time.perf_counter()
while time.perf_counter() - start < 3 or n < 3:
    tables(sys.argv[1])
    n += 1
print((time.perf_counter() - start) / n)
EOF
)
        printf '%-12s %9.2f ms %11.1f ms %7s×\n' "$name" "$(python3 -c "print($ours * 1e3)")" \
            "$(python3 -c "print($theirs * 1e3)")" "$(ratio "$theirs" "$ours")"
    done
else
    echo "pdfplumber not installed (pip install pdfplumber): skipped"
fi

echo
echo "## 4. Peak memory of parse-notice on each PDF (maximum resident set size)"
if [ -x /usr/bin/time ]; then
    for name in "${pdfs[@]}"; do
        kb=$(/usr/bin/time -f '%M' "$bin" "fixtures/pdf/r-squared-$name.pdf" 2>&1 >/dev/null | tail -1)
        printf '%-12s %6.1f MB\n' "$name" "$(python3 -c "print($kb / 1024)")"
    done
else
    echo "GNU time not installed (apt-get install time): skipped"
fi
