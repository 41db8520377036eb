"""On passages written for the project (issue 18, branch spk23): a firm NER missed that opens
a wire story after its dateline's dash ("OSLO, May 3 (Wire) - Norvik cut ...") is "the
shipbuilder" after it; "the museum" takes up a museum named just before; "the company" takes up
the one firm of no known kind named as a subject a few sentences back, past sentences about
its people; a people's name that is the same in the plural ("The Portuguese", "The Swiss") is
the person just named when its verb is not plural; a title goes to the one the text gave that
very role a few sentences back, not to someone named since whom it never gave it; an
organisation's word NER took alone goes on past "of", "on", "for" and the proper nouns after it."""

from __future__ import annotations

from conftest import speakers_by_source as speakers


def test_a_firm_after_a_datelines_dash_is_its_description(resolve):
    found = speakers(
        resolve(
            "OSLO, May 3 (Wire) - Norvik cut its delivery forecast for the second time this year "
            "on Thursday, blaming late steel shipments from its suppliers.\n\n"
            "The Bergen-based shipbuilder said operating profit fell 12% in the first quarter."
        )
    )
    assert found["The Bergen-based shipbuilder"] == "Norvik"


def test_the_museum_is_the_museum_just_named(resolve):
    found = speakers(
        resolve(
            "The Kelvinhall Museum will return a carved drum to Malawi after a review found it "
            "was taken during a colonial raid, the museum said on Thursday."
        )
    )
    assert found["the museum"] == "Kelvinhall Museum"


def test_the_company_is_the_one_firm_named_as_a_subject_before_its_people(resolve):
    found = speakers(
        resolve(
            "Telvora reported a 9% rise in annual profit on Thursday. "
            "Chief executive Amara Okafor told an investor call that data revenue grew 6%. "
            '"We said last year that prices would recover, and they have," she said. '
            "She added that the new network would launch in March. "
            "The company proposed a dividend of 1.1 shillings a share."
        )
    )
    assert found["The company"] == "Telvora"


def test_the_portuguese_is_the_person_just_named(resolve):
    found = speakers(
        resolve(
            "Benfica coach Rui Almeida refused to blame the referee after the defeat. "
            "The Portuguese said his side had deserved to lose."
        )
    )
    assert found["The Portuguese"] == "Rui Almeida"


def test_a_title_goes_to_the_one_given_it_not_to_someone_named_since(resolve):
    found = speakers(
        resolve(
            "PORTLAND (Wire) - Maria Delgado named Oregon Governor Tom Brecken as her running mate "
            "on Tuesday, a week after Senator Paul Ortiz left the race.\n\n"
            '"He is a fighter," Delgado told a rally in Portland. The Delgado campaign said it had '
            "raised 12 million dollars overnight. The campaign said more than half of donors were "
            "new.\n\nThe Oregon governor told the crowd that the race was wide open."
        )
    )
    assert found["The Oregon governor"] == "Tom Brecken"


def test_an_organisation_word_goes_on_past_on_and_proper_nouns(resolve):
    found = speakers(
        resolve(
            "The Commission on Broadcast Standards acknowledged late on Tuesday that there had "
            "been problems with the sound in the studio. The commission said the problems "
            "affected only the audience, not the broadcast."
        )
    )
    assert found["The commission"] == "Commission on Broadcast Standards"
