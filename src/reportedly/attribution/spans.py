"""Stage 2: span boundaries of source, content, addressee and channel, from the parse.

Functions here take a cue and return token lists; they never look at quote
marks (that is the linking stage's job), so a learned boundary model can
replace them one by one.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from reportedly.attribution.cues import Cue, line_of, verb_cue
from reportedly.attribution.lexicon import Lexicon
from reportedly.nlp.datelines import DASHES, DATELINE_WORDS
from reportedly.nlp.paragraphs import starts_line

SUBJECT_DEPS = ("nsubj", "csubj")
CLAUSE_DEPS = ("ccomp", "xcomp", "csubjpass")
OBJECT_DEPS = ("dobj", "attr", "oprd")
# Verb dependencies through which a cue inherits the subject of the verb it hangs on:
# "he went on to say", "said X and added Y", "..., saying", "officials speaking on ...".
INHERITS_SUBJECT = ("xcomp", "conj", "advcl", "acl", "relcl")
# Clauses that describe a noun: "Priebus, [who has been in daily contact with the campaign],";
# "Clinton, [speaking to reporters on her plane],".
NOUN_CLAUSE_DEPS = ("acl", "relcl")
VERB_PHRASE_END_DEPS = ("punct", "cc", "conj", "advcl", "mark", "parataxis")
# What opens the question a verb of asking reports: "asked [whether] ...", "asked [about] ...".
QUESTION_MARKS = ("whether", "if")
QUESTION_PREPOSITIONS = frozenset({"about", "on", "over"})


def _is_edge_noise(token: Token) -> bool:
    return token.is_punct or token.is_space


def trim(tokens: list[Token]) -> list[Token]:
    """Drop punctuation and spaces at both ends, and a conjunction left dangling at the end."""
    start, end = 0, len(tokens)
    while start < end and _is_edge_noise(tokens[start]):
        start += 1
    while end > start and (_is_edge_noise(tokens[end - 1]) or tokens[end - 1].dep_ == "cc"):
        end -= 1
    return tokens[start:end]


def contiguous_block(tokens: set[int], anchor: int) -> list[int]:
    """The run of consecutive token indices in ``tokens`` that contains ``anchor``."""
    start = end = anchor
    while start - 1 in tokens:
        start -= 1
    while end + 1 in tokens:
        end += 1
    return list(range(start, end + 1))


def subtree_without(head: Token, excluded: set[int]) -> list[Token]:
    """The contiguous part of ``head``'s subtree around ``head`` that avoids ``excluded`` tokens."""
    indices = {token.i for token in head.subtree} - excluded
    if head.i not in indices:
        return []
    return trim([head.doc[i] for i in contiguous_block(indices, head.i)])


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject (active) or agent (passive) of ``verb``, inherited if need be."""
    seen = set()
    current = verb
    while current.i not in seen:
        seen.add(current.i)
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child  # a relative "who" is the source mention, as PolNeAR marks it
            if child.dep_ == "agent":
                objects = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
                return objects[0] if objects else None
        if any(child.dep_ == "nsubjpass" for child in current.children):
            return None  # "it was reported that": impersonal, no source
        if current.dep_ == "acl" or (current.dep_ == "relcl" and current.head.pos_ in ("NOUN", "PROPN")):
            return current.head if current.dep_ == "acl" and current.tag_ == "VBG" else None
        if current.dep_ not in INHERITS_SUBJECT or current.head is current:
            return None
        current = current.head
    return None


def source_tokens(cue: Cue) -> list[Token]:
    """The source mention of ``cue`` (a noun phrase), or ``[]`` for impersonal cues."""
    if cue.kind == "colon":
        start, _ = line_of(cue.head)
        return trim(list(cue.head.doc[start : cue.head.i]))
    if cue.kind == "according_to":
        objects = [child for child in cue.tokens[1].children if child.dep_ == "pobj"]
        return subtree_without(objects[0], set()) if objects else []
    if cue.kind == "nominal":
        owners = [child for child in cue.head.children if child.dep_ == "poss"]
        return _without_possessive(subtree_without(owners[0], {cue.head.i})) if owners else []
    subject = subject_of(cue.head) or inverted_subject(cue.head)
    if subject is None:
        return []
    cue_clause = {token.i for token in cue.head.subtree} if subject.i not in _subtree(cue.head) else set()
    return without_dateline(subtree_without(subject, cue_clause | {token.i for token in cue.tokens}))


def without_dateline(source: list[Token]) -> list[Token]:
    """A source that opens its line less the dateline the parser hung on it: "[Kampala, 7
    October 2025 -] Makerere University today announced ...", "[TRIPOLI -] The ministry
    said ..."; a dateline is the words before the line's first dash (of at most
    ``DATELINE_WORDS``)."""
    if not source or not starts_line(source[0]):
        return source
    for index, word in enumerate(source[: DATELINE_WORDS + 1]):
        if word.text in DASHES and index + 1 < len(source):
            return source[index + 1 :]
    return source


def without_noun_clauses(source: list[Token]) -> list[Token]:
    """A source less the clauses that describe its head noun ("[Hartley Holdings], which is
    now in administration,"; "[Clinton], speaking to reporters on her plane,"), as PolNeAR
    train marks such sources ("Frank", "the woman", "One pastor"); the source itself where
    no clause describes its head."""
    if not source:
        return source
    inside = {word.i for word in source}
    head = next((word for word in source if word.head.i not in inside or word.head.i == word.i), source[0])
    clauses = {word.i for child in head.children if child.dep_ in NOUN_CLAUSE_DEPS for word in child.subtree}
    if not clauses & inside:
        return source
    return trim([head.doc[i] for i in contiguous_block(inside - clauses, head.i)])


def inverted_subject(verb: Token) -> Token | None:
    """The speaker after a reporting verb its reported clause goes before, where the parser
    read it as the verb's object: '"...," declared [the head of State]', '"...," regrets
    [one of them]'. None unless the verb has no subject, its clause comes first and the
    object follows it."""
    if any(child.dep_ in SUBJECT_DEPS or child.dep_ == "nsubjpass" for child in verb.children):
        return None
    if not any(child.dep_ == "ccomp" and child.i < verb.i for child in verb.children):
        return None
    return next((child for child in verb.rights if child.dep_ == "dobj"), None)


def raised_subject(cue: Cue, lexicon: Lexicon) -> list[Token]:
    """The subject of a raising construction, which belongs to the content, not the source.

    In "the relationship appears to be alive" and "the ad is expected to draw viewers"
    nobody is quoted: what appears or is expected is "the relationship ... to be alive".
    """
    verb = cue.head
    if cue.kind != "verb" or not any(child.dep_ in ("xcomp", "acomp") for child in verb.children):
        return []
    lemma = verb.lemma_.lower()
    passive = any(child.dep_ == "auxpass" for child in verb.children)
    if lemma not in lexicon.raising_verbs and not (passive and lemma in lexicon.passive_raising_verbs):
        return []
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    return subtree_without(subjects[0], {token.i for token in cue.tokens}) if subjects else []


def raiser_subject(cue: Cue) -> list[Token]:
    """The source of a reporting verb a raising construction holds (``Cue.raised``): the
    subject of the raising verb, active or passive ("[Scholz] is expected to announce"), or
    of the "be" before a raising adjective ("[Biden] is likely to say")."""
    raiser = cue.head.head
    if raiser.dep_ == "acomp":
        raiser = raiser.head
    subjects = [child for child in raiser.children if child.dep_ in ("nsubj", "nsubjpass")]
    return subtree_without(subjects[0], {token.i for token in cue.tokens}) if subjects else []


def speaker_tokens(source: list[Token]) -> list[Token]:
    """The words naming the speaker: the source, or for a relative "who" its antecedent."""
    if len(source) == 1 and source[0].tag_ in ("WP", "WDT") and source[0].head.dep_ == "relcl":
        clause = source[0].head
        return subtree_without(clause.head, _subtree(clause))
    return source


def _subtree(token: Token) -> set[int]:
    return {child.i for child in token.subtree}


def _without_possessive(tokens: list[Token]) -> list[Token]:
    return tokens[:-1] if tokens and tokens[-1].tag_ == "POS" else tokens


def content_head(cue: Cue, lexicon: Lexicon) -> Token | None:
    """The head of the reported content among the cue's dependents, if the parse has one."""
    verb = cue.head
    children = list(verb.children)
    for deps in (CLAUSE_DEPS, OBJECT_DEPS):
        for child in children:
            if child.dep_ in deps and not _is_addressee(child, cue, lexicon):
                return child
    asking = _is_question(verb, lexicon)
    # "is calling for the United States to step up ...", "was asked if he would ..."
    introducers = {"for", "that", *(QUESTION_MARKS if asking else ())}
    for child in children:
        marks = {m.lower_ for m in child.children if m.dep_ == "mark"}
        if child.dep_ == "advcl" and marks & introducers:
            return child
    if asking:  # "was asked about whether ...", "asked on the talks"
        for child in children:
            if child.dep_ == "prep" and child.lower_ in QUESTION_PREPOSITIONS:
                return next((g for g in child.children if g.dep_ in ("pcomp", "pobj")), None)
    return None


def _is_question(verb: Token, lexicon: Lexicon) -> bool:
    return verb.lemma_.lower() in lexicon.question_verbs


def asked_party(cue: Cue, lexicon: Lexicon) -> list[Token] | None:
    """Who a passive question was put to, the addressee ("[Spicer] was asked whether ...",
    "Asked by reporters whether ..., [Spicer] said", "[Spicer], asked about ..."), ``[]``
    when the text does not say; None when the cue is no passive question. Its subject is not
    its source: the source is the asker, "by" whom it was asked, or none."""
    verb = cue.head
    if cue.kind != "verb" or not _is_question(verb, lexicon) or verb.tag_ != "VBN":
        return None
    children = list(verb.children)
    if any(child.dep_ == "auxpass" for child in children):
        subjects = [child for child in children if child.dep_ == "nsubjpass"]
        return subtree_without(subjects[0], set()) if subjects else []
    if any(child.dep_ == "aux" for child in children) or verb.dep_ not in ("acl", "advcl"):
        return None  # "has asked NBC's Lester Holt": active
    if verb.dep_ == "acl":  # "Spicer, asked by reporters ..."
        return subtree_without(verb.head, _subtree(verb))
    subjects = [child for child in verb.head.children if child.dep_ in ("nsubj", "nsubjpass")]
    return subtree_without(subjects[0], set()) if subjects else []


def asker(cue: Cue) -> list[Token]:
    """The one "by" whom a passive question was asked ("asked by [CNN's Jake Tapper]"), or ``[]``."""
    for child in cue.head.children:
        if child.dep_ == "agent":
            objects = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
            return subtree_without(objects[0], set()) if objects else []
    return []


def _is_addressee(token: Token, cue: Cue, lexicon: Lexicon) -> bool:
    return (
        token.dep_ in ("dobj", "dative")
        and cue.head.lemma_.lower() in lexicon.addressee_verbs
        and token.pos_ in ("PROPN", "NOUN", "PRON")
    )


@dataclass(frozen=True, slots=True)
class Content:
    """Content token runs, and whether they form a clause (a proposition) or a mere noun phrase."""

    runs: list[list[Token]]
    clausal: bool


def content_tokens(cue: Cue, lexicon: Lexicon, source: list[Token]) -> Content:
    """The content of ``cue`` as one or more contiguous token runs.

    If the cue has a content dependent, the content is its subtree. If the cue is
    parenthetical or follows its content ("X, he said, Y" / "Y, he said"), the parse
    hangs the cue on the content instead: the content is the rest of the sentence.
    """
    excluded = {token.i for token in cue.tokens} | {token.i for token in source}
    if cue.kind == "colon":
        _, end = line_of(cue.head)
        return Content(_runs(list(cue.head.doc[cue.head.i + 1 : end])), clausal=True)
    if cue.kind == "according_to":
        excluded |= _subtree(cue.head) | _subtree(cue.tokens[1])
        return Content(_runs([token for token in cue.head.sent if token.i not in excluded]), clausal=True)
    if cue.kind == "nominal":
        clauses = [child for child in cue.head.children if child.dep_ in ("acl", "ccomp")]
        if clauses:
            return Content(_runs(list(clauses[0].subtree)), clausal=True)
        own = _subtree(cue.head)
        rest = [token for token in cue.head.head.subtree if token.i not in own]
        return Content(_runs(rest), clausal=True)
    head = content_head(cue, lexicon)
    if head is not None:
        clausal = head.dep_ in (*CLAUSE_DEPS, "advcl", "pcomp")
        # What a question was about is the preposition's object ("asked about [the talks]").
        whole = clausal or head.dep_ == "pobj"
        tokens = list(head.subtree) if whole else _verb_phrase_rest(cue.head, head)
        runs = _runs([token for token in tokens if token.i not in excluded])
        return Content(runs, clausal=clausal)
    verb = cue.head
    subordinate = any(child.dep_ == "mark" for child in verb.children)  # "If asked, ..."
    parenthetical = verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i != verb.i and not subordinate
    # A verb governed by a cue verb is that cue's content, not a parenthetical cue of its own.
    if source and parenthetical and not _is_speech_chain(verb) and verb_cue(verb.head, lexicon) is None:
        excluded |= _subtree(verb)
        return Content(_runs([token for token in verb.sent if token.i not in excluded]), clausal=True)
    return Content([], clausal=False)


def _verb_phrase_rest(verb: Token, first: Token) -> list[Token]:
    """An object and the complements after it: "cited [the tax as a major reason]",
    "congratulated her [for her victory]"; a coordinated verb phrase starts a new one."""
    tokens: list[Token] = []
    for child in verb.rights:
        if child.i < first.i:
            continue
        if child.dep_ in VERB_PHRASE_END_DEPS:
            break
        tokens.extend(child.subtree)
    return tokens


def _is_speech_chain(verb: Token) -> bool:
    """A participle like "saying" that continues its head verb's own attribution."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG"


def _runs(tokens: list[Token]) -> list[list[Token]]:
    """Split tokens into runs of consecutive indices, each trimmed of edge punctuation."""
    runs: list[list[Token]] = []
    for token in sorted(tokens, key=lambda item: item.i):
        if runs and runs[-1][-1].i + 1 == token.i:
            runs[-1].append(token)
        else:
            runs.append([token])
    return [run for run in (trim(run) for run in runs) if run]


def addressee_tokens(cue: Cue, lexicon: Lexicon) -> list[Token]:
    """Who was addressed: the object of "told"/"warned", or "to X" after a speech verb."""
    verb = cue.head
    for child in verb.children:
        if _is_addressee(child, cue, lexicon):
            return subtree_without(child, set())
        if (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and verb.lemma_.lower() in ("say", "speak", "explain")
        ):
            objects = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
            if objects:
                return subtree_without(objects[0], set())
    return []


def channel_tokens(cue: Cue, lexicon: Lexicon, addressee: list[Token]) -> list[Token]:
    """The medium: "in an interview with Le Parisien", "on Twitter", or an outlet addressed."""
    if addressee and _is_outlet(addressee, lexicon):
        return addressee
    for child in cue.head.children:
        if child.dep_ != "prep" or child.lower_ not in ("in", "on", "to", "with", "during"):
            continue
        for obj in (grandchild for grandchild in child.children if grandchild.dep_ == "pobj"):
            phrase = subtree_without(obj, set())
            if obj.lemma_.lower() in lexicon.channel_nouns or _is_outlet(phrase, lexicon):
                return phrase
    return []


def _is_outlet(tokens: list[Token], lexicon: Lexicon) -> bool:
    return lexicon.names_outlet(" ".join(token.text for token in tokens)) or (
        any(token.ent_type_ == "ORG" for token in tokens)
        and any(token.lower_ in lexicon.channel_nouns for token in tokens)
    )
