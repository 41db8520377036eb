"""On passages written for the project (issue 18, branch spk19): a name that owns a person's
noun is not that person ("the mayor's campaign manager"); a journalist tied to an outlet
("Radio Norte's Ana Ruiz") is the media's title ("the host"), not the politician just named; a
place before a body's noun ("a Tulsa newspaper") is no newspaper itself; a phrase the parse
hung on the verb after it ("the GOP nominee feuds") is headed by its last noun."""

from __future__ import annotations

from reportedly.nlp.pipeline import load_spacy
from reportedly.resolve.speakers import _phrase_head

from conftest import speakers_by_source as speakers


def test_a_name_owning_a_persons_noun_is_not_the_speaker(resolve):
    found = speakers(
        resolve(
            "Mayor Karen Holt opened her reelection bid in Dayton on Monday. "
            "Holt's campaign manager said the team had raised $2 million."
        )
    )
    assert found["Holt's campaign manager"] is None


def test_a_name_owning_a_statement_still_speaks(resolve):
    found = speakers(
        resolve(
            "Mayor Karen Holt opened her reelection bid in Dayton on Monday. "
            "Holt's statement said the race was close."
        )
    )
    assert found["Holt's statement"] == "Karen Holt"


def test_a_journalist_of_an_outlet_is_the_host_not_the_guest(resolve):
    found = speakers(
        resolve(
            "Senator Tom Briggs appeared on CNN's morning show with CNN's Dana Ruiz on Sunday. "
            "Briggs defended the farm bill for twenty minutes. "
            '"Nobody in Iowa believes that," the host said.'
        )
    )
    assert found["the host"] == "Dana Ruiz"


def test_a_place_before_a_newspaper_is_no_newspaper(resolve):
    found = speakers(
        resolve(
            "A Tulsa newspaper criticised the governor on Friday. "
            "Flooding in Tulsa has left thousands homeless, and Tulsa's mayor asked for help. "
            '"The state must act," the newspaper wrote.'
        )
    )
    assert found["the newspaper"] != "Tulsa"


def test_a_phrase_the_parse_hung_on_a_verb_is_headed_by_its_last_noun():
    doc = load_spacy()("Publicly, the GOP nominee feuds with his party's biggest national stars.")
    phrase = doc[2:5]
    assert phrase.text == "the GOP nominee"
    assert _phrase_head(phrase).text == "nominee"
    assert _phrase_head(doc[10:13]).text == "stars"  # a phrase parsed well keeps its root


def test_a_company_named_with_a_tail_word_is_a_company_far_back(resolve):
    filler = " ".join(
        f"Analysts in {city} had expected a smaller drop." for city in ("Boston", "Denver", "Austin")
    )
    found = speakers(
        resolve(
            "Norvel Pharmaceuticals International cut its yearly forecast on Monday. "
            "The Ohio Retail Council met in Columbus on the same day. "
            f"Shares fell 20 percent. {filler} Trading was heavy. "
            "The company said sales of its acne drugs had slumped."
        )
    )
    assert found["The company"] == "Norvel Pharmaceuticals International"
