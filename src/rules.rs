//! The one registry of rule ids: what each rule removes, and whether it runs
//! by default. The reports, `--select`/`--ignore` validation, `dedupe rules`
//! and the README's table all read it, so a rule is described once. A test
//! checks that every id a stage can emit is registered here.

use std::borrow::Cow;

/// Rule id of an exact copy (same comparison key).
pub const EXACT_DUPLICATE: &str = "exact-duplicate";
/// Rule id of a truncated or lightly edited copy.
pub const NEAR_DUPLICATE: &str = "near-duplicate";
/// Rule id of a caption that restates a body paragraph under a label.
pub const CAPTION: &str = "caption";
/// Rule id of page navigation: the menus at a page dump's edges and the
/// catalogue's menu and breadcrumb lines.
pub const NAVIGATION: &str = "navigation";
/// Rule id of a paragraph that recurs in many documents of the corpus.
pub const CORPUS_BOILERPLATE: &str = "corpus-boilerplate";

/// The rules whose removal under a line marks that line as a headline: a
/// byline or a dateline sits right under the headline of a news or blog
/// page. The navigation rule keeps such a line out of a menu, and the page
/// model leaves it.
pub const DATELINE_RULES: [&str; 2] = ["boilerplate/author-byline", TIMESTAMP];

/// Rule id of a bare publication or update timestamp.
pub const TIMESTAMP: &str = "boilerplate/timestamp";

/// One rule a removal can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The id in reports and in `select`/`ignore`, e.g. `boilerplate/share`.
    pub id: &'static str,
    /// What the rule removes, in one sentence.
    pub summary: &'static str,
    /// Runs only when `select` names it exactly: it removes lines that many
    /// article bodies keep as content.
    pub opt_in: bool,
}

const fn rule(id: &'static str, summary: &'static str) -> Rule {
    Rule {
        id,
        summary,
        opt_in: false,
    }
}

const fn opt_in(id: &'static str, summary: &'static str) -> Rule {
    Rule {
        id,
        summary,
        opt_in: true,
    }
}

/// Every built-in rule, duplicates first, then page layout, corpus and the
/// boilerplate catalogue in alphabetical order.
pub const RULES: &[Rule] = &[
    rule(
        "exact-duplicate",
        "An exact copy of another paragraph (after normalization and case folding); the most complete copy is kept.",
    ),
    rule(
        "near-duplicate",
        "A truncated or lightly edited copy of another paragraph; the most complete copy is kept.",
    ),
    rule(
        "caption",
        "An image caption (often behind a short label such as \"Battle for survival: \") that restates a nearby body paragraph.",
    ),
    rule(
        "navigation",
        "Page navigation: a run of short menu lines at the top or bottom of a page dump, before the headline or after the article, or a menu or breadcrumb line (\"Home > News > Politics\", \"Skip to content\").",
    ),
    rule(
        "page-model",
        "Noise judged by the trained page model in the context of the whole page (comment blocks, teaser lists, bios, menus after the article), decoded as runs. A page of article text (only subheadings between its paragraphs) and a text of more than 10,000 paragraphs are left to the other rules (docs/model.md).",
    ),
    rule(
        "corpus-boilerplate",
        "A paragraph that recurs in many documents of the batch: the site's own template text.",
    ),
    rule(
        "boilerplate/advertisement",
        "An advertisement label or placeholder (\"Advertisement\", \"Sponsored content\").",
    ),
    rule(
        "boilerplate/app-promo",
        "A pitch for the publisher's app (\"Download our app\").",
    ),
    rule(
        "boilerplate/author-byline",
        "A staff byline or author line (\"By Jane Smith, Political Editor\").",
    ),
    rule(
        "boilerplate/comments",
        "Comment-section chrome (\"Comments (12)\", \"Join the conversation\").",
    ),
    rule("boilerplate/cookie", "A cookie or consent banner."),
    opt_in(
        "boilerplate/copyright",
        "A copyright notice (\"© 2024 Agency. All rights reserved.\"); agency copy keeps it as content.",
    ),
    opt_in(
        "boilerplate/credits",
        "Reporting and editing credits (\"(Reporting by ...; Editing by ...)\"); agency copy keeps them as content.",
    ),
    rule(
        "boilerplate/embed",
        "A placeholder left by an embedded post or video (\"View this post on Instagram\").",
    ),
    opt_in(
        "boilerplate/embed-attribution",
        "The signature line under an embedded post (\"— Name (@handle) May 1, 2019\"); it says who said the quote.",
    ),
    rule(
        "boilerplate/feedback",
        "A feedback widget (\"Was this article helpful?\").",
    ),
    rule(
        "boilerplate/image-credit",
        "A photo credit (\"Photo: Getty Images\", \"Image source, Reuters\").",
    ),
    rule(
        "boilerplate/newsletter",
        "A newsletter sign-up pitch (\"Sign up for our daily newsletter\").",
    ),
    rule(
        "boilerplate/print-email",
        "Print and e-mail tool labels (\"Print this page\", \"Email to a friend\").",
    ),
    rule(
        "boilerplate/read-more",
        "A read-more link or label (\"Read more at DailyMail.co.uk\", \"Continue reading\").",
    ),
    rule(
        "boilerplate/related",
        "A related-articles heading (\"Related articles\", \"More from this section\").",
    ),
    rule(
        "boilerplate/share",
        "A share bar or label (\"Share this article\", \"Share on Facebook\").",
    ),
    rule(
        "boilerplate/site-footer",
        "The site's own footer: a copyright notice that carries the site's legal links (\"© 2024 Acme. All rights reserved. Privacy | Terms\"), a line of legal links alone (\"Terms of Service Privacy Notice\"), or a notice with a platform credit (\"© 2024 Acme · Powered by Ghost\").",
    ),
    rule(
        "boilerplate/social-follow",
        "A follow-us line (\"Follow us on Twitter\").",
    ),
    rule(
        "boilerplate/subscribe-paywall",
        "A subscription or paywall pitch (\"Subscribe to continue reading\").",
    ),
    rule(
        "boilerplate/tags",
        "A tag or topic list line (\"Tags: politics, elections\").",
    ),
    rule(
        "boilerplate/timestamp",
        "A bare publication or update timestamp (\"Published: 10:14 BST, 20 April 2018\").",
    ),
];

/// The registered rule with this id.
pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.id == id)
}

/// A removal's rule id: the registry's own string for a built-in rule,
/// which costs nothing per removal, or a copy of a pattern rule's id from
/// the user's configuration.
pub fn rule_id(rule: &str) -> Cow<'static, str> {
    match find(rule) {
        Some(known) => Cow::Borrowed(known.id),
        None => Cow::Owned(rule.to_string()),
    }
}

/// Whether `selector` names a rule (exactly, or as a prefix such as
/// `boilerplate`) among the built-in ids and `extra` (the config's own).
pub fn is_known_selector<'a>(selector: &str, extra: impl IntoIterator<Item = &'a str>) -> bool {
    let names = |id: &str| {
        id == selector
            || id
                .strip_prefix(selector)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    RULES.iter().any(|rule| names(rule.id)) || extra.into_iter().any(names)
}

/// Rule selection, as in ruff: a rule runs when `select` is empty or names it
/// (or a prefix of it, so `boilerplate` selects every `boilerplate/...` rule),
/// or `extend_select` names it, and `ignore` does not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleFilter {
    pub select: Vec<String>,
    /// Rules added to the selection (or to the default set when `select` is
    /// empty): how an opt-in rule joins the default rules.
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
}

impl RuleFilter {
    /// Whether `rule` may remove paragraphs. An opt-in rule runs only when
    /// `select` or `extend_select` names it exactly.
    pub fn enabled(&self, rule: &str) -> bool {
        let named_exactly = |selector: &String| selector == rule;
        if find(rule).is_some_and(|rule| rule.opt_in) {
            return (self.select.iter().any(named_exactly)
                || self.extend_select.iter().any(named_exactly))
                && !self.ignore.iter().any(named_exactly);
        }
        let names = |selector: &String| {
            rule == selector
                || rule
                    .strip_prefix(selector.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        };
        (self.select.is_empty()
            || self.select.iter().any(names)
            || self.extend_select.iter().any(names))
            && !self.ignore.iter().any(names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_a_stage_emits_is_registered_once() {
        let catalogue = crate::Boilerplate::builtin();
        let emitted = catalogue
            .rule_ids()
            .into_iter()
            .chain([
                crate::EXACT_DUPLICATE,
                crate::NEAR_DUPLICATE,
                crate::CAPTION,
                crate::NAVIGATION,
                crate::CORPUS_BOILERPLATE,
                crate::PAGE_MODEL,
            ])
            .collect::<Vec<_>>();
        for id in &emitted {
            assert!(find(id).is_some(), "{id} is not in rules::RULES");
        }
        for rule in RULES {
            assert!(
                emitted.contains(&rule.id),
                "{} is registered but never emitted",
                rule.id
            );
            assert_eq!(
                RULES.iter().filter(|r| r.id == rule.id).count(),
                1,
                "{}",
                rule.id
            );
        }
    }

    /// The rules that mark a headline are the catalogue's, and registered.
    #[test]
    fn the_dateline_rules_are_the_catalogues() {
        let catalogue = crate::Boilerplate::builtin();
        let emitted = catalogue.rule_ids();
        for rule in DATELINE_RULES {
            assert!(find(rule).is_some(), "{rule}");
            assert!(emitted.contains(&rule), "{rule}");
        }
    }

    #[test]
    fn selectors_are_ids_or_their_prefixes() {
        assert!(is_known_selector("boilerplate", []));
        assert!(is_known_selector("boilerplate/share", []));
        assert!(is_known_selector("near-duplicate", []));
        assert!(!is_known_selector("near-duplicat", []));
        assert!(!is_known_selector("boiler", []));
        assert!(is_known_selector("site/promo", ["site/promo"]));
    }

    #[test]
    fn rule_filter_selects_by_prefix_and_ignores() {
        let filter = RuleFilter {
            select: vec!["boilerplate".into(), "exact-duplicate".into()],
            ignore: vec!["boilerplate/share".into()],
            ..RuleFilter::default()
        };
        assert!(filter.enabled("boilerplate/read-more"));
        assert!(filter.enabled("exact-duplicate"));
        assert!(!filter.enabled("boilerplate/share"));
        assert!(!filter.enabled("caption"));
        assert!(!filter.enabled("boilerplateish"));
        assert!(RuleFilter::default().enabled("caption"));
        assert!(!RuleFilter::default().enabled("boilerplate/copyright"));
        assert!(!filter.enabled("boilerplate/copyright"));
        let copyright = RuleFilter {
            select: vec!["boilerplate/copyright".into()],
            ..RuleFilter::default()
        };
        assert!(copyright.enabled("boilerplate/copyright"));
        // extend_select adds an opt-in rule to the default set.
        let extended = RuleFilter {
            extend_select: vec!["boilerplate/credits".into()],
            ..RuleFilter::default()
        };
        assert!(extended.enabled("boilerplate/credits") && extended.enabled("caption"));
        assert!(!RuleFilter::default().enabled("boilerplate/credits"));
        // The page model is a default rule, and ignored like any.
        assert!(RuleFilter::default().enabled("page-model"));
        let rules_alone = RuleFilter {
            ignore: vec!["page-model".into()],
            ..RuleFilter::default()
        };
        assert!(!rules_alone.enabled("page-model") && rules_alone.enabled("caption"));
    }
}
