"""Score speaker resolution against a gold file of source mentions and the speakers behind them.

A gold file is JSON Lines, one source mention per line, offsets and names only (no text), as
``docs/speaker-annotation.md`` describes: ``{"article": NAME, "start": 1312, "end": 1315,
"kind": "pronoun", "speaker": "Donald Trump", "resolvable": true}``, with ``speaker`` a name,
a list of names (a group, a plural pronoun) or null, an optional ``holder`` (the office holder
on the publication date, for a title the article does not name) and ``addressee`` (for a
question). A record ``{"skip": true}`` is left out of every figure. The first format, without
``resolvable`` (a mention is resolvable when its speaker is not null), is read as well.
``eval/speakers/polnear-dev.jsonl`` holds such a set for PolNeAR dev, judged by reading, and
``eval/speakers/varied/gold.jsonl`` one for passages written for the project, whose texts come as
a passages file (``read_articles``) instead of a PolNeAR split.

Each gold mention is scored through the attribution the extractor found for it (the same
source span, or one overlapping it); where the extractor found none, the resolver runs on
the gold span itself, so that the figure measures resolution, not attribution recall.

How each mention counts (``score_speakers``):
- resolvable, one name: right when the predicted speaker names that referent (``same_referent``);
- resolvable, a list (groups, plural pronouns): right when the prediction names every member
  (a group speaker names a member when one of its parties does); ``lists.member_share`` gives
  the mean share of members the prediction names (1/n for one member);
- unresolvable: right when the speaker is left null, or names the office ``holder`` of a
  title, or one of the members a partly named group lists;
- questions: the speaker is scored as above (the questioner, or null), and, apart, the
  attribution's addressee, resolved as a source is, against the gold ``addressee`` (null
  against null). A gold question is scored through the question whose addressee (else
  source) overlaps its span: a passive question's gold span is on the one asked.
``named`` mentions (the name is in the span) are reported apart and left out of the
resolvable and unresolvable totals.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from tqdm import tqdm

from reportedly.eval import GoldError, in_part
from reportedly.eval.brat import GoldArticle, read_split
from reportedly.eval.jsonl import read_json_lines
from reportedly.model import Attribution, Document, Entity, Extraction, Span, Speaker
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER, load_spacy
from reportedly.resolve.names import clean_name, initials, name_key, undotted
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

_WORD = re.compile(r"\w[\w.'’-]*")
"""A word of a span, without the punctuation around it."""

KINDS = ("pronoun", "title", "description", "nominal", "group", "question", "named")
"""The kinds of docs/speaker-annotation.md, in the order the report gives them."""

Names = str | tuple[str, ...] | None
"""A gold referent: one name, the names of a group in text order, or none."""


@dataclass(frozen=True, slots=True)
class GoldSpeaker:
    article: str
    start: int
    end: int
    kind: str
    speaker: Names
    resolvable: bool
    holder: str | None = None
    addressee: Names = None
    has_addressee: bool = False  # whether the gold says who was asked (null included)


Predicted = str | tuple[str, ...] | None
"""A predicted referent: one name, the names of a group's parties, or none."""


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the extraction gives a gold mention: the speaker's name (a group's: its parties'
    names), the addressee (the name of the one a question was put to, else the span's text),
    and whether an extracted attribution carried them (else the resolver ran on the span)."""

    speaker: Predicted
    addressee: str | None = None
    extracted: bool = True


def _names(value: Any) -> Names:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(name, str) for name in value):
        return tuple(value)
    raise TypeError(f"a name, a list of names or null expected, not {value!r}")


def _gold_record(row: dict[str, Any]) -> GoldSpeaker | None:
    if row.get("skip"):
        return None
    speaker = _names(row["speaker"])
    return GoldSpeaker(
        row["article"],
        int(row["start"]),
        int(row["end"]),
        row["kind"],
        speaker,
        # The first format had no flag: a referent given was a referent the article names.
        bool(row.get("resolvable", speaker is not None)),
        row.get("holder"),
        _names(row.get("addressee")),
        "addressee" in row,
    )


def read_gold(path: Path) -> tuple[list[GoldSpeaker], int]:
    """The gold mentions of a speakers file and the count of skipped records; a malformed
    line raises GoldError naming the line."""
    records = read_json_lines(path, "gold speaker record", _gold_record)
    return [record for record in records if record is not None], sum(1 for r in records if r is None)


def _without_middle_initials(key: tuple[str, ...]) -> tuple[str, ...]:
    """("donald", "j.", "trump") -> ("donald", "trump"): a middle initial writers often leave out."""
    if len(key) <= 2:
        return key
    return (key[0], *(word for word in key[1:-1] if len(word.rstrip(".")) > 1), key[-1])


def same_referent(predicted: str, gold: str) -> bool:
    """Whether two names name one referent: equal after normalisation and without middle
    initials ("Donald J. Trump" / "Donald Trump"), one the surname of the other ("Trump" /
    "Donald Trump"), or an acronym of it ("IMF", "I.R.S.")."""
    left, right = name_key(clean_name(predicted), {}), name_key(clean_name(gold), {})
    if not left or not right:
        return False
    if _without_middle_initials(left) == _without_middle_initials(right):
        return True
    if left[-1] == right[-1] and (len(left) == 1 or len(right) == 1):
        return True
    predicted_name, gold_name = undotted(clean_name(predicted)), undotted(clean_name(gold))
    return predicted_name == initials(gold_name) or gold_name == initials(predicted_name)


def _passage(row: dict[str, Any]) -> GoldArticle:
    text, published = row["text"], row.get("published")
    if not isinstance(text, str) or not isinstance(row["id"], str):
        raise TypeError("id and text must be strings")
    if published is not None:
        date.fromisoformat(published)  # a bad date is a bad record, not a crash mid-run
    return GoldArticle(name=row["id"], text=text, published=published)


def read_articles(source: Path) -> list[GoldArticle]:
    """The articles of a PolNeAR split folder, or of a passages file: JSON Lines of
    ``{"id", "text", "published"}`` (``published`` an ISO date or absent), texts with no
    attribution annotations; a malformed line or a repeated id raises GoldError."""
    if source.is_dir():
        return read_split(source)
    passages = read_json_lines(source, "passage", _passage)
    repeated = sorted(name for name, count in Counter(p.name for p in passages).items() if count > 1)
    if repeated:
        raise GoldError(f"{source}: passage ids repeated: {', '.join(repeated[:3])}")
    return passages


def evaluate_speakers(
    articles_path: Path,
    gold_path: Path,
    model: str = DEFAULT_MODEL,
    tagger: str = DEFAULT_TAGGER,
    part: str = "all",
) -> dict[str, Any]:
    """The report of ``score_speakers`` on the articles of a split or passages file
    (``read_articles``) against a gold file; ``part`` keeps the gold of the articles in the
    tune or check half (``reportedly.eval.in_part`` of the article's name)."""
    gold, skipped = read_gold(gold_path)
    by_article: dict[str, list[GoldSpeaker]] = defaultdict(list)
    for item in gold:
        if in_part(item.article, part):
            by_article[item.article].append(item)
    articles = {
        article.name: article for article in read_articles(articles_path) if article.name in by_article
    }
    missing = sorted(set(by_article) - set(articles))
    if missing:
        raise GoldError(f"{gold_path}: articles not in {articles_path}: {', '.join(missing[:3])}")
    resources = Resources.load(model, tagger)
    nlp = load_spacy(model)
    results = []
    for name in tqdm(sorted(by_article), desc="speakers", unit="article", disable=None):
        text, published = articles[name].text, articles[name].published
        day = date.fromisoformat(published) if published else None
        draft, resolver = resolved_draft(name, text, nlp, resources, day)
        for item in by_article[name]:
            results.append((item, _prediction_for(item, draft.extraction.attributions, resolver, text)))
    return {"part": part, **score_speakers(results, skipped)}


def resolved_draft(
    name: str, text: str, nlp: Language, resources: Resources, published: date | None = None
) -> tuple[Draft, SpeakerResolver]:
    """A text (published on ``published``, if known) parsed whole and run through the stages
    as far as the speakers, with a fresh resolver over the result for the gold spans that no
    extracted attribution holds. It is not the one that linked the speakers: that one also
    counts the descriptions it resolved as mentions, and scores read the fresh one."""
    doc = run_stages(CHUNK_STAGES, nlp(text), resources)
    draft = Draft(doc, Extraction(Document(name, text, published=published), attributions=doc._.attributions))
    group_entities(draft, resources)
    resolve_speakers(draft, resources)
    return draft, speaker_resolver(draft, resources)


def _prediction_for(
    item: GoldSpeaker, attributions: list[Attribution], resolver: SpeakerResolver, text: str
) -> Prediction:
    """What the extraction gives the gold mention: the speaker and addressee of the nearest
    attribution whose source overlaps it (for a gold question, one that says who was asked:
    of the nearest question whose addressee, else source, overlaps it), else the resolver's
    entity for the gold span."""

    def nearest(spans: list[tuple[Span, Attribution]]) -> Attribution | None:
        overlapping = [(span, a) for span, a in spans if span.start < item.end and item.start < span.end]
        if not overlapping:
            return None
        return min(
            overlapping, key=lambda pair: abs(pair[0].start - item.start) + abs(pair[0].end - item.end)
        )[1]

    best = None
    if item.has_addressee:
        # A gold question is on the one asked ("Rutte was asked whether ... and replied
        # that ...": the question, not the answer on the same span) or on the asker.
        questions = [a for a in attributions if resolver.is_question(a)]
        best = nearest([(a.addressee, a) for a in questions if a.addressee]) or nearest(
            [(a.source, a) for a in questions if a.source]
        )
    best = best or nearest([(a.source, a) for a in attributions if a.source])
    if best is not None:
        return Prediction(_spoken(best.speaker), _addressee(resolver, attributions, text, best))
    probe, previous = _probe(resolver, attributions, text, item.start, item.end)
    group = resolver.group(probe, previous)
    if group is not None:
        return Prediction(_spoken(group), extracted=False)
    entity = resolver.resolve(probe, previous)
    return Prediction(entity.name if entity else None, extracted=False)


def _addressee(
    resolver: SpeakerResolver, attributions: list[Attribution], text: str, attribution: Attribution
) -> str | None:
    """An attribution's addressee as the scorer reads it: the name of the one a question was
    put to, resolved as a source is ("He was asked whether": the one "He" refers to), else
    the addressee's text."""
    if attribution.addressee is None:
        return None
    _, previous = _probe(resolver, attributions, text, attribution.addressee.start, attribution.addressee.end)
    asked = resolver.asked(attribution, previous)
    return asked.name if asked is not None else attribution.addressee.text


def _spoken(speaker: Speaker | None) -> Predicted:
    """A speaker as the scorer reads it: its name, or the names of a group's parties."""
    if speaker is None:
        return None
    return tuple(member.name for member in speaker.members) or speaker.name


def resolve_span(
    resolver: SpeakerResolver, attributions: list[Attribution], text: str, start: int, end: int
) -> Entity | None:
    """The entity the resolver gives a span of the text read as a source, with the speaker of
    the last attribution before it as the previous speaker."""
    return resolver.resolve(*_probe(resolver, attributions, text, start, end))


def _probe(
    resolver: SpeakerResolver, attributions: list[Attribution], text: str, start: int, end: int
) -> tuple[Attribution, Entity | None]:
    """A span of the text as the source of an attribution of its own, and the speaker of the
    last attribution before it (the previous speaker)."""
    earlier = [a for a in attributions if a.speaker and a.speaker.entity and attribution_start(a) < start]
    previous_id = max(earlier, key=attribution_start).speaker.entity if earlier else None
    previous = next((e for e in resolver.entities if e.id == previous_id), None)
    probe = Attribution(id="probe", kind="indirect", cue=None, source=Span.of(text, start, end), content=[])
    return probe, previous


def _members(names: Names) -> tuple[str, ...]:
    if names is None:
        return ()
    return (names,) if isinstance(names, str) else names


def _names_member(predicted: str | tuple[str, ...], member: str) -> bool:
    """Whether a predicted name or span names a member: the same referent, or the member's
    name among its words ("Trump and Pence" names "Mike Pence"; "NBC's Lester Holt, the
    moderator" names "Lester Holt"); a group names it when one of its parties does."""
    if isinstance(predicted, tuple):
        return any(_names_member(party, member) for party in predicted)
    if same_referent(predicted, member):
        return True
    words = name_key(" ".join(_WORD.findall(predicted)), {})
    key = name_key(clean_name(member), {})
    return bool(key) and any(words[i : i + len(key)] == key for i in range(len(words)))


def member_share(predicted: Predicted, gold: Names) -> float:
    """The share of the gold names the prediction names (0 for a null prediction)."""
    members = _members(gold)
    if not members or predicted is None:
        return 0.0
    return sum(1 for member in members if _names_member(predicted, member)) / len(members)


def speaker_right(item: GoldSpeaker, predicted: Predicted) -> bool:
    """Whether a predicted speaker is right for a gold mention (the rules in the module doc)."""
    if item.resolvable:
        return member_share(predicted, item.speaker) == 1.0
    if predicted is None:
        return True
    if item.holder is not None and isinstance(predicted, str) and same_referent(predicted, item.holder):
        return True
    return any(_names_member(predicted, member) for member in _members(item.speaker))


def addressee_right(item: GoldSpeaker, predicted: str | None) -> bool:
    """Whether the addressee span names who was asked; where the gold names no one ("asked
    the crowd"), a span that names no one (no capitalised word) is right as well as none."""
    if item.addressee is None:
        return predicted is None or not any(word[0].isupper() for word in _WORD.findall(predicted))
    return member_share(predicted, item.addressee) == 1.0


def _share(right: int, items: int) -> dict[str, Any]:
    return {"items": items, "right": right, "accuracy": round(right / items, 3) if items else None}


def score_speakers(results: list[tuple[GoldSpeaker, Prediction]], skipped: int = 0) -> dict[str, Any]:
    """Accuracy on resolvable mentions (all but ``named``, and each kind), the share of
    unresolvable ones left null (or given the holder or a listed member), lists (groups,
    plural pronouns) by members named, and questions by addressee."""
    verdicts = [(item, predicted, speaker_right(item, predicted.speaker)) for item, predicted in results]

    def figures(selected: list[tuple[GoldSpeaker, Prediction, bool]]) -> dict[str, Any]:
        return _share(sum(1 for *_, right in selected if right), len(selected))

    counted = [v for v in verdicts if v[0].kind != "named"]
    present = {item.kind for item, _ in results}
    kinds = [kind for kind in KINDS if kind in present] + sorted(present - set(KINDS))
    lists = [(item, predicted) for item, predicted, _ in verdicts if isinstance(item.speaker, tuple)]
    questions = [(item, predicted) for item, predicted, _ in verdicts if item.has_addressee]
    return {
        "items": len(results),
        "skipped": skipped,
        "through_extracted_attributions": sum(1 for _, predicted in results if predicted.extracted),
        "resolvable": figures([v for v in counted if v[0].resolvable]),
        "unresolvable": figures([v for v in counted if not v[0].resolvable]),
        "kinds": {
            kind: {
                "resolvable": figures([v for v in verdicts if v[0].kind == kind and v[0].resolvable]),
                "unresolvable": figures([v for v in verdicts if v[0].kind == kind and not v[0].resolvable]),
            }
            for kind in kinds
        },
        "lists": {
            "items": len(lists),
            "all_members_named": sum(1 for item, p in lists if member_share(p.speaker, item.speaker) == 1.0),
            "member_share": (
                round(sum(member_share(p.speaker, item.speaker) for item, p in lists) / len(lists), 3)
                if lists
                else None
            ),
        },
        "questions": {
            "addressee": _share(
                sum(1 for item, p in questions if addressee_right(item, p.addressee)), len(questions)
            ),
            "source_is_addressee": sum(
                1
                for item, p in questions
                if p.speaker is not None
                and item.addressee is not None
                and member_share(p.speaker, item.addressee) > 0
            ),
        },
        "errors": [
            {
                "article": item.article,
                "start": item.start,
                "end": item.end,
                "kind": item.kind,
                "resolvable": item.resolvable,
                "gold": list(item.speaker) if isinstance(item.speaker, tuple) else item.speaker,
                "predicted": list(p) if isinstance(p := predicted.speaker, tuple) else p,
            }
            for item, predicted, right in verdicts
            if not right
        ],
        "addressee_errors": [
            {
                "article": item.article,
                "start": item.start,
                "end": item.end,
                "gold": list(item.addressee) if isinstance(item.addressee, tuple) else item.addressee,
                "predicted": predicted.addressee,
            }
            for item, predicted in questions
            if not addressee_right(item, predicted.addressee)
        ],
    }


def agreement(reference: Path, other: Path) -> dict[str, Any]:
    """A second annotation of the same mentions (``other``, by article and span) scored as
    the system is against ``reference``: the second reader's referent is the prediction
    (none where they skipped the mention), the reference's kind and ``resolvable`` decide
    what counts. What two readers of the guide reach bounds what a resolver can reach."""
    first, skipped = read_gold(reference)
    second, _ = read_gold(other)
    by_span = {(item.article, item.start, item.end): item for item in second}
    results = []
    missing = 0
    for item in first:
        answer = by_span.get((item.article, item.start, item.end))
        if answer is None:
            missing += 1
            results.append((item, Prediction(None)))
            continue
        asked = answer.addressee
        results.append((item, Prediction(answer.speaker, asked if isinstance(asked, str) else None)))
    report = score_speakers(results, skipped)
    report["not_in_other"] = missing
    return report


def format_report(report: dict[str, Any]) -> str:
    """The report as a table: right / items and accuracy for each kind, resolvable and not."""

    def cell(figures: dict[str, Any]) -> str:
        if not figures["items"]:
            return "-"
        return f"{figures['accuracy']:.3f} ({figures['right']}/{figures['items']})"

    through = report["through_extracted_attributions"]
    part = "" if report.get("part", "all") == "all" else f"{report['part']}: "
    lines = [
        f"{part}{report['items']} gold source mentions ({through} through extracted attributions, "
        f"{report['skipped']} skipped)",
        f"{'kind':<14} {'resolvable right':<20} unresolvable left null",
    ]
    rows = [
        (kind, figures["resolvable"], figures["unresolvable"]) for kind, figures in report["kinds"].items()
    ]
    rows.append(("all but named", report["resolvable"], report["unresolvable"]))
    lines += [
        f"{kind:<14} {cell(resolvable):<20} {cell(unresolvable)}" for kind, resolvable, unresolvable in rows
    ]
    lists = report["lists"]
    lines.append(
        f"lists (groups, plural pronouns): {lists['all_members_named']}/{lists['items']} with every member "
        f"named, mean share of members named {lists['member_share']}"
    )
    questions = report["questions"]
    lines.append(
        f"questions: addressee right {cell(questions['addressee'])}, "
        f"source given the addressee {questions['source_is_addressee']}"
    )
    return "\n".join(lines)
