"""examples/spark_corpus.py in PySpark local mode: the output equals
`dedupe --jsonl` on the same file byte for byte, whatever the partitioning."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys

import pytest

pytest.importorskip("pyspark")

from conftest import REPO  # noqa: E402

EXAMPLE = REPO / "examples" / "spark_corpus.py"


def load_example():
    spec = importlib.util.spec_from_file_location("spark_corpus", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("dedupe test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def parts(folder) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(folder.glob("part-*")))


@pytest.mark.parametrize("partitions", [1, 4, 13])
def test_the_job_equals_the_cli_for_any_partitioning(spark, corpus_jsonl, cli_jsonl_output, tmp_path, partitions):
    example = load_example()
    out = tmp_path / "out"
    documents = example.clean_corpus(spark, str(corpus_jsonl), str(out), partitions)
    assert documents >= 1000
    assert len(list(out.glob("part-*"))) >= partitions
    assert parts(out) == cli_jsonl_output


def test_options_reach_the_executors(spark, cli, corpus_jsonl, tmp_path):
    example = load_example()
    out = tmp_path / "out"
    example.clean_corpus(spark, str(corpus_jsonl), str(out), 3, options={"min_words": 9, "corpus": {"min_documents": 40}})
    expected = cli("--jsonl", "-q", "--min-words", "9", "--corpus-min-documents", "40", str(corpus_jsonl))
    assert parts(out) == expected
    with pytest.raises(ValueError, match="option `min_word`"):
        example.clean_corpus(spark, str(corpus_jsonl), str(tmp_path / "bad"), 3, options={"min_word": 9})


def test_the_script_runs_as_documented(corpus_jsonl, cli_jsonl_output, tmp_path, spark):
    """The README's command, but for the paths, in its own process. It runs
    last and stops the shared session first, so two JVMs never run at once."""
    spark.stop()
    out = tmp_path / "cleaned"
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), str(corpus_jsonl), str(out), "--partitions", "6"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYSPARK_PYTHON": sys.executable},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert re.search(r"cleaned \d{4} documents into", done.stderr), done.stderr[-3000:]
    assert parts(out) == cli_jsonl_output
