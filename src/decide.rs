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
use crate::fingerprint::{Digest, Shingle, digest, match_key_into, push_key_shingles, token_count};
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
/// The decisions (64 bytes each) are made only once the candidate pairs are
/// freed: until then a paragraph that a boilerplate rule removed holds just
/// its rule id, so a big file never holds both.
pub fn decide(paragraphs: &[Paragraph<'_>], options: &Options) -> Vec<Decision> {
    let texts: Vec<&str> = paragraphs.iter().map(|p| &*p.text).collect();
    let chrome = if options.rules.enabled(NAVIGATION) {
        layout::page_chrome(&texts)
    } else {
        vec![false; texts.len()]
    };
    let boilerplate: Vec<Option<&str>> = texts
        .iter()
        .zip(chrome)
        .map(
            |(text, is_chrome)| match options.boilerplate.classify(text) {
                Some(rule) if options.rules.enabled(rule) => Some(rule),
                _ => is_chrome.then_some(NAVIGATION),
            },
        )
        .collect();
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
    let structural = structural_groups(&groups, &digests, &fingerprints);
    let mut representative = vec![false; candidates.len()];
    for (group, &is_structural) in groups.iter().zip(&structural) {
        representative[group[0]] =
            !is_structural && fingerprints[group[0]].token_count >= options.min_words;
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
    for (group, _) in groups.iter().zip(&structural).filter(|(_, s)| **s) {
        for &member in group {
            decisions[candidates[member]] = Decision::Keep(KeepReason::StructuralRepeat);
        }
    }
    for cluster in clusters {
        for (member, decision) in resolve_cluster(cluster, &fingerprints, &digests, options) {
            decisions[candidates[member]] = map_indices(decision, &candidates);
        }
    }
    decisions
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

/// A group is structural when its paragraph is a short line shaped like a
/// heading, question or label (one line of at most [`STRUCTURAL_MAX_TOKENS`]
/// words, not ending with a full stop), it has at least [`STRUCTURAL_REPEATS`] copies,
/// and no two copies are followed by the same paragraph: the same question put
/// to each guest, a "Portion:" line under each day. A block pasted three times
/// is followed by copies of the same next paragraph, and a sentence of prose
/// repeated three times is a scrape error, not structure.
fn structural_groups(
    groups: &[Vec<usize>],
    digests: &[Digest],
    fingerprints: &[Fingerprinted<'_>],
) -> Vec<bool> {
    groups
        .iter()
        .map(|group| {
            let text = fingerprints[group[0]].text;
            let heading_like = fingerprints[group[0]].token_count <= STRUCTURAL_MAX_TOKENS
                && !text.contains('\n')
                && !ends_with_full_stop(text);
            if group.len() < STRUCTURAL_REPEATS || !heading_like {
                return false;
            }
            let mut followers: Vec<Option<&Digest>> =
                group.iter().map(|&i| digests.get(i + 1)).collect();
            followers.sort_unstable();
            followers.windows(2).all(|w| w[0] != w[1])
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
    for (group, &is_structural) in groups.iter().zip(structural) {
        if !is_structural {
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

/// Decides every member of a cluster. The most complete member is kept and
/// its copies go; members that are not copies of it form the rest of the
/// cluster, which is resolved the same way, so two copies of each other
/// never both survive because a third paragraph linked them.
fn resolve_cluster(
    cluster: Vec<usize>,
    fingerprints: &[Fingerprinted<'_>],
    digests: &[Digest],
    options: &Options,
) -> Vec<(usize, Decision)> {
    let mut decided = Vec::with_capacity(cluster.len());
    let mut open = cluster;
    let mut first_keeper = None;
    while let Some(keeper) = most_complete(&open, fingerprints) {
        let mut not_copies = Vec::new();
        let mut copies = 1;
        for &member in open.iter().filter(|&&member| member != keeper) {
            match decide_copy(member, keeper, fingerprints, digests, options) {
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

/// The copy to keep: the longest once a caption label is set aside, then the
/// one that ends a sentence, then the first.
fn most_complete(members: &[usize], fingerprints: &[Fingerprinted<'_>]) -> Option<usize> {
    members.iter().copied().max_by_key(|&i| {
        let fingerprint = &fingerprints[i];
        (
            fingerprint.body_tokens(),
            fingerprint.ends_sentence,
            std::cmp::Reverse(i),
        )
    })
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
