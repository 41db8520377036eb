"""The shared data model: every stage reads and writes these types.

Offsets are Python string indices into the document text exactly as read
(UTF-8 decoded, no newline translation, no normalisation), so that
``doc.text[span.start:span.end] == span.text`` always holds. A ``Range`` is such a pair of
offsets alone: the stages pass character ranges around as ``Range``, and the output holds ``Span``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal, NamedTuple

AttributionKind = Literal["direct", "indirect", "mixed", "floating", "according_to", "nominal"]
ATTRIBUTION_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed", "floating", "according_to", "nominal")


class Range(NamedTuple):
    """A character range ``text[start:end]``: the one type for a stretch of text by offsets
    alone, as the stages pass them around. A tuple, so it unpacks (``start, end = r``),
    compares, sorts and hashes as ``(start, end)`` does, and is cheap to make in loops.
    (It has no ``__len__`` of its own: ``length`` is its characters, and an empty range
    is still a true value, as a 2-tuple is.)"""

    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Range) -> bool:
        """Whether the two share a character (ranges that only touch do not)."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Range) -> bool:
        """Whether ``other`` lies within this range, bounds included."""
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A stretch of the document text, by character offsets, with its text."""

    start: int
    end: int
    text: str

    @property
    def range(self) -> Range:
        return Range(self.start, self.end)

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Cut ``text[start:end]`` into a span, so the text always matches the offsets."""
        return cls(start, end, text[start:end])

    def shifted(self, offset: int) -> Span:
        return Span(self.start + offset, self.end + offset, self.text)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(data["start"], data["end"], data["text"])

    @classmethod
    def maybe(cls, data: dict[str, Any] | None) -> Span | None:
        """The span ``data`` holds, or None for an absent one (a floating quote's cue)."""
        return cls.from_dict(data) if data else None


def span_dict(span: Span | None) -> dict[str, Any] | None:
    """An optional span as JSON (None for an absent one): what :meth:`Span.maybe` reads."""
    return span.to_dict() if span else None


@dataclass(slots=True)
class Speaker:
    """Who an attribution is ascribed to: a display name and, once resolved, an entity id.

    A group of parties that speak together ("Germany, France, the UK and Poland called on
    ...") is one speaker with ``members``, each a party with its own name and entity; the
    group itself has no entity, and its name joins theirs. A single party has no members."""

    name: str
    entity: str | None = None
    members: list[Speaker] = field(default_factory=list)

    @classmethod
    def group(cls, members: list[Speaker]) -> Speaker:
        """The speaker of several parties: one party alone is that party."""
        if len(members) == 1:
            return members[0]
        names = [member.name for member in members]
        return cls(", ".join(names[:-1]) + " and " + names[-1], None, members)

    @property
    def parties(self) -> list[Speaker]:
        """The parties that speak: a group's members, else the speaker itself."""
        return self.members or [self]

    def to_dict(self) -> dict[str, Any]:
        members = [{"name": member.name, "entity": member.entity} for member in self.members]
        return {"name": self.name, "entity": self.entity, "members": members}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        """The speaker ``to_dict`` wrote; records made before groups have no ``members``."""
        members = [cls(member["name"], member["entity"]) for member in data.get("members", ())]
        return cls(data["name"], data["entity"], members)


@dataclass(slots=True)
class Attribution:
    """One attribution relation: a source, through a cue, is credited with content."""

    id: str
    kind: AttributionKind
    cue: Span | None
    source: Span | None
    content: list[Span]
    speaker: Speaker | None = None
    addressee: Span | None = None
    channel: Span | None = None
    parent: str | None = None
    negated: bool = False
    hypothetical: bool = False
    time: str | None = None  # id of the time expression that dates it, if the text gives one

    def shifted(self, offset: int) -> Attribution:
        """The same attribution with every span moved by ``offset`` characters."""

        def move(span: Span | None) -> Span | None:
            return span.shifted(offset) if span else None

        return replace(
            self,
            cue=move(self.cue),
            source=move(self.source),
            content=[part.shifted(offset) for part in self.content],
            addressee=move(self.addressee),
            channel=move(self.channel),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "cue": span_dict(self.cue),
            "source": span_dict(self.source),
            "content": [part.to_dict() for part in self.content],
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "addressee": span_dict(self.addressee),
            "channel": span_dict(self.channel),
            "parent": self.parent,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "time": self.time,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        return cls(
            id=data["id"],
            kind=data["kind"],
            cue=Span.maybe(data["cue"]),
            source=Span.maybe(data["source"]),
            content=[Span.from_dict(part) for part in data["content"]],
            speaker=Speaker.from_dict(data["speaker"]) if data["speaker"] else None,
            addressee=Span.maybe(data["addressee"]),
            channel=Span.maybe(data["channel"]),
            parent=data["parent"],
            negated=data["negated"],
            hypothetical=data["hypothetical"],
            time=data["time"],
        )


@dataclass(frozen=True, slots=True)
class Actor:
    """A CAMEO-style actor code split into its country (``RUS``) and sector (``GOV``)."""

    code: str
    country: str | None
    sector: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "country": self.country, "sector": self.sector}

    @staticmethod
    def fields(actor: Actor | None) -> dict[str, Any]:
        """An actor's code fields as a party's record holds them, each None for no actor."""
        return actor.to_dict() if actor is not None else {"code": None, "country": None, "sector": None}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Actor | None:
        """The actor ``data`` (an actor object, or an event party's code fields) holds, if coded."""
        return cls(data["code"], data["country"], data["sector"]) if data and data["code"] else None


@dataclass(slots=True)
class Entity:
    """A referent: its fullest name in the text, the other names and descriptions it goes by,
    the places the text mentions it, the role the text gives it and its actor code."""

    id: str
    name: str
    type: str
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    actor: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "mentions": [mention.to_dict() for mention in self.mentions],
            "role": self.role,
            "actor": self.actor.to_dict() if self.actor else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            name=data["name"],
            type=data["type"],
            mentions=[Span.from_dict(mention) for mention in data["mentions"]],
            aliases=list(data["aliases"]),
            role=data["role"],
            actor=Actor.from_dict(data["actor"]),
        )


@dataclass(slots=True)
class TimeExpression:
    """A time expression and, once resolved against the publication date, its ISO 8601
    value (``2024-12-26``, ``2024-W51``, ``2024-11``, ``2024-12-26T08:52``) and grain."""

    id: str
    span: Span
    value: str | None = None
    grain: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, **self.span.to_dict(), "value": self.value, "grain": self.grain}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeExpression:
        return cls(data["id"], Span.from_dict(data), data["value"], data["grain"])


@dataclass(slots=True)
class EventActor:
    """A party to an event: the words naming it, its entity and its actor code."""

    text: str
    entity: str | None = None
    actor: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "entity": self.entity, **Actor.fields(self.actor)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventActor:
        return cls(data["text"], data["entity"], Actor.from_dict(data))


@dataclass(slots=True)
class Event:
    """A PLOVER-coded event: who did what to whom, from a trigger word in a sentence."""

    id: str
    event_type: str
    trigger: Span
    sentence: Span
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    actor: list[EventActor] = field(default_factory=list)
    recipient: list[EventActor] = field(default_factory=list)
    attribution: str | None = None
    negated: bool = False
    hypothetical: bool = False
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_type": self.event_type,
            "mode": list(self.mode),
            "context": list(self.context),
            "actor": [party.to_dict() for party in self.actor],
            "recipient": [party.to_dict() for party in self.recipient],
            "attribution": self.attribution,
            "sentence": self.sentence.to_dict(),
            "trigger": self.trigger.to_dict(),
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "date": self.date,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            id=data["id"],
            event_type=data["event_type"],
            trigger=Span.from_dict(data["trigger"]),
            sentence=Span.from_dict(data["sentence"]),
            mode=list(data["mode"]),
            context=list(data["context"]),
            actor=[EventActor.from_dict(party) for party in data["actor"]],
            recipient=[EventActor.from_dict(party) for party in data["recipient"]],
            attribution=data["attribution"],
            negated=data["negated"],
            hypothetical=data["hypothetical"],
            date=data["date"],
        )


@dataclass(slots=True)
class Party:
    """Whom a demand is of, resolved as a speaker is: the name of the party its words name
    (None: words that resolve to no one, "rich countries"), its entity where the text
    mentions it, and its actor code (the form of an event's party, a name for its words)."""

    name: str | None
    entity: str | None = None
    actor: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "entity": self.entity, **Actor.fields(self.actor)}

    @classmethod
    def maybe(cls, data: dict[str, Any] | None) -> Party | None:
        """The party ``data`` holds, or None for none (records made before parties were resolved)."""
        return cls(data["name"], data["entity"], Actor.from_dict(data)) if data else None


StanceValue = Literal["supports", "opposes", "conditional", "demands", "unclear"]
STANCE_VALUES: tuple[str, ...] = ("supports", "opposes", "conditional", "demands", "unclear")


@dataclass(slots=True)
class Stance:
    """What a statement (an attribution, or an event no attribution reports) says on one
    issue (``data/issues.yaml``): it supports or opposes it, supports it on a ``condition``
    ("if Ukrainian territory is brought under the umbrella of NATO"), demands it of someone
    (``demanded_of``: "Washington", and ``demanded_party``, whom those words name: the United
    States, USA), or takes no clear side. ``evidence`` is the statement's content (an event's:
    its sentence); ``score`` how sure the issue is (1.0: one of the issue's patterns matched;
    else the cosine to its closest example statement)."""

    statement: str  # the attribution's id ("a3") or the event's ("v2")
    issue: str
    stance: StanceValue
    evidence: list[Span]
    condition: Span | None = None
    demanded_of: Span | None = None
    score: float = 1.0
    demanded_party: Party | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "statement": self.statement,
            "issue": self.issue,
            "stance": self.stance,
            "evidence": [part.to_dict() for part in self.evidence],
            "condition": span_dict(self.condition),
            "demanded_of": span_dict(self.demanded_of),
            "demanded_party": self.demanded_party.to_dict() if self.demanded_party else None,
            "score": self.score,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Stance:
        return cls(
            statement=data["statement"],
            issue=data["issue"],
            stance=data["stance"],
            evidence=[Span.from_dict(part) for part in data["evidence"]],
            condition=Span.maybe(data["condition"]),
            demanded_of=Span.maybe(data["demanded_of"]),
            score=data["score"],
            demanded_party=Party.maybe(data.get("demanded_party")),
        )


@dataclass(slots=True)
class Document:
    """An input article: its id, its text exactly as read, and its publication date; a live
    blog post also names its page, where its text starts in the page's text (so that
    ``page_offset + span.start`` is a span's offset in the page) and its own time."""

    doc_id: str
    text: str
    published: date | None = None
    page: str | None = None  # the page's doc_id
    page_offset: int | None = None
    posted: str | None = None  # "2024-12-26T08:52" ("08:52" on a page with no date)


@dataclass(slots=True)
class Article:
    """An input as ingested into a store: the document to extract from, where it came
    from, and what its page or record says about it."""

    document: Document
    source: str  # the file (resolved path), and record for JSON Lines, it came from
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    posts: list[Article] = field(default_factory=list)  # a live blog page's posts
    # The source as written ("in/feed.jsonl:3"), which stores before schema 4 kept.
    written_source: str | None = None

    @property
    def documents(self) -> list[Document]:
        """What to extract: a live blog page's posts (each with its own time), else the
        article's document."""
        return [post.document for post in self.posts] or [self.document]


def post_time(day: date | None, time: str) -> str:
    """A live blog post's :attr:`Document.posted` value from its time of day ("08:52"): ISO 8601 with its
    page's date when the page has one. Here, beside the field, because both ingest (splitting
    a page) and the store (dating a stored page again) make it."""
    return f"{day.isoformat()}T{time}" if day else time


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    attributions: list[Attribution] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    # Statement id -> the sentence embedding of its text (float16 bytes, ``reportedly.nlp.encoder``),
    # which the positions stage assigned issues by. Not part of the output: the store keeps
    # them, so that a changed issues file needs no encoding again (``positions --rebuild``).
    vectors: dict[str, bytes] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        published = self.document.published
        return {
            "doc_id": self.document.doc_id,
            "published": published.isoformat() if published else None,
            "text_length": len(self.document.text),
            "page": self.document.page,
            "page_offset": self.document.page_offset,
            "posted": self.document.posted,
            "attributions": [attribution.to_dict() for attribution in self.attributions],
            "entities": [entity.to_dict() for entity in self.entities],
            "times": [time.to_dict() for time in self.times],
            "events": [event.to_dict() for event in self.events],
            "stances": [stance.to_dict() for stance in self.stances],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str) -> Extraction:
        """The extraction ``to_dict`` wrote for a document of ``text`` (a record leaves the
        text out: the store and the input file keep it). Records stored before posts named
        their page have no ``page``, ``page_offset`` or ``posted``: None; those made before
        positions have no ``stances``."""
        if len(text) != data["text_length"]:
            raise ValueError(f"{data['doc_id']}: the text is not the one extracted from")
        published = data["published"]
        document = Document(
            data["doc_id"],
            text,
            date.fromisoformat(published) if published else None,
            page=data.get("page"),
            page_offset=data.get("page_offset"),
            posted=data.get("posted"),
        )
        return cls(
            document=document,
            attributions=[Attribution.from_dict(item) for item in data["attributions"]],
            entities=[Entity.from_dict(item) for item in data["entities"]],
            times=[TimeExpression.from_dict(item) for item in data["times"]],
            events=[Event.from_dict(item) for item in data["events"]],
            stances=[Stance.from_dict(item) for item in data.get("stances", ())],
        )
