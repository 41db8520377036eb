"""The learned positions model (issue 21): its features, its modes, its file, and the shipped
model's issues and stances on short passages."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import numpy as np
import pytest

from reportedly.model import STANCE_VALUES
from reportedly.positions.learned import (
    VECTOR_SCALE,
    Features,
    PositionModel,
    PositionModelError,
    StatementView,
    cue_class,
    keeps_rules,
    load_position_model,
    shipped_model_path,
    words_of,
)
from reportedly.positions.stance import SIGNALS, Reading, statement_signals

ISSUES = ["ceasefire", "sanctions"]


def _view(
    rule_issues: set[str],
    cue: str = "said",
    text: str = "a truce",
    similarities: list[float] | None = None,
    pattern_issues: set[str] | None = None,
) -> StatementView:
    return StatementView(
        text,
        cue,
        False,
        False,
        None,
        frozenset(rule_issues),
        frozenset(rule_issues if pattern_issues is None else pattern_issues),
        np.array([1.0, 0.0], dtype=np.float32),
        np.array(similarities or [0.0, 0.0], dtype=np.float32),
    )


FEATURES = Features(ISSUES, False, False, ["dismissed"], [], None)
# The pair rows' columns: bias, the issue one-hot, the cosine, its lead, best, placed, ...
SIMILARITY_COLUMN = 1 + len(ISSUES)


def _model(add_where: str = "anywhere", rule_threshold: float = 0.5, override: float = 0.0) -> PositionModel:
    """A hand-made model: a statement is about an issue whose examples it comes within 0.5
    of; its stance is the rules' unless the cue's words say "dismissed", which opposes."""
    width = FEATURES.issue_rows(_view(set()), "pair").shape[1]
    issue_weights = np.zeros((1, width))
    issue_weights[0, 0] = -10.0  # the bias
    issue_weights[0, SIMILARITY_COLUMN] = 20.0
    stance_width = len(FEATURES.stance_row(_view(set()), "ceasefire", Reading("supports"), False))
    stance_weights = np.zeros((len(STANCE_VALUES), stance_width))
    rule_stance = stance_width - 2 - len(STANCE_VALUES)
    for index in range(len(STANCE_VALUES)):
        stance_weights[index, rule_stance + index] = 1.0
    dismissed = len(FEATURES.statement(_view(set()), False)) - 1
    stance_weights[STANCE_VALUES.index("opposes"), dismissed] = 5.0
    return PositionModel(
        FEATURES, "pair", issue_weights, rule_threshold, 0.5, add_where, stance_weights, override
    )


def test_the_cue_class_is_the_rules_reading_of_the_cue():
    assert [cue_class(cue) for cue in ("urged", "ruled out", "welcomed", "said", "")] == [
        "demand",
        "refusal",
        "support",
        "other",
        "none",
    ]


@pytest.mark.parametrize(
    ("text", "cue", "found"),
    [
        (
            "Moscow would not accept any ceasefire",
            "said",
            {"negation", "negations odd", "support", "promise"},
        ),
        ("any return to the talks", "ruled out", {"cue rejection"}),
        ("Israel to let aid trucks into Gaza", "urged", {"cue demand"}),
        (
            "talks could resume if Kyiv withdraws",
            "said",
            {"condition", "undecided", "ending", "strengthening"},
        ),
        ("Washington must act first", "said", {"modal"}),
        ("we must act first", "said", {"modal", "modal of the speaker's side"}),
        ("Will the truce hold?", "asked", {"question", "promise", "cue demand"}),
        (
            "it was not ruling out new sanctions",
            "said",
            {"negation", "negations odd", "rejection", "hedged support", "strengthening"},
        ),
        ("the new sanctions package", "", {"cue none", "strengthening"}),
        # a judgement without a refusal, and a time that is a condition
        ('the official result was "a fraud"', "said", {"judged bad"}),
        ("Trump's plan", "scoffed at", {"cue judged bad"}),
        ("elections would be held when conditions allow", "said", {"promise", "soft condition"}),
        ("Kashmir is an integral part of India", "said", {"judged good"}),
    ],
)
def test_the_statement_signals_are_the_rules_lexicons_found(text: str, cue: str, found: set[str]):
    signals = statement_signals(text, cue)
    assert {name for name, value in zip(SIGNALS, signals, strict=True) if value} == found


def test_the_pair_rows_carry_the_issue_its_cosine_and_whether_a_pattern_placed_it():
    rows = FEATURES.issue_rows(_view({"sanctions"}, similarities=[0.2, 0.6]), "pair")
    assert rows.shape == (2, len(ISSUES) + 8)
    # the bias and the issue; the cosine, its lead over the other issues' best, best, placed
    # by a pattern, by the rules
    assert rows[:, :3].tolist() == [[1.0, 1.0, 0.0], [1.0, 0.0, 1.0]]
    assert np.round(rows[:, 3:8], 3).tolist() == [[0.2, -0.4, 0, 0, 0], [0.6, 0.4, 1, 1, 1]]


def test_learned_issues_weigh_the_cosine_and_the_rules_issues_by_their_own_threshold():
    closer_to_sanctions = _view({"ceasefire"}, similarities=[0.3, 0.8])
    assert [name for name, _ in _model().issues_of(closer_to_sanctions)] == ["sanctions"]
    # an issue the rules place is kept at a lower probability
    kept = _model(rule_threshold=0.0001).issues_of(closer_to_sanctions)
    assert [name for name, _ in kept] == ["ceasefire", "sanctions"]
    # "unplaced": the model adds issues only where the rules place none, and keeps theirs
    assert _model("unplaced", rule_threshold=0.0).issues_of(closer_to_sanctions) == [("ceasefire", 1.0)]
    placed_nowhere = _model("unplaced", rule_threshold=0.0).issues_of(_view(set(), similarities=[0.3, 0.8]))
    assert [name for name, _ in placed_nowhere] == ["sanctions"]


def test_the_learned_stance_replaces_the_rules_only_by_the_override_margin():
    view = _view({"ceasefire"}, cue="dismissed")
    assert _model().stance_on(_view({"ceasefire"}), "ceasefire", Reading("demands"), []) == "demands"
    assert _model().stance_on(view, "ceasefire", Reading("supports"), []) == "opposes"
    assert _model(override=0.99).stance_on(view, "ceasefire", Reading("supports"), []) == "supports"


def test_the_rules_count_stands_where_a_refusal_or_support_is_said_of_an_act_against_the_issue():
    lifting = [re.compile("lift\\w*")]
    view = _view({"sanctions"}, cue="dismissed", text="calls for lifting the sanctions")
    # "dismissed calls for lifting the sanctions": the rules count two turns and read supports
    assert _model().stance_on(view, "sanctions", Reading("supports"), lifting) == "supports"
    assert _model().stance_on(view, "sanctions", Reading("supports"), []) == "opposes"
    signals = statement_signals("the lifting of the sanctions", "welcomed")
    assert keeps_rules(signals, True, "opposes")
    assert not keeps_rules(signals, False, "opposes")
    assert not keeps_rules(signals, True, "demands")
    assert not keeps_rules(statement_signals("the lifting of the sanctions", "said"), True, "opposes")


def test_a_model_file_round_trips_and_one_for_other_issues_or_of_an_old_format_is_refused(tmp_path: Path):
    path = tmp_path / "positions.json"
    path.write_text(json.dumps(_model("unplaced").to_json()))
    loaded = load_position_model(path, ISSUES)
    assert (loaded.add_where, loaded.threshold, loaded.issue_kind) == ("unplaced", 0.5, "pair")
    assert loaded.features.cue_words == ["dismissed"] and loaded.stance_weights is not None
    with pytest.raises(PositionModelError, match="made for other issues"):
        load_position_model(path, ["ceasefire"])
    path.write_text(json.dumps({"issues": ISSUES, "threshold": 0.3, "mode": "fill"}))
    with pytest.raises(PositionModelError, match=r"not a positions model \(format None, not 3\)"):
        load_position_model(path, ISSUES)


def test_the_exemplars_give_each_issue_its_closest_training_statement_and_ship_as_int8(tmp_path: Path):
    # three training statements: about ceasefire, about sanctions, about nothing
    exemplars = np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]], dtype=np.float32)
    about = np.array([[True, False, False], [False, True, False], [False, False, True]])
    features = Features(ISSUES, False, False, [], [], None, exemplars, about)
    view = _view(set())  # its embedding is [1, 0]
    assert np.round(features.exemplar_similarities(view), 3).tolist() == [1.0, 0.6, 0.0]
    # in training, a statement is not its own exemplar
    assert features.exemplar_similarities(view, skip=0).tolist()[0] == -1.0
    model = _model()
    model.features = features
    path = tmp_path / "positions.json"
    path.write_text(json.dumps(model.to_json()))
    loaded = load_position_model(path, ISSUES).features
    assert loaded.exemplar_issues is not None and loaded.exemplar_issues.tolist() == about.tolist()
    assert np.abs(loaded.exemplar_similarities(view) - [1.0, 0.6, 0.0]).max() < 0.01


def test_a_documents_exemplar_cosines_found_together_are_each_statements_own_sums():
    # int8 unit vectors as shipped: 400 exemplars of 64 numbers in seven columns (some in two,
    # three empty, the last among them); statements near exemplars, the same as some (a tie),
    # float16 as stored.
    rng = np.random.default_rng(3)
    units = rng.standard_normal((400, 64))
    exemplars = np.round(units / np.linalg.norm(units, axis=1, keepdims=True) * 127).astype(np.float32) / 127
    about = np.zeros((400, 7), dtype=bool)
    about[np.arange(400), rng.choice([0, 1, 5], 400)] = True
    about[::7, 2] = True
    about[10] = about[11] = about[12]
    exemplars[11] = exemplars[10]
    features = Features([str(n) for n in range(6)], False, False, [], [], None, exemplars, about)
    near = exemplars[rng.integers(0, 400, 12)] + rng.standard_normal((12, 64)).astype(np.float32) / 30
    vectors = np.concatenate([near, exemplars[[10, 40]]])
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float16).astype(np.float32)

    def alone(vector: np.ndarray, skip: int | None) -> list[float]:
        cosines = np.einsum("ij,j->i", exemplars, vector)
        if skip is not None:
            cosines[skip] = -1.0
        columns = [cosines[about[:, column]] for column in range(7)]
        return [float(found.max()) if len(found) else -1.0 for found in columns]

    for skip in (None, 10):
        together = features.closest_exemplars(vectors, skip)
        assert together.tolist() == [alone(vector, skip) for vector in vectors]
    assert together[:, 3].tolist() == together[:, 6].tolist() == [-1.0] * 14  # columns of none


def test_the_shipped_model_knows_the_shipped_issues():
    from reportedly.positions.issues import load_issues

    model = load_position_model(None, load_issues().names())
    assert shipped_model_path().is_file() and model.issues == load_issues().names()


# Short passages and what the shipped model (over the rules) says of them.
SHIPPED_POSITIONS = [
    (
        "Foreign Minister Sergei Lavrov said on Tuesday that Moscow rejected any ceasefire that froze "
        "the front line.",
        [("ceasefire", "opposes")],
    ),
    (
        "The Danish prime minister said Denmark would send two more air defence systems to Ukraine "
        "this winter.",
        [("military_aid", "supports")],
    ),
    (
        "EU foreign policy chief Kaja Kallas urged member states to adopt the new sanctions package "
        "without delay.",
        [("sanctions", "demands")],
    ),
    (
        "Turkish Foreign Minister Hakan Fidan said Ankara was ready to host a new round of peace talks "
        "in Istanbul.",
        [("negotiations", "supports")],
    ),
    ("The coach said the team would not accept the referee's decision and would appeal.", []),
    # the issue's polarity: lifting sanctions is against them, imposing tariffs for them
    (
        "The EU's foreign policy chief said the bloc would lift sanctions on Syria's central bank "
        "next month.",
        [("sanctions", "opposes")],
    ),
    (
        "China's commerce ministry said Beijing would impose an additional 34% tariff on all goods "
        "imported from the United States.",
        [("trade_tariffs", "supports")],
    ),
    # a refusal or welcome said of an act against the issue: the rules' count of turns
    (
        "The minister criticised the decision to halt weapons deliveries to Kyiv.",
        [("military_aid", "supports")],
    ),
    (
        "The finance minister welcomed Washington's decision to lift the sanctions on the central bank.",
        [("sanctions", "opposes")],
    ),
    # a judgement with no refusal; a time that is a condition
    ('The opposition leader said the official election result was "a fraud".', [("elections", "opposes")]),
    (
        'The prime minister said elections would be held "as soon as the fighting stops".',
        [("elections", "conditional")],
    ),
]


@pytest.mark.parametrize(("text", "positions"), SHIPPED_POSITIONS)
def test_the_shipped_model_gives_issues_and_stances_of_short_passages(extract, text: str, positions):
    assert [(stance.issue, stance.stance) for stance in extract(text).stances] == positions


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        (
            'The UN relief chief urged "all parties" to let humanitarian aid convoys reach the city.',
            "all parties",
        ),
        ("The ministry demanded that Israel open the crossings for humanitarian aid.", "Israel"),
        # whom the cue addresses before a content that starts at "to"
        (
            "The relief chief urged the army to let humanitarian aid convoys into the besieged city.",
            "the army",
        ),
    ],
)
def test_the_shipped_model_names_whom_a_demand_is_of(extract, text: str, addressee: str):
    stances = extract(text).stances
    assert [(s.issue, s.stance, s.demanded_of and s.demanded_of.text) for s in stances] == [
        ("humanitarian_aid", "demands", addressee)
    ]


def _words_tested_one_by_one(features: Features, view: StatementView) -> list[float]:
    """The known words' columns as a test of each known word gives them (the direct way)."""
    cue_words, content_words = set(words_of(view.cue)), set(words_of(view.text))
    return [float(word in cue_words) for word in features.cue_words] + [
        float(word in content_words) for word in features.content_words
    ]


def test_the_statement_features_mark_the_known_words_as_testing_each_word_would():
    # "truce" known twice: both its columns are marked
    features = Features(
        ISSUES, False, False, ["dismissed", "said"], ["truce", "never", "sanctions", "truce"], None
    )
    view = _view({"ceasefire"}, cue="dismissed", text="Sanctions would never bring a truce, a truce now")
    row = features.statement(view, False)
    assert row[-6:].tolist() == _words_tested_one_by_one(features, view) == [1, 0, 1, 1, 1, 1]
    assert row[1 : 1 + len(SIGNALS)].tolist() == statement_signals(view.text, view.cue)
    # read once a statement: its next issue reuses the row, which nobody may change
    assert features.statement(view, False) is row and not row.flags.writeable
    with_embedding = features.statement(view, True)
    assert len(with_embedding) == len(row) + 2 and with_embedding[1:3].tolist() == [VECTOR_SCALE, 0.0]
    other = _view({"ceasefire"}, cue="said", text="no words it knows")
    assert features.statement(other, False)[-6:].tolist() == [0, 1, 0, 0, 0, 0]


def test_the_shipped_features_give_the_rows_a_direct_computation_gives():
    from reportedly.positions.issues import load_issues

    features = load_position_model(None, load_issues().names()).features
    assert len(features.content_words) > 100
    similarities = [0.1] * len(features.issues)
    views = [
        _view(set(), "ruled out", "Russia will never accept a ceasefire while sanctions stay", similarities),
        _view(set(), "urged", "The talks must resume, and prisoners should be exchanged", similarities),
    ]
    known = len(features.cue_words) + len(features.content_words)
    for view in views:
        marks = features.statement(view, False)[-known:].tolist()
        assert marks == _words_tested_one_by_one(features, view) and sum(marks) >= 3
    # a statement's stance rows on two issues, one after the other, are those read afresh
    view, reading = views[0], Reading("opposes")
    for issue in ("ceasefire", "sanctions"):
        row = features.stance_row(view, issue, reading, False)
        fresh = dataclasses.replace(features, word_columns=None, last_statement=None)
        assert np.array_equal(fresh.stance_row(view, issue, reading, False), row)
