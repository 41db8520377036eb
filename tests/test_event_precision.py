"""Event precision: no events in business, science, sport or health news, triggers read in
their political sense, negation from the whole clause, capitals that stand for governments;
and the false-event rate of `reportedly eval plover --no-events`. Passages written for the
project, after the errors issue 19 found in real articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportedly.eval.plover import false_event_scores, format_report, read_no_event_sentences
from reportedly.model import Document, Event

NO_EVENT = [
    # business: a deal struck by no political party
    "Investors doubt his ability to strike a deal with the company's creditors.",
    # health: deaths from an outbreak are no assault
    "More than 11,200 people have died in an Ebola outbreak in West Africa.",
    "Three people were killed in a car accident on the motorway.",
    # markets: scepticism is no accusation
    "But analysts remain skeptical about the company's growth forecasts.",
    # sport: a club named after its city is no government, and beating it no assault
    "Manchester United attacked from the start and beat Bengaluru FC 3-1 on Saturday.",
    "The striker scored twice as Real Madrid crushed Barcelona.",
    "Liverpool beat Chelsea 2-0 at Anfield on Sunday to go top of the table.",
    # science: prehistoric occupation is no coercion
    "It is evidence of an initial modern human occupation of Europe.",
    # culture; a spot held is no occupation
    "The actor received an award for his role in the film.",
    "The film occupied the top spot at the box office for a third week.",
]


def events_of(extract, text: str) -> list[Event]:
    return extract(text).events


@pytest.mark.parametrize("text", NO_EVENT)
def test_non_political_news_codes_no_event(extract, text: str):
    assert [(event.event_type, event.trigger.text) for event in events_of(extract, text)] == []


def codes(parties) -> list[str | None]:
    return [party.actor.code if party.actor else None for party in parties]


@pytest.mark.parametrize(
    ("text", "event_type", "trigger", "actor", "recipient"),
    [
        (
            "Russian forces attacked Ukrainian positions near Bakhmut.",
            "ASSAULT",
            "attacked",
            ["RUSMIL"],
            ["UKR"],
        ),
        # "agreed" also reports them, and a country that speaks is its government
        ("Israel and Hamas agreed to a ceasefire.", "AGREE", "agreed", ["ISRGOV", "PSEREBHMS"], []),
        # breaking off a dialogue rejects it; it threatens no one
        ("The Americans have broken off the dialogue with Tehran.", "REJECT", "broken", ["USA"], ["IRNGOV"]),
        # a deal struck between states is an agreement
        ("The United States and China struck a trade deal on Friday.", "AGREE", "struck", ["USA", "CHN"], []),
        # capitals that act stand for what they are the seat of
        (
            "Brussels threatened Hungary with sanctions over the law.",
            "THREATEN",
            "threatened",
            ["IGOEUREEC"],
            ["HUN"],
        ),
        ("Washington imposed sanctions on Moscow.", "SANCTION", "sanctions", ["USAGOV"], ["RUSGOV"]),
    ],
)
def test_political_events_are_still_coded(extract, text, event_type, trigger, actor, recipient):
    (event,) = events_of(extract, text)
    assert (event.event_type, event.trigger.text, codes(event.actor), codes(event.recipient)) == (
        event_type,
        trigger,
        actor,
        recipient,
    )
    assert not event.negated


def test_a_capital_that_is_a_place_stays_a_place(extract):
    (event,) = events_of(extract, "Russian troops shelled Kyiv on Monday.")
    assert (event.event_type, codes(event.recipient)) == ("ASSAULT", ["UKR"])


@pytest.mark.parametrize(
    ("text", "event_type", "trigger"),
    [
        # no one acted: the whole clause negates the act
        ("No European government has recognised the new regime in Niger.", "SUPPORT", "recognised"),
        ("Russia never withdrew its troops from Transnistria.", "RETREAT", "withdrew"),
    ],
)
def test_negation_comes_from_the_whole_clause(extract, text, event_type, trigger):
    (event,) = events_of(extract, text)
    assert (event.event_type, event.trigger.text, event.negated) == (event_type, trigger, True)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Serbia refused to sign the agreement with the European Union.", "refused"),
        ("Turkey declined to sign the agreement with Greece.", "declined"),
    ],
)
def test_a_refusal_is_a_rejection_not_a_negated_act(extract, text, trigger):
    (event,) = events_of(extract, text)
    assert (event.event_type, event.trigger.text, event.negated) == ("REJECT", trigger, False)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # an act of cooperation denied for the future, or failed, is refused: PLOVER's REJECT
        ("Nobody in Ukraine will sign away our land.", "sign"),
        ("Kenya said on Tuesday it will not accept any more refugees from Somalia.", "accept"),
        ("Hungary won't sign the joint statement, its foreign minister said.", "sign"),
        (
            "Egypt and Ethiopia failed to reach an agreement on the dam after three days of talks.",
            "agreement",
        ),
    ],
)
def test_a_cooperation_refused_for_the_future_is_a_rejection(extract, text, trigger):
    (event,) = events_of(extract, text)
    assert (event.event_type, event.trigger.text, event.negated) == ("REJECT", trigger, False)


NO_EVENT_SENTENCES = [
    {"id": "ne-1", "domain": "sport", "text": NO_EVENT[5], "tempting": ["crushed"]},
    {"id": "ne-2", "domain": "health", "text": NO_EVENT[1], "tempting": ["died"]},
    {
        "id": "ne-3",
        "domain": "politics-tempting",
        "text": "Washington imposed sanctions on Moscow.",
        "tempting": [],
    },
]


def write_lines(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_false_event_rate_counts_sentences_with_an_event(extractor, tmp_path: Path):
    sentences = read_no_event_sentences(write_lines(tmp_path / "no-events.jsonl", NO_EVENT_SENTENCES))
    extractions = extractor.extract(Document(doc_id=s["id"], text=s["text"]) for s in sentences)
    scores = false_event_scores(sentences, extractions)
    assert (scores["sentences"], scores["with_event"], scores["false_event_rate"]) == (3, 1, 0.333)
    assert scores["events_per_sentence"] == 0.333
    assert scores["by_domain"]["sport"] == {"sentences": 1, "with_event": 0, "false_event_rate": 0.0}
    assert scores["false_events"] == [{"id": "ne-3", "event_type": "SANCTION", "trigger": "sanctions"}]


def test_a_malformed_no_event_sentence_names_its_line(tmp_path: Path):
    path = tmp_path / "no-events.jsonl"
    path.write_text('{"id": "a", "text": "It rained."}\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"no-events\.jsonl:2: not a no-event sentence"):
        read_no_event_sentences(path)


@pytest.mark.slow
def test_eval_plover_reports_the_false_event_rate_in_json_and_text(cli, tmp_path: Path):
    gold = write_lines(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "g1",
                "text": "Russian forces attacked Ukrainian positions near Bakhmut.",
                "event_type": "ASSAULT",
                "actor": [{"text": "Russian forces", "code": "RUS", "sector": "MIL"}],
                "recipient": [{"text": "Ukrainian positions", "code": "UKR", "sector": "MIL"}],
            }
        ],
    )
    no_events = write_lines(tmp_path / "no-events.jsonl", NO_EVENT_SENTENCES)
    result = cli("eval", "plover", str(gold), "--no-events", str(no_events), "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["event_type_accuracy"], report["no_events"]["false_event_rate"]) == (1.0, 0.333)
    assert format_report(report).splitlines()[-1] == (
        "no-event   false-event rate 0.333  (1 of 3 sentences)  events/sentence 0.333"
    )
    result = cli("eval", "plover", str(gold), "--no-events", str(tmp_path / "missing.jsonl"))
    assert result.exit_code == 2
    assert "'--no-events': File" in result.stderr


@pytest.mark.slow
def test_a_party_a_users_actor_dictionary_codes_needs_no_political_sector(cli, tmp_path: Path):
    # As in PETRARCH, the user's dictionary says who matters: its codes need no political sector.
    actors = tmp_path / "actors.yaml"
    actors.write_text("actors:\n  - name: Arnor\n    codes: [{code: ARNREL}]\n", encoding="utf-8")
    result = cli("extract", "-", "--actors", str(actors), stdin="Arnor accused the merchants of fraud.\n")
    assert result.exit_code == 0, result.stderr
    (event,) = json.loads(result.stdout)["events"]
    assert (event["event_type"], event["actor"][0]["code"]) == ("ACCUSE", "ARNREL")


def test_the_kept_events_are_numbered_without_gaps(extract):
    text = (
        "More than 11,200 people have died in an Ebola outbreak. "
        "Russian forces attacked Ukrainian positions near Bakhmut."
    )
    assert [(event.id, event.event_type) for event in events_of(extract, text)] == [("v1", "ASSAULT")]
