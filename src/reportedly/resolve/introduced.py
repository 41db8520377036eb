"""Pronouns after a person the text introduces without a name.

"One woman, a retired teacher of 71, told me the cold frightened her. She said ...": the "she"
is the woman, whom the passage never names, so her speaker is null (docs/speaker-annotation.md:
a pronoun whose referent is an unnamed description is null), not another woman named earlier.
A subject "he" or "she" is taken for such a person where the last person before it, in its
sentence or the one before, is the subject of a main verb described by an indefinite or
counted noun phrase ("a spokesman for the regulator", "One 19-year-old student", "One, a level
designer who ...") that names no one and whose words do not give the other gender, or by a
definite phrase of the same noun that takes such a person up ("A senior State Department
official said ... The official, who briefed reporters on condition of anonymity, said ... He
did not say"), no one being named since.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from reportedly.attribution.lexicon import word_table
from reportedly.model import Entity
from reportedly.nlp.trees import SUBJECTS
from reportedly.resolve.nominals import ANY_PERSON_NOUNS, HUMAN_NOUNS, PERSON_NOUNS

_GENDERS = word_table("gendered_titles.tsv") | word_table("gendered_nouns.tsv")
_PRONOUN_GENDERS = {"he": "m", "she": "f"}
_INDEFINITE = frozenset({"a", "an", "one", "another"})
# Dependents of a description's head that describe the same person: an apposition ("One, a
# level designer"), its own words ("A Qatari official").
_SAME_PERSON = frozenset({"appos", "compound", "amod", "nummod", "det"})
# Relations under which a word of a description's phrase is about something else: a
# preposition's object, a clause, a possessor ("a spokesman for the minister").
_OTHER_PARTS = frozenset({"pobj", "relcl", "acl", "poss"})
# How many sentences back a definite description may take up an unnamed person ("A senior
# official said ... The official said").
TAKEN_UP_REACH = 2
# How many words from an office's noun a name may be and be its holder's ("Lars Holm as its
# chairman", "chief executive Ingrid Moe").
OFFICE_REACH = 4


def unnamed_antecedent(pronoun: Token, people: list[Entity]) -> bool:
    """Whether a subject "he" or "she" refers to a person the text introduced unnamed just
    before it (see the module's docstring); ``people`` are the entities that are people."""
    gender = _PRONOUN_GENDERS.get(pronoun.lower_)
    if gender is None or pronoun.dep_ not in SUBJECTS:
        return False
    if _office_unnamed(pronoun, gender, people):
        return True
    sentence = pronoun.sent
    earlier = pronoun.doc[sentence.start - 1].sent if sentence.start > 0 else None
    start = earlier.start if earlier is not None else sentence.start
    named = [
        mention.start
        for entity in people
        for mention in entity.mentions
        if pronoun.doc[start].idx <= mention.start < pronoun.idx
    ]
    subjects = _main_subjects(pronoun.doc, start, pronoun.i)
    if not subjects:
        return False
    described = subjects[-1]
    if not _described(described, gender):
        # "A senior official said ... The official, who ..., said ... He did not say": a
        # definite description that takes up an unnamed one is that person too.
        described = _taken_up(subjects[-1], gender)
        if described is None:
            return False
        named = [
            mention.start
            for entity in people
            for mention in entity.mentions
            if described.left_edge.idx <= mention.start < pronoun.idx
        ]
    # No one named after the description, nor as it in its phrase ("One woman, Jane Roe"): the
    # last person is the one described. A name its clauses or prepositions hold is another's
    # ("A detective who worked on an earlier theft in Malmo").
    return not any(
        mention >= described.left_edge.idx and not _held_apart(pronoun.doc, mention, described)
        for mention in named
    )


def _office_unnamed(pronoun: Token, gender: str, people: list[Entity]) -> bool:
    """Whether a subject "he" or "she" opens a clause coordinated with a first whose subject
    describes the holder of a body's office by a possessive ("Its chairman rejected the
    claims, and he said", "Japan's industry minister said ..., and he added"): the pronoun is
    that holder. The holder is unnamed where no name is apposed to the description or named
    in its clause, and no person has the office's noun for a role or near a mention of them
    before ("named Lars Holm as its chairman ... The company's chairman said ..., and he
    added" is Holm)."""
    verb = pronoun.head
    if verb.dep_ != "conj" or verb.head.pos_ not in {"VERB", "AUX"}:
        return False
    first = next((child for child in verb.head.children if child.dep_ in SUBJECTS), None)
    if first is None or first.pos_ != "NOUN" or first.ent_type_:
        return False
    noun = first.lemma_.lower()
    if noun not in ANY_PERSON_NOUNS or not any(child.dep_ == "poss" for child in first.children):
        return False
    if any(
        child.dep_ == "appos" or (child.dep_ == "compound" and child.ent_type_ == "PERSON")
        for child in first.children
    ):
        return False
    genders = {_GENDERS[word.lower_] for word in first.subtree if word.lower_ in _GENDERS}
    if not genders <= {gender}:
        return False
    named_before = [
        mention.start for person in people for mention in person.mentions if mention.start < pronoun.idx
    ]
    # A person the text gives the office elsewhere: as a role, or by the office's noun near
    # a mention in its sentence ("named Lars Holm as its chairman", "chairman Lars Holm").
    held = any(noun in (person.role or "").lower().split() for person in people) or any(
        word.lemma_.lower() == noun and _near_name(word, named_before) for word in pronoun.doc[: first.i]
    )
    clause = range(first.left_edge.idx, pronoun.idx)
    return not held and not any(start in clause for start in named_before)


def _near_name(word: Token, names: list[int]) -> bool:
    """Whether a name lies within OFFICE_REACH words of a word, in its sentence."""
    sentence = word.sent
    first = max(sentence.start, word.i - OFFICE_REACH)
    last = min(sentence.end, word.i + OFFICE_REACH + 1)
    start, end = word.doc[first].idx, word.doc[last - 1].idx + len(word.doc[last - 1])
    return any(start <= name < end for name in names)


def _held_apart(doc: Doc, start: int, described: Token) -> bool:
    """Whether the name at ``start`` lies in the description's phrase under a preposition,
    a clause or a possessor there, naming someone other than the person described."""
    words = doc.char_span(start, start + 1, alignment_mode="expand")
    if words is None or not described.left_edge.i <= words[0].i <= described.right_edge.i:
        return False
    word = words[0]
    while word.i != described.i and word.head.i != word.i:
        if word.dep_ in _OTHER_PARTS:
            return True
        word = word.head
    return False


def _main_subjects(doc: Doc, start: int, end: int) -> list[Token]:
    """The subjects of main verbs among the words ``start:end``."""
    return [word for word in doc[start:end] if word.dep_ in SUBJECTS and word.head.dep_ == "ROOT"]


def _taken_up(subject: Token, gender: str) -> Token | None:
    """The unnamed person described before (see ``_described``) whom a definite description
    of the same noun takes up ("A senior official ... The official"), the main subject of one
    of the TAKEN_UP_REACH sentences before the description's; else None."""
    if not any(child.lower_ == "the" for child in subject.children) or subject.ent_type_:
        return None
    sentence = subject.sent
    for _ in range(TAKEN_UP_REACH):
        if sentence.start == 0:
            return None
        sentence = subject.doc[sentence.start - 1].sent
        earlier = _main_subjects(subject.doc, sentence.start, sentence.end)
        if earlier and earlier[-1].lemma_.lower() == subject.lemma_.lower():
            return earlier[-1] if _described(earlier[-1], gender) else None
    return None


def _described(head: Token, gender: str) -> bool:
    """Whether a subject is a person described by an indefinite or counted phrase whose
    words do not give the other gender."""
    words = [head, *(child for child in head.children if child.dep_ in _SAME_PERSON)]
    nouns = [word for word in words if word.pos_ in {"NOUN", "PRON", "NUM"} or word.lower_ == "one"]
    people = any(
        word.lemma_.lower() in HUMAN_NOUNS or word.lemma_.lower() in PERSON_NOUNS for word in nouns
    ) or any(
        appos.lemma_.lower() in HUMAN_NOUNS or appos.lemma_.lower() in PERSON_NOUNS
        for appos in head.children
        if appos.dep_ == "appos"
    )
    counted = head.lower_ == "one" or any(
        child.lower_ in _INDEFINITE or child.dep_ == "nummod" for child in head.children
    )
    genders = {_GENDERS[word.lower_] for word in head.subtree if word.lower_ in _GENDERS}
    return people and counted and genders <= {gender}
