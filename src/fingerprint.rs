//! Fingerprints: the comparison key of a paragraph and what is derived from it.
//!
//! Two copies of a paragraph rarely match byte for byte: one is re-typed with
//! straight quotes, one is in capitals, one lost its accents. The key folds all
//! of that away (NFKC, case, accents, quotes, dashes, punctuation, spacing) but
//! keeps digits, because paragraphs that differ in a number are different. The
//! key is only ever compared, never printed.

use sha2::{Digest, Sha256};
use std::hash::Hasher;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Words per shingle. Three words are specific enough that two unrelated
/// paragraphs rarely share many, and short enough that a one-word edit only
/// breaks three shingles.
pub const SHINGLE_WORDS: usize = 3;

/// The comparison key: tokens separated by single spaces.
pub fn match_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    if text.is_ascii() {
        for byte in text.bytes() {
            push_folded(&mut key, char::from(byte.to_ascii_lowercase()));
        }
    } else {
        for c in text.nfkd().filter(|&c| !is_combining_mark(c)) {
            for lower in c.to_lowercase() {
                push_folded(&mut key, lower);
            }
        }
    }
    if key.ends_with(' ') {
        key.pop();
    }
    key
}

/// Appends one lower-cased character to the key: letters and digits as they
/// are, ideographs as tokens of their own (scripts without spaces still get
/// words to compare), quotes and in-word punctuation dropped (`don’t` and
/// `dont`, `12,800` and `12800` agree), anything else a word break.
fn push_folded(key: &mut String, c: char) {
    if c.is_alphanumeric() {
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

fn push_break(key: &mut String) {
    if !key.is_empty() && !key.ends_with(' ') {
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
pub fn tokens(key: &str) -> impl Iterator<Item = &str> {
    key.split(' ').filter(|token| !token.is_empty())
}

/// SHA-256 of the key: exact identity of two paragraphs.
pub fn digest(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

/// Hashes of the key's word shingles, in order: shingle `i` covers tokens
/// `i..i + SHINGLE_WORDS`. A key shorter than a shingle has one shingle of all
/// its tokens. Each token is hashed once and the shingle hash is a cheap mix of
/// the token hashes.
pub fn shingles_in_order(tokens: &[&str]) -> Vec<u64> {
    let token_hashes: Vec<u64> = tokens.iter().map(|token| hash_token(token)).collect();
    if token_hashes.is_empty() {
        return Vec::new();
    }
    let width = SHINGLE_WORDS.min(token_hashes.len());
    token_hashes
        .windows(width)
        .map(|window| {
            window
                .iter()
                .fold(0u64, |acc, &h| acc.rotate_left(21) ^ h)
                .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        })
        .collect()
}

/// The distinct shingle hashes, sorted, for membership tests by binary search.
pub fn shingle_set(tokens: &[&str]) -> Vec<u64> {
    let mut set = shingles_in_order(tokens);
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

    #[test]
    fn ideographs_are_tokens() {
        assert_eq!(match_key("\u{4f60}\u{597d}\u{3002}"), "\u{4f60} \u{597d}");
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
