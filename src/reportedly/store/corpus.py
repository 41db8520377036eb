"""Write articles and their extractions into the store, one transaction per article.

Entities are corpus-wide: an entity of a new document joins the stored entity that one of
its names (spelling key of its name or an alias, by the spelling table of the run's actor
coder) already leads to, unless their actor codes name different countries; otherwise it
becomes a new one. Hand merges move the
keys of one entity to another, so later documents follow the fix; a speaker fixed by hand
(``set_speaker``) stays fixed whatever stores or relinks its attribution again.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from reportedly.model import Article, Attribution, Document, Entity, Event, Extraction, post_time
from reportedly.resolve.actors import ActorCoder, load_coder
from reportedly.resolve.names import clean_name
from reportedly.store.database import StoreError, connect, transaction
from reportedly.store.dedup import NEAR_DUPLICATE, band_buckets, similarity
from reportedly.store.queries import NamingError, entity_candidates, entity_id, name_keys, shipped_variants
from reportedly.store.stances import relink_demanded, write_stances

# A first line longer than this is a paragraph, not a headline.
HEADLINE_MAX_WORDS = 20
# Closing marks a sentence may end with after its full stop ('... realities."').
_CLOSING_MARKS = "\"'”’)»"


class Store:
    """A corpus store, open for writing."""

    def __init__(self, path: Path, *, create: bool = True, coder: ActorCoder | None = None) -> None:
        """``coder``: the actor coder of the run that extracts what is stored (with its
        ``--actors`` file), whose spelling table keys the names that link entities across
        documents; the shipped one by default."""
        self.path = path
        self.coder = coder or load_coder()
        self.connection = connect(path, create=create, writing=True)

    def close(self) -> None:
        self.connection.close()

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self.connection)

    def stored(self, content_hash: str, source: str, written_source: str | None = None) -> int | None:
        """The id of this text from this source if it is stored: what a rerun skips. A store
        before schema 4 kept a relative path as written (``written_source``): the document
        stored so takes the source it has now, with its posts, and is found."""
        row = self.connection.execute(
            "SELECT id FROM documents WHERE content_hash = ? AND source = ?", (content_hash, source)
        ).fetchone()
        if row is not None or written_source is None or written_source == source:
            return row["id"] if row else None
        old = self.connection.execute(
            "SELECT id FROM documents WHERE content_hash = ? AND source = ?", (content_hash, written_source)
        ).fetchone()
        if old is None:
            return None
        with self.transaction():
            self.connection.execute("UPDATE documents SET source = ? WHERE id = ?", (source, old["id"]))
            self.connection.execute(
                "UPDATE documents SET source = ? || substr(source, ?) WHERE parent_id = ?",
                (source, len(written_source) + 1, old["id"]),
            )
        return int(old["id"])

    def original_of(self, content_hash: str, signature: np.ndarray) -> tuple[int, float] | None:
        """The stored original a text is a duplicate of, with their similarity: the first
        stored with the same text (1.0), else the most similar near duplicate, if any."""
        row = self.connection.execute(
            "SELECT id FROM documents WHERE content_hash = ? AND duplicate_of IS NULL ORDER BY id LIMIT 1",
            (content_hash,),
        ).fetchone()
        return (row["id"], 1.0) if row else self.near_duplicate(signature)

    def near_duplicate(self, signature: np.ndarray) -> tuple[int, float] | None:
        """The stored document most like one with this signature, if similar enough."""
        buckets = band_buckets(signature)
        candidates = self.connection.execute(
            "SELECT DISTINCT d.id, d.signature FROM shingle_bands b JOIN documents d ON d.id = b.document_id "
            "WHERE " + " OR ".join("(b.band = ? AND b.bucket = ?)" for _ in buckets),
            [value for band, bucket in enumerate(buckets) for value in (band, bucket)],
        ).fetchall()
        best = max(
            (
                (row["id"], similarity(signature, np.frombuffer(row["signature"], dtype=np.uint32)))
                for row in candidates
            ),
            key=lambda pair: pair[1],
            default=None,
        )
        return best if best is not None and best[1] >= NEAR_DUPLICATE else None

    def add_article(
        self,
        article: Article,
        content_hash: str,
        signature: np.ndarray,
        extraction: Extraction | None,
        *,
        parent_id: int | None = None,
        duplicate_of: tuple[int, float] | None = None,
    ) -> int:
        """Store one document (inside the caller's transaction) and what was extracted."""
        document = article.document
        record = extraction.to_dict() if extraction else None
        cursor = self.connection.execute(
            "INSERT INTO documents (doc_id, source, parent_id, title, url, outlet, published, posted, "
            "language, text, content_hash, duplicate_of, similarity, signature, extraction, headline_end) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document.doc_id,
                article.source,
                parent_id,
                article.title,
                article.url,
                article.outlet,
                document.published.isoformat() if document.published else None,
                document.posted,
                article.language,
                document.text,
                content_hash,
                duplicate_of[0] if duplicate_of else None,
                round(duplicate_of[1], 3) if duplicate_of else None,
                signature.tobytes(),
                json.dumps(record, ensure_ascii=False) if record else None,
                headline_end(document.text, article.title),
            ),
        )
        document_id = int(cursor.lastrowid or 0)
        if duplicate_of is None:
            self.connection.executemany(
                "INSERT OR IGNORE INTO shingle_bands (band, bucket, document_id) VALUES (?, ?, ?)",
                [(band, bucket, document_id) for band, bucket in enumerate(band_buckets(signature))],
            )
        if extraction is not None and record is not None:
            self._add_extraction(document_id, extraction, record["attributions"], article.outlet)
        return document_id

    def undated(self, content_hash: str) -> StoredDocument | None:
        """The stored original (no duplicate, no post) with this text and no date, if any: an
        ingest that knows its date dates it rather than linking a duplicate to it."""
        row = self.connection.execute(
            "SELECT id, source FROM documents WHERE content_hash = ? AND published IS NULL "
            "AND duplicate_of IS NULL AND parent_id IS NULL ORDER BY id LIMIT 1",
            (content_hash,),
        ).fetchone()
        return StoredDocument(row["id"], row["source"]) if row else None

    def dated_article(self, document_id: int, day: date) -> tuple[Article, bool]:
        """A stored document as an article of ``day`` (a live blog page with its posts, each
        at its time on that day), and whether it is extracted (a duplicate is not: its
        original is). Unknown ids and posts (their page carries the date) raise StoreError."""
        rows = self.connection.execute(
            "SELECT * FROM documents WHERE id = ? OR parent_id = ? ORDER BY id", (document_id, document_id)
        ).fetchall()
        if not rows or rows[0]["id"] != document_id:
            raise StoreError(f"no document with id {document_id} (`reportedly documents list` shows them)")
        page, posts = rows[0], rows[1:]
        if page["parent_id"] is not None:
            raise StoreError(
                f"document {document_id} is a post of the live blog page {page['parent_id']}: date the page"
            )
        article = _stored_article(page, day)
        start = 0
        for row in posts:
            # A page's posts follow one another in its text: each starts where the one
            # before it ends (the first, at its header).
            start = page["text"].index(row["text"], start)
            post = _stored_article(row, day)
            post.document.page, post.document.page_offset = page["doc_id"], start
            article.posts.append(post)
            start += len(row["text"])
        return article, page["duplicate_of"] is None

    def redate(self, document_id: int, article: Article, extractions: list[Extraction]) -> None:
        """Give a stored document (a live blog page: its posts too) the date of ``article``, as
        :meth:`dated_article` made it, and replace what was extracted from it with
        ``extractions``, made on that date (times resolved, actors coded on it); inside the
        caller's transaction. Cross-references between posts stay: they link ids."""
        published = article.document.published.isoformat() if article.document.published else None
        self.connection.execute("UPDATE documents SET published = ? WHERE id = ?", (published, document_id))
        post_ids = [
            row["id"]
            for row in self.connection.execute(
                "SELECT id FROM documents WHERE parent_id = ? ORDER BY id", (document_id,)
            )
        ]
        for post_id, post in zip(post_ids, article.posts, strict=True):
            self.connection.execute(
                "UPDATE documents SET published = ?, posted = ? WHERE id = ?",
                (published, post.document.posted, post_id),
            )
        if extractions:  # none for a duplicate: its original holds what was extracted
            for stored_id, extraction in zip(post_ids or [document_id], extractions, strict=True):
                self._replace_extraction(stored_id, extraction)

    def _replace_extraction(self, document_id: int, extraction: Extraction) -> None:
        """A document's extraction and its rows replaced; the full-text index drops the old
        contents (a trigger) and takes the new at the next :func:`index_new_text`."""
        for table in (
            "stances",
            "statement_vectors",
            "mentions",
            "attributions",
            "speaker_members",
            "events",
            "times",
            "single_names",
        ):
            self.connection.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
        record = extraction.to_dict()
        self.connection.execute(
            "UPDATE documents SET extraction = ? WHERE id = ?",
            (json.dumps(record, ensure_ascii=False), document_id),
        )
        (outlet,) = self.connection.execute(
            "SELECT outlet FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        self._add_extraction(document_id, extraction, record["attributions"], outlet)

    def link(self, document_id: int, start: int, end: int, text: str, target_id: int) -> None:
        """Record that ``text``, from ``start`` to ``end`` of a stored document, refers to
        another (a live blog post's "(see post at 8:52 a.m.)"), inside the caller's transaction."""
        self.connection.execute(
            "INSERT INTO links (document_id, start, end, text, target_id) VALUES (?, ?, ?, ?, ?)",
            (document_id, start, end, text, target_id),
        )

    def _add_extraction(
        self, document_id: int, extraction: Extraction, attributions: list[dict[str, Any]], outlet: str | None
    ) -> None:
        """The extraction's rows; ``attributions`` are its attributions as dicts, made once.
        Documents whose single names now lead elsewhere are linked again."""
        entity_ids, changed = self._link_entities(document_id, extraction)
        published = extraction.document.published.isoformat() if extraction.document.published else None
        times = {time.id: time for time in extraction.times}
        rows = []
        for attribution, record in zip(extraction.attributions, attributions, strict=True):
            time = times.get(attribution.time) if attribution.time else None
            day = day_of(time.value) if time and time.value else published
            rows.append(
                attribution_row(document_id, record, _speaker_entity(attribution, entity_ids), day, outlet)
            )
        self.connection.executemany(INSERT_ATTRIBUTION, rows)
        self._add_speaker_members(document_id, extraction, entity_ids)
        self.connection.executemany(
            "INSERT INTO events (document_id, local_id, event_type, mode, actor, recipient, actor_code, "
            "recipient_code, actor_entity_id, attribution, trigger_start, trigger_end, trigger, "
            "sentence_start, sentence_end, negated, hypothetical, date) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    document_id,
                    event.id,
                    event.event_type,
                    json.dumps(event.mode),
                    json.dumps([party.to_dict() for party in event.actor], ensure_ascii=False),
                    json.dumps([party.to_dict() for party in event.recipient], ensure_ascii=False),
                    next((p.actor.code for p in event.actor if p.actor), None),
                    next((p.actor.code for p in event.recipient if p.actor), None),
                    _actor_entity(event, entity_ids),
                    event.attribution,
                    event.trigger.start,
                    event.trigger.end,
                    event.trigger.text,
                    event.sentence.start,
                    event.sentence.end,
                    event.negated,
                    event.hypothetical,
                    day_of(event.date) if event.date else published,
                )
                for event in extraction.events
            ],
        )
        self.connection.executemany(
            "INSERT INTO times (document_id, local_id, start, end, text, value, grain) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (document_id, t.id, t.span.start, t.span.end, t.span.text, t.value, t.grain)
                for t in extraction.times
            ],
        )
        write_stances(self.connection, document_id, extraction)
        self._relink_single_names(changed, document_id)

    def _link_entities(self, document_id: int, extraction: Extraction) -> tuple[dict[str, int], set[str]]:
        """The stored entity of each of the extraction's entities (by its id in the
        extraction), with their mentions stored, and the spelling keys whose entity this
        changed. Entities known by a full name are linked first, so that a single name in the
        same document finds what they made of it."""
        variants = self.coder.tables.variants
        named = [
            (entity, name_keys([entity.name, *entity.aliases], variants)) for entity in extraction.entities
        ]
        named.sort(key=lambda item: _single_names(item[1]))
        changed: set[str] = set()
        entity_ids = {
            entity.id: self._corpus_entity(document_id, entity, pairs, changed) for entity, pairs in named
        }
        self.connection.executemany(
            "INSERT INTO mentions (document_id, entity_id, start, end, text) VALUES (?, ?, ?, ?, ?)",
            [
                (document_id, entity_ids[entity.id], mention.start, mention.end, mention.text)
                for entity in extraction.entities
                for mention in entity.mentions
            ],
        )
        return entity_ids, changed

    def _add_speaker_members(
        self, document_id: int, extraction: Extraction, entity_ids: dict[str, int]
    ) -> None:
        """The parties of the extraction's group speakers, one row each (``speaker_members``)."""
        self.connection.executemany(
            "INSERT INTO speaker_members (document_id, local_id, position, name, entity_id) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (document_id, attribution.id, position, member.name, entity_ids.get(member.entity or ""))
                for attribution in extraction.attributions
                if attribution.speaker
                for position, member in enumerate(attribution.speaker.members)
            ],
        )

    def _relink(self, document_id: int, extraction: Extraction) -> None:
        """Link a stored document's entities again (what one of its single names leads to
        changed), inside the caller's transaction. Its speakers and event actors are updated
        in place: attributions and events keep their ids (what `attributions set-speaker`
        takes), and a speaker fixed by hand stays (a trigger)."""
        for table in ("mentions", "single_names", "speaker_members"):
            self.connection.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
        entity_ids, changed = self._link_entities(document_id, extraction)
        self._add_speaker_members(document_id, extraction, entity_ids)
        self._set_entities(
            "attributions",
            "entity_id",
            document_id,
            {a.id: _speaker_entity(a, entity_ids) for a in extraction.attributions},
        )
        self._set_entities(
            "events",
            "actor_entity_id",
            document_id,
            {e.id: _actor_entity(e, entity_ids) for e in extraction.events},
        )
        relink_demanded(self.connection, document_id, extraction)
        self._relink_single_names(changed, document_id)

    def _set_entities(
        self, table: str, column: str, document_id: int, entities: dict[str, int | None]
    ) -> None:
        """Set ``column`` of the document's rows of ``table`` to the entity ``entities`` gives
        their ``local_id``, where it differs; the rows are found once and updated by id (the
        events have no index by document)."""
        self.connection.executemany(
            f"UPDATE {table} SET {column} = ? WHERE id = ?",
            [
                (entities[row["local_id"]], row["id"])
                for row in self.connection.execute(
                    f"SELECT id, local_id, {column} FROM {table} WHERE document_id = ?", (document_id,)
                )
                if row[column] != entities[row["local_id"]]
            ],
        )

    def _corpus_entity(
        self, document_id: int, entity: Entity, pairs: list[tuple[str, str]], changed: set[str]
    ) -> int:
        """The stored entity this document's entity is, created if new; the keys whose
        entity this changed are added to ``changed``."""
        country = entity.actor.country if entity.actor else None
        if not pairs:  # no name to find it by
            return _new_entity(self.connection, entity)
        keys = [key for _, key in pairs]
        if _single_names(pairs):
            # A single name ("Petrov", "NATO") leads to the one entity known by a full name
            # that goes by it, else to the entity of that name alone: a function of what is
            # stored, not of the order it came in, as the document is linked again
            # (_relink_single_names) whenever what its name leads to changes.
            self.connection.executemany(
                "INSERT OR IGNORE INTO single_names (key, document_id) VALUES (?, ?)",
                [(key, document_id) for key in keys],
            )
            found = self._known(keys, country, full_names_only=True) or self._single_name_entity(
                entity, pairs
            )
        else:
            # A full name leads to its referent.
            found = self._known([key for key in keys if " " in key], country, full_names_only=False)
            if found is None:
                found = _new_entity(self.connection, entity)
            changed |= _add_names(self.connection, found, pairs + surname_keys(entity, pairs))
        self._complete(found, entity)
        return found

    def _known(self, keys: list[str], country: str | None, *, full_names_only: bool) -> int | None:
        """The entity the first of ``keys`` that leads to one leads to (only to entities known
        by a full name with ``full_names_only``); two referents that share a name but not a
        country stay apart."""
        single = f" AND {_NOT_SINGLE_NAME_ENTRY.format('n')}" if full_names_only else ""
        known = {
            row["key"]: row
            for row in self.connection.execute(
                "SELECT n.key, e.id, e.country FROM entity_names n JOIN entities e ON e.id = n.entity_id "
                f"WHERE n.key IN ({', '.join('?' * len(keys))}){single}",
                keys,
            )
        }
        return next(
            (
                row["id"]
                for key in keys
                if (row := known.get(key)) is not None
                and (not country or not row["country"] or row["country"] == country)
            ),
            None,
        )

    def _single_name_entity(self, entity: Entity, pairs: list[tuple[str, str]]) -> int:
        """The entity of the single names of ``pairs`` alone (by the first), created if new;
        its keys lead to it until an entity known by a full name goes by them."""
        row = self.connection.execute(
            "SELECT entity_id FROM single_name_entities WHERE key = ?", (pairs[0][1],)
        ).fetchone()
        if row is not None:
            return int(row["entity_id"])
        found = _new_entity(self.connection, entity)
        self.connection.executemany(
            "INSERT OR IGNORE INTO single_name_entities (key, entity_id) VALUES (?, ?)",
            [(key, found) for _, key in pairs],
        )
        self.connection.executemany(
            "INSERT OR IGNORE INTO entity_names (key, entity_id, name) VALUES (?, ?, ?)",
            [(key, found, name) for name, key in pairs],
        )
        return found

    def _complete(self, found: int, entity: Entity) -> None:
        """What a document's entity adds to the stored one it is."""
        if entity.actor is not None:
            # A code it lacked, or a sector for its country ("Moscow" RUS speaks: RUSGOV).
            self.connection.execute(
                "UPDATE entities SET code = ?, country = ?, sector = ? WHERE id = ? "
                "AND (code IS NULL OR (sector IS NULL AND ? IS NOT NULL AND country IS ?))",
                (
                    entity.actor.code,
                    entity.actor.country,
                    entity.actor.sector,
                    found,
                    entity.actor.sector,
                    entity.actor.country,
                ),
            )
        if not entity.name.isupper():  # "Moscow" over a dateline's "MOSCOW"
            self.connection.execute(
                "UPDATE entities SET name = ? WHERE id = ? AND name = upper(name) AND lower(name) = lower(?)",
                (entity.name, found, entity.name),
            )

    def _relink_single_names(self, keys: set[str], document_id: int) -> None:
        """Link again the stored documents (but ``document_id``) with an entity known by a
        single name of ``keys``, whose entity changed, inside the caller's transaction; an
        entity of a single name that nothing refers to any more goes."""
        if not keys:
            return
        marks = ", ".join("?" * len(keys))
        documents = self.connection.execute(
            "SELECT DISTINCT d.id, d.text, d.extraction FROM single_names s JOIN documents d "
            f"ON d.id = s.document_id WHERE s.key IN ({marks}) AND d.id != ? ORDER BY d.id",
            [*keys, document_id],
        ).fetchall()
        for row in documents:
            self._relink(row["id"], Extraction.from_dict(json.loads(row["extraction"]), row["text"]))
        unused = [
            (row["entity_id"],)
            for row in self.connection.execute(
                f"SELECT entity_id FROM single_name_entities s WHERE key IN ({marks}) AND {_UNUSED}",
                list(keys),
            )
        ]
        for table, column in (
            ("entity_names", "entity_id"),
            ("single_name_entities", "entity_id"),
            ("entities", "id"),
        ):
            self.connection.executemany(f"DELETE FROM {table} WHERE {column} = ?", unused)


# An entity_names row (of alias {0}) that leads to the entity of a single name alone, which
# an entity known by a full name takes over.
_NOT_SINGLE_NAME_ENTRY = "({0}.key, {0}.entity_id) NOT IN (SELECT key, entity_id FROM single_name_entities)"
# An entity of a single name nothing refers to any more: its documents were linked elsewhere.
_UNUSED = (
    "NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = s.entity_id) "
    "AND NOT EXISTS (SELECT 1 FROM attributions WHERE entity_id = s.entity_id) "
    "AND NOT EXISTS (SELECT 1 FROM speaker_members WHERE entity_id = s.entity_id) "
    "AND NOT EXISTS (SELECT 1 FROM events WHERE actor_entity_id = s.entity_id) "
    "AND NOT EXISTS (SELECT 1 FROM speaker_fixes WHERE entity_id = s.entity_id)"
)


def _speaker_entity(attribution: Attribution, entity_ids: dict[str, int]) -> int | None:
    """The stored entity of an attribution's speaker, if it has one."""
    speaker = attribution.speaker
    return entity_ids.get(speaker.entity) if speaker and speaker.entity else None


def _actor_entity(event: Event, entity_ids: dict[str, int]) -> int | None:
    """The stored entity of an event's first actor that has one."""
    return next((entity_ids.get(party.entity) for party in event.actor if party.entity), None)


def _single_names(pairs: list[tuple[str, str]]) -> bool:
    """Whether a document's entity goes by single names only ("Petrov", "NATO")."""
    return bool(pairs) and all(" " not in key for _, key in pairs)


@dataclass(frozen=True, slots=True)
class StoredDocument:
    id: int
    source: str


def _stored_article(row: sqlite3.Row, day: date) -> Article:
    """A stored document row as an article of ``day``; a post keeps its time of day."""
    posted = post_time(day, row["posted"][-5:]) if row["posted"] else None
    return Article(
        Document(row["doc_id"], row["text"], day, posted=posted),
        row["source"],
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        language=row["language"],
    )


def _new_entity(connection: sqlite3.Connection, entity: Entity) -> int:
    """Store ``entity`` as a new corpus entity (its names apart); its id."""
    actor = entity.actor
    cursor = connection.execute(
        "INSERT INTO entities (name, type, code, country, sector) VALUES (?, ?, ?, ?, ?)",
        (
            entity.name,
            entity.type,
            actor.code if actor else None,
            actor.country if actor else None,
            actor.sector if actor else None,
        ),
    )
    return int(cursor.lastrowid or 0)


def _add_names(connection: sqlite3.Connection, entity: int, pairs: list[tuple[str, str]]) -> set[str]:
    """Let the spelling keys of ``pairs`` (name, key) lead to ``entity`` (over an entity of
    that name alone); a name two referents go by ("Petrov" of Anna and of Ivan Petrov)
    leads to neither. The keys whose entity changed."""
    keys = sorted({key for _, key in pairs})
    before = _key_entities(connection, keys)
    connection.executemany(
        "INSERT INTO entity_names (key, entity_id, name) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE "
        f"SET entity_id = CASE WHEN {_NOT_SINGLE_NAME_ENTRY.format('entity_names')} THEN NULL "
        "ELSE excluded.entity_id END WHERE entity_names.entity_id != excluded.entity_id",
        [(key, entity, name) for name, key in pairs],
    )
    after = _key_entities(connection, keys)
    return {key for key in keys if key not in before or before[key] != after[key]}


def _key_entities(connection: sqlite3.Connection, keys: list[str]) -> dict[str, int | None]:
    """What each of ``keys`` that is stored leads to."""
    return dict(
        connection.execute(
            f"SELECT key, entity_id FROM entity_names WHERE key IN ({', '.join('?' * len(keys))})", keys
        ).fetchall()
    )


def surname_keys(entity: Entity, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A person's surnames with their keys ("Zelenskiy" of "Volodymyr Zelenskiy"), so that a
    later document naming the surname alone joins the person: extraction names each
    document's referents apart, linking them across documents is the store's job."""
    if entity.type != "PERSON":
        return []
    return [(name.split()[-1], key.split()[-1]) for name, key in pairs if " " in key]


def merge_entities(connection: sqlite3.Connection, name: str, into: str) -> tuple[int, int]:
    """Merge the entity called ``name`` into the one called ``into``; the ids merged. Its
    spelling keys move too, so later documents that name it join ``into``."""
    with transaction(connection):
        source, target = entity_id(connection, name), entity_id(connection, into)
        if source == target:
            raise StoreError(f"{name!r} and {into!r} are already one entity")
        # The hand fixes first: a fixed attribution keeps the speaker its fix names.
        for table, column in (
            ("speaker_fixes", "entity_id"),
            ("attributions", "entity_id"),
            ("speaker_members", "entity_id"),
            ("mentions", "entity_id"),
            ("events", "actor_entity_id"),
            ("stances", "demanded_of_entity_id"),
            ("entity_names", "entity_id"),
            ("single_name_entities", "entity_id"),
        ):
            connection.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (target, source))
        connection.execute("DELETE FROM entities WHERE id = ?", (source,))
        connection.execute("INSERT INTO merges (name, into_name) VALUES (?, ?)", (name, into))
    return source, target


def set_speaker(
    connection: sqlite3.Connection,
    attribution: int,
    name: str,
    *,
    new: bool = False,
    entity_type: str = "PERSON",
) -> dict[str, Any]:
    """Make the entity ``name`` designates (as every command finds it), or a new entity of
    that name and type with ``new``, the speaker of the stored attribution ``attribution``.
    The fix is kept in ``speaker_fixes``, so that storing the attribution again (import
    brat, a new extraction) or relinking entities does not undo it."""
    with transaction(connection):
        row = connection.execute(
            "SELECT a.document_id, a.content_spans, a.date, "
            "COALESCE(e.name, a.speaker, '(' || a.source || ')') AS speaker "
            "FROM attributions a LEFT JOIN entities e ON e.id = a.entity_id WHERE a.id = ?",
            (attribution,),
        ).fetchone()
        if row is None:
            raise NamingError(f"no attribution {attribution} (`quotes --format jsonl` shows their ids)")
        if new:
            speaker = _new_speaker(connection, name, entity_type, row["date"])
        else:
            speaker = entity_id(connection, name)
        connection.execute(
            "INSERT INTO speaker_fixes (document_id, content_spans, entity_id) VALUES (?, ?, ?) "
            "ON CONFLICT (document_id, content_spans) DO UPDATE SET entity_id = excluded.entity_id, "
            "fixed_at = excluded.fixed_at",
            (row["document_id"], row["content_spans"], speaker),
        )
        connection.execute("UPDATE attributions SET entity_id = ? WHERE id = ?", (speaker, attribution))
        connection.execute(  # a group's parties give way to the one speaker fixed
            "DELETE FROM speaker_members WHERE (document_id, local_id) = "
            "(SELECT document_id, local_id FROM attributions WHERE id = ?)",
            (attribution,),
        )
        (speaker_name,) = connection.execute("SELECT name FROM entities WHERE id = ?", (speaker,)).fetchone()
    return {"attribution": attribution, "was": row["speaker"], "speaker": speaker_name, "entity": speaker}


def _new_speaker(connection: sqlite3.Connection, name: str, entity_type: str, day: str | None) -> int:
    """A new entity called ``name``, coded as a speaker on ``day``; refused when the name
    already designates one (the fix should name it, not duplicate it)."""
    if existing := entity_candidates(connection, name):
        raise NamingError(
            f"{name!r} is already an entity ({existing[0]['name']}, id {existing[0]['id']}): "
            "drop --new to make it the speaker"
        )
    entity = Entity(id="manual", name=clean_name(name) or name, type=entity_type)
    entity.actor = load_coder().code_entity(entity, date.fromisoformat(day) if day else None, speaks=True)
    speaker = _new_entity(connection, entity)
    _add_names(connection, speaker, name_keys([entity.name], shipped_variants()))
    return speaker


INSERT_ATTRIBUTION = (
    "INSERT INTO attributions (document_id, local_id, kind, cue_start, cue_end, cue, source_start, "
    "source_end, source, content, content_spans, speaker, entity_id, outlet, addressee, channel, parent, "
    "negated, hypothetical, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def attribution_row(
    document_id: int, attribution: dict[str, Any], entity_id: int | None, day: str | None, outlet: str | None
) -> tuple[Any, ...]:
    """The values of ``INSERT_ATTRIBUTION`` for one attribution (as ``Attribution.to_dict``
    writes it)."""
    cue, source, speaker = attribution["cue"], attribution["source"], attribution["speaker"]
    return (
        document_id,
        attribution["id"],
        attribution["kind"],
        *_span_columns(cue),
        *_span_columns(source),
        " … ".join(part["text"] for part in attribution["content"]),
        json.dumps([[part["start"], part["end"]] for part in attribution["content"]]),
        speaker["name"] if speaker else None,
        entity_id,
        outlet,
        attribution["addressee"]["text"] if attribution["addressee"] else None,
        attribution["channel"]["text"] if attribution["channel"] else None,
        attribution["parent"],
        attribution["negated"],
        attribution["hypothetical"],
        day,
    )


def headline_end(text: str, title: str | None) -> int:
    """Where a document's headline ends, as an offset into its text (0: no headline). The
    headline is the first line when the title repeats it, or when it stands apart as
    headlines do: text follows it, and it is short and no sentence (no final full stop).
    A lede opening a text with no headline is a sentence, and stays body."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    line = text[start:end].strip()
    if end < 0 or not text[end:].strip():
        return 0
    if title and " ".join(title.split()).casefold() == " ".join(line.split()).casefold():
        return end
    short = len(line.split()) <= HEADLINE_MAX_WORDS
    return end if short and not line.rstrip(_CLOSING_MARKS).endswith(".") else 0


def _span_columns(span: dict[str, Any] | None) -> tuple[int | None, int | None, str | None]:
    return (span["start"], span["end"], span["text"]) if span else (None, None, None)


def day_of(value: str) -> str:
    """The day a time value starts on, so that dates sort and compare as days: a date-time's
    date ("2024-12-26T08:52"), a week's Monday ("2024-W51" -> "2024-12-16"), a month's or a
    year's first day ("2024-11" -> "2024-11-01"); the exact value stays in the times."""
    if week := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1).isoformat()
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return f"{value}-01"
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-01-01"
    return value[:10]
