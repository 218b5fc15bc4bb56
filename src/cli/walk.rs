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
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// One input, or a path that could not be walked (reported like a bad file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Stdin,
    File(PathBuf),
    Unwalkable { path: PathBuf, problem: String },
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
}

/// Expands the PATH arguments; each path appears once, at its first place.
pub fn expand(paths: &[PathBuf], filter: &Filter) -> Vec<Item> {
    let mut items = Vec::new();
    if paths.is_empty() {
        items.push(Item::Stdin);
    }
    for path in paths {
        if path.as_os_str() == "-" {
            items.push(Item::Stdin);
        } else if path.is_dir() {
            walk(path, filter, &mut items);
        } else {
            // Named explicitly: cleaned whatever its name; a missing or
            // looping path fails when it is read, with one line naming it.
            items.push(Item::File(path.clone()));
        }
    }
    let mut seen = HashSet::new();
    items.retain(|item| match item {
        Item::File(path) => seen.insert(path.clone()),
        _ => true,
    });
    items
}

/// True for `X.clean.txt`, `X.clean` and `X.diff`: what dedupe writes.
pub fn is_own_output(name: &str) -> bool {
    name.ends_with(".diff") || name.ends_with(".clean") || name.contains(".clean.")
}

fn walk(root: &Path, filter: &Filter, items: &mut Vec<Item>) {
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
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
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
        items.push(Item::File(entry.into_path()));
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
