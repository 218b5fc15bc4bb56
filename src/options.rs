//! What tunes a cleaning run, in one value that every stage reads from.
//!
//! It sits below the stages that read it: it only names the settings types
//! of the normalizer, the rule registry, the compiled catalogue, the
//! corpus table and the page model, and defines the matching thresholds itself.

use crate::corpus::CorpusBoilerplate;
use crate::noise::engine::Boilerplate;
use crate::normalize::NormalizeOptions;
use crate::page_model::PageModel;
use crate::rules::RuleFilter;
use std::sync::Arc;

/// Paragraphs with fewer words than this are never removed as duplicates:
/// "Yes." twice in an interview is real.
pub const DEFAULT_MIN_WORDS: usize = 6;

/// Everything that tunes a cleaning run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Which normalization steps run.
    pub normalize: NormalizeOptions,
    /// Paragraphs with fewer words are only removed by a boilerplate rule.
    pub min_words: usize,
    /// Near-duplicate thresholds.
    pub thresholds: Thresholds,
    /// Which rules may remove paragraphs.
    pub rules: RuleFilter,
    /// The boilerplate rules (built-in plus configured patterns), shared by threads.
    pub boilerplate: Arc<Boilerplate>,
    /// Site boilerplate learnt across a batch (see [`crate::DocumentFrequency`]);
    /// `None` cleans each document on its own.
    pub corpus: Option<Arc<CorpusBoilerplate>>,
    /// The page model (rule `page-model`, a default rule since stop 47), run
    /// after the other rules when selected; `None` switches it off whatever
    /// the selection.
    pub page_model: Option<Arc<PageModel>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            normalize: NormalizeOptions::default(),
            min_words: DEFAULT_MIN_WORDS,
            thresholds: Thresholds::default(),
            rules: RuleFilter::default(),
            boilerplate: Arc::new(Boilerplate::builtin()),
            corpus: None,
            page_model: Some(PageModel::builtin()),
        }
    }
}

/// Thresholds that decide what counts as a near duplicate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Share of the shorter paragraph's shingles that must occur in the longer one.
    pub containment: f32,
    /// Word-level edit similarity (1 - distance / longer length) for light edits.
    pub edit_similarity: f32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            containment: 0.8,
            edit_similarity: 0.9,
        }
    }
}
