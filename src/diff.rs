//! The unified diff from the input to the clean copy: what a reviewer reads
//! and what `git apply` or `patch -p1` replays.

use similar::{Algorithm, TextDiff};
use std::time::Duration;

/// Lines of context around each change, as `diff -u` and `git diff` print.
const CONTEXT_LINES: usize = 3;

/// A cap on the diff's search for a minimal edit script; past it, the diff is
/// still correct, only less tight, so a pathological input cannot stall a batch.
const DIFF_DEADLINE: Duration = Duration::from_secs(2);

/// Renders a unified diff from `original` to `cleaned` with `a/PATH` and
/// `b/PATH` headers. Empty when the two are equal.
pub fn unified_diff(original: &str, cleaned: &str, path: &str) -> String {
    if original == cleaned {
        return String::new();
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(DIFF_DEADLINE)
        .diff_lines(original, cleaned);
    diff.unified_diff()
        .context_radius(CONTEXT_LINES)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
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
    fn a_missing_final_newline_is_marked() {
        let diff = unified_diff("one\n\ntwo", "one\n", "x.txt");
        assert!(
            diff.ends_with("-two\n\\ No newline at end of file\n"),
            "{diff}"
        );
    }
}
