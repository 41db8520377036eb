"""What a regular expression's matches can start with, and expressions that test it first.

Python's regular expressions try a pattern at every position of a text; an alternation of
words under ``re.IGNORECASE`` tries each word there in turn. A test of the characters any of
them can start with, before them, passes a position where none can start in one test: the
same matches (the test only turns away positions where none could begin), a fifth to a third
faster on the issues' patterns and the stance lexicons.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re._constants import BRANCH, IN, LITERAL, MAX_REPEAT, MIN_REPEAT, RANGE, SUBPATTERN
from re._parser import parse as parse_pattern
from typing import Any


def first_characters(items: Iterable[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """The characters a match of parsed regular expression ``items`` can start with, and
    whether it can be empty; None where that is not read simply (a class of ``\\w``, a look
    around, ``.``): such a pattern is tried everywhere."""
    characters: set[str] = set()
    for op, argument in items:
        if op is LITERAL:
            found: tuple[set[str], bool] | None = {chr(argument)}, False
        elif op is IN:
            if not all(kind in (LITERAL, RANGE) for kind, _value in argument):
                return None
            found = (
                {
                    chr(code)
                    for kind, value in argument
                    for code in ([value] if kind is LITERAL else range(value[0], value[1] + 1))
                },
                False,
            )
        elif op is SUBPATTERN:
            found = first_characters(argument[-1])
        elif op is BRANCH:
            alternatives = [first_characters(alternative) for alternative in argument[1]]
            if any(alternative is None for alternative in alternatives):
                return None
            found = (
                {character for chars, _empty in alternatives for character in chars},
                any(empty for _chars, empty in alternatives),
            )
        elif op in (MAX_REPEAT, MIN_REPEAT):
            least, _most, repeated = argument
            inner = first_characters(repeated)
            found = None if inner is None else (inner[0], inner[1] or least == 0)
        else:
            return None
        if found is None:
            return None
        characters |= found[0]
        if not found[1]:
            return characters, False
    return characters, True


def guarded(source: str, flags: int) -> str:
    """``source`` behind a lookahead for the characters its matches can start with, where
    those are read simply and it cannot match nothing; else ``source`` as it is."""
    found = first_characters(parse_pattern(source, flags)) if source else None
    if found is None or found[1] or not found[0]:
        return source
    characters = "".join(re.escape(character) for character in sorted(found[0]))
    return f"(?=[{characters}])(?:{source})"
