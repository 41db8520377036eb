"""Run the whole pipeline over documents: chunk, parse, find the attributions of each chunk,
join the chunks, and run the document stages once over each document."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy
from spacy.tokens import Doc

from reportedly.model import Attribution, Document, Extraction
from reportedly.nlp.bounds import MAX_SENTENCE_WORDS
from reportedly.nlp.chunks import (
    DEFAULT_CHUNK_CHARS,
    DEFAULT_CHUNK_TOKENS,
    chunk_text,
    estimated_tokens,
    join_chunks,
)
from reportedly.nlp.onnx import ALL_CORES
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER, load_spacy
from reportedly.resources import Resources
from reportedly.stages import CHUNK_STAGES, DOCUMENT_STAGES, Draft, run_stages

DEFAULT_BATCH_SIZE = 32
# spaCy's memory grows with the text parsed at once, so a batch also stops at this many
# characters: two chunks' worth (about 1 GB at 150,000 characters a batch), and PolNeAR
# dev runs no slower.
BATCH_CHARS = 2 * DEFAULT_CHUNK_CHARS
# ... and at one chunk's worth of estimated tokens, what the memory follows (about 17 KB a
# token while parsing): '" ' * 20_000 took 633 MB in batches of 40,000 characters, 20,000
# tokens, 519 MB in batches of 10,000 tokens, 427 MB in these. News reaches this bound at
# some 25,000 characters: PolNeAR dev's output is the same, in the same processor time.
BATCH_TOKENS = DEFAULT_CHUNK_TOKENS
# Notes on what the extraction could not read as written (a sentence split for its length):
# with no logging set up, Python prints them on stderr.
logger = logging.getLogger("reportedly")
_NO_TENSOR = numpy.empty((0,), dtype="float32")


@dataclass(slots=True)
class _Pending:
    """A document while its chunks come in: the parsed chunks with their attributions."""

    document: Document
    chunks: list[Doc] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)  # where each chunk starts in the text


@dataclass(slots=True)
class _Piece:
    index: int  # position of the document in the input stream
    offset: int  # where the chunk starts in the document's text
    last: bool  # the document's final chunk


class Extractor:
    """Extract attributions from documents: spaCy, then the stages (``reportedly.stages``),
    all with one run's :class:`Resources`, loaded once."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        chunk_chars: int = DEFAULT_CHUNK_CHARS,
        tagger: str = DEFAULT_TAGGER,
        actors: Path | None = None,
        verbs: Path | None = None,
        threads: int = ALL_CORES,
    ) -> None:
        self._use(Resources.load(model, tagger, actors, verbs, threads=threads), chunk_chars)

    @classmethod
    def from_resources(cls, resources: Resources, chunk_chars: int = DEFAULT_CHUNK_CHARS) -> Extractor:
        """An extractor with resources built elsewhere (a test's, or shared by several)."""
        extractor = cls.__new__(cls)
        extractor._use(resources, chunk_chars)
        return extractor

    def _use(self, resources: Resources, chunk_chars: int) -> None:
        self.resources = resources
        self.nlp = load_spacy(resources.model)
        self.chunk_chars = chunk_chars
        # Seconds spent in each stage, by name, over the extractor's life (for benchmarks).
        self.stage_seconds: Counter[str] = Counter()

    def extract_one(self, document: Document) -> Extraction:
        return next(self.extract([document]))

    def extract(
        self, documents: Iterable[Document], batch_size: int = DEFAULT_BATCH_SIZE
    ) -> Iterator[Extraction]:
        """Yield one :class:`Extraction` per document, in input order, streaming. An error
        raised inside (a bug) keeps its traceback, with notes of the document and the stage."""
        pending: dict[int, _Pending] = {}
        for batch in _batches(self._pieces(documents, pending), batch_size, BATCH_CHARS, BATCH_TOKENS):
            for doc, piece in self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
                document = pending[piece.index].document
                try:
                    _note_split_sentences(doc, document, piece.offset)
                    run_stages(CHUNK_STAGES, doc, self.resources, self.stage_seconds)
                    # No stage reads spaCy's token vectors (96 floats a token), and a long
                    # document's chunks wait here for its last one.
                    doc.tensor = _NO_TENSOR
                    pending[piece.index].chunks.append(doc)
                    pending[piece.index].offsets.append(piece.offset)
                    if not piece.last:
                        continue
                    draft = _draft(pending.pop(piece.index))
                    extraction = run_stages(
                        DOCUMENT_STAGES, draft, self.resources, self.stage_seconds
                    ).extraction
                except Exception as error:
                    # Which of a corpus's documents to send with the report of the bug.
                    error.add_note(f"reportedly: extracting the document {document.doc_id!r}")
                    raise
                yield extraction

    def _pieces(
        self, documents: Iterable[Document], pending: dict[int, _Pending]
    ) -> Iterator[tuple[str, _Piece]]:
        for index, document in enumerate(documents):
            pending[index] = _Pending(document)
            chunks = list(chunk_text(document.text, self.chunk_chars))
            for number, (offset, chunk) in enumerate(chunks):
                yield chunk, _Piece(index=index, offset=offset, last=number == len(chunks) - 1)


def _note_split_sentences(doc: Doc, document: Document, offset: int) -> None:
    """A note for each sentence of the chunk too long to be read whole (``nlp.bounds``)."""
    for start, words in doc._.split_sentences or ():
        logger.warning(
            "reportedly: note: %s: the sentence at character %d has %d words, more than %d: "
            "read in pieces of %d",
            document.doc_id,
            offset + start,
            words,
            MAX_SENTENCE_WORDS,
            MAX_SENTENCE_WORDS,
        )


def _batches(
    pieces: Iterable[tuple[str, _Piece]], max_items: int, max_chars: int, max_tokens: int
) -> Iterator[list[tuple[str, _Piece]]]:
    """Group pieces into batches bounded in number, in total characters and in total
    estimated tokens."""
    batch: list[tuple[str, _Piece]] = []
    chars = tokens = 0
    for piece in pieces:
        piece_tokens = estimated_tokens(piece[0])
        if batch and (
            len(batch) >= max_items or chars + len(piece[0]) > max_chars or tokens + piece_tokens > max_tokens
        ):
            yield batch
            batch, chars, tokens = [], 0, 0
        batch.append(piece)
        chars += len(piece[0])
        tokens += piece_tokens
    if batch:
        yield batch


def _draft(pending: _Pending) -> Draft:
    """The document's chunks joined into one Doc, with their attributions moved to the
    document's offsets and numbered through the document."""
    attributions: list[Attribution] = []
    for chunk, offset in zip(pending.chunks, pending.offsets, strict=True):
        renumber = {
            a.id: f"a{len(attributions) + number + 1}" for number, a in enumerate(chunk._.attributions)
        }
        for attribution in chunk._.attributions:
            moved = attribution.shifted(offset)
            moved.id = renumber[attribution.id]
            moved.parent = renumber.get(attribution.parent) if attribution.parent else None
            attributions.append(moved)
    doc = join_chunks(pending.chunks)
    return Draft(doc, Extraction(document=pending.document, attributions=attributions))
