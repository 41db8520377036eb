"""Regression floors on the shared dev corpora for speaker resolution, the pronoun model (GAP
validation) and event coding: each just below what the code scored on 2026-12-04 (speakers
and GAP: 2026-12-05), so that a drop of a point or two fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import polnear_split, shared_file

SPEAKERS_GOLD = Path(__file__).resolve().parents[1] / "eval" / "speakers" / "polnear-dev.jsonl"
NO_EVENTS_DEV = Path(__file__).resolve().parents[1] / "eval" / "events" / "no-events-dev.jsonl"


@pytest.mark.slow
def test_speaker_resolution_keeps_its_accuracy_on_polnear_dev():
    from reportedly.eval.speakers import evaluate_speakers

    # `reportedly eval speakers ../shared/data/polnear/dev eval/speakers/polnear-dev.jsonl`
    report = evaluate_speakers(polnear_split("dev"), SPEAKERS_GOLD)
    assert (report["items"], report["skipped"]) == (478, 13)
    assert (report["resolvable"]["items"], report["unresolvable"]["items"]) == (288, 148)
    # Measured 2026-12-05 (branch speakers3) on the gold judged by docs/speaker-annotation.md:
    # resolvable (all but named) 210/288 = 0.729, pronouns 159/193 = 0.824, unresolvable left
    # null 135/148 = 0.912; branch speakers4 (writers of first-person sources, relative
    # pronouns' antecedents, part of a people no speaker): 215/288 = 0.747, 164/193 = 0.850,
    # 137/148 = 0.926; branch pronoun-rules (pronouns by clause structure, names NER missed,
    # comma lists): the same three figures (named 21 -> 22 of 42); branch nominal (person
    # descriptions, kinds from appositions, former office holders, ranker retrained without
    # the held-out fifth): 216/288 = 0.750, pronouns 164/193, titles 16/25, nominal anaphora
    # 18/41, null 137/148; branch spk-nominal7 (epithets, capitalised titles, titles of
    # another office, names NER missed, "both" of a kind): 225/288 = 0.781, pronouns 167/193,
    # titles 17/25, nominal anaphora 20/41, null 138/148; branch spk8 (plurals naming no one,
    # inner names, Census first names): 223/288 = 0.774, pronouns 166/193, titles 16/25,
    # nominal anaphora 20/41, null 139/148; branch spk15 (campaigns named only by the
    # compound form, role fields, a copula's kind): 224/288 = 0.778, titles 17/25, the rest
    # the same; branch ner16 (names made whole before linking: headline words, nicknames,
    # organisations' words, a surname read as a modal, honorifics): 232/288 = 0.806, pronouns
    # 172/193, titles 18/25, questions 7/8, null 138/148. Floors: two items fewer right in each
    # (null kept at 137).
    assert report["resolvable"]["accuracy"] >= 0.798
    assert report["kinds"]["pronoun"]["resolvable"]["accuracy"] >= 0.880
    assert report["kinds"]["title"]["resolvable"]["accuracy"] >= 0.64
    assert report["kinds"]["nominal"]["resolvable"]["accuracy"] >= 0.439
    assert report["unresolvable"]["accuracy"] >= 0.925


@pytest.mark.slow
def test_pronoun_model_keeps_its_f1_on_gap_validation():
    from reportedly.eval.gap import evaluate_gap

    # `reportedly eval gap ../shared/data/gap/gap-validation.tsv`
    report = evaluate_gap(shared_file("gap/gap-validation.tsv"))
    assert report["overall"]["pairs"] == 908
    # Measured 2026-12-06 with the shipped model and binding (branch pron11, prepositional
    # objects, relatives and participles added): F1 0.771, masculine 0.713, feminine 0.827.
    # Floors a point below each.
    assert report["overall"]["f1"] >= 0.761
    assert report["masculine"]["f1"] >= 0.703
    assert report["feminine"]["f1"] >= 0.817


@pytest.mark.slow
def test_event_coding_keeps_its_scores_on_plover_dev():
    from reportedly.eval.plover import evaluate_plover

    # `reportedly eval plover ../shared/data/plover/plover_gsr_dev.jsonl \
    #      --no-events eval/events/no-events-dev.jsonl`
    report = evaluate_plover(shared_file("plover/plover_gsr_dev.jsonl"), no_events=NO_EVENTS_DEV)
    assert report["records"] == 160
    # Measured 2026-12-05, once events need a political party: 21 of the 366 sentences without
    # a political event have one coded (0.057; 0.768 before); with cities and regions as
    # places and more sport, weather and science senses: 8 (0.022); branch event-parties
    # (recipients ranked by whether they name someone, which makes more events' parties
    # political; "storm" and "pound" triggers): 12 (0.033); branch plover-parties7 (a
    # sentence's deeper trigger tried where the main one has no political party): 13 (0.036);
    # branch plover8 (owners of noun acts, "EU sanctions took effect"): 14 (0.038); branch
    # plover9 (trigger senses, "hand over", "roll back", "demolish"): 15 (0.041); branch ev15
    # (parties and movements the dictionaries lacked, places coded by their context): 16
    # (0.044). Ceiling: one more (0.046; the bound is 0.05, 18).
    assert report["no_events"]["sentences"] == 366
    assert report["no_events"]["with_event"] <= 17
    # Measured 2026-12-04: event type accuracy 0.812, macro F1 0.749; actor country 0.855,
    # recipient country 0.790. 2026-12-05, with events only where a political party acts:
    # 0.800, 0.752; 0.843, 0.776 (6 records lose their event); with refusals as REJECT,
    # light verbs' objects, office holders and ethnic minorities: 0.825, 0.773; 0.849, 0.797;
    # branch event-parties (rules fitted on ConfliBERT's sentences, not on this file): 0.825,
    # 0.774; 0.843, 0.790. Branch plover-countries (errors read on the --part tune half only,
    # kept when the check half and ConfliBERT's check part held): 0.850, 0.801; 0.849, 0.825
    # (check half alone: 0.821 -> 0.833, actor 0.786, recipient 0.776 -> 0.789). An
    # organisation named after a country no longer its government ("according to the
    # Canadian Press" had been an arrest's actor, CANGOV): recipient 0.818, a record eventless.
    # Branch plover9 (parse slips, object control, trigger senses): 0.869, 0.835. Branch ev17
    # (wordings and senses from the train-wire sets' tune halves and the gold's conventions,
    # the main clause's act before a clause of purpose, condition or time): 0.869, 0.841 (from
    # 0.863, 0.831; check half 0.821 -> 0.833). Floor: one record fewer.
    assert report["event_type_accuracy"] >= 0.862
    assert report["event_type_macro_f1"] >= 0.79
    # Branch plover-parties7 (dated persons' country, meeting venues, appositions, a
    # sentence's deeper trigger where the main one has no political party): 0.850, 0.801;
    # 0.887, 0.846 (check half: actor 0.786 -> 0.798); 13 false events (0.036). Branch
    # plover8 (whose the parties are: owners of acts, relations, borders, a people's adjective
    # before a place, organisations' homes): 0.850; 0.887, 0.860 (the tune half's recipient
    # 0.896 -> 0.925, the check half's unchanged). Branch plover9: 0.893, 0.867 (check half:
    # actor 0.798 -> 0.810, recipient 0.803 -> 0.816). Main after ev11 and code11 (people by
    # shorter names, Congo by era): 0.893, 0.881 (check half recipient 0.829 -> 0.842).
    # Main after ev14 (people fired on, military craft MIL, a reporter's "its") and code14
    # (joined names, dated descriptions): 0.899 (143 of 159), 0.874 (125 of 143; check half
    # actor 0.810 -> 0.821, recipient 0.842 -> 0.829). Branch ev15 (a city with its state or
    # country, names NER cut, a body's common name after another country's adjective, parties
    # no dictionary knows, movements the dictionaries lacked): 0.906 (144 of 159; the tune
    # half's last actor error, an unknown party), 0.881 (126 of 143; check half recipient
    # 0.829 -> 0.842, actor 0.821 unchanged). Floors: about one record fewer.
    assert report["actor"]["country_accuracy"] >= 0.899
    assert report["recipient"]["country_accuracy"] >= 0.874


@pytest.mark.slow
def test_event_parties_keep_their_scores_on_conflibert_check():
    from reportedly.eval.conflibert import evaluate_conflibert

    # `reportedly eval conflibert ../shared/data/conflibert/cameo_ner/train.txt --part check`
    report = evaluate_conflibert(shared_file("conflibert/cameo_ner/train.txt"), "check")
    assert (report["sentences"], report["actor"]["sentences"], report["recipient"]["sentences"]) == (
        576,
        564,
        532,
    )
    # Measured 2026-12-05 on the half no rule was fitted on (branch event-parties): actor
    # span 0.768 -> 0.773, country 0.829 -> 0.839; recipient span 0.500 -> 0.566, country
    # 0.711 -> 0.727. Branch plover-countries (agent plurals as PETRARCH forms them,
    # organisations' bodies and qualified names): actor span 0.809, country 0.887; recipient
    # span 0.592, country 0.753; an organisation named after a country not its government:
    # actor span 0.807, country 0.884. Branch plover-parties7: actor span 0.821, country
    # 0.897; recipient span 0.602, country 0.768; sentences with no event 76 -> 66. Branch
    # plover8: actor span 0.821, country 0.897; recipient span 0.600, country 0.771. Branch
    # plover9: actor span 0.824, country 0.899; recipient span 0.602, country 0.776. Branch
    # ev10: country 0.894 (373 of 417), recipient 0.774 (298 of 385). Branch ev10b: actor
    # country 0.895 (374 of 418), recipient 0.768 (298 of 388: as many right, three more gold
    # spans given a country by the peoples' names of actors.yaml). Branch ev11 (which phrase
    # is the party): actor span 0.826, country 0.897 (375 of 418); recipient span 0.603,
    # country 0.768. Main after ev11 and code11: actor span 0.828, country 0.899 (382 of 425);
    # recipient span 0.605, country 0.772 (301 of 390). Branch ev12 (weapons as attackers, a
    # person's stated country, triggers the list lacked): actor country 0.901 (383 of 425), the
    # rest unchanged. Main after code12, ev12 and ev13 (names as wire news writes them,
    # mis-typed adjectives' sectors, places of recipients): actor span 0.828, country 0.899 (of
    # 426); recipient span 0.609, country 0.777 (of 395). Main after ev14: actor span 0.833,
    # country 0.900; recipient span 0.607, country 0.775. Branch ev15: actor span 0.835 (of
    # 564), country 0.900 (of 429); recipient span 0.609, country 0.777 (of 395). Branch
    # code16 (which phrase is the recipient: people no dictionary codes, "for", a verb's "to"
    # receiver, the asked, an act's owner): actor span 0.839, country 0.900; recipient span
    # 0.643 (342 of 532), country 0.785 (310 of 395). Floors: about two sentences fewer right.
    assert report["actor"]["span_accuracy"] >= 0.835
    assert report["actor"]["country_accuracy"] >= 0.896
    assert report["recipient"]["span_accuracy"] >= 0.639
    assert report["recipient"]["country_accuracy"] >= 0.779
