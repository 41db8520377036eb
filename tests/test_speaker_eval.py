"""The speaker scorer (`reportedly eval speakers`) on gold and predictions made up for these tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reportedly.eval import GoldError
from reportedly.eval.speakers import (
    GoldSpeaker,
    Prediction,
    addressee_right,
    format_report,
    member_share,
    read_articles,
    read_gold,
    same_referent,
    score_speakers,
    speaker_right,
)

from conftest import run_cli


def gold(kind: str, speaker, resolvable: bool | None = None, start: int = 0, **extra) -> GoldSpeaker:
    return GoldSpeaker(
        "a",
        start,
        start + 2,
        kind,
        tuple(speaker) if isinstance(speaker, list) else speaker,
        speaker is not None if resolvable is None else resolvable,
        **extra,
    )


def write_lines(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return path


VARIED = Path(__file__).resolve().parents[1] / "eval" / "speakers" / "varied"


def test_a_passages_file_is_read_as_articles_without_annotations(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "passages.jsonl",
        {"id": "p1", "genre": "wire", "published": "2019-06-21", "text": "She said so."},
        {"id": "p2", "text": "No date here."},
    )
    articles = read_articles(path)
    assert [(a.name, a.text, a.published, a.attributions) for a in articles] == [
        ("p1", "She said so.", "2019-06-21", []),
        ("p2", "No date here.", None, []),
    ]


@pytest.mark.parametrize(
    ("records", "problem"),
    [
        ([{"id": "p1", "text": "x", "published": "21 June 2019"}], ":1: not a passage"),
        ([{"id": "p1"}], ":1: not a passage ('text')"),
        ([{"id": "p1", "text": "x"}, {"id": "p1", "text": "y"}], ": passage ids repeated: p1"),
    ],
)
def test_a_bad_passages_file_names_its_problem(tmp_path: Path, records: list[dict], problem: str) -> None:
    path = write_lines(tmp_path / "passages.jsonl", *records)
    with pytest.raises(GoldError, match="^" + re.escape(f"{path}{problem}")):
        read_articles(path)


@pytest.mark.parametrize(
    ("folder", "counts"),
    [
        (VARIED, (47, 466, 0)),
        (VARIED.parent / "fresh", (30, 363, 0)),
        (VARIED.parent / "varied-train-a", (30, 364, 0)),
        (VARIED.parent / "varied-train-b", (30, 346, 0)),
        (VARIED.parent / "varied-train-c", (30, 423, 0)),
        (VARIED.parent / "varied-train-d", (30, 354, 0)),
        (VARIED.parent / "varied-train-e", (30, 340, 0)),
        (VARIED.parent / "varied-train-f", (30, 400, 0)),
        (VARIED.parent / "varied-train-g", (30, 458, 0)),
        (VARIED.parent / "varied-train-h", (30, 494, 0)),
        (VARIED.parent / "varied-train-i", (30, 479, 0)),
        (VARIED.parent / "varied-train-j", (30, 454, 0)),
        (VARIED.parent / "varied-train-k", (30, 498, 0)),
        (VARIED.parent / "varied-train-l", (30, 495, 0)),
    ],
    ids=[
        "varied",
        "fresh",
        "varied-train-a",
        "varied-train-b",
        "varied-train-c",
        "varied-train-d",
        "varied-train-e",
        "varied-train-f",
        "varied-train-g",
        "varied-train-h",
        "varied-train-i",
        "varied-train-j",
        "varied-train-k",
        "varied-train-l",
    ],
)
def test_a_passage_gold_fits_its_passages(folder: Path, counts: tuple[int, int, int]) -> None:
    """Every record of the project's passage golds names a passage, and its span lies
    inside the text with no space around it (the offsets were taken mechanically; this keeps
    them so)."""
    passages = {article.name: article.text for article in read_articles(folder / "passages.jsonl")}
    items, skipped = read_gold(folder / "gold.jsonl")
    assert (len(passages), len(items), skipped) == counts
    for item in items:
        assert item.article in passages, item
        span = passages[item.article][item.start : item.end]
        assert span and span == span.strip(), item
    assert sum(1 for item in items if item.kind != "named") >= 250


def test_read_gold_takes_the_guides_format_and_leaves_skips_out(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "gold.jsonl",
        {"article": "a", "start": 0, "end": 2, "kind": "group", "speaker": ["Trump", "Pence"],
         "resolvable": True},
        {"article": "a", "start": 5, "end": 18, "kind": "title", "speaker": None, "resolvable": False,
         "holder": "Barack Obama"},
        {"article": "a", "start": 30, "end": 39, "kind": "question", "speaker": None, "resolvable": False,
         "addressee": "Sean Spicer", "note": "reporters unnamed"},
        {"article": "a", "start": 50, "end": 52, "kind": "question", "speaker": "Matt Lauer",
         "resolvable": True},
        {"article": "a", "start": 60, "end": 70, "skip": True, "note": "a statistic"},
    )  # fmt: skip
    items, skipped = read_gold(path)
    assert skipped == 1
    assert items == [
        GoldSpeaker("a", 0, 2, "group", ("Trump", "Pence"), True),
        GoldSpeaker("a", 5, 18, "title", None, False, holder="Barack Obama"),
        GoldSpeaker("a", 30, 39, "question", None, False, addressee="Sean Spicer", has_addressee=True),
        GoldSpeaker("a", 50, 52, "question", "Matt Lauer", True),
    ]


def test_read_gold_still_reads_the_first_format(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "old.jsonl",
        {"article": "a", "start": 0, "end": 2, "kind": "pronoun", "speaker": "Jill Stein"},
        {"article": "a", "start": 9, "end": 18, "kind": "description", "speaker": None},
    )
    items, skipped = read_gold(path)
    assert (skipped, [(item.kind, item.resolvable) for item in items]) == (
        0,
        [("pronoun", True), ("description", False)],
    )


def test_read_gold_names_the_bad_line(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "gold.jsonl",
        {"article": "a", "start": 0, "end": 2, "kind": "pronoun", "speaker": "X", "resolvable": True},
        {"article": "a", "start": 3, "end": 5, "kind": "group", "speaker": ["X", 7], "resolvable": True},
    )
    with pytest.raises(GoldError, match=r"gold\.jsonl:2: not a gold speaker record \(a name, a list"):
        read_gold(path)


def test_a_group_is_right_only_when_every_member_is_named() -> None:
    group = gold("group", ["Charles E. Grassley", "Patrick J. Leahy"])
    assert member_share("Grassley", group.speaker) == 0.5
    assert member_share("Charles E. Grassley and Patrick J. Leahy", group.speaker) == 1.0
    assert member_share(None, group.speaker) == 0.0
    assert not speaker_right(group, "Grassley")
    assert speaker_right(group, "Charles E. Grassley and Patrick J. Leahy")
    # A group speaker's parties, each naming a member ("DNC" names the committee by its initials).
    assert speaker_right(group, ("Grassley", "Leahy"))
    assert member_share(("Grassley", "Tim Kaine"), group.speaker) == 0.5
    campaign = gold("group", ["Clinton campaign", "Democratic National Committee"])
    assert speaker_right(campaign, ("The Clinton campaign", "DNC"))


def test_names_match_by_surname_acronym_or_inside_a_span() -> None:
    assert same_referent("Trump", "Donald Trump")
    assert same_referent("I.R.S.", "Internal Revenue Service")
    assert not same_referent("Bill Clinton", "Hillary Clinton")
    assert same_referent("Donald J. Trump", "Donald Trump")
    assert not same_referent("Donald J. Trump", "Donald Jones Trump")
    assert member_share("NBC's Lester Holt, the moderator", "Lester Holt") == 1.0


def test_an_addressee_the_gold_leaves_unnamed_may_be_a_description() -> None:
    asked_the_crowd = gold("question", "Bobby Scott", addressee=None, has_addressee=True)
    assert addressee_right(asked_the_crowd, None)
    assert addressee_right(asked_the_crowd, "the crowd")
    assert not addressee_right(asked_the_crowd, "Hillary Clinton")
    asked_spicer = gold("question", None, addressee="Sean Spicer", has_addressee=True)
    assert addressee_right(asked_spicer, "Spicer")
    assert not addressee_right(asked_spicer, None)


def test_an_unresolvable_title_takes_null_or_its_holder() -> None:
    title = gold("title", None, holder="Barack Obama")
    assert speaker_right(title, None)
    assert speaker_right(title, "Obama")
    assert not speaker_right(title, "Hillary Clinton")
    partly_named = gold("group", ["Donald Trump"], resolvable=False)  # "Trump and his aides"
    assert speaker_right(partly_named, "Trump")
    assert not speaker_right(partly_named, "Mike Pence")


def test_score_reports_each_kind_lists_and_questions() -> None:
    results = [
        (gold("pronoun", "Donald Trump", start=0), Prediction("Trump")),
        (gold("pronoun", "Hillary Clinton", start=3), Prediction("Tim Kaine")),
        (gold("pronoun", None, start=6), Prediction(None, extracted=False)),
        (gold("title", None, holder="Barack Obama", start=9), Prediction("Barack Obama")),
        (gold("nominal", "Exxon Mobil", start=12), Prediction(None)),
        (gold("group", ["Germany", "France"], start=15), Prediction("France")),
        (gold("question", None, addressee="Sean Spicer", has_addressee=True, start=18), Prediction("Spicer")),
        (gold("question", "Lester Holt", addressee="Donald Trump", has_addressee=True, start=21),
         Prediction("Lester Holt", addressee="Trump")),
        (gold("named", "Quinnipiac University", start=24), Prediction("Quinnipiac University")),
    ]  # fmt: skip
    report = score_speakers(results, skipped=2)
    assert (report["items"], report["skipped"], report["through_extracted_attributions"]) == (9, 2, 8)
    # Named mentions are counted apart: 2 of the 5 resolvable others, 2 of the 3 unresolvable.
    assert report["resolvable"] == {"items": 5, "right": 2, "accuracy": 0.4}
    assert report["unresolvable"] == {"items": 3, "right": 2, "accuracy": 0.667}
    assert report["kinds"]["pronoun"] == {
        "resolvable": {"items": 2, "right": 1, "accuracy": 0.5},
        "unresolvable": {"items": 1, "right": 1, "accuracy": 1.0},
    }
    assert report["kinds"]["named"]["resolvable"] == {"items": 1, "right": 1, "accuracy": 1.0}
    assert list(report["kinds"]) == ["pronoun", "title", "nominal", "group", "question", "named"]
    assert report["lists"] == {"items": 1, "all_members_named": 0, "member_share": 0.5}
    assert report["questions"] == {
        "addressee": {"items": 2, "right": 1, "accuracy": 0.5},
        "source_is_addressee": 1,
    }
    assert report["addressee_errors"] == [
        {"article": "a", "start": 18, "end": 20, "gold": "Sean Spicer", "predicted": None}
    ]
    assert [(error["start"], error["gold"], error["predicted"]) for error in report["errors"]] == [
        (3, "Hillary Clinton", "Tim Kaine"),
        (12, "Exxon Mobil", None),
        (15, ["Germany", "France"], "France"),
        (18, None, "Spicer"),
    ]
    assert format_report(report).splitlines() == [
        "9 gold source mentions (8 through extracted attributions, 2 skipped)",
        "kind           resolvable right     unresolvable left null",
        "pronoun        0.500 (1/2)          1.000 (1/1)",
        "title          -                    1.000 (1/1)",
        "nominal        0.000 (0/1)          -",
        "group          0.000 (0/1)          -",
        "question       1.000 (1/1)          0.000 (0/1)",
        "named          1.000 (1/1)          -",
        "all but named  0.400 (2/5)          0.667 (2/3)",
        "lists (groups, plural pronouns): 0/1 with every member named, mean share of members named 0.5",
        "questions: addressee right 0.500 (1/2), source given the addressee 1",
    ]


@pytest.mark.slow
def test_eval_speakers_scores_a_split_from_the_command_line(tmp_path: Path) -> None:
    split = tmp_path / "split"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    text = "Carl Holt, the mayor of Oslo, spoke on Monday. He said the budget would pass."
    (split / "text" / "oslo.txt").write_text(text)
    (split / "attributions" / "oslo_ann1.ann").write_text("")
    he = text.index("He said")
    gold_path = write_lines(
        tmp_path / "gold.jsonl",
        {"article": "oslo", "start": he, "end": he + 2, "kind": "pronoun", "speaker": "Carl Holt",
         "resolvable": True},
        {"article": "oslo", "start": 0, "end": 4, "skip": True, "note": "made up"},
    )  # fmt: skip
    result = run_cli("eval", "speakers", split, gold_path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["items"], report["skipped"], report["resolvable"]) == (
        1,
        1,
        {"items": 1, "right": 1, "accuracy": 1.0},
    )
    (tmp_path / "bad.jsonl").write_text('{"article": "elsewhere", "start": 0, "end": 2}\n')
    result = run_cli("eval", "speakers", split, tmp_path / "bad.jsonl")
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"reportedly: error: {tmp_path / 'bad.jsonl'}:1: not a gold speaker record ('speaker')\n"
    )


@pytest.mark.slow
def test_eval_speakers_scores_a_passages_file_from_the_command_line(tmp_path: Path) -> None:
    text = "Carl Holt, the mayor of Oslo, spoke on Monday. He said the budget would pass."
    passages = write_lines(
        tmp_path / "passages.jsonl",
        {"id": "oslo", "genre": "wire", "published": "2016-05-02", "text": text},
        {"id": "unscored", "text": "Nobody here is in the gold."},
    )
    he = text.index("He said")
    gold_path = write_lines(
        tmp_path / "gold.jsonl",
        {"article": "oslo", "start": he, "end": he + 2, "kind": "pronoun", "speaker": "Carl Holt",
         "resolvable": True},
    )  # fmt: skip
    result = run_cli("eval", "speakers", passages, gold_path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["items"], report["resolvable"]) == (1, {"items": 1, "right": 1, "accuracy": 1.0})
    # "oslo" is in the tune half (the first byte of its SHA-1 is 103).
    halves = {
        part: json.loads(run_cli("eval", "speakers", passages, gold_path, "--part", part).stdout)["items"]
        for part in ("tune", "check")
    }
    assert halves == {"tune": 1, "check": 0}
    elsewhere = write_lines(
        tmp_path / "elsewhere.jsonl",
        {"article": "bergen", "start": 0, "end": 2, "kind": "pronoun", "speaker": None},
    )
    result = run_cli("eval", "speakers", passages, elsewhere)
    assert result.exit_code == 1
    assert result.stderr == f"reportedly: error: {elsewhere}: articles not in {passages}: bergen\n"
