#!/usr/bin/env python3
"""Seeds a fuzz corpus with real pages: windows of up to 12 KB (the start
and the middle) of every input of ../shared/bench-dev (dev's three tracks
and ext). The `clean` target's own corpus holds inputs under 5 KB; these
are whole pages' worth of real layout for the page model's rounds.

    python3 fuzz/seed_from_bench.py fuzz/corpus/pages
    cd fuzz && cargo +nightly fuzz run clean corpus/pages -- -max_len=12000

Python 3.11 standard library only.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

WINDOW = 12_000
SHORTEST = 200
DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "bench-dev" / "data"


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    inputs = sorted(DATA.glob("dev/*/in/*.txt")) + sorted(DATA.glob("ext/ext/real-dump/in/*.txt"))
    if not inputs:
        print(f"no bench-dev inputs under {DATA}", file=sys.stderr)
        return 2
    written: set[str] = set()
    for path in inputs:
        data = path.read_bytes()
        for start in (0, max(0, len(data) // 2 - WINDOW // 2)):
            window = data[start : start + WINDOW]
            if len(window) < SHORTEST:
                continue
            name = hashlib.sha1(window).hexdigest()
            (out / name).write_bytes(window)
            written.add(name)
    print(f"{len(written)} distinct windows of {len(inputs)} inputs in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
