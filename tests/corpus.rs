//! Corpus mode through the real binary: site boilerplate learnt across a
//! folder or a JSONL corpus, its precision guards, determinism, and the
//! sharded recipe (`--write-table`, `--merge-tables`, `--table`).

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// A site footer in words no built-in rule knows.
const FOOTER: &str =
    "The Riverside Gazette is published by Harbour Media Group, 14 Quay Street, Bristol.";

/// Topics, so that the articles say different things.
const TOPICS: [&str; 12] = [
    "the new ferry timetable",
    "the lifeboat station appeal",
    "the harbour wall repairs",
    "the fish market reopening",
    "the summer regatta",
    "the bridge closure",
    "the library extension",
    "the school swimming gala",
    "the flood defence scheme",
    "the allotment waiting list",
    "the museum night opening",
    "the cycle lane consultation",
];

/// Article `n`: a headline, three paragraphs of its own, and `tail` (a footer).
fn article(n: usize, tail: &str) -> String {
    let topic = TOPICS[n % TOPICS.len()];
    format!(
        "Residents react to {topic}\n\n\
         Councillors met on Tuesday evening to discuss {topic}, which has divided opinion across the town for months.\n\n\
         Shopkeepers on the quay said {topic} would change how visitors reach them, for better or worse, by the autumn.\n\n\
         A final decision on {topic} is expected in March, after a public meeting at the town hall in story {n}.\n\n\
         {tail}\n"
    )
}

/// One article syndicated to many sites: the same paragraphs each time.
const SYNDICATED: &str = "Storm closes the coastal path\n\n\
The coastal path between the two villages was closed on Sunday after a landslip brought down part of the cliff.\n\n\
Walkers were told to use the inland route, which adds about three miles, until engineers have surveyed the site.\n\n\
The council said it could not yet say when the path would reopen, but hoped to have news within a fortnight.\n";

fn dedupe(cwd: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dedupe"))
        .args(args)
        .current_dir(cwd)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dedupe");
    if let Some(text) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().unwrap();
        pipe.write_all(text.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A temporary folder with `files` under `in/`, named `NN.txt` in order.
fn folder(files: &[String]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("in")).unwrap();
    for (n, contents) in files.iter().enumerate() {
        fs::write(dir.path().join(format!("in/{n:02}.txt")), contents).unwrap();
    }
    dir
}

/// `--format json` removals of every file: (file, rule, documents).
fn removals(output: &Output) -> Vec<(String, String, Option<u64>)> {
    text(&output.stdout)
        .lines()
        .flat_map(|line| {
            let file: serde_json::Value = serde_json::from_str(line).unwrap();
            let path = file["path"].as_str().unwrap().to_string();
            file["removals"]
                .as_array()
                .unwrap()
                .iter()
                .map(|removal| {
                    (
                        path.clone(),
                        removal["rule"].as_str().unwrap().to_string(),
                        removal["documents"].as_u64(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_site_footer_across_12_files_is_removed_and_the_report_says_how_many_share_it() {
    let files: Vec<String> = (0..12).map(|n| article(n, FOOTER)).collect();
    let dir = folder(&files);
    let json = dedupe(dir.path(), &["--check", "--format", "json", "in"], None);
    assert_eq!(json.status.code(), Some(1), "{}", text(&json.stderr));
    let found = removals(&json);
    assert_eq!(found.len(), 12);
    for (_, rule, documents) in &found {
        assert_eq!(
            (rule.as_str(), *documents),
            ("corpus-boilerplate", Some(12))
        );
    }

    let summary = dedupe(dir.path(), &["--check", "in"], None);
    let stderr = text(&summary.stderr);
    assert!(
        stderr.contains(
            "in/00.txt: would remove 1 of 5 paragraphs (1 corpus-boilerplate in 12 documents)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("corpus rules over 12 documents"),
        "{stderr}"
    );

    let off = dedupe(dir.path(), &["--check", "--no-corpus", "in"], None);
    assert_eq!(off.status.code(), Some(0), "{}", text(&off.stderr));
}

/// An author's note every article of the site ends with, in words no
/// built-in rule knows.
const AUTHOR_NOTE: &str =
    "Maria Lopez has reported on the harbour and the town council for the Gazette since 2015.";

/// A pasted copy of an article's own paragraph stands between the author's
/// note and the footer, so the note lies inside the article, not in its
/// closing run, and stays. Once the copy is removed the note closes the
/// clean copy, and a second run would take it. The first run reads the page
/// again and takes it, so the CI recipe (`--in-place`, then `--check`)
/// passes.
#[test]
fn a_copy_removed_at_the_end_leaves_nothing_for_a_second_run() {
    let files: Vec<String> = (0..12)
        .map(|n| {
            let topic = TOPICS[n % TOPICS.len()];
            let pasted = format!(
                "Councillors met on Tuesday evening to discuss {topic}, which has divided opinion across the town for months."
            );
            article(n, &format!("{AUTHOR_NOTE}\n\n{pasted}\n\n{FOOTER}"))
        })
        .collect();
    let dir = folder(&files);
    let fix = dedupe(dir.path(), &["--in-place", "in"], None);
    assert_eq!(fix.status.code(), Some(0), "{}", text(&fix.stderr));
    let check = dedupe(dir.path(), &["--check", "in"], None);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    for n in 0..12 {
        let clean = fs::read_to_string(dir.path().join(format!("in/{n:02}.txt"))).unwrap();
        assert!(
            !clean.contains(AUTHOR_NOTE) && !clean.contains(FOOTER),
            "{clean}"
        );
        assert!(
            clean.contains("Councillors met on Tuesday evening"),
            "{clean}"
        );
    }
}

#[test]
fn explain_against_a_table_names_the_documents() {
    let files: Vec<String> = (0..12).map(|n| article(n, FOOTER)).collect();
    let dir = folder(&files);
    let table = dedupe(dir.path(), &["-q", "--write-table", "site.dft", "in"], None);
    assert_eq!(table.status.code(), Some(0), "{}", text(&table.stderr));
    let explain = dedupe(
        dir.path(),
        &["--explain", "--table", "site.dft", "in/03.txt"],
        None,
    );
    let stdout = text(&explain.stdout);
    assert!(
        stdout.contains("remove  corpus-boilerplate (in 12 documents)"),
        "{stdout}"
    );
}

#[test]
fn a_paragraph_shared_by_two_files_is_kept() {
    let quotation =
        "\"We will not let the harbour die,\" the mayor told a packed meeting on Friday night.";
    let files: Vec<String> = (0..12)
        .map(|n| article(n, if n < 2 { quotation } else { "" }))
        .collect();
    let dir = folder(&files);
    let output = dedupe(dir.path(), &["--check", "--format", "json", "in"], None);
    assert!(removals(&output).is_empty(), "{}", text(&output.stdout));
}

#[test]
fn syndicated_copies_are_never_emptied() {
    // Six copies of one article among six others, all with the site footer.
    let mut files: Vec<String> = (0..6).map(|n| article(n, FOOTER)).collect();
    files.extend((0..6).map(|_| format!("{SYNDICATED}\n{FOOTER}\n")));
    let dir = folder(&files);
    // At a threshold the syndicated paragraphs reach, the copy guard keeps
    // them whole: nearly all of each copy recurs.
    let output = dedupe(
        dir.path(),
        &[
            "--check",
            "--format",
            "json",
            "--corpus-min-documents",
            "3",
            "in",
        ],
        None,
    );
    let found = removals(&output);
    assert!(found.iter().all(|(path, rule, documents)| {
        path < &"in/06".to_string() && rule == "corpus-boilerplate" && *documents == Some(12)
    }));
    assert_eq!(found.len(), 6, "{found:?}");
    // At the default threshold only the footer goes, from every file.
    let default = dedupe(dir.path(), &["--out-dir", "out", "in"], None);
    assert_eq!(default.status.code(), Some(0), "{}", text(&default.stderr));
    for n in 6..12 {
        let clean = fs::read_to_string(dir.path().join(format!("out/in/{n:02}.txt"))).unwrap();
        assert_eq!(clean, SYNDICATED);
    }
}

#[test]
fn results_do_not_depend_on_thread_count_or_file_order() {
    let files: Vec<String> = (0..24).map(|n| article(n, FOOTER)).collect();
    let dir = folder(&files);
    let reversed: Vec<String> = files.iter().rev().cloned().collect();
    let other = folder(&reversed);
    let run = |dir: &Path, threads: &str| {
        let output = dedupe(dir, &["-j", threads, "--out-dir", "out", "in"], None);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        output
    };
    let one = run(dir.path(), "1");
    let four = run(dir.path(), "4");
    let _ = run(other.path(), "4");
    assert_eq!(one.stderr, four.stderr);
    for n in 0..24 {
        let read =
            |dir: &Path, name: usize| fs::read(dir.join(format!("out/in/{name:02}.txt"))).unwrap();
        let clean = read(dir.path(), n);
        assert_eq!(clean, read(other.path(), 23 - n), "file {n}");
        assert!(!text(&clean).contains("Riverside Gazette"));
    }
}

#[test]
fn sharded_tables_merged_give_the_single_machine_result() {
    let files: Vec<String> = (0..18).map(|n| article(n, FOOTER)).collect();
    let dir = tempfile::tempdir().unwrap();
    for (n, contents) in files.iter().enumerate() {
        let shard = dir.path().join(format!("corpus/shard{}", n % 3));
        fs::create_dir_all(&shard).unwrap();
        fs::write(shard.join(format!("{n:02}.txt")), contents).unwrap();
    }
    let single = dedupe(dir.path(), &["--out-dir", "single", "corpus"], None);
    assert_eq!(single.status.code(), Some(0), "{}", text(&single.stderr));

    for shard in 0..3 {
        let (input, table) = (format!("corpus/shard{shard}"), format!("{shard}.dft"));
        let map = dedupe(dir.path(), &["-q", "--write-table", &table, &input], None);
        assert_eq!(map.status.code(), Some(0), "{}", text(&map.stderr));
    }
    let merge = dedupe(
        dir.path(),
        &["-q", "--merge-tables", "all.dft", "0.dft", "1.dft", "2.dft"],
        None,
    );
    assert_eq!(merge.status.code(), Some(0), "{}", text(&merge.stderr));
    for shard in 0..3 {
        let input = format!("corpus/shard{shard}");
        let clean = dedupe(
            dir.path(),
            &["--table", "all.dft", "--out-dir", "sharded", &input],
            None,
        );
        assert_eq!(clean.status.code(), Some(0), "{}", text(&clean.stderr));
    }
    for n in 0..18 {
        let path = format!("corpus/shard{}/{n:02}.txt", n % 3);
        let single = fs::read(dir.path().join("single").join(&path)).unwrap();
        let sharded = fs::read(dir.path().join("sharded").join(&path)).unwrap();
        assert_eq!(single, sharded, "{path}");
        assert!(!text(&single).contains("Riverside Gazette"));
    }
}

/// A JSONL corpus of the 12 articles: id first, the text, a field after it.
fn jsonl_corpus() -> Vec<String> {
    (0..12)
        .map(|n| {
            let text = serde_json::to_string(&article(n, FOOTER)).unwrap();
            format!(
                r#"{{"id": {n}, "text": {text}, "url": "https://example.org/{n}?a=1&b=caf\u00e9"}}"#
            )
        })
        .collect()
}

#[test]
fn jsonl_keeps_every_other_field_and_byte() {
    let input = jsonl_corpus().join("\n") + "\n";
    let dir = tempfile::tempdir().unwrap();
    let output = dedupe(
        dir.path(),
        &["--jsonl", "--field", "text", "--report", "report.jsonl"],
        Some(&input),
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let lines: Vec<String> = text(&output.stdout).lines().map(String::from).collect();
    assert_eq!(lines.len(), 12);
    for (n, line) in lines.iter().enumerate() {
        let expected_text = article(n, FOOTER).replace(&format!("\n\n{FOOTER}\n"), "\n");
        let cleaned = serde_json::to_string(&expected_text).unwrap();
        let expected = format!(
            r#"{{"id": {n}, "text": {cleaned}, "url": "https://example.org/{n}?a=1&b=caf\u00e9"}}"#
        );
        assert_eq!(line, &expected);
    }
    let report = fs::read_to_string(dir.path().join("report.jsonl")).unwrap();
    let first: serde_json::Value = serde_json::from_str(report.lines().next().unwrap()).unwrap();
    assert_eq!(first["line"], 1);
    assert_eq!(first["status"], "changed");
    assert_eq!(first["removals"][0]["rule"], "corpus-boilerplate");
    assert_eq!(first["removals"][0]["documents"], 12);
}

#[test]
fn malformed_jsonl_lines_are_reported_and_never_lost() {
    let mut lines = jsonl_corpus();
    lines.insert(3, r#"{"id": 99, "text": "cut off"#.to_string());
    lines.insert(7, r#"{"id": 98, "body": "no text field"}"#.to_string());
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    fs::write(&corpus, lines.join("\n") + "\n").unwrap();

    let passed = dedupe(dir.path(), &["--jsonl", "corpus.jsonl"], None);
    assert_eq!(passed.status.code(), Some(2));
    let stderr = text(&passed.stderr);
    assert!(
        stderr.contains("corpus.jsonl:4: not a JSON object"),
        "{stderr}"
    );
    assert!(
        stderr.contains("corpus.jsonl:8: no \"text\" field; passed through unchanged"),
        "{stderr}"
    );
    let out: Vec<String> = text(&passed.stdout).lines().map(String::from).collect();
    assert_eq!(out.len(), 14);
    assert_eq!(out[3], lines[3]);
    assert_eq!(out[7], lines[7]);

    let skipped = dedupe(dir.path(), &["--jsonl", "--skip-bad", "corpus.jsonl"], None);
    assert_eq!(skipped.status.code(), Some(0));
    assert!(text(&skipped.stderr).contains("warning: corpus.jsonl:4:"));
    assert_eq!(text(&skipped.stdout).lines().count(), 12);
}
