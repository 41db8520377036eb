"""Bounds that keep spaCy and the stages after it fast on hostile text, without changing
the character offsets of anything.

- spaCy's tokenizer strips punctuation off a word one mark at a time, searching the rest
  of the word again each time: a run of 20,000 quotation marks took a minute, 200,000 four
  minutes and 2.3 GB.
  ``PunctuationRunTokenizer`` makes such a run tokens of ``PUNCTUATION_RUN`` marks each,
  tokenizes the text between runs as spaCy does, and joins the pieces into one Doc of the
  same text. Text without such a run is tokenized as before.
- A sentence of thousands of words (a pasted table, ``"Lavrov said " * 2000``) makes every
  per-sentence step slow. ``limit_sentences`` (after the parser) splits a sentence longer
  than ``MAX_SENTENCE_WORDS`` tokens into pieces of at most that many, each its own
  sentence, and records where on the Doc (``doc._.split_sentences``) for a note.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

# Longer runs of punctuation (no letter, digit or space) are cut into tokens this long: no
# word of running text has such a run.
PUNCTUATION_RUN = 100
# Longer sentences are split. The longest in PolNeAR (train and dev) and PLOVER dev has 223
# tokens; a piece this long still costs the per-sentence steps little.
MAX_SENTENCE_WORDS = 300
COMPONENT_NAME = "reportedly_sentence_limit"

_LONG_PUNCTUATION_RUN = re.compile(rf"(?:[^\w\s]|_){{{PUNCTUATION_RUN + 1},}}")

if not Doc.has_extension("split_sentences"):
    # (character offset, tokens) of each sentence that limit_sentences split.
    Doc.set_extension("split_sentences", default=None)


class PunctuationRunTokenizer:
    """spaCy's tokenizer, with each long run of punctuation made tokens of ``PUNCTUATION_RUN``
    marks instead (see the module's doc)."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        runs = list(_LONG_PUNCTUATION_RUN.finditer(text))
        if not runs:
            return self.tokenizer(text)
        pieces, done = [], 0
        for run in runs:
            if done < run.start():
                pieces.append(self.tokenizer(text[done : run.start()]))
            marks = [run[0][at : at + PUNCTUATION_RUN] for at in range(0, len(run[0]), PUNCTUATION_RUN)]
            # A space after the run goes with its last token, as spaCy keeps it with a word.
            spaced = text.startswith(" ", run.end())
            spaces = [False] * (len(marks) - 1) + [spaced]
            pieces.append(Doc(self.tokenizer.vocab, words=marks, spaces=spaces))
            done = run.end() + spaced
        if done < len(text):
            pieces.append(self.tokenizer(text[done:]))
        doc = Doc.from_docs(pieces, ensure_whitespace=False)
        # Each piece began a sentence of its own; the parser finds the sentences, as for any text.
        unknown = numpy.zeros((len(doc), 1), dtype=numpy.uint64)
        doc.from_array([SENT_START], unknown)
        return doc

    def __getattr__(self, name: str) -> object:
        # The rest of the Tokenizer's interface (vocab, rules, pipe ...), as spaCy's own.
        return getattr(self.tokenizer, name)


@Language.component(COMPONENT_NAME)
def limit_sentences(doc: Doc) -> Doc:
    """Split every sentence longer than ``MAX_SENTENCE_WORDS`` tokens into pieces of at most
    that many: in each piece, the word nearest the sentence's root becomes the piece's root,
    and every other word whose head lies outside the piece hangs on it (as ``dep``)."""
    long = [sentence for sentence in doc.sents if len(sentence) > MAX_SENTENCE_WORDS]
    doc._.split_sentences = [(sentence.start_char, len(sentence)) for sentence in long]
    if not long:
        return doc
    heads = numpy.array([token.head.i for token in doc], dtype=numpy.int64)
    deps = doc.to_array([DEP])
    root_label, loose_label = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep")
    for sentence in long:
        depths = _depths(sentence)
        for start in range(sentence.start, sentence.end, MAX_SENTENCE_WORDS):
            end = min(start + MAX_SENTENCE_WORDS, sentence.end)
            loose = [i for i in range(start, end) if not start <= heads[i] < end or heads[i] == i]
            root = min(loose, key=lambda i: (depths[i - sentence.start], i))
            for i in loose:
                heads[i] = root
                deps[i] = root_label if i == root else loose_label
    relative = (heads - numpy.arange(len(doc), dtype=numpy.int64)).astype(numpy.uint64)
    doc.from_array([HEAD, DEP], numpy.stack([relative, deps.astype(numpy.uint64)], axis=1))
    return doc


def _depths(sentence: Span) -> list[int]:
    """Each word's distance from the sentence's root, in one pass (each word's depth is its
    head's plus one, found once)."""
    depths: list[int | None] = [None] * len(sentence)
    for token in sentence:
        path = []
        while depths[token.i - sentence.start] is None and token.head.i != token.i:
            path.append(token)
            token = token.head
        depth = depths[token.i - sentence.start]
        depth = 0 if depth is None else depth
        depths[token.i - sentence.start] = depth
        for step in reversed(path):
            depth += 1
            depths[step.i - sentence.start] = depth
    return [depth or 0 for depth in depths]
