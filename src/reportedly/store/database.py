"""The corpus database: where it lives, how it is opened, and its versioned schema.

SQLite in WAL mode (readers never wait for an ingest), foreign keys on. The schema is a
list of migrations; ``PRAGMA user_version`` records how many have run, and opening a store
runs the rest, each in its own transaction, so that an older store is upgraded in place.

Any number of processes may write at once: each write is a ``BEGIN IMMEDIATE`` transaction,
so writers take turns, and one that finds the store busy waits for it (SQLite's busy handler
tries again every few milliseconds) up to ``BUSY_TIMEOUT_SECONDS`` before it gives up with
"the store is busy". Readers see whole transactions only and hold no lock a writer waits on.
A writer checks the store's pages when it opens it (``PRAGMA quick_check``): a damaged store
is refused before anything is added to it. Readers skip the check, which reads every page;
they refuse a damaged store when a query reads a damaged page.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENVIRONMENT_VARIABLE = "REPORTEDLY_DB"
# How long a writer waits for another to finish its transaction (and a reader, for a
# migration or a checkpoint) before it reports the store busy. A writer holds the store for
# one article at a time (milliseconds); a migration of a large store can take longer.
BUSY_TIMEOUT_SECONDS = 60
# SQLite's integers are 64-bit: a larger Python int cannot be bound to a statement.
LARGEST_INTEGER = 2**63 - 1
# The columns of the full-text index of contents: the words, and the closed forms of its
# hyphenated words, so that "ceasefire" finds "cease-fire". Fixed by migration 2: changing
# them takes a new migration.
CONTENT_SEARCH_COLUMNS = "content, compounds"
# The SQL function that fills the compounds column: every connection that writes
# attributions registers it (connect), the delete trigger included.
COMPOUNDS_FUNCTION = "reportedly_compounds"
# A word with its hyphens kept (FTS5's unicode61 tokenizer makes letters and digits word
# characters, and splits at hyphen-minus, the hyphen and the non-breaking hyphen): what the
# compounds column closes and what a search reads as one word.
HYPHEN = re.compile(r"[-\u2010\u2011]")
WORD = re.compile(rf"[^\W_]+(?:{HYPHEN.pattern}[^\W_]+)*")
# The SQL function migration 4 rewrites the sources of stored documents with (source_of_stored).
SOURCE_FUNCTION = "reportedly_source"
STDIN_SOURCE = "-"
# What a live blog post adds to its page's source ("feed.jsonl:3#2"), and a JSON Lines
# record's source as stores before migration 4 kept it (the file as written, and its line).
_POST_SUFFIX = re.compile(r"#\d+$")
_OLD_RECORD_SOURCE = re.compile(r"(.+\.(?:jsonl|ndjson)):(\d+)", re.IGNORECASE)

MIGRATIONS: tuple[str, ...] = (
    # 1: documents, entities and what was extracted, with offsets into documents.text.
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: the text index catches up by id
        doc_id TEXT NOT NULL,            -- the input's name ("lavrov-talks", "feed.jsonl:3")
        source TEXT NOT NULL,            -- the file (and line) it came from
        parent_id INTEGER REFERENCES documents(id),   -- a live blog post's page
        title TEXT,
        url TEXT,
        outlet TEXT,
        published TEXT,                  -- ISO date
        posted TEXT,                     -- a live blog post's own time (ISO date-time or time)
        language TEXT,
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL,      -- of the text, whitespace normalised
        duplicate_of INTEGER REFERENCES documents(id),
        similarity REAL,                 -- estimated Jaccard similarity to duplicate_of
        signature BLOB,                  -- MinHash signature of its words
        extraction TEXT,                 -- the extraction JSON, as `reportedly extract` writes it
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    -- One input once: a rerun finds its text from the same source and skips it; the same
    -- text from another source is stored again, as an exact duplicate.
    CREATE UNIQUE INDEX documents_content ON documents(content_hash, source);
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_outlet ON documents(outlet);
    CREATE INDEX documents_parent ON documents(parent_id);

    CREATE TABLE shingle_bands (         -- MinHash bands for near-duplicate lookup
        band INTEGER NOT NULL,
        bucket INTEGER NOT NULL,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        PRIMARY KEY (band, bucket, document_id)
    ) WITHOUT ROWID;

    CREATE TABLE links (                 -- "(see post at 8:52 a.m.)" -> that post
        document_id INTEGER NOT NULL REFERENCES documents(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        target_id INTEGER NOT NULL REFERENCES documents(id)
    );

    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        code TEXT,
        country TEXT,
        sector TEXT
    );
    CREATE INDEX entities_name ON entities(name);
    CREATE INDEX entities_code ON entities(code);

    CREATE TABLE entity_names (          -- every spelling key that leads to an entity
        key TEXT PRIMARY KEY,
        entity_id INTEGER REFERENCES entities(id),   -- NULL: a name several entities go by
        name TEXT NOT NULL
    );

    CREATE TABLE merges (                -- fixes made by hand (`reportedly entities merge`)
        name TEXT NOT NULL,
        into_name TEXT NOT NULL,
        merged_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );

    CREATE TABLE mentions (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE INDEX mentions_document ON mentions(document_id);

    CREATE TABLE attributions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: the text index catches up by id
        document_id INTEGER NOT NULL REFERENCES documents(id),
        local_id TEXT NOT NULL,          -- the id inside its document's extraction ("a3")
        kind TEXT NOT NULL,
        cue_start INTEGER, cue_end INTEGER, cue TEXT,
        source_start INTEGER, source_end INTEGER, source TEXT,
        content TEXT NOT NULL,           -- the content parts, joined
        content_spans TEXT NOT NULL,     -- JSON [[start, end], ...]
        speaker TEXT,                    -- the speaker's name
        entity_id INTEGER REFERENCES entities(id),
        outlet TEXT,                     -- its document's outlet, copied for per-outlet counts
        addressee TEXT,
        channel TEXT,
        parent TEXT,                     -- local id of the attribution it is nested in
        negated INTEGER NOT NULL,
        hypothetical INTEGER NOT NULL,
        date TEXT                        -- the time the text gives it, else the publication date
    );
    CREATE INDEX attributions_document ON attributions(document_id);
    CREATE INDEX attributions_date ON attributions(date);
    -- Covering indexes for "who is quoted most", overall, by outlet and by month.
    CREATE INDEX attributions_speaker ON attributions(entity_id, date, document_id);
    CREATE INDEX attributions_speaker_outlet ON attributions(entity_id, outlet, date, document_id);
    CREATE INDEX attributions_speaker_month ON attributions(entity_id, substr(date, 1, 7), date, document_id);

    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        local_id TEXT NOT NULL,
        event_type TEXT NOT NULL,
        mode TEXT NOT NULL,              -- JSON list
        actor TEXT NOT NULL,             -- JSON list of {text, entity, code, country, sector}
        recipient TEXT NOT NULL,
        actor_code TEXT,
        recipient_code TEXT,
        actor_entity_id INTEGER REFERENCES entities(id),
        attribution TEXT,
        trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger TEXT NOT NULL,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
        negated INTEGER NOT NULL,
        hypothetical INTEGER NOT NULL,
        date TEXT
    );
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_type ON events(event_type, date);
    CREATE INDEX events_entity ON events(actor_entity_id);

    CREATE TABLE times (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        local_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        value TEXT,
        grain TEXT
    );
    CREATE INDEX times_document ON times(document_id);

    -- Full-text indexes over contents, and over titles and texts. They are brought up to
    -- date in batches (index_new_text), not row by row: a per-article commit of the index
    -- was a quarter of an ingest's writing. fts_indexed records how far each has got.
    CREATE VIRTUAL TABLE attributions_fts USING fts5(
        content, content='attributions', content_rowid='id'
    );
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='id'
    );
    CREATE TABLE fts_indexed (
        name TEXT PRIMARY KEY,
        last_id INTEGER NOT NULL
    );
    INSERT INTO fts_indexed (name, last_id) VALUES ('attributions', 0), ('documents', 0);
    CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions
    WHEN old.id <= (SELECT last_id FROM fts_indexed WHERE name = 'attributions') BEGIN
        INSERT INTO attributions_fts(attributions_fts, rowid, content) VALUES ('delete', old.id, old.content);
    END;
    """,
    # 2: contents found by the closed form of their hyphenated words ("ceasefire" finds
    # "cease-fire"): the index of contents gets a compounds column and is rebuilt. Contentless,
    # as an external-content index must find every column in its table.
    f"""
    DROP TRIGGER attributions_fts_delete;
    DROP TABLE attributions_fts;
    CREATE VIRTUAL TABLE attributions_fts USING fts5({CONTENT_SEARCH_COLUMNS}, content='');
    INSERT INTO attributions_fts (rowid, {CONTENT_SEARCH_COLUMNS})
    SELECT id, content, {COMPOUNDS_FUNCTION}(content) FROM attributions
    WHERE id <= (SELECT last_id FROM fts_indexed WHERE name = 'attributions');
    CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions
    WHEN old.id <= (SELECT last_id FROM fts_indexed WHERE name = 'attributions') BEGIN
        INSERT INTO attributions_fts(attributions_fts, rowid, {CONTENT_SEARCH_COLUMNS})
        VALUES ('delete', old.id, old.content, {COMPOUNDS_FUNCTION}(old.content));
    END;
    """,
    # 3: headline attributions (counted once with the body), and speakers fixed by hand.
    """
    ALTER TABLE documents ADD COLUMN headline_end INTEGER NOT NULL DEFAULT 0;   -- 0: no headline
    ALTER TABLE attributions ADD COLUMN in_headline INTEGER NOT NULL DEFAULT 0;
    -- Whatever inserts attributions (ingest, import brat) marks those whose content starts
    -- in their document's headline.
    CREATE TRIGGER attributions_in_headline AFTER INSERT ON attributions
    WHEN json_extract(new.content_spans, '$[0][0]')
         < (SELECT headline_end FROM documents WHERE id = new.document_id)
    BEGIN
        UPDATE attributions SET in_headline = 1 WHERE id = new.id;
    END;
    -- The speaker counts read in_headline: it joins the covering indexes, and the lookup
    -- of a headline speaker's body attributions is covered by the document index.
    DROP INDEX attributions_document;
    CREATE INDEX attributions_document ON attributions(document_id, entity_id, in_headline);
    DROP INDEX attributions_speaker;
    DROP INDEX attributions_speaker_outlet;
    DROP INDEX attributions_speaker_month;
    CREATE INDEX attributions_speaker ON attributions(entity_id, date, document_id, in_headline);
    CREATE INDEX attributions_speaker_outlet
        ON attributions(entity_id, outlet, date, document_id, in_headline);
    CREATE INDEX attributions_speaker_month
        ON attributions(entity_id, substr(date, 1, 7), date, document_id, in_headline);

    CREATE TABLE speaker_fixes (         -- `reportedly attributions set-speaker`
        document_id INTEGER NOT NULL REFERENCES documents(id),
        content_spans TEXT NOT NULL,     -- the attribution's content offsets: the same after re-extraction
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        fixed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        PRIMARY KEY (document_id, content_spans)
    );
    -- A fixed attribution keeps its speaker when it is stored again (import brat, a new
    -- extraction) or its entity is relinked; merges move the fix with the entity.
    -- An insert sets entity_id again, which lets the update trigger below apply the fix.
    CREATE TRIGGER attributions_fixed_speaker_insert AFTER INSERT ON attributions
    WHEN EXISTS (SELECT 1 FROM speaker_fixes f
                 WHERE f.document_id = new.document_id AND f.content_spans = new.content_spans)
    BEGIN
        UPDATE attributions SET entity_id = new.entity_id WHERE id = new.id;
    END;
    CREATE TRIGGER attributions_fixed_speaker_update AFTER UPDATE OF entity_id ON attributions
    WHEN EXISTS (SELECT 1 FROM speaker_fixes f
                 WHERE f.document_id = new.document_id AND f.content_spans = new.content_spans
                 AND f.entity_id IS NOT new.entity_id)
    BEGIN
        UPDATE attributions SET entity_id = (
            SELECT f.entity_id FROM speaker_fixes f
            WHERE f.document_id = new.document_id AND f.content_spans = new.content_spans
        ) WHERE id = new.id;
    END;
    """,
    # 4: a document's source names its input however the path was written (source_path,
    # record_source): a rerun from another directory, or with the absolute path, skips it.
    # A document a rerun stored again under another spelling keeps its old source (OR IGNORE).
    f"""
    UPDATE OR IGNORE documents SET source = {SOURCE_FUNCTION}(source, doc_id, url);

    -- An entity known by a single name ("Petrov", "NATO") in its document is the one entity
    -- known by a full name that goes by it, else the entity of that name alone, whatever
    -- order the documents came in: they are linked again when what the name leads to changes.
    -- (Documents stored before this migration keep their links.)
    CREATE TABLE single_names (
        key TEXT NOT NULL,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        PRIMARY KEY (key, document_id)
    ) WITHOUT ROWID;
    CREATE INDEX single_names_document ON single_names(document_id);
    CREATE TABLE single_name_entities (  -- the entity of a single name alone
        key TEXT PRIMARY KEY,
        entity_id INTEGER NOT NULL REFERENCES entities(id)
    );
    CREATE INDEX single_name_entities_entity ON single_name_entities(entity_id);

    -- SQLite's text functions (substr, the full-text index) stop at a NUL: a text holding
    -- one would come back cut. Inputs refuse it; this makes sure nothing stores one.
    CREATE TRIGGER documents_text_without_nul BEFORE INSERT ON documents
    WHEN instr(CAST(new.text AS BLOB), x'00') > 0 BEGIN
        SELECT RAISE(ABORT, 'a document text holds a NUL character');
    END;
    """,
    # 5: group speakers ("Germany, France, the UK and Poland called on ..."): each party of
    # a group is counted as a speaker of the attribution, whose own entity_id stays NULL
    # (its speaker column holds the names joined). Stores made before hold no groups.
    """
    CREATE TABLE speaker_members (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        local_id TEXT NOT NULL,          -- the attribution's id in its document ("a3")
        position INTEGER NOT NULL,       -- the party's place in the group, from 0
        name TEXT NOT NULL,
        entity_id INTEGER REFERENCES entities(id),   -- NULL: a party no entity was found for
        PRIMARY KEY (document_id, local_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX speaker_members_entity ON speaker_members(entity_id, document_id, local_id);
    -- A speaker fixed by hand is the attribution's one speaker: a group stored again for it
    -- (a new extraction, a relink) leaves no parties beside the fix.
    CREATE TRIGGER speaker_members_fixed AFTER INSERT ON speaker_members
    WHEN EXISTS (SELECT 1 FROM attributions a JOIN speaker_fixes f
                 ON f.document_id = a.document_id AND f.content_spans = a.content_spans
                 WHERE a.document_id = new.document_id AND a.local_id = new.local_id)
    BEGIN
        DELETE FROM speaker_members WHERE document_id = new.document_id AND local_id = new.local_id;
    END;
    """,
    # 6: quotes and events newest first, undated last, then in the order stored
    # (queries.NEWEST_FIRST): a page is read off these indexes from the key of the row before
    # it, at any depth, with the date range of a filter as a range of the same expression;
    # and the names of an entity by its id.
    """
    CREATE INDEX attributions_newest ON attributions(COALESCE(date, '') DESC, document_id);
    CREATE INDEX events_newest ON events(COALESCE(date, '') DESC, document_id);
    -- The events of one type newest first: on (event_type, date) they were all sorted.
    DROP INDEX events_type;
    CREATE INDEX events_type ON events(event_type, COALESCE(date, '') DESC, document_id);
    -- An entity's names (the entities list, one entity): each read the whole table.
    CREATE INDEX entity_names_entity ON entity_names(entity_id);
    """,
    # 7: positions (issue 21): each statement's stance on each issue it is about, and the
    # statements' sentence embeddings, kept so that a changed issues file is applied again
    # (`reportedly positions --rebuild`) without encoding anything.
    """
    CREATE TABLE stances (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        statement TEXT NOT NULL,         -- the attribution's ("a3") or event's ("v2") id in its document
        attribution_id INTEGER REFERENCES attributions(id),   -- NULL: an event's stance
        event_id INTEGER REFERENCES events(id),
        -- Who takes it: the attribution's speaker entity (a group speaker: a row per party),
        -- the event's actor; kept equal to theirs by the triggers below (merges, fixes,
        -- relinks). NULL: a speaker no entity was found for, by its words in `speaker`
        -- (NULL where there is an entity).
        entity_id INTEGER,
        speaker TEXT,
        issue TEXT NOT NULL,
        stance TEXT NOT NULL,            -- supports, opposes, conditional, demands, unclear
        evidence TEXT NOT NULL,          -- JSON [[start, end], ...] into documents.text
        condition_start INTEGER, condition_end INTEGER, condition TEXT,
        demanded_of TEXT,
        score REAL NOT NULL,
        date TEXT,                       -- the statement's date (its attribution's or event's)
        -- What makes a stance an actor's current one, as one value to take the MAX of:
        -- '1' for a stance that takes a side ('0': unclear), then its date.
        latest TEXT NOT NULL
    );
    -- Positions per issue and actor, and per actor: covering indexes of what they read.
    CREATE INDEX stances_issue ON stances(issue, entity_id, speaker, latest, date);
    CREATE INDEX stances_entity ON stances(entity_id, issue, speaker, latest, date);
    CREATE INDEX stances_document ON stances(document_id);
    CREATE INDEX stances_attribution ON stances(attribution_id);
    CREATE INDEX stances_event ON stances(event_id);
    CREATE TRIGGER stances_speaker AFTER UPDATE OF entity_id ON attributions BEGIN
        UPDATE stances SET entity_id = new.entity_id,
            speaker = CASE WHEN new.entity_id IS NULL THEN COALESCE(new.speaker, new.source) END
        WHERE attribution_id = new.id;
    END;
    CREATE TRIGGER stances_actor AFTER UPDATE OF actor_entity_id ON events BEGIN
        UPDATE stances SET entity_id = new.actor_entity_id WHERE event_id = new.id;
    END;
    CREATE TRIGGER stances_party AFTER UPDATE OF entity_id ON speaker_members BEGIN
        UPDATE stances SET entity_id = new.entity_id
        WHERE document_id = new.document_id AND statement = new.local_id AND entity_id IS old.entity_id;
    END;
    CREATE TABLE statement_vectors (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        statement TEXT NOT NULL,
        vector BLOB NOT NULL,            -- float16, little-endian, 384 numbers
        PRIMARY KEY (document_id, statement)
    ) WITHOUT ROWID;
    """,
    # 8: a document's events by its id: the speaker page finds the events an entity is the
    # recipient of through the documents that mention it, which read every event without it.
    """
    CREATE INDEX events_document ON events(document_id);
    """,
    # 9: the stance rows' indexes also cover what `positions --history` and `--shifts` read
    # first (each stance's day, document, statement and stance), so an actor's stances on
    # an issue are found and ordered without reading their rows (on the 100,000-attribution
    # bench store, 3,367 stances: 104 ms to 16.5 ms).
    """
    DROP INDEX stances_issue;
    CREATE INDEX stances_issue
        ON stances(issue, entity_id, speaker, latest, date, document_id, statement, stance);
    DROP INDEX stances_entity;
    CREATE INDEX stances_entity
        ON stances(entity_id, issue, speaker, latest, date, document_id, statement, stance);
    """,
    # 10: whom a demand is of, resolved (positions/parties.py): the party's name, its entity
    # (the stored entity of the mention the words name; merges move it) and actor code. Rows
    # stored before hold the words alone (`demanded_of`) until `positions --rebuild`.
    """
    ALTER TABLE stances ADD COLUMN demanded_of_name TEXT;
    ALTER TABLE stances ADD COLUMN demanded_of_entity_id INTEGER;
    ALTER TABLE stances ADD COLUMN demanded_of_code TEXT;
    ALTER TABLE stances ADD COLUMN demanded_of_country TEXT;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """A store that cannot be opened or used."""


# What SQLite's result codes mean to a user, for the errors a store can meet in use.
_STORE_PROBLEMS = {
    "SQLITE_READONLY": "the store is read-only",
    "SQLITE_FULL": "database or disk is full",
    "SQLITE_IOERR": "cannot read or write the store's file",
    "SQLITE_CANTOPEN": "cannot open the store's file",
    "SQLITE_BUSY": f"the store is busy: another process held it longer than {BUSY_TIMEOUT_SECONDS} s",
}


def known_problem(error: sqlite3.DatabaseError) -> str | None:
    """What a user can act on in an SQLite error (a read-only file, a full disk), else None."""
    # The extended code's base name: SQLITE_READONLY_DBMOVED and SQLITE_IOERR_WRITE alike.
    name = getattr(error, "sqlite_errorname", "") or ""
    return next(
        (problem for code, problem in _STORE_PROBLEMS.items() if name == code or name.startswith(code + "_")),
        None,
    )


def store_problem(path: Path, error: sqlite3.DatabaseError) -> str:
    """The one-line message for an SQLite error met on the store at ``path``: the problems a
    user can act on by name, anything else (a damaged file) as "not a usable reportedly store"."""
    problem = known_problem(error) or "not a usable reportedly store"
    return f"{path}: {problem}" + ("" if str(error) == problem else f" ({error})")


def row_id(text: str) -> int | None:
    """The row id ``text`` spells (ASCII digits, within SQLite's integers), else None: a name.
    str.isdigit would take "²", which int() refuses, and int() takes numbers SQLite cannot."""
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if number <= LARGEST_INTEGER else None


def compounds(text: str) -> str:
    """The closed forms of the hyphenated words of ``text``: "a cease-fire in Gaza" ->
    "ceasefire"; what the compounds column of the index of contents holds."""
    return " ".join(HYPHEN.sub("", word) for word in WORD.findall(text) if HYPHEN.search(word))


def source_path(name: str) -> str:
    """The source of an input file however its path is written ("in/feed.jsonl",
    "./in//feed.jsonl", the absolute path, a symbolic link): its resolved path. Stdin stays "-"."""
    return name if name == STDIN_SOURCE else str(Path(name).resolve())


def record_source(path: str, line: int, record_id: str | None, url: str | None) -> str:
    """The source of a JSON Lines record in the file of source ``path``: its id, else its
    url, else its line. A feed written again in another order keeps its records' sources."""
    if record_id:
        return f"{path}:id={record_id}"
    return f"{path}:url={url}" if url else f"{path}:{line}"


def source_of_stored(source: str, doc_id: str, url: str | None) -> str:
    """A stored document's source as :func:`source_path` and :func:`record_source` make it,
    from the source a store before migration 4 kept (the path as written, ":line" for a
    record, "#post" for a live blog post) and its doc_id (a record's id, if it had one).
    A relative path stays as it was: the directory it was written in is not known (the
    upgrade may run in any), and a rerun from there finds it (Store.stored)."""
    post = _POST_SUFFIX.search(source)
    suffix = post.group() if post else ""
    page, page_doc_id = source.removesuffix(suffix), doc_id.removesuffix(suffix)
    record = _OLD_RECORD_SOURCE.fullmatch(page)
    path = record.group(1) if record else page
    if not Path(path).is_absolute():
        return source
    if record is None:
        return source_path(path) + suffix
    line = record.group(2)
    record_id = None if page_doc_id == f"{Path(path).name}:{line}" else page_doc_id
    return record_source(source_path(path), int(line), record_id, url) + suffix


def default_path() -> Path:
    """``$REPORTEDLY_DB``, else ``reportedly.db`` in the user's data directory."""
    if configured := os.environ.get(ENVIRONMENT_VARIABLE):
        return Path(configured)
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "reportedly" / "reportedly.db"


def connect(path: Path, *, create: bool = True, writing: bool = False) -> sqlite3.Connection:
    """Open (and create or upgrade) the store at ``path``; ``writing``: to add to it, which a
    damaged store refuses (checked on opening)."""
    if not create and not path.exists():
        raise StoreError(f"{path}: no such store (ingest something first, or pass --db)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        connection.row_factory = sqlite3.Row
        connection.create_function(COMPOUNDS_FUNCTION, 1, compounds, deterministic=True)
        connection.create_function(SOURCE_FUNCTION, 3, source_of_stored)
        _set_wal(connection)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = NORMAL")
        # Checkpoint every ~40 MB of log rather than 4 MB: an ingest spends a tenth less time
        # in SQLite (measured), and readers are unaffected.
        connection.execute("PRAGMA wal_autocheckpoint = 10000")
        migrate(connection)
        if writing:
            check_pages(connection)
    except sqlite3.DatabaseError as error:
        raise StoreError(store_problem(path, error)) from None
    except OSError as error:
        raise StoreError(f"{path}: cannot open ({error.strerror})") from None
    return connection


def connect_read_only(path: Path) -> sqlite3.Connection:
    """Open the store at ``path`` to read only (SQLite's ``mode=ro``, and ``query_only``): a
    server that answers queries can change nothing, whatever a request holds. A store of an
    older schema is refused, as upgrading it would write."""
    if not path.is_file():
        raise StoreError(f"{path}: no such store (ingest something first, or pass --db)")
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS
        )
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA query_only = ON")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise StoreError(store_problem(path, error)) from None
    if version != SCHEMA_VERSION:
        connection.close()
        raise StoreError(
            f"{path}: store schema version {version}, this reportedly reads {SCHEMA_VERSION} "
            "(a command that writes, such as ingest, upgrades an older store)"
        )
    return connection


def _set_wal(connection: sqlite3.Connection) -> None:
    """Put the store in WAL mode (a new store: a no-op after that). Changing the mode needs
    the file to itself, and SQLite reports it busy at once, without its busy handler, when
    another process is opening the same new store: tried again for the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if error.sqlite_errorname != "SQLITE_BUSY" or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def check_pages(connection: sqlite3.Connection) -> None:
    """Refuse a store with a damaged page or index (``PRAGMA quick_check``: every page is
    read once, 0.3 s for a store of 100,000 attributions and 300 MB, against 1 ms to open it)."""
    # SQLite's own message for a damaged page met in a query, which readers get.
    if connection.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
        raise sqlite3.DatabaseError("database disk image is malformed")


def index_new_text(connection: sqlite3.Connection) -> None:
    """Add the attributions and documents stored since the last call to the full-text
    indexes, in one transaction."""
    with transaction(connection):
        index_new_rows(connection)


def index_new_rows(connection: sqlite3.Connection) -> None:
    """:func:`index_new_text` inside the caller's transaction: what it stores is searchable
    from the moment it is committed (an import)."""
    for table, columns, values in (
        ("attributions", CONTENT_SEARCH_COLUMNS, f"content, {COMPOUNDS_FUNCTION}(content)"),
        ("documents", "title, text", "title, text"),
    ):
        (last,) = connection.execute("SELECT last_id FROM fts_indexed WHERE name = ?", (table,)).fetchone()
        connection.execute(
            f"INSERT INTO {table}_fts (rowid, {columns}) SELECT id, {values} FROM {table} WHERE id > ?",
            (last,),
        )
        connection.execute(
            f"UPDATE fts_indexed SET last_id = (SELECT COALESCE(MAX(id), 0) FROM {table}) WHERE name = ?",
            (table,),
        )


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All or nothing: an error, a crash or a kill inside leaves the store as it was."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        # SQLite has rolled back already after some errors (a full disk): a second ROLLBACK
        # would fail and hide the error that matters.
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def migrate(connection: sqlite3.Connection) -> None:
    """Run the migrations this store has not had yet, all in one transaction: a reader (or
    a second writer) sees the old schema or the new one, never a store between two versions.
    The version is read inside the transaction, so two processes opening a new store at
    once migrate it once."""
    if connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return  # the common case, without taking the write lock
    with transaction(connection):
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"store schema version {version} is newer than this reportedly ({SCHEMA_VERSION})"
            )
        for number in range(version, SCHEMA_VERSION):
            # executescript would commit the open transaction: run the statements one by one.
            for statement in _statements(MIGRATIONS[number]):
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _statements(script: str) -> list[str]:
    """Split a migration into statements (a trigger body holds semicolons of its own)."""
    statements, current = [], ""
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        current += line.split(" --", 1)[0] + "\n"
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return statements
