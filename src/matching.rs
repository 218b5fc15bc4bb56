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

use crate::fingerprint::{
    SHINGLE_WORDS, Shingle, match_key, shingle_set, shingles_in_order, tokens,
};

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

/// What matching knows about one paragraph.
#[derive(Debug, Clone)]
pub struct Fingerprinted<'a> {
    /// The paragraph's text. Its comparison key is computed again for the few
    /// pairs that are compared word by word rather than kept for every
    /// paragraph: for a big file the keys would be as large as the text.
    pub text: &'a str,
    /// Number of tokens in the key.
    pub token_count: usize,
    /// Tokens of a short caption label (`Battle for survival: `) that starts
    /// the paragraph, or 0.
    pub label_tokens: usize,
    /// The text ends a sentence (`.`, `!`, `?`; an ellipsis marks a cut, not an end).
    pub ends_sentence: bool,
    /// The key's shingle hashes, in order (a paragraph that repeats a
    /// phrase has its shingles twice).
    pub shingles: &'a [Shingle],
}

impl Fingerprinted<'_> {
    /// Tokens after the caption label: what the paragraph says.
    pub fn body_tokens(&self) -> usize {
        self.token_count.saturating_sub(self.label_tokens)
    }
}

/// How a shorter paragraph matched a longer one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MatchKind {
    /// All its words occur, in order, in the longer paragraph.
    Contained,
    /// Contained once its caption label is ignored.
    ContainedAfterLabel,
    /// Equal length give or take, a few words changed.
    LightEdit,
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

/// Finds the near-duplicate pairs among the paragraphs marked `eligible`.
/// Deterministic: pairs come out sorted by index.
pub fn near_duplicate_pairs(
    paragraphs: &[Fingerprinted<'_>],
    eligible: &[bool],
    thresholds: &Thresholds,
) -> Vec<NearPair> {
    // The index is built one slice of the hash space at a time, so its
    // memory is a fraction of all shingles even for one huge document.
    let eligible_shingles: usize = paragraphs
        .iter()
        .zip(eligible)
        .filter(|(_, eligible)| **eligible)
        .map(|(paragraph, _)| paragraph.shingles.len())
        .sum();
    let (partitions, shift) = if eligible_shingles > PARTITIONED_SHINGLES {
        (INDEX_PARTITIONS, PARTITION_SHIFT)
    } else {
        (1, Shingle::BITS)
    };
    let mut shared: Vec<(u32, u32)> = Vec::new();
    // Each paragraph's distinct shingles, counted as the index drops repeats.
    let mut distinct: Vec<usize> = paragraphs.iter().map(|p| p.shingles.len()).collect();
    for partition in 0..partitions {
        let mut entries: Vec<(Shingle, u32)> =
            Vec::with_capacity(eligible_shingles.div_ceil(partitions as usize));
        for (index, paragraph) in paragraphs.iter().enumerate() {
            if eligible[index] {
                let index = u32::try_from(index).expect("fewer than 2^32 paragraphs");
                entries.extend(
                    paragraph
                        .shingles
                        .iter()
                        .filter(|&&s| s.checked_shr(shift).unwrap_or(0) == partition)
                        .map(|&s| (s, index)),
                );
            }
        }
        entries.sort_unstable();
        // A shingle a paragraph repeats is indexed once.
        entries.dedup_by(|later, earlier| {
            let repeated = later == earlier;
            if repeated {
                distinct[later.1 as usize] -= 1;
            }
            repeated
        });
        for bucket in entries.chunk_by(|a, b| a.0 == b.0) {
            if bucket.len() < 2 || bucket.len() > MAX_BUCKET {
                continue;
            }
            for (i, &(_, a)) in bucket.iter().enumerate() {
                shared.extend(bucket[i + 1..].iter().map(|&(_, b)| (a, b)));
            }
        }
    }
    shared.sort_unstable();

    let mut pairs = Vec::new();
    for run in shared.chunk_by(|a, b| a == b) {
        let (a, b) = (run[0].0 as usize, run[0].1 as usize);
        let (shorter, longer) = if paragraphs[b].body_tokens() < paragraphs[a].body_tokens() {
            (b, a)
        } else {
            (a, b)
        };
        let needed = distinct[shorter]
            .saturating_sub(paragraphs[shorter].label_tokens)
            .div_ceil(2)
            .max(1);
        if run.len() < needed {
            continue;
        }
        if let Some(similarity) = compare(&paragraphs[shorter], &paragraphs[longer], thresholds) {
            pairs.push(NearPair {
                shorter,
                longer,
                similarity,
            });
        }
    }
    pairs
}

/// Is `shorter` a near duplicate of `longer`?
///
/// Containment must cover every token of the shorter paragraph, with two
/// allowances that real copies need: the last token may be cut mid-word (a
/// truncated copy), and a caption may restate the subject in its first two
/// words ("Amber Rudd is fighting..." for "The Home Secretary is fighting...").
/// Tokens left over anywhere else mean the shorter paragraph says something the
/// longer one does not (a quotation shared by two paragraphs, each with its
/// own attribution), and both stay.
pub fn compare(
    shorter: &Fingerprinted<'_>,
    longer: &Fingerprinted<'_>,
    thresholds: &Thresholds,
) -> Option<Similarity> {
    let short_key = match_key(shorter.text);
    let short_tokens: Vec<&str> = tokens(&short_key).collect();
    let longer_set = shingle_set(longer.shingles);
    let mut offsets = vec![(0, MatchKind::Contained)];
    if shorter.label_tokens > 0 {
        offsets.push((shorter.label_tokens, MatchKind::ContainedAfterLabel));
    }
    for (offset, kind) in offsets {
        let body = &short_tokens[offset.min(short_tokens.len())..];
        if body.len() < SHINGLE_WORDS {
            continue;
        }
        if kind == MatchKind::Contained && shorter.ends_sentence {
            // A whole sentence found inside a longer paragraph is how an
            // article quotes itself (a pull quote, a summary line); copies a
            // scraper cuts off end mid-sentence or carry a caption label.
            continue;
        }
        if kind == MatchKind::ContainedAfterLabel
            && longer.label_tokens > 0
            && longer.token_count - longer.label_tokens < 2 * body.len()
        {
            // Both open with a label and say about as much: items of a
            // templated list ("Cars: £12.50 a day", "Vans: £12.50 a day").
            continue;
        }
        let allowed_lead = if kind == MatchKind::ContainedAfterLabel {
            2
        } else {
            0
        };
        if let Some(score) = containment(body, &longer_set, allowed_lead)
            && score >= thresholds.containment
        {
            return Some(Similarity { kind, score });
        }
    }
    light_edit(&short_tokens, longer, thresholds)
}

/// Share of `body`'s shingles found in `longer_shingles`, or `None` when a
/// token outside the allowances is not covered by any shared shingle.
fn containment(body: &[&str], longer_shingles: &[Shingle], allowed_lead: usize) -> Option<f32> {
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
    all_covered.then(|| shared as f32 / shingles.len() as f32)
}

/// Word-level edit similarity for copies of about the same length whose
/// numbers all agree (a templated list differs in its numbers and stays).
fn light_edit(
    short_tokens: &[&str],
    longer: &Fingerprinted<'_>,
    thresholds: &Thresholds,
) -> Option<Similarity> {
    if longer.token_count > MAX_EDIT_TOKENS
        || (short_tokens.len() as f32) < 0.8 * longer.token_count as f32
        || is_code_like(longer.text)
    {
        return None;
    }
    let long_key = match_key(longer.text);
    let long_tokens: Vec<&str> = tokens(&long_key).collect();
    if !same_numbers(short_tokens, &long_tokens) {
        return None;
    }
    // One more edit than the threshold allows: a distance past it cannot
    // score enough, whatever the rounding.
    let limit =
        ((1.0 - thresholds.edit_similarity) * long_tokens.len() as f32).max(0.0) as usize + 1;
    let distance = edit_distance_within(short_tokens, &long_tokens, limit)?;
    let score = 1.0 - distance as f32 / long_tokens.len() as f32;
    (score >= thresholds.edit_similarity).then_some(Similarity {
        kind: MatchKind::LightEdit,
        score,
    })
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

/// Share of a line's visible characters that are code symbols above which
/// it reads as code.
const CODE_SYMBOL_SHARE: f32 = 0.08;

/// Whether a paragraph reads as code: brackets, operators and other symbols
/// make up a large share of it. Two lines of code that differ in one token
/// (`x = f(a)` and `x = f(b)`) are two statements, not a lightly edited copy,
/// and the comparison key, which drops punctuation, cannot see what they are.
pub fn is_code_like(text: &str) -> bool {
    let mut visible = 0usize;
    let mut symbols = 0usize;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        visible += 1;
        symbols += usize::from(matches!(
            c,
            '(' | ')'
                | '{'
                | '}'
                | '['
                | ']'
                | '<'
                | '>'
                | '='
                | ';'
                | '+'
                | '*'
                | '\\'
                | '|'
                | '$'
                | '#'
                | '_'
                | '`'
                | '^'
                | '~'
                | '%'
        ));
    }
    visible > 0 && symbols as f32 >= CODE_SYMBOL_SHARE * visible as f32
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

/// Number of key tokens in a short caption label that opens `text`
/// ("Battle for survival: Amber Rudd is..."), or 0 when there is none.
///
/// A label is one to five words before `": "`, starting with a capital and
/// free of sentence punctuation. A label that ends with a verb of speech and
/// is followed by a quotation (`One friend said: 'In many ways...'`)
/// introduces a quote, not a caption, and keeps its attribution.
pub fn caption_label_tokens(text: &str) -> usize {
    // The first ": " of the first line, found without reading the rest of a
    // long paragraph: this runs on every paragraph.
    let bytes = text.as_bytes();
    let Some(colon) = memchr::memchr2_iter(b':', b'\n', bytes)
        .take_while(|&at| bytes[at] == b':')
        .find(|&at| bytes.get(at + 1) == Some(&b' '))
    else {
        return 0;
    };
    let line_end = memchr::memchr(b'\n', &bytes[colon..]).map_or(bytes.len(), |end| colon + end);
    let first_line = text[..line_end]
        .strip_suffix('\r')
        .unwrap_or(&text[..line_end]);
    let (label, rest) = (&first_line[..colon], &first_line[colon + 2..]);
    let words = label.split_whitespace().count();
    let starts_capitalised = label.chars().next().is_some_and(char::is_uppercase);
    let plain_label = !label.contains([
        '.', '!', '?', ';', '"', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}',
    ]);
    let attribution = rest.starts_with(['"', '\'', '\u{2018}', '\u{201c}', '\u{ab}', '\u{201e}'])
        && label
            .split_whitespace()
            .last()
            .is_some_and(|verb| SPEECH_VERBS.contains(&verb.to_lowercase().as_str()));
    let has_body = rest.split_whitespace().count() >= SHINGLE_WORDS;
    if (1..=5).contains(&words) && starts_capitalised && plain_label && !attribution && has_body {
        tokens(&match_key(label)).count()
    } else {
        0
    }
}

/// Verbs that introduce a quotation after a colon, in the corpus's main languages.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "asked",
    "asks",
    "wrote",
    "writes",
    "tweeted",
    "explained",
    "explains",
    "stated",
    "states",
    "replied",
    "continued",
    "insisted",
    "claimed",
    "warned",
    "declared",
    "announced",
    "noted",
    "commented",
    "responded",
    "sagte",
    "sagt",
    "erkl\u{e4}rte",
    "schrieb",
    "dit",
    "d\u{e9}clare",
    "dijo",
    "afirm\u{f3}",
    "disse",
    "detto",
    "\u{441}\u{43a}\u{430}\u{437}\u{430}\u{43b}",
    "\u{441}\u{43a}\u{430}\u{437}\u{430}\u{43b}\u{430}",
    "\u{437}\u{430}\u{44f}\u{432}\u{438}\u{43b}",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::{push_key_shingles, token_count};

    fn fingerprint(text: &str, label_words: usize) -> Fingerprinted<'_> {
        let key = match_key(text);
        Fingerprinted {
            token_count: token_count(&key),
            label_tokens: label_words,
            ends_sentence: text.ends_with('.'),
            shingles: {
                let mut shingles = Vec::new();
                push_key_shingles(&key, &mut shingles);
                shingles.leak()
            },
            text,
        }
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
        let pairs = near_duplicate_pairs(&paragraphs, &[true, true, true], &Thresholds::default());
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].shorter, pairs[0].longer), (2, 0));
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
}
