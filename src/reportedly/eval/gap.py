"""Score pronoun resolution on GAP (Webster et al., 2018): Wikipedia passages, each with an
ambiguous pronoun and two names, A and B, and whether the pronoun refers to each.

The learned pronoun model (``reportedly.resolve.pronouns``) scores A and B at their offsets
and answers yes for the better of the two when it reaches the model's GAP threshold; a name
binding forbids ("Ferguson dominated him", "He told Jones": ``pronouns.barred``) is not the
referent, which the parse tells and the model often misses. With the rules instead, the
resolver runs on the passage as on any document and resolves the pronoun as it would
resolve a source; a name is its referent when the entity it picks is mentioned at that
name's offset, or goes by that name. The metric is GAP's own: for each of
A and B a yes or no, F1 of the yeses over every pair, and apart for masculine and feminine pronouns, with
their ratio (the bias: 1.0 is even).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from reportedly.eval import GoldError
from reportedly.eval.speakers import resolve_span, resolved_draft, same_referent
from reportedly.model import Entity, Range
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER, load_spacy
from reportedly.resolve.pronouns import barred
from reportedly.resources import Resources

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

COLUMNS = ("ID", "Text", "Pronoun", "Pronoun-offset", "A", "A-offset", "A-coref", "B", "B-offset", "B-coref")
FEMININE = frozenset({"she", "her", "hers", "herself"})


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    offset: int
    coreferent: bool | None  # None where the file gives no answer (a file to predict)

    @property
    def span(self) -> Range:
        return Range(self.offset, self.offset + len(self.name))


@dataclass(frozen=True, slots=True)
class GapExample:
    id: str
    text: str
    pronoun: str
    pronoun_offset: int
    a: Candidate
    b: Candidate

    @property
    def gender(self) -> str:
        return "feminine" if self.pronoun.lower() in FEMININE else "masculine"


def read_gap(path: Path) -> list[GapExample]:
    """Read a GAP TSV file; a missing column or a bad value raises GoldError naming the line."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            raise GoldError(f"{path}: not a GAP file: no column {missing[0]}")
        return [_example(path, line, row) for line, row in enumerate(reader, start=2)]


def _example(path: Path, line: int, row: dict[str, str]) -> GapExample:
    try:
        return GapExample(
            id=row["ID"],
            text=row["Text"],
            pronoun=row["Pronoun"],
            pronoun_offset=int(row["Pronoun-offset"]),
            a=Candidate(row["A"], int(row["A-offset"]), _answer(row["A-coref"])),
            b=Candidate(row["B"], int(row["B-offset"]), _answer(row["B-coref"])),
        )
    except (ValueError, TypeError) as error:
        raise GoldError(f"{path}:{line}: {error}") from None


def _answer(value: str | None) -> bool | None:
    if value in (None, ""):
        return None
    if value.upper() not in {"TRUE", "FALSE"}:
        raise ValueError(f"coreference is {value!r}, not TRUE or FALSE")
    return value.upper() == "TRUE"


def refers_to(entity: Entity | None, candidate: Candidate) -> bool:
    """Whether the resolved entity is the candidate name: mentioned at its offset, or named so."""
    if entity is None:
        return False
    end = candidate.offset + len(candidate.name)
    if any(mention.start < end and candidate.offset < mention.end for mention in entity.mentions):
        return True
    return any(same_referent(name, candidate.name) for name in (entity.name, *entity.aliases))


def _bars(pronoun: Token, doc: Doc, candidate: Candidate) -> bool:
    """Whether binding forbids the pronoun to refer to the candidate, by the name's last word."""
    words = doc.char_span(candidate.span.start, candidate.span.end, alignment_mode="expand")
    return words is not None and len(words) > 0 and barred(pronoun, words[-1])


def model_names(example: GapExample, doc: Doc) -> list[list[Range]]:
    """A's and B's mentions for the pronoun model: each name at its offset, or none (which the
    model scores 0) for a name binding bars, by the passage's parse ``doc``."""
    pronoun = doc.char_span(
        example.pronoun_offset, example.pronoun_offset + len(example.pronoun), alignment_mode="expand"
    )
    return [
        [] if pronoun is not None and len(pronoun) == 1 and _bars(pronoun[0], doc, c) else [c.span]
        for c in (example.a, example.b)
    ]


def predict(
    examples: Iterable[GapExample],
    model: str = DEFAULT_MODEL,
    tagger: str = DEFAULT_TAGGER,
    pronouns: str = "shipped",
) -> Iterator[tuple[GapExample, bool, bool]]:
    """Each example with the pronoun model's answers for A and B (the resolver's rules with
    ``pronouns`` "none")."""
    resources = Resources.load(model, tagger, pronouns=pronouns)
    scorer = resources.pronouns
    nlp = load_spacy(model)
    if scorer is not None:
        for example in examples:
            pronoun = Range(example.pronoun_offset, example.pronoun_offset + len(example.pronoun))
            names = model_names(example, nlp(example.text))
            chosen = scorer.choose(
                example.text, pronoun, names, scorer.gap_threshold, scorer.gap_after_pieces
            )
            yield example, chosen == 0, chosen == 1
        return
    for example in examples:
        yield example, *rules_answer(example, nlp, resources)


def rules_answer(example: GapExample, nlp: Language, resources: Resources) -> tuple[bool, bool]:
    """Whether the speaker resolver's rules (``resources`` without a pronoun model) take the
    pronoun for A and for B, run over the passage as over any document."""
    draft, resolver = resolved_draft(example.id, example.text, nlp, resources)
    end = example.pronoun_offset + len(example.pronoun)
    attributions = draft.extraction.attributions
    entity = resolve_span(resolver, attributions, example.text, example.pronoun_offset, end)
    return refers_to(entity, example.a), refers_to(entity, example.b)


def score(predictions: Iterable[tuple[GapExample, bool, bool]]) -> dict[str, Any]:
    """GAP's metric: precision, recall and F1 of the yes answers, overall and by gender."""
    counts: dict[str, dict[str, int]] = {
        group: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for group in ("overall", "masculine", "feminine")
    }
    for example, *answers in predictions:
        for candidate, predicted in zip((example.a, example.b), answers, strict=True):
            if candidate.coreferent is None:
                raise GoldError(f"{example.id}: no gold answer for {candidate.name}")
            outcome = ("t" if predicted == candidate.coreferent else "f") + ("p" if predicted else "n")
            for group in ("overall", example.gender):
                counts[group][outcome] += 1
    report: dict[str, Any] = {group: _figures(count) for group, count in counts.items()}
    masculine, feminine = report["masculine"]["f1"], report["feminine"]["f1"]
    report["bias"] = round(feminine / masculine, 3) if masculine else None
    return report


def _figures(count: dict[str, int]) -> dict[str, Any]:
    predicted, gold = count["tp"] + count["fp"], count["tp"] + count["fn"]
    precision = count["tp"] / predicted if predicted else 0.0
    recall = count["tp"] / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "pairs": sum(count.values()),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
    }


def evaluate_gap(
    path: Path,
    predictions_path: Path | None = None,
    model: str = DEFAULT_MODEL,
    tagger: str = DEFAULT_TAGGER,
    pronouns: str = "shipped",
) -> dict[str, Any]:
    """Resolve every pronoun of a GAP file and score the answers; with ``predictions_path``,
    also write them in GAP's system format (ID, A-coref, B-coref; TRUE or FALSE; no header)."""
    examples = read_gap(path)
    answered = list(
        tqdm(
            predict(examples, model, tagger, pronouns),
            total=len(examples),
            desc="gap",
            unit="passage",
            disable=None,
        )
    )
    if predictions_path is not None:
        with predictions_path.open("w", encoding="utf-8", newline="") as handle:
            for example, a, b in answered:
                handle.write(f"{example.id}\t{str(a).upper()}\t{str(b).upper()}\n")
    return score(answered)


def format_report(report: dict[str, Any]) -> str:
    lines = [
        f"{group:<10} F1 {report[group]['f1']}  precision {report[group]['precision']}  "
        f"recall {report[group]['recall']}  ({report[group]['pairs']} pairs)"
        for group in ("overall", "masculine", "feminine")
    ]
    lines.append(f"bias (feminine F1 / masculine F1) {report['bias']}")
    return "\n".join(lines)
