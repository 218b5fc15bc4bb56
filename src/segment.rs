//! Segmentation: normalized lines into paragraphs.
//!
//! A paragraph is the unit every later stage compares, keeps or removes, so it
//! must also remember where it came from: its line range in the input feeds the
//! report, `--explain` and the diff.

use crate::normalize::NormalizedText;
use std::borrow::Cow;
use std::ops::Range;

/// One paragraph of the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph<'a> {
    /// Index (0-based) of its first line in the input.
    pub first_line: usize,
    /// Index (0-based) of its last line in the input.
    pub last_line: usize,
    /// Its normalized lines joined by `\n`, each hard line break's trailing
    /// spaces put back.
    pub text: Cow<'a, str>,
}

/// The paragraphs of a text and how they were separated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segmented<'a> {
    pub paragraphs: Vec<Paragraph<'a>>,
    /// The text had no blank line between lines of text, so each line is a
    /// paragraph; the clean copy keeps that layout.
    pub one_per_line: bool,
    pub blocks: MarkdownBlocks,
}

/// Where the paragraphs' Markdown blocks are, and which paragraphs the next
/// run would read as one block once a removal leaves nothing between them
/// (in a text of one paragraph per line, where no blank line parts them).
/// Each list holds paragraph indices in order (few, so listed rather than
/// flagged).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkdownBlocks {
    /// The paragraphs that hold a line of a Markdown code block or table.
    pub holding: Vec<usize>,
    /// The paragraphs whose last line is indented code: an indented line
    /// right after one continues its block.
    pub ending_in_indented_code: Vec<usize>,
    /// The paragraphs of text whose first line is indented: one opens a code
    /// block first in the text, and continues one right after indented code.
    pub opening_indented: Vec<usize>,
}

impl MarkdownBlocks {
    /// Whether paragraph `index` holds a Markdown block.
    pub fn holds_block(&self, index: usize) -> bool {
        self.holding.binary_search(&index).is_ok()
    }

    /// Whether paragraph `after`, once nothing lies between it and paragraph
    /// `before` (`None`: once it is first in the text), would be read as
    /// part of a block, or with its block as one: two blocks, an indented
    /// line after indented code, or an indented line first in the text.
    pub fn would_join(&self, before: Option<usize>, after: usize) -> bool {
        let opens = || self.opening_indented.binary_search(&after).is_ok();
        match before {
            None => opens(),
            Some(before) => {
                (self.holds_block(before) && self.holds_block(after))
                    || (self.ending_in_indented_code.binary_search(&before).is_ok() && opens())
            }
        }
    }
}

/// Splits normalized lines into paragraphs: blocks separated by blank lines, or
/// one paragraph per line when the text has no blank line between two lines of
/// text (many scrapers write that). A Markdown code block or table is never
/// split: its blank lines separate nothing, and in a one-per-line text it is
/// one paragraph, so repeated lines of code are never taken for copies.
pub fn segment<'a>(text: &NormalizedText<'a>) -> Segmented<'a> {
    let one_per_line = !has_blank_separator(&text.lines, &text.blocks);
    segment_lines(text, 0..text.lines.len(), one_per_line)
}

/// The paragraphs of the lines in `range` (whole paragraphs of the text),
/// one per line or in blocks as `one_per_line` says.
pub fn segment_lines<'a>(
    text: &NormalizedText<'a>,
    range: Range<usize>,
    one_per_line: bool,
) -> Segmented<'a> {
    let spans = || Spans::new(&text.lines, &text.blocks, range.clone(), one_per_line);
    // Sized exactly: a big file has a million paragraphs, and a vector grown
    // by doubling would hold up to twice that, plus the copy it grows from.
    let mut paragraphs = Vec::with_capacity(spans().count());
    paragraphs.extend(spans().map(|(first, last)| join(text, first, last)));
    let blocks = markdown_blocks(text, &paragraphs);
    Segmented {
        paragraphs,
        one_per_line,
        blocks,
    }
}

/// The Markdown blocks of `paragraphs`, made from `text`'s lines.
fn markdown_blocks(text: &NormalizedText<'_>, paragraphs: &[Paragraph<'_>]) -> MarkdownBlocks {
    let mut blocks = text.blocks.iter().peekable();
    let holding: Vec<usize> = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, paragraph)| {
            while blocks.next_if(|b| b.end <= paragraph.first_line).is_some() {}
            blocks
                .peek()
                .is_some_and(|b| b.start <= paragraph.last_line)
        })
        .map(|(index, _)| index)
        .collect();
    let code_ends: Vec<usize> = text
        .indented_code
        .iter()
        .map(|&block| text.blocks[block].end - 1)
        .collect();
    let ending_in_indented_code = holding
        .iter()
        .copied()
        .filter(|&index| {
            code_ends
                .binary_search(&paragraphs[index].last_line)
                .is_ok()
        })
        .collect();
    // Few texts have an indented line of text; most skip the search.
    let opening_indented = if text.indented_text.is_empty() {
        Vec::new()
    } else {
        paragraphs
            .iter()
            .enumerate()
            .filter(|&(_, paragraph)| {
                text.indented_text
                    .binary_search(&paragraph.first_line)
                    .is_ok()
            })
            .map(|(index, _)| index)
            .collect()
    };
    MarkdownBlocks {
        holding,
        ending_in_indented_code,
        opening_indented,
    }
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Whether line `index` lies in a Markdown block, for indices asked in
/// increasing order: a cursor into the sorted blocks.
struct BlockCursor<'t> {
    blocks: &'t [Range<usize>],
    next: usize,
}

impl BlockCursor<'_> {
    /// The block that holds line `index`, if any.
    fn block_of(&mut self, index: usize) -> Option<Range<usize>> {
        while self.blocks.get(self.next).is_some_and(|b| b.end <= index) {
            self.next += 1;
        }
        self.blocks
            .get(self.next)
            .filter(|block| block.start <= index)
            .cloned()
    }
}

/// The (first, last) line of each paragraph, in order.
struct Spans<'t> {
    lines: &'t [Cow<'t, str>],
    blocks: BlockCursor<'t>,
    next: usize,
    end: usize,
    one_per_line: bool,
}

impl<'t> Spans<'t> {
    fn new(
        lines: &'t [Cow<'t, str>],
        blocks: &'t [Range<usize>],
        range: Range<usize>,
        one_per_line: bool,
    ) -> Self {
        Spans {
            lines,
            blocks: BlockCursor { blocks, next: 0 },
            next: range.start,
            end: range.end,
            one_per_line,
        }
    }

    /// Whether line `index` is text: not blank, or inside a block.
    fn is_text(&mut self, index: usize) -> bool {
        self.blocks.block_of(index).is_some() || !is_blank(&self.lines[index])
    }
}

impl Iterator for Spans<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        while self.next < self.end && !self.is_text(self.next) {
            self.next += 1;
        }
        if self.next >= self.end {
            return None;
        }
        let first = self.next;
        let last = if self.one_per_line {
            match self.blocks.block_of(first) {
                Some(block) => block.end.min(self.end) - 1,
                None => first,
            }
        } else {
            let mut last = first;
            while last + 1 < self.end && self.is_text(last + 1) {
                last += 1;
            }
            last
        };
        self.next = last + 1;
        Some((first, last))
    }
}

/// True when some blank line outside a Markdown block sits between two
/// lines of text.
fn has_blank_separator(lines: &[Cow<'_, str>], blocks: &[Range<usize>]) -> bool {
    let mut blocks = BlockCursor { blocks, next: 0 };
    let mut seen_text = false;
    let mut blank_after_text = false;
    for (index, line) in lines.iter().enumerate() {
        if blocks.block_of(index).is_none() && is_blank(line) {
            blank_after_text |= seen_text;
        } else if blank_after_text {
            return true;
        } else {
            seen_text = true;
        }
    }
    false
}

fn join<'a>(text: &NormalizedText<'a>, first: usize, last: usize) -> Paragraph<'a> {
    let lines = &text.lines;
    let joined = if first == last {
        lines[first].clone()
    } else {
        let bytes = lines[first..=last]
            .iter()
            .map(|l| l.len() + 1)
            .sum::<usize>();
        let mut joined = String::with_capacity(bytes);
        for (index, line) in lines.iter().enumerate().take(last + 1).skip(first) {
            let line: &str = line;
            let hard_break = text
                .hard_breaks
                .binary_search_by_key(&index, |&(line, _)| line)
                .ok()
                .filter(|_| index < last);
            match hard_break {
                Some(at) => {
                    joined.push_str(line.trim_end_matches(' '));
                    joined.push_str(text.hard_breaks[at].1);
                }
                None => joined.push_str(line),
            }
            if index < last {
                joined.push('\n');
            }
        }
        Cow::Owned(joined)
    };
    Paragraph {
        first_line: first,
        last_line: last,
        text: joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalized(text: &str) -> NormalizedText<'_> {
        crate::normalize::normalize_text(text, &crate::NormalizeOptions::default())
    }

    fn paragraphs(text: &str) -> Vec<(usize, usize, String)> {
        segment(&normalized(text))
            .paragraphs
            .into_iter()
            .map(|p| (p.first_line, p.last_line, p.text.into_owned()))
            .collect()
    }

    #[test]
    fn blank_lines_separate_blocks_and_blocks_keep_their_lines() {
        assert_eq!(
            paragraphs("\nOne\ntwo\n\n\nThree\n"),
            vec![(1, 2, "One\ntwo".into()), (5, 5, "Three".into())]
        );
    }

    #[test]
    fn without_blank_lines_each_line_is_a_paragraph() {
        assert_eq!(
            paragraphs("One\nTwo\nThree\n\n"),
            vec![
                (0, 0, "One".into()),
                (1, 1, "Two".into()),
                (2, 2, "Three".into())
            ]
        );
    }

    #[test]
    fn the_layout_is_reported() {
        assert!(segment(&normalized("One\nTwo")).one_per_line);
        assert!(!segment(&normalized("One\n\nTwo")).one_per_line);
        assert!(segment(&normalized("One\n```\ncode\n\ncode\n```\nTwo")).one_per_line);
    }

    #[test]
    fn the_paragraphs_with_a_markdown_block_are_listed() {
        let text = "| a | b |\nOne\n```\ncode\n```\nTwo\n| c | d |\n| e | f |\n";
        assert_eq!(segment(&normalized(text)).blocks.holding, [0, 2, 4]);
        let text = "Intro.\n\n    code\n\nEnd.\n";
        assert_eq!(segment(&normalized(text)).blocks.holding, [1]);
        assert!(segment(&normalized("One\nTwo\n")).blocks.holding.is_empty());
    }

    #[test]
    fn an_indented_line_that_a_removal_would_make_code_is_known() {
        // Line 0 opens indented code; line 2 is indented too, but text,
        // because text comes before it. Remove line 1 and it continues the
        // code; remove lines 0 and 1 and it opens a block of its own.
        let text = "    let a = 1;\nThen:\n    let b = 2;\nEnd.\n| a |\nMid.\n| b |\n";
        let blocks = segment(&normalized(text)).blocks;
        assert_eq!(blocks.holding, [0, 4, 6]);
        assert_eq!(blocks.ending_in_indented_code, [0]);
        assert_eq!(blocks.opening_indented, [2]);
        assert!(blocks.would_join(Some(0), 2));
        assert!(blocks.would_join(None, 2));
        assert!(blocks.would_join(Some(4), 6));
        assert!(!blocks.would_join(Some(0), 3));
        assert!(!blocks.would_join(Some(1), 2));
        assert!(!blocks.would_join(Some(4), 2));
        assert!(!blocks.would_join(None, 3));
    }

    #[test]
    fn a_fenced_code_block_is_one_paragraph_whatever_its_blank_lines() {
        let code = "```\nlet a  =  1;\n\nlet a  =  1;\n```";
        assert_eq!(
            paragraphs(&format!("Intro.\n\n{code}\n\nEnd.\n")),
            vec![
                (0, 0, "Intro.".into()),
                (2, 6, code.into()),
                (8, 8, "End.".into())
            ]
        );
        assert_eq!(
            paragraphs(&format!("Intro.\n{code}\nEnd.\n")),
            vec![
                (0, 0, "Intro.".into()),
                (1, 5, code.into()),
                (6, 6, "End.".into())
            ]
        );
    }

    #[test]
    fn indented_code_and_tables_are_units() {
        let text = "Intro.\n\n    x  =  1\n    y  =  2\n\n| a  | b |\n|----|---|\n";
        assert_eq!(
            paragraphs(text),
            vec![
                (0, 0, "Intro.".into()),
                (2, 3, "    x  =  1\n    y  =  2".into()),
                (5, 6, "| a  | b |\n|----|---|".into())
            ]
        );
        // One paragraph per line, but each block whole.
        assert_eq!(
            paragraphs("    x  =  1\n    y  =  2\n| a  | b |\n|----|---|\nEnd."),
            vec![
                (0, 1, "    x  =  1\n    y  =  2".into()),
                (2, 3, "| a  | b |\n|----|---|".into()),
                (4, 4, "End.".into())
            ]
        );
    }

    #[test]
    fn hard_breaks_stay_inside_a_paragraph_only() {
        assert_eq!(
            paragraphs("Roses  \nare red.  \n\nEnd  \n"),
            vec![(0, 1, "Roses  \nare red.".into()), (3, 3, "End".into())]
        );
        // One paragraph per line: each line ends its paragraph.
        assert_eq!(
            paragraphs("Roses  \nare red."),
            vec![(0, 0, "Roses".into()), (1, 1, "are red.".into())]
        );
    }

    #[test]
    fn whitespace_only_lines_are_blank() {
        assert_eq!(
            paragraphs("One\n   \nTwo"),
            vec![(0, 0, "One".into()), (2, 2, "Two".into())]
        );
    }

    #[test]
    fn paragraphs_are_sized_exactly() {
        for text in [
            "",
            "\n\n",
            "One\ntwo\n\n\nThree\n",
            "One\nTwo\nThree",
            " \nA\n \nB\nC",
        ] {
            let segmented = segment(&normalized(text));
            assert_eq!(segmented.paragraphs.capacity(), segmented.paragraphs.len());
        }
    }

    #[test]
    fn empty_text_has_no_paragraphs() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n\n").is_empty());
    }
}
