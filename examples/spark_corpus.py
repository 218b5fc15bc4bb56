"""Corpus mode of `dedupe --jsonl` on Apache Spark, with the same bytes out.

    python examples/spark_corpus.py corpus.jsonl cleaned/ --partitions 8

Two stages over the same partitions of the input lines:

1. count: each partition counts a CorpusTable of its documents; the tables
   are summed by a tree reduce of their bytes (the CLI's --write-table
   format), so no single task merges every shard;
2. clean: the merged table is broadcast and every partition is cleaned with
   it, line by line as `dedupe --jsonl` does (the text field spliced back in,
   every other byte of the line kept).

A table is a count, so its sum does not depend on the partitioning, and every
document is judged against the same sum: the part files of OUTPUT, in order,
are byte for byte what `dedupe --jsonl corpus.jsonl` writes. As in the CLI, a
corpus of fewer than `min_files` documents is cleaned without a table.

The input is read with Hadoop's TextInputFormat split on "\\n" only (Spark's
textFile would also split on a lone "\\r"); lines must be UTF-8.

Needs `pip install dedupe-text pyspark` and Java 17.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from typing import Any, Iterable, Iterator, Mapping, Optional

from dedupe_text import Cleaner, CorpusTable, corpus_settings

# Lines per call into the library: large enough to use every core of an
# executor, small enough to stream.
CHUNK = 2048


def read_lines(sc, path: str, partitions: int):
    """The lines of a JSONL file, in order, in about `partitions` partitions."""
    conf = {"textinputformat.record.delimiter": "\n"}
    # Split a local input into `partitions` byte ranges (Hadoop moves each
    # boundary to the next line); elsewhere Hadoop's own split size applies.
    if os.path.isfile(path):
        size = os.path.getsize(path)
    elif os.path.isdir(path):
        size = sum(entry.stat().st_size for entry in os.scandir(path) if entry.is_file())
    else:
        size = 0
    if size:
        conf["mapreduce.input.fileinputformat.split.maxsize"] = str(max(1, math.ceil(size / partitions)))
    pairs = sc.newAPIHadoopFile(
        path,
        "org.apache.hadoop.mapreduce.lib.input.TextInputFormat",
        "org.apache.hadoop.io.LongWritable",
        "org.apache.hadoop.io.Text",
        conf=conf,
    )
    return pairs.values()


def chunks(lines: Iterable[str]) -> Iterator[list[str]]:
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def count_partition(lines: Iterable[str], field: str, options: Mapping[str, Any]) -> Iterator[bytes]:
    """Stage 1, per partition: the table of its documents, as bytes."""
    table = CorpusTable()
    for chunk in chunks(lines):
        table.add_jsonl(chunk, field, options)
    yield table.to_bytes()


def merge(a: bytes, b: bytes) -> bytes:
    return CorpusTable.merge_bytes([a, b])


def clean_partition(lines: Iterable[str], field: str, options: Mapping[str, Any], table: Optional[bytes]) -> Iterator[str]:
    """Stage 2, per partition: every line as `dedupe --jsonl` writes it."""
    cleaner = Cleaner(options, table=table)
    for chunk in chunks(lines):
        yield from cleaner.clean_jsonl(chunk, field)


def clean_corpus(spark, input_path: str, output_path: str, partitions: int, field: str = "text", options=None) -> int:
    """Runs both stages; returns how many documents the table counted."""
    options = dict(options or {})
    settings = corpus_settings(**options)  # checks the options before any task runs
    sc = spark.sparkContext
    lines = read_lines(sc, input_path, partitions).cache()

    merged = lines.mapPartitions(lambda part: count_partition(part, field, options)).treeReduce(merge, depth=2)
    documents = CorpusTable.from_bytes(merged).documents
    # The CLI's rule for one batch: a table only when corpus rules are on and
    # the batch has at least min_files documents.
    use_table = settings["enabled"] and documents >= settings["min_files"]
    table = sc.broadcast(merged if use_table else None)

    lines.mapPartitions(lambda part: clean_partition(part, field, options, table.value)).saveAsTextFile(output_path)
    lines.unpersist()
    table.destroy()
    return documents


def main(argv: Optional[list[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="a JSONL file (or a folder of them)")
    parser.add_argument("output", help="a folder to create, with part-NNNNN files")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--field", default="text")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--min-words", type=int, help="as the config file's thresholds.min_words")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    # Executors run this same Python, which has dedupe-text installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master(args.master).appName("dedupe corpus").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    options = {} if args.min_words is None else {"min_words": args.min_words}
    try:
        documents = clean_corpus(spark, args.input, args.output, args.partitions, args.field, options)
    finally:
        spark.stop()
    print(f"cleaned {documents} documents into {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
