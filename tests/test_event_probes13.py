"""Event parties and their countries on wire reports of the 1980s-2020s from every region
(issue 19, branch ev13): a verb whose object is the place entered leaves its infinitive to
its subject; a participle qualifying the subject is no fallback trigger; a country's
adjective NER typed as an organisation or a person gives its agents' sector; a place that only
says where another candidate is is not the recipient; a poison gas released is an assault; a
group the dictionaries code by faith alone is placed where it acts; a Soviet republic is
itself; being sworn in is no event. Passages written for the project."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import event_parties as coded


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the infinitive of a verb of entering is its subject's purpose (was Lesotho, ZAFMIL)
        (
            "South African troops entered Lesotho to quell an army mutiny.",
            date(1998, 9, 22),
            ("COERCE", [("South African troops", "ZAFMIL")], [("an army mutiny", "LSOMIL")]),
        ),
        # a country's adjective NER took for an organisation or a person (were SLE, LKA)
        (
            "Sierra Leonean troops attacked rebels.",
            date(2000, 5, 17),
            ("ASSAULT", [("Sierra Leonean troops", "SLEMIL")], [("rebels", "SLEREB")]),
        ),
        (
            "Sri Lankan troops killed Tamil Tiger leader Velupillai Prabhakaran.",
            date(2009, 5, 18),
            (
                "ASSAULT",
                [("Sri Lankan troops", "LKAMIL")],
                [("Tamil Tiger leader Velupillai Prabhakaran", "LKAREB")],
            ),
        ),
        (
            "Ugandan rebels of the National Resistance Army captured the town of Masindi from government "
            "troops on Monday.",
            date(1986, 4, 15),
            ("ASSAULT", [("Ugandan rebels of the National Resistance Army", "UGAREB")], [("Masindi", "UGA")]),
        ),
        # a place that only says where the recipient is (was Nairobi)
        (
            "Kenyan riot police fired tear gas at opposition supporters in Nairobi.",
            date(2007, 12, 30),
            ("COERCE", [("Kenyan riot police", "KENCOP")], [("opposition supporters in Nairobi", "KEN")]),
        ),
        # a poison gas released (was RETREAT), by a group coded by its faith alone (was BUDREB)
        (
            "Aum Shinrikyo cult members released sarin gas on the Tokyo subway.",
            date(1995, 3, 20),
            ("ASSAULT", [("Aum Shinrikyo cult members", "JPNBUDREB")], [("the Tokyo subway", "JPN")]),
        ),
        # a Soviet republic is itself (was USRAZE, no country)
        (
            "Soviet troops stormed Baku to crush Azerbaijani nationalists.",
            date(1990, 1, 20),
            ("ASSAULT", [("Soviet troops", "SUNMIL")], [("Baku", "AZE")]),
        ),
        # mechanisms that already held, kept
        (
            "Ethiopian warplanes bombed Eritrean positions near the border town of Badme.",
            date(1999, 3, 10),
            (
                "ASSAULT",
                [("Ethiopian warplanes", "ETHMIL")],
                [("Eritrean positions near the border town of Badme", "ERI")],
            ),
        ),
        (
            "Pakistani army chief Pervez Musharraf ousted Prime Minister Nawaz Sharif in a bloodless coup.",
            date(1999, 10, 12),
            (
                "COERCE",
                [("Pakistani army chief Pervez Musharraf", "PAKELI")],
                [("Prime Minister Nawaz Sharif", "PAKGOV")],
            ),
        ),
        (
            "Armenian forces captured the town of Shusha from Azerbaijani troops.",
            date(1992, 5, 9),
            ("ASSAULT", [("Armenian forces", "ARMMIL")], [("Shusha", "AZE")]),
        ),
        (
            "Saudi-led warplanes bombed Houthi rebels in Yemen.",
            date(2015, 3, 26),
            ("ASSAULT", [("Saudi-led warplanes", "SAUMIL")], [("Houthi rebels", "YEMREB")]),
        ),
    ],
)
def test_parties_on_unseen_wire_reports(resolve, text, published, expected):
    (event,) = resolve(text, published).events
    assert coded(event) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a participle that qualifies the subject is no act (was COOPERATE on "led")
        ("Congolese rebels led by Laurent Kabila entered Kinshasa.", date(1997, 5, 17)),
        # taking office is no act done to anyone (was ACCUSE)
        ("Ugandan rebel leader Yoweri Museveni was sworn in as president.", date(1986, 1, 29)),
    ],
)
def test_no_event(resolve, text, published):
    assert resolve(text, published).events == []
