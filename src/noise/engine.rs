//! Named boilerplate rules: the scrape noise (share bars, "Read more at ...", cookie banners,
//! bylines, image credits...) that a page template wraps around an article.
//!
//! Every rule is an anchored, case-insensitive regex that must match a *whole* paragraph (or, for
//! a multi-line block, every line of it): "Read more at DailyMail.co.uk" is noise, "Read more
//! widely, the report suggests..." is prose and stays. Precision comes first, so each rule also
//! carries a word limit: boilerplate is short, and a pattern never fires on a paragraph longer
//! than its limit. The rules are data (see [`catalogue`]); they are compiled once per process
//! into lazy DFAs (linear time, no backtracking): two for short paragraphs, compiled on two
//! threads, and a small one of the long-form rules for long paragraphs. User patterns from the
//! config file are a [`RegexSet`] tried after the built-in rules.

use regex::{RegexBuilder, RegexSet, RegexSetBuilder};
use regex_automata::hybrid::dfa::{Cache, DFA, OverlappingState};
use regex_automata::nfa::thompson;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};
use std::cell::RefCell;
use std::sync::OnceLock;

mod catalogue;

/// Paragraphs longer than this many bytes are only tried against long-form rules (cookie,
/// copyright and paywall banners): a short rule cannot match them anyway, and most prose
/// paragraphs are longer than this, so the big set never runs on them.
const SHORT_BYTES: usize = 400;
/// Paragraphs longer than this many bytes are never built-in boilerplate.
const LONG_BYTES: usize = 3000;
/// A rule whose word limit is above this is long-form (see [`SHORT_BYTES`]).
const LONG_FORM_WORDS: usize = 30;

/// What separates the parts of a line of links or of a byline ("Print |
/// E-mail | Comments (12)", "By Ana Ruiz · 14 March 2024"): a bar or a dot
/// between spaces. A dash joins a title to its site's name and a clause to
/// a sentence, so it is left out.
const PART_SEPARATORS: [&str; 4] = [" | ", " \u{b7} ", " \u{2022} ", " \u{a6} "];

/// The most parts of a line that [`Boilerplate::classify`] reads part by part.
const MAX_PARTS: usize = 8;
/// Compiled-program budget for a set: the catalogue uses large Unicode classes.
const SIZE_LIMIT: usize = 64 << 20;
/// Lazy-DFA cache budget per set, so matching stays on the fast engine.
const DFA_SIZE_LIMIT: usize = 32 << 20;

/// Anchors a user pattern to the whole text, exactly as written.
fn extra_regex(pattern: &str) -> String {
    format!("^(?:{pattern})$")
}

fn build_set<I>(patterns: I) -> Result<RegexSet, regex::Error>
where
    I: IntoIterator<Item = String>,
{
    RegexSetBuilder::new(patterns)
        .case_insensitive(true)
        .size_limit(SIZE_LIMIT)
        .dfa_size_limit(DFA_SIZE_LIMIT)
        .build()
}

/// The compiled catalogue, built once per process: lazy DFAs over the
/// patterns, searched anchored, first with a plain search that says whether
/// any rule matches, then (rarely) overlapping to say which. This costs a
/// forward NFA only; a `RegexSet` would also build the engines it needs for
/// match positions, which this never asks for, and that doubled the start-up
/// of every `dedupe` process.
#[derive(Debug)]
struct Builtin {
    /// Every rule, for paragraphs of at most [`SHORT_BYTES`], in
    /// [`SHORT_GROUPS`] automata of consecutive rules.
    short: Vec<RuleDfa>,
    /// Only the long-form rules (banners), for longer paragraphs: most prose
    /// lands here, and a small automaton keeps its state cache small and warm.
    long: RuleDfa,
}

/// A lazy DFA over some rules of the catalogue.
#[derive(Debug)]
struct RuleDfa {
    dfa: DFA,
    /// For each pattern of `dfa`, its index in [`catalogue::rules`].
    rules: Vec<usize>,
}

/// The short-paragraph rules are compiled as this many automata, each on its
/// own thread: compiling the catalogue is most of the start-up of a
/// one-file run (about 50 ms for one automaton over every rule). Searching
/// two automata costs the same as searching one (measured with 2, 4 and 8).
const SHORT_GROUPS: usize = 2;

thread_local! {
    /// The lazy DFAs' state caches, the short groups then the long one: one
    /// set per thread, as the DFAs themselves are shared.
    static CACHES: RefCell<Vec<Cache>> = const { RefCell::new(Vec::new()) };
}

/// Compiles `rules` (indices into [`catalogue::rules`]) into one lazy DFA that reports every
/// match.
fn build_dfa(rules: Vec<usize>) -> Result<RuleDfa, String> {
    let catalogue = catalogue::rules();
    let patterns: Vec<&str> = rules.iter().map(|&i| catalogue[i].regex.as_str()).collect();
    let nfa = thompson::Compiler::new()
        .syntax(syntax::Config::new().case_insensitive(true))
        .configure(
            thompson::Config::new()
                .nfa_size_limit(Some(SIZE_LIMIT))
                .which_captures(thompson::WhichCaptures::None),
        )
        .build_many(&patterns)
        .map_err(|err| err.to_string())?;
    let dfa = DFA::builder()
        .configure(
            DFA::config()
                .match_kind(MatchKind::All)
                .cache_capacity(DFA_SIZE_LIMIT),
        )
        .build_from_nfa(nfa)
        .map_err(|err| err.to_string())?;
    Ok(RuleDfa { dfa, rules })
}

impl RuleDfa {
    /// The first of these rules, in catalogue order, that matches all of
    /// `text` within its word limit; `words` is counted on the first match.
    fn first_match(
        &self,
        cache: &mut Cache,
        text: &str,
        words: &mut Option<usize>,
    ) -> Option<usize> {
        let input = Input::new(text).anchored(Anchored::Yes);
        // Most paragraphs match no rule: a plain search says so with the
        // DFA's fast loop, and only a match pays for the overlapping one
        // that names every matching rule.
        if !matches!(self.dfa.try_search_fwd(cache, &input), Ok(Some(_))) {
            return None;
        }
        let mut best: Option<usize> = None;
        let mut state = OverlappingState::start();
        // A search error (a cache that keeps thrashing) means no verdict: keep the text.
        while self
            .dfa
            .try_search_overlapping_fwd(cache, &input, &mut state)
            .is_ok()
        {
            let Some(found) = state.get_match() else {
                break;
            };
            let index = self.rules[found.pattern().as_usize()];
            let words = *words.get_or_insert_with(|| crate::text::word_count(text));
            if words <= catalogue::rules()[index].max_words && best.is_none_or(|b| index < b) {
                best = Some(index);
            }
        }
        best
    }
}

impl Builtin {
    fn get() -> &'static Self {
        static BUILTIN: OnceLock<Builtin> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The catalogue is compiled-in data checked by its test; failing here is a bug.
            let compile = |rules| build_dfa(rules).expect("built-in boilerplate patterns compile");
            let rules = catalogue::rules();
            let group_size = rules.len().div_ceil(SHORT_GROUPS);
            let groups: Vec<std::ops::Range<usize>> = (0..rules.len())
                .step_by(group_size)
                .map(|start| start..(start + group_size).min(rules.len()))
                .collect();
            let long_rules: Vec<usize> = (0..rules.len())
                .filter(|&i| rules[i].max_words > LONG_FORM_WORDS)
                .collect();
            std::thread::scope(|scope| {
                // Each group on a thread of its own; where no thread can be
                // started, the group is compiled here when it is collected.
                let short: Vec<_> = groups
                    .into_iter()
                    .map(|rules| {
                        let own = rules.clone();
                        let on_thread = std::thread::Builder::new()
                            .spawn_scoped(scope, move || compile(own.collect()));
                        (rules, on_thread)
                    })
                    .collect();
                let long = compile(long_rules);
                Builtin {
                    short: short
                        .into_iter()
                        .map(|(rules, on_thread)| match on_thread {
                            Ok(thread) => thread
                                .join()
                                .expect("compiling a rule group does not panic"),
                            Err(_) => compile(rules.collect()),
                        })
                        .collect(),
                    long,
                }
            })
        })
    }

    /// The first rule, in catalogue order, that matches all of `text` within
    /// its word limit. Paragraphs over [`SHORT_BYTES`] only try the long-form
    /// rules (banners); over [`LONG_BYTES`], none.
    ///
    /// Words are counted only when a rule matches, which is rare: counting
    /// every paragraph cost as much as the search. A short paragraph of more
    /// than [`LONG_FORM_WORDS`] words still goes through every rule, and the
    /// word limits then leave only the long-form ones.
    fn classify(&self, text: &str) -> Option<&'static str> {
        if text.is_empty() || text.len() > LONG_BYTES {
            return None;
        }
        let mut words: Option<usize> = None;
        let best = CACHES.with(|cell| {
            let mut caches = cell.borrow_mut();
            if caches.is_empty() {
                let automata = self.short.iter().chain([&self.long]);
                caches.extend(automata.map(|automaton| automaton.dfa.create_cache()));
            }
            let (short_caches, long_cache) = caches.split_at_mut(self.short.len());
            if text.len() > SHORT_BYTES {
                return self.long.first_match(&mut long_cache[0], text, &mut words);
            }
            // The groups hold consecutive rules, so the first group with a
            // match holds the first matching rule.
            self.short
                .iter()
                .zip(short_caches)
                .find_map(|(group, cache)| group.first_match(cache, text, &mut words))
        });
        best.map(|index| catalogue::rules()[index].id)
    }
}

/// The user's patterns, compiled into one set.
#[derive(Debug, Clone)]
struct Extra {
    set: RegexSet,
    /// The rule id of each pattern of `set`.
    rules: Vec<String>,
}

/// One boilerplate rule set: the built-in catalogue plus user patterns.
#[derive(Debug, Clone)]
pub struct Boilerplate {
    extra: Option<Extra>,
}

/// A user-supplied pattern from the config file: `rule` is its rule id (e.g.
/// `boilerplate/site-footer` or `custom/xyz`), `pattern` a regex that must match the whole
/// paragraph (it is anchored with `^(?:...)$` and made case-insensitive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraPattern {
    /// The rule id reported when the pattern matches.
    pub rule: String,
    /// The regex, without anchors: it always has to match the whole paragraph.
    pub pattern: String,
}

impl Boilerplate {
    /// The built-in catalogue only. It is compiled once per process, on the
    /// first classification (or [`compile_builtin`](Self::compile_builtin)),
    /// and shared afterwards, so this is cheap to call repeatedly.
    #[must_use]
    pub fn builtin() -> Self {
        Boilerplate { extra: None }
    }

    /// Compiles the built-in catalogue now, if no thread has yet. It takes
    /// tens of milliseconds, so a program can call this on another thread
    /// while it does work that needs no classification (walking folders,
    /// counting a corpus); a classification that comes first waits for it.
    pub fn compile_builtin() {
        Builtin::get();
    }

    /// Built-in catalogue plus extra patterns, tried after the built-in ones and in the order
    /// given.
    ///
    /// # Errors
    ///
    /// An invalid pattern (or an empty rule id): the message names the rule id and the regex
    /// error, for the config loader to report.
    pub fn with_extra(extra: &[ExtraPattern]) -> Result<Self, String> {
        let mut boilerplate = Self::builtin();
        if extra.is_empty() {
            return Ok(boilerplate);
        }
        for ExtraPattern { rule, pattern } in extra {
            if rule.trim().is_empty() {
                return Err(format!("pattern {pattern:?} has an empty rule id"));
            }
            // Compiled one by one, as the user wrote it, so the error names the
            // rule and quotes their pattern (not the anchored form below).
            RegexBuilder::new(pattern)
                .case_insensitive(true)
                .size_limit(SIZE_LIMIT)
                .build()
                .map_err(|err| format!("invalid pattern for rule `{rule}`: {err}"))?;
        }
        let set = build_set(extra.iter().map(|e| extra_regex(&e.pattern)))
            .map_err(|err| format!("extra boilerplate patterns: {err}"))?;
        boilerplate.extra = Some(Extra {
            set,
            rules: extra.iter().map(|e| e.rule.clone()).collect(),
        });
        Ok(boilerplate)
    }

    /// The rule id of the first rule (in catalogue order, built-in before extra) that matches
    /// the whole paragraph, or None. A multi-line block that no rule matches as a whole is
    /// boilerplate only when every line is; it is then reported under its first line's rule.
    pub fn classify(&self, paragraph: &str) -> Option<&str> {
        let paragraph = paragraph.trim();
        if let Some(rule) = self.classify_text(paragraph) {
            return Some(rule);
        }
        if !paragraph.contains('\n') {
            return self.classify_parts(paragraph);
        }
        let mut lines = paragraph.lines().map(str::trim).filter(|l| !l.is_empty());
        let first = self.classify_text(lines.next()?)?;
        lines
            .all(|line| self.classify_text(line).is_some())
            .then_some(first)
    }

    /// The rule of a line of parts between separators that is boilerplate
    /// part by part ("Print this article | E-mail to a friend | Comments
    /// (12)", "by Hattie Greer | Updated October 2, 2023 | 48 Comments"):
    /// two to [`MAX_PARTS`] parts, each named by a rule. Reported under the
    /// first part's rule, as a block of lines is.
    fn classify_parts(&self, line: &str) -> Option<&str> {
        let separator = PART_SEPARATORS
            .iter()
            .find(|separator| line.contains(*separator))?;
        let mut parts = line
            .split(separator)
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let first = self.classify_text(parts.next()?)?;
        for (count, part) in (2..).zip(parts) {
            if count > MAX_PARTS {
                return None;
            }
            self.classify_text(part)?;
        }
        Some(first)
    }

    /// Every rule id the set knows, in catalogue order, deduplicated (for --help / docs /
    /// config validation).
    pub fn rule_ids(&self) -> Vec<&str> {
        let extra = self.extra.iter().flat_map(|e| e.rules.iter());
        let mut ids: Vec<&str> = Vec::new();
        for id in catalogue::rules()
            .iter()
            .map(|r| r.id)
            .chain(extra.map(String::as_str))
        {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    fn classify_text(&self, text: &str) -> Option<&str> {
        if text.is_empty() {
            return None;
        }
        if let Some(rule) = Builtin::get().classify(text) {
            return Some(rule);
        }
        let extra = self.extra.as_ref()?;
        let index = extra.set.matches(text).iter().next()?;
        Some(&extra.rules[index])
    }
}

impl Default for Boilerplate {
    fn default() -> Self {
        Self::builtin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_rule_ids_are_in_the_catalogue() {
        let boilerplate = Boilerplate::builtin();
        let ids = boilerplate.rule_ids();
        for id in [
            "boilerplate/read-more",
            "boilerplate/share",
            "boilerplate/advertisement",
            "boilerplate/newsletter",
            "boilerplate/cookie",
            "boilerplate/timestamp",
            "boilerplate/social-follow",
            "boilerplate/related",
            "boilerplate/comments",
            "boilerplate/image-credit",
        ] {
            assert!(ids.contains(&id), "{id} missing");
        }
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "rule ids are deduplicated");
    }

    #[test]
    fn seed_article_read_more_line_is_boilerplate() {
        let boilerplate = Boilerplate::default();
        assert_eq!(
            boilerplate.classify("Read more at DailyMail.co.uk"),
            Some("boilerplate/read-more")
        );
    }

    #[test]
    fn empty_and_blank_paragraphs_are_not_boilerplate() {
        let boilerplate = Boilerplate::builtin();
        for text in ["", " ", "\n", " \n \n"] {
            assert_eq!(boilerplate.classify(text), None, "{text:?}");
        }
    }

    #[test]
    fn multi_line_block_is_boilerplate_only_when_every_line_is() {
        let boilerplate = Boilerplate::builtin();
        let header =
            "By Jane Doe\nPublished: 10:32 BST, 21 April 2018\nUpdated: 11:49 BST, 21 April 2018";
        assert_eq!(
            boilerplate.classify(header),
            Some("boilerplate/author-byline")
        );
        assert_eq!(
            boilerplate.classify("Share this article\nFacebook\nTwitter"),
            Some("boilerplate/share")
        );
        let mixed = "Advertisement\nThe minister said the memo was never sent to her office.";
        assert_eq!(boilerplate.classify(mixed), None);
        let verse = "Follow the money,\nshe said, and never look back.";
        assert_eq!(boilerplate.classify(verse), None);
    }

    /// A line of links or a byline is boilerplate when each of its parts
    /// is: a print bar with a comment count, a byline with its dates and
    /// comments. A part that no rule names keeps the line, and so do more
    /// parts than a bar of links holds.
    #[test]
    fn a_line_is_boilerplate_when_each_of_its_parts_is() {
        let boilerplate = Boilerplate::builtin();
        for (line, rule) in [
            (
                "Print this article | E-mail to a friend | Comments (12)",
                "boilerplate/print-email",
            ),
            (
                "by Hattie Greer | Updated October 2, 2023 | 48 Comments",
                "boilerplate/author-byline",
            ),
            (
                "Add a comment | Show 1 more comment",
                "boilerplate/comments",
            ),
        ] {
            assert_eq!(boilerplate.classify(line), Some(rule), "{line}");
        }
        let many = ["Print this article"; MAX_PARTS + 1].join(" | ");
        for line in [
            "Print this article | The bridge will close for seven months from June",
            &many,
        ] {
            assert_eq!(boilerplate.classify(line), None, "{line}");
        }
        let most = ["Print this article"; MAX_PARTS].join(" | ");
        assert_eq!(boilerplate.classify(&most), Some("boilerplate/print-email"));
    }

    #[test]
    fn word_limits_keep_free_text_rules_short() {
        let boilerplate = Boilerplate::builtin();
        let headline = "READ MORE: Amber Rudd faces calls to resign over Windrush";
        assert_eq!(
            boilerplate.classify(headline),
            Some("boilerplate/read-more")
        );
        let long = format!("{headline} {}", "and the row goes on ".repeat(6));
        assert_eq!(boilerplate.classify(long.trim()), None);
    }

    #[test]
    fn long_paragraphs_only_meet_long_form_rules() {
        let boilerplate = Boilerplate::builtin();
        let banner = format!(
            "We use cookies to improve your experience on our website. {}",
            "They help us understand how the site is used and to show you relevant ads. ".repeat(5)
        );
        assert!(banner.len() > SHORT_BYTES);
        assert_eq!(
            boilerplate.classify(banner.trim()),
            Some("boilerplate/cookie")
        );
        let prose = format!("Read more: {}", "the report was long. ".repeat(30));
        assert!(prose.len() > SHORT_BYTES);
        assert_eq!(boilerplate.classify(prose.trim()), None);
        let huge = format!("© 2019 Acme. {}", "All rights reserved. ".repeat(200));
        assert!(huge.len() > LONG_BYTES);
        assert_eq!(boilerplate.classify(&huge), None);
    }

    #[test]
    fn builtin_is_built_once() {
        Boilerplate::compile_builtin();
        assert!(std::ptr::eq(Builtin::get(), Builtin::get()));
    }

    fn extra(rule: &str, pattern: &str) -> ExtraPattern {
        ExtraPattern {
            rule: rule.to_string(),
            pattern: pattern.to_string(),
        }
    }

    #[test]
    fn extra_patterns_match_whole_paragraphs_case_insensitively() {
        let boilerplate =
            Boilerplate::with_extra(&[extra("custom/footer", "footer text")]).unwrap();
        assert_eq!(boilerplate.classify("Footer TEXT"), Some("custom/footer"));
        assert_eq!(boilerplate.classify("the footer text of the page"), None);
        assert_eq!(boilerplate.classify("footer text and more"), None);
        assert_eq!(boilerplate.classify("Yes."), None);
    }

    #[test]
    fn alternation_in_an_extra_pattern_stays_anchored() {
        let boilerplate = Boilerplate::with_extra(&[extra("custom/alt", "alpha|beta")]).unwrap();
        assert_eq!(boilerplate.classify("beta"), Some("custom/alt"));
        assert_eq!(boilerplate.classify("alpha and beta"), None);
    }

    #[test]
    fn builtin_rules_win_over_extra_and_extras_keep_their_order() {
        let boilerplate = Boilerplate::with_extra(&[
            extra("custom/ad", "advertisement"),
            extra("custom/first", "site footer"),
            extra("custom/second", "site .*"),
        ])
        .unwrap();
        assert_eq!(
            boilerplate.classify("Advertisement"),
            Some("boilerplate/advertisement")
        );
        assert_eq!(boilerplate.classify("Site footer"), Some("custom/first"));
        assert_eq!(boilerplate.classify("Site map here"), Some("custom/second"));
    }

    #[test]
    fn extra_rule_ids_are_listed_after_the_catalogue() {
        let boilerplate = Boilerplate::with_extra(&[
            extra("custom/a", "x"),
            extra("boilerplate/share", "share it"),
            extra("custom/a", "y"),
        ])
        .unwrap();
        let ids = boilerplate.rule_ids();
        assert_eq!(ids.last(), Some(&"custom/a"));
        assert_eq!(ids.iter().filter(|id| **id == "custom/a").count(), 1);
        assert_eq!(
            ids.iter().filter(|id| **id == "boilerplate/share").count(),
            1
        );
        assert_eq!(ids.len(), Boilerplate::builtin().rule_ids().len() + 1);
    }

    #[test]
    fn invalid_extra_pattern_names_its_rule() {
        let err = Boilerplate::with_extra(&[
            extra("custom/ok", "fine"),
            extra("custom/broken", "unclosed (group"),
        ])
        .unwrap_err();
        assert!(err.contains("custom/broken"), "{err}");
        assert!(err.contains("unclosed"), "{err}");
        let err = Boilerplate::with_extra(&[extra(" ", "x")]).unwrap_err();
        assert!(err.contains("empty rule id"), "{err}");
    }

    #[test]
    fn no_extra_patterns_is_the_builtin_set() {
        let boilerplate = Boilerplate::with_extra(&[]).unwrap();
        assert!(boilerplate.extra.is_none());
        assert_eq!(boilerplate.rule_ids(), Boilerplate::builtin().rule_ids());
    }
}
