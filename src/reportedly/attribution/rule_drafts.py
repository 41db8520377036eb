"""Rule drafting: the attribution a cue heads, from the parse and the quotation marks alone.

The parse gives the cue's source and content (``spans``); quotations widen the content,
supply it where the cue clause has none ("He told parliament:" before a quote), and
decide the kind (direct, mixed, indirect).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from reportedly.attribution.cues import Cue, cue_rate, has_owner
from reportedly.attribution.drafts import Draft, char_range, merge_ranges, text_of
from reportedly.attribution.lexicon import STRONG_CUE_RATE, Lexicon
from reportedly.attribution.modality import is_hypothetical, is_negated
from reportedly.attribution.quotes import (
    Quote,
    first_quote_from,
    last_quote_until,
    quotes_around,
    quotes_overlapping,
)
from reportedly.attribution.spans import (
    addressee_tokens,
    asked_party,
    asker,
    channel_tokens,
    content_tokens,
    raised_subject,
    raiser_subject,
    source_tokens,
    speaker_tokens,
)
from reportedly.model import AttributionKind, Range

# A quotation of fewer words is a scare quote or a title, not someone's words.
SPEECH_MIN_WORDS = 4
_LINE_GAP = re.compile(r"[ \t,:;—–-]*")  # the same within one paragraph
_WORDS = re.compile(r"\w+")


def snap_to_quotes(content: list[Range], quotes: list[Quote], cue: Range) -> list[Range]:
    """Widen content parts to the whole quotation they overlap (not one that holds the cue itself).

    A part that opens with a quotation before the cue ends with it: in "“...,” Texas
    delegate Bill Eastland, wearing a hat, said" the parse may run on past the quote.
    """
    snapped = []
    for part in content:
        # Widening a part to a quotation's bounds reaches no quotation it did not overlap before.
        for quote in quotes_overlapping(quotes, part):
            if not part.overlaps(quote.range) or quote.start <= cue.start < quote.end:
                continue
            part = Range(min(part.start, quote.start), max(part.end, quote.end))
            if part.start == quote.start and quote.end <= cue.start and quote.words >= SPEECH_MIN_WORDS:
                part = Range(part.start, quote.end)
        snapped.append(part)
    return merge_ranges(snapped)


def adjacent_quote(text: str, clause: Range, sentence: Range, quotes: list[Quote]) -> list[Range]:
    """A quotation right before or after a cue clause that has no content of its own.

    Covers "He told parliament:" before a quote (even in the next paragraph),
    "“...” he said." split off as its own sentence, and "He said, “...”".
    """
    # Only the nearest quotation can be adjacent: any further one has that one's words between.
    introduces = text[sentence.start : sentence.end].rstrip().endswith(":")
    after = first_quote_from(quotes, sentence.end)
    if introduces and after and not text[sentence.end : after.start].strip():
        return [after.range]
    before = last_quote_until(quotes, clause.start)
    if before and _LINE_GAP.fullmatch(text, before.end, clause.start):
        return [before.range]
    after = first_quote_from(quotes, clause.end)
    return [after.range] if after and _LINE_GAP.fullmatch(text, clause.end, after.start) else []


def kind_of(
    cue: Cue, source: list[Token], content: list[Range], quotes: list[Quote], lexicon: Lexicon, text: str
) -> AttributionKind:
    """direct (all quoted), mixed (partly quoted), indirect, or the cue's own kind."""
    if cue.kind in ("according_to", "nominal"):
        return cue.kind
    if cue.kind == "colon":
        return "direct"  # a transcript line is the speaker's words
    subject = source[-1] if source else None
    if subject is not None and subject.lower_ in lexicon.nominal_cues and has_owner(subject):
        return "nominal"  # "Lavrov's comments suggest ..."
    return quoted_kind(content, quotes, text)


def quoted_kind(content: list[Range], quotes: list[Quote], text: str) -> AttributionKind:
    """direct if (nearly) all the content's words are quoted, mixed if some are, else indirect."""
    total = sum(len(_WORDS.findall(text, start, end)) for start, end in content)
    quoted = 0
    for start, end in content:
        for quote in quotes_overlapping(quotes, Range(start, end)):
            quoted += len(_WORDS.findall(text, max(start, quote.start), min(end, quote.end)))
    if quoted == 0:
        return "indirect"
    return "direct" if quoted >= 0.9 * total else "mixed"


def cue_strength(cue: Cue, lexicon: Lexicon) -> float:
    """How reliably the cue word signals attribution (its PolNeAR train cue rate)."""
    if cue.kind != "verb" or cue.confirmed:
        return 1.0
    return cue_rate(cue.head, lexicon) or 0.0


def clip_to_enclosing_quote(text: str, content: list[Range], cue: Range, quotes: list[Quote]) -> list[Range]:
    """A cue quoted inside someone else's words keeps its content within that quotation."""
    enclosing = quotes_around(quotes, cue)
    if not enclosing:
        return content
    inner = min(enclosing, key=lambda q: q.end - q.start)
    clipped = [Range(max(start, inner.start), min(end, inner.end)) for start, end in content]
    return [part for part in clipped if part.end > part.start and _WORDS.search(text, *part)]


def inside_quotation(cue: Cue, quotes: list[Quote]) -> bool:
    """Reporting words inside someone's quoted words ("I think", "you said") are part of the quote.

    A transcript line is not: in '"WALLACE: ...' the mark opens the quoted paragraph.
    """
    return cue.kind != "colon" and any(q.words >= SPEECH_MIN_WORDS for q in quotes_around(quotes, cue.range))


def draft_for(cue: Cue, text: str, lexicon: Lexicon, quotes: list[Quote]) -> Draft | None:
    """The attribution a cue heads, or ``None`` when it has no content."""
    if inside_quotation(cue, quotes):
        return None
    raised = raised_subject(cue, lexicon)
    asked = asked_party(cue, lexicon)
    if raised:
        source = []
    elif asked is not None:
        source = asker(cue)  # "Spicer was asked by [CNN's Jake Tapper] whether ..."
    else:
        source = raiser_subject(cue) if cue.raised else source_tokens(cue)
    found = content_tokens(cue, lexicon, source)
    cue_range = cue.range
    content = [r for r in (char_range(run) for run in [*found.runs, raised]) if r]
    clausal = found.clausal
    strength = cue_strength(cue, lexicon)
    if content and not clausal and (not source or strength < STRONG_CUE_RATE):
        return None
    if not content:
        clause = merge_ranges([cue_range, *([char_range(source)] if source else [])])
        sentence = Range(cue.head.sent.start_char, cue.head.sent.end_char)
        content = adjacent_quote(text, Range(clause[0].start, clause[-1].end), sentence, quotes)
        clausal = True
    content = clip_to_enclosing_quote(text, content, cue_range, quotes)
    if not content:
        return None
    content = snap_to_quotes(content, quotes, cue_range)
    addressee = asked if asked is not None else addressee_tokens(cue, lexicon)
    source_range = char_range(source)
    return Draft(
        kind=kind_of(cue, source, content, quotes, lexicon, text),
        cue=cue_range,
        source=source_range,
        content=content,
        addressee=char_range(addressee),
        channel=char_range(channel_tokens(cue, lexicon, addressee)),
        negated=is_negated(cue.head),
        hypothetical=is_hypothetical(cue.head, lexicon),
        speaker_name=text_of(text, char_range(speaker_tokens(source))),
        reliable=bool(source) and clausal and strength >= STRONG_CUE_RATE,
    )
