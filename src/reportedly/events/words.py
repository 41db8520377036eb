"""A document's words as the event stage reads them, taken from spaCy once per document.

spaCy builds a new string at each read of a word's text, lemma, part of speech or relation
(most of the cost of a pass over a sentence), and the event stage passes over a sentence's
words several times: for its triggers, the verb dictionary, the trigger senses and the
contexts. Here each is read once, from the document's token array, and each distinct
string once.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS
from spacy.strings import StringStore
from spacy.tokens import Doc


class DocWords:
    """By token index: ``lower`` (``Token.lower_``), ``lemma`` (``lemma_.lower()``), ``upper``
    and ``lemma_upper`` (``text.upper()``, ``lemma_.upper()``: a verb dictionary's case),
    ``pos`` (``pos_``) and ``dep`` (``dep_``); and the document's ``text`` (``Doc.text``, which
    spaCy joins from the words at each read, given if the caller has it)."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.text = text if text is not None else doc.text
        strings = doc.vocab.strings
        orth, lower, lemma, pos, dep = doc.to_array([ORTH, LOWER, LEMMA, POS, DEP]).T.tolist()
        self.upper, self.lower, self.lemma, self.lemma_upper, self.pos, self.dep = (
            *_named(orth, strings, str.upper),
            *_named(lower, strings),
            *_named(lemma, strings, str.lower, str.upper),
            *_named(pos, strings),
            *_named(dep, strings),
        )


def _named(ids: list[int], strings: StringStore, *forms: Callable[[str], str]) -> list[list[str]]:
    """The strings of ``ids``, in each of ``forms`` (as they are if none), each distinct
    string read once."""
    names = {number: strings[number] for number in set(ids)}
    found = []
    for form in forms or (None,):
        formed = names if form is None else {number: form(name) for number, name in names.items()}
        found.append([formed[number] for number in ids])
    return found
