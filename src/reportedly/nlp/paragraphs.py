"""A spaCy component that starts a new sentence at every line break.

News text puts headlines, datelines and paragraphs on their own lines; the
parser would otherwise run a headline into the first paragraph.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

COMPONENT_NAME = "reportedly_paragraphs"


def starts_line(token: Token) -> bool:
    """Whether ``token`` is the first of its line (the text before it ends with a line break)."""
    if token.i == 0:
        return True
    previous = token.doc[token.i - 1]
    return "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text)


@Language.component(COMPONENT_NAME)
def split_sentences_at_line_breaks(doc: Doc) -> Doc:
    for token in doc[1:]:
        if starts_line(token):
            token.is_sent_start = True
    return doc
