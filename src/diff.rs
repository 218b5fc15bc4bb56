//! The unified diff from the input to the clean copy: what a reviewer reads
//! and what `git apply` or `patch -p1` replays.

use similar::udiff::UnifiedHunkHeader;
use similar::{Algorithm, DiffOp, DiffTag, TextDiff, group_diff_ops};
use std::time::Duration;

/// Lines of context around each change, as `diff -u` and `git diff` print.
const CONTEXT_LINES: usize = 3;

/// The most bytes reserved up front for a diff; a longer one grows as it is written.
const RESERVED_DIFF_BYTES: usize = 1 << 20;

/// A cap on the diff's search for a minimal edit script; past it, the diff is
/// still correct, only less tight, so a pathological input cannot stall a batch.
const DIFF_DEADLINE: Duration = Duration::from_secs(2);

/// A note on one input line (0-based): why the paragraph that starts there was removed.
pub type LineNote = (usize, String);

/// Renders a unified diff from `original` to `cleaned` with `a/PATH` and
/// `b/PATH` headers, by searching for a shortest edit script (Myers). Empty
/// when the two are equal.
pub fn unified_diff(original: &str, cleaned: &str, path: &str) -> String {
    if original == cleaned {
        return String::new();
    }
    let (old_lines, new_lines) = (lines(original), lines(cleaned));
    let ops = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(DIFF_DEADLINE)
        .diff_slices(&old_lines, &new_lines)
        .ops()
        .to_vec();
    render(&old_lines, &new_lines, ops, path, &[])
}

/// The diff of a cleaning whose line alignment is already known: `kept` lists,
/// in order, the (input line, output line) pairs (0-based) that carry the same
/// text when it is unchanged. Nothing is searched, so the cost is linear in
/// the lines, and the diff shows exactly the decisions that were made.
///
/// Each hunk header is followed by the notes on the input lines it covers
/// (`@@ -5,7 +5,4 @@ line 9: caption of line 5 (0.90)`). Text after a hunk
/// header's closing `@@` is where `diff -p` puts a function name; `git apply`
/// and `patch` read past it, so the patch still applies and every removal
/// carries its reason where the reviewer reads it.
pub fn aligned_diff(
    original: &str,
    cleaned: &str,
    path: &str,
    kept: &[(usize, usize)],
    notes: &[LineNote],
) -> String {
    if original == cleaned {
        return String::new();
    }
    let (old_lines, new_lines) = (lines(original), lines(cleaned));
    let equal = kept.iter().filter(|&&(old, new)| {
        old_lines.get(old).is_some() && old_lines.get(old) == new_lines.get(new)
    });
    let mut ops = Vec::new();
    let (mut old_at, mut new_at) = (0, 0);
    for &(old, new) in equal.chain(std::iter::once(&(old_lines.len(), new_lines.len()))) {
        push_change(&mut ops, old_at..old, new_at..new);
        if old < old_lines.len() {
            match ops.last_mut() {
                Some(DiffOp::Equal { len, .. }) => *len += 1,
                _ => ops.push(DiffOp::Equal {
                    old_index: old,
                    new_index: new,
                    len: 1,
                }),
            }
        }
        (old_at, new_at) = (old + 1, new + 1);
    }
    render(&old_lines, &new_lines, ops, path, notes)
}

/// Appends the op that turns `old` lines into `new` lines, if either is non-empty.
fn push_change(ops: &mut Vec<DiffOp>, old: std::ops::Range<usize>, new: std::ops::Range<usize>) {
    let op = match (old.is_empty(), new.is_empty()) {
        (true, true) => return,
        (false, true) => DiffOp::Delete {
            old_index: old.start,
            old_len: old.len(),
            new_index: new.start,
        },
        (true, false) => DiffOp::Insert {
            old_index: old.start,
            new_index: new.start,
            new_len: new.len(),
        },
        (false, false) => DiffOp::Replace {
            old_index: old.start,
            old_len: old.len(),
            new_index: new.start,
            new_len: new.len(),
        },
    };
    ops.push(op);
}

/// Lines ending at `\n` only, as `git apply` and `patch` read them (similar's
/// own splitter would also end a line at a lone `\r`), each with its ending.
fn lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    lines.extend(text.split_inclusive('\n'));
    lines
}

/// Writes the hunks of `ops` with their headers and notes.
fn render(
    old_lines: &[&str],
    new_lines: &[&str],
    ops: Vec<DiffOp>,
    path: &str,
    notes: &[LineNote],
) -> String {
    // Sized for a diff as long as the input (removed lines with their
    // context), up to a cap so a small change to a huge file stays small.
    let input_bytes: usize = old_lines.iter().map(|line| line.len()).sum();
    let mut out = String::with_capacity(input_bytes.min(RESERVED_DIFF_BYTES));
    out.push_str(&format!("--- a/{path}\n+++ b/{path}\n"));
    for hunk in group_diff_ops(ops, CONTEXT_LINES) {
        if hunk.is_empty() {
            continue;
        }
        out.push_str(&UnifiedHunkHeader::new(&hunk).to_string());
        let covered = hunk[0].old_range().start..hunk[hunk.len() - 1].old_range().end;
        let mut separator = " ";
        for (_, note) in notes.iter().filter(|(line, _)| covered.contains(line)) {
            out.push_str(separator);
            out.push_str(note);
            separator = "; ";
        }
        out.push('\n');
        for op in &hunk {
            let (tag, old, new) = op.as_tag_tuple();
            if tag != DiffTag::Insert {
                let sign = if tag == DiffTag::Equal { ' ' } else { '-' };
                push_lines(&mut out, sign, &old_lines[old]);
            }
            if matches!(tag, DiffTag::Insert | DiffTag::Replace) {
                push_lines(&mut out, '+', &new_lines[new]);
            }
        }
    }
    out
}

fn push_lines(out: &mut String, sign: char, lines: &[&str]) {
    for line in lines {
        out.push(sign);
        out.push_str(line);
        if !line.ends_with('\n') {
            out.push_str("\n\\ No newline at end of file\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(unified_diff("same\n", "same\n", "x.txt"), "");
    }

    #[test]
    fn removal_is_a_hunk_with_git_style_headers() {
        let diff = unified_diff("one\n\ntwo\n", "one\n", "dir/x.txt");
        assert_eq!(
            diff,
            "--- a/dir/x.txt\n+++ b/dir/x.txt\n@@ -1,3 +1 @@\n one\n-\n-two\n"
        );
    }

    #[test]
    fn notes_follow_the_header_of_the_hunk_that_covers_their_line() {
        let original = "one\n\ntwo\n\nthree\n\nfour\n\nfive\n\nsix\n\nseven\n\neight\n";
        let cleaned = "one\n\nthree\n\nfour\n\nfive\n\nsix\n\nseven\n";
        let notes = [(2, "line 3: x".to_string()), (14, "line 15: y".to_string())];
        let kept: Vec<(usize, usize)> = [(0, 0), (1, 1)]
            .into_iter()
            .chain((4..13).map(|i| (i, i - 2)))
            .collect();
        let diff = aligned_diff(original, cleaned, "x.txt", &kept, &notes);
        assert!(diff.contains("@@ -1,7 +1,5 @@ line 3: x\n"), "{diff}");
        assert!(diff.contains("@@ -11,5 +9,3 @@ line 15: y\n"), "{diff}");
    }

    #[test]
    fn a_lone_carriage_return_does_not_end_a_line() {
        let diff = unified_diff("one\rtwo\n\nthree\n", "three\n", "x.txt");
        assert_eq!(
            diff,
            "--- a/x.txt\n+++ b/x.txt\n@@ -1,3 +1 @@\n-one\rtwo\n-\n three\n"
        );
    }

    #[test]
    fn a_final_carriage_return_is_not_a_newline() {
        assert_eq!(
            unified_diff("Yes.\r", "Yes.\n", "x.txt"),
            "--- a/x.txt\n+++ b/x.txt\n@@ -1 +1 @@\n-Yes.\r\n\\ No newline at end of file\n+Yes.\n"
        );
    }

    #[test]
    fn a_missing_final_newline_is_marked() {
        let diff = unified_diff("one\n\ntwo", "one\n", "x.txt");
        assert!(
            diff.ends_with("-two\n\\ No newline at end of file\n"),
            "{diff}"
        );
    }
}
