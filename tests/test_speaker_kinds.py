"""Titles and nominal anaphora against what the text says of each candidate (issue 18, branch
spk10), on passages written for the project: a title's modifiers against the role the text
gave a candidate ("The socialist leader" is not "opposition leader Juan Guaido"), a
spokesman who is not his principal, a noun's kind that no person or place is ("the journal",
"the protest movement"), and a country a body's name gives ("India's weather agency")."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.resolve.nominals import kind_excludes, role_modifiers

from conftest import speakers_by_source as speakers


def test_a_title_s_modifiers_are_the_words_before_its_role_that_say_which_holder():
    assert role_modifiers(["socialist", "leader"]) == {"socialist"}
    assert role_modifiers(["opposition", "leader"]) == {"opposition"}
    # Qualifiers and words any holder may bear say nothing of which one.
    assert role_modifiers(["former", "new", "prime", "minister"]) == frozenset()
    assert role_modifiers(["minister", "of", "justice"]) == frozenset()
    assert role_modifiers(["socialist", "comrade"]) == frozenset()  # no role at all


CYCLONE = (
    "Cyclone Remal made landfall on Sunday night. The Bangladesh Meteorological Department "
    "said winds had reached 110 km/h. India's weather agency said the storm would bring "
    "heavy rain to the northeast."
)


@pytest.mark.parametrize(
    ("text", "published", "source", "expected"),
    [
        # A title's modifiers against the role the text gave a candidate.
        (
            "Opposition leader Juan Guaido declared himself interim president on Wednesday, and "
            "the United States recognised him within minutes.\n\n"
            "Nicolas Maduro said he was breaking diplomatic relations with Washington. The socialist "
            "leader said American diplomats had 72 hours to leave the country.",
            date(2019, 1, 24),
            "The socialist leader",
            "Nicolas Maduro",
        ),
        # A spokesman is not the principal who spoke before...
        (
            "Prime Minister David Cameron will visit Brussels on Friday. The prime minister's "
            "spokesman said the talks would be hard. The spokesman added that no deal was expected "
            "before March.",
            date(2016, 2, 10),
            "The spokesman",
            None,
        ),
        # ... but the spokesman the text names.
        (
            "Chancellor Angela Merkel met the Greek prime minister in Berlin. A government spokesman, "
            "Steffen Seibert, said the meeting had been constructive. The spokesman said further "
            "talks were planned for April.",
            date(2015, 3, 24),
            "The spokesman",
            "Steffen Seibert",
        ),
        # The journal is not the author named before.
        (
            "Researchers in Sweden published the study in Nature on Wednesday. Lead "
            "author Karin Frei said the results had surprised her team. The journal said in an "
            "editorial that ancient DNA was transforming prehistory.",
            date(2019, 5, 8),
            "The journal",
            None,
        ),
        # One country's agency is not another country's.
        (
            CYCLONE,
            date(2024, 5, 27),
            "India's weather agency",
            None,
        ),
        (
            CYCLONE,
            date(2024, 5, 27),
            "The Bangladesh Meteorological Department",
            "Bangladesh Meteorological Department",
        ),
    ],
)
def test_a_description_goes_only_to_a_candidate_of_its_kind_role_and_country(
    resolve, text, published, source, expected
):
    assert speakers(resolve(text, published))[source] == expected


def test_no_person_or_country_is_a_company_or_a_movement():
    assert kind_excludes(frozenset({"company"}), person=True, place=False)
    assert kind_excludes(frozenset({"armed", "party", "organisation"}), person=False, place=True)
    # A country may speak as its agency or government; people make polls and campaigns.
    assert not kind_excludes(frozenset({"agency"}), person=False, place=True)
    assert not kind_excludes(frozenset({"poll"}), person=True, place=False)
