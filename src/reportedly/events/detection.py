"""Detect the events of a document in PLOVER 0.8: which event each sentence holds.

Each sentence's event comes from its trigger nearest the root of the parse whose event has
a political party (``CANDIDATES`` tried at most), among the words of
``data/event_triggers.tsv`` ("demanded" REQUEST, "rejected" REJECT, "shelled" ASSAULT,
"ceasefire" RETREAT), or from a verb dictionary's pattern (``EventVerbs``). A light verb
takes its object's event ("imposed sanctions"); a promised act is AGREE or THREATEN and an
obligation a demand. A trigger that is an attribution's cue makes a verbal event: its
speaker acts, its addressee receives. A trigger counts in the sense it has in its sentence
(``events.senses``: "strike a deal" AGREE, "died in an Ebola outbreak" none). Negation (from
the whole clause: "Nobody will sign", "refused to sign") and conditionals mark the event
instead of dropping or inverting it; the sentence's words set its contexts ("troops"
military). Who the parties are comes from ``events.parties``, their actor codes later
(``code_parties``); only events with a political party are kept (``events.political``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.attrs import IDX
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from reportedly.attribution.lexicon import Lexicon, data_lines
from reportedly.attribution.modality import is_hypothetical, is_negated
from reportedly.events.parties import (
    PLACE_BEFORE,
    PRONOUNS,
    SUBJECTS,
    VENUE_TYPES,
    NamedMentions,
    names_time,
    owned_by_speaker,
    owner_of,
    parties_of,
    party_of,
    speaker_parties,
    stands_for_speaker,
    state_of_place,
    weapon_sector,
)
from reportedly.events.senses import SentenceSenses, main_verb_of_participle
from reportedly.events.verbs import SentenceWords, VerbDictionary, plover_type
from reportedly.events.words import DocWords
from reportedly.model import Attribution, Entity, Event, EventActor, Span, TimeExpression
from reportedly.nlp.trees import first_conjunct, joins_words
from reportedly.resolve.times import TimesBySentence

# A verb's children that make a phrase with it ("call off", "call for", "step down", "held
# Israel responsible", "said no to"): particles, prepositions, adverbs, predicates of the
# object and interjections.
PHRASE_PARTS = frozenset({"prt", "prep", "advmod", "oprd", "intj"})
# Where the parser hangs an adjective that says what a verb makes of its object ("set the
# refinery [ablaze]").
PREDICATES = frozenset({"acomp", "advcl", "xcomp", "ccomp"})
# Verbs that take their event from their object: "imposed sanctions" SANCTION, "staged
# rallies" PROTEST, "declared a state of siege" COERCE.
LIGHT_VERBS = frozenset(
    {"impose", "hold", "launch", "stage", "declare", "order", "announce", "lodge", "reach", "deliver"}
)
# Where a light verb's act is: its object, or its subject in the passive ("sanctions were
# imposed on Iran").
CARRIED = frozenset({"dobj", "nsubjpass"})
# Verbs whose subject imposes, threatens, keeps or lifts the measure that is their object
# ("imposed sanctions", "approved an embargo", "removing the sanctions on Burma"): a
# sanction named elsewhere ("sanctions will not change our course", "could withstand
# sanctions") is spoken of, not imposed by anyone there.
SANCTIONING_VERBS = LIGHT_VERBS | frozenset(
    {"threaten", "approve", "adopt", "extend", "tighten", "expand", "introduce", "slap", "apply"}
    | {"keep", "maintain", "renew", "lift", "ease", "remove", "end", "enforce", "implement"}
)
# Acts only a state does to people (arrests, deportations, bans): done in the passive with
# no agent, they are the state's where they are done.
STATE_ACTS = frozenset({"COERCE"})
# Obligations laid on someone ("Sudan must return the helicopter") are demands.
OBLIGATION = frozenset({"must", "should"})
# Verbs of wanting whose complement has a subject of its own ("Moscow expected Kyiv to accept
# the realities", "The US wants Russia to withdraw"): the act is demanded of that subject, not
# done by it. "Expect" also predicts ("expect them to attack again"): a demand only of an act
# of cooperation, else the act is only hypothetical.
WANTING = frozenset({"want", "expect", "need", "wish", "require"})
PREDICTING = frozenset({"expect"})
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
# Subjects that deny the act ("Nobody will sign"), and verbs that refuse it ("refused to sign").
NEGATIVE_PRONOUNS = frozenset({"nobody", "none", "neither", "nothing", "noone"})
REFUSALS = frozenset({"refuse", "decline", "fail", "reject", "balk", "resist"})
# Predicates that rule out the act that is their subject ("removing the sanctions is
# [unacceptable]"; and "is out of the question").
RULED_OUT = frozenset({"unacceptable", "unthinkable", "inconceivable", "impossible"})
INTENT_WORDS = frozenset(
    {"ready", "willing", "prepared", "plan", "intend", "want", "offer", "promise", "vow", "pledge", "swear"}
    | {"undertake"}
)
# Nouns of intent whose infinitive is an act intended ("expressed readiness to grant access",
# "its willingness to negotiate", "a plan to attack").
INTENT_NOUNS = frozenset(
    {"readiness", "willingness", "intention", "intent", "plan", "offer", "promise", "pledge", "vow"}
    | {"commitment", "determination", "undertaking"}
)
# Nouns of a readiness to act whose saying is a promise, whatever the act ("expressed its
# readiness to open a corridor", "conveyed its willingness to restore the dialogue").
READINESS = frozenset({"readiness", "willingness"})
# Verbs that say a readiness out ("[expressed] its readiness"), not ones that test or lack it.
READINESS_SAID = frozenset(
    {"express", "confirm", "reaffirm", "convey", "signal", "declare", "announce", "voice", "state"}
    | {"show", "demonstrate", "indicate", "reiterate"}
)
# Acts of force that, as the condition of a promised act ("will respond if NATO [attacks]",
# "vowed to send Beirut back to the Stone Age if Hezbollah dragged Lebanon into a [war]"), make
# the promise a threat.
FORCE = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "THREATEN"})
# Verbs by whose participle a sentence tells the reaction its act drew ("drawing condemnation").
REACTION_VERBS = frozenset({"draw", "prompt", "spark", "trigger", "provoke", "attract", "earn", "elicit"})
# Verbs by whose participle a sentence names what its act is ("..., calling them a stern
# [warning]", "describing it as an act of [provocation]").
NAMING_VERBS = frozenset(
    {"call", "describe", "term", "brand", "label", "dub", "characterize", "characterise"}
)
# Pronouns that stand for a party as the subject of a threat's main clause ("it would shut").
PARTY_PRONOUNS = frozenset({"it", "they", "we", "he", "she"})
# Nouns of force no trigger names, as one is said to be dragged "into a war" or "into hostilities".
FORCE_NOUNS = frozenset({"war", "hostilities", "aggression", "invasion"})
# A promise made "in return for" or "in exchange for" something is a deal (AGREE), whatever the
# act promised ("promised to drive foreign fighters out in return for weapons").
EXCHANGE_NOUNS = frozenset({"return", "exchange"})
# Acts of cooperation: refused or denied for the future ("will not accept", "failed to reach
# an agreement"), PLOVER codes them as a rejection (REJECT), not as the act negated.
FUTURE = frozenset({"will", "'ll", "wo", "shall"})  # "wo" of "won't"
# Acts of a stance, whose denial in the present ("does not accept the ultimatums", "do not
# recognise the vote") is a refusal held now, a rejection; not a past act that did not happen
# ("did not sign"), nor the present of other acts ("does not send troops"), a mere denial.
STANCES = frozenset({"AGREE", "SUPPORT"})
PRESENT_DO = frozenset({"do", "does"})
# Verbs that report what someone says, whose clause's "would" is a future told in the past.
SAYING = frozenset(
    {"say", "tell", "announce", "declare", "insist", "state", "warn", "add", "stress", "reiterate"}
)
# Verbs of saying something to someone, whose addressee a participle may describe ("told
# visiting envoys").
ADDRESSING = frozenset({"tell", "assure", "inform", "brief", "warn"})
# Verbs of an act's course, through which a promise reaches the act ("vowed to continue
# fighting").
COURSE = frozenset({"continue", "keep", "start", "begin", "resume", "step"})
# Auxiliaries of an act to come, or promised in a past report ("said it would send").
TO_COME = frozenset({"will", "'ll", "would", "shall"})
# Modals of an act held possible, not promised: a threat only on a condition ("may strike unless").
POSSIBLE = frozenset({"may", "might", "could", "can"})
COOPERATION = frozenset({"AGREE", "SUPPORT", "COOPERATE", "CONSULT", "AID", "CONCEDE", "RETREAT"})
# Acts of cooperation that, done under pressure, are a concession.
YIELDED = COOPERATION - {"CONSULT", "CONCEDE"}


# The act whose promise the verb dictionary may tell ("vowed to hit US bases").
ATTACK = "ASSAULT"
PROTEST = "PROTEST"
# Verbs of a finding (of an inquiry, a panel, a court), and the acts that, found done, are wrongs
# its finder accuses their doer of: rules broken, crimes committed, attacks made and force used
# ("inspectors concluded that the air force dropped chlorine on the town, killing 43 people").
FINDINGS = frozenset({"find", "conclude"})
WRONGS = frozenset({"REJECT", "ACCUSE", "ASSAULT", "COERCE"})
# Verbs of a journey ("arrived in Moscow", "flew to Riyadh"): a visit or a deployment only
# where the sentence tells of no other act; its purpose, where it has one, is the act ("flew
# to Riyadh to confer", "arrived for talks", as CAMEO's ARRIVE patterns code it).
JOURNEYS = frozenset({"arrive", "land", "fly", "travel"})
# Prepositions that make the act they govern the background of the sentence's own ("after the
# attack", "following talks", "amid protests"); "ahead of" and "in response to" too.
BACKGROUND = frozenset({"after", "following", "amid", "amidst", "since", "before", "despite"})
# Acts that, done jointly, are cooperation: arrests, raids, seizures, dismantling (and a verb
# no trigger names, ``_joint_act``).
COOPERATE = "COOPERATE"
JOINT_ACTS = frozenset({"COERCE", "RETREAT", COOPERATE})
# Verbs of sending people away that, to a state named, hand them over to it (the gold's
# COOPERATE: "deported 40 Uyghur men to China", as an extradition).
DEPORTING = frozenset({"deport"})
# Auxiliaries that, before their clause's subject, make it a condition ("should Washington join").
# Bodies of armed men, which an act noun before them qualifies ("occupation forces").
PARTY_FORCES = frozenset({"force", "regime"})
# A predicate's complements, in the clause of the word they complete ("is ready [to talk]").
COMPLEMENTS = frozenset({"xcomp", "acomp"})
CONDITION_AUXILIARIES = frozenset({"should", "had", "were"})
# The clauses such an auxiliary before the subject makes a condition of (a relative clause:
# the parser's reading of one after a noun).
INVERTIBLE = frozenset({"advcl", "relcl"})
# Triggers tried per sentence, nearest the root first: the first with a political party is
# the sentence's event.
CANDIDATES = 3


@dataclass(frozen=True, slots=True)
class Trigger:
    event_type: str
    mode: str | None


def event_id(number: int) -> str:
    """The id of a document's ``number``-th event (from 1)."""
    return f"v{number}"


@dataclass(frozen=True, slots=True)
class TriggerTable:
    """The triggers by their words and part of speech (``by_words``), and every word that can
    be the lemma or form a trigger is found by (``lemmas``): a word whose lemma and form are
    neither codes nothing, and its children and neighbours need not be read."""

    by_words: dict[tuple[str, str], Trigger]
    lemmas: frozenset[str]

    def get(self, words: str, pos: str) -> Trigger | None:
        return self.by_words.get((words, pos))

    def may_code(self, words: DocWords, i: int) -> bool:
        """Whether the word at ``i`` may code an event: a verb or a noun (not a name: "the
        Ceasefire Violations Committee") whose lemma or form a trigger is found by."""
        return words.pos[i] in {"VERB", "NOUN"} and (
            words.lemma[i] in self.lemmas or words.lower[i] in self.lemmas
        )


@cache
def read_triggers() -> TriggerTable:
    """(lemma, "lemma particle", "modifier lemma" or "verb lemma" of a noun object, VERB|NOUN)
    to the event it codes."""
    triggers: dict[tuple[str, str], Trigger] = {}
    for line in data_lines("event_triggers.tsv"):
        lemma, pos, event_type, mode = line.split("\t")
        triggers.setdefault((lemma, pos), Trigger(event_type, None if mode == "-" else mode))
    # ``trigger_of`` looks a lemma up alone, before a particle ("call off"), after a modifier
    # or its verb ("martial law", "open fire") or after the word a hyphen joins it to
    # ("cease-fire"): a lemma that can code is an ending of a trigger's words, or the words
    # before one of its spaces.
    phrases = {words for words, _ in triggers}
    endings = {phrase[start:] for phrase in phrases for start in range(len(phrase) + 1)}
    openings = {phrase[:end] for phrase in phrases for end, char in enumerate(phrase) if char == " "}
    return TriggerTable(triggers, frozenset(endings | openings))


@cache
def noun_acts() -> dict[str, frozenset[str]]:
    """By event type, the lemmas of the nouns that are such acts (ASSAULT: "strike",
    "bombing", ...)."""
    acts: dict[str, set[str]] = {}
    for (lemma, pos), trigger in read_triggers().by_words.items():
        if pos == "NOUN" and " " not in lemma:
            acts.setdefault(trigger.event_type, set()).add(lemma)
    return {event_type: frozenset(lemmas) for event_type, lemmas in acts.items()}


def trigger_of(token: Token, triggers: TriggerTable, words: DocWords) -> Trigger | None:
    """The event a word codes, its particle or preposition included ("call off", "call for"),
    its modifier ("martial law") or, for a noun object, its verb ("open fire")."""
    if not triggers.may_code(words, token.i):
        return None  # most words: no need of their children and neighbours
    lemma = words.lemma[token.i]
    pos = "VERB" if words.pos[token.i] == "VERB" or _headline_verb(token, words) else "NOUN"
    for child in token.children:
        dep = words.dep[child.i]
        if (
            # "stepped [down]" is parsed either way; "held Israel [responsible]", "said [no] to";
            # an adjective that says what the object is made, however parsed ("set the refinery
            # [ablaze]")
            (dep in PHRASE_PARTS or (dep in PREDICATES and words.pos[child.i] == "ADJ"))
            and (found := triggers.get(f"{lemma} {words.lower[child.i]}", pos))
            and not _when(child)  # "called a ceasefire [on Friday]": no "call on"
        ):
            return found
        # "called on Friday for Britain to stay": the preposition marks the clause.
        if dep == "advcl":
            marks = (words.lower[mark.i] for mark in child.children if words.dep[mark.i] == "mark")
            if found := next(filter(None, (triggers.get(f"{lemma} {mark}", pos) for mark in marks)), None):
                return found
        # A noun its modifier or the noun before it makes an act ("martial law", "war games").
        if dep in {"amod", "compound"} and (found := triggers.get(f"{words.lower[child.i]} {lemma}", pos)):
            return found
    # The adjective a verb makes of its object, hung on a noun by the parser.
    for at in _object_complements(token, words):
        if found := triggers.get(f"{lemma} {words.lower[at]}", pos):
            return found
    # "called Lavrov to discuss", "Clinton called Yeltsin on Saturday": a call to a person is
    # a telephone call, not "called the decision a mistake".
    if lemma == "call" and pos == "VERB" and _called_person(token):
        return triggers.get("telephone", pos)
    # A noun that makes an act only as its verb's object ("opened fire", "returned fire").
    if words.dep[token.i] == "dobj" and (found := triggers.get(f"{words.lemma[token.head.i]} {lemma}", pos)):
        return found
    # A noun that makes an act after the noun it is "of" ("declared a state of [emergency]").
    if (
        words.dep[token.i] == "pobj"
        and words.lower[token.head.i] == "of"
        and (found := triggers.get(f"{words.lemma[token.head.head.i]} of {lemma}", pos))
    ):
        return found
    # A word written with a hyphen as one ("cease-fire": "ceasefire").
    before = _before_hyphen(token)
    if before is not None and (found := triggers.get(words.lower[before.i] + lemma, pos)):
        return found
    return triggers.get(lemma, pos) or triggers.get(words.lower[token.i], pos)


def _object_complements(verb: Token, words: DocWords) -> Iterator[int]:
    """Where an adjective the parser hung on a noun is the one a verb makes of its object:
    right after the verb, before the object ("considers [unacceptable] the deployment of
    troops"), or ending the object, after the noun it is hung on ("considers the proposal on an
    exchange of territory around the enclave [unacceptable]": no adjective of a noun follows it)."""
    after = verb.i + 1
    if after < len(words.pos) and words.pos[after] == "ADJ" and words.dep[after] == "amod":
        yield after
    for child in verb.children:
        last = child.right_edge
        if words.dep[child.i] == "dobj" and words.pos[last.i] == "ADJ" and last.head.i < last.i:
            yield last.i


# Acts whose aim a protest shares: what the protesters demand, condemn or reject.
PROTEST_AIMS = frozenset({"REQUEST", "ACCUSE", "REJECT"})
# Verbs of gathering, marching or walking out whose purpose is a demand, a condemnation or a
# rejection: a protest ("gathered outside the union's offices to denounce the jailing", "left
# the chamber to denounce", "led tens of thousands into the streets to reject the deal").
GATHERINGS = frozenset(
    {"gather", "assemble", "converge", "flock", "throng", "crowd", "pour", "spill", "march"}
    | {"rally", "walk", "storm", "leave", "lead", "take", "turn", "wear", "parade", "pack"}
)
# Of those, the verbs of a crowd filling a place, whose participle tells what the crowd
# protests too ("Demonstrators [packed] the street, denouncing the overhaul"); not "took power,
# accusing", "left the talks, accusing".
CROWDING = GATHERINGS - {"walk", "storm", "leave", "lead", "take", "turn", "wear"}


def _only_places(parties: list[EventActor], sentence: str) -> bool:
    """Whether no party is named, or each only as the place of the act ("in Lhasa")."""
    return all(
        (at := sentence.find(party.text)) > 0 and PLACE_BEFORE.search(sentence, 0, at) is not None
        for party in parties
    )


def _protest_aim(trigger: Token, triggers: TriggerTable, words: DocWords) -> Token | None:
    """The first demand, condemnation or rejection in a protest's clause, not in a relative
    clause ("to demand", "shouting slogans demanding"): whom the protest is aimed at."""
    verb = trigger
    while words.pos[verb.i] != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    for word in verb.subtree:
        if word.i == trigger.i or _under_relative_clause(word, verb):
            continue
        found = trigger_of(word, triggers, words)
        if found is not None and found.event_type in PROTEST_AIMS:
            return word
    return None


def _under_relative_clause(word: Token, top: Token) -> bool:
    """Whether a word is in a relative clause below ``top`` (its ancestor)."""
    for above in (word, *word.ancestors):
        if above.i == top.i:
            return False
        if above.dep_ == "relcl":
            return True
    return False


def _when(preposition: Token) -> bool:
    """Whether a preposition's phrase tells when ("[on] Friday"), not how long something went on
    before the act ("bowed [to] weeks of protests", "[after] months of talks")."""
    return names_time(preposition) and not any(
        grand.dep_ == "prep" and grand.lower_ == "of"
        for child in preposition.children
        if child.dep_ == "pobj"
        for grand in child.children
    )


def _called_person(verb: Token) -> bool:
    """Whether "call" has someone named as its object and names them nothing ("called
    Lavrov", "called Erdogan"; not "called the ambassador a stupid guy", "called the decision
    a mistake")."""
    children = list(verb.children)
    if any(child.dep_ == "oprd" for child in children):
        return False
    named = (
        child
        for child in children
        if child.dep_ == "dobj" and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN")
    )
    return any(not _names_in_quotes(person) for person in named)


def _names_in_quotes(person: Token) -> bool:
    """Whether a name in quotes or in apposition is the object or follows it ("calling
    Christie 'New Jersey's Biggest Loser'"): a name given, no one called."""
    if any(child.dep_ == "appos" for child in person.children):
        return True
    words = person.doc[person.left_edge.i : person.right_edge.i + 2]
    return any(word.is_quote for word in words)


def _headline_verb(token: Token, words: DocWords) -> bool:
    """Whether a word the tagger took for a noun is a headline's verb in the present ("Ivory
    Coast troops [fire] on protesters", "Rebels [attack] capital"): the root, with a subject."""
    return (
        words.pos[token.i] == "NOUN"
        and words.dep[token.i] == "ROOT"
        and any(words.dep[child.i] == "nsubj" for child in token.children)
    )


def code_events(
    doc: Doc,
    text: str,
    attributions: list[Attribution],
    entities: list[Entity],
    times: list[TimeExpression],
    lexicon: Lexicon,
    verbs: EventVerbs,
) -> tuple[list[Event], dict[str, str]]:
    """Events of the sentences that have a trigger, in text order, a sentence's nearest the
    root first (``events.political`` keeps one a sentence); and, by event id, the time
    expression its trigger governs, which dates it once resolved."""
    triggers = read_triggers()
    act_nouns = noun_acts()
    owned_acts = frozenset().union(*act_nouns.values())  # acts of any type, whose owner they are done to
    # Indexes built once per document: a long one has thousands of each.
    by_cue = {a.cue.range: a for a in attributions if a.cue}
    starts = doc.to_array(IDX).tolist()  # where each token starts
    cue_of = _by_token(starts, ((start, end, a) for (start, end), a in by_cue.items()))
    # Of reports one inside another ("Hamas said it was ready to release ..., according to a
    # statement"), an act is told by the innermost, whose speaker its clause's "it" is.
    contents = sorted(
        ((part.start, part.end, a) for a in attributions for part in a.content),
        key=lambda content: content[1] - content[0],
    )
    reporting_of = _by_token(starts, contents)
    mentions = NamedMentions(entities)
    times_by_sentence = TimesBySentence(times, doc)
    words = DocWords(doc, text)
    events, event_times = [], {}
    contexts: dict[int, list[str]] = {}  # by sentence: a sentence may have several candidates
    candidates = (
        (sentence, found)
        for sentence in doc.sents
        for found in _sentence_triggers(sentence, triggers, verbs, words)
    )
    for sentence, (token, trigger, users) in candidates:
        attribution = cue_of.get(token.i)
        # A user's verb dictionary codes intent itself, as in PETRARCH ("vowed to wage war"),
        # not obligation; the fallback's codes the act, whose intent is read as for the
        # project's triggers ("said it would crush": a threat).
        wanting = _wanted_by(token)
        predicted = (
            wanting is not None
            and wanting.lemma_.lower() in PREDICTING
            and trigger.event_type not in COOPERATION
        )
        obliged = (wanting is not None and not predicted) or _obliged(token)
        event_type = (
            "REQUEST"
            if obliged
            else trigger.event_type
            if users
            else _event_type(token, trigger, triggers, words)
        )
        if event_type != "REQUEST" and _or_else(token):
            # "gave the company three months to withdraw or face consequences", "told the
            # troops to surrender or face an assault": an ultimatum.
            event_type = "THREATEN"
        if event_type == ATTACK and _prepared_attack(token):
            event_type = "MOBILIZE"
        if event_type in YIELDED and _under_pressure(token):
            # "Under pressure from the striking workers, the government recognised the union":
            # an act of cooperation done under pressure is a concession (CAMEO 08).
            event_type = "CONCEDE"
        negated = _negated(token)
        # A refusal is said to be, not supposed ("said Moscow would not accept": no conditional).
        refused = negated and event_type in COOPERATION and _refused(token, event_type)
        if refused or _ruled_out(token):
            event_type, negated = "REJECT", False
        # A promised meeting ("ready to host talks") has its venue as a meeting does.
        venue = event_type in VENUE_TYPES or trigger.event_type in VENUE_TYPES
        acts = act_nouns.get(trigger.event_type, frozenset())
        actor, recipient = parties_of(
            token,
            text,
            mentions,
            venue=venue,
            acts=acts,
            event_type=trigger.event_type,
            owned_acts=owned_acts,
        )
        if event_type == "PROTEST" and _only_places(recipient, sentence.text):
            # "monks demonstrated in Lhasa, shouting slogans demanding independence from China",
            # "marched to demand the president's resignation": a protest is aimed at whom its
            # demand or condemnation is.
            aim = _protest_aim(token, triggers, words)
            recipient = (parties_of(aim, text, mentions)[1] if aim is not None else []) or recipient
        if not actor and trigger.event_type in STATE_ACTS:
            # "was arrested in Lebanon": the state where it was done did it.
            actor = state_of_place(token, text, mentions)
        reporting = reporting_of.get(token.i)
        # A pronoun or missing subject: the speaker of the attribution the trigger is the
        # cue of ("he demanded"), or reports in ("Hungary has said it will support", "Meles
        # said his country would not accept").
        for speaking in (attribution, reporting):
            if speaking is not None and (not actor or stands_for_speaker(actor[0].text)):
                actor = speaker_parties(speaking, text, mentions) or actor
        if reporting is not None:
            recipient = owned_by_speaker(recipient, speaker_parties(reporting, text, mentions))
        if obliged and trigger.event_type != "REQUEST":
            # "Russia said Sudan must return the helicopter", "The forum concluded that the US
            # must allocate more": Russia, the forum demand, of Sudan, the US.
            # "Moscow expected Kyiv to accept": Moscow demands, whoever reports it.
            demanding = _named(parties_of(wanting, text, mentions)[0]) if wanting is not None else []
            if not demanding and reporting is not None:
                demanding = speaker_parties(reporting, text, mentions)
            if not demanding and (clause := _reported_by(token)) is not None:
                demanding, _ = parties_of(clause, text, mentions)
            if demanding:
                actor, recipient = demanding, actor
        if event_type in WRONGS and not negated and (finder := _found_by(token)) is not None:
            # "A WTO panel found that Chinese export restrictions broke trade rules", "the
            # commission concluded that the army had committed war crimes": who finds a wrong
            # done accuses its doer (112 ACCUSE).
            finding, _ = parties_of(finder, text, mentions)
            if finding and actor:
                event_type, actor, recipient = "ACCUSE", finding, actor
        if sentence.start not in contexts:
            contexts[sentence.start] = contexts_of(sentence, words)
        if attribution is not None and attribution.addressee is not None and not recipient:
            recipient = [party_of(attribution.addressee, text, mentions)]
        events.append(
            Event(
                id=event_id(len(events) + 1),
                event_type=event_type,
                trigger=Span.of(text, token.idx, token.idx + len(token.text)),
                sentence=Span.of(text, sentence.start_char, _end_of_words(sentence)),
                mode=[trigger.mode] if trigger.mode else [],
                context=list(contexts[sentence.start]),
                actor=actor,
                recipient=recipient,
                attribution=attribution.id if attribution else None,
                negated=negated,
                hypothetical=predicted or (not refused and is_hypothetical(token, lexicon)),
            )
        )
        time = times_by_sentence.governed(token, attribution.content if attribution else [])
        if time is not None:
            event_times[events[-1].id] = time
    return events, event_times


@dataclass(frozen=True, slots=True)
class ContextTable:
    """Words and phrases (as tuples of lower-case words) to the context they set, and by the
    word a phrase of several opens with, the most words such a phrase has: at each word of a
    sentence, only the lengths of the phrases it opens are looked up."""

    words: dict[str, str]  # phrases of one word
    phrases: dict[tuple[str, ...], str]  # of several
    longest: dict[str, int]


@cache
def read_contexts() -> ContextTable:
    words: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    longest: dict[str, int] = {}
    for line in data_lines("event_contexts.tsv"):
        phrase, context = line.split("\t")
        parts = tuple(phrase.split())
        if len(parts) == 1:
            words[parts[0]] = context
        else:
            phrases[parts] = context
            longest[parts[0]] = max(longest.get(parts[0], 0), len(parts))
    return ContextTable(words, phrases, longest)


def contexts_of(sentence: SpacySpan, words: DocWords | None = None) -> list[str]:
    """The contexts a sentence's words set ("troops" military, "refugees" refugees), in
    order of first mention, a longer phrase before a shorter at the same word; single words
    also by their lemma ("missiles"). ``words``: its document's, if already read."""
    table = read_contexts()
    words = words if words is not None else DocWords(sentence.doc)
    forms = words.lower[sentence.start : sentence.end]
    lemmas = words.lemma[sentence.start : sentence.end]
    found: dict[str, None] = {}
    for start, form in enumerate(forms):
        if form in table.longest:
            for length in range(min(table.longest[form], len(forms) - start), 1, -1):
                if (context := table.phrases.get(tuple(forms[start : start + length]))) is not None:
                    found.setdefault(context)
        for single in (form, lemmas[start]):
            if (context := table.words.get(single)) is not None:
                found.setdefault(context)
    return list(found)


@dataclass(frozen=True, slots=True)
class EventVerbs:
    """Verb dictionaries beside the project's triggers: a user's (PETRARCH users bring
    theirs), which comes first, and a fallback for sentences no trigger codes."""

    user: VerbDictionary | None = None
    fallback: VerbDictionary | None = None


def _sentence_triggers(
    sentence: SpacySpan, triggers: TriggerTable, verbs: EventVerbs, words: DocWords
) -> list[tuple[Token, Trigger, bool]]:
    """The sentence's triggers in the sense they have there, nearest the root first, at most
    ``CANDIDATES``, each with whether a user's verb dictionary coded it: a user's
    dictionary's first, then the project's triggers, else the fallback dictionary's. The first whose
    event has a political party is the sentence's event (``events.political``): where the
    main act is done by no one ("23 civilians were killed as Syrian forces launched air
    strikes"), the act in the clause under it is the event."""
    senses = SentenceSenses(sentence, words)
    found: list[tuple[Token, Trigger, bool]] = []
    if verbs.user is not None and (coded := _dictionary_trigger(sentence, verbs.user, senses, words)):
        found.append((*coded, True))
    # Acts no trigger names are read only in a sentence with their word ("by force",
    # "jointly"): most sentences have neither, and reading each verb's children is dear.
    forced = "force" in words.lemma[sentence.start : sentence.end]
    joint = "jointly" in words.lower[sentence.start : sentence.end]
    # Only the words that may code are read as tokens: most of a sentence's are not.
    doc, unnamed_acts = sentence.doc, forced or joint
    worded = [
        (token, trigger)
        for i in range(sentence.start, sentence.end)
        if triggers.may_code(words, i) or (unnamed_acts and words.pos[i] == "VERB")
        if (
            trigger := trigger_of(token := doc[i], triggers, words)
            or (_by_force(token, words) if forced else None)
            or (_joint_act(token, words) if joint else None)
        )
    ]
    own = sorted(
        (
            sensed
            for token, trigger in worded
            if (
                sensed := _sensed(token, trigger, senses, words) or _readiness(token, words, triggers, senses)
            )
        ),
        key=lambda sensed: (words.lemma[sensed[0].i] in JOURNEYS, _distance_from_root(sensed[0])),
    )
    if own and verbs.fallback is not None and _set_back(own[0][0]):
        # "said Ankara would not approve Sweden's bid as long as Stockholm allowed ...",
        # "revoked the pardons after weeks of protests": where every trigger is in a clause of
        # condition, time or purpose, or tells of a noun, the main clause's act as the
        # dictionary codes it comes first.
        coded = _dictionary_trigger(sentence, verbs.fallback, senses, words)
        if coded is not None and not _set_back(coded[0]):
            found.append((*coded, False))
    for candidate in own:
        token, trigger = _through_light_verb(*candidate, triggers, words)
        if token.i == candidate[0].i and verbs.fallback is not None:
            # "vowed to hit US bases": a promised attack no trigger names, as the verb
            # dictionary codes it.
            promised = _promised_attack(token, sentence, verbs.fallback, senses, words)
            token, trigger = promised or (token, trigger)
        # The act a light verb carries counts in its own sense ("launched wave after wave of
        # attacks" in a rugby final is no assault).
        carried = candidate if token.i == candidate[0].i else _in_sense(token, trigger, senses)
        if carried is None and words.lemma[candidate[0].i] in INTENT_WORDS:
            # A promise of what is no act in its sense is still a promise ("promised to
            # democratize Serbia and establish the rule of law").
            carried = candidate
        if carried is not None:
            carried = _as_protest(*carried, words) or carried
        if carried is not None and all(carried[0].i != kept.i for kept, _, _ in found):
            found.append((*carried, False))
    # A sentence whose act is only asked about or spoken of ("Berlin expects the sanctions
    # package to be approved") is not coded by the fallback's looser patterns either.
    if (
        not own
        and not any(_mentioned_only(token, trigger) for token, trigger in worded)
        and verbs.fallback is not None
        and (coded := _dictionary_trigger(sentence, verbs.fallback, senses, words))
    ):
        found.append((*coded, False))
    # "flew 40 men back to China, [drawing] condemnation from the UN": the reaction an act
    # draws is another's act, told after it; the sentence's own acts come first.
    # "..., calling them a stern warning": the name a participle gives the act comes after too.
    later = [_reaction_drawn(candidate[0]) or _named_as(candidate[0]) for candidate in found]
    found = [candidate for candidate, last in zip(found, later, strict=True) if not last] + [
        candidate for candidate, last in zip(found, later, strict=True) if last
    ]
    if found and (threat := _threat_on_condition(*found[0][:2])) is not None:
        # "said it would shut the strait should Washington join the bombing": the act of force
        # is only the condition of what its speaker will do, a threat.
        found.insert(0, (threat, Trigger("THREATEN", None), False))
    if found and not _told_of_unnamed_doer(found[0][0]):
        # "appealed to gang leaders to release six nuns [abducted] from a bus": the abduction
        # tells of the nuns and names no one who did it; where the sentence has an act of its
        # own, it is never the event (its doer would be the appeal's).
        found = [candidate for candidate in found if not _told_of_unnamed_doer(candidate[0])]
    return found[:CANDIDATES]


def _promised_attack(
    token: Token, sentence: SpacySpan, verbs: VerbDictionary, senses: SentenceSenses, words: DocWords
) -> tuple[Token, Trigger] | None:
    """The attack a promise is of ("vowed to [hit]", "pledged to [target]") as a verb
    dictionary codes it in its sense, where no trigger names it: a threat. None for no promise
    or no attack: the dictionary's other codes of a promised verb are too loose ("pledged to
    hold an election", "to crack down on militants" are promises to the gold). ``sentence``:
    the promise's, whose words the dictionary reads from the document's ``words`` (its own
    reading would rebuild them, and the document's text, for each promised verb)."""
    if words.lemma[token.i] not in INTENT_WORDS:
        return None
    sentence_words: SentenceWords | None = None  # read for the first verb the dictionary is asked about
    for act in _promised_acts(token):
        # A verb with a particle is another verb than the dictionary's single word ("crack
        # down on militants" is no "crack").
        if words.pos[act.i] != "VERB" or any(words.dep[part.i] == "prt" for part in act.children):
            continue
        sentence_words = sentence_words or SentenceWords(sentence, words)
        code = verbs.code(act, sentence_words)
        if code is not None and plover_type(code) == ATTACK:
            return _in_sense(act, Trigger(ATTACK, None), senses)
    return None


def _as_protest(token: Token, trigger: Trigger, words: DocWords) -> tuple[Token, Trigger] | None:
    """A demand, condemnation or rejection that is a protest: the purpose of a gathering or a
    walkout ("gathered outside their union's offices [to denounce]", "left the chamber [to
    denounce]") or the participle of a crowd's gathering ("packed the street, [denouncing]"),
    which is the protest, or one a protest makes ("A rally of thousands [denounced] the bill");
    None for any other act."""
    if trigger.event_type not in PROTEST_AIMS or words.pos[token.i] != "VERB":
        return None
    gathering = token.head
    # The parser makes the purpose either a clause or a complement ("left the chamber to denounce").
    purpose = _purpose(token) or (words.dep[token.i] == "xcomp" and _infinitive(token))
    if purpose and words.pos[gathering.i] == "VERB" and words.lemma[gathering.i] in GATHERINGS:
        return gathering, Trigger(PROTEST, None)
    participle = words.dep[token.i] == "advcl" and token.tag_ == "VBG"
    if participle and words.pos[gathering.i] == "VERB" and words.lemma[gathering.i] in CROWDING:
        return gathering, Trigger(PROTEST, None)
    protests = noun_acts().get(PROTEST, frozenset())
    if any(words.dep[child.i] == "nsubj" and words.lemma[child.i] in protests for child in token.children):
        return token, Trigger(PROTEST, None)
    return None


def _promised_acts(promise: Token) -> list[Token]:
    """The acts a verb of promise or intent carries: its infinitive ("vowed [to fight]"), one
    the parser hung on it as a clause after a phrase ("vowed in a speech [to target]"), or a
    clause of what will be ("vowed that his forces [would target]")."""
    return [child for child in promise.children if _promised_act(child)]


def _promised_act(verb: Token) -> bool:
    """Whether a verb is an act its head promises or intends (``_promised_acts``), its head
    being a verb of promise or intent."""
    if verb.dep_ == "xcomp":
        return True
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ == "aux"}
    return (verb.dep_ == "advcl" and "to" in auxiliaries and not _has_mark(verb)) or (
        verb.dep_ == "ccomp" and bool(auxiliaries & TO_COME)
    )


def _has_mark(verb: Token) -> bool:
    """Whether a clause opens with a conjunction ("[if] they attack", "[so that]")."""
    return any(child.dep_ == "mark" for child in verb.children)


def _joint_act(verb: Token, words: DocWords) -> Trigger | None:
    """Cooperation, for a verb no trigger names done "jointly" ("jointly ran the checkpoint")."""
    return Trigger(COOPERATE, None) if _jointly(verb, words) else None


def _jointly(verb: Token, words: DocWords) -> bool:
    return words.pos[verb.i] == "VERB" and any(
        words.dep[child.i] == "advmod" and words.lower[child.i] == "jointly" for child in verb.children
    )


def _sensed(
    token: Token, trigger: Trigger, senses: SentenceSenses, words: DocWords
) -> tuple[Token, Trigger] | None:
    """The trigger in its sense (``_in_sense``); an arrest, a raid, a capture or a dismantling
    done "jointly" by two states' services is cooperation whatever its object ("jointly
    dismantled a network of agents"), where an attack or a statement done jointly stays what it
    is; people deported to a state named are handed over to it (cooperation)."""
    sensed = _in_sense(token, trigger, senses)
    # The act's own type or its type in its sense ("captured the rebel commander" COERCE).
    joint_act = trigger.event_type in JOINT_ACTS or (
        sensed is not None and sensed[1].event_type in JOINT_ACTS
    )
    if joint_act and _jointly(token, words):
        return token, Trigger(COOPERATE, None)
    if sensed is not None and words.lemma[token.i] in DEPORTING and _sent_to_state(token):
        return token, Trigger(COOPERATE, None)
    return sensed


def _readiness(
    token: Token, words: DocWords, triggers: TriggerTable, senses: SentenceSenses
) -> tuple[Token, Trigger] | None:
    """A readiness to act, for an act no sense makes an event ("was prepared to [reopen] its
    hospital", "ready to [extend] its economic corridor"): a promise (AGREE), as one of an act
    no trigger names is ("promised to democratize Serbia"). So is a readiness or willingness
    said out ("expressed its [readiness] to open a corridor"), where the act it is to do is no
    event in its sense: one that is ("its readiness to retaliate") is coded as intended."""
    head = token.head
    if words.dep[token.i] == "xcomp" and words.pos[head.i] == "ADJ" and words.lemma[head.i] in INTENT_WORDS:
        return token, Trigger("AGREE", None)
    if (
        words.lemma[token.i] not in READINESS
        or words.dep[token.i] != "dobj"
        or words.lemma[head.i] not in READINESS_SAID
    ):
        return None
    acts = [child for child in token.children if words.dep[child.i] == "acl" and _infinitive(child)]
    denied = any(words.dep[child.i] == "det" and words.lower[child.i] == "no" for child in token.children)
    if not acts or denied:
        return None
    if any(
        (trigger := trigger_of(act, triggers, words)) is not None and _in_sense(act, trigger, senses)
        for act in acts
    ):
        return None
    return token, Trigger("AGREE", None)


def _sent_to_state(verb: Token) -> bool:
    """Whether people are sent "to" a state ("deported 40 men [to China]"): handed over to it,
    as an extradition is; deported with no state named ("deported 40 Guatemalans") they are
    expelled."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "to"
        and any(grand.dep_ == "pobj" and grand.ent_type_ == "GPE" for grand in child.children)
        for child in verb.children
    )


def _by_force(verb: Token, words: DocWords) -> Trigger | None:
    """Force used, for a verb no trigger names that is done "by force" or "with force" ("would
    open the corridor by force", "took the town by force"): an attack (a threat when promised)."""
    if words.pos[verb.i] != "VERB":
        return None
    means = (
        grand
        for child in verb.children
        if words.dep[child.i] == "prep" and words.lower[child.i] in {"by", "with"}
        for grand in child.children
    )
    if any(words.lemma[word.i] == "force" and words.dep[word.i] == "pobj" for word in means):
        return Trigger(ATTACK, None)
    return None


def _hyphen_joined(token: Token) -> bool:
    """Whether a word is the end of a hyphenated modifier ("held" of "rebel-held")."""
    return token.dep_ in {"amod", "compound", "nmod"} and _before_hyphen(token) is not None


def _before_hyphen(token: Token) -> Token | None:
    """The word a hyphen joins to this one with no space ("cease" of "cease-fire", "rebel"
    of "rebel-held"), else None."""
    if token.i < 2 or not joins_words(token.nbor(-1)):
        return None
    return token.nbor(-2)


def _dictionary_trigger(
    sentence: SpacySpan, verbs: VerbDictionary, senses: SentenceSenses, words: DocWords
) -> tuple[Token, Trigger] | None:
    """The verb nearest the root that a verb dictionary codes as a PLOVER event: verbs are
    tried nearest the root first, so that most are never matched against the patterns."""
    doc = sentence.doc
    # A participle that qualifies a noun says who the party is, not what it did ("rebels [led]
    # by Laurent Kabila entered Kinshasa" is no cooperation).
    listed = [
        doc[i]
        for i in range(sentence.start, sentence.end)
        if words.pos[i] == "VERB"
        and verbs.block_of(words.upper[i], words.lemma_upper[i]) is not None
        and not _qualifying_participle(doc[i])
    ]
    if not listed:
        return None  # most sentences the fallback is asked about: no need of their positions
    sentence_words = SentenceWords(sentence, words)  # once for all the sentence's verbs
    for token in sorted(listed, key=_distance_from_root):
        code = verbs.code(token, sentence_words)
        event_type = plover_type(code) if code is not None else None
        if event_type is not None and (sensed := _in_sense(token, Trigger(event_type, None), senses)):
            return sensed
    return None


def _qualifying_participle(token: Token) -> bool:
    """Whether a word is a past participle that qualifies the subject before it ("led" of
    "rebels led by Laurent Kabila entered"): it says who acts, not what they did."""
    return (
        token.dep_ == "acl" and token.tag_ == "VBN" and token.head.i < token.i and token.head.dep_ in SUBJECTS
    )


def _in_sense(token: Token, trigger: Trigger, senses: SentenceSenses) -> tuple[Token, Trigger] | None:
    """The trigger as its sense in the sentence codes it ("strike a deal" AGREE), or None
    where that sense is no event ("died in an Ebola outbreak"), the word only qualifies
    a noun it is joined to by a hyphen ("the rebel-held city", "Saudi-led forces") or
    describes before it ("a visiting official"), the act
    is only asked about ("declined to say whether Putin would join the meeting") or a
    sanction is only spoken of ("sanctions will not change its course")."""
    if (
        _hyphen_joined(token)
        or _attributive(token)
        or _names_its_party(token)
        or _as_conjunction(token)
        or _mentioned_only(token, trigger)
    ):
        return None
    event_type = senses.event_type(token, trigger.event_type)
    if event_type is None:
        return None
    return token, trigger if event_type == trigger.event_type else Trigger(event_type, None)


def _attributive(token: Token) -> bool:
    """Whether the word is a participle before the noun it describes ("a [visiting]
    official", "urgently [needed] supplies", "the [occupied] territories"): what the noun is,
    not an act the sentence reports. Not the sentence's verb, which the parser hung on its
    object as a modifier in a lead whose subject is one name (``_verb_as_modifier``)."""
    return (
        token.pos_ == "VERB"
        and token.dep_ == "amod"
        and token.i < token.head.i
        and not _verb_as_modifier(token)
    ) or _addressee_described(token)


def _names_its_party(token: Token) -> bool:
    """Whether a noun act qualifies the noun of armed men or of their weapons ("the [occupation]
    forces", "the Zionist [occupation] drones", "the [occupation] regime"): it says who acts,
    not what they did. Not of any party's noun ("[protest] leaders", "[aid] workers"): measured
    on every party noun, a check half lost an event."""
    if token.dep_ != "compound" or token.pos_ != "NOUN":
        return False
    party = token.head.text
    return token.head.lemma_.lower() in PARTY_FORCES or weapon_sector(party) is not None


def _addressee_described(token: Token) -> bool:
    """Whether a present participle right after a verb of saying describes whom it is said to,
    though the parser made it the verb's complement ("told [visiting] Chinese Premier Li Qiang
    that ...", "assured [visiting] envoys"): the participle is who the addressee is, the act is
    what is said."""
    head = token.head
    return (
        token.tag_ == "VBG"
        and token.dep_ == "xcomp"
        and token.i == head.i + 1
        and head.lemma_.lower() in ADDRESSING
        and any(child.dep_ == "dobj" for child in token.children)
    )


def _verb_as_modifier(token: Token) -> bool:
    """Whether a modifier is the sentence's verb the parser took for one: in the past tense
    ("Azerbaijan [massed] troops"), with a subject ("Tanzania [extradited] the rebel leader"),
    or a participle with a noun before it on the noun the parser made the root of a sentence
    with no verb ("Sudan's army [massed] troops around Wad Madani")."""
    if token.tag_ == "VBD":
        return True
    children = list(token.children)
    if any(child.dep_ == "nsubj" for child in children):
        return True
    return token.head.dep_ == "ROOT" and any(
        child.dep_ == "npadvmod" and child.pos_ in {"NOUN", "PROPN"} for child in children
    )


def _as_conjunction(token: Token) -> bool:
    """Whether a verb's form is a conjunction that opens a condition ("[provided] the United
    States dropped its threats", "[providing] ...", "[given] the risks"): no act."""
    return token.pos_ == "VERB" and token.dep_ in {"prep", "mark"}


def _mentioned_only(token: Token, trigger: Trigger) -> bool:
    """Whether the act is only asked about or a sanction only spoken of, not done."""
    return _asked(token) or _spoken_of(token, trigger)


def _asked(token: Token) -> bool:
    """Whether the act is in an indirect question ("whether Putin would join the meeting"):
    asked about, not said to happen."""
    while True:
        if any(child.dep_ == "mark" and child.lower_ == "whether" for child in token.children):
            return True
        head = token.head
        if head.i == token.i:
            return False
        token = head


def _spoken_of(token: Token, trigger: Trigger) -> bool:
    """Whether a noun sanction ("sanctions", "embargo") is only spoken of: neither someone's
    ("the EU's sanctions", "its sanctions", "sanctions by the US"), nor what an imposing verb's subject
    imposes ("imposed sanctions", "sanctions were imposed"), nor a passive's subject with an agent
    ("the expulsion ... was decided by the council"); its party would be the speaker's
    or another act's ("Kremlin says sanctions will not change its course")."""
    if token.pos_ != "NOUN" or trigger.event_type != "SANCTION":
        return False
    # "approved the sanctions package": the measure is the noun the trigger qualifies.
    # Of joined objects, where the first stands ("imposed an air and arms embargo").
    measure = first_conjunct(token.head if token.dep_ == "compound" else token)
    if measure.dep_ == "pobj" and measure.head.lower_ == "of" and measure.head.head.pos_ == "NOUN":
        # "adopted its 14th package of sanctions", "a new round of sanctions": the measure is
        # the noun they are "of", what is adopted or imposed.
        measure = measure.head.head
    if any(child.dep_ == "poss" for child in measure.children) or owner_of(measure) is not None:
        return False  # "the EU's sanctions", "its sanctions", "sanctions by the US"
    if measure.dep_ in SUBJECTS and (
        _takes_effect(measure.head) or any(child.dep_ == "agent" for child in measure.head.children)
    ):
        # "EU sanctions against Russia took effect": they are imposed; "The expulsion of the
        # ambassador was decided by the council": someone did it.
        return False
    return not (measure.dep_ in CARRIED and measure.head.lemma_.lower() in SANCTIONING_VERBS)


def _takes_effect(verb: Token) -> bool:
    """Whether a verb says its subject comes into force ("took effect", "came into force",
    "entered into force", "went into effect", "kicked in")."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(child.dep_ == "dobj" and child.lower_ == "effect" for child in verb.children)
    if lemma == "kick":
        return any(child.dep_ == "prt" and child.lower_ == "in" for child in verb.children)
    return lemma in {"come", "enter", "go"} and any(
        child.dep_ == "prep"
        and child.lower_ == "into"
        and any(grand.lower_ in {"force", "effect"} for grand in child.children)
        for child in verb.children
    )


def _through_light_verb(
    token: Token, trigger: Trigger, triggers: TriggerTable, words: DocWords
) -> tuple[Token, Trigger]:
    """The object noun's event for a light verb ("imposed sanctions", "sanctions were
    imposed"), the promised act's for
    a promise ("vowed to fight": a threat to fight), else the verb's own."""
    lemma = token.lemma_.lower()
    if lemma in LIGHT_VERBS:
        children = [child for child in token.children if child.dep_ in CARRIED]
    else:
        children = _promised_acts(token) if lemma in INTENT_WORDS else []
    for child in children:
        # Of joined objects, the first that is an act ("launched artillery, mortar and
        # rocket fire against").
        for carried_word in (child, *child.conjuncts):
            if found := trigger_of(carried_word, triggers, words):
                return carried_word, found
            # "imposed a new round [of sanctions]", "launched a wave [of strikes]"
            if (of_act := _of_act(carried_word, triggers, words)) is not None:
                return of_act
            if child.dep_ != "xcomp" or carried_word.lemma_.lower() not in COURSE:
                continue
            # "vowed to continue fighting", "to keep blocking": the act promised goes on
            # past a verb of its course.
            for act in carried_word.children:
                if act.dep_ == "xcomp" and (found := trigger_of(act, triggers, words)):
                    return act, found
    return token, trigger


def _of_act(noun: Token, triggers: TriggerTable, words: DocWords) -> tuple[Token, Trigger] | None:
    """The act "of" a noun that is no act itself ("a new round [of sanctions]"), with its
    trigger; None if there is none."""
    for preposition in noun.children:
        if words.lower[preposition.i] != "of":
            continue
        for act in preposition.children:
            if words.dep[act.i] == "pobj" and (found := trigger_of(act, triggers, words)):
                return act, found
    return None


def _obliged(token: Token) -> bool:
    """Whether the act is one someone "must" or "should" do: on its own verb, or on the verb
    it is the purpose or complement of ("must ensure security to allow supplies in")."""
    verb = token if token.pos_ == "VERB" else token.head
    while True:
        # Joined verbs share the first's auxiliary ("must abandon ... and accept"); "should"
        # before its subject opens a condition ("[should] Washington join"), no obligation.
        if not _inverted_condition(verb) and any(
            child.dep_ == "aux" and child.lower_ in OBLIGATION
            for child in (*verb.children, *(verb.head.children if verb.dep_ == "conj" else ()))
        ):
            return True
        infinitive = _infinitive(verb)
        if not (verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and infinitive)) or verb.head.i == verb.i:
            return False
        verb = verb.head


def _wanted_by(token: Token) -> Token | None:
    """The verb of wanting (``WANTING``) whose complement, with a subject of its own, the act
    is ("Moscow expected [Kyiv to accept]"); None where the act is no such complement ("Russia
    wants to negotiate" is its own intent) or is the complement's subject, not its act (a
    noun "talks" parsed as the subject of "[talks only to buy time]")."""
    if token.pos_ != "VERB" and token.dep_ in SUBJECTS:
        return None
    verb = token if token.pos_ == "VERB" else token.head
    if verb.dep_ != "ccomp" or verb.head.i == verb.i or verb.head.lemma_.lower() not in WANTING:
        return None
    infinitive = _infinitive(verb)
    own_subject = any(child.dep_ in SUBJECTS for child in verb.children)
    return verb.head if infinitive and own_subject else None


def _named(parties: list[EventActor]) -> list[EventActor]:
    """The parties unless one is a pronoun, whose referent the speaker's parties give."""
    return [] if any(party.text.lower() in PRONOUNS for party in parties) else parties


def _found_by(token: Token) -> Token | None:
    """The verb of finding whose that-clause holds the act ("The panel [found] that the
    restrictions broke the rules"), else None."""
    clause = _reported_by(token)
    return clause if clause is not None and clause.lemma_.lower() in FINDINGS else None


def _reported_by(token: Token) -> Token | None:
    """The verb whose that-clause holds the act ("The forum concluded [that the US must
    allocate ...]"), whose subject lays the obligation; None if it is in no such clause."""
    verb = token if token.pos_ == "VERB" else token.head
    while verb.dep_ in {"xcomp", "advcl"} and verb.head.i != verb.i:
        verb = verb.head
    return verb.head if verb.dep_ == "ccomp" and verb.head.pos_ == "VERB" else None


def _event_type(token: Token, trigger: Trigger, triggers: TriggerTable, words: DocWords) -> str:
    """The trigger's type, as PLOVER counts intent: a promised act is AGREE (a threatened
    one THREATEN, as is any act promised or held possible "unless" something happens, "if"
    it does not: "may come one night if the YPG does not withdraw", or if another uses force:
    "vowed to send Beirut back to the Stone Age if Hezbollah dragged Lebanon into a war"). A
    noun act that qualifies another noun is intended where that noun is ("ready to resume the
    [ceasefire] arrangement")."""
    noun = token.head if token.dep_ == "compound" else token
    verb = noun if noun.pos_ == "VERB" else noun.head
    possible = any(child.dep_ == "aux" and child.lower_ in POSSIBLE for child in verb.children)
    promised = _intended(verb)
    if (possible or promised) and any(
        _unless(clause) or _forceful_condition(clause, triggers, words)
        for clause in verb.children
        if clause.dep_ == "advcl"
    ):
        return "THREATEN"
    # The parser may hang the condition on the verb of promise ("vowed to send ... if").
    promise = verb
    while promised and words.dep[promise.i] == "xcomp" and promise.head.i != promise.i:
        promise = promise.head
        if any(
            words.dep[clause.i] == "advcl" and _forceful_condition(clause, triggers, words)
            for clause in promise.children
        ):
            return "THREATEN"
    if not promised:
        return trigger.event_type
    intended = INTENT.get(trigger.event_type, trigger.event_type)
    return "AGREE" if intended == "THREATEN" and _in_exchange(verb) else intended


def _unless(clause: Token) -> bool:
    """Whether an adverbial clause is the condition of a threat: "unless" it happens, or "if"
    it does not, which says the same ("will come one night if the YPG does not withdraw")."""
    marks = {child.lower_ for child in clause.children if child.dep_ == "mark"}
    negated = any(child.dep_ == "neg" for child in clause.children)
    return "unless" in marks or ("if" in marks and negated)


def _reaction_drawn(token: Token) -> bool:
    """Whether a noun act is the object of a participle that tells what the sentence's act
    drew ("..., [drawing] condemnation from the UN", "[prompting] protests by rights
    groups")."""
    head = token.head
    return (
        token.dep_ == "dobj"
        and head.tag_ == "VBG"
        and head.dep_ in {"advcl", "xcomp", "conj", "acl"}
        and head.lemma_.lower() in REACTION_VERBS
    )


def _named_as(token: Token) -> bool:
    """Whether a noun act, or a noun it tells of, is the name a participle gives the sentence's
    act ("..., calling them a stern [warning] to separatists", "describing it as an act of
    [provocation] sanctioned by the authorities"): another's word for the act, not an act."""
    for word in (token, *token.ancestors):
        if word.dep_ == "pobj" and word.head.lower_ == "as":
            word = word.head
        elif word.dep_ != "oprd":
            continue
        head = word.head
        return (
            head.tag_ == "VBG"
            and head.dep_ in {"advcl", "xcomp", "conj"}
            and head.lemma_.lower() in NAMING_VERBS
        )
    return False


def _threat_on_condition(token: Token, trigger: Trigger) -> Token | None:
    """The verb of the main clause where an act of force is only its condition and that
    clause says what a party will or would do, no trigger naming it ("it would [shut] the
    Hormuz waterway should Washington join the bombing"); None otherwise. Its subject must be
    a party by a pronoun or a name ("prices would rise if Israel struck" is no one's threat)."""
    if trigger.event_type not in FORCE:
        return None
    for word in (_act_of(token), *_act_of(token).ancestors):
        if word.dep_ != "advcl":
            continue
        main = word.head
        if not _if_condition(word) or main.pos_ != "VERB" or is_negated(main):
            return None
        subjects = [child for child in main.children if child.dep_ == "nsubj"]
        coming = any(child.dep_ == "aux" and child.lower_ in TO_COME for child in main.children)
        party = bool(subjects) and (subjects[0].pos_ == "PROPN" or subjects[0].lower_ in PARTY_PRONOUNS)
        return main if coming and party else None
    return None


def _forceful_condition(clause: Token, triggers: TriggerTable, words: DocWords) -> bool:
    """Whether an adverbial clause is a condition ("if", or "should" before its subject) whose
    act is one of force (``FORCE``): its verb, its object or the noun of one of its
    prepositions ("if the United States [attacks]", "should Washington join the [bombing]",
    "if Hezbollah dragged Lebanon into a [war]"); not "if the war ends", whose force is its
    subject, nor a condition of consent ("if Khartoum gives its consent")."""
    if not _if_condition(clause) or any(words.dep[child.i] == "neg" for child in clause.children):
        return False
    objects = (child for child in clause.children if words.dep[child.i] in {"dobj", "prep"})
    acts = (
        clause,
        *(
            word
            for child in objects
            for word in ((child,) if words.dep[child.i] == "dobj" else child.children)
            if words.dep[word.i] in {"dobj", "pobj"}
        ),
    )
    return any(
        words.lemma[act.i] in FORCE_NOUNS
        or ((trigger := trigger_of(act, triggers, words)) is not None and trigger.event_type in FORCE)
        for act in acts
    )


def _under_pressure(token: Token) -> bool:
    """Whether the act's clause, or a clause it is in, is done "under pressure" ("[Under
    pressure from the strikers], the government recognised the union")."""
    verb = token if token.pos_ == "VERB" else token.head
    under = (
        word
        for clause in (verb, *verb.ancestors)
        for child in clause.children
        if child.dep_ == "prep" and child.lower_ == "under"
        for word in child.children
    )
    return any(word.lemma_.lower() == "pressure" for word in under)


def _prepared_attack(token: Token) -> bool:
    """Whether an attack is what its party prepares to do ("The army [prepared] to resume
    shelling"): forces readied, PLOVER's MOBILIZE, not yet the attack; not "is prepared to",
    a readiness (``INTENT_WORDS``)."""
    verb = token if token.pos_ == "VERB" else token.head
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_.lower() == "prepare" and verb.pos_ == "VERB" and verb.dep_ != "acomp":
            return True
    return False


def _or_else(token: Token) -> bool:
    """Whether the act is demanded on pain of another ("to withdraw [or face] consequences"):
    its verb, or the act it gives time for ("gave them a month [to pay ... or face]"), is
    joined by "or" to "face"."""
    verb = token if token.pos_ == "VERB" else token.head
    demanded = (verb, *(child for child in verb.children if child.dep_ in {"xcomp", "advcl"}))
    return any(
        any(child.dep_ == "cc" and child.lower_ == "or" for child in act.children)
        and any(joined.lemma_.lower() == "face" for joined in act.conjuncts)
        for act in demanded
    )


def _negated(token: Token) -> bool:
    """Negated in its clause: a negation on the trigger or the verbs it hangs on ("did not
    sign"), a subject that is no one ("Nobody in Ukraine will sign", "no country has
    recognised"), or a refusal or failure it is the act of ("refused to sign", "failed to
    agree")."""
    if is_negated(token):
        return True
    verb = token if token.pos_ in {"VERB", "AUX"} else token.head
    if _intent_denied(verb):
        return True
    while True:
        for child in verb.children:
            if child.dep_ in SUBJECTS and (
                child.lower_ in NEGATIVE_PRONOUNS
                or any(word.dep_ == "det" and word.lower_ in {"no", "neither"} for word in child.children)
            ):
                return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
        if verb.lemma_.lower() in REFUSALS:
            return True


def _intent_denied(verb: Token) -> bool:
    """Whether an act is the infinitive of a noun of intent that is denied ("had [no] plans to
    send weapons", "has [no] intention to impose sanctions"): no promise, a refusal."""
    noun = verb.head
    return (
        verb.dep_ in {"acl", "relcl", "advcl"}
        and noun.lemma_.lower() in INTENT_NOUNS
        and any(child.dep_ == "det" and child.lower_ == "no" for child in noun.children)
    )


def _refused(token: Token, event_type: str) -> bool:
    """Whether a negated act is refused, not merely denied: for the future or as an intent
    ("will not accept", "won't sign", "is not ready to sign"), a stance in the present ("does
    not accept", ``STANCES``), or as the act of a refusal or
    failure ("refused to sign", "failed to reach an agreement"); not a past act that did not
    happen ("never withdrew", "has not recognised"), nor one in a conditional ("would not
    accept", marked hypothetical instead)."""
    verb = token if token.pos_ in {"VERB", "AUX"} else token.head
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ == "aux"}
    if auxiliaries & PRESENT_DO and event_type in STANCES:
        return True
    # Reported speech moves "will" back to "would" ("Pashinyan said Yerevan would not accept"):
    # in a clause someone says, "would" is the future of the act refused.
    reported_future = "would" in auxiliaries and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SAYING
    if auxiliaries & FUTURE or reported_future or (_intended(verb) and "would" not in auxiliaries):
        return True
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_.lower() in REFUSALS:
            return True
    return False


def _ruled_out(token: Token) -> bool:
    """Whether the act is the subject of a predicate that rules it out ("removing the sanctions
    is out of the question", "a withdrawal is unacceptable"): refused, a rejection (REJECT)."""
    act = token if token.pos_ == "VERB" or token.dep_ in SUBJECTS else token.head
    if act.dep_ not in {"csubj", "nsubj"} or act.head.lemma_ != "be":
        return False
    return any(
        (word.dep_ == "acomp" and word.lower_ in RULED_OUT)
        or (word.dep_ == "prep" and word.lower_ == "out" and _of_the_question(word))
        for word in act.head.children
    )


def _of_the_question(out: Token) -> bool:
    return out.doc[out.i + 1 : out.i + 4].text.lower() == "of the question"


def _by_token(starts: list[int], spans: Iterable[tuple[int, int, Attribution]]) -> dict[int, Attribution]:
    """By token index, the first attribution whose span (start, end) holds the token's
    start (``starts``: the document's tokens', in order): the one whose cue a trigger is, or
    whose content reports it."""
    found: dict[int, Attribution] = {}
    for start, end, attribution in spans:
        for i in range(bisect_left(starts, start), bisect_left(starts, end)):
            found.setdefault(i, attribution)
    return found


def _intended(token: Token) -> bool:
    """A future or intended act: "will support", "is ready to withdraw", "offered to mediate";
    a verb with no auxiliary of its own joined to one has its future ("will consider it an act
    of war and [respond] with full force")."""
    if any(child.lower_ in TO_COME for child in _auxiliaries_of(token)):
        return True
    head = token
    while head.head.i != head.i and (head.dep_ in {"xcomp", "acomp"} or _purpose(head)):
        # "Syria is to release": an act arranged to come.
        if head.dep_ == "xcomp" and head.head.lemma_ == "be":
            return True
        head = head.head
        if head.pos_ == "NOUN":
            # "expressed readiness [to grant]": an infinitive of a noun of intent.
            if head.lemma_.lower() in INTENT_NOUNS:
                return True
            # "would take measures [to crush]": the measures are the verb's, whose future it is.
            if head.dep_ == "dobj":
                head = head.head
        # "would start executing", "will begin to withdraw": the future is on the verb of
        # beginning the act.
        if head.lemma_.lower() in INTENT_WORDS or any(
            child.dep_ == "aux" and child.lower_ in TO_COME for child in head.children
        ):
            return True
    return False


def _auxiliaries_of(verb: Token) -> list[Token]:
    """A verb's auxiliaries, or, for a verb joined to another with none of its own, that
    verb's ("will consider ... and [respond]")."""
    own = [child for child in verb.children if child.dep_ == "aux"]
    if own or verb.dep_ != "conj" or verb.head.i == verb.i:
        return own
    return [child for child in verb.head.children if child.dep_ == "aux"]


def _purpose(verb: Token) -> bool:
    """Whether a verb is an infinitive that tells what another act is for or of ("vowed in a
    speech [to target]", "to use its influence [to win] the release", "readiness [to grant]",
    "measures [to crush]"): intended where that act is."""
    return verb.dep_ in {"advcl", "acl", "relcl"} and _infinitive(verb) and not _has_mark(verb)


def _infinitive(verb: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def _in_exchange(verb: Token) -> bool:
    """Whether an act, or an act it is promised by or for, is done "in return for" or "in
    exchange for" something ("promised to drive them out [in return for] weapons")."""
    while True:
        exchanged = (
            means
            for child in verb.children
            if child.dep_ == "prep" and child.lower_ == "in"
            for means in child.children
        )
        if any(means.lemma_.lower() in EXCHANGE_NOUNS for means in exchanged):
            return True
        if verb.head.i == verb.i or not (verb.dep_ in {"xcomp", "ccomp"} or _purpose(verb)):
            return False
        verb = verb.head


def _end_of_words(sentence: SpacySpan) -> int:
    """Where a sentence's last word ends (spaCy counts the line breaks after it in)."""
    last = next((token for token in reversed(sentence) if not token.is_space), sentence[-1])
    return last.idx + len(last.text.rstrip())


def _distance_from_root(token: Token) -> tuple[bool, bool, int, int]:
    """Whether a trigger's act is in a relative clause, whether in an adverbial clause, how
    far it is from the root of its parse, then where it is in the text: sorted by it, the
    main act comes first, then one of a clause of purpose, condition or time ("went on a
    hunger strike [to protest]", "ready to observe a truce [if Russian forces halted their
    bombardment]", "put on high alert [after India struck]"), however near the root, and an
    act a relative or participle clause only tells of a party ("Pakistan, [which has fought
    three wars with India], said it was ready for talks", "Protesters [opposed to the bill]
    stormed parliament") last."""
    act = _act_of(token)
    path = (act, *act.ancestors)
    describes = any(map(_describes_noun, path)) or any(
        # not the verb the parser hung on it as its clause
        (main := main_verb_of_participle(word)) is not None
        and (at == 0 or (path[at - 1].dep_ != "ccomp" and path[at - 1].i != main.i))
        for at, word in enumerate(path)
    )
    return describes, any(map(_marked_clause, path)) or any(map(_background, path)), _depth(act), token.i


def _set_back(token: Token) -> bool:
    """Whether a trigger's act is in a clause a conjunction opens as a condition or a time
    ("[as long as] Stockholm allowed", "[when] Amin expelled them"), one an auxiliary before
    its subject makes a condition, or after a preposition of background ("[after] weeks of
    protests"): not the main clause's act. Not a clause of purpose ("gathered [to denounce]"),
    which may tell the act itself."""
    act = _act_of(token)
    return any(
        _background(word) or _inverted_condition(word) or (word.dep_ == "advcl" and _has_mark(word))
        for word in (act, *act.ancestors)
    )


def _describes_noun(verb: Token) -> bool:
    """Whether a verb heads a clause that tells of a noun: a relative clause ("Pakistan, [which
    has fought three wars with India]"; not an infinitive of purpose, "measures [to crush]") or
    a participle's ("Protesters [opposed to a finance bill] stormed", "refugees [fleeing
    fighting]", "classmates [expelled after clashes]")."""
    return (verb.dep_ == "relcl" and not _purpose(verb)) or (
        verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBG"} and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}
    )


def _told_of_unnamed_doer(token: Token) -> bool:
    """Whether an act is in a past participle's clause that tells of a noun and names no doer
    ("six nuns [abducted] from a bus", "classmates [expelled after clashes with the wing]"; not
    "supplies [provided by China]")."""
    act = _act_of(token)
    return any(
        word.dep_ == "acl"
        and word.tag_ == "VBN"
        and word.head.pos_ in {"NOUN", "PROPN", "PRON"}
        and not any(child.dep_ == "agent" for child in word.children)
        for word in (act, *act.ancestors)
    )


def _marked_clause(verb: Token) -> bool:
    """Whether a verb heads an adverbial clause marked by a conjunction or "to" ("[if Russian
    forces halted]", "[to protest]") or by an auxiliary before its subject ("[should Washington
    join]"), not a participle's ("..., [accusing him of]"), which may tell the act itself."""
    return verb.dep_ == "advcl" and (
        any(child.dep_ in {"mark", "aux"} and child.tag_ in {"IN", "TO"} for child in verb.children)
        or _inverted_condition(verb)
    )


def _if_condition(clause: Token) -> bool:
    """Whether an adverbial clause is a condition by "if" or by an auxiliary before its
    subject ("if Israel struck", "should Washington join the bombing")."""
    return any(child.dep_ == "mark" and child.lower_ == "if" for child in clause.children) or (
        _inverted_condition(clause)
    )


def _inverted_condition(verb: Token) -> bool:
    """Whether a clause is a condition by its auxiliary before the subject ("[should] Washington
    join the bombing", "[had] they known", "[were] it to fall"); also where the parser hung it on
    the noun before it as a relative clause ("becomes a legitimate target [should] Washington
    strike Yemen"): no relative clause puts its auxiliary before its subject."""
    if verb.dep_ not in INVERTIBLE:
        return False  # most words: no need of their children
    subjects = [child.i for child in verb.children if child.dep_ in SUBJECTS]
    return bool(subjects) and any(
        child.dep_ in {"aux", "auxpass"} and child.lower_ in CONDITION_AUXILIARIES and child.i < min(subjects)
        for child in verb.children
    )


def _background(word: Token) -> bool:
    """Whether a word is a preposition that sets an act as the background of the sentence's
    own ("closed its airspace [after] the Pahalgam attack", "accepted the resignation [after]
    protests", "redeployed brigades [ahead of] the joint exercises", "[in response to] the
    buildup"), or a verb's form that opens a condition ("[provided] the United States dropped
    its threats"): ranked as an act of a clause of time or purpose is."""
    if _as_conjunction(word):
        return True
    if word.dep_ != "prep":
        return False
    lower, head = word.lower_, word.head.lower_
    return (
        lower in BACKGROUND or (lower == "of" and head == "ahead") or (lower == "to" and head == "response")
    )


def _act_of(token: Token) -> Token:
    """The light verb whose object a noun trigger is, directly, after "of" or as one of
    joined objects ("declared [a state of] siege", "imposed sanctions", "launched artillery
    and rocket fire"): the act stands where its verb does."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "dobj":
        token = token.head.head
    while token.dep_ == "conj" and token.pos_ in {"NOUN", "PROPN"} and token.head.pos_ in {"NOUN", "PROPN"}:
        token = token.head  # one of joined objects ("launched artillery, mortar and rocket fire")
    if token.dep_ in CARRIED and token.head.lemma_.lower() in LIGHT_VERBS:
        return token.head
    return token


def _depth(token: Token) -> int:
    """How far a word is from the root, not counting a complement's step to the word it
    completes: "was [willing] [to open] negotiations" is as near as "opened negotiations" (the
    act is the clause's own), nearer than a participle's "..., reversing years of refusal". An
    infinitive after a verb's object is its purpose, however parsed ("began a hunger strike
    [to press]"): a step."""
    depth, head = 0, token.head
    while head.i != token.i:
        depth += token.dep_ not in COMPLEMENTS or any(child.dep_ == "dobj" for child in head.children)
        token, head = head, head.head
    return depth
