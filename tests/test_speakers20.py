"""On passages written for the project (issue 18, branch spk20): a counted plural noun ("the two
men", "the four states", "both women") is a group of the parties a recent coordination names as
many of, unless the phrase names its parties itself; a name NER reads as a person's that ends
like a firm's ("Hanamura Robotics") is an organisation for "the company"."""

from __future__ import annotations

import pytest

from conftest import members_by_source
from conftest import speakers_by_source as speakers

# Each row: a passage, a counted plural source in it, and its group's members (none: no group).
GROUP_MEMBERS = [
    pytest.param(
        "Chancellor Anna Berger and Finance Minister Lukas Roth unveiled the budget on Monday. "
        "The plan cuts spending by 3 billion euros. "
        'The two men said the cuts were "painful but fair".',
        "The two men",
        ["Anna Berger", "Lukas Roth"],
        id="a_counted_noun_is_the_parties_coordinated_before",
    ),
    pytest.param(
        "Norway, Sweden and Denmark agreed on Tuesday to pool their air defences, "
        "and Finland and Iceland were invited to observe. "
        "The three countries said the pact would be signed in Oslo.",
        "The three countries",
        ["Norway", "Sweden", "Denmark"],
        id="a_count_picks_the_coordination_of_as_many_parties",
    ),
    pytest.param(
        "Senator Ann Cole and Senator Bill Dunn introduced the bill on Monday. "
        "Two senators said they would vote against it.",
        "Two senators",
        [],
        id="an_indefinite_count_is_no_group_named_before",
    ),
]


@pytest.mark.parametrize(("text", "source", "members"), GROUP_MEMBERS)
def test_a_counted_noun_is_the_group_a_coordination_before_names(resolve, text, source, members):
    assert members_by_source(resolve(text))[source] == members


def test_a_counted_phrase_naming_its_parties_refers_to_no_one_before(resolve):
    found = members_by_source(
        resolve(
            "Chancellor Anna Berger and Finance Minister Lukas Roth unveiled the budget on Monday. "
            "The two rapporteurs, Eva Lind and Marta Sousa, said the cuts went too far."
        )
    )
    assert "Anna Berger" not in found["The two rapporteurs, Eva Lind and Marta Sousa"]
    assert "Lukas Roth" not in found["The two rapporteurs, Eva Lind and Marta Sousa"]


def test_a_firm_ner_reads_as_a_person_is_the_company(resolve):
    found = speakers(
        resolve(
            "Towels are folded by robots at Hanamura Robotics, a start-up in Osaka. "
            "The company said the machines fold 600 towels an hour."
        )
    )
    assert found["The company"] == "Hanamura Robotics"
