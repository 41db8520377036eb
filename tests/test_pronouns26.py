"""Pronoun sources on unseen news (issue 18, pron26); passages written for the tests."""

from __future__ import annotations

from reportedly.resolve.speakers import read_genders


def test_one_reader_gives_the_genders_and_the_first_names_only_the_census_genders():
    genders = read_genders()
    assert genders["toni"] == "f"
    assert "toni" in genders.census_only
    # Listed by the news names too, whose gender is surer: no census-only name.
    assert genders["mary"] == "f"
    assert "mary" not in genders.census_only
    assert "ms." not in genders.census_only
