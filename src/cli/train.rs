//! `dedupe train`: learns a page model from pairs of raw and clean documents
//! (two folders with the same file names, or JSONL with two fields) and
//! writes the model file that `--model FILE` and `model =` in dedupe.toml
//! read. Training is deterministic: the same pairs give the same bytes.

use super::messages::{self, Paint};
use super::model::{Error, Outcome};
use super::output::{Planned, check_plan, write_atomically};
use super::report::plural;
use std::fs;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

/// `dedupe train` arguments.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("source").required(true).args(["raw", "jsonl"])))]
pub struct TrainArgs {
    /// Folder of raw pages (e.g. bench-dev's `in/`); each `*.txt` pairs with the file of the
    /// same name in `--clean`.
    #[arg(long, value_name = "DIR", requires = "clean")]
    pub raw: Option<PathBuf>,
    /// Folder of the clean versions (e.g. bench-dev's `gold/`).
    #[arg(long, value_name = "DIR")]
    pub clean: Option<PathBuf>,
    /// JSONL file, one pair per line.
    #[arg(long, value_name = "FILE", conflicts_with = "raw")]
    pub jsonl: Option<PathBuf>,
    /// The JSONL field holding the raw text.
    #[arg(long, value_name = "NAME", default_value = "raw")]
    pub raw_field: String,
    /// The JSONL field holding the clean text.
    #[arg(long, value_name = "NAME", default_value = "clean")]
    pub clean_field: String,
    /// Where to write the model.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Skip pages larger than SIZE as an error (bytes, or with a K, M or G suffix), as
    /// cleaning does.
    #[arg(long, value_name = "SIZE", value_parser = super::args::parse_size, default_value = "256M")]
    pub max_size: u64,
    /// Hashed word-feature table of 2^BITS weights (18: a 256 KB model).
    #[arg(long, value_name = "BITS", default_value_t = 18, value_parser = clap::value_parser!(u32).range(8..=22))]
    pub hash_bits: u32,
}

/// Reads a model file for `--model`.
pub fn load_model(path: &Path) -> Result<dedupe::PageModel, String> {
    let bytes = fs::read(path).map_err(|err| format!("{}: {err}", path.display()))?;
    dedupe::PageModel::from_bytes(&bytes).map_err(|err| format!("{}: {err}", path.display()))
}

/// Reads the pairs, trains, writes the model. As in a batch that cleans,
/// a pair that cannot be read is an error line naming its file (or its
/// JSONL line), and the model is trained from the rest, with exit code 2.
/// Pages over `--max-size` are such errors too.
pub fn run(args: &TrainArgs, quiet: bool) -> Result<Outcome, Error> {
    let mut problems = Problems {
        paint: Paint::for_stream(&io::stderr()),
        quiet,
        failed: false,
    };
    let pairs = match (&args.raw, &args.clean, &args.jsonl) {
        (Some(raw), Some(clean), _) => folder_pairs(raw, clean, args.max_size, &mut problems)?,
        (_, _, Some(jsonl)) => {
            jsonl_pairs(jsonl, &args.raw_field, &args.clean_field, &mut problems)?
        }
        _ => return Err(Error::usage("give --raw DIR --clean DIR, or --jsonl FILE")),
    };
    if pairs.is_empty() {
        return Err(Error::usage("no training pairs found"));
    }
    let options = dedupe::TrainOptions {
        hash_bits: args.hash_bits,
        ..dedupe::TrainOptions::default()
    };
    // The model goes through the one output policy: never over an input,
    // written atomically, no symlink followed.
    let inputs = [&args.raw, &args.clean, &args.jsonl].into_iter().flatten();
    let plan: Vec<Planned> = inputs
        .map(|path| Planned::Input(path.clone()))
        .chain([Planned::Output(args.output.clone())])
        .collect();
    check_plan(&plan).map_err(Error::usage)?;
    let model = dedupe::train_page_model(&pairs, &options);
    write_atomically(&args.output, &model.to_bytes())
        .map_err(|err| Error::io(args.output.display(), err))?;
    if !quiet {
        eprintln!(
            "{}: page model from {} (threshold {}, transition weight {})",
            args.output.display(),
            plural(pairs.len(), "pair"),
            model.threshold,
            model.transition_weight
        );
    }
    Ok(Outcome {
        failed: problems.failed,
        ..Outcome::default()
    })
}

/// Where the pairs that cannot be used are reported, and whether one was.
struct Problems {
    paint: Paint,
    quiet: bool,
    failed: bool,
}

impl Problems {
    /// `dedupe: error: NAME: PROBLEM`: this pair is left out of training.
    fn error(&mut self, name: &str, problem: impl std::fmt::Display) {
        self.failed = true;
        let _ = messages::error(&mut io::stderr().lock(), self.paint, name, problem);
    }

    /// `dedupe: warning: NAME: PROBLEM`, unless `-q`.
    fn warning(&self, name: &str, problem: impl std::fmt::Display) {
        if !self.quiet {
            let _ = messages::warning(&mut io::stderr().lock(), self.paint, name, problem);
        }
    }
}

/// A training page's text, read as a page to clean is ([`super::batch::read`]:
/// a FIFO or a device is refused, not opened, as opening a FIFO with no
/// writer blocks forever) and decoded as one ([`dedupe::decode`]: UTF-8,
/// UTF-16 with a BOM, Windows-1252 on a confident guess), so that a site's
/// pages train whatever their encoding.
fn read_page(path: &Path, max_size: u64) -> Result<String, String> {
    let (bytes, _) = super::batch::read(Some(path), max_size).map_err(|err| err.to_string())?;
    let decoded = dedupe::decode(&bytes, dedupe::Encoding::Auto).map_err(|err| err.to_string())?;
    Ok(decoded.text.into_owned())
}

/// The pairs of `raw` and `clean` files of the same name. A raw page with
/// no clean twin is left out, with one warning that counts them (a typo in
/// a folder's name would otherwise train on nothing, or on a few pairs,
/// without a word).
fn folder_pairs(
    raw: &Path,
    clean: &Path,
    max_size: u64,
    problems: &mut Problems,
) -> Result<Vec<dedupe::TrainPair>, Error> {
    let mut names: Vec<PathBuf> = fs::read_dir(raw)
        .map_err(|err| Error::io(raw.display(), err))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    names.sort();
    let mut pairs = Vec::with_capacity(names.len());
    // How many raw pages have no clean twin, and the first of them.
    let mut without_twin: (usize, Option<PathBuf>) = (0, None);
    for path in names {
        let Some(name) = path.file_name() else {
            continue;
        };
        let gold = clean.join(name);
        if !gold.exists() {
            without_twin.0 += 1;
            without_twin.1.get_or_insert(path);
            continue;
        }
        match (read_page(&path, max_size), read_page(&gold, max_size)) {
            (Ok(raw), Ok(clean)) => pairs.push(dedupe::TrainPair { raw, clean }),
            (Err(problem), _) => problems.error(&path.display().to_string(), problem),
            (_, Err(problem)) => problems.error(&gold.display().to_string(), problem),
        }
    }
    if let (count, Some(first)) = without_twin {
        problems.warning(
            &raw.display().to_string(),
            format_args!(
                "{} with no file of the same name in {}, not used (the first: {})",
                plural(count, "page"),
                clean.display(),
                first.file_name().unwrap_or_default().to_string_lossy()
            ),
        );
    }
    Ok(pairs)
}

/// The pairs of a JSONL file, one a line. A line that is not JSON (UTF-8
/// JSON, as JSONL is), or lacks either field, is an error naming its line,
/// and is left out.
fn jsonl_pairs(
    path: &Path,
    raw: &str,
    clean: &str,
    problems: &mut Problems,
) -> Result<Vec<dedupe::TrainPair>, Error> {
    let file = fs::File::open(path).map_err(|err| Error::io(path.display(), err))?;
    let mut pairs = Vec::new();
    for (number, line) in BufReader::new(file).split(b'\n').enumerate() {
        let mut line = line.map_err(|err| Error::io(path.display(), err))?;
        // A byte-order mark is not part of the first pair (as in `--jsonl`).
        if number == 0 && line.starts_with(super::jsonl::UTF8_BOM) {
            line.drain(..super::jsonl::UTF8_BOM.len());
        }
        if line.trim_ascii().is_empty() {
            continue;
        }
        let name = format!("{}:{}", path.display(), number + 1);
        let value: serde_json::Value = match serde_json::from_slice(&line) {
            Ok(value) => value,
            Err(err) => {
                problems.error(&name, err);
                continue;
            }
        };
        let field = |field: &str| value[field].as_str().map(str::to_string);
        match (field(raw), field(clean)) {
            (Some(raw), Some(clean)) => pairs.push(dedupe::TrainPair { raw, clean }),
            (None, _) => problems.error(&name, format_args!("no string field `{raw}`")),
            (_, None) => problems.error(&name, format_args!("no string field `{clean}`")),
        }
    }
    Ok(pairs)
}
