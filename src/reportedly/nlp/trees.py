"""Walks of the dependency parse that stay linear in the words they visit."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

# The relations of a clause's nominal subject, active or passive.
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_HYPHENS = frozenset({"-", "‐"})


def subtree_without_clauses(token: Token, cut: Collection[str]) -> list[Token]:
    """``token``'s subtree in spaCy's order (``Token.subtree``), less the subtrees of the
    descendants attached by a dependency in ``cut`` ("said X, which ...": without the
    relative clause). The subtree is walked once, by spaCy; a word left out leaves out its
    own subtree, read only where there is one to leave out (walking the subtree of each
    descendant made long sentences cubic)."""
    words = list(token.subtree)
    left_out: set[int] = set()
    for word in words:
        if word.i not in left_out and word.i != token.i and word.dep_ in cut:
            left_out.update(below.i for below in word.subtree)
    return [word for word in words if word.i not in left_out] if left_out else words


def first_conjunct(token: Token) -> Token:
    """The first of the words "and" or "or" joins that ``token`` is one of ("sanctions" of
    "imposed sanctions and an embargo" for "embargo"): where the joined words stand in the
    sentence; ``token`` itself where it is joined to nothing before it."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def joins_words(token: Token) -> bool:
    """Whether a token is a hyphen inside a word, with no space either side ("co-founders",
    "cease-fire"), not a dash between words."""
    return token.text in _HYPHENS and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_
