"""A batch dataset into a store without extracting again: ``reportedly ingest --extractions DIR``.

The dataset's documents are read back as the articles they were (a live blog page with its
posts), partition by partition, and go through the same ingest as any input
(:func:`reportedly.ingest.run.ingest`: reruns skipped, duplicates linked, entities linked
across documents), with a :class:`RecordedExtractor` in place of the pipeline: it answers
with the extraction the dataset holds of each document. A document ingest asks for on
another date (a stored undated text that the dataset dates) is extracted again on that
date, as ingest would; only then is the pipeline loaded.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from reportedly.batch.dataset import iter_rows
from reportedly.extract import Extractor
from reportedly.model import Article, Document, Extraction

# Extractions read ahead and not asked for yet: ingest asks for an article's documents right
# after reading it, or never (a rerun's skipped article, a duplicate), so a few suffice.
RECORDED_WINDOW = 256


class RecordedExtractor:
    """What ``ingest`` needs of an extractor, answered from a dataset's extractions."""

    def __init__(self, load_extractor: Callable[[], Extractor]) -> None:
        self.recorded: OrderedDict[tuple[str, date | None], Extraction] = OrderedDict()
        self._load_extractor = load_extractor
        self._extractor: Extractor | None = None
        self.extracted_again = 0  # documents the dataset had no extraction of, on their date

    def remember(self, extraction: Extraction) -> None:
        document = extraction.document
        self.recorded[(document.text, document.published)] = extraction
        while len(self.recorded) > RECORDED_WINDOW:
            self.recorded.popitem(last=False)

    def extract(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        for document in documents:
            extraction = self.recorded.pop((document.text, document.published), None)
            if extraction is None:
                if self._extractor is None:
                    self._extractor = self._load_extractor()
                self.extracted_again += 1
                yield self._extractor.extract_one(document)
                continue
            extraction.document = document  # the one ingest stores (the same text, date and place)
            yield extraction


def recorded_articles(folder: Path, extractor: RecordedExtractor) -> Iterator[Article]:
    """The articles of the dataset in ``folder`` in its order, each document's extraction
    handed to ``extractor`` as its article is read."""
    page: Article | None = None
    posts = 0  # how many the page has; they are the rows after it, in its partition
    for row in iter_rows(folder, "documents"):
        published = date.fromisoformat(row["published"]) if row["published"] else None
        document = Document(
            row["doc_id"], row["text"], published, row["page"], row["page_offset"], row["posted"]
        )
        article = Article(document, row["source"], row["title"], row["url"], row["outlet"], row["language"])
        if row["extraction"] is not None:
            extractor.remember(Extraction.from_dict(json.loads(row["extraction"]), row["text"]))
        if row["posts"]:
            page, posts = article, row["posts"]
        elif page is not None:
            page.posts.append(article)
            if len(page.posts) == posts:
                yield page
                page = None
        else:
            yield article
