"""A bug inside extraction keeps its traceback (README, "Errors and exit codes"), with notes
that name the document and the stage, so a user can send the one article that fails."""

from __future__ import annotations

import pytest

import reportedly.extract
from reportedly.extract import Extractor
from reportedly.model import Document
from reportedly.stages import DOCUMENT_STAGES


def test_an_error_inside_a_stage_is_noted_with_its_document_and_stage(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def broken(draft: object, resources: object) -> None:
        calls.append(draft)
        if len(calls) == 2:  # the second document's
            raise AttributeError("'str' object has no attribute 'named_in'")

    stages = tuple((name, broken if name == "event parties" else stage) for name, stage in DOCUMENT_STAGES)
    monkeypatch.setattr(reportedly.extract, "DOCUMENT_STAGES", stages)
    documents = [
        Document(doc_id="first", text="The minister said the talks would resume."),
        Document(doc_id="wire-0050", text="Rebels and the army signed a truce on Sunday."),
    ]
    extractions = extractor.extract(documents)
    assert next(extractions).document.doc_id == "first"
    with pytest.raises(AttributeError, match="named_in") as raised:
        next(extractions)
    assert raised.value.__notes__ == [
        "reportedly: in the event parties stage",
        "reportedly: extracting the document 'wire-0050'",
    ]
