//! One input, start to finish, on whatever thread rayon gives it: read, decode,
//! clean once, then let the mode write files, and keep everything the reports
//! need in a [`FileResult`]. Nothing is printed here, so the main thread can
//! print results in input order and the output is the same for any `-j`.

use super::model::{
    Cleaning, FileError, FileResult, Mode, ModelReading, RemovalInfo, Rendered, describe_io_error,
};
use super::output::Stamp;
use super::walk::Item;
use dedupe::{Cleaned, Decision, DocumentFrequency, Encoding, FileEncoding, KeepReason, Options};
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Everything a worker needs, shared read-only by all threads.
pub struct Job {
    pub mode: Mode,
    pub options: Options,
    pub encoding: Encoding,
    /// `--to-utf8`: write clean copies as UTF-8 whatever the input's encoding.
    pub to_utf8: bool,
    pub max_size: u64,
    /// `--max-memory`: see [`memory_estimate`].
    pub max_memory: u64,
    /// `--out-dir` folders already created and found inside it: a folder of
    /// a thousand inputs is resolved once, not once per file.
    pub checked_folders: Mutex<FxHashSet<PathBuf>>,
    /// The report quotes each removed paragraph (json, github, sarif);
    /// the text format never does, so it skips making the previews.
    pub previews: bool,
}

/// The path as given, without a leading `./`: the name in messages, reports and diffs.
pub fn display_name(item: &Item) -> String {
    let path = match item {
        Item::Stdin => return "stdin".to_string(),
        Item::File { path, .. } | Item::Unwalkable { path, .. } => path,
    };
    path.to_string_lossy().trim_start_matches("./").to_string()
}

/// The file's name for diff headers: its bytes as given (a name that is
/// not UTF-8 is quoted as git quotes it, so the diff still applies), without
/// a leading `./` or, since `a/` and `b/` are prefixed to it, a root.
fn diff_name(path: Option<&Path>) -> &[u8] {
    use std::os::unix::ffi::OsStrExt;
    let Some(path) = path else {
        return b"stdin";
    };
    let mut name = path.as_os_str().as_bytes();
    while let Some(rest) = name.strip_prefix(b"./") {
        name = rest;
    }
    while let Some(rest) = name.strip_prefix(b"/") {
        name = rest;
    }
    name
}

/// Cleans one input as the job says.
pub fn process(item: &Item, job: &Job) -> FileResult {
    let name = display_name(item);
    let mut warning = None;
    let outcome = match item {
        Item::Unwalkable { problem, .. } => Err(FileError::Read(problem.clone())),
        Item::Stdin => process_readable(None, &name, job, &mut warning),
        Item::File { path, mirror } => {
            process_readable(Some((path, mirror)), &name, job, &mut warning)
        }
    };
    // A guessed encoding that the clean copy would lose is an error that
    // says it was a guess: the warning would say it twice.
    if matches!(outcome, Err(FileError::Decode(_))) {
        warning = None;
    }
    FileResult {
        name,
        outcome,
        warning,
    }
}

/// Counts a file into a corpus table. A file that cannot be read or decoded
/// is not counted (cleaning it reports why); stdin is never read here, as it
/// can be read only once.
pub fn count_into(table: &mut DocumentFrequency, item: &Item, job: &Job) {
    let Item::File { path, .. } = item else {
        return;
    };
    let Ok((bytes, _)) = read(Some(path), job.max_size) else {
        return;
    };
    if let Ok(decoded) = dedupe::decode(&bytes, job.encoding) {
        table.add_document(&decoded.text, &job.options);
    }
}

/// The files the mode writes for an input file (none for `--in-place`, which
/// rewrites the input itself): what the run's plan checks before writing.
pub fn outputs(mode: &Mode, path: &Path, mirror: &Path) -> Vec<PathBuf> {
    match mode {
        Mode::Beside => {
            let (clean, diff) = beside(path);
            vec![clean, diff]
        }
        Mode::Output(output) => vec![output.clone()],
        Mode::OutDir(dir) => {
            let clean = dir.join(mirror);
            let diff = diff_beside(&clean);
            vec![clean, diff]
        }
        Mode::Stdout | Mode::Check | Mode::Diff | Mode::Explain | Mode::InPlace => Vec::new(),
    }
}

/// `dir/a.txt` -> `dir/a.txt.diff`: the diff beside a clean copy in `--out-dir`.
fn diff_beside(clean: &Path) -> PathBuf {
    let mut name = clean.file_name().unwrap_or_default().to_os_string();
    name.push(".diff");
    clean.with_file_name(name)
}

/// Cleans a file (`Some((path, mirror))`) or stdin (`None`).
fn process_readable(
    file: Option<(&Path, &Path)>,
    name: &str,
    job: &Job,
    warning: &mut Option<String>,
) -> Result<Cleaning, FileError> {
    let path = file.map(|(path, _)| path);
    let (bytes, stamp) = read(path, job.max_size)?;
    let needs = memory_estimate(&bytes);
    if needs > job.max_memory {
        return Err(FileError::TooMuchMemory {
            needs,
            max: job.max_memory,
        });
    }
    let decoded =
        dedupe::decode(&bytes, job.encoding).map_err(|err| FileError::Decode(err.to_string()))?;
    if decoded.fell_back_to_windows_1252 {
        *warning = Some(format!(
            "not valid UTF-8, read as {}",
            decoded.encoding.name()
        ));
    }
    let mut cleaned = dedupe::clean(&decoded.text, &job.options);
    // The clean copy in the file's own encoding (or UTF-8 with --to-utf8),
    // compared with the bytes on disk: a file whose characters all stay is
    // unchanged, whatever its encoding.
    let output = if job.to_utf8 {
        FileEncoding::UTF8
    } else {
        decoded.encoding
    };
    // `a/` and `b/` are prefixed to the path, so an absolute one loses its root.
    let diff = matches!(
        job.mode,
        Mode::Check | Mode::Diff | Mode::Beside | Mode::OutDir(_)
    )
    .then(|| {
        let on_disk = cleaned.diff_bytes(&decoded, output, diff_name(path));
        let text = std::str::from_utf8(&on_disk)
            .is_err()
            .then(|| cleaned.diff(&decoded.text, name.trim_start_matches('/')));
        Rendered::Diff { on_disk, text }
    });
    // A UTF-8 clean copy is its text's own bytes: moved, not copied, so a
    // big file does not hold the clean copy twice.
    let mut clean_bytes = match cleaned.to_bytes(output) {
        Cow::Owned(bytes) => bytes,
        Cow::Borrowed(_) => std::mem::take(&mut cleaned.text).into_bytes(),
    };
    let changed = clean_bytes != bytes;
    // A clean copy that the next run would read otherwise is not written:
    // that run, or `--check` after `--in-place`, would find it not clean.
    if changed && decoded.fell_back_to_windows_1252 {
        dedupe::reads_back(&clean_bytes, output)
            .map_err(|err| FileError::Decode(err.to_string()))?;
    }
    let diff = || diff.expect("the modes that write a diff made it");
    let mut rendered = Rendered::Nothing;
    match (&job.mode, path) {
        (Mode::Check | Mode::Diff, _) => rendered = diff(),
        (Mode::Stdout, _) | (Mode::Beside, None) => {
            rendered = Rendered::CleanText(std::mem::take(&mut clean_bytes));
        }
        (Mode::Explain, _) => {
            let readings = model_readings(&cleaned, &job.options, Readings::AlsoLeft);
            rendered = Rendered::Explanation(explain(&cleaned, &readings));
        }
        (Mode::Output(output), _) => write(output, &clean_bytes)?,
        (Mode::Beside, Some(path)) => {
            let (clean_path, diff_path) = beside(path);
            write(&clean_path, &clean_bytes)?;
            write(&diff_path, &diff().on_disk())?;
        }
        (Mode::InPlace, Some(path)) => {
            if let (true, Some(stamp)) = (changed, stamp) {
                super::output::replace_in_place(path, &clean_bytes, stamp)
                    .map_err(FileError::InPlace)?;
            }
        }
        (Mode::OutDir(dir), Some(path)) => {
            let mirror = file.map(|(_, mirror)| mirror).unwrap_or(path);
            let target = dir.join(mirror);
            ensure_inside(dir, &target, &job.checked_folders)?;
            write(&target, &clean_bytes)?;
            write(&diff_beside(&target), &diff().on_disk())?;
        }
        (Mode::InPlace | Mode::OutDir(_), None) => {
            return Err(FileError::Unsupported(
                "stdin cannot be rewritten in place or mirrored; use --stdout",
            ));
        }
    }
    // The clean copy is written: free it before the report is built, so a
    // big file's peak memory does not hold both.
    drop(clean_bytes);
    drop(std::mem::take(&mut cleaned.text));
    Ok(summarize(
        &cleaned,
        changed,
        rendered,
        job.previews,
        &job.options,
    ))
}

/// What the reports need from a cleaning; `previews` says whether they quote
/// the removed paragraphs (otherwise each preview is empty).
pub fn summarize(
    cleaned: &Cleaned<'_>,
    changed: bool,
    rendered: Rendered,
    previews: bool,
    options: &Options,
) -> Cleaning {
    let line_of = |index: usize| cleaned.paragraphs[index].first_line;
    // The page model's reasons cost a second reading of the page: made only
    // for the reports that print them (json, jsonl, sarif, github).
    let mut readings = if previews {
        model_readings(cleaned, options, Readings::Removed)
    } else {
        Default::default()
    };
    let mut removals = Vec::with_capacity(cleaned.removals().count());
    removals.extend(cleaned.removals().map(|(paragraph, removal)| RemovalInfo {
        model_reading: readings.remove(&paragraph.first_line),
        first_line: paragraph.first_line,
        last_line: paragraph.last_line,
        rule: removal.rule.clone(),
        kept_line: removal.kept.map(line_of),
        similarity: removal.similarity,
        documents: removal.documents,
        preview: if previews {
            preview(&paragraph.text)
        } else {
            String::new()
        },
    }));
    let kept = cleaned
        .paragraphs
        .iter()
        .filter(|p| matches!(p.decision, Decision::Keep(_)))
        .count();
    Cleaning {
        changed,
        paragraphs_before: cleaned.paragraphs.len(),
        paragraphs_after: kept,
        removals,
        rendered,
    }
}

/// Which paragraphs [`model_readings`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readings {
    /// Those the page model removed (the reports).
    Removed,
    /// Those, and those it read in a noise run but left, such as the
    /// headline (`--explain`).
    AlsoLeft,
}

/// The page model's reading of each paragraph it removed (and, with
/// [`Readings::AlsoLeft`], of each it read as noise and left), by the
/// paragraph's first line; empty when there is none.
pub fn model_readings(
    cleaned: &Cleaned<'_>,
    options: &Options,
    which: Readings,
) -> rustc_hash::FxHashMap<usize, ModelReading> {
    let removed_by_model = cleaned
        .removals()
        .any(|(_, removal)| removal.rule == dedupe::PAGE_MODEL);
    let enabled = options.rules.enabled(dedupe::PAGE_MODEL);
    let Some(model) = options
        .page_model
        .as_deref()
        .filter(|_| removed_by_model || (which == Readings::AlsoLeft && enabled))
    else {
        return Default::default();
    };
    let scores = dedupe::explain_page_model(cleaned, model);
    let paragraph = |at: usize| &cleaned.paragraphs[scores[at].0];
    scores
        .iter()
        .filter(
            |(index, score)| match &cleaned.paragraphs[*index].decision {
                Decision::Remove(removal) => removal.rule == dedupe::PAGE_MODEL,
                Decision::Keep(_) => {
                    which == Readings::AlsoLeft && score.run_is_noise && score.protection.is_some()
                }
            },
        )
        .map(|(index, score)| {
            let reading = ModelReading {
                run_lines: (
                    paragraph(score.run.0).first_line,
                    paragraph(score.run.1).last_line,
                ),
                run_is_noise: score.run_is_noise,
                top_features: score.top_features.clone(),
                protection: score.protection.filter(|_| score.run_is_noise),
            };
            (cleaned.paragraphs[*index].first_line, reading)
        })
        .collect()
}

/// One line per paragraph: its lines, its decision and why, and its opening
/// words; under a page-model removal, and under a paragraph the model read
/// as noise but left, the run it was read in and the features that weighed
/// most.
pub fn explain(
    cleaned: &Cleaned<'_>,
    readings: &rustc_hash::FxHashMap<usize, ModelReading>,
) -> String {
    let line_of = |index: usize| cleaned.paragraphs[index].first_line;
    let mut out = String::new();
    for paragraph in &cleaned.paragraphs {
        let lines = if paragraph.first_line == paragraph.last_line {
            format!("{}", paragraph.first_line)
        } else {
            format!("{}-{}", paragraph.first_line, paragraph.last_line)
        };
        let why = match &paragraph.decision {
            Decision::Remove(removal) => {
                format!("remove  {}", removal.reason(cleaned.kept_line(removal)))
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
                KeepReason::BetweenBlocks => {
                    "keep    its removal would join a line to a Markdown block".to_string()
                }
                KeepReason::NotACopy { resembles } => format!(
                    "keep    resembles line {}, but is no copy of it",
                    line_of(*resembles)
                ),
            },
        };
        let _ = writeln!(out, "{lines:>7}  {why:<60}  {}", preview(&paragraph.text));
        if let Some(reading) = readings.get(&paragraph.first_line) {
            let _ = writeln!(out, "{:>7}  {}", "", describe_reading(reading));
        }
    }
    out
}

/// `read in a noise run, lines 40-52; weighed most: after-marker +1.20, ...`;
/// for a paragraph the model left, `...; left as the page's headline; ...`.
pub fn describe_reading(reading: &ModelReading) -> String {
    let features: Vec<String> = reading
        .top_features
        .iter()
        .map(|(name, weight)| format!("{name} {weight:+.2}"))
        .collect();
    let left = reading
        .protection
        .map(|protection| format!("; left as {}", protection.describe()))
        .unwrap_or_default();
    format!(
        "read in a {} run, lines {}-{}{left}; weighed most: {}",
        if reading.run_is_noise {
            "noise"
        } else {
            "content"
        },
        reading.run_lines.0,
        reading.run_lines.1,
        features.join(", ")
    )
}

/// The paragraph's first 50 characters on one line.
pub fn preview(text: &str) -> String {
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

/// Reads an input, with the stamp a later in-place rewrite checks (none for
/// stdin). Refused: anything but a regular file (a FIFO would block or be
/// cut short, a device never ends), a file over the size limit (before it is
/// read), and a file that changed while it was read.
pub(super) fn read(
    path: Option<&Path>,
    max_size: u64,
) -> Result<(Vec<u8>, Option<Stamp>), FileError> {
    let describe = |err: io::Error| FileError::Read(describe_io_error(&err));
    let mut bytes = Vec::new();
    let Some(path) = path else {
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(describe)?;
        return Ok((bytes, None));
    };
    // Checked before opening: opening a FIFO with no writer blocks forever.
    let kind = std::fs::metadata(path).map_err(describe)?.file_type();
    if !kind.is_file() {
        return Err(FileError::NotRegular(file_kind(kind)));
    }
    let file = File::open(path).map_err(describe)?;
    let before = Stamp::of(&file.metadata().map_err(describe)?);
    if before.size() > max_size {
        return Err(FileError::TooLarge {
            size: before.size(),
            max: max_size,
        });
    }
    // Sized from the metadata so a big file is read into one allocation of
    // its size, not grown by doubling (up to 2x).
    bytes.reserve_exact(
        usize::try_from(before.size())
            .unwrap_or(0)
            .saturating_add(1),
    );
    (&file)
        .take(max_size + 1)
        .read_to_end(&mut bytes)
        .map_err(describe)?;
    let after = Stamp::of(&file.metadata().map_err(describe)?);
    if after != before || bytes.len() as u64 != before.size() {
        return Err(FileError::ChangedWhileReading);
    }
    Ok((bytes, Some(before)))
}

/// Bytes of memory that cleaning `bytes` may need at most, measured on the
/// release build: the text and its copies (normalized lines, the clean copy,
/// the diff) cost up to 6 bytes per input byte on article text, and every
/// paragraph about 330 bytes of bookkeeping whatever its length (1,000,000
/// one-character paragraphs, 3 MB, peaked at 338 MB). Lines bound the number
/// of paragraphs, so 400 bytes per line covers them with a margin.
pub fn memory_estimate(bytes: &[u8]) -> u64 {
    let lines = memchr::memchr_iter(b'\n', bytes).count() as u64 + 1;
    (bytes.len() as u64)
        .saturating_mul(6)
        .saturating_add(lines.saturating_mul(400))
}

/// What a path that is not a regular file is, for the error.
fn file_kind(kind: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_dir() {
        "is a folder"
    } else if kind.is_fifo() {
        "is a named pipe (FIFO)"
    } else if kind.is_socket() {
        "is a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "is a device"
    } else {
        "is not a regular file"
    }
}

/// Writes an output file through the one output policy (atomic, no symlink
/// followed).
fn write(path: &Path, contents: &[u8]) -> Result<(), FileError> {
    super::output::write_atomically(path, contents).map_err(|err| FileError::Write {
        path: path.to_path_buf(),
        problem: describe_io_error(&err),
    })
}

/// `article.txt` -> (`article.clean.txt`, `article.diff`), beside the input.
pub fn beside(path: &Path) -> (PathBuf, PathBuf) {
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

/// Creates the target's folder and checks, after symlinks, that it is inside
/// the canonical `dir`: a symlinked subfolder cannot lead a write outside it.
/// A folder that passed is remembered in `checked`.
fn ensure_inside(
    dir: &Path,
    target: &Path,
    checked: &Mutex<FxHashSet<PathBuf>>,
) -> Result<(), FileError> {
    let folder = target.parent().unwrap_or(dir);
    if checked.lock().is_ok_and(|checked| checked.contains(folder)) {
        return Ok(());
    }
    let refused = |problem: String| FileError::Write {
        path: folder.to_path_buf(),
        problem,
    };
    let real = std::fs::create_dir_all(folder)
        .and_then(|()| std::fs::canonicalize(folder))
        .map_err(|err| {
            refused(format!(
                "cannot create the folder: {}",
                describe_io_error(&err)
            ))
        })?;
    if !real.starts_with(dir) {
        return Err(refused("leads outside --out-dir, not written".to_string()));
    }
    if let Ok(mut checked) = checked.lock() {
        checked.insert(folder.to_path_buf());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_sit_beside_the_input() {
        assert_eq!(
            beside(Path::new("dir/article.txt")),
            (
                PathBuf::from("dir/article.clean.txt"),
                PathBuf::from("dir/article.diff")
            )
        );
        assert_eq!(
            beside(Path::new("notes")),
            (PathBuf::from("notes.clean"), PathBuf::from("notes.diff"))
        );
    }
}
