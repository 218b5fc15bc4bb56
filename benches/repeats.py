#!/usr/bin/env python3
"""Scores a build on benches/repeats (see its README.md): which paragraphs it removes from each
document against the gold's removals (the scrape copies), as precision and recall over all the
removals, the documents whose clean copy is exactly right, and the documents of natural repeats
only (whose gold removes nothing) that lost a paragraph. Python 3.11 standard library.

    python3 benches/repeats.py target/release/dedupe [FLAGS...]
    SET=repeats2 DOCS=21-40 python3 benches/repeats.py BIN --select exact-duplicate,near-duplicate,caption

SET names the set (benches/repeats by default), DOCS a range of its documents (all by default).
benches/repeats2's gold keeps bylines and datelines, so score it with only the duplicate rules.
"""
import difflib, os, subprocess, sys
from pathlib import Path

root = Path(__file__).resolve().parent / os.environ.get("SET", "repeats")
first, _, last = os.environ.get("DOCS", "1-99").partition("-")
binary, *flags = sys.argv[1:]


def paragraphs(text):
    return [p for p in text.split("\n\n") if p.strip()]


def removed(document, cleaned):
    """The indices of `document`'s paragraphs that `cleaned` does not hold, aligned in order."""
    matcher = difflib.SequenceMatcher(a=document, b=cleaned, autojunk=False)
    return {i for tag, i1, i2, _, _ in matcher.get_opcodes() if tag in ("delete", "replace")
            for i in range(i1, i2)}


tp = fp = fn = exact = 0
natural_hit = []
documents = [path for path in sorted((root / "in").glob("*.txt"))
             if int(first) <= int(path.stem) <= int(last or first)]
for path in documents:
    document = paragraphs(path.read_text())
    gold = removed(document, paragraphs((root / "gold" / path.name).read_text()))
    out = subprocess.run([binary, "--isolated", *flags, str(path), "--stdout"],
                         capture_output=True, text=True).stdout
    got = removed(document, paragraphs(out))
    tp += len(gold & got)
    fp += len(got - gold)
    fn += len(gold - got)
    exact += got == gold
    if got != gold:
        print(f"{path.stem}: removed {sorted(got)}, gold removes {sorted(gold)} (0-based paragraphs)")
        if not gold:
            natural_hit.append(path.stem)
print(f"precision {tp / max(tp + fp, 1):.3f} recall {tp / max(tp + fn, 1):.3f} "
      f"({tp} right, {fp} wrong, {fn} missed); exactly right {exact} of {len(documents)}; "
      f"natural-repeat documents that lost a paragraph: {len(natural_hit)} {' '.join(natural_hit)}")
