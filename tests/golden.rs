//! Golden tests: one folder per behaviour under `fixtures/`, compared byte for byte.
//!
//! Each `fixtures/<name>/` holds `input.txt`, the clean copy a careful human
//! would make (`expected.txt`) and the unified diff between them
//! (`expected.diff`, labelled `input.txt`). The seed article of SPEC §2 sits at
//! the top of `fixtures/` as `rudd-windrush.txt` with its `.expected.txt` and
//! `.expected.diff`. The expected files are data, read by people in review:
//! when the tool changes on purpose, re-bless them with
//!
//! ```text
//! BLESS=1 cargo test --test golden
//! ```
//!
//! and read the `git diff` of `fixtures/` before committing.
//!
//! Besides the comparison, every case checks two invariants that hold whatever
//! the tool does: cleaning the expected copy again changes nothing (ruff runs
//! every formatter fixture twice for the same reason), and `git apply` of the
//! expected diff to the input gives the expected copy, so the diff we ship is
//! one that real tools replay.
//!
//! A folder named in [`KNOWN_GAPS`] has a hand-written `expected.txt` that the
//! tool does not produce yet. It still runs, but a failure only prints a note
//! (straight to the terminal, past the test harness's capture) instead of
//! failing the build; BLESS leaves its `expected.txt` alone and only re-derives
//! its `expected.diff` from it; `GOLDEN_STRICT=1` makes it fail with the full
//! difference. Remove the name once the tool catches up.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Folders whose hand-written expectation the tool does not meet yet, with
/// what it gets wrong. Each entry is a bug for the library, not a fixture to
/// re-bless.
const KNOWN_GAPS: &[(&str, &str)] = &[];

/// One golden case: where its files live and the path its diff names.
struct Case {
    name: String,
    input: PathBuf,
    expected: PathBuf,
    expected_diff: PathBuf,
    diff_label: String,
}

impl Case {
    /// A behaviour folder `fixtures/<name>/`.
    fn folder(name: &str) -> Case {
        let dir = fixtures_dir().join(name);
        Case {
            name: name.to_string(),
            input: dir.join("input.txt"),
            expected: dir.join("expected.txt"),
            expected_diff: dir.join("expected.diff"),
            diff_label: "input.txt".to_string(),
        }
    }

    /// The seed article of SPEC §2, kept at the top of `fixtures/` where the
    /// README and the issue point to it.
    fn seed() -> Case {
        let dir = fixtures_dir();
        Case {
            name: "rudd-windrush".to_string(),
            input: dir.join("rudd-windrush.txt"),
            expected: dir.join("rudd-windrush.expected.txt"),
            expected_diff: dir.join("rudd-windrush.expected.diff"),
            diff_label: "rudd-windrush.txt".to_string(),
        }
    }
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// `GOLDEN_STRICT=1` fails known gaps too, with the full difference: the
/// switch for whoever is closing a gap.
fn strict() -> bool {
    std::env::var_os("GOLDEN_STRICT").is_some_and(|value| !value.is_empty() && value != "0")
}

/// `BLESS=1` rewrites the expected files from the tool's output.
fn blessing() -> bool {
    std::env::var_os("BLESS").is_some_and(|value| !value.is_empty() && value != "0")
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()))
}

fn read_text(path: &Path) -> String {
    String::from_utf8(read(path))
        .unwrap_or_else(|err| panic!("{} is not UTF-8: {err}", path.display()))
}

fn write(path: &Path, contents: &[u8]) {
    std::fs::write(path, contents)
        .unwrap_or_else(|err| panic!("cannot write {}: {err}", path.display()));
}

/// Writes a note to the real stderr, bypassing libtest's capture (which only
/// intercepts the `print!` family), so a skipped known gap is visible in every
/// `cargo test` run, not only in failing ones.
fn note(message: &str) {
    let _ = writeln!(std::io::stderr(), "note: {message}");
}

/// Runs one golden case: bless if asked, then compare and check invariants.
///
/// The files are bytes in the input's own encoding and line endings: the
/// clean copy is written back as the input was stored, and the diff is the
/// one the CLI prints, whose lines are the file's bytes.
fn run(case: &Case) {
    let bytes = read(&case.input);
    let decoded = dedupe::decode(&bytes, dedupe::Encoding::Auto)
        .unwrap_or_else(|err| panic!("{}: {err}", case.input.display()));
    let options = dedupe::Options::default();
    let cleaned = dedupe::clean(&decoded.text, &options);
    let actual = cleaned.to_bytes(decoded.encoding);
    let actual_diff = cleaned.diff_bytes(&decoded, decoded.encoding, &case.diff_label);
    let gap = KNOWN_GAPS.iter().find(|(name, _)| *name == case.name);

    if blessing() {
        if gap.is_some() {
            // The expected copy is hand-written; only its diff is derived.
            let expected = read_text(&case.expected);
            write(
                &case.expected_diff,
                dedupe::unified_diff(&decoded.text, &expected, &case.diff_label).as_bytes(),
            );
        } else {
            write(&case.expected, &actual);
            write(&case.expected_diff, &actual_diff);
        }
    }

    let expected = read(&case.expected);
    let expected_diff = read(&case.expected_diff);
    let mut failures = String::new();

    for tool in [Tool::GitApply, Tool::Patch] {
        match apply_diff(tool, &bytes, &expected_diff, &case.diff_label) {
            Err(problem) => {
                let _ = writeln!(failures, "expected.diff does not replay: {problem}");
            }
            Ok(Some(replayed)) if replayed != expected => {
                let _ = writeln!(
                    failures,
                    "applying expected.diff to the input with {tool:?} does not give expected.txt:\n{}",
                    render_difference(&expected, &replayed)
                );
            }
            Ok(_) => {}
        }
    }
    match dedupe::decode(&expected, dedupe::Encoding::Auto) {
        Err(err) => {
            let _ = writeln!(failures, "expected.txt does not decode: {err}");
        }
        Ok(again) => {
            let twice = dedupe::clean(&again.text, &options);
            let twice = twice.to_bytes(again.encoding);
            if twice != expected {
                let _ = writeln!(
                    failures,
                    "cleaning expected.txt again changes it (not idempotent):\n{}",
                    render_difference(&expected, &twice)
                );
            }
        }
    }
    if decoded.encoding == dedupe::FileEncoding::UTF8
        && cleaned.diff(&decoded.text, &case.diff_label).as_bytes() != actual_diff
    {
        let _ = writeln!(failures, "the text diff and the byte diff of UTF-8 differ");
    }
    if actual != expected {
        let _ = writeln!(
            failures,
            "clean copy differs from {}:\n{}{}",
            case.expected.display(),
            render_difference(&expected, &actual),
            explain(&cleaned)
        );
    }
    if actual_diff != expected_diff {
        let _ = writeln!(
            failures,
            "diff differs from {}:\n{}",
            case.expected_diff.display(),
            render_difference(&expected_diff, &actual_diff)
        );
    }

    match (gap, failures.is_empty()) {
        (None, true) => {}
        (None, false) => panic!(
            "golden case `{}` failed (re-bless with BLESS=1 cargo test --test golden, \
             then read the fixture diff):\n{failures}",
            case.name
        ),
        (Some((name, why)), false) if strict() => {
            panic!("golden case `{name}` (KNOWN GAP: {why}) failed:\n{failures}")
        }
        (Some((name, why)), false) => note(&format!(
            "golden case `{name}` is a KNOWN GAP, skipped: {why} \
             (GOLDEN_STRICT=1 shows the failure)"
        )),
        (Some((name, _)), true) => note(&format!(
            "golden case `{name}` now passes: remove it from KNOWN_GAPS in tests/golden.rs"
        )),
    }
}

/// Every paragraph's decision, to show why the tool removed or kept what it did.
fn explain(cleaned: &dedupe::Cleaned<'_>) -> String {
    let mut out = String::from("decisions:\n");
    for (index, paragraph) in cleaned.paragraphs.iter().enumerate() {
        let text: String = paragraph.text.chars().take(60).collect();
        let _ = writeln!(
            out,
            "  #{index} lines {}-{}: {:?} {text:?}",
            paragraph.first_line, paragraph.last_line, paragraph.decision
        );
    }
    out
}

/// A line diff of expected vs actual, with invisible characters spelled out
/// so that a stray `\r`, NBSP or zero-width space is visible (bytes that are
/// not UTF-8, as in a UTF-16 file, show as U+FFFD).
fn render_difference(expected: &[u8], actual: &[u8]) -> String {
    let (expected, actual) = (
        String::from_utf8_lossy(expected),
        String::from_utf8_lossy(actual),
    );
    let diff = similar::TextDiff::from_lines(expected.as_ref(), actual.as_ref());
    let mut out = String::new();
    for (index, group) in diff.grouped_ops(2).iter().enumerate() {
        if index > 0 {
            out.push_str("  ...\n");
        }
        for op in group {
            for change in diff.iter_changes(op) {
                let sign = match change.tag() {
                    similar::ChangeTag::Delete => "-expected ",
                    similar::ChangeTag::Insert => "+actual   ",
                    similar::ChangeTag::Equal => "          ",
                };
                let _ = writeln!(out, "{sign}|{}", visible(change.value()));
            }
        }
    }
    if out.is_empty() {
        out.push_str("(no line differs)\n");
    }
    out
}

/// The line with its ending and any invisible or unusual whitespace escaped.
fn visible(line: &str) -> String {
    let mut out = String::new();
    for ch in line.chars() {
        match ch {
            '\n' => out.push_str("\\n"),
            ' ' => out.push(' '),
            ch if ch.is_whitespace()
                || ch.is_control()
                || matches!(
                    ch,
                    '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}'
                ) =>
            {
                let _ = write!(out, "\\u{{{:x}}}", ch as u32);
            }
            ch => out.push(ch),
        }
    }
    out
}

/// The two tools a user replays a diff with.
#[derive(Debug, Clone, Copy)]
enum Tool {
    GitApply,
    Patch,
}

/// Replays `diff` on `input` with `git apply` or `patch -p1` in a scratch
/// folder and returns the patched file. An empty diff means no change. git
/// is guaranteed on CI; where `patch` is not installed, its replay is
/// skipped (`None`).
fn apply_diff(
    tool: Tool,
    input: &[u8],
    diff: &[u8],
    label: &str,
) -> Result<Option<Vec<u8>>, String> {
    if diff.is_empty() {
        return Ok(Some(input.to_vec()));
    }
    let scratch = tempfile::tempdir().map_err(|err| err.to_string())?;
    let target = scratch.path().join(label);
    std::fs::write(&target, input).map_err(|err| err.to_string())?;
    std::fs::write(scratch.path().join("change.diff"), diff).map_err(|err| err.to_string())?;
    let ceiling = scratch.path().parent().unwrap_or(scratch.path());
    let mut command = match tool {
        Tool::GitApply => {
            let mut command = Command::new("git");
            command.args(["apply", "--whitespace=nowarn", "change.diff"]);
            command
        }
        Tool::Patch => {
            let mut command = Command::new("patch");
            command.args([
                "-p1",
                "--batch",
                "--no-backup-if-mismatch",
                "-i",
                "change.diff",
            ]);
            command
        }
    };
    let output = command
        .current_dir(scratch.path())
        // Never discover an enclosing repository: this is a plain patch.
        .env("GIT_CEILING_DIRECTORIES", ceiling)
        .output();
    let output = match output {
        Err(err) if matches!(tool, Tool::Patch) && err.kind() == std::io::ErrorKind::NotFound => {
            note("`patch` is not installed: diffs replayed with git apply only");
            return Ok(None);
        }
        other => other.map_err(|err| format!("cannot run {tool:?}: {err}"))?,
    };
    if !output.status.success() {
        return Err(format!(
            "{tool:?} failed: {}{}",
            String::from_utf8_lossy(&output.stdout).trim(),
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    std::fs::read(&target)
        .map(Some)
        .map_err(|err| err.to_string())
}

/// One `#[test]` per behaviour folder, so a failure names its behaviour and
/// `cargo test --test golden caption` runs a subset; [`FOLDERS`] lets
/// `every_fixture_folder_has_a_test` catch a folder nobody wired up.
macro_rules! golden {
    ($($test:ident => $folder:literal,)*) => {
        $(
            #[test]
            fn $test() {
                run(&Case::folder($folder));
            }
        )*
        const FOLDERS: &[&str] = &[$($folder),*];
    };
}

golden! {
    exact_duplicates => "exact-duplicates",
    retyped_copies => "retyped-copies",
    caption_with_label => "caption-with-label",
    caption_without_label => "caption-without-label",
    caption_label_longer_than_body => "caption-label-longer-than-body",
    truncated_copy_before_full => "truncated-copy-before-full",
    pasted_three_times => "pasted-three-times",
    boilerplate_read_more => "boilerplate-read-more",
    boilerplate_share => "boilerplate-share",
    boilerplate_advertisement => "boilerplate-advertisement",
    boilerplate_newsletter => "boilerplate-newsletter",
    boilerplate_cookie => "boilerplate-cookie",
    boilerplate_timestamp => "boilerplate-timestamp",
    boilerplate_social_follow => "boilerplate-social-follow",
    boilerplate_related => "boilerplate-related",
    boilerplate_comments => "boilerplate-comments",
    boilerplate_image_credit => "boilerplate-image-credit",
    hn_interview => "hn-interview",
    hn_shared_quotation => "hn-shared-quotation",
    hn_templated_list => "hn-templated-list",
    hn_prose_like_boilerplate => "hn-prose-like-boilerplate",
    hn_structural_repeat => "hn-structural-repeat",
    already_clean => "already-clean",
    unicode_whitespace => "unicode-whitespace",
    crlf_input => "crlf-input",
    crlf_article => "crlf-article",
    lone_cr_article => "lone-cr-article",
    windows_1252_article => "windows-1252-article",
    utf16le_article => "utf16le-article",
    markdown_article => "markdown-article",
    one_paragraph_per_line => "one-paragraph-per-line",
    empty_input => "empty-input",
    structural_language_tabs => "structural-language-tabs",
    structural_language_tabs_pasted_copy => "structural-language-tabs-pasted-copy",
    structural_meal_plan => "structural-meal-plan",
    structural_meal_plan_pasted_copy => "structural-meal-plan-pasted-copy",
    structural_offer_cards => "structural-offer-cards",
    structural_offer_cards_pasted_copy => "structural-offer-cards-pasted-copy",
    structural_recipe_steps => "structural-recipe-steps",
    structural_recipe_steps_pasted_copy => "structural-recipe-steps-pasted-copy",
    structural_section_notes => "structural-section-notes",
    structural_section_notes_pasted_copy => "structural-section-notes-pasted-copy",
    structural_song_refrain => "structural-song-refrain",
    structural_song_refrain_pasted_copy => "structural-song-refrain-pasted-copy",
    summary_table_sections => "summary-table-sections",
}

#[test]
fn seed_article_rudd_windrush() {
    run(&Case::seed());
}

#[test]
fn every_fixture_folder_has_a_test() {
    let mut on_disk: Vec<String> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures/ is readable")
        .map(|entry| entry.expect("fixtures/ entry"))
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut wired: Vec<String> = FOLDERS.iter().map(|name| name.to_string()).collect();
    wired.sort();
    assert_eq!(on_disk, wired, "add each fixtures/ folder to golden! {{}}");
    for (name, _) in KNOWN_GAPS {
        assert!(
            FOLDERS.contains(name),
            "KNOWN_GAPS names `{name}`, no such folder"
        );
    }
}

/// Cleaning a clean copy changes nothing on real pages (SPEC §5): every
/// input of the development benchmark (all tracks under
/// `../shared/bench-dev/data`, when it is there) is cleaned twice through the
/// library, and the second pass must keep every paragraph. Navigation removal
/// once cascaded here: a cookie notice or a pasted copy that marked the
/// article's edge in the first pass was gone in the second.
#[test]
fn regression_bench_dev_inputs_clean_to_a_fixed_point() {
    bench_dev_inputs_clean_to_a_fixed_point(&dedupe::Options::default());
}

/// The same with the rules alone (`--ignore page-model`): the page model
/// reads the page again after its removals for the same reason, and the
/// rules must reach their fixed point without it.
#[test]
fn bench_dev_inputs_clean_to_a_fixed_point_with_the_rules_alone() {
    bench_dev_inputs_clean_to_a_fixed_point(&rules_alone());
}

/// The default rules without the page model (`--ignore page-model`).
fn rules_alone() -> dedupe::Options {
    let mut options = dedupe::Options::default();
    options.rules.ignore = vec![dedupe::PAGE_MODEL.to_string()];
    options
}

fn bench_dev_inputs_clean_to_a_fixed_point(options: &dedupe::Options) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench-dev/data");
    if !root.is_dir() {
        note(&format!(
            "{} is absent: idempotence on real pages not checked",
            root.display()
        ));
        return;
    }
    let mut inputs = Vec::new();
    let mut folders = vec![root];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("bench-dev folder is readable") {
            let path = entry.expect("bench-dev entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "txt")
                && path.parent().is_some_and(|parent| parent.ends_with("in"))
            {
                inputs.push(path);
            }
        }
    }
    inputs.sort();
    let mut changed = Vec::new();
    for input in &inputs {
        let bytes = read(input);
        let Ok(decoded) = dedupe::decode(&bytes, dedupe::Encoding::Auto) else {
            continue;
        };
        let once = dedupe::clean(decoded.text.as_ref(), options).text;
        let twice = dedupe::clean(&once, options);
        if twice.removals().next().is_some() {
            changed.push(input.display().to_string());
        }
    }
    assert!(
        changed.is_empty(),
        "{} of {} inputs change when cleaned again: {changed:#?}",
        changed.len(),
        inputs.len()
    );
}

/// How a page keeps its headline ([`pages_losing_their_headline`]).
#[derive(Clone, Copy, PartialEq)]
enum Kept {
    /// A kept line holds one of the headline's lines, wherever it is.
    Anywhere,
    /// One of the headline's lines above the page's first paragraph of 40
    /// words or more is kept itself (any of them, when none lies above it):
    /// a copy in the list of related stories under the article is not its
    /// headline.
    AtTheTop,
}

/// The pages, of `(id, URL, text)`, whose clean copy (with `options`) loses
/// the headline, and how many pages have one. A page's headline is any line
/// of 3 to 25 words, not an address (a share link spells out the URL,
/// `%2Ftennis%2Fargentina-comfortably-wins-davis-cup-opener-chile%2F`), that
/// holds 60% of the distinct words of its URL's last
/// part (three letters or more, not numbers), and a page counts when its URL
/// has three such words and a line holds them; `benches/headlines.py` reads
/// pages the same way.
fn pages_losing_their_headline(
    pages: impl Iterator<Item = (String, String, String)>,
    kept_as: Kept,
    options: &dedupe::Options,
) -> (usize, Vec<String>) {
    let words = |text: &str| -> Vec<String> {
        text.to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_string)
            .collect()
    };
    let even = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let (mut checked, mut lost) = (0, Vec::new());
    for (id, url, page) in pages {
        let last = url
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default();
        let last = last.rsplit_once('.').map_or(last, |(name, _)| name);
        let mut slug = words(last);
        slug.retain(|word| word.len() > 2 && !word.chars().all(|c| c.is_ascii_digit()));
        slug.sort();
        slug.dedup();
        if slug.len() < 3 {
            continue;
        }
        // The headline's lines, with their line numbers (from 1).
        let headlines: Vec<(usize, String)> = page
            .lines()
            .enumerate()
            .filter(|(_, line)| {
                let line_words = words(line);
                let shared = slug.iter().filter(|word| line_words.contains(word)).count();
                !["://", "%2F", "%2f"]
                    .iter()
                    .any(|address| line.contains(address))
                    && (3..=25).contains(&line_words.len())
                    && shared as f64 >= 0.6 * slug.len() as f64
            })
            .map(|(at, line)| (at + 1, even(line)))
            .collect();
        if headlines.is_empty() {
            continue;
        }
        checked += 1;
        let cleaned = dedupe::clean(&page, options);
        let keeps_headline = match kept_as {
            Kept::Anywhere => {
                let kept: Vec<String> = cleaned.text.lines().map(even).collect();
                headlines
                    .iter()
                    .any(|(_, headline)| kept.iter().any(|line| line.contains(headline.as_str())))
            }
            Kept::AtTheTop => {
                let prose = page
                    .lines()
                    .position(|line| line.split_whitespace().count() >= 40)
                    .map_or(usize::MAX, |at| at + 1);
                let above: Vec<usize> = headlines
                    .iter()
                    .map(|&(line, _)| line)
                    .filter(|&line| line < prose)
                    .collect();
                let lines = if above.is_empty() {
                    headlines.iter().map(|&(line, _)| line).collect()
                } else {
                    above
                };
                cleaned.paragraphs.iter().any(|paragraph| {
                    matches!(paragraph.decision, dedupe::Decision::Keep(_))
                        && lines
                            .iter()
                            .any(|line| (paragraph.first_line..=paragraph.last_line).contains(line))
                })
            }
        };
        if !keeps_headline {
            lost.push(id.chars().take(8).collect());
        }
    }
    (checked, lost)
}

/// The pages a JSON-lines file lists (`id` and `url` in each line), each with
/// the text of `folder/{id}.txt`; `None`, with a note, when the file is
/// absent (`../shared` is not everywhere).
fn listed_pages(list: &Path, folder: &Path) -> Option<Vec<(String, String, String)>> {
    if !list.is_file() {
        note(&format!(
            "{} is absent: headlines on its pages not checked",
            list.display()
        ));
        return None;
    }
    let pages = std::fs::read_to_string(list)
        .unwrap()
        .lines()
        .map(|line| {
            let page: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = page["id"].as_str().unwrap().to_string();
            let text = std::fs::read_to_string(folder.join(format!("{id}.txt"))).unwrap();
            let url = page["url"].as_str().unwrap_or_default().to_string();
            (id, url, text)
        })
        .collect();
    Some(pages)
}

/// Headlines are content (issue 14: "headlines removed: none"): the default
/// rules, with the page model and without it, keep the headline of the
/// development benchmark's news page dumps (`real-dump`, whose URLs the
/// `dups` labels give under the same ids), read as
/// [`pages_losing_their_headline`] reads them, at the top of the page
/// ([`Kept::AtTheTop`]). None loses it. The last two
/// to (`432362af`: related headlines that share its words lie between it and
/// the prose; `a860fb5e`: a headline with a `/` in it over a list of
/// features) keep it by the byline or dateline under it. `ffc109d4` (CNBC)
/// kept only its copy in the related stories before 66a1add. 64 pages
/// count: `0d461229`'s only line of its URL's words is its share link.
#[test]
fn the_headlines_of_the_dev_news_dumps_stay() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench-dev/data/dev");
    let Some(pages) = listed_pages(&data.join("dups/labels.jsonl"), &data.join("real-dump/in"))
    else {
        return;
    };
    for options in [dedupe::Options::default(), rules_alone()] {
        let (checked, lost) =
            pages_losing_their_headline(pages.iter().cloned(), Kept::AtTheTop, &options);
        assert_eq!(checked, 64, "pages with a headline in their URL");
        assert!(
            lost.is_empty(),
            "pages whose clean copy lost the headline: {lost:?}"
        );
    }
}

/// The same on the 272 `ext` pages of every kind (their URLs in the set's
/// `meta.jsonl`), wherever the kept line is ([`Kept::Anywhere`]: on pages of
/// other kinds a line that holds the URL's words above the first long
/// paragraph is as often a menu's item or a teaser as the headline). The
/// rules alone lose two: the line that names the URL is the last item
/// of a service page's breadcrumb, under "Home" (0338); and a product's
/// name lies under the store's menu, over its rating counts (0629). 0354's
/// stays over the table of contents between it and the prose
/// (`headline_over_contents` in `src/noise/navigation.rs`). The page model
/// (default) loses two more, read in noise runs it takes whole: a
/// question's title between the site's menu and "Ask Question", above no
/// prose of its words (0360), and a store's promotion among the category
/// menu's lines (0648; the headline finder's false alarm, not in the gold).
/// A forum thread's title (0547), which the navigation rule takes in its
/// three copies at the top, stays only as the last line of the footer's
/// breadcrumb: the models retrained at stops 50 to 54 took that copy with
/// the footer, stop 55's to 58's keep it, and so does stop 59's last; the
/// one retrained at 8f99a7a took it again, and so did stop 60's and 61's
/// (held out by site, every training seed lost it at stops 50 to 54, and
/// the default seed's fold models at stop 62); stop 62's keeps it, and
/// stop 66's (retrained for a page dump whose headline the navigation rule
/// now keeps under its breadcrumb) takes it again. Stop
/// 51's retraining lost a product's name over its image count (0622,
/// "KALLAX Shelf unit"), which the fold models of five training seeds, held
/// out by site, all keep; stop 52's keeps it again, stop 62's first
/// retraining lost it (its default seed's fold models keep it), and its
/// second keeps it; stop 69's (retrained for a price table's header,
/// repeated over its second table, now kept as a list's row) loses it again.
#[test]
fn the_headlines_of_the_ext_pages_stay() {
    let set =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench-dev/data/ext/ext/real-dump");
    let Some(pages) = listed_pages(&set.join("meta.jsonl"), &set.join("in")) else {
        return;
    };
    for (options, expected) in [
        (
            dedupe::Options::default(),
            &["0338", "0360", "0547", "0622", "0629", "0648"][..],
        ),
        (rules_alone(), &["0338", "0629"][..]),
    ] {
        let (checked, lost) =
            pages_losing_their_headline(pages.iter().cloned(), Kept::Anywhere, &options);
        assert_eq!(checked, 158, "pages with a headline in their URL");
        assert_eq!(lost, expected, "pages whose clean copy lost the headline");
    }
}

/// Code outside a Markdown fence is the author's code (issue 14: code is
/// never a menu): the page model leaves a block of it (`is_code_block`)
/// however it reads the lines around it. On these `ext` documentation and
/// forum pages it took a transaction's SQL (0670), a C++ call (0429) and a
/// template's assignment (0476) with the runs around them.
#[test]
fn the_code_blocks_of_the_ext_pages_stay() {
    let set =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench-dev/data/ext/ext/real-dump/in");
    if !set.is_dir() {
        note(&format!(
            "{} is absent: code blocks not checked",
            set.display()
        ));
        return;
    }
    for (id, line) in [
        ("0670", "SELECT * FROM mytable WHERE key = 1 FOR UPDATE;"),
        ("0429", "uiLoader->loadUI (\"metadata.xml\");"),
        ("0476", "name &= name.len()"),
    ] {
        let page = std::fs::read_to_string(set.join(format!("{id}.txt"))).unwrap();
        assert!(page.contains(line), "{id}");
        let cleaned = dedupe::clean(&page, &dedupe::Options::default());
        assert!(cleaned.text.contains(line), "{id} lost {line:?}");
    }
}
