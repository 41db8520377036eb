"""Learn the cue-verb lexicon (``data/cue_verbs.tsv``) and the cue prepositions
(``data/cue_prepositions.tsv``) from PolNeAR's train split.

For every verb lemma (with its particle: "rule out"), count how often a verb with that lemma is (part of) a
gold cue, and how often it occurs at all; the extractor keeps the lemmas
whose cue rate passes its threshold. Lemmas listed in ``data/cue_verbs_manual.txt``
are always kept (cues users expect that the train split has too few of).

For every verb and preposition right after it in a gold cue's place ("talk about", "said in"),
count how often the cue includes the preposition and how often it stops before it: the
extractor widens a tagged cue over the prepositions its annotators usually include.

    python scripts/build_cue_lexicon.py ../shared/data/polnear/train
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc

from reportedly.attribution.cues import cue_lemma
from reportedly.eval.brat import read_split
from reportedly.model import Range
from reportedly.nlp.pipeline import DEFAULT_MODEL

DATA = Path(__file__).resolve().parents[1] / "src" / "reportedly" / "data"
OUTPUT = DATA / "cue_verbs.tsv"
PREPOSITIONS = DATA / "cue_prepositions.tsv"
MIN_SUPPORT = 2


def preposition_uses(doc: Doc, cue: Range) -> Iterator[tuple[str, str, bool]]:
    """(verb lemma, preposition, whether the cue includes it) where a gold cue's verb has a
    preposition as its last word, or right after it."""
    span = doc.char_span(*cue, alignment_mode="expand")
    if span is None:
        return
    inside = range(span.start, span.end)
    last = span[-1]
    if last.dep_ == "prep" and last.head.i in inside and last.head.i != last.i and last.head.pos_ == "VERB":
        yield last.head.lemma_.lower(), last.lower_, True
    elif span.end < len(doc):
        following = doc[span.end]
        if following.dep_ == "prep" and following.head.i in inside and following.head.pos_ == "VERB":
            yield following.head.lemma_.lower(), following.lower_, False


def main(split_dir: str) -> None:
    articles = read_split(Path(split_dir))
    nlp = spacy.load(DEFAULT_MODEL, disable=["ner"])
    occurrences: Counter[str] = Counter()
    as_cue: Counter[str] = Counter()
    prepositions: Counter[tuple[str, str, bool]] = Counter()
    texts = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(texts, as_tuples=True, batch_size=16):
        cue_chars = set()
        for attribution in article.attributions:
            for cue in attribution.cue:
                cue_chars.update(range(*cue))
                prepositions.update(preposition_uses(doc, cue))
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
    write_prepositions(prepositions, len(articles))


def write_prepositions(counts: Counter[tuple[str, str, bool]], article_count: int) -> None:
    pairs = sorted({(verb, word) for verb, word, _ in counts})
    rows = [(verb, word, counts[verb, word, True], counts[verb, word, False]) for verb, word in pairs]
    rows = [row for row in rows if row[2] + row[3] >= MIN_SUPPORT]
    rows.sort(key=lambda row: (-(row[2] + row[3]), row[0], row[1]))
    with PREPOSITIONS.open("w", encoding="utf-8") as handle:
        handle.write(
            f"# Learned from PolNeAR train ({article_count} articles) by scripts/build_cue_lexicon.py:\n"
            "# how often a gold cue includes the preposition after its verb, and how often it stops short\n"
        )
        handle.write("# lemma\tpreposition\tincluded\texcluded\n")
        for verb, word, included, excluded in rows:
            handle.write(f"{verb}\t{word}\t{included}\t{excluded}\n")
    print(f"wrote {len(rows)} verb-preposition pairs to {PREPOSITIONS}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
