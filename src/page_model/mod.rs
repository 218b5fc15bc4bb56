//! The page model: noise judged in the context of the whole page. A logistic
//! model scores each paragraph that the rule-based stages kept (its shape,
//! its neighbours, its place relative to the article's core and to
//! end-of-article markers, its hashed words), and a two-state
//! (content/noise) sequence model with learned transition costs, decoded by
//! Viterbi, turns the scores into runs: a comment block after the article
//! goes as a run, a short line inside the article stays with its run.
//!
//! It never removes the page's headline (the title-like line just above the
//! core) or the core's longest prose paragraph. The built-in model is trained
//! from `../shared/bench-dev` by `examples/train_builtin.rs` (see
//! `docs/model.md`); `dedupe train` trains one from a user's own pages.

mod decode;
mod features;
mod train;

use std::sync::{Arc, OnceLock};

pub use decode::{ParagraphScore, Verdict, decode as judge_page};
pub use features::{DENSE, MeasuredParagraphs};
pub use train::{TrainOptions, TrainPair, explain, label_paragraphs, train};

/// The rule id of the page model's removals.
pub const PAGE_MODEL: &str = "page-model";

/// The model file's first bytes.
const MAGIC: &[u8; 8] = b"DDPMODL1";

/// The built-in model, trained by `cargo run --release --example train_builtin`.
static BUILTIN: &[u8] = include_bytes!("builtin.model");

/// Pages with fewer paragraphs (after the other rules) are left alone: there
/// is no page to read.
pub const MIN_PARAGRAPHS: usize = 5;

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
    pub hashed: Vec<f32>,
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
    /// The model compiled into the binary, parsed once per process.
    pub fn builtin() -> Arc<PageModel> {
        static MODEL: OnceLock<Arc<PageModel>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                Arc::new(PageModel::from_bytes(BUILTIN).expect("the built-in model is valid"))
            })
            .clone()
    }

    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<PageModel, ModelError> {
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or_else(|| ModelError("not a dedupe page model (bad magic)".into()))?;
        let mut words = rest.chunks_exact(4).map(|c| [c[0], c[1], c[2], c[3]]);
        if rest.len() % 4 != 0 {
            return Err(ModelError("truncated".into()));
        }
        let mut next_u32 = || words.next().map(u32::from_le_bytes);
        let hash_bits = next_u32().ok_or_else(|| ModelError("truncated".into()))?;
        let dense_len = next_u32().ok_or_else(|| ModelError("truncated".into()))? as usize;
        if !(4..=24).contains(&hash_bits) || dense_len != DENSE {
            return Err(ModelError(format!(
                "unsupported layout ({hash_bits} hash bits, {dense_len} dense features; this build reads {DENSE})"
            )));
        }
        let floats: Vec<f32> = std::iter::from_fn(|| next_u32().map(f32::from_bits)).collect();
        let expected = 2 + 4 + 2 + 1 + DENSE + (1 << hash_bits);
        if floats.len() != expected {
            return Err(ModelError(format!(
                "{} weights, expected {expected}",
                floats.len()
            )));
        }
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
            hashed: floats[9 + DENSE..].to_vec(),
        })
    }

    /// The model file's bytes (little-endian, fixed layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + 4 * (9 + DENSE + self.hashed.len()));
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
        for w in head.iter().chain(&self.dense).chain(&self.hashed) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }
}
