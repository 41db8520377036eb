"""Titles to offices (data/roles.tsv) and offices to their holders on a day
(data/office_holders.tsv, extended by an actors file's ``offices:``)."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from reportedly.resolve.actors import ActorFileError
from reportedly.resolve.offices import (
    OFFICES,
    OfficeTerm,
    load_office_holders,
    shipped_office_holders,
    shipped_title_reader,
    title_office,
)
from reportedly.resources import Resources


def holder_of(phrase: str, on: str, default_country: str | None = None) -> str | None:
    office = title_office(phrase, default_country)
    return shipped_office_holders().holder(*office, date.fromisoformat(on)) if office else None


@pytest.mark.parametrize(
    ("phrase", "default_country", "on", "holder"),
    [
        ("Russia's foreign minister", None, "2016-09-12", "Sergei Lavrov"),
        ("the Russian foreign minister", "USA", "2016-09-12", "Sergei Lavrov"),
        ("Russia 's top diplomat", None, "2016-09-12", "Sergei Lavrov"),  # a tokenizer's possessive
        ("the U.S. secretary of state", None, "2016-09-12", "John Kerry"),
        ("the U.S. secretary of state", None, "2017-03-01", "Rex Tillerson"),
        ("the secretary of state", "USA", "2017-03-01", "Rex Tillerson"),
        ("the president", "USA", "2017-02-10", "Donald Trump"),
        ("the president", "USA", "2016-02-10", "Barack Obama"),
        ("the president of Russia", "USA", "2010-01-01", "Dmitry Medvedev"),
        ("the Iranian president", None, "2016-01-01", "Hassan Rouhani"),  # Iran's head of government
        ("Iran's supreme leader", None, "2016-01-01", "Ali Khamenei"),
        ("German Chancellor", "USA", "2016-01-01", "Angela Merkel"),
        ("British Prime Minister", "USA", "2016-01-01", "David Cameron"),
        ("the Chinese premier", None, "2016-01-01", "Li Keqiang"),
        ("Kremlin spokesman", "USA", "2016-01-01", "Dmitry Peskov"),
        ("White House press secretary", None, "2017-03-01", "Sean Spicer"),
        ("Pentagon chief", None, "2016-01-01", "Ash Carter"),
        ("UN Secretary-General", "USA", "2016-01-01", "Ban Ki-moon"),
        ("the Secretary-General of the United Nations", None, "2018-01-01", "António Guterres"),
        ("the WHO chief", None, "2020-03-01", "Tedros Adhanom Ghebreyesus"),
        ("the head of NATO", None, "2024-12-24", "Mark Rutte"),
        ("the head of the IMF", None, "2016-01-01", "Christine Lagarde"),
        ("the European Commission president", None, "2016-01-01", "Jean-Claude Juncker"),
        ("EU foreign policy chief", None, "2016-01-01", "Federica Mogherini"),
        ("the UN spokesman", None, "2020-01-01", "Stéphane Dujarric"),
    ],
)
def test_title_resolves_to_the_holder_on_the_day(phrase, default_country, on, holder):
    assert holder_of(phrase, on, default_country) == holder


def test_title_office_reads_country_from_the_phrase_else_the_default():
    assert title_office("Russia's foreign minister", "USA") == ("foreign_minister", "RUS")
    assert title_office("the president", "FRA") == ("head_of_state", "FRA")
    assert title_office("the president", None) is None
    # "secretary of state" is the U.S. foreign minister only: not Britain's.
    assert title_office("the secretary of state", "GBR") is None
    # Britain's chancellor is its finance minister, no head of government.
    assert title_office("the chancellor", "GBR") is None


@pytest.mark.parametrize(
    "phrase",
    [
        "the coach",
        "the head coach",
        "the spokesman",  # whose?
        "a UN spokesman",  # not the one
        "the nominee",  # "the Republican nominee" is an office of the dated table since branch spk-nominals
        "the former secretary of state",
        "the deputy foreign minister",
        "the interior minister",
        "president-elect",
        "Ontario Premier",
        "the company's president",
        "Harvard president",
        "the Russian and Chinese presidents",
        "the U.S. prime minister",  # the U.S. president heads its government, but is no prime minister
        "the who chief",  # the pronoun, not the WHO
    ],
)
def test_roles_and_qualified_titles_designate_no_office(phrase):
    assert title_office(phrase, "USA") is None


def test_role_lexicon_tells_roles_from_offices():
    reader = shipped_title_reader()
    assert reader.role("the head coach").phrase == "head coach"
    assert reader.role("the head coach").office is None
    assert reader.role("Russia's foreign minister").office == "foreign_minister"
    assert reader.role("the weather") is None


def test_no_holder_outside_every_term():
    holders = shipped_office_holders()
    assert holders.holder("foreign_minister", "USA", date(1990, 1, 1)) is None
    # Between Rousseff's suspension and Temer's swearing-in the table names no one.
    assert holders.holder("head_of_state", "BRA", date(2016, 6, 1)) is None
    assert holders.holder("head_of_government", "KOR", date(2016, 6, 1)) is None
    # On a handover day the incoming holder.
    assert holders.holder("head_of_state", "USA", date(2017, 1, 20)) == "Donald Trump"


def test_shipped_table_is_well_formed():
    terms = [term for group in shipped_office_holders().terms.values() for term in group]
    assert len(terms) > 500
    assert {term.office for term in terms} == OFFICES
    for group in shipped_office_holders().terms.values():
        ordered = sorted(group, key=lambda term: term.start)
        for term, following in pairwise(ordered):
            assert term.end is not None and term.end <= following.start, (term, following)


def test_actors_file_offices_extend_and_override(tmp_path: Path):
    user = tmp_path / "actors.yaml"
    user.write_text(
        "offices:\n"
        "  - {office: head_of_government, country: NLD, name: Mark Rutte,\n"
        "     from: 2010-10-14, until: 2024-07-02}\n"
        "  - {office: foreign_minister, country: RUS, name: Someone Else,\n"
        "     from: 2016-09-01, until: 2016-09-30}\n",
        encoding="utf-8",
    )
    holders = load_office_holders(user)
    assert holders.holder("head_of_government", "NLD", date(2016, 1, 1)) == "Mark Rutte"
    assert holders.holder("head_of_government", "NLD", date(2024, 8, 1)) is None
    assert holders.holder("foreign_minister", "RUS", date(2016, 9, 12)) == "Someone Else"
    assert holders.holder("foreign_minister", "RUS", date(2016, 10, 1)) == "Sergei Lavrov"
    # The shipped table is left as it was.
    assert shipped_office_holders().holder("foreign_minister", "RUS", date(2016, 9, 12)) == "Sergei Lavrov"
    # A run's resources carry the extended table.
    assert (
        Resources.load(tagger="none", actors=user).offices.holder(
            "head_of_government", "NLD", date(2016, 1, 1)
        )
        == "Mark Rutte"
    )


def test_extension_wins_over_a_later_shipped_term():
    extended = shipped_office_holders().extended(
        [OfficeTerm("head_of_state", "USA", "A. Correction", date(2016, 1, 1), date(2017, 12, 31))]
    )
    assert extended.holder("head_of_state", "USA", date(2017, 6, 1)) == "A. Correction"


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (
            "{office: king, country: ESP, name: Felipe VI, from: 2014-06-19}",
            "office 'king' of 'Felipe VI' is none of",
        ),
        (
            "{office: head_of_state, country: ESP, name: Felipe VI}",
            "each office needs 'office', 'country', 'name'",
        ),
        ("{office: head_of_state, country: ESP, name: Felipe VI, from: June 2014}", "has a date that is not"),
        (
            "{office: head_of_state, country: ESP, name: Felipe VI, from: 2014-06-19, until: 2014-01-01}",
            "leaves office before taking it",
        ),
    ],
)
def test_bad_offices_section_is_a_one_line_error(tmp_path: Path, entry: str, problem: str):
    user = tmp_path / "actors.yaml"
    user.write_text(f"offices:\n  - {entry}\n", encoding="utf-8")
    with pytest.raises(ActorFileError, match=problem) as raised:
        load_office_holders(user)
    assert str(raised.value).startswith(f"{user}: ")
    assert "\n" not in str(raised.value)


def test_offices_section_must_be_a_list(tmp_path: Path):
    user = tmp_path / "actors.yaml"
    user.write_text("offices: 5\n", encoding="utf-8")
    with pytest.raises(ActorFileError, match="'offices' is a list of office holders, not 5"):
        load_office_holders(user)


def test_dictionary_actors_file_has_no_offices(tmp_path: Path):
    user = tmp_path / "actors.txt"
    user.write_text("SOMEONE_ [USAGOV]\n", encoding="utf-8")
    assert load_office_holders(user) is shipped_office_holders()


def test_bad_offices_section_fails_the_command_in_one_line(cli, tmp_path: Path):
    user = tmp_path / "actors.yaml"
    user.write_text(
        "offices:\n  - {office: king, country: ESP, name: Felipe VI, from: 2014-06-19}\n", encoding="utf-8"
    )
    result = cli("extract", "--actors", user, "-", stdin="Lavrov said it was over.")
    assert result.exit_code == 1  # as for any actors file that cannot be read
    assert result.stderr.startswith("reportedly: error: ")
    assert "office 'king' of 'Felipe VI' is none of" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
