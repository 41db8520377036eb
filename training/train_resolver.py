"""Train the speaker ranker (``reportedly.resolve.ranker``) and write its weights.

    python training/train_resolver.py ../shared/data/polnear/train eval/speakers/polnear-train.jsonl \
        ../shared/data/gap/gap-development.tsv --extra-gold eval/speakers/polnear-train-3.jsonl \
        --output src/reportedly/data/models/speaker-ranker.json --rules-for pronoun

Pairs of (reference, candidate entity) come from the project's own annotations of PolNeAR
train sources (pronouns, titles, descriptions, nominal anaphora; a gold speaker or null)
and from GAP development (pronouns, whose names A and B map to the entities mentioned at
their offsets; passages whose pronoun is neither A nor B are left out, as their referent
may be a third candidate). Each article and passage is parsed once and run through the
stages as far as the speakers; the resolver hands every reference it ranks, with its
candidates, to a recorder instead of a model.

The previous speaker is a feature, and who spoke before depends on the resolver's own
answers: a first model is fitted with the references resolved to no one, and the pairs are
then recorded again with that model choosing, as it will when it runs.

A fifth of the PolNeAR articles and of the GAP passages (by a hash of their names: first
byte of the SHA-1 below 51) is held out and never used, so that it measures the shipped
model: ``reportedly eval speakers`` on those articles' records. Each kind's null threshold
(unless ``--threshold`` fixes it) and L2 penalty are the pair with the best accuracy over
the four other fifths in turn, each scoring a model fitted on the other three (a null right
only for a source whose gold is null); the model written is then fitted on the four fifths
not held out, with those settings. (The first
model, which makes the previous speakers the second round of pairs sees, leaves out the
second fifth, first byte 51-101.)
``--passages PASSAGES GOLD`` adds the sources of a passages file written for the project
(``eval/speakers/varied-train-a``), read as PolNeAR train is, a fifth of its passages held
out by the same hash.
``--rules-for KIND`` leaves a kind to the rules (pronouns: the rules resolved more of
held-out train; docs/evaluation.md): the resolver resolves it by the rules while the pairs
are recorded, as it will when the model runs, and the model has no weights for it (with
pronouns left to the rules, GAP is not read). Needs only the runtime install.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import math
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np
from tqdm import tqdm

from reportedly.eval.gap import read_gap, refers_to
from reportedly.eval.jsonl import read_json_lines
from reportedly.eval.speakers import read_articles, resolve_span, resolved_draft, same_referent
from reportedly.model import Attribution
from reportedly.nlp.pipeline import DEFAULT_MODEL, load_spacy
from reportedly.resolve.ranker import KINDS, Candidate, Chooser, Reference, SpeakerRanker, features
from reportedly.resolve.speakers import attribution_start
from reportedly.resources import Resources
from reportedly.stages import Draft, speaker_resolver

# The gold file's kinds whose sources each kind of reference the model ranks comes from.
GOLD_KINDS = {"pronoun": frozenset({"pronoun"}), "nominal": frozenset({"title", "description", "nominal"})}
THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(1, 19))
L2 = 1.0  # the penalty of the first models (for the previous speakers)
L2_CHOICES = (0.25, 0.5, 1.0, 2.0, 4.0)  # the final model's, chosen with the threshold
GAP_WEIGHT = 0.5  # GAP's passages count half: they are Wikipedia, not news, and many


class Recorder:
    """Stands for the model in the resolver: keeps what it is asked and lets ``inner`` answer.
    The kinds left to the rules (``rules_for``) go to the rules, as they will when the model
    runs, so that the previous speakers the references see are the ones they will see then."""

    def __init__(self, inner: Chooser | None, rules_for: frozenset[str] = frozenset()) -> None:
        self.inner = inner
        self.rules_for = rules_for
        self.asked: list[tuple[Reference, list[Candidate]]] = []

    def ranks(self, kind: str) -> bool:
        return kind not in self.rules_for

    def choose(
        self, reference: Reference, candidates: list[Candidate], floor: float | None = None
    ) -> str | None:
        self.asked.append((reference, candidates))
        return self.inner.choose(reference, candidates, floor) if self.inner else None


@dataclasses.dataclass
class Item:
    """A gold reference: where it is, and which candidate ids are right (empty: none is)."""

    source: str  # "polnear", "passages" (a passages file's) or "gap"
    tuning: bool  # in the fifth the first model (for the previous speakers) leaves out
    kind: str  # the gold file's kind, or "gap"
    draft: Draft
    start: int
    end: int
    is_right: object  # (entity) -> bool
    resolvable: bool  # the article names the referent: a null answer is wrong
    fold: int = 1  # the fifth (1-4) it is in; each in turn scores the thresholds


def _fifth(name: str) -> int:
    return hashlib.sha1(name.encode()).digest()[0] // 51  # 0: held out, 1: thresholds


def held_out(name: str) -> bool:
    return _fifth(name) == 0


def tuning(name: str) -> bool:
    return _fifth(name) == 1


def fold(name: str) -> int:
    """Which of the four fifths not held out a name is in (1-4)."""
    return min(_fifth(name), 4)


def polnear_items(
    split: Path,
    golds: list[Path],
    nlp,
    resources: Resources,
    kinds: frozenset[str] = frozenset(GOLD_KINDS),
    source: str = "polnear",
) -> list[Item]:
    """The gold sources (of the files ``golds``) of the kinds the references of ``kinds``
    come from, in the articles not held out; ``split`` a PolNeAR split or a passages file
    (``read_articles``), its items marked ``source``."""
    gold_kinds = frozenset().union(*(GOLD_KINDS[kind] for kind in kinds))
    rows = [
        row
        for gold in golds
        for row in read_json_lines(gold, "gold speaker record", dict)
        if not row.get("skip")
    ]
    rows = [row for row in rows if row["kind"] in gold_kinds and not isinstance(row["speaker"], list)]
    by_article = defaultdict(list)
    for row in rows:
        by_article[row["article"]].append(row)
    by_article = {name: rows for name, rows in by_article.items() if not held_out(name)}
    articles = {article.name: article for article in read_articles(split) if article.name in by_article}
    items = []
    for name in tqdm(sorted(by_article), desc=source, unit="article", file=sys.stderr, disable=None):
        article = articles[name]
        published = date.fromisoformat(article.published) if article.published else None
        draft, _ = resolved_draft(name, article.text, nlp, resources, published)
        for row in by_article[name]:
            speaker = row["speaker"]
            items.append(
                Item(
                    source,
                    tuning(name),
                    row["kind"],
                    draft,
                    row["start"],
                    row["end"],
                    (lambda entity, speaker=speaker: speaker is not None and _names(entity, speaker)),
                    row.get("resolvable", speaker is not None),
                    fold(name),
                )
            )
    return items


def _names(entity, speaker: str) -> bool:
    return any(same_referent(name, speaker) for name in (entity.name, *entity.aliases))


def gap_items(path: Path, nlp, resources: Resources) -> list[Item]:
    items = []
    for example in tqdm(
        read_gap(path), desc="gap development", unit="passage", file=sys.stderr, disable=None
    ):
        right = [candidate for candidate in (example.a, example.b) if candidate.coreferent]
        if not right or held_out(example.id):
            continue
        draft, _ = resolved_draft(example.id, example.text, nlp, resources)
        end = example.pronoun_offset + len(example.pronoun)
        items.append(
            Item(
                "gap",
                tuning(example.id),
                "gap",
                draft,
                example.pronoun_offset,
                end,
                (lambda entity, right=right[0]: refers_to(entity, right)),
                True,
                fold(example.id),
            )
        )
    return items


def record(
    items: list[Item], resources: Resources, inner: Chooser | None, rules_for: frozenset[str] = frozenset()
) -> list[tuple]:
    """Each item's reference and its candidates with their labels, as the resolver ranks them
    with ``inner`` choosing (None: no one) and the rules resolving the kinds ``rules_for``."""
    recorder = Recorder(inner, rules_for)
    ranked = dataclasses.replace(resources, ranker=recorder)
    by_draft = defaultdict(list)
    for item in items:
        by_draft[id(item.draft)].append(item)
    pairs = []
    for group in by_draft.values():
        draft = group[0].draft
        attributions = draft.extraction.attributions
        speaker_resolver(draft, ranked).link(attributions)
        # A fresh resolver, as the speaker evaluation's: the one that linked counts each
        # description it resolved as a mention, in which the description would find its own name.
        resolver = speaker_resolver(draft, ranked)
        for item in group:
            recorder.asked.clear()
            _resolve_gold(resolver, attributions, draft.doc.text, item)
            if not recorder.asked:
                continue  # a name, or a phrase the resolver does not rank
            # After resolving: a source may add an entity the text names nowhere as such.
            by_id = {entity.id: entity for entity in resolver.entities}
            # The resolver may ask about a subset first (the holders of a title's role) or
            # after (persons): the pair is the reference with all its candidates.
            reference, candidates = max(recorder.asked, key=lambda asked: len(asked[1]))
            labels = [bool(item.is_right(by_id[candidate.entity_id])) for candidate in candidates]
            pairs.append((item, reference, candidates, labels))
    return pairs


def _resolve_gold(resolver, attributions: list[Attribution], text: str, item: Item) -> None:
    """Resolve a gold source as the speaker evaluation does: through the extracted attribution
    at its span, else the span alone."""
    overlapping = [
        a for a in attributions if a.source and a.source.start < item.end and item.start < a.source.end
    ]
    if overlapping and item.source != "gap":
        best = min(overlapping, key=lambda a: abs(a.source.start - item.start) + abs(a.source.end - item.end))
        start = attribution_start(best)
        earlier = [a for a in attributions if a.speaker and a.speaker.entity and attribution_start(a) < start]
        previous_id = max(earlier, key=attribution_start).speaker.entity if earlier else None
        previous = next((e for e in resolver.entities if e.id == previous_id), None)
        resolver.resolve(best, previous)
    else:
        resolve_span(resolver, attributions, text, item.start, item.end)


def fit(pairs, kind: str, l2: float = L2) -> np.ndarray:
    """Logistic regression by Newton's method with an L2 penalty ``l2`` (the bias unpenalised)."""
    rows, labels, weights = [], [], []
    for item, reference, candidates, right in pairs:
        if reference.kind != kind:
            continue
        for candidate, label in zip(candidates, right, strict=True):
            rows.append(features(reference, candidate))
            labels.append(float(label))
            weights.append(GAP_WEIGHT if item.source == "gap" else 1.0)
    x, y, w = np.array(rows), np.array(labels), np.array(weights)
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        gradient = x.T @ (w * (p - y)) + penalty * beta
        hessian = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return beta


def accuracy(pairs, ranker: SpeakerRanker, kind: str, threshold: float) -> tuple[int, int]:
    """Right answers among the held-out references of ``kind``: the right candidate chosen,
    or none for a reference whose gold is null (a resolvable one whose referent is no
    candidate is wrong whatever is chosen)."""
    right = total = 0
    for item, reference, candidates, labels in pairs:
        if reference.kind != kind:
            continue
        probabilities = ranker.probabilities(reference, candidates)
        best = int(np.argmax(probabilities)) if len(probabilities) else None
        chosen = best if best is not None and probabilities[best] >= threshold else None
        total += 1
        right += (labels[chosen] if chosen is not None else not item.resolvable) and 1
    return right, total


def _best(
    scored: dict[tuple[float, float], tuple[int, int]], settings: list[tuple[float, float]]
) -> tuple[float, float]:
    """The (L2 penalty, threshold) with the most right answers in ``scored``; ties go to the
    threshold nearest 0.5, then to the penalty nearest the first models'."""
    return max(
        settings,
        key=lambda setting: (scored[setting][0], -abs(setting[1] - 0.5), -abs(math.log(setting[0] / L2))),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear_train", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("gap", type=Path)
    parser.add_argument(
        "--extra-gold",
        type=Path,
        action="append",
        default=[],
        help="another file of gold speaker records of PolNeAR train (eval/speakers/polnear-train-3.jsonl)",
    )
    parser.add_argument(
        "--passages",
        type=Path,
        nargs=2,
        action="append",
        default=[],
        metavar=("PASSAGES", "GOLD"),
        help="a passages file and its gold speaker records, read as PolNeAR train is "
        "(eval/speakers/varied-train-a/passages.jsonl eval/speakers/varied-train-a/gold.jsonl)",
    )
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument(
        "--rules-for",
        choices=KINDS,
        action="append",
        default=[],
        help="a kind of reference the rules keep resolving (where they did better on held-out train)",
    )
    parser.add_argument(
        "--threshold",
        action="append",
        default=[],
        metavar="KIND=VALUE",
        help="a kind's null threshold, not chosen: the choice counts a null as wrong for a resolvable "
        "source, where at run time the rules' fallbacks often resolve it",
    )
    args = parser.parse_args()
    fixed = {kind: float(value) for kind, value in (item.split("=") for item in args.threshold)}
    rules_for = frozenset(args.rules_for)
    ranked = tuple(kind for kind in KINDS if kind not in rules_for)
    resources = Resources.load(ranker="none")
    nlp = load_spacy(DEFAULT_MODEL)
    golds = [args.gold, *args.extra_gold]
    items = polnear_items(args.polnear_train, golds, nlp, resources, frozenset(ranked))
    for passages, gold in args.passages:
        items += polnear_items(passages, [gold], nlp, resources, frozenset(ranked), "passages")
    if "pronoun" in ranked:  # GAP's passages teach pronouns only
        items += gap_items(args.gap, nlp, resources)
    ranker = None
    for rounds in ("no model", "first model"):
        pairs = record(items, resources, ranker, rules_for)
        training = [pair for pair in pairs if not pair[0].tuning]
        kept = [pair for pair in pairs if pair[0].tuning]
        ranker = SpeakerRanker({kind: fit(training, kind) for kind in ranked}, dict.fromkeys(ranked, 0.5))
        print(f"pairs recorded with {rounds}: {len(pairs)} references", file=sys.stderr)
    figures = {}
    thresholds = {}
    penalties = {}
    for kind in ranked:
        # Each fifth in turn scores the settings of a model fitted on the other three: one
        # fifth's few dozen references chose a threshold by chance (0.2 or 0.5 alike).
        scored = {(l2, threshold): (0, 0) for l2 in L2_CHOICES for threshold in THRESHOLDS}
        for held_fold in range(1, 5):
            scoring = [p for p in pairs if p[0].fold == held_fold]
            training = [p for p in pairs if p[0].fold != held_fold]
            for l2 in L2_CHOICES:
                fitted = SpeakerRanker({kind: fit(training, kind, l2)}, {})
                for threshold in THRESHOLDS:
                    right, total = accuracy(scoring, fitted, kind, threshold)
                    counted = scored[l2, threshold]
                    scored[l2, threshold] = (counted[0] + right, counted[1] + total)
        print(f"{kind}: threshold {_best(scored, list(scored))[1]} chosen", file=sys.stderr)
        allowed = [setting for setting in scored if kind not in fixed or setting[1] == fixed[kind]]
        penalties[kind], thresholds[kind] = _best(scored, allowed)
        for l2 in L2_CHOICES:
            right, total = scored[l2, thresholds[kind]]
            print(f"{kind}: L2 {l2}, threshold {thresholds[kind]}: {right}/{total}", file=sys.stderr)
        right, total = scored[penalties[kind], thresholds[kind]]
        figures[kind] = {
            "references": total,
            "right": right,
            "threshold": thresholds[kind],
            "l2": penalties[kind],
        }
        print(f"{kind}: L2 {penalties[kind]}, four fifths in turn {right}/{total}", file=sys.stderr)
    for source in ("polnear", "passages", "gap"):
        subset = [pair for pair in kept if pair[0].source == source]
        for kind in ranked:
            right, total = accuracy(subset, ranker, kind, thresholds[kind])
            print(f"tuning fifth {source} {kind}: {right}/{total}", file=sys.stderr)
    if "nominal" in ranked:  # the gold file's kinds the "nominal" model ranks, resolvable or not, apart
        for gold_kind in sorted(GOLD_KINDS["nominal"]):
            for resolvable in (True, False):
                subset = [p for p in kept if p[0].kind == gold_kind and p[0].resolvable == resolvable]
                right, total = accuracy(subset, ranker, "nominal", thresholds["nominal"])
                print(f"tuning fifth {gold_kind} resolvable={resolvable}: {right}/{total}", file=sys.stderr)
    final = SpeakerRanker({kind: fit(pairs, kind, penalties[kind]) for kind in ranked}, thresholds)
    model = final.to_json()
    model["trained_on"] = {
        "polnear": [str(gold) for gold in golds],
        "passages": [str(gold) for _, gold in args.passages],
        "gap": args.gap.name if "pronoun" in ranked else None,
        "references": len(pairs),
        # Chosen on the four fifths in turn (the held-out one is never read here).
        "cross_validated": figures,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
