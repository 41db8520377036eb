"""Titles and nominal anaphora against what the text says of each candidate (issue 18, branch
spk10), on passages written for the project: a title's modifiers against the role the text
gave a candidate ("The socialist leader" is not "opposition leader Juan Guaido"), a
spokesman who is not his principal, a noun's kind that no person or place is ("the journal",
"the protest movement"), and a country a body's name gives ("India's weather agency")."""

from __future__ import annotations

from datetime import date

from reportedly.resolve.nominals import kind_excludes, role_modifiers

from conftest import speakers_by_source as speakers


def test_a_title_s_modifiers_are_the_words_before_its_role_that_say_which_holder():
    assert role_modifiers(["socialist", "leader"]) == {"socialist"}
    assert role_modifiers(["opposition", "leader"]) == {"opposition"}
    # Qualifiers and words any holder may bear say nothing of which one.
    assert role_modifiers(["former", "new", "prime", "minister"]) == frozenset()
    assert role_modifiers(["minister", "of", "justice"]) == frozenset()
    assert role_modifiers(["socialist", "comrade"]) == frozenset()  # no role at all


def test_the_socialist_leader_is_not_the_opposition_leader(resolve):
    extraction = resolve(
        "Opposition leader Juan Guaido declared himself interim president on Wednesday, and "
        "the United States recognised him within minutes.\n\n"
        "Nicolas Maduro said he was breaking diplomatic relations with Washington. The socialist "
        "leader said American diplomats had 72 hours to leave the country.",
        date(2019, 1, 24),
    )
    assert speakers(extraction)["The socialist leader"] == "Nicolas Maduro"


def test_a_spokesman_is_not_the_principal_who_spoke_before(resolve):
    extraction = resolve(
        "Prime Minister David Cameron will visit Brussels on Friday. The prime minister's "
        "spokesman said the talks would be hard. The spokesman added that no deal was expected "
        "before March.",
        date(2016, 2, 10),
    )
    assert speakers(extraction)["The spokesman"] is None


def test_a_spokesman_the_text_names_is_that_spokesman(resolve):
    extraction = resolve(
        "Chancellor Angela Merkel met the Greek prime minister in Berlin. A government spokesman, "
        "Steffen Seibert, said the meeting had been constructive. The spokesman said further "
        "talks were planned for April.",
        date(2015, 3, 24),
    )
    assert speakers(extraction)["The spokesman"] == "Steffen Seibert"


def test_no_person_or_country_is_a_company_or_a_movement():
    assert kind_excludes(frozenset({"company"}), person=True, place=False)
    assert kind_excludes(frozenset({"armed", "party", "organisation"}), person=False, place=True)
    # A country may speak as its agency or government; people make polls and campaigns.
    assert not kind_excludes(frozenset({"agency"}), person=False, place=True)
    assert not kind_excludes(frozenset({"poll"}), person=True, place=False)


def test_the_journal_is_not_the_author_named_before(resolve):
    extraction = resolve(
        "Researchers in Sweden published the study in Nature on Wednesday. Lead "
        "author Karin Frei said the results had surprised her team. The journal said in an "
        "editorial that ancient DNA was transforming prehistory.",
        date(2019, 5, 8),
    )
    assert speakers(extraction)["The journal"] is None


def test_one_country_s_agency_is_not_another_country_s(resolve):
    extraction = resolve(
        "Cyclone Remal made landfall on Sunday night. The Bangladesh Meteorological Department "
        "said winds had reached 110 km/h. India's weather agency said the storm would bring "
        "heavy rain to the northeast.",
        date(2024, 5, 27),
    )
    found = speakers(extraction)
    assert found["The Bangladesh Meteorological Department"] == "Bangladesh Meteorological Department"
    assert found["India's weather agency"] is None
