"""List the PolNeAR gold sources that are not names, for annotating who they refer to.

Reads only the corpus's own annotations (never the extractor's output), so that the
speaker gold is judged before anyone sees what the resolver says about it. Each candidate
is one gold attribution source that is a pronoun, a title, a description, a group or the
source of a question, with the article text before it for the annotator to read. The
output holds corpus text: write it outside the repository.

    python scripts/speaker_candidates.py ../shared/data/polnear/train --limit 1100 > /tmp/candidates.jsonl

The guide for judging them is docs/speaker-annotation.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from reportedly.eval.brat import GoldArticle, read_split

PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "myself",
        "we",
        "us",
        "our",
        "ours",
        "ourselves",
        "you",
        "your",
        "yours",
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
        "it",
        "its",
        "itself",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "one",
    ]
)
# A lowercase word that may sit inside a name ("Bank of America", "Lyndon B. Johnson").
NAME_PARTICLES = frozenset(["of", "the", "de", "la", "van", "von", "der", "du", "al", "bin", "and", "for"])
QUESTION_CUE = re.compile(r"\b(ask|asks|asked|asking|question|questions|questioned|wonder|wondered)\b", re.I)
GROUP_JOINER = re.compile(r",|\band\b|&|\bboth\b")
WORD = re.compile(r"[^\W_][\w'’.-]*")
# Characters of text before the source shown to the annotator, and after it.
BEFORE, AFTER = 1500, 250


def kind_guess(source: str, cue: str) -> str | None:
    """The kind a source looks like from its words alone, or None for a plain name."""
    words = WORD.findall(source)
    if not words:
        return None
    if QUESTION_CUE.search(cue):
        return "question"
    lowered = [word.lower() for word in words]
    if len(words) == 1 and lowered[0] in PRONOUNS:
        return "pronoun"
    parts = [part.strip() for part in GROUP_JOINER.split(source) if part.strip()]
    if len(parts) >= 2 and all(part[0].isupper() for part in parts):
        return "group"
    content_words = [word for word in words if word.lower() not in NAME_PARTICLES]
    if content_words and all(word[0].isupper() for word in content_words):
        return None
    # A title before a name ("Judicial Watch president Tom Fitton"): the name is in the span.
    head = WORD.findall(re.split(r"[,(–—]", source)[0])
    if len(head) >= 2 and all(word[0].isupper() for word in head[-2:]):
        return None
    return "description"


def candidates(article: GoldArticle) -> Iterator[dict[str, object]]:
    for attribution in article.attributions:
        if len(attribution.source) != 1:
            continue
        start, end = attribution.source[0]
        source = article.text[start:end]
        cue = " ".join(article.text[a:b] for a, b in attribution.cue)
        guess = kind_guess(source, cue)
        if guess is None:
            continue
        yield {
            "article": article.name,
            "start": start,
            "end": end,
            "published": article.published,
            "guess": guess,
            "source": source,
            "cue": cue,
            "before": article.text[max(0, start - BEFORE) : start],
            "after": article.text[end : end + AFTER],
        }


def sample_key(candidate: dict[str, object]) -> str:
    """A fixed pseudo-random order, so that a sample is the same on every run."""
    return hashlib.sha256(f"{candidate['article']}:{candidate['start']}".encode()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split", type=Path, help="a PolNeAR split folder (text/ and attributions/)")
    parser.add_argument("--limit", type=int, default=0, help="at most this many, sampled (0: all)")
    parser.add_argument("--per-article", type=int, default=4, help="at most this many per article")
    parser.add_argument("--exclude", type=Path, help="a gold file whose mentions to leave out")
    arguments = parser.parse_args()
    excluded: set[tuple[str, int]] = set()
    if arguments.exclude:
        for line in arguments.exclude.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            excluded.add((row["article"], row["start"]))
    found = []
    for article in read_split(arguments.split):
        kept = [c for c in candidates(article) if (c["article"], c["start"]) not in excluded]
        found.extend(sorted(kept, key=sample_key)[: arguments.per_article])
    found.sort(key=sample_key)
    chosen = found[: arguments.limit] if arguments.limit else found
    chosen.sort(key=lambda c: (c["article"], c["start"]))
    for candidate in chosen:
        print(json.dumps(candidate, ensure_ascii=False))
    print(f"{len(chosen)} of {len(found)} candidates", file=sys.stderr)


if __name__ == "__main__":
    main()
