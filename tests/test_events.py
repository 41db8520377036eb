"""PLOVER event coding on passages written for the project (published 2024-12-26)."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.extract import Extractor
from reportedly.model import Document


@pytest.fixture(scope="module")
def events(extractor: Extractor):
    def run(text: str) -> list[dict]:
        extraction = extractor.extract_one(Document("events", text, published=date(2024, 12, 26)))
        return [
            {
                "type": event.event_type,
                "trigger": event.trigger.text,
                "actor": [party.actor.code if party.actor else party.text for party in event.actor],
                "recipient": [party.actor.code if party.actor else party.text for party in event.recipient],
                "negated": event.negated,
                "hypothetical": event.hypothetical,
                "date": event.date,
                "context": event.context,
            }
            for event in extraction.events
        ]

    return run


def test_demand_that_another_party_act_first(events):
    (event,) = events("Russia demanded that Ukraine withdraw its troops first.")
    assert (event["type"], event["actor"], event["recipient"]) == ("REQUEST", ["RUSGOV"], ["UKR"])
    assert not event["negated"] and not event["hypothetical"]


def test_refusal_of_territorial_concessions(events):
    (event,) = events("Zelenskiy refused any territorial concessions to Russia.")
    assert (event["type"], event["trigger"], event["actor"]) == ("REJECT", "refused", ["UKRGOV"])
    assert event["recipient"] == ["RUS"]


def test_ruling_out_is_a_rejection(events):
    (event,) = events("Zelenskiy rules out ceding land as envoys prepare new round")
    assert (event["type"], event["trigger"], event["actor"]) == ("REJECT", "rules", ["UKRGOV"])


def test_conditional_offer_is_hypothetical(events):
    (event,) = events('"If the signal is serious, we will respond," Lavrov said.')
    assert (event["type"], event["actor"], event["hypothetical"]) == ("AGREE", ["RUSGOV"], True)


def test_negated_statement_is_kept_and_marked(events):
    (event,) = events("Moscow never recognized the annexation, Peskov said.")
    assert (event["type"], event["trigger"], event["negated"]) == ("SUPPORT", "recognized", True)


def test_a_recognition_refused_for_the_future_is_a_rejection(events):
    (event,) = events("Moscow will never recognize the annexation, Peskov said.")
    assert (event["type"], event["trigger"], event["negated"]) == ("REJECT", "recognize", False)


def test_occupation_with_its_date(events):
    (event,) = events("Russian troops occupied the town of Kupiansk on Tuesday.")
    assert (event["type"], event["actor"], event["date"]) == ("COERCE", ["RUSMIL"], "2024-12-24")


def test_ceasefire_agreed_by_both_sides(events):
    (event,) = events("Russia and Ukraine agreed to a ceasefire on Monday.")
    assert event["type"] == "AGREE"
    assert [code[:3] for code in event["actor"]] == ["RUS", "UKR"]
    assert event["date"] == "2024-12-23"


def test_titled_person_unknown_to_dictionaries_takes_the_country_named(events):
    (event,) = events("President Kamau Otieno threatened to impose a curfew in Nairobi.")
    assert (event["type"], event["actor"]) == ("THREATEN", ["KENGOV"])


def test_recipient_found_deep_in_the_clause(events):
    (event,) = events("Hundreds of refugees began a hunger strike to protest against Sweden's decision.")
    assert (event["type"], event["recipient"]) == ("PROTEST", ["SWE"])


def test_people_and_led_forces_name_their_country(events):
    # (an ethnic minority is of the country it lives in: tests/test_events_places.py)
    (first,) = events("Serb forces killed three Albanians near the border.")
    (second,) = events("Saudi-led forces shelled the port of Hodeidah.")
    assert (first["type"], first["actor"], first["recipient"]) == ("ASSAULT", ["SRBMIL"], ["ALB"])
    assert (second["type"], second["actor"]) == ("ASSAULT", ["SAUMIL"])


def test_context_comes_from_the_sentence_words(events):
    (tariffs,) = events("The European Union agreed to new tariffs on Chinese steel.")
    (occupation,) = events("Russian troops occupied the town of Kupiansk on Tuesday.")
    assert (tariffs["type"], tariffs["context"]) == ("AGREE", ["economic"])
    assert occupation["context"] == ["military"]
