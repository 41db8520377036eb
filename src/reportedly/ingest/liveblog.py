"""Live blogs: a page of timestamped posts ("8:52 a.m.: ...", "Updated 10:14 GMT", "2:14 p.m.
Spicer said ...").

Each post becomes a document of its own, linked to its page, with its own time; a
cross-reference such as "(see post at 8:52 a.m.)" points to the post of that time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportedly.model import Article
from reportedly.nlp.stamps import HOUR_MINUTE, MERIDIEM, POST_HEADER, RUN_IN_HEADER, clock

_RUN_IN_POSTS = 2
_CROSS_REFERENCE = re.compile(
    r"\(\s*see (?:the )?(?:post|update|entry) (?:at|from) "
    r"(?P<time>" + HOUR_MINUTE + r"\s*(?:" + MERIDIEM + r")?)[^)]*\)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Post:
    start: int
    end: int
    time: str  # "08:52"


@dataclass(frozen=True, slots=True)
class CrossReference:
    start: int
    end: int
    time: str


def split_posts(text: str) -> list[Post]:
    """The posts of a live blog, or [] for an ordinary article: a page is a live blog when
    it opens with a timestamped post or holds two of them; lines that open with a time and
    run on into a sentence head posts only when the page holds two of them."""
    headers = _headers(text, POST_HEADER)
    run_in = _headers(text, RUN_IN_HEADER)
    if len(run_in) >= _RUN_IN_POSTS:
        headers = sorted(headers + run_in)
    opens_with_post = bool(headers) and not text[: headers[0][0]].strip()
    if len(headers) < 2 and not opens_with_post:
        return []
    ends = [start for start, _ in headers[1:]] + [len(text.rstrip())]
    return [Post(start, end, time) for (start, time), end in zip(headers, ends, strict=True)]


def _headers(text: str, pattern: re.Pattern[str]) -> list[tuple[int, str]]:
    """Where each post header ``pattern`` finds starts, with its time ("08:52")."""
    return [(m.start(), time) for m in pattern.finditer(text) if (time := clock(m.group("time")))]


def cross_references(text: str) -> list[CrossReference]:
    """The "(see post at 8:52 a.m.)" references of a text."""
    return [
        CrossReference(m.start(), m.end(), time)
        for m in _CROSS_REFERENCE.finditer(text)
        if (time := clock(m.group("time")))
    ]


def post_links(posts: list[Article]) -> list[tuple[int, CrossReference, int]]:
    """The cross-references among a page's posts that name the time of one of them, as
    (the citing post's index, the reference, the cited post's index); of two posts at one
    time, the later is cited."""
    by_time = {post.document.posted[-5:]: number for number, post in enumerate(posts) if post.document.posted}
    return [
        (number, reference, by_time[reference.time])
        for number, post in enumerate(posts)
        for reference in cross_references(post.document.text)
        if reference.time in by_time
    ]
