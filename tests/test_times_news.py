"""Times in news passages written for the project (issue 19): each resolved against the
publication date given with it, through the whole extraction (the parse settles tense
and anchors), and the ``reportedly eval times`` scorer."""

from __future__ import annotations

import json
from datetime import date

import pytest

from reportedly.eval.times import canonical_value
from reportedly.model import Document, Span, TimeExpression
from reportedly.resolve.times import Anchor, Reading, TimeValue, normalise_time, resolve_times

# Each row: the publication day, a passage, a time expression in it, and its value and grain.
# Times the publication date resolves.
DATED_BY_PUBLICATION = [
    # Day and month, with or without a weekday: the year nearest in the clause's tense.
    (
        "2025-05-12",
        "Putin proposed direct talks with Ukraine in Istanbul on Thursday 15 May.",
        "Thursday 15 May",
        "2025-05-15",
        "day",
    ),
    ("2025-05-12", "The talks will open on 15 May in Istanbul.", "15 May", "2025-05-15", "day"),
    ("2025-01-10", "The ministers met in Geneva on 20 December.", "20 December", "2024-12-20", "day"),
    (
        "2025-05-12",
        "The ministers met the day before yesterday.",
        "the day before yesterday",
        "2025-05-10",
        "day",
    ),
    (
        "2025-05-12",
        "The ministers will meet again the day after tomorrow.",
        "the day after tomorrow",
        "2025-05-14",
        "day",
    ),
    # A weekend is its Saturday and Sunday.
    (
        "2025-05-14",
        "Thousands marched in the capital over the weekend.",
        "the weekend",
        "2025-05-10/2025-05-11",
        "weekend",
    ),
    (
        "2025-05-14",
        "More protests are planned for this weekend.",
        "this weekend",
        "2025-05-17/2025-05-18",
        "weekend",
    ),
    (
        "2025-05-14",
        "Police arrested 40 people last weekend.",
        "last weekend",
        "2025-05-10/2025-05-11",
        "weekend",
    ),
    ("2025-05-14", "The minister speaks this afternoon.", "this afternoon", "2025-05-14", "afternoon"),
    (
        "2025-05-14",
        "He told reporters this morning that talks had stalled.",
        "this morning",
        "2025-05-14",
        "morning",
    ),
    ("2025-05-14", "He will meet donors this evening.", "this evening", "2025-05-14", "evening"),
    ("2025-05-14", "The president will address the nation tonight.", "tonight", "2025-05-14", "night"),
    ("2025-05-14", "Shelling continued last night in the east.", "last night", "2025-05-13", "night"),
    # A time counted from another time of the sentence (10 May 2025 was a Saturday).
    (
        "2025-05-12",
        "On Saturday, European leaders proposed a 30-day ceasefire starting on Monday.",
        "Monday",
        "2025-05-12",
        "day",
    ),
    # Future-tense and forecast weekdays look forward.
    ("2025-05-14", "The two leaders will meet on Sunday in Rome.", "Sunday", "2025-05-18", "day"),
    (
        "2025-05-14",
        "Sunday will be wet, with heavy rain across the north.",
        "Sunday",
        "2025-05-18",
        "day",
    ),
    ("2025-05-14", "More rain is expected on Sunday.", "Sunday", "2025-05-18", "day"),
    # Deep past: no calendar value.
    (
        "2025-05-12",
        "Humans reached the cave about 40,000 years ago.",
        "about 40,000 years ago",
        None,
        "era",
    ),
    ("2025-05-12", "The hoard was buried in the Bronze Age.", "Bronze Age", None, "era"),
    # A month before a noun in past-tense reporting is the past one.
    ("2025-03-10", "Lawyers said they would appeal his April conviction.", "April", "2024-04", "month"),
    # A clock time with its day gives the minute.
    (
        "2025-03-17",
        "The statement was posted at 16:16 GMT on 14 March.",
        "16:16 GMT on 14 March",
        "2025-03-14T16:16",
        "minute",
    ),
    (
        "2025-03-17",
        "The vote will take place at 9.30am on Friday.",
        "9.30am on Friday",
        "2025-03-21T09:30",
        "minute",
    ),
]


@pytest.fixture(scope="module")
def extract_dated(extractor):
    def run(text: str, published: str):
        return extractor.extract_one(Document("passage", text, published=date.fromisoformat(published)))

    return run


# Times whose parse and neighbours settle them.
SETTLED_BY_PARSE = [
    # 2025-03-13 is a Thursday.
    ("2025-03-13", "He was arrested on Saturday and charged on Monday.", "Monday", "2025-03-10", "day"),
    (
        "2025-03-13",
        "The trial opened on Tuesday, and the judge adjourned it until Friday.",
        "Friday",
        "2025-03-14",
        "day",
    ),
    ("2025-03-13", "The talks were held on Tuesday and Wednesday.", "Wednesday", "2025-03-12", "day"),
    (
        "2025-03-13",
        "The airline will cut flights from Monday to Wednesday next week.",
        "Monday to Wednesday next week",
        "2025-03-17/2025-03-19",
        "range",
    ),
    (
        "2025-03-13",
        "Sales rose every year between 2015 and 2018.",
        "between 2015 and 2018",
        "2015/2018",
        "range",
    ),
    ("2025-03-13", "The band was formed in the 1990s.", "the 1990s", "199", "decade"),
    ("2025-03-13", "Protesters gathered at noon and marched until 6pm.", "6pm", "2025-03-13T18", "hour"),
    (
        "2025-03-13",
        "The police intervened in the night to Thursday.",
        "the night to Thursday",
        "2025-03-12",
        "night",
    ),
    ("2025-03-13", "09:03 – Sirens sounded across the city.", "09:03", "2025-03-13T09:03", "minute"),
    (
        "2025-12-22",
        "Shops will close from Christmas Eve until Boxing Day.",
        "Christmas Eve until Boxing Day",
        "2025-12-24/2025-12-26",
        "range",
    ),
    (
        "2025-02-03",
        "The jury began deliberating on 28 January and reached a verdict the following day.",
        "the following day",
        "2025-01-29",
        "day",
    ),
    ("2025-11-24", "Her December trial will be moved to 12 January.", "December", "2025-12", "month"),
    (
        "2025-03-11",
        "Zelensky said he would travel to Turkey on Thursday.",
        "Thursday",
        "2025-03-13",
        "day",
    ),
    ("2025-03-11", "The two sides agreed to meet again on Friday.", "Friday", "2025-03-14", "day"),
    ("2025-03-11", "Kick-off is at 20.30 CET.", "20.30 CET", "2025-03-11T20:30", "minute"),
    (
        "2025-10-15",
        "Sentencing was set for 3 November after the verdict on Tuesday.",
        "3 November",
        "2025-11-03",
        "day",
    ),
    (
        "2025-10-15",
        "Sentencing was set for 3 November after the verdict on Tuesday.",
        "Tuesday",
        "2025-10-14",
        "day",
    ),
    ("2025-10-15", "Cases have doubled over the past week.", "the past week", None, "duration"),
    ("2025-11-20", "Sales fell for the first time since May, data showed.", "May", "2025-05", "month"),
    ("2025-04-09", "The court said on Tuesday it would rule in 2026.", "Tuesday", "2025-04-08", "day"),
    (
        "2025-10-15",
        "Sentencing is due ahead of the election on 3 November.",
        "3 November",
        "2025-11-03",
        "day",
    ),
    (
        "2025-05-12",
        "Two drones were shot down overnight, at about 3am.",
        "about 3am",
        "2025-05-12T03",
        "hour",
    ),
    (
        "2025-10-15",
        "Profits rose in the July-September period.",
        "the July-September period",
        "2025-07/2025-09",
        "range",
    ),
    (
        "2025-05-28",
        "The final, on Saturday 31 May, kicks off at 21:00 CEST.",
        "21:00 CEST",
        "2025-05-31T21:00",
        "minute",
    ),
    (
        "2025-05-28",
        "The museum is open from 9am to 5pm on Friday.",
        "9am to 5pm on Friday",
        "2025-05-30T09/2025-05-30T17",
        "range",
    ),
    (
        "2016-10-12",
        "The debate ran from September 16-19.",
        "September 16-19",
        "2016-09-16/2016-09-19",
        "range",
    ),
    (
        "2025-10-15",
        "The army said it had repelled an attack overnight.",
        "overnight",
        "2025-10-14",
        "night",
    ),
]


@pytest.mark.parametrize(
    ("published", "text", "expression", "value", "grain"), [*DATED_BY_PUBLICATION, *SETTLED_BY_PARSE]
)
def test_news_times_resolve_to_their_values(extract_dated, published, text, expression, value, grain):
    times = {time.span.text: time for time in extract_dated(text, published).times}
    assert expression in times, sorted(times)
    assert (times[expression].value, times[expression].grain) == (value, grain)


def test_a_weekday_given_with_the_date_picks_the_year_whatever_the_tense():
    # 15 May fell on a Thursday in 2025, not in 2024.
    assert normalise_time("Thursday 15 May", date(2025, 5, 12), "past") == TimeValue("2025-05-15", "day")
    assert normalise_time("Wednesday 15 May", date(2025, 5, 12), "future") == TimeValue("2024-05-15", "day")


def test_counts_later_and_earlier_start_from_the_anchor():
    anchor = Anchor(date(2025, 5, 10))
    assert normalise_time("two days later", date(2025, 5, 20), None, anchor) == TimeValue("2025-05-12", "day")
    assert normalise_time("the next day", date(2025, 5, 20), None, anchor) == TimeValue("2025-05-11", "day")
    # "ago" counts from the publication date, anchor or not.
    assert normalise_time("two days ago", date(2025, 5, 20), None, anchor) == TimeValue("2025-05-18", "day")


def test_times_anchored_on_each_other_still_resolve():
    times = [
        TimeExpression("t1", Span.of("Tuesday next week", 0, 7)),
        TimeExpression("t2", Span.of("Tuesday next week", 8, 17)),
    ]
    readings = {"t1": Reading(None, "t2", "within"), "t2": Reading(None, "t1", "within")}
    resolve_times(times, date(2025, 3, 13), readings)
    assert [(time.value, time.grain) for time in times] == [("2025-03-11", "day"), ("2025-W12", "week")]


def test_clock_figures_alone_are_no_time():
    assert normalise_time("the score was 2:1", date(2025, 5, 20)) == TimeValue(None, None)


@pytest.mark.parametrize(
    ("value", "canonical"),
    [
        ("2025-05-15T16:16:00", "2025-05-15T16:16"),
        ("2025-05-15T16:16Z", "2025-05-15T16:16"),
        ("2025-W5", "2025-W05"),
        ("2025-05-17--2025-05-18", "2025-05-17/2025-05-18"),
        ("2025-05-17/2025-05-17", "2025-05-17"),
        ("", None),
        (None, None),
    ],
)
def test_equivalent_values_are_written_one_way(value, canonical):
    assert canonical_value(value) == canonical


GOLD = [
    {
        "id": "t-001",
        "published": "2025-05-12T09:30:00+00:00",
        "source": "wire",
        "text": "Russia and Ukraine will hold talks on Thursday 15 May, officials said on Sunday.",
        "times": [
            # The annotator leaves out the preposition; the system may not: spans overlap.
            {"start": 38, "end": 53, "text": "Thursday 15 May", "value": "2025-05-15", "grain": "day"},
            {"start": 73, "end": 79, "text": "Sunday", "value": "2025-05-11", "grain": "day"},
        ],
    },
    {
        "id": "t-002",
        "published": "2025-05-12T09:30:00+00:00",
        "source": "science",
        "text": "The tools were made 40,000 years ago and used for three decades of digging.",
        "times": [
            {"start": 20, "end": 36, "text": "40,000 years ago", "value": None, "grain": "era"},
            {"start": 50, "end": 63, "text": "three decades", "value": None, "grain": "duration"},
            {"start": 0, "end": 3, "text": "The", "value": "2025", "grain": "year"},
        ],
    },
]


def test_eval_times_scores_found_values_and_precision(cli, tmp_path):
    gold = tmp_path / "times.jsonl"
    gold.write_text("\n".join(json.dumps(record) for record in GOLD) + "\n", encoding="utf-8")
    result = cli("eval", "times", str(gold), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["passages"], report["gold"]) == (2, 5)
    # "The" is no time: 4 of 5 found, all 4 with their values; every system time overlaps a gold one.
    assert (report["found"], report["value_right_where_found"], report["right"]) == (0.8, 1.0, 0.8)
    assert report["precision"] == 1.0
    assert report["by_grain"]["era"] == {
        "gold": 1,
        "found": 1.0,
        "value_right_where_found": 1.0,
        "right": 1.0,
    }
    assert [error["gold"]["text"] for error in report["errors"]] == ["The"]


def test_eval_times_names_a_malformed_line(cli, tmp_path):
    gold = tmp_path / "times.jsonl"
    gold.write_text('{"id": "x", "text": "On Monday.", "times": [{"start": 3}]}\n', encoding="utf-8")
    result = cli("eval", "times", str(gold))
    assert result.exit_code == 1
    assert f"{gold}:1: not a times passage" in result.output
