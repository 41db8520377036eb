"""Group the named mentions of a document into entities, with the roles the text gives them.

Mentions of one referent join when their names match after normalisation (spellings,
honorifics, possessives), when a surname repeats a full name ("Lavrov" after "Sergei
Lavrov"), and when an acronym spells an organisation's name ("NATO"). A title before
the name ("Russia's foreign minister Sergei Lavrov") or an apposition on either side
("Lavrov, Russia's foreign minister"; "the foreign minister, Sergei Lavrov") gives the
entity its role.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from reportedly.model import Attribution, Entity, Range, Span
from reportedly.nlp.datelines import DASHES, line_dateline
from reportedly.resolve.actors import ORGANISATION_WORDS, ActorCoder
from reportedly.resolve.names import HONORIFICS, clean_name, initials, name_key
from reportedly.resolve.offices import read_roles

ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Types that can share a name: NER labels a surname PERSON in one sentence, ORG in the next.
NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "FAC", "LOC"})
_TITLE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
_SKIPPED_IN_ROLE = frozenset({"det", "poss", "case", "punct", "predet"})
_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
# Organisations one of whose names may be part of another's ("Daily News", "New York Daily News").
_VARIANT_TYPES = frozenset({"ORG", "FAC"})
_OPENING_QUOTES = frozenset({"“", '"', "‘", "'"})
_CLOSING_QUOTES = frozenset({"”", '"', "’", "'"})
_LINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# The share of capitalised words above which a line is in title case (a headline).
TITLE_CASE_SHARE = 0.6
# A headline word's stem this long or longer matches the text's words it opens ("endors" of
# "Endorses" and "endorsement"); a shorter one only a word of the same stem.
_STEM_OPENING = 5

# Abbreviated titles before names ("Sen. Lindsey Graham"), spelled out as roles.
TITLE_ABBREVIATIONS = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "gen.": "general",
    "lt.": "lieutenant",
    "col.": "colonel",
    "adm.": "admiral",
    "amb.": "ambassador",
    "pres.": "president",
    "sec.": "secretary",
    "atty.": "attorney",
    "ag": "attorney general",
}

IsTitle = Callable[[tuple[str, ...]], bool]

_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# One-word roles of the role lexicon that stand before names ("Justice Kennedy",
# "Representative Brooks"), beyond the actor dictionaries' agent nouns.
PERSON_TITLES = frozenset(phrase[0].lower() for phrase in read_roles() if len(phrase) == 1)


def collect_entities(
    doc: Doc,
    text: str,
    variants: dict[str, str],
    is_title: IsTitle,
    genders: dict[str, str],
    extra: list[SpacySpan] = (),
) -> tuple[list[Entity], dict[str, str]]:
    """One entity per referent among ``doc``'s named entities and the ``extra`` labelled
    spans (names NER missed), in order of first mention; and, by entity id, the phrase each
    role came from ("Russia's foreign minister"), whose country codes the actor later.

    ``text`` is ``doc.text``; ``variants`` maps spellings to canonical ones; ``is_title``
    tells whether a phrase (upper-case words) names a role or office; ``genders`` maps
    honorifics and first names to "m" or "f", to tell "Mr. Obama" from "Michelle Obama".
    """
    grouper = _Grouper(variants, genders)
    descriptions: dict[str, str] = {}
    spans = name_spans(doc, [*doc.ents, *extra], is_title, genders)
    organisation: tuple[SpacySpan, Entity] | None = None  # the last organisation's mention
    for index, ent in enumerate(spans):
        if ent.label_ not in ENTITY_TYPES:
            continue
        if organisation is not None and _short_form_of(ent, organisation[0]):
            # "General Elections Commission (KPU)": the short form the text will use after.
            grouper.alias(organisation[1], ent, clean_name(ent.text))
            organisation[1].mentions.append(Span.of(text, ent.start_char, ent.end_char))
            continue
        name = clean_name(ent.text)
        title = ""
        if ent.label_ == "PERSON":
            title, name = split_title(name, is_title)
            name = _with_shared_surname(ent, name, spans[index + 1 : index + 2], genders)
        key = name_key(name, variants)
        if not key:
            continue
        if ent.label_ == "PERSON":
            key = person_key(key)
        entity = grouper.add(ent, name, key)
        entity.mentions.append(Span.of(text, ent.start_char, ent.end_char))
        organisation = (ent, entity) if ent.label_ == "ORG" else None
        if entity.role is None and ent.label_ in {"PERSON", "ORG"}:
            found = role_of(ent, is_title)
            if found is None and title:
                # "Justice Kennedy": NER took the title into the name.
                found = " ".join(TITLE_ABBREVIATIONS.get(w.lower(), w.lower()) for w in title.split()), title
            if found:
                entity.role, descriptions[entity.id] = found
    return merge_name_variants(grouper.finished(), descriptions, variants, genders), descriptions


def _short_form_of(ent: SpacySpan, organisation: SpacySpan) -> bool:
    """Whether a mention is one capitalised word in brackets right after an organisation's
    name: its short form ("General Elections Commission (KPU)", "Election Supervisory Agency
    (Bawaslu)")."""
    doc = ent.doc
    return (
        len(ent) == 1
        and ent[0].text[:1].isupper()
        and ent.start == organisation.end + 1
        and doc[organisation.end].text == "("
        and ent.end < len(doc)
        and doc[ent.end].text == ")"
    )


def name_spans(
    doc: Doc, spans: list[SpacySpan], is_title: IsTitle, genders: dict[str, str]
) -> list[SpacySpan]:
    """The named mentions of ``spans`` (NER's and those it missed), in order, as whole names:
    a title-case line's mention cut at the common words NER took into it ("Carly Fiorina
    Endorses Ted Cruz", "Federal Judge Just Gave Hillary Some"); a person's name with the
    words NER left out before it (``whole_name``) and a nickname in quotes with the surname
    after it (``with_nickname``); an organisation's with the words NER left out
    (``whole_organisation``). A mention inside a name so widened is part of it, not another;
    one with no capital letter is no name (NER's "jabbed"), unless of a people ("tea party")."""
    common = _common_words(doc, genders)
    surnames = {span[-1].lower_ for span in spans if span.label_ == "PERSON"}
    kept: list[SpacySpan] = []
    floor = 0  # where the mentions kept so far end
    for ent in sorted(spans, key=lambda span: span.start):
        if ent.label_ not in ENTITY_TYPES:
            kept.append(ent)
            if ent.label_ not in DATE_LABELS:  # a date may hold a name NER ran into it
                floor = max(floor, ent.end)
            continue
        for piece in _without_common_words(_after_dateline(ent, genders, surnames), common):
            if piece.start < floor or (piece.label_ != "NORP" and not any(c.isupper() for c in piece.text)):
                continue  # inside a name widened before; or no name at all ("jabbed", "state")
            if piece.label_ == "PERSON":
                piece = with_nickname(whole_name(piece, is_title, common))
            elif piece.label_ == "ORG":
                piece = whole_organisation(piece, is_title, common, floor)
            kept.append(piece)
            floor = max(floor, piece.end)
    return kept


def in_title_case(words: list[str]) -> bool:
    """Whether a line of these words is in title case, a headline's: three or more words,
    more than TITLE_CASE_SHARE of them capitalised ("How The Democratic Elite Betrayed ...")."""
    return len(words) >= 3 and sum(word[0].isupper() for word in words) > TITLE_CASE_SHARE * len(words)


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Where the lines in title case are (``in_title_case``), as character ranges."""
    found, start = [], 0
    for line in text.split("\n"):
        if in_title_case(_LINE_WORD.findall(line)):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def _stem(word: str) -> str:
    """A lower-case word without its inflection, to tell "Endorses" of a headline from
    "endorsed" in the text: "endors"."""
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.removesuffix("e")


def _common_words(doc: Doc, genders: dict[str, str]) -> Callable[[Token], bool]:
    """Whether a word of a title-case line is a common word, not a name's: a function word
    ("Just", "Some"), a verb ("Gave"), or one the text writes in lower case ("federal", and
    "endorsed" for "Endorses"); never one the text capitalises mid-sentence outside a
    headline ("Will" of "While Will acknowledges" stays a name), nor a first name ("Bill"),
    nor an acronym outside a line in capitals ("US").
    Outside a headline, only a word that opens a sentence alone ("Hacker who exposed")."""
    text = doc.text  # spaCy joins the tokens' texts anew at each reading
    lines = _title_case_lines(text)

    def in_headline(token: Token) -> bool:
        return any(start <= token.idx < end for start, end in lines)

    def acronym(token: Token) -> bool:  # "US" of "US and British forces", but not of "US SAYS"
        if len(token) < 2 or not token.is_upper:
            return False
        end = text.find("\n", token.idx)
        return not text[text.rfind("\n", 0, token.idx) + 1 : end if end >= 0 else len(text)].isupper()

    @cache
    def word_sets() -> tuple[frozenset[str], frozenset[str]]:
        """The stems and longer openings of the words the text writes in lower case ("endors"
        of "endorsement"), and the words it capitalises inside a sentence outside a headline;
        built once, at the first word that asks, in one pass reading each token's text once."""
        lower, capitalised = set(), set()
        for token in doc:
            word = token.text
            if not word.isalpha():
                continue
            if word.islower():
                lower.add(word)
            elif word[0].isupper() and not token.is_sent_start and not in_headline(token):
                capitalised.add(word.lower())
        openings = {word[:size] for word in lower for size in range(_STEM_OPENING, len(word) + 1)}
        return frozenset({_stem(word) for word in lower} | openings), frozenset(capitalised)

    def alone_first(token: Token) -> bool:  # "Hacker who exposed ...", not "Paul City Council"
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return token.is_sent_start and (following is None or not following.text[:1].isupper())

    return lambda token: (
        token.is_alpha
        and (in_headline(token) or alone_first(token))
        and not acronym(token)
        and token.lower_ not in genders
        and token.lower_ not in word_sets()[1]
        and (token.is_stop or token.tag_.startswith("VB") or _stem(token.lower_) in word_sets()[0])
    )


def _after_dateline(ent: SpacySpan, genders: dict[str, str], surnames: set[str]) -> SpacySpan:
    """A mention NER ran on from a line's dateline in capitals over its dash into the name
    after it ("CORLEONE - Giulia Ferraro", "CANNES - Bong"): the name alone, a person's where
    it opens with a first name or ends with a word NER calls a person elsewhere ("Ferraro");
    any other mention as it is, and so a single word after the dash that is no person's
    ("DHAKA - Schoolchildren", "IMPHAL - Authorities"): the tagger calls any capitalised
    first word a proper noun, so one word alone is no evidence of a name."""
    # A dateline NER ran over holds its dash; a Doc's text is joined anew at every read.
    if not any(token.text in DASHES for token in ent):
        return ent
    dateline = line_dateline(ent.doc.text, ent.start_char)
    if dateline is None or not ent.start_char < dateline.end() < ent.end_char:
        return ent
    name = ent.doc[next(token.i for token in ent if token.idx >= dateline.end()) : ent.end]
    person = name[0].pos_ == "PROPN" and (name[0].lower_ in genders or name[-1].lower_ in surnames)
    if len(name) == 1 and not person:
        return ent
    return SpacySpan(ent.doc, name.start, ent.end, label="PERSON" if person else ent.label_)


def _without_common_words(ent: SpacySpan, common: Callable[[Token], bool]) -> list[SpacySpan]:
    """A mention as the runs of its words that are no common words, each a mention with its
    label (``_common_words``); none where every word is common ("Federal Judge")."""
    if not any(common(token) for token in ent):
        return [ent]
    pieces, run = [], []
    for token in [*ent, None]:
        if token is not None and not common(token):
            run.append(token)
            continue
        while run and not run[-1].is_alpha:
            run.pop()
        while run and not run[0].is_alpha:
            run.pop(0)
        if run:
            pieces.append(SpacySpan(ent.doc, run[0].i, run[-1].i + 1, label=ent.label_))
        run = []
    return pieces


def with_nickname(ent: SpacySpan) -> SpacySpan:
    """A person's mention with the nickname in quotes and the surname NER cut off after it:
    "John “Tig” Tiegen" from "John “Tig" or "John"."""
    doc, end = ent.doc, ent.end
    opened = [token for token in ent if token.text in _OPENING_QUOTES]
    if opened and not any(token.text in _CLOSING_QUOTES for token in doc[opened[-1].i + 1 : ent.end]):
        if end >= len(doc) or doc[end].text not in _CLOSING_QUOTES:
            return ent
        end += 1
    elif end < len(doc) and doc[end].text in _OPENING_QUOTES:
        close = end + 1
        while close < min(len(doc), end + 4) and doc[close].text[:1].isupper() and doc[close].is_alpha:
            close += 1
        if close == end + 1 or close >= len(doc) or doc[close].text not in _CLOSING_QUOTES:
            return ent
        end = close + 1
    else:
        return ent
    surname = end
    while surname < len(doc) and doc[surname].pos_ == "PROPN" and doc[surname].text[:1].isupper():
        surname += 1
    if surname == end or not doc[surname - 1].is_alpha:
        return ent
    return SpacySpan(doc, ent.start, surname, label=ent.label_)


def whole_organisation(
    ent: SpacySpan, is_title: IsTitle, common: Callable[[Token], bool], floor: int = 0
) -> SpacySpan:
    """An organisation's mention with the words of its name NER left out: an organisation
    word after it ("USA TODAY [NETWORK]"), proper nouns no entity holds before it and a
    capitalised possessive inside a sentence ("[Our Principles] PAC"); a lone word that is
    no organisation word takes none before it. ``floor``: where the mention before ends."""
    doc, start, end = ent.doc, ent.start, ent.end
    while (
        end < len(doc)
        and doc[end].text[:1].isupper()
        and doc[end].lower_ in ORGANISATION_WORDS
        and not doc[end].is_sent_start
    ):
        end += 1
    if doc[end - 1].lower_ in ORGANISATION_WORDS:
        # "The [Commission] on Presidential Debates": an organisation's word goes on through
        # "of", "on" or "for" and the proper nouns no entity holds after it.
        while end + 1 < len(doc) and doc[end].lower_ in _NAME_LINKS and _unclaimed_proper(doc[end + 1]):
            end += 1
            while end < len(doc) and _unclaimed_proper(doc[end]):
                end += 1
    if len(ent) > 1 or ent[0].lower_ in ORGANISATION_WORDS:
        while start > max(floor, ent.sent.start):
            word = doc[start - 1]
            if word.tag_ == "PRP$" and word.text[:1].isupper() and not word.is_sent_start:
                start -= 1  # "Our Principles PAC": a possessive only a name capitalises
                break
            if word.pos_ != "PROPN" or word.ent_type_ or not word.text[:1].isupper() or not word.is_alpha:
                break
            if _is_title_word(word.text, is_title) or common(word):
                break
            start -= 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return SpacySpan(doc, start, end, label=ent.label_)


_NAME_LINKS = frozenset({"of", "on", "for"})


def _unclaimed_proper(word: Token) -> bool:
    """A capitalised proper noun of letters that no entity holds."""
    return word.pos_ == "PROPN" and word.text[:1].isupper() and word.is_alpha and not word.ent_type_


def _with_shared_surname(
    ent: SpacySpan, name: str, following: list[SpacySpan], genders: dict[str, str]
) -> str:
    """A lone first name joined to a full name by "and" with that name's surname: "Khizr" of
    "Khizr and Ghazala Khan" is Khizr Khan. Only a word that is a known first name or that
    the text writes once ("Clinton and Donald Trump" keeps "Clinton"), and no one's surname."""
    if len(name.split()) != 1 or not following or following[0].label_ != "PERSON":
        return name
    doc, other = ent.doc, following[0]
    if other.start != ent.end + 1 or doc[ent.end].lower_ not in {"and", "&"}:
        return name
    words = clean_name(other.text).split()
    if len(words) < 2:
        return name
    word = name.lower()
    surnames = {span[-1].lower_ for span in doc.ents if span.label_ == "PERSON" and len(span) > 1}
    once = sum(1 for token in doc if token.lower_ == word) == 1
    if word in surnames or not (word in genders or once):
        return name
    return f"{name} {words[-1]}"


def merge_name_variants(
    entities: list[Entity], descriptions: dict[str, str], variants: dict[str, str], genders: dict[str, str]
) -> list[Entity]:
    """The entities with each organisation named by part of another's longer name joined to
    it: the shorter name's words open or end the longer's ("Daily News" and "New York Daily
    News", "Quinnipiac" and "Quinnipiac University", "Census" and "Census Bureau") and no
    other organisation's name holds them; names that differ only where one gives the
    initials of the other's words ("NY Daily News") are one name. A lone organisation word
    ("House", "Post") stays apart: it may be part of several, and so does a name that may be
    a person's (a first name opens it, or a person of the document bears it: "Trump" in
    "Trump International Hotel", "Bernie Sanders" in a headline NER took whole). The joined entity keeps the
    first one's id and place, takes the longest name and all the mentions; ``descriptions``
    (roles' phrases by entity id) follows."""
    organisations = [entity for entity in entities if entity.type in _VARIANT_TYPES]
    keys = {
        entity.id: {key for name in (entity.name, *entity.aliases) if (key := name_key(name, variants))}
        for entity in organisations
    }
    parent = {entity.id: entity.id for entity in organisations}
    people = [name_key(entity.name, variants) for entity in entities if entity.type == "PERSON"]
    personal = {key[-1:] for key in people if key} | set(people)

    def root(entity_id: str) -> str:
        while parent[entity_id] != entity_id:
            entity_id = parent[entity_id]
        return entity_id

    for index, one in enumerate(organisations):
        for other in organisations[index + 1 :]:
            if any(_spelled_out(a, b) for a in keys[one.id] for b in keys[other.id]):
                parent[root(other.id)] = root(one.id)
    for short in organisations:
        if any(key in personal or key[0] in genders for key in keys[short.id]):
            continue
        lone = {key for key in keys[short.id] if len(key) == 1 and key[0] in ORGANISATION_WORDS}
        longer = {
            root(other.id)
            for other in organisations
            if other is not short
            and any(_extends(a, b) for a in keys[short.id] - lone for b in keys[other.id])
        }
        if len(longer) == 1 and root(short.id) not in longer:
            parent[root(short.id)] = longer.pop()
    groups: dict[str, list[Entity]] = {}
    for entity in organisations:
        groups.setdefault(root(entity.id), []).append(entity)
    absorbed: set[str] = set()
    for group in groups.values():
        if len(group) == 1:
            continue
        first, *rest = sorted(group, key=lambda entity: min(span.start for span in entity.mentions))
        names = [name for entity in (first, *rest) for name in (entity.name, *entity.aliases)]
        first.name = max(names, key=lambda name: len(name.split()))
        first.aliases = list(dict.fromkeys(name for name in names if name != first.name))
        for entity in rest:
            first.mentions.extend(entity.mentions)
            first.role = first.role or entity.role
            if entity.id in descriptions:
                descriptions.setdefault(first.id, descriptions.pop(entity.id))
            absorbed.add(entity.id)
        first.mentions.sort(key=lambda span: span.start)
    return [entity for entity in entities if entity.id not in absorbed]


def _extends(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether a name's key opens or ends a longer one's."""
    return len(short) < len(long) and short in (long[: len(short)], long[-len(short) :])


def _spelled_out(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two names' keys end alike and differ only where one gives the initials of the
    other's words ("ny daily news", "new york daily news")."""
    shared = 0
    while shared < min(len(one), len(other)) and one[-1 - shared] == other[-1 - shared]:
        shared += 1
    left, right = one[: len(one) - shared], other[: len(other) - shared]
    if not shared or not left or not right:
        return False
    return "".join(left) == "".join(w[0] for w in right) or "".join(right) == "".join(w[0] for w in left)


def whole_name(
    ent: SpacySpan, is_title: IsTitle, common: Callable[[Token], bool] = lambda word: False
) -> SpacySpan:
    """A person's mention with the words of the name NER left out before it: "Saudi Prince
    [Alwaleed] Bin Talal" is "Alwaleed Bin Talal". Proper nouns no entity holds join it, up
    to a title ("Prince"), a punctuation mark, a ``common`` word ("Carly Fiorina Endorses
    [Ted Cruz]" of a headline) or the sentence's start; a lone word ("Twitter" NER took for
    a person) takes none."""
    start = ent.start
    if len(ent) < 2:
        return ent
    while start > ent.sent.start:
        word = ent.doc[start - 1]
        if word.pos_ != "PROPN" or word.ent_type_ or not word.text[:1].isupper() or not word.is_alpha:
            break
        if _is_title_word(word.text, is_title) or common(word):
            break
        start -= 1
    if start == ent.start:
        return ent
    return SpacySpan(ent.doc, start, ent.end, label=ent.label_)


def split_title(name: str, is_title: IsTitle) -> tuple[str, str]:
    """The titles NER took into a person's name, and the name without them: ("Justice",
    "Kennedy") for "Justice Kennedy", ("Sen.", "Lindsey Graham"); the last word always stays
    in the name."""
    words = name.split()
    cut = 0
    while cut < len(words) - 1 and _is_title_word(words[cut], is_title):
        cut += 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def _is_title_word(word: str, is_title: IsTitle) -> bool:
    lowered = word.lower()
    spelled = TITLE_ABBREVIATIONS.get(lowered, lowered)
    return lowered in TITLE_ABBREVIATIONS or spelled in PERSON_TITLES or is_title((spelled.upper(),))


def person_key(key: tuple[str, ...]) -> tuple[str, ...]:
    """A person's name key without middle initials: "Donald J. Trump" keys as "Donald
    Trump" ("Charles Elliott Jr." and "Charles Elliott III" stay two)."""
    if len(key) <= 2:
        return key
    return (key[0], *(word for word in key[1:-1] if len(word.rstrip(".")) > 1), key[-1])


def surname(key: tuple[str, ...]) -> str:
    """The last word of a name's key before a generational suffix ("Joseph R. Biden Jr.": biden)."""
    words = list(key)
    while len(words) > 1 and words[-1].rstrip(".") in _NAME_SUFFIXES:
        words.pop()
    return words[-1]


def title_test(coder: ActorCoder) -> IsTitle:
    """Whether a phrase ends in an agent noun of the dictionaries ("foreign minister")."""
    agents = coder.tables.agents
    return lambda words: any(words[start:] in agents for start in range(len(words)))


def unrecognised_names(
    doc: Doc,
    attributions: list[Attribution],
    coder: ActorCoder,
    genders: dict[str, str],
    is_role: Callable[[str], bool] = lambda word: False,
    is_outlet: Callable[[str], bool] = lambda name: False,
    is_title: Callable[[str], bool] = lambda phrase: False,
) -> list[SpacySpan]:
    """Names NER missed, as labelled spans: those of the actor dictionaries ("Zelenskiy",
    "Kyiv", "the Kremlin": a listed person's surname is a PERSON, a country's name or
    capital a GPE, others an ORG), and proper names that are an attribution's whole
    source ("Politifact said"), head it ("Pep Guardiola, the Manchester City manager,
    said") or stand in apposition to its head ("The Minister of Health, Agnes Buzyn,"): a
    PERSON when a known first name opens it or a role (``is_role``: "manager") describes
    it, else an ORG; news outlets ``is_outlet`` lists ("RT", an ORG); a person's surname
    NER found in the full name elsewhere ("Will" after "George Will"), and proper nouns
    ending in an organisation word ("Principles PAC", an ORG). A capitalised title that is
    nothing more (``is_title``: "The Prime Minister said") is no name: the resolver reads
    it as a title."""
    sources = {a.source.range for a in attributions if a.source}
    heads = set()  # the head word of each source phrase
    for source in sources:
        phrase = doc.char_span(*source, alignment_mode="expand")
        if phrase is not None and len(phrase) > 0:
            heads.add(phrase.root.i)
    # The surnames of the people NER named in full: the same word alone is most often
    # them where NER missed it ("While Will acknowledges" after "George Will").
    surnames = {
        span[-1].text for span in doc.ents if span.label_ == "PERSON" and len(span) > 1 and span[-1].is_alpha
    }
    names = []
    run: list[Token] = []
    for token in [*doc, None]:
        if (
            token is not None
            and (not token.ent_type_ or _name_in_date(token))
            and (token.pos_ == "PROPN" or _surname_as_verb(token, surnames))
        ):
            run.append(token)
            continue
        if run and is_title(doc[run[0].i : run[-1].i + 1].text):
            run = []
        if run:
            span = doc[run[0].i : run[-1].i + 1]
            root = span.root
            heading = (
                Range(span.start_char, span.end_char) in sources
                or root.i in heads
                # "The Minister of Health, Agnes Buzyn, called": in apposition to the head
                or (root.dep_ == "appos" and root.head.i in heads)
            )
            label = _missed_label(span, heading, coder, genders, is_role)
            if label is None and is_outlet(span.text):
                label = "ORG"  # a listed news outlet ("RT aired ...")
            if label is None and len(span) == 1 and span.text in surnames and not _modal(span[0]):
                label = "PERSON"
            if label is None and len(span) > 1 and span[-1].lower_ in ORGANISATION_WORDS:
                label = "ORG"  # "Principles PAC", "Zeta Holdings": an organisation's last word
            if label is not None:
                names.append(doc.char_span(span.start_char, span.end_char, label=label))
            run = []
    return names


def _missed_label(
    span: SpacySpan,
    is_source: bool,
    coder: ActorCoder,
    genders: dict[str, str],
    is_role: Callable[[str], bool],
) -> str | None:
    code = coder.code_name(span.text, None)
    if code is not None:
        if code in coder.country_codes:
            return "GPE"
        return "PERSON" if coder.is_surname(span.text) else "ORG"
    if is_source:
        named_person = len(span) > 1 and span[0].lower_ in genders
        return "PERSON" if named_person or described_by_role(span.root, is_role) else "ORG"
    return None


CALENDAR_WORDS = frozenset(
    word.lower()
    for word in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr)
    if word
)
"""Months and days: the proper nouns a date is made of."""


DATE_LABELS = frozenset({"DATE", "TIME"})


def _name_in_date(word: Token) -> bool:
    """Whether a proper noun NER put in a date is a name: a dateline run into the name after
    it ("March 4, 2025 - Nordvolt Energy AB today announced"), not a month or a day."""
    return word.ent_type_ in DATE_LABELS and word.pos_ == "PROPN" and word.lower_ not in CALENDAR_WORDS


def _surname_as_verb(word: Token, surnames: set[str]) -> bool:
    """Whether a word the tagger took for a modal is a person's surname: "Will" of "George
    Will" inside a sentence, with no verb's base form after it ("Will wrote", not "Will go")."""
    return word.tag_ == "MD" and word.text in surnames and not _modal(word)


def _modal(word: Token) -> bool:
    """Whether a capitalised word the parser took for a name may be a verb: it opens the
    sentence ("Will Trump win?") or a verb's base form follows it ("Will go")."""
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return word.is_sent_start or (following is not None and following.tag_ == "VB")


def described_by_role(name: Token, is_role: Callable[[str], bool]) -> bool:
    """Whether a person's role describes a name, in apposition or as a title before it
    ("Pep Guardiola, the Manchester City [manager]", "City [manager] Pep Guardiola")."""
    return any(
        child.dep_ in ("appos", "compound") and child.pos_ == "NOUN" and is_role(child.text)
        for child in name.children
    )


class _Grouper:
    """The entities found so far, indexed by name key and by surname."""

    def __init__(self, variants: dict[str, str], genders: dict[str, str]) -> None:
        self.variants = variants
        self.genders = genders
        self.entities: list[Entity] = []
        self.by_key: dict[tuple[str, ...], Entity] = {}
        self.full_names: dict[str, list[Entity]] = {}  # surname key -> people named in full
        # A word of a full name before its surname -> the people it is in ("lula" of "Luiz
        # Inacio Lula da Silva", "ban" of "Ban Ki-moon", whose surname comes first, "jane" of
        # "Jane Sanders": a first name alone is the one person named in full with it).
        self.inner_names: dict[str, list[Entity]] = {}
        self.labels: dict[str, Counter[str]] = {}
        self.last_seen: dict[str, int] = {}
        # The gender an honorific before a mention gave each entity ("Mr. Khan"): a later
        # "Ms. Khan" is another Khan.
        self.honoured: dict[str, str] = {}

    def alias(self, entity: Entity, ent: SpacySpan, name: str) -> None:
        """Note a mention by another name (a short form) of an entity found before."""
        key = name_key(name, self.variants)
        if not key:
            return
        if name not in entity.aliases:
            entity.aliases.append(name)
        self.labels[entity.id][entity.type] += 1
        self.last_seen[entity.id] = ent.start
        self.by_key.setdefault(key, entity)

    def add(self, ent: SpacySpan, name: str, key: tuple[str, ...]) -> Entity:
        """The entity the mention ``ent`` (cleaned ``name``, ``key``) belongs to, made if new."""
        gender = self._honorific_gender(ent)
        entity = self._known(ent.label_, name, key, gender)
        if entity is None:
            entity = Entity(id=f"e{len(self.entities) + 1}", name=name, type=ent.label_)
            self.entities.append(entity)
            self.labels[entity.id] = Counter()
        # "Cuban said" after "Mark Cuban" (NORP), "Tiegen" (ORG) after "John “Tig” Tiegen": a
        # surname of a person named in full is that person, whatever NER labels it.
        joined_person = ent.label_ != "PERSON" and (
            (ent.label_ == "NORP" and self.labels[entity.id]["PERSON"] > 0)
            or (len(key) == 1 and entity in self.full_names.get(key[0], []))
        )
        if gender is not None:
            self.honoured.setdefault(entity.id, gender)
        self.labels[entity.id]["PERSON" if joined_person else ent.label_] += 1
        self.last_seen[entity.id] = ent.start
        self.by_key.setdefault(key if ent.label_ != "NORP" else ("NORP", *key), entity)
        if len(key) > 1 and ent.label_ == "PERSON":
            people = self.full_names.setdefault(surname(key), [])
            if entity not in people:
                people.append(entity)
            for word in person_key(key)[:-1]:
                if len(word.rstrip(".")) < 2:
                    continue  # an initial
                inner = self.inner_names.setdefault(word, [])
                if entity not in inner:
                    inner.append(entity)
        if len(name.split()) > len(entity.name.split()) and ent.label_ == "PERSON":
            entity.aliases.append(entity.name)
            entity.name = name
        if entity.name.isupper() and not name.isupper() and name.casefold() == entity.name.casefold():
            # A dateline or headline in capitals ("MOSCOW —") names the entity only until
            # the text spells it as a name ("Moscow").
            entity.aliases.append(entity.name)
            entity.name = name
        if name != entity.name and name not in entity.aliases:
            entity.aliases.append(name)
        return entity

    def finished(self) -> list[Entity]:
        for entity in self.entities:
            entity.type = self.labels[entity.id].most_common(1)[0][0]
        return self.entities

    def _known(self, label: str, name: str, key: tuple[str, ...], gender: str | None) -> Entity | None:
        if label == "NORP":
            # "Cuban said" after "Mark Cuban": a surname NER read as a nationality.
            people = self.full_names.get(key[0], []) if len(key) == 1 else []
            return people[0] if people else self.by_key.get(("NORP", *key))
        if len(key) == 1:
            # "Lavrov" after "Sergei Lavrov"; of two Obamas, the one the honorific fits,
            # else the one named last.
            named = self.full_names.get(key[0], [])
            people = [p for p in named if gender in (None, self._gender(p))]
            if not people and gender is not None:
                # "Mr. Khan" of Khizr and Ghazala Khan, whose first names tell no gender: the
                # first of them no honorific has given the other gender.
                people = [
                    p for p in named if self._gender(p) is None and self.honoured.get(p.id, gender) == gender
                ]
            if people:
                return people[0]  # the first named: usually whom the story is about
            inner = self.inner_names.get(key[0], [])
            if label == "PERSON" and len(inner) == 1:
                # "Lula" after "Luiz Inacio Lula da Silva", "Ban" after "Ban Ki-moon", "Jane"
                # after "Jane Sanders": a word one person's full name holds before the surname,
                # where it is no one's surname (a first name two people bear is neither's).
                return inner[0]
        entity = self.by_key.get(key)
        if entity is not None:
            return entity
        lone = self.by_key.get(key[-1:])
        if label == "PERSON" and lone is not None and self._may_complete(lone, key):
            return lone  # "Sergei Lavrov" after a lone "Lavrov" (a headline, say)
        first = self.by_key.get(key[:1]) if len(key) > 1 else None
        if (
            label == "PERSON"
            and first is not None
            and key[0] in self.genders
            and self._may_complete(first, key)
        ):
            return first  # "Jane Sanders" after a lone "Jane" that no one bears as a surname
        if label == "ORG":
            return next(
                (
                    other
                    for other in self.entities
                    if other.type == "ORG"
                    and (
                        (name.isupper() and initials(other.name) == name)
                        or (other.name.isupper() and initials(name) == other.name)
                    )
                ),
                None,
            )
        return None

    def _may_complete(self, lone: Entity, key: tuple[str, ...]) -> bool:
        """Whether a full name can be the full name of an entity known by surname only:
        not when that entity already has a role ("President Obama" is not "Michelle Obama")
        or a gender the first name contradicts."""
        if len(lone.name.split()) != 1 or lone.role is not None or lone.type not in NAMED_TYPES:
            return False
        first = self.genders.get(key[0])
        return first is None or self._gender(lone) in (None, first)

    def _gender(self, entity: Entity) -> str | None:
        return self.genders.get(entity.name.split()[0].lower())

    def _honorific_gender(self, ent: SpacySpan) -> str | None:
        before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        first = ent[0].lower_
        for word in (before, first):
            if word in HONORIFICS:
                return self.genders.get(word)
        return None


def role_of(ent: SpacySpan, is_title: IsTitle) -> tuple[str, str] | None:
    """The role a person mention's title or apposition gives it, and the description it
    came from: ("foreign minister", "Russia's foreign minister")."""
    for tokens in (_title_before(ent), _apposition_after(ent), _apposition_head(ent)):
        role_words = title_words(tokens)
        if role_words and is_title(tuple(word.upper() for word in role_words)):
            description = " ".join(token.text for token in tokens if token.dep_ != "det")
            return " ".join(role_words), description.replace(" 's", "'s").replace(" ’s", "’s")
    return None


def title_words(tokens: Iterable[Token]) -> list[str]:
    """A title's words that may name a role, lower case, abbreviations spelled out: not its
    determiners, possessives or punctuation, nor the places, peoples and people in it
    ("foreign minister" of "Russia's foreign minister")."""
    return [
        TITLE_ABBREVIATIONS.get(token.lower_, token.lower_)
        for token in tokens
        if token.dep_ not in _SKIPPED_IN_ROLE
        and token.ent_type_ not in _PLACE_LABELS
        and token.ent_type_ != "PERSON"
    ]


def _title_before(ent: SpacySpan) -> list[Token]:
    """ "Russia's foreign minister [Sergei Lavrov]": the words left of the name in its phrase."""
    for child in ent.root.lefts:
        if child.i < ent.start and child.dep_ in _TITLE_DEPS and not child.is_punct:
            return [token for token in child.doc[child.left_edge.i : ent.start] if not token.is_punct]
    return []


def _apposition_after(ent: SpacySpan) -> list[Token]:
    """ "[Lavrov], Russia's foreign minister, said": the apposition of the name, to its noun
    and an "of" phrase after it ("the chairman of the committee"), not a place or a body
    after another preposition ("[Ayotte], the first-term senator from New Hampshire": the
    first-term senator)."""
    for token in ent:
        for child in token.children:
            if child.dep_ == "appos" and child.i >= ent.end:
                end = of_phrase_end(child)
                return _cut_at_comma([t for t in child.subtree if ent.end <= t.i <= end])
    return []


def of_phrase_end(noun: Token) -> int:
    """Where a title's noun ends with the "of" phrase after it ("the secretary of state"),
    without another phrase or a clause after it ("the senator from Florida who ...")."""
    return max(
        (child.right_edge.i for child in noun.rights if child.dep_ == "prep" and child.lower_ == "of"),
        default=noun.i,
    )


def _apposition_head(ent: SpacySpan) -> list[Token]:
    """ "the foreign minister, [Sergei Lavrov]": the noun the name is in apposition to (a
    capitalised title too, "The Minister of Justice, [Bekir Bozdag]"; ``role_of`` keeps it
    only where it is a title)."""
    root = ent.root
    head = root.head
    if root.dep_ == "appos" and head.i < ent.start and head.pos_ in {"NOUN", "PROPN"}:
        return [token for token in head.subtree if token.i <= head.i]
    return []


def _cut_at_comma(tokens: list[Token]) -> list[Token]:
    kept = []
    for token in tokens:
        if token.text in {",", ";", "(", "—", "–"} or token.lower_ in {"who", "which", "that"}:
            if kept:
                break
            continue
        kept.append(token)
    return kept
