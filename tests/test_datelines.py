"""The one dateline reader every stage uses (nlp/datelines.py)."""

import pytest

from reportedly.nlp.datelines import line_dateline, opening_dateline


@pytest.mark.parametrize(
    ("text", "groups", "end"),
    [
        ("WASHINGTON (AP) — The Latest on the race", ("WASHINGTON", None, None, "AP"), 18),
        ("FLINT, Mich., Oct. 4 (UPI) — Former President", ("FLINT", "Mich.", ", Oct. 4", "UPI"), 29),
        ("NABLUS, West Bank - Israeli troops", ("NABLUS", "West Bank", None, None), 20),
        ("BEIJING, March 3 (Xinhua) -- The two sides", ("BEIJING", None, ", March 3", "Xinhua"), 29),
        ("WASHINGTON, D.C. — The mayor", ("WASHINGTON, D.C.", None, None, None), 19),
    ],
)
def test_a_dateline_gives_its_place_region_date_and_agency(
    text: str, groups: tuple[str | None, ...], end: int
) -> None:
    dateline = line_dateline(text, 0)
    assert dateline is not None
    assert dateline.group("place", "region", "date", "agency") == groups
    assert dateline.end() == end


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("MSNBC, for one, did replay the speech later.", 0),  # a name opening a sentence
        ("TWO DEAD, 16 INJURED IN FLORIDA SHOOTING", 0),  # a headline in capitals
        ("UN-backed forces took the town.", 0),  # a hyphen, not a dash
        ("He flew to KABUL - a day later", 11),  # not the line's first word
    ],
)
def test_no_dateline(text: str, start: int) -> None:
    assert line_dateline(text, start) is None


def test_a_dateline_opens_a_later_line_after_white_space() -> None:
    text = "Talks resume\n  MOSCOW (Reuters) - Russia said"
    dateline = line_dateline(text, text.index("MOSCOW"))
    assert dateline is not None and dateline.group("place") == "MOSCOW"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Talks resume\nEnvoys meet for a third day\n\n  TEHRAN, May 3 (IRNA) - Iran said", "TEHRAN"),
        ("ABUJA - The senate passed the bill.\nLAGOS - Traders said", "ABUJA"),
        ("The senate passed the bill on Monday.\nNo dateline here.", None),
    ],
)
def test_a_report_opening_dateline_is_the_first_of_its_first_lines(text: str, place: str | None) -> None:
    """The dateline under a headline and a subhead, not a later one; none where no line opens one."""
    dateline = opening_dateline(text)
    assert (dateline.group("place") if dateline is not None else None) == place
