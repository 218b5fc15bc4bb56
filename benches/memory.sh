#!/bin/bash
# Peak RSS of one-file runs, as a multiple of the input's bytes, for each
# shape of file the memory bound speaks of (README, "Guarantees").
#
#   benches/memory.sh BIN [BIN...]
#
# Needs target/bench/corpus and target/bench/one.txt, which
# `python3 benches/speed.py` builds. Each run is
# `BIN -q --isolated --no-corpus $DEDUPE_FLAGS FILE -o /dev/null` under
# /usr/bin/time (the default rules, the page model among them since stop 47;
# DEDUPE_FLAGS="--ignore page-model" measures the rules alone, and
# DEDUPE_FLAGS="--extend-select page-model" the model on older builds); %M
# is KiB, so the ratio is KiB x 1024 over the input's bytes.
set -euo pipefail
bench=target/bench
[ -d "$bench/corpus" ] && [ -f "$bench/one.txt" ] || { echo "run python3 benches/speed.py first" >&2; exit 2; }
work="$bench/memory"
mkdir -p "$work"
[ -f "$work/articles.txt" ] || cat "$bench"/corpus/copy*/dups/*.txt "$bench"/corpus/copy*/real-readability/*.txt > "$work/articles.txt"
[ -f "$work/dumps.txt" ] || cat "$bench"/corpus/copy*/real-dump/*.txt > "$work/dumps.txt"
# 30 MB of paragraphs of 20 to 80 random made-up words: article-shaped text
# with no paragraph repeated.
[ -f "$work/unique-prose.txt" ] || python3 - "$work/unique-prose.txt" <<'PY'
import random, sys
rng = random.Random(7)
words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(20000)]
out, size = [], 0
while size < 30_000_000:
    paragraph = " ".join(rng.choice(words) for _ in range(rng.randint(20, 80))).capitalize() + "."
    out.append(paragraph)
    size += len(paragraph) + 2
open(sys.argv[1], "w").write("\n\n".join(out) + "\n")
PY
[ -f "$work/x-paragraphs.txt" ] || python3 -c "import sys; sys.stdout.write('x\n\n' * 1000000)" > "$work/x-paragraphs.txt"
[ -f "$work/numbered-lines.txt" ] || python3 -c "import sys; sys.stdout.write(''.join(f'{i}\n\n' for i in range(1, 1000001)))" > "$work/numbered-lines.txt"
# 20 MB each of distinct one-line paragraphs of about 20 and 30 bytes
# (made-up words, a blank line between): where the per-paragraph cost meets
# SPEC's 10x (README, "Guarantees").
for width in 20 30; do
  [ -f "$work/lines$width.txt" ] || python3 - "$work/lines$width.txt" "$width" <<'PY'
import random, sys
rng = random.Random(3)
width = int(sys.argv[2])
words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(20000)]
out, size = [], 0
while size < 20_000_000:
    line = ""
    while len(line) < width:
        line += rng.choice(words) + " "
    line = line[:width].strip().capitalize()
    out.append(line)
    size += len(line) + 2
open(sys.argv[1], "w").write("\n\n".join(out) + "\n")
PY
done
printf '| input | MB |'; for bin in "$@"; do printf ' %s |' "$bin"; done; echo
for input in articles.txt unique-prose.txt "../one.txt" dumps.txt lines30.txt lines20.txt x-paragraphs.txt numbered-lines.txt; do
  file="$work/$input"
  bytes=$(stat -c %s "$file")
  printf '| %s | %.1f |' "$(basename "$input")" "$(echo "$bytes / 1000000" | bc -l)"
  for bin in "$@"; do
    # shellcheck disable=SC2086 # DEDUPE_FLAGS is a list of flags
    kib=$(/usr/bin/time -f %M "$bin" -q --isolated --no-corpus ${DEDUPE_FLAGS:-} "$file" -o /dev/null 2>&1 >/dev/null | tail -1)
    printf ' %.1f MB (%.2fx) |' "$(echo "$kib * 1024 / 1000000" | bc -l)" "$(echo "$kib * 1024 / $bytes" | bc -l)"
  done
  echo
done
