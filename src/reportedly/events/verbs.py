"""PETRARCH/TABARI verb dictionaries: verb patterns to CAMEO event codes, and CAMEO to PLOVER.

A verb dictionary lists verbs in blocks (``--- RUSH [---] ---``) of synonyms with their
irregular forms (``SPEED {SPEEDING SPEEDS SPED}``) and patterns of the words around the
verb (``- * &FOOD [073]``: "rush food"; ``- &MILITARY * [154]``: "troops rushed"), with
synsets (``&FOOD`` and its ``+`` lines) shared between patterns. Users moving from PETRARCH
bring their own (``reportedly extract --verbs FILE``); the project ships Phoenix's
``CAMEO.2.0.txt`` (MIT) as a fallback for sentences its own triggers do not code.

Matching is looser than PETRARCH's, which walks a parse tree of its own: the words of a
pattern must occur in order in the verb's sentence, after the verb for those after ``*``
and before it for those before; actor slots (``$ + %``) and grouping (``( ) { } _``) are
not checked. The pattern with most words wins; without one, the block's own code.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Span, Token

from reportedly.attribution.lexicon import data_lines
from reportedly.events.words import DocWords
from reportedly.nlp.trees import subtree_without_clauses

SHIPPED_VERBS = "CAMEO.2.0.txt"
_HEADER = re.compile(r"^---\s*(\S+?)_*\s*\[([^\]]*)\]\s*---")
_CODE = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{([^}]*)\}")
_OTHER_CLAUSES = frozenset({"ccomp", "advcl", "parataxis", "conj", "relcl"})

# One element of a pattern: its alternatives, each a sequence of upper-case words.
Element = tuple[tuple[str, ...], ...]


class VerbFileError(ValueError):
    """A verb dictionary that cannot be read."""


@dataclass(frozen=True, slots=True)
class VerbPattern:
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str
    # For each element, the words its alternatives open with: a sentence that lacks all of
    # one element's cannot match (a quick first test, kept rather than rebuilt per verb).
    openings: tuple[frozenset[str], ...] = field(init=False)

    def __post_init__(self) -> None:
        elements = (*self.before, *self.after)
        openings = tuple(frozenset(alternative[0] for alternative in element) for element in elements)
        object.__setattr__(self, "openings", openings)

    @property
    def size(self) -> int:
        return len(self.before) + len(self.after)


@dataclass(slots=True)
class VerbBlock:
    code: str | None
    patterns: list[VerbPattern] = field(default_factory=list)
    # By a word, the positions of the patterns that need it: a pattern is filed under the
    # openings of its element with fewest (``index``), so that a verb tries only the patterns
    # its sentence's words can match, not all of a large block's (CAMEO's has up to 188).
    by_word: dict[str, list[int]] = field(default_factory=dict)
    # Patterns of no element, which every sentence matches.
    unconditional: list[int] = field(default_factory=list)

    def index(self) -> None:
        """File the patterns, once they are all read and sorted, by the words they need."""
        for position, pattern in enumerate(self.patterns):
            if not pattern.openings:
                self.unconditional.append(position)
                continue
            # An element of no alternative (an empty synset) files the pattern nowhere: it
            # never matches.
            for word in min(pattern.openings, key=len):
                self.by_word.setdefault(word, []).append(position)

    def candidates(self, present: Set[str]) -> list[VerbPattern]:
        """The patterns whose every element opens with one of the ``present`` words, in
        order (longest first)."""
        positions = {*self.unconditional}
        for word in present & self.by_word.keys():
            positions.update(self.by_word[word])
        return [
            pattern
            for pattern in (self.patterns[position] for position in sorted(positions))
            if all(not words.isdisjoint(present) for words in pattern.openings)
        ]


@dataclass(slots=True)
class VerbDictionary:
    """Verb forms (upper case) to their block; blocks hold a code and patterns."""

    forms: dict[str, VerbBlock] = field(default_factory=dict)

    def code(self, token: Token, sentence: SentenceWords | None = None) -> str | None:
        """The CAMEO code a verb has in its sentence, or None; ``sentence``: the verb's
        sentence's words, when the caller tries several of its verbs."""
        sentence = sentence if sentence is not None else SentenceWords(token.sent)
        block = self.block_of(*sentence.words[token.i - sentence.start])
        if block is None or not block.patterns:
            return None if block is None else block.code
        # Patterns are kept longest first: the first that matches is the best. A pattern
        # matches only words the sentence has, so its words are the candidates' test: most
        # verbs have none, and their phrase is never walked.
        candidates = block.candidates(sentence.at.keys())
        # Before the verb, the sentence's words up to it: the sentence's positions serve, as
        # ``_in_order`` looks no further than the words it is given.
        before = sentence.words[: token.i - sentence.start]
        after: list[tuple[str, str]] | None = None  # read for the first pattern that needs it
        after_at: dict[str, list[int]] = {}
        for pattern in candidates:
            if not _in_order(pattern.before, before, sentence.at):
                continue
            if pattern.after:
                if after is None:
                    after = sentence.phrase_after(token)
                    after_at = _positions(after)
                if not _in_order(pattern.after, after, after_at):
                    continue
            return pattern.code
        return block.code

    def block_of(self, form: str, lemma: str) -> VerbBlock | None:
        """The block of a verb, by its form or else its lemma (in upper case)."""
        return self.forms.get(form) or self.forms.get(lemma)


class SentenceWords:
    """A sentence's words, each as written and as lemma, in upper case, and where each
    occurs: gathered once for all the verbs of the sentence a dictionary tries (from its
    document's ``words``, if already read)."""

    def __init__(self, sentence: Span, words: DocWords | None = None) -> None:
        words = words if words is not None else DocWords(sentence.doc)
        self.start = start = sentence.start
        end = sentence.end
        self.words = list(zip(words.upper[start:end], words.lemma_upper[start:end], strict=True))
        self.at = _positions(self.words)

    def phrase_after(self, verb: Token) -> list[tuple[str, str]]:
        """The words after ``verb`` in its own phrase: not what it reports ("told reporters
        that the proposal ..." is no proposal) nor the clauses joined to it."""
        own_phrase = subtree_without_clauses(verb, _OTHER_CLAUSES)
        return [self.words[word.i - self.start] for word in own_phrase if word.i > verb.i]


def _positions(words: list[tuple[str, str]]) -> dict[str, list[int]]:
    """Where each word (as written and as lemma) occurs, in order."""
    positions: dict[str, list[int]] = {}
    for position, (form, lemma) in enumerate(words):
        positions.setdefault(form, []).append(position)
        if lemma != form:
            positions.setdefault(lemma, []).append(position)
    return positions


def _in_order(elements: tuple[Element, ...], words: list[tuple[str, str]], at: dict[str, list[int]]) -> bool:
    """Whether each element matches somewhere after the previous one's match (``at``: the
    positions of each word in ``words``)."""
    position = 0
    for element in elements:
        ends = [
            start + len(alternative)
            for alternative in element
            for start in at.get(alternative[0], ())
            if start >= position
            and all(start + k < len(words) and part in words[start + k] for k, part in enumerate(alternative))
        ]
        if not ends:
            return False
        position = min(ends)
    return True


def _code(text: str) -> str | None:
    """``[042:043]`` -> 042, ``[:173]`` -> 173; ``[---]`` and markers such as ``[def]``: None."""
    match = _CODE.search(text)
    if match is None:
        return None
    return next(
        (part.strip() for part in match.group(1).split(":") if re.fullmatch(r"\d{2,4}\w?", part.strip())),
        None,
    )


def parse_verb_dictionary(lines: list[str], name: str) -> VerbDictionary:
    """Read a verb dictionary's lines; ``name`` names it in errors."""
    synsets: dict[str, list[tuple[str, ...]]] = {}
    # Patterns are built at the end: a synset may be defined after a pattern using it.
    raw_patterns: list[tuple[VerbBlock, list[str], str]] = []
    dictionary = VerbDictionary()
    block: VerbBlock | None = None
    synset: list[tuple[str, ...]] | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<!--"):
            synset = None if not line else synset
            continue
        if header := _HEADER.match(line):
            block, synset = VerbBlock(_code(f"[{header.group(2)}]")), None
            _add_form(dictionary, header.group(1), block)
        elif line.startswith("&"):
            synset = synsets.setdefault(line.split()[0].upper(), [])
        elif line.startswith("+") and synset is not None:
            synset.append(tuple(re.split(r"[\s_]+", line[1:].strip().upper())))
        elif line.startswith("-") and block is not None:
            code = _code(line)
            if code is not None:
                raw_patterns.append((block, _CODE.split(line[1:], maxsplit=1)[0].split(), code))
        elif block is not None and not line.startswith(("+", "-", "&")):
            forms = _FORMS.search(line)
            base = _FORMS.sub("", line).split()
            if base:
                _add_form(dictionary, base[0], block)
            for form in forms.group(1).split() if forms else []:
                _add_form(dictionary, form, block)
    for pattern_block, words, code in raw_patterns:
        if (pattern := _pattern(words, code, synsets)) is not None:
            pattern_block.patterns.append(pattern)
    for block in {id(block): block for block in dictionary.forms.values()}.values():
        block.patterns.sort(key=lambda pattern: -pattern.size)  # stable: ties keep file order
        block.index()
    if not dictionary.forms:
        raise VerbFileError(f"{name}: no verb blocks ('--- VERB [code] ---') found")
    return dictionary


def _add_form(dictionary: VerbDictionary, word: str, block: VerbBlock) -> None:
    form = word.strip("_").upper().replace("_", " ")
    if form and " " not in form:  # multi-word verbs need PETRARCH's own parse
        dictionary.forms.setdefault(form, block)


def _pattern(words: list[str], code: str, synsets: dict[str, list[tuple[str, ...]]]) -> VerbPattern | None:
    """A pattern's elements on either side of the verb; None if it names a synset the
    dictionary lacks (it could never match as its authors meant)."""
    before: list[Element] = []
    after: list[Element] = []
    side = before
    for item in words:
        for word in re.split(r"_+", re.sub(r"[(){}]", "", item).upper()):
            if word == "*":
                side = after
            elif word.startswith("&"):
                if word not in synsets:
                    return None
                side.append(tuple(synsets[word]))
            elif word and word not in {"$", "+", "%", "^"}:
                side.append(((word,),))
    return VerbPattern(tuple(before), tuple(after), code)


def read_verb_dictionary(path: Path) -> VerbDictionary:
    """A user's verb dictionary; a file that cannot be read raises VerbFileError naming it."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise VerbFileError(f"{path}: cannot read verb dictionary ({error.strerror})") from error
    return parse_verb_dictionary(text.splitlines(), str(path))


@cache
def shipped_verbs() -> VerbDictionary:
    """Phoenix's CAMEO 2.0 verb patterns, read once per process."""
    text = (resources.files("reportedly") / "data" / "petrarch" / SHIPPED_VERBS).read_text(encoding="utf-8")
    return parse_verb_dictionary(text.splitlines(), SHIPPED_VERBS)


@cache
def _cameo_table() -> dict[str, str | None]:
    """CAMEO codes (roots, and longer codes where they differ) to PLOVER types."""
    table = {}
    for line in data_lines("cameo_roots.tsv"):
        code, event_type = line.split("\t")
        table[code] = None if event_type == "-" else event_type
    return table


def plover_type(cameo: str) -> str | None:
    """The PLOVER type of a CAMEO event code, or None for what PLOVER does not code."""
    table = _cameo_table()
    return table.get(cameo[:3], table.get(cameo[:2]))
