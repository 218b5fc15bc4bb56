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
    /// Each level's (feature, threshold), the first level first.
    fn splits(&self) -> impl Iterator<Item = (u8, f32)> + '_ {
        self.features
            .iter()
            .copied()
            .zip(self.thresholds.iter().copied())
    }

    /// The leaf `dense` reaches, level by level: what [`Scorer`] gives
    /// for all the trees at once.
    #[cfg(test)]
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
    scorer: Scorer,
}

impl PageTrees {
    fn new(trees: Vec<Tree>) -> PageTrees {
        let scorer = Scorer::new(&trees);
        PageTrees { trees, scorer }
    }

    pub fn is_empty(&self) -> bool {
        self.trees.is_empty()
    }

    /// What the trees add to a paragraph's logit: each tree's leaf, summed
    /// in the trees' order.
    pub fn score(&self, dense: &[f32; DENSE]) -> f32 {
        let scorer = &self.scorer;
        let mut leaf_bits = [0u64; MASK_WORDS];
        for chunk in &scorer.chunks {
            let value = dense[chunk.feature];
            // The thresholds below the value, by halves: they rise, and
            // the last is infinite, so at most `CHUNK - 1`.
            let mut rank = 0;
            for step in [8, 4, 2, 1] {
                rank += if value > chunk.thresholds[rank + step - 1] {
                    step
                } else {
                    0
                };
            }
            for (bits, mask) in leaf_bits
                .iter_mut()
                .zip(&scorer.masks[chunk.first_mask + rank])
            {
                *bits |= mask;
            }
        }
        let mut sum = 0.0;
        for (mut bits, trees) in leaf_bits.into_iter().zip(self.trees.chunks(TREES_A_WORD)) {
            for tree in trees {
                sum += tree.leaves[bits as usize % LEAVES];
                bits >>= DEPTH;
            }
        }
        sum
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
        if count > MAX_TREES {
            return Err(format!("{count} trees, more than {MAX_TREES}"));
        }
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
        Ok(PageTrees::new(trees))
    }
}

/// Trees a model holds at most: their leaf indices fill [`MASK_WORDS`]
/// words of [`Scorer`] masks.
pub const MAX_TREES: usize = 64;

/// Trees whose leaf indices one `u64` holds, [`DEPTH`] bits each.
const TREES_A_WORD: usize = 64 / DEPTH;
const MASK_WORDS: usize = MAX_TREES / TREES_A_WORD;

/// A [`ThresholdChunk`]'s thresholds and the infinity after them, which
/// lets four halvings rank a value: a feature with more than `CHUNK - 1`
/// thresholds is split into several chunks, each ranked alone.
const CHUNK: usize = 16;

/// The forest arranged for scoring, QuickScorer's way (Lucchese et al.,
/// 2015) for oblivious trees: a split is `value > threshold`, so one
/// count of the thresholds a feature's value is above answers every split
/// on that feature, and the answers are bits of the trees' leaf indices,
/// which a mask a count ORs in. A paragraph then costs, for each of the
/// built-in model's 18 split features, a binary search of its thresholds
/// and an OR of four words, and a lookup a tree; reading each tree's levels
/// cost 2,230 instructions a paragraph for its 60 trees, a seventh of the
/// model's cost (callgrind over the speed benchmark's first copy).
#[derive(Debug, Clone, Default, PartialEq)]
struct Scorer {
    chunks: Vec<ThresholdChunk>,
    /// Row `first_mask + rank` of a chunk: the leaf bits its splits set
    /// for a value above `rank` of its thresholds.
    masks: Vec<[u64; MASK_WORDS]>,
}

/// Up to `CHUNK - 1` of a feature's distinct split thresholds, rising,
/// padded with infinity (which no value is above).
#[derive(Debug, Clone, PartialEq)]
struct ThresholdChunk {
    feature: usize,
    thresholds: [f32; CHUNK],
    first_mask: usize,
}

impl Scorer {
    /// At most [`MAX_TREES`] trees: [`PageTrees::from_bytes`] and [`fit`]
    /// see to that.
    fn new(trees: &[Tree]) -> Scorer {
        let mut scorer = Scorer::default();
        for feature in 0..TREE_FEATURES {
            let mut thresholds: Vec<f32> = trees
                .iter()
                .flat_map(|tree| tree.splits())
                // A level that did not split sends every value left.
                .filter(|&(f, threshold)| usize::from(f) == feature && threshold < f32::INFINITY)
                .map(|(_, threshold)| threshold)
                .collect();
            thresholds.sort_by(f32::total_cmp);
            thresholds.dedup_by(|a, b| a == b);
            for chunk in thresholds.chunks(CHUNK - 1) {
                let first_mask = scorer.masks.len();
                for rank in 0..=chunk.len() {
                    let mut mask = [0u64; MASK_WORDS];
                    for (i, tree) in trees.iter().enumerate() {
                        for (level, (f, threshold)) in tree.splits().enumerate() {
                            // Above `rank` thresholds: above this one if
                            // it is among them.
                            if usize::from(f) == feature && chunk[..rank].contains(&threshold) {
                                let bit = DEPTH * (i % TREES_A_WORD) + DEPTH - 1 - level;
                                mask[i / TREES_A_WORD] |= 1 << bit;
                            }
                        }
                    }
                    scorer.masks.push(mask);
                }
                let mut padded = [f32::INFINITY; CHUNK];
                padded[..chunk.len()].copy_from_slice(chunk);
                scorer.chunks.push(ThresholdChunk {
                    feature,
                    thresholds: padded,
                    first_mask,
                });
            }
        }
        scorer
    }
}

/// Training paragraphs for [`fit`]: each one's page features, the logit the
/// trees start from (the logistic model's, out of fold) and its label.
pub struct Rows<'a> {
    pub dense: Vec<&'a [f32; DENSE]>,
    pub margins: Vec<f32>,
    pub noise: Vec<bool>,
}

/// `rounds` trees (at most [`MAX_TREES`]) fitted by gradient boosting on the log loss (second
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
    let rounds = rounds.min(MAX_TREES);
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
    PageTrees::new(trees)
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
        // More trees than the scorer's masks hold are refused, not cut.
        let tree_bytes = (bytes.len() - 4) / 60;
        let mut many = ((MAX_TREES + 1) as u32).to_le_bytes().to_vec();
        for _ in 0..=MAX_TREES {
            many.extend_from_slice(&bytes[4..4 + tree_bytes]);
        }
        assert!(
            PageTrees::from_bytes(&many)
                .unwrap_err()
                .contains("more than 64")
        );
        many[..4].copy_from_slice(&(MAX_TREES as u32).to_le_bytes());
        many.truncate(many.len() - tree_bytes);
        assert_eq!(PageTrees::from_bytes(&many).unwrap().trees.len(), MAX_TREES);
    }

    /// The scorer's masks give each tree the leaf its levels give it, for
    /// values on, between and beyond the thresholds, NaN, levels that did
    /// not split, a feature split on twice in a tree, and a feature with
    /// more thresholds than a chunk holds (feature 0: 37 at level 0 alone).
    #[test]
    fn the_scorer_reaches_the_leaves_the_levels_reach() {
        let values = [
            -1.0,
            0.0,
            0.25,
            0.3,
            0.5,
            0.75,
            1.0,
            1.2,
            2.0,
            f32::NAN,
            f32::INFINITY,
        ];
        let trees: Vec<Tree> = (0..MAX_TREES as u8 - 3)
            .map(|t| Tree {
                features: [0, (t + 1) % 3, t % 3, 5],
                thresholds: [
                    f32::from(t) / 20.0 - 0.5,
                    0.5,
                    values[usize::from(t / 3) % 9],
                    if t % 4 == 0 { f32::INFINITY } else { 0.25 },
                ],
                leaves: std::array::from_fn(|leaf| f32::from(t) + leaf as f32 / 16.0),
            })
            .collect();
        let forest = PageTrees::new(trees.clone());
        for a in values {
            for b in values {
                let mut dense = [0.0; DENSE];
                (dense[0], dense[1], dense[2], dense[5]) = (a, b, b, a);
                let by_levels: f32 = trees
                    .iter()
                    .map(|tree| tree.leaves[tree.leaf(&dense)])
                    .sum();
                assert_eq!(
                    forest.score(&dense).to_bits(),
                    by_levels.to_bits(),
                    "{a} {b}"
                );
            }
        }
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
