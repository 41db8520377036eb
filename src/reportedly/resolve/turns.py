"""Who speaks in the turns of an interview or a broadcast transcript, and the body a person
speaks for; where the posts of a live blog begin.

A transcript gives each turn a label ("DE LA CALLE: It is the end of the war.", "HOST: And
the opposition?"); a printed interview sets each question on a line of its own with the answer
on the lines under it, labelled ("A:", "MÁRQUEZ:") or not. A label is no one's name in the
story: it names the person the passage names in full ("Humberto de la Calle"), a side (the
interviewer, whom the passage leaves unnamed; the interviewee its introduction names), or a
role ("HOST": the person introduced as host, else no one). An "I" in a turn, outside any
quotation, is the one whose turn it is, and a "we" the body they speak for: the organisation
or country the passage ties them to by a post or by leading it ("Its founder, Keiko
Hanamura", "chief negotiator for Colombia's government", "who led the FARC delegation";
docs/speaker-annotation.md and the rulings of eval/speakers/varied/README.md), else no one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from reportedly.attribution.lexicon import data_lines, word_set
from reportedly.model import Entity, Span
from reportedly.nlp.datelines import opening_dateline
from reportedly.nlp.sentences import holding
from reportedly.nlp.stamps import TIME_LINE
from reportedly.nlp.trees import SUBJECTS, joins_words
from reportedly.resolve.actors import FIRST_NAMES, ORGANISATION_WORDS, capital_codes, city_or_capital
from reportedly.resolve.nominals import BODY_TYPES, body_noun

# A label opens a line and ends at a colon: at most six words in capitals, a role after a
# comma ("OLENA MARCHUK, CORRESPONDENT:"), or a side's single letter ("Q:").
_LABEL = re.compile(r"^(?P<label>[^\W\d_][^\n:]{0,60}?):[ \t]+(?=\S)", re.MULTILINE)
_LABEL_WORDS = 6
# A live blog's post opens after a line that is only its time (``TIME_LINE``); the blog has two or more.
_MIN_POSTS = 2
# A transcript has several turns: one label alone may be a dateline ("NEW DELHI: ...").
_MIN_LABELS = 2
# How many printed question-and-answer blocks make a passage an interview; a block is a short
# question line and one to three answer lines (a paragraph of many lines is no block).
_MIN_BLOCKS = 2
_BLOCK_LINES = 4
_QUESTION_WORDS = 30
_SIDES = {label.lower(): side for label, side in (line.split("\t") for line in data_lines("turn_labels.tsv"))}
INTERVIEWER, INTERVIEWEE, ROLE = "interviewer", "interviewee", "role"
SPEAKS_FOR = word_set("speaks_for_words.txt")
ORGANISATION_POSTS = word_set("organisation_posts.txt")
STATE_OFFICES = word_set("state_offices.txt")
# Words that make a post a past one, whose holder no longer speaks for the body.
_NOT_CURRENT = frozenset({"former", "ex", "late", "then"})
_OPPOSITION = frozenset({"opposition"})
SINGULAR_FIRST = frozenset({"i", "me", "my", "mine", "myself"})
PLURAL_FIRST = frozenset({"we", "us", "our", "ours", "ourselves"})
_NARRATOR = SINGULAR_FIRST | PLURAL_FIRST
_PLURAL_THIRD = frozenset({"they", "them"})
_POSSESSIVES = frozenset({"its", "their"})
# The parts of speech of a post's own phrase before it ("its co-founders", "the club's head
# coach"), read leftwards from the post without the parse.
_NOUN_PHRASE_TAGS = frozenset({"DET", "PRON", "ADJ", "NOUN", "PROPN", "PART", "NUM"})
# The prepositions that tie a post to its body within that phrase ("chief executive of SkyLark").
_POST_PREPOSITIONS = frozenset({"of", "at", "for"})
# How far back (in sentences) the organisation a possessive post refers to ("Its founder") may be,
# and what it may be.
_OWNER_REACH = 3
_OWNERS = frozenset({"ORG", "GPE"})
_FIRMS = frozenset({"ORG"})
# The actor codes' sector of a state's government: a holder's "we" is the state (UKRGOV).
_STATE_SECTOR = "GOV"
# How far after a role's word its holder's name may begin ("Our Latin America editor, Javier Ortega").
_ROLE_REACH = 40


@dataclass(frozen=True, slots=True)
class Turn:
    """The words of one turn and who speaks them (None: the passage does not name them)."""

    start: int
    end: int
    speaker: Entity | None


class Turns:
    """The speaker turns of one document: its labels, its turns, the interviewee."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        entities: list[Entity],
        code_of: Callable[[str], str | None] = lambda name: None,
    ) -> None:
        """``code_of``: a name's actor code on the publication day ("Volodymyr Zelensky"
        UKRGOV, "Ukraine" UKR, "Polish" POL), which tells the country a state official and
        a people are of."""
        self.doc = doc
        self.text = text
        self.code_of = code_of
        labels = [match for match in _LABEL.finditer(text) if _is_label(match.group("label"))]
        self.labels: list[tuple[int, int]] = (
            [(match.start("label"), match.end("label")) for match in labels]
            if len(labels) >= _MIN_LABELS
            else []
        )
        self.entities = [
            entity for entity in entities if not all(self.in_label(mention) for mention in entity.mentions)
        ]
        self.blocks = _answer_blocks(text)
        opening = min([start for start, _ in self.labels] + [start for start, _ in self.blocks] + [len(text)])
        self.interviewee = self._interviewee(opening) if self.blocks or self.labels else None
        self.turns = self._labelled_turns(labels if self.labels else []) + [
            Turn(start, end, self.interviewee) for start, end in self.blocks if not self._labelled_line(start)
        ]
        self.turns.sort(key=lambda turn: turn.start)
        self.turn_starts = [turn.start for turn in self.turns]
        posts = [match.end() for match in TIME_LINE.finditer(text)]
        self.post_starts = posts if len(posts) >= _MIN_POSTS else []

    def post_start(self, offset: int) -> int:
        """Where the live-blog post holding an offset begins (after its time line); 0 in a
        text of no posts, or before the first. Who speaks changes from post to post, so a
        pronoun's antecedent is in its own post."""
        at = holding(self.post_starts, offset)
        return self.post_starts[at] if at >= 0 else 0

    def _mention_words(self, mention: Span) -> TokenSpan | None:
        """The doc's words over a mention, widened to whole words; None where there are none."""
        words = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return words if words is not None and len(words) > 0 else None

    def in_answer(self, offset: int) -> bool:
        """Whether an offset lies in an answer of a printed interview: the interviewee's words."""
        return any(start <= offset < end for start, end in self.blocks)

    def in_label(self, span: Span) -> bool:
        """Whether a span lies inside a turn's label (no mention of anyone in the story)."""
        return any(start <= span.start and span.end <= end for start, end in self.labels)

    def label_speaker(self, source: Span) -> tuple[bool, Entity | None]:
        """For a source that is a label: (True, who speaks under it, None for no one named);
        (False, None) for any other source."""
        turn = next((turn for turn in self.turns if turn.start == _after_label(self.text, source.end)), None)
        if turn is None or not self.in_label(source):
            return False, None
        return True, turn.speaker

    def first_person(self, pronoun: Token) -> tuple[bool, Entity | None]:
        """For an "I" or a "we" in a turn and outside any quotation there: (True, the speaker
        of the turn, or the body they speak for, None for no one named); (False, None) for any
        other word, left to the quotations and the writer."""
        word = pronoun.lower_
        if word not in _NARRATOR:
            return False, None
        at = holding(self.turn_starts, pronoun.idx)
        if (
            at < 0
            or pronoun.idx >= self.turns[at].end
            or _quoted(self.text, self.turns[at].start, pronoun.idx)
        ):
            return False, None
        speaker = self.turns[at].speaker
        if speaker is None or word in SINGULAR_FIRST:
            return True, speaker
        return True, self.body_of(speaker)

    def asked_about(self, pronoun: Token) -> Entity | None:
        """For a "they" that opens an answer in an interview or a transcript: the organisation
        or country the line before (the question, or the turn put to the speaker) makes the
        subject of its main verb ("Q: The Russian Chess Federation criticised your opening
        choices. / A: They say this every time"; "UEFA moved your games to Poland. Was that
        fair? / They said it was the only safe option"); else None."""
        if pronoun.lower_ not in _PLURAL_THIRD:
            return None
        turn = next((turn for turn in self.turns if turn.start <= pronoun.idx < turn.end), None)
        if turn is None or self.text[turn.start : pronoun.idx].strip():
            return None
        line_start = self.text.rfind("\n", 0, turn.start) + 1
        question_start = self.text.rfind("\n", 0, max(0, line_start - 1)) + 1
        subjects = [
            (mention.start, entity)
            for entity in self.entities
            # A people is no body here: "The French said ..." of a team the passage leaves unnamed.
            if _body_named(entity) and entity.type != "NORP"
            for mention in entity.mentions
            if question_start <= mention.start < line_start
            and (words := self._mention_words(mention)) is not None
            and main_subject(words.root)
        ]
        return min(subjects, key=lambda item: item[0])[1] if subjects else None

    def body_of(self, speaker: Entity) -> Entity | None:
        """The organisation or country a person speaks for: the first the phrase of one of
        their mentions ties them to through a post or a verb of leading ("Karin Ljungberg,
        chief executive of Nordvolt Energy", "Its founder, Keiko Hanamura": the organisation
        named before); None where the passage ties them to none."""
        for mention in speaker.mentions:
            words = self._mention_words(mention)
            if words is None:
                continue
            body = self._body_in_phrase(words.root, speaker) or self._post_before(words, speaker)
            if body is not None and body is not speaker:  # a person NER typed a firm is none
                # "Polish Prime Minister Donald Tusk": the people's country, where named.
                people = self._code(body) if body.type == "NORP" else None
                return (self._country_named(people) if people is not None else None) or body
        return self._country_of_office(speaker)

    def _country_of_office(self, speaker: Entity) -> Entity | None:
        """The country a state office's holder speaks for where the phrase names no body
        ("Prime Minister Narendra Modi", "Robert Habeck, the Green economy minister": a
        minister's "we" is the country): the country of the holder's government code
        ("Volodymyr Zelensky" UKRGOV: Ukraine) where the story names it, else the one
        country the story names, None where it names none or several (a minister abroad,
        two governments)."""
        code = self._code(speaker)
        if (
            code is not None
            and code[:3].isalpha()
            and code[3:] == _STATE_SECTOR
            and not self._out_of_government(speaker)
        ):
            return self._country_named(code[:3])  # not another country the story names
        if not self._holds_state_office(speaker):
            return None
        countries = self._countries()
        if len(countries) == 1:
            return countries[0]
        # Of several, the country whose capital the dateline names ("BEIJING, March 12 - The
        # spokesperson of the Foreign Ministry ..."): a state's officials brief in its capital.
        capital = self._dateline_capital()
        return self._country_named(capital[:3]) if capital is not None else None

    def _dateline_capital(self) -> str | None:
        """The code of the capital a dateline on the text's first lines names ("TEHRAN -":
        IRNGOV), None where there is none or it names no capital."""
        dateline = opening_dateline(self.text)
        return capital_codes().get(dateline.group("place").title()) if dateline is not None else None

    def _countries(self) -> list[Entity]:
        """The countries the story names (no city, no dateline's place in capitals)."""
        return [
            entity
            for entity in self.entities
            if entity.type == "GPE"
            and not city_or_capital(entity.name)
            and any(not mention.text.isupper() for mention in entity.mentions)
        ]

    def _code(self, entity: Entity) -> str | None:
        """An entity's actor code on the publication day, by its name or an alias."""
        return next((code for name in (entity.name, *entity.aliases) if (code := self.code_of(name))), None)

    def _country_named(self, country: str) -> Entity | None:
        """The country of a code ("POL") the story names, None where it names none."""
        return next((entity for entity in self._countries() if self.code_of(entity.name) == country), None)

    def _holds_state_office(self, speaker: Entity) -> bool:
        """Whether the text gives a person a current state office: by the role their title
        gave them, or by a word of a mention's phrase (the name's compounds and apposition)."""
        if set((speaker.role or "").lower().split()) & STATE_OFFICES:
            return True
        return any(
            lemmas & STATE_OFFICES and not lemmas & _NOT_CURRENT for lemmas in self._phrase_lemmas(speaker)
        )

    def _out_of_government(self, speaker: Entity) -> bool:
        """Whether a mention's phrase puts a person in opposition ("Opposition leader Raila
        Odinga", whose code may still be a government's). A former post is not enough: the
        person may hold another now ("Maia Sandu, a former World Bank economist")."""
        return any(lemmas & _OPPOSITION for lemmas in self._phrase_lemmas(speaker))

    def _phrase_lemmas(self, speaker: Entity) -> list[set[str]]:
        """The lemmas of each mention's phrase: the name's words, compounds and apposition."""
        phrases = []
        for mention in speaker.mentions:
            words = self._mention_words(mention)
            if words is None:
                continue
            phrase = [*words] + [
                word
                for child in words.root.children
                if child.dep_ in {"compound", "appos"}
                for word in child.subtree
            ]
            phrases.append({word.lemma_.lower() for word in phrase})
        return phrases

    def _body_in_phrase(self, name: Token, speaker: Entity) -> Entity | None:
        """The body a name's noun phrase ties it to (see ``body_of``)."""
        top = name
        while top.dep_ in {"appos", "compound", "flat", "conj"} and top.head.i != top.i:
            top = top.head
        tokens = _phrase(top, name)
        for token in tokens:
            if (
                token.dep_ == "poss"
                and token.head.i == name.i
                and not any(mention.start <= token.idx < mention.end for mention in speaker.mentions)
            ):
                # "Nissan's Makoto Uchida": a firm or a club owning the name is theirs.
                owner = self._entity_at(token)
                if owner is not None and owner.type == "ORG" and owner is not speaker and _body_named(owner):
                    return owner
            if not _ties(token, top):
                continue
            if token.dep_ == "poss" and (token.lower_ in _POSSESSIVES or _body_noun(token)):
                # "Its head", "The agency's chairman": the body named as a main subject before.
                owner = self._owner_before(token, _FIRMS if _body_noun(token) else _OWNERS)
                if owner is not None:
                    return owner
                continue
            entity = self._entity_at(token)
            if entity is not None and entity is not speaker and _body_named(entity):
                return entity
        if any(
            token.lower_ in ORGANISATION_POSTS and token.dep_ == "compound" for token in tokens
        ) and not any(token.lower_ in _NOT_CURRENT for token in tokens):
            # A bare post before the name ("Chief executive Peter Ndegwa"): of the firm the
            # story is about, the last organisation the text made the subject of its main verb.
            return self._main_subject_before(self.doc[top.left_edge.i], _FIRMS, reach=None)
        return None

    def _post_before(self, name: TokenSpan, speaker: Entity) -> Entity | None:
        """The body of a post set before a name and a comma where the parse did not hang the
        name on the post ("its co-founders, Aino Laaksonen and Mikko Saari", the hyphen
        splitting the phrase; "The chief executive of budget carrier SkyLark, Orla Brennan",
        the name hung on the firm's): the organisation its possessive refers to, or the body
        the phrase names. The post must head the phrase: no noun but its compounds before it
        ("the wife of its chief executive, Jane" is no post's holder)."""
        root = name.root
        while root.dep_ == "conj" and root.head.pos_ == "PROPN" and root.head.i < root.i:
            root = root.head  # the list's first name
        first = name[0] if root is name.root else root.left_edge
        if first.i < 2 or self.doc[first.i - 1].text != ",":
            return None
        phrase: list[Token] = []  # the words before the comma, back to the phrase's start
        word = self.doc[first.i - 2]
        while word.pos_ in _NOUN_PHRASE_TAGS or joins_words(word) or word.lower_ in _POST_PREPOSITIONS:
            phrase.insert(0, word)
            if word.i == 0:
                break
            word = self.doc[word.i - 1]
        nouns = [word for word in phrase if word.pos_ in {"NOUN", "PROPN"} and not joins_words(word)]
        post = next((at for at, noun in enumerate(nouns) if _is_post(noun)), None)
        if (
            post is None
            or any(noun.dep_ != "compound" and not joins_words(noun.nbor(1)) for noun in nouns[:post])
            or any(word.lower_ in _NOT_CURRENT for word in phrase)
        ):
            return None
        for word in phrase:
            if word.lower_ in _POSSESSIVES:
                return self._owner_before(word)
            entity = self._entity_at(word)
            if entity is not None and entity is not speaker and _body_named(entity):
                return entity
        return None

    def _entity_at(self, token: Token) -> Entity | None:
        """The entity a mention holding the word names, else the body whose name the word's
        proper noun is where NER missed that mention of it ("Arsenal manager Mikel Arteta"
        after "Arsenal beat Tottenham")."""
        mentioned = next(
            (
                entity
                for entity in self.entities
                for mention in entity.mentions
                if mention.start <= token.idx < mention.end and not self.in_label(mention)
            ),
            None,
        )
        if mentioned is not None or not token.text[:1].isupper():
            return mentioned
        words = [child for child in token.lefts if child.dep_ == "compound" and child.text[:1].isupper()]
        name = " ".join(word.text for word in (*words, token))
        return next(
            (
                entity
                for entity in self.entities
                if _body_named(entity) and name in (entity.name, *entity.aliases)
            ),
            None,
        )

    def _owner_before(self, possessive: Token, types: frozenset[str] = _OWNERS) -> Entity | None:
        """The organisation or country (of ``types``) a possessive post's "its" or "their",
        or a body's noun ("the agency's"), refers to (see ``_main_subject_before``), within
        _OWNER_REACH sentences."""
        return self._main_subject_before(possessive, types, _OWNER_REACH)

    def _main_subject_before(self, word: Token, types: frozenset[str], reach: int | None) -> Entity | None:
        """The last organisation (of ``types``) before a word, within ``reach`` sentences (None:
        anywhere), that the text makes the subject of a main verb, else the last named there
        (not a dateline's place in capitals)."""
        first = word.sent.start
        for _ in range(len(self.text) if reach is None else reach):
            if first == 0:
                break
            first = self.doc[first - 1].sent.start
        named: list[tuple[int, bool, Entity]] = []
        for entity in self.entities:
            if not _may_own(entity, types) or _common_word(entity):
                continue
            for mention in entity.mentions:
                if not self.doc[first].idx <= mention.start < word.idx or mention.text.isupper():
                    continue
                words = self._mention_words(mention)
                root = words.root if words is not None else None
                subject = root is not None and main_subject(root)
                named.append((mention.start, subject, entity))
        subjects = [item for item in named if item[1]]
        if reach is None:
            named = []  # across the whole story only a main subject tells what it is about
        return max(subjects or named, key=lambda item: item[0])[2] if subjects or named else None

    def _labelled_turns(self, labels: list[re.Match[str]]) -> list[Turn]:
        """A turn for each label: to the next label in a transcript (one that opens with a
        label), else to the end of its line (labelled answers in a printed interview)."""
        transcript = bool(labels) and not self.text[: labels[0].start()].strip()
        turns = []
        for at, match in enumerate(labels):
            start = match.end()
            if transcript:
                end = labels[at + 1].start() if at + 1 < len(labels) else len(self.text)
            else:
                end = _line_end(self.text, start)
            turns.append(Turn(start, end, self._labelled(match.group("label"))))
        return turns

    def _labelled(self, label: str) -> Entity | None:
        """Who speaks under a label: a side, a role's holder, or the person it names (the
        words before a comma: "OLENA MARCHUK, CORRESPONDENT")."""
        name = label.partition(",")[0]
        side = _SIDES.get(name.strip().lower())
        if side == INTERVIEWER:
            return None
        if side == INTERVIEWEE:
            return self.interviewee
        named = self._named(name.strip())
        if named is not None or side != ROLE:
            return named
        return self._introduced_as(name.strip().lower())

    def _named(self, label: str) -> Entity | None:
        """The one entity whose name the label's words are, or end ("MARCHUK": Olena Marchuk)."""
        words = label.casefold().split()
        matching = [
            entity
            for entity in self.entities
            if entity.type in {"PERSON", "ORG"}
            and (names := [name.casefold().split() for name in (entity.name, *entity.aliases)])
            and any(name[-len(words) :] == words for name in names if len(name) >= len(words))
        ]
        return matching[0] if len(matching) == 1 else None

    def _introduced_as(self, role: str) -> Entity | None:
        """The person the passage introduces in a role ("Our correspondent Olena Marchuk")."""
        for found in re.finditer(rf"\b{re.escape(role)}\b", self.text, flags=re.IGNORECASE):
            if any(start <= found.start() < end for start, end in self.labels):
                continue
            after = [
                (mention.start, entity)
                for entity in self.entities
                if entity.type == "PERSON"
                for mention in entity.mentions
                if found.end() <= mention.start <= found.end() + _ROLE_REACH
                and "." not in self.text[found.end() : mention.start]
                and not self.in_label(mention)
            ]
            if after:
                return min(after, key=lambda item: item[0])[1]
        return None

    def _interviewee(self, opening: int) -> Entity | None:
        """The one person the introduction (the text before the first turn) names, preferring
        those in a sentence where the outlet speaks ("We spoke to their coach, Igor Jovićević")."""
        introduced: list[Entity] = []
        narrated: list[Entity] = []
        for entity in self.entities:
            if entity.type != "PERSON":
                continue
            for mention in entity.mentions:
                if mention.start >= opening or self.in_label(mention):
                    continue
                introduced.append(entity)
                sentence = self._mention_words(mention)
                if sentence is not None and any(word.lower_ in _NARRATOR for word in sentence.sent):
                    narrated.append(entity)
        for people in (narrated, introduced):
            unique = list(dict.fromkeys(entity.id for entity in people))
            if len(unique) == 1:
                return people[0]
        return None

    def _labelled_line(self, start: int) -> bool:
        return any(label_start == start for label_start, _ in self.labels)


def main_subject(word: Token) -> bool:
    """Whether a name is the subject of its sentence's main verb or of a main clause joined
    to it ("The new government dismissed ..., and the opposition Law and Justice party called
    this a coup"), of the clause a main verb after it reports ("The Tropenmuseum will return
    the mask ..., the museum said"), or names such a subject ("the White Helmets rescue group
    says", "Harbour Foods shares fell"), or is its apposition ("The union, Pro, says")."""
    if (word.dep_ in {"compound", "poss"} and word.head.i > word.i) or word.dep_ == "appos":
        word = word.head
    verb = word.head
    if word.dep_ not in SUBJECTS:
        return False
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.i < verb.head.i)


def _body_named(entity: Entity) -> bool:
    """Whether a name a post ties a person to is a body's: an organisation, a country or a
    people, or a single word NER took for a person or a work that is no given name ("Northfield
    boss Gary Lomax", "Albion coach Marco Ferri"). A name of two words or more is a person's,
    though its first name be unknown ("Mart Kask")."""
    if _common_word(entity):
        return False
    return entity.type in BODY_TYPES or (len(entity.name.split()) == 1 and _may_own(entity, BODY_TYPES))


def _common_word(entity: Entity) -> bool:
    """Whether a name is only an organisation's common noun, capitalised as a firm writes of
    itself ("The Group expects", "the Company"): the story's firm, not a body of its own."""
    return entity.name.lower() in ORGANISATION_WORDS


def _may_own(entity: Entity, types: frozenset[str]) -> bool:
    """Whether an entity may be the organisation (of ``types``) a post is of: not a person,
    though NER calls some clubs and firms people or works ("Shakhtar Donetsk", "Hanamura
    Robotics", "Albion"): a PERSON or WORK_OF_ART whose first word is no given name is taken
    for one of those."""
    if entity.type in types:
        return True
    return entity.type in {"PERSON", "WORK_OF_ART"} and entity.name.split()[0].lower() not in FIRST_NAMES


def _is_label(label: str) -> bool:
    """Whether a line's opening before a colon is a speaker label: words in capitals."""
    name = label.partition(",")[0]
    return label == label.upper() and len(label.split()) <= _LABEL_WORDS and any(c.isalpha() for c in name)


def _answer_blocks(text: str) -> list[tuple[int, int]]:
    """The answers of a printed interview: in each paragraph of a short question line and one
    to three lines under it (more than one such paragraph, one question ending in "?"), the
    lines under it."""
    blocks: list[tuple[int, int]] = []
    questions = 0
    for paragraph in re.finditer(r"[^\n](?:.|\n(?!\s*\n))*", text):
        lines = [line for line in re.finditer(r"[^\n]*\S[^\n]*", paragraph.group())]
        if not 2 <= len(lines) <= _BLOCK_LINES:
            continue
        question = lines[0].group().strip()
        if len(question.split()) > _QUESTION_WORDS:
            continue
        questions += question.endswith("?")
        blocks.append((paragraph.start() + lines[1].start(), paragraph.end()))
    return blocks if len(blocks) >= _MIN_BLOCKS and questions else []


def _phrase(top: Token, name: Token) -> list[Token]:
    """The words of a name's noun phrase: ``top``'s subtree without coordinated phrases
    that are not on the way down to the name."""
    path = set()
    token = name
    while token.i != top.i:
        path.add(token.i)
        token = token.head
    skipped = {
        descendant.i
        for child in top.subtree
        if child.dep_ in {"conj", "cc"}
        and child.i not in path
        and not any(a.i in path for a in child.subtree)
        for descendant in child.subtree
    }
    return [token for token in top.subtree if token.i not in skipped]


def _body_noun(word: Token) -> bool:
    """Whether a word is a definite noun of an organisation ("the agency", "the club")."""
    return (
        word.pos_ == "NOUN"
        and any(child.lower_ == "the" for child in word.children)
        and body_noun(word.lemma_.lower())
    )


def _is_post(noun: Token) -> bool:
    """Whether a noun is a post whose holder speaks for a body ("co-founders": its last part)."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower().rpartition("-")[2] in SPEAKS_FOR


def _ties(token: Token, top: Token) -> bool:
    """Whether the way up from a word to its phrase's head passes a post or a verb of
    leading ("chief negotiator for [Colombia]'s government", "who led [the FARC] delegation"):
    one the name holds now, not a former post ("a former [World Bank] economist"), nor
    another person's post in the phrase ("who met the [US] Secretary of State John Kerry")."""
    while True:
        if token.lower_ in SPEAKS_FOR or token.lemma_.lower() in SPEAKS_FOR:
            former = any(child.lower_ in _NOT_CURRENT for child in token.children)
            holder = _person_name(token.head) if token.dep_ in {"compound", "nmod"} else range(0)
            others = bool(holder) and top.i not in holder
            return not (former or others)
        if token.i == top.i or token.head.i == token.i:
            return False
        token = token.head


def _person_name(word: Token) -> range:
    """The positions of the person's name NER found that holds a word (none for a word of none):
    a post compounded with a name is that person's."""
    if word.ent_type_ != "PERSON":
        return range(0)
    doc, start, end = word.doc, word.i, word.i + 1
    while doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return range(start, end)


def _quoted(text: str, start: int, offset: int) -> bool:
    """Whether an offset is inside a quotation opened after ``start`` on its line."""
    before = text[max(start, text.rfind("\n", 0, offset) + 1) : offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _after_label(text: str, end: int) -> int:
    """Where a label's turn starts: after its colon and the spaces after it."""
    match = re.compile(r"[^:\n]*:[ \t]+").match(text, end)
    return match.end() if match else -1
