"""Cross-validated polarity errors of the stance model, grouped by their likely cause.

    python training/train_stance_polarity.py --tested eval/positions/train8.jsonl \
        --tested eval/positions/train9.jsonl --training eval/positions/train.jsonl ... \
        [--settings src/reportedly/data/models/positions-cv.json] [--cache .run/positions] \
        [--show 20]

The ``--tested`` files are split into ``train_positions.py``'s five folds; each fold's stance
is read by the chosen stance setting (``--settings``' ``chosen``) fitted on the other folds and
every ``--training`` file, ``keeps_rules`` applied as at run time (branch ``stance19``). Of the
pairs read ``supports`` for ``opposes`` or back, each goes to the first of these groups that
fits (a rough net for reading by hand, not a measure): the rules read it right and the model
overrode them; a charge or report of another's act in the content or cue ("accused Kyiv of
rejecting talks"); an act against the issue in the content (its ``against`` words: "lift"
sanctions); a negation with a gold ``supports`` (a "not" that is not about the issue); a
verdict on a thing ("an act of war") with a gold ``opposes``; the rest (wordings whose side is
semantic). Prints the figures, the groups' counts and up to ``--show`` pairs of each. It
changes nothing. Never run it on eval/positions/gold.jsonl or train10.jsonl: they are held out.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from reportedly.extract import Extractor
from reportedly.positions.stance import ACCUSING, NEGATIONS
from reportedly.resources import Resources

# A thing judged bad by the words of a verdict (a net for the grouping; the rules' own lexicon
# of such words is the learned model's "judged bad" signal).
VERDICT = re.compile(
    r"\b(?:illegal|unlawful|void|sham|farce|fraud|absurd|meaningless|counterproductive|wrong|"
    r"theft|an act of war|a (?:\w+ )?(?:mistake|failure|lie)|road to nowhere|fell short|"
    r"step backwards?|unjust\w*|unfair|senseless|outrag\w*|disgrace\w*)\b",
    re.IGNORECASE,
)
GROUPS = (
    "the rules right, the model overrode them",
    "a charge or report of another's act",
    "an act against the issue",
    "a negation not about the issue",
    "a verdict on the issue the rules do not count",
    "the rest (semantic)",
)


def group_of(gold: str, rule: str, text: str, acts_against: bool) -> str:
    """The group of a polarity error (``GROUPS``): ``text`` is the content and its cue."""
    if rule == gold:
        return GROUPS[0]
    if ACCUSING.search(text):
        return GROUPS[1]
    if acts_against:
        return GROUPS[2]
    if gold == "supports" and NEGATIONS.search(text):
        return GROUPS[3]
    if gold == "opposes" and VERDICT.search(text):
        return GROUPS[4]
    return GROUPS[5]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tested", type=Path, action="append", required=True)
    parser.add_argument("--training", type=Path, action="append", default=[])
    parser.add_argument("--settings", type=Path, default=Path("src/reportedly/data/models/positions-cv.json"))
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    if any(path.name in ("gold.jsonl", "train10.jsonl") for path in [*args.tested, *args.training]):
        sys.exit("train_stance_polarity.py: gold.jsonl and train10.jsonl are held out")
    # The script beside this one: run as a script, its folder is on the path.
    import train_positions as positions

    resources = Resources.load(positions="none")
    extractor = Extractor.from_resources(resources)
    book = resources.issues
    chosen = json.loads(args.settings.read_text())["chosen"]
    setting = positions.StanceSetting.of_chosen(chosen["stance"])
    tested = [e for path in args.tested for e in positions.examples_of(path, extractor, book, args.cache)]
    training = [e for path in args.training for e in positions.examples_of(path, extractor, book, args.cache)]
    by_index = {}
    for fold in positions.folds_of(len(tested)):
        held = set(fold.tolist())
        fitted_on = [example for index, example in enumerate(tested) if index not in held] + training
        features = positions.features_for(fitted_on, book, None, setting)
        weights = positions.fit_stance_path(*positions.stance_rows(fitted_on, features), setting)
        found = positions.held_stance_probabilities([tested[index] for index in fold], features, weights)
        by_index.update(zip(fold.tolist(), found, strict=True))
    pairs = positions.learned_stance_pairs(by_index, tested, chosen["stance"]["override"])
    print(json.dumps(positions.stance_figures([pair for found in pairs for pair in found])))
    groups: dict[str, list[str]] = defaultdict(list)
    for example, found in zip(tested, pairs, strict=True):
        for item, (gold, stance) in zip(example.gold.issues, found, strict=True):
            if {gold, stance} != {"supports", "opposes"}:
                continue
            text = f"{example.view.text} {example.view.cue}"
            rule = example.readings[item.issue].stance
            group = group_of(gold, rule, text, example.acts_against[item.issue])
            groups[group].append(
                f"{example.gold.id} {item.issue} gold {gold}, model {stance}, rules {rule}: "
                f"[{example.view.cue}] {example.view.text[:160]}"
            )
    for group in GROUPS:
        print(f"\n{len(groups[group])} {group}")
        for line in groups[group][: args.show]:
            print(f"  {line}")


if __name__ == "__main__":
    main()
