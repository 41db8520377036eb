"""Entities linked across documents by the run's spellings (a user's --actors file), and
relinking that keeps the ids of what it relinks (issue 17)."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from reportedly.extract import Extractor
from reportedly.ingest.run import ingest
from reportedly.model import Article, Document
from reportedly.resolve.actors import ActorCoder
from reportedly.store.corpus import Store, set_speaker
from test_cli import Invoke

ROSCOSMOS = "Roscosmos said on Monday that the launch was delayed.\n"
ROSKOSMOS = "Roskosmos added that the crew was safe.\n"
ACTORS = "actors:\n  - name: Roscosmos\n    aliases: [Roskosmos]\n    codes: [{code: RUSGOV}]\n"
SPEAKERS = (
    "SELECT a.content, e.name, e.code FROM attributions a LEFT JOIN entities e ON e.id = a.entity_id "
    "ORDER BY a.id"
)


@pytest.fixture
def actors_file(tmp_path: Path) -> Path:
    path = tmp_path / "actors.yaml"
    path.write_text(ACTORS, encoding="utf-8")
    return path


def store_texts(store: Store, texts: list[str], extractor: Extractor) -> None:
    articles = [Article(Document(f"d{number}", text), f"d{number}") for number, text in enumerate(texts)]
    ingest(articles, store, extractor)


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


# Before: the store keyed names with the shipped spellings, so "Roskosmos" (the actors
# file's alias) was a second entity beside Roscosmos.
def test_an_actors_file_alias_links_across_documents(cli: Invoke, tmp_path: Path, actors_file: Path):
    (tmp_path / "1.txt").write_text(ROSCOSMOS)
    (tmp_path / "2.txt").write_text(ROSKOSMOS)
    db = tmp_path / "corpus.db"
    result = cli("ingest", tmp_path / "1.txt", tmp_path / "2.txt", "--actors", actors_file, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["stored"] == 2
    assert rows(db, "SELECT name, code FROM entities") == [("Roscosmos", "RUSGOV")]
    assert rows(db, SPEAKERS) == [
        ("that the launch was delayed", "Roscosmos", "RUSGOV"),
        ("that the crew was safe", "Roscosmos", "RUSGOV"),
    ]
    # The queries find names by the shipped spellings: the alias is offered, not found.
    result = cli("timeline", "Roskosmos", "--db", db)
    assert result.exit_code == 2
    assert "no entity named 'Roskosmos'; near matches: Roscosmos (id 1)" in result.stderr
    # A later ingest without the file links the documents it stores by the shipped
    # spellings: "Roskosmos" is no spelling of Roscosmos there.
    (tmp_path / "3.txt").write_text("Roskosmos said the next launch was in May.\n")
    result = cli("ingest", tmp_path / "3.txt", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert rows(db, "SELECT name FROM entities ORDER BY id") == [("Roscosmos",), ("Roskosmos",)]


def test_the_store_links_by_the_coder_it_is_given_in_either_order(
    tmp_path: Path, extractor: Extractor, actors_file: Path
):
    coder = ActorCoder(actors_file)
    with_actors = Extractor.from_resources(dataclasses.replace(extractor.resources, coder=coder))
    for number, texts in enumerate([[ROSCOSMOS, ROSKOSMOS], [ROSKOSMOS, ROSCOSMOS]]):
        db = tmp_path / f"{number}.db"
        store = Store(db, coder=coder)
        try:
            store_texts(store, texts, with_actors)
        finally:
            store.close()
        # One entity, named as the first document that names it does.
        assert rows(db, "SELECT COUNT(*), COUNT(DISTINCT entity_id) FROM attributions") == [(2, 1)]
        assert rows(db, "SELECT name FROM entities") == [(texts[0].split()[0],)]
        assert rows(db, "SELECT key FROM entity_names") == [("roscosmos",)]
    db = tmp_path / "shipped.db"
    store = Store(db)  # the shipped spellings, as before: two entities
    try:
        store_texts(store, [ROSCOSMOS, ROSKOSMOS], with_actors)
    finally:
        store.close()
    assert rows(db, "SELECT key FROM entity_names ORDER BY key") == [("roscosmos",), ("roskosmos",)]


LONE = "Petrov said on Tuesday that the sanctions would not change the position of the government.\n"
ELENA = "Foreign minister Elena Petrov said on Monday that the talks in Geneva would resume.\n"
DMITRI = "Defence minister Dmitri Petrov said the army would hold exercises near the border next week.\n"
LONE_SPEAKER = (
    "SELECT a.id, e.name FROM attributions a LEFT JOIN entities e ON e.id = a.entity_id "
    "WHERE a.content LIKE '%sanctions%'"
)


# Before: relinking deleted the document's attributions and stored them again, so "Petrov"'s
# statement went from id 1 to 3 when Elena Petrov came, and to 5 when Dmitri Petrov did.
def test_relinking_keeps_attribution_ids_and_fixed_speakers(tmp_path: Path, extractor: Extractor):
    db = tmp_path / "corpus.db"
    document_mentions = (
        "SELECT m.text, e.name FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.document_id = 1"
    )
    store = Store(db)
    try:
        store_texts(store, [LONE], extractor)
        assert rows(db, LONE_SPEAKER) == [(1, "Petrov")]
        store_texts(store, [ELENA], extractor)  # "Petrov" alone is now Elena Petrov
        assert rows(db, LONE_SPEAKER) == [(1, "Elena Petrov")]
        assert rows(db, document_mentions) == [("Petrov", "Elena Petrov")]
        set_speaker(store.connection, 1, "Marta Novak", new=True)
        store_texts(store, [DMITRI], extractor)  # now neither: the name alone
        assert rows(db, document_mentions) == [("Petrov", "Petrov")]
        assert rows(db, LONE_SPEAKER) == [(1, "Marta Novak")]  # the fix stays
        assert rows(db, "SELECT id FROM attributions ORDER BY id") == [(1,), (2,), (3,)]
    finally:
        store.close()
