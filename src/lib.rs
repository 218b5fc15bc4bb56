//! `dedupe` cleans scraped article text: it normalizes the text, removes
//! repeated paragraphs (exact copies, truncated copies, captions that restate
//! a paragraph) and scrape boilerplate ("Read more at ...", "Share this
//! article"), keeps the most complete copy of each paragraph, and says why it
//! removed each one.
//!
//! ```
//! let article = "Ms Rudd will be forced to explain to the Commons tomorrow why she denied it.\n\n\
//!                Ms Rudd will be forced to explain to the Commons tomorrow why she denied it.\n\n\
//!                Read more at DailyMail.co.uk\n";
//! let options = dedupe::Options::default();
//! let cleaned = dedupe::clean(article, &options);
//! assert_eq!(
//!     cleaned.text,
//!     "Ms Rudd will be forced to explain to the Commons tomorrow why she denied it.\n"
//! );
//! let rules: Vec<&str> = cleaned.removals().map(|(_, removal)| &*removal.rule).collect();
//! assert_eq!(rules, ["exact-duplicate", "boilerplate/read-more"]);
//! let diff = cleaned.diff(article, "article.txt");
//! assert!(diff.contains("@@ -1,5 +1 @@ line 3: exact-duplicate of line 1 (1.00); line 5: boilerplate/read-more"));
//! ```
//!
//! The pipeline is [`clean`], one module per stage, in this order:
//! normalize lines, segment paragraphs, classify noise (the boilerplate
//! catalogue, the page's navigation, the corpus), fingerprint the rest, match
//! copies, decide, let the page model refine what the rules kept, and render
//! the clean copy and its diff. A stage imports
//! only the stages before it and the settings ([`Options`]); a unit test
//! checks it. [`decode`] turns bytes into text before all of it. The library
//! never prints and never touches files.

#![warn(clippy::print_stdout, clippy::print_stderr)]

mod corpus;
mod decide;
mod decode;
mod diff;
mod fingerprint;
mod key;
mod listing;
mod matching;
mod noise;
mod normalize;
mod options;
mod page_model;
mod refine;
mod rules;
mod segment;
mod text;

use std::borrow::Cow;

pub use corpus::{
    CorpusBoilerplate, DEFAULT_MIN_DOCUMENTS, DocumentFrequency, TableError, TableSettings,
};
pub use decide::{Decision, KeepReason, Removal};
pub use decode::{
    Charset, DecodeError, Decoded, Encoding, FileEncoding, LineEnding, decode, encode, reads_back,
};
pub use diff::unified_diff;
pub use noise::engine::{Boilerplate, ExtraPattern};
pub use normalize::{LineEndings, NormalizeOptions};
pub use options::{DEFAULT_MIN_WORDS, Options, Thresholds};
pub use page_model::{
    DENSE_NAMES as PAGE_MODEL_DENSE_FEATURES, HashedWeights, ModelError, PAGE_MODEL, PageModel,
    PageTrees, ParagraphScore, Protection, TrainOptions, TrainPair, Verdict,
    explain as explain_page_model, label_paragraphs, train as train_page_model,
};
pub use rules::{
    CAPTION, CORPUS_BOILERPLATE, EXACT_DUPLICATE, NAVIGATION, NEAR_DUPLICATE, RULES, Rule,
    RuleFilter, is_known_selector,
};

/// One paragraph of the input and what happened to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph<'a> {
    /// First line in the input, counting from 1.
    pub first_line: usize,
    /// Last line in the input, counting from 1.
    pub last_line: usize,
    /// The normalized text.
    pub text: Cow<'a, str>,
    /// Kept or removed, and why. Indices in it point into [`Cleaned::paragraphs`].
    pub decision: Decision,
}

// One for every paragraph of the input: README's memory figures count it.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Paragraph<'_>>() == 56);

/// The result of cleaning one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned<'a> {
    /// The clean copy: kept paragraphs joined by one blank line (or one per
    /// line when the input had one paragraph per line, so the layout and the
    /// diff stay as small as the change), one final line ending (empty when
    /// nothing is kept). Every line ends with [`Cleaned::line_ending`].
    pub text: String,
    /// Every paragraph of the input, in order.
    pub paragraphs: Vec<Paragraph<'a>>,
    /// The clean copy has no blank line between lines of text, so it reads
    /// back one paragraph per line: the input did too, or all that is kept
    /// is one paragraph of several lines, which was then decided line by line.
    pub one_per_line: bool,
    /// The line ending of the clean copy: the input's most common one, unless
    /// [`NormalizeOptions::line_endings`] says otherwise.
    pub line_ending: LineEnding,
}

impl Cleaned<'_> {
    /// The removed paragraphs with their removals, in input order.
    pub fn removals(&self) -> impl Iterator<Item = (&Paragraph<'_>, &Removal)> {
        self.paragraphs
            .iter()
            .filter_map(|paragraph| match &paragraph.decision {
                Decision::Remove(removal) => Some((paragraph, &**removal)),
                Decision::Keep(_) => None,
            })
    }

    /// The unified diff from `original` (the text this was cleaned from) to
    /// the clean copy, with `a/PATH` and `b/PATH` headers and, after each hunk
    /// header, why each paragraph the hunk removes was removed. Empty when
    /// nothing changed.
    pub fn diff(&self, original: &str, path: &str) -> String {
        let diff = self.diff_encoded(
            (original.as_bytes(), line_ends(original)),
            (self.text.as_bytes(), line_ends(&self.text)),
            path.as_bytes(),
        );
        String::from_utf8(diff)
            .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
    }

    /// The clean copy as the bytes of a file in `encoding`: the input's
    /// ([`Decoded::encoding`], BOM and all) to leave the user's file as it
    /// was stored, or [`FileEncoding::UTF8`]. Compare it with the input's
    /// bytes to know whether the file changes: a file whose only change
    /// would be its encoding does not.
    pub fn to_bytes(&self, encoding: FileEncoding) -> Cow<'_, [u8]> {
        decode::encode(&self.text, encoding)
    }

    /// The unified diff, as bytes, from the file that `original` was decoded
    /// from (as it is on disk) to [`Cleaned::to_bytes`]`(output)`: `git apply`
    /// and `patch -p1` replay it on the file whatever its encoding and line
    /// endings. Its headers, hunk headers and notes are UTF-8 (ASCII but for
    /// the path); its lines are the file's bytes. Empty when the bytes do not
    /// change. `original` must be what this was cleaned from. `path` is the
    /// file's name as bytes (a `&str`, or a Unix name that is not UTF-8,
    /// which the headers quote as git does).
    pub fn diff_bytes(
        &self,
        original: &Decoded<'_>,
        output: FileEncoding,
        path: impl AsRef<[u8]>,
    ) -> Vec<u8> {
        // The decoded text, BOM included, re-encodes to the file's bytes
        // exactly (decode refuses anything that would not).
        let old = decode::encode_lines(&original.text, original.encoding);
        let new = decode::encode_lines(&self.text, output);
        self.diff_encoded((&old.0, old.1), (&new.0, new.1), path.as_ref())
    }

    /// The aligned diff of two encoded texts with their line ends.
    fn diff_encoded(
        &self,
        (old_bytes, old_ends): (&[u8], Option<Vec<usize>>),
        (new_bytes, new_ends): (&[u8], Option<Vec<usize>>),
        path: &[u8],
    ) -> Vec<u8> {
        let notes: Vec<diff::LineNote> = self
            .removals()
            .map(|(paragraph, removal)| {
                (paragraph.first_line - 1, self.describe(paragraph, removal))
            })
            .collect();
        diff::aligned_diff(
            &diff::Encoded {
                bytes: old_bytes,
                line_ends: old_ends.as_deref(),
            },
            &diff::Encoded {
                bytes: new_bytes,
                line_ends: new_ends.as_deref(),
            },
            path,
            &self.line_alignment(),
            notes,
        )
    }

    /// (input line, output line) pairs, 0-based and in order, of every line
    /// that the clean copy took from the input: the lines of the kept
    /// paragraphs, and the blank line after a kept paragraph that separates it
    /// from the next one. The diff keeps a pair when the two lines are equal.
    fn line_alignment(&self) -> Vec<(usize, usize)> {
        let mut pairs =
            Vec::with_capacity(memchr::memchr_iter(b'\n', self.text.as_bytes()).count());
        let mut output_line = 0;
        let mut line_after_previous: Option<usize> = None;
        for paragraph in self
            .paragraphs
            .iter()
            .filter(|p| matches!(p.decision, Decision::Keep(_)))
        {
            if let Some(separator) = line_after_previous.filter(|_| !self.one_per_line) {
                pairs.push((separator, output_line));
                output_line += 1;
            }
            for input_line in paragraph.first_line - 1..paragraph.last_line {
                pairs.push((input_line, output_line));
                output_line += 1;
            }
            line_after_previous = Some(paragraph.last_line);
        }
        pairs
    }

    /// `line 9: caption of line 5 (0.90)`, `line 49: boilerplate/read-more`.
    fn describe(&self, paragraph: &Paragraph<'_>, removal: &Removal) -> String {
        let mut note = String::with_capacity(32 + removal.rule.len());
        note.push_str("line ");
        note.push_str(itoa::Buffer::new().format(paragraph.first_line));
        note.push_str(": ");
        removal.write_reason(&mut note, self.kept_line(removal));
        note
    }

    /// The first line of the copy kept in place of `removal`'s paragraph,
    /// counting from 1, for [`Removal::reason`].
    pub fn kept_line(&self, removal: &Removal) -> Option<usize> {
        removal.kept.map(|kept| self.paragraphs[kept].first_line)
    }

    /// This result with every paragraph's text owned, so it outlives the
    /// input it was cleaned from.
    pub fn into_owned(self) -> Cleaned<'static> {
        Cleaned {
            text: self.text,
            paragraphs: self
                .paragraphs
                .into_iter()
                .map(|paragraph| Paragraph {
                    first_line: paragraph.first_line,
                    last_line: paragraph.last_line,
                    text: Cow::Owned(paragraph.text.into_owned()),
                    decision: paragraph.decision,
                })
                .collect(),
            one_per_line: self.one_per_line,
            line_ending: self.line_ending,
        }
    }

    /// How many paragraphs each rule removed, most first, then by rule id.
    pub fn removal_counts(&self) -> Vec<(&str, usize)> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for (_, removal) in self.removals() {
            match counts.iter_mut().find(|(rule, _)| *rule == removal.rule) {
                Some((_, count)) => *count += 1,
                None => counts.push((&removal.rule, 1)),
            }
        }
        counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        counts
    }
}

/// Cleans one document.
pub fn clean<'a>(text: &'a str, options: &Options) -> Cleaned<'a> {
    // The normalized lines are freed once the paragraphs hold them.
    let normalized = normalize::normalize_text(text, &options.normalize);
    let input_ending = normalized.ending;
    let segment::Segmented {
        paragraphs: segments,
        one_per_line,
        blocks,
    } = segment::segment(&normalized);
    drop(normalized);
    let decisions = {
        let texts: Vec<&str> = segments.iter().map(|segment| &*segment.text).collect();
        decide_paragraphs(&texts, &blocks, one_per_line, options)
    };
    let mut paragraphs: Vec<Paragraph<'a>> = segments
        .into_iter()
        .zip(decisions)
        .map(|(segment, decision)| Paragraph {
            first_line: segment.first_line + 1,
            last_line: segment.last_line + 1,
            text: segment.text,
            decision,
        })
        .collect();
    let one_per_line =
        one_per_line || decide_lone_paragraph_by_line(text, &mut paragraphs, options);
    let line_ending = options.normalize.line_endings.resolve(input_ending);
    // Rendered once the segments and decisions are freed, so a big file does
    // not hold them, the paragraphs and the clean copy at once.
    let text = clean_text(&paragraphs, one_per_line, line_ending);
    Cleaned {
        text,
        paragraphs,
        one_per_line,
        line_ending,
    }
}

/// The decision for each of `texts`: the rules' settled judgement, then the
/// page model's rounds (when it is enabled). `blocks` tells the paragraphs
/// that hold a Markdown code block or table; `one_per_line` says the clean
/// copy writes a paragraph per line, so paragraphs that a removal brings
/// together can read as one block (`MarkdownBlocks::would_join`).
fn decide_paragraphs(
    texts: &[&str],
    blocks: &segment::MarkdownBlocks,
    one_per_line: bool,
    options: &Options,
) -> Vec<Decision> {
    let mut shingles = Vec::new();
    // No removal may bring two blocks of a text of one paragraph per line
    // together: the next run would read them as one paragraph, which can
    // read as a copy of another, and the page model would read that page
    // otherwise.
    let blocks_kept_apart = one_per_line.then_some(blocks);
    let catalogue = noise::catalogue(texts, options);
    let mut facts = Facts::new(
        texts,
        options,
        &mut shingles,
        blocks_kept_apart,
        None,
        catalogue,
    );
    let named: Vec<bool> = (0..texts.len())
        .map(|i| facts.named_by_catalogue(i))
        .collect();
    let left_alone = |i: usize| named[i] || blocks.holds_block(i) || text::is_code_block(texts[i]);
    let would_join = |a: Option<usize>, b: usize| would_join(blocks_kept_apart, a, b);
    let mut settled = |page: &[usize]| decide::settled(page, |page| facts.judge(page, options));
    let whole: Vec<usize> = (0..texts.len()).collect();
    let first = settled(&whole);
    refine::with_page_model(texts, first, left_alone, would_join, options, settled)
}

/// What each paragraph of a document is by itself, whatever surrounds it:
/// its catalogue verdict, how it recurs across the corpus when there is one,
/// and, unless the catalogue removes it, its fingerprint. [`decide::settled`]
/// and the page model look at the page more than once, each time at what the
/// look before kept (a big file up to five times); these are computed once
/// for all the looks.
struct Facts<'t, 'o> {
    texts: &'t [&'t str],
    /// The paragraphs a catalogue rule names, in order, with the rule,
    /// enabled or not ([`Facts::removed_by_catalogue`]).
    catalogue: Vec<(usize, &'o str)>,
    recurrences: Option<Vec<noise::corpus::Recurrence>>,
    prose: noise::navigation::ProseMemo,
    /// The fingerprints of the candidates of the last look (at first, of
    /// every paragraph the catalogue leaves), indexed into `texts`: a look
    /// only ever looks at what the look before kept, so each takes its
    /// fingerprints from the last.
    prints: fingerprint::Fingerprints<'t>,
    /// The pairs of paragraphs compared so far, in any look.
    comparisons: matching::Comparisons,
    /// The shingle index of the first look that indexed the page whole.
    indexes: matching::ShingleIndexes,
    /// The paragraphs' Markdown blocks, when no removal may bring a block
    /// together with another paragraph (see [`decide_paragraphs`]).
    blocks_kept_apart: Option<&'t segment::MarkdownBlocks>,
    /// The items of numbered lists, read on the whole document: a look that
    /// no longer holds the rest of a list still knows its item
    /// ([`decide::numbered_list_items`]).
    numbered_items: Vec<usize>,
}

/// Whether paragraph `b`, once nothing lies between it and paragraph `a`
/// (`None`: the text's start), would read as part of a block (`blocks`,
/// given when the text is one paragraph per line).
fn would_join(blocks: Option<&segment::MarkdownBlocks>, a: Option<usize>, b: usize) -> bool {
    blocks.is_some_and(|blocks| blocks.would_join(a, b))
}

/// The rule that names paragraph `i` in `catalogue` ([`noise::catalogue`]),
/// if one does.
fn catalogue_rule<'o>(catalogue: &[(usize, &'o str)], i: usize) -> Option<&'o str> {
    let at = catalogue
        .binary_search_by_key(&i, |&(index, _)| index)
        .ok()?;
    Some(catalogue[at].1)
}

/// `rule`, if the user left it enabled.
fn enabled_rule<'o>(rule: Option<&'o str>, options: &Options) -> Option<&'o str> {
    rule.filter(|rule| options.rules.enabled(rule))
}

impl<'t, 'o> Facts<'t, 'o> {
    /// The facts of `texts`, whose catalogue verdicts are `catalogue`
    /// ([`noise::catalogue`]); `shingles` holds the fingerprints' shingles.
    /// Only the paragraphs of `page` (indices, in order) are fingerprinted
    /// when it is given: every look will be at a part of it.
    fn new(
        texts: &'t [&'t str],
        options: &'o Options,
        shingles: &'t mut Vec<key::Shingle>,
        blocks_kept_apart: Option<&'t segment::MarkdownBlocks>,
        page: Option<&[usize]>,
        catalogue: Vec<(usize, &'o str)>,
    ) -> Self {
        let named = |i: usize| catalogue_rule(&catalogue, i);
        // The corpus rule reads the fingerprints' digests, so with a corpus
        // the keys are made here, once for both, and dropped once read.
        let keys: Option<Vec<String>> = options
            .corpus
            .is_some()
            .then(|| texts.iter().map(|text| key::match_key(text)).collect());
        let prints = fingerprint::fingerprint(
            texts,
            keys.as_deref(),
            |i| {
                enabled_rule(named(i), options).is_none()
                    && page.is_none_or(|page| page.binary_search(&i).is_ok())
            },
            options.min_words,
            shingles,
        );
        drop(keys);
        let candidates = prints
            .candidates
            .iter()
            .zip(&prints.fingerprints)
            .zip(&prints.digests)
            .map(|((&index, print), digest)| (index, print.token_count(), digest, print.shingles));
        Facts {
            texts,
            catalogue,
            recurrences: noise::corpus::recurrences(texts.len(), candidates, options),
            prose: noise::navigation::ProseMemo::default(),
            prints,
            comparisons: matching::Comparisons::default(),
            indexes: matching::ShingleIndexes::default(),
            blocks_kept_apart,
            numbered_items: decide::numbered_list_items(texts),
        }
    }

    /// Which of the removals on `page` (`removed`, one per paragraph) lie in
    /// a run whose removal would bring two blocks together.
    fn joining(&self, page: &[usize], removed: Vec<bool>) -> Vec<bool> {
        let mut remove = removed.clone();
        decide::keep_runs_that_would_join(&mut remove, page, |a, b| {
            would_join(self.blocks_kept_apart, a, b)
        });
        removed
            .iter()
            .zip(remove)
            .map(|(&was, now)| was && !now)
            .collect()
    }

    /// The enabled catalogue rule that removes paragraph `i`, if one does.
    fn removed_by_catalogue(&self, i: usize, options: &Options) -> Option<&'o str> {
        enabled_rule(catalogue_rule(&self.catalogue, i), options)
    }

    /// Whether a catalogue rule names paragraph `i`, enabled or not.
    fn named_by_catalogue(&self, i: usize) -> bool {
        catalogue_rule(&self.catalogue, i).is_some()
    }

    /// One look at a page of these paragraphs (`page`: their indices, in
    /// order, all kept by the look before, unless the page model gave a
    /// page back), a call per stage: which are
    /// noise, the fingerprints of the rest, their copies, and the decisions,
    /// with indices into `page`.
    fn judge(&mut self, page: &[usize], options: &'o Options) -> decide::Decided {
        // The first look is at the whole page: it borrows the texts rather
        // than copy them.
        let texts: Cow<'_, [&str]> = if page.len() == self.texts.len() {
            Cow::Borrowed(self.texts)
        } else {
            Cow::Owned(page.iter().map(|&i| self.texts[i]).collect())
        };
        let recurrences: Option<Vec<noise::corpus::Recurrence>> = self
            .recurrences
            .as_ref()
            .map(|recurrences| page.iter().map(|&i| recurrences[i]).collect());
        let catalogue = page
            .iter()
            .map(|&i| {
                self.removed_by_catalogue(i, options)
                    .map(noise::Verdict::rule)
            })
            .collect();
        let (mut noise, corpus_edge_anchors) = noise::classify(
            &texts,
            catalogue,
            recurrences.as_deref(),
            &self.prose,
            options,
        );
        // Removals that would bring a line into a block are taken back: the
        // navigation and corpus rules' before the candidates are chosen, so
        // that those paragraphs are compared as any other, and every other
        // removal once decided (a catalogue paragraph has no fingerprint,
        // so it is kept without being a candidate).
        if self.blocks_kept_apart.is_some() {
            let removed: Vec<bool> = noise.iter().map(Option::is_some).collect();
            for ((verdict, joins), &index) in
                noise.iter_mut().zip(self.joining(page, removed)).zip(page)
            {
                if joins && !self.named_by_catalogue(index) {
                    *verdict = None;
                }
            }
        }
        if !self.prints.cover(page, |at| noise[at].is_none()) {
            // The page holds paragraphs that an earlier look let go (the page
            // model's second reading starts again from the rules' page when
            // it gives its first back, or puts back copies of a paragraph it
            // removed): this look fingerprints the page afresh. What holds
            // for any page of the document (the catalogue's verdicts, which
            // paragraphs are prose, the verdicts of the pairs compared, the
            // shingle index) goes on from the looks before, and back to
            // them: a fresh start took 24 M instructions over the speed
            // benchmark's first copy, most of them comparing again pairs
            // already compared.
            let mut shingles = Vec::new();
            let mut fresh = Facts::new(
                self.texts,
                options,
                &mut shingles,
                self.blocks_kept_apart,
                Some(page),
                std::mem::take(&mut self.catalogue),
            );
            fresh.prose = std::mem::take(&mut self.prose);
            fresh.comparisons = std::mem::take(&mut self.comparisons);
            fresh.indexes = std::mem::take(&mut self.indexes);
            let decided = fresh.judge(page, options);
            self.catalogue = fresh.catalogue;
            self.prose = fresh.prose;
            self.comparisons = fresh.comparisons;
            self.indexes = fresh.indexes;
            return decided;
        }
        let prints = std::mem::take(&mut self.prints).select(page, |at| noise[at].is_none());
        let document = |candidate: usize| page[prints.candidates[candidate]];
        let remembered = (&self.comparisons, &self.indexes);
        let matches = matching::matches(&prints, document, remembered, options);
        let numbered_items: Vec<usize> = page
            .iter()
            .enumerate()
            .filter(|(_, index)| self.numbered_items.binary_search(index).is_ok())
            .map(|(at, _)| at)
            .collect();
        let mut decided = decide::decide(
            (&texts, &numbered_items),
            noise,
            (&prints, &self.comparisons),
            matches,
            &self.prose,
            options,
        );
        self.prints = prints.unselect(page);
        if self.blocks_kept_apart.is_some() {
            let removed: Vec<bool> = decided
                .decisions
                .iter()
                .map(|decision| matches!(decision, Decision::Remove(_)))
                .collect();
            for (decision, joins) in decided
                .decisions
                .iter_mut()
                .zip(self.joining(page, removed))
            {
                if joins {
                    *decision = Decision::Keep(KeepReason::BetweenBlocks);
                }
            }
        }
        // A copy removed where the corpus rule's runs end moves the page's
        // edge, which that rule reads: the page is settled on its clean copy.
        if let Some((first, last)) = corpus_edge_anchors {
            for anchor in [first, last] {
                if matches!(decided.decisions[anchor], Decision::Remove(_)) {
                    decided.layout[anchor] = true;
                }
            }
        }
        decided
    }
}

/// Keeps cleaning idempotent when all that a text in blocks keeps is one
/// paragraph of several lines. The clean copy then has no blank line, so it
/// reads back one paragraph per line (SPEC: a text with no blank lines is
/// one paragraph per line), and a second run would judge each line on its
/// own: drop a line that repeats another, or a "Share this article" line.
/// So the first run does what the second would: it splits that paragraph
/// into its lines (a Markdown block stays whole) and decides them, as one
/// paragraph per line. Returns whether it did; the paragraphs removed around
/// it keep their decisions, their references moved to the new indices.
fn decide_lone_paragraph_by_line(
    text: &str,
    paragraphs: &mut Vec<Paragraph<'_>>,
    options: &Options,
) -> bool {
    let mut kept = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, paragraph)| matches!(paragraph.decision, Decision::Keep(_)));
    let (Some((lone, paragraph)), None) = (kept.next(), kept.next()) else {
        return false;
    };
    if paragraph.first_line == paragraph.last_line {
        return false;
    }
    let normalized = normalize::normalize_text(text, &options.normalize);
    let segment::Segmented {
        paragraphs: lines,
        blocks,
        ..
    } = segment::segment_lines(
        &normalized,
        paragraph.first_line - 1..paragraph.last_line,
        true,
    );
    if lines.len() < 2 {
        return false;
    }
    let texts: Vec<&str> = lines.iter().map(|line| &*line.text).collect();
    let decisions = decide_paragraphs(&texts, &blocks, true, options);
    let added = lines.len() - 1;
    // Before the split paragraph nothing moves; it becomes `lines`; after it
    // every index moves by `added`. A reference to the split paragraph
    // itself goes to its first line.
    let moved = |index: usize| if index > lone { index + added } else { index };
    for paragraph in paragraphs.iter_mut() {
        paragraph.decision = reindex(paragraph.decision.clone(), moved);
    }
    let split: Vec<Paragraph<'static>> = lines
        .into_iter()
        .zip(decisions)
        .map(|(line, decision)| Paragraph {
            first_line: line.first_line + 1,
            last_line: line.last_line + 1,
            text: Cow::Owned(line.text.into_owned()),
            decision: reindex(decision, |index| index + lone),
        })
        .collect();
    paragraphs.splice(lone..=lone, split);
    true
}

/// `decision` with every paragraph index in it passed through `map`.
fn reindex(decision: Decision, map: impl Fn(usize) -> usize) -> Decision {
    match decision {
        Decision::Remove(mut removal) => {
            removal.kept = removal.kept.map(&map);
            Decision::Remove(removal)
        }
        Decision::Keep(KeepReason::ShortRepeat { of }) => {
            Decision::Keep(KeepReason::ShortRepeat { of: map(of) })
        }
        Decision::Keep(KeepReason::NotACopy { resembles }) => {
            Decision::Keep(KeepReason::NotACopy {
                resembles: map(resembles),
            })
        }
        keep @ Decision::Keep(_) => keep,
    }
}

/// The clean copy: the kept paragraphs, each line ending with `ending`, and
/// a blank line between them unless the text is one paragraph per line.
fn clean_text(paragraphs: &[Paragraph<'_>], one_per_line: bool, ending: LineEnding) -> String {
    let ending = ending.as_str();
    let kept = || {
        paragraphs
            .iter()
            .filter(|paragraph| matches!(paragraph.decision, Decision::Keep(_)))
    };
    let extra = ending.len() - 1;
    let (count, bytes) = kept().fold((0usize, 0), |(count, bytes), paragraph| {
        let inner_endings = if extra == 0 {
            0
        } else {
            memchr::memchr_iter(b'\n', paragraph.text.as_bytes()).count()
        };
        (
            count + 1,
            bytes + paragraph.text.len() + ending.len() + inner_endings * extra,
        )
    });
    let separators = if one_per_line {
        0
    } else {
        count.saturating_sub(1)
    };
    let mut text = String::with_capacity(bytes + separators * ending.len());
    for paragraph in kept() {
        if !text.is_empty() && !one_per_line {
            text.push_str(ending);
        }
        if extra == 0 && ending == "\n" {
            text.push_str(&paragraph.text);
        } else {
            for (index, line) in paragraph.text.split('\n').enumerate() {
                if index > 0 {
                    text.push_str(ending);
                }
                text.push_str(line);
            }
        }
        text.push_str(ending);
    }
    debug_assert_eq!(text.len(), text.capacity());
    text
}

/// Where each line of `text` ends, past its ending, when a lone `\r` makes
/// its lines differ from the diff's (`None` otherwise).
fn line_ends(text: &str) -> Option<Vec<usize>> {
    decode::has_lone_cr(text).then(|| decode::split_lines(text).map(|(_, end)| end).collect())
}
