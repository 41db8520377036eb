"""Descriptions by nationality and age, capitalised titles, titles of another country or
office, names NER missed and "both" of a kind, on passages written for the project (issue 18)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import speakers_by_source as speakers

# Each row: a passage, its day, a source in it and the name of the entity it speaks as (None:
# no one); the id says what the passage shows.
SOURCE_SPEAKS_AS = [
    *(
        pytest.param(
            text,
            date(2023, 10, 1),
            source,
            name,
            id=f"a_nationality_or_an_age_describes_the_person_just_named:{name}",
        )
        for text, source, name in [
            (
                "Chelsea manager Mauricio Pochettino praised his players after the win on Saturday. "
                "The Argentine said the team had shown real character.",
                "The Argentine",
                "Mauricio Pochettino",
            ),
            (
                "Rafael Nadal won his 14th French Open title on Sunday. "
                "The 36-year-old said he had feared he would never play again.",
                "The 36-year-old",
                "Rafael Nadal",
            ),
            (
                "Kenya's Faith Kipyegon won the 1,500 metres on Tuesday. "
                "The 30-year-old said she had run the race of her life.",
                "The 30-year-old",
                "Faith Kipyegon",
            ),
        ]
    ),
    pytest.param(
        "Australian coach Tony Jones praised the referee after the final. "
        "The Brazilian said the match had been fair.",
        date(2022, 6, 5),
        "The Brazilian",
        None,
        id="a_nationality_is_no_one_the_text_gives_another",
    ),
    pytest.param(
        "Prime Minister Kyriakos Mitsotakis chaired a cabinet meeting in Athens on Monday. "
        "The Prime Minister said the wildfires were under control.",
        date(2023, 8, 1),
        "The Prime Minister",
        "Kyriakos Mitsotakis",
        id="a_capitalised_title_is_the_holder_the_text_names_not_an_organisation",
    ),
    pytest.param(
        "Dutch Prime Minister Mark Rutte said the recovery fund was too large. "
        "Italy's prime minister said the money was needed at once.",
        date(2020, 7, 17),
        "Italy's prime minister",
        "Giuseppe Conte",
        id="a_title_of_another_country_is_its_holder_not_the_one_named",
    ),
    pytest.param(
        "Prime Minister Mark Rutte arrived in Brussels on Thursday. "
        "The High Representative said the talks would be difficult.",
        date(2020, 7, 17),
        "The High Representative",
        None,
        id="a_title_of_another_office_is_not_the_person_last_named",
    ),
    pytest.param(
        "Nordhavn Robotics opened a factory in Aarhus on Monday. "
        "The company said it would hire 300 engineers.",
        date(2024, 3, 1),
        "The company",
        "Nordhavn Robotics",
        id="the_company_is_a_name_ner_missed_that_opens_the_story",
    ),
    pytest.param(
        "Temperatures reached 46 degrees in the south of France on Friday. The French government "
        "announced that schools would close. The government said the measure was temporary.",
        date(2019, 6, 28),
        "The government",
        "France",
        id="the_government_is_the_country_not_its_people",
    ),
]


@pytest.mark.parametrize(("text", "published", "source", "name"), SOURCE_SPEAKS_AS)
def test_a_source_speaks_as_the_entity_the_passage_gives_it(resolve, text, published, source, name):
    assert speakers(resolve(text, published))[source] == name


def test_both_companies_are_the_two_companies_last_named(resolve):
    extraction = resolve(
        "Boeing raised its delivery forecast on Tuesday, and Airbus cut its own. "
        "Both companies said supply chains remained strained.",
        date(2023, 1, 1),
    )
    [both] = [a for a in extraction.attributions if a.source and a.source.text == "Both companies"]
    assert [member.name for member in both.speaker.members] == ["Boeing", "Airbus"]
