"""The sentence encoder: all-MiniLM-L6-v2 embeddings of sentences, served with onnxruntime.

The model ships in ``data/models/sentence-encoder`` (``training/export_encoder.py``): the
unchanged all-MiniLM-L6-v2, mean-pooled and L2-normalised as sentence-transformers gives
it, exported to ONNX and quantised to int8 (weights a scale per channel, activations a scale
per piece, so that a text embeds alike alone and in a batch), so a run needs neither PyTorch nor the
``tokenizers`` package. Its 384-d vectors place statements on issues (``reportedly.positions``:
their cosines to the issues' examples, stored with each statement); two texts' cosine is
their vectors' dot product.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from reportedly.nlp.onnx import cpu_session, first_line
from reportedly.nlp.wordpiece import WordPiece

MODEL_FILE = "model.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
# sentence-transformers' max_seq_length for this model, [CLS] and [SEP] included: longer
# texts are cut, as there.
MAX_PIECES = 256
DIMENSIONS = 384
# Texts in one run of the model, at most: memory grows with a run (a hostile text's 1,983
# statements in one took 3.4 GB), and past some tens a run is no cheaper a text.
TEXTS_A_RUN = 32
# A run of the model costs about as much as this many pieces more than its pieces (padding
# included): some 3.5 ms a run against 0.35 ms a piece, on the shared 2-core machine.
PIECES_A_RUN = 10
# The encoder's threads where a run leaves the choice to onnxruntime: its runs are a
# document's few statements of a few dozen pieces each, too small to share out. On bench/
# store.py's articles the positions stage took 10.9 ms of processor time an article with a
# thread a core and 5.4 ms with one (wall 52 and 33 ms, on the shared 2-core machine).
ENCODER_THREADS = 1
# onnxruntime's fusions the encoder runs without: its BiasGelu (a product's bias added inside
# the GELU) computes the same bits as the Add and the Gelu apart and took longer on the shared
# 2-core machine (bench/store.py's statements replayed through the model: processor time
# 0.88 of it with training/encoder_graph.py's fewer nodes, the vectors the same to the bit).
UNFUSED = ("BiasGeluFusion",)
# Vectors an encoder keeps of the texts it embedded, the least recently used dropped first:
# news repeats itself (a wire story's quotes in each outlet's version of it, a party line said
# again), and a vector kept costs a look-up, one computed some 0.3 ms a piece. 4,096 vectors
# of 384 float32 are 6 MB.
KEPT_VECTORS = 4096


class EncoderError(Exception):
    """The encoder's model folder is missing or incomplete."""


def shipped_encoder_dir() -> Path:
    """The sentence encoder that ships inside the package."""
    return Path(str(resources.files("reportedly") / "data" / "models" / "sentence-encoder"))


class SentenceEncoder:
    """Embeds texts as unit vectors of ``DIMENSIONS`` numbers."""

    def __init__(
        self,
        model_dir: Path,
        model_file: str = MODEL_FILE,
        threads: int = ENCODER_THREADS,
        kept_vectors: int = KEPT_VECTORS,
    ) -> None:
        # A text's vector by its piece ids, what the model reads of it (texts whose first
        # pieces are the same embed alike), oldest use first. No lock: an encoder serves one
        # extractor, which runs one document at a time (the server and the batch workers too).
        self.kept: dict[tuple[int, ...], np.ndarray] = {}
        self.kept_vectors = kept_vectors
        missing = [name for name in (model_file, TOKENIZER_FILE) if not (model_dir / name).is_file()]
        if missing:
            raise EncoderError(f"cannot load the sentence encoder in {model_dir}: no {', '.join(missing)}")
        try:
            self.pieces = WordPiece.from_file(model_dir / TOKENIZER_FILE)
            self.session = cpu_session(model_dir / model_file, threads, UNFUSED)
        except Exception as error:  # onnxruntime raises its own exception types, not OSError
            problem = first_line(error)
            raise EncoderError(f"cannot load the sentence encoder in {model_dir}: {problem}") from None

    def piece_ids(self, text: str, max_pieces: int = MAX_PIECES) -> list[int]:
        """The text's first piece ids between [CLS] and [SEP], ``max_pieces`` in all at most
        (the words past them are not split)."""
        room = max_pieces - 2
        ids: list[int] = []
        for word in text.split():
            if len(ids) >= room:
                break
            ids.extend(self.pieces.word_ids(word))
        return [self.pieces.cls_id, *ids[:room], self.pieces.sep_id]

    def encode(self, texts: Sequence[str], max_pieces: int = MAX_PIECES) -> np.ndarray:
        """One row per text, in order, embedding its first ``max_pieces`` pieces.

        A text whose pieces were embedded before (or earlier in ``texts``) takes the vector
        kept (:attr:`kept`); the others run (:meth:`run`). A text's vector is the one it has
        alone (within 1e-5), so a kept one is the one it would have now.
        """
        ids = [tuple(self.piece_ids(text, max_pieces)) for text in texts]
        new = list(dict.fromkeys(key for key in ids if key not in self.kept))
        # Each row its own array: one kept must not hold on to its whole run's.
        computed = {key: vector.copy() for key, vector in zip(new, self.run(new), strict=True)}
        vectors = np.zeros((len(ids), DIMENSIONS), dtype=np.float32)
        for row, key in enumerate(ids):
            # A kept vector is put back last, as the most recently used.
            vectors[row] = self.kept[key] = computed[key] if key in computed else self.kept.pop(key)
        while len(self.kept) > self.kept_vectors:
            del self.kept[next(iter(self.kept))]
        return vectors

    def run(self, ids: Sequence[Sequence[int]]) -> np.ndarray:
        """The model's rows for these piece ids, in order.

        The texts run shortest first, at most ``TEXTS_A_RUN`` at a time, each run padded to
        its longest (:func:`runs`). A text's vector is the one it has alone (within 1e-5):
        the model quantises each piece's activations on their own, so neither its companions
        nor the padding move it.
        """
        vectors = np.zeros((len(ids), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(ids)), key=lambda row: len(ids[row]))
        for first, last in runs([len(ids[row]) for row in order]):
            rows = order[first:last]
            input_ids = np.zeros((len(rows), len(ids[rows[-1]])), dtype=np.int64)  # [PAD] is 0
            mask = np.zeros_like(input_ids)
            for line, row in enumerate(rows):
                input_ids[line, : len(ids[row])] = ids[row]
                mask[line, : len(ids[row])] = 1
            feed = {"input_ids": input_ids, "attention_mask": mask}
            vectors[rows] = self.session.run(None, feed)[0]
        return vectors


def runs(lengths: Sequence[int]) -> list[tuple[int, int]]:
    """The runs (first, last + 1) that embed texts of these piece counts (in ascending order)
    at the least cost: a run costs its texts times its longest text's pieces, padding
    included, and ``PIECES_A_RUN`` more. A document's statements of 6 to 64 pieces in one
    run were half padding (PolNeAR dev: 100,469 pieces run for 49,674)."""
    # best[end]: the least cost of the first ``end`` texts, and where its last run starts.
    best = [(0, 0)] + [(0, 0)] * len(lengths)
    for end in range(1, len(lengths) + 1):
        best[end] = min(
            (best[start][0] + (end - start) * lengths[end - 1] + PIECES_A_RUN, start)
            for start in range(max(0, end - TEXTS_A_RUN), end)
        )
    found = []
    end = len(lengths)
    while end:
        start = best[end][1]
        found.append((start, end))
        end = start
    return found[::-1]


def load_encoder(model_dir: str, threads: int = ENCODER_THREADS) -> SentenceEncoder:
    """The encoder ``model_dir`` names: ``"shipped"`` or an exported encoder's folder."""
    folder = shipped_encoder_dir() if model_dir == "shipped" else Path(model_dir)
    return SentenceEncoder(folder, MODEL_FILE, threads)
