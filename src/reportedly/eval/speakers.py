"""Score speaker resolution against a gold file of source mentions and the speakers behind them.

A gold file is JSON Lines, one source mention per line, offsets and names only (no text):
``{"article": NAME, "start": 1312, "end": 1315, "kind": "pronoun"|"description",
"speaker": "Donald Trump" | null}``; null marks a mention with no referent in the text
("officials"), which the resolver should leave null. ``eval/speakers/polnear-dev.jsonl``
holds such a set for PolNeAR dev, judged by reading the articles.

Each gold mention is scored through the attribution the extractor found for it (the same
source span, or one overlapping it); where the extractor found none, the resolver runs on
the gold span itself, so that the figure measures resolution, not attribution recall.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from tqdm import tqdm

from reportedly.eval import GoldError
from reportedly.eval.brat import read_split
from reportedly.eval.jsonl import read_json_lines
from reportedly.model import Attribution, Document, Entity, Extraction, Span
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER, load_spacy
from reportedly.resolve.names import clean_name, initials, name_key
from reportedly.resolve.speakers import SpeakerResolver, attribution_start
from reportedly.resources import Resources
from reportedly.stages import (
    CHUNK_STAGES,
    Draft,
    group_entities,
    resolve_speakers,
    run_stages,
    speaker_resolver,
)


@dataclass(frozen=True, slots=True)
class GoldSpeaker:
    article: str
    start: int
    end: int
    kind: str
    speaker: str | None


def read_gold(path: Path) -> list[GoldSpeaker]:
    """Read a gold speakers file; a malformed line raises GoldError naming the line."""
    return read_json_lines(
        path,
        "gold speaker record",
        lambda row: GoldSpeaker(
            row["article"], int(row["start"]), int(row["end"]), row["kind"], row["speaker"]
        ),
    )


def same_referent(predicted: str, gold: str) -> bool:
    """Whether two names name one referent: equal after normalisation, one the surname of
    the other ("Trump" / "Donald Trump"), or an acronym of it ("IMF")."""
    left, right = name_key(clean_name(predicted), {}), name_key(clean_name(gold), {})
    if not left or not right:
        return False
    if left == right:
        return True
    if left[-1] == right[-1] and (len(left) == 1 or len(right) == 1):
        return True
    return clean_name(predicted) == initials(clean_name(gold)) or clean_name(gold) == initials(
        clean_name(predicted)
    )


def evaluate_speakers(
    split_dir: Path, gold_path: Path, model: str = DEFAULT_MODEL, tagger: str = DEFAULT_TAGGER
) -> dict[str, Any]:
    """Accuracy on resolvable mentions (all, pronouns, descriptions) and the share of
    unresolvable ones left null."""
    gold = read_gold(gold_path)
    by_article: dict[str, list[GoldSpeaker]] = defaultdict(list)
    for item in gold:
        by_article[item.article].append(item)
    articles = {article.name: article for article in read_split(split_dir) if article.name in by_article}
    missing = sorted(set(by_article) - set(articles))
    if missing:
        raise GoldError(f"{gold_path}: articles not in {split_dir}: {', '.join(missing[:3])}")
    resources = Resources.load(model, tagger)
    nlp = load_spacy(model)
    results = []
    for name in tqdm(sorted(by_article), desc="speakers", unit="article", disable=None):
        text, published = articles[name].text, articles[name].published
        day = date.fromisoformat(published) if published else None
        draft, resolver = resolved_draft(name, text, nlp, resources, day)
        for item in by_article[name]:
            predicted, extracted = _speaker_for(item, draft.extraction.attributions, resolver, text)
            results.append((item, predicted, extracted))
    return _report(results)


def resolved_draft(
    name: str, text: str, nlp: Language, resources: Resources, published: date | None = None
) -> tuple[Draft, SpeakerResolver]:
    """A text (published on ``published``, if known) parsed whole and run through the stages
    as far as the speakers, with the resolver that resolved them."""
    doc = run_stages(CHUNK_STAGES, nlp(text), resources)
    draft = Draft(doc, Extraction(Document(name, text, published=published), attributions=doc._.attributions))
    group_entities(draft, resources)
    resolve_speakers(draft, resources)
    return draft, speaker_resolver(draft, resources)


def _speaker_for(
    item: GoldSpeaker, attributions: list[Attribution], resolver: SpeakerResolver, text: str
) -> tuple[str | None, bool]:
    """The speaker name the extraction gives the gold mention, and whether an extracted
    attribution carried it."""
    overlapping = [
        a for a in attributions if a.source and a.source.start < item.end and item.start < a.source.end
    ]
    if overlapping:
        best = min(overlapping, key=lambda a: abs(a.source.start - item.start) + abs(a.source.end - item.end))
        return (best.speaker.name if best.speaker else None), True
    entity = resolve_span(resolver, attributions, text, item.start, item.end)
    return (entity.name if entity else None), False


def resolve_span(
    resolver: SpeakerResolver, attributions: list[Attribution], text: str, start: int, end: int
) -> Entity | None:
    """The entity the resolver gives a span of the text read as a source, with the speaker of
    the last attribution before it as the previous speaker."""
    earlier = [a for a in attributions if a.speaker and a.speaker.entity and attribution_start(a) < start]
    previous_id = max(earlier, key=attribution_start).speaker.entity if earlier else None
    previous = next((e for e in resolver.entities if e.id == previous_id), None)
    probe = Attribution(id="probe", kind="indirect", cue=None, source=Span.of(text, start, end), content=[])
    return resolver.resolve(probe, previous)


def _report(results: list[tuple[GoldSpeaker, str | None, bool]]) -> dict[str, Any]:
    def accuracy(kind: str | None) -> dict[str, Any]:
        items = [(g, p) for g, p, _ in results if g.speaker is not None and (kind is None or g.kind == kind)]
        right = sum(1 for g, p in items if p is not None and same_referent(p, g.speaker))
        return {
            "items": len(items),
            "right": right,
            "accuracy": round(right / len(items), 3) if items else None,
        }

    unresolvable = [(g, p) for g, p, _ in results if g.speaker is None]
    left_null = sum(1 for _, p in unresolvable if p is None)
    return {
        "items": len(results),
        "through_extracted_attributions": sum(1 for *_, extracted in results if extracted),
        "resolvable": accuracy(None),
        "pronoun": accuracy("pronoun"),
        "description": accuracy("description"),
        "unresolvable": {
            "items": len(unresolvable),
            "left_null": left_null,
            "share_left_null": round(left_null / len(unresolvable), 3) if unresolvable else None,
        },
        "errors": [
            {
                "article": g.article,
                "start": g.start,
                "end": g.end,
                "kind": g.kind,
                "gold": g.speaker,
                "predicted": p,
            }
            for g, p, _ in results
            if (g.speaker is None) != (p is None) or (g.speaker and p and not same_referent(p, g.speaker))
        ],
    }


def format_report(report: dict[str, Any]) -> str:
    through = report["through_extracted_attributions"]
    lines = [f"{report['items']} gold source mentions ({through} through extracted attributions)"]
    for part in ("resolvable", "pronoun", "description"):
        figures = report[part]
        lines.append(f"{part:<12} accuracy {figures['accuracy']}  ({figures['right']}/{figures['items']})")
    figures = report["unresolvable"]
    lines.append(
        f"unresolvable left null {figures['share_left_null']}  ({figures['left_null']}/{figures['items']})"
    )
    return "\n".join(lines)
