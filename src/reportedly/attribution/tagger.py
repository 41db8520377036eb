"""The learned attribution tagger: a fine-tuned MiniLM encoder that tags cue, source and content tokens.

The model (int8 ONNX, run with onnxruntime) labels every spaCy token of a Doc with
a BIO tag over CUE / SOURCE / CONTENT (see ``tagscheme``). It reads an article in
windows of whole tokens of at most ``WINDOW_PIECES`` word pieces, the same windows
it was trained on (``training/train_tagger.py``). The spans it finds are stored on
the Doc as ``doc._.tagging`` for the linking stage, which keeps the rules'
structure (who said what to whom) and lets the tagger decide which cues count and
where spans end.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from reportedly.attribution.tagscheme import (
    Tagging,
    best_tag_sequence,
    role_probabilities,
    split_at_line_starts,
    tagged_spans,
    without_edge_punctuation,
)
from reportedly.model import Range
from reportedly.nlp.onnx import ALL_CORES, cpu_session, first_line
from reportedly.nlp.paragraphs import starts_line
from reportedly.nlp.pipeline import DEFAULT_TAGGER, NO_TAGGER
from reportedly.nlp.wordpiece import WordPiece

WINDOW_PIECES = 254  # plus [CLS] and [SEP]: the encoder's 256-piece training length
PUNCTUATION_PIECES = 8  # at most, of a word without letters or digits (see _word_pieces)
MODEL_FILE = "model.int8.onnx"
MODEL_FILES = (MODEL_FILE, "tokenizer.json", "labels.json")
# Optional: {"min_confidence": ..., "transitions": [[...]], "transition_weight": ...}: the
# threshold tuned for this model on PolNeAR train and the tag transition scores counted there
# (training/tune_confidence.py); without it every tagged attribution is kept and any valid
# BIO sequence is as likely as another.
DECODING_FILE = "decoding.json"

# A window: piece ids with [CLS]/[SEP], and (position in the window, token index) of each word's first piece.
Window = tuple[list[int], list[tuple[int, int]]]


def shipped_model_dir() -> Path:
    """The tagger that ships inside the package."""
    return Path(str(resources.files("reportedly") / "data" / "models" / "attribution-tagger"))


def windows(
    word_pieces: Sequence[Sequence[int]], cls_id: int, sep_id: int, sentence_starts: Sequence[bool] = ()
) -> Iterator[Window]:
    """Split a text's words (given as their piece ids) into windows of whole words.

    With ``sentence_starts`` (one flag per word) a window holds whole sentences where
    they fit, so that no sentence is read without its own context. Words without
    pieces (control characters) are skipped; a single word longer than a window is
    cut to fit, since only its first piece is read.
    """
    ids: list[int] = [cls_id]
    positions: list[tuple[int, int]] = []
    for sentence in _sentences(len(word_pieces), sentence_starts):
        size = sum(min(len(word_pieces[index]), WINDOW_PIECES) for index in sentence)
        if positions and len(ids) - 1 + size > WINDOW_PIECES:
            yield [*ids, sep_id], positions
            ids, positions = [cls_id], []
        for index in sentence:
            pieces = word_pieces[index]
            if not pieces:
                continue
            if len(ids) - 1 + len(pieces) > WINDOW_PIECES and positions:
                yield [*ids, sep_id], positions
                ids, positions = [cls_id], []
            positions.append((len(ids), index))
            ids.extend(pieces[:WINDOW_PIECES])
    if positions:
        yield [*ids, sep_id], positions


def _sentences(count: int, sentence_starts: Sequence[bool]) -> list[range]:
    """Word indices grouped by sentence (all in one group without sentence starts)."""
    starts = [index for index in range(1, count) if sentence_starts and sentence_starts[index]]
    bounds = [0, *starts, count]
    return [range(a, b) for a, b in itertools.pairwise(bounds) if b > a]


class TaggerError(Exception):
    """The tagger's model folder is missing or incomplete."""


class AttributionTagger:
    """Tags the tokens of a text, window by window."""

    def __init__(self, model_dir: Path, threads: int = ALL_CORES) -> None:
        missing = [name for name in MODEL_FILES if not (model_dir / name).is_file()]
        if missing:
            raise TaggerError(f"cannot load the attribution tagger in {model_dir}: no {', '.join(missing)}")
        try:
            self.pieces = WordPiece.from_file(model_dir / "tokenizer.json")
            self.labels = json.loads((model_dir / "labels.json").read_text(encoding="utf-8"))
            decoding = model_dir / DECODING_FILE
            settings = json.loads(decoding.read_text(encoding="utf-8")) if decoding.is_file() else {}
            self.min_confidence = float(settings.get("min_confidence", 0.0))
            self.transitions = decoding_transitions(settings, len(self.labels))
            self.session = cpu_session(model_dir / MODEL_FILE, threads)
        except Exception as error:  # onnxruntime raises its own exception types, not OSError
            problem = first_line(error)
            raise TaggerError(f"cannot load the attribution tagger in {model_dir}: {problem}") from None

    def probabilities(self, count: int, doc_windows: Iterable[Window]) -> np.ndarray:
        """Label probabilities for each of ``count`` words (all ``O`` for words no window holds).

        Windows run one at a time: the int8 model quantises activations per run,
        so padding a window into a batch with others would change its output.
        """
        probs = np.zeros((count, len(self.labels)), dtype=np.float32)
        probs[:, self.labels.index("O")] = 1.0
        for ids, positions in doc_windows:
            input_ids = np.array([ids], dtype=np.int64)
            feed = {"input_ids": input_ids, "attention_mask": np.ones_like(input_ids)}
            logits = self.session.run(None, feed)[0][0]
            window_probs = np.exp(logits - logits.max(-1, keepdims=True))
            window_probs /= window_probs.sum(-1, keepdims=True)
            for position, word in positions:
                probs[word] = window_probs[position]
        return probs

    def tag_doc(self, doc: Doc) -> Tagging:
        """The tagged role spans of a Doc, as character offsets."""
        tokens, doc_windows = tagger_input(doc, self.pieces)
        probs = self.probabilities(len(tokens), doc_windows)
        tags = best_tag_sequence(probs, self.labels, self.transitions)
        offsets = [Range(t.idx, t.idx + len(t.text)) for t in tokens]
        spans = tagged_spans(offsets, tags)
        spans = without_edge_punctuation(offsets, [t.is_punct for t in tokens], spans)
        return Tagging(
            split_at_line_starts(offsets, [starts_line(t) for t in tokens], spans),
            word_starts=[start for start, _ in offsets],
            role_probabilities=role_probabilities(probs, self.labels),
            min_confidence=self.min_confidence,
        )


def decoding_transitions(settings: dict, label_count: int) -> np.ndarray | None:
    """The weighted transition scores of a model's decoding settings, if it has them."""
    if "transitions" not in settings:
        return None
    transitions = np.array(settings["transitions"], dtype=np.float64)
    if transitions.shape != (label_count, label_count):
        raise ValueError(f"{DECODING_FILE}: transitions must be {label_count} x {label_count}")
    return float(settings.get("transition_weight", 1.0)) * transitions


def tagger_input(doc: Doc, pieces: WordPiece) -> tuple[list[Token], Iterator[Window]]:
    """The words the tagger labels (a Doc's non-space tokens) and its windows over them,
    the same in training and at run time."""
    tokens = [token for token in doc if not token.is_space]
    starts = [bool(token.is_sent_start) for token in tokens] if doc.has_annotation("SENT_START") else []
    word_pieces = [_word_pieces(token, pieces) for token in tokens]
    return tokens, windows(word_pieces, pieces.cls_id, pieces.sep_id, starts)


def _word_pieces(token: Token, pieces: WordPiece) -> Sequence[int]:
    """A word's piece ids; a word of punctuation alone gives its first few (one piece per
    mark: a run of a hundred quotation marks would cost the encoder a hundred pieces of
    nothing; running text has no such word of more than six)."""
    ids = pieces.word_ids(token.text)
    return ids if any(char.isalnum() for char in token.text) else ids[:PUNCTUATION_PIECES]


def load_tagger(model_dir: str, threads: int = ALL_CORES) -> AttributionTagger | None:
    """The tagger ``model_dir`` names: ``"shipped"``, a trained tagger's folder, or ``"none"``
    (no tagger: the rules alone)."""
    if model_dir == NO_TAGGER:
        return None
    return AttributionTagger(shipped_model_dir() if model_dir == DEFAULT_TAGGER else Path(model_dir), threads)
