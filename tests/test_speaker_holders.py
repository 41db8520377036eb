"""Descriptions to the entity the text gave that noun (issue 18, branch spk9), on passages
written for the project: a role in an "X of Y" title ("The Minister of Justice, Bekir
Bozdag"), an organisation called by its name's head noun ("the festival"), and an
organisation the text described by the very noun ("Alphabet, the parent company of Google"),
and a person given the very role before the one who spoke last ("the governor")."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.resolve.nominals import title_role
from reportedly.resolve.speakers import name_head

from conftest import speakers_by_source as speakers


def test_a_title_of_an_office_of_something_is_its_head_noun_s_role():
    assert title_role(["The", "Minister", "of", "Justice"]) == (("MINISTER",), False)
    assert title_role(["the", "former", "director", "of", "the", "FBI"]) == (("DIRECTOR",), True)
    # The lexicon's own "X of Y" phrases stay whole.
    assert title_role(["the", "secretary", "of", "state"]) == (("SECRETARY", "OF", "STATE"), False)
    assert title_role(["chief", "of", "staff"]) == (("CHIEF", "OF", "STAFF"), False)


def test_a_minister_is_no_high_representative(resolve):
    extraction = resolve(
        "The Minister of Justice, Bekir Bozdag, announced that 2,745 judges were removed from duty.\n\n"
        "The European Union has warned Ankara. The High Representative said that the return of the "
        "death penalty would end the accession negotiations.",
        date(2016, 7, 18),
    )
    assert speakers(extraction)["The High Representative"] != "Bekir Bozdag"


def test_an_organisation_s_name_s_head_noun():
    assert name_head("Cannes Film Festival") == "festival"
    assert name_head("Bank of England") == "bank"
    assert name_head("Reuters") == ""


@pytest.mark.parametrize(
    ("text", "published", "source", "expected"),
    [
        # The minister is the Minister of Justice named before, not the prime minister.
        (
            "Prime Minister Binali Yildirim said 208 people had died. The Prime Minister said no one "
            "would be punished outside the law.\n\n"
            "The Minister of Justice, Bekir Bozdag, announced that 2,745 judges were removed from duty. "
            "The minister asserted that the coup was organised from abroad.",
            date(2016, 7, 18),
            "The minister",
            "Bekir Bozdag",
        ),
        # The festival is the festival named.
        (
            "British director Ken Loach won the top prize at the Cannes Film Festival on Sunday. "
            "The jury, led by George Miller, gave its Grand Prix to a French film. Miller said the jury "
            "had not been influenced by the press. The festival said attendance had reached a record.",
            date(2016, 5, 23),
            "The festival",
            "Cannes Film Festival",
        ),
        # The governor is the one the text called governor, not the last speaker.
        (
            "Ohio Gov. John Kasich campaigned in New Hampshire on Monday, a day after a debate in which "
            "Donald Trump mocked his record.\n\n"
            "Trump told supporters in Manchester that the race was over. "
            '"We are going to win big," Trump said.\n\n'
            "At a town hall in Concord, the governor said voters wanted someone who could get things done.",
            date(2016, 2, 1),
            "the governor",
            "John Kasich",
        ),
    ],
)
def test_a_description_goes_to_the_entity_the_text_gave_that_noun(resolve, text, published, source, expected):
    assert speakers(resolve(text, published))[source] == expected
