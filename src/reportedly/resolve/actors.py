"""Code entities as CAMEO-style actors (country + sector, e.g. ``RUSGOV``).

Knowledge comes from data: the PETRARCH/Phoenix actor and agent dictionaries shipped in
``data/petrarch/`` (MIT), the project's ``data/actors.yaml`` for office holders newer than
those dictionaries, and an optional user file of the same shape (``--actors FILE``).
Later sources win: user file over project file over dictionaries.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from difflib import SequenceMatcher
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from reportedly.attribution.lexicon import data_lines, word_set
from reportedly.model import Actor, Entity
from reportedly.resolve.dictionaries import (
    DatedCode,
    Phrase,
    code_on,
    names_without_brackets,
    phrase_of,
    read_actors,
    read_agents,
)
from reportedly.resolve.names import clean_name, spelling_key, undotted

ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
AGENT_FILE = "Phoenix.agents.txt"
# CAMEO's three-letter codes for actors of no one country: intergovernmental and
# non-governmental organisations, militant groups, multinationals, unidentified.
# Sectors of armed groups that act in more than one country, each branch its own.
ARMED = frozenset({"REB", "UAF", "INS", "SEP"})
TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS", "NGM", "INT"})
# Last words of the names of non-governmental organisations: every forum and foundation the
# dictionaries name is coded NGO, so one they lack is too ("the Third World Water Forum").
NGO_NAME_WORDS = frozenset({"forum", "foundation"})
# The CAMEO sector of humanitarian bodies ("IGOHLHIRC", the Red Cross): a country's society of
# such a movement is that country's NGO.
HUMANITARIAN = "HLH"
# What a people's or an adjective's name adds to its country's ("Israel-i", "Iraq-is").
PEOPLE_ENDINGS = frozenset({"I", "IS", "N", "NS", "AN", "ANS", "IAN", "IANS", "ESE", "ISH"})
# Endings that leave the country a word names: "Russia's", "Saudi-led".
_POSSESSIVE = re.compile(r"(['’]s?|-led)$", re.IGNORECASE)


# Words of organisations' names ("Fund", "Front", "Committee", "bureau"): an entry named with
# one is no person's; alone, such a word names no one organisation ("the House" is not the
# White House).
ORGANISATION_WORDS = word_set("organisation_words.txt")

# Entity types NER gives some foreign surnames ("Musharraf" ORG, "Vajpayee" GPE).
MISTYPED = frozenset({"ORG", "GPE", "NORP"})
# Initials in a name ("F.W.", "W."): the dictionaries write most names without them.
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
# Given names (``data/first_names.tsv``): a lone name that is one is no surname to look up.
FIRST_NAMES = frozenset(line.split("\t")[0].strip().lower() for line in data_lines("first_names.tsv"))
# Particles that begin surnames ("dos Santos", "de Klerk", "arap Moi", "bin Laden", "al-Assad"
# written "al Assad"): a name of two or more words that begins with one is a surname alone,
# not a given name and a surname.
SURNAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ben", "ibn", "abu", "arap", "ul", "da", "das", "de", "del", "della", "der"}
    | {"di", "do", "dos", "du", "la", "le", "van", "von", "ter"}
)
# Countries whose people carry a father's surname and then a mother's, news calling them by
# the father's ("ANDRES_PASTRANA_ARANGO": "Pastrana"; "CARLOS_SALINAS_DE_GORTARI": "Salinas").
TWO_SURNAMES = frozenset(
    {"ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "ESP", "GTM", "HND", "MEX", "NIC", "PAN"}
    | {"PER", "PRY", "SLV", "URY", "VEN"}
)
# How alike two spellings of a given name are at least (difflib's ratio) to be one name
# transliterated two ways ("Constantine", "Konstantinos": 0.78; "Michael", "John": 0.18).
GIVEN_NAME_LIKENESS = 0.7
# Words that begin a father's name in an Arabic name ("Fahd bin Abdul Aziz").
PATRONYMIC = frozenset({"BIN", "IBN", "BINT"})
# Honorifics the dictionaries write before some rulers' names ("SHEIKH_HAMAD_IBN_KHALIFAH").
HONORIFICS = frozenset({"SHEIKH", "SHAIKH", "EMIR", "AMIR", "SULTAN", "KING", "PRINCE"})
# Countries whose people news calls by the first word of their names: a surname written
# first ("ROH_MOO_HYUN": "Roh", "HU_JINTAO": "Hu"), or the given name where a second name is
# no family's ("THAKSIN_SHINAWATRA": "Thaksin", "MELES_ZENAWI": "Meles", "MEGAWATI_SUKARNOPUTRI").
FIRST_WORD_NAMED = frozenset({"CHN", "TWN", "HKG", "SGP", "KOR", "PRK", "THA", "IDN", "ETH", "ERI"})
# Surnames of fewer letters than this ("Roh", "Hu", "Kim", "Lee") are too many people's to be
# looked up but for those in office on the day.
SHORT_SURNAME = 4
# Years either side of a politician's dated offices within which their surname alone is
# theirs where no one of that name holds an office on the day (Ecevit in 1998, prime minister
# from 1999; Sihanouk in 1990, between his reigns).
CAREER_YEARS = 10

# Countries whose CAMEO code the agents dictionary uses for a sector (MUS: Muslims), to the
# code they go by here (Mauritius's IOC code), which data/cameo_legacy_countries.tsv gives
# back as ISO.
SECTOR_CLASHES = {"MUS": "MRI"}
LEGACY_COUNTRIES = dict(line.split("\t") for line in data_lines("cameo_legacy_countries.tsv"))


def iso_country(code: str) -> str:
    """A CAMEO country code as ISO 3166-1 alpha-3 (``ROM`` -> ``ROU``); others unchanged."""
    return LEGACY_COUNTRIES.get(code, code)


# British spellings in names that the dictionaries mostly write the American way.
_BRITISH = re.compile(r"(?i)(?<=i)s(?=ation)|(?<=defen)c(?=e\b)|(?<=lab)ou(?=r)|(?<=cent)re\b")
_AMERICAN = {"s": "z", "c": "s", "ou": "o", "re": "er"}


def american_spelling(word: str) -> str:
    """A name word spelt the American way ("Organisation" -> "Organization", "Defence" ->
    "Defense", "Labour" -> "Labor", "Centre" -> "Center")."""
    return _BRITISH.sub(lambda match: _case_as(match.group(0), _AMERICAN[match.group(0).lower()]), word)


def _case_as(original: str, replacement: str) -> str:
    return replacement.upper() if original.isupper() else replacement


class ActorFileError(ValueError):
    """An actors YAML file that cannot be read; the message names the file and the problem."""


@dataclass(slots=True)
class ActorTables:
    """Names to dated codes, agent nouns to sectors, spellings to canonical spellings."""

    actors: dict[Phrase, list[DatedCode]] = field(default_factory=dict)
    agents: dict[Phrase, str] = field(default_factory=dict)
    variants: dict[str, str] = field(default_factory=dict)

    def update(self, other: ActorTables) -> None:
        self.actors.update(other.actors)
        self.agents.update(other.agents)
        self.variants.update(other.variants)


def iso_day(value: Any, path: Path, name: str) -> date | None:
    """A YAML date value (a date or a YYYY-MM-DD string) of the entry `name` in `path`."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ActorFileError(f"{path}: actor {name!r} has a date that is not YYYY-MM-DD: {value!r}") from None


def actor_document(path: Path) -> dict[str, Any]:
    """The mapping an actors YAML file holds (its sections: ``actors``, ``variants``,
    ``agents``, ``offices``)."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        problem = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ActorFileError(f"{path}: cannot read actors file: {problem}") from None
    if not isinstance(document, dict):
        raise ActorFileError(
            f"{path}: an actors file is a mapping with 'actors', 'variants', 'agents', 'offices'"
        )
    return document


def read_actor_yaml(path: Path) -> ActorTables:
    """Read an actors YAML file (see ``data/actors.yaml`` for the shape)."""
    document = actor_document(path)
    tables = ActorTables()
    for entry in document.get("actors") or []:
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("codes"):
            raise ActorFileError(f"{path}: each actor needs a 'name' and a list of 'codes': {entry!r}")
        name = str(entry["name"])
        codes = []
        for code in entry["codes"]:
            if not isinstance(code, dict) or not code.get("code"):
                raise ActorFileError(f"{path}: actor {name!r} has a code without 'code': {code!r}")
            start, end = iso_day(code.get("from"), path, name), iso_day(code.get("until"), path, name)
            dated = start is not None or end is not None
            codes.append(DatedCode(str(code["code"]).upper(), start, end, dated))
        for alias in [name, *(entry.get("aliases") or [])]:
            tables.actors[phrase_of(str(alias))] = codes
            if len(name.split()) == 1 and len(str(alias).split()) == 1:
                # A one-word alias of a one-word name ("Roskosmos" of "Roscosmos") is another
                # spelling of it: mentions under either name group as one entity.
                tables.variants[str(alias).casefold()] = name
    for spellings in document.get("variants") or []:
        canonical = str(spellings[0])
        for spelling in spellings:
            tables.variants[str(spelling).casefold()] = canonical
    for noun, sector in (document.get("agents") or {}).items():
        tables.agents[phrase_of(str(noun))] = "~" + str(sector).upper()
    return tables


@cache
def shipped_tables() -> ActorTables:
    """The dictionaries and the project's actors file, read once per process."""
    data = resources.files("reportedly") / "data"
    tables = ActorTables()
    for name in ACTOR_FILES:
        with resources.as_file(data / "petrarch" / name) as path:
            tables.actors.update(_without_sector_clashes(read_actors(path)))
    with resources.as_file(data / "petrarch" / AGENT_FILE) as path:
        tables.agents.update(read_agents(path))
    tables.actors.update(_cities_elsewhere(tables.actors))
    with resources.as_file(data / "actors.yaml") as path:
        tables.update(read_actor_yaml(path))
    # Names written with bracketed acronyms ("IRISH_REPUBLICAN_ARMY_(IRA)_") as news writes
    # them, where no entry of any file has the name.
    tables.actors.update(names_without_brackets(tables.actors))
    return tables


# Small words that join the capitalised words of a place's name ("Port of Spain", "Trinidad
# and Tobago", "Dar es Salaam", "Sao Tome and Principe").
NAME_JOINERS = frozenset({"of", "and", "the", "es", "de", "del", "da", "do", "du", "la", "le", "au", "en"})


@cache
def city_countries() -> dict[str, str]:
    """The cities of ``data/event_cities.tsv`` (not capitals), by ``city_key``, to the ISO code
    of their country."""
    rows = (line.split("\t") for line in data_lines("event_cities.tsv"))
    return {city_key(name): country for name, country in rows}


def city_key(name: str) -> str:
    """A place's name as the city table is looked up by: its full stops left out ("St. Louis",
    "St Louis")."""
    return name.replace(".", "")


@cache
def capital_codes() -> dict[str, str]:
    """The capitals of ``data/event_capitals.tsv`` to the code of what they stand for as a
    party ("Moscow" RUSGOV, "Brussels" the EU)."""
    return dict(line.split("\t") for line in data_lines("event_capitals.tsv"))


# A place's name that a comma follows, before the state or country it is in ("Tripoli,
# Lebanon", "London, Ontario").
_QUALIFIER_COMMA = re.compile(r",[ \t]+")
# What joins the places of a list: before one ("Egypt[, ]Israel") and after one ("Syria[ and]",
# "France[, the UK]"; not "Santa Cruz, California[, arrested]").
_LIST_BEFORE = re.compile(r",[ \t]+$")
_LIST_AFTER = re.compile(r"\s+(?:and|or)\s|,[ \t]+(?:and\s|or\s|(?:the\s+)?[A-Z])")
_SET_OFF = re.compile(r"[,.;:)]|\s*$")
# The letters and hyphens either side of a name's mention: the whole hyphened word it is
# part of ("Guinea" of "Guinea-Bissau", "Timor" of "Timor-Leste"); the word before is sought
# within HYPHENED_REACH characters, since a search back from the text's start at each mention
# made the stage quadratic in the document's length.
_HYPHENED_BEFORE = re.compile(r"[\w-]*$")
HYPHENED_REACH = 64
_HYPHENED_AFTER = re.compile(r"[\w-]*")
# A small word of a place's name between two names NER cut it into ("Port [of] Spain").
_JOINER = r"\s+(?:" + "|".join(sorted(NAME_JOINERS)) + r")\s+(?:the\s+)?"
_JOINER_AFTER = re.compile(_JOINER)
_JOINER_BEFORE = re.compile(_JOINER + "$")


def code_places_in_text(entities: list[Entity], text: str, coder: ActorCoder, day: date | None) -> None:
    """Recode the places whose country the words around their name tell, where NER or the
    dictionaries read the name alone: a name NER cut at a hyphen ("Guinea" of
    "Guinea-Bissau" GIN, "Timor" of "Timor-Leste" IDN) is the hyphened name's; a city named
    with its state or country after a comma is of that one's country ("Tripoli, Lebanon"
    LBN, not Libya's; "London, Ontario" CAN; "Hyderabad, Pakistan" PAK), where the state is
    no city itself (not "Paris, London and Berlin"); a place the dictionaries code, only where
    the two are no list ("Santa Cruz, California," USA, not BOL; not "Egypt, Israel and
    Syria")."""
    places = [entity for entity in entities if entity.type == "GPE" and entity.mentions]
    if not places:
        return
    starts = {mention.start: entity for entity in places for mention in entity.mentions}
    ends = {mention.end: mention.start for entity in places for mention in entity.mentions}
    for entity in places:
        wholes = {_whole_name(text, mention.start, mention.end, starts, ends) for mention in entity.mentions}
        name = wholes.pop() if len(wholes) == 1 else None
        code = coder.code_name(name, day) if name else None
        if code is not None and code in coder.country_codes:
            entity.actor = coder.actor(code)
    for entity in places:
        city = _is_city(entity)
        for mention in entity.mentions:
            comma = _QUALIFIER_COMMA.match(text, mention.end)
            state = starts.get(comma.end()) if comma else None
            if state is None or state is entity or _is_city(state) or state.actor is None:
                continue
            if not city and not _qualifies(text, mention.start, comma.end() + len(state.name), ends):
                continue
            # of the state's country, whatever sector it speaks as ("Georgia, protested" GEOGOV)
            country = state.actor.code[:3]
            own = entity.actor.country if entity.actor else None
            if state.actor.country is None or state.actor.country == own:
                continue
            # A state's name that is also a country's: a city of no other country, or of
            # none known, named with it is the state's ("Athens, Georgia", "Savannah,
            # Georgia": USA, not GEO; "Atlanta, Georgia" stays USA, "Gori, Georgia" GEO).
            states = sorted(state_countries().get(state.name, ()))
            if own not in states:
                entity.actor = coder.actor(states[0] if states else country)
            break


# A name's mention with the two words after it ("Riot" of "Riot police used").
_WORDS_AFTER = re.compile(r"[\w-]+(?:\s+[\w-]+){0,2}")


def uncode_agent_words(entities: list[Entity], text: str, coder: ActorCoder) -> None:
    """Leave uncoded a one-word person's name that is, wherever it is mentioned, a word of an
    agent the dictionaries name with the words after it ("Riot" of "Riot police", a sentence's
    capitalised first word): a common word NER took for a name, whose surname lookup finds
    someone else ("Pussy Riot")."""
    for entity in entities:
        if entity.type != "PERSON" or entity.actor is None or " " in entity.name or not entity.mentions:
            continue
        runs = [_WORDS_AFTER.match(text, mention.start) for mention in entity.mentions]
        agents = [coder.agent_words(run.group(0)) if run else None for run in runs]
        if all(agent is not None and len(agent) > 1 and agent[0] == entity.name.upper() for agent in agents):
            entity.actor = None


def _whole_name(
    text: str, start: int, end: int, starts: dict[int, Entity], ends: dict[int, int]
) -> str | None:
    """The whole name a place's mention at ``start:end`` is part of: the hyphened word ("Guinea"
    of "Guinea-Bissau"), or the names a small word joins it to ("Spain" of "Port of Spain",
    NER's "Port" and "Spain"; by the mentions that begin at ``starts`` and end at ``ends``);
    None where it is a name of its own."""
    before = _HYPHENED_BEFORE.search(text, max(0, start - HYPHENED_REACH), start)
    after = _HYPHENED_AFTER.match(text, end)
    first = before.start() if before and text[before.start() : start].endswith("-") else start
    last = after.end() if after and text[end : after.end()].startswith("-") else end
    if (joiner := _JOINER_AFTER.match(text, last)) and joiner.end() in starts:
        last = next(m.end for m in starts[joiner.end()].mentions if m.start == joiner.end())
    if (joiner := _JOINER_BEFORE.search(text, max(0, first - 12), first)) and joiner.start() in ends:
        first = ends[joiner.start()]
    return text[first:last] if (first, last) != (start, end) else None


def _qualifies(text: str, start: int, end: int, ends: dict[int, int]) -> bool:
    """Whether the second of two places named from ``start`` to ``end`` says where the first
    is: set off by punctuation after it ("Santa Cruz, California, arrested"; not "In Syria,
    Russia launched"), and no list ("Egypt, Israel and Syria": a place's name ends before the
    two with a comma, or "and", "or" or another place follows)."""
    before = _LIST_BEFORE.search(text, max(0, start - 6), start)
    if before is not None and before.start() in ends:
        return False
    return _LIST_AFTER.match(text, end) is None and _SET_OFF.match(text, end) is not None


def _is_city(entity: Entity) -> bool:
    """Whether a place is a city, or a town no dictionary places: a city table's or a
    capital's name."""
    return entity.actor is None or city_or_capital(entity.name)


def city_or_capital(name: str) -> bool:
    """Whether a place's name is a city's of the city table or a capital's, not a country's."""
    key = city_key(name)
    return key in city_countries() or key in capital_codes()


@cache
def state_countries() -> dict[str, frozenset[str]]:
    """Names of states or provinces that are also countries' names (``data/place_states.tsv``:
    "Georgia" USA), to the countries that have a state of that name."""
    found: dict[str, set[str]] = defaultdict(set)
    for line in data_lines("place_states.tsv"):
        name, country = line.split("\t")
        found[name].add(country)
    return {name: frozenset(countries) for name, countries in found.items()}


def _without_sector_clashes(actors: dict[Phrase, list[DatedCode]]) -> dict[Phrase, list[DatedCode]]:
    """The dictionaries' actors with a country's code that is also a sector's as another code
    of that country (``SECTOR_CLASHES``: Mauritius's MUS, the agents' Muslims, as MRI), so
    that the country is one ("Mauritian police", "Port Louis") and the sector none; each
    entry's names keep sharing one list of codes."""
    renamed: dict[int, list[DatedCode]] = {}
    for codes in actors.values():
        if id(codes) not in renamed and any(code.code[:3] in SECTOR_CLASHES for code in codes):
            renamed[id(codes)] = [
                replace(code, code=SECTOR_CLASHES[code.code[:3]] + code.code[3:])
                if code.code[:3] in SECTOR_CLASHES
                else code
                for code in codes
            ]
    return {phrase: renamed.get(id(codes), codes) for phrase, codes in actors.items()}


def _cities_elsewhere(actors: dict[Phrase, list[DatedCode]]) -> dict[Phrase, list[DatedCode]]:
    """The cities of ``data/event_cities.tsv`` that the dictionaries name as places of another
    country: of the table's. A name several countries' places share is the table's for the
    larger city ("Cordoba" ARG, "Cartagena" COL), where the dictionaries took one as it came
    (ESP, ESP)."""
    found = {}
    for city, country in city_countries().items():
        codes = actors.get(phrase_of(city), [])
        if len(codes) == 1 and not codes[0].dated and len(codes[0].code) == 3 and codes[0].code != country:
            found[phrase_of(city)] = [DatedCode(country)]
    return found


# A capitalised word after an elided article ("d'Ivoire" of "Cote d'Ivoire").
_ELIDED_CAPITAL = re.compile(r"[dl]['’][A-Z]")


def _capitalised(words: Phrase, text: str) -> Phrase:
    """The dictionary ``words`` of ``text`` that it writes with a capital, and the small words
    that join capitalised ones in a name ("of" of "Port of Spain", "and the" of "Saint
    Vincent and the Grenadines"); the others blank, so that no name is read across them
    (else "Port of Spain" would name Spain)."""
    originals = re.split(r"[\s_]+", text.strip())
    kept = [original[:1].isupper() or _ELIDED_CAPITAL.match(original) is not None for original in originals]
    for place in range(1, len(originals) - 1):
        joins = originals[place] in NAME_JOINERS and kept[place - 1]
        before_capital = any(later[:1].isupper() for later in originals[place + 1 : place + 3])
        kept[place] = kept[place] or (joins and before_capital)
    return tuple(word if keep else "" for word, keep in zip(words, kept, strict=False))


@cache
def load_coder() -> ActorCoder:
    """The coder of the shipped tables alone, built once per process (building one indexes
    every dictionary name). A run with a user's actors file builds its own, in its resources."""
    return ActorCoder()


def _in_office(codes: Iterable[DatedCode], day: date) -> bool:
    """Whether an entry's dated codes hold a government office (GOV) or one of an
    international body (IGO: a secretary-general's, an envoy's) on ``day``."""
    return any(code.dated and _office(code.code) and code.holds_on(day) for code in codes)


def _office(code: str) -> bool:
    """Whether a dated code is an office: a government's (GOV) or an international body's."""
    return code[3:6] == "GOV" or code[:3] == "IGO"


def _politician(codes: Iterable[DatedCode]) -> bool:
    """Whether an entry is a politician the dictionaries follow in and out of office (ELI
    and GOV codes)."""
    return {"ELI", "GOV"} <= {code.code[3:6] for code in codes}


def _international_official(codes: Iterable[DatedCode]) -> bool:
    """Whether an entry is an official of an international body for a term (a dated IGO
    code: "Boutros-Ghali", "Ogata")."""
    return any(code.dated and code.code[:3] == "IGO" for code in codes)


def _near_career(codes: Iterable[DatedCode], day: date) -> bool:
    """Whether an entry is a lasting figure (an undated code besides its dated offices) whose
    offices began or ended within ``CAREER_YEARS`` of ``day``."""
    codes = list(codes)
    if all(code.dated for code in codes):
        return False
    margin = CAREER_YEARS * 365
    return any(
        code.dated
        and (code.start is None or (code.start - day).days <= margin)
        and (code.end is None or (day - code.end).days <= margin)
        for code in codes
    )


def _fathers_name(phrase: Phrase) -> set[int]:
    """The places of the words of a father's name in an Arabic name: after "bin" or "ibn",
    up to a family name's "al" ("FAHD BIN ABDUL AZIZ": 3, 4; "HAMAD BIN KHALIFA AL THANI":
    3). "bin Laden" itself, begun by the particle, is a family's name."""
    inside, places = False, set()
    for place, word in enumerate(phrase):
        if word in PATRONYMIC:
            inside = True
        elif word in {"AL", "EL"} or word.startswith(("AL-", "EL-")):
            inside = False
        elif inside:
            places.add(place)
    return places


def _particle_surname(name: str) -> bool:
    """Whether a name of several words is a surname that begins with a particle ("dos
    Santos", "De Klerk", "arap Moi")."""
    words = name.replace("-", " ").split()
    return len(words) > 1 and words[0].lower() in SURNAME_PARTICLES and words[-1][:1].isupper()


# The last part of a hyphened word that says whose people own or flag a thing.
_OWNING = frozenset({"OWNED", "FLAGGED", "REGISTERED", "OPERATED"})


class ActorCoder:
    """Looks up actor codes for names and descriptions on a given day."""

    def __init__(self, user_file: Path | None = None) -> None:
        shipped = shipped_tables()
        if user_file is None:
            self.tables = shipped
        else:
            self.tables = ActorTables(dict(shipped.actors), dict(shipped.agents), dict(shipped.variants))
            if user_file.suffix.lower() in {".yaml", ".yml"}:
                self.tables.update(read_actor_yaml(user_file))
            else:  # a TABARI/PETRARCH actor dictionary
                self.tables.actors.update(read_actors(user_file))
        # Country entries carry a bare three-letter code: their names and adjectives
        # ("Russia", "Russian") give an actor's country. Bare sector codes ("Reuters"
        # [MED]) are no countries.
        sectors = {code.strip("~")[:3] for code in self.tables.agents.values()}
        self.countries = {
            phrase: code
            for phrase, codes in self.tables.actors.items()
            if (code := code_on(codes, None))
            and len(code) == 3
            and code.isalpha()
            and code not in TRANSNATIONAL
            and code not in sectors
        }
        self.country_codes = frozenset(self.countries.values())
        # Intergovernmental organisations by name ("UN", "European Union"), which name the
        # bodies and offices of theirs that the dictionaries lack ("the UN Migration Agency").
        self.organisations = {
            phrase: code
            for phrase, codes in self.tables.actors.items()
            if (code := code_on(codes, None)) and code.startswith("IGO")
        }
        self.surnames = self._surnames()

    def _surnames(self) -> frozenset[str]:
        """Spelling keys of one-word names that end a longer name of the same entry ("Putin"
        of "Vladimir Putin"): a person's surname, where NER may miss the person."""
        entries: dict[int, list[Phrase]] = defaultdict(list)
        for phrase, codes in self.tables.actors.items():
            if not any(code.code in self.country_codes for code in codes):
                entries[id(codes)].append(phrase)
        surnames = set()
        for phrases in entries.values():
            last_words = {
                spelling_key(p[-1], self.tables.variants) for p in phrases if len(p) > 1 and p[0] != "THE"
            }
            surnames.update(
                key
                for p in phrases
                if len(p) == 1 and (key := spelling_key(p[0], self.tables.variants)) in last_words
            )
        return frozenset(surnames)

    @cached_property
    def _partial_names(self) -> dict[Phrase, list[list[DatedCode]]]:
        """The people of the dictionaries by the shorter forms news writes their names in: a
        surname ("Arafat" of "Yasir Arafat"), the last words ("Perez de Cuellar" of "Javier
        Perez de Cuellar") and the first name with the last ("Laurent Kabila" of "Laurent
        Desire Kabila"); each form with every entry that has it. Indexed once, looked up by
        the form."""
        entries: dict[int, tuple[list[DatedCode], list[Phrase]]] = {}
        for phrase, codes in self.tables.actors.items():
            entries.setdefault(id(codes), (codes, []))[1].append(phrase)
        forms: dict[Phrase, dict[int, list[DatedCode]]] = defaultdict(dict)
        for key, (codes, phrases) in entries.items():
            # A place's entry carries a bare country code ("Leipzig" DEU), an organisation's
            # a first name with a word of organisations ("Fund", "Front"): neither is a
            # person's (whose other names may hold one: "Moscow Party chief Boris Yeltsin").
            if any(code.code in self.country_codes for code in codes) or any(
                word.lower() in ORGANISATION_WORDS for word in phrases[0]
            ):
                continue
            home = self._home_of(codes)
            first_word_named, two_surnames = home in FIRST_WORD_NAMED, home in TWO_SURNAMES
            for phrase in phrases:
                if len(phrase) < 2 or phrase[0] == "THE":
                    continue
                # a father's name is no one's surname ("Aziz" of "Fahd bin Abdul Aziz")
                fathers = _fathers_name(phrase) if PATRONYMIC.intersection(phrase) else set()
                starts = [start for start in range(1, len(phrase)) if start not in fathers]
                shorter = [phrase[start:] for start in starts]
                shorter += [phrase[:1] + phrase[start:] for start in starts if start > 1]
                shorter += [phrase[:end] for end in range(2, len(phrase))]  # "Sheikh Hasina"
                if first_word_named:
                    shorter.append(phrase[:1])  # "Roh" of "Roh Moo Hyun"
                # An Arabic name with a father's ("Hamad bin Isa Al Khalifa"), after an
                # honorific or not ("Sheikh Hamad ibn Khalifah Al Thani"): news calls
                # rulers by the given name ("Sheikh Hamad", "King Fahd").
                named = phrase[1:] if phrase[0] in HONORIFICS else phrase
                if len(named) > 2 and named[1] in PATRONYMIC:
                    shorter.append(named[:1])
                if two_surnames:
                    # a middle word that is no given name nor particle: a father's surname
                    shorter += [
                        phrase[place : place + 1]
                        for place in range(1, len(phrase) - 1)
                        if phrase[place].lower() not in FIRST_NAMES
                        and phrase[place].lower() not in SURNAME_PARTICLES
                    ]
                for form in shorter:
                    if (
                        len(form[-1]) > (1 if first_word_named else 2)
                        and form[-1].isalpha()
                        and form not in self.tables.agents
                        and not any(word.lower() in ORGANISATION_WORDS for word in form)
                    ):
                        forms[form][key] = codes
        return {form: list(found.values()) for form, found in forms.items()}

    def code_person(
        self, names: Iterable[str], day: date | None, leaders_only: bool = False, in_office: bool = False
    ) -> str | None:
        """The code of a person the dictionaries know by a longer name than the text gives:
        by a fuller form of the names ("Laurent Kabila", "Perez de Cuellar", "Sheikh
        Hasina"), spelt as the dictionaries do ("Jean-Bertrand Aristide", "F.W. de Klerk"),
        else, where the text gives no name of more than one word, by the capitalised surname
        alone ("Arafat"). A form several entries share is of their country where they are
        all of one ("Aliyev": AZE) and of no one otherwise; on a known day, only the people
        whose dated codes hold on it count, so that a name is not taken for someone of
        another era; ``in_office``: only the leaders in office (GOV) on ``day``."""
        cleaned = [clean_name(name) for name in names]
        fuller = [name for name in cleaned if len(name.split()) > 1 and not _particle_surname(name)]
        if not fuller:
            # A lower-case word NER took for a name ("don" of "don't") is none.
            cleaned = [name for name in cleaned if name[:1].isupper() or _particle_surname(name)]
        for name in fuller or cleaned:
            # A surname of fewer than four letters is too many people's ("Kim", "Lee", "Li"):
            # only those in office on the day ("Roh" in 2005).
            short = not fuller and len(name) < SHORT_SURNAME
            if short and day is None:
                continue
            for form in self._spellings(name):
                code = self._code_of_form(form, day, not fuller, leaders_only, in_office or short)
                if code is not None and not (fuller and self._common_surname(form, code)):
                    return code
        # A fuller name the dictionaries spell otherwise ("Constantine Mitsotakis": they have
        # KONSTANTINOS_MITSOTAKIS) is the one in office on the day of that surname and a
        # given name spelt alike ("Michael Howard" is not John Howard).
        for name in fuller if day is not None else ():
            words = name.replace("-", " ").split()
            serving = [
                codes
                for codes in self._partial_names.get(phrase_of(words[-1]), [])
                if _in_office(codes, day) and self._given_name_alike(words[0], codes)
            ]
            homes = {self._home_of(codes) for codes in serving}
            if len(homes) == 1 and None not in homes:
                return code_on(serving[0], day) if len(serving) == 1 else homes.pop()
        return None

    def opens_body_name(self, word: str) -> bool:
        """Whether a word opens the name of a firm or another body of no one country that the
        dictionaries hold ("Ford": "Ford Motor", "Ford Foundation")."""
        return phrase_of(word) in self._body_first_words

    @cached_property
    def _body_first_words(self) -> frozenset[Phrase]:
        """The first words of the names of the firms and other bodies of no one country the
        dictionaries hold ("FORD" of "FORD_MOTOR" MNCUSA, of "FORD_FOUNDATION" NGOUSA)."""
        return frozenset(
            phrase[:1]
            for phrase, codes in self.tables.actors.items()
            if len(phrase) > 1 and any(code.code[:3] in TRANSNATIONAL for code in codes)
        )

    def _given_name_alike(self, given: str, codes: list[DatedCode]) -> bool:
        """Whether a given name is spelt like the first word of a name of the entry of
        ``codes`` ("Constantine": KONSTANTINOS; "Atal": ATAL), as transliterations vary."""
        given = given.upper()
        return any(
            SequenceMatcher(None, given, first).ratio() >= GIVEN_NAME_LIKENESS
            for first in self._first_words.get(id(codes), ())
        )

    @cached_property
    def _first_words(self) -> dict[int, set[str]]:
        """The first words of each entry's names, by the entry's codes."""
        words: dict[int, set[str]] = defaultdict(set)
        for phrase, codes in self.tables.actors.items():
            words[id(codes)].add(phrase[0])
        return words

    def _common_surname(self, form: Phrase, code: str) -> bool:
        """Whether a two-word name is too common to stand for the longer name it shortens:
        its surname alone is that of people of other countries too ("John Smith" is not
        "John Hilary Smith" of Kiribati; "Laurent Kabila" is Laurent Desire Kabila, the
        Kabilas being Congolese). Of any era: that no other of the name holds an office on
        the day ("Joseph Kabila" in 2003, his father dead) makes it no rarer."""
        if len(form) != 2 or form[-1:] not in self._partial_names:
            return False
        alone = self._code_of_form(form[-1:], None, surname=True)
        return alone is None or alone[:3] != code[:3]

    def _spellings(self, name: str) -> dict[Phrase, None]:
        """A name's dictionary phrase as written, with canonical spellings, with dotted
        acronyms undotted, the American way, with hyphens as spaces ("Jean-Bertrand") and
        without initials ("F.W."), in that order."""
        words = name.split()
        canonical = " ".join(map(self.canonical_spelling, words))
        return dict.fromkeys(
            phrase
            for phrase in (
                phrase_of(name),
                phrase_of(canonical),
                # The dictionaries spell some acronyms with dots, some without ("U.S.", "USA"),
                phrase_of(" ".join(map(undotted, words))),
                # and most names the American way ("Palestine Liberation Organisation").
                phrase_of(" ".join(map(american_spelling, words))),
                phrase_of(canonical.replace("-", " ")),
                phrase_of(" ".join(word for word in canonical.split() if not _INITIALS.fullmatch(word))),
            )
            if phrase
        )

    def _code_of_form(
        self,
        form: Phrase,
        day: date | None,
        surname: bool,
        leaders_only: bool = False,
        in_office: bool = False,
    ) -> str | None:
        """The code of the people a shorter form of a name is of, where they are of one
        country. A surname alone stands for the politicians of that name whom the
        dictionaries follow in and out of office (ELI and GOV codes: "Sharon" Ariel Sharon,
        not a minister of that name), where there are any; else for whoever has it, unless
        it is also a first name ("Antoine") or only ``leaders_only`` count; with
        ``in_office``, only for those in office (a GOV code) on ``day``."""
        entries = self._partial_names.get(form, [])
        if day is not None:
            # those of the name in some office on the day, else the lasting figures of a
            # surname whose careers reach it; a fuller name ("Tariq Aziz") is its bearer's
            # whenever they served
            held = [codes for codes in entries if any(c.dated and c.holds_on(day) for c in codes)]
            entries = held or [codes for codes in entries if not surname or _near_career(codes, day)]
        if in_office:
            entries = [codes for codes in entries if day is not None and _in_office(codes, day)]
        leaders: list[list[DatedCode]] = []
        if surname:
            # a country's politicians before an international body's officials ("Soares" in
            # 1988: Portugal's president, not the OAS's secretary-general)
            leaders = [codes for codes in entries if _politician(codes)] or [
                codes for codes in entries if _international_official(codes)
            ]
            leaders_needed = leaders_only or form[0].lower() in FIRST_NAMES
            entries = leaders or ([] if leaders_needed else entries)
        # An international body's officials are its own by their surname as a country's are
        # theirs ("Boutros-Ghali" IGOUNO, "Akashi", "Camdessus").
        homes = {self._home_of(codes, bodies=True) for codes in entries}
        if len(homes) > 1 and leaders and day is not None:
            # politicians of several countries: those of them in office on the day ("Castro"
            # in 1990); not bearers of a common name part ("Aziz"), whom no one follows
            entries = [codes for codes in entries if _in_office(codes, day)]
            homes = {self._home_of(codes, bodies=True) for codes in entries}
        if len(homes) != 1 or None in homes:
            return None
        (home,) = homes
        held = {code_on(codes, day) for codes in entries}
        code = held.pop() if len(held) == 1 and None not in held else home
        return home if self._bare_sector(code) else code  # "[ELI]", once an office ended

    def _home_of(self, codes: Iterable[DatedCode], bodies: bool = False) -> str | None:
        """The one country all of an entry's codes are of (with ``bodies``, or the one kind
        of international body: IGO), a bare sector ("[ELI]") of none, else None."""
        countries = {code.code[:3] for code in codes if not self._bare_sector(code.code)}
        country = next(iter(countries)) if len(countries) == 1 else None
        return country if country in self.country_codes or (bodies and country in TRANSNATIONAL) else None

    def _bare_sector(self, code: str) -> bool:
        """Whether a dictionary code is a sector of no country or body ("ELI", "---")."""
        return len(code) == 3 and code not in self.country_codes and code not in TRANSNATIONAL

    def country_name(self, code: str) -> str | None:
        """The name of the country a code is of ("CHNGOV": "China"), as the dictionaries'
        entry for it with the most names first writes it."""
        return self._country_names.get(code[:3])

    @cached_property
    def _country_names(self) -> dict[str, str]:
        # A country's own entry has the most names (its adjectives and other spellings);
        # others of its bare code are its cities ("Leipzig" DEU). An entry named by an
        # adjective of another name ("Israeli" of "Israel") is the people's, not the country's.
        entries: dict[int, list[Phrase]] = defaultdict(list)
        for phrase, codes in self.tables.actors.items():
            if phrase in self.countries:
                entries[id(codes)].append(phrase)
        spelt: dict[str, set[str]] = defaultdict(set)
        for phrase, code in self.countries.items():
            spelt[code].add(" ".join(phrase))
        largest: dict[str, list[Phrase]] = {}
        for phrases in entries.values():
            code, first = self.countries[phrases[0]], " ".join(phrases[0])
            adjective = any(
                first.removeprefix(other) in PEOPLE_ENDINGS for other in spelt[code] if other != first
            )
            if not adjective and len(phrases) > len(largest.get(code, ())):
                largest[code] = phrases
        small = {"OF", "AND", "THE"}
        return {
            code: " ".join(word.lower() if word in small else word.capitalize() for word in phrases[0])
            for code, phrases in largest.items()
        }

    def is_surname(self, name: str) -> bool:
        return spelling_key(clean_name(name), self.tables.variants) in self.surnames

    def canonical_spelling(self, word: str) -> str:
        """The canonical spelling of a name word ("Kiev" -> "Kyiv"), or the word itself."""
        return self.tables.variants.get(word.casefold(), word)

    def code_name(self, name: str, day: date | None) -> str | None:
        """The code of a proper name ("Sergei Lavrov", "Mr. Zelenskiy", "the Kremlin")."""
        codes = self._codes_of_name(name)
        return code_on(codes, day) if codes else None

    def home_country(self, name: str) -> str | None:
        """The one country every code of a name is of, whatever their dates ("Rajiv Gandhi":
        INDELI and INDGOV, dated, so IND): who a person acts for is known where the day, and
        so the office, is not. None for a name of no country or of several."""
        codes = self._codes_of_name(name)
        return self._home_of(codes) if codes else None

    @lru_cache(maxsize=65536)  # noqa: B019 - coders live as long as the process; names repeat
    def _codes_of_name(self, name: str) -> list[DatedCode] | None:
        for candidate in self._spellings(clean_name(name)):
            codes = self.tables.actors.get(candidate)
            if codes:
                return codes
        return None

    def code_description(self, description: str, day: date | None) -> str | None:
        """The code a description gives: its country ("Russia's", "Ukrainian") and the
        sector of its agent noun ("foreign minister" GOV, "general" MIL)."""
        name = self._country_phrase(description)
        country = self._country_on(name, day) if name else None
        sector = self.sector_of(description)
        if country and sector:
            return country + sector
        return country

    def description_countries(self, description: str) -> frozenset[str]:
        """Every country the country name a description holds is of on some day: two for a
        name of two states by era ("Congolese": COG, COD), else one, else none."""
        name = self._country_phrase(description)
        if name is None:
            return frozenset()
        dated = {code.code[:3] for code in self.tables.actors[name]} & self.country_codes
        return frozenset(dated | {self.countries[name]})

    def _country_phrase(self, description: str) -> Phrase | None:
        """The dictionaries' country name a description holds, if any."""
        words = tuple(_POSSESSIVE.sub("", word) for word in phrase_of(description))
        # Countries are named with capitals ("Russia's", "Ukrainian"): lower-case words
        # that happen to spell a dictionary name ("occupied territories") are no country.
        named = _capitalised(words, description)
        # Peoples name countries too ("Albanians" as "Albanian", "Turks" as "Turk"), and
        # adjectives the dictionaries lack their country's name ("Kampuchean": "Kampuchea",
        # "Kampucheans"). The longest name any of these forms holds wins: "Papua New
        # Guineans" is PNG, not Indonesia's province of Papua.
        stems = tuple(word[:-1] if word.endswith(("S", "N")) else word for word in named)
        peoples = tuple(word[:-2] if word.endswith("NS") else word for word in named)
        # A name the dictionaries write without its hyphens ("Guinea-Bissau", "Timor-Leste");
        # not other hyphened words ("Israeli-Palestinian" is neither alone).
        unhyphened = tuple(part for word in named for part in self._hyphened_name(word))
        forms = (named, stems, peoples, unhyphened)
        found = [match for form in forms if (match := self._longest_match(form, self.countries))]
        return max(found, key=lambda match: match[0])[2] if found else None

    def _hyphened_name(self, word: str) -> tuple[str, ...]:
        """A hyphened word's parts where they are a country's name, else the word; a word of
        ownership's first parts ("Greek-owned", "Liberian-flagged"): a ship or a firm is of
        the state whose people own or flag it (not "Iranian-made" or "US-backed")."""
        parts = tuple(word.split("-"))
        if len(parts) < 2:
            return (word,)
        named = parts[:-1] if parts[-1] in _OWNING else parts
        return named if named in self.countries else (word,)

    def code_head_name(self, words: str, day: date | None) -> str | None:
        """The code of a name of an actor of its own (not a bare country) that ends a noun
        phrase, after words that qualify it ("Iranian Revolutionary Guards": "Revolutionary
        Guards" IRNMIL; "the Palestinian militant group Hamas")."""
        tokens = words.split()
        for start in range(1, len(tokens)):
            if tokens[start][:1].isupper():
                head = " ".join(tokens[start:])
                code = self.code_name(head, day)
                if code is None or code in self.country_codes:
                    continue
                # A body's common name after another country's ("Jordanian Senate") is that
                # country's, not the one the dictionaries give the name (the US Senate); an
                # armed group's, its branch there ("Pakistani Taliban").
                qualifier = " ".join(tokens[:start])
                if self.body_of_country(qualifier, head, code, day):
                    return None
                return self.branch_of(qualifier, code, day) or code
        return None

    def branch_of(self, words: str, code: str, day: date | None) -> str | None:
        """The code of an armed group's (``code``) branch in another country, where a people's
        adjective ends ``words`` ("Pakistani" of "the Pakistani Taliban": PAKREB, the
        dictionaries' Taliban being AFGREB); not "Iranian-backed" nor the group's own
        country's adjective ("the Lebanese Hezbollah")."""
        sectors = {code[start : start + 3] for start in range(3, len(code), 3)}
        adjective = words.split()[-1] if words.split() else ""
        if code[:3] not in self.country_codes or not sectors & ARMED or not adjective.isalpha():
            return None
        stated = self.code_description(adjective, day)
        country = stated[:3] if stated is not None else None
        return country + code[3:] if country in self.country_codes and country != code[:3] else None

    def body_of_country(self, words: str, name: str, code: str, day: date | None) -> str | None:
        """The code ``words`` give a body named by a common noun ("Senate", "Supreme Court")
        that the dictionaries give one country (``code``), where they name another country:
        "Jordanian" of "The Jordanian Senate" JOR, not the USA of "Senate". None where the
        name is a proper one ("Hezbollah") or names its country itself."""
        if not self.is_common_body(name, day):
            return None
        stated = self.code_description(words, day)
        country = stated[:3] if stated is not None else None
        return stated if country in self.country_codes and country != code[:3] else None

    def is_common_body(self, name: str, day: date | None) -> bool:
        """Whether a name is a body's common noun, an agent of the dictionaries whole
        ("Senate", "Supreme Court", which they also give the US), not a proper name
        ("Hezbollah", "National Liberation Army") nor one of its country."""
        return phrase_of(name) in self.tables.agents and self.code_description(name, day) is None

    def code_qualifier_name(self, words: str, day: date | None) -> str | None:
        """The code of an actor of its own (not a bare country) that a noun phrase names
        before its head, to say whose the head is ("Islamic State targets", "Hamas
        positions"): the longest such name its capitalised words hold."""
        capitalised = _capitalised(phrase_of(words), words)[:-1]
        for length in range(len(capitalised), 0, -1):
            for start in range(len(capitalised) - length + 1):
                codes = self.tables.actors.get(capitalised[start : start + length])
                code = code_on(codes, day) if codes else None
                if code is not None and code not in self.country_codes:
                    return code
        return None

    def code_organisation(self, name: str) -> str | None:
        """The code of the intergovernmental organisation a longer name names as a word of
        its own ("UN Migration Agency" IGOUNO, "United Nations Human Rights Commissioner")."""
        return self._longest(_capitalised(phrase_of(name), name), self.organisations)

    def sector_of(self, description: str) -> str | None:
        """The sector of a description's agent noun ("President Dos Santos" GOV, "troops"
        MIL), whatever country it is of."""
        words = tuple(_POSSESSIVE.sub("", word) for word in phrase_of(description.replace("-", " ")))
        sector = self._longest(words, self.tables.agents)
        # Prefix agents ("IGO~") need a named organisation: no sector on their own.
        return sector[1:] if sector is not None and sector.startswith("~") else None

    def agent_words(self, description: str) -> Phrase | None:
        """The words of a description that the agents dictionary names its agent by ("RIOT
        POLICE" of "Riot police in Harare"), None where it names none."""
        words = tuple(_POSSESSIVE.sub("", word) for word in phrase_of(description.replace("-", " ")))
        match = self._longest_match(words, self.tables.agents)
        return match[2] if match else None

    def code_entity(
        self, entity: Entity, day: date | None, speaks: bool, description: str | None = None
    ) -> Actor | None:
        """An entity's actor: its name's code ("Sergei Lavrov"), else the code the
        ``description`` its role came from gives ("Russia's foreign minister"). A country
        or capital that speaks ("Kyiv said") speaks for its government."""
        code = next(
            (code for name in (entity.name, *entity.aliases) if (code := self.code_name(name, day))), None
        )
        # A person the text names more briefly than the dictionaries do ("Arafat", "Laurent
        # Kabila"); NER takes some foreign surnames for organisations, places or peoples,
        # whose title then tells them ("President Nimeiri"), else a leader's surname alone
        # ("Vajpayee rejected talks"). An organisation's name without a title may be a
        # company's named after a leader's namesake ("Ford will cut 3,000 jobs"): it is the
        # leader's only while one of that name is in office on the day ("Musharraf accused
        # India" in 2002).
        person = entity.type == "PERSON" or (entity.role is not None and entity.type in MISTYPED)
        # A place NER typed as one that the city table knows is that city, not a leader's
        # namesake ("Police in Darwin": not an Indonesian minister Darwin).
        city = entity.type == "GPE" and city_key(entity.name) in city_countries()
        leader = entity.type in MISTYPED and " " not in entity.name and not city
        if code is None and (person or leader):
            code = self.code_person(
                (entity.name, *entity.aliases),
                day,
                leaders_only=not person,
                # with no day, a politician's surname the dictionaries give one country
                # ("Musharraf urged India") rather than no one, unless a firm's or another
                # body's name begins with it ("Ford Motor", "Ford Foundation")
                in_office=not person
                and entity.type == "ORG"
                and (day is not None or self.opens_body_name(entity.name)),
            )
            if code in self.country_codes and description:
                # of the country alone where no office holds on the day: the words'
                # sector ("President Izetbegovic" BIHGOV)
                code += self.sector_of(description) or ""
        if code is None and entity.type == "PERSON":
            code = self._code_after_title(entity.name, day)
        if code is None and description:
            code = self.code_description(description, day)
        # A country or capital that speaks speaks for its government, an organisation whose
        # words name a country ("Canadian Press") for itself: it stays of that country.
        speaks_for_country = speaks and code in self.country_codes and entity.type != "NORP"
        if code is None and entity.type == "ORG":
            # An organisation the dictionaries lack is one they know qualified ("Iranian
            # Revolutionary Guards"), else of the country its name names ("Kenya
            # Anti-Corruption Commission" KEN, "Canadian Press" CAN), else a body of the
            # organisation it names ("UN Migration Agency"), else a non-governmental one by
            # its last word ("Third World Water Forum").
            head = self.code_head_name(entity.name, day)
            code = (
                (self._national_society(entity.name, day) if head and HUMANITARIAN in head else None)
                or head
                or self.code_description(entity.name, day)
                or self.code_organisation(entity.name)
                or ("NGO" if entity.name.split()[-1].lower() in NGO_NAME_WORDS else None)
            )
        if speaks_for_country:
            code += "GOV"
        return self.actor(code)

    def _code_after_title(self, name: str, day: date | None) -> str | None:
        """The code of the full name after the title words NER took into a person's name
        ("Foreign Affairs Hakan Fidan": "Hakan Fidan"); None where no title opens it or the
        rest is no name the dictionaries know."""
        words = name.split()
        for cut in range(1, len(words) - 1):  # a full name of two words at least is left
            if self.sector_of(" ".join(words[:cut])) is not None:
                return self.code_name(" ".join(words[cut:]), day)
        return None

    def _national_society(self, name: str, day: date | None) -> str | None:
        """The code of a country's society of an international humanitarian movement, the
        name's head ("the Kenya Red Cross", "the Syrian Arab Red Crescent"): a
        non-governmental organisation of the country the name names (KENNGO), not the
        movement's international body (IGOHLHIRC); None where it names no country."""
        country = self.code_description(name, day)
        return country[:3] + "NGO" if country and country[:3] in self.country_codes else None

    def actor(self, code: str | None) -> Actor | None:
        """Split a code into country and sector (``RUSGOV`` -> RUS, GOV; ``IGOUNO`` -> -, IGOUNO).
        The country is ISO 3166-1 alpha-3, as PLOVER has it, where CAMEO's legacy code
        differs (``ANGREB`` -> AGO, REB)."""
        if not code:
            return None
        if code[:3] in self.country_codes or code[:3] in LEGACY_COUNTRIES:
            return Actor(code=code, country=iso_country(code[:3]), sector=code[3:] or None)
        return Actor(code=code, country=None, sector=code)

    def _country_on(self, name: Phrase, day: date | None) -> str:
        """The country a country's name is of on ``day``: its dated code where it has one of a
        country ("Congo" COG from 1971 to 1997; "Juba" SDN, of SDNSSD, until 2011), else the
        one it is of."""
        held = code_on(self.tables.actors[name], day)
        return held[:3] if held and held[:3] in self.country_codes else self.countries[name]

    @staticmethod
    def _longest(words: Phrase, table: dict[Phrase, str]) -> str | None:
        match = ActorCoder._longest_match(words, table)
        return match[1] if match else None

    @staticmethod
    def _longest_match(words: Phrase, table: dict[Phrase, str]) -> tuple[int, str, Phrase] | None:
        """The value of the longest run of ``words`` that ``table`` holds, the first of
        equal length, with its length and the run."""
        for length in range(len(words), 0, -1):
            for start in range(len(words) - length + 1):
                run = words[start : start + length]
                value = table.get(run)
                if value:
                    return length, value, run
        return None
