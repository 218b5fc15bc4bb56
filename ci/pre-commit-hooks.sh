#!/usr/bin/env bash
# Runs the project's own .pre-commit-hooks.yaml through a real pre-commit, as
# a user's repository would: a scratch repository's .pre-commit-config.yaml
# names this checkout at its HEAD commit, pre-commit builds dedupe with
# `cargo install` once (cached under target/), then both hooks run on staged
# files. Tests the committed hooks, so commit before running it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/target/ci-venv-pre-commit"
[ -x "$venv/bin/pre-commit" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q "pre-commit>=4,<5"; }
export PRE_COMMIT_HOME="$root/target/pre-commit-cache"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
git init -q . && git config user.email ci@example.com && git config user.name ci
p="The council approved the new budget for the coming year on Monday night."
printf 'Budget\n\n%s\n\n%s\n' "$p" "$p" > dirty.txt
printf 'A quiet week\n\nNothing happened in the town this week, and everyone was glad of it.\n' > clean.txt
printf '# Project\n\n%s\n\n%s\n' "$p" "$p" > README.txt   # excluded by the hook's pattern
mkdir drafts && cp dirty.txt drafts/d.txt
printf 'exclude = ["drafts/**"]\n' > dedupe.toml                 # --force-exclude honours it
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $root
    rev: $(git -C "$root" rev-parse HEAD)
    hooks:
      - id: dedupe
        stages: [manual]
      - id: dedupe-fix
        stages: [manual]
YAML
git add -A

try() { "$venv/bin/pre-commit" run --hook-stage manual "$@" 2>&1; }
fail() { echo "pre-commit hooks: $*" >&2; exit 1; }

out=$(try dedupe --files clean.txt README.txt drafts/d.txt) || fail "check failed on clean or excluded files: $out"
out=$(try dedupe --files dirty.txt) && fail "check passed on a dirty file: $out"
echo "$out" | grep -q -- "-$p" || fail "check did not print the diff: $out"
out=$(try dedupe-fix --files dirty.txt) && fail "fix reported no change: $out"
[ "$(cat dirty.txt)" = "$(printf 'Budget\n\n%s' "$p")" ] || fail "fix did not clean dirty.txt: $(cat dirty.txt)"
cmp -s drafts/d.txt README.txt && fail "excluded files were touched"
[ "$(grep -c "$p" drafts/d.txt)" = 2 ] || fail "an excluded file was rewritten"
echo "pre-commit hooks: ok"
