"""How the learned tagger's spans and the rules' structure combine.

The tagger knows which words PolNeAR annotators mark as cue, source and content,
and where those spans end; the rules know structure: which source and content
belong to which cue (the parse), quotations, nesting, addressee, channel and
modality. So each tagged cue becomes an attribution whose spans are tagged spans,
chosen by the rules: the tagged source and content that overlap what the parse
gives, or else the nearest ones in the cue's sentence.

Here: the tagged cues (``confirmed_cues``) and looking tagged spans up; ``tagged_drafts``
makes the drafts from them.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from reportedly.attribution.cues import Cue, CueKind, raised_report
from reportedly.attribution.lexicon import Lexicon
from reportedly.attribution.tagscheme import Tagging
from reportedly.model import Range

ARTICLES = frozenset({"the", "a", "an"})


def role_ranges(tagging: Tagging, role: str) -> list[Range]:
    """The tagged spans of one role (``CUE``, ``SOURCE`` or ``CONTENT``), in text order."""
    return [span for tagged_role, span in tagging.spans if tagged_role == role]


def _tokens_in(doc: Doc, span: Range) -> list[Token]:
    char_span = doc.char_span(*span, alignment_mode="expand")
    return [] if char_span is None else [t for t in char_span if not t.is_space]


def _span_head(tokens: list[Token]) -> Token:
    """The token of a span whose syntactic head lies outside it (the first such, verbs first)."""
    inside = {token.i for token in tokens}
    roots = [token for token in tokens if token.head.i not in inside or token.head.i == token.i]
    verbs = [token for token in roots if token.pos_ in ("VERB", "AUX")]
    return (verbs or roots or tokens)[0]


def tagged_cue(doc: Doc, span: Range) -> Cue | None:
    """A tagged cue the rules did not propose, shaped for the rules' span finders."""
    tokens = _tokens_in(doc, span)
    if not tokens:
        return None
    head = _span_head(tokens)
    kind: CueKind = "verb"  # the parse of its head gives source and content, if it can
    if head.lower_ == "according" and len(tokens) >= 2:
        kind = "according_to"
    elif head.pos_ in ("NOUN", "PROPN"):
        kind = "nominal"
    return Cue(head=head, tokens=tuple(tokens), kind=kind, confirmed=True)


def joined_cue_spans(text: str, spans: list[Range]) -> list[Range]:
    """Tagged cue spans with only space between them made one: the tagger sometimes
    opens a new cue inside a phrasal one ("is steering clear of" + "criticizing")."""
    joined: list[Range] = []
    for start, end in spans:
        if joined and not text[joined[-1].end : start].strip():
            joined[-1] = Range(joined[-1].start, end)
        else:
            joined.append(Range(start, end))
    return joined


def with_conventional_edges(doc: Doc, span: Range, lexicon: Lexicon) -> Range:
    """A tagged cue widened to the words PolNeAR's annotators include by convention and the
    tagger sometimes leaves out: the article before a noun cue ("[the] acknowledgement of",
    204 times in 242 on train), and the preposition after a verb that train's cues usually
    include ("talk [about]", "call [for]": ``data/cue_prepositions.tsv``)."""
    tokens = _tokens_in(doc, span)
    if not tokens:
        return span
    before = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    start = before.idx if before is not None and _is_article_of(before, tokens) else span.start
    cue_preposition = after is not None and _is_cue_preposition(after, tokens, lexicon)
    end = after.idx + len(after.text) if cue_preposition else span.end
    return Range(start, end)


def _is_article_of(word: Token, tokens: list[Token]) -> bool:
    return word.dep_ == "det" and word.lower_ in ARTICLES and word.head in tokens and word.head.pos_ == "NOUN"


def _is_cue_preposition(word: Token, tokens: list[Token], lexicon: Lexicon) -> bool:
    verb = word.head
    return (
        word.dep_ == "prep"
        and verb in tokens
        and (verb.lemma_.lower(), word.lower_) in lexicon.cue_prepositions
    )


def confirmed_cues(
    doc: Doc, text: str, rule_cues: list[Cue], tagging: Tagging, lexicon: Lexicon
) -> list[tuple[Range, Cue]]:
    """Each tagged cue span (adjacent ones joined), with the cue whose arguments the rules look up.

    That is the rules' own candidate where one overlaps the span (its head and kind
    are known), else one made from the span.
    """
    confirmed = []
    for joined in joined_cue_spans(text, role_ranges(tagging, "CUE")):
        span = with_conventional_edges(doc, joined, lexicon)
        rule = next((cue for cue in rule_cues if cue.range.overlaps(span)), None)
        spanned = tagged_cue(doc, span)
        reported = raised_report(spanned, lexicon) if spanned is not None else None
        if reported is not None:
            # "seems to be [signaling]": the reporting verb is the cue; a tagged span that
            # holds it already ("appeared to suggest", as PolNeAR marks it) stays whole.
            cue = reported
            span = span if span.contains(reported.range) else reported.range
        else:
            cue = dataclasses.replace(rule, confirmed=True) if rule else spanned
        if cue is not None:
            confirmed.append((span, cue))
    return confirmed


def nearest(spans: list[Range], anchor: Range, window: Range) -> Range | None:
    """The span inside ``window`` closest to ``anchor`` (by character gap), if any."""

    def gap(span: Range) -> int:
        return max(span.start - anchor.end, anchor.start - span.end, 0)

    inside = [span for span in spans if window.contains(span)]
    return min(inside, key=gap, default=None)


def most_overlapping(span: Range, spans: list[Range]) -> Range | None:
    """The span of ``spans`` that shares the most characters with ``span``, if any does."""
    return max(
        (other for other in spans if other.overlaps(span)),
        key=lambda other: min(other.end, span.end) - max(other.start, span.start),
        default=None,
    )
