"""Actor dictionaries (TABARI/PETRARCH format), dated codes and YAML overrides."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reportedly.extract import Extractor
from reportedly.model import Document
from reportedly.resolve.actors import ActorCoder, ActorFileError, load_coder
from reportedly.resolve.dictionaries import code_on, phrase_of, read_actors, read_agents

ACTORS = """\
# a comment line
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
+PRESIDENT_PUTIN_
\t[RUSELI 700101-990809]
\t[RUSGOV 991231-080507]
\t[RUSGOV >080508]
\t[RUSELI]
UKRAINE_  [UKR]
+KIEV_
+UKRAINIAN_
"""

AGENTS = """\
!MINIST! = MINISTER, MINISTRY
FOREIGN_!MINIST! [~GOV]
REBEL [~REB]
POLICE {} [~COP]
"""


def test_dated_entries_pick_the_code_for_the_day(tmp_path: Path):
    path = tmp_path / "test.actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    actors = read_actors(path)
    putin = actors[phrase_of("Putin")]
    assert actors[phrase_of("Vladimir Putin")] is putin
    assert code_on(putin, date(1995, 3, 1)) == "RUSELI"
    assert code_on(putin, date(2005, 3, 1)) == "RUSGOV"
    assert code_on(putin, date(2024, 3, 1)) == "RUSGOV"
    assert code_on(putin, None) == "RUSGOV"  # no date: the office still held
    assert code_on(actors[phrase_of("Kiev")], date(2024, 3, 1)) == "UKR"


def test_agent_macros_and_plurals(tmp_path: Path):
    path = tmp_path / "test.agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    agents = read_agents(path)
    assert agents[phrase_of("foreign minister")] == "~GOV"
    assert agents[phrase_of("foreign ministry")] == "~GOV"
    assert agents[phrase_of("rebels")] == "~REB"
    assert phrase_of("polices") not in agents  # "{}": no plural


def test_shipped_dictionaries_code_names_and_descriptions():
    coder = ActorCoder()
    assert coder.code_name("Vladimir Putin", date(1995, 3, 1)) == "RUSELI"
    assert coder.code_name("Mr. Putin", date(2015, 3, 1)) == "RUSGOV"
    assert coder.code_name("Volodymyr Zelensky", date(2023, 3, 1)) == "UKRGOV"
    assert coder.code_name("Volodymyr Zelensky", date(2018, 3, 1)) == "UKRELI"
    assert coder.code_description("Russia's foreign minister", None) == "RUSGOV"
    assert coder.code_description("a Ukrainian general", None) == "UKRMIL"
    assert coder.actor("IGOUNO").to_dict() == {"code": "IGOUNO", "country": None, "sector": "IGOUNO"}


def test_yaml_file_adds_and_overrides_actors(tmp_path: Path):
    user = tmp_path / "actors.yaml"
    user.write_text(
        "actors:\n"
        "  - name: Olena Kovalenko\n"
        "    aliases: [Kovalenko]\n"
        "    codes:\n"
        "      - {code: UKRGOV, from: 2024-01-01}\n"
        "      - {code: UKRLEG}\n"
        "  - name: Sergei Lavrov\n"
        "    codes: [{code: RUSELI}]\n",
        encoding="utf-8",
    )
    coder = ActorCoder(user)
    assert coder.code_name("Kovalenko", date(2024, 6, 1)) == "UKRGOV"
    assert coder.code_name("Kovalenko", date(2023, 6, 1)) == "UKRLEG"
    assert coder.code_name("Sergei Lavrov", date(2024, 6, 1)) == "RUSELI"
    extraction = Extractor(actors=user).extract_one(
        Document("kyiv", "Olena Kovalenko said the bill would pass.", published=date(2024, 6, 1))
    )
    assert [(e.name, e.actor.code) for e in extraction.entities] == [("Olena Kovalenko", "UKRGOV")]


def test_broken_yaml_file_names_the_file(tmp_path: Path):
    user = tmp_path / "broken.yaml"
    user.write_text("actors:\n  - name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ActorFileError, match=r"broken\.yaml"):
        ActorCoder(user)
    user.write_text("actors:\n  - name: Nobody\n", encoding="utf-8")
    with pytest.raises(ActorFileError, match="needs a 'name' and a list of 'codes'"):
        ActorCoder(user)


def test_legacy_cameo_countries_come_out_as_iso_codes():
    coder = ActorCoder()
    assert coder.actor("ROMGOV").to_dict() == {"code": "ROMGOV", "country": "ROU", "sector": "GOV"}
    assert coder.actor("ANGREB").country == "AGO"
    assert coder.actor("RUSMIL").country == "RUS"


def test_peoples_led_forces_and_bare_titles():
    coder = load_coder()
    assert coder.code_description("Iraqis", None) == "IRQ"
    assert coder.code_description("Vietnamese-led forces", None) == "VNMMIL"
    assert coder.code_name("Khatmandu", None) == coder.code_name("Kathmandu", None) == "NPL"
    # A title alone gives a sector, and no country.
    assert (
        coder.sector_of("President Dos Santos"),
        coder.code_description("President Dos Santos", None),
    ) == (
        "GOV",
        None,
    )


def test_actors_file_reaches_entity_grouping(tmp_path: Path):
    """Bug: ``--actors FILE`` reached the extractor's coding but not the spaCy component,
    which grouped entities with the shipped tables only."""
    user = tmp_path / "actors.yaml"
    user.write_text(
        "actors:\n  - name: Roscosmos\n    aliases: [Roskosmos]\n    codes: [{code: RUSGOV}]\n",
        encoding="utf-8",
    )
    text = "Roscosmos said on Monday that the launch was delayed. Roskosmos added that the crew was safe."
    extraction = Extractor(actors=user).extract_one(Document("space", text))
    assert [(e.name, len(e.mentions)) for e in extraction.entities] == [("Roscosmos", 2)]


def test_the_shipped_coder_is_built_once_per_process():
    # Building one indexes every dictionary name: the store and server ask for it per speaker.
    assert load_coder() is load_coder()
