#!/bin/sh
# The page model's cost in instructions (issue 14's budget: +15% CPU), from
# callgrind: counts drift far less than seconds on this shared machine.
#
#   sh benches/model_instructions.sh BIN [FOLDER]
#   sh benches/model_instructions.sh target/release/dedupe target/bench/corpus/copy00
#
# Runs `BIN -q -j1 --check` under callgrind three ways: over FOLDER (default
# target/bench/corpus/copy00, one copy of each bench-dev page, built by
# `python3 benches/speed.py`) with `--ignore page-model` and with
# `--extend-select page-model` (the default since stop 47; the flag lets
# older builds, where the model was opt-in, be measured the same way),
# and over a one-line file, whose count is the start-up every run pays (the
# catalogue's compile, the built-in model). The model's cost is its extra
# instructions over the rules' after start-up. A build's count moves by up to
# 5 M from one run to the next, more while the machine is busy (the thread
# pool's idle workers spin before they sleep). Spinning only adds
# instructions, so each count is the least of RUNS runs (default 3).
#
# Under valgrind the `sha2` crate finds no SHA extensions and hashes the
# paragraphs' digests in software: 265 M of the rules' 1,444 M to 1,449 M
# instructions (runs differ) over copy00 after start-up, where a CPU with SHA-NI (this machine's)
# spends about 2% of the rules' time there (perf). So the share is printed
# twice: of the rules' count, and of the rules' count without that SHA-256,
# which is the one that tracks CPU time.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 BIN [FOLDER]" >&2; exit 2; }
bin=$1 folder=${2:-target/bench/corpus/copy00}
[ -d "$folder" ] || { echo "no $folder: run python3 benches/speed.py first" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "needs valgrind (callgrind)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "The start-up line." > "$work/one-line.txt"

# Instructions of one run (`--check` exits 1 when it would change a file),
# and of its software SHA-256 (`compress256`, inclusive).
instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$work/out" "$@" >/dev/null 2>&1 || true
    total=$(awk '/^summary:/ { print $2 }' "$work/out")
    sha=$(callgrind_annotate --inclusive=yes "$work/out" 2>/dev/null |
        awk '/sha2::sha256::compress256 \[/ { gsub(",", "", $1); print $1; exit }')
    echo "$total ${sha:-0}"
}

# The least count of RUNS runs (and that run's SHA-256).
least() {
    for _ in $(seq "${RUNS:-3}"); do instructions "$@"; done | sort -n | head -1
}

rules=$(least "$bin" -q -j1 --check --ignore page-model "$folder")
model=$(least "$bin" -q -j1 --check --extend-select page-model "$folder")
start=$(least "$bin" -q -j1 --check "$work/one-line.txt")
echo "$rules $model $start" | awk '{
    r = $1; rsha = $2; m = $3; s = $5
    printf "rules %.1f M (software SHA-256 %.1f M), with the page model %.1f M, start-up %.1f M\n",
        r / 1e6, rsha / 1e6, m / 1e6, s / 1e6
    printf "the model adds %.1f%% after start-up; %.1f%% of the rules without the SHA-256\n",
        100 * (m - r) / (r - s), 100 * (m - r) / (r - s - rsha)
}'
