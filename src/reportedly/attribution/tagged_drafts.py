"""Stage 3: link cues, sources and contents into attributions, with quotes, kinds and nesting.

Works on character ranges so that quotation marks, which the parse ignores,
can decide content boundaries and the attribution kind.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from reportedly.attribution.cues import Cue, cue_lemma, cue_rate, find_cues, has_owner
from reportedly.attribution.learned import (
    Range,
    confirmed_cues,
    most_overlapping,
    nearest,
    overlaps,
    role_ranges,
)
from reportedly.attribution.lexicon import STRONG_CUE_RATE, Lexicon
from reportedly.attribution.modality import is_hypothetical, is_infinitive, is_negated
from reportedly.attribution.quotes import (
    Quote,
    find_quotes,
    first_quote_from,
    is_opening_mark,
    last_quote_until,
    quotes_around,
    quotes_holding,
    quotes_overlapping,
)
from reportedly.attribution.spans import (
    addressee_tokens,
    channel_tokens,
    content_tokens,
    raised_subject,
    source_tokens,
    speaker_tokens,
)
from reportedly.attribution.tagscheme import Tagging
from reportedly.model import Attribution, AttributionKind, Span, Speaker

# A quotation of fewer words is a scare quote or a title, not someone's words.
SPEECH_MIN_WORDS = 4
_GAP = re.compile(r"[\s,:;—–-]*")
_LINE_GAP = re.compile(r"[ \t,:;—–-]*")  # the same within one paragraph
_WORDS = re.compile(r"\w+")
_EDGE = re.compile(r"[\W_]*")  # what lies between a quotation mark and the first word
_CONJOINED = re.compile(r"\s*,\s*(?:and|but|or|so|yet)\b")  # a comma that joins two clauses
# A cue clause set off by commas inside one sentence: ', Stumpf explained, ' or '," he said, "'.
_CLAUSE_OPENS = re.compile(r"\s*(?:''|[”\"’'])?\s*,")
_CLAUSE_CLOSES = re.compile(r",\s*(?:''|``|[“\"‘'])?\s*$")
# A full stop, not one after a title or an initial ("Mr. Obama", "U.S. officials").
_SENTENCE_BREAK = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bGen)(?<!\bSen)(?<!\bRep)(?<!\bGov)"
    r"(?<![A-Z])[.!?]\s+[A-Z“\"]"
)
_MAX_CLAUSE_CHARS = 150


@dataclass(slots=True)
class Draft:
    """An attribution under construction, by character ranges."""

    kind: AttributionKind
    cue: Range | None
    source: Range | None
    content: list[Range]
    addressee: Range | None = None
    channel: Range | None = None
    negated: bool = False
    hypothetical: bool = False
    speaker_name: str | None = None
    parent: int | None = None
    # Strong enough evidence to stand inside another attribution's content.
    reliable: bool = True
    # The tagger's confidence in it (see ``confidence``; 1.0 for what the rules found).
    confidence: float = 1.0
    # Whether the parse linked the content to the cue (not the nearest tagged content).
    content_by_parse: bool = True

    @property
    def start(self) -> int:
        return min(r[0] for r in self._ranges())

    def _ranges(self) -> list[Range]:
        return [r for r in (self.cue, self.source, *self.content) if r is not None]


def char_range(tokens: list[Token]) -> Range | None:
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def merge_ranges(ranges: list[Range]) -> list[Range]:
    """Sort and merge overlapping or touching ranges."""
    merged: list[Range] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snap_to_quotes(content: list[Range], quotes: list[Quote], cue: Range) -> list[Range]:
    """Widen content parts to the whole quotation they overlap (not one that holds the cue itself).

    A part that opens with a quotation before the cue ends with it: in "“...,” Texas
    delegate Bill Eastland, wearing a hat, said" the parse may run on past the quote.
    """
    snapped = []
    for part in content:
        # Widening a part to a quotation's bounds reaches no quotation it did not overlap before.
        for quote in quotes_overlapping(quotes, part):
            if not overlaps(part, (quote.start, quote.end)) or quote.start <= cue[0] < quote.end:
                continue
            part = (min(part[0], quote.start), max(part[1], quote.end))
            if part[0] == quote.start and quote.end <= cue[0] and quote.words >= SPEECH_MIN_WORDS:
                part = (part[0], quote.end)
        snapped.append(part)
    return merge_ranges(snapped)


def adjacent_quote(text: str, clause: Range, sentence: Range, quotes: list[Quote]) -> list[Range]:
    """A quotation right before or after a cue clause that has no content of its own.

    Covers "He told parliament:" before a quote (even in the next paragraph),
    "“...” he said." split off as its own sentence, and "He said, “...”".
    """
    # Only the nearest quotation can be adjacent: any further one has that one's words between.
    introduces = text[sentence[0] : sentence[1]].rstrip().endswith(":")
    after = first_quote_from(quotes, sentence[1])
    if introduces and after and not text[sentence[1] : after.start].strip():
        return [(after.start, after.end)]
    before = last_quote_until(quotes, clause[0])
    if before and _LINE_GAP.fullmatch(text, before.end, clause[0]):
        return [(before.start, before.end)]
    after = first_quote_from(quotes, clause[1])
    return [(after.start, after.end)] if after and _LINE_GAP.fullmatch(text, clause[1], after.start) else []


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
        for quote in quotes_overlapping(quotes, (start, end)):
            quoted += len(_WORDS.findall(text, max(start, quote.start), min(end, quote.end)))
    if quoted == 0:
        return "indirect"
    return "direct" if quoted >= 0.9 * total else "mixed"


def cue_strength(cue: Cue, lexicon: Lexicon) -> float:
    """How reliably the cue word signals attribution (its PolNeAR train cue rate)."""
    if cue.kind != "verb" or cue.confirmed:
        return 1.0
    return cue_rate(cue.head, lexicon) or 0.0


def with_quote_marks(text: str, content: list[Range], quotes: list[Quote]) -> list[Range]:
    """Content parts that make up a whole quotation, but for its marks and punctuation,
    become that quotation (one part, marks included), even across paragraphs."""
    parts = sorted(content)
    holding = {quote for part in parts for quote in quotes_holding(quotes, part)}
    for quote in sorted(holding, key=lambda quote: quote.start):
        inside = [part for part in parts if quote.start <= part[0] and part[1] <= quote.end]
        if not inside:
            continue
        bounds = [quote.start, *(bound for part in inside for bound in part), quote.end]
        gaps = zip(bounds[::2], bounds[1::2], strict=True)  # before, between and after the parts
        if all(_EDGE.fullmatch(text, gap_start, gap_end) for gap_start, gap_end in gaps):
            parts = sorted([*(part for part in parts if part not in inside), (quote.start, quote.end)])
    return parts


def clip_to_enclosing_quote(text: str, content: list[Range], cue: Range, quotes: list[Quote]) -> list[Range]:
    """A cue quoted inside someone else's words keeps its content within that quotation."""
    enclosing = quotes_around(quotes, cue)
    if not enclosing:
        return content
    inner = min(enclosing, key=lambda q: q.end - q.start)
    clipped = [(max(start, inner.start), min(end, inner.end)) for start, end in content]
    return [(start, end) for start, end in clipped if end > start and _WORDS.search(text, start, end)]


def _inside_quotation(cue: Cue, quotes: list[Quote]) -> bool:
    """Reporting words inside someone's quoted words ("I think", "you said") are part of the quote.

    A transcript line is not: in '"WALLACE: ...' the mark opens the quoted paragraph.
    """
    return cue.kind != "colon" and any(
        q.words >= SPEECH_MIN_WORDS for q in quotes_around(quotes, (cue.start_char, cue.end_char))
    )


def _text_of(text: str, span: Range | None) -> str | None:
    return text[span[0] : span[1]] if span else None


def draft_for(cue: Cue, text: str, lexicon: Lexicon, quotes: list[Quote]) -> Draft | None:
    """The attribution a cue heads, or ``None`` when it has no content."""
    if _inside_quotation(cue, quotes):
        return None
    raised = raised_subject(cue, lexicon)
    source = [] if raised else source_tokens(cue)
    found = content_tokens(cue, lexicon, source)
    cue_range = (cue.start_char, cue.end_char)
    content = [r for r in (char_range(run) for run in [*found.runs, raised]) if r]
    clausal = found.clausal
    strength = cue_strength(cue, lexicon)
    if content and not clausal and (not source or strength < STRONG_CUE_RATE):
        return None
    if not content:
        clause = merge_ranges([cue_range, *([char_range(source)] if source else [])])
        sentence = cue.head.sent
        content = adjacent_quote(
            text, (clause[0][0], clause[-1][1]), (sentence.start_char, sentence.end_char), quotes
        )
        clausal = True
    content = clip_to_enclosing_quote(text, content, cue_range, quotes)
    if not content:
        return None
    content = snap_to_quotes(content, quotes, cue_range)
    addressee = addressee_tokens(cue, lexicon)
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
        speaker_name=_text_of(text, char_range(speaker_tokens(source))),
        reliable=bool(source) and clausal and strength >= STRONG_CUE_RATE,
    )


class OverlapIndex:
    """Character ranges (the parts attributions hold, say) that answer "does this span overlap
    any of them?" in logarithmic time, where a scan of them all made linking quadratic in
    the attributions of a chunk.

    It keeps the hulls of ranges that overlap one another, sorted: a span overlaps one of the
    ranges exactly when it overlaps the hull holding it, since ``overlaps`` is strict (ranges
    that only touch stay apart, as do an empty range and one it starts or ends), and the
    hulls' ends rise with their starts, so the last hull that starts before the span ends is
    the only one to check.
    """

    def __init__(self, ranges: Iterable[Range] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for span in ranges:
            self.add(span)

    def overlaps(self, span: Range) -> bool:
        """Whether ``span`` overlaps a range of the index."""
        last = bisect.bisect_left(self._starts, span[1]) - 1
        return last >= 0 and self._ends[last] > span[0]

    def add(self, span: Range) -> None:
        # The hulls span overlaps are those from ``first`` (ending after it starts) up to
        # ``stop`` (starting before it ends); they and span become one hull.
        first = bisect.bisect_right(self._ends, span[0])
        stop = bisect.bisect_left(self._starts, span[1])
        if first > stop:
            return  # an empty range the index already holds
        start = min(span[0], self._starts[first]) if first < stop else span[0]
        end = max(span[1], self._ends[stop - 1]) if first < stop else span[1]
        self._starts[first:stop] = [start]
        self._ends[first:stop] = [end]


def continuation_quotes(doc: Doc, text: str, drafts: list[Draft], quotes: list[Quote]) -> None:
    """Append to a quoting attribution the unclaimed quotation that directly follows its sentence.

    In "“A,” he said. “B.”" both quotations are his: one attribution, two content parts.
    """
    claimed = OverlapIndex(part for draft in drafts for part in draft.content)
    for draft in drafts:
        if draft.cue is None or draft.kind not in ("direct", "mixed"):
            continue
        clause_end = max(r[1] for r in (draft.cue, draft.source) if r is not None)
        sentence_end = doc.char_span(*draft.cue, alignment_mode="expand").sent.end_char
        quote = first_quote_from(quotes, clause_end)
        if quote is None:
            continue
        gap_after_clause = _GAP.fullmatch(text, clause_end, quote.start)
        # The parser may end the sentence after the next quotation's opening mark ("said. ''").
        if is_opening_mark(text[quote.start : sentence_end]):
            sentence_end = quote.start
        gap_after_sentence = quote.start >= sentence_end and not text[sentence_end : quote.start].strip()
        if not (gap_after_clause or gap_after_sentence) or "\n" in text[clause_end : quote.start]:
            continue
        if claimed.overlaps((quote.start, quote.end)):
            continue
        draft.content = merge_ranges([*draft.content, (quote.start, quote.end)])
        claimed.add((quote.start, quote.end))


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
            if draft.cue is None or not quote.start <= draft.cue[0] < quote.end
            for part in draft.content
        )
        if claimed.overlaps((quote.start, quote.end)):
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
                content=[(quote.start, quote.end)],
                speaker_name=speaker,
            )
        )
    return floating


def _contains_cue(draft: Draft, other: Draft) -> bool:
    """Whether ``other``'s cue lies in ``draft``'s content (nesting the other way round)."""
    return other.cue is not None and any(start <= other.cue[0] < end for start, end in draft.content)


class ContentIndex:
    """The content parts of drafts, to find the parts that hold a span without a scan of
    every draft's: such a part starts at most where the span starts, and at most the longest
    part's length before it ends. (One very long part makes the search as long as that scan.)
    """

    def __init__(self, drafts: list[Draft]) -> None:
        self._parts = sorted((part, owner) for owner, draft in enumerate(drafts) for part in draft.content)
        self._starts = [part[0] for part, _ in self._parts]
        self._longest = max((part[1] - part[0] for part, _ in self._parts), default=0)

    def holding(self, span: Range) -> list[tuple[Range, int]]:
        """The parts that hold ``span``, each with the index of its draft."""
        first = bisect.bisect_left(self._starts, span[1] - self._longest)
        stop = bisect.bisect_right(self._starts, span[0])
        return [(part, owner) for part, owner in self._parts[first:stop] if span[1] <= part[1]]


def assign_parents(drafts: list[Draft]) -> None:
    """Nest each attribution whose cue lies inside another's content under the innermost one."""
    contents = ContentIndex(drafts)
    for index, draft in enumerate(drafts):
        if draft.cue is None:
            continue
        containers = [
            (part[1] - part[0], other)
            for part, other in contents.holding(draft.cue)
            if other != index and not _contains_cue(draft, drafts[other])
        ]
        draft.parent = min(containers)[1] if containers else None


def link_attributions(
    doc: Doc, text: str, lexicon: Lexicon, tagging: Tagging | None = None
) -> list[Attribution]:
    """All attributions in ``doc`` (whose text is ``text``), in text order, with ids ``a1``, ``a2``, ...

    With ``tagging`` (the learned tagger's output) the cues and spans are the tagged
    ones and the rules link them; without it the rules find everything.
    """
    quotes = find_quotes(text)
    cues = find_cues(doc, lexicon)
    if tagging is None:
        drafts = [d for d in (draft_for(cue, text, lexicon, quotes) for cue in cues) if d]
    else:
        confirmed = confirmed_cues(doc, text, cues, tagging, lexicon)
        drafts = tagged_drafts(text, lexicon, quotes, confirmed, tagging)
        drafts += untagged_rule_drafts(text, lexicon, quotes, cues, tagging, drafts)
        # Doubtful drafts go only now: what they claimed is not left for a rule cue to take.
        drafts = [d for d in drafts if d.confidence >= tagging.min_confidence]
    drafts.sort(key=lambda d: d.start)
    continuation_quotes(doc, text, drafts, quotes)
    drafts += floating_quotes(drafts, quotes)
    drafts.sort(key=lambda d: d.start)
    assign_parents(drafts)
    # A nested draft stands on strong evidence, and only as someone else's act.
    standing = [d for d in drafts if d.parent is None or (d.reliable and not part_of_outer(doc, d, lexicon))]
    if len(standing) < len(drafts):
        drafts = standing
        assign_parents(drafts)
    return [to_attribution(draft, index, text) for index, draft in enumerate(drafts)]


def untagged_rule_drafts(
    text: str, lexicon: Lexicon, quotes: list[Quote], cues: list[Cue], tagging: Tagging, tagged: list[Draft]
) -> list[Draft]:
    """What the rules find where the tagger sees no cue, when the evidence holds.

    Kept: a transcript line ("LAVROV: ..."); a reliable attribution inside what a news
    outlet reports ("Reuters reported that Putin insisted ..."): PolNeAR, which the
    tagger learned, has neither (other nesting costs more than it finds there); and a
    cue whose content the tagger marks but gives to no cue ("The Kremlin ruled out
    [any talks]"); a hand-listed cue verb with a source; a raising construction ("[The
    ceasefire] appears [to be holding]"), which the tagger marks only now and then.
    """
    tagged_cues = OverlapIndex(d.cue for d in tagged if d.cue)
    claimed = OverlapIndex(part for d in tagged for part in d.content)
    unclaimed = OverlapIndex(c for c in role_ranges(tagging, "CONTENT") if not claimed.overlaps(c))
    drafts = []
    for cue in cues:
        cue_range = (cue.start_char, cue.end_char)
        if tagged_cues.overlaps(cue_range):
            continue
        draft = draft_for(cue, text, lexicon, quotes)
        if draft is None:
            continue
        reported = draft.reliable and any(
            part[0] <= cue_range[0] and cue_range[1] <= part[1] and _is_outlet_source(text, outer, lexicon)
            for outer in tagged
            for part in outer.content
        )
        marked = any(unclaimed.overlaps(part) for part in draft.content)
        # The hand list stands in for the tagger only where the text says the act took place
        # (not "refused to disclose", "would pledge"): 4 of 43 such drafts were right on PolNeAR dev
        # and a held-out tenth of train.
        chosen = (
            cue.kind == "verb"
            and draft.source is not None
            and cue_lemma(cue.head) in lexicon.manual_cues
            and not draft.hypothetical
            and not is_infinitive(cue.head)
        )
        if cue.kind == "colon" or reported or marked or chosen or raised_subject(cue, lexicon):
            drafts.append(draft)
    return drafts


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


def _is_outlet_source(text: str, draft: Draft, lexicon: Lexicon) -> bool:
    """Whether the draft's source is a news outlet ("Reuters", "the New York Times")."""
    return draft.source is not None and lexicon.names_outlet(text[draft.source[0] : draft.source[1]])


def tagged_drafts(
    text: str, lexicon: Lexicon, quotes: list[Quote], cues: list[tuple[Range, Cue]], tagging: Tagging
) -> list[Draft]:
    """One attribution per tagged cue that has a tagged content, all its spans tagged ones.

    The rules' draft for the cue says which tagged source and content are its own
    (those overlapping the parse's); where the parse gives none, the nearest tagged
    ones in the cue's sentence are taken. Addressee, channel and modality come from
    the rules.
    """
    sources = role_ranges(tagging, "SOURCE")
    contents = role_ranges(tagging, "CONTENT")
    drafts = []
    cue_ranges = [cue_range for cue_range, _ in cues]
    sentences = {cue_range: sentence_of(cue, quotes) for cue_range, cue in cues}
    for cue_range, cue in cues:
        if _inside_quotation(cue, quotes):
            continue  # PolNeAR train marks 23 of 5,600 reporting verbs inside quotations as cues
        ruled = draft_for(cue, text, lexicon, quotes)
        sentence = sentences[cue_range]
        content = []
        content_tagged = False  # else the rules gave the content, and the tagger's doubt is the cue's alone
        if ruled is not None and ruled.reliable and _holds_cue(ruled.content, cue_ranges):
            content = ruled.content  # it reports another attribution, which PolNeAR's tags cannot nest
        elif ruled is not None and raised_subject(cue, lexicon):
            content = ruled.content  # "[The ceasefire] appears [to be holding]": no one is quoted
        elif ruled is not None:
            content_tagged = True
            overlapping = sorted(
                {c for part in ruled.content for c in spans_near(contents, part, 0) if overlaps(c, part)}
            )
            content = [clip_to_clause(text, c, ruled.content) for c in overlapping]
        by_parse = bool(content)
        if not content:
            near = nearest(contents, cue_range, sentence)
            content = [near] if near else introduced_block(text, sentence, contents)
            content_tagged = True
        if not content:
            continue
        content = with_quote_marks(text, content, quotes)
        source, speaker_name = tagged_source(text, cue, cue_range, ruled, sources, sentence)
        own_kind = ruled is not None and ruled.kind in ("according_to", "nominal")
        drafts.append(
            Draft(
                kind=ruled.kind if own_kind else quoted_kind(content, quotes, text),
                cue=cue_range,
                source=source,
                content=content,
                addressee=ruled.addressee if ruled else None,
                channel=ruled.channel if ruled else None,
                negated=is_negated(cue.head),
                hypothetical=is_hypothetical(cue.head, lexicon),
                speaker_name=speaker_name,
                confidence=confidence(tagging, cue_range, content if content_tagged else []),
                content_by_parse=by_parse,
            )
        )
    candidates = without_borrowed_sources(drafts)
    drafts = one_cue_per_content(candidates)
    kept = {id(draft) for draft in drafts}
    losers = [draft for draft in candidates if id(draft) not in kept]
    drafts += rehomed(text, losers, drafts, contents, sentences, quotes, tagging)
    join_split_contents(text, drafts, contents, cue_ranges)
    return drafts


def join_split_contents(text: str, drafts: list[Draft], contents: list[Range], cues: list[Range]) -> None:
    """Give a draft the tagged content on the other side of its cue clause, where that clause
    is set off by commas inside the sentence: "[These employees], Stumpf explained, [were
    well paid]", "[Hawaii], as an adviser pointed out, [rarely gets two hurricanes]".

    Only a content no draft has taken, and only across a clause that holds the draft's cue
    and source and no other cue.
    """
    claimed = OverlapIndex(part for draft in drafts for part in draft.content)
    for draft in drafts:
        if len(draft.content) != 1 or draft.cue is None:
            continue
        (start, end) = draft.content[0]
        for other in spans_near(contents, (start, end), _MAX_CLAUSE_CHARS):
            if claimed.overlaps(other):
                continue
            if other[1] <= start:
                clause, joined = (other[1], start), [other, (start, end)]
            elif other[0] >= end:
                clause, joined = (end, other[0]), [(start, end), other]
            else:
                continue
            if _is_cue_clause(text, clause, draft, cues):
                draft.content = joined
                claimed.add(other)
                break


def spans_near(spans: list[Range], anchor: Range, reach: int) -> list[Range]:
    """The spans of ``spans`` (in text order, none overlapping another: a tagged role's) that
    lie at most ``reach`` characters before or after ``anchor``, or overlap it, by bisection."""
    first = bisect.bisect_left(spans, anchor[0] - reach, key=lambda span: span[1])
    stop = bisect.bisect_right(spans, anchor[1] + reach, key=lambda span: span[0])
    return spans[first:stop]


def _is_cue_clause(text: str, clause: Range, draft: Draft, cues: list[Range]) -> bool:
    words = text[clause[0] : clause[1]]

    def inside(span: Range | None) -> bool:
        return span is not None and clause[0] <= span[0] and span[1] <= clause[1]

    return (
        len(words) <= _MAX_CLAUSE_CHARS
        and bool(_CLAUSE_OPENS.match(words) and _CLAUSE_CLOSES.search(words))
        and not _SENTENCE_BREAK.search(words)
        and inside(draft.cue)
        and (draft.source is None or inside(draft.source))
        and not any(inside(cue) and cue != draft.cue for cue in cues)
    )


def one_cue_per_content(drafts: list[Draft]) -> list[Draft]:
    """Where several tagged cues took the very same content ("is steering clear of
    [criticizing] [Trump for ...]", "[know] ... [disclosure statements]"), keep the one
    the parse links to it, else the one the tagger is surest of."""

    def claim(draft: Draft) -> tuple[bool, float]:
        return draft.content_by_parse, draft.confidence

    best: dict[tuple[Range, ...], Draft] = {}
    for draft in drafts:
        rival = best.get(tuple(draft.content))
        if rival is None or claim(draft) > claim(rival):
            best[tuple(draft.content)] = draft
    kept = {id(draft) for draft in best.values()}
    return [draft for draft in drafts if id(draft) in kept]


def sentence_of(cue: Cue, quotes: list[Quote]) -> Range:
    """The cue's sentence, from the start of a quotation the parser ended a sentence inside
    ('"... is in panic mode. [Full panic mode," said Leslie Wimes]')."""
    start, end = cue.head.sent.start_char, cue.head.sent.end_char
    return min([start, *(quote.start for quote in quotes_around(quotes, (start, start)))]), end


def rehomed(
    text: str,
    losers: list[Draft],
    kept: list[Draft],
    contents: list[Range],
    sentences: dict[Range, Range],
    quotes: list[Quote],
    tagging: Tagging,
) -> list[Draft]:
    """Cues that lost their content to a better claim (``one_cue_per_content``: "has hailed
    [Britain's vote ...] as 'fantastic,' telling reporters [that he thinks ...]", "'...,' she
    said, referring to [the state enterprises]") take instead the nearest tagged content in
    their sentence that no cue claims, if there is one."""
    claimed = OverlapIndex(part for draft in kept for part in draft.content)
    found = []
    for draft in losers:
        if draft.cue is None:
            continue
        free = [content for content in contents if not claimed.overlaps(content)]
        near = nearest(free, draft.cue, sentences[draft.cue])
        if near is None:
            continue
        content = with_quote_marks(text, [near], quotes)
        for part in content:
            claimed.add(part)
        kind = draft.kind if draft.kind in ("according_to", "nominal") else quoted_kind(content, quotes, text)
        surety = confidence(tagging, draft.cue, content)
        found.append(
            dataclasses.replace(draft, kind=kind, content=content, confidence=surety, content_by_parse=False)
        )
    return found


def introduced_block(text: str, sentence: Range, contents: list[Range]) -> list[Range]:
    """The tagged contents right after a sentence that ends with a colon, when nothing but
    space, line breaks and an opening quote mark lies between: "The governor added:" or
    "The Kremlin released the following statement:" introducing a paragraph (or several)
    of their words."""
    if not text[sentence[0] : sentence[1]].rstrip().endswith(":"):
        return []
    block: list[Range] = []
    end = sentence[1]
    for start, stop in contents:
        if start < end:
            continue
        gap = text[end:start]
        if gap.strip() and not is_opening_mark(gap):
            break
        block.append((start, stop))
        end = stop
    return block


def confidence(tagging: Tagging, cue: Range, content: list[Range]) -> float:
    """How sure the tagger is of an attribution: its mean probability that the cue's words
    are cue times that for the tagged content's words (none when the rules gave the
    content). Dropping those below the model's threshold, tuned on PolNeAR train,
    trades a little recall for more precision."""
    return tagging.confidence("CUE", [cue]) * tagging.confidence("CONTENT", content)


def without_borrowed_sources(drafts: list[Draft]) -> list[Draft]:
    """Drop drafts whose cue lies inside another draft's content while their source lies
    outside it. A reported attribution keeps its source inside the report ("Lavrov said
    [Putin told him ...]"); one that borrows the outer speaker ("Lavrov said the plan ...
    [would not be discussed]") is part of the outer content, not an attribution of its own."""

    contents = ContentIndex(drafts)

    def inside(span: Range, parts: list[Range]) -> bool:
        return any(part[0] <= span[0] and span[1] <= part[1] for part in parts)

    def borrows(index: int, draft: Draft) -> bool:
        """Whether the draft's cue lies in another's content and its source does not."""
        return draft.source is not None and any(
            other != index and not inside(draft.source, drafts[other].content)
            for _, other in contents.holding(draft.cue)
        )

    return [draft for index, draft in enumerate(drafts) if not borrows(index, draft)]


def _holds_cue(content: list[Range], cues: list[Range]) -> bool:
    """Whether a cue lies inside the content: "[Orban denied that ...], his spokesman wrote"."""
    return any(part[0] <= cue[0] and cue[1] <= part[1] for part in content for cue in cues)


def clip_to_clause(text: str, tagged: Range, ruled: list[Range]) -> Range:
    """A tagged content cut back to the parse's content where it runs on past a comma:
    in "The minister, who said the talks had failed, left early" the content ends at "failed".
    Not before a conjunction: in "..., but the army would stay" the tagger saw one content."""
    part = next(p for p in ruled if overlaps(p, tagged))
    start, end = tagged
    if (
        end > part[1]
        and text[part[1] : end].lstrip().startswith(",")
        and not _CONJOINED.match(text, part[1], end)
    ):
        end = part[1]
    if start < part[0] and text[start : part[0]].rstrip().endswith(","):
        start = part[0]
    return start, end


def tagged_source(
    text: str, cue: Cue, cue_range: Range, ruled: Draft | None, sources: list[Range], sentence: Range
) -> tuple[Range | None, str | None]:
    """The tagged source of a cue and the speaker's name.

    The parse's source picks the tagged one it overlaps (and names the speaker, e.g.
    the antecedent of "who"); a cue the parse gives no source finds the nearest in its
    sentence, unless it is an impersonal passive ("it was reported that").
    """
    if ruled is not None and ruled.source is not None:
        source = most_overlapping(ruled.source, sources)
        if source is not None:
            return source, ruled.speaker_name
    elif ruled is not None and any(child.dep_ == "nsubjpass" for child in cue.head.children):
        return None, None
    source = nearest(sources, cue_range, sentence)
    return source, _text_of(text, source)


def to_attribution(draft: Draft, index: int, text: str) -> Attribution:
    def span(r: Range | None) -> Span | None:
        return Span.of(text, *r) if r else None

    return Attribution(
        id=f"a{index + 1}",
        kind=draft.kind,
        cue=span(draft.cue),
        source=span(draft.source),
        content=[Span.of(text, *part) for part in draft.content],
        speaker=Speaker(draft.speaker_name) if draft.speaker_name else None,
        addressee=span(draft.addressee),
        channel=span(draft.channel),
        parent=f"a{draft.parent + 1}" if draft.parent is not None else None,
        negated=draft.negated,
        hypothetical=draft.hypothetical,
    )
