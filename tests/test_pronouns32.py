"""Pronoun sources on unseen news (issue 18, pron32); passages written for the tests."""

from __future__ import annotations

import pytest

from reportedly.extract import Extractor

from conftest import speaker_at, speaker_linked_in

# NER types the operator's name a person; "The operator" takes it up as a body, so the "It"
# after it is the operator, not the court named in its words.
OPERATOR = (
    "Harbour Line Terminals said on Monday that it had offered workers a 10% rise. The operator "
    "called the strike illegal and said it would go to the High Court. It said the union had "
    "refused talks."
)


def test_an_it_takes_up_a_name_a_body_noun_took_up(extractor: Extractor):
    speaker = speaker_linked_in(extractor, OPERATOR, "It said")
    assert speaker is not None and speaker.name == "Harbour Line Terminals"


@pytest.mark.parametrize(
    ("passage", "speaker"),
    [
        # NER types both players' names an organisation: "I" makes each one person.
        ('Sabalenka beat the champion in two sets. "I served well today," Sabalenka said.', "Sabalenka"),
        ('Uchida spoke after the vote. "I am proud of the team," Uchida said.', "Uchida"),
        # NER types "Haaland" a place: no one the "I" can be.
        ('The Swiss side drew with Leipzig. "I was happy with the spirit," Haaland said later.', None),
    ],
)
def test_an_i_in_quotes_is_their_speaker_though_ner_typed_a_firm(
    extractor: Extractor, passage: str, speaker: str | None
):
    assert speaker_at(extractor, passage, "I") == speaker


# A state official's "we" where the story names several countries: the country whose capital
# the dateline names, where the story names that country; else no one.
BRIEFING = (
    "{place}, May 3 - The foreign minister, Hamid Nouri, said talks with France and Germany "
    'would resume. "We are not in a hurry," Nouri said. Iran wants sanctions lifted.'
)


@pytest.mark.parametrize(("place", "country"), [("TEHRAN", "Iran"), ("LONDON", None)])
def test_an_officials_we_is_the_country_of_the_datelines_capital(
    extractor: Extractor, place: str, country: str | None
):
    assert speaker_at(extractor, BRIEFING.format(place=place), "We") == country


# The tagger reads "Brandt was asked about" as a report with no source whose words are
# "Brandt": no one's words, so the "He" after it takes him up as the subject before.
ASKED = (
    "Voltan's chief executive, George Brandt, apologised on Friday. Elon Musk, the owner of X, "
    "wrote that he had deleted Voltan from all of his companies' systems. Brandt was asked about "
    "the post later in the day. He said the company's priority was its customers."
)


def test_a_name_in_a_report_with_no_source_is_no_other_speakers_word(extractor: Extractor):
    speaker = speaker_linked_in(extractor, ASKED, "He said")
    assert speaker is not None and speaker.name == "George Brandt"
