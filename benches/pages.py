#!/usr/bin/env python3
"""Scores a cleaner on a held-out set of whole pages with their main text, benches/oldweb,
benches/modern, benches/modern2 ... benches/modern15 (see each one's README.md): 4-token-shingle precision, recall and F1 of each
page's clean copy against its gold, their mean over the pages, and the pages whose headline (the
gold's first line) the clean copy lost. Python 3.11 standard library, and jusText for `justext`.

    python3 benches/pages.py oldweb dedupe target/release/dedupe [FLAGS...]
    python3 benches/pages.py modern input     # the pages as they are
    python3 benches/pages.py oldweb justext   # jusText, each line a <p> (pip install justext lxml_html_clean)
    PAGES=even python3 benches/pages.py modern2 dedupe BIN   # the even-numbered pages only (odd, all)
"""
import collections, html, os, re, subprocess, sys
from pathlib import Path

which, mode, *rest = sys.argv[1:]
root = Path(__file__).resolve().parent / which


def tokens(text):
    return re.findall(r"\w+", text.lower())


def shingles(text):
    t = tokens(text)
    return collections.Counter(tuple(t[i:i + 4]) for i in range(max(len(t) - 3, 0)))


def clean(path):
    if mode == "input":
        return path.read_text()
    if mode == "dedupe":
        return subprocess.run([rest[0], "--isolated", *rest[1:], str(path), "--stdout"],
                              capture_output=True, text=True).stdout
    if mode == "justext":
        import justext
        lines = [l for l in path.read_text().split("\n") if l.strip()]
        doc = "<html><body>" + "".join(f"<p>{html.escape(l)}</p>" for l in lines) + "</body></html>"
        kept = [p.text for p in justext.justext(doc.encode(), justext.get_stoplist("English"))
                if not p.is_boilerplate]
        return "\n\n".join(kept)
    raise SystemExit(f"unknown mode {mode}")


norm = lambda s: re.sub(r"\s+", " ", s).strip()
f1s, lost = [], []
half = {"odd": 1, "even": 0}.get(os.environ.get("PAGES", "all"))
for page in sorted((root / "in").glob("*.txt")):
    if half is not None and int(page.stem) % 2 != half:
        continue
    gold_text = (root / "gold" / page.name).read_text()
    out = clean(page)
    g, o = shingles(gold_text), shingles(out)
    tp = sum((g & o).values())
    p = tp / max(sum(o.values()), 1)
    r = tp / max(sum(g.values()), 1)
    f1 = 2 * p * r / (p + r) if tp else 0.0
    f1s.append(f1)
    headline = norm(gold_text.strip().split("\n")[0])
    kept_lines = {norm(l) for l in out.split("\n")}
    if headline not in kept_lines:
        lost.append(page.stem)
    print(f"{page.stem} P {p:.3f} R {r:.3f} F1 {f1:.3f}{'' if headline in kept_lines else '  headline lost'}")
print(f"mean F1 {sum(f1s) / len(f1s):.3f} over {len(f1s)} pages; headline lost on {len(lost)}: {' '.join(lost)}")
