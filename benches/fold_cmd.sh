#!/bin/sh
# Cleans one benchmark input with the fold model that never saw its site:
#   score.py --cmd 'sh benches/fold_cmd.sh BIN ASSIGN_TSV {in}'
# ASSIGN_TSV (from `examples/train_builtin.rs folds`) maps each input's
# SHA-256 to its fold's model; the scorer renames inputs, so the content
# is the key.
bin=$1 assign=$2 in=$3
hash=$(sha256sum "$in" | cut -c1-64)
model=$(awk -v h="$hash" '$1 == h { print $2; exit }' "$assign")
[ -n "$model" ] || { echo "no fold for $in" >&2; exit 3; }
exec "$bin" --model "$model" "$in" --stdout
