"""On passages written for the project (issue 18, branch spk25): a sport's governing body or a
broadcaster named like a person ("World Athletics", "Northgate Television") is an organisation
that "the federation" or "the company" takes up; a name the text describes by a body's noun just
before it ("The fact-checking charity Full Fact") is no person, whatever NER calls it; a
spokesman is not the holder of another title ("the vice president"); an organisation's short
form in brackets ("(Ruwasa)", not its initials) is the organisation; "Estonia's central bank"
is no body above countries (the European Central Bank); "the two leaders" are a president and a
prime minister just named; a name that opens with an organisation's word ("Police Scotland") is
no person's; a nationality ("South Korean") is no party."""

from __future__ import annotations

from conftest import speakers_by_source as speakers


def test_a_federation_named_like_a_person_is_the_federation(resolve):
    found = speakers(
        resolve(
            "TOKYO - Kiran Patel withdrew from the final on Sunday, World Athletics said.\n\n"
            "The federation said the runner had a hamstring injury."
        )
    )
    assert found["The federation"] == "World Athletics"


def test_a_broadcaster_that_speaks_is_the_company(resolve):
    found = speakers(
        resolve(
            "The regulator fined Harwick Television 50,000 pounds on Monday for a misleading "
            "report on tap water.\n\n"
            "Harwick Television said it accepted the ruling. The company said it had already "
            "changed its guidelines."
        )
    )
    assert found["The company"] == "Harwick Television"


def test_a_name_after_a_bodys_noun_is_that_body(resolve):
    found = speakers(
        resolve(
            "The council approved the new bus lanes on Tuesday. The cycling charity Pedal Forward "
            "said it had asked for them for years. The charity said it would monitor the work."
        )
    )
    assert found["The charity"] == "Pedal Forward"


def test_a_spokesman_is_not_the_vice_president(resolve):
    found = speakers(
        resolve(
            "Police spokesman Arif Santoso said 30,000 officers were on duty in the capital.\n\n"
            "Foreign observers praised the calm of the voting day. The Vice President called on "
            "all sides to stay calm."
        )
    )
    assert found["The Vice President"] is None


def test_a_short_form_in_brackets_is_the_organisation(resolve):
    found = speakers(
        resolve(
            "The Rural Water Supply Agency (Ruwasa) said on Monday that reservoirs were at 40%. "
            "Ruwasa said rationing would begin in June."
        )
    )
    assert found["Ruwasa"] == "Rural Water Supply Agency"


def test_a_countrys_body_is_not_a_body_above_countries(resolve):
    found = speakers(
        resolve(
            "The European Central Bank fined Norvik Bank 2 million euros on Monday for "
            "misreporting its capital.\n\n"
            "Estonia's central bank said it had been informed in advance."
        )
    )
    assert found["Estonia's central bank"] != "European Central Bank"


def test_the_two_leaders_are_a_president_and_a_prime_minister(resolve):
    found = speakers(
        resolve(
            "President Ilse Varga arrived in Vienna on Monday for talks on gas supplies. "
            "Prime Minister Tomas Brenner said the meeting was overdue. "
            "The two leaders said they would meet again in June."
        )
    )
    assert found["The two leaders"] == "Ilse Varga and Tomas Brenner"


def test_a_name_opening_with_an_organisations_word_is_no_person(resolve):
    found = speakers(
        resolve(
            "INVERNESS, Scotland, Oct 12 (Wire) - A climber missing for two days has been found "
            "alive, Police Scotland said on Wednesday.\n\n"
            "The force said the woman was taken to hospital with a broken ankle."
        )
    )
    assert found["The force"] == "Police Scotland"


def test_a_countrys_party_is_not_its_people(resolve):
    found = speakers(
        resolve(
            "Survivors' groups in Seoul said the plan spared Japanese firms. One South Korean "
            "survivor said she would refuse the money.\n\n"
            "South Korea's main opposition party called the summit a humiliation."
        )
    )
    assert found["South Korea's main opposition party"] != "South Korean"
