"""Political events only: an event needs a political party on at least one side.

A party is political when its actor code says so: a government, military, police, rebel or
armed group, party, opposition, court or legislature, an IGO or NGO (the code's sectors);
when its words name a political body or office ("the Umma party", "Defence Secretary"); or
when it is a country or its capital acting as a state: a country code alone, on words whose
head names the state or its people ("Israel", "the Americans"), not someone of it ("the
Chinese player", "Japan's Nissan") nor a club named after its town. A place where something
happens ("in Paris") acts in nothing, nor does a city that is no capital or a region
("Mumbai", "northern Vietnam": ``events.places``). A capital that acts stands for its
government or organisation (``data/event_capitals.tsv``: "Brussels" the EU), except as the
place an attack or protest is aimed at ("shelled Kyiv") or a visit goes to ("flew to Tokyo").
A protest is political in itself: any actor of a country will do ("Filipino fishermen"),
unless it is held outside a cafe, a shop or a pub ("Dog owners in Edinburgh staged a protest
walk outside a cafe"). No party is an animal ("killer whales had learned to attack"), a firm
or a club by its head noun ("the machine tool maker", whatever the dateline made of it), a
city for its club in a sentence about players ("Milan rejected a bid for winger X"), or a
place only named as where something is: in "the forest of" a country, as the owner of a
place ("England's woodland"), after a place it is listed with ("in Europe and the
Americas"), or as a route's end ("cancellations between London and Paris"). Nor is a party
a firm by its trade ("miner Anglo American"), a contest ("the Tour de France"), a city's
people or club ("Mumbai Indians"), judges outside a court's work ("the judges praised" a
novel), or "the two sides" of a document that names firms and no state.
"""

from __future__ import annotations

import re

from reportedly.attribution.lexicon import word_set
from reportedly.events.detection import event_id
from reportedly.events.parties import (
    LEADING_THE,
    PLACE_BEFORE,
    head_of,
    names_its_aim,
    of_sectors,
    without_name,
)
from reportedly.events.places import LAND_AND_WATER, is_place_name
from reportedly.events.senses import NOT_SPORT_PHRASES
from reportedly.model import Entity, Event, EventActor, Extraction
from reportedly.resolve.actors import ActorCoder, capital_codes, city_or_capital, shipped_tables
from reportedly.resolve.nominals import PLACE_LABELS

# CAMEO sectors of political actors: state institutions, armed and political groups,
# elites, IGOs, NGOs and militant groups.
POLITICAL_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "OPP", "REB", "PTY", "UAF", "INS", "SEP", "ELI"}
    | {"IGO", "NGO", "IMG", "NGM", "RAD", "HRI", "MOD"}
)
# An organisation is political when its name ends in a political body's word, coded or not
# ("Liberian Peace Council", "the Ceasefire Violations Committee"); a club or a company is
# not, whatever country its name names ("Manchester United" GBR).
POLITICAL_BODIES = word_set("political_bodies.txt")
# Entities whose names name states and peoples.
STATE_ENTITY_TYPES = frozenset({"GPE", "NORP"})
# Heads of a party's words that stand for the state they are of ("Nobody in Ukraine", "the
# Turkish and Greek sides of Cyprus", "the Saudi-led coalition").
STATE_HEADS = frozenset(
    {"nobody", "none", "side", "sides", "delegation", "delegations", "coalition", "alliance"}
)
# Words of a state's formal name ("the Democratic People's Republic of Korea", "the Kingdom
# of Bahrain").
_FORMAL_STATE = re.compile(r"\b(?:Republic|Kingdom|Federation|Sultanate|Emirate|Principality)\b")
# Heads that, counted ("the two countries", "both sides", "the three neighbours"), stand for
# states the text named before: reciprocal acts between them ("The two sides struck a deal").
COUNTED_STATES = frozenset({"countries", "nations", "sides", "neighbours", "neighbors", "states", "allies"})
STATE_NUMBERS = frozenset({"two", "both", "three", "four"})
# Of those, the heads that are not states where the document names firms and no state: the
# sides of a takeover ("BHP walked away after the two sides failed to agree").
COUNTED_STATES_NAMED_BEFORE = frozenset({"sides", "neighbours", "neighbors", "allies"})
# Political bodies' words that, of a country, are its state's organs even when no capital
# names them ("Kenya's anti-corruption commission", "the Thai constitutional court"); not
# "agency", "party", "committee" or "movement", which a news outlet, a birthday or a sports
# body may be of.
STATE_BODIES = frozenset(
    {"commission", "council", "court", "tribunal", "parliament", "assembly", "legislature"}
    | {"senate", "congress", "ministry", "directorate", "bureau", "department", "cabinet"}
)
# Titles that make their holder a political party though no sector codes them ("Palestinian
# leader Yasser Arafat").
POLITICAL_TITLES = frozenset({"leader", "leaders", "regime", "dictator", "warlord", "strongman"})
# Heads of a country's agents who act for its state though no sector codes them ("U.S. and
# Russian negotiators"); without a country they could be anyone's ("union negotiators").
STATE_AGENTS = frozenset(
    {"negotiator", "negotiators", "diplomat", "diplomats", "envoy", "envoys", "delegate", "delegates"}
)
# A party's words that are a capital's name: alone, last after a preposition of the recipient
# ("the dialogue with Tehran", "demands from Brussels"), or as the owner of what follows
# ("Brussels' demands", "Moscow's forces").
_CAPITAL_PARTY = re.compile(
    r"(?:the\s+|.*\b(?:with|from|by|to|against|on)\s+)?([A-Z][\w\s]*?)(?:['’]s?\s+(.*))?", re.S
)
# Acts done to a place: their recipient capital is the city ("shelled Kyiv", "blockade Paris").
PLACE_ACTS = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"})
# A protest is political in itself: its actor need only be of a country, whoever they are
# ("Filipino fishermen staged a boat protest", "Farmers blocked roads across France in
# protest"; PLOVER's protesters, the gold's CVL, LAB, AGR, BUS and EDU protesters).
PROTEST = "PROTEST"
# A visit's mode: where the visitor goes is a place, not a party ("The band flew to Tokyo").
VISIT = "visit"
# Armed attackers no dictionary codes ("Gunmen on motorbikes shot dead", "Bandits abducted 276
# schoolgirls", "Members of the Gran Grif gang attacked the town"): their attack is political
# violence, as PLOVER codes it (ASSAULT by a gang, CRM, or by unidentified armed men), as a
# protest is political whoever protests. Only of an attack: gunmen who rob a bank do nothing
# PLOVER codes.
ATTACK = "ASSAULT"
ARMED_ATTACKERS = frozenset(
    {"gunman", "gunmen", "assailant", "assailants", "attacker", "attackers", "bandit", "bandits"}
    | {"kidnapper", "kidnappers", "abductor", "abductors", "raider", "raiders", "gang", "gangs"}
    | {"militiaman", "militiamen", "gangsters", "gangster", "occupier", "occupiers"}
    | {"settler", "settlers", "colonist", "colonists", "pirate", "pirates", "hijacker", "hijackers"}
)
# Heads of parties that are no one to a political event: animals ("killer whales", "the
# animals"), and firms, clubs and their owners ("the machine tool maker", "the retailer").
ANIMALS = word_set("animal_nouns.txt")
BUSINESSES = word_set("business_nouns.txt")


def _position_pattern(position: str) -> str:
    """A position's word, not after or before the word it makes a phrase that is no sport with
    (``NOT_SPORT_PHRASES``: "hunger striker", "hunger-striker")."""
    before = (rf"(?<!{re.escape(first)}[ -])" for first, second in NOT_SPORT_PHRASES if second == position)
    after = (rf"(?![ -]{re.escape(second)}\b)" for first, second in NOT_SPORT_PHRASES if first == position)
    return "".join(before) + re.escape(position) + "".join(after)


# Players' positions: a sentence that names one is about a club, which a city's name then
# stands for ("Milan rejected a bid for winger X"); not in a phrase that is no sport: a
# hunger striker is a protester ("Ankara refused to meet the hunger strikers").
_POSITIONS = "|".join(map(_position_pattern, sorted(word_set("player_positions.txt"))))
_PLAYER_POSITION = re.compile(r"(?<![\w-])(?:" + _POSITIONS + r")(?![\w-])", re.I)
# A firm named after its trade ("miner Anglo American", "London-listed miner X", "carmaker
# Nissan"): a trade noun in lower case before a name, whatever country the name holds. Beyond
# ``BUSINESSES``, trades whose noun alone may be a worker ("striking miners").
TRADES = BUSINESSES | word_set("trade_nouns.txt")
_TRADE_BEFORE_NAME = re.compile(r"\b(?i:" + "|".join(sorted(TRADES)) + r")\s+[A-Z]")
# Words that make a firm the state's ("Chavez's state oil company Citgo", "state-run carrier").
_STATE_OWNED = re.compile(r"\b(?:state|government|national)\b", re.I)
# A contest named after its country or its people ("the Tour de France", "the Asian Games",
# "the French Open", "the Africa Cup of Nations"): a race or a tournament, no party.
_CONTEST = re.compile(
    r"\b(?:Tour|Giro|Vuelta)\s+(?:de|of|d['’]|di)\b"
    r"|\b(?:Open|Cup|Games|Prix|Championships?|Olympics|Paralympics|Marathon|Trophy)(?:\s+of\s+\w+)?$"
)
# Judges named by the common noun alone ("the judges", "a Dakar judge") are a court's only in
# a sentence about the law: else a prize's or a show's jury ("a novel, which the judges
# praised"). A judge named by name ("Judge Alejandro Rivera") is judged as any party. The law
# by the starts of its words (law_word_starts.txt: "sentenc" of "sentenced", "sentencing").
JUDGES = frozenset({"judge", "judges"})
_LAW = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, word_set("law_word_starts.txt")))) + ")", re.I)
# Places of leisure and trade a protest held outside is about, no political target ("a
# protest walk outside a cafe that banned pets"); not a firm's offices or plant, which
# workers' protests are held outside (PLOVER's LAB protesters).
_PRIVATE_PROTEST_PLACE = re.compile(
    r"\b(?:outside|in\s+front\s+of)\s+(?:a|an|the|its|their|one)?\s*(?:[\w'’-]+\s+)?"
    r"(?:cafe|café|cafes|restaurant|restaurants|pub|pubs|shop|shops|supermarket|gym|cinema|salon|bakery|zoo)\b"
)
# Nouns of land and water, and of the wild, that what follows "of" is only where they are
# ("in the forest of Madagascar", "off the coast of Somalia", "in the state of North
# Carolina"), or that a place owns ("England's woodland").
PLACE_NOUNS = (
    LAND_AND_WATER
    | {"forest", "forests", "woodland", "woodlands", "woods", "jungle", "jungles", "waters", "shore"}
    | {"shores", "reef", "reefs", "wilds", "wilderness", "state", "countryside", "savanna", "grasslands"}
    | {"farmland", "farmlands", "grassland", "wetlands", "marshes", "moors", "vineyards", "orchards"}
)
_PLACE_NOUN = r"(?:" + "|".join(sorted(PLACE_NOUNS)) + r")"
# The ends of a route, places and no parties: after "between" or "from" a noun of travel
# ("cancellations between London and [Paris]", "trains from Kyiv to [Warsaw]"); not "talks
# between London and Paris", whose ends are parties.
_ROUTE_NOUNS = "|".join(sorted(map(re.escape, word_set("route_nouns.txt"))))
_ROUTE_END = (
    r"\b(?i:" + _ROUTE_NOUNS + r")\s+(?:between|from)\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+(?:and|to)\s+(?:the\s+)?)?"
)
# Words before a party that make it where something is, beyond ``PLACE_BEFORE``: "of" a place
# noun after a preposition of place ("in the forest of", "off the coast of"), after a place
# it is listed with ("in Europe and [the Americas]"), and as the end of a route. Not "off"
# alone, which is also a verb's particle before its object ("sealed off Gaza").
_WHERE_BEFORE = re.compile(
    r"(?:\b(?:in|on|off|at|near|across|along|throughout|inside|into)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    + _PLACE_NOUN
    + r"\s+of\s+(?:the\s+)?"
    r"|\b(?:in|across|throughout)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
    r"(?:,\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*,?\s+(?:and|or)\s+(?:the\s+)?"
    r"|" + _ROUTE_END + r")$"
)
PLACE_WORDS_BEFORE = 120  # characters
# Words after a party that make it the owner of a place ("England's woodland"; not "state",
# which "Russia's state media" would make a place).
_OWNS_PLACE = re.compile(r"['’]s?\s+(?:[\w-]+\s+)?(?:" + "|".join(sorted(PLACE_NOUNS - {"state"})) + r")\b")
# "Us" capitalised is the pronoun of a title ("Not Like Us"), never the country, which news
# writes "US" or "U.S.".
TITLE_US = "Us"
# Where a party's own words end and the place they are in begins ("Resident doctors [across
# Punjab province]", "students [in Dhaka]").
_PLACE_AFTER = re.compile(r"\s+(?:in|at|near|across|throughout|around|from)\s.*", re.S)


def keep_political_events(extraction: Extraction, coder: ActorCoder) -> None:
    """Code the capitals that act for their governments, then keep of each sentence's events
    (``code_events`` gives a sentence's candidates nearest the root first) the first with a
    political party on at least one side."""
    judge = PartyJudge(extraction.entities, coder)
    for event in extraction.events:
        acting = event.actor if event.event_type in PLACE_ACTS else [*event.actor, *event.recipient]
        for party in acting:
            _code_capital(party, event, coder)
    # A sentence's events are its triggers' nearest the root first: the first with a
    # political party is its event.
    sentences: set[int] = set()
    kept = []
    for event in extraction.events:
        if event.sentence.start not in sentences and judge.has_political_party(event):
            kept.append(event)
            sentences.add(event.sentence.start)
    extraction.events = kept
    # The kept events are numbered again, so that ids run v1, v2, ... without gaps.
    for number, event in enumerate(extraction.events, 1):
        event.id = event_id(number)


def _code_capital(party: EventActor, event: Event, coder: ActorCoder) -> None:
    """A capital that is a party's words, that its words end with after a preposition ("the
    dialogue with Tehran", "demands from Brussels") or that owns them ("Brussels' demands"),
    and that is not a place, stands for its government or organisation; what a country's
    capital owns keeps its own sector ("Moscow's forces" RUSMIL)."""
    match = _CAPITAL_PARTY.fullmatch(party.text)
    code = capital_codes().get(match.group(1)) if match else None
    if code is None or _is_place(party, event):
        return
    if any(actor is party for actor in event.actor) and names_its_aim(party.text):
        return  # "An Israeli strike on Beirut's southern suburbs killed": Beirut was attacked
    owned = match.group(2) if match else None
    sector = coder.sector_of(owned) if owned else None
    country = coder.actor(code)
    if sector is not None and country is not None and country.country is not None:
        code = code[:3] + sector
    party.actor = coder.actor(code)


class PartyJudge:
    """Tells political parties from others, with a document's entities: built once per
    document."""

    def __init__(self, entities: list[Entity], coder: ActorCoder) -> None:
        self._entities = {entity.id: entity for entity in entities}
        self._coder = coder
        # A user's actor dictionary (``--actors``) says itself who matters, as in PETRARCH:
        # any party it codes is a party to an event ("Arnor cleric" ARNREL).
        self._user_actors = coder.tables is not shipped_tables()
        # The words that name states and peoples in the document ("United", "States",
        # "Americans"): of entities the dictionaries code, not of any name the tagger took
        # for a place ("the Las Vegas Grand Prix"); also of a country's name the tagger typed
        # otherwise ("Sri Lanka" PERSON).
        self._state_words = frozenset(
            word
            for entity in entities
            if entity.actor is not None and (entity.type in STATE_ENTITY_TYPES or self._names_country(entity))
            for name in (entity.name, *entity.aliases)
            for word in name.split()
            if word != TITLE_US
        )
        # Whether the document names organisations of no political sector and no state: the
        # sides it counts are theirs ("BHP walked away after the two sides failed to agree").
        self._names_firms_only = not self._state_words and any(
            entity.type == "ORG"
            and (entity.actor is None or not of_sectors(entity.actor.sector or "", POLITICAL_SECTORS))
            for entity in entities
        )

    def _names_country(self, entity: Entity) -> bool:
        """Whether an entity's name is its country's, whatever type the tagger gave it: the
        dictionaries' name of the country its code is ("Sri Lanka" PERSON), or a state's formal
        name they code as the country ("the Democratic People's Republic of Korea" ORG); not a
        region or a city they code as its country ("Tamil Nadu"), nor a name that only holds
        one ("Jordan Henderson")."""
        actor = entity.actor
        if actor is None or actor.code != actor.country:
            return False
        if entity.name.casefold() == (self._coder.country_name(actor.code) or "").casefold():
            return True
        return (
            _FORMAL_STATE.search(entity.name) is not None
            and self._coder.code_name(entity.name, None) == actor.code
        )

    def has_political_party(self, event: Event) -> bool:
        """Whether a party of the event that is no mere place is political. The recipients
        are one phrase and its conjuncts: places all when the first is ("in Italy and
        Jamaica"), or when it is a capital an attack, a protest or a patrol is aimed at
        ("legions patrol the streets of London")."""
        first = event.recipient[0] if event.recipient else None
        recipients = event.recipient if first is not None and not _is_aimed_at(first, event) else []
        if VISIT in event.mode:
            # Only the visitor, or a host named as someone, makes a journey political.
            recipients = [party for party in recipients if not self._is_named_place(party)]
        # Animals do nothing political, to whatever place ("whales attacked sharks off South
        # Africa").
        if event.actor and all(_common_head(party, event) in ANIMALS for party in event.actor):
            return False
        # An actor is never a mere place: where it follows "in", it is the state that did
        # what was done there ("was arrested in Lebanon").
        return (
            any(self._is_political_in(party, event) for party in event.actor)
            or any(
                self._is_political_in(party, event) and not _is_place(party, event) for party in recipients
            )
            or (event.event_type == PROTEST and _is_public_protest(event))
            or (event.event_type == ATTACK and any(_is_armed(party) for party in event.actor))
        )

    def _is_political_in(self, party: EventActor, event: Event) -> bool:
        """Whether the party is political (``_is_political``) and, in its sentence, no firm or
        club by its head ("the machine tool maker" of a Tokyo dateline), no city that stands
        for its club ("Milan rejected a bid for winger X"), no judges outside a court's work
        ("the judges praised" a novel), nor, whatever its code, a contest ("the Tour de
        France") or a firm named after its trade that is not the state's ("miner Anglo
        American", "carmaker X" of a Tokyo dateline)."""
        head = _common_head(party, event)
        if head in BUSINESSES or _is_club_city(party, event):
            return False
        if head in JUDGES and _LAW.search(event.sentence.text) is None:
            return False
        if _CONTEST.search(party.text) or _is_private_firm(party):
            return False
        return self._is_political(party)

    def _is_named_place(self, party: EventActor) -> bool:
        """Whether the party is a place by its entity's type (a country, city or region)."""
        entity = self._entities.get(party.entity) if party.entity else None
        return entity is not None and entity.type in PLACE_LABELS

    def _is_political(self, party: EventActor) -> bool:
        """Whether the party's code is of a political sector; else, for an organisation,
        whether its name is a political body's; else whether the agent noun of its words or
        its role is political ("the government of Sindh province", "General Pavel Rossi");
        else whether its code is a country's and its words name the state or its people
        ("Israel", "the Americans", "the Turkish and Greek sides"), not someone of it ("the
        Chinese player", "Japan's Nissan")."""
        actor = party.actor
        entity = self._entities.get(party.entity) if party.entity else None
        if actor is not None and self._user_actors:
            return True
        if actor is not None and actor.sector:
            return of_sectors(actor.sector, POLITICAL_SECTORS)
        if (
            entity is not None
            and entity.type == "ORG"
            and entity.name.split()[-1].lower() in POLITICAL_BODIES
        ):
            return True
        # Of the agent nouns, "elites" are too wide alone ("the actor", "the singer"): a
        # dictionary must have coded the person for an elite to count.
        own_name = entity.name if entity is not None and entity.type == "ORG" else None
        for words in (without_name(party.text, own_name), entity.role if entity is not None else None):
            # An "activist investor" is a firm, not an activist.
            sector = self._coder.sector_of(words) if words and head_of(words) not in BUSINESSES else None
            if sector is not None and sector != "ELI" and of_sectors(sector, POLITICAL_SECTORS):
                return True
        words = party.text.split()
        if any(word in POLITICAL_TITLES for word in words):
            return True
        head = head_of(party.text)
        # "The two countries", "both sides": states the sentence counts, named before it.
        if (
            head.lower() in COUNTED_STATES
            and any(word.lower() in STATE_NUMBERS for word in words)
            and not (self._names_firms_only and head.lower() in COUNTED_STATES_NAMED_BEFORE)
        ):
            return True
        # A political body by its name ("the Umma (Nation) party"), not a "birthday party".
        if head.lower() in POLITICAL_BODIES and any(word[:1].isupper() for word in words[1:]):
            return True
        if head.lower() in STATE_BODIES and actor is not None and actor.country is not None:
            return True
        if actor is None or actor.country is None or is_place_name(party.text):
            return False
        # A city's people or club are not the state their names name ("Mumbai Indians").
        before_head = LEADING_THE.sub("", party.text[: party.text.rfind(head)]).strip()
        if before_head and city_or_capital(before_head):
            return False
        return (
            head.lower() in STATE_HEADS | STATE_AGENTS
            or head in self._state_words
            or (
                head[:1].isupper()
                and head != TITLE_US
                and self._coder.code_description(head, None) is not None
            )
        )


def _is_private_firm(party: EventActor) -> bool:
    """Whether a party's words name a firm after its trade ("London-listed miner Anglo
    American") and nothing in them makes it the state's ("state oil company Citgo")."""
    return _TRADE_BEFORE_NAME.search(party.text) is not None and _STATE_OWNED.search(party.text) is None


def _is_public_protest(event: Event) -> bool:
    """Whether a protest has an actor of a country (``_is_of_country``) and is not held outside
    a cafe, a shop or a pub, a private target ("a protest walk outside a cafe that banned
    pets"); a political actor's protest there is judged as any other event."""
    return any(_is_of_country(party) for party in event.actor) and not _PRIVATE_PROTEST_PLACE.search(
        event.sentence.text
    )


def _common_head(party: EventActor, event: Event) -> str:
    """The head of a party's words in lower case where it is written as a common noun is: in
    lower case, or capitalised as its sentence's first word ("the animals", "Locusts had",
    "the retailer"); else "" (a name: "the Tamil Tigers")."""
    head = head_of(party.text)
    if head.islower() or (event.sentence.text.startswith(head) and head[1:].islower()):
        return head.lower()
    return ""


def _is_club_city(party: EventActor, event: Event) -> bool:
    """Whether a party's words are only a city's name (a capital or not) in a sentence that
    names a player's position: the city stands for its club ("Milan rejected a bid from
    Chelsea for winger X", "Madrid have held talks with wing-back X's agent")."""
    is_city = city_or_capital(LEADING_THE.sub("", party.text.strip()))
    return is_city and _PLAYER_POSITION.search(event.sentence.text) is not None


def _is_of_country(party: EventActor) -> bool:
    """Whether a party's code names a country and its own words, before the place they are in,
    are no mere place name ("Resident doctors across Punjab province" are people)."""
    own_words = _PLACE_AFTER.sub("", party.text, count=1)
    return party.actor is not None and party.actor.country is not None and not is_place_name(own_words)


def _is_armed(party: EventActor) -> bool:
    """Whether a party's words name armed attackers ("Pro-Iranian kidnappers", "Members of the
    Gran Grif gang", "the Viv Ansanm gang coalition")."""
    return any(word.lower() in ARMED_ATTACKERS for word in party.text.split())


def _is_aimed_at(recipient: EventActor, event: Event) -> bool:
    """Whether a recipient is a place: after "in", "at" ..., or a capital that an act done to
    places is aimed at ("shelled Kyiv"), where it stands for no government."""
    if _is_place(recipient, event):
        return True
    return event.event_type in PLACE_ACTS and head_of(recipient.text) in capital_codes()


def _is_place(party: EventActor, event: Event) -> bool:
    """Whether the party's words follow "in", "at", "near" ... in the event's sentence: the
    place of the act ("arrested two protesters in Paris"); or a place noun's "of" ("in the
    forest of Madagascar"), a place they are listed after ("in Europe and the Americas"), a
    route's "between" or "from" ("cancellations between London and Paris"); or own a place
    ("England's woodland")."""
    text = event.sentence.text
    at = text.find(party.text)
    if at < 0:
        return False
    # The words just before the party are enough to tell "in the forest of" (and cheaper).
    before = text[max(0, at - PLACE_WORDS_BEFORE) : at]
    return (
        at > 0 and (PLACE_BEFORE.search(text, 0, at) is not None or _WHERE_BEFORE.search(before) is not None)
    ) or _OWNS_PLACE.match(text, at + len(party.text)) is not None
