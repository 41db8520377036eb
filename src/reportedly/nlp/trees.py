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
    relative clause). One walk that never enters what it leaves out: walking the subtree of
    each such descendant inside the walk of ``token``'s made long sentences cubic."""
    words: list[Token] = []
    # Each entry: a word, and whether its left dependents were already put on the stack.
    stack: list[tuple[Token, bool]] = [(token, False)]
    while stack:
        word, expanded = stack.pop()
        if expanded:
            words.append(word)
            continue
        kept = [child for child in word.children if child.dep_ not in cut]
        stack.extend((child, False) for child in reversed(kept) if child.i > word.i)
        stack.append((word, True))
        stack.extend((child, False) for child in reversed(kept) if child.i < word.i)
    return words


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
