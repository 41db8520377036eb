"""Write ``src/reportedly/data/person_nouns.txt``: the English nouns whose most frequent
sense in WordNet 3.0 is a person ("donor", "magnate", "neurosurgeon"), one a line.

    python scripts/build_person_nouns.py /usr/share/wordnet > src/reportedly/data/person_nouns.txt

WordNet's noun index lists each noun's senses most frequent first; a sense is a person's
where its synset is in the lexicographer file ``noun.person`` (number 18). Only single
common nouns are kept (a description's head noun is one word; "Aaron" is a name). The database is Debian's
``wordnet-base`` (WordNet 3.0; Princeton University's licence allows copying with its
notice, which heads the file written).
"""

from __future__ import annotations

import sys
from pathlib import Path

PERSON_FILE = 18  # noun.person


def person_nouns(folder: Path) -> list[str]:
    lexicographer_file, words = {}, {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if line and not line.startswith(" "):
            fields = line.split()
            offset, number, count = fields[0], int(fields[1]), int(fields[3], 16)
            lexicographer_file[offset] = number
            words[offset] = {fields[4 + 2 * index] for index in range(count)}
    nouns = []
    for line in (folder / "index.noun").read_text(encoding="latin-1").splitlines():
        if not line or line.startswith(" "):
            continue
        fields = line.split()
        lemma, senses = fields[0], int(fields[2])
        first = fields[-senses]
        # A common noun: the synset spells it in lower case ("Aaron" is a name).
        if lemma.isalpha() and lexicographer_file.get(first) == PERSON_FILE and lemma in words[first]:
            nouns.append(lemma)
    return sorted(nouns)


def licence(folder: Path) -> list[str]:
    """WordNet's licence, as its index files open with it (numbered lines before the data)."""
    lines = []
    for line in (folder / "index.noun").read_text(encoding="latin-1").splitlines():
        if not line.startswith(" "):
            break
        lines.append(line.strip().split(" ", 1)[1].rstrip() if " " in line.strip() else "")
    return lines


def main() -> None:
    folder = Path(sys.argv[1])
    print("# Nouns whose most frequent sense is a person in WordNet 3.0 (noun.person), made by")
    print("# scripts/build_person_nouns.py from WordNet's noun index, under WordNet's licence:")
    print("#")
    for line in licence(folder):
        print(f"# {line}".rstrip())
    for noun in person_nouns(folder):
        print(noun)


if __name__ == "__main__":
    main()
