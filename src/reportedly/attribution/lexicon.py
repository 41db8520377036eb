"""The word lists attribution relies on, read from ``reportedly/data``.

Lists are data, not code: users extend them by editing the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# A verb lemma is a cue when PolNeAR train annotates it as one at least this often
# (tuned on train; see scripts/build_cue_lexicon.py).
DEFAULT_CUE_RATE = 0.15
# Cues whose content is only a noun phrase ("criticized the plan"), or that sit inside
# another attribution's content, need a verb that is usually a cue.
STRONG_CUE_RATE = 0.25
# A tagged cue verb takes the preposition after it ("talk about", "call for") where PolNeAR
# train's cues include it at least this often, in at least this many cues.
CUE_PREPOSITION_RATE = 0.8
CUE_PREPOSITION_SUPPORT = 5


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    text = resources.files("reportedly.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def word_set(name: str) -> frozenset[str]:
    """A one-entry-per-line data file as a lower-cased set."""
    return frozenset(line.lower() for line in data_lines(name))


def word_table(name: str) -> dict[str, str]:
    """A two-column data file (word<TAB>value) as a dict from the lower-cased word."""
    return {
        word.strip().lower(): value.strip() for word, value in (line.split("\t") for line in data_lines(name))
    }


@dataclass(frozen=True, slots=True)
class Lexicon:
    cue_rates: dict[str, float]
    min_cue_rate: float
    addressee_verbs: frozenset[str]
    channel_nouns: frozenset[str]
    nominal_cues: frozenset[str]
    outlets: frozenset[str]
    hypothetical_markers: frozenset[str]
    non_cue_phrases: frozenset[str]
    colon_non_sources: frozenset[str]
    raising_verbs: frozenset[str]
    passive_raising_verbs: frozenset[str]
    # "is likely to say": the adjective raises its subject as a raising verb does.
    raising_adjectives: frozenset[str]
    # Verbs of asking: the one asked is the addressee ("Spicer was asked whether ...").
    question_verbs: frozenset[str]
    # Belief and intention verbs: "said he expects ..." is one attribution, not two.
    mind_verbs: frozenset[str]
    # (verb lemma, preposition) pairs whose preposition belongs to the cue: ("call", "for").
    cue_prepositions: frozenset[tuple[str, str]]
    # The reporting verbs chosen for this product (demands, denials, rejections ...).
    manual_cues: frozenset[str]

    def names_outlet(self, name: str) -> bool:
        """Whether ``name`` is a listed news outlet, with or without "the" ("The Hill", "the BBC")."""
        lowered = name.lower()
        return lowered in self.outlets or lowered.removeprefix("the ") in self.outlets


def learned_cue_prepositions() -> frozenset[tuple[str, str]]:
    """The (verb lemma, preposition) pairs PolNeAR train's cues usually include."""
    pairs = set()
    for line in data_lines("cue_prepositions.tsv"):
        verb, word, included, excluded = line.split("\t")
        total = int(included) + int(excluded)
        if total >= CUE_PREPOSITION_SUPPORT and int(included) >= CUE_PREPOSITION_RATE * total:
            pairs.add((verb, word))
    return frozenset(pairs)


def learned_cue_rates() -> dict[str, float]:
    """Verb lemma to the share of its occurrences that PolNeAR train annotates as a cue."""
    rates = {}
    for line in data_lines("cue_verbs.tsv"):
        lemma, rate, *_ = line.split("\t")
        rates[lemma] = float(rate)
    return rates


@lru_cache(maxsize=8)
def load_lexicon(min_cue_rate: float = DEFAULT_CUE_RATE) -> Lexicon:
    # Hand-listed cues are always candidates, but keep their learned rate as evidence strength.
    rates = learned_cue_rates()
    manual_cues = word_set("cue_verbs_manual.txt")
    for lemma in manual_cues:
        rates[lemma] = max(rates.get(lemma, 0.0), min_cue_rate)
    for lemma in word_set("cue_verbs_excluded.txt"):
        rates.pop(lemma, None)
    return Lexicon(
        cue_rates=rates,
        min_cue_rate=min_cue_rate,
        addressee_verbs=word_set("addressee_verbs.txt"),
        channel_nouns=word_set("channel_nouns.txt"),
        nominal_cues=word_set("nominal_cues.txt"),
        outlets=word_set("outlets.txt"),
        hypothetical_markers=word_set("hypothetical_markers.txt"),
        non_cue_phrases=word_set("non_cue_phrases.txt"),
        colon_non_sources=word_set("colon_non_sources.txt"),
        raising_verbs=word_set("raising_verbs.txt"),
        passive_raising_verbs=word_set("passive_raising_verbs.txt"),
        raising_adjectives=word_set("raising_adjectives.txt"),
        question_verbs=word_set("question_verbs.txt"),
        mind_verbs=word_set("mind_verbs.txt"),
        cue_prepositions=learned_cue_prepositions(),
        manual_cues=manual_cues,
    )
