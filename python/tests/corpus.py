"""A JSONL corpus of real article text for the byte-equality tests and the
throughput numbers.

Every page of the development benchmark (``../shared/bench-dev/data``: the
dups, real-dump and real-readability tracks and the ext pages) and every input
of the repository's ``fixtures/`` becomes two documents: the whole page, and
its second half. Each document then gets the footer of one of five made-up
sites, assigned round-robin, so every footer recurs in hundreds of documents
spread over every partition of any split: exactly what the
``corpus-boilerplate`` rule must find the same way whatever the partitioning.

The lines vary the JSON around the text (key order, spacing, ASCII escapes, a
20-digit integer, a nested object, a blank line) so the tests also show that
everything but the text field comes through byte for byte.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENCH_DEV = Path(os.environ.get("DEDUPE_BENCH_DEV", REPO.parent / "shared" / "bench-dev"))

FOOTERS = [
    "The Harbour Gazette is published by Quay Street Media Ltd, 14 Quay Street, Bristol.",
    "Northern Ledger journalism is funded by readers like you; support independent reporting from two pounds a month.",
    "Valley Times Publishing Group is registered in England and Wales under company number 04512345.",
    "This article was produced by the Coastline Herald newsroom and checked by our standards editor before publication.\n\n"
    "Corrections and clarifications can be sent to the Coastline Herald readers' editor at any time.",
    "Got a story for the Midlands Courier? Contact our news desk by phone or by the form on our website.",
]


def pages() -> list[tuple[str, str]]:
    """(name, text) of every real page, in a fixed order."""
    data = BENCH_DEV / "data"
    if not data.is_dir():
        raise FileNotFoundError(
            f"{data} is missing: the corpus tests need the shared development benchmark "
            "(set DEDUPE_BENCH_DEV to its folder)"
        )
    files = sorted(data.glob("dev/*/in/*.txt")) + sorted(data.glob("ext/*/*/in/*.txt"))
    files += sorted(p for p in (REPO / "fixtures").rglob("*.txt") if "expected" not in p.name)
    out = []
    for path in files:
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        base = data if data in path.parents else REPO
        out.append((path.relative_to(base).as_posix(), text))
    return out


def documents() -> list[dict]:
    """The corpus documents: two per page, each with a site footer."""
    docs = []
    for number, (name, text) in enumerate(pages()):
        paragraphs = [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
        half = "\n\n".join(paragraphs[len(paragraphs) // 2 :])
        for part, body in (("whole", text.rstrip("\n")), ("half", half)):
            if not body.strip():
                continue
            site = len(docs) % len(FOOTERS)
            docs.append(
                {
                    "id": f"{name}#{part}",
                    "site": site,
                    "text": f"{body}\n\n{FOOTERS[site]}",
                }
            )
    return docs


def line(number: int, doc: dict) -> str:
    """One JSONL line, in one of several shapes."""
    shape = number % 4
    if shape == 0:
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    if shape == 1:
        return json.dumps({"text": doc["text"], "id": doc["id"], "n": 12345678901234567890123})
    if shape == 2:
        meta = {"site": doc["site"], "tags": ["news", "é"], "score": 0.1}
        return json.dumps({"id": doc["id"], "meta": meta, "text": doc["text"]}, ensure_ascii=False)
    return json.dumps({"id": doc["id"], "text": doc["text"], "url": f"https://example.com/{number}"}, indent=None)


def write_jsonl(path: Path, blank_line: bool = True) -> int:
    """Writes the corpus to ``path``; returns how many documents it holds."""
    docs = documents()
    lines = [line(number, doc) for number, doc in enumerate(docs)]
    if blank_line:
        lines.insert(len(lines) // 2, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(docs)


def write_compact_jsonl(path: Path, docs: list[dict]) -> None:
    """``{"text":...,"id":...}`` lines in the compact form that serde_json and
    orjson both write, so a reader that parses and writes again (datatrove)
    can give the same bytes as ``dedupe --jsonl``."""
    lines = [
        json.dumps({"text": doc["text"], "id": doc["id"]}, ensure_ascii=False, separators=(",", ":"))
        for doc in docs
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import sys

    count = write_jsonl(Path(sys.argv[1]))
    print(f"wrote {count} documents to {sys.argv[1]}")
