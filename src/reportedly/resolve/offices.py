"""Titles to offices, and offices to their holders on a day.

"Russia's foreign minister" designates an office (``foreign_minister`` of ``RUS``), and
the table ``data/office_holders.tsv`` says who held it on the publication date (Sergei
Lavrov, from 2004). The role lexicon ``data/roles.tsv`` tells which title phrases designate
an office and which only a role ("the coach"); a phrase's country comes from its country
word ("Russia's", "the Russian", "the U.S.", "of India"), else from the caller's default.
A user's actors file extends the table with an ``offices:`` section (see README).

A title designates an office only when nothing else qualifies it: "the former secretary
of state", "the deputy foreign minister", "Ontario Premier" and "the company's president"
designate none, so that a title resolves to no one rather than to a wrong holder.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType

from reportedly.attribution.lexicon import data_lines
from reportedly.model import Entity
from reportedly.resolve.actors import ActorCoder, ActorFileError, actor_document, iso_day, load_coder
from reportedly.resolve.dictionaries import Phrase, phrase_of

OFFICES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "press_secretary",
        "foreign_ministry_spokesperson",
        "secretary_general",
        "commission_president",
        "director_general",
        "managing_director",
        "republican_nominee",
        "democratic_nominee",
        "house_speaker",
        "senate_majority_leader",
    }
)
# Words that may stand before a title without changing whom it designates; any other
# ("former", "deputy", "acting", "Ontario", "company's") makes it designate no holder.
NEUTRAL_MODIFIERS = frozenset(
    {"the", "current", "new", "incumbent", "sitting", "serving", "outgoing", "present", "presumptive"}
)
_POSSESSIVE = re.compile(r"['’]s?$")
_TRIMMED = ',;:"“”()'


@dataclass(frozen=True, slots=True)
class OfficeTerm:
    """One holder's term: inclusive days, ``end`` None while in office. ``layer``: 0 for the
    shipped table, higher for a user's rows, which win over it."""

    office: str
    country: str
    name: str
    start: date
    end: date | None = None
    layer: int = 0

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class OfficeHolders:
    """Office holders by (office, country)."""

    terms: Mapping[tuple[str, str], tuple[OfficeTerm, ...]]

    def holder(self, office: str, country: str, on: date) -> str | None:
        """Who held ``office`` of ``country`` on the day ``on``; on a handover day the
        later term, and a user's term over a shipped one; None where no term covers it."""
        covering = [term for term in self.terms.get((office, country), ()) if term.holds_on(on)]
        if not covering:
            return None
        return max(covering, key=lambda term: (term.layer, term.start)).name

    def held_before(self, office: str, country: str, name: str, on: date) -> bool:
        """Whether ``name`` (by surname) held ``office`` of ``country`` before the day ``on``
        and does not hold it that day ("President Obama" in 2017)."""
        surname = name.split()[-1].lower() if name.split() else ""
        terms = [
            term for term in self.terms.get((office, country), ()) if term.name.split()[-1].lower() == surname
        ]
        return any(term.end is not None and term.end < on for term in terms) and not any(
            term.holds_on(on) for term in terms
        )

    def extended(self, terms: Iterable[OfficeTerm]) -> OfficeHolders:
        """This table with ``terms`` added over it: where they overlap its terms, they win."""
        layer = 1 + max((term.layer for group in self.terms.values() for term in group), default=0)
        merged = {key: list(group) for key, group in self.terms.items()}
        for term in terms:
            merged.setdefault((term.office, term.country), []).append(replace(term, layer=layer))
        return OfficeHolders(MappingProxyType({key: tuple(group) for key, group in merged.items()}))


@cache
def shipped_office_holders() -> OfficeHolders:
    """``data/office_holders.tsv``, read once per process (it never changes)."""
    terms: dict[tuple[str, str], list[OfficeTerm]] = {}
    for line in data_lines("office_holders.tsv")[1:]:  # after the header
        office, country, name, start, end, *_note = [*line.split("\t"), "", ""]
        term = OfficeTerm(
            office, country, name, date.fromisoformat(start), date.fromisoformat(end) if end else None
        )
        terms.setdefault((office, country), []).append(term)
    return OfficeHolders(MappingProxyType({key: tuple(group) for key, group in terms.items()}))


def read_office_terms(path: Path) -> tuple[OfficeTerm, ...]:
    """The ``offices:`` section of a user's actors YAML file: a list of
    ``{office, country, name, from, until}`` (``until`` optional)."""
    entries = actor_document(path).get("offices") or []
    if not isinstance(entries, list):
        raise ActorFileError(f"{path}: 'offices' is a list of office holders, not {entries!r}")
    terms = []
    for entry in entries:
        if not isinstance(entry, dict) or not all(
            entry.get(key) for key in ("office", "country", "name", "from")
        ):
            raise ActorFileError(
                f"{path}: each office needs 'office', 'country', 'name' and 'from': {entry!r}"
            )
        name = str(entry["name"])
        if entry["office"] not in OFFICES:
            known = ", ".join(sorted(OFFICES))
            raise ActorFileError(f"{path}: office {entry['office']!r} of {name!r} is none of {known}")
        start, end = iso_day(entry["from"], path, name), iso_day(entry.get("until"), path, name)
        if end is not None and end < start:
            raise ActorFileError(f"{path}: office holder {name!r} leaves office before taking it")
        terms.append(OfficeTerm(str(entry["office"]), str(entry["country"]).upper(), name, start, end))
    return tuple(terms)


def load_office_holders(actors: Path | None = None) -> OfficeHolders:
    """The shipped table, extended by the ``offices:`` of a user's actors file if it is
    YAML (a TABARI dictionary has none)."""
    shipped = shipped_office_holders()
    if actors is None or actors.suffix.lower() not in {".yaml", ".yml"}:
        return shipped
    return shipped.extended(read_office_terms(actors))


@dataclass(frozen=True, slots=True)
class Role:
    """A row of the role lexicon: a title phrase, the office it designates (None: a role
    that designates none), where it does (empty: anywhere) and the country it names."""

    phrase: str
    office: str | None
    only_in: frozenset[str]
    names: str | None


@dataclass(frozen=True, slots=True)
class TitleReader:
    """Reads title phrases with the role lexicon and a table of country and organisation
    names (upper-case phrases, as the actor dictionaries have them, to codes)."""

    roles: Mapping[Phrase, tuple[Role, ...]]
    places: Mapping[Phrase, str]

    def role(self, phrase: str) -> Role | None:
        """The lexicon entry of the title that ends ``phrase`` ("Russia's foreign minister":
        the office foreign minister; "the head coach": the role head coach)."""
        found = self._title(_words(phrase))
        if found is None:
            return None
        rows = self.roles[found]
        return next((row for row in rows if row.office is None), rows[0])

    def is_title(self, phrase: str) -> bool:
        """Whether a phrase is a title of the lexicon and nothing else ("Prime Minister",
        "High Representative"; not "Prime Minister Yildirim", "Simone Biles")."""
        words = _words(phrase)
        found = self._title(words)
        return found is not None and len(found) == len(words)

    def office(self, phrase: str, default_country: str | None) -> tuple[str, str] | None:
        """The office a title designates and its country or organisation: ("foreign_minister",
        "RUS") for "Russia's foreign minister"; the caller's ``default_country`` where the
        phrase names none ("the president"); None for a role ("the coach"), a qualified
        title ("the former president") or a title of no country known."""
        words = _words(phrase)
        for split in [len(words), *(i for i, (word, _) in enumerate(words) if word == "OF" and i > 0)]:
            head, tail = words[:split], words[split + 1 :]
            named = set()
            if tail:  # "the president of Russia", "the secretary-general of the UN"
                if tail[0][0] == "THE":
                    tail = tail[1:]
                place = self._places_only(tail)
                if place is None or len(place) != 1:
                    continue
                named |= place
            # The longest title whose words before are places and neutral modifiers alone:
            # "the European Commission president" is a president of the Commission.
            for found in self._titles(head):
                before = self._places_only(head[: len(head) - len(found)])
                if before is not None:
                    return self._office_of(self.roles[found], named | before, default_country)
        return None

    def _title(self, words: list[tuple[str, str]]) -> Phrase | None:
        """The longest lexicon phrase that ends ``words``."""
        return next(iter(self._titles(words)), None)

    def _titles(self, words: list[tuple[str, str]]) -> list[Phrase]:
        """The lexicon phrases that end ``words``, longest first."""
        upper = tuple(word for word, _ in words)
        return [upper[start:] for start in range(len(upper)) if upper[start:] in self.roles]

    def _places_only(self, words: list[tuple[str, str]]) -> set[str] | None:
        """The codes of the places ``words`` name, if they are place names and neutral
        modifiers alone ("the Russian", "Russia's", "U.S."); None if any word is other."""
        codes = set()
        start = 0
        while start < len(words):
            if words[start][0].lower() in NEUTRAL_MODIFIERS:
                start += 1
                continue
            for end in range(len(words), start, -1):
                code = self.places.get(tuple(word for word, _ in words[start:end]))
                # Places are named with capitals: "who" is no WHO.
                if code is not None and words[start][1][:1].isupper():
                    codes.add(code)
                    start = end
                    break
            else:
                return None
        return codes

    @staticmethod
    def _office_of(
        rows: tuple[Role, ...], named: set[str], default_country: str | None
    ) -> tuple[str, str] | None:
        if len(named) > 1:
            return None  # "the Russian and U.S. presidents" is no one office
        general = None
        for row in rows:
            if row.office is None:
                continue
            if row.names is not None:
                if named and named != {row.names}:
                    continue
                country = row.names
            else:
                country = next(iter(named), default_country)
            if country is None:
                continue
            if country in row.only_in:
                return row.office, country
            if not row.only_in and general is None:
                general = row.office, country
        return general


def _words(phrase: str) -> list[tuple[str, str]]:
    """A title's words as (upper-case dictionary form, original), possessives dropped and
    hyphens read as spaces ("Secretary-General", "Russia's")."""
    words = []
    for token in re.split(r"[\s\-–]+", phrase.replace("’", "'")):
        token = token.strip(_TRIMMED)
        if token in {"'s", "'"} or not token:
            continue  # a tokenizer's "Russia 's"
        bare = _POSSESSIVE.sub("", token)
        words.extend((word, bare) for word in phrase_of(bare))
    return words


def read_roles() -> dict[Phrase, tuple[Role, ...]]:
    """``data/roles.tsv``: title phrases (upper-case words) to their rows."""
    rows: dict[Phrase, list[Role]] = {}
    for line in data_lines("roles.tsv")[1:]:  # after the header
        phrase, kind, office, only_in, names = [*line.split("\t"), "", "", "", ""][:5]
        role = Role(phrase, office if kind == "office" else None, frozenset(only_in.split()), names or None)
        rows.setdefault(phrase_of(phrase), []).append(role)
    return {phrase: tuple(group) for phrase, group in rows.items()}


def title_reader(coder: ActorCoder) -> TitleReader:
    """A reader with ``coder``'s country names and adjectives and the organisations of
    ``data/office_bodies.tsv``."""
    places = dict(coder.countries)
    for line in data_lines("office_bodies.tsv"):
        name, code = line.split("\t")
        places[phrase_of(name)] = code
    return TitleReader(MappingProxyType(read_roles()), MappingProxyType(places))


@cache
def shipped_title_reader() -> TitleReader:
    """The reader of the shipped tables, built once per process."""
    return title_reader(load_coder())


def title_office(
    phrase: str, default_country: str | None, reader: TitleReader | None = None
) -> tuple[str, str] | None:
    """The (office, country) a title phrase designates (see :meth:`TitleReader.office`),
    read with the shipped tables unless a ``reader`` is given."""
    return (reader or shipped_title_reader()).office(phrase, default_country)


# Entities whose names place an article: countries, capitals, institutions, peoples.
_PLACING_TYPES = frozenset({"GPE", "ORG", "FAC", "NORP"})


def article_country(entities: Iterable[Entity], coder: ActorCoder, day: date | None) -> str | None:
    """The country a title that names none is of ("the president"): the country the
    article's places, institutions and peoples name most often, counted by mentions
    ("Washington", "the White House", "U.S.": USA; "Islamabad", "Pakistani": PAK); None on a
    tie or where none is named. People are not counted: a story about a foreign leader is
    still told from where its places are."""
    counts: Counter[str] = Counter()
    for entity in entities:
        if entity.type not in _PLACING_TYPES:
            continue
        code = next(
            (code for name in (entity.name, *entity.aliases) if (code := coder.code_name(name, day))), None
        )
        if code is not None and code[:3] in coder.country_codes:
            counts[code[:3]] += len(entity.mentions)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
