"""Score issues and stances against a gold file of statements (issue 21).

A gold file is JSON Lines, one statement per line::

    {"id": "pos-001", "genre": "wire", "published": "2025-03-12", "text": "...",
     "speaker": "Sergei Lavrov", "content": "exact substring of text",
     "issues": [{"issue": "ceasefire", "stance": "conditional",
                 "condition": "exact substring of text or null", "demanded_of": "name or null"}]}

Each passage is extracted whole, dated by ``published``. The gold statement is matched to
the system attribution whose content overlaps the gold content most; with none, the
system's issues and stances are read from the gold content span directly (the report says
how many went each way). Issue assignment is scored micro over statement-issue pairs;
stance over the gold pairs, as the stance the system gives that content on the gold issue
(read on the content when the system did not assign the issue); a condition is right when
the system's overlaps the gold one by at least half their union, a demanded-of when the
gold name and the name of the party the system resolved (else its words) hold one another
(case and a leading "the" aside), or when both code to one actor by the same coder (a
country and its government alike: "the United States" USA, "the US administration" USAGOV).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tqdm import tqdm

from reportedly.eval import GoldError
from reportedly.eval.jsonl import read_json_lines
from reportedly.extract import Extractor
from reportedly.model import STANCE_VALUES, Attribution, Document, Extraction, Span, Stance
from reportedly.positions.issues import IssueBook, load_issues
from reportedly.positions.parties import name_demanded, party_of_words
from reportedly.positions.stance import read_stance
from reportedly.positions.statements import lead_demanded, learned_stance_on, statement_by_id, take_positions
from reportedly.resolve.actors import ActorCoder


@dataclass(frozen=True, slots=True)
class GoldIssue:
    issue: str
    stance: str
    condition: str | None
    demanded_of: str | None


@dataclass(frozen=True, slots=True)
class GoldStatement:
    id: str
    genre: str | None
    published: date | None
    text: str
    speaker: str | None
    content: str
    start: int
    issues: tuple[GoldIssue, ...]


def _statement(record: dict[str, Any]) -> GoldStatement:
    text, content = record["text"], record["content"]
    start = text.find(content)
    if not content or start < 0:
        raise ValueError("its content is not a substring of its text")
    issues = []
    for item in record["issues"]:
        if item["stance"] not in STANCE_VALUES:
            raise ValueError(f"stance {item['stance']!r} is none of {', '.join(STANCE_VALUES)}")
        if item.get("condition") and item["condition"] not in text:
            raise ValueError(f"condition {item['condition']!r} is not a substring of its text")
        issues.append(
            GoldIssue(item["issue"], item["stance"], item.get("condition"), item.get("demanded_of"))
        )
    published = record.get("published")
    return GoldStatement(
        record["id"],
        record.get("genre"),
        date.fromisoformat(published[:10]) if published else None,
        text,
        record.get("speaker"),
        content,
        start,
        tuple(issues),
    )


def read_gold(path: Path, book: IssueBook) -> list[GoldStatement]:
    statements = read_json_lines(path, "gold statement", _statement)
    unknown = {item.issue for s in statements for item in s.issues} - set(book.names())
    if unknown:
        raise GoldError(f"{path}: issues not in the issues file: {', '.join(sorted(unknown))}")
    return statements


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _system_stances(
    gold: GoldStatement, extraction: Extraction, book: IssueBook, extractor: Extractor
) -> tuple[str, dict[str, Stance], Extraction, str]:
    """How the gold statement was matched ("attribution" or "content"), the system's
    stances on it by issue, and the extraction and id of the statement matched."""
    span = (gold.start, gold.start + len(gold.content))
    best, best_overlap = None, 0
    for attribution in extraction.attributions:
        overlap = sum(_overlap(span, part.range) for part in attribution.content)
        if overlap > best_overlap:
            best, best_overlap = attribution, overlap
    if best is not None:
        stances = {s.issue: s for s in extraction.stances if s.statement == best.id}
        return "attribution", stances, extraction, best.id
    # The gold content as a statement of its own (no cue, no speaker), read as any other.
    statement = Attribution("gold", "floating", None, None, [Span.of(gold.text, *span)])
    alone = Extraction(extraction.document, [statement], extraction.entities, extraction.times)
    resources = extractor.resources
    found = take_positions(alone, book, resources.encoder, resources.positions)
    stances = {s.issue: s for s in name_demanded(found, alone, resources.coder)}
    return "content", stances, alone, statement.id


def _cut(gold: GoldStatement, found: Any) -> Span | None:
    return Span.of(gold.text, gold.start + found.start, gold.start + found.end) if found else None


def _stance_on(
    gold: GoldStatement,
    issue: str,
    stances: dict[str, Stance],
    book: IssueBook,
    matched: tuple[Extraction, str],
    extractor: Extractor,
) -> Stance:
    """The system's stance on ``issue``: its own, or read on the gold content for that issue
    (by the rules, and by the learned model, if one runs, from the matched statement)."""
    if issue in stances:
        return stances[issue]
    found = next(item for item in book.issues if item.name == issue)
    reading = read_stance(gold.content, "", against=found.against)
    stance = reading.stance
    model = extractor.resources.positions
    if model is not None and extractor.resources.encoder is not None:
        stance = learned_stance_on(*matched, found, book, model, extractor.resources.encoder) or stance
    evidence = [Span.of(gold.text, gold.start, gold.start + len(gold.content))]
    # Whom the matched statement's cue addresses before its content first, as the stage reads it.
    extraction, statement_id = matched
    statement = statement_by_id(extraction, statement_id) if stance == "demands" else None
    lead = lead_demanded(statement, extraction.document.text) if statement else None
    read = Stance(
        "gold",
        issue,
        stance,
        evidence,
        _cut(gold, reading.condition if stance == "conditional" else None),
        lead or _cut(gold, reading.demanded_of if stance == "demands" else None),
    )
    return name_demanded([read], matched[0], extractor.resources.coder)[0]


def _spans_agree(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two spans overlap by at least half their union (conditions)."""
    union = max(first[1], second[1]) - min(first[0], second[0])
    return _overlap(first, second) * 2 >= union


def _same_party(gold: str, system: Stance, coder: ActorCoder) -> bool:
    """Whether the system's addressee is the party a gold name names: the names (the span's
    words where it resolved none) hold one another, case and a leading "the" aside; or the
    gold name and the system's party code to one actor by the same coder, a country being
    its government ("the United States" USA, "the US administration" USAGOV)."""
    party, span = system.demanded_party, system.demanded_of
    words = (party.name if party else None) or (span.text if span else None)
    if words is not None and _same_name(gold, words):
        return True
    code = party.actor.code if party and party.actor else None
    gold_party = party_of_words(gold, coder, None)
    gold_code = gold_party.actor.code if gold_party and gold_party.actor else None
    return code is not None and gold_code is not None and _same_actor(gold_code, code)


def _same_actor(first: str, second: str) -> bool:
    """Whether two codes are one actor: equal, or a country and its government (USA, USAGOV)."""
    short, long = sorted((first, second), key=len)
    return first == second or (len(short) == 3 and long == short + "GOV")


def _same_name(gold: str, system: str) -> bool:
    def norm(name: str) -> str:
        name = " ".join(name.lower().replace("’", "'").split())
        return name[4:] if name.startswith("the ") else name

    a, b = norm(gold), norm(system)
    return bool(a and b) and (a in b or b in a)


def _f1(tp: int, fp: int, fn: int) -> dict[str, float | None]:
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0
    return {"precision": _round(precision), "recall": _round(recall), "f1": _round(f1)}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _stance_figures(confusion: Counter[tuple[str, str]]) -> dict[str, Any]:
    """Accuracy, macro-F1 (over the stances the reference gives), F1 per stance and the
    confusion of the (reference, other) stance pairs counted in ``confusion``."""
    pairs = sum(confusion.values())
    right = sum(count for (gold, system), count in confusion.items() if gold == system)
    per_stance = {}
    for value in STANCE_VALUES:
        tp = confusion[(value, value)]
        fp = sum(count for (gold, system), count in confusion.items() if system == value and gold != value)
        fn = sum(count for (gold, system), count in confusion.items() if gold == value and system != value)
        per_stance[value] = {"gold": tp + fn, **_f1(tp, fp, fn)}
    present = [figures["f1"] or 0.0 for value, figures in per_stance.items() if figures["gold"]]
    return {
        "pairs": pairs,
        "accuracy": _round(right / pairs) if pairs else None,
        "macro_f1": _round(sum(present) / len(present)) if present else None,
        "by_stance": per_stance,
        "confusion": {f"{gold} -> {system}": count for (gold, system), count in sorted(confusion.items())},
    }


def score(
    golds: list[GoldStatement], extractions: list[Extraction], book: IssueBook, extractor: Extractor
) -> dict[str, Any]:
    matched: Counter[str] = Counter()
    issue_counts: Counter[str] = Counter()
    per_issue: dict[str, Counter[str]] = {name: Counter() for name in book.names()}
    confusion: Counter[tuple[str, str]] = Counter()
    condition: Counter[str] = Counter()
    demanded: Counter[str] = Counter()
    errors = []
    for gold, extraction in zip(golds, extractions, strict=True):
        how, stances, matched_extraction, matched_id = _system_stances(gold, extraction, book, extractor)
        matched[how] += 1
        gold_issues = {item.issue for item in gold.issues}
        for name in gold_issues | set(stances):
            outcome = (
                "tp" if name in gold_issues and name in stances else "fn" if name in gold_issues else "fp"
            )
            issue_counts[outcome] += 1
            per_issue[name][outcome] += 1
        mistakes = []
        for item in gold.issues:
            system = _stance_on(gold, item.issue, stances, book, (matched_extraction, matched_id), extractor)
            confusion[(item.stance, system.stance)] += 1
            if item.stance != system.stance:
                mistakes.append(f"{item.issue}: {item.stance} -> {system.stance}")
            _tally(
                condition,
                item.condition,
                system.condition,
                bool(item.condition and system.condition)
                and _spans_agree(_found(gold.text, item.condition), system.condition.range),
            )
            _tally(
                demanded,
                item.demanded_of,
                system.demanded_of,
                bool(item.demanded_of) and _same_party(item.demanded_of, system, extractor.resources.coder),
            )
        missing = sorted(gold_issues - set(stances))
        extra = sorted(set(stances) - gold_issues)
        if mistakes or missing or extra:
            errors.append(
                {
                    "id": gold.id,
                    "content": gold.content,
                    "matched": how,
                    "missed_issues": missing,
                    "extra_issues": extra,
                    "stances": mistakes,
                }
            )
    return {
        "statements": len(golds),
        "matched": {"attribution": matched["attribution"], "content": matched["content"]},
        "issues": {
            "gold": issue_counts["tp"] + issue_counts["fn"],
            "system": issue_counts["tp"] + issue_counts["fp"],
            **_f1(issue_counts["tp"], issue_counts["fp"], issue_counts["fn"]),
            "by_issue": {
                name: _f1(c["tp"], c["fp"], c["fn"]) | {"gold": c["tp"] + c["fn"]}
                for name, c in per_issue.items()
                if sum(c.values())
            },
        },
        "stance": _stance_figures(confusion),
        "condition": _tallied(condition),
        "demanded_of": _tallied(demanded),
        "errors": errors,
    }


def agreement(reference: list[GoldStatement], other: list[GoldStatement]) -> dict[str, Any]:
    """How far a second annotation of the same statements (``other``, by id) agrees with
    ``reference``: issues as precision, recall and F1 over statement-issue pairs taking
    ``reference`` as gold; stance over the pairs both give (accuracy, macro-F1, Cohen's kappa);
    conditions and demanded-of on those pairs as :func:`score` judges the system's. What two
    readers of one guide agree on bounds what a system can be expected to reach."""
    others = {statement.id: statement for statement in other}
    for statement in reference:
        second = others.get(statement.id)
        if second is None:
            raise GoldError(f"statement {statement.id}: not in the second annotation")
        if (second.text, second.content) != (statement.text, statement.content):
            raise GoldError(f"statement {statement.id}: the annotations differ in its text or content")
    if len(others) != len(reference):
        raise GoldError("the second annotation has statements the first has not")
    issue_counts: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    condition: Counter[str] = Counter()
    demanded: Counter[str] = Counter()
    for statement in reference:
        first = {item.issue: item for item in statement.issues}
        second = {item.issue: item for item in others[statement.id].issues}
        issue_counts["tp"] += len(first.keys() & second.keys())
        issue_counts["fn"] += len(first.keys() - second.keys())
        issue_counts["fp"] += len(second.keys() - first.keys())
        for name in first.keys() & second.keys():
            a, b = first[name], second[name]
            confusion[(a.stance, b.stance)] += 1
            _tally(
                condition,
                a.condition,
                b.condition,
                bool(a.condition and b.condition)
                and _spans_agree(_found(statement.text, a.condition), _found(statement.text, b.condition)),
            )
            _tally(
                demanded,
                a.demanded_of,
                b.demanded_of,
                bool(a.demanded_of and b.demanded_of) and _same_name(a.demanded_of, b.demanded_of),
            )
    stance = _stance_figures(confusion)
    pairs = stance["pairs"]
    if pairs:
        expected = sum(
            sum(n for (a, _), n in confusion.items() if a == value)
            * sum(n for (_, b), n in confusion.items() if b == value)
            for value in STANCE_VALUES
        ) / (pairs * pairs)
        observed = sum(n for (a, b), n in confusion.items() if a == b) / pairs
        stance["kappa"] = _round((observed - expected) / (1 - expected)) if expected < 1 else None
    return {
        "statements": len(reference),
        "issues": {
            "reference": issue_counts["tp"] + issue_counts["fn"],
            "other": issue_counts["tp"] + issue_counts["fp"],
            **_f1(issue_counts["tp"], issue_counts["fp"], issue_counts["fn"]),
        },
        "stance": stance,
        "condition": _tallied(condition),
        "demanded_of": _tallied(demanded),
    }


def _tally(counts: Counter[str], gold: object, other: object, agree: bool) -> None:
    """Count one optional part of a stance (its condition or whom it demands of) as the
    scorer judges it: ``gold`` when the reference gives one, ``right`` when both give one and
    they ``agree``, ``spurious`` when only the other side gives one."""
    if gold:
        counts["gold"] += 1
        counts["right"] += agree
    elif other:
        counts["spurious"] += 1


def _tallied(counts: Counter[str]) -> dict[str, int]:
    return {key: counts[key] for key in ("gold", "right", "spurious")}


def _found(text: str, part: str) -> tuple[int, int]:
    start = text.find(part)
    return start, start + len(part)


def format_agreement(figures: dict[str, Any]) -> str:
    issues, stance = figures["issues"], figures["stance"]
    condition, demanded = figures["condition"], figures["demanded_of"]
    return "\n".join(
        [
            f"{figures['statements']} statements annotated twice",
            f"issues: reference {issues['reference']}, other {issues['other']}  precision "
            f"{issues['precision']}  recall {issues['recall']}  F1 {issues['f1']}",
            f"stance on the {stance['pairs']} statement-issue pairs both give: accuracy "
            f"{stance['accuracy']}  macro-F1 {stance['macro_f1']}  kappa {stance.get('kappa')}",
            *(
                f"  {name:<12} reference {f['gold']:>3}  P {f['precision']}  R {f['recall']}  F1 {f['f1']}"
                for name, f in stance["by_stance"].items()
            ),
            f"condition: {condition['right']} of {condition['gold']} agree, "
            f"{condition['spurious']} where the reference has none",
            f"demanded_of: {demanded['right']} of {demanded['gold']} agree, "
            f"{demanded['spurious']} where the reference has none",
        ]
    )


def evaluate_positions(
    path: Path, load_extractor: Callable[[], Extractor], issues: Path | None = None
) -> dict[str, Any]:
    """The report on the gold statements of ``path`` (read before the extractor loads); with
    ``issues``, the system assigns those issues over the shipped ones."""
    book = load_issues(issues)
    golds = read_gold(path, book)
    extractor = load_extractor()
    if issues is None:
        book = extractor.resources.issues
    elif extractor.resources.encoder is not None:
        book.embed_examples(extractor.resources.encoder)
    documents = (Document(gold.id, gold.text, published=gold.published) for gold in golds)
    extractions = []
    for extraction in tqdm(extractor.extract(documents), total=len(golds), desc="positions", disable=None):
        if issues is not None:
            found = take_positions(extraction, book, extractor.resources.encoder)
            extraction.stances = name_demanded(found, extraction, extractor.resources.coder)
        extractions.append(extraction)
    return score(golds, extractions, book, extractor)


def format_report(figures: dict[str, Any]) -> str:
    issues, stance = figures["issues"], figures["stance"]
    lines = [
        f"{figures['statements']} statements: {figures['matched']['attribution']} matched to a system "
        f"attribution, {figures['matched']['content']} read on the gold content span "
        "(no attribution overlaps it)",
        f"issues: gold {issues['gold']}, system {issues['system']}  precision {issues['precision']}  "
        f"recall {issues['recall']}  F1 {issues['f1']}",
        *(
            f"  {name:<22} gold {f['gold']:>3}  P {f['precision']}  R {f['recall']}  F1 {f['f1']}"
            for name, f in issues["by_issue"].items()
        ),
        f"stance on {stance['pairs']} gold statement-issue pairs: accuracy {stance['accuracy']}  "
        f"macro-F1 {stance['macro_f1']}",
        *(
            f"  {name:<12} gold {f['gold']:>3}  P {f['precision']}  R {f['recall']}  F1 {f['f1']}"
            for name, f in stance["by_stance"].items()
        ),
        f"condition: {figures['condition']['right']} of {figures['condition']['gold']} right, "
        f"{figures['condition']['spurious']} where the gold has none",
        f"demanded_of: {figures['demanded_of']['right']} of {figures['demanded_of']['gold']} right, "
        f"{figures['demanded_of']['spurious']} where the gold has none",
        f"{len(figures['errors'])} statements with a mistake in the JSON report",
    ]
    return "\n".join(lines)
