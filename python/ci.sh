#!/usr/bin/env bash
# CI for the Python package dedupe-text, called from the root's .ci/run:
# lint the binding crate, build the abi3 wheel with maturin, install it into a
# fresh virtual environment (it must work there alone), build the release CLI
# the tests compare with, and run pytest (the Spark test in its own step).
#
# Everything it installs goes into python/.venv (from PyPI, pinned in
# requirements-ci.txt) and target/; Java 17 comes from the system.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
VENV=$HERE/.venv
# One target folder for the CLI and the bindings: they share every dependency.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
# The CLI the tests compare with.
export DEDUPE_BIN=$CARGO_TARGET_DIR/release/dedupe
step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }

step "java"
if ! command -v java >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless
    else
        echo "PySpark needs Java 17: sudo apt-get install openjdk-17-jre-headless" >&2
        exit 2
    fi
fi
java -version 2>&1 | head -1

step "virtual environment"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$HERE/requirements-ci.txt"
export PYO3_PYTHON=$VENV/bin/python

step "cargo fmt and clippy (python/)"
cd "$HERE"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings

step "wheel"
rm -rf "$HERE/dist"
"$VENV/bin/maturin" build --release --locked --out "$HERE/dist"
WHEEL=$(ls "$HERE"/dist/dedupe_text-*-abi3-*.whl)

step "fresh virtual environment installs the wheel"
FRESH=$CARGO_TARGET_DIR/python-fresh-venv
python3 -m venv --clear "$FRESH"
"$FRESH/bin/python" -m pip install -q --disable-pip-version-check "$WHEEL"
(cd / && "$FRESH/bin/python" -c '
import doctest, dedupe_text
failed, tried = doctest.testmod(dedupe_text)
assert tried and not failed, (failed, tried)
print("fresh venv:", dedupe_text.clean("a b c d e f\n\na b c d e f\n").text.strip())')

step "release CLI"
(cd "$ROOT" && cargo build --release --locked)

step "pytest"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$WHEEL"
cd "$HERE/tests"
"$VENV/bin/pytest" -q -c "$HERE/pyproject.toml" --rootdir "$HERE" . --ignore test_spark.py

step "pytest: Spark"
"$VENV/bin/pytest" -q -c "$HERE/pyproject.toml" --rootdir "$HERE" test_spark.py
step "done"
