"""The shared types' own behaviour: a character range and a span built on it."""

from __future__ import annotations

import json

from reportedly.model import Range, Span


def test_a_range_is_a_start_end_pair_as_the_code_unpacks_sorts_and_hashes_it():
    text = "Lavrov said talks would resume."
    said = Range(7, 11)
    start, end = said
    assert (start, end) == said == (7, 11)
    assert text[slice(*said)] == "said"
    assert hash(said) == hash((7, 11)) and {(7, 11): "cue"}[said] == "cue"
    assert sorted([Range(12, 17), said]) == [said, Range(12, 17)]
    assert json.dumps(said) == "[7, 11]"
    assert Range(3, 3) and Range(3, 3).length == 0  # an empty range is still a value, as a 2-tuple is


def test_ranges_overlap_only_when_they_share_a_character():
    said = Range(7, 11)
    assert said.overlaps(Range(10, 20)) and Range(10, 20).overlaps(said)
    assert not said.overlaps(Range(11, 20))  # touching is not overlapping
    assert said.overlaps(Range(9, 9)) and not said.overlaps(Range(7, 7))  # an empty one inside, not at an end
    assert said.contains(Range(7, 11)) and said.contains(Range(9, 9)) and not said.contains(Range(6, 8))
    assert said.length == 4


def test_a_span_is_its_range_with_the_text():
    span = Span.of("Lavrov said talks would resume.", 7, 11)
    assert (span.range, span.text) == (Range(7, 11), "said")
