"""Normalise names so that one referent's spellings and forms compare equal.

"Mr. Zelenskiy", "Zelensky" and "President Volodymyr Zelenskyy" share the surname key
``zelensky``; "Kiev" and "Kyiv" share ``kyiv`` through the spelling table in
``data/actors.yaml``; "U.S." and "US" share ``us``.
"""

from __future__ import annotations

import re
import unicodedata

HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "madam"})
_POSSESSIVE = re.compile(r"\s*['’]s?$")
# Transliterations of Slavic names end in -iy, -yy, -yi or -y for the same sound.
_SLAVIC_ENDING = re.compile(r"(?:iy|yy|yi|y)$")
# Acronyms written with dots ("U.S.", "U.K", "U.S.A."): letters each followed by a dot.
_DOTTED_ACRONYM = re.compile(r"[^\W\d_](?:\.[^\W\d_])+\.?")


def clean_name(text: str) -> str:
    """A mention as a name: no possessive, no leading "the", no honorific, single spaces."""
    words = _POSSESSIVE.sub("", text.strip()).split()
    while words and (words[0].lower() == "the" or words[0].lower() in HONORIFICS):
        words = words[1:]
    return " ".join(words)


def undotted(word: str) -> str:
    """A dotted acronym without its dots ("U.S." -> "US"), so that both spellings name one
    referent; other words unchanged ("St." keeps its dot)."""
    return word.replace(".", "") if _DOTTED_ACRONYM.fullmatch(word) else word


def spelling_key(word: str, variants: dict[str, str]) -> str:
    """One key for the spellings of a word: accents dropped, case folded, dotted acronyms
    undotted, variants mapped."""
    folded = undotted(word).casefold()
    folded = variants.get(folded, folded).casefold()
    plain = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return _SLAVIC_ENDING.sub("y", plain) if len(plain) > 4 else plain


def name_key(name: str, variants: dict[str, str]) -> tuple[str, ...]:
    """The key of a cleaned name: the spelling key of each word."""
    return tuple(spelling_key(word, variants) for word in name.split())


def initials(name: str) -> str:
    """ "North Atlantic Treaty Organization" -> "NATO" (function words skipped)."""
    return "".join(word[0] for word in name.split() if word[0].isupper())
