"""Time and peak memory of extraction on hostile but possible text, against its size.

    python bench/hostile.py [--case mixed|straight|...] [--sizes N ...] [--command]

Each case builds its text in the benchmark: ``mixed`` is ordinary sentences whose quotations
mix curly and straight marks, ``straight`` the same with straight marks only, ``unbalanced``
the same with every other quotation left unclosed, each N quotation marks long; ``no-newline``
is N kilobytes of quoted sentences with no line break at all; ``never-ending`` is
``"Lavrov said " * N``, one sentence; ``straight-run`` and ``mixed-run`` are N quotation marks
in a row with no space, straight, or cycling through “ ” " '. Every measurement runs in a
fresh process (so peak memory is its own): the pipeline is loaded first, then one document is
extracted; the table gives the extraction's seconds, its processor seconds, the process's
peak resident memory, and the growth of the time from the previous row as an exponent of the
size's growth (1.0 when the time grows as the size does, 2.0 when it grows as its square).
With ``--command`` the process is ``reportedly extract`` on a file of the text, and the
seconds are the whole process's, loading included (its attributions are not counted).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Sentences of a news report that quote, with the quotation marks of each case.
_SENTENCES = {
    "mixed": ('He said “yes” and "no" to the plan. ', 'She said "we will,” and “we can." '),
    "straight": ('He said "yes" and "no" to the plan. ', 'She said "we will," and "we can." '),
    "unbalanced": ('He said “yes and "no" to the plan. ', 'She said "we will, and “we can." '),
}
_MARKS_PER_SENTENCE = 4
_SENTENCES_PER_PARAGRAPH = 5
DEFAULT_SIZES = {
    "mixed": [2_000, 5_000, 10_000, 20_000],
    "straight": [2_000, 5_000, 10_000, 20_000],
    "unbalanced": [2_000, 5_000, 10_000, 20_000],
    "no-newline": [250, 500, 1_000],
    "never-ending": [500, 1_000, 2_000],
    "straight-run": [2_000, 20_000, 200_000],
    "mixed-run": [2_000, 20_000, 200_000],
}


def quoted_text(case: str, marks: int) -> str:
    """About ``marks`` quotation marks in paragraphs of ordinary quoting sentences."""
    first, second = _SENTENCES[case]
    paragraphs = []
    for number in range(marks // (_MARKS_PER_SENTENCE * _SENTENCES_PER_PARAGRAPH) + 1):
        sentence = first if number % 2 else second
        paragraphs.append(sentence * _SENTENCES_PER_PARAGRAPH)
    return "\n\n".join(paragraphs)


def text_without_newline(kilobytes: int) -> str:
    """``kilobytes`` thousand characters of quoting sentences with no line break."""
    sentence = _SENTENCES["mixed"][0]
    return (sentence * (kilobytes * 1000 // len(sentence) + 1))[: kilobytes * 1000]


def hostile_text(case: str, size: int) -> str:
    if case == "no-newline":
        return text_without_newline(size)
    if case == "never-ending":
        return "Lavrov said " * size
    if case in ("straight-run", "mixed-run"):
        marks = '"' if case == "straight-run" else "“”\"'"
        return "".join(itertools.islice(itertools.cycle(marks), size))
    return quoted_text(case, size)


def measure(case: str, size: int) -> dict[str, float]:
    """Extraction seconds and peak memory (MB) of one document, in a fresh process."""
    script = f"""
import json, resource, sys, time
sys.path.insert(0, {sys.path[0]!r})
from hostile import hostile_text
from reportedly.extract import Extractor
from reportedly.model import Document
text = hostile_text({case!r}, {size})
extractor = Extractor()
start, cpu_start = time.perf_counter(), time.process_time()
extraction = extractor.extract_one(Document("hostile", text))
seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": peak, "chars": len(text),
                  "attributions": len(extraction.attributions)}}))
"""
    output = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    return json.loads(output.stdout.splitlines()[-1])


def measure_command(case: str, size: int) -> dict[str, float]:
    """Seconds, processor seconds and peak memory (MB) of ``reportedly extract`` on a file of
    the text, as a child of a fresh process (RUSAGE_CHILDREN keeps the largest child's peak)."""
    script = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": time.perf_counter() - start, "cpu_seconds": usage.ru_utime + usage.ru_stime,
                  "peak_mb": usage.ru_maxrss / 1024}))
"""
    text = hostile_text(case, size)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hostile.txt"
        path.write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "reportedly", "extract", str(path), "--format", "jsonl"]
        output = subprocess.run([sys.executable, "-c", script, *command], check=True, capture_output=True)
    return {**json.loads(output.stdout), "chars": len(text), "attributions": -1}


def growth_exponent(smaller: dict[str, float], larger: dict[str, float]) -> float:
    """``k`` such that the time grew as the size to the power ``k`` between two rows."""
    return math.log(larger["seconds"] / smaller["seconds"]) / math.log(larger["chars"] / smaller["chars"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", nargs="+", choices=list(DEFAULT_SIZES), default=list(DEFAULT_SIZES))
    parser.add_argument("--sizes", nargs="+", type=int, help="sizes for every case (marks, kB or repeats)")
    parser.add_argument("--command", action="store_true", help="time `reportedly extract` on a file")
    args = parser.parse_args()
    header = f"{'case':<12} {'size':>7} {'chars':>9} {'seconds':>8} {'cpu s':>6} {'peak MB':>8} {'growth':>7}"
    print(header + " attributions")
    for case in args.case:
        previous: dict[str, float] | None = None
        for size in args.sizes or DEFAULT_SIZES[case]:
            started = time.perf_counter()
            result = measure_command(case, size) if args.command else measure(case, size)
            growth = f"{growth_exponent(previous, result):.2f}" if previous else ""
            unit = "kB" if case == "no-newline" else ""
            print(
                f"{case:<12} {str(size) + unit:>7} {result['chars']:>9} {result['seconds']:>8.1f} "
                f"{result['cpu_seconds']:>6.1f} {result['peak_mb']:>8.0f} {growth:>7} "
                f"{result['attributions'] if result['attributions'] >= 0 else ''}"
                f"  (process {time.perf_counter() - started:.0f} s)",
                flush=True,
            )
            previous = result
    print("growth: k where time grew as chars**k since the previous row (1 linear, 2 quadratic)")


if __name__ == "__main__":
    main()
