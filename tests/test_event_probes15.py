"""Event parties' countries where the words around a name tell it (issue 19, branch ev15), on
wire reports written for the project: a city named with its state or country after a comma
("Tripoli, Lebanon"), a country's name NER cut at a hyphen or a small word ("Guinea-Bissau",
"Port of Spain"), a people's adjective of two states before a place of one ("Congolese troops
in Brazzaville"), a body's common name after another country's adjective ("the Jordanian
Senate", which the dictionaries give the US), a political party no dictionary knows, and
parties and movements of older news the dictionaries lack or place in no country."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.resolve.actors import load_coder


def _first_actor(resolve, text: str, published: date) -> str | None:
    events = resolve(text, published).events
    assert events, "no event"
    actors = [party.actor.code for party in events[0].actor if party.actor]
    return actors[0] if actors else None


@pytest.mark.parametrize(
    ("text", "published", "code"),
    [
        # a city and its state or country
        ("Gunmen in Tripoli, Lebanon, attacked an army checkpoint on Thursday.", date(2006, 7, 13), "LBNUAF"),
        ("Police in Hyderabad, Pakistan, detained 30 activists.", date(2003, 2, 10), "PAKCOP"),
        (
            "Police in London, Ontario, arrested a man suspected of planning an attack.",
            date(2010, 5, 3),
            "CANCOP",
        ),
        (
            "Students in Valencia, Venezuela, clashed with police over bus fares.",
            date(2004, 11, 19),
            "VENEDU",
        ),
        (
            "Protesters in Alexandria, Virginia, demanded the release of the suspects.",
            date(2007, 1, 15),
            "USAOPP",
        ),
        # a state of the US that shares a country's name
        (
            "Demonstrators in Athens, Georgia, protested against the air strikes on Sudan.",
            date(1998, 8, 22),
            "USAOPP",
        ),
        ("Police in Savannah, Georgia, arrested 20 protesters.", date(2001, 3, 1), "USACOP"),
        # a list of cities is no city and its state
        ("Police in Paris, London and Berlin arrested 20 suspects.", date(2005, 7, 20), "FRACOP"),
        # names NER cuts
        ("Soldiers in Guinea-Bissau attacked the president's residence.", date(2008, 11, 23), "GNBMIL"),
        ("Rebel soldiers in Timor-Leste attacked army headquarters.", date(2006, 5, 24), "TMPREB"),
        ("Moslem rebels stormed the parliament in Port of Spain on Friday.", date(1990, 7, 27), "TTOMUSREB"),
        # a people of two states before a place of one; before a place of neither, its own
        ("Congolese troops in Brazzaville attacked rebel positions on Tuesday.", date(1999, 8, 10), "COGMIL"),
        ("Congolese soldiers in Kinshasa arrested dozens of civilians.", date(1998, 9, 1), "CODMIL"),
        ("The Iraqi embassy in Kabul accused the Taliban of harassment.", date(1998, 9, 1), "IRQGOV"),
        # a body's common name after another country's adjective
        ("The Jordanian Senate approved a peace treaty with Israel on Monday.", date(1995, 6, 1), "JORLEG"),
        (
            "The Philippine Senate rejected a treaty extending the lease of U.S. bases.",
            date(1991, 9, 16),
            "PHLLEG",
        ),
        ("Jordan's Senate approved a peace treaty with Israel on Monday.", date(1995, 6, 1), "JORLEG"),
        # a proper name is not a body's common name
        (
            "Albanian rebels of the National Liberation Army attacked Macedonian police.",
            date(2001, 5, 3),
            "MKDREB",
        ),
        # a party no dictionary knows takes its sentence's country
        (
            "The fundamentalist Umma (Nation) party said it will boycott Algeria's elections.",
            date(1991, 6, 1),
            "DZAOPP",
        ),
        # movements the dictionaries lack or place in no country
        (
            "Abu Sayyaf guerrillas seized 21 hostages from a Malaysian diving resort.",
            date(2000, 4, 23),
            "PHLREB",
        ),
        (
            "The Moro Islamic Liberation Front signed a ceasefire with the government.",
            date(2001, 11, 19),
            "PHLREB",
        ),
        ("The Northern Alliance attacked Taliban positions north of Kabul.", date(1996, 10, 1), "AFGREB"),
        (
            "The Movement for Democratic Change accused ZANU-PF of rigging the elections.",
            date(2008, 3, 29),
            "ZWEOPP",
        ),
        ("The Securitate fired on demonstrators in Timisoara.", date(1989, 12, 18), "ROUSPY"),
        ("RENAMO rebels attacked a train in central Mozambique.", date(1988, 5, 2), "MOZREB"),
        ("Janjaweed militiamen burned villages in Darfur.", date(2004, 5, 2), "SDNUAF"),
        # Northern Ireland is the United Kingdom's, not Ireland's
        ("Northern Ireland police arrested two IRA suspects.", date(1993, 5, 2), "GBRCOP"),
        ("The Kurdistan Democratic Party captured Arbil from its rivals.", date(1996, 9, 1), "IRQREB"),
        ("The al-Aqsa Martyrs Brigades claimed the shooting attack.", date(2002, 3, 2), "PSEREB"),
    ],
)
def test_country_from_the_words_around_a_name(resolve, text, published, code):
    assert _first_actor(resolve, text, published) == code


def test_a_given_name_is_no_movement_acronym(resolve):
    # "Gia" of Tran Xuan Gia is not the Armed Islamic Group's GIA (no such alias)
    text = "Planning Minister Tran Xuan Gia said Vietnam is committed to opening up the economy."
    assert (_first_actor(resolve, text, date(1998, 1, 1)) or "")[:3] == "VNM"


@pytest.mark.parametrize(
    ("description", "code"),
    [("Cote d'Ivoire's army", "CIVMIL"), ("Côte d'Ivoire", "CIV"), ("Northern Ireland police", "GBRCOP")],
)
def test_descriptions_of_names_with_elided_articles_and_northern_ireland(description, code):
    assert load_coder().code_description(description, None) == code


@pytest.mark.parametrize(
    ("description", "countries"),
    [("Congolese", {"COD", "COG"}), ("Nigerian", {"NGA"}), ("rebels", set())],
)
def test_countries_a_people_is_of_by_era(description, countries):
    assert load_coder().description_countries(description) == countries
