#!/bin/bash
# Corpus mode over a folder, then again over its clean copy: what the
# corpus rule takes, and what a second run would still change (README,
# "Limits": corpus mode is nearly a fixed point across runs).
#
#   bash benches/corpus_rerun.sh BIN [FOLDER]
#
# FOLDER defaults to target/bench/corpus (`python3 benches/speed.py` builds
# it: 25 copies of each bench-dev page, copy k with the page's k-th most
# frequent word replaced, so every paragraph recurs in up to 75 documents).
# Prints the first run's `corpus-boilerplate` removals by track, the files
# that lose half their paragraphs or more to it, and the files a second run
# over the first run's `--out-dir` would change.
set -euo pipefail
bin=$(realpath "$1")
folder=${2:-target/bench/corpus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" -q -j2 --check --format json "$folder" > "$work/first.json" || true
"$bin" -q -j2 --out-dir "$work/out" "$folder"
"$bin" -q -j2 --check --format json "$work/out" > "$work/second.json" || true
python3 - "$work" <<'PY'
import collections, json, sys
work = sys.argv[1]
removals, half = collections.Counter(), 0
for line in open(f"{work}/first.json"):
    report = json.loads(line)
    taken = sum(r["rule"] == "corpus-boilerplate" for r in report["removals"])
    track = report["path"].split("/")[-2]
    removals[track] += taken
    half += taken > 0 and 2 * taken >= report["paragraphs"]["before"]
changed = collections.Counter()
for line in open(f"{work}/second.json"):
    report = json.loads(line)
    if report["status"] != "unchanged":
        changed["files"] += 1
        changed.update(r["rule"] for r in report["removals"])
print(f"first run: corpus-boilerplate removals {sum(removals.values())} {dict(removals)}; "
      f"files losing half or more to it: {half}")
print(f"second run: {changed.pop('files', 0)} files would change {dict(changed)}")
PY
