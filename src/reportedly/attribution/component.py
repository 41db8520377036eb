"""The spaCy component that runs the attribution stages over a parsed ``Doc``.

Results are stored on the Doc (``doc._.attributions``, ``doc._.entities``)
with character offsets relative to that Doc's text. If the learned tagger ran
before it (``doc._.tagging``), its spans steer the rules.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from reportedly.attribution.lexicon import DEFAULT_CUE_RATE, load_lexicon
from reportedly.attribution.link import link_attributions
from reportedly.events.coder import EventVerbs, code_events
from reportedly.events.verbs import read_verb_dictionary, shipped_verbs
from reportedly.model import Attribution, Entity
from reportedly.resolve.actors import load_coder
from reportedly.resolve.entities import collect_entities
from reportedly.resolve.speakers import SpeakerResolver, read_genders
from reportedly.resolve.times import date_attributions, find_times

COMPONENT_NAME = "reportedly_attributions"


class AttributionComponent:
    """Finds attributions and entities in each Doc."""

    def __init__(self, min_cue_rate: float, verbs: str, actors: str) -> None:
        self.lexicon = load_lexicon(min_cue_rate)
        self.verbs = EventVerbs(read_verb_dictionary(Path(verbs)) if verbs else None, shipped_verbs())
        self.coder = load_coder(Path(actors) if actors else None)
        self.variants = self.coder.tables.variants
        self.agents = self.coder.tables.agents
        self.genders = read_genders()

    def is_title(self, words: tuple[str, ...]) -> bool:
        """Whether a phrase ends in an agent noun of the dictionaries ("foreign minister")."""
        return any(words[start:] in self.agents for start in range(len(words)))

    def unrecognised_names(self, doc: Doc, attributions: list[Attribution]) -> list[SpacySpan]:
        """Names NER missed, as labelled spans: those of the actor dictionaries ("Zelenskiy",
        "Kyiv", "the Kremlin": a listed person's surname is a PERSON, a country's name or
        capital a GPE, others an ORG), and proper names that are an attribution's whole
        source ("Politifact said": a PERSON when a known first name opens it, else an ORG)."""
        sources = {(a.source.start, a.source.end) for a in attributions if a.source}
        names = []
        run: list[Token] = []
        for token in [*doc, None]:
            if token is not None and token.pos_ == "PROPN" and not token.ent_type_:
                run.append(token)
                continue
            if run:
                span = doc[run[0].i : run[-1].i + 1]
                label = self._label(span, (span.start_char, span.end_char) in sources)
                if label is not None:
                    names.append(doc.char_span(span.start_char, span.end_char, label=label))
                run = []
        return names

    def _label(self, span: SpacySpan, is_source: bool) -> str | None:
        code = self.coder.code_name(span.text, None)
        if code is not None:
            if code in self.coder.country_codes:
                return "GPE"
            return "PERSON" if self.coder.is_surname(span.text) else "ORG"
        if is_source:
            return "PERSON" if len(span) > 1 and span[0].lower_ in self.genders else "ORG"
        return None

    def resolver(
        self, doc: Doc, text: str, entities: list[Entity], attributions: list[Attribution]
    ) -> SpeakerResolver:
        """The speaker resolver for one parsed document, with this component's word lists."""
        return SpeakerResolver(
            doc,
            text,
            entities,
            self.genders,
            self.lexicon.nominal_cues,
            self.lexicon.names_outlet,
            attributions,
        )

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # spaCy rebuilds Doc.text on every access: read it once per Doc
        attributions = link_attributions(doc, text, self.lexicon, doc._.tagging)
        entities = collect_entities(
            doc, text, self.variants, self.is_title, self.genders, self.unrecognised_names(doc, attributions)
        )
        self.resolver(doc, text, entities, attributions).link(attributions)
        times = find_times(doc, text)
        date_attributions(attributions, times, doc)
        doc._.attributions = attributions
        doc._.entities = entities
        doc._.times = times
        doc._.events = code_events(doc, text, attributions, entities, times, self.lexicon, self.verbs)
        return doc


@Language.factory(
    COMPONENT_NAME, default_config={"min_cue_rate": DEFAULT_CUE_RATE, "verbs": "", "actors": ""}
)
def make_attribution_component(
    nlp: Language, name: str, min_cue_rate: float, verbs: str, actors: str
) -> AttributionComponent:
    """``verbs``: the path of a user's PETRARCH verb dictionary, or "" for none; ``actors``:
    a user's actors file, or "" for the shipped tables alone."""
    return AttributionComponent(min_cue_rate, verbs, actors)
