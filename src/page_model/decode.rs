//! Scoring and sequence decoding: each paragraph's noise probability from
//! the logistic model, then the most likely run of content/noise states by
//! Viterbi, then the guards (headline, the first content run's title, the
//! core's anchor paragraph).

use super::PageModel;
use super::features::{
    self, DENSE, DENSE_NAMES, Features, MeasuredParagraphs, PageLayout, REMOVAL_FEATURES,
};

/// What the model decided for one paragraph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    /// The paragraph's own noise probability.
    pub probability: f32,
    /// Decoded as noise and not protected.
    pub remove: bool,
}

/// A paragraph's verdict with its explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphScore {
    pub verdict: Verdict,
    /// The decoded run it belongs to: indices (in the list scored) of its
    /// first and last paragraph.
    pub run: (usize, usize),
    /// Whether the run is noise.
    pub run_is_noise: bool,
    /// Why the model leaves it whatever its run, if it does.
    pub protection: Option<Protection>,
    /// The features that weighed most, with their contribution to the
    /// noise log-odds (positive: towards noise).
    pub top_features: Vec<(String, f32)>,
}

/// The logit of noise for one paragraph.
pub(super) fn logit(model: &PageModel, features: &Features) -> f32 {
    let weights = &model.hashed;
    let feature_steps: i64 = features
        .hashed
        .iter()
        .map(|&(slot, _)| weights.step(slot))
        .sum();
    // Every hashed feature of a paragraph carries the same value.
    let value = features.hashed.first().map_or(0.0, |&(_, value)| value);
    let removal_steps: i64 = features
        .removals
        .iter()
        .map(|&slot| weights.step(slot))
        .sum();
    dense_logit(model, &features.dense) + weights.total(feature_steps as f32, value, removal_steps)
}

/// The bias plus the dense features' part of the logit, in their order;
/// the hashed part ([`super::HashedWeights::sum`]) is added to it.
pub(super) fn dense_logit(model: &PageModel, dense: &[f32; DENSE]) -> f32 {
    let removals = dense[REMOVAL_FEATURES].try_into().expect("three features");
    with_removal_features(model, page_dense_logit(model, dense), removals)
}

/// [`dense_logit`] up to the features that read the rules' removals, which
/// come last: what a page's second reading ([`crate::decide`]) shares with
/// its first. The trees read the same features, so their sum is part of it.
pub(super) fn page_dense_logit(model: &PageModel, dense: &[f32; DENSE]) -> f32 {
    let mut z = model.bias;
    for (w, x) in model.dense.iter().zip(dense).take(REMOVAL_FEATURES.start) {
        z += w * x;
    }
    z + model.trees.score(dense)
}

/// [`dense_logit`] from its [`page_dense_logit`] part and the removal
/// features: the same sum, in the same order, to the bit.
pub(super) fn with_removal_features(model: &PageModel, page_part: f32, removals: [f32; 3]) -> f32 {
    let mut z = page_part;
    for (w, x) in model.dense[REMOVAL_FEATURES].iter().zip(removals) {
        z += w * x;
    }
    z
}

pub(super) fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// The most likely state sequence (0 content, 1 noise) given each
/// paragraph's noise probability. Emissions are the log-odds against the
/// threshold, so with no transition weight a paragraph is noise exactly
/// when its probability exceeds the threshold.
pub fn viterbi(
    probabilities: &[f32],
    threshold: f32,
    transitions: &[[f32; 2]; 2],
    start: &[f32; 2],
    weight: f32,
) -> Vec<u8> {
    let n = probabilities.len();
    if n == 0 {
        return Vec::new();
    }
    let emit = |p: f32| {
        let p = p.clamp(1e-6, 1.0 - 1e-6);
        [
            (1.0 - p).ln() - (1.0 - threshold).ln(),
            p.ln() - threshold.ln(),
        ]
    };
    let mut score = {
        let e = emit(probabilities[0]);
        [weight * start[0] + e[0], weight * start[1] + e[1]]
    };
    let mut back = vec![[0u8; 2]; n];
    for i in 1..n {
        let e = emit(probabilities[i]);
        let mut next = [0.0f32; 2];
        for to in 0..2 {
            let from_content = score[0] + weight * transitions[0][to];
            let from_noise = score[1] + weight * transitions[1][to];
            // Ties go to content: precision first.
            let (best, from) = if from_noise > from_content {
                (from_noise, 1)
            } else {
                (from_content, 0)
            };
            next[to] = best + e[to];
            back[i][to] = from;
        }
        score = next;
    }
    let mut states = vec![0u8; n];
    let mut state = u8::from(score[1] > score[0]);
    for i in (0..n).rev() {
        states[i] = state;
        state = back[i][state as usize];
    }
    states
}

/// Why the page model leaves a paragraph however it reads its run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protection {
    /// The line above the core that reads as its title.
    Headline,
    /// The summary right under the headline.
    Standfirst,
    /// The headline a byline or a dateline the rules removed marks.
    HeadlineOverDateline,
    /// The title of the first run read as content: a headline-shaped line
    /// right above it, of its words.
    RunTitle,
    /// The title over a forum thread's first post.
    ThreadTitle,
    /// The page's first line, a title of the content below it.
    OpeningTitle,
    /// The page's title right under a breadcrumb trail the rules removed,
    /// which names the trail's last crumb
    /// (`navigation::titles_the_trail`: "Marlow Oak Bookcase" under "Living
    /// Room > Storage > Bookcases"). A product's, a book's or a service's
    /// name shares few words with the page's text, and the model read it as
    /// the end of the menu over it.
    TrailTitle,
    /// The page's title right under a menu the rules removed, which lists
    /// it as the page shown ("Changelog" among a documentation site's
    /// links, then over "All notable changes to Ferrule are listed here."):
    /// a one-word title names nothing the model can weigh, and it read as
    /// the menu's last line.
    MenuTitle,
    /// The title right over a list of figures, a timetable or senses
    /// (as [`Protection::FigureListLine`] keeps one): a list names its
    /// subject in no sentence, so its title shares no word with it ("Library
    /// opening hours" over the branches' hours, "Cryptic Crossword No.
    /// 4,812" over its clues).
    ListTitle,
    /// The core's first long prose paragraph (its longest if none is long):
    /// a page always keeps its article.
    Anchor,
    /// A line without a word (a separator rule is the author's layout, and
    /// costs no text either way).
    NoWords,
    /// A post's own text in a forum thread (posts numbered "#1", "#2", ...,
    /// or each under its author's post count): a thread's replies are its
    /// content, however much they read like comments under an article.
    ThreadPost,
    /// An item's own text in a listing whose items are sections of one
    /// shape, each opened by the same short label ("Mobile App Review:",
    /// "Book Review:"): on a blog's index or a site's list of reviews, the
    /// items' excerpts are the page's content, however much they read like
    /// teasers of other pages.
    ListingItem,
    /// A line of a card on a page that is a list of cards (as
    /// `listing::card_span` finds one): items of a few short lines, each
    /// opened or closed by the same label, that hold half the page's words
    /// or more (an offers page's hotels, a catalogue's courses). They read
    /// like a grid of links, and are what the page is about.
    CardItem,
    /// A line of a list of figures, a timetable or a dictionary's senses
    /// (as `listing::list_span` finds one): a price list, a list of
    /// ingredients, opening hours, a TV schedule, a word's meanings. Its lines read like a menu's, and on a page without a
    /// sentence they are what the page is about.
    FigureListLine,
}

impl Protection {
    /// What the protected paragraph is, for `--explain`.
    pub fn describe(self) -> &'static str {
        match self {
            Protection::Headline => "the page's headline",
            Protection::Standfirst => "the headline's standfirst",
            Protection::HeadlineOverDateline => "the headline over a byline or a dateline",
            Protection::RunTitle => "the title of the first content run",
            Protection::ThreadTitle => "the title of a forum thread",
            Protection::OpeningTitle => "the page's first line, a title of its content",
            Protection::ListTitle => "the title over a list of figures, a timetable or senses",
            Protection::TrailTitle => "the title under a breadcrumb trail that names it",
            Protection::MenuTitle => "the title under a menu that lists it",
            Protection::Anchor => "the article's first long paragraph",
            Protection::NoWords => "a line without words",
            Protection::ThreadPost => "a post's text in a forum thread",
            Protection::ListingItem => "an item's text in a listing",
            Protection::CardItem => "a line of a card in a list of cards",
            Protection::FigureListLine => "a line of a list of figures, a timetable or senses",
        }
    }
}

/// Why paragraph `i` of a page (`text`, with the page's `layout`, its
/// `titles` and its `sections`) is left, if it is.
fn protection(
    layout: &PageLayout,
    titles: Titles,
    sections: Option<Sections>,
    text: &str,
    i: usize,
) -> Option<Protection> {
    if layout.headline == Some(i) {
        Some(Protection::Headline)
    } else if layout.standfirst == Some(i) || layout.standfirst_over_dateline == Some(i) {
        Some(Protection::Standfirst)
    } else if layout.over_dateline == Some(i) {
        Some(Protection::HeadlineOverDateline)
    } else if titles.run == Some(i) {
        Some(Protection::RunTitle)
    } else if titles.thread == Some(i) {
        Some(Protection::ThreadTitle)
    } else if titles.opening == Some(i) {
        Some(Protection::OpeningTitle)
    } else if titles.list == Some(i) {
        Some(Protection::ListTitle)
    } else if titles.trail == Some(i) {
        Some(Protection::TrailTitle)
    } else if titles.menu == Some(i) {
        Some(Protection::MenuTitle)
    } else if layout.anchor == i {
        Some(Protection::Anchor)
    } else if !has_words(text) {
        Some(Protection::NoWords)
    } else {
        // A card's or a list's lines are short: all of them stay, where a
        // post's or a listing's own text is its sentences.
        let all_lines = |protection| {
            matches!(
                protection,
                Protection::CardItem | Protection::FigureListLine
            )
        };
        sections
            .filter(|s| s.holds(i) && (all_lines(s.protection) || post_prose(text)))
            .map(|s| s.protection)
    }
}

/// The titles a decoded page keeps, as indices into the page: its first
/// content run's ([`MeasuredParagraphs::run_title`]), its thread's
/// ([`MeasuredParagraphs::thread_title`]), its first line's
/// ([`MeasuredParagraphs::opening_title`]), its list's
/// ([`MeasuredParagraphs::list_title`]), its breadcrumb trail's
/// ([`trail_title`]) and its removed menu's ([`menu_title`]).
#[derive(Debug, Clone, Copy)]
struct Titles {
    run: Option<usize>,
    thread: Option<usize>,
    opening: Option<usize>,
    list: Option<usize>,
    trail: Option<usize>,
    menu: Option<usize>,
}

impl Titles {
    /// The titles of `page` (its decoded `states`, its `sections`).
    fn of(
        paragraphs: &MeasuredParagraphs<'_, '_>,
        page: &[usize],
        states: &[u8],
        sections: Option<Sections>,
    ) -> Titles {
        let thread = sections
            .filter(|s| s.protection == Protection::ThreadPost)
            .and_then(|s| paragraphs.thread_title(page, s.first..=s.last));
        let list = sections
            .filter(|s| s.protection == Protection::FigureListLine)
            .and_then(|s| paragraphs.list_title(page, s.first));
        Titles {
            run: paragraphs.run_title(page, states),
            thread,
            opening: paragraphs.opening_title(page, states),
            list,
            trail: trail_title(paragraphs, page),
            menu: menu_title(paragraphs, page, states),
        }
    }
}

/// The first line of `page` (indices of the document's paragraphs, in
/// order) right under a breadcrumb trail that is not on the page, which the
/// rules removed, and that the trail names
/// (`navigation::titles_the_trail`). The next run, whose text has no trail,
/// reads the title as its page's opening line, which the model leaves
/// (`benches/modern` 14, `modern15` 09, `modern17` 29 and `modern18` 19 lost
/// their titles to it before).
fn trail_title(paragraphs: &MeasuredParagraphs<'_, '_>, page: &[usize]) -> Option<usize> {
    (0..page.len()).find(|&at| {
        removed_above(page, at).is_some_and(|above| paragraphs.titles_the_trail(above, page[at]))
    })
}

/// The document's line right above line `at` of `page` (indices of the
/// document's paragraphs, in order), when the rules removed it: it is not
/// on the page.
fn removed_above(page: &[usize], at: usize) -> Option<usize> {
    let above = page[at].checked_sub(1)?;
    (at == 0 || page[at - 1] != above).then_some(above)
}

/// The most lines of a removed menu that [`menu_title`] reads.
const MENU_TITLE_REACH: usize = 40;

/// The first line of `page` (indices of the document's paragraphs, in
/// order) that lies under lines the rules removed, when it is one of those
/// lines again (a menu's item for the page shown, read within
/// [`MENU_TITLE_REACH`] lines above it): a short line that opens with a
/// capital and ends no clause, of at most three words, over a statement of
/// six words or more that ends with a full stop ("Changelog" over "All
/// notable changes to Ferrule are listed here.", `benches/modern18` 21).
/// A section's label over a headline repeats the menu's item too, but a
/// headline ends with no full stop ("Wearables" over "Can a fitness band
/// really tell how well you sleep?", `modern8` 08). The statement is
/// decoded as content (`states`): a menu's panel repeats its item over a
/// pitch ("AI & Machine Learning" over "Learn to develop AI models...",
/// `ext` 0356).
fn menu_title(
    paragraphs: &MeasuredParagraphs<'_, '_>,
    page: &[usize],
    states: &[u8],
) -> Option<usize> {
    let at = (0..page.len()).find(|&at| removed_above(page, at).is_some())?;
    let title = paragraphs.text(page[at]).trim();
    if states.get(at + 1) != Some(&0) {
        return None;
    }
    let below = paragraphs.text(page[at + 1]);
    let shaped = title.starts_with(char::is_uppercase)
        && crate::listing::is_short_line(title)
        && crate::text::words(title).nth(3).is_none();
    if !shaped || !below.trim_end().ends_with('.') || crate::text::words(below).nth(5).is_none() {
        return None;
    }
    let removed_from = if at == 0 { 0 } else { page[at - 1] + 1 };
    let removed_from = removed_from.max(page[at].saturating_sub(MENU_TITLE_REACH));
    (removed_from..page[at])
        .any(|line| paragraphs.text(line).trim() == title)
        .then_some(at)
}

/// The paragraphs of a page made of sections of one kind, whose own text
/// stays: a forum thread's posts ([`thread_span`]), a listing's items
/// ([`crate::listing::span`]) or a list of cards
/// ([`crate::listing::card_span`]).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Sections {
    first: usize,
    last: usize,
    protection: Protection,
}

impl Sections {
    /// The sections of `texts` (a page's paragraphs, in order, and `lines`,
    /// each one's [`MeasuredParagraphs::line_and_words`]), if it has them: a
    /// thread, else a listing, else a list above the first prose, else a
    /// list of cards. A club's fixtures each end with "Buy tickets" as a
    /// card does, and read as cards from the first such label on, their
    /// heading and first fixture lost to the model (`benches/modern17` 05).
    fn of(texts: &[&str], lines: &[(Option<u64>, u32)], marks: &[PostMarks]) -> Option<Sections> {
        let sections = |(first, last), protection| Sections {
            first,
            last,
            protection,
        };
        thread_span(texts, marks)
            .map(|span| sections(span, Protection::ThreadPost))
            .or_else(|| {
                crate::listing::span(lines).map(|span| sections(span, Protection::ListingItem))
            })
            .or_else(|| {
                // As the navigation rule reads one: above the first prose. A
                // price list or a table of figures among an article's
                // paragraphs or under them is the model's to judge (plans
                // and prices beside a review, a sidebar's counts).
                let top = texts
                    .iter()
                    .position(|text| {
                        crate::text::ends_sentence(text) && crate::text::word_count(text) >= 10
                    })
                    .unwrap_or(texts.len());
                crate::listing::list_span(&texts[..top])
                    .map(|span| sections(span, Protection::FigureListLine))
            })
            .or_else(|| {
                crate::listing::card_span(lines).map(|span| sections(span, Protection::CardItem))
            })
    }

    fn holds(&self, i: usize) -> bool {
        (self.first..=self.last).contains(&i)
    }
}

/// Whether a post's paragraph reads as something its author wrote: a
/// sentence of three words or more, or twelve words or more. Unlike
/// [`crate::text::ends_sentence`], an emoji after the full stop and a
/// trailing ellipsis still end a post's sentence ("Oh, and let's not
/// forget Lomography! 😏", "I can just imagine...").
fn post_prose(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let end = text.trim_end_matches(|c: char| !c.is_alphanumeric() && !".!?…".contains(c));
    words >= 12 || (words >= 3 && end.ends_with(['.', '!', '?', '…']))
}

/// The number of a post, when the paragraph opens with one ("#3",
/// "#3 · Jun 4, 2024", "Post #3").
fn post_number(text: &str) -> Option<u32> {
    let t = text.trim_start();
    let t = t.strip_prefix("Post ").unwrap_or(t);
    let digits = t.strip_prefix('#')?;
    let len = digits.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &digits[len..];
    if len == 0
        || len > 5
        || rest.starts_with(|c: char| c.is_alphanumeric())
        || rest.split_whitespace().count() > 6
    {
        return None;
    }
    digits[..len].parse().ok()
}

/// Whether the paragraph is the post count a forum shows beside each
/// post's author ("Posts: 8292", "1,674 posts · Joined 2020").
fn member_post_count(text: &str) -> bool {
    // Most paragraphs are longer, or hold no number, or name neither: a
    // page is read several times, so those are let go before any word is
    // split, the cheapest test first.
    if text.len() > 64
        || !text.bytes().any(|b| b.is_ascii_digit())
        || !["osts", "OSTS", "essages", "ESSAGES"]
            .iter()
            .any(|w| text.contains(w))
    {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let number = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    };
    words.len() <= 6
        && words.windows(2).any(|pair| {
            let (a, b) = (pair[0].to_lowercase(), pair[1]);
            (["posts:", "messages:"].contains(&a.as_str()) && number(b))
                || (number(pair[0])
                    && ["posts", "messages"]
                        .contains(&b.to_lowercase().trim_end_matches(['·', ','])))
        })
}

/// Whether the paragraph is the line over a post that names its author and
/// how long ago it was posted ("u/quillnbramble · 3d", "Posted by
/// u/lemonfoxtrot · 3 days ago", "jkl_dev · 2 hours ago"): a short line
/// holding a relative time (a number and a unit, then "ago", or a number
/// with a one- or two-letter unit between `·` or `•` separators) and a
/// word that is neither the time's nor "posted", "by", "at" or "edited".
fn author_line(text: &str) -> bool {
    const UNITS: [&str; 20] = [
        "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs",
        "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
    ];
    const SHORT_UNITS: [&str; 7] = ["s", "m", "h", "d", "w", "mo", "y"];
    // The time is "ago" or has a segment of its own, between separators:
    // most short lines with a digit have neither, and are let go before
    // their words are split.
    let marked = |text: &str| {
        text.contains(['·', '•'])
            || text
                .as_bytes()
                .windows(3)
                .any(|three| three.eq_ignore_ascii_case(b"ago"))
    };
    if text.len() > 80 || !text.bytes().any(|b| b.is_ascii_digit()) || !marked(text) {
        return false;
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '·' || c == '•')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 8 {
        return false;
    }
    // A number and its unit, as one word ("3d") or two ("3 days").
    let time_at = |at: usize| -> Option<usize> {
        let word = words[at];
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let unit = word[digits..].to_lowercase();
        if unit.is_empty() {
            let next = words.get(at + 1)?.to_lowercase();
            let unit = next.trim_end_matches(',');
            UNITS.contains(&unit).then_some(2)
        } else {
            (SHORT_UNITS.contains(&unit.as_str()) || UNITS.contains(&unit.as_str())).then_some(1)
        }
    };
    let segments: Vec<&str> = text.split(['·', '•']).map(str::trim).collect();
    let Some((at, len)) = (0..words.len()).find_map(|at| time_at(at).map(|len| (at, len))) else {
        return false;
    };
    let followed_by_ago = words
        .get(at + len)
        .is_some_and(|w| w.trim_end_matches(',').eq_ignore_ascii_case("ago"));
    let own_segment = len == 1 && segments.len() > 1 && segments.contains(&words[at]);
    let time_words = len + usize::from(followed_by_ago);
    let named = words.iter().enumerate().any(|(i, w)| {
        !(at..at + time_words).contains(&i)
            && w.chars().any(char::is_alphanumeric)
            && !["posted", "by", "at", "edited"].contains(&w.to_lowercase().as_str())
    });
    (followed_by_ago || own_segment) && named
}

/// What marks a paragraph as a forum post's first line, for
/// [`thread_span`]: read once, when the page model first measures the
/// paragraph, as every round reads the page again: read at every round,
/// they were half of [`Sections::of`]'s 19.6 M instructions over the speed
/// benchmark's first copy (callgrind).
#[derive(Debug, Clone, Copy)]
pub struct PostMarks {
    /// [`post_number`].
    number: Option<u32>,
    /// [`member_post_count`].
    member_post_count: bool,
    /// [`author_line`].
    author_line: bool,
}

impl PostMarks {
    pub fn of(text: &str) -> PostMarks {
        PostMarks {
            number: post_number(text),
            member_post_count: member_post_count(text),
            author_line: author_line(text),
        }
    }
}

/// Prose before the first author line of a thread ([`author_line`]), in
/// words, above which the lines are an article's comments, not a thread's
/// posts: a forum page opens with its first post, an article with its own
/// prose.
const PROSE_OVER_A_THREAD: usize = 40;

/// The paragraphs of a page that are a thread of posts: from the first of
/// three or more rising post numbers, or of authors' post counts, to the
/// end of the last post (as far past the last marker as the longest post
/// before it). Without those, three lines naming a post's author and its
/// age ([`author_line`]) mark a thread too, when no more than
/// [`PROSE_OVER_A_THREAD`] words of prose come before the first.
fn thread_span(texts: &[&str], marks: &[PostMarks]) -> Option<(usize, usize)> {
    let mut markers: Vec<usize> = Vec::new();
    let mut last = 0;
    for (i, marks) in marks.iter().enumerate() {
        if let Some(n) = marks.number.filter(|&n| n > last) {
            markers.push(i);
            last = n;
        } else if marks.member_post_count {
            markers.push(i);
        }
    }
    if markers.len() < 3 {
        markers = (0..texts.len()).filter(|&i| marks[i].author_line).collect();
        let prose_over = texts[..markers.first().copied().unwrap_or(0)]
            .iter()
            .filter(|text| post_prose(text))
            .map(|text| text.split_whitespace().count())
            .sum::<usize>();
        if prose_over > PROSE_OVER_A_THREAD {
            return None;
        }
    }
    if markers.len() < 3 {
        return None;
    }
    let longest = markers.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
    Some((
        markers[0],
        (markers[markers.len() - 1] + longest).min(texts.len() - 1),
    ))
}

/// A page read by the model from its paragraphs' logits: each paragraph's
/// noise probability and decoded state (1 = noise).
fn read_page(
    model: &PageModel,
    logits: impl Iterator<Item = f32>,
    texts: &[&str],
) -> (Vec<f32>, Vec<u8>) {
    let probabilities: Vec<f32> = logits.map(sigmoid).collect();
    let evidence = run_evidence(&probabilities, |i| is_visible(texts[i]), model.threshold);
    let states = viterbi(
        &evidence,
        model.threshold,
        &model.transitions,
        &model.start,
        model.transition_weight,
    );
    (probabilities, states)
}

/// Whether a paragraph has a word: a line without one (a separator rule,
/// a bullet, an invisible joiner) is the author's layout.
fn has_words(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// Whether a paragraph shows anything: a line of invisible characters alone
/// (zero-width spaces and joiners, the word joiner, a byte-order mark, a
/// soft hyphen) reads as blank on the page it was scraped from.
pub(super) fn is_visible(text: &str) -> bool {
    text.chars().any(|c| {
        !c.is_whitespace()
            && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}')
    })
}

/// The probabilities the runs are decoded from: each paragraph's own, but a
/// line that shows nothing (`visible(i)` false, [`is_visible`]) reads as
/// `threshold`, which weighs towards neither state. Such a line says
/// nothing of the run it sits in, and it stays whatever its run
/// ([`Protection::NoWords`]); read as itself, short and wordless, it pulled
/// runs towards noise, and a page that puts an invisible joiner between
/// every two paragraphs (`ext` 0455) lost two thirds of its article as one run,
/// sentences the model scored at 0.04 among them. A visible line without a
/// word (a bullet, a rule) is read as itself: between the links of a menu
/// or a footer, it is evidence of them.
pub(super) fn run_evidence(
    probabilities: &[f32],
    visible: impl Fn(usize) -> bool,
    threshold: f32,
) -> Vec<f32> {
    probabilities
        .iter()
        .enumerate()
        .map(|(i, &p)| if visible(i) { p } else { threshold })
        .collect()
}

/// Scores and decodes a page: the paragraphs `page` (indices, in order) of
/// `paragraphs`.
pub fn decode<'m>(
    model: &'m PageModel,
    paragraphs: &mut MeasuredParagraphs<'_, 'm>,
    page: &[usize],
) -> Vec<Verdict> {
    let (logits, layout) = paragraphs.page_logits(page, model);
    let texts: Vec<&str> = page.iter().map(|&i| paragraphs.text(i)).collect();
    let (probabilities, states) = read_page(model, logits.into_iter(), &texts);
    // What a noise run must leave is read only on a page that has one.
    if !states.contains(&1) {
        return probabilities
            .into_iter()
            .map(|probability| Verdict {
                probability,
                remove: false,
            })
            .collect();
    }
    let lines: Vec<_> = page.iter().map(|&i| paragraphs.line_and_words(i)).collect();
    let marks: Vec<_> = page.iter().map(|&i| paragraphs.post_marks(i)).collect();
    let sections = Sections::of(&texts, &lines, &marks);
    let titles = Titles::of(paragraphs, page, &states, sections);
    probabilities
        .iter()
        .zip(&states)
        .enumerate()
        .map(|(i, (&probability, &state))| Verdict {
            probability,
            remove: state == 1 && protection(&layout, titles, sections, texts[i], i).is_none(),
        })
        .collect()
}

/// [`decode`] of the page `page` (indices into `texts`, in order;
/// `removed_by` gives the rule that removed each of `texts` as noise, if
/// one did; `titles_the_trail` reads the titles under breadcrumb trails,
/// [`MeasuredParagraphs::with_trail_titles`]), with each paragraph's run
/// and strongest features.
pub fn explain<'r>(
    model: &PageModel,
    texts: &[&str],
    removed_by: impl IntoIterator<Item = Option<&'r str>>,
    page: &[usize],
    titles_the_trail: fn(&str, &str) -> bool,
) -> Vec<ParagraphScore> {
    let rules: Vec<Option<&str>> = removed_by.into_iter().collect();
    let mut measured =
        MeasuredParagraphs::new(texts, rules.iter().copied()).with_trail_titles(titles_the_trail);
    let (features, layout) = measured.page_features(page, model.hash_bits);
    let texts: Vec<&str> = page.iter().map(|&i| texts[i]).collect();
    let (probabilities, states) =
        read_page(model, features.iter().map(|f| logit(model, f)), &texts);
    let lines: Vec<_> = page.iter().map(|&i| measured.line_and_words(i)).collect();
    let marks: Vec<_> = page.iter().map(|&i| measured.post_marks(i)).collect();
    let sections = Sections::of(&texts, &lines, &marks);
    let titles = Titles::of(&measured, page, &states, sections);
    let mut runs = vec![(0, 0); texts.len()];
    let mut start = 0;
    for i in 0..states.len() {
        if i + 1 == states.len() || states[i + 1] != states[i] {
            for run in &mut runs[start..=i] {
                *run = (start, i);
            }
            start = i + 1;
        }
    }
    features
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut contributions: Vec<(String, f32)> = f
                .dense
                .iter()
                .zip(&model.dense)
                .zip(DENSE_NAMES)
                .filter(|((x, _), _)| **x != 0.0)
                .map(|((x, w), name)| (name.to_string(), x * w))
                .collect();
            let names = features::hashed_names(texts[i], &layout, i, model.hash_bits);
            for (slot, name) in names {
                let weight = model.hashed.weight(slot);
                let value = f
                    .hashed
                    .iter()
                    .find(|(s, _)| *s == slot)
                    .map_or(0.0, |(_, v)| *v);
                contributions.push((name, weight * value));
            }
            for (slot, name) in measured.removal_names(page[i], &rules, model.hash_bits) {
                contributions.push((name, model.hashed.weight(slot)));
            }
            if !model.trees.is_empty() {
                contributions.push(("page-trees".to_string(), model.trees.score(&f.dense)));
            }
            contributions.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
            contributions.truncate(5);
            let protection = protection(&layout, titles, sections, texts[i], i);
            ParagraphScore {
                verdict: Verdict {
                    probability: probabilities[i],
                    remove: states[i] == 1 && protection.is_none(),
                },
                run: runs[i],
                run_is_noise: states[i] == 1,
                protection,
                top_features: contributions,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STICKY: [[f32; 2]; 2] = [[-0.1, -2.5], [-2.5, -0.1]];

    #[test]
    fn post_numbers_and_post_counts_mark_a_thread() {
        for (text, number) in [
            ("#3", Some(3)),
            ("#12 · Jun 4, 2024", Some(12)),
            ("Post #7", Some(7)),
            ("#hashtag", None),
            (
                "#1 in the charts for six weeks running, the single sold a million copies",
                None,
            ),
            ("Chapter 3", None),
        ] {
            assert_eq!(post_number(text), number, "{text}");
        }
        for (text, count) in [
            ("Posts: 8292", true),
            ("1,674 posts · Joined 2020", true),
            ("Messages: 512", true),
            ("POSTS: 40", true),
            (
                "The forum had 1,674 posts by the end of its first month online",
                false,
            ),
            ("Posts", false),
        ] {
            assert_eq!(member_post_count(text), count, "{text}");
        }
    }

    /// [`thread_span`] of `texts`, each read for its marks.
    fn thread_span_of(texts: &[&str]) -> Option<(usize, usize)> {
        let marks: Vec<PostMarks> = texts.iter().map(|text| PostMarks::of(text)).collect();
        thread_span(texts, &marks)
    }

    #[test]
    fn a_thread_spans_its_posts_and_no_further_than_its_longest() {
        let page = [
            "Menu",
            "#1",
            "First post.",
            "Reply",
            "#2",
            "Second post.",
            "#3",
            "Third.",
            "Reply",
            "Footer",
            "Terms",
            "Privacy",
        ];
        // From "#1" to "#3" and three more (the longest gap, "#1" to "#2").
        assert_eq!(thread_span_of(&page), Some((1, 9)));
        // Two numbers, or numbers that do not rise, are no thread.
        assert_eq!(thread_span_of(&page[..6]), None);
        assert_eq!(thread_span_of(&["#3", "a", "#2", "b", "#1", "c"]), None);
    }

    #[test]
    fn an_author_line_names_its_author_and_the_posts_age() {
        for (text, author) in [
            ("u/quillnbramble · 3d", true),
            ("Posted by u/lemonfoxtrot · 3 days ago", true),
            ("u/SmallHabits-ModBot · MOD · 3d", true),
            ("jkl_dev · 2 hours ago", true),
            ("16 minutes ago, Vanamonde said:", true),
            // A time alone names no author.
            ("1y ago", false),
            ("Posted 2 days ago", false),
            // A number without a unit, or a unit that is no time's.
            ("u/quillnbramble · 312", false),
            ("Serves 4 · 3 cups", false),
            ("Modified 1 year, 5 months ago", false),
            (
                "We moved here 3 days ago and the neighbours brought soup round",
                false,
            ),
        ] {
            assert_eq!(author_line(text), author, "{text}");
        }
    }

    #[test]
    fn author_lines_mark_a_thread_only_when_it_opens_the_page() {
        let post = "Filling the kettle the night before saves me a step.";
        let forum = [
            "Log In",
            "Posted by u/lemonfoxtrot · 3 days ago",
            "What's one tiny habit that made your mornings better?",
            post,
            "u/quillnbramble · 3d",
            post,
            "u/northbound_ida · 3d",
            post,
            "Footer",
        ];
        // From the first author line (1) to the last (6) and three more.
        assert_eq!(thread_span_of(&forum), Some((1, 8)));
        // Under an article's prose, the same lines are its comments.
        let article = format!("{}.", vec!["prose"; 60].join(" "));
        let mut commented = vec![article.as_str()];
        commented.extend(&forum[1..]);
        assert_eq!(thread_span_of(&commented), None);
        // Two author lines are no thread.
        assert_eq!(thread_span_of(&forum[..6]), None);
    }

    /// A page of `items` sections, each a label, a title and an excerpt
    /// (`excerpt` words long), under a menu and over a footer.
    fn listing(items: usize, excerpt: usize) -> Vec<String> {
        let mut page = vec!["Home".to_string(), "Reviews".to_string()];
        for item in 0..items {
            // The label's case does not matter.
            let label = if item == 1 {
                "BOOK REVIEW:"
            } else {
                "Book Review:"
            };
            page.push(label.to_string());
            page.push(format!("Title number {item}"));
            page.push(format!("{}.", vec!["word"; excerpt].join(" ")));
        }
        page.extend(["Older posts", "Privacy", "Terms"].map(String::from));
        page
    }

    /// The sections of `page` as [`decode`] finds them.
    fn sections_of(page: &[&str]) -> Option<Sections> {
        let mut measured = MeasuredParagraphs::new(page, []);
        let all: Vec<usize> = (0..page.len()).collect();
        measured.page_features(&all, 4);
        let lines: Vec<_> = all.iter().map(|&i| measured.line_and_words(i)).collect();
        let marks: Vec<_> = all.iter().map(|&i| measured.post_marks(i)).collect();
        Sections::of(page, &lines, &marks)
    }

    /// Opening hours above the page's only prose (a pitch under them) are
    /// the page's: all their lines stay, whatever their run. The same list
    /// under prose is the model's to judge.
    #[test]
    fn a_list_of_figures_above_the_prose_is_kept_whole() {
        const PITCH: &str = "Join the library for free and borrow up to twenty books, films and audiobooks at a time.";
        let mut hours = vec!["Library opening hours"];
        hours.extend(crate::listing::OPENING_HOURS);
        let mut over = vec!["Bins and recycling", "Council tax", "Libraries"];
        over.extend(&hours);
        over.push(PITCH);
        assert_eq!(
            sections_of(&over),
            Some(Sections {
                first: 3,
                last: 9,
                protection: Protection::FigureListLine
            })
        );
        let mut under = vec![PITCH];
        under.extend(&hours);
        assert_eq!(sections_of(&under), None);
        // A model that reads every line as noise removes the menu, and
        // leaves the hours and the pitch (the page's anchor).
        let all_noise = PageModel {
            bias: 10.0,
            ..PageModel::untrained(4)
        };
        let mut measured = MeasuredParagraphs::new(&over, []);
        let all: Vec<usize> = (0..over.len()).collect();
        let removed: Vec<bool> = decode(&all_noise, &mut measured, &all)
            .iter()
            .map(|verdict| verdict.remove)
            .collect();
        let mut expected = vec![false; over.len()];
        expected[..3].fill(true);
        assert_eq!(removed, expected);
    }

    /// The title right over such a list stays with it (`benches/modern17`
    /// 18, shortened): the branches' names open the list, and its title
    /// shares no word with the hours. A line with a date over the list is
    /// no title (the cut-off first row of a timetable).
    #[test]
    fn the_title_over_a_list_of_figures_stays_with_it() {
        const PITCH: &str = "Join the library for free and borrow up to twenty books, films and audiobooks at a time.";
        let hours = crate::listing::OPENING_HOURS;
        let mut page = vec!["Bins and recycling", "Council tax", "Libraries"];
        page.extend(["Library opening hours", "Central Library"]);
        page.extend(&hours[..4]);
        page.push("Ashgrove Library");
        page.extend(&hours[4..]);
        page.push(PITCH);
        let all_noise = PageModel {
            bias: 10.0,
            ..PageModel::untrained(4)
        };
        let removed = |page: &[&str]| -> Vec<usize> {
            let mut measured = MeasuredParagraphs::new(page, []);
            let all: Vec<usize> = (0..page.len()).collect();
            decode(&all_noise, &mut measured, &all)
                .iter()
                .enumerate()
                .filter(|(_, verdict)| verdict.remove)
                .map(|(i, _)| i)
                .collect()
        };
        assert_eq!(sections_of(&page).map(|s| s.first), Some(4));
        assert_eq!(removed(&page), [0, 1, 2]);
        // The next run's page opens with the title: it stays there too.
        assert_eq!(removed(&page[3..]), [] as [usize; 0]);
        page[3] = "Updated 14 March 2025";
        assert_eq!(removed(&page), [0, 1, 2, 3]);
    }

    /// The title right under a breadcrumb trail the rules removed stays
    /// where it names the trail's last crumb and adds to it; a section's
    /// label that says the crumb again, a kicker in capitals, or a line
    /// under a trail still on the page does not.
    #[test]
    fn the_title_a_removed_menu_lists_stays_over_its_statement() {
        let mut texts = [
            "Getting started",
            "Plugins",
            "Changelog",
            "Contributing",
            "Changelog",
            "All notable changes to Ferrule are listed here, newest first.",
            "3.2.0 — 2026-01-19",
        ];
        // The rules removed the menu (0 to 3).
        let page = [4, 5, 6];
        let title = |texts: &[&str], states: &[u8]| {
            menu_title(&MeasuredParagraphs::new(texts, []), &page, states)
        };
        assert_eq!(title(&texts, &[1, 0, 0]), Some(0));
        // The statement under it read as noise: a menu's panel over its pitch.
        assert_eq!(title(&texts, &[1, 1, 0]), None);
        // A line the menu does not list, or one over a headline.
        texts[4] = "Release history";
        assert_eq!(title(&texts, &[1, 0, 0]), None);
        texts[4] = "Changelog";
        texts[5] = "Can a changelog really tell you what changed in a release?";
        assert_eq!(title(&texts, &[1, 0, 0]), None);
    }

    #[test]
    fn the_title_under_a_removed_breadcrumb_trail_stays() {
        // The prose names nothing of the title, as a product's description
        // often does not: no other title reads it as theirs.
        const PROSE: &str = "Each piece is finished by hand in our workshop and arrives fully assembled, with a wall-fixing kit in the box.";
        let all_noise = PageModel {
            bias: 10.0,
            ..PageModel::untrained(4)
        };
        let removed = |texts: &[&str], page: &[usize]| -> Vec<usize> {
            let mut measured = MeasuredParagraphs::new(texts, [])
                .with_trail_titles(crate::noise::navigation::titles_the_trail);
            let verdicts = decode(&all_noise, &mut measured, page);
            page.iter()
                .zip(verdicts)
                .filter(|(_, verdict)| verdict.remove)
                .map(|(&i, _)| i)
                .collect()
        };
        // A product's page: its name, then its price and options, far
        // above its description.
        let mut texts = [
            "Living Room",
            "Bedroom",
            "Living Room > Storage > Bookcases",
            "Marlow Oak Bookcase",
            "From £349",
            "Choose size",
            "Narrow",
            "Wide",
            "Add to basket",
            "Order a free wood sample",
            PROSE,
        ];
        // The rules removed the trail (2): it is not on the page.
        let page = [0, 1, 3, 4, 5, 6, 7, 8, 9, 10];
        // The line right over the description reads as its headline.
        assert_eq!(removed(&texts, &page), [0, 1, 4, 5, 6, 7, 8]);
        // With the trail on the page, or under it a section's label that
        // says the crumb again, a kicker in capitals or another line, the
        // model judges the line.
        assert!(removed(&texts, &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).contains(&3));
        for label in ["Bookcase", "BOOKCASES FOR EVERY ROOM", "Free delivery"] {
            texts[3] = label;
            assert!(removed(&texts, &page).contains(&3), "{label}");
        }
    }

    #[test]
    fn a_listing_spans_its_items_and_no_further_than_its_longest() {
        let page = listing(4, 30);
        let texts: Vec<&str> = page.iter().map(String::as_str).collect();
        let texts_of_listing = texts.clone();
        // From the first label (2) to the last (11) and one step (3) more.
        assert_eq!(
            sections_of(&texts),
            Some(Sections {
                first: 2,
                last: 14,
                protection: Protection::ListingItem
            })
        );
        // Three items could be an article's repeated subheading.
        let three = listing(3, 30);
        let texts: Vec<&str> = three.iter().map(String::as_str).collect();
        assert_eq!(sections_of(&texts), None);
        // Without an excerpt, its items are cards: from the first label (2)
        // to the last (17) and the two lines of its card.
        let cards = listing(6, 5);
        let texts: Vec<&str> = cards.iter().map(String::as_str).collect();
        assert_eq!(
            sections_of(&texts),
            Some(Sections {
                first: 2,
                last: 19,
                protection: Protection::CardItem
            })
        );
        // A label with one link under it, six times over, is a menu's.
        let mut menu = vec!["Home"];
        for link in ["News", "Sport", "Weather", "Travel", "Culture", "Money"] {
            menu.extend(["More", link]);
        }
        assert_eq!(sections_of(&menu), None);
        // Under an article of more words, it is a list of related items.
        let article = format!("{}.", vec!["prose"; 400].join(" "));
        let mut related = vec![article.as_str()];
        related.extend(&texts_of_listing);
        assert_eq!(sections_of(&related), None);
    }

    #[test]
    fn a_listings_label_recurs_at_steady_steps() {
        let excerpt = format!("{}.", vec!["word"; 30].join(" "));
        let item = ["Book Review:", excerpt.as_str()];
        let mut texts = [item, item, item].concat();
        // The last item is five times as far as the others.
        texts.extend([
            "Book Review:",
            excerpt.as_str(),
            "a",
            "b",
            "c",
            "d",
            "e",
            "f",
            "g",
            "h",
        ]);
        texts.extend(item);
        assert_eq!(sections_of(&texts), None);
        // A thread's markers win over a listing's.
        let mut both = vec!["#1", "Book Review:", excerpt.as_str(), "#2"];
        both.extend(["#3", "Book Review:", excerpt.as_str()]);
        both.extend([item, item].concat());
        assert_eq!(
            sections_of(&both).map(|s| s.protection),
            Some(Protection::ThreadPost)
        );
    }

    #[test]
    fn a_posts_prose_is_a_sentence_or_a_long_line() {
        assert!(post_prose("Oh, and let's not forget Lomography! 😏"));
        assert!(post_prose(
            "It takes an evening to set up the first time, mind."
        ));
        assert!(post_prose(
            "I am a beginner ive been riding trails now for a long time but havent done any"
        ));
        assert!(!post_prose(
            "Reactions: kyteflyer, Bobby T, Aviator and 19 others"
        ));
        assert!(!post_prose("Thanks!"));
    }

    #[test]
    fn viterbi_without_transitions_thresholds_each_paragraph() {
        let p = [0.1, 0.9, 0.2, 0.6, 0.4];
        assert_eq!(viterbi(&p, 0.5, &STICKY, &[0.0, 0.0], 0.0), [0, 1, 0, 1, 0]);
        assert_eq!(viterbi(&p, 0.7, &STICKY, &[0.0, 0.0], 0.0), [0, 1, 0, 0, 0]);
    }

    #[test]
    fn viterbi_keeps_a_short_line_with_its_run_and_takes_a_block_as_a_run() {
        // A line inside the article that looks like noise stays with its run.
        let p = [0.1, 0.05, 0.8, 0.1, 0.1];
        assert_eq!(viterbi(&p, 0.5, &STICKY, &[0.0, 0.0], 1.0), [0, 0, 0, 0, 0]);
        // A comment block after the article goes as a run, including the
        // comment that on its own looks like prose.
        let p = [0.1, 0.1, 0.1, 0.9, 0.95, 0.4, 0.9, 0.95];
        assert_eq!(
            viterbi(&p, 0.5, &STICKY, &[0.0, 0.0], 1.0),
            [0, 0, 0, 1, 1, 1, 1, 1]
        );
    }

    /// The seed article's paragraphs (a real page, with its captions and
    /// scrape noise).
    fn seed_article() -> Vec<&'static str> {
        let texts: Vec<&str> = include_str!("../../fixtures/rudd-windrush.txt")
            .split("\n\n")
            .filter(|t| !t.trim().is_empty())
            .collect();
        assert!(texts.len() > 20);
        texts
    }

    /// Scoring reads the features straight into the logit; it must agree,
    /// to the bit, with the features that training and `--explain` see, on
    /// the page the rules left, on the smaller page of a later round, and
    /// on the page read as the next run reads it (without the rules'
    /// removals), which scoring reads from the round before (the same page).
    #[test]
    fn fused_logits_equal_the_features_logits() {
        let texts = seed_article();
        let model = PageModel::builtin();
        // As if a share bar had been removed between every few paragraphs.
        let rules: Vec<Option<&str>> = (0..texts.len())
            .map(|i| (i % 5 == 2).then_some("boilerplate/share"))
            .collect();
        let mut measured = MeasuredParagraphs::new(&texts, rules.iter().copied());
        let first: Vec<usize> = (0..texts.len()).filter(|&i| rules[i].is_none()).collect();
        let later: Vec<usize> = first.iter().copied().filter(|i| i % 3 != 1).collect();
        for (page, read_removals) in [(&first, true), (&later, true), (&later, false)] {
            measured.read_removals(read_removals);
            let (logits, layout) = measured.page_logits(page, &model);
            let (features, expected_layout) = measured.page_features(page, model.hash_bits);
            assert_eq!(layout, expected_layout);
            assert_eq!(
                features.iter().any(|f| !f.removals.is_empty()),
                read_removals
            );
            let expected: Vec<u32> = features
                .iter()
                .map(|f| logit(&model, f).to_bits())
                .collect();
            let logits: Vec<u32> = logits.iter().map(|z| z.to_bits()).collect();
            assert_eq!(logits, expected);
        }
    }

    /// The hashed sums are taken as each paragraph is measured, under the
    /// model that scores; scored later under another model, a page's
    /// paragraphs are summed again, and give what a fresh reading gives.
    #[test]
    fn a_second_model_reads_the_same_paragraphs_afresh() {
        let texts = seed_article();
        let first = PageModel::builtin();
        let small = PageModel::from_bytes(include_bytes!("../../tests/page_model/small.model"))
            .expect("the test model reads");
        let whole: Vec<usize> = (0..texts.len()).collect();
        let bits = |logits: Vec<f32>| -> Vec<u32> { logits.iter().map(|z| z.to_bits()).collect() };
        let mut measured = MeasuredParagraphs::new(&texts, []);
        let under_first = measured.page_logits(&whole, &first).0;
        let (under_small, layout) = measured.page_logits(&whole, &small);
        let (fresh, fresh_layout) = MeasuredParagraphs::new(&texts, []).page_logits(&whole, &small);
        assert_eq!(layout, fresh_layout);
        assert_eq!(bits(under_small.clone()), bits(fresh));
        assert_ne!(bits(under_first), bits(under_small));
    }

    #[test]
    fn invisible_lines_weigh_towards_neither_run() {
        // An article whose paragraphs (0.3) each sit under an invisible
        // joiner that the model, reading it alone, takes for noise (0.95).
        let texts = [
            "\u{200d}", "Prose.", "\u{200d}", "Prose.", "\u{200d}", "Prose.",
        ];
        let p = [0.95, 0.3, 0.95, 0.3, 0.95, 0.3];
        assert_eq!(
            viterbi(&p, 0.5, &STICKY, &[0.0, 0.0], 1.0),
            [1, 1, 1, 1, 1, 1]
        );
        let evidence = run_evidence(&p, |i| is_visible(texts[i]), 0.5);
        assert_eq!(
            viterbi(&evidence, 0.5, &STICKY, &[0.0, 0.0], 1.0),
            [0, 0, 0, 0, 0, 0]
        );
        // A visible line without a word is read as itself.
        assert!(is_visible("•") && is_visible("* * *"));
        assert!(!is_visible(" \u{200b}\u{feff} "));
    }

    #[test]
    fn viterbi_of_nothing_is_nothing() {
        assert!(viterbi(&[], 0.5, &STICKY, &[0.0, 0.0], 1.0).is_empty());
    }
}
