"""The shipped learned tagger, its decoding, and how its spans become attributions."""

import json
import re

import numpy as np
import pytest
from click.testing import CliRunner

from reportedly.attribution.drafts import Draft
from reportedly.attribution.learned import joined_cue_spans, with_conventional_edges
from reportedly.attribution.lexicon import DEFAULT_CUE_RATE, load_lexicon
from reportedly.attribution.link import link_attributions
from reportedly.attribution.tagged_drafts import clip_to_clause, join_split_contents, one_cue_per_content
from reportedly.attribution.tagger import AttributionTagger, TaggerError, load_tagger, shipped_model_dir
from reportedly.attribution.tagscheme import (
    LABELS,
    ROLES,
    Tagging,
    best_tag_sequence,
    transition_scores,
    without_edge_punctuation,
)
from reportedly.cli import main
from reportedly.extract import Extractor
from reportedly.model import Document, Range
from reportedly.nlp.pipeline import DEFAULT_TAGGER, load_spacy

from conftest import only, texts

KULEBA = (
    "Ukraine's foreign minister Dmytro Kuleba told reporters on Monday that Kyiv would not "
    "accept a ceasefire that froze the front line."
)


def one_hot(*tags: str) -> np.ndarray:
    probs = np.full((len(tags), len(LABELS)), 0.01)
    for row, tag in enumerate(tags):
        probs[row, LABELS.index(tag)] = 0.9
    return probs


def test_decoding_keeps_spans_valid_bio():
    # A stray inside tag after O cannot start a span: the best valid sequence is taken.
    probs = one_hot("B-SOURCE", "O", "I-CONTENT", "I-CONTENT")
    probs[2, LABELS.index("B-CONTENT")] = 0.5
    assert best_tag_sequence(probs, LABELS) == ["B-SOURCE", "O", "B-CONTENT", "I-CONTENT"]
    assert best_tag_sequence(np.zeros((0, len(LABELS))), LABELS) == []


def test_transition_scores_are_smoothed_log_probabilities_of_the_next_tag():
    scores = transition_scores([["O", "B-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT"]], LABELS)
    cue, content = LABELS.index("B-CUE"), LABELS.index("B-CONTENT")
    assert np.exp(scores).sum(axis=1) == pytest.approx(np.ones(len(LABELS)))
    assert np.exp(scores[cue, content]) == pytest.approx(2 / 8)  # seen once, plus one for each of 7 tags
    assert np.exp(scores[cue, LABELS.index("B-SOURCE")]) == pytest.approx(1 / 8)


def test_counted_transitions_decide_a_word_the_tagger_is_torn_on():
    # After a cue the tagger cannot tell source from content; gold says content follows cues.
    probs = one_hot("B-CUE", "B-CONTENT")
    probs[1, LABELS.index("B-SOURCE")] = 0.91
    assert best_tag_sequence(probs, LABELS)[1] == "B-SOURCE"
    learned = transition_scores([["B-CUE", "B-CONTENT"]] * 20, LABELS)
    assert best_tag_sequence(probs, LABELS, 0.3 * learned) == ["B-CUE", "B-CONTENT"]


def test_spans_start_and_end_on_words():
    tokens = [(0, 6), (7, 11), (11, 12), (13, 14), (14, 18), (18, 19)]  # Lavrov said: "Talks"
    punctuation = [False, False, True, True, False, True]
    spans = [("CUE", (7, 12)), ("CONTENT", (13, 19)), ("SOURCE", (11, 12))]
    assert without_edge_punctuation(tokens, punctuation, spans) == [("CUE", (7, 11)), ("CONTENT", (14, 18))]


def test_shipped_tagger_marks_cue_source_and_content():
    tagging = load_tagger(DEFAULT_TAGGER).tag_doc(load_spacy()(KULEBA))
    assert [(role, KULEBA[a:b]) for role, (a, b) in tagging.spans] == [
        ("SOURCE", "Ukraine's foreign minister Dmytro Kuleba"),
        ("CUE", "told"),
        ("CONTENT", "that Kyiv would not accept a ceasefire that froze the front line"),
    ]


def test_tagged_spans_are_linked_with_the_rules_addressee(extract):
    (attribution,) = extract(KULEBA).attributions
    assert attribution.cue.text == "told"
    assert attribution.source.text == "Ukraine's foreign minister Dmytro Kuleba"
    assert attribution.addressee.text == "reporters"
    assert [part.text for part in attribution.content] == [
        "that Kyiv would not accept a ceasefire that froze the front line"
    ]


def test_rules_alone_when_the_tagger_is_off():
    extractor = Extractor(tagger="none")
    assert "reportedly_tagger" not in extractor.nlp.pipe_names
    (attribution,) = extractor.extract_one(Document("kuleba", KULEBA)).attributions
    assert attribution.source.text == "Ukraine's foreign minister Dmytro Kuleba"


def test_a_missing_tagger_folder_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["extract", "-", "--tagger", str(tmp_path)], input=KULEBA)
    assert result.exit_code == 1
    assert f"cannot load the attribution tagger in {tmp_path}: no model.int8.onnx" in result.output


SHIPPED_FILES = ["model.int8.onnx", "tokenizer.json", "labels.json", "model-card.json", "NOTICE"]


@pytest.mark.parametrize("name", SHIPPED_FILES)
def test_the_tagger_ships_with_its_card_and_notice(name):
    from reportedly.attribution.tagger import shipped_model_dir

    assert (shipped_model_dir() / name).is_file()


def test_a_broken_tagger_model_is_a_clear_error(tmp_path):
    from reportedly.attribution.tagger import shipped_model_dir

    for name in ("tokenizer.json", "labels.json"):
        (tmp_path / name).write_bytes((shipped_model_dir() / name).read_bytes())
    (tmp_path / "model.int8.onnx").write_bytes(b"not a model")
    result = CliRunner().invoke(main, ["extract", "-", "--tagger", str(tmp_path)], input=KULEBA)
    assert result.exit_code == 1
    assert result.output.startswith(f"reportedly: error: cannot load the attribution tagger in {tmp_path}: ")
    assert len(result.output.strip().splitlines()) == 1


def test_a_copied_tagger_reads_its_own_threshold_and_a_broken_one_is_refused(tmp_path):
    for name in ("tokenizer.json", "labels.json", "model.int8.onnx"):
        (tmp_path / name).symlink_to(shipped_model_dir() / name)
    (tmp_path / "decoding.json").write_text('{"min_confidence": 0.0}', encoding="utf-8")
    tagger = AttributionTagger(tmp_path)
    assert (tagger.min_confidence, tagger.transitions) == (0.0, None)
    (tmp_path / "decoding.json").write_text('{"transitions": [[0.0, 1.0]]}', encoding="utf-8")
    with pytest.raises(TaggerError, match=r"decoding\.json: transitions must be 7 x 7"):
        AttributionTagger(tmp_path)
    (tmp_path / "decoding.json").write_text('{"min_confidence": "high"', encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "-", "--tagger", str(tmp_path)], input=KULEBA)
    assert result.exit_code == 1
    assert result.output.startswith(f"reportedly: error: cannot load the attribution tagger in {tmp_path}: ")


def test_tagged_spans_stop_at_line_breaks():
    from reportedly.attribution.tagscheme import split_at_line_starts

    text = "Russia rejects proposal for talks\nMOSCOW (Reuters) - Russia said"
    tokens = [(15, 23), (24, 27), (28, 33), (34, 40), (41, 42)]  # proposal for talks / MOSCOW (
    line_starts = [False, False, False, True, False]
    pieces = split_at_line_starts(tokens, line_starts, [("CONTENT", (15, 40))])
    assert [text[a:b] for _, (a, b) in pieces] == ["proposal for talks", "MOSCOW"]


def test_a_reported_attribution_nests_inside_the_one_reporting_it(extract):
    text = (
        "Hungary's prime minister, Viktor Orban, denied that his government was blocking "
        "the deal, his spokesman wrote on X."
    )
    inner, outer = extract(text).attributions
    assert (outer.cue.text, outer.source.text) == ("wrote", "his spokesman")
    assert [part.text for part in outer.content] == [
        "Hungary's prime minister, Viktor Orban, denied that his government was blocking the deal"
    ]
    assert (inner.cue.text, inner.parent) == ("denied", outer.id)
    assert [part.text for part in inner.content] == ["that his government was blocking the deal"]


def test_an_outlet_named_with_the_still_reports_a_nested_attribution(extract):
    outer, inner = extract("The Hill reported that Putin insisted the operation would continue.").attributions
    assert (outer.source.text, inner.source.text, inner.parent) == ("The Hill", "Putin", outer.id)


@pytest.mark.parametrize(
    ("text", "outer_cue", "inner"),
    [
        (
            "Russian Foreign Minister Sergei Lavrov welcomed the offer but insisted that any talks "
            'must take into account "the realities on the ground," according to the news agency TASS.',
            "according to",
            ("insisted", "Russian Foreign Minister Sergei Lavrov"),
        ),
        (
            "German Chancellor Olaf Scholz told the broadcaster ZDF that Berlin expects the "
            "sanctions package to be approved this week.",
            "told",
            ("expects", "Berlin"),
        ),
    ],
)
def test_a_listed_cue_verb_the_tagger_is_silent_on_still_counts(extract, text, outer_cue, inner):
    # Diplomacy copy the tagger, trained on US campaign news, does not mark: the hand list does.
    outer, nested = extract(text).attributions
    assert outer.cue.text == outer_cue
    assert ((nested.cue.text, nested.source.text), nested.parent) == (inner, outer.id)


UNVEILED = "The ministry unveiled a plan to end the war."


def tagging_of(text: str, cue_probability: float, min_confidence: float) -> Tagging:
    """A tagging of UNVEILED as an attribution: cue "unveiled", content "a plan to end the war"."""
    words = [(match.start(), match.end()) for match in re.finditer(r"\w+|[^\w\s]", text)]
    cue, content = Range(13, 21), Range(22, 43)
    probabilities = np.zeros((len(words), len(ROLES)))
    for row, (start, _) in enumerate(words):
        if cue[0] <= start < cue[1]:
            probabilities[row, ROLES.index("CUE")] = cue_probability
        elif content[0] <= start < content[1]:
            probabilities[row, ROLES.index("CONTENT")] = 0.9
    return Tagging(
        [("SOURCE", Range(0, 12)), ("CUE", cue), ("CONTENT", content)],
        word_starts=[start for start, _ in words],
        role_probabilities=probabilities,
        min_confidence=min_confidence,
    )


def test_confidence_is_the_mean_role_probability_of_the_words():
    tagging = tagging_of(UNVEILED, 0.5, 0.0)
    assert tagging.confidence("CUE", [Range(13, 21)]) == pytest.approx(0.5)
    assert tagging.confidence("CONTENT", [Range(22, 43)]) == pytest.approx(0.9)
    assert tagging.confidence("CONTENT", [Range(0, 3)]) == pytest.approx(0.0)
    assert Tagging([]).confidence("CUE", [Range(13, 21)]) == 1.0  # no probabilities: nothing to doubt


@pytest.mark.parametrize(("cue_probability", "kept"), [(0.9, True), (0.5, False)])
def test_an_attribution_the_tagger_is_unsure_of_is_dropped(cue_probability, kept):
    doc = load_spacy()(UNVEILED)
    lexicon = load_lexicon(DEFAULT_CUE_RATE)
    # 0.9 x 0.9 = 0.81 passes a threshold of 0.55; 0.5 x 0.9 = 0.45 does not.
    attributions = link_attributions(doc, UNVEILED, lexicon, tagging_of(UNVEILED, cue_probability, 0.55))
    assert [(a.cue.text, a.content[0].text) for a in attributions] == (
        [("unveiled", "a plan to end the war")] if kept else []
    )


def test_the_shipped_tagger_has_its_threshold_tuned_on_train():
    decoding = json.loads((shipped_model_dir() / "decoding.json").read_text(encoding="utf-8"))
    assert 0.0 <= decoding["min_confidence"] < 1.0
    assert "PolNeAR train" in decoding["chosen_by"]
    tagger = AttributionTagger(shipped_model_dir())
    assert tagger.min_confidence == decoding["min_confidence"]
    # Transitions counted on train: after a cue, a content is likelier than a source.
    cue, content, source = (LABELS.index(tag) for tag in ("B-CUE", "B-CONTENT", "B-SOURCE"))
    assert decoding["transition_weight"] == 0.3
    assert tagger.transitions[cue, content] > tagger.transitions[cue, source]


def test_one_cue_keeps_a_content_two_tagged_cues_took():
    content = [Range(40, 90)]
    nearest = Draft("indirect", Range(0, 20), None, content, confidence=0.9, content_by_parse=False)
    parsed = Draft("indirect", cue=Range(21, 32), source=None, content=content, confidence=0.6)
    other = Draft("indirect", cue=Range(100, 104), source=None, content=[Range(105, 140)], confidence=0.5)
    assert one_cue_per_content([nearest, parsed, other]) == [parsed, other]
    unsure = Draft("indirect", cue=Range(0, 20), source=None, content=content, confidence=0.4)
    assert one_cue_per_content([unsure, parsed]) == [parsed]


def test_a_cue_clause_set_off_by_commas_joins_the_content_around_it():
    text = "These employees, Stumpf explained in the hearing, were well paid. Critics, he said. Disagreed."
    span = {
        part: Range(text.index(part), text.index(part) + len(part))
        for part in (
            "These employees",
            "Stumpf",
            "explained",
            "were well paid",
            "Critics",
            "he",
            "said",
            "Disagreed",
        )
    }
    explained = Draft("indirect", span["explained"], span["Stumpf"], [span["were well paid"]])
    said = Draft("indirect", span["said"], span["he"], [span["Disagreed"]])
    contents = [span["These employees"], span["were well paid"], span["Critics"], span["Disagreed"]]
    join_split_contents(text, [explained, said], contents, [span["explained"], span["said"]])
    assert explained.content == [span["These employees"], span["were well paid"]]
    # "Critics, he said. Disagreed." is two sentences: the clause does not close with a comma.
    assert said.content == [span["Disagreed"]]


def test_a_title_in_the_cue_clause_is_no_sentence_break():
    text = "The talks, Mr. Lavrov said, had failed."
    talks, source, cue, failed = Range(0, 9), Range(11, 21), Range(22, 26), Range(28, 38)
    assert (text[slice(*talks)], text[slice(*source)], text[slice(*cue)]) == (
        "The talks",
        "Mr. Lavrov",
        "said",
    )
    assert text[slice(*failed)] == "had failed"
    said = Draft("indirect", cue, source, [failed])
    join_split_contents(text, [said], [talks, failed], [cue])
    assert said.content == [talks, failed]


def test_tagged_cues_with_only_space_between_are_one_cue():
    text = "Paris is steering clear of criticizing the plan, and Berlin said no."
    spans = [Range(6, 26), Range(27, 38), Range(60, 64)]  # "is steering clear of", "criticizing", "said"
    assert [text[a:b] for a, b in joined_cue_spans(text, spans)] == [
        "is steering clear of criticizing",
        "said",
    ]


@pytest.mark.parametrize(
    ("text", "first", "second", "content"),
    [
        (
            'Trump has hailed Britain\'s vote to leave the European Union as "fantastic," telling reporters '
            "during a visit to Scotland on Friday that he thinks the vote was a good thing.",
            "has hailed",
            "telling",
            "that he thinks the vote was a good thing",
        ),
        (
            '"The talks are over," the minister said, referring to the Istanbul format Moscow abandoned.',
            "said",
            "referring to",
            "the Istanbul format Moscow abandoned",
        ),
    ],
)
def test_a_cue_that_lost_its_content_to_another_takes_the_free_one(extract, text, first, second, content):
    before, after = extract(text).attributions
    assert (before.cue.text, after.cue.text, after.kind) == (first, second, "indirect")
    assert [part.text for part in after.content] == [content]


def test_a_cue_tagged_inside_a_quotation_is_part_of_the_quote():
    text = '"I told Blinken we would not sign anything," Lavrov said.'

    def at(role: str, words: str) -> tuple[str, Range]:
        start = text.index(words)
        return role, Range(start, start + len(words))

    inner = [at("SOURCE", "I"), at("CUE", "told"), at("CONTENT", "we would not sign anything")]
    tagging = Tagging([*inner, at("SOURCE", "Lavrov"), at("CUE", "said")])
    doc = load_spacy()(text)
    (attribution,) = link_attributions(doc, text, load_lexicon(DEFAULT_CUE_RATE), tagging)
    assert (attribution.cue.text, attribution.source.text) == ("said", "Lavrov")
    assert attribution.content[0].text == '"I told Blinken we would not sign anything,"'


@pytest.mark.parametrize(
    ("text", "tagged", "cue"),
    [
        (
            "Kyiv welcomed the acknowledgement that the strike was a mistake.",
            "acknowledgement",
            "the acknowledgement",
        ),
        ("Zelenskiy called for a ceasefire.", "called", "called for"),
        ("Zelenskiy spoke about the talks.", "spoke", "spoke about"),
        # No PolNeAR train cue ends in "said in" (125 stop before it): the preposition stays out.
        ("Kallas said in Brussels that talks resume.", "said", "said"),
    ],
)
def test_a_tagged_cue_takes_the_article_and_preposition_its_annotators_include(text, tagged, cue):
    doc = load_spacy()(text)
    start = text.index(tagged)
    widened = with_conventional_edges(doc, Range(start, start + len(tagged)), load_lexicon(DEFAULT_CUE_RATE))
    assert text[slice(*widened)] == cue


def test_a_statement_introduced_by_a_colon_is_the_quoted_paragraph_below(extract):
    text = (
        "The Kremlin released the following statement:\n\n"
        '"Russia will respond to any provocation. The talks in Geneva are suspended."'
    )
    assert texts(only(extract(text))) == {
        "kind": "direct",
        "cue": "released the following statement",
        "source": "The Kremlin",
        "content": ['"Russia will respond to any provocation. The talks in Geneva are suspended."'],
    }


def test_a_colon_introduces_the_unquoted_paragraph_below(extract):
    text = (
        "Governor Chris Christie spoke to reporters in Trenton on Monday.\n\nThe governor added:\n\n"
        "It is typical of Hillary Clinton. She knows nothing about the border.\n\nThe rally ended at noon."
    )
    added = next(a for a in extract(text).attributions if a.cue.text == "added")
    assert added.source.text == "The governor"
    assert [part.text for part in added.content] == ["It is typical of Hillary Clinton"]


def test_a_tagged_content_runs_on_past_a_comma_only_into_a_conjoined_clause():
    text = "He said the talks had failed, but the army would stay, which surprised no one."
    both = "the talks had failed, but the army would stay"
    assert (
        text[slice(*clip_to_clause(text, Range(8, 53), [Range(8, 28)]))] == both
    )  # the parse stops at "failed"
    assert text[slice(*clip_to_clause(text, Range(8, 77), [Range(8, 53)]))] == both  # not into ", which ..."
