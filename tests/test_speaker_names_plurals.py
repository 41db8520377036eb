"""Names and plurals on passages written for the project (issue 18, branch spk8): a plural
common noun that names no one speaks for no one; a word of one person's full name before the
surname is that person ("Lula", "Ban"); Census first names tell people from organisations; a
corporate "Group" is a company for "both airlines"."""

from __future__ import annotations

from reportedly.attribution.lexicon import data_lines
from reportedly.resolve.speakers import read_genders

from conftest import speakers_by_source as speakers


def test_a_plural_common_noun_naming_no_one_speaks_for_no_one(resolve):
    found = speakers(
        resolve(
            "A Gallup poll released on Monday found Hillary Clinton ahead in Ohio. National polls "
            "show a closer race. The lower courts, which have ruled against the plan, said the "
            "agency had overstepped its powers."
        )
    )
    assert found["National polls"] is None
    assert found["A Gallup poll released on Monday"] == "Gallup"


def test_a_word_of_a_full_name_before_the_surname_is_that_person(resolve):
    extraction = resolve(
        "Brazilian President Luiz Inacio Lula da Silva met governors in Brasilia on Tuesday. "
        "Lula said the fall in deforestation was the work of the environment agency. "
        "He added that he would press for a common target."
    )
    found = speakers(extraction)
    assert found["Lula"] == "Luiz Inacio Lula da Silva"
    assert found["He"] == "Luiz Inacio Lula da Silva"
    ban = speakers(
        resolve(
            "U.N. Secretary-General Ban Ki-moon spoke in New York on Monday. Ban said the accord "
            'would enter into force this year. "This is a priority," he said.'
        )
    )
    assert ban["Ban"] == "Ban Ki-moon"
    assert ban["he"] == "Ban Ki-moon"


def test_a_known_first_name_opening_a_name_is_no_one_else_s_inner_name(resolve):
    # "Donald" opens two full names: a lone "Donald" is neither by the inner-name rule.
    found = speakers(
        resolve(
            "Donald Trump and Donald Tusk met in Brussels on Thursday. Donald said the talks had gone well."
        )
    )
    assert found["Donald"] not in {"Donald Trump", "Donald Tusk"}


def test_census_first_names_give_gender_after_the_gendered_words_table():
    genders = read_genders()
    assert genders["noah"] == "m"
    assert genders["simone"] == "f"
    assert genders["agnes"] == "f"
    # The Census table leaves out words with senses other than a person's: places, months,
    # things, and names both genders bear.
    census = {line.split("\t")[0] for line in data_lines("first_names.tsv")}
    assert {"noah", "simone", "agnes"} <= census
    assert not census & {"virginia", "china", "may", "hope", "jordan", "paris"}
    # The hand-made table wins where both list a word.
    assert genders["mr"] == "m"


def test_a_person_named_by_a_census_first_name_is_a_person_for_descriptions_and_pronouns(resolve):
    found = speakers(
        resolve(
            "Noah Lyles won the men's 100 metres by five thousandths of a second on Sunday. "
            "The American told reporters he had thought Kishane Thompson had beaten him. "
            "\"I said to Kishane, 'I think you got it,'\" he said."
        )
    )
    assert found["The American"] == "Noah Lyles"
    assert found["he"] == "Noah Lyles"


def test_both_airlines_after_a_corporate_group_are_the_two_companies(resolve):
    extraction = resolve(
        "US Airways Group made an offer of about $8 billion for Delta Air Lines on Wednesday. "
        "Both airlines said they would keep their hubs."
    )
    attribution = next(a for a in extraction.attributions if a.source and a.source.text == "Both airlines")
    assert attribution.speaker is not None
    assert [member.name for member in attribution.speaker.members] == ["US Airways Group", "Delta Air Lines"]
