"""Events in PLOVER's own record layout, for event-data tools (one JSON object per event)."""

from __future__ import annotations

from typing import Any

from reportedly.model import Event, Extraction


def plover_records(extraction: Extraction) -> list[dict[str, Any]]:
    """One PLOVER record per event of an extraction: ``id, date, actor, recipient, event,
    mode, context, event_text`` (the trigger), ``text`` (the sentence) and where it came from."""
    return [_plover_record(extraction.document.doc_id, event) for event in extraction.events]


def _plover_record(doc_id: str, event: Event) -> dict[str, Any]:
    return {
        "id": f"{doc_id}-{event.id}",
        "date": event.date,
        "actor": [party.to_dict() for party in event.actor],
        "recipient": [party.to_dict() for party in event.recipient],
        "event": event.event_type,
        "mode": list(event.mode),
        "context": list(event.context),
        "event_text": event.trigger.text,
        "text": event.sentence.text,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "doc_id": doc_id,
        "offsets": {
            "sentence": [event.sentence.start, event.sentence.end],
            "trigger": [event.trigger.start, event.trigger.end],
        },
        "attribution": event.attribution,
    }
