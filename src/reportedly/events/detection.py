"""Code the events of a document in PLOVER 0.8: who did what to whom.

Each sentence's event comes from its trigger nearest the root of the parse, among the words
of ``data/event_triggers.tsv`` ("demanded" REQUEST, "rejected" REJECT, "shelled" ASSAULT,
"ceasefire" RETREAT). The trigger's subject is the actor and its object, or the noun after
"to", "against", "on" or "with", the recipient; a passive swaps them ("was attacked by").
A trigger that is an attribution's cue makes a verbal event: its speaker acts, its addressee
receives. Negation and conditionals mark the event instead of dropping or inverting it.
Actor codes come later, with the publication date (``code_parties``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from reportedly.attribution.lexicon import Lexicon, data_lines
from reportedly.attribution.modality import is_hypothetical, is_negated
from reportedly.events.verbs import VerbDictionary, plover_type
from reportedly.model import Actor, Attribution, Entity, Event, EventActor, Extraction, Span, TimeExpression
from reportedly.resolve.actors import ActorCoder
from reportedly.resolve.times import governed_time

RECIPIENT_PREPOSITIONS = frozenset(
    {"to", "against", "on", "with", "into", "toward", "towards", "from", "at", "in"}
)
# Inside a noun, the party an act is about: "the removal of X", "an appeal by X".
NOUN_PREPOSITIONS = frozenset({"of", "by"})
NOUNS = frozenset({"NOUN", "PROPN"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Sectors of actors that belong to a country: its institutions, and the parties and armed
# groups that act in it. A party in one ("the army", "President X", "a terror group") that
# no dictionary places is placed in the country its sentence names; "reporters" are not.
PLACED_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "ELI", "OPP", "REB", "PTY", "UAF"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
# Verbs that take their event from their object: "imposed sanctions" SANCTION, "staged
# rallies" PROTEST, "declared a state of siege" COERCE.
LIGHT_VERBS = frozenset(
    {"impose", "hold", "launch", "stage", "declare", "order", "announce", "lodge", "reach"}
)
# Obligations laid on someone ("Sudan must return the helicopter") are demands.
OBLIGATION = frozenset({"must", "should"})
# An intended or threatened act is an event of its own in PLOVER: a promise to support,
# aid, withdraw or talk is AGREE; a promise to attack, coerce or sanction is THREATEN.
INTENT = {
    "SUPPORT": "AGREE",
    "COOPERATE": "AGREE",
    "AID": "AGREE",
    "RETREAT": "AGREE",
    "CONCEDE": "AGREE",
    "CONSULT": "AGREE",
    "ASSAULT": "THREATEN",
    "COERCE": "THREATEN",
    "SANCTION": "THREATEN",
    "REJECT": "THREATEN",
    "PROTEST": "THREATEN",
}
INTENT_WORDS = frozenset(
    {"ready", "willing", "prepared", "plan", "intend", "want", "offer", "promise", "vow", "pledge"}
)


@dataclass(frozen=True, slots=True)
class Trigger:
    event_type: str
    mode: str | None


@cache
def read_triggers() -> dict[tuple[str, str], Trigger]:
    """(lemma or "lemma particle", VERB|NOUN) to the event it codes."""
    triggers = {}
    for line in data_lines("event_triggers.tsv"):
        lemma, pos, event_type, mode = line.split("\t")
        triggers.setdefault((lemma, pos), Trigger(event_type, None if mode == "-" else mode))
    return triggers


def trigger_of(token: Token, triggers: dict[tuple[str, str], Trigger]) -> Trigger | None:
    """The event a word codes, its particle or preposition included ("call off", "call for")."""
    # Proper nouns are names ("the Ceasefire Violations Committee"), not events.
    pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ == "NOUN" else None
    if pos is None:
        return None
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in {"prt", "prep"} and (found := triggers.get((f"{lemma} {child.lower_}", pos))):
            return found
    return triggers.get((lemma, pos)) or triggers.get((token.lower_, pos))


def code_events(
    doc: Doc,
    text: str,
    attributions: list[Attribution],
    entities: list[Entity],
    times: list[TimeExpression],
    lexicon: Lexicon,
    verbs: EventVerbs,
) -> list[Event]:
    """One event per sentence that has a trigger, in text order."""
    triggers = read_triggers()
    by_cue = {(a.cue.start, a.cue.end): a for a in attributions if a.cue}
    events = []
    for sentence in doc.sents:
        found = _sentence_trigger(sentence, triggers, verbs)
        if found is None:
            continue
        token, trigger, coded = found
        attribution = next((a for (start, end), a in by_cue.items() if start <= token.idx < end), None)
        actor, recipient = _parties(token, text, entities)
        reporting = _reporting(token, attributions)
        # A pronoun or missing subject: the speaker of the attribution the trigger is the
        # cue of ("he demanded"), or reports in ("Hungary has said it will support").
        for speaking in (attribution, reporting):
            if speaking is not None and (not actor or actor[0].text.lower() in PRONOUNS):
                actor = [speaker] if (speaker := _speaker(speaking)) else actor
        # A verb dictionary's pattern codes intent and obligation itself ("vowed to wage war").
        event_type = trigger.event_type if coded else _event_type(token, trigger)
        if event_type == "REQUEST" and trigger.event_type != "REQUEST" and reporting is not None:
            # "Russia said Sudan must return the helicopter": Russia demands, of Sudan.
            speaker = _speaker(reporting)
            actor, recipient = ([speaker] if speaker else []), actor
        if attribution is not None and attribution.addressee is not None and not recipient:
            recipient = [_party(attribution.addressee, text, entities)]
        events.append(
            Event(
                id=f"v{len(events) + 1}",
                event_type=event_type,
                trigger=Span.of(text, token.idx, token.idx + len(token.text)),
                sentence=Span.of(text, sentence.start_char, _end_of_words(sentence)),
                mode=[trigger.mode] if trigger.mode else [],
                context=contexts_of(sentence),
                actor=actor,
                recipient=recipient,
                attribution=attribution.id if attribution else None,
                negated=is_negated(token),
                hypothetical=is_hypothetical(token, lexicon),
                time=governed_time(token, times, doc, attribution.content if attribution else []),
            )
        )
    return events


@cache
def read_contexts() -> dict[tuple[str, ...], str]:
    """Words and phrases (as tuples of lower-case words) to the context they set."""
    contexts = {}
    for line in data_lines("event_contexts.tsv"):
        words, context = line.split("\t")
        contexts[tuple(words.split())] = context
    return contexts


def contexts_of(sentence: SpacySpan) -> list[str]:
    """The contexts a sentence's words set ("troops" military, "refugees" refugees), in
    order of first mention; single words also by their lemma ("missiles")."""
    table = read_contexts()
    longest = max(map(len, table), default=1)
    words = [token.lower_ for token in sentence]
    lemmas = [token.lemma_.lower() for token in sentence]
    found: dict[str, None] = {}
    for start in range(len(words)):
        for length in range(min(longest, len(words) - start), 0, -1):
            for form in (words, lemmas) if length == 1 else (words,):
                context = table.get(tuple(form[start : start + length]))
                if context is not None:
                    found.setdefault(context)
    return list(found)


@dataclass(frozen=True, slots=True)
class EventVerbs:
    """Verb dictionaries beside the project's triggers: a user's (PETRARCH users bring
    theirs), which comes first, and a fallback for sentences no trigger codes."""

    user: VerbDictionary | None = None
    fallback: VerbDictionary | None = None


def _sentence_trigger(
    sentence: SpacySpan, triggers: dict[tuple[str, str], Trigger], verbs: EventVerbs
) -> tuple[Token, Trigger, bool] | None:
    """The sentence's trigger nearest the root, and whether a verb dictionary coded it."""
    if verbs.user is not None and (found := _dictionary_trigger(sentence, verbs.user)):
        return (*found, True)
    own = _nearest_root([(token, trigger) for token in sentence if (trigger := trigger_of(token, triggers))])
    if own is not None:
        return (*_through_light_verb(*own, triggers), False)
    if verbs.fallback is not None and (found := _dictionary_trigger(sentence, verbs.fallback)):
        return (*found, True)
    return None


def _dictionary_trigger(sentence: SpacySpan, verbs: VerbDictionary) -> tuple[Token, Trigger] | None:
    """The verb nearest the root that a verb dictionary codes as a PLOVER event."""
    coded = [
        (token, Trigger(event_type, None))
        for token in sentence
        if token.pos_ == "VERB"
        and (code := verbs.code(token)) is not None
        and (event_type := plover_type(code)) is not None
    ]
    return _nearest_root(coded)


def _speaker(attribution: Attribution) -> EventActor | None:
    """An attribution's speaker as a party: its entity, else the words of its source
    ("The Fijian rebels", coded by their words later)."""
    if attribution.speaker is not None:
        return EventActor(attribution.speaker.name, attribution.speaker.entity)
    if attribution.source is not None and attribution.source.text.lower() not in PRONOUNS:
        return EventActor(attribution.source.text)
    return None


def _through_light_verb(
    token: Token, trigger: Trigger, triggers: dict[tuple[str, str], Trigger]
) -> tuple[Token, Trigger]:
    """The object noun's event for a light verb ("imposed sanctions"), else the verb's own."""
    if token.lemma_.lower() in LIGHT_VERBS:
        for child in token.children:
            if child.dep_ == "dobj" and (found := trigger_of(child, triggers)):
                return child, found
    return token, trigger


def _event_type(token: Token, trigger: Trigger) -> str:
    """The trigger's type, as PLOVER counts intent and obligation: a promised act is AGREE
    (a threatened one THREATEN, as is any act promised "unless" something happens), and an
    act someone "must" do is a demand (REQUEST)."""
    verb = token if token.pos_ == "VERB" else token.head
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ == "aux"}
    if auxiliaries & OBLIGATION:
        return "REQUEST"
    if not _intended(verb):
        return trigger.event_type
    conditions = {
        mark.lower_
        for clause in verb.children
        if clause.dep_ == "advcl"
        for mark in clause.children
        if mark.dep_ == "mark"
    }
    return "THREATEN" if "unless" in conditions else INTENT.get(trigger.event_type, trigger.event_type)


def _reporting(token: Token, attributions: list[Attribution]) -> Attribution | None:
    """The attribution whose content holds the word, if any."""
    return next(
        (a for a in attributions if any(part.start <= token.idx < part.end for part in a.content)), None
    )


def _intended(token: Token) -> bool:
    """A future or intended act: "will support", "is ready to withdraw", "offered to mediate"."""
    if any(
        child.lower_ in {"will", "'ll", "would", "shall"} for child in token.children if child.dep_ == "aux"
    ):
        return True
    head = token
    while head.dep_ in {"xcomp", "acomp"} and head.head.i != head.i:
        head = head.head
        if head.lemma_.lower() in INTENT_WORDS:
            return True
    return False


def _end_of_words(sentence: SpacySpan) -> int:
    """Where a sentence's last word ends (spaCy counts the line breaks after it in)."""
    words = [token for token in sentence if not token.is_space]
    last = words[-1] if words else sentence[-1]
    return last.idx + len(last.text.rstrip())


def _nearest_root(found: list[tuple[Token, Trigger]]) -> tuple[Token, Trigger] | None:
    """Of a sentence's triggers, the one nearest the root of its parse (first in the text
    among equals): the main act, not one in a subordinate clause."""
    return min(found, key=lambda item: (_depth(item[0]), item[0].i), default=None)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _parties(trigger: Token, text: str, entities: list[Entity]) -> tuple[list[EventActor], list[EventActor]]:
    """The trigger's actor (subject, or "by" agent of a passive) and recipient (object, or
    the noun after a preposition such as "against")."""
    subject = _subject(trigger)
    if subject is not None and subject.i == trigger.i:
        subject = None  # a noun trigger that is its own clause's subject ("talks resumed")
    agent = next(
        (
            grand
            for child in trigger.children
            if child.dep_ == "agent"
            for grand in child.children
            if grand.dep_ == "pobj"
        ),
        None,
    )
    objects = [token for token in _object_candidates(trigger) if token.ent_type_ not in {"DATE", "TIME"}]
    # Of the candidates, nearest first, one that names someone beats a thing ("aid").
    named = [token for token in objects if any(_named_in(_phrase(token, text), entities))]
    objects = named + [token for token in objects if token not in named]
    if not named and (later := _named_after(trigger, subject, text, entities)) is not None:
        objects.insert(0, later)
    # A passive swaps the roles only when the trigger is the passive verb itself ("was
    # attacked by"): not "Serb forces were engaged in ethnic cleansing".
    if subject is not None and subject.dep_ == "nsubjpass" and subject.head.i == trigger.i:
        actor_token, recipient_token = agent, subject
    else:
        actor_token, recipient_token = subject or agent, objects[0] if objects else None
    return _coordinated(actor_token, text, entities), _coordinated(recipient_token, text, entities)


def _coordinated(token: Token | None, text: str, entities: list[Entity]) -> list[EventActor]:
    """A party, or each of several joined by "and" ("Russia and Ukraine agreed")."""
    if token is None:
        return []
    return [_party(_phrase(word, text), text, entities) for word in (token, *token.conjuncts)]


def _object_candidates(trigger: Token) -> list[Token]:
    """Who an act is done to, nearest first: its objects and indirect objects ("give
    Tanzania a grant"), nouns after "to", "against", "with", "from" ..., the subject of a
    demanded clause ("demanded that Ukraine withdraw"), and the same inside the verbs it
    governs ("offered to hand over to Great Britain", "provide aid to refugees")."""
    found: list[Token] = []
    frontier = [trigger]
    for _ in range(4):
        following = []
        for word in frontier:
            for child in word.children:
                if child.dep_ in {"dobj", "dative", "poss"}:
                    found.append(child)
                    following.append(child)
                elif child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPOSITIONS:
                    found.extend(grand for grand in child.children if grand.dep_ == "pobj")
                elif child.dep_ == "ccomp" and word.i == trigger.i:
                    found.extend(grand for grand in child.children if grand.dep_ in SUBJECTS)
                elif child.dep_ == "prep" and child.lower_ in NOUN_PREPOSITIONS and word.pos_ in NOUNS:
                    # "demanded the removal of President Habyarimana", "victories by X"
                    found.extend(grand for grand in child.children if grand.dep_ == "pobj")
                elif child.dep_ in {"xcomp", "prep", "pobj"}:
                    following.append(child)
        frontier = following
    return found


def _named_after(trigger: Token, subject: Token | None, text: str, entities: list[Entity]) -> Token | None:
    """The first noun after the trigger in its clause that names someone, however deep the
    parse puts it ("staged a hunger strike to protest against Sweden's decision")."""
    clause = trigger
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head
    actor_words = {token.i for token in subject.subtree} if subject is not None else set()
    for token in clause.subtree:
        if token.i <= trigger.i or token.i in actor_words or token.pos_ not in NOUNS:
            continue
        # The noun with the words before it: "Sweden's decision", "Danish Web sites"; a
        # people on its own ("called on Arabs") is no party.
        start = min((child.left_edge.idx for child in token.lefts), default=token.idx)
        named = list(_named_in(Span.of(text, start, token.idx + len(token.text)), entities))
        own = Span.of(text, token.idx, token.idx + len(token.text))
        if any(entity.type != "NORP" or not any(_named_in(own, [entity])) for entity in named):
            return token
    return None


def _named_in(span: Span, entities: list[Entity]) -> Iterator[Entity]:
    """The entities with a mention inside ``span``."""
    return (
        entity
        for entity in entities
        if any(span.start <= mention.start and mention.end <= span.end for mention in entity.mentions)
    )


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the words it hangs on ("is prepared to lift": the one
    prepared lifts), a few steps up at most."""
    for _ in range(6):
        subjects = [child for child in verb.children if child.dep_ in SUBJECTS]
        if subjects:
            return subjects[0]
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _phrase(token: Token, text: str) -> Span:
    """A noun's phrase without its relative clauses and appositions."""
    clauses = {
        inner.i
        for child in token.subtree
        if child.i != token.i and child.dep_ in {"relcl", "appos", "acl", "conj", "cc"}
        for inner in child.subtree
    }
    kept = [t for t in token.subtree if t.i not in clauses and not t.is_punct and not t.is_space] or [token]
    return Span.of(text, kept[0].idx, kept[-1].idx + len(kept[-1].text))


def _party(span: Span, text: str, entities: list[Entity]) -> EventActor:
    """A party by its words, and the entity whose mention it holds, if any."""
    entity = next((entity for entity in _named_in(span, entities) if entity.type != "NORP"), None)
    return EventActor(span.text, entity.id if entity else None)


def code_parties(extraction: Extraction, coder: ActorCoder) -> None:
    """Give each event's parties their actor codes and each event its date, on the
    document's publication date: a party's entity's code, else the code its words give
    ("Hungarian officials" HUNGOV); the date of the time its trigger governs, else the
    publication date."""
    published = extraction.document.published
    entities = {entity.id: entity for entity in extraction.entities}
    times = {time.id: time for time in extraction.times}
    for event in extraction.events:
        parties = (*event.actor, *event.recipient)
        unplaced = []
        for party in parties:
            entity = entities.get(party.entity) if party.entity else None
            if entity is not None and entity.actor is not None:
                party.actor = entity.actor
                continue
            # No entity, or one the dictionaries do not know: what the words say.
            words = [party.text] + ([entity.description] if entity and entity.description else [])
            code = next((c for w in words if (c := _code_words(w, coder, published))), None)
            party.actor = coder.actor(code)
            if code is None and (
                (entity is not None and entity.type == "PERSON")
                or coder.sector_of(party.text) in PLACED_SECTORS
            ):
                unplaced.append(party)
        if unplaced:  # the sentence's countries are looked up only when someone needs one
            _place(unplaced, parties, _countries_named(event.sentence, extraction.entities), coder)
        # A recipient is a party, not the thing agreed or rejected ("a ceasefire").
        event.recipient = [party for party in event.recipient if party.entity or party.actor]
        time = times.get(event.time) if event.time else None
        event.date = time.value if time and time.value else (published.isoformat() if published else None)


def _countries_named(sentence: Span, entities: list[Entity]) -> list[str]:
    """The countries of the coded entities a sentence names, in text order."""
    found = sorted(
        (mention.start, entity.actor.country)
        for entity in entities
        if entity.actor is not None and entity.actor.country
        for mention in entity.mentions
        if sentence.start <= mention.start < sentence.end
    )
    return list(dict.fromkeys(country for _, country in found))


def _place(
    unplaced: list[EventActor], parties: tuple[EventActor, ...], countries: list[str], coder: ActorCoder
) -> None:
    """Give a party no dictionary knows ("President Dos Santos", "Sheikh Hamad") the first
    country its sentence names that no other party holds, and the sector of its title, as
    a coder reading the sentence would ("Minister Tran Xuan Gia said Vietnam ..." VNMGOV)."""
    held = [party.actor.country for party in parties if party.actor and party.actor.country]
    # A country another party holds only when the sentence names no other ("President
    # Bouteflika threatened a curfew in Algiers", "Vice-President Awori declined to resign
    # despite pressure by the Kenya Anti-Corruption Commission").
    ranked = [country for country in countries if country not in held] + list(dict.fromkeys(held))
    for party in unplaced:
        if ranked:
            sector = coder.sector_of(party.text)
            party.actor = Actor(code=ranked[0] + (sector or ""), country=ranked[0], sector=sector)


def _code_words(words: str, coder: ActorCoder, day: date | None) -> str | None:
    """The code words give: as a name when they hold one (capitalised: "the Kremlin", not
    "occupied territories"), else as a description ("Hungarian officials")."""
    named = any(word[:1].isupper() for word in words.split())
    return (coder.code_name(words, day) if named else None) or coder.code_description(words, day)
