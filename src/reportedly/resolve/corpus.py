"""One name per referent of a document.

Grouping can leave one referent as several entities (a surname the honorific before it
kept apart from the full name); the first mention to name it fully ("Volodymyr
Zelenskiy") fixes its name for the mentions after it, whatever their spelling
("Zelensky", "Volodymyr Zelenskyy"). A registry serves one document: extraction must not
depend on what else a run processed (the store links names across documents).
"""

from __future__ import annotations

from reportedly.model import Extraction, Speaker
from reportedly.resolve.entities import NAMED_TYPES
from reportedly.resolve.names import name_key


class NameRegistry:
    """Canonical names seen so far in a document, by spelling key and, for people, by surname key."""

    def __init__(self, variants: dict[str, str]) -> None:
        self.variants = variants
        self.by_key: dict[tuple[str, ...], str] = {}
        self.by_surname: dict[str, str] = {}

    def canonicalise(self, extraction: Extraction) -> None:
        """Rename the extraction's entities (and speakers) to the canonical names."""
        renamed = {}
        for entity in extraction.entities:
            if entity.type not in NAMED_TYPES:
                continue
            canonical = self.canonical(entity.name, entity.type)
            if canonical != entity.name:
                entity.aliases = [name for name in (entity.name, *entity.aliases) if name != canonical]
                entity.name = canonical
                renamed[entity.id] = canonical
        for attribution in extraction.attributions:
            speaker = attribution.speaker
            if speaker is None:
                continue
            for party in speaker.parties:
                party.name = renamed.get(party.entity, party.name)
            if speaker.members:  # a group's name joins its members'
                speaker.name = Speaker.group(speaker.members).name

    def canonical(self, name: str, entity_type: str) -> str:
        key = name_key(name, self.variants)
        known = self.by_key.get(key)
        if known is not None and known.isupper() and not name.isupper():
            self.by_key[key] = name  # "Moscow" over a dateline's "MOSCOW", from now on
            return name
        if known is not None:
            return known
        if entity_type == "PERSON" and key:
            full = self.by_surname.get(key[-1])
            if full is not None and (len(key) == 1 or len(full.split()) == 1):
                if len(key) > 1:  # a fuller name than the one known: it becomes canonical
                    self.by_surname[key[-1]] = name
                    self.by_key[key] = name
                    return name
                return full
            self.by_surname[key[-1]] = name
        self.by_key[key] = name
        return name
