"""The sentence encoder: texts embedded in batches, each with the vector it has alone."""

import numpy as np
import pytest

from reportedly.nlp.encoder import (
    DIMENSIONS,
    MODEL_FILE,
    TEXTS_A_RUN,
    SentenceEncoder,
    runs,
    shipped_encoder_dir,
)
from reportedly.nlp.onnx import cpu_session

CLS, SEP = 101, 102

TEXTS = [
    "Russia is open to a ceasefire.",
    "Kyiv will never recognise Russian rule over the occupied regions, the foreign minister said on Monday.",
    "No.",
    "The envoy said both sides were ready for talks if the shelling of the port stopped first, "
    "and that prisoners would be exchanged within a week of the first meeting in Istanbul.",
    "Sanctions stay until the last soldier leaves.",
]


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return SentenceEncoder(shipped_encoder_dir())


def test_a_texts_vector_in_a_batch_is_its_vector_alone(encoder: SentenceEncoder):
    together = encoder.encode(TEXTS)
    alone = np.stack([encoder.encode([text])[0] for text in TEXTS])
    assert together.shape == (len(TEXTS), DIMENSIONS)
    assert np.abs(together - alone).max() < 1e-5
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    # Unlike texts stay unlike: the rows are the texts', in order.
    assert together[0] @ together[2] < 0.5


def test_texts_beyond_a_run_come_back_in_order(encoder: SentenceEncoder):
    texts = [f"{text} ({number})" for number in range(TEXTS_A_RUN // len(TEXTS) + 2) for text in TEXTS]
    assert len(texts) > TEXTS_A_RUN
    vectors = encoder.encode(texts)
    assert np.abs(vectors[-1] - encoder.encode([texts[-1]])[0]).max() < 1e-5
    assert np.abs(vectors[3] - encoder.encode([texts[3]])[0]).max() < 1e-5
    assert encoder.encode([]).shape == (0, DIMENSIONS)


def test_a_long_text_is_embedded_from_its_first_pieces(encoder: SentenceEncoder):
    long_text = " ".join(["ceasefire"] * 50 + ["Zelenskiy"] * 50)
    ids = encoder.piece_ids(long_text, 16)
    assert len(ids) == 16 and ids[0] == CLS and ids[-1] == SEP
    assert encoder.piece_ids("Russia is open.", 16) == [CLS, *encoder.piece_ids("Russia is open.")[1:-1], SEP]
    cut = encoder.encode([long_text], 16)[0]
    assert np.abs(cut - encoder.encode([" ".join(["ceasefire"] * 14)])[0]).max() < 1e-5


def test_texts_run_in_the_groups_that_cost_least_padding_and_runs_included():
    # a run costs its texts times its longest text's pieces, and PIECES_A_RUN (10) more
    assert runs([6, 6, 7, 60, 64]) == [(0, 3), (3, 5)]
    assert runs([8] * 5) == [(0, 5)]
    assert runs([]) == []
    assert max(last - first for first, last in runs([8] * 70)) <= TEXTS_A_RUN


def test_a_text_embedded_before_takes_its_kept_vector_and_runs_once(monkeypatch: pytest.MonkeyPatch):
    alone = SentenceEncoder(shipped_encoder_dir(), kept_vectors=0)
    fresh = alone.encode(TEXTS[:3])
    ran: list[int] = []
    keeping = SentenceEncoder(shipped_encoder_dir(), kept_vectors=3)
    run = keeping.run
    monkeypatch.setattr(keeping, "run", lambda ids: ran.append(len(ids)) or run(ids))
    first = keeping.encode([TEXTS[0], TEXTS[1], TEXTS[0]])
    # The same text twice in one call runs once; each row is the text's own vector.
    assert ran == [2]
    assert np.array_equal(first[0], first[2])
    assert np.abs(first[:2] - fresh[:2]).max() < 1e-5
    # Texts whose pieces are the same (spacing, case: the model's vocabulary is uncased) and
    # a text embedded before run no more.
    again = keeping.encode([TEXTS[1], "  russia IS open to a   ceasefire. "])
    assert ran == [2, 0]
    assert np.array_equal(again, first[[1, 0]])
    # Beyond three vectors the least recently used goes: TEXTS[1] (TEXTS[0] was used since).
    keeping.encode([TEXTS[2], TEXTS[3]])
    assert ran == [2, 0, 2]
    assert len(keeping.kept) == 3
    assert keeping.piece_ids(TEXTS[1]) not in [list(key) for key in keeping.kept]
    assert np.array_equal(keeping.encode([TEXTS[0]])[0], first[0])
    assert ran == [2, 0, 2, 0]
    # An encoder that keeps none runs every text, each time.
    assert np.array_equal(alone.encode(TEXTS[:3]), fresh)
    assert alone.kept == {}


def test_the_shipped_graph_gives_the_vectors_it_gave_before_it_was_streamlined(encoder: SentenceEncoder):
    # The first numbers of two texts' vectors as the graph gave them before its per-piece
    # products quantised in one QuantizeLinear a product (5c4c821) and before its shapes were
    # made constants (training/encoder_graph.py): the graph was rewritten, not the model (each
    # time the two agree to the bit; here to within another machine's rounding).
    vectors = encoder.encode(
        [
            "Russia will not accept a ceasefire unless Ukraine withdraws its troops.",
            "The minister said sanctions would stay.",
        ]
    )
    before = [
        [-0.007155, 0.04575, 0.060614, -0.038908, -0.040159, -0.044204],
        [-0.024685, 0.040389, 0.039546, 0.041199, 0.057703, 0.00983],
    ]
    assert np.abs(vectors[:, :6] - np.array(before)).max() < 1e-5
    assert float(vectors[0] @ vectors[1]) == pytest.approx(0.344636, abs=1e-5)


def test_the_encoders_session_sleeps_between_runs(encoder: SentenceEncoder):
    # A spinning thread of one session takes the core the next stage needs (nlp/onnx.py).
    options = encoder.session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"


def test_the_encoder_runs_unfused_to_the_same_bits(encoder: SentenceEncoder):
    # Without onnxruntime's BiasGelu fusion (nlp/encoder.py's UNFUSED) a run is cheaper and
    # its numbers are the fused run's, alone and in one batch.
    fused = SentenceEncoder(shipped_encoder_dir())
    fused.session = cpu_session(shipped_encoder_dir() / MODEL_FILE, 1)
    ids = [encoder.piece_ids(text) for text in TEXTS]
    assert np.array_equal(encoder.run(ids), fused.run(ids))
    assert np.array_equal(encoder.run(ids[3:4]), fused.run(ids[3:4]))
