//! Corpus rules: site boilerplate learnt across a batch of documents.
//!
//! Much scrape noise is only visible across documents: the footer, newsletter
//! pitch or "About the author" block a site appends to every article, in words
//! no built-in rule knows. A first pass counts in how many documents each
//! paragraph occurs (a [`DocumentFrequency`] table); cleaning then removes a
//! paragraph that recurs in many documents ([`crate::CORPUS_BOILERPLATE`]).
//!
//! The table holds 64-bit fingerprints of paragraph keys, and of the MinHash
//! bands that light edits of a paragraph share with it, never text, and it
//! is a count, so building it in any order, on any number of threads or
//! machines, and merging the pieces gives the same table. Every document is
//! then decided against the same table, so no result depends on input order:
//! unlike first-copy-wins corpus deduplication, every copy of site boilerplate
//! goes and every copy of content stays.
//!
//! Precision guards, in [`CorpusBoilerplate`]: a paragraph must recur in at
//! least `min_documents` documents (a few articles quoting the same statement
//! keep it); it must have at least `min_words` words, as for copies inside a
//! document; it must sit at one place of the documents that hold it,
//! counted from their nearer end, as a template's furniture does (a
//! quotation several articles share sits wherever each puts it); it must
//! sit beside more text of the page's own, so copies of
//! one syndicated article (told by paragraphs that recur together in about
//! as many documents, and by edited paragraphs that recur as light edits)
//! are never emptied; and it must sit in the run of paragraphs that opens or
//! closes the document, where page furniture is, not between the article's
//! own paragraphs.

use crate::key::{Digest, digest, match_key};
use rustc_hash::FxHashMap;
use std::io::{self, Read, Write};

/// Default for [`CorpusBoilerplate::min_documents`]: a paragraph must recur in
/// at least this many documents. A site footer recurs in every article of the
/// site; a quotation or a results list shared by a few articles is content.
/// Measured on the labelled dev corpus as one folder (shared quotations and
/// templated lists injected into about 12 of its 90 articles each), corpus
/// removals were 88% noise at 5 documents, 97% at 8 and 100% at 10.
pub const DEFAULT_MIN_DOCUMENTS: u32 = 10;

/// The first bytes of a table file, with the format version (3: the
/// entries include near fingerprints; 2: the settings the table was counted
/// with follow the magic).
const MAGIC: &[u8; 8] = b"DDUPDF\x00\x03";

/// The magics of earlier formats: the first did not record its settings,
/// and neither counted near fingerprints.
const OLDER_MAGICS: [&[u8; 8]; 2] = [b"DDUPDF\x00\x01", b"DDUPDF\x00\x02"];

/// Bytes of one table entry on disk: a u64 fingerprint and a u32 count.
pub const ENTRY_BYTES: usize = 12;

/// Bytes of one place on disk: a u64 fingerprint and two u64 sums.
const PLACE_BYTES: usize = 24;

/// Header: magic, u64 settings, u64 documents, u64 entries.
const HEADER_BYTES: usize = 8 + 8 + 8 + 8;

/// In how many documents each paragraph key occurs, and each of the near
/// fingerprints that light edits of a paragraph share with it (six per
/// paragraph: see `near_fingerprints` in the corpus rule).
///
/// Only paragraphs of at least `min_words` words are counted: shorter ones are
/// never removed as corpus repeats, so counting them would only grow the table.
///
/// The table records the settings it was counted with ([`TableSettings`]):
/// paragraph keys depend on normalization and only paragraphs of `min_words`
/// words are counted, so counts made with other settings do not add up, and
/// merging them, or cleaning with other settings against them, is an error.
///
/// On disk (`write_to`/`read_from`) the table is binary, little-endian: the
/// 8-byte magic `DDUPDF\0\x03`, the settings (u64), the number of documents
/// (u64), the number of entries (u64), then the entries sorted by
/// fingerprint, each a u64 (the first 8 bytes of the SHA-256 of a paragraph
/// key, as a big-endian u64, or a near fingerprint) and its document count
/// (u32): 12 bytes per entry; then the number of places (u64) and the
/// places sorted by fingerprint, each a key's fingerprint and its `Place`'s
/// two sums (u64 each): 24 bytes. Up to 108 bytes per distinct paragraph
/// (its key, six near fingerprints and its place), 108 MB per million.
/// Binary rather than TSV because it is half the size of hex text, needs no
/// parsing, and its length is checked against the header, so a truncated
/// shard table is an error rather than silently smaller counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentFrequency {
    /// `None` until a document is counted (an empty table merges with any).
    pub(crate) settings: Option<TableSettings>,
    pub(crate) documents: u64,
    pub(crate) counts: FxHashMap<u64, u32>,
    /// Where each paragraph key (not the near fingerprints) sits in the
    /// documents that hold it.
    pub(crate) places: FxHashMap<u64, Place>,
}

/// Where a paragraph sits in the documents that hold it: the sum, and the
/// sum of squares, of its distance in paragraphs from the nearer end of
/// each ([`PLACE_CAP`] at most). Sums add up across shards, and with the
/// document count give the mean and the spread of the place: a site's
/// template puts its footer at the same place on every page, while a
/// quotation several articles share sits wherever each article puts it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) sum: u64,
    pub(crate) squares: u64,
}

/// Distances from a document's nearer end are counted up to this: further
/// in, every place is the middle of the page.
pub(crate) const PLACE_CAP: u64 = 63;

impl Place {
    /// The place of a paragraph `distance` paragraphs from the nearer end.
    pub(crate) fn at(distance: usize) -> Self {
        let distance = (distance as u64).min(PLACE_CAP);
        Place {
            sum: distance,
            squares: distance * distance,
        }
    }

    fn checked_add(self, other: Place) -> Option<Place> {
        Some(Place {
            sum: self.sum.checked_add(other.sum)?,
            squares: self.squares.checked_add(other.squares)?,
        })
    }

    /// Whether the paragraph sits at about one place in its `documents`
    /// documents: the variance of its distance from the nearer end is at
    /// most [`FIXED_PLACE_VARIANCE`].
    pub(crate) fn fixed(self, documents: u32) -> bool {
        let n = u128::from(documents.max(1));
        // n * squares - sum^2 is n^2 times the variance.
        let spread = n * u128::from(self.squares) - u128::from(self.sum).pow(2);
        spread <= FIXED_PLACE_VARIANCE * n * n
    }
}

/// The largest variance, in paragraphs squared, of a paragraph's distance
/// from the nearer end of its documents for it to sit at one place: a
/// template's footer moves a line or two when an optional line (a share
/// bar, a date) comes and goes. A quotation injected into twelve of the
/// development corpus's articles sits 2 to 22 paragraphs from an end,
/// counting paragraphs split at blank lines (variance 26).
const FIXED_PLACE_VARIANCE: u128 = 4;

/// A fingerprint of the options that decide what a table counts: `min_words`
/// and every normalization step that changes a paragraph's key (not the line
/// endings of the clean copy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSettings(pub(crate) u64);

/// Why two tables cannot be added up, or a table cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// Counted with other settings (`min_words` or normalization).
    OtherSettings,
    /// A count would pass its type's maximum.
    Overflow,
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TableError::OtherSettings => {
                "the tables were counted with other settings (min_words or normalization); count them again with the same ones"
            }
            TableError::Overflow => "a document count would overflow",
        })
    }
}

impl std::error::Error for TableError {}

impl DocumentFrequency {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds another table's counts (a shard's, a thread's) to this one. An
    /// error, leaving this table unchanged, when the two were counted with
    /// other settings or a count would overflow.
    pub fn merge(&mut self, other: &DocumentFrequency) -> Result<(), TableError> {
        let settings = match (self.settings, other.settings) {
            (Some(mine), Some(theirs)) if mine != theirs => return Err(TableError::OtherSettings),
            (mine, theirs) => mine.or(theirs),
        };
        let documents = self
            .documents
            .checked_add(other.documents)
            .ok_or(TableError::Overflow)?;
        let overflows = other.counts.iter().any(|(fingerprint, &count)| {
            let mine = self.counts.get(fingerprint).copied().unwrap_or(0);
            mine.checked_add(count).is_none()
        }) || other.places.iter().any(|(fingerprint, &place)| {
            let mine = self.places.get(fingerprint).copied().unwrap_or_default();
            mine.checked_add(place).is_none()
        });
        if overflows {
            return Err(TableError::Overflow);
        }
        for (&fingerprint, &count) in &other.counts {
            *self.counts.entry(fingerprint).or_default() += count;
        }
        for (&fingerprint, &place) in &other.places {
            let mine = self.places.entry(fingerprint).or_default();
            *mine = mine.checked_add(place).unwrap_or(*mine);
        }
        self.settings = settings;
        self.documents = documents;
        Ok(())
    }

    /// How many documents were counted.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// How many entries the table holds: distinct paragraph keys and near
    /// fingerprints.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// True when no paragraph was counted.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// In how many documents a paragraph occurs, compared by its key (so case,
    /// punctuation and accents do not matter).
    pub fn documents_with(&self, paragraph: &str) -> u32 {
        self.count(&digest(&match_key(paragraph)))
    }

    pub(crate) fn count(&self, key_digest: &Digest) -> u32 {
        self.count_fingerprint(fingerprint(key_digest))
    }

    /// Where the paragraph of this key digest sits in its documents.
    pub(crate) fn place(&self, key_digest: &Digest) -> Place {
        self.places
            .get(&fingerprint(key_digest))
            .copied()
            .unwrap_or_default()
    }

    /// The count of one entry of the table: a key's [`fingerprint`], or one
    /// of the near fingerprints that edited copies of a key share.
    pub(crate) fn count_fingerprint(&self, fingerprint: u64) -> u32 {
        self.counts.get(&fingerprint).copied().unwrap_or(0)
    }

    /// Writes the table in the format described on the type; the same table
    /// always gives the same bytes.
    pub fn write_to(&self, mut out: impl Write) -> io::Result<()> {
        let mut entries: Vec<(u64, u32)> = self.counts.iter().map(|(&f, &c)| (f, c)).collect();
        entries.sort_unstable();
        out.write_all(MAGIC)?;
        out.write_all(&self.settings.map_or(0, |settings| settings.0).to_le_bytes())?;
        out.write_all(&self.documents.to_le_bytes())?;
        out.write_all(&(entries.len() as u64).to_le_bytes())?;
        for (fingerprint, count) in entries {
            out.write_all(&fingerprint.to_le_bytes())?;
            out.write_all(&count.to_le_bytes())?;
        }
        let mut places: Vec<(u64, Place)> = self.places.iter().map(|(&f, &p)| (f, p)).collect();
        places.sort_unstable_by_key(|&(fingerprint, _)| fingerprint);
        out.write_all(&(places.len() as u64).to_le_bytes())?;
        for (fingerprint, place) in places {
            out.write_all(&fingerprint.to_le_bytes())?;
            out.write_all(&place.sum.to_le_bytes())?;
            out.write_all(&place.squares.to_le_bytes())?;
        }
        out.flush()
    }

    /// Reads a table written by [`write_to`](Self::write_to). A wrong magic,
    /// a truncated file or trailing bytes are `InvalidData` errors.
    pub fn read_from(mut input: impl Read) -> io::Result<Self> {
        let invalid = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
        let mut bytes = Vec::new();
        input.read_to_end(&mut bytes)?;
        if OLDER_MAGICS.iter().any(|magic| bytes.starts_with(*magic)) {
            return Err(invalid(
                "a table of an older dedupe, which counted less; count it again",
            ));
        }
        if bytes.len() < HEADER_BYTES || &bytes[..8] != MAGIC {
            return Err(invalid("not a dedupe table (written by --write-table)"));
        }
        let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or([0; 8]));
        let settings = (word(8) != 0).then_some(TableSettings(word(8)));
        let documents = word(16);
        let entries = word(24);
        let body = &bytes[HEADER_BYTES..];
        let truncated = || invalid("truncated or damaged dedupe table");
        let counts_bytes = usize::try_from(entries)
            .ok()
            .and_then(|entries| entries.checked_mul(ENTRY_BYTES))
            .filter(|&len| len.checked_add(8).is_some_and(|end| end <= body.len()))
            .ok_or_else(truncated)?;
        let (counts_body, rest) = body.split_at(counts_bytes);
        let u64_at = |bytes: &[u8], at: usize| {
            u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or([0; 8]))
        };
        let places_body = &rest[8..];
        if Some(places_body.len() as u64) != u64_at(rest, 0).checked_mul(PLACE_BYTES as u64) {
            return Err(truncated());
        }
        let counts = counts_body
            .chunks_exact(ENTRY_BYTES)
            .map(|entry| {
                let (fingerprint, count) = entry.split_at(8);
                (
                    u64::from_le_bytes(fingerprint.try_into().unwrap_or([0; 8])),
                    u32::from_le_bytes(count.try_into().unwrap_or([0; 4])),
                )
            })
            .collect();
        let places = places_body
            .chunks_exact(PLACE_BYTES)
            .map(|entry| {
                let place = Place {
                    sum: u64_at(entry, 8),
                    squares: u64_at(entry, 16),
                };
                (u64_at(entry, 0), place)
            })
            .collect();
        Ok(DocumentFrequency {
            settings,
            documents,
            counts,
            places,
        })
    }
}

/// The table and the thresholds that turn a recurring paragraph into site
/// boilerplate; shared by threads through [`crate::Options::corpus`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusBoilerplate {
    /// In how many documents each paragraph occurs.
    pub table: DocumentFrequency,
    /// A paragraph recurring in fewer documents is kept.
    pub min_documents: u32,
}

impl CorpusBoilerplate {
    /// Thresholds at their defaults.
    pub fn new(table: DocumentFrequency) -> Self {
        CorpusBoilerplate {
            table,
            min_documents: DEFAULT_MIN_DOCUMENTS,
        }
    }
}

/// The first 8 bytes of a key digest: enough to tell a billion paragraphs
/// apart (a collision only inflates one paragraph's count), a third of the
/// digest's size.
pub(crate) fn fingerprint(key_digest: &Digest) -> u64 {
    (key_digest >> 64) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;
    use std::sync::Arc;

    const FOOTER: &str =
        "The Riverside Gazette is published by Harbour Media Group, 14 Quay Street, Bristol.";

    /// Story `n`: a headline, then two paragraphs of the seed article that
    /// no other story below 10 (nor story 99) has, then the footer. Real
    /// prose, so that stories differ in their words, not in a slot of one
    /// template, which would read as light edits of one article.
    fn article(n: usize) -> String {
        let paragraphs: Vec<&str> = include_str!("../fixtures/rudd-windrush.expected.txt")
            .split("\n\n")
            .map(str::trim)
            .collect();
        let (first, second) = (2 * n % paragraphs.len(), (2 * n + 1) % paragraphs.len());
        format!(
            "Story number {n} begins with a headline\n\n{}\n\n{}\n\n{FOOTER}\n",
            paragraphs[first], paragraphs[second]
        )
    }

    fn table_of(documents: &[String]) -> DocumentFrequency {
        let mut table = DocumentFrequency::new();
        for document in documents {
            table.add_document(document, &Options::default());
        }
        table
    }

    #[test]
    fn a_place_is_fixed_when_its_distance_from_the_end_varies_little() {
        let place_of = |distances: &[usize]| {
            distances.iter().fold(Place::default(), |total, &d| {
                total.checked_add(Place::at(d)).unwrap()
            })
        };
        // A footer last on every page, or last but one when a share bar follows.
        assert!(place_of(&[0; 12]).fixed(12));
        assert!(place_of(&[0, 1, 0, 2, 0, 0, 1, 0, 0, 2, 0, 0]).fixed(12));
        // The shared quotation of the development corpus's twelve articles.
        let quotation = [8, 3, 3, 9, 8, 22, 9, 12, 10, 2, 8, 12];
        assert!(!place_of(&quotation).fixed(12));
        // Far from both ends, every place counts as the middle.
        assert!(place_of(&[100, 200, 300]).fixed(3));
    }

    #[test]
    fn counts_documents_not_occurrences() {
        let doubled = format!("{FOOTER}\n\n{FOOTER}\n");
        let table = table_of(&[doubled, article(1), article(2)]);
        assert_eq!(table.documents(), 3);
        assert_eq!(table.documents_with(FOOTER), 3);
        assert_eq!(table.documents_with(&FOOTER.to_uppercase()), 3);
        assert_eq!(
            table.documents_with("Story number 1 begins"),
            0,
            "short lines are not counted"
        );
    }

    #[test]
    fn merged_shards_equal_one_table_and_round_trip() {
        let documents: Vec<String> = (0..7).map(article).collect();
        let mut merged = table_of(&documents[..3]);
        merged.merge(&table_of(&documents[3..])).unwrap();
        let whole = table_of(&documents);
        assert_eq!(merged, whole);

        let mut bytes = Vec::new();
        whole.write_to(&mut bytes).unwrap();
        assert_eq!(
            bytes.len(),
            HEADER_BYTES + ENTRY_BYTES * whole.len() + 8 + PLACE_BYTES * whole.places.len()
        );
        assert_eq!(DocumentFrequency::read_from(&bytes[..]).unwrap(), whole);
        let truncated = DocumentFrequency::read_from(&bytes[..bytes.len() - 1]).unwrap_err();
        assert_eq!(truncated.kind(), io::ErrorKind::InvalidData);
        assert!(DocumentFrequency::read_from(&b"hello"[..]).is_err());
    }

    /// Reproducer 18: tables counted with other settings never add up, a
    /// count never wraps, and an old table without settings is refused.
    #[test]
    fn tables_of_other_settings_or_overflowing_counts_do_not_merge() {
        let documents: Vec<String> = (0..3).map(article).collect();
        let mut table = table_of(&documents);
        let other_options = Options {
            min_words: 1,
            ..Options::default()
        };
        let mut other = DocumentFrequency::new();
        other.add_document(&documents[0], &other_options);
        let before = table.clone();
        assert_eq!(table.merge(&other), Err(TableError::OtherSettings));
        assert_eq!(table, before, "a refused merge changes nothing");
        assert_eq!(
            table.check_settings(&other_options),
            Err(TableError::OtherSettings)
        );
        assert_eq!(table.check_settings(&Options::default()), Ok(()));
        assert_eq!(
            table.merge(&DocumentFrequency::new()),
            Ok(()),
            "an empty table merges"
        );

        let mut full = table.clone();
        full.documents = u64::MAX;
        assert_eq!(table.merge(&full), Err(TableError::Overflow));
        let mut full = table.clone();
        full.counts.values_mut().for_each(|count| *count = u32::MAX);
        full.documents = 1;
        assert_eq!(table.merge(&full), Err(TableError::Overflow));
        assert_eq!(table, before);

        let mut bytes = Vec::new();
        table.write_to(&mut bytes).unwrap();
        let read = DocumentFrequency::read_from(&bytes[..]).unwrap();
        assert_eq!(
            read.check_settings(&other_options),
            Err(TableError::OtherSettings)
        );
        let mut old = OLDER_MAGICS[1].to_vec();
        old.extend_from_slice(&bytes[16..]);
        let err = DocumentFrequency::read_from(&old[..]).unwrap_err();
        assert!(err.to_string().contains("older dedupe"), "{err}");
    }

    #[test]
    fn footer_goes_and_syndicated_copies_stay() {
        let mut documents: Vec<String> = (0..6).map(article).collect();
        documents.extend((0..6).map(|_| article(99)));
        let corpus = CorpusBoilerplate {
            min_documents: 3,
            ..CorpusBoilerplate::new(table_of(&documents))
        };
        let options = Options {
            corpus: Some(Arc::new(corpus)),
            ..Options::default()
        };
        let first = crate::clean(&documents[0], &options);
        let removed: Vec<_> = first
            .removals()
            .map(|(p, r)| (&*p.text, r.documents))
            .collect();
        assert_eq!(removed, [(FOOTER, Some(12))]);
        let syndicated = crate::clean(&documents[6], &options);
        assert_eq!(syndicated.removals().count(), 0, "{syndicated:?}");
    }

    #[test]
    fn a_recurring_paragraph_between_the_article_paragraphs_stays() {
        let quoted =
            "The minister said the harbour would reopen to all boats before the summer season.";
        let documents: Vec<String> = (0..12)
            .map(|n| {
                format!(
                    "Opening paragraph of story {n} sets out the news from the harbour today.\n\n\
                     {quoted}\n\n\
                     Closing paragraph of story {n} says what residents expect to happen next.\n"
                )
            })
            .collect();
        let options = Options {
            corpus: Some(Arc::new(CorpusBoilerplate::new(table_of(&documents)))),
            ..Options::default()
        };
        assert_eq!(crate::clean(&documents[0], &options).removals().count(), 0);
    }

    #[test]
    fn short_briefs_lose_their_site_footer() {
        // Twelve briefs of one paragraph each (the seed article's first twelve,
        // 14 to 83 words), each with the site's footer of two lines (25 words).
        const SECOND_LINE: &str =
            "Follow the Riverside Gazette for more news from the harbour and the town.";
        let briefs: Vec<&str> = include_str!("../fixtures/rudd-windrush.expected.txt")
            .split("\n\n")
            .map(str::trim)
            .take(12)
            .collect();
        let documents: Vec<String> = briefs
            .iter()
            .map(|brief| format!("{brief}\n\n{FOOTER}\n\n{SECOND_LINE}\n"))
            .collect();
        let options = Options {
            corpus: Some(Arc::new(CorpusBoilerplate::new(table_of(&documents)))),
            ..Options::default()
        };
        let footer_words = crate::key::token_count(&crate::key::match_key(FOOTER))
            + crate::key::token_count(&crate::key::match_key(SECOND_LINE));
        let mut lost_footer = 0;
        for (brief, document) in briefs.iter().zip(&documents) {
            let cleaned = crate::clean(document, &options);
            let removed: Vec<&str> = cleaned.removals().map(|(p, _)| &*p.text).collect();
            // A brief with fewer words than its footer reads as a copy of
            // a syndicated article (two paragraphs recurring together) with a
            // line of its own, and is kept whole.
            if crate::key::token_count(&crate::key::match_key(brief)) > footer_words {
                assert_eq!(removed, [FOOTER, SECOND_LINE], "{document}");
                lost_footer += 1;
            } else {
                assert!(removed.is_empty(), "{document}");
            }
        }
        assert!(lost_footer >= 6, "{lost_footer} of 12");
    }
}
