"""Reconciling the learned tagger with the rules: drafts whose spans are tagged ones.

Each tagged cue (``learned.confirmed_cues``) becomes a draft whose source and content are
tagged spans, chosen by the rules' draft for the cue (those overlapping the parse's) or
else the nearest in its sentence; contents claimed twice go to one cue, and a cue that lost
its content takes a free one. Where the tagger sees no cue, the rules' drafts stand when
the evidence holds (``untagged_rule_drafts``).
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from reportedly.attribution.cues import REPORTING_RATE, Cue, cue_lemma, cue_rate
from reportedly.attribution.drafts import ContentIndex, Draft, OverlapIndex, char_range, text_of
from reportedly.attribution.learned import most_overlapping, nearest, role_ranges
from reportedly.attribution.lexicon import Lexicon
from reportedly.attribution.modality import is_hypothetical, is_infinitive, is_negated
from reportedly.attribution.quotes import Quote, is_opening_mark, quotes_around, quotes_holding
from reportedly.attribution.rule_drafts import draft_for, inside_quotation, quoted_kind
from reportedly.attribution.spans import raised_subject, without_noun_clauses
from reportedly.attribution.tagscheme import Tagging
from reportedly.model import Range

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


def with_quote_marks(text: str, content: list[Range], quotes: list[Quote]) -> list[Range]:
    """Content parts that make up a whole quotation, but for its marks and punctuation,
    become that quotation (one part, marks included), even across paragraphs."""
    parts = sorted(content)
    holding = {quote for part in parts for quote in quotes_holding(quotes, part)}
    for quote in sorted(holding, key=lambda quote: quote.start):
        inside = [part for part in parts if quote.range.contains(part)]
        if not inside:
            continue
        bounds = [quote.start, *(bound for part in inside for bound in part), quote.end]
        gaps = zip(bounds[::2], bounds[1::2], strict=True)  # before, between and after the parts
        if all(_EDGE.fullmatch(text, gap_start, gap_end) for gap_start, gap_end in gaps):
            parts = sorted([*(part for part in parts if part not in inside), quote.range])
    return parts


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
        cue_range = cue.range
        if tagged_cues.overlaps(cue_range):
            continue
        draft = draft_for(cue, text, lexicon, quotes)
        if draft is None:
            continue
        reported = draft.reliable and any(
            part.contains(cue_range) and _is_outlet_source(text, outer, lexicon)
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


def _is_outlet_source(text: str, draft: Draft, lexicon: Lexicon) -> bool:
    """Whether the draft's source is a news outlet ("Reuters", "the New York Times")."""
    return draft.source is not None and lexicon.names_outlet(text[draft.source.start : draft.source.end])


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
        if inside_quotation(cue, quotes):
            continue  # PolNeAR train marks 23 of 5,600 reporting verbs inside quotations as cues
        ruled = draft_for(cue, text, lexicon, quotes)
        sentence = sentences[cue_range]
        content = []
        content_tagged = False  # else the rules gave the content, and the tagger's doubt is the cue's alone
        if ruled is not None and ruled.reliable and _holds_cue(ruled.content, cue_ranges):
            content = ruled.content  # it reports another attribution, which PolNeAR's tags cannot nest
        elif ruled is not None and (cue.raised or raised_subject(cue, lexicon)):
            # "[The ceasefire] appears [to be holding]": no one is quoted; "X seems to be
            # signaling [that ...]": the tagger read X and the verb as content.
            content = ruled.content
        elif ruled is not None:
            content_tagged = True
            overlapping = sorted(
                {c for part in ruled.content for c in spans_near(contents, part, 0) if c.overlaps(part)}
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
        if cue.raised and ruled is not None:
            source, speaker_name = ruled.source, ruled.speaker_name
        else:
            source, speaker_name = tagged_source(text, cue, cue_range, ruled, sources, sentence, lexicon)
        if ruled is not None and ruled.addressee and source and source.overlaps(ruled.addressee):
            # The one asked or told is not the source ("Asked by reporters ..., [Spicer] said").
            source, speaker_name = ruled.source, ruled.speaker_name
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
        content = draft.content[0]
        for other in spans_near(contents, content, _MAX_CLAUSE_CHARS):
            if claimed.overlaps(other):
                continue
            if other.end <= content.start:
                clause, joined = Range(other.end, content.start), [other, content]
            elif other.start >= content.end:
                clause, joined = Range(content.end, other.start), [content, other]
            else:
                continue
            if _is_cue_clause(text, clause, draft, cues):
                draft.content = joined
                claimed.add(other)
                break


def spans_near(spans: list[Range], anchor: Range, reach: int) -> list[Range]:
    """The spans of ``spans`` (in text order, none overlapping another: a tagged role's) that
    lie at most ``reach`` characters before or after ``anchor``, or overlap it, by bisection."""
    first = bisect.bisect_left(spans, anchor.start - reach, key=lambda span: span.end)
    stop = bisect.bisect_right(spans, anchor.end + reach, key=lambda span: span.start)
    return spans[first:stop]


def _is_cue_clause(text: str, clause: Range, draft: Draft, cues: list[Range]) -> bool:
    words = text[clause.start : clause.end]

    def inside(span: Range | None) -> bool:
        return span is not None and clause.contains(span)

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
    return Range(min([start, *(quote.start for quote in quotes_around(quotes, Range(start, start)))]), end)


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
    if not text[sentence.start : sentence.end].rstrip().endswith(":"):
        return []
    block: list[Range] = []
    end = sentence.end
    for start, stop in contents:
        if start < end:
            continue
        gap = text[end:start]
        if gap.strip() and not is_opening_mark(gap):
            break
        block.append(Range(start, stop))
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
        return any(part.contains(span) for part in parts)

    def borrows(index: int, draft: Draft) -> bool:
        """Whether the draft's cue lies in another's content and its source does not."""
        return draft.source is not None and any(
            other != index and not inside(draft.source, drafts[other].content)
            for _, other in contents.holding(draft.cue)
        )

    return [draft for index, draft in enumerate(drafts) if not borrows(index, draft)]


def _holds_cue(content: list[Range], cues: list[Range]) -> bool:
    """Whether a cue lies inside the content: "[Orban denied that ...], his spokesman wrote"."""
    return any(part.contains(cue) for part in content for cue in cues)


def clip_to_clause(text: str, tagged: Range, ruled: list[Range]) -> Range:
    """A tagged content cut back to the parse's content where it runs on past a comma:
    in "The minister, who said the talks had failed, left early" the content ends at "failed".
    Not before a conjunction: in "..., but the army would stay" the tagger saw one content."""
    part = next(p for p in ruled if p.overlaps(tagged))
    start, end = tagged
    if (
        end > part.end
        and text[part.end : end].lstrip().startswith(",")
        and not _CONJOINED.match(text, part.end, end)
    ):
        end = part.end
    if start < part.start and text[start : part.start].rstrip().endswith(","):
        start = part.start
    return Range(start, end)


def reports(cue: Cue, lexicon: Lexicon) -> bool:
    """Whether the cue is a verb PolNeAR train marks as a cue more often than not (it reports
    what its subject says, not "signed a treaty"), whatever the tagger made of this one."""
    return cue.kind == "verb" and (cue_rate(cue.head, lexicon) or 0.0) >= REPORTING_RATE


def tagged_source(
    text: str,
    cue: Cue,
    cue_range: Range,
    ruled: Draft | None,
    sources: list[Range],
    sentence: Range,
    lexicon: Lexicon,
) -> tuple[Range | None, str | None]:
    """The tagged source of a cue and the speaker's name.

    The parse's source picks the tagged one it overlaps (and names the speaker, e.g.
    the antecedent of "who"); a cue the parse gives no source finds the nearest in its
    sentence, unless it is an impersonal passive ("it was reported that"). Where the tagger
    marks no source in the sentence, the parse's stands if the verb usually reports (its
    PolNeAR train cue rate) and the source is a plain noun phrase: in "[It] cut its dividend
    and said ..." and "[Makerere University] today announced ..." the subject is there to
    read, while in "[Salt Roads] follows two sisters" nobody speaks, and a subject with a
    verb in it is more often a misparse the tagger was right to doubt.
    """
    if ruled is not None and ruled.source is not None:
        source = most_overlapping(ruled.source, sources)
        if source is not None:
            return source, ruled.speaker_name
    elif ruled is not None and any(child.dep_ == "nsubjpass" for child in cue.head.children):
        return None, None
    source = nearest(sources, cue_range, sentence)
    if source is None and ruled is not None and ruled.source is not None and reports(cue, lexicon):
        words = cue.head.doc.char_span(*ruled.source, alignment_mode="expand")
        if words is not None and not any(word.pos_ in ("VERB", "AUX") for word in words):
            return ruled.source, ruled.speaker_name
        # A clause that describes the subject is no misparse ("[Priebus], who has been in
        # daily contact with the campaign, acknowledged"): the subject less it stands, but
        # not for a raising verb, whose subject belongs to the content ("Hizbollah, which
        # has lost 6,000 fighters, seems unlikely to ...").
        bare = without_noun_clauses(list(words)) if words is not None else []
        raising = cue.head.lemma_.lower() in lexicon.raising_verbs
        if bare and not raising and not any(word.pos_ in ("VERB", "AUX") for word in bare):
            subject = char_range(bare)
            return subject, text_of(text, subject)
    return source, text_of(text, source)
