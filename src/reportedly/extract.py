"""Run the whole pipeline over documents: chunk, parse, extract, and reassemble per document."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from reportedly.events.coder import code_parties
from reportedly.model import Attribution, Document, Entity, EventActor, Extraction
from reportedly.nlp.chunks import DEFAULT_CHUNK_CHARS, chunk_text
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER, load_pipeline
from reportedly.resolve.actors import load_coder
from reportedly.resolve.corpus import NameRegistry
from reportedly.resolve.times import resolve_times

DEFAULT_BATCH_SIZE = 32
# spaCy's memory grows with the text parsed at once, so a batch also stops at this many
# characters: two chunks' worth. The process's peak stays near 600 MB however long the
# document (about 1 GB at 150,000 characters a batch), and PolNeAR dev runs no slower.
BATCH_CHARS = 2 * DEFAULT_CHUNK_CHARS


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
    """Extract attributions from documents with one spaCy pipeline, loaded once."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        chunk_chars: int = DEFAULT_CHUNK_CHARS,
        tagger: str = DEFAULT_TAGGER,
        actors: Path | None = None,
        verbs: Path | None = None,
    ) -> None:
        self.nlp = load_pipeline(model, tagger, verbs, actors)
        self.chunk_chars = chunk_chars
        self.coder = load_coder(actors)

    def extract_one(self, document: Document) -> Extraction:
        return next(self.extract([document]))

    def extract(
        self, documents: Iterable[Document], batch_size: int = DEFAULT_BATCH_SIZE
    ) -> Iterator[Extraction]:
        """Yield one :class:`Extraction` per document, in input order, streaming."""
        pending: dict[int, _Pending] = {}
        for batch in _batches(self._pieces(documents, pending), batch_size, BATCH_CHARS):
            for doc, piece in self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
                _merge_chunk(pending[piece.index], doc, piece.offset)
                if piece.last:
                    yield self._finish(pending.pop(piece.index).extraction)

    def _finish(self, extraction: Extraction) -> Extraction:
        """Resolve the document's time expressions and code its entities as actors, both on
        its publication date, and give one referent one name across the document's chunks
        (across documents, the store links names: extraction depends on the document alone)."""
        published = extraction.document.published
        resolve_times(extraction.times, published)
        speaking = {a.speaker.entity for a in extraction.attributions if a.speaker and a.speaker.entity}
        for entity in extraction.entities:
            entity.actor = self.coder.code_entity(entity, published, entity.id in speaking)
        code_parties(extraction, self.coder)
        NameRegistry(self.coder.tables.variants).canonicalise(extraction)
        return extraction

    def _pieces(
        self, documents: Iterable[Document], pending: dict[int, _Pending]
    ) -> Iterator[tuple[str, _Piece]]:
        for index, document in enumerate(documents):
            pending[index] = _Pending(Extraction(document=document))
            chunks = list(chunk_text(document.text, self.chunk_chars))
            for number, (offset, chunk) in enumerate(chunks):
                yield chunk, _Piece(index=index, offset=offset, last=number == len(chunks) - 1)


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
