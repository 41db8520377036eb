"""Score extracted attributions against PolNeAR gold, with BBC Citron's kinds of metrics.

Conventions (see docs/evaluation.md):
- exact: spans equal after trimming whitespace, punctuation and quote marks at both ends;
  a multi-part span is compared as its sorted, merged parts;
- overlap: precision and recall over the tokens (``\\w+|[^\\w\\s]``) each role covers;
- each distinct span counts once per document;
- attribution level: predicted and gold attributions matched one to one when their
  content tokens have Jaccard >= 0.5, with the share of matches whose source is right.
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tqdm import tqdm

from reportedly.eval import GoldError
from reportedly.eval.brat import GoldArticle, read_split
from reportedly.eval.jsonl import write_json_lines
from reportedly.model import Attribution, Document, Range
from reportedly.nlp.pipeline import DEFAULT_TAGGER
from reportedly.store.brat import GoldAttribution, Parts

ROLES = ("cue", "source", "content")
MATCH_JACCARD = 0.5
CONTEXT_CHARS = 120
_TOKEN = re.compile(r"\w+|[^\w\s]")


def _is_trimmable(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P") or char in "`´"


def normalise_parts(text: str, parts: Iterable[Range]) -> Parts:
    """Trim each part, drop empty ones, sort, and merge parts separated only by trimmable characters."""
    trimmed = []
    for start, end in parts:
        while start < end and _is_trimmable(text[start]):
            start += 1
        while end > start and _is_trimmable(text[end - 1]):
            end -= 1
        if start < end:
            trimmed.append((start, end))
    merged: list[Range] = []
    for start, end in sorted(trimmed):
        if merged and all(_is_trimmable(char) for char in text[merged[-1].end : start]):
            merged[-1] = Range(merged[-1].start, max(end, merged[-1].end))
        else:
            merged.append(Range(start, end))
    return tuple(merged)


def predicted_roles(attribution: Attribution) -> GoldAttribution:
    """A predicted attribution in the gold's shape: each role as character ranges."""

    def parts(spans: Sequence) -> Parts:
        return tuple(span.range for span in spans if span is not None)

    return GoldAttribution(
        cue=parts([attribution.cue]),
        source=parts([attribution.source]),
        content=parts(attribution.content),
    )


@dataclass(slots=True)
class Counts:
    true_positive: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: set, gold: set) -> None:
        self.true_positive += len(predicted & gold)
        self.predicted += len(predicted)
        self.gold += len(gold)

    def scores(self) -> dict[str, float]:
        precision = self.true_positive / self.predicted if self.predicted else 0.0
        recall = self.true_positive / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


@dataclass(slots=True)
class Scorer:
    """Accumulates counts over articles; :meth:`report` gives the figures."""

    exact: dict[str, Counts] = field(default_factory=lambda: {role: Counts() for role in (*ROLES, "all")})
    overlap: dict[str, Counts] = field(default_factory=lambda: {role: Counts() for role in (*ROLES, "all")})
    attributions: Counts = field(default_factory=Counts)
    matched_with_right_source: int = 0
    articles: int = 0

    def add_article(self, text: str, gold: list[GoldAttribution], predicted: list[GoldAttribution]) -> None:
        self.articles += 1
        tokens = [Range(*match.span()) for match in _TOKEN.finditer(text)]
        starts = [start for start, _ in tokens]
        for role in ROLES:
            gold_spans = {normalise_parts(text, getattr(a, role)) for a in gold} - {()}
            predicted_spans = {normalise_parts(text, getattr(a, role)) for a in predicted} - {()}
            self.exact[role].add(predicted_spans, gold_spans)
            self.exact["all"].add({(role, s) for s in predicted_spans}, {(role, s) for s in gold_spans})
            gold_tokens = _covered_tokens(gold_spans, tokens, starts)
            predicted_tokens = _covered_tokens(predicted_spans, tokens, starts)
            self.overlap[role].add(predicted_tokens, gold_tokens)
            self.overlap["all"].add({(role, t) for t in predicted_tokens}, {(role, t) for t in gold_tokens})
        self._match_attributions(text, gold, predicted, tokens, starts)

    def _match_attributions(self, text, gold, predicted, tokens, starts) -> None:
        gold_content = [_covered_tokens([normalise_parts(text, a.content)], tokens, starts) for a in gold]
        predicted_content = [
            _covered_tokens([normalise_parts(text, a.content)], tokens, starts) for a in predicted
        ]
        pairs = []
        for g, gold_tokens in enumerate(gold_content):
            for p, predicted_tokens in enumerate(predicted_content):
                union = len(gold_tokens | predicted_tokens)
                jaccard = len(gold_tokens & predicted_tokens) / union if union else 0.0
                if jaccard >= MATCH_JACCARD:
                    pairs.append((jaccard, g, p))
        used_gold: set[int] = set()
        used_predicted: set[int] = set()
        for _, g, p in sorted(pairs, reverse=True):
            if g in used_gold or p in used_predicted:
                continue
            used_gold.add(g)
            used_predicted.add(p)
            if normalise_parts(text, gold[g].source) == normalise_parts(text, predicted[p].source):
                self.matched_with_right_source += 1
        self.attributions.true_positive += len(used_gold)
        self.attributions.predicted += len(predicted)
        self.attributions.gold += len(gold)

    def report(self) -> dict:
        matched = self.attributions.true_positive
        return {
            "articles": self.articles,
            "exact": {role: counts.scores() for role, counts in self.exact.items()},
            "overlap": {role: counts.scores() for role, counts in self.overlap.items()},
            "attribution": {
                **self.attributions.scores(),
                "gold": self.attributions.gold,
                "predicted": self.attributions.predicted,
                "matched": matched,
                "source_right_share": round(self.matched_with_right_source / matched, 4) if matched else 0.0,
            },
        }


def _covered_tokens(spans: Iterable[Parts], tokens: list[Range], starts: list[int]) -> set[int]:
    """Indices of the tokens that overlap any part of ``spans``."""
    covered = set()
    for parts in spans:
        for start, end in parts:
            index = max(bisect.bisect_right(starts, start) - 1, 0)
            while index < len(tokens) and tokens[index].start < end:
                if tokens[index].end > start:
                    covered.add(index)
                index += 1
    return covered


def score_articles(articles: list[GoldArticle], predictions: list[list[Attribution]]) -> dict:
    scorer = Scorer()
    for article, attributions in zip(articles, predictions, strict=True):
        scorer.add_article(article.text, article.attributions, [predicted_roles(a) for a in attributions])
    return scorer.report()


def span_errors(article: GoldArticle, predicted: list[GoldAttribution]) -> Iterator[dict]:
    """Exact-match misses and false alarms of one article, per role, with context.

    Each has a ``kind``: ``boundary`` when a miss and a false alarm of the role overlap
    (the span was found with other bounds), else ``missed`` or ``spurious``.
    """
    text = article.text
    for role in ROLES:
        gold_spans = {normalise_parts(text, getattr(a, role)) for a in article.attributions} - {()}
        predicted_spans = {normalise_parts(text, getattr(a, role)) for a in predicted} - {()}
        misses, false_alarms = gold_spans - predicted_spans, predicted_spans - gold_spans
        for error, spans, others, alone in (
            ("miss", misses, false_alarms, "missed"),
            ("false_alarm", false_alarms, misses, "spurious"),
        ):
            for parts in sorted(spans):
                start, end = parts[0].start, parts[-1].end
                yield {
                    "article": article.name,
                    "role": role,
                    "error": error,
                    "kind": "boundary" if any(_parts_overlap(parts, other) for other in others) else alone,
                    "parts": [[a, b] for a, b in parts],
                    "text": " | ".join(text[a:b] for a, b in parts),
                    "context": text[max(start - CONTEXT_CHARS, 0) : end + CONTEXT_CHARS],
                }


def _parts_overlap(a: Parts, b: Parts) -> bool:
    return any(x.overlaps(y) for x in a for y in b)


def error_kinds(errors: Iterable[dict]) -> dict[str, dict[str, int]]:
    """Counts of errors per role and kind (false alarms and misses of a boundary error apart)."""
    counts: dict[str, dict[str, int]] = {role: {} for role in ROLES}
    for error in errors:
        kind = error["kind"] if error["kind"] != "boundary" else f"boundary_{error['error']}"
        counts[error["role"]][kind] = counts[error["role"]].get(kind, 0) + 1
    return counts


def extract_articles(articles: list[GoldArticle], model: str, tagger: str) -> list[list[Attribution]]:
    """The extractor's attributions for each article's text, with a progress bar."""
    from reportedly.extract import Extractor

    documents = (
        Document(
            doc_id=a.name, text=a.text, published=date.fromisoformat(a.published) if a.published else None
        )
        for a in articles
    )
    extractions = Extractor(model, tagger=tagger).extract(documents)
    progress = tqdm(extractions, total=len(articles), desc="eval", unit="doc", disable=None, file=sys.stderr)
    return [extraction.attributions for extraction in progress]


def evaluate_split(
    split_dir: Path,
    *,
    model: str,
    tagger: str = DEFAULT_TAGGER,
    limit: int | None = None,
    errors_path: Path | None = None,
) -> dict:
    """Run the extractor over a PolNeAR split and score it; optionally write the errors."""
    articles = read_split(split_dir)[:limit]
    if not articles:
        raise GoldError(f"{split_dir}: no PolNeAR articles (expected text/ and attributions/)")
    predictions = extract_articles(articles, model, tagger)
    report = score_articles(articles, predictions)
    if errors_path is not None:
        errors = [
            error
            for article, attributions in zip(articles, predictions, strict=True)
            for error in span_errors(article, [predicted_roles(a) for a in attributions])
        ]
        write_json_lines(errors_path, errors)
        report["errors"] = error_kinds(errors)
    report["split"] = str(split_dir)
    report["model"] = model
    report["tagger"] = tagger
    return report


def annotator_agreement(split_dir: Path, *, model: str, tagger: str = DEFAULT_TAGGER) -> dict:
    """How far PolNeAR's annotators agree with one another, scored as the extractor is,
    beside the extractor's scores against the same annotators on the same articles.

    Over the articles of the split that several annotators marked: each pair of their
    files, one taken as gold and the other as prediction (exact and overlap F1 are the
    same either way round), and the extractor's output against each file. It says how
    near human agreement the extractor is on the same text.
    """
    by_name: dict[str, list[GoldArticle]] = {}
    for article in read_split(split_dir, every_annotator=True):
        by_name.setdefault(article.name, []).append(article)
    shared = [files for files in by_name.values() if len(files) > 1]
    if not shared:
        raise GoldError(f"{split_dir}: no article has several annotators' files")
    annotators, extractor = Scorer(), Scorer()
    for files in shared:
        for gold, other in itertools.combinations(files, 2):
            annotators.add_article(gold.text, gold.attributions, other.attributions)
    predictions = extract_articles([files[0] for files in shared], model, tagger)
    for files, attributions in zip(shared, predictions, strict=True):
        predicted = [predicted_roles(a) for a in attributions]
        for gold in files:
            extractor.add_article(gold.text, gold.attributions, predicted)
    return {
        "split": str(split_dir),
        "articles": len(shared),
        "annotator_files": sum(len(files) for files in shared),
        "annotators": annotators.report(),
        "extractor": extractor.report(),
        "model": model,
        "tagger": tagger,
    }


def format_report(report: dict) -> str:
    """The report as an aligned table."""
    lines = [f"PolNeAR {report.get('split', '')}: {report['articles']} articles", ""]
    lines += _score_table(report)
    if "errors" in report:
        lines += ["", "errors (exact match):"]
        for role, kinds in report["errors"].items():
            counts = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
            lines.append(f"{role:<10}{counts}")
    return "\n".join(lines)


def format_agreement(report: dict) -> str:
    """The agreement report as two tables: annotator against annotator, extractor against annotator."""
    lines = [
        f"PolNeAR {report['split']}: {report['articles']} articles with several annotators "
        f"({report['annotator_files']} files)",
        "",
        f"annotator against annotator (file pairs: {report['annotators']['articles']}):",
        *_score_table(report["annotators"]),
        "",
        f"extractor against each annotator (files: {report['extractor']['articles']}):",
        *_score_table(report["extractor"]),
    ]
    return "\n".join(lines)


def _score_table(report: dict) -> list[str]:
    lines = [f"{'span':<10}{'exact P':>9}{'exact R':>9}{'exact F1':>10}{'ovl P':>8}{'ovl R':>8}{'ovl F1':>8}"]
    for role in (*ROLES, "all"):
        exact, overlap = report["exact"][role], report["overlap"][role]
        lines.append(
            f"{role:<10}{exact['precision']:>9.3f}{exact['recall']:>9.3f}{exact['f1']:>10.3f}"
            f"{overlap['precision']:>8.3f}{overlap['recall']:>8.3f}{overlap['f1']:>8.3f}"
        )
    attribution = report["attribution"]
    lines += [
        "",
        f"attributions: P {attribution['precision']:.3f}  R {attribution['recall']:.3f}  "
        f"F1 {attribution['f1']:.3f}  (gold {attribution['gold']}, predicted {attribution['predicted']}, "
        f"matched {attribution['matched']}; source right in {attribution['source_right_share']:.1%})",
    ]
    return lines
