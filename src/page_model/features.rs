//! The evidence the page model reads about each paragraph: its own shape, its
//! neighbours' shape, where it sits relative to the article's core (the
//! densest run of sentence-ending prose) and to end-of-article markers, how
//! much of its vocabulary it shares with the core and the title, its hashed
//! word unigrams and bigrams, and what the rules removed around it
//! (`removals.rs`). Everything here is a pure function of the document's
//! paragraph texts and the rules' removals, computed without allocating per
//! word.

use rustc_hash::FxHashSet;
use std::ops::RangeInclusive;
use std::sync::OnceLock;

use super::PageModel;
use super::core_vocabulary::CoreVocabulary;
use super::decode::{PostMarks, page_dense_logit, with_removal_features};
use super::hash::{Fnv, feature, fold32, pair};
use super::removals::RuleRemovals;
use crate::text::MONTHS;

/// Names of the dense features, in the order of a model's weights
/// ([`PageModel::dense`]) and of the features it reads.
pub const DENSE_NAMES: [&str; 50] = [
    "words(log)",
    "words<=2",
    "words<=5",
    "words>=20",
    "ends-sentence",
    "ends-colon",
    "capitals-share",
    "digits-share",
    "price",
    "date-or-time",
    "url",
    "handle",
    "e-mail",
    "function-word-share",
    "sentences(log)",
    "separators",
    "mean-word-length",
    "prev-words(log)",
    "next-words(log)",
    "prev-ends-sentence",
    "next-ends-sentence",
    "window-sentence-share",
    "window-words(log)",
    "first-paragraph",
    "last-paragraph",
    "position",
    "in-core",
    "before-core",
    "after-core",
    "distance-from-core(log)",
    "similarity-to-core",
    "similarity-to-title",
    "after-end-marker",
    "end-marker",
    "title-like",
    "headline",
    "core-share",
    "paragraphs(log)",
    "prose",
    "prev-end-marker",
    "after-core*distance",
    "after-marker*unlike-core",
    "page-words(log)",
    "starts-with-quote",
    "all-caps-share",
    "list-marker",
    "position-by-words",
    "after-a-removal",
    "before-a-removal",
    "removals-nearby",
];

/// How many dense features there are.
pub const DENSE: usize = DENSE_NAMES.len();

/// Hashed text features of a paragraph: slots in the weight table, each with
/// its value and (for explanations) what it was.
#[derive(Debug, Clone)]
pub struct Features {
    pub dense: [f32; DENSE],
    /// (slot, value); the slot is already reduced to the table size.
    pub hashed: Vec<(u32, f32)>,
    /// The slots of the rules that removed paragraphs near it (value 1),
    /// after `hashed` in the sum.
    pub removals: Vec<u32>,
}

/// The dense features that read what the rules removed around a paragraph.
/// Like the rules' own hashed features ([`Features::removals`]), a model may
/// only weigh them towards noise: the next run of a clean copy reads its
/// paragraphs without them, and must then find nothing more to remove.
pub const REMOVAL_FEATURES: std::ops::Range<usize> = 47..50;

// They come last: a page's second reading goes on from the sum of the
// others (`decode::page_dense_logit`).
const _: () = assert!(REMOVAL_FEATURES.end == DENSE);

/// What the page analysis found, shared by all paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLayout {
    /// The core: paragraphs `core.0..=core.1`.
    pub core: (usize, usize),
    /// The line above the core that reads as its headline ([`headline`]).
    pub headline: Option<usize>,
    /// The paragraph right under the headline when it reads as the
    /// article's standfirst ([`standfirst`]).
    pub standfirst: Option<usize>,
    /// The core's first prose paragraph of [`ANCHOR_WORDS`] words or more (its
    /// longest if none is that long); never removed, so a page always keeps
    /// its article.
    pub anchor: usize,
    /// The headline the rules' removals point at: the one line shaped as a
    /// headline that tops the few kept paragraphs right above a byline or a
    /// dateline the rules removed ([`MeasuredParagraphs::headline_over_dateline`]).
    pub over_dateline: Option<usize>,
    /// The statement right under that headline, above the byline or the
    /// dateline too ([`MeasuredParagraphs::headline_over_dateline`]).
    pub standfirst_over_dateline: Option<usize>,
}

/// One paragraph's shape: cheap counts over its characters and words.
///
/// The counts are `u32`, saturating (a paragraph of 4 GB is past any
/// feature's range anyway): the model keeps a shape for every paragraph the
/// rules keep, and on a page dump of short lines the measures were the
/// largest thing it held.
#[derive(Debug, Clone, Copy, Default)]
pub struct Shape {
    pub words: u32,
    pub ends_sentence: bool,
    pub ends_colon: bool,
    pub capitalized: u32,
    pub all_caps: u32,
    pub digits: u32,
    pub chars: u32,
    pub letters_in_words: u32,
    pub price: bool,
    pub date_time: bool,
    pub url: bool,
    pub handle: bool,
    pub email: bool,
    pub function_words: u32,
    pub sentences: u32,
    pub separators: u32,
    pub starts_quote: bool,
    pub list_marker: bool,
    pub end_marker: bool,
    pub starts_capital: bool,
}

impl Shape {
    fn prose(&self) -> bool {
        self.ends_sentence && self.words >= 12
    }

    /// Whether the line tells a date, a time or a price, which a short
    /// title does not ([`MeasuredParagraphs::list_title`]: a poster's
    /// "Joined: Aug 2022", a list's first row).
    fn tells_a_figure(&self) -> bool {
        self.date_time || self.price
    }

    /// A line that reads as a title: a few words starting with a capital
    /// (title or sentence case), no full stop.
    fn title_like(&self) -> bool {
        self.may_be_headline() && self.sentences == 0 && self.separators == 0
    }

    /// A line shaped as [`Shape::title_like`], or as a headline of one or
    /// two questions or exclamations ("Are AI Evangelists In Heat?") or with
    /// the site's name after a separator ("... | Emily Henderson"), which
    /// [`headline`] takes only where its words are the core's.
    fn may_be_headline(&self) -> bool {
        (3..=25).contains(&self.words)
            && self.starts_capital
            && !self.ends_colon
            && !self.url
            && !self.email
            && self.separators <= 1
            && self.sentences <= 2
    }
}

/// A lowercased word's hash, and its length in chars.
fn word_hash(word: &str) -> (u64, usize) {
    let mut hash = Fnv::new();
    let mut chars = 0;
    if word.is_ascii() {
        for byte in word.bytes() {
            hash.byte(byte.to_ascii_lowercase());
        }
        return (hash.0, word.len());
    }
    for c in word.chars() {
        chars += 1;
        for lower in c.to_lowercase() {
            hash.char(lower);
        }
    }
    (hash.0, chars)
}

/// The words of a text: runs of letters and digits (an apostrophe inside a
/// word joins it), a run of letters of a script written without spaces
/// (Japanese, Chinese) cut from the letters around it and into words of
/// [`crate::text::UNSPACED_WORD_LETTERS`], as the rules count words. Read
/// as one word a run, a Japanese sentence was a one- or two-word line to
/// the model: a menu's item, which took the last steps of a how-to (dev
/// `f105de6e`).
fn words(text: &str) -> impl Iterator<Item = &str> {
    let apostrophe = |c: char| c == '\'' || c == '’';
    text.split(move |c: char| !(c.is_alphanumeric() || apostrophe(c)))
        .flat_map(crate::text::unspaced_words)
        .map(move |w| w.trim_matches(apostrophe))
        .filter(|w| !w.is_empty())
}

/// Whether a word of [`words`] is a content word: four letters or more,
/// or a whole word of a script written without spaces (two letters, about
/// a word there), and no function word.
fn is_content_word(word_letters: usize, unspaced: bool, function_word: bool) -> bool {
    (word_letters >= 4 || (unspaced && word_letters == crate::text::UNSPACED_WORD_LETTERS))
        && !function_word
}

const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that",
    "these", "those", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "not",
    "no", "have", "has", "had", "will", "would", "can", "could", "which", "who", "what", "when",
    "there", "than", "then", "so", "if", "about", "into", "also", "after", "more", "said",
];

/// Short lines that end an article: what follows them is the page's, not
/// the author's.
const END_MARKERS: &[&str] = &[
    "comments",
    "comment",
    "leave a comment",
    "leave a reply",
    "add a comment",
    "post a comment",
    "join the conversation",
    "related",
    "related articles",
    "related posts",
    "related stories",
    "related content",
    "read next",
    "read more",
    "more stories",
    "more from",
    "more news",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "most popular",
    "most read",
    "trending",
    "trending now",
    "popular posts",
    "recent posts",
    "latest news",
    "about the author",
    "about us",
    "share this",
    "share this article",
    "share",
    "tags",
    "categories",
    "archives",
    "footer",
    "newsletter",
    "sign up",
    "follow us",
    "responses",
    "reviews",
    "see also",
];

fn end_markers() -> &'static FxHashSet<u64> {
    static SET: OnceLock<FxHashSet<u64>> = OnceLock::new();
    SET.get_or_init(|| END_MARKERS.iter().map(|m| phrase_hash(m)).collect())
}

/// The hash of a short line's lowercased words joined by single spaces.
fn phrase_hash(text: &str) -> u64 {
    let mut hash = Fnv::new();
    for (i, word) in words(text).enumerate() {
        if i > 0 {
            hash.byte(b' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            hash.char(c);
        }
    }
    hash.0
}

/// Measures a paragraph's shape.
#[cfg(test)]
fn shape(text: &str) -> Shape {
    measure(text, &mut Words::default()).shape
}

/// What a word in one of the small fixed lists is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listed {
    Function,
    Month,
}

/// The function words and the months by hash, in one table so a word costs
/// one lookup (no word is in both lists).
fn listed_words() -> &'static ListedWords {
    static TABLE: OnceLock<ListedWords> = OnceLock::new();
    TABLE.get_or_init(|| {
        let function = FUNCTION_WORDS.iter().map(|w| (w, Listed::Function));
        let months = MONTHS.iter().map(|w| (w, Listed::Month));
        let listed: Vec<(u64, Listed)> = function
            .chain(months)
            .map(|(word, kind)| (word_hash(word).0, kind))
            .collect();
        ListedWords::without_collisions(&listed)
    })
}

/// Slots of [`ListedWords`]: a power of two, some twenty times the words,
/// so that a window of the hashes' bits that gives every word a slot of
/// its own is found among the first few tried.
const LISTED_SLOTS: usize = 2048;

/// Word hashes and what each is, direct-mapped: a hash's slot is a window
/// of its bits, chosen when the table is built so that no two listed words
/// share a slot, and a word is looked up with one comparison. Every word of
/// every paragraph is looked up here: probing an open-addressed table (a
/// loop, most words ending at an empty slot) cost about 22 instructions a word,
/// 5.7 M of the measuring's 80 M over the speed benchmark's first copy
/// (callgrind).
struct ListedWords {
    /// Where the slot's window starts in a hash.
    shift: u32,
    /// Each slot's word's hash, 0 in a free slot (whose kind is `None`).
    hashes: [u64; LISTED_SLOTS],
    kinds: [Option<Listed>; LISTED_SLOTS],
}

impl ListedWords {
    /// The table of `listed` (hash, kind) with the highest window of bits
    /// that gives each hash a slot of its own (FNV's high bits mix best).
    /// Panics if no window does, or if a hash is listed twice: the two
    /// lists share no word, and two words sharing a hash would be one.
    fn without_collisions(listed: &[(u64, Listed)]) -> Self {
        let bits = LISTED_SLOTS.trailing_zeros();
        (0..=64 - bits)
            .rev()
            .find_map(|shift| {
                let mut table = ListedWords {
                    shift,
                    hashes: [0; LISTED_SLOTS],
                    kinds: [None; LISTED_SLOTS],
                };
                for &(hash, kind) in listed {
                    let slot = table.slot(hash);
                    assert!(
                        table.hashes[slot] != hash || table.kinds[slot].is_none(),
                        "two listed words share a hash"
                    );
                    if table.kinds[slot].is_some() {
                        return None;
                    }
                    table.hashes[slot] = hash;
                    table.kinds[slot] = Some(kind);
                }
                Some(table)
            })
            .expect("a window of the hashes' bits gives each listed word its own slot")
    }

    fn slot(&self, hash: u64) -> usize {
        (hash >> self.shift) as usize & (LISTED_SLOTS - 1)
    }

    /// What the word of hash `hash` is, if listed.
    fn get(&self, hash: u64) -> Option<Listed> {
        let slot = self.slot(hash);
        if self.hashes[slot] == hash {
            self.kinds[slot]
        } else {
            None
        }
    }
}

/// Lines of at most this many words are also hashed whole ([`phrase_hash`]).
/// A model file's hashed features depend on it; a listing's labels
/// ([`crate::listing::LABEL_WORDS`]) are read from these hashes, so the two
/// are equal.
const SHORT_LINE: usize = 6;
const _: () = assert!(SHORT_LINE == crate::listing::LABEL_WORDS);

/// The word hashes of paragraphs as they are measured.
#[derive(Debug, Default)]
struct Words {
    /// Every word's hash, in order: of the paragraph measured last only
    /// ([`MeasuredParagraphs`] sums its hashed features from them at once,
    /// so a big file's words are never held all together).
    all: Vec<u64>,
    /// The content words' [`content_hash`] (four letters or more, not a
    /// function word), in order, of every paragraph measured: each round
    /// compares them with its core.
    content: Vec<u32>,
}

impl Words {
    /// Appends a word's hash, and whether it is a content word.
    fn push(&mut self, hash: u64, content: bool) {
        self.all.push(hash);
        if content {
            self.content.push(content_hash(hash));
        }
    }
}

/// A content word's hash as the core's and the title's vocabularies hold
/// it: 32 bits ([`fold32`]). It only needs telling apart from the words of
/// one page, and holding half the bytes matters: every paragraph's content
/// words are kept for all the rounds.
fn content_hash(hash: u64) -> u32 {
    fold32(hash)
}

/// A measured paragraph: its shape, and where its content words are in
/// [`Words`]. Kept small (80 bytes): the model holds one for every
/// paragraph the rules keep.
#[derive(Debug, Clone)]
struct Measured {
    shape: Shape,
    /// Where its content words start in [`Words::content`].
    first_content: usize,
    /// How many of its words are content words.
    content_words: u32,
    /// [`phrase_hash`] of the paragraph, when it is a line of at most
    /// [`SHORT_LINE`] words ([`Measured::line`]).
    short_line: u64,
    /// What marks it as a forum post's first line, read once here as every
    /// round's sections are read from it ([`super::decode`]).
    post_marks: PostMarks,
}

impl Measured {
    /// Its content words' hashes.
    fn content<'w>(&self, content: &'w [u32]) -> &'w [u32] {
        &content[self.first_content..self.first_content + self.content_words as usize]
    }

    /// [`phrase_hash`] of a line of at most [`SHORT_LINE`] words.
    fn line(&self) -> Option<u64> {
        (self.shape.words as usize <= SHORT_LINE).then_some(self.short_line)
    }

    /// How many hashed features it has: three a word, one for the last
    /// word, one for a short line, one for the opening of two words or
    /// more.
    fn hashed_count(&self) -> usize {
        let words = self.shape.words as usize;
        3 * words
            + usize::from(words > 0)
            + usize::from(self.line().is_some())
            + usize::from(words > 1)
    }
}

/// A hashed feature of a paragraph ([`hashed_features`]), before it is
/// masked to a slot.
enum Hashed {
    /// The same wherever the paragraph is.
    Anywhere(u64),
    /// A word's (its hash) feature in the paragraph's region
    /// ([`in_region`]).
    InRegion(u64),
}

/// A word's feature in a region ([`region_of`]).
fn in_region(word: u64, region: u8) -> u64 {
    feature(word, 10 + u64::from(region))
}

/// A paragraph's hashed features, in order, from its words' hashes and its
/// short line's ([`Measured::line`]): each word alone and in its region,
/// each pair of words (the first word alone), the last word, the line, and
/// the first two words as the paragraph's opening ("Posted by", "Sign
/// up", "Read more": where noise states what it is).
fn hashed_features(words: &[u64], line: Option<u64>, mut each: impl FnMut(Hashed)) {
    let mut previous: Option<u64> = None;
    for &hash in words {
        each(Hashed::Anywhere(feature(hash, 1)));
        each(Hashed::InRegion(hash));
        each(Hashed::Anywhere(match previous {
            Some(before) => feature(pair(before, hash), 2),
            None => feature(hash, 4),
        }));
        previous = Some(hash);
    }
    if let Some(last) = previous {
        each(Hashed::Anywhere(feature(last, 5)));
    }
    if let Some(line) = line {
        each(Hashed::Anywhere(feature(line, 6)));
    }
    if let [first, second, ..] = words {
        each(Hashed::Anywhere(feature(pair(*first, *second), 7)));
    }
}

/// The weight each hashed feature of `measured` carries: all alike, so a
/// paragraph's total weight is one.
fn hashed_value(measured: &Measured) -> f32 {
    1.0 / (measured.hashed_count().max(1) as f32).sqrt()
}

/// A paragraph's hashed features' summed steps under `model` in each
/// region (core, before it, after it; [`region_of`] less one), from its
/// words' hashes: the sums [`PageView::hashed`]'s features give there, as
/// [`super::HashedWeights::total`] takes them. The features read the same
/// wherever the paragraph is are summed once for the three.
fn hashed_totals(model: &PageModel, measured: &Measured, words: &[u64]) -> [f32; 3] {
    let step = model.hashed.masked_steps((1u64 << model.hash_bits) - 1);
    let mut anywhere = 0i64;
    let mut in_regions = [0i64; 3];
    hashed_features(words, measured.line(), |feature| match feature {
        Hashed::Anywhere(hash) => anywhere += step(hash),
        Hashed::InRegion(word) => {
            for (region, sum) in (1..).zip(&mut in_regions) {
                *sum += step(in_region(word, region));
            }
        }
    });
    in_regions.map(|in_region| (anywhere + in_region) as f32)
}

/// Basic Cyrillic, U+0400 to U+045F: letters only, the capitals (U+0400 to
/// U+042F) each at a fixed offset from its lowercase. Read without the
/// Unicode tables, like ASCII, as Cyrillic pages are common.
const CYRILLIC: RangeInclusive<char> = '\u{400}'..='\u{45f}';

/// The accented letters of Latin-1 and Latin Extended-A, U+00C0 to U+017F
/// without the signs × and ÷: the letters of most European languages after
/// ASCII's, read as letters without the Unicode tables.
fn is_latin_letter(c: char) -> bool {
    matches!(c, '\u{c0}'..='\u{17f}') && !matches!(c, '×' | '÷')
}

/// Hangul syllables and the CJK unified ideographs: letters without case,
/// each its own lowercase. Read without the Unicode tables too: a Korean or
/// Chinese page is nearly all of them, and three table lookups a character
/// made a Korean paragraph cost eight to nine times an English one per byte.
fn is_caseless_letter(c: char) -> bool {
    matches!(c, '\u{ac00}'..='\u{d7a3}' | '\u{4e00}'..='\u{9fff}')
}

/// What a character is to [`words`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    /// Numeric but not a letter: digits, fractions.
    Number,
    /// Joins a word when inside it.
    Apostrophe,
    Other,
}

impl Class {
    fn of(c: char) -> Class {
        if c.is_ascii() {
            // By the run's table: one lookup where a match tries ranges in
            // turn (measuring asks at every word's start).
            match ASCII_CLASS[c as usize] {
                0 if c == '\'' => Class::Apostrophe,
                0 => Class::Other,
                ASCII_DIGIT => Class::Number,
                _ => Class::Letter,
            }
        } else if CYRILLIC.contains(&c) || is_latin_letter(c) || is_caseless_letter(c) {
            Class::Letter
        } else if c == '’' {
            Class::Apostrophe
        } else if crate::text::is_general_punctuation(c) {
            Class::Other
        } else if c.is_alphabetic() {
            Class::Letter
        } else if c.is_numeric() {
            Class::Number
        } else {
            Class::Other
        }
    }

    fn in_word(self) -> bool {
        matches!(self, Class::Letter | Class::Number)
    }
}

/// `char::is_uppercase` of a letter.
fn is_capital(letter: char) -> bool {
    if CYRILLIC.contains(&letter) {
        letter < '\u{430}'
    } else if is_caseless_letter(letter) {
        false
    } else {
        letter.is_uppercase()
    }
}

impl Fnv {
    /// Hashes `c` lowercased, as `char::to_lowercase` gives it.
    fn lowercase(&mut self, c: char) {
        if c.is_ascii() {
            self.byte(c.to_ascii_lowercase() as u8);
        } else if CYRILLIC.contains(&c) {
            self.char(char::from_u32(cyrillic_lowercase(c as u32)).unwrap_or(c));
        } else if is_caseless_letter(c) {
            self.char(c);
        } else if matches!(c, '\u{c0}'..='\u{de}') && c != '×' {
            // Latin-1's capitals, each 0x20 above its lowercase.
            self.char(char::from_u32(c as u32 + 0x20).unwrap_or(c));
        } else if matches!(c, '\u{df}'..='\u{ff}') {
            // Latin-1's lowercase letters and the sign ÷.
            self.char(c);
        } else {
            for lower in c.to_lowercase() {
                self.char(lower);
            }
        }
    }
}

/// [`ASCII_CLASS`] bits: an uppercase letter (the bit that lowercases it), a
/// lowercase letter, a digit, and the lowercase letters of "http" and
/// ".com" that a word must hold all of before it is searched for them.
const ASCII_UPPER: u8 = 0x20;
const ASCII_LOWER: u8 = 1;
const ASCII_DIGIT: u8 = 2;
const ASCII_H: u8 = 4;
const ASCII_T: u8 = 8;
const ASCII_P: u8 = 0x10;
const ASCII_M: u8 = 0x40;
/// The bits of a run that may hold "http".
const HTTP_LETTERS: u8 = ASCII_H | ASCII_T | ASCII_P;

/// What each byte is to [`read_word`]'s ASCII loop: 0 for anything that is
/// not an ASCII letter or digit.
const ASCII_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        table[byte] = if b.is_ascii_uppercase() {
            ASCII_UPPER
        } else if b == b'h' {
            ASCII_LOWER | ASCII_H
        } else if b == b't' {
            ASCII_LOWER | ASCII_T
        } else if b == b'p' {
            ASCII_LOWER | ASCII_P
        } else if b == b'm' {
            ASCII_LOWER | ASCII_M
        } else if b.is_ascii_lowercase() {
            ASCII_LOWER
        } else if b.is_ascii_digit() {
            ASCII_DIGIT
        } else {
            0
        };
        byte += 1;
    }
    table
};

/// A paragraph's counts while [`measure`] reads it, in `usize`: they go
/// into its [`Shape`]'s `u32` fields, saturating, once at the end. Adding
/// with saturation at every character and word was a tenth of the
/// measuring's instructions.
#[derive(Default)]
struct Tally {
    words: usize,
    capitalized: usize,
    all_caps: usize,
    digits: usize,
    chars: usize,
    letters_in_words: usize,
    function_words: usize,
    sentences: usize,
    separators: usize,
}

impl Tally {
    /// Writes the counts into `shape`, each saturating at `u32::MAX`.
    fn into_shape(self, shape: &mut Shape) {
        let saturate = |count: usize| u32::try_from(count).unwrap_or(u32::MAX);
        shape.words = saturate(self.words);
        shape.capitalized = saturate(self.capitalized);
        shape.all_caps = saturate(self.all_caps);
        shape.digits = saturate(self.digits);
        shape.chars = saturate(self.chars);
        shape.letters_in_words = saturate(self.letters_in_words);
        shape.function_words = saturate(self.function_words);
        shape.sentences = saturate(self.sentences);
        shape.separators = saturate(self.separators);
    }
}

/// The character at byte offset `at` (a character boundary) of `text`.
fn char_at(text: &str, at: usize) -> Option<char> {
    let byte = *text.as_bytes().get(at)?;
    if byte.is_ascii() {
        Some(char::from(byte))
    } else {
        text[at..].chars().next()
    }
}

/// Measures a paragraph's shape and appends its words to `words`, in one
/// pass over its characters, each classified once: each word is lowercased
/// and hashed as it is read, its shape counted then. It gives exactly what
/// the reference definitions give: [`words`] split, [`word_hash`] and
/// [`phrase_hash`] hashes.
fn measure(text: &str, words: &mut Words) -> Measured {
    let mut shape = Shape::default();
    let trimmed = text.trim();
    let bytes = trimmed.as_bytes();
    let closing = |c: &char| matches!(c, '"' | '”' | '’' | '\'' | ')');
    let mut backwards = trimmed.chars().rev();
    let last = backwards.next();
    let before_last = last
        .filter(|c| !closing(c))
        .or_else(|| backwards.find(|c| !closing(c)));
    shape.ends_sentence = matches!(
        before_last,
        Some('.' | '!' | '?' | '…' | '。' | '！' | '？')
    );
    shape.ends_colon = last == Some(':');
    let first = trimmed.chars().next();
    shape.starts_quote = matches!(first, Some('"' | '“' | '‘' | '\''));
    shape.starts_capital = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    // "1." or "12)": one or two digits, then the first full stop or bracket.
    let leading_digits = bytes
        .iter()
        .take(3)
        .take_while(|b| b.is_ascii_digit())
        .count();
    shape.list_marker = matches!(first, Some('-' | '*' | '•' | '·' | '–' | '>'))
        || ((1..=2).contains(&leading_digits)
            && matches!(bytes.get(leading_digits), Some(b'.' | b')')));

    let listed = listed_words();
    let first_content = words.content.len();
    let mut previous = ' ';
    // A '.', '!' or '?' ends a sentence when whitespace or the end follows;
    // an '@' not after a letter or digit starts a handle when one follows.
    let mut after_stop = false;
    let mut after_at = false;
    // Where the first words are, for the line's hash when it is short.
    let mut short_words = [(0, 0); SHORT_LINE];
    let mut tally = Tally::default();
    let mut at = 0;
    while let Some(c) = char_at(trimmed, at) {
        if c == ' ' {
            // The commonest character between words, quickly.
            tally.chars += 1;
            tally.sentences += usize::from(after_stop);
            (after_stop, after_at, previous) = (false, false, ' ');
            at += 1;
            continue;
        }
        if Class::of(c).in_word() {
            shape.handle |= after_at;
            if c.is_ascii_digit() {
                shape.price |= matches!(previous, '$' | '£' | '€' | '¥');
                shape.date_time |= previous == ':';
            }
            (after_stop, after_at) = (false, false);
            let word = if crate::text::is_unspaced_letter(c) {
                read_unspaced_word(trimmed, at, &mut tally, words)
            } else {
                read_word(trimmed, at, listed, (&mut shape, &mut tally), words)
            };
            if let Some(short) = short_words.get_mut(tally.words - 1) {
                *short = (at, word.letters_end);
            }
            (at, previous) = (word.end, word.last);
            continue;
        }
        tally.chars += 1;
        if after_stop && c.is_whitespace() {
            tally.sentences += 1;
        }
        (after_stop, after_at) = (false, false);
        match c {
            '@' if previous.is_alphanumeric() => shape.email = true,
            '@' => after_at = true,
            '|' | '•' | '·' | '»' | '›' | '/' => tally.separators += 1,
            '.' | '!' | '?' => {
                after_stop = true;
                shape.url |= bytes[..=at].ends_with(b"www.");
            }
            // A script written without spaces ends a sentence without one.
            '。' | '！' | '？' => tally.sentences += 1,
            _ => {}
        }
        previous = c;
        at += c.len_utf8();
    }
    if after_stop {
        tally.sentences += 1;
    }
    let line =
        (tally.words <= SHORT_LINE).then(|| joined_hash(trimmed, &short_words[..tally.words]));
    shape.end_marker = tally.words <= 5 && line.is_some_and(|h| end_markers().contains(&h));
    tally.into_shape(&mut shape);
    let content_words = words.content.len() - first_content;
    Measured {
        shape,
        first_content,
        content_words: u32::try_from(content_words).unwrap_or(u32::MAX),
        short_line: line.unwrap_or_default(),
        post_marks: PostMarks::of(text),
    }
}

/// [`phrase_hash`] of a line whose words are at `words` (byte ranges, as
/// [`words`] splits them), without splitting it again. An ASCII word is
/// lowercased a byte at a time: short lines are a page's menus and labels,
/// and reading each of their characters as a `char` cost 2.5% of the
/// measuring (callgrind over the speed benchmark's first copy: 107.6 M
/// instructions before, 104.9 M after).
fn joined_hash(text: &str, words: &[(usize, usize)]) -> u64 {
    let mut hash = Fnv::new();
    for (i, &(start, end)) in words.iter().enumerate() {
        if i > 0 {
            hash.byte(b' ');
        }
        let word = &text[start..end];
        if word.is_ascii() {
            for &byte in word.as_bytes() {
                hash.byte(byte.to_ascii_lowercase());
            }
        } else {
            for c in word.chars() {
                hash.lowercase(c);
            }
        }
    }
    hash.0
}

/// Where [`read_word`] stopped.
struct WordEnd {
    /// After the word and any apostrophes after it.
    end: usize,
    /// After its last letter or number: where the word as [`words`] gives
    /// it ends.
    letters_end: usize,
    /// The last character read.
    last: char,
}

/// Reads the word of `text` that starts at byte `start` (a letter or
/// number) and any apostrophes after it: counts its characters into
/// `tally`, and the word (as [`words`] and [`word_hash`] give it) into
/// `tally`, `shape` (what it says of the paragraph: a web address, a date)
/// and `words`.
fn read_word(
    text: &str,
    start: usize,
    listed: &ListedWords,
    (shape, tally): (&mut Shape, &mut Tally),
    words: &mut Words,
) -> WordEnd {
    let bytes = text.as_bytes();
    let mut hash = Fnv::new();
    let mut length = 0;
    // Apostrophes since the last letter or number (where, how many): they
    // join the word only if another follows.
    let mut pending: Option<(usize, usize)> = None;
    // Whether the first letter is a capital, and whether any letter is not.
    let mut initial_capital = None;
    let mut small = false;
    let mut only_digits = true;
    let mut at = start;
    let mut last = ' ';
    while let Some(&byte) = bytes.get(at) {
        if ASCII_CLASS[usize::from(byte)] != 0 && pending.is_none() {
            // The common case: ASCII letters and digits, read as a run with
            // one table lookup a byte.
            let run_start = at;
            let seen;
            (at, seen) = ascii_run(bytes, at, &mut hash);
            let run = &bytes[run_start..at];
            if seen & ASCII_DIGIT != 0 {
                tally.digits += run.iter().filter(|b| b.is_ascii_digit()).count();
            }
            if seen & (ASCII_UPPER | ASCII_LOWER) != 0 {
                if initial_capital.is_none() {
                    // Most words start with their first letter.
                    let first_letter = match run[0] {
                        first if first.is_ascii_alphabetic() => Some(first),
                        _ => run.iter().copied().find(u8::is_ascii_alphabetic),
                    };
                    initial_capital = first_letter.map(|letter| letter.is_ascii_uppercase());
                }
                small |= seen & ASCII_LOWER != 0;
                only_digits = false;
            }
            // "http" inside the run; ".com" only where a run starts, as the
            // full stop before it ends the word before. Each is looked for
            // only in a run that has its letters.
            if seen & HTTP_LETTERS == HTTP_LETTERS {
                shape.url |= run.windows(4).any(|w| w == b"http");
            }
            if seen & ASCII_M != 0 {
                shape.url |= run.starts_with(b"com") && bytes[..run_start].ends_with(b".");
            }
            length += run.len();
            tally.chars += run.len();
            last = char::from(run[run.len() - 1]);
            // What ends most words: the end, or an ASCII character that is
            // not an apostrophe (a space, a comma), which the general path
            // below would read as `Class::Other`.
            match bytes.get(at) {
                Some(&next) if next.is_ascii() && next != b'\'' => break,
                None => break,
                Some(_) => continue,
            }
        }
        if let Some(first) = cyrillic_letter(bytes, at).filter(|_| pending.is_none()) {
            // A Cyrillic page's letters, two bytes each, read as a run too.
            let run = cyrillic_run(bytes, at, first, &mut hash);
            initial_capital.get_or_insert(run.first_capital);
            small |= run.capitals < run.letters;
            only_digits = false;
            length += run.letters;
            tally.chars += run.letters;
            (at, last) = (run.end, run.last);
            // The word goes on into an ASCII letter or digit ("жhttp").
            match bytes.get(at) {
                Some(&next)
                    if next.is_ascii() && next != b'\'' && ASCII_CLASS[usize::from(next)] == 0 =>
                {
                    break;
                }
                None => break,
                Some(_) => continue,
            }
        }
        let Some(c) = char_at(text, at) else { break };
        let class = Class::of(c);
        match class {
            Class::Other => break,
            Class::Apostrophe => pending.get_or_insert((at, 0)).1 += 1,
            Class::Letter | Class::Number if crate::text::is_unspaced_letter(c) => break,
            Class::Letter | Class::Number => {
                if let Some((from, count)) = pending.take() {
                    // Apostrophes are their own lowercase.
                    for &byte in &bytes[from..at] {
                        hash.byte(byte);
                    }
                    length += count;
                    only_digits = false;
                }
                // Back to a run for an ASCII or a Cyrillic one.
                if c.is_ascii() || CYRILLIC.contains(&c) {
                    continue;
                }
                hash.lowercase(c);
                length += 1;
                only_digits = false;
                // Whether a letter is a capital matters only while the word
                // may be all capitals.
                if class == Class::Letter && initial_capital != Some(false) && !small {
                    let capital = is_capital(c);
                    initial_capital.get_or_insert(capital);
                    small = !capital;
                }
            }
        }
        tally.chars += 1;
        last = c;
        at += c.len_utf8();
    }

    let hash = hash.0;
    let kind = listed.get(hash);
    tally.words += 1;
    tally.letters_in_words += length;
    if kind == Some(Listed::Function) {
        tally.function_words += 1;
    }
    if initial_capital == Some(true) {
        tally.capitalized += 1;
        if length > 1 && !small {
            tally.all_caps += 1;
        }
    }
    let year = length == 4 && only_digits && matches!(&bytes[start..start + 2], b"19" | b"20");
    shape.date_time |= year || kind == Some(Listed::Month);
    words.push(
        hash,
        is_content_word(length, false, kind == Some(Listed::Function)),
    );
    WordEnd {
        end: at,
        letters_end: pending.map_or(at, |(from, _)| from),
        last,
    }
}

/// Reads the word of `text` that starts at byte `start` (a letter of a
/// script written without spaces): it and the next such letters, up to
/// [`crate::text::UNSPACED_WORD_LETTERS`], as [`words`] cuts them. Counts
/// its letters into `tally` and the word into `words`. Such a script has no
/// capitals, no function words in the lists and no dates spelt in letters.
fn read_unspaced_word(text: &str, start: usize, tally: &mut Tally, words: &mut Words) -> WordEnd {
    let mut hash = Fnv::new();
    let mut letters = 0;
    let mut at = start;
    let mut last = ' ';
    for c in text[start..].chars() {
        if letters == crate::text::UNSPACED_WORD_LETTERS || !crate::text::is_unspaced_letter(c) {
            break;
        }
        hash.lowercase(c);
        letters += 1;
        last = c;
        at += c.len_utf8();
    }
    tally.chars += letters;
    tally.words += 1;
    tally.letters_in_words += letters;
    words.push(hash.0, is_content_word(letters, true, false));
    WordEnd {
        end: at,
        letters_end: at,
        last,
    }
}

/// Hashes the run of ASCII letters and digits of `bytes` from `start`,
/// lowercased, into `hash`: where the run ends, and its [`ASCII_CLASS`]
/// bits together. Written inside [`read_word`], whose many live values
/// kept the hash in memory, the loop stored it at every byte; on its own
/// (inlined all the same) it keeps it in a register.
fn ascii_run(bytes: &[u8], start: usize, hash: &mut Fnv) -> (usize, u8) {
    let mut state = *hash;
    let mut seen = 0u16;
    let mut at = start;
    while let Some(&byte) = bytes.get(at) {
        let entry = ASCII_LOWERED[usize::from(byte)];
        if entry == 0 {
            break;
        }
        state.byte(entry as u8);
        seen |= entry;
        at += 1;
    }
    *hash = state;
    (at, (seen >> 8) as u8)
}

/// [`ASCII_CLASS`] in the high byte, and the byte lowercased in the low
/// byte (0 for a byte that is not an ASCII letter or digit): [`ascii_run`]
/// hashes a byte with one lookup, where lowercasing from the class took
/// two instructions more a byte.
const ASCII_LOWERED: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut byte = 0;
    while byte < 256 {
        let class = ASCII_CLASS[byte];
        if class != 0 {
            table[byte] = (class as u16) << 8 | (byte as u8 | (class & ASCII_UPPER)) as u16;
        }
        byte += 1;
    }
    table
};

/// The code point of the basic Cyrillic letter ([`CYRILLIC`]) at byte `at`
/// of `bytes` (a character boundary of a `str`), if one is there.
fn cyrillic_letter(bytes: &[u8], at: usize) -> Option<u32> {
    let (&lead, &next) = (bytes.get(at)?, bytes.get(at + 1)?);
    let code = (u32::from(lead & 0x1f) << 6) | u32::from(next & 0x3f);
    (matches!(lead, 0xd0 | 0xd1) && code <= u32::from(*CYRILLIC.end())).then_some(code)
}

/// The lowercase of a basic Cyrillic letter's code point: U+0400 to U+040F
/// lie 0x50 below theirs, U+0410 to U+042F 0x20 below; the rest are
/// lowercase.
fn cyrillic_lowercase(code: u32) -> u32 {
    match code {
        0x400..=0x40f => code + 0x50,
        0x410..=0x42f => code + 0x20,
        _ => code,
    }
}

/// What [`cyrillic_run`] read.
struct CyrillicRun {
    /// Where the run ends.
    end: usize,
    letters: usize,
    capitals: usize,
    first_capital: bool,
    last: char,
}

/// Hashes the run of basic Cyrillic letters of `bytes` from `start`, where
/// the letter `first` is, lowercased ([`cyrillic_lowercase`]), into `hash`, as
/// [`Fnv::lowercase`] would one character at a time, each two bytes in
/// UTF-8. Through the general path
/// (decoding, classifying and lowercasing each character) measuring a
/// Russian page took 74 instructions a byte, an English one 52; with the
/// run the Russian page takes 47 (callgrind, one page of each).
fn cyrillic_run(bytes: &[u8], start: usize, first: u32, hash: &mut Fnv) -> CyrillicRun {
    let mut state = *hash;
    let mut at = start;
    let (mut letters, mut capitals, mut last) = (0, 0, 0);
    while let Some(code) = cyrillic_letter(bytes, at) {
        let lower = cyrillic_lowercase(code);
        // Two bytes: 110xxxxx 10xxxxxx.
        state.byte(0xc0 | (lower >> 6) as u8);
        state.byte(0x80 | (lower & 0x3f) as u8);
        letters += 1;
        capitals += usize::from(code < 0x430);
        last = code;
        at += 2;
    }
    *hash = state;
    CyrillicRun {
        end: at,
        letters,
        capitals,
        first_capital: first < 0x430,
        last: char::from_u32(last).unwrap_or_default(),
    }
}

/// Finds the core: the run of paragraphs with the largest sum of prose
/// weight (a prose paragraph counts by its length, anything else against).
fn core<'s>(shapes: impl Iterator<Item = &'s Shape>) -> (usize, usize) {
    let mut best = (0usize, 0usize, f32::MIN);
    let mut start = 0;
    let mut sum = 0.0f32;
    for (i, shape) in shapes.enumerate() {
        let value = if shape.prose() {
            (shape.words.min(80) as f32) / 10.0
        } else if shape.ends_sentence && shape.words >= 6 {
            0.2
        } else {
            -1.0
        };
        if sum <= 0.0 {
            start = i;
            sum = 0.0;
        }
        sum += value;
        if sum > best.2 {
            best = (start, i, sum);
        }
    }
    (best.0, best.1)
}

/// Words from which a paragraph is long enough to be the core's anchor:
/// the core's first paragraph of prose this long is its anchor (else its
/// longest), the one paragraph the model never takes. The longest was a
/// reader comment where the core ran on past the article into it (dev
/// `4219d096`); as long as the first long paragraph, a later one is no
/// better an anchor. Held out on five seeds (the fold models of
/// `benches/seeds.sh`), dev real-dump rose on every seed (mean 0.8942 ->
/// 0.8949: authors' bios and a tag list go) and `ext` stayed (0.8539 ->
/// 0.8540), recall of the main text the same on both.
const ANCHOR_WORDS: u32 = 80;

/// How far above the core (in the page's paragraphs) its headline may be: a
/// standfirst, a byline, a date, a job title, a share bar and a table of
/// contents can lie between.
const HEADLINE_REACH: usize = 16;

/// What [`headline`] reads of a line that may be a headline
/// ([`Shape::may_be_headline`]).
struct TitleWords {
    /// Its content words that the core has.
    in_core: usize,
    /// Its content words.
    content: usize,
    /// Its words.
    words: u32,
    /// Shaped as [`Shape::title_like`]: only such a line is taken when none
    /// reads as the core's title.
    title_like: bool,
}

/// The core's headline, given where the core starts (`core_start`) and what
/// [`TitleWords`] reads of each line that may be one (`title_words`).
///
/// It is the line up to [`HEADLINE_REACH`] above the core that reads as the
/// title of the prose below it: at least two of its content words, and at
/// least half of them, are the core's. Of several, the one with the largest
/// share of its content words in the core, then the most such words, then
/// the most words, then the nearest: a standfirst below the headline shares
/// as many words but a smaller part of its own, an entry of a table of
/// contents fewer or as many in fewer words. Read by words first because the
/// line nearest the core is often a date, a byline or a job title. Without
/// one, the longest title-like line of the four above the core (the nearest
/// of the longest): for the same reason, as a byline and its date ("LinkNaija
/// August 08, 2018") are shaped as a title too. Taking the nearest lost dev
/// 358cc4a0's headline to the model on every training seed; the longest
/// keeps it, and left the held-out scores as they were (five seeds, mean
/// `ext` 0.8539 against 0.8540, dev real-dump 0.8942 against 0.8944).
fn headline(core_start: usize, title_words: impl Fn(usize) -> Option<TitleWords>) -> Option<usize> {
    // The lines that may be a headline, up to `reach` above the core.
    let candidates = |reach: usize| {
        (core_start.saturating_sub(reach)..core_start).filter_map(|i| Some((i, title_words(i)?)))
    };
    let by_words = candidates(HEADLINE_REACH)
        .filter(|(_, title)| title.in_core >= 2 && 2 * title.in_core >= title.content)
        .max_by_key(|(i, title)| {
            let share = title.in_core * 1024 / title.content;
            (share, title.in_core, title.words, *i)
        })
        .map(|(i, _)| i);
    by_words.or_else(|| {
        candidates(4)
            .filter(|(_, title)| title.title_like)
            .max_by_key(|(i, title)| (title.words, *i))
            .map(|(i, _)| i)
    })
}

/// A standfirst has at least this many words.
const STANDFIRST_MIN_WORDS: u32 = 8;

/// The standfirst under a headline: paragraph `below` (the one right under
/// it), when it lies above the core (`core_start`; the core's own first
/// paragraph needs no guard) and reads as a summary of the article: at least
/// [`STANDFIRST_MIN_WORDS`] words, two of its content words the core's
/// (`words_in_core` gives a paragraph's words and its content words in the
/// core, or `None` for an end-of-article marker). Kept with the headline
/// because the navigation rule, which runs again on what the model keeps,
/// tells the headline by the prose right under it: without the standfirst,
/// a subheading further down would read as the title and the headline would
/// go with the menu above it.
fn standfirst(
    below: usize,
    core_start: usize,
    words_in_core: impl Fn(usize) -> Option<(u32, usize)>,
) -> Option<usize> {
    if below >= core_start {
        return None;
    }
    let (words, in_core) = words_in_core(below)?;
    (words >= STANDFIRST_MIN_WORDS && in_core >= 2).then_some(below)
}

/// Analyses a page: every paragraph's features, plus the page layout.
/// `hash_bits` sizes the hashed table (slots are `0..1 << hash_bits`).
#[cfg(test)]
pub fn page_features(texts: &[&str], hash_bits: u32) -> (Vec<Features>, PageLayout) {
    let whole: Vec<usize> = (0..texts.len()).collect();
    MeasuredParagraphs::new(texts, []).page_features(&whole, hash_bits)
}

/// A document's paragraphs, each measured (its shape and words) once however
/// many pages of them are read: the page model's rounds read the page again
/// without what the last round removed, and a paragraph's measure does not
/// depend on the page around it.
pub struct MeasuredParagraphs<'t, 'm> {
    texts: &'t [&'t str],
    /// What the rules removed around each paragraph.
    removals: RuleRemovals,
    words: Words,
    /// The measures, in the order pages first included their paragraphs.
    /// Only the paragraphs the rules kept are ever measured (a file that
    /// repeats its articles keeps a twentieth of them), so a measure (80
    /// bytes) is not reserved for every paragraph: `measured_at` says where
    /// each paragraph's is ([`NOT_MEASURED`] until a page includes it).
    measured: Vec<Measured>,
    measured_at: Vec<usize>,
    /// Each measured paragraph's [`hashed_totals`] under `totals_model`,
    /// beside its measure, summed as it is measured: its words' hashes are
    /// not kept (they were the page model's largest part of a big file's
    /// peak), and a round reads the one of the region it finds it in.
    hashed_totals: Vec<[f32; 3]>,
    /// The model `hashed_totals` are summed under (borrowed, so the same
    /// address is the same model); none until one scores.
    totals_model: Option<&'m PageModel>,
    /// The page [`MeasuredParagraphs::page_logits`] scored last.
    last_page: Option<LastPage>,
    /// Whether a line (the second) right under a breadcrumb trail (the
    /// first) is the page's title that the trail names: the navigation
    /// rule's reading (`noise::navigation::titles_the_trail`), which the
    /// caller gives, as the rules' stage lies above the model's. None is
    /// read until it does ([`MeasuredParagraphs::with_trail_titles`]).
    trail_titles: fn(&str, &str) -> bool,
}

/// A page as [`MeasuredParagraphs::page_logits`] scored it, for the next
/// call: a page's second reading ([`crate::decide`]) starts on the page its
/// first reading ended on, and reads it otherwise only in the features of
/// the rules' removals, which come last in the logit's sum.
struct LastPage {
    /// Its paragraphs, as a set of the document's (a bit each: the page's
    /// indices themselves were 8 bytes a paragraph at the model's peak).
    /// Pages list their paragraphs in order, so a page of as many that are
    /// all in the set is the same page.
    members: Vec<u64>,
    len: usize,
    layout: PageLayout,
    /// Each paragraph's [`page_dense_logit`].
    page_parts: Vec<f32>,
}

impl LastPage {
    /// Whether `page` (indices, in order) is this page.
    fn is(&self, page: &[usize]) -> bool {
        page.len() == self.len
            && page.iter().all(|&i| {
                self.members
                    .get(i / 64)
                    .is_some_and(|m| m & (1 << (i % 64)) != 0)
            })
    }
}

impl<'t, 'm> MeasuredParagraphs<'t, 'm> {
    /// `removed_by` gives, for each of `texts`, the rule that removed it as
    /// noise (not as a copy of another paragraph), if one did: the page
    /// model reads what the rules removed around a paragraph. It is empty
    /// (nothing removed) or as long as `texts`.
    pub fn new<'r>(
        texts: &'t [&'t str],
        removed_by: impl IntoIterator<Item = Option<&'r str>>,
    ) -> Self {
        MeasuredParagraphs {
            texts,
            removals: RuleRemovals::new(texts.len(), removed_by),
            words: Words::default(),
            measured: Vec::new(),
            measured_at: vec![NOT_MEASURED; texts.len()],
            hashed_totals: Vec::new(),
            totals_model: None,
            last_page: None,
            trail_titles: |_, _| false,
        }
    }

    /// Reads the titles under breadcrumb trails with `titles_the_trail`.
    pub fn with_trail_titles(mut self, titles_the_trail: fn(&str, &str) -> bool) -> Self {
        self.trail_titles = titles_the_trail;
        self
    }

    /// Whether paragraph `line`, right under paragraph `trail`, is the
    /// page's title that the trail names.
    pub fn titles_the_trail(&self, trail: usize, line: usize) -> bool {
        (self.trail_titles)(self.texts[trail], self.texts[line])
    }

    pub fn text(&self, index: usize) -> &'t str {
        self.texts[index]
    }

    /// Paragraph `index`'s hash as a line of at most [`SHORT_LINE`] words
    /// (its words lowercased, as [`phrase_hash`] gives it), if it is one, and
    /// its word count: what tells a listing's labels and excerpts
    /// ([`super::decode`]), read from its measure rather than its text again
    /// at every look. The paragraph must be on a page measured before.
    pub fn line_and_words(&self, index: usize) -> (Option<u64>, u32) {
        let measured = &self.measured[self.measured_at[index]];
        (measured.line(), measured.shape.words)
    }

    /// What marks paragraph `index` as a forum post's first line. The
    /// paragraph must be on a page measured before.
    pub fn post_marks(&self, index: usize) -> PostMarks {
        self.measured[self.measured_at[index]].post_marks
    }

    /// [`page_features`] of the page made of the paragraphs `page` (indices,
    /// in order).
    pub fn page_features(&mut self, page: &[usize], hash_bits: u32) -> (Vec<Features>, PageLayout) {
        self.measure(page);
        let measured = measured_page(&self.measured, &self.measured_at, page);
        if measured.is_empty() {
            return (Vec::new(), EMPTY_LAYOUT);
        }
        let mut view = PageView::new(&measured, &self.words.content, hash_bits);
        (
            view.layout.over_dateline,
            view.layout.standfirst_over_dateline,
        ) = self.headline_over_dateline(page, &measured);
        // The words' hashes are read again from the text: only training
        // and explanations collect the features.
        let mut again = Words::default();
        let features = page
            .iter()
            .enumerate()
            .map(|(i, &paragraph)| {
                let words = words_again(self.texts[paragraph], &mut again);
                let mut hashed = Vec::with_capacity(measured[i].hashed_count());
                view.hashed(i, words, |slot, value| hashed.push((slot, value)));
                let removals = self
                    .removals
                    .hashed(paragraph)
                    .map(|hash| (hash & view.mask) as u32)
                    .collect();
                Features {
                    dense: self.dense(&view, i, paragraph),
                    hashed,
                    removals,
                }
            })
            .collect();
        (features, view.layout)
    }

    /// The noise logit of each paragraph of the page `page` (indices, in
    /// order) under `model`, and the page layout: what [`page_features`]
    /// and [`super::decode::logit`] give, to the bit, without building the
    /// features.
    pub fn page_logits(&mut self, page: &[usize], model: &'m PageModel) -> (Vec<f32>, PageLayout) {
        if !self
            .totals_model
            .is_some_and(|last| std::ptr::eq(last, model))
        {
            self.totals_model = Some(model);
            self.sum_hashed_again();
            self.last_page = None;
        }
        let same_page = self.last_page.take().filter(|last| last.is(page));
        if same_page.is_none() {
            self.measure(page);
        }
        let measured = measured_page(&self.measured, &self.measured_at, page);
        if measured.is_empty() {
            return (Vec::new(), EMPTY_LAYOUT);
        }
        let (mut layout, page_parts) = match same_page {
            Some(last) => (last.layout, last.page_parts),
            None => {
                let view = PageView::new(&measured, &self.words.content, model.hash_bits);
                let parts = (0..page.len())
                    .map(|i| page_dense_logit(model, &view.dense(i)))
                    .collect();
                (view.layout, parts)
            }
        };
        (layout.over_dateline, layout.standfirst_over_dateline) =
            self.headline_over_dateline(page, &measured);
        let step = model.hashed.masked_steps((1u64 << model.hash_bits) - 1);
        let logits = page
            .iter()
            .zip(&page_parts)
            .enumerate()
            .map(|(i, (&paragraph, &page_part))| {
                let at = self.measured_at[paragraph];
                let feature_steps = self.hashed_totals[at][usize::from(region_of(&layout, i) - 1)];
                let removal_steps: i64 = self.removals.hashed(paragraph).map(&step).sum();
                let value = hashed_value(&self.measured[at]);
                let removals = self.removals.dense(paragraph);
                with_removal_features(model, page_part, removals)
                    + model.hashed.total(feature_steps, value, removal_steps)
            })
            .collect();
        let mut members = vec![0u64; self.texts.len().div_ceil(64)];
        for &i in page {
            members[i / 64] |= 1 << (i % 64);
        }
        self.last_page = Some(LastPage {
            members,
            len: page.len(),
            layout,
            page_parts,
        });
        (logits, layout)
    }

    /// The dense features of the page's paragraph `i`, paragraph `paragraph`
    /// of the document: the page's, and the rules' removals around it.
    fn dense(&self, view: &PageView<'_>, i: usize, paragraph: usize) -> [f32; DENSE] {
        let mut dense = view.dense(i);
        dense[REMOVAL_FEATURES].copy_from_slice(&self.removals.dense(paragraph));
        dense
    }

    /// The headline that a byline or a dateline under it marks: of the page
    /// `page` (`measured`, its measures), the one line shaped as a
    /// headline ([`headline_shaped`]) that tops a
    /// run of at most [`DATELINE_RUN`] kept paragraphs right above a line the
    /// rules removed as a byline or a timestamp
    /// ([`crate::rules::DATELINE_RULES`]). News and
    /// blog pages set the byline right under the headline and its
    /// standfirst; the rules keep that line however menu-like the lines
    /// around it are, and the model, which reads a line over a byline as a
    /// teaser (teasers sit over their dates too), must not take it. With
    /// several such lines (a list of teasers each over a date) it is none.
    /// Only while the removals are read: the next run of the clean copy no
    /// longer sees the byline, and the page's second reading
    /// ([`crate::decide`]) decides the line as that run will.
    ///
    /// With the headline comes the statement right under it when it too
    /// lies above the dateline: a sentence of [`STANDFIRST_MIN_WORDS`] words
    /// or more that tells no date (a second dateline, "Posted: Saturday,
    /// August 17, 2013 6:00 am | Updated: 9:28 am.", is none). A notice's or
    /// a brief's one sentence sits there, and the model, which finds the
    /// page's core in longer prose below (a refunds paragraph under a
    /// ferry's cancellation), read it as the header's (`benches/modern17`
    /// 14).
    fn headline_over_dateline(
        &self,
        page: &[usize],
        measured: &[&Measured],
    ) -> (Option<usize>, Option<usize>) {
        let mut found = None;
        for (at, &paragraph) in page.iter().enumerate() {
            if !self.removals.dateline(paragraph + 1) {
                continue;
            }
            // The run above the dateline: page paragraphs with nothing
            // removed between them, at most DATELINE_RUN of them.
            let mut top = at;
            while top > 0 && at - top + 1 < DATELINE_RUN && page[top - 1] + 1 == page[top] {
                top -= 1;
            }
            // A headline is one line: a menu scraped as one block of short
            // lines ("Skip to content", "News", "Sport" ...) reads as a
            // few capitalised words too, and tops the run on a page whose
            // headline has no blank line above it.
            let one_line_headline = |at: usize| {
                headline_shaped(&measured[at].shape) && !self.texts[page[at]].contains('\n')
            };
            // A dated line over the headline ("Saturday Sport - 14 November
            // 1998") is shaped as one too: the first line without a date or
            // a time is the headline, if there is one (`benches/modern14` 09).
            let mut headlines = (top..=at).filter(|&at| one_line_headline(at));
            let first = headlines.clone().next();
            let undated = headlines.find(|&at| !measured[at].shape.date_time);
            if let Some(headline) = undated.or(first)
                && found.replace((headline, at)).is_some()
            {
                return (None, None);
            }
        }
        let Some((headline, dateline_above)) = found else {
            return (None, None);
        };
        let standfirst = Some(headline + 1)
            .filter(|&below| below <= dateline_above)
            .filter(|&below| {
                let shape = &measured[below].shape;
                shape.ends_sentence && shape.words >= STANDFIRST_MIN_WORDS && !shape.date_time
            });
        (Some(headline), standfirst)
    }

    /// The title of the page's first content run: when the decoding
    /// (`states`, 1 for noise, one per paragraph of `page`) reads the page's
    /// top as noise and the content it then reads does not open with a line
    /// shaped as a title ([`title_shaped`]; a question of a sentence or two
    /// as long as prose, as a forum post may open, is not one), the line over that
    /// content that [`MeasuredParagraphs::title_above`] finds. A forum
    /// thread's or a question's title sits over the post, with its vote
    /// count, dates and view count between, and the page's header run
    /// carries it off; it lies too far from the core (the longest answer,
    /// often) for [`headline`]. An index into `page`. It stays the title on
    /// the pages of later rounds and of the next run: what lay above it is
    /// gone, the run below is the same.
    pub fn run_title(&self, page: &[usize], states: &[u8]) -> Option<usize> {
        let measured = measured_page(&self.measured, &self.measured_at, page);
        let start = states
            .iter()
            .position(|&state| state == 0)
            .filter(|&start| {
                let opening = measured[start];
                start > 0
                    && (opening.shape.prose()
                        || !title_shaped(opening, self.texts[page[start]], HEADLINE_WORDS))
            })?;
        let end = (start..states.len())
            .take_while(|&at| states[at] == 0)
            .last()
            .unwrap_or(start);
        self.title_above(page, &measured, start..=end, RUN_TITLE_WORDS)
    }

    /// The page's first line when it is the title of what the decoding
    /// (`states`, as for [`MeasuredParagraphs::run_title`]) reads as
    /// content: shaped as a title ([`title_shaped`]), with at least two
    /// content words, and at least half of them, found in the first
    /// [`RUN_TITLE_VOCABULARY`] content paragraphs below it. The rules take
    /// the menu, the date and the byline around a page's title, so it is
    /// often the first line they leave; a product's name over its price and
    /// its options, or a live page's title over its updates, lies far from
    /// the prose the model reads as the core, and the model learnt from
    /// gold texts that leave headlines out (`real-dump`).
    pub fn opening_title(&self, page: &[usize], states: &[u8]) -> Option<usize> {
        let measured = measured_page(&self.measured, &self.measured_at, page);
        let opening = measured.first()?;
        if !title_shaped(opening, self.texts[page[0]], HEADLINE_WORDS) {
            return None;
        }
        let content = opening.content(&self.words.content);
        if content.len() < 2 {
            return None;
        }
        // Which of the title's few words the content has, read until all
        // are found: this runs at every decoding of a page.
        let mut found = vec![false; content.len()];
        for at in (1..page.len())
            .filter(|&at| states[at] == 0)
            .take(RUN_TITLE_VOCABULARY)
        {
            for word in measured[at].content(&self.words.content) {
                for (found, title_word) in found.iter_mut().zip(content) {
                    *found |= title_word == word;
                }
            }
            if found.iter().all(|&found| found) {
                break;
            }
        }
        let shared = found.iter().filter(|&&found| found).count();
        (shared >= 2 && 2 * shared >= content.len()).then_some(0)
    }

    /// The title of a list that starts at `first` (an index into `page`, as
    /// [`super::decode`] finds a list of figures): the line right above it,
    /// shaped as a title of [`RUN_TITLE_WORDS`] words or more, with no date
    /// and no price in it (a list's first row, cut off). Read on the page of
    /// each round and of the next run alike, where the title still sits
    /// right over its list.
    pub fn list_title(&self, page: &[usize], first: usize) -> Option<usize> {
        let above = first.checked_sub(1)?;
        let measured = measured_page(&self.measured, &self.measured_at, page);
        (title_shaped(measured[above], self.texts[page[above]], RUN_TITLE_WORDS)
            && !measured[above].shape.tells_a_figure())
        .then_some(above)
    }

    /// The title of a forum thread whose posts are `posts` (indices into
    /// `page`, as [`super::decode`] finds a thread's sections): the line
    /// shaped as a headline above its first post whose content words are
    /// the posts', chosen as [`MeasuredParagraphs::run_title`] chooses. The
    /// posts' own text stays however the page is decoded, and the thread is
    /// often decoded as one noise run from the page's header down (the
    /// posts read like comments), so the title that [`run_title`] would
    /// find over the first content run lies inside that run: a thread's
    /// title stays with its posts.
    ///
    /// [`run_title`]: MeasuredParagraphs::run_title
    pub fn thread_title(&self, page: &[usize], posts: RangeInclusive<usize>) -> Option<usize> {
        if *posts.start() == 0 {
            return None;
        }
        let measured = measured_page(&self.measured, &self.measured_at, page);
        self.title_above(page, &measured, posts, HEADLINE_WORDS)
    }

    /// The title over the content `run` (indices into `page`, whose
    /// paragraphs are `measured`): the line shaped as a headline among the
    /// [`RUN_TITLE_REACH`] paragraphs right above it
    /// ([`RUN_TITLE_REACH_OVER_PROSE`] when its first line with a letter,
    /// past a post's number or a vote count, is prose) whose content words
    /// are the run's (of its first [`RUN_TITLE_VOCABULARY`] paragraphs): at
    /// least two, and at least half of them. Of several, one within the
    /// short reach first (farther up lie the site's own lines), then the
    /// one sharing the largest part of its words, the most words, the
    /// longest, the lowest.
    fn title_above(
        &self,
        page: &[usize],
        measured: &[&Measured],
        run: RangeInclusive<usize>,
        fewest_words: u32,
    ) -> Option<usize> {
        let start = *run.start();
        let end = (*run.end()).min(start + RUN_TITLE_VOCABULARY);
        // A post's number or a vote count ("#1", "427") tops many a post:
        // the run's prose starts at its first line that has a letter.
        let opens_with_prose = (start..=end)
            .find(|&at| self.texts[page[at]].chars().any(char::is_alphabetic))
            .is_some_and(|opening| measured[opening].shape.prose());
        let vocabulary: FxHashSet<u32> = (start..=end)
            .flat_map(|at| measured[at].content(&self.words.content))
            .copied()
            .collect();
        let reach = if opens_with_prose {
            RUN_TITLE_REACH_OVER_PROSE
        } else {
            RUN_TITLE_REACH
        };
        (start.saturating_sub(reach)..start)
            .filter_map(|at| {
                let paragraph = measured[at];
                let long = paragraph.shape.words >= HEADLINE_WORDS;
                if !title_shaped(paragraph, self.texts[page[at]], fewest_words)
                    || !(long || (at > 0 && !paragraph.shape.tells_a_figure()))
                {
                    return None;
                }
                let content = paragraph.content(&self.words.content);
                let shared = content.iter().filter(|w| vocabulary.contains(w)).count();
                (shared >= 2 && 2 * shared >= content.len()).then(|| {
                    let share = shared * 1024 / content.len();
                    // A headline's length comes first (`long`): a shorter
                    // line is the title only where no headline shares the
                    // run's words. Then a line within the short reach:
                    // farther up lie the site's own lines, which may share
                    // more.
                    let near = start - at <= RUN_TITLE_REACH;
                    (at, (long, near, share, shared, paragraph.shape.words, at))
                })
            })
            .max_by_key(|&(_, key)| key)
            .map(|(at, _)| at)
    }

    /// Whether the pages read from now on see what the rules removed around
    /// their paragraphs (at first they do). The next run of a clean copy
    /// does not: those paragraphs are gone from it, and the page model
    /// reads its page again as that run will ([`crate::decide`]).
    pub fn read_removals(&mut self, read: bool) {
        self.removals.read(read);
    }

    /// Forgets the page [`MeasuredParagraphs::page_logits`] scored last,
    /// once it has changed: only a page read again as it was reuses it.
    pub fn forget_scored_page(&mut self) {
        self.last_page = None;
    }

    /// Whether the rules removed any paragraph as noise.
    pub fn rules_removed_any(&self) -> bool {
        self.removals.any()
    }

    /// [`RuleRemovals::named`] for paragraph `i`, as slots.
    pub fn removal_names(
        &self,
        i: usize,
        rules: &[Option<&str>],
        hash_bits: u32,
    ) -> Vec<(u32, String)> {
        let mask = (1u64 << hash_bits) - 1;
        self.removals
            .named(i, rules)
            .into_iter()
            .map(|(hash, name)| ((hash & mask) as u32, name))
            .collect()
    }

    /// Measures the paragraphs of `page` that no page had before, and sums
    /// their hashed features under the model scoring, if one is.
    fn measure(&mut self, page: &[usize]) {
        let before = self.measured.len();
        for &i in page {
            if self.measured_at[i] == NOT_MEASURED {
                self.measured_at[i] = self.measured.len();
                self.words.all.clear();
                let measured = measure(self.texts[i], &mut self.words);
                let totals = self.totals_model.map_or([0.0; 3], |model| {
                    hashed_totals(model, &measured, &self.words.all)
                });
                self.measured.push(measured);
                self.hashed_totals.push(totals);
            }
        }
        if self.measured.len() > before {
            // Later rounds read pages of these paragraphs only, so nothing
            // grows again: the buffers' spare room (up to half of them, as
            // they double) would only raise the peak of what follows.
            self.measured.shrink_to_fit();
            self.hashed_totals.shrink_to_fit();
            self.words.content.shrink_to_fit();
            self.words.all = Vec::new();
        }
    }

    /// Sums every measured paragraph's hashed features again, under a new
    /// model, from its text.
    fn sum_hashed_again(&mut self) {
        let Some(model) = self.totals_model else {
            return;
        };
        let mut again = Words::default();
        for (paragraph, &at) in self.measured_at.iter().enumerate() {
            if at != NOT_MEASURED {
                let words = words_again(self.texts[paragraph], &mut again);
                self.hashed_totals[at] = hashed_totals(model, &self.measured[at], words);
            }
        }
    }
}

/// The hashes of every word of `text`, in order, read again into `again`
/// (whose words it replaces).
fn words_again<'w>(text: &str, again: &'w mut Words) -> &'w [u64] {
    again.all.clear();
    again.content.clear();
    measure(text, again);
    &again.all
}

/// The measures (`measured`, found by `measured_at`) of the paragraphs of
/// `page`, all measured.
fn measured_page<'m>(
    measured: &'m [Measured],
    measured_at: &[usize],
    page: &[usize],
) -> Vec<&'m Measured> {
    page.iter().map(|&i| &measured[measured_at[i]]).collect()
}

/// Where [`MeasuredParagraphs`] marks a paragraph no page has included yet.
const NOT_MEASURED: usize = usize::MAX;

/// The layout of a page without paragraphs.
const EMPTY_LAYOUT: PageLayout = PageLayout {
    core: (0, 0),
    headline: None,
    standfirst: None,
    anchor: 0,
    over_dateline: None,
    standfirst_over_dateline: None,
};

/// How many kept paragraphs above a byline or a dateline may hold its
/// headline ([`MeasuredParagraphs::headline_over_dateline`]): the headline,
/// its standfirst, and a tag or a subtitle, or a byline scraped as two lines
/// ("By", then the name, which the catalogue does not take apart from the
/// date under them: dev `7ab16ade` lost its headline with three).
const DATELINE_RUN: usize = 4;

/// The fewest words of a headline over a byline or a dateline, or over
/// the first content run, as the navigation rule reads it: a section name
/// or a product over a date is shorter.
const HEADLINE_WORDS: u32 = 4;

/// A line shaped as a headline ([`Shape::may_be_headline`]) of
/// [`HEADLINE_WORDS`] words or more.
fn headline_shaped(shape: &Shape) -> bool {
    shape.may_be_headline() && shape.words >= HEADLINE_WORDS
}

/// A line that may be the title of a content run or a thread
/// ([`MeasuredParagraphs::title_above`]; `text` is its text): shaped as a
/// headline of `fewest_words` words or more, no end-of-article marker
/// ("Related Articles"), and no full stop at its end, which a short
/// sentence has ("I'm just starting a catering service for my cooking.", a
/// post's opening; "Save time with automated lien waiver collection.", a
/// pitch) and a title has not.
fn title_shaped(paragraph: &Measured, text: &str, fewest_words: u32) -> bool {
    paragraph.shape.may_be_headline()
        && paragraph.shape.words >= fewest_words
        && !paragraph.shape.end_marker
        && !crate::text::ends_with_full_stop(text.trim_end())
}

/// The fewest words of a content run's title ([`MeasuredParagraphs::run_title`]):
/// a recipe's, a job's or a service's name is often three ("Smoked Rosemary
/// Paloma" over its rating, then "Ingredients", `benches/modern17` 12). A
/// line shorter than [`HEADLINE_WORDS`] is the title only where no headline
/// shares the run's words, never as the page's first line (the site's name,
/// whose words its pages repeat) and never with a date or a price in it
/// (a poster's "Joined: Aug 2022").
const RUN_TITLE_WORDS: u32 = 3;

/// How many noise paragraphs above a content run may hold its title
/// ([`MeasuredParagraphs::run_title`]): a question's vote count, its
/// dates and its view count lie between.
const RUN_TITLE_REACH: usize = 6;

/// [`RUN_TITLE_REACH`] when the content run opens with prose: a forum
/// thread's title sits over its starter, its start date, the pages of the
/// thread, the poster's name, tagline, join date and counts, and the post's
/// number, a dozen lines in all. Only over prose: over a run that opens with
/// a short line (a shop's category, a footer's link) the lines that far up
/// are the site's menu and teasers, whose words the run shares.
const RUN_TITLE_REACH_OVER_PROSE: usize = 16;

/// How many paragraphs of a content run, after its first, give the words
/// its title must share ([`MeasuredParagraphs::run_title`]).
const RUN_TITLE_VOCABULARY: usize = 40;

/// The most distinct core words [`PageView::new`] makes room for at once.
const CORE_VOCAB_RESERVED: usize = 4096;

/// A page as the features see it: its layout, and what each paragraph's
/// features are computed from. Training collects the features
/// ([`MeasuredParagraphs::page_features`]); scoring reads them straight into the logit
/// ([`MeasuredParagraphs::page_logits`]), with no vector per paragraph.
struct PageView<'p> {
    paragraphs: &'p [&'p Measured],
    /// [`Words::content`].
    content: &'p [u32],
    /// Each paragraph's word count, as a feature (log, capped).
    logs: Vec<f32>,
    /// The share of the page's words that lie before each paragraph: where
    /// it is in what a reader reads. A long menu of one-word lines above an
    /// article moves the share of paragraphs before it (`position`) far
    /// more than this.
    words_before: Vec<f32>,
    layout: PageLayout,
    /// The core's vocabulary, so a paragraph is compared with the rest of
    /// the core: each word's first core paragraph, and whether another one
    /// has it.
    core_vocab: CoreVocabulary,
    title_index: usize,
    title_vocab: FxHashSet<u32>,
    /// A bit for each of the title's words ([`word_bit`]): most words of a
    /// page are not the title's, and this lets them go without a lookup.
    title_bits: u64,
    first_marker: Option<usize>,
    page_words: f32,
    page_paragraphs: f32,
    core_share: f32,
    mask: u64,
}

impl<'p> PageView<'p> {
    /// `paragraphs` must not be empty.
    fn new(paragraphs: &'p [&'p Measured], content: &'p [u32], hash_bits: u32) -> Self {
        let n = paragraphs.len();
        // Read in place: a copy of every shape per round was a tenth of a
        // page dump's peak.
        let shapes = |i: usize| &paragraphs[i].shape;
        let content_of = |i: usize| paragraphs[i].content(content).iter();
        let (core_start, core_end) = core(paragraphs.iter().map(|p| &p.shape));
        let anchor = (core_start..=core_end)
            .max_by_key(|&i| {
                (
                    shapes(i).prose(),
                    shapes(i).words.min(ANCHOR_WORDS),
                    std::cmp::Reverse(i),
                )
            })
            .unwrap_or(core_start);
        // Reserved for a page's worth of words at most: the core of a big
        // file can hold millions of words but few distinct ones, and a map
        // sized for every word took 52 MB for a 29 MB file of articles.
        let core_words: usize = (core_start..=core_end)
            .map(|i| paragraphs[i].content_words as usize)
            .sum();
        let mut core_vocab = CoreVocabulary::with_capacity(core_words.min(CORE_VOCAB_RESERVED));
        for i in core_start..=core_end {
            for &hash in content_of(i) {
                core_vocab.insert(hash, i);
            }
        }
        let in_core = |i: usize| content_of(i).filter(|&&w| core_vocab.contains(w)).count();
        let headline = headline(core_start, |i| {
            let shape = shapes(i);
            (shape.may_be_headline() && !shape.end_marker).then(|| TitleWords {
                in_core: in_core(i),
                content: paragraphs[i].content_words as usize,
                words: shape.words,
                title_like: shape.title_like(),
            })
        });
        let standfirst = headline.and_then(|headline| {
            standfirst(headline + 1, core_start, |i| {
                let shape = shapes(i);
                (!shape.end_marker).then(|| (shape.words, in_core(i)))
            })
        });
        let title_index = headline.unwrap_or(0);
        let title_vocab: FxHashSet<u32> = content_of(title_index).copied().collect();
        let title_bits = title_vocab
            .iter()
            .fold(0, |bits, &hash| bits | word_bit(hash));
        let first_marker = (core_start..n).find(|&i| shapes(i).end_marker && i > core_start);
        let page_words: usize = paragraphs.iter().map(|p| p.shape.words as usize).sum();
        let logs = paragraphs
            .iter()
            .map(|p| (ln_1p(p.shape.words as usize) / 4.0).min(1.5))
            .collect();
        let mut read = 0usize;
        let words_before = paragraphs
            .iter()
            .map(|p| {
                let before = read as f32 / page_words.max(1) as f32;
                read += p.shape.words as usize;
                before
            })
            .collect();
        PageView {
            paragraphs,
            content,
            logs,
            words_before,
            layout: PageLayout {
                core: (core_start, core_end),
                headline,
                standfirst,
                anchor,
                over_dateline: None,
                standfirst_over_dateline: None,
            },
            core_vocab,
            title_index,
            title_vocab,
            title_bits,
            first_marker,
            page_words: ln_1p(page_words) / 8.0,
            page_paragraphs: ln_1p(n) / 5.0,
            core_share: (core_end - core_start + 1) as f32 / n as f32,
            mask: (1u64 << hash_bits) - 1,
        }
    }

    /// Paragraph `i`'s dense features, in the order of [`DENSE_NAMES`], but
    /// for [`REMOVAL_FEATURES`] (0 here), which are the document's
    /// ([`RuleRemovals::dense`]).
    fn dense(&self, i: usize) -> [f32; DENSE] {
        let (logs, n) = (&self.logs, self.paragraphs.len());
        let shapes = |i: usize| &self.paragraphs[i].shape;
        let (core_start, core_end) = self.layout.core;
        let s = shapes(i);
        let mut d = [0.0f32; DENSE];
        let word_count = s.words.max(1) as f32;
        d[0] = logs[i];
        d[1] = f32::from(s.words <= 2);
        d[2] = f32::from(s.words <= 5);
        d[3] = f32::from(s.words >= 20);
        d[4] = f32::from(s.ends_sentence);
        d[5] = f32::from(s.ends_colon);
        d[6] = s.capitalized as f32 / word_count;
        d[7] = (s.digits as f32 / s.chars.max(1) as f32 * 5.0).min(1.0);
        d[8] = f32::from(s.price);
        d[9] = f32::from(s.date_time);
        d[10] = f32::from(s.url);
        d[11] = f32::from(s.handle);
        d[12] = f32::from(s.email);
        d[13] = s.function_words as f32 / word_count;
        d[14] = ln_1p(s.sentences as usize) / 2.0;
        d[15] = f32::from(s.separators > 0);
        d[16] = (s.letters_in_words as f32 / word_count / 10.0).min(2.0);
        if i > 0 {
            d[17] = logs[i - 1];
            d[19] = f32::from(shapes(i - 1).ends_sentence);
            d[39] = f32::from(shapes(i - 1).end_marker);
        }
        if i + 1 < n {
            d[18] = logs[i + 1];
            d[20] = f32::from(shapes(i + 1).ends_sentence);
        }
        let window = i.saturating_sub(3)..(i + 4).min(n);
        let width = window.len() as f32;
        d[21] = self.paragraphs[window.clone()]
            .iter()
            .filter(|p| p.shape.ends_sentence)
            .count() as f32
            / width;
        d[22] = logs[window].iter().sum::<f32>() / width;
        d[23] = f32::from(i == 0);
        d[24] = f32::from(i + 1 == n);
        d[25] = i as f32 / n as f32;
        let in_core = (core_start..=core_end).contains(&i);
        d[26] = f32::from(in_core);
        d[27] = f32::from(i < core_start);
        d[28] = f32::from(i > core_end);
        let distance = if i < core_start {
            core_start - i
        } else {
            i.saturating_sub(core_end)
        };
        d[29] = ln_1p(distance) / 3.0;
        let paragraph = self.paragraphs[i];
        let (mut in_core_vocab, mut in_title) = (0usize, 0usize);
        for hash in paragraph.content(self.content) {
            if self.core_vocab.held_beyond(*hash, i) {
                in_core_vocab += 1;
            }
            if self.title_bits & word_bit(*hash) != 0
                && i != self.title_index
                && self.title_vocab.contains(hash)
            {
                in_title += 1;
            }
        }
        let content = paragraph.content_words.max(1) as f32;
        d[30] = in_core_vocab as f32 / content;
        d[31] = in_title as f32 / content;
        d[32] = f32::from(self.first_marker.is_some_and(|m| i > m));
        d[33] = f32::from(s.end_marker);
        d[34] = f32::from(s.title_like());
        d[35] = f32::from(self.layout.headline == Some(i));
        d[36] = self.core_share;
        d[37] = self.page_paragraphs;
        d[38] = f32::from(s.prose());
        d[40] = d[28] * d[29];
        d[41] = d[32] * (1.0 - d[30]);
        d[42] = self.page_words;
        d[43] = f32::from(s.starts_quote);
        d[44] = s.all_caps as f32 / word_count;
        d[45] = f32::from(s.list_marker);
        d[46] = self.words_before[i];
        d
    }

    /// Where paragraph `i` is: 1 in the core, 2 before it, 3 after it.
    fn region(&self, i: usize) -> u8 {
        region_of(&self.layout, i)
    }

    /// Paragraph `i`'s hashed features ([`hashed_features`]), in order, as
    /// (slot, value). `words` are its words' hashes.
    fn hashed(&self, i: usize, words: &[u64], mut slot: impl FnMut(u32, f32)) {
        let region = self.region(i);
        let value = hashed_value(self.paragraphs[i]);
        let mut slot = |hash: u64| slot((hash & self.mask) as u32, value);
        hashed_features(words, self.paragraphs[i].line(), |feature| match feature {
            Hashed::Anywhere(hash) => slot(hash),
            Hashed::InRegion(word) => slot(in_region(word, region)),
        });
    }
}

/// `ln(1 + n)` as `f32::ln_1p` gives it, from a table for the small counts
/// the dense features take it of (words, sentences, distances, for every
/// paragraph of every round): the library call was 1% of the model's cost.
fn ln_1p(n: usize) -> f32 {
    static TABLE: OnceLock<[f32; LN_1P_TABLE]> = OnceLock::new();
    let table = TABLE.get_or_init(|| std::array::from_fn(|n| (n as f32).ln_1p()));
    match table.get(n) {
        Some(&ln) => ln,
        None => (n as f32).ln_1p(),
    }
}

/// The counts [`ln_1p`] keeps in its table.
const LN_1P_TABLE: usize = 1024;

/// One of 64 bits for a content word's hash (its low six bits).
fn word_bit(hash: u32) -> u64 {
    1 << (hash % 64)
}

/// Where paragraph `i` of a page is, as its hashed word features read it:
/// 1 in the core, 2 before it, 3 after it.
fn region_of(layout: &PageLayout, i: usize) -> u8 {
    let (core_start, core_end) = layout.core;
    if (core_start..=core_end).contains(&i) {
        1
    } else if i < core_start {
        2
    } else {
        3
    }
}

/// What a hashed slot stands for, for explanations: a paragraph's hashed
/// features ([`hashed_features`]) as slots, each with its name.
pub fn hashed_names(
    text: &str,
    layout: &PageLayout,
    index: usize,
    hash_bits: u32,
) -> Vec<(u32, String)> {
    let mask = (1u64 << hash_bits) - 1;
    let region = region_of(layout, index);
    let region_name = ["", "core", "before-core", "after-core"][usize::from(region)];
    let hashes: Vec<u64> = words(text).map(|word| word_hash(word).0).collect();
    let lower: Vec<String> = words(text).map(str::to_lowercase).collect();
    // The names in the order `hashed_features` gives the features.
    let mut names = Vec::new();
    for (i, word) in lower.iter().enumerate() {
        names.push(format!("word \"{word}\""));
        names.push(format!("word \"{word}\" {region_name}"));
        names.push(match i.checked_sub(1) {
            Some(before) => format!("words \"{} {word}\"", lower[before]),
            None => format!("first word \"{word}\""),
        });
    }
    if let Some(last) = lower.last() {
        names.push(format!("last word \"{last}\""));
    }
    let line = (hashes.len() <= SHORT_LINE).then(|| phrase_hash(text));
    if line.is_some() {
        names.push(format!("line \"{}\"", text.trim().to_lowercase()));
    }
    if let [first, second, ..] = lower.as_slice() {
        names.push(format!("opening \"{first} {second}\""));
    }
    let mut slots = Vec::with_capacity(names.len());
    hashed_features(&hashes, line, |feature| {
        let hash = match feature {
            Hashed::Anywhere(hash) => hash,
            Hashed::InRegion(word) => in_region(word, region),
        };
        slots.push((hash & mask) as u32);
    });
    slots.into_iter().zip(names).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_reads_prices_dates_handles_and_markers() {
        let s = shape("Subscribe for $4.99 a month, cancel any time.");
        assert!(s.price && s.ends_sentence && !s.date_time);

        let s = shape("Published 10:14 BST, 20 April 2018");
        assert!(s.date_time && !s.ends_sentence);
        let s = shape("Follow @jane on Twitter or write to jane@example.com");
        assert!(s.handle && s.email);
        assert!(shape("Leave a Reply").end_marker);
        assert!(shape("Related Articles").end_marker);
        assert!(!shape("Related articles were found in the archive of the paper.").end_marker);
        assert!(shape("Visit https://example.com/page").url);
        let s = shape("The minister said it was a mistake and that he would resign.");
        assert_eq!(s.words, 12);
        assert!(s.function_words >= 5);
    }

    #[test]
    fn core_is_the_densest_run_of_prose() {
        let prose =
            "The council met on Tuesday and voted to close the old library in the town centre.";
        let texts = [
            "Home",
            "News",
            "Sport",
            "Council votes to close library",
            prose,
            prose,
            "Pictured: the library",
            prose,
            "Comments",
            "Great article!",
            "Share",
        ];
        let (features, layout) = page_features(&texts, 12);
        assert_eq!(layout.core, (4, 7));
        assert_eq!(layout.headline, Some(3));
        assert_eq!(features.len(), texts.len());
        assert_eq!(features[9].dense[32], 1.0, "after the end marker");
        assert_eq!(features[8].dense[33], 1.0, "the end marker");
        assert_eq!(features[5].dense[26], 1.0, "in the core");
        assert!(features[3].dense[31] == 0.0 && features[4].dense[31] > 0.0);
        assert!(features[4].hashed.iter().all(|&(slot, _)| slot < 1 << 12));
    }

    /// The core of a page dump can run on past the article into a long
    /// reader comment (dev `4219d096`: a recipe's 96-word paragraphs, its
    /// ingredients, the author's bio, then a comment of 167 words): three
    /// short lines cost less than the comment adds. The anchor, the one
    /// paragraph the model never takes, is the core's first paragraph of
    /// [`ANCHOR_WORDS`] or more, not its longest: the longest was the comment,
    /// which the model then had to keep with its run.
    #[test]
    fn the_anchor_is_the_cores_first_long_paragraph_not_a_longer_comment() {
        let sentence =
            "The council met again on Tuesday to weigh the plan for the old library building. ";
        let article = sentence.repeat(6);
        let comment =
            "I read this and I think the council has it wrong, as usual, and nobody asked us. "
                .repeat(10);
        assert!(
            shape(&article).words >= ANCHOR_WORDS && shape(&comment).words > shape(&article).words
        );
        let texts = [
            "Library plan goes back to the council",
            &article,
            &article,
            "About the author",
            "Share",
            "2 comments",
            &comment,
        ];
        let (_, layout) = page_features(&texts, 12);
        assert_eq!(layout.core, (1, 6), "the core runs on into the comment");
        assert_eq!(layout.anchor, 1);
    }

    /// Where a paragraph is by words: a menu of forty one-word lines above
    /// an article of two long paragraphs puts the article's first paragraph
    /// at 40 of 42 paragraphs (0.95 of the way down) but at 40 of 115 words
    /// (0.35): most of what the page says lies below it.
    #[test]
    fn position_by_words_counts_the_words_before_a_paragraph() {
        let prose = "The council voted on Tuesday to keep the library open on Sundays through the winter, after a petition that more than two thousand residents signed.";
        assert_eq!(shape(prose).words, 25);
        let second = format!("{prose} {prose}");
        let mut texts = vec!["Menu"; 40];
        texts.push(prose);
        texts.push(&second);
        let (features, _) = page_features(&texts, 12);
        let at = DENSE_NAMES
            .iter()
            .position(|&name| name == "position-by-words")
            .expect("a dense feature");
        let position = |i: usize| features[i].dense[at];
        assert_eq!(position(0), 0.0);
        assert_eq!(position(1), 1.0 / 115.0);
        assert_eq!(position(40), 40.0 / 115.0);
        assert_eq!(position(41), 65.0 / 115.0);
        assert_eq!(features[40].dense[25], 40.0 / 42.0, "by paragraphs");
    }

    /// The top of a real article page as the rules leave it (timeout.com,
    /// from bench-dev's `ext` set, its prose cut to three paragraphs): a
    /// byline and a job title lie between the headline and the article.
    /// The line nearest the article that is shaped as a title is the job
    /// title; the headline is the line whose words are the article's.
    #[test]
    fn the_headline_is_the_title_of_the_core_not_the_line_nearest_it() {
        let texts = [
            "Tickets",
            "Newsletter",
            "The best certificate programs and certifications in NYC",
            "From Microsoft to Adobe and AutoCAD, this is how to get ahead in the modern-day workplace",
            "Written by Camila Karalyte",
            "Junior Affiliate Content Writer",
            "Advertising",
            "Whether you\u{2019}re looking to enter a new field, boost your career, or explore new skills, a certificate program is a great way to tackle new information and demonstrate your expertise. A broad selection of certificate programs and IT certifications offer something for everyone.",
            "Microsoft offers certificate programs in its Office applications, from Excel to PowerPoint, and employers across the city ask for its certifications.",
            "Adobe certifications cover Photoshop, Illustrator and InDesign, and the programs run for six to twelve weeks at schools in Manhattan and Brooklyn.",
        ];
        let (_, layout) = page_features(&texts, 12);
        assert_eq!(layout.core.0, 7);
        assert_eq!(layout.headline, Some(2), "not the job title (5)");
        assert_eq!(layout.standfirst, Some(3));
        // A model that reads every paragraph as noise removes all but them
        // and the core's anchor paragraph.
        let all_noise = PageModel {
            bias: 10.0,
            ..PageModel::untrained(10)
        };
        let whole: Vec<usize> = (0..texts.len()).collect();
        let verdicts = crate::page_model::decode::decode(
            &all_noise,
            &mut MeasuredParagraphs::new(&texts, []),
            &whole,
        );
        let kept: Vec<usize> = (0..texts.len()).filter(|&i| !verdicts[i].remove).collect();
        assert_eq!(kept, [2, 3, layout.anchor]);
    }

    /// A service notice (written for the test, as `benches/modern17` 14
    /// reads): a headline and its one sentence over the update time, then
    /// longer prose about refunds, which the model takes for the page's
    /// core. The sentence stays with the headline, however the model reads
    /// it; a second dateline there is no statement.
    #[test]
    fn a_notices_sentence_over_its_dateline_stays_with_the_headline() {
        let mut texts = [
            "Timetables",
            "Service status",
            "Harbour line suspended: Eastgate to Saltmarsh",
            "No trains will run between Eastgate and Saltmarsh today because the sea wall is being repaired.",
            "Last updated 06:10, Monday 3 March 2025",
            "Other lines",
            "Good service",
            "Refunds and changes",
            "If your journey is cancelled you can travel on the next available service or claim a full refund through the website within twenty-eight days.",
        ];
        let rules = [
            (0, "navigation"),
            (1, "navigation"),
            (4, "boilerplate/timestamp"),
        ];
        let removed_by = || {
            let mut by = vec![None; 9];
            for &(i, rule) in &rules {
                by[i] = Some(rule);
            }
            by
        };
        let page = [2, 3, 5, 6, 7, 8];
        let all_noise = PageModel {
            bias: 10.0,
            ..PageModel::untrained(12)
        };
        let kept = |texts: &[&str]| -> Vec<usize> {
            let mut paragraphs = MeasuredParagraphs::new(texts, removed_by());
            let layout = paragraphs.page_features(&page, 12).1;
            assert_eq!(layout.over_dateline, Some(0));
            let verdicts = crate::page_model::decode::decode(&all_noise, &mut paragraphs, &page);
            (0..page.len())
                .filter(|&at| !verdicts[at].remove)
                .map(|at| page[at])
                .collect()
        };
        assert_eq!(kept(&texts), [2, 3, 7, 8]);
        texts[3] = "Posted: Monday, March 3, 2025 6:00 am | Updated: 6:10 am, Mon Mar 3, 2025.";
        assert_eq!(kept(&texts), [2, 7, 8]);
    }

    /// The real top of a page dump (dev 287e4d9f): a list of trending
    /// titles, the headline and its standfirst, then the byline and the
    /// dates that the rules remove. The headline tops the lines over the
    /// byline, so the model must leave it, whatever it scores; a list of
    /// teasers each over its date marks none, and neither does the page read
    /// as the next run of its clean copy reads it, without the byline.
    #[test]
    fn the_headline_over_its_byline_is_protected() {
        let prose = "We bring you the best deals we've found today on video games, consoles, electronics, and more, and the PS4 controller is the lowest it has been this year.";
        let texts = [
            "Star Wars: The Mandalorian",
            "Death Stranding",
            "Avengers: Endgame",
            "Daily Deals: More Black Friday Deals Are Live, Including PS4 DualShock Controller, Apple AirPods and Watches, and More",
            "Black Friday is Next Week, But Several Deals Go Live Today",
            "By Eric Song, IGN Staff",
            "Updated: 18 Nov 2019 9:38 pm",
            "Want more deals? Join the IGN Deals Newsletter.",
            prose,
            prose,
        ];
        // The rule that removed each of `len` paragraphs, from (index, rule).
        let removed_by = |len: usize, rules: &[(usize, &'static str)]| {
            let mut by = vec![None; len];
            for &(i, rule) in rules {
                by[i] = Some(rule);
            }
            by
        };
        let rules = [
            (5, "boilerplate/author-byline"),
            (6, "boilerplate/timestamp"),
            (7, "boilerplate/newsletter"),
        ];
        let page = [0, 1, 2, 3, 4, 8, 9];
        let mut paragraphs = MeasuredParagraphs::new(&texts, removed_by(texts.len(), &rules));
        let (_, layout) = paragraphs.page_features(&page, 12);
        assert_eq!(
            layout.over_dateline,
            Some(3),
            "the headline, not a trending title"
        );
        // The core's words point nowhere; of the title-shaped lines above
        // the core, the headline is the longest, not the nearest (4).
        assert_eq!(layout.headline, Some(3));
        let all_noise = PageModel {
            bias: 10.0,
            ..PageModel::untrained(12)
        };
        let verdicts = crate::page_model::decode::decode(&all_noise, &mut paragraphs, &page);
        assert!(!verdicts[3].remove);
        assert!(verdicts[1].remove && verdicts[2].remove);
        paragraphs.read_removals(false);
        assert_eq!(paragraphs.page_features(&page, 12).1.over_dateline, None);

        // Teasers, each over its date: none is the headline.
        let teasers = [
            "City Council Passes the Budget After a Long Night",
            "November 18, 2019",
            "Rangers Lose a Long Game to the Islanders in Overtime",
            "November 17, 2019",
            prose,
        ];
        let dates = [(1, "boilerplate/timestamp"), (3, "boilerplate/timestamp")];
        let layout = MeasuredParagraphs::new(&teasers, removed_by(teasers.len(), &dates))
            .page_features(&[0, 2, 4], 12)
            .1;
        assert_eq!(layout.over_dateline, None);

        // A byline scraped as two lines, under the headline and its
        // standfirst (dev `7ab16ade`): four kept lines over the date.
        let split_byline = [
            "Opinion",
            "Commentary",
            "Is Football Violence a Crime?",
            "NFL assaults have led to lawsuits before. But a prosecutor would have difficulty proving a charge in court.",
            "By",
            "Randy Maniloff",
            "Nov. 18, 2019 7:04 pm ET",
            prose,
        ];
        let date = [(6, "boilerplate/timestamp")];
        let page = [0, 1, 2, 3, 4, 5, 7];
        let mut paragraphs =
            MeasuredParagraphs::new(&split_byline, removed_by(split_byline.len(), &date));
        let layout = paragraphs.page_features(&page, 12).1;
        assert_eq!(layout.over_dateline, Some(2));
        // A menu scraped as one block of lines, right over the headline
        // (written for the test, as an old news portal's page reads): its
        // few capitalised words are no headline.
        let under_a_menu = [
            "Skip to content\nNews\nSport\nBusiness\nWeather",
            "Council Approves New Bus Lanes for High Street",
            "By Peter Hall, Transport Reporter",
            prose,
        ];
        let byline = [(2, "boilerplate/author-byline")];
        let under_a_menu =
            MeasuredParagraphs::new(&under_a_menu, removed_by(under_a_menu.len(), &byline))
                .page_features(&[0, 1, 3], 12)
                .1;
        assert_eq!(under_a_menu.over_dateline, Some(1));
        // A dated line over the headline is shaped as one too; the headline
        // is the line without a date (written for the test, as
        // `benches/modern14` 09's sports page reads).
        let dated = [
            "Saturday Sport - 14 November 1998",
            "Muir Header Seals the Rovers Comeback",
            "By Dave Proctor at Pennine Park",
            prose,
        ];
        let byline = [(2, "boilerplate/author-byline")];
        let dated = MeasuredParagraphs::new(&dated, removed_by(dated.len(), &byline))
            .page_features(&[0, 1, 3], 12)
            .1;
        assert_eq!(dated.over_dateline, Some(1));
        // A question is no title-shaped line, so only the dateline marks
        // this headline, and the model must leave it.
        assert_eq!(layout.headline, None);
        let verdicts = crate::page_model::decode::decode(&all_noise, &mut paragraphs, &page);
        assert!(!verdicts[2].remove);
        assert!(verdicts[0].remove && verdicts[1].remove);
    }

    /// A sentence of a script written without spaces reads as one to the
    /// model: its letters in words of two, its full stop a full stop. Read
    /// as one word a run, the last steps of a Japanese how-to (dev
    /// `f105de6e`) were one- and two-word lines, a menu's, to the model.
    #[test]
    fn a_japanese_sentence_is_shaped_as_a_sentence() {
        let sentence = "ショートカットの欄を空欄にしただけでは、起動しなくなるだけです。";
        let mut words_of = Words::default();
        let shape = measure(sentence, &mut words_of).shape;
        assert!(shape.ends_sentence);
        assert_eq!(shape.sentences, 1);
        // 30 letters in two runs (19 and 11): ten words and six.
        assert_eq!(shape.words, 16);
        assert!(shape.prose());
        let step = measure("再起動して完了", &mut words_of).shape;
        assert_eq!(step.words, 4);
        assert!(!step.ends_sentence);
    }

    /// The top of a real question page (`ext` 0564, a Stack Overflow
    /// thread; `tests/page_model/question-top.txt`): the site's header, the
    /// question's title, its vote count, dates and view count, then the
    /// question. The model reads the page's top as one noise run down to
    /// the question: the title must stay, on this run's page and on the
    /// next run's, without what lay above it (there only the title of the
    /// first content run keeps it; on the real page, whose core is an
    /// answer far below, it is that on this run's page too). A trending
    /// teaser in its place, which shares no word with the question, goes
    /// with the header (the line over the question that stays then is the
    /// layout's headline, read without the words).
    #[test]
    fn the_first_content_runs_title_is_protected() {
        let mut texts: Vec<&str> = include_str!("../../tests/page_model/question-top.txt")
            .trim_end()
            .split("\n\n")
            .collect();
        assert!(texts[5].starts_with("Why is \"except: pass\""));
        // Noise but for prose, which is content: the question.
        let mut prose_is_content = PageModel {
            bias: 5.0,
            ..PageModel::untrained(12)
        };
        let prose = DENSE_NAMES.iter().position(|&name| name == "prose");
        prose_is_content.dense[prose.expect("a dense feature")] = -10.0;
        let removed = |texts: &[&str], page: &[usize]| -> Vec<usize> {
            let mut paragraphs = MeasuredParagraphs::new(texts, []);
            let verdicts =
                crate::page_model::decode::decode(&prose_is_content, &mut paragraphs, page);
            page.iter()
                .zip(verdicts)
                .filter(|(_, verdict)| verdict.remove)
                .map(|(&i, _)| i)
                .collect()
        };
        let whole: Vec<usize> = (0..texts.len()).collect();
        assert_eq!(removed(&texts, &whole), [0, 1, 2, 3, 4, 6, 7, 8, 9, 10]);
        assert_eq!(removed(&texts, &[5, 11, 12]), [] as [usize; 0]);
        // What keeps it: on the whole page the layout's headline (the
        // question is the core, six lines down); on the next run's page,
        // where the question's title ends with a question mark and so joins
        // the core, the title of the first content run.
        let protection = |page: &[usize], at: usize| {
            let scores = crate::page_model::decode::explain(
                &prose_is_content,
                &texts,
                [],
                page,
                crate::noise::navigation::titles_the_trail,
            );
            assert!(scores[at].run_is_noise);
            scores[at].protection
        };
        assert_eq!(
            protection(&whole, 5),
            Some(crate::page_model::Protection::Headline)
        );
        assert_eq!(
            protection(&[5, 11, 12], 0),
            Some(crate::page_model::Protection::RunTitle)
        );
        texts[5] = "Senate Votes to Extend the Highway Funding Bill";
        assert!(removed(&texts, &whole).contains(&5));
    }

    /// The top of a real forum thread (`ext` 0521;
    /// `tests/page_model/forum-top.txt`): the forum's sections, the thread's
    /// title, its starter, start date and pages, the poster's name, tagline,
    /// join date and counts, the post's number, then the first post, which
    /// opens with a question as long as prose. The rules remove the pages'
    /// "Next" and "1 of 3" and the two dates, as on the real page. When the
    /// model reads all that the rules keep above the post as noise, the
    /// title is the title of the first content run: it lies thirteen noise
    /// lines above the post, past the reach over a short line, and the
    /// post's opening question is no title of its own; the post's number
    /// above it, when read with the post, has no letter and opens nothing.
    /// (On this excerpt the post is the core, and the layout's headline
    /// keeps the title too; on the real page the core is a longer post
    /// further down.) A line that shares no word with the post is no title.
    #[test]
    fn a_forum_threads_title_over_its_starters_details_is_the_run_title() {
        let mut texts: Vec<&str> = include_str!("../../tests/page_model/forum-top.txt")
            .trim_end()
            .split("\n\n")
            .collect();
        assert_eq!(texts[3], "Fragrance Budget or Limit for 2024?");
        assert!(texts[21].starts_with("Do you plan on having"));
        let rules = [
            (9, "navigation"),
            (10, "navigation"),
            (16, "boilerplate/timestamp"),
            (19, "boilerplate/timestamp"),
        ];
        let paragraphs = texts.len();
        let removed_by = move || {
            (0..paragraphs).map(move |i| {
                rules
                    .iter()
                    .find(|&&(at, _)| at == i)
                    .map(|&(_, rule)| rule)
            })
        };
        let page: Vec<usize> = (0..paragraphs)
            .filter(|i| rules.iter().all(|(at, _)| at != i))
            .collect();
        // The run read as content starts at the post (21), or at its number
        // ("#1", 20), which has no letter: the post's question opens it.
        let run_title = |texts: &[&str], first_content: usize| {
            let states: Vec<u8> = page.iter().map(|&i| u8::from(i < first_content)).collect();
            let mut paragraphs = MeasuredParagraphs::new(texts, removed_by());
            paragraphs.page_features(&page, 12);
            paragraphs.run_title(&page, &states).map(|at| page[at])
        };
        assert_eq!(texts[20], "#1");
        assert_eq!(run_title(&texts, 21), Some(3));
        assert_eq!(run_title(&texts, 20), Some(3));
        // A line with a full stop is a sentence (a pitch), not a title.
        texts[3] = "Fragrance Budget or Limit for 2024.";
        assert_eq!(run_title(&texts, 21), None);
        texts[3] = "Senate Votes to Extend the Highway Funding Bill";
        assert_eq!(run_title(&texts, 21), None);
    }

    /// [`MeasuredParagraphs::run_title`] of the whole page `texts`, decoded
    /// as noise above paragraph `first_content` and as content from it on.
    fn run_title_under_noise(texts: &[&str], first_content: usize) -> Option<usize> {
        let page: Vec<usize> = (0..texts.len()).collect();
        let states: Vec<u8> = page.iter().map(|&i| u8::from(i < first_content)).collect();
        let mut paragraphs = MeasuredParagraphs::new(texts, texts.iter().map(|_| None));
        paragraphs.page_features(&page, 12);
        paragraphs.run_title(&page, &states)
    }

    /// A question whose post opens with a short sentence (`ext` 0172):
    /// shaped as a headline but for its full stop, the opening is not the
    /// run's own title, so the question's title over it is.
    #[test]
    fn a_post_opening_with_a_short_sentence_keeps_the_title_above() {
        let mut texts = vec![
            "Home",
            "Questions",
            "Catering event for 1st time. How should I prepare?",
            "Ask Question",
            "Asked 14 years, 10 months ago",
            "Viewed 6k times",
            "I'm just starting a catering service for my cooking.",
            "The event will be for about 40 people, and the menu is curry and rice, chicken and sandwiches.",
            "What am I missing? What should I prepare more before the catering event?",
        ];
        let run_title = |texts: &[&str]| run_title_under_noise(texts, 6);
        assert_eq!(run_title(&texts), Some(2));
        // Opened by a line without the full stop, the run has its title.
        texts[6] = "Catering Service for My Cooking";
        assert_eq!(run_title(&texts), None);
    }

    /// A recipe as the rules leave it (`benches/modern17` 12, shortened):
    /// the site's name and menu, the recipe's three-word name over its
    /// rating, then the recipe, opened by its one-word section label. The
    /// name is the run's title, shorter than a headline, as its words say;
    /// a headline that shares the run's words comes first; the site's name
    /// as the page's first line and a line with a price are no title.
    #[test]
    fn a_three_word_name_over_a_recipe_is_its_title() {
        let mut texts = vec![
            "Bar Cart Weekly",
            "Recipes",
            "Techniques",
            "Smoked Rosemary Paloma",
            "★★★★☆ 4.6 (212 ratings)",
            "Ingredients",
            "50 ml blanco tequila",
            "1 sprig rosemary",
            "Method",
            "Light the rosemary sprig.",
            "Shake tequila, lime and salt with ice.",
            "Garnish: smoked rosemary, grapefruit wedge",
        ];
        let run_title = |texts: &[&str]| run_title_under_noise(texts, 5);
        assert_eq!(run_title(&texts), Some(3));
        texts[1] = "Smoked Rosemary Tequila Paloma";
        assert_eq!(run_title(&texts), Some(1));
        texts[1] = "Recipes";
        texts[3] = "Rosemary Tequila £9";
        assert_eq!(run_title(&texts), None);
        texts[3] = "Techniques";
        texts[0] = "Smoked Rosemary Paloma";
        assert_eq!(run_title(&texts), None);
    }

    /// A product page as the rules leave it (`benches/modern2` 14,
    /// shortened): its name first, over the price and the options the model
    /// reads as noise, then the description. The name is the page's title,
    /// as its words say; a shop's banner first is no title of the
    /// description.
    #[test]
    fn the_pages_first_line_that_names_its_content_is_its_title() {
        let mut texts = vec![
            "Harbour Crew Merino Jumper",
            "£95",
            "Colour: Storm Blue",
            "Size",
            "Add to bag",
            "A crew-neck jumper knitted in Scotland from extra-fine merino wool, soft enough to wear next to the skin.",
            "The jumper has ribbed cuffs and hem, and the merino keeps its shape wash after wash.",
        ];
        let page: Vec<usize> = (0..texts.len()).collect();
        let states: Vec<u8> = page.iter().map(|&i| u8::from(i < 5)).collect();
        let opening_title = |texts: &[&str]| {
            let mut paragraphs = MeasuredParagraphs::new(texts, texts.iter().map(|_| None));
            paragraphs.page_features(&page, 12);
            paragraphs.opening_title(&page, &states)
        };
        assert_eq!(opening_title(&texts), Some(0));
        texts[0] = "Free Delivery on Orders over £50";
        assert_eq!(opening_title(&texts), None);
    }

    /// The question page of `the_first_content_runs_title_is_protected`
    /// with the site's promotion that lies between its header and the
    /// question's title on the real page (`ext` 0564). Read from the vote
    /// count, the run's prose is the question, so the reach is the long
    /// one, and "Collectives™ on Stack Overflow", twelve lines up, shares a
    /// larger part of its words with the question than the title does: the
    /// title, within the short reach, comes first.
    #[test]
    fn a_question_title_comes_before_the_sites_lines_farther_up() {
        let top: Vec<&str> = include_str!("../../tests/page_model/question-top.txt")
            .trim_end()
            .split("\n\n")
            .collect();
        let promotion = [
            "Collectives™ on Stack Overflow",
            "Find centralized, trusted content and collaborate around the technologies you use most.",
            "Learn more about Collectives",
            "Stack Internal",
            "Knowledge at work",
            "Bring the best of human thought and AI automation together at your work.",
            "Explore Stack Internal",
        ];
        let texts: Vec<&str> = top[..5]
            .iter()
            .chain(&promotion)
            .chain(&top[5..])
            .copied()
            .collect();
        assert!(texts[12].starts_with("Why is \"except: pass\""));
        assert_eq!(texts[17], "427");
        let page: Vec<usize> = (0..texts.len()).collect();
        let states: Vec<u8> = page.iter().map(|&i| u8::from(i < 17)).collect();
        let mut paragraphs = MeasuredParagraphs::new(&texts, []);
        paragraphs.page_features(&page, 12);
        assert_eq!(paragraphs.run_title(&page, &states), Some(12));
    }

    /// A table of contents between the headline and the article names the
    /// article's words too, each entry all of its own: the headline shares
    /// more. A headline may be a question, or name its site after a `|`.
    #[test]
    fn the_headline_shares_more_words_than_a_table_of_contents() {
        let prose = "State Farm, Progressive and Allstate lead the insurance companies of the market, and together they hold a quarter of its share by premiums written.";
        let texts = [
            "Menu",
            "The top 10 insurance companies in the USA by market share",
            "Guides",
            "Contents",
            "State Farm Group",
            "Progressive Group",
            "Allstate Insurance Group",
            prose,
            prose,
        ];
        let (_, layout) = page_features(&texts, 12);
        assert_eq!(layout.core.0, 7);
        assert_eq!(layout.headline, Some(1));
        assert_eq!(layout.standfirst, None, "a one-word line is no standfirst");
        let question = [
            "Menu",
            "Which insurance companies lead the market share?",
            "Contents",
            prose,
            prose,
        ];
        assert_eq!(page_features(&question, 12).1.headline, Some(1));
        let with_the_site = [
            "Menu",
            "The top 10 insurance companies by market share | Insurance Journal",
            "Contents",
            prose,
            prose,
        ];
        assert_eq!(page_features(&with_the_site, 12).1.headline, Some(1));
    }

    /// Asserts that [`measure`] gives what the reference definitions give
    /// for `text`: [`words`] split, [`word_hash`] and [`phrase_hash`]
    /// hashes, the content words, the counts and the web address.
    fn assert_measure_matches_the_reference(text: &str) {
        let mut words_of = Words::default();
        let measured = measure(text, &mut words_of);
        let reference: Vec<(u64, usize)> = words(text).map(word_hash).collect();
        let hashes: Vec<u64> = reference.iter().map(|&(hash, _)| hash).collect();
        assert_eq!(words_of.all, hashes, "{text}");
        let content: Vec<u32> = words(text)
            .filter(|word| {
                let unspaced = word.chars().all(crate::text::is_unspaced_letter);
                is_content_word(
                    word.chars().count(),
                    unspaced,
                    FUNCTION_WORDS.contains(&word.to_lowercase().as_str()),
                )
            })
            .map(|word| content_hash(word_hash(word).0))
            .collect();
        assert_eq!(measured.content(&words_of.content), content, "{text}");
        assert_eq!(measured.shape.words as usize, reference.len(), "{text}");
        let letters: usize = reference.iter().map(|&(_, length)| length).sum();
        assert_eq!(measured.shape.letters_in_words as usize, letters, "{text}");
        let line = (reference.len() <= SHORT_LINE).then(|| phrase_hash(text));
        assert_eq!(measured.line(), line, "{text}");
        let url = ["http", ".com", "www."]
            .iter()
            .any(|part| text.contains(part));
        assert_eq!(measured.shape.url, url, "{text}");
        let digits = text.bytes().filter(u8::is_ascii_digit).count();
        assert_eq!(measured.shape.digits as usize, digits, "{text}");
        let trimmed = text.trim();
        let words_seen: Vec<&str> = words(trimmed).collect();
        let capitalized = words_seen
            .iter()
            .filter(|w| {
                w.chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_uppercase)
            })
            .count();
        assert_eq!(measured.shape.capitalized as usize, capitalized, "{text}");
        let all_caps = words_seen
            .iter()
            .filter(|w| {
                w.chars().count() > 1
                    && w.chars().any(char::is_alphabetic)
                    && w.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
            })
            .count();
        assert_eq!(measured.shape.all_caps as usize, all_caps, "{text}");
        assert_eq!(
            measured.shape.chars as usize,
            trimmed.chars().count(),
            "{text}"
        );
    }

    #[test]
    fn hashed_count_counts_every_hashed_feature() {
        for text in [
            "",
            "Share",
            "Posted by",
            "Read more at DailyMail.co.uk",
            PROSE_FOR_COUNT,
        ] {
            let mut words_of = Words::default();
            let measured = measure(text, &mut words_of);
            let mut count = 0;
            hashed_features(&words_of.all, measured.line(), |_| count += 1);
            assert_eq!(measured.hashed_count(), count, "{text}");
            let names = hashed_names(text, &EMPTY_LAYOUT, 0, 12);
            assert_eq!(names.len(), count, "{text}");
        }
    }

    const PROSE_FOR_COUNT: &str =
        "The council voted on Tuesday to close the library, citing the cost of repairs.";

    #[test]
    fn one_pass_measure_matches_the_reference_definitions() {
        let texts = [
            "",
            "'tis rock’n’roll’ a''b 'x' don't’",
            "ЁЖИК Ѐсть ѝ Январь İstanbul ǅemal ΣΑΣ Straße ÉCOLE Ⅻ ½ ٣٤",
            "NASA's 3D A1B2 1'9'9'9 in 1999.",
            "Leave a Reply",
            "See жhttp, Xhttps and shop.com; not .Com, www or co.m",
            "example.com",
            "WWW.EXAMPLE.ORG  double  spaces.  Then 12:30 ½ 한국어 中文 text",
            "Привет, МИР! Ёлка ЁЛКА ѐЀ д'Артаньян д’Артаньян Жук123 abcЖ 'Ж' Ѡѣ",
            "Ж",
            "Дом'",
            "再起動して完了。ショートカットタブを開き、Kindle for PCの起動ホットキー",
            "ab'漢字 漢'字x 漢字漢 PC版のkindle。",
        ];
        for text in texts {
            assert_measure_matches_the_reference(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn measure_matches_the_reference_on_mixed_scripts(text in "[a-zA-Z0-9 .,:@'’\u{400}-\u{47f}\u{c0}-\u{17f}\u{4e00}-\u{4e10}\u{3041}-\u{3046}。]{0,40}") {
            assert_measure_matches_the_reference(&text);
        }
    }

    #[test]
    fn the_cyrillic_fast_path_agrees_with_the_unicode_tables() {
        for c in CYRILLIC {
            assert!(c.is_alphabetic(), "{c}");
            assert_eq!(is_capital(c), c.is_uppercase(), "{c}");
            let (mut fast, mut tables) = (Fnv::new(), Fnv::new());
            fast.lowercase(c);
            c.to_lowercase().for_each(|lower| tables.char(lower));
            assert_eq!(fast.0, tables.0, "{c}");
        }
    }

    #[test]
    fn the_latin_fast_paths_agree_with_the_unicode_tables() {
        for c in '\u{80}'..='\u{24f}' {
            assert_eq!(
                is_latin_letter(c),
                ('\u{c0}'..='\u{17f}').contains(&c) && c.is_alphabetic(),
                "{c}"
            );
            assert_eq!(
                Class::of(c) == Class::Letter,
                c.is_alphabetic() && !crate::text::is_general_punctuation(c),
                "{c}"
            );
            let (mut fast, mut tables) = (Fnv::new(), Fnv::new());
            fast.lowercase(c);
            c.to_lowercase().for_each(|lower| tables.char(lower));
            assert_eq!(fast.0, tables.0, "{c}");
        }
    }

    #[test]
    fn the_caseless_fast_path_agrees_with_the_unicode_tables() {
        let caseless = ('\u{ac00}'..='\u{d7a3}').chain('\u{4e00}'..='\u{9fff}');
        for c in caseless {
            assert!(is_caseless_letter(c));
            assert!(
                c.is_alphabetic() && !crate::text::is_general_punctuation(c),
                "{c}"
            );
            assert!(!c.is_uppercase(), "{c}");
            assert!(c.to_lowercase().eq([c]), "{c}");
        }
        for c in ['\u{abff}', '\u{d7a4}', '\u{4dff}', '\u{a000}', 'a', 'Ж'] {
            assert!(!is_caseless_letter(c), "{c}");
        }
    }

    #[test]
    fn no_word_is_both_a_function_word_and_a_month() {
        assert!(FUNCTION_WORDS.iter().all(|w| !MONTHS.contains(w)));
        // Built without a panic (no two words share a hash), and each word
        // reads back as its list's.
        let listed = listed_words();
        for word in FUNCTION_WORDS {
            assert_eq!(
                listed.get(word_hash(word).0),
                Some(Listed::Function),
                "{word}"
            );
        }
        for word in MONTHS {
            assert_eq!(listed.get(word_hash(word).0), Some(Listed::Month), "{word}");
        }
        for word in ["comments", "Monday", "mayor", "théâtre", "the'"] {
            assert_eq!(listed.get(word_hash(word).0), None, "{word}");
        }
        // A free slot holds the hash 0, which is no word's there.
        assert_eq!(listed.get(0), None);
    }

    #[test]
    fn hashes_are_stable() {
        // The model file depends on these values: changing the hash breaks
        // every trained model.
        assert_eq!(word_hash("Comments").0, word_hash("comments").0);
        assert_eq!(word_hash("a").0, 12_638_187_200_555_641_996);
        // So does where a feature lands (a new scheme is a new file
        // version, `page_model::MAGIC`).
        let a = word_hash("a").0;
        assert_eq!(feature(a, 1) & 0xffff, 47_819);
        assert_eq!(feature(pair(a, a), 2) & 0xffff, 37_369);
    }
}
