"""How the learned tagger's spans steer the rules.

The rules know structure (which source and content belong to which cue, nesting,
addressee, channel, negation); the tagger knows which words PolNeAR annotators mark
and where their spans end. So: a rule cue stands only if the tagger tags it, a
tagged cue the rules missed becomes a cue, and each linked span takes the tagger's
boundaries where the two overlap.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from reportedly.attribution.cues import Cue, CueKind
from reportedly.attribution.tagscheme import Tagging

Range = tuple[int, int]
TaggedSpan = tuple[str, Range]

KNOBS = {
    "veto": 0.5,
    "add": True,
    "cue_bounds": False,
    "source_bounds": False,
    "content_bounds": False,
    "score_bounds": False,
}


def overlaps(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def role_ranges(tagged: list[TaggedSpan], role: str) -> list[Range]:
    return [span for tagged_role, span in tagged if tagged_role == role]


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
    """A cue the tagger found and the rules did not, shaped for the rules' span finders."""
    tokens = _tokens_in(doc, span)
    if not tokens:
        return None
    head = _span_head(tokens)
    kind: CueKind
    if head.lower_ == "according" and len(tokens) >= 2:
        kind = "according_to"
    elif head.pos_ in ("VERB", "AUX"):
        kind = "verb"
    elif head.pos_ in ("NOUN", "PROPN"):
        kind = "nominal"
    else:
        return None
    return Cue(head=head, tokens=tuple(tokens), kind=kind, learned=True)


def cue_prob(tagging: Tagging, cue: Cue) -> float:
    """How sure the tagger is that the cue's words are a cue (its most confident word)."""
    return max(tagging.role_prob(token.i, "CUE") for token in cue.tokens)


def agree_with_tagger(doc: Doc, cues: list[Cue], tagging: Tagging) -> list[Cue]:
    """Rule cues the tagger confirms, plus tagged cues the rules missed, in text order."""
    tagged_cues = role_ranges(tagging.spans, "CUE")
    kept = [cue for cue in cues if cue_prob(tagging, cue) >= KNOBS["veto"]]
    if KNOBS["add"]:
        for span in tagged_cues:
            if any(overlaps((cue.start_char, cue.end_char), span) for cue in cues):
                continue
            cue = tagged_cue(doc, span)
            if cue is not None:
                kept.append(cue)
    return sorted(kept, key=lambda cue: cue.start_char)


def span_score(doc: Doc, span: Range, tagging: Tagging, role: str) -> float:
    """Agreement of a span with the tagger: each word counts its role probability less one half."""
    tokens = _tokens_in(doc, span)
    return sum(tagging.role_prob(token.i, role) - 0.5 for token in tokens if not token.is_punct)


def best_bounds(doc: Doc, span: Range, tagging: Tagging, role: str) -> Range:
    """Of ``span`` and the tagged spans of ``role`` overlapping it (alone or merged), the one the
    tagger agrees with most."""
    tagged = [t for t in role_ranges(tagging.spans, role) if overlaps(t, span)]
    candidates = [span, *tagged]
    if len(tagged) > 1:
        candidates.append((min(t[0] for t in tagged), max(t[1] for t in tagged)))
    if tagged:
        candidates.append((min(span[0], tagged[0][0]), max(span[1], tagged[-1][1])))
    return max(candidates, key=lambda c: span_score(doc, c, tagging, role))


def fit(span: Range | None, tagged: list[Range]) -> Range | None:
    """``span`` replaced by the tagged span that overlaps it most, if any."""
    if span is None:
        return None
    best = max(
        (t for t in tagged if overlaps(t, span)),
        key=lambda t: min(t[1], span[1]) - max(t[0], span[0]),
        default=None,
    )
    return best or span


def nearest(spans: list[Range], anchor: Range, window: Range) -> Range | None:
    """The span inside ``window`` closest to ``anchor`` (by character gap), if any."""

    def gap(span: Range) -> int:
        return max(span[0] - anchor[1], anchor[0] - span[1], 0)

    inside = [span for span in spans if window[0] <= span[0] and span[1] <= window[1]]
    return min(inside, key=gap, default=None)


def tagged_roles(cue: Cue, tagging: Tagging) -> tuple[Range | None, Range | None]:
    """The tagged source and content nearest a learned cue within its sentence.

    For cues whose arguments the parse does not give ("complained about his mic",
    "took to Twitter to accuse ..."): the tagger marked the spans, proximity links them.
    """
    sentence = cue.head.sent
    window = (sentence.start_char, sentence.end_char)
    anchor = (cue.start_char, cue.end_char)
    return nearest(role_ranges(tagging.spans, "SOURCE"), anchor, window), nearest(
        role_ranges(tagging.spans, "CONTENT"), anchor, window
    )
