"""The project's own PLOVER-format event sets are well formed: the PLOVER scorer reads them,
every record has a PLOVER type the project codes, and every party has a code and a text found in
its sentence. The fresh gold (eval/events/fresh-gold.jsonl) is for confirmation only
(docs/event-gold-annotation.md), the train-wire sets for tuning (docs/event-train-annotation.md);
no figures of the system on any of them here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportedly.eval.plover import part_of, read_no_event_sentences, read_records
from reportedly.events.verbs import plover_type

EVENT_SETS = Path(__file__).resolve().parent.parent / "eval" / "events"
# Each set's file and the form of its ids.
SETS = {
    "fresh-gold.jsonl": "FRESH",
    **{f"train-wire-{letter}.jsonl": f"TRAIN{letter.upper()}" for letter in "abcdefghijklmnopqr"},
}
# The PLOVER types of the CAMEO roots 01-20 and of the longer codes that differ (RETREAT).
PLOVER_TYPES = {plover_type(f"{root:02d}") for root in range(1, 21)} | {plover_type("084")}
FIELDS = {"id", "text", "event_type", "mode", "context", "actor", "recipient", "original_event"}

RECORDS = {name: read_records(EVENT_SETS / name) for name in SETS}


@pytest.mark.parametrize("name", SETS)
def test_the_set_is_large_and_its_ids_are_unique(name: str) -> None:
    records = RECORDS[name]
    ids = [record["id"] for record in records]
    assert len(ids) >= 200
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(rf"{SETS[name]}-\d{{4}}", record_id) for record_id in ids)
    assert len({record["text"] for record in records}) == len(records)


@pytest.mark.parametrize("name", SETS)
def test_both_parts_hold_records(name: str) -> None:
    tune, check = part_of(RECORDS[name], "tune"), part_of(RECORDS[name], "check")
    assert len(tune) + len(check) == len(RECORDS[name])
    assert min(len(tune), len(check)) >= 80


def test_no_sentence_is_in_two_sets() -> None:
    texts = [record["text"] for records in RECORDS.values() for record in records]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize(
    "record", [record for records in RECORDS.values() for record in records], ids=lambda record: record["id"]
)
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


NO_EVENT_SETS = {
    "no-events-dev.jsonl": 366,
    "no-events-train.jsonl": 189,
    "no-events-train-2.jsonl": 300,
    "no-events-train-3.jsonl": 300,
}


def test_the_no_event_sets_are_well_formed_and_share_no_sentence() -> None:
    """docs/no-event-annotation.md: the dev set is reported, the three train sets are for tuning;
    no sentence stands in two of them, and every ``tempting`` word is in its sentence."""
    sentences = {name: read_no_event_sentences(EVENT_SETS / name) for name in NO_EVENT_SETS}
    assert {name: len(found) for name, found in sentences.items()} == NO_EVENT_SETS
    every = [sentence for found in sentences.values() for sentence in found]
    assert len({sentence["id"] for sentence in every}) == len(every)
    assert len({sentence["text"] for sentence in every}) == len(every)
    for sentence in every:
        assert all(word in sentence["text"] for word in sentence["tempting"]), sentence["id"]
