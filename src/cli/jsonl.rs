//! `--jsonl`: corpora of one JSON object per line, as data pipelines and
//! distributed engines pass them around. Each object's `--field` is cleaned
//! and the object written back in input order.
//!
//! The cleaned string is spliced into the line in place of the old one, so
//! every other byte of the line (key order, number formatting, escapes, fields
//! this tool knows nothing about) is exactly as it came in. Parsing into a map
//! and serializing it again, even with serde_json's `preserve_order`, rewrites
//! escapes and can round numbers that do not fit an f64. A line whose field is
//! unchanged is copied byte for byte.
//!
//! A line that is not a JSON object with a string field is never lost: it is
//! reported with its line number and passed through unchanged (exit code 2),
//! or dropped with a warning under `--skip-bad`. Blank lines pass through.

use super::args::Args;
use super::batch;
use super::config::Config;
use super::messages::{self, Paint};
use super::model::{Cleaning, Rendered};
use super::model::{Error, Outcome};
use super::output::{self, AtomicFile};
use super::report::{self, JsonParagraphs, JsonRemoval, Totals};
use super::{corpus, engine};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::io::{self, BufWriter, Read, Write};
use std::ops::Range;
use std::path::Path;

pub(super) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// One input line, parsed.
enum Line {
    Blank,
    /// Why the line cannot be cleaned.
    Bad(String),
    /// The field's text and the byte range of its JSON string in the line.
    Document {
        text: String,
        span: Range<usize>,
    },
}

/// One input line where it came from (source index, line number from 1, its
/// bytes without the `\n`) and what it parsed as.
type Record<'a> = (&'a (usize, usize, &'a [u8]), &'a Line);

/// One input file (or stdin) and its bytes.
struct Source {
    name: String,
    bytes: Vec<u8>,
}

/// A line of `--report`.
#[derive(Serialize)]
struct ReportLine<'a> {
    source: &'a str,
    line: usize,
    /// `changed`, `unchanged`, `error` (passed through) or `skipped`.
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraphs: Option<JsonParagraphs>,
    removals: Vec<JsonRemoval<'a>>,
}

/// Cleans the JSONL inputs (stdin when there are none) to stdout or `-o FILE`.
pub fn run(
    args: &Args,
    config: &Config,
    settings: &corpus::Settings,
    pool: &rayon::ThreadPool,
) -> Result<Outcome, Error> {
    let mut options = args.options(config).map_err(Error::usage)?;
    check_plan(args)?;
    let mut failed = false;
    let sources = read_sources(args, &mut failed);
    // (source, line number from 1, the line without its `\n`)
    let lines: Vec<(usize, usize, &[u8])> = sources
        .iter()
        .enumerate()
        .flat_map(|(index, source)| {
            let bytes = source.bytes.strip_suffix(b"\n").unwrap_or(&source.bytes);
            bytes
                .split(|&b| b == b'\n')
                .enumerate()
                .filter(move |_| !source.bytes.is_empty())
                .map(move |(number, line)| (index, number + 1, line))
        })
        .collect();
    let parsed: Vec<Line> = pool.install(|| {
        lines
            .par_iter()
            .map(|(_, _, line)| parse(line, &args.field))
            .collect()
    });
    let documents = parsed
        .iter()
        .filter(|line| matches!(line, Line::Document { .. }))
        .count();
    let count = || {
        corpus::count(
            &parsed,
            |table, line| {
                if let Line::Document { text, .. } = line {
                    table.add_document(text, &options);
                }
            },
            pool,
        )
    };
    if let Some(path) = &args.write_table {
        report_bad(&sources, &lines, &parsed, args, &mut failed)?;
        corpus::write(path, &count()?, args.quiet)?;
        return Ok(Outcome {
            changes_found: false,
            failed,
        });
    }
    options.corpus = settings.corpus(documents, &options, count)?;

    let create =
        |path: &Path| AtomicFile::create(path).map_err(|err| Error::io(path.display(), err));
    let mut out_file = match args.output.as_deref() {
        Some(path) if path != Path::new("-") => Some(create(path)?),
        _ => None,
    };
    let mut stdout = BufWriter::new(io::stdout().lock());
    let mut out: &mut dyn Write = match &mut out_file {
        Some(file) => file,
        None => &mut stdout,
    };
    let mut report_file = args.report.as_deref().map(create).transpose()?;
    let mut no_report = io::sink();
    let mut report_out: &mut dyn Write = match &mut report_file {
        Some(file) => file,
        None => &mut no_report,
    };
    let mut totals = Totals {
        corpus_documents: options.corpus.as_ref().map(|c| c.table.documents()),
        ..Totals::default()
    };
    let records: Vec<Record<'_>> = lines.iter().zip(&parsed).collect();
    let clean_record = |(_, line): &Record<'_>| match line {
        Line::Document { text, .. } => Some(clean(text, &options)),
        _ => None,
    };
    let print =
        |chunk: &[Record<'_>], cleaned: Vec<Option<(Cleaning, String)>>| -> io::Result<()> {
            let mut stderr = io::stderr().lock();
            for (&(&(source, number, bytes), line), cleaning) in chunk.iter().zip(cleaned) {
                let name = &sources[source].name;
                let write_line = |out: &mut dyn Write, bytes: &[u8]| {
                    out.write_all(bytes).and_then(|()| out.write_all(b"\n"))
                };
                match (line, cleaning) {
                    (Line::Blank, _) => write_line(&mut out, bytes)?,
                    (Line::Bad(problem), _) => {
                        report_line(name, number, problem, args, &mut stderr, &mut failed)?;
                        write_report(&mut report_out, &bad_report(name, number, problem, args))?;
                        if !args.skip_bad {
                            write_line(&mut out, bytes)?;
                        }
                    }
                    (Line::Document { span, .. }, Some((cleaning, text))) => {
                        totals.files += 1;
                        totals.add_cleaning(&cleaning);
                        if cleaning.changed {
                            let quoted = serde_json::to_string(&text).unwrap_or_default();
                            let mut spliced = Vec::with_capacity(bytes.len());
                            spliced.extend_from_slice(&bytes[..span.start]);
                            spliced.extend_from_slice(quoted.as_bytes());
                            spliced.extend_from_slice(&bytes[span.end..]);
                            write_line(&mut out, &spliced)?;
                        } else {
                            write_line(&mut out, bytes)?;
                        }
                        write_report(
                            &mut report_out,
                            &ReportLine {
                                source: name,
                                line: number,
                                status: if cleaning.changed {
                                    "changed"
                                } else {
                                    "unchanged"
                                },
                                error: None,
                                paragraphs: Some(JsonParagraphs {
                                    before: cleaning.paragraphs_before,
                                    after: cleaning.paragraphs_after,
                                }),
                                removals: report::json_removals(&cleaning.removals),
                            },
                        )?;
                    }
                    (Line::Document { .. }, None) => {}
                }
            }
            Ok(())
        };
    engine::run(&records, pool, args.quiet, clean_record, print)
        .map_err(|err| Error::io("output", err))?;
    out.flush().map_err(|err| Error::io("output", err))?;
    // Committed only now: a run that failed half-way leaves no partial file.
    if let (Some(file), Some(path)) = (out_file, &args.output) {
        file.commit()
            .map_err(|err| Error::io(path.display(), err))?;
    }
    if let (Some(file), Some(path)) = (report_file, &args.report) {
        file.commit()
            .map_err(|err| Error::io(path.display(), err))?;
    }
    if !args.quiet {
        eprintln!(
            "{} cleaned, {} changed; {}",
            report::plural(totals.files, "document"),
            totals.changed,
            totals.removed_summary(false)
        );
    }
    Ok(Outcome {
        changes_found: false,
        failed,
    })
}

/// The inputs against `-o`, `--report` and `--write-table`, before anything
/// is written (see [`output::check_plan`]).
fn check_plan(args: &Args) -> Result<(), Error> {
    let stdin = Path::new("-");
    let inputs = args.paths.iter().filter(|path| *path != stdin);
    let outputs = [&args.output, &args.report, &args.write_table]
        .into_iter()
        .flatten()
        .filter(|path| *path != stdin);
    let plan: Vec<output::Planned> = inputs
        .map(|path| output::Planned::Input(path.clone()))
        .chain(outputs.map(|path| output::Planned::Output(path.clone())))
        .collect();
    output::check_plan(&plan).map_err(Error::usage)
}

/// Reads every input whole (stdin when none is given): corpus counting needs
/// two passes, and stdin can be read once. Shard corpora larger than memory.
fn read_sources(args: &Args, failed: &mut bool) -> Vec<Source> {
    let stdin = [Path::new("-").to_path_buf()];
    let paths = if args.paths.is_empty() {
        &stdin[..]
    } else {
        &args.paths[..]
    };
    let mut sources = Vec::new();
    for path in paths {
        let (name, read) = if path == Path::new("-") {
            let mut bytes = Vec::new();
            let read = io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes);
            ("stdin".to_string(), read)
        } else {
            (path.display().to_string(), std::fs::read(path))
        };
        match read {
            Ok(mut bytes) => {
                // A byte-order mark is not part of the first record.
                if bytes.starts_with(UTF8_BOM) {
                    bytes.drain(..UTF8_BOM.len());
                }
                sources.push(Source { name, bytes });
            }
            Err(err) => {
                let _ = messages::error(
                    &mut io::stderr().lock(),
                    Paint::for_stream(&io::stderr()),
                    &name,
                    super::model::describe_io_error(&err),
                );
                *failed = true;
            }
        }
    }
    sources
}

/// Parses one line: the named field must be a string in a JSON object.
fn parse(line: &[u8], field: &str) -> Line {
    let Ok(line) = std::str::from_utf8(line) else {
        return Line::Bad("not UTF-8".to_string());
    };
    if line.trim().is_empty() {
        return Line::Blank;
    }
    let object: BTreeMap<String, &RawValue> = match serde_json::from_str(line) {
        Ok(object) => object,
        Err(err) => return Line::Bad(format!("not a JSON object: {err}")),
    };
    let Some(raw) = object.get(field) else {
        return Line::Bad(format!("no \"{field}\" field"));
    };
    let Ok(text) = serde_json::from_str::<String>(raw.get()) else {
        return Line::Bad(format!("\"{field}\" is not a string"));
    };
    // The raw value borrows from the line: its offset is where it starts.
    let start = raw.get().as_ptr() as usize - line.as_ptr() as usize;
    Line::Document {
        text,
        span: start..start + raw.get().len(),
    }
}

/// Cleans one document's text; the clean text keeps the input's lack of a
/// final newline, so a field that needs no change stays the same string.
fn clean(text: &str, options: &dedupe::Options) -> (Cleaning, String) {
    let cleaned = dedupe::clean(text, options);
    let mut clean_text = cleaned.text.clone();
    if !text.ends_with('\n') && clean_text.ends_with('\n') {
        clean_text.pop();
    }
    let changed = clean_text != text;
    (
        batch::summarize(&cleaned, changed, Rendered::Nothing, true, options),
        clean_text,
    )
}

/// One stderr line for a bad line: an error (passed through) or, with
/// `--skip-bad`, a warning (dropped).
fn report_line(
    name: &str,
    number: usize,
    problem: &str,
    args: &Args,
    stderr: &mut impl Write,
    failed: &mut bool,
) -> io::Result<()> {
    let paint = Paint::for_stream(&io::stderr());
    let record = format!("{name}:{number}");
    if args.skip_bad {
        messages::warning(stderr, paint, &record, format_args!("{problem}; skipped"))
    } else {
        *failed = true;
        messages::error(
            stderr,
            paint,
            &record,
            format_args!("{problem}; passed through unchanged"),
        )
    }
}

/// With `--write-table` nothing is written, but bad lines are still reported.
fn report_bad(
    sources: &[Source],
    lines: &[(usize, usize, &[u8])],
    parsed: &[Line],
    args: &Args,
    failed: &mut bool,
) -> Result<(), Error> {
    let mut stderr = io::stderr().lock();
    for (&(source, number, _), line) in lines.iter().zip(parsed) {
        if let Line::Bad(problem) = line {
            report_line(
                &sources[source].name,
                number,
                problem,
                args,
                &mut stderr,
                failed,
            )
            .map_err(|err| Error::io("stderr", err))?;
        }
    }
    Ok(())
}

fn bad_report<'a>(name: &'a str, number: usize, problem: &'a str, args: &Args) -> ReportLine<'a> {
    ReportLine {
        source: name,
        line: number,
        status: if args.skip_bad { "skipped" } else { "error" },
        error: Some(problem),
        paragraphs: None,
        removals: Vec::new(),
    }
}

fn write_report(out: &mut dyn Write, line: &ReportLine<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, line)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_is_located_in_the_line() {
        let line = br#"{"id": 7, "text": "caf\u00e9\nbar", "meta": {"text": 1}}"#;
        match parse(line, "text") {
            Line::Document { text, span } => {
                assert_eq!(text, "caf\u{e9}\nbar");
                assert_eq!(&line[span], br#""caf\u00e9\nbar""#);
            }
            _ => panic!("not parsed"),
        }
    }

    #[test]
    fn bad_lines_say_why() {
        for (line, why) in [
            (&b"{\"text\": 1}"[..], "is not a string"),
            (b"{\"body\": \"x\"}", "no \"text\" field"),
            (b"[1, 2]", "not a JSON object"),
            (b"{\"text\": \"x\"", "not a JSON object"),
            (b"\xff", "not UTF-8"),
        ] {
            match parse(line, "text") {
                Line::Bad(problem) => assert!(problem.contains(why), "{problem}"),
                _ => panic!("{line:?} parsed"),
            }
        }
        assert!(matches!(parse(b"  ", "text"), Line::Blank));
    }
}
