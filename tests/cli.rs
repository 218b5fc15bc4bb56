//! The real `dedupe` binary over temporary folders: every mode, exit code,
//! report format and bad-file case of SPEC §4 and §5, one behaviour per test.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::Path;
use std::process::Command;

mod support;

use support::*;

// ---- one file (issue 2) ----

#[test]
fn default_mode_writes_clean_copy_and_diff_beside_the_seed_article() {
    let dir = tree(&[("rudd.txt", &fixture("rudd-windrush.txt"))]);
    let output = dedupe(dir.path(), &["rudd.txt"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        read(dir.path().join("rudd.clean.txt")),
        fixture("rudd-windrush.expected.txt")
    );
    let diff = read(dir.path().join("rudd.diff"));
    assert!(
        diff.starts_with("--- a/rudd.txt\n+++ b/rudd.txt\n"),
        "{diff}"
    );
    assert!(
        stderr(&output).starts_with("rudd.txt: removed 4 of 24 paragraphs ("),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());

    // The diff replays: patch -p1 turns the input into the clean copy.
    let patched = Command::new("patch")
        .args(["-p1", "--quiet"])
        .current_dir(dir.path())
        .stdin(fs::File::open(dir.path().join("rudd.diff")).unwrap())
        .status()
        .unwrap();
    assert!(patched.success());
    assert_eq!(
        read(dir.path().join("rudd.txt")),
        fixture("rudd-windrush.expected.txt")
    );
}

#[test]
fn a_second_run_never_cleans_its_own_outputs() {
    let dir = tree(&[("a.txt", DIRTY)]);
    assert_eq!(code(&dedupe(dir.path(), &["a.txt"])), 0);
    let output = dedupe(dir.path(), &["--check", "."]);
    assert!(
        stderr(&output).contains("1 file checked, 1 would change"),
        "{}",
        stderr(&output)
    );
    assert_eq!(listing(dir.path()), ["a.clean.txt", "a.diff", "a.txt"]);
}

#[test]
fn output_file_stdout_and_stdin() {
    let dir = tree(&[("a.txt", DIRTY)]);
    let output = dedupe(dir.path(), &["a.txt", "-o", "out.txt"]);
    assert_eq!(code(&output), 0);
    assert_eq!(read(dir.path().join("out.txt")), CLEANED);

    for args in [&["a.txt", "-o", "-"][..], &["a.txt", "--stdout"]] {
        let output = dedupe(dir.path(), args);
        assert_eq!((code(&output), stdout(&output)), (0, CLEANED.to_string()));
    }
    for args in [&[][..], &["-"]] {
        let output = run_with_stdin(dir.path(), args, Some(DIRTY));
        assert_eq!((code(&output), stdout(&output)), (0, CLEANED.to_string()));
    }
    assert_eq!(listing(dir.path()), ["a.txt", "out.txt"]);
}

#[test]
fn diff_and_check_write_nothing_and_exit_1_only_on_changes() {
    let dir = tree(&[("dirty.txt", DIRTY), ("clean.txt", CLEAN)]);
    for mode in ["--diff", "--check"] {
        let output = dedupe(dir.path(), &[mode, "dirty.txt"]);
        assert_eq!(code(&output), 1, "{mode}");
        let diff = stdout(&output);
        assert!(
            diff.starts_with("--- a/dirty.txt\n+++ b/dirty.txt\n@@"),
            "{diff}"
        );
        assert!(diff.contains(&format!("-{REPEATED}\n")), "{diff}");
        assert!(!diff.contains('\x1b'), "no colour when piped");

        let output = dedupe(dir.path(), &[mode, "clean.txt"]);
        assert_eq!(
            (code(&output), stdout(&output)),
            (0, String::new()),
            "{mode}"
        );
    }
    assert_eq!(listing(dir.path()), ["clean.txt", "dirty.txt"]);
}

#[test]
fn explain_lists_every_paragraph_with_its_decision() {
    let dir = tree(&[("a.txt", DIRTY)]);
    let output = dedupe(dir.path(), &["--explain", "a.txt"]);
    assert_eq!(code(&output), 0);
    let lines: Vec<String> = stdout(&output).lines().map(String::from).collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert!(lines[1].contains("keep"), "{}", lines[1]);
    assert!(
        lines[3].contains("remove  exact-duplicate of line 3 (1.00)"),
        "{}",
        lines[3]
    );
}

/// A blog headline and a line that quotes it whole (a dev page dump's
/// headline and, in place of its comment thread's heading "10 thoughts on
/// “...”", which the catalogue now names, a heading worded otherwise):
/// `--explain` keeps both and says the headline
/// resembles the heading without being its copy; the heading, with no copy
/// of its own, is a plain keep.
#[test]
fn explain_says_a_quoted_headline_resembles_its_quoting_line_but_is_no_copy() {
    let page = "Business Focus: It’s Why Some People Triumph Online and Others Never Make It\n\n\
                Business focus is why some people are able to build the online business they dream of while others think about it … but never actually create it?\n\n\
                Readers respond to “Business Focus: It’s Why Some People Triumph Online and Others Never Make It”\n";
    let dir = tree(&[("post.txt", page)]);
    let output = dedupe(dir.path(), &["--explain", "post.txt"]);
    assert_eq!(code(&output), 0);
    let lines: Vec<String> = stdout(&output).lines().map(String::from).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines[0].contains("keep    resembles line 5, but is no copy of it"),
        "{}",
        lines[0]
    );
    assert!(lines[2].starts_with("      5  keep  "), "{}", lines[2]);
    assert!(!lines[2].contains("most complete"), "{}", lines[2]);
}

#[test]
fn a_missing_or_binary_file_is_one_line_and_exit_2() {
    let dir = tree(&[("binary.txt", "text\0more")]);
    for (name, problem) in [("missing.txt", "no such file"), ("binary.txt", "binary")] {
        let output = dedupe(dir.path(), &[name]);
        assert_eq!(code(&output), 2, "{name}");
        let err = stderr(&output);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(name) && err.contains(problem), "{err}");
    }
    assert_eq!(listing(dir.path()), ["binary.txt"]);
}

#[test]
fn an_unreadable_file_is_one_line_and_exit_2() {
    let dir = tree(&[("locked.txt", DIRTY)]);
    let path = dir.path().join("locked.txt");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        eprintln!("running as root: permissions do not stop reads, nothing to test");
        return;
    }
    let output = dedupe(dir.path(), &["--check", "locked.txt"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("locked.txt: permission denied"));
}

// ---- folders (issue 3) ----

#[test]
fn a_folder_without_a_mode_is_an_error_naming_the_flags() {
    let dir = tree(&[("in/a.txt", DIRTY)]);
    let output = dedupe(dir.path(), &["in"]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    for flag in ["--check", "--diff", "--in-place", "--out-dir"] {
        assert!(err.contains(flag), "{err}");
    }
    assert_eq!(listing(dir.path()), ["in/a.txt"]);
}

#[test]
fn walks_skip_hidden_ignored_excluded_and_own_outputs_in_order() {
    let dir = tree(&[
        ("in/b.txt", DIRTY),
        ("in/a.md", DIRTY),
        ("in/z/c.txt", DIRTY),
        ("in/notes.rst", DIRTY),
        ("in/.hidden.txt", DIRTY),
        ("in/.cache/d.txt", DIRTY),
        ("in/drafts/e.txt", DIRTY),
        ("in/build/f.txt", DIRTY),
        ("in/build/keep.txt", DIRTY),
        ("in/a.clean.md", DIRTY),
        ("in/b.diff", DIRTY),
        ("in/.gitignore", "build/*\n!build/keep.txt\n"),
    ]);
    let checked = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["--check", "--format", "json", "in"];
        args.extend(extra);
        let output = dedupe(dir.path(), &args);
        assert_eq!(code(&output), 1, "{}", stderr(&output));
        stdout(&output)
            .lines()
            .map(|line| {
                let value: serde_json::Value = serde_json::from_str(line).unwrap();
                value["path"].as_str().unwrap().to_string()
            })
            .collect()
    };
    assert_eq!(
        checked(&[]),
        [
            "in/a.md",
            "in/b.txt",
            "in/build/keep.txt",
            "in/drafts/e.txt",
            "in/z/c.txt"
        ]
    );
    assert_eq!(
        checked(&["--exclude", "drafts", "--include", "*.txt"]),
        ["in/b.txt", "in/build/keep.txt", "in/z/c.txt"]
    );
    assert_eq!(
        checked(&["--hidden", "--no-ignore", "--include", "*.txt"]),
        [
            "in/.cache/d.txt",
            "in/.hidden.txt",
            "in/b.txt",
            "in/build/f.txt",
            "in/build/keep.txt",
            "in/drafts/e.txt",
            "in/z/c.txt"
        ]
    );
}

#[test]
fn symlinks_in_folders_are_not_followed_and_a_named_loop_fails_alone() {
    let dir = tree(&[("in/a.txt", CLEAN), ("elsewhere/b.txt", DIRTY)]);
    symlink(
        dir.path().join("elsewhere/b.txt"),
        dir.path().join("in/link.txt"),
    )
    .unwrap();
    symlink(
        dir.path().join("elsewhere"),
        dir.path().join("in/linked-folder"),
    )
    .unwrap();
    symlink("loop2.txt", dir.path().join("loop1.txt")).unwrap();
    symlink("loop1.txt", dir.path().join("loop2.txt")).unwrap();

    let output = dedupe(dir.path(), &["--check", "in"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(stderr(&output).contains("1 file checked, 0 would change"));

    let output = dedupe(dir.path(), &["--check", "loop1.txt", "in"]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(err.contains("loop1.txt: "), "{err}");
    assert!(
        err.contains("2 files checked, 0 would change, 1 failed"),
        "{err}"
    );
}

#[test]
fn diff_of_a_folder_is_one_patch_that_git_applies() {
    let dir = tree(&[
        ("in/a.txt", DIRTY),
        ("in/sub/b.txt", DIRTY),
        ("in/c.txt", CLEAN),
    ]);
    let output = dedupe(dir.path(), &["--diff", "in"]);
    assert_eq!(code(&output), 1);
    write(&dir.path().join("all.patch"), stdout(&output));
    let applied = Command::new("git")
        .args(["apply", "all.patch"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(applied.success());
    assert_eq!(read(dir.path().join("in/a.txt")), CLEANED);
    assert_eq!(read(dir.path().join("in/sub/b.txt")), CLEANED);
    assert_eq!(read(dir.path().join("in/c.txt")), CLEAN);
}

#[test]
fn a_file_named_twice_is_cleaned_once_whatever_the_mode() {
    let dir = tree(&[("in/a.txt", DIRTY), ("in/b.txt", DIRTY)]);
    symlink("a.txt", dir.path().join("in/link.txt")).unwrap();
    // The folder, then its files again by other names: `./`, `..`, a symlink.
    let names = ["in", "./in/a.txt", "in/../in/b.txt", "in/link.txt"];
    let with = |mode: &[&str]| {
        let mut args = mode.to_vec();
        args.extend(names);
        dedupe(dir.path(), &args)
    };

    let checked = with(&["--check"]);
    assert_eq!(code(&checked), 1, "{}", stderr(&checked));
    assert!(
        stderr(&checked).contains("2 files checked, 2 would change, 0 failed"),
        "{}",
        stderr(&checked)
    );

    // One patch, each file once, that git applies.
    let diff = with(&["--diff"]);
    assert_eq!(code(&diff), 1, "{}", stderr(&diff));
    assert_eq!(stdout(&diff).matches("\n+++ ").count(), 2);
    write(&dir.path().join("all.patch"), stdout(&diff));
    let applied = Command::new("git")
        .args(["apply", "--check", "all.patch"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(applied.success());

    let mirrored = with(&["--out-dir", "clean"]);
    assert_eq!(code(&mirrored), 0, "{}", stderr(&mirrored));
    assert_eq!(read(dir.path().join("clean/in/a.txt")), CLEANED);
    assert_eq!(read(dir.path().join("clean/in/b.txt")), CLEANED);

    // Rewritten once each: a second rewrite found the file changed and failed.
    let rewritten = with(&["--in-place"]);
    assert_eq!(code(&rewritten), 0, "{}", stderr(&rewritten));
    assert_eq!(read(dir.path().join("in/a.txt")), CLEANED);
    assert_eq!(read(dir.path().join("in/b.txt")), CLEANED);
}

#[test]
fn in_place_is_atomic_keeps_permissions_and_leaves_clean_files_alone() {
    let dir = tree(&[("in/dirty.txt", DIRTY), ("in/clean.txt", CLEAN)]);
    let dirty = dir.path().join("in/dirty.txt");
    let clean = dir.path().join("in/clean.txt");
    fs::set_permissions(&dirty, fs::Permissions::from_mode(0o640)).unwrap();
    let (dirty_inode, clean_inode) = (inode(&dirty), inode(&clean));

    let output = dedupe(dir.path(), &["--in-place", "in"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(read(&dirty), CLEANED);
    assert_eq!(fs::metadata(&dirty).unwrap().mode() & 0o777, 0o640);
    // A new file renamed over the old one; the clean file was not touched.
    assert_ne!(inode(&dirty), dirty_inode);
    assert_eq!(inode(&clean), clean_inode);
    assert_eq!(listing(dir.path()), ["in/clean.txt", "in/dirty.txt"]);

    let again = dedupe(dir.path(), &["--check", "in"]);
    assert_eq!(code(&again), 0, "idempotent");
}

fn inode(path: &Path) -> u64 {
    fs::metadata(path).unwrap().ino()
}

#[test]
fn out_dir_mirrors_the_tree_and_never_escapes() {
    let dir = tree(&[
        ("in/a.txt", DIRTY),
        ("in/sub/b.txt", CLEAN),
        ("work/.keep", ""),
    ]);
    let work = dir.path().join("work");
    let output = dedupe(&work, &["--out-dir", "out", "../in"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        listing(&work.join("out")),
        [
            "in/a.txt",
            "in/a.txt.diff",
            "in/sub/b.txt",
            "in/sub/b.txt.diff"
        ]
    );
    assert_eq!(read(work.join("out/in/a.txt")), CLEANED);
    assert!(read(work.join("out/in/a.txt.diff")).contains(&format!("-{REPEATED}")));
    // Inputs untouched, nothing written beside them.
    assert_eq!(read(dir.path().join("in/a.txt")), DIRTY);
    assert_eq!(listing(&dir.path().join("in")), ["a.txt", "sub/b.txt"]);

    // An out-dir inside the walked folder is not read back in.
    let output = dedupe(dir.path(), &["--out-dir", "in/out", "in"]);
    assert_eq!(code(&output), 0);
    assert!(
        stderr(&output).contains("2 files checked, 1 changed"),
        "{}",
        stderr(&output)
    );
    let output = dedupe(dir.path(), &["--out-dir", "in/out", "in"]);
    assert!(
        stderr(&output).contains("2 files checked"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let mut files = Vec::new();
    for index in 0..60 {
        let text = match index % 3 {
            0 => DIRTY.replace("Monday", &format!("day {index}")),
            1 => CLEAN.to_string(),
            _ => format!("{CLEAN}\nRead more at Example.com\n"),
        };
        files.push((format!("in/{}/f{index}.txt", index % 7), text));
    }
    files.push(("in/bad.txt".to_string(), "bin\0ary".to_string()));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = tree(&refs);
    for format in ["text", "json", "github", "sarif"] {
        let run = |threads: &str| {
            dedupe(
                dir.path(),
                &["--check", "-j", threads, "--format", format, "in"],
            )
        };
        let (one, four) = (run("1"), run("4"));
        assert_eq!(code(&one), 2);
        assert_eq!(one.stdout, four.stdout, "{format} stdout");
        assert_eq!(one.stderr, four.stderr, "{format} stderr");
    }
    for threads in ["1", "4"] {
        let output = dedupe(
            dir.path(),
            &["-j", threads, "--out-dir", &format!("out{threads}"), "in"],
        );
        assert_eq!(code(&output), 2);
    }
    let out1 = listing(&dir.path().join("out1"));
    assert_eq!(out1, listing(&dir.path().join("out4")));
    assert_eq!(out1.len(), 120);
    for file in out1 {
        assert_eq!(
            fs::read(dir.path().join("out1").join(&file)).unwrap(),
            fs::read(dir.path().join("out4").join(&file)).unwrap()
        );
    }
}

#[test]
fn no_progress_bar_or_colour_when_piped() {
    let files: Vec<(String, &str)> = (0..120)
        .map(|i| (format!("in/{i:03}.txt"), CLEAN))
        .collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let dir = tree(&refs);
    let output = dedupe(dir.path(), &["--check", "in"]);
    assert_eq!(code(&output), 0);
    assert_eq!(
        stderr(&output),
        "120 files checked, 0 would change, 0 failed; 0 paragraphs would be removed\n"
    );
    let quiet = dedupe(dir.path(), &["--check", "-q", "in"]);
    assert_eq!(stderr(&quiet), "");
}

#[test]
fn json_report_carries_every_field() {
    let dir = tree(&[("in/a.txt", DIRTY), ("in/b.txt", CLEAN)]);
    let output = dedupe(dir.path(), &["--check", "--format", "json", "in"]);
    assert_eq!(code(&output), 1);
    let objects: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(objects.len(), 2);
    let a = &objects[0];
    assert_eq!(a["path"], "in/a.txt");
    assert_eq!(a["status"], "changed");
    assert_eq!(a["paragraphs"]["before"], 4);
    assert_eq!(a["paragraphs"]["after"], 3);
    let removal = &a["removals"][0];
    assert_eq!(removal["lines"]["start"], 7);
    assert_eq!(removal["lines"]["end"], 7);
    assert_eq!(removal["rule"], "exact-duplicate");
    assert_eq!(removal["kept_line"], 3);
    assert_eq!(removal["similarity"], 1.0);
    assert!(a["diff"].as_str().unwrap().starts_with("--- a/in/a.txt"));
    assert_eq!(objects[1]["status"], "unchanged");
    assert_eq!(objects[1]["removals"].as_array().unwrap().len(), 0);
}

#[test]
fn sarif_report_has_the_required_fields() {
    let dir = tree(&[("in/a.txt", DIRTY), ("in/bad.txt", "\0")]);
    let output = dedupe(dir.path(), &["--check", "--format", "sarif", "in"]);
    assert_eq!(code(&output), 2);
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "dedupe");
    assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "exact-duplicate");
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "exact-duplicate");
    assert_eq!(result["ruleIndex"], 0);
    assert_eq!(result["level"], "warning");
    assert!(
        result["message"]["text"]
            .as_str()
            .unwrap()
            .contains("line 3")
    );
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "in/a.txt");
    assert_eq!(location["region"]["startLine"], 7);
    assert_eq!(location["region"]["endLine"], 7);
    // Every result names its rule in the tool's list by index; the list
    // holds every rule the run can report, the normalization note's too.
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"boilerplate/read-more") && ids.contains(&"normalize"));
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert!(
        invocation["toolExecutionNotifications"][0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("in/bad.txt")
    );
}

#[test]
fn github_annotations_are_well_formed() {
    let dir = tree(&[("in/a, b.txt", DIRTY), ("in/bad.txt", "\0")]);
    let output = dedupe(dir.path(), &["--check", "--format", "github", "in"]);
    assert_eq!(code(&output), 2);
    assert_eq!(
        stdout(&output),
        "::warning file=in/a%2C b.txt,line=7,endLine=7,title=dedupe exact-duplicate::\
         dedupe would remove this paragraph: exact-duplicate of line 3 (1.00): \
         \"The council approved the new budget for the coming...\"\n\
         ::error file=in/bad.txt::binary file (contains NUL bytes), skipped\n"
    );
}

#[test]
fn bad_files_never_stop_a_batch() {
    let dir = tree(&[
        ("in/a-binary.txt", "text\0"),
        ("in/b-big.txt", &CLEAN.repeat(100)),
        ("in/c-good.txt", DIRTY),
        ("in/d-latin1.txt", ""),
    ]);
    write(
        &dir.path().join("in/d-latin1.txt"),
        b"Caf\xe9 society\n\nIt was a very good caf\xe9 in the old town.\n",
    );
    let output = dedupe(
        dir.path(),
        &["--in-place", "--max-size", "1K", "in", "missing.txt"],
    );
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 6, "{err}");
    assert!(lines[0].contains("in/a-binary.txt: binary"), "{err}");
    assert!(
        lines[1].contains("in/b-big.txt: larger than --max-size"),
        "{err}"
    );
    assert!(
        lines[2].starts_with("in/c-good.txt: removed 1 of 4"),
        "{err}"
    );
    assert!(
        lines[3].contains("warning: in/d-latin1.txt: not valid UTF-8, read as Windows-1252"),
        "{err}"
    );
    // Nothing to clean in it, and it keeps its encoding: it is not rewritten.
    assert!(lines[4].contains("missing.txt: no such file"), "{err}");
    assert!(
        lines[5].starts_with("5 files checked, 1 changed, 3 failed"),
        "{err}"
    );
    // The good files were cleaned; the bad ones are untouched.
    assert_eq!(read(dir.path().join("in/c-good.txt")), CLEANED);
    assert_eq!(
        fs::read(dir.path().join("in/d-latin1.txt")).unwrap(),
        b"Caf\xe9 society\n\nIt was a very good caf\xe9 in the old town.\n"
    );
    assert_eq!(
        fs::read(dir.path().join("in/a-binary.txt")).unwrap(),
        b"text\0"
    );
    assert_eq!(read(dir.path().join("in/b-big.txt")), CLEAN.repeat(100));
}

// ---- config ----

#[test]
fn config_is_found_upward_and_flags_override_it() {
    let dir = tree(&[
        ("project/dedupe.toml", "[thresholds]\nmin_words = 50\n"),
        ("project/articles/a.txt", DIRTY),
    ]);
    let articles = dir.path().join("project/articles");
    // min_words = 50 protects the 14-word duplicate.
    assert_eq!(code(&dedupe(&articles, &["--check", "a.txt"])), 0);
    assert_eq!(
        code(&dedupe(
            &articles,
            &["--check", "--min-words", "6", "a.txt"]
        )),
        1
    );
    assert_eq!(
        code(&dedupe(&articles, &["--check", "--isolated", "a.txt"])),
        1
    );

    write(
        &dir.path().join("other.toml"),
        "[rules]\nignore = [\"exact-duplicate\"]\n",
    );
    let output = dedupe(
        &articles,
        &["--check", "--config", "../../other.toml", "a.txt"],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
}

#[test]
fn hidden_config_name_and_its_globs() {
    let dir = tree(&[
        (
            ".dedupe.toml",
            "include = [\"*.article\"]\nexclude = [\"old\"]\n",
        ),
        ("in/a.article", DIRTY),
        ("in/b.txt", DIRTY),
        ("in/old/c.article", DIRTY),
    ]);
    let output = dedupe(dir.path(), &["--check", "in"]);
    assert_eq!(code(&output), 1);
    assert!(
        stderr(&output).contains("1 file checked"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).contains("a/in/a.article"));
}

#[test]
fn config_patterns_remove_paragraphs_under_their_own_rule_id() {
    let footer =
        "The Riverside Gazette is published by Harbour Media Group, 14 Quay Street, Bristol.";
    let article = format!("{CLEAN}\n{footer}\n");
    let dir = tree(&[
        (
            "dedupe.toml",
            "[[rules.patterns]]\nrule = \"site/gazette-footer\"\npattern = \"the riverside gazette is published by .*\"\n",
        ),
        ("a.txt", &article),
    ]);
    let output = dedupe(dir.path(), &["--stdout", "a.txt"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(stdout(&output), CLEAN);
    assert!(
        stderr(&output).contains("1 site/gazette-footer"),
        "{}",
        stderr(&output)
    );

    write(
        &dir.path().join("dedupe.toml"),
        "[[rules.patterns]]\nrule = \"site/broken\"\npattern = \"(unclosed\"\n",
    );
    let output = dedupe(dir.path(), &["--stdout", "a.txt"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("site/broken"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn config_errors_name_the_file_and_key() {
    let dir = tree(&[
        ("dedupe.toml", "[thresholds]\nmin_word = 3\n"),
        ("a.txt", DIRTY),
    ]);
    let output = dedupe(dir.path(), &["--check", "a.txt"]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(
        err.contains("dedupe.toml") && err.contains("min_word"),
        "{err}"
    );

    let output = dedupe(dir.path(), &["--check", "--config", "nope.toml", "a.txt"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("nope.toml"));
}

// ---- ecosystem ----

#[test]
fn completions_and_man_page_come_from_the_clap_definition() {
    let dir = tempfile::tempdir().unwrap();
    let bash = dedupe(dir.path(), &["--generate", "completion-bash"]);
    assert_eq!(code(&bash), 0);
    assert!(stdout(&bash).contains("--in-place"));
    let man = dedupe(dir.path(), &["--generate", "man"]);
    assert_eq!(code(&man), 0);
    assert!(stdout(&man).starts_with(".ie"), "{}", &stdout(&man)[..40]);
    assert!(stdout(&man).contains("out\\-dir"));
    assert!(stdout(&man).contains(".SH \"EXIT STATUS\""));
    assert!(stdout(&man).contains(".SH EXAMPLES"));
}

// ---- pre-commit and named files (issue 10, problem 4) ----

/// Fifteen staged files that share a site footer: the answer is the same in
/// one process or split across two, as pre-commit may split them.
#[test]
fn named_files_give_one_answer_however_they_are_split() {
    let footer = "Example Media Group publishes local news for the valley every weekday morning.";
    let files: Vec<(String, String)> = (0..15)
        .map(|i| {
            (
                format!("a{i:02}.txt"),
                format!("Story {i}\n\nThe story number {i} is told here in a paragraph of its own words.\n\nIts second paragraph, number {i} too, adds a quote from a local witness.\n\n{footer}\n"),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = tree(&refs);
    let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    let check = |names: &[&str]| {
        let mut args = vec!["--check"];
        args.extend_from_slice(names);
        dedupe(dir.path(), &args)
    };
    let whole = check(&names);
    let (first, second) = (check(&names[..8]), check(&names[8..]));
    assert_eq!(code(&whole), 0, "{}", stderr(&whole));
    assert_eq!((code(&first), code(&second)), (0, 0));

    // Asked for in the config, corpus rules run on named files too.
    write(
        &dir.path().join("dedupe.toml"),
        "[corpus]\nenabled = true\n",
    );
    let configured = check(&names);
    assert_eq!(code(&configured), 1, "{}", stderr(&configured));
    assert!(
        stderr(&configured).contains("corpus-boilerplate"),
        "{}",
        stderr(&configured)
    );
}

#[test]
fn force_exclude_applies_the_config_excludes_to_named_files() {
    let dir = tree(&[
        ("dedupe.toml", "exclude = [\"drafts/**\"]\n"),
        ("drafts/a.txt", DIRTY),
    ]);
    let forced = dedupe(dir.path(), &["--check", "--force-exclude", "drafts/a.txt"]);
    assert_eq!(code(&forced), 0, "{}", stderr(&forced));
    assert_eq!(stdout(&forced), "");
    let named = dedupe(dir.path(), &["--check", "./drafts/a.txt"]);
    assert_eq!(code(&named), 1, "{}", stderr(&named));
}

#[test]
fn the_pre_commit_hooks_run_serially_and_force_excludes() {
    let hooks = fixture("../.pre-commit-hooks.yaml");
    let entries: Vec<&str> = hooks
        .lines()
        .filter(|l| l.trim_start().starts_with("entry:"))
        .collect();
    assert_eq!(entries.len(), 2);
    for entry in entries {
        assert!(entry.contains("--force-exclude"), "{entry}");
    }
    assert_eq!(hooks.matches("require_serial: true").count(), 2);
    assert!(!hooks.contains(r"files: \.(txt|md)$"));
}

#[test]
fn rules_lists_the_registry_and_explains_one_rule() {
    let dir = tempfile::tempdir().unwrap();
    let list = dedupe(dir.path(), &["rules"]);
    assert_eq!(code(&list), 0);
    let listed = stdout(&list);
    assert_eq!(listed.lines().count(), 27, "{listed}");
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("boilerplate/site-footer") && l.contains("default"))
    );
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("boilerplate/credits") && l.contains("opt-in"))
    );
    let one = dedupe(dir.path(), &["rules", "boilerplate/share"]);
    assert_eq!(code(&one), 0);
    assert!(
        stdout(&one).contains("--ignore boilerplate/share"),
        "{}",
        stdout(&one)
    );
    let typo = dedupe(dir.path(), &["rules", "boilerplate/shar"]);
    assert_eq!(code(&typo), 2);
    assert!(stderr(&typo).contains("did you mean `boilerplate/share`?"));
}

#[test]
fn color_follows_the_flag_then_the_environment() {
    let dir = tree(&[("a.txt", DIRTY)]);
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dedupe"));
        command.args(args).arg("a.txt").current_dir(dir.path());
        command.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
        command.envs(env.iter().copied());
        let output = command.output().unwrap();
        String::from_utf8(output.stdout).unwrap() + &String::from_utf8(output.stderr).unwrap()
    };
    let escape = "\x1b[";
    assert!(!run(&["--diff"], &[]).contains(escape), "piped: no colour");
    assert!(run(&["--diff", "--color", "always"], &[]).contains(escape));
    assert!(run(&["--diff"], &[("CLICOLOR_FORCE", "1")]).contains(escape));
    assert!(!run(&["--diff"], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains(escape));
    assert!(!run(&["--diff", "--color", "never"], &[("CLICOLOR_FORCE", "1")]).contains(escape));
}

#[test]
fn walks_honour_dot_ignore_and_git_info_exclude() {
    let dir = tree(&[
        ("repo/.git/info/exclude", "private/\n"),
        ("repo/.ignore", "generated.txt\n"),
        ("repo/a.txt", DIRTY),
        ("repo/generated.txt", DIRTY),
        ("repo/private/b.txt", DIRTY),
    ]);
    let output = dedupe(dir.path(), &["--check", "--format", "json", "repo"]);
    let checked: Vec<String> = stdout(&output)
        .lines()
        .map(|line| {
            serde_json::from_str::<serde_json::Value>(line).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(checked, ["repo/a.txt"]);
    let all = dedupe(
        dir.path(),
        &["--check", "--no-ignore", "--format", "json", "repo"],
    );
    assert_eq!(stdout(&all).lines().count(), 3);
}

#[test]
fn github_format_writes_a_step_summary_with_rule_counts_and_files() {
    let dir = tree(&[
        ("in/a.txt", DIRTY),
        ("in/b.txt", CLEAN),
        ("summary.md", "earlier step\n"),
    ]);
    let output = Command::new(env!("CARGO_BIN_EXE_dedupe"))
        .args(["--check", "--format", "github", "in"])
        .current_dir(dir.path())
        .env("GITHUB_STEP_SUMMARY", dir.path().join("summary.md"))
        .output()
        .unwrap();
    assert_eq!(code(&output), 1);
    let summary = read(dir.path().join("summary.md"));
    assert!(
        summary.starts_with("earlier step\n## dedupe\n"),
        "{summary}"
    );
    assert!(summary.contains("| `exact-duplicate` | 1 |"), "{summary}");
    assert!(summary.contains("| `in/a.txt` | 1 |"), "{summary}");
    assert!(!summary.contains("in/b.txt"), "{summary}");
}

/// The README's `dedupe.toml` example, verbatim, does what it says: its
/// pattern removes the line it was written for, under its own rule id.
#[test]
fn the_readme_config_example_runs_verbatim() {
    let readme = fixture("../README.md");
    let start = readme
        .find("```toml\n")
        .expect("a toml block in the README")
        + "```toml\n".len();
    let config = &readme[start..start + readme[start..].find("```").unwrap()];
    let article = format!(
        "Council passes budget\n\n{REPEATED}\n\nDownload the Example News app for iPhone and Android.\n"
    );
    let dir = tree(&[("dedupe.toml", config), ("a.txt", &article)]);
    let output = dedupe(dir.path(), &["--check", "--format", "json", "a.txt"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    let rules: Vec<&str> = report["removals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|removal| removal["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["site/promo"]);
}

// ---- the page model (issue 14) ----

/// `dedupe train` writes a model; `--model FILE` uses it in place of the
/// built-in one, and `--ignore page-model` turns the rule off whatever the
/// model.
#[test]
fn train_writes_a_model_and_model_uses_it() {
    let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/page_model");
    let dir = tempfile::tempdir().unwrap();
    let train = |out: &str| {
        let (raw, clean) = (pages.join("in"), pages.join("gold"));
        let args = [
            "train",
            "--raw",
            raw.to_str().unwrap(),
            "--clean",
            clean.to_str().unwrap(),
            "-o",
            out,
        ];
        let trained = dedupe(dir.path(), &args);
        assert_eq!(code(&trained), 0, "{}", stderr(&trained));
        fs::read(dir.path().join(out)).unwrap()
    };
    assert!(
        train("site.model") == train("again.model"),
        "the same pages train the same bytes"
    );
    let page = fs::read_dir(pages.join("in"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .min()
        .unwrap();
    let rules_of = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--check", "--format", "json"];
        all.extend_from_slice(args);
        all.push(page.to_str().unwrap());
        let output = dedupe(dir.path(), &all);
        let report: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
        report["removals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|removal| removal["rule"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        !rules_of(&["--ignore", "page-model"])
            .iter()
            .any(|rule| rule == "page-model")
    );
    assert!(
        rules_of(&["--model", "site.model"])
            .iter()
            .any(|rule| rule == "page-model")
    );
    assert!(
        !rules_of(&["--model", "site.model", "--ignore", "page-model"])
            .iter()
            .any(|rule| rule == "page-model")
    );
}

/// `dedupe train` reads its pages as a batch cleans them: a pair it cannot
/// read (here a binary page, and a FIFO, which it must not open) is an
/// error naming the file and is left out,
/// a page with no clean twin is counted in a warning, and the model comes
/// from the rest, with exit code 2: the same bytes as from the good pairs
/// alone.
#[test]
fn train_leaves_out_a_pair_it_cannot_read_and_says_which() {
    let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/page_model");
    let dir = tempfile::tempdir().unwrap();
    for side in ["in", "gold"] {
        fs::create_dir(dir.path().join(side)).unwrap();
        for entry in fs::read_dir(pages.join(side)).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(&path, dir.path().join(side).join(path.file_name().unwrap())).unwrap();
        }
    }
    let train = |out: &str| {
        let args = ["train", "--raw", "in", "--clean", "gold", "-o", out];
        let trained = dedupe(dir.path(), &args);
        (code(&trained), stderr(&trained))
    };
    let (good, _) = train("good.model");
    assert_eq!(good, 0);
    fs::write(dir.path().join("in/binary.txt"), b"Menu\n\n\0\x01\n").unwrap();
    fs::write(dir.path().join("gold/binary.txt"), "Menu\n").unwrap();
    fs::write(
        dir.path().join("in/orphan.txt"),
        "A page with no clean twin.\n",
    )
    .unwrap();
    // A FIFO with no writer: opening it would block forever.
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("in/pipe.txt"))
        .status()
        .unwrap();
    assert!(status.success());
    fs::write(dir.path().join("gold/pipe.txt"), "Menu\n").unwrap();
    let (exit, message) = train("with-bad.model");
    assert_eq!(exit, 2, "{message}");
    assert!(
        message.contains("dedupe: error: in/binary.txt: binary file"),
        "{message}"
    );
    assert!(
        message.contains("dedupe: error: in/pipe.txt: is a named pipe"),
        "{message}"
    );
    assert!(
        message.contains("dedupe: warning: in: 1 page with no file of the same name in gold, not used (the first: orphan.txt)"),
        "{message}"
    );
    assert_eq!(
        fs::read(dir.path().join("with-bad.model")).unwrap(),
        fs::read(dir.path().join("good.model")).unwrap(),
        "trained from the good pairs alone"
    );
    // JSONL the same way: a line that is not a pair is an error naming it,
    // and both files train the same model.
    let mut names: Vec<_> = fs::read_dir(pages.join("in"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    names.sort();
    let pair = |name: &std::ffi::OsString| {
        let read = |side: &str| fs::read_to_string(pages.join(side).join(name)).unwrap();
        serde_json::json!({"raw": read("in"), "clean": read("gold")}).to_string()
    };
    let good: Vec<String> = names.iter().map(pair).collect();
    let mut with_bad = good.clone();
    with_bad.insert(1, "not a pair".to_string());
    with_bad.insert(3, r#"{"raw": "Menu"}"#.to_string());
    // A byte-order mark before the first pair is not part of it.
    fs::write(
        dir.path().join("good.jsonl"),
        format!("\u{feff}{}\n", good.join("\n")),
    )
    .unwrap();
    fs::write(dir.path().join("bad.jsonl"), with_bad.join("\n") + "\n").unwrap();
    let jsonl = |input: &str, out: &str| {
        let trained = dedupe(dir.path(), &["train", "--jsonl", input, "-o", out]);
        (code(&trained), stderr(&trained))
    };
    assert_eq!(jsonl("good.jsonl", "good-jsonl.model").0, 0);
    let (exit, message) = jsonl("bad.jsonl", "bad-jsonl.model");
    assert_eq!(exit, 2, "{message}");
    assert!(
        message.contains("dedupe: error: bad.jsonl:2: "),
        "{message}"
    );
    assert!(
        message.contains("dedupe: error: bad.jsonl:4: no string field `clean`"),
        "{message}"
    );
    assert_eq!(
        fs::read(dir.path().join("bad-jsonl.model")).unwrap(),
        fs::read(dir.path().join("good-jsonl.model")).unwrap(),
    );
}

/// The line under the paragraph of `explained` (`--explain`'s output) whose
/// line `decision` picks: the page model's reading of it.
fn reading_under(explained: &str, decision: impl Fn(&str) -> bool) -> &str {
    let at = explained
        .lines()
        .position(decision)
        .unwrap_or_else(|| panic!("{explained}"));
    explained.lines().nth(at + 1).unwrap().trim_start()
}

/// `--explain` also says why the page model left a line it read in a noise
/// run: here a question's title, the page's headline (the top of a real
/// Stack Overflow page), under a model that reads all but prose as noise.
#[test]
fn explain_says_why_the_page_model_left_a_line_of_a_noise_run() {
    let mut model = dedupe::PageModel {
        bias: 5.0,
        ..dedupe::PageModel::untrained(12)
    };
    let prose = dedupe::PAGE_MODEL_DENSE_FEATURES
        .iter()
        .position(|&name| name == "prose")
        .unwrap();
    model.dense[prose] = -10.0;
    let dir = tempfile::tempdir().unwrap();
    let page = include_str!("page_model/question-top.txt");
    fs::write(dir.path().join("page.txt"), page).unwrap();
    fs::write(dir.path().join("site.model"), model.to_bytes()).unwrap();
    let args = ["--model", "site.model", "--explain", "page.txt"];
    let explained = stdout(&dedupe(dir.path(), &args));
    let reading = reading_under(&explained, |line| {
        line.contains("keep") && line.contains("Why is \"except")
    });
    assert!(
        reading.starts_with("read in a noise run, lines ")
            && reading.contains("; left as the page's headline; weighed most: "),
        "{explained}"
    );
    assert!(explained.contains("remove  page-model"), "{explained}");
}

/// `--explain` and the JSON report say why the page model removed a
/// paragraph: its probability, the run it was read in, and the features
/// that weighed most.
#[test]
fn explain_and_json_give_the_page_models_reasons() {
    let page = page_with_comments();
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("page.txt"), format!("{page}\n")).unwrap();
    let args = ["--explain", "page.txt"];
    let explained = stdout(&dedupe(dir.path(), &args));
    let reading = reading_under(&explained, |line| {
        line.contains("remove  page-model (") && line.ends_with("Politics")
    });
    assert!(
        reading.starts_with("read in a noise run, lines 3-")
            && reading.contains("; weighed most: "),
        "{reading}"
    );
    let args = [
        "--extend-select",
        "page-model",
        "--check",
        "--format",
        "json",
        "page.txt",
    ];
    let report: serde_json::Value =
        serde_json::from_str(stdout(&dedupe(dir.path(), &args)).trim()).unwrap();
    let removal = report["removals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|removal| removal["text"] == "Politics")
        .unwrap();
    assert_eq!(removal["rule"], "page-model");
    assert!(removal["similarity"].as_f64().unwrap() > 0.5, "{removal}");
    let reading = &removal["page_model"];
    assert_eq!(reading["run"]["start"], 3, "{removal}");
    assert_eq!(reading["run_is_noise"], true);
    let features = reading["features"].as_array().unwrap();
    assert!(
        (1..=5).contains(&features.len())
            && features
                .iter()
                .all(|f| f["name"].is_string() && f["weight"].is_f64()),
        "{removal}"
    );
    // Rules that are not the model carry no reading.
    let args = [
        "--check",
        "--format",
        "json",
        "--ignore",
        "page-model",
        "page.txt",
    ];
    let report = stdout(&dedupe(dir.path(), &args));
    assert!(!report.contains("page_model"), "{report}");
}
