//! Turns the PATH arguments into the list of inputs, in a deterministic order:
//! arguments in the order given, each folder walked in file-name order. A walk
//! skips what a person would not call an article: hidden paths, paths that
//! `.gitignore`, `.ignore` or `.git/info/exclude` exclude, files outside `--include` or inside `--exclude`, symlinks (never
//! followed, so no loop and no escape), and dedupe's own outputs, so that a
//! second run never cleans a clean copy or a diff.

use globset::GlobSet;
use ignore::WalkBuilder;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

/// One input, or a path that could not be walked (reported like a bad file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Stdin,
    /// A file, and where `--out-dir` puts its clean copy, below the out dir:
    /// see [`mirror`].
    File {
        path: PathBuf,
        mirror: PathBuf,
    },
    Unwalkable {
        path: PathBuf,
        problem: String,
    },
}

impl Item {
    fn file(path: PathBuf, walked_from: Option<&Path>) -> Self {
        let mirror = mirror(&path, walked_from);
        Item::File { path, mirror }
    }
}

/// The path of a file below `--out-dir`. A file inside the working folder
/// keeps its path relative to it; a file outside it keeps its path below the
/// folder argument it was walked from, under that folder's name (or just its
/// name when it was named itself). Absolute and relative spellings of one file
/// give one answer, and `..` never leads out of the out dir.
pub fn mirror(path: &Path, walked_from: Option<&Path>) -> PathBuf {
    let absolute = |path: &Path| lexical(&std::path::absolute(path).unwrap_or_default());
    let file = absolute(path);
    if let Ok(working) = std::env::current_dir()
        && let Ok(inside) = file.strip_prefix(lexical(&working))
        && !inside.as_os_str().is_empty()
    {
        return inside.to_path_buf();
    }
    let anchor = match walked_from {
        // The folder itself, so that its name is kept: `../in/a.txt` -> `in/a.txt`.
        Some(folder) => absolute(folder).parent().map(Path::to_path_buf),
        None => file.parent().map(Path::to_path_buf),
    };
    anchor
        .and_then(|anchor| file.strip_prefix(anchor).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| file.file_name().map(PathBuf::from).unwrap_or_default())
}

/// `.` and `..` resolved without touching the file system.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// What a folder walk skips.
pub struct Filter {
    pub hidden: bool,
    pub no_ignore: bool,
    pub include: GlobSet,
    pub exclude: GlobSet,
    /// Folders never walked into: the canonical `--out-dir`, so its clean
    /// copies are not read back in.
    pub skip_folders: Vec<PathBuf>,
    /// `--force-exclude`: files named on the command line are matched against
    /// `exclude` too (pre-commit names every staged file), as in black and ruff.
    pub force_exclude: bool,
}

/// The inputs of a run, and what the walk found left over by a killed run.
pub struct Walked {
    pub items: Vec<Item>,
    /// Temporary files of a dedupe process that is gone (see
    /// [`super::output::is_stale_temporary`]), in the walked folders.
    pub stale_temporaries: Vec<PathBuf>,
}

/// Expands the PATH arguments; each file appears once, at its first place,
/// however it was named ([`same_file`]).
pub fn expand(paths: &[PathBuf], filter: &Filter) -> Walked {
    let mut items = Vec::new();
    let mut stale_temporaries = Vec::new();
    if paths.is_empty() {
        items.push(Item::Stdin);
    }
    for path in paths {
        if path.as_os_str() == "-" {
            items.push(Item::Stdin);
        } else if path.is_dir() {
            walk(path, filter, &mut items, &mut stale_temporaries);
        } else if !(filter.force_exclude && filter.exclude.is_match(lexical(path))) {
            // Named explicitly: cleaned whatever its name; a missing or
            // looping path fails when it is read, with one line naming it.
            items.push(Item::file(path.clone(), None));
        }
    }
    let mut seen = HashSet::new();
    items.retain(|item| match item {
        Item::File { path, .. } => seen.insert(same_file(path)),
        _ => true,
    });
    Walked {
        items,
        stale_temporaries,
    }
}

/// What two names of one file have in common: its path with `.`, `..` and
/// symlinks resolved (the name itself when the file cannot be found; reading
/// it reports that). A file named twice (`a.txt ./a.txt`, a folder and a
/// file in it, a symlink and its target) was cleaned twice: `--diff` gave
/// one patch with the file's hunks twice, which `git apply` refuses;
/// `--in-place`'s second rewrite found the file changed by the first and
/// failed the run; `--out-dir` refused the run for two clean copies at
/// one path. Hard links stay two files: `--in-place` refuses them, and
/// `--out-dir` mirrors each.
fn same_file(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| lexical(path))
}

/// True for `X.clean.txt`, `X.clean` and `X.diff`: what dedupe writes.
pub fn is_own_output(name: &str) -> bool {
    name.ends_with(".diff") || name.ends_with(".clean") || name.contains(".clean.")
}

/// Walks one folder argument with the `ignore` crate's walker (ripgrep's):
/// `.gitignore`, `.ignore` and `.git/info/exclude` honoured as git and
/// ripgrep honour them, symlinks never followed, names sorted.
fn walk(root: &Path, filter: &Filter, items: &mut Vec<Item>, stale: &mut Vec<PathBuf>) {
    let mut builder = WalkBuilder::new(root);
    builder
        .standard_filters(!filter.no_ignore)
        // Hidden names are judged below, so the walk still sees the
        // temporary files a killed run left.
        .hidden(false)
        // A .gitignore counts in a folder that is not (yet) a repository too.
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b));
    let exclude = filter.exclude.clone();
    let skip_folders = filter.skip_folders.clone();
    let walk_hidden = filter.hidden;
    let root_path = root.to_path_buf();
    builder.filter_entry(move |entry| {
        if entry.depth() == 0 {
            return true;
        }
        let name = entry.file_name().to_string_lossy();
        let is_dir = entry.file_type().is_some_and(|kind| kind.is_dir());
        if !is_dir && super::output::is_stale_temporary(&name) {
            return true;
        }
        let relative = entry
            .path()
            .strip_prefix(&root_path)
            .unwrap_or(entry.path());
        let hidden = name.starts_with('.') && !walk_hidden;
        let skipped_folder = is_dir
            && skip_folders
                .iter()
                .any(|folder| std::fs::canonicalize(entry.path()).is_ok_and(|p| &p == folder));
        !(hidden || exclude.is_match(relative) || skipped_folder)
    });
    for entry in builder.build() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                items.push(Item::Unwalkable {
                    path: error_path(&err).unwrap_or(root).to_path_buf(),
                    problem: error_problem(&err),
                });
                continue;
            }
        };
        // Symlinks (not followed), sockets, devices: not articles.
        if !entry.file_type().is_some_and(|kind| kind.is_file()) {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if super::output::is_stale_temporary(&name) {
            stale.push(entry.into_path());
            continue;
        }
        let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
        if is_own_output(&name) || !filter.include.is_match(relative) {
            continue;
        }
        items.push(Item::file(entry.into_path(), Some(root)));
    }
}

/// The path an `ignore` walk error is about, when it names one.
fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}

/// The walk error in the same words as a file that cannot be read.
fn error_problem(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => error_problem(err),
        ignore::Error::Io(io) => super::model::describe_io_error(io),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_outputs_are_recognised() {
        for name in ["a.clean.txt", "a.clean", "a.diff", "a.txt.diff"] {
            assert!(is_own_output(name), "{name}");
        }
        for name in ["a.txt", "cleanup.md", "a.cleaner.txt"] {
            assert!(!is_own_output(name), "{name}");
        }
    }
}
