//! `dedupe.toml`: settings a project keeps beside its articles, so that CI and
//! every developer clean with the same thresholds, rules and globs. Command-line
//! flags override it.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// File names looked for, in each folder from the working folder upward.
const NAMES: [&str; 2] = ["dedupe.toml", ".dedupe.toml"];

/// The whole file. Unknown keys are an error naming the key, so a typo is
/// never silently ignored.
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub thresholds: Thresholds,
    #[serde(default)]
    pub rules: Rules,
    #[serde(default)]
    pub corpus: Corpus,
    /// A page model file (from `dedupe train`), relative to this file's folder.
    pub model: Option<PathBuf>,
    /// Globs of files to walk in folders; replaces the default `*.txt`, `*.md`.
    pub include: Option<Vec<String>>,
    /// Globs of files and folders to skip.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// The file these settings came from, for error messages.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

impl Config {
    /// The config file's name for messages: its path, or `config` when none.
    pub fn describe(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| "config".to_string(), |path| path.display().to_string())
    }
}

/// `[thresholds]`.
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    pub min_words: Option<usize>,
    pub containment: Option<f32>,
    pub edit_similarity: Option<f32>,
    /// The page model's threshold.
    pub page_model: Option<f32>,
}

/// `[corpus]`: site boilerplate learnt across a batch.
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Corpus {
    /// `false` is `--no-corpus`.
    pub enabled: Option<bool>,
    pub min_files: Option<usize>,
    pub min_documents: Option<u32>,
}

/// `[rules]`.
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Rules added to the selection, such as the opt-in `boilerplate/credits`.
    #[serde(default)]
    pub extend_select: Vec<String>,
    /// `[[rules.patterns]]`: extra boilerplate, each with its own rule id.
    #[serde(default)]
    pub patterns: Vec<Pattern>,
}

/// One extra boilerplate pattern: a regex matched against a whole paragraph.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    pub rule: String,
    pub pattern: String,
}

/// Where the settings come from.
pub enum Source<'a> {
    /// `--isolated`: none.
    Isolated,
    /// `--config FILE`.
    File(&'a Path),
    /// The first `dedupe.toml` or `.dedupe.toml` from this folder upward.
    SearchFrom(&'a Path),
}

/// Loads the config the source names; the default when none is found.
/// Errors name the file and, for unknown keys, the key.
pub fn load(source: Source<'_>) -> Result<Config, String> {
    let path = match source {
        Source::Isolated => return Ok(Config::default()),
        Source::File(path) => path.to_path_buf(),
        Source::SearchFrom(start) => match find(start) {
            Some(path) => path,
            None => return Ok(Config::default()),
        },
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|err| format!("{}: cannot read config: {err}", path.display()))?;
    let mut config: Config = toml::from_str(&text).map_err(|err| located(&path, &text, &err))?;
    config.path = Some(path.clone());
    config
        .validate()
        .map_err(|err| format!("{}: {err}", path.display()))?;
    Ok(config)
}

/// `dedupe.toml:3:15: invalid type: ...`: the file, line and column of a
/// parse error, as compilers print them.
fn located(path: &Path, text: &str, err: &toml::de::Error) -> String {
    let position = err.span().map(|span| {
        let before = &text[..span.start.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        format!("{line}:{column}: ")
    });
    format!(
        "{}:{}{}",
        path.display(),
        position.unwrap_or_else(|| " ".to_string()),
        err.message()
    )
}

fn find(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|folder| {
        NAMES
            .iter()
            .map(|name| folder.join(name))
            .find(|path| path.is_file())
    })
}

impl Config {
    fn validate(&self) -> Result<(), String> {
        for (key, value) in [
            ("containment", self.thresholds.containment),
            ("edit_similarity", self.thresholds.edit_similarity),
            ("page_model", self.thresholds.page_model),
        ] {
            if value.is_some_and(|ratio| !(0.0..=1.0).contains(&ratio)) {
                return Err(format!("thresholds.{key} must be between 0 and 1"));
            }
        }
        if self.corpus.min_documents.is_some_and(|n| n < 2) {
            return Err("corpus.min_documents must be at least 2".to_string());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_parses() {
        let config: Config = toml::from_str(
            r#"
            include = ["*.txt"]
            exclude = ["drafts/**"]
            [thresholds]
            min_words = 8
            containment = 0.85
            edit_similarity = 0.95
            [corpus]
            enabled = true
            min_files = 20
            min_documents = 8
            [rules]
            select = ["boilerplate"]
            ignore = ["boilerplate/share"]
            [[rules.patterns]]
            rule = "boilerplate/site-promo"
            pattern = "(?i)^get the app"
            "#,
        )
        .unwrap();
        assert_eq!(config.thresholds.min_words, Some(8));
        assert_eq!(config.corpus.min_documents, Some(8));
        assert_eq!(config.rules.patterns[0].rule, "boilerplate/site-promo");
        assert_eq!(config.include, Some(vec!["*.txt".to_string()]));
    }

    #[test]
    fn unknown_keys_are_named() {
        let err = toml::from_str::<Config>("[thresholds]\nmin_word = 3\n").unwrap_err();
        assert!(err.message().contains("min_word"), "{err}");
    }
}
