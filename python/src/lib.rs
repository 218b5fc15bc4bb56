//! `dedupe_text._native`: the `dedupe` library for Python.
//!
//! This crate only translates. Options come in as the config file's names and
//! become [`dedupe::Options`]; results go out as frozen Python objects. The
//! cleaning itself is the library's, so a Python result is the CLI's result.
//! Batch calls copy their texts out of Python objects, then release the GIL
//! and run on rayon's pool, as the CLI does.
//!
//! Two helpers exist so that engines can reproduce `dedupe --jsonl` byte for
//! byte without a JSON round trip in Python: [`Cleaner::clean_jsonl`] and
//! [`CorpusTable::add_jsonl`] parse a line, find the text field, and splice
//! the cleaned string back in exactly as the CLI does (`src/cli/jsonl.rs`).

use dedupe::{
    Boilerplate, CorpusBoilerplate, DEFAULT_MIN_DOCUMENTS, Decision, DocumentFrequency,
    ExtraPattern,
};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use rayon::prelude::*;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

/// Batches smaller than this are cleaned with no corpus table, as the CLI
/// does (its `corpus.min_files` default): below the default `min_documents`
/// no paragraph could reach the threshold.
const DEFAULT_MIN_FILES: usize = DEFAULT_MIN_DOCUMENTS as usize;

/// The option names, in the config file's sections, for error messages.
const OPTION_NAMES: &str = "min_words, containment, edit_similarity (or thresholds={...}); \
     select, extend_select, ignore, patterns (or rules={...}); enabled, min_files, min_documents \
     (or corpus={...}, or corpus=True/False); no_normalize; include, exclude";

/// Normalization steps that `no_normalize` can switch off (the CLI's
/// `--no-normalize` values).
const NORMALIZE_STEPS: &[&str] = &[
    "html-entities",
    "unicode-spaces",
    "invisible",
    "collapse-spaces",
    "trim-trailing",
    "nfc",
    "markdown",
];

/// Everything the options say: the library's options and the corpus settings
/// that decide when a batch is counted.
#[derive(Clone)]
struct Settings {
    options: dedupe::Options,
    corpus_enabled: bool,
    min_files: usize,
    min_documents: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            options: dedupe::Options::default(),
            corpus_enabled: true,
            min_files: DEFAULT_MIN_FILES,
            min_documents: DEFAULT_MIN_DOCUMENTS,
        }
    }
}

fn bad(name: &str, what: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(format!("option `{name}`: {what}"))
}

fn get<'py, T: FromPyObjectOwned<'py>>(
    name: &str,
    value: &Bound<'py, PyAny>,
    expected: &str,
) -> PyResult<T> {
    value.extract::<T>().map_err(|_| {
        bad(
            name,
            format!("expected {expected}, got {}", type_name(value)),
        )
    })
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "?".to_string())
}

fn ratio(name: &str, value: &Bound<'_, PyAny>) -> PyResult<f32> {
    let ratio: f64 = get(name, value, "a number between 0 and 1")?;
    if !(0.0..=1.0).contains(&ratio) {
        return Err(bad(name, "must be between 0 and 1"));
    }
    Ok(ratio as f32)
}

fn strings(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if value.is_instance_of::<PyString>() {
        return Err(bad(name, "expected a list of rule ids, got one string"));
    }
    get(name, value, "a list of strings")
}

/// Reads options given as the config file's names: flat (`min_words=8`) or by
/// section (`thresholds={"min_words": 8}`), the shape `tomllib` gives for a
/// `dedupe.toml`.
fn settings_from(options: Option<&Bound<'_, PyDict>>) -> PyResult<Settings> {
    let mut settings = Settings::default();
    let mut patterns: Option<Vec<ExtraPattern>> = None;
    if let Some(options) = options {
        apply(&mut settings, &mut patterns, options, "")?;
    }
    if let Some(patterns) = patterns.filter(|p| !p.is_empty()) {
        let boilerplate = Boilerplate::with_extra(&patterns).map_err(|err| bad("patterns", err))?;
        settings.options.boilerplate = Arc::new(boilerplate);
    }
    Ok(settings)
}

/// A list of rule ids or prefixes; an unknown one is a `ValueError` naming
/// the option, as the CLI refuses it (the config's own pattern rules are
/// checked by the CLI only).
fn rule_selectors(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let ids = strings(name, value)?;
    match ids.iter().find(|id| !dedupe::is_known_selector(id, [])) {
        Some(unknown) => Err(bad(name, format!("unknown rule `{unknown}`"))),
        None => Ok(ids),
    }
}

fn apply(
    settings: &mut Settings,
    patterns: &mut Option<Vec<ExtraPattern>>,
    options: &Bound<'_, PyDict>,
    section: &str,
) -> PyResult<()> {
    for (key, value) in options.iter() {
        let key: String = key
            .extract()
            .map_err(|_| PyValueError::new_err("option names must be strings"))?;
        let allowed = match section {
            "" => true,
            "thresholds" => ["min_words", "containment", "edit_similarity"].contains(&&*key),
            "rules" => ["select", "extend_select", "ignore", "patterns"].contains(&&*key),
            "corpus" => ["enabled", "min_files", "min_documents"].contains(&&*key),
            _ => false,
        };
        let name = if section.is_empty() {
            key.clone()
        } else {
            format!("{section}.{key}")
        };
        if !allowed {
            return Err(bad(&name, format!("unknown option; known: {OPTION_NAMES}")));
        }
        let name = name.as_str();
        let options = &mut settings.options;
        match key.as_str() {
            "thresholds" | "rules" if section.is_empty() => {
                let inner = value
                    .cast::<PyDict>()
                    .map_err(|_| bad(name, "expected a dict (a config file section)"))?;
                apply(settings, patterns, inner, &key)?;
            }
            "corpus" if section.is_empty() => {
                if let Ok(inner) = value.cast::<PyDict>() {
                    apply(settings, patterns, inner, "corpus")?;
                } else {
                    settings.corpus_enabled = get(name, &value, "a dict or a bool")?;
                }
            }
            "min_words" => options.min_words = get(name, &value, "a non-negative integer")?,
            "containment" => options.thresholds.containment = ratio(name, &value)?,
            "edit_similarity" => options.thresholds.edit_similarity = ratio(name, &value)?,
            "select" => options.rules.select = rule_selectors(name, &value)?,
            "extend_select" => options.rules.extend_select = rule_selectors(name, &value)?,
            "ignore" => options.rules.ignore = rule_selectors(name, &value)?,
            "patterns" => *patterns = Some(extra_patterns(name, &value)?),
            "enabled" => settings.corpus_enabled = get(name, &value, "a bool")?,
            "min_files" => settings.min_files = get(name, &value, "a non-negative integer")?,
            "min_documents" => {
                let min: u32 = get(name, &value, "an integer of at least 2")?;
                if min < 2 {
                    return Err(bad(name, "must be at least 2"));
                }
                settings.min_documents = min;
            }
            "no_normalize" if section.is_empty() => {
                for step in strings(name, &value)? {
                    let normalize = &mut options.normalize;
                    match step.replace('_', "-").as_str() {
                        "html-entities" => normalize.html_entities = false,
                        "unicode-spaces" => normalize.unicode_spaces = false,
                        "invisible" => normalize.invisible = false,
                        "collapse-spaces" => normalize.collapse_spaces = false,
                        "trim-trailing" => normalize.trim_trailing = false,
                        "nfc" => normalize.nfc = false,
                        "markdown" => normalize.markdown = false,
                        _ => {
                            return Err(bad(
                                name,
                                format!(
                                    "unknown step `{step}`; known: {}",
                                    NORMALIZE_STEPS.join(", ")
                                ),
                            ));
                        }
                    }
                }
            }
            // File-walk settings of the config file: accepted so a whole
            // `dedupe.toml` can be passed, but there are no files to walk here.
            "include" | "exclude" if section.is_empty() => {
                strings(name, &value)?;
            }
            _ => return Err(bad(name, format!("unknown option; known: {OPTION_NAMES}"))),
        }
    }
    Ok(())
}

/// `patterns`: a list of `{"rule": ..., "pattern": ...}` dicts (the config
/// file's `[[rules.patterns]]`) or of `(rule, pattern)` pairs.
fn extra_patterns(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Vec<ExtraPattern>> {
    let expected = "a list of {\"rule\": ..., \"pattern\": ...} dicts or (rule, pattern) pairs";
    let items: Vec<Bound<'_, PyAny>> = get(name, value, expected)?;
    items
        .iter()
        .map(|item| {
            if let Ok(dict) = item.cast::<PyDict>() {
                let field = |key: &str| -> PyResult<String> {
                    match dict.get_item(key)? {
                        Some(value) => get(&format!("{name}.{key}"), &value, "a string"),
                        None => Err(bad(name, format!("each pattern needs a `{key}`"))),
                    }
                };
                if dict.len() != 2 {
                    return Err(bad(name, "each pattern has exactly `rule` and `pattern`"));
                }
                Ok(ExtraPattern {
                    rule: field("rule")?,
                    pattern: field("pattern")?,
                })
            } else {
                let (rule, pattern): (String, String) = get(name, item, expected)?;
                Ok(ExtraPattern { rule, pattern })
            }
        })
        .collect()
}

/// One removed paragraph and why it went.
#[pyclass(frozen, module = "dedupe_text")]
struct Removal {
    /// The rule id, e.g. `exact-duplicate` or `boilerplate/read-more`.
    #[pyo3(get)]
    rule: String,
    /// First line of the paragraph in the input, counting from 1.
    #[pyo3(get)]
    first_line: usize,
    /// Last line of the paragraph in the input, counting from 1.
    #[pyo3(get)]
    last_line: usize,
    /// First line of the copy that was kept in its place, for copies.
    #[pyo3(get)]
    kept_line: Option<usize>,
    /// Similarity to the kept copy, from 0 to 1, for copies.
    #[pyo3(get)]
    similarity: Option<f64>,
    /// In how many documents of the corpus the paragraph occurs, for `corpus-boilerplate`.
    #[pyo3(get)]
    documents: Option<usize>,
    /// The removed paragraph (normalized).
    #[pyo3(get)]
    text: String,
    /// Why it went, in the library's wording.
    reason: String,
}

#[pymethods]
impl Removal {
    /// `(first_line, last_line)`, counting from 1.
    #[getter]
    fn lines(&self) -> (usize, usize) {
        (self.first_line, self.last_line)
    }

    /// Why it went, as the diff's hunk header says it: `caption of line 5 (0.90)`.
    #[getter]
    fn reason(&self) -> String {
        self.reason.clone()
    }

    /// The removal as a dict of plain values (for JSON or a metadata field).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("rule", &self.rule)?;
        dict.set_item("lines", (self.first_line, self.last_line))?;
        dict.set_item("kept_line", self.kept_line)?;
        dict.set_item("similarity", self.similarity)?;
        dict.set_item("documents", self.documents)?;
        dict.set_item("reason", self.reason())?;
        dict.set_item("text", &self.text)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Removal(lines={}-{}, reason={:?})",
            self.first_line,
            self.last_line,
            self.reason()
        )
    }
}

/// One cleaned document: the clean copy and every removal, with the reason.
#[pyclass(frozen, module = "dedupe_text")]
struct Cleaned {
    /// The library's result, owned.
    result: dedupe::Cleaned<'static>,
    original: String,
}

/// An owned result.
fn own(original: String, options: &dedupe::Options) -> Cleaned {
    let result = dedupe::clean(&original, options).into_owned();
    Cleaned { result, original }
}

#[pymethods]
impl Cleaned {
    /// The clean copy: kept paragraphs joined by one blank line, one final
    /// newline (empty when nothing is kept). Exactly what `dedupe FILE` writes.
    #[getter]
    fn text(&self) -> &str {
        &self.result.text
    }

    /// The text this was cleaned from.
    #[getter]
    fn original(&self) -> &str {
        &self.original
    }

    /// Whether the clean copy differs from the original.
    #[getter]
    fn changed(&self) -> bool {
        self.result.text != self.original
    }

    /// The removed paragraphs, in input order.
    #[getter]
    fn removals(&self) -> Vec<Removal> {
        self.result
            .removals()
            .map(|(paragraph, removal)| {
                let kept_line = self.result.kept_line(removal);
                Removal {
                    rule: removal.rule.to_string(),
                    first_line: paragraph.first_line,
                    last_line: paragraph.last_line,
                    kept_line,
                    similarity: removal.similarity.map(f64::from),
                    documents: removal.documents,
                    text: paragraph.text.to_string(),
                    reason: removal.reason(kept_line),
                }
            })
            .collect()
    }

    /// How many paragraphs the input had.
    #[getter]
    fn paragraphs_before(&self) -> usize {
        self.result.paragraphs.len()
    }

    /// How many paragraphs the clean copy has.
    #[getter]
    fn paragraphs_after(&self) -> usize {
        self.result
            .paragraphs
            .iter()
            .filter(|p| matches!(p.decision, Decision::Keep(_)))
            .count()
    }

    /// How many paragraphs each rule removed, most first, then by rule id.
    fn removal_counts(&self) -> Vec<(String, usize)> {
        self.result
            .removal_counts()
            .into_iter()
            .map(|(rule, count)| (rule.to_string(), count))
            .collect()
    }

    /// The unified diff from the original to the clean copy, with `a/PATH`
    /// and `b/PATH` headers and the reason for each removal after each hunk
    /// header: the bytes `dedupe --diff PATH` prints. Empty when unchanged.
    #[pyo3(signature = (path = "text"))]
    fn diff(&self, path: &str) -> String {
        self.result.diff(&self.original, path)
    }

    fn __repr__(&self) -> String {
        format!(
            "Cleaned(paragraphs {} -> {}, removals={})",
            self.paragraphs_before(),
            self.paragraphs_after(),
            self.result.removals().count()
        )
    }
}

/// In how many documents each paragraph occurs: the corpus table of the CLI's
/// `--write-table`, `--merge-tables` and `--table`.
///
/// Count texts (on any number of machines), merge the tables, and give the
/// sum to a Cleaner: every document is then judged against the same counts,
/// so the result does not depend on how the corpus was split.
#[pyclass(module = "dedupe_text")]
#[derive(Clone, Default)]
struct CorpusTable {
    table: DocumentFrequency,
}

/// A table that cannot be merged or used, as the `ValueError` Python expects.
fn table_error(err: dedupe::TableError) -> PyErr {
    PyValueError::new_err(err.to_string())
}

fn read_table(bytes: &[u8]) -> PyResult<DocumentFrequency> {
    DocumentFrequency::read_from(bytes).map_err(|err| PyValueError::new_err(err.to_string()))
}

#[pymethods]
impl CorpusTable {
    #[new]
    fn new() -> Self {
        Self::default()
    }

    /// Counts one document. `options` must be the ones the documents will be
    /// cleaned with (only `min_words` and `no_normalize` matter here).
    #[pyo3(signature = (text, options = None))]
    fn add(&mut self, text: &str, options: Option<&Bound<'_, PyDict>>) -> PyResult<()> {
        let settings = settings_from(options)?;
        self.table.add_document(text, &settings.options);
        Ok(())
    }

    /// Counts many documents in parallel, with the GIL released.
    #[pyo3(signature = (texts, options = None))]
    fn add_many(
        &mut self,
        py: Python<'_>,
        texts: Vec<String>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        let settings = settings_from(options)?;
        let counted = py.detach(|| count(&texts, |text| Some(text.as_str()), &settings.options));
        self.table.merge(&counted).map_err(table_error)?;
        Ok(())
    }

    /// Counts the documents of JSONL lines (`str` or `bytes`, with or without
    /// their newline): each line's `field`, as `dedupe --jsonl --write-table`
    /// counts them. Lines that are blank or not an object with that string
    /// field are not counted. Returns how many documents were counted.
    #[pyo3(signature = (lines, field = "text", options = None))]
    fn add_jsonl(
        &mut self,
        py: Python<'_>,
        lines: &Bound<'_, PyAny>,
        field: &str,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<usize> {
        let settings = settings_from(options)?;
        let (lines, _) = jsonl_lines(lines)?;
        let counted = py.detach(|| {
            let parsed: Vec<Line> = lines.par_iter().map(|line| parse(line, field)).collect();
            count(&parsed, Line::text, &settings.options)
        });
        let documents = counted.documents() as usize;
        self.table.merge(&counted).map_err(table_error)?;
        Ok(documents)
    }

    /// Adds another table's counts to this one.
    fn merge(&mut self, other: &Bound<'_, CorpusTable>) -> PyResult<()> {
        let other = other.borrow().table.clone();
        self.table.merge(&other).map_err(table_error)
    }

    /// The sum of tables given as bytes (`to_bytes`), as bytes: the reduce
    /// step of a distributed count.
    #[staticmethod]
    fn merge_bytes<'py>(py: Python<'py>, tables: Vec<Vec<u8>>) -> PyResult<Bound<'py, PyBytes>> {
        let mut merged = DocumentFrequency::new();
        for bytes in &tables {
            merged.merge(&read_table(bytes)?).map_err(table_error)?;
        }
        Ok(PyBytes::new(py, &to_bytes(&merged)))
    }

    /// The table in the CLI's `--write-table` format (the same table always
    /// gives the same bytes).
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &to_bytes(&self.table))
    }

    /// Reads bytes written by `to_bytes` or by `dedupe --write-table`.
    /// Raises ValueError for anything else, a truncated table included.
    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<Self> {
        Ok(CorpusTable {
            table: read_table(data)?,
        })
    }

    /// Writes the table to a file, in the CLI's `--write-table` format.
    fn write(&self, path: std::path::PathBuf) -> PyResult<()> {
        std::fs::write(&path, to_bytes(&self.table))
            .map_err(|err| PyOSError::new_err(format!("{}: {err}", path.display())))
    }

    /// Reads a table file written by `write` or by `dedupe --write-table`.
    #[staticmethod]
    fn read(path: std::path::PathBuf) -> PyResult<Self> {
        let bytes = std::fs::read(&path)
            .map_err(|err| PyOSError::new_err(format!("{}: {err}", path.display())))?;
        Ok(CorpusTable {
            table: read_table(&bytes)
                .map_err(|err| PyValueError::new_err(format!("{}: {err}", path.display())))?,
        })
    }

    /// How many documents were counted.
    #[getter]
    fn documents(&self) -> u64 {
        self.table.documents()
    }

    /// In how many counted documents a paragraph occurs (compared by its
    /// match key, so case, punctuation and accents do not matter).
    fn documents_with(&self, paragraph: &str) -> u32 {
        self.table.documents_with(paragraph)
    }

    /// How many distinct paragraphs the table holds.
    fn __len__(&self) -> usize {
        self.table.len()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<CorpusTable>()
            .is_ok_and(|other| other.borrow().table == self.table)
    }

    fn __repr__(&self) -> String {
        format!(
            "CorpusTable(documents={}, paragraphs={})",
            self.table.documents(),
            self.table.len()
        )
    }
}

fn to_bytes(table: &DocumentFrequency) -> Vec<u8> {
    let mut bytes = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = table.write_to(&mut bytes);
    bytes
}

/// Counts the inputs that hold a document, in parallel.
fn count<T: Sync>(
    inputs: &[T],
    text: impl Fn(&T) -> Option<&str> + Sync,
    options: &dedupe::Options,
) -> DocumentFrequency {
    inputs
        .par_iter()
        .fold(DocumentFrequency::new, |mut table, input| {
            if let Some(text) = text(input) {
                table.add_document(text, options);
            }
            table
        })
        // One set of options for every document: the tables always agree,
        // and counts cannot overflow below 2^32 documents.
        .reduce(DocumentFrequency::new, |mut a, b| {
            let _ = a.merge(&b);
            a
        })
}

/// Cleans documents with one set of options and, optionally, a corpus table.
/// Reusable and safe to share between threads.
#[pyclass(frozen, module = "dedupe_text")]
struct Cleaner {
    settings: Settings,
}

#[pymethods]
impl Cleaner {
    /// `options`: a dict of the config file's names (flat, or by section as
    /// `tomllib` reads a `dedupe.toml`). `table`: a CorpusTable, its bytes,
    /// or the path of a table file; the corpus-boilerplate rule then removes
    /// paragraphs recurring in at least `min_documents` of its documents.
    #[new]
    #[pyo3(signature = (options = None, table = None))]
    fn new(
        options: Option<&Bound<'_, PyDict>>,
        table: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut settings = settings_from(options)?;
        if let Some(table) = table {
            let table = if let Ok(table) = table.cast::<CorpusTable>() {
                table.borrow().table.clone()
            } else if let Ok(bytes) = table.cast::<PyBytes>() {
                read_table(bytes.as_bytes())?
            } else if let Ok(path) = table.extract::<std::path::PathBuf>() {
                CorpusTable::read(path)?.table
            } else {
                return Err(bad(
                    "table",
                    format!(
                        "expected a CorpusTable, bytes or a path, got {}",
                        type_name(table)
                    ),
                ));
            };
            settings.options.corpus = Some(Arc::new(CorpusBoilerplate {
                table,
                min_documents: settings.min_documents,
            }));
        }
        Ok(Cleaner { settings })
    }

    /// Cleans one document.
    fn clean(&self, py: Python<'_>, text: String) -> Cleaned {
        py.detach(|| own(text, &self.settings.options))
    }

    /// Cleans many documents in parallel with the GIL released; the results
    /// are in input order.
    fn clean_many(&self, py: Python<'_>, texts: Vec<String>) -> Vec<Cleaned> {
        py.detach(|| {
            texts
                .into_par_iter()
                .map(|text| own(text, &self.settings.options))
                .collect()
        })
    }

    /// Cleans JSONL lines (`str` or `bytes`, with or without their newline)
    /// exactly as `dedupe --jsonl` writes them: the cleaned `field` is
    /// spliced into the line, every other byte is kept, a field that does not
    /// change keeps its line byte for byte. Blank lines and lines that are not
    /// an object with that string field come back unchanged. Returns the
    /// lines without newlines, as `str` for `str` input and `bytes` for
    /// `bytes`.
    #[pyo3(signature = (lines, field = "text"))]
    fn clean_jsonl<'py>(
        &self,
        py: Python<'py>,
        lines: &Bound<'py, PyAny>,
        field: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let (lines, as_text) = jsonl_lines(lines)?;
        let cleaned: Vec<Vec<u8>> = py.detach(|| {
            lines
                .into_par_iter()
                .map(|line| clean_line(line, field, &self.settings.options))
                .collect()
        });
        if as_text {
            let texts: PyResult<Vec<Bound<'py, PyString>>> = cleaned
                .iter()
                .map(|line| {
                    std::str::from_utf8(line)
                        .map(|line| PyString::new(py, line))
                        .map_err(|err| PyValueError::new_err(err.to_string()))
                })
                .collect();
            PyList::new(py, texts?)
        } else {
            PyList::new(py, cleaned.iter().map(|line| PyBytes::new(py, line)))
        }
    }

    /// Whether this cleaner has a corpus table, and of how many documents.
    #[getter]
    fn table_documents(&self) -> Option<u64> {
        self.settings
            .options
            .corpus
            .as_ref()
            .map(|corpus| corpus.table.documents())
    }

    fn __repr__(&self) -> String {
        match self.table_documents() {
            Some(documents) => format!("Cleaner(table of {documents} documents)"),
            None => "Cleaner()".to_string(),
        }
    }
}

/// The lines of a list (or other iterable) of `str` or `bytes`, each without
/// one final `\n`, and whether they were `str`.
fn jsonl_lines(lines: &Bound<'_, PyAny>) -> PyResult<(Vec<Vec<u8>>, bool)> {
    if lines.is_instance_of::<PyString>() || lines.is_instance_of::<PyBytes>() {
        return Err(PyValueError::new_err(
            "lines: expected a list of lines, got one string (split it first)",
        ));
    }
    let mut as_text = None;
    let mut out = Vec::new();
    for line in lines.try_iter()? {
        let line = line?;
        let (mut bytes, text) = if let Ok(text) = line.cast::<PyString>() {
            (text.to_cow()?.as_bytes().to_vec(), true)
        } else if let Ok(bytes) = line.cast::<PyBytes>() {
            (bytes.as_bytes().to_vec(), false)
        } else {
            return Err(PyValueError::new_err(format!(
                "lines: expected str or bytes lines, got {}",
                type_name(&line)
            )));
        };
        if *as_text.get_or_insert(text) != text {
            return Err(PyValueError::new_err(
                "lines: mix of str and bytes lines; give one kind",
            ));
        }
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
        }
        out.push(bytes);
    }
    Ok((out, as_text.unwrap_or(true)))
}

/// One JSONL line, parsed as `dedupe --jsonl` parses it.
enum Line {
    /// Blank, or not an object with a string field: passed through.
    PassThrough,
    Document {
        text: String,
        span: Range<usize>,
    },
}

impl Line {
    fn text(&self) -> Option<&str> {
        match self {
            Line::Document { text, .. } => Some(text),
            Line::PassThrough => None,
        }
    }
}

/// The field must be a string in a JSON object (the CLI's `parse`).
fn parse(line: &[u8], field: &str) -> Line {
    let Ok(line) = std::str::from_utf8(line) else {
        return Line::PassThrough;
    };
    if line.trim().is_empty() {
        return Line::PassThrough;
    }
    let Ok(object) = serde_json::from_str::<BTreeMap<String, &RawValue>>(line) else {
        return Line::PassThrough;
    };
    let Some(raw) = object.get(field) else {
        return Line::PassThrough;
    };
    let Ok(text) = serde_json::from_str::<String>(raw.get()) else {
        return Line::PassThrough;
    };
    let start = raw.get().as_ptr() as usize - line.as_ptr() as usize;
    Line::Document {
        text,
        span: start..start + raw.get().len(),
    }
}

/// The CLI's output line for one input line: the clean text keeps the input's
/// lack of a final newline, and an unchanged field keeps the line as it was.
fn clean_line(line: Vec<u8>, field: &str, options: &dedupe::Options) -> Vec<u8> {
    let Line::Document { text, span } = parse(&line, field) else {
        return line;
    };
    let cleaned = dedupe::clean(&text, options);
    let mut clean_text = cleaned.text;
    if !text.ends_with('\n') && clean_text.ends_with('\n') {
        clean_text.pop();
    }
    if clean_text == text {
        return line;
    }
    let quoted = serde_json::to_string(&clean_text).unwrap_or_default();
    let mut spliced = Vec::with_capacity(line.len());
    spliced.extend_from_slice(&line[..span.start]);
    spliced.extend_from_slice(quoted.as_bytes());
    spliced.extend_from_slice(&line[span.end..]);
    spliced
}

/// Cleans one document. `options` are the config file's names, e.g.
/// `clean(text, min_words=8, ignore=["caption"])`.
#[pyfunction]
#[pyo3(signature = (text, **options))]
fn clean(py: Python<'_>, text: String, options: Option<&Bound<'_, PyDict>>) -> PyResult<Cleaned> {
    let settings = settings_from(options)?;
    Ok(py.detach(|| own(text, &settings.options)))
}

/// Cleans a batch as `dedupe` cleans the files of one run: when the corpus
/// rules are enabled and the batch has at least `min_files` documents (10 by
/// default), the batch's own table is counted first and every document is
/// judged against it. Parallel, with the GIL released; results in input order.
#[pyfunction]
#[pyo3(signature = (texts, **options))]
fn clean_corpus(
    py: Python<'_>,
    texts: Vec<String>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<Cleaned>> {
    let mut settings = settings_from(options)?;
    Ok(py.detach(|| {
        if settings.corpus_enabled && texts.len() >= settings.min_files {
            let table = count(&texts, |text| Some(text.as_str()), &settings.options);
            settings.options.corpus = Some(Arc::new(CorpusBoilerplate {
                table,
                min_documents: settings.min_documents,
            }));
        }
        texts
            .into_par_iter()
            .map(|text| own(text, &settings.options))
            .collect()
    }))
}

/// The corpus settings the options give, as a dict with `enabled`,
/// `min_files` and `min_documents`: what a distributed job needs to decide,
/// as the CLI does, whether a batch gets a table.
#[pyfunction]
#[pyo3(signature = (**options))]
fn corpus_settings<'py>(
    py: Python<'py>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let settings = settings_from(options)?;
    let dict = PyDict::new(py);
    dict.set_item("enabled", settings.corpus_enabled)?;
    dict.set_item("min_files", settings.min_files)?;
    dict.set_item("min_documents", settings.min_documents)?;
    Ok(dict)
}

/// The ids of every boilerplate rule, built-in (and opt-in) ones included.
#[pyfunction]
fn rule_ids() -> Vec<String> {
    Boilerplate::builtin()
        .rule_ids()
        .into_iter()
        .map(str::to_string)
        .collect()
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(clean, module)?)?;
    module.add_function(wrap_pyfunction!(clean_corpus, module)?)?;
    module.add_function(wrap_pyfunction!(corpus_settings, module)?)?;
    module.add_function(wrap_pyfunction!(rule_ids, module)?)?;
    module.add_class::<Cleaned>()?;
    module.add_class::<Removal>()?;
    module.add_class::<Cleaner>()?;
    module.add_class::<CorpusTable>()?;
    module.add("DEFAULT_MIN_WORDS", dedupe::DEFAULT_MIN_WORDS)?;
    module.add("DEFAULT_MIN_DOCUMENTS", DEFAULT_MIN_DOCUMENTS)?;
    module.add("DEFAULT_MIN_FILES", DEFAULT_MIN_FILES)?;
    Ok(())
}
