"""Positions: the issues each statement is about, and its stance on each (issue 21).

After events in the pipeline: an attribution's content (or the sentence of an event no
attribution reports) is assigned the issues of ``data/issues.yaml`` whose patterns it
matches, or whose example statements its sentence embedding is close to (``issues``), and
its stance on each (``stance``): supports, opposes, conditional (with the condition's
span), demands (with whom of), unclear. The store keeps one row per statement and issue;
``reportedly positions`` reads them per actor and issue over time (docs/positions.md).
"""
