"""The spaCy component that runs the attribution stages over a parsed ``Doc``.

Results are stored on the Doc (``doc._.attributions``, ``doc._.entities``)
with character offsets relative to that Doc's text. If the learned tagger ran
before it (``doc._.tagging``), its spans steer the rules.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from reportedly.attribution.lexicon import DEFAULT_CUE_RATE, load_lexicon
from reportedly.attribution.link import link_attributions
from reportedly.model import Attribution
from reportedly.resolve.actors import ActorCoder
from reportedly.resolve.entities import collect_entities
from reportedly.resolve.speakers import SpeakerResolver, read_genders

COMPONENT_NAME = "reportedly_attributions"


class AttributionComponent:
    """Finds attributions and entities in each Doc."""

    def __init__(self, min_cue_rate: float) -> None:
        self.lexicon = load_lexicon(min_cue_rate)
        self.coder = ActorCoder()
        self.variants = self.coder.tables.variants
        self.agents = self.coder.tables.agents
        self.genders = read_genders()

    def is_title(self, words: tuple[str, ...]) -> bool:
        """Whether a phrase ends in an agent noun of the dictionaries ("foreign minister")."""
        return any(words[start:] in self.agents for start in range(len(words)))

    def unrecognised_names(self, doc: Doc, attributions: list[Attribution]) -> list[SpacySpan]:
        """Sources that name an actor of the dictionaries ("Kyiv", "the Kremlin") where NER saw
        no entity, as labelled spans: a country's name or capital is a GPE, others an ORG."""
        names = []
        for attribution in attributions:
            source = attribution.source
            tokens = doc.char_span(source.start, source.end, alignment_mode="expand") if source else None
            if tokens is None or tokens.root.pos_ != "PROPN" or any(token.ent_type_ for token in tokens):
                continue
            code = self.coder.code_name(tokens.text, None)
            if code is not None:
                label = "GPE" if code in self.coder.country_codes else "ORG"
                names.append(doc.char_span(tokens.start_char, tokens.end_char, label=label))
        return names

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # spaCy rebuilds Doc.text on every access: read it once per Doc
        attributions = link_attributions(doc, text, self.lexicon, doc._.tagging)
        entities = collect_entities(
            doc, text, self.variants, self.is_title, self.unrecognised_names(doc, attributions)
        )
        resolver = SpeakerResolver(
            doc, text, entities, self.genders, self.lexicon.nominal_cues, self.lexicon.names_outlet
        )
        resolver.link(attributions)
        doc._.attributions = attributions
        doc._.entities = entities
        return doc


@Language.factory(COMPONENT_NAME, default_config={"min_cue_rate": DEFAULT_CUE_RATE})
def make_attribution_component(nlp: Language, name: str, min_cue_rate: float) -> AttributionComponent:
    return AttributionComponent(min_cue_rate)
