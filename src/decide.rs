//! Decisions: which paragraphs stay, which go, and why.
//!
//! Boilerplate rules run first (a "Share this article" line is noise however
//! often it repeats). The rest are grouped into clusters of copies: exact
//! copies share a key digest, near copies are linked by [`matching`]. Each
//! cluster keeps exactly one paragraph, the most complete, at its own
//! position, and every other member is removed only if it is itself a copy of
//! that paragraph, so a chain of resemblances never removes a paragraph that
//! says something the kept one does not.

use crate::Options;
use crate::fingerprint::{
    Digest, Shingle, digest, match_key, match_key_into, push_key_shingles, token_count,
};
use crate::layout::{self, NAVIGATION};
use crate::matching::{self, Fingerprinted, MatchKind, NearPair, Similarity};
use crate::segment::Paragraph;
use rustc_hash::FxHashMap;

/// Rule id of an exact copy (same comparison key).
pub const EXACT_DUPLICATE: &str = "exact-duplicate";
/// Rule id of a truncated or lightly edited copy.
pub const NEAR_DUPLICATE: &str = "near-duplicate";
/// Rule id of a caption that restates a body paragraph under a label.
pub const CAPTION: &str = "caption";

/// Copies of a short line that recur at least this often, each followed by
/// different content, are structure (a repeated question, a section label).
const STRUCTURAL_REPEATS: usize = 3;

/// A caption sits within this many paragraphs of the one it restates
/// (paragraphs without copies of their own, see [`spacing`]).
const CAPTION_MAX_DISTANCE: usize = 8;

/// A heading has at most this many words.
const HEADING_MAX_TOKENS: usize = 15;

/// Structural lines are short: a heading, a question, a label.
const STRUCTURAL_MAX_TOKENS: usize = 40;

/// Why a paragraph stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeepReason {
    /// No copy of it was found.
    Unique,
    /// It is the most complete of `copies` copies.
    MostComplete { copies: usize },
    /// A copy of an earlier paragraph, but shorter than `min_words`: short
    /// repeats ("Yes.") are real.
    ShortRepeat { of: usize },
    /// A line repeated before different content each time.
    StructuralRepeat,
    /// Linked to a cluster of copies only through another paragraph; it is
    /// not itself a copy of the one kept.
    NotACopy { resembles: usize },
}

/// A removal: the rule and, for copies, the kept paragraph and the score.
#[derive(Debug, Clone, PartialEq)]
pub struct Removal {
    /// The rule id, e.g. `exact-duplicate` or `boilerplate/read-more`.
    pub rule: String,
    /// Index of the paragraph kept in its place, for copies.
    pub kept: Option<usize>,
    /// Similarity to the kept paragraph, in 0..=1, for copies.
    pub similarity: Option<f32>,
    /// In how many documents of the corpus the paragraph occurs, for
    /// `corpus-boilerplate`.
    pub documents: Option<usize>,
}

/// The decision for one paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    Keep(KeepReason),
    Remove(Removal),
}

/// Decides every paragraph. The result has one entry per paragraph.
///
/// Cleaning must be a fixed point (SPEC §5): the clean copy, cleaned again,
/// must not change. The rules that read a paragraph's context (the page's
/// edges, the alignment of parallel sections) can see a different context
/// once copies and noise are gone, so when they acted, the kept paragraphs
/// are decided again, as the next run would decide them, and what that
/// removes goes now. Documents where they did not act are decided once.
pub fn decide(paragraphs: &[Paragraph<'_>], options: &Options) -> Vec<Decision> {
    let mut decisions = decide_once(paragraphs, options);
    for _ in 0..MAX_SETTLE_ROUNDS {
        let context_read = decisions.iter().any(|decision| match decision {
            Decision::Keep(reason) => *reason == KeepReason::StructuralRepeat,
            Decision::Remove(removal) => removal.rule == NAVIGATION,
        });
        let kept: Vec<usize> = (0..paragraphs.len())
            .filter(|&i| matches!(decisions[i], Decision::Keep(_)))
            .collect();
        if !context_read || kept.len() == paragraphs.len() {
            break;
        }
        let clean_copy: Vec<Paragraph<'_>> = kept
            .iter()
            .map(|&i| Paragraph {
                first_line: paragraphs[i].first_line,
                last_line: paragraphs[i].last_line,
                text: std::borrow::Cow::Borrowed(&*paragraphs[i].text),
            })
            .collect();
        let mut changed = false;
        for (at, decision) in decide_once(&clean_copy, options).into_iter().enumerate() {
            if let Decision::Remove(removal) = decision {
                decisions[kept[at]] = Decision::Remove(Removal {
                    kept: removal.kept.map(|k| kept[k]),
                    ..removal
                });
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    decisions
}

/// Rounds of [`decide`] on its own clean copy at most; real pages settle
/// after one.
const MAX_SETTLE_ROUNDS: usize = 4;

/// One look at the paragraphs: boilerplate and page chrome, corpus rules,
/// copies.
///
/// The decisions (64 bytes each) are made only once the candidate pairs are
/// freed: until then a paragraph that a boilerplate rule removed holds just
/// its rule id, so a big file never holds both.
fn decide_once(paragraphs: &[Paragraph<'_>], options: &Options) -> Vec<Decision> {
    let texts: Vec<&str> = paragraphs.iter().map(|p| &*p.text).collect();
    let navigation = options.rules.enabled(NAVIGATION);
    let mut boilerplate: Vec<Option<&str>> = texts
        .iter()
        .map(|text| {
            options
                .boilerplate
                .classify(text)
                .filter(|rule| options.rules.enabled(rule))
        })
        .collect();
    if navigation {
        // The page's edges are found among the paragraphs that stay: a
        // cookie notice that a rule removes must not mark where the article
        // ends, or the next run would find the edge elsewhere.
        let chrome = chrome_among(&texts, |i| boilerplate[i].is_none());
        for (rule, is_chrome) in boilerplate.iter_mut().zip(chrome) {
            if is_chrome {
                *rule = Some(NAVIGATION);
            }
        }
    }
    let candidates: Vec<usize> = (0..paragraphs.len())
        .filter(|&i| boilerplate[i].is_none())
        .collect();

    let mut shingle_arena = Vec::new();
    let (fingerprints, digests) =
        fingerprint(&candidates, &texts, options.min_words, &mut shingle_arena);
    // The fingerprints hold the texts from here on; a big file has a million.
    drop(texts);
    let mut corpus_removals = Vec::new();
    let (candidates, fingerprints, digests) = crate::corpus::remove_shared(
        options,
        &mut corpus_removals,
        candidates,
        fingerprints,
        digests,
    );

    let groups = exact_groups(&digests);
    let structural = structural_repeats(&groups, &digests, &fingerprints, options.min_words);
    let mut representative = vec![false; candidates.len()];
    for group in &groups {
        representative[group[0]] = !group.iter().any(|&member| structural[member])
            && fingerprints[group[0]].token_count >= options.min_words;
    }
    let pairs = if options.rules.enabled(NEAR_DUPLICATE) || options.rules.enabled(CAPTION) {
        matching::near_duplicate_pairs(&fingerprints, &representative, &options.thresholds)
    } else {
        Vec::new()
    };
    let clusters = clusters(&groups, &structural, pairs, candidates.len());

    let mut decisions: Vec<Decision> = boilerplate
        .into_iter()
        .map(|rule| match rule {
            Some(rule) => Decision::Remove(Removal {
                rule: rule.to_string(),
                kept: None,
                similarity: None,
                documents: None,
            }),
            None => Decision::Keep(KeepReason::Unique),
        })
        .collect();
    for (index, decision) in corpus_removals {
        decisions[index] = decision;
    }
    for group in &groups {
        for (member, decision) in resolve_structural(group, &structural, &fingerprints, options) {
            decisions[candidates[member]] = map_indices(decision, &candidates);
        }
    }
    let spacing = spacing(&clusters, candidates.len());
    for cluster in clusters {
        for (member, decision) in
            resolve_cluster(cluster, &fingerprints, &digests, &spacing, options)
        {
            decisions[candidates[member]] = map_indices(decision, &candidates);
        }
    }
    if navigation {
        settle_navigation(paragraphs, &mut decisions);
    }
    decisions
}

/// Makes the navigation rule a fixed point: cleaning the clean copy must
/// change nothing (SPEC §5), but the copies and noise removed after the first
/// look at the page can move its edges (the last prose paragraph was a pasted
/// copy). So the rule looks again at what is kept, as the next run would, until
/// it finds nothing more; the edges are prose, which it never takes, so this
/// ends after a round or two.
fn settle_navigation(paragraphs: &[Paragraph<'_>], decisions: &mut [Decision]) {
    let texts: Vec<&str> = paragraphs.iter().map(|p| &*p.text).collect();
    loop {
        let chrome = chrome_among(&texts, |i| matches!(decisions[i], Decision::Keep(_)));
        if !chrome.contains(&true) {
            return;
        }
        for (decision, is_chrome) in decisions.iter_mut().zip(chrome) {
            if is_chrome {
                *decision = Decision::Remove(Removal {
                    rule: NAVIGATION.to_string(),
                    kept: None,
                    similarity: None,
                    documents: None,
                });
            }
        }
    }
}

/// [`layout::page_chrome`] of the paragraphs for which `present` holds, as
/// the page reads without the others; `true` marks chrome.
fn chrome_among(texts: &[&str], present: impl Fn(usize) -> bool) -> Vec<bool> {
    let shown: Vec<usize> = (0..texts.len()).filter(|&i| present(i)).collect();
    let page: Vec<&str> = shown.iter().map(|&i| texts[i]).collect();
    let mut chrome = vec![false; texts.len()];
    for (index, is_chrome) in shown.into_iter().zip(layout::page_chrome(&page)) {
        chrome[index] = is_chrome;
    }
    chrome
}

/// The fingerprints of the candidates (indices into `texts`) and the
/// [`Digest`] of each key; the keys themselves are not kept. The shingles go
/// into `shingle_arena`, which the fingerprints borrow.
fn fingerprint<'a>(
    candidates: &[usize],
    texts: &[&'a str],
    min_words: usize,
    shingle_arena: &'a mut Vec<Shingle>,
) -> (Vec<Fingerprinted<'a>>, Vec<Digest>) {
    let mut spans = Vec::with_capacity(candidates.len());
    let mut digests = Vec::with_capacity(candidates.len());
    let mut key = String::new();
    for &candidate in candidates {
        match_key_into(texts[candidate], &mut key);
        let token_count = token_count(&key);
        let start = shingle_arena.len();
        if token_count >= min_words {
            push_key_shingles(&key, shingle_arena);
        }
        spans.push((token_count, start..shingle_arena.len()));
        digests.push(digest(&key));
    }
    let shingle_arena: &'a [Shingle] = shingle_arena;
    let fingerprints = candidates
        .iter()
        .zip(spans)
        .map(|(&candidate, (token_count, span))| {
            let text = texts[candidate];
            Fingerprinted {
                token_count,
                label_tokens: matching::caption_label_tokens(text),
                ends_sentence: ends_sentence(text),
                shingles: &shingle_arena[span],
                text,
            }
        })
        .collect();
    (fingerprints, digests)
}

/// Groups of candidates with the same digest, in order of first occurrence.
fn exact_groups(digests: &[Digest]) -> Vec<Vec<usize>> {
    let mut group_of: FxHashMap<&Digest, usize> = FxHashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (index, digest) in digests.iter().enumerate() {
        let group = *group_of.entry(digest).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push(index);
    }
    groups
}

/// Paragraphs either side of a repeat that are read to align it with
/// another copy of it (see [`aligned_in_parallel_sections`]).
const ALIGN_WINDOW: usize = 8;

/// An agreeing neighbour this many places (counted from 0) or fewer from
/// both copies shows they sit inside their sections' runs of lines: one
/// place for the next line, one for a line inserted between.
const ADJACENT_ANCHOR: usize = 2;

/// Rounds of alignment at most (each takes out copies that will go); real
/// pages settle in two or three.
const MAX_ALIGNMENT_ROUNDS: usize = 8;

/// Other repeated paragraphs that must sit at the same offsets around two
/// copies for them to be parallel sections rather than a pasted block.
const MIN_ALIGNED_ANCHORS: usize = 2;

/// Which candidates are structural repeats, natural to the page and kept:
/// every copy of a short heading-like line repeated before different content
/// ([`heading_before_different_content`]), and every copy that sits at the
/// same place in a parallel section as the copy before or after it
/// ([`aligned_in_parallel_sections`]). Only neighbouring copies are
/// compared, so a line repeated 100,000 times costs 100,000 checks.
///
/// Sections are aligned as the clean copy will read: the copies that are
/// going to be removed (the pasted ones) are taken out and the alignment is
/// made again, until it holds on what stays, so cleaning the clean copy finds
/// the same structure. Copies only ever leave, so this ends.
fn structural_repeats(
    groups: &[Vec<usize>],
    digests: &[Digest],
    fingerprints: &[Fingerprinted<'_>],
    min_words: usize,
) -> Vec<bool> {
    let count = digests.len();
    let mut group_of = vec![0; count];
    for (index, group) in groups.iter().enumerate() {
        for &member in group {
            group_of[member] = index;
        }
    }
    let long = |member: usize| fingerprints[member].token_count >= min_words;
    let mut present = vec![true; count];
    let mut structural = vec![false; count];
    for _ in 0..MAX_ALIGNMENT_ROUNDS {
        let kept: Vec<usize> = (0..count).filter(|&i| present[i]).collect();
        let mut position = vec![usize::MAX; count];
        for (at, &member) in kept.iter().enumerate() {
            position[member] = at;
        }
        // A line without a word (a `___` or `* * *` separator) marks no
        // place in a section: it gets a group of its own at each position.
        let kept_groups: Vec<usize> = kept
            .iter()
            .enumerate()
            .map(|(at, &i)| {
                if fingerprints[i].token_count == 0 {
                    usize::MAX - at
                } else {
                    group_of[i]
                }
            })
            .collect();
        structural.fill(false);
        for group in groups.iter().filter(|group| group.len() > 1) {
            let members: Vec<usize> = group.iter().copied().filter(|&m| present[m]).collect();
            if heading_before_different_content(&members, digests, fingerprints) {
                for &member in &members {
                    structural[member] = true;
                }
                continue;
            }
            for pair in members.windows(2) {
                if aligned_in_parallel_sections(position[pair[0]], position[pair[1]], &kept_groups)
                {
                    structural[pair[0]] = true;
                    structural[pair[1]] = true;
                }
            }
        }
        let mut changed = false;
        for group in groups.iter().filter(|group| group.len() > 1) {
            // What the decisions will remove: in a structural group the
            // copies out of sequence, otherwise every long copy but one.
            let has_structure = group.iter().any(|&m| structural[m]);
            let mut first_long = true;
            let members: Vec<usize> = group
                .iter()
                .copied()
                .filter(|&m| present[m] && long(m))
                .collect();
            for member in members {
                let removed = if has_structure {
                    !structural[member]
                } else {
                    !std::mem::take(&mut first_long)
                };
                if removed {
                    present[member] = false;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    structural
}

/// A heading, question or label (one line of at most
/// [`STRUCTURAL_MAX_TOKENS`] words, not ending with a full stop) with at
/// least [`STRUCTURAL_REPEATS`] copies, no two followed by the same
/// paragraph: the same question put to each guest. A block pasted three times
/// is followed by copies of the same next paragraph, and a sentence of prose
/// repeated three times is a scrape error, not structure.
fn heading_before_different_content(
    group: &[usize],
    digests: &[Digest],
    fingerprints: &[Fingerprinted<'_>],
) -> bool {
    let Some(&first) = group.first() else {
        return false;
    };
    let text = fingerprints[first].text;
    let heading_like = fingerprints[first].token_count <= STRUCTURAL_MAX_TOKENS
        && !text.contains('\n')
        && !ends_with_full_stop(text);
    if group.len() < STRUCTURAL_REPEATS || !heading_like {
        return false;
    }
    let mut followers: Vec<Option<&Digest>> = group.iter().map(|&i| digests.get(i + 1)).collect();
    followers.sort_unstable();
    followers.windows(2).all(|w| w[0] != w[1])
}

/// Whether two copies `a < b` (candidate indices; `group_of` maps each
/// candidate to its exact group) are the same item of two parallel sections:
/// a day-by-day plan whose every day has the same timing line, a results
/// page whose every round has the same labels. Read outwards from both
/// copies at once, offset by offset, the neighbours must agree on
/// [`MIN_ALIGNED_ANCHORS`] different lines or more (the section's other
/// repeated lines, not one separator seen twice), and on one side an agreeing neighbour must lie beyond one that
/// differs (the sections say different things between their repeated lines),
/// and a neighbour within [`ADJACENT_ANCHOR`] + 1 places of each copy must
/// agree (a section's lines sit together). One side may hold one item more
/// than the other (a section with an extra line). A pasted block agrees at
/// every offset until it ends; a pasted paragraph agrees with nothing next to
/// it: both are copies.
fn aligned_in_parallel_sections(a: usize, b: usize, group_of: &[usize]) -> bool {
    let mut anchors: Vec<usize> = Vec::new();
    let mut framed = false;
    let mut adjacent = false;
    for forward in [true, false] {
        let side = |from: usize| -> Vec<(usize, usize)> {
            (1..=ALIGN_WINDOW)
                .map_while(|step| {
                    if forward {
                        from.checked_add(step).filter(|&j| j < group_of.len())
                    } else {
                        from.checked_sub(step)
                    }
                })
                .map(|at| (at, group_of[at]))
                .collect()
        };
        let (left, right) = (side(a), side(b));
        let same = |i: usize, j: usize| matches!((left.get(i), right.get(j)), (Some(x), Some(y)) if x.1 == y.1 && x.0 != y.0);
        // Walk both sides together; one side may hold one item more (a
        // section with an extra line, or a pasted copy in it).
        let (mut i, mut j, mut differs) = (0, 0, false);
        while i < left.len() && j < right.len() {
            if same(i, j) {
                anchors.push(left[i].1);
                framed |= differs;
                adjacent |= i.max(j) <= ADJACENT_ANCHOR;
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
    anchors.sort_unstable();
    anchors.dedup();
    framed && adjacent && anchors.len() >= MIN_ALIGNED_ANCHORS
}

/// Decisions for the copies of an exact group with structural members: those
/// stay, and any other copy (pasted out of sequence) goes as a copy of the
/// first of them. Groups without one are left to [`resolve_cluster`].
fn resolve_structural(
    group: &[usize],
    structural: &[bool],
    fingerprints: &[Fingerprinted<'_>],
    options: &Options,
) -> Vec<(usize, Decision)> {
    let Some(&first) = group.iter().find(|&&member| structural[member]) else {
        return Vec::new();
    };
    group
        .iter()
        .map(|&member| {
            let decision = if structural[member] {
                Decision::Keep(KeepReason::StructuralRepeat)
            } else if fingerprints[member].token_count < options.min_words {
                Decision::Keep(KeepReason::ShortRepeat { of: first })
            } else if !options.rules.enabled(EXACT_DUPLICATE) {
                Decision::Keep(KeepReason::Unique)
            } else {
                Decision::Remove(Removal {
                    rule: EXACT_DUPLICATE.to_string(),
                    kept: Some(first),
                    similarity: Some(1.0),
                    documents: None,
                })
            };
            (member, decision)
        })
        .collect()
}

/// Clusters of candidates: exact groups joined by near-duplicate pairs.
/// Only clusters with more than one member are returned, ordered by their
/// first member.
fn clusters(
    groups: &[Vec<usize>],
    structural: &[bool],
    pairs: Vec<NearPair>,
    candidate_count: usize,
) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..candidate_count).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut union = |a: usize, b: usize| {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    };
    for group in groups {
        if !group.iter().any(|&member| structural[member]) {
            for &member in &group[1..] {
                union(group[0], member);
            }
        }
    }
    for pair in pairs {
        union(pair.shorter, pair.longer);
    }
    let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for index in 0..candidate_count {
        let r = root(&mut parent, index);
        members.entry(r).or_default().push(index);
    }
    let mut clusters: Vec<Vec<usize>> = members.into_values().filter(|m| m.len() > 1).collect();
    clusters.sort_unstable_by_key(|cluster| cluster[0]);
    clusters
}

/// How far apart two candidates are, for the caption rule: `spacing[i]` is
/// the number of candidates before `i` that belong to no cluster. Members of
/// clusters are left out because some of them go, and a distance the next
/// run would measure shorter could turn a kept paragraph into a caption;
/// paragraphs without copies stay in every run.
fn spacing(clusters: &[Vec<usize>], candidate_count: usize) -> Vec<usize> {
    let mut clustered = vec![false; candidate_count];
    for &member in clusters.iter().flatten() {
        clustered[member] = true;
    }
    let mut before = 0;
    clustered
        .iter()
        .map(|&is_clustered| {
            let at = before;
            before += usize::from(!is_clustered);
            at
        })
        .collect()
}

/// Decides every member of a cluster. The most complete member is kept and
/// its copies go; members that are not copies of it form the rest of the
/// cluster, which is resolved the same way, so two copies of each other
/// never both survive because a third paragraph linked them.
fn resolve_cluster(
    cluster: Vec<usize>,
    fingerprints: &[Fingerprinted<'_>],
    digests: &[Digest],
    spacing: &[usize],
    options: &Options,
) -> Vec<(usize, Decision)> {
    let mut decided = Vec::with_capacity(cluster.len());
    let mut open = cluster;
    let mut first_keeper = None;
    while let Some(keeper) = most_complete(&open, fingerprints) {
        let mut not_copies = Vec::new();
        let mut copies = 1;
        for &member in open.iter().filter(|&&member| member != keeper) {
            match decide_copy(member, keeper, fingerprints, digests, spacing, options) {
                Decision::Keep(KeepReason::NotACopy { .. }) => not_copies.push(member),
                decision => {
                    copies += 1;
                    decided.push((member, decision));
                }
            }
        }
        let reason = match first_keeper {
            Some(first) if copies == 1 => KeepReason::NotACopy { resembles: first },
            _ => KeepReason::MostComplete { copies },
        };
        decided.push((keeper, Decision::Keep(reason)));
        first_keeper.get_or_insert(keeper);
        open = not_copies;
    }
    decided
}

/// The copy to keep: clean text before markup (a "republish this article"
/// box of raw HTML is longer than the paragraph it wraps, but it is not the
/// paragraph), then the longest once a caption label is set aside, then the
/// one that ends a sentence, then the first.
fn most_complete(members: &[usize], fingerprints: &[Fingerprinted<'_>]) -> Option<usize> {
    members.iter().copied().max_by_key(|&i| {
        let fingerprint = &fingerprints[i];
        (
            !has_markup(fingerprint.text),
            fingerprint.body_tokens(),
            fingerprint.ends_sentence,
            std::cmp::Reverse(i),
        )
    })
}

/// Whether the text carries HTML markup: a tag (`<p>`, `</a>`, `<!--`) or an
/// attribute (`href="`).
fn has_markup(text: &str) -> bool {
    let bytes = text.as_bytes();
    let tag = memchr::memchr_iter(b'<', bytes).any(|at| {
        bytes
            .get(at + 1)
            .is_some_and(|&next| next.is_ascii_alphabetic() || next == b'/' || next == b'!')
            && bytes[at..].contains(&b'>')
    });
    tag || ["=\"", "='"]
        .iter()
        .any(|attribute| text.contains(attribute))
}

/// Whether the text ends like a finished sentence, closing quotes and brackets aside.
fn ends_sentence(text: &str) -> bool {
    let text = without_closing_marks(text);
    !text.ends_with("...") && text.ends_with(['.', '!', '?', '\u{3002}', '\u{ff01}', '\u{ff1f}'])
}

/// Whether the text ends with a full stop (a statement, not a question or a label).
fn ends_with_full_stop(text: &str) -> bool {
    let text = without_closing_marks(text);
    !text.ends_with("...") && text.ends_with(['.', '\u{3002}'])
}

fn without_closing_marks(text: &str) -> &str {
    text.trim_end_matches(['"', '\'', ')', ']', '\u{2019}', '\u{201d}', '\u{bb}'])
}

/// The decision for a cluster member that is not the kept copy.
fn decide_copy(
    member: usize,
    keeper: usize,
    fingerprints: &[Fingerprinted<'_>],
    digests: &[Digest],
    spacing: &[usize],
    options: &Options,
) -> Decision {
    if fingerprints[member].token_count < options.min_words {
        return Decision::Keep(KeepReason::ShortRepeat { of: keeper });
    }
    let (rule, similarity) = if digests[member] == digests[keeper] {
        (EXACT_DUPLICATE, 1.0)
    } else {
        match matching::compare(
            &fingerprints[member],
            &fingerprints[keeper],
            &options.thresholds,
        ) {
            Some(Similarity { kind, score }) => {
                let rule = if kind == MatchKind::ContainedAfterLabel {
                    CAPTION
                } else {
                    NEAR_DUPLICATE
                };
                (rule, score)
            }
            None => return Decision::Keep(KeepReason::NotACopy { resembles: keeper }),
        }
    };
    let not_a_copy = match rule {
        // A caption sits by its picture, near the paragraph it restates; a
        // "Label: Name" heading far away introduces a section of its own.
        CAPTION => spacing[member].abs_diff(spacing[keeper]) > CAPTION_MAX_DISTANCE,
        NEAR_DUPLICATE => heads(&fingerprints[member], member, &fingerprints[keeper], keeper),
        _ => false,
    };
    if not_a_copy {
        return Decision::Keep(KeepReason::NotACopy { resembles: keeper });
    }
    if !options.rules.enabled(rule) {
        return Decision::Keep(KeepReason::Unique);
    }
    Decision::Remove(Removal {
        rule: rule.to_string(),
        kept: Some(keeper),
        similarity: Some(similarity),
        documents: None,
    })
}

/// Whether `member` is the heading of `keeper`, the paragraph right after it,
/// rather than a copy: a short line that does not end a sentence, whose words
/// the paragraph contains, but not as its opening words (a copy cut short
/// repeats the opening; a heading names the subject).
fn heads(
    member: &Fingerprinted<'_>,
    at: usize,
    keeper: &Fingerprinted<'_>,
    keeper_at: usize,
) -> bool {
    if keeper_at != at + 1
        || member.token_count > HEADING_MAX_TOKENS
        || member.ends_sentence
        || member.text.contains('\n')
    {
        return false;
    }
    let heading = match_key(member.text);
    let paragraph = match_key(keeper.text);
    !paragraph.starts_with(heading.as_str())
}

/// Turns candidate indices inside a decision into paragraph indices.
fn map_indices(decision: Decision, candidates: &[usize]) -> Decision {
    match decision {
        Decision::Keep(KeepReason::ShortRepeat { of }) => {
            Decision::Keep(KeepReason::ShortRepeat { of: candidates[of] })
        }
        Decision::Keep(KeepReason::NotACopy { resembles }) => {
            Decision::Keep(KeepReason::NotACopy {
                resembles: candidates[resembles],
            })
        }
        Decision::Remove(removal) => Decision::Remove(Removal {
            kept: removal.kept.map(|k| candidates[k]),
            ..removal
        }),
        keep => keep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fingerprints and digests of `texts`, every one a candidate.
    fn prepared<'a>(
        texts: &[&'a str],
        arena: &'a mut Vec<Shingle>,
    ) -> (Vec<Fingerprinted<'a>>, Vec<Digest>) {
        let candidates: Vec<usize> = (0..texts.len()).collect();
        fingerprint(&candidates, texts, crate::DEFAULT_MIN_WORDS, arena)
    }

    const FULL: &str =
        "The council approved the new cycle lane on Tuesday after a long debate about parking.";
    const CUT: &str = "The council approved the new cycle lane on Tuesday after a long deb";
    const MARKUP: &str = "<p class=\"republish\">The council approved the new cycle lane on Tuesday after a long debate about parking.</p> <a href=\"https://example.com\">Republish</a>";
    const CAPTIONED: &str =
        "Road works: The council approved the new cycle lane on Tuesday after a long deb";

    #[test]
    fn most_complete_prefers_clean_long_finished_first() {
        let cases: &[(&[&str], usize)] = &[
            (&[CUT, FULL], 1),
            (&[FULL, FULL], 0),
            (&[MARKUP, FULL], 1),
            (&[CAPTIONED, FULL], 1),
            (
                &[
                    "One two three four five six seven",
                    "One two three four five six seven.",
                ],
                1,
            ),
        ];
        for (texts, expected) in cases {
            let mut arena = Vec::new();
            let (fingerprints, _) = prepared(texts, &mut arena);
            let members: Vec<usize> = (0..texts.len()).collect();
            assert_eq!(
                most_complete(&members, &fingerprints),
                Some(*expected),
                "{texts:?}"
            );
        }
    }

    /// A day-by-day plan: the labels and the timing line recur in each day's
    /// section around a different recipe.
    fn plan(extra: Option<(usize, &'static str)>) -> Vec<&'static str> {
        let mut texts = vec![
            "Intro paragraph that explains how the plan works over the week ahead.",
            "Day one",
            "Breakfast",
            "Ready in ten minutes once the batch is cooked on Sunday",
            "Porridge with apple and cinnamon and a spoon of yoghurt",
            "Fill two containers and keep them in the fridge",
            "Day two",
            "Breakfast",
            "Ready in ten minutes once the batch is cooked on Sunday",
            "Eggs on toast with spinach and a few cherry tomatoes",
            "Fill two containers and keep them in the fridge",
        ];
        if let Some((at, text)) = extra {
            texts.insert(at, text);
        }
        texts
    }

    #[test]
    fn structural_repeats_are_parallel_sections_not_pasted_copies() {
        let intro = plan(None)[0];
        let cases: &[(Vec<&str>, &[usize])] = &[
            // Every repeated line sits in the same place of its day.
            (plan(None), &[2, 3, 5, 7, 8, 10]),
            // A pasted copy of the intro inside day two is no part of it.
            (plan(Some((10, intro))), &[2, 3, 5, 7, 8, 11]),
            // A block pasted twice in a row agrees everywhere: a copy.
            (
                vec![
                    intro,
                    FULL,
                    CUT,
                    "Closing words of the story, said once.",
                    FULL,
                    CUT,
                ],
                &[],
            ),
        ];
        for (texts, expected) in cases {
            let mut arena = Vec::new();
            let (fingerprints, digests) = prepared(texts, &mut arena);
            let groups = exact_groups(&digests);
            let structural =
                structural_repeats(&groups, &digests, &fingerprints, crate::DEFAULT_MIN_WORDS);
            let found: Vec<usize> = (0..texts.len()).filter(|&i| structural[i]).collect();
            assert_eq!(&found, expected, "{texts:#?}");
        }
    }

    #[test]
    fn resolve_cluster_keeps_one_and_spares_headings_and_far_captions() {
        let heading = "Council approves the new cycle lane";
        let heading_paragraph = "After a long debate on Tuesday the council approves the new cycle lane for the high street.";
        let far: Vec<&str> = std::iter::once(CAPTIONED)
            .chain(std::iter::repeat_n(
                "Unrelated filler paragraph about something else entirely here.",
                9,
            ))
            .chain(std::iter::once(FULL))
            .collect();
        let near = vec![CAPTIONED, FULL];
        // (paragraphs, the cluster, each member's removal rule or None).
        type Case<'a> = (Vec<&'a str>, Vec<usize>, Vec<Option<&'a str>>);
        let cases: Vec<Case> = vec![
            (
                vec![CUT, FULL, FULL],
                vec![0, 1, 2],
                vec![Some(NEAR_DUPLICATE), None, Some(EXACT_DUPLICATE)],
            ),
            (
                vec![heading, heading_paragraph],
                vec![0, 1],
                vec![None, None],
            ),
            (near, vec![0, 1], vec![Some(CAPTION), None]),
            (far.clone(), vec![0, far.len() - 1], vec![None, None]),
        ];
        let options = Options::default();
        for (texts, cluster, expected) in cases {
            let mut arena = Vec::new();
            let (fingerprints, digests) = prepared(&texts, &mut arena);
            let clusters = vec![cluster.clone()];
            let spacing = spacing(&clusters, texts.len());
            let mut decided =
                resolve_cluster(cluster.clone(), &fingerprints, &digests, &spacing, &options);
            decided.sort_by_key(|(member, _)| *member);
            let rules: Vec<Option<&str>> = decided
                .iter()
                .map(|(_, decision)| match decision {
                    Decision::Remove(removal) => Some(removal.rule.as_str()),
                    Decision::Keep(_) => None,
                })
                .collect();
            assert_eq!(rules, expected, "{texts:#?}");
        }
    }
}
