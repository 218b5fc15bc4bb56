//! Helpers shared by the integration tests that run the real binary: a
//! temporary tree of files, the binary run in it, and its output as text.

#![allow(
    dead_code,
    reason = "each test crate uses its own subset of the helpers"
)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A paragraph of more than `min_words` words, pasted twice in [`DIRTY`].
pub const REPEATED: &str =
    "The council approved the new budget for the coming year on Monday night.";

/// An article with one exact duplicate paragraph: line 5 repeats line 3.
pub const DIRTY: &str = "Council passes budget\n\n\
The council approved the new budget for the coming year on Monday night.\n\n\
Opposition members said the plan cut too deeply into library services.\n\n\
The council approved the new budget for the coming year on Monday night.\n";

/// [`DIRTY`] once cleaned.
pub const CLEANED: &str = "Council passes budget\n\n\
The council approved the new budget for the coming year on Monday night.\n\n\
Opposition members said the plan cut too deeply into library services.\n";

/// An article with nothing to remove or normalize.
pub const CLEAN: &str =
    "A quiet week\n\nNothing happened in the town this week, and everyone was glad of it.\n";

pub fn dedupe(cwd: &Path, args: &[&str]) -> Output {
    run_with_stdin(cwd, args, None)
}

pub fn run_with_stdin(cwd: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dedupe"));
    command
        .args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("run dedupe");
    if let Some(text) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

pub fn code(output: &Output) -> i32 {
    output.status.code().expect("exited")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A temporary folder holding `files` (path, contents).
pub fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, contents) in files {
        write(&dir.path().join(path), contents);
    }
    dir
}

pub fn write(path: &Path, contents: impl AsRef<[u8]>) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

pub fn read(path: impl AsRef<Path>) -> String {
    fs::read_to_string(path).unwrap()
}

/// Every file below `dir`, relative, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walk(dir)
        .iter()
        .map(|path| {
            path.strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    files
}

pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

pub fn fixture(name: &str) -> String {
    read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name),
    )
}

/// A news page as a scraper dumps it: a menu, the headline, five paragraphs
/// of the article, then reader comments and page furniture (the page the
/// page-model tests read).
pub fn page_with_comments() -> String {
    [
        "Home",
        "News",
        "Politics",
        "Council votes to close the town library after budget cuts",
        "The council voted on Tuesday night to close the town's central library, blaming a shortfall of two million pounds in its budget for next year.",
        "Councillors from both parties said the decision had been painful, but that the service could not be kept open without cutting social care.",
        "Campaigners, who had gathered more than four thousand signatures against the closure, said they would ask for a judicial review of the decision.",
        "The library, which opened in 1904, will shut its doors at the end of March, and its books will be moved to two smaller branches in the suburbs.",
        "The council said it would look for a community group willing to run the building as a reading room and a meeting place for local clubs.",
        "Comments",
        "What a disgrace, this council never listens to anyone",
        "I used that library every week as a kid, so sad to see it go",
        "Typical, cut the services and keep the salaries",
        "Log in to reply",
        "Share this article",
    ]
    .join("\n\n")
}
