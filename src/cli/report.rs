//! What people read: the one-line summary per file and `--explain`.

use super::kept_count;
use dedupe::{Cleaned, Decision, KeepReason};
use std::io::{self, Write};

/// `article.txt: removed 4 of 24 paragraphs (2 exact-duplicate, 1 caption, 1 boilerplate/read-more)`.
pub fn summary_line(name: &str, cleaned: &Cleaned<'_>, changed: bool) -> String {
    let total = cleaned.paragraphs.len();
    let removed = total - kept_count(cleaned);
    if removed == 0 {
        let state = if changed {
            "normalized, no paragraph removed"
        } else {
            "already clean"
        };
        return format!("{name}: {state} ({total} paragraphs)");
    }
    let rules: Vec<String> = cleaned
        .removal_counts()
        .iter()
        .map(|(rule, count)| format!("{count} {rule}"))
        .collect();
    format!(
        "{name}: removed {removed} of {total} paragraphs ({})",
        rules.join(", ")
    )
}

/// One line per paragraph: its lines, its decision and why, and its opening words.
pub fn explain(out: &mut impl Write, cleaned: &Cleaned<'_>) -> io::Result<()> {
    let line_of = |index: usize| cleaned.paragraphs[index].first_line;
    for paragraph in &cleaned.paragraphs {
        let lines = if paragraph.first_line == paragraph.last_line {
            format!("{}", paragraph.first_line)
        } else {
            format!("{}-{}", paragraph.first_line, paragraph.last_line)
        };
        let why = match &paragraph.decision {
            Decision::Remove(removal) => {
                let mut why = format!("remove  {}", removal.rule);
                if let Some(kept) = removal.kept {
                    why.push_str(&format!(" (kept line {})", line_of(kept)));
                }
                if let Some(similarity) = removal.similarity {
                    why.push_str(&format!(" similarity {similarity:.2}"));
                }
                why
            }
            Decision::Keep(reason) => match reason {
                KeepReason::Unique => "keep".to_string(),
                KeepReason::MostComplete { copies } => {
                    format!("keep    most complete of {copies} copies")
                }
                KeepReason::ShortRepeat { of } => {
                    format!(
                        "keep    short repeat of line {} (under min-words)",
                        line_of(*of)
                    )
                }
                KeepReason::StructuralRepeat => "keep    structural repeat".to_string(),
                KeepReason::NotACopy { resembles } => format!(
                    "keep    resembles line {} only through another copy",
                    line_of(*resembles)
                ),
            },
        };
        writeln!(out, "{lines:>7}  {why:<60}  {}", preview(&paragraph.text))?;
    }
    Ok(())
}

/// The paragraph's first 50 characters on one line.
fn preview(text: &str) -> String {
    let flat: String = text
        .chars()
        .take(50)
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    if text.chars().nth(50).is_some() {
        format!("{flat}...")
    } else {
        flat
    }
}

/// A short, stable description of why a file could not be read.
pub fn describe_io_error(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a folder".to_string(),
        _ => err.to_string(),
    }
}
