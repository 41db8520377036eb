"""Acts only mentioned are no events, and places only named alongside are no recipients:
declining to say, a question, a sanction spoken of; a place that qualifies a noun or is
the topic of talks. Passages written for the project after the wire examples issue 19 found
coded wrongly."""

from __future__ import annotations

import pytest

from reportedly.model import EventActor


def texts(parties: list[EventActor]) -> list[str]:
    return [party.text for party in parties]


@pytest.mark.parametrize(
    "text",
    [
        # declining to say is silence, and what it would not say is only asked about
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Tuesday. He declined to say whether "
        "President Vladimir Putin would join the Geneva meeting.",
        "The Russian Foreign Ministry declined to comment on the report.",
        # a sanction the sentence speaks of is no act of the speaker's
        "Kremlin says sanctions will not change its course",
        "Kremlin spokesman Dmitry Peskov said on Tuesday that new European sanctions would not "
        "change Russia's position in the talks.",
        # nor does a looser verb pattern code the sentence instead ("approved" CONCEDE)
        "German Chancellor Olaf Scholz told the broadcaster ZDF that Berlin expects the sanctions "
        "package to be approved this week.",
    ],
)
def test_an_act_only_mentioned_is_no_event(extract, text: str):
    assert [(event.event_type, event.trigger.text) for event in extract(text).events] == []


@pytest.mark.parametrize(
    ("text", "event_type", "trigger", "actor", "recipient"),
    [
        # a refusal of an act, not of speech, stays a rejection
        (
            "Russia declined the invitation to the summit in Geneva.",
            "REJECT",
            "declined",
            ["Russia"],
            ["the invitation to the summit in Geneva"],
        ),
        ("Russia refused to withdraw its troops from Moldova.", "REJECT", "refused", ["Russia"], ["Moldova"]),
        # sanctions imposed, or someone's own, keep their party
        (
            "The European Union imposed new sanctions on Iran.",
            "SANCTION",
            "sanctions",
            ["The European Union"],
            ["Iran"],
        ),
        (
            "The United States said its sanctions on Venezuela had hurt the regime.",
            "SANCTION",
            "sanctions",
            ["United States"],
            ["Venezuela"],
        ),
        ("Berlin approved the sanctions package on Friday.", "SANCTION", "sanctions", ["Berlin"], []),
        # a place that qualifies a noun is no recipient
        ("Russia rejects Western proposal for Black Sea talks", "REJECT", "rejects", ["Russia"], []),
        # what is to be discussed is the topic, not who is talked with
        (
            "He added that Kyiv was ready to discuss a prisoner exchange and the safety of the "
            "Zaporizhzhia nuclear plant.",
            "AGREE",
            "discuss",
            ["Kyiv"],
            [],
        ),
        # passing messages between two sides is mediation, the sides receive
        (
            "He said Turkey had passed messages between Moscow and Kyiv on a prisoner exchange.",
            "CONSULT",
            "passed",
            ["Turkey"],
            ["Moscow", "Kyiv"],
        ),
    ],
)
def test_acts_done_keep_their_type_and_parties(
    extract, text: str, event_type: str, trigger: str, actor: list[str], recipient: list[str]
):
    events = extract(text).events
    assert [(event.event_type, event.trigger.text) for event in events][:1] == [(event_type, trigger)]
    assert (texts(events[0].actor), texts(events[0].recipient)) == (actor, recipient)
