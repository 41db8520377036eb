"""Political events only: an event needs a political party on at least one side.

A party is political when its actor code says so: a government, military, police, rebel or
armed group, party, opposition, court or legislature, an IGO or NGO (the code's sectors), or
a country or its capital acting as a state (a country code alone, on a place or people, not
on a club or a company named after its town: "Manchester United" GBR). A place where
something happens ("in Paris") acts in nothing. A capital that acts stands for its
government or organisation (``data/event_capitals.tsv``: "Brussels" the EU), except as the
place an attack or protest is aimed at ("shelled Kyiv").
"""

from __future__ import annotations

import re
from functools import cache

from reportedly.attribution.lexicon import data_lines, word_set
from reportedly.model import Entity, Event, EventActor, Extraction
from reportedly.resolve.actors import ActorCoder

# CAMEO sectors of political actors: state institutions, armed and political groups,
# elites, IGOs, NGOs and militant groups.
POLITICAL_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "OPP", "REB", "PTY", "UAF", "INS", "SEP", "ELI"}
    | {"IGO", "NGO", "IMG", "NGM", "RAD", "HRI", "MOD"}
)
# Entities whose country code alone does not make them a state acting: a club, a company or
# a person named with their country ("Manchester United" GBR) ...
NON_STATE_ENTITY_TYPES = frozenset({"ORG", "PERSON", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
# An organisation whose name ends in a political body's word is political, coded or not
# ("Liberian Peace Council", "the Ceasefire Violations Committee").
POLITICAL_BODIES = word_set("political_bodies.txt")
# Words before a party that make it the place of the act, not a party to it.
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|into|outside|around|across|throughout|inside)\s+(?:the\s+)?$", re.I
)
# A party's words that are a capital's name: alone, or last after "with".
_CAPITAL_PARTY = re.compile(r"(?:the\s+|.*\bwith\s+)?([A-Z][\w\s]*)", re.S)
# Acts done to a place: their recipient capital is the city ("shelled Kyiv", "blockade Paris").
PLACE_ACTS = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"})


@cache
def capital_codes() -> dict[str, str]:
    """Capital names to the code of what they stand for as a party."""
    return dict(line.split("\t") for line in data_lines("event_capitals.tsv"))


def keep_political_events(extraction: Extraction, coder: ActorCoder) -> None:
    """Code the capitals that act for their governments, then keep the events with a
    political party on at least one side."""
    entities = {entity.id: entity for entity in extraction.entities}
    for event in extraction.events:
        acting = event.actor if event.event_type in PLACE_ACTS else [*event.actor, *event.recipient]
        for party in acting:
            _code_capital(party, event, coder)
    extraction.events = [event for event in extraction.events if _is_political_event(event, entities, coder)]


def _code_capital(party: EventActor, event: Event, coder: ActorCoder) -> None:
    """A capital that is a party's words, or that its words end with after "with" ("the
    dialogue with Tehran"), and not a place, stands for its government."""
    match = _CAPITAL_PARTY.fullmatch(party.text)
    code = capital_codes().get(match.group(1)) if match else None
    if code is not None and not _is_place(party, event):
        party.actor = coder.actor(code)


def _is_political_event(event: Event, entities: dict[str, Entity], coder: ActorCoder) -> bool:
    return any(
        _is_political(party, entities.get(party.entity) if party.entity else None, coder)
        and not _is_place(party, event)
        for party in (*event.actor, *event.recipient)
    )


def _is_political(party: EventActor, entity: Entity | None, coder: ActorCoder) -> bool:
    """Whether the party's code, or the agent noun of its words ("the government of Sindh
    province", "British Defence Secretary Tom King"), is of a political sector, or its code
    is a country's and it is no club, company or person."""
    if _political_sector(party.actor.sector if party.actor else None):
        return True
    # The agent noun of its words or of its entity's role ("General Pavel Rossi"); of those,
    # "elites" are too wide alone ("the actor", "the singer"): a dictionary must have coded
    # the person for an elite to count.
    for words in (party.text, entity.role if entity is not None else None):
        if words and (sector := coder.sector_of(words)) != "ELI" and _political_sector(sector):
            return True
    if entity is not None and entity.type == "ORG" and entity.name.split()[-1].lower() in POLITICAL_BODIES:
        return True
    if party.actor is None or party.actor.country is None:
        return False
    return entity is None or entity.type not in NON_STATE_ENTITY_TYPES


def _political_sector(sector: str | None) -> bool:
    """Whether one of a sector's three-letter parts is political ("GOVMIL", "REBHMS")."""
    return sector is not None and any(
        sector[start : start + 3] in POLITICAL_SECTORS for start in range(0, len(sector), 3)
    )


def _is_place(party: EventActor, event: Event) -> bool:
    """Whether the party's words follow "in", "at", "near" ... in the event's sentence: the
    place of the act ("arrested two protesters in Paris")."""
    at = event.sentence.text.find(party.text)
    return at > 0 and _PLACE_BEFORE.search(event.sentence.text, 0, at) is not None
