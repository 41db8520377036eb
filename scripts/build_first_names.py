"""Write ``src/reportedly/data/first_names.tsv``: first names and the gender they nearly
always have, from the 1990 US Census lists of first names, for pronoun agreement and for
telling people from organisations ("Noah Lyles", "Simone Biles" that NER typed ORG).

    python scripts/build_first_names.py NAMES_FOLDER /usr/share/wordnet > src/reportedly/data/first_names.tsv

NAMES_FOLDER holds ``dist.male.first`` and ``dist.female.first`` (the Census Bureau's
frequency lists, a US government work in the public domain; shipped in the MIT-licensed
PyPI package ``names`` 0.3.0, folder ``names/``). A name is kept when one gender's frequency
is at least GENDER_RATIO times the other's, and WordNet 3.0 (Debian's ``wordnet-base``)
gives it no sense but a person's: "Virginia", "China", "May", "Hope" and "Jordan" name
places, months or things as well, and a name table must not make "Virginia Tech" a woman.
"""

from __future__ import annotations

import sys
from pathlib import Path

GENDER_RATIO = 10.0
PERSON_FILE = 18  # WordNet's lexicographer file noun.person
MIN_LENGTH = 3


def census(path: Path) -> dict[str, float]:
    """A Census list's names (lower case) to their frequency in per cent."""
    table = {}
    for line in path.read_text(encoding="ascii").splitlines():
        fields = line.split()
        if len(fields) >= 2:
            table[fields[0].lower()] = float(fields[1])
    return table


def other_senses(wordnet: Path) -> set[str]:
    """The words WordNet gives a sense other than a person's: any verb, adjective or adverb
    sense, or a noun sense outside noun.person."""
    lexicographer_file = {}
    for line in (wordnet / "data.noun").read_text(encoding="latin-1").splitlines():
        if line and not line.startswith(" "):
            fields = line.split()
            lexicographer_file[fields[0]] = int(fields[1])
    found = set()
    for part in ("noun", "verb", "adj", "adv"):
        for line in (wordnet / f"index.{part}").read_text(encoding="latin-1").splitlines():
            if not line or line.startswith(" "):
                continue
            fields = line.split()
            word = fields[0]
            if part != "noun":
                found.add(word)
                continue
            synsets = int(fields[2])
            offsets = fields[-synsets:]
            if any(lexicographer_file.get(offset) != PERSON_FILE for offset in offsets):
                found.add(word)
    return found


def first_names(names: Path, wordnet: Path) -> dict[str, str]:
    male, female = census(names / "dist.male.first"), census(names / "dist.female.first")
    excluded = other_senses(wordnet)
    table = {}
    for name in sorted(set(male) | set(female)):
        if len(name) < MIN_LENGTH or name in excluded:
            continue
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= GENDER_RATIO * f:
            table[name] = "m"
        elif f >= GENDER_RATIO * m:
            table[name] = "f"
    return table


def main() -> None:
    names, wordnet = Path(sys.argv[1]), Path(sys.argv[2])
    print("# First names and their gender (m|f), from the 1990 US Census first-name lists (public")
    print("# domain), kept where one gender is at least ten times as frequent and WordNet 3.0 gives")
    print("# the word no sense but a person's. Written by scripts/build_first_names.py; read after")
    print("# gendered_words.tsv, which wins where both list a word.")
    for name, gender in first_names(names, wordnet).items():
        print(f"{name}\t{gender}")


if __name__ == "__main__":
    main()
