//! Near-duplicate matching: which paragraph is a copy of which.
//!
//! A scraped page repeats a paragraph in three ways: as an image caption that
//! restates it under a short label ("Battle for survival: ..."), as a truncated
//! copy, or re-typed with light edits. The first two are *containment*: every
//! word of the shorter paragraph sits, in order, inside the longer one. The
//! third is a small word-level edit distance.
//!
//! Candidates come from an index of shared word shingles, never from all pairs,
//! and a shingle found in more than [`MAX_BUCKET`] paragraphs is ignored for
//! candidate generation, so a templated list of 200,000 items stays linear.

use crate::fingerprint::{Fingerprinted, Fingerprints};
use crate::key::{
    Digest, SHINGLE_WORDS, Shingle, match_key, shingle_set, shingles_in_order, tokens,
};
use crate::options::Options;
use crate::options::Thresholds;
use crate::page_model::hash::Fnv;
use crate::rules::{CAPTION, NEAR_DUPLICATE};
use crate::text::{continues_on_next_line, is_code_like, is_web_address};
use crate::text::{ends_sentence, ends_with_full_stop};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::RefCell;

/// A shingle shared by more paragraphs than this says nothing about which two
/// are copies (it is a template or a stock phrase), and indexing it would make
/// the pair count quadratic.
const MAX_BUCKET: usize = 16;

/// Slices of the shingle hash space indexed one after another (a power of
/// two) when a document has more than [`PARTITIONED_SHINGLES`] shingles.
const INDEX_PARTITIONS: Shingle = 8;

/// Shift that takes a shingle hash to its partition.
const PARTITION_SHIFT: u32 = Shingle::BITS - INDEX_PARTITIONS.trailing_zeros();

/// Up to this many shingles (a few megabytes of index), a document is indexed
/// in one piece: an article has a few thousand, and eight passes over them
/// cost more than the index they would save.
const PARTITIONED_SHINGLES: usize = 1 << 18;

/// Word-level edit similarity is only computed for keys up to this many
/// tokens, which bounds each comparison's cost.
const MAX_EDIT_TOKENS: usize = 400;

/// How a shorter paragraph matched a longer one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MatchKind {
    /// All its words occur, in order, in the longer paragraph.
    Contained,
    /// Contained once its caption label is ignored.
    ContainedAfterLabel,
    /// Equal length give or take, a few words changed.
    LightEdit,
    /// Contained once the credit after its last sentence is left out ("...
    /// on Harbour Road. (Photo: T. Brandt/Coastal Press)", "... Credit:
    /// R. Sandhu"; [`before_credit`]): an image's caption.
    CreditedSentence,
}

/// A verified near-duplicate relation, with its score in 0..=1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Similarity {
    pub kind: MatchKind,
    pub score: f32,
}

/// A pair of paragraphs (indices into the input slice) found to be near duplicates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NearPair {
    pub shorter: usize,
    pub longer: usize,
    pub similarity: Similarity,
}

/// Finds the near-duplicate pairs among the paragraphs marked `eligible`,
/// and the fewest paragraphs that shared a shingle too common to index
/// ([`MAX_BUCKET`]), if any did. Deterministic: pairs come out sorted by
/// index. `document(index)` gives a paragraph's index in its document
/// (rising with `index`): `indexes` remembers the document's shingle index
/// from one look at it to the next.
pub fn near_duplicate_pairs(
    paragraphs: &[Fingerprinted<'_>],
    document: impl Fn(usize) -> usize,
    eligible: &[bool],
    thresholds: &Thresholds,
    (comparisons, indexes): (&Comparisons, &ShingleIndexes),
) -> (Vec<NearPair>, Option<usize>) {
    let eligible_shingles: usize = paragraphs
        .iter()
        .zip(eligible)
        .filter(|(_, eligible)| **eligible)
        .map(|(paragraph, _)| paragraph.shingles.len())
        .sum();
    let mut shared: Vec<u64> = Vec::new();
    let mut fewest_crowded: Option<usize> = None;
    // Each paragraph's distinct shingles: its entries in the index.
    let mut distinct: Vec<usize> = vec![0; paragraphs.len()];
    let mut pair_up = |entries: &[u64]| {
        for &entry in entries {
            distinct[low(entry) as usize] += 1;
        }
        for bucket in entries.chunk_by(|&a, &b| high(a) == high(b)) {
            if bucket.len() > MAX_BUCKET {
                fewest_crowded = Some(fewest_crowded.map_or(bucket.len(), |f| f.min(bucket.len())));
            }
            if bucket.len() < 2 || bucket.len() > MAX_BUCKET {
                continue;
            }
            for (i, &a) in bucket.iter().enumerate() {
                shared.extend(bucket[i + 1..].iter().map(|&b| pack(low(a), low(b))));
            }
        }
    };
    if eligible_shingles > PARTITIONED_SHINGLES {
        // The index is built one slice of the hash space at a time, so its
        // memory is a fraction of all shingles even for one huge document.
        let indices = eligible_indices(eligible);
        let capacity = eligible_shingles.div_ceil(INDEX_PARTITIONS as usize);
        for partition in 0..INDEX_PARTITIONS {
            let in_partition = |shingle: Shingle| shingle >> PARTITION_SHIFT == partition;
            let mut entries = index_entries(paragraphs, &indices, (in_partition, capacity));
            named_by_index(&mut entries, &indices);
            pair_up(&entries);
        }
    } else {
        pair_up(&indexes.entries(paragraphs, document, eligible));
    }
    shared.sort_unstable();

    let mut pairs = Vec::new();
    for run in shared.chunk_by(|a, b| a == b) {
        let (a, b) = (high(run[0]) as usize, low(run[0]) as usize);
        let (shorter, longer) = if paragraphs[b].body_tokens() < paragraphs[a].body_tokens() {
            (b, a)
        } else {
            (a, b)
        };
        let needed = distinct[shorter]
            .saturating_sub(paragraphs[shorter].label_tokens())
            .div_ceil(2)
            .max(1);
        if run.len() < needed {
            continue;
        }
        if let Some(similarity) =
            comparisons.compare(&paragraphs[shorter], &paragraphs[longer], thresholds)
        {
            pairs.push(NearPair {
                shorter,
                longer,
                similarity,
            });
        }
    }
    (pairs, fewest_crowded)
}

/// Index entries and shared-shingle pairs are two u32s packed in a u64
/// (shingle or first paragraph in the high half): they sort as the pairs
/// would, by one comparison each, and sorting them was half the matcher's
/// time.
fn pack(high: u32, low: u32) -> u64 {
    (u64::from(high) << 32) | u64::from(low)
}

fn high(packed: u64) -> u32 {
    (packed >> 32) as u32
}

fn low(packed: u64) -> u32 {
    packed as u32
}

/// The shingle index of the `paragraphs` listed in `indexed` (their
/// indices, in order), of the shingles for which `kept` holds:
/// (shingle, paragraph) entries, sorted, each once (a shingle a paragraph
/// repeats is indexed once). Each paragraph is named by its place in
/// `indexed`. `capacity` is room for the entries before repeats go (the
/// list is the index's peak: it is not left to double).
fn index_entries(
    paragraphs: &[Fingerprinted<'_>],
    indexed: &[u32],
    (kept, capacity): (impl Fn(Shingle) -> bool, usize),
) -> Vec<u64> {
    let mut entries: Vec<u64> = Vec::with_capacity(capacity);
    for (place, &index) in indexed.iter().enumerate() {
        let place = index32(place);
        let shingles = paragraphs[index as usize].shingles.iter();
        entries.extend(
            shingles
                .filter(|&&shingle| kept(shingle))
                .map(|&shingle| pack(shingle, place)),
        );
    }
    entries.sort_unstable();
    entries.dedup();
    entries
}

/// [`index_entries`] of all the shingles of the `paragraphs` listed in
/// `indexed`.
fn whole_index(paragraphs: &[Fingerprinted<'_>], indexed: &[u32]) -> Vec<u64> {
    let shingles = indexed
        .iter()
        .map(|&index| paragraphs[index as usize].shingles.len())
        .sum();
    index_entries(paragraphs, indexed, (|_| true, shingles))
}

/// The indices of the paragraphs marked `eligible`, in order.
fn eligible_indices(eligible: &[bool]) -> Vec<u32> {
    let indices = eligible
        .iter()
        .enumerate()
        .filter(|(_, eligible)| **eligible);
    indices.map(|(index, _)| index32(index)).collect()
}

/// A paragraph's index as the matcher's lists hold it, in 32 bits: they
/// are a big file's peak.
pub(crate) fn index32(index: usize) -> u32 {
    u32::try_from(index).expect("fewer than 2^32 paragraphs")
}

/// Entries of [`index_entries`] with each paragraph named by its index
/// (`indices[place]`) rather than its place: the order stays, as places
/// and indices rise together.
fn named_by_index(entries: &mut [u64], indices: &[u32]) {
    for entry in entries {
        *entry = pack(high(*entry), indices[low(*entry) as usize]);
    }
}

/// One document's shingle index, from its first look that indexed it in
/// one piece, for the looks after it. Each later look is at a subset of
/// what the look before kept ([`crate::decide::settled`], the page model's
/// rounds), and sorting its index again was most of its matching: the
/// index it needs is the one remembered, less the paragraphs it no longer
/// has or compares, plus any it compares that the first look did not (a
/// copy whose first copy went, a structural repeat that lost its copies).
/// A paragraph's entries are its own, whatever else the look holds. What
/// is remembered is a few bytes for each entry and each paragraph
/// compared, never for every paragraph of a big file of short lines.
#[derive(Debug, Default)]
pub struct ShingleIndexes(RefCell<Option<RememberedIndex>>);

#[derive(Debug)]
struct RememberedIndex {
    /// The indexed paragraphs, by index in the document, in order.
    documents: Vec<u32>,
    /// Their [`index_entries`], each paragraph named by its place in
    /// `documents`.
    entries: Vec<u64>,
}

impl ShingleIndexes {
    /// [`index_entries`] of all shingles of the `eligible` paragraphs,
    /// named by index, `document(index)` giving a paragraph's index in the
    /// document (rising with `index`).
    fn entries(
        &self,
        paragraphs: &[Fingerprinted<'_>],
        document: impl Fn(usize) -> usize,
        eligible: &[bool],
    ) -> Vec<u64> {
        let mut remembered = self.0.borrow_mut();
        let indices = eligible_indices(eligible);
        let Some(index) = remembered.as_ref() else {
            let memory = whole_index(paragraphs, &indices);
            let mut entries = memory.clone();
            named_by_index(&mut entries, &indices);
            let documents = indices
                .iter()
                .map(|&index| index32(document(index as usize)))
                .collect();
            *remembered = Some(RememberedIndex {
                documents,
                entries: memory,
            });
            return entries;
        };
        // Where each remembered paragraph is in this look, if it is there
        // and compared (both lists are in the document's order), and which
        // paragraphs compared here the index does not hold.
        let mut here = vec![u32::MAX; index.documents.len()];
        let mut unindexed = Vec::new();
        let mut place = 0;
        for at in indices {
            let document = document(at as usize);
            while index
                .documents
                .get(place)
                .is_some_and(|&d| (d as usize) < document)
            {
                place += 1;
            }
            if index.documents.get(place).map(|&d| d as usize) == Some(document) {
                here[place] = at;
            } else {
                unindexed.push(at);
            }
        }
        let mut entries: Vec<u64> = index
            .entries
            .iter()
            .filter_map(|&entry| {
                let at = here[low(entry) as usize];
                (at != u32::MAX).then(|| pack(high(entry), at))
            })
            .collect();
        if !unindexed.is_empty() {
            let mut more = whole_index(paragraphs, &unindexed);
            named_by_index(&mut more, &unindexed);
            entries.extend(more);
            entries.sort_unstable();
        }
        entries
    }
}

/// The verdicts [`compare`] has reached on one document's pairs. A page is
/// looked at more than once ([`crate::decide::settled`], and again after
/// each of the page model's rounds), each time at what the look before
/// kept, and many of a look's pairs were compared by the look before. On
/// the speed benchmark's first copy (callgrind), the comparisons took 43 M
/// instructions before they were remembered and 24 M after, rules alone
/// (54 M and 24 M with the page model), and the whole run about 1% fewer,
/// alone or with the model (runs of one build differ by up to 5 M).
///
/// A pair is named by its paragraphs' text addresses: each fingerprint's
/// text is its own slice of the document, which outlives the verdicts, and
/// under one document's thresholds the verdict is a function of the two
/// texts alone (their shingles, label and ending come from them). At most
/// [`MAX_REMEMBERED`] verdicts are kept, so a file of many near-copies
/// cannot grow the list past a few megabytes; later pairs are compared each
/// time.
///
/// It remembers [`templated`]'s verdicts on pairs of lines the same way,
/// for [`structural_repeats`], which each look makes again: over the speed
/// benchmark's first copy (rules alone, callgrind), the check cost 17.6 M
/// instructions with its words read a character at a time; remembering its
/// verdicts took 2.7 M off that, and reading its words a byte at a time
/// most of the rest (5.8 M now).
#[derive(Debug, Default)]
pub struct Comparisons {
    verdicts: RefCell<FxHashMap<(usize, usize), Option<Similarity>>>,
    templated: RefCell<FxHashMap<(usize, usize), bool>>,
}

/// The most verdicts [`Comparisons`] remembers: 2^16, some 3 MB of table.
const MAX_REMEMBERED: usize = 1 << 16;

impl Comparisons {
    /// [`compare`], remembered.
    pub fn compare(
        &self,
        shorter: &Fingerprinted<'_>,
        longer: &Fingerprinted<'_>,
        thresholds: &Thresholds,
    ) -> Option<Similarity> {
        let pair = (
            shorter.text.as_ptr() as usize,
            longer.text.as_ptr() as usize,
        );
        remembered(&self.verdicts, pair, || {
            compare(shorter, longer, thresholds)
        })
    }

    /// [`templated`], remembered (either order is one pair).
    fn templated(&self, x: &str, y: &str) -> bool {
        let (a, b) = (x.as_ptr() as usize, y.as_ptr() as usize);
        remembered(&self.templated, (a.min(b), a.max(b)), || templated(x, y))
    }
}

/// The verdict on `pair` that `verdicts` holds, or else `reach`'s, kept in
/// `verdicts` while it holds fewer than [`MAX_REMEMBERED`].
fn remembered<V: Copy>(
    verdicts: &RefCell<FxHashMap<(usize, usize), V>>,
    pair: (usize, usize),
    reach: impl FnOnce() -> V,
) -> V {
    if let Some(&verdict) = verdicts.borrow().get(&pair) {
        return verdict;
    }
    let verdict = reach();
    let mut verdicts = verdicts.borrow_mut();
    if verdicts.len() < MAX_REMEMBERED {
        verdicts.insert(pair, verdict);
    }
    verdict
}

/// Is `shorter` a near duplicate of `longer`?
///
/// Containment must cover every token of the shorter paragraph, with two
/// allowances that real copies need: the last token may be cut mid-word (a
/// truncated copy), and a caption may restate the subject in its first two
/// words ("Amber Rudd is fighting..." for "The Home Secretary is fighting...").
/// A caption's credit after its last sentence is left out ([`before_credit`]).
/// Tokens left over anywhere else mean the shorter paragraph says something the
/// longer one does not (a quotation shared by two paragraphs, each with its
/// own attribution), and both stay. A web address and a line of text are
/// never copies of each other ([`is_web_address`]), nor is a command
/// continued on the next line ([`continues_on_next_line`]) a copy of
/// anything: the same command with one more argument
/// ("curl https://.../shp_8Fq2kL?expand=label \\") is another command.
pub fn compare(
    shorter: &Fingerprinted<'_>,
    longer: &Fingerprinted<'_>,
    thresholds: &Thresholds,
) -> Option<Similarity> {
    if is_web_address(shorter.text) != is_web_address(longer.text)
        || continues_on_next_line(shorter.text)
        || continues_on_next_line(longer.text)
    {
        return None;
    }
    let short_key = match_key(shorter.text);
    let short_tokens: Vec<&str> = tokens(&short_key).collect();
    let longer_set = shingle_set(longer.shingles);
    // The longer paragraph's key, made at most once and only for the few
    // pairs that are read word by word.
    let long_key = std::cell::OnceCell::new();
    let long_key = || long_key.get_or_init(|| match_key(longer.text)).as_str();
    let mut offsets = vec![(0, MatchKind::Contained)];
    if shorter.label_tokens() > 0 {
        offsets.push((shorter.label_tokens(), MatchKind::ContainedAfterLabel));
    }
    // All of `words` (the shorter's tokens, `credited` when its credit is
    // left out) within the longer, from each offset.
    let contained = |words: &[&str], credited: bool| {
        offsets.iter().find_map(|&(offset, kind)| {
            let body = &words[offset.min(words.len())..];
            if body.len() < SHINGLE_WORDS {
                return None;
            }
            if kind == MatchKind::Contained && shorter.ends_sentence && !credited {
                // A whole sentence found inside a longer paragraph is how an
                // article quotes itself (a pull quote, a summary line, a forum
                // post quoting another); copies a scraper cuts off end
                // mid-sentence or carry a caption label or a credit.
                return None;
            }
            if kind == MatchKind::ContainedAfterLabel
                && longer.label_tokens() > 0
                && longer.token_count() - longer.label_tokens() < 2 * body.len()
            {
                // Both open with a label and say about as much: items of a
                // templated list ("Cars: £12.50 a day", "Vans: £12.50 a day").
                return None;
            }
            let allowed_lead = if kind == MatchKind::ContainedAfterLabel {
                2
            } else {
                0
            };
            let score = containment(body, &longer_set, long_key, allowed_lead)?;
            let kind = if credited && kind == MatchKind::Contained {
                MatchKind::CreditedSentence
            } else {
                kind
            };
            (score >= thresholds.containment).then_some(Similarity { kind, score })
        })
    };
    // Read whole, then, only if that finds nothing, without a credit after
    // its last sentence (a label before it is read past either way).
    let found = contained(&short_tokens, false).or_else(|| {
        let key = match_key(before_credit(shorter.text)?);
        contained(&tokens(&key).collect::<Vec<_>>(), true)
    });
    if found.is_some() {
        return found;
    }
    light_edit(shorter, &short_tokens, longer, long_key, thresholds)
}

/// The most words of a caption's credit ([`before_credit`]).
const CREDIT_MAX_WORDS: usize = 8;

/// What `text` says before a credit at its end: a caption names whose
/// picture it is, which the paragraph it restates does not. A credit is in
/// brackets ("(Photo: Tomas Brandt/Coastal Press)", "(Getty Images)") or
/// after a one-word label, a name ("Credit: R. Sandhu/Fenwick Courier",
/// "Image: Aurelle"; not "Note: the total ..."), of at most
/// [`CREDIT_MAX_WORDS`] words, on the caption's one line. It follows a
/// sentence's end, unless it opens with such a label in
/// its brackets ("... by hand (Picture: Hanne Voss)"), and it opens with a
/// capital letter: a heading's note ("Resume Package (6th-10th grade)",
/// "60 Hours of Battery (ANC Off)") follows no sentence, and a query's
/// bound values ("... WHERE id = ? [...] (2, 3)") neither.
fn before_credit(text: &str) -> Option<&str> {
    let text = text.trim_end();
    if text.contains('\n') {
        return None;
    }
    let labelled = |credit: &str| {
        credit.split_once(": ").is_some_and(|(label, name)| {
            !label.contains(' ')
                && label.starts_with(char::is_uppercase)
                && name.starts_with(char::is_uppercase)
                && !ends_sentence(name)
        })
    };
    let (before, credit, in_brackets) = match text.strip_suffix(')') {
        Some(inside) => {
            let open = inside.rfind('(')?;
            (text[..open].trim_end(), &inside[open + 1..], true)
        }
        None => {
            // The label is the last word before ": " that follows a sentence.
            let (at, _) = text.match_indices(": ").last()?;
            let open = text[..at].rfind(' ')?;
            (text[..open].trim_end(), &text[open + 1..], false)
        }
    };
    let opens_label = labelled(credit);
    ((ends_sentence(before) || (in_brackets && opens_label))
        && (in_brackets || opens_label)
        && credit.starts_with(char::is_uppercase)
        && !credit.contains('(')
        && credit.split_whitespace().count() <= CREDIT_MAX_WORDS)
        .then_some(before)
}

/// Share of `body`'s shingles found in `longer_shingles`, or `None` when a
/// token outside the allowances is not covered by any shared shingle. The
/// last token is allowed only where the longer paragraph (its key,
/// `long_key`) has a word it cuts short ([`cut_short_in`]).
fn containment<'k>(
    body: &[&str],
    longer_shingles: &[Shingle],
    long_key: impl FnOnce() -> &'k str,
    allowed_lead: usize,
) -> Option<f32> {
    let shingles = shingles_in_order(body);
    let mut covered = vec![false; body.len()];
    let mut shared = 0usize;
    for (start, shingle) in shingles.iter().enumerate() {
        if longer_shingles.binary_search(shingle).is_ok() {
            shared += 1;
            let end = (start + SHINGLE_WORDS).min(body.len());
            covered[start..end].fill(true);
        }
    }
    let last = body.len() - 1;
    let all_covered = covered
        .iter()
        .enumerate()
        .all(|(index, &is_covered)| is_covered || index < allowed_lead || index == last);
    (all_covered && (covered[last] || cut_short_in(body, long_key())))
        .then(|| shared as f32 / shingles.len() as f32)
}

/// Whether `body`'s last token cuts short a word of the longer paragraph
/// (its key, `long_key`) that follows the same words as in `body` ("... a
/// series of dam" in "... a series of damaging leaks"): how a scraper
/// truncates a copy. Any other last word
/// says something the longer paragraph does not: parallel headings differ
/// only there ("Comparison of Social Media Platforms by Industry" and "...
/// by Location").
fn cut_short_in(body: &[&str], long_key: &str) -> bool {
    let (before, cut) = body.split_at(body.len() - 1);
    let (cut, before) = (
        cut[0],
        &before[before.len().saturating_sub(SHINGLE_WORDS - 1)..],
    );
    let long_tokens: Vec<&str> = tokens(long_key).collect();
    (before.len()..long_tokens.len()).any(|at| {
        long_tokens[at].len() > cut.len()
            && long_tokens[at].starts_with(cut)
            && long_tokens[at - before.len()..at] == *before
    })
}

/// Word-level edit similarity for copies of about the same length whose
/// numbers and names all agree (a templated list differs in its numbers,
/// the same step under each language's tab in its language: both stay).
fn light_edit<'k>(
    shorter: &Fingerprinted<'_>,
    short_tokens: &[&str],
    longer: &Fingerprinted<'_>,
    long_key: impl FnOnce() -> &'k str,
    thresholds: &Thresholds,
) -> Option<Similarity> {
    if longer.token_count() > MAX_EDIT_TOKENS
        || (short_tokens.len() as f32) < 0.8 * longer.token_count() as f32
        || is_code_like(longer.text)
    {
        return None;
    }
    let long_tokens: Vec<&str> = tokens(long_key()).collect();
    if !same_numbers(short_tokens, &long_tokens) {
        return None;
    }
    // One more edit than the threshold allows: a distance past it cannot
    // score enough, whatever the rounding.
    let limit =
        ((1.0 - thresholds.edit_similarity) * long_tokens.len() as f32).max(0.0) as usize + 1;
    let distance = edit_distance_within(short_tokens, &long_tokens, limit)?;
    let score = 1.0 - distance as f32 / long_tokens.len() as f32;
    // Read last: only a pair close enough to be a light edit is read word
    // by word for names (checked first, it cost 3.4 M instructions over
    // the speed benchmark's first copy).
    (score >= thresholds.edit_similarity && !puts_other_names(shorter.text, longer.text)).then_some(
        Similarity {
            kind: MatchKind::LightEdit,
            score,
        },
    )
}

/// The word-level Levenshtein distance between `a` and `b`, or `None` when
/// it is over `limit`. Only the diagonal band `limit` wide on each side is
/// filled, so a light edit of two 400-word paragraphs costs 400 x 81 steps
/// rather than 400 x 400, and a pair that drifts past the limit stops early.
fn edit_distance_within(a: &[&str], b: &[&str], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    const FAR: usize = usize::MAX / 2;
    let mut previous: Vec<usize> = (0..=b.len())
        .map(|j| if j <= limit { j } else { FAR })
        .collect();
    let mut current = vec![FAR; b.len() + 1];
    for (i, a_token) in a.iter().enumerate() {
        let row = i + 1;
        let first = row.saturating_sub(limit);
        let last = (row + limit).min(b.len());
        // The cell left of the band still holds a row from two steps back.
        if first > 0 {
            current[first - 1] = FAR;
        }
        let mut best = FAR;
        for j in first..=last {
            current[j] = if j == 0 {
                row
            } else {
                let substitution = previous[j - 1] + usize::from(*a_token != b[j - 1]);
                substitution.min(previous[j] + 1).min(current[j - 1] + 1)
            };
            best = best.min(current[j]);
        }
        if best > limit {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[b.len()]).filter(|&distance| distance <= limit)
}

/// The most words a name put in a template's slot has
/// ([`puts_other_names`]): "Node.js", "San Diego".
const NAME_SLOT_WORDS: usize = 2;

/// Whether `a` and `b` are one template filled in with other names: the
/// same words, in any case, but for one stretch of as many words in each,
/// at most [`NAME_SLOT_WORDS`], where every word is a name or an
/// identifier and none is in the other's stretch. "With the PHP
/// development server running, send an SMS" and "With the Go development
/// server running, ..." are the same step under two tabs of a quickstart;
/// "How much should I pay in San Francisco?" and "... in San Diego?", two
/// questions of an FAQ. Each says something the other does not, as two
/// lines with other figures do ([`same_numbers`]). A light edit fixes a
/// typo, swaps a common word or moves a name, and stays a copy.
///
/// A name is a word with a capital letter (a proper noun mid-sentence,
/// "PHP"; the text's first word is capitalised anyway, so there only a
/// capital after its first letter counts, "iPhone") or an identifier (a
/// `.`, `_` or `/` inside it: "send_sms.js", a path).
fn puts_other_names<'t>(a: &'t str, b: &'t str) -> bool {
    // Words as written, with the marks inside them ("Node.js") and without
    // those around them ("PHP,").
    let words = |text: &'t str| -> Vec<&'t str> {
        text.split_whitespace()
            .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|word| !word.is_empty())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let same = |(x, y): (&&str, &&str)| x.eq_ignore_ascii_case(y);
    let prefix = a.iter().zip(&b).take_while(|&pair| same(pair)).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|&pair| same(pair))
        .count();
    let (slot_a, slot_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    // Whether the slot's word `at` is a name; the text's first word is
    // capitalised anyway.
    let is_name = |(at, word): (usize, &&str)| {
        let after_first = word
            .char_indices()
            .nth(1)
            .map_or("", |(second, _)| &word[second..]);
        let capital_in = if prefix + at == 0 { after_first } else { word };
        capital_in.contains(char::is_uppercase) || word.contains(['.', '_', '/'])
    };
    let fills = |slot: &[&str], other: &[&str]| {
        (1..=NAME_SLOT_WORDS).contains(&slot.len())
            && slot.iter().enumerate().all(is_name)
            && !slot
                .iter()
                .any(|word| other.iter().any(|o| word.eq_ignore_ascii_case(o)))
    };
    slot_a.len() == slot_b.len() && fills(slot_a, slot_b) && fills(slot_b, slot_a)
}

fn same_numbers(a: &[&str], b: &[&str]) -> bool {
    let numbers = |tokens: &[&str]| {
        let mut found: Vec<String> = tokens
            .iter()
            .filter(|t| t.bytes().any(|b| b.is_ascii_digit()))
            .map(|t| t.to_string())
            .collect();
        found.sort_unstable();
        found
    };
    numbers(a) == numbers(b)
}

/// What the matching stage finds among the candidates: groups of exact
/// copies, which copies are structure (kept), and near-duplicate pairs.
#[derive(Debug)]
pub struct Matches {
    /// Candidates with the same digest, in order of first occurrence.
    pub groups: ExactGroups,
    /// Which candidates are structural repeats ([`structural_repeats`]).
    pub structural: Vec<bool>,
    /// Near-duplicate pairs among the first copy of each group that is long
    /// enough and not structure.
    pub pairs: Vec<NearPair>,
    /// Which candidates were compared for near-duplicates: those first
    /// copies.
    pub compared: Vec<bool>,
    /// The fewest compared candidates that shared a shingle too common to
    /// index, if any did ([`may_find_more_pairs`]).
    pub fewest_crowded: Option<usize>,
}

/// Whether the clean copy of a page may hold near-duplicate pairs that its
/// look could not see: the look left a shingle unindexed for being shared
/// by too many candidates (`fewest_crowded` of them at the least), and
/// `removed` of the candidates it compared went, which may bring that
/// shingle down to where it is indexed. The next run would index it.
pub fn may_find_more_pairs(fewest_crowded: Option<usize>, removed: usize) -> bool {
    fewest_crowded.is_some_and(|fewest| fewest.saturating_sub(removed) <= MAX_BUCKET)
}

/// Finds the copies among the fingerprinted candidates: exact groups, the
/// structural repeats among them, then near-duplicate pairs (only when a
/// rule that removes them is enabled).
pub fn matches(
    prints: &Fingerprints<'_>,
    document: impl Fn(usize) -> usize,
    remembered: (&Comparisons, &ShingleIndexes),
    options: &Options,
) -> Matches {
    let (fingerprints, digests) = (&prints.fingerprints, &prints.digests);
    let groups = exact_groups(digests);
    let structural = structural_repeats(
        &groups,
        digests,
        fingerprints,
        (options.min_words, remembered.0),
    );
    let structural = rows_of_one_list(
        structural,
        &groups,
        digests,
        (fingerprints, options.min_words),
    );
    let mut representative = vec![false; fingerprints.len()];
    for group in groups.iter() {
        representative[group[0]] = !group.iter().any(|&member| structural[member])
            && fingerprints[group[0]].token_count() >= options.min_words;
    }
    let (pairs, fewest_crowded) =
        if options.rules.enabled(NEAR_DUPLICATE) || options.rules.enabled(CAPTION) {
            near_duplicate_pairs(
                fingerprints,
                document,
                &representative,
                &options.thresholds,
                remembered,
            )
        } else {
            (Vec::new(), None)
        };
    Matches {
        groups,
        structural,
        pairs,
        compared: representative,
        fewest_crowded,
    }
}

/// `structural`, with the copies that are rows of one list of the page's
/// own ([`crate::listing::list_spans`]: figures, times, dates, senses, a
/// week's days) marked structural too. A club's fixtures repeat a kick-off,
/// a ground and a league line for line ("15:00 · Riverside Park · Northern
/// League Division One"), each under its own date and match, with other
/// rows between, so no section repeats a second line for them to align by
/// (`benches/modern17` 05 lost one). A pasted block is no row of its own:
/// a copy under the same line as an earlier copy is left out, and goes as
/// a copy if it is long. Only groups of short lines with a long copy are
/// read, as only a long copy is ever removed, and the page's lists are
/// found once, when the first such pair is read.
fn rows_of_one_list(
    mut structural: Vec<bool>,
    groups: &ExactGroups,
    digests: &[Digest],
    (fingerprints, min_words): (&[Fingerprinted<'_>], usize),
) -> Vec<bool> {
    let mut lists: Option<Vec<(usize, usize)>> = None;
    for group in groups.iter().filter(|group| group.len() > 1) {
        // A list's row says no sentence: a pasted paragraph, the copy most
        // groups hold, is passed over before any list is sought.
        let row_shaped = crate::listing::is_short_line(fingerprints[group[0]].text);
        if !row_shaped
            || !group
                .iter()
                .any(|&member| fingerprints[member].token_count() >= min_words)
        {
            continue;
        }
        let mut lines_over: FxHashSet<Digest> = FxHashSet::default();
        let rows: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&member| member > 0 && lines_over.insert(digests[member - 1]))
            .collect();
        for pair in rows.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if structural[a] && structural[b] {
                continue;
            }
            let lists = lists.get_or_insert_with(|| {
                let texts: Vec<&str> = fingerprints.iter().map(|print| print.text).collect();
                crate::listing::list_spans(&texts)
            });
            // The lists are in order and apart: only the last to open at
            // or above `a` may hold it.
            let at = lists.partition_point(|&(start, _)| start <= a);
            if at > 0 && b <= lists[at - 1].1 {
                structural[a] = true;
                structural[b] = true;
            }
        }
    }
    structural
}

/// Copies of a short line that recur at least this often, each followed by
/// different content, are structure (a repeated question, a section label).
const STRUCTURAL_REPEATS: usize = 3;

/// Structural lines are short: a heading, a question, a label.
const STRUCTURAL_MAX_TOKENS: usize = 40;

/// Groups of candidates with the same digest, each group's members in order,
/// the groups in order of their first member. They are held in one flat list
/// because most groups have a single member: a list for each cost a big file
/// of short distinct lines some 80 bytes a paragraph.
#[derive(Debug)]
pub struct ExactGroups {
    members: Vec<usize>,
    /// Where each group ends in `members`.
    ends: Vec<usize>,
}

impl ExactGroups {
    /// The number of groups.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Group `index`'s members, in order.
    fn get(&self, index: usize) -> &[usize] {
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.members[start..self.ends[index]]
    }

    /// The groups, each as its members in order.
    pub fn iter(&self) -> impl Iterator<Item = &[usize]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| &self.members[start..end])
    }
}

/// Groups the candidates by digest. Sorting brings the copies together, and
/// a count of each group's members places them in the flat list: no map from
/// digest to group, which for a big file of distinct lines cost more than
/// the groups themselves.
pub fn exact_groups(digests: &[Digest]) -> ExactGroups {
    let count = digests.len();
    // Each candidate as its digest's top half above its index, sorted as
    // plain numbers: sorting indices by the digests they point to read the
    // digests in random order and took a twelfth of a big file's run.
    let mut keyed: Vec<u128> = digests
        .iter()
        .enumerate()
        .map(|(index, digest)| (digest >> 64) << 64 | index as u128)
        .collect();
    keyed.sort_unstable();
    // The first copy of each candidate's group stands for the group. A run
    // of equal top halves is nearly always one digest, but the whole digest
    // decides: `leaders` are the run's distinct digests, each by its first
    // copy (the run is in index order).
    let mut first = vec![0; count];
    let mut leaders: Vec<usize> = Vec::new();
    for run in keyed.chunk_by(|a, b| a >> 64 == b >> 64) {
        leaders.clear();
        for &entry in run {
            let member = entry as u64 as usize;
            first[member] = match leaders.iter().find(|&&l| digests[l] == digests[member]) {
                Some(&leader) => leader,
                None => {
                    leaders.push(member);
                    member
                }
            };
        }
    }
    drop(keyed);
    // `next_slot[f]`: the group's size, then where its next member goes.
    let mut next_slot = vec![0; count];
    for &f in &first {
        next_slot[f] += 1;
    }
    let mut ends = Vec::new();
    let mut end = 0;
    for candidate in 0..count {
        if first[candidate] == candidate {
            let size = next_slot[candidate];
            next_slot[candidate] = end;
            end += size;
            ends.push(end);
        }
    }
    let mut members = vec![0; count];
    for (candidate, &f) in first.iter().enumerate() {
        members[next_slot[f]] = candidate;
        next_slot[f] += 1;
    }
    ExactGroups { members, ends }
}

/// Paragraphs either side of a repeat that are read to align it with
/// another copy of it (see [`alignment`]).
const ALIGN_WINDOW: usize = 8;

/// An agreeing neighbour this many places (counted from 0) or fewer from
/// both copies shows they sit inside their sections' runs of lines: one
/// place for the next line, one for a line inserted between.
const ADJACENT_ANCHOR: usize = 2;

/// Rounds of alignment at most (each takes out copies that will go); real
/// pages settle in two or three.
const MAX_ALIGNMENT_ROUNDS: usize = 8;

/// Other repeated paragraphs that must sit at the same offsets around two
/// copies for them to be parallel sections rather than a pasted block: two
/// different lines, or one line agreeing at two offsets in step (cards of
/// one shape, each ending on the same button).
const MIN_ALIGNED_ANCHORS: usize = 2;

/// Which candidates are structural repeats, natural to the page and kept:
/// every copy of a short heading-like line repeated before different content
/// ([`heading_before_different_content`]), and every copy that sits at the
/// same place in a parallel section as the copy before or after it
/// ([`alignment`], or [`templated_frame`] where the sections repeat no
/// other line). Only neighbouring copies are
/// compared, so a line repeated 100,000 times costs 100,000 checks.
///
/// Sections are aligned as the clean copy will read: the copies that are
/// going to be removed (the pasted ones) are taken out and the alignment is
/// made again, until it holds on what stays, so cleaning the clean copy finds
/// the same structure. Copies only ever leave, so this ends.
pub fn structural_repeats(
    groups: &ExactGroups,
    digests: &[Digest],
    fingerprints: &[Fingerprinted<'_>],
    (min_words, comparisons): (usize, &Comparisons),
) -> Vec<bool> {
    let count = digests.len();
    // Without a copy there is no structure, and nothing below need be held.
    if groups.len() == count {
        return vec![false; count];
    }
    // Indices below are held in 32 bits, as their lists are a big file's
    // peak (a file of one-character lines is all copies); the separators'
    // groups (below) count down from the top, above every real group.
    assert!(count < 1 << 31, "fewer than 2^31 paragraphs");
    let mut group_of = vec![0u32; count];
    for (index, group) in groups.iter().enumerate() {
        for &member in group {
            group_of[member] = index32(index);
        }
    }
    let long = |member: usize| fingerprints[member].token_count() >= min_words;
    // What follows each copy of a heading or a block is read past the long
    // copies after it, which leave; without a long copy each candidate's
    // next is the one after it, and no list is held (a file of a million
    // one-character lines has none).
    let has_long_copy = groups
        .iter()
        .any(|group| group[1..].iter().any(|&member| long(member)));
    let next_past_copies = if has_long_copy {
        next_past_copies(groups, count, long)
    } else {
        Vec::new()
    };
    let mut present = vec![true; count];
    let mut structural = vec![false; count];
    // Whether each member is aligned with the next present member of its
    // group (`aligned_with`), kept across rounds: a pair is aligned again
    // only when that partner changed or a neighbour within the alignment
    // window left (`moved`). Without it a big file, whose rounds each take
    // out a few copies, aligned every pair of every round again.
    let mut aligned_with = vec![(u32::MAX, Alignment::Unaligned); count];
    let mut moved = vec![true; count];
    // The groups to read again this round: at first all of them, then only
    // those that lost a member or have one near a copy that left. The others
    // read as they did, and what they remove is already gone.
    let mut dirty = vec![true; groups.len()];
    // The groups whose copies only hint at parallel sections this round
    // (`Alignment::Hinted`).
    let mut hinted = vec![false; groups.len()];
    for _ in 0..MAX_ALIGNMENT_ROUNDS {
        let kept: Vec<u32> = (0..count).filter(|&i| present[i]).map(index32).collect();
        let mut position = vec![u32::MAX; count];
        for (at, &member) in kept.iter().enumerate() {
            position[member as usize] = index32(at);
        }
        // A line without a word (a `___` or `* * *` separator) marks no
        // place in a section: it gets a group of its own at each position.
        let kept_groups: Vec<u32> = kept
            .iter()
            .enumerate()
            .map(|(at, &i)| {
                if fingerprints[i as usize].token_count() == 0 {
                    u32::MAX - index32(at)
                } else {
                    group_of[i as usize]
                }
            })
            .collect();
        let to_read = || {
            groups
                .iter()
                .enumerate()
                .filter(|(index, group)| group.len() > 1 && dirty[*index])
        };
        for (index, group) in to_read() {
            hinted[index] = false;
            for &member in group {
                structural[member] = false;
            }
            let members: Vec<usize> = group.iter().copied().filter(|&m| present[m]).collect();
            let follows = (digests, next_past_copies.as_slice());
            if heading_before_different_content(&members, follows, fingerprints) {
                for &member in &members {
                    structural[member] = true;
                }
                continue;
            }
            // Only a long copy is ever removed, so only a long group's
            // places are read (a file of one-character lines is one group).
            // The copies at one place in their sections stay, and the others
            // are aligned as any copy is: they may be parallel sections too.
            if members.first().is_some_and(|&first| long(first)) {
                let sections = (kept.as_slice(), position.as_slice());
                for member in placed_in_sections(&members, sections, digests, fingerprints) {
                    structural[member] = true;
                }
            }
            for pair in members.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let known = aligned_with[a];
                let alignment = if known.0 as usize == b && !moved[a] && !moved[b] {
                    known.1
                } else {
                    let (at_a, at_b) = (position[a] as usize, position[b] as usize);
                    // Only a long copy is ever removed (`long`), so only
                    // its frame is read: most repeated lines of a page
                    // dump are short.
                    let alignment = match alignment(at_a, at_b, &kept_groups) {
                        Alignment::Parallel => Alignment::Parallel,
                        other if long(a) => {
                            let frame = (kept.as_slice(), kept_groups.as_slice());
                            match templated_frame(at_a, at_b, frame, fingerprints, comparisons) {
                                Alignment::Unaligned => other,
                                templated => templated,
                            }
                        }
                        other => other,
                    };
                    aligned_with[a] = (index32(b), alignment);
                    alignment
                };
                match alignment {
                    Alignment::Parallel => {
                        structural[a] = true;
                        structural[b] = true;
                    }
                    Alignment::Hinted => hinted[index] = true,
                    Alignment::Unaligned => {}
                }
            }
        }
        moved.fill(false);
        // What the decisions will remove from the groups `indices`: in a
        // structural group the copies out of sequence, otherwise every long
        // copy but one. They leave `present`, and their neighbours move.
        let mut remove_copies = |indices: &[usize]| {
            let mut removed = Vec::new();
            for &index in indices {
                let group = groups.get(index);
                let has_structure = group.iter().any(|&m| structural[m]);
                let mut first_long = true;
                let members: Vec<usize> = group
                    .iter()
                    .copied()
                    .filter(|&m| present[m] && long(m))
                    .collect();
                for member in members {
                    let goes = if has_structure {
                        !structural[member]
                    } else {
                        !std::mem::take(&mut first_long)
                    };
                    if goes {
                        present[member] = false;
                        removed.push(member);
                        let at = position[member] as usize;
                        let window = at.saturating_sub(ALIGN_WINDOW)
                            ..(at + ALIGN_WINDOW + 1).min(kept.len());
                        for &neighbour in &kept[window] {
                            moved[neighbour as usize] = true;
                        }
                    }
                }
            }
            removed
        };
        // A group that only hints at parallel sections waits while other
        // copies leave: a pasted copy among its sections may be what puts
        // them out of step, and once it is gone they may align. It is
        // decided in the first round where nothing else leaves.
        let (mut waiting, now): (Vec<usize>, Vec<usize>) = to_read()
            .map(|(index, _)| index)
            .partition(|&index| hinted[index] && !groups.get(index).iter().any(|&m| structural[m]));
        let mut removed_any = remove_copies(&now);
        if removed_any.is_empty() {
            removed_any = remove_copies(&std::mem::take(&mut waiting));
        }
        if removed_any.is_empty() {
            break;
        }
        dirty.fill(false);
        for member in removed_any
            .into_iter()
            .chain((0..count).filter(|&i| moved[i]))
        {
            dirty[group_of[member] as usize] = true;
        }
        for index in waiting {
            dirty[index] = true;
        }
    }
    structural
}

/// A heading, question or label (one line of at most
/// [`STRUCTURAL_MAX_TOKENS`] words, not ending with a full stop), or a
/// block as short that opens with its label ([`opens_with_label`]: a song's
/// "Chorus:" and its lines), with at least [`STRUCTURAL_REPEATS`] copies, or
/// a refrain after verses ([`refrain_after_verses`]: a chorus printed
/// without its label) with at least [`REFRAIN_REPEATS`], no two followed by
/// the same paragraph: the same question put to each guest, the chorus
/// after each verse. A block pasted three times is followed by copies of
/// the same next paragraph, and a sentence of prose repeated three times is
/// a scrape error, not structure.
///
/// What follows a copy is read past the long copies right after it
/// (`next_past_copies`, from [`next_past_copies`]; empty when there is no
/// long copy, and then the next candidate follows), which leave unless they
/// are structure themselves: a verse pasted again after a chorus made that
/// chorus's next paragraph the same as another's, and two of a song's three
/// choruses went with the pasted verse.
fn heading_before_different_content(
    group: &[usize],
    (digests, next_past_copies): (&[Digest], &[u32]),
    fingerprints: &[Fingerprinted<'_>],
) -> bool {
    let Some(&first) = group.first() else {
        return false;
    };
    let text = fingerprints[first].text;
    if fingerprints[first].token_count() > STRUCTURAL_MAX_TOKENS {
        return false;
    }
    let refrain = !((!text.contains('\n') && !ends_with_full_stop(text)) || opens_with_label(text));
    let fewest = if !refrain || step_between_steps(group, digests, fingerprints) {
        STRUCTURAL_REPEATS
    } else if refrain_after_verses(group, digests, fingerprints) {
        REFRAIN_REPEATS
    } else {
        return false;
    };
    if group.len() < fewest {
        return false;
    }
    // A chorus sung twice at once is one refrain, with its label or without:
    // the first of the two is followed by what follows the second.
    let stanza = refrain || is_stanza(text);
    let sung_again = |i: usize| stanza && digests.get(i + 1) == Some(&digests[i]);
    let mut followers: Vec<Option<&Digest>> = group
        .iter()
        .filter(|&&i| !sung_again(i))
        .map(|&i| {
            let next = next_past_copies.get(i).map_or(i + 1, |&next| next as usize);
            digests.get(next)
        })
        .collect();
    followers.sort_unstable();
    followers.windows(2).all(|w| w[0] != w[1])
}

/// Two paragraphs read as lines of one template when they share at least
/// this share of their distinct words ([`templated`]).
const TEMPLATED_MIN_SHARE: f32 = 0.4;

/// [`templated`] reads at most this many words of each paragraph: a
/// template's lines are short.
const TEMPLATED_WORDS: usize = 64;

/// How two copies at positions `at_a < at_b` of `kept` (candidate indices;
/// `kept_groups` their exact groups) are framed by lines of one template
/// ([`templated`]) that are not copies of each other: parallel when the
/// paragraphs just before each are, and so are those just after each; a
/// hint when one side's are (the other may be a pasted copy, which leaves
/// first). Two recipes on one page: "You will need 225g butter, 225g caster
/// sugar..." and "You will need 225g butter, 225g light brown sugar...",
/// then the same "Preheat the oven..." step, then "...bake for 35 minutes"
/// and "...bake for 30 minutes". [`alignment`] asks for repeated lines
/// around the copies, and these sections repeat one line only. A pasted
/// paragraph sits among other paragraphs of its article, and a pasted block
/// among copies of its own neighbours, which are no template's lines.
fn templated_frame(
    at_a: usize,
    at_b: usize,
    (kept, kept_groups): (&[u32], &[u32]),
    fingerprints: &[Fingerprinted<'_>],
    comparisons: &Comparisons,
) -> Alignment {
    let twins = |x: usize, y: usize| {
        kept_groups[x] != kept_groups[y]
            && comparisons.templated(
                fingerprints[kept[x] as usize].text,
                fingerprints[kept[y] as usize].text,
            )
    };
    if at_a + 1 >= at_b {
        return Alignment::Unaligned;
    }
    let before = at_a > 0 && twins(at_a - 1, at_b - 1);
    let after = at_b + 1 < kept.len() && twins(at_a + 1, at_b + 1);
    match (before, after) {
        (true, true) => Alignment::Parallel,
        (false, false) => Alignment::Unaligned,
        _ => Alignment::Hinted,
    }
}

/// Whether two paragraphs read as lines of one template: each has four
/// distinct words or more among its first [`TEMPLATED_WORDS`] (split at
/// ASCII spaces and punctuation, ASCII letters lowercased), and the words
/// they share are at least [`TEMPLATED_MIN_SHARE`] of all their distinct
/// words. On bench-dev's `dups` articles, the paragraphs just before an
/// injected copy and its original, or those just after, share less than a
/// quarter (bar a pasted block's, which are copies).
fn templated(x: &str, y: &str) -> bool {
    // Split and lowercased byte by byte, each word hashed as it is read: any
    // byte that is not ASCII belongs to a word (a Cyrillic or Korean word
    // stays whole, an accented capital keeps its case), which reads both
    // lines alike at a few instructions a byte. Over the speed benchmark's
    // first copy, reading the words a character at a time through the
    // Unicode tables took 13 M instructions; this loop, 5.8 M.
    let words = |text: &str| {
        let mut words: Vec<u64> = Vec::with_capacity(TEMPLATED_WORDS);
        let mut word: Option<Fnv> = None;
        for &byte in text.as_bytes() {
            if byte.is_ascii() && !byte.is_ascii_alphanumeric() {
                if let Some(word) = word.take() {
                    words.push(word.0);
                    if words.len() == TEMPLATED_WORDS {
                        break;
                    }
                }
                continue;
            }
            word.get_or_insert_with(Fnv::new)
                .byte(byte.to_ascii_lowercase());
        }
        if words.len() < TEMPLATED_WORDS {
            words.extend(word.map(|word| word.0));
        }
        words.sort_unstable();
        words.dedup();
        words
    };
    let (x, y) = (words(x), words(y));
    if x.len() < 4 || y.len() < 4 {
        return false;
    }
    let shared = x
        .iter()
        .filter(|word| y.binary_search(word).is_ok())
        .count();
    let union = x.len() + y.len() - shared;
    shared as f32 >= TEMPLATED_MIN_SHARE * union as f32
}

/// For each of `count` candidates, the first after it that is not a long
/// copy (`long`) of an earlier one in `groups` (`count` when none is).
fn next_past_copies(groups: &ExactGroups, count: usize, long: impl Fn(usize) -> bool) -> Vec<u32> {
    let mut later_copy = vec![false; count];
    for group in groups.iter() {
        for &member in &group[1..] {
            later_copy[member] = long(member);
        }
    }
    let mut next = vec![0u32; count];
    let mut after = index32(count);
    for i in (0..count).rev() {
        next[i] = after;
        if !later_copy[i] {
            after = index32(i);
        }
    }
    next
}

/// How many paragraphs above a copy [`placed_in_sections`] reads for its
/// section's heading: a note sits at a section's head or its foot, and a
/// section of a how-to page is a few paragraphs long.
const SECTION_HEADING_REACH: usize = 6;

/// A section's heading is one line of at most this many words.
const SECTION_HEADING_MAX_TOKENS: usize = 12;

/// The copies of a group (`members`, present candidates, in order) that
/// each sit at the same place in a section of their own: the same number of
/// paragraphs under a heading (one short line that ends no sentence with a
/// full stop), each under a different heading, or each the last paragraph
/// over a different heading (or the page's end), [`STRUCTURAL_REPEATS`] of
/// them or more; none when there are fewer. A how-to page's "Note: This
/// action requires administrator privileges." closes each task's steps,
/// and every copy after the first went as an exact duplicate.
///
/// A paragraph pasted three times lands at other depths under other
/// headings, or under none: an article without subheadings has no
/// sections. A copy pasted into one of the sections sits at another depth,
/// or shares its heading with the section's own copy, and goes. Only a
/// one-line copy is placed so: the block of lines under each post of a
/// forum thread is its poster's details, the same under two of their posts
/// (`ext` 0558).
///
/// `sections` is the round's present candidates in order (`kept`) and each
/// candidate's place among them (`position`).
fn placed_in_sections(
    members: &[usize],
    (kept, position): (&[u32], &[u32]),
    digests: &[Digest],
    fingerprints: &[Fingerprinted<'_>],
) -> Vec<usize> {
    if members.len() < STRUCTURAL_REPEATS {
        return Vec::new();
    }
    let is_heading = |candidate: usize| {
        let print = &fingerprints[candidate];
        !print.text.contains('\n')
            && (1..=SECTION_HEADING_MAX_TOKENS).contains(&print.token_count())
            && !ends_with_full_stop(print.text)
    };
    // Each copy's depth under its heading, and the heading: `Head`, the
    // paragraphs counted up to the heading. Other copies above it do not
    // count: a copy pasted into a section is no paragraph of it. At most
    // twice the reach is read, so a run of copies costs little.
    let under_heading = |member: usize| {
        let mut depth = 0;
        let places = (0..position[member] as usize).rev();
        for at in places.take(2 * SECTION_HEADING_REACH) {
            let above = kept[at] as usize;
            if members.binary_search(&above).is_ok() {
                continue;
            }
            depth += 1;
            if is_heading(above) {
                return Some(((SectionSide::Head, depth), Some(&digests[above]), member));
            }
            if depth == SECTION_HEADING_REACH {
                break;
            }
        }
        None
    };
    // `Foot`: the section's last paragraph, right over the next heading or
    // the page's end (no heading), as release notes close each version
    // with the same line whatever the version lists above it.
    let over_heading = |member: usize| {
        let below = (position[member] as usize + 1..kept.len())
            .map(|at| kept[at] as usize)
            .take(2 * SECTION_HEADING_REACH)
            .find(|below| members.binary_search(below).is_err());
        match below {
            None if position[member] as usize + 1 + 2 * SECTION_HEADING_REACH > kept.len() => {
                Some(((SectionSide::Foot, 1), None, member))
            }
            Some(below) if is_heading(below) => {
                Some(((SectionSide::Foot, 1), Some(&digests[below]), member))
            }
            _ => None,
        }
    };
    let mut placed: Vec<((SectionSide, usize), Option<&Digest>, usize)> = members
        .iter()
        .filter(|&&member| !is_heading(member) && !fingerprints[member].text.contains('\n'))
        .flat_map(|&member| [under_heading(member), over_heading(member)])
        .flatten()
        .collect();
    placed.sort_unstable();
    // The place that most copies share, each in a section of its own.
    let mut best: &[((SectionSide, usize), Option<&Digest>, usize)] = &[];
    for same_place in placed.chunk_by(|a, b| a.0 == b.0) {
        let distinct = same_place.windows(2).all(|pair| pair[0].1 != pair[1].1);
        if distinct && same_place.len() > best.len() {
            best = same_place;
        }
    }
    if best.len() < STRUCTURAL_REPEATS {
        return Vec::new();
    }
    best.iter().map(|&(_, _, member)| member).collect()
}

/// Where in its section [`placed_in_sections`] places a copy: counted
/// down from the section's heading, or as its last paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum SectionSide {
    Head,
    Foot,
}

/// A recurring instruction has at most this many words
/// ([`step_between_steps`]).
const STEP_MAX_WORDS: usize = 10;

/// Whether every copy of a line (`group`) is one short sentence (at most
/// [`STEP_MAX_WORDS`] words) that comes after a different step each time (a
/// paragraph that ends with a full stop): an instruction a recipe or a
/// how-to gives after several steps ("Cover the bowl and leave for 30
/// minutes."). A copy right under a heading is pasted there. With
/// [`heading_before_different_content`]'s other test (at least
/// [`STRUCTURAL_REPEATS`] copies, each followed by different content), it
/// is structure; a sentence pasted again sits by the same paragraphs.
fn step_between_steps(
    group: &[usize],
    digests: &[Digest],
    fingerprints: &[Fingerprinted<'_>],
) -> bool {
    let text = fingerprints[group[0]].text;
    if text.contains('\n') || fingerprints[group[0]].token_count() > STEP_MAX_WORDS {
        return false;
    }
    let mut before: Vec<Option<&Digest>> = group
        .iter()
        .map(|&member| member.checked_sub(1).map(|at| &digests[at]))
        .collect();
    let after_a_step = group.iter().all(|&member| {
        member
            .checked_sub(1)
            .is_some_and(|at| ends_with_full_stop(fingerprints[at].text))
    });
    if !after_a_step
        || before
            .iter()
            .any(|digest| digest == &Some(&digests[group[0]]))
    {
        return false;
    }
    before.sort_unstable();
    before.windows(2).all(|pair| pair[0] != pair[1])
}

/// A refrain ([`refrain_after_verses`]) is one from its second copy: a
/// chorus sung twice is as much the song's as one sung three times, and
/// its copies each follow a verse of their own, which a pasted block's do
/// not.
const REFRAIN_REPEATS: usize = 2;

/// Whether every copy of a block (`group`) is a stanza ([`is_stanza`])
/// right after a stanza of another text, each copy after a different one: a
/// song's chorus after each verse, a poem's refrain, printed without a
/// label. One copy may follow another at once (the last chorus sung
/// twice) when at least [`REFRAIN_REPEATS`] follow verses. A forum
/// signature under each post and an affiliate block under each product are
/// short lines too, but under prose; a verse and its chorus pasted again
/// put the chorus after the same verse twice.
fn refrain_after_verses(
    group: &[usize],
    digests: &[Digest],
    fingerprints: &[Fingerprinted<'_>],
) -> bool {
    let mut verses = Vec::with_capacity(group.len());
    let mut sung_again = 0;
    for &member in group {
        let Some(verse) = member.checked_sub(1) else {
            return false;
        };
        if !is_stanza(fingerprints[member].text) {
            return false;
        }
        if digests[verse] == digests[member] {
            sung_again += 1;
            continue;
        }
        if !is_stanza(fingerprints[verse].text) {
            return false;
        }
        verses.push(&digests[verse]);
    }
    verses.sort_unstable();
    verses.windows(2).all(|pair| pair[0] != pair[1])
        && sung_again <= 1
        && verses.len() >= REFRAIN_REPEATS
}

/// Lines of verse have at most this many words ([`is_stanza`]).
const VERSE_LINE_MAX_WORDS: usize = 12;

/// A line of verse has at least this many words on average ([`is_stanza`]):
/// a block of one- and two-word lines is a menu or a share bar.
const VERSE_LINE_MEAN_WORDS: usize = 4;

/// Whether a block is a stanza: two lines or more, each of at most
/// [`VERSE_LINE_MAX_WORDS`] words and [`VERSE_LINE_MEAN_WORDS`] on average.
/// A song's chorus is printed after each verse, often without a label; a
/// pasted paragraph of prose is one line, and a menu's or a share bar's
/// block has a word or two a line. Words in brackets are not the verse's
/// (the chords over it, "(G - C - G)"; a direction, "[x2]").
fn is_stanza(text: &str) -> bool {
    let (mut lines, mut words) = (0, 0);
    for line in text.lines() {
        // The words of the line's sung characters, as if the bracketed
        // ones were cut out: a word starts where a sung character that is no
        // space follows a space (or nothing).
        let (mut depth, mut count, mut in_word) = (0usize, 0, false);
        for c in line.chars() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                _ if depth == 0 => {
                    count += usize::from(!c.is_whitespace() && !in_word);
                    in_word = !c.is_whitespace();
                }
                _ => {}
            }
        }
        if count > VERSE_LINE_MAX_WORDS {
            return false;
        }
        lines += 1;
        words += count;
    }
    lines >= 2 && words >= VERSE_LINE_MEAN_WORDS * lines
}

/// Whether a block of lines opens with a label on a line of its own: one to
/// three words ending with a colon, or in square brackets ("Chorus:",
/// "[Refrain]"). A pasted paragraph of prose has no such line.
fn opens_with_label(text: &str) -> bool {
    let Some((first, rest)) = text.split_once('\n') else {
        return false;
    };
    let first = first.trim();
    let label = first
        .strip_suffix(':')
        .or_else(|| first.strip_prefix('[')?.strip_suffix(']'));
    !rest.trim().is_empty()
        && label.is_some_and(|label| (1..=3).contains(&label.split_whitespace().count()))
}

/// How two copies sit in their sections ([`alignment`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Alignment {
    /// Nothing agrees around them as [`alignment`] asks.
    Unaligned,
    /// Agreeing neighbours frame them, as in parallel sections, but too few
    /// to tell: sections thrown out of step by a pasted copy look so.
    Hinted,
    /// The same item of two parallel sections.
    Parallel,
}

/// Whether two copies `a < b` (candidate indices; `group_of` maps each
/// candidate to its exact group) are the same item of two parallel sections:
/// a day-by-day plan whose every day has the same timing line, a results
/// page whose every round has the same labels. Read outwards from both
/// copies at once, offset by offset, the neighbours must agree on
/// [`MIN_ALIGNED_ANCHORS`] different lines or more (the section's other
/// repeated lines), or on one line at that many offsets with no item more on
/// either side before them: the label that ends each of a page's offer or
/// product cards, when both copies sit in cards of the same length. The same
/// line agreeing out of step is a separator or a refrain seen twice around a
/// pasted block. On one side an agreeing neighbour must lie beyond one that
/// differs (the sections say different things between their repeated lines),
/// and a neighbour within [`ADJACENT_ANCHOR`] + 1 places of each copy must
/// agree (a section's lines sit together). One side may hold one item more
/// than the other (a section with an extra line). A pasted block agrees at
/// every offset until it ends; a pasted paragraph agrees with nothing next to
/// it: both are copies. Framed and adjacent agreements that fall short of
/// those counts are a hint.
fn alignment(a: usize, b: usize, group_of: &[u32]) -> Alignment {
    // A block of paragraphs pasted again right after itself: everything
    // from the first copy up to the second recurs in order after it. Read
    // outwards, the pasted block shifts one side's window by its length,
    // and the walk below, which lets one side run an item ahead at a time,
    // can still find the page's other repeated lines framing it. (One
    // paragraph twice in a row is left to the walk: a table's row can hold
    // the same value in two columns.)
    let span = b - a;
    if span >= 2
        && b + span <= group_of.len()
        && (0..span).all(|k| group_of[a + k] == group_of[b + k])
    {
        return Alignment::Unaligned;
    }
    // Fixed arrays, not vectors: this runs for every pair of copies of a big
    // file, several times.
    let mut anchors = [0u32; 2 * ALIGN_WINDOW];
    let mut anchor_count = 0;
    let mut framed = false;
    let mut adjacent = false;
    // Agreements with as many items before them on both sides.
    let mut in_step = 0;
    for forward in [true, false] {
        let side = |from: usize| -> ([(usize, u32); ALIGN_WINDOW], usize) {
            let mut side = [(0, 0); ALIGN_WINDOW];
            let mut len = 0;
            for step in 1..=ALIGN_WINDOW {
                let at = if forward {
                    from.checked_add(step).filter(|&j| j < group_of.len())
                } else {
                    from.checked_sub(step)
                };
                let Some(at) = at else { break };
                side[len] = (at, group_of[at]);
                len += 1;
            }
            (side, len)
        };
        let ((left, left_len), (right, right_len)) = (side(a), side(b));
        let same = |i: usize, j: usize| {
            i < left_len && j < right_len && left[i].1 == right[j].1 && left[i].0 != right[j].0
        };
        // Walk both sides together; one side may hold one item more (a
        // section with an extra line, or a pasted copy in it).
        let (mut i, mut j, mut differs) = (0, 0, false);
        while i < left_len && j < right_len {
            if same(i, j) {
                anchors[anchor_count] = left[i].1;
                anchor_count += 1;
                framed |= differs;
                adjacent |= i.max(j) <= ADJACENT_ANCHOR;
                in_step += usize::from(i == j);
                i += 1;
                j += 1;
                continue;
            }
            differs = true;
            if i <= j && same(i + 1, j) {
                i += 1;
            } else if j <= i && same(i, j + 1) {
                j += 1;
            } else {
                i += 1;
                j += 1;
            }
        }
    }
    if !(framed && adjacent) {
        return Alignment::Unaligned;
    }
    let anchors = &mut anchors[..anchor_count];
    anchors.sort_unstable();
    let distinct = 1 + anchors.windows(2).filter(|w| w[0] != w[1]).count();
    if distinct >= MIN_ALIGNED_ANCHORS || in_step >= MIN_ALIGNED_ANCHORS {
        Alignment::Parallel
    } else {
        Alignment::Hinted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::caption_label_tokens;
    use crate::key::{push_key_shingles, token_count};

    /// `text`'s fingerprint.
    fn printed_one(text: &str) -> Fingerprinted<'_> {
        let key = match_key(text);
        let mut shingles = Vec::new();
        push_key_shingles(&key, &mut shingles);
        Fingerprinted::new(text, token_count(&key), shingles.leak())
    }

    fn fingerprint(text: &str, label_words: usize) -> Fingerprinted<'_> {
        let print = printed_one(text);
        assert_eq!(print.label_tokens(), label_words, "{text}");
        print
    }

    #[test]
    fn a_remembered_verdict_is_the_comparisons_own_for_that_pair_in_that_order() {
        let body = fingerprint(BODY, 0);
        let caption = fingerprint(
            "Battle for survival: Amber Rudd is fighting for her political life this weekend after a series of damaging leaks over her handling of the Windrush saga",
            3,
        );
        let other = fingerprint(
            "Labour said the Home Secretary had misled Parliament over targets for removals, and called on her to resign before the end of the week.",
            0,
        );
        let thresholds = Thresholds::default();
        let comparisons = Comparisons::default();
        for _ in 0..2 {
            for (shorter, longer) in [(&caption, &body), (&body, &caption), (&other, &body)] {
                assert_eq!(
                    comparisons.compare(shorter, longer, &thresholds),
                    compare(shorter, longer, &thresholds),
                    "{} / {}",
                    shorter.text,
                    longer.text
                );
            }
        }
        // The caption matches the body and not the other way round: each
        // order is its own pair, and a second look compared none again.
        assert!(comparisons.compare(&caption, &body, &thresholds).is_some());
        assert_eq!(comparisons.verdicts.borrow().len(), 3);
    }

    const BODY: &str = "The Home Secretary is fighting for her political life this weekend after a series of damaging leaks over her handling of the Windrush saga, which has seen citizens singled out.";

    #[test]
    fn caption_with_restated_subject_matches_after_its_label() {
        let caption = fingerprint(
            "Battle for survival: Amber Rudd is fighting for her political life this weekend after a series of damaging leaks over her handling of the Windrush saga",
            3,
        );
        let similarity = compare(&caption, &fingerprint(BODY, 0), &Thresholds::default()).unwrap();
        assert_eq!(similarity.kind, MatchKind::ContainedAfterLabel);
        assert!(similarity.score > 0.85, "{similarity:?}");
    }

    #[test]
    fn truncated_copy_is_contained() {
        let truncated = fingerprint(
            "The Home Secretary is fighting for her political life this weekend after a series of dam",
            0,
        );
        let similarity =
            compare(&truncated, &fingerprint(BODY, 0), &Thresholds::default()).unwrap();
        assert_eq!(similarity.kind, MatchKind::Contained);
    }

    /// A caption that restates a sentence and names the picture's source
    /// after it is a copy; a heading with a note in brackets, and a
    /// sentence whose bracketed end is no credit, are not.
    #[test]
    fn a_caption_with_a_credit_is_contained_once_the_credit_is_left_out() {
        let body = fingerprint(
            "Councillor Dana Whitlock said the vote reflected a shift in how residents use the corridor. Counts taken last spring recorded an average of 1,900 cyclists a day on Harbour Road, up from about 700 five years earlier.",
            0,
        );
        let thresholds = Thresholds::default();
        let caption = fingerprint(
            "Counts taken last spring recorded an average of 1,900 cyclists a day on Harbour Road. (Photo: Tomas Brandt/Coastal Press)",
            0,
        );
        let similarity = compare(&caption, &body, &thresholds).unwrap();
        assert_eq!(similarity.kind, MatchKind::CreditedSentence);
        for credited in [
            "Counts taken last spring recorded an average of 1,900 cyclists a day on Harbour Road. Credit: Ravi Sandhu/Fenwick Courier",
            "Counts taken last spring recorded an average of 1,900 cyclists a day on Harbour Road (Picture: Hanne Voss)",
        ] {
            let similarity = compare(&fingerprint(credited, 0), &body, &thresholds).unwrap();
            assert_eq!(similarity.kind, MatchKind::CreditedSentence, "{credited}");
        }
        for not_a_caption in [
            "Counts taken last spring recorded an average of 1,900 cyclists a day on Harbour Road. Note: this is the total for both directions",
            "Counts taken last spring recorded an average of 1,900 cyclists a day on Harbour Road (the new lane)",
            "Counts taken last spring recorded an average of 1,900 cyclists a day on Harbour Road. (a rise of 170%)",
            "Counts taken last spring recorded an average of 1,900 cyclists a day on Harbour Road. (Updated daily with the counts of the previous week and month)",
        ] {
            assert_eq!(
                compare(&fingerprint(not_a_caption, 0), &body, &thresholds),
                None,
                "{not_a_caption}"
            );
        }
    }

    /// A chorus printed without its label is a stanza; a pasted paragraph
    /// of prose, a menu's block of one- and two-word lines and a single line
    /// are not.
    #[test]
    fn a_stanza_is_a_block_of_short_lines_of_verse() {
        assert!(is_stanza(
            "Turn, turn, the wheel goes round,\nTurn, turn, with a weary sound,\nGrind the corn and grind the grain,\nTill the river runs dry again."
        ));
        assert!(!is_stanza("Turn, turn, the wheel goes round,"));
        assert!(!is_stanza("Home\nNews\nSport\nContact us"));
        assert!(!is_stanza(
            "The council approved its budget for next year on Tuesday night after a long debate about roads.\nIt takes effect in April."
        ));
    }

    /// Headings of parallel sections of a real page (`ext` 0262) differ in
    /// their last word only, which the allowance for a copy cut mid-word
    /// let go: three of the four went as near-duplicates of the fourth.
    #[test]
    fn a_block_opens_with_its_label_on_a_line_of_its_own() {
        assert!(opens_with_label(
            "Chorus:\nTake me down the long road home,"
        ));
        assert!(opens_with_label("[Pre-Chorus]\nHold on, hold on"));
        assert!(opens_with_label("Verse 2:\nMy mother's porch"));
        // A label alone, a sentence that ends with a colon, a paragraph of
        // prose: no labelled block.
        assert!(!opens_with_label("Chorus:"));
        assert!(!opens_with_label("Chorus:\n  "));
        assert!(!opens_with_label(
            "The minister listed three reasons for the delay:\nfunding, staff and weather."
        ));
        assert!(!opens_with_label(
            "Take me down the long road home,\nWhere the river runs"
        ));
    }

    #[test]
    fn lines_of_one_template_share_most_of_their_words() {
        // Two recipes' lists and methods: each pair shares about half its
        // distinct words.
        assert!(templated(
            "You will need 225g butter, 225g caster sugar, 275g self-raising flour, four eggs and the zest of two lemons.",
            "You will need 225g butter, 225g light brown sugar, 225g self-raising flour, 50g cocoa powder and four eggs.",
        ));
        assert!(templated(
            "Beat everything together until smooth, spread it into the tin and bake for 35 minutes.",
            "BEAT everything together until smooth, spread it into the tin and bake for 30 minutes!",
        ));
        // Two paragraphs of one article share its subject, not a template.
        assert!(!templated(
            "The new timetable adds two extra trains an hour between Leeds and York at peak times.",
            "Passenger groups welcomed the announcement but warned that reliability on the line had been poor for months.",
        ));
        // Headings share too few words to tell.
        assert!(!templated("Lemon drizzle traybake", "Chocolate traybake"));
    }

    #[test]
    fn parallel_headings_are_not_copies_cut_short() {
        let longer = fingerprint(
            "Comparison of Social Media Platforms by Location >> Image 8: Popular Social Media Platforms by Region<<",
            0,
        );
        for heading in [
            "Comparison of Social Media Platforms by Industry",
            "Comparison of Social Media Platforms by Age:",
            "Comparison of Social Media Platforms by Sex",
        ] {
            let heading = fingerprint(heading, 0);
            assert_eq!(
                compare(&heading, &longer, &Thresholds::default()),
                None,
                "{}",
                heading.text
            );
        }
        // Cut inside the word that differs, it is a copy.
        let cut = fingerprint("Comparison of Social Media Platforms by Loca", 0);
        assert!(compare(&cut, &longer, &Thresholds::default()).is_some());
    }

    #[test]
    fn shared_quotation_with_its_own_attribution_is_not_a_copy() {
        let original = fingerprint(
            "\u{201c}We have never had demand like we saw that day, and we continue to see it\u{201d} Mayer said.",
            0,
        );
        let sharer = fingerprint(
            "The words \u{201c}We have never had demand like we saw that day, and we continue to see it\u{201d} were repeated by several speakers later in the day.",
            0,
        );
        assert_eq!(compare(&original, &sharer, &Thresholds::default()), None);
    }

    /// Real lines of a forum page (`ext` 0548) and a news page's image
    /// address (dev f81c6c05): the address's last part spells the headline,
    /// and the comparison key, which drops punctuation, found the headline
    /// inside it: the headline went as a near-duplicate and the address
    /// stayed as the most complete copy.
    #[test]
    fn a_headline_is_not_a_copy_of_the_address_that_spells_it() {
        let pairs = [
            (
                "Payment issues - how to delete or change payment method",
                "https://forum.prestashop.com/topic/1103020-payment-issues-how-to-delete-or-change-payment-method/",
            ),
            (
                "How to retire early so you can work, travel, and relax on your own schedule",
                "https://static6.businessinsider.de/image/5d1ce1ae2516e9500e130fa8-500-250/how-to-retire-early-so-you-can-work-travel-and-relax-on-your-own-schedule.jpg",
            ),
        ];
        let thresholds = Thresholds::default();
        for (headline, address) in pairs {
            let (headline, address) = (fingerprint(headline, 0), fingerprint(address, 0));
            assert_eq!(
                compare(&headline, &address, &thresholds),
                None,
                "{}",
                headline.text
            );
            // Two copies of the address still are copies.
            let again = fingerprint(address.text, 0);
            assert!(compare(&address, &again, &thresholds).is_some());
        }
        let page = "Payment issues - how to delete or change payment method\n\n\
                    https://forum.prestashop.com/topic/1103020-payment-issues-how-to-delete-or-change-payment-method/\n\n\
                    I cannot find where to delete the card I added to my account last year, and support has not answered.";
        let cleaned = crate::clean(page, &crate::Options::default());
        assert_eq!(cleaned.removals().count(), 0, "{}", cleaned.text);
    }

    #[test]
    fn light_edit_matches_but_a_changed_number_does_not() {
        let a = fingerprint(
            "The council approved the new budget for the library on Tuesday evening after a long debate.",
            0,
        );
        let edited = fingerprint(
            "The council approved the new budget for the libraries on Tuesday evening after a long debate.",
            0,
        );
        let renumbered = fingerprint(
            "The council approved the new budget for the library on Tuesday evening after 3 long debates.",
            0,
        );
        assert_eq!(
            compare(&edited, &a, &Thresholds::default()).unwrap().kind,
            MatchKind::LightEdit
        );
        assert_eq!(compare(&renumbered, &a, &Thresholds::default()), None);
    }

    #[test]
    fn a_template_filled_in_with_other_names_is_no_light_edit() {
        let light_edit = |a: &str, b: &str| {
            compare(
                &fingerprint(a, 0),
                &fingerprint(b, 0),
                &Thresholds::default(),
            )
            .map(|similarity| similarity.kind)
        };
        // The same step under two tabs of a quickstart, and two questions
        // of an FAQ: each names what the other does not.
        let step = "With the Node.js script saved and your API key exported, run it from the terminal in your project folder.";
        for other in [
            "With the Ruby script saved and your API key exported, run it from the terminal in your project folder.",
            "With the send_message.rb script saved and your API key exported, run it from the terminal in your project folder.",
        ] {
            assert!(puts_other_names(step, other), "{other}");
            assert_eq!(light_edit(other, step), None, "{other}");
        }
        assert_eq!(
            light_edit(
                "How much should I pay for a cleaner at home in San Diego on a weekday?",
                "How much should I pay for a cleaner at home in San Francisco on a weekday?",
            ),
            None
        );
        // At the text's start only a capital after the first letter names
        // (in lower case, the same pair is a light edit).
        assert_eq!(
            light_edit(
                "iphone pro cases ship with a strap, a cleaning cloth and a two-year warranty in every country we sell to.",
                "ipad air cases ship with a strap, a cleaning cloth and a two-year warranty in every country we sell to.",
            ),
            Some(MatchKind::LightEdit)
        );
        assert_eq!(
            light_edit(
                "iPhone Pro cases ship with a strap, a cleaning cloth and a two-year warranty in every country we sell to.",
                "iPad Air cases ship with a strap, a cleaning cloth and a two-year warranty in every country we sell to.",
            ),
            None
        );
        // Light edits stay copies: a typo fixed, a common word swapped, a
        // sentence's first word (capitalised anyway), an attribution glued
        // to the first word (one word against two), two names swapped.
        let retold = "Amber Rudd told the committee on Tuesday that the removal targets for the year had never been set by her office or her team.";
        for (edited, original) in [
            (
                "With the Node.js script saved and your API key exported, run it from the termnial in your project folder.",
                step,
            ),
            (
                "With the Node.js script saved and your API key exported, start it from the terminal in your project folder.",
                step,
            ),
            (
                "Ms Rudd told the committee on Tuesday that the removal targets for the year had never been set by her office or her team.",
                retold,
            ),
            (
                "Rudd wrote:Amber Rudd told the committee on Tuesday that the removal targets for the year had never been set by her office or her team.",
                retold,
            ),
            (
                "Rudd Amber told the committee on Tuesday that the removal targets for the year had never been set by her office or her team.",
                retold,
            ),
        ] {
            assert!(!puts_other_names(edited, original), "{edited}");
            assert_eq!(
                light_edit(edited, original),
                Some(MatchKind::LightEdit),
                "{edited}"
            );
        }
    }

    /// The full Levenshtein table, for checking the banded one.
    fn full_edit_distance(a: &[&str], b: &[&str]) -> usize {
        let mut previous: Vec<usize> = (0..=b.len()).collect();
        for (i, a_token) in a.iter().enumerate() {
            let mut current = vec![i + 1; b.len() + 1];
            for j in 1..=b.len() {
                current[j] = (previous[j - 1] + usize::from(*a_token != b[j - 1]))
                    .min(previous[j] + 1)
                    .min(current[j - 1] + 1);
            }
            previous = current;
        }
        previous[b.len()]
    }

    proptest::proptest! {
        #[test]
        fn banded_edit_distance_is_the_full_one_within_its_limit(
            a in proptest::collection::vec("[abc]", 0..12),
            b in proptest::collection::vec("[abc]", 0..12),
            limit in 0usize..14,
        ) {
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            let b: Vec<&str> = b.iter().map(String::as_str).collect();
            let full = full_edit_distance(&a, &b);
            let expected = (full <= limit).then_some(full);
            proptest::prop_assert_eq!(edit_distance_within(&a, &b, limit), expected);
        }
    }

    proptest::proptest! {
        /// Each look's index read from the remembered one is the index
        /// built afresh for that look: looks at shrinking pages (each a
        /// subset of the one before, as `decide::settled` and the page
        /// model's rounds look), each comparing some of its paragraphs,
        /// some of them not compared by the first look.
        #[test]
        fn a_remembered_index_gives_each_later_look_its_own_index(
            shingles in proptest::collection::vec(
                proptest::collection::vec(0u32..40, 0..8), 1..24),
            looks in proptest::collection::vec(
                proptest::collection::vec((proptest::bool::ANY, proptest::bool::ANY), 24), 1..5),
        ) {
            let texts: Vec<String> = (0..shingles.len()).map(|i| format!("paragraph {i}")).collect();
            let all: Vec<Fingerprinted<'_>> = texts
                .iter()
                .zip(&shingles)
                .map(|(text, shingles)| Fingerprinted::new(text, shingles.len(), shingles))
                .collect();
            let indexes = ShingleIndexes::default();
            let mut page: Vec<usize> = (0..all.len()).collect();
            for look in &looks {
                let paragraphs: Vec<Fingerprinted<'_>> =
                    page.iter().map(|&document| all[document].clone()).collect();
                let eligible: Vec<bool> = (0..page.len()).map(|at| look[at].0).collect();
                let remembered = indexes.entries(&paragraphs, |at| page[at], &eligible);
                let indices = eligible_indices(&eligible);
                let mut fresh = whole_index(&paragraphs, &indices);
                named_by_index(&mut fresh, &indices);
                proptest::prop_assert_eq!(remembered, fresh);
                // The next look keeps some of this one's paragraphs.
                page = page.iter().zip(look).filter(|(_, look)| look.1).map(|(&d, _)| d).collect();
            }
        }
    }

    #[test]
    fn caption_labels_are_short_title_like_prefixes() {
        let cases = [
            ("Battle for survival: Amber Rudd is fighting", 3),
            ("Not so fast: The markets were mixed", 3),
            ("One friend said: \u{2018}In many ways she is too nice", 0),
            (
                "Taking charge: \u{201c}Markets usually run ahead of growth",
                2,
            ),
            // A name over a remark wholly in quotation marks heads an
            // interview (`benches/modern11` 23); words after the remark make
            // a caption again.
            ("Marnie Coyle: \"Fame is mostly waiting in car parks\"", 0),
            (
                "Taking charge: \u{201c}Markets usually run ahead,\u{201d} she said",
                2,
            ),
            ("Not so fast: \u{2014} the story began with baking", 3),
            ("Step 2: Remove the front cover", 2),
            (
                "The minister, speaking at a rally in the north of the city: we will win",
                0,
            ),
            ("no capital: here it is", 0),
            ("Plain sentence without a colon.", 0),
            ("A first line\nSecond line: with a label after it", 0),
            (
                "Battle for survival: Amber Rudd is fighting\r\nfor her job",
                3,
            ),
            ("Ratio 3:2 then Step 2: Remove the front cover", 6),
        ];
        for (text, expected) in cases {
            assert_eq!(caption_label_tokens(text), expected, "{text:?}");
        }
    }

    /// `texts`' fingerprints, and digests that are each text's first place.
    fn printed<'a>(texts: &[&'a str]) -> (Vec<Fingerprinted<'a>>, Vec<Digest>) {
        let prints = texts.iter().map(|text| printed_one(text)).collect();
        let digests = texts
            .iter()
            .map(|text| texts.iter().position(|other| other == text).unwrap() as Digest)
            .collect();
        (prints, digests)
    }

    #[test]
    fn a_lists_rows_repeat_their_cells_where_a_pasted_block_repeats_its_neighbours() {
        const KICK_OFF: &str = "15:00 · Riverside Park · Northern League Division One";
        let fixtures = vec![
            "October 2025 Fixtures",
            "Saturday 4 October",
            "Millbrook Rovers v Ashcombe Town",
            KICK_OFF,
            "Tuesday 7 October",
            "Harlow Vale v Millbrook Rovers",
            "19:45 · The Meadows · Northern League Division One",
            "Saturday 11 October",
            "Millbrook Rovers v Corby Mill",
            "15:00 · Riverside Park · County Cup, Second Round",
            "Saturday 25 October",
            "Millbrook Rovers v Dene Valley",
            KICK_OFF,
        ];
        // The first row's match and kick-off pasted again under the
        // second's date.
        let mut pasted = fixtures.clone();
        pasted.splice(5..5, ["Millbrook Rovers v Ashcombe Town", KICK_OFF]);
        let article = vec![
            "The club confirmed on Monday that the home game against Ashcombe Town goes ahead as planned.",
            KICK_OFF,
            "Supporters are asked to arrive early, as the car park on Mill Lane is closed for resurfacing.",
            "The manager said the squad had trained well and that two players were back from injury.",
            KICK_OFF,
            "Tickets remain on sale at the club shop and online until the morning of the game.",
        ];
        let cases: [(&[&str], &[usize]); 3] = [
            // Each copy is a row's kick-off, under its own date and match.
            (&fixtures, &[3, 12]),
            // The pasted kick-off lies under the same match as the first
            // row's: no row of its own.
            (&pasted, &[3, 14]),
            // Copies among an article's paragraphs are in no list.
            (&article, &[]),
        ];
        for (texts, expected) in cases {
            let (prints, digests) = printed(texts);
            let groups = exact_groups(&digests);
            let structural = rows_of_one_list(
                vec![false; texts.len()],
                &groups,
                &digests,
                (&prints, crate::DEFAULT_MIN_WORDS),
            );
            let found: Vec<usize> = (0..texts.len()).filter(|&i| structural[i]).collect();
            assert_eq!(found, expected, "{texts:#?}");
        }
    }

    #[test]
    fn exact_groups_list_copies_in_order_of_their_first_member() {
        let groups = exact_groups(&[5, 3, 5, 7, 3, 5, 1]);
        let listed: Vec<&[usize]> = groups.iter().collect();
        assert_eq!(listed, [&[0, 2, 5][..], &[1, 4], &[3], &[6]]);
        assert_eq!(groups.len(), 4);
        assert_eq!(exact_groups(&[]).iter().count(), 0);
        // Digests that share their top half are still told apart.
        let high = 9u128 << 64;
        let groups = exact_groups(&[high | 5, high | 7, 3, high | 5]);
        let listed: Vec<&[usize]> = groups.iter().collect();
        assert_eq!(listed, [&[0, 3][..], &[1], &[2]]);
    }

    #[test]
    fn pairs_come_from_shared_shingles_only() {
        let paragraphs = vec![
            fingerprint(BODY, 0),
            fingerprint(
                "Completely unrelated text about gardening in the spring and the best time to plant tomatoes.",
                0,
            ),
            fingerprint(
                "The Home Secretary is fighting for her political life this weekend after a series of damaging leaks",
                0,
            ),
        ];
        let (pairs, _) = near_duplicate_pairs(
            &paragraphs,
            |index| index,
            &[true, true, true],
            &Thresholds::default(),
            (&Comparisons::default(), &ShingleIndexes::default()),
        );
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].shorter, pairs[0].longer), (2, 0));
    }

    #[test]
    fn a_crowded_shingle_is_read_again_once_enough_of_its_paragraphs_go() {
        // Nothing crowded: nothing to find again.
        assert!(!may_find_more_pairs(None, 100));
        // 20 paragraphs shared a shingle: 4 gone bring it to the index's 16.
        assert!(!may_find_more_pairs(Some(20), 3));
        assert!(may_find_more_pairs(Some(20), 4));
        assert!(may_find_more_pairs(Some(MAX_BUCKET + 1), 1));
    }

    #[test]
    fn code_lines_differing_in_one_token_are_not_light_edits() {
        assert!(is_code_like(
            "let total = items.iter().map(|x| x.price).sum::<u32>();"
        ));
        assert!(!is_code_like(
            "The council approved the new cycle lane (after a long debate)."
        ));
        let a = fingerprint(
            "config.set(\"timeout\", value_a); config.save(path_one); return result;",
            0,
        );
        let b = fingerprint(
            "config.set(\"timeout\", value_b); config.save(path_one); return result;",
            0,
        );
        assert_eq!(compare(&a, &b, &Thresholds::default()), None);
    }

    /// `benches/modern` 22, an API's reference: a request, then the same
    /// request with one more argument, each continued on the next line. Its
    /// address leaves it too few symbols to read as code, and the shorter
    /// went as a truncated copy of the longer.
    #[test]
    fn a_command_is_no_copy_of_the_same_command_with_more_arguments() {
        let short = "curl https://api.harbourpost.example/v1/parcels/prc_7Kd2mQ \\";
        let long = "curl https://api.harbourpost.example/v1/parcels/prc_7Kd2mQ?include=label \\";
        assert!(!is_code_like(short) && continues_on_next_line(short));
        let (a, b) = (fingerprint(short, 0), fingerprint(long, 0));
        assert_eq!(compare(&a, &b, &Thresholds::default()), None);
        // The same lines without the continuation are a truncated copy.
        let (short, long) = (short.trim_end_matches(" \\"), long.trim_end_matches(" \\"));
        let (a, b) = (fingerprint(short, 0), fingerprint(long, 0));
        assert!(compare(&a, &b, &Thresholds::default()).is_some());
    }
}
