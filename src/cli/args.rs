//! The command line, as one clap-derive struct whose doc comments are the help
//! text, converted into library options at once.

use clap::{ArgGroup, Parser, ValueEnum};
use std::path::PathBuf;

/// Clean scraped article text: remove repeated paragraphs, captions that
/// restate a paragraph and scrape boilerplate, and show exactly what changed.
///
/// `dedupe article.txt` writes article.clean.txt and article.diff beside the
/// input. With no PATH (or `-`) it reads stdin and writes the clean text to stdout.
#[derive(Debug, Parser)]
#[command(name = "dedupe", version, max_term_width = 100)]
#[command(group(ArgGroup::new("mode").multiple(false)))]
pub struct Args {
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

    /// Paragraphs with fewer words are never removed as duplicates [default: 6].
    #[arg(long, value_name = "N", help_heading = "Cleaning")]
    pub min_words: Option<usize>,

    /// Share of a shorter paragraph's word shingles found in a longer one to call it a copy [default: 0.8].
    #[arg(long, value_name = "RATIO", help_heading = "Cleaning")]
    pub containment: Option<f32>,

    /// Word-level edit similarity to call two paragraphs of equal length copies [default: 0.9].
    #[arg(long, value_name = "RATIO", help_heading = "Cleaning")]
    pub edit_similarity: Option<f32>,

    /// Only these rules (or rule prefixes, like `boilerplate`) may remove paragraphs.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "RULES",
        help_heading = "Cleaning"
    )]
    pub select: Vec<String>,

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

/// Input encodings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    Auto,
    Utf8,
    #[value(name = "windows-1252")]
    Windows1252,
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
}

impl Args {
    /// The library options these arguments ask for.
    pub fn options(&self) -> dedupe::Options {
        let mut options = dedupe::Options::default();
        if let Some(min_words) = self.min_words {
            options.min_words = min_words;
        }
        if let Some(containment) = self.containment {
            options.thresholds.containment = containment;
        }
        if let Some(edit_similarity) = self.edit_similarity {
            options.thresholds.edit_similarity = edit_similarity;
        }
        options.rules.select.clone_from(&self.select);
        options.rules.ignore.clone_from(&self.ignore);
        for step in &self.no_normalize {
            let normalize = &mut options.normalize;
            match step {
                NormalizeStep::HtmlEntities => normalize.html_entities = false,
                NormalizeStep::UnicodeSpaces => normalize.unicode_spaces = false,
                NormalizeStep::Invisible => normalize.invisible = false,
                NormalizeStep::CollapseSpaces => normalize.collapse_spaces = false,
                NormalizeStep::TrimTrailing => normalize.trim_trailing = false,
                NormalizeStep::Nfc => normalize.nfc = false,
            }
        }
        options
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
    fn modes_are_exclusive() {
        assert!(Args::try_parse_from(["dedupe", "--check", "--diff", "x"]).is_err());
    }
}
