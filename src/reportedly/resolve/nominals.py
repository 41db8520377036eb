"""Kinds of referent, for nominal anaphora and titles.

"The company" refers to a company the article names, "the network" to an outlet, "the
group" to an armed group or another organisation, "the poll" to whoever made the poll the
article named. ``data/nominal_types.tsv`` maps head nouns to kinds (types); a candidate
entity is typed by its NER label, its actor code's sectors (``MED`` an outlet, ``REB`` an
armed group, ``IGO`` an international body), the outlet list, its name's last word ("Exxon
Mobil Corp", "World Health Organization") and the things its mentions make ("a Bloomberg
poll", "Podesta's email", "the Trump campaign"). The ranker weighs whether the two agree.

Titles and descriptions of people ("the former secretary of state", "the head coach")
are read against the role lexicon (``data/roles.tsv``): :func:`title_role` gives the
lexicon phrase a title ends with and whether a qualifier ("former") changes whom it means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from reportedly.attribution.lexicon import data_lines, word_set
from reportedly.model import Entity
from reportedly.resolve.entities import role_of
from reportedly.resolve.offices import read_roles


def read_nominal_types() -> dict[str, frozenset[str]]:
    """``data/nominal_types.tsv``: nouns to the kinds of referent they take."""
    table = {}
    for line in data_lines("nominal_types.tsv")[1:]:  # after the header
        noun, types = line.split("\t")
        table[noun.strip()] = frozenset(types.split())
    return table


NOMINAL_TYPES = read_nominal_types()
# A noun any organisation may answer ("the group"); an organisation NER found but nothing
# else types is of this kind.
ORGANISATION = "organisation"
# Kinds an organisation of no known kind may be.
ORGANISATION_KINDS = frozenset(
    {"company", "outlet", "armed", "agency", "igo", "party", "union", "team", "school", "court", ORGANISATION}
)
# Kinds a mention takes from the thing it makes ("a CNN poll"): documents and campaigns.
MADE_KINDS = frozenset({"poll", "report", "message", "ad", "book", "article", "filing", "campaign", "work"})
# Kinds no person is ("the company", "the movement"), nor, but for "government", "agency"
# and "igo" (a country may speak as its ministry, by metonymy), any place.
BODY_KINDS = ORGANISATION_KINDS | {"government"}
PLACE_BODY_KINDS = frozenset({"government", "agency", "igo", "place"})
# Words that end names of bodies of any kind, after the word that tells the kind
# ("Valeant Pharmaceuticals International", "Wells Fargo Bank USA").
_NAME_TAILS = frozenset({"international", "worldwide", "global", "usa", "america"})
# NER's labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The determiners of a definite description ("the minister", "this chairman", "those
# officials"), for the descriptions of sources and the nouns pronouns may take up.
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Entity types of a body that "it" or "they" may stand for: an organisation, a country, a people.
BODY_TYPES = frozenset({"ORG", "GPE", "NORP"})
_LABEL_TYPES = {
    "GPE": frozenset({"government", "place"}),
    "LOC": frozenset({"place"}),
    "FAC": frozenset({"government", "place"}),
    "NORP": frozenset({"party"}),
    "ORG": frozenset({ORGANISATION}),
    "WORK_OF_ART": frozenset({"work"}),
}
# CAMEO sector codes (three letters each in an actor code after its country) to kinds.
_SECTOR_TYPES = {
    "MED": frozenset({"outlet"}),
    "BUS": frozenset({"company"}),
    "MNC": frozenset({"company"}),
    "GOV": frozenset({"government", "agency"}),
    "MIL": frozenset({"agency", "armed"}),
    "COP": frozenset({"agency"}),
    "SPY": frozenset({"agency"}),
    "LEG": frozenset({"agency"}),
    "JUD": frozenset({"court"}),
    "REB": frozenset({"armed"}),
    "INS": frozenset({"armed"}),
    "UAF": frozenset({"armed"}),
    "IGO": frozenset({"igo", "agency"}),
    "NGO": frozenset({ORGANISATION}),
    "PTY": frozenset({"party"}),
    "OPP": frozenset({"party"}),
    "EDU": frozenset({"school"}),
    "LAB": frozenset({"union"}),
}
# Sectors only organisations have (a person is coded GOV, OPP, MIL ... of a country).
_ORGANISATION_SECTORS = frozenset({"MED", "BUS", "MNC", "REB", "INS", "IGO", "NGO", "EDU"})
# The dependencies of a word that qualifies a noun: its owner or maker ("Podesta's email", "a
# Bloomberg poll"), not a party of the clause ("three former Google and Meta researchers").
MODIFIER_DEPS = frozenset({"compound", "poss", "nmod", "amod"})
_MAKER_PREPOSITIONS = frozenset({"from", "by"})

# Nouns of a state's organs that speak for their country ("the Ethiopian side", "Russia's
# defence ministry ... The ministry said").
STATE_ORGAN_NOUNS = word_set("state_organ_nouns.txt")

ROLE_PHRASES = frozenset(read_roles())
# A description's referent is a person: the kind a role's noun takes ("the candidate").
PERSON = "person"
# Words that make a title mean someone else than the office's holder ("the former minister").
QUALIFIERS = frozenset({"former", "ex", "then", "late", "onetime", "erstwhile"})
# Words before a role that any of its holders may bear ("the new leader"): they tell nothing
# of which holder a title means.
PLAIN_MODIFIERS = word_set("plain_role_modifiers.txt")


def role_head(phrase: tuple[str, ...]) -> str:
    """A role phrase's head noun: "SECRETARY" of "SECRETARY OF STATE", "MINISTER" of "PRIME MINISTER"."""
    return phrase[phrase.index("OF") - 1] if "OF" in phrase[1:] else phrase[-1]


# The nouns a role is named by: a definite one describes a person ("the senator", "the
# former secretary of state"; not "the state").
PERSON_NOUNS = frozenset(role_head(phrase).lower() for phrase in ROLE_PHRASES)
# Nouns whose most frequent sense is a person (WordNet; scripts/build_person_nouns.py): a
# description by one of them is of a person too ("the mega donor", "the retired neurosurgeon").
HUMAN_NOUNS = frozenset(data_lines("person_nouns.txt"))
# A noun of a person of either kind: a role's head or a person noun.
ANY_PERSON_NOUNS = PERSON_NOUNS | HUMAN_NOUNS


# The field of work of a role's head noun ("host": media, "senator": politics); nouns of
# several fields or of any have none.
ROLE_FIELDS = dict(line.split("\t") for line in data_lines("role_fields.tsv"))


# Fields of work whose people a body of one kind employs: an outlet its reporters, a team its
# coach, a school its professors (politics, law and religion have bodies of many kinds).
_FIELD_BODIES = {"media": "outlet", "sport": "team", "academia": "school"}
_STAFF_PREPOSITIONS = frozenset({"of", "for", "at", "with"})


# CAMEO sectors of people to their field of work: a person coded a legislator or an elite
# of a country is in politics, one coded MED in the media.
_SECTOR_FIELDS = {
    "GOV": "politics",
    "LEG": "politics",
    "ELI": "politics",
    "PTY": "politics",
    "OPP": "politics",
    "MED": "media",
    "JUD": "law",
    "EDU": "academia",
    "REL": "religion",
}


def code_fields(code: str) -> set[str]:
    """The fields of work a person's actor code tells ("USALEG": politics)."""
    return {field for sector in _sectors(code) if (field := _SECTOR_FIELDS.get(sector))}


def role_field(phrase: tuple[str, ...]) -> str | None:
    """The field of work of a role-lexicon phrase, by its head noun: "politics" for
    ("REPUBLICAN", "NOMINEE"), None for ("PRESIDENT",)."""
    return ROLE_FIELDS.get(role_head(phrase).lower())


def noun_types(*words: str) -> frozenset[str]:
    """The kinds of referent the first of ``words`` (a lemma, then the word) the table knows takes."""
    return next((NOMINAL_TYPES[word] for word in words if word in NOMINAL_TYPES), frozenset())


def body_noun(noun: str) -> bool:
    """Whether a noun (a lemma) is an organisation's and no person's ("charity", "agency"; not
    "head", which may be either)."""
    return bool(noun_types(noun) & ORGANISATION_KINDS) and noun not in ANY_PERSON_NOUNS


def name_head(name: str) -> str:
    """An organisation's name's head noun, lower case: "festival" of "Cannes Film Festival",
    "bank" of "Bank of England", "" for a name of one word (no noun to echo)."""
    words = name.lower().replace(".", " ").split()
    if len(words) < 2:
        return ""
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def made_noun(token: Token) -> Token | None:
    """The noun a name's token makes or owns: "poll" for "Bloomberg" in "a Bloomberg Politics
    poll", "email" in "Podesta's email", "an email from Podesta" or "Podesta sent an email";
    through a verb's passive ("a lawsuit has been filed by Bradley Podliska", "an email was
    sent from the club's director, Jeremy Boreing": a name in apposition to the maker's noun)."""
    while token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "appos" and token.head.pos_ == "NOUN" and token.head.i < token.i:
        token = token.head  # "the club's executive director, Jeremy Boreing": as the director
    if token.dep_ in MODIFIER_DEPS and token.head.pos_ == "NOUN":
        return token.head
    if token.dep_ == "pobj" and token.head.lower_ in _MAKER_PREPOSITIONS:
        if token.head.head.pos_ == "NOUN":
            return token.head.head
        verb = token.head.head
        if verb.pos_ == "VERB" and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
            return verb.head  # "a memo written by Rod Rosenstein": the noun the participle describes
        if verb.pos_ == "VERB":  # "was filed by", "was sent from"
            return _verb_noun(verb, "nsubjpass")
    if token.dep_ == "nsubj" and token.head.pos_ == "VERB":
        nouns = documents_of(token.head)  # "Podesta sent an email", "Mook wrote in a memo"
        return nouns[0] if nouns else None
    return None


def documents_of(verb: Token) -> list[Token]:
    """The common nouns a verb's subject makes, in text order: its object ("sent an email",
    "provided a written statement in response") and what its "in" names as where the words
    were said or written ("wrote in a memo to staff", "said in a statement": what one says in
    a document, one made)."""
    nouns = [
        noun
        for child in verb.children
        for noun in (child, *child.children)
        if noun.pos_ == "NOUN"
        and (
            (noun.i == child.i and child.dep_ == "dobj")
            or (noun.dep_ == "pobj" and child.dep_ == "prep" and child.lower_ == "in")
        )
    ]
    return sorted(nouns, key=lambda noun: noun.i)


def staff_kinds(token: Token) -> frozenset[str]:
    """The kind of body a name's token is by the role of the people it employs, where that
    role is of a field with bodies of its own: an outlet for "The Advocate" in "the editors
    of The Advocate", "a reporter for the Ledger" or "Courier columnist Jane Doe"; a team for
    "the coach of the Ravens", a school for "a professor at Tufts"."""
    while token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i != token.i:
        token = token.head
    noun = None
    if token.dep_ in {"compound", "poss"} and token.head.pos_ in {"NOUN", "PROPN"}:
        noun = token.head
    elif token.dep_ == "pobj" and token.head.lower_ in _STAFF_PREPOSITIONS and token.head.head.pos_ == "NOUN":
        noun = token.head.head
    field = noun is not None and (ROLE_FIELDS.get(noun.lemma_.lower()) or ROLE_FIELDS.get(noun.lower_))
    kind = _FIELD_BODIES.get(field) if field else None
    return frozenset({kind}) if kind else frozenset()


def _verb_noun(verb: Token, dep: str) -> Token | None:
    """The common noun that is a verb's ``dep``."""
    return next((child for child in verb.children if child.dep_ == dep and child.pos_ == "NOUN"), None)


def descriptor(mention: TokenSpan) -> str | None:
    """The noun a mention's title or apposition describes its entity by, where the kinds
    table knows it: "giant" in "the oil giant Exxon Mobil", "retailer" in "Amazon, the
    online retailer,", "union" in "the IG Metall union"."""
    found = role_of(mention, lambda words: bool(noun_types(words[-1].lower())))
    if found:
        return found[0].split()[-1]
    # A body's noun just before the name, whatever the parse made of the two ("The
    # fact-checking charity Full Fact", "the environmental agency Ibama").
    before = mention.doc[mention.start - 1] if mention.start > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.tag_ != "NNS":
        noun = before.lemma_.lower()
        if body_noun(noun):
            return noun
    # An organisation's name before the noun of its kind: "union" of "the IG Metall union",
    # "group" of "the Wagner mercenary group" (not "the Ohio company": a place is no union).
    root = mention.root
    head = root.head
    if root.dep_ == "compound" and root.ent_type_ == "ORG" and head.pos_ == "NOUN" and head.i > root.i:
        noun = head.lemma_.lower()
        if noun_types(noun) & ORGANISATION_KINDS:
            return noun
    # A name the text says is one ("Ameriquest was one of several firms", "Teck is a mining
    # company"): the noun of the copula's complement, where it is an organisation's kind.
    if root.dep_ == "nsubj" and head.lemma_ == "be":
        complement = next((child for child in head.rights if child.dep_ == "attr"), None)
        if complement is not None and complement.lower_ == "one":
            # "one of several firms": the object of its "of"
            of = [grand for child in complement.rights if child.lower_ == "of" for grand in child.children]
            complement = of[0] if of else None
        if complement is not None and complement.pos_ == "NOUN":
            noun = complement.lemma_.lower()
            if noun_types(noun) & ORGANISATION_KINDS:
                return noun
    return None


def entity_types(
    entity: Entity,
    person: bool,
    code: str | None,
    outlet: bool,
    made: Iterable[Token],
    described: Iterable[str] = (),
    gender: str | None = None,
    staffed: Iterable[str] = (),
) -> frozenset[str]:
    """The kinds an entity may be referred to as: a person is a person (and the maker of
    what it made), an organisation or place by its label, actor code, outlet listing, the
    last word of its name, the nouns its mentions are ``described`` by, the kinds of body
    its ``staffed`` roles tell (``staff_kinds``: "the editors of The Advocate") and what it made. A
    lone name of no known ``gender`` taken for a person may be an organisation as well
    ("Twitter said")."""
    if person and entity.type == "ORG" and code and _ORGANISATION_SECTORS & _sectors(code):
        person = False  # "Wells Fargo said": the resolver took a speaking name for a person
    types = {PERSON} if person else set(_LABEL_TYPES.get(entity.type, ()))
    if person and gender is None and len(entity.name.split()) == 1:
        types.add(ORGANISATION)
    if not person:
        if code:
            country, sectors = (code[:3], code[3:]) if len(code) > 3 else (code, "")
            if not sectors and len(country) == 3 and country.isalpha():
                types |= {"government", "place"}
                if entity.type == "NORP":
                    # A nationality ("South Korean") is a country's people, not its party:
                    # "South Korea's main opposition party" is not "South Korean".
                    types.discard("party")
            for sector in _sectors(code):
                types |= _SECTOR_TYPES.get(sector, frozenset())
        if outlet:
            types.add("outlet")
        for name in (entity.name, *entity.aliases):
            words = name.replace(".", " ").split()
            if len(words) > 2 and words[-1].lower() in _NAME_TAILS:
                words = words[:-1]  # "Valeant Pharmaceuticals International": as "... Pharmaceuticals"
            if len(words) > 1:
                # The noun before an "of" heads the name ("Ministry of Culture", "Bureau of
                # Meteorology"), else its last word.
                types |= noun_types(name_head(" ".join(words)))
        # A place's mention before a body's noun ("a Baton Rouge newspaper", "the Ohio
        # company") says where the body is, not what the place is: only a state's nouns
        # ("the kingdom", "the ministry") describe a place.
        place = entity.type in PLACE_LABELS
        for noun in described:
            types |= noun_types(noun) & PLACE_BODY_KINDS if place else noun_types(noun)
        if not place:
            types |= set(staffed)
    for noun in made:
        types |= noun_types(noun.lemma_.lower(), noun.lower_) & MADE_KINDS
    return frozenset(types)


def kind_excludes(reference: frozenset[str], person: bool, place: bool) -> bool:
    """Whether a noun's kinds (``reference``) rule out a candidate that is a person or a place
    of none of them: "the movement" is not the state or the governor just named, "the
    journal" not the author. Nouns of documents and campaigns ("the poll", "the campaign")
    are made by people and rule out no one."""
    if not reference or not reference <= BODY_KINDS:
        return False
    return person or (place and not reference & PLACE_BODY_KINDS)


def _sectors(code: str) -> set[str]:
    """The three-letter parts of an actor code ("MNCUSA": MNC, USA)."""
    return {code[start : start + 3] for start in range(0, len(code), 3)}


def types_agree(reference: frozenset[str], candidate: frozenset[str]) -> tuple[bool, bool]:
    """Whether a candidate's kinds meet a reference's: (a specific kind in common, only as an
    organisation of no known kind)."""
    specific = bool((reference - {ORGANISATION}) & candidate)
    vague = (
        not specific
        and ORGANISATION in candidate
        and bool(reference & ORGANISATION_KINDS)
        and not candidate & (ORGANISATION_KINDS - {ORGANISATION})
    )
    return specific, vague


def title_role(words: Iterable[str]) -> tuple[tuple[str, ...], bool] | None:
    """The role lexicon's longest phrase that ends a title's words, and whether a qualifier
    ("former") precedes it: (("SECRETARY", "OF", "STATE"), True) for "the former secretary
    of state"; None when the title ends in no role."""
    upper = _upper_words(words)
    start, end = _role_at(upper)
    if start == end:
        return None
    return upper[start:end], any(word.lower() in QUALIFIERS for word in upper[:start])


def role_modifiers(words: Iterable[str]) -> frozenset[str]:
    """The words of a title before its role phrase that say which holder of the role it
    means, lower case: "socialist" of "socialist leader", "finance" of "finance chief"; not
    qualifiers ("former") nor words any holder may bear ("new", "top"; PLAIN_MODIFIERS)."""
    upper = _upper_words(words)
    start, end = _role_at(upper)
    return frozenset(
        lower
        for word in upper[:start]
        if start < end and word.isalpha() and (lower := word.lower()) not in QUALIFIERS | PLAIN_MODIFIERS
    )


def _upper_words(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(part for word in words for part in re.split(r"[\s\-–]+", word.upper()) if part)


def _role_at(upper: tuple[str, ...]) -> tuple[int, int]:
    """Where the role lexicon's longest phrase that ends the words starts and ends (the same
    index twice where none does)."""
    for start in range(len(upper)):
        if start > 1 and upper[start - 1] == "OF":
            # "Minister of Justice": the role is the noun the "of" phrase hangs on, not a role
            # its object happens to spell ("justice"); the lexicon's own "X of Y" phrases
            # ("secretary of state") have matched at an earlier start.
            return _role_at(upper[: start - 1])
        if upper[start:] in ROLE_PHRASES:
            return start, len(upper)
    return 0, 0
