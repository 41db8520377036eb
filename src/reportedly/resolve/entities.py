"""Group named-entity mentions into entities and link attribution sources to them.

Part 1 keeps this simple: mentions with the same normalised name are one entity,
and a one-word person mention joins the person whose full name ends with it
("Lavrov" joins "Sergei Lavrov").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from reportedly.model import Attribution, Entity, Span, Speaker

ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Nationalities ("Turkish") describe a speaker; they never are one.
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE"})


def normalise_name(text: str) -> str:
    """A mention's key: no leading "the", no possessive, case-folded."""
    name = text.strip()
    for suffix in ("'s", "’s", "'", "’"):
        name = name.removesuffix(suffix)
    if name.lower().startswith("the "):
        name = name[4:]
    return " ".join(name.split()).casefold()


def collect_entities(doc: Doc, text: str) -> list[Entity]:
    """One entity per distinct referent among ``doc``'s named entities (``text`` is ``doc.text``),
    in order of first mention."""
    by_key: dict[tuple[str, str], Entity] = {}
    surnames: dict[str, Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        key = normalise_name(ent.text)
        if not key:
            continue
        entity = by_key.get((ent.label_, key))
        if entity is None and ent.label_ == "PERSON" and " " not in key:
            entity = surnames.get(key)
        if entity is None:
            entity = Entity(id=f"e{len(by_key) + 1}", name=_display_name(ent), type=ent.label_)
            by_key[(ent.label_, key)] = entity
        entity.mentions.append(Span.of(text, ent.start_char, ent.end_char))
        if ent.label_ == "PERSON" and " " in key:
            surnames.setdefault(key.split()[-1], entity)
            if len(ent.text) > len(entity.name):
                entity.name = _display_name(ent)
    return list(by_key.values())


def _display_name(ent: SpacySpan) -> str:
    text = ent.text
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return text


PREPOSITIONS = frozenset({"of", "for", "from", "at", "in", "with", "by"})
_POSSESSIVE = re.compile(r"^['’]s?\s")


def naming_rank(mention: Span, source: Span, text: str, reporting_nouns: frozenset[str]) -> int | None:
    """How surely a name inside a source phrase names the speaker (0 best), or None if it does not.

    English noun phrases end with their head ("Russia's foreign minister Sergei Lavrov"),
    an apposition puts the name first ("Lavrov, Russia's foreign minister"), and a
    possessor owns a reporting noun ("Lavrov's comments").
    """
    if not (source.start <= mention.start and mention.end <= source.end):
        return None
    after = text[mention.end : source.end]
    governed = text[source.start : mention.start].rstrip().rsplit(" ", 1)[-1].lower() in PREPOSITIONS
    if not after.strip(" '’s") and not governed:  # "the head of NATO" is not NATO
        return 0
    if after.lstrip().startswith(","):
        return 1
    owned = _POSSESSIVE.sub("", after, count=1).split()
    if (
        mention.start == source.start
        and _POSSESSIVE.match(after)
        and owned
        and owned[-1].lower() in reporting_nouns
    ):
        return 2
    return None


def link_speakers(
    attributions: list[Attribution], entities: list[Entity], text: str, reporting_nouns: frozenset[str]
) -> None:
    """Point each attribution's speaker at the entity its source names, where there is one.

    A floating quote (no cue, no source) continues the previous speaker.
    """
    speakers = [entity for entity in entities if entity.type in SPEAKER_TYPES]
    previous: Speaker | None = None
    for attribution in attributions:
        if attribution.kind == "floating" and previous is not None:
            attribution.speaker = Speaker(previous.name, previous.entity)
        source = attribution.source
        if source is None:
            continue
        named = [
            (rank, mention.start, entity)
            for entity in speakers
            for mention in entity.mentions
            if (rank := naming_rank(mention, source, text, reporting_nouns)) is not None
        ]
        if named:
            entity = min(named, key=lambda item: item[:2])[2]
            attribution.speaker = Speaker(name=entity.name, entity=entity.id)
        previous = attribution.speaker
