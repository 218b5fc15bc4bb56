//! The page model: noise judged in the context of the whole page. A logistic
//! model scores each paragraph that the rule-based stages kept (its shape,
//! its neighbours, its place relative to the article's core and to
//! end-of-article markers, its hashed words), and a two-state
//! (content/noise) sequence model with learned transition costs, decoded by
//! Viterbi, turns the scores into runs: a comment block after the article
//! goes as a run, a short line inside the article stays with its run.
//!
//! It never removes the page's headline (the title-like line just above the
//! core) or the core's first long prose paragraph. The built-in model is trained
//! from `../shared/bench-dev` by `examples/train_builtin.rs` (see
//! `docs/model.md`); `dedupe train` trains one from a user's own pages.

mod core_vocabulary;
mod decode;
mod features;
pub(crate) mod hash;
mod removals;
mod train;
mod trees;

use std::sync::{Arc, OnceLock};

pub use decode::{ParagraphScore, Protection, Verdict, decode as judge_page};
pub use features::{DENSE, DENSE_NAMES, MeasuredParagraphs};
pub use train::{TrainOptions, TrainPair, explain, label_paragraphs, noise_rule, train};
pub use trees::PageTrees;

/// The rule id of the page model's removals.
pub const PAGE_MODEL: &str = "page-model";

/// The model file's first bytes, version 6: its hashed features are
/// [`hash::feature`]'s, with a paragraph's opening pair of words, its
/// dense features [`DENSE_NAMES`], with `position-by-words`, and its
/// [`PageTrees`] follow the hashed weights. Versions 1 and 2 name other
/// slots for the same hashed features, version 3 has no
/// `position-by-words`, version 4 no opening pair and version 5 no trees
/// (its weights were fitted without them), so they are refused
/// ([`OLD_MAGIC`]).
const MAGIC: &[u8; 8] = b"DDPMODL6";
/// The first bytes of older model files: version 1 (f32 weights, written
/// before 2026-12-02), version 2 (byte weights, before 2026-12-04),
/// version 3 (one dense feature fewer, stop 40), version 4 (no opening
/// pair, stop 41) and version 5 (no trees, stop 43).
const OLD_MAGIC: [&[u8; 8]; 5] = [
    b"DDPMODL1",
    b"DDPMODL2",
    b"DDPMODL3",
    b"DDPMODL4",
    b"DDPMODL5",
];

/// The built-in model, trained by `cargo run --release --example train_builtin`.
static BUILTIN: &[u8] = include_bytes!("builtin.model");

/// Pages with fewer paragraphs (after the other rules) are left alone: there
/// is no page to read.
pub const MIN_PARAGRAPHS: usize = 5;

/// Texts with more paragraphs (after the other rules) are left alone too:
/// they are no web page but a concatenation, a list or a log. The biggest
/// page bench-dev trains on has 2,528 paragraphs, and the model's page
/// features (the page's paragraphs and words, each paragraph's place on it)
/// would read such a text far outside anything it learnt from. It also
/// bounds what the model adds to a big file's memory: a measure of some 72
/// bytes for each paragraph it reads, which on a million one-character
/// paragraphs took the peak from 74 to 127 times the input's bytes (the
/// opt-in model's figures at stop 44, `benches/memory.sh`).
pub const MAX_PARAGRAPHS: usize = 10_000;

/// A trained page model.
#[derive(Debug, Clone, PartialEq)]
pub struct PageModel {
    /// The hashed table has `1 << hash_bits` slots.
    pub hash_bits: u32,
    /// Noise probability above which a paragraph leans to noise; the
    /// sequence decoding then decides with its run. Higher removes less.
    pub threshold: f32,
    /// Weight of the transition costs against the paragraph scores.
    pub transition_weight: f32,
    /// ln P(next state | state), states content (0) and noise (1).
    pub transitions: [[f32; 2]; 2],
    /// ln P(first state).
    pub start: [f32; 2],
    pub bias: f32,
    pub dense: Vec<f32>,
    pub hashed: HashedWeights,
    /// Boosted trees over the page features, added to the logit.
    pub trees: PageTrees,
}

/// The hashed part of a model: one weight per slot, kept as a signed byte
/// (a step) times one scale for the table.
///
/// Why bytes: scoring looks up three slots per word at random, and the f32
/// table (1 MB at 18 bits) missed this kind of machine's 512 KB per-core L2
/// cache on most of them; at a quarter of the size it stays there, and a
/// run with the model takes about 6% less time (see `docs/model.md`).
///
/// What the rounding costs: each weight moves by at most half a step (the
/// largest weight over 254), and a paragraph's slot values' squares sum to
/// one, so its logit moves by about a hundredth; the leave-site-out scores
/// moved by at most 0.003.
#[derive(Debug, Clone, PartialEq)]
pub struct HashedWeights {
    scale: f32,
    steps: Vec<i8>,
}

impl HashedWeights {
    /// The nearest steps to `weights`, the largest weight at step 127.
    pub fn quantize(weights: &[f32]) -> HashedWeights {
        let largest = weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 { largest / 127.0 } else { 1.0 };
        let steps = weights
            .iter()
            .map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8)
            .collect();
        HashedWeights { scale, steps }
    }

    /// The number of slots.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The weight of `slot`.
    pub fn weight(&self, slot: u32) -> f32 {
        f32::from(self.steps[slot as usize]) * self.scale
    }

    /// [`HashedWeights::step`] of a hash's slot under `mask` (the model's
    /// `hash_bits` low bits), for the sums of a paragraph's many features:
    /// read from the table cut to the mask's length once (`hashed_totals`
    /// over the speed benchmark's first copy: 17.9 M -> 16.8 M
    /// instructions). Each lookup still checks its index against that
    /// length: the compiler cannot tell that a masked index is below it.
    pub(crate) fn masked_steps(&self, mask: u64) -> impl Fn(u64) -> i64 + '_ {
        let steps = &self.steps[..=mask as usize];
        move |hash| i64::from(steps[(hash & mask) as usize])
    }

    /// The step of `slot`, to sum with others: a paragraph's hashed part
    /// of the logit is [`HashedWeights::total`] of its features' steps
    /// summed as integers (every feature of a paragraph carries the same
    /// value), which scoring (`MeasuredParagraphs::page_logits`) and the
    /// logit of a feature vector (`decode::logit`: explanations, training's
    /// out-of-fold scores) sum in any order and get to the bit alike.
    /// Summed as integers, a paragraph's sums cost a third of the f32 sums
    /// of step times value they replace. Fitting itself works on the f32
    /// weights before they are rounded.
    pub(crate) fn step(&self, slot: u32) -> i64 {
        i64::from(self.steps[slot as usize])
    }

    /// The hashed part of a paragraph's logit: `feature_steps`, the sum of
    /// its hashed features' steps, each of the value `value`, and
    /// `removal_steps`, its rules' removals' (of value one), scaled. The
    /// sums are exact as `f32` up to 2^24, a paragraph of some 40,000 words
    /// of steps at their largest.
    pub(crate) fn total(&self, feature_steps: f32, value: f32, removal_steps: i64) -> f32 {
        (feature_steps * value + removal_steps as f32) * self.scale
    }
}

/// An invalid model file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid page model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

impl PageModel {
    /// A model that has learnt nothing: every weight 0 (a table of
    /// `1 << hash_bits` slots), threshold one half, no transitions. Training
    /// starts from it; a test sets the few weights it needs.
    pub fn untrained(hash_bits: u32) -> PageModel {
        PageModel {
            hash_bits,
            threshold: 0.5,
            transition_weight: 0.0,
            transitions: [[0.0; 2]; 2],
            start: [0.0; 2],
            bias: 0.0,
            dense: vec![0.0; DENSE],
            hashed: HashedWeights::quantize(&vec![0.0; 1 << hash_bits]),
            trees: PageTrees::default(),
        }
    }

    /// The model compiled into the binary, parsed once per process.
    pub fn builtin() -> Arc<PageModel> {
        static MODEL: OnceLock<Arc<PageModel>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                Arc::new(PageModel::from_bytes(BUILTIN).expect("the built-in model is valid"))
            })
            .clone()
    }

    /// Reads a model file of this build's version (its first bytes name it).
    pub fn from_bytes(bytes: &[u8]) -> Result<PageModel, ModelError> {
        let truncated = || ModelError("truncated".into());
        let Some(rest) = bytes.strip_prefix(MAGIC.as_slice()) else {
            return Err(ModelError(
                if OLD_MAGIC
                    .iter()
                    .any(|old| bytes.starts_with(old.as_slice()))
                {
                    "written by an older dedupe, whose features this build reads differently: train the model again with this build's `dedupe train`".into()
                } else {
                    "not a dedupe page model (bad magic)".into()
                },
            ));
        };
        let mut words = rest.chunks_exact(4).map(|c| [c[0], c[1], c[2], c[3]]);
        let mut next_u32 = || words.next().map(u32::from_le_bytes).ok_or_else(truncated);
        let hash_bits = next_u32()?;
        let dense_len = next_u32()? as usize;
        if !(4..=24).contains(&hash_bits) || dense_len != DENSE {
            return Err(ModelError(format!(
                "unsupported layout ({hash_bits} hash bits, {dense_len} dense features; this build reads {DENSE}: train the model again with this build's `dedupe train`)"
            )));
        }
        let slots = 1usize << hash_bits;
        // The head, the dense weights and the scale.
        let floats_len = 9 + DENSE + 1;
        let floats: Vec<f32> = (0..floats_len)
            .map(|_| next_u32().map(f32::from_bits))
            .collect::<Result<_, _>>()?;
        let table = &rest[4 * (2 + floats_len)..];
        let Some((table, trees)) = table.split_at_checked(slots) else {
            return Err(ModelError(format!(
                "{} weights, expected {slots}",
                table.len()
            )));
        };
        let trees = PageTrees::from_bytes(trees).map_err(ModelError)?;
        let scale = floats[9 + DENSE];
        if !(scale.is_finite() && scale > 0.0) {
            return Err(ModelError(
                "the weights' scale is not a positive number".into(),
            ));
        }
        let hashed = HashedWeights {
            scale,
            steps: table.iter().map(|&b| b as i8).collect(),
        };
        if floats.iter().any(|w| !w.is_finite()) {
            return Err(ModelError("a weight is not finite".into()));
        }
        Ok(PageModel {
            hash_bits,
            threshold: floats[0],
            transition_weight: floats[1],
            transitions: [[floats[2], floats[3]], [floats[4], floats[5]]],
            start: [floats[6], floats[7]],
            bias: floats[8],
            dense: floats[9..9 + DENSE].to_vec(),
            hashed,
            trees,
        })
    }

    /// The model file's bytes (little-endian, fixed layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + 4 * (10 + DENSE) + self.hashed.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.hash_bits.to_le_bytes());
        out.extend_from_slice(&(DENSE as u32).to_le_bytes());
        let head = [
            self.threshold,
            self.transition_weight,
            self.transitions[0][0],
            self.transitions[0][1],
            self.transitions[1][0],
            self.transitions[1][1],
            self.start[0],
            self.start[1],
            self.bias,
        ];
        for w in head.iter().chain(&self.dense).chain([&self.hashed.scale]) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend(self.hashed.steps.iter().map(|&step| step as u8));
        self.trees.to_bytes(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_moves_each_weight_by_at_most_half_a_step() {
        let weights = [0.0, 1e-4, -0.3, 2.5, -4.0, 0.77];
        let rounded = HashedWeights::quantize(&weights);
        let step = 4.0 / 127.0;
        for (slot, &w) in weights.iter().enumerate() {
            let error = (rounded.weight(slot as u32) - w).abs();
            assert!(error <= step / 2.0 + 1e-6, "{w}: off by {error}");
        }
        assert_eq!(rounded.weight(4), -4.0);
        assert!(HashedWeights::quantize(&[0.0; 3]).weight(1) == 0.0);
    }

    #[test]
    fn truncated_and_damaged_files_are_refused() {
        let bytes = PageModel::builtin().to_bytes();
        for cut in [7, 8, 12, 100, bytes.len() - 1] {
            assert!(
                PageModel::from_bytes(&bytes[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(PageModel::from_bytes(&longer).is_err());
        // The scale: the float after the dense weights.
        let scale_at = 16 + 4 * (9 + DENSE);
        let mut damaged = bytes.clone();
        damaged[scale_at..scale_at + 4].copy_from_slice(&f32::NAN.to_le_bytes());
        assert!(PageModel::from_bytes(&damaged).is_err());
        damaged[scale_at..scale_at + 4].copy_from_slice(&(-1.0f32).to_le_bytes());
        assert!(PageModel::from_bytes(&damaged).is_err());
    }
}
