//! Fingerprints: the comparison key of a paragraph and what is derived from it.
//!
//! Two copies of a paragraph rarely match byte for byte: one is re-typed with
//! straight quotes, one is in capitals, one lost its accents. The key folds all
//! of that away (NFKC, case, accents, quotes, dashes, punctuation, spacing) but
//! keeps digits, because paragraphs that differ in a number are different. The
//! key is only ever compared, never printed.

use sha2::{Digest as _, Sha256};
use std::hash::Hasher;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Words per shingle. Three words are specific enough that two unrelated
/// paragraphs rarely share many, and short enough that a one-word edit only
/// breaks three shingles.
pub const SHINGLE_WORDS: usize = 3;

/// The comparison key: tokens separated by single spaces.
///
/// ASCII bytes, basic Cyrillic letters and typographic quotes are folded
/// directly; only the runs of other characters between them go through NFKD.
/// That is the same key as decomposing the whole text: those characters are
/// starters that decompose to themselves, so canonical reordering never moves
/// a mark across them.
pub fn match_key(text: &str) -> String {
    let mut key = String::new();
    match_key_into(text, &mut key);
    key
}

/// [`match_key`] into a buffer the caller reuses, so keying every paragraph
/// of a document allocates once.
pub fn match_key_into(text: &str, key: &mut String) {
    key.clear();
    key.reserve(text.len());
    let bytes = text.as_bytes();
    // Start of a run of characters that still need NFKD.
    let mut pending = 0;
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index].is_ascii() {
            if pending < index {
                fold_decomposed(key, &text[pending..index]);
            }
            index = push_folded_ascii_run(key, bytes, index);
            pending = index;
            continue;
        }
        let c = text[index..].chars().next().unwrap_or_default();
        let next = index + c.len_utf8();
        let simple = fold_simple(c);
        if simple != Simple::No {
            fold_decomposed(key, &text[pending..index]);
            match simple {
                Simple::Letter(letter) => key.push(letter),
                Simple::Hangul => push_hangul_jamo(key, c),
                Simple::Break => push_break(key),
                Simple::Drop | Simple::No => {}
            }
            pending = next;
        }
        index = next;
    }
    fold_decomposed(key, &text[pending..]);
    if key.ends_with(' ') {
        key.pop();
    }
}

/// Folds a run of characters through NFKD, accents dropped, lower-cased.
fn fold_decomposed(key: &mut String, run: &str) {
    if run.is_empty() {
        return;
    }
    for c in run.nfkd().filter(|&c| !is_combining_mark(c)) {
        for lower in c.to_lowercase() {
            push_folded(key, lower);
        }
    }
}

/// How a common non-ASCII character folds without running NFKD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Simple {
    /// A letter to push as it is (already decomposed and lower-cased).
    Letter(char),
    /// A precomposed Hangul syllable: its conjoining jamo.
    Hangul,
    /// Dropped punctuation (typographic quotes).
    Drop,
    /// A word break (dashes, NBSP).
    Break,
    /// Anything else: the general NFKD path.
    No,
}

/// The common non-ASCII characters of scraped text, folded exactly as
/// NFKD, mark removal and lower-casing would: basic Cyrillic (`й` is `и`
/// plus a breve), Hangul syllables (decomposed by the Unicode algorithm),
/// typographic quotes, en and em dashes, NBSP.
#[inline]
fn fold_simple(c: char) -> Simple {
    match c {
        '\u{419}' | '\u{439}' => Simple::Letter('\u{438}'),
        '\u{410}'..='\u{42f}' => {
            char::from_u32(u32::from(c) + 0x20).map_or(Simple::No, Simple::Letter)
        }
        '\u{430}'..='\u{44f}' => Simple::Letter(c),
        '\u{ac00}'..='\u{d7a3}' => Simple::Hangul,
        '\u{2018}'..='\u{201f}' => Simple::Drop,
        '\u{a0}' | '\u{2013}' | '\u{2014}' => Simple::Break,
        _ => Simple::No,
    }
}

/// Pushes the conjoining jamo of a precomposed Hangul syllable, as its
/// canonical decomposition gives them (Unicode §3.12).
fn push_hangul_jamo(key: &mut String, syllable: char) {
    const S_BASE: u32 = 0xac00;
    const L_BASE: u32 = 0x1100;
    const V_BASE: u32 = 0x1161;
    const T_BASE: u32 = 0x11a7;
    const T_COUNT: u32 = 28;
    const N_COUNT: u32 = 21 * T_COUNT;
    let index = u32::from(syllable) - S_BASE;
    let jamo = [
        L_BASE + index / N_COUNT,
        V_BASE + (index % N_COUNT) / T_COUNT,
        T_BASE + index % T_COUNT,
    ];
    let count = if index.is_multiple_of(T_COUNT) { 2 } else { 3 };
    for &code in &jamo[..count] {
        key.extend(char::from_u32(code));
    }
}

/// What [`push_folded`] does with each ASCII byte, as a table: a letter or
/// digit (lower-cased), dropped punctuation, or a word break.
const ASCII_FOLD: [u8; 128] = {
    let mut table = [ASCII_BREAK; 128];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        if b.is_ascii_alphanumeric() {
            table[byte] = b.to_ascii_lowercase();
        } else if matches!(b, b'\'' | b'"' | b'`' | b'.' | b',') {
            table[byte] = ASCII_DROP;
        }
        byte += 1;
    }
    table
};
const ASCII_BREAK: u8 = 0;
const ASCII_DROP: u8 = 1;

/// Folds the run of ASCII bytes that starts at `start` into the key, and
/// returns where the run ends. Most scraped text is ASCII, so this loop is
/// the key's hot path: one table lookup per byte.
fn push_folded_ascii_run(key: &mut String, bytes: &[u8], start: usize) -> usize {
    let mut after_break = key.as_bytes().last().is_none_or(|&last| last == b' ');
    let mut index = start;
    while let Some(&byte) = bytes.get(index).filter(|b| b.is_ascii()) {
        match ASCII_FOLD[usize::from(byte)] {
            ASCII_BREAK => {
                if !after_break {
                    key.push(' ');
                    after_break = true;
                }
            }
            ASCII_DROP => {}
            folded => {
                key.push(char::from(folded));
                after_break = false;
            }
        }
        index += 1;
    }
    index
}

#[inline]
fn push_folded_ascii(key: &mut String, byte: u8) {
    match ASCII_FOLD[usize::from(byte)] {
        ASCII_BREAK => push_break(key),
        ASCII_DROP => {}
        folded => key.push(char::from(folded)),
    }
}

/// Appends one lower-cased character to the key: letters and digits as they
/// are, ideographs as tokens of their own (scripts without spaces still get
/// words to compare), quotes and in-word punctuation dropped (`don’t` and
/// `dont`, `12,800` and `12800` agree), anything else a word break.
fn push_folded(key: &mut String, c: char) {
    if c.is_ascii() {
        push_folded_ascii(key, c as u8);
    } else if crate::text::is_alphanumeric(c) {
        if is_ideograph(c) {
            push_break(key);
            key.push(c);
            key.push(' ');
        } else {
            key.push(c);
        }
    } else if !is_dropped_punctuation(c) {
        push_break(key);
    }
}

#[inline]
fn push_break(key: &mut String) {
    if key.as_bytes().last().is_some_and(|&last| last != b' ') {
        key.push(' ');
    }
}

fn is_dropped_punctuation(c: char) -> bool {
    matches!(
        c,
        '\'' | '"' | '`' | '.' | ',' | '\u{b4}' | '\u{2018}'
            ..='\u{201f}' | '\u{2026}' | '\u{ab}' | '\u{bb}' | '\u{2039}' | '\u{203a}'
    )
}

fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // kana
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{2fa1f}')
}

/// The key's tokens.
///
/// A byte loop rather than `split(' ')`: tokens are a few bytes long, and
/// `split` pays for a `memchr` call per token.
pub fn tokens(key: &str) -> impl Iterator<Item = &str> {
    let bytes = key.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        while start < bytes.len() {
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b' ')
                .map_or(bytes.len(), |offset| start + offset);
            // Both ends are a space or an end of the key: char boundaries.
            let token = &key[start..end];
            start = end + 1;
            if !token.is_empty() {
                return Some(token);
            }
        }
        None
    })
}

/// The first 128 bits of the key's SHA-256: exact identity of two
/// paragraphs (a chance collision needs about 2^64 paragraphs), in half the
/// memory of the whole digest, which a big file keeps for every paragraph.
pub type Digest = u128;

/// The [`Digest`] of a key.
pub fn digest(key: &str) -> Digest {
    let hash: [u8; 32] = Sha256::digest(key.as_bytes()).into();
    let mut first = [0; 16];
    first.copy_from_slice(&hash[..16]);
    Digest::from_be_bytes(first)
}

/// A shingle hash. 32 bits halve the memory of the shingle sets and the
/// candidate index (the largest allocations for a big file); a collision can
/// only propose a candidate pair or add one shared shingle to a containment
/// score, at odds of about one in four billion per lookup, and every pair is
/// still checked word by word.
pub type Shingle = u32;

/// Hashes of the word shingles of `tokens`, in order: shingle `i` covers
/// tokens `i..i + SHINGLE_WORDS`. Fewer tokens than a shingle make one
/// shingle of all of them.
pub fn shingles_in_order(tokens: &[&str]) -> Vec<Shingle> {
    let mut shingles = Vec::with_capacity(tokens.len());
    push_shingles(tokens.iter().copied(), &mut shingles);
    shingles
}

/// Pushes the shingle hashes of `tokens`, in order. Each token is hashed once
/// and the shingle hash is a cheap mix of the token hashes.
fn push_shingles<'t>(tokens: impl Iterator<Item = &'t str>, shingles: &mut Vec<Shingle>) {
    // The hashes of the last `SHINGLE_WORDS` tokens, oldest first.
    let mut window = [0u64; SHINGLE_WORDS];
    let mut seen = 0;
    for token in tokens {
        window.copy_within(1.., 0);
        window[SHINGLE_WORDS - 1] = hash_token(token);
        seen += 1;
        if seen >= SHINGLE_WORDS {
            shingles.push(mix(&window));
        }
    }
    if (1..SHINGLE_WORDS).contains(&seen) {
        shingles.push(mix(&window[SHINGLE_WORDS - seen..]));
    }
}

/// Number of tokens in a key: its tokens are separated by single spaces, with
/// none at either end.
pub fn token_count(key: &str) -> usize {
    if key.is_empty() {
        0
    } else {
        memchr::memchr_iter(b' ', key.as_bytes()).count() + 1
    }
}

/// Mixes the token hashes of one shingle; the high bits of the product are the best mixed.
fn mix(token_hashes: &[u64]) -> Shingle {
    let mixed = token_hashes
        .iter()
        .fold(0u64, |acc, &h| acc.rotate_left(21) ^ h)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (mixed >> 32) as Shingle
}

/// Appends the shingle hashes of a key to `arena`, in order. One arena holds
/// the shingles of a whole document: a vector per paragraph cost a third more
/// memory for a big file. They are not sorted here: the candidate index sorts
/// all of a document's shingles at once, and only the few paragraphs that are
/// compared need a sorted set.
pub fn push_key_shingles(key: &str, arena: &mut Vec<Shingle>) {
    push_shingles(tokens(key), arena);
}

/// The distinct shingle hashes of a key, sorted.
pub fn shingle_set(shingles: &[Shingle]) -> Vec<Shingle> {
    let mut set = shingles.to_vec();
    set.sort_unstable();
    set.dedup();
    set
}

fn hash_token(token: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(token.as_bytes());
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retyped_copies_share_a_key() {
        let key = match_key(
            "Ms Rudd\u{2019}s \u{2018}soft\u{2019} Brexit \u{2013} 12,800 returns\u{2026}",
        );
        assert_eq!(key, "ms rudds soft brexit 12800 returns");
        assert_eq!(
            match_key("MS RUDD'S \"SOFT\" BREXIT - 12800 RETURNS..."),
            key
        );
    }

    #[test]
    fn accents_and_compatibility_forms_fold() {
        assert_eq!(
            match_key("Caf\u{e9} \u{fb01}nal \u{c9}T\u{c9}"),
            "cafe final ete"
        );
        // Stripping marks folds Russian \u{439} to \u{438} (and \u{451} to \u{435}), as readers do when they skim.
        assert_eq!(
            match_key(
                "\u{417}\u{434}\u{440}\u{430}\u{432}\u{441}\u{442}\u{432}\u{443}\u{439}\u{442}\u{435}!"
            ),
            "\u{437}\u{434}\u{440}\u{430}\u{432}\u{441}\u{442}\u{432}\u{443}\u{438}\u{442}\u{435}"
        );
    }

    #[test]
    fn digits_are_kept_and_break_nothing() {
        assert_ne!(match_key("Step 1: open"), match_key("Step 2: open"));
        assert_eq!(match_key("2017-18"), "2017 18");
    }

    /// The key as first written: NFKD of the whole text, char by char.
    fn reference_key(text: &str) -> String {
        let mut key = String::new();
        for c in text.nfkd().filter(|&c| !is_combining_mark(c)) {
            for lower in c.to_lowercase() {
                push_folded(&mut key, lower);
            }
        }
        if key.ends_with(' ') {
            key.pop();
        }
        key
    }

    #[test]
    fn ascii_fast_path_gives_the_reference_key() {
        let cases = [
            "",
            " ",
            "Plain ASCII, with punctuation... and 12,800 'quotes' -- done!",
            "cafe\u{301} Cafe\u{301}\u{327} e\u{301}\u{300}x",
            "\u{301}leading mark, A\u{30a}ngstro\u{308}m",
            "\u{fb01}nal \u{1c4}\u{1c5} \u{2460}\u{2461} \u{ff21}\u{ff42} \u{130}stanbul",
            "Ms Rudd\u{2019}s \u{2018}soft\u{2019} Brexit \u{2013} 12,800\u{a0}returns\u{2026}",
            "\u{4f60}\u{597d}\u{3002}ok \u{3053}\u{3093}x \u{20000}",
            "\u{417}\u{434}\u{440}\u{430}\u{432}\u{441}\u{442}\u{432}\u{443}\u{439}\u{442}\u{435}!",
            "trailing break -",
            "x\u{200b}y \u{ad}z \u{3000}w",
            "\u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{430} \u{419}\u{43e}\u{439}\u{301}\u{439}\u{306} \u{401}\u{451} \u{418}\u{306}",
            "\u{2018}x\u{2019}\u{301}\u{201c}\u{327}y\u{201d} \u{430}\u{301}\u{327}",
            "\u{d55c}\u{ad6d}\u{c5b4} \u{ac00}\u{d7a3}\u{ac01}\u{301} \u{1100}\u{1161}",
            "a\u{a0}b\u{2013}c\u{2014}\u{a0}\u{2014}d \u{a0}\u{301}e",
        ];
        for text in cases {
            assert_eq!(match_key(text), reference_key(text), "{text:?}");
        }
    }

    #[test]
    fn tokens_are_the_non_empty_pieces_between_spaces() {
        for key in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "a b",
            "  ab  c d  ",
            "\u{435}\u{436} x",
        ] {
            let expected: Vec<&str> = key.split(' ').filter(|t| !t.is_empty()).collect();
            assert_eq!(tokens(key).collect::<Vec<_>>(), expected, "{key:?}");
        }
    }

    #[test]
    fn every_bmp_character_folds_as_the_reference() {
        for c in ('\u{80}'..='\u{ffff}').filter(|c| !c.is_control()) {
            let text = format!("{c}a{c}\u{301}{c}{c}");
            assert_eq!(
                match_key(&text),
                reference_key(&text),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_key_equals_reference_key(text in "[a-zA-Z0-9 .,'\u{300}-\u{36f}\u{a0}-\u{2fff}\u{400}-\u{45f}\u{ac00}-\u{ac40}\u{d790}-\u{d7ff}\u{2010}-\u{2020}]{0,40}|\\PC{0,40}") {
            proptest::prop_assert_eq!(match_key(&text), reference_key(&text));
        }
    }

    #[test]
    fn ideographs_are_tokens() {
        assert_eq!(match_key("\u{4f60}\u{597d}\u{3002}"), "\u{4f60} \u{597d}");
    }

    #[test]
    fn shingles_equal_the_windows_of_token_hashes() {
        let words: Vec<&str> = "a b c d e f g a b c".split(' ').collect();
        for len in 0..=words.len() {
            let tokens = &words[..len];
            let hashes: Vec<u64> = tokens.iter().map(|t| hash_token(t)).collect();
            let expected: Vec<Shingle> = if hashes.is_empty() {
                Vec::new()
            } else {
                hashes.windows(SHINGLE_WORDS.min(len)).map(mix).collect()
            };
            assert_eq!(shingles_in_order(tokens), expected, "{len} tokens");
        }
    }

    #[test]
    fn token_count_counts_tokens() {
        for key in ["", "a", "a b", "ab cd ef", "\u{435}\u{436} x"] {
            assert_eq!(token_count(key), tokens(key).count(), "{key:?}");
        }
        let key = match_key("  Spaced -- out ... text, ");
        assert_eq!(token_count(&key), tokens(&key).count());
    }

    #[test]
    fn key_shingles_are_the_shingles_in_order_and_sets_sort_them() {
        let mut arena = vec![7];
        for key in ["a b c a b c d", "x", "", "d c b a d c b a"] {
            let words: Vec<&str> = tokens(key).collect();
            let in_order = shingles_in_order(&words);
            let start = arena.len();
            push_key_shingles(key, &mut arena);
            assert_eq!(arena[start..], in_order, "{key:?}");
            let mut expected = in_order.clone();
            expected.sort_unstable();
            expected.dedup();
            assert_eq!(shingle_set(&in_order), expected, "{key:?}");
        }
        assert_eq!(arena[0], 7, "earlier shingles are untouched");
    }

    #[test]
    fn shingles_cover_windows_of_three_tokens() {
        let words = ["a", "b", "c", "d"];
        let shingles = shingles_in_order(&words);
        assert_eq!(shingles.len(), 2);
        assert_eq!(shingles_in_order(&["b", "c", "d"])[0], shingles[1]);
        assert_eq!(shingles_in_order(&["a", "b"]).len(), 1);
        assert!(shingles_in_order(&[]).is_empty());
    }
}
