//! The unified diff from the input to the clean copy: what a reviewer reads
//! and what `git apply` or `patch -p1` replays.

use similar::udiff::UnifiedHunkHeader;
use similar::{Algorithm, DiffOp, DiffTag, group_diff_ops};
use std::time::{Duration, Instant};

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
    let (old_lines, new_lines) = (lines(original.as_bytes()), lines(cleaned.as_bytes()));
    let ops = similar::capture_diff_slices_deadline(
        Algorithm::Myers,
        &old_lines,
        &new_lines,
        Instant::now().checked_add(DIFF_DEADLINE),
    );
    into_string(render(&old_lines, &new_lines, ops, path.as_bytes(), &[]))
}

/// The bytes of a text as a file holds them, and where each of the text's
/// lines ends in them (`\n`, `\r\n` and a lone `\r` each end one).
pub struct Encoded<'a> {
    pub bytes: &'a [u8],
    /// `None` when the text's lines are the patch lines (no lone `\r`, and
    /// an encoding where `\n` is the byte 0x0A and nothing else is): the
    /// common case, which then needs no map (8 bytes a line, twice, saved).
    pub line_ends: Option<&'a [usize]>,
}

/// The diff of a cleaning whose line alignment is already known: `kept` lists,
/// in order, the (input line, output line) pairs (0-based) that carry the same
/// text when it is unchanged. Nothing is searched, so the cost is linear in
/// the lines, and the diff shows exactly the decisions that were made.
///
/// The lines of `kept` and `notes` are the text's; the lines of the diff are
/// what `patch` and `git apply` read: bytes up to each `\n` byte. The two
/// differ when a lone `\r` ends a line, and in UTF-16, where a `\n` byte can
/// sit inside a character and the `\n` character is two bytes. Each patch
/// line belongs to the text line that holds its last byte; a kept pair keeps
/// the patch lines of its two text lines, pairwise, where their bytes are
/// equal. Whatever the encoding, the diff applies to the bytes on disk.
///
/// Each hunk header is followed by the notes on the input lines it covers
/// (`@@ -5,7 +5,4 @@ line 9: caption of line 5 (0.90)`). Text after a hunk
/// header's closing `@@` is where `diff -p` puts a function name; `git apply`
/// and `patch` read past it, so the patch still applies and every removal
/// carries its reason where the reviewer reads it.
pub fn aligned_diff(
    original: &Encoded<'_>,
    cleaned: &Encoded<'_>,
    path: &[u8],
    kept: &[(usize, usize)],
    mut notes: Vec<LineNote>,
) -> Vec<u8> {
    if original.bytes == cleaned.bytes {
        return Vec::new();
    }
    let (old_lines, new_lines) = (lines(original.bytes), lines(cleaned.bytes));
    let old_owned = original.line_ends.map(|ends| first_owned(&old_lines, ends));
    let new_owned = cleaned.line_ends.map(|ends| first_owned(&new_lines, ends));
    let owned = |firsts: &Option<Vec<usize>>, line: usize| match firsts {
        None => line..line + 1,
        Some(firsts) => {
            let start = firsts.get(line).copied().unwrap_or(usize::MAX);
            start..firsts.get(line + 1).copied().unwrap_or(start)
        }
    };
    let equal = kept
        .iter()
        .flat_map(|&(old, new)| owned(&old_owned, old).zip(owned(&new_owned, new)))
        .filter(|&(old, new)| {
            old_lines.get(old).is_some() && old_lines.get(old) == new_lines.get(new)
        });
    let mut ops = Vec::new();
    let (mut old_at, mut new_at) = (0, 0);
    for (old, new) in equal.chain(std::iter::once((old_lines.len(), new_lines.len()))) {
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
    if let Some(firsts) = &old_owned {
        // In place: a big file's notes are many, and a copy showed in its peak memory.
        for (line, _) in &mut notes {
            *line = firsts.get(*line).copied().unwrap_or(old_lines.len());
        }
    }
    // Each hunk finds its notes by binary search. The removals come in input
    // order; a caller's notes in another order are put in line order here.
    if !notes.is_sorted_by_key(|(line, _)| *line) {
        notes.sort_by_key(|(line, _)| *line);
    }
    render(&old_lines, &new_lines, ops, path, &notes)
}

/// For each text line (ending at `line_ends[i]`), the first patch line that
/// it owns or that runs into it: the first whose last byte is at or after
/// the text line's start; one more entry, the number of patch lines, closes
/// the last range. A text line owns the patch lines from its entry to the next.
fn first_owned(patch_lines: &[&[u8]], line_ends: &[usize]) -> Vec<usize> {
    let mut firsts = Vec::with_capacity(line_ends.len() + 1);
    let mut patch_line = 0;
    let mut patch_end = patch_lines.first().map_or(0, |line| line.len());
    let mut line_start = 0;
    for &line_end in line_ends {
        // Skip the patch lines that end before this text line starts.
        while patch_line < patch_lines.len() && patch_end <= line_start {
            patch_line += 1;
            patch_end += patch_lines.get(patch_line).map_or(0, |line| line.len());
        }
        firsts.push(patch_line);
        line_start = line_end;
    }
    firsts.push(patch_lines.len());
    firsts
}

/// The text of a diff rendered from UTF-8 lines: every line was cut at a
/// `\n` byte, so each is whole UTF-8.
fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
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

/// Lines ending at a `\n` byte only, as `git apply` and `patch` read them
/// (similar's own splitter would also end a line at a lone `\r`), each with
/// its ending.
fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    lines.extend(bytes.split_inclusive(|&byte| byte == b'\n'));
    lines
}

/// A `---`/`+++` file name as git writes it, so that `git apply` and
/// `patch` read the same name back: C-quoted when it holds a quote, a
/// backslash, a control character (a newline would end the header) or bytes
/// that are not UTF-8 (written as octal escapes, as git does, so a file
/// named in Latin-1 still gets its own diff), and followed by a tab when it
/// holds a space (GNU patch ends a name at a space otherwise).
fn header_name(prefix: &str, path: &[u8]) -> String {
    let mut name = prefix.as_bytes().to_vec();
    name.extend_from_slice(path);
    let plain = match std::str::from_utf8(&name) {
        Ok(name) => !name
            .chars()
            .any(|c| c.is_control() || c == '"' || c == '\\'),
        Err(_) => false,
    };
    if !plain {
        let mut quoted = String::with_capacity(name.len() + 8);
        quoted.push('"');
        for chunk in name.utf8_chunks() {
            for c in chunk.valid().chars() {
                match c {
                    '"' => quoted.push_str("\\\""),
                    '\\' => quoted.push_str("\\\\"),
                    '\n' => quoted.push_str("\\n"),
                    '\t' => quoted.push_str("\\t"),
                    '\r' => quoted.push_str("\\r"),
                    c if c.is_control() => {
                        let mut bytes = [0; 4];
                        for byte in c.encode_utf8(&mut bytes).bytes() {
                            quoted.push_str(&format!("\\{byte:03o}"));
                        }
                    }
                    c => quoted.push(c),
                }
            }
            for byte in chunk.invalid() {
                quoted.push_str(&format!("\\{byte:03o}"));
            }
        }
        quoted.push('"');
        quoted
    } else {
        let name = String::from_utf8(name).expect("checked above");
        if name.contains(' ') {
            name + "\t"
        } else {
            name
        }
    }
}

/// Writes the hunks of `ops` with their headers and, after each header, the
/// notes on the patch lines it covers; `notes` are in line order.
fn render(
    old_lines: &[&[u8]],
    new_lines: &[&[u8]],
    ops: Vec<DiffOp>,
    path: &[u8],
    notes: &[LineNote],
) -> Vec<u8> {
    // Sized for a diff as long as the input (removed lines with their
    // context), up to a cap so a small change to a huge file stays small.
    let input_bytes: usize = old_lines.iter().map(|line| line.len()).sum();
    let mut out = Vec::with_capacity(input_bytes.min(RESERVED_DIFF_BYTES));
    let (old_name, new_name) = (header_name("a/", path), header_name("b/", path));
    out.extend_from_slice(format!("--- {old_name}\n+++ {new_name}\n").as_bytes());
    for hunk in group_diff_ops(ops, CONTEXT_LINES) {
        if hunk.is_empty() {
            continue;
        }
        out.extend_from_slice(UnifiedHunkHeader::new(&hunk).to_string().as_bytes());
        let covered = hunk[0].old_range().start..hunk[hunk.len() - 1].old_range().end;
        let first = notes.partition_point(|(line, _)| *line < covered.start);
        let end = notes.partition_point(|(line, _)| *line < covered.end);
        let mut separator = " ";
        for (_, note) in &notes[first..end.max(first)] {
            out.extend_from_slice(separator.as_bytes());
            out.extend_from_slice(note.as_bytes());
            separator = "; ";
        }
        out.push(b'\n');
        for op in &hunk {
            let (tag, old, new) = op.as_tag_tuple();
            if tag != DiffTag::Insert {
                let sign = if tag == DiffTag::Equal { b' ' } else { b'-' };
                push_lines(&mut out, sign, &old_lines[old]);
            }
            if matches!(tag, DiffTag::Insert | DiffTag::Replace) {
                push_lines(&mut out, b'+', &new_lines[new]);
            }
        }
    }
    out
}

fn push_lines(out: &mut Vec<u8>, sign: u8, lines: &[&[u8]]) {
    for line in lines {
        out.push(sign);
        out.extend_from_slice(line);
        if !line.ends_with(b"\n") {
            out.extend_from_slice(b"\n\\ No newline at end of file\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_are_quoted_as_git_quotes_them() {
        assert_eq!(header_name("a/", b"dir/x.txt"), "a/dir/x.txt");
        assert_eq!(header_name("a/", b"with space.txt"), "a/with space.txt\t");
        assert_eq!(header_name("b/", b"new\nline.txt"), "\"b/new\\nline.txt\"");
        assert_eq!(
            header_name("a/", b"tab\there\"q\".txt"),
            "\"a/tab\\there\\\"q\\\".txt\""
        );
        assert_eq!(header_name("a/", b"esc\x1b.txt"), "\"a/esc\\033.txt\"");
        assert_eq!(
            header_name("a/", "caf\u{e9}.txt".as_bytes()),
            "a/caf\u{e9}.txt"
        );
        // Latin-1 "café": the byte that is not UTF-8 is an octal escape.
        assert_eq!(header_name("a/", b"caf\xe9.txt"), "\"a/caf\\351.txt\"");
    }

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
        let ends = |text: &str| -> Vec<usize> {
            crate::decode::split_lines(text)
                .map(|(_, end)| end)
                .collect()
        };
        let (old_ends, new_ends) = (ends(original), ends(cleaned));
        let diff_with = |notes: Vec<LineNote>| {
            into_string(aligned_diff(
                &Encoded {
                    bytes: original.as_bytes(),
                    line_ends: Some(&old_ends),
                },
                &Encoded {
                    bytes: cleaned.as_bytes(),
                    line_ends: Some(&new_ends),
                },
                b"x.txt",
                &kept,
                notes,
            ))
        };
        let diff = diff_with(notes.to_vec());
        assert!(diff.contains("@@ -1,7 +1,5 @@ line 3: x\n"), "{diff}");
        assert!(diff.contains("@@ -11,5 +9,3 @@ line 15: y\n"), "{diff}");
        // Notes out of line order land under the same hunks.
        let reversed: Vec<LineNote> = notes.iter().rev().cloned().collect();
        assert_eq!(diff_with(reversed), diff);
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
