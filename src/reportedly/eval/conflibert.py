"""Score who acts and who is acted on against ConfliBERT's CAMEO sentences (``cameo_ner``).

The file is CoNLL-style: ``token label`` a line, BIO tags S (source), T (target) and R
(reciprocal: a party on both sides, "Russia and Ukraine met"), sentences parted by a blank
line. Each sentence is extracted as a document of its own, its tokens joined as news
writes them; the event coded for it is its first (as ``eval plover``). A party is right
when the head of its words ("government" of "the Croatian government's request", as
``events.political`` reads it) is a word of a gold span of its role: S or R for the actor,
T or R for the recipient. Its country is right when it is the country of the gold span:
that of an entity mentioned inside the span, else of the span's words ("Iraqi troops"),
over the sentences whose gold span has one.

The sentences split in two parts in file order, so that rules fitted on one are checked on
the other: ``tune``, the first half, and ``check``, the second.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from reportedly.eval import GoldError, check_part
from reportedly.eval.jsonl import write_json_lines
from reportedly.events.parties import head_of
from reportedly.extract import Extractor
from reportedly.model import Document, EventActor, Extraction
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER
from reportedly.resolve.actors import ActorCoder

ROLES = {"actor": ("S", "R"), "recipient": ("T", "R")}
# Tokens written against the word before them, after it, or both ("U.S. troops ,", "( NAF )",
# "pre - existing", "Baghdad ’ s").
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "’s", "n't", "'", "’"})
_NO_SPACE_AFTER = frozenset({"(", "[", "$", "#"})
_JOINING = frozenset({"-", "/"})


@dataclass(frozen=True, slots=True)
class GoldSpan:
    role: str  # S, T or R
    start: int
    end: int
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str
    text: str
    spans: tuple[GoldSpan, ...]


def read_sentences(path: Path) -> list[Sentence]:
    """The tagged sentences of a ``cameo_ner`` file, numbered from 1 in file order; a line
    that is no ``token label`` pair raises GoldError naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise GoldError(f"{path}: not valid UTF-8 (byte offset {error.start})") from None
    sentences: list[Sentence] = []
    tagged: list[tuple[str, str]] = []
    for number, line in enumerate([*lines, ""], 1):
        if not line.strip():
            if tagged:
                sentences.append(_sentence(f"{path.stem}-{len(sentences) + 1}", tagged))
            tagged = []
            continue
        token, _, label = line.rpartition(" ")
        if not token or not (label == "O" or (label[:2] in {"B-", "I-"} and label[2:] in {"S", "T", "R"})):
            raise GoldError(f"{path}:{number}: not a 'token label' line with a label O, B-S ... I-R")
        tagged.append((token, label))
    return sentences


def _sentence(sentence_id: str, tagged: list[tuple[str, str]]) -> Sentence:
    """Tokens joined as written ("Iraq 's forces ," as "Iraq's forces,"), with the gold spans
    at their offsets in the joined text."""
    text = ""
    spans: list[tuple[str, int, int, list[str]]] = []  # role, start, end, words
    open_role: str | None = None  # the role of the span the last token is in
    quote_open = False
    for position, (token, label) in enumerate(tagged):
        previous = tagged[position - 1][0] if position else ""
        attached = (
            not text
            or token in _NO_SPACE_BEFORE
            or token in _JOINING
            or previous in _JOINING
            or previous in _NO_SPACE_AFTER
            or (token == '"' and quote_open)
            or (previous == '"' and quote_open)
            or (previous in {"'", "’"} and token == "s")
        )
        if token == '"':
            quote_open = not quote_open
        text += ("" if attached else " ") + token
        start, role = len(text) - len(token), label[2:] or None
        if role is not None and (label.startswith("B-") or role != open_role):
            spans.append((role, start, len(text), [token]))
        elif role is not None:
            spans[-1] = (role, spans[-1][1], len(text), [*spans[-1][3], token])
        open_role = role
    gold = tuple(GoldSpan(role, start, end, tuple(words)) for role, start, end, words in spans)
    return Sentence(sentence_id, text, gold)


def part_of(sentences: list[Sentence], part: str) -> list[Sentence]:
    """The ``tune`` half (the first), the ``check`` half (the rest) or ``all``."""
    check_part(part)
    middle = len(sentences) // 2
    return sentences[:middle] if part == "tune" else sentences[middle:] if part == "check" else sentences


def evaluate_conflibert(
    path: Path,
    part: str = "all",
    model: str = DEFAULT_MODEL,
    tagger: str = DEFAULT_TAGGER,
    errors_path: Path | None = None,
) -> dict[str, Any]:
    """Actor and recipient scores on one part of a ``cameo_ner`` file; with ``errors_path``,
    each sentence whose actor or recipient is wrong, with what was coded, as JSON Lines."""
    sentences = part_of(read_sentences(path), part)
    extractor = Extractor(model, tagger=tagger)
    documents = (Document(doc_id=sentence.id, text=sentence.text) for sentence in sentences)
    extractions: Iterator[Extraction] = tqdm(
        extractor.extract(documents), total=len(sentences), desc=f"conflibert {part}", disable=None
    )
    judged = [
        _judge(sentence, extraction, extractor.resources.coder)
        for sentence, extraction in zip(sentences, extractions, strict=True)
    ]
    if errors_path is not None:
        wrong = (verdict for verdict in judged if any(verdict[role]["span"] is False for role in ROLES))
        write_json_lines(errors_path, wrong)
    return {
        "part": part,
        "sentences": len(sentences),
        "no_event": sum(verdict["event"] is None for verdict in judged),
        **{role: _role_scores([verdict[role] for verdict in judged]) for role in ROLES},
    }


def _judge(sentence: Sentence, extraction: Extraction, coder: ActorCoder) -> dict[str, Any]:
    """For each role: whether the coded parties hold a gold span's words (None: no gold span
    of that role) and country, with the texts and codes behind the verdict."""
    event = extraction.events[0] if extraction.events else None
    verdict: dict[str, Any] = {
        "id": sentence.id,
        "text": sentence.text,
        "event": None if event is None else {"type": event.event_type, "trigger": event.trigger.text},
    }
    for role, labels in ROLES.items():
        gold = [span for span in sentence.spans if span.role in labels]
        parties: list[EventActor] = getattr(event, role) if event is not None else []
        countries = [c for span in gold if (c := _gold_country(span, sentence.text, extraction, coder))]
        coded = [party.actor.country for party in parties if party.actor and party.actor.country]
        verdict[role] = {
            "gold": [sentence.text[span.start : span.end] for span in gold],
            "coded": [party.text for party in parties],
            "span": any(_holds(span, party) for span in gold for party in parties) if gold else None,
            "gold_countries": countries,
            "coded_countries": coded,
            "country": bool(set(countries) & set(coded)) if countries else None,
        }
    return verdict


def _holds(span: GoldSpan, party: EventActor) -> bool:
    """Whether the head of the party's words is a word of the gold span."""
    head = head_of(party.text).lower()
    return bool(head) and any(head == head_of(word).lower() for word in span.words)


def _gold_country(span: GoldSpan, text: str, extraction: Extraction, coder: ActorCoder) -> str | None:
    """The country of an entity mentioned inside the gold span (the first), else of its words."""
    for entity in extraction.entities:
        inside = any(span.start <= mention.start and mention.end <= span.end for mention in entity.mentions)
        if inside and entity.actor is not None and entity.actor.country is not None:
            return entity.actor.country
    actor = coder.actor(coder.code_description(text[span.start : span.end], None))
    return actor.country if actor is not None else None


def _role_scores(verdicts: list[dict[str, Any]]) -> dict[str, Any]:
    spans = [verdict["span"] for verdict in verdicts if verdict["span"] is not None]
    countries = [verdict["country"] for verdict in verdicts if verdict["country"] is not None]
    return {
        "sentences": len(spans),
        "span_accuracy": round(sum(spans) / len(spans), 3) if spans else None,
        "with_country": len(countries),
        "country_accuracy": round(sum(countries) / len(countries), 3) if countries else None,
    }


def format_report(report: dict[str, Any]) -> str:
    lines = [f"{report['part']}: {report['sentences']} sentences, {report['no_event']} with no event"]
    for role in ROLES:
        scores = report[role]
        lines.append(
            f"{role:<10} span {scores['span_accuracy']}  ({scores['sentences']})"
            f"  country {scores['country_accuracy']}  ({scores['with_country']})"
        )
    return "\n".join(lines)
