#!/usr/bin/env python3
"""Headlines a cleaning command drops, on bench-dev's page dumps (issue 14:
"headlines removed: none"). Python 3.11 standard library only.

The dev page dumps' gold has no headline, and the `ext` gold (model-written)
keeps it on some pages and not on others, so the shingle F1 cannot tell
whether a headline went. `--split dev` reads the 90 dev page dumps (their
URLs are in the `dups` track's labels, under the same ids), `--split ext`
(the default) the 272 `ext` pages. Here a
page's headline is any input line of 3 to 25 words (not an address: a
share link spells the URL out) holding at least 60% of
the distinct words (three letters or more, not numbers) of the last part of
the page's URL, where that part has three such words or more; a page counts
when it has one. The headline is kept when the command's output has such a
line (whitespace evened out), other than one that quotes another such line
whole (a comment thread's heading, "10 thoughts on “The Headline”"). A URL
slug is not always the headline, so a page in the list may be a false
alarm: read the lines it prints.

    python3 benches/headlines.py 'target/release/dedupe {in} --stdout' [--split dev]
    python3 benches/headlines.py 'target/release/dedupe {in} --extend-select page-model --stdout'
    python3 benches/headlines.py 'sh benches/fold_cmd.sh BIN FOLDS/assign.tsv {in}'
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench-dev" / "data"


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def slug_words(url: str) -> set[str]:
    last = url.rstrip("/").split("/")[-1].rsplit(".", 1)[0]
    return {w for w in words(last) if len(w) > 2 and not w.isdigit()}


def even(text: str) -> str:
    return " ".join(text.split())


QUOTES = "\"'\u2018\u2019\u201c\u201d\u00ab\u00bb\u201e"


def quotes(line: str, other: str) -> bool:
    """Whether `line` holds all of `other` between quotation marks: a
    comment thread's heading ("10 thoughts on “The Headline”") names the
    headline, and keeping it is not keeping the headline."""
    return any(f"{a}{other}{b}" in line for a in QUOTES for b in QUOTES)


def holds(kept_line: str, line: str) -> bool:
    """Whether a line of the output keeps `line`: holds it, not quoted."""
    return line in kept_line and not quotes(kept_line, line)


def headlines(text: str, slug: set[str]) -> list[str]:
    found = []
    for line in text.splitlines():
        line_words = set(words(line))
        if not any(a in line for a in ('://', '%2F', '%2f')) and 3 <= len(words(line)) <= 25 and len(slug & line_words) >= 0.6 * len(slug):
            found.append(even(line))
    return [line for line in found if not any(quotes(line, other) for other in found)]


def pages(split: str) -> list[dict]:
    """Each page's id, kind, URL and input file."""
    if split == "dev":
        labels = DATA / "dev" / "dups" / "labels.jsonl"
        rows = [json.loads(line) for line in labels.open(encoding="utf-8")]
        folder = DATA / "dev" / "real-dump" / "in"
        return [
            {"id": row["id"], "subset": "news", "url": row["url"], "path": folder / f"{row['id']}.txt"}
            for row in rows
        ]
    ext = DATA / "ext" / "ext" / "real-dump"
    rows = [json.loads(line) for line in (ext / "meta.jsonl").open(encoding="utf-8")]
    for row in rows:
        row["path"] = ext / "in" / f"{row['id']}.txt"
    return rows


def check(page: dict, command: str) -> tuple[str, str, bool, str] | None:
    slug = slug_words(page["url"])
    if len(slug) < 3:
        return None
    path = page["path"]
    lines = headlines(path.read_text(encoding="utf-8"), slug)
    if not lines:
        return None
    out = subprocess.run(
        command.replace("{in}", str(path)), shell=True, capture_output=True, text=True
    ).stdout
    kept_lines = [even(line) for line in out.splitlines() if line.strip()]
    kept = any(holds(kept_line, line) for line in lines for kept_line in kept_lines)
    return page["id"], page["subset"], kept, lines[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", help="cleaning command; {in} is the input file")
    parser.add_argument("--split", choices=["dev", "ext"], default="ext")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        checked = pool.map(lambda page: check(page, args.command), pages(args.split))
        results = [result for result in checked if result]
    dropped = [r for r in results if not r[2]]
    print(f"{len(results)} pages with a headline; {len(dropped)} dropped")
    for page_id, kind, _, line in dropped:
        print(f"  {page_id} {kind}: {line[:90]}")


if __name__ == "__main__":
    main()
