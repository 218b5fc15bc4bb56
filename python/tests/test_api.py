"""The Python API against the CLI, byte for byte, on real text."""

from __future__ import annotations

import json
import math
import threading
import time
from pathlib import Path

import pytest

import dedupe_text
from conftest import REPO, corpus
from dedupe_text import Cleaner, CorpusTable, clean, clean_corpus

FIXTURES = REPO / "fixtures"


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def test_seed_article_is_cleaned_as_the_spec_says():
    cleaned = clean(read(FIXTURES / "rudd-windrush.txt"))
    assert cleaned.text == read(FIXTURES / "rudd-windrush.expected.txt")
    assert cleaned.diff("rudd-windrush.txt") == read(FIXTURES / "rudd-windrush.expected.diff")
    assert [(r.lines, r.rule, r.kept_line) for r in cleaned.removals] == [
        ((9, 9), "caption", 5),
        ((23, 23), "near-duplicate", 37),
        ((25, 25), "near-duplicate", 37),
        ((49, 49), "boilerplate/read-more", None),
    ]
    assert cleaned.removals[0].reason == "caption of line 5 (0.90)"
    assert cleaned.removals[0].text.startswith("Battle for survival: Amber Rudd")
    assert cleaned.removal_counts() == [("near-duplicate", 2), ("boilerplate/read-more", 1), ("caption", 1)]
    assert (cleaned.paragraphs_before, cleaned.paragraphs_after) == (24, 20)
    assert cleaned.changed and not clean(cleaned.text).changed, "idempotent"


@pytest.mark.parametrize("folder", ["dev/dups/in", "dev/real-dump/in", "ext/ext/real-dump/in"])
def test_pages_equal_the_cli_file_by_file(cli, tmp_path, folder):
    """`dedupe --no-corpus --out-dir` on a folder of real pages: every clean copy
    and every diff equals clean(text).text and .diff(path)."""
    data = corpus.BENCH_DEV / "data"
    out = tmp_path / "out"
    cli("--no-corpus", "-q", "--out-dir", str(out), folder, cwd=data)
    pages = sorted((data / folder).glob("*.txt"))
    cleaner = Cleaner()
    results = cleaner.clean_many([read(page) for page in pages])
    assert len(results) == len(pages) > 80
    for page, cleaned in zip(pages, results):
        name = f"{folder}/{page.name}"
        assert cleaned.text == read(out / name), name
        diff = out / f"{name}.diff"
        assert cleaned.diff(name) == (read(diff) if diff.exists() else ""), name


def test_a_batch_equals_the_cli_batch_with_its_corpus_table(cli, tmp_path):
    """clean_corpus counts the batch's table as the CLI does for one run: the
    first 60 documents of the JSONL corpus (real pages, each with the footer
    of one of five sites, so each footer recurs in 12) as a folder."""
    folder = tmp_path / "in"
    folder.mkdir()
    texts = [doc["text"] for doc in corpus.documents()[:60]]
    for number, text in enumerate(texts):
        (folder / f"{number:03}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    cli("-q", "--out-dir", str(out), "in", cwd=tmp_path)
    results = clean_corpus(texts)
    assert sum(r.rule == "corpus-boilerplate" for c in results for r in c.removals) >= 50
    for number, cleaned in enumerate(results):
        assert cleaned.text == read(out / "in" / f"{number:03}.txt"), number


@pytest.mark.parametrize(
    "options, flags",
    [
        ({"min_words": 3}, ["--min-words", "3"]),
        ({"ignore": ["caption", "boilerplate/read-more"]}, ["--ignore", "caption,boilerplate/read-more"]),
        ({"rules": {"ignore": ["page-model"]}}, ["--ignore", "page-model"]),
        ({"select": ["exact-duplicate", "near-duplicate"]}, ["--select", "exact-duplicate,near-duplicate"]),
        ({"thresholds": {"containment": 0.5, "edit_similarity": 0.5}}, ["--containment", "0.5", "--edit-similarity", "0.5"]),
        ({"no_normalize": ["unicode-spaces", "trim_trailing"]}, ["--no-normalize", "unicode-spaces,trim-trailing"]),
    ],
)
def test_options_mean_what_the_cli_flags_mean(cli, options, flags):
    for page in [FIXTURES / "rudd-windrush.txt", *sorted((corpus.BENCH_DEV / "data/dev/dups/in").glob("*.txt"))[:10]]:
        expected = cli(*flags, "--stdout", str(page)).decode()
        assert Cleaner(options).clean(read(page)).text == expected, page.name
        flat = {k: v for section in options.values() if isinstance(section, dict) for k, v in section.items()}
        assert clean(read(page), **(flat or options)).text == expected


def test_patterns_take_the_config_file_shape(cli, tmp_path):
    toml = tmp_path / "dedupe.toml"
    toml.write_text('[[rules.patterns]]\nrule = "boilerplate/mail"\npattern = "the mail on sunday understands.*"\n')
    page = FIXTURES / "rudd-windrush.txt"
    text = read(page) + "\n\nThe Mail on Sunday understands the memo was seen by aides.\n"
    expected = cli("--config", str(toml), "--stdout", "-", input=text.encode(), isolated=False).decode()
    cleaned = clean(text, patterns=[{"rule": "boilerplate/mail", "pattern": "the mail on sunday understands.*"}])
    assert cleaned.text == expected
    assert "The Mail on Sunday understands" not in expected
    assert cleaned.removals[-1].rule == "boilerplate/mail"
    assert clean(text, patterns=[("boilerplate/mail", "the mail on sunday understands.*")]).text == expected


@pytest.mark.parametrize(
    "options, name",
    [
        ({"min_word": 3}, "min_word"),
        ({"thresholds": {"min_word": 3}}, "thresholds.min_word"),
        ({"containment": 1.5}, "containment"),
        ({"edit_similarity": "high"}, "edit_similarity"),
        ({"min_words": -1}, "min_words"),
        ({"min_documents": 1}, "min_documents"),
        ({"corpus": {"min_documents": 1}}, "corpus.min_documents"),
        ({"select": "caption"}, "select"),
        ({"ignore": [3]}, "ignore"),
        ({"no_normalize": ["everything"]}, "no_normalize"),
        ({"patterns": [{"rule": "x", "pattern": "("}]}, "patterns"),
        ({"patterns": [{"rule": "x"}]}, "patterns"),
        ({"rules": ["select"]}, "rules"),
    ],
)
def test_bad_options_raise_value_error_naming_the_option(options, name):
    with pytest.raises(ValueError, match=f"option `{name}`"):
        Cleaner(options)
    if all(not isinstance(v, dict) for v in options.values()):
        with pytest.raises(ValueError, match=f"option `{name}`"):
            clean("text", **options)


def test_a_whole_config_file_is_accepted():
    import tomllib  # Python 3.11+, as on the CI machine

    config = tomllib.loads(
        'include = ["*.txt"]\nexclude = []\n[thresholds]\nmin_words = 8\n'
        '[corpus]\nenabled = false\nmin_files = 3\nmin_documents = 4\n[rules]\nignore = ["caption"]\n'
    )
    assert Cleaner(config).clean(read(FIXTURES / "rudd-windrush.txt")).removals[0].rule == "near-duplicate"
    assert dedupe_text.corpus_settings(**config) == {"enabled": False, "min_files": 3, "min_documents": 4}


def test_clean_many_is_clean_in_input_order_and_releases_the_gil():
    texts = [read(p) for p in sorted((corpus.BENCH_DEV / "data/ext/ext/real-dump/in").glob("*.txt"))]
    cleaner = Cleaner()
    many = cleaner.clean_many(texts * 4)
    assert [c.text for c in many] == [cleaner.clean(t).text for t in texts] * 4
    assert [c.original for c in many] == texts * 4

    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    start = time.perf_counter()
    cleaner.clean_many(texts * 8)
    end = time.perf_counter()
    done.set()
    ticker.join()
    during = [t for t in ticks if start < t < end]
    # With the GIL held for the whole call the other thread could not run at all.
    assert len(during) > 10, (len(during), end - start)


def test_the_table_is_the_clis_table(cli, corpus_jsonl, tmp_path):
    cli_table = tmp_path / "cli.table"
    cli("--jsonl", "-q", "--write-table", str(cli_table), str(corpus_jsonl))
    lines = corpus_jsonl.read_bytes().splitlines()

    whole = CorpusTable()
    assert whole.add_jsonl(lines) == len(lines) - 1  # the blank line is no document
    assert whole.to_bytes() == cli_table.read_bytes()
    assert CorpusTable.read(cli_table) == whole
    assert whole.documents == len(lines) - 1 and len(whole) > 10_000

    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    by_text = CorpusTable()
    by_text.add_many(texts)
    assert by_text == whole

    shards = [CorpusTable() for _ in range(3)]
    for number, line in enumerate(lines):
        shards[number % 3].add_jsonl([line])
    merged = CorpusTable()
    for shard in reversed(shards):
        merged.merge(shard)
    assert merged == whole
    assert CorpusTable.merge_bytes([s.to_bytes() for s in shards]) == cli_table.read_bytes()

    footer = corpus.FOOTERS[0]
    assert whole.documents_with(footer) == sum(1 for t in texts if t.endswith(footer))
    path = tmp_path / "py.table"
    whole.write(path)
    assert path.read_bytes() == cli_table.read_bytes()
    with pytest.raises(ValueError, match="truncated"):
        CorpusTable.from_bytes(path.read_bytes()[:-1])
    with pytest.raises(ValueError, match="not a dedupe table"):
        CorpusTable.from_bytes(b"hello")


def test_clean_jsonl_equals_the_cli_byte_for_byte(cli, corpus_jsonl, cli_jsonl_output, tmp_path):
    data = corpus_jsonl.read_bytes()
    lines = data.splitlines()
    table = CorpusTable()
    table.add_jsonl(lines)
    out = Cleaner(table=table).clean_jsonl(lines)
    assert b"".join(line + b"\n" for line in out) == cli_jsonl_output
    text_lines = data.decode().split("\n")[:-1]
    assert "".join(f"{line}\n" for line in Cleaner(table=table.to_bytes()).clean_jsonl(text_lines)) == cli_jsonl_output.decode()
    footer = corpus.FOOTERS[1].encode()
    assert data.count(footer) > 200 and cli_jsonl_output.count(footer) < data.count(footer) // 4

    # A table file read by path, given to both.
    path = tmp_path / "t.table"
    table.write(path)
    assert cli("--jsonl", "-q", "--table", str(path), str(corpus_jsonl)) == cli_jsonl_output
    assert [*Cleaner(table=path).clean_jsonl(lines)] == out

    alone = cli("--jsonl", "-q", "--no-corpus", str(corpus_jsonl))
    assert b"".join(line + b"\n" for line in Cleaner().clean_jsonl(lines)) == alone != cli_jsonl_output


def test_removals_equal_the_cli_report(cli, corpus_jsonl, tmp_path):
    report = tmp_path / "report.jsonl"
    cli("--jsonl", "-q", "--report", str(report), str(corpus_jsonl))
    lines = [line for line in corpus_jsonl.read_bytes().splitlines() if line.strip()]
    table = CorpusTable()
    table.add_jsonl(lines)
    results = Cleaner(table=table).clean_many([json.loads(line)["text"] for line in lines])
    reported = [json.loads(line) for line in report.read_text().splitlines()]
    assert len(reported) == len(results)
    rules = set()
    for cleaned, entry in zip(results, reported):
        expected = [
            (r["lines"]["start"], r["lines"]["end"], r["rule"], r["kept_line"], r["similarity"], r.get("documents"))
            for r in entry["removals"]
        ]
        got = [
            (r.first_line, r.last_line, r.rule, r.kept_line, None if r.similarity is None else math.floor(r.similarity * 1000 + 0.5) / 1000, r.documents)
            for r in cleaned.removals
        ]
        assert got == expected
        assert (cleaned.paragraphs_before, cleaned.paragraphs_after) == (entry["paragraphs"]["before"], entry["paragraphs"]["after"])
        rules.update(r.rule for r in cleaned.removals)
    assert {"corpus-boilerplate", "exact-duplicate", "near-duplicate", "caption"} <= rules


def test_bad_and_blank_lines_pass_through_as_in_the_cli(cli):
    lines = [b'{"text": 1}', b"", b"not json", b'{"body": "x"}', b'{"text": "a\\u00e9  b\\n"}', b'{"text":"ok"}']
    expected = cli("--jsonl", "-q", "-", input=b"\n".join(lines) + b"\n", ok=(2,))
    assert b"".join(line + b"\n" for line in Cleaner().clean_jsonl(lines)) == expected
    with pytest.raises(ValueError, match="one string"):
        Cleaner().clean_jsonl("{}")
    with pytest.raises(ValueError, match="mix"):
        Cleaner().clean_jsonl(["{}", b"{}"])
