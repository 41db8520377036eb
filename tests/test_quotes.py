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
