"""Positions in `reportedly serve` (issue 21 item 4): the issues and positions endpoints with
their filters, views and errors, the issue page (actors over time, each stance coloured with
its evidence on hover) and the positions section of a speaker's page, on a store where one
party's stance on sanctions changes between two articles (test_positions' passages)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from html import unescape

import pytest

from reportedly.extract import Extractor
from reportedly.serve.app import create_app
from test_positions import SHIFTING

from conftest import articles_store
from test_serve_api import all_rows, get, refused

with warnings.catch_warnings():  # Starlette asks for httpx2; httpx is what the project pins
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

VETO = "that Hungary would veto any new sanctions against Russia"
BACK = "that Hungary was ready to back the new sanctions package"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Iterator[TestClient]:
    store = articles_store(tmp_path_factory.mktemp("positions"), SHIFTING, extractor)
    with TestClient(create_app(store)) as test_client:
        yield test_client


def test_issues_list_the_stances_with_their_definition(client: TestClient):
    (sanctions,) = [row for row in get(client, "issues")["rows"] if row["issue"] == "sanctions"]
    assert (sanctions["stances"], sanctions["actors"]) == (2, 1)
    assert (sanctions["first"], sanctions["latest"]) == ("2025-01-10", "2025-03-20")
    assert "sanction" in sanctions["definition"].lower()


def test_positions_current_history_and_shifts_with_evidence(client: TestClient):
    (current,) = get(client, "positions", issue="sanctions")["rows"]
    assert current["actor"]["name"] == "Viktor Orban" and current["actor"]["code"] == "HUNGOV"
    assert (current["stance"], current["date"], current["stances"]) == ("supports", "2025-03-20", 2)
    (evidence,) = current["evidence"]
    text = get(client, f"documents/{current['document_id']}")["text"]
    assert text[evidence["start"] : evidence["end"]] == evidence["text"] == BACK

    (position,) = get(client, "positions", issue="sanctions", view="history")["rows"]
    assert [entry["stance"] for entry in position["history"]] == ["opposes", "supports"]
    (shift,) = position["shifts"]
    assert (shift["from"]["evidence"][0]["text"], shift["to"]["evidence"][0]["text"]) == (VETO, BACK)

    (moved,) = get(client, "positions", issue="sanctions", view="shifts", by="code")["rows"]
    assert (moved["actor"]["name"], moved["previous"]["stance"], moved["stance"]) == (
        "HUNGOV",
        "opposes",
        "supports",
    )
    # the CLI's filters: an actor by name or code, a period (a month or a year as the API's others)
    assert get(client, "positions", actor="HUNGOV", issue="sanctions")["rows"] == [current]
    (before,) = get(client, "positions", issue="sanctions", until="2025-02")["rows"]
    assert (before["stance"], before["evidence"][0]["text"]) == ("opposes", VETO)
    assert get(client, "positions", issue="sanctions", since="2026")["rows"] == []
    assert all_rows(client, "positions", 1) == get(client, "positions")["rows"]


def test_positions_errors_name_the_parameter(client: TestClient):
    assert refused(client, "positions", 400, issue="weather").startswith("issue: 'weather' is not an issue")
    assert "sanctions" in refused(client, "positions", 400, issue="weather")
    views = "current, history, shifts"
    assert refused(client, "positions", 400, view="all") == f"view: 'all' is not one of {views}"
    assert refused(client, "positions", 400, until="March").startswith("until: 'March' is not a date")


def test_the_issue_page_draws_each_actor_over_time_with_evidence_on_hover(client: TestClient):
    page = client.get("/issues")
    assert page.status_code == 200 and 'href="/issues/sanctions"' in page.text
    issue = client.get("/issues/sanctions")
    assert issue.status_code == 200
    assert '<svg role="img" aria-label="Positions on sanctions over time"' in issue.text
    marks = re.findall(r'<a class="stance stance-(\w+) dot" href="([^"]+)" title="([^"]+)"', issue.text)
    assert [(stance, unescape(title)) for stance, _, title in marks] == [
        ("opposes", f"2025-01-10, opposes: {VETO}"),
        ("supports", f"2025-03-20, supports: {BACK}"),
    ]
    assert all(re.fullmatch(r"/documents/\d+#attribution-a\d+", href) for _, href, _ in marks)
    assert client.get("/issues/weather").status_code == 404


def test_a_speaker_page_shows_its_positions(client: TestClient):
    (current,) = get(client, "positions", issue="sanctions")["rows"]
    page = client.get(f"/entities/{current['actor']['entity']}")
    assert page.status_code == 200
    section = page.text.split('<section id="positions">', 1)[1].split("</section>", 1)[0]
    assert '<a href="/issues/sanctions">sanctions</a>' in section
    assert '<a class="stance stance-supports"' in section and BACK in unescape(section)
