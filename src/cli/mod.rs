//! The application around the library: settle the settings (flags over the
//! config file), list the inputs, clean each one once on a thread pool, then
//! print every result in input order, so the output never depends on `-j`.

mod args;
mod batch;
mod config;
mod corpus;
mod engine;
mod jsonl;
mod messages;
mod model;
mod output;
mod report;
mod train;
mod walk;

pub use args::Args;
pub use model::{Error, Outcome};

use args::{Format, Generate};
use batch::Job;
use clap::CommandFactory;
use globset::{Glob, GlobSet, GlobSetBuilder};
use model::Mode;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::sync::Mutex;

/// Which files a folder walk takes when neither flags nor config say.
const DEFAULT_INCLUDE: [&str; 2] = ["*.txt", "*.md"];

/// What one invocation does: the subcommands and the one-shot table
/// operations, or cleaning (JSONL records, or files and folders).
enum Task<'a> {
    Generate(Generate),
    Rules(Option<&'a str>),
    Train(&'a train::TrainArgs),
    /// No input given and stdin is a person's keyboard.
    Usage,
    MergeTables(&'a Path),
    CleanJsonl,
    CleanFiles,
}

impl<'a> Task<'a> {
    fn of(args: &'a Args) -> Self {
        if let Some(what) = args.generate {
            Task::Generate(what)
        } else if let Some(args::Command::Rules { id }) = &args.command {
            Task::Rules(id.as_deref())
        } else if let Some(args::Command::Train(train)) = &args.command {
            Task::Train(train)
        } else if let Some(out) = &args.merge_tables {
            Task::MergeTables(out)
        } else if args.paths.is_empty() && io::stdin().is_terminal() {
            Task::Usage
        } else if args.jsonl {
            Task::CleanJsonl
        } else {
            Task::CleanFiles
        }
    }
}

/// Runs the command line.
pub fn run(args: Args) -> Result<Outcome, Error> {
    args.color.choice().write_global();
    match Task::of(&args) {
        Task::Generate(what) => generate(what).map_err(|err| Error::io("stdout", err)),
        Task::Rules(id) => rules(id),
        Task::Train(train) => train::run(train, args.quiet),
        // Nothing to read but a person's keyboard: say how to use it instead
        // of waiting silently, as a filter run by mistake would.
        Task::Usage => Err(Error::usage(format!(
            "no input: give files or folders, or pipe text in\n\n{}",
            Args::command().render_usage()
        ))),
        Task::MergeTables(out) => {
            corpus::merge(out, &args.paths, args.quiet)?;
            Ok(Outcome::default())
        }
        Task::CleanJsonl => {
            let (config, pool) = settle(&args)?;
            jsonl::run(
                &args,
                &config,
                &corpus::Settings::new(&args, &config),
                &pool,
            )
        }
        Task::CleanFiles => {
            let (config, pool) = settle(&args)?;
            clean_files(&args, &config, &pool)
        }
    }
}

/// The config file (found, named or ignored) and the thread pool, on which
/// the boilerplate catalogue starts compiling while the inputs are listed.
fn settle(args: &Args) -> Result<(config::Config, rayon::ThreadPool), Error> {
    let working_folder = std::env::current_dir().map_err(|err| Error::io("working folder", err))?;
    let source = match (&args.config, args.isolated) {
        (_, true) => config::Source::Isolated,
        (Some(file), false) => config::Source::File(file),
        (None, false) => config::Source::SearchFrom(&working_folder),
    };
    let config = config::load(source).map_err(Error::usage)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.map_or(0, usize::from))
        .build()
        .map_err(|err| Error::usage(format!("cannot start {:?} threads: {err}", args.threads)))?;
    pool.spawn(|| {
        dedupe::Boilerplate::compile_builtin();
        return_freed_memory();
    });
    Ok((config, pool))
}

/// Hands the memory the catalogue's compile freed back to the system. The
/// catalogue compiles on several threads at once, each in its own glibc
/// arena, and glibc keeps what they freed (the parsed patterns, the NFA
/// builder's buffers) for reuse by threads that never come back to it: 13
/// to 15 MB of resident memory that every file's peak then carried
/// (`bash benches/memory.sh`, 2026-12-02). Other C libraries keep their own
/// policy.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn return_freed_memory() {
    // SAFETY: malloc_trim only releases free pages of the allocator's
    // arenas; it is safe to call from any thread at any time.
    #[allow(unsafe_code)]
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_freed_memory() {}

/// Cleans files, folders and stdin: list the inputs, check every output
/// against them, count the corpus, then clean and print in input order.
fn clean_files(
    args: &Args,
    config: &config::Config,
    pool: &rayon::ThreadPool,
) -> Result<Outcome, Error> {
    let corpus_settings = corpus::Settings::new(args, config);
    let mode = mode(args)?;
    if let Some(folder) = args.paths.iter().find(|path| path.is_dir())
        && !mode.takes_folders()
        && args.write_table.is_none()
    {
        return Err(Error::usage(format!(
            "{}: is a folder; folders need one of --check, --diff, --in-place or --out-dir",
            folder.display()
        )));
    }
    let writes_stdout = matches!(mode, Mode::Stdout | Mode::Explain)
        || matches!(mode, Mode::Beside if args.paths.is_empty());
    if args.format != Format::Text && writes_stdout {
        return Err(Error::usage(
            "--format json, github and sarif report on --check, --diff, --in-place, --out-dir or files; not with the clean text on stdout",
        ));
    }
    let default_include = DEFAULT_INCLUDE.map(String::from);
    let filter = walk::Filter {
        hidden: args.hidden,
        no_ignore: args.no_ignore,
        include: globs(pick(&args.include, config.include.as_deref()).unwrap_or(&default_include))?,
        exclude: globs(pick(&args.exclude, Some(&config.exclude)).unwrap_or_default())?,
        skip_folders: match &mode {
            Mode::OutDir(dir) => vec![dir.clone()],
            _ => Vec::new(),
        },
        force_exclude: args.force_exclude,
    };
    let walked = walk::expand(&args.paths, &filter);
    let items = walked.items;
    check_plan(&items, &mode, args)?;
    if matches!(mode, Mode::InPlace | Mode::OutDir(_)) {
        remove_stale_temporaries(&walked.stale_temporaries, args.verbose);
    }
    let one_input_modes = matches!(mode, Mode::Stdout | Mode::Explain | Mode::Output(_));
    if items.len() > 1 && one_input_modes {
        return Err(Error::usage(
            "-o/--output, --stdout and --explain take one input; use --out-dir or --in-place for several",
        ));
    }
    let mut job = Job {
        options: args.options(config).map_err(Error::usage)?,
        mode: mode.clone(),
        encoding: args.encoding(),
        to_utf8: args.to_utf8,
        max_size: args.max_size,
        max_memory: args.max_memory,
        checked_folders: Mutex::default(),
        previews: args.format != Format::Text,
    };
    let count = || {
        corpus::count(
            &items,
            |table, item| batch::count_into(table, item, &job),
            pool,
        )
    };
    if let Some(path) = &args.write_table {
        corpus::write(path, &count()?, args.quiet)?;
        return Ok(Outcome::default());
    }
    // Stdin can be read only once, so a batch with it is not counted.
    let countable = if items.contains(&walk::Item::Stdin) {
        0
    } else {
        items.len()
    };
    job.options.corpus = corpus_settings.corpus(countable, &job.options, count)?;
    let single = items.len() == 1 && !args.paths.iter().any(|path| path.is_dir());
    let rules: Vec<&str> = dedupe::RULES
        .iter()
        .map(|rule| rule.id)
        .chain(job.options.boilerplate.rule_ids())
        .collect();
    let mut reporter =
        report::Reporter::new(args.format, mode, args.quiet, args.verbose, single, &rules);
    let mut totals = report::Totals {
        corpus_documents: job.options.corpus.as_ref().map(|c| c.table.documents()),
        ..report::Totals::default()
    };
    let mut stdout = io::BufWriter::new(io::stdout());
    engine::run(
        &items,
        pool,
        args.quiet,
        |item| batch::process(item, &job),
        |_, results| {
            let mut stderr = io::stderr().lock();
            for result in &results {
                totals.add(result);
                reporter.file(result, &mut stdout, &mut stderr)?;
            }
            stdout.flush()
        },
    )
    .map_err(|err| Error::io("stdout", err))?;
    reporter
        .finish(&totals, !single, &mut stdout, &mut io::stderr().lock())
        .map_err(|err| Error::io("stdout", err))?;
    Ok(Outcome {
        changes_found: reporter.mode.reports_changes() && totals.changed > 0,
        failed: totals.failed > 0,
    })
}

/// The one mode the flags ask for (clap keeps them exclusive).
fn mode(args: &Args) -> Result<Mode, Error> {
    Ok(if args.check {
        Mode::Check
    } else if args.diff {
        Mode::Diff
    } else if args.explain {
        Mode::Explain
    } else if args.stdout || args.output.as_deref() == Some(Path::new("-")) {
        Mode::Stdout
    } else if let Some(output) = &args.output {
        Mode::Output(output.clone())
    } else if args.in_place {
        Mode::InPlace
    } else if let Some(dir) = &args.out_dir {
        // Resolved, so that walks can skip it and writes can be checked
        // against it; created only once the run's plan has been checked.
        Mode::OutDir(output::resolve(dir))
    } else {
        Mode::Beside
    })
}

/// Every input and every file the run would write, checked against each
/// other before anything is written (see [`output::check_plan`]).
fn check_plan(items: &[walk::Item], mode: &Mode, args: &Args) -> Result<(), Error> {
    let mut plan = Vec::new();
    for item in items {
        if let walk::Item::File { path, mirror } = item {
            plan.push(output::Planned::Input(path.clone()));
            plan.extend(
                batch::outputs(mode, path, mirror)
                    .into_iter()
                    .map(output::Planned::Output),
            );
        }
    }
    plan.extend(
        [&args.write_table, &args.report]
            .into_iter()
            .flatten()
            .map(|path| output::Planned::Output(path.clone())),
    );
    output::check_plan(&plan).map_err(Error::usage)
}

/// Removes the temporary files a killed run left in the walked folders.
fn remove_stale_temporaries(stale: &[std::path::PathBuf], verbose: bool) {
    for path in stale {
        if std::fs::remove_file(path).is_ok() && verbose {
            eprintln!(
                "dedupe: removed {}, left by an interrupted run",
                path.display()
            );
        }
    }
}

/// The flag's list when given, else the config file's.
fn pick<'a>(flag: &'a [String], file: Option<&'a [String]>) -> Option<&'a [String]> {
    if flag.is_empty() { file } else { Some(flag) }
}

fn globs(patterns: &[String]) -> Result<GlobSet, Error> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern).map_err(|err| Error::usage(format!("bad glob: {err}")))?;
        builder.add(glob);
    }
    builder
        .build()
        .map_err(|err| Error::usage(format!("bad glob: {err}")))
}

/// `dedupe rules [ID]`: the registry, as a table or one rule's entry.
fn rules(id: Option<&str>) -> Result<Outcome, Error> {
    let state = |rule: &dedupe::Rule| if rule.opt_in { "opt-in" } else { "default" };
    let mut out = io::stdout().lock();
    let printed = match id {
        None => dedupe::RULES.iter().try_for_each(|rule| {
            writeln!(out, "{:<32} {:<8} {}", rule.id, state(rule), rule.summary)
        }),
        Some(id) => {
            let rule = dedupe::RULES
                .iter()
                .find(|rule| rule.id == id)
                .ok_or_else(|| Error::usage(args::unknown_rule("rules", id, &[])))?;
            let how = if rule.opt_in {
                format!("Off unless selected by its exact id: --select {}", rule.id)
            } else {
                format!("On by default; switch it off with --ignore {}", rule.id)
            };
            writeln!(out, "{}\n\n{}\n\n{how}", rule.id, rule.summary)
        }
    };
    printed.map_err(|err| Error::io("stdout", err))?;
    Ok(Outcome::default())
}

/// `--generate`: a completion script or the man page, from the clap definition.
fn generate(what: Generate) -> io::Result<Outcome> {
    use clap_complete::Shell;
    let mut command = Args::command();
    let mut out = io::stdout().lock();
    let shell = match what {
        Generate::Man => {
            man_page(command, &mut out)?;
            return Ok(Outcome::default());
        }
        Generate::CompletionBash => Shell::Bash,
        Generate::CompletionZsh => Shell::Zsh,
        Generate::CompletionFish => Shell::Fish,
        Generate::CompletionElvish => Shell::Elvish,
        Generate::CompletionPowershell => Shell::PowerShell,
    };
    clap_complete::generate(shell, &mut command, "dedupe", &mut out);
    Ok(Outcome::default())
}

/// The man page: clap's sections, then EXIT STATUS and EXAMPLES.
fn man_page(command: clap::Command, out: &mut impl Write) -> io::Result<()> {
    let man = clap_mangen::Man::new(command);
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    man.render_subcommands_section(out)?;
    out.write_all(MAN_EXTRA.as_bytes())?;
    man.render_version_section(out)
}

/// The man page's hand-written sections, in roff.
const MAN_EXTRA: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Nothing to change, or every file written.
.TP
\fB1\fR
\fB\-\-check\fR or \fB\-\-diff\fR found a file that would change.
.TP
\fB2\fR
An error: bad arguments or config, an unreadable, binary or undecodable file, an output that would overwrite an input. The rest of a batch still runs.
.SH EXAMPLES
.TP
\fBdedupe article.txt\fR
Write article.clean.txt and article.diff beside the input.
.TP
\fBdedupe \-\-check articles/\fR
In CI: print the diff of every file that would change and exit 1 if any would.
.TP
\fBdedupe \-\-in\-place articles/\fR
Rewrite each file atomically.
.TP
\fBdedupe \-\-out\-dir clean/ articles/\fR
Write clean copies and diffs under clean/, mirroring articles/.
.TP
\fBdedupe \-\-jsonl \-\-field text corpus.jsonl \-o clean.jsonl\fR
Clean the text field of every JSONL record, keeping the other fields byte for byte.
.TP
\fBdedupe rules boilerplate/share\fR
Explain one rule.
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_one_policy() {
        let outcome = |changes_found, failed| {
            Outcome {
                changes_found,
                failed,
            }
            .exit_code()
        };
        assert_eq!(outcome(false, false), 0);
        assert_eq!(outcome(true, false), 1);
        assert_eq!(outcome(true, true), 2);
    }
}
