"""Cross-sentence passes over a chunk's drafts, once they are made: continuation quotes
(the quotation after "“A,” he said."), floating quotes (a quoted paragraph no cue claims,
the previous speaker's), and nesting (each draft under the innermost content holding its
cue; a nested draft that is part of what the outer one reports goes).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from reportedly.attribution.drafts import ContentIndex, Draft, OverlapIndex, merge_ranges
from reportedly.attribution.lexicon import Lexicon
from reportedly.attribution.quotes import Quote, first_quote_from, is_opening_mark
from reportedly.attribution.rule_drafts import SPEECH_MIN_WORDS
from reportedly.nlp.paragraphs import has_line_break

_GAP = re.compile(r"[\s,:;—–-]*")


def continuation_quotes(doc: Doc, text: str, drafts: list[Draft], quotes: list[Quote]) -> None:
    """Append to a quoting attribution the unclaimed quotation that directly follows its sentence.

    In "“A,” he said. “B.”" both quotations are his: one attribution, two content parts.
    """
    claimed = OverlapIndex(part for draft in drafts for part in draft.content)
    for draft in drafts:
        if draft.cue is None or draft.kind not in ("direct", "mixed"):
            continue
        clause_end = max(r.end for r in (draft.cue, draft.source) if r is not None)
        sentence_end = doc.char_span(*draft.cue, alignment_mode="expand").sent.end_char
        quote = first_quote_from(quotes, clause_end)
        if quote is None:
            continue
        gap_after_clause = _GAP.fullmatch(text, clause_end, quote.start)
        # The parser may end the sentence after the next quotation's opening mark ("said. ''").
        if is_opening_mark(text[quote.start : sentence_end]):
            sentence_end = quote.start
        gap_after_sentence = quote.start >= sentence_end and not text[sentence_end : quote.start].strip()
        if not (gap_after_clause or gap_after_sentence) or has_line_break(text[clause_end : quote.start]):
            continue
        if claimed.overlaps(quote.range):
            continue
        draft.content = merge_ranges([*draft.content, quote.range])
        claimed.add(quote.range)


def floating_quotes(drafts: list[Draft], quotes: list[Quote]) -> list[Draft]:
    """Quoted paragraphs claimed by no cue, continuing the previous speaker."""
    floating = []
    for quote in quotes:
        if not quote.opens_paragraph or quote.words < SPEECH_MIN_WORDS:
            continue
        # Cues quoted inside the paragraph ("We have said it") do not claim it.
        claimed = OverlapIndex(
            part
            for draft in drafts
            if draft.cue is None or not quote.start <= draft.cue.start < quote.end
            for part in draft.content
        )
        if claimed.overlaps(quote.range):
            continue
        previous = [d for d in drafts if d.start < quote.start and d.speaker_name]
        if not previous:
            continue
        speaker = max(previous, key=lambda d: d.start).speaker_name
        floating.append(
            Draft(
                kind="floating",
                cue=None,
                source=None,
                content=[quote.range],
                speaker_name=speaker,
            )
        )
    return floating


def _contains_cue(draft: Draft, other: Draft) -> bool:
    """Whether ``other``'s cue lies in ``draft``'s content (nesting the other way round)."""
    return other.cue is not None and any(start <= other.cue.start < end for start, end in draft.content)


def assign_parents(drafts: list[Draft]) -> None:
    """Nest each attribution whose cue lies inside another's content under the innermost one."""
    contents = ContentIndex(drafts)
    for index, draft in enumerate(drafts):
        if draft.cue is None:
            continue
        containers = [
            (part.length, other)
            for part, other in contents.holding(draft.cue)
            if other != index and not _contains_cue(draft, drafts[other])
        ]
        draft.parent = min(containers)[1] if containers else None


def part_of_outer(doc: Doc, draft: Draft, lexicon: Lexicon) -> bool:
    """Whether a nested draft is part of what the outer attribution reports, not one of its own.

    Two kinds, which PolNeAR train never marks inside another attribution's content: the
    speaker's own belief or intention told in their words ("Fowler said [he expects Clinton
    to recover]": 0 of 97 after "said he"), and a poll's share of respondents ("the poll
    found [51 percent said they would vote for Clinton]": 0 of 49, against 86 of 96 for such
    shares outside any content). Another holder ("Scholz said [Berlin expects ...]") stands.
    """
    if draft.cue is None or draft.source is None:
        return False
    source = doc.char_span(*draft.source, alignment_mode="expand")
    cue = doc.char_span(*draft.cue, alignment_mode="expand")
    if source is None or cue is None:
        return False
    own_mind = len(source) == 1 and source[0].tag_ == "PRP" and cue.root.lemma_.lower() in lexicon.mind_verbs
    return own_mind or any(word.lower_ in ("percent", "%") for word in source)
