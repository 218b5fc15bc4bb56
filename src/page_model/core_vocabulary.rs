//! The core's vocabulary: which content words the page's core holds, and
//! whether a word is in more than one of its paragraphs. Every round builds
//! one from all the core's words and looks up every paragraph's words in it,
//! so it is a table made for that: keys that are already hashes (content
//! words' 32-bit hashes) slotted by one multiply, linear probing, no
//! deletions, 16 bytes a word. A `FxHashMap<u32, (usize, bool)>` in its place
//! cost some 55 instructions a word inserted or looked up: 15.3 M of the
//! page model's instructions over the speed benchmark's first copy
//! (callgrind), for 170,233 core words inserted.

/// What [`CoreVocabulary`] knows of a word: the first core paragraph that
/// holds it, and whether another one does. `first == FREE` marks a free
/// slot (no paragraph has that index: a slice holds fewer than `usize::MAX`
/// items).
#[derive(Clone, Copy)]
struct Slot {
    word: u32,
    elsewhere: bool,
    first: usize,
}

const FREE: usize = usize::MAX;

const FREE_SLOT: Slot = Slot {
    word: 0,
    elsewhere: false,
    first: FREE,
};

/// The content words of a page's core ([`super::features`]).
pub(super) struct CoreVocabulary {
    slots: Vec<Slot>,
    /// How many slots are taken; at most half of them, so a search ends at a
    /// free slot soon.
    len: usize,
    /// 64 less the log2 of the slots: a word's first slot is the top bits of
    /// its product with [`SPREAD`].
    shift: u32,
}

/// Fibonacci hashing's multiplier (2^64 over the golden ratio): spreads the
/// words' hashes, whose low bits are not the best mixed, over the slots.
const SPREAD: u64 = 0x9e37_79b9_7f4a_7c15;

/// The fewest slots a vocabulary has.
const MIN_SLOTS: usize = 16;

impl CoreVocabulary {
    /// An empty vocabulary with room for `words` distinct words.
    pub(super) fn with_capacity(words: usize) -> Self {
        let slots = (2 * words).next_power_of_two().max(MIN_SLOTS);
        CoreVocabulary {
            slots: vec![FREE_SLOT; slots],
            len: 0,
            shift: 64 - slots.trailing_zeros(),
        }
    }

    /// The slot that holds `word`, or the free slot where it would go.
    fn find(&self, word: u32) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = (u64::from(word).wrapping_mul(SPREAD) >> self.shift) as usize;
        loop {
            let slot = &self.slots[at];
            if slot.first == FREE || slot.word == word {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /// Records that core paragraph `paragraph` holds `word`.
    #[inline]
    pub(super) fn insert(&mut self, word: u32, paragraph: usize) {
        let at = self.find(word);
        let slot = &mut self.slots[at];
        if slot.first != FREE {
            slot.elsewhere |= slot.first != paragraph;
            return;
        }
        *slot = Slot {
            word,
            elsewhere: false,
            first: paragraph,
        };
        self.len += 1;
        if 2 * self.len > self.slots.len() {
            self.grow();
        }
    }

    /// Doubles the slots, placing every word again. Out of line: inlined,
    /// its registers were saved and restored at every insertion.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let old = std::mem::replace(self, CoreVocabulary::with_capacity(self.slots.len()));
        for slot in old.slots.into_iter().filter(|slot| slot.first != FREE) {
            let at = self.find(slot.word);
            self.slots[at] = slot;
            self.len += 1;
        }
    }

    /// Whether a core paragraph holds `word`.
    pub(super) fn contains(&self, word: u32) -> bool {
        self.slots[self.find(word)].first != FREE
    }

    /// Whether a core paragraph other than `paragraph` holds `word`.
    pub(super) fn held_beyond(&self, word: u32, paragraph: usize) -> bool {
        let slot = &self.slots[self.find(word)];
        slot.first != FREE && (slot.first != paragraph || slot.elsewhere)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    proptest! {
        /// The table answers as a map of each word to the set of core
        /// paragraphs that hold it, through growth and colliding slots (the
        /// words are drawn from a small range so that many repeat).
        #[test]
        fn answers_as_a_map_of_words_to_their_paragraphs(
            words in proptest::collection::vec((0u32..300, 0usize..40), 0..600),
            reserved in 0usize..64,
            probes in proptest::collection::vec((0u32..320, 0usize..42), 0..100),
        ) {
            let mut vocabulary = CoreVocabulary::with_capacity(reserved);
            let mut reference: HashMap<u32, Vec<usize>> = HashMap::new();
            for &(word, paragraph) in &words {
                vocabulary.insert(word, paragraph);
                reference.entry(word).or_default().push(paragraph);
            }
            prop_assert_eq!(vocabulary.len, reference.len());
            prop_assert!(2 * vocabulary.len <= vocabulary.slots.len());
            let probes = probes.into_iter().chain(words.iter().copied());
            for (word, paragraph) in probes {
                let holders = reference.get(&word);
                prop_assert_eq!(vocabulary.contains(word), holders.is_some());
                let beyond = holders.is_some_and(|h| h.iter().any(|&p| p != paragraph));
                prop_assert_eq!(vocabulary.held_beyond(word, paragraph), beyond);
            }
        }
    }

    #[test]
    fn the_word_zero_is_a_word() {
        let mut vocabulary = CoreVocabulary::with_capacity(0);
        assert!(!vocabulary.contains(0));
        vocabulary.insert(0, 3);
        assert!(vocabulary.contains(0));
        assert!(!vocabulary.held_beyond(0, 3));
        assert!(vocabulary.held_beyond(0, 4));
        vocabulary.insert(0, 5);
        assert!(vocabulary.held_beyond(0, 3));
    }
}
