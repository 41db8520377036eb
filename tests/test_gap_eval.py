"""GAP's reader, metric and system format, on passages written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportedly.eval import GoldError
from reportedly.eval.gap import Candidate, GapExample, read_gap, refers_to, score
from reportedly.model import Entity, Span

HEADER = "ID\tText\tPronoun\tPronoun-offset\tA\tA-offset\tA-coref\tB\tB-offset\tB-coref\tURL\n"
PASSAGE = "Anna Berg met Carl Holt in Oslo. She said the talks went well."


def example(gold_a: bool, gold_b: bool, pronoun: str = "She") -> GapExample:
    return GapExample(
        id="t-1",
        text=PASSAGE,
        pronoun=pronoun,
        pronoun_offset=33,
        a=Candidate("Anna Berg", 0, gold_a),
        b=Candidate("Carl Holt", 14, gold_b),
    )


def test_read_gap_takes_offsets_and_answers(tmp_path: Path) -> None:
    path = tmp_path / "gap.tsv"
    path.write_text(HEADER + f"t-1\t{PASSAGE}\tShe\t33\tAnna Berg\t0\tTRUE\tCarl Holt\t14\tFALSE\thttp://x\n")
    (read,) = read_gap(path)
    assert read == example(True, False)
    assert read.text[read.pronoun_offset : read.pronoun_offset + 3] == "She"
    assert read.gender == "feminine"


def test_read_gap_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "gap.tsv"
    path.write_text(
        HEADER + f"t-1\t{PASSAGE}\tShe\t33\tAnna Berg\t0\tMAYBE\tCarl Holt\t14\tFALSE\thttp://x\n"
    )
    with pytest.raises(GoldError, match=r"gap\.tsv:2: coreference is 'MAYBE'"):
        read_gap(path)
    (tmp_path / "other.tsv").write_text("id\ttext\n")
    with pytest.raises(GoldError, match="not a GAP file: no column ID"):
        read_gap(tmp_path / "other.tsv")


def test_a_candidate_is_the_referent_by_offset_or_by_name() -> None:
    anna = Entity(id="e1", name="Anna Berg", type="PERSON", mentions=[Span.of(PASSAGE, 0, 9)])
    assert refers_to(anna, Candidate("Anna Berg", 0, None))
    assert refers_to(anna, Candidate("Berg", 70, None))  # the same name elsewhere
    assert not refers_to(anna, Candidate("Carl Holt", 14, None))
    assert not refers_to(None, Candidate("Anna Berg", 0, None))


def test_score_is_f1_of_the_yes_answers_by_gender() -> None:
    report = score(
        [
            (example(True, False), True, False),  # both right
            (example(False, True, "He"), True, False),  # a false yes and a missed yes
            (example(False, True, "his"), False, True),  # both right
        ]
    )
    assert report["overall"] == {"pairs": 6, "precision": 0.667, "recall": 0.667, "f1": 0.667}
    assert report["feminine"]["f1"] == 1.0
    assert report["masculine"] == {"pairs": 4, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert report["bias"] == 2.0
