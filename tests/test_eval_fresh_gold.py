"""The fresh event gold (eval/events/fresh-gold.jsonl) is well formed: the PLOVER scorer reads
it, every record has a PLOVER type the project codes, and every party has a code and a text
found in its sentence. No figures of the system on it: the set is for confirmation only
(docs/event-gold-annotation.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportedly.eval.plover import part_of, read_records
from reportedly.events.verbs import plover_type

FRESH_GOLD = Path(__file__).resolve().parent.parent / "eval" / "events" / "fresh-gold.jsonl"
# The PLOVER types of the CAMEO roots 01-20 and of the longer codes that differ (RETREAT).
PLOVER_TYPES = {plover_type(f"{root:02d}") for root in range(1, 21)} | {plover_type("084")}
FIELDS = {"id", "text", "event_type", "mode", "context", "actor", "recipient", "original_event"}

RECORDS = read_records(FRESH_GOLD)


def test_the_set_is_large_and_its_ids_are_unique() -> None:
    ids = [record["id"] for record in RECORDS]
    assert len(ids) >= 200
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"FRESH-\d{4}", record_id) for record_id in ids)
    assert len({record["text"] for record in RECORDS}) == len(RECORDS)


def test_both_parts_hold_records() -> None:
    tune, check = part_of(RECORDS, "tune"), part_of(RECORDS, "check")
    assert len(tune) + len(check) == len(RECORDS)
    assert min(len(tune), len(check)) >= 80


@pytest.mark.parametrize("record", RECORDS, ids=lambda record: record["id"])
def test_record_is_well_formed(record: dict) -> None:
    assert set(record) == FIELDS
    assert record["event_type"] in PLOVER_TYPES - {None}
    assert record["original_event"] == record["event_type"]
    assert isinstance(record["mode"], list) and isinstance(record["context"], list)
    assert record["actor"] or record["recipient"]
    for party in record["actor"] + record["recipient"]:
        assert set(party) == {"text", "code", "sector"}
        assert re.fullmatch(r"[A-Z]{3}", party["code"])
        assert party["sector"] is None or re.fullmatch(r"[A-Z]{3}", party["sector"])
        assert party["text"] and party["text"] in record["text"]
