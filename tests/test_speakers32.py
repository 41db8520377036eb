"""On passages written for the project (issue 18, branch spk32): a document's noun speaks as
the one who said or wrote its words in it ("Mook wrote in a memo ... The memo said", "a memo
written by Rosenstein ... The memo faulted"); "both" or "the two" standing alone takes up the
pair its sentence, or one of the three before, coordinates; "both founders" takes up the pair
the text named by that noun, however far back.
"""

from __future__ import annotations

from conftest import speakers_by_source as speakers


def test_a_document_speaks_as_who_wrote_in_it(resolve):
    found = speakers(
        resolve(
            "The mayor's chief of staff, Dana Whitlow, wrote in a memo to council members that "
            "the budget would be late. Two council members said they had not seen it. The memo "
            "said the delay was caused by a software fault."
        )
    )
    assert found["The memo"] == "Dana Whitlow"


def test_a_document_speaks_as_the_agent_of_its_participle(resolve):
    found = speakers(
        resolve(
            "The board met on Monday to discuss a report written by auditor Helen Marsh. Members "
            "argued for three hours. The report found that the fund had lost 12 million dollars."
        )
    )
    assert found["The report"] == "Helen Marsh"


def test_both_alone_takes_up_the_pair_coordinated_before(resolve):
    found = speakers(
        resolve(
            "Senator Maria Lopez and Governor Tom Becker visited the flooded town on Friday, and "
            "both said the state would pay for the repairs."
        )
    )
    assert found["both"] == "Maria Lopez and Tom Becker"


def test_both_of_a_noun_takes_up_the_pair_it_named_far_back(resolve):
    found = speakers(
        resolve(
            "Oslo's Fjord Robotics cut a quarter of its staff in May. We asked its co-founders, "
            "Ingrid Dahl and Erik Moen, why.\n\nThe company's investors say the cuts came too "
            "late. A former engineer said the office had been chaotic for months. Another said "
            "she had not been paid for overtime. A third said the managers were kind. The union "
            "said it would take the case to court. Asked about the claims, both founders said "
            "the company had paid everyone in full."
        )
    )
    assert found["both founders"] == "Ingrid Dahl and Erik Moen"


def test_the_two_alone_takes_up_the_two_people_last_named(resolve):
    found = speakers(
        resolve(
            "Shop owners in the old town were divided. A baker, Lena Fischer, said the new road "
            "would bring customers; her neighbour, a tailor named Otto Brandt, said it would "
            "bring only noise. The two agreed on one thing: the parking fees are too high."
        )
    )
    assert found["The two"] == "Lena Fischer and Otto Brandt"


def test_both_of_a_role_no_one_holds_takes_up_the_two_people_last_named(resolve):
    found = speakers(
        resolve(
            "Maria Lindqvist won 49.8 percent of the vote, while Johan Berg won 49.6 percent. "
            "Party officials said a recount could not be done. At a debate on Thursday, both "
            "candidates said the result was no big deal."
        )
    )
    assert found["both candidates"] == "Maria Lindqvist and Johan Berg"


def test_names_qualifying_a_noun_are_no_pair(resolve):
    found = speakers(
        resolve(
            "Paris start-up Mistral Labs Inc. agreed a deal with Microsoft on Monday, a year after three "
            "former Google and Meta engineers founded it. Both companies said the model would "
            "be sold to businesses from April."
        )
    )
    assert found["Both companies"] == "Mistral Labs Inc. and Microsoft"


def test_a_title_is_not_the_country_that_owns_it(resolve):
    found = speakers(
        resolve(
            "Ghana's culture minister, Abena Owusu, received the masks in Accra on Friday. The "
            "minister said the return was long overdue."
        )
    )
    assert found["The minister"] == "Abena Owusu"
