"""The one reader of clock times and live-blog stamps (nlp/stamps.py), in each form its callers
accept: a post's header line, a time running into a post's first sentence, a line that is only
a time, a stamp before a party's words, a clock in running text; and the one lookup of the sentence
(or the post, or the turn) a word or a character falls in (nlp/sentences.py)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from reportedly.ingest.liveblog import split_posts
from reportedly.nlp.sentences import holding, sentence_char_starts, sentence_start, sentence_starts
from reportedly.nlp.stamps import (
    CLOCK_IN_TEXT,
    POST_HEADER,
    POST_STAMP,
    RUN_IN_HEADER,
    TIME_LINE,
    ZONE_AFTER_CLOCK,
    clock,
)


@pytest.mark.parametrize(
    ("line", "time"),
    [
        ("8:52 a.m.: The mayor closed the bridge.", "8:52 a.m."),
        ("Updated 10:14 GMT", "10:14 GMT"),
        ("updated: 10:14 BST - Markets opened lower.", "10:14 BST"),
        ("09:03 – The match resumed.", "09:03"),
        ("16.05 | Rain stopped play.", "16.05"),
        ("12:15 WAT - The governor spoke.", "12:15 WAT"),
        ("02:15 local time - Sirens sounded.", "02:15 local time"),
    ],
)
def test_a_post_header_is_a_time_ended_by_a_mark_or_the_line(line: str, time: str) -> None:
    match = POST_HEADER.match(line)
    assert match is not None
    assert match.group("time") == time


@pytest.mark.parametrize(
    "line", ["8:52 The mayor spoke.", "The vote was 9:12 against.", "10:14 gmt was late"]
)
def test_no_post_header_without_its_mark(line: str) -> None:
    assert POST_HEADER.match(line) is None


def test_a_live_blog_splits_at_its_headers() -> None:
    page = "8:52 a.m.: The mayor closed the bridge.\nTraffic stopped.\n9:10 a.m.: The bridge reopened."
    posts = split_posts(page)
    assert [(post.time, page[post.start : post.end]) for post in posts] == [
        ("08:52", "8:52 a.m.: The mayor closed the bridge.\nTraffic stopped.\n"),
        ("09:10", "9:10 a.m.: The bridge reopened."),
    ]


@pytest.mark.parametrize(
    ("line", "time"),
    [
        ("2:14 p.m. Spicer said the talks went well.", "2:14 p.m."),
        ("11:05 EDT “We are ready,” she said.", "11:05 EDT"),
    ],
)
def test_a_run_in_header_needs_its_half_of_the_day_or_a_zone(line: str, time: str) -> None:
    match = RUN_IN_HEADER.match(line)
    assert match is not None
    assert match.group("time") == time


@pytest.mark.parametrize("line", ["2:14 Spicer said the talks went well.", "2:14 p.m. and later"])
def test_no_run_in_header_without_half_of_the_day_and_a_capital(line: str) -> None:
    assert RUN_IN_HEADER.match(line) is None


def test_run_in_headers_split_a_page_only_in_twos() -> None:
    one = "Spicer spoke first.\n2:14 p.m. Spicer said the talks went well.\nThen he left."
    assert split_posts(one) == []
    two = "2:14 p.m. Spicer said the talks went well.\n3:05 p.m. Trump thanked him."
    assert [post.time for post in split_posts(two)] == ["14:14", "15:05"]


@pytest.mark.parametrize("line", ["08:15 GMT", "2.15pm", "  10:30 a.m. ", "21:40"])
def test_a_time_line_is_only_a_time(line: str) -> None:
    assert TIME_LINE.fullmatch(line) is not None


@pytest.mark.parametrize("line", ["08:15 GMT - Talks began.", "At 08:15 talks began.", "08:15 talks"])
def test_no_time_line_with_words_after_or_before(line: str) -> None:
    assert TIME_LINE.search(line) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Live: Kyiv says the line held.", "Kyiv says the line held."),
        ("Update 16:05: Kyiv says the line held.", "Kyiv says the line held."),
        ("09:15 GMT - Kyiv says the line held.", "Kyiv says the line held."),
        ("02:15 local time - Kyiv says the line held.", "Kyiv says the line held."),
        ("10:10 – Modi met Sharif.", "Modi met Sharif."),
        ("8:15 pm - Modi met Sharif.", "Modi met Sharif."),
        ("Kyiv says the line held.", "Kyiv says the line held."),
    ],
)
def test_a_post_stamp_is_left_out_of_the_words_after_it(text: str, words: str) -> None:
    stamp = POST_STAMP.match(text)
    assert stamp is not None
    assert text[stamp.end() :] == words


@pytest.mark.parametrize(
    ("text", "found", "groups"),
    [
        ("The talks began at 8:52 a.m. in Geneva.", "8:52 a.m.", ("8", "52", "a.m.", None, None)),
        ("They meet at 7pm.", "7pm", ("7", None, "pm", None, None)),
        ("The polls close at 9am. Results follow.", "9am", ("9", None, "am", None, None)),
        ("Sirens sounded at 16:05 GMT.", "16:05", (None, None, None, "16", "05")),
    ],
)
def test_a_clock_in_running_text(text: str, found: str, groups: tuple[str | None, ...]) -> None:
    match = CLOCK_IN_TEXT.search(text)
    assert match is not None
    assert (match.group(0), match.groups()) == (found, groups)


@pytest.mark.parametrize("text", ["They won 21-7 in 2019.", "a ratio of 3:1", "room B12:30"])
def test_no_clock_in_scores_ratios_or_codes(text: str) -> None:
    assert CLOCK_IN_TEXT.search(text) is None


@pytest.mark.parametrize(
    ("after", "zone"),
    [(" GMT on Friday", " GMT"), (" local time.", " local time"), (" Kyiv time", " Kyiv time")],
)
def test_a_zone_after_a_clock(after: str, zone: str) -> None:
    match = ZONE_AFTER_CLOCK.match(after)
    assert match is not None
    assert match.group(0) == zone


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("8:52 a.m.", "08:52"),
        ("1.05 pm", "13:05"),
        ("12:30 A.M.", "00:30"),
        ("16:05 GMT", "16:05"),
        ("25:10", None),
    ],
)
def test_clock_gives_the_time_of_day(text: str, value: str | None) -> None:
    assert clock(text) == value


def test_holding_is_the_stretch_a_position_falls_in() -> None:
    starts = [0, 10, 25]
    assert [holding(starts, position) for position in (0, 9, 10, 24, 25, 400)] == [0, 0, 1, 1, 2, 2]
    assert holding([5, 12], 3) == -1  # before the first


def test_a_words_sentence_by_its_start() -> None:
    words = ["The", "talks", "ended", ".", "Kyiv", "says", "the", "line", "held", "."]
    starts = [True, False, False, False, True, False, False, False, False, False]
    doc = Doc(Vocab(), words=words, sent_starts=starts)
    assert sentence_starts(doc) == [0, 4]
    assert sentence_char_starts(doc) == [0, 18]
    assert [sentence_start(sentence_starts(doc), word) for word in doc] == [word.sent.start for word in doc]
