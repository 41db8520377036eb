"""Shared fixtures: one pipeline per test session, and helpers over short passages."""

from __future__ import annotations

import importlib.util
import inspect
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from reportedly.cli import main
from reportedly.eval.speakers import resolve_span, resolved_draft
from reportedly.extract import Extractor
from reportedly.ingest.run import ingest
from reportedly.ingest.sources import read_articles
from reportedly.model import Attribution, Document, Event, Extraction, Speaker
from reportedly.stages import Draft
from reportedly.store.corpus import Store

SHARED_DATA = Path(
    os.environ.get("REPORTEDLY_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)


# The day a passage is published on unless a test gives one: a day of 2016, PolNeAR's year.
POLNEAR_DAY = date(2016, 9, 1)


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture
def resolve(extractor: Extractor) -> Callable[..., Extraction]:
    """Extract a passage published on a given day (by default POLNEAR_DAY)."""

    def run(text: str, published: date = POLNEAR_DAY) -> Extraction:
        return extractor.extract_one(Document(doc_id="passage", text=text, published=published))

    return run


def members_by_source(extraction: Extraction) -> dict[str, list[str]]:
    """Each attribution's source text to the names of its speaker's members (a group's)."""
    return {
        a.source.text: [member.name for member in a.speaker.members] if a.speaker else []
        for a in extraction.attributions
        if a.source
    }


def speakers_by_source(extraction: Extraction) -> dict[str, str | None]:
    """Each attribution's source text to its speaker's name."""
    return {
        a.source.text: (a.speaker.name if a.speaker else None) for a in extraction.attributions if a.source
    }


def party_codes(parties: list) -> list[tuple[str, str | None]]:
    """Event parties' words, each with its code."""
    return [(party.text, party.actor.code if party.actor else None) for party in parties]


def first_event_party_codes(
    resolve: Callable[..., Extraction], text: str, published: date | None
) -> tuple[list[tuple[str, str | None]], list[tuple[str, str | None]]]:
    """The first event's actors' and recipients' words, each with its code, failing the test
    where the passage (published on ``published``) has no event."""
    events = resolve(text, published).events
    assert events, "no event"
    return party_codes(events[0].actor), party_codes(events[0].recipient)


def event_parties(event: Event) -> tuple[str, list[tuple[str, str | None]], list[tuple[str, str | None]]]:
    """An event's type and its actors' and recipients' words, each with its code."""
    return event.event_type, party_codes(event.actor), party_codes(event.recipient)


def speaker_of_span(
    extractor: Extractor, text: str, start: int, end: int, published: date | None = None
) -> str | None:
    """The name the speaker resolver gives the words of ``text`` at ``start:end`` read as a
    source (the text published on ``published``), None for no one."""
    draft, resolver = resolved_draft("passage", text, extractor.nlp, extractor.resources, published)
    entity = resolve_span(resolver, draft.extraction.attributions, text, start, end)
    return entity.name if entity else None


def linked_speaker(draft: Draft, text: str, source: str) -> Speaker | None:
    """The speaker the extraction ``draft`` of ``text`` links to the attribution whose source
    opens where the words ``source`` first occur."""
    start = text.index(source)
    return next(a.speaker for a in draft.extraction.attributions if a.source and a.source.start == start)


def speaker_linked_in(extractor: Extractor, text: str, source: str) -> Speaker | None:
    """The speaker the extraction of ``text`` links to the attribution whose source opens with
    ``source`` (the resolver that linked them, which reads the descriptions it resolved as
    mentions)."""
    draft, _ = resolved_draft("passage", text, extractor.nlp, extractor.resources)
    return linked_speaker(draft, text, source)


def speaker_at(extractor: Extractor, text: str, word: str, occurrence: int = 0) -> str | None:
    """The name the resolver gives the ``occurrence``-th ``word`` of the text read as a source."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    return speaker_of_span(extractor, text, start, start + len(word))


def only_first_event(resolve: Callable[..., Extraction], text: str) -> Event:
    """A passage's first event, failing the test where it has none."""
    events = resolve(text).events
    assert events, "no event"
    return events[0]


def first_event(extract, text: str) -> tuple[str, str] | None:
    """The type and trigger of a passage's first event, or None."""
    events = extract(text).events
    return (events[0].event_type, events[0].trigger.text) if events else None


@pytest.fixture(scope="session")
def extract(extractor: Extractor):
    """Extract from a passage: ``extract(text)`` gives an :class:`Extraction`."""

    def run(text: str, doc_id: str = "passage") -> Extraction:
        return extractor.extract_one(Document(doc_id=doc_id, text=text))

    return run


def run_cli(*args: str | Path, stdin: str | bytes | None = None) -> Result:
    """``reportedly ARGS`` in this process through click's CliRunner (``result.exit_code``,
    ``result.stdout``, ``result.stderr``); an exception the command does not handle (a bug)
    is raised here with its traceback. The ``cli`` fixture lends it the session's pipeline."""
    arguments = [str(arg) for arg in args]
    return CliRunner().invoke(main, arguments, input=stdin, prog_name="reportedly", catch_exceptions=False)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, extractor: Extractor) -> Callable[..., Result]:
    """``cli(*args, stdin=None)`` runs ``reportedly ARGS`` in this process through click's
    CliRunner (``result.exit_code``, ``result.stdout``, ``result.stderr``). A command that asks
    for the default pipeline (no --model, --tagger, --actors or --verbs) gets the session's
    extractor instead of loading its own; any other asks the real loader."""
    # The loader, and every module of the package that imported it by name (the commands').
    modules = [module for name, module in list(sys.modules.items()) if name.startswith("reportedly")]
    (load,) = {
        module.load_extractor
        for module in modules
        if getattr(getattr(module, "load_extractor", None), "__module__", None) == module.__name__
    }
    signature = inspect.signature(load)
    defaults = {name: param.default for name, param in inspect.signature(Extractor).parameters.items()}

    def load_or_reuse(*args: object, **kwargs: object) -> Extractor:
        bound = signature.bind(*args, **kwargs)
        if all(value == defaults.get(name, ...) for name, value in bound.arguments.items()):
            return extractor
        return load(*args, **kwargs)

    for module in modules:
        if getattr(module, "load_extractor", None) is load:
            monkeypatch.setattr(module, "load_extractor", load_or_reuse)

    return run_cli


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


def shared_file(relative: str) -> Path:
    """A file of the shared corpora (``plover/plover_gsr_dev.jsonl``), or skip the test when absent."""
    path = SHARED_DATA / relative
    if not path.is_file():
        pytest.skip(f"{relative} not found in {SHARED_DATA} (set REPORTEDLY_SHARED_DATA)")
    return path


def training_script(name: str) -> Iterator[Any]:
    """``training/NAME.py`` as a module (it is a script, not a package's), for a module-scoped
    fixture: registered in ``sys.modules`` while the tests run, since dataclasses look their
    module up by name."""
    path = Path(__file__).resolve().parents[1] / "training" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"{name}_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def ingested_store(folder: Path, inputs: list[Path], extractor: Extractor) -> Path:
    """A closed store ``folder/corpus.db`` holding ``inputs``, ingested as published on
    2024-12-16."""
    path = folder / "corpus.db"
    store = Store(path)
    ingest(read_articles([str(name) for name in inputs], date(2024, 12, 16)), store, extractor)
    store.close()
    return path


def articles_store(folder: Path, articles: list[dict[str, Any]], extractor: Extractor) -> Path:
    """``ingested_store`` of ``articles`` (records as a JSON Lines feed holds them), written
    to ``folder/feed.jsonl`` first."""
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps(article) + "\n" for article in articles))
    return ingested_store(folder, [feed], extractor)


def store_copy(path: Path, folder: Path) -> Path:
    """A copy of a store in ``folder``, for a test to change or damage."""
    copy = folder / "corpus.db"
    shutil.copy(path, copy)
    return copy
