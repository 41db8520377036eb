"""Run PETRARCH's coder unit-test records: a compatibility figure for users moving from it.

The records (``PETR.UnitTest.records.xml``) give a sentence, its date and the expected
CAMEO event (source, target, event code); the dictionaries they come with, beside the
records, code their invented countries ("Arnor", "Gondor": ``PETR.Validate.actors.txt``)
and their verbs (``PETR.Validate.verbs.txt``, as ``reportedly extract --verbs`` would).
Expected CAMEO codes map to PLOVER types through ``data/cameo_roots.tsv``; records whose
expected event is a public statement (CAMEO 01), which PLOVER does not code, are left out.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tqdm import tqdm

from reportedly.events.verbs import plover_type
from reportedly.extract import Extractor
from reportedly.model import Document
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER

_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.DOTALL)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class UnitTest:
    id: str
    day: date | None
    text: str
    source: str
    target: str
    event_type: str


def read_unit_tests(path: Path) -> list[UnitTest]:
    """The records with one expected event that PLOVER codes."""
    tests = []
    for attributes, body in _SENTENCE.findall(path.read_text(encoding="utf-8", errors="replace")):
        fields = dict(_ATTRIBUTE.findall(attributes))
        codings = [dict(_ATTRIBUTE.findall(coding)) for coding in _CODING.findall(body)]
        text = _TEXT.search(body)
        if len(codings) != 1 or text is None or "eventcode" not in codings[0]:
            continue
        event_type = plover_type(codings[0]["eventcode"])
        if event_type is None:
            continue
        stamp = fields.get("date", "")
        day = (
            date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8])) if re.fullmatch(r"\d{8}", stamp) else None
        )
        tests.append(
            UnitTest(
                fields.get("id", ""),
                day,
                " ".join(html.unescape(text.group(1)).split()),
                codings[0].get("sourcecode", ""),
                codings[0].get("targetcode", ""),
                event_type,
            )
        )
    return tests


def evaluate_petrarch(path: Path, model: str = DEFAULT_MODEL, tagger: str = DEFAULT_TAGGER) -> dict[str, Any]:
    tests = read_unit_tests(path)
    actors, verbs = path.with_name("PETR.Validate.actors.txt"), path.with_name("PETR.Validate.verbs.txt")
    extractor = Extractor(
        model,
        tagger=tagger,
        actors=actors if actors.exists() else None,
        verbs=verbs if verbs.exists() else None,
    )
    documents = (Document(test.id, test.text, published=test.day) for test in tests)
    type_right = source_right = both_right = 0
    for test, extraction in tqdm(
        zip(tests, extractor.extract(documents), strict=True), total=len(tests), desc="petrarch", disable=None
    ):
        event = extraction.events[0] if extraction.events else None
        right_type = event is not None and event.event_type == test.event_type
        codes = [party.actor.code for party in event.actor if party.actor] if event else []
        right_source = any(code[:3] == test.source[:3] for code in codes)
        type_right += right_type
        source_right += right_source
        both_right += right_type and right_source
    total = len(tests)
    return {
        "records": total,
        "event_type_right": round(type_right / total, 3) if total else None,
        "source_country_right": round(source_right / total, 3) if total else None,
        "event_type_and_source_right": round(both_right / total, 3) if total else None,
    }


def format_report(report: dict[str, Any]) -> str:
    return (
        f"{report['records']} records: event type right {report['event_type_right']}, "
        f"source country right {report['source_country_right']}, "
        f"both {report['event_type_and_source_right']}"
    )
