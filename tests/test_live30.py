"""Live-blog stamps split from the post they open (issues 18 and 19, branch live30): the
stamp ("Update:", "08:50 -", "Live: 14:25 EEST -", "10:10 GMT:") is a fragment of its own, so
the post's words parse as a sentence with their own subject. Passages written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.extract import Extractor

from conftest import event_parties, speakers_by_source


def sentences(extractor: Extractor, text: str) -> list[str]:
    return [sentence.text.strip() for sentence in extractor.nlp(text).sents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "08:50 - Kyiv says the city was shelled overnight.",
            ["08:50 -", "Kyiv says the city was shelled overnight."],
        ),
        (
            "Update: The army said it had left the village.\nLive: 14:25 EEST - The president met the mayor.",
            [
                "Update:",
                "The army said it had left the village.",
                "Live: 14:25 EEST -",
                "The president met the mayor.",
            ],
        ),
        (
            "10:10 GMT: Modi told reporters that India would send aid.",
            ["10:10 GMT:", "Modi told reporters that India would send aid."],
        ),
        (
            "Key points: The leaders agreed to reopen the border.\n07:30 local - Police closed the bridge.",
            [
                "Key points:",
                "The leaders agreed to reopen the border.",
                "07:30 local -",
                "Police closed the bridge.",
            ],
        ),
        (
            "Update 16:05: Rebels attacked a police station.",
            ["Update 16:05:", "Rebels attacked a police station."],
        ),
    ],
)
def test_a_stamp_that_opens_a_line_is_a_sentence_of_its_own(
    extractor: Extractor, text: str, expected: list[str]
):
    assert sentences(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a time inside a sentence is no stamp
        "The talks ended at 10:30 - a spokesman said nothing was agreed.",
        # nor is a time that opens a line with no dash or colon after it
        "10:30 was the hour the talks ended.",
    ],
)
def test_a_time_that_is_no_stamp_leaves_the_sentence_whole(extractor: Extractor, text: str):
    assert sentences(extractor, text) == [text]


def test_the_post_after_a_stamp_keeps_its_event_and_parties(extract):
    (event,) = extract("10:10 GMT: Pakistan accused India of violating the ceasefire.").events
    assert event_parties(event) == ("ACCUSE", [("Pakistan", "PAKGOV")], [("India", "IND")])


def test_the_post_after_a_stamp_keeps_its_act_of_force(extract):
    events = extract("10:10 GMT: Russia attacked the port of Odesa with drones.").events
    assert [event_parties(event) for event in events] == [
        ("ASSAULT", [("Russia", "RUS")], [("Odesa", "UKR")])
    ]


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        ("12:00 GMT - Putin says Russia will respond to the strikes.", "Putin", "Putin"),
        ("11:40 - Zelensky said Ukraine would not give up the city.", "Zelensky", "Zelensky"),
    ],
)
def test_the_speaker_after_a_stamp_is_the_posts_subject(extract, text: str, source: str, speaker: str):
    assert speakers_by_source(extract(text))[source] == speaker


def test_a_saying_in_the_posts_first_sentence_is_dated_by_the_stamp(resolve):
    # The stamp is a sentence of its own now; the post's saying still takes its time.
    extraction = resolve("08:50 - Kyiv says Russian troops shelled the city.", date(2024, 5, 2))
    values = {time.id: time.value for time in extraction.times}
    assert [values.get(attribution.time) for attribution in extraction.attributions] == ["2024-05-02T08:50"]


def test_a_saying_after_the_posts_first_sentence_takes_no_stamp_time(resolve):
    extraction = resolve(
        "08:50 - Troops shelled the city. Kyiv says the strikes hit a school.", date(2024, 5, 2)
    )
    assert [attribution.time for attribution in extraction.attributions] == [None]
