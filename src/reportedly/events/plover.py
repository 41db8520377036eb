"""Events in PLOVER's own record layout, for event-data tools (one JSON object per event)."""

from __future__ import annotations

from typing import Any

from reportedly.model import Extraction


def plover_records(extraction: Extraction) -> list[dict[str, Any]]:
    """One PLOVER record per event of an extraction."""
    return [plover_record(extraction.document.doc_id, event.to_dict()) for event in extraction.events]


def plover_record(doc_id: str, event: dict[str, Any]) -> dict[str, Any]:
    """An event (as ``Event.to_dict`` writes it) as a PLOVER record: ``id, date, actor,
    recipient, event, mode, context, event_text`` (the trigger), ``text`` (the sentence)
    and where it came from."""
    return {
        "id": f"{doc_id}-{event['id']}",
        "date": event["date"],
        "actor": event["actor"],
        "recipient": event["recipient"],
        "event": event["event_type"],
        "mode": event["mode"],
        "context": event["context"],
        "event_text": event["trigger"]["text"],
        "text": event["sentence"]["text"],
        "negated": event["negated"],
        "hypothetical": event["hypothetical"],
        "doc_id": doc_id,
        "offsets": {
            "sentence": [event["sentence"]["start"], event["sentence"]["end"]],
            "trigger": [event["trigger"]["start"], event["trigger"]["end"]],
        },
        "attribution": event["attribution"],
    }
