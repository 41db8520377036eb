"""The writer behind a first-person source ("I think ...") in an op-ed, a letter or a book
excerpt: the name that signs the paragraph (a letter, a reader's comment), the byline ("By
Jane Roe"), the closing note on the author ("Rep. Raul Grijalva, D-Ariz., was an early backer
of ...") or the excerpt's credit ("From STEALING AMERICA by Dinesh D'Souza")."""

from __future__ import annotations

import re

FIRST_PERSON = frozenset({"i", "me", "my"})
# Two to four capitalised words or initials ("Richard Hays Powell", "H. W. Brands").
_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w'’-]*)"
_NAME = rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}"
# A paragraph that is only a name or a handle: the signature under a letter or a comment.
_SIGNATURE = re.compile(rf"(@\w+|{_NAME})\.?")
_BYLINE = re.compile(rf"By ({_NAME})\.?")
# How many opening paragraphs a byline may be in, and how long a closing note on the author is.
_BYLINE_PARAGRAPHS = 4
_NOTE_WORDS = 40
# A closing note's title before the author's name, and the words that open an excerpt's credit.
_NOTE_TITLES = frozenset({"rep.", "sen.", "gov.", "dr.", "mr.", "ms.", "mrs.", "rev.", "prof."})
_CREDIT = re.compile(r"^(?:From|Excerpted from|Adapted from)\b|©|Copyright")
# What a closing note says of its author: "X is / was / chairs / serves as ...".
NOTE_VERBS = frozenset({"be", "chair", "serve", "direct", "teach", "write", "lead", "head", "run"})
_CREDITED = re.compile(rf"\bby ({_NAME})")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the text's non-empty lines."""
    return [(match.start(), match.end()) for match in re.finditer(r"[^\n]*\S[^\n]*", text)]


def signature(text: str, offset: int) -> tuple[int, int] | None:
    """Where the name signing the paragraph at ``offset`` is: the next paragraph, when it is
    only a name of two to four capitalised words or a handle ("Richard Hays Powell.",
    "@hotflesh."), not a heading in capitals ("FACEBOOK.")."""
    lines = paragraphs(text)
    following = next((i + 1 for i, (start, end) in enumerate(lines) if start <= offset < end), None)
    if following is None or following >= len(lines):
        return None
    start, end = lines[following]
    line = text[start:end].strip()
    match = _SIGNATURE.fullmatch(line)
    if match is None or line.isupper():
        return None
    return start + (end - start - len(text[start:end].lstrip())) + match.start(1), start + match.end(1)


def byline(text: str) -> tuple[int, int] | None:
    """Where the name of an opening "By Jane Roe" line is."""
    for start, end in paragraphs(text)[:_BYLINE_PARAGRAPHS]:
        match = _BYLINE.fullmatch(text[start:end].strip())
        if match is not None:
            first = start + len(text[start:end]) - len(text[start:end].lstrip())
            return first + match.start(1), first + match.end(1)
    return None


def _last_paragraph(text: str) -> tuple[int, int] | None:
    """The last paragraph, when it is short enough to be a note on the author or a credit."""
    lines = paragraphs(text)
    if not lines or len(text[lines[-1][0] : lines[-1][1]].split()) > _NOTE_WORDS:
        return None
    return lines[-1]


def author_note(text: str) -> tuple[int, int] | None:
    """Where a closing note on the author may be: the last paragraph, when it is short and
    no excerpt's credit."""
    last = _last_paragraph(text)
    return None if last is None or _CREDIT.search(text[last[0] : last[1]].strip()) else last


def credit(text: str) -> tuple[int, int] | None:
    """Where the author's name is in an excerpt's closing credit ("From STEALING AMERICA by
    Dinesh D'Souza. Copyright ...")."""
    last = _last_paragraph(text)
    if last is None or not _CREDIT.search(text[last[0] : last[1]].strip()):
        return None
    match = _CREDITED.search(text, last[0], last[1])
    return (match.start(1), match.end(1)) if match else None


def quoted(text: str, offset: int) -> bool:
    """Whether an offset is inside a quotation its paragraph opened before it (one no
    attribution holds): the writer is not the one who speaks there."""
    start = text.rfind("\n", 0, offset) + 1
    before = text[start:offset]
    # Curly quotes open and close apart; straight ones and doubled apostrophes alternate.
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1 or before.count("''") % 2 == 1


def opens_note(text: str, note_start: int, name_start: int) -> bool:
    """Whether a name opens a closing note, after at most a title ("Rep. Debbie Wasserman Schultz")."""
    before = text[note_start:name_start].split()
    return not before or (len(before) == 1 and before[0].lower() in _NOTE_TITLES)
