#!/bin/sh
# The page model's CPU cost over the rules alone (issue 14's budget: +15%),
# for one build or several side by side.
#
#   sh benches/model_cost.sh ROUNDS FOLDER BIN [BIN...]
#   sh benches/model_cost.sh 7 target/bench/corpus target/release/dedupe
#   sh benches/model_cost.sh 7 target/bench/corpus /tmp/old/dedupe target/release/dedupe
#
# Each round runs, for every BIN in turn, `BIN -q -j1 --check FOLDER` with
# `--ignore page-model` and then with `--extend-select page-model` (the
# default since stop 47; older builds took the model only so), and records user+system
# seconds. It prints each build's medians and the median of its ratios
# (model over rules, within each round). Everything is interleaved because
# on a shared machine the speed drifts by 10-15% from one minute to the
# next: separate sittings of one binary gave ratios from 1.31 to 1.43, so
# only runs taken side by side compare builds. FOLDER is `benches/speed.py`'s
# corpus (built by `python3 benches/speed.py`).
set -eu
[ $# -ge 3 ] || { echo "usage: $0 ROUNDS FOLDER BIN [BIN...]" >&2; exit 2; }
rounds=$1 folder=$2
shift 2
times=$(mktemp)
trap 'rm -f "$times" "$times.run"' EXIT

# User + system seconds of one run (`--check` exits 1 when it finds
# something to remove, which is expected here).
seconds() {
    /usr/bin/time -f "%U %S" -o "$times.run" "$@" >/dev/null 2>&1 || true
    awk 'END { print $1 + $2 }' "$times.run"
}

round=1
while [ "$round" -le "$rounds" ]; do
    for bin in "$@"; do
        rules=$(seconds "$bin" -q -j1 --check --ignore page-model "$folder")
        model=$(seconds "$bin" -q -j1 --check --extend-select page-model "$folder")
        echo "$bin $rules $model" >> "$times"
    done
    round=$((round + 1))
done

awk '
    function least(list,    n, a, i, m) {
        n = split(list, a, " ")
        m = a[1] + 0
        for (i = 2; i <= n; i++) if (a[i] + 0 < m) m = a[i] + 0
        return m
    }
    function median(list,    n, a, i, j, t) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++)
            for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    !($1 in seen) { seen[$1] = 1; order[++builds] = $1 }
    { rules[$1] = rules[$1] " " $2; model[$1] = model[$1] " " $3; ratio[$1] = ratio[$1] " " $3 / $2 }
    END {
        for (b = 1; b <= builds; b++) {
            bin = order[b]
            printf "%s: rules %.2f s, model %.2f s, model/rules %.3f (medians of %d rounds; ratios%s)\n",
                bin, median(rules[bin]), median(model[bin]), median(ratio[bin]), split(ratio[bin], x, " "), ratio[bin]
            printf "%s: fastest rules %.2f s, fastest model %.2f s, model/rules %.3f\n",
                bin, least(rules[bin]), least(model[bin]), least(model[bin]) / least(rules[bin])
        }
    }' "$times"
