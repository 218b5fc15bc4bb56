"""Documents per second on the corpus of tests/corpus.py for the CLI, for
Cleaner.clean_many and for the Spark example in local mode.

    python/.venv/bin/python python/bench.py [--repeat 3] [--partitions 4]

Needs the release CLI (target/release/dedupe) and the wheel installed in the
interpreter that runs it. Each number is the best of --repeat runs; the Spark
time is the two jobs only, after the session has started. CPU seconds (of
this process and the CLI; the Spark JVM's are not counted) are printed beside
the wall time because the machine may be shared.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "tests"))

import corpus  # noqa: E402
import dedupe_text  # noqa: E402


def cpu() -> float:
    """CPU seconds of this process and its finished children: on a shared
    machine the wall clock measures the neighbours too."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best(repeat: int, run) -> tuple[float, float]:
    """The best wall time of `repeat` runs, and the best CPU time."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), cpu()
        run()
        walls.append(time.perf_counter() - start)
        cpus.append(cpu() - start_cpu)
    return min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--cli", default=str(corpus.REPO / "target" / "release" / "dedupe"))
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp())
    path = work / "corpus.jsonl"
    documents = corpus.write_jsonl(path, blank_line=False)
    size = path.stat().st_size
    print(f"corpus: {documents} documents, {size / 1e6:.1f} MB, {os.cpu_count()} cores")
    expected = subprocess.run([args.cli, "--isolated", "--jsonl", "-q", str(path)], capture_output=True, check=True).stdout

    def cli():
        subprocess.run([args.cli, "--isolated", "--jsonl", "-q", str(path), "-o", os.devnull], check=True)

    lines = path.read_bytes().splitlines()
    texts = [json.loads(line)["text"] for line in lines]

    def clean_many():
        table = dedupe_text.CorpusTable()
        table.add_many(texts)
        dedupe_text.Cleaner(table=table).clean_many(texts)

    def clean_jsonl():
        table = dedupe_text.CorpusTable()
        table.add_jsonl(lines)
        out = dedupe_text.Cleaner(table=table).clean_jsonl(lines)
        assert b"".join(line + b"\n" for line in out) == expected

    results = {
        "dedupe --jsonl (CLI)": best(args.repeat, cli),
        "Cleaner.clean_many (+ CorpusTable.add_many)": best(args.repeat, clean_many),
        "Cleaner.clean_jsonl (+ CorpusTable.add_jsonl)": best(args.repeat, clean_jsonl),
    }

    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spec = importlib.util.spec_from_file_location("spark_corpus", corpus.REPO / "examples" / "spark_corpus.py")
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    spark = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    out = work / "spark"

    def spark_job():
        shutil.rmtree(out, ignore_errors=True)
        example.clean_corpus(spark, str(path), str(out), args.partitions)

    results[f"Spark local[2], {args.partitions} partitions (both jobs)"] = best(args.repeat, spark_job)
    assert b"".join(p.read_bytes() for p in sorted(out.glob("part-*"))) == expected
    spark.stop()

    print(f"{'':55} {'wall':>7}   {'docs/s':>7}   {'CPU':>7}")
    for name, (wall, cpu_seconds) in results.items():
        cpu_text = "(JVM)" if name.startswith("Spark") else f"{cpu_seconds:6.2f}s"
        print(f"{name:55} {wall:6.2f}s   {documents / wall:7.0f}   {cpu_text:>7}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
