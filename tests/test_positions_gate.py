"""The encoder gate (issue 21): which statements no pattern places are embedded for the
learned issue model, its file, and what the stage does with those it turns away."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from reportedly.extract import Extractor
from reportedly.positions.gate import EncoderGate, load_gate, terms_of
from reportedly.positions.issues import load_issues
from reportedly.positions.learned import PositionModelError, load_position_model
from reportedly.positions.statements import issues_and_gate, statements_of, take_positions, to_bytes

# A gate that lets through only a content that names Istanbul.
ISTANBUL = EncoderGate({"istanbul": 6.0}, -3.0, 0.5)
PASSAGE = (
    "The coach said she had been a fan of the band since high school. "
    "Turkish Foreign Minister Hakan Fidan said Ankara was ready to host another meeting in Istanbul. "
    "Foreign Minister Sergei Lavrov said Moscow rejected any ceasefire that froze the front line."
)


def test_the_gate_weighs_the_contents_words_and_pairs_of_words():
    assert terms_of("Security guarantees, now!") == {
        "security",
        "guarantees",
        "now",
        "security guarantees",
        "guarantees now",
    }
    assert ISTANBUL.passes("talks in Istanbul") and not ISTANBUL.passes("talks in Ankara")
    assert round(ISTANBUL.probability("talks in Ankara"), 3) == 0.047


def test_a_gate_file_round_trips_and_a_broken_one_is_refused(tmp_path: Path):
    path = tmp_path / "gate.json"
    path.write_text(json.dumps(ISTANBUL.to_json()))
    assert load_gate(path) == ISTANBUL
    path.write_text(json.dumps({"format": 1, "bias": 0.0}))
    with pytest.raises(PositionModelError, match=r"gate.json: not an encoder gate \('weights'\)"):
        load_gate(path)


def test_the_shipped_model_runs_behind_the_shipped_gate():
    gate = load_position_model(None, load_issues().names()).gate
    assert gate is not None and 0.0 < gate.threshold < 1.0
    assert gate.passes("Moscow was ready for a truce")
    assert not gate.passes("she had been a fan of the band since high school")


def test_a_statement_the_gate_turns_away_is_not_embedded_and_about_no_issue(extract, extractor: Extractor):
    resources = extractor.resources
    assert resources.positions is not None and resources.encoder is not None
    model = dataclasses.replace(resources.positions, gate=ISTANBUL)
    extraction = extract(PASSAGE)
    contents = {a.id: a.content[0].text for a in extraction.attributions}
    coach, fidan, lavrov = (
        next(id_ for id_, text in contents.items() if word in text)
        for word in ("band", "Istanbul", "ceasefire")
    )
    # the shipped gate turns the coach's statement away too; Lavrov's, which a pattern places,
    # the shipped model's cascade reads sure without its vector (tests/test_positions_cascade.py)
    assert set(extraction.vectors) == {fidan}
    extraction.vectors.clear()
    stances = take_positions(extraction, resources.issues, resources.encoder, model)
    # the coach's statement is turned away; Fidan's passes the gate
    assert set(extraction.vectors) == {fidan}
    assert [(s.statement, s.issue, s.stance) for s in stances] == [
        (fidan, "negotiations", "supports"),
        (lavrov, "ceasefire", "opposes"),
    ]
    # a vector stored before (a store made without the gate) does not bring it back
    ceasefire_example = resources.encoder.encode(["Moscow rejected any ceasefire"])[0]
    extraction.vectors[coach] = to_bytes(ceasefire_example)
    again = take_positions(extraction, resources.issues, resources.encoder, model)
    assert coach not in {s.statement for s in again}
    assert np.frombuffer(extraction.vectors[fidan], dtype="<f2").shape == (384,)


def test_the_gate_is_asked_once_a_statement_no_pattern_places(extract, extractor: Extractor):
    extraction = extract(PASSAGE)
    asked: list[str] = []

    class AskedGate:
        def passes(self, text: str) -> bool:
            asked.append(text)
            return ISTANBUL.passes(text)

    statements = statements_of(extraction)
    found, passed = issues_and_gate(
        extraction, statements, extractor.resources.issues, None, True, AskedGate()
    )
    verdicts = {
        statement.text.split()[-1]: through for statement, through in zip(statements, passed, strict=True)
    }
    # the coach's is turned away, Fidan's let through, Lavrov's placed by a pattern (not asked)
    assert verdicts == {"school": False, "Istanbul": True, "line": True}
    assert sorted(text.split()[-1] for text in asked) == ["Istanbul", "school"]
    assert [[issue.name for issue, _match, _score in issues] for issues in found][-1] == ["ceasefire"]
