//! The command line, as one clap-derive struct whose doc comments are the help
//! text, converted into library options at once.

use super::config::{Config, Pattern};
use clap::{ArgGroup, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::sync::Arc;

/// Clean scraped article text: remove repeated paragraphs, captions that
/// restate a paragraph and scrape boilerplate, and show exactly what changed.
///
/// `dedupe article.txt` writes article.clean.txt and article.diff beside the
/// input. With no PATH (or `-`) it reads stdin and writes the clean text to stdout.
#[derive(Debug, Parser)]
#[command(name = "dedupe", version, max_term_width = 100)]
#[command(group(ArgGroup::new("mode").multiple(false)))]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files or folders to clean (`-` is stdin).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Write nothing; exit 1 if any file would change, printing its diff.
    #[arg(long, group = "mode", help_heading = "Mode")]
    pub check: bool,

    /// Print the unified diff and write nothing; exit 1 if there are changes.
    #[arg(long, group = "mode", help_heading = "Mode")]
    pub diff: bool,

    /// Show every paragraph with its decision, rule, kept copy and similarity; write nothing.
    #[arg(long, group = "mode", help_heading = "Mode")]
    pub explain: bool,

    /// Write the clean text to stdout.
    #[arg(long, group = "mode", help_heading = "Mode")]
    pub stdout: bool,

    /// Write the clean text to FILE (`-` is stdout); one input only.
    #[arg(
        short,
        long,
        value_name = "FILE",
        group = "mode",
        help_heading = "Mode"
    )]
    pub output: Option<PathBuf>,

    /// Rewrite each file in place (atomically: a temporary file renamed over it).
    #[arg(long, group = "mode", help_heading = "Mode")]
    pub in_place: bool,

    /// Write each clean copy and its .diff under DIR, mirroring the input tree.
    #[arg(long, value_name = "DIR", group = "mode", help_heading = "Mode")]
    pub out_dir: Option<PathBuf>,

    /// Also walk hidden files and folders (names starting with `.`).
    #[arg(long, help_heading = "Folders")]
    pub hidden: bool,

    /// Also walk paths that a `.gitignore` excludes.
    #[arg(long, help_heading = "Folders")]
    pub no_ignore: bool,

    /// Walk only files matching GLOB, against the path below the folder given [default: *.txt, *.md].
    #[arg(long, value_name = "GLOB", help_heading = "Folders")]
    pub include: Vec<String>,

    /// Skip files and folders matching GLOB, against the path below the folder given.
    #[arg(long, value_name = "GLOB", help_heading = "Folders")]
    pub exclude: Vec<String>,

    /// Apply the exclude globs to files named on the command line too (for
    /// pre-commit and other tools that pass every file).
    #[arg(long, help_heading = "Folders")]
    pub force_exclude: bool,

    /// Skip files larger than SIZE as an error (bytes, or with a K, M or G suffix).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "256M", help_heading = "Folders")]
    pub max_size: u64,

    /// Skip, as an error, a file whose cleaning could need more memory than SIZE, estimated
    /// before cleaning as 6 bytes per input byte plus 400 per line (many tiny paragraphs cost
    /// more than their bytes).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "4G", help_heading = "Folders")]
    pub max_memory: u64,

    /// Clean N files at once, 1 to 256 [default: all cores].
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256), help_heading = "Folders")]
    pub threads: Option<u16>,

    /// Read settings from FILE instead of the dedupe.toml or .dedupe.toml found upward from here.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "isolated",
        help_heading = "Config"
    )]
    pub config: Option<PathBuf>,

    /// Ignore every config file.
    #[arg(long, help_heading = "Config")]
    pub isolated: bool,

    /// Turn off corpus rules: never remove a paragraph for recurring in other documents.
    /// (They run by default on walked folders and JSONL corpora; on files named one by one,
    /// such as a commit's staged files, only when the config sets `[corpus] enabled = true`.)
    #[arg(long, help_heading = "Corpus")]
    pub no_corpus: bool,

    /// Corpus rules run on batches of at least N documents [default: 10].
    #[arg(long, value_name = "N", help_heading = "Corpus")]
    pub corpus_min_files: Option<usize>,

    /// A paragraph is site boilerplate when it occurs in at least N documents [default: 10].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(2..), help_heading = "Corpus")]
    pub corpus_min_documents: Option<u32>,

    /// Clean against this document-frequency table (from --write-table or
    /// --merge-tables) instead of counting the inputs: one shard of a larger corpus.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "no_corpus",
        help_heading = "Corpus"
    )]
    pub table: Option<PathBuf>,

    /// Count in how many documents each paragraph occurs, write that table to
    /// FILE, and clean nothing: the map step of a sharded run.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["mode", "table", "merge_tables"], help_heading = "Corpus")]
    pub write_table: Option<PathBuf>,

    /// Add up the tables given as PATHs (from --write-table) into OUT, and clean nothing.
    #[arg(long, value_name = "OUT", conflicts_with_all = ["mode", "table", "jsonl"], help_heading = "Corpus")]
    pub merge_tables: Option<PathBuf>,

    /// Inputs are JSONL corpora (one JSON object per line); write the same
    /// objects with --field cleaned, in order, to stdout or -o FILE.
    #[arg(long, conflicts_with_all = ["check", "diff", "explain", "stdout", "in_place", "out_dir"], help_heading = "JSONL")]
    pub jsonl: bool,

    /// The JSONL field that holds the text.
    #[arg(
        long,
        value_name = "NAME",
        default_value = "text",
        requires = "jsonl",
        help_heading = "JSONL"
    )]
    pub field: String,

    /// Write each document's removals to FILE, one JSON object per input line.
    #[arg(long, value_name = "FILE", requires = "jsonl", help_heading = "JSONL")]
    pub report: Option<PathBuf>,

    /// Drop malformed lines (with a warning) instead of passing them through unchanged.
    #[arg(long, requires = "jsonl", help_heading = "JSONL")]
    pub skip_bad: bool,

    /// Print a shell completion script or the man page, then exit.
    #[arg(
        long,
        value_enum,
        value_name = "WHAT",
        exclusive = true,
        help_heading = "Other"
    )]
    pub generate: Option<Generate>,

    /// When to colour the output: `auto` colours a terminal unless `NO_COLOR`
    /// is set (`CLICOLOR_FORCE` forces it).
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto, help_heading = "Output")]
    pub color: ColorWhen,

    /// Report format.
    #[arg(long, value_enum, default_value_t = Format::Text, help_heading = "Output")]
    pub format: Format,

    /// Only print errors.
    #[arg(short, long, help_heading = "Output")]
    pub quiet: bool,

    /// Print a line for every file, changed or not.
    #[arg(short, long, help_heading = "Output")]
    pub verbose: bool,

    /// Input encoding; `auto` reads UTF-8 and falls back to Windows-1252 with a warning.
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto, help_heading = "Cleaning")]
    pub encoding: EncodingArg,

    /// Write clean copies as UTF-8 (no BOM); by default each keeps its input's encoding
    /// (UTF-8, UTF-16 with its BOM, Windows-1252), so an unchanged file is never rewritten.
    #[arg(long, help_heading = "Cleaning")]
    pub to_utf8: bool,

    /// Line endings of the clean copy: `keep` each file's own (CRLF stays CRLF), or
    /// convert to `lf` or `crlf`.
    #[arg(long, value_enum, value_name = "ENDINGS", default_value_t = LineEndingsArg::Keep, help_heading = "Cleaning")]
    pub line_endings: LineEndingsArg,

    /// Use the page model in FILE (written by `dedupe train`) instead of the built-in one.
    #[arg(long, value_name = "FILE", help_heading = "Cleaning")]
    pub model: Option<PathBuf>,

    /// Page model threshold: noise probability above which a paragraph leans to noise (its
    /// run decides); higher removes less [default: the model's own].
    #[arg(long, value_name = "P", value_parser = parse_ratio, help_heading = "Cleaning")]
    pub page_model_threshold: Option<f32>,

    /// Paragraphs with fewer words are never removed as duplicates [default: 6].
    #[arg(long, value_name = "N", help_heading = "Cleaning")]
    pub min_words: Option<usize>,

    /// Share of a shorter paragraph's word shingles found in a longer one to call it a copy [default: 0.8].
    #[arg(long, value_name = "RATIO", value_parser = parse_ratio, help_heading = "Cleaning")]
    pub containment: Option<f32>,

    /// Word-level edit similarity to call two paragraphs of equal length copies [default: 0.9].
    #[arg(long, value_name = "RATIO", value_parser = parse_ratio, help_heading = "Cleaning")]
    pub edit_similarity: Option<f32>,

    /// Only these rules (or rule prefixes, like `boilerplate`) may remove paragraphs. The opt-in
    /// rules (boilerplate/copyright, boilerplate/credits, boilerplate/embed-attribution) run only
    /// when named here exactly.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "RULES",
        help_heading = "Cleaning"
    )]
    pub select: Vec<String>,

    /// Add these rules to the selection (or to the default rules): how an opt-in rule such
    /// as boilerplate/credits joins the others.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "RULES",
        help_heading = "Cleaning"
    )]
    pub extend_select: Vec<String>,

    /// These rules (or rule prefixes) never remove paragraphs.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "RULES",
        help_heading = "Cleaning"
    )]
    pub ignore: Vec<String>,

    /// Switch off normalization steps.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        value_name = "STEPS",
        help_heading = "Cleaning"
    )]
    pub no_normalize: Vec<NormalizeStep>,
}

/// Commands other than cleaning.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every rule (id, on by default or opt-in, what it removes), or explain one.
    Rules {
        /// The rule to explain, e.g. `boilerplate/share`.
        id: Option<String>,
    },
    /// Learn a page model from raw pages and their clean versions; use it with `--model FILE`.
    Train(super::train::TrainArgs),
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

impl ColorWhen {
    /// The global choice that anstream's streams and checks follow.
    pub fn choice(self) -> anstream::ColorChoice {
        match self {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        }
    }
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// One JSON object per file, for programs.
    Json,
    /// GitHub Actions workflow annotations.
    Github,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
}

/// What `--generate` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    CompletionBash,
    CompletionZsh,
    CompletionFish,
    CompletionElvish,
    CompletionPowershell,
    /// The man page, in roff.
    Man,
}

/// The built-in boilerplate rules plus the config file's patterns, each with
/// its own rule id; an invalid pattern is an error naming its rule.
fn with_patterns(patterns: &[Pattern]) -> Result<dedupe::Boilerplate, String> {
    let extra: Vec<dedupe::ExtraPattern> = patterns
        .iter()
        .map(|p| dedupe::ExtraPattern {
            rule: p.rule.clone(),
            pattern: p.pattern.clone(),
        })
        .collect();
    dedupe::Boilerplate::with_extra(&extra).map_err(|err| format!("rules.patterns: {err}"))
}

/// `--max-size`: bytes, or a number with a K, M or G suffix (powers of 1024).
pub(super) fn parse_size(text: &str) -> Result<u64, String> {
    let upper = text.trim().to_ascii_uppercase();
    let (number, unit) = match upper.strip_suffix(['K', 'M', 'G']) {
        Some(number) => (number, &upper[number.len()..]),
        None => (upper.as_str(), ""),
    };
    let shift = match unit {
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => 0,
    };
    number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("`{text}` is not a size like 1048576, 512K or 64M"))
}

/// A threshold: a finite number from 0 to 1 (`NaN` would switch a rule off
/// without a word).
pub fn parse_ratio(text: &str) -> Result<f32, String> {
    match text.trim().parse::<f32>() {
        Ok(ratio) if (0.0..=1.0).contains(&ratio) => Ok(ratio),
        _ => Err(format!("`{text}` is not a number from 0 to 1")),
    }
}

/// Checks that every rule selector names a rule (or a prefix of rule ids);
/// an unknown one is an error with the nearest id, so a typo never switches
/// a rule off in silence. `source` says where the list came from.
fn check_selectors(source: &str, selectors: &[String], extra: &[&str]) -> Result<(), String> {
    match selectors
        .iter()
        .find(|selector| !dedupe::is_known_selector(selector, extra.iter().copied()))
    {
        Some(unknown) => Err(unknown_rule(source, unknown, extra)),
        None => Ok(()),
    }
}

/// `SOURCE: unknown rule `ID`; did you mean `NEAREST`?`, when one is near.
pub fn unknown_rule(source: &str, id: &str, extra: &[&str]) -> String {
    let ids = dedupe::RULES
        .iter()
        .map(|rule| rule.id)
        .chain(extra.iter().copied());
    let nearest = ids
        .map(|known| (strsim::jaro_winkler(id, known), known))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let hint = match nearest {
        Some((_, known)) => format!("; did you mean `{known}`?"),
        None => String::new(),
    };
    format!("{source}: unknown rule `{id}`{hint} (`dedupe rules` lists them)")
}

/// Input encodings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    Auto,
    Utf8,
    #[value(name = "windows-1252")]
    Windows1252,
}

/// `--line-endings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LineEndingsArg {
    Keep,
    Lf,
    Crlf,
}

/// Normalization steps that can be switched off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NormalizeStep {
    HtmlEntities,
    UnicodeSpaces,
    Invisible,
    CollapseSpaces,
    TrimTrailing,
    Nfc,
    /// Markdown code blocks, tables and hard line breaks pass through untouched;
    /// switched off, they are normalized like prose.
    Markdown,
}

impl Args {
    /// The library options these arguments ask for, over the config file's.
    pub fn options(&self, config: &Config) -> Result<dedupe::Options, String> {
        let mut options = dedupe::Options::default();
        let thresholds = &config.thresholds;
        if let Some(min_words) = self.min_words.or(thresholds.min_words) {
            options.min_words = min_words;
        }
        if let Some(containment) = self.containment.or(thresholds.containment) {
            options.thresholds.containment = containment;
        }
        if let Some(edit_similarity) = self.edit_similarity.or(thresholds.edit_similarity) {
            options.thresholds.edit_similarity = edit_similarity;
        }
        let model = self.model.clone().or_else(|| {
            let path = config.model.as_ref()?;
            let folder = config.path.as_ref().and_then(|p| p.parent());
            Some(folder.map_or_else(|| path.clone(), |folder| folder.join(path)))
        });
        let own_model = model.is_some();
        if let Some(path) = model {
            options.page_model = Some(Arc::new(super::train::load_model(&path)?));
        }
        if let Some(threshold) = self.page_model_threshold.or(thresholds.page_model)
            && let Some(model) = options.page_model.as_mut()
        {
            Arc::make_mut(model).threshold = threshold;
        }
        let pick = |flag: &Vec<String>, file: &Vec<String>| {
            if flag.is_empty() { file } else { flag }.clone()
        };
        let own: Vec<&str> = config
            .rules
            .patterns
            .iter()
            .map(|p| p.rule.as_str())
            .collect();
        let file = config.describe();
        check_selectors("--select", &self.select, &own)?;
        check_selectors("--ignore", &self.ignore, &own)?;
        check_selectors("--extend-select", &self.extend_select, &own)?;
        check_selectors(
            &format!("{file}: rules.extend_select"),
            &config.rules.extend_select,
            &own,
        )?;
        check_selectors(&format!("{file}: rules.select"), &config.rules.select, &own)?;
        check_selectors(&format!("{file}: rules.ignore"), &config.rules.ignore, &own)?;
        options.rules.select = pick(&self.select, &config.rules.select);
        options.rules.ignore = pick(&self.ignore, &config.rules.ignore);
        options.rules.extend_select = pick(&self.extend_select, &config.rules.extend_select);
        // A model of one's own is asked for to be used: it joins the rules
        // (`--ignore page-model` still turns it off).
        if own_model {
            options
                .rules
                .extend_select
                .push(dedupe::PAGE_MODEL.to_string());
        }
        if !config.rules.patterns.is_empty() {
            options.boilerplate = Arc::new(
                with_patterns(&config.rules.patterns).map_err(|err| format!("{file}: {err}"))?,
            );
        }
        for step in &self.no_normalize {
            let normalize = &mut options.normalize;
            match step {
                NormalizeStep::HtmlEntities => normalize.html_entities = false,
                NormalizeStep::UnicodeSpaces => normalize.unicode_spaces = false,
                NormalizeStep::Invisible => normalize.invisible = false,
                NormalizeStep::CollapseSpaces => normalize.collapse_spaces = false,
                NormalizeStep::TrimTrailing => normalize.trim_trailing = false,
                NormalizeStep::Nfc => normalize.nfc = false,
                NormalizeStep::Markdown => normalize.markdown = false,
            }
        }
        options.normalize.line_endings = match self.line_endings {
            LineEndingsArg::Keep => dedupe::LineEndings::Keep,
            LineEndingsArg::Lf => dedupe::LineEndings::Lf,
            LineEndingsArg::Crlf => dedupe::LineEndings::CrLf,
        };
        Ok(options)
    }

    /// The library encoding this argument names.
    pub fn encoding(&self) -> dedupe::Encoding {
        match self.encoding {
            EncodingArg::Auto => dedupe::Encoding::Auto,
            EncodingArg::Utf8 => dedupe::Encoding::Utf8,
            EncodingArg::Windows1252 => dedupe::Encoding::Windows1252,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn sizes_take_suffixes() {
        assert_eq!(parse_size("100"), Ok(100));
        assert_eq!(parse_size("2k"), Ok(2048));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert!(parse_size("lots").is_err());
    }

    #[test]
    fn ratios_are_finite_and_between_0_and_1() {
        assert_eq!(parse_ratio("0.85"), Ok(0.85));
        for bad in ["NaN", "inf", "-0.1", "5", "lots"] {
            assert!(parse_ratio(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn unknown_rules_are_named_with_the_nearest_id() {
        let err = check_selectors("--select", &["near-duplicat".into()], &[]).unwrap_err();
        assert!(
            err.contains("unknown rule `near-duplicat`; did you mean `near-duplicate`?"),
            "{err}"
        );
        let err = check_selectors("x", &["boilerplate/timestmp".into()], &[]).unwrap_err();
        assert!(
            err.contains("did you mean `boilerplate/timestamp`?"),
            "{err}"
        );
        assert!(check_selectors("x", &["".into()], &[]).is_err());
        assert!(
            check_selectors(
                "x",
                &["boilerplate".into(), "site/promo".into()],
                &["site/promo"]
            )
            .is_ok()
        );
    }

    #[test]
    fn modes_are_exclusive() {
        assert!(Args::try_parse_from(["dedupe", "--check", "--diff", "x"]).is_err());
    }
}
