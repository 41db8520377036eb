"""The attribution component: a parsed ``Doc``'s attributions, and nothing else.

Its results go on the Doc (``doc._.attributions``), with character offsets relative to
that Doc's text. If the learned tagger ran before it (``doc._.tagging``), its spans steer
the rules. It is a plain Doc-to-Doc callable rather than a registered spaCy factory:
spaCy builds factories from a text config, and the component takes the run's lexicon.
"""

from __future__ import annotations

from spacy.tokens import Doc

from reportedly.attribution.lexicon import Lexicon
from reportedly.attribution.link import link_attributions


class AttributionComponent:
    """Finds the attributions in each Doc."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = link_attributions(doc, doc.text, self.lexicon, doc._.tagging)
        return doc
