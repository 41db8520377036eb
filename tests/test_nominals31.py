"""On passages written for the project (issue 18, branch nom31): a state organ's noun speaks
for the country its phrase names ("the Ethiopian side", "the government of Mexico"), or the
one the nearest earlier phrase of the same noun named ("Russia's defence ministry said ...
The ministry added"); a body's noun takes up the one name that was a subject in the sentence
before where the parse hung that sentence on its dateline ("TURIN (Wire) - Serie B strugglers
Sporting Valdora sacked ... The club thanked"); a body's noun goes to the one body whose name
ends with it ("the hospital": Riverside General Hospital) where the ranker chose none of the
noun's own kind; a band and a television company are bodies of their kinds; a state organ
named by its people's adjective alone ("the Qatari side") is its country.
"""

from __future__ import annotations

from conftest import speakers_by_source as speakers


def test_a_state_organ_speaks_for_the_country_its_phrase_names(resolve):
    found = speakers(
        resolve(
            "Egypt and Sudan asked the Security Council to meet over the dam on the Blue Nile. "
            "Ethiopia has refused to stop filling the reservoir. The Ethiopian side said the "
            "filling was a normal stage of construction. The government of Mexico said it "
            "supported further talks."
        )
    )
    assert found["The Ethiopian side"] == "Ethiopia"
    assert found["The government of Mexico"] == "Mexico"


def test_a_ministry_takes_up_the_country_of_the_ministry_named_before(resolve):
    found = speakers(
        resolve(
            "Russia's defence ministry says it has pulled its troops back across the Dnipro "
            "river near Kherson. The ministry said no equipment had been left behind. Ukraine "
            "said its forces were entering the city."
        )
    )
    assert found["The ministry"] == "Russia"


def test_a_body_noun_takes_up_the_subject_of_a_lede_hung_on_its_dateline(resolve):
    found = speakers(
        resolve(
            "TURIN, March 3 (Wire) - Serie B strugglers Sporting Valdora sacked head coach Paolo "
            "Bruni on Monday after a run of six games without a win.\n\nThe club thanked Bruni "
            "for his work and said a successor would be named this week."
        )
    )
    assert found["The club"] == "Sporting Valdora"


def test_a_body_noun_goes_to_the_one_body_its_name_ends_with_over_another_kind(resolve):
    found = speakers(
        resolve(
            "A second nurse has tested positive for measles at Riverside General Hospital. The "
            "Centers for Disease Control and Prevention said it would send a team to the city. "
            "The agency later said it was tracing 30 contacts. The hospital said the nurse was "
            "in stable condition."
        )
    )
    assert found["The hospital"] == "Riverside General Hospital"


def test_a_band_and_a_broadcaster_are_bodies_of_their_kinds(resolve):
    found = speakers(
        resolve(
            "Scottish folk band Copper Lanterns have called off their spring tour, the band said "
            "on Monday. Harbourside Television was fined by the regulator on Tuesday. The company "
            "said it would not appeal."
        )
    )
    assert found["the band"] == "Copper Lanterns"
    assert found["The company"] == "Harbourside Television"


def test_a_state_organ_named_by_its_people_s_adjective_alone_is_its_country(resolve):
    found = speakers(
        resolve(
            "The foreign minister discussed the situation in Afghanistan with his counterpart by "
            "telephone. The Qatari side expressed readiness to cooperate."
        )
    )
    assert found["The Qatari side"] == "Qatar"
