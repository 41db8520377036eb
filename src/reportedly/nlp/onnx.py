"""Opening the project's ONNX models (the attribution tagger, the sentence encoder, the
pronoun model) the one way they all run: on the CPU, quietly."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

# onnxruntime's own choice of threads for a model's operations: one per core.
ALL_CORES = 0


def cpu_session(model_path: Path, threads: int = ALL_CORES, unfused: Sequence[str] = ()) -> Any:
    """An onnxruntime session over ``model_path`` on the CPU, its operations on ``threads``
    threads (a batch worker is one core of many: one thread, or the workers of a machine
    contend for its cores), without the graph optimisers named in ``unfused``. onnxruntime is
    imported here, not at start-up: a run that needs no model does not pay for it."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3  # quiet: the int8 models trigger harmless optimiser notices
    options.intra_op_num_threads = threads
    # A session's threads sleep when its run ends instead of spinning for more work: on the
    # shared 2-core machine the tagger's spinning thread took the core the positions stage's
    # encoder (one thread, run right after) and the other sessions' processes needed
    # (bench/store.py's 100 stories at load 8-9: the extraction 22.4 -> 15.2 s, the positions
    # stage's share of it 0.239 -> 0.195).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(
        str(model_path), options, providers=["CPUExecutionProvider"], disabled_optimizers=list(unfused)
    )


def first_line(error: Exception) -> str:
    """What went wrong, in one line for a one-line error: the first line of the exception's
    message (onnxruntime's run to many), or its type's name when it has none."""
    return str(error).splitlines()[0] if str(error) else type(error).__name__
