//! What people and programs read. Every format is rendered from the same
//! [`FileResult`]s, in input order: text (diffs on stdout, one line per file
//! and a summary on stderr), JSON lines, GitHub Actions annotations and SARIF.

use super::args::Format;
use super::messages::{self, Paint, escape_name};
use super::model::{Cleaning, FileResult, Mode, RemovalInfo, Rendered};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Diff colouring on top of the shared [`Paint`].
impl Paint {
    /// A unified diff with removed lines red, added lines green, hunks cyan.
    fn diff(self, diff: &str) -> String {
        if !self.0 {
            return diff.to_string();
        }
        let mut out = String::with_capacity(diff.len() + diff.len() / 8);
        for line in diff.split_inclusive('\n') {
            let (body, end) = match line.strip_suffix('\n') {
                Some(body) => (body, "\n"),
                None => (line, ""),
            };
            let painted = if body.starts_with("---") || body.starts_with("+++") {
                self.bold(body)
            } else if body.starts_with('-') {
                self.red(body)
            } else if body.starts_with('+') {
                self.green(body)
            } else if body.starts_with("@@") {
                self.cyan(body)
            } else {
                body.to_string()
            };
            out.push_str(&painted);
            out.push_str(end);
        }
        out
    }
}

/// Counts over the whole run, for the final summary line.
#[derive(Debug, Default)]
pub struct Totals {
    pub files: usize,
    pub changed: usize,
    pub failed: usize,
    pub removed: BTreeMap<String, usize>,
    /// The documents of the corpus table, when corpus rules ran; named in
    /// the summary when they removed something.
    pub corpus_documents: Option<u64>,
    /// Each changed file with its number of removals, for the GitHub step summary.
    pub changed_files: Vec<(String, usize)>,
}

impl Totals {
    pub fn add(&mut self, result: &FileResult) {
        self.files += 1;
        match &result.outcome {
            Ok(cleaning) => {
                self.add_cleaning(cleaning);
                if cleaning.changed {
                    self.changed_files
                        .push((result.name.clone(), cleaning.removals.len()));
                }
            }
            Err(_) => self.failed += 1,
        }
    }

    /// Counts what one document's cleaning changed and removed.
    pub fn add_cleaning(&mut self, cleaning: &Cleaning) {
        self.changed += usize::from(cleaning.changed);
        for removal in &cleaning.removals {
            match self.removed.get_mut(&*removal.rule) {
                Some(count) => *count += 1,
                None => {
                    self.removed.insert(removal.rule.to_string(), 1);
                }
            }
        }
    }

    /// `540 files checked, 12 would change, 0 failed; 40 paragraphs removed (30 exact-duplicate, ...)`.
    pub fn summary_line(&self, mode: &Mode) -> String {
        let changed = if mode.reports_changes() {
            "would change"
        } else {
            "changed"
        };
        let mut line = format!(
            "{} checked, {} {changed}, {} failed; ",
            plural(self.files, "file"),
            self.changed,
            self.failed,
        );
        line.push_str(&self.removed_summary(mode.reports_changes()));
        line
    }

    /// `40 paragraphs removed (30 exact-duplicate, ...); corpus rules over 12 documents`,
    /// or `... would be removed ...` when nothing was written.
    pub fn removed_summary(&self, nothing_written: bool) -> String {
        let mut counts: Vec<(&String, &usize)> = self.removed.iter().collect();
        counts.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let total: usize = self.removed.values().sum();
        let verb = if nothing_written {
            "would be removed"
        } else {
            "removed"
        };
        let mut line = format!("{} {verb}", plural(total, "paragraph"));
        if !counts.is_empty() {
            let by_rule: Vec<String> = counts
                .iter()
                .map(|(rule, count)| format!("{count} {rule}"))
                .collect();
            let _ = write!(line, " ({})", by_rule.join(", "));
        }
        if let Some(documents) = self.corpus_documents
            && self.removed.contains_key(dedupe::CORPUS_BOILERPLATE)
        {
            let _ = write!(
                line,
                "; corpus rules over {}",
                plural(documents as usize, "document")
            );
        }
        line
    }
}

/// `1 file`, `2 files`.
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Prints results as they arrive (in input order) and the run's end.
pub struct Reporter {
    pub format: Format,
    pub mode: Mode,
    pub quiet: bool,
    pub verbose: bool,
    /// A single input: its line is printed even when nothing changed.
    pub single: bool,
    pub stdout_paint: Paint,
    pub stderr_paint: Paint,
    sarif: Sarif,
}

/// The SARIF document, written as the results arrive so that its memory
/// does not grow with them: the tool and its rules first (every rule the
/// run can report, so each result's `ruleIndex` is known when it is
/// written), then the results, one per line, then the invocation with the
/// files that could not be read, which are few.
struct Sarif {
    rules: Vec<String>,
    started: bool,
    results: usize,
    notifications: Vec<Value>,
}

impl Reporter {
    /// `rules`: the ids of every rule the run can report (the registry's and
    /// the config's patterns'), for the SARIF rule list.
    pub fn new(
        format: Format,
        mode: Mode,
        quiet: bool,
        verbose: bool,
        single: bool,
        rules: &[&str],
    ) -> Self {
        let mut sarif_rules: Vec<String> = Vec::new();
        for id in rules.iter().copied().chain([NORMALIZE_RULE]) {
            if !sarif_rules.iter().any(|known| known == id) {
                sarif_rules.push(id.to_string());
            }
        }
        Reporter {
            format,
            mode,
            quiet,
            verbose,
            single,
            stdout_paint: Paint::for_stream(&io::stdout()),
            stderr_paint: Paint::for_stream(&io::stderr()),
            sarif: Sarif {
                rules: sarif_rules,
                started: false,
                results: 0,
                notifications: Vec::new(),
            },
        }
    }

    /// Reports one file: its stdout part, then its stderr lines.
    pub fn file(
        &mut self,
        result: &FileResult,
        out: &mut impl Write,
        err: &mut impl Write,
    ) -> io::Result<()> {
        let paint = self.stderr_paint;
        let name = escape_name(&result.name);
        if let (Some(warning), false) = (&result.warning, self.quiet) {
            messages::warning(err, paint, &result.name, warning)?;
        }
        if let Err(problem) = &result.outcome {
            messages::error(err, paint, &result.name, problem)?;
        }
        match self.format {
            Format::Text => {
                if let Ok(cleaning) = &result.outcome {
                    match &cleaning.rendered {
                        // Coloured only when it is UTF-8: the bytes of a
                        // UTF-16 or Windows-1252 diff go out as they are.
                        Rendered::Diff { on_disk, .. } => match std::str::from_utf8(on_disk) {
                            Ok(diff) if self.stdout_paint.0 => {
                                out.write_all(self.stdout_paint.diff(diff).as_bytes())?;
                            }
                            _ => out.write_all(on_disk)?,
                        },
                        Rendered::CleanText(bytes) => out.write_all(bytes)?,
                        Rendered::Explanation(text) => out.write_all(text.as_bytes())?,
                        Rendered::Nothing => {}
                    }
                    let wanted = self.single || self.verbose || cleaning.changed;
                    if wanted && !self.quiet && self.mode != Mode::Explain {
                        writeln!(err, "{}", file_line(&name, cleaning, &self.mode, paint))?;
                    }
                }
            }
            Format::Json => {
                serde_json::to_writer(&mut *out, &self.json(result))?;
                writeln!(out)?;
            }
            Format::Github => github(result, &self.mode, out)?,
            Format::Sarif => self.sarif_file(result, out)?,
        }
        Ok(())
    }

    /// Ends the run: the SARIF document, and the summary line.
    pub fn finish(
        &mut self,
        totals: &Totals,
        summary: bool,
        out: &mut impl Write,
        err: &mut impl Write,
    ) -> io::Result<()> {
        if self.format == Format::Sarif {
            self.sarif_start(out)?;
            let invocation = json!({
                "executionSuccessful": totals.failed == 0,
                "toolExecutionNotifications": self.sarif.notifications,
            });
            write!(out, "\n],\n\"invocations\":[")?;
            serde_json::to_writer(&mut *out, &invocation)?;
            writeln!(out, "]}}]}}")?;
        }
        if self.format == Format::Github
            && let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY")
        {
            // Annotations are capped per step; the summary page is not.
            std::fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(path)
                .and_then(|mut file| file.write_all(step_summary(totals, &self.mode).as_bytes()))?;
        }
        if summary && !self.quiet {
            writeln!(
                err,
                "{}",
                self.stderr_paint.bold(&totals.summary_line(&self.mode))
            )?;
        }
        out.flush()
    }

    fn json<'a>(&self, result: &'a FileResult) -> JsonFile<'a> {
        let mut file = JsonFile {
            path: &result.name,
            status: "error",
            error: None,
            warning: result.warning.as_deref(),
            paragraphs: None,
            removals: Vec::new(),
            diff: None,
        };
        match &result.outcome {
            Err(problem) => file.error = Some(problem.to_string()),
            Ok(cleaning) => {
                file.status = if cleaning.changed {
                    "changed"
                } else {
                    "unchanged"
                };
                file.paragraphs = Some(JsonParagraphs {
                    before: cleaning.paragraphs_before,
                    after: cleaning.paragraphs_after,
                });
                file.removals = json_removals(&cleaning.removals);
                if let Rendered::Diff { on_disk, text } = &cleaning.rendered {
                    file.diff = text.as_deref().or(std::str::from_utf8(on_disk).ok());
                }
            }
        }
        file
    }

    /// The document's opening, up to its results, once.
    fn sarif_start(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.sarif.started {
            return Ok(());
        }
        self.sarif.started = true;
        let tool = json!({ "driver": {
            "name": "dedupe",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": self.sarif.rules.iter().map(|id| json!({
                "id": id,
                "shortDescription": { "text": rule_description(id) },
            })).collect::<Vec<_>>(),
        }});
        write!(
            out,
            "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{{\n\"tool\":"
        )?;
        serde_json::to_writer(&mut *out, &tool)?;
        write!(out, ",\n\"results\":[")
    }

    /// Writes a file's results; a file that could not be cleaned becomes a
    /// notification of the invocation.
    fn sarif_file(&mut self, result: &FileResult, out: &mut impl Write) -> io::Result<()> {
        self.sarif_start(out)?;
        let location = |start: Option<(usize, usize)>| {
            let mut physical = json!({ "artifactLocation": { "uri": uri(&result.name) } });
            if let Some((first, last)) = start {
                physical["region"] = json!({ "startLine": first, "endLine": last });
            }
            json!([{ "physicalLocation": physical }])
        };
        let cleaning = match &result.outcome {
            Err(problem) => {
                self.sarif.notifications.push(json!({
                    "level": "error",
                    "message": { "text": format!("{}: {problem}", result.name) },
                    "locations": location(None),
                }));
                return Ok(());
            }
            Ok(cleaning) => cleaning,
        };
        for removal in &cleaning.removals {
            let mut entry = json!({
                "ruleId": removal.rule,
                "level": "warning",
                "message": { "text": removal_message(removal, &self.mode) },
                "locations": location(Some((removal.first_line, removal.last_line))),
            });
            if let Some(kept) = removal.kept_line {
                entry["relatedLocations"] = json!([{
                    "id": 1,
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&result.name) },
                        "region": { "startLine": kept },
                    },
                    "message": { "text": "the copy that is kept" },
                }]);
            }
            self.sarif_result(entry, out)?;
        }
        if cleaning.changed && cleaning.removals.is_empty() {
            let entry = json!({
                "ruleId": NORMALIZE_RULE,
                "level": "note",
                "message": { "text": "whitespace, invisible characters or entities would be normalized" },
                "locations": location(None),
            });
            self.sarif_result(entry, out)?;
        }
        Ok(())
    }

    /// Writes one result, with the index of its rule in the rule list.
    fn sarif_result(&mut self, mut entry: Value, out: &mut impl Write) -> io::Result<()> {
        let id = entry["ruleId"].as_str().unwrap_or_default();
        if let Some(index) = self.sarif.rules.iter().position(|known| known == id) {
            entry["ruleIndex"] = json!(index);
        }
        out.write_all(if self.sarif.results == 0 {
            b"\n"
        } else {
            b",\n"
        })?;
        serde_json::to_writer(&mut *out, &entry)?;
        self.sarif.results += 1;
        Ok(())
    }
}

/// Files listed by name in the GitHub step summary, most removals first.
const SUMMARY_TOP_FILES: usize = 20;

/// The Markdown that `--format github` appends to `$GITHUB_STEP_SUMMARY`:
/// the run's totals, removals per rule, and the files with most removals.
fn step_summary(totals: &Totals, mode: &Mode) -> String {
    let mut md = format!("## dedupe\n\n{}\n\n", totals.summary_line(mode));
    if !totals.removed.is_empty() {
        md.push_str("| rule | paragraphs |\n|---|---:|\n");
        let mut rules: Vec<(&String, &usize)> = totals.removed.iter().collect();
        rules.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (rule, count) in rules {
            let _ = writeln!(md, "| `{rule}` | {count} |");
        }
        md.push('\n');
    }
    if !totals.changed_files.is_empty() {
        let mut files: Vec<&(String, usize)> = totals.changed_files.iter().collect();
        files.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        md.push_str("| file | removals |\n|---|---:|\n");
        for (name, removals) in files.iter().take(SUMMARY_TOP_FILES) {
            let name = escape_name(name).replace('|', "\\|").replace('`', "'");
            let _ = writeln!(md, "| `{name}` | {removals} |");
        }
        if files.len() > SUMMARY_TOP_FILES {
            let _ = writeln!(md, "\n…and {} more.", files.len() - SUMMARY_TOP_FILES);
        }
    }
    md
}

/// One line of `--format json`; a struct, so the fields keep this order.
#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    /// `changed`, `unchanged` or `error`.
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    warning: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraphs: Option<JsonParagraphs>,
    removals: Vec<JsonRemoval<'a>>,
    /// With `--check` and `--diff`.
    #[serde(skip_serializing_if = "Option::is_none")]
    diff: Option<&'a str>,
}

#[derive(Serialize)]
pub struct JsonParagraphs {
    pub before: usize,
    pub after: usize,
}

#[derive(Serialize)]
pub struct JsonRemoval<'a> {
    lines: JsonLines,
    rule: &'a str,
    kept_line: Option<usize>,
    similarity: Option<f64>,
    /// For `corpus-boilerplate`: in how many documents the paragraph occurs.
    #[serde(skip_serializing_if = "Option::is_none")]
    documents: Option<usize>,
    /// For `page-model`: the run it was read in and the features that
    /// weighed most.
    #[serde(skip_serializing_if = "Option::is_none")]
    page_model: Option<JsonModelReading<'a>>,
    text: &'a str,
}

#[derive(Serialize)]
pub struct JsonModelReading<'a> {
    run: JsonLines,
    run_is_noise: bool,
    features: Vec<JsonFeature<'a>>,
}

#[derive(Serialize)]
struct JsonFeature<'a> {
    name: &'a str,
    weight: f64,
}

/// The removals as `--format json` (and the JSONL `--report`) writes them.
pub fn json_removals(removals: &[RemovalInfo]) -> Vec<JsonRemoval<'_>> {
    removals
        .iter()
        .map(|removal| JsonRemoval {
            lines: JsonLines {
                start: removal.first_line,
                end: removal.last_line,
            },
            rule: &removal.rule,
            kept_line: removal.kept_line,
            similarity: removal.similarity.map(round),
            documents: removal.documents,
            page_model: removal
                .model_reading
                .as_ref()
                .map(|reading| JsonModelReading {
                    run: JsonLines {
                        start: reading.run_lines.0,
                        end: reading.run_lines.1,
                    },
                    run_is_noise: reading.run_is_noise,
                    features: reading
                        .top_features
                        .iter()
                        .map(|(name, weight)| JsonFeature {
                            name,
                            weight: round(*weight),
                        })
                        .collect(),
                }),
            text: &removal.preview,
        })
        .collect()
}

#[derive(Serialize)]
struct JsonLines {
    start: usize,
    end: usize,
}

/// The SARIF rule of a file whose only change is normalization.
const NORMALIZE_RULE: &str = "normalize";

/// The rule's one-line summary from the library's registry; a config
/// pattern's rule is named as such.
fn rule_description(rule: &str) -> String {
    match (rule, dedupe::RULES.iter().find(|known| known.id == rule)) {
        (NORMALIZE_RULE, _) => {
            "Whitespace, invisible characters or entities to normalize".to_string()
        }
        (_, Some(known)) => known.summary.to_string(),
        (other, None) => format!("A paragraph matching the configured pattern of rule {other}"),
    }
}

/// A similarity rounded to 3 decimals, so JSON does not print f32 noise.
fn round(similarity: f32) -> f64 {
    (f64::from(similarity) * 1000.0).round() / 1000.0
}

/// A path as a relative URI reference: `/` separators, unsafe bytes escaped.
fn uri(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for byte in name.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// `dedupe removed this paragraph: exact-duplicate of line 12 (1.00): "Ms Rudd told..."`:
/// the library's wording ([`dedupe::Removal::reason`]) with the verb and a preview.
fn removal_message(removal: &RemovalInfo, mode: &Mode) -> String {
    let verb = if mode.reports_changes() {
        "would remove"
    } else {
        "removed"
    };
    let reason = dedupe::Removal {
        rule: removal.rule.clone(),
        kept: None,
        similarity: removal.similarity,
        documents: removal.documents,
    }
    .reason(removal.kept_line);
    format!(
        "dedupe {verb} this paragraph: {reason}: \"{}\"",
        removal.preview
    )
}

/// GitHub Actions workflow commands: an annotation per removal, on its lines.
fn github(result: &FileResult, mode: &Mode, out: &mut impl Write) -> io::Result<()> {
    let file = escape_property(&result.name);
    if let Some(warning) = &result.warning {
        writeln!(out, "::warning file={file}::{}", escape_data(warning))?;
    }
    let cleaning = match &result.outcome {
        Err(problem) => {
            return writeln!(
                out,
                "::error file={file}::{}",
                escape_data(&problem.to_string())
            );
        }
        Ok(cleaning) => cleaning,
    };
    for removal in &cleaning.removals {
        writeln!(
            out,
            "::warning file={file},line={},endLine={},title={}::{}",
            removal.first_line,
            removal.last_line,
            escape_property(&format!("dedupe {}", removal.rule)),
            escape_data(&removal_message(removal, mode)),
        )?;
    }
    if cleaning.changed && cleaning.removals.is_empty() {
        writeln!(
            out,
            "::warning file={file},title=dedupe normalize::whitespace, invisible characters or entities would be normalized"
        )?;
    }
    Ok(())
}

/// Escapes a workflow command's message.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// `article.txt: removed 4 of 24 paragraphs (2 exact-duplicate, 1 caption, 1 boilerplate/read-more)`.
fn file_line(name: &str, cleaning: &Cleaning, mode: &Mode, paint: Paint) -> String {
    let total = cleaning.paragraphs_before;
    let removed = total - cleaning.paragraphs_after;
    let paragraphs = plural(total, "paragraph");
    // `--check` and `--diff` write nothing: they say what would happen.
    let (remove, normalize) = if mode.reports_changes() {
        ("would remove", "would be normalized")
    } else {
        ("removed", "normalized")
    };
    if removed == 0 {
        let state = if cleaning.changed {
            format!("{normalize}, no paragraph removed")
        } else {
            "already clean".to_string()
        };
        return format!("{}: {state} ({paragraphs})", paint.bold(name));
    }
    let rules: Vec<String> = cleaning
        .removal_counts()
        .iter()
        .map(|(rule, count)| match shared_by(cleaning) {
            Some(documents) if *rule == dedupe::CORPUS_BOILERPLATE => {
                format!("{count} {rule} in {documents} documents")
            }
            _ => format!("{count} {rule}"),
        })
        .collect();
    format!(
        "{}: {} of {paragraphs} ({})",
        paint.bold(name),
        paint.yellow(&format!("{remove} {removed}")),
        rules.join(", ")
    )
}

/// In how many documents a file's corpus-boilerplate paragraphs occur: `12`,
/// or `5-12` when they differ.
fn shared_by(cleaning: &Cleaning) -> Option<String> {
    let counts = cleaning.removals.iter().filter_map(|r| r.documents);
    let (low, high) = (counts.clone().min()?, counts.max()?);
    Some(if low == high {
        low.to_string()
    } else {
        format!("{low}-{high}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn uris_escape_spaces_and_keep_slashes() {
        assert_eq!(uri("my dir/a b.txt"), "my%20dir/a%20b.txt");
    }

    #[test]
    fn no_colour_without_a_terminal() {
        assert_eq!(Paint(false).diff("-a\n+b\n"), "-a\n+b\n");
    }
}
