"""Split long texts into paragraph-aligned chunks so spaCy's memory stays bounded, and join
the parsed chunks back into one Doc of the whole text."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from spacy.tokens import Doc

from reportedly.nlp.paragraphs import LINE_BREAK

# spaCy's parser and NER need roughly 1 GB per 100,000 characters; news articles
# are far shorter, so only unusually long inputs are ever split.
DEFAULT_CHUNK_CHARS = 20_000
# What spaCy's memory follows is tokens (about 17 KB each while a batch is parsed), and a
# text can be far denser in tokens than news ('" ' * 10_000 is 10,000 tokens in 20,000
# characters): a chunk also ends at this many pieces of ``estimated_tokens``. News
# has about 0.2 a character (PolNeAR dev 0.20, at most 0.23), so 20,000 characters of it
# are some 4,000 and cut by characters alone, as before.
DEFAULT_CHUNK_TOKENS = 5_000
# A word, or one mark of punctuation: about spaCy's tokens, never fewer for running text.
_TOKEN_ESTIMATE = re.compile(r"\w+|[^\w\s]")

# Two line breaks with only space between them, else one.
_PARAGRAPH_BREAK = re.compile(rf"(?:{LINE_BREAK.pattern})\s*(?:{LINE_BREAK.pattern})|{LINE_BREAK.pattern}")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def _cut_points(text: str, pattern: re.Pattern[str]) -> list[int]:
    return [match.end() for match in pattern.finditer(text)]


def estimated_tokens(text: str) -> int:
    """About as many tokens as spaCy makes of ``text``: its words and marks of punctuation."""
    return sum(1 for _ in _TOKEN_ESTIMATE.finditer(text))


def _window(text: str, start: int, max_chars: int, max_tokens: int) -> str:
    """The text from ``start`` that a chunk may take: at most ``max_chars`` characters
    holding at most ``max_tokens`` estimated tokens."""
    pieces = _TOKEN_ESTIMATE.finditer(text, start, start + max_chars)
    beyond = next(itertools.islice(pieces, max_tokens, None), None)  # the first piece too many
    return text[start : beyond.start() if beyond else start + max_chars]


def chunk_text(
    text: str, max_chars: int = DEFAULT_CHUNK_CHARS, max_tokens: int = DEFAULT_CHUNK_TOKENS
) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, chunk)`` pairs covering ``text`` exactly, each at most ``max_chars``
    long and of at most ``max_tokens`` estimated tokens (``estimated_tokens``).

    Cuts fall after a paragraph break where possible, else after a sentence end,
    else at the last whitespace, else (one enormous token) anywhere.
    """
    start = 0
    while len(window := _window(text, start, max_chars, max_tokens)) < len(text) - start:
        cut = 0
        for pattern in (_PARAGRAPH_BREAK, _SENTENCE_BREAK, re.compile(r"\s+")):
            points = [point for point in _cut_points(window, pattern) if point < len(window)]
            if points:
                cut = points[-1]
                break
        cut = cut or len(window)
        yield start, window[:cut]
        start += cut
    yield start, text[start:]


def join_chunks(chunks: list[Doc]) -> Doc:
    """One Doc of the text the parsed ``chunks`` cover, in order: tokens, tags, parse,
    sentences and entities as each chunk has them, at the whole text's offsets.

    Nothing is put between the chunks (they cover the text exactly, so the joined text is
    the document's); the tok2vec tensors and the chunks' extension data are left behind:
    no stage reads them, and the tensors would double the memory a long document takes.
    """
    if len(chunks) == 1:
        return chunks[0]
    return Doc.from_docs(chunks, ensure_whitespace=False, exclude=["tensor", "user_data", "spans"])
