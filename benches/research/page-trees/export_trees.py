#!/usr/bin/env python3
"""Stop 44's page-trees experiment (see README.md here): for each of 5 folds,
fits LightGBM trees over the held-out rows of the *other* folds (rows written
by the patched `train_builtin dump`), starting from each row's out-of-fold
logit of the linear model, and writes them as `OUT/foldK.trees` for the
patched `dedupe` (`DEDUPE_TREES`).

    python3 export_trees.py FOLD_DIR OUT LEARNING_RATE LEAVES ROUNDS [MAX_DEPTH]

With NESTED=1, fold K's trees are fitted on `FOLD_DIR/nestedK_rowsG.tsv`
(`train_builtin nested`): the other folds' rows under models that never saw
fold K either, so nothing of fold K reaches its trees.

The trees read the page's first 47 dense features only: not the three that
read the rules' removals (which a model may only weigh towards noise) and
not the logit itself. Their leaves add to the logit.
"""
import os
import sys

import lightgbm as lgb
import numpy as np

fold_dir, out = sys.argv[1], sys.argv[2]
learning_rate, leaves, rounds = float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
max_depth = int(sys.argv[6]) if len(sys.argv) > 6 else -1
# A row: name (track:file:fold), index, paragraphs, noise label, words,
# visible, out-of-fold logit, then the 50 dense features.
nested = os.environ.get("NESTED") == "1"


def read(paths):
    rows = [line.rstrip("\n").split("\t") for path in paths for line in open(path)]
    fold = np.array([int(r[0].rsplit(":", 1)[1]) for r in rows])
    label = np.array([int(r[3]) for r in rows])
    logit = np.array([float(r[6]) for r in rows])
    dense = np.array([[float(x) for x in r[7:54]] for r in rows])
    return fold, label, logit, dense


if not nested:
    fold, label, logit, dense = read(f"{fold_dir}/rows{k}.tsv" for k in range(5))
params = dict(objective="binary", learning_rate=learning_rate, num_leaves=leaves, max_depth=max_depth,
              min_data_in_leaf=50, feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1,
              verbose=-1, seed=1)
for k in range(5):
    if nested:
        _, y, margin, x = read(f"{fold_dir}/nested{k}_rows{g}.tsv" for g in range(5) if g != k)
    else:
        train = fold != k
        y, margin, x = label[train], logit[train], dense[train]
    booster = lgb.train(params, lgb.Dataset(x, y, init_score=margin), rounds)
    lines = []
    for tree in booster.dump_model()["tree_info"]:
        nodes, values = [], []

        def walk(node):
            # A leaf is -(its index + 1); a split is its index in `nodes`.
            if "leaf_value" in node:
                values.append(node["leaf_value"])
                return -len(values)
            at = len(nodes)
            nodes.append(None)
            left, right = walk(node["left_child"]), walk(node["right_child"])
            assert node["decision_type"] == "<="
            # Feature 0 is the logit in the patched reader; dense feature j is j + 1.
            nodes[at] = (node["split_feature"] + 1, node["threshold"], left, right)
            return at

        walk(tree["tree_structure"])
        lines.append(f"T {len(nodes)} {len(values)}")
        lines.extend("N %d %r %d %d" % node for node in nodes)
        lines.append("L " + " ".join(repr(v) for v in values))
    with open(f"{out}/fold{k}.trees", "w") as f:
        f.write("\n".join(lines) + "\n")
