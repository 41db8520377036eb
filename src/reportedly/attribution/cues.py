"""Stage 1: candidate cues, the words that signal an attribution.

A cue is a reporting verb from the lexicon ("said", "insisted", "ruled out"),
"according to", or a reporting noun held by its source ("Lavrov's comments").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from reportedly.attribution.lexicon import Lexicon
from reportedly.model import Range
from reportedly.nlp.paragraphs import starts_line

CueKind = Literal["verb", "according_to", "nominal", "colon"]
VERB_GROUP_DEPS = ("aux", "auxpass", "neg", "advmod")
WH_ADVERBS = frozenset({"how", "why", "when", "where", "whether"})
MAX_NAME_TOKENS = 4
MIN_COLON_CONTENT_WORDS = 3
# A verb PolNeAR train marks as a cue more often than not reports what its subject says
# ("signal", "suggest", "announce", "say"): a raising word before it only hedges the report.
REPORTING_RATE = 0.5


@dataclass(frozen=True, slots=True)
class Cue:
    """The words of a cue (``tokens``, in order) and the one whose arguments give the spans."""

    head: Token
    tokens: tuple[Token, ...]
    kind: CueKind
    # The learned tagger marks it as a cue: trusted whatever the lexicon says of the word.
    confirmed: bool = False
    # A reporting verb a raising construction holds ("seems to be [signaling]"): the tagger,
    # trained to read the raised subject as content, has no source or content for it.
    raised: bool = False

    @property
    def range(self) -> Range:
        last = self.tokens[-1]
        return Range(self.tokens[0].idx, last.idx + len(last.text))


def _is_non_cue_phrase(token: Token, lexicon: Lexicon) -> bool:
    """Phrases like "read more here" that only point at other material."""
    window = token.doc[max(token.i - 2, 0) : token.i + 2].text.lower()
    return any(phrase in window for phrase in lexicon.non_cue_phrases)


def verb_cue(token: Token, lexicon: Lexicon) -> Cue | None:
    """``token`` as a verb cue, with its particle ("ruled out", "pointed out")."""
    if token.pos_ != "VERB" or _is_non_cue_phrase(token, lexicon):
        return None
    rate = cue_rate(token, lexicon)
    if rate is None or rate < lexicon.min_cue_rate:
        return None
    words = [*verb_group_before(token), token, *(child for child in token.children if child.dep_ == "prt")]
    return Cue(head=token, tokens=tuple(sorted(words, key=lambda word: word.i)), kind="verb")


def verb_group_before(verb: Token) -> list[Token]:
    """Auxiliaries, negation and adverbs right before the verb: "has also said", "did not mention".

    PolNeAR's cue spans include them, and they carry tense and modality.
    """
    group = []
    index = verb.i - 1
    while index >= 0:
        word = verb.doc[index]
        if word.head.i != verb.i or word.dep_ not in VERB_GROUP_DEPS:
            break
        if word.dep_ == "advmod" and (word.tag_ not in ("RB", "RBR") or word.lower_ in WH_ADVERBS):
            break
        group.append(word)
        index -= 1
    return group[::-1]


def raised_report(cue: Cue, lexicon: Lexicon) -> Cue | None:
    """The reporting verb a raising construction holds, as the cue: in "Russia's foreign
    minister seems to be signaling that ...", "appears to suggest", "is expected to
    announce" and "is likely to say" the raising word only hedges; the subject it raises is
    the one who signals, suggests, announces or says. None when the cue raises nothing, or
    what it raises is no reporting verb ("the ceasefire appears to be holding")."""
    if cue.kind != "verb":
        return None
    raiser = cue.head
    lemma = raiser.lemma_.lower()
    passive = any(child.dep_ == "auxpass" for child in raiser.children)
    if lemma not in lexicon.raising_verbs and not (passive and lemma in lexicon.passive_raising_verbs):
        # "is likely to say": the adjective after "be" governs the verb.
        adjectives = [
            child
            for child in raiser.children
            if child.dep_ == "acomp" and child.lower_ in lexicon.raising_adjectives
        ]
        if not adjectives:
            return None
        raiser = adjectives[0]
    raised = next((child for child in raiser.children if child.dep_ == "xcomp"), None)
    if raised is None or any(child.dep_ == "auxpass" for child in raised.children):
        return None  # "is expected to be ratified": what is done to the subject, not by it
    found = verb_cue(raised, lexicon)
    if found is None or (cue_rate(raised, lexicon) or 0.0) < REPORTING_RATE:
        return None  # "are expected to continue", "seems to think": no report of the subject's
    # The infinitive's "to" and "be" belong to the construction, not to the reporting.
    words = tuple(word for word in found.tokens if not (word.dep_ == "aux" and word.head.i == raised.i))
    return Cue(head=raised, tokens=words, kind="verb", confirmed=cue.confirmed, raised=True)


def cue_lemma(verb: Token) -> str:
    """The lexicon key of a verb: its lemma, with its particle for phrasal verbs ("rule out")."""
    particles = [child.lower_ for child in verb.children if child.dep_ == "prt"]
    lemma = verb.lemma_.lower()
    return f"{lemma} {particles[0]}" if particles else lemma


def cue_rate(verb: Token, lexicon: Lexicon) -> float | None:
    """How often PolNeAR train marks this verb as a cue (phrasal entry first), or None if unlisted."""
    rate = lexicon.cue_rates.get(cue_lemma(verb))
    return rate if rate is not None else lexicon.cue_rates.get(verb.lemma_.lower())


def according_to_cue(token: Token) -> Cue | None:
    """``according to X``: the cue is both words, the source is the object of "to"."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc):
        return None
    following = token.doc[token.i + 1]
    if following.lower_ != "to":
        return None
    return Cue(head=token, tokens=(token, following), kind="according_to")


def nominal_cue(token: Token, lexicon: Lexicon) -> Cue | None:
    """A reporting noun with a possessive source ("Lavrov's comments") or a that-clause."""
    if token.pos_ != "NOUN" or token.lower_ not in lexicon.nominal_cues:
        return None
    if not has_owner(token):
        return None
    if token.dep_ == "nsubj" and verb_cue(token.head, lexicon):
        return None  # "Lavrov's comments suggest ...": the verb carries it, as a nominal attribution
    has_clause = any(child.dep_ in ("acl", "ccomp") and _has_that(child) for child in token.children)
    if not (has_clause or token.dep_ in ("nsubj", "nsubjpass")):
        return None
    return Cue(head=token, tokens=(token,), kind="nominal")


def has_owner(noun: Token) -> bool:
    return any(child.dep_ == "poss" for child in noun.children)


def _has_that(clause_head: Token) -> bool:
    return any(child.dep_ == "mark" and child.lower_ == "that" for child in clause_head.children)


def line_of(token: Token) -> tuple[int, int]:
    """Token indices ``[start, end)`` of the line holding ``token``, without line-break tokens."""
    doc = token.doc
    start = token.i
    while not starts_line(doc[start]):
        start -= 1
    end = token.i + 1
    while end < len(doc) and not starts_line(doc[end]):
        end += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return start, end


def colon_cue(token: Token, lexicon: Lexicon, line_start: int) -> Cue | None:
    """A name opening a line, then a colon: "LAVROV: We will respond." (transcripts, headlines).
    ``line_start``: the index of the line's first token (kept by the caller: looking for it
    from every colon made a line of colons quadratic)."""
    if token.text != ":":
        return None
    start = line_start
    while start < token.i and token.doc[start].is_punct:
        start += 1  # a transcript line may open with a quotation mark: '"WALLACE: ...'
    name = token.doc[start : token.i]
    if not 1 <= len(name) <= MAX_NAME_TOKENS or name.text.lower() in lexicon.colon_non_sources:
        return None
    if any(word.like_num or not (word.pos_ == "PROPN" or word.is_upper) for word in name):
        return None
    _, end = line_of(token)  # once per line at most: only a colon after a name at its start
    if sum(1 for word in token.doc[token.i + 1 : end] if word.is_alpha) < MIN_COLON_CONTENT_WORDS:
        return None
    return Cue(head=token, tokens=(token,), kind="colon")


def find_cues(doc: Doc, lexicon: Lexicon) -> list[Cue]:
    """Every candidate cue in ``doc``, in text order."""
    cues = []
    line_start = 0
    for token in doc:
        if starts_line(token):
            line_start = token.i
        cue = (
            according_to_cue(token)
            or verb_cue(token, lexicon)
            or nominal_cue(token, lexicon)
            or colon_cue(token, lexicon, line_start)
        )
        if cue and raised_report(cue, lexicon) is not None:
            continue  # the reporting verb it raises is the cue, found in its turn
        if cue:
            cues.append(cue)
    return cues
