"""Shared fixtures: the release CLI to compare with, and the corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import corpus  # noqa: E402

REPO = corpus.REPO
CLI = Path(os.environ.get("DEDUPE_BIN", REPO / "target" / "release" / "dedupe"))


def run_cli(*args: str, input: bytes | None = None, ok=(0,), cwd=None, isolated=True) -> bytes:
    """Runs the dedupe binary, by default with --isolated (no dedupe.toml is
    picked up); returns stdout, failing the test on an unexpected exit code."""
    if not CLI.is_file():
        pytest.fail(f"{CLI} is missing: build it with `cargo build --release` at the root (or set DEDUPE_BIN)")
    flags = ["--isolated"] if isolated else []
    done = subprocess.run([str(CLI), *flags, *args], input=input, capture_output=True, cwd=cwd)
    assert done.returncode in ok, done.stderr.decode()
    return done.stdout


@pytest.fixture(scope="session")
def cli():
    return run_cli


@pytest.fixture(scope="session")
def corpus_jsonl(tmp_path_factory) -> Path:
    """The >= 1,000-document JSONL corpus of real text (see corpus.py)."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    count = corpus.write_jsonl(path)
    assert count >= 1000
    return path


@pytest.fixture(scope="session")
def cli_jsonl_output(corpus_jsonl) -> bytes:
    """What `dedupe --jsonl` writes for the corpus (with its own corpus table)."""
    return run_cli("--jsonl", "-q", str(corpus_jsonl))
