//! The built-in boilerplate catalogue, kept as data in `src/noise/`: `catalogue.txt`
//! lists the rules (id, word limit, pattern) in priority order, `fragments.txt` the
//! named pieces of pattern they share, and `examples.tsv` the paragraphs each rule
//! must name or leave alone. The files are compiled in; [`rules`] reads them
//! once per process, when the engine first needs the catalogue, and the test
//! below checks them, as typos checks its dictionary in `assets/words.csv`.
//!
//! Both pattern files have one format: a header line, then the pattern in
//! lines that start with a tab, joined as they are. `{name}` in a pattern
//! stands for a fragment; braces that name none (`\p{L}`, `{2,}`) are regex
//! syntax and stay.

use std::sync::OnceLock;

/// The rules, in priority order.
const CATALOGUE: &str = include_str!("../catalogue.txt");
/// The fragments the rules' patterns name, each after the fragments it uses.
const FRAGMENTS: &str = include_str!("../fragments.txt");

/// One catalogue entry.
#[derive(Debug)]
pub(super) struct Rule {
    /// The rule id reported for a removal, e.g. `boilerplate/share`.
    pub id: &'static str,
    /// The pattern never fires on a paragraph with more words than this:
    /// boilerplate is short, and the limit keeps free-text tails
    /// (`READ MORE: <headline>`) from eating prose.
    pub max_words: usize,
    /// The whole regex: the pattern with its fragments in place, anchored to
    /// the whole text, with the `lead` and `tail` decoration around it.
    pub regex: String,
    /// Where the rule starts in `catalogue.txt`, for the test's messages.
    #[cfg_attr(
        not(test),
        expect(dead_code, reason = "only the test's messages name it")
    )]
    line: usize,
}

/// The catalogue, read on the first call.
pub(super) fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        // The files are compiled in and checked by the test; failing here is a bug.
        parse(FRAGMENTS, CATALOGUE).unwrap_or_else(|err| panic!("built-in catalogue: {err}"))
    })
}

/// A header line and the pattern its tab-indented lines spell.
struct Entry {
    line: usize,
    header: &'static str,
    pattern: String,
}

/// The entries of one pattern file, comments and blank lines left out.
fn entries(file: &'static str, name: &str) -> Result<Vec<Entry>, String> {
    let mut entries: Vec<Entry> = Vec::new();
    for (index, text) in file.lines().enumerate() {
        let line = index + 1;
        if text.ends_with(char::is_whitespace) {
            // White space at the end would be an invisible part of a pattern.
            return Err(format!("{name}:{line}: white space at the end of the line"));
        }
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        if let Some(piece) = text.strip_prefix('\t') {
            let entry = entries
                .last_mut()
                .ok_or_else(|| format!("{name}:{line}: a pattern line before any header"))?;
            entry.pattern.push_str(piece);
        } else {
            entries.push(Entry {
                line,
                header: text,
                pattern: String::new(),
            });
        }
    }
    match entries.iter().find(|entry| entry.pattern.is_empty()) {
        Some(entry) => Err(format!("{name}:{}: no pattern", entry.line)),
        None => Ok(entries),
    }
}

/// `pattern` with every `{name}` of a known fragment replaced by its text.
fn substitute(pattern: &str, fragments: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let known = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, text) = fragments.iter().find(|(known, _)| *known == name)?;
            Some((text, close))
        });
        match known {
            Some((text, close)) => {
                out.push_str(text);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads the fragments, then the rules with their fragments in place.
fn parse(fragment_file: &'static str, catalogue_file: &'static str) -> Result<Vec<Rule>, String> {
    let mut fragments: Vec<(&str, String)> = Vec::new();
    for Entry {
        line,
        header: name,
        pattern,
    } in entries(fragment_file, "fragments.txt")?
    {
        if !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Err(format!(
                "fragments.txt:{line}: `{name}` is not a name (a-z and _)"
            ));
        }
        if fragments.iter().any(|(known, _)| *known == name) {
            return Err(format!("fragments.txt:{line}: `{name}` is defined twice"));
        }
        let text = substitute(&pattern, &fragments);
        fragments.push((name, text));
    }
    let fragment = |name: &str| {
        fragments
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, text)| text.as_str())
            .ok_or_else(|| format!("fragments.txt: no fragment `{name}`"))
    };
    let (lead, tail) = (fragment("lead")?, fragment("tail")?);
    entries(catalogue_file, "catalogue.txt")?
        .into_iter()
        .map(
            |Entry {
                 line,
                 header,
                 pattern,
             }| {
                let (id, max_words) = header
                    .split_once(' ')
                    .and_then(|(id, words)| Some((id, words.parse().ok()?)))
                    .ok_or_else(|| format!("catalogue.txt:{line}: not `RULE-ID MAX-WORDS`"))?;
                let pattern = substitute(&pattern, &fragments);
                Ok(Rule {
                    id,
                    max_words,
                    regex: format!("^{lead}(?:{pattern}){tail}$"),
                    line,
                })
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{Boilerplate, build_set};
    use super::*;

    /// The paragraphs each rule must name (`RULE-ID<tab>PARAGRAPH`) or leave
    /// alone (`keep<tab>PARAGRAPH`).
    const EXAMPLES: &str = include_str!("../examples.tsv");

    /// The `{word}`s left in a regex that are not Unicode classes (`\p{L}`):
    /// references to fragments that do not exist (or are defined later).
    fn unresolved(regex: &str) -> Vec<&str> {
        let mut names = Vec::new();
        let mut rest = regex;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            if let Some(close) = after.find('}') {
                let name = &after[..close];
                let word =
                    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_');
                let class = rest[..open].ends_with("\\p") || rest[..open].ends_with("\\P");
                if word && !class {
                    names.push(name);
                }
            }
            rest = after;
        }
        names
    }

    #[test]
    fn the_catalogue_files_agree_with_each_other_and_with_the_examples() {
        let rules = parse(FRAGMENTS, CATALOGUE).unwrap_or_else(|err| panic!("{err}"));
        let mut failures: Vec<String> = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            let at = format!("catalogue.txt:{}", rule.line);
            for name in unresolved(&rule.regex) {
                failures.push(format!("{at}: no fragment `{{{name}}}` (defined above)"));
            }
            if crate::rules::find(rule.id).is_none() {
                failures.push(format!("{at}: `{}` is not in rules::RULES", rule.id));
            }
            if let Some(first) = rules[..index].iter().find(|r| r.regex == rule.regex) {
                failures.push(format!("{at}: the same pattern as line {}", first.line));
            }
        }
        let entries = entries(FRAGMENTS, "fragments.txt").expect("fragments.txt parses");
        for entry in entries
            .iter()
            .filter(|e| !["lead", "tail"].contains(&e.header))
        {
            let reference = format!("{{{}}}", entry.header);
            let used = |text: &str| {
                text.lines()
                    .any(|l| l.starts_with('\t') && l.contains(&reference))
            };
            if !used(FRAGMENTS) && !used(CATALOGUE) {
                failures.push(format!(
                    "fragments.txt:{}: `{}` is never used",
                    entry.line, entry.header
                ));
            }
        }

        // The examples need a catalogue that compiles.
        assert!(failures.is_empty(), "{}", failures.join("\n"));

        // Every example is classified as the file says.
        let boilerplate = Boilerplate::builtin();
        let mut positive: Vec<&str> = Vec::new();
        for (index, line) in EXAMPLES.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let at = format!("examples.tsv:{}", index + 1);
            let Some((expected, text)) = line.split_once('\t') else {
                failures.push(format!(
                    "{at}: not `RULE-ID<tab>PARAGRAPH` or `keep<tab>PARAGRAPH`"
                ));
                continue;
            };
            let expected = (expected != "keep").then_some(expected);
            let got = boilerplate.classify(text);
            if got != expected {
                let expected = expected.unwrap_or("keep");
                let got = got.unwrap_or("keep");
                failures.push(format!("{at}: {text:?}: expected {expected}, got {got}"));
            }
            if expected.is_some() {
                positive.push(line);
            }
        }
        for id in boilerplate.rule_ids() {
            let examples = positive
                .iter()
                .filter(|l| l.split('\t').next() == Some(id))
                .count();
            if examples < 3 {
                failures.push(format!("examples.tsv: {id} has {examples} examples, not 3"));
            }
        }
        // Every pattern matches one of them, whichever rule came first.
        let all = build_set(rules.iter().map(|rule| rule.regex.clone()))
            .expect("built-in boilerplate patterns compile");
        let mut unused: Vec<usize> = (0..rules.len()).collect();
        for line in &positive {
            let text = line.split_once('\t').map_or("", |(_, text)| text);
            let matched = all.matches(text);
            unused.retain(|&index| !matched.matched(index));
        }
        for index in unused {
            let line = rules[index].line;
            failures.push(format!(
                "catalogue.txt:{line}: no example matches the pattern"
            ));
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn only_known_fragment_names_are_substituted() {
        let fragments = [("end", "[.!]?".to_string())];
        assert_eq!(
            substitute(r"\p{Lu}{2,}x{end}{nope}{", &fragments),
            r"\p{Lu}{2,}x[.!]?{nope}{"
        );
        assert_eq!(unresolved(r"\p{Lu}\P{L}{2,}{nope}"), ["nope"]);
    }

    #[test]
    fn malformed_files_are_errors_that_name_the_line() {
        let fragments = "lead\n\tx\ntail\n\ty\n";
        assert!(parse(fragments, "a/b 3\n\tz\n").is_ok());
        let errors = [
            (fragments, "a/b three\n\tz\n", "catalogue.txt:1"),
            (fragments, "\tz\n", "catalogue.txt:1"),
            (fragments, "a/b 3\n", "catalogue.txt:1: no pattern"),
            (fragments, "a/b 3\n\tz \n", "catalogue.txt:2: white space"),
            ("lead\n\tx\n", "a/b 3\n\tz\n", "no fragment `tail`"),
            ("lead\n\tx\nlead\n\tx\n", "", "fragments.txt:3"),
            ("Lead\n\tx\n", "", "fragments.txt:1"),
        ];
        for (fragment_file, catalogue_file, message) in errors {
            let err = parse(fragment_file, catalogue_file).unwrap_err();
            assert!(err.contains(message), "{err:?} should say {message:?}");
        }
    }
}
