//! `dedupe train`: learns a page model from pairs of raw and clean documents
//! (two folders with the same file names, or JSONL with two fields) and
//! writes the model file that `--model FILE` and `model =` in dedupe.toml
//! read. Training is deterministic: the same pairs give the same bytes.

use super::model::{Error, Outcome};
use super::output::{Planned, check_plan, write_atomically};
use std::fs;
use std::io::{BufRead, BufReader};
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
    /// Hashed word-feature table of 2^BITS weights (18: a 256 KB model).
    #[arg(long, value_name = "BITS", default_value_t = 18, value_parser = clap::value_parser!(u32).range(8..=22))]
    pub hash_bits: u32,
}

/// Reads a model file for `--model`.
pub fn load_model(path: &Path) -> Result<dedupe::PageModel, String> {
    let bytes = fs::read(path).map_err(|err| format!("{}: {err}", path.display()))?;
    dedupe::PageModel::from_bytes(&bytes).map_err(|err| format!("{}: {err}", path.display()))
}

/// Reads the pairs, trains, writes the model.
pub fn run(args: &TrainArgs, quiet: bool) -> Result<Outcome, Error> {
    let pairs = match (&args.raw, &args.clean, &args.jsonl) {
        (Some(raw), Some(clean), _) => folder_pairs(raw, clean)?,
        (_, _, Some(jsonl)) => jsonl_pairs(jsonl, &args.raw_field, &args.clean_field)?,
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
            "{}: page model from {} pairs (threshold {}, transition weight {})",
            args.output.display(),
            pairs.len(),
            model.threshold,
            model.transition_weight
        );
    }
    Ok(Outcome::default())
}

fn folder_pairs(raw: &Path, clean: &Path) -> Result<Vec<dedupe::TrainPair>, Error> {
    let mut names: Vec<PathBuf> = fs::read_dir(raw)
        .map_err(|err| Error::io(raw.display(), err))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_owned();
            let gold = clean.join(&name);
            gold.exists().then_some((path, gold))
        })
        .map(|(path, gold)| {
            let read = |p: &Path| fs::read_to_string(p).map_err(|err| Error::io(p.display(), err));
            Ok(dedupe::TrainPair {
                raw: read(&path)?,
                clean: read(&gold)?,
            })
        })
        .collect()
}

fn jsonl_pairs(path: &Path, raw: &str, clean: &str) -> Result<Vec<dedupe::TrainPair>, Error> {
    let file = fs::File::open(path).map_err(|err| Error::io(path.display(), err))?;
    let mut pairs = Vec::new();
    for (number, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|err| Error::io(path.display(), err))?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line)
            .map_err(|err| Error::usage(format!("{}:{}: {err}", path.display(), number + 1)))?;
        let field = |name: &str| {
            value[name].as_str().map(str::to_string).ok_or_else(|| {
                Error::usage(format!(
                    "{}:{}: no string field `{name}`",
                    path.display(),
                    number + 1
                ))
            })
        };
        pairs.push(dedupe::TrainPair {
            raw: field(raw)?,
            clean: field(clean)?,
        });
    }
    Ok(pairs)
}
