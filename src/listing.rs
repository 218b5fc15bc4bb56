//! A page that is a listing: a blog's index, a site's list of reviews, a
//! search's results, each item a section of one shape under the same short
//! label, with an excerpt. Its items are the page's content, however much
//! they read like teasers of other pages; the navigation rule and the page
//! model both ask where such a listing lies.

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
            if shortest < 2 || longest > 2 * shortest || longest > MAX_ITEM {
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
            let span = (places[0], (last + longest).min(lines.len() - 1));
            (4 * items >= 3 * (places.len() - 1)
                && 2 * words(&lines[span.0..=span.1]) >= page_words)
                .then_some(span)
        })
        .max_by_key(|&(first, last)| (last - first, std::cmp::Reverse(first)))
}
