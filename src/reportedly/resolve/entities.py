"""Group the named mentions of a document into entities, with the roles the text gives them.

Mentions of one referent join when their names match after normalisation (spellings,
honorifics, possessives), when a surname repeats a full name ("Lavrov" after "Sergei
Lavrov"), and when an acronym spells an organisation's name ("NATO"). A title before
the name ("Russia's foreign minister Sergei Lavrov") or an apposition on either side
("Lavrov, Russia's foreign minister"; "the foreign minister, Sergei Lavrov") gives the
entity its role.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from reportedly.model import Entity, Span
from reportedly.resolve.names import clean_name, initials, name_key

ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Types that can share a name: NER labels a surname PERSON in one sentence, ORG in the next.
NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "FAC", "LOC"})
_TITLE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
_SKIPPED_IN_ROLE = frozenset({"det", "poss", "case", "punct", "predet"})
_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})

IsTitle = Callable[[tuple[str, ...]], bool]


def collect_entities(
    doc: Doc, text: str, variants: dict[str, str], is_title: IsTitle, extra: list[SpacySpan] = ()
) -> list[Entity]:
    """One entity per referent among ``doc``'s named entities and the ``extra`` labelled
    spans (names NER missed), in order of first mention.

    ``text`` is ``doc.text``; ``variants`` maps spellings to canonical ones; ``is_title``
    tells whether a phrase (upper-case words) names a role or office.
    """
    entities: list[Entity] = []
    by_key: dict[tuple[str, ...], Entity] = {}
    by_surname: dict[str, Entity] = {}
    labels: dict[str, Counter[str]] = {}
    for ent in sorted([*doc.ents, *extra], key=lambda span: span.start):
        if ent.label_ not in ENTITY_TYPES:
            continue
        name = clean_name(ent.text)
        key = name_key(name, variants)
        if not key:
            continue
        entity = _known(ent.label_, name, key, by_key, by_surname, entities)
        if entity is None:
            entity = Entity(id=f"e{len(entities) + 1}", name=name, type=ent.label_)
            entities.append(entity)
            labels[entity.id] = Counter()
        labels[entity.id][ent.label_] += 1
        by_key.setdefault(key if ent.label_ != "NORP" else ("NORP", *key), entity)
        if ent.label_ == "PERSON":
            by_surname.setdefault(key[-1], entity)
            if len(name.split()) > len(entity.name.split()):
                entity.aliases.append(entity.name)
                entity.name = name
        if name != entity.name and name not in entity.aliases:
            entity.aliases.append(name)
        entity.mentions.append(Span.of(text, ent.start_char, ent.end_char))
        if entity.role is None and ent.label_ in {"PERSON", "ORG"}:
            found = role_of(ent, is_title)
            if found:
                entity.role, entity.description = found
    for entity in entities:
        entity.type = labels[entity.id].most_common(1)[0][0]
    return entities


def _known(
    label: str,
    name: str,
    key: tuple[str, ...],
    by_key: dict[tuple[str, ...], Entity],
    by_surname: dict[str, Entity],
    entities: list[Entity],
) -> Entity | None:
    """The entity a new mention belongs to, if one is already known."""
    if label == "NORP":
        return by_key.get(("NORP", *key))
    entity = by_key.get(key)
    if entity is not None and entity.type in NAMED_TYPES:
        return entity
    surname = by_surname.get(key[-1])
    if surname is not None and (len(key) == 1 or len(surname.name.split()) == 1):
        # "Lavrov" after "Sergei Lavrov", or "Sergei Lavrov" after a lone "Lavrov".
        return surname
    if label == "ORG":
        for other in entities:
            if other.type == "ORG" and (
                (name.isupper() and initials(other.name) == name)
                or (other.name.isupper() and initials(name) == other.name)
            ):
                return other
    return None


def role_of(ent: SpacySpan, is_title: IsTitle) -> tuple[str, str] | None:
    """The role a person mention's title or apposition gives it, and the description it
    came from: ("foreign minister", "Russia's foreign minister")."""
    for tokens in (_title_before(ent), _apposition_after(ent), _apposition_head(ent)):
        role_words = [
            token.text.lower()
            for token in tokens
            if token.dep_ not in _SKIPPED_IN_ROLE
            and token.ent_type_ not in _PLACE_LABELS
            and token.ent_type_ != "PERSON"
        ]
        if role_words and is_title(tuple(word.upper() for word in role_words)):
            description = " ".join(token.text for token in tokens if token.dep_ != "det")
            return " ".join(role_words), description.replace(" 's", "'s").replace(" ’s", "’s")
    return None


def _title_before(ent: SpacySpan) -> list[Token]:
    """ "Russia's foreign minister [Sergei Lavrov]": the words left of the name in its phrase."""
    for child in ent.root.lefts:
        if child.i < ent.start and child.dep_ in _TITLE_DEPS and not child.is_punct:
            return [token for token in child.doc[child.left_edge.i : ent.start] if not token.is_punct]
    return []


def _apposition_after(ent: SpacySpan) -> list[Token]:
    """ "[Lavrov], Russia's foreign minister, said": the apposition of the name."""
    for token in ent:
        for child in token.children:
            if child.dep_ == "appos" and child.i >= ent.end:
                return _cut_at_comma([t for t in child.subtree if t.i >= ent.end])
    return []


def _apposition_head(ent: SpacySpan) -> list[Token]:
    """ "the foreign minister, [Sergei Lavrov]": the noun the name is in apposition to."""
    root = ent.root
    head = root.head
    if root.dep_ == "appos" and head.i < ent.start and head.pos_ == "NOUN":
        return [token for token in head.subtree if token.i <= head.i]
    return []


def _cut_at_comma(tokens: list[Token]) -> list[Token]:
    kept = []
    for token in tokens:
        if token.text in {",", ";", "(", "—", "–"} or token.lower_ in {"who", "which", "that"}:
            if kept:
                break
            continue
        kept.append(token)
    return kept
