"""Which sentence of a document holds a word or a character, by bisection over where the
sentences start, read once: spaCy's ``Token.sent`` builds two spans and scans for its
sentence's bounds at each read, which made a per-word lookup cost a pass over the sentence.

The same lookup serves any stretches of a text given by their sorted starts (a live blog's
posts, a transcript's turns): ``holding`` is the index of the one a position falls in.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token


def sentence_starts(doc: Doc) -> list[int]:
    """Where each sentence of ``doc`` starts, by token index."""
    return [sentence.start for sentence in doc.sents]


def sentence_char_starts(doc: Doc) -> list[int]:
    """Where each sentence of ``doc`` starts, by character offset."""
    return [sentence.start_char for sentence in doc.sents]


def holding(starts: Sequence[int], position: int) -> int:
    """The index of the stretch that holds ``position``, given the stretches' sorted
    ``starts``: the last start at or before it; -1 if it comes before the first."""
    return bisect_right(starts, position) - 1


def sentence_start(starts: Sequence[int], word: Token) -> int:
    """Where the sentence of ``word`` starts (``word.sent.start``), by ``sentence_starts``."""
    return starts[holding(starts, word.i)]
