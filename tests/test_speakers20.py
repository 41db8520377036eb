"""On passages written for the project (issue 18, branch spk20): a counted plural noun ("the two
men", "the four states", "both women") is a group of the parties a recent coordination names as
many of, else of the two people last named when the noun is a person's with no role."""

from __future__ import annotations


def members_by_source(extraction) -> dict[str, list[str]]:
    """Each attribution's source text to the names of its speaker's members."""
    return {
        a.source.text: [member.name for member in a.speaker.members] if a.speaker else []
        for a in extraction.attributions
        if a.source
    }


def test_a_counted_noun_is_the_parties_coordinated_before(resolve):
    found = members_by_source(
        resolve(
            "Chancellor Anna Berger and Finance Minister Lukas Roth unveiled the budget on Monday. "
            "The plan cuts spending by 3 billion euros. "
            'The two men said the cuts were "painful but fair".'
        )
    )
    assert found["The two men"] == ["Anna Berger", "Lukas Roth"]


def test_a_count_picks_the_coordination_of_as_many_parties(resolve):
    found = members_by_source(
        resolve(
            "Norway, Sweden and Denmark agreed on Tuesday to pool their air defences, "
            "and Finland and Iceland were invited to observe. "
            "The three countries said the pact would be signed in Oslo."
        )
    )
    assert found["The three countries"] == ["Norway", "Sweden", "Denmark"]


def test_both_and_a_noun_without_a_role_are_the_two_people_last_named(resolve):
    found = members_by_source(
        resolve(
            "Health Minister Grace Otieno met the striking nurses on Monday. "
            'She said the talks were "frank". '
            "Their union leader, Mary Wanjiku, said the strike would go on. "
            "Both women said they would meet again on Friday."
        )
    )
    assert found["Both women"] == ["Grace Otieno", "Mary Wanjiku"]


def test_an_indefinite_count_is_no_group_named_before(resolve):
    found = members_by_source(
        resolve(
            "Senator Ann Cole and Senator Bill Dunn introduced the bill on Monday. "
            "Two senators said they would vote against it."
        )
    )
    assert found["Two senators"] == []
