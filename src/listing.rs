//! A page that is a listing: a blog's index, a site's list of reviews, a
//! search's results, each item a section of one shape under the same short
//! label, with an excerpt. Its items are the page's content, however much
//! they read like teasers of other pages; the navigation rule and the page
//! model both ask where such a listing lies. A page may also be a list of
//! cards, items of a few short lines with no excerpt (an offers page, a
//! course catalogue), which the page model asks for too. And a page's
//! content may be a list with no sentence in it (a price list, opening
//! hours, a TV schedule, a dictionary's senses, a club's fixtures), which
//! reads line by line like a menu: both readers ask for one above the first
//! prose ([`list_span`]).

use crate::text::words;
use rustc_hash::FxHashSet;

/// How many times a listing's label recurs at least: a page's sections
/// opened by one label four times over, each with prose, are a list of
/// items, where three could be a short article's repeated subheading.
const MIN_ITEMS: usize = 4;

/// The most paragraphs between two labels of a listing: an item is a title,
/// an excerpt and a few lines of its details, not a page of its own.
const MAX_ITEM: usize = 12;

/// A listing's label is a short line: at most this many words, as many as
/// the page model's short line (whose hash its listings are read from).
pub const LABEL_WORDS: usize = 6;

/// An item's excerpt, the prose that makes a section an item rather than a
/// link, has at least this many words.
pub const EXCERPT_WORDS: u32 = 25;

/// The paragraphs of a page that are a listing of items (`lines` gives, for
/// each paragraph in order, a hash of its words, lowercased, when it is a
/// short line, and its word count): the longest run of sections each opened
/// by the same short line, at least [`MIN_ITEMS`] times, at steady steps
/// (the longest step at most twice the shortest, and at most [`MAX_ITEM`]),
/// where three in four sections hold an excerpt of [`EXCERPT_WORDS`] words
/// or more, and which holds half the page's words or more. It runs from the
/// first label to as far past the last one as the longest step.
///
/// A menu's or a footer's repeated link has no prose between its copies, and
/// a comment section's repeated "Reply" is the catalogue's to remove before
/// the model reads the page. A list of related reports or stories under an
/// article is shaped as a listing too, but holds less of the page than the
/// article: on `ext` 0220 such a list stayed before the last condition.
pub fn span(lines: &[(Option<u64>, u32)]) -> Option<(usize, usize)> {
    items_span(lines, Items::WithExcerpts)
}

/// The fewest paragraphs from one label of a list of cards to the next: a
/// card is its label, a title and its details. A label with one line after
/// it, four times over ("More", then a link), is a menu's.
const MIN_CARD: usize = 3;

/// The paragraphs of a page that are a list of cards: as [`span`] finds a
/// listing, but where no section holds an excerpt (every line under
/// [`EXCERPT_WORDS`] words) and each is [`MIN_CARD`] paragraphs or more.
/// An offers page's hotels, each its name, its place, the offer and "BOOK
/// NOW" (`fixtures/structural-offer-cards`), or a catalogue's courses (`ext`
/// 0316, web.dev's list of its courses). The items hold half the page's
/// words or more, so they are what the page is about; a grid of related
/// products under a product's description holds less.
pub fn card_span(lines: &[(Option<u64>, u32)]) -> Option<(usize, usize)> {
    items_span(lines, Items::Cards)
}

/// What makes a section an item of a listing ([`span`]) or a card
/// ([`card_span`]).
#[derive(Clone, Copy)]
enum Items {
    WithExcerpts,
    Cards,
}

/// The paragraphs of the cards whose labels are at `places` (in order, at
/// steady steps): from the first label to the last, and the one card
/// beyond them. A card's label may open it (a course's "Course", then its
/// name) or close it (an offer's "BOOK NOW"), so that card lies after the
/// last label or before the first: on the side whose lines have the word
/// counts of the lines between the first two labels, line for line. A tie
/// goes after, as a listing's does.
fn cards_around(lines: &[(Option<u64>, u32)], places: &[usize]) -> (usize, usize) {
    let (first, last) = (places[0], places[places.len() - 1]);
    let card = places[1] - first - 1;
    let between = &lines[first + 1..places[1]];
    // How far the lines of a side are from those between the labels: the
    // sum of the differences of their word counts' logarithms, a missing
    // line (the page's edge) as far as a line can be.
    let distance = |side: &[(Option<u64>, u32)]| -> f32 {
        between
            .iter()
            .enumerate()
            .map(|(at, &(_, words))| {
                side.get(at).map_or(f32::MAX / 64.0, |&(_, other)| {
                    ((words as f32 + 1.0).ln() - (other as f32 + 1.0).ln()).abs()
                })
            })
            .sum()
    };
    let before = &lines[first.saturating_sub(card)..first];
    let after = &lines[last + 1..(last + 1 + card).min(lines.len())];
    if before.len() == card && distance(before) < distance(after) {
        (first - card, last)
    } else {
        (first, last + after.len())
    }
}

/// A short line has at most this many words, as a link's text does.
pub const SHORT_LINE_WORDS: usize = 12;

/// One line of at most [`SHORT_LINE_WORDS`] words that ends no sentence: the
/// shape of a link's text and of a list's item. Cheapest first: most
/// paragraphs of an article end a sentence, and the words are counted only
/// up to one too many.
pub fn is_short_line(text: &str) -> bool {
    !ends_clause(text) && !text.contains('\n') && words(text).nth(SHORT_LINE_WORDS).is_none()
}

/// Whether a line ends as a sentence or a clause does, closing quotes and
/// brackets aside: with a full stop, a question or an exclamation mark, or
/// a colon, which a label over a list ends with and a link's text never.
pub fn ends_clause(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', ')', ']', '\u{bb}', '\u{2019}', '\u{201d}'])
        .ends_with(['.', '!', '?', ':', '\u{3002}', '\u{ff01}', '\u{ff1f}'])
}

/// [`span`] or [`card_span`].
fn items_span(lines: &[(Option<u64>, u32)], kind: Items) -> Option<(usize, usize)> {
    let shortest_item = match kind {
        Items::WithExcerpts => 2,
        Items::Cards => MIN_CARD,
    };
    // The labels' hashes with their places, sorted so that each label's
    // copies lie together in order.
    let mut labels: Vec<(u64, usize)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, &(line, words))| line.filter(|_| words > 0).map(|hash| (hash, i)))
        .collect();
    labels.sort_unstable();
    let words = |lines: &[(Option<u64>, u32)]| {
        lines
            .iter()
            .map(|&(_, words)| u64::from(words))
            .sum::<u64>()
    };
    let page_words = words(lines);
    let mut places = Vec::new();
    labels
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|copies| copies.len() >= MIN_ITEMS)
        .filter_map(|copies| {
            places.clear();
            places.extend(copies.iter().map(|&(_, i)| i));
            let steps = places.windows(2).map(|pair| pair[1] - pair[0]);
            let (shortest, longest) = (steps.clone().min()?, steps.max()?);
            if shortest < shortest_item || longest > 2 * shortest || longest > MAX_ITEM {
                return None;
            }
            let items = places
                .windows(2)
                .filter(|pair| {
                    lines[pair[0] + 1..pair[1]]
                        .iter()
                        .any(|&(_, words)| words >= EXCERPT_WORDS)
                })
                .count();
            let last = places[places.len() - 1];
            let (span, items_fit) = match kind {
                Items::WithExcerpts => (
                    (places[0], (last + longest).min(lines.len() - 1)),
                    4 * items >= 3 * (places.len() - 1),
                ),
                Items::Cards => (cards_around(lines, &places), items == 0),
            };
            (items_fit && 2 * words(&lines[span.0..=span.1]) >= page_words).then_some(span)
        })
        .max_by_key(|&(first, last)| (last - first, std::cmp::Reverse(first)))
}

/// The window of lines [`figure_list_span`] reads at once, how many of
/// them must hold a figure, and how many of those must say different words.
const FIGURE_WINDOW: usize = 8;
const FIGURE_WINDOW_LINES: usize = 5;
const FIGURE_WINDOW_WORDINGS: usize = 4;

/// The paragraphs of `texts` (a page's, or the lines above its first prose)
/// that are a list of figures, if they hold one. It starts at the first line
/// with a figure that opens a window of [`FIGURE_WINDOW`] lines, at least
/// [`FIGURE_WINDOW_LINES`] of which are short lines of two words or more
/// (one beside a time of day) with a figure set as a list's own
/// ([`list_figure`]: a quantity, a clue's number, a time of day, a price, a
/// ballot box), in at least [`FIGURE_WINDOW_WORDINGS`] wordings; or at the
/// heading right over it. A menu names pages, and a menu's series of items ("1st grade
/// math tutor") says one thing; a price list, a list of ingredients or a
/// crossword's clues is the page's content, and on a page without a
/// sentence the first prose is a notice under the list (`benches/modern17`
/// 03, 23, 27 and 30 went as menus). It runs on to the last line with a
/// figure less than a window after the one before it. Only a list whose
/// first figure lies among the first `opens_within` lines is sought.
pub fn figure_list_span(texts: &[&str], opens_within: usize) -> Option<(usize, usize)> {
    // A line of two words or more, and no numbered heading: a list of
    // contents numbers its sections' titles ("2. Conduct Smarter Keyword
    // Research", `ext` 0040, whose contents the edge takes), where a list's
    // own items read as phrases ("2. (of an illness) not producing
    // symptoms", "2 red onions").
    let numbered_heading = |text: &str| {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0
            && text[digits..]
                .strip_prefix(". ")
                .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    };
    let figure = |text: &str| is_figure_line(text) && !numbered_heading(text.trim_start());
    // The words of a line without its figures: a menu's series of items
    // ("1st grade math tutor", "2nd grade math tutor") says the same.
    let skeleton = |text: &str| -> String {
        let kept: Vec<String> = words(text)
            .filter(|word| !word.contains(char::is_numeric))
            .map(str::to_lowercase)
            .collect();
        kept.join(" ")
    };
    // Each line is read once, when a window first reaches it: the windows
    // overlap, and a caller may ask only for a list near the start.
    let mut figures: Vec<bool> = Vec::new();
    let mut figure_at = |at: usize| {
        while figures.len() <= at {
            figures.push(figure(texts[figures.len()]));
        }
        figures[at]
    };
    let mut start = None;
    for at in 0..opens_within.min(texts.len()) {
        if !figure_at(at) {
            continue;
        }
        let window = at..(at + FIGURE_WINDOW).min(texts.len());
        let lines: Vec<usize> = window.filter(|&i| figure_at(i)).collect();
        // The wordings only of a window with lines enough: each is a copy.
        if lines.len() >= FIGURE_WINDOW_LINES
            && lines
                .iter()
                .map(|&i| skeleton(texts[i]))
                .collect::<FxHashSet<String>>()
                .len()
                >= FIGURE_WINDOW_WORDINGS
        {
            start = Some(at);
            break;
        }
    }
    let start = start?;
    // Each figure less than a window after the one before it.
    let mut last = start;
    for at in start + 1..texts.len() {
        if at - last >= FIGURE_WINDOW {
            break;
        }
        if figure_at(at) {
            last = at;
        }
    }
    let heading = start.checked_sub(1).filter(|&above| !figure_at(above));
    Some((heading.unwrap_or(start), last))
}

/// Whether a line reads as an item of a list of figures: a short line of
/// two words or more with a figure set as a list's own ([`list_figure`]).
/// A time of day names its own line's sense, so one word with it will do
/// ("Friday: 9am – 5pm").
pub fn is_figure_line(text: &str) -> bool {
    // The cheapest tests first: the lists' readers ask every line of a
    // page, each round of the page model. The last character turns most of
    // an article's paragraphs away, and a byte most of a menu's links.
    if ends_clause(text) || !may_hold_figure(text) || !is_short_line(text) {
        return false;
    }
    let time_of_day = crate::text::holds_time_of_day(text);
    words(text)
        .filter(|word| word.chars().all(char::is_alphabetic))
        .nth(usize::from(!time_of_day))
        .is_some()
        && list_figure(text, time_of_day)
}

/// Whether a line may hold a figure as [`list_figure`] reads one: a digit,
/// a currency's sign or a ballot box (`$`, or a character whose UTF-8 opens
/// with 0xC2, as "£" does, or 0xE2, as "€" and "☐" do). Read from the
/// bytes, far quicker than the figure itself.
fn may_hold_figure(text: &str) -> bool {
    text.bytes()
        .any(|b| b.is_ascii_digit() || matches!(b, b'$' | 0xc2 | 0xe2))
}

/// The paragraphs of `texts` (a page's, or the lines above its first prose)
/// that are a list of the page's own with no sentence in it: a list of
/// figures ([`figure_list_span`]), a timetable ([`TIMETABLE`]), a
/// dictionary's numbered senses ([`SENSES`]), a book's contents
/// ([`contents_span`]), a product's specifications
/// ([`specifications_span`]), keyboard shortcuts ([`SHORTCUTS`]), a list
/// of dates ([`DATES`]) or a week's days ([`WEEK`]), the first the page
/// holds in that order.
/// Both the navigation rule and the page model leave such a list above the
/// first prose.
pub fn list_span(texts: &[&str]) -> Option<(usize, usize)> {
    figure_list_span(texts, texts.len())
        .or_else(|| rows_span(texts, &TIMETABLE))
        .or_else(|| rows_span(texts, &SENSES))
        .or_else(|| contents_span(texts))
        .or_else(|| specifications_span(texts))
        .or_else(|| rows_span(texts, &SHORTCUTS))
        .or_else(|| rows_span(texts, &DATES))
        .or_else(|| rows_span(texts, &WEEK))
}

/// Every list of the page's own in `texts`, in order: [`list_span`] read
/// again past the end of the list before.
pub fn list_spans(texts: &[&str]) -> Vec<(usize, usize)> {
    every_span(texts, list_span)
}

/// Every span `find` finds in `texts`, in order: `find` read again past
/// the end of the span before.
fn every_span(
    texts: &[&str],
    find: impl Fn(&[&str]) -> Option<(usize, usize)>,
) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some((start, end)) = find(&texts[from..]) {
        spans.push((from + start, from + end));
        from += end + 1;
    }
    spans
}

/// A list of rows, each opened by a line with a key that orders it.
struct Rows {
    /// The key of a line that opens a row, if it opens one.
    key: fn(&str) -> Option<u32>,
    /// Whether a row with this key may open the list.
    opens: fn(u32) -> bool,
    /// Whether a key follows the one before it in the list's order.
    in_order: fn(u32, u32) -> bool,
    /// How many times the order may turn (a night's schedule runs past
    /// midnight once).
    turns: usize,
    /// The fewest rows of a list, and the fewest and the most lines a row
    /// may have.
    fewest: usize,
    row_lines: (usize, usize),
}

impl Rows {
    /// At least `fewest` rows numbered 1, 2, 3 in turn by `key`, each within
    /// `most_lines` lines of the last.
    const fn numbered(key: fn(&str) -> Option<u32>, fewest: usize, most_lines: usize) -> Rows {
        Rows {
            key,
            opens: |number| number == 1,
            in_order: |before, number| number == before + 1,
            turns: 0,
            fewest,
            row_lines: (1, most_lines),
        }
    }

    /// At least four rows, each within seven lines of the last, whose `key`
    /// (a time, a date) is later than the last one's but once.
    const fn later_by(key: fn(&str) -> Option<u32>) -> Rows {
        Rows {
            key,
            opens: |_| true,
            in_order: |before, key| key > before,
            turns: 1,
            fewest: 4,
            row_lines: (1, 7),
        }
    }
}

/// A timetable: at least four lines that are a time of day alone ("17:30",
/// "9am"), each within seven lines of the last, and later than it but once.
/// A TV schedule or a departure board sets each time as a row's first cell,
/// the programme or the bus on the lines under it, and ends no sentence, so
/// its rows went as the menu above the first prose, a pitch under them
/// (`benches/modern17` 04 and 16). A list of the latest news times its
/// teasers too, but newest first.
const TIMETABLE: Rows = Rows::later_by(clock_minutes);

/// A dictionary's senses: at least three lines numbered 1, 2, 3 in turn,
/// each a phrase in lower case ("1. quiet and still; not active for the time
/// being", "2. (of an illness) not producing symptoms"), each within
/// twelve lines of the last (its examples, or a thesaurus's synonyms one a
/// line, lie between). A menu's or a contents list's numbered items are
/// titles, in capitals (`benches/modern17` 06 and 07 lost their entries as
/// menus).
const SENSES: Rows = Rows::numbered(sense_number, 3, 12);

/// A book's contents: at least five chapters numbered 1, 2, 3 in turn,
/// each a title ("1. Coasters and Keels", "6. Tax, Smuggling and the
/// Excise Men"), each within three lines of the last (a part's heading may
/// lie between). A book's page lists them and prints no more of them, and
/// went as the menu above the publisher's blurb (`benches/modern17` 20);
/// see [`contents_span`].
const CONTENTS: Rows = Rows::numbered(chapter_number, 5, 3);

/// A table of keyboard shortcuts: at least five lines that are a key
/// combination ([`key_combination`]: "Ctrl + Shift + S", "Alt + ↑ / Alt +
/// ↓"), each within three lines of the last (what it does between, a
/// group's heading now and then). A shortcuts page sets each over its
/// action, lines as short as a menu's, and went as the menu above a tip
/// under it (`benches/modern17` 25).
const SHORTCUTS: Rows = Rows {
    key: key_combination,
    opens: |_| true,
    in_order: |_, _| true,
    turns: 0,
    fewest: 5,
    row_lines: (1, 3),
};

/// The most characters of a key's name in a key combination ("Shift",
/// "Enter", "↑").
const KEY_NAME_CHARS: usize = 6;

/// Whether a line is a key combination alone: keys joined by " + " (and
/// combinations by " / "), each key's name one word of at most
/// [`KEY_NAME_CHARS`] characters ("Sign up + save 20%" is none). The key is
/// the same for every line ([`SHORTCUTS`] reads them in any order).
fn key_combination(text: &str) -> Option<u32> {
    let text = text.trim();
    let key = |key: &str| {
        !key.is_empty()
            && !key.contains(char::is_whitespace)
            && key.chars().count() <= KEY_NAME_CHARS
    };
    (text.len() <= 8 * KEY_NAME_CHARS
        && text.contains(" + ")
        && text
            .split(" / ")
            .all(|combination| combination.split(" + ").all(key)))
    .then_some(0)
}

/// A week's days, each over what it holds: at least four lines that are a
/// weekday's name alone, in the week's order, each with one line or more
/// under it and within seven lines of the last. A school's lunch menu for
/// the week went as the page model's noise (`benches/modern17` 17). A day
/// picker's days stand one right under another.
const WEEK: Rows = Rows {
    key: weekday,
    opens: |_| true,
    in_order: |before, day| day == before + 1,
    turns: 0,
    fewest: 4,
    row_lines: (2, 7),
};

/// A list of dates, fixtures or events: at least four lines that are a date
/// alone ("Saturday 4 October", "4 Oct 2025"), each within seven lines of
/// the last, and later than it but once (a season runs into the new year).
/// A club's fixtures, each a date over the match and its kick-off, went as
/// the menu above the first prose, a pitch under them (`benches/modern17`
/// 05). A list of news dates its teasers newest first, and an archive's
/// months ("October 2025") name no day.
const DATES: Rows = Rows::later_by(day_of_year);

/// The fewest dates of a list of dates ([`DATES`]).
pub const FEWEST_DATES: usize = DATES.fewest;

/// The lines of `texts` that are the dates of a list of dates ([`DATES`])
/// whose rows say no sentence, every such list the page holds, in order. A
/// timetable's rows are its entries ("AM — Biology Paper 1 — 1h 45m"); a
/// thread's dated posts and a list's dated teasers hold prose, and their
/// dates are the posts' own.
pub fn dates_of_lists(texts: &[&str]) -> Vec<usize> {
    let mut dates = Vec::new();
    for (start, end) in every_span(texts, |texts| rows_span(texts, &DATES)) {
        let (dated, entries): (Vec<usize>, Vec<usize>) =
            (start..=end).partition(|&at| day_of_year(texts[at]).is_some());
        // The heading over the first date is no entry.
        if entries
            .iter()
            .all(|&at| at < dated[0] || is_short_line(texts[at]))
        {
            dates.extend(dated);
        }
    }
    dates
}

/// The rows of `texts` that make a list of `rows`' kind, if they hold one:
/// the first run of rows in order, from the heading right over the first to
/// the last row's end, as many lines as the row before it.
fn rows_span(texts: &[&str], rows: &Rows) -> Option<(usize, usize)> {
    // The keys of the run read so far, with their places, and how often
    // its order turned.
    let (mut run, mut turns): (Vec<(usize, u32)>, usize) = (Vec::new(), 0);
    for (at, text) in texts.iter().enumerate() {
        let Some(key) = (rows.key)(text) else {
            continue;
        };
        let (near, in_order) = match run.last() {
            Some(&(last, before)) => (
                (rows.row_lines.0..=rows.row_lines.1).contains(&(at - last)),
                (rows.in_order)(before, key),
            ),
            None => (true, (rows.opens)(key)),
        };
        if near && (in_order || !run.is_empty() && turns < rows.turns) {
            turns += usize::from(!in_order);
            run.push((at, key));
            continue;
        }
        if run.len() >= rows.fewest {
            break;
        }
        (run, turns) = (Vec::new(), 0);
        if (rows.opens)(key) {
            run.push((at, key));
        }
    }
    if run.len() < rows.fewest {
        return None;
    }
    let (start, last) = (run[0].0, run[run.len() - 1].0);
    let row = last - run[run.len() - 2].0;
    let heading = start
        .checked_sub(1)
        .filter(|&above| (rows.key)(texts[above]).is_none());
    Some((
        heading.unwrap_or(start),
        (last + row - 1).min(texts.len() - 1),
    ))
}

/// The month names in their order, each by its first three letters.
const MONTH_STEMS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The day of a line that is a date alone, counted in the year as 32 days
/// a month ("Saturday 4 October", "Tue 7 Oct 2025", "October 4th, 2025"):
/// a day and a month, perhaps a weekday and a year, and nothing else.
fn day_of_year(text: &str) -> Option<u32> {
    let (mut day, mut month) = (None, None);
    // The runs between the characters that are no letter or digit, not
    // `words`, which reads a whole paragraph of prose first to see whether
    // its script is written without spaces: such a word is no date's.
    let mut runs = text
        .split(|c: char| !crate::text::is_alphanumeric(c))
        .filter(|run| !run.is_empty());
    for word in runs.by_ref().take(5) {
        // No word of a date is longer than "wednesday" or "september", so a
        // longer one ends the reading before it is lowercased, which is
        // done on the stack: most lines read here are prose, whose first
        // word already says no.
        let mut lowered = [0u8; LONGEST_DATE_WORD];
        let lowered = lowered.get_mut(..word.len())?;
        lowered.copy_from_slice(word.as_bytes());
        lowered.make_ascii_lowercase();
        let word = std::str::from_utf8(lowered).ok()?;
        let digits = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|suffix| word.strip_suffix(suffix))
            .unwrap_or(word);
        let stem = word.get(..3).unwrap_or_default();
        if let Ok(number) = digits.parse::<u32>() {
            match number {
                1..=31 if day.is_none() && digits.len() <= 2 => day = Some(number),
                1900..=2100 if digits.len() == 4 => {}
                _ => return None,
            }
        } else if let Some(at) = MONTH_STEMS.iter().position(|&m| m == stem) {
            let full = crate::text::MONTHS.contains(&word) || word == "may";
            if month.is_some() || !full {
                return None;
            }
            month = Some(at as u32);
        } else if !WEEKDAYS
            .iter()
            .any(|&d| word.starts_with(d) && word.len() <= d.len() + 6)
        {
            return None;
        }
    }
    Some(month? * 32 + day?).filter(|_| runs.next().is_none())
}

/// The most bytes a word of a date alone has ([`day_of_year`]): a month's
/// or a weekday's full name.
const LONGEST_DATE_WORD: usize = 9;

/// The weekdays by their first three letters ("sat", "saturday").
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The day of the week, counted from Monday, of a line that is a weekday's
/// full name alone ("Monday", "Thursday").
fn weekday(text: &str) -> Option<u32> {
    const NAMES: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let text = text.trim();
    NAMES
        .iter()
        .position(|name| text.eq_ignore_ascii_case(name))
        .map(|day| day as u32)
}

/// The number of a line that is a numbered sense: one or two digits, a full
/// stop, then a phrase that opens in lower case or with a bracket.
fn sense_number(text: &str) -> Option<u32> {
    let (number, phrase) = numbered(text)?;
    phrase
        .starts_with(|c: char| c.is_lowercase() || c == '(')
        .then_some(number)
}

/// The [`CONTENTS`] of `texts`, if they hold one whose titles are printed
/// nowhere under it, with their numbers or without: a tutorial's or an
/// article's numbered contents name the page's own headings ("2. Your
/// first schema" over "Your first schema", `benches/modern15` 22), and are
/// its navigation.
fn contents_span(texts: &[&str]) -> Option<(usize, usize)> {
    let (start, end) = rows_span(texts, &CONTENTS)?;
    let below = &texts[end + 1..];
    let printed_below = texts[start..=end]
        .iter()
        .filter_map(|line| chapter(line))
        .any(|(_, title)| {
            below.iter().any(|text| {
                // The title alone, or after its number again.
                let text = text.trim();
                let text = numbered(text).map_or(text, |(_, rest)| rest);
                text.trim().eq_ignore_ascii_case(title.trim())
            })
        });
    (!printed_below).then_some((start, end))
}

/// The fewest rows of a table of specifications ([`specifications_span`]).
const SPECIFICATION_ROWS: usize = 5;

/// The most lines between two rows of a table of specifications: a group's
/// heading ("Battery", over "Type" and its value), or a row whose value
/// holds no figure ("Power modes" over "Eco, Auto, Boost").
const SPECIFICATION_GAP: usize = 2;

/// The most words of a specification's name ("Max drilling capacity
/// (wood)"): a teaser's headline over its date is longer.
const SPECIFICATION_NAME_WORDS: usize = 4;

/// The most words of a specification's value ("Sealed five-stage, captures
/// 99.97% of particles down to 0.3 microns"): a cell, longer than a link.
const SPECIFICATION_VALUE_WORDS: usize = 20;

/// A product's table of specifications, one cell a line, if `texts` hold
/// one: at least [`SPECIFICATION_ROWS`] rows of a name over its value, each
/// within [`SPECIFICATION_GAP`] lines of the last, from the heading right
/// over the first row, if there is one, to the last row's value. A name is
/// a short line of at most [`SPECIFICATION_NAME_WORDS`] words without a
/// figure ("Suction power",
/// "Weight (as stick)"), each named once; a value is a line of at most
/// [`SPECIFICATION_VALUE_WORDS`] words that ends no clause and holds a
/// quantity ([`holds_quantity`]), no price and no time of day ("Up to 180
/// AW (Boost mode)", "1,170 mm"). A menu's items hold no figure, or hold
/// one in every line ("Reviews (86)", "Basket (0)"); a list of teasers sets
/// a time under each headline, a shop's list a price under each product, a
/// grid of products the same labels in each card. The table is the
/// product's page, with no sentence on it, and went as the menu above the
/// first prose (`benches/modern18` 19).
pub fn specifications_span(texts: &[&str]) -> Option<(usize, usize)> {
    let name = |text: &str| {
        is_short_line(text)
            && words(text).nth(SPECIFICATION_NAME_WORDS).is_none()
            && text.contains(char::is_alphabetic)
    };
    let value = |text: &str| {
        !ends_clause(text)
            && !text.contains('\n')
            && words(text).nth(SPECIFICATION_VALUE_WORDS).is_none()
            && holds_quantity(text)
            && !text.contains(['£', '$', '€', '¥'])
            && !crate::text::holds_time_of_day(text)
    };
    // A digit in the value and none in the name, read from the bytes
    // first: most lines of a page fail that, and the lists' readers ask
    // every line of a page's top, each round of the page model.
    let digit = |text: &str| text.bytes().any(|b| b.is_ascii_digit());
    let row = |at: usize| {
        at + 1 < texts.len()
            && digit(texts[at + 1])
            && !digit(texts[at])
            && name(texts[at])
            && value(texts[at + 1])
    };
    // A table names each property once: a grid of products repeats its
    // labels ("Unit price / per" over "2 Colors").
    let mut names: FxHashSet<&str> = FxHashSet::default();
    let mut best: Option<(usize, usize)> = None;
    let mut at = 0;
    while at + 1 < texts.len() {
        if !row(at) {
            at += 1;
            continue;
        }
        let (start, mut rows, mut next) = (at, 1, at + 2);
        names.clear();
        names.insert(texts[at].trim());
        while let Some(found) = (next..=next + SPECIFICATION_GAP).find(|&i| row(i)) {
            if !names.insert(texts[found].trim()) {
                break;
            }
            rows += 1;
            next = found + 2;
        }
        // With the heading right over the first row ("Performance").
        let heading = start
            .checked_sub(1)
            .filter(|&above| !digit(texts[above]) && name(texts[above]));
        let span = (heading.unwrap_or(start), next - 1);
        if rows >= SPECIFICATION_ROWS && best.is_none_or(|(a, b)| span.1 - span.0 > b - a) {
            best = Some(span);
        }
        at = next;
    }
    best
}

/// The most letters of a unit after a figure ("microns", "litres", "kg").
const UNIT_LETTERS: usize = 7;

/// Whether the letters after a figure (`spaced`: one space between) are a
/// unit: in lower case ("mm", "litres") but for an ordinal's ending
/// ("40th"), or with a capital past the first letter or of two letters at
/// most ("W", "Nm", "MHz", "mAh"). A street's name after a house number
/// ("63 Fiona Drive", "12 Oak Road") is none.
fn is_unit(letters: &str, spaced: bool) -> bool {
    let lower = letters.bytes().all(|b| b.is_ascii_lowercase());
    let ordinal = !spaced && matches!(letters, "st" | "nd" | "rd" | "th");
    !ordinal
        && (lower || letters.len() <= 2 || letters.bytes().skip(1).any(|b| b.is_ascii_uppercase()))
}

/// Whether a line holds a quantity: a figure that no letter runs into
/// (not a model's "K7"), then, after one space at most, a unit of a few
/// letters ([`is_unit`]) or a per cent sign ("420 W", "0.6 litres",
/// "13mm", "99.97%"). A count alone ("19"), a rating ("4.7 / 5"), a phone
/// number or an address holds none.
fn holds_quantity(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        let figure_end = at
            + bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b','))
                .count();
        if at > 0 && bytes[at - 1].is_ascii_alphabetic() {
            at = figure_end;
            continue;
        }
        let spaced = bytes.get(figure_end) == Some(&b' ');
        let unit_start = figure_end + usize::from(spaced);
        let letters = bytes[unit_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let unit = &text[unit_start..unit_start + letters];
        if bytes.get(figure_end) == Some(&b'%')
            || (1..=UNIT_LETTERS).contains(&letters) && is_unit(unit, spaced)
        {
            return true;
        }
        at = figure_end.max(at + 1);
    }
    false
}

/// The number of a line that is a numbered title ("3. Harbour Dues and
/// Hidden Coves"): one or two digits, a full stop, a space and a short line
/// that opens with a capital and ends no clause.
fn chapter_number(text: &str) -> Option<u32> {
    chapter(text).map(|(number, _)| number)
}

/// The number and the title of a line that is a numbered title
/// ([`chapter_number`]).
fn chapter(text: &str) -> Option<(u32, &str)> {
    numbered(text)
        .filter(|(_, title)| title.starts_with(char::is_uppercase) && is_short_line(title))
}

/// The number and the rest of a line numbered with one or two digits, a
/// full stop and a space ("2. (of an illness) ...", "3. Eel Traps"). The
/// digits are read first: `split_once` would read a paragraph of prose to
/// its first sentence's end.
fn numbered(text: &str) -> Option<(u32, &str)> {
    let text = text.trim_start();
    let digits = text.bytes().take(3).take_while(u8::is_ascii_digit).count();
    let rest = text[digits..].strip_prefix(". ")?;
    (1..=2)
        .contains(&digits)
        .then(|| Some((text[..digits].parse().ok()?, rest)))
        .flatten()
}

/// The minutes since midnight of a line that is a time of day alone
/// ("17:30", "9am", "9.30 pm", "12:05 AM"), or `None`.
fn clock_minutes(text: &str) -> Option<u32> {
    let text = text.trim();
    // A time opens with its hour: most lines read here are prose.
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // "am" or "pm" in either case, read from the bytes: a copy in lower
    // case cost a paragraph of prose its whole length.
    let meridiem = text.len().checked_sub(2).and_then(|at| {
        let suffix = [text.as_bytes()[at], text.as_bytes()[at + 1]].map(|b| b.to_ascii_lowercase());
        matches!(&suffix, b"am" | b"pm").then(|| (&text[..at], suffix[0] == b'p'))
    });
    let (clock, afternoon) = match meridiem {
        Some((clock, pm)) => (clock.trim_end(), Some(pm)),
        None => (text, None),
    };
    let (hour, minute) = match clock.split_once([':', '.']) {
        Some((hour, minute)) if minute.len() == 2 => (hour, minute.parse::<u32>().ok()?),
        Some(_) => return None,
        // A bare number is a time only with "am" or "pm".
        None if afternoon.is_some() => (clock, 0),
        None => return None,
    };
    if hour.is_empty() || hour.len() > 2 || clock.contains('.') && afternoon.is_none() {
        return None;
    }
    let hour: u32 = hour.parse().ok()?;
    let hour = match afternoon {
        Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None => hour,
    };
    (hour < 24 && minute < 60).then_some(hour * 60 + minute)
}

/// Whether a line holds a figure as a list of the page's own sets one: it
/// opens with one (a time, a quantity, an item's number: "17:30", "2 red
/// onions", "4 Sailor's report on a heavy storm (7)"), or holds a time of day or a price
/// ("Friday: 9am – 5pm", "Pan con tomate – 3,50 €", "Sourdough, cultured
/// butter — 5"). A menu's figures are in its items' names ("iPhone 11",
/// "tvOS 13") or codes, never first. A ballot box to tick ("☐ Sleeping
/// mat") marks a checklist's item as a figure does a list's. `time_of_day`
/// says whether it holds a time of day ([`crate::text::holds_time_of_day`]).
fn list_figure(text: &str, time_of_day: bool) -> bool {
    let text = text.trim();
    let price_after_dash = text.rsplit_once([' ']).is_some_and(|(before, last)| {
        before.trim_end().ends_with(['–', '—', '-'])
            && last.starts_with(|c: char| c.is_ascii_digit() || "£$€".contains(c))
    });
    // A currency's sign next to a figure, before it or after it ("£32",
    // "3,50 €").
    let digit = |c: char| c.is_ascii_digit();
    let price = text.char_indices().any(|(at, c)| {
        let (before, after) = (&text[..at], &text[at + c.len_utf8()..]);
        matches!(c, '£' | '$' | '€' | '¥')
            && (after.starts_with(digit)
                || before.ends_with(digit)
                || before.strip_suffix(' ').is_some_and(|b| b.ends_with(digit)))
    });
    text.starts_with(|c: char| c.is_ascii_digit() || ('\u{2610}'..='\u{2612}').contains(&c))
        || price_after_dash
        || price
        || time_of_day
}

/// A library's opening hours, a list of figures with one word to some of
/// its times, for the tests of the readers of [`figure_list_span`].
#[cfg(test)]
pub const OPENING_HOURS: [&str; 6] = [
    "Monday to Thursday: 9am – 7pm",
    "Friday: 9am – 5pm",
    "Saturday: 10am – 4pm",
    "Sunday: Closed",
    "Tuesday and Thursday: 10am – 6pm",
    "Wednesday and Friday: 10am – 1pm",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A page's lines as [`card_span`] reads them: a label (hash 7) where
    /// `label` is given, other short lines as hashes of their own.
    fn lines(words: &[(u32, bool)]) -> Vec<(Option<u64>, u32)> {
        words
            .iter()
            .enumerate()
            .map(|(i, &(count, label))| {
                let hash = if label { 7 } else { 100 + i as u64 };
                (Some(hash).filter(|_| count as usize <= LABEL_WORDS), count)
            })
            .collect()
    }

    /// `before`, `count` copies of `card`, then `after`, as [`lines`].
    fn page(
        before: &[(u32, bool)],
        card: &[(u32, bool)],
        count: usize,
        after: &[(u32, bool)],
    ) -> Vec<(Option<u64>, u32)> {
        let mut words = before.to_vec();
        for _ in 0..count {
            words.extend_from_slice(card);
        }
        words.extend_from_slice(after);
        lines(&words)
    }

    #[test]
    fn a_card_lies_on_the_side_of_its_labels_its_lines_are_shaped_as() {
        // Offers: a hotel (4 words), its place (3), the offer (4), then the
        // closing "BOOK NOW" (2); an introduction above, terms below.
        let offer = [(4, false), (3, false), (4, false), (2, true)];
        let offers = page(&[(20, false)], &offer, 4, &[(26, false)]);
        assert_eq!(
            card_span(&offers),
            Some((1, 16)),
            "the first card, not the terms"
        );
        // Courses: the opening "Course", then a name (2) and a summary (12);
        // the site's chrome above.
        let course = [(1, true), (2, false), (12, false)];
        let mut courses = page(&[(11, false), (3, false)], &course, 5, &[(3, false)]);
        assert_eq!(
            card_span(&courses),
            Some((2, 16)),
            "the last card, not the chrome"
        );
        // With an excerpt in a card, it is a listing's item, not a card.
        courses[4].1 = EXCERPT_WORDS;
        assert_eq!(card_span(&courses), None);
    }

    /// A menu's series of items with figures in their names, and a
    /// numbered list of contents, are no list of figures; a price list is,
    /// from its heading to its last price.
    #[test]
    fn a_list_of_figures_says_several_things_and_no_section_titles() {
        for menu in [
            &[
                "Tutoring",
                "1st grade math tutor",
                "2nd grade math tutor",
                "3rd grade math tutor",
                "4th grade math tutor",
                "5th grade math tutor",
            ][..],
            &[
                "Contents",
                "1. Understand Search Intent Before Anything Else",
                "2. Conduct Smarter Keyword Research",
                "3. Prioritize Technical SEO",
                "4. Build High-Quality Backlinks",
                "5. Focus on User Experience",
            ],
        ] {
            assert_eq!(figure_list_span(menu, menu.len()), None, "{menu:?}");
        }
        let prices = [
            "Home",
            "To start",
            "Sourdough, cultured butter — 5",
            "Charred leeks, hazelnut romesco (VG) — 9",
            "Beef shin croquettes, pickled shallot — 10",
            "Aceitunas aliñadas – 3,00 €",
            "Pan con tomate y aceite – 3,50 €",
            "Book a table",
            "Gift vouchers",
            "Private dining",
            "Careers",
            "Contact",
            "Press",
            "Privacy",
        ];
        assert_eq!(figure_list_span(&prices, prices.len()), Some((1, 6)));
        assert_eq!(figure_list_span(&OPENING_HOURS, 6), Some((0, 5)));
    }

    /// A TV schedule's times run later, past midnight once, and its last
    /// row ends as long as the row before it; the latest news run earlier,
    /// and three times are no timetable.
    #[test]
    fn a_timetable_runs_later_row_by_row() {
        let schedule = [
            "Sign in",
            "Harbour One — Friday 14 March 2025",
            "22:00",
            "Coastline News at Ten",
            "22:35",
            "Late Film: Salt and Silver (2019)",
            "Set reminder",
            "23:50",
            "Weather",
            "00:40",
            "Harbour One closes",
            "Set reminder",
            "About us",
        ];
        assert_eq!(rows_span(&schedule, &TIMETABLE), Some((1, 10)));
        let latest = [
            "Latest",
            "14:05",
            "Ferry strike called off",
            "13:50",
            "Storm warning for the coast",
            "13:20",
            "Bridge reopens",
            "12:58",
            "Council tax to rise",
        ];
        assert_eq!(rows_span(&latest, &TIMETABLE), None);
        assert_eq!(rows_span(&schedule[..8], &TIMETABLE), None);
    }

    /// A dictionary's senses, numbered from one and in lower case, with
    /// examples between them, are a list from the part of speech over them
    /// to the last sense's example; a book's contents, numbered titles, are
    /// not, nor are senses that do not count from one.
    #[test]
    fn numbered_senses_count_from_one_in_lower_case() {
        let entry = [
            "quiescent",
            "adjective",
            "1. quiet and still; not active for the time being",
            "\"the village was quiescent in the midday heat\"",
            "2. (of an illness) not producing symptoms at present",
            "\"a quiescent infection that may flare up later\"",
            "3. (of a volcano or fault) dormant but not extinct",
            "\"the quiescent cone above the town\"",
            "Derived forms",
            "quiescence (noun)",
        ];
        assert_eq!(list_span(&entry), Some((1, 7)));
        assert_eq!(rows_span(&entry[..6], &SENSES), None);
        assert_eq!(rows_span(&entry[4..], &SENSES), None);
        let contents = [
            "Contents",
            "1. Coasters and Keels",
            "2. The Grain Run",
            "3. Harbour Dues and Hidden Coves",
            "4. White Gold of the Estuaries",
        ];
        assert_eq!(list_span(&contents), None);
    }

    /// A club's fixtures, each a date over the match and its kick-off, are
    /// a list from their heading to the last fixture's end; a list of news
    /// dated newest first is not, nor is an archive of months.
    #[test]
    fn fixtures_run_later_by_date() {
        let fixtures = [
            "Shop",
            "October 2025 Fixtures",
            "Saturday 4 October",
            "Millbrook Rovers v Ashcombe Town",
            "15:00 · Riverside Park · Northern League Division One",
            "Buy tickets",
            "Tue 7 Oct",
            "Harlow Vale v Millbrook Rovers",
            "19:45 · The Meadows · Northern League Division One",
            "October 11th, 2025",
            "Millbrook Rovers v Corby Mill",
            "15:00 · Riverside Park · County Cup, Second Round",
            "Saturday 18 October",
            "Stanton Athletic v Millbrook Rovers",
            "15:00 · Gaskell Road · Northern League Division One",
            "All kick-off times are subject to change.",
        ];
        assert_eq!(list_span(&fixtures), Some((1, 14)));
        let news = [
            "Latest",
            "18 October 2025",
            "Rovers sign a new keeper",
            "11 October 2025",
            "Cup run ends at Corby",
            "7 October 2025",
            "Academy open day",
            "4 October 2025",
            "Season tickets on sale",
        ];
        assert_eq!(list_span(&news), None);
        let archive = [
            "October 2025",
            "September 2025",
            "August 2025",
            "July 2025",
            "June 2025",
        ];
        assert_eq!(list_span(&archive), None);
        for (line, day) in [
            ("Saturday 4 October", Some(9 * 32 + 4)),
            ("4 May 2025", Some(4 * 32 + 4)),
            ("Sat 15", None),
            ("October 2025", None),
            ("Saturday 4 October at Riverside Park", None),
            ("4 Octopus Lane", None),
            // Any case, ordinals and commas; no word longer than a month's.
            ("WEDNESDAY, 24TH SEPTEMBER 2025", Some(8 * 32 + 24)),
            ("Tue 7 Oct 2025", Some(9 * 32 + 7)),
            ("Septembers 4", None),
            ("4 Oktober", None),
        ] {
            assert_eq!(day_of_year(line), day, "{line}");
        }
    }

    /// A week's lunch menu, each day over its dishes, is a list; a day
    /// picker's days, one right under another, are not, nor are days out of
    /// the week's order.
    #[test]
    fn a_week_runs_day_by_day_with_something_under_each() {
        let mut menu = vec!["w/c 3 November 2025"];
        for (day, dish) in [
            ("Monday", "Cheese and tomato pizza"),
            ("Tuesday", "Roast chicken with carrots"),
            ("Wednesday", "Beef bolognese with pasta"),
            ("Thursday", "Vegetable curry with rice"),
        ] {
            menu.extend([day, dish, "Dessert: fruit"]);
        }
        assert_eq!(list_span(&menu), Some((0, 12)));
        let picker = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Today's shows",
        ];
        assert_eq!(rows_span(&picker, &WEEK), None);
        let unordered = [
            "Friday", "a", "Monday", "b", "Thursday", "c", "Tuesday", "d",
        ];
        assert_eq!(rows_span(&unordered, &WEEK), None);
    }

    #[test]
    fn a_clock_time_stands_alone_on_its_line() {
        for (line, minutes) in [
            ("17:30", Some(17 * 60 + 30)),
            ("00:40", Some(40)),
            ("9am", Some(9 * 60)),
            ("9.30 pm", Some(21 * 60 + 30)),
            ("12:05 AM", Some(5)),
            ("12pm", Some(12 * 60)),
            ("25:00", None),
            ("13pm", None),
            ("9.30", None),
            ("2024", None),
            ("17:30 Coastline News", None),
            ("Exp 14:14", None),
            (" 9 PM ", Some(21 * 60)),
            ("Monday 9am", None),
        ] {
            assert_eq!(clock_minutes(line), minutes, "{line}");
        }
    }

    #[test]
    fn a_books_contents_is_its_own_unless_the_page_prints_its_titles() {
        let mut page = vec![
            "Contents",
            "Part One: Water",
            "1. The Mill Race",
            "2. Sluices and Weirs",
            "3. Eel Traps",
            "Part Two: Grain",
            "4. Millstones, Dressing and Wear",
            "5. The Miller's Year",
            "Notes",
        ];
        assert_eq!(list_span(&page), Some((1, 7)));
        // Five chapters at least, in turn from the first.
        assert_eq!(list_span(&page[..7]), None);
        assert_eq!(list_span(&page[3..]), None);
        // A page that prints a title again as a heading, with its number or
        // without, is read through these contents: they are its navigation.
        for heading in ["Eel Traps", "3. Eel Traps"] {
            page.extend([
                heading,
                "The traps were set at dusk where the race met the river.",
            ]);
            assert_eq!(list_span(&page), None, "{heading}");
            page.truncate(9);
        }
    }

    #[test]
    fn a_products_specifications_are_its_own() {
        let mut page = vec![
            "Add to basket",
            "Specifications",
            "Grinder",
            "Burrs",
            "40mm stainless steel conical",
            "Grind settings",
            "Stepless, fine to coarse",
            "Hopper capacity",
            "250 g",
            "Motor",
            "Brushless, 150 W",
            "Dimensions",
            "Height",
            "38.5 cm",
            "Weight",
            "2.4 kg",
            "Warranty",
            "2 years",
            "Customers also viewed",
        ];
        // From the heading over the first row ("Grinder") to the last value.
        assert_eq!(list_span(&page), Some((2, 17)));
        for (line, quantity) in [
            ("0.6 litres", true),
            ("13mm", true),
            ("Captures 99.97% of particles", true),
            ("Brisa K7 Cordless", false),
            ("X200 series", false),
            ("4.7 / 5", false),
            ("19", false),
            ("Get Quote (866) 377-8209", false),
            ("63 Fiona Drive, Tamworth", false),
            ("40th Floor", false),
            ("60Nm", true),
        ] {
            assert_eq!(holds_quantity(line), quantity, "{line}");
        }
        // Four rows are too few.
        page[13] = "Tall";
        assert_eq!(list_span(&page), None);
        // Teasers over their times, or a grid of products that repeats its
        // labels, are no table.
        let teasers = [
            "Ferry Fares",
            "Saturday 4:08PM",
            "Tide Tables",
            "Friday 2:05PM",
            "Harbour Works",
            "Thursday 9:15AM",
            "Pier Tolls",
            "Wednesday 11:40AM",
            "Boat Hire",
            "Tuesday 10:00AM",
        ];
        assert_eq!(specifications_span(&teasers), None);
        let grid = ["Colours", "2 Colors", "Sizes", "3 sizes"].repeat(3);
        assert_eq!(specifications_span(&grid), None);
    }

    #[test]
    fn a_table_of_shortcuts_is_its_own() {
        let mut page = vec![
            "Shortcuts",
            "Files",
            "Ctrl + N",
            "New sketch",
            "Ctrl + Shift + E",
            "Export as image",
            "Drawing",
            "Alt + \u{2191} / Alt + \u{2193}",
            "Bring forward or back",
            "Ctrl + G",
            "Group shapes",
            "Ctrl + Enter",
            "Finish the path",
            "Help",
        ];
        // From the heading over the first key to the last key's action.
        assert_eq!(list_span(&page), Some((1, 12)));
        for (line, keys) in [
            ("Ctrl + ,", true),
            ("Cmd + Option + Esc", true),
            ("Salt + pepper", true),
            ("Sign up + save 20%", false),
            ("Buy one get one free + delivery", false),
            ("Ctrl N", false),
        ] {
            assert_eq!(key_combination(line).is_some(), keys, "{line}");
        }
        // Four keys are too few.
        page.truncate(11);
        assert_eq!(list_span(&page), None);
    }

    #[test]
    fn a_sense_is_numbered_and_opens_in_lower_case() {
        for (line, number) in [
            ("1. quiet and still; not active for the time being", Some(1)),
            ("  12. (of an illness) not producing symptoms", Some(12)),
            ("123. quiet", None),
            ("1.5. quiet", None),
            ("1. Quiet Places to Visit", None),
            ("It rained. then it stopped", None),
        ] {
            assert_eq!(sense_number(line), number, "{line}");
        }
    }
}
