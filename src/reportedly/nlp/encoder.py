"""The sentence encoder: all-MiniLM-L6-v2 embeddings of sentences, served with onnxruntime.

The model ships in ``data/models/sentence-encoder`` (``training/export_encoder.py``): the
unchanged all-MiniLM-L6-v2, mean-pooled and L2-normalised as sentence-transformers gives
it, exported to ONNX and quantised to int8, so a run needs neither PyTorch nor the
``tokenizers`` package. Its 384-d vectors feed learned heads (the event type classifier,
``reportedly.events.classifier``); two texts' cosine is their vectors' dot product.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from reportedly.nlp.onnx import ALL_CORES, cpu_session, first_line
from reportedly.nlp.wordpiece import WordPiece

MODEL_FILE = "model.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
# sentence-transformers' max_seq_length for this model, [CLS] and [SEP] included: longer
# texts are cut, as there.
MAX_PIECES = 256
DIMENSIONS = 384


class EncoderError(Exception):
    """The encoder's model folder is missing or incomplete."""


def shipped_encoder_dir() -> Path:
    """The sentence encoder that ships inside the package."""
    return Path(str(resources.files("reportedly") / "data" / "models" / "sentence-encoder"))


class SentenceEncoder:
    """Embeds texts as unit vectors of ``DIMENSIONS`` numbers."""

    def __init__(self, model_dir: Path, model_file: str = MODEL_FILE, threads: int = ALL_CORES) -> None:
        missing = [name for name in (model_file, TOKENIZER_FILE) if not (model_dir / name).is_file()]
        if missing:
            raise EncoderError(f"cannot load the sentence encoder in {model_dir}: no {', '.join(missing)}")
        try:
            self.pieces = WordPiece.from_file(model_dir / TOKENIZER_FILE)
            self.session = cpu_session(model_dir / model_file, threads)
        except Exception as error:  # onnxruntime raises its own exception types, not OSError
            problem = first_line(error)
            raise EncoderError(f"cannot load the sentence encoder in {model_dir}: {problem}") from None

    def piece_ids(self, text: str) -> list[int]:
        """The text's piece ids between [CLS] and [SEP], cut to ``MAX_PIECES``."""
        ids = [piece for word in text.split() for piece in self.pieces.word_ids(word)]
        return [self.pieces.cls_id, *ids[: MAX_PIECES - 2], self.pieces.sep_id]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, in order.

        Each text runs on its own: the int8 model quantises its activations per run, so
        padding a text into a batch with longer ones would change its vector, and a
        sentence would not embed alike in two documents.
        """
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, text in enumerate(texts):
            input_ids = np.array([self.piece_ids(text)], dtype=np.int64)
            feed = {"input_ids": input_ids, "attention_mask": np.ones_like(input_ids)}
            vectors[row] = self.session.run(None, feed)[0][0]
        return vectors


def load_encoder(model_dir: str, threads: int = ALL_CORES) -> SentenceEncoder:
    """The encoder ``model_dir`` names: ``"shipped"`` or an exported encoder's folder."""
    folder = shipped_encoder_dir() if model_dir == "shipped" else Path(model_dir)
    return SentenceEncoder(folder, MODEL_FILE, threads)
