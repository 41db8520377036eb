"""Organisations named by whom they belong to or what they make, on passages written for the
project (issue 18): a person's campaign, camp, team or administration, and the whole name of
an organisation or of pollsters joined by a slash ("CNN/ORC")."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.model import Document
from reportedly.resolve.offices import shipped_office_holders, shipped_title_reader

from conftest import speakers_by_source as speakers


def test_an_administration_the_article_names_speaks_and_the_administration_is_it(resolve):
    found = speakers(
        resolve(
            "President Barack Obama spoke in Ohio on Monday. The Obama administration said the overtime "
            "rule would help millions of workers. Business groups objected. The administration said it "
            "was confident the rule would survive in court."
        )
    )
    assert found["The Obama administration"] == "Obama administration"
    assert found["The administration"] == "Obama administration"


def test_the_administration_the_article_does_not_name_is_the_president_it_names(resolve):
    found = speakers(
        resolve(
            "The White House defended the rule on Monday. Barack Obama met workers in Ohio. "
            "The administration said the rule would survive in court."
        )
    )
    assert found["The administration"] == "Barack Obama"


def test_a_team_or_camp_is_the_person_s_campaign_named_as_the_article_names_it(resolve):
    found = speakers(
        resolve(
            "Marco Rubio finished third in Nevada. Rubio's team said the result narrowed the race. "
            "His team added that he would campaign in Florida."
        )
    )
    # Only "Rubio's team", never "the Rubio team": the candidate (docs/speaker-annotation.md;
    # "Rubio team" before branch spk15).
    assert found["Rubio's team"] == "Marco Rubio"
    assert found["His team"] == "Marco Rubio"
    camp = speakers(resolve("Hillary Clinton spoke in Iowa. The Clinton camp said the editorial was fair."))
    assert camp["The Clinton camp"] == "Clinton camp"
    # Where the article writes "campaign" for it too, the camp is that campaign.
    both = speakers(
        resolve(
            "Hillary Clinton spoke in Iowa. The Clinton camp said the editorial was fair. The Clinton "
            "campaign has spent $2 million on ads."
        )
    )
    assert both["The Clinton camp"] == "Clinton campaign"


def test_a_campaign_the_parse_hangs_elsewhere_is_still_the_campaign(resolve):
    # "projects" read as a noun: "Sanders" hangs on it, not on "campaign".
    found = speakers(
        resolve(
            "Bernie Sanders raised $33 million. The Sanders campaign projects that the tax would raise "
            "billions."
        )
    )
    assert found["The Sanders campaign"] == "Sanders campaign"


@pytest.mark.parametrize(
    ("text", "source", "name"),
    [
        (
            "Clinton leads Trump by five points, according to a CNN/ORC poll released on Monday.",
            "a CNN/ORC poll released on Monday",
            "CNN/ORC",
        ),
        (
            "The latest Reuters/Ipsos poll showed Clinton ahead by four points.",
            "The latest Reuters/Ipsos poll",
            "Reuters/Ipsos",
        ),
        (
            "A USA TODAY/Suffolk University poll found that most voters were scared.",
            "A USA TODAY/Suffolk University poll",
            "USA TODAY/Suffolk University",
        ),
        (
            "The latest Rasmussen Reports poll shows Trump leading Clinton.",
            "The latest Rasmussen Reports poll",
            "Rasmussen Reports",
        ),
        (
            "He is at 4 percent in Iowa, according to a CNN-ORC survey released Friday.",
            "a CNN-ORC survey released Friday",
            "CNN-ORC",
        ),
        (
            "Clinton is the woman Americans admire most, according to a yearly Gallup poll.",
            "a yearly Gallup poll",
            "Gallup",
        ),
        (
            # The phrase's head is the object of a preposition before it: its maker still speaks.
            "Trump leads in Texas, according to an online University of Texas/Texas Tribune poll out "
            "Thursday.",
            "an online University of Texas/Texas Tribune poll out Thursday",
            "University of Texas/Texas Tribune",
        ),
    ],
)
def test_a_document_speaks_as_its_maker_s_whole_name(resolve, text, source, name):
    assert speakers(resolve(text))[source] == name


def test_the_poll_after_a_joint_poll_is_the_joint_pollsters(resolve):
    found = speakers(
        resolve(
            "Clinton leads Trump by five points, according to a CNN/ORC poll released on Monday. "
            "The poll found that most voters were undecided."
        )
    )
    assert found["The poll"] == "CNN/ORC"


def test_names_the_parse_does_not_coordinate_are_a_group_each_named(extractor):
    extraction = extractor.extract_one(
        Document(
            doc_id="passage",
            text="WASHINGTON (AP) — Donald Trump and House Speaker Paul Ryan pledged to work together "
            "despite their differences after a meeting on Thursday.",
            published=date(2016, 5, 12),
        )
    )
    (attribution,) = [a for a in extraction.attributions if a.source]
    assert [member.name for member in attribution.speaker.members] == ["Donald Trump", "Paul Ryan"]
    assert speakers(extraction)["Donald Trump and House Speaker Paul Ryan"] == "Donald Trump and Paul Ryan"


def test_a_document_about_a_name_is_not_its_making(resolve):
    found = speakers(resolve("The report on the Clinton emails found that the department was slow."))
    assert found["The report on the Clinton emails"] is None


def test_a_team_whose_owner_ner_missed_is_the_campaign_of_the_person_of_that_name(resolve):
    found = speakers(
        resolve(
            "Bernie Sanders laid off staff on Wednesday. The Sanders campaign wants to cut costs. "
            "Sanders' team said the committee skirts legal limits."
        )
    )
    assert found["Sanders' team"] == "Sanders campaign"


def test_a_party_s_presidential_nominee_is_the_one_of_the_day_the_article_names(extractor):
    text = (
        "Paul Manafort has been on the losing end of a power struggle in the Trump camp, and Donald "
        'Trump has stood by him. "I am not going anywhere," Manafort said on Tuesday. The Republican '
        "nominee said on Wednesday that his campaign was in great shape."
    )
    extraction = extractor.extract_one(Document(doc_id="passage", text=text, published=date(2016, 8, 17)))
    assert speakers(extraction)["The Republican nominee"] == "Donald Trump"


@pytest.mark.parametrize(
    ("title", "day", "holder"),
    [
        ("the Republican nominee", date(2016, 8, 17), "Donald Trump"),
        ("the presumptive Democratic nominee", date(2016, 6, 20), "Hillary Clinton"),
        ("the GOP presidential nominee", date(2012, 10, 1), "Mitt Romney"),
        ("the Democratic presidential nominee", date(2016, 3, 1), None),  # not settled yet
        ("the Democratic nominee", date(2016, 12, 1), None),  # the election is over
        ("the Democratic nominee for Senate", date(2016, 8, 17), None),
    ],
)
def test_the_dated_table_knows_the_parties_presidential_nominees(title, day, holder):
    office = shipped_title_reader().office(title, "USA")
    assert (shipped_office_holders().holder(*office, day) if office else None) == holder


def test_a_place_that_only_makes_documents_is_the_institution_named_after_it(resolve):
    found = speakers(
        resolve(
            "A Monmouth University poll released Thursday found Kasich ahead. In a three-way race, "
            "Clinton earned 42 percent. The Monmouth poll also suggests that Kasich is the strongest "
            "candidate.\n\nTrump leads in Texas. A Texas poll shows him ahead, according to the "
            "University of Texas."
        )
    )
    assert found["The Monmouth poll"] == "Monmouth University"
    assert found["A Texas poll"] == "Texas"  # Texas is a place in this text too
