"""The extraction's stages, in the order they run.

spaCy parses each chunk of a document (``reportedly.nlp.pipeline``); the chunk stages
then run on each parsed chunk and leave their results on the Doc (``doc._.tagging``,
``doc._.attributions`` ...); the extractor merges the chunks into the document's
:class:`Extraction`, and the document stages finish it. Every stage reads the run's
:class:`Resources` and nothing else besides its input, so that a document's output is a
function of the document and the options. ``run_stages`` times each stage by name.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc

from reportedly.attribution.link import link_attributions
from reportedly.events.detection import code_events
from reportedly.events.parties import code_parties
from reportedly.model import Extraction
from reportedly.resolve.corpus import NameRegistry
from reportedly.resolve.entities import collect_entities, title_test, unrecognised_names
from reportedly.resolve.speakers import SpeakerResolver
from reportedly.resolve.times import date_attributions, find_times, resolve_times
from reportedly.resources import Resources

Subject = TypeVar("Subject", Doc, Extraction)


def tag_spans(doc: Doc, resources: Resources) -> None:
    """The learned tagger's cue, source and content spans, which steer the rules."""
    doc._.tagging = resources.tagger.tag_doc(doc) if resources.tagger else None


def find_attributions(doc: Doc, resources: Resources) -> None:
    """The attributions, by the rules, steered by the tagger's spans where it ran."""
    doc._.attributions = link_attributions(doc, doc.text, resources.lexicon, doc._.tagging)


def group_entities(doc: Doc, resources: Resources) -> None:
    """One entity per referent among the named mentions, with those NER missed."""
    missed = unrecognised_names(doc, doc._.attributions, resources.coder, resources.genders)
    doc._.entities = collect_entities(
        doc, doc.text, resources.coder.tables.variants, title_test(resources.coder), resources.genders, missed
    )


def speaker_resolver(doc: Doc, resources: Resources) -> SpeakerResolver:
    """The speaker resolver of a Doc whose attributions and entities are found."""
    return SpeakerResolver(
        doc,
        doc.text,
        doc._.entities,
        resources.genders,
        resources.lexicon.nominal_cues,
        resources.lexicon.names_outlet,
        doc._.attributions,
    )


def resolve_speakers(doc: Doc, resources: Resources) -> None:
    speaker_resolver(doc, resources).link(doc._.attributions)


def find_time_expressions(doc: Doc, resources: Resources) -> None:
    """Time expressions, and the one each attribution is dated by."""
    doc._.times = find_times(doc, doc.text)
    date_attributions(doc._.attributions, doc._.times, doc)


def detect_events(doc: Doc, resources: Resources) -> None:
    doc._.events = code_events(
        doc, doc.text, doc._.attributions, doc._.entities, doc._.times, resources.lexicon, resources.verbs
    )


def resolve_time_values(extraction: Extraction, resources: Resources) -> None:
    """Time expressions as dates, from the document's publication date."""
    resolve_times(extraction.times, extraction.document.published)


def code_actors(extraction: Extraction, resources: Resources) -> None:
    """Entities' actor codes on the publication date; a place that speaks speaks for its government."""
    published = extraction.document.published
    speaking = {a.speaker.entity for a in extraction.attributions if a.speaker and a.speaker.entity}
    for entity in extraction.entities:
        entity.actor = resources.coder.code_entity(entity, published, entity.id in speaking)


def code_event_parties(extraction: Extraction, resources: Resources) -> None:
    code_parties(extraction, resources.coder)


def name_referents(extraction: Extraction, resources: Resources) -> None:
    """One name per referent across the document's chunks (across documents: the store)."""
    NameRegistry(resources.coder.tables.variants).canonicalise(extraction)


# Per parsed chunk, in order; each leaves its results on the Doc.
CHUNK_STAGES: tuple[tuple[str, Callable[[Doc, Resources], None]], ...] = (
    ("tagging", tag_spans),
    ("attributions", find_attributions),
    ("entities", group_entities),
    ("speakers", resolve_speakers),
    ("times", find_time_expressions),
    ("events", detect_events),
)
# Per document, once its chunks are merged, in order.
DOCUMENT_STAGES: tuple[tuple[str, Callable[[Extraction, Resources], None]], ...] = (
    ("time values", resolve_time_values),
    ("actors", code_actors),
    ("event parties", code_event_parties),
    ("names", name_referents),
)


def run_stages(
    stages: tuple[tuple[str, Callable[[Subject, Resources], None]], ...],
    subject: Subject,
    resources: Resources,
    seconds: Counter[str] | None = None,
) -> Subject:
    """Run ``stages`` in order on ``subject``, adding each one's running time to ``seconds``."""
    for name, stage in stages:
        start = time.perf_counter()
        stage(subject, resources)
        if seconds is not None:
            seconds[name] += time.perf_counter() - start
    return subject
