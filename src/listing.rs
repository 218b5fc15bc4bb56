//! A page that is a listing: a blog's index, a site's list of reviews, a
//! search's results, each item a section of one shape under the same short
//! label, with an excerpt. Its items are the page's content, however much
//! they read like teasers of other pages; the navigation rule and the page
//! model both ask where such a listing lies. A page may also be a list of
//! cards, items of a few short lines with no excerpt (an offers page, a
//! course catalogue), which the page model asks for too.

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
}
