"""Time and peak memory of extraction on hostile but possible text, against its size.

    python bench/hostile.py [--case mixed|straight|unbalanced|no-newline ...] [--sizes N ...]

Each case builds its text in the benchmark: ``mixed`` is ordinary sentences whose quotations
mix curly and straight marks, ``straight`` the same with straight marks only, ``unbalanced``
the same with every other quotation left unclosed, each N quotation marks long; ``no-newline``
is N kilobytes of quoted sentences with no line break at all. Every measurement runs
in a fresh process (so peak memory is its own): the pipeline is loaded first, then one
document is extracted; the table gives the extraction's seconds, the process's peak resident
memory, and the growth of the time from the previous row as an exponent of the size's growth
(1.0 when the time grows as the size does, 2.0 when it grows as its square).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time

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
    return text_without_newline(size) if case == "no-newline" else quoted_text(case, size)


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
start = time.perf_counter()
extraction = extractor.extract_one(Document("hostile", text))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "peak_mb": peak, "chars": len(text),
                  "attributions": len(extraction.attributions)}}))
"""
    output = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    return json.loads(output.stdout.splitlines()[-1])


def growth_exponent(smaller: dict[str, float], larger: dict[str, float]) -> float:
    """``k`` such that the time grew as the size to the power ``k`` between two rows."""
    return math.log(larger["seconds"] / smaller["seconds"]) / math.log(larger["chars"] / smaller["chars"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", nargs="+", choices=list(DEFAULT_SIZES), default=list(DEFAULT_SIZES))
    parser.add_argument("--sizes", nargs="+", type=int, help="sizes for every case (marks, or kB)")
    args = parser.parse_args()
    print(f"{'case':<11} {'size':>7} {'chars':>9} {'seconds':>8} {'peak MB':>8} {'growth':>7} attributions")
    for case in args.case:
        previous: dict[str, float] | None = None
        for size in args.sizes or DEFAULT_SIZES[case]:
            started = time.perf_counter()
            result = measure(case, size)
            growth = f"{growth_exponent(previous, result):.2f}" if previous else ""
            unit = "kB" if case == "no-newline" else ""
            print(
                f"{case:<11} {str(size) + unit:>7} {result['chars']:>9} {result['seconds']:>8.1f} "
                f"{result['peak_mb']:>8.0f} {growth:>7} {result['attributions']}"
                f"  (process {time.perf_counter() - started:.0f} s)",
                flush=True,
            )
            previous = result
    print("growth: k where time grew as chars**k since the previous row (1 linear, 2 quadratic)")


if __name__ == "__main__":
    main()
