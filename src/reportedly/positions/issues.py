"""The issues file (``data/issues.yaml``, a user's ``--issues``) and the issues of a text.

A text is about an issue when one of the issue's patterns matches it; a text no pattern
matches is about the issue whose example statements its sentence embedding comes closest to
(cosine), if at least ``SIMILARITY_THRESHOLD``. The patterns carry most of the work: the
encoder, all-MiniLM-L6-v2, finds topics the patterns do not name, but beside a pattern's
issue it finds neighbouring ones the text only brushes ("Kyiv to accept the new territorial
realities" is 0.75 from "Kyiv's place is in the European Union").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from re._parser import parse as parse_pattern

import numpy as np
import yaml

from reportedly.nlp.encoder import SentenceEncoder
from reportedly.positions.expressions import first_characters, guarded

# The cosine to an issue's closest example that assigns it without a pattern: tuned on
# eval/positions/tuning.jsonl (the project's own statements, never the gold), where every
# statement above 0.66 about an issue its patterns miss was about another issue.
SIMILARITY_THRESHOLD = 0.70


class IssueFileError(Exception):
    """An issues file that cannot be read or is not in the form data/issues.yaml has."""


@dataclass(slots=True)
class Issue:
    name: str
    definition: str
    patterns: list[re.Pattern[str]]
    examples: list[str]
    # Words that, said of the issue, turn against it ("lift" sanctions, "halt" weapons deliveries).
    against: list[re.Pattern[str]] = field(default_factory=list)

    # The patterns as one expression: one search a text, not one a pattern.
    any_pattern: re.Pattern[str] | None = None
    # The ``against`` words as one expression (made on first use, as ``any_pattern``).
    any_against: re.Pattern[str] | None = None

    def first_match(self, text: str, start: int = 0) -> re.Match[str] | None:
        """The pattern match earliest in ``text`` (from ``start``: the word-boundary tests
        still see the characters before it), if any."""
        if self.any_pattern is None:
            self.any_pattern = _joined(self.patterns, self.name)
        return self.any_pattern.search(text, start)

    def against_words(self) -> re.Pattern[str]:
        """The ``against`` words as one expression: a text it does not match has none of them
        (one search, not one a word: most statements have none)."""
        if self.any_against is None:
            self.any_against = _joined(self.against, self.name)
        return self.any_against


@dataclass(slots=True)
class IssueBook:
    """The run's issues, in file order, and (once an encoder embedded them) their examples'
    vectors: one matrix, with the issue index of each row."""

    issues: list[Issue]
    digest: str  # of the files read: a store's stances say which issues they were made with
    example_vectors: np.ndarray | None = None
    example_issue: np.ndarray | None = None
    # Every issue's patterns as one expression: a text it does not match is about none, found
    # in one search, not one an issue (most statements, in news about other matters).
    any_issue: re.Pattern[str] | None = None

    def embed_examples(self, encoder: SentenceEncoder) -> None:
        texts = [example for issue in self.issues for example in issue.examples]
        self.example_vectors = encoder.encode(texts)
        self.example_issue = np.array(
            [index for index, issue in enumerate(self.issues) for _ in issue.examples], dtype=np.int64
        )

    def names(self) -> list[str]:
        return [issue.name for issue in self.issues]

    def about(self, text: str) -> list[tuple[Issue, re.Match[str]]]:
        """The issues one of whose patterns ``text`` matches, in file order, with the match."""
        if self.any_issue is None:
            self.any_issue = _any_of(
                [pattern for issue in self.issues for pattern in issue.patterns], "issues"
            )
        first = self.any_issue.search(text)
        if not first:
            return []
        # No issue's match starts before the first of any issue's: each searches from there.
        return [(issue, match) for issue in self.issues if (match := issue.first_match(text, first.start()))]

    def closest(self, vector: np.ndarray) -> tuple[Issue, float] | None:
        """The issue whose examples come closest to ``vector``, if at least
        ``SIMILARITY_THRESHOLD``, with the cosine."""
        similarity = self.similarities(vector)
        if similarity is None or not len(similarity):
            return None
        best = int(np.argmax(similarity))
        return (
            (self.issues[best], round(float(similarity[best]), 3))
            if similarity[best] >= SIMILARITY_THRESHOLD
            else None
        )

    def similarities(self, vector: np.ndarray) -> np.ndarray | None:
        """Each issue's highest cosine between ``vector`` and its examples."""
        if self.example_vectors is None or self.example_issue is None:
            return None
        cosines = self.example_vectors @ vector.astype(np.float32)
        best = np.full(len(self.issues), -1.0, dtype=np.float32)
        np.maximum.at(best, self.example_issue, cosines)
        return best


def shipped_issues_path() -> Path:
    return Path(str(resources.files("reportedly") / "data" / "issues.yaml"))


# An issue's pattern matches whole words, or a whole part of a hyphenated word: compounds name
# the issue ("counter-tariffs", "by-elections", "air-defence deliveries"; in the training
# statements' contents, 6 more gold issues and 2 wrong ones).
BEFORE, AFTER = r"(?<!\w)(?:", r")(?!\w)"
# An ``against`` word matches whole words only, not a part of a hyphenated one: the stance's
# turns are acts, and a compound's part is none ("open-ended" does not end, "drop-off" drops nothing).
WORD_BEFORE, WORD_AFTER = r"(?<![\w-])(?:", r")(?![\w-])"


# Group references: an issue's patterns are searched joined into one expression, where a
# number or a name would point at another pattern's group.
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P[<=]")


def _compile(pattern: str, where: str, whole_words: bool = False) -> re.Pattern[str]:
    """``pattern`` between the boundaries of an issue's pattern, or (``whole_words``) of an
    ``against`` word."""
    if _GROUP_REFERENCE.search(pattern):
        raise IssueFileError(f"{where}: pattern {pattern!r} names or refers to a group (use (?:...) groups)")
    before, after = (WORD_BEFORE, WORD_AFTER) if whole_words else (BEFORE, AFTER)
    try:
        return re.compile(f"{before}{pattern}{after}", re.IGNORECASE)
    except re.error as error:
        raise IssueFileError(f"{where}: pattern {pattern!r} is not a regular expression ({error})") from None


def _joined(patterns: list[re.Pattern[str]], where: str) -> re.Pattern[str]:
    """The patterns (each made by :func:`_compile`) as one, with one word-boundary test around
    their alternatives, not one around each: the same matches, searched in a third of the time
    (a boundary test first at every position of a text was most of the stage's time besides
    the encoder)."""
    whole_words = any(pattern.pattern.startswith(WORD_BEFORE) for pattern in patterns)
    sources = [_source(pattern) for pattern in patterns]
    joined = guarded("|".join(f"(?:{source})" for source in sources), re.IGNORECASE) or "(?!)"
    return _compile(joined, where, whole_words)


def _source(pattern: re.Pattern[str]) -> str:
    """The expression :func:`_compile` made ``pattern`` of, without its boundaries."""
    whole_words = pattern.pattern.startswith(WORD_BEFORE)
    before, after = (WORD_BEFORE, WORD_AFTER) if whole_words else (BEFORE, AFTER)
    return pattern.pattern[len(before) : -len(after)]


def _any_of(patterns: list[re.Pattern[str]], where: str) -> re.Pattern[str]:
    """An expression that finds where the first match of any of the patterns (each made by
    :func:`_compile`) starts, not which: its alternatives sorted by the character they start
    with, behind a test of that character, so that a word start tries the few patterns that
    can start there rather than every one in turn: the shipped issues' search of PolNeAR dev's
    4,323 sentences 0.53 -> 0.20 s (it was a third of the stage's time besides the encoder).
    A pattern whose first characters are not read simply is tried everywhere, last. The
    characters are taken in lower case (the test ignores case, as the patterns do): one group
    a letter, not one for "P" and one for "p", each tested at every word start (a tenth of the
    search with issues15's patterns)."""
    by_character: dict[str, dict[str, None]] = {}
    everywhere = []
    for pattern in patterns:
        source = _source(pattern)
        found = first_characters(parse_pattern(source, re.IGNORECASE))
        if found is None or found[1]:
            everywhere.append(source)
            continue
        for character in found[0]:
            by_character.setdefault(_folded(character), {})[source] = None
    groups = [
        f"(?={re.escape(character)})(?:{'|'.join(f'(?:{source})' for source in sources)})"
        for character, sources in sorted(by_character.items())
    ]
    groups += [f"(?:{source})" for source in everywhere]
    return _compile("|".join(groups) or "(?!)", where)


def _folded(character: str) -> str:
    """``character`` in lower case, where that is one character ("İ" lowers to two)."""
    lower = character.lower()
    return lower if len(lower) == 1 else character


def _read_issues(path: Path) -> tuple[list[Issue], bytes]:
    try:
        raw = path.read_bytes()
        data = yaml.safe_load(raw.decode("utf-8"))
    except OSError as error:
        raise IssueFileError(f"{path}: cannot read it ({error.strerror})") from None
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        problem = str(error).splitlines()[0]
        raise IssueFileError(f"{path}: not a YAML issues file ({problem})") from None
    if not isinstance(data, dict) or not isinstance(data.get("issues"), list):
        raise IssueFileError(f"{path}: no 'issues:' list")
    issues = []
    for number, item in enumerate(data["issues"], 1):
        where = f"{path}: issue {number}"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise IssueFileError(f"{where}: no name")
        where = f"{path}: issue {item['name']!r}"
        patterns, examples, against = (item.get(key) or [] for key in ("patterns", "examples", "against"))
        if not all(isinstance(value, list) for value in (patterns, examples, against)) or not all(
            isinstance(text, str) for text in (*patterns, *examples, *against)
        ):
            raise IssueFileError(f"{where}: patterns, examples and against must be lists of strings")
        if not patterns and not examples:
            raise IssueFileError(f"{where}: neither patterns nor examples")
        issues.append(
            Issue(
                name=item["name"].strip(),
                definition=str(item.get("definition") or ""),
                patterns=[_compile(pattern, where) for pattern in patterns],
                examples=list(examples),
                against=[_compile(pattern, where, whole_words=True) for pattern in against],
            )
        )
    return issues, raw


def load_issues(user_file: Path | None = None) -> IssueBook:
    """The shipped issues, with ``user_file``'s added (an issue of a shipped name replaces it)."""
    issues, raw = _read_issues(shipped_issues_path())
    digest = hashlib.sha256(raw)
    if user_file is not None:
        added, user_raw = _read_issues(user_file)
        digest.update(user_raw)
        replaced = {issue.name: issue for issue in added}
        issues = [replaced.pop(issue.name, issue) for issue in issues] + list(replaced.values())
    return IssueBook(issues, digest.hexdigest()[:16])
