"""The statements of an extraction and their stances: the stage's work, also run again on
stored extractions when the issues change (``reportedly positions --rebuild``)."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from reportedly.model import Event, Extraction, Range, Span, Stance, StanceValue
from reportedly.nlp.encoder import SentenceEncoder
from reportedly.positions.gate import EncoderGate
from reportedly.positions.issues import Issue, IssueBook
from reportedly.positions.learned import PositionModel, StatementView
from reportedly.positions.stance import Reading, condition_span, demanded_of, lead_addressee, read_stance

SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*\s|\n")


@dataclass(slots=True)
class Statement:
    id: str  # the attribution's or the event's
    evidence: list[Span]  # its content parts (an event: its sentence)
    cue: str
    negated: bool
    hypothetical: bool
    # The sentence around it, where its issue may be named ("rejected calls for a truce, saying ...").
    sentence: Span
    event_type: str | None
    # The words from the cue to the content in its sentence ("urged the government " before
    # "to withdraw the bill"), where a demand's addressee may stand; None: the cue follows.
    lead: Span | None = None

    @property
    def text(self) -> str:
        return " ".join(part.text for part in self.evidence)


class Sentences:
    """A text's sentence breaks, found once, so that a document of thousands of statements
    (a hostile text) finds each one's sentence by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [(match.start(), match.end()) for match in SENTENCE_END.finditer(text)]
        self.ends = [end for _, end in self.breaks]

    def around(self, start: int, end: int) -> Span:
        """The sentence holding ``start``..``end`` (at least that range)."""
        before = bisect.bisect_right(self.ends, start) - 1
        # The first break that ends after ``end`` closes the sentence (its own start, as a
        # search from ``end`` would find it).
        after = bisect.bisect_right(self.ends, end)
        while after < len(self.breaks) and self.breaks[after][0] < end:
            after += 1
        first = self.breaks[before][1] if before >= 0 else 0
        last = self.breaks[after][0] if after < len(self.breaks) else len(self.text)
        return Span.of(self.text, first, max(last, end))


def statements_of(extraction: Extraction) -> list[Statement]:
    """Each attribution with content, and each event no attribution reports (a party's act)."""
    sentences = Sentences(extraction.document.text)
    by_attribution: dict[str, Event] = {}
    for event in extraction.events:
        if event.attribution is not None:
            by_attribution.setdefault(event.attribution, event)
    events = sorted(extraction.events, key=lambda event: event.sentence.start)
    starts = [event.sentence.start for event in events]
    found = []
    for attribution in extraction.attributions:
        if not attribution.content:
            continue
        first = attribution.content[0]
        event = by_attribution.get(attribution.id)
        if event is None:  # the event of its sentence, if any
            index = bisect.bisect_right(starts, first.start) - 1
            if index >= 0 and first.start < events[index].sentence.end:
                event = events[index]
        found.append(
            Statement(
                attribution.id,
                list(attribution.content),
                attribution.cue.text if attribution.cue else "",
                attribution.negated,
                attribution.hypothetical,
                sentences.around(first.start, attribution.content[-1].end),
                event.event_type if event else None,
                _lead(extraction.document.text, attribution.cue, first),
            )
        )
    contents = sorted(part.range for attribution in extraction.attributions for part in attribution.content)
    content_starts = [content.start for content in contents]
    # The furthest any content starting at or before each one reaches.
    reach = list(itertools.accumulate((content.end for content in contents), max))
    for event in events:
        # An event in a sentence that reports a statement is that statement's (its sentence's event).
        index = bisect.bisect_left(content_starts, event.sentence.end)
        reports = index > 0 and reach[index - 1] > event.sentence.start
        if event.attribution is None and event.actor and not reports:
            found.append(
                Statement(
                    event.id, [event.sentence], "", event.negated, False, event.sentence, event.event_type
                )
            )
    return found


# At most this many characters from a cue to its content: a cue and its addressee ("called on
# the Rapid Support Forces and the Sudanese army"), not a clause between them.
LEAD_CHARS = 80


def _lead(text: str, cue: Span | None, content: Span) -> Span | None:
    """The words from ``cue`` to ``content`` when the cue comes first, close and in the same
    sentence."""
    if cue is None or not cue.end <= content.start <= cue.start + LEAD_CHARS:
        return None
    if SENTENCE_END.search(text, cue.end, content.start):
        return None
    return Span.of(text, cue.start, content.start)


def lead_demanded(statement: Statement, text: str) -> Span | None:
    """Whom the statement's cue addresses before its content (a span of the document's
    ``text``), if anyone: a demand's addressee ("urged the government" + "to withdraw")."""
    lead = statement.lead
    found = lead_addressee(lead.text) if lead else None
    return Span.of(text, lead.start + found.start, lead.start + found.end) if lead and found else None


def to_bytes(vector: np.ndarray) -> bytes:
    return vector.astype("<f2").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<f2").astype(np.float32)


# A statement is embedded from its first pieces: contents are a sentence or two, and the
# cost of a run of the encoder grows with its longest text. Issue assignment on
# eval/positions/train.jsonl is the same (F1 0.710) from the first 48, 64, 96 or 128.
STATEMENT_PIECES = 64
# Statements embedded in one document, at most ("Lavrov said " * 2000 has 1,983).
MAX_EMBEDDED = 256


def encode_together(encoder: SentenceEncoder, texts: list[str]) -> np.ndarray:
    """The statements' embeddings, of their first ``STATEMENT_PIECES`` pieces, in batched
    runs of the encoder (a statement's vector is the one it has alone)."""
    return encoder.encode(texts, STATEMENT_PIECES)


def embed(extraction: Extraction, statements: list[Statement], encoder: SentenceEncoder) -> None:
    """The statements' sentence embeddings, kept on the extraction for the store (once: a
    statement embedded before keeps its vector)."""
    missing = [statement for statement in statements if statement.id not in extraction.vectors]
    vectors = encode_together(encoder, [statement.text for statement in missing])
    for statement, vector in zip(missing, vectors, strict=True):
        extraction.vectors[statement.id] = to_bytes(vector)


def _window(text: str, parts: list[Span], position: int | None) -> tuple[int, int]:
    """The sentence of ``text`` (the parts joined by spaces) that holds ``position``: the
    stance is read there, so that a second quote's "not" does not undo the first's. None: the
    whole text."""
    if position is None:
        return 0, len(text)
    start = 0
    for part in parts:
        end = start + part.end - part.start
        if start <= position < end:
            breaks = [match.end() for match in SENTENCE_END.finditer(text, start, end)]
            sentence_start = max([start, *(b for b in breaks if b <= position)])
            sentence_end = min([end, *(b for b in breaks if b > position)])
            return sentence_start, sentence_end
        start = end + 1
    return 0, len(text)


def issues_of(
    extraction: Extraction,
    statements: list[Statement],
    book: IssueBook,
    encoder: SentenceEncoder | None,
    embed_all: bool = False,
    gate: EncoderGate | None = None,
) -> list[list[tuple[Issue, re.Match[str] | None, float]]]:
    """Each statement's issues, with the pattern match in its content (None: found otherwise)
    and the score. An issue a pattern finds in its content; else (its issue named beside it,
    "rejected calls for a truce, saying ...") in its sentence; else the issue closest to its
    embedding, if close enough. Only statements no pattern places are embedded: the
    encoder is most of the stage's time; ``embed_all`` embeds every statement (a learned
    model weighs them all); ``gate`` turns away those no pattern places that it deems about
    no issue (not embedded, about none, even with a vector stored before)."""
    return issues_and_gate(extraction, statements, book, encoder, embed_all, gate)[0]


def issues_and_gate(
    extraction: Extraction,
    statements: list[Statement],
    book: IssueBook,
    encoder: SentenceEncoder | None,
    embed_all: bool = False,
    gate: EncoderGate | None = None,
) -> tuple[list[list[tuple[Issue, re.Match[str] | None, float]]], list[bool]]:
    """:func:`issues_of`'s issues, and for each statement whether its vector may be read:
    it is placed, or ``gate`` let it through (asked once a statement: the stage's costliest
    step outside the encoder in news about other matters)."""
    found: list[list[tuple[Issue, re.Match[str] | None, float]]] = []
    # Statements share sentences (thousands of them one sentence, in a hostile text): each
    # sentence is searched once.
    in_sentence: dict[Range, list[Issue]] = {}
    for statement in statements:
        issues: list[tuple[Issue, re.Match[str] | None, float]] = [
            (issue, match, 1.0) for issue, match in book.about(statement.text)
        ]
        if not issues:
            sentence = statement.sentence
            if sentence.range not in in_sentence:
                in_sentence[sentence.range] = [issue for issue, _match in book.about(sentence.text)]
            issues = [(issue, None, 1.0) for issue in in_sentence[sentence.range]]
        found.append(issues)
    passed = [
        bool(issues) or gate is None or gate.passes(statement.text)
        for statement, issues in zip(statements, found, strict=True)
    ]
    # A statement is embedded if no pattern placed it and the gate let it through, or if
    # placed and ``embed_all``. A hostile text's thousands of statements are not all
    # embedded: the encoder's time stays that of a long article.
    wanted = [
        statement
        for statement, issues, through in zip(statements, found, passed, strict=True)
        if (embed_all if issues else through)
    ][:MAX_EMBEDDED]
    if encoder is not None and wanted:
        embed(extraction, wanted, encoder)
    embedded = {statement.id for statement in wanted}
    for statement, issues in zip(statements, found, strict=True):
        vector = extraction.vectors.get(statement.id) if not issues and statement.id in embedded else None
        if vector is not None and (closest := book.closest(from_bytes(vector))):
            issues.append((closest[0], None, closest[1]))
    return found, passed


def take_positions(
    extraction: Extraction,
    book: IssueBook,
    encoder: SentenceEncoder | None = None,
    model: PositionModel | None = None,
) -> list[Stance]:
    """One stance per statement and issue it is about (:func:`issues_of`, or ``model``'s
    issues where it has the statement's embedding); its content's words decide the stance
    (``model``'s over the rules'). A news outlet's report of another's statement ("Reuters
    reported that the Kremlin insisted ...") is the other's."""
    reporting = {attribution.parent for attribution in extraction.attributions if attribution.parent}
    outlets = {
        entity.id
        for entity in extraction.entities
        if entity.actor is not None and entity.actor.sector == "MED"
    }
    speakers = {a.id: a.speaker.entity for a in extraction.attributions if a.speaker}
    statements = [
        statement
        for statement in statements_of(extraction)
        if not (statement.id in reporting and speakers.get(statement.id) in outlets)
    ]
    learned = model if encoder is not None else None
    # With a cascade, a statement the rules place is embedded only if read unsure without its vector.
    embed_all = bool(learned and learned.embeds_placed() and learned.cascade is None)
    gate = learned.gate if learned else None
    found, passed = issues_and_gate(extraction, statements, book, encoder, embed_all, gate)
    if learned is not None and encoder is not None:
        chosen_each = learned_choices(extraction, statements, found, passed, book, learned, encoder)
    else:
        chosen_each = [
            [Choice(issue, score, *rule_reading(statement, issue, match)) for issue, match, score in about]
            for statement, about in zip(statements, found, strict=True)
        ]
    stances = []
    for statement, chosen in zip(statements, chosen_each, strict=True):
        for choice in chosen:
            reading, start = choice.reading, choice.start
            stance = choice.stance or reading.stance
            stances.append(
                Stance(
                    statement.id,
                    choice.issue.name,
                    stance,
                    statement.evidence,
                    _span(
                        extraction.document.text,
                        statement.evidence,
                        _moved(condition_of(reading, stance, statement.text[start:]), start),
                    ),
                    # The cue's addressee before the content first: "urged Washington" + "to
                    # press Moscow to attend" demands of Washington.
                    (stance == "demands" and lead_demanded(statement, extraction.document.text))
                    or _span(
                        extraction.document.text,
                        statement.evidence,
                        _moved(demanded_of_in(reading, stance, statement.text[start:], statement.cue), start),
                    ),
                    choice.score,
                )
            )
    return stances


def learned_choices(
    extraction: Extraction,
    statements: list[Statement],
    found: list[list[tuple[Issue, re.Match[str] | None, float]]],
    passed: list[bool],
    book: IssueBook,
    model: PositionModel,
    encoder: SentenceEncoder,
) -> list[list[Choice]]:
    """Each statement's issues and stances by ``model``, given the rules' ``found`` and the
    gate's ``passed``. A statement the rules place is read first without its embedding (even
    one stored before: a rebuild reads as an ingest) when the model has a cascade; only those
    it reads unsure are embedded and read by the full model."""
    chosen_each: list[list[Choice] | None] = [None] * len(statements)
    if model.cascade is not None:
        for index, (statement, about) in enumerate(zip(statements, found, strict=True)):
            if about:
                view = statement_view(statement, about, None, book)
                issues = model.plain_issues(view)
                if issues is not None:
                    chosen_each[index] = learned_issues(
                        statement, about, view, issues, book, model.sure_stance
                    )
        unsure = [
            statement
            for statement, about, chosen in zip(statements, found, chosen_each, strict=True)
            if about and chosen is None
        ]
        # At most ``MAX_EMBEDDED`` a document in all, with those the rules place nowhere.
        embedded = sum(statement.id in extraction.vectors for statement in statements)
        embed(extraction, unsure[: max(0, MAX_EMBEDDED - embedded)], encoder)
    rest = [index for index, chosen in enumerate(chosen_each) if chosen is None]
    # A statement the gate turned away is read without a vector, even one stored before.
    views = [
        statement_view(
            statements[index],
            found[index],
            _stored(extraction, statements[index].id) if passed[index] else None,
            book,
        )
        for index in rest
    ]
    for index, view, issues in zip(rest, views, model.issues_of_each(views), strict=True):
        chosen_each[index] = learned_issues(
            statements[index], found[index], view, issues, book, model.stance_on
        )
    return [chosen if chosen is not None else [] for chosen in chosen_each]


def condition_of(reading: Reading, stance: StanceValue, text: str) -> Range | None:
    """A conditional stance's condition: the rules', or (a model read it conditional where
    the rules did not) the first the rules find in ``text``, the window they read."""
    if stance != "conditional":
        return None
    return reading.condition or condition_span(text)


def demanded_of_in(reading: Reading, stance: StanceValue, text: str, cue: str) -> Range | None:
    """A demand's addressee: the rules', or (a model read a demand where the rules did not)
    whom the rules' demand patterns find in ``text``."""
    if stance != "demands":
        return None
    return reading.demanded_of or demanded_of(text, cue)


def rule_reading(statement: Statement, issue: Issue, match: re.Match[str] | None) -> tuple[Reading, int]:
    """The rules' stance of ``statement`` on ``issue``, read in the sentence of its content
    where the issue's pattern matched (``match``; None: all of it), and where that starts."""
    content = statement.text
    start, end = _window(content, statement.evidence, match.start() if match else None)
    reading = read_stance(
        content[start:end],
        statement.cue,
        negated=statement.negated,
        against=issue.against,
        event_type=statement.event_type,
        issue_at=Range(match.start() - start, match.end() - start) if match else None,
        any_against=issue.against_words(),
    )
    return reading, start


def statement_view(
    statement: Statement,
    about: list[tuple[Issue, re.Match[str] | None, float]],
    vector: np.ndarray | None,
    book: IssueBook,
) -> StatementView:
    """What the positions model sees of ``statement``, placed by the rules on ``about``."""
    return StatementView(
        statement.text,
        statement.cue,
        statement.negated,
        statement.hypothetical,
        statement.event_type,
        frozenset(issue.name for issue, _match, _score in about),
        frozenset(issue.name for issue, match, _score in about if match is not None),
        vector,
        None if vector is None else book.similarities(vector),
    )


@dataclass(slots=True)
class Choice:
    """An issue a statement is given, with the rules' reading of it there (read once: the
    model's stance weighs it, and the stance's condition and addressee are the rules')."""

    issue: Issue
    score: float
    reading: Reading
    start: int  # where the window the rules read starts in the statement's text
    stance: StanceValue | None = None  # the model's, if it read one


def learned_issues(
    statement: Statement,
    about: list[tuple[Issue, re.Match[str] | None, float]],
    view: StatementView,
    issues: list[tuple[str, float]],
    book: IssueBook,
    stance_of: Callable[[StatementView, str, Reading, list[re.Pattern[str]]], StanceValue | None],
) -> list[Choice] | None:
    """The statement's ``issues`` by a model (its :meth:`PositionModel.issues_of` of ``view``,
    or its cascade's), given the rules' ``about``, and its stance on each by ``stance_of``
    (:meth:`PositionModel.stance_on`, or ``sure_stance``); None if one stance is unsure."""
    matches = {issue.name: match for issue, match, _score in about}
    scores = {issue.name: score for issue, _match, score in about}
    by_name = {issue.name: issue for issue in book.issues}
    chosen = []
    for name, probability in issues:
        issue, match = by_name[name], matches.get(name)
        reading, start = rule_reading(statement, issue, match)
        stance = stance_of(view, name, reading, [issue.against_words()])
        if stance is None:
            return None
        # The rules' issues keep their score (1 a pattern, else the cosine); the model's its probability.
        chosen.append(Choice(issue, scores.get(name, probability), reading, start, stance))
    return chosen


def _stored(extraction: Extraction, statement_id: str) -> np.ndarray | None:
    """The statement's stored vector, if any."""
    vector = extraction.vectors.get(statement_id)
    return None if vector is None else from_bytes(vector)


def _moved(found: Range | None, offset: int) -> Range | None:
    return Range(found.start + offset, found.end + offset) if found else None


def _span(text: str, parts: list[Span], found: Range | None) -> Span | None:
    """A range of the parts joined by spaces (what the rules read) as a span of the document."""
    if found is None:
        return None
    position = 0
    for part in parts:
        if position <= found.start < position + part.end - part.start:
            start = part.start + found.start - position
            end = min(part.end, start + found.end - found.start)
            return Span.of(text, start, end)
        position += part.end - part.start + 1
    return None


def statement_by_id(extraction: Extraction, statement_id: str) -> Statement | None:
    """The statement of ``extraction`` with that id, if any."""
    return next((statement for statement in statements_of(extraction) if statement.id == statement_id), None)


def learned_stance_on(
    extraction: Extraction,
    statement_id: str,
    issue: Issue,
    book: IssueBook,
    model: PositionModel,
    encoder: SentenceEncoder | None = None,
) -> StanceValue | None:
    """``model``'s stance of a statement of ``extraction`` on ``issue``, one it did not assign
    (``reportedly eval positions`` scores the stance of every gold pair), read as if it had:
    a statement the rules place and the cascade left unembedded is read without its vector,
    and embedded by ``encoder`` if that reading is unsure; None if the statement is not found."""
    statement = statement_by_id(extraction, statement_id)
    if statement is None:
        return None
    about = issues_of(extraction, [statement], book, None)[0]
    view = statement_view(statement, about, _stored(extraction, statement_id), book)
    reading, _start = rule_reading(statement, issue, issue.first_match(statement.text))
    against = [issue.against_words()]
    if about and view.vector is None and model.cascade is not None:
        stance = model.sure_stance(view, issue.name, reading, against)
        if stance is not None or encoder is None:
            return stance or model.stance_on(view, issue.name, reading, against)
        embed(extraction, [statement], encoder)
        view = statement_view(statement, about, _stored(extraction, statement_id), book)
    return model.stance_on(view, issue.name, reading, against)
