"""The Parquet dataset ``reportedly batch`` writes: its tables, its files, its manifest.

A dataset is a folder::

    DIR/dataset.json          what made it (options, partition size): a rerun must match
    DIR/manifest.jsonl        one line per partition done, appended after its files
    DIR/failures.jsonl        the inputs of the last run that could not be read, with file and line
    DIR/TABLE/part-ID.parquet one file per table per partition (TABLES)

Every row names its ``partition`` and its document's ``position`` in it, which order the
dataset as its inputs were read. Offsets are character offsets into the document's text, as
in ``reportedly extract``'s records (data/extraction.schema.json), whose fields each table
carries (docs/scale.md lists the columns). A partition's files are written under temporary
names and renamed when whole, and the partition enters the manifest after all its files: a
retried or killed task never leaves a partial or second copy of a partition, and readers
(:mod:`.duck`, :mod:`.load`) read only the partitions of the manifest.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reportedly.batch import need
from reportedly.model import Article, Extraction, Span
from reportedly.store.corpus import INSERT_ATTRIBUTION, attribution_row, day_of, headline_end
from reportedly.store.queries import name_keys

# 2: the stances table (positions, issue 21); 3: whom a stance demands of, resolved.
SCHEMA_VERSION = 3
# The fields of whom a stance demands of (model.Party, as an extraction record has it).
PARTY_FIELDS = ("name", "entity", "code", "country", "sector")
TABLES = ("documents", "attributions", "entities", "events", "times", "stances")
MANIFEST = "manifest.jsonl"
FAILURES = "failures.jsonl"
DESCRIPTION = "dataset.json"
# The store's columns of an attribution row, which ``attribution_row`` fills: the dataset's
# attributions table carries them as the store has them (content joined, its date's day).
_STORE_ATTRIBUTION_COLUMNS = INSERT_ATTRIBUTION[
    INSERT_ATTRIBUTION.index("(") + 1 : INSERT_ATTRIBUTION.index(")")
].split(", ")


def schemas() -> dict[str, Any]:
    """The Arrow schema of each table (pyarrow imported here: it is the optional extra's)."""
    pa = need("pyarrow")
    span = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    party = pa.struct([(name, pa.string()) for name in ("text", "entity", "code", "country", "sector")])
    where = [("partition", pa.string()), ("position", pa.int32()), ("doc_id", pa.string())]
    return {
        "documents": pa.schema(
            [
                *where,
                ("source", pa.string()),
                ("title", pa.string()),
                ("url", pa.string()),
                ("outlet", pa.string()),
                ("language", pa.string()),
                ("published", pa.string()),  # ISO date, as in the extraction records
                ("page", pa.string()),  # a live blog post's page (its doc_id)
                ("page_offset", pa.int64()),
                ("posted", pa.string()),
                ("posts", pa.int32()),  # a live blog page's number of posts (the rows after it)
                ("text", pa.string()),
                ("text_length", pa.int64()),
                ("headline_end", pa.int64()),  # where its headline ends in the text (0: none)
                ("extraction", pa.string()),  # the record `reportedly extract` writes; null: a page
            ]
        ),
        "attributions": pa.schema(
            [
                *where,
                ("ordinal", pa.int32()),  # its place in the document's attributions
                ("local_id", pa.string()),
                ("kind", pa.string()),
                ("cue_start", pa.int64()),
                ("cue_end", pa.int64()),
                ("cue", pa.string()),
                ("source_start", pa.int64()),
                ("source_end", pa.int64()),
                ("source", pa.string()),
                ("content", pa.string()),  # the parts' words joined by " … ", as the store has it
                ("content_spans", pa.list_(span)),
                ("speaker", pa.string()),
                ("speaker_entity", pa.string()),  # the local id of its entity in the document
                ("speaker_members", pa.list_(pa.struct([("name", pa.string()), ("entity", pa.string())]))),
                ("outlet", pa.string()),
                ("addressee", span),
                ("channel", span),
                ("parent", pa.string()),
                ("negated", pa.bool_()),
                ("hypothetical", pa.bool_()),
                ("time", pa.string()),  # the local id of the time expression that dates it
                ("date", pa.string()),  # that time's day, else the publication date (the store's)
                ("in_headline", pa.bool_()),
            ]
        ),
        "entities": pa.schema(
            [
                *where,
                ("ordinal", pa.int32()),
                ("local_id", pa.string()),
                ("name", pa.string()),
                ("type", pa.string()),
                ("aliases", pa.list_(pa.string())),
                ("mentions", pa.list_(span)),
                ("role", pa.string()),
                ("code", pa.string()),
                ("country", pa.string()),
                ("sector", pa.string()),
                # The spelling keys of its name and aliases (the run's spelling table), which
                # link it to the entities of other documents (``duck``), as the store links.
                ("keys", pa.list_(pa.string())),
            ]
        ),
        "events": pa.schema(
            [
                *where,
                ("local_id", pa.string()),
                ("event_type", pa.string()),
                ("mode", pa.list_(pa.string())),
                ("context", pa.list_(pa.string())),
                ("actor", pa.list_(party)),
                ("recipient", pa.list_(party)),
                ("actor_code", pa.string()),
                ("recipient_code", pa.string()),
                ("actor_entity", pa.string()),  # local id of its first actor with an entity
                ("attribution", pa.string()),
                ("trigger_start", pa.int64()),
                ("trigger_end", pa.int64()),
                ("trigger", pa.string()),
                ("sentence_start", pa.int64()),
                ("sentence_end", pa.int64()),
                ("negated", pa.bool_()),
                ("hypothetical", pa.bool_()),
                ("date_value", pa.string()),  # as extracted ("2024-W51")
                ("date", pa.string()),  # its day, else the publication date (the store's)
            ]
        ),
        "times": pa.schema(
            [
                *where,
                ("local_id", pa.string()),
                ("start", pa.int64()),
                ("end", pa.int64()),
                ("text", pa.string()),
                ("value", pa.string()),
                ("grain", pa.string()),
            ]
        ),
        # A row per stance and party that takes it, as the store has them (store.stances).
        "stances": pa.schema(
            [
                *where,
                ("statement", pa.string()),  # the local id of its attribution ("a3") or event ("v2")
                ("issue", pa.string()),
                ("stance", pa.string()),
                ("evidence", pa.list_(span)),
                ("condition", span),
                ("demanded_of", span),
                # The party those words name: its name, the local id of its entity, its code.
                ("demanded_party", pa.struct([(name, pa.string()) for name in PARTY_FIELDS])),
                ("score", pa.float64()),
                ("entity", pa.string()),  # the local id of the party's entity
                ("speaker", pa.string()),  # a party no entity was found for: the speaker's words
            ]
        ),
    }


@dataclass(slots=True)
class PartitionRows:
    """The rows of one partition, table by table."""

    tables: dict[str, list[dict[str, Any]]]

    @classmethod
    def empty(cls) -> PartitionRows:
        return cls({table: [] for table in TABLES})

    def add(
        self,
        partition: str,
        article: Article,
        extractions: list[Extraction],
        variants: dict[str, str],
    ) -> None:
        """An article's rows: a live blog page's row (no extraction) then its posts', else
        the article's; ``variants``: the run's spelling table, which keys the entities."""
        if article.posts:
            self._document(partition, article, None, len(article.posts))
        for post, extraction in zip(article.posts or [article], extractions, strict=True):
            # Serialised once: the record is stored whole and its parts fill the tables.
            record = extraction.to_dict()
            self._document(partition, post, record, 0)
            self._extraction(partition, post, extraction, record, variants)

    def _document(self, partition: str, article: Article, record: dict[str, Any] | None, posts: int) -> None:
        document = article.document
        self.tables["documents"].append(
            {
                "partition": partition,
                "position": len(self.tables["documents"]),
                "doc_id": document.doc_id,
                "source": article.source,
                "title": article.title,
                "url": article.url,
                "outlet": article.outlet,
                "language": article.language,
                "published": document.published.isoformat() if document.published else None,
                "page": document.page,
                "page_offset": document.page_offset,
                "posted": document.posted,
                "posts": posts,
                "text": document.text,
                "text_length": len(document.text),
                "headline_end": headline_end(document.text, article.title),
                "extraction": json.dumps(record, ensure_ascii=False) if record else None,
            }
        )

    def _extraction(
        self,
        partition: str,
        article: Article,
        extraction: Extraction,
        record: dict[str, Any],
        variants: dict[str, str],
    ) -> None:
        row = self.tables["documents"][-1]
        where = {"partition": partition, "position": row["position"], "doc_id": row["doc_id"]}
        published = row["published"]
        times = {time.id: time for time in extraction.times}
        for ordinal, (attribution, attribution_record) in enumerate(
            zip(extraction.attributions, record["attributions"], strict=True)
        ):
            time = times.get(attribution.time) if attribution.time else None
            day = day_of(time.value) if time and time.value else published
            stored = dict(
                zip(
                    _STORE_ATTRIBUTION_COLUMNS,
                    attribution_row(0, attribution_record, None, day, article.outlet),
                    strict=True,
                )
            )
            speaker = attribution.speaker
            self.tables["attributions"].append(
                where
                | {key: stored[key] for key in _STORE_ATTRIBUTION_COLUMNS[1:] if key in _KEPT_STORE_COLUMNS}
                | {
                    "ordinal": ordinal,
                    "content_spans": attribution_record["content"],
                    "speaker_entity": speaker.entity if speaker else None,
                    "speaker_members": [
                        {"name": member.name, "entity": member.entity} for member in speaker.members
                    ]
                    if speaker
                    else [],
                    "addressee": attribution_record["addressee"],
                    "channel": attribution_record["channel"],
                    "negated": attribution.negated,
                    "hypothetical": attribution.hypothetical,
                    "time": attribution.time,
                    "in_headline": _in_headline(attribution.content, row["headline_end"]),
                }
            )
        for ordinal, (entity, entity_record) in enumerate(
            zip(extraction.entities, record["entities"], strict=True)
        ):
            actor = entity.actor
            self.tables["entities"].append(
                where
                | {
                    "ordinal": ordinal,
                    "local_id": entity.id,
                    "name": entity.name,
                    "type": entity.type,
                    "aliases": entity_record["aliases"],
                    "mentions": entity_record["mentions"],
                    "role": entity.role,
                    "code": actor.code if actor else None,
                    "country": actor.country if actor else None,
                    "sector": actor.sector if actor else None,
                    "keys": [key for _, key in name_keys([entity.name, *entity.aliases], variants)],
                }
            )
        for event, event_record in zip(extraction.events, record["events"], strict=True):
            self.tables["events"].append(
                where
                | {
                    "local_id": event.id,
                    "event_type": event.event_type,
                    "mode": list(event.mode),
                    "context": list(event.context),
                    "actor": event_record["actor"],
                    "recipient": event_record["recipient"],
                    "actor_code": next((p.actor.code for p in event.actor if p.actor), None),
                    "recipient_code": next((p.actor.code for p in event.recipient if p.actor), None),
                    "actor_entity": next((p.entity for p in event.actor if p.entity), None),
                    "attribution": event.attribution,
                    "trigger_start": event.trigger.start,
                    "trigger_end": event.trigger.end,
                    "trigger": event.trigger.text,
                    "sentence_start": event.sentence.start,
                    "sentence_end": event.sentence.end,
                    "negated": event.negated,
                    "hypothetical": event.hypothetical,
                    "date_value": event.date,
                    "date": day_of(event.date) if event.date else published,
                }
            )
        for time in extraction.times:
            self.tables["times"].append(
                where | {"local_id": time.id, **time.span.to_dict(), "value": time.value, "grain": time.grain}
            )
        parties = _stance_parties(extraction)
        for stance, stance_record in zip(extraction.stances, record["stances"], strict=True):
            entities, words = parties[stance.statement]
            self.tables["stances"].extend(
                where
                | {key: stance_record[key] for key in _STANCE_FIELDS}
                | {"entity": entity, "speaker": words if entity is None else None}
                for entity in entities
            )


# The store's attribution columns the dataset keeps as they are (the rest it keeps as spans).
_KEPT_STORE_COLUMNS = frozenset(
    {"local_id", "kind", "cue_start", "cue_end", "cue", "source_start", "source_end", "source"}
    | {"content", "speaker", "outlet", "parent", "date"}
)


_STANCE_FIELDS = (
    "statement",
    "issue",
    "stance",
    "evidence",
    "condition",
    "demanded_of",
    "demanded_party",
    "score",
)


def _stance_parties(extraction: Extraction) -> dict[str, tuple[list[str | None], str | None]]:
    """Who takes each statement's stances, by the store's rule (store.stances.write_stances):
    an attribution's speaker entity, or each party of a group speaker that has an entity, else
    none but the speaker's words (its name, else its source text); an event's first actor
    with an entity. Local entity ids; an attribution's id wins over an event's."""
    parties: dict[str, tuple[list[str | None], str | None]] = {}
    for attribution in extraction.attributions:
        speaker = attribution.speaker
        members = [member.entity for member in speaker.members if member.entity] if speaker else []
        words = speaker.name if speaker else attribution.source.text if attribution.source else None
        parties[attribution.id] = (members or [speaker.entity if speaker else None], words)
    for event in extraction.events:
        actor = next((party.entity for party in event.actor if party.entity), None)
        parties.setdefault(event.id, ([actor], None))
    return parties


def _in_headline(content: list[Span], headline_end: int) -> bool:
    """Whether an attribution is in its document's headline, as the store's trigger decides:
    its content starts before the headline ends."""
    return bool(content) and content[0].start < headline_end


# How every table is written. zstd, measured on 50 PolNeAR dev articles: files a third
# smaller than pyarrow's default snappy (667 KB against 991 KB), for 0.06 ms more an
# article to write (next to some 400 ms to extract it) and reads as fast.
PARQUET_WRITE_OPTIONS: dict[str, Any] = {"compression": "zstd"}


def part_path(folder: Path, table: str, partition: str) -> Path:
    return folder / table / f"part-{partition}.parquet"


def write_partition(folder: Path, partition: str, rows: PartitionRows) -> None:
    """The partition's files, each written under a temporary name and renamed when whole: a
    task retried after its worker died writes the same names again, never a second copy."""
    pq = need("pyarrow.parquet")
    pa = need("pyarrow")
    for table, schema in schemas().items():
        target = part_path(folder, table, partition)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}")
        try:
            pq.write_table(
                pa.Table.from_pylist(rows.tables[table], schema=schema), temporary, **PARQUET_WRITE_OPTIONS
            )
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class Done:
    """A manifest line: a partition whose files are all written."""

    partition: str
    documents: int
    attributions: int
    seconds: float  # extracting and writing it, on its worker
    cpu_seconds: float  # the processor time that took (what other processes' load does not inflate)
    worker: str  # the process that did it (host:pid)
    peak_rss_mb: float  # the worker process's peak memory so far


def done_partitions(folder: Path) -> dict[str, Done]:
    """The partitions of the manifest, by id. A line cut short by a kill (the last) is not a
    partition done: its partition runs again."""
    path = folder / MANIFEST
    if not path.exists():
        return {}
    done: dict[str, Done] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                entry = Done(**json.loads(line))
            except (json.JSONDecodeError, TypeError):
                continue
            done[entry.partition] = entry
    return done


def record_done(folder: Path, entry: Done) -> None:
    """Append a partition to the manifest (after its files are renamed into place), on a line
    of its own even after a line a kill cut short."""
    path = folder / MANIFEST
    with path.open("a+b") as manifest:
        manifest.seek(0, os.SEEK_END)
        if manifest.tell():
            manifest.seek(-1, os.SEEK_END)
            if manifest.read(1) != b"\n":
                manifest.write(b"\n")
        manifest.write((json.dumps(asdict(entry)) + "\n").encode())
        manifest.flush()
        os.fsync(manifest.fileno())


def manifest_files(folder: Path, table: str) -> list[str]:
    """The files of ``table`` of the partitions done, in partition order."""
    return [str(part_path(folder, table, partition)) for partition in sorted(done_partitions(folder))]


def iter_rows(folder: Path, table: str, columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """The rows of ``table`` of the partitions done, partition by partition (one file's rows
    in memory at a time)."""
    pq = need("pyarrow.parquet")
    for name in manifest_files(folder, table):
        yield from pq.read_table(name, columns=columns).to_pylist()
