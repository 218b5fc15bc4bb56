//! The corpus rule (`corpus-boilerplate`): a paragraph that recurs in many
//! documents of the batch, at an edge of this one, is the site's template.
//!
//! The table and its file format are in [`crate::corpus`]; this is how a
//! document is counted into it and judged against it, side by side, so that
//! both key paragraphs alike.

use crate::corpus::{DocumentFrequency, TableError, TableSettings, fingerprint};
use crate::key::{Digest, digest, match_key_into, token_count};
use crate::options::Options;
use crate::rules::CORPUS_BOILERPLATE;
use crate::{normalize, segment};
use rustc_hash::FxHashSet;

impl TableSettings {
    /// The settings `options` count with.
    pub fn of(options: &Options) -> Self {
        let n = &options.normalize;
        let canonical = format!(
            "min_words={};html_entities={};unicode_spaces={};invisible={};collapse_spaces={};trim_trailing={};nfc={};markdown={}",
            options.min_words,
            n.html_entities,
            n.unicode_spaces,
            n.invisible,
            n.collapse_spaces,
            n.trim_trailing,
            n.nfc,
            n.markdown
        );
        TableSettings(fingerprint(&digest(&canonical)))
    }
}

impl DocumentFrequency {
    /// Counts one document: each distinct paragraph key of at least
    /// `options.min_words` words once, however often it repeats inside it.
    /// The table's settings are those of its first document; count every
    /// document of a table with the same options.
    pub fn add_document(&mut self, text: &str, options: &Options) {
        self.settings
            .get_or_insert_with(|| TableSettings::of(options));
        self.documents += 1;
        for fingerprint in document_fingerprints(text, options) {
            let count = self.counts.entry(fingerprint).or_default();
            *count = count.saturating_add(1);
        }
    }

    /// Checks that cleaning with `options` may use this table: it was counted
    /// with the same settings (or counted nothing).
    pub fn check_settings(&self, options: &Options) -> Result<(), TableError> {
        match self.settings {
            Some(settings) if settings != TableSettings::of(options) => {
                Err(TableError::OtherSettings)
            }
            _ => Ok(()),
        }
    }
}

/// The distinct fingerprints of a document's paragraphs of at least
/// `min_words` words, found as cleaning finds paragraphs.
fn document_fingerprints(text: &str, options: &Options) -> FxHashSet<u64> {
    let mut key = String::new();
    segment::segment(&normalize::normalize_text(text, &options.normalize))
        .paragraphs
        .iter()
        .filter_map(|paragraph| {
            match_key_into(&paragraph.text, &mut key);
            (token_count(&key) >= options.min_words).then(|| fingerprint(&digest(&key)))
        })
        .collect()
}

/// How a paragraph stands against the corpus, whatever page it is on: the
/// number of words of its key and the number of documents of the table that
/// hold it. A page looked at more than once ([`crate::decide::settled`], the
/// page model's rounds) reads these, made once per paragraph from the
/// digests the fingerprint stage computed, rather than hash every key again
/// at each look.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Recurrence {
    pub tokens: u32,
    pub documents: u32,
}

/// The [`Recurrence`] of each paragraph of a document of `paragraphs`
/// paragraphs, from what the fingerprint stage made of its candidates (every
/// paragraph the catalogue leaves, the only ones this rule judges; the
/// others get the default): each one's index, key word count and key
/// digest. `None` without a corpus or with the rule ignored.
pub fn recurrences<'d>(
    paragraphs: usize,
    candidates: impl Iterator<Item = (usize, usize, &'d Digest)>,
    options: &Options,
) -> Option<Vec<Recurrence>> {
    let corpus = options
        .corpus
        .as_deref()
        .filter(|_| options.rules.enabled(CORPUS_BOILERPLATE))?;
    let mut recurrences = vec![Recurrence::default(); paragraphs];
    for (index, tokens, digest) in candidates {
        recurrences[index] = Recurrence {
            tokens: u32::try_from(tokens).unwrap_or(u32::MAX),
            documents: corpus.table.count(digest),
        };
    }
    Some(recurrences)
}

/// What the corpus rule finds on a page.
#[derive(Debug, Default)]
pub struct CorpusVerdicts {
    /// The paragraphs it takes (indices into the page), each with the number
    /// of documents it recurs in.
    pub removed: Vec<(usize, u32)>,
    /// The paragraphs (indices into the page) that bound the page's opening
    /// and closing runs, when a recurring paragraph is kept for lying
    /// between them. Should a later stage remove one (a pasted copy, say),
    /// that paragraph may open or close the clean copy, and the next run
    /// would take it: the page must be read again.
    pub edge_anchors: Option<(usize, usize)>,
}

/// The paragraphs among `left` (indices into the page, those no other rule
/// took) that the corpus rule takes, each with the number of documents it
/// recurs in. `recurrences` are the page's paragraphs' ([`recurrences`]);
/// without them (no corpus, or the rule ignored) there are none.
///
/// A paragraph goes when it has at least `min_words` words, recurs in at least
/// `min_documents` documents, sits at an edge of the document ([`at_edges`]),
/// and the document is not a syndicated copy ([`syndicated`]): a site footer
/// sits beside the article's own paragraphs, while a syndicated copy shares
/// its article text with the other copies, and is kept whole.
pub fn classify(
    recurrences: Option<&[Recurrence]>,
    left: &[usize],
    options: &Options,
) -> CorpusVerdicts {
    let (Some(corpus), Some(recurrences)) = (options.corpus.as_deref(), recurrences) else {
        return CorpusVerdicts::default();
    };
    let (token_counts, shared): (Vec<usize>, Vec<Option<u32>>) = left
        .iter()
        .map(|&index| {
            let Recurrence { tokens, documents } = recurrences[index];
            let tokens = tokens as usize;
            let shared = (tokens >= options.min_words && documents >= corpus.min_documents)
                .then_some(documents);
            (tokens, shared)
        })
        .unzip();
    let long = token_counts
        .iter()
        .filter(|&&tokens| tokens >= options.min_words)
        .count();
    if syndicated(&shared, long) {
        return CorpusVerdicts::default();
    }
    let (at_edges, anchors) = at_edges(shared, &token_counts, options.min_words);
    CorpusVerdicts {
        removed: at_edges
            .into_iter()
            .zip(left)
            .filter_map(|(documents, &index)| Some((index, documents?)))
            .collect(),
        edge_anchors: anchors.map(|(first, last)| (left[first], left[last])),
    }
}

/// Whether a document is kept whole: it has no recurring paragraph, or none
/// of its own (every long paragraph recurs), or it is a copy of an article
/// syndicated across the corpus. A syndicated copy is told by what it
/// shares: its article text, several paragraphs that recur together in one
/// set of documents (the copies), so in as many documents each. Site
/// boilerplate is one footer or pitch, or blocks that recur in different
/// sets. `shared` holds each paragraph's document count when it recurs, and
/// `long` is the number of paragraphs long enough to count.
///
/// Documents recurring in one set have the same count, so paragraphs are
/// grouped by count: at least two of them recurring together, and no fewer
/// than the paragraphs the document has of its own, make a syndicated copy.
/// A news brief of one paragraph with its site's footer is not one, however
/// short it is, and loses the footer.
fn syndicated(shared: &[Option<u32>], long: usize) -> bool {
    let mut counts: Vec<u32> = shared.iter().flatten().copied().collect();
    let recurring = counts.len();
    let own = long.saturating_sub(recurring);
    if recurring == 0 || own == 0 {
        return true;
    }
    counts.sort_unstable();
    let largest_set = counts
        .chunk_by(|a, b| a == b)
        .map(<[u32]>::len)
        .max()
        .unwrap_or(0);
    largest_set >= 2 && largest_set >= own
}

/// Keeps only the recurring paragraphs in the runs that open and close the
/// document: site boilerplate is page furniture (a masthead, a footer, an
/// "about the author" block), while a paragraph recurring between the
/// article's own paragraphs is far more often content several articles share
/// (a quoted statement, a results list). Short paragraphs and those a
/// built-in rule removed do not break a run. Also returns the first and
/// last of the article's own paragraphs, which bound the runs, when a
/// recurring paragraph between them is kept.
fn at_edges(
    mut shared: Vec<Option<u32>>,
    token_counts: &[usize],
    min_words: usize,
) -> (Vec<Option<u32>>, Option<(usize, usize)>) {
    let content = |i: &usize| token_counts[*i] >= min_words && shared[*i].is_none();
    let first = (0..shared.len()).find(content).unwrap_or(shared.len());
    let last = (0..shared.len()).rev().find(content).unwrap_or(0);
    let mut kept_inside = false;
    for documents in shared.iter_mut().take(last).skip(first) {
        kept_inside |= documents.take().is_some();
    }
    (shared, kept_inside.then_some((first, last)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syndicated_is_told_by_paragraphs_recurring_together() {
        let cases: &[(&[Option<u32>], usize, bool)] = &[
            (&[None, Some(12)], 2, false),
            (&[None, None, None, Some(12)], 4, false),
            (&[Some(6), Some(6), Some(6), Some(12)], 4, true),
            (&[None, Some(6), Some(6), Some(12)], 4, true),
            (&[None, None], 2, true),
            (&[Some(12)], 1, true),
        ];
        for (shared, long, expected) in cases {
            assert_eq!(syndicated(shared, *long), *expected, "{shared:?}");
        }
    }
}
