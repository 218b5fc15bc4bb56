//! The application around the library: read inputs, clean each one once, then
//! let the mode decide what to write and what to report.

mod args;
mod report;

pub use args::Args;

use dedupe::{Cleaned, Decision};
use std::fmt;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

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

/// An error that stops the run (bad arguments, unwritable output).
#[derive(Debug)]
pub struct Error {
    message: String,
    io_kind: Option<io::ErrorKind>,
}

impl Error {
    fn usage(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            io_kind: None,
        }
    }

    fn io(context: impl fmt::Display, err: io::Error) -> Self {
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

/// Where one input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The name used in messages and in the diff's `a/` and `b/` paths.
    fn display_name(&self) -> String {
        match self {
            Input::Stdin => "stdin".to_string(),
            Input::File(path) => {
                let shown = path.to_string_lossy();
                shown
                    .trim_start_matches("./")
                    .trim_start_matches('/')
                    .to_string()
            }
        }
    }

    fn read(&self) -> io::Result<Vec<u8>> {
        match self {
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::stdin().lock().read_to_end(&mut bytes)?;
                Ok(bytes)
            }
            Input::File(path) => std::fs::read(path),
        }
    }
}

/// Runs the command line.
pub fn run(args: Args) -> Result<Outcome, Error> {
    let inputs: Vec<Input> = if args.paths.is_empty() {
        vec![Input::Stdin]
    } else {
        args.paths
            .iter()
            .map(|path| {
                if path.as_os_str() == "-" {
                    Input::Stdin
                } else {
                    Input::File(path.clone())
                }
            })
            .collect()
    };
    if let Some(folder) = args.paths.iter().find(|path| path.is_dir()) {
        return Err(Error::usage(format!(
            "{}: is a folder; folders need one of --check, --diff, --in-place or --out-dir",
            folder.display()
        )));
    }
    if inputs.len() > 1 && (args.output.is_some() || args.stdout || args.explain) {
        return Err(Error::usage(
            "-o/--output, --stdout and --explain take one input; use --out-dir or --in-place for several",
        ));
    }
    let options = args.options();
    let mut outcome = Outcome::default();
    for input in &inputs {
        match clean_one(input, &args, &options)? {
            FileStatus::Failed => outcome.failed = true,
            FileStatus::Changed => outcome.changes_found |= args.check || args.diff,
            FileStatus::Unchanged => {}
        }
    }
    Ok(outcome)
}

/// What happened to one input.
enum FileStatus {
    Unchanged,
    Changed,
    Failed,
}

/// Reads, cleans and writes or reports one input as the mode says. A problem
/// with the input itself is reported on one line and becomes `Failed`; a
/// problem writing output stops the run.
fn clean_one(input: &Input, args: &Args, options: &dedupe::Options) -> Result<FileStatus, Error> {
    let name = input.display_name();
    let bytes = match input.read() {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("dedupe: {name}: {}", report::describe_io_error(&err));
            return Ok(FileStatus::Failed);
        }
    };
    let decoded = match dedupe::decode(&bytes, args.encoding()) {
        Ok(decoded) => decoded,
        Err(err) => {
            eprintln!("dedupe: {name}: {err}");
            return Ok(FileStatus::Failed);
        }
    };
    if decoded.fell_back_to_windows_1252 && !args.quiet {
        eprintln!("dedupe: warning: {name}: not valid UTF-8, read as Windows-1252");
    }
    let original: &str = &decoded.text;
    let cleaned = dedupe::clean(original, options);
    let changed = cleaned.text != original;
    let to_stdout = *input == Input::Stdin && args.output.is_none()
        || args.stdout
        || args.output.as_deref() == Some(Path::new("-"));

    let mut stdout = io::stdout().lock();
    let write_err = |err| Error::io("stdout", err);
    if args.explain {
        report::explain(&mut stdout, &cleaned).map_err(write_err)?;
    } else if args.diff || args.check {
        let diff = dedupe::unified_diff(original, &cleaned.text, &name);
        stdout.write_all(diff.as_bytes()).map_err(write_err)?;
    } else if to_stdout {
        stdout
            .write_all(cleaned.text.as_bytes())
            .map_err(write_err)?;
    } else if let Some(output) = &args.output {
        std::fs::write(output, &cleaned.text).map_err(|err| Error::io(output.display(), err))?;
    } else if let Input::File(path) = input {
        let (clean_path, diff_path) = output_paths(path);
        std::fs::write(&clean_path, &cleaned.text)
            .map_err(|err| Error::io(clean_path.display(), err))?;
        let diff = dedupe::unified_diff(original, &cleaned.text, &name);
        std::fs::write(&diff_path, diff).map_err(|err| Error::io(diff_path.display(), err))?;
    }
    stdout.flush().map_err(write_err)?;
    if !args.quiet && !args.explain {
        eprintln!("{}", report::summary_line(&name, &cleaned, changed));
    }
    Ok(if changed {
        FileStatus::Changed
    } else {
        FileStatus::Unchanged
    })
}

/// `article.txt` -> (`article.clean.txt`, `article.diff`), beside the input.
fn output_paths(path: &Path) -> (PathBuf, PathBuf) {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let clean_name = match path.extension() {
        Some(ext) => format!("{stem}.clean.{}", ext.to_string_lossy()),
        None => format!("{stem}.clean"),
    };
    (
        path.with_file_name(clean_name),
        path.with_file_name(format!("{stem}.diff")),
    )
}

/// Number of paragraphs kept.
fn kept_count(cleaned: &Cleaned<'_>) -> usize {
    cleaned
        .paragraphs
        .iter()
        .filter(|p| matches!(p.decision, Decision::Keep(_)))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_sit_beside_the_input() {
        assert_eq!(
            output_paths(Path::new("dir/article.txt")),
            (
                PathBuf::from("dir/article.clean.txt"),
                PathBuf::from("dir/article.diff")
            )
        );
        assert_eq!(
            output_paths(Path::new("notes")),
            (PathBuf::from("notes.clean"), PathBuf::from("notes.diff"))
        );
    }

    #[test]
    fn exit_codes_follow_one_policy() {
        let outcome = |changes_found, failed| {
            Outcome {
                changes_found,
                failed,
            }
            .exit_code()
        };
        assert_eq!(outcome(false, false), 0);
        assert_eq!(outcome(true, false), 1);
        assert_eq!(outcome(true, true), 2);
    }
}
