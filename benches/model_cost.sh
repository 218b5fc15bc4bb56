#!/bin/sh
# The page model's CPU cost over the rules alone (issue 14's budget: +15%).
#
#   sh benches/model_cost.sh [PAIRS] [BIN] [FOLDER]
#   sh benches/model_cost.sh 9 target/release/dedupe target/bench/corpus
#
# Runs `BIN -q -j1 --check FOLDER` without and with `--extend-select
# page-model`, alternately, PAIRS times, and prints the user+system seconds
# of each run and the median ratio. The ratio is taken within each pair: on
# a shared machine the speed drifts by 10-15% from one minute to the next,
# which best-of-N times of separate batches mistake for a difference. The
# folder is `benches/speed.py`'s corpus (built by `python3 benches/speed.py`).
set -eu
pairs=${1:-9}
bin=${2:-target/release/dedupe}
folder=${3:-target/bench/corpus}

# User + system seconds of one run (the exit status is 1 when --check finds
# something to remove, which is expected here).
seconds() {
    /usr/bin/time -f "%U %S" -o /tmp/model_cost.$$ "$@" >/dev/null 2>&1 || true
    awk 'END { print $1 + $2 }' /tmp/model_cost.$$
}

i=0
while [ "$i" -lt "$pairs" ]; do
    rules=$(seconds "$bin" -q -j1 --check "$folder")
    model=$(seconds "$bin" -q -j1 --check --extend-select page-model "$folder")
    echo "$rules $model"
    i=$((i + 1))
done | awk '
    { rules[NR] = $1; model[NR] = $2; ratio[NR] = $2 / $1
      printf "pair %d: rules %.2f s, model %.2f s, ratio %.3f\n", NR, $1, $2, $2 / $1 }
    function median(a, n,    i, j, t) {
        for (i = 2; i <= n; i++)
            for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
        n = NR
        printf "median: rules %.2f s, model %.2f s, model/rules %.3f\n", median(rules, n), median(model, n), median(ratio, n)
    }'
rm -f /tmp/model_cost.$$
