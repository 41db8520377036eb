"""The cascade (issue 21): a statement a pattern places is read without its embedding first,
and embedded only when that reading is unsure; the model file keeps the cascade."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from reportedly.extract import Extractor
from reportedly.positions.learned import Cascade, PositionModel, PositionModelError, load_position_model
from reportedly.positions.statements import (
    learned_stance_on,
    rule_reading,
    statement_by_id,
    statement_view,
    statements_of,
    take_positions,
    to_bytes,
)

PASSAGE = (
    "The coach said she had been a fan of the band since high school. "
    "Foreign Minister Sergei Lavrov said Moscow rejected any ceasefire that froze the front line."
)


def sure_of_the_rules(model: PositionModel, margin: float, ends: tuple[float, float]) -> PositionModel:
    """``model`` with a cascade whose issue models give an issue the rules place 0.998 and
    another 0.002, and whose stance is read at ``ends`` (both ranges)."""
    count = len(model.issues)
    weights = np.zeros((count, model.features.plain_width()))
    weights[:, 0] = -6.0
    ruled = model.features.plain_width() - 1 - count  # the "ruled" columns follow the "placed" ones
    weights[np.arange(count), ruled + np.arange(count)] = 12.0
    return dataclasses.replace(model, cascade=Cascade(weights, margin, ends, ends))


def lavrov_of(extraction) -> str:
    return next(a.id for a in extraction.attributions if "ceasefire" in a.content[0].text)


@pytest.fixture
def shipped(extractor: Extractor) -> PositionModel:
    assert extractor.resources.positions is not None
    return extractor.resources.positions


def test_a_placed_statement_read_sure_is_not_embedded(extract, extractor: Extractor, shipped: PositionModel):
    resources = extractor.resources
    extraction = extract(PASSAGE)
    lavrov = lavrov_of(extraction)
    extraction.vectors.clear()
    model = sure_of_the_rules(shipped, 0.1, (0.5, 0.5))
    stances = take_positions(extraction, resources.issues, resources.encoder, model)
    assert [(s.statement, s.issue, s.stance, s.score) for s in stances] == [
        (lavrov, "ceasefire", "opposes", 1.0)
    ]
    # the pattern placed it, the cascade was sure of its issue and stance: no vector
    assert lavrov not in extraction.vectors
    # a vector stored before (a store made without the cascade) changes nothing: a rebuild reads as an ingest
    extraction.vectors[lavrov] = to_bytes(resources.encoder.encode(["Prisoners were exchanged at dawn"])[0])
    again = take_positions(extraction, resources.issues, resources.encoder, model)
    assert [(s.statement, s.issue, s.stance) for s in again] == [(lavrov, "ceasefire", "opposes")]


def test_a_placed_statement_read_unsure_is_embedded(extract, extractor: Extractor, shipped: PositionModel):
    resources = extractor.resources
    extraction = extract(PASSAGE)
    lavrov = lavrov_of(extraction)
    # its issue unsure: 0.998 is within 0.8 of the threshold of an issue the rules place (0.2)
    extraction.vectors.clear()
    take_positions(
        extraction, resources.issues, resources.encoder, sure_of_the_rules(shipped, 0.8, (0.5, 0.5))
    )
    assert np.frombuffer(extraction.vectors[lavrov], dtype="<f2").shape == (384,)
    # its stance unsure: the stance model reads it differently at cosines -50 and 50
    extraction.vectors.clear()
    take_positions(
        extraction, resources.issues, resources.encoder, sure_of_the_rules(shipped, 0.1, (-50, 50))
    )
    assert lavrov in extraction.vectors
    # the full model read it as the shipped model reads it
    full = take_positions(
        extraction, resources.issues, resources.encoder, dataclasses.replace(shipped, cascade=None)
    )
    assert [(s.issue, s.stance) for s in full if s.statement == lavrov] == [("ceasefire", "opposes")]


def test_a_stance_sure_at_both_ends_is_the_stance_between(
    extract, extractor: Extractor, shipped: PositionModel
):
    resources = extractor.resources
    extraction = extract(PASSAGE)
    statement = next(s for s in statements_of(extraction) if "ceasefire" in s.text)
    ceasefire = next(issue for issue in resources.issues.issues if issue.name == "ceasefire")
    view = statement_view(
        statement, [(ceasefire, ceasefire.first_match(statement.text), 1.0)], None, resources.issues
    )
    reading, _start = rule_reading(statement, ceasefire, ceasefire.first_match(statement.text))
    against = [ceasefire.against_words()]
    model = sure_of_the_rules(shipped, 0.1, (0.1, 0.9))
    sure = model.sure_stance(view, "ceasefire", reading, against)
    assert sure == "opposes"
    for similarity in np.linspace(0.1, 0.9, 9):
        probabilities = model.stance_probabilities(view, "ceasefire", reading, False, float(similarity))
        assert ("supports", "opposes", "conditional", "demands", "unclear")[
            int(np.argmax(probabilities))
        ] == sure
    assert sure_of_the_rules(shipped, 0.1, (-50, 50)).sure_stance(view, "ceasefire", reading, against) is None


def test_the_eval_embeds_a_statement_whose_stance_on_another_issue_is_unsure(
    extract, extractor: Extractor, shipped: PositionModel
):
    resources = extractor.resources
    extraction = extract(PASSAGE)
    lavrov = lavrov_of(extraction)
    extraction.vectors.clear()
    assert statement_by_id(extraction, lavrov) is not None
    negotiations = next(issue for issue in resources.issues.issues if issue.name == "negotiations")
    sure = sure_of_the_rules(shipped, 0.1, (0.5, 0.5))
    assert learned_stance_on(extraction, lavrov, negotiations, resources.issues, sure, resources.encoder)
    assert lavrov not in extraction.vectors
    unsure = sure_of_the_rules(shipped, 0.1, (-50, 50))
    assert learned_stance_on(extraction, lavrov, negotiations, resources.issues, unsure, resources.encoder)
    assert lavrov in extraction.vectors


def test_a_model_file_keeps_its_cascade_and_one_of_other_words_is_refused(
    tmp_path: Path, shipped: PositionModel
):
    model = sure_of_the_rules(shipped, 0.15, (0.25, 0.75))
    path = tmp_path / "positions.json"
    path.write_text(json.dumps(model.to_json()))
    loaded = load_position_model(path, shipped.issues).cascade
    assert loaded is not None
    assert (loaded.margin, loaded.placed_similarities, loaded.similarities) == (
        0.15,
        (0.25, 0.75),
        (0.25, 0.75),
    )
    assert loaded.weights.shape == (len(shipped.issues), shipped.features.plain_width())
    data = model.to_json()
    data["cascade"]["weights"] = [[0.0] * 3] * len(shipped.issues)  # type: ignore[index]
    path.write_text(json.dumps(data))
    with pytest.raises(PositionModelError, match="its cascade's weights"):
        load_position_model(path, shipped.issues)
