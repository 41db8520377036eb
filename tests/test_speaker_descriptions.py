"""Titles, descriptions and nominal anaphora to the entities the article names, on passages
written for the project (issue 18): "the company", "the network", "the former secretary of
state", "the president" on a given day, "the minister" among two ministers."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.model import Entity, Span
from reportedly.resolve.actors import load_coder
from reportedly.resolve.entities import merge_name_variants
from reportedly.resolve.nominals import HUMAN_NOUNS, PERSON_NOUNS, entity_types, title_role, types_agree
from reportedly.resolve.offices import article_country, shipped_office_holders

from conftest import POLNEAR_DAY
from conftest import speakers_by_source as speakers

# Each row: a passage, its day, a source in it and the name of the entity it speaks as; the
# id says what the passage shows. The noun's kind of referent (nominal anaphora), the person
# an article gives a role (descriptions), and a title's holder: the article's, else the
# dated table's, of the article's country.
SOURCE_SPEAKS_AS = [
    pytest.param(
        "ExxonMobil reported record profits on Tuesday. The company said demand for oil would keep rising.",
        date(2023, 2, 1),
        "The company",
        "ExxonMobil",
        id="the_company_is_the_company_named",
    ),
    *(
        pytest.param(text, date(2023, 10, 8), "The group", name, id=f"the_group_is_{name}")
        for text, name in [
            ("Hamas fighters crossed the border on Saturday. The group said it had taken hostages.", "Hamas"),
            (
                "WikiLeaks published thousands of emails on Friday. The group said more would follow.",
                "WikiLeaks",
            ),
        ]
    ),
    pytest.param(
        "The World Health Organization declared an emergency. The agency said cases had doubled.",
        date(2020, 3, 1),
        "The agency",
        "World Health Organization",
        id="the_agency_is_the_international_body_named",
    ),
    pytest.param(
        "The Guardian published the leaked files on Monday. The newspaper said it had verified them.",
        POLNEAR_DAY,
        "The newspaper",
        "Guardian",
        id="the_newspaper_is_the_outlet_named",
    ),
    pytest.param(
        "A Quinnipiac University poll released on Monday shows Clinton ahead. "
        "According to the poll, Trump trails in Ohio.",
        POLNEAR_DAY,
        "the poll",
        "Quinnipiac University",
        id="the_poll_is_its_pollster",
    ),
    pytest.param(
        "John Podesta sent an email to the campaign staff in March. "
        "The email said the speeches should stay private.",
        POLNEAR_DAY,
        "The email",
        "John Podesta",
        id="the_email_is_its_sender",
    ),
    pytest.param(
        "Hillary Clinton, the former secretary of state, spoke in Ohio. "
        "The former secretary of state said the economy was strong.",
        POLNEAR_DAY,
        "The former secretary of state",
        "Hillary Clinton",
        id="the_former_secretary_of_state_is_the_person_the_apposition_names",
    ),
    pytest.param(
        "Donald Trump held a rally in Ohio on Monday, a day after Hillary Clinton visited the state. "
        "The former secretary of state said the economy was strong.",
        POLNEAR_DAY,
        "The former secretary of state",
        "Hillary Clinton",
        id="the_former_secretary_of_state_is_the_former_holder_the_dated_table_knows",
    ),
    pytest.param(
        "Amazon, the online retailer, will open a warehouse in Ohio, the Commerce Department said on "
        "Monday. The retailer said it would hire 2,000 workers.",
        POLNEAR_DAY,
        "The retailer",
        "Amazon",
        id="the_retailer_is_the_company_an_apposition_calls_one",
    ),
    *(
        pytest.param(
            text, POLNEAR_DAY, source, name, id=f"a_description_is_the_person_given_that_role:{name}"
        )
        for text, source, name in [
            (
                "CNN host Jake Tapper interviewed the senator on Sunday. "
                "The CNN host said the answer was unclear.",
                "The CNN host",
                "Jake Tapper",
            ),
            (
                "Republican nominee Donald Trump held a rally in Ohio. "
                "The Republican nominee said he would win the state.",
                "The Republican nominee",
                "Donald Trump",
            ),
            (
                "Patriots head coach Bill Belichick spoke after the game. "
                "The head coach said the defense had played well.",
                "The head coach",
                "Bill Belichick",
            ),
            (
                "The entrepreneur Elon Musk bought the platform in October. "
                "The entrepreneur said it would change.",
                "The entrepreneur",
                "Elon Musk",
            ),
        ]
    ),
    pytest.param(
        "Antony Blinken landed in Kyiv on Tuesday. The US secretary of state said aid would continue.",
        date(2024, 5, 14),
        "The US secretary of state",
        "Antony Blinken",
        id="the_us_secretary_of_state_is_the_holder_on_the_day_the_article_names",
    ),
    pytest.param(
        "President Barack Obama signed the rule in 2016. "
        "On Tuesday, the president told reporters at the White House in Washington that he would repeal it.",
        date(2017, 2, 7),
        "the president",
        "Donald Trump",
        id="the_president_in_a_february_2017_briefing_is_trump_not_obama",
    ),
    pytest.param(
        "Sergei Lavrov arrived in Ankara on Monday for talks. "
        "Russia's foreign minister said that the talks could resume.",
        date(2024, 5, 1),
        "Russia's foreign minister",
        "Sergei Lavrov",
        id="a_title_the_article_never_ties_to_a_name_is_the_office_holder_on_the_day",
    ),
    # Name variants, headlines and nouns of people (issue 18, branch nominal2).
    *(
        pytest.param(
            text,
            POLNEAR_DAY,
            source,
            name,
            id=f"a_headline_s_bare_description_is_the_one_introduced_after_it:{name}",
        )
        for text, source, name in [
            (
                "Saudi prince mocks Trump on Twitter.\n\nSaudi Prince Alwaleed Bin Talal mocked Donald "
                "Trump's retweet of a doctored image on Thursday.",
                "Saudi prince",
                "Alwaleed Bin Talal",
            ),
            (
                "Union chief says Trump can win.\n\nThe head of the Service Employees International Union "
                "is worried. In an interview with David Axelrod on his podcast, Mary Kay Henry said her "
                "members were listening to Trump.",
                "Union chief",
                "Mary Kay Henry",
            ),
        ]
    ),
    *(
        pytest.param(
            text,
            POLNEAR_DAY,
            source,
            name,
            id=f"an_organisation_of_no_known_kind_answers_an_organisation_s_noun_before_a_person:{name}",
        )
        for text, source, name in [
            (
                "Gunbroker said on Thursday that it had removed the listing. George Zimmerman said he "
                "had been treated unfairly. The company said it wanted no part in the sale.",
                "The company",
                "Gunbroker",
            ),
            (
                "The Advocate ran an editorial on Friday urging Hillary Clinton to visit Louisiana. "
                "Clinton said she would go once the rescue work was done. The newspaper said the damage "
                "was extensive.",
                "The newspaper",
                "Advocate",
            ),
        ]
    ),
]


@pytest.mark.parametrize(("text", "published", "source", "name"), SOURCE_SPEAKS_AS)
def test_a_source_speaks_as_the_entity_the_passage_gives_it(resolve, text, published, source, name):
    assert speakers(resolve(text, published))[source] == name


# Each row: a passage, its day, sources in it and the names of the entities they speak as.
SOURCES_SPEAK_AS = [
    pytest.param(
        "RT aired the interview on Sunday. The network said the footage was authentic. "
        "The broadcaster added that it stood by its reporting.",
        date(2022, 3, 1),
        ("The network", "The broadcaster"),
        ("RT", "RT"),
        id="the_network_and_the_broadcaster_are_the_outlet_named",
    ),
    # Titles to holders: the article's holder, else the dated table's, of the article's country.
    pytest.param(
        "Interior Minister Mohsin Naqvi said the protests would not be allowed in Islamabad. "
        "Former prime minister Imran Khan called for more rallies from his cell. "
        "The minister added that the police were ready. He said roads would be closed.",
        date(2024, 11, 25),
        ("The minister", "He"),
        ("Mohsin Naqvi", "Mohsin Naqvi"),
        id="the_minister_and_he_are_the_interior_minister_not_the_former_prime_minister",
    ),
    pytest.param(
        "The head of the WHO said on Tuesday that the outbreak was over. "
        "The head of NATO warned that the alliance must prepare.",
        date(2024, 12, 24),
        ("The head of the WHO", "The head of NATO"),
        ("Tedros Adhanom Ghebreyesus", "Mark Rutte"),
        id="the_head_of_an_organisation_is_its_holder_not_the_organisation",
    ),
]


@pytest.mark.parametrize(("text", "published", "sources", "names"), SOURCES_SPEAK_AS)
def test_sources_of_one_passage_speak_as_the_entities_it_gives_them(resolve, text, published, sources, names):
    found = speakers(resolve(text, published))
    assert tuple(found[source] for source in sources) == names


def test_the_report_is_the_titled_report_named(resolve):
    extraction = resolve(
        "The Federal Reserve released its Beige Book on Wednesday. "
        "The report said growth was modest in most districts."
    )
    assert speakers(extraction)["The report"] == "Beige Book"
    assert "Beige Book" in {entity.name for entity in extraction.entities}  # it speaks: an entity


def test_a_campaign_speaks_as_the_campaign_the_article_names_and_her_campaign_as_her(resolve):
    # docs/speaker-annotation.md: the campaign as the article names it, else the candidate.
    extraction = resolve(
        "Hillary Clinton spoke in Ohio on Monday. The Clinton campaign said the rally drew thousands. "
        "The campaign added that she would return next week.\n\n"
        "Clinton stumbled at a memorial on Sunday. Her campaign said she had pneumonia."
    )
    found = speakers(extraction)
    assert found["The Clinton campaign"] == "Clinton campaign"
    assert found["The campaign"] == "Clinton campaign"
    assert found["Her campaign"] == "Clinton campaign"
    unnamed = resolve("Hillary Clinton fell ill on Sunday. Her campaign said she had pneumonia.")
    assert speakers(unnamed)["Her campaign"] == "Hillary Clinton"


def test_a_capital_and_the_kremlin_speak_for_their_governments(resolve):
    extraction = resolve(
        "Kyiv said the attack had been repelled. The Kremlin said the talks were over.", date(2024, 5, 1)
    )
    found = speakers(extraction)
    assert (found["Kyiv"], found["The Kremlin"]) == ("Ukraine", "Russia")
    actors = {entity.name: entity.actor.code for entity in extraction.entities if entity.actor}
    assert (actors["Ukraine"], actors["Russia"]) == ("UKRGOV", "RUSGOV")


def test_an_organisation_named_after_a_country_speaks_for_itself_not_the_government(resolve):
    extraction = resolve(
        "The Canadian Press reported that Ottawa would expel two diplomats. Canada said it would act.",
        date(2024, 5, 1),
    )
    actors = {entity.name: entity.actor.code for entity in extraction.entities if entity.actor}
    assert (actors["Canadian Press"], actors["Canada"]) == ("CAN", "CANGOV")


# The pieces, without the pipeline.


def test_a_role_s_head_noun_describes_a_person():
    assert {"senator", "secretary", "coach", "nominee"} <= PERSON_NOUNS
    assert "state" not in PERSON_NOUNS  # "the state" is no secretary of state


def test_title_role_reads_the_lexicon_phrase_and_its_qualifier():
    assert title_role(["the", "former", "secretary", "of", "state"]) == (("SECRETARY", "OF", "STATE"), True)
    assert title_role(["The", "CNN", "host"]) == (("HOST",), False)
    assert title_role(["the", "weather"]) is None


def test_entity_kinds_come_from_label_code_outlet_and_name():
    exxon = Entity(id="e1", name="Exxon Mobil Corp", type="ORG")
    assert {"company", "organisation"} <= entity_types(exxon, False, None, False, ())
    hamas = Entity(id="e2", name="Hamas", type="ORG")
    assert "armed" in entity_types(hamas, False, "PSEREBHMS", False, ())
    assert types_agree(frozenset({"armed", "organisation"}), frozenset({"armed", "organisation"})) == (
        True,
        False,
    )
    assert types_agree(frozenset({"company"}), frozenset({"organisation"})) == (False, True)
    # A lone name of no known gender taken for a person ("Twitter said") may be an organisation.
    twitter = Entity(id="e3", name="Twitter", type="PERSON")
    assert entity_types(twitter, True, None, False, ()) == {"person", "organisation"}
    assert entity_types(twitter, True, None, False, (), gender="m") == {"person"}
    amazon = Entity(id="e4", name="Amazon", type="ORG")
    assert "company" in entity_types(amazon, False, None, False, (), described=["retailer"])


def test_a_former_holder_is_told_from_the_holder_on_the_day():
    holders = shipped_office_holders()
    assert holders.held_before("head_of_state", "USA", "Barack Obama", date(2017, 2, 7))
    assert not holders.held_before("head_of_state", "USA", "Donald Trump", date(2017, 2, 7))
    assert not holders.held_before("head_of_state", "USA", "Barack Obama", date(2016, 2, 7))


def test_the_article_country_is_the_one_its_places_name_most():
    def place(name: str, mentions: int) -> Entity:
        return Entity(id=name, name=name, type="GPE", mentions=[Span.of(name, 0, len(name))] * mentions)

    day = date(2024, 11, 25)
    assert article_country([place("Islamabad", 2), place("Washington", 1)], load_coder(), day) == "PAK"
    assert article_country([place("Islamabad", 1), place("Washington", 1)], load_coder(), day) is None


# Name variants, headlines and nouns of people (issue 18, branch nominal2).


def test_a_shorter_name_of_an_organisation_is_the_longer_one(resolve):
    extraction = resolve(
        "The New York Daily News ran a front page on gun laws on Friday. The Daily News said the "
        "laws had failed.\n\nLawmakers were divided over the bill on Thursday. The newspaper added "
        "that Congress had done nothing."
    )
    assert speakers(extraction)["The newspaper"] == "New York Daily News"
    news = [entity for entity in extraction.entities if "Daily News" in entity.name]
    assert [(entity.name, len(entity.mentions)) for entity in news] == [("New York Daily News", 2)]


def test_name_variants_join_without_a_person_s_name_or_a_lone_organisation_word():
    def organisation(entity_id: str, name: str, kind: str = "ORG") -> Entity:
        return Entity(id=entity_id, name=name, type=kind, mentions=[Span.of(name, 0, len(name))])

    entities = [
        organisation("e1", "Quinnipiac"),
        organisation("e2", "Quinnipiac University"),
        organisation("e3", "NY Daily News"),
        organisation("e4", "New York Daily News"),
        organisation("e5", "House"),
        organisation("e6", "White House"),
        organisation("e7", "Trump"),
        organisation("e8", "Trump International Hotel"),
        organisation("e9", "Donald Trump", "PERSON"),
    ]
    kept = merge_name_variants(entities, {}, {}, {"donald": "m"})
    assert [entity.name for entity in kept] == [
        "Quinnipiac University",
        "New York Daily News",
        "House",
        "White House",
        "Trump",
        "Trump International Hotel",
        "Donald Trump",
    ]
    assert kept[1].aliases == ["NY Daily News"]


def test_a_noun_of_a_person_outside_the_role_lexicon_describes_the_person(resolve):
    extraction = resolve(
        "Sheldon Adelson said on Friday that he met Donald Trump earlier this week. While the "
        "mega donor declined to disclose his backing, he praised the candidate."
    )
    assert speakers(extraction)["the mega donor"] == "Sheldon Adelson"
    assert {"donor", "magnate", "neurosurgeon"} <= HUMAN_NOUNS
    assert not {"company", "network", "campaign"} & HUMAN_NOUNS


def test_the_campaign_and_the_party_speak_as_the_organisation_the_article_names(resolve):
    extraction = resolve(
        "Bernie Sanders spoke in Iowa on Monday. The Sanders campaign sued the committee on Friday.\n\n"
        "Sanders drew thousands in Ohio. His campaign said the crowd was the largest yet.\n\n"
        "The Republican Party met in Cleveland. Republican delegates argued for hours. The party "
        "said its platform would be ready by Thursday."
    )
    found = speakers(extraction)
    assert found["His campaign"] == "Sanders campaign"
    assert found["The party"] == "Republican Party"
