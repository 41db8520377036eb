"""What the learned tagger reads: BERT word pieces of spaCy tokens, in windows of whole words."""

import pytest

from reportedly.attribution.tagger import WINDOW_PIECES, shipped_model_dir, windows
from reportedly.nlp.wordpiece import WordPiece, normalise, pre_tokenise

CLS, SEP = 101, 102


@pytest.fixture(scope="module")
def pieces() -> WordPiece:
    return WordPiece.from_file(shipped_model_dir() / "tokenizer.json")


def spelled(pieces: WordPiece, word: str) -> list[str]:
    by_id = {index: piece for piece, index in pieces.vocab.items()}
    return [by_id[index] for index in pieces.word_ids(word)]


def test_normalising_lowercases_strips_accents_and_drops_control_characters():
    assert normalise("Zelenskiy\u200b Café\tKYIV") == "zelenskiy cafe kyiv"
    assert normalise("中国") == " 中  国 "


def test_punctuation_splits_a_token_into_words():
    assert pre_tokenise("u.s.-led") == ["u", ".", "s", ".", "-", "led"]
    assert pre_tokenise("“yes,”") == ["“", "yes", ",", "”"]


def test_words_split_into_greedy_longest_pieces(pieces: WordPiece):
    assert spelled(pieces, "said") == ["said"]
    assert spelled(pieces, "Zelenskiy") == ["ze", "##len", "##ski", "##y"]
    assert spelled(pieces, "Kremlin’s") == ["k", "##rem", "##lin", "’", "s"]
    assert pieces.word_ids("\u200b") == ()  # nothing the encoder can see
    assert spelled(pieces, "x" * 150) == ["[UNK]"]


def test_windows_hold_whole_words_and_point_at_each_first_piece():
    words = [(7,), (8, 9), (), (10,)]
    assert list(windows(words, CLS, SEP)) == [([CLS, 7, 8, 9, 10, SEP], [(1, 0), (2, 1), (4, 3)])]


def test_a_long_text_fills_windows_up_to_the_limit_without_cutting_a_word():
    words = [(5, 6, 7)] * 100  # 300 pieces
    result = list(windows(words, CLS, SEP))
    assert [len(ids) - 2 for ids, _ in result] == [252, 48]
    assert all(len(ids) - 2 <= WINDOW_PIECES for ids, _ in result)
    assert [word for _, positions in result for _, word in positions] == list(range(100))
    assert result[1][1][0] == (1, 84)


def test_windows_keep_sentences_whole_where_they_fit():
    words = [(5,) * 100, (6,) * 100, (7,) * 100]  # three one-word "sentences" of 100 pieces each
    starts = [True, True, True]
    assert [len(ids) - 2 for ids, _ in windows(words, CLS, SEP, starts)] == [200, 100]
    sentences = [(5,)] * 200 + [(6,)] * 100  # a 200-word sentence, then a 100-word one
    starts = [index in (0, 200) for index in range(300)]
    assert [len(ids) - 2 for ids, _ in windows(sentences, CLS, SEP, starts)] == [200, 100]
    assert [len(ids) - 2 for ids, _ in windows(sentences, CLS, SEP)] == [254, 46]
