"""Stage 4: modality: is an attribution or event negated ("has not said how") or
hypothetical ("would say")?"""

from __future__ import annotations

from spacy.tokens import Token

from reportedly.attribution.lexicon import Lexicon

NEGATIONS = frozenset({"not", "n't", "never", "no"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})


def _governing_verbs(token: Token) -> list[Token]:
    """The cue and the verbs it depends on through xcomp/aux chains ("did not want to say")."""
    chain = [token]
    while chain[-1].dep_ in ("xcomp", "aux") and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)
    return chain


def is_negated(head: Token) -> bool:
    """A negation on the word (a cue's or an event trigger's head) or a verb governing it."""
    return any(
        child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and child.lower_ in NEGATIONS)
        for verb in _governing_verbs(head)
        for child in verb.children
    )


def is_infinitive(head: Token) -> bool:
    """An infinitive ("refused [to disclose]", "a policy urging employees [to report]"): the
    act is only named, and the text does not say it took place."""
    return any(child.dep_ == "aux" and child.tag_ == "TO" for child in head.children)


def is_hypothetical(head: Token, lexicon: Lexicon) -> bool:
    """Conditional or unrealised: a modal auxiliary or an if-clause on the word (a cue's
    or an event trigger's head) or a verb governing it."""
    for verb in _governing_verbs(head):
        for child in verb.children:
            if child.dep_ == "aux" and child.lower_ in lexicon.hypothetical_markers:
                return True
            if child.dep_ == "advcl" and any(
                mark.dep_ == "mark" and mark.lower_ in CONDITIONAL_MARKS for mark in child.children
            ):
                return True
        if verb.dep_ == "advcl" and any(
            mark.dep_ == "mark" and mark.lower_ in CONDITIONAL_MARKS for mark in verb.children
        ):
            return True
    return False
