//! Decisions: which paragraphs stay, which go, and why.
//!
//! Boilerplate rules run first (a "Share this article" line is noise however
//! often it repeats). The rest are grouped into clusters of copies: exact
//! copies share a key digest, near copies are linked by [`matching`]. Each
//! cluster keeps exactly one paragraph, the most complete, at its own
//! position, and every other member is removed only if it is itself a copy of
//! that paragraph, so a chain of resemblances never removes a paragraph that
//! says something the kept one does not.

use crate::fingerprint::{Fingerprinted, Fingerprints, item_number_end};
use crate::key::{Digest, match_key};
use crate::matching::{self, Comparisons, ExactGroups, MatchKind, Matches, NearPair, Similarity};
use crate::noise::{Verdict, navigation};
use crate::options::Options;
use crate::rules::{self, CAPTION, EXACT_DUPLICATE, NAVIGATION, NEAR_DUPLICATE};
use crate::text::MONTHS;
use std::borrow::Cow;
use std::fmt::Write;

/// A caption sits within this many paragraphs of the one it restates
/// (paragraphs without copies of their own, see [`Places::spacing`]).
const CAPTION_MAX_DISTANCE: usize = 8;

/// A heading has at most this many words.
const HEADING_MAX_TOKENS: usize = 15;

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
    /// It resembles paragraph `resembles`, the one kept, but is no copy of
    /// it: it joined that cluster only through another paragraph, or it is
    /// the heading right above it, a caption-shaped line far from it, or a
    /// line it quotes whole.
    NotACopy { resembles: usize },
    /// Kept because in a text of one paragraph per line its removal
    /// would make the next run read a line as part of a Markdown block: two
    /// blocks brought together, or an indented line left after indented
    /// code or first in the text. That block can read as a copy of another
    /// paragraph, and the page model would read that page otherwise.
    BetweenBlocks,
}

/// A removal: the rule and, for copies, the kept paragraph and the score.
#[derive(Debug, Clone, PartialEq)]
pub struct Removal {
    /// The rule id, e.g. `exact-duplicate` or `boilerplate/read-more`:
    /// borrowed for the built-in rules, so a file of many removals does not
    /// hold a string for each, owned for the user's own patterns.
    pub rule: Cow<'static, str>,
    /// Index of the paragraph kept in its place, for copies.
    pub kept: Option<usize>,
    /// Similarity to the kept paragraph, in 0..=1, for copies.
    pub similarity: Option<f32>,
    /// In how many documents of the corpus the paragraph occurs, for
    /// `corpus-boilerplate`.
    pub documents: Option<usize>,
}

impl Removal {
    /// Why the paragraph went, in the one wording every report uses (the
    /// diff's hunk headers, `--explain`, SARIF, GitHub annotations, the
    /// Python bindings): `caption of line 5 (0.90)`,
    /// `corpus-boilerplate (in 12 documents)`, `boilerplate/read-more`.
    /// `kept_line` is the first line of the kept copy ([`Removal::kept`]'s
    /// paragraph), counting from 1.
    pub fn reason(&self, kept_line: Option<usize>) -> String {
        let mut reason = String::new();
        self.write_reason(&mut reason, kept_line);
        reason
    }

    /// [`Removal::reason`], appended to `out`. The diff writes one for
    /// every removal, and building each note through `format!` (three
    /// strings, and the float formatter for the score) took about 1,900
    /// instructions a removal (callgrind over the speed benchmark's first
    /// copy).
    pub(crate) fn write_reason(&self, out: &mut String, kept_line: Option<usize>) {
        out.push_str(&self.rule);
        if let Some(kept) = kept_line {
            out.push_str(" of line ");
            out.push_str(itoa::Buffer::new().format(kept));
        }
        if let Some(similarity) = self.similarity {
            out.push_str(" (");
            push_hundredths(out, similarity);
            out.push(')');
        }
        if let Some(documents) = self.documents {
            out.push_str(" (in ");
            out.push_str(itoa::Buffer::new().format(documents));
            out.push_str(" documents)");
        }
    }
}

/// Appends `x` as `format!("{x:.2}")` writes it. For a positive `x` up to
/// a million (the scores are 0 to 1) it goes without the float formatter:
/// `x` times 100 is exact in `f64` (a 24-bit significand times a 7-bit
/// one), so rounding that half to even is the formatter's rounding of the
/// exact value. Checked against the formatter for every `f32` from 0 to 1.
fn push_hundredths(out: &mut String, x: f32) {
    if !(x.is_sign_positive() && x <= 1.0e6) {
        // Negative, signed zero, NaN, huge: as the formatter writes them.
        let _ = write!(out, "{x:.2}");
        return;
    }
    let hundredths = (f64::from(x) * 100.0).round_ties_even() as u64;
    out.push_str(itoa::Buffer::new().format(hundredths / 100));
    out.push('.');
    let cents = (hundredths % 100) as u8;
    out.push(char::from(b'0' + cents / 10));
    out.push(char::from(b'0' + cents % 10));
}

/// The decision for one paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    Keep(KeepReason),
    /// Boxed, so a decision takes 16 bytes: most paragraphs are kept, and a
    /// big file holds a decision for each of them.
    Remove(Box<Removal>),
}

impl Decision {
    /// The decision to remove, for `removal`.
    pub fn remove(removal: Removal) -> Decision {
        Decision::Remove(Box::new(removal))
    }
}

/// One look's decisions, one per paragraph, and which of its removals read
/// the page's layout (the navigation rule), which the removal of copies can
/// move, or move it (a copy that bounded the corpus rule's closing run).
#[derive(Debug)]
pub struct Decided {
    pub decisions: Vec<Decision>,
    pub layout: Vec<bool>,
    /// Its clean copy may hold near-duplicates this look could not see
    /// ([`matching::may_find_more_pairs`]).
    pub more_pairs_possible: bool,
}

/// The decisions of `look` on `page`, settled: cleaning must be a fixed
/// point (SPEC §5): the clean copy, cleaned again, must not change. The
/// rules that read a paragraph's context (the page's edges, the alignment of
/// parallel sections, a cluster of near-duplicates that a paragraph only
/// joins through another copy) can see a different context once copies and
/// noise are gone, so when they acted, `look` decides the kept paragraphs
/// again, as the next run would, and what that removes goes now. Documents
/// where they did not act are looked at once.
///
/// `page` holds the indices of the paragraphs to decide, in order, in
/// whatever list `look` reads them from; `look` gets such indices and
/// decides them as one page. The decisions returned are one per entry of
/// `page`, and their indices point into `page`.
pub fn settled(page: &[usize], mut look: impl FnMut(&[usize]) -> Decided) -> Vec<Decision> {
    let Decided {
        mut decisions,
        mut layout,
        mut more_pairs_possible,
    } = look(page);
    // A round that changes nothing ends the loop, and every other round
    // removes a paragraph, so a page of `n` paragraphs settles within `n`
    // rounds. A small page may take them all; a big one, whose looks are
    // dear, stops at MAX_SETTLE_ROUNDS.
    let rounds = if page.len() <= SMALL_PAGE {
        page.len()
    } else {
        MAX_SETTLE_ROUNDS
    };
    for _ in 0..rounds {
        let context_read = more_pairs_possible
            || layout.contains(&true)
            || decisions.iter().any(|decision| {
                matches!(
                    decision,
                    Decision::Keep(KeepReason::StructuralRepeat | KeepReason::NotACopy { .. })
                )
            })
            || copy_cluster_of_three(&decisions);
        let kept: Vec<usize> = (0..page.len())
            .filter(|&i| matches!(decisions[i], Decision::Keep(_)))
            .collect();
        if !context_read || kept.len() == page.len() {
            break;
        }
        let clean_copy: Vec<usize> = kept.iter().map(|&i| page[i]).collect();
        let again = look(&clean_copy);
        more_pairs_possible = again.more_pairs_possible;
        let mut changed = false;
        for (at, (decision, by_layout)) in again.decisions.into_iter().zip(again.layout).enumerate()
        {
            if let Decision::Remove(mut removal) = decision {
                removal.kept = removal.kept.map(|k| kept[k]);
                decisions[kept[at]] = Decision::Remove(removal);
                layout[kept[at]] = by_layout;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    decisions
}

/// Whether two or more paragraphs went as copies (exact or near) of one
/// kept paragraph. Near-duplicates are grouped into clusters by similarity,
/// and a cluster of three or more can hold members that resemble each other
/// only through a third; the kept copy of an exact group of three or more
/// can itself be a light edit of a longer paragraph, which it is compared
/// with only once its copies are gone. Once they are gone, the paragraphs
/// left can cluster otherwise, so the page is read again on its clean copy.
fn copy_cluster_of_three(decisions: &[Decision]) -> bool {
    let mut kept_for: Vec<usize> = decisions
        .iter()
        .filter_map(|decision| match decision {
            Decision::Remove(removal)
                if removal.rule == NEAR_DUPLICATE || removal.rule == EXACT_DUPLICATE =>
            {
                removal.kept
            }
            _ => None,
        })
        .collect();
    kept_for.sort_unstable();
    kept_for.windows(2).any(|pair| pair[0] == pair[1])
}

/// Rounds of [`settled`] on its own clean copy at most, for a page of more
/// than [`SMALL_PAGE`] paragraphs; real pages settle after one.
const MAX_SETTLE_ROUNDS: usize = 4;

/// Pages of at most this many paragraphs are read again until they settle:
/// the fuzzer found a page of 92 lines (`¼` fragments, with structural
/// repeats) that still lost paragraphs in its fourth round.
const SMALL_PAGE: usize = 1_000;

/// Decides every paragraph of `texts` from what the stages before found: its
/// noise verdict, else its copies among the candidates. Only this builds
/// [`Decision`]s. `numbered_items` are the paragraphs, sorted, that are
/// items of a numbered list in the whole document ([`numbered_list_items`]).
pub fn decide(
    (texts, numbered_items): (&[&str], &[usize]),
    noise: Vec<Option<Verdict<'_>>>,
    (prints, comparisons): (&Fingerprints<'_>, &Comparisons),
    matches: Matches,
    prose: &navigation::ProseMemo,
    options: &Options,
) -> Decided {
    let Fingerprints {
        candidates,
        fingerprints,
        digests,
    } = prints;
    let Matches {
        groups,
        structural,
        pairs,
        compared,
        fewest_crowded,
    } = matches;
    let clusters = clusters(&groups, &structural, pairs, candidates.len());
    let mut layout = vec![false; texts.len()];
    let mut decisions: Vec<Decision> = noise
        .into_iter()
        .zip(&mut layout)
        .map(|(verdict, by_layout)| match verdict {
            Some(verdict) => {
                *by_layout = verdict.layout;
                Decision::remove(Removal {
                    rule: rules::rule_id(verdict.rule),
                    kept: None,
                    similarity: None,
                    documents: verdict.documents.map(|count| count.get() as usize),
                })
            }
            None => Decision::Keep(KeepReason::Unique),
        })
        .collect();
    // Collected in place of the verdicts, which are twice its size: the
    // spare half would stay with the decisions through every later look.
    decisions.shrink_to_fit();
    let places = Places::of(&clusters, &groups, fingerprints);
    for group in groups.iter() {
        let structure = (structural.as_slice(), &places);
        for (member, decision) in resolve_structural(group, structure, fingerprints, options) {
            decisions[candidates[member]] = map_indices(decision, candidates);
        }
    }
    let listings = Listings::of(
        &groups,
        &clusters,
        fingerprints,
        (candidates, numbered_items),
    );
    for cluster in clusters {
        resolve_cluster(
            cluster,
            fingerprints,
            digests,
            &places,
            &listings,
            (comparisons, options),
            |member, decision| {
                decisions[candidates[member]] = map_indices(decision, candidates);
            },
        );
    }
    if options.rules.enabled(NAVIGATION) {
        settle_navigation(texts, &mut decisions, &mut layout, prose);
    }
    let removed_compared = candidates
        .iter()
        .zip(&compared)
        .filter(|&(&index, &compared)| compared && matches!(decisions[index], Decision::Remove(_)))
        .count();
    Decided {
        decisions,
        layout,
        more_pairs_possible: matching::may_find_more_pairs(fewest_crowded, removed_compared),
    }
}

/// Makes the navigation rule a fixed point: cleaning the clean copy must
/// change nothing (SPEC §5), but the copies and noise removed after the first
/// look at the page can move its edges (the last prose paragraph was a pasted
/// copy). So the rule looks again at what is kept, as the next run would, until
/// it finds nothing more; the edges are prose, which it never takes, so this
/// ends after a round or two.
fn settle_navigation(
    texts: &[&str],
    decisions: &mut [Decision],
    layout: &mut [bool],
    prose: &navigation::ProseMemo,
) {
    loop {
        // What a rule that reads the page's layout removed (this one, the
        // corpus edges) is not a line another rule took out of a menu.
        let chrome = navigation::chrome_among(
            texts,
            |i| matches!(decisions[i], Decision::Keep(_)),
            |i| match &decisions[i] {
                Decision::Remove(removal) if !layout[i] => Some(&*removal.rule),
                _ => None,
            },
            prose,
        );
        if !chrome.contains(&true) {
            return;
        }
        for ((decision, by_layout), is_chrome) in decisions.iter_mut().zip(&mut *layout).zip(chrome)
        {
            if is_chrome {
                *decision = Decision::remove(Removal {
                    rule: Cow::Borrowed(NAVIGATION),
                    kept: None,
                    similarity: None,
                    documents: None,
                });
                *by_layout = true;
            }
        }
    }
}

/// Decisions for the copies of an exact group with structural members: those
/// stay, and so does a copy at the same place as one of them in a parallel
/// labelled section ([`Places::in_parallel_sections`]); any other copy
/// (pasted out of sequence) goes as a copy of the first of them. Groups
/// without one are left to [`resolve_cluster`].
fn resolve_structural(
    group: &[usize],
    (structural, places): (&[bool], &Places),
    fingerprints: &[Fingerprinted<'_>],
    options: &Options,
) -> Vec<(usize, Decision)> {
    let Some(&first) = group.iter().find(|&&member| structural[member]) else {
        return Vec::new();
    };
    // Where the structural members stand, each place with the first
    // heading it was seen under and whether another heading holds it too:
    // read once, as a group can hold thousands of copies.
    let mut structural_places: rustc_hash::FxHashMap<(u32, u32), (u32, bool)> = Default::default();
    for &member in group.iter().filter(|&&member| structural[member]) {
        if let Some(place) = places.place(member) {
            let seen = structural_places
                .entry((place.label, place.from_end))
                .or_insert((place.heading, false));
            seen.1 |= seen.0 != place.heading;
        }
    }
    let parallel = |member: usize| {
        places.place(member).is_some_and(|place| {
            structural_places
                .get(&(place.label, place.from_end))
                .is_some_and(|&(heading, two)| two || heading != place.heading)
        })
    };
    group
        .iter()
        .map(|&member| {
            let decision = if structural[member] || parallel(member) {
                Decision::Keep(KeepReason::StructuralRepeat)
            } else if fingerprints[member].token_count() < options.min_words {
                Decision::Keep(KeepReason::ShortRepeat { of: first })
            } else if !options.rules.enabled(EXACT_DUPLICATE) {
                Decision::Keep(KeepReason::Unique)
            } else {
                Decision::remove(Removal {
                    rule: Cow::Borrowed(EXACT_DUPLICATE),
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
    groups: &ExactGroups,
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
    for group in groups.iter() {
        if !group.iter().any(|&member| structural[member]) {
            for &member in &group[1..] {
                union(group[0], member);
            }
        }
    }
    for pair in pairs {
        union(pair.shorter, pair.longer);
    }
    // Every set's root is its smallest member, so reading the candidates in
    // order makes each cluster in order of its first member, its members in
    // order. Counted first, so a candidate without copies (most of them)
    // costs no allocation of its own.
    for index in 0..candidate_count {
        parent[index] = root(&mut parent, index);
    }
    let mut size = vec![0u32; candidate_count];
    for &r in &parent {
        size[r] += 1;
    }
    let mut cluster_of = vec![usize::MAX; candidate_count];
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for (index, &r) in parent.iter().enumerate() {
        if size[r] < 2 {
            continue;
        }
        if cluster_of[r] == usize::MAX {
            cluster_of[r] = clusters.len();
            clusters.push(Vec::with_capacity(size[r] as usize));
        }
        clusters[cluster_of[r]].push(index);
    }
    clusters
}

/// Where each candidate stands, for telling a copy from a paragraph that
/// only recurs: how far apart two candidates are, and which labelled
/// section each sits in.
#[derive(Debug, Default)]
struct Places {
    /// For the caption rule: `spacing[i]` is the number of candidates
    /// before `i` that belong to no cluster. Members of clusters are left
    /// out because some of them go, and a distance the next run would
    /// measure shorter could turn a kept paragraph into a caption;
    /// paragraphs without copies stay in every run.
    spacing: Vec<usize>,
    /// The labelled section each copy (each member of a cluster or an exact
    /// group) sits in, if any ([`section_heading`]), by its index.
    sections: rustc_hash::FxHashMap<u32, SectionPlace>,
}

/// A candidate's place in a section under a labelled heading ("Year 3",
/// "Procedure B: ...", "4. Liability"), counted in paragraphs without copies
/// of their own, as [`Places::spacing`] counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SectionPlace {
    /// The candidate that heads the section.
    heading: u32,
    /// Its heading's label, as a number: the same for the same label.
    label: u32,
    /// Paragraphs without copies (in no cluster and no exact group) between
    /// this one and the section's end, the next heading (the text's last
    /// section has no place).
    from_end: u32,
}

impl Places {
    fn of(
        clusters: &[Vec<usize>],
        groups: &ExactGroups,
        fingerprints: &[Fingerprinted<'_>],
    ) -> Places {
        let count = fingerprints.len();
        let mut clustered = vec![false; count];
        for &member in clusters.iter().flatten() {
            clustered[member] = true;
        }
        let mut before = 0;
        let spacing = clustered
            .iter()
            .map(|&is_clustered| {
                let at = before;
                before += usize::from(!is_clustered);
                at
            })
            .collect();
        // Sections count their paragraphs past every copy, the structural
        // repeats too (which no cluster holds): a closing clause's place is
        // read past the other template lines beside it.
        for group in groups.iter().filter(|group| group.len() > 1) {
            for &member in group {
                clustered[member] = true;
            }
        }
        // Only copies are ever asked where they stand, so only theirs are
        // held: a big file would pay for every paragraph's.
        let mut sections: rustc_hash::FxHashMap<u32, SectionPlace> = Default::default();
        // The labels seen, numbered by their place here (a text has few).
        let mut labels: Vec<Cow<'_, str>> = Vec::new();
        // The open section: its heading and label, its members so far and
        // how many of them have no copies.
        let mut open: Option<((u32, u32), Vec<usize>, u32)> = None;
        let mut close = |open: &mut Option<((u32, u32), Vec<usize>, u32)>| {
            if let Some(((heading, label), members, unclustered)) = open.take() {
                let mut seen = 0;
                for member in members {
                    seen += u32::from(!clustered[member]);
                    if clustered[member] {
                        let place = SectionPlace {
                            heading,
                            label,
                            from_end: unclustered - seen,
                        };
                        sections.insert(matching::index32(member), place);
                    }
                }
            }
        };
        for (index, fingerprint) in fingerprints.iter().enumerate() {
            // With no section open, only a labelled heading changes
            // anything, and most paragraphs cannot be one.
            if open.is_none() && !may_be_labelled(fingerprint.text) {
                continue;
            }
            match section_heading(fingerprint.text) {
                Some(label) => {
                    close(&mut open);
                    open = label.map(|label| {
                        let number = labels.iter().position(|known| *known == label);
                        let number = number.unwrap_or_else(|| {
                            labels.push(label);
                            labels.len() - 1
                        });
                        (
                            (matching::index32(index), matching::index32(number)),
                            Vec::new(),
                            0,
                        )
                    });
                }
                None => {
                    if let Some((_, members, unclustered)) = &mut open {
                        members.push(index);
                        *unclustered += u32::from(!clustered[index]);
                    }
                }
            }
        }
        // The last section has no heading under it, so no end to count
        // from: a paragraph pasted at the end of a text (where copies are
        // often put) would stand last in it, as the last paragraph of every
        // other section does.
        drop(open);
        Places { spacing, sections }
    }

    /// Whether candidates `a` and `b` hold the same place in two sections
    /// under headings with the same label ("Year 1" and "Year 3"): as many
    /// paragraphs before their sections' ends (each the last of its
    /// section, say). Such a pair is a line of the sections' template (a
    /// closing clause in each part of an agreement, the same last step of
    /// each procedure, a thanks under each class's news), not a copy. The
    /// same count after the headings is not enough alone: a paragraph
    /// pasted right under another heading stands as far from it as the
    /// first paragraph of its own section does from its.
    fn in_parallel_sections(&self, a: usize, b: usize) -> bool {
        let (Some(a), Some(b)) = (self.place(a), self.place(b)) else {
            return false;
        };
        a.heading != b.heading && a.label == b.label && a.from_end == b.from_end
    }

    /// Where copy `member` stands in a labelled section, if it does.
    fn place(&self, member: usize) -> Option<SectionPlace> {
        self.sections.get(&matching::index32(member)).copied()
    }
}

/// Whether `text` may be a labelled heading ([`section_heading`]), told
/// from its first characters: it opens with a figure, or a figure or a
/// capital follows its first space (read, as there, past leading spaces).
fn may_be_labelled(text: &str) -> bool {
    let text = text.trim_start();
    text.len() <= SECTION_HEADING_MAX_BYTES
        && (text.starts_with(|c: char| c.is_ascii_digit())
            || text.split_once(' ').is_some_and(|(_, rest)| {
                rest.starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase())
            }))
}

/// A heading has at most this many words.
const SECTION_HEADING_MAX_WORDS: usize = 8;

/// ... and at most this many bytes: eight long words in a script of three
/// bytes a letter.
const SECTION_HEADING_MAX_BYTES: usize = 8 * 3 * 16;

/// Whether `text` is a heading (one line of at most
/// [`SECTION_HEADING_MAX_WORDS`] words that opens with a capital or a figure
/// and ends with no sentence's stop), and if so its label: a number with a
/// stop that opens it ("4. Liability" and "4) Liability" read `#`), or a
/// word and then a number or one capital letter that ends the heading or
/// comes before a colon or a stop ("Year 3", "Procedure B: Adjusting the
/// guard" read `year` and `procedure`). A date ("April 2, 2024"), a count
/// ("563 posts", "Posts: 1,077") or a name ("Adam K 82") has no label. A
/// heading without a label ends a section and opens none that another
/// could be parallel to.
fn section_heading(text: &str) -> Option<Option<Cow<'_, str>>> {
    // Read for every paragraph: a paragraph too long to be a heading is
    // told by its length before any of its characters is read.
    if text.len() > SECTION_HEADING_MAX_BYTES {
        return None;
    }
    let text = text.trim();
    if text.contains('\n')
        || text.ends_with(['.', '!', '?', ';', ','])
        || !crate::text::opens_as_title(text)
        || crate::text::words(text)
            .nth(SECTION_HEADING_MAX_WORDS)
            .is_some()
    {
        return None;
    }
    let number_len = text.bytes().take_while(u8::is_ascii_digit).count();
    let label = if number_len > 0 {
        let rest = &text[number_len..];
        (rest.starts_with(". ") || rest.starts_with(") ")).then_some(Cow::Borrowed("#"))
    } else {
        text.split_once(' ').and_then(|(word, rest)| {
            let token_len = rest
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count()
                .max(usize::from(
                    rest.starts_with(|c: char| c.is_ascii_uppercase()),
                ));
            let after = &rest[token_len..];
            let ends_label = after.is_empty() || after.starts_with([':', '.']);
            let is_word = word.chars().all(char::is_alphabetic);
            let is_month = crate::text::MONTHS
                .iter()
                .any(|m| m.eq_ignore_ascii_case(word));
            (token_len > 0 && ends_label && is_word && !is_month)
                .then(|| Cow::Owned(word.to_lowercase()))
        })
    };
    Some(label)
}

/// Decides every member of a cluster, passing each member and its decision
/// to `decided` (not collected: a cluster can hold most of a big file). The
/// most complete member is kept and its copies go; members that are not
/// copies of it form the rest of the cluster, which is resolved the same
/// way, so two copies of each other never both survive because a third
/// paragraph linked them.
fn resolve_cluster(
    cluster: Vec<usize>,
    fingerprints: &[Fingerprinted<'_>],
    digests: &[Digest],
    places: &Places,
    listings: &Listings,
    (comparisons, options): (&Comparisons, &Options),
    mut decided: impl FnMut(usize, Decision),
) {
    let mut open = cluster;
    let mut first_keeper = None;
    while let Some(keeper) = most_complete(&open, fingerprints, &listings.preferences()) {
        let mut not_copies = Vec::new();
        let mut copies = 1;
        for &member in open.iter().filter(|&&member| member != keeper) {
            let decision = if listings.summaries.binary_search(&member).is_ok() {
                Decision::Keep(KeepReason::NotACopy { resembles: keeper })
            } else {
                let settings = (comparisons, options);
                decide_copy((member, keeper), fingerprints, digests, places, settings)
            };
            match decision {
                Decision::Keep(KeepReason::NotACopy { .. }) => not_copies.push(member),
                decision => {
                    copies += 1;
                    decided(member, decision);
                }
            }
        }
        let reason = match first_keeper {
            Some(first) if copies == 1 => KeepReason::NotACopy { resembles: first },
            // What resembles it is no copy of it (a heading, a quoted line).
            None if copies == 1 => KeepReason::Unique,
            _ => KeepReason::MostComplete { copies },
        };
        decided(keeper, Decision::Keep(reason));
        first_keeper.get_or_insert(keeper);
        open = not_copies;
    }
}

/// Whether `copy` is a listing of several lines, it or `kept` is code, and
/// `copy` has a line that `kept` does not: the next step of a listing that a
/// tutorial grows line by line (`PORT = 8080`, then `PORT = int(os.environ.get("PORT", "8080"))`),
/// which shares most of its words with the step before. A scraped copy of a
/// listing loses or gains whole lines (a "Copy" button's label), and still
/// goes.
fn edits_code(copy: &str, kept: &str) -> bool {
    if !copy.contains('\n') || !(crate::text::is_code_like(copy) || crate::text::is_code_like(kept))
    {
        return false;
    }
    let kept_lines: Vec<&str> = kept.lines().map(str::trim).collect();
    copy.lines()
        .map(str::trim)
        .any(|line| !line.is_empty() && !kept_lines.contains(&line))
}

/// The copy to keep: never the page's browser tab title when another copy
/// is the title it names (`tab_title`, see [`names_a_copy`]), then clean
/// text before markup (a "republish this article"
/// box of raw HTML is longer than the paragraph it wraps, but it is not the
/// paragraph), then the longest once a caption label or an item's number
/// ([`numbered_item`]) is set aside, then the one that ends a sentence,
/// then one that is not an entry of a table of contents (`contents`,
/// sorted; see [`contents_entries`]), then one that is no list's item, then
/// the first. A numbered "Most read" list at a page's foot repeats the
/// headline with one more token, its number, and won as the fuller copy;
/// then the list went as chrome and the headline with it (4 of
/// `benches/modern4`'s 30 pages).
fn most_complete(
    members: &[usize],
    fingerprints: &[Fingerprinted<'_>],
    preferences: &Preferences<'_>,
) -> Option<usize> {
    // An item's number is set aside only against a copy without one: of
    // two numbered copies (a summary's "1. Answer engines are ..." and the
    // section that says it again), the fuller stays as before.
    let some_unnumbered = members.iter().any(|&i| !fingerprints[i].numbered);
    let tab_title = preferences
        .tab_title
        .filter(|&tab| names_a_copy(tab, members, fingerprints));
    let contents = preferences.contents;
    members
        .iter()
        .copied()
        .filter(|&i| Some(i) != tab_title)
        .max_by_key(|&i| {
            let fingerprint = &fingerprints[i];
            let item_number = some_unnumbered
                && (numbered_item(fingerprints, i)
                    || preferences.list_items.binary_search(&i).is_ok());
            (
                !has_markup(fingerprint.text),
                fingerprint
                    .body_tokens()
                    .saturating_sub(usize::from(item_number)),
                fingerprint.ends_sentence,
                contents.binary_search(&i).is_err(),
                !item_number,
                std::cmp::Reverse(i),
            )
        })
}

/// Whether candidate `tab`, among `members`, prints the page's browser tab
/// title ([`crate::text::titles_of_tab`]: "Stop Writing Status Reports
/// Nobody Reads | by Kira Almeda | The Standup", "Bench Work and Ballast:
/// Finally, the Crooked Creek trestle is done") and another member is its
/// title, word for word. That member is the page's headline: the tab's line
/// holds it and more, so it won as the fuller copy, and the headline went
/// as its copy while the site's name stayed (two of `benches/modern6`'s 30
/// pages).
fn names_a_copy(tab: usize, members: &[usize], fingerprints: &[Fingerprinted<'_>]) -> bool {
    members.contains(&tab)
        && crate::text::titles_of_tab(fingerprints[tab].text).any(|title| {
            members
                .iter()
                .any(|&i| i != tab && fingerprints[i].text.trim() == title)
        })
}

/// Whether candidate `i` is an item of a numbered list: it and the
/// candidate before or after it open with an item's number (or the lines
/// next to it on the page do: [`Listings::list_items`])
/// ([`Fingerprinted::numbered`]). A numbered heading among prose ("3.
/// United Services Automobile Association (USAA) Group", `ext` 0090) is the
/// section the unnumbered entry of the page's ranking names, and keeps its
/// number as a word.
fn numbered_item(fingerprints: &[Fingerprinted<'_>], i: usize) -> bool {
    let numbered = |at: Option<usize>| {
        at.and_then(|at| fingerprints.get(at))
            .is_some_and(|f| f.numbered)
    };
    numbered(Some(i)) && (numbered(i.checked_sub(1)) || numbered(Some(i + 1)))
}

/// The paragraphs of `texts` (a whole document), in order, that open with
/// an item's number next to one that does too ([`Listings::list_items`]).
/// Read on the whole document, once: another rule, or an earlier look, may
/// have taken the rest of the list (`benches/modern11` 29: "1. Chuva forte
/// deixa 200 famílias desalojadas..." in a "Mais lidas" list over the
/// article, whose items 2 to 4 went as chrome, won as the fuller copy of
/// the headline).
pub fn numbered_list_items(texts: &[&str]) -> Vec<usize> {
    let numbered = |at: usize| {
        texts
            .get(at)
            .is_some_and(|text| crate::fingerprint::item_number_end(text).is_some())
    };
    (0..texts.len())
        .filter(|&at| numbered(at) && (at.checked_sub(1).is_some_and(numbered) || numbered(at + 1)))
        .collect()
}

/// A table of contents, or a summary table, has at least this many entries
/// in a row.
const CONTENTS_MIN_ENTRIES: usize = 3;

/// The lists at the head of a page that name what its sections say again,
/// and the title of its browser tab: they decide which of two copies is the
/// copy.
#[derive(Debug, Default)]
struct Listings {
    /// Entries of a table of contents, sorted ([`contents_entries`]).
    contents: Vec<usize>,
    /// Lines that a summary table's rows hold, sorted ([`summarised_lines`]).
    summaries: Vec<usize>,
    /// The candidate that is the page's first paragraph, which may print
    /// its browser tab's title ([`names_a_copy`]).
    opening: Option<usize>,
    /// Candidates, sorted, that open with an item's number next to a line
    /// of the document that does too, whether or not a rule removed that
    /// line: a "Most read" list over the article whose other items went as
    /// chrome ([`numbered_list_items`]).
    list_items: Vec<usize>,
}

/// What [`most_complete`] prefers a copy by, besides its length.
struct Preferences<'l> {
    /// Entries of a table of contents, sorted: the copy is the entry.
    contents: &'l [usize],
    /// The page's first candidate, which may be its tab's title.
    tab_title: Option<usize>,
    /// Items of a numbered list, sorted ([`Listings::list_items`]).
    list_items: &'l [usize],
}

impl Listings {
    fn of(
        groups: &ExactGroups,
        clusters: &[Vec<usize>],
        fingerprints: &[Fingerprinted<'_>],
        (candidates, numbered_items): (&[usize], &[usize]),
    ) -> Self {
        let contents = contents_entries(groups, fingerprints);
        // The page's first paragraph may print its browser tab's title.
        let opening = (candidates.first() == Some(&0)).then_some(0);
        let list_items: Vec<usize> = (0..candidates.len())
            .filter(|&i| numbered_items.binary_search(&candidates[i]).is_ok())
            .collect();
        let preferences = Preferences {
            contents: &contents,
            tab_title: opening,
            list_items: &list_items,
        };
        let summaries = summarised_lines(clusters, fingerprints, &preferences);
        Listings {
            contents,
            summaries,
            opening,
            list_items,
        }
    }

    /// What [`most_complete`] reads of these.
    fn preferences(&self) -> Preferences<'_> {
        Preferences {
            contents: &self.contents,
            tab_title: self.opening,
            list_items: &self.list_items,
        }
    }
}

/// Whether a candidate is shaped as a heading: it does not end with a full
/// stop (a question may) and has 1 to [`HEADING_MAX_TOKENS`] tokens.
fn heading_shaped(fingerprint: &Fingerprinted<'_>) -> bool {
    !fingerprint.text.trim_end().ends_with('.')
        && (1..=HEADING_MAX_TOKENS).contains(&fingerprint.token_count())
}

/// The heading-shaped lines, sorted, that rows of a summary table hold: a
/// run of at least [`CONTENTS_MIN_ENTRIES`] candidates in a row, none ending
/// a sentence (rows of fields, not prose), each the most complete
/// copy of its cluster's one other member, a heading-shaped line further
/// down, the lines in the rows' order, with other paragraphs between them.
/// A comparison table names each item's key result ("Boosted blog
/// conversion by 460% for Picflow"), and each item's section states it
/// again under its name: the row is no fuller copy of that line, and the
/// line, which the section needs, stays. A caption or a pull quote restates
/// prose, which ends its sentences, so it is not spared here.
fn summarised_lines(
    clusters: &[Vec<usize>],
    fingerprints: &[Fingerprinted<'_>],
    preferences: &Preferences<'_>,
) -> Vec<usize> {
    let mut rows: Vec<(usize, usize)> = clusters
        .iter()
        .filter_map(|cluster| {
            let &[first, second] = cluster.as_slice() else {
                return None;
            };
            let (row, line) = (first.min(second), first.max(second));
            let is_row = !fingerprints[row].ends_sentence;
            (is_row
                && heading_shaped(&fingerprints[line])
                && most_complete(cluster, fingerprints, preferences) == Some(row))
            .then_some((row, line))
        })
        .collect();
    rows.sort_unstable();
    let mut lines = Vec::new();
    for run in rows.chunk_by(|&(row, line), &(next_row, next_line)| {
        next_row == row + 1 && next_line > line + 1
    }) {
        let last_row = run[run.len() - 1].0;
        if run.len() >= CONTENTS_MIN_ENTRIES && run[0].1 > last_row {
            lines.extend(run.iter().map(|&(_, line)| line));
        }
    }
    lines.sort_unstable();
    lines
}

/// The candidates that are entries of a table of contents, in order: runs
/// of at least [`CONTENTS_MIN_ENTRIES`] heading-shaped lines in a row (not
/// ending with a full stop, a question may; at most [`HEADING_MAX_TOKENS`]
/// tokens), each repeated further down, in the same order, with other
/// paragraphs between the repeats. The repeats are the article's own
/// headings, each over its section (or a list of teasers printed again,
/// each over its byline); the list only names them, so its entries are the
/// copies that go, not the headings, which the first-copy rule would take
/// out of the article.
///
/// A block pasted twice is no table of contents: its second copy's lines
/// follow each other as the first copy's do, with nothing between. Only
/// groups of two or three copies are read, so that a file of one line
/// repeated a million times costs no list here.
fn contents_entries(groups: &ExactGroups, fingerprints: &[Fingerprinted<'_>]) -> Vec<usize> {
    // Each heading-shaped candidate with a copy further down, and its next copy.
    let mut repeated: Vec<(usize, usize)> = groups
        .iter()
        .filter(|group| (2..=3).contains(&group.len()) && heading_shaped(&fingerprints[group[0]]))
        .flat_map(|group| group.windows(2).map(|pair| (pair[0], pair[1])))
        .collect();
    repeated.sort_unstable();
    let mut entries = Vec::new();
    let mut run_start = 0;
    for at in 1..=repeated.len() {
        let continues = at < repeated.len() && {
            let ((line, copy), (next_line, next_copy)) = (repeated[at - 1], repeated[at]);
            next_line == line + 1 && next_copy > copy + 1
        };
        if !continues {
            let run = &repeated[run_start..at];
            // The copies come after the whole list.
            if run.len() >= CONTENTS_MIN_ENTRIES && run[0].1 > run[run.len() - 1].0 {
                entries.extend(run.iter().map(|&(line, _)| line));
            }
            run_start = at;
        }
    }
    entries
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

/// The decision for a cluster member that is not the kept copy.
fn decide_copy(
    (member, keeper): (usize, usize),
    fingerprints: &[Fingerprinted<'_>],
    digests: &[Digest],
    places: &Places,
    (comparisons, options): (&Comparisons, &Options),
) -> Decision {
    if fingerprints[member].token_count() < options.min_words {
        return Decision::Keep(KeepReason::ShortRepeat { of: keeper });
    }
    if places.in_parallel_sections(member, keeper) {
        return Decision::Keep(KeepReason::NotACopy { resembles: keeper });
    }
    // A list's item that repeats a line without its number ("1. Rovers
    // snatch ..." under "Most read") is the longer of the two, though no
    // fuller ([`most_complete`]): the kept line is the one contained.
    let (shorter, longer) = if fingerprints[member].token_count()
        > fingerprints[keeper].token_count()
        && fingerprints[member].numbered
        && !fingerprints[keeper].numbered
    {
        (keeper, member)
    } else {
        (member, keeper)
    };
    let (rule, similarity) = if digests[member] == digests[keeper] {
        (EXACT_DUPLICATE, 1.0)
    } else {
        match comparisons.compare(
            &fingerprints[shorter],
            &fingerprints[longer],
            &options.thresholds,
        ) {
            Some(Similarity { kind, score }) => {
                let rule = match kind {
                    MatchKind::ContainedAfterLabel | MatchKind::CreditedSentence => CAPTION,
                    _ => NEAR_DUPLICATE,
                };
                (rule, score)
            }
            None => return Decision::Keep(KeepReason::NotACopy { resembles: keeper }),
        }
    };
    let not_a_copy = match rule {
        // A caption sits by its picture, near the paragraph it restates; a
        // "Label: Name" heading far away introduces a section of its own.
        CAPTION => places.spacing[member].abs_diff(places.spacing[keeper]) > CAPTION_MAX_DISTANCE,
        NEAR_DUPLICATE => {
            heads(&fingerprints[member], member, &fingerprints[keeper], keeper)
                || quotes_whole(fingerprints[keeper].text, fingerprints[member].text)
                || leads_into(fingerprints[keeper].text, fingerprints[member].text)
                || names_its_site(fingerprints[keeper].text, fingerprints[member].text)
                || lists_as_a_line(&fingerprints[keeper], &fingerprints[member])
                || says_other_figures(fingerprints[member].text, fingerprints[keeper].text)
                || edits_code(fingerprints[member].text, fingerprints[keeper].text)
        }
        _ => false,
    };
    if not_a_copy {
        return Decision::Keep(KeepReason::NotACopy { resembles: keeper });
    }
    if !options.rules.enabled(rule) {
        return Decision::Keep(KeepReason::Unique);
    }
    Decision::remove(Removal {
        rule: Cow::Borrowed(rule),
        kept: Some(keeper),
        similarity: Some(similarity),
        documents: None,
    })
}

/// Whether `member` is the heading of `keeper`, the paragraph right after it,
/// rather than a copy: a short line that does not end a sentence, whose words
/// the paragraph contains, but not as its opening words (a copy cut short
/// repeats the opening; a heading names the subject), nor as all of them
/// after an item's number.
fn heads(
    member: &Fingerprinted<'_>,
    at: usize,
    keeper: &Fingerprinted<'_>,
    keeper_at: usize,
) -> bool {
    if keeper_at != at + 1
        || member.token_count() > HEADING_MAX_TOKENS
        || member.ends_sentence
        || member.text.contains('\n')
    {
        return false;
    }
    let heading = match_key(member.text);
    let paragraph = match_key(keeper.text);
    // A list's item that says the next line again word for word ("1. Chuva
    // forte ..." in a "Most read" list right over the headline it repeats)
    // is its copy, not its heading.
    let item = crate::fingerprint::item_number_end(member.text)
        .is_some_and(|end| match_key(&member.text[end..]) == paragraph);
    !paragraph.starts_with(heading.as_str()) && !item
}

/// Whether `member` holds a figure (a word with a digit: a price, a count,
/// a version, a day; or a month's name) that `keeper` does not: it says
/// something the kept copy does not ("BOOK: By Dec 31, 2025 TRAVEL: Through
/// July 31, 2026" under one offer and "... Through Mar 31, 2026" under the
/// next; an example's output with another port number), so it is no light
/// edit of it. A figure is a word with the punctuation around it left out
/// ("2026." is "2026"), found in `keeper` as text, letters in any case. A
/// line without a digit names no figure (a month comes with its day or
/// year), which spares most prose the word-by-word reading: it is done for
/// every near-duplicate a cluster resolves. An item's number that opens
/// `member` counts only when `keeper` opens with one too.
fn says_other_figures(member: &str, keeper: &str) -> bool {
    // A list's item number is no figure of what the item says: "1. Rovers
    // snatch late winner ..." in a "Most read" list is the headline's copy.
    let member = match item_number_end(member) {
        Some(end) if item_number_end(keeper).is_none() => &member[end..],
        _ => member,
    };
    if !member.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let is_month = |word: &str| {
        (3..=9).contains(&word.len()) && MONTHS.iter().any(|month| word.eq_ignore_ascii_case(month))
    };
    let mut keeper_lowercase = None;
    member
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '"'))
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| word.bytes().any(|b| b.is_ascii_digit()) || is_month(word))
        .any(|figure| {
            if figure.bytes().any(|b| b.is_ascii_alphabetic()) {
                let keeper = keeper_lowercase.get_or_insert_with(|| keeper.to_lowercase());
                !keeper.contains(&figure.to_lowercase())
            } else {
                !keeper.contains(figure)
            }
        })
}

/// Whether `quoting` holds all of `quoted` between quotation marks: it
/// cites that text ("3 thoughts on “Why the Bridge Matters”", a comment
/// thread's heading under the post it names; a report's title quoted in a
/// sentence) rather than being a more complete copy of it, and the quoted
/// line (a headline, a title) is no copy of the line that cites it. A line
/// that carries its own quotation marks (a pull quote) is left to the
/// other rules.
fn quotes_whole(quoting: &str, quoted: &str) -> bool {
    let quoted = quoted.trim();
    if quoted.is_empty() || quoted.starts_with(QUOTATION_MARKS) {
        return false;
    }
    quoting.match_indices(quoted).any(|(at, _)| {
        let before = quoting[..at].chars().next_back();
        let after = quoting[at + quoted.len()..].chars().next();
        before.is_some_and(|c| QUOTATION_MARKS.contains(&c))
            && after.is_some_and(|c| QUOTATION_MARKS.contains(&c))
    })
}

/// Whether `line` is all of `title` after a lead-in of one to three words
/// with a letter in them, or of a breadcrumb's steps up to its separator:
/// a breadcrumb ("Blog » The Title", "Utne/ Mind And Body/ The Title"), a
/// tab's or a thread's label ("Discussion The Title", "Re: The Title"), a
/// call to action ("Get Started: The Title"), a comment thread's heading in
/// the themes that print the title without quotation marks ("3 Responses
/// to The Title", "One thought on The Title"; [`quotes_whole`] reads the
/// quoted ones), a site's name glued to its tagline. Such a line is the
/// longer, so it would be the "most complete" copy, but it says no more
/// than the title, which
/// stands by itself elsewhere on the page (as the headline over its
/// article, most often): the title is no copy of it, and both stay. A
/// number or a list marker before a line ("3. The Title", "- code") is an
/// item of a list, and a line that starts in lower case is the end of a
/// sentence (what leads into it is its start): both are left to the
/// other rules.
fn leads_into(line: &str, title: &str) -> bool {
    let (line, title) = (line.trim(), title.trim());
    let Some(lead) = line.strip_suffix(title) else {
        return false;
    };
    let lead_words = lead.split_whitespace().count();
    // A breadcrumb's steps end with its separator ("Utne/ Mind And Body/
    // The Title"): however many, they lead into the title.
    let breadcrumb = lead
        .trim_end()
        .ends_with(['/', '\u{bb}', '\u{203a}', '>', '|'])
        && lead_words <= BREADCRUMB_MAX_WORDS;
    !line.contains('\n')
        && crate::text::opens_as_title(title)
        && lead.ends_with(char::is_whitespace)
        && ((1..=LEAD_MAX_WORDS).contains(&lead_words) || breadcrumb)
        && lead.chars().any(char::is_alphabetic)
}

/// Whether `line` is all of `title` and then a separator and a site's
/// name of at most [`crate::text::SITE_NAME_MAX_WORDS`] words ("Engineering works:
/// Coldharbour line | Westvale Rail"), as a page's own title (its browser
/// tab's) prints it at the top of a page dump. As with [`leads_into`], the
/// line is the longer but says no more than the title, the headline over
/// the article, which is no copy of it: both stay.
fn names_its_site(line: &str, title: &str) -> bool {
    let (line, title) = (line.trim(), title.trim());
    let Some(site) = line.strip_prefix(title) else {
        return false;
    };
    let Some(name) = crate::text::SITE_SEPARATORS
        .iter()
        .find_map(|separator| site.strip_prefix(separator))
    else {
        return false;
    };
    !line.contains('\n') && crate::text::is_site_name(name)
}

/// The most words of a lead-in before a title ([`leads_into`]). It was two
/// until stop 58, which let a section's heading go as a copy of the call to
/// action under it (`ext` 0268: ">> Get Started: Certified Associate in
/// Project Management (CAPM)") and a post's title as a copy of its comment
/// thread's heading ("3 Responses to ...").
const LEAD_MAX_WORDS: usize = 3;

/// The most words of a breadcrumb's steps before a title
/// ([`leads_into`]).
const BREADCRUMB_MAX_WORDS: usize = 12;

/// Whether `block`, a paragraph of several lines, holds `title` as one of
/// its lines, whole: a blog's archive or a list of related posts that names
/// the post ("March (4)", "A Weekend at the Lake House", "Spring Cleaning"),
/// a table of contents kept as one block. The block is the longer, so it
/// would be the "most complete" copy and the title over the article would
/// go; but it says no more than the title, one entry among others. A line
/// that ends a sentence is left to the other rules: a block pasted again
/// with its paragraph breaks lost holds its paragraphs as lines too, and
/// those are copies.
fn lists_as_a_line(block: &Fingerprinted<'_>, title: &Fingerprinted<'_>) -> bool {
    let wanted = title.text.trim();
    !title.ends_sentence
        && !wanted.contains('\n')
        && block.text.contains('\n')
        && block.text.lines().any(|line| line.trim() == wanted)
}

/// The marks that open or close a quotation: straight and curly, single and
/// double, and guillemets.
const QUOTATION_MARKS: [char; 9] = [
    '"', '\'', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{00ab}', '\u{00bb}', '\u{201e}',
];

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
        Decision::Remove(mut removal) => {
            removal.kept = removal.kept.map(|k| candidates[k]);
            Decision::Remove(removal)
        }
        keep => keep,
    }
}

/// Takes back the removals (`remove`, one per paragraph of the page `kept`)
/// of each run whose kept neighbours would read as one once it is gone
/// (`would_join`, by index in `texts`; `None` stands for the text's start,
/// which a run at the page's start leaves its next paragraph at).
pub(crate) fn keep_runs_that_would_join(
    remove: &mut [bool],
    kept: &[usize],
    would_join: impl Fn(Option<usize>, usize) -> bool,
) {
    let mut at = 0;
    while at < remove.len() {
        if !remove[at] {
            at += 1;
            continue;
        }
        let start = at;
        while at < remove.len() && remove[at] {
            at += 1;
        }
        let before = start.checked_sub(1).map(|k| kept[k]);
        if at < kept.len() && would_join(before, kept[at]) {
            remove[start..at].fill(false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key::Shingle;
    use crate::matching::{exact_groups, structural_repeats};

    /// `push_hundredths` writes what the float formatter writes: over a
    /// spread of the `f32`s from 0 to 1 (every 9973rd), the `f32` nearest
    /// each point halfway between two hundredths, exact ties (0.125 and
    /// 0.375 round half to even), and what goes to the formatter. (Every `f32` from 0 to
    /// 1 was compared once, in a throwaway release build: no difference.)
    #[test]
    fn hundredths_are_the_float_formatters() {
        let spread = (0..=1.0f32.to_bits()).step_by(9973).map(f32::from_bits);
        let ties = (0..200u8).map(|k| (f32::from(k) + 0.5) / 100.0);
        let ends = [0.0, 1.0, 0.125, 0.375, 0.995, 0.9999, 12.345, 1.0e6];
        let odd = [-0.0, -0.5, f32::NAN, f32::INFINITY, 2.0e6];
        for x in spread.chain(ties).chain(ends).chain(odd) {
            let mut ours = String::new();
            push_hundredths(&mut ours, x);
            assert_eq!(ours, format!("{x:.2}"), "{x:e}");
        }
    }

    /// Fingerprints and digests of `texts`, every one a candidate.
    fn prepared<'a>(
        texts: &[&'a str],
        arena: &'a mut Vec<Shingle>,
    ) -> (Vec<Fingerprinted<'a>>, Vec<Digest>) {
        let prints =
            crate::fingerprint::fingerprint(texts, None, |_| true, crate::DEFAULT_MIN_WORDS, arena);
        (prints.fingerprints, prints.digests)
    }

    const FULL: &str =
        "The council approved the new cycle lane on Tuesday after a long debate about parking.";
    const CUT: &str = "The council approved the new cycle lane on Tuesday after a long deb";
    const MARKUP: &str = "<p class=\"republish\">The council approved the new cycle lane on Tuesday after a long debate about parking.</p> <a href=\"https://example.com\">Republish</a>";
    const CAPTIONED: &str =
        "Road works: The council approved the new cycle lane on Tuesday after a long deb";

    #[test]
    fn a_page_is_read_again_for_a_copy_cluster_of_three() {
        let copy_of = |rule: &'static str, kept: usize| {
            Decision::Remove(Box::new(Removal {
                rule: Cow::Borrowed(rule),
                kept: Some(kept),
                similarity: Some(0.9),
                documents: None,
            }))
        };
        let keep = Decision::Keep(KeepReason::Unique);
        let pair = [keep.clone(), copy_of(NEAR_DUPLICATE, 0), keep.clone()];
        assert!(!copy_cluster_of_three(&pair));
        let two_pairs = [
            keep.clone(),
            copy_of(NEAR_DUPLICATE, 0),
            keep.clone(),
            copy_of(NEAR_DUPLICATE, 2),
        ];
        assert!(!copy_cluster_of_three(&two_pairs));
        let caption_and_near = [
            keep.clone(),
            copy_of(CAPTION, 0),
            copy_of(NEAR_DUPLICATE, 0),
        ];
        assert!(!copy_cluster_of_three(&caption_and_near));
        let exact_and_near = [
            keep.clone(),
            copy_of(EXACT_DUPLICATE, 0),
            copy_of(NEAR_DUPLICATE, 0),
        ];
        assert!(copy_cluster_of_three(&exact_and_near));
        let three = [
            keep.clone(),
            copy_of(NEAR_DUPLICATE, 0),
            copy_of(NEAR_DUPLICATE, 0),
        ];
        assert!(copy_cluster_of_three(&three));
    }

    #[test]
    fn a_run_of_removals_between_paragraphs_that_would_join_stays() {
        // Kept page: paragraphs 10..=16; 11 and 15 are blocks that would
        // join, and 12 would open one first in the text.
        let kept: Vec<usize> = (10..=16).collect();
        let would_join =
            |a: Option<usize>, b: usize| (a, b) == (Some(11), 15) || (a, b) == (None, 12);
        let mut remove = [true, false, true, true, true, false, true];
        keep_runs_that_would_join(&mut remove, &kept, would_join);
        // The run 12..=14 between them stays; the runs at the edges go.
        assert_eq!(remove, [true, false, false, false, false, false, true]);
        // A run at the start that leaves 12 first stays; one that leaves 11
        // first goes.
        let mut remove = [true, false, false, false, false, false, false];
        keep_runs_that_would_join(&mut remove, &kept, would_join);
        assert_eq!(remove, [true, false, false, false, false, false, false]);
        let mut remove = [true, true, false, true, false, false, false];
        keep_runs_that_would_join(&mut remove, &kept, would_join);
        assert_eq!(remove, [false, false, false, true, false, false, false]);
        let mut remove = [false, false, true, false, true, false, false];
        keep_runs_that_would_join(&mut remove, &kept, would_join);
        assert_eq!(remove, [false, false, true, false, true, false, false]);
    }

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
                most_complete(
                    &members,
                    &fingerprints,
                    &Preferences {
                        contents: &[],
                        tab_title: None,
                        list_items: &[]
                    }
                ),
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

    const ANSWER: &str = "I do not know, she said again, and looked at the floor.";

    /// Three offer cards: hotel, city, saving, dates, the button. The first
    /// two offers run on the same dates.
    fn offer_cards() -> Vec<&'static str> {
        let dates = "BOOK: By Mar 1, 2027 TRAVEL: Through Jun 30, 2027";
        vec![
            "Harbour View Hotel ★★★★",
            "Lisbon, Portugal",
            "$150 in instant savings",
            dates,
            "BOOK NOW",
            "The Old Mill Inn ★★★",
            "Bath, England",
            "Up to 30% off rooms",
            dates,
            "BOOK NOW",
            "Casa del Sol Resort ★★★★★",
            "Seville, Spain",
            "Free breakfast for two",
            "BOOK: By Apr 15, 2027 TRAVEL: Through Sep 30, 2027",
            "BOOK NOW",
        ]
    }

    /// A song's chorus under its label.
    const CHORUS: &str = "Chorus:\nTake me down the long road home,\nWhere the river runs and the wild winds roam.\nJust take me down the long road home.";

    /// A song's introduction and verses, for [`REFRAIN`].
    const SONG_INTRO: &str =
        "A folk song collected in Yorkshire in 1912, sung here as the singer gave it.";
    const VERSE_1: &str =
        "Down by the river the old mill stands,\nBuilt long ago by my grandfather's hands.";
    const VERSE_2: &str =
        "My father worked there from morning to night,\nHe came home tired in the fading light.";
    const VERSE_3: &str = "Now the mill is silent, the wheel is still,\nThe grass grows long on the side of the hill.";

    /// The same chorus printed without its label, as lyrics sites and
    /// poems print a refrain.
    const REFRAIN: &str = "Turn, turn, the wheel goes round,\nTurn, turn, with a weary sound,\nGrind the corn and grind the grain,\nTill the river runs dry again.";

    /// [`ANSWER`] given to three questions, right under each (or, with
    /// `pause`, a line further down under the second), after `intro` and
    /// [`FULL`], then [`FULL`] pasted twice.
    fn questioned(intro: &'static str, pause: bool) -> Vec<&'static str> {
        let mut texts = vec![
            intro,
            FULL,
            "Who gave the order?",
            ANSWER,
            "Who else was in the room that night?",
            ANSWER,
            "What did the minister say when he was told?",
            ANSWER,
            FULL,
            FULL,
            "Closing words of the story, said once.",
        ];
        if pause {
            texts.insert(5, "She paused for a long time before she spoke.");
        }
        texts
    }

    /// A note a how-to page prints under each task.
    const NOTE: &str = "Note: This action requires administrator privileges on the account.";

    /// The line release notes close each version with.
    const RELEASE_LINE: &str =
        "This release also includes bug fixes and performance improvements for all users.";

    /// A step two recipes share, word for word.
    const STEP: &str = "Preheat the oven to 180C and line a 30cm by 23cm tin with baking parchment before you start.";

    /// Two recipes on one page, each a heading, its list, [`STEP`] and its
    /// method: the lists and methods follow one template, word for word
    /// but for the ingredients and times.
    fn recipes() -> Vec<&'static str> {
        vec![
            "Both of these bakes use the same basic method, so once you have made one, the second is easy.",
            "Lemon drizzle traybake",
            "You will need 225g butter, 225g caster sugar, 275g self-raising flour, four eggs and the zest of two lemons.",
            STEP,
            "Beat everything together until smooth, spread it into the tin and bake for 35 minutes, then pour over the lemon syrup while it is still warm.",
            "Chocolate traybake",
            "You will need 225g butter, 225g light brown sugar, 225g self-raising flour, 50g cocoa powder and four eggs.",
            STEP,
            "Beat everything together until smooth, spread it into the tin and bake for 30 minutes, then leave it to cool before you ice it.",
        ]
    }

    /// A no-knead loaf's method (my own text, in the shape of a held-out
    /// recipe): the same short instruction after three steps of folding,
    /// then three shaping steps pasted again right after themselves.
    fn rested_dough() -> Vec<&'static str> {
        const REST: &str = "Cover the bowl and leave it for half an hour.";
        const TIP: &str = "Tip the dough onto a floured board and fold its edges into the middle to make a rough ball.";
        const DRAG: &str = "Cup your hands round the ball and drag it towards you a few times to tighten its surface.";
        const PROVE: &str = "Set the ball seam side up in a floured bowl, cover it, and leave it while the oven heats.";
        vec![
            "Mix the flour, salt and yeast in a large bowl, add the water and stir until no dry flour is left.",
            "Wet one hand, stretch one side of the dough up and fold it over, then turn the bowl and fold again.",
            REST,
            "Fold the dough again the same way; it will feel smoother and hold its shape a little better now.",
            REST,
            "Fold it one last time, and you will see bubbles forming under the surface of the dough as it rests.",
            REST,
            TIP,
            DRAG,
            PROVE,
            TIP,
            DRAG,
            PROVE,
            "Bake the loaf in a lidded pot for half an hour, then take the lid off and bake it until it is brown.",
        ]
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
            // Offer cards of one shape: two offers share their dates, and
            // the card's one label agrees at both ends, in step.
            (offer_cards(), &[3, 4, 8, 9, 14]),
            // Answers repeated between questions, one a line further
            // down its question's section, then a passage pasted twice:
            // the answers agree only out of step with the copies (one side
            // holds a line more), which is no card's shape.
            (questioned(intro, true), &[]),
            // The same answer right under each of three questions: each in
            // a section of its own, at the same place, as a witness gives
            // it (`placed_in_sections`); the passage pasted twice still goes.
            (questioned(intro, false), &[3, 5, 7]),
            // Two recipes share one step, and nothing else word for word:
            // the lines around it are each recipe's own take on one
            // template, so it is a step of both.
            (recipes(), &[3, 7]),
            // One short instruction after three different steps is the
            // method's own; the shaping steps pasted again right after
            // themselves are a copy, though the instruction's copies
            // around them frame them as sections would be.
            (rested_dough(), &[2, 4, 6]),
            // A song's chorus after each verse, under its own label: a
            // section repeated before different content.
            (
                vec![
                    "Verse 1:\nI left the city when the lights went low,\nPacked up my troubles and I let them go.",
                    CHORUS,
                    "Verse 2:\nMy mother's porch still has the broken chair,\nThe smell of rain still hanging in the air.",
                    CHORUS,
                    "Bridge:\nAnd if I fall, I'll fall on softer ground,\nWhere every voice I love is still around.",
                    CHORUS,
                ],
                &[1, 3, 5],
            ),
            // The same under labels, with the chords over the verse's
            // lines, and the last chorus sung twice: one refrain.
            (
                vec![
                    "Verse 1:\nI left the city when the lights went low, (G - C - G)\nPacked up my troubles and I let them go. (Em - C - D)",
                    CHORUS,
                    "Verse 2:\nMy mother's porch still has the broken chair,\nThe smell of rain still hanging in the air.",
                    CHORUS,
                    "Verse 3:\nThe road runs on past the mill and the bend,\nAnd every road I walk comes home in the end.",
                    CHORUS,
                    CHORUS,
                    "Outro:\nLet them go.",
                ],
                &[1, 3, 5, 6],
            ),
            // The chorus without its label: a stanza after each verse is
            // a refrain all the same.
            (
                vec![
                    SONG_INTRO, VERSE_1, REFRAIN, VERSE_2, REFRAIN, VERSE_3, REFRAIN,
                ],
                &[2, 4, 6],
            ),
            // The last chorus sung twice: one refrain, after the last verse.
            (
                vec![
                    SONG_INTRO, VERSE_1, REFRAIN, VERSE_2, REFRAIN, VERSE_3, REFRAIN, REFRAIN,
                ],
                &[2, 4, 6, 7],
            ),
            // With the chords printed after the first verse's lines.
            (
                vec![
                    SONG_INTRO,
                    "Down by the river the old mill stands, (G - C - G)\nBuilt long ago by my grandfather's hands. (Em - C - D)",
                    REFRAIN,
                    VERSE_2,
                    REFRAIN,
                ],
                &[2, 4],
            ),
            // Sung twice after one verse only: no refrain yet, a copy.
            (vec![SONG_INTRO, VERSE_1, REFRAIN, REFRAIN, VERSE_2], &[]),
            // A how-to page's note closing each task's steps, two
            // paragraphs under each task's heading; then a copy pasted
            // right under one of the headings, which goes.
            (
                vec![
                    "Creating an account",
                    "Open the Users page, choose New user, and fill in the name and e-mail address.",
                    NOTE,
                    "Suspending an account",
                    "Select the user, open the Actions menu and choose Suspend to stop their sign-in.",
                    NOTE,
                    "Deleting an account",
                    "Select the user, open the Actions menu and choose Delete to remove them for good.",
                    NOTE,
                ],
                &[2, 5, 8],
            ),
            (
                vec![
                    "Creating an account",
                    "Open the Users page, choose New user, and fill in the name and e-mail address.",
                    NOTE,
                    "Suspending an account",
                    NOTE,
                    "Select the user, open the Actions menu and choose Suspend to stop their sign-in.",
                    NOTE,
                    "Deleting an account",
                    "Select the user, open the Actions menu and choose Delete to remove them for good.",
                    NOTE,
                ],
                &[2, 6, 9],
            ),
            // Release notes close each version with the same line, however
            // many lines the version lists above it: the last paragraph
            // of each section, over the next heading or the page's end.
            (
                vec![
                    "Version 3.2",
                    "Dark mode now follows your system setting, and you can pick it by hand.",
                    RELEASE_LINE,
                    "Version 3.1",
                    RELEASE_LINE,
                    "Version 3.0",
                    "The home screen is redesigned around your most recent notes.",
                    "Notes you open are now kept on the device, so they work offline.",
                    RELEASE_LINE,
                ],
                &[2, 4, 8],
            ),
            // The same paragraph pasted three times into an article with
            // subheadings, at another depth under each: copies.
            (
                vec![
                    "Council approves new budget",
                    NOTE,
                    "The city council approved its budget for next year on Tuesday night after a long debate.",
                    "Rising costs hit families",
                    "Energy bills and rents climbed faster than wages for the third year running in the region.",
                    "Rents rose most in the city centre, where one flat in five changed hands last year.",
                    NOTE,
                    "Schools get more money",
                    "An extra two million pounds is set aside for repairs to the older school buildings.",
                    "Work on the first three schools starts in the spring, the council said on Tuesday.",
                    "Parents will be told which schools are next before the summer holidays begin.",
                    NOTE,
                ],
                &[],
            ),
            // A chorus sung twice, each time after its own verse.
            (
                vec![
                    SONG_INTRO,
                    VERSE_1,
                    REFRAIN,
                    VERSE_2,
                    REFRAIN,
                    "The mayor said the song would be sung again at next year's fair.",
                ],
                &[2, 4],
            ),
            // A verse and its chorus pasted again: the chorus follows the
            // same verse twice, which no song does.
            (
                vec![
                    SONG_INTRO,
                    VERSE_1,
                    REFRAIN,
                    "The mayor said the song would be sung again at next year's fair.",
                    VERSE_1,
                    REFRAIN,
                ],
                &[],
            ),
            // A verse pasted again after the second chorus: the chorus is
            // followed by what stays once the copy leaves, the next verse.
            (
                vec![
                    SONG_INTRO, VERSE_1, REFRAIN, VERSE_2, REFRAIN, VERSE_2, VERSE_3, REFRAIN,
                ],
                &[2, 4, 7],
            ),
            // The same stanza pasted three times with the same paragraph
            // after it: a pasted block, as a labelled one is.
            (
                vec![intro, REFRAIN, FULL, REFRAIN, FULL, REFRAIN, FULL],
                &[],
            ),
            // The same labelled block pasted three times with the same
            // paragraph after it: a pasted block, not a chorus.
            (
                vec![
                    intro,
                    CHORUS,
                    FULL,
                    CHORUS,
                    FULL,
                    CHORUS,
                    FULL,
                    "Closing words of the story, said once.",
                ],
                &[],
            ),
            // The intro pasted just before the second recipe's step: the
            // copy goes first, then the step's frame is whole again.
            (
                {
                    let mut texts = recipes();
                    texts.insert(7, texts[0]);
                    texts
                },
                &[3, 8],
            ),
            // The same step pasted among an article's paragraphs, whose
            // neighbours are no template's lines: a copy.
            (
                vec![
                    intro,
                    STEP,
                    FULL,
                    "Closing words of the story, said once.",
                    STEP,
                    ANSWER,
                ],
                &[],
            ),
        ];
        for (texts, expected) in cases {
            let mut arena = Vec::new();
            let (fingerprints, digests) = prepared(texts, &mut arena);
            let groups = exact_groups(&digests);
            let remembered = Comparisons::default();
            let structural = structural_repeats(
                &groups,
                &digests,
                &fingerprints,
                (crate::DEFAULT_MIN_WORDS, &remembered),
            );
            let found: Vec<usize> = (0..texts.len()).filter(|&i| structural[i]).collect();
            assert_eq!(&found, expected, "{texts:#?}");
        }
    }

    const HEADLINE: &str =
        "Business Focus: It’s Why Some People Triumph Online and Others Never Make It";
    const COMMENTS_HEADING: &str = "10 thoughts on “Business Focus: It’s Why Some People Triumph Online and Others Never Make It”";
    /// A line that quotes [`HEADLINE`] whole and that no catalogue rule names.
    const CITING_LINE: &str = "Readers respond to “Business Focus: It’s Why Some People Triumph Online and Others Never Make It”";
    const PULL_QUOTE: &str =
        "“We will not give up on the people of this town, whatever the county decides”";
    const QUOTING_PARAGRAPH: &str = "The mayor stood up at the end of the meeting and said: “We will not give up on the people of this town, whatever the county decides”.";

    #[test]
    fn a_line_quoted_whole_is_cited_not_copied() {
        assert!(quotes_whole(COMMENTS_HEADING, HEADLINE));
        assert!(quotes_whole(
            "Replies to \"Why the Old Mill Bridge Matters\"",
            "Why the Old Mill Bridge Matters"
        ));
        // A pull quote carries its own marks; a part quoted is not all.
        assert!(!quotes_whole(QUOTING_PARAGRAPH, PULL_QUOTE));
        assert!(!quotes_whole(
            COMMENTS_HEADING,
            "Business Focus: It’s Why Some People"
        ));
        assert!(!quotes_whole(
            "10 thoughts on Business Focus",
            "Business Focus"
        ));
    }

    /// The top of a real blog post and the head of its comments (a dev page
    /// dump): the comment thread's heading quotes the headline whole and
    /// is longer, so the headline went as its near-duplicate. It stays, and
    /// `--explain` says which line it resembles. The page's heading ("10
    /// thoughts on “...”") is now the catalogue's (`boilerplate/comments`);
    /// a heading worded otherwise quotes it here.
    #[test]
    fn a_headline_quoted_by_its_comment_threads_heading_stays() {
        let page = [
            HEADLINE,
            "Pamela Wilson",
            "Business focus is why some people are able to build the online business they dream of while others think about it … but never actually create it?",
            "Why — especially — does it seem like certain people come out of nowhere and claim their place in your area of expertise before you’ve had a chance to claim it yourself?",
            CITING_LINE,
            "Gaye",
            "YOU.ARE.AWESOME!",
        ]
        .join("\n\n");
        assert_kept_resembling(&page, (0, HEADLINE), 4);
    }

    /// Cleans `page` and checks that its paragraph `at` (with text `text`)
    /// is kept, in the clean copy, as no copy of the paragraph `resembles`.
    fn assert_kept_resembling(page: &str, (at, text): (usize, &str), resembles: usize) {
        let cleaned = crate::clean(page, &Options::default());
        assert_eq!(cleaned.paragraphs[at].text, text);
        assert_eq!(
            cleaned.paragraphs[at].decision,
            Decision::Keep(KeepReason::NotACopy { resembles })
        );
        assert!(
            cleaned
                .text
                .split("\n\n")
                .any(|kept| kept.trim_end() == text)
        );
    }

    /// A guide that opens with its table of contents (after bench-dev `ext`
    /// 0006, a review of language-learning apps, shortened): each entry
    /// names a heading further down. The headings stay over their sections
    /// and the entries go as their copies; before, the entries stayed and
    /// the article lost every heading.
    #[test]
    fn a_table_of_contents_gives_way_to_the_headings_it_lists() {
        let headings = [
            "The Top 10 Best Language Learning Apps for 2025 in Detail",
            "Mondly \u{2013} Long-Term Motivator at an Affordable Price",
            "Langotalk \u{2013} The Gold Standard of AI Language Tutors",
            "Which Language Learning App is Best for Me in 2025?",
        ];
        let sections = [
            "We test every language learning app over several weeks, so that we can judge how well it keeps a learner going.",
            "Mondly is the up-and-comer among language learning apps: not yet well known, but technically flawless.",
            "Langotalk lets you hold real conversations with an AI tutor that corrects you as you speak.",
            "That depends on your goal: a trip next month calls for another app than a degree in three years.",
        ];
        let mut page = vec!["Table of Contents"];
        page.extend(headings);
        for (heading, section) in headings.iter().zip(sections) {
            page.extend([*heading, section]);
        }
        let page = page.join("\n\n");
        let cleaned = crate::clean(&page, &Options::default());
        for (entry, heading) in (1..=4).zip((5..).step_by(2)) {
            assert_eq!(
                cleaned.paragraphs[entry].text,
                cleaned.paragraphs[heading].text
            );
            assert_eq!(
                cleaned.paragraphs[entry].decision,
                Decision::remove(Removal {
                    rule: Cow::Borrowed(EXACT_DUPLICATE),
                    kept: Some(heading),
                    similarity: Some(1.0),
                    documents: None,
                })
            );
            assert!(matches!(
                cleaned.paragraphs[heading].decision,
                Decision::Keep(KeepReason::MostComplete { copies: 2 })
            ));
        }
        assert!(
            cleaned
                .text
                .starts_with("Table of Contents\n\nThe Top 10 Best")
        );
    }

    /// A "best of" guide that opens with a comparison table (after bench-dev
    /// `ext` 0019, a list of agencies, with other products and words): each
    /// row holds an item's key result, which the item's section states
    /// again under its name. The rows are no fuller copies of those lines:
    /// both stay. The same restatements of three paragraphs of prose (which
    /// end their sentences) are copies and go.
    #[test]
    fn lines_that_a_summary_tables_rows_hold_stay_in_their_sections() {
        let results = [
            "Kept feet dry through 40 km of wet moorland",
            "Lasted 1,200 km before the tread wore smooth",
            "Weighed 310 g a boot in the size we tested",
        ];
        let rows = [
            format!("1 Ridgeline GTX 2021 Best overall {} $$$ 4.8", results[0]),
            format!("2 Fellrunner Mid 2019 Best value {} $$ 4.6", results[1]),
            format!("3 Summit Lite 2023 Lightest {} $$$ 4.5", results[2]),
        ];
        let sections = [
            (
                "Ridgeline GTX",
                "We wore the Ridgeline for a month of autumn walking and it never let water in.",
            ),
            (
                "Fellrunner Mid",
                "The Fellrunner is the boot to buy if you walk every weekend and want it to last.",
            ),
            (
                "Summit Lite",
                "Summit Lite shaves weight wherever it can, and the ankle support is the price.",
            ),
        ];
        let page_of = |rows: &[String]| {
            let mut page: Vec<&str> = vec!["Our picks at a glance"];
            page.extend(rows.iter().map(String::as_str));
            for ((name, review), result) in sections.iter().zip(results) {
                page.extend([*name, result, *review]);
            }
            page.join("\n\n")
        };
        let lines = [5, 8, 11];
        let table = page_of(&rows);
        let cleaned = crate::clean(&table, &Options::default());
        for (row, line) in (1..=3).zip(lines) {
            assert_eq!(cleaned.paragraphs[line].text, results[row - 1]);
            assert_eq!(
                cleaned.paragraphs[line].decision,
                Decision::Keep(KeepReason::NotACopy { resembles: row })
            );
            assert!(matches!(
                cleaned.paragraphs[row].decision,
                Decision::Keep(KeepReason::Unique)
            ));
        }
        let prose: Vec<String> = rows.iter().map(|row| format!("{row}.")).collect();
        let restated = page_of(&prose);
        let cleaned = crate::clean(&restated, &Options::default());
        for (row, line) in (1..=3).zip(lines) {
            assert!(
                matches!(
                    &cleaned.paragraphs[line].decision,
                    Decision::Remove(removal) if removal.kept == Some(row)
                ),
                "{:?}",
                cleaned.paragraphs[line]
            );
        }
    }

    /// A block of headings and prose pasted twice is no table of contents:
    /// its second copy's lines follow each other as the first copy's do, so
    /// the first copy stays and the second goes, as for any copy.
    #[test]
    fn a_block_pasted_twice_keeps_its_first_copy() {
        let block = [
            "Mondly \u{2013} Long-Term Motivator at an Affordable Price",
            "Langotalk \u{2013} The Gold Standard of AI Language Tutors",
            "Mosalingua \u{2013} Much More Than Just a Vocabulary Trainer",
            "Mondly is the up-and-comer among language learning apps: not yet well known, but technically flawless.",
        ];
        let page = [block, block].concat().join("\n\n");
        let cleaned = crate::clean(&page, &Options::default());
        for at in 0..4 {
            assert!(matches!(
                cleaned.paragraphs[at].decision,
                Decision::Keep(KeepReason::MostComplete { copies: 2 })
            ));
            assert!(matches!(
                &cleaned.paragraphs[at + 4].decision,
                Decision::Remove(removal) if removal.kept == Some(at)
            ));
        }
    }

    /// A table scraped one cell per paragraph inside an article reads to
    /// the page model as a long run of short lines, as a menu does; its
    /// cells are the article's data and stay (the built-in model at this
    /// test's commit took 29 of its 32 cells).
    #[test]
    fn the_page_model_leaves_a_table_of_cells_in_the_prose() {
        let text = crate::text::tests::FORECAST.join("\n\n");
        let cleaned = crate::clean(&text, &Options::default());
        assert_eq!(cleaned.removals().count(), 0, "{:?}", cleaned.paragraphs);
    }

    /// A tutorial grows its listing step by step: each step shares most of
    /// its words with the one before, but changes a line, so it stays. The
    /// same listing scraped again with a line fewer (a copy) goes.
    #[test]
    fn the_steps_of_a_growing_listing_are_no_copies() {
        let first = "import os\nHOST = \"127.0.0.1\"\nPORT = 8080\nDEBUG = False";
        let second = "import os\nHOST = \"127.0.0.1\"\nPORT = int(os.environ.get(\"APP_PORT\", \"8080\"))\nDEBUG = False";
        let third = "import os\nHOST = os.environ.get(\"APP_HOST\", \"127.0.0.1\")\nPORT = int(os.environ.get(\"APP_PORT\", \"8080\"))\nDEBUG = False";
        let page = [
            "Here is the starting point, a block of settings with every value fixed in the code:",
            first,
            "To let whoever runs the service choose the port, read it from the environment instead:",
            second,
            "Do the same for the host, which stays a string, so it needs no conversion at all:",
            third,
        ];
        let text = page.join("\n\n");
        let cleaned = crate::clean(&text, &Options::default());
        assert_eq!(cleaned.removals().count(), 0, "{:?}", cleaned.paragraphs);

        let scraped_again = "HOST = os.environ.get(\"APP_HOST\", \"127.0.0.1\")\nPORT = int(os.environ.get(\"APP_PORT\", \"8080\"))\nDEBUG = False";
        let mut pasted = page.to_vec();
        pasted.push(scraped_again);
        let text = pasted.join("\n\n");
        let cleaned = crate::clean(&text, &Options::default());
        let removed: Vec<&str> = cleaned
            .removals()
            .map(|(paragraph, _)| &*paragraph.text)
            .collect();
        assert_eq!(removed, [scraped_again], "{:?}", cleaned.paragraphs);
    }

    /// Lines of a template under labelled headings ("2. Hire", "Class 3",
    /// "Task B: ..."): a closing clause at the end of each part of terms of
    /// hire, the same thanks after each class's news, and the last step of
    /// two tasks that differ in one word. Each stands at the same place in
    /// its section, and stays. A paragraph pasted into another section at
    /// another place still goes, and so does one pasted at the text's end.
    #[test]
    fn template_lines_of_labelled_sections_are_no_copies() {
        const CLAUSE: &str = "Nothing in this part limits either party's liability for injury caused by its own negligence or for fraud.";
        const NOTICE: &str = "Any notice under this part must be given in writing to the address set out in part five.";
        const THANKS: &str = "Thank you to every parent who came along to help on the day.";
        let terms = [
            "1. Booking",
            "1.1 A booking is confirmed once the deposit of a quarter of the fee has been paid and confirmed by email.",
            NOTICE,
            "2. Hire",
            "2.1 The hirer must keep the number of guests within the capacity stated in the booking form at all times.",
            "2.2 The hirer pays for any damage to the rooms or their contents caused during the hire period.",
            CLAUSE,
            NOTICE,
            "3. Cancellation",
            "3.1 The hirer may cancel at any time, and the deposit is returned when notice is given two months ahead.",
            "3.2 A later cancellation forfeits the deposit, and the balance too when it has already been paid.",
            "3.3 We may cancel when the rooms become unavailable, and then return everything the hirer has paid.",
            CLAUSE,
            NOTICE,
            "4. Liability",
            "4.1 Our liability for any booking is limited to the fee paid for it, whatever the cause of the loss.",
            CLAUSE,
            "5. Notices",
            "5.1 Notices go by email to the address in the booking form, or by post to the other party.",
        ];
        let news = [
            "Class 1",
            "Class 1 went to the farm on Tuesday, where the lambs and the tractor ride were the favourites of the day.",
            THANKS,
            "Class 2",
            "Class 2 wrote instructions for making a sandwich, and then followed each other's to see what went wrong.",
            "Class 3",
            "Class 3 visited the town museum to start their topic, and handled pottery that is two thousand years old.",
            THANKS,
            "Dates for your diary",
            "The harvest assembly is on Monday at nine, and parents are welcome to stay for it.",
        ];
        let tasks = [
            "Task A: Setting the rest",
            "Loosen the clamp bolt of the rest with the small spanner from the board beside the machine.",
            "Slide the rest towards the wheel until the gap is no wider than three millimetres, and tighten the bolt.",
            "Turn the wheel by hand through one whole turn to check that it touches the rest nowhere at all.",
            "Task B: Setting the guard",
            "Loosen the two screws that hold the guard to the housing above the wheel.",
            "Lower the guard until the gap is no wider than six millimetres, and tighten the screws.",
            "Turn the wheel by hand through one whole turn to check that it touches the guard nowhere at all.",
            "After any task",
            "Write the date and the task in the log on the board by the door before you leave.",
        ];
        for page in [&terms[..], &news, &tasks] {
            let text = page.join("\n\n");
            let cleaned = crate::clean(&text, &Options::default());
            assert_eq!(cleaned.removals().count(), 0, "{:?}", cleaned.paragraphs);
        }
        // The first task's first step pasted under the second task's
        // heading: another place in its section, so a copy.
        let mut pasted = tasks.to_vec();
        pasted.insert(5, tasks[1]);
        assert_eq!(removed_paragraphs(&pasted), [5]);
        // A list of tips with a paragraph of the first pasted at the end of
        // the text: last in the text's last section, which has no end to
        // count from, so a copy, as the last of the first section is not.
        let tips = [
            "1. Work out your number",
            "Add up what you spend in a year, then multiply it by twenty-five to find what you need.",
            "This part is hard to work out alone, so a planner can help you weigh the choices.",
            "2. Spend less than you earn",
            "Cut the biggest costs first, such as housing and transport, before the small ones.",
            "3. Plan for health care",
            "Leaving a job means finding your own insurance, which can cost more than you expect.",
            "This part is hard to work out alone, so a planner can help you weigh the choices.",
        ];
        assert_eq!(removed_paragraphs(&tips), [7]);
    }

    /// The indices of the paragraphs that cleaning `paragraphs`, joined by
    /// blank lines, removes.
    fn removed_paragraphs(paragraphs: &[&str]) -> Vec<usize> {
        let text = paragraphs.join("\n\n");
        let cleaned = crate::clean(&text, &Options::default());
        (0..cleaned.paragraphs.len())
            .filter(|&at| matches!(cleaned.paragraphs[at].decision, Decision::Remove(_)))
            .collect()
    }

    /// A "Most read" list at a page's foot numbers the headlines it
    /// repeats: the headline is no copy of its numbered item, the item is
    /// the copy (four of `benches/modern4`'s pages lost the headline with
    /// the list). A numbered heading among prose is the section that an
    /// unnumbered entry of the page's ranking names, and stays (`ext`
    /// 0090).
    #[test]
    fn a_numbered_item_that_repeats_the_headline_is_the_copy() {
        const HEADLINE: &str = "Rovers snatch late winner to keep promotion hopes alive";
        const PROSE: &str = "Kelbury Rovers came from behind to beat Ashford Vale at Mill Lane on Saturday, with a header in the last minute of stoppage time.";
        let item = format!("1. {HEADLINE}");
        let page = [
            HEADLINE,
            PROSE,
            "The win lifts Rovers to fourth, two points off the automatic promotion places with five games left.",
            "Most read in Sport",
            &item,
            "2. Kelbury Cricket Club unveil new pavilion after a long wait",
            "3. Local jockey rides first winner at the spring meeting in town",
        ];
        let text = page.join("\n\n");
        let cleaned = crate::clean(&text, &Options::default());
        let removed: Vec<(usize, &str, Option<usize>)> = cleaned
            .removals()
            .map(|(paragraph, removal)| (paragraph.first_line, &*removal.rule, removal.kept))
            .collect();
        assert!(
            removed.contains(&(9, NEAR_DUPLICATE, Some(0))),
            "{removed:?}"
        );
        assert!(cleaned.text.starts_with(HEADLINE), "{}", cleaned.text);
        // A headline with a label before a colon: the numbered item's label
        // follows its number, and it is no fuller copy either.
        let labelled = "Riverside cycle paths: Lindenau plans seven new kilometres by 2016";
        let item = format!("1. {labelled}");
        let page = [
            labelled,
            PROSE,
            "Most read",
            &item,
            "2. Kelbury Cricket Club unveil new pavilion after a long wait",
            "3. Local jockey rides first winner at the spring meeting in town",
        ];
        let removed = removed_paragraphs(&page);
        assert!(removed.contains(&3) && !removed.contains(&0), "{removed:?}");

        let ranking = [
            "State Farm Group",
            "Progressive Group",
            "United Services Automobile Association (USAA) Group",
            "Berkshire Hathaway Group",
            "The ten largest insurers in the country by premiums written last year, with what each is known for.",
            "3. United Services Automobile Association (USAA) Group",
            "Founded in 1922 and headquartered in San Antonio, it serves military families and veterans across the country.",
        ];
        assert!(
            !removed_paragraphs(&ranking).contains(&5),
            "the numbered heading went"
        );
    }

    /// `benches/modern11` 29 (shortened): the "Most read" list stands over
    /// the article, so its item comes first, and the site's menu takes the
    /// list's other items with it, so that on a later look the item is right
    /// over the headline and a list's item no more. The headline is still the
    /// line that stays, and the item goes as its copy.
    #[test]
    fn a_numbered_item_over_the_headline_it_repeats_is_the_copy() {
        const HEADLINE: &str = "Chuva forte deixa 200 famílias desalojadas em Rio Claro do Sul";
        let item = format!("1. {HEADLINE}");
        let mut page = vec![
            "Últimas",
            "Cidades",
            "Política",
            "Economia",
            "Esportes",
            "Cultura",
        ];
        page.extend([
            "Mais lidas",
            &item,
            "2. Prefeitura anuncia novo horário de ônibus a partir de fevereiro",
            "3. Festival de inverno divulga atrações de 2015",
            "4. Polícia prende suspeito de furtos em farmácias",
            HEADLINE,
            "Rio Tabuã subiu mais de três metros em 12 horas; Defesa Civil monta abrigos em escolas",
            "Da Redação",
            "Publicado em 12/01/2015 às 19h40",
            "Compartilhar",
            "Facebook",
            "Twitter",
            "A chuva forte que atingiu Rio Claro do Sul desde a madrugada de domingo deixou 200 famílias fora de casa, segundo a Defesa Civil do município.",
            "A prefeitura abriu três abrigos provisórios, nas escolas municipais e no ginásio, e pede doações de colchões e cobertores.",
        ]);
        let text = page.join("\n\n");
        let cleaned = crate::clean(&text, &Options::default());
        let removals: Vec<(usize, &str, Option<usize>)> = cleaned
            .removals()
            .map(|(paragraph, removal)| (paragraph.first_line, &*removal.rule, removal.kept))
            .collect();
        assert!(
            removals.contains(&(15, NEAR_DUPLICATE, Some(11))),
            "{removals:?}"
        );
        assert!(
            removals.contains(&(17, NAVIGATION, None)),
            "the list's items stayed, so the test reads no later look: {removals:?}"
        );
        assert!(
            cleaned.text.starts_with(&format!("{HEADLINE}\n")),
            "{}",
            cleaned.text
        );
    }

    /// A page that opens with its browser tab's title prints the headline
    /// inside it ("Site: Headline", "Headline | by Author | Publication"):
    /// the tab's line is the fuller copy, but the headline under it is the
    /// one that stays. The same line further down the page is no tab's
    /// title, and the fuller copy stays as before.
    #[test]
    fn a_pages_tab_title_is_no_fuller_copy_of_its_headline() {
        const HEADLINE: &str = "Finally, the Crooked Creek trestle is done";
        const PROSE: &str = "Eleven weekends and about nine hundred pieces of stripwood later, the trestle over the creek is finished and the first train has crossed it.";
        const MORE: &str = "Building the bents on a jig was the best decision of the whole project, and staining the wood first saved a lot of time.";
        let tabs = [
            format!("Bench Work and Ballast: {HEADLINE}"),
            format!("{HEADLINE} | by Gary K. | Bench Work and Ballast"),
        ];
        for tab in &tabs {
            let page = [
                tab.as_str(),
                "Notes from a garage layout",
                HEADLINE,
                PROSE,
                MORE,
            ];
            let removed = removed_paragraphs(&page);
            assert!(!removed.contains(&2), "{tab}: {removed:?}");
        }
        let lower = [
            "Notes from a garage layout",
            HEADLINE,
            PROSE,
            &tabs[1],
            MORE,
        ];
        assert_eq!(removed_paragraphs(&lower), [1]);
    }

    /// Lines of a page of offers (after bench-dev `ext` 0148, a travel
    /// site's deals, and 0681, a guide whose examples differ in their
    /// figures): each differs from the one before it in a date or a
    /// number only, so it says something the other does not and stays. A
    /// copy cut short, or retyped in capitals, says no figure of its own
    /// and still goes.
    #[test]
    fn lines_that_differ_in_their_figures_are_no_copies() {
        let offers = [
            "BOOK: By Dec 31, 2025 TRAVEL: Through Mar 31, 2026",
            "HONOLULU, HAWAII",
            "BOOK: By Dec 31, 2025 TRAVEL: Through July 31, 2026",
            "LOS CABOS, MEXICO",
            "Up to 45% off rooms and a resort credit for every night of the stay",
            "CANCUN, MEXICO",
            "Up to 53% off rooms and a resort credit for every night of the stay",
        ];
        let page = offers.join("\n\n");
        let cleaned = crate::clean(&page, &Options::default());
        assert_eq!(cleaned.removals().count(), 0, "{:?}", cleaned.paragraphs);
        assert_eq!(cleaned.text, format!("{page}\n"));

        assert!(says_other_figures(offers[2], offers[0]));
        assert!(says_other_figures(
            "Forwarding https://84c5df439d74.ngrok.io -> http://localhost:3000",
            "Forwarding https://84c5df439d74.ngrok.io -> http://localhost:8080",
        ));
        // "2026." is "2026"; a copy cut short or in capitals says no other figure.
        let full =
            "The council met on Tuesday, 3 March 2026, and approved the budget of $4.2 million.";
        assert!(!says_other_figures(
            "THE COUNCIL MET ON TUESDAY, 3 March 2026",
            full
        ));
        assert!(!says_other_figures("approved in March 2026.", full));
    }

    #[test]
    fn a_title_after_a_lead_in_leads_into_it() {
        let title = "Higher Logic has terminated open source Vanilla";
        assert!(leads_into(&format!("Discussion {title}"), title));
        assert!(leads_into(&format!("Blog \u{bb} {title}"), title));
        assert!(leads_into(&format!("Re: {title}"), title));
        assert!(leads_into(&format!("Utne/ Mind And Body/ {title}"), title));
        assert!(leads_into(
            &format!("Home \u{203a} News \u{203a} Tech \u{203a} {title}"),
            title
        ));
        assert!(!leads_into(
            &format!("Read all about it in our story: {title}"),
            title
        ));
        assert!(leads_into(&format!(">> Get Started: {title}"), title));
        assert!(leads_into(&format!("3 Responses to {title}"), title));
        assert!(leads_into(&format!("One thought on {title}"), title));
        // A list's number or marker, more than three words, a glued word.
        assert!(!leads_into(&format!("3. {title}"), title));
        assert!(!leads_into(&format!("- {title}"), title));
        assert!(!leads_into(
            &format!("Read the whole story: {title}"),
            title
        ));
        assert!(!leads_into(&format!("Discussion{title}"), title));
        // The end of a sentence is led into by its start.
        assert!(!leads_into(
            "Paiement s\u{e9}curis\u{e9} avec Carte bancaire, Paypal, Alma",
            "avec Carte bancaire, Paypal, Alma"
        ));
    }

    /// A page's own title at the top of its dump, the site's name after
    /// it, and the headline under the menu: the headline stays where it is.
    #[test]
    fn a_headline_stays_under_the_title_line_that_names_its_site() {
        let title = "Engineering works: Coldharbour line, April 2025";
        for (suffix, names_site) in [
            (" | Westvale Rail", true),
            (" - The Harbourline Courier", true),
            // A name too long to be a site's, and a sentence that goes on.
            (
                " - what it means for the people who travel every day",
                false,
            ),
            (", and what it means", false),
        ] {
            assert_eq!(
                names_its_site(&format!("{title}{suffix}"), title),
                names_site,
                "{suffix}"
            );
        }
        let page = [
            format!("{title} | Westvale Rail"),
            "Trains are running normally on all lines this morning, and the ticket offices open at six.".to_string(),
            title.to_string(),
            "Track and signal renewals between Marlow Vale and Hesketh Junction close the line on two weekends in April, and buses replace trains between the two stations.".to_string(),
            "Buses leave from the station forecourt every twenty minutes, and the journey takes about forty minutes longer than the train.".to_string(),
        ];
        let texts: Vec<&str> = page.iter().map(String::as_str).collect();
        assert_eq!(removed_paragraphs(&texts), Vec::<usize>::new());
    }

    /// A blogger's post under its title (written for the test, in the shape
    /// of an old Blogspot page): the sidebar's archive lists the post's
    /// title as one line of its block, which made that block the most
    /// complete copy and the title went as its near-duplicate. Both stay.
    #[test]
    fn a_post_title_named_in_the_blog_archive_stays() {
        let title = "A Weekend at the Lake House";
        let archive = format!("2009 (48)\nMarch (4)\n{title}\nSpring Cleaning\nFebruary (6)");
        let page = [
            "Saturday, March 14, 2009",
            title,
            "We drove up to the lake house on Friday night after work, and it was already dark by the time we pulled into the gravel drive.",
            "Saturday morning was cold and bright, and we took the canoe out to the little island where we used to camp as teenagers.",
            "Posted by Jenny at 9:42 PM",
            "Blog Archive",
            &archive,
        ]
        .join("\n\n");
        assert_kept_resembling(&page, (1, title), 6);
    }

    /// A post under its title on a blog of the older WordPress themes
    /// (written for the test), which print the comment thread's heading
    /// with the title in italics, no quotation marks: the heading was the
    /// longer line, so the most complete copy, and the title over the post
    /// went as its near-duplicate. Both stay.
    #[test]
    fn a_post_title_under_its_unquoted_comment_heading_stays() {
        let title = "Tomatoes in a Cold Spring: What Worked This Year";
        let heading = format!("3 Responses to {title}");
        let page = [
            "Posted on May 14, 2013 by Margaret",
            title,
            "This year the frost hung on until the second week of May, and for a while I thought the seedlings on the windowsill would never see the garden.",
            "I moved half of them to the cold frame in April, with an old blanket over the glass at night, and by May they were twice as sturdy.",
            &heading,
            "Jenny says: I had the same trouble with leggy seedlings. Going to try the blanket trick next year!",
        ]
        .join("\n\n");
        assert_kept_resembling(&page, (1, title), 4);
    }

    #[test]
    fn a_block_lists_a_title_as_one_of_its_lines() {
        let print = |text| Fingerprinted::new(text, 0, &[]);
        let title = "Why I Stopped Buying Tomato Seedlings";
        let recent = format!("{title}\nFive Herbs That Grow on a Windowsill");
        assert!(lists_as_a_line(&print(&recent), &print(title)));
        // The title only begins a line; a sentence is a paragraph of a
        // block pasted again with its breaks lost; one line is no list.
        let longer = format!("{title} From Seed\nFive Herbs");
        assert!(!lists_as_a_line(&print(&longer), &print(title)));
        let sentence = "The seeds cost less than a single seedling.";
        let pasted = format!("{sentence}\nThe biggest surprise was how sturdy they were.");
        assert!(!lists_as_a_line(&print(&pasted), &print(sentence)));
        assert!(!lists_as_a_line(&print(title), &print(title)));
    }

    /// The top of a real forum thread (bench-dev `ext` 0559, a Vanilla
    /// forum; the post is shortened): the thread's tab label runs into its
    /// title ("Discussion ..."), which made that line the most complete
    /// copy, and the title over the post went as its near-duplicate. Both
    /// stay.
    #[test]
    fn a_thread_title_under_its_tab_label_stays() {
        let title = "Higher Logic has terminated open source Vanilla";
        let labelled = format!("Discussion {title}");
        let page = [
            "Home\u{203a} Releases",
            &labelled,
            "Author",
            "Search",
            title,
            "Linc Admin",
            "March 2025 edited March 2025 in Releases",
            "On 2 Dec 2024, I received this message from Higher Logic's Director of Software Engineering, about the open source edition of the forum software.",
        ]
        .join("\n\n");
        assert_kept_resembling(&page, (4, title), 1);
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
            // A comment thread's heading quotes the post's headline whole:
            // a citation, not a more complete copy (a dev page dump).
            (
                vec![HEADLINE, far[1], COMMENTS_HEADING],
                vec![0, 2],
                vec![None, None],
            ),
        ];
        let options = Options::default();
        for (texts, cluster, expected) in cases {
            let mut arena = Vec::new();
            let (fingerprints, digests) = prepared(&texts, &mut arena);
            let clusters = vec![cluster.clone()];
            let places = Places::of(&clusters, &exact_groups(&digests), &fingerprints);
            let mut decided = Vec::new();
            resolve_cluster(
                cluster.clone(),
                &fingerprints,
                &digests,
                &places,
                &Listings::default(),
                (&Comparisons::default(), &options),
                |member, decision| decided.push((member, decision)),
            );
            decided.sort_by_key(|(member, _)| *member);
            let rules: Vec<Option<&str>> = decided
                .iter()
                .map(|(_, decision)| match decision {
                    Decision::Remove(removal) => Some(&*removal.rule),
                    Decision::Keep(_) => None,
                })
                .collect();
            assert_eq!(rules, expected, "{texts:#?}");
        }
    }
}
