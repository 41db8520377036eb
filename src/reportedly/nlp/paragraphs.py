"""A spaCy component that starts a new sentence at every line break, and after a live
blog's stamp that opens a line.

News text puts headlines, datelines and paragraphs on their own lines; the
parser would otherwise run a headline into the first paragraph. A live blog opens its posts
with a label or a time ("Update:", "08:50 -", "Live: 14:25 EEST -"), which the parser would
otherwise take into the post's first sentence, losing its subject and root verb.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

COMPONENT_NAME = "reportedly_paragraphs"

# What ends a line, wherever the text is read by lines: LF, CR alone (old Mac files; CRLF is
# the two together), and Unicode's line and paragraph separators (U+2028, U+2029).
LINE_BREAK_CHARACTERS = "\n\r\u2028\u2029"
LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029]")
# A live blog's label or post time before a post's first words ("Live:", "Update 16:05:",
# "Key points:", "09:15 GMT -", "02:15 local time -"); it may match nothing. Read with
# ``LIVE_STAMP.match(text, start, end)``.
_LIVE_LABELS = (
    "Live|LIVE|Live updates|LIVE UPDATES|Update|UPDATE|Updated|Breaking|BREAKING|Latest|LATEST"
    "|Developing|DEVELOPING|Key points|What we know(?: so far)?"
)
LIVE_STAMP = re.compile(
    rf"(?:(?:{_LIVE_LABELS})(?:\s+\d{{1,2}}[:.]\d{{2}})?\s*:\s*)?"
    r"(?:\d{1,2}[:.]\d{2}(?:\s*(?:GMT|UTC|[AP]M|[ap]\.m\.|local(?: time)?|[A-Z]{2,4}))?\s*[-–—:]\s+)?"
)


def has_line_break(text: str) -> bool:
    return any(char in text for char in LINE_BREAK_CHARACTERS)


def starts_line(token: Token) -> bool:
    """Whether ``token`` is the first of its line (the text before it ends with a line break)."""
    if token.i == 0:
        return True
    previous = token.doc[token.i - 1]
    return has_line_break(previous.whitespace_) or (previous.is_space and has_line_break(previous.text))


def after_live_stamp(token: Token) -> Token | None:
    """The first token after the live-blog stamp that ``token`` opens, if the stamp ends where
    a token starts and words of the same line follow it; else None."""
    stamp = LIVE_STAMP.match(token.doc.text, token.idx)
    if stamp is None or stamp.end() == token.idx or has_line_break(stamp.group()):
        return None
    for following in token.doc[token.i + 1 :]:
        if following.idx >= stamp.end():
            return following if following.idx == stamp.end() else None
    return None


# Tokens that end a sentence: a post's first sentence runs to the first of them.
_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})


def _keep_whole(tokens: Span) -> None:
    """No sentence begins inside ``tokens``: after a break it did not choose, the parser
    breaks again at once ("Ukrainian | President Volodymyr Zelensky rules out ...")."""
    for token in tokens[1:]:
        token.is_sent_start = False


@Language.component(COMPONENT_NAME)
def split_sentences_at_line_breaks(doc: Doc) -> Doc:
    for token in doc:
        if not starts_line(token):
            continue
        if token.i > 0:
            token.is_sent_start = True
        post = after_live_stamp(token)
        if post is None:
            continue
        post.is_sent_start = True
        _keep_whole(doc[token.i : post.i])
        end = post.i + 1
        while end < len(doc) and not starts_line(doc[end]) and doc[end - 1].text not in _SENTENCE_ENDS:
            end += 1
        _keep_whole(doc[post.i : end])
    return doc
