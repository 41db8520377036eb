"""``reportedly eval positions-agreement``: two annotations of the same statements compared."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

TEXT = "Lavrov said Moscow would accept a ceasefire if Kyiv dropped its NATO bid."
CONTENT = "Moscow would accept a ceasefire if Kyiv dropped its NATO bid"
SECOND_TEXT = "Zelenskiy said Ukraine would never give up Crimea."
SECOND_CONTENT = "Ukraine would never give up Crimea"


def _record(id_: str, text: str, content: str, issues: list[dict]) -> dict:
    return {
        "id": id_,
        "genre": "wire",
        "published": "2025-03-12",
        "text": text,
        "speaker": "x",
        "content": content,
        "issues": issues,
    }


def _issue(issue: str, stance: str, condition: str | None = None) -> dict:
    return {"issue": issue, "stance": stance, "condition": condition, "demanded_of": None}


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return path


def test_agreement_counts_issues_stances_and_conditions(tmp_path: Path, cli: Callable) -> None:
    reference = _write(
        tmp_path / "a.jsonl",
        [
            _record(
                "p1",
                TEXT,
                CONTENT,
                [
                    _issue("ceasefire", "conditional", "if Kyiv dropped its NATO bid"),
                    _issue("alliance_membership", "opposes"),
                ],
            ),
            _record("p2", SECOND_TEXT, SECOND_CONTENT, [_issue("territory", "opposes")]),
        ],
    )
    other = _write(
        tmp_path / "b.jsonl",
        [
            _record(
                "p1", TEXT, CONTENT, [_issue("ceasefire", "conditional", "if Kyiv dropped its NATO bid")]
            ),
            _record(
                "p2",
                SECOND_TEXT,
                SECOND_CONTENT,
                [_issue("territory", "supports"), _issue("negotiations", "opposes")],
            ),
        ],
    )
    result = cli("eval", "positions-agreement", str(reference), str(other), "--format", "json")
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["issues"] == {"reference": 3, "other": 3, "precision": 0.667, "recall": 0.667, "f1": 0.667}
    assert figures["stance"]["pairs"] == 2 and figures["stance"]["accuracy"] == 0.5
    # Observed 1/2; by chance (conditional 1/2 x 1/2 + opposes 1/2 x 0 + supports 0 x 1/2) 1/4.
    assert figures["stance"]["kappa"] == 0.333
    assert figures["condition"] == {"gold": 1, "right": 1, "spurious": 0}


def test_agreement_refuses_annotations_of_other_statements(tmp_path: Path, cli: Callable) -> None:
    reference = _write(tmp_path / "a.jsonl", [_record("p1", TEXT, CONTENT, [])])
    other = _write(tmp_path / "b.jsonl", [_record("p2", TEXT, CONTENT, [])])
    result = cli("eval", "positions-agreement", str(reference), str(other))
    assert result.exit_code == 1
    assert result.stderr.strip() == "reportedly: error: statement p1: not in the second annotation"
