"""The HTML pages of `reportedly serve` through Starlette's test client, on the API tests'
three short articles and one with a nested attribution: each page's status and content, the
marked spans of an article against its extraction from the API, escaping, the search and
event filters, try-it, the HTML errors of pages beside the API's JSON ones, and the marking
of crossing spans."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import closing
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from reportedly.extract import Extractor
from reportedly.serve.app import create_app
from reportedly.serve.marking import Span, marked_text

from conftest import articles_store, store_copy
from test_serve_api import ARTICLES as API_ARTICLES

with warnings.catch_warnings():  # Starlette asks for httpx2; httpx is what the project pins
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# A reported statement inside another's content ("Reuters reported that the Kremlin
# insisted ..."), and a url that must not become a link.
NESTED_ARTICLE = {
    "id": "kremlin-dialogue",
    "title": "Kremlin open to dialogue",
    "outlet": "Wire",
    "published": "2025-01-20",
    "url": "javascript:alert(1)",
    "text": "Reuters reported that the Kremlin insisted it was open to dialogue, but officials in Kyiv "
    "dismissed the claim.\n\nForeign Minister Sergei Lavrov told reporters in Moscow that the West "
    "had ignored Russia's proposals.\n",
}
ARTICLES = [*API_ARTICLES, NESTED_ARTICLE]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    return articles_store(folder, ARTICLES, extractor)


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as test_client:
        yield test_client


def page(client: TestClient, path: str, status: int = 200, **params: Any) -> str:
    """The HTML of a GET answering ``status``, with the headers every page carries."""
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    return response.text


def document_id(client: TestClient, name: str) -> int:
    rows = client.get("/api/v1/documents").json()["rows"]
    return next(row["id"] for row in rows if row["name"] == name)


def entity_id(client: TestClient, name: str) -> int:
    rows = client.get("/api/v1/entities", params={"limit": 1000}).json()["rows"]
    return next(row["id"] for row in rows if row["name"] == name)


class Marks(HTMLParser):
    """The marks of a page: each attribution part's text (its elements' texts joined in
    document order, by (attribution id, part, content index)), the attributes of each
    element, and a check that every element closes in the order it opened."""

    VOID = frozenset({"meta", "link", "input", "br", "img", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[tuple[str, str, int], str] = {}
        self.elements: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        attributes = dict(attrs)
        self.open.append((tag, attributes))
        if tag == "mark" and "data-attribution" in attributes:
            self.elements.append(attributes)
            self.texts.setdefault(self._key(attributes), "")

    def handle_endtag(self, tag: str) -> None:
        opened, _ = self.open.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"

    def handle_data(self, data: str) -> None:
        for tag, attributes in self.open:
            if tag == "mark" and "data-attribution" in attributes:
                self.texts[self._key(attributes)] += data

    @staticmethod
    def _key(attributes: dict[str, str | None]) -> tuple[str, str, int]:
        return (
            str(attributes["data-attribution"]),
            str(attributes["data-part"]),
            int(attributes.get("data-index") or 0),
        )


def marks_of(html: str) -> Marks:
    parser = Marks()
    parser.feed(html)
    parser.close()
    assert parser.open == [], "elements left open"
    return parser


def extraction_texts(extraction: dict[str, Any]) -> dict[tuple[str, str, int], str]:
    """What the marks of an extraction must hold: each part's text, as the API gives it."""
    texts = {}
    for attribution in extraction["attributions"]:
        for part in ("cue", "source"):
            if attribution[part]:
                texts[(attribution["id"], part, 0)] = attribution[part]["text"]
        for index, content in enumerate(attribution["content"]):
            texts[(attribution["id"], "content", index)] = content["text"]
    return texts


def test_marked_text_splits_a_crossing_span_and_nests_the_rest():
    text = "abc<efghij"
    spans = [
        Span(0, 6, "a1", "content", focusable=True),
        Span(3, 9, "a2", "source", classes="speaker-1", label='a2: "X"'),
        Span(4, 5, "a2", "cue", focusable=True),
        Span(8, 20, "a3", "cue"),  # beyond the text: left out
        Span(2, 2, "a3", "source"),  # empty: left out
    ]
    html = marked_text(text, spans, anchor_prefix="d0-")
    describe = 'aria-describedby="d0-attribution-{}"'
    assert str(html) == (
        f'<mark class="content" data-attribution="a1" data-part="content" data-index="0" '
        f'{describe.format("a1")} tabindex="0">abc'
        f'<mark class="source speaker-1" data-attribution="a2" data-part="source" title="a2: &#34;X&#34;" '
        f"{describe.format('a2')}>&lt;"
        f'<mark class="cue" data-attribution="a2" data-part="cue" {describe.format("a2")} tabindex="0">'
        "e</mark>"
        f"f</mark></mark>"
        f'<mark class="source speaker-1" data-attribution="a2" data-part="source" title="a2: &#34;X&#34;" '
        f"{describe.format('a2')}>ghi</mark>j"
    )
    marks = marks_of(str(html))
    assert marks.texts == {
        ("a1", "content", 0): "abc<ef",
        ("a2", "source", 0): "<efghi",
        ("a2", "cue", 0): "e",
    }


def test_home_page_counts_speakers_and_latest_statements(client: TestClient):
    html = page(client, "/")
    assert re.search(r"<strong>4</strong> <a href=\"/documents\">articles</a>", html)
    lavrov_id = entity_id(client, "Sergei Lavrov")
    assert f'<a class="speaker-link" href="/entities/{lavrov_id}">Sergei Lavrov</a>' in html
    # The latest statement first, as the API's quotes lists them.
    latest = client.get("/api/v1/quotes", params={"limit": 1}).json()["rows"][0]
    assert latest["speaker"] == "Anna Petrov"
    assert html.index("Anna Petrov", html.index("Latest statements")) > 0
    assert 'action="/search"' in html
    assert '<script src="/static/site.js" defer></script>' in html
    assert "<script>" not in html  # no inline script: the CSP allows none
    assert "http" not in html  # nothing from another site


def test_home_page_links_each_speaker_to_its_own_entity_when_two_share_a_name(store: Path, tmp_path: Path):
    """A speakers row carries its entity's id: two entities of one name each link to their
    page (found by name, neither was linked)."""
    copy = store_copy(store, tmp_path)
    with closing(sqlite3.connect(copy)) as connection, connection:
        connection.execute("UPDATE entities SET name = 'Sergei Lavrov' WHERE name = 'Anna Petrov'")
        ids = [row[0] for row in connection.execute("SELECT id FROM entities WHERE name = 'Sergei Lavrov'")]
    assert len(ids) == 2
    with TestClient(create_app(copy)) as same_names:
        html = page(same_names, "/")
    linked = re.findall(r'<a class="speaker-link" href="/entities/(\d+)">Sergei Lavrov</a>', html)
    assert sorted(map(int, linked)) == sorted(ids)


def test_every_speaker_link_of_a_quotes_table_finds_its_statements(client: TestClient):
    """An unresolved speaker ("(officials in Kyiv)") links to a search of its source's words,
    which the speaker filter matches (its bracketed form was a 400)."""
    links = set(re.findall(r'<td><a href="(/search\?speaker=[^"]+)">', page(client, "/search", about="the")))
    links |= set(re.findall(r'<td><a href="(/search\?speaker=[^"]+)">', page(client, "/")))
    assert "/search?speaker=officials%20in%20Kyiv" in links
    for link in links:
        assert client.get(link.replace("&amp;", "&")).status_code == 200, link
    kyiv = page(client, "/search", speaker="officials in Kyiv")
    assert "(officials in Kyiv)</a></td>" in kyiv and "dismissed" in kyiv


def test_article_page_marks_every_attribution_part_as_the_api_gives_it(client: TestClient):
    for article in ARTICLES:
        number = document_id(client, article["id"])
        extraction = client.get(f"/api/v1/documents/{number}").json()["extraction"]
        marks = marks_of(page(client, f"/documents/{number}"))
        assert marks.texts == extraction_texts(extraction), article["id"]
        for attribution in extraction["attributions"]:
            focusable = [
                element
                for element in marks.elements
                if element["data-attribution"] == attribution["id"] and "tabindex" in element
            ]
            assert len(focusable) == 1  # one tab stop per attribution, its cue's first element


def test_article_page_nests_the_reported_statement_and_describes_each(client: TestClient):
    html = page(client, f"/documents/{document_id(client, 'kremlin-dialogue')}")
    # The Kremlin's attribution (a2) inside Reuters' content (a1): its source nested in it.
    assert re.search(
        r'<mark class="content speaker-0" data-attribution="a1"[^>]*>that '
        r'<mark class="source speaker-1" data-attribution="a2"',
        html,
    )
    details = html[html.index('id="attribution-a2"') : html.index('id="attribution-a3"')]
    assert '<dt>inside</dt><dd><a href="#attribution-a1">a1</a> (Reuters)</dd>' in details
    lavrov = html[html.index('id="attribution-a4"') :]
    assert re.search(r'<a class="speaker-link" href="/entities/\d+">Sergei Lavrov</a>', lavrov)
    assert "<dt>code</dt><dd>RUSGOV</dd>" in lavrov
    assert "<dt>addressee</dt><dd>reporters</dd>" in lavrov
    unresolved = html[html.index('id="attribution-a3"') : html.index('id="attribution-a4"')]
    assert "(officials in Kyiv)" in unresolved
    assert 'class="attribution speaker-none"' in unresolved
    # A url that is not a web address is not a link.
    assert "javascript:" not in html
    assert "<h2>Events</h2>" in html
    assert "<h2>Times</h2>" in html


def test_article_text_and_title_are_escaped(client: TestClient):
    html = page(client, f"/documents/{document_id(client, 'script-article')}")
    assert "<title>&lt;b&gt;Petrov&lt;/b&gt; in Vienna · reportedly</title>" in html
    assert "script&gt;alert(1)&lt;/script&gt; <mark" in html  # the text between two content parts
    assert "<script>alert" not in html
    assert "<b>Petrov" not in html


def test_article_page_lists_events_and_times(client: TestClient):
    html = page(client, f"/documents/{document_id(client, 'zelenskiy-grain')}")
    events = html[html.index("<h2>Events</h2>") : html.index("<h2>Times</h2>")]
    assert "<strong>ACCUSE</strong> “accused” on 2025-01-10:" in events
    assert "Russia [RUSGOV]" in events
    assert "→ Ukraine [UKR]" in events
    assert "<li>“Friday”: 2025-01-10 (day)</li>" in html


def test_entity_page_has_names_statements_charts_and_whom_it_addresses(client: TestClient):
    html = page(client, f"/entities/{entity_id(client, 'Sergei Lavrov')}")
    assert "<h1>Sergei Lavrov</h1>" in html
    assert "<dt>names</dt><dd>Lavrov, Sergei Lavrov</dd>" in html
    assert "RUSGOV (country RUS, sector GOV)" in html
    assert "foreign minister (2 articles)" in html
    # Statements in date order: the ceasefire article (2024-12-16) before the dialogue one.
    statements = html[html.index("Statements, in date order") :]
    dates = re.findall(r"<td>(\d{4}-\d\d-\d\d)</td>", statements)
    assert dates == sorted(dates) == ["2024-12-16", "2024-12-16", "2025-01-20"]
    assert re.search(r'<a href="/documents/\d+#attribution-a2">Lavrov rejects ceasefire</a>', statements)
    charts = html[html.index('id="chart-months"') : html.index("Whom it addresses")]
    assert charts.count('<svg role="img" aria-label=') == 2
    assert "<td>2024-12</td><td>2025-01</td>" in charts
    assert "<tr><td>CONSULT</td><td>actor</td><td>1</td></tr>" in charts
    assert "<li>reporters (2)</li>" in html
    assert re.search(r'<a href="/entities/\d+">Washington</a> \[USA\] \(1\)', html)


def test_entity_page_counts_events_it_is_the_recipient_of(client: TestClient):
    html = page(client, f"/entities/{entity_id(client, 'Ukraine')}")
    assert "<tr><td>ACCUSE</td><td>recipient</td><td>1</td></tr>" in html
    assert "<p>No statement.</p>" in html


@pytest.mark.parametrize(
    ("params", "speakers", "hits"),
    [
        ({"q": "ceasefire"}, ["Volodymyr Zelenskiy", "Sergei Lavrov"], ["cease-fire", "ceasefire"]),
        ({"q": "talk", "kind": "indirect"}, [], []),
        ({"speaker": "Lavrov", "since": "2025"}, ["Sergei Lavrov"], []),
        ({"about": "grain deal"}, ["Volodymyr Zelenskiy"], ["grain deal"]),
        ({"fts": "talk*"}, ["Anna Petrov", "Volodymyr Zelenskiy"], []),
        ({"outlet": "reuters", "until": "2024"}, ["Sergei Lavrov", "Sergei Lavrov"], []),
    ],
)
def test_search_page_lists_the_apis_quotes_with_hits_marked(
    client: TestClient, params: dict[str, str], speakers: list[str], hits: list[str]
):
    html = page(client, "/search", **params)
    api_rows = client.get(
        "/api/v1/quotes", params={"search" if k == "q" else k: v for k, v in params.items()}
    )
    assert [row["speaker"] for row in api_rows.json()["rows"]] == speakers
    assert re.findall(r'<td><a href="/search\?speaker=[^"]+">([^<]+)</a></td>', html) == speakers
    assert re.findall(r'<mark class="hit">([^<]+)</mark>', html) == hits
    for name, value in params.items():  # the form keeps what was asked
        assert f'name="{name}" value="{value}"' in html or f"<option selected>{value}</option>" in html
    if not speakers:
        assert "<h2>No statement found</h2>" in html


def test_search_page_without_words_shows_the_form_and_bad_filters_say_why(client: TestClient):
    html = page(client, "/search")
    assert '<form class="filters" action="/search" method="get">' in html
    assert "statement" not in html[html.index("</form>", html.index('class="filters"')) :]
    for params, message in [
        ({"since": "2024-13"}, "since: &#39;2024-13&#39; is not a date, month or year"),
        ({"fts": '"grain'}, "FTS5 syntax error in &#39;&#34;grain&#39;: unterminated string"),
        (
            {"speaker": "Lavrv"},
            "speaker: no entity or speaker named &#39;Lavrv&#39;; near matches: Sergei Lavrov",
        ),
        ({"kind": "rumour"}, "kind: &#39;rumour&#39; is not one of direct"),
        ({"q": "x", "limit": "0"}, "limit: &#39;0&#39; is not a whole number from 1 to 1000"),
    ]:
        html = page(client, "/search", 400, **params)
        assert f'<p class="error" role="alert">{message}' in html


def test_search_form_values_are_escaped_and_pages_follow(client: TestClient):
    html = page(client, "/search", q='"><script>alert(1)</script>')
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert "<script>alert" not in html
    first = page(client, "/search", q="Moscow", limit="1")
    assert '<a rel="next" href="/search?q=Moscow&amp;limit=1&amp;cursor=' in first


def test_events_page_has_its_chart_filters_and_rows(client: TestClient):
    html = page(client, "/events")
    chart = html[html.index('id="chart-event-types"') : html.index("</figure>")]
    assert '<svg role="img" aria-label="Events per month by type"' in chart
    rows = re.findall(r"<tr>\s*<td>([\d-]+)</td><td>([A-Z]+)</td>", html)
    api_rows = client.get("/api/v1/events").json()["rows"]
    assert rows == [(row["date"], row["event_type"]) for row in api_rows]
    # Each event's article is a link to its page, as a statement's is.
    articles = re.findall(r'<td><a href="/documents/(\d+)">([^<]+)</a></td>\s*</tr>', html)
    assert articles == [(str(row["document_id"]), row["document"]) for row in api_rows]
    filtered = page(client, "/events", actor="RUS", type="accuse")
    assert re.findall(r"<td>([A-Z]+)</td>\s*<td>Russia \[RUSGOV\]</td>", filtered) == ["ACCUSE"]
    assert "<option selected>ACCUSE</option>" in filtered
    bad = page(client, "/events", 400, type="FIGHT")
    assert "type: &#39;FIGHT&#39; is not a PLOVER event type" in bad
    assert "since: &#39;2024-02-30&#39; is not a date" in page(client, "/events", 400, since="2024-02-30")


def test_documents_page_lists_and_pages(client: TestClient):
    html = page(client, "/documents")
    assert re.findall(r'<a href="/documents/\d+">([^<]+)</a>', html) == [
        "Lavrov rejects ceasefire",
        "Zelenskiy on the grain deal",
        "&lt;b&gt;Petrov&lt;/b&gt; in Vienna",
        "Kremlin open to dialogue",
    ]
    first = page(client, "/documents", limit="3")
    assert '<a rel="next" href="/documents?limit=3&amp;cursor=' in first


def test_try_page_marks_a_posted_text_only_when_extraction_is_offered(store: Path, extractor: Extractor):
    text = 'Foreign Minister Sergei Lavrov said on Monday that talks were "a <waste> of time."'
    with TestClient(create_app(store)) as refusing:
        html = page(refusing, "/try", 403)
        assert "Extraction is off on this server" in html
        assert refusing.post("/try", data={"text": text}).status_code == 403
        assert 'href="/try"' not in html  # not offered in the menu either
    before = hashlib.sha256(store.read_bytes()).hexdigest()
    with TestClient(create_app(store, allow_extract=True, load_extractor=lambda: extractor)) as extracting:
        form = page(extracting, "/try")
        assert '<form class="try" action="/try" method="post">' in form
        response = extracting.post("/try", data={"text": text, "published": "2024-12-16"})
        assert response.status_code == 200, response.text
        marks = marks_of(response.text)
        assert marks.texts == {
            ("a1", "cue", 0): "said",
            ("a1", "source", 0): "Foreign Minister Sergei Lavrov",
            ("a1", "content", 0): 'that talks were "a <waste> of time',
        }
        assert 'aria-describedby="d0-attribution-a1"' in response.text
        assert 'id="d0-attribution-a1"' in response.text
        assert "&lt;waste&gt;" in response.text
        assert ">Foreign Minister Sergei Lavrov said on Monday that talks" in response.text.replace(
            "</textarea>", ""
        )
        bad = extracting.post("/try", data={"text": "Lavrov said it.", "published": "Monday"})
        assert bad.status_code == 422
        assert "&#39;published&#39; is not an ISO date: &#39;Monday&#39;" in bad.text
        assert extracting.post("/try", data={"text": " "}).status_code == 422
    with TestClient(create_app(store, allow_extract=True, max_body=100)) as small:
        assert small.post("/try", data={"text": "x" * 200}).status_code == 413
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before


def test_pages_answer_html_errors_and_the_api_json_ones(client: TestClient):
    for path in [
        "/documents/9999",
        "/entities/9999",
        "/nothing-here",
        "/static/",
        "/documents/99999999999999999999",
    ]:
        html = page(client, path, 404)
        assert "<h1>404:" in html
    assert "<h1>404: no such document</h1>" in page(client, "/documents/9999", 404)
    response = client.get("/api/v1/documents/9999")
    assert (response.status_code, response.json()) == (404, {"error": "no such document", "status": 404})
    assert client.get("/static/../pages.py").status_code == 404
    assert client.get("/static/%2e%2e/pages.py").status_code == 404
    assert client.post("/").status_code == 405


def test_static_files_are_served_from_the_package(client: TestClient):
    shipped = resources.files("reportedly.serve").joinpath("static")
    for name, kind in [("style.css", "text/css"), ("site.js", "text/javascript")]:
        response = client.get(f"/static/{name}")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(kind)
        assert response.text == shipped.joinpath(name).read_text()
    # Nothing from another site: no address in the stylesheet or the script.
    for name in ("style.css", "site.js"):
        assert "http" not in shipped.joinpath(name).read_text()


def test_a_missing_store_is_an_html_503(tmp_path: Path):
    with TestClient(create_app(tmp_path / "none.db")) as test_client:
        html = page(test_client, "/", 503)
    assert "<h1>503: the store cannot be read</h1>" in html
