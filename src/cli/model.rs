//! The command line's data, shared by the engine that computes it and the
//! printers that show it: what a run does ([`Mode`]) and what each input gave
//! ([`FileResult`]). A leaf: it imports nothing else of the CLI, so the worker
//! and the printers never import each other.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// How a run ended, mapped to the exit code in one place.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// `--check` or `--diff` found a file that would change.
    pub changes_found: bool,
    /// Some input could not be cleaned.
    pub failed: bool,
}

impl Outcome {
    /// 2 for an error, 1 for changes found by `--check`/`--diff`, else 0.
    pub fn exit_code(self) -> u8 {
        if self.failed {
            2
        } else if self.changes_found {
            1
        } else {
            0
        }
    }
}

/// An error that stops the run (bad arguments, bad config, closed stdout).
#[derive(Debug)]
pub struct Error {
    message: String,
    io_kind: Option<io::ErrorKind>,
}

impl Error {
    pub fn usage(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            io_kind: None,
        }
    }

    pub fn io(context: impl fmt::Display, err: io::Error) -> Self {
        Error {
            message: format!("{context}: {err}"),
            io_kind: Some(err.kind()),
        }
    }

    /// True when stdout was closed early (`dedupe ... | head`), which is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        self.io_kind == Some(io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// What the run does with each cleaned file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// `X.clean.txt` and `X.diff` beside the input (the default).
    Beside,
    /// `-o FILE`.
    Output(PathBuf),
    /// `--stdout`, `-o -`, or stdin with no mode.
    Stdout,
    Check,
    Diff,
    Explain,
    InPlace,
    /// `--out-dir DIR`: DIR resolved (see `output::resolve`).
    OutDir(PathBuf),
}

impl Mode {
    /// Modes that may take folders: the ones a batch in CI uses.
    pub fn takes_folders(&self) -> bool {
        matches!(
            self,
            Mode::Check | Mode::Diff | Mode::InPlace | Mode::OutDir(_)
        )
    }

    /// Modes that write nothing and report changes with exit code 1.
    pub fn reports_changes(&self) -> bool {
        matches!(self, Mode::Check | Mode::Diff)
    }
}

/// The one computation per input that every mode and report format reads.
#[derive(Debug)]
pub struct FileResult {
    /// The input as shown in messages, diffs and reports: a path, `stdin`,
    /// or `PATH:LINE` for a JSONL record.
    pub name: String,
    /// The cleaning, or the problem that stopped it.
    pub outcome: Result<Cleaning, FileError>,
    /// A problem that did not stop cleaning (the Windows-1252 guess).
    pub warning: Option<String>,
}

/// What cleaning one input found.
#[derive(Debug)]
pub struct Cleaning {
    /// The clean copy differs from the input bytes.
    pub changed: bool,
    pub paragraphs_before: usize,
    pub paragraphs_after: usize,
    pub removals: Vec<RemovalInfo>,
    /// What the mode prints for this input on stdout.
    pub rendered: Rendered,
}

/// The part of a result that goes to stdout, by what it is.
#[derive(Debug, Default)]
pub enum Rendered {
    /// Nothing: the mode wrote files, or prints only a summary.
    #[default]
    Nothing,
    /// `--check`, `--diff`: the unified diff of the file as it is on disk
    /// (its encoding and line endings), and, when those bytes are not UTF-8
    /// (UTF-16, Windows-1252), the same diff of the decoded text for JSON.
    Diff {
        on_disk: Vec<u8>,
        text: Option<String>,
    },
    /// `--stdout`: the clean copy's bytes.
    CleanText(Vec<u8>),
    /// `--explain`: one line per paragraph.
    Explanation(String),
}

impl Rendered {
    /// The diff's bytes as they go to a `.diff` file (empty for other kinds).
    pub fn on_disk(self) -> Vec<u8> {
        match self {
            Rendered::Diff { on_disk, .. } => on_disk,
            _ => Vec::new(),
        }
    }
}

/// One removed paragraph, with line numbers instead of indices.
#[derive(Debug, Clone, PartialEq)]
pub struct RemovalInfo {
    pub first_line: usize,
    pub last_line: usize,
    /// As [`dedupe::Removal::rule`]: borrowed for the built-in rules.
    pub rule: std::borrow::Cow<'static, str>,
    /// First line of the copy that was kept, for duplicates.
    pub kept_line: Option<usize>,
    pub similarity: Option<f32>,
    /// In how many documents it occurs, for `corpus-boilerplate`.
    pub documents: Option<usize>,
    /// The paragraph's opening words, when the report quotes them.
    pub preview: String,
    /// For `page-model`: how the model read the page.
    pub model_reading: Option<ModelReading>,
}

/// Why the page model removed a paragraph, beyond its probability (which
/// is [`RemovalInfo::similarity`]): the run of paragraphs it decoded the
/// paragraph in, and the features that weighed most. Read from the page as
/// the clean copy leaves it, with the model's own removals back in.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelReading {
    /// First line of the run's first paragraph and last line of its last.
    pub run_lines: (usize, usize),
    /// The run was decoded as noise (on the page as the clean copy leaves
    /// it; the round that removed the paragraph saw more of the page).
    pub run_is_noise: bool,
    /// Feature names with their contribution to the noise log-odds
    /// (positive: towards noise), largest first.
    pub top_features: Vec<(String, f32)>,
    /// For a paragraph the model read in a noise run and left: why.
    pub protection: Option<dedupe::Protection>,
}

impl Cleaning {
    /// How many paragraphs each rule removed, most first, then by rule id.
    pub fn removal_counts(&self) -> Vec<(&str, usize)> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for removal in &self.removals {
            match counts.iter_mut().find(|(rule, _)| *rule == removal.rule) {
                Some((_, count)) => *count += 1,
                None => counts.push((&removal.rule, 1)),
            }
        }
        counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        counts
    }
}

/// Why one input was not cleaned (or its result not written). The rest of a
/// batch goes on; the run exits 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// It could not be opened or read (`no such file`, `permission denied`).
    Read(String),
    /// A FIFO, socket, device or folder where a file was expected.
    NotRegular(&'static str),
    TooLarge {
        size: u64,
        max: u64,
    },
    /// Cleaning it could need more memory than `--max-memory` allows.
    TooMuchMemory {
        needs: u64,
        max: u64,
    },
    /// Its size or time changed while it was read.
    ChangedWhileReading,
    /// Binary, or text in an encoding that cannot be read with confidence.
    Decode(String),
    /// An output could not be written (its path and why).
    Write {
        path: PathBuf,
        problem: String,
    },
    /// `--in-place` left it as it was, and why.
    InPlace(String),
    /// The mode cannot apply to this kind of input.
    Unsupported(&'static str),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Read(problem) | FileError::Decode(problem) => f.write_str(problem),
            FileError::NotRegular(kind) => write!(f, "{kind}, not a regular file; skipped"),
            FileError::TooLarge { size, max } => {
                write!(f, "larger than --max-size ({size} bytes > {max}), skipped")
            }
            FileError::TooMuchMemory { needs, max } => write!(
                f,
                "could need about {} MiB of memory to clean (over --max-memory, {} MiB); skipped",
                needs >> 20,
                max >> 20
            ),
            FileError::ChangedWhileReading => {
                f.write_str("changed while it was being read; skipped")
            }
            FileError::Write { path, problem } => {
                write!(f, "cannot write {}: {problem}", path.display())
            }
            FileError::InPlace(problem) => f.write_str(problem),
            FileError::Unsupported(why) => f.write_str(why),
        }
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
