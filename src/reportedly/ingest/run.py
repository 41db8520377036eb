"""Ingest articles into a store: skip what is stored, link duplicates, extract the rest.

Articles stream through: each is hashed (the same text from the same source again, as in a
rerun, is skipped; from another source it is an exact duplicate), its MinHash signature
looked up (exact and near duplicates are stored and linked to their original, not extracted
again), and the rest go through the extractor in batches; each finished article
(a live blog page with all its posts) is written in one transaction. Killing an ingest
loses at most the articles in flight; running it again skips what was stored.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from reportedly.extract import Extractor
from reportedly.ingest.dedup import NEAR_DUPLICATE, band_buckets, content_hash, signature, similarity
from reportedly.ingest.read import InputError
from reportedly.model import Article, Document, Extraction
from reportedly.store.corpus import Store
from reportedly.store.database import index_new_text

# Stored articles between two updates of the full-text indexes: searches during an ingest
# see all but the last few; the end of the ingest indexes the rest.
INDEX_EVERY = 100


@dataclass(slots=True)
class IngestSummary:
    stored: int = 0
    skipped: int = 0
    duplicates: int = 0
    failed: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "stored": self.stored,
            "skipped": self.skipped,
            "duplicates": self.duplicates,
            "failed": len(self.failed),
            "failures": self.failed,
        }


@dataclass(slots=True)
class _Unit:
    """An article on its way into the store."""

    article: Article
    content_hash: str
    signature: np.ndarray
    extractions: list[Extraction] = field(default_factory=list)
    duplicates: list[tuple[_Unit, float]] = field(default_factory=list)  # stored right after it

    @property
    def documents(self) -> list[Document]:
        """What to extract: a live blog's posts, else the article itself."""
        return [post.document for post in self.article.posts] or [self.article.document]


class _RunIndex:
    """Near-duplicate lookup among the articles of this run not yet in the store."""

    def __init__(self) -> None:
        self.buckets: dict[tuple[int, int], _Unit] = {}

    def add(self, unit: _Unit) -> None:
        for band, bucket in enumerate(band_buckets(unit.signature)):
            self.buckets.setdefault((band, bucket), unit)

    def remove(self, unit: _Unit) -> None:
        """Forget a stored unit (the store finds it now): memory stays flat over a run."""
        for band, bucket in enumerate(band_buckets(unit.signature)):
            if self.buckets.get((band, bucket)) is unit:
                del self.buckets[(band, bucket)]

    def near(self, sig: np.ndarray) -> tuple[_Unit, float] | None:
        candidates = {
            id(unit): unit
            for band, bucket in enumerate(band_buckets(sig))
            if (unit := self.buckets.get((band, bucket))) is not None
        }
        scored = [(unit, similarity(sig, unit.signature)) for unit in candidates.values()]
        best = max(scored, key=lambda pair: pair[1], default=None)
        return best if best is not None and best[1] >= NEAR_DUPLICATE else None


def ingest(
    articles: Iterable[Article | InputError],
    store: Store,
    extractor: Extractor,
    on_article: Callable[[], None] = lambda: None,
) -> IngestSummary:
    """Store every article; ``on_article`` is called once per input article (progress)."""
    summary = IngestSummary()
    index_new_text(store.connection)  # what a killed run stored and did not index yet
    in_flight: deque[_Unit] = deque()
    # Articles on their way, by content hash: once stored, the store answers for them.
    pending: dict[str, _Unit] = {}
    run_index = _RunIndex()

    def to_extract() -> Iterator[Document]:
        for item in articles:
            on_article()
            if isinstance(item, InputError):
                summary.failed.append(str(item))
                continue
            unit = _Unit(item, content_hash(item.document.text), signature(item.document.text))
            same = pending.get(unit.content_hash)
            if store.stored(unit.content_hash, item.source) or (same and same.article.source == item.source):
                summary.skipped += 1
                continue
            if same is not None:  # the same text from another source, in this run
                same.duplicates.append((unit, 1.0))
                summary.duplicates += 1
                continue
            original = store.original(unit.content_hash)
            stored = (original, 1.0) if original is not None else store.near_duplicate(unit.signature)
            if stored is not None:
                with store.transaction():
                    store.add_article(
                        unit.article, unit.content_hash, unit.signature, None, duplicate_of=stored
                    )
                summary.duplicates += 1
                continue
            if (near := run_index.near(unit.signature)) is not None:
                near[0].duplicates.append((unit, near[1]))
                summary.duplicates += 1
                continue
            pending[unit.content_hash] = unit
            run_index.add(unit)
            in_flight.append(unit)
            yield from unit.documents

    for extraction in extractor.extract(to_extract()):
        unit = in_flight[0]
        unit.extractions.append(extraction)
        if len(unit.extractions) == len(unit.documents):
            in_flight.popleft()
            _store(unit, store)
            run_index.remove(unit)
            del pending[unit.content_hash]
            summary.stored += 1
            if summary.stored % INDEX_EVERY == 0:
                index_new_text(store.connection)
    index_new_text(store.connection)
    return summary


def _store(unit: _Unit, store: Store) -> None:
    """One article, its posts and its duplicates in this run, in one transaction."""
    article = unit.article
    with store.transaction():
        # A live blog page keeps its text; what was extracted belongs to its posts.
        page_extraction = None if article.posts else unit.extractions[0]
        document_id = store.add_article(article, unit.content_hash, unit.signature, page_extraction)
        if article.posts:
            for post, extraction in zip(article.posts, unit.extractions, strict=True):
                text = post.document.text
                store.add_article(
                    post,
                    content_hash(f"{unit.content_hash} {text}"),
                    signature(text),
                    extraction,
                    parent_id=document_id,
                )
            store.link_posts(document_id)
        for duplicate, score in unit.duplicates:
            store.add_article(
                duplicate.article,
                duplicate.content_hash,
                duplicate.signature,
                None,
                duplicate_of=(document_id, score),
            )
