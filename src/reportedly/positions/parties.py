"""Whom a demand is of (issue 21), resolved as a speaker is: the words the stance rules take
for it ("Washington", "the US administration", "the Americans") named as a party, with its
entity and actor code, so that a journalist can ask what is demanded of the United States.

In order: the entity whose mention ends the words (their head: "President Trump", "the EU";
not "Ukraine's partners"); else a metonym of ``data/metonyms.tsv``, seats of government and
capitals ("Washington": the United States, "the Kremlin": Russia, "Brussels": the European
Commission); else a name the actor coder knows, or a description it codes to an organ of a
country ("the US administration" USAGOV) or to its people alone ("the Americans" USA). A
country, by its entity or its people, is named as the table names it ("Russia"), else as the
dictionaries do ("Israel"). Words that resolve to no one ("rich countries", "all parties")
keep their span alone."""

from __future__ import annotations

import re
from datetime import date

from reportedly.events.parties import NamedMentions
from reportedly.model import Entity, Extraction, Party, Span, Stance
from reportedly.resolve.actors import ActorCoder
from reportedly.resolve.metonyms import metonym_key, read_metonyms, table_name

# Words around a party's name that are no part of it ("the", quotes, "Iran never").
LEADING = re.compile(r"^[\"“‘']*(?:the\s+)?", re.IGNORECASE)
TRAILING = re.compile(r"(?:\s+(?:not|never))?[\"”’']*$")
# Words of several parties ("all parties", "both sides"): no one party.
SEVERAL = re.compile(r"^(?:all|both)\s", re.IGNORECASE)
# What may follow the mention that names the party within the rules' words: nothing, or
# words that are no noun of another party ("the US side", "Iran never"); not a possessive
# ("Ukraine's partners") nor a plural ("EU leaders", "member states").
AFTER_NAME = re.compile(r"(?:\s+(?:side|[a-z]+(?<!s)))*[\"”’']*")
# Words that join several parties ("Rwanda and the M23"): no one party.
JOINED = re.compile(r"(?<![\w-])(?:and|or)(?![\w-])|,")


def name_demanded(stances: list[Stance], extraction: Extraction, coder: ActorCoder) -> list[Stance]:
    """The stances, each demand's ``demanded_party`` resolved in ``extraction`` (a document
    with no demand costs nothing)."""
    namer: PartyNamer | None = None
    for stance in stances:
        if stance.demanded_of is not None:
            namer = namer or PartyNamer(extraction, coder)
            stance.demanded_party = namer.party(stance.demanded_of)
    return stances


class PartyNamer:
    """Resolves the words of a document that name whom a demand is of."""

    def __init__(self, extraction: Extraction, coder: ActorCoder) -> None:
        self.entities = extraction.entities
        self.coder = coder
        self.day = extraction.document.published
        self.mentions = NamedMentions(extraction.entities)

    def party(self, words: Span) -> Party | None:
        """The party ``words`` name, or None."""
        found = None if SEVERAL.match(words.text) else self._entity(words)
        if found is None:
            return party_of_words(words.text, self.coder, self.day, self.entities)
        entity, headed = found
        # A name before other words may be an organ's country ("the US administration"
        # USAGOV), else the party itself ("the US side", "Iran never").
        organ = None if headed else party_of_words(words.text, self.coder, self.day, self.entities)
        if organ is not None and organ.actor is not None and organ.actor.sector:
            return organ
        return self._of_entity(entity)

    def _entity(self, words: Span) -> tuple[Entity, bool] | None:
        """The entity (no people: "the Israeli government") whose mention ends ``words``,
        where they name one party, and whether it ends them."""
        for entity in self.mentions.named_in(words):
            if entity.type == "NORP":
                continue
            for mention in entity.mentions:
                if not words.start <= mention.start < mention.end <= words.end:
                    continue
                before = words.text[: mention.start - words.start]
                after = words.text[mention.end - words.start :]
                if AFTER_NAME.fullmatch(after) and not JOINED.search(before):
                    return entity, not after.strip("\"”’' ")
        return None

    def _of_entity(self, entity: Entity) -> Party:
        """An entity as a party: a metonym by its country or organisation and their code
        ("Washington": the United States, USA), a country by the name the table gives it
        ("the Russian Federation": Russia), any other by its own name; each with the
        entity's code (but a metonym's)."""
        named = _metonym_party(entity.name, self.coder, self.day, self.entities)
        if named is not None:
            return Party(named.name, entity.id, named.actor or entity.actor)
        actor = entity.actor
        if entity.type == "GPE" and actor is not None and actor.country and not actor.sector:
            return Party(country_name(actor.code, self.coder) or entity.name, entity.id, actor)
        return Party(entity.name, entity.id, actor)


def party_of_words(
    text: str, coder: ActorCoder, day: date | None, entities: list[Entity] | None = None
) -> Party | None:
    """The party words name with no entity's mention to go by (the scorer codes a gold
    name so): a metonym, a name the coder knows, a description it codes to an
    organ of a country ("the US administration") or a people ("the Americans"); None for
    words that name no one it knows ("rich countries"). A country's or organisation's
    entity among ``entities`` gives its id."""
    words = TRAILING.sub("", LEADING.sub("", text.strip()))
    if not words or SEVERAL.match(words):
        return None
    named = _metonym_party(words, coder, day, entities or [])
    if named is not None:
        return named
    actor = coder.actor(coder.code_name(words, day))
    if actor is not None:  # a country by its name ("the Russian Federation": Russia)
        country = actor.country is not None and actor.sector is None
        return Party((country_name(actor.code, coder) if country else None) or words, None, actor)
    code = coder.code_description(words, day)
    if code is None:
        return None
    if code[3:]:  # an organ of a country ("the US administration" USAGOV): as the text names it
        return Party(words, None, coder.actor(code))
    if len(words.split()) == 1 or words.split()[-1].lower() == "side":
        # Its people ("the Americans", "Israelis") or side ("the American side"): the country.
        name = country_name(code, coder)
        return Party(name, _entity_named(name, entities), coder.actor(code))
    return None


def _metonym_party(words: str, coder: ActorCoder, day: date | None, entities: list[Entity]) -> Party | None:
    """A metonym of the table ("Washington": the United States, "Beijing": China)."""
    metonym = read_metonyms().get(metonym_key(words))
    if metonym is not None:
        referent = metonym.referent
        return Party(referent, _entity_named(referent, entities), coder.actor(coder.code_name(referent, day)))
    return None


def country_name(code: str, coder: ActorCoder) -> str | None:
    """A country's name by its code: the metonym table's ("Russia"), else the dictionaries'."""
    return table_name(code[:3], coder) or coder.country_name(code)


def _entity_named(name: str | None, entities: list[Entity] | None) -> str | None:
    """The id of the document's entity called ``name``, if it has one."""
    key = metonym_key(name) if name else None
    found = (
        entity.id
        for entity in entities or ()
        if key and any(metonym_key(alias) == key for alias in (entity.name, *entity.aliases))
    )
    return next(found, None)
