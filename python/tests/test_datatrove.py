"""The datatrove steps in a real LocalPipelineExecutor: JsonlReader, the
step, JsonlWriter; the output equals `dedupe --jsonl` byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from conftest import corpus  # noqa: E402
from dedupe_text import CorpusTable  # noqa: E402
from dedupe_text.datatrove import DedupeFilter, DedupeTableCounter, merge_tables  # noqa: E402

SHARDS = 3


def text_and_id(writer, document) -> dict:
    """The writer adapter that gives back the input's own shape."""
    return {"text": document.text, "id": document.id}


@pytest.fixture(scope="module")
def shards(tmp_path_factory) -> tuple[Path, Path]:
    """About 400 documents of the corpus in three JSONL shards, and the same
    lines in one file for the CLI. The lines are in the compact form both
    serde_json and orjson write, so datatrove's re-serialization can match."""
    root = tmp_path_factory.mktemp("datatrove")
    docs = corpus.documents()[::3]
    (root / "in").mkdir()
    size = -(-len(docs) // SHARDS)
    for shard in range(SHARDS):
        corpus.write_compact_jsonl(root / "in" / f"{shard}.jsonl", docs[shard * size : (shard + 1) * size])
    whole = root / "whole.jsonl"
    whole.write_bytes(b"".join((root / "in" / f"{shard}.jsonl").read_bytes() for shard in range(SHARDS)))
    return root, whole


def run(pipeline: list, root: Path, name: str) -> None:
    LocalPipelineExecutor(
        pipeline, tasks=SHARDS, workers=2, logging_dir=str(root / "logs" / name), skip_completed=False
    ).run()


def expected_lines(cli_output: bytes) -> bytes:
    """The CLI's output less the documents left empty, which the step drops."""
    return b"".join(line + b"\n" for line in cli_output.splitlines() if json.loads(line)["text"])


def output(folder: Path) -> bytes:
    return b"".join((folder / f"{rank:05d}.jsonl").read_bytes() for rank in range(SHARDS))


def test_filter_without_a_table_equals_the_cli_without_corpus(cli, shards):
    root, whole = shards
    run(
        [
            JsonlReader(str(root / "in")),
            DedupeFilter(),
            JsonlWriter(str(root / "alone"), compression=None, adapter=text_and_id),
            JsonlWriter(str(root / "alone-meta"), compression=None),
        ],
        root,
        "alone",
    )
    cli_output = cli("--jsonl", "-q", "--no-corpus", str(whole))
    assert output(root / "alone") == expected_lines(cli_output)
    assert cli_output != whole.read_bytes()

    report = root / "alone-report.jsonl"
    cli("--jsonl", "-q", "--no-corpus", "--report", str(report), str(whole))
    reported = [json.loads(line) for line in report.read_text().splitlines()]
    written = [json.loads(line) for line in output(root / "alone-meta").splitlines()]
    cli_texts = [json.loads(line)["text"] for line in cli_output.splitlines()]
    kept = [entry for entry, text in zip(reported, cli_texts) if text]
    assert len(written) == len(kept)
    for document, entry in zip(written, kept):
        removals = document["metadata"]["dedupe_removals"]
        assert [(r["lines"], r["rule"], r["kept_line"]) for r in removals] == [
            ([r["lines"]["start"], r["lines"]["end"]], r["rule"], r["kept_line"]) for r in entry["removals"]
        ]


def test_two_passes_with_a_merged_table_equal_the_cli_corpus_mode(cli, shards, tmp_path):
    root, whole = shards
    run([JsonlReader(str(root / "in")), DedupeTableCounter(str(root / "tables"))], root, "count")
    table = merge_tables(str(root / "tables"))
    cli_table = tmp_path / "cli.table"
    cli("--jsonl", "-q", "--write-table", str(cli_table), str(whole))
    assert table.to_bytes() == cli_table.read_bytes()
    assert len(list((root / "tables").glob("*.dedupe-table"))) == SHARDS

    run(
        [
            JsonlReader(str(root / "in")),
            DedupeFilter(table=table, batch_size=64),
            JsonlWriter(str(root / "corpus"), compression=None, adapter=text_and_id),
        ],
        root,
        "corpus",
    )
    cli_output = cli("--jsonl", "-q", str(whole))
    assert output(root / "corpus") == expected_lines(cli_output)
    assert cli_output != cli("--jsonl", "-q", "--no-corpus", str(whole)), "the table removed footers"


def test_a_document_left_empty_is_dropped(shards):
    root, _ = shards
    folder = root / "empty-in"
    folder.mkdir()
    (folder / "0.jsonl").write_text(
        '{"text":"Read more at DailyMail.co.uk","id":"a"}\n{"text":"A real sentence stays in place here.","id":"b"}\n'
    )
    LocalPipelineExecutor(
        [
            JsonlReader(str(folder)),
            DedupeFilter(),
            JsonlWriter(str(root / "empty-out"), compression=None, adapter=text_and_id),
        ],
        tasks=1,
        logging_dir=str(root / "logs" / "empty"),
    ).run()
    assert (root / "empty-out" / "00000.jsonl").read_text() == '{"text":"A real sentence stays in place here.","id":"b"}\n'


def test_bad_options_fail_when_the_pipeline_is_built():
    with pytest.raises(ValueError, match="option `min_word`"):
        DedupeFilter(options={"min_word": 3})
    with pytest.raises(ValueError, match="not a dedupe table"):
        DedupeFilter(table=CorpusTable.from_bytes(b"nope"))
