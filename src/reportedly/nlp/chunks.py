"""Split long texts into paragraph-aligned chunks so spaCy's memory stays bounded, and join
the parsed chunks back into one Doc of the whole text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

# spaCy's parser and NER need roughly 1 GB per 100,000 characters; news articles
# are far shorter, so only unusually long inputs are ever split.
DEFAULT_CHUNK_CHARS = 20_000

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def _cut_points(text: str, pattern: re.Pattern[str]) -> list[int]:
    return [match.end() for match in pattern.finditer(text)]


def chunk_text(text: str, max_chars: int = DEFAULT_CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, chunk)`` pairs covering ``text`` exactly, each at most ``max_chars`` long.

    Cuts fall after a paragraph break where possible, else after a sentence end,
    else at the last whitespace, else (one enormous token) anywhere.
    """
    start = 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = 0
        for pattern in (_PARAGRAPH_BREAK, _SENTENCE_BREAK, re.compile(r"\s+")):
            points = [point for point in _cut_points(window, pattern) if point < len(window)]
            if points:
                cut = points[-1]
                break
        cut = cut or max_chars
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
