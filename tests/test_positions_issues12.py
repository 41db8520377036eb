"""Issue patterns of branch issues12: wording families the training sets' cross-validation
missed, and an issue's words as a part of a hyphenated word (the gold unread)."""

from __future__ import annotations

import pytest

from reportedly.positions.issues import load_issues


def _about(text: str) -> list[str]:
    return [issue.name for issue, _match in load_issues().about(text)]


@pytest.mark.parametrize(
    ("text", "issues"),
    [
        # a pause, a front-line freeze, fighting that goes on, an end to a party's own war
        ("Why would we give them a pause to regroup?", ["ceasefire"]),
        ("a freeze along the current front line was the least bad option", ["ceasefire"]),
        ("the strikes would continue for as many days as it takes", ["ceasefire"]),
        ("Moscow must end its war now", ["ceasefire"]),
        ("the bloc called for the cessation of violence first", ["ceasefire"]),
        ("Moscow had no intention of freezing the conflict", ["ceasefire"]),
        # borders changed by force, land left, mutual recognition
        ("borders must not be changed by force", ["territory"]),
        ("until the last soldier has left Ukrainian soil", ["territory"]),
        ("only on the basis of mutual recognition", ["territory"]),
        ("a federation of two sovereign and equal states", ["territory"]),
        ("Yerevan must return four border villages", ["territory"]),
        ("reunification is unstoppable", ["territory"]),
        # neutrality, the CSTO by name
        ("Austria must remain neutral", ["alliance_membership"]),
        ("Armenia would leave the Russia-led CSTO", ["alliance_membership"]),
        # sanctions by their package's number, secondary tariffs (both issues)
        ("Will the EU agree the 18th package this week?", ["sanctions"]),
        ("secondary tariffs on Russian oil", ["sanctions", "trade_tariffs"]),
        # talks by another name
        ("We will keep talking as long as Washington is willing to listen", ["negotiations"]),
        ("We don't sit with the militia", ["negotiations"]),
        ("the group remained committed to the Doha process", ["negotiations"]),
        ("the documents remain under discussion", ["negotiations"]),
        # prisoners freed, exchanges agreed
        ("A deal that frees thousands of terrorists is a disaster", ["prisoner_exchange"]),
        ("They agreed on an exchange", ["prisoner_exchange"]),
        # elections
        ("the people elected me", ["elections"]),
        ("Ukraine should hold a vote before any deal", ["elections"]),
        ("she would call a vote of no confidence", []),
        ("the annulled vote must never happen again", ["elections"]),
        ("the rerun was a victory for democracy", ["elections"]),
        # guarantees: ground troops, Article 4, a post-war mission
        ("ruled out sending ground troops", ["security_guarantees"]),
        ("Article 4 has been triggered", ["security_guarantees"]),
        ("a post-war mission in Gaza", ["security_guarantees"]),
        # nuclear weapons, tests and sites by name
        ("the complete denuclearisation of the peninsula", ["nuclear_programme"]),
        ("a seventh nuclear test", ["nuclear_programme"]),
        ("preparations at the Punggye-ri test site", ["nuclear_programme"]),
        ("The New START treaty expired at midnight", ["nuclear_programme"]),
        ("any transfer of nuclear or missile technology", ["nuclear_programme"]),
        # trade
        ("the law of reciprocity", ["trade_tariffs"]),
        ("What I can say is that we want zero for zero", ["trade_tariffs"]),
        ("a ban on fuel and fruit exports", ["trade_tariffs"]),
        ("restore the free movement of goods", ["trade_tariffs"]),
        ("the EU-Mercosur deal would kill French farming", ["trade_tariffs"]),
        # humanitarian aid, rescues at sea
        ("it would have to cut rations by half", ["humanitarian_aid"]),
        ("Evacuation of families with children is now mandatory", ["humanitarian_aid"]),
        ("to resume search-and-rescue operations", ["migration"]),
    ],
)
def test_the_patterns_find_issues_in_wordings_the_training_sets_had_missed(text: str, issues: list[str]):
    assert _about(text) == issues


@pytest.mark.parametrize(
    ("text", "issues"),
    [
        ("Ottawa would keep its counter-tariffs in place", ["trade_tariffs"]),
        ("the party would boycott any by-elections", ["elections"]),
        ("any delay in air-defence deliveries", ["military_aid"]),
        ("the pro-ceasefire camp", ["ceasefire"]),
        ("a warlike mood", []),
    ],
)
def test_an_issues_words_name_it_as_a_part_of_a_hyphenated_word(text: str, issues: list[str]):
    assert _about(text) == issues


def test_against_words_are_whole_words_not_a_compounds_part():
    sanctions = next(issue for issue in load_issues().issues if issue.name == "sanctions")
    words = sanctions.against_words()
    assert words.search("the EU would lift the sanctions") is not None
    # "lift" and "end" as a part of a hyphenated word are no acts against sanctions
    assert words.search("an open-ended package of sanctions after the lift-off") is None
