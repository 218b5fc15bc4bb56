//! The unified diff from the input to the clean copy: what a reviewer reads
//! and what `git apply` or `patch -p1` replays.

use similar::udiff::UnifiedHunkHeader;
use similar::{Algorithm, ChangeTag, TextDiff};
use std::time::Duration;

/// Lines of context around each change, as `diff -u` and `git diff` print.
const CONTEXT_LINES: usize = 3;

/// A cap on the diff's search for a minimal edit script; past it, the diff is
/// still correct, only less tight, so a pathological input cannot stall a batch.
const DIFF_DEADLINE: Duration = Duration::from_secs(2);

/// Renders a unified diff from `original` to `cleaned` with `a/PATH` and
/// `b/PATH` headers. Empty when the two are equal.
pub fn unified_diff(original: &str, cleaned: &str, path: &str) -> String {
    annotated_diff(original, cleaned, path, &[])
}

/// A note on one input line (0-based): why the paragraph that starts there was removed.
pub type LineNote = (usize, String);

/// [`unified_diff`] with each hunk header followed by the notes on the
/// input lines it covers (`@@ -5,7 +5,4 @@ line 9: caption of line 5 (0.90)`).
/// Text after a hunk header's closing `@@` is where `diff -p` puts a function
/// name; `git apply` and `patch` read past it, so the patch still applies and
/// every removal carries its reason where the reviewer reads it.
pub fn annotated_diff(original: &str, cleaned: &str, path: &str, notes: &[LineNote]) -> String {
    if original == cleaned {
        return String::new();
    }
    // Lines end at `\n` only, as `git apply` and `patch` read them; similar's
    // own line splitter, and its "no newline" marker, also treat a lone `\r`
    // as a line end, so the lines are split and the hunks written here.
    let old_lines: Vec<&str> = original.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = cleaned.split_inclusive('\n').collect();
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(DIFF_DEADLINE)
        .diff_slices(&old_lines, &new_lines);

    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    for hunk in diff.grouped_ops(CONTEXT_LINES) {
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
        for change in hunk.iter().flat_map(|op| diff.iter_changes(op)) {
            out.push(match change.tag() {
                ChangeTag::Equal => ' ',
                ChangeTag::Delete => '-',
                ChangeTag::Insert => '+',
            });
            let line = change.value();
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
    out
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
        let diff = annotated_diff(original, cleaned, "x.txt", &notes);
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
