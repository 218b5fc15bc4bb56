//! Boosted trees over a paragraph's page features, added to the logistic
//! model's logit.
//!
//! The logistic part weighs each dense feature alone, so it cannot say that
//! a short line means one thing on a page whose core is most of it and
//! another on a product page whose core is two sentences; crosses written by
//! hand did not help (`docs/model.md`). Small trees over the same features
//! learn such conditions from the data: on the leave-site-out folds they
//! took `ext` F1 from 0.845 to 0.852 (`docs/model.md`, Results).
//!
//! The trees read the page's features only, never the three that read the
//! rules' removals (`REMOVAL_FEATURES`, which a model may only weigh towards
//! noise): so their sum is part of the page part of the logit, computed
//! once per page view like the rest of it. Each tree is oblivious: one
//! split a level, the same for every node of the level, so scoring a
//! paragraph is [`DEPTH`] independent comparisons a tree whose results
//! are the leaf's index, with no chain of dependent loads.

use super::features::{DENSE, REMOVAL_FEATURES};

/// Levels of each tree: 16 leaves.
const DEPTH: usize = 4;
const LEAVES: usize = 1 << DEPTH;

/// The features the trees may split on: the page's, not the removals'.
const TREE_FEATURES: usize = REMOVAL_FEATURES.start;

/// Cut points per feature at most (quantiles of the training values).
const MAX_CUTS: usize = 32;

/// Fewest training paragraphs on each side of a node's split for the node's
/// gain to count towards its level's split.
const MIN_LEAF: f64 = 50.0;

/// Shrinks each tree's leaves: many small steps generalise better than a
/// few large ones.
const LEARNING_RATE: f64 = 0.1;

/// The leaves' L2 penalty (added to the hessian's sum).
const LAMBDA: f64 = 1.0;

/// One tree: level `l` sends a value of feature `features[l]` above
/// `thresholds[l]` right; a level that did not split has an infinite
/// threshold. The leaf's index is the levels' answers, the first the
/// highest bit.
#[derive(Debug, Clone, PartialEq)]
struct Tree {
    features: [u8; DEPTH],
    thresholds: [f32; DEPTH],
    leaves: [f32; LEAVES],
}

impl Tree {
    fn leaf(&self, dense: &[f32; DENSE]) -> usize {
        let mut leaf = 0;
        for (&feature, &threshold) in self.features.iter().zip(&self.thresholds) {
            leaf = 2 * leaf + usize::from(dense[usize::from(feature)] > threshold);
        }
        leaf
    }
}

/// The trees of a model; none in an untrained one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageTrees {
    trees: Vec<Tree>,
}

impl PageTrees {
    pub fn is_empty(&self) -> bool {
        self.trees.is_empty()
    }

    /// What the trees add to a paragraph's logit.
    pub fn score(&self, dense: &[f32; DENSE]) -> f32 {
        self.trees
            .iter()
            .map(|tree| tree.leaves[tree.leaf(dense)])
            .sum()
    }

    /// The forest's bytes: the tree count, then each tree's split features,
    /// thresholds and leaves (little-endian).
    pub fn to_bytes(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.trees.len() as u32).to_le_bytes());
        for tree in &self.trees {
            out.extend_from_slice(&tree.features);
            for x in tree.thresholds.iter().chain(&tree.leaves) {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
    }

    /// Reads [`PageTrees::to_bytes`]' layout, which must fill `bytes`.
    pub fn from_bytes(bytes: &[u8]) -> Result<PageTrees, String> {
        let (count, mut rest) = bytes.split_first_chunk::<4>().ok_or("truncated")?;
        let count = u32::from_le_bytes(*count) as usize;
        let tree_bytes = DEPTH + 4 * (DEPTH + LEAVES);
        if rest.len() != count * tree_bytes {
            return Err(format!(
                "{} bytes of trees, expected {}",
                rest.len(),
                count * tree_bytes
            ));
        }
        let mut trees = Vec::with_capacity(count);
        while let Some((features, after)) = rest.split_first_chunk::<DEPTH>() {
            let mut floats = after[..4 * (DEPTH + LEAVES)]
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]));
            let thresholds = std::array::from_fn(|_| floats.next().unwrap_or(0.0));
            let leaves = std::array::from_fn(|_| floats.next().unwrap_or(0.0));
            if features.iter().any(|&f| usize::from(f) >= TREE_FEATURES)
                || thresholds.iter().any(|t: &f32| t.is_nan())
                || leaves.iter().any(|l: &f32| !l.is_finite())
            {
                return Err("a tree splits on no page feature or holds no number".into());
            }
            trees.push(Tree {
                features: *features,
                thresholds,
                leaves,
            });
            rest = &after[4 * (DEPTH + LEAVES)..];
        }
        Ok(PageTrees { trees })
    }
}

/// Training paragraphs for [`fit`]: each one's page features, the logit the
/// trees start from (the logistic model's, out of fold) and its label.
pub struct Rows<'a> {
    pub dense: Vec<&'a [f32; DENSE]>,
    pub margins: Vec<f32>,
    pub noise: Vec<bool>,
}

/// `rounds` trees fitted by gradient boosting on the log loss (second
/// order: each leaf the Newton step of its paragraphs), each split chosen
/// among the quantile cut points of a feature. Deterministic: the same rows
/// give the same trees.
pub fn fit(rows: &Rows<'_>, rounds: usize) -> PageTrees {
    let n = rows.dense.len();
    if n == 0 || rounds == 0 {
        return PageTrees::default();
    }
    let cuts: Vec<Vec<f32>> = (0..TREE_FEATURES).map(|f| cut_points(rows, f)).collect();
    // Each row's bin for each feature: the number of cut points below its value.
    let bins: Vec<[u8; TREE_FEATURES]> = rows
        .dense
        .iter()
        .map(|dense| std::array::from_fn(|f| cuts[f].partition_point(|&cut| cut < dense[f]) as u8))
        .collect();
    let mut logits: Vec<f64> = rows.margins.iter().map(|&m| f64::from(m)).collect();
    let mut trees = Vec::with_capacity(rounds);
    let mut node_of = vec![0usize; n];
    let mut gradients = vec![(0.0f64, 0.0f64); n];
    for _ in 0..rounds {
        for ((g, &logit), &noise) in gradients.iter_mut().zip(&logits).zip(&rows.noise) {
            let p = 1.0 / (1.0 + (-logit).exp());
            *g = (p - f64::from(u8::from(noise)), (p * (1.0 - p)).max(1e-6));
        }
        node_of.fill(0);
        let mut tree = Tree {
            features: [0; DEPTH],
            thresholds: [f32::INFINITY; DEPTH],
            leaves: [0.0; LEAVES],
        };
        for level in 0..DEPTH {
            let nodes = 1 << level;
            // (gradient, hessian, count) by node, feature and bin.
            let width = MAX_CUTS + 1;
            let mut histogram = vec![(0.0f64, 0.0f64, 0.0f64); nodes * TREE_FEATURES * width];
            for ((&node, &(g, h)), row_bins) in node_of.iter().zip(&gradients).zip(&bins) {
                let base = node * TREE_FEATURES * width;
                for (f, &bin) in row_bins.iter().enumerate() {
                    let cell = &mut histogram[base + f * width + usize::from(bin)];
                    cell.0 += g;
                    cell.1 += h;
                    cell.2 += 1.0;
                }
            }
            // The level's split: the cut whose gains over the level's nodes
            // sum highest, each node's gain counted where both its sides
            // hold enough paragraphs.
            let mut best: Option<(f64, usize, usize)> = None;
            for (f, feature_cuts) in cuts.iter().enumerate() {
                let mut gains = vec![0.0f64; feature_cuts.len()];
                for node in 0..nodes {
                    let base = node * TREE_FEATURES * width + f * width;
                    let cells = &histogram[base..base + width];
                    let total = cells
                        .iter()
                        .fold((0.0, 0.0, 0.0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
                    let mut left = (0.0, 0.0, 0.0);
                    for (gain, cell) in gains.iter_mut().zip(cells) {
                        left = (left.0 + cell.0, left.1 + cell.1, left.2 + cell.2);
                        let right = (total.0 - left.0, total.1 - left.1, total.2 - left.2);
                        if left.2 >= MIN_LEAF && right.2 >= MIN_LEAF {
                            *gain += score(left) + score(right) - score(total);
                        }
                    }
                }
                for (bin, &gain) in gains.iter().enumerate() {
                    if gain > 1e-9 && best.is_none_or(|(b, _, _)| gain > b) {
                        best = Some((gain, f, bin));
                    }
                }
            }
            if let Some((_, f, bin)) = best {
                tree.features[level] = f as u8;
                tree.thresholds[level] = cuts[f][bin];
            }
            for (node, dense) in node_of.iter_mut().zip(&rows.dense) {
                let right = dense[usize::from(tree.features[level])] > tree.thresholds[level];
                *node = 2 * *node + usize::from(right);
            }
        }
        let mut sums = [(0.0f64, 0.0f64); LEAVES];
        for (i, &node) in node_of.iter().enumerate() {
            sums[node].0 += gradients[i].0;
            sums[node].1 += gradients[i].1;
        }
        for (leaf, (g, h)) in tree.leaves.iter_mut().zip(sums) {
            *leaf = (-g / (h + LAMBDA) * LEARNING_RATE) as f32;
        }
        for (logit, &node) in logits.iter_mut().zip(&node_of) {
            *logit += f64::from(tree.leaves[node]);
        }
        trees.push(tree);
    }
    PageTrees { trees }
}

/// A split's worth: the loss a Newton step saves on (gradient, hessian, _).
fn score((g, h, _): (f64, f64, f64)) -> f64 {
    g * g / (h + LAMBDA)
}

/// Up to [`MAX_CUTS`] values of feature `f` at even quantiles of the rows'
/// values, distinct and rising; a value `<=` a cut point goes left of it.
fn cut_points(rows: &Rows<'_>, f: usize) -> Vec<f32> {
    let mut values: Vec<f32> = rows.dense.iter().map(|dense| dense[f]).collect();
    values.sort_by(f32::total_cmp);
    let mut cuts: Vec<f32> = (1..=MAX_CUTS)
        .map(|q| values[(q * (values.len() - 1)) / (MAX_CUTS + 1)])
        .collect();
    cuts.dedup();
    // The largest value splits nothing off.
    cuts.retain(|&cut| cut < values[values.len() - 1]);
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Noise exactly where feature 3 exceeds 0.5 and feature 7 is 0: a
    /// condition on two features, which no weight of either alone states.
    #[test]
    fn trees_learn_a_condition_on_two_features() {
        let dense: Vec<[f32; DENSE]> = (0..2000)
            .map(|i| {
                let mut d = [0.0; DENSE];
                d[3] = (i % 10) as f32 / 10.0;
                d[7] = ((i / 10) % 2) as f32;
                d
            })
            .collect();
        let noise: Vec<bool> = dense.iter().map(|d| d[3] > 0.5 && d[7] == 0.0).collect();
        let forest = fit(
            &Rows {
                dense: dense.iter().collect(),
                margins: vec![0.0; dense.len()],
                noise: noise.clone(),
            },
            60,
        );
        for (d, noise) in dense.iter().zip(noise) {
            assert_eq!(forest.score(d) > 0.0, noise, "{} {}", d[3], d[7]);
        }
        let mut bytes = Vec::new();
        forest.to_bytes(&mut bytes);
        assert_eq!(PageTrees::from_bytes(&bytes).unwrap(), forest);
        assert!(PageTrees::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    }

    /// The removal features are never split on: a label that only they
    /// tell apart leaves every tree's leaves alike.
    #[test]
    fn trees_never_read_the_removal_features() {
        let dense: Vec<[f32; DENSE]> = (0..400)
            .map(|i| {
                let mut d = [0.0; DENSE];
                d[REMOVAL_FEATURES.start] = (i % 2) as f32;
                d
            })
            .collect();
        let noise: Vec<bool> = (0..400).map(|i| i % 2 == 1).collect();
        let forest = fit(
            &Rows {
                dense: dense.iter().collect(),
                margins: vec![0.0; dense.len()],
                noise,
            },
            10,
        );
        assert_eq!(forest.score(&dense[0]), forest.score(&dense[1]));
    }
}
