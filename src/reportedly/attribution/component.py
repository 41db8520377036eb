"""The spaCy component that runs the attribution stages over a parsed ``Doc``.

Results are stored on the Doc (``doc._.attributions``, ``doc._.entities``)
with character offsets relative to that Doc's text. If the learned tagger ran
before it (``doc._.tagging``), its spans steer the rules.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from reportedly.attribution.lexicon import DEFAULT_CUE_RATE, load_lexicon
from reportedly.attribution.link import link_attributions
from reportedly.resolve.entities import collect_entities, link_speakers

COMPONENT_NAME = "reportedly_attributions"


class AttributionComponent:
    """Finds attributions and entities in each Doc."""

    def __init__(self, min_cue_rate: float) -> None:
        self.lexicon = load_lexicon(min_cue_rate)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # spaCy rebuilds Doc.text on every access: read it once per Doc
        attributions = link_attributions(doc, text, self.lexicon, doc._.tagging)
        entities = collect_entities(doc, text)
        link_speakers(attributions, entities, text, self.lexicon.nominal_cues)
        doc._.attributions = attributions
        doc._.entities = entities
        return doc


@Language.factory(COMPONENT_NAME, default_config={"min_cue_rate": DEFAULT_CUE_RATE})
def make_attribution_component(nlp: Language, name: str, min_cue_rate: float) -> AttributionComponent:
    return AttributionComponent(min_cue_rate)
