"""Point each attribution's speaker at the entity behind its source mention.

A source names its speaker ("Sergei Lavrov", "Lavrov's comments"), refers back with a
pronoun ("he said"), describes a role the text has given someone ("the minister"), or
points at earlier statements ("These comments suggest"); a floating quote continues the
previous speaker. Pronouns go to the most salient compatible entity: recently mentioned,
a grammatical subject, and above all the previous speaker, since the same speaker usually
goes on talking. When nothing fits, the speaker stays null rather than a guess.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from reportedly.attribution.lexicon import word_set, word_table
from reportedly.attribution.spans import speaker_tokens
from reportedly.model import Attribution, Entity, Span, Speaker
from reportedly.nlp.datelines import DASHES, line_dateline
from reportedly.nlp.sentences import holding, sentence_char_starts
from reportedly.nlp.trees import SUBJECTS
from reportedly.resolve.actors import TRANSNATIONAL
from reportedly.resolve.entities import (
    ORGANISATION_WORDS,
    TITLE_ABBREVIATIONS,
    described_by_role,
    in_title_case,
    of_phrase_end,
    role_of,
    title_words,
)
from reportedly.resolve.groups import COORDINATORS, PARTY_LABELS, conjunct_phrases, within_preposition
from reportedly.resolve.introduced import unnamed_antecedent
from reportedly.resolve.metonyms import COUNTRY_TYPE, HOLDER_TYPE, PLACE_TYPES, Referent
from reportedly.resolve.names import clean_name
from reportedly.resolve.nominals import (
    ANY_PERSON_NOUNS,
    BODY_KINDS,
    DEFINITE,
    HUMAN_NOUNS,
    MADE_KINDS,
    MODIFIER_DEPS,
    ORGANISATION,
    ORGANISATION_KINDS,
    PERSON,
    PERSON_NOUNS,
    PLACE_LABELS,
    QUALIFIERS,
    ROLE_PHRASES,
    STATE_ORGAN_NOUNS,
    body_noun,
    code_fields,
    descriptor,
    documents_of,
    entity_types,
    kind_excludes,
    made_noun,
    name_head,
    noun_types,
    role_field,
    role_head,
    role_modifiers,
    staff_kinds,
    title_role,
    types_agree,
)
from reportedly.resolve.offices import read_roles
from reportedly.resolve.pronouns import (
    MISTYPED_PERSON_TYPES,
    PRONOUN_AGREEMENT,
    PronounModel,
    continued_group,
    described_subjects,
    shown_person,
    taken_up_as_body,
    takes_up_subject,
)
from reportedly.resolve.ranker import Candidate, Chooser, Reference
from reportedly.resolve.turns import Turns, main_subject
from reportedly.resolve.writers import (
    FIRST_PERSON,
    NOTE_VERBS,
    author_note,
    byline,
    credit,
    opens_note,
    quoted,
    signature,
)

SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# Titled works ("Beige Book", "13th"): a description may refer to one ("the report", "the
# film"); they join the document's entities only when one speaks.
WORK_TYPE = "WORK_OF_ART"
# Pronoun to the kind of referent it takes.
PRONOUNS = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
    **dict.fromkeys(("it", "its", "itself"), "it"),
    **dict.fromkeys(("they", "them", "their", "themselves", "we", "our", "us"), "they"),
}
_KIND_TYPES = {
    "m": frozenset({"PERSON"}),
    "f": frozenset({"PERSON"}),
    "it": frozenset({"ORG", "GPE", "FAC"}),
    # A plural "they" that speaks is an organisation just named as a subject ("Politifact
    # ... they published"); groups of people ("officials", "X and Y") are no entity.
    "they": frozenset({"ORG"}),
}
_PLURAL_REACH = 1
# A count that matches ("the two men") is evidence enough to reach further back for the
# coordination it refers to than a bare "they" does.
_COUNTED_REACH = 3
_NOMINAL_TAGS = frozenset({"NOUN", "PROPN"})
# How many parties "both" or a number before a plural noun counts ("the three parties").
_PARTY_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# Honorifics and titles that tell the gender of the name after them ("Ms.", "spokesman"), to
# that gender; read once for both ``GENDERED_TITLES`` and ``read_genders``.
_TITLE_GENDERS = word_table("gendered_titles.tsv")
_NOUN_GENDERS = word_table("gendered_nouns.tsv")  # "woman": f
GENDERED_TITLES = frozenset(_TITLE_GENDERS)
# The word just before a mention, or a noun a possessive owns before a comma ("his wife, Jane";
# not "Through a spokeswoman, Trump").
_WORD_BEFORE = re.compile(r"(?<![\w.])([\w.]+) $|(?:\b(?:his|her|their)|['’]s) (\w+), $")
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
_SUBJECT_GENDERS = {"he": "m", "she": "f"}
# The words of an object phrase that may name a person besides its head ("Trump's", "and Cruz").
_OBJECT_PARTS = frozenset({"poss", "compound", "conj", "appos"})
STATEMENT_NOUNS = word_set("statement_nouns.txt")
DOCUMENT_NOUNS = word_set("document_nouns.txt")
PROXY_ROLES = word_set("proxy_roles.txt")
# Words that may open a source before the maker's name ("a CNN poll", "the latest NBC survey").
# Words that keep a name before them from making the document after it ("the report on
# the Clinton emails", "an average of recent Post-ABC polls").
_NOT_MODIFIERS = frozenset({"on", "about", "over", "into", "against", "to", "than", "and", "or", "but"})
_MAKER_OPENERS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "new", "latest", "recent", "online", "national"}
)
# "Mr. Rubio himself": an intensifier after a name leaves the name the whole source.
_INTENSIFIERS = frozenset({"himself", "herself", "themselves", "itself"})
_INDEFINITE = frozenset({"a", "an", "another"})
# The tags of a finite verb, in the past or the present: a predicate, not a participle.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
OUTLET_NOUNS = word_set("outlet_nouns.txt")
# Nouns of an organisation a person leads, to the organisation they name: "the Clinton
# campaign", "the Clinton camp" and "Clinton's team" are one campaign, "the Obama
# administration" an administration (docs/speaker-annotation.md).
PERSONAL_ORGANISATIONS = {
    "campaign": "campaign",
    "camp": "campaign",
    "team": "campaign",
    "administration": "administration",
}
CAMPAIGN_NOUNS = frozenset(PERSONAL_ORGANISATIONS)
# How far back (in sentences) a pronoun's antecedent may be.
PRONOUN_REACH = 4
# What the rules take off a pronoun candidate named only in another attribution's words
# (chosen on the four fifths of train not held out: docs/evaluation.md).
QUOTED_PENALTY = 3.0
# What the rules add to a person introduced, with an apposition, in the pronoun's sentence or
# the one before ("Wes Nakagiri, a delegate from Michigan who ..."): the quote after an
# introduction is the new person's. It ties a previous speaker two sentences back who is a
# subject there, and the later mention wins the tie (PolNeAR train, branch pron15).
INTRODUCED_BONUS = 1.0
# How far back the last entity of a noun's kind is its referent when the ranker finds none.
KIND_REACH = 8
# The same for an organisation of no known kind, where none of the noun's kind is named
# (chosen on the four fifths of train not held out).
VAGUE_REACH = 3
# The probability a person's description needs for its best person where none reached the
# ranker's threshold (chosen on the four fifths of train not held out: 0.1 to 0.3 alike).
PERSON_FLOOR = 0.2
# The same for a noun that describes a person outside the role lexicon ("the mega donor",
# WordNet's person nouns): "the man", "the employee" are as often someone never named
# (chosen on the four fifths of train not held out).
HUMAN_FLOOR = 0.3
# The probability a candidate the text gave a description's very noun needs ("Alphabet, the
# parent company of Google, ... The company"; "Gov. John Kasich ... the governor") to win
# before the others are weighed: below the kind's threshold, as the text has said whom the
# noun names (chosen on the four fifths of train not held out: 0.2 and 0.3 alike, 0.1 and
# the threshold lose two each).
HOLDER_FLOOR = 0.2
# How far back the person an age or a nationality describes ("the 58-year-old") may be
# named, where the ranker finds no one probable enough.
EPITHET_REACH = 3
# How far back a description's candidates reach, beyond those whose role or name it matches.
NOMINAL_REACH = 25
# Roles of one who runs for an office: the person whose campaign the text names holds them.
CAMPAIGNERS = frozenset({("CANDIDATE",), ("NOMINEE",)})
DOCUMENT_KINDS = MADE_KINDS - {"campaign"}
"""The kinds of documents ("the poll", "the report", "the ad"): things made, not campaigns."""
PREPOSITIONS = frozenset({"of", "for", "from", "at", "in", "with", "by"})
# A headline is at most this long; its bare descriptions ("Saudi prince mocks Trump") refer
# to an entity introduced within this many sentences after it.
HEADLINE_LENGTH = 300
HEADLINE_REACH = 3
# How many sentences after an indefinite title ("a federal judge") its holder may be named in.
TITLED_REACH = 1
# How many sentences after an indefinite document ("a new poll") its maker may be named in.
MAKER_REACH = 2
_POSSESSIVE = re.compile(r"^['’]s?\s")
# Last words of the role lexicon's titles: nouns a person is described by ("the coach").
ROLE_NOUNS = frozenset(phrase[-1].lower() for phrase in read_roles())
# The role lexicon's titles that designate an office and are no mere role ("prime minister",
# "high representative"; not "leader", "chief", which may name anyone who leads).
OFFICE_ONLY = frozenset(phrase for phrase, rows in read_roles().items() if all(row.office for row in rows))
# Roles that designate no office anywhere ("minister", "senator", "coach"): one the text gives
# a person is no office of another head noun either.
ROLE_ONLY = frozenset(phrase for phrase, rows in read_roles().items() if not any(row.office for row in rows))
# Phrases that are offices only or roles only: not "chief", an office of some organisations
# and anyone's role elsewhere.
SINGLE_SENSE = OFFICE_ONLY | ROLE_ONLY
# Roles that designate an office in some sense ("president", "prime minister").
OFFICES = frozenset(phrase for phrase, rows in read_roles().items() if any(row.office for row in rows))
# Nouns of those who lead, whatever they lead: "the two leaders" are a president and a prime minister.
_LEADING_NOUNS = frozenset({"leader", "head"})
# "We" inside a speaker's words: the organisation or country the speaker speaks for.
FIRST_PERSON_PLURAL = frozenset({"we", "us", "our"})
_BODY_TYPES = frozenset({"ORG", "GPE"})
_AFFILIATIONS = (" at", " from", " in", " with")
PLURAL_AUXILIARIES = frozenset({"are", "were", "have"})


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    entity: Entity
    sentence: int
    dep: str  # the grammatical role of the mention's head

    @property
    def subject(self) -> bool:
        return self.dep in SUBJECTS

    def span(self, text: str) -> Span:
        return Span.of(text, self.start, self.end)


def naming_rank(mention: Span, source: Span, text: str, reporting_nouns: frozenset[str]) -> int | None:
    """How surely a name inside a source phrase names the speaker (0 best), or None if it does not.

    English noun phrases end with their head ("Russia's foreign minister Sergei Lavrov"),
    an apposition or a place puts the name first ("Lavrov, Russia's foreign minister",
    "Senator Cornyn of Texas"), a possessor owns a reporting or statement noun ("Lavrov's
    comments", "Trump's tweet"), and a document's maker comes before it ("a CNN poll").
    """
    if not (source.start <= mention.start and mention.end <= source.end):
        return None
    before = text[source.start : mention.start].split()
    # "the head of NATO" is not NATO, "the head of the WHO" not the WHO, "Senator Cornyn of
    # Texas" not Texas.
    governing = [word.lower() for word in before if word.lower() != "the"][-1:]
    if governing and governing[0] in PREPOSITIONS:
        return None
    after = text[mention.end : source.end]
    if all(word.lower() in _INTENSIFIERS for word in after.strip(" '’s,").split()):
        return 0
    # "Lavrov, Russia's ...", "Cornyn of Texas", "Dan McLaughlin at the National Review"
    if after.lstrip().startswith((",", *(f"{word} " for word in PREPOSITIONS))):
        return 1
    # The head the name owns or modifies: its first lowercase word ("'s tweet", "/ORC poll released").
    owned = next((word for word in _POSSESSIVE.sub("", after, count=1).split() if word.islower()), "")
    if _owned_person(_POSSESSIVE.sub("", after, count=1), owned):
        return None  # "Trump's campaign manager", "the Clinton campaign's spokesman": not Trump nor Clinton
    if (
        all(word.lower() in _MAKER_OPENERS or _modifier(word) for word in before)
        and (
            owned in reporting_nouns
            or owned in STATEMENT_NOUNS
            or owned in DOCUMENT_NOUNS
            or owned in CAMPAIGN_NOUNS
        )
        and (_POSSESSIVE.match(after) or mention.text.endswith(("'s", "’s")) or owned in DOCUMENT_NOUNS)
    ):
        # "Lavrov's comments", "Trump's tweet", "a CNN poll", "an FBI investigation"; "Rubio's
        # team" where the article names no "Rubio team" (``_campaigns``; else that is named whole)
        return 2
    return None


def _owned_person(after: str, owned: str) -> bool:
    """Whether the noun compound a name owns or modifies, from its first lowercase word
    (``owned``), holds a person's noun after it ("campaign manager", "campaign's spokesman"): the
    phrase then names that person, not the owner, whatever the compound opens with."""
    compound: list[str] = []
    for word in after.split():
        bare = re.sub(r"['’]s?$", "", word.rstrip(",.;:"))
        if not (bare.isalpha() and bare.islower()) or bare in PREPOSITIONS:
            break
        compound.append(bare)
        if word != bare and not word.endswith(("'s", "’s")):
            break  # punctuation ends the phrase
    return bool(compound) and compound[0] == owned and any(word in ANY_PERSON_NOUNS for word in compound[1:])


def _modifier(word: str) -> bool:
    """Whether a word before a maker's name may modify its document ("a yearly Gallup poll",
    "recently hacked DNC documents"): a lowercase word that is no preposition ("the report
    on the Clinton emails" is no Clinton's)."""
    return word.isalpha() and word.islower() and word not in PREPOSITIONS | _NOT_MODIFIERS


class SpeakerResolver:
    """Resolves the sources of one document's attributions to its entities."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        entities: list[Entity],
        genders: Genders,
        reporting_nouns: frozenset[str],
        names_outlet: Callable[[str], bool],
        question_verbs: frozenset[str],
        attributions: list[Attribution] = (),
        ranker: Chooser | None = None,
        office_holder: Callable[[str], str | None] = lambda title: None,
        code_of: Callable[[str], str | None] = lambda name: None,
        former_holder: Callable[[str, str], bool] = lambda title, name: False,
        pronoun_model: PronounModel | None = None,
        metonym: Callable[[str], Referent | None] = lambda name: None,
    ) -> None:
        """``ranker``: the learned scorer that picks the referent of pronouns and descriptions
        (None: the rules); ``office_holder``: the holder of the office a title designates on
        the publication day ("Russia's foreign minister": Sergei Lavrov); ``code_of``: a
        name's actor code on that day, which tells what kind of organisation it is;
        ``former_holder``: whether a name held a title's office before that day, and no longer;
        ``pronoun_model``: the learned scorer of a third-person pronoun's antecedent where the
        rules find none; ``metonym``: who a place that speaks speaks for on the publication
        day ("the Kremlin": Russia; ``reportedly.resolve.metonyms``)."""
        self.doc = doc
        self.ranker = ranker
        self.office_holder = office_holder
        self.code_of = code_of
        self.former_holder = former_holder
        self.pronoun_model = pronoun_model
        self.metonym = metonym
        self._kinds: dict[str, frozenset[str]] = {}
        self.attributions = attributions
        self.text = text
        self.document_entities = entities  # the extraction's own list: a title's holder joins it
        # A title NER took for a name ("The High Representative") is read as a title; not a
        # part of a name it split ("Union Leader").
        self.entities = [
            entity
            for entity in entities
            if entity.type in SPEAKER_TYPES | {WORK_TYPE}
            and not (_title_only(entity.name) and all(_after_article(text, m) for m in entity.mentions))
        ]
        self.entities += self._works()
        self.entities += self._unnamed_subjects(genders)
        # Transcript labels ("DE LA CALLE:", "HOST:") name no one in the story (turns.py).
        self.turns = Turns(doc, text, self.entities, code_of)
        self.entities = self.turns.entities
        self.reporting_nouns = reporting_nouns
        self.question_verbs = question_verbs  # "asked": the one asked is the addressee
        self.names_outlet = names_outlet
        self.sentence_starts = sentence_char_starts(doc)
        self.mentions = sorted(self._mentions(), key=lambda mention: mention.start)
        self.mention_starts = [mention.start for mention in self.mentions]
        self.gender_words = genders
        self.genders = {
            entity.id: gender_of(entity, text, genders) if entity.type != WORK_TYPE else None
            for entity in self.entities
        }
        self.people = self._people(attributions)
        organisations = self._campaigns()
        self.entities += organisations
        organisations += (makers := self._makers())
        self.entities += makers
        # Entity id -> entity, kept with self.entities (_added_entity adds to both).
        self.by_id = {entity.id: entity for entity in self.entities}
        if organisations:
            # A name within a maker's whole name is part of it there ("CNN" of "CNN/ORC").
            wholes = [span for maker in makers for span in maker.mentions]
            self.mentions = sorted(
                (
                    mention
                    for mention in self._mentions()
                    if not any(
                        whole.start <= mention.start
                        and mention.end <= whole.end
                        and (whole.start, whole.end) != (mention.start, mention.end)
                        for whole in wholes
                    )
                ),
                key=lambda mention: mention.start,
            )
            self.mention_starts = [mention.start for mention in self.mentions]
            self.genders.update(dict.fromkeys((organisation.id for organisation in organisations), None))
        if institutions := self._institutions_by_place():
            # "The Monmouth poll" in an article naming Monmouth University: the university's.
            self.mentions = [
                replace(mention, entity=institutions.get(mention.entity.id, mention.entity))
                for mention in self.mentions
            ]
        # Mentions that only pronouns read, sorted by start (see _note_for_pronouns).
        self.pronoun_mentions: list[_Mention] = []
        self.pronoun_mention_starts: list[int] = []
        self._add_missed_surnames()
        # The first entity of each kind (people, others) to be named: whom the story is about.
        self.first_named: dict[bool, str] = {}
        for mention in self.mentions:
            self.first_named.setdefault(mention.entity.id in self.people, mention.entity.id)
        self.by_entity: dict[str, list[_Mention]] = {}
        for mention in self.mentions:
            self.by_entity.setdefault(mention.entity.id, []).append(mention)
        # Entity id -> where it first spoke (attributions already linked; link() adds the rest).
        self.first_spoke: dict[str, int] = {}
        self.group_spoke: tuple[Attribution, Speaker] | None = None  # the last group that spoke
        for attribution in attributions:
            if attribution.speaker and attribution.speaker.entity:
                self._spoke(attribution.speaker.entity, attribution)
                self._gender_from(attribution, attribution.speaker.entity)

    def link(self, attributions: list[Attribution]) -> None:
        """Set ``speaker`` on every attribution whose source can be resolved, in text order."""
        previous: Entity | None = None
        described = described_subjects(self.doc, attributions, self.turns)
        loose = sorted([*self._loose_pronouns(attributions), *described], key=lambda word: word.idx)
        for attribution in sorted(attributions, key=attribution_start):
            while loose and loose[0].idx < attribution_start(attribution):
                self._note_loose(loose.pop(0), previous)
            group = self.group(attribution, previous)
            if group is not None:
                attribution.speaker = group
                self.group_spoke = (attribution, group)
                for member in group.members:
                    if member.entity is not None:
                        self._spoke(member.entity, attribution)
                previous = None  # a later "he" is none of them for being the last to speak
                continue
            if attribution.kind == "floating" and attribution.source is None:
                entity = previous
            else:
                entity = self.resolve(attribution, previous)
            attribution.speaker = Speaker(entity.name, entity.id) if entity else None
            if entity is not None and entity not in self.document_entities:
                self.document_entities.append(entity)  # a titled work that speaks
            if entity is not None and attribution.kind != "nominal" and attribution.source is not None:
                # One whose words are only named ("Carson's mangling of Hamas", "his dislike
                # for ...") did not speak last: a "he said" after it is the last who spoke; nor
                # did the interviewer of a question that names no asker (``_interviewer``): the
                # answer is the one asked's.
                previous = self.by_id.get(entity.id, entity)
            if entity is not None:
                self._spoke(entity.id, attribution)
                self._gender_from(attribution, entity.id)
            asked = self.asked(attribution, previous)
            if asked is not None:
                previous = asked  # the answer that follows ("He said ...") is the one asked

    def _loose_pronouns(self, attributions: list[Attribution]) -> list[Token]:
        """The subject "he" and "she" of the narrative that no attribution's source is, in
        text order (not inside a quotation, where they are the speaker's)."""
        sources = {attribution.source.start for attribution in attributions if attribution.source}
        quoted = [part for attribution in attributions for part in attribution.content]
        return [
            token
            for token in self.doc
            if token.lower_ in _SUBJECT_GENDERS
            and token.dep_ in SUBJECTS
            and token.idx not in sources
            and not _within(token.idx, quoted)
        ]

    def _note_loose(self, pronoun: Token, previous: Entity | None) -> None:
        """Resolve a narrative subject pronoun by the rules and note it as a mention of its
        referent: the one the text goes on about ("With Donald Trump, there's not much chance of
        that. He has never changed. ... 'I'm not changing,' he said"); a description
        (``described_subjects``) is resolved as a source, which notes it, unless it is of an
        office whose holder the text never names (who would be added to its entities)."""
        if pronoun.lower_ not in _SUBJECT_GENDERS:
            phrase = Span.of(self.text, pronoun.left_edge.idx, pronoun.idx + len(pronoun.text))
            holder = self.office_holder(phrase.text)
            if holder is None or any(_same_surname(holder, entity) for entity in self.entities):
                probe = Attribution(id="described", kind="indirect", cue=None, source=phrase, content=[])
                self.resolve(probe, previous)
            return
        source = Span.of(self.text, pronoun.idx, pronoun.idx + len(pronoun.text))
        probe = Attribution(id="pronoun", kind="indirect", cue=None, source=source, content=[])
        entity = self.antecedent(pronoun, probe, previous, fallback=False)
        if entity is not None:
            self._note_for_pronouns(
                _Mention(source.start, source.end, entity, self._sentence(source.start), pronoun.dep_)
            )

    def _gender_from(self, attribution: Attribution, entity_id: str) -> None:
        """A person of no known gender takes the gender of a "he" or "she" resolved to them
        ("Schlafly ... she wrote": no later "he" is Schlafly). Not of a possessive: "his" is
        as often a source's object's ("support for his bill") and resolved less surely."""
        source = attribution.source.text.strip().lower() if attribution.source else ""
        if source in _SUBJECT_GENDERS and entity_id in self.people and self.genders.get(entity_id) is None:
            self.genders[entity_id] = _SUBJECT_GENDERS[source]

    def _spoke(self, entity_id: str, attribution: Attribution) -> None:
        start = attribution_start(attribution)
        self.first_spoke[entity_id] = min(start, self.first_spoke.get(entity_id, start))

    def asked(self, attribution: Attribution, previous: Entity | None) -> Entity | None:
        """Who a question was put to ("Spicer was asked whether ...", "Holt asked Trump
        whether ..."), resolved as a source is; None for any other attribution."""
        if attribution.addressee is None or not self.is_question(attribution):
            return None
        return self.resolve(replace(attribution, source=attribution.addressee), previous)

    def is_question(self, attribution: Attribution) -> bool:
        """Whether an attribution's cue is a verb of asking ("was asked", "asked by")."""
        if attribution.cue is None:
            return False
        cue = self._words(attribution.cue)
        return cue is not None and any(word.lemma_.lower() in self.question_verbs for word in cue)

    def maker_by_outlet(self, statement: Token, attribution: Attribution) -> Entity | None:
        """The speaker of the statements a reporting noun refers to where its phrase names
        where they were made ("These comments, published in the French newspaper Le
        Parisien, ..."): the last earlier speaker whose channel or addressee was that outlet
        ("Zelenskiy told Le Parisien ..."). None when the phrase names no such outlet."""
        phrase = Span.of(
            self.text, statement.left_edge.idx, statement.right_edge.idx + len(statement.right_edge.text)
        )
        outlets = {m.entity.id for m in self.mentions_within(phrase) if m.start >= attribution.source.start}
        if not outlets:
            return None
        start = attribution_start(attribution)
        earlier = [a for a in self.attributions if attribution_start(a) < start and a.speaker is not None]
        for spoken in sorted(earlier, key=attribution_start, reverse=True):
            places = [span for span in (spoken.channel, spoken.addressee) if span]
            if spoken.speaker.entity in self.by_id and any(
                mention.entity.id in outlets for place in places for mention in self.mentions_within(place)
            ):
                return self.by_id[spoken.speaker.entity]
        return None

    def _document_noun(self, noun: Token) -> bool:
        """Whether a common noun names a document or words said ("the memo", "the report",
        "the statement"), whose maker speaks through it; not a campaign, made as well
        (``DOCUMENT_KINDS``)."""
        lemma = noun.lemma_.lower()
        return bool(
            noun_types(lemma, noun.lower_) & DOCUMENT_KINDS
            or lemma in DOCUMENT_NOUNS
            or lemma in self.reporting_nouns
            or noun.lower_ in STATEMENT_NOUNS
        )

    def maker_before(self, document: Token, attribution: Attribution) -> Entity | None:
        """The maker of the document a definite noun takes up, named within KIND_REACH
        sentences before it: the latest name that makes a document of the noun ("Cook provided
        a written statement ... [the statement] said", "a memo written by Rod Rosenstein ...
        [The memo] faulted") or speaker of an attribution whose cue says it was said in one
        ("the minister wrote in a letter ... [The letter] did not name", "the panel said in a
        report ... [The report] found"): one who says a thing in a document made it. None
        where none is."""
        lemma = document.lemma_.lower()
        start = attribution_start(attribution)
        first = self._sentence(start) - KIND_REACH
        makers: list[tuple[int, Entity]] = [
            (mention.start, mention.entity)
            for mention in self.mentions[: bisect.bisect_left(self.mention_starts, start)]
            if mention.sentence >= first
            and (made := self._made_by(mention)) is not None
            and made.lemma_.lower() == lemma
            and made.i != document.i
        ]
        for earlier in self.attributions:
            begins = attribution_start(earlier)
            cue = self._words(earlier.cue) if earlier.cue and begins < start else None
            if cue is None or earlier.speaker is None or earlier.speaker.entity not in self.by_id:
                continue
            if self._sentence(begins) >= first and any(
                noun.lemma_.lower() == lemma for verb in cue for noun in documents_of(verb)
            ):
                makers.append((begins, self.by_id[earlier.speaker.entity]))
        return max(makers, key=lambda maker: maker[0])[1] if makers else None

    def group(self, attribution: Attribution, previous: Entity | None) -> Speaker | None:
        """The speaker of a source that coordinates several parties ("Germany, France, the UK
        and Poland"), each resolved as a source of its own; None for any other source, or
        one whose parties resolve to one entity or to none."""
        if attribution.source is None:
            return None
        phrase = self._words(attribution.source)
        if phrase is None or len(phrase) == 0:
            return None
        # A phrase that names its parties after its noun ("the two negotiators, X and Y") is
        # no reference back by its count or "both".
        naming = any(token.ent_type_ in PARTY_LABELS for token in phrase if token.i > phrase.root.i)
        counted = [] if naming else self._counted_coordination(phrase)
        pair = [] if counted or naming else self._pair_of_kind(phrase, attribution, previous)
        if not (counted or naming) and (continued := continued_group(self, phrase.root)) is not None:
            return continued
        if pair:
            return Speaker.group([Speaker(entity.name, entity.id) for entity in pair])
        parts = (
            counted
            or conjunct_phrases(phrase)
            or self._listed_people(phrase)
            or self._named_list(phrase)
            or self._people_coordinated_before(phrase)
        )
        if (
            not parts
            or any(  # a name read whole across the "and" ("Procter and Gamble")
                mention.start < part.end_char <= mention.end - 1
                for part in parts[:-1]
                for mention in self.mentions_within(attribution.source)
            )
        ):
            return None
        members: list[Speaker] = []
        for part in parts:
            source = Span.of(self.text, part.start_char, part.end_char)
            entity = self.resolve(replace(attribution, source=source), previous)
            member = Speaker(entity.name, entity.id) if entity else Speaker(source.text)
            if all(member.entity is None or member.entity != other.entity for other in members):
                members.append(member)
        if len(members) < 2 or all(member.entity is None for member in members):
            return None
        return Speaker.group(members)

    def _pair_of_kind(
        self, phrase: TokenSpan, attribution: Attribution, previous: Entity | None
    ) -> list[Entity]:
        """The two parties "both" or "the two" of a plural noun refers to ("Both airlines", "the
        two companies", "both governments"; not "two senators"): the two entities of the noun's
        kind (people given its role, for a person's noun: "both candidates") last named before
        it, in text order; for "both" or "the two" standing alone, the two people last named
        (``_last_two_people``); else ``[]``."""
        head = phrase.root
        if _pair_alone(head):
            return self._last_two_people(phrase, attribution, previous)
        both = any(child.lower_ == "both" for child in head.children)
        two = any(child.dep_ == "nummod" and child.lower_ == "two" for child in head.children)
        if head.tag_ != "NNS" or not (both or (two and _definite(head))):
            return []
        reference = self._nominal_reference(head)
        if not reference.types:
            return []
        source = Span.of(self.text, phrase.start_char, phrase.end_char)
        candidates = [
            c for c in self.candidates(reference, source, attribution, previous, None) if not c.after
        ]
        if PERSON not in reference.types:
            # A name NER took for a person that the text shows is none ("rival Solmar") may be
            # of the noun's kind as well.
            fitting = [
                c
                for c in candidates
                if (c.type_match or c.type_vague or (c.type == "PERSON" and not c.person))
                and not self._last_qualifies(c, source)
            ]
        else:
            # "The two leaders" of a president and a prime minister named within the reach of
            # a kind, as of two people given the role.
            leading = reference.head in _LEADING_NOUNS
            fitting = [
                c
                for c in candidates
                if c.person
                and (
                    c.role_match
                    or (leading and c.sentences_back <= KIND_REACH and self._holds_office(c.entity_id))
                )
            ]
            if (
                len(fitting) < 2
                and (reference.role is None or not fitting)
                and not self._counted_unnamed(head)
            ):
                # "Both women", "the two founders", "both candidates" where the text gives no
                # one the role: the two people last named in full (a lone word may be a place
                # NER took for a person) of a gender the noun allows, within the reach of a
                # kind (pronouns and titles may refer to them since); not of people it counted
                # unnamed before ("Two women were hurt ... the two women").
                gender = _NOUN_GENDERS.get(reference.head)
                people = [
                    c
                    for c in candidates
                    if c.person and not c.single_word and (gender is None or c.gender in {None, gender})
                ]
                fitting = [c for c in people[:2] if c.sentences_back <= KIND_REACH]
        if len(fitting) < 2:
            return []
        pair = sorted(fitting[:2], key=lambda c: c.characters_back, reverse=True)
        return [self.by_id[c.entity_id] for c in pair]

    def _last_qualifies(self, candidate: Candidate, source: Span) -> bool:
        """Whether a candidate's latest mention before a source only qualifies a noun ("three
        former Google and Meta engineers"): it names no party of its clause."""
        before = [m for m in self.by_entity.get(candidate.entity_id, ()) if m.start < source.start]
        words = self._words(before[-1]) if before else None
        if not words:
            return False
        head = words.root
        while head.dep_ == "conj" and head.head.i != head.i:  # "Meta" of "Google and Meta engineers"
            head = head.head
        return head.dep_ in MODIFIER_DEPS - {"poss"}

    def _last_two_people(
        self, phrase: TokenSpan, attribution: Attribution, previous: Entity | None
    ) -> list[Entity]:
        """The two a "both" or "the two" standing alone refers to where nothing coordinates
        them ("A hotel owner, Rosa Quispe, said ...; a guide, Julio Mamani, said ... [The two]
        agreed"): the two entities last named before it, where both are people named in full
        within the reach of a kind, in text order; else ``[]``."""
        head = phrase.root
        source = Span.of(self.text, phrase.start_char, phrase.end_char)
        reference = self._nominal_reference(head, person=True)
        candidates = self.candidates(reference, source, attribution, previous, None)
        latest = [c for c in candidates if not c.after][:2]
        if len(latest) < 2 or not all(
            c.person and not c.single_word and c.sentences_back <= KIND_REACH for c in latest
        ):
            return []
        latest.sort(key=lambda c: c.characters_back, reverse=True)
        return [self.by_id[c.entity_id] for c in latest]

    def _holds_office(self, entity_id: str) -> bool:
        """Whether the text gives an entity a role that designates an office ("President",
        "Prime Minister")."""
        return any(role in OFFICES for role, _ in self.roles.get(entity_id, ()))

    def _introduced_unnamed(self, head: Token) -> bool:
        """Whether a definite person's noun takes up one the text introduced without a name
        ("A senior State Department official said ... The official, who briefed reporters,
        said"): the noun's latest use before it, within _COUNTED_REACH sentences, heads an
        indefinite phrase ("a", "an", "another") that names no one (no name in it or apposed
        to it: not "a federal judge, David Bristow,")."""
        lemma = head.lemma_.lower()
        earlier = next(
            (
                token
                for token in reversed(self.doc[self._counted_reach_start(head) : head.left_edge.i])
                if token.lemma_.lower() == lemma
            ),
            None,
        )
        if earlier is None or earlier.pos_ != "NOUN":
            return False
        indefinite = any(child.dep_ == "det" and child.lower_ in _INDEFINITE for child in earlier.children)
        # An apposition describes the phrase it hangs on, through its prepositions ("Club
        # president Alfonso Mejia, a construction businessman,"; "Kevin McConway of the Open
        # University, a statistician,"): that one's name names it.
        anchor = earlier
        if anchor.dep_ == "appos":
            anchor = anchor.head
            while anchor.dep_ in {"pobj", "prep"} and anchor.head != anchor:
                anchor = anchor.head
        # Named in its phrase, or someone named since ("A new campaign manager could ...
        # when the AP asked Bennett, the campaign manager said"): the noun may be theirs.
        named = any(
            mention.entity.id in self.people
            for mention in self.mentions_within(
                Span.of(self.text, min(anchor.left_edge.idx, earlier.left_edge.idx), head.idx)
            )
        )
        return indefinite and not named

    def _counted_unnamed(self, head: Token) -> bool:
        """Whether the text counted people of a plural noun before it without naming them: an
        earlier phrase of the same noun with a number and no determiner, possessor or name
        apposed ("Two women were hurt", "three officials said") within _COUNTED_REACH sentences."""
        return any(
            token.lemma_ == head.lemma_
            and any(child.dep_ == "nummod" for child in token.children)
            and not any(child.dep_ in {"det", "poss", "appos"} for child in token.children)
            for token in self.doc[self._counted_reach_start(head) : head.i]
        )

    def _counted_reach_start(self, head: Token) -> int:
        """The first word of the sentence _COUNTED_REACH sentences before a word's (or of the
        document), from where the people it may take up were counted or introduced."""
        first = self.sentence_starts[max(0, self._sentence(head.idx) - _COUNTED_REACH)]
        return self.doc.char_span(first, first + 1, alignment_mode="expand").start

    def _counted_coordination(self, phrase: TokenSpan) -> list[TokenSpan]:
        """The parties a counted plural noun, or a count standing alone, refers to where its
        sentence, or one of the three before, coordinates as many ("Saudi Arabia, the UAE,
        Bahrain and Egypt sent ... [The four states] gave", "X and Y announced ... [The two
        men] said", "Biden and Harris appeared ..., and [both] cast"): the conjuncts of the
        latest coordination before the phrase with that many parts, each holding a name that
        is a person's when the noun is a person's ("Finance Minister Lukas Roth") and no
        person's else (alike, for a count alone); else ``[]``. A coordination the noun itself
        named ("Minister X and Minister Y signed ... [Both ministers]", "its co-founders, A and
        B") is taken up however far back."""
        head = phrase.root
        alone = _pair_alone(head)  # "both said", "the two agreed": a pair as the phrase's head
        both = head.lower_ == "both" or any(child.lower_ == "both" for child in head.children)
        # A number counts only on a definite noun: "two senators said" are others.
        counts = (
            {2}
            if alone
            else {
                _PARTY_COUNTS[child.lower_]
                for child in head.children
                if child.lower_ in _PARTY_COUNTS and (child.lower_ == "both" or child.dep_ == "nummod")
            }
        )
        if (head.tag_ != "NNS" and not alone) or len(counts) != 1 or not (both or _definite(head)):
            return []
        count = counts.pop()
        person = None if alone else PERSON in self._nominal_reference(head).types
        reach = self._counted_reach_start(head)
        latest: list[TokenSpan] = []
        for token in self.doc[: phrase.start]:
            # Coordinated names, not clauses ("Boeing raised ..., and Airbus cut ..."), nor names
            # that only qualify a noun ("three former Google and Meta researchers").
            if (
                token.pos_ not in _NOMINAL_TAGS
                or token.dep_ in MODIFIER_DEPS
                or not any(child.dep_ == "conj" for child in token.children)
            ):
                continue
            parts = conjunct_phrases(self.doc[token.left_edge.i : min(token.right_edge.i + 1, phrase.start)])
            if len(parts) != count or (token.i < reach and (alone or not _named_by_noun(token, parts, head))):
                continue
            personal = [
                {
                    mention.entity.id in self.people
                    for mention in self.mentions_within(Span.of(self.text, part.start_char, part.end_char))
                }
                for part in parts
            ]
            # A count alone takes people where a part names only people, else bodies.
            wanted = {person} if person is not None else ({True} if {True} in personal else {False})
            if all(kinds & wanted for kinds in personal):
                latest = parts
        return latest

    def _people_coordinated_before(self, phrase: TokenSpan) -> list[TokenSpan]:
        """The people a plural pronoun source refers to where its sentence, or the one before,
        coordinates them as a subject or a predicate ("Hillary Clinton and Bernie Sanders are
        both progressives. [Their] shared goals ...", "The two reporters are Anna Palmer and
        Jake Sherman. [They] are confident"): the conjuncts of the latest such coordination
        before the pronoun, each naming a person; else ``[]``."""
        pronoun = phrase.root
        if pronoun.lower_ not in PLURAL_PRONOUNS:
            return []
        first = self.sentence_starts[max(0, self._sentence(pronoun.idx) - _PLURAL_REACH)]
        latest: list[TokenSpan] = []
        for token in self.doc[
            self.doc.char_span(first, first + 1, alignment_mode="expand").start : pronoun.i
        ]:
            if token.dep_ not in SUBJECTS | {"attr"} or not any(c.dep_ == "conj" for c in token.children):
                continue
            parts = conjunct_phrases(self.doc[token.left_edge.i : token.right_edge.i + 1])
            if parts and all(
                any(
                    m.entity.id in self.people
                    for m in self.mentions_within(Span.of(self.text, part.start_char, part.end_char))
                )
                for part in parts
            ):
                latest = parts
        return latest

    def _listed_people(self, phrase: TokenSpan) -> list[TokenSpan]:
        """The names of a list of people with no conjunction, each part between commas one
        name and nothing else ("Clinton, Sanders" of a headline), or ``[]``."""
        parts, start = [], phrase.start
        for token in [*phrase, None]:
            if token is None or token.text == ",":
                end = phrase.end if token is None else token.i
                parts.append(self.doc[start:end])
                start = end + 1
        if len(parts) < 2:
            return []
        for part in parts:
            span = Span.of(self.text, part.start_char, part.end_char)
            names = self.mentions_within(span) if len(part) else []
            if not (
                len(names) == 1
                and (names[0].start, names[0].end) == (part.start_char, part.end_char)
                and names[0].entity.id in self.people
            ):
                return []
        return parts

    def _named_list(self, phrase: TokenSpan) -> list[TokenSpan]:
        """The parts of a list of names the parse did not coordinate ("Donald Trump and House
        Speaker Paul Ryan", the first name read as a modifier of the second): the phrase split
        at its commas and "and", outside names and parentheses, where it has an "and" and each
        part holds a name that names it; else ``[]``."""
        names = self.mentions_within(Span.of(self.text, phrase.start_char, phrase.end_char))
        parts, start, coordinated, depth = [], phrase.start, False, 0
        for token in [*phrase, None]:
            if token is not None:
                depth += {"(": 1, ")": -1}.get(token.text, 0)
                splits = token.text == "," or token.lower_ in COORDINATORS
                if not splits or depth or any(m.start <= token.idx < m.end for m in names):
                    continue
                coordinated = coordinated or token.lower_ in COORDINATORS
            end = phrase.end if token is None else token.i
            if end > start:
                parts.append(self.doc[start:end])
            start = end + 1
        if not coordinated or len(parts) < 2:
            return []
        for part in parts:
            source = Span.of(self.text, part.start_char, part.end_char)
            if not any(
                naming_rank(mention.span(self.text), source, self.text, self.reporting_nouns) is not None
                and not self._within_preposition(mention, part)
                for mention in self.mentions_within(source)
            ):
                return []
        return parts

    def resolve(self, attribution: Attribution, previous: Entity | None) -> Entity | None:
        """The entity behind an attribution's source, ``previous`` being the last speaker; a
        place or an organ of government the source names or refers to ("the Kremlin", "it"
        after it) as whom it speaks for (``spoken_for``)."""
        if attribution.source is None:
            return self._interviewer(attribution) if self.is_question(attribution) else None
        return self.spoken_for(self._source_entity(attribution, previous), attribution.source)

    def _interviewer(self, attribution: Attribution) -> Entity | None:
        """Who put a question that names no asker ("In an interview with CNN's Jake Tapper, Trump
        was asked whether ..."): the person its sentence says the interview was with; None
        where it names none (an outlet is no asker: many put its questions)."""
        cue = self._words(attribution.cue) if attribution.cue is not None else None
        if cue is None or len(cue) == 0:
            return None
        for word in cue.root.sent:
            if word.lemma_.lower() != "interview":
                continue
            for preposition in word.children:
                if preposition.dep_ != "prep" or preposition.lower_ != "with":
                    continue
                for named in preposition.children:
                    mention = self._mention_at(named) if named.dep_ == "pobj" else None
                    if mention is not None and mention.entity.id in self.people:
                        return mention.entity
        return None

    def _source_entity(self, attribution: Attribution, previous: Entity | None) -> Entity | None:
        """The entity the words of a source (not None) name or refer to."""
        source_tokens = self._words(attribution.source)
        if source_tokens is None or len(source_tokens) == 0:
            return None
        labelled, speaker = self.turns.label_speaker(attribution.source)
        if labelled:
            return speaker  # a turn's label: the person it names in full, a side or a role's holder
        if (
            len(source_tokens) == 1
            and source_tokens[0].pos_ == "DET"
            and source_tokens[0].head.pos_ == "NOUN"
        ):
            # A source cut short at its determiner ("the" of "the senator"): its whole phrase.
            noun = source_tokens[0].head
            source_tokens = self.doc[source_tokens[0].i : noun.i + 1]
        # A relative "who" speaks for its antecedent ("Lavrov, who said ...").
        relative = len(source_tokens) == 1 and source_tokens[0].tag_ in {"WP", "WDT"}
        words = speaker_tokens(list(source_tokens))
        if relative and (named := _apposed_name(source_tokens[0])) is not None:
            # "Wes Holloway, a farmer from Iowa who backs ...": the one the relative's noun
            # describes, not a name inside that noun's phrase.
            words = list(self.doc[named.left_edge.i : named.i + 1])
        elif relative and source_tokens[0].i > 0:
            # The parse did not hang the clause on its antecedent, or hung it on a noun that
            # cannot speak ("in the wake of polls by Quinnipiac University that showed"): the
            # noun just before, where that one is a name.
            before = self.doc[source_tokens[0].i - 1]
            before = self.doc[before.i - 1] if before.is_punct and before.i > 0 else before
            mute = len(words) > 1 and self._mute(source_tokens[0].head.head)
            if before.pos_ in {"NOUN", "PROPN"} and (len(words) == 1 or (mute and before.ent_type_)):
                words = list(self.doc[before.left_edge.i : before.i + 1])
        if len(words) == 1 and (turn := self.turns.first_person(words[0]))[0]:
            return turn[1]  # "I" and "we" in an interview's answer or a transcript's turn
        if len(words) == 1 and (quoting := self.quoting_speaker(words[0], attribution)) is not None:
            return quoting
        if len(words) == 1 and words[0].lower_ in FIRST_PERSON:
            return self.writer(words[0], attribution)
        tokens = self.doc[words[0].i : words[-1].i + 1]
        source = Span.of(self.text, tokens.start_char, tokens.end_char)
        epithet = None if relative else (_epithet_head(tokens) or self._demonym_head(tokens))
        if epithet is not None and self.ranker is not None and self.ranker.ranks("nominal"):
            # "The Spaniard", "the 58-year-old": a person described, not the people named.
            reference = self._nominal_reference(epithet, person=True, start=tokens.start)
            return self.ranked(reference, source, attribution, previous, epithet=True)
        named = [
            (rank, mention.start, mention.entity)
            for mention in self.mentions_within(source)
            if (rank := naming_rank(mention.span(self.text), source, self.text, self.reporting_nouns))
            is not None
            and not self._within_preposition(mention, tokens)
            # "many Americans", "some Democrats", "Democrats in Congress", "energized Democrats
            # who ...": part of a people is no one speaker; only the people itself is.
            and not (mention.entity.type == "NORP" and (relative or _more_than(source, mention, self.text)))
        ]
        if named:
            # Of two names opening at one place, the longer ("CNN/ORC" of "a CNN/ORC poll", not "CNN").
            best = min(named, key=lambda item: (item[0], item[1], -len(item[2].name)))
            # "Keith Kellogg, Trump's pick to be special envoy to Ukraine": a name before
            # a comma heads the phrase; the name that ends it ends its apposition.
            opening = [item for item in named if item[0] == 1 and item[1] < best[1]]
            return min(opening, key=lambda item: item[1])[2] if best[0] == 0 and opening else best[2]
        if all(word.text[:1].isupper() for word in tokens) and (known := self._known_name(source.text)):
            return known  # "Hannity asked Trump ...": NER missed a name it found elsewhere
        if (government := self.spoken_for(None, source)) is not None:
            return government  # "Pakistani authorities": a people's government is its country
        head = _phrase_head(tokens)
        pronoun = next((token for token in tokens if token.lower_ in PRONOUNS), None)
        if pronoun is not None and (
            pronoun == head
            or head.lemma_.lower() in self.reporting_nouns
            or head.lower_ in STATEMENT_NOUNS
            # "her campaign", "his organization": a person's organisation speaks as that person
            # (as the campaign the article names, where it names one: "the Sanders campaign").
            or (
                pronoun.head == head
                and pronoun.dep_ == "poss"
                and (head.lower_ in ORGANISATION_WORDS or head.lower_ in CAMPAIGN_NOUNS)
            )
        ):
            if pronoun == head and unnamed_antecedent(
                pronoun, [e for e in self.entities if e.id in self.people]
            ):
                return None  # "One woman, a retired teacher, told me ... She said": no one named
            if self.ranker is not None and self.ranker.ranks("pronoun"):
                entity = self.ranked(self._pronoun_reference(pronoun), source, attribution, previous)
            else:
                entity = self.antecedent(pronoun, attribution, previous)
            if entity is not None and pronoun != head and head.lower_ in CAMPAIGN_NOUNS:
                return self._campaign_of(entity, PERSONAL_ORGANISATIONS[head.lower_]) or entity
            if entity is not None and len(tokens) == 1 and pronoun.dep_ in SUBJECTS:
                # "she replied": a mention of her for the pronouns after it, so that a chain of
                # "she said" goes on with her past the names the quotes mention.
                self._note_for_pronouns(
                    _Mention(source.start, source.end, entity, self._sentence(source.start), pronoun.dep_)
                )
            return entity
        described = self.named_by_grammar(head)
        if described is not None:
            return described
        if (
            _definite(head)
            and self._document_noun(head)
            # A maker named in the phrase ("The Politico story") is its speaker, not one before.
            and not any(child.dep_ in MODIFIER_DEPS and child.pos_ == "PROPN" for child in head.children)
        ):
            maker = self.maker_before(head, attribution)
            if maker is not None:
                return maker
        if head.lemma_.lower() in self.reporting_nouns or head.lower_ in self.reporting_nouns:
            # "These comments suggest": whoever made them, the one the outlet they were
            # published in had them from, else the last to speak.
            return self.maker_by_outlet(head, attribution) or previous
        if head.tag_ == "NNS":
            # A plural common noun naming no one ("national polls", "the lower courts", "the
            # emails", "Democrats across the country, who"): people or things left unnamed,
            # whom the guide leaves null; of 264 such PolNeAR train sources 5 are resolvable.
            # "Both airlines", "the two companies" are groups (``group``), "the Pakistani
            # authorities" a country (``spoken_for``), "these comments" their maker (above).
            return None
        # A determiner the parse hung elsewhere (``_phrase_head``) still opens the phrase.
        definite = _definite(head) or (head != tokens.root and tokens[0].lower_ in DEFINITE)
        if head.pos_ == "NOUN" and head.lemma_.lower() in DOCUMENT_NOUNS and not definite:
            maker = self.maker_named_after(head, source)
            if maker is not None:
                return maker
        # "The general said": a title's noun the parse took for an adjective.
        person_adjective = head.pos_ == "ADJ" and definite and head.lower_ in PERSON_NOUNS
        if head.pos_ in {"NOUN", "PROPN"} or person_adjective:
            if source.end <= self.headline_end and not definite:
                return self.introduced_after(self._nominal_reference(head, start=tokens.start), attribution)
            if self.ranker is not None and self.ranker.ranks("nominal"):
                reference = self._nominal_reference(head, start=tokens.start)
                if not definite:
                    return self.titled_after(reference, source)
                if PERSON in reference.types and self._introduced_unnamed(head):
                    return None  # "A senior official said ... The official added": no one named
                return self.ranked(reference, source, attribution, previous)
            return self.role_holder(head, source.start)
        return None

    @cached_property
    def headline_end(self) -> int:
        """Where the headline ends: at the text's first blank line (a headline and a subhead
        may stand on two lines), else its first line; 0 where that is no headline's length."""
        text = self.text.lstrip()
        margin = len(self.text) - len(text)
        ends = [found for mark in ("\n\n", "\n") if (found := text.find(mark)) > 0]
        end = ends[0] if ends else -1
        return margin + end if 0 < end <= HEADLINE_LENGTH else 0

    def introduced_after(self, reference: Reference, attribution: Attribution) -> Entity | None:
        """The referent of a headline's bare description ("Saudi prince mocks Trump", "SEIU
        chief says", "latest poll"): an entity the headline does not name, introduced in the
        first HEADLINE_REACH sentences after it, of the kind the noun takes (a person for
        "prince"); the one the text gives the headline's role ("Saudi Prince Alwaleed Bin
        Talal"), else the first that speaks there, else the first named. None where the
        noun takes no kind or no entity fits."""
        if not reference.types or reference.plural:
            return None
        first = bisect.bisect_left(self.mention_starts, self.headline_end)
        if first >= len(self.mentions):
            return None
        last_sentence = self.mentions[first].sentence + HEADLINE_REACH - 1
        in_headline = {m.entity.id for m in self.mentions[:first]}
        introduced: list[Entity] = []
        for mention in self.mentions[first:]:
            entity = mention.entity
            if mention.sentence > last_sentence:
                break
            if entity.id in in_headline or entity in introduced:
                continue
            person = entity.id in self.people
            fits = (
                person
                if PERSON in reference.types
                else not person and any(types_agree(reference.types, self.kinds_of(entity)))
            )
            if fits:
                introduced.append(entity)
        if not introduced:
            return None
        speaking = {
            mention.entity.id
            for other in self.attributions
            if other is not attribution
            and other.source
            and self.headline_end <= other.source.start
            and self._sentence(other.source.start) <= last_sentence
            for mention in self.mentions_within(other.source)
            if naming_rank(mention.span(self.text), other.source, self.text, self.reporting_nouns) is not None
        }
        titled = [e for e in introduced if reference.role and self._role_fit(e, reference)[0]]
        return (titled or [e for e in introduced if e.id in speaking] or introduced)[0]

    def titled_after(self, reference: Reference, source: Span, named_next: bool = False) -> Entity | None:
        """The referent of an indefinite title ("a federal judge ruled Monday. U.S. District
        Magistrate Judge David Bristow said ..."): the first person named after it, within
        TITLED_REACH sentences, whom the text first names there and gives the title's role (or
        one of its head noun). None where no one new is so named: "a senior official said" is
        most often someone the article never names.
        ``named_next``, for a definite title no one before it holds ("The finance minister
        said ... Mohamed Maait added", "Its chairman told reporters ... Shaharyar Khan said"):
        also the first person so named, in full, who speaks (names an attribution's source) and
        whom the text gives no role at all (one given another is someone else; a surname alone
        is someone known before)."""
        if reference.role is None or reference.plural:
            return None
        last = self._sentence(source.start) + TITLED_REACH
        for mention in self.mentions[bisect.bisect_left(self.mention_starts, source.end) :]:
            if mention.sentence > last:
                break
            entity = mention.entity
            if entity.id not in self.people or self.by_entity[entity.id][0].start < source.end:
                continue
            if any(self._role_fit(entity, reference)[:2]):
                return entity
            if (
                named_next
                and not self.roles.get(entity.id)
                and " " in self.text[mention.start : mention.end].strip()
                and self._names_source(mention)
            ):
                return entity
        return None

    def _names_source(self, mention: _Mention) -> bool:
        """Whether a mention is the name in the source of an attribution ("Mohamed Maait added")."""
        return any(
            other.source is not None
            and other.source.start <= mention.start < other.source.end
            and naming_rank(mention.span(self.text), other.source, self.text, self.reporting_nouns)
            is not None
            for other in self.attributions
        )

    def maker_named_after(self, document: Token, source: Span) -> Entity | None:
        """The maker of a document an indefinite source introduces before naming it ("...,
        a new poll indicates. A Morning Consult poll found ..."): the first entity after the
        source, within MAKER_REACH sentences, that makes a document of the same noun."""
        words = {document.lower_, document.lemma_.lower()}
        last = self._sentence(source.start) + MAKER_REACH
        first = bisect.bisect_left(self.mention_starts, source.end)
        for mention in self.mentions[first:]:
            if mention.sentence > last:
                break
            made = self._made_by(mention)
            following = _POSSESSIVE.sub("", self.text[mention.end : mention.end + 40], count=1).split()
            if (made is not None and made.lemma_.lower() in words) or (
                following and following[0].lower().strip(".,") in words
            ):
                return mention.entity
        return None

    def _mute(self, noun: Token) -> bool:
        """Whether a common noun names nothing that speaks: no role, organisation, outlet,
        statement or document ("wake", "ways")."""
        words = {noun.lower_, noun.lemma_.lower()}
        speaking = ROLE_NOUNS | ORGANISATION_WORDS | OUTLET_NOUNS | STATEMENT_NOUNS | DOCUMENT_NOUNS
        return noun.pos_ == "NOUN" and not words & (speaking | self.reporting_nouns)

    def quoting_speaker(self, pronoun: Token, attribution: Attribution) -> Entity | None:
        """Who a first-person pronoun inside another attribution's words is: "I" the speaker
        of those words ('"I said to Kishane ...," he said'), "we" the organisation or country
        the speaker's source names ("Karin Ljungberg, Chief Executive Officer of Nordvolt
        Energy"), or the speaker itself where that is no person (docs/speaker-annotation.md);
        None for a pronoun in no resolved speaker's words, or a "we" whose body is not named."""
        singular = pronoun.lower_ in FIRST_PERSON
        if not singular and pronoun.lower_ not in FIRST_PERSON_PLURAL:
            return None
        quoting = [
            (part.end - part.start, other)
            for other in self.attributions
            if other is not attribution and other.speaker is not None and other.speaker.entity in self.by_id
            for part in other.content
            if part.start <= pronoun.idx < part.end
        ]
        if not quoting:
            return None
        speaker_words = min(quoting, key=lambda pair: pair[0])[1]  # the innermost quotation
        speaker = self.by_id[speaker_words.speaker.entity]
        person = speaker.id in self.people or speaker.type == "PERSON"
        if singular:
            # An "I" is one person: the speaker, though NER typed the name a firm or a work
            # ('"People think I am crazy," he says' of Lukas Brandtner); not a people or a place.
            return speaker if person or speaker.type in MISTYPED_PERSON_TYPES else None
        if speaker.type in _BODY_TYPES and not person:
            return speaker  # "We ...," the company said
        bodies = [
            mention.entity
            for mention in (self.mentions_within(speaker_words.source) if speaker_words.source else [])
            if mention.entity.type in _BODY_TYPES
            and mention.entity.id not in self.people
            and not _affiliation(self.text, mention.start)
        ]
        return bodies[-1] if bodies else self.turns.body_of(speaker)

    def writer(self, pronoun: Token, attribution: Attribution) -> Entity | None:
        """Who an "I" outside any quotation is: the one who signs its paragraph, the article's
        byline, or the author its closing note or excerpt credit names; None when the text
        names no writer (a columnist the text does not name)."""
        if _within(pronoun.idx, self._quoted(attribution)) or quoted(self.text, pronoun.idx):
            return None
        named = signature(self.text, pronoun.idx) or byline(self.text) or credit(self.text)
        if named is not None:
            return self._entity_named(Span.of(self.text, *named))
        note = author_note(self.text)
        if note is None:
            return None
        return next(
            (
                mention.entity
                for mention in self.mentions_within(Span.of(self.text, *note))
                if mention.entity.id in self.people
                and mention.subject
                and opens_note(self.text, note[0], mention.start)
                and self._subject_of(mention).lemma_ in NOTE_VERBS
            ),
            None,
        )

    def _subject_of(self, mention: _Mention) -> Token:
        """The verb whose subject a mention is."""
        return self._words(mention).root.head

    def _entity_named(self, name: Span) -> Entity:
        """The person a name outside the entities' mentions may be (a signature, a byline):
        the entity one of whose mentions it holds or that bears the name, else a new person."""
        known = next(iter(self.mentions_within(name)), None)
        if known is not None:
            return known.entity
        named = self._known_name(name.text)
        if named is not None:
            return named  # NER missed this mention of a name it found elsewhere
        return self._added_entity(name.text, "PERSON", name)

    def _known_name(self, name: str) -> Entity | None:
        """The entity that bears a name, as its name or one of its aliases, or the one person
        a lone word is the surname of ("Hannity": Sean Hannity)."""
        same = clean_name(name).casefold()
        named = next((e for e in self.entities if same in {n.casefold() for n in (e.name, *e.aliases)}), None)
        if named is not None or not same or " " in same:
            return named
        bearers = [e for e in self.entities if e.id in self.people and e.name.split()[-1].casefold() == same]
        return bearers[0] if len(bearers) == 1 else None

    def _within_preposition(self, mention: _Mention, phrase: TokenSpan) -> bool:
        """Whether a name hangs on a preposition inside the source phrase ("the leaders of
        Germany and [France]"): the parse says what the words before it cannot."""
        words = self._words(mention)
        return words is not None and len(words) > 0 and within_preposition(words.root, phrase)

    def ranked(
        self,
        reference: Reference,
        source: Span,
        attribution: Attribution,
        previous: Entity | None,
        epithet: bool = False,
    ) -> Entity | None:
        """The candidate the learned ranker picks for a pronoun or a description, if any; for
        an ``epithet`` ("the Spaniard", "the 58-year-old") where it picks none, the person
        last mentioned within EPITHET_REACH sentences before it."""
        if (
            reference.kind == "nominal"
            and (country := self._state_organ_country(reference, source)) is not None
        ):
            self._note_mention(source, country, "nsubj" if reference.subject else "")
            return country
        if reference.kind == "nominal" and PERSONAL_ORGANISATIONS.get(reference.head) == "administration":
            administration = self._administration(source)
            if administration is not None:
                self._note_mention(source, administration, "nsubj" if reference.subject else "")
                return administration
        # The holder of the office a title designates on the day, looked up once for the
        # candidates' features and the fallback below.
        holder = self.office_holder(source.text) if reference.kind == "nominal" else None
        candidates = self.candidates(reference, source, attribution, previous, holder)
        # The subject of the clause before, which the rules below take up, read once.
        subject = self._subject_before(source)
        if reference.role is not None:
            # "The High Representative" is not the prime minister who spoke last.
            candidates = [
                c
                for c in candidates
                if not c.person
                or not (
                    self._other_office(c, reference)
                    or self._other_field(c, reference)
                    or self._modifiers_differ(c, reference)
                    or self._spokesperson_only(c, reference)
                )
            ]
        if reference.role is not None and role_head(reference.role[0]).lower() in PROXY_ROLES:
            # "The spokesman" is someone the text calls one, not the principal named before.
            candidates = [c for c in candidates if c.role_match or c.office_holder]
        if reference.role is not None and (
            places := [p for p in self._places_named_in(source) if not _same_place(p, NATION_OF_TAGS)]
        ):
            # "The Florida senator" is not "Sen. Joni Ernst, R-Iowa": no one whose party-state
            # tags name only other states ("the U.S. senator" names no state).
            candidates = [
                c
                for c in candidates
                if not c.person
                or not (states := self._states_of(c.entity_id))
                or any(_same_place(state, place) for state in states for place in places)
            ]
        described = self._described_part(source)
        if PERSON in reference.types and (ages := _ages_in(described.text)):
            # "The 62-year-old" is no one the text says is 45.
            candidates = [c for c in candidates if not self._other_age(c, ages)]
        if (reference.role is not None or epithet) and (countries := self._countries_named_in(described)):
            # "Italy's prime minister" is no one the text calls Dutch, "the Brazilian" no one
            # it calls Australian; where the text names who held that country's office on the
            # day by the dated table, no one else it gives the role ("The French president"
            # is Francois Hollande, not President Obama).
            named_holder = any(c.office_holder for c in candidates)
            candidates = [
                c
                for c in candidates
                if not (c.person and self._countries_of_person(c.entity_id) - countries)
                and not (named_holder and c.office_other)
            ]
        elif reference.types - {PERSON} and (countries := self._countries_named_in(source)):
            # "India's weather agency" is not the Bangladesh Meteorological Department, nor
            # "Lithuania's central bank" the European Central Bank (a body's seat is no owner:
            # "the Stockholm-based agency" may be the European Centre for Disease Prevention).
            seat = "based" in source.text.lower()
            candidates = [
                c
                for c in candidates
                if c.person
                or not (
                    self._countries_of_body(c.entity_id) - countries
                    or (not seat and _transnational(self.by_id[c.entity_id].name))
                )
            ]
        if any(c.type_match or c.type_vague for c in candidates) and not reference.types & {PERSON}:
            # "The retailer" after Amazon, the online retailer: not the department that spoke
            # last; "the newspaper" after The Advocate (no listed outlet): not Clinton.
            candidates = [c for c in candidates if not c.type_conflict]
        if (
            ORGANISATION not in reference.types
            and reference.types <= BODY_KINDS
            and any(c.type_match and not c.after and c.sentences_back <= KIND_REACH for c in candidates)
        ):
            # A body's noun of a specific kind ("the union", "the carmaker") goes to one of that
            # kind named just before, not to an organisation of no known kind that spoke last
            # (a document's, "the story", may be of a maker no one typed); but the one that is
            # the subject of the clause just before stays where none of the kind is named in
            # that sentence or this one ("Unite said ... The union accused": Unite, not the
            # council named further back; "Boeing sued Delta. The airline said": Delta).
            kept = self._vague_subject_kept(subject, candidates)
            candidates = [c for c in candidates if not c.type_vague or c.entity_id == kept]
        if reference.head not in CAMPAIGN_NOUNS:
            # Even with none of its kind named, not one no such noun names: "the protest
            # movement" is no president, "the journal" no author (null where none is left).
            candidates = [
                c
                for c in candidates
                if not (c.type_conflict and kind_excludes(reference.types, c.person, c.type in PLACE_LABELS))
            ]
        # A title goes to a person the text gives that very role, or who holds its office
        # that day by the dated table, where one is probable enough ("the minister":
        # Interior Minister Naqvi, before a former prime minister who spoke last); so does an
        # organisation's noun to the organisation the text gave it ("the parent company").
        holders = [c for c in candidates if (c.role_match and not c.role_head_match) or c.office_holder]
        chosen = self.ranker.choose(reference, holders, HOLDER_FLOOR) if holders else None
        field = role_field(reference.role[0]) if reference.role is not None else None
        if not holders and field not in {None, "politics"}:
            # "The anchor for Univision": the reporter the text named, where no one is given the
            # very role (politics is left out: its roles are held by most people a story names).
            # Within the reach of a kind: a journalist named long before is seldom the one meant.
            peers = [
                c
                for c in candidates
                if c.person
                and not c.after
                and c.sentences_back <= KIND_REACH
                and self._field_of(c) == {field}
            ]
            chosen = self.ranker.choose(reference, peers, 0.0) if peers else None
        chosen = chosen or self.ranker.choose(reference, candidates)
        if PERSON in reference.types and not reference.plural:
            # Over the ranker's choice, a person the text gives the title's role or office
            # where it gives it to anyone ("Clinton's campaign manager ... The secretary said").
            chosen = (
                self._person_subject_before(source, subject, holders or candidates, strict=True) or chosen
            )
            if epithet and (unmarked := self._unmarked_person_before(source, subject)) is not None:
                chosen = unmarked
            # Over all, the one person the text gave the age or the people the description gives.
            chosen = self._described_alike(described, candidates) or chosen
        if chosen is not None and reference.types and reference.types <= BODY_KINDS:
            chosen = self._subject_of_kind_before(candidates, chosen)
        if reference.kind == "nominal" and reference.types and reference.types <= BODY_KINDS:
            chosen = self._subject_of_clause_before(reference, subject, candidates) or chosen
        entity = self.by_id.get(chosen) if chosen else None
        if (
            reference.kind == "nominal"
            and not reference.plural
            and not self._of_specific_kind(entity, reference)
        ):
            # "The hospital" is the Texas Health Presbyterian Hospital named before, not the
            # agency that spoke since, where nothing of the noun's own kind was chosen.
            entity = self._named_by_head(reference, candidates) or entity
        if entity is None and reference.types - {PERSON}:
            entity = self._latest_of_kind(candidates, reference)
        if entity is None and reference.kind == "nominal" and reference.types <= ORGANISATION_KINDS:
            entity = self._subject_taken_up(reference, subject or self._lone_subject_before(source))
            if entity is not None:
                # The text has just called the name a body of the noun's kind: so it is for the
                # mentions after this one (only after: no earlier mention was resolved on it).
                self.retype_as_body(entity, reference.types)
        if entity is None and PERSON in reference.types and not reference.plural:
            # "The billionaire", "the candidate": the person the ranker scores best, if at
            # all likely; a definite person's description refers back more often than not.
            persons = [c for c in candidates if c.person and not c.after]
            floor = PERSON_FLOOR if reference.role is not None else HUMAN_FLOOR
            given = [
                c
                for c in persons
                if c.role_match and not c.role_head_match and c.sentences_back <= KIND_REACH
            ]
            if reference.role is not None and given:
                # "The Minnesota governor" after "Minnesota Governor Tim Walz" and Kamala Harris
                # named since: the one the text gave the very role within the reach of a kind,
                # not someone it never gave it.
                persons, floor = given, 0.0
            chosen = self.ranker.choose(reference, persons, floor) if persons else None
            near = [c for c in persons if c.sentences_back <= EPITHET_REACH]
            if chosen is None and epithet and near:
                # An age or a nationality describes someone just named, nearly always: the
                # one the ranker likes best of them (the subject who "won", not the title of
                # a film after it, "I, Daniel Blake").
                chosen = self.ranker.choose(reference, near, 0.0)
            if chosen is None:
                # "Team captain David Rudisha said ... The 800m world record holder said": where
                # the ranker likes no one, any clause's subject takes up any subject before.
                chosen = self._person_subject_before(source, subject, persons, strict=False)
            entity = self.by_id.get(chosen) if chosen else None
        entity = entity or self._unknown_noun_subject(reference, source, subject, candidates)
        if reference.kind == "nominal" and (entity is None or self.former_holder(source.text, entity.name)):
            # No referent, or one whose term in the office the title designates is over
            # ("President Obama" for "the president" in 2017): the holder on the day.
            entity = self.office_holder_named(source, holder) or entity
        if (
            entity is None
            and reference.role is not None
            and reference.person_noun
            and not any(_within(source.start, other.content) for other in self.attributions)
            and not any(c.person and not c.after and c.sentences_back <= EPITHET_REACH for c in candidates)
        ):
            # "The finance minister said ... Mohamed Maait added": the person named next, where
            # no one was named just before (not for a title inside someone's words: "the
            # executive" a chief speaks of). Neither a mention nor a role is noted for the
            # titles after it: the name follows at once, and the title is only a guess.
            named = self.titled_after(reference, source, named_next=True)
            if named is not None:
                return named
        if entity is not None and entity.id in self.people and reference.head in CAMPAIGN_NOUNS:
            # "the campaign": her campaign, "the administration": his, where the article names it
            entity = self._campaign_of(entity, PERSONAL_ORGANISATIONS[reference.head]) or entity
        if entity is not None and entity.type == "NORP" and "party" in reference.types:
            entity = self._party_named(entity) or entity  # "the party": the Republican Party
        if entity is not None and entity.type == "NORP" and "government" in reference.types:
            entity = self._country_named(entity) or entity  # "the government": France, not "French"
        if entity is not None and reference.kind == "nominal":
            self._note_mention(source, entity, "nsubj" if reference.subject else "")
        if entity is not None and reference.role is not None and entity.id in self.people:
            # A title resolved is a role the text gives its referent, for the titles after it
            # ("The senator from Florida ... the senator": the same senator, not one named since).
            self.roles.setdefault(entity.id, set()).add(reference.role)
        return entity

    def _lone_subject_before(self, source: Span) -> _Mention | None:
        """For a definite singular noun that is a sentence's subject, the one name of a person
        or an organisation that is a clause's subject in the sentence before, where the parse
        gives that sentence's root no subject ``_subject_before`` can read (a dateline it took
        for the subject: "MILAN (Wire) - Serie A strugglers Virtus Lombarda sacked ... The club
        thanked"). None where two such names are subjects there, or a body is named between."""
        tokens = self._words(source)
        if tokens is None or len(tokens) == 0:
            return None
        head = _phrase_head(tokens)
        here = self._sentence(source.start)
        if head.dep_ not in SUBJECTS or head.tag_ == "NNS" or not _definite(head) or here == 0:
            return None
        subjects = {
            mention.entity.id: mention
            for mention in self.mentions
            if mention.sentence == here - 1
            and mention.entity.type in {"PERSON", "ORG"}
            and not mention.entity.name.isupper()  # the dateline's place ("MUMBAI")
            and self._subject_or_its_apposition(mention)
        }
        if len(subjects) != 1:
            return None
        subject = next(iter(subjects.values()))
        # Not past another body named since ("Cyclone Remal made landfall ... The Bangladesh
        # Meteorological Department said ... India's weather agency said": not the cyclone).
        bodies_since = any(
            subject.end <= mention.start < source.start
            and mention.entity.type == "ORG"
            and mention.entity.id not in self.people
            and mention.entity.id != subject.entity.id
            for mention in self.mentions
        )
        return None if bodies_since else subject

    def _subject_or_its_apposition(self, mention: _Mention) -> bool:
        """Whether a mention is a clause's subject, or in apposition to one (the parse of a
        dateline: "MUMBAI (Wire) - Indian budget carrier Indus Air reported", the name hung on
        the place as the subject, directly or through a noun before it)."""
        if mention.subject:
            return True
        words = self._words(mention)
        if mention.dep != "appos" or words is None or len(words) == 0:
            return False
        token = words.root
        while token.dep_ == "appos" and token.head.i != token.i:
            token = token.head  # "MILAN - Serie A strugglers Virtus Lombarda": through "strugglers"
        return token.dep_ in SUBJECTS

    def _state_organ_country(self, reference: Reference, source: Span) -> Entity | None:
        """For a state organ's noun (STATE_ORGAN_NOUNS), the country it speaks for, as the
        guide has a country's government speak as the country: the one country its own phrase
        names ("the Ethiopian side", "the government of Mexico"), else the one the nearest
        earlier phrase of the same noun names within KIND_REACH sentences ("Russia's defence
        ministry says ... The ministry said": Russia). None where that phrase names none or
        several. A country the text names only by its people's adjective ("the Qatari side")
        is added as the country its government phrase names ("Qatar")."""
        if reference.head not in STATE_ORGAN_NOUNS or reference.plural:
            return None
        phrase: Span | None = source
        codes = self._countries_named_in(source)
        if not codes and (phrase := self._earlier_phrase_of(reference.head, source)) is not None:
            codes = self._countries_named_in(phrase)
        if len(codes) != 1 or phrase is None:
            return None
        code = codes.pop()
        named = next(
            (
                entity
                for entity in self.entities
                if entity.type == "GPE"
                and self.code_of(entity.name) == code
                and self.metonym(entity.name) is None
            ),
            None,
        )
        if named is not None:
            return named
        # The organ's phrase read as its government's ("the Qatari side government": Qatar).
        referent = self.metonym(f"{phrase.text} government")
        if referent is None or referent.type != COUNTRY_TYPE:
            return None
        return self._added_entity(referent.name, COUNTRY_TYPE, source)

    def _earlier_phrase_of(self, noun: str, source: Span) -> Span | None:
        """The nearest phrase before ``source``, within KIND_REACH sentences, headed by a noun
        of the lemma ``noun`` and saying more than the noun ("Russia's defence ministry", not
        "the ministry"): with its "of" phrase, as a title is read."""
        words = self._words(source)
        if words is None:
            return None
        first = self.sentence_starts[max(0, self._sentence(source.start) - KIND_REACH)]
        for token in reversed(self.doc[: words.start]):
            if token.idx < first:
                return None
            if token.pos_ not in {"NOUN", "PROPN"} or token.lemma_.lower() != noun:
                continue
            phrase = self.doc[token.left_edge.i : of_phrase_end(token) + 1]
            if len(phrase) > 1 and not (len(phrase) == 2 and phrase[0].lower_ in DEFINITE):
                return Span.of(self.text, phrase.start_char, phrase.end_char)
        return None

    def _subject_taken_up(self, reference: Reference, subject: _Mention | None) -> Entity | None:
        """For a definite body's noun that no body of its kind answers, the name that is the
        subject of the clause just before it ("Al Hilal completed the signing ..., and the
        Saudi club said"; "Activision went further. The video game publisher said"): news
        takes a body up by its kind at once, whatever NER called the name (a person, for want
        of a first name). Not a person the text gives a gender, a title or a role, nor one it
        names by a surname alone ("Musk"), nor a body of some other known kind. ``subject``
        is ``_subject_before``'s. Finds it only: the caller retypes it (``retype_as_body``)."""
        mention = subject if reference.types else None
        if mention is None:
            return None
        entity = mention.entity
        kinds = self.kinds_of(entity)
        if (
            entity.type not in {"PERSON", "ORG"}
            or self.genders.get(entity.id) is not None
            or self._titled(entity)
            or self.roles.get(entity.id)
            or kinds & ORGANISATION_KINDS - {ORGANISATION}
            or any(" " not in m.text and m.text != entity.name for m in entity.mentions)
        ):
            return None
        return entity

    def _person_subject_before(
        self, source: Span, subject: _Mention | None, among: list[Candidate], strict: bool
    ) -> str | None:
        """For a person's description that is a clause's subject, the person who was the
        subject of the clause just before (``subject``, ``_subject_before``'s), if a person
        named before and one of ``among`` (the callers leave out those a filter ruled out):
        news goes on about the one it has just made its subject ("House Speaker Paul Ryan said
        ... The Wisconsin Republican said"; "Rick Perry said Trump should step aside. The
        former Texas governor added"). ``strict``, for taking that one over the ranker's choice:
        only a sentence's subject taking up the sentence before's, where that was a name,
        not a description resolved (one wrong guess would lead the next), nor the one who
        asked (the one asked answers: "Hannity asked Kasich ... The candidate said"; "Misbah
        was asked ... The veteran replied": Misbah); a clause joined to another by "and" goes
        on with its subject ("Nadal reached the final ..., and the Spaniard said"), one
        joined by "but" may turn to someone else ("Rice scored ..., but the Arsenal manager
        defended"), as may one that says it does ("The general, for his part, said")."""
        if subject is None or (strict and not self._goes_on_with(source, subject)):
            return None
        return next(
            (c.entity_id for c in among if c.entity_id == subject.entity.id and c.person and not c.after),
            None,
        )

    def _unmarked_person_before(self, source: Span, subject: _Mention | None) -> str | None:
        """For an age or a people that describes one person ("the 79-year-old", "the
        Norwegian"), the subject of the clause just before where the strict conditions of
        ``_person_subject_before`` hold and NER typed the name as no person, nor a people or a
        place the dictionaries know ("Sabalenka ... The Belarusian praised": an organisation
        to NER; "Haaland himself was more concise ... the Norwegian told": a place): only a
        person has an age or is a Norwegian. Not a name the text or the dictionaries make a
        body of a known kind, nor one named like an organisation or an outlet. The name is a
        person from here on, for the pronouns after it."""
        if subject is None or subject.entity.id in self.people or not self._goes_on_with(source, subject):
            return None
        entity = subject.entity
        if (
            entity.type not in _UNMARKED_PERSON_TYPES
            or self.kinds_of(entity) & ORGANISATION_KINDS - {ORGANISATION}
            or self.code_of(entity.name) is not None
            or _named_like_organisation(entity.name)
            or self.names_outlet(entity.name)
        ):
            return None
        self.people.add(entity.id)
        return entity.id

    def _unknown_noun_subject(
        self, reference: Reference, source: Span, subject: _Mention | None, candidates: list[Candidate]
    ) -> Entity | None:
        """For a definite singular noun no lexicon knows the kind of ("the wicketkeeper", "the
        parliamentarian": no body's, no role's) that is shaped as a person's (``_person_word``),
        the person named as the subject of the clause
        just before, on the strict conditions of ``_person_subject_before`` ("Deputy Aidos
        Sarym said the norms must not become a tool of censorship. The parliamentarian
        proposed"): a noun that takes up the one the text has just made its subject."""
        if reference.kind != "nominal" or reference.types or reference.plural or reference.role is not None:
            return None
        if not _person_word(reference.head):
            return None  # "the passage", "the number", "the institution": no person's word
        people = [c for c in candidates if c.person]
        chosen = self._person_subject_before(source, subject, people, strict=True)
        return self.by_id.get(chosen) if chosen else None

    def _goes_on_with(self, source: Span, subject: _Mention) -> bool:
        """Whether the clause ``source`` is the subject of goes on with the named ``subject``
        of the clause before: the strict conditions of ``_person_subject_before``."""
        tokens = self._words(source)
        if tokens is None or len(tokens) == 0:
            return False
        verb = _phrase_head(tokens).head
        joined = verb.dep_ == "conj" and not any(
            word.lower_ in CONTRASTS for word in self.doc[max(0, tokens.start - 3) : tokens.start]
        )
        if (verb.dep_ != "ROOT" and not joined) or _TURNING.search(verb.sent.text):
            return False
        named = self._words(subject.span(self.text))
        return not (
            named is None
            or len(named) == 0
            or named.root.pos_ != "PROPN"
            or (named.root.dep_ != "nsubjpass" and named.root.head.lemma_.lower() in self.question_verbs)
        )

    def _subject_before(self, source: Span) -> _Mention | None:
        """For a definite singular noun that is a clause's subject ("the club said"), the
        mention that is the subject of the clause just before it: of the verb its own verb is
        joined to ("Al Hilal completed the signing ..., and the Saudi club said"), else of the
        sentence before ("Unite said ... The union accused")."""
        tokens = self._words(source)
        if tokens is None or len(tokens) == 0:
            return None
        head = _phrase_head(tokens)
        if head.dep_ not in SUBJECTS or head.tag_ == "NNS" or not _definite(head):
            return None
        verb = head.head
        if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
            clauses = [verb.head]
        elif verb.dep_ == "ROOT" and verb.sent.start > 0:
            # The sentence before: its last clause's subject first ("Pistorius was released
            # ..., and the Department of Correctional Services said ... The department said").
            root = self.doc[verb.sent.start - 1].sent.root
            clauses = [*reversed([child for child in root.rights if child.dep_ == "conj"]), root]
        else:
            return None
        for clause in clauses:
            # The subject nearest its verb: not a dateline's place the parse took for another.
            subject = next((child for child in reversed(list(clause.lefts)) if child.dep_ in SUBJECTS), None)
            if (
                subject is None
                and clause.pos_ == "PROPN"
                and any(child.dep_ == "acl" and child.tag_ in _FINITE_TAGS for child in clause.rights)
            ):
                # "Donald Trump, who trails Carson in some polls, piled on.": a parse that hangs
                # the sentence's verb on its subject's name, as though a clause described it.
                subject = clause
            if subject is None:
                continue
            # "The Liberal Democrat leader, Ed Davey, has arrived": the name its apposition gives.
            named = next(
                (child for child in subject.rights if child.dep_ == "appos" and child.pos_ == "PROPN"), None
            )
            mention = self._mention_at(subject) or self._missed_surname_at(subject)
            return self._mention_at(named) if mention is None and named is not None else mention
        return None

    def _missed_surname_at(self, token: Token) -> _Mention | None:
        """The mention NER missed of a person it found named in full, where ``token`` is that
        person's surname alone (``_add_missed_surnames``: "Head coach Stefano Ricci was sacked
        ... Ricci did not hide his disappointment. The 51-year-old said")."""
        if token.pos_ != "PROPN":
            return None
        index = bisect.bisect_left(self.pronoun_mention_starts, token.idx)
        if index < len(self.pronoun_mentions) and self.pronoun_mentions[index].start == token.idx:
            return self.pronoun_mentions[index]
        return None

    def _subject_of_clause_before(
        self, reference: Reference, subject: _Mention | None, candidates: list[Candidate]
    ) -> str | None:
        """For a body's noun that is a clause's subject ("The union accused ..."), the body of
        its kind that is the subject of the clause just before ("Unite said some drivers would
        lose ... The union accused": Unite, not the council the ranker liked), or an
        organisation of no known kind there where none of the noun's kind is named in that
        sentence or the noun's own (``_vague_subject_kept``).
        ``subject`` is ``_subject_before``'s."""
        if subject is None:
            return None
        kept = self._vague_subject_kept(subject, candidates)
        return next(
            (
                c.entity_id
                for c in candidates
                if c.entity_id == subject.entity.id
                and (
                    c.type_match
                    or (c.type_vague and c.entity_id == kept)
                    or (ORGANISATION in reference.types and not c.type_conflict)
                )
            ),
            None,
        )

    def _vague_subject_kept(self, subject: _Mention | None, candidates: list[Candidate]) -> str | None:
        """The entity of ``subject``, the subject of the clause before a body's noun, where it
        is an organisation of no known kind, no candidate of the noun's kind is named in the
        sentence before or the noun's own, and its clause says what it did, not what it is:
        news takes its last actor up by a kind it did not give it ("Unite said ... The union
        accused"; not "The Buckeye State is one of 45 states ... The police union said")."""
        if subject is None or any(c.type_match and not c.after and c.sentences_back <= 1 for c in candidates):
            return None
        words = self._words(subject.span(self.text))
        if words is None or len(words) == 0 or words.root.head.lemma_ == "be":
            return None
        return next(
            (c.entity_id for c in candidates if c.entity_id == subject.entity.id and c.type_vague), None
        )

    def _subject_of_kind_before(self, candidates: list[Candidate], chosen: str) -> str:
        """For a body's noun ("the agency"), the body of its kind that is the subject of the
        sentence before, over the ranker's choice where that is the previous speaker named
        further back ("State has told lawmakers ... The FBI is continuing its investigation
        ... The agency is also interviewing": the FBI)."""
        picked = next((c for c in candidates if c.entity_id == chosen), None)
        if picked is None or not picked.previous_speaker:
            return chosen
        latest = next((c for c in candidates if c.type_first), None)
        if (
            latest is not None
            and latest.entity_id != chosen
            and latest.subject
            and not latest.after
            and latest.sentences_back <= 1
            and latest.characters_back < picked.characters_back
        ):
            return latest.entity_id
        return chosen

    def _spokesperson_only(self, candidate: Candidate, reference: Reference) -> bool:
        """Whether the text gives a candidate only the roles of one who speaks for another
        ("Police spokesman Dedi Prasetyo"), and the title is no such role: a spokesman is not
        "the vice president" he may speak for."""
        if candidate.role_match or candidate.office_holder:
            return False
        if role_head(reference.role[0]).lower() in PROXY_ROLES:
            return False
        roles = [role for role, _ in self.roles.get(candidate.entity_id, ())]
        return bool(roles) and all(role_head(role).lower() in PROXY_ROLES for role in roles)

    def _other_office(self, candidate: Candidate, reference: Reference) -> bool:
        """Whether a title designates an office and the text gives a candidate only other
        offices or roles of no office, of other head nouns ("The High Representative" for the
        prime minister or for a minister of justice), and no table makes it the title's
        holder. Roles that may name anyone who leads ("the leader", "the chief") conflict with
        none."""
        if candidate.role_match or candidate.office_holder:
            return False
        phrase = reference.role[0]
        roles = [role for role, _ in self.roles.get(candidate.entity_id, ())]
        return (
            bool(roles)
            and all(role in SINGLE_SENSE and role_head(role) != role_head(phrase) for role in roles)
            and phrase in OFFICE_ONLY
        )

    def _other_field(self, candidate: Candidate, reference: Reference) -> bool:
        """Whether a title's role is of a field of work (``data/role_fields.tsv``) and the
        text gives a candidate roles of other fields only ("the moderator" is not the
        candidate he questioned, "the host" not his guest the former secretary of state).
        Roles of no field ("businessman", "leader") say nothing either way, nor do the titles
        resolved to a candidate (``roles`` after ``ranked``): one wrong would rule it out of
        the titles after it."""
        field = role_field(reference.role[0])
        if field is None or candidate.role_match or candidate.office_holder:
            return False
        fields = self._field_of(candidate)
        return bool(fields) and field not in fields

    def _field_of(self, candidate: Candidate) -> set[str]:
        """The fields of work of the roles the text gives a candidate, and of a person's
        actor code ("the host" is not a candidate coded a US elite, nor "the moderator")."""
        fields = {
            given
            for phrase in self.role_phrases.get(candidate.entity_id, ())
            if (role := title_role(phrase.split())) is not None and (given := role_field(role[0]))
        }
        entity = self.by_id.get(candidate.entity_id)
        if candidate.person and entity is not None and (code := self.code_of(entity.name)):
            fields |= code_fields(code)
        if candidate.person and (
            any(self._of_outlet(mention) for mention in self.by_entity.get(candidate.entity_id, ()))
            or any(self._outlet_role(phrase) for phrase in self.role_phrases.get(candidate.entity_id, ()))
        ):
            fields.add("media")
        return fields

    def _outlet_role(self, phrase: str) -> bool:
        """Whether a role the text gives someone is held at a news outlet: "executive chairman
        of Breitbart News", "CNN's chief political analyst"."""
        owner = re.split(r"['’]s ", phrase, maxsplit=1)[0] if re.search(r"['’]s ", phrase) else ""
        of = phrase.split(" of ", 1)[1] if " of " in phrase else ""
        return any(self._outlet_named(name) for name in (owner, of) if name)

    def _of_outlet(self, mention: _Mention) -> bool:
        """Whether a person's mention ties them to a news outlet: "CNN's Jake Tapper", "Jake
        Tapper of CNN", "Tapper, of CNN" (a journalist, for the media's titles: "the host")."""
        tokens = self._words(mention)
        if tokens is None or len(tokens) == 0:
            return False
        root = tokens.root
        owners = [
            child for child in root.children if child.dep_ in {"poss", "compound"} and child.i < tokens.start
        ]
        places = [
            grand
            for child in root.rights
            if child.dep_ == "prep" and child.lower_ in {"of", "from", "at", "with"}
            for grand in child.children
            if grand.dep_ == "pobj"
        ]
        return any(
            self._outlet_named(self.doc[token.left_edge.i : token.i + 1].text) for token in owners + places
        )

    def _outlet_named(self, name: str) -> bool:
        """Whether a name, after an opening "the", is a news outlet's."""
        return self.names_outlet(name.removeprefix("the ").removeprefix("The "))

    def _countries_named_before(self, entity_id: str) -> set[str]:
        """The countries of the places and peoples the text names before an entity's
        mentions, in their phrases ("AUS" of "Australian director George Miller", "NLD" of
        "Dutch Prime Minister Mark Rutte")."""
        found: set[str] = set()
        for mention in self.by_entity.get(entity_id, ()):
            words = self._words(mention)
            if words is not None and len(words) > 0 and self._demonym_head(words) is not None:
                # A description resolved to the entity gives its country: "the Spaniard" said
                # of Nadal makes him no one "the German" may mean.
                found |= self._countries_named_in(mention.span(self.text))
            if words is not None and len(words) > 0 and words.root.left_edge.i < words.start:
                found |= self._countries_named_in(
                    Span.of(self.text, words.root.left_edge.idx, words.start_char)
                )
        return found

    def _countries_of_person(self, entity_id: str) -> set[str]:
        """The countries the text gives a person (``_countries_named_before``), else the one
        country of its actor code on the day ("Joe Biden" USA: not "the Turkish president";
        no international body's official: "IGOUNO" is of no one country)."""
        found = self._countries_named_before(entity_id)
        if found:
            return found
        code = self.code_of(self.by_id[entity_id].name)
        return {code[:3]} if code is not None and len(code) >= 6 and code[:3] not in TRANSNATIONAL else set()

    def _countries_of_body(self, entity_id: str) -> set[str]:
        """The countries of an organisation or a place: its actor code's, else those its
        mentions name in or before them ("BGD" of "the Bangladesh Meteorological
        Department")."""
        entity = self.by_id[entity_id]
        if (code := self.code_of(entity.name)) is not None and code[:3].isalpha():
            return {code[:3]}
        # A country's name in its own name, which NER reads as part of the organisation's.
        found = {
            code
            for word in entity.name.split()
            if word[:1].isupper() and (code := self.code_of(word)) is not None and len(code) == 3
        }
        found |= self._countries_named_before(entity_id)
        for mention in self.by_entity.get(entity_id, ()):
            found |= self._countries_named_in(Span.of(self.text, mention.start, mention.end))
        return found

    def _places_named_in(self, span: Span) -> list[str]:
        """The names of the places a span names ("Florida" of "The Florida senator")."""
        words = self._words(span)
        return [ent.text for ent in words.ents if ent.label_ == "GPE"] if words is not None else []

    def _states_of(self, entity_id: str) -> list[str]:
        """The states a person's party-state tags name ("Iowa" of "Joni Ernst, R-Iowa", "Fla."
        of "Marco Rubio (R-Fla.)")."""
        return [
            tag.group(1)
            for mention in self.by_entity.get(entity_id, ())
            if (tag := _PARTY_TAG.match(self.text, mention.end))
        ]

    def _countries_named_in(self, span: Span) -> set[str]:
        """The countries of the places and peoples named in a span ("ITA" of "Italy's prime
        minister", "ESP" of "the Spaniard")."""
        words = self._words(span)
        if words is None:
            return set()
        # A people's name NER did not tag as one ("the Spaniard": an organisation to it).
        demonym = self._demonym_head(words) if len(words) > 0 else None
        return {
            code[:3]
            for ent in words.ents
            if ent.label_ in {"GPE", "NORP"} and (code := self.code_of(ent.text)) is not None
        } | ({code} if demonym is not None and (code := self._demonym_code(demonym.text)) else set())

    def _described_part(self, source: Span) -> Span:
        """A description's own words, before a comma or a relative pronoun: not the clause or
        the apposition after them ("The 45-year-old, who works nights in Manchester": no
        Briton for that)."""
        tokens = self._words(source)
        if tokens is None or len(tokens) == 0:
            return source
        cut = next(
            (token for token in tokens[1:] if token.text in _DESCRIPTION_ENDS or token.tag_ in {"WP", "WDT"}),
            None,
        )
        if cut is None:
            return source
        return Span.of(self.text, tokens.start_char, self.doc[cut.i - 1].idx + len(self.doc[cut.i - 1].text))

    def _given_ages(self, entity_id: str) -> set[int]:
        """The ages the text gives a person: after a name ("Chidera Okonkwo, 45,", "Ruud
        (23)", "Nadal, who turned 36"), before it in its phrase ("24-year-old striker Kwame
        Mensah") or in a description resolved to them ("the 22-year-old")."""
        ages: set[int] = set()
        for mention in self.by_entity.get(entity_id, ()):
            after = _AGE_AFTER_NAME.match(self.text, mention.end)
            if after is not None:
                ages.add(int(after.group(1) or after.group(2)))
            words = self._words(mention)
            start = words.root.left_edge.idx if words is not None and len(words) > 0 else mention.start
            phrase_start = min(start, mention.start)
            ages |= {int(age) for age in _AGE_WORDS.findall(self.text, phrase_start, mention.end)}
        return ages

    def _peoples_given(self, entity_id: str) -> set[str]:
        """The countries of the peoples' names the text gives a person: before a name in its
        phrase ("Nigerian qualifier Tobi Adeyemi"), in an apposition on either side
        ("Liverpool's German manager, Jurgen Klopp"; "Benifei, an Italian Social Democrat")
        or as a description resolved to them ("the Spaniard"). Peoples only: a club's or a
        city's name ("Liverpool's") says where someone works, not what they are."""
        found: set[str] = set()
        for mention in self.by_entity.get(entity_id, ()):
            words = self._words(mention)
            if words is None or len(words) == 0:
                continue
            root = words.root
            phrases = [self.doc[root.left_edge.i : words.end]]
            if root.dep_ == "appos":
                phrases.append(self.doc[root.head.left_edge.i : root.head.i + 1])
            phrases += [
                self.doc[child.left_edge.i : child.right_edge.i + 1]
                for child in root.rights
                if child.dep_ == "appos"
            ]
            for phrase in phrases:
                found |= self._peoples_named_in(phrase)
        return found

    def _peoples_named_in(self, phrase: TokenSpan) -> set[str]:
        """The countries of the peoples' names in a phrase ("NGA" of "Nigerian qualifier Tobi
        Adeyemi", "ESP" of "the Spaniard"); not of places ("Liverpool's manager")."""
        demonym = self._demonym_head(phrase)
        return {
            code
            for token in phrase
            if token.text[:1].isupper()
            and (token.ent_type_ == "NORP" or token.pos_ == "ADJ" or token == demonym)
            and (code := self._demonym_code(token.text)) is not None
        }

    def _described_alike(self, source: Span, candidates: list[Candidate]) -> str | None:
        """For a person's description that gives an age or a people ("the 38-year-old", "the
        Nigerian", "the Swedish researcher"), the one person named before it whom the text
        gives that age or that people (``_given_ages``, ``_peoples_given``): news describes
        again by what it said of someone, whoever was named since ("Nigerian qualifier Tobi
        Adeyemi ... Novak's coach, Jan Dvorak, said ... The Nigerian told the BBC")."""
        ages = _ages_in(source.text)
        words = self._words(source)
        peoples = self._peoples_named_in(words) if words is not None and len(words) > 0 else set()
        if not ages and not peoples:
            return None
        alike = {
            c.entity_id
            for c in candidates
            if c.person
            and not c.after
            and (
                (ages and ages <= self._given_ages(c.entity_id))
                or (peoples and peoples <= self._peoples_given(c.entity_id))
            )
        }
        return next(iter(alike)) if len(alike) == 1 else None

    def _other_age(self, candidate: Candidate, ages: set[int]) -> bool:
        """Whether the text gives a candidate only ages other than a description's ``ages``
        ("Neil Foster, 45" is not "the 62-year-old")."""
        given = self._given_ages(candidate.entity_id) if candidate.person else set()
        return bool(given) and not ages & given

    def _administration(self, source: Span) -> Entity | None:
        """Whom "the administration" refers to: the administration the article last named
        before it ("the Obama administration"), else the president of the day where the article
        names him (docs/speaker-annotation.md); None where it names neither."""
        named = [
            mention
            for mention in self.mentions[: bisect.bisect_left(self.mention_starts, source.start)]
            if _personal_kind(mention.entity) == "administration"
        ]
        if named:
            return named[-1].entity
        president = self.office_holder("the president")
        return next(
            (entity for entity in self.entities if president and _same_surname(president, entity)), None
        )

    def _note_mention(self, source: Span, entity: Entity, dep: str) -> None:
        """A description resolved is a mention of its entity for the pronouns after it ("The
        minister added ... He said": the minister)."""
        if any(m.start == source.start for m in self.by_entity.get(entity.id, ())):
            return
        mention = _Mention(source.start, source.end, entity, self._sentence(source.start), dep)
        index = bisect.bisect_left(self.mention_starts, source.start)
        self.mentions.insert(index, mention)
        self.mention_starts.insert(index, source.start)
        bisect.insort(self.by_entity.setdefault(entity.id, []), mention, key=lambda known: known.start)

    def _of_specific_kind(self, entity: Entity | None, reference: Reference) -> bool:
        """Whether an entity chosen for a noun is of one of the noun's kinds beyond any
        organisation's ("the bank": a company; not the agency chosen for "the hospital")."""
        return entity is not None and types_agree(reference.types, self.kinds_of(entity))[0]

    def _named_by_head(self, reference: Reference, candidates: list[Candidate]) -> Entity | None:
        """The one organisation named before a description whose name's head noun is the
        description's ("the festival": the Cannes Film Festival, "the bank": the Bank of
        England), where the ranker found no referent probable enough or none of the noun's own
        kind ("the hospital": not the agency that spoke since): news names an
        organisation once in full and then by its head noun. None where two such are named
        ("the party" after both parties)."""
        named = {
            c.entity_id
            for c in candidates
            if not c.after
            and not c.person
            and (entity := self.by_id.get(c.entity_id)) is not None
            and entity.type == "ORG"
            and name_head(entity.name) == reference.head
        }
        return self.by_id[named.pop()] if len(named) == 1 else None

    def _latest_of_kind(self, candidates: list[Candidate], reference: Reference) -> Entity | None:
        """The candidate of the kind a noun takes last named before it, within KIND_REACH
        sentences ("the company": the company just named), where the ranker found none
        probable enough: few annotated nominal sources teach the ranker little of kinds. A
        document's maker at any distance the candidates reach ("the report": Pew Research,
        whose report the article opened with): a document is introduced once and referred to
        after. With none of its kind, an organisation of no known kind within VAGUE_REACH
        sentences ("the company" after "Twitter said"); for a company's noun, within KIND_REACH
        where it is the only one named there, as a clause's subject ("Safaricom reported ...
        Chief executive Peter Ndegwa told ... He added ... The company proposed a dividend":
        the sentences between speak of its people). Firms are often named by a brand that tells
        no kind, courts and agencies seldom.
        """
        before = [c for c in candidates if not c.after]
        reach = NOMINAL_REACH if reference.types and reference.types <= DOCUMENT_KINDS else KIND_REACH
        vague = [c for c in before if c.type_vague and c.sentences_back <= KIND_REACH]
        latest = (
            next((c for c in before if c.type_match and c.sentences_back <= reach), None)
            or next((c for c in vague if c.sentences_back <= VAGUE_REACH), None)
            or (
                vague[0]
                if len({c.entity_id for c in vague}) == 1
                and vague[0].subject  # the firm a story is about is the subject it opens with
                and "company" in reference.types
                and "organisation" not in reference.types  # "the group": people as often as a firm
                and not self._surname_of_person(self.by_id[vague[0].entity_id].name)
                else None
            )
        )
        return next((entity for entity in self.entities if latest and entity.id == latest.entity_id), None)

    def _surname_of_person(self, name: str) -> bool:
        """Whether a name is the last word of a person's the text names ("Lindner", which NER
        read as an organisation, of Christian Lindner)."""
        return " " not in name.strip() and any(
            e.id in self.people and e.name != name and _same_surname(name, e) for e in self.entities
        )

    def office_holder_named(self, source: Span, holder: str | None) -> Entity | None:
        """The ``holder`` of the office a title designates on the publication day ("Russia's
        foreign minister": Sergei Lavrov), for a title the ranker found no referent for: the
        entity of that name, or a new one the title mentions when the text names no holder."""
        if holder is None:
            return None
        named = next((entity for entity in self.entities if _same_surname(holder, entity)), None)
        return named if named is not None else self._added_entity(holder, HOLDER_TYPE, source)

    def spoken_for(self, entity: Entity | None, source: Span) -> Entity | None:
        """Who a place, a building or an organ of government that speaks speaks for (by
        ``metonym``: "the Kremlin": Russia, "Downing Street": the prime minister of the day,
        "Ukraine's foreign ministry": Ukraine), by the entity ``source`` names (None: by its
        words alone): the entity of that name (a country by its code: "Washington" is the
        "U.S." the article names), else a new one the source mentions; ``entity`` itself
        where neither is a metonym."""
        if entity is not None and entity.type not in PLACE_TYPES:
            return entity
        referent = (entity and self.metonym(entity.name)) or self.metonym(source.text)
        if referent is None:
            return entity
        if referent.type == HOLDER_TYPE:
            return self.office_holder_named(source, referent.name)
        code = self.code_of(referent.name)

        def names_referent(other: Entity) -> bool:
            if other.type != referent.type or self.metonym(other.name) is not None:
                return False
            return clean_name(other.name) == referent.name or (
                referent.type == COUNTRY_TYPE and code is not None and self.code_of(other.name) == code
            )

        # The country by its name before another place of its code ("Chile", not "Santiago").
        named = min(
            (other for other in self.entities if names_referent(other)),
            key=lambda other: clean_name(other.name) != referent.name,
            default=None,
        )
        return named if named is not None else self._added_entity(referent.name, referent.type, source)

    def _added_entity(self, name: str, type_: str, mention: Span) -> Entity:
        """A new entity the text names nowhere as such, joined to the document's."""
        entity = Entity(id=self._new_id(), name=name, type=type_, mentions=[mention])
        self.document_entities.append(entity)
        self.entities.append(entity)
        self.by_id[entity.id] = entity
        return entity

    def _new_id(self, offset: int = 0) -> str:
        """An entity id the document does not use yet (nor the works of this resolver)."""
        known = (*self.document_entities, *self.entities)
        return f"e{1 + offset + max((int(e.id[1:]) for e in known if e.id[1:].isdigit()), default=0)}"

    def _works(self) -> list[Entity]:
        """The titled works NER found that no entity names, one entity per title."""
        named = {(span.start, span.end) for entity in self.entities for span in entity.mentions}
        works: dict[str, Entity] = {}
        for ent in self.doc.ents:
            name = clean_name(ent.text)
            if ent.label_ != WORK_TYPE or not name or (ent.start_char, ent.end_char) in named:
                continue
            if name.casefold() not in works:
                works[name.casefold()] = Entity(id=self._new_id(len(works)), name=name, type=WORK_TYPE)
            works[name.casefold()].mentions.append(Span.of(self.text, ent.start_char, ent.end_char))
        return list(works.values())

    def _unnamed_subjects(self, genders: dict[str, str]) -> list[Entity]:
        """Names NER missed that are a clause's subject ("Simone Biles has finished ...",
        "Daimler cut its forecast"), one entity per name: a person where a known first name
        opens it, else an organisation; not a place the metonym table knows. Like titled
        works, they are candidates for the descriptions and pronouns after them and join the
        document's entities only when one speaks. Not a title ("The President said") nor a
        name in capitals (a dateline), nor a surname or name of an entity found."""
        covered: set[int] = set()  # the words of the entities' mentions
        known = {name.casefold() for e in self.entities for name in (e.name, e.name.split()[-1], *e.aliases)}
        for entity in self.entities:
            for span in entity.mentions:
                tokens = self._words(span)
                covered.update(range(tokens.start, tokens.end) if tokens is not None else ())
        found: dict[str, Entity] = {}
        run: list[Token] = []
        for token in [*self.doc, None]:
            if (
                token is not None
                and token.pos_ == "PROPN"
                and token.is_title
                and token.is_alpha
                and len(token) > 1
                and not token.ent_type_  # a date's "Tuesday", "April"
                and token.i not in covered
            ):
                run.append(token)
                continue
            if run and self._unnamed_subject(run):
                words = tuple(word.text for word in run)
                name = " ".join(words)
                if (
                    not _is_role(tuple(word.upper() for word in words))
                    and name.casefold() not in known
                    and self.metonym(name) is None  # "the Casa Rosada said": a seat of government
                ):
                    person = len(words) > 1 and words[0].lower() in genders
                    if name.casefold() not in found:
                        found[name.casefold()] = Entity(
                            id=self._new_id(len(found)), name=name, type="PERSON" if person else "ORG"
                        )
                    found[name.casefold()].mentions.append(
                        Span.of(self.text, run[0].idx, run[-1].idx + len(run[-1].text))
                    )
            run = []
        return list(found.values())

    def _unnamed_subject(self, run: list[Token]) -> bool:
        """Whether proper nouns in a row are a clause's subject outside a line in title case
        (whose capitals say nothing: "How The Democratic Elite Betrayed ...") and not one
        word after "the", opening a sentence or written in lower case elsewhere."""
        after_the = run[0].i > 0 and self.doc[run[0].i - 1].lower_ == "the"
        # A capitalised word that opens a sentence says nothing ("Momentum", "Homeowners"),
        # nor one the text writes in lower case too ("Poll", "Anger"); but one after a
        # dateline's dash ("FRANKFURT, Oct 25 (Wire) - Daimler cut ...") opens the story with
        # its subject, where the parse starts a sentence only for the dash.
        after_dash = run[0].i > 0 and self.doc[run[0].i - 1].text in DASHES
        lone = len(run) == 1 and (
            after_the
            or (run[0].is_sent_start and not after_dash)
            or re.search(rf"\b{re.escape(run[0].lower_)}\b", self.text) is not None
        )
        line_start = self.text.rfind("\n", 0, run[0].idx) + 1
        line_end = self.text.find("\n", run[0].idx)
        words = re.findall(
            r"[^\W\d_]+", self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        )
        return (
            not in_title_case(words)
            and not lone
            and any(word.dep_ in SUBJECTS and not run[0].i <= word.head.i <= run[-1].i for word in run)
        )

    def _campaign_of(self, person: Entity, kind: str = "campaign") -> Entity | None:
        """The campaign (or other organisation of a ``kind`` of PERSONAL_ORGANISATIONS) of a
        person the article names as such ("Sanders campaign" for Bernie Sanders), if any."""
        names = {name.casefold() for name in (person.name, *person.aliases)}
        names |= {name.split()[-1] for name in names if name.split()}
        return next(
            (
                entity
                for entity in self.entities
                if _personal_kind(entity) == kind
                and len(words := entity.name.casefold().rsplit(" ", 1)) == 2
                and words[0] in names
            ),
            None,
        )

    def _country_named(self, people: Entity) -> Entity | None:
        """The country the article names of a people's adjective ("France" for "French"), if any."""
        code = self.code_of(people.name)
        return next(
            (
                entity
                for entity in self.entities
                if code is not None and entity.type == "GPE" and self.code_of(entity.name) == code[:3]
            ),
            None,
        )

    def _party_named(self, people: Entity) -> Entity | None:
        """The party the article names after a people's adjective ("Republican Party" for
        "Republican"), if any."""
        wanted = (*clean_name(people.name).casefold().split(), "party")
        return next(
            (
                entity
                for entity in self.entities
                if entity.type == "ORG"
                and tuple(word for word in entity.name.casefold().split() if word not in {"a", "an"})
                == wanted
            ),
            None,
        )

    def _campaigns(self) -> list[Entity]:
        """A person's campaign or administration, an organisation of its own, named as the
        article names it ("the Clinton campaign", "Trump's campaign", "the Obama
        administration": "Clinton campaign", "Trump campaign", "Obama administration"), so that
        it and "the campaign" speak as the organisation, not as the person. A camp or team is
        the person's campaign, named "campaign" where the article writes that word for it once
        ("the Clinton camp": "Clinton campaign"), else as written ("Clinton camp"). Only an
        article that writes the name before the noun ("the Clinton campaign") names the
        organisation; where it only writes "Clinton's campaign", "her campaign" is the person
        (docs/speaker-annotation.md; of the 77 PolNeAR train sources whose gold is a person's
        campaign or administration, one is in an article without that form)."""
        named = {(span.start, span.end) for entity in self.entities for span in entity.mentions}
        found: dict[tuple[str, str], tuple[str, set[str], list[Span]]] = {}
        compound: set[tuple[str, str]] = set()
        for token in self.doc:
            kind = PERSONAL_ORGANISATIONS.get(token.lower_)
            if kind is None or token.pos_ != "NOUN":
                continue
            owned = self._owner(token)
            if owned is None:
                continue
            person, name = owned
            span = Span.of(self.text, name.start, token.idx + len(token))
            if (span.start, span.end) in named:
                continue  # the entity made when a first resolver adopted it
            owner, nouns, spans = found.setdefault((person.id, kind), (clean_name(name.text), set(), []))
            nouns.add(token.lower_)
            spans.append(span)
            if not self.text[name.start : token.idx].rstrip().endswith(("'", "’", "'s", "’s")):
                compound.add((person.id, kind))
        organisations = []
        for key, (owner, nouns, spans) in found.items():
            if key not in compound:
                continue
            kind = key[1]
            noun = kind if kind in nouns else sorted(nouns)[0]
            organisations.append(
                Entity(
                    id=self._new_id(len(organisations)), name=f"{owner} {noun}", type="ORG", mentions=spans
                )
            )
        return organisations

    def _makers(self) -> list[Entity]:
        """The makers of documents named whole where NER named only a part of the name, or
        none: pollsters joined by a slash ("a CNN/ORC poll", "the latest Reuters/Ipsos
        survey", "a USA TODAY/Suffolk University poll") and a name cut short ("the Rasmussen
        Reports poll"), so that the source and "the poll" after it speak as the whole name."""
        named = {(mention.start, mention.end) for mention in self.mentions}
        makers: dict[str, Entity] = {}
        for noun in self.doc:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in DOCUMENT_NOUNS:
                continue
            run = _maker_run(noun)
            if run is None:
                continue
            span = Span.of(self.text, run.start_char, run.end_char)
            inside = {mention.entity.id for mention in self.mentions_within(span)}
            joined = any(token.text == "/" for token in run)
            # A name and a place or a second name beside it are two ("a Bernie Sanders Iowa poll").
            if (span.start, span.end) in named or not inside or (len(inside) > 1 and not joined):
                continue
            name = clean_name(span.text)
            if name.casefold() not in makers:
                makers[name.casefold()] = Entity(id=self._new_id(len(makers)), name=name, type="ORG")
            makers[name.casefold()].mentions.append(span)
        return list(makers.values())

    def _institutions_by_place(self) -> dict[str, Entity]:
        """Places NER named that stand for an organisation the article names in full ("the
        Monmouth poll", "Quinnipiac" found a place, for "Monmouth University"): a place all of
        whose mentions make a document, to the one organisation whose name opens with it."""
        institutions = {}
        places: dict[str, list[_Mention]] = {}
        for mention in self.mentions:
            if mention.entity.type == "GPE":
                places.setdefault(mention.entity.id, []).append(mention)
        for place in self.entities:
            mentions = places.get(place.id)
            if not mentions or not all(self._makes_document(m) for m in mentions):
                continue
            words = place.name.casefold().split()
            longer = [
                entity
                for entity in self.entities
                if entity.type == "ORG"
                and entity.name.casefold().split()[: len(words)] == words
                and len(entity.name.split()) > len(words)
            ]
            if len(longer) == 1:
                institutions[place.id] = longer[0]
        return institutions

    def _makes_document(self, mention: _Mention) -> bool:
        made = self._made_by(mention)
        return made is not None and made.lemma_.lower() in DOCUMENT_NOUNS

    def _owner(self, noun: Token) -> tuple[Entity, Span] | None:
        """The person whose name owns a campaign's noun ("the Clinton campaign", "Sanders'
        camp"), and that name: one the noun governs, or one just before it where the parse
        hung it elsewhere ("The Sanders campaign projects ...", "projects" read as the noun)
        or NER missed it there ("Sanders' team", the name of a person it found elsewhere)."""
        owner = next(
            (
                child
                for child in noun.children
                if child.dep_ in {"compound", "poss"} and child.pos_ == "PROPN"
            ),
            None,
        )
        if owner is None and noun.i > 0:
            before = self.doc[noun.i - 1]
            if before.tag_ == "POS" and before.i > 0:  # "Sanders' camp", "Trump's team"
                before = self.doc[before.i - 1]
            owner = before if before.pos_ == "PROPN" or before.is_title else None
        if owner is None:
            return None
        index = bisect.bisect_right(self.mention_starts, owner.idx) - 1
        mention = self.mentions[index] if index >= 0 else None
        if mention is not None and mention.end > owner.idx:
            return (mention.entity, mention.span(self.text)) if mention.entity.id in self.people else None
        known = self._known_name(owner.text)
        if known is None or known.id not in self.people:
            return None
        return known, Span.of(self.text, owner.idx, owner.idx + len(owner))

    def candidates(
        self,
        reference: Reference,
        source: Span,
        attribution: Attribution,
        previous: Entity | None,
        holder: str | None,
    ) -> list[Candidate]:
        """The entities a reference may point at: each one's latest mention before it (a
        pronoun reaches back PRONOUN_REACH sentences, a description NOMINAL_REACH, and the whole
        text for the entities its role or name matches), or its first mention after it in its
        sentence (a cataphoric "..., he said, Lavrov ..."). ``holder``: who holds the office
        a description's title designates on the day, if any."""
        here = self._sentence(source.start)
        reach = PRONOUN_REACH if reference.kind == "pronoun" else NOMINAL_REACH
        first = bisect.bisect_left(self.mention_starts, self.sentence_starts[max(0, here - reach)])
        sentence_end = (
            self.sentence_starts[here + 1] if here + 1 < len(self.sentence_starts) else len(self.text)
        )
        latest: dict[str, _Mention] = {}
        after: dict[str, _Mention] = {}
        counts: dict[str, int] = {}
        for mention in self.mentions[first:]:
            if mention.start >= sentence_end:
                break
            if source.start <= mention.start < source.end:
                continue
            if mention.end <= source.start:
                latest[mention.entity.id] = mention
            else:
                after.setdefault(mention.entity.id, mention)
        words = {reference.head}
        if reference.kind == "nominal":
            # Beyond the reach: the entities the description's role, name or kind matches.
            for entity in self.entities:
                if entity.id not in latest and self._matches(entity, words, reference):
                    before = [m for m in self.by_entity.get(entity.id, ()) if m.end <= source.start]
                    if before:
                        latest[entity.id] = before[-1]
        for entity_id, mention in after.items():
            latest.setdefault(entity_id, mention)
        if reference.kind == "pronoun":  # "he" is a man or of no known gender, "it" no person
            latest = {
                key: mention for key, mention in latest.items() if self._agrees(reference.agreement, mention)
            }
        for entity_id in latest:
            mentions = self.by_entity.get(entity_id, ())
            counts[entity_id] = bisect.bisect_left(mentions, source.start, key=lambda known: known.start)
        start = attribution_start(attribution)
        most_mentions = max(counts.values(), default=0)
        candidates = []
        type_found = False
        for rank, mention in enumerate(sorted(latest.values(), key=lambda mention: -mention.start)):
            entity = mention.entity
            is_after = mention.start >= source.start
            type_match, type_vague = types_agree(reference.types, self.kinds_of(entity))
            role = self._role_fit(entity, reference) if reference.kind == "nominal" else (False, False, False)
            is_holder = holder is not None and _same_surname(holder, entity)
            candidates.append(
                Candidate(
                    entity_id=entity.id,
                    type=entity.type,
                    person=entity.id in self.people,
                    gender=self.genders.get(entity.id),
                    sentences_back=abs(here - mention.sentence),
                    after=is_after,
                    characters_back=abs(source.start - mention.end),
                    recency_rank=rank,
                    mentions_before=counts.get(entity.id, 0),
                    first_named=self.first_named.get(entity.id in self.people) == entity.id,
                    subject=mention.subject,
                    possessor=mention.dep == "poss",
                    governed=mention.dep == "pobj",
                    in_content=_within(mention.start, attribution.content),
                    previous_speaker=previous is not None and entity.id == previous.id,
                    spoke_before=self.first_spoke.get(entity.id, start) < start,
                    role_match=role[0]
                    or role[1]
                    or (
                        reference.role is None
                        and (
                            _role_matches(entity, words)
                            or reference.head in self.person_nouns.get(entity.id, ())
                        )
                    ),
                    name_has_head=_name_holds(entity, words),
                    outlet=self.names_outlet(entity.name),
                    office_holder=is_holder,
                    single_word=len(entity.name.split()) == 1,
                    role_head_match=role[1],
                    role_conflict=role[2],
                    office_other=holder is not None and not is_holder and (role[0] or role[1]),
                    type_match=type_match,
                    type_vague=type_vague,
                    # "The group" is any organisation's noun, a union's or a federation's too.
                    type_conflict=bool(reference.types)
                    and not type_match
                    and not type_vague
                    and not (ORGANISATION in reference.types and ORGANISATION in self.kinds_of(entity)),
                    type_first=type_match and not type_found,
                    most_mentioned=0 < most_mentions == counts.get(entity.id, 0),
                    same_paragraph="\n\n"
                    not in self.text[min(mention.end, source.start) : max(mention.start, source.end)],
                )
            )
            type_found = type_found or type_match
        return candidates

    def _matches(self, entity: Entity, words: set[str], reference: Reference | None = None) -> bool:
        """Whether an entity holds a description's role, its name the noun, or (for a
        ``reference``) it is of a kind the noun takes."""
        if reference is not None and (
            any(self._role_fit(entity, reference)[:2])
            or types_agree(reference.types, self.kinds_of(entity))[0]
        ):
            return True
        return _role_matches(entity, words) or _name_holds(entity, words)

    @cached_property
    def role_phrases(self) -> dict[str, list[str]]:
        """Each entity's titles, from the titles and appositions of all its mentions ("CNN
        host" of "CNN host Jake Tapper", "former secretary of state" of "Hillary Clinton, the
        former secretary of state")."""
        phrases: dict[str, list[str]] = {}
        for entity in self.entities:
            found = phrases.setdefault(entity.id, [entity.role] if entity.role else [])
            for span in entity.mentions:
                tokens = self._words(span)
                if tokens is not None and len(tokens) > 0 and (given := role_of(tokens, _is_role)):
                    found.append(given[0])
        return phrases

    @cached_property
    def person_nouns(self) -> dict[str, set[str]]:
        """Each person's nouns of people from the titles and appositions of its mentions, in
        the role lexicon or not ("meteorologist" of "Chief meteorologist Frank Saunders"), for
        the descriptions that take one up ("The meteorologist said")."""
        nouns: dict[str, set[str]] = {}
        for entity in self.entities:
            if entity.id not in self.people:
                continue
            for span in entity.mentions:
                tokens = self._words(span)
                given = role_of(tokens, lambda words: words[-1].lower() in HUMAN_NOUNS) if tokens else None
                if given:
                    nouns.setdefault(entity.id, set()).add(given[0].split()[-1])
        return nouns

    @cached_property
    def roles(self) -> dict[str, set[tuple[tuple[str, ...], bool]]]:
        """Each entity's roles, as role-lexicon phrases with whether a qualifier ("former")
        came with them."""
        return {
            entity_id: {role for phrase in phrases if (role := title_role(phrase.split())) is not None}
            for entity_id, phrases in self.role_phrases.items()
        }

    def _modifiers_differ(self, candidate: Candidate, reference: Reference) -> bool:
        """Whether a title's modifiers say it means another holder of its role than a candidate
        the text gives only that role with other modifiers ("The socialist leader" is not
        "opposition leader Juan Guaido").
        A title with none ("the leader") or a candidate given the role bare ("Sen. Marco
        Rubio" for "the freshman Florida senator") differ in nothing."""
        if reference.role is None or not reference.modifiers:
            return False
        head = role_head(reference.role[0])
        given = [
            role_modifiers(words)
            for phrase in self.role_phrases.get(candidate.entity_id, ())
            if (role := title_role(words := phrase.split())) is not None and role_head(role[0]) == head
        ]
        return bool(given) and all(modifiers and not modifiers & reference.modifiers for modifiers in given)

    def kinds_of(self, entity: Entity) -> frozenset[str]:
        """An entity's kinds (``reportedly.resolve.nominals.entity_types``), worked out once."""
        kinds = self._kinds.get(entity.id)
        if kinds is None:
            made = [noun for mention in self.by_entity.get(entity.id, ()) if (noun := self._made_by(mention))]
            code = next(
                (code for name in (entity.name, *entity.aliases) if (code := self.code_of(name))), None
            )
            mentions = self.by_entity.get(entity.id, ())
            described = [word for mention in mentions if (word := self._described(mention))]
            person = entity.id in self.people
            outlet = self.names_outlet(entity.name)
            # A lone first name ("Daniel") is of its gender for typing, though it may be a
            # surname for pronouns: no organisation ("The group" is not the boy just named).
            gender = self.genders.get(entity.id) or self.gender_words.get(entity.name.lower())
            staffed = [
                kind
                for mention in mentions
                if (tokens := self._words(mention))
                for kind in staff_kinds(tokens.root)
            ]
            kinds = entity_types(entity, person, code, outlet, made, described, gender, staffed)
            self._kinds[entity.id] = kinds
        return kinds

    def retype_as_body(self, entity: Entity, kinds: frozenset[str]) -> None:
        """Record that the text took an entity up as a body of ``kinds`` ("Kessler Motoren ...
        The carmaker said"): no person from here on, whatever NER called the name, and of
        those kinds, for every mention resolved after the one that took it up. The one place
        where a mention's resolution changes an entity's type for later ones."""
        self.people.discard(entity.id)
        self._kinds[entity.id] = self.kinds_of(entity) - {PERSON} | kinds

    def _demonym_head(self, tokens: TokenSpan) -> Token | None:
        """The head of a definite phrase that names one person by a people's name NER did not
        tag as a people ("the Spaniard" read as an organisation, "the German" as an adjective,
        "the Welshman" as a person): a capitalised singular word the actor dictionary codes as
        a country, itself or less "man" ("Frenchman"), that is no place ("the Gambia", "the
        Vatican": NER's place)."""
        head = tokens.root
        word = head.text
        if not (_definite(head) and word[:1].isupper() and word.isalpha()) or word.endswith("s"):
            return None
        if head.ent_type_ in PLACE_LABELS or any(child.dep_ == "compound" for child in head.children):
            return None
        return head if self._demonym_code(word) is not None else None

    def _demonym_code(self, word: str) -> str | None:
        """The country a people's name in the singular codes to ("ESP" of "Spaniard", "FRA" of
        "Frenchman"), None for any other word."""
        code = self.code_of(word) or (self.code_of(word[:-3]) if word.endswith("man") else None)
        return code if code is not None and len(code) == 3 and code.isalpha() else None

    def _made_by(self, mention: _Mention) -> Token | None:
        tokens = self._words(mention)
        return made_noun(tokens.root) if tokens is not None and len(tokens) > 0 else None

    def _described(self, mention: _Mention) -> str | None:
        tokens = self._words(mention)
        return descriptor(tokens) if tokens is not None and len(tokens) > 0 else None

    def _role_fit(self, entity: Entity, reference: Reference) -> tuple[bool, bool, bool]:
        """How an entity's roles meet a title's: (the same role, with the same qualifier; a role
        of the same head noun, "prime minister" for "the minister"; the same role but a
        qualifier differs, "former secretary of state" for "the secretary of state")."""
        if reference.role is None:
            return False, False, False
        phrase, qualified = reference.role
        roles = self.roles.get(entity.id, ())
        # A former holder by the dated table is "the former secretary of state" too.
        same = (
            any(role == phrase and former == qualified for role, former in roles)
            or (qualified and self.former_holder(reference.office_title, entity.name))
            # "the candidate", "the nominee": one whose campaign the text names ("the Trump
            # campaign"), though it never calls him one, not the strategist named since.
            or (
                phrase in CAMPAIGNERS
                and not qualified
                and entity.id in self.people
                and ("campaign" in self.kinds_of(entity) or self._campaign_of(entity) is not None)
            )
        )
        head = not same and any(
            role_head(role) == role_head(phrase) and former == qualified for role, former in roles
        )
        conflict = not same and any(role == phrase and former != qualified for role, former in roles)
        return same, head, conflict

    def _pronoun_reference(self, pronoun: Token) -> Reference:
        kind = PRONOUNS[pronoun.lower_]
        return Reference(
            kind="pronoun",
            agreement=kind,
            head=pronoun.lower_,
            subject=pronoun.dep_ in SUBJECTS,
            plural=kind == "they",
            organisation_noun=False,
            outlet_noun=False,
            person_noun=False,
        )

    def _nominal_reference(self, head: Token, person: bool = False, start: int | None = None) -> Reference:
        """The reference of a description by its head noun; ``person``: a person's whatever
        the noun ("the Spaniard", "the 58-year-old"); ``start``: where the source phrase opens,
        where the parse hung its first words elsewhere ("the GOP nominee feuds")."""
        lemma = head.lemma_.lower()
        # The title's words to its head noun, with an "of" phrase after it ("the former
        # secretary of state"), not a clause after it.
        end = of_phrase_end(head)
        first = head.left_edge.i if start is None else min(start, head.left_edge.i)
        title = [token.text for token in self.doc[first : end + 1] if not token.is_punct]
        organisation = lemma in ORGANISATION_WORDS or head.lower_ in ORGANISATION_WORDS
        outlet = head.lower_ in OUTLET_NOUNS or lemma in OUTLET_NOUNS
        # A modifier and the noun first ("the editorial board": the newspaper's), then the noun.
        modifier = next((child for child in head.lefts if child.dep_ in {"amod", "compound"}), None)
        kinds = noun_types(
            *([f"{modifier.lower_} {lemma}"] if modifier is not None else []), lemma, head.lower_
        )
        words = {lemma, head.lower_}
        person = person or (
            not organisation
            and not outlet
            and bool(words & (PERSON_NOUNS | (set() if kinds else HUMAN_NOUNS)))
        )
        return Reference(
            kind="nominal",
            agreement=None,
            head=lemma,
            subject=head.dep_ in SUBJECTS,
            plural=head.tag_ in {"NNS", "NNPS"} and not (person and _epithet(head)),
            organisation_noun=organisation,
            outlet_noun=outlet,
            person_noun=person,
            types=kinds | ({PERSON} if person else frozenset()),
            role=title_role(title),
            office_title=" ".join(word for word in title if word.lower() not in QUALIFIERS),
            modifiers=role_modifiers(title_words(self.doc[first : end + 1])),
        )

    def antecedent(
        self, pronoun: Token, attribution: Attribution, previous: Entity | None, fallback: bool = True
    ) -> Entity | None:
        """The entity a pronoun refers to: the subject of the clause the grammar ties it to,
        else the best-scored compatible candidate near it; with none, the pronoun model's
        choice (when one is loaded), else None."""
        kind = PRONOUNS[pronoun.lower_]
        bound = self._clause_subject(pronoun)
        if bound is not None and self._agrees(kind, bound) and not _within(bound.start, attribution.content):
            return bound.entity
        here = self._sentence(pronoun.idx)
        # The mentions from the farthest sentence the pronoun reaches back to (a long
        # document has thousands before it).
        reach = _PLURAL_REACH if kind == "they" else PRONOUN_REACH
        # In a live blog, who speaks changes from post to post: no farther than the post.
        reached = max(self.sentence_starts[max(0, here - reach)], self.turns.post_start(pronoun.idx))
        first = bisect.bisect_left(self.mention_starts, reached)
        first_read = bisect.bisect_left(self.pronoun_mention_starts, reached)
        near = heapq.merge(
            self.mentions[first:], self.pronoun_mentions[first_read:], key=lambda mention: mention.start
        )
        latest: dict[str, _Mention] = {}
        controlled = self._controlled_clauses(pronoun)
        for mention in near:
            if mention.end > pronoun.idx:
                break
            if not self._agrees(kind, mention):
                continue
            if _within(mention.start, attribution.content):
                continue  # a speaker does not name himself in his own words
            if _within(mention.start, controlled):
                continue
            latest[mention.entity.id] = mention
        # Words reported from no one the text gives ("Kurtz was asked about the post": the
        # tagger's content of a question with no source) are no other speaker's words.
        quoted = self._quoted(attribution, sourced=True)
        takes_up = takes_up_subject(pronoun)
        best, best_score = None, float("-inf")
        for mention in latest.values():
            gender = self.genders.get(mention.entity.id)
            distance = here - mention.sentence
            score = -1.5 * distance if distance else 0.5
            score += 1.0 if mention.subject else 0.0
            score += 0.5 if gender == kind else 0.0
            score += 1.5 if previous is not None and mention.entity.id == previous.id else 0.0
            if takes_up and distance == 1 and (words := self._words(mention)) is not None and len(words) > 0:
                score += 1.5 if main_subject(words.root) else 0.0  # as much as the last to speak
            # Named only inside another speaker's words ("... beat Hillary Clinton," she
            # said): rarely the one who speaks next.
            score -= QUOTED_PENALTY if _within(mention.start, quoted) else 0.0
            score += INTRODUCED_BONUS if distance <= 1 and self._introduced(mention) else 0.0
            score += mention.start / max(1, pronoun.idx) * 0.1  # later breaks ties
            if score > best_score:
                best, best_score = mention.entity, score
        if (
            best is None
            and fallback
            and self.pronoun_model is not None
            and pronoun.lower_ in PRONOUN_AGREEMENT
        ):
            # No compatible name near: the model reads further back (held-out train pronouns:
            # 66/77 resolved against 65/77 by the rules alone, as many left null; docs/evaluation.md).
            return self.pronoun_model.antecedent(self, pronoun, attribution)
        return best

    def _introduced(self, mention: _Mention) -> bool:
        """Whether a mention is its entity's first and an apposition describes it ("Wes
        Nakagiri, a delegate from Michigan"): the text introduces that person there."""
        mentions = self.by_entity.get(mention.entity.id)
        if not mentions or mentions[0].start != mention.start:
            return False
        words = self._words(mention)
        return words is not None and any(child.dep_ == "appos" for child in words.root.children)

    def _clause_subject(self, pronoun: Token) -> _Mention | None:
        """The named subject of the clause a pronoun stands in without being its subject, or
        of the clause its own clause is an adverbial of: "Despite [his] dislike ..., Cruz is
        trying", "Mr. Trump has broken more rules ..., from [his] proposal ...", "Wilkerson
        started Maher's rant when [he] brought up ...", "Halbritter, who spearheaded the
        campaign because [he] claimed ...". None where the pronoun is a clause's subject that
        hangs on no adverbial link, or where another person is the clause's object ("Clinton
        attacked Trump over [his] comments": either may be meant)."""
        token, below = pronoun, pronoun
        while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
            token, below = token.head, token
        if token.pos_ not in {"VERB", "AUX"}:
            return None
        if below.dep_ in SUBJECTS or below.dep_ == "csubj":
            # The pronoun is its own clause's subject: the clause that clause modifies.
            if token.dep_ != "advcl" or token.head.pos_ not in {"VERB", "AUX"}:
                return None
            token = token.head
        elif below.i > token.i and any(
            self._mention_at(word) is not None
            for child in token.children
            if child.dep_ in {"dobj", "dative"}
            for word in (child, *(w for w in child.children if w.dep_ in _OBJECT_PARTS))
        ):
            return None
        subject = next((child for child in token.children if child.dep_ in SUBJECTS), None)
        if subject is None or subject.i == pronoun.i:
            return None
        if subject.tag_ in {"WP", "WDT"} and token.dep_ == "relcl":
            subject = token.head  # "Halbritter, who ...": the relative's antecedent
        return self._mention_at(subject)

    def _controlled_clauses(self, pronoun: Token) -> list[Span]:
        """The fronted participle clauses whose understood subject a subject pronoun is
        ("Asked about her vote in the event that Clinton wins, [she] replied"): the one asked is
        she, and no name inside the clause can be her (binding), so none is a candidate."""
        if pronoun.dep_ not in SUBJECTS:
            return []
        return [
            Span.of(self.text, clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge))
            for clause in pronoun.head.children
            if clause.dep_ == "advcl"
            and clause.i < pronoun.i
            and clause.tag_ in {"VBN", "VBG"}
            and not any(child.dep_ in SUBJECTS or child.dep_ == "mark" for child in clause.children)
        ]

    def _mention_at(self, token: Token) -> _Mention | None:
        """The mention whose words hold the token, unless the token heads a coordination
        ("McClenney and Anderson": two people, no one entity)."""
        if any(child.dep_ == "conj" for child in token.children):
            return None
        last = bisect.bisect_right(self.mention_starts, token.idx)
        first = bisect.bisect_left(self.mention_starts, self.sentence_starts[self._sentence(token.idx)])
        return next((m for m in self.mentions[first:last] if m.start <= token.idx < m.end), None)

    def _quoted(self, attribution: Attribution, *, sourced: bool = False) -> list[Span]:
        """The words of the attributions other than ``attribution``; with ``sourced``, not of an
        indirect report with no source (words reported from no one the text gives)."""
        others = [other for other in self.attributions if other is not attribution]
        if sourced:
            others = [other for other in others if other.source is not None or other.kind != "indirect"]
        return [part for other in others for part in other.content]

    def _compatible(self, kind: str, mention: _Mention) -> bool:
        """Whether a pronoun of ``kind`` can refer to the mention's entity. NER often calls a
        person an ORG: a known first name ("Donald Trump") makes it a person."""
        entity = mention.entity
        if kind in {"m", "f"}:
            return entity.id in self.people
        if kind == "they" and not mention.subject:
            return False
        body = entity.type in _KIND_TYPES[kind] or (kind == "it" and taken_up_as_body(self, mention))
        return body and entity.id not in self.people

    def _agrees(self, kind: str, mention: _Mention) -> bool:
        gender = self.genders.get(mention.entity.id)
        return self._compatible(kind, mention) and (kind not in {"m", "f"} or gender in (None, kind))

    def _people(self, attributions: list[Attribution]) -> set[str]:
        """Entities that are people: NER says so, a first name or honorific tells a gender,
        or (NER having called them a place or an organisation) a name of two or more words
        that speaks in this text, alone or before an apposition ("Iosif Lazaridis, a
        geneticist at ..."), does not end like an organisation's ("Ava DuVernay") and never
        follows "the" ("The Federal Reserve said")."""
        ranks = {
            (mention.entity.id, naming_rank(mention.span(self.text), attribution.source, self.text, nouns))
            for attribution in attributions
            if attribution.source
            for mention in self.mentions_within(attribution.source)
            if (nouns := self.reporting_nouns)
        }
        heading = {entity_id for entity_id, rank in ranks if rank in (0, 1)}
        described, owners = self._role_words()
        # "The fact-checking charity Full Fact", "the environmental agency Ibama": a name the
        # text describes by a body's noun is no person's, whatever NER called it.
        bodies = {
            mention.entity.id
            for mention in self.mentions
            if (noun := self._described(mention)) is not None and body_noun(noun)
        }
        return {
            entity.id
            for entity in self.entities
            if (
                self.genders.get(entity.id) is not None
                or (
                    entity.type == "PERSON"
                    and entity.id not in bodies
                    and (entity.id not in owners or entity.id in heading)
                    # No first name tells a gender and the name ends like a firm's: NER's
                    # misreading of a company ("Hanamura Robotics said").
                    and not _named_like_organisation(entity.name)
                )
                or (entity.type != "NORP" and entity.id in described)
                or (entity.type != "NORP" and self._titled(entity))
                # NER's organisation or place that the text shows is a person (pronouns.py).
                or (entity.id not in bodies and shown_person(self, entity))
            )
            or (
                entity.id in heading
                and entity.id not in bodies
                and entity.type not in {"NORP", WORK_TYPE}
                and len(words := entity.name.split()) >= 2
                and all(word[:1].isupper() for word in words)
                and not _named_like_organisation(entity.name)
                and not any(_after_article(self.text, mention) for mention in entity.mentions)
            )
        }

    def _add_missed_surnames(self) -> None:
        """Note for pronouns the mentions NER missed of people it found named in full: a
        proper noun alone that is the surname of such a person ("Walz approaches it ..." after
        "Marty Walz"), so that a pronoun after it finds that person near. Of several bearers
        ("Sandra Paradis", "Sandy Paradis") the surname is the one named last before it."""
        bearers: dict[str, list[Entity]] = {}
        for entity in self.entities:
            if entity.id in self.people and len(words := entity.name.split()) >= 2:
                bearers.setdefault(words[-1], []).append(entity)
        missed = []
        for token in self.doc:
            if (
                token.pos_ != "PROPN"
                or token.text not in bearers
                or (token.i > 0 and self.doc[token.i - 1].pos_ == "PROPN")
                or (token.i + 1 < len(self.doc) and self.doc[token.i + 1].pos_ == "PROPN")
            ):
                continue
            index = bisect.bisect_right(self.mention_starts, token.idx)
            if any(m.start <= token.idx < m.end for m in self.mentions[max(0, index - 3) : index]):
                continue
            named = [
                (max(starts, default=-1), entity)
                for entity in bearers[token.text]
                if (starts := [span.start for span in entity.mentions if span.start < token.idx])
                or len(bearers[token.text]) == 1
            ]
            if not named:
                continue
            entity = max(named, key=lambda pair: pair[0])[1]
            missed.append(
                _Mention(token.idx, token.idx + len(token), entity, self._sentence(token.idx), token.dep_)
            )
        for mention in missed:
            self._note_for_pronouns(mention)

    def _note_for_pronouns(self, mention: _Mention) -> None:
        """A mention only pronouns read (a pronoun resolved, a surname NER missed): the
        descriptions' ranker keeps to the names NER found. Once per place (a source may be
        resolved more than once)."""
        index = bisect.bisect_left(self.pronoun_mention_starts, mention.start)
        if index < len(self.pronoun_mentions) and self.pronoun_mentions[index].start == mention.start:
            return
        self.pronoun_mentions.insert(index, mention)
        self.pronoun_mention_starts.insert(index, mention.start)

    def _titled(self, entity: Entity) -> bool:
        """Whether a mention of the entity follows a person's title, whatever NER called it
        ("Rep. Glenn Thompson", "spokesman Todd Mesek")."""
        for mention in entity.mentions:
            before = self.text[max(0, mention.start - 20) : mention.start].split()
            if before and (before[-1].lower() in TITLE_ABBREVIATIONS or before[-1].lower() in ROLE_NOUNS):
                return True
        return False

    def _role_words(self) -> tuple[set[str], set[str]]:
        """The entities a person's role describes ("Unai Emery, the Aston Villa [manager]"),
        whatever NER called them, and those a role belongs to ("the [Tottenham Hotspur]
        manager": a club, an office, a campaign), which are no person for it."""
        described = set()
        for mention in self.mentions:
            words = self._words(mention)
            if words and described_by_role(words.root, lambda word: word.lower() in ROLE_NOUNS):
                described.add(mention.entity.id)
        # Names before a role noun, wherever NER put them ("the Tottenham Hotspur manager").
        owning = set()
        for role in self.doc:
            if role.pos_ == "NOUN" and role.lemma_.lower() in ROLE_NOUNS:
                name = [word for word in role.lefts if word.dep_ == "compound" and word.pos_ == "PROPN"]
                if name:
                    owning.add(self.doc[name[0].left_edge.i : name[-1].i + 1].text.lower())
        owners = {entity.id for entity in self.entities if entity.name.lower() in owning}
        return described, owners

    def named_by_grammar(self, head: Token) -> Entity | None:
        """A description the grammar ties to a name: in apposition to it ("Heather
        Samuelson, a campaign staffer who ...") or its predicate ("Kaine is a lawyer who ...")."""
        if head.dep_ == "appos":
            return _entity_of(self._mention_at(head.head))
        if head.dep_ == "attr":
            subjects = [child for child in head.head.children if child.dep_ in {"nsubj", "nsubjpass"}]
            return _entity_of(self._mention_at(subjects[0])) if subjects else None
        return None

    def role_holder(self, head: Token, before: int) -> Entity | None:
        """The entity a description refers to: the one holding that role in this text
        ("the minister"), the organisation whose name holds the noun ("the fund" for the
        International Monetary Fund), or the outlet last named for "the daily"."""
        words = {head.lower_, head.lemma_.lower()}
        if not _definite(head):
            return None  # "veterans", "a reader": generic, not someone the text has named
        if head.lower_ in OUTLET_NOUNS:
            outlets = [m for m in self.mentions if m.start < before and self.names_outlet(m.entity.name)]
            return outlets[-1].entity if outlets else None
        holders = [entity for entity in self.entities if self._matches(entity, words)]
        if not holders:
            return None
        first_mention = {entity.id: min(m.start for m in entity.mentions) for entity in holders}
        earlier = [entity for entity in holders if first_mention[entity.id] < before]
        pool = earlier or holders
        return max(
            pool, key=lambda entity: max((m.start for m in entity.mentions if m.start < before), default=-1)
        )

    def mentions_within(self, span: Span) -> list[_Mention]:
        """The mentions inside ``span`` (mentions are sorted by start)."""
        first = bisect.bisect_left(self.mention_starts, span.start)
        last = bisect.bisect_right(self.mention_starts, span.end)
        return [mention for mention in self.mentions[first:last] if mention.end <= span.end]

    def _mentions(self) -> list[_Mention]:
        mentions = []
        for entity in self.entities:
            for span in entity.mentions:
                if _dateline(self.text, span.start, span.end):
                    continue  # where the story was filed: no one's antecedent ("FRANKFURT, Oct 25 -")
                if self.turns.in_label(span):
                    continue  # a transcript's speaker label ("MARCHUK:"): the turn's, not a mention
                tokens = self._words(span)
                dep = tokens.root.dep_ if tokens is not None and len(tokens) > 0 else ""
                mentions.append(_Mention(span.start, span.end, entity, self._sentence(span.start), dep))
        return mentions

    def _sentence(self, offset: int) -> int:
        return holding(self.sentence_starts, offset)

    def _words(self, span: Span | _Mention) -> TokenSpan | None:
        """The doc's words over a span's characters, widened to whole words."""
        return self.doc.char_span(span.start, span.end, alignment_mode="expand")


def _personal_kind(entity: Entity) -> str | None:
    """The kind of PERSONAL_ORGANISATIONS an organisation named after a person is, by its
    last word ("Obama administration": administration, "Clinton camp": campaign), else None."""
    if entity.type != "ORG":
        return None
    return PERSONAL_ORGANISATIONS.get(entity.name.casefold().rsplit(" ", 1)[-1])


def _phrase_head(tokens: TokenSpan) -> Token:
    """A source phrase's head: the parse's root of its words, or its last noun where the parse
    hung the phrase's words, the root among them, on a word after it ("the GOP nominee feuds
    with ...": "feuds" taken for the noun that "GOP" and "nominee" modify)."""
    root, last = tokens.root, tokens[-1]
    if (
        root.dep_ in {"det", "compound", "amod", "nmod"}
        and not tokens.start <= root.head.i < tokens.end
        and last.i != root.i
        and last.pos_ in {"NOUN", "PROPN"}
        and not tokens.start <= last.head.i < tokens.end
    ):
        return last
    return root


def _apposed_name(relative: Token) -> Token | None:
    """The name a relative's noun is in apposition to ("Wes Holloway" of "Wes Holloway, a
    farmer from Iowa who ..."), else None."""
    clause = relative.head
    noun = clause.head
    if clause.dep_ != "relcl" or noun.dep_ != "appos" or noun.pos_ != "NOUN":
        return None
    name = noun.head
    return name if name.pos_ == "PROPN" and name.i < noun.i else None


def _dateline(text: str, start: int, end: int) -> bool:
    """Whether a name in capitals is the place of the dateline that opens its line
    ("FRANKFURT, Oct 25 (Wire) - ...", "WASHINGTON (AP) — ...")."""
    name = text[start:end]
    dateline = line_dateline(text, start) if name.isupper() and len(name) > 1 else None
    return dateline is not None and end <= dateline.end("place")


def _affiliation(text: str, start: int) -> bool:
    """Whether the name at ``start`` is where someone works, not whom they speak for ("a
    geneticist at Harvard Medical School", "a researcher from the University of Adelaide")."""
    before = text[max(0, start - 12) : start].lower().removesuffix("the ").rstrip()
    return before.endswith(_AFFILIATIONS)


def _entity_of(mention: _Mention | None) -> Entity | None:
    return mention.entity if mention is not None else None


# Words a document's maker may be joined or written with: "CNN/ORC", "Johnson & Johnson",
# "University of Texas".
_NAME_JOINERS = frozenset({"/", "-", "&", "of"})
# How many modifiers may stand between a maker's name and its document ("a CNN national tracking poll").
_MAKER_MODIFIERS = 3


def _maker_run(noun: Token) -> TokenSpan | None:
    """The proper nouns that name a document's maker before it ("CNN/ORC" of "a CNN/ORC poll",
    "Rasmussen Reports" of "the latest Rasmussen Reports poll"), or None."""
    doc, end = noun.doc, noun.i
    for _ in range(_MAKER_MODIFIERS):
        before = doc[end - 1] if end > 0 else None
        if before is None or before.pos_ not in {"NOUN", "ADJ", "VERB"} or not before.is_lower:
            break
        end -= 1
    start = end
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].lower_ in _NAME_JOINERS):
        start -= 1
    while start < end and doc[start].lower_ in _NAME_JOINERS:
        start += 1
    while end > start and doc[end - 1].lower_ in _NAME_JOINERS:
        end -= 1
    return doc[start:end] if end > start else None


_PARTY_TAG = re.compile(r",? \(?[RDI]-([A-Z][A-Za-z]*\.?(?: ?[A-Z][A-Za-z]*\.?)?)")
"""A party-state tag after a name ("Joni Ernst, R-Iowa", "Marco Rubio (R-Fla.)", "D-N.H.")."""
# NER's types of names that may be a person it mistyped ("Sabalenka" an organisation,
# "Haaland" a place, "Billie Jean King" a work of art): the pronouns' mistyped types and
# places, a place only where the dictionaries know no place by the name
# (``_unmarked_person_before``).
_UNMARKED_PERSON_TYPES = MISTYPED_PERSON_TYPES | {"GPE", "FAC"}
# Endings of nouns of agents: "parliamentarian", "cellist", "mountaineer".
_PERSON_ENDINGS = ("ian", "ist", "eer")
# Person nouns of five letters or more that end compounds naming people ("wicketkeeper",
# "goalkeeper"; not "sage" of "passage"): WordNet's person nouns (``HUMAN_NOUNS``).
_COMPOUND_PERSON_NOUNS = frozenset(noun for noun in HUMAN_NOUNS if len(noun) >= 5 and noun.isalpha())
# What ends a description's own words: the clause or the apposition after it.
_DESCRIPTION_ENDS = frozenset({",", "(", ";"})
# An age in words ("the 45-year-old", "24-year-old striker Kwame Mensah").
_AGE_WORDS = re.compile(r"\b(\d{1,3})-year-old\b", re.IGNORECASE)
# An age right after a person's name: "Chidera Okonkwo, 45,", "Ruud (23)", "Nadal, who turned 36".
_AGE_AFTER_NAME = re.compile(r"(?:,\s*|\s*\()(\d{1,3})[,)]|,\s*who (?:turned|turns) (\d{1,3})\b")
_TURNING = re.compile(r"\bfor (?:his|her|its|their) part\b|\bmeanwhile\b|\bin turn\b", re.IGNORECASE)
"""Words by which a sentence turns to another party than the one before ("The general, for his
part, said")."""
CONTRASTS = frozenset({"but", "yet", "while", "whereas", "although", "though"})
"""Words that join a clause turning to someone else ("..., but the manager defended")."""
NATION_OF_TAGS = "United States"
"""The country whose states party-state tags name: its own name in a title ("U.S.") names none."""


def _same_place(tag: str, place: str) -> bool:
    """Whether a place's name or abbreviation ("Fla.", "FL", "N.H.") may stand for a place
    ("Florida", "New Hampshire"): it opens with the same letter and its letters come in the
    place's order (an abbreviation that fits is taken to match: only a clear difference rules
    a candidate out)."""
    letters, name = [c for c in tag.lower() if c.isalpha()], place.lower()
    if not letters or letters[0] != name[:1]:
        return False
    at = 0
    for letter in letters:
        at = name.find(letter, at) + 1
        if at == 0:
            return False
    return True


def _within(offset: int, spans: list[Span]) -> bool:
    """Whether an offset falls inside one of the spans."""
    return any(span.start <= offset < span.end for span in spans)


def _more_than(source: Span, mention: _Mention, text: str) -> bool:
    """Whether a source says more than a mention in it, "the" aside ("some Democrats")."""
    around = f"{text[source.start : mention.start]} {text[mention.end : source.end]}"
    return any(word.lower() not in {"the", "s"} for word in re.findall(r"\w+", around))


def _after_article(text: str, mention: Span) -> bool:
    """Whether a mention opens with "the" or follows it ("The Federal Reserve")."""
    before = text[max(0, mention.start - 4) : mention.start].lower()
    return mention.text.lower().startswith("the ") or before == "the "


# Words that make a body's name one above countries ("European Central Bank", "International
# Olympic Committee", "World Bank"): no country's own body.
_TRANSNATIONAL_WORDS = frozenset({"international", "european", "world", "global"})


def _transnational(name: str) -> bool:
    """Whether an organisation's name opens with a word of bodies above countries."""
    words = name.split()
    return bool(words) and words[0].lower() in _TRANSNATIONAL_WORDS


def _ages_in(text: str) -> set[int]:
    """The ages a text gives in words like "the 45-year-old"."""
    return {int(age) for age in _AGE_WORDS.findall(text)}


def _person_word(noun: str) -> bool:
    """Whether a noun no lexicon knows is shaped as a word for a person: a compound ending in
    a person's noun ("wicketkeeper": keeper) or a word with an agent's ending
    ("parliamentarian", "cellist", "mountaineer")."""
    return noun.endswith(_PERSON_ENDINGS) or any(
        noun.endswith(known) and len(noun) > len(known) + 2 for known in _COMPOUND_PERSON_NOUNS
    )


def _named_like_organisation(name: str) -> bool:
    """Whether a name of two or more words ends or opens with an organisation's word
    ("Hanamura Robotics", "Kotak Institutional Equities", "Police Scotland")."""
    words = name.split()
    return len(words) >= 2 and any(word.lower() in ORGANISATION_WORDS for word in (words[0], words[-1]))


def _title_only(name: str) -> bool:
    """Whether a name is a title of the role lexicon and nothing more ("High Representative",
    "Prime Minister")."""
    found = title_role(name.split())
    return found is not None and not found[1] and len(found[0]) == len(re.split(r"[\s\-–]+", name.strip()))


def _epithet(head: Token) -> bool:
    """Whether a definite source's head describes one person by nationality or age rather
    than by a noun: a people's name in the singular ("the Spaniard", "The Swiss", "the young
    Canadian"; not "the Americans") or an age ("the 58-year-old")."""
    if not _definite(head):
        return False
    if head.lower_ == "old":
        return any(child.lower_ in {"year", "years"} for child in head.children)
    if head.lower_.endswith(("ese", "ss")):
        # A people's name that is the same in the plural ("the Portuguese", "the Swiss"): one
        # person unless its verb is plural ("the Japanese have said").
        plural = any(
            word.tag_ == "VBP" or word.lower_ in PLURAL_AUXILIARIES
            for word in (head.head, *head.head.children)
        )
    else:
        plural = head.tag_ in {"NNS", "NNPS"} or head.lower_.endswith("s")
    return head.ent_type_ == "NORP" and head.pos_ in {"PROPN", "NOUN"} and not plural


def _epithet_head(tokens: TokenSpan) -> Token | None:
    """The head of a phrase that is an epithet (``_epithet``), or the "old" of a definite age
    the parse hung apart from its determiner ("the 46-year-old told reporters", "the" and "old"
    read as modifiers of "reporters"); None for any other phrase."""
    if _epithet(tokens.root):
        return tokens.root
    last = tokens[-1]
    if (
        tokens[0].lower_ in DEFINITE
        and last.lower_ == "old"
        and any(child.lower_ in {"year", "years"} for child in last.children)
    ):
        return last
    return None


def _pair_alone(head: Token) -> bool:
    """Whether a source's head is "both" or "the two" standing for a noun phrase ("both said",
    "The two agreed")."""
    return head.pos_ != "NOUN" and (head.lower_ == "both" or (head.lower_ == "two" and _definite(head)))


def _named_by_noun(token: Token, parts: list[TokenSpan], noun: Token) -> bool:
    """Whether a coordination is of parties a plural noun names: each part holds the noun
    ("Minister X and Minister Y" for "the ministers") or the coordination is in apposition to
    it ("its co-founders, A and B" for "both founders")."""
    lemma = noun.lemma_.lower()
    # The word before the coordination, past a comma: the noun it is apposed to, wherever the
    # parse hung it ("asked its co-founders, A and B": "A" read as the verb's object).
    before = token.doc[max(0, parts[0].start - 1)]
    before = token.doc[before.i - 1] if before.text == "," and before.i > 0 else before
    return (
        (token.dep_ == "appos" and token.head.lemma_.lower().endswith(lemma))
        or (before.i < parts[0].start and before.lemma_.lower().endswith(lemma))
        or all(any(word.lemma_.lower() == lemma for word in part) for part in parts)
    )


def _definite(head: Token) -> bool:
    """Whether a noun is made definite by a determiner or a country's possessive ("the
    minister", "Russia's foreign minister"; not "a reader")."""
    return any(
        (child.dep_ == "det" and child.lower_ in DEFINITE)
        or (child.dep_ == "poss" and child.ent_type_ == "GPE")
        for child in head.children
    )


def _is_role(words: tuple[str, ...]) -> bool:
    """Whether upper-case words end in a phrase of the role lexicon ("CNN HOST")."""
    return any(words[start:] in ROLE_PHRASES for start in range(len(words)))


def _role_matches(entity: Entity, words: set[str]) -> bool:
    """Whether the text gave the entity the role a description names ("the minister")."""
    return bool(entity.role) and entity.role.split()[-1] in words


def _name_holds(entity: Entity, words: set[str]) -> bool:
    """Whether an organisation's name holds a description's noun ("the fund": the IMF's name)."""
    return entity.type == "ORG" and bool(words & {word.lower() for word in entity.name.split()})


def _same_surname(name: str, entity: Entity) -> bool:
    surname = name.split()[-1].lower()
    return any(
        known.split()[-1].lower() == surname for known in (entity.name, *entity.aliases) if known.split()
    )


class Genders(dict[str, str]):
    """Words that tell a person's gender, to "m" or "f", with the first names whose gender
    only the Census list gives (``census_only``: "Toni", "Lai"), a surer table not listing them."""

    census_only: frozenset[str] = frozenset()


def read_genders() -> Genders:
    """Gendered honorifics and titles (``data/gendered_titles.tsv``), first names
    (``data/gendered_words.tsv``), then the Census first names no other sense makes ambiguous
    (``data/first_names.tsv``: "Noah", "Simone"), an earlier table winning where two list a word."""
    genders = Genders(_TITLE_GENDERS)
    for word, gender in word_table("gendered_words.tsv").items():
        genders.setdefault(word, gender)
    census = word_table("first_names.tsv")
    genders.census_only = frozenset(census.keys() - genders.keys())
    for word, gender in census.items():
        genders.setdefault(word, gender)
    return genders


def gender_of(entity: Entity, text: str, genders: dict[str, str]) -> str | None:
    """A person's gender from the first name of their name, a title before a mention ("Mr.",
    "his wife, Jane") or a gendered role ("spokeswoman"); None when the text does not tell. The
    name comes first, as a mention NER linked wrongly may follow another's title; a first name
    before a mention counts only written as one ("drew Samantha Olivieri" tells nothing)."""
    names = entity.name.split()
    if len(names) > 1 and names[0].lower() in genders:  # a lone name is a surname ("Joseph")
        return genders[names[0].lower()]
    for mention in entity.mentions:
        before = _WORD_BEFORE.search(text, max(0, mention.start - 24), mention.start)
        word = next((group for group in before.groups() if group), "") if before else ""
        if word.lower() in GENDERED_TITLES or (word[:1].isupper() and word.lower() in genders):
            return genders[word.lower()]
    for word in (entity.role or "").split():
        if word.lower() in GENDERED_TITLES:
            return genders[word.lower()]
    return None


def attribution_start(attribution: Attribution) -> int:
    """Where an attribution begins in the text: its first source, cue or content offset."""
    spans = [span for span in (attribution.source, attribution.cue, *attribution.content) if span]
    return min(span.start for span in spans) if spans else 0
