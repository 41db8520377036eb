"""Places that are no state: cities and regions named as an event's parties.

A country acts as a state ("Vietnam protested"), and a capital for its government
(``data/event_capitals.tsv``); a city that is no capital ("Mumbai", "Chelyabinsk") or a region
of a country ("northern Vietnam", "the Yucatan Peninsula", "Kenya's Rift Valley") is where
something happens, never a political party of its own. The cities are data
(``data/event_cities.tsv``, with the country each lies in, for parties no dictionary codes).
"""

from __future__ import annotations

import re

from reportedly.resolve.actors import city_countries, city_key

# Words that make a country's name a region of it ("northern Vietnam", "the north-east of
# England"; in lower case, so not "South Africa"), and nouns of land and water that are
# places whatever names them.
COMPASS = frozenset(
    {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western"}
    | {"northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern"}
    | {"southeastern", "southwestern", "north-east", "north-west", "south-east", "south-west"}
    | {"north-eastern", "north-western", "south-eastern", "south-western", "upper", "lower"}
)
LAND_AND_WATER = frozenset(
    {"peninsula", "plain", "plains", "valley", "coast", "coastline", "island", "islands", "mountains"}
    | {"hills", "highlands", "desert", "sea", "ocean", "river", "lake", "bay", "gulf", "basin", "delta"}
    | {"outskirts", "suburbs", "countryside", "region", "regions", "province", "district", "county"}
)
_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
_WORD = re.compile(r"[\w'’-]+")


def is_place_name(words: str) -> bool:
    """Whether a party's words name a city or a region, not a state: "Perth", "northern
    Vietnam", "the northeastern United States", "the Yucatan Peninsula", "Kenya's Rift
    Valley", "the coast of South Africa"."""
    name = city_key(_LEADING_ARTICLE.sub("", words.strip()))
    if name in city_countries():
        return True
    tokens = _WORD.findall(name.split(" of ", 1)[0])
    # A compass word in lower case: "northern Vietnam", not "South Africa" or "North Korea".
    return bool(tokens) and (tokens[0] in COMPASS or tokens[-1].lower() in LAND_AND_WATER)


def city_country_of_name(name: str) -> str | None:
    """The country of a city or region by its whole name ("Kharkiv" UKR, "North Darfur" SDN),
    else None."""
    return city_countries().get(city_key(name))


def city_country(words: str) -> str | None:
    """The country of the last city a party's words name ("a newspaper based in Lyon" FRA),
    by whole names of up to four words ("Ho Chi Minh City")."""
    cities = city_countries()
    tokens = _WORD.findall(city_key(words))
    found = None
    for start in range(len(tokens)):
        for length in (4, 3, 2, 1):
            name = " ".join(tokens[start : start + length])
            if start + length <= len(tokens) and name in cities:
                found = cities[name]
                break
    return found
