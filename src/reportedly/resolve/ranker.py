"""A learned scorer that ranks the entities a pronoun or a description may refer to.

The speaker resolver (``reportedly.resolve.speakers``) finds what a source is (a pronoun,
a definite description) and which entities it may refer to; each candidate comes as a
:class:`Candidate`, the facts about it and its latest mention, and the source as a
:class:`Reference`. :func:`features` turns a pair into numbers: agreement (gender, number,
person or organisation), distance, salience, grammatical role and parallelism, the
previous speaker, whether the candidate stands in the quote itself, and for descriptions
the role, title and head-noun matches ("the company" and an organisation named
"... Company" or known as one) and whether the candidate is of a kind the noun takes
(``reportedly.resolve.nominals``: "the network" an outlet, "the poll" its maker). A
logistic model per kind of reference scores each pair; the best candidate wins when its
probability reaches the kind's threshold, else the source stays without a speaker. A kind
the model has no weights for is left to the rules.

The weights ship as JSON (``data/models/speaker-ranker.json``), made by
``training/train_resolver.py``; they run with numpy, without the training's dependencies.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "models" / "speaker-ranker.json"
KINDS = ("pronoun", "nominal")
_TYPES = ("PERSON", "ORG", "GPE", "NORP", "FAC")


@dataclass(frozen=True, slots=True)
class Reference:
    """A source that refers back: a pronoun (``agreement`` "m", "f", "it" or "they") or a
    description's head noun (``agreement`` None)."""

    kind: str  # "pronoun" or "nominal"
    agreement: str | None
    head: str  # the pronoun or the head noun's lemma, lower case
    subject: bool  # the source is its clause's subject
    plural: bool
    organisation_noun: bool  # "the company", "the group", "the network"
    outlet_noun: bool  # "the daily", "the newspaper"
    person_noun: bool  # a role a person holds ("the minister", "the coach")
    # The kinds of referent a description's noun takes ("the company": company; nominal_types.tsv).
    types: frozenset[str] = frozenset()
    # The role lexicon's phrase the title ends with and whether a qualifier ("former") is on it.
    role: tuple[tuple[str, ...], bool] | None = None
    # A title's words without its qualifiers ("the secretary of state" for "the former
    # secretary of state"): the office whose former holders the dated table knows.
    office_title: str = ""
    # A title's words before its role that say which holder it means ("socialist" of "the
    # socialist leader"; nominals.role_modifiers).
    modifiers: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entity the reference may point at, as seen from the reference."""

    entity_id: str
    type: str
    person: bool  # a person, whatever NER's label
    gender: str | None
    sentences_back: int  # sentences between its latest mention and the reference
    after: bool  # mentioned only after the reference, in its sentence (cataphora)
    characters_back: int
    recency_rank: int  # 0 for the most recently mentioned candidate
    mentions_before: int
    first_named: bool  # the document's first entity of its kind
    subject: bool  # its latest mention is a clause subject
    possessor: bool  # "Trump's pick": the mention owns a noun
    governed: bool  # object of a preposition ("envoy to Ukraine")
    in_content: bool  # inside the attribution's own words
    previous_speaker: bool
    spoke_before: bool  # the speaker of an earlier attribution
    role_match: bool  # the text gave it the reference's role ("the minister")
    name_has_head: bool  # its name holds the head noun ("the fund": the Monetary Fund)
    outlet: bool  # names a news outlet
    office_holder: bool  # holds the office the description names on the publication day
    single_word: bool
    # role_match by the head noun alone ("prime minister" for "the minister"), not the same role.
    role_head_match: bool = False
    role_conflict: bool = False  # the role, but a qualifier differs ("former minister" for "the minister")
    office_other: bool = False  # has the title's role, while the office's holder that day is another
    type_match: bool = False  # a kind the reference's noun takes ("the network": an outlet)
    type_vague: bool = False  # an organisation of no known kind, for an organisation's noun
    type_conflict: bool = False  # of known kinds, none the reference's noun takes
    type_first: bool = False  # the most recently mentioned candidate whose kind matches
    most_mentioned: bool = False  # no candidate was mentioned more often before the reference
    same_paragraph: bool = False  # no paragraph break between its latest mention and the reference


def features(reference: Reference, candidate: Candidate) -> list[float]:
    """The numbers the scorer weighs for one (reference, candidate) pair; the first is the bias."""
    agreement = reference.agreement
    personal = agreement in {"m", "f"}
    distance = candidate.sentences_back
    type_flags = [float(candidate.type == name and not candidate.person) for name in _TYPES]
    gender_known = candidate.gender is not None
    return [
        1.0,
        float(distance == 0 and not candidate.after),
        float(distance == 1),
        float(distance == 2),
        float(distance >= 3),
        math.log1p(distance),
        float(candidate.after),
        math.log1p(candidate.characters_back / 100),
        float(candidate.recency_rank == 0),
        float(candidate.recency_rank == 1),
        math.log1p(candidate.recency_rank),
        math.log1p(candidate.mentions_before),
        float(candidate.first_named),
        float(candidate.subject),
        float(candidate.subject and reference.subject),
        float(candidate.possessor),
        float(candidate.governed),
        float(candidate.in_content),
        float(candidate.previous_speaker),
        float(candidate.spoke_before),
        float(candidate.person),
        *type_flags,
        float(candidate.single_word),
        float(candidate.outlet),
        # Agreement of pronouns.
        float(personal and candidate.person),
        float(personal and not candidate.person),
        float(personal and gender_known and candidate.gender == agreement),
        float(personal and gender_known and candidate.gender != agreement),
        float(agreement == "it" and candidate.person),
        float(agreement == "it" and candidate.type in {"ORG", "FAC"} and not candidate.person),
        float(agreement == "it" and candidate.type == "GPE"),
        float(agreement == "they" and candidate.person),
        float(agreement == "they" and candidate.type in {"ORG", "NORP"} and not candidate.person),
        float(agreement == "they" and candidate.type == "GPE"),
        # Descriptions: roles, titles, offices and the kind of noun.
        float(candidate.role_match),
        float(candidate.name_has_head),
        float(candidate.office_holder),
        float(reference.organisation_noun and candidate.type in {"ORG", "FAC"} and not candidate.person),
        float(reference.organisation_noun and candidate.person),
        float(reference.outlet_noun and candidate.outlet),
        float(reference.person_noun and candidate.person),
        float(reference.person_noun and not candidate.person),
        float(reference.plural and candidate.person),
        float(reference.plural and not candidate.person),
        # Nominal anaphora: the kind of referent the noun takes, and roles in detail.
        float(candidate.role_head_match),
        float(candidate.role_conflict),
        float(candidate.office_other),
        float(candidate.type_match),
        float(candidate.type_vague),
        float(candidate.type_conflict),
        float(candidate.type_first),
        float(candidate.type_first and candidate.type_match),
        float(candidate.type_match and candidate.sentences_back <= 2),
        # A noun of no known kind ("the audience", "the results"): rarely a referent the text names.
        float(reference.kind == "nominal" and not reference.types),
        float(reference.kind == "nominal" and not reference.types and candidate.person),
        # Salience: whom the story is about so far.
        float(candidate.most_mentioned),
        float(candidate.most_mentioned and reference.person_noun and candidate.person),
        # A person's noun outside the role lexicon ("the mega donor"), and the paragraph.
        float(reference.person_noun and reference.role is None and candidate.person),
        float(candidate.same_paragraph),
    ]


FEATURE_COUNT = len(
    features(
        Reference("pronoun", None, "", False, False, False, False, False),
        Candidate("", "", False, None, 0, False, 0, 0, 0, *(False,) * 12),
    )
)


class Chooser(Protocol):
    def ranks(self, kind: str) -> bool: ...

    def choose(
        self, reference: Reference, candidates: list[Candidate], floor: float | None = None
    ) -> str | None: ...


class RankerError(Exception):
    """The model file is missing or does not fit this code's features."""


@dataclass(frozen=True, slots=True)
class SpeakerRanker:
    """Logistic weights and a null threshold for each kind of reference it resolves (the
    rules resolve the others: they did better on held-out train)."""

    weights: dict[str, np.ndarray]
    thresholds: dict[str, float]

    def ranks(self, kind: str) -> bool:
        return kind in self.weights

    def probabilities(self, reference: Reference, candidates: list[Candidate]) -> np.ndarray:
        if not candidates:
            return np.zeros(0)
        matrix = np.array([features(reference, candidate) for candidate in candidates])
        return 1.0 / (1.0 + np.exp(-(matrix @ self.weights[reference.kind])))

    def choose(
        self, reference: Reference, candidates: list[Candidate], floor: float | None = None
    ) -> str | None:
        """The id of the entity the reference most probably refers to, or None when no
        candidate is probable enough: at the kind's threshold, or at ``floor`` if given."""
        probabilities = self.probabilities(reference, candidates)
        if not len(probabilities):
            return None
        best = int(np.argmax(probabilities))
        if probabilities[best] < (self.thresholds[reference.kind] if floor is None else floor):
            return None
        return candidates[best].entity_id

    def to_json(self) -> dict:
        return {
            "features": FEATURE_COUNT,
            "kinds": {
                kind: {
                    "weights": [round(float(w), 6) for w in self.weights[kind]],
                    "threshold": self.thresholds[kind],
                }
                for kind in KINDS
                if kind in self.weights
            },
        }


def load_ranker(path: Path | None = None) -> SpeakerRanker:
    """The ranker in the JSON file ``path`` (None: the shipped one)."""
    path = path or MODEL_PATH
    try:
        model = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise RankerError(f"{path}: cannot read the speaker ranker: {error}") from None
    if model.get("features") != FEATURE_COUNT:
        raise RankerError(f"{path}: made for {model.get('features')} features, this code has {FEATURE_COUNT}")
    kinds = model.get("kinds") or {}
    if not kinds or set(kinds) - set(KINDS):
        raise RankerError(f"{path}: weights expected for some of {', '.join(KINDS)}, not {sorted(kinds)}")
    return SpeakerRanker(
        weights={kind: np.array(kinds[kind]["weights"], dtype=float) for kind in kinds},
        thresholds={kind: float(kinds[kind]["threshold"]) for kind in kinds},
    )
