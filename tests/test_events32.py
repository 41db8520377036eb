"""Event type on unseen news (issue 19, branch ev32): an auxiliary before its subject opens a
condition wherever the parser hangs its clause; a party's forces declared legitimate or
hostile targets are threatened; a prize granted is praise; a people named by nationality
evacuated or expelled are people; the adjective a verb makes of its object after the object;
a future shared by joined verbs; proceedings brought; relief named by what it includes; water
cannon blasted; revenues withheld; diplomats declared persona non grata; imports resumed;
launchers moved and forces on maximum readiness; a crowd packing a place protests; goods
trucked. Passages written for the project."""

from __future__ import annotations

import pytest

from conftest import first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "should" before its subject after a noun opens a condition, not an obligation
        (
            "The militia's commander says every British tanker in the gulf becomes a legitimate"
            " target should London bomb its bases.",
            ("THREATEN", "target"),
        ),
        (
            "The army said it would treat Greek frigates near the islands as hostile targets.",
            ("THREATEN", "targets"),
        ),
        # a prize granted is praise, not aid
        (
            "The Norwegian parliament granted its human rights prize to Belarus's jailed opposition leaders.",
            ("SUPPORT", "granted"),
        ),
        # a people named by nationality evacuated is people brought out
        (
            "The Indian navy evacuated 2,000 Indians from Yemen on two ships.",
            ("AID", "evacuated"),
        ),
        # the adjective a verb makes of its object, after the object
        (
            "The Serbian side considers the Albanian proposal on an exchange of villages around the"
            " Presevo valley unacceptable, the minister said.",
            ("REJECT", "considers"),
        ),
        # a future shared by a verb joined to the one that has it
        (
            "Iran will protect its waters and strike any warship that enters them, the commander said.",
            ("THREATEN", "strike"),
        ),
        # proceedings brought against a state accuse it
        (
            "Canada has brought proceedings against Iran at the International Court of Justice.",
            ("ACCUSE", "proceedings"),
        ),
        # relief named by what it includes
        (
            "Turkey dispatched relief material including blankets and food to flood-hit Pakistan.",
            ("AID", "dispatched"),
        ),
        # water cannon fired or blasted is repression
        (
            "The Chinese coast guard blasted a Vietnamese fishing boat with water cannon near the"
            " Paracel Islands.",
            ("COERCE", "blasted"),
        ),
        # revenues withheld are a sanction
        (
            "Israel withheld $40 million in customs revenues from the Palestinian Authority.",
            ("SANCTION", "withheld"),
        ),
        # a diplomat declared persona non grata is expelled
        ("Bolivia declared the Chilean consul persona non grata on Monday.", ("SANCTION", "persona")),
        # imports resumed from a country end a ban
        (
            "The Russian government decided to resume the import of fruit from Moldova.",
            ("RETREAT", "import"),
        ),
        # launchers moved, forces put on maximum readiness
        (
            "North Korea moves short-range missile launchers toward the western border.",
            ("MOBILIZE", "moves"),
        ),
        (
            "Pakistan places its air force on maximum readiness near the Line of Control.",
            ("MOBILIZE", "readiness"),
        ),
        # the participle of a crowd packing a place is its protest
        (
            "Thousands of farmers packed the main square of Bucharest, demanding higher subsidies"
            " from the government.",
            ("PROTEST", "packed"),
        ),
        # goods trucked to people are delivered
        ("The WFP trucked food to families displaced by the floods in Sindh.", ("AID", "trucked")),
    ],
)
def test_event_type_round_fourteen(extract, text, expected):
    assert first_event(extract, text) == expected
