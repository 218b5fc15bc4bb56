//! Segmentation: normalized lines into paragraphs.
//!
//! A paragraph is the unit every later stage compares, keeps or removes, so it
//! must also remember where it came from: its line range in the input feeds the
//! report, `--explain` and the diff.

use std::borrow::Cow;

/// One paragraph of the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph<'a> {
    /// Index (0-based) of its first line in the input.
    pub first_line: usize,
    /// Index (0-based) of its last line in the input.
    pub last_line: usize,
    /// Its normalized lines joined by `\n`.
    pub text: Cow<'a, str>,
}

/// The paragraphs of a text and how they were separated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segmented<'a> {
    pub paragraphs: Vec<Paragraph<'a>>,
    /// The text had no blank line between lines of text, so each line is a
    /// paragraph; the clean copy keeps that layout.
    pub one_per_line: bool,
}

/// Splits normalized lines into paragraphs: blocks separated by blank lines, or
/// one paragraph per line when the text has no blank line between two lines of
/// text (many scrapers write that).
pub fn segment<'a>(lines: &[Cow<'a, str>]) -> Segmented<'a> {
    let one_per_line = !has_blank_separator(lines);
    // Sized exactly: a big file has a million paragraphs, and a vector grown
    // by doubling would hold up to twice that, plus the copy it grows from.
    let mut paragraphs = Vec::with_capacity(paragraph_count(lines, one_per_line));
    let mut start: Option<usize> = None;
    for (index, line) in lines.iter().enumerate() {
        let blank = line.trim().is_empty();
        if let Some(first) = start
            && (blank || one_per_line)
        {
            paragraphs.push(join(lines, first, index - 1));
            start = None;
        }
        if !blank && start.is_none() {
            start = Some(index);
        }
    }
    if let Some(first) = start {
        paragraphs.push(join(lines, first, lines.len() - 1));
    }
    Segmented {
        paragraphs,
        one_per_line,
    }
}

/// How many paragraphs [`segment`] will find: lines of text that start a block.
fn paragraph_count(lines: &[Cow<'_, str>], one_per_line: bool) -> usize {
    let mut count = 0;
    let mut previous_blank = true;
    for line in lines {
        let blank = line.trim().is_empty();
        count += usize::from(!blank && (previous_blank || one_per_line));
        previous_blank = blank;
    }
    count
}

/// True when some blank line sits between two lines of text.
fn has_blank_separator(lines: &[Cow<'_, str>]) -> bool {
    let mut seen_text = false;
    let mut blank_after_text = false;
    for line in lines {
        if line.trim().is_empty() {
            blank_after_text |= seen_text;
        } else if blank_after_text {
            return true;
        } else {
            seen_text = true;
        }
    }
    false
}

fn join<'a>(lines: &[Cow<'a, str>], first: usize, last: usize) -> Paragraph<'a> {
    let text = if first == last {
        lines[first].clone()
    } else {
        Cow::Owned(lines[first..=last].join("\n"))
    };
    Paragraph {
        first_line: first,
        last_line: last,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<(usize, usize, String)> {
        let lines: Vec<Cow<str>> = text.split('\n').map(Cow::Borrowed).collect();
        segment(&lines)
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
        let lines = |text: &'static str| -> Vec<Cow<'static, str>> {
            text.split('\n').map(Cow::Borrowed).collect()
        };
        assert!(segment(&lines("One\nTwo")).one_per_line);
        assert!(!segment(&lines("One\n\nTwo")).one_per_line);
    }

    #[test]
    fn whitespace_only_lines_are_blank() {
        assert_eq!(
            paragraphs("One\n   \nTwo"),
            vec![(0, 0, "One".into()), (2, 2, "Two".into())]
        );
    }

    #[test]
    fn paragraphs_are_counted_before_they_are_built() {
        for text in [
            "",
            "\n\n",
            "One\ntwo\n\n\nThree\n",
            "One\nTwo\nThree",
            " \nA\n \nB\nC",
        ] {
            let lines: Vec<Cow<str>> = text.split('\n').map(Cow::Borrowed).collect();
            let segmented = segment(&lines);
            assert_eq!(
                paragraph_count(&lines, segmented.one_per_line),
                segmented.paragraphs.len(),
                "{text:?}"
            );
            assert_eq!(segmented.paragraphs.capacity(), segmented.paragraphs.len());
        }
    }

    #[test]
    fn empty_text_has_no_paragraphs() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n\n").is_empty());
    }
}
