#!/usr/bin/env bash
# Whole-process figures of many sales through the `lapak` command line (issue 12), beside the
# machine's own limit measured in the same run:
#   limit       raw_commit_loop: N one-row SQLite inserts of 700 bytes, each its own commit,
#               WAL and synchronous=FULL, in one process
#   sell-batch  the same N sales piped into one `lapak sell-batch` (one PIN check, one commit
#               per sale through StallStore::RecordSale, a receipt line per sale)
#   fixed cost  `lapak sell-batch` with no input: start, open, PIN check
#   sell        M sales as M `lapak sell` processes (start, open, PIN check, one commit each)
# The sales cycle through four kinds on the sample bakso catalog: two items with a 10 %
# discount paid in cash with change; QRIS plus cash; three of an item by transfer; a custom
# amount with a rupiah discount, QRIS plus the rest in cash. Each figure is the wall time of
# the whole process (or the M processes), from outside; each repetition runs limit, batch,
# fixed cost and one-by-one in turn, so that they meet the disk at about the same time.
# Shown: medians over the repetitions, and the median of the repetitions' ratios.
#
# Usage: tests/bench/cli_batch_figures.sh [BUILD_DIR]      (default build/release)
#   LAPAK_BENCH_DIR           where the files go (default build/bench-files: the repository's disk)
#   LAPAK_BENCH_SALES         N (default 2000)
#   LAPAK_BENCH_SINGLE_SALES  M (default 100: each `lapak sell` checks a PIN, ~0.2 s)
#   LAPAK_BENCH_REPETITIONS   (default 5)
#   LAPAK_SAMPLE_DATA         folder of catalog-bakso.csv (default ../shared/data)
set -euo pipefail
build="${1:-build/release}"
lapak="$build/app/cli/lapak"
raw="$build/tests/raw_commit_loop"
data="${LAPAK_SAMPLE_DATA:-$PWD/../shared/data}"
sales="${LAPAK_BENCH_SALES:-2000}"
single_sales="${LAPAK_BENCH_SINGLE_SALES:-100}"
repetitions="${LAPAK_BENCH_REPETITIONS:-5}"
mkdir -p "${LAPAK_BENCH_DIR:-build/bench-files}"
work="$(mktemp -d "${LAPAK_BENCH_DIR:-build/bench-files}/cli-batch-XXXXXX")"
trap 'rm -rf "$work"' EXIT
unset LAPAK_NOW LAPAK_PIN LAPAK_DB

flags=(
  "--item BKS-01:2 --item MNM-01 --discount 10% --pay cash:50000"
  "--item BKS-05 --item MNM-02 --pay qris:20000 --pay cash:10000"
  "--item BKS-02:3 --pay transfer"
  "--custom 15000:Spesial --discount 5000 --pay qris:4000 --pay cash"
)
lines=(
  '{"items":[{"sku":"BKS-01","qty":2},{"sku":"MNM-01"}],"discount":"10%","pay":[{"method":"cash","amount":50000}]}'
  '{"items":[{"sku":"BKS-05"},{"sku":"MNM-02"}],"pay":[{"method":"qris","amount":20000},{"method":"cash","amount":10000}]}'
  '{"items":[{"sku":"BKS-02","qty":3}],"pay":[{"method":"transfer"}]}'
  '{"custom":[{"amount":15000,"name":"Spesial"}],"discount":5000,"pay":[{"method":"qris","amount":4000},{"method":"cash"}]}'
)
for ((i = 0; i < sales; i++)); do echo "${lines[i % 4]}"; done >"$work/sales.jsonl"

new_stall() {  # a fresh stall database at $1 with the bakso catalog
  rm -f "$1" "$1-wal" "$1-shm"
  "$lapak" --db "$1" init --stall-id BKS-07 --stall-name "Bakso Pak Kumis" --terminal-id T1 \
    --owner-pin 9999 --cashier-pin 1234 >/dev/null
  "$lapak" --db "$1" catalog import "$data/catalog-bakso.csv" --pin 9999 >/dev/null
}
now_ns() { date +%s%N; }

limit_ns=() batch_ns=() fixed_ns=() single_ns=()
for ((r = 0; r < repetitions; r++)); do
  start=$(now_ns); "$raw" "$work/raw.db" "$sales"; limit_ns+=($(( $(now_ns) - start )))

  new_stall "$work/batch.db"
  start=$(now_ns)
  "$lapak" --db "$work/batch.db" sell-batch --pin 1234 <"$work/sales.jsonl" >"$work/receipts.jsonl"
  batch_ns+=($(( $(now_ns) - start )))
  recorded=$(grep -c '"receipt"' "$work/receipts.jsonl")
  [ "$recorded" -eq "$sales" ] || { echo "sell-batch recorded $recorded of $sales sales" >&2; exit 1; }

  start=$(now_ns); "$lapak" --db "$work/batch.db" sell-batch --pin 1234 </dev/null; fixed_ns+=($(( $(now_ns) - start )))

  new_stall "$work/single.db"
  start=$(now_ns)
  for ((i = 0; i < single_sales; i++)); do
    read -ra sale <<<"${flags[i % 4]}"
    "$lapak" --db "$work/single.db" sell --pin 1234 "${sale[@]}" >/dev/null
  done
  single_ns+=($(( $(now_ns) - start )))
done

# One row per repetition: µs a sale of the limit, the batch, the batch beyond its fixed cost
# and one by one; the fixed cost in ms; then the three ratios to the limit.
for ((r = 0; r < repetitions; r++)); do
  awk -v l="${limit_ns[r]}" -v b="${batch_ns[r]}" -v f="${fixed_ns[r]}" -v s="${single_ns[r]}" \
    -v n="$sales" -v m="$single_sales" 'BEGIN {
      limit = l / n / 1000; batch = b / n / 1000; beyond = (b - f) / n / 1000; single = s / m / 1000
      printf "%.1f %.1f %.1f %.0f %.1f %.2f %.2f %.1f\n", limit, batch, beyond, single, f / 1e6,
             batch / limit, beyond / limit, single / limit}'
done >"$work/rows"
median() {  # of column $1
  awk -v c="$1" '{print $c}' "$work/rows" | sort -g |
    awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
spread() {  # median of column $1, then $2 (a unit or nothing), then the range
  echo "$(median "$1")${2:+ $2} ($(awk -v c="$1" '{print $c}' "$work/rows" | sort -g | sed -n '1p;$p' | paste -sd-))"
}
per_minute() { awk -v us="$(median "$1")" 'BEGIN {printf "%d", 60e6 / us}'; }

echo "$repetitions repetitions; $sales sales a batch, $single_sales one by one; medians (range)"
echo "limit, a raw SQLite commit a row:  $(spread 1 µs) a commit, $(per_minute 1) a minute"
echo "lapak sell-batch, whole process:   $(spread 2 µs) a sale, $(per_minute 2) a minute; ratio $(spread 6 x)"
echo "  fixed cost (start, open, PIN):   $(spread 5 ms) a batch"
echo "  a sale beyond the fixed cost:    $(spread 3 µs); ratio $(spread 7 x)"
echo "lapak sell, a process a sale:      $(spread 4 µs) a sale, $(per_minute 4) a minute; ratio $(spread 8 x)"
