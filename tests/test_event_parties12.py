"""Which phrase is an event's party, and what country its words give (issue 19, branch
ev12): a weapon that acts stands for unidentified attackers of the place; a "when" clause's
thing named only by where it is ("a bus in Karachi") leaves its subject the doer; a person's
title gives their country ("King Hassan of Morocco", "Soviet Foreign Minister"), a former
state as its successor; a party name no dictionary knows before a person's title leaves the
person ("Labor leader Amir Peretz"); a name after "to" is whom a party is sent to; a group
named by its faith takes its agent noun's sector; "execute" kills people, not plans; an act a
relative clause tells of comes after the main clause's; verbs and nouns of CAMEO categories
the trigger list lacked, and types as the CAMEO-to-PLOVER table gives them (signing SUPPORT,
easing economic sanctions RETREAT). Passages written for the project."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import event_parties as coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weapon as the actor: unidentified armed forces of the country its words name ...
        (
            "A roadside bomb killed three Afghan soldiers in Kandahar province, officials said.",
            ("ASSAULT", [("A roadside bomb", "AFGUAF")], [("three Afghan soldiers", "AFGMIL")]),
        ),
        (
            "A suicide bombing at a mosque in Quetta killed 30 worshippers.",
            (
                "ASSAULT",
                [("A suicide bombing at a mosque in Quetta", "PAKUAF")],
                [("30 worshippers", "PAKREL")],
            ),  # of the place (code17)
        ),
        # ... or of the place its sentence names (was no country, so no event)
        (
            "A bomb exploded in a crowded market in Colombo, killing 20 people.",
            ("ASSAULT", [("A bomb", "LKAUAF")], [("20 people", "LKAPPL")]),
        ),
        (
            "A bomb blast killed six people in the Indian city of Hyderabad.",
            (
                "ASSAULT",
                [("A bomb blast", "INDUAF")],
                [("six people in the Indian city of Hyderabad", "INDPPL")],
            ),
        ),
        # a thing the "when" clause's act is done to, named only by where it is, leaves the
        # clause's subject the doer of the passive (was no event)
        (
            "At least 15 people were killed when gunmen opened fire on a bus in Karachi.",
            ("ASSAULT", [("gunmen", "PAKUAF")], [("At least 15 people", "PAKPPL")]),
        ),
        (
            "Three policemen were wounded when rebels attacked a checkpoint near Srinagar.",
            ("ASSAULT", [("rebels", "INDREB")], [("Three policemen", "INDCOP")]),
        ),
        # a person's title gives their country, whatever the dictionaries know the name by
        # (was JOR, GEO) ...
        (
            "King Hassan of Morocco met Israeli Prime Minister Shimon Peres in Ifrane.",
            (
                "CONSULT",
                [("King Hassan of Morocco", "MARELI")],
                [("Israeli Prime Minister Shimon Peres", "ISRELI")],
            ),
        ),
        # ... a former state as its successor, as the PLOVER records write them
        (
            "Soviet Foreign Minister Eduard Shevardnadze met Secretary of State James Baker in Moscow.",
            (
                "CONSULT",
                [("Soviet Foreign Minister Eduard Shevardnadze", "RUSELI")],
                [("Secretary of State James Baker in Moscow", "USAELI")],
            ),
        ),
        # a party name no dictionary knows before a title leaves the person (was no country)
        (
            "Labor leader Amir Peretz accused Prime Minister Ariel Sharon of betraying the workers.",
            (
                "ACCUSE",
                [("Labor leader Amir Peretz", "ISRGOV")],
                [("Prime Minister Ariel Sharon", "ISRELI")],
            ),
        ),
        # a name after "to" is whom the party is sent to, not the party (was ISRGOV)
        (
            "Saudi Arabia's ambassador to Britain criticised the newspaper.",
            # the newspaper no dictionary places is of the sentence's country, as an
            # official or a named outlet would be (branch code25; was no recipient)
            ("ACCUSE", [("Saudi Arabia's ambassador to Britain", "SAU")], [("the newspaper", "SAUMED")]),
        ),
        # a group named by its faith takes its agent noun's sector, placed by the sentence
        # (was no country)
        (
            "Moslem guerrillas in Kashmir attacked an Indian army post.",
            ("ASSAULT", [("Moslem guerrillas in Kashmir", "INDMUSREB")], [("an Indian army post", "INDMIL")]),
        ),
        # executions of people are killings (was no event) ...
        (
            "The Nigerian military government executed nine Ogoni activists on Friday.",
            (
                "ASSAULT",
                [("The Nigerian military government", "NGAGOVMIL")],
                [("nine Ogoni activists", "NGAOPP")],
            ),
        ),
        # an act a relative clause tells of comes after the main clause's (was ASSAULT "fought")
        (
            "Pakistan, which has fought three wars with India, said it was ready for talks.",
            ("CONSULT", [("Pakistan", "PAKGOV")], []),
        ),
    ],
)
def test_which_phrase_is_the_party_and_its_country(extract, text, expected):
    (event,) = extract(text).events
    assert coded(event) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire verbs and nouns of the CAMEO categories the trigger list lacked
        (
            "Sikh militants hijacked an Indian Airlines jet to Lahore.",
            ("ASSAULT", [("Sikh militants", "INDUAF")], [("an Indian Airlines jet", "INDBUS")]),
        ),
        (
            "Iraqi troops launched an assault on the last ISIS group bastion in the country on Thursday even "
            "as the Kurds said Baghdad's forces had attacked their fighters near the border with Turkey.",
            (
                "ASSAULT",
                [("Iraqi troops", "IRQMIL")],
                [("the last ISIS group bastion in the country", "IMGMUSISI")],
            ),
        ),
        (
            "Haitian soldiers opened fire on demonstrators in Port-au-Prince.",
            ("ASSAULT", [("Haitian soldiers", "HTIMIL")], [("Port-au-Prince", "HTI")]),
        ),
        (
            "Israeli troops returned fire after being attacked near Hebron.",
            ("ASSAULT", [("Israeli troops", "ISRMIL")], [("Hebron", "PSE")]),
        ),
        (
            "Chinese security forces used tear gas to disperse Tibetan protesters in Lhasa.",
            ("COERCE", [("Chinese security forces", "CHNCOP")], [("Tibetan protesters", "CHNOPP")]),
        ),
        (
            "Premier Li Peng declared martial law in Beijing.",
            ("COERCE", [("Premier Li Peng", "CHNELI")], [("Beijing", "CHN")]),
        ),
        (
            "Israeli warships blockaded the port of Tyre.",
            ("COERCE", [("Israeli warships", "ISRMIL")], [("Tyre", "LBN")]),
        ),
        (
            "Iran's Foreign Ministry announced the release of two Kuwaiti nationals.",
            ("RETREAT", [("Iran's Foreign Ministry", "IRNGOV")], [("two Kuwaiti nationals", "KWT")]),
        ),
        # signing a formal agreement is SUPPORT (CAMEO 057), easing economic sanctions RETREAT (085)
        (
            "Libyan leader Muammar Gaddafi and Bulgarian President Todor Zhivkov today signed a treaty.",
            (
                "SUPPORT",
                [
                    ("Libyan leader Muammar Gaddafi", "LBYELI"),
                    ("Bulgarian President Todor Zhivkov", "BGRELI"),
                ],
                [],
            ),
        ),
        (
            "The United States lifted economic sanctions against Poland.",
            ("RETREAT", [("The United States", "USA")], [("Poland", "POL")]),
        ),
        (
            "The Security Council censured Israel for the raid on Tunis.",
            ("ACCUSE", [("The Security Council", "IGOUNO")], [("Israel", "ISR")]),
        ),
    ],
)
def test_triggers_the_list_lacked(extract, text, expected):
    (event,) = extract(text).events
    assert coded(event) == expected


@pytest.mark.parametrize(
    "text",
    [
        # ... not carrying out a plan or an order
        "The company executed its plan to cut 500 jobs.",
        "The execution of the contract was delayed.",
        # nor is a blast alone a weapon
        "An explosion at a chemical plant killed ten workers.",
        # a release clause frees no one
        "Barcelona signed the winger to a new contract with a release clause of 1 billion euros.",
        "The company issued a press release on Monday.",
    ],
)
def test_no_event(extract, text):
    assert extract(text).events == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a bare name NER missed is the person the dictionaries know by it ...
        (
            "Morales expelled the US ambassador on Wednesday.",
            date(2008, 9, 11),
            ("SANCTION", [("Morales", "BOLGOV")], [("the US ambassador", "USAGOV")]),
        ),
        (
            "F.W. de Klerk released Nelson Mandela from prison on Sunday.",
            date(1990, 2, 11),
            ("RETREAT", [("F.W. de Klerk", "ZAFGOV")], [("Nelson Mandela", "ZAFELI")]),
        ),
        # ... a lone surname only while a leader of that name is in office
        (
            "Morales expelled the US ambassador on Wednesday.",
            date(1995, 9, 11),
            ("SANCTION", [("Morales", None)], [("the US ambassador", "USAGOV")]),
        ),
        # monarchs named by title and given name
        (
            "Sheikh Zayed called on Iraq to release Kuwaiti prisoners.",
            date(1992, 5, 2),
            ("REQUEST", [("Sheikh Zayed", "AREGOV")], [("Iraq", "IRQ")]),
        ),
        # one who meets is not of the country of whom they meet (was RUS)
        (
            "Deng met Gorbachev in Beijing on Tuesday.",
            date(1989, 5, 16),
            ("CONSULT", [("Deng", None)], [("Gorbachev", "RUSGOV")]),
        ),
        # what is fired is the means, not the recipient (was "Scud missiles")
        (
            "Iraq fired Scud missiles at Tel Aviv, the Israeli army said.",
            date(1991, 1, 17),
            ("ASSAULT", [("Iraq", "IRQ")], [("Tel Aviv", "ISR")]),
        ),
        # adjectives of peoples the dictionaries lacked
        (
            "Azeri forces attacked Armenian positions near Kelbajar on Friday.",
            date(1993, 4, 3),
            ("ASSAULT", [("Azeri forces", "AZEMIL")], [("Armenian positions near Kelbajar", "ARM")]),
        ),
    ],
)
def test_names_ner_missed_and_peoples(resolve, text, published, expected):
    (event,) = resolve(text, published).events
    assert coded(event) == expected
