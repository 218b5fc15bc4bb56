#!/usr/bin/env python3
"""Gold paragraphs each rule removes, over bench-dev's inputs (issue 14's
precision: "removing a real paragraph is far worse than leaving a duplicate
in"). Python 3.11 standard library only.

For every input of the tracks read (`ext`'s pages, dev's page dumps, and
with --dev-all dev's `dups` and `real-readability` too), BIN is run twice:
`--check --format json` for the removals and their lines, `--stdout` for the
clean copy. A removed paragraph counts when it has at least --min-words
words, its text is in the input's gold, and the clean copy does not hold it
(a removed exact copy whose twin stays has lost nothing). Texts are
compared with their whitespace evened out, so a removal that the gold
rewrites (a URL the gold spells out) is not counted. The summary gives, for
each rule, the paragraphs and words counted; --show RULE lists them.

    python3 benches/gold_removed.py target/release/dedupe
    python3 benches/gold_removed.py target/release/dedupe --show near-duplicate
    python3 benches/gold_removed.py target/release/dedupe --assign FOLDS/assign.tsv

With --assign (`train_builtin folds`' map from an input's SHA-256 to its
fold's model), each input is cleaned with the model that never saw its
site, as benches/fold_cmd.sh does. At stop 54 this listing (default seed's
fold models) showed the near-duplicate rule taking the same step under each
language's tab of `ext` 0681, which `matching::puts_other_names` now keeps.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import hashlib
import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench-dev" / "data"


def even(text: str) -> str:
    return " ".join(text.split())


def inputs(dev_all: bool) -> list[Path]:
    tracks = ["real-dump"] + (["dups", "real-readability"] if dev_all else [])
    files = sorted((DATA / "ext" / "ext" / "real-dump" / "in").glob("*.txt"))
    for track in tracks:
        files += sorted((DATA / "dev" / track / "in").glob("*.txt"))
    return files


def lost(binary: str, models: dict[str, str] | None, path: Path, min_words: int):
    """(rule, words, text) of each gold paragraph the clean copy of `path` loses."""
    flags = []
    if models is not None:
        flags = ["--model", models[hashlib.sha256(path.read_bytes()).hexdigest()]]

    def run(*args: str) -> str:
        command = [binary, *flags, str(path), *args]
        return subprocess.run(command, capture_output=True, text=True).stdout

    # One JSON object a line; str.splitlines would also break at the
    # Unicode separators a paragraph's text may hold.
    report = json.loads(run("--check", "--format", "json").split("\n")[0])
    clean = even(run("--stdout"))
    gold = even((path.parent.parent / "gold" / path.name).read_text(errors="replace"))
    # Lines as dedupe counts them: a lone CR ends one too.
    lines = re.split(r"\r\n|\r|\n", path.read_text(errors="replace"))
    found = []
    for removal in report.get("removals", []):
        span = removal["lines"]
        text = even(" ".join(lines[span["start"] - 1 : span["end"]]))
        words = len(text.split())
        if words >= min_words and text in gold and text not in clean:
            found.append((removal["rule"], words, f"{path.parent.parent.name}/{path.name}: {text}"))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--assign", help="fold map from train_builtin folds (assign.tsv)")
    parser.add_argument("--dev-all", action="store_true", help="read dev's dups and real-readability too")
    parser.add_argument("--min-words", type=int, default=4)
    parser.add_argument("--show", action="append", default=[], help="list the paragraphs of RULE")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    models = None
    if args.assign:
        models = dict(line.split()[:2] for line in Path(args.assign).read_text().splitlines() if line.strip())
    paragraphs: collections.Counter[str] = collections.Counter()
    words: collections.Counter[str] = collections.Counter()
    shown: dict[str, list[str]] = collections.defaultdict(list)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        jobs = [pool.submit(lost, args.binary, models, path, args.min_words) for path in inputs(args.dev_all)]
        for job in jobs:
            for rule, count, text in job.result():
                paragraphs[rule] += 1
                words[rule] += count
                shown[rule].append(text)
    print("| rule | gold paragraphs removed | words |")
    print("|---|---|---|")
    for rule, count in words.most_common():
        print(f"| {rule} | {paragraphs[rule]} | {count} |")
    for rule in args.show:
        print(f"\n{rule}:")
        for text in shown[rule]:
            print(f"  {text[:160]}")


if __name__ == "__main__":
    main()
