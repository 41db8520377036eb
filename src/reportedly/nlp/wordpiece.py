"""BERT's uncased WordPiece tokenizer, read from a ``tokenizer.json`` vocabulary.

The tagger's words are spaCy tokens; this splits each one into the word pieces
the encoder was trained on. It reproduces the Hugging Face ``BertNormalizer``
(lowercase, accents stripped, control characters dropped, CJK characters split),
``BertPreTokenizer`` (split at whitespace and punctuation) and ``WordPiece``
model (greedy longest match, ``##`` continuations), so the runtime needs no
``tokenizers`` package and none of its dependencies.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path


def _is_punctuation(char: str) -> bool:
    # BERT counts every non-alphanumeric ASCII symbol as punctuation, as well as Unicode P*.
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2B73F
        or 0x2B740 <= code <= 0x2B81F
        or 0x2B820 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def normalise(text: str) -> str:
    """BertNormalizer: drop control characters, space out CJK, strip accents, lowercase."""
    chars = []
    for char in text:
        code = ord(char)
        if code in (0, 0xFFFD):
            continue
        category = unicodedata.category(char)
        if char in "\t\n\r" or category == "Zs":
            chars.append(" ")
        elif category in ("Cc", "Cf"):
            continue
        elif _is_cjk(code):
            chars.append(f" {char} ")
        else:
            chars.append(char)
    decomposed = unicodedata.normalize("NFD", "".join(chars))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


def pre_tokenise(text: str) -> list[str]:
    """BertPreTokenizer: split at whitespace, and make each punctuation mark a word."""
    words: list[str] = []
    for chunk in text.split():
        current = ""
        for char in chunk:
            if _is_punctuation(char):
                if current:
                    words.append(current)
                words.append(char)
                current = ""
            else:
                current += char
        if current:
            words.append(current)
    return words


class WordPiece:
    """Word-piece ids for pre-split words, as BERT's uncased tokenizer gives them."""

    def __init__(self, vocab: dict[str, int], unk_token: str, prefix: str, max_chars: int) -> None:
        self.vocab = vocab
        self.unk_id = vocab[unk_token]
        self.prefix = prefix
        self.max_chars = max_chars
        self.cls_id = vocab["[CLS]"]
        self.sep_id = vocab["[SEP]"]
        self.word_ids = lru_cache(maxsize=200_000)(self._word_ids)

    @classmethod
    def from_file(cls, path: Path) -> WordPiece:
        model = json.loads(path.read_text(encoding="utf-8"))["model"]
        return cls(
            model["vocab"],
            model["unk_token"],
            model["continuing_subword_prefix"],
            model["max_input_chars_per_word"],
        )

    def _word_ids(self, word: str) -> tuple[int, ...]:
        """The piece ids of one spaCy token (several if it holds punctuation)."""
        ids: list[int] = []
        for part in pre_tokenise(normalise(word)):
            ids.extend(self._greedy(part))
        return tuple(ids)

    def _greedy(self, word: str) -> list[int]:
        if len(word) > self.max_chars:
            return [self.unk_id]
        ids = []
        start = 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else self.prefix + word[start:end]
                if piece in self.vocab:
                    ids.append(self.vocab[piece])
                    break
                end -= 1
            if end == start:
                return [self.unk_id]  # as BERT does: a word with an unknown part is unknown whole
            start = end
        return ids
