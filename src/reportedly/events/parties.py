"""Code an event's parties: who acts and who is acted on, and their actor codes.

From the parse (``parties_of``): the trigger's subject is the actor and its object, or the
noun after "to", "against", "on" or "with", the recipient; a passive swaps them ("was
attacked by"), and "and" joins several ("Russia and Ukraine agreed"). Each party keeps the
entity whose mention its words hold. An attribution's speaker can stand as a party
(``speaker_parties``). Actor codes come later, with the publication date (``code_parties``):
the entity's code, else the code the party's words give, else, for an official no
dictionary places, the country the sentence names.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from reportedly.attribution.lexicon import data_lines, word_set
from reportedly.events.places import LAND_AND_WATER, city_country, city_country_of_name
from reportedly.model import Actor, Attribution, Entity, Event, EventActor, Extraction, Span
from reportedly.nlp.datelines import DATELINE, DATELINE_WORDS, opening_dateline
from reportedly.nlp.stamps import POST_STAMP
from reportedly.nlp.trees import SUBJECTS, subtree_without_clauses
from reportedly.resolve.actors import MISTYPED, SURNAME_PARTICLES, TRANSNATIONAL, ActorCoder
from reportedly.resolve.dictionaries import english_plural
from reportedly.resolve.entities import DATE_LABELS
from reportedly.resolve.metonyms import GOVERNMENT_NOUNS, stands_for_government
from reportedly.resolve.nominals import HUMAN_NOUNS, PLACE_LABELS, STATE_ORGAN_NOUNS
from reportedly.resolve.offices import shipped_office_holders

RECIPIENT_PREPOSITIONS = frozenset(
    {"to", "against", "on", "with", "into", "toward", "towards", "from", "at", "in"}
)
# The code of rebel groups the dictionaries place in no country ("Islamic Salvation Front").
STATELESS = "INT"
# Prepositions after a noun act that say whom it is aimed at ("sanctions against Iran").
AIMED_PREPOSITIONS = frozenset({"against", "on", "toward", "towards"})
# Prepositions of the place of an act, not of its recipient, on the verb a noun act hangs on.
PLACE_PREPOSITIONS = frozenset({"in", "at"})
# Prepositions that say where a thing is ("a checkpoint near Srinagar", "a bus in Karachi").
LOCATING = PLACE_PREPOSITIONS | {"near", "outside", "inside", "around", "off"}
# Inside a noun, the party an act is about: "the removal of X", "an appeal by X".
NOUN_PREPOSITIONS = frozenset({"of", "by"})
NOUNS = frozenset({"NOUN", "PROPN"})
# Entity types of names that can act.
NAMED = frozenset({"GPE", "ORG", "NORP", "PERSON"})
# Verbs with an object whose infinitive their subject does ("promised Ukraine to deliver";
# an instrument's: "used tear gas to disperse protesters").
SUBJECT_CONTROL = frozenset({"promise", "pledge", "vow", "swear", "guarantee", "threaten", "use", "employ"})
# Verbs whose object is the place their subject goes into or takes, whose infinitive is their
# subject's purpose ("South African troops entered Lesotho [to quell] a mutiny": the troops).
ENTERING = frozenset(
    {"enter", "invade", "cross", "visit", "reach", "tour", "storm", "occupy", "overrun", "raid"}
)
# Relations the parse gives a subject it took for an adverb or a modifier ("[Turkey] massed
# troops", "[USAID] deployed").
ADVERBIAL_NAMES = frozenset({"npadvmod", "advmod", "nmod", "dep"})
# Entity types of persons and organisations.
AGENTS = frozenset({"PERSON", "ORG"})
# Entity types of states and peoples.
STATES = frozenset({"GPE", "NORP"})
# Entity types of places that are no state: seas, regions, buildings. A state's or a city's
# name that qualifies a noun often stands for its government ("the Khartoum government").
REGIONS = frozenset({"LOC", "FAC"})
# Words that qualify the noun after them ("[Black Sea] talks", "the [Zaporizhzhia] plant").
MODIFIERS = frozenset({"compound", "nmod"})
# Nouns of places that a place's name qualifies as itself ("the Golan Heights area").
PLACE_NOUNS = LAND_AND_WATER | {"area", "areas", "zone", "border", "territory", "territories"}
# Verbs whose subject causes the act that is their object, not does it ("the killing
# prompted air strikes", "the arrest sparked riots").
CAUSING = frozenset({"prompt", "spark", "trigger", "provoke", "cause", "fuel", "ignite"})
# Verbs of talking, whose object is what is talked about ("discuss a prisoner exchange").
TOPIC_VERBS = frozenset({"discuss", "debate"})
# The sector of a political party no dictionary knows (``_named_party``).
UNKNOWN_PARTY = "OPP"
# The rank of a recipient candidate that names no one (``_recipient_rank``).
UNNAMED = 2
# The dictionaries' prefix of a union's republics before their own codes (USRAZE, USRARM:
# the Soviet Union's, dated before 1991).
UNIONS = frozenset({"USR"})
# The dictionaries' multinational firms (MNCUSA: of the USA) and PLOVER's business sector.
FIRM = "MNC"
BUSINESS = "BUS"
# Sectors of actors that belong to a country: its institutions, and the parties and armed
# groups that act in it, and people as such ("20 people" killed in Colombo: PPL), clerics,
# doctors and business people ("Gunmen in Karachi killed a Shiite cleric": PAKREL). A party
# in one ("the army", "President X", "a terror group") that no dictionary places is placed
# in the country its sentence names; journalists too, as a group (``code_parties``).
PLACED_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "ELI", "OPP", "REB", "PTY", "UAF"}
    | {"CVL", "EDU", "LAB", "PPL", "AGR", "REL", "HLH", "BUS"}
)
# Events whose place is a venue, where the parties meet, not what is acted on: "gather in
# Brussels", "talks in Geneva". The place is no recipient of theirs, nor the country of a
# party no dictionary places. Of other acts, the gold sets' recipients are often where they
# are done ("resigned ... in Peru", "an appeal to help people in Ethiopia", "aid to
# refugees in Liberia", "killed 52 people in London").
VENUE_TYPES = frozenset({"CONSULT"})
# Verbs whose object is the weapon used, not whom it is used on (``_fired``).
FIRING_VERBS = frozenset({"fire", "launch", "lob", "drop", "hurl", "throw", "shoot", "detonate"})
# Of those, groups of people rather than officials ("students", "villagers", "rebels", "people"): they
# are where the act happens or of the state that acts on them or that they act against,
# not of a country named only as the aim of something ("students protesting the sending of
# troops to Iraq" are no Iraqis).
GROUP_SECTORS = frozenset({"CVL", "EDU", "LAB", "OPP", "REB", "UAF", "PPL", "AGR"})
# Criminals (bandits, kidnappers, gangs, cartels) that act are a group of where they act, as
# armed groups are ("Bandits abducted 276 schoolgirls in Chibok"); those acted on are not
# placed: they are as often sent or handed over abroad ("extradited the drug lord").
CRIMINAL = frozenset({"CRM"})
# Words before a name that make it the place of an act, not a party to it ("in Paris", "in
# southern Afghanistan").
PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|into|outside|around|across|throughout|inside)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central)(?:ern|-?east(?:ern)?|-?west(?:ern)?)?\s+)?$",
    re.I,
)
# "ethnic" and the people it qualifies ("ethnic Albanian guerrillas", "Ethnic Turks").
# Words before a name that say where something is by it, no party to the act ("kidnapped
# [east of] Port-au-Prince", "50 km [north-west of] Baghdad"): where a party no dictionary
# places is.
BEARING_BEFORE = re.compile(r"\b(?:north|south|east|west)(?:-?east|-?west)?\s+of\s+$", re.I)
_ETHNIC = re.compile(r"\b[Ee]thnic\s+([A-Z][\w-]*)")
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
# The state agents a bloc of a region's states acts by ("West African [leaders]", "Baltic
# [states]", "European [creditors]"): a region's people ("European tourists") stay uncoded.
_BLOC_AGENTS = frozenset(
    {
        "leader",
        "mediator",
        "minister",
        "state",
        "nation",
        "government",
        "creditor",
        "envoy",
        "negotiator",
        "neighbour",
        "neighbor",
        "power",
    }
)
# The sector of news outlets and agencies.
MEDIA = frozenset({"MED"})
# "The West" as a party: the state the gold sets code it as (``_the_west``).
_THE_WEST = re.compile(
    r"[Tt]he\s+West|(?:[Tt]he\s+)?Western\s+(?:capitals|countries|powers|governments|nations|states|allies)"
)
WESTERN_STATE = "USA"
# The sector of a state's government; a state's "side" in translated state-wire English
# ("the Chinese side demands", "the Russian side handed over") is its government.
GOVERNMENT = "GOV"
STATE_SIDE = "side"
# The sector of non-governmental organisations, which are of no one country.
NON_GOVERNMENTAL = "NGO"
# A government named by its leader ("the Modi government", "the Erdogan administration").
_LEADERS_GOVERNMENT = re.compile(
    r"(?:[Tt]he\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:government|administration|cabinet)$"
)
# The place a town's words around it say it is in: before "town of" ("the Russian town of"),
# after it set off by commas ("Tawila, North Darfur,"), or after "in" ("in Haiti's Artibonite
# department"), within TOWN_REACH characters.
_PLACE_WORDS = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
_TOWN_OF = re.compile(
    rf"(?P<where>{_PLACE_WORDS})\s+(?:border\s+|frontline\s+|front-line\s+)?"
    r"(?:town|village|city|district|camp|settlement|port|area)\s+of\s+$"
)
_TOWN_IN = re.compile(
    rf"(?:,\s+(?=(?:{_PLACE_WORDS})\s*(?:[,.;)]|$))"
    r"|\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)(?:ern)?\s+)?)"
    rf"(?P<where>{_PLACE_WORDS})"
)
TOWN_REACH = 60
# Entity types of towns and sites an act is done to; not seas, straits or regions (LOC: "the
# Strait of Hormuz", "the West"), which are of no one country.
TOWN_LABELS = frozenset({"GPE", "FAC"})
# Last words of newspapers' names ("the Daily News", "the Weekly Mail", "the Sunday Times").
MASTHEAD_WORDS = frozenset(
    {"news", "mail", "times", "post", "herald", "tribune", "gazette", "journal", "telegraph", "chronicle"}
)
# The noun of a news outlet just before its name ("the newspaper La Prensa", "the news site
# Tut.by", "the TV channel Dozhd").
_OUTLET_BEFORE = re.compile(
    r"\b(?:newspaper|daily|weekly|magazine|broadcaster|news\s+(?:site|website|portal|agency|outlet)|"
    r"(?:TV|television|radio)\s+(?:channel|station))\s+$"
)
LEADING_THE = re.compile(r"^[Tt]he\s+")
# Words that name a party as the occupier or a settler of the land it is in ("occupation
# forces", "the occupying army", "settler leaders", "Colonists").
_OCCUPIER = re.compile(r"\b(?:occupation|occupying|occupiers?|settlers?|colonists?)\b", re.I)
# A speaker's own country by a pronoun ("his country", "our nation"): the speaker's, as a party.
# A party a possessive pronoun opens ("its border posts", "their embassy").
_SPEAKERS_OWN = re.compile(r"(?:(?:one|some|many|most|all) of\s+)?(?:its|their|his|her)\s", re.I)
_NEIGHBOUR = re.compile(r"(?:its|their|both)\s+(?:[\w-]+\s+){0,2}?neighbou?rs?", re.I)
_OWN_COUNTRY = re.compile(r"(?:his|her|its|their|our|my)\s+(?:own\s+)?(?:country|nation)", re.I)
# A place after the head of a party's words ("the Iraqi embassy [in Kabul]", "the Egyptian
# ambassador [from Khartoum]").
PLACE_AFTER_HEAD = re.compile(r"\s+(?:in|at|near|inside|outside|from)\s")
# In an actor's words, also what its act is aimed at ("An Israeli strike [on] Beirut's southern
# suburbs killed": Israel's, not Lebanon's).
_AIM_AFTER_HEAD = re.compile(r"\s+(?:on|against)\s")
AIMED_AFTER_HEAD = re.compile(f"{PLACE_AFTER_HEAD.pattern}|{_AIM_AFTER_HEAD.pattern}")
# What follows the head of a party's words: a phrase after a preposition or a comma.
AFTER_HEAD = re.compile(r"\s+(?:of|in|from|at|on|for|with|near)\s.*|,\s.*", re.S)
# What follows a comma after a party's words: an apposition, a clause or the next party.
_AFTER_COMMA = re.compile(r",\s.*", re.S)
# Words of quantity before the party proper ("Thousands of Nigerians").
QUANTITIES = frozenset(
    {"thousands", "hundreds", "millions", "dozens", "tens", "scores", "some", "many", "most"}
)
# Nouns of a salvo or a column of weapons or forces, after "a", before what acts ("A wave of
# Ukrainian drones set the refinery ablaze", "a convoy of Turkish tanks crossed").
SALVOS = frozenset(
    {"wave", "barrage", "swarm", "salvo", "volley", "hail", "flurry", "convoy", "column", "fleet"}
    | {"squadron", "flotilla", "battery"}
)
_POSSESSIVE = re.compile(r"['’]s?$")
_BRACKETS = re.compile(r"\s*\([^)]*\)")
# Pronoun objects that stand for a person named before them.
PERSON_OBJECTS = frozenset({"him", "her"})
# Heads of prepositions whose noun is no party to the act but who reports it or why it was
# done ("according to TASS", "thanks to Qatar's mediation", "due to the war").
NO_PARTY_PREPOSITIONS = frozenset({"according", "thanks", "due", "owing", "prior", "next", "close"})
# Nouns of a relation to another party ("Israel's militia ally in southern Lebanon", "Iran's
# proxies"): the possessor is the other side of the relation, not whom the noun names.
RELATIONAL = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:all(?:y|ies)|counterparts?|rivals?|enem(?:y|ies)|foes?|"
    r"neighbou?rs?|partners?|prox(?:y|ies)|adversar(?:y|ies)|opponents?|client)\b"
)
# A name after "to" in a party's words is whom it is sent or accredited to ("Egypt's
# ambassador to Israel", "the U.S. envoy to the United Nations"), the other side.
_DESTINATION = re.compile(r"\bto\s+(?:the\s+)?$")
_HOLDING = re.compile(r"-(?:held|controlled|occupied|run)\b")
_OWNER_ENDING = re.compile(r"['’]s?|" + _HOLDING.pattern)
# Participles that name who backs a party ("rebels [backed by Rwanda]"), not who acts.
BACKING = frozenset({"back", "support", "sponsor", "fund", "finance", "arm", "train"})
# The name that owns a relational noun, in a party's words ("Israel's" of "Israel's militia ally").
_RELATION_OWNER = re.compile(r"\b[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s?(?=" + RELATIONAL.pattern + ")")
# A country named only as the other side of a border ("a guerrilla stronghold on the Thai
# border"): what is there is usually on the near side, in the country the sentence is about.
_BORDER = re.compile(r"\s*\b(?:on|near|along|across|at|by|to)\s+the\s+(?:[a-z-]+\s+)?[A-Z][\w-]*\s+border\b")
_BORDER_AFTER = re.compile(r"\s+border\b")
# A name that qualifies a building or post of its state after it ("at the U.S. [embassy] in
# Athens", "the Iraqi military [base]"): the place is where that is, not the state.
_POST_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:embass(?:y|ies)|consulates?|bases?|missions?|headquarters|compounds?|"
    r"offices?|outposts?|garrisons?)\b"
)
# Entity types of names that own a noun act they qualify: "EU sanctions", "Israeli air
# strikes" (not a state's name, which as often says whom the act is against: "Iran
# sanctions", "the Gaza ceasefire").
QUALIFYING_OWNERS = {"compound": frozenset({"ORG"}), "amod": frozenset({"NORP"})}
# Acts a people's adjective says are its state's ("Israeli air strikes", "Russian troop
# build-up", "Palestinian protests", "Australian aid"); of others it says what they are about
# ("the Chinese probe" landed, "the Iranian nuclear deal").
PEOPLES_ACTS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "THREATEN", "AID"})
# Prepositions after a plural noun that say whose its members are ("the governments of Mali
# and Niger", "Officials from Ethiopia and Eritrea").
OWNING = frozenset({"of", "from"})
# Verbs of belief whose "to be" says what a party is ("Gunmen believed to be from Pakistan").
BELIEVED = frozenset(
    {"believe", "suspect", "think", "say", "report", "know", "allege", "understand", "presume"}
)
# Words that open a clause saying when a passive's act was done, whose subject did it.
CAUSE_MARKS = frozenset({"when", "after", "as"})
# Acts joined subjects do to each other ("Armenian and Azerbaijani forces exchanged fire").
MUTUAL = frozenset({"exchange"})
# The words of a reciprocal object, whose recipients are its verb's actors.
RECIPROCALS = ({"each", "other"}, {"one", "another"})
# Nouns that count the people after their "of" ("dozens of students", "a group of monks").
COUNTING_NOUNS = frozenset(
    {"dozen", "hundred", "thousand", "million", "score", "ten", "number", "group", "handful"}
)
# Nouns of what someone decides or proposes ("Turkey's decision", "Eritrea's proposal").
DECISIONS = frozenset(
    {"decision", "proposal", "plan", "offer", "move", "policy", "position", "stance", "bid", "refusal"}
    | {"call", "request", "demand", "initiative", "action", "crackdown", "effort", "campaign", "conduct"}
    | {"bill", "law", "legislation", "reform"}
)
# Nouns of asking or backing, and the prepositions that make them the circumstance of an
# act ("at the request of", "under pressure from", "with the backing of"); not "despite",
# against whom the act goes ("declined to resign despite pressure by the Commission").
ASKING = frozenset(
    {
        "request",
        "invitation",
        "behest",
        "urging",
        "insistence",
        "pressure",
        "initiative",
        "backing",
        "auspices",
    }
)
CIRCUMSTANCES = frozenset({"at", "on", "upon", "under", "with", "after", "following"})
# What a party's phrase leaves out: its relative clauses, appositions and what "and" joins.
PHRASE_CUT = frozenset({"relcl", "appos", "acl", "conj", "cc"})
# People held by a state ("freed more than 9,000 [prisoners]"): civilians, as the gold sets code
# them, of the state that holds them; the dictionaries give only "political prisoner" (OPP) and
# prisoners of war (MIL).
HELD_PEOPLE = frozenset({"prisoner", "prisoners", "inmate", "inmates"})
CIVILIANS = "CVL"
# Nouns of people and bodies an act can be done to ("released 37 [prisoners]", "aid to 550
# [households]", "urges [the government]"): parties, though no dictionary codes them, unlike
# things ("restrictions", "aid").
PARTY_NOUNS = (
    HUMAN_NOUNS
    | word_set("political_bodies.txt")
    | {"people", "person", "family", "household", "population", "community", "rebel", "troop", "opposition"}
)
# Nouns of a state's bodies and forces, whose posts and convoys stand for them ("a police
# station", "an army camp", "a military convoy").
FORCES = word_set("political_bodies.txt") | {"military", "navy", "naval"}
# Verbs of handing a person over to another's justice, whose recipient is whom they are handed
# to ("extradited a suspect to France"), not the person (unlike "handed over 50 prisoners to
# Qatar", a release).
HANDING_OVER = frozenset({"extradite"})
# Verbs of handing over whose recipient is whom a named person is handed to ("handed
# Duterte over to the ICC"), not the person; people they name not ("handed three hostages to
# the Red Cross", a release).
HANDING_PERSONS = frozenset({"hand", "surrender", "transfer", "deliver"})
# Verbs of putting a member out of an organisation, which does it (``_excluding_body``).
EXCLUDING = frozenset({"suspend", "expel", "exclude", "ban", "bar", "oust", "eject"})
# Acts of giving way, whose recipient is who pressed for them (``_pressing``).
YIELDING = frozenset({"CONCEDE", "RETREAT"})
# Nouns of pressure and protest, and verbs of protest, whose source presses for a concession.
PRESSURE_NOUNS = frozenset({"pressure", "protest", "demand", "demonstration", "strike", "outcry", "uprising"})
PROTEST_VERBS = frozenset({"march", "protest", "rally", "demonstrate", "strike", "riot"})
# People by their protest, whose act "after" or "as" a concession is made pressed for it
# ("resigned after [protesters] stormed parliament").
PROTESTER_NOUNS = frozenset({"protester", "protestor", "demonstrator", "striker", "marcher", "rioter"})
# Nouns of a place that its name after "of" says which it is ("in the town of Moura", "in the
# waters of the Persian Gulf"): the name is the act's place as the noun is.
NAMED_PLACE_NOUNS = frozenset(
    {"town", "village", "city", "district", "province", "region", "governorate", "county", "port"}
    | {"settlement", "area", "waters", "outskirts", "suburb", "suburbs", "state", "island"}
)
# Verbs of giving way to someone ("bowing to students", "yielding to indigenous leaders").
GIVING_WAY = frozenset({"bow", "yield", "cave", "succumb", "bend"})
# Conjunctions of a clause that says what a concession came after or with.
CONCESSION_MARKS = frozenset({"as", "after"})
# The same in the singular and the plural ("prisoner", "families", "fishermen").
PARTY_NOUN_FORMS = PARTY_NOUNS | frozenset(map(english_plural, PARTY_NOUNS))
# Peacekeepers by their noun ("54 Zambian peacekeepers", "Pakistani peacekeeping troops"), and
# the UN named in a sentence ("UN", "U.N.", "United Nations"): a state's contingent of a UN
# force serves the UN (``_un_contingent``).
_PEACEKEEPERS = re.compile(
    r"\bpeace-?keep(?:ers?|ing\s+(?:troops|forces?|soldiers|contingents?))\b|\bblue[- ]helmets?\b", re.I
)
_UNITED_NATIONS = re.compile(r"\b(?:U\.N\.|UN\b|United Nations\b)")
UN_FORCE = "IGOUNOMIL"
UN_BODY = "IGOUNO"  # the code of the UN's bodies and missions begins so
# Participles of an act's toll ("attacked the town of Mirebalais, killing dozens of
# residents"), and the places an act may be aimed at whose toll names the people it was done
# to (``_toll_of``).
TOLL_VERBS = frozenset({"kill", "wound", "injure", "leave"})
SITES = frozenset(
    {"town", "village", "city", "camp", "hotel", "outpost", "base", "market", "mosque", "church"}
    | {"school", "hospital", "compound", "building", "house", "home", "district", "neighbourhood"}
)
# Words that make a clause the condition of a threat ("unless Washington dropped its demand",
# "if the Lithuanian side insists", "should Washington join"): whoever it names is the one
# threatened (``_condition_subject``).
CONDITION_MARKS = frozenset({"if", "unless"})
CONDITION_AUX = frozenset({"should"})
# Nouns after "in" that make an act named after their "of" a threat's condition ("in case of
# aggression by NATO", "in the event of an attack by Israel"): whose act it is is threatened.
CONDITION_NOUNS = frozenset({"case", "event"})
THREAT = "THREATEN"
PROTEST = "PROTEST"


def speaker_parties(attribution: Attribution, text: str, mentions: NamedMentions) -> list[EventActor]:
    """An attribution's speaker as parties: its entity (each member's, for a group; the
    words of a metonym or a government, with the entity they speak for), else the words of
    its source ("The Fijian rebels", coded by their words later) with the entity they name
    ("The Red Cross operating in Iraq": the Red Cross)."""
    if attribution.speaker is not None:
        if attribution.source is not None and _speaks_for_state(attribution, mentions):
            # "Moscow said", "The Brazilian authorities said", "The Ethiopian side said": the
            # party is the words, its entity the state they speak for. A comma closes the
            # organ's phrase ("The Afghan government, [a number of parties and the Taliban]").
            words = _AFTER_COMMA.sub("", attribution.source.text, count=1)
            return [EventActor(words, attribution.speaker.entity)]
        return [EventActor(party.name, party.entity) for party in attribution.speaker.parties]
    if attribution.source is not None and attribution.source.text.lower() not in PRONOUNS:
        return [party_of(attribution.source, text, mentions)]
    return []


def _speaks_for_state(attribution: Attribution, mentions: NamedMentions) -> bool:
    """Whether a source's words speak for a state they do not name as the speaker is named: a
    metonym or a government's noun (``stands_for_government``: "Moscow", "the Brazilian
    authorities"), or a state organ's noun whose speaker was resolved to its country ("the
    Syrian regime", "the Ethiopian side", "The ministry": ``STATE_ORGAN_NOUNS``), not to a
    body or a person ("the club's medical department")."""
    words = attribution.source.text if attribution.source is not None else ""
    if stands_for_government(words):
        return True
    speaker = attribution.speaker.entity if attribution.speaker is not None else None
    entity = mentions.entity(speaker) if speaker is not None else None
    return head_of(words).lower() in STATE_ORGAN_NOUNS and entity is not None and entity.type in STATES


def owned_by_speaker(parties: list[EventActor], speaker: list[EventActor]) -> list[EventActor]:
    """Parties a reported clause gives the reporter's possessive ("Ecuador said Peruvian
    helicopters attacked [its border posts]"): of the speaker's entity, as their words stay;
    not the other side of a relation ("its neighbours")."""
    owner = next((party.entity for party in speaker if party.entity), None)
    if owner is None:
        return parties
    return [
        EventActor(party.text, owner)
        if _SPEAKERS_OWN.match(party.text) and not RELATIONAL.search(party.text)
        else party
        for party in parties
    ]


def names_its_aim(words: str) -> bool:
    """Whether a party's words go on to what its act is aimed at, after "on" or "against"
    ("An Israeli strike [on Beirut's southern suburbs]"): in an actor's words, a capital there
    is the place attacked, not the government that acts."""
    return _AIM_AFTER_HEAD.search(words) is not None


def stands_for_speaker(words: str) -> bool:
    """Whether a party's words are a pronoun ("it", "they") or a pronoun's country ("his
    country"), which stand for a speaker's party."""
    return words.lower() in PRONOUNS or _OWN_COUNTRY.fullmatch(words) is not None


def parties_of(
    trigger: Token,
    text: str,
    mentions: NamedMentions,
    venue: bool = False,
    acts: Collection[str] = frozenset(),
    event_type: str | None = None,
    owned_acts: Collection[str] = frozenset(),
) -> tuple[list[EventActor], list[EventActor]]:
    """The trigger's actor (subject, "by" agent of a passive, or the owner of a noun act:
    "Russia's invasion", "an attack by rebels", "EU sanctions") and recipient (object, or
    the noun after a preposition such as "against"). Where the act's place is a ``venue`` (a
    meeting: ``VENUE_TYPES``), a place it is done in or at is no recipient ("gather in
    Brussels", "talks in Geneva", "met in the Oval Office"). A subject that is itself an act
    of the trigger's kind (a noun lemma of ``acts``) with an owner is done by that owner
    ("Israeli air strikes killed 12 people": Israel; not "the Chinese probe returned"); a
    people's adjective owns only acts of the ``event_type``s in ``PEOPLES_ACTS``. A recipient
    that is an act someone owns (a noun lemma of ``owned_acts``, every noun trigger's, or a
    decision) is done to that owner ("condemned the attack by the rebels": the rebels)."""
    peoples = event_type in PEOPLES_ACTS
    subject = _subject(trigger, text)
    if subject is not None and subject.i == trigger.i:
        subject = None  # a noun trigger that is its own clause's subject ("talks resumed")
    if subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in acts:
        subject = owner_of(subject) or _qualifying_owner(subject, peoples) or subject
    if subject is not None and not mentions.named_in(_own_words(subject, text)):
        # A thing done by someone: "The missiles fired by the Israeli military struck".
        subject = _participle_agent(subject) or subject
    verb = _governing_verb(trigger)
    # A noun act that is a passive's subject has the passive's agent ("sanctions were
    # imposed on Iran by the US").
    agent = _agent(trigger) or (_agent(verb) if verb is not None and trigger.dep_ == "nsubjpass" else None)
    owner = owner_of(trigger)
    if owner is None and subject is None and agent is None:
        # "EU sanctions took effect"; not where the act has a subject of its own ("USAID
        # contributed $90 million to the U.N. appeal").
        owner = _qualifying_owner(trigger, peoples)
    actor_words = {token.i for token in (owner or subject or agent or trigger).subtree}
    topic_words = _topic_words(trigger)
    candidates = _object_candidates(trigger, text, verb)
    candidate_words = {token.i for token in candidates}
    # The dateline that opens the sentence is where the report was filed, no one acted on
    # ("RAMALLAH (WAFA) - President Abbas received at his headquarters the UN envoy").
    sentence = trigger.sent  # built anew at each read
    dateline = _opening_dateline(sentence, text)
    filed_before = dateline.end() if dateline is not None else sentence.start_char
    objects = [
        _named_before(token, actor_words)
        for token in candidates
        if token.idx >= filed_before
        and token.ent_type_ not in DATE_LABELS
        and not _locates(token, candidate_words)
        and token != owner
        and not (venue and (_is_venue(token) or _names_only_venue(token, text, mentions)))
        and token.i not in topic_words
        and not _fired(token, trigger, text)
    ]
    # Of the candidates, nearest first: one whose own words name someone ("North Korea" of
    # "sanctions on North Korea"; "the Palestinian people"), then one whose phrase holds a
    # name ("the government of Iraq"), then things ("aid"); of named ones, a party before a
    # place ("held talks in Jerusalem with Netanyahu"); of those whose own words name no
    # one, people and bodies before things ("eased restrictions on foreign workers", "signed
    # an agreement with rebels in Nairobi", "conceded to the demands of truck drivers").
    ranks = {token.i: _recipient_rank(token, text, mentions) for token in objects}
    objects.sort(key=lambda token: (ranks[token.i], ranks[token.i][-1] > 0 and not _party_noun(token)))
    _owner_first(objects, ranks, owned_acts, text, mentions)
    _receiver_first(objects, trigger, ranks, text, mentions)
    named = [token for token in objects if ranks[token.i][-1] < UNNAMED]
    if not named and (later := _named_after(trigger, owner or subject, text, mentions, venue)) is not None:
        objects.insert(0, later)
    _owner_above(objects, trigger, ranks, owned_acts, text, mentions)
    # A passive swaps the roles only when the trigger is the passive verb itself ("was
    # attacked by") or what it puts its subject under ("was placed under house arrest"):
    # not "Serb forces were engaged in ethnic cleansing".
    passive = subject is not None and subject.dep_ == "nsubjpass" and _passive_act(trigger, subject)
    if subject is not None and (passive or _passive_conjunct(trigger, subject)):
        # What was returned or imposed names no one; who it went to does ("a sarcophagus
        # was returned to Egypt").
        receiver = next((token for token in named if token.head.lower_ not in PLACE_PREPOSITIONS), None)
        unnamed = _thing(subject, text, mentions) or not mentions.named_in(_own_words(subject, text))
        actor_token = (
            agent or _cause_subject(trigger, text, mentions) or _excluding_body(trigger, text, mentions)
        )
        recipient_token = receiver if unnamed and receiver is not None else subject
        # What is done to an act or a decision is done to whoever owns it ("Russia's
        # annexation of Crimea was condemned": Russia; "an Iranian offer was rejected": Iran).
        owner_of_act = _act_owner(subject, owned_acts) if recipient_token is subject else None
        if owner_of_act is not None and mentions.named_in(_own_words(owner_of_act, text)):
            recipient_token = owner_of_act
        # An act done to an act is done to the latter's recipient, by its owner ("UN
        # sanctions against Iran were lifted": Iran, by the UN).
        aimed = _aimed_at(subject, text, mentions)
        if aimed is not None:
            actor_token = agent or (
                None if unnamed else owner_of(subject) or _qualifying_owner(subject, True) or subject
            )
            recipient_token = aimed
    else:
        actor_token, recipient_token = owner or subject or agent, objects[0] if objects else None
        asked = _asked(trigger, objects, ranks, actor_words, text, mentions)
        if asked is not None and ranks[asked.i][-1] < UNNAMED:
            _to_front(objects, asked)
            recipient_token = asked
        people = _people_aimed_at(trigger, objects, ranks) or asked
        if people is not None and recipient_token is not None:
            # "fired on demonstrators in Timisoara": the demonstrators, of the place's
            # country; the place stays behind them for when their words give no one
            # (``code_parties`` drops it when they do).
            actors = _coordinated(_antecedent(actor_token), text, mentions)
            place = _coordinated(recipient_token, text, mentions)
            return actors, _coordinated(people, text, mentions) + place
        if actor_token is None and (sides := _between(trigger)) is not None:
            # "talks between Israel and Hamas": the first side acts, the others receive.
            first, *others = [party for side in sides for party in _parties(side, text, mentions)]
            return [first], others
        if recipient_token is not None and (sides := _between(recipient_token)) is not None:
            # "passed messages between Moscow and Kyiv": the sides receive what passes.
            actors = _coordinated(_antecedent(actor_token), text, mentions)
            return actors, [party for side in sides for party in _parties(side, text, mentions)]
    if actor_token is not None and actor_token is subject and (sides := _between(subject)) is not None:
        # "Fighting between Hutu rebels and the Burundian army killed 100 people": each side.
        actors = [party for side in sides for party in _parties(side, text, mentions)]
    else:
        actors = _coordinated(_antecedent(actor_token), text, mentions)
    if len(actors) > 1 and (any(map(_reciprocal, objects)) or trigger.lemma_.lower() in MUTUAL):
        # "Uganda and Rwanda accused each other": each is the other's recipient, the
        # first actor's first.
        return actors, [EventActor(party.text, party.entity) for party in (*actors[1:], actors[0])]
    thing = recipient_token is None or (
        ranks.get(recipient_token.i, (False, False, 0))[-1] == UNNAMED and not _party_noun(recipient_token)
    )
    if thing and event_type in YIELDING:
        # "withdrew its bill after weeks of [student] protests": who pressed for it
        recipient_token = _pressing(trigger) or recipient_token
    condition = _condition_subject(trigger, text, mentions) if event_type == THREAT else None
    if condition is not None:
        # A threat is aimed at whom its condition names ("threatened to pull out of the treaty
        # unless Washington dropped its demand", "will take measures if the Lithuanian side
        # insists"), not at what it would be carried out on.
        recipient_token = condition
    recipients = _coordinated(_antecedent(recipient_token), text, mentions)
    toll = _toll_of(trigger) if recipient_token is not None and _is_site(recipient_token) else None
    if toll is not None:
        # A place attacked and the people its toll names ("seized the Hayat hotel in the Somali
        # capital, killing at least 21 people"): both are what the act was done to, the place
        # first, as it is aimed at; the people keep a recipient where the place has no country.
        recipients += [party for party in _coordinated(toll, text, mentions) if party not in recipients]
    return actors, recipients


def _condition_subject(trigger: Token, text: str, mentions: NamedMentions) -> Token | None:
    """The subject of a threat's condition, a clause of "if", "unless" or an inverted "should"
    on the trigger or on the act it threatens ("threatened to pull out unless [Washington]
    dropped", "warned that Russia could aim its missiles at Ukraine if [Kiev] joined NATO"),
    or the owner of an act "in case of" or "in the event of" names ("will use nuclear weapons
    in case of aggression by [NATO]"), where it names someone or is a party's noun ("the
    government"); else None."""
    verbs = [trigger, *(child for child in trigger.children if child.dep_ in {"xcomp", "ccomp"})]
    if any(
        child.dep_ in {"dobj", "dative"} and child.ent_type_ in NAMED
        for verb in verbs
        for child in verb.children
    ):
        return None  # "warned Georgetown that ...", "threatened to attack Skopje unless": whom it names
    if trigger.dep_ == "conj" and trigger.head.i < trigger.i:
        # A threat said after it ("In case of ..., Russia will take measures, warned X"),
        # which the parse joins to the threatened act.
        verbs.append(trigger.head)
    if (verb := _governing_verb(trigger)) is not None:
        verbs.append(verb)  # a noun threat's verb ("will take countermeasures if ...")
    subjects = [
        _conditional_subject(child) for verb in verbs for child in verb.children if child.dep_ == "advcl"
    ]
    subjects += [
        _nominal_condition(child) for verb in verbs for child in verb.children if child.dep_ == "prep"
    ]
    for subject in subjects:
        if subject is None or subject.lower_ in PRONOUNS:
            continue
        if (
            mentions.named_in(_own_words(subject, text))
            or _party_noun(subject)
            or subject.lower_ == STATE_SIDE
        ):
            return subject
    return None


def _conditional_subject(clause: Token) -> Token | None:
    """The subject of a clause of "if", "unless" or an inverted "should"; else None."""
    conditional = any(
        (child.dep_ == "mark" and child.lower_ in CONDITION_MARKS)
        or (child.dep_ == "aux" and child.lower_ in CONDITION_AUX and child.i < clause.i)
        for child in clause.children
    )
    return (
        next((child for child in clause.children if child.dep_ in {"nsubj", "nsubjpass"}), None)
        if conditional
        else None
    )


def _nominal_condition(preposition: Token) -> Token | None:
    """Whose act a condition named by a noun is, after "in case of" or "in the event of" ("in
    case of aggression [by NATO]", "in case of [Finland]'s accession"); else None."""
    if preposition.lower_ != "in":
        return None
    for case in preposition.children:
        if case.dep_ == "pobj" and case.lemma_.lower() in CONDITION_NOUNS:
            acts = [act for act in of_words(case) if act.dep_ == "pobj" and act.pos_ == "NOUN"]
            return next((owner for act in acts if (owner := owner_of(act)) is not None), None)
    return None


def _is_site(token: Token) -> bool:
    """Whether a recipient is a place an act may be aimed at: a named town or site ("Kibumba",
    "the Hayat hotel") or a noun of one ("the town of X", "a refugee camp", "an army outpost")."""
    return token.ent_type_ in PLACE_LABELS or token.lemma_.lower() in SITES


def _toll_of(trigger: Token) -> Token | None:
    """The people a participle clause of the act says it killed or wounded ("attacked the town,
    killing dozens of residents", "struck the camp, killing at least 20 civilians"), else None."""
    for clause in trigger.children:
        if clause.dep_ not in {"advcl", "xcomp", "conj"} or clause.tag_ != "VBG":
            continue
        if clause.lemma_.lower() not in TOLL_VERBS:
            continue
        people = next((child for child in clause.children if child.dep_ == "dobj"), None)
        if people is not None and (_party_noun(people) or _counts_people(people)):
            return people
    return None


def _counts_people(token: Token) -> bool:
    """Whether a noun is a people by name, or counts one ("Palestinians", "dozens of
    Palestinians")."""
    if token.lemma_.lower() in COUNTING_NOUNS:
        token = next(iter(of_words(token)), token)
    return token.ent_type_ == "NORP" and token.tag_ in {"NNS", "NNPS"}


def of_words(noun: Token) -> list[Token]:
    """The words a noun's "of" governs: what a count or an amount counts ("dozens of
    [students]", "15 tonnes of [tents]")."""
    return [grand for child in noun.children if child.lower_ == "of" for grand in child.children]


def _add_candidate(
    objects: list[Token],
    ranks: dict[int, tuple[bool, bool, int]],
    token: Token,
    text: str,
    mentions: NamedMentions,
) -> None:
    """Add a word that was no candidate of its own (an act's owner) last, ranked as the
    candidates are."""
    objects.append(token)
    ranks[token.i] = _recipient_rank(token, text, mentions)


def _to_front(objects: list[Token], token: Token) -> None:
    """Make one of the candidates the first, the rest in their order."""
    objects.remove(token)
    objects.insert(0, token)


def _pressing(trigger: Token) -> Token | None:
    """Who pressed for a concession the trigger makes, in its clause: the source of a noun of
    pressure or protest ("under pressure from [farmers]", "after weeks of [student]
    protests", "the [unions'] demands"), else the subject of a protest, or of protesters' act,
    "as" or "after" it is made ("stepped down as [protesters] marched on her residence",
    "withdrew the bill after [demonstrators] stormed parliament"), or people it bows or
    yields to ("bowing to [students]")."""
    clause = trigger.head if trigger.dep_ == "conj" else trigger
    for word in clause.subtree:
        if word.lemma_.lower() in PRESSURE_NOUNS and word.pos_ == "NOUN":
            # and the span of time it lasted, on which the parse may hang its source ("three
            # months of protests [by] students")
            spans = [word.head.head] if word.head.lower_ == "of" and word.head.dep_ == "prep" else []
            for child in (child for noun in (word, *spans) for child in noun.children):
                if child.dep_ == "prep" and child.lower_ in {"from", "by"}:
                    return next((grand for grand in child.children if grand.dep_ == "pobj"), None)
                if child.dep_ in {"compound", "poss"} and _party_noun(child):
                    return child
        if word.dep_ == "advcl" and any(
            child.dep_ == "mark" and child.lower_ in CONCESSION_MARKS for child in word.children
        ):
            subject = next((child for child in word.children if child.dep_ in SUBJECTS), None)
            if subject is not None and (
                word.lemma_.lower() in PROTEST_VERBS or _party_noun(subject, PROTESTER_NOUNS)
            ):
                return subject
        if word.dep_ == "advcl" and word.lemma_.lower() in GIVING_WAY:
            # "bowing to [students] who had occupied parliament": people given way to
            given = [grand for child in word.children if child.lower_ == "to" for grand in child.children]
            people = next((noun for noun in given if noun.dep_ == "pobj" and _party_noun(noun)), None)
            if people is not None:
                return people
    return None


def _owner_first(
    objects: list[Token],
    ranks: dict[int, tuple[bool, bool, int]],
    owned_acts: Collection[str],
    text: str,
    mentions: NamedMentions,
) -> None:
    """Put the best candidate's owner before it where it is an act (a noun lemma of
    ``owned_acts``) or a decision a name owns ("hailed [the Chinese legislature's] decision",
    "condemned the attack [by the rebels]"): what is done to the act is done to whoever does
    it; not to the owner of another thing ("demand from China's property sector"). A
    decision's owner may be the name or people's adjective that qualifies it ("accepted [a
    French] proposal", "rejected [the EU] plan")."""
    first = objects[0] if objects else None
    owner = _act_owner(first, owned_acts) if first is not None else None
    if owner is not None and owner not in objects and owner is not owner_of(first):
        _add_candidate(objects, ranks, owner, text, mentions)  # the qualifying name
    if owner is not None and owner in objects and ranks[owner.i][-1] < UNNAMED:
        _to_front(objects, owner)


def _owner_above(
    objects: list[Token],
    trigger: Token,
    ranks: dict[int, tuple[bool, bool, int]],
    owned_acts: Collection[str],
    text: str,
    mentions: NamedMentions,
) -> None:
    """Put first the owner of the nearest act or decision under the trigger that the best
    candidate is inside, where the owner names someone or is a body or people ("rallied
    against [the government's] decision to shelve talks on joining the EU"): the name is
    only what was decided, and what is done to the act is done to its owner."""
    first = objects[0] if objects else None
    if first is None or not trigger.is_ancestor(first):
        return
    owner = next(filter(None, (_act_owner(word, owned_acts) for word in _up_to(first.head, trigger))), None)
    if owner is None or owner == first or not (owner.ent_type_ or _party_noun(owner)):
        return
    if owner not in objects:
        _add_candidate(objects, ranks, owner, text, mentions)
    _to_front(objects, owner)


def _act_owner(noun: Token, owned_acts: Collection[str]) -> Token | None:
    """Who owns a noun that is an act (a lemma of ``owned_acts``) or a decision: its
    possessor or "by" agent (``owner_of``), else, for a decision, the name or people's
    adjective that qualifies it ("[a French] proposal", "[the EU] plan"); None for another
    noun."""
    lemma = noun.lemma_.lower() if noun.pos_ == "NOUN" else None
    if lemma is None or (lemma not in owned_acts and lemma not in DECISIONS):
        return None
    owner = owner_of(noun)
    if owner is None and lemma in DECISIONS - {"position"}:  # "Houthi positions" are held
        owner = _qualifying_owner(noun, True)
    return owner


def _asked(
    trigger: Token,
    objects: list[Token],
    ranks: dict[int, tuple[bool, bool, int]],
    actor_words: set[int],
    text: str,
    mentions: NamedMentions,
) -> Token | None:
    """The object of a verb of asking or making whose infinitive it is to do ("urges [the
    government] to take action in the South China Sea", "forced [the army] to withdraw"),
    where a candidate deeper in what they are to do ranks first: whom the act is aimed at
    (a name that ranked first stays behind an unnamed one, for its country)."""
    if not objects or trigger.pos_ != "VERB":
        return None
    wanted = next((child for child in trigger.children if child.dep_ == "xcomp"), None)
    asked = _object_controller(wanted) if wanted is not None else None
    asked = _named_before(asked, actor_words) if asked is not None else None  # "urged [him]"
    if asked is None or asked.i not in ranks or asked == objects[0] or _thing(asked, text, mentions):
        return None
    return asked


def _receiver_first(
    objects: list[Token],
    trigger: Token,
    ranks: dict[int, tuple[bool, bool, int]],
    text: str,
    mentions: NamedMentions,
) -> None:
    """Put first whom a verb gives or sends its object "to", where it is named or people, when
    the best candidate is that object or inside it and the object is a thing ("returned six
    Iraqi artifacts [to the government of Iraq]", "returned a portrait by a Belgian artist [to
    its owner]"): what is given is no recipient; a person given over is ("invited Putin to
    Washington"), but for one handed over to another's justice ("extradited a suspect [to
    France]": ``HANDING_OVER``)."""
    # The act the trigger refuses, offers or threatens may be the giving ("refused to hand
    # over bin Laden [to the United States]").
    giver = trigger
    given = next((child for child in trigger.children if child.dep_ == "dobj"), None)
    if given is None and (act := next((c for c in trigger.children if c.dep_ == "xcomp"), None)) is not None:
        giver, given = act, next((child for child in act.children if child.dep_ == "dobj"), None)
    if (
        given is None
        or giver.pos_ != "VERB"
        or not objects
        or not given.left_edge.i <= objects[0].i <= given.right_edge.i
        or not (_thing(given, text, mentions) or _handed_over(given, giver))
    ):
        return
    receiver = next(
        (
            token
            for token in objects
            if _given_to(token, giver) and (ranks[token.i][-1] < UNNAMED or _party_noun(token))
        ),
        None,
    )
    if receiver is not None:
        _to_front(objects, receiver)


def _handed_over(given: Token, trigger: Token) -> bool:
    """Whether the trigger hands over its object, a person, to another's justice: any object
    of a verb of ``HANDING_OVER``, a named person ("Duterte", "him") of one of
    ``HANDING_PERSONS``."""
    lemma = trigger.lemma_.lower()
    person = given.ent_type_ == "PERSON" or given.lower_ in PERSON_OBJECTS
    return lemma in HANDING_OVER or (lemma in HANDING_PERSONS and person)


def _party_noun(token: Token, nouns: frozenset[str] = PARTY_NOUNS) -> bool:
    """Whether a word is a noun of people or of a body ("prisoners", "government"), or counts
    them ("dozens of students"); with other ``nouns``, of those."""
    lemma = token.lemma_.lower()
    if lemma in COUNTING_NOUNS:
        return any(grand.dep_ == "pobj" and grand.lemma_.lower() in nouns for grand in of_words(token))
    return lemma in nouns


def _thing(token: Token, text: str, mentions: NamedMentions) -> bool:
    """Whether a noun is a thing: no person noun, no name, its own words naming at most a
    people ("six Iraqi artifacts", "a Hebrew Bible"; not "37 prisoners", "Iraq")."""
    return (
        token.pos_ == "NOUN"
        and not token.ent_type_
        and not _party_noun(token)
        and all(entity.type == "NORP" for entity in mentions.named_in(_own_words(token, text)))
    )


def _people_aimed_at(
    trigger: Token, objects: list[Token], ranks: dict[int, tuple[bool, bool, int]]
) -> Token | None:
    """People an act is aimed at by its object or its "on", "at" or "against" ("fired on
    [demonstrators] in Rangoon"), or a body's post or convoy ("ambushed [a police convoy] in
    Michoacan state"), whose own words name no one, where the best named candidate is not
    itself aimed at by the act but only its place or a noun further in ("killed 15 civilians
    in an attack on a village near Beni"); not where the best is whom the act gives or sends
    them to, or a state it takes them from ("sent investigators [to Myanmar]", "withdraw
    inspectors [from Iraq]"): they are its recipient."""
    if not objects or _aimed_by(objects[0], trigger) or _given_to(objects[0], trigger):
        return None
    if objects[0].ent_type_ == "GPE" and _given_to(objects[0], trigger, "from"):
        return None
    return next(
        (
            token
            for token in objects
            if ranks.get(token.i, (False, False, 0))[-1] > 0
            and (_party_noun(token, HUMAN_NOUNS) or _of_body(token))
            and _aimed_by(token, trigger)
        ),
        None,
    )


def _of_body(token: Token) -> bool:
    """Whether a noun is a body's post or convoy by the body's noun before it ("ambushed [a
    police convoy]", "shelled [an army camp]"): the body is whom the act is aimed at."""
    return any(child.dep_ in MODIFIERS | {"amod"} and child.lemma_.lower() in FORCES for child in token.lefts)


def _given_to(token: Token, trigger: Token, preposition: str = "to") -> bool:
    """Whether a noun follows the act's own "to" ("returned the artifacts [to] Iraq"), or
    another ``preposition``."""
    return token.dep_ == "pobj" and token.head.lower_ == preposition and token.head.head.i == trigger.i


def _aimed_by(token: Token, trigger: Token) -> bool:
    """Whether a noun is the act's object or follows its own "on", "against" or, where the act's
    object is no people, "at" ("fired tear gas at rioters"; not "killed six priests [at] the
    university", the place)."""
    if token.dep_ == "dobj":
        return token.head.i == trigger.i
    preposition = token.head
    people = any(child.dep_ == "dobj" and _party_noun(child, HUMAN_NOUNS) for child in trigger.children)
    aimed = AIMED_PREPOSITIONS | (set() if people else {"at"})
    return token.dep_ == "pobj" and preposition.lower_ in aimed and preposition.head.i == trigger.i


def _locates(token: Token, candidates: set[int]) -> bool:
    """Whether a candidate only says where another candidate is ("Nairobi" of "fired tear
    gas at opposition supporters [in Nairobi]"): the other is whom the act is done to, and
    the place its phrase names gives its country."""
    preposition = token.head
    return (
        token.dep_ == "pobj"
        and preposition.lower_ in LOCATING
        and preposition.head.i in candidates
        and preposition.head.pos_ in NOUNS
    )


def _reciprocal(token: Token) -> bool:
    """Whether a word is "each other" or "one another"."""
    words = {token.lower_, *(child.lower_ for child in token.children)}
    return words in RECIPROCALS


def _excluding_body(verb: Token, text: str, mentions: NamedMentions) -> Token | None:
    """The organisation a passive with no agent puts its subject out of, which did it
    ("Zimbabwe was suspended [from the Commonwealth]", "was expelled from the G8"); else None."""
    if verb.lemma_.lower() not in EXCLUDING:
        return None
    bodies = (
        grand
        for child in verb.children
        if child.dep_ == "prep" and child.lower_ == "from"
        for grand in child.children
        if grand.dep_ == "pobj"
    )
    return next(
        (body for body in bodies if any(e.type == "ORG" for e in mentions.named_in(_own_words(body, text)))),
        None,
    )


def _cause_subject(verb: Token, text: str, mentions: NamedMentions) -> Token | None:
    """Who did the act a passive with no agent suffered, by the clause that says when
    ("Two soldiers were wounded [when Palestinian gunmen opened fire on their patrol]",
    "were killed [after militants attacked a post]"): its subject, unless a pronoun or
    someone's thing ("when their vehicle hit a mine"); else None. Not where the clause
    names whom its own act is done to, other than where ("were killed when ISIL launched
    an attack on the Iraqi embassy"): that act is an event of its own, with both sides."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(
            child.dep_ in {"mark", "advmod"} and child.lower_ in CAUSE_MARKS for child in clause.children
        ):
            continue
        # A thing named only by where it is ("opened fire on [a bus in Karachi]") is no one
        # the clause's act is done to.
        if any(
            not unnamed and not place and not (rank and _names_only_venue(token, text, mentions, LOCATING))
            for token in _object_candidates(clause, text)
            for unnamed, place, rank in (_recipient_rank(token, text, mentions),)
        ):
            continue
        for subject in clause.children:
            if (
                subject.dep_ == "nsubj"
                and subject.pos_ in NOUNS
                and not any(child.dep_ == "poss" and child.tag_ == "PRP$" for child in subject.children)
            ):
                return subject
    return None


def _between(trigger: Token) -> list[Token] | None:
    """The sides a noun act is "between" ("talks between Israel and Hamas", "a new round of
    negotiations between Russia and Ukraine", "[Fighting] between rebels and the army
    killed"), when it names two or more; else None."""
    if trigger.pos_ != "NOUN" and trigger.dep_ not in SUBJECTS:
        return None
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            for noun in child.children:
                if noun.dep_ == "pobj" and (noun.conjuncts or _joined_modifiers(noun)):
                    return [noun, *noun.conjuncts]
        if child.dep_ == "prep" and child.lower_ == "of":
            # "a round of talks between ...": the sides of the act the noun counts
            for noun in child.children:
                if noun.dep_ == "pobj" and (sides := _between(noun)) is not None:
                    return sides
    return None


def _joined_modifiers(noun: Token) -> bool:
    """Whether a noun's modifiers are joined by "and", each a side ("between [Israeli and
    PLO] negotiators")."""
    return any(child.dep_ in {"amod", "compound", "nmod"} and child.conjuncts for child in noun.lefts)


def _participle_agent(noun: Token) -> Token | None:
    """The agent of a participle that qualifies a noun ("missiles [fired by the Israeli
    military]"), else None; not a backer's ("rebels [backed by Rwanda] attacked": the rebels
    act, on their own side)."""
    return next(
        (
            agent
            for child in noun.children
            if child.dep_ == "acl" and child.lemma_.lower() not in BACKING and (agent := _agent(child))
        ),
        None,
    )


def _qualifying_owner(act: Token, peoples: bool) -> Token | None:
    """The name that qualifies a noun act as its owner's ("EU sanctions", "Israeli air
    strikes"): an organisation's before it, or, where ``peoples``, a people's adjective;
    None else."""
    if act.pos_ != "NOUN":
        return None
    return next(
        (
            child
            for child in act.lefts
            if child.ent_type_ in QUALIFYING_OWNERS.get(child.dep_, ())
            and (peoples or child.ent_type_ != "NORP")
            and not child.lower_.startswith("anti")
        ),
        None,
    )


def state_of_place(trigger: Token, text: str, mentions: NamedMentions) -> list[EventActor]:
    """The country or city a passive trigger with no agent says it was done in ("was
    arrested in Lebanon", "was placed under house arrest in Kampala"), as a party: none
    where it names no such place."""
    verb = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "under" else trigger
    subject = next((child for child in verb.children if child.dep_ == "nsubjpass"), None)
    if subject is None or not _passive_act(trigger, subject) or _agent(verb) is not None:
        return []
    # The place may hang on the verb or on the noun act ("under house arrest [in Kampala]").
    for child in (*verb.children, *(trigger.children if trigger.i != verb.i else ())):
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
            for place in child.children:
                if place.dep_ == "pobj" and place.ent_type_ == "GPE":
                    return [party_of(_phrase(place, text), text, mentions)]
    return []


def _passive_act(trigger: Token, subject: Token) -> bool:
    """Whether the trigger is the passive verb whose subject is ``subject``, or the noun
    after "under" on it ("was placed under arrest", "came under attack")."""
    verb = subject.head
    if trigger.i == verb.i:
        return True
    return trigger.dep_ == "pobj" and trigger.head.lower_ == "under" and trigger.head.head.i == verb.i


def _passive_conjunct(trigger: Token, subject: Token) -> bool:
    """Whether the trigger is a passive verb joined by "and" or a comma to the verb whose
    subject it shares ("Eighteen fishermen, held captive in Libya, have been [freed] by
    Libyan forces"): the subject is what the trigger's act is done to."""
    return (
        trigger.dep_ == "conj"
        and subject.head.i != trigger.i
        and any(child.dep_ == "auxpass" for child in trigger.children)
    )


def _aimed_at(act: Token, text: str, mentions: NamedMentions) -> Token | None:
    """Whom a noun act is aimed at, when its own words say ("sanctions [against Iran]",
    "restrictions [on Gaza]") and name them: none for a noun that is no act aimed at anyone."""
    for child in act.children:
        if child.dep_ == "prep" and child.lower_ in AIMED_PREPOSITIONS:
            for noun in child.children:
                if noun.dep_ == "pobj" and mentions.named_in(_own_words(noun, text)):
                    return noun
    return None


def _is_venue(token: Token, prepositions: frozenset[str] = PLACE_PREPOSITIONS) -> bool:
    """Whether a word is a place something is done in or at ("in Brussels", "at the Oval
    Office"; or after another of ``prepositions``): any name there but a person's or a
    people's."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in prepositions
        and token.ent_type_ not in {"PERSON", "NORP"}
    )


def _named_before(token: Token, actor_words: set[int]) -> Token:
    """A person's pronoun object ("urged him", "accusing her") as the last person named
    before it in its sentence, outside the actor's words ("called President Erdogan ...
    and urged him"); any other word itself."""
    if token.lower_ not in PERSON_OBJECTS:
        return token
    named = (
        word
        for word in reversed(token.sent[: token.i - token.sent.start])
        if word.ent_type_ == "PERSON" and word.i not in actor_words and word.head.ent_type_ != "PERSON"
    )
    return next(named, token)


def _names_only_venue(
    token: Token, text: str, mentions: NamedMentions, prepositions: frozenset[str] = PLACE_PREPOSITIONS
) -> bool:
    """Whether a candidate's phrase names no one but the place it says something is done in
    or at ("host [a new round of negotiations in Istanbul]"): what it names is the venue; with
    wider ``prepositions``, the place it is near ("a checkpoint [near Srinagar]")."""
    phrase = _phrase(token, text)
    places = [
        word.idx for word in token.subtree if word.i > token.i and _is_venue_preposition(word, prepositions)
    ]
    if not places or not mentions.named_in(phrase):
        return False
    return not mentions.named_in(Span.of(text, phrase.start, min(places)))


def _fired(token: Token, trigger: Token, text: str) -> bool:
    """Whether a candidate is the weapon the act fires or launches ("fired Scud missiles at
    Tel Aviv"): the means, not whom the act is done to (unlike an act condemned: "condemned
    the US bombing of Libya")."""
    return (
        token.dep_ == "dobj"
        and token.head.i == trigger.i
        and trigger.lemma_.lower() in FIRING_VERBS
        and weapon_sector(_own_words(token, text).text) is not None
    )


def _recipient_rank(token: Token, text: str, mentions: NamedMentions) -> tuple[bool, bool, int]:
    """How good a recipient a candidate is, best lowest: whether it names no one; for the
    named, whether it is the place of the act (after "in" or "at"); then whether its own
    words name someone (0) or only its phrase does (1)."""
    if _parties_named(_own_words(token, text), token, mentions):
        rank = 0
    elif _parties_named(_phrase(token, text), token, mentions):
        rank = 1
    else:
        return True, False, UNNAMED
    return False, _in_place(token), rank


def _in_place(token: Token) -> bool:
    """Whether a noun is where an act is done: after "in" or "at", or the name of a place
    noun there ("in the town of [Mai Kadra]"); not what a weapon is fired "at" ("fired 180
    missiles at [Israel]"), which is its aim."""
    if token.dep_ != "pobj":
        return False
    preposition = token.head
    if preposition.lower_ == "at" and preposition.head.lemma_.lower() in FIRING_VERBS:
        return False
    if preposition.lower_ == "of" and preposition.head.lemma_.lower() in NAMED_PLACE_NOUNS:
        place = preposition.head
        if place.dep_ != "pobj":
            return False
        preposition = place.head
    return preposition.lower_ in PLACE_PREPOSITIONS


def _is_venue_preposition(word: Token, prepositions: frozenset[str] = PLACE_PREPOSITIONS) -> bool:
    """Whether a word is "in" or "at" (or another of ``prepositions``) before a venue
    ("negotiations [in] Istanbul")."""
    return (
        word.dep_ == "prep"
        and word.lower_ in prepositions
        and any(_is_venue(child, prepositions) for child in word.children)
    )


def _own_words(token: Token, text: str) -> Span:
    """A noun with the words before it, without what follows ("Sweden's decision", "some
    sanctions" of "some sanctions on North Korea")."""
    start = min((child.left_edge.idx for child in token.lefts), default=token.idx)
    return Span.of(text, start, token.idx + len(token.text))


def _antecedent(token: Token | None) -> Token | None:
    """A relative pronoun ("who", "which", "that") as the noun its clause qualifies ("the
    rebels who attacked the convoy", "the town that was shelled"); any other word itself."""
    if token is not None and token.tag_ in {"WDT", "WP"} and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _agent(verb: Token | None) -> Token | None:
    """The noun after a passive verb's "by" ("was attacked by rebels"), or the word the parse
    made a clause of there ("by [Shining] Path guerrillas", a name's first word taken for a
    verb)."""
    if verb is None:
        return None
    return next(
        (
            grand
            for child in verb.children
            if child.dep_ == "agent"
            for grand in child.children
            if grand.dep_ in {"pobj", "pcomp"}
        ),
        None,
    )


def _governing_verb(trigger: Token) -> Token | None:
    """The verb a noun trigger is the object or the passive subject of ("held [talks] with
    Iran", "[sanctions] were imposed on Iran"), or that puts its object under it ("placed
    Aung San Suu Kyi under house [arrest]"): the parse often hangs the act's recipient on that
    verb rather than on the noun."""
    if trigger.pos_ != "NOUN" or trigger.head.i == trigger.i:
        return None
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "under" and trigger.head.head.pos_ == "VERB":
        return trigger.head.head
    if trigger.dep_ not in {"dobj", "nsubjpass"}:
        return None
    return trigger.head if trigger.head.pos_ in {"VERB", "AUX"} else None


def owner_of(trigger: Token) -> Token | None:
    """Who a noun act is of: its possessor ("Russia's invasion of Ukraine"; not "its") or
    the noun after its own "by" ("an attack by rebels")."""
    if trigger.pos_ != "NOUN":
        return None
    for child in trigger.children:
        # Not a pronoun ("its") nor a time ("Saturday's meeting").
        if child.dep_ == "poss" and child.tag_ != "PRP$" and child.ent_type_ not in DATE_LABELS:
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((grand for grand in child.children if grand.dep_ == "pobj"), None)
    return None


def _coordinated(token: Token | None, text: str, mentions: NamedMentions) -> list[EventActor]:
    """A party, or each of several joined by "and" ("Russia and Ukraine agreed")."""
    if token is None:
        return []
    # not a dateline the parse joined the party to ("JENIN, West Bank - Israeli troops")
    joined = [word for word in token.conjuncts if word.i > token.i or not _in_dateline(word, text)]
    return [
        party
        for word in (token, *joined, *_second_subjects(token))
        for party in _parties(word, text, mentions)
    ]


def _in_dateline(word: Token, text: str) -> bool:
    """Whether a word is in the dateline that opens its sentence ("JENIN" of "JENIN, West
    Bank - Israeli troops pulled out"); ``text``: its document's."""
    dateline = _opening_dateline(word.sent, text)
    return dateline is not None and word.idx < dateline.end()


def _opening_dateline(sentence: TokenSpan, text: str) -> re.Match[str] | None:
    """The dateline that opens a sentence, read over its opening words only, a dateline being
    short, and in the document's ``text``, as a span's own text is joined anew from its words."""
    opening = sentence[min(DATELINE_WORDS, len(sentence)) - 1]
    return DATELINE.match(text, sentence.start_char, opening.idx + len(opening.text))


def _second_subjects(token: Token) -> list[Token]:
    """Subjects of the same verb after a subject with "and" between them, where a hyphenated
    name broke the parse of the joined subject ("Zia ul-Haq and Rajiv Gandhi agreed" gives
    "agreed" two subjects, "ul" and "Gandhi")."""
    if token.dep_ not in SUBJECTS:
        return []
    doc = token.doc
    return [
        other
        for other in token.head.children
        if other.dep_ == token.dep_
        and other.i > token.i
        and any(word.lower_ == "and" and word.dep_ == "cc" for word in doc[token.i : other.i])
    ]


def _parties(word: Token, text: str, mentions: NamedMentions) -> list[EventActor]:
    """The party a word heads, or one per modifier it joins ("the Russian and US navies")."""
    split = (
        _by_modifier(word, text, mentions)
        or _by_owner(word, text, mentions)
        or _joined_in_name(word, text, mentions)
    )
    if split:
        return split
    span = _with_origin(word, _with_role(*_named_apposition(word, text, mentions), text), text)
    party = party_of(span, text, mentions)
    if party.entity is not None and mentions.named_in(span) and not _parties_named(span, word, mentions):
        # "Western proposal for Black Sea talks": the words name only a place that qualifies
        # a noun, which is not who the party is.
        return [EventActor(party.text, None)]
    return [party]


def _by_modifier(token: Token, text: str, mentions: NamedMentions) -> list[EventActor]:
    """The parties a noun with joined modifiers names, one per modifier ("the Russian and US
    navies": "Russian navies", "US navies"), when each names someone, with the words they share
    before the noun ("Indian and Pakistani foreign secretaries": "Indian foreign secretaries",
    whose sector those words give); else none."""
    for child in token.lefts:
        modifiers = (child, *child.conjuncts)
        if child.dep_ not in {"amod", "compound", "nmod"} or len(modifiers) < 2:
            continue
        named = [mentions.named_in(Span.of(text, word.idx, word.idx + len(word.text))) for word in modifiers]
        if all(named):
            last = max(word.i for word in modifiers)
            shared = " ".join(
                word.text for word in token.lefts if word.i > last and word.dep_ in MODIFIERS | {"amod"}
            )
            noun = f"{shared} {token.text}" if shared else token.text
            return [
                EventActor(f"{word.text} {noun}", next((e.id for e in found if e.type != "NORP"), None))
                for word, found in zip(modifiers, named, strict=True)
            ]
    return []


def _joined_in_name(token: Token, text: str, mentions: NamedMentions) -> list[EventActor]:
    """The two parties of one noun phrase the parse made of two joined names ("Indian Prime
    Minister Manmohan Singh and Pakistani President Pervez Musharraf agreed": the first
    name hangs on the second, "and" on the first), each with its title, when each names a
    person or an organisation (not "Bosnia and Herzegovina President X"); else none."""
    for child in token.lefts:
        joined = [grand for grand in child.rights if grand.dep_ == "conj" and grand.i < token.i]
        if child.dep_ not in MODIFIERS or not joined or not _has_and(child):
            continue
        first = Span.of(text, child.left_edge.idx, child.idx + len(child.text))
        second = Span.of(text, joined[0].left_edge.idx, token.idx + len(token.text))
        if all(any(entity.type in AGENTS for entity in mentions.named_in(span)) for span in (first, second)):
            return [party_of(first, text, mentions), party_of(second, text, mentions)]
    return []


def _has_and(token: Token) -> bool:
    """Whether "and" joins another word to ``token``."""
    return any(child.dep_ == "cc" and child.lower_ == "and" for child in token.children)


def _by_owner(token: Token, text: str, mentions: NamedMentions) -> list[EventActor]:
    """The parties a plural noun names by the joined names it is "of" or "from", one per
    name ("the governments of Mali and Niger": "the governments of Mali", "the governments
    of Niger"; "Officials from Ethiopia and Eritrea"), when each names someone; else none."""
    if token.tag_ != "NNS":
        return []
    of = next((child for child in token.rights if child.dep_ == "prep" and child.lower_ in OWNING), None)
    owner = next((child for child in of.children if child.dep_ == "pobj"), None) if of is not None else None
    if of is None or owner is None or not owner.conjuncts:
        return []
    head = _own_words(token, text).text
    parties = []
    for name in (owner, *owner.conjuncts):
        span = _phrase(name, text)
        found = [entity for entity in mentions.named_in(span) if entity.type != "NORP"]
        if not found:
            return []
        parties.append(EventActor(f"{head} {of.text} {span.text}", found[0].id))
    return parties


def _named_apposition(token: Token, text: str, mentions: NamedMentions) -> tuple[Token, Span]:
    """A party that names no one by its apposition that does ("the then president, Goodluck
    Jonathan,"); else the party itself; with its phrase."""
    phrase = _phrase(token, text)
    if mentions.named_in(phrase):
        return token, phrase
    appositions = ((child, _phrase(child, text)) for child in token.children if child.dep_ == "appos")
    return next(((child, own) for child, own in appositions if mentions.named_in(own)), (token, phrase))


def _with_role(token: Token, phrase: Span, text: str) -> Span:
    """A person's ``phrase`` with the role its apposition gives them, which says whom they
    act for ("Thomas Shannon, U.S. undersecretary of state", "Flavia Piccoli, Vice President
    of ... the Italian Chamber of Deputies"); any other party's phrase alone."""
    if token.ent_type_ != "PERSON":
        return phrase
    roles = (child for child in token.children if child.dep_ == "appos" and child.i > token.i)
    # A role is a noun or a title the tagger names no entity ("Vice President"), not another
    # name ("Hamas, Iran's ally" is Hamas's).
    role = next(
        (child for child in roles if child.pos_ == "NOUN" or (child.pos_ == "PROPN" and not child.ent_type_)),
        None,
    )
    return phrase if role is None else Span.of(text, phrase.start, _phrase(role, text).end)


def _with_origin(token: Token, phrase: Span, text: str) -> Span:
    """A party's ``phrase`` with where it is believed to be from ("Gunmen [believed to be
    from Pakistan] attacked", "Soldiers [said to be Eritrean]"), which the parse leaves
    outside it as the verb it made the party the subject of, or as a clause that qualifies
    it; any other party's phrase alone."""
    verbs = [token.head] if token.dep_ in SUBJECTS else []
    verbs += [child for child in token.children if child.dep_ == "acl"]
    for verb in verbs:
        if verb.lemma_.lower() not in BELIEVED or verb.i < token.i:
            continue
        being = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ == "be"), None)
        if being is not None and any(map(_of_origin, being.children)):
            return Span.of(text, phrase.start, being.right_edge.idx + len(being.right_edge.text))
    return phrase


def _of_origin(word: Token) -> bool:
    """Whether a word after "to be" says where a party is from ("from Pakistan",
    "Eritrean"), not what it is loyal or close to."""
    if word.dep_ == "prep":
        return word.lower_ == "from"
    return word.dep_ in {"attr", "acomp"} and word.ent_type_ in STATES


def _object_candidates(trigger: Token, text: str, verb: Token | None = None) -> list[Token]:
    """Who an act is done to, nearest first: its objects and indirect objects ("give
    Tanzania a grant"), nouns after "to", "against", "with", "from" ..., the subject of a
    demanded clause ("demanded that Ukraine withdraw"), and the same inside the verbs it
    governs ("offered to hand over to Great Britain", "provide aid to refugees"); for a
    noun act, also those of the ``verb`` it is the object or passive subject of ("held
    talks with Iran"), where the verb's place ("in", "at") is no party; where the act's
    object is a weapon, those of its purpose ("fired tear gas to disperse students")."""
    found: list[Token] = []
    frontier = [trigger] if verb is None else [trigger, verb]
    for _ in range(5):
        following = []
        for word in frontier:
            for child in word.children:
                if child.i == trigger.i or (child.dep_ == "prep" and _fronted(child)):
                    continue
                if child.dep_ == "dative" and child.pos_ == "ADP":
                    # "provided aid to the Palestinian people": the parse's dative "to"
                    found.extend(grand for grand in child.children if grand.dep_ == "pobj")
                elif child.dep_ in {"dobj", "dative", "poss"}:
                    found.append(child)
                    following.append(child)
                elif child.dep_ == "prep" and _leads_to_party(child, word, trigger, verb):
                    # and what the noun is of in turn: "10 million euros in aid [to refugees]"
                    nouns = [
                        grand for grand in child.children if grand.dep_ == "pobj" and not _asked_by(grand)
                    ]
                    found.extend(nouns)
                    following.extend(nouns)
                elif child.dep_ == "ccomp" and word.i == trigger.i:
                    found.extend(grand for grand in child.children if grand.dep_ in SUBJECTS)
                elif child.dep_ == "acl" and word.dep_ == "dobj" and word.head.i == trigger.i:
                    # Who did what the act is done to ("prevented the demonstration [staged by
                    # students]"): the agent of the participle that qualifies its object.
                    found.extend(
                        pobj
                        for agent in child.children
                        if agent.dep_ == "agent"
                        for pobj in agent.children
                        if pobj.dep_ == "pobj"
                    )
                elif child.dep_ in {"xcomp", "prep", "pobj"} and not _no_party_head(child):
                    following.append(child)
                elif word.i == trigger.i and _purpose(child) and _with_weapon(trigger, text):
                    # whom the act's purpose is done to, where its object is the means ("fired
                    # tear gas [to disperse] students")
                    following.append(child)
        frontier = following
    return found


def _with_weapon(verb: Token, text: str) -> bool:
    """Whether a verb's object is a weapon, the means of its act ("fired tear gas", "used
    rubber bullets")."""
    return any(
        child.dep_ == "dobj" and weapon_sector(_own_words(child, text).text) is not None
        for child in verb.children
    )


def _purpose(clause: Token) -> bool:
    """Whether a word heads an infinitive of purpose on its verb ("to disperse" of "fired
    tear gas to disperse students")."""
    return (
        clause.dep_ == "advcl"
        and clause.tag_ == "VB"
        and any(child.dep_ == "aux" and child.lower_ == "to" for child in clause.children)
    )


def _fronted(preposition: Token) -> bool:
    """Whether a preposition opens a phrase put before its verb's subject ("[Under pressure
    from the European Union], Croatia arrested a general"): the circumstances of the act,
    not whom it is done to; but for "despite", which says whom the act defies ("Despite
    pressure from Washington, Israel refused")."""
    verb = preposition.head
    return preposition.lower_ != "despite" and any(
        child.dep_ in SUBJECTS and preposition.i < child.i < verb.i for child in verb.children
    )


def _asked_by(noun: Token) -> bool:
    """Whether a noun says at whose asking an act is done, in a phrase of circumstance ("at
    the request of the Pope", "on the invitation of", "under pressure from"): whom it names
    asked, and is no recipient (unlike the thing acted on: "rejected a request from")."""
    return noun.dep_ == "pobj" and noun.head.lower_ in CIRCUMSTANCES and noun.lemma_.lower() in ASKING


def _leads_to_party(preposition: Token, word: Token, trigger: Token, verb: Token | None) -> bool:
    """Whether the noun after ``preposition``, on ``word``, can be who an act is done to:
    after "to", "against", "with", "from" ... (not where the ``verb`` of a noun act is done:
    "in", "at"); inside a noun after "of", "by" or "for" ("the removal of President X", "victories
    by X"); after "by" on an active verb trigger, where the parse hangs its object's
    author ("denied charges [by] the U.S. Chamber of Commerce")."""
    lower = preposition.lower_
    if _no_party_head(word) or _asked_by(word):
        return False  # "according to TASS", "at the request of the Pope"
    if lower in RECIPIENT_PREPOSITIONS:
        return not (word == verb and lower in PLACE_PREPOSITIONS)
    if (lower in NOUN_PREPOSITIONS or lower == "for") and word.pos_ in NOUNS:
        return True  # "the removal of X", "a dinner for X", "an extradition request for X"
    return lower == "by" and word.i == trigger.i and word.pos_ == "VERB"


def _named_after(
    trigger: Token, subject: Token | None, text: str, mentions: NamedMentions, venue: bool
) -> Token | None:
    """The first noun after the trigger in its clause that names someone, however deep the
    parse puts it ("staged a hunger strike to protest against Sweden's decision"), but not
    the place of someone else's act in an adverbial clause ("would not give up territory,
    days before envoys were due to meet in Geneva"); where the act's place is a ``venue``,
    no place it is done in."""
    clause = trigger
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head
    actor_words = {token.i for token in subject.subtree} if subject is not None else set()
    topic_words = _topic_words(trigger)
    for token in clause.subtree:
        if (
            token.i <= trigger.i
            or token.i in actor_words
            or token.i in topic_words
            or token.pos_ not in NOUNS
        ):
            continue
        # The noun with the words before it: "Sweden's decision", "Danish Web sites"; a
        # people on its own ("called on Arabs") is no party, nor a place that only
        # qualifies a noun ("Black Sea talks"). Looked up before the walks up the parse
        # below: most nouns name no one.
        named = _parties_named(_own_words(token, text), token, mentions)
        if not named:
            continue
        own = mentions.named_in(Span.of(text, token.idx, token.idx + len(token.text)))
        if (
            any(entity.type != "NORP" or entity not in own for entity in named)
            and not (_is_venue(token) and (venue or _in_other_act(token, clause)))
            and not _under_no_party(token, clause)
        ):
            return token
    return None


def _parties_named(span: Span, token: Token, mentions: NamedMentions) -> list[Entity]:
    """The entities named in ``span`` (words of ``token``'s sentence) but for places named
    only as what qualifies the word after them, not as part of a longer name nor as the place
    itself ("Black Sea" of "a proposal for Black Sea talks", not of "the Black Sea coast"):
    such a place is no party."""
    named = mentions.named_in(span)
    if all(entity.type not in REGIONS for entity in named):
        return named  # no place among them: nothing to look for qualifiers of
    qualifying = [
        (word.left_edge.idx, word.idx + len(word.text))
        for word in token.sent
        if word.dep_ in MODIFIERS
        and word.head.pos_ != "PROPN"
        and word.head.lower_ not in PLACE_NOUNS
        and span.start <= word.idx < span.end
    ]
    return [
        entity
        for entity in named
        if entity.type not in REGIONS
        or not all(
            any(start <= mention.start and mention.end <= end for start, end in qualifying)
            for mention in entity.mentions
            if span.start <= mention.start and mention.end <= span.end
        )
    ]


def _topic_words(trigger: Token) -> set[int]:
    """The words of what a verb of talking is about, its objects ("ready to discuss a
    prisoner exchange and the safety of the Zaporizhzhia plant"): a topic, not who is talked
    with."""
    if trigger.lemma_.lower() not in TOPIC_VERBS:
        return set()
    objects = (child for child in trigger.children if child.dep_ == "dobj")
    return {word.i for topic in objects for joined in (topic, *topic.conjuncts) for word in joined.subtree}


def _under_no_party(token: Token, clause: Token) -> bool:
    """Whether a word of ``clause`` is inside a phrase that names no party ("according to
    the Russian news agency TASS", "at the request of the Pope")."""
    return any(_no_party_head(word) or _asked_by(word) for word in _up_to(token, clause))


def _no_party_head(word: Token) -> bool:
    """Whether a word heads a phrase that names no party ("according to", "close to"): not
    the verb of the same spelling, with an object ("threatened to [close] the U.S. bases")."""
    return word.lower_ in NO_PARTY_PREPOSITIONS and not any(child.dep_ == "dobj" for child in word.children)


def _in_other_act(token: Token, clause: Token) -> bool:
    """Whether a word of ``clause`` is inside an adverbial clause with a subject of its own."""
    return any(
        word.dep_ == "advcl" and any(child.dep_ in SUBJECTS for child in word.children)
        for word in _up_to(token, clause)
    )


def _up_to(token: Token, clause: Token) -> Iterator[Token]:
    """A word of ``clause`` and the words it hangs on, up to the clause's head (not it)."""
    while token.i != clause.i and token.head.i != token.i:
        yield token
        token = token.head


class NamedMentions:
    """A document's entities by where they are mentioned: built once per document, so that
    finding the entities named inside a span is a lookup, not a pass over every mention of
    the document for each party."""

    def __init__(self, entities: list[Entity]) -> None:
        self._entities = entities
        self._by_id = {entity.id: entity for entity in entities}
        self._mentions = sorted(
            (mention.start, mention.end, position)
            for position, entity in enumerate(entities)
            for mention in entity.mentions
        )
        self._starts = [start for start, _, _ in self._mentions]
        self._longest = max((end - start for start, end, _ in self._mentions), default=0)

    def entity(self, entity_id: str) -> Entity | None:
        """The entity of an id, if the document has it."""
        return self._by_id.get(entity_id)

    def named_in(self, span: Span) -> list[Entity]:
        """The entities with a mention inside ``span``, in the document's order of entities."""
        first = bisect_left(self._starts, span.start)
        after = bisect_right(self._starts, span.end)
        positions = {position for _, end, position in self._mentions[first:after] if end <= span.end}
        return [self._entities[position] for position in sorted(positions)]

    def around(self, offset: int) -> list[Entity]:
        """The entities with a mention that begins at or before ``offset`` and ends after it."""
        # Only mentions that start within the longest mention's length can reach the offset.
        first = bisect_left(self._starts, offset - self._longest)
        before = bisect_right(self._starts, offset)
        positions = {position for _, end, position in self._mentions[first:before] if end > offset}
        return [self._entities[position] for position in sorted(positions)]


def _subject(verb: Token, text: str) -> Token | None:
    """The verb's subject, or that of the words it hangs on ("is prepared to lift": the one
    prepared lifts), a few steps up at most; ``text``: its document's."""
    for steps in range(6):
        subjects = [child for child in verb.children if child.dep_ in SUBJECTS or _name_as_clause(child)]
        if subjects:
            return _after_dateline(subjects, text)
        # A name the parse hung before the verb as an adverb ("[Turkey] massed troops"; an
        # acronym it took for an adverb: "[USAID] deployed teams"), or a body's noun ("Sudan's
        # [army] massed troops", the possessive left on the object).
        named = [
            child
            for child in verb.children
            if child.dep_ in ADVERBIAL_NAMES
            and child.i < verb.i
            and (child.ent_type_ in NAMED or (not child.ent_type_ and _party_noun(child, FORCES)))
        ]
        if named and verb.pos_ == "VERB":
            return named[0]
        if verb.head.i == verb.i:
            return None
        if _main_verb_as_modifier(verb):
            return verb.head
        # A verb's own infinitive only: a noun act under one is often a thing ("approved
        # the deployment of a team [to monitor] a ceasefire").
        if verb.pos_ == "VERB" and not steps and (controller := _object_controller(verb)) is not None:
            return controller
        if verb.dep_ == "dobj" and verb.head.lemma_.lower() in CAUSING:
            return None  # "The killing of three soldiers prompted [air strikes]": not its doer
        verb = _reported_clause(verb) or verb.head
    return None


def _after_dateline(subjects: list[Token], text: str) -> Token | None:
    """The first subject, or where the parse took the dateline that opens the sentence for
    one ("ALGIERS (AFP) - Ethiopia and Eritrea signed": "ALGIERS", with "Ethiopia" its
    apposition), the first subject after the dateline ("MANILA (AFP) - The Philippines
    dismissed": two subjects), else the apposition or conjunct after it; None where there is
    neither."""
    sentence = subjects[0].sent
    dateline = _opening_dateline(sentence, text)
    if dateline is not None and dateline.group("date"):
        # The parse of a dated dateline ("VIENNA, July 2 (Reuters) -") seldom leaves a subject
        # after it: passing over its place lost more events and countries than it righted on
        # the training sets' check halves (branch code21).
        dateline = None
    end = dateline.end() if dateline is not None else sentence.start_char
    if subjects[0].idx >= end:
        return subjects[0]
    after = [subject for subject in subjects if subject.idx >= end]
    # the parse may join the subject to the dateline as its apposition or its conjunct
    # ("JENIN, West Bank - Israeli troops pulled out")
    after += [child for child in subjects[0].rights if child.dep_ in {"appos", "conj"} and child.idx >= end]
    return after[0] if after else None


def _name_as_clause(word: Token) -> bool:
    """Whether the parse made a clausal subject of a name whose first word it took for a verb
    ("[Shining] Path guerrillas killed": "Shining" with "guerrillas" its object, "Path" the
    object's proper-noun modifier): the words are the subject, as a passive's agent is
    (``_agent``)."""
    if word.dep_ != "csubj" or not word.is_title:
        return False
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return (
        after is not None
        and after.pos_ == "PROPN"
        and after.dep_ == "compound"
        and after.head.dep_ == "dobj"
        and after.head.head.i == word.i
    )


def _main_verb_as_modifier(verb: Token) -> bool:
    """Whether the parse took a sentence's main verb for a participle that qualifies its
    subject, leaving the subject as the root ("The Iraqi air force [carried out] three air
    strikes ..."): an active verb, with an object, on a noun that heads the sentence."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and head.dep_ == "ROOT"
        and head.pos_ in NOUNS
        and head.i < verb.i
        and any(child.dep_ == "dobj" for child in verb.children)
    )


def _object_controller(verb: Token) -> Token | None:
    """The object of the verb whose infinitive this is, who does what it says ("persuade
    Biden [to lift] sanctions", "forced the army [to withdraw]"): not of a verb whose
    subject does it ("promised Ukraine to deliver"); None for any other word."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() in SUBJECT_CONTROL | ENTERING:
        return None
    return next((child for child in verb.head.children if child.dep_ == "dobj" and child.i < verb.i), None)


def _reported_clause(verb: Token) -> Token | None:
    """The clause reported before the verb of saying that a participle hangs on, whose
    subject the participle goes on with ("Taliban fighters overran a base, officials said,
    [killing] 17 soldiers": the fighters killed); None for any other word."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return None
    return next((child for child in verb.head.lefts if child.dep_ == "ccomp"), None)


def _phrase(token: Token, text: str) -> Span:
    """A noun's phrase without its relative clauses and appositions, and, where "and" joins
    another noun to it, without what follows that noun ("Russia" of "Russia and Ukraine in
    Istanbul": the place is the joined words'), nor from a time the parse hung on it on
    ("The Foreign Office [during a weekly briefing in Islamabad] welcomed", "Arnor [on
    Thursday] signed", "airstrikes [this month in the area]"): that is the act's."""
    phrase = subtree_without_clauses(token, PHRASE_CUT)
    # The first word after the noun that joins another to it or says when; with none, past
    # the document's end.
    joined = min(
        (child.left_edge.i for child in token.rights if child.dep_ in {"cc", "conj"} or _is_time(child)),
        default=len(token.doc),
    )
    # Not an owner's "'s" ("Turkey" of "Turkey's decision").
    kept = [
        t
        for t in phrase
        if not t.is_punct and not t.is_space and t.i < joined and (t.dep_ != "case" or t.head.i != token.i)
    ] or [token]
    start, end = kept[0].idx, kept[-1].idx + len(kept[-1].text)
    if text.startswith(")", end) and text.count("(", start, end) > text.count(")", start, end):
        end += 1  # a bracket the phrase opens closes in it ("the Cambodia National Rescue Party (CNRP)")
    return Span.of(text, start, end)


def _is_time(word: Token) -> bool:
    """Whether a word after a noun says when ("this month", "on Thursday", "during a visit")."""
    if word.dep_ == "prep":
        return word.lower_ == "during" or names_time(word)
    return word.dep_ == "npadvmod" and word.ent_type_ in DATE_LABELS


def names_time(preposition: Token) -> bool:
    """Whether a preposition's object is a date or a time ("[on] Friday", "[in] March")."""
    return any(child.dep_ == "pobj" and child.ent_type_ in DATE_LABELS for child in preposition.children)


def party_of(span: Span, text: str, mentions: NamedMentions) -> EventActor:
    """A party by its words, and the entity whose mention it holds, if any, else the entity
    whose mention its words begin inside ("Sheikh Hamad", where the parse cut the name
    "Sheikh Hamad bin Khalifa al-Thani"); not a dateline its words open with or begin inside
    ("TRIPOLI - South African President Nelson Mandela", "[May 3 (Reuters) -] Ukraine")."""
    line = text.rfind("\n", 0, span.start) + 1
    for start in (span.start, line):  # the dateline opens the words, or they begin inside it
        dateline = DATELINE.match(text, start, span.end)
        if dateline is not None and span.start < dateline.end() < span.end:
            span = Span.of(text, dateline.end(), span.end)
            break
    stamp = POST_STAMP.match(text, span.start, span.end)
    if stamp is not None and span.start < stamp.end() < span.end:
        span = Span.of(text, stamp.end(), span.end)  # a live blog's post time: "10:10 - Modi"
    found = (*mentions.named_in(span), *mentions.around(span.start))
    # A name that owns the party's head is only whose it is ("Lebanon's Hezbollah"): the
    # head's proper name comes first (not a common noun the tagger named: "China's defence
    # ministry" is China's, CHNGOV); the owner of a relation is never the party ("Israel" of
    # "Israel's militia ally in southern Lebanon").
    owners = {entity.id: _ownership(entity, span, text) for entity in found}
    # Only a name up to the head counts as the head's; not one after it ("Venezuela" of "The
    # UN's fact-finding mission on Venezuela", whose owner the mission is); but a place one
    # holds is named after its head ("Mosul" of "the ISIS-held area of Mosul").
    cut = AFTER_HEAD.search(span.text)
    held = any(
        _HOLDING.match(text, m.end)
        for entity in found
        for m in entity.mentions
        if span.start <= m.start < span.end
    )
    head_end = span.start + cut.start() if cut is not None and not held else span.end
    named_head = any(
        owners[other.id] is None
        and other.name[:1].isupper()
        and any(mention.start < head_end and mention.end > span.start for mention in other.mentions)
        for other in found
    )
    kept = sorted(
        (entity for entity in found if entity.type != "NORP" and owners[entity.id] != RELATION),
        key=lambda entity: named_head and owners[entity.id] == OWNER,
    )
    return EventActor(span.text, kept[0].id if kept else None)


def _people_before_place(
    words: str,
    entity: Entity,
    coder: ActorCoder,
    day: date | None,
    after_head: re.Pattern[str] = PLACE_AFTER_HEAD,
) -> str | None:
    """The code the words before the head give where ``entity`` is named only after it
    (``after_head``), as a place: a people's adjective says whose the head is, not the place
    ("the Iraqi embassy in Kabul" IRQ, "Palestinian refugees in Syria" PSE); None where they
    name no country."""
    after = after_head.search(words)
    if after is None or _ETHNIC.search(words):
        return None  # an ethnic minority is of where it lives ("ethnic Russians in Ukraine")
    head = _RELATION_OWNER.sub("", words[: after.start()])  # not "Israel's" of "Israel's ally"
    if any(name in head for name in (entity.name, *entity.aliases)):
        return None
    code = coder.code_description(head, day)
    if code is None or code[:3] not in coder.country_codes:
        return None
    # A people's name of two states ("Congolese") before a place of one of them is that
    # one's ("Congolese troops in Brazzaville" COG in 1999, when "Congolese" alone is COD).
    place = entity.actor.code[:3] if entity.actor is not None and entity.actor.country else None
    return None if place != code[:3] and place in coder.description_countries(head) else code


def _bare_country(entity: Entity) -> bool:
    """Whether an entity the tagger typed otherwise than a place is coded as a country alone
    ("Bamako" ORG, MLI): a place by its code."""
    actor = entity.actor
    return actor is not None and actor.country is not None and actor.code == actor.country


def _named_party(words: str) -> bool:
    """Whether a party's words are a political party's name: capitalised words before the
    head "party" ("The fundamentalist Umma (Nation) party"; not "a birthday party")."""
    head = AFTER_HEAD.sub("", words, count=1).split()
    return len(head) > 1 and head[-1].lower() == "party" and head[-2][:1] in "(" + string.ascii_uppercase


# How a party's words name an entity (``_ownership``): as the owner of their head, or of a
# relational noun, or otherwise.
OWNER, RELATION = "owner", "relation"


def _ownership(entity: Entity, span: Span, text: str) -> str | None:
    """Whether an entity is named in ``span`` only as an owner ("Lebanon" of "Lebanon's
    Hezbollah": OWNER), only as the owner of a relational noun or after "to" ("Israel" of
    "Israel's militia ally", of "Egypt's ambassador to Israel": RELATION, the other side of
    the relation), or else (None)."""
    inside = [m for m in entity.mentions if span.start <= m.start and m.end <= span.end]
    if inside and all(_DESTINATION.search(text, span.start, m.start) for m in inside):
        return RELATION  # whom the party is sent to ("Egypt's ambassador to Israel")
    endings = [_OWNER_ENDING.match(text, m.end) for m in inside]
    if not inside or None in endings:
        return None
    related = all(RELATIONAL.match(text, ending.end()) for ending in endings if ending is not None)
    return RELATION if related else OWNER


def code_parties(
    extraction: Extraction, coder: ActorCoder, descriptions: dict[str, str], event_times: dict[str, str]
) -> None:
    """Give each event's parties their actor codes and each event its date, on the
    document's publication date: a party's entity's code, else the code its words give
    ("Hungarian officials" HUNGOV) or the ``descriptions`` its entity's role came from
    (by entity id); the date of the time its trigger governs (``event_times``, by event
    id), else the publication date."""
    published = extraction.document.published
    text = extraction.document.text
    entities = {entity.id: entity for entity in extraction.entities}
    times = {time.id: time for time in extraction.times}
    countries: CountryMentions | None = None  # built when a party first needs a country
    coded: dict[str, str | None] = {}  # the code words give, by the words: many parties share them
    named: NamedMentions | None = None  # and when a party's words are looked into
    for event in extraction.events:
        parties = (*event.actor, *event.recipient)
        actors = {id(party) for party in event.actor}
        unplaced: list[Unplaced] = []
        for party in parties:
            entity = entities.get(party.entity) if party.entity else None
            if entity is not None and entity.type == "ORG" and entity.actor is None:
                # An organisation no dictionary knows that only qualifies a person's title
                # ("Labor leader Amir Peretz", "Sinn Fein leader Gerry Adams"): the person.
                named = named or NamedMentions(extraction.entities)
                person = _person_named(party, event, text, named)
                if person is not None:
                    entity, party.entity = person, person.id
                else:
                    # Nor one a coded name owns ("MONUSCO's Force Intervention Brigade"): the
                    # owner's, as "Sudan's army" is Sudan's.
                    owner = _coded_owner(party, event, text, named)
                    if owner is not None:
                        entity, party.entity = owner, owner.id
            # A person the dictionaries know by no country ("Kofi Annan" ELI) but who holds
            # or held an office of one: that country's, or that organisation's.
            holder = _office_code(entity) if entity is not None and entity.type == "PERSON" else None
            if holder is not None and (entity.actor is None or entity.actor.country is None):
                party.actor = coder.actor(holder)
                continue
            # A person the dictionaries know only by offices dated away from the day (or with
            # no day) is still of the country they served ("Rajiv Gandhi accused Pakistan":
            # India), with the sector their words give ("Prime Minister Rajiv Gandhi").
            home = _home_country(entity, coder) if entity is not None and entity.actor is None else None
            if home is not None:
                party.actor = coder.actor(home + (coder.sector_of(party.text) or ""))
                continue
            if entity is not None and entity.actor is not None and _stateless_group(entity.actor):
                # A rebel group the dictionaries place in no country ("Islamic Salvation
                # Front" INTREB; by its faith alone: "Aum Shinrikyo" BUDREB) is of the
                # country its name names ("Egyptian Islamic Jihad"), else of where it acts,
                # as a group no dictionary places.
                party.actor = entity.actor
                own = entity.actor.code[3:] if entity.actor.code.startswith(STATELESS) else entity.actor.code
                described = coder.code_description(entity.name, published)
                if described is not None:
                    party.actor = coder.actor(described[:3] + own)
                else:
                    unplaced.append(Unplaced(party, None, True, own))
                continue
            if (
                entity is not None
                and (entity.type in STATES or _bare_country(entity))
                and (
                    people := _people_before_place(
                        party.text,
                        entity,
                        coder,
                        published,
                        AIMED_AFTER_HEAD if id(party) in actors else PLACE_AFTER_HEAD,
                    )
                )
            ):
                party.actor = coder.actor(people)
                continue
            closer = _named_more_closely(party.text, entity, coder, published) if entity is not None else None
            if closer is not None:
                party.actor = coder.actor(closer)
                continue
            if entity is not None and entity.actor is not None:
                party.actor = entity.actor
                if entity.actor.country is None and entity.actor.code[:3] not in TRANSNATIONAL:
                    # An organisation of no country in the dictionaries whose name names
                    # its home ("The New York Times" MED): of that country (USAMED).
                    homes = (
                        _code_words_kept(entity.name, coder, published, coded),
                        city_country(entity.name),
                    )
                    states = coder.country_codes
                    home = next((code[:3] for code in homes if code and code[:3] in states), None)
                    if home is not None:
                        party.actor = coder.actor(home + entity.actor.code)
                    continue
                if entity.actor.sector is None and entity.actor.country:
                    # A country's agents named by it are of its sector ("US forces", "Pakistan's
                    # foreign minister"): USAMIL, PAKGOV, not the bare country; also where NER
                    # took the country's adjective for another kind of name ("Sierra Leonean
                    # troops" ORG, "Sri Lankan soldiers" PERSON).
                    # Of the last words up to the head besides the name: "the People's Republic
                    # of China" and "the rebel-held city near Damascus" are none.
                    head = AFTER_HEAD.sub("", _without_names(party.text, entity), count=1)
                    sector = coder.sector_of(" ".join(head.replace("-", " ").split()[-2:])) or (
                        weapon_sector(head) if id(party) in actors else None  # "a bombing in Quetta"
                    )
                    if sector is not None and of_sectors(sector, PLACED_SECTORS):
                        party.actor = coder.actor(entity.actor.code + sector)
                continue
            # No entity, or one the dictionaries do not know: what the words say. An
            # organisation's own name gives no sector ("General Motors" is no general).
            own_name = (
                entity.name
                if entity is not None and entity.type == "ORG" and coder.sector_of(entity.name) is not None
                else None
            )
            description = descriptions.get(entity.id) if entity else None
            # Neither the other side of a relation ("Israel's militia ally") nor of a border
            # ("a Karen guerrilla stronghold on the Thai border") is the party's country.
            own_words = _BORDER.sub("", _RELATION_OWNER.sub("", without_name(party.text, own_name)))
            words = [own_words] + ([description] if description else [])
            # An ethnic minority is of the country it lives in, not the one its people name
            # ("ethnic Albanians in Macedonia", "ethnic Turks began a hunger strike").
            ethnic = _ETHNIC.search(words[0])
            if ethnic is not None:
                words[0] = without_name(words[0], ethnic.group(0))
            # A city no dictionary knows is of its country ("protesters in Kharkiv").
            code = (
                next((c for w in words if (c := _code_words_kept(w, coder, published, coded))), None)
                or city_country(words[0])
                or _regional_bloc(words[0])
                or _the_west(words[0])
                or _leaders_government(words[0], coder, published)
            )
            if code is not None:
                named = named or NamedMentions(extraction.entities)
                code = _place_in_context(code, _named_in_party(party, event, text, named), coder, published)
            # Of a compound sector, any part ("defence minister" GOVMIL); a state's side, its
            # government.
            sector = coder.sector_of(party.text) or ""
            if not sector and code in coder.country_codes and head_of(party.text).lower() == STATE_SIDE:
                sector = GOVERNMENT
                code += sector
            # Words whose sector names no one a country has (none, or a religion: "Moslem
            # guerrillas" MUS) take their head's: a group named by its faith is of its agent
            # noun's sector (REB); a weapon that acts stands for whoever used it ("A car bomb
            # killed 12 people": unidentified armed forces). Either is of the country its
            # words or its sentence name.
            head = None
            # A news outlet no dictionary knows, by its words ("the Daily Gazette") or its
            # masthead ("the Daily News", "the Weekly Mail"): the media of the country its
            # sentence names, as an official would be.
            # So is a name of any kind its noun calls an outlet ("the news site Tut.by", which NER
            # may take for a place).
            outlet = entity is not None and (
                (entity.type == "ORG" and (sector == "MED" or (not sector and _masthead(entity.name))))
                or (not sector and entity.type in NAMED and _named_as_outlet(party, event, text))
            )
            if outlet:
                head = None if sector else "MED"
            elif not of_sectors(sector, PLACED_SECTORS):
                used = weapon_sector(party.text) if entity is None and id(party) in actors else None
                # A political party no dictionary knows ("The fundamentalist Umma (Nation)
                # party", "the pro-Islamic Welfare Party" MUS): of the country its sentence
                # names, as a party out of power; those in power the dictionaries know, or
                # their words say ("the ruling ... party").
                named_party = entity is not None and entity.type == "ORG" and _named_party(party.text)
                held = CIVILIANS if head_of(party.text).lower() in HELD_PEOPLE else None
                head = (
                    used
                    or _head_sector(party.text, coder)
                    or (UNKNOWN_PARTY if named_party else None)
                    or held
                )
            if head is not None:
                sector += head
                code = code + head if code in coder.country_codes else code
            if code is None and sector.startswith(NON_GOVERNMENTAL):
                # Non-governmental bodies by their noun alone ("relief agencies", "aid
                # groups") are of no country: their sector is their code.
                code = sector
            party.actor = coder.actor(code)
            # A town no dictionary or table places that an act is done to ("An Azerbaijani
            # spokesman said Armenian forces shelled the town of Terter") is of the country
            # its sentence names that no party holds, as a coder reading it would.
            # So is a facility or a place NER took for one ("the town of Pont-Sonde").
            acts = id(party) in actors
            town = entity is not None and entity.type in TOWN_LABELS and not acts and not sector
            # A town its own words around it place ("the Sagaing village of Pazigyi", "the
            # Russian town of Budyonnovsk", "Tawila, North Darfur,") is of that country, whoever
            # acts on it.
            located = _town_located(party, event, text, coder, published) if town and code is None else None
            if located is not None:
                party.actor = coder.actor(located)
                continue
            criminals = acts and of_sectors(sector, CRIMINAL)
            # A people of several states with no agent noun ("Thousands of Kurds"): of where
            # they are, as a group; not a body its name names ("the Kurdish Red Crescent").
            # No sector is given them: people (CVL) are no political party, and the event
            # of "Baloch tribal leaders agreed" would be lost.
            stateless = (
                code is None
                and not sector
                and _names_stateless_people(party.text)
                and not (entity is not None and entity.type == "ORG" and _names_stateless_people(entity.name))
            )
            # Journalists and outlets no dictionary places ("detained two journalists",
            # "foreign reporters", "the newspaper") are of where they work, as a group is: the
            # place the sentence names, else the state that acts on them.
            press = entity is None and of_sectors(sector, MEDIA)
            # A state named by its relation to another's ("its southern neighbour", "both
            # neighbours"): a country the sentence names, never the other side's.
            neighbour = (
                code is None and _NEIGHBOUR.fullmatch(AFTER_HEAD.sub("", party.text, count=1)) is not None
            )
            if code is None and (
                neighbour
                or ethnic is not None
                or (entity is not None and entity.type == "PERSON")
                or of_sectors(sector, PLACED_SECTORS)
                or town
                or outlet
                or criminals
                or press
                or stateless
            ):
                people = coder.code_description(ethnic.group(1), published) if ethnic else None
                other_side = _countries_of(event.recipient if id(party) in actors else event.actor)
                kept_from = people[:3] if people else (other_side[0] if neighbour and other_side else None)
                group = ethnic is not None or criminals or press or of_sectors(sector, GROUP_SECTORS)
                own = sector if head else None  # not in its words
                unplaced.append(Unplaced(party, kept_from, group, own, town))
        for party in parties:
            if party.actor is not None and party.actor.code[:3] in UNIONS and party.actor.country is None:
                # A union's republic (USRARM, Soviet Armenia before 1991) is of the republic,
                # as PLOVER writes it: ARM, not no country.
                party.actor = coder.actor(party.actor.code[3:]) or party.actor
            elif (
                party.actor is not None
                and party.actor.code[:3] == FIRM
                and party.actor.code[3:6] in coder.country_codes
            ):
                # A firm the dictionaries file by its home country (MNCUSA, MNCGBRMED) is of
                # that country's business, as PLOVER codes firms: USABUS, GBRMED.
                home, sector = party.actor.code[3:6], party.actor.code[6:]
                party.actor = coder.actor(home + (sector or BUSINESS))
            elif (party.actor is None or party.actor.country is not None) and _un_contingent(
                party, event, text, named := named or NamedMentions(extraction.entities)
            ):
                # A state's contingent of peacekeepers in a sentence that names the UN or one
                # of its missions ("Rebels released 54 Zambian peacekeepers, UN officials said",
                # "Nepali blue helmets serving with UNIFIL") serves the UN force, as the gold
                # sets code it (IGO); elsewhere ("Russian peacekeepers in Karabakh") it stays
                # its state's.
                party.actor = coder.actor(UN_FORCE)
            entity = entities.get(party.entity) if party.entity else None
            if entity is not None and entity.type == "PERSON" and party.actor and party.actor.country:
                # The country a person's words give their title is theirs, whatever country
                # the dictionaries know their name by ("King Hassan of Morocco", "Soviet
                # Foreign Minister Eduard Shevardnadze"): the text's, as a coder reads it.
                stated = _stated_country(party.text, entity, coder, published)
                if stated is not None and stated != party.actor.country:
                    party.actor = coder.actor(stated + (party.actor.sector or ""))
        if unplaced:  # the sentence's countries are looked up only when someone needs one
            if countries is None:
                countries = CountryMentions(extraction.entities, text, coder, published)
            states = [party for party in event.recipient if _is_state(party, event, entities, text)]
            _place(unplaced, event, countries, coder, _countries_of(states))
        # A recipient is a party, not the thing agreed or rejected ("a ceasefire"): someone
        # named or coded, or people ("37 prisoners", "its owners") no dictionary codes.
        event.recipient = [
            party for party in event.recipient if party.entity or party.actor or names_party(party.text)
        ]
        first = event.recipient[0] if event.recipient else None
        if first is not None and first.actor is not None and not _bare_place(first, entities):
            # People the act is aimed at that their words code ("demonstrators" OPP) leave
            # the place they were in behind (``parties_of``).
            event.recipient[1:] = [party for party in event.recipient[1:] if not _bare_place(party, entities)]
        time = times.get(event_times[event.id]) if event.id in event_times else None
        event.date = time.value if time and time.value else (published.isoformat() if published else None)


@cache
def _region_adjectives() -> re.Pattern[str]:
    """The adjectives of regions of several states (``data/region_blocs.txt``) as one
    pattern of whole words, the longest first ("West African" before "African"), never
    the end of a state's adjective ("Central African", "South African")."""
    regions = sorted(data_lines("region_blocs.txt"), key=len, reverse=True)
    return re.compile(r"(?<!Central )(?<!South )\b(?:" + "|".join(map(re.escape, regions)) + r")\b")


def _regional_bloc(words: str) -> str | None:
    """IGO for the state agents of a region of several states that no country's words
    qualify ("West African leaders", "East African mediators", "European creditors"), else
    None: a bloc acting together, not one state."""
    head = head_of(words).lower()
    agents = any(head in (agent, english_plural(agent)) for agent in _BLOC_AGENTS)
    return "IGO" if agents and _region_adjectives().search(words) else None


@cache
def _stateless_peoples() -> re.Pattern[str]:
    """The names of peoples of several states (``data/stateless_peoples.txt``) as one
    pattern of whole words."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, data_lines("stateless_peoples.txt"))) + r")\b")


def _names_stateless_people(words: str) -> bool:
    """Whether a party's words name a people of several states ("Tens of thousands of
    Kurds", "Baloch tribal leaders")."""
    return _stateless_peoples().search(words) is not None


def _the_west(words: str) -> str | None:
    """The United States for "the West" as a party ("Putin warned the West", "the claims of
    Western capitals"), as the gold sets code it and "Western" (``data/region_blocs.txt``);
    None for other words. Only with its article or a noun of states: never a surname ("West
    said") nor a region's word ("West Africa", "Western Sahara")."""
    return WESTERN_STATE if _THE_WEST.fullmatch(words.strip()) else None


@cache
def _weapon_sectors() -> dict[str, str]:
    """Weapons' head nouns (lower case) to the sector of their unnamed users
    (``data/event_weapons.tsv``)."""
    lines = (line.split("\t") for line in data_lines("event_weapons.tsv"))
    return {noun.lower(): sector for noun, sector in lines}


def head_of(words: str) -> str:
    """The head word of a party's words ("sides" of "the Turkish and Greek sides of Cyprus",
    "Nissan" of "Japan's Nissan", "Nigerians" of "Thousands of Nigerians"), without a
    possessive ending or a bracket."""
    words = _BRACKETS.sub("", words)
    counted = _counted_words(words)
    if counted != words:
        return head_of(counted)
    before = AFTER_HEAD.sub("", words, count=1).split()
    return _POSSESSIVE.sub("", before[-1]) if before else ""


def _counted_words(words: str) -> str:
    """The words after a quantity ("Thousands of Nigerians") or a salvo's noun ("A wave of
    Ukrainian drones", "a barrage of Russian missiles"), which name who or what acts; else
    the words."""
    before = AFTER_HEAD.sub("", words, count=1).split()
    rest = words.split(" of ", 1)[1:]
    counted = (len(before) == 1 and before[0].lower() in QUANTITIES) or (
        len(before) == 2 and before[0].lower() in {"a", "an"} and before[1].lower() in SALVOS
    )
    return rest[0] if counted and rest else words


def names_party(words: str) -> bool:
    """Whether a party's words name people or a body by their head noun ("37 prisoners", "its
    owners", "about 550 households", "dozens of fighters", "the government"), in the singular
    or the plural."""
    return head_of(words).lower() in PARTY_NOUN_FORMS


def _head_sector(words: str, coder: ActorCoder) -> str | None:
    """The sector of the head noun of a party's words alone, where it is of a country's
    agents ("guerrillas" of "Moslem guerrillas in Kashmir": REB), else None."""
    head = AFTER_HEAD.sub("", _counted_words(words), count=1).split()
    sector = coder.sector_of(head[-1]) if head else None
    return sector if sector is not None and of_sectors(sector, PLACED_SECTORS) else None


def weapon_sector(words: str) -> str | None:
    """The sector of whoever used the weapon a party's words name by their head ("A car
    bomb", "A roadside bombing near Samarra", "Rockets", "A wave of Ukrainian drones"), else
    None."""
    head = AFTER_HEAD.sub("", _counted_words(words), count=1).lower().split()
    weapons = _weapon_sectors()
    names = (" ".join(head[-2:]), head[-1] if head else "")
    return next((weapons[name] for name in names if name in weapons), None)


def _stated_country(words: str, entity: Entity, coder: ActorCoder, day: date | None) -> str | None:
    """The country a person's words name besides the person's names, before any place after
    them ("Soviet Foreign Minister", "King of Morocco"; not "in Moscow"), not as the other side
    of a relation or a border, a former state as its successor (the Soviet Union as Russia);
    None where they name no country."""
    words = _without_names(words, entity)
    place = PLACE_AFTER_HEAD.search(words)
    words = _BORDER.sub("", _RELATION_OWNER.sub("", words[: place.start()] if place else words))
    if not any(word[:1].isupper() for word in words.split()):
        return None
    # What is left of a person's words is a title or a description, never another person's
    # name: "Sheikh" of "Sheikh Hasina" (NER's "Hasina") is no Somali president's surname.
    code = _code_words(words, coder, day, persons=False)
    if code is None or code[:3] not in coder.country_codes:
        return None
    return _successors().get(code[:3], code[:3])


@cache
def _successors() -> dict[str, str]:
    """States of older news to their successors (``data/event_successors.tsv``)."""
    return dict(line.split("\t") for line in data_lines("event_successors.tsv"))


def _person_named(party: EventActor, event: Event, text: str, mentions: NamedMentions) -> Entity | None:
    """The first person named in a party's words in the event's sentence, else None."""
    found = _named_in_party(party, event, text, mentions)
    return next((entity for entity in found if entity.type == "PERSON"), None)


def _coded_owner(party: EventActor, event: Event, text: str, mentions: NamedMentions) -> Entity | None:
    """The coded entity a party's words name only as the owner of their head ("MONUSCO" of
    "MONUSCO's Force Intervention Brigade", "Iran" of "Iran's Foreign Ministry"), if any."""
    start = _party_start(party, event, text)
    if start < 0:
        return None
    span = Span.of(text, start, start + len(party.text))
    return next(
        (
            entity
            for entity in mentions.named_in(span)
            if entity.actor is not None
            and not _bare_country(entity)
            and _ownership(entity, span, text) == OWNER
        ),
        None,
    )


def _named_in_party(party: EventActor, event: Event, text: str, mentions: NamedMentions) -> list[Entity]:
    """The entities named in a party's words in the event's sentence."""
    start = _party_start(party, event, text)
    return mentions.named_in(Span.of(text, start, start + len(party.text))) if start >= 0 else []


def _party_start(party: EventActor, event: Event, text: str) -> int:
    """Where a party's words first stand in the event's sentence, -1 where they do not."""
    return text.find(party.text, event.sentence.start, event.sentence.end)


def _place_in_context(code: str, places: Iterable[Entity], coder: ActorCoder, day: date | None) -> str:
    """``code``, given by words that name a place, with the country the text around the
    place's name gives it where that differs from its name's alone ("Gunmen in Tripoli,
    Lebanon": LBN, not the LBY of "Tripoli"; ``resolve.actors.code_places_in_text``)."""
    for entity in places:
        if entity.type != "GPE" or entity.actor is None or entity.actor.country is None:
            continue
        alone = coder.code_name(entity.name, day)
        if alone is not None and alone[:3] == code[:3] != entity.actor.code[:3]:
            return entity.actor.code[:3] + code[3:]
    return code


def _named_more_closely(words: str, entity: Entity, coder: ActorCoder, day: date | None) -> str | None:
    """The code a party's words give where they say more than the entity NER named in them:
    an organisation's whole name (``_whole_name``), an armed group's branch (``_branch``), or
    a body of the country they name ("The Jordanian Senate" JORLEG, not the USAGOVLEG of
    "Senate"); else None."""
    actor = entity.actor
    return (
        _whole_name(words, entity, coder, day)
        or _branch(words, entity, coder, day)
        or (
            coder.body_of_country(words, entity.name, actor.code, day)
            if actor is not None and actor.country is not None
            else None
        )
    )


def _whole_name(words: str, entity: Entity, coder: ActorCoder, day: date | None) -> str | None:
    """The code of an organisation's whole name where NER named only a part of it, the
    party's words being the whole ("the Liberation Tigers of Tamil Eelam", NER's "Liberation
    Tigers", which the dictionaries' "Tigers" makes Swaziland's): None where the words are
    the entity's name or no name the dictionaries know."""
    name = LEADING_THE.sub("", words)
    if entity.type != "ORG" or entity.name not in name or name == entity.name:
        return None
    code = coder.code_name(name, day) or coder.code_name(_name_run(name, entity.name), day)
    return code if code is not None and (entity.actor is None or code != entity.actor.code) else None


def _name_run(words: str, name: str) -> str:
    """The whole name around ``name`` in ``words`` where NER cut it at a hyphen: the word it
    is joined into and the capitalised words after it ("Tehreek-i-Taliban Pakistan" of
    "Militants of the proscribed Tehreek-i-Taliban Pakistan", NER's "Taliban")."""
    # Joined words before it, capitalised ones after it: not "ISIS-held" of "the ISIS-held area".
    found = re.search(
        r"(?:[\w'’.]+-)*" + re.escape(name) + r"(?:-[A-Z][\w'’.]*)*(?:\s+[A-Z][\w'’.-]*)*", words
    )
    return found.group(0) if found is not None else name


def _branch(words: str, entity: Entity, coder: ActorCoder, day: date | None) -> str | None:
    """The code of an armed group's branch in another country where the party's words open
    with a people's adjective before the group's name NER gave alone ("The Pakistani
    Taliban", NER's "Taliban": PAKREB; ``ActorCoder.branch_of``)."""
    actor = entity.actor
    if entity.type != "ORG" or actor is None or not actor.country:
        return None
    first, *name = LEADING_THE.sub("", words).split() or [""]
    if not name or coder.code_name(" ".join(name), day) != actor.code:
        return None
    return coder.branch_of(first, actor.code, day)


def _stateless_group(actor: Actor) -> bool:
    """Whether a dictionary code is of an armed or popular group of no country: stateless
    (INTREB) or of a faith alone (BUDREB), not an international body (IGO, IMG, NGO)."""
    if actor.code.startswith(STATELESS):
        return True
    return (
        actor.country is None
        and actor.code[:3] not in TRANSNATIONAL
        and of_sectors(actor.code[3:], GROUP_SECTORS)
    )


def of_sectors(sector: str, sectors: frozenset[str]) -> bool:
    """Whether one of a sector's three-letter parts is of ``sectors`` ("GOVMIL", "REBHMS")."""
    return any(sector[start : start + 3] in sectors for start in range(0, len(sector), 3))


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A party no dictionary places: the country it is kept from (an ethnic minority's
    people's), and whether it is a group of people rather than an official."""

    party: EventActor
    not_of: str | None
    group: bool
    sector: str | None = None  # the sector its code already has, else its words' agent's
    town: bool = False  # a place acted on, of a country only another party does not hold


class CountryMentions:
    """The countries of a document's coded entities, by where they are mentioned, and whether
    each mention is a place ("in Syria"): built once per document, so that finding a
    sentence's countries is a lookup, not a pass over every entity of the document for each
    event. A news agency's country ("KCNA said", "ABUJA (NAN) -") and that of the place a
    dateline says the report was filed in come after every other the sentence names: whose
    news it is, for a party nothing else places ("The Federal Government agreed")."""

    def __init__(self, entities: list[Entity], text: str, coder: ActorCoder, day: date | None) -> None:
        coded = [
            (
                mention.start,
                mention.end,
                country,
                of_sectors(entity.actor.sector or "", MEDIA) if entity.actor else False,
            )
            for entity in entities
            if (country := _country_of_entity(entity))
            for mention in entity.mentions
        ]
        found = sorted((start, end, country) for start, end, country, media in coded if not media)
        self._media = sorted((start, country) for start, _, country, media in coded if media)
        self._filed = _filed_in(text, coder, day)
        self._starts = [start for start, _, _ in found]
        self._countries = [country for _, _, country in found]
        # Not the other side of a border ("killed 12 soldiers near the [Iraqi] border"):
        # what is done there is usually done on the near side; nor the state whose post is
        # there ("stones at the [U.S.] embassy in Athens").
        self._places = [
            any(pattern.search(text, max(0, start - 20), start) for pattern in (PLACE_BEFORE, BEARING_BEFORE))
            and _BORDER_AFTER.match(text, end) is None
            and _POST_AFTER.match(text, end) is None
            for start, end, _ in found
        ]

    def named_in(self, sentence: Span) -> list[tuple[str, bool]]:
        """The countries of the mentions that start in the sentence, in text order, each
        with whether a mention of it there is a place."""
        first = bisect_left(self._starts, sentence.start)
        after = bisect_left(self._starts, sentence.end)
        places: dict[str, bool] = {}
        for country, place in zip(self._countries[first:after], self._places[first:after], strict=True):
            places[country] = places.get(country, False) or place
        return list(places.items())

    @property
    def filed_in(self) -> str | None:
        """The country of the report's dateline, if it has one of a country."""
        return self._filed

    def reported_from(self, sentence: Span) -> list[str]:
        """The countries of the news agencies the sentence names, then that of the report's
        dateline: whose news it is."""
        media = [country for start, country in self._media if sentence.start <= start < sentence.end]
        # the dateline's place first: an agency files from abroad ("PORT-AU-PRINCE (Prensa Latina) -")
        return list(dict.fromkeys(([self._filed] if self._filed else []) + media))


def _leaders_government(words: str, coder: ActorCoder, day: date | None) -> str | None:
    """The government a leader's name qualifies ("the Modi government", "the Ardern
    administration"): of the country the dictionaries know the leader by (GOV); else None."""
    found = _LEADERS_GOVERNMENT.match(words.strip())
    code = coder.code_person((found.group("name"),), day) if found is not None else None
    return code[:3] + "GOV" if code is not None and code[:3] in coder.country_codes else None


def _town_located(
    party: EventActor, event: Event, text: str, coder: ActorCoder, day: date | None
) -> str | None:
    """The country of the place a town's words around its name in the event's sentence say
    it is in: the place before "town of" ("the Russian town of Budyonnovsk"), else one set
    off by commas after it ("Tawila, North Darfur,"), else one after "in" ("Pont-Sonde in
    Haiti's Artibonite department"); None where none is a place a country is known for."""
    start = _party_start(party, event, text)
    if start < 0:
        return None
    end = start + len(party.text)
    before = _TOWN_OF.search(text, max(event.sentence.start, start - TOWN_REACH), start)
    after = _TOWN_IN.match(text, end, min(event.sentence.end, end + TOWN_REACH))
    for found in (before, after):
        where = found.group("where") if found is not None else None
        code = (_code_words(where, coder, day) or city_country(where)) if where else None
        if code is not None and code[:3] in coder.country_codes:
            return code[:3]
    return None


def _country_of_entity(entity: Entity) -> str | None:
    """An entity's country: its code's, else, for a place no dictionary codes, the city
    table's ("North Darfur", "Kharkiv")."""
    if entity.actor is not None:
        return entity.actor.country
    return city_country_of_name(entity.name) if entity.type in PLACE_LABELS else None


def _filed_in(text: str, coder: ActorCoder, day: date | None) -> str | None:
    """The country of the dateline that opens one of a report's first lines: of its place
    ("ABUJA", "VIENNA"; by the city table: "JENIN"), else of the region or country it names
    after it ("CUCUTA, Colombia"), else of its agency ("(NAN)"); None without one, or with
    one of no country ("(Reuters)")."""
    dateline = opening_dateline(text)
    if dateline is None:
        return None
    place = dateline.group("place").title()
    region, agency = dateline.group("region", "agency")
    codes = (
        coder.code_name(place, day),
        city_country(place),
        coder.code_name(region, day) if region else None,
        coder.code_name(agency, day) if agency else None,
    )
    return next((code[:3] for code in codes if code and code[:3] in coder.country_codes), None)


def _is_state(party: EventActor, event: Event, entities: dict[str, Entity], text: str) -> bool:
    """Whether a recipient is a state by its name alone, named after the trigger, as what
    the act is aimed at ("accused [Bogota]", "warned [the United States]"; not "said
    Vietnam is committed")."""
    entity = entities.get(party.entity) if party.entity else None
    words = party.text.removeprefix("the ").removeprefix("The ")
    return (
        entity is not None
        and entity.type == "GPE"
        and words in (entity.name, *entity.aliases)
        and text.find(party.text, event.trigger.end, event.sentence.end) >= 0
    )


def _place(
    unplaced: list[Unplaced],
    event: Event,
    mentions: CountryMentions,
    coder: ActorCoder,
    foreign: Collection[str] = (),
) -> None:
    """Give a party no dictionary knows ("President Dos Santos", "Sheikh Hamad") the first
    country its sentence names that no other party holds, and the sector of its title, as
    a coder reading the sentence would ("Minister Tran Xuan Gia said Vietnam ..." VNMGOV);
    a group of people ("students", "ethnic Turks"), the country of a place the sentence
    names, else one another party holds ("Turkish police prevented a protest by students"
    TUREDU); never the country it is kept from (an ethnic minority's people's: "ethnic
    Albanians" are not of Albania). An official who meets is not of the country only named
    as the venue ("envoys held talks in Geneva"), nor an official who acts on a state named
    by itself (``foreign``: "Chavez accused Bogota", "Kagame accused Paris") of that state,
    unless it is also where the act is ("declared a state of siege in Haiti"), nor one who
    meets of the country of whom they meet; a government a protest presses, of the
    protesters' country. Failing all, the country whose news it is
    (``CountryMentions.reported_from``: "ABUJA (NAN) - The Federal Government agreed"); for a
    government no words place, the country of the report's dateline (``filed_in``) first."""
    countries = mentions.named_in(event.sentence)
    reported_from = mentions.reported_from(event.sentence)
    filed_in = mentions.filed_in
    parties = (*event.actor, *event.recipient)
    held = _countries_of(parties)
    named = [country for country, _ in countries]
    # A country another party holds only when the sentence names no other ("President
    # Bouteflika threatened a curfew in Algiers", "Vice-President Awori declined to resign
    # despite pressure by the Kenya Anti-Corruption Commission").
    unheld = [country for country in named if country not in held]
    own = set(reported_from)
    last = [country for country in reported_from if country not in named and country not in held]
    ranked = unheld + held + last
    located = [country for country, place in countries if place] + held + named + last
    places = dict(countries)
    venues = {country for country, place in countries if place} if event.event_type in VENUE_TYPES else set()
    actors = {id(party) for party in event.actor}
    # A town is not taken for of the country of the side that acts on it ("Moscow's forces
    # shelled the town of Izium"), unless that side is an armed or criminal group, which acts
    # where it lives ("Gang members attacked Mirebalais").
    local = _countries_of(party for party in event.actor if party.actor and _of_group(party.actor))
    towns = unheld + local + last
    for found in unplaced:
        choices = towns if found.town else located if found.group else ranked
        if not found.group and id(found.party) in actors:
            # A country the report comes from is none of the states acted on, for its own
            # officials ("ANKARA (AA) - The Interior Ministry removed the mayors of Mardin").
            away = venues | {country for country in foreign if not places.get(country) and country not in own}
            if event.event_type in VENUE_TYPES:
                # One who meets another is not taken for of the other's country ("Deng met
                # Gorbachev in Beijing" is no Soviet; "received the Russian deputy minister").
                away |= set(_countries_of(event.recipient))
            choices = [country for country in choices if country not in away]
            if filed_in not in (None, *away) and head_of(found.party.text).lower() in GOVERNMENT_NOUNS:
                # A government no words place ("CARACAS - The Bolivarian government condemned
                # the blockade imposed by Washington") is that of where the report was filed
                # before a state its sentence names; not an agency's, which files from abroad.
                choices = [filed_in, *choices]
        elif event.event_type == PROTEST and head_of(found.party.text).lower() in GOVERNMENT_NOUNS:
            # A government a protest presses that no words place is the protesters' own
            # ("Students in Novi Sad blockaded bridges to protest against the government").
            choices = [*_countries_of(event.actor), *choices]
        country = next((country for country in choices if country != found.not_of), None)
        if country is not None:
            party = found.party
            if _OCCUPIER.search(party.text):
                # the occupier or settler of a land is of the state that occupies it
                country = _occupiers().get(country, country)
            sector = found.sector or coder.sector_of(party.text)
            party.actor = Actor(code=country + (sector or ""), country=country, sector=sector)


def _un_contingent(party: EventActor, event: Event, text: str, mentions: NamedMentions) -> bool:
    """Whether a party is peacekeepers by its head ("Ten Chadian peacekeepers", "Pakistani
    peacekeeping troops in Mogadishu", "Nepali blue helmets") in a sentence that names the UN
    or an entity the dictionaries code as the UN's (a mission: "UNIFIL", "MONUSCO")."""
    head = AFTER_HEAD.sub("", party.text, count=1).strip()
    return _PEACEKEEPERS.search(head) is not None and (
        _UNITED_NATIONS.search(text, event.sentence.start, event.sentence.end) is not None
        or any(
            entity.actor is not None and entity.actor.code.startswith(UN_BODY)
            for entity in mentions.named_in(event.sentence)
        )
    )


def _named_as_outlet(party: EventActor, event: Event, text: str) -> bool:
    """Whether the noun just before a party's name in its sentence calls it a news outlet
    ("the newspaper [La Prensa]", "the independent news site [Tut.by]", "the broadcaster [Rustavi
    2]"), as the parse leaves the noun out of the party."""
    start = _party_start(party, event, text)
    return (
        start >= 0 and _OUTLET_BEFORE.search(text, max(event.sentence.start, start - 40), start) is not None
    )


def _masthead(name: str) -> bool:
    """Whether an organisation's name is a newspaper's by its last word ("Daily News", "The
    Weekly Mail", "Sunday Times")."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in MASTHEAD_WORDS


def _of_group(actor: Actor) -> bool:
    """Whether an actor is a group of people by its sector ("HTICRM", "CODREB"), not a state's
    agent."""
    return actor.sector is not None and of_sectors(actor.sector, GROUP_SECTORS | CRIMINAL)


@cache
def _occupiers() -> dict[str, str]:
    """Occupied lands' countries to their occupiers' (``data/event_occupiers.tsv``)."""
    return dict(line.split("\t") for line in data_lines("event_occupiers.tsv"))


def _bare_place(party: EventActor, entities: dict[str, Entity]) -> bool:
    """Whether a party is only a place's name ("Rangoon")."""
    entity = entities.get(party.entity) if party.entity else None
    return entity is not None and entity.type in PLACE_LABELS and party.text == entity.name


def _countries_of(parties: Iterable[EventActor]) -> list[str]:
    """The countries the parties' codes hold, each once, in order."""
    return list(
        dict.fromkeys(party.actor.country for party in parties if party.actor and party.actor.country)
    )


@cache
def _office_holder_codes() -> dict[str, str]:
    """The holders of ``data/office_holders.tsv`` by name (lower case, hyphens as spaces) to
    the code they act under: a country's government ("QATGOV") or an organisation ("IGOUNO");
    a name of two countries' holders is left out."""
    codes: dict[str, set[str]] = {}
    for terms in shipped_office_holders().terms.values():
        for term in terms:
            codes.setdefault(_name_key(term.name), set()).add(term.country)
    return {
        name: country + "GOV" if len(country) == 3 else country
        for name, (country, *others) in ((name, sorted(found)) for name, found in codes.items())
        if not others
    }


def _home_country(entity: Entity, coder: ActorCoder) -> str | None:
    """The one country a person's dictionary codes are all of, by any of their names; also
    of a full name NER typed as an organisation, a place or a people ("Franjo Tudjman" ORG,
    his codes all dated), not a single word ("Ford": a firm too)."""
    names = (entity.name, *entity.aliases)
    if entity.type != "PERSON":
        if entity.type not in MISTYPED:
            return None
        names = tuple(name for name in names if " " in name.strip())
    return next((country for name in names if (country := coder.home_country(name))), None)


def _name_key(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").split())


def _office_code(entity: Entity) -> str | None:
    """The code of the office a person holds or held, by any of their names."""
    codes = _office_holder_codes()
    return next(
        (code for name in (entity.name, *entity.aliases) if (code := codes.get(_name_key(name)))), None
    )


def _without_names(words: str, entity: Entity) -> str:
    """A party's words without any of its entity's names ("US navies": "navies")."""
    for name in (entity.name, *entity.aliases):
        words = without_name(words, name)
    return words


def without_name(words: str, name: str | None) -> str:
    """A party's words without a name they hold ("General Motors' plants in Ohio" without
    "General Motors": "' plants in Ohio")."""
    return words.replace(name, " ").strip() if name and name in words else words


def _code_words(words: str, coder: ActorCoder, day: date | None, persons: bool = True) -> str | None:
    """The code words give: as a name when they hold one (capitalised: "the Kremlin", not
    "occupied territories"), else as a description, the words up to the head first
    ("Kampuchean guerrilla camps near the Thai border" KHMREB), else as the actor named
    before the head ("Islamic State targets"), else the description of all the words
    ("officials in Kabul"), else the organisation they name ("the UN Migration Agency"),
    else the person a bare name NER missed names ("F.W. de Klerk"; a lone surname only for
    a leader in office on the day: "Morales expelled" in 2008, not "Ford will cut"; not with
    ``persons`` false)."""
    named = any(word[:1].isupper() for word in words.split())
    head = AFTER_HEAD.sub("", words, count=1)
    return (
        (coder.code_name(words, day) if named else None)
        or (coder.code_head_name(head, day) if named else None)
        or coder.code_description(head, day)
        or (coder.code_qualifier_name(head, day) if named else None)
        or (coder.code_description(words, day) if head != words else None)  # else asked above
        or (coder.code_organisation(words) if named else None)
        or (
            coder.code_person((words,), day, *_surname_alone(words, coder, day))
            if persons and _bare_name(words)
            else None
        )
    )


def _surname_alone(words: str, coder: ActorCoder, day: date | None) -> tuple[bool, bool]:
    """How a lone surname is read (``leaders_only``, ``in_office``): as a leader in office
    on the day ("Morales expelled" in 2008, not "Ford will cut"); with no day, as one of
    the politicians of one country who bear it ("Museveni congratulated Kibaki"), unless a
    firm's or another body's name begins with it ("Ford")."""
    alone = " " not in words
    return alone, alone and (day is not None or coder.opens_body_name(words))


def _code_words_kept(
    words: str, coder: ActorCoder, day: date | None, coded: dict[str, str | None]
) -> str | None:
    """The code words give (``_code_words``), each words coded once: ``coded`` keeps them,
    for one document (one day)."""
    if words not in coded:
        coded[words] = _code_words(words, coder, day)
    return coded[words]


def _bare_name(words: str) -> bool:
    """Whether words are a person's name alone, as NER may miss one: at most four words,
    each capitalised or a surname's particle ("F.W. de Klerk", "Meles"; not "the Syrian
    army" nor "Morales in La Paz")."""
    tokens = words.split()
    return 0 < len(tokens) <= 4 and all(
        token[:1].isupper() or token.lower() in SURNAME_PARTICLES for token in tokens
    )
