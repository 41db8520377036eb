"""Read actor and agent dictionaries in the TABARI / PETRARCH format.

An actor file lists names, each followed by synonyms (``+NAME``) and dated codes::

    VLADIMIR_PUTIN_
    +PUTIN_
    +PRESIDENT_PUTIN_
        [RUSGOV 991231-080507]
        [RUSGOV >080508]
        [RUSELI]

Words are joined by ``_``; ``#`` starts a comment. A code holds between two dates
(``YYMMDD`` or ``YYYYMMDD``), after (``>``) or before (``<``) one, or, undated, whenever
no dated code holds. An agent file maps nouns to sectors (``FOREIGN_MINISTER [~GOV]``),
with ``!MACRO! = A, B`` lines that expand inside entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

Phrase = tuple[str, ...]

_CODE = re.compile(r"\[([^\]]*)\]")
_MACRO = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
# Two-digit years in the dictionaries run from the 1920s to the 2010s.
_CENTURY_PIVOT = 30


@dataclass(frozen=True, slots=True)
class DatedCode:
    """An actor code and the days it holds (``None``: open-ended)."""

    code: str
    start: date | None = None
    end: date | None = None
    dated: bool = False

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def code_on(codes: Iterable[DatedCode], day: date | None) -> str | None:
    """The code that holds on ``day``: a dated one that covers it, else the undated default.

    Without a day, the current code: a dated one with no end (an office still held when
    the dictionary was written), else the default.
    """
    codes = list(codes)
    dated = [code for code in codes if code.dated]
    if day is not None:
        covering = [code for code in dated if code.holds_on(day)]
    else:
        covering = [code for code in dated if code.end is None]
    if covering:
        return max(covering, key=lambda code: code.start or date.min).code
    undated = [code.code for code in codes if not code.dated]
    return undated[0] if undated else None


def phrase_of(text: str) -> Phrase:
    """A dictionary phrase for ``text``: upper-case words, as the dictionaries spell them."""
    return tuple(word for word in re.split(r"[\s_]+", text.upper().replace("’", "'")) if word)


def _day(digits: str) -> date | None:
    """``YYMMDD`` or ``YYYYMMDD`` as a date; ``None`` for the few malformed entries."""
    try:
        if len(digits) == 8:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if len(digits) == 6:
            year = int(digits[:2])
            century = 2000 if year < _CENTURY_PIVOT else 1900
            return date(century + year, int(digits[2:4]), int(digits[4:]))
    except ValueError:
        return None
    return None


def parse_code(field: str) -> DatedCode | None:
    """``RUSGOV 991231-080507``, ``RUSGOV >080508``, ``RUSELI <990809`` or ``RUSELI``."""
    parts = field.split()
    if not parts:
        return None
    code, dates = parts[0], "".join(parts[1:])
    if not dates:
        return DatedCode(code)
    if dates.startswith(">"):
        return DatedCode(code, start=_day(dates[1:]), dated=True)
    if dates.startswith("<"):
        return DatedCode(code, end=_day(dates[1:]), dated=True)
    start, _, end = dates.partition("-")
    return DatedCode(code, start=_day(start), end=_day(end), dated=True)


def _lines(path: Path) -> Iterator[str]:
    # The files mix encodings in a few foreign names; those names never match English news.
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.lstrip().startswith(("<!--", "-->")):
                continue  # the validation suite's files carry XML comments too
            yield line.split("#", 1)[0].rstrip()


def read_actors(path: Path) -> dict[Phrase, list[DatedCode]]:
    """Every name and synonym in an actor file, with the codes of its entry."""
    actors: dict[Phrase, list[DatedCode]] = {}
    names: list[Phrase] = []
    codes: list[DatedCode] = []

    def flush() -> None:
        shared = list(codes)  # one list per entry: its names can be told apart from others'
        for name in names:
            actors.setdefault(name, shared)

    for line in _lines(path):
        if not line.strip():
            continue
        fields = _CODE.findall(line)
        name_part = _CODE.sub("", line).strip()
        if name_part and not line[0].isspace() and not name_part.startswith("+"):
            # A new entry: the previous one is complete.
            if codes:
                flush()
                names, codes = [], []
            names.append(phrase_of(name_part))
        elif name_part.startswith("+"):
            names.append(phrase_of(name_part[1:]))
        codes.extend(code for field in fields if (code := parse_code(field)) is not None)
    if codes:
        flush()
    return actors


def names_without_brackets(actors: dict[Phrase, list[DatedCode]]) -> dict[Phrase, list[DatedCode]]:
    """The names the dictionaries write with a bracketed acronym or qualifier, as news
    writes them: without the brackets ("IRISH_REPUBLICAN_ARMY_(IRA)_": "Irish Republican
    Army") and by the acronym alone where it is one of four letters or more, the initials of
    the name's words ("LTTE" of "Liberation Tigers of Tamil Eelam"); shorter acronyms are
    too many bodies' ("ANA", "ISA"). Only names of several words ("OLIVE_(ORGANISATION_...)"
    gives no "Olive"), that no entry has, and not where the brackets name a country
    ("NATIONAL_FRONT_(GREECE)_": France's and Britain's too); a name derived for entries of
    different codes is none."""
    derived: dict[Phrase, list[DatedCode]] = {}
    ambiguous: set[Phrase] = set()
    for phrase, codes in actors.items():
        opened = next((index for index, word in enumerate(phrase) if word.startswith("(")), None)
        if opened is None:
            continue
        closed = next((index for index in range(opened, len(phrase)) if phrase[index].endswith(")")), None)
        inside = tuple(word.strip("()") for word in phrase[opened : None if closed is None else closed + 1])
        outside = phrase[:opened] + (phrase[closed + 1 :] if closed is not None else ())
        if any(len(code.code) == 3 and code.code.isalpha() for code in actors.get(inside, [])):
            continue
        forms = [outside] if len(outside) > 1 else []
        if len(inside) == 1 and _initials(outside) == inside[0].replace("-", "") and len(inside[0]) >= 4:
            forms.append(inside)
        for form in forms:
            if form in actors:
                continue
            if form in derived and [c.code for c in derived[form]] != [c.code for c in codes]:
                ambiguous.add(form)
            derived.setdefault(form, codes)
    return {form: codes for form, codes in derived.items() if form not in ambiguous}


# Words a name's acronym leaves out ("Liberation Tigers of Tamil Eelam": LTTE).
_UNINITIALLED = frozenset({"OF", "THE", "AND", "FOR", "IN", "A", "WITH", "ON"})


def _initials(words: Phrase) -> str:
    """The initials of a name's words but its small ones, hyphenated parts apart
    ("Communist Party of Nepal-Maoist": CPNM)."""
    return "".join(
        part[:1] for word in words if word not in _UNINITIALLED for part in word.split("-") if part
    )


def read_agents(path: Path) -> dict[Phrase, str]:
    """Agent nouns (singular and plural) to their sector codes, macros expanded.

    ``[~GOV]`` appends a sector to the actor's country (``RUS`` + ``GOV``); ``[IGO~]``
    prefixes one. Codes keep their tilde so that callers can tell the two apart.
    """
    macros: dict[str, list[str]] = {}
    agents: dict[Phrase, str] = {}
    for line in _lines(path):
        if match := _MACRO.match(line.strip()):
            macros[match.group(1)] = [word.strip() for word in match.group(2).split(",")]
            continue
        fields = _CODE.findall(line)
        if not fields:
            continue
        entry = _CODE.sub("", line)
        plural = re.search(r"\{([^}]*)\}", entry)
        entry = re.sub(r"\{[^}]*\}", "", entry).strip()
        forms = [entry] + ([plural.group(1)] if plural and plural.group(1).strip() else [])
        if not plural:
            forms.append(regular_plural(entry))
        for form in forms:
            for expanded in _expand(form, macros):
                agents.setdefault(phrase_of(expanded), fields[0].strip())
    return agents


def regular_plural(noun: str) -> str:
    """The plural PETRARCH forms for an agent without one of its own: "-IES" after a
    consonant and "Y" ("AUTHORITY", "MINISTRY"), "-ES" after "S" ("BOSS"), else "-S" (and
    "ENVOYS", where PETRARCH's own rule would give "ENVOIES")."""
    if len(noun) > 1 and noun.endswith("Y") and noun[-2] not in "AEIOU":
        return noun[:-1] + "IES"
    return noun + ("ES" if noun.endswith("S") else "S")


# Endings of English nouns whose plural adds "-es" ("witness", "coach", "box").
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")


def english_plural(noun: str) -> str:
    """A lower-case noun's regular English plural: "-men" for "-man" ("fisherman"), "-ies"
    after a consonant and "y" ("family"), "-es" after a hissing sound ("witness"), else
    "-s" ("oligarch", whose "-arch" is Greek's hard one). Wider than PETRARCH's own rule
    (``regular_plural``), which the dictionaries are read by."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if len(noun) > 1 and noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(_SIBILANT_ENDINGS) and not noun.endswith("arch") else "s")


def _expand(entry: str, macros: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!(\w+)!", entry)
    if match is None or match.group(1) not in macros:
        return [entry]
    return [
        expanded
        for value in macros[match.group(1)]
        for expanded in _expand(entry[: match.start()] + value + entry[match.end() :], macros)
    ]
