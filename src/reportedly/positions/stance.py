"""A statement's stance on an issue, by rules over its cue and content.

In order: a conditional clause ("only if Ukraine withdraws ...", "unless ...") makes it
``conditional`` (its span is the condition) unless the statement refuses; a demand ("X
must/should ...", "called on X to ...", "urged", "needs ...") makes it ``demands`` (of X);
else the count of refusals decides, each undoing the last: "not", "never", "ruled out",
"rejected", the issue's own ``against`` words ("lift" sanctions), a negated attribution.
An odd count ``opposes``; words of support ("ready", "welcomed", "open to"), an even count
above none, or a promise ("will", "would") ``supports``; else the sentence's PLOVER event
(AGREE supports, REJECT opposes, REQUEST demands) if it has one, else ``unclear``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportedly.model import Range, StanceValue
from reportedly.positions.expressions import guarded

_WORD = r"(?<![\w-])(?:{})(?![\w-])"


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(_WORD.format(guarded("|".join(alternatives), re.IGNORECASE)), re.IGNORECASE)


# Negations: each one turns the statement ("would not accept" opposes; "denied it was
# blocking" supports; "never give up its right to enrich" supports).
NEGATIONS = _words(
    r"not",
    r"\w+n't",
    r"never",
    r"no",
    r"nobody",
    r"nothing",
    r"none",
    r"neither",
    r"nor",
    r"cannot",
    r"no longer",
    r"den(?:y|ies|ied|ying)",
)
# Rejections: any number of them set the statement against what it speaks of, once
# ("dismissed the proposal as unacceptable" opposes it).
REJECTIONS = _words(
    r"refus\w*",
    r"reject\w*",
    r"oppos\w*",
    r"(?:vot\w*|spoke|speak\w*|campaign\w*|argu\w*|stand\w*|stood) against",
    r"unacceptable",
    r"out of the question",
    r"impossible",
    r"vetoe?s?",
    r"vetoed",
    r"rul\w+ out",
    r"dismiss\w*",
    r"condemn\w*",
    r"block\w*",
    r"red line",
    r"no way",
    r"futile",
    r"pointless",
    r"a (?:\w+ )?mistake",
    r"(?:warn|caution)\w* against",
    r"criticis\w*",
    r"criticiz\w*",
    # wire verbs of refusing ("rebuffed the offer", "poured cold water on the plan")
    r"rebuff\w*",
    r"spurn\w*",
    r"turn\w* down",
    r"brush\w* (?:aside|off)",
    r"sh(?:oo|o)t\w* down",
    r"(?:pour\w*|threw|throw\w*) cold water",
    r"snub\w*",
    r"torpedo\w*",
    r"scuttl\w*",
    r"balk\w*",
    # acts that spoil whatever they are done to ("sabotaging the truce", "derailing the talks"):
    # said of others, as a charge, they turn again (``ACCUSING``)
    r"sabotag\w*",
    r"obstruct\w*",
    r"undermin\w*",
    r"derail\w*",
    r"shelv\w*",
    r"drag\w* (?:its|their|his|her) feet",
)
# A charge against someone ("accused Russia of violating the truce", "blamed Kyiv for
# stalling the talks"): the speaker is against the act it charges, so it turns once more,
# beside that act's own turns (a charge of breaking a truce supports the truce).
# Verbs only: "rejected accusations that it was obstructing aid" is a charge denied, whose
# count the denial and the act make.
ACCUSING = _words(
    r"accus(?:e|es|ed|ing)",
    r"blam(?:e|es|ed|ing)",
    r"denounc(?:e|es|ed|ing)",
    r"deplor\w*",
    r"slam\w*",
    r"lambast\w*",
    r"charg(?:e|es|ed|ing) (?:\w+ )?with",
    r"held (?:\w+ ){1,3}responsible",
)
PASSIVE_BEFORE = re.compile(r"(?<![\w-])(?:is|are|was|were|be|been|being)\s+[\"“]?$", re.IGNORECASE)
SUPPORT = _words(
    r"ready",
    r"willing",
    r"prepared",
    r"open to",
    r"welcom\w*",
    r"support\w*",
    r"back(?:s|ed|ing)?",
    r"agree\w*",
    r"accept\w*",
    r"hop(?:e|es|ed|ing)",
    r"want\w*",
    r"favou?r\w*",
    r"committed",
    r"endors\w*",
    r"prais\w*",
    r"pledg\w*",
    r"promis\w*",
    r"vow\w*",
    r"expect\w*",
    r"important",
    r"necessary",
    r"essential",
    r"a first step",
    r"progress",
    r"keep",
    r"continue\w*",
    r"stay",
    r"remain\w*",
    r"right to",
    # wire verbs of approving ("hailed the deal", "warmed to the idea")
    r"hail\w*",
    r"laud\w*",
    r"embrac\w*",
    r"applaud\w*",
    r"commend\w*",
    r"warm\w* to",
)
# A promise of the statement's own act ("Berlin would deliver four more systems").
PROMISE = _words(r"will", r"would", r"'ll", r"shall", r"going to", r"plans? to", r"intends? to", r"is to")
# Cues that ask of someone whatever follows them ("urged", "called for") ...
DEMAND_CUES = _words(
    r"call\w* for",
    r"call\w* on",
    r"demand\w*",
    r"urg\w+",
    r"press\w*(?: for)?",
    r"push\w* for",
    r"appeal\w*",
    r"ask\w*",
    r"request\w*",
)
# "X must/should/has to ...": a demand of X, unless X is the speaker's side ("we must").
MODAL = re.compile(
    r"(?<![\w-])(?P<modal>must|should|has to|have to|had to|needs? to|needed to|ought to|is obliged to)"
    r"(?![\w-])",
    re.IGNORECASE,
)
# "expected Kyiv to accept", "called on Russia to agree", "urged the administration to send".
DEMAND_OF = re.compile(
    r"(?<![\w-])(?:expect\w*|call\w* on|urg\w+|press\w*|ask\w*|want\w*|told|demand\w* that|insist\w* that)"
    r"\s+(?P<object>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|the\s+\w+|them|him|her|it)"
    r"\s+(?:to\s+(?!be\b)\w+|must|should|will|would)",
)
# Whom a demand is of, said before "to" + its act, in any case and quoted or not: "urged
# \"all parties\" to resume", "called on major emitters to triple", "urged the Saudi-led
# coalition to lift"; kept only where ``_agent`` finds someone in the words.
ADDRESSEE = r"[\"“]?(?P<object>(?:the\s+|all\s+|both\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3}?)[\"”]?"
# "urged the government not to let ...": a demand to refrain is one (the "not" is not whom).
TO_ACT = r"\s+(?:(?:not\s+)?to\s+[\"“]?(?!be\b)\w+|must|should)"
# Verbs that name whom they address right after them ("called on X", "urged X", "told X").
ADDRESSING = r"call\w* (?:on|upon)|urg\w+|press\w*|ask\w*|appeal\w* to|told"
DEMAND_OF_ANYONE = re.compile(
    r"(?<![\w-])(?:" + ADDRESSING + r"|demand\w* that)\s+" + ADDRESSEE + TO_ACT,
    re.IGNORECASE,
)
CUE_OBJECT_ANYONE = re.compile(r"\s*" + ADDRESSEE + TO_ACT)
# Whom a cue addresses before its content ("urged the government" + "to withdraw the bill",
# "called on G20 countries" + "to triple ..."): the words after its demanding verb.
LEAD_ADDRESSEE = re.compile(
    r"(?<![\w-])(?:"
    + ADDRESSING
    + r"|tell\w*|exhort\w*|implor\w*|encourag\w*|order\w*|instruct\w*)\s+"
    + ADDRESSEE
    + r"\s*$",
    re.IGNORECASE,
)
# "demanded" + "that the UN send monitors": the subject of the demanded act.
DEMAND_THAT_CUES = _words(r"demand\w*", r"insist\w*", r"urg\w+")
AUXILIARY = r"(?:is|was|are|were|has|had|have|would|will|could|can|did|does)\b"
CUE_THAT = re.compile(
    rf"\s*that\s+(?P<object>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?!{AUXILIARY})[\w'’.-]+){{0,2}}?)"
    rf"\s+(?!{AUXILIARY})[a-z]+\b"
)
# ... and those that do when their content names whom ("expected" + "Kyiv to accept ...").
OBJECT_DEMAND_CUES = _words(r"expect\w*", r"want\w*", r"order\w*", r"told", r"tell\w*")
# A demand's cue before its content: "urged" + "the administration to send more Patriots".
CUE_OBJECT = re.compile(
    r"\s*(?P<object>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|the\s+\w+|them|him|her)"
    r"\s+(?:not\s+)?to\s+(?!be\b)\w+"
)
# Who a demand can be of: a name, or people and states by a common noun ("rich countries").
AGENT_NOUNS = _words(
    r"countries",
    r"states",
    r"nations",
    r"governments?",
    r"administration",
    r"leaders?",
    r"allies",
    r"partners",
    r"members",
    r"sides",
    r"parties",
    r"authorities",
    r"officials",
    r"side",
    r"donors",
    r"emitters",
    r"coalition",
    r"capitals",
    r"the West",
    r"the world",
    r"everyone",
    r"community",
    # organs and armed parties named by their common noun ("urged the parliament to ratify",
    # "called on the junta to halt air strikes")
    r"junta",
    r"parliament",
    r"cabinet",
    r"congress",
    r"lawmakers",
    r"legislators",
    r"regime",
    r"army",
    r"militias?",
    r"rebels",
    r"forces",
    r"opposition",
    r"mediators",
    r"negotiators",
    r"agencies",
    r"producers",
)
NOT_NAMES = {
    "any",
    "all",
    "no",
    "every",
    "some",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "there",
    "such",
}
# "needs more air defence": a need of something, not of doing something.
NEED = re.compile(r"(?<![\w-])need(?:s|ed)?\s+(?!to\b)\w+", re.IGNORECASE)
FIRST_PERSON = {"we", "i", "us", "our", "my", "ukraine and we"}
CONDITION = re.compile(
    r"(?<![\w-])(?P<marker>(?:only\s+)?(?:if|unless|provided(?: that)?|as long as|so long as|"
    r"on condition that|in exchange for|in return for|only after|only when|only once|until))(?![\w-])",
    re.IGNORECASE,
)
# "could only be held after ...": the condition starts at "after".
ONLY_LATER = re.compile(
    r"(?<![\w-])only(?:\s+\w+){1,3}?\s+(?P<marker>after|when|once)(?![\w-])", re.IGNORECASE
)
# Markers whose negated clause is the condition's own ("no aid until the hostages are
# freed", "will not sign unless"): a refusal there does not make the statement oppose.
REQUIRING = ("unless", "until")
# Markers that ask for what follows them: an issue named there is demanded ("release the
# hostages in exchange for an end to the war"), where "if a peace deal is reached" wants it.
ASKING = ("unless", "until", "in exchange for", "in return for", "on condition that", "provided")
# A demand made in the content's own words ("... and demanded a new election"); "rejected
# calls for a truce" is none.
DEMAND_WORDS = _words(r"demanded", r"called for", r"urged", r"pressed for", r"appealed for", r"insisted on")
# Subordinate clauses of time, purpose and circumstance, and relative clauses: what they say
# ("before the war ends", "until Russia ends its aggression", "so that a famine does not
# develop") is not said of an issue named outside them.
SUBORDINATE = _words(
    r"before",
    r"until",
    r"till",
    r"after",
    r"so that",
    r"which",
    r"who",
    r"whose",
    r"whom",
    r"as soon as",
    r"whenever",
    r"since",
    r"although",
    r"though",
    r"even as",
    r"whereas",
    r"amid",
    r"despite",
    r"in spite of",
    r"regardless of",
)
# Where a clause ends: a condition or a demand's subject goes no further.
CLAUSE_BREAK = re.compile(r"[,;:—–]|\s-\s|(?<![\w-])(?:but|and then|while|because)(?![\w-])")
# A sentence's end is a subject's start too ("This resolution is binding. Israel must comply"),
# not an initial's full stop ("U.S. forces must leave").
SUBJECT_START = re.compile(
    r"(?:[,;:]|(?-i:(?<![A-Z]))[.!?]+[\"'”’]?\s|(?<![\w-])(?:that|and|but|said|says|say)(?![\w-]))\s*",
    re.IGNORECASE,
)

EVENT_STANCES: dict[str, StanceValue] = {
    "AGREE": "supports",
    "REJECT": "opposes",
    "REQUEST": "demands",
    "THREATEN": "opposes",
}


@dataclass(frozen=True, slots=True)
class Reading:
    """A stance read from a text: the ranges are offsets into that text."""

    stance: StanceValue
    condition: Range | None = None
    demanded_of: Range | None = None


def _condition(text: str) -> tuple[Range, int] | None:
    """The span of the statement's condition, from its marker to the end of its clause (a
    leading "If X, ..." ends at the comma) or of the statement, and where its marker ends."""
    found = [match for pattern in (CONDITION, ONLY_LATER) if (match := pattern.search(text))]
    if not found:
        return None
    match = min(found, key=lambda match: match.start("marker"))
    start, marker_end = match.start("marker"), match.end("marker")
    rest = text[marker_end:]
    stop = CLAUSE_BREAK.search(rest) if start < len(text) / 2 or "," in rest else None
    end = marker_end + stop.start() if stop else len(text)
    end = len(text[:end].rstrip(" .!?\"'”’)"))
    return (Range(start, end), marker_end) if end > marker_end else None


def _subject_before(text: str, position: int) -> Range | None:
    """The words before ``position`` back to the clause start: a modal's subject."""
    starts = [match.end() for match in SUBJECT_START.finditer(text, 0, position)]
    start = starts[-1] if starts else 0
    words = text[start:position].strip(" \"'“”‘’")
    if not words or len(words.split()) > 6:
        return None
    offset = text.index(words, start)
    return Range(offset, offset + len(words))


def _agent(text: str, found: Range | None) -> Range | None:
    """``found`` if its words can be whom a demand is of: a name ("Washington", "the EU") or
    people by a common noun ("rich countries"); not "any talks", "aid trucks" or "they"."""
    if found is None:
        return None
    words = text[found.start : found.end].split()
    first = words[0].lower() if words else ""
    named = [word for word in words if word[:1].isupper() and word.lower() not in NOT_NAMES]
    people = AGENT_NOUNS.search(text, found.start, found.end)
    # "all parties" and "both sides" are whom the demand is of; "all talks" is no one.
    if (first in NOT_NAMES and not (first == "all" and people)) or not (named or people):
        return None
    return found


def _addressee(text: str, cue: str) -> Range | None:
    """Whom a demand of the statement is of, where the words before its act can be someone:
    after a demanding verb in ``text`` or, after a demanding ``cue``, at its start."""
    matches = list(DEMAND_OF_ANYONE.finditer(text))
    if DEMAND_CUES.match(cue) or OBJECT_DEMAND_CUES.match(cue) or re.search(r"\bcall\w*$", cue):
        matches.insert(0, CUE_OBJECT_ANYONE.match(text))
    if DEMAND_THAT_CUES.search(cue):
        matches.insert(0, CUE_THAT.match(text))
    for match in matches:
        if match and (found := _agent(text, Range(match.start("object"), match.end("object")))):
            return found
    return None


def _demand(text: str, cue: str) -> tuple[bool, Range | None]:
    """Whether the statement demands, and of whom (a range of ``text``) where it says."""
    if addressee := _addressee(text, cue.strip()):
        return True, addressee
    if match := DEMAND_OF.search(text):
        return True, _agent(text, Range(match.start("object"), match.end("object")))
    if modal := MODAL.search(text):
        subject = _subject_before(text, modal.start())
        if subject is not None and text[subject.start : subject.end].lower() in FIRST_PERSON:
            return False, None
        return True, _agent(text, subject)
    match = CUE_OBJECT.match(text)
    if match and (DEMAND_CUES.match(cue.strip()) or OBJECT_DEMAND_CUES.match(cue.strip())):
        return True, _agent(text, Range(match.start("object"), match.end("object")))
    if DEMAND_CUES.match(cue.strip()):
        return True, None
    if NEED.search(text):
        return True, None
    return False, None


def _clause(text: str, position: int) -> Range:
    """The clause of ``text`` around ``position``: between clause breaks (commas, "but", ...)."""
    breaks = [(match.start(), match.end()) for match in CLAUSE_BREAK.finditer(text)]
    start = max([0, *(end for begin, end in breaks if end <= position)])
    end = min([len(text), *(begin for begin, end in breaks if begin > position)])
    return Range(start, end)


def _acts_against(text: str, against: list[re.Pattern[str]], any_against: re.Pattern[str] | None) -> int:
    """How many places of ``text`` the issue's ``against`` words match (overlaps once);
    ``any_against``: them as one expression, if made (a text it does not match has none)."""
    if any_against is not None and not any_against.search(text):
        return 0
    spans = sorted({match.span() for pattern in against for match in pattern.finditer(text)})
    count, reached = 0, -1
    for start, end in spans:
        if start >= reached:
            count += 1
        reached = max(reached, end)
    return count


# The agent of a condition ("only if Ukraine withdrew its troops"): whom the statement asks it of.
CONDITION_AGENT = re.compile(r"\s+(?P<agent>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+[a-z]+")


def _signals(
    words: str,
    cue: str,
    negated: bool,
    against: list[re.Pattern[str]],
    any_against: re.Pattern[str] | None,
    issue_end: int | None = None,
) -> tuple[int, bool, int]:
    """The turns of a stretch of words (negations, the issue's ``against`` words, a negated
    attribution, and one for any rejections or charges of its own or its cue's), whether it
    says anything of a side at all, and its refusals (:func:`_refusals`). ``issue_end``: where
    the issue's words end in ``words``; a subordinate clause after them ("before the war
    ends", "so that a famine does not develop", "amid accusations of rigging") is not said of
    the issue, and its turns, to the end of the words, are not counted."""
    refusals = _refusals(words, cue, negated)
    acts = _acts_against(words, against, any_against)
    # Only a stretch that turns at all is cut: most turn nowhere, and are read once.
    if (refusals or acts) and issue_end is not None and (cut := SUBORDINATE.search(words, issue_end)):
        refusals = _refusals(words[: cut.start()], cue, negated)
        acts = _acts_against(words[: cut.start()], against, any_against)
    turns = refusals + acts
    says = bool(turns or SUPPORT.search(words) or SUPPORT.search(cue) or PROMISE.search(words))
    return turns, says, refusals


def _charges(words: str) -> bool:
    """Whether ``words`` charge someone with an act (``ACCUSING``); "are accused of war crimes"
    reports another's charge."""
    return any(not PASSIVE_BEFORE.search(words, 0, match.start()) for match in ACCUSING.finditer(words))


def _refusals(words: str, cue: str, negated: bool) -> int:
    """The negations of a stretch of words and its cue, and one for any rejections."""
    negations = len(NEGATIONS.findall(words)) + len(NEGATIONS.findall(cue)) + int(negated)
    return (
        negations
        + int(_charges(words) or _charges(cue))
        + int(bool(REJECTIONS.search(words) or REJECTIONS.search(cue)))
    )


def read_stance(
    text: str,
    cue: str,
    *,
    negated: bool = False,
    against: list[re.Pattern[str]] | None = None,
    event_type: str | None = None,
    issue_at: Range | None = None,
    any_against: re.Pattern[str] | None = None,
) -> Reading:
    """The stance of a statement of ``text`` (a sentence of its content, or the sentence of
    an event), reported with ``cue`` ("ruled out", "said"; "" for none), on an issue named
    at ``issue_at`` (None: the whole text is about it) whose ``against`` words turn it.
    Turns and demands are read in the issue's clause (the whole sentence where the clause
    says nothing of a side), so that "open to talks but any agreement would have to ..."
    supports talks; a condition is looked for in the whole sentence. ``any_against``: the
    ``against`` words as one expression (``Issue.against_words``), if made."""
    against = against or []
    clause = _clause(text, issue_at.start) if issue_at else Range(0, len(text))
    issue_end = max(0, issue_at.end - clause.start) if issue_at else None
    turns, says, refusals = _signals(
        text[clause.start : clause.end], cue, negated, against, any_against, issue_end
    )
    if not says:
        clause = Range(0, len(text))
        issue_end = issue_at.end if issue_at else None
        turns, says, refusals = _signals(text, cue, negated, against, any_against, issue_end)
    words = text[clause.start : clause.end]
    condition, marker_end = _condition(text) or (None, 0)
    # A condition holds unless the statement refuses (an act against the issue does not:
    # "might lift sanctions if a peace deal is reached" is conditional); a refusal is the
    # condition's own before "unless" and "until", and "until" is none without one ("the
    # sanctions stay until Russian forces leave" supports them).
    refused = refusals % 2 == 1
    marker = text[condition.start :].lower() if condition else ""
    if condition is not None and (refused or not marker.startswith("until")):
        requiring = marker.startswith(REQUIRING)
        if issue_at is not None and condition.contains(issue_at) and (requiring or not refused):
            # The issue is the condition: asked for ("in exchange for", "until"), of whoever
            # it names, or wanted ("if a peace deal is reached"); one refused ("would not
            # give up land in exchange for a ceasefire") is neither.
            agent = CONDITION_AGENT.match(text, marker_end)
            found = _agent(text, Range(agent.start("agent"), agent.end("agent"))) if agent else None
            asked = found is not None or marker.startswith(ASKING)
            return Reading("demands", demanded_of=found) if asked else Reading("supports")
        if requiring or not refused:
            return Reading("conditional", condition=condition)
    demands, of = _demand(words, cue)
    of = Range(of.start + clause.start, of.end + clause.start) if of else None
    # A demand stays one whatever it asks ("Kyiv must not join NATO", "said the vote was
    # rigged and demanded a new election"), unless the attribution denies it.
    if (demands or DEMAND_WORDS.search(words)) and not negated:
        return Reading("demands", demanded_of=of)
    if turns % 2 == 1:
        return Reading("opposes")
    if says:
        return Reading("supports")
    if event_type in EVENT_STANCES:
        return Reading(EVENT_STANCES[event_type])
    return Reading("unclear")


# Words of a statement that takes no side yet: studying, weighing, forecasting ("we are
# looking at the plan", "too early to say", "depends on the front line").
UNDECIDED = _words(
    r"stud(?:y|ies|ied|ying)",
    r"consider\w*",
    r"look\w* (?:at|into)",
    r"review\w*",
    r"assess\w*",
    r"examin\w*",
    r"evaluat\w*",
    r"weigh\w*",
    r"too early",
    r"remains? to be seen",
    r"depends?(?: on)?",
    r"whether",
    r"unclear",
    r"uncertain",
    r"undecided",
    r"no decision",
    r"discuss\w*",
    r"on the (?:table|agenda)",
    r"may",
    r"might",
    r"could",
    r"possibl\w*",
    r"(?:un)?likely",
    r"not sure",
    r"who knows",
    r"far from certain",
    r"monitor\w*",
    r"nuances?",
    r"we(?:'ll| will) see",
    r"wait and see",
)
# A refusal refused: "not ruling out", "cannot rule out", "not against" support.
HEDGED_SUPPORT = re.compile(
    r"(?<![\w-])(?:not|n't|never|cannot)\s+(?:\w+\s+)?(?:rul\w* out|against|opposed)(?![\w-])", re.IGNORECASE
)
# Acts that end or cut whatever the issue is ("lift", "halt", "scrap"), beside an issue's own
# ``against`` words.
ENDING = _words(
    r"lift\w*",
    r"eas(?:e|es|ed|ing)",
    r"end(?:s|ed|ing)?",
    r"scrap\w*",
    r"remov\w*",
    r"halt\w*",
    r"suspend\w*",
    r"cut\w*",
    r"withdraw\w*",
    r"pause\w*",
    r"stop\w*",
    r"freez\w*",
    r"postpon\w*",
)
# Acts that make whatever the issue is more or stronger ("impose", "tighten", "retaliate"):
# the other side of ``ENDING`` (imposing tariffs supports them; lifting sanctions opposes them).
STRENGTHENING = _words(
    r"impos\w*",
    r"introduc\w*",
    r"rais\w*",
    r"tighten\w*",
    r"expand\w*",
    r"extend\w*",
    r"increas\w*",
    r"step\w* up",
    r"retaliat\w*",
    r"counter-\w+",
    r"new",
    r"more",
    r"further",
    r"resum\w*",
)
# Words that judge a thing bad ("a fraud", "absurd", "meaningless"): the speaker is against
# what they judge, though no refusal is said.
JUDGED_BAD = _words(
    r"absurd\w*",
    r"fraud\w*",
    r"sham",
    r"farce",
    r"rigged",
    r"meaningless",
    r"unrealistic",
    r"manipulat\w*",
    r"illegitimate",
    r"illegal",
    r"invalid",
    r"no (?:legal )?validity",
    r"null and void",
    r"neither free nor fair",
    r"unjust\w*",
    r"bad",
    r"dangerous",
    r"provocat\w*",
    r"pretext",
    r"blackmail\w*",
    r"hypocri\w*",
    r"shameful",
    r"outrageous",
    r"useless",
    r"not enough",
    r"betray\w*",
    r"reward\w* aggress\w*",
    r"surrender\w*",
    r"capitulat\w*",
    r"trap",
    r"scam",
    r"infamous",
    r"regret\w*",
    r"deplor\w*",
    r"denounc\w*",
    r"slam\w*",
    r"balk\w*",
    r"scoff\w*",
    r"lambast\w*",
    r"accus\w*",
)
# Words that judge a thing good ("a historic step", "the best way", "an integral part").
JUDGED_GOOD = _words(
    r"good",
    r"great",
    r"historic",
    r"positive",
    r"constructive",
    r"useful",
    r"productive",
    r"fair",
    r"success\w*",
    r"breakthrough",
    r"vital",
    r"crucial",
    r"the (?:best|only|right) way",
    r"no alternative",
    r"integral part",
    r"firm",
    r"unwavering",
    r"inalienable",
    r"legitimate",
    r"right",
    r"deserve\w*",
    r"must not be allowed",
)
# Conditions the rules do not read as one ("as soon as Kyiv withdraws", "when conditions
# allow", "in case both parties wish"): a time that is the condition.
SOFT_CONDITION = re.compile(
    r"(?<![\w-])(?:as soon as|in case|whenever|the moment|once(?! again| more| and)|when(?! asked)|"
    r"only (?:on|under|with|through|by|in)|subject to|depending on|without)(?![\w-])",
    re.IGNORECASE,
)
# The speaker's side refusing ("We cannot negotiate while ...", "we will never recognise"):
# a refusal of its own acts, as opposed to a denial about others.
OWN_REFUSAL = re.compile(
    r"(?<![\w-])(?:we|i)\s+(?:\w+\s+)?(?:not|never|cannot|can't|won't|will not|don't|do not)(?![\w-])",
    re.IGNORECASE,
)
# The names of ``statement_signals``' numbers, in order.
SIGNALS = (
    "negation",
    "negations odd",
    "rejection",
    "support",
    "promise",
    "modal",
    "modal of the speaker's side",
    "demand of someone",
    "demand word",
    "need",
    "condition",
    "condition requiring",
    "condition asking",
    "question",
    "undecided",
    "hedged support",
    "ending",
    "cue negation",
    "cue rejection",
    "cue support",
    "cue demand",
    "cue demand of its object",
    "cue undecided",
    "cue none",
    "strengthening",
    "judged bad",
    "judged good",
    "soft condition",
    "cue judged bad",
    "own refusal",
)


def statement_signals(text: str, cue: str) -> list[float]:
    """What the rules' lexicons find in a statement's content and its cue, one number a
    ``SIGNALS`` name (1.0 found, 0.0 not): the learned stance classifier weighs them where
    the rules count them in a fixed order."""
    negations = len(NEGATIONS.findall(text))
    modal = MODAL.search(text)
    subject = _subject_before(text, modal.start()) if modal else None
    own_side = subject is not None and text[subject.start : subject.end].lower() in FIRST_PERSON
    condition = _condition(text)
    marker = text[condition[0].start :].lower() if condition else ""
    cue = cue.strip()
    found = (
        negations > 0,
        negations % 2 == 1,
        REJECTIONS.search(text),
        SUPPORT.search(text),
        PROMISE.search(text),
        modal,
        own_side,
        DEMAND_OF.search(text),
        DEMAND_WORDS.search(text),
        NEED.search(text),
        condition,
        marker.startswith(REQUIRING),
        marker.startswith(ASKING),
        "?" in text,
        UNDECIDED.search(text),
        HEDGED_SUPPORT.search(text) or HEDGED_SUPPORT.search(cue),
        ENDING.search(text),
        NEGATIONS.search(cue),
        REJECTIONS.search(cue),
        SUPPORT.search(cue),
        DEMAND_CUES.match(cue),
        OBJECT_DEMAND_CUES.match(cue),
        UNDECIDED.search(cue),
        not cue,
        STRENGTHENING.search(text),
        JUDGED_BAD.search(text),
        JUDGED_GOOD.search(text),
        SOFT_CONDITION.search(text),
        JUDGED_BAD.search(cue),
        OWN_REFUSAL.search(text),
    )
    return [float(bool(value)) for value in found]


def lead_addressee(lead: str) -> Range | None:
    """Whom a demanding cue addresses in ``lead``, the words from the cue to its content
    ("urged the government " before "to withdraw the bill"), where they can be someone."""
    match = LEAD_ADDRESSEE.search(lead)
    return _agent(lead, Range(match.start("object"), match.end("object"))) if match else None


def condition_span(text: str) -> Range | None:
    """The span of ``text``'s condition, if it has one (for a statement a model reads
    ``conditional`` where the rules did not)."""
    found = _condition(text)
    return found[0] if found else None


def demanded_of(text: str, cue: str) -> Range | None:
    """Whom ``text`` (with its ``cue``) demands of, where it names someone (for a statement a
    model reads ``demands`` where the rules did not)."""
    return _demand(text, cue)[1]
