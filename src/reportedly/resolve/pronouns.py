"""A learned scorer of the antecedents of third-person pronouns ("he", "she", "they", "his").

One pass of a fine-tuned MiniLM encoder (int8 ONNX, run with onnxruntime) reads a window
of text that ends a little after the pronoun; the vectors of the pronoun's word pieces and
of each candidate's (all its mentions in the window) are pooled, and a small head scores
each (pronoun, candidate) pair. The best candidate wins when its probability reaches the
model's threshold.

``reportedly eval gap`` answers GAP with it. Extraction asks it for a pronoun source only
where the speaker resolver's rules find no compatible name near: on the held-out fifth of
PolNeAR train pronouns the rules alone resolved more than the model alone, and the two so
combined more than either (docs/evaluation.md). ``pronoun_candidates`` gives the candidates
the model was trained on.

The model is made by ``training/train_pronouns.py`` on GAP development and the project's own
annotations of PolNeAR train pronouns; the window and masks are built here, the same in
training and at run time. The tokenizer is the attribution tagger's: the unchanged MiniLM
vocabulary.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from reportedly.attribution.tagger import shipped_model_dir
from reportedly.model import Attribution, Entity, Range, Speaker
from reportedly.nlp.onnx import ALL_CORES, cpu_session, first_line
from reportedly.nlp.sentences import holding
from reportedly.nlp.trees import SUBJECTS
from reportedly.nlp.wordpiece import WordPiece
from reportedly.resolve.nominals import ANY_PERSON_NOUNS, BODY_TYPES, DEFINITE, PERSON_NOUNS, body_noun
from reportedly.resolve.turns import Turns, main_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from reportedly.resolve.speakers import SpeakerResolver, _Mention

MODEL_FILE = "model.int8.onnx"
SETTINGS_FILE = "settings.json"
WINDOW_PIECES = 254  # plus [CLS] and [SEP]
AFTER_PIECES = 24  # of context after the pronoun ("he said on Tuesday that ...")
# The pronouns the model resolves, to the agreement the speaker resolver tests them by.
# First and second person, "it" and relatives stay with the rules.
PRONOUN_AGREEMENT = {
    **dict.fromkeys(("he", "him", "his"), "m"),
    **dict.fromkeys(("she", "her", "hers"), "f"),
    **dict.fromkeys(("they", "them", "their"), "they"),
}
# The probability the model's choice needs where the speaker resolver's rules found no
# antecedent: chosen on the four fifths of PolNeAR train pronouns not held out (0.5 and 0.7
# tied there; the higher kept), where the model's own threshold cost two sources left null.
FALLBACK_THRESHOLD = 0.7
# An object pronoun's relations to its verb, where the verb's subject cannot be its referent.
OBJECT_RELATIONS = frozenset({"dobj", "dative", "iobj"})
# A relative pronoun subject stands for the noun its clause modifies ("Chebl, who replaced him").
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
# Prepositions whose object the verb's subject may still be ("brought his wife with him",
# "looked around him"): their objects are left to the model.
_LOCAL_PREPOSITIONS = frozenset({"with", "around", "behind", "beside", "near", "beneath", "before"})
# The relations that take a word out of the reach of its clause's subject pronoun: adjuncts,
# coordinated and loosely attached clauses, appositions, possessors (which writers bind
# freely: "she produced Turner's screenplay").
_UNBOUND_RELATIONS = frozenset(
    {"advcl", "conj", "parataxis", "appos", "relcl", "poss", "acl", "npadvmod", "punct"}
)
# The types NER gives a person's name it misreads (not a place or a people).
MISTYPED_PERSON_TYPES = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "EVENT"})
# Verbs whose subject pronoun goes on with the last to speak ("he added").
_CONTINUING_VERBS = frozenset({"add"})
# Pronouns bound to their clause's subject, to their gender.
_BOUND_PRONOUNS = {
    **dict.fromkeys(("his", "himself"), "m"),
    **dict.fromkeys(("her", "herself"), "f"),
}
_UNITS = re.compile(r"[^\W_]+|\S")  # BERT's pre-tokenised words: runs of letters and digits, marks


class MistypedNames(Enum):
    """Which names NER typed as no person (of ``MISTYPED_PERSON_TYPES``) a pronoun's
    candidates (``pronoun_candidates``) take in, short of a gender of the other."""

    EVIDENCED = "evidenced"  # those the text says are a person (``_evidently_person``)
    ANY = "any"  # whatever the text says


class PronounModelError(Exception):
    """The pronoun model's folder is missing or incomplete."""


def shipped_pronoun_dir() -> Path:
    return Path(str(resources.files("reportedly") / "data" / "models" / "pronoun-resolver"))


@dataclass(frozen=True, slots=True)
class Window:
    """The encoder's input for one pronoun: piece ids with [CLS]/[SEP], the pronoun's piece
    mask, one mask per candidate (all zero for a candidate outside the window), and the
    characters the window covers."""

    ids: list[int]
    pronoun_mask: np.ndarray  # [T] float32
    candidate_masks: np.ndarray  # [C, T] float32
    covers: Range


def encode_window(
    pieces: WordPiece,
    text: str,
    pronoun: Range,
    candidates: Sequence[Sequence[Range]],
    window_pieces: int = WINDOW_PIECES,
    after_pieces: int = AFTER_PIECES,
) -> Window:
    """The window of whole words ending ``after_pieces`` pieces after the pronoun (or at the
    text's end) and reaching back as far as ``window_pieces`` allows."""
    units = [(match.start(), match.end()) for match in _UNITS.finditer(text)]
    unit_ids: dict[int, tuple[int, ...]] = {}

    def ids_of(index: int) -> tuple[int, ...]:
        if index not in unit_ids:
            start, end = units[index]
            unit_ids[index] = pieces.word_ids(text[start:end])
        return unit_ids[index]

    first = max(0, holding([start for start, _ in units], pronoun.start))
    last = first
    while last < len(units) and units[last][0] < pronoun.end:
        last += 1  # units[first:last] are the pronoun's
    used = sum(len(ids_of(index)) for index in range(first, last))
    after = 0
    while last < len(units) and after + len(ids_of(last)) <= after_pieces:
        after += len(ids_of(last))
        last += 1
    used += after
    while first > 0 and used + len(ids_of(first - 1)) <= window_pieces:
        used += len(ids_of(first - 1))
        first -= 1
    ids = [pieces.cls_id]
    unit_pieces: list[tuple[int, int, int, int]] = []  # unit start, end, first piece, end piece
    for index in range(first, last):
        position = len(ids)
        ids.extend(ids_of(index))
        unit_pieces.append((*units[index], position, len(ids)))
    ids.append(pieces.sep_id)

    def mask(spans: Sequence[Range]) -> np.ndarray:
        row = np.zeros(len(ids), dtype=np.float32)
        for start, end, piece_start, piece_end in unit_pieces:
            if any(span.start < end and start < span.end for span in spans):
                row[piece_start:piece_end] = 1.0
        return row

    covers = Range(units[first][0], units[last - 1][1]) if last > first else Range(0, 0)
    masks = np.stack([mask(spans) for spans in candidates]) if candidates else np.zeros((0, len(ids)))
    return Window(ids, mask([pronoun]), masks.astype(np.float32), covers)


class PronounModel:
    """Scores a pronoun's candidates with the exported encoder and head."""

    def __init__(self, model_dir: Path, tokenizer: Path, threads: int = ALL_CORES) -> None:
        for path in (model_dir / MODEL_FILE, model_dir / SETTINGS_FILE, tokenizer):
            if not path.is_file():
                raise PronounModelError(f"cannot load the pronoun model in {model_dir}: no {path.name}")
        try:
            self.pieces = WordPiece.from_file(tokenizer)
            settings = json.loads((model_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
            self.threshold = float(settings["threshold"])
            self.window_pieces = int(settings.get("window_pieces", WINDOW_PIECES))
            self.after_pieces = int(settings.get("after_pieces", AFTER_PIECES))
            # GAP's passages: the threshold chosen on held-out GAP development passages, and a
            # window reading on after the pronoun, where a passage may name a candidate.
            self.gap_threshold = float(settings["gap_threshold"])
            self.gap_after_pieces = int(settings["gap_after_pieces"])
            self.session = cpu_session(model_dir / MODEL_FILE, threads)
        except Exception as error:  # onnxruntime raises its own exception types, not OSError
            problem = first_line(error)
            raise PronounModelError(f"cannot load the pronoun model in {model_dir}: {problem}") from None

    def probabilities(
        self, text: str, pronoun: Range, candidates: Sequence[Sequence[Range]], after_pieces: int
    ) -> np.ndarray:
        """The probability that the pronoun refers to each candidate (given as its mentions);
        0 for a candidate with no mention in the window."""
        if not candidates:
            return np.zeros(0, dtype=np.float32)
        window = encode_window(self.pieces, text, pronoun, candidates, self.window_pieces, after_pieces)
        ids = np.array([window.ids], dtype=np.int64)
        feed = {
            "input_ids": ids,
            "attention_mask": np.ones_like(ids),
            "pronoun_mask": window.pronoun_mask,
            "candidate_masks": window.candidate_masks,
        }
        logits = self.session.run(None, feed)[0]
        probabilities = 1.0 / (1.0 + np.exp(-logits))
        return np.where(window.candidate_masks.any(axis=1), probabilities, 0.0)

    def choose(
        self,
        text: str,
        pronoun: Range,
        candidates: Sequence[Sequence[Range]],
        threshold: float | None = None,
        after_pieces: int | None = None,
    ) -> int | None:
        """The index of the candidate the pronoun refers to, or None when none reaches the
        threshold (the model's for news, unless given)."""
        probabilities = self.probabilities(
            text, pronoun, candidates, self.after_pieces if after_pieces is None else after_pieces
        )
        if not len(probabilities):
            return None
        best = int(np.argmax(probabilities))
        return best if probabilities[best] >= (self.threshold if threshold is None else threshold) else None

    def antecedent(
        self, resolver: SpeakerResolver, pronoun: Token, attribution: Attribution
    ) -> Entity | None:
        """The entity the model picks for a pronoun of the news among ``pronoun_candidates``
        where the resolver's rules found none, or None when none reaches ``FALLBACK_THRESHOLD``.
        A "they" opening an interview's answer is first the body the question was about
        (``Turns.asked_about``), which the model, trained on people, scores too low to pick;
        a "he" or "she" opening a live-blog post, the one person of the latest post before
        (``post_opening_antecedent``)."""
        asked = resolver.turns.asked_about(pronoun) or post_opening_antecedent(resolver, pronoun)
        if asked is not None:
            return asked
        entities, mentions = pronoun_candidates(resolver, pronoun, attribution)
        if not entities:
            # None agrees: a person whose gender only a census first name tells may be of the
            # other, where the text binds a pronoun of the pronoun's gender to them ("Toni
            # Kroos ... Kroos, in his last club game, is in tears"; "Lai Ching-te", the family
            # name first, "Lai has appeared with his running mate").
            entities, mentions = pronoun_candidates(resolver, pronoun, attribution, census_gender=False)
        threshold = FALLBACK_THRESHOLD
        if not entities:
            # Still none: a name NER took for no person ("Her editor, Tunde Bakare, read the
            # manuscript", typed an organisation), where the text says it is one; the model,
            # trained on people named as people, is less sure of it, at its own threshold.
            entities, mentions = pronoun_candidates(
                resolver, pronoun, attribution, mistyped=MistypedNames.EVIDENCED
            )
            threshold = self.threshold
        pronoun_range = Range(pronoun.idx, pronoun.idx + len(pronoun.text))
        chosen = self.choose(resolver.text, pronoun_range, mentions, threshold=threshold)
        if chosen is None and PRONOUN_AGREEMENT[pronoun.lower_] != "they":
            # No one yet: any such name, with no evidence, where the model is as sure of it as
            # it must be of a person ("Lukas Brandtner", typed an organisation, whom a profile
            # is about; "Then Kavanaugh came in, and he was angry"): the people that agree
            # all scored lower, so the alternative is no one.
            entities, mentions = pronoun_candidates(
                resolver, pronoun, attribution, mistyped=MistypedNames.ANY
            )
            chosen = self.choose(resolver.text, pronoun_range, mentions, threshold=FALLBACK_THRESHOLD)
        return None if chosen is None else entities[chosen]


def barred(pronoun: Token, name: Token) -> bool:
    """Whether binding forbids the pronoun to refer to the name whose head word is ``name``.
    An object pronoun is not the subject of its own verb, or of the verb that verb is
    coordinated with ("Ferguson dominated him", "Smith met Jones and hired him": not
    Ferguson, not Smith; that would be "himself"), though it may be the subject of a verb of
    control above it ("asked Eleanor to restore her") or a possessor in the subject
    ("Diana's experiences taught her"). So is the object of a preposition on the verb
    ("Paine took the bullet for him"), unless the preposition places or accompanies ("with
    him", "around him"); the subject of a relative clause is the noun it modifies ("Chebl,
    who replaced him") and that of a participle the subject of the clause it hangs on
    ("Aguilar challenged Turner, defeating him"). A subject pronoun is no name after it that its
    clause holds as an argument, at any depth ("He told Jones that Smith ...": neither),
    unless an adjunct, coordination or possessor lies between. A possessive pronoun binds
    nothing."""
    if pronoun.tag_ == "PRP$":
        return False
    verb = _governing_verb(pronoun)
    if verb is not None:
        subject = _subject(verb)
        return subject is not None and subject.i == name.i
    if pronoun.dep_ not in SUBJECTS or name.i < pronoun.i:
        return False
    word = name
    while word.i != pronoun.head.i:
        if word.dep_ in _UNBOUND_RELATIONS or word.head.i == word.i:
            return False
        word = word.head
    return True


def _governing_verb(pronoun: Token) -> Token | None:
    """The verb an object pronoun is the object of, directly or through a preposition."""
    if pronoun.dep_ in OBJECT_RELATIONS:
        return pronoun.head
    preposition = pronoun.head
    if (
        pronoun.dep_ == "pobj"
        and preposition.dep_ in {"prep", "dative"}
        and preposition.lower_ not in _LOCAL_PREPOSITIONS
        and preposition.head.pos_ in {"VERB", "AUX"}
    ):
        return preposition.head
    return None


def _subject(verb: Token) -> Token | None:
    """The subject of the verb's clause: its own, the one of the verb it is coordinated with
    or of the clause a participle hangs on, or for a relative pronoun the noun it stands for."""
    while (subject := next((c for c in verb.children if c.dep_ in SUBJECTS), None)) is None:
        participle = verb.dep_ == "advcl" and verb.tag_ in {"VBG", "VBN"}
        if verb.head.i == verb.i or not (
            verb.dep_ == "conj" or (participle and not any(c.dep_ == "mark" for c in verb.children))
        ):
            return None
        verb = verb.head
    if subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subject


# The white space a post opens with, before its first word.
_SPACES = re.compile(r"\s*")


def post_opening_antecedent(resolver: SpeakerResolver, pronoun: Token) -> Entity | None:
    """For a "he" or "she" in the first sentence of a live-blog post, no one being named or
    described in the post before it ("01:15 BST / He has now posted that ...", "Furlough
    will be extended, he confirms"): the one person of its gender the latest earlier post
    naming any names, or of two the one a sentence of it is about ("Grant Shapps has lost his
    seat in Welwyn Hatfield", the town read as a person); None where that post names two
    subjects, the pronoun follows a sentence of its
    own post (whose subject the post has moved on to), or it is in no post. Who speaks
    changes by post, but a post may go on with the last post's."""
    kind = PRONOUN_AGREEMENT.get(pronoun.lower_)
    starts = resolver.turns.post_starts
    start = resolver.turns.post_start(pronoun.idx)
    if kind not in {"m", "f"} or start not in starts:
        return None
    first_word = _SPACES.match(resolver.text, start).end()
    if pronoun.sent.start_char > first_word or any(
        word.ent_type_ == "PERSON" or word.lemma_.lower() in ANY_PERSON_NOUNS
        for word in pronoun.sent
        if start <= word.idx < pronoun.idx
    ):
        return None
    at = starts.index(start)
    for earlier, end in reversed(list(pairwise(starts[: at + 1]))):
        mentions = [
            mention
            for mention in (*resolver.mentions, *resolver.pronoun_mentions)
            if earlier <= mention.start < end and resolver._agrees(kind, mention)
        ]
        if mentions:
            if any(mention.dep == "conj" for mention in mentions):
                return _one_person(mentions)  # "Tom Reeve and Paul Dray have resigned": two
            return _one_person(mentions) or _one_person([mention for mention in mentions if mention.subject])
    return None


def _one_person(mentions: Sequence[_Mention]) -> Entity | None:
    """The entity all the mentions are of, or None where there are several (or none)."""
    people = {mention.entity.id: mention.entity for mention in mentions}
    return next(iter(people.values())) if len(people) == 1 else None


def described_subjects(doc: Doc, attributions: Sequence[Attribution], turns: Turns) -> list[Token]:
    """The heads of the definite descriptions of a person that are the main subject of a
    sentence of the narrative and no attribution's source, in text order ("The former
    secretary of state sounded relaxed ... she told reporters"; "but the Arsenal manager
    defended his winger. '...,' he said"). Resolved as a source is, each is a mention of its
    referent for the pronouns after it, which go on with the subject of the sentence before.
    Not one with a name in apposition (the name is the mention), nor in a question or an
    interviewee's answer (no narrative's subject), nor a body's noun ("the airline" named
    mostly by the wrong body on the training passages)."""
    sources = [attribution.source for attribution in attributions if attribution.source]
    quoted = [part for attribution in attributions for part in attribution.content]
    return [
        word
        for word in doc
        if word.pos_ == "NOUN"
        and word.tag_ == "NN"
        and not word.ent_type_
        and main_subject(word)
        and word.lemma_.lower() in ANY_PERSON_NOUNS
        and any(child.lower_ in DEFINITE or child.dep_ == "poss" for child in word.children)
        and not any(child.dep_ == "appos" for child in word.children)
        and not any(span.start <= word.idx < span.end for span in (*sources, *quoted))
        and not word.sent.text.rstrip().endswith("?")
        and not turns.in_answer(word.idx)
    ]


def takes_up_subject(pronoun: Token) -> bool:
    """Whether a pronoun opens its sentence as its subject, so that it takes up the main
    subject of the sentence before as readily as the last to speak ("Saka spoke to the club's
    channel afterwards. He said": Saka, not the manager quoted before); not as the subject of
    a verb that goes on with the last speaker's words ("He added")."""
    return (
        pronoun.i == pronoun.sent.start
        and pronoun.dep_ in SUBJECTS
        and pronoun.head.lemma_.lower() not in _CONTINUING_VERBS
    )


def taken_up_as_body(resolver: SpeakerResolver, mention: _Mention) -> bool:
    """Whether a mention is a definite body's noun the resolver took up as its entity ("Indus
    Gateway Terminals said ... The operator called the stoppage illegal. It said": the
    operator): the text calls the entity an organisation there, so an "it" after it may refer
    to it, whatever NER typed the name (a work, a product)."""
    words = resolver._words(mention)
    if words is None or len(words) == 0:
        return False
    head = words.root
    return (
        head.pos_ == "NOUN"
        and not head.ent_type_
        and any(child.lower_ in DEFINITE for child in head.children)
        and body_noun(head.lemma_.lower())
    )


def continued_group(resolver: SpeakerResolver, pronoun: Token) -> Speaker | None:
    """For a subject "they" in the sentence of the last group that spoke or the one after,
    no other source between ("Amelia Hart's parents, Tom Hart and Sarah Hart, said ... They
    said"; "The province and Rugby Players Ireland said in a joint statement ... They said"):
    that group; else None."""
    if resolver.group_spoke is None or pronoun.lower_ != "they" or pronoun.dep_ not in SUBJECTS:
        return None
    spoke, group = resolver.group_spoke
    start = spoke.source.start if spoke.source else pronoun.idx
    opening = pronoun.sent.start
    sentence_before = pronoun.doc[opening - 1].sent.start_char if opening else 0
    if not sentence_before <= start < pronoun.idx or any(
        other.source is not None and start < other.source.start < pronoun.idx
        for other in resolver.attributions
    ):
        return None
    return group


def pronoun_candidates(
    resolver: SpeakerResolver,
    pronoun: Token,
    attribution: Attribution,
    reach: int = 3000,
    census_gender: bool = True,
    mistyped: MistypedNames | None = None,
) -> tuple[list[Entity], list[list[Range]]]:
    """The entities a pronoun may refer to, with their mentions: those mentioned in the
    ``reach`` characters before it and in its live-blog post, if it is in one (beyond the
    window, a mention is masked out), that agree with it (a man or a person of unknown gender
    for "he"; no person for "they"; with ``census_gender`` False, also a person whose gender
    only a census first name gives; with ``mistyped``, also the names the resolver holds for
    no person that ``MistypedNames`` says), outside the attribution's own content (a speaker
    does not name himself in his own words)."""
    kind = PRONOUN_AGREEMENT[pronoun.lower_]
    # Not before the pronoun's own post in a live blog, where the speakers change by post.
    first = bisect.bisect_left(
        resolver.mention_starts, max(pronoun.idx - reach, resolver.turns.post_start(pronoun.idx))
    )
    last = bisect.bisect_left(resolver.mention_starts, pronoun.idx)
    by_entity: dict[str, tuple[Entity, list[Range]]] = {}
    for mention in resolver.mentions[first:last]:
        if mention.end > pronoun.idx:
            continue
        if kind == "they":
            # A group, an organisation or a people: not one person, as the rules have it.
            if mention.entity.type not in BODY_TYPES or mention.entity.id in resolver.people:
                continue
        elif (
            not resolver._agrees(kind, mention)
            and (
                census_gender
                or mention.entity.id not in resolver.people
                or not _census_gendered(mention.entity, resolver.gender_words.census_only)
                or kind not in _bound_genders(resolver, mention.entity)
            )  # the resolver's agreement test
            and not (mistyped is not None and _mistyped_person(resolver, mention.entity, kind, mistyped))
        ):
            continue
        if any(part.start <= mention.start < part.end for part in attribution.content):
            continue
        entity = mention.entity
        by_entity.setdefault(entity.id, (entity, []))[1].append(Range(mention.start, mention.end))
    entities = [entity for entity, _ in by_entity.values()]
    return entities, [spans for _, spans in by_entity.values()]


def _mistyped_person(resolver: SpeakerResolver, entity: Entity, kind: str, mistyped: MistypedNames) -> bool:
    """Whether a name the resolver holds for no person (NER's organisation or work: "Tunde
    Bakare", "Evaristo") may be a person of the pronoun's gender ``kind``: its gender is not
    the other, and, where ``mistyped`` is ``MistypedNames.EVIDENCED``, the text says it is a
    person (``_evidently_person``)."""
    if (
        entity.id in resolver.people
        or entity.type not in MISTYPED_PERSON_TYPES
        or resolver.genders.get(entity.id) not in (None, kind)
    ):
        return False
    return mistyped is MistypedNames.ANY or _evidently_person(resolver, entity, kind)


def _evidently_person(resolver: SpeakerResolver, entity: Entity, kind: str) -> bool:
    """Whether the text says a name NER took for no person is one of the pronoun's gender
    ``kind``: a mention of it is described as a person (``_described_as_person``) or binds a
    "his" or "her" of that gender ("Uchida admitted his company had been slow")."""
    return _described_as_person(resolver, entity) or kind in _bound_genders(resolver, entity)


def _described_as_person(resolver: SpeakerResolver, entity: Entity, one: bool = False) -> bool:
    """Whether a mention of the entity is in apposition with a person's noun ("Her editor,
    Tunde Bakare") or has a "who" clause ("Evaristo, who is ..."); with ``one``, a singular
    noun of a role (``_person_noun``) and a clause whose verb is not plural, in no dateline."""
    for mention in entity.mentions:
        words = resolver._words(mention)
        if words is None or len(words) == 0 or (one and words.text.isupper()):
            continue  # with ``one``, not a dateline's place ("MUMBAI, April 4 - ...")
        root = words.root
        nouns = [child for child in root.children if child.dep_ == "appos"]
        if root.dep_ == "appos":
            nouns.append(root.head)
        if any(_person_noun(noun, one) for noun in nouns) or any(
            child.dep_ == "relcl"
            and any(word.lower_ == "who" for word in child.children)
            and not (one and _plural_verb(child))
            for child in root.children
        ):
            return True
    return False


def _person_noun(noun: Token, one: bool) -> bool:
    """Whether a noun is a person's; with ``one``, a singular noun only a person's role or
    occupation is ("editor", "novelist"; not "lender" or "sponsor", a body's as well)."""
    if one:
        return noun.tag_ == "NN" and noun.lemma_.lower() in PERSON_NOUNS
    return noun.lemma_.lower() in ANY_PERSON_NOUNS


def _plural_verb(verb: Token) -> bool:
    """Whether a clause's verb, or its first auxiliary, is plural ("who were beaten", "who
    have won")."""
    auxiliaries = [child for child in verb.children if child.dep_ in {"aux", "auxpass"} and child.i < verb.i]
    first = auxiliaries[0] if auxiliaries else verb
    return first.tag_ == "VBP" or first.lower_ == "were"


def shown_person(resolver: SpeakerResolver, entity: Entity) -> bool:
    """Whether a name NER typed as an organisation, a work, a product, an event or a place is
    a person by what the text says of it: a single person's noun in apposition or a "who"
    clause with a verb of one ("Sabalenka, who will rise to No. 1"; not "Leeds, who were
    beaten": British usage gives a club "who"), or a "his", "her" or reflexive it binds
    ("Haaland himself was more concise", "Uchida admitted his company had been slow"), which
    no body's name binds. The speaker resolver's people set takes such names in, so that a
    pronoun reaches them by its rules as it does a person NER typed as one."""
    if entity.type not in MISTYPED_PERSON_TYPES | {"GPE"}:
        return False
    return bool(_bound_genders(resolver, entity, alone=True)) or _described_as_person(
        resolver, entity, one=True
    )


def _census_gendered(entity: Entity, census_only: frozenset[str]) -> bool:
    """Whether a person's gender comes only from a census first name: the first of two or
    more words of their name is one of ``census_only`` (``speakers.Genders``)."""
    words = entity.name.lower().split()
    return len(words) > 1 and words[0] in census_only


def _bound_genders(resolver: SpeakerResolver, entity: Entity, alone: bool = False) -> set[str]:
    """The genders of the possessive and reflexive pronouns the text binds to a person: those
    in a clause whose subject is a mention of them ("Kroos, in his last club game, is in
    tears"), not in a clause of their own with another subject. With ``alone``, only where
    the subject is no coordination, the verb has no object a clause below it may take for its
    subject ("The committee asked Comey to testify about his dismissal") and the possessive
    is not the name's own ("which her Awami League won"; but "Haaland himself") nor a
    deity's ("for America to pray and ask for His forgiveness")."""
    genders = set()
    for mention in entity.mentions:
        words = resolver._words(mention)
        if words is None or len(words) == 0 or words.root.dep_ not in SUBJECTS:
            continue
        verb = words.root.head
        if alone and (
            any(child.dep_ == "conj" for child in words.root.children)
            or any(child.dep_ in OBJECT_RELATIONS for child in verb.children)
        ):
            continue
        for word in verb.subtree:
            if alone and (
                (word.tag_ == "PRP$" and word in words.root.subtree)
                or (word.is_title and word.i != word.sent.start)
            ):
                continue  # the name's own possessor ("which her Awami League won"), a deity's "His"
            if word.lower_ not in _BOUND_PRONOUNS or (word.lower_ == "her" and word.tag_ != "PRP$"):
                continue  # an object "her" is bound to no subject of its clause
            clause = word.head
            while clause.i != verb.i and not any(child.dep_ in SUBJECTS for child in clause.children):
                clause = clause.head
            if clause.i == verb.i:
                genders.add(_BOUND_PRONOUNS[word.lower_])
    return genders


def load_pronoun_model(name: str, threads: int = ALL_CORES) -> PronounModel | None:
    """The pronoun model ``name`` names: ``"shipped"``, a trained model's folder, or ``"none"``
    (not loaded)."""
    if name == "none":
        return None
    folder = shipped_pronoun_dir() if name == "shipped" else Path(name)
    return PronounModel(folder, shipped_model_dir() / "tokenizer.json", threads)
