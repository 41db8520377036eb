"""Choose a trained tagger's decoding settings on PolNeAR train and write them beside the model.

    python training/tune_confidence.py ../shared/data/polnear \
        --model src/reportedly/data/models/attribution-tagger

Two settings, in ``decoding.json``: the tag transition scores, counted over the gold
tags of the articles the tagger was trained on and weighted by ``TRANSITION_WEIGHT``
(Viterbi decoding adds them); and the confidence threshold below which the linking
stage drops an attribution (``link.confidence``). Each candidate threshold is scored on
train, never on dev, and the one with the best attribution F1 is written with the
figures that chose it. (A tagger trained on all of train is surer of train than of new
text; ``train_tagger.py --hold-out N`` tunes on articles kept out of training instead,
which on PolNeAR dev did worse: see the model card.) Needs only the runtime install (the
articles are parsed and tagged once; each threshold only relinks).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from reportedly.attribution.lexicon import DEFAULT_CUE_RATE, load_lexicon
from reportedly.attribution.link import link_attributions
from reportedly.attribution.tagger import DECODING_FILE, load_tagger
from reportedly.attribution.tagscheme import LABELS, bio_tags, transition_scores
from reportedly.eval.brat import GoldArticle, read_split
from reportedly.eval.polnear import score_articles
from reportedly.model import Range
from reportedly.nlp.pipeline import DEFAULT_MODEL, load_spacy

THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(15))  # 0.0 (keep all) to 0.7
# How much the counted tag transitions weigh against the tagger's own probabilities. Chosen
# on the tenth of train held out of a tagger trained on the rest (attribution F1 there
# 0.712 without transitions, 0.716 at 0.3; 0.1 to 0.4 tried; docs/evaluation.md).
TRANSITION_WEIGHT = 0.3


def count_transitions(articles: list[GoldArticle]) -> np.ndarray:
    """Tag transition scores counted over the articles' gold tags, on the tagger's words
    (a Doc's non-space tokens)."""
    nlp = load_spacy(DEFAULT_MODEL)
    sequences = []
    for article in articles:
        words = [Range(t.idx, t.idx + len(t.text)) for t in nlp.make_doc(article.text) if not t.is_space]
        sequences.append(bio_tags(words, article.role_spans()))
    return transition_scores(sequences, LABELS)


def score_threshold(articles: list[GoldArticle], docs: list[Doc], threshold: float) -> dict:
    """The PolNeAR report of the extraction with the tagger's threshold set to ``threshold``."""
    lexicon = load_lexicon(DEFAULT_CUE_RATE)
    predictions = []
    for doc in docs:
        tagging = dataclasses.replace(doc._.tagging, min_confidence=threshold)
        predictions.append(link_attributions(doc, doc.text, lexicon, tagging))
    return score_articles(articles, predictions)


def tune(articles: list[GoldArticle], model_dir: Path, chosen_by: str, transitions: np.ndarray) -> dict:
    """Write the transition scores, then score each threshold on ``articles``; write and
    return the decoding settings with the best threshold and its figures."""
    transition_settings = {
        "transition_weight": TRANSITION_WEIGHT,
        "transitions": transitions.round(4).tolist(),
    }
    write_settings(model_dir, transition_settings)  # the thresholds are scored with them
    tagger = load_tagger(str(model_dir))  # loaded now: it reads the settings just written
    docs = list(load_spacy(DEFAULT_MODEL).pipe(a.text for a in articles))
    for doc in docs:
        doc._.tagging = tagger.tag_doc(doc)
    scores = {}
    for threshold in THRESHOLDS:
        report = score_threshold(articles, docs, threshold)
        scores[threshold] = {
            "attribution_f1": report["attribution"]["f1"],
            "cue_exact_f1": report["exact"]["cue"]["f1"],
            "content_exact_f1": report["exact"]["content"]["f1"],
        }
        print(f"threshold {threshold:.2f}: {scores[threshold]}", file=sys.stderr, flush=True)
    best = max(THRESHOLDS, key=lambda threshold: (scores[threshold]["attribution_f1"], -threshold))
    decoding = {
        "min_confidence": best,
        "chosen_by": f"best attribution F1 on {chosen_by}",
        "command": " ".join(["python", *sys.argv]),
        "train_scores": {f"{threshold:.2f}": score for threshold, score in scores.items()},
        **transition_settings,
    }
    write_settings(model_dir, decoding)
    return decoding


def write_settings(model_dir: Path, settings: dict) -> None:
    """Write a model's decoding settings (read when a tagger loads)."""
    (model_dir / DECODING_FILE).write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("polnear", type=Path, help="PolNeAR folder with train/")
    parser.add_argument("--model", type=Path, required=True, help="the trained tagger's folder")
    parser.add_argument("--limit", type=int, help="tune on the first N train articles only")
    args = parser.parse_args()
    articles = read_split(args.polnear / "train")[: args.limit]
    chosen_by = "PolNeAR train" + (f" (first {args.limit} articles)" if args.limit else "")
    # Counted over every annotator's files, as `make train` trains the tagger on them.
    transitions = count_transitions(read_split(args.polnear / "train", every_annotator=True))
    decoding = tune(articles, args.model, chosen_by, transitions)
    print(json.dumps({"min_confidence": decoding["min_confidence"]}))


if __name__ == "__main__":
    main()
