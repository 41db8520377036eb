"""Ingest articles into a store: skip what is stored, link duplicates, extract the rest.

Articles stream through: each is hashed (the same text from the same source again, as in a
rerun, is skipped; from another source it is an exact duplicate), its MinHash signature
looked up (exact and near duplicates are stored and linked to their original, not extracted
again), and the rest go through the extractor in batches; each finished article
(a live blog page with all its posts) is written in one transaction. Killing an ingest
loses at most the articles in flight; running it again skips what was stored.

An article with a date whose text is stored without one dates the stored document: it is
extracted again on that date (relative times resolve against it) and its rows replaced in
one transaction (a text on its way in this run is dated once stored, as a rerun would);
:func:`date_document` does the same by hand.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from reportedly.extract import Extractor
from reportedly.ingest.liveblog import post_links
from reportedly.ingest.read import InputError
from reportedly.ingest.sources import Ignored
from reportedly.model import Article, Document, Extraction
from reportedly.store.corpus import Store, StoredDocument
from reportedly.store.database import index_new_text
from reportedly.store.dedup import NEAR_DUPLICATE, band_buckets, content_hash, signature, similarity

# Stored articles between two updates of the full-text indexes: searches during an ingest
# see all but the last few; the end of the ingest, or its interruption, indexes the rest.
INDEX_EVERY = 100


@dataclass(slots=True)
class IngestSummary:
    stored: int = 0
    skipped: int = 0
    duplicates: int = 0
    dated: int = 0  # stored undated documents this ingest gave a date
    failed: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # files in folders of other kinds

    def to_dict(self) -> dict[str, object]:
        return {
            "stored": self.stored,
            "skipped": self.skipped,
            "duplicates": self.duplicates,
            "dated": self.dated,
            "failed": len(self.failed),
            "failures": self.failed,
            "ignored": len(self.ignored),
            "ignored_files": self.ignored,
        }


@dataclass(slots=True)
class _Unit:
    """An article on its way into the store."""

    article: Article
    content_hash: str
    signature: np.ndarray
    extractions: list[Extraction] = field(default_factory=list)
    duplicates: list[tuple[_Unit, float]] = field(default_factory=list)  # stored right after it
    # The stored undated document of the same text this article dates, as of its date.
    dates: tuple[StoredDocument, Article] | None = None

    @property
    def documents(self) -> list[Document]:
        """What to extract: a live blog's posts, else the article itself (the stored one it dates)."""
        return (self.dates[1] if self.dates else self.article).documents


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
    articles: Iterable[Article | InputError | Ignored],
    store: Store,
    extractor: Extractor,
    on_article: Callable[[], None] = lambda: None,
    summary: IngestSummary | None = None,
) -> IngestSummary:
    """Store every article; ``on_article`` is called once per input article (progress).
    ``summary`` is filled as articles are stored: what an interrupted ingest had done."""
    summary = IngestSummary() if summary is None else summary
    index_new_text(store.connection)  # what a killed run stored and did not index yet
    in_flight: deque[_Unit] = deque()
    # Articles on their way, by content hash: once stored, the store answers for them.
    pending: dict[str, _Unit] = {}
    run_index = _RunIndex()
    # Dated copies of texts on their way in undated: ingested once those are stored.
    dated_copies: list[Article] = []

    def to_extract() -> Iterator[Document]:
        for item in articles:
            on_article()
            if isinstance(item, InputError):
                summary.failed.append(str(item))
                continue
            if isinstance(item, Ignored):
                summary.ignored.append(str(item))
                continue
            unit = _Unit(item, content_hash(item.document.text), signature(item.document.text))
            same = pending.get(unit.content_hash)
            day = item.document.published
            if same is None and day is not None and (undated := store.undated(unit.content_hash)):
                unit.dates = (undated, store.dated_article(undated.id, day)[0])
                pending[unit.content_hash] = unit
                in_flight.append(unit)
                yield from unit.documents
                continue
            stored = store.stored(unit.content_hash, item.source, item.written_source)
            if stored is not None or (same and same.article.source == item.source):
                summary.skipped += 1
                continue
            if (
                same is not None
                and day is not None
                and same.dates is None
                and not same.article.document.published
            ):
                # It dates the text once that is stored, as it would in a rerun after a kill
                # had stored the text alone: the store is the same however the ingest ran.
                dated_copies.append(item)
                continue
            if same is not None:  # the same text from another source, in this run
                same.duplicates.append((unit, 1.0))
                continue
            if (original := store.original_of(unit.content_hash, unit.signature)) is not None:
                with store.transaction():
                    _store_duplicates([(unit, original[1])], original[0], store, summary)
                continue
            if (near := run_index.near(unit.signature)) is not None:
                near[0].duplicates.append((unit, near[1]))
                continue
            pending[unit.content_hash] = unit
            run_index.add(unit)
            in_flight.append(unit)
            yield from unit.documents

    indexed = 0  # articles stored when the full-text indexes were last brought up to date
    try:
        for extraction in extractor.extract(to_extract()):
            unit = in_flight[0]
            unit.extractions.append(extraction)
            if len(unit.extractions) == len(unit.documents):
                in_flight.popleft()
                del pending[unit.content_hash]
                if unit.dates is not None:
                    _date(unit, *unit.dates, store, summary)
                    continue
                _store(unit, store, summary)
                run_index.remove(unit)
                if summary.stored - indexed >= INDEX_EVERY:
                    index_new_text(store.connection)
                    indexed = summary.stored
    except KeyboardInterrupt:
        # Stopped (Ctrl-C, or a signal the command raises as one): what was stored is searchable
        # now, not only after the next ingest. The article in progress, if a transaction of it
        # is still open, is rolled back first, as closing the store would.
        if store.connection.in_transaction:
            store.connection.execute("ROLLBACK")
        index_new_text(store.connection)
        raise
    index_new_text(store.connection)
    if dated_copies:
        ingest(dated_copies, store, extractor, summary=summary)
    return summary


def _store(unit: _Unit, store: Store, summary: IngestSummary) -> None:
    """One article, its posts and its duplicates in this run, in one transaction. The store is
    asked again inside it, as other processes may write to it too: one that stored this
    article since it was looked up makes it skipped, one that stored its text (or a near
    duplicate) from another source makes it a duplicate, and its extraction is dropped."""
    article = unit.article
    with store.transaction():
        if (stored := store.stored(unit.content_hash, article.source)) is not None:
            summary.skipped += 1
            _store_duplicates(unit.duplicates, stored, store, summary)
            return
        if (original := store.original_of(unit.content_hash, unit.signature)) is not None:
            _store_duplicates([(unit, original[1]), *unit.duplicates], original[0], store, summary)
            return
        # A live blog page keeps its text; what was extracted belongs to its posts.
        page_extraction = None if article.posts else unit.extractions[0]
        document_id = store.add_article(article, unit.content_hash, unit.signature, page_extraction)
        if article.posts:
            post_ids = [
                store.add_article(
                    post,
                    content_hash(f"{unit.content_hash} {post.document.text}"),
                    signature(post.document.text),
                    extraction,
                    parent_id=document_id,
                )
                for post, extraction in zip(article.posts, unit.extractions, strict=True)
            ]
            for citing, reference, cited in post_links(article.posts):
                text = article.posts[citing].document.text[reference.start : reference.end]
                store.link(post_ids[citing], reference.start, reference.end, text, post_ids[cited])
        summary.stored += 1
        _store_duplicates(unit.duplicates, document_id, store, summary)


def _date(unit: _Unit, stored: StoredDocument, dated: Article, store: Store, summary: IngestSummary) -> None:
    """The stored undated document ``dated``, in one transaction with the duplicates of this
    run; the article itself, from another source, is one of them (as it would have been).
    Another process that dated the document since leaves it as it dated it."""
    with store.transaction():
        if store.undated(unit.content_hash) == stored:
            store.redate(stored.id, dated, unit.extractions)
            summary.dated += 1
        itself = [(unit, 1.0)] if unit.article.source != stored.source else []
        _store_duplicates(itself + unit.duplicates, stored.id, store, summary)


def _store_duplicates(
    duplicates: list[tuple[_Unit, float]], original_id: int, store: Store, summary: IngestSummary
) -> None:
    """Duplicates of the stored document ``original_id`` (at their similarity to it), inside
    the caller's transaction. Each is linked to the original the store finds for it, which
    is ``original_id`` unless another process stored a closer one (or ``original_id`` is a
    duplicate itself); one that another process stored meanwhile is skipped."""
    for duplicate, score in duplicates:
        if store.stored(duplicate.content_hash, duplicate.article.source) is not None:
            summary.skipped += 1
            continue
        original = store.original_of(duplicate.content_hash, duplicate.signature)
        store.add_article(
            duplicate.article,
            duplicate.content_hash,
            duplicate.signature,
            None,
            duplicate_of=original or (original_id, score),
        )
        summary.duplicates += 1


def date_document(
    store: Store, load_extractor: Callable[[], Extractor], document_id: int, day: date
) -> dict[str, object]:
    """Date a stored document by hand: extract it again on ``day`` (a live blog page: its
    posts) and replace its rows in one transaction. The extractor is loaded only if there is
    something to extract (a duplicate's extraction is its original's). What changed, as JSON."""
    article, extracted = store.dated_article(document_id, day)
    extractions = list(load_extractor().extract(article.documents)) if extracted else []
    with store.transaction():
        store.redate(document_id, article, extractions)
    index_new_text(store.connection)
    times = [time for extraction in extractions for time in extraction.times]
    return {
        "document": document_id,
        "published": day.isoformat(),
        "attributions": sum(len(extraction.attributions) for extraction in extractions),
        "times": len(times),
        "times_resolved": sum(time.value is not None for time in times),
    }
