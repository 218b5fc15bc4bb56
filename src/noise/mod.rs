//! Noise: the paragraphs that are not the article, whatever their copies.
//!
//! Each classifier gives a verdict per paragraph, and [`classify`] combines
//! them in order: the first verdict stands. A classifier sees only the
//! paragraphs that the ones before it left, as the page reads without them.
//!
//! - [`engine`]: the named boilerplate catalogue ("Read more at ...", share
//!   bars, cookie banners) and the user's patterns, one paragraph at a time.
//! - [`navigation`]: the menus at the page's edges, read from its layout.
//! - [`corpus`]: site boilerplate learnt across a batch of documents.
//!
//! One more classifier plugs in here: a function from the paragraphs left to
//! a verdict each, and one more step in [`classify`].

pub mod corpus;
pub mod engine;
pub mod navigation;

use crate::options::Options;
use crate::rules::{CORPUS_BOILERPLATE, NAVIGATION, TIMESTAMP};
use std::num::NonZeroU32;

/// Why a classifier takes a paragraph for noise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict<'r> {
    /// The rule id, e.g. `boilerplate/read-more`.
    pub rule: &'r str,
    /// In how many documents of the corpus the paragraph occurs, for
    /// `corpus-boilerplate`: a table's count, so 32 bits, and never zero,
    /// which keeps a verdict (one per paragraph of a big file, in every
    /// look) at 24 bytes.
    pub documents: Option<NonZeroU32>,
    /// The verdict reads the page's layout (its edges), which the removal of
    /// copies can move: the decisions are checked again on the clean copy.
    pub layout: bool,
}

#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Option<Verdict<'_>>>() == 24);

impl<'r> Verdict<'r> {
    /// A verdict of a rule that reads the paragraph alone.
    pub fn rule(rule: &'r str) -> Self {
        Verdict {
            rule,
            documents: None,
            layout: false,
        }
    }
}

/// The paragraphs a catalogue rule names, by index, in order, with the rule,
/// whether the user enabled it or not (filter with `options.rules`): it
/// reads each paragraph alone (but for the rows of a table, below), so a
/// caller that looks at a page several times (see [`classify`]) computes it
/// once. Only the named ones
/// are listed, as most paragraphs are not (a rule for every paragraph was
/// 16 bytes each of a big file's peak).
///
/// A row of a table of figures is never taken for a menu: a breadcrumb's
/// pattern (`Home | News | Sport`) also reads a results table's rows
/// (`1 | Millbrook Rovers | 16 | 12 | 2 | 2 | 38`), and a league table
/// between an article's paragraphs went as navigation (`benches/modern13`
/// 05). See [`in_figure_table`].
///
/// Nor is a line of facts ([`tells_facts`]) a breadcrumb trail.
///
/// Nor is a row of a list of dates a timestamp ([`crate::listing::dates_of_lists`]):
/// a page dates itself once or twice, where an exam timetable or a season's
/// fixtures set a date alone over each row, and every row's date went as
/// the page's timestamp (`benches/modern18` 15).
pub fn catalogue<'r>(texts: &[&str], options: &'r Options) -> Vec<(usize, &'r str)> {
    let mut named: Vec<(usize, &str)> = texts
        .iter()
        .enumerate()
        .filter_map(|(i, text)| Some((i, options.boilerplate.classify(text)?)))
        .filter(|&(i, rule)| {
            rule != NAVIGATION
                || !(in_figure_table(texts, i)
                    || crate::text::holds_time_of_day(texts[i])
                    || tells_facts(texts[i]))
        })
        .collect();
    let stamps = named.iter().filter(|&&(_, rule)| rule == TIMESTAMP).count();
    if stamps >= crate::listing::FEWEST_DATES {
        let rows = crate::listing::dates_of_lists(texts);
        named.retain(|&(i, rule)| rule != TIMESTAMP || rows.binary_search(&i).is_err());
    }
    named
}

/// Whether paragraph `i` of `texts` is, or holds, rows of a table of
/// figures: rows (lines of one paragraph, or paragraphs of one line each)
/// of the same number of cells parted by `|`, three or more, each with a
/// figure but for a header over them, one with two or more. A menu bar or a
/// breadcrumb trail stands alone and names pages rather than counts; a
/// footer's bar holds one figure at most (its year), and a bar right under
/// a table, without a figure, is not one of its rows.
fn in_figure_table(texts: &[&str], i: usize) -> bool {
    let text = texts[i].trim();
    if text.contains('\n') {
        return is_figure_table(text.lines());
    }
    let Some((cells, figures)) = table_row(text) else {
        return false;
    };
    // How many cells of paragraph `at` hold a figure, when it is a row of
    // as many cells.
    let row = |at: usize| {
        let text = texts[at].trim();
        (!text.contains('\n'))
            .then(|| table_row(text))
            .flatten()
            .filter(|&(other, _)| other == cells)
            .map(|(_, figures)| figures)
    };
    let data_row = |at: usize| row(at).is_some_and(|figures| figures > 0);
    let end = (i + 1..texts.len())
        .take_while(|&at| data_row(at))
        .last()
        .unwrap_or(i);
    let start = if figures == 0 {
        i
    } else {
        let first = (0..i)
            .rev()
            .take_while(|&at| data_row(at))
            .last()
            .unwrap_or(i);
        match first.checked_sub(1) {
            Some(header) if row(header) == Some(0) => header,
            _ => first,
        }
    };
    is_figure_table(texts[start..=end].iter().copied())
}

/// Whether a line parted by `·`, `•` or `|` into three parts or more tells
/// facts rather than names pages: two of its parts or more hold a figure
/// beside a word (not a count's "868k"), each a word of its own ("25 mins ·
/// Easy · Serves 2", a recipe's card; "3 beds | 2 baths | 1,200 sq ft"). A breadcrumb trail or
/// a menu bar names pages, a pager's parts are figures alone, and a menu's
/// numbered items repeat their word ("Season 1 | Season 2 | Season 3"). A
/// line with a date ([`is_date_word`]) is a byline's or a poster's ("16 May
/// 2018 · Mo Adeyemi · 9 comments", "Joined Mar 2011 · Messages 14,203"),
/// which the catalogue takes as a trail or as a dateline.
fn tells_facts(text: &str) -> bool {
    let parts: Vec<&str> = text.split(['·', '•', '|']).map(str::trim).collect();
    if parts.len() < 3 || crate::text::words(text).any(is_date_word) {
        return false;
    }
    let mut words: Vec<String> = parts
        .iter()
        .filter(|part| part.contains(|c: char| c.is_ascii_digit()))
        .map(|part| {
            crate::text::words(part)
                .filter(|word| !word.contains(|c: char| c.is_ascii_digit()))
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .filter(|words| !words.is_empty())
        .collect();
    let facts = words.len();
    words.sort_unstable();
    words.dedup();
    facts >= 2 && words.len() == facts
}

/// Whether a word tells a date: a month's name or its abbreviation
/// ([`crate::text::MONTHS`]: "Mar", "April"), a year from 1900 to 2099, or
/// "ago" ("Asked 3 days ago").
fn is_date_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let year = word.len() == 4
        && (word.starts_with("19") || word.starts_with("20"))
        && word.bytes().all(|b| b.is_ascii_digit());
    crate::text::MONTHS.contains(&&*lower) || year || lower == "ago"
}

/// Whether `rows` make a table of figures ([`in_figure_table`]): two rows
/// or more, of as many cells, each holding a figure but the first (a
/// header), one holding two or more.
fn is_figure_table<'t>(rows: impl Iterator<Item = &'t str>) -> bool {
    let mut shape = None;
    let (mut count, mut two_figures) = (0usize, false);
    for row in rows {
        let Some((cells, figures)) = table_row(row.trim()) else {
            return false;
        };
        if *shape.get_or_insert(cells) != cells || (count > 0 && figures == 0) {
            return false;
        }
        count += 1;
        two_figures |= figures >= 2;
    }
    count >= 2 && two_figures
}

/// A line's cells parted by `|` (a bar at either end opens or closes the
/// row) and how many of them hold a figure, when it has three or more cells
/// and none is empty.
fn table_row(line: &str) -> Option<(usize, usize)> {
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let (mut cells, mut figures) = (0usize, 0usize);
    for cell in inner.split('|') {
        let cell = cell.trim();
        if cell.is_empty() {
            return None;
        }
        cells += 1;
        figures += usize::from(cell.contains(|c: char| c.is_ascii_digit()));
    }
    (cells >= 3).then_some((cells, figures))
}

/// The noise verdict of every paragraph, `None` for the ones no enabled rule
/// takes: the catalogue's (`catalogue`, from [`catalogue`]), then the page's
/// navigation among what is left, then the corpus among what is left after
/// that. `recurrences` are the paragraphs' standing against the corpus
/// (see [`corpus::classify`]). Also returns the corpus rule's
/// [`corpus::CorpusVerdicts::edge_anchors`].
pub fn classify<'r>(
    texts: &[&str],
    catalogue: Vec<Option<Verdict<'r>>>,
    recurrences: Option<&[corpus::Recurrence]>,
    prose: &navigation::ProseMemo,
    options: &'r Options,
) -> (Vec<Option<Verdict<'r>>>, Option<(usize, usize)>) {
    let mut verdicts = catalogue;
    if options.rules.enabled(NAVIGATION) {
        // The page's edges are found among the paragraphs that stay: a
        // cookie notice that a rule removes must not mark where the article
        // ends, or the next run would find the edge elsewhere.
        let chrome = navigation::chrome_among(
            texts,
            |i| verdicts[i].is_none(),
            |i| verdicts[i].as_ref().map(|verdict| verdict.rule),
            prose,
        );
        for (verdict, is_chrome) in verdicts.iter_mut().zip(chrome) {
            if is_chrome {
                *verdict = Some(Verdict {
                    layout: true,
                    ..Verdict::rule(NAVIGATION)
                });
            }
        }
    }
    let left: Vec<usize> = (0..texts.len())
        .filter(|&i| verdicts[i].is_none())
        .collect();
    let corpus = corpus::classify(recurrences, &left, options);
    for (index, documents) in corpus.removed {
        verdicts[index] = Some(Verdict {
            // A paragraph the corpus takes recurs in `min_documents` or more;
            // only a minimum of 0 lets a count of 0 through, shown as none.
            documents: NonZeroU32::new(documents),
            ..Verdict::rule(CORPUS_BOILERPLATE)
        });
    }
    (verdicts, corpus.edge_anchors)
}

#[cfg(test)]
mod tests {
    use crate::{Decision, Options};

    /// The catalogue's timestamps among `texts`, by index.
    fn timestamps(texts: &[&str]) -> Vec<usize> {
        let options = Options::default();
        super::catalogue(texts, &options)
            .into_iter()
            .filter(|&(_, rule)| rule == crate::rules::TIMESTAMP)
            .map(|(i, _)| i)
            .collect()
    }

    /// An exam timetable sets a date alone over each day's papers (written
    /// for the test, as `benches/modern18` 15 reads); a thread's posts are
    /// dated as alone, but each date is over prose, and stays a timestamp.
    #[test]
    fn the_dates_of_a_timetable_are_no_timestamps() {
        let timetable = [
            "Summer examinations 2026: Year 11 timetable",
            "Monday 11 May 2026",
            "AM — Biology Paper 1 — 1h 45m",
            "PM — Geography Paper 1 — 1h 30m",
            "Tuesday 12 May 2026",
            "AM — English Literature Paper 1 — 1h 45m",
            "Wednesday 13 May 2026",
            "AM — Religious Studies Paper 1 — 1h 45m",
            "PM — French Listening and Reading — 1h 50m",
            "Thursday 14 May 2026",
            "AM — Chemistry Paper 1 — 1h 45m",
        ];
        assert_eq!(timestamps(&timetable), [] as [usize; 0]);
        let thread = [
            "Monday 11 May 2026",
            "Has anyone else had trouble with the new boiler controls? Mine resets every night.",
            "Tuesday 12 May 2026",
            "Same here. The installer said a firmware update is on the way.",
            "Wednesday 13 May 2026",
            "Mine was fixed by turning the schedule off and on again.",
            "Thursday 14 May 2026",
            "Thanks, that worked for me too.",
        ];
        assert_eq!(timestamps(&thread), [0, 2, 4, 6]);
        // Three dates make no list.
        assert_eq!(timestamps(&timetable[..9]), [1, 4, 6]);
    }

    /// A local paper's report with a league table between its paragraphs
    /// (written for the test, as `benches/modern13` 05 reads): the table's
    /// rows match the breadcrumb pattern as the trail above them does, but
    /// set out figures, so the article keeps them; the trail and the
    /// footer's bar still go.
    #[test]
    fn a_table_of_figures_is_no_breadcrumb() {
        let page = "Home | Sport | Youth football\n\n\
            Millbrook Rovers remain two points clear at the top of the league after a tense 2-1 win over Ashby Colts on Saturday morning.\n\n\
            Pos | Team | P | W | D | L | Pts\n\n\
            1 | Millbrook Rovers | 16 | 12 | 2 | 2 | 38\n\n\
            2 | Kessington Town | 16 | 11 | 3 | 2 | 36\n\n\
            Rovers travel to Kessington next Saturday in what could decide the title. Kick-off is at half past ten.\n\n\
            Terms | Privacy | Cookies\n";
        let cleaned = crate::clean(page, &Options::default());
        let removed: Vec<(&str, &str)> = cleaned
            .removals()
            .map(|(paragraph, removal)| (&*paragraph.text, &*removal.rule))
            .collect();
        assert_eq!(
            removed,
            [
                ("Home | Sport | Youth football", "navigation"),
                ("Terms | Privacy | Cookies", "navigation"),
            ]
        );
        // The same rows as one paragraph of lines stay too.
        let block = "Millbrook Rovers remain two points clear at the top of the league after a tense 2-1 win over Ashby Colts on Saturday morning.\n\n\
            Pos | Team | P | W | D | L | Pts\n\
            1 | Millbrook Rovers | 16 | 12 | 2 | 2 | 38\n\
            2 | Kessington Town | 16 | 11 | 3 | 2 | 36\n";
        let cleaned = crate::clean(block, &Options::default());
        assert!(
            cleaned
                .paragraphs
                .iter()
                .all(|p| matches!(p.decision, Decision::Keep(_))),
            "{:?}",
            cleaned.removals().collect::<Vec<_>>()
        );
    }

    /// `benches/modern15` 25 and 27: a recipe's or a cottage's card tells
    /// its facts on one line, parted as a breadcrumb trail is, and every
    /// card's line went as navigation.
    #[test]
    fn a_cards_line_of_facts_is_no_breadcrumb() {
        for (line, facts) in [
            ("25 mins · Easy · Serves 2", true),
            (
                "Near Coniston · Sleeps 4 · 2 bedrooms · 2 dogs welcome",
                true,
            ),
            ("3 beds | 2 baths | 1,200 sq ft", true),
            ("Home · Recipes · Vegetarian", false),
            ("1 · 2 · 3 · Next", false),
            ("Season 1 | Season 2 | Season 3", false),
            ("16 May 2018 · Mo Adeyemi · 9 comments", false),
            ("New member · Joined Jan 2024 · Messages 3", false),
            (
                "Asked 3 days ago · Modified 2 days ago · Viewed 412 times",
                false,
            ),
            ("Updated 6 days ago • 868k • 583", false),
            ("Serves 2 · 25 mins", false),
        ] {
            assert_eq!(super::tells_facts(line), facts, "{line}");
        }
        let options = Options::default();
        let rule = |text: &str| options.boilerplate.classify(text);
        assert_eq!(
            rule("25 mins · Easy · Serves 2"),
            Some(crate::rules::NAVIGATION)
        );
        let page = [
            "Speedy midweek dinners, each ready in half an hour or less, with no meat.",
            "25 mins · Easy · Serves 2",
        ];
        assert_eq!(super::catalogue(&page, &options), []);
    }

    #[test]
    fn times_of_day_are_told() {
        for text in [
            "Riverside Park · 9am · Free",
            "Doors 7.30 pm",
            "Kick-off 19:30",
            "10AM",
        ] {
            assert!(crate::text::holds_time_of_day(text), "{text}");
        }
        for text in [
            "Home | News | 2024",
            "Page 2 of 10",
            "Route 66 | Maps",
            "Rule 3:16a",
            "3.14159",
        ] {
            assert!(!crate::text::holds_time_of_day(text), "{text}");
        }
    }

    /// A row of two figures alone, or rows of links without them, read as a
    /// menu: two bars of a footer, one over the other, are no table.
    #[test]
    fn rows_without_figures_or_alone_are_no_table() {
        let rows = |texts: &[&str]| {
            (0..texts.len())
                .map(|i| super::in_figure_table(texts, i))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            rows(&["About | Contact | Careers", "Privacy | Terms | Cookies"]),
            [false, false]
        );
        assert_eq!(rows(&["© 2012 | Terms | Privacy"]), [false]);
        assert_eq!(rows(&["1 | Millbrook Rovers | 16 | 12"]), [false]);
        assert_eq!(
            rows(&[
                "Day | Opens | Closes",
                "Monday | 9:00 | 17:30",
                "Read more | Share | Print"
            ]),
            [true, true, false]
        );
    }
}
