"""Each kind of attribution on a short passage written for the project, with exact spans."""

from __future__ import annotations

import pytest

from conftest import only, texts

# Each row: a passage with one attribution, and its kind and its cue's, source's and content's
# words; the id says what the passage shows.
ONE_ATTRIBUTION = [
    pytest.param(
        "“We will not withdraw our troops,” Defence Minister Rustem Umerov said on Monday.",
        {
            "kind": "direct",
            "cue": "said",
            "source": "Defence Minister Rustem Umerov",
            "content": ["“We will not withdraw our troops,”"],
        },
        id="direct_quote_with_cue_after",
    ),
    pytest.param(
        'Foreign Minister Sergei Lavrov said: "The West has chosen escalation."',
        {
            "kind": "direct",
            "cue": "said",
            "source": "Foreign Minister Sergei Lavrov",
            "content": ['"The West has chosen escalation."'],
        },
        id="direct_quote_with_cue_before_and_straight_marks",
    ),
    pytest.param(
        "“The Kremlin is in panic mode. Full panic mode,” said Mykhailo Podolyak, an adviser to Zelenskiy.",
        {
            "kind": "direct",
            "cue": "said",
            "source": "Mykhailo Podolyak, an adviser to Zelenskiy",
            "content": ["“The Kremlin is in panic mode. Full panic mode,”"],
        },
        id="a_quote_the_parser_splits_in_two_sentences_keeps_its_cue",
    ),
    pytest.param(
        # Archive style; the parser ends the first sentence after the second quotation's opening mark.
        "''The talks are over,'' Lavrov said. ''Nobody in Moscow regrets it.''",
        {
            "kind": "direct",
            "cue": "said",
            "source": "Lavrov",
            "content": ["''The talks are over,''", "''Nobody in Moscow regrets it.''"],
        },
        id="quotes_marked_with_two_apostrophes_are_direct_speech_in_two_parts",
    ),
    pytest.param(
        "She insisted the deal was dead.",
        {"kind": "indirect", "cue": "insisted", "source": "She", "content": ["the deal was dead"]},
        id="indirect_speech_with_bare_clause",
    ),
    pytest.param(
        "According to Ukrainian officials, three drones were shot down over Kyiv overnight.",
        {
            "kind": "according_to",
            "cue": "According to",
            "source": "Ukrainian officials",
            "content": ["three drones were shot down over Kyiv overnight"],
        },
        id="according_to",
    ),
    pytest.param(
        "It was reported that the convoy had crossed the border.",
        {
            "kind": "indirect",
            "cue": "was reported",
            "source": None,
            "content": ["that the convoy had crossed the border"],
        },
        id="impersonal_passive_has_no_source",
    ),
    pytest.param(
        "LAVROV: We will respond to any provocation.\n\nUPDATE: The briefing has ended.",
        {"kind": "direct", "cue": ":", "source": "LAVROV", "content": ["We will respond to any provocation"]},
        id="transcript_line_with_speaker_and_colon",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ONE_ATTRIBUTION)
def test_a_passage_s_one_attribution_is_of_its_kind_with_exact_words(extract, text, expected):
    assert texts(only(extract(text))) == expected


def test_cue_inside_quote_gives_two_content_parts(extract):
    result = extract('"The talks are over," Lavrov said, "and nobody in Moscow regrets it."')
    attribution = only(result)
    assert texts(attribution)["content"] == ['"The talks are over,"', '"and nobody in Moscow regrets it."']
    assert attribution.source.text == "Lavrov"


def test_a_split_quote_stays_with_its_speaker_across_the_next_paragraph(extract):
    text = (
        "“This is in their heads,” said Caddell, a pollster. “It is one of the things worrying them "
        "and it can be deadly.”\n\nCaddell went on to discuss recently released polls."
    )
    said = next(a for a in extract(text).attributions if a.cue.text == "said")
    assert texts(said)["content"] == [
        "“This is in their heads,”",
        "“It is one of the things worrying them and it can be deadly.”",
    ]


def test_quote_over_several_paragraphs_is_one_content(extract):
    text = (
        "Zelenskiy told parliament:\n\n"
        '"We have lost too many people. We will not forget them.\n\n'
        '"And we will rebuild every city."\n\nThe speech lasted an hour.'
    )
    attribution = only(extract(text))
    assert attribution.kind == "direct"
    assert attribution.addressee.text == "parliament"
    [content] = attribution.content
    assert content.text.startswith('"We have lost') and content.text.endswith('every city."')


def test_indirect_speech_with_that_clause_and_addressee(extract):
    attribution = only(extract("Lavrov told reporters that the proposal was unacceptable."))
    assert texts(attribution) == {
        "kind": "indirect",
        "cue": "told",
        "source": "Lavrov",
        "content": ["that the proposal was unacceptable"],
    }
    assert attribution.addressee.text == "reporters"


def test_phrasal_cue_ruled_out(extract):
    attribution = only(extract("The Kremlin ruled out any talks with Kyiv before the spring."))
    assert attribution.cue.text == "ruled out"
    assert attribution.source.text == "The Kremlin"
    assert attribution.content[0].text.startswith("any talks with Kyiv")


def test_less_common_cues(extract):
    for sentence, cue in [
        ("Orban tweeted that Hungary would veto the package.", "tweeted"),
        ("The general believes the front line will hold through winter.", "believes"),
        ("NATO's secretary general warned that Russia was preparing a new offensive.", "warned"),
        ("The ministry acknowledged that two soldiers had been captured.", "acknowledged"),
        ("Officials expect the vote to pass on Friday.", "expect"),
    ]:
        assert only(extract(sentence)).cue.text == cue, sentence


def test_mixed_quote(extract):
    attribution = only(extract('Lavrov said the Western plan was "a dead end" and would not be discussed.'))
    assert attribution.kind == "mixed"
    assert attribution.content[0].text == 'the Western plan was "a dead end" and would not be discussed'


def test_floating_quote_continues_previous_speaker(extract):
    result = extract(
        'Erdogan said Turkey was ready to mediate.\n\n"We are talking to both sides. Peace is possible."'
    )
    first, floating = result.attributions
    assert floating.kind == "floating"
    assert floating.cue is None and floating.source is None
    assert floating.content[0].text == '"We are talking to both sides. Peace is possible."'
    assert floating.speaker.name == first.speaker.name == "Erdogan"


def test_nested_attribution_points_to_parent(extract):
    outer, inner = extract("Reuters reported that Putin insisted the operation would continue.").attributions
    assert (outer.source.text, outer.cue.text, outer.parent) == ("Reuters", "reported", None)
    assert (inner.source.text, inner.cue.text, inner.parent) == ("Putin", "insisted", outer.id)
    assert inner.content[0].text == "the operation would continue"


def test_a_speakers_own_expectation_in_their_words_is_not_a_second_attribution(extract):
    attribution = only(extract("Fowler said he expects Clinton to recover fully by Friday."))
    assert (attribution.cue.text, attribution.source.text) == ("said", "Fowler")
    assert [part.text for part in attribution.content] == ["he expects Clinton to recover fully by Friday"]


def test_another_holders_expectation_in_someones_words_stays_nested(extract):
    outer, inner = extract("Scholz said Berlin expects the package to pass this week.").attributions
    assert (outer.cue.text, outer.source.text) == ("said", "Scholz")
    assert (inner.cue.text, inner.source.text, inner.parent) == ("expects", "Berlin", outer.id)


def test_a_polls_share_of_respondents_is_what_the_poll_reports(extract):
    text = "A Levada Center poll found that 64 percent of Russians said the war should end in talks."
    attribution = only(extract(text))
    assert (attribution.cue.text, attribution.source.text) == ("found", "A Levada Center poll")
    assert only(extract("Sixty percent of respondents said the talks should continue.")).cue.text == "said"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Kyiv urged Moscow to acknowledge that the strike hit a hospital.", "urged"),
        ("The general has promised to disclose how many soldiers died.", "has promised"),
    ],
)
def test_an_infinitive_names_an_act_and_reports_none(extract, text, cue):
    # "to acknowledge" is what Kyiv asked for, not something Moscow (or Kyiv) said.
    assert only(extract(text)).cue.text == cue


def test_negated_attribution(extract):
    attribution = only(extract("Zelenskiy has not said how the counteroffensive will proceed."))
    assert attribution.cue.text == "has not said"
    assert attribution.negated and not attribution.hypothetical
    assert attribution.content[0].text == "how the counteroffensive will proceed"


def test_conditional_attribution(extract):
    attribution = only(extract("If asked, the minister would say that the embargo had failed."))
    assert attribution.hypothetical and not attribution.negated
    assert (attribution.cue.text, attribution.source.text) == ("would say", "the minister")


def test_channel_interview_with_outlet(extract):
    attribution = only(extract("In an interview with Le Parisien, Macron said Europe must rearm."))
    assert attribution.channel.text == "an interview with Le Parisien"
    assert attribution.content[0].text == "Europe must rearm"


def test_outlet_addressed_is_also_the_channel(extract):
    attribution = only(extract("Scholz told Fox News that Germany would send more tanks."))
    assert attribution.addressee.text == attribution.channel.text == "Fox News"


def test_possessed_reporting_noun_is_nominal(extract):
    attribution = only(extract("Lavrov's comments suggest that Moscow is not ready for a ceasefire."))
    assert attribution.kind == "nominal"
    assert attribution.source.text == "Lavrov's comments"
    assert attribution.speaker.name == "Lavrov"


def test_pointers_to_other_material_are_not_attributions(extract):
    # The statement after them is found (an extractor finding nothing would pass without it).
    result = extract("Here is a map of the front line. Read more here.\n\nLavrov said the talks had failed.")
    assert [texts(a) for a in result.attributions] == [
        {"kind": "indirect", "cue": "said", "source": "Lavrov", "content": ["the talks had failed"]}
    ]


def test_spans_match_the_text_exactly(extract):
    text = "KYIV —\r\nUkraine’s president said on Sunday that “peace needs strength.”\n"
    attribution = only(extract(text))
    spans = [attribution.cue, attribution.source, *attribution.content]
    # After "\r\n" and curly marks, the offsets still count characters of the text as given.
    assert [(span.start, span.end, span.text) for span in spans] == [
        (28, 32, "said"),
        (8, 27, "Ukraine’s president"),
        (43, 69, "that “peace needs strength"),
    ]
    assert [text[span.start : span.end] for span in spans] == [span.text for span in spans]


def test_relative_pronoun_source_names_its_antecedent_as_speaker(extract):
    attribution = only(extract("Sergei Lavrov, who said the talks had failed, left early."))
    assert attribution.source.text == "who"
    assert attribution.speaker.name == "Sergei Lavrov"
    assert attribution.content[0].text == "the talks had failed"


def test_apposition_and_title_name_the_person(extract):
    attribution = only(extract("Russia's foreign minister Sergei Lavrov said the talks had failed."))
    assert attribution.source.text == "Russia's foreign minister Sergei Lavrov"
    assert attribution.speaker.name == "Sergei Lavrov"
    assert attribution.speaker.entity is not None


def test_name_inside_a_prepositional_phrase_is_not_the_speaker(extract):
    attribution = only(extract("The head of NATO warned that Russia was rearming."))
    assert attribution.source.text == "The head of NATO"
    assert attribution.speaker is None  # not NATO, and no person the text names


def test_clock_times_before_a_colon_are_not_speakers(extract):
    # A name before a colon in the next paragraph is one (an extractor finding nothing would pass
    # without it).
    result = extract(
        "8:52 a.m.: European leaders gather in Brussels for the summit.\n\nLAVROV: The talks have failed."
    )
    assert [texts(a) for a in result.attributions] == [
        {"kind": "direct", "cue": ":", "source": "LAVROV", "content": ["The talks have failed"]}
    ]


def test_raising_verb_subject_is_content_not_source(extract):
    attribution = only(extract("The ceasefire appears to be holding along the front line."))
    assert attribution.source is None
    assert [part.text for part in attribution.content] == [
        "The ceasefire",
        "to be holding along the front line",
    ]


def test_transcript_line_opening_a_quoted_paragraph(extract):
    result = extract('"WALLACE: Will Gennifer Flowers be at the debate?\n\n"PENCE: She will not be there.')
    assert [texts(a) for a in result.attributions] == [
        {
            "kind": "direct",
            "cue": ":",
            "source": "WALLACE",
            "content": ["Will Gennifer Flowers be at the debate"],
        },
        {"kind": "direct", "cue": ":", "source": "PENCE", "content": ["She will not be there"]},
    ]


def test_a_quotation_closed_with_a_straight_mark_leaves_the_cue_outside_it(extract):
    # '“...,"': before, the quotation ran on to the end of the paragraph and hid both cues.
    result = extract('“Sanctions will stay," Borrell said, adding that the offer was "not serious."')
    said = next(a for a in result.attributions if a.cue.text == "said")
    assert texts(said) == {
        "kind": "direct",
        "cue": "said",
        "source": "Borrell",
        "content": ['“Sanctions will stay,"'],
    }
