//! The corpus rule (`corpus-boilerplate`): a paragraph that recurs in many
//! documents of the batch, at an edge of this one, is the site's template.
//!
//! The table and its file format are in [`crate::corpus`]; this is how a
//! document is counted into it and judged against it, side by side, so that
//! both key paragraphs alike.

use crate::corpus::{DocumentFrequency, Place, TableError, TableSettings, fingerprint};
use crate::key::{Digest, Shingle, digest, match_key_into, push_key_shingles, token_count};
use crate::options::Options;
use crate::rules::CORPUS_BOILERPLATE;
use crate::{normalize, segment};
use rustc_hash::{FxHashMap, FxHashSet};

impl TableSettings {
    /// The settings `options` count with.
    pub fn of(options: &Options) -> Self {
        let n = &options.normalize;
        let canonical = format!(
            "min_words={};near={NEAR_BANDS}x{NEAR_ROWS};html_entities={};unicode_spaces={};invisible={};collapse_spaces={};trim_trailing={};nfc={};markdown={}",
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
        let (fingerprints, places) = document_fingerprints(text, options);
        for fingerprint in fingerprints {
            let count = self.counts.entry(fingerprint).or_default();
            *count = count.saturating_add(1);
        }
        for (fingerprint, distance) in places {
            let place = Place::at(distance);
            let total = self.places.entry(fingerprint).or_default();
            total.sum = total.sum.saturating_add(place.sum);
            total.squares = total.squares.saturating_add(place.squares);
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
/// `min_words` words, found as cleaning finds paragraphs: each key's, and
/// each key's [`near_fingerprints`]; and for each key's fingerprint, its
/// distance in paragraphs from the document's nearer end (the least, for a
/// key the document holds more than once).
fn document_fingerprints(text: &str, options: &Options) -> (FxHashSet<u64>, FxHashMap<u64, usize>) {
    let mut key = String::new();
    let mut shingles = Vec::new();
    let mut fingerprints = FxHashSet::default();
    let mut places = FxHashMap::default();
    let paragraphs =
        segment::segment(&normalize::normalize_text(text, &options.normalize)).paragraphs;
    let last = paragraphs.len().saturating_sub(1);
    for (at, paragraph) in paragraphs.iter().enumerate() {
        match_key_into(&paragraph.text, &mut key);
        if token_count(&key) < options.min_words {
            continue;
        }
        let print = fingerprint(&digest(&key));
        fingerprints.insert(print);
        let distance = at.min(last - at);
        places
            .entry(print)
            .and_modify(|least: &mut usize| *least = (*least).min(distance))
            .or_insert(distance);
        shingles.clear();
        push_key_shingles(&key, &mut shingles);
        fingerprints.extend(near_fingerprints(&shingles));
    }
    (fingerprints, places)
}

/// Bands of [`near_fingerprints`]: a paragraph and an edited copy of it
/// share a band, and so a near fingerprint, when the copy's MinHash rows
/// in that band all agree with the paragraph's.
const NEAR_BANDS: usize = 6;

/// MinHash rows per band. With shingles of three words, replacing one word
/// of a 30-word paragraph leaves about 80% of its shingles (Jaccard 0.8),
/// so a band agrees with probability 0.8^3 = 0.51 and one of six bands with
/// 1 - 0.49^6 = 0.99; paragraphs that share under a third of their shingles
/// share a band with probability under 1 - (1 - 0.037)^6 = 0.20. Unrelated
/// paragraphs of 20 shingles that share one common phrase (Jaccard 1/39)
/// share a band with probability 6 / 39^3 = 0.0001, and such matches gather
/// on the rare paragraph (about 1 in 1,300) whose three minima of a band all
/// fall on that phrase: it reads as a light edit of every paragraph holding
/// the phrase. That only makes its page's own text look shorter, which can
/// keep a page whole, never remove a paragraph. Two rows would make such
/// paragraphs 20 times as common.
const NEAR_ROWS: usize = 3;

/// Fingerprints of a paragraph's key, from its shingles, that an edited copy
/// of it (a word replaced, a name changed) shares with it: one per band of
/// a MinHash of its shingle set ([`NEAR_BANDS`] x [`NEAR_ROWS`]). Counted in
/// the table beside the key's own fingerprint, they tell how many documents
/// hold the paragraph or a light edit of it, which tells an article
/// localized for each site that syndicates it from a page's own text.
fn near_fingerprints(shingles: &[Shingle]) -> [u64; NEAR_BANDS] {
    let mut minima = [u32::MAX; NEAR_BANDS * NEAR_ROWS];
    for &shingle in shingles {
        let hash = (splitmix(u64::from(shingle)) >> 32) as u32;
        for (minimum, seed) in minima.iter_mut().zip(ROW_SEEDS) {
            *minimum = (*minimum).min((hash ^ seed).wrapping_mul(seed | 1));
        }
    }
    std::array::from_fn(|band| {
        minima[band * NEAR_ROWS..(band + 1) * NEAR_ROWS]
            .iter()
            .fold(splitmix(NEAR_NAMESPACE + band as u64), |acc, &m| {
                splitmix(acc ^ u64::from(m))
            })
    })
}

/// Seeds the near fingerprints' MinHash rows: row `r` orders shingles by
/// `(h ^ seed) * (seed | 1)` in 32 bits, where `h` is the top half of the
/// shingle's splitmix hash and `seed` is `ROW_SEEDS[r]`: a multiply per
/// shingle and row rather than a full hash, eight rows to a vector
/// instruction.
const ROW_SEEDS: [u32; NEAR_BANDS * NEAR_ROWS] = {
    let mut seeds = [0; NEAR_BANDS * NEAR_ROWS];
    let mut row = 0;
    while row < seeds.len() {
        seeds[row] = (splitmix(row as u64 + 1) >> 32) as u32;
        row += 1;
    }
    seeds
};

/// Sets band fingerprints apart from key fingerprints (the first 8 bytes of
/// a SHA-256), so that neither is mistaken for the other.
const NEAR_NAMESPACE: u64 = 0x6e65_6172_2d6b_6579;

/// The splitmix64 finalizer: a fixed, well-mixed 64-bit hash, the same on
/// every machine, so tables counted on several merge.
const fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
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
    /// The documents that hold this paragraph or a light edit of it: the
    /// most of any of its [`near_fingerprints`].
    pub near_documents: u32,
    /// Whether it sits at about one place in its documents, counted from
    /// the nearer end (see `Place` in the table), as a template's
    /// furniture does.
    pub fixed_place: bool,
}

/// The [`Recurrence`] of each paragraph of a document of `paragraphs`
/// paragraphs, from what the fingerprint stage made of its candidates (every
/// paragraph the catalogue leaves, the only ones this rule judges; the
/// others get the default): each one's index, key word count, key digest
/// and shingles. `None` without a corpus or with the rule ignored.
///
/// Near documents are counted only for a paragraph that does not itself
/// recur in `min_documents` documents, on a page where another recurs at
/// one place: only there do they change the verdict ([`syndicated`]).
pub fn recurrences<'d>(
    paragraphs: usize,
    candidates: impl Iterator<Item = (usize, usize, &'d Digest, &'d [Shingle])>,
    options: &Options,
) -> Option<Vec<Recurrence>> {
    let corpus = options
        .corpus
        .as_deref()
        .filter(|_| options.rules.enabled(CORPUS_BOILERPLATE))?;
    let counted: Vec<(usize, Recurrence, &[Shingle])> = candidates
        .map(|(index, tokens, digest, shingles)| {
            let documents = corpus.table.count(digest);
            let fixed_place =
                documents >= corpus.min_documents && corpus.table.place(digest).fixed(documents);
            let recurrence = Recurrence {
                tokens: u32::try_from(tokens).unwrap_or(u32::MAX),
                documents,
                near_documents: documents,
                fixed_place,
            };
            (index, recurrence, shingles)
        })
        .collect();
    let recurs = |recurrence: &Recurrence| {
        recurrence.tokens as usize >= options.min_words
            && recurrence.documents >= corpus.min_documents
    };
    // Without a recurring paragraph at one place, the rule takes nothing
    // from the page whatever its own text is, so its near fingerprints are
    // not worth making.
    let any_furniture = counted
        .iter()
        .any(|(_, recurrence, _)| recurs(recurrence) && recurrence.fixed_place);
    let mut recurrences = vec![Recurrence::default(); paragraphs];
    for (index, mut recurrence, shingles) in counted {
        if any_furniture && !recurs(&recurrence) && !shingles.is_empty() {
            recurrence.near_documents = near_fingerprints(shingles)
                .into_iter()
                .map(|near| corpus.table.count_fingerprint(near))
                .max()
                .unwrap_or(0);
        }
        recurrences[index] = recurrence;
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
/// `min_documents` documents, at one place of them ([`Recurrence::fixed_place`]),
/// sits at an edge of the document ([`at_edges`]), and the document is not a
/// syndicated copy ([`syndicated`]): a site footer sits beside the article's
/// own paragraphs, at the same place on every page, while a syndicated copy
/// shares its article text with the other copies, and is kept whole.
pub fn classify(
    recurrences: Option<&[Recurrence]>,
    left: &[usize],
    options: &Options,
) -> CorpusVerdicts {
    let (Some(corpus), Some(recurrences)) = (options.corpus.as_deref(), recurrences) else {
        return CorpusVerdicts::default();
    };
    let recurring = |documents: u32, tokens: usize| {
        tokens >= options.min_words && documents >= corpus.min_documents
    };
    let mut own_words = 0;
    // Each paragraph's words, its document count when it recurs, and when
    // it recurs or a light edit of it does, the count that says so: an
    // edited copy of a syndicated article is told by its edited paragraphs
    // as much as by the ones every copy left alone.
    let mut token_counts = Vec::with_capacity(left.len());
    let mut shared = Vec::with_capacity(left.len());
    let mut shared_or_edited = Vec::with_capacity(left.len());
    for &index in left {
        let recurrence = recurrences[index];
        let tokens = recurrence.tokens as usize;
        let recurs = recurring(recurrence.documents, tokens);
        let edited = recurring(recurrence.near_documents, tokens);
        if tokens >= options.min_words && !recurs && !edited {
            own_words += tokens;
        }
        token_counts.push(tokens);
        shared.push(recurs.then_some(recurrence.documents));
        shared_or_edited.push(if recurs {
            Some(recurrence.documents)
        } else {
            edited.then_some(recurrence.near_documents)
        });
    }
    if syndicated(&shared_or_edited, &token_counts, own_words) {
        return CorpusVerdicts::default();
    }
    let (at_edges, anchors) = at_edges(shared, &token_counts, options.min_words);
    // Template furniture sits at one place of the page; a paragraph that
    // recurs at no one place (a quotation several articles share, and one
    // of them ends with) stays.
    CorpusVerdicts {
        removed: at_edges
            .into_iter()
            .zip(left)
            .filter(|&(_, &index)| recurrences[index].fixed_place)
            .filter_map(|(documents, &index)| Some((index, documents?)))
            .collect(),
        edge_anchors: anchors.map(|(first, last)| (left[first], left[last])),
    }
}

/// Whether a document is kept whole: it has no recurring paragraph, or no
/// text of its own, or it is a copy of an article syndicated across the
/// corpus. A syndicated copy is told by what it shares: its article text,
/// paragraphs that recur together in one set of documents (the copies), so
/// in about as many documents each. Site boilerplate is a footer or pitch
/// beside more text of the page's own, or blocks that recur in other sets.
/// `shared` holds each paragraph's document count when it recurs, or when
/// only light edits of it do, the documents holding one
/// ([`Recurrence::near_documents`]); `token_counts` holds each paragraph's
/// words. `own_words` are the words of the page's own text: its long
/// paragraphs that recur in fewer than `min_documents` documents, not even
/// as light edits.
///
/// Copies of one article need not be equal: a site localizes the lede, an
/// editor changes a name. Edited paragraphs are not the page's own text but
/// the article's, counted by the copies that hold them or an edit of them,
/// and each unedited paragraph recurs in the copies that left it alone, so
/// the counts of one article's paragraphs differ a little. Paragraphs recur
/// together when the larger of their counts is at most twice the smaller
/// ([`recur_together`]); a site's template, in every page of the site,
/// recurs in far more documents than one article's copies do. At least two
/// paragraphs recurring together, with at least as many words as the page's
/// own text, make a syndicated copy. A news brief of one paragraph with its
/// site's footer of two lines is not one: the footer has fewer words than
/// the brief, and goes.
fn syndicated(shared: &[Option<u32>], token_counts: &[usize], own_words: usize) -> bool {
    let mut recurring: Vec<(u32, usize)> = shared
        .iter()
        .zip(token_counts)
        .filter_map(|(documents, &tokens)| Some(((*documents)?, tokens)))
        .collect();
    if recurring.is_empty() || own_words == 0 {
        return true;
    }
    recurring.sort_unstable();
    // Every window of counts up to twice its smallest: the two ends
    // move forward together, so this is linear after the sort.
    let (mut start, mut words) = (0, 0);
    for end in 0..recurring.len() {
        words += recurring[end].1;
        while !recur_together(recurring[start].0, recurring[end].0) {
            words -= recurring[start].1;
            start += 1;
        }
        if end > start && words >= own_words {
            return true;
        }
    }
    false
}

/// Whether paragraphs recurring in `smallest` and `largest` documents (of
/// the same page) recur together, as one article's copies: the larger count
/// is at most twice the smaller. On the bench folder (25 copies of each
/// page, copy k with the page's k-th most frequent word replaced), one
/// article's paragraphs recur in 56 to 72 of the 75 documents that hold its
/// three tracks.
fn recur_together(smallest: u32, largest: u32) -> bool {
    u64::from(largest) <= 2 * u64::from(smallest)
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

    /// From the bench folder (25 copies of each page, copy k with the
    /// page's k-th most frequent word replaced): a copy of a design article
    /// whose two article paragraphs were both edited, so that only their
    /// light edits recur (in 71 and 72 documents), with a short line of its
    /// own and a closing credit every copy kept (in 52). The edited
    /// paragraphs recur together with the credit: a syndicated copy, kept
    /// whole. Counting only the unedited ones, the credit recurred alone and
    /// went, on the second run over the folder, once the first had moved it
    /// to one place.
    #[test]
    fn a_copy_whose_article_paragraphs_were_all_edited_is_syndicated() {
        let options = Options {
            corpus: Some(std::sync::Arc::new(crate::corpus::CorpusBoilerplate::new(
                DocumentFrequency::new(),
            ))),
            ..Options::default()
        };
        let paragraph = |tokens, documents, near_documents, fixed_place| Recurrence {
            tokens,
            documents,
            near_documents,
            fixed_place,
        };
        let edited = [
            paragraph(39, 1, 71, false),
            paragraph(115, 1, 72, false),
            paragraph(10, 1, 1, false),
            paragraph(17, 52, 52, true),
        ];
        let left = [0, 1, 2, 3];
        assert!(classify(Some(&edited), &left, &options).removed.is_empty());
        // The same credit beside an article of the page's own is a footer.
        let own = [
            paragraph(39, 1, 1, false),
            paragraph(115, 1, 1, false),
            paragraph(10, 1, 1, false),
            paragraph(17, 52, 52, true),
        ];
        assert_eq!(classify(Some(&own), &left, &options).removed, [(3, 52)]);
    }

    /// The near fingerprints of a paragraph's key.
    fn near(paragraph: &str) -> [u64; NEAR_BANDS] {
        let mut shingles = Vec::new();
        push_key_shingles(&crate::key::match_key(paragraph), &mut shingles);
        near_fingerprints(&shingles)
    }

    fn share_a_band(a: &[u64; NEAR_BANDS], b: &[u64; NEAR_BANDS]) -> bool {
        a.iter().zip(b).any(|(a, b)| a == b)
    }

    /// On the seed article's twenty paragraphs: a copy with one word of the
    /// middle replaced shares a near fingerprint with the paragraph (so it
    /// counts as a light edit), and no two different paragraphs share one.
    #[test]
    fn near_fingerprints_join_light_edits_and_nothing_else() {
        let paragraphs: Vec<&str> = include_str!("../../fixtures/rudd-windrush.expected.txt")
            .split("\n\n")
            .map(str::trim)
            .collect();
        let prints: Vec<[u64; NEAR_BANDS]> = paragraphs.iter().map(|p| near(p)).collect();
        let mut edits_found = 0;
        for (paragraph, print) in paragraphs.iter().zip(&prints) {
            let mut words: Vec<&str> = paragraph.split(' ').collect();
            let middle = words.len() / 2;
            words[middle] = "Porthallow";
            edits_found += usize::from(share_a_band(&near(&words.join(" ")), print));
        }
        assert!(edits_found >= 19, "{edits_found} of 20 edits found");
        for (i, a) in prints.iter().enumerate() {
            for b in &prints[i + 1..] {
                assert!(!share_a_band(a, b), "paragraph {i}");
            }
        }
    }

    #[test]
    fn syndicated_is_told_by_paragraphs_recurring_together() {
        /// Each paragraph's document count if it recurs, and its words.
        type Page = [(Option<u32>, usize)];
        let cases: &[(&Page, bool)] = &[
            // A footer beside the page's own text.
            (&[(None, 40), (Some(12), 12)], false),
            (
                &[(None, 30), (None, 30), (Some(12), 12), (Some(12), 12)],
                false,
            ),
            // Three paragraphs of one article, and a footer in more pages.
            (
                &[(Some(6), 30), (Some(6), 30), (Some(6), 30), (Some(12), 12)],
                true,
            ),
            (
                &[(None, 30), (Some(6), 30), (Some(6), 30), (Some(12), 12)],
                true,
            ),
            // A localized lede: the rest recurs in 56 to 72 documents.
            (
                &[(None, 40), (Some(72), 20), (Some(56), 20), (Some(61), 20)],
                true,
            ),
            // Counts too far apart: a pitch in 30 pages, a footer in 90.
            (&[(None, 40), (Some(30), 30), (Some(90), 30)], false),
            // Nothing recurs, or nothing is the page's own.
            (&[(None, 30), (None, 30)], true),
            (&[(Some(12), 12)], true),
            (&[(None, 3), (Some(12), 12)], true),
        ];
        for (paragraphs, expected) in cases {
            let (shared, tokens): (Vec<_>, Vec<_>) = paragraphs.iter().copied().unzip();
            let own_words = paragraphs
                .iter()
                .filter(|(documents, tokens)| documents.is_none() && *tokens >= 6)
                .map(|(_, tokens)| tokens)
                .sum();
            assert_eq!(
                syndicated(&shared, &tokens, own_words),
                *expected,
                "{paragraphs:?}"
            );
        }
    }
}
