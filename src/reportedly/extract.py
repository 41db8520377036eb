"""Run the whole pipeline over documents: chunk, parse, extract, and reassemble per document."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from reportedly.model import Attribution, Document, Entity, EventActor, Extraction
from reportedly.nlp.bounds import MAX_SENTENCE_WORDS
from reportedly.nlp.chunks import DEFAULT_CHUNK_CHARS, chunk_text
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER, load_spacy
from reportedly.resources import Resources
from reportedly.stages import CHUNK_STAGES, DOCUMENT_STAGES, run_stages

DEFAULT_BATCH_SIZE = 32
# spaCy's memory grows with the text parsed at once, so a batch also stops at this many
# characters: two chunks' worth. The process's peak stays near 600 MB however long the
# document (about 1 GB at 150,000 characters a batch), and PolNeAR dev runs no slower.
BATCH_CHARS = 2 * DEFAULT_CHUNK_CHARS
# Notes on what the extraction could not read as written (a sentence split for its length):
# with no logging set up, Python prints them on stderr.
logger = logging.getLogger("reportedly")


@dataclass(slots=True)
class _Pending:
    """A document's extraction while its chunks come in, with its entities by type and name
    (kept, not rebuilt for every chunk: that grew with the square of a long document)."""

    extraction: Extraction
    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)


@dataclass(slots=True)
class _Piece:
    index: int  # position of the document in the input stream
    offset: int  # where this chunk starts in the document text
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
    ) -> None:
        self._use(Resources.load(model, tagger, actors, verbs), chunk_chars)

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
        """Yield one :class:`Extraction` per document, in input order, streaming."""
        pending: dict[int, _Pending] = {}
        for batch in _batches(self._pieces(documents, pending), batch_size, BATCH_CHARS):
            for doc, piece in self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
                _note_split_sentences(doc, pending[piece.index].extraction.document, piece.offset)
                run_stages(CHUNK_STAGES, doc, self.resources, self.stage_seconds)
                _merge_chunk(pending[piece.index], doc, piece.offset)
                if piece.last:
                    extraction = pending.pop(piece.index).extraction
                    yield run_stages(DOCUMENT_STAGES, extraction, self.resources, self.stage_seconds)

    def _pieces(
        self, documents: Iterable[Document], pending: dict[int, _Pending]
    ) -> Iterator[tuple[str, _Piece]]:
        for index, document in enumerate(documents):
            pending[index] = _Pending(Extraction(document=document))
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
    pieces: Iterable[tuple[str, _Piece]], max_items: int, max_chars: int
) -> Iterator[list[tuple[str, _Piece]]]:
    """Group pieces into batches bounded both in number and in total characters."""
    batch: list[tuple[str, _Piece]] = []
    chars = 0
    for piece in pieces:
        if batch and (len(batch) >= max_items or chars + len(piece[0]) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(piece)
        chars += len(piece[0])
    if batch:
        yield batch


def _merge_chunk(pending: _Pending, doc: Doc, offset: int) -> None:
    """Append one chunk's results, moving offsets and renumbering ids to stay unique per document."""
    extraction, known = pending.extraction, pending.entities
    attributions: list[Attribution] = doc._.attributions
    entities: list[Entity] = doc._.entities
    time_ids = {}
    for time in doc._.times:
        moved = time.shifted(offset)
        moved.id = time_ids[time.id] = f"t{len(extraction.times) + 1}"
        extraction.times.append(moved)
    id_base = len(extraction.attributions)
    renumber = {a.id: f"a{id_base + number + 1}" for number, a in enumerate(attributions)}
    for attribution in attributions:
        moved = attribution.shifted(offset)
        moved.id = renumber[attribution.id]
        moved.parent = renumber.get(attribution.parent) if attribution.parent else None
        moved.time = time_ids.get(attribution.time) if attribution.time else None
        extraction.attributions.append(moved)
    entity_ids = {}
    for entity in entities:
        mentions = [mention.shifted(offset) for mention in entity.mentions]
        target = known.get((entity.type, entity.name))
        if target is None:
            target = Entity(id=f"e{len(extraction.entities) + 1}", name=entity.name, type=entity.type)
            extraction.entities.append(target)
            known[(entity.type, entity.name)] = target
        target.mentions.extend(mentions)
        target.aliases.extend(alias for alias in entity.aliases if alias not in target.aliases)
        if target.role is None:
            target.role, target.description = entity.role, entity.description
        entity_ids[entity.id] = target.id
    for attribution in extraction.attributions[id_base:]:
        if attribution.speaker and attribution.speaker.entity:
            attribution.speaker.entity = entity_ids.get(attribution.speaker.entity)
    for event in doc._.events:
        moved = event.shifted(offset)
        moved.id = f"v{len(extraction.events) + 1}"
        moved.attribution = renumber.get(event.attribution) if event.attribution else None
        moved.time = time_ids.get(event.time) if event.time else None
        moved.actor = [_renumbered(party, entity_ids) for party in event.actor]
        moved.recipient = [_renumbered(party, entity_ids) for party in event.recipient]
        extraction.events.append(moved)


def _renumbered(party: EventActor, entity_ids: dict[str, str]) -> EventActor:
    return EventActor(party.text, entity_ids.get(party.entity) if party.entity else None)
