"""The extraction's stages, in the order they run.

spaCy parses each chunk of a document (``reportedly.nlp.pipeline``); the chunk stages tag
and link the attributions of each parsed chunk, which are local to it, and leave them on
the Doc (``doc._.tagging``, ``doc._.attributions``). The extractor joins the chunks into
one Doc of the whole document, with the attributions at its offsets (a :class:`Draft`), and
the document stages do the rest once over the whole document. Every stage reads the run's
:class:`Resources` and nothing else besides its input, so that a document's output is a
function of the document and the options. ``run_stages`` times each stage by name.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from spacy.tokens import Doc

from reportedly.attribution.link import link_attributions
from reportedly.events.detection import code_events
from reportedly.events.parties import code_parties
from reportedly.events.political import keep_political_events
from reportedly.model import Extraction
from reportedly.positions.parties import name_demanded
from reportedly.positions.statements import take_positions
from reportedly.resolve.actors import code_places_in_text, uncode_agent_words
from reportedly.resolve.corpus import NameRegistry
from reportedly.resolve.entities import collect_entities, title_test, unrecognised_names
from reportedly.resolve.metonyms import Referent, metonym_referent
from reportedly.resolve.offices import article_country
from reportedly.resolve.speakers import SpeakerResolver
from reportedly.resolve.times import Reading, date_attributions, find_times, resolve_times
from reportedly.resources import Resources


@dataclass(slots=True)
class Draft:
    """A document between the stages: the parse of its whole text, its extraction so far,
    and what a stage hands on to a later one that is not part of the output."""

    doc: Doc
    extraction: Extraction
    # Entity id -> the phrase its role came from ("Russia's foreign minister"): its country
    # codes the actor.
    descriptions: dict[str, str] = field(default_factory=dict)
    # Time id -> where the tense of its clause points an open date ("Thursday"), and the
    # time it counts from.
    readings: dict[str, Reading] = field(default_factory=dict)
    # Event id -> the time expression its trigger governs, which dates it once resolved.
    event_times: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The document's text, which the joined Doc's is (``nlp.chunks.join_chunks``): read
        from the document, not rebuilt from the Doc's tokens (``Doc.text``) by each stage."""
        return self.extraction.document.text


Subject = TypeVar("Subject", Doc, Draft)


def tag_spans(doc: Doc, resources: Resources) -> None:
    """The learned tagger's cue, source and content spans, which steer the rules."""
    doc._.tagging = resources.tagger.tag_doc(doc) if resources.tagger else None


def find_attributions(doc: Doc, resources: Resources) -> None:
    """The attributions, by the rules, steered by the tagger's spans where it ran."""
    doc._.attributions = link_attributions(doc, doc.text, resources.lexicon, doc._.tagging)


def group_entities(draft: Draft, resources: Resources) -> None:
    """One entity per referent among the named mentions, with those NER missed."""
    doc, extraction = draft.doc, draft.extraction
    missed = unrecognised_names(
        doc,
        extraction.attributions,
        resources.coder,
        resources.genders,
        is_role=lambda word: resources.titles.role(word) is not None,
        is_outlet=resources.lexicon.names_outlet,
        is_title=resources.titles.is_title,
    )
    extraction.entities, draft.descriptions = collect_entities(
        doc,
        draft.text,
        resources.coder.tables.variants,
        title_test(resources.coder),
        resources.genders,
        missed,
    )


def speaker_resolver(draft: Draft, resources: Resources) -> SpeakerResolver:
    """The speaker resolver of a document whose attributions and entities are found."""
    published = draft.extraction.document.published
    country = article_country(draft.extraction.entities, resources.coder, published)
    return SpeakerResolver(
        draft.doc,
        draft.text,
        draft.extraction.entities,
        resources.genders,
        resources.lexicon.nominal_cues,
        resources.lexicon.names_outlet,
        resources.lexicon.question_verbs,
        draft.extraction.attributions,
        resources.ranker,
        office_holder_on(resources, published, country),
        lambda name: resources.coder.code_name(name, published),
        former_holder_on(resources, published, country),
        resources.pronouns,
        metonym_on(resources, published),
    )


def metonym_on(resources: Resources, published: date | None) -> Callable[[str], Referent | None]:
    """Who a place or an organ of government that speaks speaks for on the publication day
    ("the Kremlin": Russia; "Downing Street": the prime minister of that day; "Ukraine's
    foreign ministry": Ukraine), by ``data/metonyms.tsv``."""
    return lambda phrase: metonym_referent(phrase, published, resources.coder, resources.offices.holder)


def office_holder_on(
    resources: Resources, published: date | None, country: str | None = None
) -> Callable[[str], str | None]:
    """The holder of the office a title designates on the publication day, where the table
    knows one (no day: no one); a title that names no country ("the president") is of the
    article's ``country``."""

    def holder(title: str) -> str | None:
        office = resources.titles.office(title, country) if published is not None else None
        return resources.offices.holder(*office, published) if office else None

    return holder


def former_holder_on(
    resources: Resources, published: date | None, country: str | None = None
) -> Callable[[str, str], bool]:
    """Whether a name held the office a title designates before the publication day and no
    longer did ("President Obama" for "the president" in 2017)."""

    def former(title: str, name: str) -> bool:
        office = resources.titles.office(title, country) if published is not None else None
        return office is not None and resources.offices.held_before(*office, name, published)

    return former


def resolve_speakers(draft: Draft, resources: Resources) -> None:
    speaker_resolver(draft, resources).link(draft.extraction.attributions)


def find_time_expressions(draft: Draft, resources: Resources) -> None:
    """Time expressions, and the one each attribution is dated by."""
    extraction = draft.extraction
    extraction.times, draft.readings = find_times(draft.doc, draft.text)
    date_attributions(extraction.attributions, extraction.times, draft.doc)


def detect_events(draft: Draft, resources: Resources) -> None:
    doc, extraction = draft.doc, draft.extraction
    extraction.events, draft.event_times = code_events(
        doc,
        draft.text,
        extraction.attributions,
        extraction.entities,
        extraction.times,
        resources.lexicon,
        resources.verbs,
    )


def resolve_time_values(draft: Draft, resources: Resources) -> None:
    """Time expressions as dates, from the document's publication date."""
    extraction = draft.extraction
    resolve_times(extraction.times, extraction.document.published, draft.readings)


def code_actors(draft: Draft, resources: Resources) -> None:
    """Entities' actor codes on the publication date; a place that speaks speaks for its government,
    a place named with its state or country is of that country."""
    extraction = draft.extraction
    published = extraction.document.published
    parties = (party for a in extraction.attributions if a.speaker for party in a.speaker.parties)
    speaking = {party.entity for party in parties if party.entity}
    for entity in extraction.entities:
        entity.actor = resources.coder.code_entity(
            entity, published, entity.id in speaking, draft.descriptions.get(entity.id)
        )
    code_places_in_text(extraction.entities, draft.text, resources.coder, published)
    uncode_agent_words(extraction.entities, draft.text, resources.coder)


def code_event_parties(draft: Draft, resources: Resources) -> None:
    """The events' parties coded, and of the events those with a political party."""
    code_parties(draft.extraction, resources.coder, draft.descriptions, draft.event_times)
    keep_political_events(draft.extraction, resources.coder)


def assign_positions(draft: Draft, resources: Resources) -> None:
    """Each statement's issues and its stance on each (``reportedly.positions``), with the
    embeddings of those it embedded for the store."""
    extraction = draft.extraction
    found = take_positions(extraction, resources.issues, resources.encoder, resources.positions)
    extraction.stances = name_demanded(found, extraction, resources.coder)


def name_referents(draft: Draft, resources: Resources) -> None:
    """One name per referent of the document, whatever the spelling of later mentions
    (across documents: the store)."""
    NameRegistry(resources.coder.tables.variants).canonicalise(draft.extraction)


# Per parsed chunk, in order; each leaves its results on the chunk's Doc.
CHUNK_STAGES: tuple[tuple[str, Callable[[Doc, Resources], None]], ...] = (
    ("tagging", tag_spans),
    ("attributions", find_attributions),
)
# Per document, once its chunks are joined, in order.
DOCUMENT_STAGES: tuple[tuple[str, Callable[[Draft, Resources], None]], ...] = (
    ("entities", group_entities),
    ("speakers", resolve_speakers),
    ("times", find_time_expressions),
    ("events", detect_events),
    ("time values", resolve_time_values),
    ("actors", code_actors),
    ("event parties", code_event_parties),
    ("positions", assign_positions),
    ("names", name_referents),
)


def run_stages(
    stages: tuple[tuple[str, Callable[[Subject, Resources], None]], ...],
    subject: Subject,
    resources: Resources,
    seconds: Counter[str] | None = None,
) -> Subject:
    """Run ``stages`` in order on ``subject``, adding each one's running time to ``seconds``.
    An error a stage raises (a bug) keeps its traceback, with a note of the stage's name."""
    for name, stage in stages:
        start = time.perf_counter()
        try:
            stage(subject, resources)
        except Exception as error:
            error.add_note(f"reportedly: in the {name} stage")
            raise
        if seconds is not None:
            seconds[name] += time.perf_counter() - start
    return subject
