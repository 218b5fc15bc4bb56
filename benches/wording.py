#!/usr/bin/env python3
"""Scrape noise in wordings the catalogue was not written from (issue 14's
"held-out phrasing", one line at a time). Python 3.11 standard library only.

Each line of a set is put, alone, between two paragraphs of the seed article
(fixtures/rudd-windrush.expected.txt, its first six paragraphs), and the page
is cleaned with BIN. A noise line should go; a prose line (look-alike prose:
"Sign up rates fell...", "Subscribers pay $2.99 a month...") should stay; no
article paragraph may go.

    python3 benches/wording.py target/release/dedupe            # every set
    python3 benches/wording.py target/release/dedupe c          # one set
    python3 benches/wording.py target/release/dedupe c --flags '--extend-select page-model'

The sets (benches/wording/, see its README.md) were written by hand, not
taken from bench-dev; which set was seen while which patterns were written
is recorded there, so a number is only "held out" for the patterns written
before its set.
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "benches" / "wording"


def article() -> list[str]:
    text = (ROOT / "fixtures" / "rudd-windrush.expected.txt").read_text(encoding="utf-8")
    return [p for p in text.split("\n\n") if p.strip()][:6]


def clean(binary: str, flags: list[str], paragraphs: list[str]) -> list[str]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as page:
        page.write("\n\n".join(paragraphs) + "\n")
    try:
        out = subprocess.run(
            [binary, *flags, "-q", page.name, "--stdout"], capture_output=True, text=True, check=False
        ).stdout
    finally:
        Path(page.name).unlink()
    return [p for p in out.strip().split("\n\n") if p.strip()]


def score(binary: str, flags: list[str], lines: list[str]) -> tuple[list[str], list[str], int]:
    """The lines removed, the lines kept, and how many article paragraphs went."""
    base = article()
    removed, kept, lost = [], [], 0
    for k, line in enumerate(lines):
        at = 2 + k % (len(base) - 2)
        page = base[:at] + [line] + base[at:]
        out = clean(binary, flags, page)
        (kept if line in out else removed).append(line)
        lost += sum(1 for p in base if p not in out)
    return removed, kept, lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("sets", nargs="*", help="set letters (default: all)")
    parser.add_argument("--flags", default="", help="extra dedupe flags")
    args = parser.parse_args()
    flags = shlex.split(args.flags)
    letters = args.sets or sorted({p.name[0] for p in SETS.glob("?-*.txt")})
    failed = False
    for letter in letters:
        for kind in ("noise", "prose"):
            path = SETS / f"{letter}-{kind}.txt"
            if not path.exists():
                continue
            lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
            removed, kept, lost = score(args.binary, flags, lines)
            print(f"{path.name}: removed {len(removed)}/{len(lines)}, article paragraphs lost {lost}")
            for line in kept if kind == "noise" else removed:
                print(f"    {'kept' if kind == 'noise' else 'REMOVED'}: {line}")
            failed |= lost > 0 or (kind == "prose" and bool(removed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
