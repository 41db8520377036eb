"""Stage timers for the benchmarks: functions wrapped so their running time adds up per stage,
inside the very run that is measured."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

STAGE_SECONDS: dict[str, float] = {}


def timed(
    function: Callable[..., Any], stage: str, clock: Callable[[], float] = time.perf_counter
) -> Callable[..., Any]:
    """``function``, adding its running time by ``clock`` (wall time unless told) to
    ``STAGE_SECONDS[stage]``."""
    STAGE_SECONDS.setdefault(stage, 0.0)

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        start = clock()
        try:
            return function(*args, **kwargs)
        finally:
            STAGE_SECONDS[stage] += clock() - start

    return run


def reset_stages() -> None:
    """Every stage back to zero, for the next round."""
    STAGE_SECONDS.update(dict.fromkeys(STAGE_SECONDS, 0.0))
