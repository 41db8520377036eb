"""Event parties (issue 19, branch code29): the recipient of a threat whose condition is an
act named by a noun ("in case of aggression by X", "in the event of an attack by X"), also
where the threat is a noun ("will take countermeasures") or said after it ("..., warned X")."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import first_event_party_codes


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Tehran warned it would close the strait in the event of an attack by Israel.", ("Israel", "ISR")),
        ("Moscow threatened to respond in case of Finland's accession to NATO.", ("Finland", "FIN")),
        (
            "Minsk warned that in case of aggression by NATO, the Belarusian side will use nuclear weapons.",
            ("NATO", "IGOWSTNAT"),
        ),
        (
            "In case of the transfer of long-range missiles to Kyiv by Washington, Russia will take "
            "adequate measures, warned the deputy chairman.",
            ("Washington", "USAGOV"),
        ),
        (
            "In case of the delivery of fighter jets to Taipei by Washington, Beijing will take resolute "
            "countermeasures, warned a defence ministry spokesman.",
            ("Washington", "USAGOV"),
        ),
    ],
)
def test_a_threats_condition_named_by_a_noun_names_its_recipient(
    resolve, text: str, recipient: tuple[str, str]
) -> None:
    _, recipients = first_event_party_codes(resolve, text, date(2024, 1, 1))
    assert recipients[:1] == [recipient]


def test_whom_a_threat_names_comes_before_its_condition(resolve) -> None:
    _, recipients = first_event_party_codes(
        resolve, "Pyongyang threatened to strike Seoul if Washington deployed more bombers.", date(2024, 1, 1)
    )
    assert recipients[:1] == [("Seoul", "KORGOV")]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        (
            "The Chilean education minister resigned after thousands of protesters gathered outside "
            "the ministry.",
            ("thousands of protesters", "CHL"),
        ),
        (
            "President Kabila withdrew the tax bill a day after demonstrators stormed parliament in "
            "Kinshasa.",
            ("demonstrators", "COD"),
        ),
        (
            "Bowing to four weeks of strikes by Greek dockworkers, the minister scrapped the reform.",
            ("Greek dockworkers", "GRC"),
        ),
        (
            "The mayor of Lima stepped down, yielding to students who had occupied city hall for a week.",
            ("students", "PER"),
        ),
    ],
)
def test_a_concession_is_made_to_whoever_pressed_for_it(
    resolve, text: str, recipient: tuple[str, str]
) -> None:
    _, recipients = first_event_party_codes(resolve, text, date(2024, 1, 1))
    assert [(words, code[:3] if code else None) for words, code in recipients][:1] == [recipient]


def test_a_concession_after_an_act_of_no_protesters_has_no_presser(resolve) -> None:
    _, recipients = first_event_party_codes(
        resolve, "The finance minister resigned after the auditors published their report.", date(2024, 1, 1)
    )
    assert recipients == []
