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
//! let rules: Vec<&str> = cleaned.removals().map(|(_, removal)| removal.rule.as_str()).collect();
//! assert_eq!(rules, ["exact-duplicate", "boilerplate/read-more"]);
//! let diff = cleaned.diff(article, "article.txt");
//! assert!(diff.contains("@@ -1,5 +1 @@ line 3: exact-duplicate of line 1 (1.00); line 5: boilerplate/read-more"));
//! ```
//!
//! The pipeline has one module per stage: [`decode`] bytes, normalize lines,
//! segment paragraphs, fingerprint them, match near copies, classify noise,
//! decide, and render the diff. The library never prints and never touches files.

#![warn(clippy::print_stdout, clippy::print_stderr)]

mod corpus;
mod decide;
mod decode;
mod diff;
mod fingerprint;
mod layout;
mod matching;
mod noise;
mod normalize;
mod rules;
mod segment;

use std::borrow::Cow;
use std::sync::Arc;

pub use corpus::{CORPUS_BOILERPLATE, CorpusBoilerplate, DEFAULT_MIN_DOCUMENTS, DocumentFrequency};
pub use decide::{CAPTION, Decision, EXACT_DUPLICATE, KeepReason, NEAR_DUPLICATE, Removal};
pub use decode::{DecodeError, Decoded, Encoding, decode};
pub use diff::unified_diff;
pub use layout::NAVIGATION;
pub use matching::Thresholds;
pub use noise::{Boilerplate, ExtraPattern};
pub use normalize::NormalizeOptions;
pub use rules::{RULES, Rule, RuleFilter, is_known_selector};

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
    /// Site boilerplate learnt across a batch (see [`DocumentFrequency`]);
    /// `None` cleans each document on its own.
    pub corpus: Option<Arc<CorpusBoilerplate>>,
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
        }
    }
}

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

/// The result of cleaning one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned<'a> {
    /// The clean copy: kept paragraphs joined by one blank line (or one per
    /// line when the input had one paragraph per line, so the layout and the
    /// diff stay as small as the change), one final newline (empty when
    /// nothing is kept).
    pub text: String,
    /// Every paragraph of the input, in order.
    pub paragraphs: Vec<Paragraph<'a>>,
    /// The input had no blank line between lines of text: each line was a
    /// paragraph, and the clean copy keeps one per line.
    pub one_per_line: bool,
}

impl Cleaned<'_> {
    /// The removed paragraphs with their removals, in input order.
    pub fn removals(&self) -> impl Iterator<Item = (&Paragraph<'_>, &Removal)> {
        self.paragraphs
            .iter()
            .filter_map(|paragraph| match &paragraph.decision {
                Decision::Remove(removal) => Some((paragraph, removal)),
                Decision::Keep(_) => None,
            })
    }

    /// The unified diff from `original` (the text this was cleaned from) to
    /// the clean copy, with `a/PATH` and `b/PATH` headers and, after each hunk
    /// header, why each paragraph the hunk removes was removed. Empty when
    /// nothing changed.
    pub fn diff(&self, original: &str, path: &str) -> String {
        let notes: Vec<diff::LineNote> = self
            .removals()
            .map(|(paragraph, removal)| {
                (paragraph.first_line - 1, self.describe(paragraph, removal))
            })
            .collect();
        diff::aligned_diff(original, &self.text, path, &self.line_alignment(), &notes)
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
        let mut note = format!("line {}: {}", paragraph.first_line, removal.rule);
        if let Some(kept) = removal.kept {
            note.push_str(&format!(" of line {}", self.paragraphs[kept].first_line));
        }
        if let Some(similarity) = removal.similarity {
            note.push_str(&format!(" ({similarity:.2})"));
        }
        if let Some(documents) = removal.documents {
            note.push_str(&format!(" (in {documents} documents)"));
        }
        note
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
    let segment::Segmented {
        paragraphs: segments,
        one_per_line,
    } = normalized_paragraphs(text, &options.normalize);
    let decisions = decide::decide(&segments, options);
    let paragraphs: Vec<Paragraph<'a>> = segments
        .into_iter()
        .zip(decisions)
        .map(|(segment, decision)| Paragraph {
            first_line: segment.first_line + 1,
            last_line: segment.last_line + 1,
            text: segment.text,
            decision,
        })
        .collect();
    // Written once the segments and decisions are freed, so a big file does
    // not hold them, the paragraphs and the clean copy at once.
    let text = clean_text(&paragraphs, one_per_line);
    Cleaned {
        text,
        paragraphs,
        one_per_line,
    }
}

/// The clean copy: the kept paragraphs, each with its newline, and a blank
/// line between them unless the text is one paragraph per line.
fn clean_text(paragraphs: &[Paragraph<'_>], one_per_line: bool) -> String {
    let kept = || {
        paragraphs
            .iter()
            .filter(|paragraph| matches!(paragraph.decision, Decision::Keep(_)))
    };
    let (count, bytes) = kept().fold((0usize, 0), |(count, bytes), paragraph| {
        (count + 1, bytes + paragraph.text.len() + 1)
    });
    let separators = if one_per_line {
        0
    } else {
        count.saturating_sub(1)
    };
    let mut text = String::with_capacity(bytes + separators);
    for paragraph in kept() {
        if !text.is_empty() && !one_per_line {
            text.push('\n');
        }
        text.push_str(&paragraph.text);
        text.push('\n');
    }
    debug_assert_eq!(text.len(), text.capacity());
    text
}

/// The first stages, shared by cleaning and by the corpus count: the input's
/// lines normalized one by one, then split into paragraphs.
fn normalized_paragraphs<'a>(text: &'a str, options: &NormalizeOptions) -> segment::Segmented<'a> {
    let mut lines: Vec<Cow<'a, str>> =
        Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    lines.extend(input_lines(text).map(|line| normalize::normalize_line(line, options)));
    segment::segment(&lines)
}

/// The input's lines without their endings (`\n` or `\r\n`); a final line
/// ending does not start another line.
fn input_lines(text: &str) -> impl Iterator<Item = &str> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    // memchr's vectorized search: `str::split` looks for each newline a
    // word at a time, which showed in profiles of short-line text.
    let mut start = 0;
    memchr::memchr_iter(b'\n', body.as_bytes())
        .chain(std::iter::once(body.len()))
        .map(move |end| {
            let line = &body[start..end];
            start = end + 1;
            line.strip_suffix('\r').unwrap_or(line)
        })
        .take(if text.is_empty() { 0 } else { usize::MAX })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_lines_handle_crlf_and_final_newline() {
        assert_eq!(input_lines("a\r\nb\r\n").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(input_lines("a\n\nb").collect::<Vec<_>>(), ["a", "", "b"]);
        assert_eq!(input_lines("").count(), 0);
    }
}
