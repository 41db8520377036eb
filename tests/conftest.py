"""Shared fixtures: one pipeline per test session, and helpers over short passages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reportedly.extract import Extractor
from reportedly.model import Attribution, Document, Extraction

SHARED_DATA = Path(
    os.environ.get("REPORTEDLY_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor: Extractor):
    """Extract from a passage: ``extract(text)`` gives an :class:`Extraction`."""

    def run(text: str, doc_id: str = "passage") -> Extraction:
        return extractor.extract_one(Document(doc_id=doc_id, text=text))

    return run


def only(extraction: Extraction) -> Attribution:
    """The single attribution of an extraction (fails if there is not exactly one)."""
    assert len(extraction.attributions) == 1, [a.to_dict() for a in extraction.attributions]
    return extraction.attributions[0]


def texts(attribution: Attribution) -> dict:
    """The attribution's spans as plain strings, for compact assertions."""
    return {
        "kind": attribution.kind,
        "cue": attribution.cue.text if attribution.cue else None,
        "source": attribution.source.text if attribution.source else None,
        "content": [part.text for part in attribution.content],
    }


def polnear_split(name: str) -> Path:
    """A shared PolNeAR split, or skip the test with a clear message when the corpus is absent."""
    path = SHARED_DATA / "polnear" / name
    if not (path / "text").is_dir():
        pytest.skip(f"PolNeAR {name} split not found at {path} (set REPORTEDLY_SHARED_DATA)")
    return path
