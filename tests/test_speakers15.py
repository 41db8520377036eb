"""On passages written for the project (issue 18, branch spk15): a person's campaign is the
organisation only where the text names it as one ("the Kowalski campaign"), else the
candidate; a title of one field of work (media, politics, law ...) goes to a person given a
role of that field, not to one given only roles of others; an organisation the text says is
a company ("Novastar Financial was one of several lenders") is what "the company" refers
to. The first, third, fourth and fifth fail on main 9ccec6b (the fifth was reworded after its
first wording, "firms sued by the ...", passed on main as well)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import speakers_by_source as speakers

DAY = date(2024, 6, 4)


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        (
            # Only "Kowalski's campaign": "her campaign" is the candidate.
            "Anna Kowalski's campaign raised $4 million in May, filings show. Kowalski spent the "
            "weekend in Ohio. Her campaign said on Monday it would open ten offices in the state.",
            "Her campaign",
            "Anna Kowalski",
        ),
        (
            # The text writes "the Kowalski campaign": the campaign as it names it.
            "The Kowalski campaign raised $4 million in May, filings show. Anna Kowalski spent the "
            "weekend in Ohio. Her campaign said on Monday it would open ten offices in the state.",
            "Her campaign",
            "Kowalski campaign",
        ),
        (
            # The anchor is the reporter, not the prime minister he interviewed.
            "Prime Minister Anthony Albanese sat down on Tuesday with veteran reporter Kieran Doyle. "
            "Albanese defended the housing plan. The anchor said the interview had been tense.",
            "The anchor",
            "Kieran Doyle",
        ),
        (
            # The moderator is not the candidate the text calls one.
            "Senator Dana Whitfield, the Democratic candidate, debated on Thursday night in a hall "
            "moderated by television journalist Priya Raman. Whitfield spoke about water prices. "
            "The moderator said the debate had run long.",
            "The moderator",
            "Priya Raman",
        ),
        (
            # A copula types a name of no other kind; "the company" is not the league that sued.
            "Novastar Financial was one of several lenders that the National Consumer League sued "
            "over unpaid refunds. The company agreed on Friday to pay $12 million to settle the case.",
            "The company",
            "Novastar Financial",
        ),
    ],
)
def test_campaigns_fields_and_copulas(resolve, text, source, speaker):
    assert speakers(resolve(text, DAY))[source] == speaker
