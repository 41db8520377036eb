"""Event types and the countries of their parties, on the general errors the tune half of
the PLOVER gold showed (issue 19): obligations reported by someone are their demands,
agent nouns in the plural ("authorities"), bodies of intergovernmental organisations and
qualified names the dictionaries lack, who did what an act is done to, and "evacuate" in
its sense of aid. Passages written for the project; and `eval plover --part` and
`--errors`, by which the changes were tuned on one half of the gold and checked on the
other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportedly.eval.plover import part_of
from reportedly.model import Event
from reportedly.resolve.actors import load_coder
from reportedly.resolve.dictionaries import regular_plural


def codes(parties) -> list[str | None]:
    return [party.actor.code if party.actor else None for party in parties]


def coded(event: Event) -> tuple[str, str, list[str | None], list[str | None]]:
    return event.event_type, event.trigger.text, codes(event.actor), codes(event.recipient)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what someone "must" do is a demand, of them, by whoever lays the obligation: the
        # subject of the clause that reports it, or the speaker ...
        (
            "The Arab League concluded on Sunday that Israel must halt the construction of settlements.",
            ("REQUEST", "halt", ["IGOMEAARL"], ["ISR"]),
        ),
        (
            "The Red Cross said Ethiopian troops must allow food convoys into the region.",
            ("REQUEST", "allow", ["IGOHLHIRC"], ["ETHMIL"]),
        ),
        # ... also through the purpose of what they must do; a speaker known by words keeps
        # the entity they name, not the country of the place after it
        (
            "Kenyan police must ensure security to allow aid to reach the camps, "
            "the Red Crescent operating in Somalia said.",
            ("REQUEST", "allow", ["IGOHLHIRC"], ["KENCOP"]),
        ),
    ],
)
def test_an_obligation_is_a_demand_by_whoever_lays_it(extract, text, expected):
    (event,) = extract(text).events
    assert coded(event) == expected


def test_agent_nouns_take_the_plurals_petrarch_gives_them():
    assert [regular_plural(noun) for noun in ("AUTHORITY", "ENVOY", "BOSS", "TROOP")] == [
        "AUTHORITIES",
        "ENVOYS",
        "BOSSES",
        "TROOPS",
    ]
    coder = load_coder()
    assert [coder.sector_of(words) for words in ("authorities", "ministries", "embassies")] == ["GOV"] * 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "authorities": a government, so an event
        # the blogger is the recipient, though no dictionary codes bloggers (branch code16),
        # of the state that frees them, as journalists are placed (branch code25)
        ("Syrian authorities have freed a prominent blogger.", ("RETREAT", "freed", ["SYRGOV"], ["SYRMED"])),
        # a body of the UN that the dictionaries lack is the UN's
        (
            "The UN Migration Agency has launched an appeal for Ethiopia.",
            ("REQUEST", "appeal", ["IGOUNO"], ["ETH"]),
        ),
        # spellings and older names of organisations
        (
            "The International Labor Office urged Qatar to protect migrant workers.",
            ("REQUEST", "urged", ["IGOUNOLABILO"], ["QAT"]),
        ),
        (
            "Greece urged its European Community partners to reject the name.",
            ("REQUEST", "urged", ["GRCGOV"], ["IGOEUREEC"]),
        ),
        # a known name qualified by its country
        (
            "The detained fishing boats were released by Iranian Revolutionary Guards.",
            ("RETREAT", "released", ["IRNMIL"], []),
        ),
        ("The Estonian MEP demanded sanctions on Russia.", ("REQUEST", "demanded", ["ESTLEG"], ["RUS"])),
        # who is acted on is who did the thing the act is done to
        (
            "Polish police prevented a march organised by nationalists in Warsaw.",
            ("COERCE", "prevented", ["POLCOP"], ["POL"]),
        ),
    ],
)
def test_parties_the_dictionaries_lack_get_their_codes(extract, text, expected):
    (event,) = extract(text).events
    assert coded(event) == expected


def test_evacuating_the_wounded_is_aid_and_evacuating_villages_a_withdrawal(extract):
    (aid,) = extract("Peacekeepers evacuated the wounded from the besieged town of Goma on Tuesday.").events
    assert (aid.event_type, codes(aid.recipient)) == ("AID", ["COD"])
    (withdrawal,) = extract("The Kenyan army evacuated the border villages ahead of the offensive.").events
    assert withdrawal.event_type == "RETREAT"


def test_a_range_of_days_is_no_score_but_a_score_is(extract):
    text = "The United Nations welcomed the decisions taken at the council's meeting from 6-10 February 2018."
    assert [coded(event) for event in extract(text).events] == [("SUPPORT", "welcomed", ["IGOUNO"], [])]
    assert extract("Chelsea beat Arsenal 3-1 in the league on Sunday.").events == []
    # a score at the sentence's or a clause's end: its full stop or comma is no decimal point
    assert extract("Ireland attacked relentlessly and beat France 30-20.").events == []
    assert extract("Ireland attacked relentlessly and beat France 30-20, a record.").events == []


def test_the_parts_split_by_the_hash_of_the_id_whatever_the_order():
    # SHA-1 first bytes: d 60, e 88, g2 7 (tune); a 134, b 233, g1 164 (check)
    records = [{"id": name} for name in ("a", "d", "b", "e", "g1", "g2")]
    assert [r["id"] for r in part_of(records, "tune")] == ["d", "e", "g2"]
    assert [r["id"] for r in part_of(records, "check")] == ["a", "b", "g1"]
    assert part_of(records[::-1], "tune") == part_of(records, "tune")[::-1]
    assert part_of(records, "all") == records
    with pytest.raises(ValueError, match="part: one of tune, check, all"):
        part_of(records, "dev")


@pytest.mark.slow
def test_eval_plover_scores_one_part_and_writes_its_errors(cli, tmp_path: Path):
    gold = tmp_path / "gold.jsonl"
    records = [
        # tune (SHA-1 of "d" begins 60): right
        {
            "id": "d",
            "text": "Russian forces attacked Ukrainian positions near Bakhmut.",
            "event_type": "ASSAULT",
            "actor": [{"text": "Russian forces", "code": "RUS", "sector": "MIL"}],
            "recipient": [{"text": "Ukrainian positions", "code": "UKR", "sector": "MIL"}],
        },
        # tune ("e": 88): the type is wrong (a peace treaty signed is coded AGREE, no meeting)
        {
            "id": "e",
            "text": "Israel and Jordan signed a peace treaty.",
            "event_type": "CONSULT",
            "actor": [{"text": "Israel", "code": "ISR", "sector": None}],
            "recipient": [],
        },
        # check ("a": 134)
        {
            "id": "a",
            "text": "Washington imposed sanctions on Moscow.",
            "event_type": "SANCTION",
            "actor": [{"text": "Washington", "code": "USA", "sector": "GOV"}],
            "recipient": [{"text": "Moscow", "code": "RUS", "sector": "GOV"}],
        },
    ]
    gold.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = cli("eval", "plover", str(gold), "--part", "tune", "--errors", str(errors), "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["part"], report["records"], report["event_type_accuracy"]) == ("tune", 2, 0.5)
    (error,) = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert (error["id"], error["wrong"], error["gold"]["type"], error["coded"]["type"]) == (
        "e",
        ["type"],
        "CONSULT",
        "AGREE",
    )
    assert error["coded"]["actor"] == [["Israel", "ISR"], ["Jordan", "JOR"]]
    result = cli("eval", "plover", str(gold), "--part", "check", "--format", "text")
    assert result.stdout.splitlines()[0] == "check: 1 records, 0 with no event"
