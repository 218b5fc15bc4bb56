//! What the rules removed around each paragraph, as the page model reads it.
//!
//! The rules name much of a page's chrome (navigation, timestamps, share
//! bars, "Related" and "Comments" headings) but not the prose-shaped noise
//! beside it: reader comments between their removed timestamps, teasers
//! under a removed "Related" heading. A paragraph among such removals is
//! more likely noise itself, and which rule removed its neighbours says
//! what part of the page it is in. Leave-site-out, this raised the page
//! dumps' F1 from 0.890 to 0.902 (`docs/model.md`).
//!
//! The next run of a clean copy does not see these paragraphs: they are
//! gone. So a model may only weigh them towards noise (training keeps
//! those weights at zero or above), and the page is read again without
//! them before it is final ([`crate::decide`]).

use super::hash::{Fnv, feature, fold32};
use crate::rules::DATELINE_RULES;

/// How far, in paragraphs of the document, the features look for a removal
/// on each side.
pub const REACH: usize = 6;

/// Which of a document's paragraphs the rules removed as noise (not as a
/// copy of another paragraph), and by which rule.
#[derive(Debug)]
pub struct RuleRemovals {
    /// For each paragraph, [`rule_hash`] of the rule that removed it, 0 if
    /// none did. Empty when none did.
    by: Vec<u32>,
    /// Whether the features read them ([`RuleRemovals::read`]).
    read: bool,
    /// [`rule_hash`] of each of `DATELINE_RULES` ([`RuleRemovals::dateline`]).
    datelines: [u32; DATELINE_RULES.len()],
}

impl RuleRemovals {
    /// The rules' removals among `len` paragraphs: `removed_by` gives each
    /// paragraph's rule, if one removed it as noise.
    pub fn new<'r>(len: usize, removed_by: impl IntoIterator<Item = Option<&'r str>>) -> Self {
        let mut by: Vec<u32> = removed_by
            .into_iter()
            .map(|rule| rule.map_or(0, rule_hash))
            .collect();
        if by.iter().all(|&rule| rule == 0) {
            by = Vec::new();
        }
        assert!(
            by.is_empty() || by.len() == len,
            "one rule or none per paragraph"
        );
        RuleRemovals {
            by,
            read: true,
            datelines: DATELINE_RULES.map(rule_hash),
        }
    }

    /// Whether the rules removed any paragraph as noise.
    pub fn any(&self) -> bool {
        !self.by.is_empty()
    }

    /// Whether the features read the removals from now on (at first they
    /// do; the next run's reading does not).
    pub fn read(&mut self, read: bool) {
        self.read = read;
    }

    fn rule(&self, i: usize) -> u32 {
        if self.read {
            self.by.get(i).copied().unwrap_or(0)
        } else {
            0
        }
    }

    /// Whether the rules removed paragraph `i` as a byline or a dateline
    /// ([`crate::rules::DATELINE_RULES`]), while the removals are read.
    pub fn dateline(&self, i: usize) -> bool {
        let rule = self.rule(i);
        rule != 0 && self.datelines.contains(&rule)
    }

    /// Paragraph `i`'s dense features: whether the paragraph before it and
    /// the one after it were removed, and the share of the [`REACH`]
    /// paragraphs on each side that were.
    pub fn dense(&self, i: usize) -> [f32; 3] {
        if !self.read || self.by.is_empty() {
            return [0.0; 3];
        }
        let removed = |j: usize| self.rule(j) != 0;
        let window = i.saturating_sub(REACH)..(i + 1 + REACH).min(self.by.len());
        let width = (window.len() - 1).max(1) as f32;
        let nearby = window.filter(|&j| j != i && removed(j)).count() as f32 / width;
        let before = i.checked_sub(1).is_some_and(removed);
        [f32::from(before), f32::from(removed(i + 1)), nearby]
    }

    /// The nearest paragraphs before and after paragraph `i`, within
    /// [`REACH`], that the rules removed.
    fn nearest(&self, i: usize) -> [Option<usize>; 2] {
        let before = (i.saturating_sub(REACH)..i)
            .rev()
            .find(|&j| self.rule(j) != 0);
        let after = (i + 1..(i + 1 + REACH).min(self.by.len())).find(|&j| self.rule(j) != 0);
        [before, after]
    }

    /// The nearest removals before and after paragraph `i` (their
    /// paragraphs), each with its hashed feature and which side it is on.
    fn sides(&self, i: usize) -> impl Iterator<Item = (usize, u64, &'static str)> + '_ {
        let [before, after] = self.nearest(i);
        // What the hash mixes in: the paragraph comes after, or before, a
        // removal by the rule.
        let before = before.map(|j| (j, 20, "after"));
        let after = after.map(|j| (j, 21, "before"));
        before
            .into_iter()
            .chain(after)
            .map(|(j, side, word)| (j, feature(u64::from(self.rule(j)), side), word))
    }

    /// Paragraph `i`'s hashed features (value 1 each): the rule of the
    /// nearest removal before it, and of the nearest after it.
    pub fn hashed(&self, i: usize) -> impl Iterator<Item = u64> + '_ {
        self.sides(i).map(|(_, hash, _)| hash)
    }

    /// [`RuleRemovals::hashed`] of paragraph `i` with their names, for
    /// explanations: `rules` are the paragraphs' rules, as given to
    /// [`RuleRemovals::new`].
    pub fn named(&self, i: usize, rules: &[Option<&str>]) -> Vec<(u64, String)> {
        self.sides(i)
            .filter_map(|(j, hash, word)| rules[j].map(|rule| (hash, format!("{word} {rule}"))))
            .collect()
    }
}

/// A rule id's hash, never 0 (which stands for no rule).
fn rule_hash(rule: &str) -> u32 {
    let mut hash = Fnv::new();
    for byte in rule.bytes() {
        hash.byte(byte);
    }
    fold32(hash.0) | 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_read_the_nearest_removals_within_reach() {
        let rules = [
            Some("navigation"),
            None,
            None,
            Some("boilerplate/timestamp"),
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ];
        let mut removals = RuleRemovals::new(rules.len(), rules);
        assert!(removals.any());
        // Paragraph 4 follows a timestamp: the one before it was removed,
        // as were 2 of the 4 before it (the window is cut at the start) and
        // none of the 6 after it.
        assert_eq!(removals.dense(4), [1.0, 0.0, 2.0 / 10.0]);
        let names: Vec<String> = removals
            .named(4, &rules)
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        assert_eq!(names, ["after boilerplate/timestamp"]);
        assert_eq!(removals.hashed(4).count(), 1);
        // Paragraph 2 lies between the two removals.
        let names: Vec<String> = removals
            .named(2, &rules)
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        assert_eq!(names, ["after navigation", "before boilerplate/timestamp"]);
        // Paragraph 10 is more than REACH paragraphs from either.
        assert_eq!(removals.hashed(10).count(), 0);
        assert_eq!(removals.dense(10), [0.0; 3]);
        // The next run's reading sees none of it.
        removals.read(false);
        assert_eq!(removals.dense(4), [0.0; 3]);
        assert_eq!(removals.hashed(2).count(), 0);
    }

    #[test]
    fn a_document_the_rules_removed_nothing_from_has_no_removals() {
        let removals = RuleRemovals::new(3, [None, None, None]);
        assert!(!removals.any());
        assert_eq!(removals.dense(1), [0.0; 3]);
        assert_eq!(removals.hashed(1).count(), 0);
    }
}
