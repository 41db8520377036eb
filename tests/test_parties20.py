"""Event recipients (issue 19, branch rec20), on passages written for the project: the owner
of an act or decision that a passive's subject names, and the owner of a decision a named
recipient is only part of."""

from __future__ import annotations

from conftest import only_first_event, party_codes


def test_a_passive_done_to_a_decision_is_done_to_its_owner(resolve) -> None:
    event = only_first_event(
        resolve, "A Palestinian bid for membership of the United Nations was blocked by the United States."
    )
    assert event.event_type == "REJECT"
    assert party_codes(event.recipient) == [("Palestinian", "PSE")]


def test_a_passive_done_to_a_possessed_proposal_is_done_to_its_owner(resolve) -> None:
    event = only_first_event(resolve, "Iran's proposal was rejected by Washington on Tuesday.")
    assert party_codes(event.recipient) == [("Iran", "IRN")]


def test_a_name_inside_a_decision_gives_way_to_the_decision_owner(resolve) -> None:
    text = (
        "Tens of thousands of Georgians rallied outside parliament against the government's"
        " decision to shelve talks on joining the European Union."
    )
    event = only_first_event(resolve, text)
    assert event.event_type == "PROTEST"
    assert party_codes(event.recipient) == [("the government", "GEOGOV")]


def test_a_name_inside_a_bill_gives_way_to_the_bill_owner(resolve) -> None:
    text = (
        "Students in Seoul protested against the government's bill, which would allow closer ties with Japan."
    )
    event = only_first_event(resolve, text)
    assert event.recipient and event.recipient[0].text == "the government"
