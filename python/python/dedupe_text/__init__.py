"""Clean scraped article text: the ``dedupe`` library for Python.

``dedupe`` normalizes text, removes repeated paragraphs (exact copies,
truncated copies, captions that restate a paragraph) and scrape boilerplate,
keeps the most complete copy of each paragraph, and says why it removed each
one. The results are those of the ``dedupe`` command line, byte for byte.

>>> import dedupe_text
>>> article = (
...     "Ms Rudd will be forced to explain to the Commons tomorrow why she denied it.\\n\\n"
...     "Ms Rudd will be forced to explain to the Commons tomorrow why she denied it.\\n\\n"
...     "Read more at DailyMail.co.uk\\n"
... )
>>> cleaned = dedupe_text.clean(article)
>>> cleaned.text
'Ms Rudd will be forced to explain to the Commons tomorrow why she denied it.\\n'
>>> [removal.reason for removal in cleaned.removals]
['exact-duplicate of line 1 (1.00)', 'boilerplate/read-more']

Options take the names of the ``dedupe.toml`` config file, flat
(``clean(text, min_words=8)``) or by section (``Cleaner({"thresholds":
{"min_words": 8}})``, the shape ``tomllib.load`` gives). A bad option raises
ValueError naming it.

For a corpus, count a :class:`CorpusTable` (on any number of machines), merge
the tables, and clean with ``Cleaner(options, table=table)``: paragraphs that
recur at the edges of many documents (site footers, mastheads) go as
``corpus-boilerplate``. ``clean_corpus(texts)`` does both in one call, as the
command line does for one batch.
"""

from ._native import (
    DEFAULT_MIN_DOCUMENTS,
    DEFAULT_MIN_FILES,
    DEFAULT_MIN_WORDS,
    Cleaned,
    Cleaner,
    CorpusTable,
    Removal,
    clean,
    clean_corpus,
    corpus_settings,
    rule_ids,
)

__all__ = [
    "DEFAULT_MIN_DOCUMENTS",
    "DEFAULT_MIN_FILES",
    "DEFAULT_MIN_WORDS",
    "Cleaned",
    "Cleaner",
    "CorpusTable",
    "Removal",
    "clean",
    "clean_corpus",
    "corpus_settings",
    "rule_ids",
]
