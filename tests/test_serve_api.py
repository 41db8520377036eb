"""The JSON API of `reportedly serve` through Starlette's test client, on a store of three
short articles written for these tests: every endpoint with its filters and pages, every
error status, the read-only store and the token of ingest (the fuzz of every operation from
the OpenAPI document is test_serve_fuzz)."""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from reportedly.extract import Extractor
from reportedly.serve.app import create_app
from reportedly.serve.openapi import openapi_document
from reportedly.store.database import connect_read_only

from conftest import articles_store, store_copy

with warnings.catch_warnings():  # Starlette asks for httpx2; httpx is what the project pins
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ARTICLES = [
    {
        "id": "lavrov-ceasefire",
        "title": "Lavrov rejects ceasefire",
        "outlet": "Reuters",
        "published": "2024-12-16",
        "text": "Russian Foreign Minister Sergei Lavrov said on Monday that Moscow would not accept a "
        'ceasefire that ignored the situation on the ground.\n\n"We have heard nothing new from '
        'Washington," Lavrov told reporters in Ankara.\n',
    },
    {
        "id": "zelenskiy-grain",
        "title": "Zelenskiy on the grain deal",
        "outlet": "AP",
        "published": "2025-01-10",
        "text": "Ukrainian President Volodymyr Zelenskiy said on Friday that the grain deal must be "
        'restored before any cease-fire talks.\n\n"Our ports will stay open," Zelenskiy said in a '
        "video address. Russia accused Ukraine of attacking the port of Sevastopol.\n",
    },
    {
        "id": "script-article",
        "title": "<b>Petrov</b> in Vienna",
        "outlet": "Blog",
        "published": "2025-02-03",
        "text": "Austrian minister Anna Petrov said on Monday that <script>alert(1)</script> was not a "
        'policy.\n\n"We will talk to Moscow," Petrov told journalists in Vienna.\n',
    },
]
API = "/api/v1"
TOKEN = "s3cret-token-for-tests"
LIST_ENDPOINTS = ["documents", "quotes", "speakers", "entities", "events", "entities/1/timeline"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    folder = tmp_path_factory.mktemp("serve")
    return articles_store(folder, ARTICLES, extractor)


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as test_client:
        yield test_client


def get(client: TestClient, path: str, **params: Any) -> Any:
    """The JSON of a GET that must succeed, checked against the OpenAPI document."""
    response = client.get(f"{API}/{path}", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    check_documented(path, response.status_code, body)
    return body


def refused(client: TestClient, path: str, status: int, **params: Any) -> str:
    """The error message of a GET that must fail with ``status``."""
    response = client.get(f"{API}/{path}", params=params)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status
    check_documented(path, status, body)
    return body["error"]


def documented_schema(path: str, status: int, method: str = "get") -> dict[str, Any]:
    """The OpenAPI response schema of ``path`` (an id in it matched to its template)."""
    document = openapi_document()
    for template, item in document["paths"].items():
        parts, given_parts = template.split("/"), f"{API}/{path}".split("/")
        if len(parts) == len(given_parts) and all(
            part == given or part.startswith("{") for part, given in zip(parts, given_parts, strict=True)
        ):
            schema = item[method]["responses"][str(status)]["content"]["application/json"]["schema"]
            return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, **document}
    raise AssertionError(f"{path} is not in the OpenAPI document")


def check_documented(path: str, status: int, body: Any, method: str = "get") -> None:
    jsonschema.validate(body, documented_schema(path, status, method))


def all_rows(client: TestClient, path: str, limit: int, **params: Any) -> list[dict[str, Any]]:
    """Every row of a list endpoint, page by page, following ``next``."""
    rows, cursor = [], None
    while True:
        page = get(client, path, limit=limit, **params, **({"cursor": cursor} if cursor else {}))
        assert len(page["rows"]) <= limit
        rows += page["rows"]
        if (cursor := page["next"]) is None:
            return rows


def test_documents_list_and_one(client: TestClient):
    page = get(client, "documents")
    assert [(row["name"], row["outlet"], row["published"]) for row in page["rows"]] == [
        ("lavrov-ceasefire", "Reuters", "2024-12-16"),
        ("zelenskiy-grain", "AP", "2025-01-10"),
        ("script-article", "Blog", "2025-02-03"),
    ]
    assert [(row["attributions"], row["events"]) for row in page["rows"]] == [(2, 2), (3, 2), (2, 1)]
    assert "source" not in page["rows"][0]  # a path on the server
    assert page["next"] is None
    assert all_rows(client, "documents", 2) == page["rows"]

    first = get(client, f"documents/{page['rows'][0]['id']}")
    assert first["text"] == ARTICLES[0]["text"]
    assert first["title"] == "Lavrov rejects ceasefire"
    attributions = first["extraction"]["attributions"]
    assert [attribution["cue"]["text"] for attribution in attributions] == ["said", "told"]
    for attribution in attributions:  # the extraction's offsets are into the text served beside it
        for part in (attribution["cue"], attribution["source"], *attribution["content"]):
            assert first["text"][part["start"] : part["end"]] == part["text"]
    assert refused(client, "documents/9999", 404) == "no such document"


def test_an_article_holding_a_script_comes_back_as_json_text(client: TestClient):
    (row,) = [row for row in get(client, "documents")["rows"] if row["name"] == "script-article"]
    response = client.get(f"{API}/documents/{row['id']}")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.json()["text"].startswith("Austrian minister Anna Petrov said on Monday that <script>")
    assert response.json()["title"] == "<b>Petrov</b> in Vienna"


def test_quotes_rows_point_into_their_documents(client: TestClient):
    rows = get(client, "quotes")["rows"]
    assert [(row["speaker"], row["code"], row["cue"]) for row in rows] == [
        ("Anna Petrov", "AUTGOV", "said"),
        ("Anna Petrov", "AUTGOV", "told"),
        ("Volodymyr Zelenskiy", "UKRGOV", "said"),
        ("Volodymyr Zelenskiy", "UKRGOV", "said in a video address"),
        ("Russia", "RUSGOV", "accused"),
        ("Sergei Lavrov", "RUSGOV", "said"),
        ("Sergei Lavrov", "RUSGOV", "told"),
    ]
    texts = {row["document_id"]: get(client, f"documents/{row['document_id']}")["text"] for row in rows}
    for row in rows:
        text = texts[row["document_id"]]
        assert text[row["cue_start"] : row["cue_end"]] == row["cue"]
        assert text[row["source_start"] : row["source_end"]] == row["source"]
        for start, end in row["content_spans"]:
            assert text[start:end] in row["content"]
    lavrov_told = rows[-1]
    assert lavrov_told["content"] == '"We have heard nothing new from Washington,"'
    assert (lavrov_told["addressee"], lavrov_told["negated"], lavrov_told["kind"]) == (
        "reporters",
        False,
        "direct",
    )
    assert (lavrov_told["document"], lavrov_told["attribution"]) == ("lavrov-ceasefire", "a2")
    assert all_rows(client, "quotes", 3) == rows


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"speaker": "Lavrov"}, ["Sergei Lavrov", "Sergei Lavrov"]),
        ({"speaker": "Volodymyr Zelenskiy", "kind": "direct"}, ["Volodymyr Zelenskiy"]),
        ({"about": "grain deal"}, ["Volodymyr Zelenskiy"]),
        ({"about": "%"}, []),  # the characters themselves, not LIKE's wildcards
        ({"about": "gr_in"}, []),
        ({"search": "ceasefire"}, ["Volodymyr Zelenskiy", "Sergei Lavrov"]),  # cease-fire too
        ({"fts": "talk*"}, ["Anna Petrov", "Volodymyr Zelenskiy"]),
        ({"since": "2025-01", "until": "2025-01-31"}, ["Volodymyr Zelenskiy"] * 2 + ["Russia"]),
        ({"until": "2024"}, ["Sergei Lavrov", "Sergei Lavrov"]),
        ({"outlet": "reuters"}, ["Sergei Lavrov", "Sergei Lavrov"]),
        ({"kind": "direct", "since": "2025"}, ["Anna Petrov", "Volodymyr Zelenskiy"]),
    ],
)
def test_quotes_filters(client: TestClient, params: dict[str, str], expected: list[str]):
    assert [row["speaker"] for row in get(client, "quotes", **params)["rows"]] == expected


def test_a_speaker_given_by_id_finds_its_entity_only(store: Path, tmp_path: Path):
    """``speaker=ID`` is that entity: not an unresolved speaker whose words hold the digits,
    and an id no entity has is a 400, however many sources hold it."""
    copy = store_copy(store, tmp_path)
    with closing(sqlite3.connect(copy)) as connection, connection:
        lavrov = connection.execute("SELECT id FROM entities WHERE name = 'Sergei Lavrov'").fetchone()[0]
        # Zelenskiy's statements, as if no entity had been found for their speaker.
        connection.execute(
            "UPDATE attributions SET entity_id = NULL, speaker = NULL, source = ? WHERE entity_id = "
            "(SELECT id FROM entities WHERE name = 'Volodymyr Zelenskiy')",
            [f"a spokesman of the {lavrov}th brigade and of 999"],
        )
    with TestClient(create_app(copy)) as digits:
        assert [row["speaker"] for row in get(digits, "quotes", speaker=str(lavrov))["rows"]] == [
            "Sergei Lavrov",
            "Sergei Lavrov",
        ]
        assert "brigade" in get(digits, "quotes", speaker="brigade")["rows"][0]["speaker"]
        assert refused(digits, "quotes", 400, speaker="999").startswith("speaker: no entity")


def test_speakers_overall_by_outlet_and_by_month(client: TestClient):
    rows = get(client, "speakers")["rows"]
    assert [(row["speaker"], row["quotes"], row["documents"]) for row in rows] == [
        ("Anna Petrov", 2, 1),
        ("Sergei Lavrov", 2, 1),
        ("Volodymyr Zelenskiy", 2, 1),
        ("Russia", 1, 1),
    ]
    entities = {row["name"]: row["id"] for row in get(client, "entities")["rows"]}
    assert [row["entity_id"] for row in rows] == [entities[row["speaker"]] for row in rows]
    by_outlet = get(client, "speakers", by="outlet")["rows"]
    assert [(row["outlet"], row["speaker"]) for row in by_outlet] == [
        ("AP", "Volodymyr Zelenskiy"),
        ("AP", "Russia"),
        ("Blog", "Anna Petrov"),
        ("Reuters", "Sergei Lavrov"),
    ]
    by_month = get(client, "speakers", by="month", since="2025")["rows"]
    assert [(row["month"], row["speaker"]) for row in by_month] == [
        ("2025-01", "Volodymyr Zelenskiy"),
        ("2025-01", "Russia"),
        ("2025-02", "Anna Petrov"),
    ]
    assert all_rows(client, "speakers", 1) == rows


def test_entities_one_and_timeline(client: TestClient):
    rows = all_rows(client, "entities", 5)
    lavrov = next(row for row in rows if row["name"] == "Sergei Lavrov")
    assert (lavrov["type"], lavrov["code"], lavrov["quotes"]) == ("PERSON", "RUSGOV", 2)
    assert len(rows) == len(get(client, "entities", limit=1000)["rows"])

    one = get(client, f"entities/{lavrov['id']}")
    assert one["names"] == ["Lavrov", "Sergei Lavrov"]
    assert (one["country"], one["sector"], one["documents"], one["events"]) == ("RUS", "GOV", 1, 1)

    timeline = get(client, f"entities/{lavrov['id']}/timeline")["rows"]
    assert [(row["what"], row["type"], row["word"]) for row in timeline] == [
        ("statement", "indirect", "said"),
        ("statement", "direct", "told"),
        ("event", "CONSULT", "heard"),
    ]
    assert {row["date"] for row in timeline} == {"2024-12-16"}
    assert [
        row["text"] for row in get(client, f"entities/{lavrov['id']}/timeline", about="Washington")["rows"]
    ] == [
        '"We have heard nothing new from Washington,"',
        '"We have heard nothing new from Washington," Lavrov told reporters in Ankara.',
    ]
    assert all_rows(client, f"entities/{lavrov['id']}/timeline", 2) == timeline
    assert refused(client, "entities/9999", 404) == "no such entity"
    assert refused(client, "entities/9999/timeline", 404) == "no such entity"
    assert refused(client, "entities/99999999999999999999999", 404) == "no such row"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["AGREE", "REQUEST", "ACCUSE", "REJECT", "CONSULT"]),
        ({"type": "agree"}, ["AGREE"]),
        ({"actor": "RUS"}, ["ACCUSE", "REJECT", "CONSULT"]),
        ({"recipient": "UKR"}, ["REQUEST", "ACCUSE"]),
        ({"actor": "aut", "recipient": "RUSGOV"}, ["AGREE"]),
        ({"since": "2025-01-10", "until": "2025-01"}, ["REQUEST", "ACCUSE"]),
    ],
)
def test_events_filters(client: TestClient, params: dict[str, str], expected: list[str]):
    assert [row["event_type"] for row in get(client, "events", **params)["rows"]] == expected


def test_events_rows_and_pages(client: TestClient):
    rows = get(client, "events")["rows"]
    accuse = rows[2]
    assert (accuse["actor"], accuse["actor_name"], accuse["recipient"], accuse["recipient_name"]) == (
        "RUSGOV",
        "Russia",
        "UKR",
        "Ukraine",
    )
    assert accuse["sentence"] == "Russia accused Ukraine of attacking the port of Sevastopol."
    # "said ... Moscow would not accept": a refusal (REJECT), said, not supposed
    assert (rows[3]["event_type"], rows[3]["negated"], rows[3]["hypothetical"]) == ("REJECT", False, False)
    assert all_rows(client, "events", 2) == rows


def test_pages_of_one_row_give_every_row_once_undated_rows_last(store: Path, tmp_path: Path):
    """Pages start after the sort key of the row before them: rows of one date, undated rows
    (last, newest first; first in a timeline) and a statement beside an event of the same
    document and date are each given once, in the order of the whole list."""
    copy = store_copy(store, tmp_path)
    with closing(sqlite3.connect(copy)) as connection, connection:
        connection.execute("UPDATE attributions SET date = NULL WHERE local_id = 'a1'")
        connection.execute("UPDATE events SET date = NULL WHERE local_id = 'v1'")
    with TestClient(create_app(copy)) as undated:
        quotes = get(undated, "quotes", limit=1000)["rows"]
        assert [row["date"] for row in quotes[-3:]] == [None, None, None]
        assert [row["date"] for row in quotes[:4]] == ["2025-02-03", "2025-01-10", "2025-01-10", "2024-12-16"]
        assert all_rows(undated, "quotes", 1) == quotes
        events = get(undated, "events", limit=1000)["rows"]
        assert events[-1]["date"] is None
        assert all_rows(undated, "events", 1) == events
        lavrov = next(row["id"] for row in get(undated, "entities")["rows"] if row["name"] == "Sergei Lavrov")
        timeline = get(undated, f"entities/{lavrov}/timeline")["rows"]
        assert [(row["date"], row["what"], row["word"]) for row in timeline] == [
            (None, "statement", "said"),
            ("2024-12-16", "statement", "told"),
            ("2024-12-16", "event", "heard"),
        ]
        assert all_rows(undated, f"entities/{lavrov}/timeline", 1) == timeline
        # A date range leaves the undated rows out.
        assert None not in [row["date"] for row in get(undated, "quotes", until="2025")["rows"]]


def _cursor_of(key: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("quotes", [1]),  # a cursor of documents
        ("events", ["2025-01-10", 1]),
        ("entities/1/timeline", ["2024-12-16", 1, 1]),  # one of events
        ("documents", [-1]),
        ("documents", [2**63]),  # beyond SQLite's integers
        ("entities", [True]),
        ("quotes", ["\ud800", 1, 1]),  # a lone surrogate SQLite cannot take
        ("speakers", {"offset": 1}),
    ],
)
def test_a_cursor_the_endpoint_did_not_give_is_400(client: TestClient, path: str, key: object):
    cursor = _cursor_of(key)
    assert refused(client, path, 400, cursor=cursor) == f"cursor: {cursor!r} is not a cursor this API gave"


@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        ("quotes", {"since": "2024-13"}, "since: '2024-13' is not a date, month or year"),
        ("speakers", {"until": "yesterday"}, "until: 'yesterday' is not a date, month or year"),
        ("events", {"since": "2024-02-30"}, "since: '2024-02-30' is not a date"),
        ("quotes", {"fts": '"grain'}, "FTS5 syntax error in '\"grain': unterminated string"),
        ("quotes", {"fts": "AND"}, "FTS5 syntax error in 'AND': syntax error near \"AND\""),
        ("quotes", {"search": "***"}, "no words to search for in '***'"),
        (
            "quotes",
            {"speaker": "Lavrv"},
            "speaker: no entity or speaker named 'Lavrv'; near matches: Sergei Lavrov",
        ),
        ("quotes", {"kind": "rumour"}, "kind: 'rumour' is not one of direct"),
        ("speakers", {"by": "year"}, "by: 'year' is not one of outlet, month"),
        (
            "events",
            {"type": "FIGHT"},
            "type: 'FIGHT' is not a PLOVER event type; the types are AGREE, CONSULT",
        ),
        ("documents", {"limit": "0"}, "limit: '0' is not a whole number from 1 to 1000"),
        ("entities", {"limit": "ten"}, "limit: 'ten' is not a whole number"),
        ("quotes", {"cursor": "not-a-cursor"}, "cursor: 'not-a-cursor' is not a cursor this API gave"),
    ],
)
def test_bad_parameters_are_400_with_the_reason(client: TestClient, path: str, params: dict, message: str):
    assert refused(client, path, 400, **params).startswith(message)


def test_unknown_paths_and_methods_are_json_errors(client: TestClient):
    response = client.get(f"{API}/nothing-here")
    assert (response.status_code, response.json()) == (404, {"error": "Not Found", "status": 404})
    response = client.delete(f"{API}/quotes")
    assert (response.status_code, response.json()["status"]) == (405, 405)
    assert client.get("/static/../../etc/passwd").status_code == 404


def test_the_store_is_read_only(client: TestClient, store: Path):
    before = hashlib.sha256(store.read_bytes()).hexdigest()
    for path in LIST_ENDPOINTS:
        get(client, path)
    connection = connect_read_only(store)
    try:
        with pytest.raises(sqlite3.OperationalError, match=r"attempt to write a readonly database"):
            connection.execute("UPDATE entities SET name = 'Someone else'")
        # Without query_only, SQLite's read-only file mode refuses as well.
        connection.execute("PRAGMA query_only = OFF")
        with pytest.raises(sqlite3.OperationalError, match=r"attempt to write a readonly database"):
            connection.execute("INSERT INTO merges (name, into_name) VALUES ('a', 'b')")
    finally:
        connection.close()
    response = client.post(f"{API}/ingest", json={"text": "Lavrov said it."})
    assert (response.status_code, response.json()["error"]) == (
        403,
        "ingest is off on this server (start it with --allow-ingest)",
    )
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before
    assert get(client, "documents")["rows"][-1]["name"] == "script-article"


def test_a_missing_store_is_503_not_a_traceback(tmp_path: Path):
    with TestClient(create_app(tmp_path / "none.db")) as test_client:
        response = test_client.get(f"{API}/quotes")
    assert (response.status_code, response.json()["error"]) == (503, "the store cannot be read")


def test_extract_is_refused_unless_allowed_and_stores_nothing(store: Path, extractor: Extractor):
    with TestClient(create_app(store)) as refusing:
        response = refusing.post(f"{API}/extract", json={"text": "Lavrov said it."})
    assert (response.status_code, response.json()["error"]) == (
        403,
        "extraction is off on this server (start it with --allow-extract)",
    )
    text = 'Foreign Minister Sergei Lavrov said on Monday that talks were "a waste of time."'
    before = hashlib.sha256(store.read_bytes()).hexdigest()
    with TestClient(create_app(store, allow_extract=True, load_extractor=lambda: extractor)) as extracting:
        response = extracting.post(f"{API}/extract", json={"text": text, "published": "2024-12-16"})
        assert response.status_code == 200, response.text
        check_documented("extract", 200, response.json(), "post")
        (extraction,) = response.json()["extractions"]
        (attribution,) = extraction["attributions"]
        assert (attribution["cue"]["text"], attribution["speaker"]["name"]) == ("said", "Sergei Lavrov")
        assert text[attribution["cue"]["start"] : attribution["cue"]["end"]] == "said"
        for body, message in [
            (b"{not json", "malformed JSON"),
            (b"[1, 2]", "a record must be a JSON object with a 'text' field"),
            (b'{"title": "no text"}', "no 'text' field with text in it"),
            (b'{"text": "x", "published": "Monday"}', "'published' is not an ISO date: 'Monday'"),
        ]:
            response = extracting.post(f"{API}/extract", content=body)
            assert response.status_code == 422, response.text
            assert response.json()["error"].startswith(message)
            check_documented("extract", 422, response.json(), "post")
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before


def test_a_body_over_the_limit_is_413(store: Path):
    with TestClient(create_app(store, allow_extract=True, max_body=1000)) as small:
        response = small.post(f"{API}/extract", json={"text": "Lavrov said it. " * 100})
        assert (response.status_code, response.json()["error"]) == (413, "the body is over 1000 bytes")

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            yield b'{"text": "'
            yield b"x" * 2000
            yield b'"}'

        response = small.post(f"{API}/extract", content=chunks())
        assert response.status_code == 413


def test_ingest_takes_the_right_token_only(store: Path, tmp_path: Path, extractor: Extractor):
    copy = store_copy(store, tmp_path)
    app = create_app(copy, allow_ingest=True, token=TOKEN, load_extractor=lambda: extractor)
    article = {
        "id": "petrov-vienna",
        "outlet": "Wire",
        "published": "2025-03-04",
        "text": 'Austrian minister Anna Petrov said on Tuesday that "the door stays open" to talks.\n',
    }
    with TestClient(app) as ingesting:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
            response = ingesting.post(f"{API}/ingest", json=article, headers=headers)
            assert (response.status_code, response.json()["error"]) == (401, "a valid bearer token is needed")
            assert response.headers["www-authenticate"] == "Bearer"
        assert get(ingesting, "documents")["rows"][-1]["name"] == "script-article"
        speakers = {row["speaker"]: row["quotes"] for row in get(ingesting, "speakers")["rows"]}
        assert speakers["Anna Petrov"] == 2
        response = ingesting.post(f"{API}/ingest", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 201, response.text
        # The counts are kept between requests, and counted again once the store changes.
        speakers = {row["speaker"]: row["quotes"] for row in get(ingesting, "speakers")["rows"]}
        assert speakers["Anna Petrov"] == 3
        assert response.json()["stored"] == 1
        check_documented("ingest", 201, response.json(), "post")
        assert get(ingesting, "documents")["rows"][-1]["name"] == "petrov-vienna"
        assert [row["content"] for row in get(ingesting, "quotes", since="2025-03")["rows"]] == [
            'that "the door stays open" to talks'
        ]
        again = ingesting.post(f"{API}/ingest", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
        assert (again.status_code, again.json()["skipped"]) == (200, 1)


def test_openapi_lists_every_route_and_the_docs_page_renders_it(client: TestClient):
    document = client.get("/openapi.json").json()
    assert sorted(document["paths"]) == sorted(
        f"{API}/{path}"
        for path in [
            "documents",
            "documents/{document_id}",
            "quotes",
            "speakers",
            "entities",
            "entities/{entity_id}",
            "entities/{entity_id}/timeline",
            "events",
            "issues",
            "positions",
            "extract",
            "ingest",
        ]
    )
    quotes = document["paths"][f"{API}/quotes"]["get"]
    assert [parameter["name"] for parameter in quotes["parameters"]] == [
        "speaker",
        "about",
        "search",
        "fts",
        "since",
        "until",
        "outlet",
        "kind",
        "limit",
        "cursor",
    ]
    page = client.get("/api")
    assert page.headers["content-type"].startswith("text/html")
    assert "<h2><code>GET /api/v1/entities/{entity_id}/timeline</code></h2>" in page.text
    assert "<code>cursor</code>" in page.text
    assert "http" not in page.text.replace('href="/openapi.json"', "")  # no CDN, no other site


def test_serve_command_errors_are_one_line(cli, tmp_path: Path, store: Path):
    missing = cli("serve", "--db", tmp_path / "none.db")
    assert (missing.exit_code, missing.stderr) == (
        1,
        f"reportedly: error: {tmp_path / 'none.db'}: no such store (ingest something first, or pass --db)\n",
    )
    no_token = cli("serve", "--db", store, "--allow-ingest")
    assert (no_token.exit_code, no_token.stderr) == (
        2,
        "reportedly: error: --allow-ingest needs --token-file (the bearer token ingest takes)\n",
    )
    unreadable = cli("serve", "--db", store, "--allow-ingest", "--token-file", tmp_path / "absent")
    assert unreadable.exit_code == 2
    assert unreadable.stderr == (
        f"reportedly: error: Invalid value for --token-file: {tmp_path / 'absent'}: "
        "cannot read (No such file or directory)\n"
    )
    (tmp_path / "empty").write_text("\n")
    empty = cli("serve", "--db", store, "--allow-ingest", "--token-file", tmp_path / "empty")
    assert (empty.exit_code, empty.stderr) == (
        2,
        f"reportedly: error: Invalid value for --token-file: {tmp_path / 'empty'}: "
        "no token in it (one line of text)\n",
    )


def test_serve_command_runs_uvicorn_with_safe_defaults(cli, tmp_path: Path, store: Path, monkeypatch):
    import uvicorn

    runs: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: runs.append((app, options)))
    (tmp_path / "token").write_text(f"{TOKEN}\n")
    assert cli("serve", "--db", store).exit_code == 0
    assert cli("serve", "--db", store, "--host", "0.0.0.0", "--port", "8123").exit_code == 0
    ingest_args = ("--allow-ingest", "--token-file", tmp_path / "token", "--max-body", "10")
    assert cli("serve", "--db", store, *ingest_args).exit_code == 0
    (local, local_options), (public, public_options), (ingesting, _) = runs
    assert (local_options["host"], local_options["port"]) == ("127.0.0.1", 8000)
    assert (public_options["host"], public_options["port"]) == ("0.0.0.0", 8123)
    with TestClient(local) as client:  # extraction offered on 127.0.0.1: refused for a bad body, not off
        assert client.post(f"{API}/extract", content=b"[]").status_code == 422
    with TestClient(public) as client:
        assert client.post(f"{API}/extract", content=b"[]").status_code == 403
    with TestClient(ingesting) as client:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        assert client.post(f"{API}/ingest", content=b"{}" * 10, headers=headers).status_code == 413
        assert client.post(f"{API}/ingest", content=b"[]", headers=headers).status_code == 422
