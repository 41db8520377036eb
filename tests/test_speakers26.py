"""On passages written for the project (issue 18, branch spk26): a body's noun that is a
clause's subject takes up the body that was the subject of the clause just before ("Kestrel
Wanderers sacked ..., and the club said"), even a name NER read as a person's, and over another
body of its kind ("The Northern Weather Agency had issued ... The agency said"); "the group" is any
organisation's noun, a federation's as well; a name's head noun before "of" tells its kind
("the Bureau of Hydrology": "the bureau"); a person with a first name is taken up by no body's
noun; "the Senate majority leader" and "the House speaker" are the holders on the day (data:
office_holders.tsv)."""

from __future__ import annotations

from datetime import date

from reportedly.resolve.nominals import name_head

from conftest import speakers_by_source as speakers


def test_a_club_named_like_a_person_taken_up_by_the_club(resolve):
    found = speakers(
        resolve(
            "Kestrel Wanderers sacked their head coach on Monday after nine games without a win, "
            "and the club said a successor would be named within a week."
        )
    )
    assert found["the club"] == "Kestrel Wanderers"


def test_the_agency_just_named_as_the_subject(resolve):
    found = speakers(
        resolve(
            "The Coastal Rescue Agency said its crews had brought 40 people to safety overnight. "
            "Roads along the shore were closed.\n\n"
            "The Northern Weather Agency had issued its first red warning since 2017. The agency "
            "said gusts of 160 km/h were recorded on the islands."
        )
    )
    assert found["The agency"] == "Northern Weather Agency"


def test_the_group_is_a_federation_just_named(resolve):
    found = speakers(
        resolve(
            "Prices of fertiliser rose by a third in March. The Welsh Growers Federation called "
            "for emergency aid. The group said hundreds of farms could close."
        )
    )
    assert found["The group"] == "Welsh Growers Federation"


def test_a_name_with_of_is_typed_by_its_head(resolve):
    found = speakers(
        resolve(
            "Scientists at the Bureau of Hydrology said the river was at its lowest in a "
            "century. Farmers along the valley said their wells had run dry. The bureau said "
            "rain was not expected before October."
        )
    )
    assert found["The bureau"] == "Bureau of Hydrology"
    assert name_head("Bureau of Hydrology") == "bureau"


def test_a_person_is_not_taken_up_by_a_bodys_noun(resolve):
    found = speakers(
        resolve(
            "Michael Lawson resigned from the board on Friday. The company said it would name "
            "a new director next month."
        )
    )
    assert found["The company"] is None


def test_the_candidate_is_the_one_whose_campaign_is_named(resolve):
    found = speakers(
        resolve(
            "Senator Dana Whitcombe's campaign hired a new manager on Wednesday, the Whitcombe "
            "campaign said.\n\n"
            "The manager, Paul Brenner, ran a Senate race in Ohio in 2012. Brenner has argued "
            "for more ads on local radio, which the candidate has said she favours."
        )
    )
    assert found["the candidate"] == "Dana Whitcombe"


def test_a_description_takes_up_the_person_just_named_as_the_subject(resolve):
    found = speakers(
        resolve(
            "The club beat Norwood 2-0 on Saturday. Team captain Joel Mbeki said the win was "
            '"for the fans". The 400-game veteran said the squad had never been fitter.'
        )
    )
    assert found["The 400-game veteran"] == "Joel Mbeki"


def test_the_senate_majority_leader_on_the_day(resolve):
    found = speakers(
        resolve(
            "Republicans in the House passed another stopgap bill on Tuesday. The Senate "
            "majority leader dismissed the bill as a gimmick.",
            published=date(2013, 10, 2),
        )
    )
    assert found["The Senate majority leader"] == "Harry Reid"
