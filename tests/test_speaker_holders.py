"""Descriptions to the entity the text gave that noun (issue 18, branch spk9), on passages
written for the project: a role in an "X of Y" title ("The Minister of Justice, Bekir
Bozdag"), an organisation called by its name's head noun ("the festival"), and an
organisation the text described by the very noun ("Alphabet, the parent company of Google"),
and a person given the very role before the one who spoke last ("the governor"); a title that
names a country to the holder of its office the text names ("The French president": Hollande,
not President Obama; branch spk11), and the role of an apposition to its noun ("Kelly Ayotte - the
first-term senator from New Hampshire": a senator; spk11)."""

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
        # The title names France: its president that day by the dated table, named before,
        # not the US president the text also calls president (branch spk11).
        (
            "President Obama had a talk this week with Francois Hollande. The French president "
            "expressed his condolences over the Orlando massacre.",
            date(2016, 6, 17),
            "The French president",
            "Francois Hollande",
        ),
        (
            "President Joe Biden met Andres Manuel Lopez Obrador at the White House on Monday. The Mexican "
            "president said the two countries would work together on migration.",
            date(2021, 7, 12),
            "The Mexican president",
            "Andres Manuel Lopez Obrador",
        ),
        # The same office of the other country still goes to its holder.
        (
            "Andres Manuel Lopez Obrador met President Joe Biden at the White House on Monday. The US "
            "president said the two countries would work together on migration.",
            date(2021, 7, 12),
            "The US president",
            "Joe Biden",
        ),
        # An apposition's role ends at its noun: "the first-term senator from New Hampshire" makes
        # Ayotte a senator, so "The senator" is she, not Trump who was named last (branch spk11).
        (
            "Donald Trump held a rally in Manchester on Saturday. He was joined by Gov. Chris Sununu. "
            "Democrats have spent heavily against Kelly Ayotte - the first-term senator from New Hampshire "
            "who faces a tough race. Trump called her weak in May. The senator said she would not campaign "
            "with him.",
            date(2016, 8, 26),
            "The senator",
            "Kelly Ayotte",
        ),
        # A tenure ("first-term") says nothing of which senator a title means.
        (
            "Donald Trump held a rally in Manchester on Saturday. He was joined by Gov. Chris Sununu. "
            "Democrats have spent heavily against Kelly Ayotte - the first-term senator from New Hampshire "
            "who faces a tough race. Trump called her weak in May. The Republican senator said she would "
            "not campaign with him.",
            date(2016, 8, 26),
            "The Republican senator",
            "Kelly Ayotte",
        ),
        # "the senator from Florida" makes Rubio a senator: the senator who spoke last is he,
        # not Sen. Bernie Sanders named before him.
        (
            "Marco Rubio, the senator from Florida, stumbled in the debate on Saturday. Sen. Bernie Sanders "
            "won the Democratic straw poll in Manchester. Chris Christie attacked Rubio again on Sunday. "
            "The senator said he had learned from the debate.",
            date(2016, 2, 9),
            "The senator",
            "Marco Rubio",
        ),
    ],
)
def test_a_title_or_description_goes_to_the_holder_the_text_names(resolve, text, published, source, expected):
    assert speakers(resolve(text, published))[source] == expected
