"""datatrove pipeline steps (``pip install dedupe-text[datatrove]``).

:class:`DedupeFilter` cleans each ``Document.text`` in place, records the
removals in ``Document.metadata``, and drops the documents left empty.
:class:`DedupeTableCounter` counts the corpus table of a first pass, one table
file per rank; :func:`merge_tables` sums them for the second pass::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from dedupe_text.datatrove import DedupeFilter, DedupeTableCounter, merge_tables

    LocalPipelineExecutor([JsonlReader("in/"), DedupeTableCounter("tables/")], tasks=4).run()
    LocalPipelineExecutor(
        [JsonlReader("in/"), DedupeFilter(table=merge_tables("tables/")), JsonlWriter("out/")],
        tasks=4,
    ).run()

The steps hold only plain values (options, table bytes), so datatrove can
pickle them to its workers; each worker builds its own Cleaner.
"""

from __future__ import annotations

import os
from typing import Any, Mapping, Optional, Union

from datatrove.data import Document, DocumentsPipeline
from datatrove.io import DataFolderLike, get_datafolder
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.writers.disk_base import DiskWriter

from . import Cleaner, CorpusTable

__all__ = ["DedupeFilter", "DedupeTableCounter", "merge_tables", "TABLE_SUFFIX"]

TABLE_SUFFIX = ".dedupe-table"
"""File name ending of the tables :class:`DedupeTableCounter` writes."""


def _table_bytes(table: Union[CorpusTable, bytes, str, os.PathLike, None]) -> Optional[bytes]:
    if table is None or isinstance(table, bytes):
        return table
    if isinstance(table, CorpusTable):
        return table.to_bytes()
    return CorpusTable.read(table).to_bytes()


class DedupeFilter(BaseFilter):
    """Cleans ``Document.text`` in place with dedupe, as ``dedupe --jsonl`` does.

    Args:
        options: dedupe options, by the config file's names (``{"min_words": 8}``).
        table: a corpus table (CorpusTable, its bytes, or a table file's path) for
            the ``corpus-boilerplate`` rule; without one each document is cleaned
            on its own (``dedupe --jsonl --no-corpus``).
        metadata_key: the metadata field that receives the list of removals
            (rule, lines, kept_line, similarity, documents); None records nothing.
        batch_size: documents cleaned at once, in parallel, with the GIL released.
        exclusion_writer: optionally, a writer for the documents left empty.

    A text that did not end in a newline keeps that, as in ``dedupe --jsonl``,
    so an unchanged document keeps its exact text.
    """

    name = "🧹 dedupe"

    def __init__(
        self,
        options: Optional[Mapping[str, Any]] = None,
        table: Union[CorpusTable, bytes, str, os.PathLike, None] = None,
        metadata_key: Optional[str] = "dedupe_removals",
        batch_size: int = 256,
        exclusion_writer: Optional[DiskWriter] = None,
    ):
        super().__init__(exclusion_writer=exclusion_writer, batch_size=batch_size)
        self.options = dict(options or {})
        self.table = _table_bytes(table)
        self.metadata_key = metadata_key
        Cleaner(self.options)  # a bad option fails here, not in a worker
        self._cleaner: Optional[Cleaner] = None

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_cleaner"] = None
        return state

    @property
    def cleaner(self) -> Cleaner:
        if self._cleaner is None:
            self._cleaner = Cleaner(self.options, table=self.table)
        return self._cleaner

    def filter(self, doc: Document) -> Union[bool, tuple[bool, str]]:
        return self.filter_batch([doc])[0]

    def filter_batch(self, batch: list[Document]) -> list[Union[bool, tuple[bool, str]]]:
        results = []
        for doc, cleaned in zip(batch, self.cleaner.clean_many([doc.text for doc in batch])):
            text = cleaned.text
            if not doc.text.endswith("\n") and text.endswith("\n"):
                text = text[:-1]
            doc.text = text
            removals = cleaned.removals
            for removal in removals:
                self.stat_update(removal.rule)
            if self.metadata_key is not None:
                doc.metadata[self.metadata_key] = [
                    {
                        "rule": r.rule,
                        "lines": [r.first_line, r.last_line],
                        "kept_line": r.kept_line,
                        "similarity": r.similarity,
                        "documents": r.documents,
                    }
                    for r in removals
                ]
            results.append(True if text else (False, "dedupe_empty"))
        return results


class DedupeTableCounter(PipelineStep):
    """First pass of corpus mode: counts every document's paragraphs and writes
    this rank's table to ``output_folder/RANK.dedupe-table`` (the CLI's
    ``--write-table`` format). Documents pass through unchanged.

    Args:
        output_folder: where the tables go (any datatrove DataFolder).
        options: the options the documents will be cleaned with.
    """

    name = "🧮 dedupe table"
    type = "📊 - STATS"

    def __init__(self, output_folder: DataFolderLike, options: Optional[Mapping[str, Any]] = None):
        super().__init__()
        self.output_folder = get_datafolder(output_folder)
        self.options = dict(options or {})
        Cleaner(self.options)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        table = CorpusTable()
        batch: list[str] = []
        for doc in data or ():
            batch.append(doc.text)
            if len(batch) >= 1024:
                table.add_many(batch, self.options)
                batch = []
            self.stat_update("documents")
            yield doc
        table.add_many(batch, self.options)
        with self.output_folder.open(f"{rank:05d}{TABLE_SUFFIX}", "wb") as out:
            out.write(table.to_bytes())


def merge_tables(folder: DataFolderLike) -> CorpusTable:
    """The sum of the tables :class:`DedupeTableCounter` wrote to ``folder``."""
    datafolder = get_datafolder(folder)
    tables = []
    for name in sorted(datafolder.list_files(glob_pattern=f"*{TABLE_SUFFIX}")):
        with datafolder.open(name, "rb") as table:
            tables.append(table.read())
    return CorpusTable.from_bytes(CorpusTable.merge_bytes(tables))
