#!/bin/sh
# benches/fold_cmd.sh with each fold's trees (stop 44's experiment):
#   score.py --cmd 'sh fold_trees.sh PATCHED_BIN ASSIGN_TSV {in} TREES_DIR'
bin=$1 assign=$2 in=$3 trees=$4
hash=$(sha256sum "$in" | cut -c1-64)
model=$(awk -v h="$hash" '$1 == h { print $2; exit }' "$assign")
[ -n "$model" ] || { echo "no fold for $in" >&2; exit 3; }
DEDUPE_TREES="$trees/$(basename "$model" .model).trees" exec "$bin" --model "$model" "$in" --stdout
