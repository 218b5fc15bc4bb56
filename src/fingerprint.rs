//! Fingerprints: what the later stages know of each paragraph that no noise
//! rule removed, computed once: its comparison key's token count, shingles
//! and [`Digest`], and its shape (a caption label, a finished sentence).

use crate::key::{
    Digest, SHINGLE_WORDS, Shingle, digest, match_key, match_key_into, push_key_shingles,
    token_count, tokens,
};
use crate::text::ends_sentence;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// The paragraphs that the later stages compare: the indices of the
/// candidates (the paragraphs no noise rule removed), and for each its
/// fingerprint and the [`Digest`] of its key (the keys are not kept).
#[derive(Debug, Default)]
pub struct Fingerprints<'a> {
    /// Index in the document of each candidate, in order.
    pub candidates: Vec<usize>,
    /// What matching knows of each candidate.
    pub fingerprints: Vec<Fingerprinted<'a>>,
    /// The digest of each candidate's key.
    pub digests: Vec<Digest>,
}

/// Fingerprints the paragraphs of `texts` for which `candidate` holds. The
/// shingles go into `shingle_arena`, which the fingerprints borrow: one
/// arena holds the shingles of a whole document. `keys` are the paragraphs'
/// comparison keys when an earlier stage computed them already.
pub fn fingerprint<'a>(
    texts: &[&'a str],
    keys: Option<&[String]>,
    candidate: impl Fn(usize) -> bool,
    min_words: usize,
    shingle_arena: &'a mut Vec<Shingle>,
) -> Fingerprints<'a> {
    let candidates: Vec<usize> = (0..texts.len()).filter(|&i| candidate(i)).collect();
    let mut spans = Vec::with_capacity(candidates.len());
    let mut digests = Vec::with_capacity(candidates.len());
    // An exact copy (the same key) borrows its first copy's shingles: a file
    // that repeats its paragraphs holds their shingles once. On 29 MB of
    // articles pasted 25 times over, the arena's peak went from 16.8 MB to
    // 4.2 MB (massif).
    let mut first_copies: FxHashMap<Digest, Range<usize>> = FxHashMap::default();
    let mut key = String::new();
    for &candidate in &candidates {
        let key = match keys {
            Some(keys) => keys[candidate].as_str(),
            None => {
                match_key_into(texts[candidate], &mut key);
                key.as_str()
            }
        };
        let token_count = token_count(key);
        let digest = digest(key);
        let span = if token_count >= min_words {
            first_copies
                .entry(digest)
                .or_insert_with(|| {
                    let start = shingle_arena.len();
                    push_key_shingles(key, shingle_arena);
                    start..shingle_arena.len()
                })
                .clone()
        } else {
            shingle_arena.len()..shingle_arena.len()
        };
        spans.push((token_count, span));
        digests.push(digest);
    }
    // Freed before the fingerprints are made, which outweigh it.
    drop(first_copies);
    let shingle_arena: &'a [Shingle] = shingle_arena;
    let fingerprints = candidates
        .iter()
        .zip(spans)
        .map(|(&candidate, (token_count, span))| {
            Fingerprinted::new(texts[candidate], token_count, &shingle_arena[span])
        })
        .collect();
    Fingerprints {
        candidates,
        fingerprints,
        digests,
    }
}

impl<'a> Fingerprints<'a> {
    /// These fingerprints cut down to a page made of some of the paragraphs
    /// they were made from, as [`fingerprint`] would make them for that page
    /// alone: `page` holds the paragraphs' indices, in increasing order, and
    /// `candidate(at)` says whether `page[at]` is a candidate there. Every
    /// such candidate must be a candidate here. Indices in the result point
    /// into `page`. The fingerprints move, so a big file never holds two
    /// copies of them.
    pub fn select(mut self, page: &[usize], candidate: impl Fn(usize) -> bool) -> Fingerprints<'a> {
        // Compacted in place: the page's candidates are a subsequence of these.
        let (mut kept, mut from) = (0, 0);
        for (at, &paragraph) in page.iter().enumerate() {
            if !candidate(at) {
                continue;
            }
            from += self.candidates[from..]
                .iter()
                .position(|&index| index == paragraph)
                .expect("a candidate of the page is a candidate of the whole");
            self.candidates[kept] = at;
            self.fingerprints.swap(kept, from);
            self.digests[kept] = self.digests[from];
            kept += 1;
            from += 1;
        }
        self.candidates.truncate(kept);
        self.fingerprints.truncate(kept);
        self.digests.truncate(kept);
        self
    }

    /// Whether every paragraph of `page` for which `candidate(at)` holds has
    /// a fingerprint here, as [`Fingerprints::select`] needs.
    pub fn cover(&self, page: &[usize], candidate: impl Fn(usize) -> bool) -> bool {
        let mut from = 0;
        for (at, &paragraph) in page.iter().enumerate() {
            if !candidate(at) {
                continue;
            }
            match self.candidates[from..]
                .iter()
                .position(|&index| index == paragraph)
            {
                Some(offset) => from += offset + 1,
                None => return false,
            }
        }
        true
    }

    /// These fingerprints of a page's candidates (see [`Fingerprints::select`])
    /// with their indices back in the list `page` was made from.
    pub fn unselect(mut self, page: &[usize]) -> Fingerprints<'a> {
        for candidate in &mut self.candidates {
            *candidate = page[*candidate];
        }
        self
    }
}

/// What matching knows about one paragraph.
#[derive(Debug, Clone)]
pub struct Fingerprinted<'a> {
    /// The paragraph's text. Its comparison key is computed again for the few
    /// pairs that are compared word by word rather than kept for every
    /// paragraph: for a big file the keys would be as large as the text.
    pub text: &'a str,
    /// Number of tokens in the key ([`Fingerprinted::token_count`]): 32
    /// bits, as there is one of these for every paragraph of a big file
    /// that no noise rule removed (40 bytes each).
    token_count: u32,
    /// [`Fingerprinted::label_tokens`]: a label is one to five words.
    label_tokens: u16,
    /// The text ends a sentence (`.`, `!`, `?`; an ellipsis marks a cut, not an end).
    pub ends_sentence: bool,
    /// The text opens with an item's number ([`item_number_end`]).
    pub numbered: bool,
    /// The key's shingle hashes, in order (a paragraph that repeats a
    /// phrase has its shingles twice).
    pub shingles: &'a [Shingle],
}

// One for every candidate paragraph of a file: its size is its memory's.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Fingerprinted<'_>>() == 40);

impl<'a> Fingerprinted<'a> {
    /// The fingerprint of `text`, whose comparison key has `token_count`
    /// tokens and these `shingles`.
    pub fn new(text: &'a str, token_count: usize, shingles: &'a [Shingle]) -> Self {
        let number_end = item_number_end(text);
        // A numbered item's label follows its number ("1. Neue Radwege am
        // Ufer: ..."), as its copy without the number has it.
        let label_tokens = caption_label_tokens(&text[number_end.unwrap_or(0)..]);
        Fingerprinted {
            text,
            token_count: u32::try_from(token_count).unwrap_or(u32::MAX),
            label_tokens: u16::try_from(label_tokens).unwrap_or(u16::MAX),
            ends_sentence: ends_sentence(text),
            numbered: number_end.is_some(),
            shingles,
        }
    }

    /// Number of tokens in the key (at most `u32::MAX`).
    pub fn token_count(&self) -> usize {
        self.token_count as usize
    }

    /// Tokens of a short caption label (`Battle for survival: `) that starts
    /// the paragraph, or 0.
    pub fn label_tokens(&self) -> usize {
        usize::from(self.label_tokens)
    }

    /// Tokens after the caption label: what the paragraph says.
    pub fn body_tokens(&self) -> usize {
        self.token_count().saturating_sub(self.label_tokens())
    }
}

/// Where the number of a numbered list's item that opens `text` ends,
/// with the spaces after it, if one does: one to three figures and `.` or
/// `)` before a word ("3. Floodwaters recede ...", "1) Preheat the oven").
/// A "Most read" list at a page's foot numbers the headlines it repeats.
pub fn item_number_end(text: &str) -> Option<usize> {
    let start = text.len() - text.trim_start().len();
    let figures = text[start..].bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&figures) {
        return None;
    }
    let rest = text[start + figures..].strip_prefix(['.', ')'])?;
    let words = rest.trim_start();
    (rest.starts_with(' ') && words.starts_with(char::is_alphanumeric))
        .then(|| text.len() - words.len())
}

/// Number of key tokens in a short caption label that opens `text`
/// ("Battle for survival: Amber Rudd is..."), or 0 when there is none.
///
/// A label is one to five words before `": "`, starting with a capital and
/// free of sentence punctuation. A label that ends with a verb of speech and
/// is followed by a quotation (`One friend said: 'In many ways...'`)
/// introduces a quote, not a caption, and keeps its attribution; so does a
/// name over a remark wholly in double quotation marks, an interview's
/// headline.
pub fn caption_label_tokens(text: &str) -> usize {
    // The first ": " of the first line, found without reading the rest of a
    // long paragraph: this runs on every paragraph.
    let bytes = text.as_bytes();
    let Some(colon) = memchr::memchr2_iter(b':', b'\n', bytes)
        .take_while(|&at| bytes[at] == b':')
        .find(|&at| bytes.get(at + 1) == Some(&b' '))
    else {
        return 0;
    };
    let line_end = memchr::memchr(b'\n', &bytes[colon..]).map_or(bytes.len(), |end| colon + end);
    let first_line = text[..line_end]
        .strip_suffix('\r')
        .unwrap_or(&text[..line_end]);
    let (label, rest) = (&first_line[..colon], &first_line[colon + 2..]);
    let words = label.split_whitespace().count();
    let starts_capitalised = label.chars().next().is_some_and(char::is_uppercase);
    let plain_label = !label.contains([
        '.', '!', '?', ';', '"', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}',
    ]);
    let attribution = rest.starts_with(['"', '\'', '\u{2018}', '\u{201c}', '\u{ab}', '\u{201e}'])
        && label
            .split_whitespace()
            .last()
            .is_some_and(|verb| SPEECH_VERBS.contains(&verb.to_lowercase().as_str()));
    // A name over a remark in quotation marks and nothing after it
    // ("Marnie Coyle: \"Fame is mostly waiting in car parks\"") heads an
    // interview: the remark is hers, quoted, and the name says who speaks.
    let remark = rest.trim_end();
    let quoted_remark = remark.starts_with(['"', '\u{201c}', '\u{ab}', '\u{201e}'])
        && remark.ends_with(['"', '\u{201d}', '\u{bb}', '\u{201c}'])
        && remark.chars().count() > 2;
    let has_body = rest.split_whitespace().count() >= SHINGLE_WORDS;
    if (1..=5).contains(&words)
        && starts_capitalised
        && plain_label
        && !attribution
        && !quoted_remark
        && has_body
    {
        tokens(&match_key(label)).count()
    } else {
        0
    }
}

/// Verbs that introduce a quotation after a colon, in the corpus's main languages.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "asked",
    "asks",
    "wrote",
    "writes",
    "tweeted",
    "explained",
    "explains",
    "stated",
    "states",
    "replied",
    "continued",
    "insisted",
    "claimed",
    "warned",
    "declared",
    "announced",
    "noted",
    "commented",
    "responded",
    "sagte",
    "sagt",
    "erkl\u{e4}rte",
    "schrieb",
    "dit",
    "d\u{e9}clare",
    "dijo",
    "afirm\u{f3}",
    "disse",
    "detto",
    "\u{441}\u{43a}\u{430}\u{437}\u{430}\u{43b}",
    "\u{441}\u{43a}\u{430}\u{437}\u{430}\u{43b}\u{430}",
    "\u{437}\u{430}\u{44f}\u{432}\u{438}\u{43b}",
];
