"""On passages written for the project (issue 18, branch pron14): the gender a title or a
name before a mention gives its bearer, for "he" and "she" sources. A verb that is also a
first name ("drew", "will") says nothing of the name after it; a kin word after a comma
("his wife, Jane") does."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.model import Entity, Span
from reportedly.resolve.speakers import GENDERED_TITLES, gender_of, read_genders

from conftest import speakers_by_source as speakers

DAY = date(2024, 3, 12)


def _gender(text: str, name: str) -> str | None:
    start = text.index(name)
    entity = Entity(id="e1", name=name, type="PERSON", mentions=[Span.of(text, start, start + len(name))])
    return gender_of(entity, text, read_genders())


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        # A lowercase verb that the Census lists as a first name is no first name.
        ("The exhibition drew Okafor to Lagos last spring.", "Okafor", None),
        ("The bill Nakamura wrote passed the Senate.", "Nakamura", None),
        # Honorifics and titles, also after a comma, give the gender.
        ("Some of his advisers, including his wife, Ingrid, were there.", "Ingrid", "f"),
        ("The ministry's spokeswoman Okafor declined to comment.", "Okafor", "f"),
        ("Ms. Okafor declined to comment.", "Okafor", "f"),
        # A title after a comma names its owner's kin only after a possessive.
        ("Through a spokeswoman, Okafor declined to comment.", "Okafor", None),
        # The name's own first name comes before any word around its mentions.
        ("Ms. Donald Okafor", "Donald Okafor", "m"),
        # A capitalised first name before a lone surname still tells.
        ("Samantha Okafor's sister, Grace Okafor, said nothing.", "Okafor", "f"),
    ],
)
def test_the_word_before_a_mention_gives_a_gender_only_as_a_title_or_a_written_name(text, name, gender):
    assert _gender(text, name) == gender


def test_titles_are_their_own_table_and_no_first_name_is_one():
    assert {"mr.", "ms.", "wife", "spokesman"} <= GENDERED_TITLES
    assert not GENDERED_TITLES & {"drew", "will", "bill", "mark", "aide"}
    assert read_genders()["wife"] == "f"


def test_a_she_after_a_woman_introduced_after_a_verb_that_is_a_name(resolve):
    found = speakers(
        resolve(
            '"Skating is a way to reclaim our freedom," Ms. Gil said on Monday. The group meets on '
            "Sundays. It has grown to forty members.\n\n"
            "That sense of independence is what first drew Samantha Olivieri, 20, to skateboarding "
            "seven years ago. Then a student in Manhattan, Ms. Olivieri found skating to be a salve "
            "for her depression, she said.",
            DAY,
        )
    )
    assert found["she"] == "Samantha Olivieri"


def test_he_after_a_man_whose_wife_is_named_by_her_first_name(resolve):
    found = speakers(
        resolve(
            '"He is a man of peace," Bernard Okoye said after the audience in Rome.\n\n'
            "Some of Okoye's advisers, including his wife, Ingrid, also were at the meeting. He said "
            "there was no talk of the election.",
            DAY,
        )
    )
    assert found["He"] in {"Bernard Okoye", "Okoye"}


def test_a_lone_surname_two_named_people_share_is_the_one_named_last(resolve):
    extraction = resolve(
        "Marie Lefebvre and her cousin Paul Lefebvre run the bakery on the square. Paul Lefebvre "
        "opened it in 1998.\n\nMarie Lefebvre took over the ovens last year. Lefebvre agrees with "
        "her cousin on prices. She said the flour had doubled in cost.",
        DAY,
    )
    assert speakers(extraction)["She"] == "Marie Lefebvre"
