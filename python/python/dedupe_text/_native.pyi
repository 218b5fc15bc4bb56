"""Type stubs of the compiled module ``dedupe_text._native``."""

from collections.abc import Iterable, Mapping, Sequence
from os import PathLike
from typing import Any, Optional, Union, overload

Options = Mapping[str, Any]
"""The config file's names, flat (``{"min_words": 8}``) or by section
(``{"thresholds": {"min_words": 8}, "rules": {"ignore": ["caption"]}}``):
``min_words``, ``containment``, ``edit_similarity``, ``select``, ``extend_select``, ``ignore``,
``patterns`` (``[{"rule": ..., "pattern": ...}]``), ``enabled`` (or
``corpus=True/False``), ``min_files``, ``min_documents``, ``no_normalize``
(``["nfc", "html-entities", ...]``), and ``include``/``exclude`` (accepted,
unused)."""

TableLike = Union["CorpusTable", bytes, str, PathLike[str]]

DEFAULT_MIN_WORDS: int
DEFAULT_MIN_DOCUMENTS: int
DEFAULT_MIN_FILES: int

class Removal:
    """One removed paragraph and why it went."""

    @property
    def rule(self) -> str:
        """The rule id, e.g. ``exact-duplicate`` or ``boilerplate/read-more``."""
    @property
    def first_line(self) -> int:
        """First line of the paragraph in the input, counting from 1."""
    @property
    def last_line(self) -> int:
        """Last line of the paragraph in the input, counting from 1."""
    @property
    def lines(self) -> tuple[int, int]:
        """``(first_line, last_line)``, counting from 1."""
    @property
    def kept_line(self) -> Optional[int]:
        """First line of the copy kept in its place, for copies."""
    @property
    def similarity(self) -> Optional[float]:
        """Similarity to the kept copy, from 0 to 1, for copies."""
    @property
    def documents(self) -> Optional[int]:
        """In how many documents of the corpus it occurs, for ``corpus-boilerplate``."""
    @property
    def text(self) -> str:
        """The removed paragraph (normalized)."""
    @property
    def reason(self) -> str:
        """Why it went, as the diff says it: ``caption of line 5 (0.90)``."""
    def to_dict(self) -> dict[str, Any]:
        """rule, lines, kept_line, similarity, documents, reason and text as plain values."""

class Cleaned:
    """One cleaned document."""

    @property
    def text(self) -> str:
        """The clean copy, exactly what ``dedupe FILE`` writes (one final newline; empty when nothing is kept)."""
    @property
    def original(self) -> str:
        """The text this was cleaned from."""
    @property
    def changed(self) -> bool:
        """Whether the clean copy differs from the original."""
    @property
    def removals(self) -> list[Removal]:
        """The removed paragraphs, in input order."""
    @property
    def paragraphs_before(self) -> int:
        """How many paragraphs the input had."""
    @property
    def paragraphs_after(self) -> int:
        """How many paragraphs the clean copy has."""
    def removal_counts(self) -> list[tuple[str, int]]:
        """How many paragraphs each rule removed, most first, then by rule id."""
    def diff(self, path: str = "text") -> str:
        """The unified diff ``dedupe --diff PATH`` prints (``a/PATH``, ``b/PATH``); empty when unchanged."""

class CorpusTable:
    """In how many documents each paragraph occurs: the CLI's ``--write-table`` table."""

    def __init__(self) -> None: ...
    def add(self, text: str, options: Optional[Options] = None) -> None:
        """Counts one document (with the options it will be cleaned with)."""
    def add_many(self, texts: Sequence[str], options: Optional[Options] = None) -> None:
        """Counts many documents in parallel, with the GIL released."""
    def add_jsonl(
        self, lines: Iterable[Union[str, bytes]], field: str = "text", options: Optional[Options] = None
    ) -> int:
        """Counts the ``field`` of JSONL lines as ``dedupe --jsonl --write-table`` does; returns how many were counted."""
    def merge(self, other: CorpusTable) -> None:
        """Adds another table's counts to this one."""
    @staticmethod
    def merge_bytes(tables: Sequence[bytes]) -> bytes:
        """The sum of tables given as bytes, as bytes (the reduce step of a distributed count)."""
    def to_bytes(self) -> bytes:
        """The table in the ``--write-table`` format."""
    @staticmethod
    def from_bytes(data: bytes) -> CorpusTable:
        """Reads ``to_bytes`` or ``--write-table`` bytes; ValueError for anything else."""
    def write(self, path: Union[str, PathLike[str]]) -> None:
        """Writes a table file in the ``--write-table`` format."""
    @staticmethod
    def read(path: Union[str, PathLike[str]]) -> CorpusTable:
        """Reads a table file written by ``write`` or ``dedupe --write-table``."""
    @property
    def documents(self) -> int:
        """How many documents were counted."""
    def documents_with(self, paragraph: str) -> int:
        """In how many counted documents a paragraph occurs."""
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...

class Cleaner:
    """Cleans documents with one set of options and, optionally, a corpus table."""

    def __init__(self, options: Optional[Options] = None, table: Optional[TableLike] = None) -> None: ...
    def clean(self, text: str) -> Cleaned:
        """Cleans one document."""
    def clean_many(self, texts: Sequence[str]) -> list[Cleaned]:
        """Cleans many documents in parallel with the GIL released; results in input order."""
    @overload
    def clean_jsonl(self, lines: Iterable[str], field: str = "text") -> list[str]:
        """Cleans JSONL lines exactly as ``dedupe --jsonl`` writes them (without newlines)."""
    @overload
    def clean_jsonl(self, lines: Iterable[bytes], field: str = "text") -> list[bytes]: ...
    @property
    def table_documents(self) -> Optional[int]:
        """How many documents its corpus table counted, or None without a table."""

def clean(text: str, **options: Any) -> Cleaned:
    """Cleans one document; options are the config file's names."""

def clean_corpus(texts: Sequence[str], **options: Any) -> list[Cleaned]:
    """Cleans a batch as ``dedupe`` cleans the files of one run (its own corpus table when large enough)."""

def corpus_settings(**options: Any) -> dict[str, Any]:
    """``enabled``, ``min_files`` and ``min_documents`` as the options set them."""

def rule_ids() -> list[str]:
    """The ids of every boilerplate rule."""
