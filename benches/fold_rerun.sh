#!/bin/bash
# Cleans every bench-dev input with the leave-site-out fold model that never
# saw its site, then cleans that clean copy again with the same model, and
# lists the inputs whose second run changes anything (SPEC §5: cleaning a
# clean copy changes nothing). `tests/golden.rs` checks the same with the
# built-in model; a fold model reads pages it was not trained on, where the
# page model's guards meet shapes the built-in model never removes.
#
#   bash benches/fold_rerun.sh BIN FOLDS/assign.tsv [BENCH]
#
# FOLDS comes from `examples/train_builtin.rs folds` (docs/model.md);
# BENCH defaults to ../shared/bench-dev.
set -euo pipefail
bin=$(realpath "$1") assign=$2 bench=${3:-../shared/bench-dev}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
inputs=0 changed=0
for input in "$bench"/data/dev/*/in/*.txt "$bench"/data/ext/ext/real-dump/in/*.txt; do
    hash=$(sha256sum "$input" | cut -c1-64)
    model=$(awk -v h="$hash" '$1 == h { print $2; exit }' "$assign")
    [ -n "$model" ] || { echo "no fold for $input" >&2; exit 3; }
    "$bin" --model "$model" "$input" --stdout > "$work/first.txt" 2>/dev/null
    "$bin" --model "$model" "$work/first.txt" --stdout > "$work/second.txt" 2>/dev/null
    inputs=$((inputs + 1))
    if ! cmp -s "$work/first.txt" "$work/second.txt"; then
        changed=$((changed + 1))
        echo "changes on a second run: $input"
    fi
done
echo "$changed of $inputs inputs change on a second run"
