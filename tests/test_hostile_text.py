"""Hostile but possible text: tens of thousands of quotation marks mixing curly and straight
styles, megabytes without a line break. Quotation finding, the linking stage's lookups and
chunking stay linear in the text, and extraction's memory stays bounded.

The bounds are generous for a loaded machine; the landed quadratic code broke them by far
(bench/hostile.py measures time and memory against size).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportedly.attribution.drafts import OverlapIndex
from reportedly.attribution.learned import overlaps
from reportedly.attribution.quotes import (
    find_quotes,
    first_quote_from,
    last_quote_until,
    quotes_around,
    quotes_holding,
    quotes_overlapping,
)
from reportedly.attribution.tagged_drafts import spans_near
from reportedly.nlp.chunks import DEFAULT_CHUNK_CHARS, chunk_text

# Nine quotation marks, curly and straight, one of them left open (so "“maybe" runs on).
MIXED = 'He said “yes” and "no," then “maybe. She said "we will,” and “we can." '
MARKS_IN_MIXED = sum(MIXED.count(mark) for mark in '“”"')


def mixed_marks(count: int) -> str:
    """About ``count`` quotation marks, in sentences."""
    return MIXED * (count // MARKS_IN_MIXED)


def quotations(text: str) -> list[tuple[str, int, bool]]:
    return [(text[q.start : q.end], q.words, q.opens_paragraph) for q in find_quotes(text)]


def test_the_quote_finder_keeps_its_quotations_on_hand_written_passages():
    # As the landed code found them.
    assert quotations(MIXED) == [
        ("“yes”", 1, False),
        ('"no,"', 1, False),
        ('“maybe. She said "we will,”', 5, False),
        ('“we can."', 2, False),
    ]
    text = '“Talks are over," Lavrov said.\n\n“We tried.\n\n“We failed,” he added, "and we are "done."'
    assert quotations(text) == [
        ('“Talks are over,"', 3, True),
        ("“We tried.\n\n“We failed,”", 4, True),
        ('"and we are "', 3, False),
    ]
    text = (
        "  “This opens the paragraph,” he said.\n\"So does this, and it never closes\nBut ``that one'' does."
    )
    assert quotations(text) == [
        ("“This opens the paragraph,”", 4, True),
        ('"So does this, and it never closes', 7, True),
        ("``that one''", 2, False),
    ]
    text = 'A "quote with “a nested one” inside" and an unclosed “one\n\n"Next paragraph.'
    assert quotations(text) == [
        ('"quote with “a nested one” inside"', 6, False),
        ('“one\n\n"Next paragraph.', 3, False),
    ]


def test_the_quote_finder_is_linear_on_200000_marks_in_one_line():
    text = mixed_marks(200_000)
    start = time.perf_counter()
    quotes = find_quotes(text)
    seconds = time.perf_counter() - start
    assert len(quotes) == 4 * (200_000 // MARKS_IN_MIXED)
    assert seconds < 5  # 0.5 s here; the landed code searched back to the line start for each
    start = time.perf_counter()
    find_quotes(mixed_marks(20_000))
    # A tenth of the text takes about a tenth of the time, not a hundredth.
    assert seconds < 30 * (time.perf_counter() - start) + 1


def random_text(rng: random.Random) -> str:
    pieces = ['"', "“", "”", "''", "``", "«", "»", " ", "a b", "\n", "\n\n", "(", "."]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))


def test_quote_lookups_agree_with_a_scan_of_every_quotation():
    rng = random.Random(16)
    for _ in range(500):
        text = random_text(rng)
        quotes = find_quotes(text)
        for start in range(len(text) + 1):
            for end in (start, start + 1, start + 5):
                span = (start, end)
                assert quotes_overlapping(quotes, span) == [
                    q for q in quotes if q.start < end and start < q.end
                ]
                assert quotes_holding(quotes, span) == [
                    q for q in quotes if q.start <= start and end <= q.end
                ]
                assert quotes_around(quotes, span) == [q for q in quotes if q.start < start and end < q.end]
            assert first_quote_from(quotes, start) == next((q for q in quotes if q.start >= start), None)
            assert last_quote_until(quotes, start) == next(
                (q for q in reversed(quotes) if q.end <= start), None
            )


def test_the_overlap_index_answers_as_a_scan_of_every_range():
    rng = random.Random(16)
    for _ in range(2_000):
        index, ranges = OverlapIndex(), []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 30)
            span = (start, start + rng.choice([0, 1, 2, 3, 5, 10]))
            index.add(span)
            ranges.append(span)
        for start in range(42):
            for span in ((start, start), (start, start + 1), (start, start + 4)):
                assert index.overlaps(span) == any(overlaps(span, other) for other in ranges)


def test_spans_near_are_those_within_reach():
    spans = [(0, 5), (10, 20), (30, 31), (200, 210)]
    assert spans_near(spans, (25, 28), 0) == []
    assert spans_near(spans, (25, 28), 5) == [(10, 20), (30, 31)]
    assert spans_near(spans, (12, 15), 0) == [(10, 20)]
    assert spans_near(spans, (12, 15), 200) == spans


def test_megabytes_without_a_line_break_are_cut_at_sentence_ends_into_bounded_chunks():
    text = mixed_marks(4_000_000 // len(MIXED) * 7)
    start = time.perf_counter()
    chunks = list(chunk_text(text))
    assert time.perf_counter() - start < 5  # 0.05 s here
    assert "".join(chunk for _, chunk in chunks) == text
    assert all(text.startswith(chunk, offset) for offset, chunk in chunks)
    assert all(len(chunk) <= DEFAULT_CHUNK_CHARS for _, chunk in chunks)
    assert all(chunk.endswith(". ") for _, chunk in chunks[:-1])  # after a sentence, never inside a word


def peak_of_extraction(text_expression: str) -> dict[str, float]:
    """Seconds and peak memory (MB) of extracting one document in a fresh process."""
    script = f"""
import json, resource, sys, time
sys.path.insert(0, {str(Path(__file__).parent)!r})
from test_hostile_text import MIXED, mixed_marks
from reportedly.extract import Extractor
from reportedly.model import Document
extractor = Extractor()
text = {text_expression}
start = time.perf_counter()
extraction = extractor.extract_one(Document("hostile", text))
print(json.dumps({{"seconds": time.perf_counter() - start, "attributions": len(extraction.attributions),
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
    output = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    return json.loads(output.stdout.splitlines()[-1])


@pytest.mark.slow
def test_extraction_of_15000_mixed_quotation_marks_stays_in_time_and_memory():
    result = peak_of_extraction("mixed_marks(15_000)")
    assert result["attributions"] > 1_500
    # Here 0.57 GB at most however long the text (spaCy parses 40,000 characters at once) and
    # 15 to 50 s as the machine is loaded, most of it parsing; the landed code took 0.93 GB
    # here, 1.04 GB on longer texts (a batch of 150,000 characters), and twice the time
    # (linking was cubic per chunk). The time bound only catches a hang: parsing's share
    # varies too much for a tighter one; the quote finder's test above checks linear time.
    assert result["peak_mb"] < 700
    assert result["seconds"] < 180
