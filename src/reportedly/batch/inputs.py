"""Inputs read lazily and cut into partitions of N articles, with ids the inputs decide.

Text files, HTML pages, JSON Lines and folders of them are read as ``ingest`` reads them
(:func:`reportedly.ingest.sources.read_articles`); a Parquet file named as an input is read
a batch of rows at a time, each row a record of the JSON Lines fields (text, title, url,
outlet, published, language, id). Nothing holds more than the partitions on their way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportedly.batch import need
from reportedly.ingest.read import InputError, regular_file
from reportedly.ingest.sources import Ignored, read_articles, record_article, with_posts
from reportedly.model import Article
from reportedly.store.database import source_path

PARQUET_SUFFIXES = frozenset({".parquet"})
DEFAULT_PARTITION_SIZE = 100
# Rows read from a Parquet input at once.
PARQUET_BATCH_ROWS = 1024


@dataclass(slots=True)
class Partition:
    """Consecutive articles of the inputs, extracted as one task and written as one file per table."""

    number: int
    articles: list[Article] = field(default_factory=list)

    @property
    def id(self) -> str:
        """Its number (files sort in input order) and a digest of its articles' sources and
        texts: the same inputs cut the same way give the same ids, so a rerun finds the
        partitions done; changed inputs give new ids, not a stale partition taken as done."""
        digest = hashlib.sha256()
        for article in self.articles:
            digest.update(f"{article.source}\0{article.document.text}\0".encode("utf-8", "surrogatepass"))
        return f"{self.number:06d}-{digest.hexdigest()[:12]}"

    @property
    def documents(self) -> int:
        return sum(len(article.documents) for article in self.articles)


def read_inputs(
    paths: Iterable[str], published: date | None, max_bytes: int
) -> Iterator[Article | InputError | Ignored]:
    """Every article of ``paths`` in order: Parquet files here, the rest as ``ingest`` reads them."""
    others: list[str] = []
    for name in paths:
        if Path(name).suffix.lower() in PARQUET_SUFFIXES:
            yield from read_articles(others, published, max_bytes)
            others = []
            yield from _parquet_articles(name, published)
        else:
            others.append(name)
    yield from read_articles(others, published, max_bytes)


def _parquet_articles(name: str, published: date | None) -> Iterator[Article | InputError]:
    """The rows of a Parquet file as articles, each checked as a JSON Lines record is and
    named by its row (``file.parquet:row 12``) when it fails."""
    pq = need("pyarrow.parquet")
    try:
        regular_file(name)
        table = pq.ParquetFile(name)
    except InputError as error:
        yield error
        return
    except (OSError, ValueError) as error:  # pyarrow: not a Parquet file
        yield InputError(name, f"cannot read as Parquet ({error})")
        return
    if "text" not in table.schema_arrow.names:
        yield InputError(name, "no 'text' column")
        return
    path = source_path(name)
    number = 0
    for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS):
        for record in batch.to_pylist():
            number += 1
            if isinstance(record.get("published"), date):
                record["published"] = record["published"].isoformat()
            where = f"{name}:row {number}"
            try:
                # Known by its id, else its url, else its row number, as a JSON Lines record.
                article = record_article(where, record, published, path, number)
            except InputError as error:
                yield error
                continue
            yield with_posts(article)


def partitions(
    items: Iterable[Article | InputError | Ignored],
    size: int,
    on_problem: Callable[[InputError | Ignored], None],
) -> Iterator[Partition]:
    """The articles of ``items`` in partitions of ``size`` (the last may be smaller); what
    could not be read goes to ``on_problem`` as it comes."""
    partition = Partition(0)
    for item in items:
        if isinstance(item, InputError | Ignored):
            on_problem(item)
            continue
        partition.articles.append(item)
        if len(partition.articles) == size:
            yield partition
            partition = Partition(partition.number + 1)
    if partition.articles:
        yield partition
