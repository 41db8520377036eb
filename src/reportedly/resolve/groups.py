"""The parties of a coordinated source: "Germany, France, the UK and Poland called on ...".

A source phrase whose head is coordinated with other heads by "and" names several parties
that speak together; each conjunct is a party of its own, resolved like any source. The
parse often attaches the middle names of a list as appositions ("Jeff Merkley (D-Ore.),
[Sherrod Brown] (D-Ohio) and Robert Menendez"): a proper name in apposition counts as a
conjunct when the phrase is a coordination. A name that NER reads whole across the "and"
("Procter and Gamble") is one party.
"""

from __future__ import annotations

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from reportedly.attribution.spans import contiguous_block, trim

COORDINATORS = frozenset({"and", "&"})
# Relative pronouns ("who", "which", "whose") that open a relative clause.
RELATIVE_TAGS = frozenset({"WP", "WDT", "WP$"})
# Entity labels of a name that can be a party in a list.
PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def conjunct_phrases(phrase: TokenSpan) -> list[TokenSpan]:
    """The phrases of the parties a coordinated source phrase names, in text order (each
    without the commas, "and" and parenthetical asides around it), or ``[]`` when the phrase
    is no coordination of two or more."""
    doc = phrase.doc
    inside = set(range(phrase.start, phrase.end))
    aside = _parenthesised(phrase)
    # The phrase's head: of its words that hang outside it, the one that governs most of it
    # (a title the parser cut off as a sentence of its own, "Sens.", governs nothing).
    tops = [token for token in phrase if token.head.i not in inside or token.head.i == token.i]
    root = max(tops, key=lambda top: len({t.i for t in top.subtree} & inside))
    heads, coordinated = [root], False
    pending = [root]
    while pending:
        token = pending.pop()
        for child in token.children:
            if child.i not in inside or child.i in aside:
                continue
            if child.dep_ == "cc" and child.lower_ in COORDINATORS:
                coordinated = True
            elif child.dep_ == "conj" or (
                child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ in PARTY_LABELS
            ):
                heads.append(child)
                pending.append(child)
    if not coordinated or len(heads) < 2:
        return []
    others = {head.i: {t.i for t in head.subtree} for head in heads}
    phrases = []
    for head in sorted(heads, key=lambda token: token.i):
        # Its own words: its subtree but for the other conjuncts it governs and the asides.
        own = {t.i for t in head.subtree} & inside
        for other in heads:
            if other.i != head.i and other.i in own:
                own -= others[other.i]
        own -= aside
        words = trim([doc[i] for i in contiguous_block(own, head.i)])
        words = [word for word in words if not (word.dep_ == "cc" and word.head.i == head.i)]
        if not words:
            return []
        phrases.append(doc[words[0].i : words[-1].i + 1])
    return phrases


def _parenthesised(phrase: TokenSpan) -> set[int]:
    """Indices of the tokens between parentheses in the phrase ("(D-Mont.)"), marks included;
    a parenthesis the phrase leaves open ("(D-N.J." of a span cut short) runs to its end."""
    aside: set[int] = set()
    opened: int | None = None
    for token in phrase:
        if token.text == "(":
            opened = token.i
        elif token.text == ")" and opened is not None:
            aside.update(range(opened, token.i + 1))
            opened = None
    if opened is not None:
        aside.update(range(opened, phrase.end))
    return aside


def within_preposition(token: Token, phrase: TokenSpan) -> bool:
    """Whether a word of a source phrase hangs on a preposition or a relative clause below the
    phrase's head ("the leaders of [Germany] and [France]", "an investigator at [Harvard]",
    "the engineer, who heads the [National Assembly]"; not "the editor I was talking to, [Tim
    Grieve]"): it does not speak.
    An apposition names the phrase again, wherever the parse hangs it ("An attorney for
    Pagliano, [Mark MacDougall]")."""
    root = phrase.root
    while token.i != root.i and phrase.start <= token.i < phrase.end:
        if token.dep_ == "appos":
            return False
        # Only a preposition of the phrase's own: the phrase's head may be the object of one
        # before it ("according to [an online ... poll] out Thursday", the parse's root elsewhere).
        relative = token.dep_ == "relcl" and any(child.tag_ in RELATIVE_TAGS for child in token.children)
        if (
            token.dep_ in ("pobj", "prep", "pcomp") or relative
        ) and phrase.start <= token.head.i < phrase.end:
            return True
        token = token.head
    return False
