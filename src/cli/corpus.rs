//! Corpus mode around the library's [`DocumentFrequency`]: when to count a
//! batch, counting it on the thread pool, and the table files of a sharded
//! run (`--write-table`, `--merge-tables`, `--table`).
//!
//! Counting is a sum, so the table (and every decision made against it) is the
//! same for any `-j` and any file order; shards counted on other machines and
//! merged give the table one machine would have counted.

use super::args::Args;
use super::config::Config;
use super::model::Error;
use super::output::{AtomicFile, Planned};
use dedupe::{CorpusBoilerplate, DEFAULT_MIN_DOCUMENTS, DocumentFrequency};
use rayon::prelude::*;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Batches with fewer documents are cleaned one document at a time: below
/// [`DEFAULT_MIN_DOCUMENTS`] no paragraph can reach the default threshold, so
/// the counting pass would be wasted work.
pub const DEFAULT_MIN_FILES: usize = DEFAULT_MIN_DOCUMENTS as usize;

/// Corpus settings, flags over the config file.
pub struct Settings {
    pub enabled: bool,
    pub min_files: usize,
    pub min_documents: u32,
    pub table: Option<PathBuf>,
}

impl Settings {
    pub fn new(args: &Args, config: &Config) -> Self {
        let file = &config.corpus;
        // A folder or a JSONL corpus is a set of pages of one kind; files
        // named one by one (a commit's staged files) are whatever changed, so
        // what they share says nothing about a site unless the config says so.
        let a_corpus = args.jsonl || args.paths.iter().any(|path| path.is_dir());
        Settings {
            enabled: !args.no_corpus && file.enabled.unwrap_or(a_corpus),
            min_files: args
                .corpus_min_files
                .or(file.min_files)
                .unwrap_or(DEFAULT_MIN_FILES),
            min_documents: args
                .corpus_min_documents
                .or(file.min_documents)
                .unwrap_or(DEFAULT_MIN_DOCUMENTS),
            table: args.table.clone(),
        }
    }

    /// The corpus rules for a batch of `documents` inputs: the `--table`, or
    /// the batch's own table (counted by `count` only when the batch is large
    /// enough), or none.
    pub fn corpus(
        &self,
        documents: usize,
        options: &dedupe::Options,
        count: impl FnOnce() -> Result<DocumentFrequency, Error>,
    ) -> Result<Option<Arc<CorpusBoilerplate>>, Error> {
        let table = match &self.table {
            Some(path) => {
                let table = read(path)?;
                table
                    .check_settings(options)
                    .map_err(|err| Error::usage(format!("{}: {err}", path.display())))?;
                table
            }
            None if self.enabled && documents >= self.min_files => count()?,
            None => return Ok(None),
        };
        Ok(Some(Arc::new(CorpusBoilerplate {
            table,
            min_documents: self.min_documents,
        })))
    }
}

/// Counts the inputs on the pool; `add` counts one input into a table (or
/// nothing, for an input that cannot be read: cleaning reports it).
pub fn count<T: Sync>(
    inputs: &[T],
    add: impl Fn(&mut DocumentFrequency, &T) + Sync,
    pool: &rayon::ThreadPool,
) -> Result<DocumentFrequency, Error> {
    pool.install(|| {
        inputs
            .par_iter()
            .fold(DocumentFrequency::new, |mut table, input| {
                add(&mut table, input);
                table
            })
            .map(Ok)
            .try_reduce(DocumentFrequency::new, |mut a, b| a.merge(&b).map(|()| a))
    })
    .map_err(|err| Error::usage(format!("counting the corpus: {err}")))
}

/// Reads a table file.
pub fn read(path: &Path) -> Result<DocumentFrequency, Error> {
    File::open(path)
        .and_then(|file| DocumentFrequency::read_from(BufReader::new(file)))
        .map_err(|err| Error::io(path.display(), err))
}

/// Writes a table file, and says what it holds on stderr unless `quiet`.
pub fn write(path: &Path, table: &DocumentFrequency, quiet: bool) -> Result<(), Error> {
    AtomicFile::create(path)
        .and_then(|mut file| {
            table.write_to(&mut file)?;
            file.commit()
        })
        .map_err(|err| Error::io(path.display(), err))?;
    if !quiet {
        eprintln!(
            "dedupe: wrote {}: {} documents, {} entries",
            path.display(),
            table.documents(),
            table.len()
        );
    }
    Ok(())
}

/// `--merge-tables OUT IN...`: the sum of the shard tables.
pub fn merge(out: &Path, inputs: &[PathBuf], quiet: bool) -> Result<(), Error> {
    if inputs.is_empty() {
        return Err(Error::usage(
            "--merge-tables OUT needs the tables to merge as PATHs",
        ));
    }
    let plan: Vec<Planned> = inputs
        .iter()
        .map(|input| Planned::Input(input.clone()))
        .chain([Planned::Output(out.to_path_buf())])
        .collect();
    super::output::check_plan(&plan).map_err(Error::usage)?;
    let mut merged = DocumentFrequency::new();
    for input in inputs {
        merged
            .merge(&read(input)?)
            .map_err(|err| Error::usage(format!("{}: {err}", input.display())))?;
    }
    write(out, &merged, quiet)
}
