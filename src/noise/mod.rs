//! Noise: the paragraphs that are not the article, whatever their copies.
//!
//! Each classifier gives a verdict per paragraph, and [`classify`] combines
//! them in order: the first verdict stands. A classifier sees only the
//! paragraphs that the ones before it left, as the page reads without them.
//!
//! - [`engine`]: the named boilerplate catalogue ("Read more at ...", share
//!   bars, cookie banners) and the user's patterns, one paragraph at a time.
//! - [`navigation`]: the menus at the page's edges, read from its layout.
//! - [`corpus`]: site boilerplate learnt across a batch of documents.
//!
//! One more classifier plugs in here: a function from the paragraphs left to
//! a verdict each, and one more step in [`classify`].

pub mod corpus;
pub mod engine;
pub mod navigation;

use crate::options::Options;
use crate::rules::{CORPUS_BOILERPLATE, NAVIGATION};
use std::num::NonZeroU32;

/// Why a classifier takes a paragraph for noise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict<'r> {
    /// The rule id, e.g. `boilerplate/read-more`.
    pub rule: &'r str,
    /// In how many documents of the corpus the paragraph occurs, for
    /// `corpus-boilerplate`: a table's count, so 32 bits, and never zero,
    /// which keeps a verdict (one per paragraph of a big file, in every
    /// look) at 24 bytes.
    pub documents: Option<NonZeroU32>,
    /// The verdict reads the page's layout (its edges), which the removal of
    /// copies can move: the decisions are checked again on the clean copy.
    pub layout: bool,
}

#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Option<Verdict<'_>>>() == 24);

impl<'r> Verdict<'r> {
    /// A verdict of a rule that reads the paragraph alone.
    pub fn rule(rule: &'r str) -> Self {
        Verdict {
            rule,
            documents: None,
            layout: false,
        }
    }
}

/// The paragraphs a catalogue rule names, by index, in order, with the rule,
/// whether the user enabled it or not (filter with `options.rules`): it does
/// not depend on the paragraphs around it, so a caller that looks at a page
/// several times (see [`classify`]) computes it once. Only the named ones
/// are listed, as most paragraphs are not (a rule for every paragraph was
/// 16 bytes each of a big file's peak).
pub fn catalogue<'r>(texts: &[&str], options: &'r Options) -> Vec<(usize, &'r str)> {
    texts
        .iter()
        .enumerate()
        .filter_map(|(i, text)| Some((i, options.boilerplate.classify(text)?)))
        .collect()
}

/// The noise verdict of every paragraph, `None` for the ones no enabled rule
/// takes: the catalogue's (`catalogue`, from [`catalogue`]), then the page's
/// navigation among what is left, then the corpus among what is left after
/// that. `recurrences` are the paragraphs' standing against the corpus
/// (see [`corpus::classify`]). Also returns the corpus rule's
/// [`corpus::CorpusVerdicts::edge_anchors`].
pub fn classify<'r>(
    texts: &[&str],
    catalogue: Vec<Option<Verdict<'r>>>,
    recurrences: Option<&[corpus::Recurrence]>,
    prose: &navigation::ProseMemo,
    options: &'r Options,
) -> (Vec<Option<Verdict<'r>>>, Option<(usize, usize)>) {
    let mut verdicts = catalogue;
    if options.rules.enabled(NAVIGATION) {
        // The page's edges are found among the paragraphs that stay: a
        // cookie notice that a rule removes must not mark where the article
        // ends, or the next run would find the edge elsewhere.
        let chrome = navigation::chrome_among(
            texts,
            |i| verdicts[i].is_none(),
            |i| verdicts[i].as_ref().map(|verdict| verdict.rule),
            prose,
        );
        for (verdict, is_chrome) in verdicts.iter_mut().zip(chrome) {
            if is_chrome {
                *verdict = Some(Verdict {
                    layout: true,
                    ..Verdict::rule(NAVIGATION)
                });
            }
        }
    }
    let left: Vec<usize> = (0..texts.len())
        .filter(|&i| verdicts[i].is_none())
        .collect();
    let corpus = corpus::classify(recurrences, &left, options);
    for (index, documents) in corpus.removed {
        verdicts[index] = Some(Verdict {
            // A paragraph the corpus takes recurs in `min_documents` or more;
            // only a minimum of 0 lets a count of 0 through, shown as none.
            documents: NonZeroU32::new(documents),
            ..Verdict::rule(CORPUS_BOILERPLATE)
        });
    }
    (verdicts, corpus.edge_anchors)
}
