"""Every ```python block of python/README.md runs verbatim."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from conftest import REPO, corpus

README = REPO / "python" / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)


def test_the_readme_has_its_examples():
    assert len(BLOCKS) == 2


@pytest.mark.parametrize("number", range(len(BLOCKS)))
def test_a_readme_example_runs(tmp_path, number):
    shutil.copy(REPO / "fixtures" / "rudd-windrush.txt", tmp_path)
    corpus.write_jsonl(tmp_path / "corpus.jsonl", blank_line=False)
    script = tmp_path / "example.py"
    script.write_text(BLOCKS[number])
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    if number == 0:
        assert "(9, 9) caption caption of line 5 (0.90)" in done.stdout
        assert "option `min_word`" in done.stdout
        footers = int(re.search(r"(\d+) site footers removed", done.stdout).group(1))
        assert footers > 1000
        assert (tmp_path / "rudd-windrush.clean.txt").read_text() == (
            REPO / "fixtures" / "rudd-windrush.expected.txt"
        ).read_text()
    else:
        assert len(list((tmp_path / "tables").glob("*.dedupe-table"))) == 2
        cleaned = b"".join(p.read_bytes() for p in sorted((tmp_path / "cleaned").glob("*")))
        assert cleaned.count(b"\n") > 1000
