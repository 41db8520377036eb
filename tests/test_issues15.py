"""Issue patterns of branch issues15: wording families the shipped patterns lacked, and
words that placed the wrong issue (passages written for these tests)."""

from __future__ import annotations

import pytest

from reportedly.positions.issues import load_issues


@pytest.fixture(scope="module")
def book():
    return load_issues()


def placed(book, text: str) -> dict[str, str]:
    return {issue.name: match.group(0) for issue, match in book.about(text)}


@pytest.mark.parametrize(
    ("text", "issue", "words"),
    [
        # A halt to the fighting said of its going on or stopping, in any tense.
        (
            "The militia said attacks on ships bound for the port would not stop.",
            "ceasefire",
            "attacks on ships bound for the port would not stop",
        ),
        ("He said the deal silences the guns in the north.", "ceasefire", "silences the guns"),
        ("Moscow will cease fire at midnight.", "ceasefire", "cease fire"),
        ("The army will pause Operation Dawn for three days.", "ceasefire", "pause Operation"),
        ("Both sides were urged to exercise restraint.", "ceasefire", "exercise restraint"),
        # Land held, left or claimed.
        ("Kigali says it withdraws its soldiers this week.", "territory", "withdraws its soldiers"),
        ("Troops will stay in the buffer zone.", "territory", "buffer zone"),
        ("He said they would keep the areas they had captured.", "territory", "areas they had captured"),
        ('The region is an "integral part" of the country.', "territory", "integral part"),
        # Accession and its negotiations are membership.
        ("The accession talks with Ankara will stay frozen.", "alliance_membership", "accession talks"),
        ("Britain is now out of the EU.", "alliance_membership", "out of the EU"),
        # Frozen funds, costs imposed as a penalty.
        ("The transfer of frozen funds was approved.", "sanctions", "frozen funds"),
        ("The allies warned of severe economic costs.", "sanctions", "economic costs"),
        # Seeking a deal, talks with a party.
        (
            "Pretoria will seek a bilateral deal rather than retaliate.",
            "negotiations",
            "seek a bilateral deal",
        ),
        ("The format of the discussions with the rebels is not settled.", "negotiations", "discussions with"),
        # Releases of people held, an exchange.
        (
            "The rebels agreed to release all UN and NGO staff.",
            "prisoner_exchange",
            "release all UN and NGO staff",
        ),
        ("Her lawyer said he never asked to be part of any exchange.", "prisoner_exchange", "any exchange"),
        (
            "Forty fighters were freed in exchange for the pilot.",
            "prisoner_exchange",
            "freed in exchange for",
        ),
        # Arms exports, arms embargoes, foreign troops helping a party.
        ("The court suspended 30 arms export licences.", "military_aid", "arms export"),
        ("An arms embargo on the junta is overdue.", "military_aid", "arms embargo"),
        (
            "Parliament voted to end the presence of foreign troops.",
            "military_aid",
            "presence of foreign troops",
        ),
        # Votes counted or stolen, provisional results.
        ("They stole our votes.", "elections", "stole our votes"),
        ("The commission published the provisional results.", "elections", "provisional results"),
        # Security agreements and guarantees by those who give them.
        (
            "Kyiv signed a ten-year security agreement with Paris.",
            "security_guarantees",
            "security agreement",
        ),
        ("Only legally binding guarantees will do.", "security_guarantees", "legally binding guarantees"),
        # Aid across a border, named crossings.
        ("Moscow will extend cross-border aid for six months.", "humanitarian_aid", "cross-border aid"),
        ("The Rafah crossing stays shut.", "humanitarian_aid", "Rafah crossing"),
        # Trade: counter-measures, a carbon border levy.
        ("The counter-measures will be lifted.", "trade_tariffs", "counter-measures"),
        (
            "Importers will pay under the carbon border adjustment mechanism.",
            "trade_tariffs",
            "carbon border adjustment",
        ),
        # Displacement of a people as policy.
        (
            "The summit rejected the expulsion of the Palestinians from Gaza.",
            "migration",
            "expulsion of the Palestinians",
        ),
        ("Libya's coast guard will keep intercepting the boats.", "migration", "intercepting the boats"),
        # Climate: a limit of 1.5 degrees said in the singular.
        ("We will not sign a deal that ignores the 1.5 degree limit.", "climate", "1.5 degree"),
    ],
)
def test_wording_families_place_their_issue(book, text: str, issue: str, words: str) -> None:
    assert placed(book, text).get(issue) == words


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # An arms embargo is military aid, not sanctions (docs/position-annotation.md).
        ("An arms embargo on the junta is overdue.", "sanctions"),
        # Neutrality of carbon or of the climate is no alliance's.
        ("The goal of carbon neutrality by 2050 is an ideology.", "alliance_membership"),
        ("Poland will not commit to the climate neutrality goal.", "alliance_membership"),
        # The law of war is not aid.
        ("The weapons must be used in line with international humanitarian law.", "humanitarian_aid"),
        # A summit of an alliance is not talks between parties, nor a mountain's summit.
        ("Hungary will not veto the NATO summit's support package.", "negotiations"),
        # Accession talks are membership alone.
        ("France would not open accession talks with Albania.", "negotiations"),
        ("EU governments should suspend accession negotiations with Turkey.", "negotiations"),
    ],
)
def test_words_that_placed_the_wrong_issue_no_longer_do(book, text: str, wrong: str) -> None:
    assert wrong not in placed(book, text)


def test_a_summit_between_parties_is_still_talks(book) -> None:
    assert placed(book, "The summit in Alaska produced nothing.")["negotiations"] == "summit"


def test_the_joined_search_ignores_case_as_each_pattern_does(book) -> None:
    # The search's groups are keyed by a lower-case first character: upper-case text is found.
    text = "OFFICIALS SAID THE PEACE DEAL WAS CLOSE AND THE ARMS EMBARGO WOULD STAY."
    assert placed(book, text) == {"negotiations": "PEACE DEAL", "military_aid": "ARMS EMBARGO"}
    first = book.any_issue.search(text)
    assert first is not None and first.start() == text.index("PEACE DEAL")
