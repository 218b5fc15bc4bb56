//! The evidence the page model reads about each paragraph: its own shape, its
//! neighbours' shape, where it sits relative to the article's core (the
//! densest run of sentence-ending prose) and to end-of-article markers, how
//! much of its vocabulary it shares with the core and the title, and its
//! hashed word unigrams and bigrams. Everything here is a pure function of the
//! page's paragraph texts, computed without allocating per word.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// Names of the dense features, in the order of [`Features::dense`].
pub const DENSE_NAMES: [&str; 46] = [
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
}

/// What the page analysis found, shared by all paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLayout {
    /// The core: paragraphs `core.0..=core.1`.
    pub core: (usize, usize),
    /// The title-like line just above the core that reads as its headline.
    pub headline: Option<usize>,
    /// The core's longest prose paragraph; never removed, so a page always
    /// keeps its article.
    pub anchor: usize,
}

/// One paragraph's shape: cheap counts over its characters and words.
#[derive(Debug, Clone, Copy, Default)]
pub struct Shape {
    pub words: usize,
    pub ends_sentence: bool,
    pub ends_colon: bool,
    pub capitalized: usize,
    pub all_caps: usize,
    pub digits: usize,
    pub chars: usize,
    pub letters_in_words: usize,
    pub price: bool,
    pub date_time: bool,
    pub url: bool,
    pub handle: bool,
    pub email: bool,
    pub function_words: usize,
    pub sentences: usize,
    pub separators: usize,
    pub starts_quote: bool,
    pub list_marker: bool,
    pub end_marker: bool,
    pub starts_capital: bool,
}

impl Shape {
    fn prose(&self) -> bool {
        self.ends_sentence && self.words >= 12
    }

    /// A line that reads as a title: a few words starting with a capital
    /// (title or sentence case), no full stop.
    fn title_like(&self) -> bool {
        (3..=25).contains(&self.words)
            && self.starts_capital
            && !self.ends_colon
            && !self.url
            && !self.email
            && self.separators == 0
            && self.sentences == 0
    }
}

/// 64-bit FNV-1a, so hashes (and the model file) never depend on the
/// standard library's hasher.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn byte(&mut self, byte: u8) {
        self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    fn char(&mut self, c: char) {
        let mut buffer = [0; 4];
        for &byte in c.encode_utf8(&mut buffer).as_bytes() {
            self.byte(byte);
        }
    }
}

/// Mixes two hashes (for bigrams and feature kinds).
fn mix(a: u64, b: u64) -> u64 {
    let mut x = a ^ b.rotate_left(29) ^ 0x9e37_79b9_7f4a_7c15;
    x = (x ^ (x >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    x = (x ^ (x >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
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
/// word joins it).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that",
    "these", "those", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "not",
    "no", "have", "has", "had", "will", "would", "can", "could", "which", "who", "what", "when",
    "there", "than", "then", "so", "if", "about", "into", "also", "after", "more", "said",
];

fn function_words() -> &'static FxHashSet<u64> {
    static SET: OnceLock<FxHashSet<u64>> = OnceLock::new();
    SET.get_or_init(|| FUNCTION_WORDS.iter().map(|w| word_hash(w).0).collect())
}

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

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

fn months() -> &'static FxHashSet<u64> {
    static SET: OnceLock<FxHashSet<u64>> = OnceLock::new();
    SET.get_or_init(|| MONTHS.iter().map(|w| word_hash(w).0).collect())
}

/// Measures a paragraph's shape.
#[cfg(test)]
fn shape(text: &str) -> Shape {
    shape_and_words(text, &mut Vec::new())
}

/// [`shape`], also appending each word's (hash, length in chars) to `words_out`.
fn shape_and_words(text: &str, words_out: &mut Vec<(u64, usize)>) -> Shape {
    let mut shape = Shape::default();
    let trimmed = text.trim();
    let last = trimmed.chars().next_back();
    let before_last = trimmed
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '”' | '’' | '\'' | ')'));
    shape.ends_sentence = matches!(before_last, Some('.' | '!' | '?' | '…'));
    shape.ends_colon = last == Some(':');
    let first = trimmed.chars().next();
    shape.starts_quote = matches!(first, Some('"' | '“' | '‘' | '\''));
    shape.starts_capital = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    shape.list_marker = matches!(first, Some('-' | '*' | '•' | '·' | '–' | '>'))
        || trimmed.split_once(['.', ')']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit())
        });
    let mut previous = ' ';
    let mut chars = trimmed.chars().peekable();
    while let Some(c) = chars.next() {
        shape.chars += 1;
        if c.is_ascii_digit() {
            shape.digits += 1;
            if matches!(previous, '$' | '£' | '€' | '¥') {
                shape.price = true;
            }
            if previous == ':' {
                shape.date_time = true;
            }
        }
        match c {
            '@' => {
                if previous.is_alphanumeric() {
                    shape.email = true;
                } else if chars.peek().is_some_and(|n| n.is_alphanumeric()) {
                    shape.handle = true;
                }
            }
            '|' | '•' | '·' | '»' | '›' | '/' => shape.separators += 1,
            '.' | '!' | '?' if chars.peek().is_none_or(|n| n.is_whitespace()) => {
                shape.sentences += 1;
            }
            _ => {}
        }
        previous = c;
    }
    if trimmed.contains("http") || trimmed.contains("www.") || trimmed.contains(".com") {
        shape.url = true;
    }
    let function = function_words();
    let months = months();
    for word in words(trimmed) {
        shape.words += 1;
        let (hash, length) = word_hash(word);
        words_out.push((hash, length));
        shape.letters_in_words += length;
        if function.contains(&hash) {
            shape.function_words += 1;
        }
        if months.contains(&hash) {
            shape.date_time = true;
        }
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        if let Some(initial) = letters.next()
            && initial.is_uppercase()
        {
            shape.capitalized += 1;
            if length > 1 && letters.all(char::is_uppercase) {
                shape.all_caps += 1;
            }
        }
        if length == 4
            && (word.starts_with("19") || word.starts_with("20"))
            && word.bytes().all(|b| b.is_ascii_digit())
        {
            shape.date_time = true;
        }
    }
    shape.end_marker = shape.words <= 5 && end_markers().contains(&phrase_hash(trimmed));
    shape
}

/// Content words (four letters or more, not function words) of a text's words.
fn content_words(words: &[(u64, usize)], into: &mut Vec<u64>) {
    let function = function_words();
    into.clear();
    for &(hash, length) in words {
        if length >= 4 && !function.contains(&hash) {
            into.push(hash);
        }
    }
}

/// Finds the core: the run of paragraphs with the largest sum of prose
/// weight (a prose paragraph counts by its length, anything else against).
fn core(shapes: &[Shape]) -> (usize, usize) {
    let mut best = (0usize, 0usize, f32::MIN);
    let mut start = 0;
    let mut sum = 0.0f32;
    for (i, shape) in shapes.iter().enumerate() {
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

/// Analyses a page: every paragraph's features, plus the page layout.
/// `hash_bits` sizes the hashed table (slots are `0..1 << hash_bits`).
pub fn page_features(texts: &[&str], hash_bits: u32) -> (Vec<Features>, PageLayout) {
    let n = texts.len();
    let mut arena: Vec<(u64, usize)> = Vec::new();
    let mut spans = Vec::with_capacity(n);
    let shapes: Vec<Shape> = texts
        .iter()
        .map(|t| {
            let start = arena.len();
            let shape = shape_and_words(t, &mut arena);
            spans.push(start..arena.len());
            shape
        })
        .collect();
    let words_of = |i: usize| &arena[spans[i].clone()];
    if n == 0 {
        return (
            Vec::new(),
            PageLayout {
                core: (0, 0),
                headline: None,
                anchor: 0,
            },
        );
    }
    let (core_start, core_end) = core(&shapes);
    let anchor = (core_start..=core_end)
        .max_by_key(|&i| (shapes[i].prose(), shapes[i].words, std::cmp::Reverse(i)))
        .unwrap_or(core_start);
    let headline = (core_start.saturating_sub(4)..core_start)
        .rev()
        .find(|&i| shapes[i].title_like() && !shapes[i].end_marker);

    // The core's vocabulary, with counts, so a paragraph of the core is
    // compared with the rest of it.
    let mut scratch = Vec::new();
    let mut core_vocab: FxHashMap<u64, u32> = FxHashMap::default();
    for i in core_start..=core_end {
        content_words(words_of(i), &mut scratch);
        for &hash in &scratch {
            *core_vocab.entry(hash).or_default() += 1;
        }
    }
    let title_index = headline.unwrap_or(0);
    content_words(words_of(title_index), &mut scratch);
    let title_vocab: FxHashSet<u64> = scratch.iter().copied().collect();

    let first_marker = (core_start..n).find(|&i| shapes[i].end_marker && i > core_start);
    let page_words: usize = shapes.iter().map(|s| s.words).sum();
    let core_share = (core_end - core_start + 1) as f32 / n as f32;
    let logs: Vec<f32> = shapes
        .iter()
        .map(|s| ((s.words as f32).ln_1p() / 4.0).min(1.5))
        .collect();
    let mask = (1u64 << hash_bits) - 1;

    let mut out = Vec::with_capacity(n);
    let mut own: FxHashMap<u64, u32> = FxHashMap::default();
    for i in 0..n {
        let s = &shapes[i];
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
        d[14] = (s.sentences as f32).ln_1p() / 2.0;
        d[15] = f32::from(s.separators > 0);
        d[16] = (s.letters_in_words as f32 / word_count / 10.0).min(2.0);
        if i > 0 {
            d[17] = logs[i - 1];
            d[19] = f32::from(shapes[i - 1].ends_sentence);
            d[39] = f32::from(shapes[i - 1].end_marker);
        }
        if i + 1 < n {
            d[18] = logs[i + 1];
            d[20] = f32::from(shapes[i + 1].ends_sentence);
        }
        let window = i.saturating_sub(3)..(i + 4).min(n);
        let width = window.len() as f32;
        d[21] = shapes[window.clone()]
            .iter()
            .filter(|s| s.ends_sentence)
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
        d[29] = (distance as f32).ln_1p() / 3.0;
        content_words(words_of(i), &mut scratch);
        let (mut in_core_vocab, mut in_title) = (0usize, 0usize);
        if in_core {
            own.clear();
            for &hash in &scratch {
                *own.entry(hash).or_default() += 1;
            }
        }
        for &hash in &scratch {
            let count = core_vocab.get(&hash).copied().unwrap_or(0);
            let mine = if in_core {
                own.get(&hash).copied().unwrap_or(0)
            } else {
                0
            };
            if count > mine {
                in_core_vocab += 1;
            }
            if i != title_index && title_vocab.contains(&hash) {
                in_title += 1;
            }
        }
        let content = scratch.len().max(1) as f32;
        d[30] = in_core_vocab as f32 / content;
        d[31] = in_title as f32 / content;
        d[32] = f32::from(first_marker.is_some_and(|m| i > m));
        d[33] = f32::from(s.end_marker);
        d[34] = f32::from(s.title_like());
        d[35] = f32::from(headline == Some(i));
        d[36] = core_share;
        d[37] = (n as f32).ln_1p() / 5.0;
        d[38] = f32::from(s.prose());
        d[40] = d[28] * d[29];
        d[41] = d[32] * (1.0 - d[30]);
        d[42] = (page_words as f32).ln_1p() / 8.0;
        d[43] = f32::from(s.starts_quote);
        d[44] = s.all_caps as f32 / word_count;
        d[45] = f32::from(s.list_marker);

        let region: u64 = if in_core {
            1
        } else if i < core_start {
            2
        } else {
            3
        };
        let mut hashed = Vec::with_capacity(3 * s.words + 4);
        let mut previous: Option<u64> = None;
        let mut last = 0;
        for &(hash, _) in words_of(i) {
            hashed.push(((mix(hash, 1) & mask) as u32, 1.0));
            hashed.push(((mix(hash, 10 + region) & mask) as u32, 1.0));
            if let Some(before) = previous {
                hashed.push(((mix(mix(before, hash), 2) & mask) as u32, 1.0));
            } else {
                hashed.push(((mix(hash, 4) & mask) as u32, 1.0));
            }
            previous = Some(hash);
            last = hash;
        }
        if previous.is_some() {
            hashed.push(((mix(last, 5) & mask) as u32, 1.0));
        }
        if s.words <= 6 {
            hashed.push(((mix(phrase_hash(texts[i]), 6) & mask) as u32, 1.0));
        }
        let scale = 1.0 / (hashed.len().max(1) as f32).sqrt();
        for slot in &mut hashed {
            slot.1 = scale;
        }
        out.push(Features { dense: d, hashed });
    }
    (
        out,
        PageLayout {
            core: (core_start, core_end),
            headline,
            anchor,
        },
    )
}

/// What a hashed slot stands for, for explanations: recomputes a paragraph's
/// hashed features with their names.
pub fn hashed_names(
    text: &str,
    layout: &PageLayout,
    index: usize,
    hash_bits: u32,
) -> Vec<(u32, String)> {
    let mask = (1u64 << hash_bits) - 1;
    let (core_start, core_end) = layout.core;
    let region: u64 = if (core_start..=core_end).contains(&index) {
        1
    } else if index < core_start {
        2
    } else {
        3
    };
    let region_name = ["", "core", "before-core", "after-core"][region as usize];
    let mut names = Vec::new();
    let mut previous: Option<(u64, &str)> = None;
    let mut last = ("", 0);
    for word in words(text) {
        let (hash, _) = word_hash(word);
        let lower = word.to_lowercase();
        names.push(((mix(hash, 1) & mask) as u32, format!("word \"{lower}\"")));
        names.push((
            (mix(hash, 10 + region) & mask) as u32,
            format!("word \"{lower}\" {region_name}"),
        ));
        if let Some((before, before_word)) = previous {
            names.push((
                (mix(mix(before, hash), 2) & mask) as u32,
                format!("words \"{} {lower}\"", before_word.to_lowercase()),
            ));
        } else {
            names.push((
                (mix(hash, 4) & mask) as u32,
                format!("first word \"{lower}\""),
            ));
        }
        previous = Some((hash, word));
        last = (word, hash);
    }
    if previous.is_some() {
        names.push((
            (mix(last.1, 5) & mask) as u32,
            format!("last word \"{}\"", last.0.to_lowercase()),
        ));
    }
    if words(text).count() <= 6 {
        names.push((
            (mix(phrase_hash(text), 6) & mask) as u32,
            format!("line \"{}\"", text.trim().to_lowercase()),
        ));
    }
    names
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

    #[test]
    fn hashes_are_stable() {
        // The model file depends on these values: changing the hash breaks
        // every trained model.
        assert_eq!(word_hash("Comments").0, word_hash("comments").0);
        assert_eq!(word_hash("a").0, 12_638_187_200_555_641_996);
    }
}
