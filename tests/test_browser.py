"""The pages in a real browser: headless Chromium (Debian's ``chromium`` and
``chromium-driver``, driven by selenium) against ``reportedly serve`` run as a process on a
free port of 127.0.0.1, over a store of the page tests' short articles. The marks of an
article hold the texts the API gives, a mark shows its speaker on hover and on focus, a
speaker's link opens a page with its chart drawn, a search finds hits, try-it marks a text,
and no page breaks its Content-Security-Policy."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reportedly.extract import Extractor

from conftest import articles_store
from test_serve_pages import ARTICLES, extraction_texts

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Guards against a hang, not timings: the server loads its pipeline for try-it on first use.
SERVER_START_SECONDS = 120
WAIT_SECONDS = 60

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason=f"no {CHROMIUM} or {CHROMEDRIVER}: apt-get install chromium chromium-driver",
    ),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Iterator[str]:
    """The address of ``reportedly serve`` on the articles' store, a process of its own."""
    folder = tmp_path_factory.mktemp("browser")
    store = articles_store(folder, ARTICLES, extractor)
    port = free_port()
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "reportedly", "serve", "--db", str(store), "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                urllib.request.urlopen(f"{address}/api/v1/documents", timeout=5).close()
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    log_text = (folder / "server.log").read_text()
                    raise AssertionError(f"the server did not start: {log_text}") from None
                time.sleep(0.2)
        yield address
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # The system's chromedriver, named: selenium's manager, which downloads drivers, never runs.
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def api(server: str, path: str) -> Any:
    with urllib.request.urlopen(f"{server}/api/v1/{path}", timeout=30) as response:
        return json.load(response)


def wait(browser: Any) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, WAIT_SECONDS)


def no_errors_logged(browser: Any) -> None:
    """No error in the console (a CSP violation, a script error, a missing file)."""
    severe = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert severe == []


def test_article_marks_hold_the_apis_attribution_texts(server: str, browser: Any):
    for row in api(server, "documents")["rows"]:
        browser.get(f"{server}/documents/{row['id']}")
        parts = browser.execute_script(
            "return Array.from(document.querySelectorAll('mark[data-attribution]'), (mark) => ["
            "mark.dataset.attribution, mark.dataset.part, Number(mark.dataset.index || 0), "
            "mark.textContent]);"
        )
        texts: dict[tuple[str, str, int], str] = {}
        for attribution, part, index, text in parts:
            texts[(attribution, part, index)] = texts.get((attribution, part, index), "") + text
        extraction = api(server, f"documents/{row['id']}")["extraction"]
        assert texts == extraction_texts(extraction), row["name"]
        assert browser.execute_script("return document.querySelectorAll('script:not([src])').length") == 0
        no_errors_logged(browser)


def test_a_mark_shows_its_speaker_on_hover_and_on_focus(server: str, browser: Any):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown

    lavrov = next(row for row in api(server, "documents")["rows"] if row["name"] == "lavrov-ceasefire")
    browser.get(f"{server}/documents/{lavrov['id']}")
    tooltip = browser.find_element(By.ID, "attribution-tooltip")
    assert not tooltip.is_displayed()
    content = browser.find_element(By.CSS_SELECTOR, 'mark.content[data-attribution="a2"]')
    ActionChains(browser).move_to_element(content).perform()
    wait(browser).until(shown.visibility_of(tooltip))
    assert tooltip.get_attribute("data-attribution") == "a2"
    assert "Sergei Lavrov" in tooltip.text
    assert "addressee\nreporters" in tooltip.text
    assert "RUSGOV" in tooltip.text

    ActionChains(browser).move_to_element(browser.find_element(By.TAG_NAME, "h1")).perform()
    wait(browser).until(shown.invisibility_of_element(tooltip))
    cue = browser.find_element(By.CSS_SELECTOR, 'mark.cue[data-attribution="a1"][tabindex="0"]')
    browser.execute_script("arguments[0].focus();", cue)
    wait(browser).until(shown.visibility_of(tooltip))
    assert tooltip.get_attribute("data-attribution") == "a1"
    assert "Sergei Lavrov" in tooltip.text
    assert "hypothetical\nno" in tooltip.text
    no_errors_logged(browser)


def test_a_speakers_link_opens_their_page_with_the_chart_drawn(server: str, browser: Any):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown

    lavrov = next(row for row in api(server, "documents")["rows"] if row["name"] == "lavrov-ceasefire")
    browser.get(f"{server}/documents/{lavrov['id']}")
    browser.find_element(By.CSS_SELECTOR, "#attribution-a1 a.speaker-link").click()
    wait(browser).until(shown.url_contains("/entities/"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sergei Lavrov"
    chart = browser.find_element(By.CSS_SELECTOR, "#chart-months svg")
    size = chart.size
    assert size["width"] > 100 and size["height"] > 100
    # Two months of statements: two bars drawn, each of some height.
    bars = browser.execute_script(
        "return Array.from(arguments[0].querySelectorAll('.mark-rect path'), (bar) => bar.getBBox().height);",
        chart,
    )
    assert len(bars) == 2 and all(height > 0 for height in bars)
    no_errors_logged(browser)


def test_the_search_box_finds_hits(server: str, browser: Any):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as shown

    browser.get(server)
    box = browser.find_element(By.ID, "site-search")
    box.send_keys("ceasefire", Keys.ENTER)
    wait(browser).until(shown.url_contains("/search?q=ceasefire"))
    hits = [mark.text for mark in browser.find_elements(By.CSS_SELECTOR, "table.quotes mark.hit")]
    assert hits == ["cease-fire", "ceasefire"]
    speakers = [
        cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "table.quotes tbody td:nth-child(2)")
    ]
    assert speakers == [row["speaker"] for row in api(server, "quotes?search=ceasefire")["rows"]]
    no_errors_logged(browser)


def test_try_it_marks_a_pasted_text(server: str, browser: Any):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown

    browser.get(f"{server}/try")
    browser.find_element(By.ID, "text").send_keys(
        'Foreign Minister Sergei Lavrov said on Monday that talks were "a waste of time."'
    )
    browser.find_element(By.CSS_SELECTOR, "form.try button").click()
    wait(browser).until(shown.presence_of_element_located((By.CSS_SELECTOR, "section.results mark.cue")))
    marks = {
        mark.get_attribute("data-part"): mark.text
        for mark in browser.find_elements(By.CSS_SELECTOR, 'section.results mark[data-attribution="a1"]')
    }
    assert marks == {
        "cue": "said",
        "source": "Foreign Minister Sergei Lavrov",
        "content": 'that talks were "a waste of time',
    }
    no_errors_logged(browser)
