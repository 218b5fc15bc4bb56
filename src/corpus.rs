//! Corpus rules: site boilerplate learnt across a batch of documents.
//!
//! Much scrape noise is only visible across documents: the footer, newsletter
//! pitch or "About the author" block a site appends to every article, in words
//! no built-in rule knows. A first pass counts in how many documents each
//! paragraph occurs (a [`DocumentFrequency`] table); cleaning then removes a
//! paragraph that recurs in many documents ([`CORPUS_BOILERPLATE`]).
//!
//! The table holds 64-bit fingerprints of paragraph keys, never text, and it
//! is a count, so building it in any order, on any number of threads or
//! machines, and merging the pieces gives the same table. Every document is
//! then decided against the same table, so no result depends on input order:
//! unlike first-copy-wins corpus deduplication, every copy of site boilerplate
//! goes and every copy of content stays.
//!
//! Precision guards, in [`CorpusBoilerplate`]: a paragraph must recur in at
//! least `min_documents` documents (a few articles quoting the same statement
//! keep it); it must have at least `min_words` words, as for copies inside a
//! document; it must sit among mostly unshared content, so copies of one
//! syndicated article (told by paragraphs that recur together in one set of
//! documents) are never emptied; and it
//! must sit in the run of paragraphs that opens or closes the document, where
//! page furniture is, not between the article's own paragraphs.

use crate::Options;
use crate::decide::{Decision, Removal};
use crate::fingerprint::{Digest, digest, match_key, match_key_into, token_count};
use crate::matching::Fingerprinted;
use rustc_hash::{FxHashMap, FxHashSet};
use std::io::{self, Read, Write};

/// Rule id of a paragraph that recurs in many documents of the corpus.
pub const CORPUS_BOILERPLATE: &str = "corpus-boilerplate";

/// Default for [`CorpusBoilerplate::min_documents`]: a paragraph must recur in
/// at least this many documents. A site footer recurs in every article of the
/// site; a quotation or a results list shared by a few articles is content.
/// Measured on the labelled dev corpus as one folder (shared quotations and
/// templated lists injected into about 12 of its 90 articles each), corpus
/// removals were 88% noise at 5 documents, 97% at 8 and 100% at 10.
pub const DEFAULT_MIN_DOCUMENTS: u32 = 10;

/// The first bytes of a table file, with the format version (2: the
/// settings the table was counted with follow the magic).
const MAGIC: &[u8; 8] = b"DDUPDF\x00\x02";

/// The magic of the first format, which did not record its settings.
const MAGIC_V1: &[u8; 8] = b"DDUPDF\x00\x01";

/// Bytes of one table entry on disk: a u64 fingerprint and a u32 count.
pub const ENTRY_BYTES: usize = 12;

/// Header: magic, u64 settings, u64 documents, u64 entries.
const HEADER_BYTES: usize = 8 + 8 + 8 + 8;

/// In how many documents each paragraph key occurs.
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
/// 8-byte magic `DDUPDF\0\x02`, the settings (u64), the number of documents
/// (u64), the number of entries (u64), then the entries sorted by fingerprint, each the first 8
/// bytes of the SHA-256 of the paragraph key (as a big-endian u64) and its
/// document count (u32): 12 bytes per distinct paragraph, 12 MB per million.
/// Binary rather than TSV because it is half the size of hex text, needs no
/// parsing, and its length is checked against the header, so a truncated
/// shard table is an error rather than silently smaller counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentFrequency {
    /// `None` until a document is counted (an empty table merges with any).
    settings: Option<TableSettings>,
    documents: u64,
    counts: FxHashMap<u64, u32>,
}

/// A fingerprint of the options that decide what a table counts: `min_words`
/// and every normalization step that changes a paragraph's key (not the line
/// endings of the clean copy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSettings(u64);

impl TableSettings {
    /// The settings `options` count with.
    pub fn of(options: &Options) -> Self {
        let n = &options.normalize;
        let canonical = format!(
            "min_words={};html_entities={};unicode_spaces={};invisible={};collapse_spaces={};trim_trailing={};nfc={};markdown={}",
            options.min_words,
            n.html_entities,
            n.unicode_spaces,
            n.invisible,
            n.collapse_spaces,
            n.trim_trailing,
            n.nfc,
            n.markdown
        );
        TableSettings(fingerprint(&digest(&canonical)))
    }
}

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

    /// Counts one document: each distinct paragraph key of at least
    /// `options.min_words` words once, however often it repeats inside it.
    /// The table's settings are those of its first document; count every
    /// document of a table with the same options.
    pub fn add_document(&mut self, text: &str, options: &Options) {
        self.settings
            .get_or_insert_with(|| TableSettings::of(options));
        self.documents += 1;
        for fingerprint in document_fingerprints(text, options) {
            let count = self.counts.entry(fingerprint).or_default();
            *count = count.saturating_add(1);
        }
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
        });
        if overflows {
            return Err(TableError::Overflow);
        }
        for (&fingerprint, &count) in &other.counts {
            *self.counts.entry(fingerprint).or_default() += count;
        }
        self.settings = settings;
        self.documents = documents;
        Ok(())
    }

    /// Checks that cleaning with `options` may use this table: it was counted
    /// with the same settings (or counted nothing).
    pub fn check_settings(&self, options: &Options) -> Result<(), TableError> {
        match self.settings {
            Some(settings) if settings != TableSettings::of(options) => {
                Err(TableError::OtherSettings)
            }
            _ => Ok(()),
        }
    }

    /// How many documents were counted.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// How many distinct paragraph keys the table holds.
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

    fn count(&self, key_digest: &Digest) -> u32 {
        self.counts
            .get(&fingerprint(key_digest))
            .copied()
            .unwrap_or(0)
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
        out.flush()
    }

    /// Reads a table written by [`write_to`](Self::write_to). A wrong magic,
    /// a truncated file or trailing bytes are `InvalidData` errors.
    pub fn read_from(mut input: impl Read) -> io::Result<Self> {
        let invalid = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
        let mut bytes = Vec::new();
        input.read_to_end(&mut bytes)?;
        if bytes.starts_with(MAGIC_V1) {
            return Err(invalid(
                "a table of an older dedupe that did not record its settings; count it again",
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
        if Some(body.len() as u64) != entries.checked_mul(ENTRY_BYTES as u64) {
            return Err(invalid("truncated or damaged dedupe table"));
        }
        let counts = body
            .chunks_exact(ENTRY_BYTES)
            .map(|entry| {
                let (fingerprint, count) = entry.split_at(8);
                (
                    u64::from_le_bytes(fingerprint.try_into().unwrap_or([0; 8])),
                    u32::from_le_bytes(count.try_into().unwrap_or([0; 4])),
                )
            })
            .collect();
        Ok(DocumentFrequency {
            settings,
            documents,
            counts,
        })
    }
}

/// The table and the thresholds that turn a recurring paragraph into site
/// boilerplate; shared by threads through [`Options::corpus`].
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
fn fingerprint(key_digest: &Digest) -> u64 {
    (key_digest >> 64) as u64
}

/// The distinct fingerprints of a document's paragraphs of at least
/// `min_words` words, found as [`crate::clean`] finds paragraphs.
fn document_fingerprints(text: &str, options: &Options) -> FxHashSet<u64> {
    let mut key = String::new();
    crate::normalized_paragraphs(text, &options.normalize)
        .paragraphs
        .iter()
        .filter_map(|paragraph| {
            match_key_into(&paragraph.text, &mut key);
            (token_count(&key) >= options.min_words).then(|| fingerprint(&digest(&key)))
        })
        .collect()
}

/// The corpus hook of [`crate::decide`]: adds the candidates that are site
/// boilerplate to `removed`, and returns the candidates left, with their
/// fingerprints and digests. Without a corpus (or with the rule ignored) it
/// returns them untouched.
///
/// A candidate goes when it has at least `min_words` words, recurs in at least
/// `min_documents` documents, sits at an edge of the document ([`at_edges`]),
/// and the document is not a syndicated copy ([`syndicated`]): a site footer
/// sits beside the article's own paragraphs, while a syndicated copy shares
/// its article text with the other copies, and is kept whole.
pub(crate) fn remove_shared<'a>(
    options: &Options,
    removed: &mut Vec<(usize, Decision)>,
    candidates: Vec<usize>,
    fingerprints: Vec<Fingerprinted<'a>>,
    digests: Vec<Digest>,
) -> (Vec<usize>, Vec<Fingerprinted<'a>>, Vec<Digest>) {
    let Some(corpus) = options
        .corpus
        .as_deref()
        .filter(|_| options.rules.enabled(CORPUS_BOILERPLATE))
    else {
        return (candidates, fingerprints, digests);
    };
    let shared: Vec<Option<u32>> = fingerprints
        .iter()
        .zip(&digests)
        .map(|(fingerprinted, key_digest)| {
            let documents = corpus.table.count(key_digest);
            (fingerprinted.token_count >= options.min_words && documents >= corpus.min_documents)
                .then_some(documents)
        })
        .collect();
    let long = fingerprints
        .iter()
        .filter(|f| f.token_count >= options.min_words)
        .count();
    if syndicated(&shared, long) {
        return (candidates, fingerprints, digests);
    }
    let shared = at_edges(shared, &fingerprints, options.min_words);
    let mut kept = (Vec::new(), Vec::new(), Vec::new());
    for (((candidate, fingerprinted), key_digest), documents) in candidates
        .into_iter()
        .zip(fingerprints)
        .zip(digests)
        .zip(shared)
    {
        match documents {
            Some(documents) => {
                removed.push((
                    candidate,
                    Decision::Remove(Removal {
                        rule: CORPUS_BOILERPLATE.to_string(),
                        kept: None,
                        similarity: None,
                        documents: Some(documents as usize),
                    }),
                ));
            }
            None => {
                kept.0.push(candidate);
                kept.1.push(fingerprinted);
                kept.2.push(key_digest);
            }
        }
    }
    kept
}

/// Whether a document is kept whole: it has no recurring paragraph, or none
/// of its own (every long paragraph recurs), or it is a copy of an article
/// syndicated across the corpus. A syndicated copy is told by what it
/// shares: its article text, several paragraphs that recur together in one
/// set of documents (the copies), so in as many documents each. Site
/// boilerplate is one footer or pitch, or blocks that recur in different
/// sets. `shared` holds each paragraph's document count when it recurs, and
/// `long` is the number of paragraphs long enough to count.
///
/// Documents recurring in one set have the same count, so paragraphs are
/// grouped by count: at least two of them recurring together, and no fewer
/// than the paragraphs the document has of its own, make a syndicated copy.
/// A news brief of one paragraph with its site's footer is not one, however
/// short it is, and loses the footer.
fn syndicated(shared: &[Option<u32>], long: usize) -> bool {
    let mut counts: Vec<u32> = shared.iter().flatten().copied().collect();
    let recurring = counts.len();
    let own = long.saturating_sub(recurring);
    if recurring == 0 || own == 0 {
        return true;
    }
    counts.sort_unstable();
    let largest_set = counts
        .chunk_by(|a, b| a == b)
        .map(<[u32]>::len)
        .max()
        .unwrap_or(0);
    largest_set >= 2 && largest_set >= own
}

/// Keeps only the recurring paragraphs in the runs that open and close the
/// document: site boilerplate is page furniture (a masthead, a footer, an
/// "about the author" block), while a paragraph recurring between the
/// article's own paragraphs is far more often content several articles share
/// (a quoted statement, a results list). Short paragraphs and those a
/// built-in rule removed do not break a run.
fn at_edges(
    mut shared: Vec<Option<u32>>,
    fingerprints: &[Fingerprinted],
    min_words: usize,
) -> Vec<Option<u32>> {
    let content = |i: &usize| fingerprints[*i].token_count >= min_words && shared[*i].is_none();
    let first = (0..shared.len()).find(content).unwrap_or(shared.len());
    let last = (0..shared.len()).rev().find(content).unwrap_or(0);
    for documents in shared.iter_mut().take(last).skip(first) {
        *documents = None;
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    const FOOTER: &str =
        "The Riverside Gazette is published by Harbour Media Group, 14 Quay Street, Bristol.";

    fn article(n: usize) -> String {
        format!(
            "Story number {n} begins with a headline\n\n\
             The first paragraph of story {n} reports what happened at the harbour this week.\n\n\
             A second paragraph of story {n} quotes a resident who watched the boats come in.\n\n\
             {FOOTER}\n"
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
        assert_eq!(bytes.len(), HEADER_BYTES + ENTRY_BYTES * whole.len());
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
        let mut old = MAGIC_V1.to_vec();
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
        let documents: Vec<String> = (0..12)
            .map(|n| {
                format!(
                    "Brief number {n} reports a small event in the town centre this morning.\n\n{FOOTER}\n"
                )
            })
            .collect();
        let options = Options {
            corpus: Some(Arc::new(CorpusBoilerplate::new(table_of(&documents)))),
            ..Options::default()
        };
        for document in &documents {
            let cleaned = crate::clean(document, &options);
            let removed: Vec<&str> = cleaned.removals().map(|(p, _)| &*p.text).collect();
            assert_eq!(removed, [FOOTER], "{document}");
        }
    }

    #[test]
    fn syndicated_is_told_by_paragraphs_recurring_together() {
        let cases: &[(&[Option<u32>], usize, bool)] = &[
            (&[None, Some(12)], 2, false),
            (&[None, None, None, Some(12)], 4, false),
            (&[Some(6), Some(6), Some(6), Some(12)], 4, true),
            (&[None, Some(6), Some(6), Some(12)], 4, true),
            (&[None, None], 2, true),
            (&[Some(12)], 1, true),
        ];
        for (shared, long, expected) in cases {
            assert_eq!(syndicated(shared, *long), *expected, "{shared:?}");
        }
    }
}
