"""A spaCy component that starts a new sentence at every line break.

News text puts headlines, datelines and paragraphs on their own lines; the
parser would otherwise run a headline into the first paragraph.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

COMPONENT_NAME = "reportedly_paragraphs"

# What ends a line, wherever the text is read by lines: LF, CR alone (old Mac files; CRLF is
# the two together), and Unicode's line and paragraph separators (U+2028, U+2029).
LINE_BREAK_CHARACTERS = "\n\r\u2028\u2029"
LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029]")


def has_line_break(text: str) -> bool:
    return any(char in text for char in LINE_BREAK_CHARACTERS)


def starts_line(token: Token) -> bool:
    """Whether ``token`` is the first of its line (the text before it ends with a line break)."""
    if token.i == 0:
        return True
    previous = token.doc[token.i - 1]
    return has_line_break(previous.whitespace_) or (previous.is_space and has_line_break(previous.text))


@Language.component(COMPONENT_NAME)
def split_sentences_at_line_breaks(doc: Doc) -> Doc:
    for token in doc[1:]:
        if starts_line(token):
            token.is_sent_start = True
    return doc
