//! The one loop that cleans a batch, for files and JSONL records alike: a
//! chunk of inputs is cleaned on the thread pool, then its results are
//! printed in input order on the calling thread, so the output never depends
//! on `-j` and memory stays flat however long the batch.

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{self, IsTerminal};

/// Inputs cleaned between two rounds of printing: large enough to keep every
/// thread busy, small enough that memory stays flat and output streams.
const CHUNK: usize = 256;

/// Batches at least this large get a progress bar (on a terminal).
const PROGRESS_MIN_INPUTS: usize = 100;

/// Runs `work` on every input on `pool` and hands each chunk's results, in
/// input order, to `print`. The progress bar (on a terminal stderr, for long
/// batches) is hidden while `print` runs; `print` must take the stdout and
/// stderr locks itself, only for its own duration: the workers' bar ticks
/// need stderr while a chunk is cleaned.
pub fn run<T: Sync, R: Send>(
    inputs: &[T],
    pool: &rayon::ThreadPool,
    quiet: bool,
    work: impl Fn(&T) -> R + Sync,
    mut print: impl FnMut(&[T], Vec<R>) -> io::Result<()>,
) -> io::Result<()> {
    let progress = progress_bar(inputs.len(), quiet);
    for chunk in inputs.chunks(CHUNK) {
        let results: Vec<R> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| {
                    let result = work(input);
                    progress.inc(1);
                    result
                })
                .collect()
        });
        progress.suspend(|| print(chunk, results))?;
    }
    progress.finish_and_clear();
    Ok(())
}

/// A bar on a terminal stderr for long batches; hidden when piped, in CI
/// (`CI` set) or with `-q`, so logs stay clean.
fn progress_bar(inputs: usize, quiet: bool) -> ProgressBar {
    let wanted = inputs >= PROGRESS_MIN_INPUTS
        && !quiet
        && std::env::var_os("CI").is_none()
        && io::stderr().is_terminal();
    if !wanted {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    ProgressBar::new(inputs as u64).with_style(style)
}
