"""Score event coding against PLOVER gold records (JSON Lines, one sentence each).

Each record: ``{"id", "text", "event_type", "mode", "actor": [{"text", "code", "sector"}],
"recipient": [...]}``. The event coded for a record is the first one found in its text.
Event type: accuracy and macro-F1 over the types; actor and recipient: accuracy of the
country (the first three letters of the code) and of the full code (country + sector),
over the records whose gold names one; contexts: how often one is right, and micro F1.
With a file of sentences that hold no political event (``{"id", "domain", "text",
"tempting"}``, e.g. eval/events/no-events-dev.jsonl), the false-event rate: the share of
them with at least one event coded.

The records split in two parts by a stable hash of their id, so that rules fitted on one
are checked on the other and a record stays in its part when records are added: ``tune``,
those whose id's SHA-1 begins with a byte below 128, and ``check``, the rest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tqdm import tqdm

from reportedly.eval import in_part
from reportedly.eval.jsonl import read_json_lines, write_json_lines
from reportedly.extract import Extractor
from reportedly.model import Document, Event, EventActor, Extraction
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER
from reportedly.resolve.actors import iso_country


def read_records(path: Path) -> list[dict[str, Any]]:
    """Gold records; a malformed line raises GoldError naming the file and line."""
    return read_json_lines(path, "PLOVER record", _with_text_and_type)


def _with_text_and_type(record: dict[str, Any]) -> dict[str, Any]:
    """The record, if it has the two fields every score needs."""
    for field in ("text", "event_type"):
        if field not in record:
            raise KeyError(field)
    return record


def part_of(records: list[dict[str, Any]], part: str) -> list[dict[str, Any]]:
    """The records of the ``tune`` part, the ``check`` part or ``all``, in file order."""
    return [record for record in records if in_part(str(record.get("id", "")), part)]


def read_no_event_sentences(path: Path) -> list[dict[str, Any]]:
    """Sentences that hold no political event (``{"id", "domain", "text", "tempting"}``);
    a malformed line raises GoldError naming the file and line."""
    return read_json_lines(path, "no-event sentence", _with_id_and_text)


def _with_id_and_text(record: dict[str, Any]) -> dict[str, Any]:
    for field in ("id", "text"):
        if field not in record:
            raise KeyError(field)
    return record


def evaluate_plover(
    path: Path,
    model: str = DEFAULT_MODEL,
    tagger: str = DEFAULT_TAGGER,
    no_events: Path | None = None,
    part: str = "all",
    errors_path: Path | None = None,
) -> dict[str, Any]:
    """Scores on one part of the gold records of ``path``; with ``no_events``, also the
    false-event rate on a file of sentences that hold no political event; with
    ``errors_path``, each record whose type, actor or recipient country is wrong, with what
    was coded, as JSON Lines."""
    records = part_of(read_records(path), part)
    sentences = read_no_event_sentences(no_events) if no_events is not None else None
    extractor = Extractor(model, tagger=tagger)
    predicted = [
        extraction.events[0] if extraction.events else None
        for extraction in _extract(extractor, records, f"plover {part}")
    ]
    report = {"part": part, **_report(records, predicted)}
    if errors_path is not None:
        errors = (_error(record, event) for record, event in zip(records, predicted, strict=True))
        write_json_lines(errors_path, (error for error in errors if error is not None))
    if sentences is not None:
        report["no_events"] = false_event_scores(sentences, _extract(extractor, sentences, "no-events"))
    return report


def _extract(extractor: Extractor, records: list[dict[str, Any]], label: str) -> Iterator[Extraction]:
    """Each record's text extracted as a document of its own, with progress on stderr."""
    documents = (Document(doc_id=str(record["id"]), text=record["text"]) for record in records)
    return tqdm(extractor.extract(documents), total=len(records), desc=label, disable=None)


def false_event_scores(sentences: list[dict[str, Any]], extractions: Iterable[Extraction]) -> dict[str, Any]:
    """On sentences that hold no political event: the share with at least one event coded
    (the false-event rate), events per sentence, the same by domain, and each false event."""
    found = [
        (sentence, extraction.events) for sentence, extraction in zip(sentences, extractions, strict=True)
    ]
    domains: dict[str, list[int]] = {}
    for sentence, events in found:
        counts = domains.setdefault(str(sentence.get("domain") or "-"), [0, 0])
        counts[0] += 1
        counts[1] += bool(events)
    total, with_event = len(found), sum(bool(events) for _, events in found)
    return {
        "sentences": total,
        "with_event": with_event,
        "false_event_rate": round(with_event / total, 3) if total else None,
        "events_per_sentence": round(sum(len(events) for _, events in found) / total, 3) if total else None,
        "by_domain": {
            domain: {"sentences": n, "with_event": hit, "false_event_rate": round(hit / n, 3)}
            for domain, (n, hit) in sorted(domains.items())
        },
        "false_events": [
            {"id": sentence["id"], "event_type": event.event_type, "trigger": event.trigger.text}
            for sentence, events in found
            for event in events
        ],
    }


def _gold_code(party: dict[str, Any]) -> str:
    return (party.get("code") or "") + (party.get("sector") or "")


def _countries_agree(gold: dict[str, Any], parties: list[EventActor]) -> bool:
    """Whether a coded party has the gold party's country; countries compare as ISO codes
    (the gold keeps some of CAMEO's legacy ones: JAP)."""
    country = iso_country(_gold_code(gold)[:3])
    return any(party.actor and iso_country(party.actor.code[:3]) == country for party in parties)


def _error(record: dict[str, Any], event: Event | None) -> dict[str, Any] | None:
    """What is wrong with the event coded for a record (None: nothing), and what was coded."""
    wrong = ["type"] if (event.event_type if event else None) != record["event_type"] else []
    wrong += [
        role
        for role in ("actor", "recipient")
        if record.get(role) and not _countries_agree(record[role][0], getattr(event, role) if event else [])
    ]
    if not wrong:
        return None
    return {
        "id": record.get("id"),
        "wrong": wrong,
        "text": record["text"],
        "gold": {
            "type": record["event_type"],
            **{
                role: [(p.get("text"), _gold_code(p)) for p in record.get(role) or []]
                for role in ("actor", "recipient")
            },
        },
        "coded": None
        if event is None
        else {
            "type": event.event_type,
            "trigger": event.trigger.text,
            **{
                role: [(p.text, p.actor.code if p.actor else None) for p in getattr(event, role)]
                for role in ("actor", "recipient")
            },
        },
    }


def _party_scores(records: list[dict[str, Any]], predicted: list[Event | None], role: str) -> dict[str, Any]:
    country = full = total = 0
    for record, event in zip(records, predicted, strict=True):
        if not record.get(role):
            continue
        total += 1
        gold = _gold_code(record[role][0])
        parties: list[EventActor] = getattr(event, role) if event else []
        codes = [party.actor.code for party in parties if party.actor]
        country += _countries_agree(record[role][0], parties)
        full += any(code == gold for code in codes)
    return {
        "records": total,
        "country_accuracy": round(country / total, 3) if total else None,
        "code_accuracy": round(full / total, 3) if total else None,
    }


# The gold file spells some contexts two ways (its README): compare them as one.
_CONTEXT_SPELLINGS = {"refugee": "refugees", "resource": "resources", "politics": "political"}


def _contexts(names: list[str]) -> set[str]:
    return {_CONTEXT_SPELLINGS.get(name, name) for name in names if name != "unknown"}


def _context_scores(records: list[dict[str, Any]], predicted: list[Event | None]) -> dict[str, Any]:
    """Over the records whose gold names a context: the share where one predicted context
    is a gold one, and micro precision, recall and F1 over (record, context) pairs."""
    pairs = [
        (_contexts(record.get("context") or []), _contexts(event.context if event else []))
        for record, event in zip(records, predicted, strict=True)
        if _contexts(record.get("context") or [])
    ]
    right = sum(len(gold & guess) for gold, guess in pairs)
    guessed, wanted = sum(len(guess) for _, guess in pairs), sum(len(gold) for gold, _ in pairs)
    precision = right / guessed if guessed else 0.0
    recall = right / wanted if wanted else 0.0
    return {
        "records": len(pairs),
        "any_right": round(sum(bool(gold & guess) for gold, guess in pairs) / len(pairs), 3)
        if pairs
        else None,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3) if right else 0.0,
    }


def _report(records: list[dict[str, Any]], predicted: list[Event | None]) -> dict[str, Any]:
    gold_types = [record["event_type"] for record in records]
    predicted_types = [event.event_type if event else None for event in predicted]
    right = sum(g == p for g, p in zip(gold_types, predicted_types, strict=True))
    types = sorted(set(gold_types))
    f1s = []
    for event_type in types:
        tp = sum(g == p == event_type for g, p in zip(gold_types, predicted_types, strict=True))
        fp = sum(
            p == event_type and g != event_type for g, p in zip(gold_types, predicted_types, strict=True)
        )
        fn = sum(
            g == event_type and p != event_type for g, p in zip(gold_types, predicted_types, strict=True)
        )
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    confusions = Counter((g, p) for g, p in zip(gold_types, predicted_types, strict=True) if g != p)
    return {
        "records": len(records),
        "event_type_accuracy": round(right / len(records), 3) if records else None,
        "event_type_macro_f1": round(sum(f1s) / len(f1s), 3) if f1s else None,
        "no_event": sum(p is None for p in predicted_types),
        "actor": _party_scores(records, predicted, "actor"),
        "recipient": _party_scores(records, predicted, "recipient"),
        "context": _context_scores(records, predicted),
        "confusions": [{"gold": g, "predicted": p, "records": n} for (g, p), n in confusions.most_common(15)],
    }


def format_report(report: dict[str, Any]) -> str:
    actor, recipient, context = report["actor"], report["recipient"], report["context"]
    return "\n".join(
        [
            f"{report['part']}: {report['records']} records, {report['no_event']} with no event",
            f"event type accuracy {report['event_type_accuracy']}  macro-F1 {report['event_type_macro_f1']}",
            f"actor      country {actor['country_accuracy']}  code {actor['code_accuracy']}"
            f"  ({actor['records']})",
            f"recipient  country {recipient['country_accuracy']}  code {recipient['code_accuracy']}"
            f"  ({recipient['records']})",
            f"context    one right {context['any_right']}  P {context['precision']}  R {context['recall']}"
            f"  F1 {context['f1']}  ({context['records']})",
            *_format_false_events(report.get("no_events")),
        ]
    )


def _format_false_events(scores: dict[str, Any] | None) -> list[str]:
    if scores is None:
        return []
    return [
        f"no-event   false-event rate {scores['false_event_rate']}  ({scores['with_event']} of"
        f" {scores['sentences']} sentences)  events/sentence {scores['events_per_sentence']}"
    ]
