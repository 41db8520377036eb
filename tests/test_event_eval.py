"""The event scorers' readers: PLOVER records, PETRARCH unit tests and ConfliBERT's tagged
sentences, on files written here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from reportedly.eval.conflibert import part_of, read_sentences
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


CAMEO_NER = """Iraqi B-S
troops I-S
attacked O
Baghdad B-T
’ I-T
s I-T
rivals I-T
( O
the O
NAF O
) O
. O

Russia B-R
and O
pre B-R
- I-R
war I-R
Ukraine I-R
met O
" O
in O
secret O
" O
. O

Kenya B-S
protested O
. O
"""


def test_conflibert_sentences_are_joined_as_written_with_their_spans(tmp_path: Path):
    path = tmp_path / "cameo.txt"
    path.write_text(CAMEO_NER, encoding="utf-8")
    first, second, third = read_sentences(path)
    assert first.text == "Iraqi troops attacked Baghdad’s rivals (the NAF)."
    assert [(span.role, first.text[span.start : span.end], span.words) for span in first.spans] == [
        ("S", "Iraqi troops", ("Iraqi", "troops")),
        ("T", "Baghdad’s rivals", ("Baghdad", "’", "s", "rivals")),
    ]
    assert second.text == 'Russia and pre-war Ukraine met "in secret".'
    assert [second.text[span.start : span.end] for span in second.spans] == ["Russia", "pre-war Ukraine"]
    assert (first.id, third.id) == ("cameo-1", "cameo-3")
    # the first half to tune on, the rest to check on
    assert [s.id for s in part_of([first, second, third], "tune")] == ["cameo-1"]
    assert [s.id for s in part_of([first, second, third], "check")] == ["cameo-2", "cameo-3"]


def test_a_malformed_conflibert_line_names_its_line(tmp_path: Path):
    path = tmp_path / "cameo.txt"
    path.write_text("Kenya B-S\nprotested X\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cameo\.txt:2: not a 'token label' line"):
        read_sentences(path)


@pytest.mark.slow
def test_eval_conflibert_scores_parties_by_span_and_country(cli, tmp_path: Path):
    path = tmp_path / "cameo.txt"
    path.write_text(
        "Kenya B-S\nprotested O\n. O\n\nRussian B-S\ntroops I-S\nattacked O\nUkraine B-T\n. O\n",
        encoding="utf-8",
    )
    errors = tmp_path / "errors.jsonl"
    result = cli("eval", "conflibert", str(path), "--errors", str(errors), "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["part"], report["sentences"], report["no_event"]) == ("all", 2, 0)
    assert report["actor"] == {
        "sentences": 2,
        "span_accuracy": 1.0,
        "with_country": 2,
        "country_accuracy": 1.0,
    }
    assert report["recipient"] == {
        "sentences": 1,
        "span_accuracy": 1.0,
        "with_country": 1,
        "country_accuracy": 1.0,
    }
    assert errors.read_text(encoding="utf-8") == ""
    result = cli("eval", "conflibert", str(path), "--part", "tune", "--format", "text")
    assert result.stdout.splitlines()[0] == "tune: 1 sentences, 0 with no event"
