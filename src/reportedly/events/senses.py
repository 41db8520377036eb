"""Senses of ambiguous triggers: "strike a deal" is an agreement, "died in an Ebola outbreak"
and "Real Madrid crushed Barcelona 3-1" no event at all.

The rules are data (``data/event_senses.tsv``): a trigger's lemmas, where to look (its
objects, its subject, its own phrase or its sentence), the words one of which must be there,
and what the trigger then codes, an event type or none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from reportedly.attribution.lexicon import data_lines, word_set
from reportedly.events.parties import COUNTING_NOUNS, SUBJECTS, of_words
from reportedly.events.words import DocWords
from reportedly.nlp.trees import first_conjunct, subtree_without_clauses

NO_EVENT = "-"
ANY_TRIGGER = "*"
SCORELINE = "<scoreline>"
# A people named by its nationality in the plural ("evacuated 1,400 [Brazilians]", "expelled
# thousands of [Afghans]"): people, as "nationals" or "citizens" are.
PEOPLE = "<people>"
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_ALWAYS = frozenset({ANY_TRIGGER})
# A score ("3-1", "2 - 0", at a clause's or sentence's end too: "won 30-20."), not a range of
# days before a month ("from 6-10 February") nor of decimals ("1.5-2.5", "3-4.5").
_SCORELINE = re.compile(
    r"(?<![\d.,])\d{1,2} ?[-–] ?\d{1,2}(?![\d%]|[.,]\d)"
    r"(?!\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
)
# A word written with hyphens ("semi-final", "wing-back"), as one.
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
# Two words in a row that are no sport though one is a sport word ("hunger striker", "human
# rights defender", "shouting match"; data/not_sport_phrases.txt), as (first word, second).
NOT_SPORT_PHRASES = frozenset(tuple(line.split()) for line in word_set("not_sport_phrases.txt"))
_NOT_SPORT_PHRASE_WORDS = frozenset(word for phrase in NOT_SPORT_PHRASES for word in phrase)
# What a trigger's own phrase leaves out: the clauses joined to it.
_CLAUSES = frozenset({"ccomp", "advcl", "parataxis", "conj", "relcl", "cc"})
_OBJECTS = frozenset({"dobj", "attr", "oprd", "dative"})
# Clauses whose subject is the verb's object in meaning ("let [inspectors] back").
_COMPLEMENTS = frozenset({"ccomp", "xcomp"})
PLACES = frozenset({"object", "subject", "verb", "phrase", "sentence"})
# Nouns of an amount or a load, which an object is counted in as much as in numbers: what they
# are of is what is carried ("flew 15 tonnes of tents", "shipped a consignment of vaccines").
MEASURES = frozenset(
    {"tonne", "ton", "kilogram", "kilo", "litre", "liter", "batch", "shipment", "consignment", "cargo"}
    | {"load", "truckload", "planeload", "shipload", "convoy", "container", "crate", "pallet", "parcel"}
    | {"quantity", "amount", "supply"}
)
# Where a noun act is what its verb does to it: the verb's object, or its subject in the
# passive ("sanctions were removed").
_ACTED_ON = frozenset({"dobj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class SenseRule:
    place: str
    words: frozenset[str]
    event_type: str  # NO_EVENT: the trigger is no event in this sense


@cache
def read_senses() -> dict[str, tuple[SenseRule, ...]]:
    """Trigger lemma to its sense rules, in the file's order."""
    # Sets kept as word lists of their own, since other stages read them too.
    sets: dict[str, list[str]] = {"@ANIMAL": sorted(word_set("animal_nouns.txt"))}
    rules: dict[str, list[SenseRule]] = {}
    for line in data_lines("event_senses.tsv"):
        fields = line.split("\t")
        if fields[0].startswith("@"):
            sets[fields[0]] = _expanded(fields[1], sets)
            continue
        lemmas, place, words, event_type = fields
        known_type = event_type == NO_EVENT or (event_type.isalpha() and event_type.isupper())
        if place not in PLACES or not known_type:
            raise ValueError(f"event_senses.tsv: not a sense rule (place or event type): {line!r}")
        expanded = frozenset(_expanded(words, sets))
        for lemma in lemmas.split():
            rules.setdefault(lemma, []).append(SenseRule(place, expanded, event_type))
    return {lemma: tuple(found) for lemma, found in rules.items()}


def _expanded(words: str, sets: dict[str, list[str]]) -> list[str]:
    """Space-separated words, each set name (@SPORT) replaced by its words."""
    return [word for name in words.split() for word in sets.get(name, [name])]


class SentenceSenses:
    """The sense rules at work in one sentence: its own words are gathered once, when a rule
    first needs them, however many triggers it holds (from its document's ``words``)."""

    def __init__(self, sentence: SpacySpan, words: DocWords) -> None:
        self._sentence = sentence
        self._doc_words = words
        self._words: set[str] | None = None
        self._scoreline: bool | None = None

    def event_type(self, token: Token, event_type: str) -> str | None:
        """The event type the trigger ``token`` codes here: ``event_type`` unless a sense
        rule gives another, or None where its sense is no event."""
        senses = read_senses()
        words = self._doc_words
        rules = senses.get(words.lemma[token.i]) or senses.get(words.lower[token.i]) or ()
        for rule in (*rules, *senses.get(ANY_TRIGGER, ())):
            if self._holds(token, rule):
                return None if rule.event_type == NO_EVENT else rule.event_type
        return event_type

    def _holds(self, token: Token, rule: SenseRule) -> bool:
        """Whether one of the rule's words is at its place around the trigger; the sentence
        tells a score (SCORELINE: "2-0", "2 - 0") only where its words do not already hold;
        a rule whose words are ANY_TRIGGER holds always (the trigger's other senses, after its
        rules for the one that is an event: "recalled its ambassador", not "recalled that")."""
        if rule.words == _ALWAYS or not rule.words.isdisjoint(self._words_at(token, rule.place)):
            return True
        if rule.place != "sentence" or SCORELINE not in rule.words:
            return False
        if self._scoreline is None:
            text = self._doc_words.text[self._sentence.start_char : self._sentence.end_char]
            # A score has a dash: most sentences need no search.
            self._scoreline = ("-" in text or "–" in text) and _SCORELINE.search(text) is not None
        return self._scoreline

    def _words_at(self, token: Token, place: str) -> set[str]:
        """The lower-case forms and lemmas of the words at ``place`` around the trigger."""
        if place == "sentence":
            if self._words is None:
                sentence = self._sentence  # its words by position: none read as a token
                self._words = _forms(range(sentence.start, sentence.end), sentence.doc, self._doc_words)
                # The tokenizer splits words at hyphens: a rule's "semi-final" is read whole.
                text = self._doc_words.text[sentence.start_char : sentence.end_char]
                if "-" in text:
                    self._words.update(word.lower() for word in _HYPHENATED.findall(text))
            return self._words
        if place == "object":
            # A verb the parser hung on its object as a modifier ("ECOWAS [shut] land and air
            # borders"): the noun it qualifies is its object.
            words = _noun_words(token.head) if token.dep_ == "amod" and token.pos_ == "VERB" else []
            for child in token.children:
                if child.dep_ in _OBJECTS or child.dep_ == "nsubjpass":
                    # A passive's subject is its object ("[a bid] was blocked by").
                    words.extend(_noun_words(child))
                elif child.dep_ == "prep":
                    words.extend(grand for grand in child.children if grand.dep_ == "pobj")
                elif child.dep_ in _COMPLEMENTS:
                    # Whom a verb lets or has act is its object, which the parser makes the
                    # complement's subject ("allowed [the UN team] to enter", "let
                    # [inspectors] back") or the complement itself ("let [a convoy] through").
                    words.extend(grand for grand in child.children if grand.dep_ in SUBJECTS)
                    # A noun, or one the parser took for a participle after its article
                    # ("reopened [the] Kerem Shalom [crossing]").
                    if child.pos_ in {"NOUN", "PROPN"} or _noun_taken_for_verb(child):
                        words.append(child)
            forms = _forms((word.i for word in words), token.doc, self._doc_words)
            if any(word.ent_type_ == "NORP" and word.tag_ in _PLURAL_TAGS for word in words):
                forms.add(PEOPLE)
            return forms
        if place == "verb":
            # The verb a noun act is the object of ("removed [the] sanctions", "lodged a
            # protest"): what is done to the act, not by it. Of joined objects, the first's.
            words = self._doc_words
            token = first_conjunct(token)
            if words.pos[token.i] != "NOUN" or words.dep[token.i] not in _ACTED_ON:
                return set()
            return _forms([token.head.i], token.doc, self._doc_words)
        if place == "subject":
            # A noun trigger's subject is its verb's ("workers went on strike").
            verb = token if token.pos_ in {"VERB", "AUX"} else token.head
            return _forms((word.i for word in _doers(verb)), token.doc, self._doc_words)
        # A noun that qualifies another is read with it ("a release clause", "press release").
        head = [token.head] if token.dep_ == "compound" else []
        phrase = [*subtree_without_clauses(token, _CLAUSES), *head]
        return _forms((word.i for word in phrase), token.doc, self._doc_words)


def _noun_taken_for_verb(word: Token) -> bool:
    """Whether a verb the parser made a clause is a noun after an article, with no subject
    ("reopened [the Kerem Shalom crossing]")."""
    return word.left_edge.tag_ == "DT" and not any(child.dep_ in SUBJECTS for child in word.children)


def in_not_sport_phrase(lower: list[str], i: int) -> bool:
    """Whether the word at ``i`` (``lower``: the document's words in lower case) and the word
    before or after it, across a hyphen if there is one, are a phrase that is no sport
    ("hunger [strikers]", "hunger-[strikers]")."""
    if lower[i] not in _NOT_SPORT_PHRASE_WORDS:
        return False
    before = i - 2 if i >= 2 and lower[i - 1] == "-" else i - 1
    after = i + 2 if i + 2 < len(lower) and lower[i + 1] == "-" else i + 1
    return (before >= 0 and (lower[before], lower[i]) in NOT_SPORT_PHRASES) or (
        after < len(lower) and (lower[i], lower[after]) in NOT_SPORT_PHRASES
    )


def _noun_words(noun: Token) -> list[Token]:
    """An object noun and the nouns joined to it ("tanks and [reinforcements]") with the nouns
    that say what each is (``_says_what``) and, for a count or an amount, what is counted
    ("hundreds of [troops]", "15 tonnes of [tents]")."""
    words = []
    for joined in (noun, *noun.conjuncts):  # "tanks and [reinforcements]"
        words.append(joined)
        words.extend(word for child in joined.children if _says_what(child, joined) for word in _said(child))
        lemma = joined.lemma_.lower()
        if joined.pos_ == "NUM" or lemma in COUNTING_NOUNS or lemma in MEASURES:
            # "tonnes of equipment and [medicines]": each thing counted
            things = (grand for grand in of_words(joined) if grand.dep_ == "pobj")
            words.extend(word for thing in things for word in (thing, *thing.conjuncts))
    return words


def _said(child: Token) -> tuple[Token, ...]:
    """The words a child that says what its noun is (``_says_what``) gives: itself, or for
    "including" the nouns it includes ("including [medicines] and [tents]")."""
    if child.dep_ != "prep":
        return (child,)
    return tuple(
        word for grand in child.children if grand.dep_ == "pobj" for word in (grand, *grand.conjuncts)
    )


def _says_what(child: Token, noun: Token) -> bool:
    """Whether a noun's child says what it is: a noun the parser hung on it ("[tear gas] and stun
    grenades"), its apposition ("the Daily News, the country's only independent [paper]"), what
    it includes ("relief material [including] medicines and tents": read on to its nouns) or,
    of a name, the words of the name ("the [Weekly] Mail"), not a common noun's compound, which
    may be its owner ("the [government] offer")."""
    return (
        child.dep_ in {"nmod", "appos"}
        or (child.dep_ == "prep" and child.lower_ == "including")
        or (noun.pos_ == "PROPN" and child.dep_ == "compound")
    )


def main_verb_of_participle(verb: Token) -> Token | None:
    """The sentence's verb the parser hung as a clause on a participle it took for the root: a
    verb in the past after it with no subject of its own and no "that", as its complement
    ("Protesters [opposed] to a finance bill [stormed] parliament") or, of a participle with
    no auxiliary, which no sentence's verb is, as its adverbial clause ("Burundian troops
    [deployed] alongside the Congolese army [pulled] out"); None if there is none."""
    if verb.dep_ != "ROOT":
        return None
    auxiliaries = (child for child in verb.children if child.dep_ in {"aux", "auxpass"})
    bare_participle = verb.tag_ == "VBN" and next(auxiliaries, None) is None
    clauses = {"ccomp", "advcl"} if bare_participle else {"ccomp"}
    return next(
        (
            child
            for child in verb.rights  # its children after it, in order, with no need of those before
            if child.dep_ in clauses
            and child.tag_ == "VBD"
            and not any(grand.dep_ in SUBJECTS or grand.dep_ == "mark" for grand in child.children)
        ),
        None,
    )


def _doers(verb: Token) -> list[Token]:
    """The words of a verb's subject; a relative clause's ("that") or a participle's is the
    noun it qualifies ("the asteroid that struck", "a plane flying to Delhi"), an infinitive's
    its verb's object, else that verb's subject ("forced [a cargo plane] to land", "[workers]
    threatened to strike")."""
    subjects = [word for child in verb.children if child.dep_ in SUBJECTS for word in child.subtree]
    if verb.dep_ in {"relcl", "acl"}:
        subjects.append(verb.head)
    elif not subjects and (main := main_verb_of_participle(verb.head)) is not None and main.i == verb.i:
        return _doers(verb.head)  # "Protesters opposed to the bill [stormed]": the protesters
    elif not subjects and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        objects = [child for child in verb.head.children if child.dep_ == "dobj"]
        if objects:
            return [word for child in objects for word in child.subtree]
        return _doers(verb.head)
    return subjects


def _forms(positions: Iterable[int], doc: Doc, words: DocWords) -> set[str]:
    """Each word's (by its position in ``doc``) lower-case form and lemma; its lemma with its
    part of speech ("final/NOUN"), which a rule writes for a word that tells the sense as one
    part of speech only ("the cup final", not "the final rebel-held city"); and a modifier's
    lemma joined to its noun's ("final+minute" of "in the final minutes"). The last two only
    of the lemmas some rule writes so (``_written_with``): of the others no rule could ask."""
    tagged, joined = _written_with("/"), _written_with("+")
    forms = set()
    for i in positions:
        lemma = words.lemma[i]
        if in_not_sport_phrase(words.lower, i):
            # A sport word that is no sport in its phrase, wherever a rule looks for it ("police
            # detained 40 hunger strikers": a protest's, PLOVER's; "jailed a human rights defender").
            continue
        forms.add(words.lower[i])
        forms.add(lemma)
        if lemma in tagged:
            forms.add(f"{lemma}/{words.pos[i]}")
        if lemma in joined and words.dep[i] == "amod":
            forms.add(f"{lemma}+{words.lemma[doc[i].head.i]}")
    return forms


@cache
def _written_with(mark: str) -> frozenset[str]:
    """What stands before ``mark`` in the sense rules' words ("final" of "final/NOUN")."""
    words = {word for rules in read_senses().values() for rule in rules for word in rule.words}
    return frozenset(word[:end] for word in words for end, char in enumerate(word) if char == mark)
