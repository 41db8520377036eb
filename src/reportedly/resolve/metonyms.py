"""Metonyms of reported speech: a capital or a seat of government that speaks ("the Kremlin
said", "Kyiv rejected", "Downing Street said") speaks for a country's government, an
organisation or the holder of an office on the day (``data/metonyms.tsv``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache

from reportedly.attribution.lexicon import data_lines, word_set
from reportedly.resolve.actors import ActorCoder
from reportedly.resolve.names import clean_name

# What the entity of a metonym's referent is: a person for an office's holder; a country or
# an organisation by whether its code is a country's.
HOLDER_TYPE = "PERSON"
COUNTRY_TYPE = "GPE"
ORGANISATION_TYPE = "ORG"

GOVERNMENT_NOUNS = word_set("government_nouns.txt")

# Entity types a metonym can be: a person named "Washington" or "Paris" speaks for no one else.
PLACE_TYPES = frozenset({"GPE", "FAC", "LOC", "ORG"})


@dataclass(frozen=True, slots=True)
class Metonym:
    referent: str  # the country or organisation it speaks for ("Russia", "European Commission")
    office: str | None  # an office of office_holders.tsv whose holder it speaks for, or None


@dataclass(frozen=True, slots=True)
class Referent:
    """Who a metonym speaks for on a day: a name and the entity type it takes."""

    name: str
    type: str


def metonym_key(name: str) -> str:
    """A name as the table is looked up: cleaned, without "the", case-folded."""
    words = clean_name(name).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).casefold()


def stands_for_government(phrase: str) -> bool:
    """Whether a phrase speaks for a government it does not name as such: a metonym of the
    table ("the Kremlin", "Kyiv") or a phrase headed by a government noun ("The Brazilian
    authorities", "the government")."""
    words = clean_name(phrase).split()
    return metonym_key(phrase) in read_metonyms() or bool(words and words[-1].lower() in GOVERNMENT_NOUNS)


@cache
def read_metonyms() -> dict[str, Metonym]:
    """``data/metonyms.tsv``: metonym key -> what it speaks for."""
    table = {}
    for line in data_lines("metonyms.tsv"):
        metonym, referent, *office = line.split("\t")
        table[metonym_key(metonym)] = Metonym(referent, office[0] if office and office[0] else None)
    return table


def metonym_referent(
    phrase: str, published: date | None, coder: ActorCoder, holder: Callable[[str, str, date], str | None]
) -> Referent | None:
    """Who a source phrase that names a place or an organ of government speaks for on the
    day ``published``: a metonym of the table ("the Kremlin": Russia; "Downing Street" in
    2019: Boris Johnson, by ``holder`` of an (office, country) on a day), or a country's
    ministry or government ("Ukraine's foreign ministry": Ukraine). None for any other."""
    metonym = read_metonyms().get(metonym_key(phrase))
    if metonym is None:
        return _government_of(phrase, coder)
    code = coder.code_name(metonym.referent, published) or ""
    if metonym.office is not None and published is not None:
        held_by = holder(metonym.office, code[:3], published)
        if held_by is not None:
            return Referent(held_by, HOLDER_TYPE)
    return Referent(metonym.referent, COUNTRY_TYPE if code in coder.country_codes else ORGANISATION_TYPE)


def _government_of(phrase: str, coder: ActorCoder) -> Referent | None:
    """The country whose government a phrase headed by a government noun names ("Ukraine's
    foreign ministry", "the Mexican government"), by its name or adjective; None where the
    phrase names none."""
    words = clean_name(phrase).split()
    if not words or words[-1].lower() not in GOVERNMENT_NOUNS:
        return None
    code = (coder.code_description(phrase, None) or "")[:3]
    # A country the table does not list ("Chile's labour ministry") by the dictionaries' name.
    name = table_name(code, coder) or (coder.country_name(code) if code in coder.country_codes else None)
    return Referent(name, COUNTRY_TYPE) if name else None


def table_name(code: str, coder: ActorCoder) -> str | None:
    """The name the table gives what ``code`` codes ("RUS": "Russia"), if it names it."""
    return next(
        (m.referent for m in read_metonyms().values() if code and coder.code_name(m.referent, None) == code),
        None,
    )
