"""Learn the cue-verb lexicon (``data/cue_verbs.tsv``) from PolNeAR's train split.

For every verb lemma (with its particle: "rule out"), count how often a verb with that lemma is (part of) a
gold cue, and how often it occurs at all; the extractor keeps the lemmas
whose cue rate passes its threshold. Lemmas listed in ``data/cue_verbs_manual.txt``
are always kept (cues users expect that the train split has too few of).

    python scripts/build_cue_lexicon.py ../shared/data/polnear/train
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import spacy

from reportedly.attribution.cues import cue_lemma
from reportedly.eval.brat import read_split
from reportedly.nlp.pipeline import DEFAULT_MODEL

OUTPUT = Path(__file__).resolve().parents[1] / "src" / "reportedly" / "data" / "cue_verbs.tsv"
MIN_SUPPORT = 2


def main(split_dir: str) -> None:
    articles = read_split(Path(split_dir))
    nlp = spacy.load(DEFAULT_MODEL, disable=["ner"])
    occurrences: Counter[str] = Counter()
    as_cue: Counter[str] = Counter()
    texts = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(texts, as_tuples=True, batch_size=16):
        cue_chars = set()
        for attribution in article.attributions:
            for start, end in attribution.cue:
                cue_chars.update(range(start, end))
        for token in doc:
            if token.pos_ != "VERB":
                continue
            lemma = cue_lemma(token)
            occurrences[lemma] += 1
            if token.idx in cue_chars:
                as_cue[lemma] += 1
    rows = [
        (lemma, as_cue[lemma] / occurrences[lemma], as_cue[lemma], occurrences[lemma])
        for lemma in as_cue
        if as_cue[lemma] >= MIN_SUPPORT
    ]
    rows.sort(key=lambda row: (-row[1], -row[2], row[0]))
    with OUTPUT.open("w", encoding="utf-8") as handle:
        handle.write(
            f"# Learned from PolNeAR train ({len(articles)} articles) by scripts/build_cue_lexicon.py\n"
        )
        handle.write("# lemma\tcue_rate\tas_cue\toccurrences\n")
        for lemma, rate, cue_count, total in rows:
            handle.write(f"{lemma}\t{rate:.3f}\t{cue_count}\t{total}\n")
    print(f"wrote {len(rows)} lemmas to {OUTPUT}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
