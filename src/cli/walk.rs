//! Turns the PATH arguments into the list of inputs, in a deterministic order:
//! arguments in the order given, each folder walked in file-name order. A walk
//! skips what a person would not call an article: hidden and `.gitignore`d
//! paths, files outside `--include` or inside `--exclude`, symlinks (never
//! followed, so no loop and no escape), and dedupe's own outputs, so that a
//! second run never cleans a clean copy or a diff.

use globset::GlobSet;
use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use walkdir::WalkDir;

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

/// Expands the PATH arguments; each path appears once, at its first place.
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
        Item::File { path, .. } => seen.insert(path.clone()),
        _ => true,
    });
    Walked {
        items,
        stale_temporaries,
    }
}

/// True for `X.clean.txt`, `X.clean` and `X.diff`: what dedupe writes.
pub fn is_own_output(name: &str) -> bool {
    name.ends_with(".diff") || name.ends_with(".clean") || name.contains(".clean.")
}

fn walk(root: &Path, filter: &Filter, items: &mut Vec<Item>, stale: &mut Vec<PathBuf>) {
    let canonical_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let outer_ignores = if filter.no_ignore {
        Vec::new()
    } else {
        ancestor_gitignores(&canonical_root)
    };
    // Each folder's .gitignore, with the depth of that folder; deepest last.
    let mut ignores: Vec<(usize, Gitignore)> = Vec::new();
    let mut entries = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                let problem = err
                    .io_error()
                    .map_or_else(|| err.to_string(), super::report::describe_io_error);
                items.push(Item::Unwalkable { path, problem });
                continue;
            }
        };
        let depth = entry.depth();
        let is_dir = entry.file_type().is_dir();
        let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
        if depth > 0 {
            ignores.retain(|(owner, _)| *owner < depth);
            let name = entry.file_name().to_string_lossy();
            if !is_dir && super::output::is_stale_temporary(&name) {
                stale.push(entry.path().to_path_buf());
                continue;
            }
            let hidden = name.starts_with('.');
            let absolute = canonical_root.join(relative);
            let skip = (hidden && !filter.hidden)
                || filter.exclude.is_match(relative)
                || is_ignored(&ignores, &outer_ignores, &absolute, is_dir)
                || (is_dir
                    && filter
                        .skip_folders
                        .iter()
                        .any(|f| same_folder(f, &absolute)));
            if skip {
                if is_dir {
                    entries.skip_current_dir();
                }
                continue;
            }
        }
        if is_dir {
            if !filter.no_ignore {
                let gitignore = entry.path().join(".gitignore");
                if gitignore.is_file() {
                    ignores.push((depth, rooted(&canonical_root.join(relative), &gitignore)));
                }
            }
            continue;
        }
        // Symlinks (not followed), sockets, devices: not articles.
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if is_own_output(&name) || !filter.include.is_match(relative) {
            continue;
        }
        items.push(Item::file(entry.into_path(), Some(root)));
    }
}

/// A `.gitignore` matcher whose patterns are anchored at `folder` (canonical),
/// matched against canonical paths.
fn rooted(folder: &Path, gitignore: &Path) -> Gitignore {
    let mut builder = GitignoreBuilder::new(folder);
    // A malformed line is skipped, as git itself does.
    let _ = builder.add(gitignore);
    builder.build().unwrap_or_else(|_| Gitignore::empty())
}

/// The `.gitignore` files of the folders above a walked folder, up to the
/// repository root; none when the folder is not inside a git repository.
fn ancestor_gitignores(root: &Path) -> Vec<Gitignore> {
    let mut found = Vec::new();
    for folder in root.ancestors().skip(1) {
        let gitignore = folder.join(".gitignore");
        if gitignore.is_file() {
            found.push(rooted(folder, &gitignore));
        }
        if folder.join(".git").exists() {
            return found;
        }
    }
    Vec::new()
}

/// The deepest `.gitignore` with an opinion decides, as in git.
fn is_ignored(
    nested: &[(usize, Gitignore)],
    outer: &[Gitignore],
    path: &Path,
    is_dir: bool,
) -> bool {
    let matchers = nested.iter().rev().map(|(_, m)| m).chain(outer.iter());
    for matcher in matchers {
        match matcher.matched(path, is_dir) {
            Match::Ignore(_) => return true,
            Match::Whitelist(_) => return false,
            Match::None => {}
        }
    }
    false
}

fn same_folder(canonical: &Path, path: &Path) -> bool {
    std::fs::canonicalize(path).is_ok_and(|p| p == canonical)
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
