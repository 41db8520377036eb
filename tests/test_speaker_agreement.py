"""``reportedly eval speakers-agreement``: a second annotation scored as the system is."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return path


def _mention(start: int, kind: str, speaker: str | list[str] | None, **more: object) -> dict:
    return {
        "article": "a1",
        "start": start,
        "end": start + 2,
        "kind": kind,
        "speaker": speaker,
        "resolvable": speaker is not None,
        **more,
    }


def test_second_reader_is_scored_as_the_system(tmp_path: Path, cli: Callable) -> None:
    reference = _write(
        tmp_path / "gold.jsonl",
        [
            _mention(10, "pronoun", "Donald Trump"),
            _mention(20, "title", None),
            _mention(30, "group", ["Germany", "France"]),
            _mention(40, "pronoun", "Hillary Clinton"),
        ],
    )
    other = _write(
        tmp_path / "second.jsonl",
        [
            _mention(10, "pronoun", "Trump"),  # the surname names the same referent
            _mention(20, "title", "Barack Obama"),  # a referent where the reference has none
            _mention(30, "group", ["Germany"]),  # one member of two
            {"article": "a1", "start": 40, "end": 42, "skip": True, "note": "two readings"},
        ],
    )
    result = cli("eval", "speakers-agreement", str(reference), str(other), "--format", "json")
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["resolvable"] == {"items": 3, "right": 1, "accuracy": 0.333}
    assert figures["unresolvable"] == {"items": 1, "right": 0, "accuracy": 0.0}
    assert figures["lists"] == {"items": 1, "all_members_named": 0, "member_share": 0.5}
    assert figures["not_in_other"] == 1
