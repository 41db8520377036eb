"""The learned pronoun resolver: its window, its choices on passages written for the project
and ``eval gap``'s system format."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportedly.attribution.tagger import shipped_model_dir
from reportedly.model import Range
from reportedly.nlp.pipeline import load_spacy
from reportedly.nlp.wordpiece import WordPiece
from reportedly.resolve.pronouns import PronounModel, barred, encode_window, load_pronoun_model

HEADER = "ID\tText\tPronoun\tPronoun-offset\tA\tA-offset\tA-coref\tB\tB-offset\tB-coref\tURL\n"


@pytest.fixture(scope="module")
def pieces() -> WordPiece:
    return WordPiece.from_file(shipped_model_dir() / "tokenizer.json")


@pytest.fixture(scope="module")
def model() -> PronounModel:
    loaded = load_pronoun_model("shipped")
    assert loaded is not None
    return loaded


def piece_words(pieces: WordPiece, ids: list[int], mask) -> list[str]:
    by_id = {value: key for key, value in pieces.vocab.items()}
    return [by_id[ids[position]] for position, on in enumerate(mask) if on]


def test_window_masks_the_pronoun_and_each_candidates_mentions(pieces: WordPiece) -> None:
    text = "Anna Berg met Carl Holt in Oslo. Berg said she was pleased."
    she = text.index("she")
    window = encode_window(pieces, text, Range(she, she + 3), [[Range(0, 9), Range(33, 37)], [Range(14, 23)]])
    assert piece_words(pieces, window.ids, window.pronoun_mask) == ["she"]
    assert piece_words(pieces, window.ids, window.candidate_masks[0]) == ["anna", "berg", "berg"]
    assert piece_words(pieces, window.ids, window.candidate_masks[1]) == ["carl", "holt"]
    assert window.ids[0] == pieces.cls_id and window.ids[-1] == pieces.sep_id
    assert window.covers == Range(0, len(text))


def test_window_ends_soon_after_the_pronoun_and_leaves_out_what_it_cannot_hold(pieces: WordPiece) -> None:
    filler = "The committee met again on Tuesday. " * 40
    text = "Carl Holt spoke first. " + filler + "He said the vote would wait. " + filler
    he = text.index("He said")
    window = encode_window(pieces, text, Range(he, he + 2), [[Range(0, 9)]], window_pieces=64, after_pieces=4)
    assert len(window.ids) <= 66
    assert text[window.covers.end - 10 : window.covers.end] == "vote would"
    assert not window.candidate_masks[0].any()  # Carl Holt is out of reach


@pytest.mark.parametrize(
    ("text", "pronoun", "names", "chosen"),
    [
        (
            "Maria Lopez hired Ana Silva as her deputy in 2010. Two years later, Silva left the firm, "
            "and she founded her own agency.",
            "she",
            ("Lopez", "Silva"),
            1,
        ),
        (
            "John Barker was the mentor of David Price at the academy. Price later became a famous "
            "painter, and his works hang in Paris.",
            "his",
            ("Barker", "Price"),
            1,
        ),
    ],
)
def test_model_picks_the_second_of_two_names(
    model: PronounModel, text: str, pronoun: str, names: tuple[str, str], chosen: int
) -> None:
    """Each candidate is every mention of its surname before the pronoun, as the speaker
    resolver's entities give them."""
    at = text.index(f" {pronoun} ") + 1
    spans = [[Range(m.start(), m.end()) for m in re.finditer(name, text[:at])] for name in names]
    assert model.choose(text, Range(at, at + len(pronoun)), spans) == chosen


def test_news_pronoun_goes_to_the_woman_just_named(model: PronounModel) -> None:
    text = (
        "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday. "
        "She said the talks had been useful and that both sides wanted a deal."
    )
    she = text.index("She")
    names = [[Range(text.index(name), text.index(name) + len(name))] for name in ("Macron", "Merkel")]
    assert model.choose(text, Range(she, she + 3), names) == 1


def test_eval_gap_writes_the_system_format(cli, tmp_path: Path) -> None:
    passage = "Anna Berg met Carl Holt in Oslo. She said the talks went well."
    second = "Carl Holt met Anna Berg in Oslo. Later, he said the talks went well."
    gold = tmp_path / "gap.tsv"
    gold.write_text(
        HEADER
        + f"t-1\t{passage}\tShe\t33\tAnna Berg\t0\tTRUE\tCarl Holt\t14\tFALSE\thttp://x\n"
        + f"t-2\t{second}\the\t40\tCarl Holt\t0\tTRUE\tAnna Berg\t14\tFALSE\thttp://x\n",
        encoding="utf-8",
    )
    predictions = tmp_path / "predictions.tsv"
    result = cli("eval", "gap", gold, "--predictions", predictions, "--format", "json")
    assert result.exit_code == 0
    assert predictions.read_text(encoding="utf-8") == "t-1\tTRUE\tFALSE\nt-2\tTRUE\tFALSE\n"


@pytest.mark.parametrize(
    ("text", "pronoun", "name", "bars"),
    [
        ("Ferguson dominated him after the break.", "him", "Ferguson", True),
        ("Smith met Jones in May and hired him.", "him", "Smith", True),
        ("Smith met Jones in May and hired him.", "him", "Jones", False),
        # the restorer is Eleanor, and the one who asks may be "her"
        ("Anna asked Eleanor to restore her to the post.", "her", "Anna", False),
        ("Diana's experiences taught her patience.", "her", "Diana", False),
        ("He told Jones that Smith had left the party.", "He", "Jones", True),
        ("He told Jones that Smith had left the party.", "He", "Smith", True),
        ("When he arrived in Rome, Smith sat down.", "he", "Smith", False),
        ("He left the room, and Smith followed him.", "He", "Smith", False),
        ("His brother hired Smith last year.", "His", "Smith", False),
        # a preposition on the verb binds like an object; one that places or accompanies not
        ("Rickman shot at Quinn, but Arturo took the bullet for him.", "him", "Arturo", True),
        ("Rickman shot at Quinn, but Arturo took the bullet for him.", "him", "Quinn", False),
        ("Walter Frost brought his wife with him.", "him", "Frost", False),
        # a relative pronoun subject is the noun it modifies
        ("Charles Chebl, who worked under Aissa, later replaced him.", "him", "Chebl", True),
        # a participle's subject is its clause's
        ("Aguilar challenged Turner again in 1870, defeating him.", "him", "Aguilar", True),
        ("Aguilar challenged Turner again in 1870, defeating him.", "him", "Turner", False),
    ],
)
def test_binding_bars_the_names_a_pronoun_cannot_be(text: str, pronoun: str, name: str, bars: bool) -> None:
    doc = load_spacy()(text)
    (pronoun_token,) = [token for token in doc if token.text == pronoun]
    (name_token,) = [token for token in doc if token.text == name]
    assert barred(pronoun_token, name_token) is bars
