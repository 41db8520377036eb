import pytest

from reportedly.attribution.quotes import find_quotes


def spans(text):
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_straight_and_curly_quotes():
    text = 'He said "yes" and she said “no.”'
    assert spans(text) == ['"yes"', "“no.”"]


def test_apostrophes_do_not_open_quotes():
    assert spans("Ukraine’s army said it’s ready.") == []


def test_multi_paragraph_quote_is_joined():
    text = "He said:\n\n“First part.\n\n“Second part.”\n\nDone."
    assert spans(text) == ["“First part.\n\n“Second part.”"]


def test_unclosed_quote_ends_at_paragraph_end():
    text = "He said “this never closes\n\nNext paragraph."
    assert spans(text) == ["“this never closes"]


def test_two_apostrophes_and_two_backquotes_are_one_quote_mark():
    text = "''The talks are over,'' Lavrov said. ``Nobody regrets it.'' Rock 'n' roll is not a quote."
    assert spans(text) == ["''The talks are over,''", "``Nobody regrets it.''"]


def test_a_paragraph_opening_with_two_apostrophes_continues_the_quotation():
    text = "He said:\n\n''First part.\n\n''Second part.''\n\nDone."
    assert spans(text) == ["''First part.\n\n''Second part.''"]


def test_a_quotation_may_close_with_the_other_style_of_mark():
    text = '“No deal is possible,” Lavrov said, adding talks were "a waste of time."\n"We will,” she said.'
    assert spans(text) == ["“No deal is possible,”", '"a waste of time."', '"We will,”']
    text = '“Talks are over," Lavrov said, adding that the offer was "cynical."'
    assert spans(text) == ['“Talks are over,"', '"cynical."']


def test_a_quotation_inside_a_quotation_of_the_other_style_does_not_close_it():
    assert spans('“He told me "never" twice,” she said.') == ['“He told me "never" twice,”']
    assert spans('"He told me “never” twice," she said.') == ['"He told me “never” twice,"']


# A passage read by lines: a floating quote after a paragraph break, a straight quote opening
# its paragraph, a colon cue at a line start, a quotation that never closes before its line ends,
# and a quotation continuing over two paragraphs.
BY_LINES = (
    '"The talks are over," Russian Foreign Minister Sergei Lavrov told reporters in Moscow.\n\n'
    '"We tried everything we could, and the other side did not listen to a single word."\n\n'
    "Ukraine rejected the plan, officials said.\n"
    'Blinken said: "We will keep talking\n'
    "ZELENSKY: We will not give up our land.\n\n"
    "“Nobody wants a war,” Lavrov added. “Nobody.\n\n"
    "“We will wait.”\n"
)
LINE_ENDS = {"LF": "\n", "CRLF": "\r\n", "CR": "\r", "U+2028": "\u2028", "U+2029": "\u2029"}


def as_if_lf(value, text: str, line_end: str):
    """``value`` (an extraction's JSON) with each span's offsets and text as in the LF text."""
    if isinstance(value, list):
        return [as_if_lf(item, text, line_end) for item in value]
    if not isinstance(value, dict):
        return value
    value = {key: as_if_lf(item, text, line_end) for key, item in value.items()}
    if {"start", "end", "text"} <= value.keys():
        extra = len(line_end) - 1  # characters a line end has more than LF
        value["start"] -= extra * text.count(line_end, 0, value["start"])
        value["end"] -= extra * text.count(line_end, 0, value["end"])
        value["text"] = value["text"].replace(line_end, "\n")
    return value


@pytest.mark.parametrize("line_end", list(LINE_ENDS.values()), ids=list(LINE_ENDS))
def test_every_line_end_reads_as_lf(extract, line_end: str):
    text = BY_LINES.replace("\n", line_end)
    assert [
        as_if_lf(
            {"start": q.start, "end": q.end, "text": text[q.start : q.end], "opens": q.opens_paragraph},
            text,
            line_end,
        )
        for q in find_quotes(text)
    ] == [
        {"start": q.start, "end": q.end, "text": BY_LINES[q.start : q.end], "opens": q.opens_paragraph}
        for q in find_quotes(BY_LINES)
    ]
    expected = [attribution.to_dict() for attribution in extract(BY_LINES).attributions]
    assert [(a["kind"], a["speaker"] and a["speaker"]["name"], len(a["content"])) for a in expected] == [
        ("direct", "Sergei Lavrov", 1),
        ("floating", "Sergei Lavrov", 1),  # the quote the landed code missed after a CR
        ("indirect", None, 1),
        ("direct", "Blinken", 1),
        ("direct", None, 1),
        ("direct", "Sergei Lavrov", 2),
    ]
    attributions = [attribution.to_dict() for attribution in extract(text).attributions]
    assert as_if_lf(attributions, text, line_end) == expected
