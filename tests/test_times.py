"""Time expressions resolved against a fixed publication date (Thursday 2024-12-26)."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.model import Document
from reportedly.resolve.times import TimeValue, normalise_time

PUBLISHED = date(2024, 12, 26)


@pytest.mark.parametrize(
    ("text", "direction", "expected"),
    [
        ("this morning", None, TimeValue("2024-12-26", "morning")),
        ("last week", None, TimeValue("2024-W51", "week")),
        ("last month", None, TimeValue("2024-11", "month")),
        ("Thursday", "past", TimeValue("2024-12-26", "day")),
        ("Monday", "past", TimeValue("2024-12-23", "day")),
        ("Monday", "future", TimeValue("2024-12-30", "day")),
        ("January 20", "future", TimeValue("2025-01-20", "day")),
        ("January 20", "past", TimeValue("2024-01-20", "day")),
        ("8:52 a.m.", None, TimeValue("2024-12-26T08:52", "minute")),
        ("Updated 10:14 GMT", None, TimeValue("2024-12-26T10:14", "minute")),
        ("yesterday", None, TimeValue("2024-12-25", "day")),
        ("two days ago", None, TimeValue("2024-12-24", "day")),
        ("next week", None, TimeValue("2025-W01", "week")),
        ("January 20, 2025", None, TimeValue("2025-01-20", "day")),
        ("in 2023", None, TimeValue("2023", "year")),
    ],
)
def test_expressions_resolve_against_the_publication_date(text, direction, expected):
    assert normalise_time(text, PUBLISHED, direction) == expected


def test_relative_expressions_stay_null_without_a_publication_date():
    assert normalise_time("last week", None) == TimeValue(None, "week")
    assert normalise_time("Thursday", None, "past") == TimeValue(None, "day")
    assert normalise_time("January 20, 2025", None) == TimeValue("2025-01-20", "day")


def test_tense_decides_open_dates_and_attributions_get_their_time(extractor):
    extraction = extractor.extract_one(
        Document(
            "times",
            "Trump, who takes office on January 20, said this morning that the war would end. "
            "The Kremlin said it had met Ukrainian officials on January 20.",
            published=PUBLISHED,
        )
    )
    values = {time.span.text + "@" + str(time.span.start): time.value for time in extraction.times}
    assert values == {
        "January 20@27": "2025-01-20",
        "this morning@44": "2024-12-26",
        "January 20@132": "2024-01-20",
    }
    by_time = {a.speaker.name: a.time for a in extraction.attributions if a.speaker}
    times = {time.id: time.span.text for time in extraction.times}
    assert times[by_time["Trump"]] == "this morning"
