"""The event scorers' readers: PLOVER records and PETRARCH unit tests, on files written here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reportedly.eval.petrarch import read_unit_tests
from reportedly.eval.plover import read_records
from reportedly.events.verbs import plover_type

UNIT_TESTS = """<Validation><Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<!-- a comment -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore full diplomatic ties with Gondor.
</Text>
</Sentence>
<Sentence date="19950102" id="DEMO-01" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="010"></EventCoding>
<Text>Arnor said nothing.</Text>
</Sentence>
</Sentences></Validation>
"""


def test_cameo_codes_map_to_plover_types():
    assert plover_type("0871") == "RETREAT"
    assert plover_type("112") == "ACCUSE"
    assert plover_type("195") == "ASSAULT"
    assert plover_type("010") is None  # a public statement: PLOVER codes no event


def test_unit_tests_keep_records_plover_codes(tmp_path: Path):
    path = tmp_path / "records.xml"
    path.write_text(UNIT_TESTS, encoding="utf-8")
    (test,) = read_unit_tests(path)
    assert (test.id, test.day, test.source, test.target, test.event_type) == (
        "DEMO-00",
        date(1995, 1, 1),
        "ARN",
        "GON",
        "COOPERATE",
    )
    assert test.text == "Arnor is about to restore full diplomatic ties with Gondor."


def test_malformed_plover_record_names_its_line(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "Iran protested.", "event_type": "PROTEST"}\n{"id": "b"}\n', "utf-8")
    with pytest.raises(ValueError, match=r"gold\.jsonl:2: not a PLOVER record"):
        read_records(path)
